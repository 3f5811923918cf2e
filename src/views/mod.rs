//! The explorer's views, one module each: the card grid ([`cards`]), an actor's full view
//! ([`actor`]), the pair view ([`pair`]), the article reader ([`reader`]), the relation
//! graph ([`graph`]), the "add your own article" panel ([`add`]), the filters
//! ([`filters`]), the header ([`header`]) and the status line with its notices
//! ([`status`]). Thin: what they show is decided by the pure modules (`filter`,
//! `highlight`, `present`). Here: the small pieces several views draw the same way.

use entente_core::summary::{self, ActorSummary, RelRef};
use entente_core::{ActorKind, Quad};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::corpus::PageCorpus;
use crate::highlight::{self, Segment};
use crate::present::{self, bar_parts, goldstein, quad_class, quad_short};
use crate::state::{css_escape, Ctx};

pub mod actor;
pub mod add;
pub mod cards;
pub mod filters;
pub mod graph;
pub mod header;
pub mod pair;
pub mod reader;
pub mod status;

pub use add::{AddPanel, LoadProgress};
pub use cards::CardGrid;
pub use filters::{CompactFilters, FilterNav};
pub use graph::GraphView;
pub use header::{EmbedBar, FullLink, Header};
pub use status::{Notices, StatusLine};

use actor::ActorView;
use pair::PairView;
use reader::Reader;

/// True for Enter or Space, the keys that press a button, on an element that acts as one
/// (a card, a graph node or line); the browser's own action for the key (Space scrolls) is
/// then cancelled, so the caller only has to act.
fn activates(ev: &ev::KeyboardEvent) -> bool {
    let key = ev.key();
    let yes = key == "Enter" || key == " ";
    if yes {
        ev.prevent_default();
    }
    yes
}

/// Text segments as text nodes, marked ones inside `<mark>`. Never HTML.
fn marked(segments: Vec<Segment>) -> impl IntoView {
    segments
        .into_iter()
        .map(|s| match s.mark {
            None => s.text.into_any(),
            Some(m) => view! {
                <mark class=format!("ent-mark ent-mark--{}", m.as_str())>{s.text}</mark>
            }
            .into_any(),
        })
        .collect_view()
}

/// A class tag: its name in words, with the class's swatch.
fn quad_tag(q: Quad) -> impl IntoView {
    view! {
        <span class=format!("ent-tag ent-quad ent-quad--{}", quad_class(q))>
            <span class="ent-swatch" aria-hidden="true"></span>
            {q.label()}
        </span>
    }
}

