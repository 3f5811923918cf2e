//! The Entente explorer page: a thin Leptos front over `entente-core`.
//!
//! Pure modules (compiled and tested natively): [`url`] (the view as a permalink),
//! [`corpus`] (the analysed documents and look-ups), [`filter`] (what is in view),
//! [`highlight`] (marked segments of text), [`present`] (how things read, the graph).
//! Components live in [`app`]; browser calls in `web` (wasm only).

use leptos::prelude::*;

pub mod corpus;
pub mod filter;
pub mod fixtures;
pub mod highlight;
pub mod present;
pub mod storage;
pub mod upload;
pub mod url;

pub mod seeds {
    include!(concat!(env!("OUT_DIR"), "/seeds.rs"));
}

/// Mounts the explorer on `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}

#[component]
pub fn App() -> impl IntoView {
    view! { <main class="ent-app" data-testid="app"></main> }
}
