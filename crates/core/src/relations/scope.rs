//! Scope: which flags an act carries (negated, limited, hedged, hypothetical, reported) from
//! the markers around its cue (word lists in `data/flags.toml`), and who reported it. Rule ids:
//!
//! - NEG: a marker ("not", "never", "refrained from", "lacks", "unable to") negates the
//!   nearest act after it within the window and the clause; "not only" is no negation, and a
//!   negated need ("no longer needs X") is not a negated X.
//! - LIM: a limiter before the act ("only", "limited", "boilerplate", "all that ... can
//!   offer") or after it in the sentence ("while acknowledging its limitations").
//! - HEDGE: a hedge before the act ("may", "likely", "possible", "alleged"), a forecast verb
//!   anywhere before it ("predicts that"), or a reliance frame ("will rely on").
//! - HYPO: a question; a condition anywhere in the sentence ("if", "unless", "should that"),
//!   except what it states as fact after "remember that"; "would", "want to" before the act;
//!   an act only needed or asked for ("will need Russian support", "look to Russia to help").
//! - REP-FWD "Putin says ...", REP-TRAIL "..., the Kremlin said.", REP-FRAME "according to X",
//!   "it is noted that"; REP-QUOTE a quotation attributed just before or after it
//!   ("...," analysts note.); REP-PARA a paragraph closed by "- the publication writes." or
//!   attributed by a sentence that names only an outlet ("Le Monde writes about this").
//!   Speakers are no parties of the acts they report; `reported_by` names them.

use super::lexicon::{Kind, Lexicon};
use super::sentence::{CueAt, Sent};
use super::tokens::{range, tokenize, Token, Tokens};
use crate::model::{Actor, ActorKind, Flag, Span};
use crate::text::{lines, trim, trim_span};

/// Modal words that make a main clause conditional on a trailing "if" (HYPO).
const MODALS: [&str; 8] = [
    "would", "could", "may", "might", "will", "can", "should", "shall",
];

/// Tokens `from..to` of a sentence are reported speech, attributed to `by`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Report {
    pub from: usize,
    pub to: usize,
    pub by: Option<String>,
    /// The speaker's mention when it is an actor of the sentence ("Russia has stated it ...").
    pub speaker: Option<usize>,
}

/// A stretch of the body that is reported speech (a quotation, a paragraph).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Region {
    pub span: Span,
    pub by: Option<String>,
    /// The actor who speaks it, when the attribution names one (or a pronoun that refers
    /// back to one, COREF-1): "we" and "our" inside it stand for that actor (QUOTE-2).
    pub speaker: Option<usize>,
    /// The paragraph it lies in: [`paragraph_regions`] gives regions by paragraph, in body
    /// order, so a cue finds its paragraph's regions by binary search.
    pub para: Span,
}

fn words_text(s: &Sent, from: usize, to: usize) -> Option<String> {
    let w: Vec<&str> = range(&s.toks, from, to)
        .iter()
        .filter(|t| t.word)
        .map(|t| t.norm.as_str())
        .collect();
    if w.is_empty() || w.len() > 8 {
        None
    } else {
        Some(w.join(" "))
    }
}

