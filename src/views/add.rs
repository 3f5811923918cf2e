//! The "add your own article" panel (paste, or drop or choose files), the analysis of
//! added and saved articles with its progress, and removing an article.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::corpus::{Origin, PageCorpus, Source};
use crate::present::count_noun;
use crate::state::Ctx;
use crate::web;

/// Analyses accepted uploads in slices (src/analysis.rs), then adds them to the corpus and
/// saves the reader's articles. Returns the warnings of those that had to be repaired
/// (e.g. invalid UTF-8), to show; `None` when the reader cancelled (nothing added or saved).
async fn add_uploads(ctx: Ctx, uploads: Vec<crate::upload::Upload>) -> Option<Vec<String>> {
    if uploads.is_empty() {
        return Some(Vec::new());
    }
    let mut warnings: Vec<String> = uploads.iter().filter_map(|u| u.warning.clone()).collect();
    let mut stored: Vec<crate::storage::UserArticle> = ctx.corpus.with_untracked(user_articles);
    let mut added = Vec::new();
    for u in uploads {
        let a = crate::storage::UserArticle::from_upload(u, &stored);
        stored.push(a.clone());
        added.push(a);
    }
    let sources: Vec<Source> = added
        .iter()
        .map(|a| Source::yours(&a.id, &a.name, &a.text, a.warning.clone()))
        .collect();
    ctx.cancel.set(false);
    // the bar shows while the engine is made, the first time (SL5)
    let _ = ctx
        .analysing
        .try_set(crate::analysis::BatchProgress::waiting(&sources));
    let names: Vec<String> = added.iter().map(|a| a.name.clone()).collect();
    let cancelled = || ctx.cancel.try_get_untracked().unwrap_or(true);
    match analyse_and_add(ctx, sources, ctx.analysing, &cancelled).await {
        Ok(()) => {}
        Err(NotAdded::Stopped) => {
            let _ = ctx.analysing.try_set(None);
            let _ = ctx
                .status
                .try_set(format!("Cancelled: {} not added.", names.join(", ")));
            return None;
        }
        Err(NotAdded::Unmounted) => return None,
    }
    // The new cards paint first; saving a large text is a long call of its own. Adding and
    // removing wait (`analysing` is still set) until the save is done.
    web::pause().await;
    // a save the browser refuses is said in the panel and the status line (S1)
    let unsaved = if ctx.persist {
        crate::storage::save_paced(&stored, web::pause).await.err()
    } else {
        None
    };
    let _ = ctx.analysing.try_set(None);
    match unsaved {
        None => ctx.status.try_set(format!("Added {}.", names.join(", "))),
        Some(e) => {
            warnings.push(format!("Not saved for next time: {e}."));
            ctx.status.try_set(format!(
                "Added {} for this visit, but not saved for next time.",
                names.join(", ")
            ))
        }
    };
    Some(warnings)
}

/// Why [`analyse_and_add`] added nothing.
pub(crate) enum NotAdded {
    /// `stop` said so at a pause: the reader cancelled, or the explorer went.
    Stopped,
    /// The explorer was unmounted before the documents could join its corpus.
    Unmounted,
}

/// Analyses `sources` in slices (src/analysis.rs), reporting to `progress`, then adds them
/// to the corpus: the one path of the articles added in the panel and of the saved ones at
/// start. `stop` is asked at each pause. Showing the bar before, clearing it and saving
/// after are the callers' own, since they differ.
pub(crate) async fn analyse_and_add(
    ctx: Ctx,
    sources: Vec<Source>,
    progress: RwSignal<Option<crate::analysis::BatchProgress>>,
    stop: &dyn Fn() -> bool,
) -> Result<(), NotAdded> {
    let engine = crate::analysis::engine_paced(web::pause).await;
    let docs = crate::analysis::run(
        engine,
        &sources,
        web::now_ms,
        web::pause,
        |p| {
            // the explorer may have been unmounted since
            let _ = progress.try_set(Some(p));
        },
        stop,
    )
    .await
    .ok_or(NotAdded::Stopped)?;
    ctx.corpus
        .try_update(|c| c.add(engine, sources.into_iter().zip(docs).collect()))
        .ok_or(NotAdded::Unmounted)
}

/// The reader's articles as stored.
pub(crate) fn user_articles(c: &PageCorpus) -> Vec<crate::storage::UserArticle> {
    c.sources
        .iter()
        .filter_map(|s| match &s.origin {
            Origin::Yours { id, warning } => Some(crate::storage::UserArticle {
                id: id.clone(),
                name: s.name.clone(),
                text: s.text.clone(),
                warning: warning.clone(),
            }),
            Origin::Seed => None,
        })
        .collect()
}

