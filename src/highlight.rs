//! Highlighting as data: cut a stretch of a body into segments, each plain or marked
//! (an actor's mention, a counterpart's, another actor's, a cue). Components render the
//! segments as text nodes, marked ones inside `<mark>`; no HTML is ever built from text.

use entente_core::{Document, Span};

/// What a marked segment is. When marks overlap, the higher one wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mark {
    /// A mention of some other actor.
    Other,
    /// A mention of the counterpart in the relation shown.
    Counterpart,
    /// A mention of the actor the view is about.
    Actor,
    /// The words that triggered the relation.
    Cue,
}

impl Mark {
    /// The CSS modifier (`ent-mark--cue`) and what a screen reader may be told.
    pub fn as_str(self) -> &'static str {
        match self {
            Mark::Other => "other",
            Mark::Counterpart => "counterpart",
            Mark::Actor => "actor",
            Mark::Cue => "cue",
        }
    }
}

/// A piece of text, plain (`mark == None`) or marked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub mark: Option<Mark>,
}

/// Cuts `body[range]` into segments by `marks` (spans of the body). Marks outside the
/// range are clipped, empty or off-char-boundary ones dropped; overlaps go to the higher
/// mark. An invalid range gives no segments.
///
/// # Examples
/// ```
/// use entente::highlight::{segments, Mark};
/// use entente_core::Span;
/// let s = segments("Putin praised Iran.", Span::new(0, 19), &[(Span::new(6, 13), Mark::Cue)]);
/// assert_eq!(s[1].text, "praised");
/// assert_eq!(s[1].mark, Some(Mark::Cue));
/// ```
pub fn segments(body: &str, range: Span, marks: &[(Span, Mark)]) -> Vec<Segment> {
    if range.end > body.len()
        || range.start > range.end
        || !body.is_char_boundary(range.start)
        || !body.is_char_boundary(range.end)
    {
        return Vec::new();
    }
    let clipped: Vec<(usize, usize, Mark)> = marks
        .iter()
        .map(|&(s, m)| (s.start.max(range.start), s.end.min(range.end), m))
        .filter(|&(s, e, _)| s < e && body.is_char_boundary(s) && body.is_char_boundary(e))
        .collect();
    let mut cuts: Vec<usize> = vec![range.start, range.end];
    for &(s, e, _) in &clipped {
        cuts.push(s);
        cuts.push(e);
    }
    entente_core::sort::sort(&mut cuts);
    cuts.dedup();
    let mut out: Vec<Segment> = Vec::new();
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        let mark = clipped
            .iter()
            .filter(|&&(ms, me, _)| ms <= s && e <= me)
            .map(|&(_, _, m)| m)
            .max();
        let text = &body[s..e];
        match out.last_mut() {
            Some(last) if last.mark == mark => last.text.push_str(text),
            _ => out.push(Segment {
                text: text.to_string(),
                mark,
            }),
        }
    }
    out
}

/// The marks for one relation's sentence, seen from `actor`: its mentions, the
/// counterpart's, other actors', and the cue.
pub fn relation_marks(doc: &Document, rel: usize, actor: Option<&str>) -> Vec<(Span, Mark)> {
    let Some(r) = doc.relations.get(rel) else {
        return Vec::new();
    };
    let counterpart = match actor {
        Some(a) if r.source == a => Some(r.target.as_str()),
        Some(a) if r.target == a => Some(r.source.as_str()),
        _ => None,
    };
    let mut marks = Vec::new();
    for a in &doc.actors {
        let mark = if Some(a.id.as_str()) == actor {
            Mark::Actor
        } else if Some(a.id.as_str()) == counterpart
            || (actor.is_none() && (a.id == r.source || a.id == r.target))
        {
            Mark::Counterpart
        } else {
            Mark::Other
        };
        for m in &a.mentions {
            marks.push((Span::new(m.start, m.end), mark));
        }
    }
    if !r.cue_span.is_empty() {
        marks.push((r.cue_span, Mark::Cue));
    }
    marks
}