/// The speech frames of a sentence (REP-TRAIL "..., the Kremlin said.", REP-FWD "Putin says
/// ...", REP-FRAME "according to X", "it is noted that"). The speakers' mentions are recorded
/// in `s.speakers` with the tokens they report, where they cannot be parties.
pub(crate) fn speech_frames(s: &mut Sent, actors: &[Actor]) -> Vec<Report> {
    let n = s.toks.len();
    let mut out = Vec::new();
    let last_word = s.toks.iter().rposition(|t| t.word).unwrap_or(0);
    let marks = s.marks.clone();
    for m in &marks {
        let quote_only = marks
            .iter()
            .any(|x| x.start == m.start && x.end == m.end && x.kind == Kind::SpeechQuoteOnly);
        match m.kind {
            Kind::Speech => {
                let after_words = s.words_between(m.end, last_word + 1);
                let lo = m.start.saturating_sub(7);
                let comma_before = (lo..m.start)
                    .rev()
                    .find(|&j| matches!(s.norm(j), "," | "\""));
                if let (true, Some(c)) = (after_words <= 3, comma_before) {
                    // REP-TRAIL: "..., the Kremlin said Saturday." / "...," said the Kremlin.
                    let cut = (0..=c).rev().find(|&j| s.norm(j) == ",").unwrap_or(c);
                    let spk: Vec<usize> = (0..s.ments.len())
                        .filter(|&i| {
                            s.ments[i].ts >= cut
                                && !(s.ments[i].ts >= m.start && s.ments[i].te <= m.end)
                        })
                        .collect();
                    let (by, speaker) = speaker_of(s, actors, &spk, cut, n, m.start, m.end);
                    for i in spk {
                        s.speakers.push((i, 0, cut));
                    }
                    out.push(Report {
                        from: 0,
                        to: cut,
                        by,
                        speaker,
                    });
                    continue;
                }
                if quote_only {
                    let next = s.norm(m.end);
                    let next2 = s.norm(m.end + 1);
                    if !(next == "\"" || (next == "," && next2 == "\"") || next == ":") {
                        continue;
                    }
                }
                // REP-FWD: the subject before the verb speaks; what follows is reported.
                let start = (0..m.start)
                    .rev()
                    .find(|&j| !s.same_clause(j, m.start))
                    .map_or(0, |j| j + 1);
                let spk: Vec<usize> = (0..s.ments.len())
                    .filter(|&i| s.ments[i].ts >= start && s.ments[i].te <= m.start)
                    .collect();
                let (by, speaker) = speaker_of(s, actors, &spk, start, m.start, m.start, m.end);
                for i in spk {
                    s.speakers.push((i, m.end, n));
                }
                out.push(Report {
                    from: m.end,
                    to: n,
                    by,
                    speaker,
                });
            }
            Kind::Frame => {
                // REP-FRAME: "according to X, ...", "cited by X": the whole sentence; the actor
                // named right after is the speaker. "It is noted that": what follows.
                let impersonal = s.norm(m.start) == "it" || s.norm(m.start) == "reportedly";
                if impersonal {
                    out.push(Report {
                        from: m.end,
                        to: n,
                        by: words_text(s, m.start, m.end),
                        speaker: None,
                    });
                    continue;
                }
                // The speaker is named right after the frame, before any comma, unless an
                // outlet is ("cited by Reuters said Tehran ...").
                let comma = (m.end..n).find(|&j| s.norm(j) == ",").unwrap_or(n);
                let outlet_first = s.outlets.iter().any(|o| o.ts >= m.end && o.ts <= m.end + 3);
                let first = (0..s.ments.len()).find(|&i| {
                    !outlet_first
                        && s.ments[i].ts >= m.end
                        && s.ments[i].ts <= m.end + 3
                        && s.ments[i].te <= comma
                });
                let mut spk: Vec<usize> = first.into_iter().collect();
                if let Some(f) = first {
                    // The rest of a list: "according to Reuters and AP". Made-up mentions of
                    // "both countries" share one span: nothing lies between them, so the
                    // second goes on the list too (`range` is empty when inverted).
                    let mut j = f + 1;
                    while j < s.ments.len()
                        && range(&s.toks, s.ments[j - 1].te, s.ments[j].ts)
                            .iter()
                            .all(|t| matches!(t.norm.as_str(), "and" | "," | "the"))
                    {
                        spk.push(j);
                        j += 1;
                    }
                }
                let stop = spk
                    .iter()
                    .map(|&i| s.ments[i].te)
                    .max()
                    .unwrap_or(m.end + 3)
                    .min(n);
                let (by, speaker) = speaker_of(s, actors, &spk, m.end, stop, m.start, m.end);
                for i in spk {
                    s.speakers.push((i, 0, n));
                }
                out.push(Report {
                    from: 0,
                    to: n,
                    by,
                    speaker,
                });
            }
            _ => {}
        }
    }
    out
}

/// Who speaks: an outlet in tokens `from..to`, else the speaker mention (a person before an
/// organisation before a state), else the words before (or after) the verb.
fn speaker_of(
    s: &Sent,
    actors: &[Actor],
    spk: &[usize],
    from: usize,
    to: usize,
    verb_start: usize,
    verb_end: usize,
) -> (Option<String>, Option<usize>) {
    let outlet = s
        .outlets
        .iter()
        .find(|m| m.ts >= from && m.te <= to)
        .map(|m| actors[m.actor].id.clone());
    let rank = |i: &usize| match actors[s.ments[*i].actor].kind {
        ActorKind::Person => 0,
        ActorKind::Organization | ActorKind::Group => 1,
        ActorKind::State => 2,
    };
    let speaker = spk.iter().copied().min_by_key(rank);
    let by = outlet
        .or_else(|| speaker.map(|i| actors[s.ments[i].actor].id.clone()))
        .or_else(|| {
            let (a, b) = if from < verb_start {
                (from, verb_start)
            } else {
                (verb_end, to)
            };
            words_text(s, a, b)
        });
    (by, speaker)
}