fn remove_article(ctx: Ctx, key: String) {
    if ctx.busy_now() {
        return; // the saved list is being rewritten (the button is disabled meanwhile)
    }
    let name = ctx
        .corpus
        .with_untracked(|c| c.doc_index(&key).map(|i| c.doc_title(i)));
    ctx.corpus
        .update(|c| c.remove(&key, crate::analysis::engine()));
    ctx.state.update(|s| {
        if s.read.as_deref() == Some(key.as_str()) {
            s.read = None;
            s.sentence = None;
        }
        if s.filters.article.as_deref() == Some(key.as_str()) {
            s.filters.article = None;
        }
    });
    if ctx.persist {
        let stored = ctx.corpus.with_untracked(user_articles);
        if let Err(e) = crate::storage::save(&stored) {
            ctx.status
                .set(format!("Removed here, but not from storage: {e}"));
            return;
        }
    }
    ctx.status.set(format!("Removed {}.", name.unwrap_or(key)));
}

/// Reads files (from the picker or a drop), checks them, adds those accepted.
fn take_files(
    ctx: Ctx,
    files: Vec<web_sys::File>,
    errors: RwSignal<Vec<String>>,
    warnings: RwSignal<Vec<String>>,
) {
    if files.is_empty() {
        return;
    }
    leptos::task::spawn_local(async move {
        let mut ok = Vec::new();
        let mut errs = Vec::new();
        for f in files {
            let name = f.name();
            if f.size() > crate::upload::MAX_BYTES as f64 {
                errs.push(format!(
                    "{}",
                    crate::upload::UploadError::TooLarge {
                        name: name.clone(),
                        bytes: f.size() as usize
                    }
                ));
                continue;
            }
            match web::file_bytes(&f).await {
                Ok(bytes) => match crate::upload::accept_bytes(&name, &bytes) {
                    Ok(u) => ok.push(u),
                    Err(e) => errs.push(e.to_string()),
                },
                Err(e) => errs.push(e),
            }
        }
        errors.set(errs);
        if let Some(w) = add_uploads(ctx, ok).await {
            let _ = warnings.try_set(w);
        }
    });
}

/// A progress bar with its line ("Analysing “note”: finding actors, 40%") while `of` holds
/// a progress, and a Cancel button when `on_cancel` is given (src/analysis.rs). Built once
/// per analysis; the bar and the line follow the progress (so Cancel stays the same element
/// while the reader clicks it).
fn progress_view(
    of: RwSignal<Option<crate::analysis::BatchProgress>>,
    testid: &'static str,
    on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let busy = Memo::new(move |_| of.with(Option::is_some));
    let percent = move || of.with(|p| p.as_ref().map_or(0, |p| p.percent()));
    let line = move || of.with(|p| p.as_ref().map(|p| p.line()).unwrap_or_default());
    move || {
        busy.get().then(|| {
            view! {
                <div class="ent-progress" data-testid=format!("{testid}-progress")>
                    <progress
                        class="ent-progress__bar"
                        max="100"
                        prop:value=percent
                        aria-label="Analysis progress"
                    >
                        {move || format!("{}%", percent())}
                    </progress>
                    <span class="ent-progress__line" data-testid=format!("{testid}-line")>
                        {line}
                    </span>
                    {on_cancel.map(|cancel| {
                        view! {
                            <button
                                type="button"
                                class="ent-button ent-button--small"
                                data-testid=format!("{testid}-cancel")
                                on:click=move |_| cancel.run(())
                            >
                                "Cancel"
                            </button>
                        }
                    })}
                </div>
            }
        })
    }
}

/// The analysis of added articles: in the add panel, with Cancel.
#[component]
fn AnalysisProgress() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    progress_view(
        ctx.analysing,
        "analysis",
        Some(Callback::new(move |()| ctx.cancel.set(true))),
    )
}

/// The analysis of the reader's saved articles at start: above the cards, no Cancel.
#[component]
pub fn LoadProgress() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    progress_view(ctx.loading, "loading", None)
}

