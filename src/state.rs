//! What one mounted explorer shares across its views: the options it was started with and
//! the context (`Ctx`) of signals and memos every view reads, with the actions that change
//! them (open an actor, a pair, the reader; close the top panel; move focus).

use std::collections::HashSet;

use entente_core::summary::{ActorSummary, RelRef};
use leptos::html;
use leptos::prelude::*;

use crate::corpus::PageCorpus;
use crate::filter::{self, FacetCounts};
use crate::present::Theme;
use crate::url::{Filters, ViewState};
use crate::web;

/// How an explorer starts and what it may touch.
#[derive(Debug, Clone)]
pub struct AppOptions {
    /// The view to open, as a URL query (`?country=IRN&actor=putin`). When `None` and
    /// `use_url` is set, the address bar's query is read.
    pub initial_query: Option<String>,
    /// Read and write the address bar and listen to back/forward. An embed sets it false:
    /// it must not write history.
    pub use_url: bool,
    /// Load and save the reader's own articles and the theme in local storage.
    pub persist: bool,
    /// A corpus to show instead of the bundled articles (tests build one by hand).
    pub corpus: Option<PageCorpus>,
    /// Shown inside another page or an iframe (see [`crate::embed`]): a labelled region
    /// with no `<h1>` and no `<main>` (the host owns those), optionally compact.
    pub embed: Option<EmbedMode>,
    /// A fixed starting theme instead of the stored one.
    pub theme: Option<Theme>,
    /// Notices to show from the start (e.g. an embed attribute that was ignored).
    pub notices: Vec<String>,
}

impl Default for AppOptions {
    fn default() -> Self {
        AppOptions {
            initial_query: None,
            use_url: true,
            persist: true,
            corpus: None,
            embed: None,
            theme: None,
            notices: Vec::new(),
        }
    }
}

impl AppOptions {
    /// Options for an explorer embedded in another page: starts at `query`, never
    /// touches the address bar, history or storage; shown as an embed (full, not compact).
    pub fn embed(query: &str) -> Self {
        AppOptions {
            initial_query: Some(query.to_string()),
            use_url: false,
            persist: false,
            corpus: None,
            embed: Some(EmbedMode::default()),
            theme: None,
            notices: Vec::new(),
        }
    }
}

/// How an explorer is shown inside another page (set in [`AppOptions::embed`]; the rules
/// are in [`crate::embed::config`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmbedMode {
    /// Cards only: no graph, no "add your own article" panel, a short row of filters.
    pub compact: bool,
    /// Where "Open in the full explorer" points; the current view's query is appended.
    /// No link when `None`.
    pub full_link: Option<String>,
    /// Keep the view in `location.hash` under this key (E7).
    pub hash_key: Option<String>,
}

/// The state one explorer's views share. Copy: signals and memos are handles.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub corpus: RwSignal<PageCorpus>,
    pub state: RwSignal<ViewState>,
    /// Quiet notices (ignored URL parameters, storage problems), dismissable.
    pub notices: RwSignal<Vec<String>>,
    /// Stored articles that could not be read (S2, S3): kept as they are until the reader
    /// downloads or discards them from the notice.
    pub unreadable: RwSignal<Option<crate::storage::StorageError>>,
    /// The last thing done, announced politely (export, added, removed).
    pub status: RwSignal<String>,
    pub filters: Memo<Filters>,
    pub kept: Memo<Vec<RelRef>>,
    pub visible: Memo<Vec<ActorSummary>>,
    pub counts: Memo<FacetCounts>,
    /// The "add your own article" panel is open.
    pub adding: RwSignal<bool>,
    pub theme: RwSignal<Theme>,
    /// The analysis of added articles under way, if any (src/analysis.rs).
    pub analysing: RwSignal<Option<crate::analysis::BatchProgress>>,
    /// Set by the Cancel button; the analysis stops at its next pause.
    pub cancel: RwSignal<bool>,
    /// The analysis of the reader's saved articles at start, if under way: the seeds show
    /// at once, the saved articles join when analysed (no Cancel: they stay stored).
    pub loading: RwSignal<Option<crate::analysis::BatchProgress>>,
    pub persist: bool,
    pub root: NodeRef<html::Div>,
    /// Where focus goes back to when the reader closes: (the article's key, a selector of
    /// the link that opened it), set by the links that open the reader.
    pub return_to: StoredValue<Option<(String, String)>>,
}