/// Reported stretches of the body beyond single sentences: quotations attributed just before
/// or after them, and paragraphs attributed as a whole ("... - the publication writes.",
/// "Le Monde writes about this, reports UNN."), appended to `out` for one paragraph; `order` holds the sentences by start (at least
/// those that start in it). Done for every paragraph in body order, the regions come by
/// paragraph in body order, as [`flags`] expects; a caller may do a few paragraphs at a time.
pub(crate) fn paragraph_regions(
    lex: &Lexicon,
    body: &str,
    para: Span,
    order: &[&Sent],
    actors: &[Actor],
    out: &mut Vec<Region>,
) {
    {
        let text = &body[para.start..para.end];
        // Quotations.
        let mut open: Option<usize> = None;
        let mut quotes = Vec::new();
        for (i, c) in text.char_indices() {
            match c {
                '“' if open.is_none() => open = Some(i),
                '”' => {
                    if let Some(o) = open.take() {
                        quotes.push((o, i + c.len_utf8(), true));
                    }
                }
                '"' => match open.take() {
                    Some(o) => quotes.push((o, i + 1, true)),
                    None => open = Some(i),
                },
                _ => {}
            }
        }
        if let Some(o) = open {
            quotes.push((o, text.len(), false));
        }
        for (o, e, closed) in quotes {
            // A quoted name or title ("“Khayyam”") is no quotation of speech.
            if Tokens::new(&text[o..e], 0)
                .filter(|t| t.word)
                .take(4)
                .count()
                < 4
            {
                continue;
            }
            let after = closed.then(|| attributed_after(lex, &text[e..])).flatten();
            let follows = after.is_some();
            let (by, near) = match after {
                Some(by) => (
                    Some(by),
                    (para.start + e, (para.start + e + 120).min(para.end)),
                ),
                None => (
                    attributed_before(lex, &text[..o]),
                    (para.start + o.saturating_sub(120), para.start + o),
                ),
            };
            if let Some(by) = by {
                // An outlet named there is the speaker ("the American “Responsible
                // Statement” website stated that “...").
                let outlet = actors
                    .iter()
                    .filter(|a| a.source_only)
                    .flat_map(|a| a.mentions.iter().map(move |m| (m.start, a.id.as_str())))
                    .filter(|&(st, _)| st >= near.0 && st < near.1)
                    .min_by_key(|&(st, _)| st.abs_diff(para.start + o))
                    .map(|(_, id)| id.to_string());
                // QUOTE-1: the speaker is the actor named nearest the quotation in its
                // attribution ("..., Kremlin spokesman Dmitry Peskov told reporters").
                let speaker = if outlet.is_some() {
                    None
                } else {
                    nearest_speaker(order, actors, near, follows)
                };
                out.push(Region {
                    span: Span::new(para.start + o, para.start + e),
                    by: outlet.or(Some(by)),
                    speaker,
                    para,
                });
            }
        }
        // "... - the publication writes." closing the paragraph: only its last tokens matter.
        let toks = last_tokens(text, 8);
        let hits = lex.hits(&toks);
        let tail_start = toks.len().saturating_sub(8);
        if let Some(d) = (tail_start..toks.len())
            .rev()
            .find(|&j| toks[j].norm == "-")
        {
            let speech = hits.iter().find(|h| {
                h.start > d && lex.kinds[h.pat].iter().any(|k| matches!(k, Kind::Speech))
            });
            let words_after = range(&toks, d, toks.len())
                .iter()
                .filter(|t| t.word)
                .count();
            if let Some(h) = speech {
                if words_after <= 6 && range(&toks, h.end, toks.len()).iter().all(|t| !t.word) {
                    let by: Vec<&str> = range(&toks, d + 1, h.start)
                        .iter()
                        .map(|t| t.norm.as_str())
                        .collect();
                    out.push(Region {
                        span: para,
                        by: Some(by.join(" ")).filter(|b| !b.is_empty()),
                        speaker: None,
                        para,
                    });
                }
            }
        }
        // An attribution sentence: it reports and names no party, only an outlet or speakers.
        let lo = order.partition_point(|s| s.span.start < para.start);
        let hi = order.partition_point(|s| s.span.start < para.end);
        for s in order[lo..hi.max(lo)]
            .iter()
            .copied()
            .filter(|s| para.contains(s.span))
        {
            let speaks = s.has_mark(|k| matches!(k, Kind::Speech));
            let parties = (0..s.ments.len()).any(|i| !s.speakers.iter().any(|&(m, _, _)| m == i));
            let names_speaker = !s.outlets.is_empty() || s.has_mark(|k| *k == Kind::Speaker);
            if speaks && !parties && names_speaker && s.cues.is_empty() {
                let by = s
                    .outlets
                    .first()
                    .map(|m| actors[m.actor].id.clone())
                    .or_else(|| {
                        s.marks
                            .iter()
                            .find(|m| m.kind == Kind::Speaker)
                            .and_then(|m| words_text(s, m.start, m.end))
                    });
                out.push(Region {
                    span: para,
                    by,
                    speaker: None,
                    para,
                });
            }
        }
    }
}