/// A four-part bar of relations by class, with a text legend.
fn quad_bar(
    label: &'static str,
    counts: summary::QuadCounts,
    testid: &'static str,
) -> impl IntoView {
    let parts = bar_parts(&counts);
    let aria = format!(
        "{label}: {}",
        parts
            .iter()
            .map(|(q, n, _)| format!("{} {n}", q.label()))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let empty = parts.iter().all(|p| p.1 == 0);
    view! {
        <div class="ent-bar" data-testid=testid>
            <span class="ent-bar__label">{label}</span>
            <span class="ent-bar__track" role="img" aria-label=aria>
                {parts
                    .iter()
                    .filter(|p| p.1 > 0)
                    .map(|&(q, _, pct)| {
                        view! {
                            <span
                                class=format!("ent-bar__part ent-quad--{}", quad_class(q))
                                style:width=format!("{pct:.2}%")
                            ></span>
                        }
                    })
                    .collect_view()}
            </span>
            <span class="ent-bar__legend" aria-hidden="true">
                {if empty {
                    view! { <span class="ent-bar__none">"none"</span> }.into_any()
                } else {
                    parts
                        .into_iter()
                        .map(|(q, n, _)| {
                            view! {
                                <span
                                    class=format!("ent-bar__item ent-quad--{}", quad_class(q))
                                    class=("ent-bar__item--zero", n == 0)
                                    title=q.label()
                                >
                                    <span class="ent-swatch"></span>
                                    {format!("{} {n}", quad_short(q))}
                                </span>
                            }
                        })
                        .collect_view()
                        .into_any()
                }}
            </span>
        </div>
    }
}

/// "Vladimir Putin · person · Russia (RUS) · President of Russia, since …"
fn meta_line(a: &ActorSummary, c: &PageCorpus) -> String {
    let mut parts = vec![a.kind.to_string()];
    if let Some(code) = &a.country {
        parts.push(present::country_line(code, c));
    } else if a.kind == ActorKind::State {
        parts.push(present::country_line(&a.id, c));
    }
    if let Some(r) = &a.role {
        if a.kind == ActorKind::Person {
            parts.push(present::role_line(r, c));
        }
    }
    if a.source_only {
        parts.push("source of claims".into());
    }
    if !a.known {
        parts.push("not in the knowledge base".into());
    }
    parts.join(" · ")
}

/// A button that opens the reader at a relation's sentence.
fn source_button(ctx: Ctx, rr: RelRef, c: &PageCorpus) -> impl IntoView {
    let title = c.doc_title(rr.doc);
    let yours = c.is_yours(rr.doc);
    let sentence = c
        .docs
        .get(rr.doc)
        .and_then(|d| d.relations.get(rr.rel))
        .map(|r| r.sentence_index);
    let reference = format!("{}-{}", rr.doc, rr.rel);
    let r2 = reference.clone();
    view! {
        <button
            type="button"
            class="ent-link"
            data-testid="jump"
            data-ref=reference
            title="Read this sentence in its article"
            on:click=move |ev: ev::MouseEvent| {
                ctx.read_from(rr.doc, sentence, jump_selector(&ev, &r2))
            }
        >
            {title}
            {yours.then(|| view! { <span class="ent-yours">" (yours)"</span> })}
        </button>
    }
}

/// A selector of the jump link `ev` came from (`reference` is its `data-ref`): the one in the
/// open panel, or the one on its card (the same relation shows on both actors' cards).
fn jump_selector(ev: &ev::MouseEvent, reference: &str) -> Option<String> {
    let el: web_sys::Element = ev.current_target()?.dyn_into().ok()?;
    let jump = format!("[data-testid=\"jump\"][data-ref=\"{reference}\"]");
    if el.closest(".ent-panel").ok().flatten().is_some() {
        return Some(format!(".ent-panel {jump}"));
    }
    let card = el.closest("[data-testid=\"card\"]").ok().flatten()?;
    let actor = card.get_attribute("data-actor")?;
    Some(format!(
        "[data-testid=\"card\"][data-actor=\"{}\"] {jump}",
        css_escape(&actor)
    ))
}

/// The side panel: the reader, else the pair view, else an actor's full view.
#[component]
pub fn Panel() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let s = ctx.state.get();
        if let Some(key) = s.read {
            view! { <Reader key sentence=s.sentence /> }.into_any()
        } else if let Some((a, b)) = s.pair {
            view! { <PairView a b /> }.into_any()
        } else if let Some(id) = s.actor {
            view! { <ActorView id /> }.into_any()
        } else {
            ().into_any()
        }
    }
}

/// A panel frame: a labelled region with a heading and a close button.
fn frame(
    ctx: Ctx,
    title: String,
    testid: &'static str,
    close_label: &'static str,
    body: AnyView,
) -> impl IntoView {
    let label = title.clone();
    view! {
        <aside class="ent-panel" aria-label=label data-testid=testid>
            <div class="ent-panel__bar">
                <h2 class="ent-panel__heading" tabindex="-1">
                    {title}
                </h2>
                <button
                    type="button"
                    class="ent-button ent-button--small"
                    data-testid="panel-close"
                    aria-label=close_label
                    title="Close (Escape)"
                    on:click=move |_| {
                        ctx.close_top();
                    }
                >
                    "Close"
                </button>
            </div>
            <div class="ent-panel__body">{body}</div>
        </aside>
    }
}

/// One relation: class, score, flags in words, the sentence, why, and where from.
fn relation_item(ctx: Ctx, rr: RelRef, focus: Option<&str>, c: &PageCorpus) -> AnyView {
    let Some(doc) = c.docs.get(rr.doc) else {
        return ().into_any();
    };
    let Some(r) = doc.relations.get(rr.rel) else {
        return ().into_any();
    };
    let segs = highlight::relation_sentence(doc, &c.bodies[rr.doc], rr.rel, focus);
    let direction = format!("{} → {}", c.name(&r.source), c.name(&r.target));
    let flagged = !r.flags.is_empty();
    view! {
        <li class="ent-rel" class=("ent-rel--flagged", flagged) data-testid="relation">
            <p class="ent-rel__head">
                {quad_tag(r.quad)}
                <span class="ent-rel__score" title="Goldstein score">
                    {goldstein(Some(r.goldstein))}
                </span>
                <span class="ent-rel__dir">{direction}</span>
                <span class="ent-flags" class=("ent-flags--on", flagged) data-testid="flags">
                    {present::flags_line(r)}
                </span>
            </p>
            <blockquote class="ent-quote">{marked(segs)}</blockquote>
            <p class="ent-rel__why" data-testid="why">
                "Why: "
                {present::why_line(r, |id| c.name(id).to_string())}
            </p>
            <p class="ent-rel__from">"From " {source_button(ctx, rr, c)}</p>
        </li>
    }
    .into_any()
}
