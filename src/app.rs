//! The explorer's root: its options, the state every view shares (a context, one per
//! mounted explorer, so two can live on one page), the URL and history sync, the header,
//! the filters, the status line and the main views.

use std::collections::HashSet;

use entente_core::summary::{ActorSummary, RelRef};
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::corpus::{PageCorpus, Source};
use crate::embed::{CompactFilters, EmbedBar, EmbedMode, FullLink};
use crate::filter::{self, Facet, FacetCounts};
use crate::present::Theme;
use crate::url::{self, Filters, Tab, ViewState};
use crate::views::{AddPanel, CardGrid, GraphView, Panel};
use crate::web;

/// Local-storage key of the chosen theme.
pub const THEME_KEY: &str = "entente.theme";

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

/// What the focus rules watch of the open panels: actor, pair, article, at a sentence.
type PanelKey = (
    Option<String>,
    Option<(String, String)>,
    Option<String>,
    bool,
);

/// Escapes a value for a CSS attribute selector in double quotes.
pub fn css_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Reads the reader's stored articles. Storage the browser forbids becomes a notice;
/// stored data that cannot be read is returned as the error, to offer its download and
/// discard (S2, S3).
fn stored_sources(
    notices: &mut Vec<String>,
) -> (Vec<Source>, Option<crate::storage::StorageError>) {
    use crate::storage::StorageError;
    match crate::storage::load() {
        Ok(list) => (
            list.into_iter()
                .map(|a| Source::yours(&a.id, &a.name, &a.text, a.warning))
                .collect(),
            None,
        ),
        Err(e @ (StorageError::Corrupt { .. } | StorageError::OldFormat { .. })) => {
            (Vec::new(), Some(e))
        }
        Err(e) => {
            notices.push(format!("{e}."));
            (Vec::new(), None)
        }
    }
}

/// Analyses the reader's saved articles in slices after the first paint, then adds them;
/// the view asked for (`asked`) is checked again against the whole corpus, unless the reader
/// has moved on from `start` meanwhile.
fn load_saved(ctx: Ctx, saved: Vec<Source>, asked: ViewState, start: ViewState) {
    // Busy from the first paint: adding or removing while the saved articles are still out
    // of the corpus would save over them.
    ctx.loading
        .set(crate::analysis::BatchProgress::waiting(&saved));
    leptos::task::spawn_local(async move {
        // the first cards paint before the engine is built (SL5 in src/analysis.rs)
        web::pause().await;
        let engine = crate::analysis::engine_paced(web::pause).await;
        let docs = crate::analysis::run(
            engine,
            &saved,
            web::now_ms,
            web::pause,
            |p| {
                let _ = ctx.loading.try_set(Some(p));
            },
            // unmounted: stop
            || ctx.loading.try_get_untracked().is_none(),
        )
        .await;
        let Some(docs) = docs else {
            return;
        };
        let _ = ctx
            .corpus
            .try_update(|c| c.add(engine, saved.into_iter().zip(docs).collect()));
        let _ = ctx.loading.try_set(None);
        if ctx.state.try_get_untracked().as_ref() == Some(&start) {
            let (s, notices) = ctx.corpus.with_untracked(|c| c.validate(asked));
            ctx.state.set(s);
            if !notices.is_empty() {
                ctx.notices
                    .update(|n| n.extend(notices.iter().map(|n| n.to_string())));
            }
        }
    });
}