/// QUOTE-1: the actor mentioned in `near` (bytes of the body) closest to the quotation: the
/// first one after it when the attribution follows, the last one before it otherwise.
/// Outlets are never speakers here (they are the region's `by` already).
fn nearest_speaker(
    order: &[&Sent],
    actors: &[Actor],
    near: (usize, usize),
    after: bool,
) -> Option<usize> {
    let found = order.iter().flat_map(|s| {
        s.ments
            .iter()
            .filter(|m| m.group.is_none())
            .filter_map(move |m| Some((s.toks.get(m.ts)?.start, m.actor)))
    });
    let inside = found.filter(|&(at, a)| {
        at >= near.0 && at < near.1 && actors.get(a).is_some_and(|x| !x.source_only)
    });
    if after {
        inside.min_by_key(|&(at, _)| at).map(|(_, a)| a)
    } else {
        inside.max_by_key(|&(at, _)| at).map(|(_, a)| a)
    }
}

/// The tokens of the shortest end of `text` that starts at white space (or is all of
/// `text`) and holds at least `n` tokens. No token spans white space, so these are the last
/// tokens of `text` exactly as tokenising all of it gives them, at a fraction of the work.
fn last_tokens(text: &str, n: usize) -> Vec<Token> {
    let mut want = 64usize;
    while want < text.len() {
        let mut cut = text.len() - want;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        if let Some(ws) = text[cut..].find(char::is_whitespace) {
            let toks = tokenize(&text[cut + ws..], 0);
            if toks.len() >= n {
                return toks;
            }
        }
        want *= 4;
    }
    tokenize(text, 0)
}

/// `, analysts note.` / ` said the Kremlin.` right after a quotation.
fn attributed_after(lex: &Lexicon, after: &str) -> Option<String> {
    let cut = after
        .char_indices()
        .nth(120)
        .map_or(after.len(), |(i, _)| i);
    let toks = tokenize(&after[..cut], 0);
    let hits = lex.hits(&toks);
    let first = toks.iter().position(|t| t.norm != "," && t.norm != "-")?;
    let h = hits.iter().find(|h| {
        h.start >= first
            && range(&toks, first, h.start)
                .iter()
                .filter(|t| t.word)
                .count()
                <= 5
            && range(&toks, first, h.start)
                .iter()
                .all(|t| t.word || t.norm == "'")
            && lex.kinds[h.pat].iter().any(|k| matches!(k, Kind::Speech))
    })?;
    let before: Vec<&str> = range(&toks, first, h.start)
        .iter()
        .map(|t| t.norm.as_str())
        .collect();
    // "“Khayyam”, which indicates ...": a relative clause, not an attribution.
    if before
        .first()
        .is_some_and(|w| matches!(*w, "which" | "that" | "who" | "it" | "this"))
    {
        return None;
    }
    let after_verb: Vec<&str> = range(&toks, h.end, toks.len())
        .iter()
        .take_while(|t| t.word)
        .take(4)
        .map(|t| t.norm.as_str())
        .collect();
    let by = if before.is_empty() {
        after_verb.join(" ")
    } else {
        before.join(" ")
    };
    Some(by)
}

