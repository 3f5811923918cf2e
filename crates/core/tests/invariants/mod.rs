//! What must hold for every analysed document, whatever the text: the checks shared by
//! the property tests (`tests/properties.rs`) and the hostile-text tests
//! (`tests/hostile.rs`). Each check has an id used in its message:
//!
//! | id | check |
//! |---|---|
//! | INV-BODY | the body is the raw text's tail and `body_len` is its length |
//! | INV-SENT | sentences are non-empty, in the body, on char boundaries, trimmed, sorted and disjoint, with a letter or digit |
//! | INV-MENTION | a mention is non-empty, in the body, on char boundaries, inside a sentence, and its text is the body slice |
//! | INV-ACTOR | an actor appears once, with at least one mention, mentions in text order; actors in order of first mention |
//! | INV-DISJOINT | no two mentions (of any actors) overlap |
//! | INV-REL | a relation's sentence index and cue span are valid, the cue span lies in its sentence, its ends are actors of the document, its score is finite and in [-10, 10], no flag twice |

#![allow(dead_code)] // each test crate uses part of this module

use std::collections::HashSet;

use entente_core::{corpus, text, Document, Span};

/// The body `Engine::analyze` read from `raw`: the spans of its document index into it.
pub fn body_of(raw: &str) -> &str {
    corpus::parse_article(raw).body
}

fn span_ok(body: &str, s: Span) -> bool {
    s.start < s.end
        && s.end <= body.len()
        && body.is_char_boundary(s.start)
        && body.is_char_boundary(s.end)
}

/// Every invariant of the table above; the error names the first one broken.
pub fn check(raw: &str, doc: &Document) -> Result<(), String> {
    let body = body_of(raw);
    // INV-BODY
    if !raw.ends_with(body) || doc.body_len != body.len() {
        return Err(format!(
            "INV-BODY: body_len {} for a body of {} bytes",
            doc.body_len,
            body.len()
        ));
    }
    // INV-SENT
    let mut prev_end = 0;
    for (i, &s) in doc.sentences.iter().enumerate() {
        if !span_ok(body, s) {
            return Err(format!(
                "INV-SENT: sentence {i} {s:?} is not a span of the body"
            ));
        }
        if s.start < prev_end {
            return Err(format!(
                "INV-SENT: sentence {i} {s:?} starts before the previous one ends ({prev_end})"
            ));
        }
        prev_end = s.end;
        let t = &body[s.start..s.end];
        if text::trim(t) != t {
            return Err(format!("INV-SENT: sentence {i} {t:?} is not trimmed"));
        }
        if !t.chars().any(char::is_alphanumeric) {
            return Err(format!(
                "INV-SENT: sentence {i} {t:?} has no letter or digit"
            ));
        }
    }
    // INV-ACTOR, INV-MENTION
    let mut ids = HashSet::new();
    let mut all: Vec<(Span, &str)> = Vec::new();
    let mut prev_first = 0;
    for a in &doc.actors {
        if !ids.insert(a.id.as_str()) {
            return Err(format!("INV-ACTOR: actor {} appears twice", a.id));
        }
        let Some(first) = a.mentions.first() else {
            return Err(format!("INV-ACTOR: actor {} has no mention", a.id));
        };
        if first.start < prev_first {
            return Err(format!(
                "INV-ACTOR: actor {} is listed after an actor first mentioned later",
                a.id
            ));
        }
        prev_first = first.start;
        let mut prev = 0;
        for m in &a.mentions {
            let s = Span::new(m.start, m.end);
            if !span_ok(body, s) {
                return Err(format!(
                    "INV-MENTION: mention {m:?} of {} is not a span of the body",
                    a.id
                ));
            }
            if body[m.start..m.end] != m.text {
                return Err(format!(
                    "INV-MENTION: mention {m:?} of {} is not the body slice {:?}",
                    a.id,
                    &body[m.start..m.end]
                ));
            }
            // Sentences are sorted and disjoint (checked above): the one that may hold
            // the mention is the last starting at or before it.
            let k = doc.sentences.partition_point(|t| t.start <= s.start);
            if !k
                .checked_sub(1)
                .is_some_and(|k| doc.sentences[k].contains(s))
            {
                return Err(format!(
                    "INV-MENTION: mention {m:?} of {} lies in no sentence",
                    a.id
                ));
            }
            if m.start < prev {
                return Err(format!(
                    "INV-ACTOR: mentions of {} are not in text order at {m:?}",
                    a.id
                ));
            }
            prev = m.start;
            all.push((s, a.id.as_str()));
        }
    }
    // INV-DISJOINT
    all.sort();
    for w in all.windows(2) {
        if w[1].0.start < w[0].0.end {
            return Err(format!(
                "INV-DISJOINT: mention {:?} of {} overlaps {:?} of {}",
                w[1].0, w[1].1, w[0].0, w[0].1
            ));
        }
    }
    // INV-REL
    for (k, r) in doc.relations.iter().enumerate() {
        let Some(&sent) = doc.sentences.get(r.sentence_index) else {
            return Err(format!(
                "INV-REL: relation {k} has sentence index {} of {}",
                r.sentence_index,
                doc.sentences.len()
            ));
        };
        if !span_ok(body, r.cue_span) || !sent.contains(r.cue_span) {
            return Err(format!(
                "INV-REL: relation {k} cue span {:?} is not inside its sentence {sent:?}",
                r.cue_span
            ));
        }
        for end in [&r.source, &r.target] {
            if !ids.contains(end.as_str()) {
                return Err(format!(
                    "INV-REL: relation {k} names {end}, not an actor of the document"
                ));
            }
        }
        if !r.goldstein.is_finite() || !(-10.0..=10.0).contains(&r.goldstein) {
            return Err(format!(
                "INV-REL: relation {k} has Goldstein score {}",
                r.goldstein
            ));
        }
        let flags: HashSet<_> = r.flags.iter().collect();
        if flags.len() != r.flags.len() {
            return Err(format!(
                "INV-REL: relation {k} repeats a flag: {:?}",
                r.flags
            ));
        }
    }
    Ok(())
}
