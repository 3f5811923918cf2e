//! The relation graph of the states and leaders in view: a node opens the actor, a line
//! the pair.

use entente_core::{ActorKind, Quad};
use leptos::ev;
use leptos::prelude::*;

use super::{activates, quad_tag};
use crate::layout;
use crate::present::{self, quad_class, quad_short};
use crate::state::Ctx;

/// Graph box, in SVG user units.
const GRAPH_W: f64 = 900.0;
const GRAPH_H: f64 = 560.0;

/// The graph of the states and leaders in view, laid out again when the view changes.
#[component]
pub fn GraphView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let visible = ctx.visible.get();
        let kept = ctx.kept.get();
        let (nodes, edges) = ctx.corpus.with(|c| present::graph(c, &visible, &kept));
        if nodes.is_empty() {
            return view! {
                <div class="ent-empty" data-testid="graph-empty">
                    <p class="ent-empty__text">"No state or leader in view."</p>
                    <button type="button" class="ent-button" on:click=move |_| ctx.clear_filters()>
                        "Clear filters"
                    </button>
                </div>
            }
            .into_any();
        }
        let lnodes: Vec<layout::Node> = nodes
            .iter()
            .map(|n| layout::Node {
                id: n.id.clone(),
                weight: n.weight,
            })
            .collect();
        let ledges: Vec<layout::Edge> = edges
            .iter()
            .map(|e| layout::Edge {
                a: e.a,
                b: e.b,
                weight: e.total() as f64,
            })
            .collect();
        let pos = present::fit(
            &layout::layout(&lnodes, &ledges, GRAPH_W, GRAPH_H),
            GRAPH_W,
            GRAPH_H,
            70.0,
        );
        let max_w = nodes.iter().map(|n| n.weight).fold(1.0, f64::max);
        let max_e = edges.iter().map(|e| e.total()).max().unwrap_or(1).max(1) as f64;
        let edge_views = edges
            .iter()
            .map(|e| {
                let (x1, y1) = pos[e.a];
                let (x2, y2) = pos[e.b];
                let width = 1.5 + 6.0 * (e.total() as f64 / max_e);
                let label = format!(
                    "{} – {}: {}",
                    nodes[e.a].name,
                    nodes[e.b].name,
                    present::BAR
                        .iter()
                        .chain([Quad::Neutral].iter())
                        .filter(|&&q| e.counts.get(q) > 0)
                        .map(|&q| format!("{} {}", q.label(), e.counts.get(q)))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                let (ia, ib) = (nodes[e.a].id.clone(), nodes[e.b].id.clone());
                let dash = !e.dominant.is_material();
                // labels on the strongest edges; the others show theirs on hover or focus
                let strong = e.total() >= 2 && e.total() as f64 >= max_e / 3.0;
                view! {
                    <g
                        class=format!("ent-graph__edge ent-quad--{}", quad_class(e.dominant))
                        role="button"
                        tabindex="0"
                        aria-label=format!("{label}. Open the pair view.")
                        data-testid="graph-edge"
                        on:click={
                            let (ia, ib) = (ia.clone(), ib.clone());
                            move |_| ctx.open_pair(&ia, &ib)
                        }
                        on:keydown=move |ev: ev::KeyboardEvent| {
                            if activates(&ev) {
                                ctx.open_pair(&ia, &ib);
                            }
                        }
                    >
                        <title>{label.clone()}</title>
                        <line class="ent-graph__hit" x1=x1 y1=y1 x2=x2 y2=y2></line>
                        <line
                            class="ent-graph__line"
                            class=("ent-graph__line--verbal", dash)
                            x1=x1
                            y1=y1
                            x2=x2
                            y2=y2
                            stroke-width=format!("{width:.1}")
                        ></line>
                        <text
                            class="ent-graph__elabel"
                            class=("ent-graph__elabel--shown", strong)
                            x=(x1 + x2) / 2.0 y=(y1 + y2) / 2.0 - 4.0>
                            {format!("{} {}", quad_short(e.dominant), e.counts.get(e.dominant))}
                        </text>
                    </g>
                }
            })
            .collect_view();
        let node_views = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let (x, y) = pos[i];
                let r = 7.0 + 11.0 * (n.weight / max_w).sqrt();
                let id = n.id.clone();
                let id2 = n.id.clone();
                let person = n.kind == ActorKind::Person;
                let selected = {
                    let id = n.id.clone();
                    move || ctx.state.with(|s| s.actor.as_deref() == Some(id.as_str()))
                };
                view! {
                    <g
                        class="ent-graph__node"
                        class=("ent-graph__node--person", person)
                        class=("ent-graph__node--selected", selected)
                        role="button"
                        tabindex="0"
                        aria-label=format!("{} ({}). Open.", n.name, n.kind)
                        data-testid="graph-node"
                        data-actor=n.id.clone()
                        on:click=move |_| ctx.open_actor(&id)
                        on:keydown=move |ev: ev::KeyboardEvent| {
                            if activates(&ev) {
                                ctx.open_actor(&id2);
                            }
                        }
                    >
                        <title>{n.name.clone()}</title>
                        {if person {
                            view! {
                                <rect
                                    class="ent-graph__shape"
                                    x=x - r
                                    y=y - r
                                    width=2.0 * r
                                    height=2.0 * r
                                    rx="3"
                                ></rect>
                            }
                                .into_any()
                        } else {
                            view! { <circle class="ent-graph__shape" cx=x cy=y r=r></circle> }.into_any()
                        }}
                        <text class="ent-graph__label" x=x y=y + r + 13.0>
                            {n.name.clone()}
                        </text>
                    </g>
                }
            })
            .collect_view();
        view! {
            <figure class="ent-graph" data-testid="graph">
                <svg
                    class="ent-graph__svg"
                    viewBox=format!("0 0 {GRAPH_W} {GRAPH_H}")
                    role="group"
                    aria-label="Relation graph of the states and leaders in view"
                >
                    <g class="ent-graph__edges">{edge_views}</g>
                    <g class="ent-graph__nodes">{node_views}</g>
                </svg>
                <figcaption class="ent-graph__legend">
                    "Circles are states, squares are leaders; size by importance. Lines join actors with relations in view: width by count, colour and label by the most frequent class ("
                    {present::BAR
                        .iter()
                        .map(|&q| view! { {quad_tag(q)} " " })
                        .collect_view()}
                    "); dashed lines are verbal, solid lines material. Select a node to open the actor, a line to compare the pair."
                </figcaption>
            </figure>
        }
        .into_any()
    }
}
