//! Relations: coding each sentence's directed acts between actors (CAMEO QuadClass and
//! Goldstein score, from the cue lexicon in `data/cues.toml`) with negation, limitation,
//! hedging, hypotheticals and reported speech (`data/flags.toml`).
//!
//! For every sentence with actors, the coder finds cues (whole-word phrase matching with
//! aho-corasick), picks the source and target of each from the mentions around it
//! ([`parties`]), sets the flags from the markers in the cue's scope ([`scope`]), and merges
//! cues that code the same act ("provided significant assistance").
//!
//! Rule ids: cue rules are named in `data/cues.toml` (`coop.verbal.condolences`, ...) and in
//! every relation's `rule`; how parties are found is P-* ([`parties`]), how flags are set
//! NEG, LIM, HEDGE, HYPO, REP-* ([`scope`]).
//!
//! Decisions (the gold in `tests/gold/relations.toml` follows the same ones, D1-D9):
//! - Polarity: cooperation is `support`, conflict `oppose`, neutral `neutral`; a negated act
//!   keeps its class and Goldstein value but is always `neutral` (the absence of an act is not
//!   opposition). Refusals, rejections and blocking are conflict acts of their own (`oppose`).
//! - Lists: "X, Y and Z did A to W" gives X->W, Y->W, Z->W; a joint act with no other party
//!   ("X and Y signed a pact", "conflict between X and Y") gives every ordered pair.
//! - Speakers of reported speech (analysts, outlets, "the Kremlin said") are never sources or
//!   targets of what they report; the act is flagged `reported` and `reported_by` names them
//!   (an actor id, or the speaker's words: "analysts", "it is noted that").
//! - A negated act with no stance ("has yet to comment on Iran") is not coded at all.
//! - Goldstein is the rule's value whatever the flags; consumers exclude negated and
//!   hypothetical acts from counts (`summary::is_effective`).
//! - One relation per (cue, source, target); cues of one act next to each other merge
//!   ("provided significant assistance"), the stronger rule naming it.
//!
//! ```
//! use entente_core::model::{Actor, ActorKind, Mention, Quad, Span};
//! use entente_core::relations::Coder;
//! let body = "Turkey condemned Greece.";
//! let actor = |id: &str, s: usize, e: usize| Actor {
//!     id: id.into(), name: id.into(), kind: ActorKind::State, country: Some(id.into()),
//!     mentions: vec![Mention { text: body[s..e].into(), start: s, end: e }],
//!     role: None, source_only: false, known: true,
//! };
//! let rels = Coder::new().code(body, &[Span::new(0, body.len())], &[actor("TUR", 0, 6), actor("GRC", 17, 23)]);
//! assert_eq!((rels[0].source.as_str(), rels[0].target.as_str()), ("TUR", "GRC"));
//! assert_eq!(rels[0].quad, Quad::VerbalConflict);
//! ```

pub mod lexicon;
pub mod parties;
pub mod scope;
mod sentence;
mod tokens;

use std::sync::Arc;

pub use lexicon::{Lexicon, LexiconError};

use crate::model::{Actor, ActorKind, Flag, Polarity, Relation, Span};
use scope::{Region, Report};
use sentence::Sent;

/// The compiled cue lexicon. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Coder {
    lex: Arc<Lexicon>,
}

impl Default for Coder {
    fn default() -> Self {
        Self::new()
    }
}

/// A relation before it becomes a [`Relation`]: actors by index, cue by tokens.
#[derive(Debug, Clone)]
struct Draft {
    source: usize,
    target: usize,
    rule: usize,
    ts: usize,
    te: usize,
    flags: Vec<Flag>,
    by: Option<String>,
}

