//! The Entente explorer page: a thin Leptos front over `entente-core`.
//!
//! Pure modules (compiled and tested natively): [`url`] (the view as a permalink),
//! [`corpus`] (the analysed documents and look-ups), [`filter`] (what is in view),
//! [`highlight`] (marked segments of text), [`present`] (how things read, the graph).
//! Components live in [`app`] (root, state, filters) and [`views`]; browser calls in [`web`].
//! [`storage`] and [`upload`] (the reader's own articles) come from the pagekit work.

pub mod app;
pub mod corpus;
pub mod filter;
pub mod fixtures;
pub mod highlight;
pub mod present;
pub mod storage;
pub mod upload;
pub mod url;
pub mod views;
pub mod web;

pub use app::{explorer, AppOptions};

pub mod seeds {
    include!(concat!(env!("OUT_DIR"), "/seeds.rs"));
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
