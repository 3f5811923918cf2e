//! The article reader: the whole text with actors and cues marked and the sentences that
//! carry a relation tagged, opened at a sentence when asked.

use leptos::html;
use leptos::prelude::*;

use super::{frame, marked};
use crate::corpus::Origin;
use crate::highlight::{self, Block};
use crate::present::{count_noun, quad_short};
use crate::state::Ctx;
use crate::web;

/// The article `key` in the side panel, focused on `sentence` when given.
#[component]
pub fn Reader(key: String, sentence: Option<usize>) -> impl IntoView {
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
    frame(ctx, title, "reader", "Close the article", body)
}
