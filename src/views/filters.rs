//! The filters: the full side panel (search, the facet selects, clear, the pair picker and
//! the article list) and the compact embed's short row (search, country, leader, clear).

use leptos::ev;
use leptos::prelude::*;

use crate::filter::{self, Facet};
use crate::state::{css_escape, Ctx};
use crate::web;

/// The labels and test ids of the facet selects, in display order.
const FACETS: [(Facet, &str, &str); 6] = [
    (Facet::Country, "Country", "filter-country"),
    (Facet::Leader, "Leader", "filter-leader"),
    (Facet::Kind, "Actor kind", "filter-kind"),
    (Facet::Quad, "Relation class", "filter-quad"),
    (Facet::Flag, "Flag", "filter-flag"),
    (Facet::Article, "Article", "filter-article"),
];

/// The full filters, a side panel that starts closed on narrow screens.
#[component]
pub fn FilterNav() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let open = !web::narrower_than(700);
    let active = move || {
        ctx.filters.with(|f| {
            let mut n = FACETS
                .iter()
                .filter(|(x, _, _)| filter::current(f, *x).is_some())
                .count();
            if !f.q.trim().is_empty() {
                n += 1;
            }
            n
        })
    };
    view! {
        <nav class="ent-filters" aria-label="Filters" data-testid="filters">
            <details class="ent-filters__box" open=open>
                <summary class="ent-filters__summary">
                    "Filters"
                    <span class="ent-filters__active">
                        {move || match active() {
                            0 => String::new(),
                            n => format!(" ({n} active)"),
                        }}
                    </span>
                </summary>
                <div class="ent-filters__body">
                    <SearchBox />
                    {FACETS
                        .into_iter()
                        .map(|(facet, label, testid)| {
                            view! { <FacetSelect facet label testid /> }
                        })
                        .collect_view()}
                    <button
                        type="button"
                        class="ent-button ent-button--wide"
                        data-testid="clear-filters"
                        disabled=move || ctx.filters.with(|f| f.is_empty())
                        on:click=move |_| ctx.clear_filters()
                    >
                        "Clear filters"
                    </button>
                    <PairPicker />
                    <ArticleList />
                </div>
            </details>
        </nav>
    }
}

/// The search box over the sentences, the same in the full and the compact filters: each
/// keystroke sets the filter's text.
#[component]
fn SearchBox() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <label class="ent-field">
            <span class="ent-field__label">"Search sentences"</span>
            <input
                type="search"
                class="ent-input"
                data-testid="filter-q"
                placeholder="e.g. drones"
                prop:value=move || ctx.filters.with(|f| f.q.clone())
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    ctx.state.update(|s| s.filters.q = v);
                }
            />
        </label>
    }
}

#[component]
fn FacetSelect(facet: Facet, label: &'static str, testid: &'static str) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let choices = Memo::new(move |_| ctx.corpus.with(|c| filter::choices(c, facet)));
    // this facet's counts, "any" first, then in the order of `choices`: the options are
    // drawn again only when these change (choosing in this facet leaves its own counts as
    // they are), in place, so only the labels whose count changed are written
    let counts = Memo::new(move |_| {
        ctx.counts.with(|n| {
            choices.with(|ch| {
                std::iter::once(n.get(facet, ""))
                    .chain(ch.iter().map(|c| n.get(facet, &c.value)))
                    .collect::<Vec<usize>>()
            })
        })
    });
    let current = move || {
        ctx.filters
            .with(|f| filter::current(f, facet))
            .unwrap_or_default()
    };
    let on_change = move |ev: ev::Event| {
        let v = event_target_value(&ev);
        ctx.state
            .update(|s| filter::set(&mut s.filters, facet, Some(&v)));
    };
    view! {
        <label class="ent-field">
            <span class="ent-field__label">{label}</span>
            // `value` follows the filter; the options' `selected` says the same when drawn
            <select
                class="ent-select"
                data-testid=testid
                prop:value=current
                on:change=on_change
            >
                {move || {
                    let cur = ctx.filters.with_untracked(|f| filter::current(f, facet));
                    counts.with(|n| {
                        let n = |i: usize| n.get(i).copied().unwrap_or(0);
                        let any = view! {
                            <option value="" selected=cur.is_none()>
                                {format!("Any ({})", n(0))}
                            </option>
                        };
                        let rest = choices.with(|ch| {
                            ch.iter()
                                .enumerate()
                                .map(|(i, c)| {
                                    let selected = cur.as_deref() == Some(c.value.as_str());
                                    view! {
                                        <option value=c.value.clone() selected=selected>
                                            {format!("{} ({})", c.label, n(i + 1))}
                                        </option>
                                    }
                                })
                                .collect_view()
                        });
                        (any, rest)
                    })
                }}
            </select>
        </label>
    }
}