impl Ctx {
    /// A new explorer's context over `corpus` at the view `state`. What is in view (the
    /// kept relations, the visible actors, the facet counts) is derived here once, as memos
    /// every view reads.
    pub fn new(
        corpus: PageCorpus,
        state: ViewState,
        notices: Vec<String>,
        unreadable: Option<crate::storage::StorageError>,
        theme: Theme,
        persist: bool,
    ) -> Ctx {
        let corpus = RwSignal::new(corpus);
        let state = RwSignal::new(state);
        let filters = Memo::new(move |_| state.with(|s| s.filters.clone()));
        let kept = Memo::new(move |_| filters.with(|f| corpus.with(|c| filter::kept(c, f))));
        let visible =
            Memo::new(move |_| filters.with(|f| corpus.with(|c| filter::visible_actors(c, f))));
        let counts =
            Memo::new(move |_| filters.with(|f| corpus.with(|c| filter::facet_counts(c, f))));
        Ctx {
            corpus,
            state,
            notices: RwSignal::new(notices),
            unreadable: RwSignal::new(unreadable),
            status: RwSignal::new(String::new()),
            filters,
            kept,
            visible,
            counts,
            adding: RwSignal::new(false),
            theme: RwSignal::new(theme),
            analysing: RwSignal::new(None),
            cancel: RwSignal::new(false),
            loading: RwSignal::new(None),
            persist,
            root: NodeRef::new(),
            return_to: StoredValue::new(None),
        }
    }

    /// True while articles are being analysed (added ones, or saved ones at start): adding
    /// and removing wait, since both rewrite the saved list. Tracked.
    pub fn busy(&self) -> bool {
        self.analysing.with(Option::is_some) || self.loading.with(Option::is_some)
    }

    /// [`Ctx::busy`], untracked (for event handlers).
    pub fn busy_now(&self) -> bool {
        self.analysing.with_untracked(Option::is_some)
            || self.loading.with_untracked(Option::is_some)
    }

    /// Opens an actor's full view (the card pivots there), closing pair and reader.
    pub fn open_actor(&self, id: &str) {
        let id = id.to_string();
        self.state.update(|s| {
            s.actor = Some(id);
            s.pair = None;
            s.read = None;
            s.sentence = None;
        });
    }

    /// Opens the pair view of `a` and `b`.
    pub fn open_pair(&self, a: &str, b: &str) {
        if a == b {
            return;
        }
        let (a, b) = (a.to_string(), b.to_string());
        self.state.update(|s| {
            s.pair = Some((a, b));
            s.read = None;
            s.sentence = None;
        });
    }

    /// Opens the reader on article `doc`, at `sentence` when given.
    pub fn read(&self, doc: usize, sentence: Option<usize>) {
        let key = self.corpus.with_untracked(|c| c.doc_key(doc).to_string());
        self.state.update(|s| {
            s.read = Some(key);
            s.sentence = sentence;
        });
    }

    pub fn clear_filters(&self) {
        self.state.update(|s| s.filters = Filters::default());
    }

    /// Closes the top-most panel (reader, then pair, then actor, then the add panel).
    /// Returns false when nothing was open.
    pub fn close_top(&self) -> bool {
        if self.adding.get_untracked() {
            self.adding.set(false);
            return true;
        }
        let s = self.state.get_untracked();
        if s.read.is_some() {
            self.state.update(|s| {
                s.read = None;
                s.sentence = None;
            });
        } else if s.pair.is_some() {
            self.state.update(|s| s.pair = None);
        } else if let Some(id) = s.actor {
            self.state.update(|s| s.actor = None);
            // back to its card, or to the first card if filters hide it
            self.focus_later_first(vec![
                format!("[data-testid=\"card\"][data-actor=\"{}\"]", css_escape(&id)),
                "[data-testid=\"card\"]".into(),
            ]);
        } else {
            return false;
        }
        true
    }

    /// Focuses the first element matching `selector` in this explorer after the next paint.
    pub fn focus_later(&self, selector: String) {
        self.focus_later_first(vec![selector]);
    }

    /// After the next paint, focuses the first element matching the first of `selectors`
    /// that matches anything in this explorer.
    pub fn focus_later_first(&self, selectors: Vec<String>) {
        let root = self.root;
        request_animation_frame(move || {
            // the explorer may have been unmounted since
            if let Some(el) = root.try_get_untracked().flatten() {
                selectors.iter().any(|s| web::focus_first(&el, s));
            }
        });
    }

    /// Opens the reader like [`Ctx::read`], from the link `opener` (a selector), where
    /// focus goes back when the reader closes.
    pub fn read_from(&self, doc: usize, sentence: Option<usize>, opener: Option<String>) {
        let key = self.corpus.with_untracked(|c| c.doc_key(doc).to_string());
        self.return_to.set_value(opener.map(|o| (key, o)));
        self.read(doc, sentence);
    }

    /// The kept relations as a set, for `keep` closures.
    pub fn kept_set(&self) -> HashSet<RelRef> {
        self.kept.with(|k| k.iter().copied().collect())
    }
}

/// Escapes a value for a CSS attribute selector in double quotes.
pub fn css_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}
