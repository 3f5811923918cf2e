//! The explorer's views: the card grid, an actor's full view, the pair view, the article
//! reader, the relation graph and the "add your own article" panel. Thin: what they show
//! is decided by the pure modules (`filter`, `highlight`, `present`).

use entente_core::summary::{self, ActorSummary, DirectedSummary, RelRef};
use entente_core::{ActorKind, Quad};
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::{css_escape, Ctx};
use crate::corpus::{Origin, PageCorpus, Source};
use crate::filter;
use crate::highlight::{self, Block, Segment};
use crate::present::{self, bar_parts, count_noun, goldstein, quad_class, quad_short};
use crate::web;

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
        if on_card && (ev.key() == "Enter" || ev.key() == " ") {
            ev.prevent_default();
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

#[component]
fn ActorView(id: String) -> impl IntoView {
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

#[component]
fn PairView(a: String, b: String) -> impl IntoView {
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

#[component]
fn Reader(key: String, sentence: Option<usize>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let text_ref = NodeRef::<html::Div>::new();
    let focus_actor = ctx.state.with_untracked(|s| s.actor.clone());
    let (title, body) = ctx.corpus.with_untracked(|c| {
        let Some(d) = c.doc_index(&key) else {
            return ("Article not found".to_string(), view! { <p>"This article is no longer here."</p> }.into_any());
        };
        let doc = &c.docs[d];
        let blocks = highlight::article_blocks(doc, &c.bodies[d], focus_actor.as_deref());
        let mut meta = Vec::new();
        if let Some(date) = &doc.date {
            meta.push(date.clone());
        }
        if let Some(s) = &doc.source {
            meta.push(s.clone());
        }
        if c.is_yours(d) {
            meta.push("yours".into());
        }
        meta.push(count_noun(doc.relations.len(), "relation", "relations"));
        let warning = match &c.sources.get(d).map(|s| &s.origin) {
            Some(Origin::Yours { warning: Some(w), .. }) => Some(w.clone()),
            _ => None,
        };
        let url = doc.url.clone();
        let rendered = blocks
            .into_iter()
            .map(|b| match b {
                Block::Gap(segs) => marked(segs).into_any(),
                Block::Sentence { index, segments, relations } => {
                    let tags: Vec<String> = relations
                        .iter()
                        .filter_map(|&i| doc.relations.get(i))
                        .map(|r| format!("{} → {}: {}", c.name(&r.source), c.name(&r.target), quad_short(r.quad)))
                        .collect();
                    let has = !tags.is_empty();
                    let here = sentence == Some(index);
                    view! {
                        <span
                            class="ent-sent"
                            class=("ent-sent--rel", has)
                            class=("ent-sent--here", here)
                            data-sentence=index.to_string()
                            tabindex="-1"
                        >
                            {marked(segments)}
                            {has.then(|| view! {
                                <span class="ent-sent__tag">{format!(" [{}]", tags.join("; "))}</span>
                            })}
                        </span>
                    }
                    .into_any()
                }
            })
            .collect_view();
        let title = c.doc_title(d);
        (
            title,
            view! {
                <p class="ent-detail__meta">{meta.join(" · ")}</p>
                {url.map(|u| view! { <p class="ent-detail__meta ent-reader__url">{u}</p> })}
                {warning.map(|w| view! { <p class="ent-warning" role="note">{w}</p> })}
                <p class="ent-reader__legend">
                    <mark class="ent-mark ent-mark--other">"actor"</mark>
                    " "
                    <mark class="ent-mark ent-mark--cue">"cue"</mark>
                    " · sentences with a coded relation are underlined and tagged in brackets."
                </p>
                <div class="ent-reader__text" data-testid="reader-text" node_ref=text_ref>
                    {rendered}
                </div>
            }
            .into_any(),
        )
    });
    if let Some(i) = sentence {
        Effect::new(move |_| {
            if let Some(el) = text_ref.get() {
                let sel = format!("[data-sentence=\"{i}\"]");
                request_animation_frame(move || {
                    web::focus_within(&el, &sel);
                });
            }
        });
    }
    let _ = css_escape;
    frame(ctx, title, "reader", "Close the article", body)
}

/// Graph box, in SVG user units.
const GRAPH_W: f64 = 900.0;
const GRAPH_H: f64 = 560.0;

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
        let lnodes: Vec<entente_core::layout::Node> = nodes
            .iter()
            .map(|n| entente_core::layout::Node {
                id: n.id.clone(),
                weight: n.weight,
            })
            .collect();
        let ledges: Vec<entente_core::layout::Edge> = edges
            .iter()
            .map(|e| entente_core::layout::Edge {
                a: e.a,
                b: e.b,
                weight: e.total() as f64,
            })
            .collect();
        let pos = present::fit(
            &entente_core::layout::layout(&lnodes, &ledges, GRAPH_W, GRAPH_H),
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
                            if ev.key() == "Enter" || ev.key() == " " {
                                ev.prevent_default();
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
                            if ev.key() == "Enter" || ev.key() == " " {
                                ev.prevent_default();
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
    let engine = crate::analysis::engine_paced(web::pause).await;
    let docs = crate::analysis::run(
        engine,
        &sources,
        web::now_ms,
        web::pause,
        |p| {
            // the explorer may have been unmounted since
            let _ = ctx.analysing.try_set(Some(p));
        },
        || ctx.cancel.try_get_untracked().unwrap_or(true),
    )
    .await;
    let names: Vec<String> = added.iter().map(|a| a.name.clone()).collect();
    let Some(docs) = docs else {
        let _ = ctx.analysing.try_set(None);
        let _ = ctx
            .status
            .try_set(format!("Cancelled: {} not added.", names.join(", ")));
        return None;
    };
    ctx.corpus
        .try_update(|c| c.add(engine, sources.into_iter().zip(docs).collect()))?;
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
