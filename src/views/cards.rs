//! The card grid: one card per actor in view, most important first, each with its bars,
//! counterparts and strongest evidence; a card opens the actor's full view.

use entente_core::summary::{self, ActorSummary, RelRef};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{activates, marked, meta_line, quad_bar, quad_tag, source_button};
use crate::highlight;
use crate::present::{self, goldstein};
use crate::state::Ctx;

/// What a card shows that the filters change: its means, bars, first counterparts and
/// strongest evidence. The rest (name, kind, country, role, mentions) is the actor's and
/// the corpus's own.
#[derive(Debug, Clone, Default, PartialEq)]
struct CardLive {
    mean_given: String,
    mean_received: String,
    given: summary::QuadCounts,
    received: summary::QuadCounts,
    /// (id, relations), the first four.
    counterparts: Vec<(String, usize)>,
    /// The first two.
    evidence: Vec<RelRef>,
}

impl CardLive {
    fn of(a: &ActorSummary) -> Self {
        CardLive {
            mean_given: goldstein(a.mean_goldstein_given),
            mean_received: goldstein(a.mean_goldstein_received),
            given: a.given,
            received: a.received,
            counterparts: a.counterparts.iter().take(4).cloned().collect(),
            evidence: a.evidence.iter().take(2).copied().collect(),
        }
    }
}

/// The cards in view, keyed by actor: a filter input moves the cards that stay and updates
/// what they show in place; only cards that come into view are built. A new corpus (an
/// article added or removed, the saved ones joining) builds them all again.
#[component]
pub fn CardGrid() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let empty = Memo::new(move |_| ctx.visible.with(|v| v.is_empty()));
    // the open actor, apart from the rest of the state, for the cards' "selected" mark
    let open_actor = Memo::new(move |_| ctx.state.with(|s| s.actor.clone()));
    let ids = Memo::new(move |_| {
        ctx.visible
            .with(|v| v.iter().map(|a| a.id.clone()).collect::<Vec<_>>())
    });
    move || {
        ctx.corpus.track();
        if empty.get() {
            let filtered = ctx.filters.with(|f| !f.is_empty());
            return view! {
                <div class="ent-empty" data-testid="empty">
                    {if filtered {
                        view! {
                            <p class="ent-empty__text">"No actor matches these filters."</p>
                            <button
                                type="button"
                                class="ent-button"
                                data-testid="empty-clear"
                                on:click=move |_| ctx.clear_filters()
                            >
                                "Clear filters"
                            </button>
                        }
                            .into_any()
                    } else {
                        view! {
                            <p class="ent-empty__text">"No actors found in these articles."</p>
                        }
                            .into_any()
                    }}
                </div>
            }
            .into_any();
        }
        view! {
            <ul class="ent-grid" data-testid="cards" aria-label="Actors, most important first">
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <Card id open_actor />
                </For>
            </ul>
        }
        .into_any()
    }
}

/// One card's evidence list: the sentences with their class, flags and source.
fn card_evidence(ctx: Ctx, id: &str, evidence: &[RelRef]) -> impl IntoView {
    ctx.corpus.with_untracked(|c| {
        evidence
            .iter()
            .filter_map(|&rr| {
                let doc = c.docs.get(rr.doc)?;
                let r = doc.relations.get(rr.rel)?;
                let segs = highlight::relation_sentence(doc, &c.bodies[rr.doc], rr.rel, Some(id));
                let (q, flags) = (r.quad, present::flags_line(r));
                Some(view! {
                    <li class="ent-evidence">
                        <blockquote class="ent-quote">{marked(segs)}</blockquote>
                        <p class="ent-evidence__meta">
                            {quad_tag(q)}
                            <span class="ent-flags">{flags}</span>
                            {source_button(ctx, rr, c)}
                        </p>
                    </li>
                })
            })
            .collect_view()
    })
}