/// The segments of relation `rel`'s sentence in `doc`, marked from `actor`'s side. When
/// the sentence span does not fit the body, the relation's own sentence text, unmarked.
pub fn relation_sentence(
    doc: &Document,
    body: &str,
    rel: usize,
    actor: Option<&str>,
) -> Vec<Segment> {
    let Some(r) = doc.relations.get(rel) else {
        return Vec::new();
    };
    let range = doc.sentences.get(r.sentence_index).copied();
    let segs = range
        .map(|range| segments(body, range, &relation_marks(doc, rel, actor)))
        .unwrap_or_default();
    if segs.is_empty() {
        vec![Segment {
            text: r.sentence.clone(),
            mark: None,
        }]
    } else {
        segs
    }
}

/// A piece of an article in the reader: text between sentences, or a sentence.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Text outside any sentence (white space, page furniture).
    Gap(Vec<Segment>),
    /// Sentence `index`, with the relations it carries (indices into `doc.relations`).
    Sentence {
        index: usize,
        segments: Vec<Segment>,
        relations: Vec<usize>,
    },
}

/// The whole body of `doc` as blocks, every actor mention marked (`actor`'s as
/// [`Mark::Actor`], others as [`Mark::Other`]) and every cue marked. Sentences with
/// bad spans are read as gaps, so no text is ever lost.
pub fn article_blocks(doc: &Document, body: &str, actor: Option<&str>) -> Vec<Block> {
    let mut marks: Vec<(Span, Mark)> = Vec::new();
    for a in &doc.actors {
        let mark = if Some(a.id.as_str()) == actor {
            Mark::Actor
        } else {
            Mark::Other
        };
        for m in &a.mentions {
            marks.push((Span::new(m.start, m.end), mark));
        }
    }
    for r in &doc.relations {
        if !r.cue_span.is_empty() {
            marks.push((r.cue_span, Mark::Cue));
        }
    }
    let mut out = Vec::new();
    let mut at = 0;
    for (index, &span) in doc.sentences.iter().enumerate() {
        let valid = span.start >= at
            && span.start <= span.end
            && span.end <= body.len()
            && body.is_char_boundary(span.start)
            && body.is_char_boundary(span.end);
        if !valid {
            continue;
        }
        if span.start > at {
            out.push(Block::Gap(segments(
                body,
                Span::new(at, span.start),
                &marks,
            )));
        }
        let relations = doc
            .relations
            .iter()
            .enumerate()
            .filter(|(_, r)| r.sentence_index == index)
            .map(|(i, _)| i)
            .collect();
        out.push(Block::Sentence {
            index,
            segments: segments(body, span, &marks),
            relations,
        });
        at = span.end;
    }
    if at < body.len() {
        out.push(Block::Gap(segments(
            body,
            Span::new(at, body.len()),
            &marks,
        )));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{documents, BODY_A};

    fn show(segs: &[Segment]) -> String {
        segs.iter()
            .map(|s| match s.mark {
                None => s.text.clone(),
                Some(m) => format!("[{}:{}]", m.as_str(), s.text),
            })
            .collect()
    }

    #[test]
    fn segments_cut_by_marks() {
        let body = "Putin praised Iran.";
        let all = Span::new(0, body.len());
        type Case<'a> = (&'a str, Span, Vec<(Span, Mark)>, &'a str);
        let cases: Vec<Case> = vec![
            ("no marks", all, vec![], "Putin praised Iran."),
            (
                "two marks",
                all,
                vec![
                    (Span::new(0, 5), Mark::Actor),
                    (Span::new(6, 13), Mark::Cue),
                ],
                "[actor:Putin] [cue:praised] Iran.",
            ),
            (
                "overlap goes to the higher mark",
                all,
                vec![
                    (Span::new(0, 13), Mark::Other),
                    (Span::new(6, 13), Mark::Cue),
                ],
                "[other:Putin ][cue:praised] Iran.",
            ),
            (
                "mark clipped to the range",
                Span::new(6, 19),
                vec![(Span::new(0, 9), Mark::Actor)],
                "[actor:pra]ised Iran.",
            ),
            (
                "mark outside the range is dropped",
                Span::new(0, 5),
                vec![(Span::new(14, 18), Mark::Counterpart)],
                "Putin",
            ),
            (
                "empty and inverted marks are dropped",
                all,
                vec![(Span::new(3, 3), Mark::Cue), (Span::new(9, 2), Mark::Cue)],
                "Putin praised Iran.",
            ),
            (
                "adjacent equal marks merge",
                all,
                vec![
                    (Span::new(0, 3), Mark::Actor),
                    (Span::new(3, 5), Mark::Actor),
                ],
                "[actor:Putin] praised Iran.",
            ),
        ];
        for (name, range, marks, want) in cases {
            assert_eq!(show(&segments(body, range, &marks)), want, "case {name}");
        }
    }

    #[test]
    fn segments_never_split_a_character() {
        let body = "Кремль и Тегеран";
        // a mark that ends inside "К" (two bytes) is dropped, not sliced
        let s = segments(
            body,
            Span::new(0, body.len()),
            &[(Span::new(0, 1), Mark::Cue)],
        );
        assert_eq!(show(&s), body);
        // a range off a boundary gives nothing rather than panicking
        assert!(segments(body, Span::new(1, 4), &[]).is_empty());
        assert!(segments(body, Span::new(0, 999), &[]).is_empty());
        let s = segments(body, Span::new(0, 12), &[(Span::new(0, 12), Mark::Actor)]);
        assert_eq!(show(&s), "[actor:Кремль]");
    }

    #[test]
    fn relation_sentences_mark_actor_counterpart_and_cue() {
        let (docs, bodies, _) = documents();
        // Iran supplied drones to Russia, seen from Russia
        let s = relation_sentence(&docs[0], &bodies[0], 2, Some("RUS"));
        assert_eq!(
            show(&s),
            "[counterpart:Iran] [cue:supplied] drones to [actor:Russia]."
        );
        // no actor: both parties are counterparts
        let s = relation_sentence(&docs[0], &bodies[0], 0, None);
        assert_eq!(
            show(&s),
            "[counterpart:Putin] [cue:praised] [counterpart:Iran]."
        );
        // a broken span falls back to the relation's sentence, unmarked
        let mut d = docs[0].clone();
        d.sentences[2] = Span::new(70, 9_999);
        let s = relation_sentence(&d, &bodies[0], 2, Some("RUS"));
        assert_eq!(show(&s), "Iran supplied drones to Russia.");
    }

    #[test]
    fn article_blocks_keep_every_byte() {
        let (docs, bodies, _) = documents();
        let blocks = article_blocks(&docs[0], &bodies[0], Some("IRN"));
        let mut text = String::new();
        let mut sentences = Vec::new();
        for b in &blocks {
            match b {
                Block::Gap(s) => {
                    text.push_str(&s.iter().map(|x| x.text.as_str()).collect::<String>())
                }
                Block::Sentence {
                    index,
                    segments,
                    relations,
                } => {
                    text.push_str(&segments.iter().map(|x| x.text.as_str()).collect::<String>());
                    sentences.push((*index, relations.clone()));
                }
            }
        }
        assert_eq!(text, BODY_A);
        assert_eq!(sentences, vec![(0, vec![0]), (1, vec![1]), (2, vec![2])]);
        let Block::Sentence { segments, .. } = &blocks[0] else {
            panic!("first block is a sentence");
        };
        assert_eq!(show(segments), "[other:Putin] [cue:praised] [actor:Iran].");
    }
}
