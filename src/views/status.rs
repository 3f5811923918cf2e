//! The status line (what is in view, the last thing done) and the quiet notices, with the
//! one about stored articles this page cannot read.

use leptos::prelude::*;

use crate::state::Ctx;
use crate::web;

/// What is in view (actors, relations, articles) and the last thing done, announced.
#[component]
pub fn StatusLine() -> impl IntoView {
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

/// The quiet notices (ignored parameters, storage problems), dismissed together.
#[component]
pub fn Notices() -> impl IntoView {
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
        let yours = ctx.corpus.with_untracked(super::add::user_articles);
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