/// A coding under way ([`Coder::start`]): the sentence pieces, those read and those coded.
#[derive(Debug)]
pub(crate) struct Coding {
    /// Every mention once, by start: (start, end, actor index).
    all: Vec<(usize, usize, usize)>,
    /// (sentence index, piece): sentences, cut when longer than MAX_SENTENCE.
    pieces: Vec<(usize, Span)>,
    /// Bytes in `pieces`.
    total: usize,
    /// Bytes of pieces read plus bytes of pieces coded.
    bytes_done: usize,
    /// Pieces read, in order (their `Sent`s are in `sents` until the end).
    read: usize,
    sents: Vec<Sent>,
    reports: Vec<Vec<Report>>,
    /// The organisation named last, with the count of naming sentences before it.
    last_org: Option<(usize, usize)>,
    /// Sentences naming an actor so far (before the current one).
    named_sents: usize,
    /// The sentence being read, and whether it names an actor.
    current: Option<(usize, bool)>,
    /// The actors named by the last sentence that named any (P-PRON).
    prev_actors: Vec<usize>,
    /// Who a pronoun subject of the next sentence may stand for (COREF-1).
    salient: sentence::Salient,
    /// The body's paragraphs (once every piece is read), the next one to find regions in,
    /// and the regions found so far: a piece is coded once every paragraph that starts
    /// before its end is done (only those can hold its cues).
    paras: Option<Vec<Span>>,
    next_para: usize,
    regions: Vec<Region>,
    /// The pieces read, by start (for each paragraph's sentences).
    order: Vec<usize>,
    /// Pieces coded, in order.
    coded: usize,
    out: Vec<Relation>,
}

impl Coding {
    /// True when every piece is read and coded.
    pub fn done(&self) -> bool {
        self.coded == self.pieces.len() && self.sents.is_empty()
    }

    /// (bytes done, bytes in all), each piece counted twice: read and coded.
    pub fn progress(&self) -> (usize, usize) {
        (self.bytes_done, 2 * self.total)
    }

    /// The relations coded (all of them once [`Coding::done`]).
    pub fn finish(self) -> Vec<Relation> {
        self.out
    }
}

/// Clamps a sentence span to the body and to char boundaries; `None` when nothing is left.
fn clean_span(body: &str, span: Span) -> Option<Span> {
    let mut start = span.start.min(body.len());
    let mut end = span.end.min(body.len());
    while start < end && !body.is_char_boundary(start) {
        start += 1;
    }
    while end > start && !body.is_char_boundary(end) {
        end -= 1;
    }
    (start < end).then(|| Span::new(start, end))
}

impl Coder {
    /// The coder over the built-in lexicon (`crates/core/data/{cues,flags,syntax}.toml`).
    ///
    /// # Panics
    /// Only if the compiled-in lexicon is malformed, which `cargo test` rules out.
    pub fn new() -> Self {
        Self::try_builtin().expect("built-in cue lexicon compiles (checked by lexicon tests)")
    }

    /// Like [`Coder::new`], reporting a malformed built-in lexicon as an error.
    pub fn try_builtin() -> Result<Self, LexiconError> {
        Ok(Self::with_lexicon(Lexicon::builtin()?))
    }

