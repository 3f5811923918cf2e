//! The Entente explorer page: a thin Leptos front over `entente-core`.

use leptos::prelude::*;

pub mod storage;
pub mod upload;

pub mod seeds {
    include!(concat!(env!("OUT_DIR"), "/seeds.rs"));
}

/// Mounts the explorer on `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}

#[component]
pub fn App() -> impl IntoView {
    let engine = entente_core::Engine::builtin();
    let docs: Vec<_> = seeds::SEEDS
        .iter()
        .map(|(name, text)| engine.analyze(name, text))
        .collect();
    view! {
        <main class="ent-app" data-testid="app">
            <h1 class="ent-app__title">"Entente"</h1>
            <ul class="ent-articles" data-testid="articles">
                {docs
                    .into_iter()
                    .map(|d| {
                        let title = d.title.clone().unwrap_or_else(|| d.path.clone());
                        view! { <li class="ent-articles__item" data-testid="article">{title}</li> }
                    })
                    .collect_view()}
            </ul>
        </main>
    }
}