#[component]
fn Card(id: String, open_actor: Memo<Option<String>>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // the actor as it is now (the grid builds a card for an actor in view); what the
    // filters change follows `live`
    let Some(a) = ctx
        .visible
        .with_untracked(|v| v.iter().find(|a| a.id == id).cloned())
    else {
        return ().into_any();
    };
    let live = {
        let id = id.clone();
        let first = CardLive::of(&a);
        Memo::new(move |prev: Option<&CardLive>| {
            ctx.visible
                .with(|v| v.iter().find(|a| a.id == id).map(CardLive::of))
                // a card leaving view keeps what it showed until it is removed
                .unwrap_or_else(|| prev.cloned().unwrap_or_else(|| first.clone()))
        })
    };
    let bars = Memo::new(move |_| live.with(|l| (l.given, l.received)));
    let counterparts = Memo::new(move |_| live.with(|l| l.counterparts.clone()));
    let evidence = Memo::new(move |_| live.with(|l| l.evidence.clone()));
    let open = {
        let id = id.clone();
        move || ctx.open_actor(&id)
    };
    let open2 = open.clone();
    let on_click = move |ev: ev::MouseEvent| {
        let inner = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("button, a, select, input").ok().flatten())
            .is_some();
        if !inner {
            open();
        }
    };
    let on_key = move |ev: ev::KeyboardEvent| {
        let on_card = ev.target() == ev.current_target();
        if on_card && activates(&ev) {
            open2();
        }
    };
    let selected = {
        let id = id.clone();
        move || open_actor.with(|o| o.as_deref() == Some(id.as_str()))
    };
    let meta = ctx.corpus.with_untracked(|c| meta_line(&a, c));
    let names = move |list: Vec<(String, usize)>| {
        ctx.corpus.with_untracked(|c| {
            list.into_iter()
                .map(|(cid, n)| (c.name(&cid).to_string(), cid, n))
                .collect::<Vec<_>>()
        })
    };
    let label = format!("{}: open full view", a.name);
    let id2 = id.clone();
    view! {
        <li class="ent-grid__item">
            <article
                class="ent-card"
                class=("ent-card--selected", selected)
                tabindex="0"
                aria-label=label
                data-testid="card"
                data-actor=id.clone()
                on:click=on_click
                on:keydown=on_key
            >
                <h3 class="ent-card__title">{a.name.clone()}</h3>
                <p class="ent-card__meta">{meta}</p>
                <p class="ent-card__counts">
                    {present::mentions_line(&a)}
                    " · mean Goldstein given "
                    <strong>{move || live.with(|l| l.mean_given.clone())}</strong>
                    ", received "
                    <strong>{move || live.with(|l| l.mean_received.clone())}</strong>
                </p>
                <div class="ent-card__bars">
                    {move || {
                        let (given, received) = bars.get();
                        (
                            quad_bar("gives", given, "bar-given"),
                            quad_bar("receives", received, "bar-received"),
                        )
                    }}
                </div>
                {move || {
                    let list = names(counterparts.get());
                    (!list.is_empty())
                        .then(|| {
                            view! {
                                <div class="ent-card__counterparts">
                                    <span class="ent-card__label">"With "</span>
                                    {list
                                        .into_iter()
                                        .map(|(name, cid, n)| {
                                            view! {
                                                <button
                                                    type="button"
                                                    class="ent-chip"
                                                    data-testid="counterpart"
                                                    data-actor=cid.clone()
                                                    title=format!("Open {name}")
                                                    on:click=move |_| ctx.open_actor(&cid)
                                                >
                                                    {name.clone()}
                                                    <span class="ent-chip__n">{n}</span>
                                                </button>
                                            }
                                        })
                                        .collect_view()}
                                </div>
                            }
                        })
                }}
                <ol class="ent-card__evidence" aria-label="Strongest evidence">
                    {move || evidence.with(|e| card_evidence(ctx, &id2, e))}
                </ol>
            </article>
        </li>
    }
    .into_any()
}