    /// A coder over the given lexicon.
    pub fn with_lexicon(lex: Lexicon) -> Self {
        Coder { lex: Arc::new(lex) }
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// Every relation in the document, sentence by sentence. `sentences` are byte spans of
    /// `body`; `actors` carry their mentions as byte spans of `body`. Spans that are out of
    /// range or off char boundaries are clamped, never trusted.
    pub fn code(&self, body: &str, sentences: &[Span], actors: &[Actor]) -> Vec<Relation> {
        let mut coding = self.start(body, sentences, actors);
        self.step(&mut coding, body, actors, usize::MAX);
        coding.out
    }

    /// A coding of `body` to run in steps ([`Coder::step`]), for an analysis that must
    /// pause (see [`crate::Job`]); [`Coder::code`] runs one to the end.
    pub(crate) fn start(&self, body: &str, sentences: &[Span], actors: &[Actor]) -> Coding {
        // Every mention once, by start, for the sentences to pick from.
        let mut all: Vec<(usize, usize, usize)> = actors
            .iter()
            .enumerate()
            .flat_map(|(ai, a)| a.mentions.iter().map(move |m| (m.start, m.end, ai)))
            .filter(|&(s, e, _)| s < e && e <= body.len())
            .collect();
        crate::sort::sort(&mut all);
        // Sentences longer than MAX_SENTENCE are coded in pieces cut at white space, so the
        // work per sentence stays bounded whatever the splitter returns.
        let pieces: Vec<(usize, Span)> = sentences
            .iter()
            .enumerate()
            .filter_map(|(i, &span)| clean_span(body, span).map(|s| (i, s)))
            .flat_map(|(i, s)| chunks(body, s).into_iter().map(move |c| (i, c)))
            .collect();
        let total = pieces.iter().map(|(_, s)| s.end - s.start).sum();
        Coding {
            all,
            sents: Vec::with_capacity(pieces.len()),
            reports: Vec::with_capacity(pieces.len()),
            pieces,
            total,
            bytes_done: 0,
            read: 0,
            last_org: None,
            named_sents: 0,
            current: None,
            prev_actors: Vec::new(),
            salient: sentence::Salient::default(),
            paras: None,
            next_para: 0,
            regions: Vec::new(),
            order: Vec::new(),
            coded: 0,
            out: Vec::new(),
        }
    }

    /// Goes on with `coding` over whole sentences until at least `budget` bytes of them are
    /// done, or all are: first each sentence is read (tokens, mentions, cues, speech frames)
    /// in order, then paragraph by paragraph the quotation and attribution regions are
    /// found and the sentences there coded. Returns the bytes done (each sentence counts twice).
    pub(crate) fn step(
        &self,
        c: &mut Coding,
        body: &str,
        actors: &[Actor],
        budget: usize,
    ) -> usize {
        let lex = &*self.lex;
        let mut done = 0;
        while done < budget && c.read < c.pieces.len() {
            let (i, span) = c.pieces[c.read];
            match c.current {
                Some((ci, _)) if ci == i => {}
                Some((_, named)) => {
                    c.named_sents += usize::from(named);
                    c.current = Some((i, false));
                }
                None => c.current = Some((i, false)),
            }
            // The organisation named last, and how many sentences naming an actor came
            // before its sentence: "the alliance" reaches back two such sentences; sentences
            // that name nobody ("The weather was mild.") do not count.
            let lo = c.all.partition_point(|m| m.0 < span.start);
            let hi = c.all.partition_point(|m| m.0 < span.end);
            let recent_org = c
                .last_org
                .filter(|&(_, at)| c.named_sents.saturating_sub(at) <= 2)
                .map(|(o, _)| o);
            let mut s = sentence::build(
                lex,
                body,
                i,
                span,
                actors,
                &c.all[lo..hi],
                recent_org,
                &c.prev_actors,
                c.salient,
            );
            c.salient = c.salient.after(&s, actors);
            let r = scope::speech_frames(&mut s, actors);
            for m in s.ments.iter().filter(|m| m.group.is_none()) {
                if actors[m.actor].kind == ActorKind::Organization {
                    c.last_org = Some((m.actor, c.named_sents));
                }
            }
            if s.ments.iter().any(|m| m.group.is_none()) {
                c.current = Some((i, true));
            }
            let named: Vec<usize> = (0..s.ments.len())
                .filter(|&i| {
                    s.ments[i].group.is_none() && !s.speakers.iter().any(|&(m, _, _)| m == i)
                })
                .map(|i| s.ments[i].actor)
                .collect();
            if !named.is_empty() {
                c.prev_actors = named;
            }
            c.sents.push(s);
            c.reports.push(r);
            c.read += 1;
            c.bytes_done += span.end - span.start;
            done += span.end - span.start;
        }
        if c.read < c.pieces.len() {
            return done;
        }
        if c.paras.is_none() {
            c.paras = Some(scope::paragraphs(body));
            let mut order: Vec<usize> = (0..c.sents.len()).collect();
            if !order.is_sorted_by_key(|&i| c.sents[i].span.start) {
                crate::sort::sort_by_key(&mut order, |&i| c.sents[i].span.start);
            }
            c.order = order;
        }
        let paras = c.paras.as_deref().unwrap_or_default();
        while done < budget && c.coded < c.sents.len() {
            let need = c.sents[c.coded].span.end;
            if let Some(&para) = paras.get(c.next_para).filter(|p| p.start < need) {
                let lo = c
                    .order
                    .partition_point(|&i| c.sents[i].span.start < para.start);
                let hi = c
                    .order
                    .partition_point(|&i| c.sents[i].span.start < para.end);
                let here: Vec<&Sent> = c.order[lo..hi.max(lo)]
                    .iter()
                    .map(|&i| &c.sents[i])
                    .collect();
                scope::paragraph_regions(lex, body, para, &here, actors, &mut c.regions);
                c.next_para += 1;
                done += para.end - para.start;
                continue;
            }
            let (s, r) = (&c.sents[c.coded], &c.reports[c.coded]);
            let attacker = last_attacker(&c.out, s.index, actors);
            c.out
                .extend(self.code_sentence(body, s, r, &c.regions, actors, attacker));
            let span = c.pieces[c.coded].1;
            c.coded += 1;
            c.bytes_done += span.end - span.start;
            done += span.end - span.start;
        }
        // Coded: the sentences are let go of a few at a time too, since freeing all their
        // tokens at once is itself a long pause on a large text.
        while done < budget && c.coded == c.pieces.len() && !c.sents.is_empty() {
            let s = c.sents.pop();
            c.reports.pop();
            done += s.map_or(1, |s| (s.span.end - s.span.start).max(1));
        }
        done
    }

    fn code_sentence(
        &self,
        body: &str,
        s: &Sent,
        reports: &[Report],
        regions: &[Region],
        actors: &[Actor],
        attacker: Option<usize>,
    ) -> Vec<Relation> {
        let lex = &*self.lex;
        if s.cues.is_empty() {
            return Vec::new();
        }
        let with_speakers;
        let (s, reports) = match quoted_first_person(s, reports, regions) {
            Some(augmented) => {
                with_speakers = augmented;
                (&with_speakers.0, &with_speakers.1[..])
            }
            None => (s, reports),
        };
        let with_attacker;
        let s = match attacker.and_then(|a| condemned_anaphor(lex, s, a)) {
            Some(augmented) => {
                with_attacker = augmented;
                &with_attacker
            }
            None => s,
        };
        if s.ments.len() < 2 {
            return Vec::new();
        }
        let mut mem = parties::Memory::default();
        let mut drafts: Vec<Draft> = Vec::new();
        let against_rule = lex.rule_index("conf.verbal.align_against");
        for ci in 0..s.cues.len() {
            let cue = &s.cues[ci];
            if cue.absorbed {
                continue;
            }
            let rule = &lex.rules[cue.rule];
            let cue_byte = s.toks.get(cue.ts).map_or(s.span.start, |t| t.start);
            let covering: Vec<&Report> = reports
                .iter()
                .filter(|r| r.from <= cue.ts && cue.ts < r.to)
                .collect();
            if rule.requires_speech
                && covering.is_empty()
                && !regions
                    .iter()
                    .any(|r| r.span.start <= cue_byte && cue_byte < r.span.end)
            {
                continue;
            }
            // Speakers of the frames that report this cue are not its parties.
            let ok: Vec<bool> = (0..s.ments.len())
                .map(|i| {
                    !s.speakers
                        .iter()
                        .any(|&(m, from, to)| m == i && from <= cue.ts && cue.ts < to)
                })
                .collect();
            let speakers: Vec<usize> = covering.iter().filter_map(|r| r.speaker).collect();
            let view = parties::View { lex, s, ok };
            let p = parties::find(&view, ci, &mem, &speakers);
            mem.objects.extend(p.objects.iter().copied());
            mem.modifiers.extend(p.modifiers.iter().copied());
            if p.pairs.is_empty() {
                continue;
            }
            let (mut flags, by) = scope::flags(lex, s, cue, p.flag, reports, regions);
            if p.controlled {
                flags.retain(|&f| f != Flag::Hedged);
            }
            for &(a, b) in &p.pairs {
                drafts.push(Draft {
                    source: s.ments[a].actor,
                    target: s.ments[b].actor,
                    rule: cue.rule,
                    ts: cue.ts,
                    te: cue.reach,
                    flags: flags.clone(),
                    by: by.clone(),
                });
            }
            if rule.quad.is_conflict() {
                mem.last_conflict_sources = p.pairs.iter().map(|&(a, _)| a).collect();
                mem.last_conflict_sources.dedup();
            }
            mem.last_pairs = p.pairs.clone();
            // P-PRON takes the subject of the last clause, which a noun ("the US strikes")
            // does not have: its modifier is no subject a later "it" can stand for.
            if !view.nounish(cue) {
                mem.last_subject = if p.subject.is_empty() {
                    let mut v: Vec<usize> = p.pairs.iter().map(|&(a, _)| a).collect();
                    v.dedup();
                    v
                } else {
                    p.subject.clone()
                };
            }
            if matches!(rule.event.as_str(), "praise" | "criticize" | "accuse") {
                let src: Vec<usize> = p.pairs.iter().map(|&(a, _)| a).collect();
                let tgt: Vec<usize> = p.pairs.iter().map(|&(_, b)| b).collect();
                let end = tgt
                    .iter()
                    .map(|&m| s.ments[m].te)
                    .max()
                    .unwrap_or(cue.reach);
                mem.last_object = Some((src, tgt, end));
                mem.last_was_accusation = rule.event == "accuse";
            }
            if rule.event == "appeal" {
                let src: Vec<usize> = p.pairs.iter().map(|&(a, _)| a).collect();
                let tgt: Vec<usize> = p.pairs.iter().map(|&(_, b)| b).collect();
                let end = tgt
                    .iter()
                    .map(|&m| s.ments[m].te)
                    .max()
                    .unwrap_or(cue.reach);
                mem.last_appeal = Some((src, tgt, end));
            }
            // P-AGAINST: "ally with the United States against Tehran".
            if let (true, Some(ar)) = (rule.quad.is_cooperation(), against_rule) {
                let mut srcs: Vec<usize> = p.pairs.iter().map(|&(a, _)| s.ments[a].actor).collect();
                srcs.dedup();
                for t in parties::against(&view, ci) {
                    for &src in &srcs {
                        if src != s.ments[t].actor {
                            drafts.push(Draft {
                                source: src,
                                target: s.ments[t].actor,
                                rule: ar,
                                ts: cue.ts,
                                te: cue.reach,
                                flags: flags.clone(),
                                by: by.clone(),
                            });
                        }
                    }
                }
            }
        }
        condemned_attacks(lex, s, &mut drafts);
        denied_acts(lex, s, &mut drafts);
        // D4: a negated act with no stance ("has yet to comment on") is not coded.
        drafts.retain(|d| {
            !(d.flags.contains(&Flag::Negated)
                && lex.rules[d.rule].quad == crate::model::Quad::Neutral)
        });
        let drafts = merge(lex, s, drafts);
        let sentence = body[s.span.start..s.span.end].to_string();
        drafts
            .into_iter()
            .filter_map(|d| {
                let rule = &lex.rules[d.rule];
                let start = s.toks.get(d.ts)?.start;
                let end = s.toks.get(d.te.checked_sub(1)?)?.end;
                let negated = d.flags.contains(&Flag::Negated);
                let polarity = if negated || rule.quad == crate::model::Quad::Neutral {
                    Polarity::Neutral
                } else if rule.quad.is_cooperation() {
                    Polarity::Support
                } else {
                    Polarity::Oppose
                };
                let reported = d.flags.contains(&Flag::Reported);
                Some(Relation {
                    sentence: sentence.clone(),
                    source: actors[d.source].id.clone(),
                    target: actors[d.target].id.clone(),
                    quad: rule.quad,
                    polarity,
                    goldstein: rule.goldstein,
                    cameo: rule.cameo.clone(),
                    cue: body.get(start..end)?.to_string(),
                    rule: rule.id.clone(),
                    flags: d.flags,
                    sentence_index: s.index,
                    cue_span: Span::new(start, end),
                    event: rule.event.clone(),
                    reported_by: if reported { d.by } else { None },
                })
            })
            .collect()
    }
}

/// COREF-2: the source of the latest material conflict coded in this sentence's two
/// predecessors, for "we condemn this" after "... US strikes on Iran".
fn last_attacker(out: &[Relation], index: usize, actors: &[Actor]) -> Option<usize> {
    // The relations come in sentence order: only the last few need looking at.
    let r = out
        .iter()
        .rev()
        .take_while(|r| r.sentence_index + 2 >= index)
        .find(|r| {
            r.quad == crate::model::Quad::MaterialConflict
                && !r.has(Flag::Negated)
                && r.sentence_index < index
        })?;
    actors.iter().position(|a| a.id == r.source)
}

/// COREF-2: "we condemn this", "denounced it": a pronoun right after a verb of criticism,
/// in a sentence that names no other target, stands for the attacker of the last act of
/// force coded just before (`attacker`). Returns the sentence with that mention added (and
/// the pronoun no longer read as pointing back), or `None`.
fn condemned_anaphor(lex: &Lexicon, s: &Sent, attacker: usize) -> Option<Sent> {
    let cue = s.cues.iter().find(|c| {
        !c.absorbed
            && matches!(lex.rules[c.rule].event.as_str(), "criticize" | "accuse")
            && s.marks
                .iter()
                .any(|m| m.kind == lexicon::Kind::Anaphoric && m.start == c.reach)
    })?;
    // No other target named after it in its clause (the speaker of a frame is none).
    let named_after = s.ments.iter().enumerate().any(|(i, m)| {
        m.ts >= cue.reach
            && s.same_clause(cue.reach, m.ts)
            && !s.speakers.iter().any(|&(sp, _, _)| sp == i)
    });
    if named_after || s.ments.iter().any(|m| m.actor == attacker) {
        return None;
    }
    let mark = s
        .marks
        .iter()
        .position(|m| m.kind == lexicon::Kind::Anaphoric && m.start == cue.reach)?;
    let mut out = s.clone();
    let m = out.marks.remove(mark);
    // Inserted in order of position; the speakers' mention indices after it move up one.
    let at = out.ments.partition_point(|x| x.ts < m.start);
    out.ments.insert(
        at,
        sentence::Ment {
            actor: attacker,
            ts: m.start,
            te: m.end,
            group: None,
        },
    );
    for sp in &mut out.speakers {
        if sp.0 >= at {
            sp.0 += 1;
        }
    }
    Some(out)
}

/// QUOTE-2: inside a quotation whose speaker is known (QUOTE-1), "we", "us", "our", "I",
/// "me" and "my" are mentions of that speaker ("“We condemn the strikes,” the minister
/// said"). Returns the sentence with those mentions added, or `None` when it has none.
fn quoted_first_person(
    s: &Sent,
    reports: &[Report],
    regions: &[Region],
) -> Option<(Sent, Vec<Report>)> {
    const FIRST_PERSON: [&str; 7] = ["we", "us", "our", "ours", "i", "me", "my"];
    // The quotations with a known speaker that overlap the sentence (regions come by
    // paragraph in body order); most sentences have none, and nothing is looked for.
    let first = regions.partition_point(|r| r.para.end <= s.span.start);
    let spoken: Vec<&Region> = regions[first..]
        .iter()
        .take_while(|r| r.para.start < s.span.end)
        .filter(|r| r.speaker.is_some() && r.span.start < s.span.end && s.span.start < r.span.end)
        .collect();
    if spoken.is_empty() {
        return None;
    }
    let mut extra = Vec::new();
    for (i, t) in s.toks.iter().enumerate() {
        if !t.word || !FIRST_PERSON.contains(&t.norm.as_str()) {
            continue;
        }
        if s.ments.iter().any(|m| m.ts <= i && i < m.te) {
            continue;
        }
        let speaker = spoken
            .iter()
            .filter(|r| r.span.start <= t.start && t.end <= r.span.end)
            .find_map(|r| r.speaker);
        if let Some(actor) = speaker {
            extra.push(sentence::Ment {
                actor,
                ts: i,
                te: i + 1,
                group: None,
            });
        }
    }
    if extra.is_empty() {
        return None;
    }
    // The mentions stay in order of position; the speakers' mention indices follow them.
    let mut out = s.clone();
    let old = out.ments.len();
    out.ments.extend(extra);
    let mut order: Vec<usize> = (0..out.ments.len()).collect();
    crate::sort::sort_by_key(&mut order, |&i| (out.ments[i].ts, out.ments[i].te));
    let mut new_index = vec![0; order.len()];
    for (new, &was) in order.iter().enumerate() {
        new_index[was] = new;
    }
    out.ments = order.iter().map(|&i| out.ments[i].clone()).collect();
    for sp in &mut out.speakers {
        if sp.0 < old {
            sp.0 = new_index[sp.0];
        }
    }
    let reports = reports
        .iter()
        .map(|r| Report {
            speaker: r.speaker.map(|m| new_index[m]),
            ..r.clone()
        })
        .collect();
    Some((out, reports))
}

/// DENY: "Tehran denied delivering drones to Russia", "he denied Iran had supplied missiles":
/// the act right after a denial (within a few words of its clause) is coded negated, and the
/// denial itself is no act of its own there, even when that act has no parties to code. A
/// denial with no act after it ("denied the claims") stays as coded, except that one with
/// nothing after it at all answers the accusers of its sentence (DENY-2).
fn denied_acts(lex: &Lexicon, s: &Sent, drafts: &mut Vec<Draft>) {
    let denials: Vec<usize> = s
        .cues
        .iter()
        .filter(|c| !c.absorbed && lex.rules[c.rule].negates)
        .map(|c| c.ts)
        .collect();
    for ts in denials {
        let Some(deny) = s.cues.iter().find(|c| c.ts == ts) else {
            continue;
        };
        let content: Vec<usize> = s
            .cues
            .iter()
            .filter(|c| {
                c.ts >= deny.te
                    && s.words_between(deny.te, c.ts) <= 4
                    && s.same_clause(deny.te, c.ts)
                    && !lex.rules[c.rule].negates
            })
            .map(|c| c.ts)
            .take(1)
            .collect();
        // With an act after it, the denial is of that act, coded or not ("denied that
        // Khartoum had backed the offensive" is no denial aimed at Khartoum).
        if content.is_empty() {
            // DENY-2: "X accused Y of ..., allegations Y denies": a denial with nothing after
            // it in its clause answers the accusers of the sentence.
            let accusations: Vec<(usize, usize)> = drafts
                .iter()
                .filter(|d| d.ts < ts && lex.rules[d.rule].event == "accuse")
                .map(|d| (d.source, d.target))
                .collect();
            let object_after = s
                .ments
                .iter()
                .any(|m| m.ts >= deny.te && s.same_clause(deny.te, m.ts));
            if accusations.is_empty() || object_after {
                continue;
            }
            let mut answers: Vec<Draft> = Vec::new();
            for d in drafts.iter().filter(|d| d.ts == ts) {
                for &(accuser, accused) in &accusations {
                    if d.source == accused
                        && !answers
                            .iter()
                            .any(|a| a.source == accused && a.target == accuser)
                    {
                        answers.push(Draft {
                            target: accuser,
                            ..d.clone()
                        });
                    }
                }
            }
            drafts.retain(|d| d.ts != ts);
            drafts.extend(answers);
            continue;
        }
        drafts.retain(|d| d.ts != ts);
        for d in drafts.iter_mut().filter(|d| content.contains(&d.ts)) {
            if !d.flags.contains(&Flag::Negated) {
                d.flags.push(Flag::Negated);
                crate::sort::sort(&mut d.flags);
            }
        }
    }
}

/// P-CONDEMN: a condemnation whose object is an attack ("condemned the strikes on Iran",
/// "denounced Israel's wave of strikes on Iran", "condemned the air strikes by Israel on
/// Iran"). The one who condemns did not strike: the attack keeps only the attackers the text
/// names, and the condemnation is aimed at them. When no attacker is named, the condemnation
/// is solidarity with the victim (verbal cooperation toward it, rule
/// `coop.verbal.solidarity`), and no attacker is invented.
fn condemned_attacks(lex: &Lexicon, s: &Sent, drafts: &mut Vec<Draft>) {
    let Some(solidarity) = lex.rule_index("coop.verbal.solidarity") else {
        return;
    };
    let condemns: Vec<(usize, usize)> = drafts
        .iter()
        .filter(|d| lex.rules[d.rule].event == "criticize")
        .map(|d| (d.ts, d.te))
        .collect();
    let mut seen = Vec::new();
    for (ts, te) in condemns {
        if seen.contains(&ts) {
            continue;
        }
        seen.push(ts);
        // The attack: the next cue, a material conflict within a few words of the same clause.
        let Some(attack) = s.cues.iter().find(|c| {
            c.ts >= te
                && !c.absorbed
                && lex.rules[c.rule].quad == crate::model::Quad::MaterialConflict
                && s.words_between(te, c.ts) <= 5
                && s.clause.get(te.saturating_sub(1)) == s.clause.get(c.ts)
                && !s.cues.iter().any(|o| o.ts >= te && o.ts < c.ts)
        }) else {
            continue;
        };
        let condemners: Vec<usize> = drafts
            .iter()
            .filter(|d| d.ts == ts)
            .map(|d| d.source)
            .collect();
        // The victim of a condemned attack is not the one who condemns, nor an actor of the
        // condemning clause, unless the text names it after the attack in its clause ("the
        // strikes on Iran"): "While France condemned the strikes, it ...", "Jordan denounced
        // the aggression on Gaza", "China joined Russia in condemning the strikes" find them
        // only by position.
        let named_after = |a: usize| {
            s.ments
                .iter()
                .any(|m| m.actor == a && m.ts >= attack.te && s.same_clause(attack.ts, m.ts))
        };
        let in_condemning_clause = |a: usize| {
            s.ments
                .iter()
                .any(|m| m.actor == a && m.te <= attack.ts && s.same_clause(ts, m.ts))
        };
        let wrong_victim = |d: &Draft| {
            !named_after(d.target)
                && (condemners.contains(&d.target) || in_condemning_clause(d.target))
        };
        let victims: Vec<usize> = drafts
            .iter()
            .filter(|d| d.ts == attack.ts && !wrong_victim(d))
            .map(|d| d.target)
            .collect();
        let mut attackers: Vec<usize> = drafts
            .iter()
            .filter(|d| d.ts == attack.ts && !condemners.contains(&d.source))
            .map(|d| d.source)
            .collect();
        attackers.dedup();
        drafts.retain(|d| {
            !(d.ts == attack.ts && (condemners.contains(&d.source) || wrong_victim(d)))
        });
        let mut out: Vec<Draft> = Vec::new();
        for d in drafts.drain(..) {
            if d.ts != ts {
                out.push(d);
                continue;
            }
            if attackers.is_empty() {
                // Solidarity with each victim, once.
                for &v in &victims {
                    if v != d.source
                        && !out
                            .iter()
                            .any(|o| o.ts == ts && o.source == d.source && o.target == v)
                    {
                        out.push(Draft {
                            target: v,
                            rule: solidarity,
                            ..d.clone()
                        });
                    }
                }
            } else if victims.contains(&d.target) && !attackers.contains(&d.target) {
                for &a in &attackers {
                    if a != d.source
                        && !out
                            .iter()
                            .any(|o| o.ts == ts && o.source == d.source && o.target == a)
                    {
                        out.push(Draft {
                            target: a,
                            ..d.clone()
                        });
                    }
                }
            } else if !out
                .iter()
                .any(|o| o.ts == ts && o.source == d.source && o.target == d.target)
            {
                out.push(d);
            }
        }
        *drafts = out;
    }
}

/// The longest stretch coded as one sentence, in bytes.
const MAX_SENTENCE: usize = 4096;

/// `span` cut into pieces of at most [`MAX_SENTENCE`] bytes at white space.
fn chunks(body: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = span.start;
    while span.end - start > MAX_SENTENCE {
        let mut cut = start + MAX_SENTENCE;
        while cut > start && !body.is_char_boundary(cut) {
            cut -= 1;
        }
        let ws = body[start..cut]
            .rfind(char::is_whitespace)
            .map(|i| start + i);
        let cut = match ws {
            Some(w) if w > start => w,
            _ => cut,
        };
        if cut <= start {
            break;
        }
        out.push(Span::new(start, cut));
        start = cut;
        while start < span.end && !body.is_char_boundary(start) {
            start += 1;
        }
    }
    if start < span.end {
        out.push(Span::new(start, span.end));
    }
    out
}

/// Cues of one act merge: same source, target and class, at most four words apart
/// ("provided significant assistance", "loyal friend and reliable partner"). The rule with
/// the larger Goldstein magnitude names the act; flags are united.
fn merge(lex: &Lexicon, s: &Sent, drafts: Vec<Draft>) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::new();
    for d in drafts {
        let quad = lex.rules[d.rule].quad;
        let near = out.iter_mut().find(|k| {
            k.source == d.source
                && k.target == d.target
                && lex.rules[k.rule].quad == quad
                && (k.rule == d.rule && k.flags == d.flags
                    || (d.ts <= k.te + 4 && k.ts <= d.te + 4) && {
                        let (a, b) = if k.te <= d.ts {
                            (k.te, d.ts)
                        } else {
                            (d.te, k.ts)
                        };
                        s.words_between(a.min(b), a.max(b)) <= 4
                    })
        });
        match near {
            Some(k) => {
                let adjacent = d.ts <= k.te + 6 && k.ts <= d.te + 6;
                if adjacent {
                    k.ts = k.ts.min(d.ts);
                    k.te = k.te.max(d.te);
                }
                if lex.rules[d.rule].goldstein.abs() > lex.rules[k.rule].goldstein.abs() {
                    k.rule = d.rule;
                }
                for f in d.flags {
                    if !k.flags.contains(&f) {
                        k.flags.push(f);
                    }
                }
                crate::sort::sort(&mut k.flags);
                if k.by.is_none() {
                    k.by = d.by;
                }
            }
            None => out.push(d),
        }
    }
    out
}