/// The "add your own article" panel, shown while `Ctx::adding` is set.
#[component]
pub fn AddPanel() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let errors = RwSignal::new(Vec::<String>::new());
    let warnings = RwSignal::new(Vec::<String>::new());
    let name = RwSignal::new(String::new());
    // The text box is read when the reader adds its text, not mirrored into a signal on
    // every input: a pasted text may be megabytes, and each copy between the box and the
    // wasm memory costs milliseconds. `text` keeps it while the panel is closed.
    let text_box = NodeRef::<html::Textarea>::new();
    let text = StoredValue::new(String::new());
    // A paste too long to show, held for the analysis in place of the box (U7).
    let held = RwSignal::new(None::<String>);
    let dragging = RwSignal::new(false);
    let busy = move || ctx.busy();
    let add_text = move |_| {
        if ctx.busy_now() {
            return;
        }
        let n = name.get_untracked();
        let n = if n.trim().is_empty() {
            "Pasted text".to_string()
        } else {
            n
        };
        let pasted = held.with_untracked(Clone::clone).unwrap_or_else(|| {
            text_box
                .get_untracked()
                .map(|t| t.value())
                .unwrap_or_default()
        });
        match crate::upload::accept_text(&n, &pasted) {
            Ok(u) => {
                errors.set(Vec::new());
                leptos::task::spawn_local(async move {
                    // The text stays in the form until it is added (a cancel loses nothing).
                    if let Some(w) = add_uploads(ctx, vec![u]).await {
                        let _ = warnings.try_set(w);
                        text.set_value(String::new());
                        let _ = held.try_set(None);
                        if let Some(t) = text_box.get_untracked() {
                            t.set_value("");
                        }
                        let _ = name.try_set(String::new());
                    }
                });
            }
            Err(e) => {
                warnings.set(Vec::new());
                errors.set(vec![e.to_string()]);
            }
        }
    };
    // U7: a long paste is held, not laid out in the box (the browser would freeze on it).
    let on_paste = move |ev: ev::ClipboardEvent| {
        let Some(pasted) = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok())
        else {
            return;
        };
        if !crate::upload::holds_paste(pasted.len()) {
            return; // the box takes it as usual
        }
        let Some(t) = text_box.get_untracked() else {
            return;
        };
        ev.prevent_default();
        let at = |n: Result<Option<u32>, _>| n.ok().flatten().unwrap_or(u32::MAX) as usize;
        let whole = crate::upload::splice_paste(
            &t.value(),
            at(t.selection_start()),
            at(t.selection_end()),
            &pasted,
        );
        t.set_value("");
        held.set(Some(whole));
    };
    let on_drop = move |ev: ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if ctx.analysing.with_untracked(Option::is_some) {
            errors.set(vec![
                "An analysis is under way: wait for it, or cancel it, then drop the files again."
                    .into(),
            ]);
            return;
        }
        let files = web::files(ev.data_transfer().and_then(|d| d.files()));
        take_files(ctx, files, errors, warnings);
    };
    let on_pick = move |ev: ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        if let Some(input) = input {
            let files = web::files(input.files());
            input.set_value("");
            take_files(ctx, files, errors, warnings);
        }
    };
    let yours = move || {
        ctx.corpus.with(|c| {
            (0..c.docs.len())
                .filter(|&i| c.is_yours(i))
                .map(|i| {
                    (
                        c.doc_key(i).to_string(),
                        c.doc_title(i),
                        c.docs[i].relations.len(),
                        c.docs[i].actors.len(),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    move || {
        ctx.adding.get().then(|| {
            ctx.focus_later(".ent-add .ent-panel__heading".into());
            // closed: what the box holds is there when it opens again
            on_cleanup(move || {
                if let Some(t) = text_box.get_untracked() {
                    text.set_value(t.value());
                }
            });
            view! {
                <aside class="ent-panel ent-add" aria-label="Add your own article" data-testid="add-panel">
                    <div class="ent-panel__bar">
                        <h2 class="ent-panel__heading" tabindex="-1">"Add your own article"</h2>
                        <button
                            type="button"
                            class="ent-button ent-button--small"
                            data-testid="add-close"
                            title="Close (Escape)"
                            on:click=move |_| ctx.adding.set(false)
                        >
                            "Close"
                        </button>
                    </div>
                    <div class="ent-panel__body">
                        <p class="ent-detail__meta">
                            "Analysed here in your browser; nothing is sent anywhere. Plain text or Markdown, up to 5 MB. "
                            {if ctx.persist {
                                "Kept in this browser until you remove it."
                            } else {
                                "Kept until you leave this page."
                            }}
                        </p>
                        <label class="ent-field">
                            <span class="ent-field__label">"Name"</span>
                            <input
                                class="ent-input"
                                data-testid="add-name"
                                placeholder="Pasted text"
                                prop:value=move || name.get()
                                on:input=move |ev| name.set(event_target_value(&ev))
                            />
                        </label>
                        <label class="ent-field">
                            <span class="ent-field__label">"Text"</span>
                            <textarea
                                class="ent-input ent-input--area"
                                data-testid="add-text"
                                rows="8"
                                node_ref=text_box
                                prop:value=text.get_value()
                                prop:hidden=move || held.with(Option::is_some)
                                on:paste=on_paste
                            ></textarea>
                        </label>
                        {move || {
                            held.with(|h| h.as_deref().map(crate::upload::describe_held))
                                .map(|about| {
                                    view! {
                                        <div class="ent-held" data-testid="add-held">
                                            <p class="ent-held__about">
                                                "Pasted: " <span data-testid="add-held-about">{about}</span>
                                            </p>
                                            <p class="ent-detail__meta">
                                                "Too long to show here; it is analysed as pasted."
                                            </p>
                                            <button
                                                type="button"
                                                class="ent-button ent-button--small"
                                                data-testid="add-held-clear"
                                                disabled=busy
                                                on:click=move |_| {
                                                    held.set(None);
                                                    ctx.focus_later(".ent-add .ent-input--area".into());
                                                }
                                            >
                                                "Clear the paste"
                                            </button>
                                        </div>
                                    }
                                })
                        }}
                        <button
                            type="button"
                            class="ent-button"
                            data-testid="add-submit"
                            disabled=busy
                            on:click=add_text
                        >
                            "Analyse and add"
                        </button>
                        <AnalysisProgress />
                        <div
                            class="ent-drop"
                            class=("ent-drop--over", move || dragging.get())
                            data-testid="drop"
                            on:dragover=move |ev: ev::DragEvent| {
                                ev.prevent_default();
                                dragging.set(true);
                            }
                            on:dragleave=move |_| dragging.set(false)
                            on:drop=on_drop
                        >
                            <label class="ent-field">
                                <span class="ent-field__label">"Or drop .txt or .md files here, or choose them"</span>
                                <input
                                    type="file"
                                    class="ent-file"
                                    data-testid="add-file"
                                    accept=".txt,.md,text/plain,text/markdown"
                                    multiple=true
                                    disabled=busy
                                    on:change=on_pick
                                />
                            </label>
                        </div>
                        <div role="alert" class="ent-errors" data-testid="add-errors">
                            {move || {
                                errors
                                    .get()
                                    .into_iter()
                                    .map(|e| view! { <p class="ent-error">{e}</p> })
                                    .collect_view()
                            }}
                        </div>
                        <div class="ent-warnings" data-testid="add-warnings">
                            {move || {
                                warnings
                                    .get()
                                    .into_iter()
                                    .map(|w| view! { <p class="ent-warning" role="status">{w}</p> })
                                    .collect_view()
                            }}
                        </div>
                        <h3 class="ent-add__sub">"Your articles"</h3>
                        {move || {
                            let list = yours();
                            if list.is_empty() {
                                view! { <p class="ent-detail__meta" data-testid="yours-none">"None yet."</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="ent-yourlist" data-testid="yours">
                                        {list
                                            .into_iter()
                                            .map(|(key, title, rels, actors)| {
                                                let k2 = key.clone();
                                                let t2 = title.clone();
                                                view! {
                                                    <li class="ent-yourlist__item" data-testid="your-article" data-key=key.clone()>
                                                        <span class="ent-yourlist__title">{title}</span>
                                                        <span class="ent-yourlist__meta">
                                                            {format!(" · {} · {}", count_noun(actors, "actor", "actors"), count_noun(rels, "relation", "relations"))}
                                                        </span>
                                                        <button
                                                            type="button"
                                                            class="ent-button ent-button--small"
                                                            data-testid="your-read"
                                                            on:click={
                                                                let k = key.clone();
                                                                move |_| {
                                                                    if let Some(i) = ctx.corpus.with_untracked(|c| c.doc_index(&k)) {
                                                                        ctx.adding.set(false);
                                                                        ctx.read(i, None);
                                                                    }
                                                                }
                                                            }
                                                        >
                                                            "Read"
                                                        </button>
                                                        <button
                                                            type="button"
                                                            class="ent-button ent-button--small ent-button--danger"
                                                            data-testid="your-remove"
                                                            disabled=move || ctx.busy()
                                                            aria-label=format!("Remove {t2}")
                                                            on:click=move |_| remove_article(ctx, k2.clone())
                                                        >
                                                            "Remove"
                                                        </button>
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                }
                                .into_any()
                            }
                        }}
                    </div>
                </aside>
            }
        })
    }
}