/// `The site added, “` / `stated that “` / `According to the site, “` right before a quotation.
fn attributed_before(lex: &Lexicon, before: &str) -> Option<String> {
    let start = before.char_indices().rev().nth(120).map_or(0, |(i, _)| i);
    let toks = tokenize(&before[start..], 0);
    let hits = lex.hits(&toks);
    let mut end = toks.len();
    while end > 0 && matches!(toks[end - 1].norm.as_str(), "," | ":" | "that") {
        end -= 1;
    }
    let n = toks.len();
    hits.iter()
        .filter(|h| {
            let speech = lex.kinds[h.pat].iter().any(|k| matches!(k, Kind::Speech));
            let frame = lex.kinds[h.pat].iter().any(|k| matches!(k, Kind::Frame));
            (speech && h.end == end)
                || (frame
                    && h.end < n
                    && range(&toks, h.end, end).iter().filter(|t| t.word).count() <= 4)
        })
        .max_by_key(|h| h.end)
        .map(|h| {
            let is_frame = lex.kinds[h.pat].iter().any(|k| matches!(k, Kind::Frame));
            let (a, b) = if is_frame {
                (h.end, end)
            } else {
                (h.start.saturating_sub(3), h.start)
            };
            range(&toks, a, b)
                .iter()
                .filter(|t| t.word)
                .map(|t| t.norm.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
}

/// Paragraphs: stretches of the body between blank lines, read as the sentence splitter
/// reads them (`text::lines`, SB1/SB10): a line is ended by `\n`, `\r\n`, a lone `\r`,
/// U+2028 or U+0085; a line of white space only is a blank line; U+2029 ends a paragraph
/// by itself. Each paragraph is trimmed of white space.
pub(crate) fn paragraphs(body: &str) -> Vec<Span> {
    let mut out = Vec::new();
    // The current paragraph: from the start of its first line to the end of its last.
    let mut cur: Option<Span> = None;
    let mut close = |cur: &mut Option<Span>| {
        if let Some(p) = cur.take() {
            let p = trim_span(body, p);
            if !p.is_empty() {
                out.push(p);
            }
        }
    };
    for l in lines(body) {
        if trim(&body[l.start..l.end]).is_empty() {
            close(&mut cur);
            continue;
        }
        cur = Some(match cur {
            Some(p) => Span::new(p.start, l.end),
            None => Span::new(l.start, l.end),
        });
        if l.paragraph_end {
            close(&mut cur);
        }
    }
    close(&mut cur);
    out
}

/// The flags of the act coded from `cue`, and who reported it.
pub(crate) fn flags(
    lex: &Lexicon,
    s: &Sent,
    cue: &CueAt,
    extra: Option<Flag>,
    reports: &[Report],
    regions: &[Region],
) -> (Vec<Flag>, Option<String>) {
    let w = lex.windows;
    let mut flags = Vec::new();
    // Before the cue within the window and the clause, or inside the words it absorbed
    // ("offered only token support").
    let before = |m_end: usize, win: usize| {
        (m_end <= cue.ts
            && s.words_between(m_end, cue.ts) <= win
            && s.same_clause(m_end.saturating_sub(1), cue.ts))
            || (m_end > cue.te && m_end <= cue.reach)
    };
    // No other act between a marker ending at `end` and this cue: the marker binds the
    // nearest act after it.
    let nearest = |end: usize| {
        !s.cues
            .iter()
            .any(|c| !c.absorbed && c.ts >= end && c.ts < cue.ts && c.te <= cue.ts)
    };
    // NEG: the nearest act after the marker.
    let negated = s.marks.iter().any(|m| {
        m.kind == Kind::Neg
            && before(m.end, w.negation)
            && !s
                .marks
                .iter()
                .any(|b| b.kind == Kind::NegBlock && b.start >= m.end && b.end <= cue.ts)
            && nearest(m.end)
    });
    if negated {
        flags.push(Flag::Negated);
    }
    // LIM.
    let limited = s.marks.iter().any(|m| {
        (m.kind == Kind::LimBefore && before(m.end, w.limitation) && nearest(m.end))
            || (m.kind == Kind::LimAfter
                && m.start >= cue.reach
                && s.words_between(cue.reach, m.start) <= 12)
    });
    if limited {
        flags.push(Flag::Limited);
    }
    // HEDGE.
    let hedged = extra == Some(Flag::Hedged)
        || s.marks.iter().any(|m| {
            (m.kind == Kind::Hedge && before(m.end, w.hedging))
                || (m.kind == Kind::HedgeSpeech && m.end <= cue.ts)
        });
    if hedged {
        flags.push(Flag::Hedged);
    }
    // HYPO.
    let question = s
        .toks
        .iter()
        .rev()
        .find(|t| t.norm != "\"")
        .is_some_and(|t| t.norm == "?");
    let first_word = s
        .toks
        .iter()
        .find(|t| t.word)
        .map(|t| t.norm.as_str())
        .unwrap_or("");
    let cond_at = s
        .marks
        .iter()
        .filter(|m| m.kind == Kind::Cond)
        .map(|m| m.start)
        .min()
        .or_else(|| {
            lex.words
                .initial_conditionals
                .contains(first_word)
                .then_some(0)
        });
    // A condition before the act ("If X, Y ...") makes it conditional, except a fact stated
    // after "remember that"; a condition after it ("Y unless X") only when the act is itself
    // modal ("may test another missile if ...", "is unlikely to help Yerevan if ..."), not a
    // real act ("threatened to cut off oil exports unless ...").
    let conditional = cond_at.is_some_and(|c| {
        let factive = s
            .marks
            .iter()
            .any(|m| m.kind == Kind::Factive && m.start > c && m.end <= cue.ts);
        let trailing = c > cue.ts;
        let modal = (0..cue.ts).any(|j| MODALS.contains(&s.norm(j)))
            || s.marks
                .iter()
                .any(|m| m.kind == Kind::Hedge && m.end <= cue.ts);
        !factive && (!trailing || modal)
    });
    // "would", "want to" before the act; not the reported future of "said Ankara would".
    let forward = s.marks.iter().any(|m| {
        m.kind == Kind::HypoForward
            && before(m.end, w.hypothetical)
            && !s.marks.iter().any(|x| {
                x.kind == Kind::Speech && x.end <= m.start && m.start.saturating_sub(x.end) <= 3
            })
    });
    if question || conditional || forward || extra == Some(Flag::Hypothetical) {
        flags.push(Flag::Hypothetical);
    }
    // REP.
    let cue_byte = s.toks.get(cue.ts).map_or(s.span.start, |t| t.start);
    let mut by = None;
    let mut reported = false;
    for r in reports {
        if r.from <= cue.ts && cue.ts < r.to {
            reported = true;
            by = by.or_else(|| r.by.clone());
        }
    }
    // Regions come by paragraph in body order: only the cue's paragraph's can hold it.
    let first = regions.partition_point(|r| r.para.end <= cue_byte);
    let here = regions[first..]
        .iter()
        .take_while(|r| r.para.start <= cue_byte);
    for r in here {
        if r.span.start <= cue_byte && cue_byte < r.span.end {
            reported = true;
            by = by.or_else(|| r.by.clone());
        }
    }
    if reported {
        flags.push(Flag::Reported);
    }
    (flags, by)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let body = "One.\nstill one.\n\n  \nTwo.\n\nThree";
        let p: Vec<&str> = paragraphs(body)
            .iter()
            .map(|s| &body[s.start..s.end])
            .collect();
        assert_eq!(p, ["One.\nstill one.", "Two.", "Three"]);
        assert!(paragraphs("").is_empty());
        assert!(paragraphs(" \n\r\n\u{2029}").is_empty());
    }

    #[test]
    fn paragraphs_split_on_every_line_end() {
        // (name, paragraph break, line break within a paragraph)
        let cases = [
            ("LF", "\n\n", "\n"),
            ("CRLF", "\r\n \r\n", "\r\n"),
            ("CR", "\r\r", "\r"),
            ("paragraph separator", "\u{2029}", "\n"),
            ("line separators", "\u{2028}\t\u{2028}", "\u{2028}"),
            ("NEL", "\u{85}\u{85}", "\u{85}"),
        ];
        for (name, brk, eol) in cases {
            let body = format!("One{eol}still one.{brk}Two.{brk}{brk}Three");
            let p: Vec<&str> = paragraphs(&body)
                .iter()
                .map(|s| &body[s.start..s.end])
                .collect();
            let first = format!("One{eol}still one.");
            assert_eq!(p, [first.as_str(), "Two.", "Three"], "{name}");
        }
    }

    #[test]
    fn quotation_attribution_before_and_after() {
        let lex = Lexicon::builtin().unwrap();
        assert_eq!(
            attributed_after(&lex, ", analysts note."),
            Some("analysts".into())
        );
        assert_eq!(
            attributed_after(&lex, " said the Kremlin."),
            Some("the kremlin".into())
        );
        assert_eq!(
            attributed_after(&lex, " to Tehran and more words follow here"),
            None
        );
        assert_eq!(
            attributed_before(&lex, "The site added, "),
            Some("the site".into())
        );
        assert_eq!(
            attributed_before(&lex, "According to the site, "),
            Some("the site".into())
        );
        assert_eq!(attributed_before(&lex, "are demanding "), None);
    }
}
