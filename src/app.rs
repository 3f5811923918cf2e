//! The explorer's root: where it starts (the corpus, the reader's saved articles, the view
//! asked for), the sync of its view with the address bar or the hash, the focus rules, and
//! the layout of its parts (the views are in [`crate::views`], the state they share in
//! [`crate::state`]).

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::corpus::{PageCorpus, Source};
use crate::embed::config::{hash_part, with_hash_part};
use crate::present::Theme;
use crate::state::{AppOptions, Ctx, EmbedMode};
use crate::storage::StorageError;
use crate::url::{self, Tab, ViewState};
use crate::views::add::{analyse_and_add, NotAdded};
use crate::views::{
    AddPanel, CardGrid, CompactFilters, EmbedBar, FilterNav, GraphView, Header, LoadProgress,
    Notices, Panel, StatusLine,
};
use crate::web;

/// Local-storage key of the chosen theme.
pub const THEME_KEY: &str = "entente.theme";

/// What the focus rules watch of the open panels: actor, pair, article, at a sentence.
type PanelKey = (
    Option<String>,
    Option<(String, String)>,
    Option<String>,
    bool,
);

/// Reads the reader's stored articles. Storage the browser forbids becomes a notice;
/// stored data that cannot be read is returned as the error, to offer its download and
/// discard (S2, S3).
fn stored_sources(notices: &mut Vec<String>) -> (Vec<Source>, Option<StorageError>) {
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
        // unmounted: stop
        let unmounted = || ctx.loading.try_get_untracked().is_none();
        match analyse_and_add(ctx, saved, ctx.loading, &unmounted).await {
            Ok(()) => {}
            Err(NotAdded::Stopped | NotAdded::Unmounted) => return,
        }
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

/// What an explorer starts from, read before anything is drawn.
struct Start {
    corpus: PageCorpus,
    /// The reader's saved articles, analysed after the first paint ([`load_saved`]).
    saved: Vec<Source>,
    /// Stored articles that could not be read, offered for download or discard.
    unreadable: Option<StorageError>,
    /// The view asked for, before it was checked against the bundled corpus.
    asked: ViewState,
    /// The view shown first.
    state: ViewState,
    notices: Vec<String>,
    theme: Theme,
}

impl Start {
    /// Reads the corpus, the stored articles and theme (when `options.persist`), and the
    /// view asked for: an embed's part of the hash (`hash_key`), else the options' query,
    /// else the address bar's (when `options.use_url`).
    fn new(options: AppOptions, compact: bool, hash_key: Option<&str>) -> Start {
        let mut notices: Vec<String> = Vec::new();
        // The reader's saved articles are analysed after the first paint, in slices.
        let mut saved: Vec<Source> = Vec::new();
        let mut unreadable = None;
        let corpus = match options.corpus {
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
        let query = hash_key
            .and_then(hash_start)
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
        let (state, n2) = corpus.validate(s);
        notices.extend(options.notices.iter().cloned());
        notices.extend(n1.iter().map(|n| n.to_string()));
        if saved.is_empty() {
            notices.extend(n2.iter().map(|n| n.to_string()));
        }
        let theme = if let Some(t) = options.theme {
            t
        } else if options.persist {
            web::stored(THEME_KEY)
                .and_then(|t| t.parse().ok())
                .unwrap_or_default()
        } else {
            Theme::Auto
        };
        Start {
            corpus,
            saved,
            unreadable,
            asked,
            state,
            notices,
            theme,
        }
    }
}

/// The explorer. Mount it with [`crate::mount`] or [`crate::mount_to`].
pub fn explorer(options: AppOptions) -> impl IntoView {
    let embed = options.embed.clone();
    let compact = embed.as_ref().is_some_and(|e| e.compact);
    let hash_key = embed.as_ref().and_then(|e| e.hash_key.clone());
    let (persist, use_url) = (options.persist, options.use_url);
    let start = Start::new(options, compact, hash_key.as_deref());
    let ctx = Ctx::new(
        start.corpus,
        start.state.clone(),
        start.notices,
        start.unreadable,
        start.theme,
        persist,
    );
    provide_context(ctx);
    if !start.saved.is_empty() {
        load_saved(ctx, start.saved, start.asked, start.state);
    }
    if persist {
        keep_theme(ctx);
    }
    if use_url {
        sync_address_bar(ctx);
    }
    if let Some(key) = hash_key {
        sync_hash(ctx, key, compact);
    }
    focus_rules(ctx);
    layout(ctx, embed, compact)
}

/// Stores the theme when the reader changes it.
fn keep_theme(ctx: Ctx) {
    Effect::new(move |prev: Option<Theme>| {
        let t = ctx.theme.get();
        if prev.is_some_and(|p| p != t) {
            web::store(THEME_KEY, t.as_str());
        }
        t
    });
}

/// Keeps the view in the address bar, and follows back and forward.
fn sync_address_bar(ctx: Ctx) {
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

/// The starting query of an explorer keeping its view in the hash under `key`: its part
/// of the hash when there is one (E7).
fn hash_start(key: &str) -> Option<String> {
    hash_part(&web::location_hash(), key).map(|q| format!("?{q}"))
}

/// Keeps `ctx`'s view in the hash under `key` (E7): written on each change, read back when
/// the hash changes (typed by hand, or the host's navigation). The listener goes with the
/// explorer.
fn sync_hash(ctx: Ctx, key: String, compact: bool) {
    let k = key.clone();
    Effect::new(move |_| {
        let q = ctx.state.with(url::to_query);
        let hash = web::location_hash();
        let next = with_hash_part(&hash, &k, &q);
        if next != hash {
            web::replace_hash(&next);
        }
    });
    let handle = window_event_listener_untyped("hashchange", move |_| {
        let q = hash_part(&web::location_hash(), &key)
            .unwrap_or_default()
            .to_string();
        let (mut s, n1) = url::parse(&q);
        if compact {
            s.tab = Tab::Cards;
        }
        let (s, n2) = ctx.corpus.with_untracked(|c| c.validate(s));
        let fresh: Vec<String> = n1.iter().chain(n2.iter()).map(|n| n.to_string()).collect();
        if !fresh.is_empty() {
            ctx.notices.set(fresh);
        }
        if ctx.state.with_untracked(|cur| *cur != s) {
            ctx.state.set(s);
        }
    });
    on_cleanup(move || handle.remove());
}

/// Where focus goes when panels open and close.
fn focus_rules(ctx: Ctx) {
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
}

/// Escape closes the top panel; Tab stays inside a panel that covers the page.
fn on_keydown(ctx: Ctx, ev: ev::KeyboardEvent) {
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
}

/// The explorer's parts: the skip link, the header (or a compact embed's bar), the filters,
/// the main view, the side panel and the add panel.
fn layout(ctx: Ctx, embed: Option<EmbedMode>, compact: bool) -> impl IntoView {
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
            <LoadProgress />
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
            on:keydown=move |ev| on_keydown(ctx, ev)
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
