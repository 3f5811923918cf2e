//! An actor's full view: its figures, then its relations grouped by counterpart, each
//! group with the pair view a click away.

use leptos::prelude::*;

use super::{frame, meta_line, quad_bar, relation_item};
use crate::filter;
use crate::present::{self, count_noun, goldstein};
use crate::state::Ctx;

/// An actor's full view in the side panel, its relations in view by counterpart.
#[component]
pub fn ActorView(id: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let view_id = id.clone();
    let body = move || {
        let id = view_id.clone();
        let kept = ctx.kept.get();
        let summary = ctx.visible.with(|v| v.iter().find(|a| a.id == id).cloned());
        ctx.corpus.with(|c| {
            let groups = filter::by_counterpart(c, &kept, &id);
            let total_all = c
                .docs
                .iter()
                .flat_map(|d| d.relations.iter())
                .filter(|r| r.source == id || r.target == id)
                .count();
            let shown: usize = groups.iter().map(|g| g.1.len() + g.2.len()).sum();
            let filtered = ctx.filters.with(|f| !f.is_empty());
            let head = match &summary {
                Some(a) => view! {
                    <p class="ent-detail__meta">{meta_line(a, c)}</p>
                    <p class="ent-detail__meta">
                        {present::mentions_line(a)}
                        " · mean Goldstein given "
                        <strong>{goldstein(a.mean_goldstein_given)}</strong>
                        ", received "
                        <strong>{goldstein(a.mean_goldstein_received)}</strong>
                    </p>
                    <div class="ent-card__bars">
                        {quad_bar("gives", a.given, "bar-given")}
                        {quad_bar("receives", a.received, "bar-received")}
                    </div>
                }
                .into_any(),
                None => {
                    let info = c.actor(&id).map(|x| x.kind.to_string()).unwrap_or_default();
                    view! {
                        <p class="ent-detail__meta">{info}" · not among the cards in view"</p>
                    }
                    .into_any()
                }
            };
            let note = (filtered || shown != total_all).then(|| {
                view! {
                    <p class="ent-detail__note" data-testid="filter-note">
                        {format!(
                            "Filters apply: {} of {} shown. ",
                            count_noun(shown, "relation", "relations"),
                            total_all,
                        )}
                        <button
                            type="button"
                            class="ent-link"
                            on:click=move |_| ctx.clear_filters()
                        >
                            "Clear filters"
                        </button>
                    </p>
                }
            });
            let me = c.name(&id).to_string();
            let groups = if groups.is_empty() {
                view! {
                    <p class="ent-detail__none" data-testid="no-relations">
                        "No relation coded for this actor in view."
                    </p>
                }
                .into_any()
            } else {
                groups
                    .into_iter()
                    .map(|(other, given, received)| {
                        let name = c.name(&other).to_string();
                        let n = given.len() + received.len();
                        let (o1, o2) = (other.clone(), other.clone());
                        let me2 = id.clone();
                        let given_list = (!given.is_empty()).then(|| {
                            view! {
                                <h4 class="ent-group__dir">{format!("{me} → {name}")}</h4>
                                <ul class="ent-rels">
                                    {given
                                        .iter()
                                        .map(|&rr| relation_item(ctx, rr, Some(&id), c))
                                        .collect_view()}
                                </ul>
                            }
                        });
                        let received_list = (!received.is_empty()).then(|| {
                            view! {
                                <h4 class="ent-group__dir">{format!("{name} → {me}")}</h4>
                                <ul class="ent-rels">
                                    {received
                                        .iter()
                                        .map(|&rr| relation_item(ctx, rr, Some(&id), c))
                                        .collect_view()}
                                </ul>
                            }
                        });
                        view! {
                            <section class="ent-group" data-testid="group" data-actor=other.clone()>
                                <h3 class="ent-group__title">
                                    <button
                                        type="button"
                                        class="ent-link ent-group__pivot"
                                        data-testid="pivot"
                                        title=format!("Open {name}")
                                        on:click=move |_| ctx.open_actor(&o1)
                                    >
                                        {name.clone()}
                                    </button>
                                    <span class="ent-group__count">
                                        {count_noun(n, "relation", "relations")}
                                    </span>
                                    <button
                                        type="button"
                                        class="ent-button ent-button--small"
                                        data-testid="open-pair"
                                        on:click=move |_| ctx.open_pair(&me2, &o2)
                                    >
                                        "Say vs do"
                                    </button>
                                </h3>
                                {given_list}
                                {received_list}
                            </section>
                        }
                    })
                    .collect_view()
                    .into_any()
            };
            view! {
                {head}
                {note}
                <div class="ent-groups">{groups}</div>
            }
            .into_any()
        })
    };
    let title = ctx.corpus.with_untracked(|c| c.name(&id).to_string());
    view! {
        <div class="ent-panel-wrap" data-actor-view=id.clone()>
            {frame(ctx, title, "actor-view", "Close the actor's full view", body.into_any())}
        </div>
    }
}