/// The explorer. Mount it with [`crate::mount`] or [`crate::mount_to`].
pub fn explorer(options: AppOptions) -> impl IntoView {
    let mut notices: Vec<String> = Vec::new();
    // The reader's saved articles are analysed after the first paint, in slices.
    let mut saved: Vec<Source> = Vec::new();
    let mut unreadable = None;
    let corpus0 = match options.corpus {
        Some(c) => c,
        None => {
            if options.persist {
                let (yours, problem) = stored_sources(&mut notices);
                saved = yours;
                unreadable = problem;
            }
            // analysed at build time (src/pack.rs); the engine only if that did not read
            PageCorpus::bundled().unwrap_or_else(|| {
                PageCorpus::build(
                    crate::analysis::engine(),
                    Source::seeds(crate::seeds::SEEDS),
                )
            })
        }
    };
    let embed = options.embed.clone();
    let compact = embed.as_ref().is_some_and(|e| e.compact);
    let hash_key = embed.as_ref().and_then(|e| e.hash_key.clone());
    let query = hash_key
        .as_deref()
        .and_then(crate::embed::hash_start)
        .or_else(|| options.initial_query.clone())
        .or_else(|| options.use_url.then(web::location_search))
        .unwrap_or_default();
    let (mut s, n1) = url::parse(&query);
    if compact {
        s.tab = Tab::Cards;
    }
    // With saved articles still to come, what the seeds lack may be in them: the view is
    // checked again, with its notices, once they are in.
    let asked = s.clone();
    let (s, n2) = corpus0.validate(s);
    notices.extend(options.notices.iter().cloned());
    notices.extend(n1.iter().map(|n| n.to_string()));
    if saved.is_empty() {
        notices.extend(n2.iter().map(|n| n.to_string()));
    }
    let start_state = s.clone();

    let theme0 = if let Some(t) = options.theme {
        t
    } else if options.persist {
        web::stored(THEME_KEY)
            .and_then(|t| t.parse().ok())
            .unwrap_or_default()
    } else {
        Theme::Auto
    };

    let corpus = RwSignal::new(corpus0);
    let state = RwSignal::new(s);
    let filters = Memo::new(move |_| state.with(|s| s.filters.clone()));
    let kept = Memo::new(move |_| filters.with(|f| corpus.with(|c| filter::kept(c, f))));
    let visible =
        Memo::new(move |_| filters.with(|f| corpus.with(|c| filter::visible_actors(c, f))));
    let counts = Memo::new(move |_| filters.with(|f| corpus.with(|c| filter::facet_counts(c, f))));
    let ctx = Ctx {
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
        theme: RwSignal::new(theme0),
        analysing: RwSignal::new(None),
        cancel: RwSignal::new(false),
        loading: RwSignal::new(None),
        persist: options.persist,
        root: NodeRef::new(),
        return_to: StoredValue::new(None),
    };
    provide_context(ctx);
    if !saved.is_empty() {
        load_saved(ctx, saved, asked, start_state);
    }

    if options.persist {
        Effect::new(move |prev: Option<Theme>| {
            let t = ctx.theme.get();
            if prev.is_some_and(|p| p != t) {
                web::store(THEME_KEY, t.as_str());
            }
            t
        });
    }

    if options.use_url {
        // state -> address bar: a new entry per step, except typing in the search box
        Effect::new(move |prev: Option<ViewState>| {
            let s = ctx.state.get();
            let q = url::to_query(&s);
            if q != web::location_search() {
                let replace = match &prev {
                    None => true,
                    Some(p) => {
                        p.filters.q != s.filters.q && {
                            let mut p2 = p.clone();
                            p2.filters.q = s.filters.q.clone();
                            p2 == s
                        }
                    }
                };
                web::write_query(&q, replace);
            }
            s
        });
        // back/forward -> state
        let handle = window_event_listener(ev::popstate, move |_| {
            let (s, n1) = url::parse(&web::location_search());
            let (s, n2) = ctx.corpus.with_untracked(|c| c.validate(s));
            let fresh: Vec<String> = n1.iter().chain(n2.iter()).map(|n| n.to_string()).collect();
            if !fresh.is_empty() {
                ctx.notices.set(fresh);
            }
            ctx.state.set(s);
        });
        on_cleanup(move || handle.remove());
    }
    if let Some(key) = hash_key {
        crate::embed::sync_hash(ctx, key, compact);
    }

    // a panel that opens takes focus (its heading), unless the reader focuses a sentence
    let panel_key = Memo::new(move |_| {
        ctx.state.with(|s| {
            (
                s.actor.clone(),
                s.pair.clone(),
                s.read.clone(),
                s.sentence.is_some(),
            )
        })
    });
    // ... and when the reader closes onto what was beneath it, focus goes back to the link
    // that opened it (in that view, or on its card), else to the heading beneath
    Effect::new(move |prev: Option<PanelKey>| {
        let key = panel_key.get();
        let (actor, pair, read, at_sentence) = &key;
        let open = actor.is_some() || pair.is_some() || read.is_some();
        if let Some((p_actor, p_pair, Some(p_read), _)) = &prev {
            if read.is_none() && p_actor == actor && p_pair == pair {
                let back = ctx
                    .return_to
                    .try_update_value(|r| r.take())
                    .flatten()
                    .filter(|(k, _)| k == p_read)
                    .map(|(_, sel)| sel);
                let mut to: Vec<String> = back.into_iter().collect();
                if open {
                    to.push(".ent-panel__heading".into());
                }
                ctx.focus_later_first(to);
                return key;
            }
        }
        if prev.is_some() && open && !at_sentence {
            ctx.focus_later(".ent-panel__heading".into());
        }
        key
    });

    let on_key = move |ev: ev::KeyboardEvent| {
        if ev.key() == "Escape" && ctx.close_top() {
            ev.prevent_default();
            ev.stop_propagation();
        } else if ev.key() == "Tab" && !ev.alt_key() && !ev.ctrl_key() && !ev.meta_key() {
            // a panel that covers the page (phone width) keeps focus inside until closed
            let target = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            if let Some(root) = ctx.root.get_untracked() {
                if web::keep_tab_inside_modal(&root, target, ev.shift_key()) {
                    ev.prevent_default();
                }
            }
        }
    };

    let panel_open = move || {
        ctx.state
            .with(|s| s.actor.is_some() || s.pair.is_some() || s.read.is_some())
    };

    // an embed is a labelled region: the host page owns <h1> and <main>
    let is_embed = embed.is_some();
    let link = embed.as_ref().and_then(|e| e.full_link.clone());
    let top = match (&embed, compact) {
        (Some(_), true) => view! { <EmbedBar link /> }.into_any(),
        _ => view! { <Header embed=is_embed link /> }.into_any(),
    };
    // the tab alone: a filter input changes the state, and must not build the view again
    let tab = Memo::new(move |_| ctx.state.with(|s| s.tab));
    let content = move || {
        view! {
            <StatusLine />
            <crate::views::LoadProgress />
            <Notices />
            {(!compact).then(|| view! { <Tabs /> })}
            {move || match tab.get() {
                Tab::Cards => view! { <CardGrid /> }.into_any(),
                Tab::Graph => view! { <GraphView /> }.into_any(),
            }}
        }
    };
    let main = if is_embed {
        view! { <div class="ent-main" data-testid="main">{content()}</div> }.into_any()
    } else {
        view! {
            <main class="ent-main" id="ent-main" tabindex="-1" data-testid="main">
                {content()}
            </main>
        }
        .into_any()
    };
    // the full page's first stop: past the header and the filters (not in embeds, whose
    // host page decides its own skip links); focus moves without touching the URL's hash
    let skip = (!is_embed).then(|| {
        view! {
            <a
                class="ent-skip"
                href="#ent-main"
                data-testid="skip-to-cards"
                on:click=move |ev: ev::MouseEvent| {
                    ev.prevent_default();
                    if let Some(root) = ctx.root.get_untracked() {
                        web::focus_first(&root, "#ent-main");
                    }
                }
            >
                "Skip to the main view"
            </a>
        }
    });
    let filters = if compact {
        view! { <CompactFilters /> }.into_any()
    } else {
        view! { <FilterNav /> }.into_any()
    };

    view! {
        <div
            class="ent-root"
            class=("ent-root--light", move || ctx.theme.get() == Theme::Light)
            class=("ent-root--dark", move || ctx.theme.get() == Theme::Dark)
            class=("ent-root--embed", is_embed)
            class=("ent-root--compact", compact)
            role=is_embed.then_some("region")
            aria-label=is_embed.then_some("Entente explorer")
            data-testid="app"
            node_ref=ctx.root
            on:keydown=on_key
        >
            {skip}
            {top}
            <div class="ent-layout" class=("ent-layout--panel", panel_open)>
                {filters}
                {main}
                <Panel />
            </div>
            {(!compact).then(|| view! { <AddPanel /> })}
        </div>
    }
}

