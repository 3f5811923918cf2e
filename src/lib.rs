//! The Entente explorer page: a thin Leptos front over `entente-core`.
//!
//! Pure modules (compiled and tested natively): [`url`] (the view as a permalink),
//! [`corpus`] (the analysed documents and look-ups), [`filter`] (what is in view),
//! [`highlight`] (marked segments of text), [`present`] (how things read, the graph),
//! [`layout`] (where the graph's nodes go),
//! [`embed::config`] (an embed's options).
//! [`state`] is what one explorer's views share; [`app`] is its root (start, URL and hash
//! sync, focus, layout) and [`views`] its parts, one module each; browser calls in [`web`].
//! [`storage`] and [`upload`] keep and check the reader's own articles.
//! [`analysis`] runs the analysis of the reader's articles in slices (progress, cancel).
//! [`pack`] is the bundled seeds' analysis, done at build time and read at start.
//! [`embed`] mounts explorers into other pages (`<div data-entente>`, the iframe form).

pub mod analysis;
pub mod app;
pub mod corpus;
pub mod embed;
pub mod filter;
pub mod fixtures;
pub mod highlight;
pub mod layout;
pub mod pack;
pub mod present;
pub mod state;
pub mod storage;
pub mod upload;
pub mod url;
pub mod views;
pub mod web;

pub use app::explorer;
pub use state::AppOptions;

pub mod seeds {
    include!(concat!(env!("OUT_DIR"), "/seeds.rs"));
}

/// Starts the page (called by `main` once the wasm is loaded): on Entente's own page
/// (`<body data-entente-page>`) the full explorer, or the compact iframe form when the query
/// has `embed=1`; on any other page nothing, since there `entente-embed.js` mounts the
/// embeds with [`embed::mount_embeds`].
pub fn start() {
    match embed::page_kind() {
        embed::PageKind::Full => mount(),
        embed::PageKind::Frame(options) => {
            let options = *options;
            leptos::mount::mount_to_body(move || explorer(options));
        }
        embed::PageKind::Host => {}
    }
}

/// Mounts the explorer on `<body>`, reading and writing the address bar.
pub fn mount() {
    leptos::mount::mount_to_body(|| explorer(AppOptions::default()));
}

/// Mounts an explorer into `parent` with `options`; the returned handle unmounts it when
/// dropped (call `.forget()` to keep it for the page's life). Several can share a page.
pub fn mount_to(
    parent: web_sys::HtmlElement,
    options: AppOptions,
) -> leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable> {
    leptos::mount::mount_to(parent, move || explorer(options))
}
