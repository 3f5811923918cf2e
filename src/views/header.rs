//! The top of an explorer: the page header (name, tagline and tools: add, export, theme),
//! or a compact embed's one-line bar; both can link to the full explorer.

use leptos::prelude::*;

use crate::present::Theme;
use crate::state::Ctx;
use crate::url;
use crate::web;

/// The page header: the name (`<h1>` on Entente's own page, `<h2>` in an embed) and the tools.
#[component]
pub fn Header(embed: bool, link: Option<String>) -> impl IntoView {
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

/// "Open in the full explorer": `base` with the current view's query, in a new tab.
#[component]
pub fn FullLink(base: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let href = move || format!("{base}{}", ctx.state.with(url::to_query));
    view! {
        <a
            class="ent-embedbar__link"
            data-testid="full-link"
            href=href
            target="_blank"
            rel="noopener"
        >
            "Open in the full explorer"
        </a>
    }
}

/// The compact embed's top line: the name (a level-2 heading: the host owns `<h1>`) and
/// the link to the full explorer.
#[component]
pub fn EmbedBar(link: Option<String>) -> impl IntoView {
    view! {
        <div class="ent-embedbar" data-testid="embed-bar">
            <h2 class="ent-embedbar__title">"Entente"</h2>
            <span class="ent-embedbar__tagline">
                "What states and leaders say to each other, and what they do"
            </span>
            {link.map(|base| view! { <FullLink base /> })}
        </div>
    }
}