/// The page header: the name (`<h1>` on Entente's own page, `<h2>` in an embed) and the tools.
#[component]
fn Header(embed: bool, link: Option<String>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let export = move |json: bool| {
        let keep = ctx.kept_set();
        let n = keep.len();
        let text = ctx.corpus.with_untracked(|c| {
            if json {
                entente_core::export::analysis_json(&c.docs, |rr, _| keep.contains(&rr))
            } else {
                entente_core::export::relations_csv(&c.docs, |rr, _| keep.contains(&rr))
            }
        });
        let (name, mime) = if json {
            ("entente-analysis.json", "application/json")
        } else {
            ("entente-relations.csv", "text/csv")
        };
        match web::download(name, mime, &text) {
            Ok(()) => ctx.status.set(format!(
                "Exported {} as {}.",
                crate::present::count_noun(n, "relation", "relations"),
                if json { "JSON" } else { "CSV" }
            )),
            Err(e) => ctx.status.set(e),
        }
    };
    view! {
        <header class="ent-header">
            <div class="ent-header__brand">
                {if embed {
                    view! { <h2 class="ent-header__title">"Entente"</h2> }.into_any()
                } else {
                    view! { <h1 class="ent-header__title">"Entente"</h1> }.into_any()
                }}
                <p class="ent-header__tagline">
                    "What states and leaders say to each other, and what they do"
                </p>
            </div>
            <div class="ent-header__tools">
                {link.map(|base| view! { <FullLink base /> })}
                <button
                    type="button"
                    class="ent-button"
                    data-testid="add-open"
                    aria-expanded=move || ctx.adding.get().to_string()
                    on:click=move |_| ctx.adding.update(|a| *a = !*a)
                >
                    "Add article"
                </button>
                <button
                    type="button"
                    class="ent-button"
                    data-testid="export-csv"
                    on:click=move |_| export(false)
                >
                    "Export CSV"
                </button>
                <button
                    type="button"
                    class="ent-button"
                    data-testid="export-json"
                    on:click=move |_| export(true)
                >
                    "Export JSON"
                </button>
                <label class="ent-field ent-field--inline">
                    <span class="ent-field__label">"Theme"</span>
                    <select
                        class="ent-select"
                        data-testid="theme"
                        on:change=move |ev| {
                            if let Ok(t) = event_target_value(&ev).parse() {
                                ctx.theme.set(t);
                            }
                        }
                    >
                        {Theme::ALL
                            .into_iter()
                            .map(|t| {
                                view! {
                                    <option
                                        value=t.as_str()
                                        selected=move || ctx.theme.get() == t
                                    >
                                        {t.label()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
            </div>
        </header>
    }
}

/// The labels and test ids of the facet selects, in display order.
const FACETS: [(Facet, &str, &str); 6] = [
    (Facet::Country, "Country", "filter-country"),
    (Facet::Leader, "Leader", "filter-leader"),
    (Facet::Kind, "Actor kind", "filter-kind"),
    (Facet::Quad, "Relation class", "filter-quad"),
    (Facet::Flag, "Flag", "filter-flag"),
    (Facet::Article, "Article", "filter-article"),
];

#[component]
fn FilterNav() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let open = !web::narrower_than(700);
    let active = move || {
        ctx.filters.with(|f| {
            let mut n = FACETS
                .iter()
                .filter(|(x, _, _)| filter::current(f, *x).is_some())
                .count();
            if !f.q.trim().is_empty() {
                n += 1;
            }
            n
        })
    };
    view! {
        <nav class="ent-filters" aria-label="Filters" data-testid="filters">
            <details class="ent-filters__box" open=open>
                <summary class="ent-filters__summary">
                    "Filters"
                    <span class="ent-filters__active">
                        {move || match active() {
                            0 => String::new(),
                            n => format!(" ({n} active)"),
                        }}
                    </span>
                </summary>
                <div class="ent-filters__body">
                    <label class="ent-field">
                        <span class="ent-field__label">"Search sentences"</span>
                        <input
                            type="search"
                            class="ent-input"
                            data-testid="filter-q"
                            placeholder="e.g. drones"
                            prop:value=move || ctx.filters.with(|f| f.q.clone())
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                ctx.state.update(|s| s.filters.q = v);
                            }
                        />
                    </label>
                    {FACETS
                        .into_iter()
                        .map(|(facet, label, testid)| {
                            view! { <FacetSelect facet label testid /> }
                        })
                        .collect_view()}
                    <button
                        type="button"
                        class="ent-button ent-button--wide"
                        data-testid="clear-filters"
                        disabled=move || ctx.filters.with(|f| f.is_empty())
                        on:click=move |_| ctx.clear_filters()
                    >
                        "Clear filters"
                    </button>
                    <PairPicker />
                    <ArticleList />
                </div>
            </details>
        </nav>
    }
}

#[component]
pub(crate) fn FacetSelect(
    facet: Facet,
    label: &'static str,
    testid: &'static str,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let choices = Memo::new(move |_| ctx.corpus.with(|c| filter::choices(c, facet)));
    // this facet's counts, "any" first, then in the order of `choices`: the options are
    // drawn again only when these change (choosing in this facet leaves its own counts as
    // they are), in place, so only the labels whose count changed are written
    let counts = Memo::new(move |_| {
        ctx.counts.with(|n| {
            choices.with(|ch| {
                std::iter::once(n.get(facet, ""))
                    .chain(ch.iter().map(|c| n.get(facet, &c.value)))
                    .collect::<Vec<usize>>()
            })
        })
    });
    let current = move || {
        ctx.filters
            .with(|f| filter::current(f, facet))
            .unwrap_or_default()
    };
    let on_change = move |ev: ev::Event| {
        let v = event_target_value(&ev);
        ctx.state
            .update(|s| filter::set(&mut s.filters, facet, Some(&v)));
    };
    view! {
        <label class="ent-field">
            <span class="ent-field__label">{label}</span>
            // `value` follows the filter; the options' `selected` says the same when drawn
            <select
                class="ent-select"
                data-testid=testid
                prop:value=current
                on:change=on_change
            >
                {move || {
                    let cur = ctx.filters.with_untracked(|f| filter::current(f, facet));
                    counts.with(|n| {
                        let n = |i: usize| n.get(i).copied().unwrap_or(0);
                        let any = view! {
                            <option value="" selected=cur.is_none()>
                                {format!("Any ({})", n(0))}
                            </option>
                        };
                        let rest = choices.with(|ch| {
                            ch.iter()
                                .enumerate()
                                .map(|(i, c)| {
                                    let selected = cur.as_deref() == Some(c.value.as_str());
                                    view! {
                                        <option value=c.value.clone() selected=selected>
                                            {format!("{} ({})", c.label, n(i + 1))}
                                        </option>
                                    }
                                })
                                .collect_view()
                        });
                        (any, rest)
                    })
                }}
            </select>
        </label>
    }
}

#[component]
fn PairPicker() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let a = RwSignal::new(String::new());
    let b = RwSignal::new(String::new());
    let actors = Memo::new(move |_| {
        ctx.corpus.with(|c| {
            let mut v: Vec<(String, String)> = c
                .actors
                .values()
                .filter(|a| !a.source_only)
                .map(|a| (a.id.clone(), a.name.clone()))
                .collect();
            entente_core::sort::sort_by(&mut v, |x, y| x.1.cmp(&y.1));
            v
        })
    });
    let options = move |sel: RwSignal<String>| {
        move || {
            actors
                .get()
                .into_iter()
                .map(|(id, name)| {
                    let selected = sel.get_untracked() == id;
                    view! {
                        <option value=id selected=selected>
                            {name}
                        </option>
                    }
                })
                .collect_view()
        }
    };
    let ready = move || {
        let (x, y) = (a.get(), b.get());
        !x.is_empty() && !y.is_empty() && x != y
    };
    view! {
        <fieldset class="ent-pairpick" data-testid="pair-picker">
            <legend class="ent-pairpick__legend">"Compare two actors"</legend>
            <label class="ent-field">
                <span class="ent-field__label">"First"</span>
                <select
                    class="ent-select"
                    data-testid="pair-a"
                    on:change=move |ev| a.set(event_target_value(&ev))
                >
                    <option value="">"Choose…"</option>
                    {options(a)}
                </select>
            </label>
            <label class="ent-field">
                <span class="ent-field__label">"Second"</span>
                <select
                    class="ent-select"
                    data-testid="pair-b"
                    on:change=move |ev| b.set(event_target_value(&ev))
                >
                    <option value="">"Choose…"</option>
                    {options(b)}
                </select>
            </label>
            <button
                type="button"
                class="ent-button ent-button--wide"
                data-testid="pair-open"
                disabled=move || !ready()
                on:click=move |_| ctx.open_pair(&a.get_untracked(), &b.get_untracked())
            >
                "Compare"
            </button>
        </fieldset>
    }
}

/// The articles in the corpus, each opening the reader.
#[component]
fn ArticleList() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let list = move || {
        ctx.corpus.with(|c| {
            (0..c.docs.len())
                .map(|i| {
                    (
                        i,
                        c.doc_key(i).to_string(),
                        c.doc_title(i),
                        c.is_yours(i),
                        c.docs[i].relations.len(),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="ent-articles" aria-label="Articles">
            <h2 class="ent-articles__title">"Articles"</h2>
            <ul class="ent-articles__list" data-testid="articles">
                {move || {
                    list()
                        .into_iter()
                        .map(|(i, key, title, yours, rels)| {
                            view! {
                                <li class="ent-articles__item" data-testid="article">
                                    <button
                                        type="button"
                                        class="ent-link"
                                        title="Read the article"
                                        data-doc=key.clone()
                                        on:click=move |_| {
                                            let opener = format!(
                                                ".ent-articles [data-doc=\"{}\"]",
                                                css_escape(&key),
                                            );
                                            ctx.read_from(i, None, Some(opener))
                                        }
                                    >
                                        {title}
                                    </button>
                                    <span class="ent-articles__meta">
                                        {format!(
                                            " {}{}",
                                            if yours { "yours · " } else { "" },
                                            crate::present::count_noun(rels, "relation", "relations"),
                                        )}
                                    </span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </section>
    }
}

#[component]
fn StatusLine() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let line = move || {
        let actors = ctx.visible.with(|v| v.len());
        let rels = ctx.kept.with(|k| k.len());
        let total = ctx.corpus.with(|c| c.relation_count());
        let arts = ctx.corpus.with(|c| c.docs.len());
        let mut s = format!(
            "{} · {}",
            crate::present::count_noun(actors, "actor", "actors"),
            crate::present::count_noun(rels, "relation", "relations"),
        );
        if rels != total {
            s.push_str(&format!(" of {total}"));
        }
        s.push_str(&format!(
            " · {}",
            crate::present::count_noun(arts, "article", "articles")
        ));
        s
    };
    view! {
        <div class="ent-status" role="status" aria-live="polite" data-testid="status">
            <span class="ent-status__counts" data-testid="counts">
                {line}
            </span>
            <span class="ent-status__msg" data-testid="status-msg">
                {move || ctx.status.get()}
            </span>
        </div>
    }
}

#[component]
fn Notices() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <div class="ent-notices" aria-live="polite" data-testid="notices">
            <UnreadableNotice />
            {move || {
                let list = ctx.notices.get();
                (!list.is_empty())
                    .then(|| {
                        view! {
                            <div class="ent-notice">
                                <ul class="ent-notice__list">
                                    {list
                                        .into_iter()
                                        .map(|n| {
                                            view! {
                                                <li class="ent-notice__item" data-testid="notice">
                                                    {n}
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                                <button
                                    type="button"
                                    class="ent-button ent-button--small"
                                    data-testid="notices-dismiss"
                                    on:click=move |_| ctx.notices.set(Vec::new())
                                >
                                    "Dismiss"
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}

#[component]
fn Tabs() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <div class="ent-tabs" role="group" aria-label="View">
            {Tab::ALL
                .into_iter()
                .map(|t| {
                    let label = match t {
                        Tab::Cards => "Cards",
                        Tab::Graph => "Graph",
                    };
                    view! {
                        <button
                            type="button"
                            class="ent-tabs__tab"
                            class=("ent-tabs__tab--on", move || ctx.state.with(|s| s.tab == t))
                            data-testid=format!("tab-{t}")
                            aria-pressed=move || ctx.state.with(|s| s.tab == t).to_string()
                            on:click=move |_| ctx.state.update(|s| s.tab = t)
                        >
                            {label}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// The notice about stored articles that could not be read (S2, S3): says why, offers a
/// copy of exactly what is stored, and discards it only when the reader confirms; then the
/// articles added in this visit are saved in its place.
#[component]
fn UnreadableNotice() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let download = move |_| {
        let result = match crate::storage::raw() {
            Ok(Some(raw)) => web::download("entente-saved-articles.txt", "text/plain", &raw),
            Ok(None) => Err("nothing is stored any more".to_string()),
            Err(e) => Err(e.to_string()),
        };
        ctx.status.set(match result {
            Ok(()) => "Downloaded a copy of the saved articles as they are stored.".into(),
            Err(e) => format!("Could not download the saved articles: {e}"),
        });
    };
    let discard = move |_| {
        if !web::confirm(
            "Discard the saved articles this page cannot read? This cannot be undone: \
             download a copy first if you may want them.",
        ) {
            return;
        }
        if let Err(e) = crate::storage::discard() {
            ctx.status.set(format!("Could not discard them: {e}"));
            return;
        }
        ctx.unreadable.set(None);
        let yours = ctx.corpus.with_untracked(crate::views::user_articles);
        ctx.status.set(if yours.is_empty() {
            "Discarded the unreadable saved articles.".into()
        } else {
            match crate::storage::save(&yours) {
                Ok(()) => {
                    "Discarded the unreadable saved articles; yours from this visit are now kept."
                        .into()
                }
                Err(e) => format!(
                    "Discarded the unreadable saved articles, but yours could not be saved: {e}"
                ),
            }
        });
    };
    move || {
        ctx.unreadable.get().map(|e| {
            view! {
                <div class="ent-notice" data-testid="storage-problem">
                    <p class="ent-notice__item">{format!("{e}.")}</p>
                    <p class="ent-notice__actions">
                        <button
                            type="button"
                            class="ent-button ent-button--small"
                            data-testid="storage-download"
                            on:click=download
                        >
                            "Download a copy"
                        </button>
                        <button
                            type="button"
                            class="ent-button ent-button--small ent-button--danger"
                            data-testid="storage-discard"
                            on:click=discard
                        >
                            "Discard them…"
                        </button>
                    </p>
                </div>
            }
        })
    }
}
