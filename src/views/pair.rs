//! The pair view: what each of two actors says to the other and what it does, both
//! directions side by side, with the sentences behind every figure.

use entente_core::summary::{self, DirectedSummary, RelRef};
use entente_core::Quad;
use leptos::prelude::*;

use super::{frame, relation_item};
use crate::corpus::PageCorpus;
use crate::state::Ctx;

/// One direction of a pair: say, do, the gap, and the sentences behind each figure.
fn direction(ctx: Ctx, from: &str, to: &str, d: &DirectedSummary, c: &PageCorpus) -> impl IntoView {
    let gap = d.gap();
    let gap_text = match gap {
        0 => "0 (says as much as it does)".to_string(),
        g if g > 0 => format!("+{g} (says more than it does)"),
        g => format!("−{} (does more than it says)", -g),
    };
    let lists: Vec<(&str, &str, Vec<RelRef>)> = vec![
        (
            "Said: verbal cooperation",
            "said",
            d.by_quad[Quad::VerbalCooperation as usize].clone(),
        ),
        (
            "Done: material cooperation",
            "done",
            d.by_quad[Quad::MaterialCooperation as usize].clone(),
        ),
        (
            "Verbal conflict",
            "vconf",
            d.by_quad[Quad::VerbalConflict as usize].clone(),
        ),
        (
            "Material conflict",
            "mconf",
            d.by_quad[Quad::MaterialConflict as usize].clone(),
        ),
        (
            "Not done or not said (negated)",
            "negated",
            d.negated.clone(),
        ),
        ("Limited", "limited", d.limited.clone()),
        ("Hedged or hypothetical", "hedged", d.hedged.clone()),
    ];
    let title = format!("{} → {}", c.name(from), c.name(to));
    let focus = from.to_string();
    view! {
        <section class="ent-dir" data-testid="direction">
            <h3 class="ent-dir__title">{title}</h3>
            <dl class="ent-saydo">
                <div class="ent-saydo__cell">
                    <dt>"Say"</dt>
                    <dd data-testid="say">{d.say()}</dd>
                </div>
                <div class="ent-saydo__cell">
                    <dt>"Do"</dt>
                    <dd data-testid="do">{d.r#do()}</dd>
                </div>
                <div class="ent-saydo__cell ent-saydo__cell--gap">
                    <dt>"Gap"</dt>
                    <dd data-testid="gap">{gap_text}</dd>
                </div>
            </dl>
            <p class="ent-dir__apart">
                {format!(
                    "Shown apart: {} negated, {} limited, {} hedged or hypothetical.",
                    d.negated.len(),
                    d.limited.len(),
                    d.hedged.len(),
                )}
            </p>
            {lists
                .into_iter()
                .filter(|l| !l.2.is_empty())
                .map(|(label, key, refs)| {
                    view! {
                        <details class="ent-dir__list" data-testid=format!("list-{key}") open=true>
                            <summary>{format!("{label} ({})", refs.len())}</summary>
                            <ul class="ent-rels">
                                {refs
                                    .iter()
                                    .map(|&rr| relation_item(ctx, rr, Some(&focus), c))
                                    .collect_view()}
                            </ul>
                        </details>
                    }
                })
                .collect_view()}
        </section>
    }
}

/// Both directions' figures side by side, as a table.
fn pair_table(a: &str, b: &str, ab: &DirectedSummary, ba: &DirectedSummary) -> impl IntoView {
    let gap = |g: isize| match g {
        0 => "0".to_string(),
        g if g > 0 => format!("+{g}"),
        g => format!("−{}", -g),
    };
    let rows: Vec<(&str, String, String)> = vec![
        (
            "Say (verbal cooperation)",
            ab.say().to_string(),
            ba.say().to_string(),
        ),
        (
            "Do (material cooperation)",
            ab.r#do().to_string(),
            ba.r#do().to_string(),
        ),
        ("Gap (say − do)", gap(ab.gap()), gap(ba.gap())),
        (
            "Verbal conflict",
            ab.counts.get(Quad::VerbalConflict).to_string(),
            ba.counts.get(Quad::VerbalConflict).to_string(),
        ),
        (
            "Material conflict",
            ab.counts.get(Quad::MaterialConflict).to_string(),
            ba.counts.get(Quad::MaterialConflict).to_string(),
        ),
        (
            "Negated (not counted)",
            ab.negated.len().to_string(),
            ba.negated.len().to_string(),
        ),
        (
            "Limited",
            ab.limited.len().to_string(),
            ba.limited.len().to_string(),
        ),
        (
            "Hedged or hypothetical",
            ab.hedged.len().to_string(),
            ba.hedged.len().to_string(),
        ),
    ];
    view! {
        <table class="ent-pairtable" data-testid="pair-table">
            <caption class="ent-pairtable__caption">"Both directions, relations in view"</caption>
            <thead>
                <tr>
                    <th scope="col"></th>
                    <th scope="col">{format!("{a} → {b}")}</th>
                    <th scope="col">{format!("{b} → {a}")}</th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|(label, x, y)| {
                        view! {
                            <tr>
                                <th scope="row">{label}</th>
                                <td>{x}</td>
                                <td>{y}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// The pair view of `a` and `b` in the side panel: the table, then each direction.
#[component]
pub fn PairView(a: String, b: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let (a2, b2) = (a.clone(), b.clone());
    let body = move || {
        let keep = ctx.kept_set();
        ctx.corpus.with(|c| {
            let p = summary::pair(&c.docs, &a2, &b2, |rr, _| keep.contains(&rr));
            let (x, y) = (a2.clone(), b2.clone());
            view! {
                <p class="ent-detail__meta">
                    "Say = verbal cooperation, do = material cooperation; negated and hypothetical acts are not counted, and are listed apart."
                </p>
                <p class="ent-detail__actions">
                    <button type="button" class="ent-link" data-testid="pair-open-a" on:click=move |_| ctx.open_actor(&x)>
                        {format!("Open {}", c.name(&a2))}
                    </button>
                    " · "
                    <button type="button" class="ent-link" data-testid="pair-open-b" on:click=move |_| ctx.open_actor(&y)>
                        {format!("Open {}", c.name(&b2))}
                    </button>
                </p>
                {pair_table(c.name(&a2), c.name(&b2), &p.a_to_b, &p.b_to_a)}
                <div class="ent-pair">
                    {direction(ctx, &a2, &b2, &p.a_to_b, c)}
                    {direction(ctx, &b2, &a2, &p.b_to_a, c)}
                </div>
            }
        })
    };
    let title = ctx
        .corpus
        .with_untracked(|c| format!("{} and {}", c.name(&a), c.name(&b)));
    frame(
        ctx,
        title,
        "pair-view",
        "Close the pair view",
        body.into_any(),
    )
}