#[component]
fn PairPicker() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let a = RwSignal::new(String::new());
    let b = RwSignal::new(String::new());
    let actors = Memo::new(move |_| {
        ctx.corpus.with(|c| {
            let mut v: Vec<(String, String)> = c
                .actors
                .values()
                .filter(|a| !a.source_only)
                .map(|a| (a.id.clone(), a.name.clone()))
                .collect();
            entente_core::sort::sort_by(&mut v, |x, y| x.1.cmp(&y.1));
            v
        })
    });
    let options = move |sel: RwSignal<String>| {
        move || {
            actors
                .get()
                .into_iter()
                .map(|(id, name)| {
                    let selected = sel.get_untracked() == id;
                    view! {
                        <option value=id selected=selected>
                            {name}
                        </option>
                    }
                })
                .collect_view()
        }
    };
    let ready = move || {
        let (x, y) = (a.get(), b.get());
        !x.is_empty() && !y.is_empty() && x != y
    };
    view! {
        <fieldset class="ent-pairpick" data-testid="pair-picker">
            <legend class="ent-pairpick__legend">"Compare two actors"</legend>
            <label class="ent-field">
                <span class="ent-field__label">"First"</span>
                <select
                    class="ent-select"
                    data-testid="pair-a"
                    on:change=move |ev| a.set(event_target_value(&ev))
                >
                    <option value="">"Choose…"</option>
                    {options(a)}
                </select>
            </label>
            <label class="ent-field">
                <span class="ent-field__label">"Second"</span>
                <select
                    class="ent-select"
                    data-testid="pair-b"
                    on:change=move |ev| b.set(event_target_value(&ev))
                >
                    <option value="">"Choose…"</option>
                    {options(b)}
                </select>
            </label>
            <button
                type="button"
                class="ent-button ent-button--wide"
                data-testid="pair-open"
                disabled=move || !ready()
                on:click=move |_| ctx.open_pair(&a.get_untracked(), &b.get_untracked())
            >
                "Compare"
            </button>
        </fieldset>
    }
}

/// The articles in the corpus, each opening the reader.
#[component]
fn ArticleList() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let list = move || {
        ctx.corpus.with(|c| {
            (0..c.docs.len())
                .map(|i| {
                    (
                        i,
                        c.doc_key(i).to_string(),
                        c.doc_title(i),
                        c.is_yours(i),
                        c.docs[i].relations.len(),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="ent-articles" aria-label="Articles">
            <h2 class="ent-articles__title">"Articles"</h2>
            <ul class="ent-articles__list" data-testid="articles">
                {move || {
                    list()
                        .into_iter()
                        .map(|(i, key, title, yours, rels)| {
                            view! {
                                <li class="ent-articles__item" data-testid="article">
                                    <button
                                        type="button"
                                        class="ent-link"
                                        title="Read the article"
                                        data-doc=key.clone()
                                        on:click=move |_| {
                                            let opener = format!(
                                                ".ent-articles [data-doc=\"{}\"]",
                                                css_escape(&key),
                                            );
                                            ctx.read_from(i, None, Some(opener))
                                        }
                                    >
                                        {title}
                                    </button>
                                    <span class="ent-articles__meta">
                                        {format!(
                                            " {}{}",
                                            if yours { "yours · " } else { "" },
                                            crate::present::count_noun(rels, "relation", "relations"),
                                        )}
                                    </span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </section>
    }
}

/// The compact embed's filters: search, country, leader, clear.
#[component]
pub fn CompactFilters() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <div class="ent-compactfilters" role="group" aria-label="Filters" data-testid="filters">
            <SearchBox />
            <FacetSelect facet=Facet::Country label="Country" testid="filter-country" />
            <FacetSelect facet=Facet::Leader label="Leader" testid="filter-leader" />
            <button
                type="button"
                class="ent-button"
                data-testid="clear-filters"
                disabled=move || ctx.filters.with(|f| f.is_empty())
                on:click=move |_| ctx.clear_filters()
            >
                "Clear filters"
            </button>
        </div>
    }
}
