//! One sentence as the coder sees it: tokens, the actor mentions on them, the cues found
//! (after overlaps, ignore phrases and constraints are settled), scope markers and clauses.

use super::lexicon::{Form, Hit, Kind, Lexicon};
use super::tokens::{range, tokenize, Token};
use crate::model::{Actor, ActorKind, Span};
use crate::sort::{sort_by, sort_by_key};

/// An actor mention on tokens `ts..te`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Ment {
    /// Index into the document's actors.
    pub actor: usize,
    pub ts: usize,
    pub te: usize,
    /// Mentions made up by the coder for "both countries" share a group id.
    pub group: Option<usize>,
}

/// A cue of rule `rule` on tokens `ts..te`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CueAt {
    pub rule: usize,
    pub form: Form,
    pub ts: usize,
    pub te: usize,
    /// Absorbed by a governing cue before it ("refused to *support*").
    pub absorbed: bool,
    /// End of this cue and the cues it absorbed.
    pub reach: usize,
    /// It absorbed a joint act ("agreed to expand defence cooperation"): it is joint too.
    pub joint: bool,
}

/// A scope marker on tokens `start..end`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mark {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

/// Everything the coder knows about one sentence.
#[derive(Debug, Clone)]
pub(crate) struct Sent {
    pub index: usize,
    pub span: Span,
    pub toks: Vec<Token>,
    pub ments: Vec<Ment>,
    pub cues: Vec<CueAt>,
    pub marks: Vec<Mark>,
    /// Clause number of each token.
    pub clause: Vec<usize>,
    /// Mentions of outlets (source-only actors: Reuters, Le Monde): speakers, never parties.
    pub outlets: Vec<Ment>,
    /// (mention, from, to): the mention speaks for the tokens `from..to` and is no party of
    /// the acts there.
    pub speakers: Vec<(usize, usize, usize)>,
}

impl Sent {
    pub fn norm(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.norm.as_str())
    }

    pub fn has_mark(&self, pred: impl Fn(&Kind) -> bool) -> bool {
        self.marks.iter().any(|m| pred(&m.kind))
    }

    /// Words (not punctuation) strictly between tokens `a` and `b`.
    pub fn words_between(&self, a: usize, b: usize) -> usize {
        if b <= a {
            return 0;
        }
        range(&self.toks, a, b).iter().filter(|t| t.word).count()
    }

    pub fn same_clause(&self, a: usize, b: usize) -> bool {
        let n = self.clause.len();
        if n == 0 {
            return true;
        }
        self.clause[a.min(n - 1)] == self.clause[b.min(n - 1)]
    }

    /// The first non-determiner token before `i` (skipping determiners and quotes).
    pub fn prev_content(&self, i: usize, lex: &Lexicon) -> Option<usize> {
        let mut j = i;
        while j > 0 {
            j -= 1;
            let n = self.norm(j);
            if lex.words.determiners.contains(n) || n == "\"" || n == "'" {
                continue;
            }
            return Some(j);
        }
        None
    }
}

/// Builds the view of sentence `index` (`span` of `body`). `actors` are the document's
/// actors and `found` the mentions in this sentence as `(start, end, actor)`; `recent_org`
/// is the organisation named last before it, for "the alliance"; `prev_actors` the actors
/// of the sentence before, for "both countries".
#[allow(clippy::too_many_arguments)]
pub(crate) fn build(
    lex: &Lexicon,
    body: &str,
    index: usize,
    span: Span,
    actors: &[Actor],
    found: &[(usize, usize, usize)],
    recent_org: Option<usize>,
    prev_actors: &[usize],
    prev: Salient,
) -> Sent {
    let text = body.get(span.start..span.end).unwrap_or("");
    let toks = tokenize(text, span.start);
    let hits = lex.hits(&toks);
    let mut s = Sent {
        index,
        span,
        toks,
        ments: Vec::new(),
        cues: Vec::new(),
        marks: Vec::new(),
        clause: Vec::new(),
        outlets: Vec::new(),
        speakers: Vec::new(),
    };
    s.marks = marks(lex, &hits);
    s.clause = clauses(lex, &s);
    let (ments, outlets) = mentions(lex, &s, actors, found);
    s.ments = ments;
    s.outlets = outlets;
    anaphora(lex, &mut s, actors, recent_org, prev_actors);
    subject_anaphora(lex, &mut s, actors, prev);
    s.cues = cues(lex, &s, &hits);
    govern(lex, &mut s);
    s
}

fn mentions(
    lex: &Lexicon,
    s: &Sent,
    actors: &[Actor],
    found: &[(usize, usize, usize)],
) -> (Vec<Ment>, Vec<Ment>) {
    let mut out: Vec<Ment> = Vec::new();
    let mut outlets: Vec<Ment> = Vec::new();
    for &(start, end, ai) in found {
        if start < s.span.start || end > s.span.end || end <= start || ai >= actors.len() {
            continue;
        }
        let ts = s.toks.partition_point(|t| t.end <= start);
        let te = s.toks.partition_point(|t| t.start < end);
        if ts >= te {
            continue;
        }
        let m = Ment {
            actor: ai,
            ts,
            te,
            group: None,
        };
        if actors[ai].source_only {
            outlets.push(m);
        } else {
            out.push(m);
        }
    }
    // Longest first, then drop any mention overlapping a kept one.
    sort_by(&mut out, |a, b| {
        (b.te - b.ts).cmp(&(a.te - a.ts)).then(a.ts.cmp(&b.ts))
    });
    let mut kept: Vec<Ment> = Vec::new();
    for m in out {
        if kept.iter().all(|k| m.te <= k.ts || k.te <= m.ts) {
            kept.push(m);
        }
    }
    sort_by_key(&mut kept, |m| (m.ts, m.actor));
    // A comparison is not a party ("NATO-like"), nor a state adjective before a non-state
    // group ("Syrian rebels", "Iranian protesters").
    kept.retain(|m| {
        let comparison =
            s.norm(m.te) == "-" && lex.words.comparison_suffixes.contains(s.norm(m.te + 1));
        let group = actors[m.actor].kind == ActorKind::State
            && lex.words.non_state_nouns.contains(s.norm(m.te));
        !comparison && !group
    });
    // A state word that describes a person named just after is part of that mention:
    // "Iranian counterpart Masoud Pezeshkian", "the head of Russian diplomacy, Sergey Lavrov".
    let mut drop = vec![false; kept.len()];
    for i in 0..kept.len() {
        let a = &actors[kept[i].actor];
        // The state (or the state's body) a descriptor names.
        let of = match a.kind {
            ActorKind::State => Some(a.id.as_str()),
            ActorKind::Organization => a.country.as_deref(),
            _ => None,
        };
        let Some(of) = of else { continue };
        if let Some(next) = kept.get(i + 1) {
            let p = &actors[next.actor];
            let gap = s.words_between(kept[i].te, next.ts);
            let commas = range(&s.toks, kept[i].te, next.ts)
                .iter()
                .filter(|t| t.norm == ",")
                .count();
            let clean = range(&s.toks, kept[i].te, next.ts).iter().all(|t| {
                let n = t.norm.as_str();
                !matches!(n, "and" | "or" | ";" | "(" | ")")
                    && !lex.words.auxiliaries.contains(n)
                    && !lex.words.pp_preps.contains(n)
                    || n == "of"
            });
            if p.kind == ActorKind::Person
                && p.country.as_deref() == Some(of)
                && s.same_clause(kept[i].ts, next.ts)
                && (commas == 0 || s.norm(next.ts.saturating_sub(1)) == ",")
                && gap <= 5
                && commas <= 1
                && clean
            {
                drop[i] = true;
            }
        }
    }
    let kept = kept
        .into_iter()
        .zip(drop)
        .filter(|(_, d)| !d)
        .map(|(m, _)| m)
        .collect();
    (kept, outlets)
}

fn marks(lex: &Lexicon, hits: &[Hit]) -> Vec<Mark> {
    let mut out = Vec::new();
    for h in hits {
        for k in &lex.kinds[h.pat] {
            if !matches!(k, Kind::Cue { .. } | Kind::Ignore) {
                out.push(Mark {
                    start: h.start,
                    end: h.end,
                    kind: k.clone(),
                });
            }
        }
    }
    // Exceptions remove the markers they overlap ("not only" is no negation).
    let overl = |a: &Mark, b: &Mark| a.start < b.end && b.start < a.end;
    let negx: Vec<Mark> = out
        .iter()
        .filter(|m| m.kind == Kind::NegExcept)
        .cloned()
        .collect();
    let limx: Vec<Mark> = out
        .iter()
        .filter(|m| m.kind == Kind::LimExcept)
        .cloned()
        .collect();
    out.retain(|m| match m.kind {
        Kind::Neg => !negx.iter().any(|x| overl(x, m)),
        Kind::LimBefore | Kind::LimAfter => !limx.iter().any(|x| overl(x, m)),
        _ => true,
    });
    sort_by_key(&mut out, |m| (m.start, m.end));
    out
}

fn clauses(lex: &Lexicon, s: &Sent) -> Vec<usize> {
    let n = s.toks.len();
    let mut starts = vec![false; n];
    for m in &s.marks {
        if m.kind == Kind::Boundary && m.start < n {
            starts[m.start] = true;
        }
    }
    // ", <verb>ing" opens a participle clause.
    for (i, pair) in s.toks.windows(2).enumerate() {
        let w = pair[1].norm.as_str();
        if pair[0].norm == ","
            && w.len() > 4
            && w.ends_with("ing")
            && !lex.words.ing_exceptions.contains(w)
        {
            starts[i] = true;
        }
    }
    let mut id = 0;
    let mut out = Vec::with_capacity(n);
    for (i, st) in starts.iter().enumerate() {
        if *st && i > 0 {
            id += 1;
        }
        out.push(id);
    }
    out
}

/// The actors a pronoun or a description at the start of the next sentence may stand for:
/// the first person and the first state or organisation named (speakers included) in the
/// last sentence that named any actor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Salient {
    pub person: Option<usize>,
    pub body: Option<usize>,
}

impl Salient {
    /// What sentence `s` leaves for the next one; `self` when it names nobody.
    pub fn after(self, s: &Sent, actors: &[Actor]) -> Salient {
        let named: Vec<usize> = s
            .ments
            .iter()
            .filter(|m| m.group.is_none())
            .map(|m| m.actor)
            .filter(|&a| a < actors.len())
            .collect();
        if named.is_empty() {
            return self;
        }
        Salient {
            person: named
                .iter()
                .copied()
                .find(|&a| actors[a].kind == ActorKind::Person),
            body: named
                .iter()
                .copied()
                .find(|&a| matches!(actors[a].kind, ActorKind::State | ActorKind::Organization)),
        }
    }
}

/// COREF-1: a sentence that opens with a pronoun subject or a description that refers back
/// ("He also told ...", "It urged ...", "The ministry said ...", "The president added ..."),
/// and names nobody before it, gets a made-up mention there of the salient actor of the last
/// sentence that named any: a person for he, she and the person descriptions
/// (syntax.toml `person_anaphora`), a state or organisation for it and the body descriptions
/// (`body_anaphora`). Openers such as "But" or a quotation mark are skipped; "it" followed by
/// a copula or a modal ("It is likely ...") is no subject.
fn subject_anaphora(lex: &Lexicon, s: &mut Sent, actors: &[Actor], prev: Salient) {
    let mut i = 0;
    while i < s.toks.len() && (!s.toks[i].word || lex.words.openers.contains(s.norm(i))) {
        i += 1;
    }
    let named_before = s.ments.iter().any(|m| m.ts <= i);
    let longest = |list: &crate::hash::FastSet<String>| -> Option<usize> {
        (1..=4).rev().find(|&n| {
            i + n <= s.toks.len() && {
                let words: Vec<&str> = (i..i + n).map(|j| s.norm(j)).collect();
                list.contains(&words.join(" "))
            }
        })
    };
    let (actor, len) = match s.norm(i) {
        _ if named_before => (None, 0),
        "he" | "she" => (prev.person, 1),
        "it" if !lex.words.not_after_it.contains(s.norm(i + 1)) => (prev.body, 1),
        _ => match (
            longest(&lex.words.person_anaphora),
            longest(&lex.words.body_anaphora),
        ) {
            (Some(n), _) => (prev.person, n),
            (None, Some(n)) => (prev.body, n),
            _ => (None, 0),
        },
    };
    if let Some(actor) = actor.filter(|&a| a < actors.len()) {
        if !s.ments.iter().any(|m| m.ts < i + len && i < m.te) {
            s.ments.insert(
                0,
                Ment {
                    actor,
                    ts: i,
                    te: i + len,
                    group: None,
                },
            );
        }
    }
    // COREF-1 in an attribution after a quotation: "“...,” he said" (QUOTE-1 then finds the
    // speaker there).
    let Some(person) = prev.person.filter(|&a| a < actors.len()) else {
        return;
    };
    let after_quote: Vec<usize> = (1..s.toks.len())
        .filter(|&j| matches!(s.norm(j), "he" | "she") && s.norm(j - 1) == "\"")
        .filter(|&j| !s.ments.iter().any(|m| m.ts <= j && j < m.te))
        .collect();
    for j in after_quote {
        s.ments.push(Ment {
            actor: person,
            ts: j,
            te: j + 1,
            group: None,
        });
    }
    sort_by_key(&mut s.ments, |m| (m.ts, m.te));
}

/// Adds made-up mentions for "both countries" (the last two actors named) and "the
/// alliance" (the organisation named last).
fn anaphora(
    lex: &Lexicon,
    s: &mut Sent,
    actors: &[Actor],
    recent_org: Option<usize>,
    prev_actors: &[usize],
) {
    let mut extra = Vec::new();
    let mut group = 0;
    for m in s.marks.iter().filter(|m| m.kind == Kind::Dual) {
        if s.ments.iter().any(|x| x.ts < m.end && m.start < x.te) {
            continue;
        }
        // The last two distinct actors before it, not named as places.
        let mut pick: Vec<usize> = Vec::new();
        let before: Vec<usize> = s
            .ments
            .iter()
            .filter(|x| x.te <= m.start)
            .filter(|x| {
                let p = s.prev_content(x.ts, lex).map(|j| s.norm(j)).unwrap_or("");
                !lex.words.locative_preps.contains(p)
            })
            .map(|x| x.actor)
            .collect();
        for a in before.iter().rev().chain(prev_actors.iter().rev()) {
            if !pick.contains(a) {
                pick.push(*a);
            }
            if pick.len() == 2 {
                break;
            }
        }
        if pick.len() == 2 {
            for a in pick.into_iter().rev() {
                extra.push(Ment {
                    actor: a,
                    ts: m.start,
                    te: m.end,
                    group: Some(group),
                });
            }
            group += 1;
        }
    }
    if let Some(org) = recent_org.filter(|&o| o < actors.len()) {
        for i in 0..s.toks.len() {
            if !lex.words.org_anaphora.contains(s.norm(i)) {
                continue;
            }
            if matches!(s.norm(i + 1), "with" | "between" | "of" | "-" | "'s") {
                continue;
            }
            // "the alliance", "this post-Soviet security alliance": a determiner within six
            // words before, and nothing named in between.
            let lo = i.saturating_sub(10);
            let det = (lo..i)
                .rev()
                .find(|&j| matches!(s.norm(j), "the" | "this" | "that"));
            let Some(d) = det else { continue };
            if s.words_between(d, i) > 6 || s.ments.iter().any(|x| x.ts >= d && x.te <= i + 1) {
                continue;
            }
            if s.ments.iter().any(|x| x.ts <= i && i < x.te) {
                continue;
            }
            extra.push(Ment {
                actor: org,
                ts: d,
                te: i + 1,
                group: None,
            });
        }
    }
    if !extra.is_empty() {
        s.ments.extend(extra);
        sort_by_key(&mut s.ments, |m| (m.ts, m.te));
    }
}

fn cues(lex: &Lexicon, s: &Sent, hits: &[Hit]) -> Vec<CueAt> {
    struct Cand {
        rule: Option<usize>,
        form: Form,
        ts: usize,
        te: usize,
    }
    let mut cands = Vec::new();
    for h in hits {
        for k in &lex.kinds[h.pat] {
            match k {
                Kind::Ignore => cands.push(Cand {
                    rule: None,
                    form: Form::Noun,
                    ts: h.start,
                    te: h.end,
                }),
                Kind::Cue { rule, form, rest } => {
                    // Later parts of a gapped cue must follow within six tokens each.
                    let mut end = h.end;
                    let mut ok = true;
                    for part in rest {
                        let found = (end..(end + 7).min(s.toks.len()))
                            .find_map(|j| Lexicon::phrase_at(&s.toks, j, part));
                        match found {
                            Some(e) => end = e,
                            None => {
                                ok = false;
                                break;
                            }
                        }
                    }
                    if ok {
                        cands.push(Cand {
                            rule: Some(*rule),
                            form: *form,
                            ts: h.start,
                            te: end,
                        });
                    }
                }
                _ => {}
            }
        }
    }
    // Longest first; at equal length an ignore phrase wins, then the earlier one.
    sort_by(&mut cands, |a, b| {
        (b.te - b.ts)
            .cmp(&(a.te - a.ts))
            .then(a.rule.is_some().cmp(&b.rule.is_some()))
            .then(a.ts.cmp(&b.ts))
    });
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut out = Vec::new();
    for c in cands {
        if taken.iter().any(|&(a, b)| c.ts < b && a < c.te) {
            continue;
        }
        taken.push((c.ts, c.te));
        let Some(rule) = c.rule else { continue };
        // A cue inside an actor's name ("Collective Security Treaty Organization") is not one,
        // nor a capitalised word inside a quoted title ("“Russian-Iranian Cooperation in a
        // Changing World”").
        if s.ments.iter().any(|m| m.ts <= c.ts && c.te <= m.te) {
            continue;
        }
        if in_title(s, c.ts) {
            continue;
        }
        let r = &lex.rules[rule];
        if !r.requires_after.is_empty() {
            let mut words = 0;
            let mut found = false;
            let mut j = c.te;
            while j < s.toks.len() && words < r.window {
                if r.requires_after
                    .iter()
                    .any(|p| Lexicon::phrase_at(&s.toks, j, p).is_some())
                {
                    found = true;
                    break;
                }
                if s.toks[j].word {
                    words += 1;
                }
                j += 1;
            }
            if !found {
                continue;
            }
        }
        if r.excludes_after
            .iter()
            .any(|p| (c.te..c.te + 2).any(|j| Lexicon::phrase_at(&s.toks, j, p).is_some()))
        {
            continue;
        }
        let rule = upgraded(lex, s, rule, c.ts, c.te);
        out.push(CueAt {
            rule,
            form: c.form,
            ts: c.ts,
            te: c.te,
            absorbed: false,
            reach: c.te,
            joint: false,
        });
    }
    sort_by_key(&mut out, |c| c.ts);
    out
}

/// The rule a cue becomes next to an upgrade word ("military support" -> military aid).
fn upgraded(lex: &Lexicon, s: &Sent, rule: usize, ts: usize, te: usize) -> usize {
    let mut rule = rule;
    // At most two steps (support -> aid -> military aid).
    for _ in 0..2 {
        let Some((to, words)) = &lex.rules[rule].upgrade else {
            break;
        };
        let lo = ts.saturating_sub(3);
        let hi = (te + 5).min(s.toks.len());
        // Not across punctuation: "an Israeli military campaign, supported by the US".
        let lo = (lo..ts)
            .rev()
            .find(|&j| !s.toks[j].word && s.norm(j) != "-")
            .map_or(lo, |j| j + 1);
        let hi = (te..hi)
            .find(|&j| !s.toks[j].word && s.norm(j) != "-")
            .unwrap_or(hi);
        let near = (lo..hi)
            .filter(|&j| j < ts || j >= te)
            .filter(|&j| s.same_clause(j, ts))
            .any(|j| {
                words
                    .iter()
                    .any(|w| Lexicon::phrase_at(&s.toks, j, w).is_some())
            });
        if near {
            rule = *to;
        } else {
            break;
        }
    }
    rule
}

/// A governing cue absorbs the cues of the act it governs: "refused to support", "threatened
/// to cut off oil exports", "froze new trade", "agreed to expand defence cooperation".
fn govern(lex: &Lexicon, s: &mut Sent) {
    for i in 0..s.cues.len() {
        if s.cues[i].absorbed || !lex.rules[s.cues[i].rule].governs {
            continue;
        }
        let mut reach = s.cues[i].te;
        for j in i + 1..s.cues.len() {
            let c = &s.cues[j];
            let gap_ok = c.ts >= reach
                && s.words_between(reach, c.ts) <= 4
                && s.same_clause(reach, c.ts)
                && !s.ments.iter().any(|m| m.ts >= reach && m.te <= c.ts);
            // "sanctions on an arms firm accused of ...": a participle after a noun begins a
            // clause of that noun's own, no content of the act before it.
            let before = c.ts.checked_sub(1).map_or("", |j| s.norm(j));
            let participle = c.ts > reach
                && s.norm(c.ts).ends_with("ed")
                && s.toks.get(c.ts - 1).is_some_and(|t| t.word)
                && !lex.words.auxiliaries.contains(before)
                && !matches!(before, "to" | "not" | "and" | "or");
            if !gap_ok || participle {
                break;
            }
            let (cte, joint) = (c.te, lex.rules[c.rule].symmetric);
            reach = cte;
            s.cues[j].absorbed = true;
            if joint {
                s.cues[i].joint = true;
            }
        }
        s.cues[i].reach = reach;
        // "accused the United Arab Emirates of arming ...", "urged Iran to release ...": the
        // act after the object is the content too.
        let te = s.cues[i].te;
        if reach == te {
            let object = s
                .ments
                .iter()
                .filter(|m| m.ts >= te && s.words_between(te, m.ts) <= 3 && s.same_clause(te, m.ts))
                .map(|m| m.te)
                .next();
            // An accusation's content after "of" is coded as the alleged act (P-ALLEGED).
            let accusation = lex.rules[s.cues[i].rule].event == "accuse";
            if let Some(end) = object {
                if s.norm(end) == "to" || (s.norm(end) == "of" && !accusation) {
                    if let Some(j) = s.cues.iter().position(|c| c.ts > end && c.ts <= end + 2) {
                        s.cues[j].absorbed = true;
                    }
                }
            }
        }
    }
    // Two cues of one class next to each other are one act ("provided significant
    // assistance", "demanding “unconditional surrender”", "invasion operations").
    for i in 0..s.cues.len() {
        if s.cues[i].absorbed {
            continue;
        }
        let quad = lex.rules[s.cues[i].rule].quad;
        let mut j = i + 1;
        while j < s.cues.len() {
            let (reach, c) = (s.cues[i].reach, &s.cues[j]);
            let between = range(&s.toks, reach, c.ts);
            let close = c.ts >= reach
                && between.iter().filter(|t| t.word).count() <= 1
                && !between.iter().any(|t| t.norm == "," || t.norm == ";")
                && !s.ments.iter().any(|m| m.ts >= reach && m.te <= c.ts)
                && s.same_clause(reach, c.ts);
            if !close || c.absorbed || lex.rules[c.rule].quad != quad {
                break;
            }
            s.cues[i].reach = c.te.max(reach);
            s.cues[j].absorbed = true;
            j += 1;
        }
    }
    // "intervene militarily to save X": the act of help replaces the intervention.
    for i in 0..s.cues.len() {
        if !lex.rules[s.cues[i].rule].purpose_yields {
            continue;
        }
        let te = s.cues[i].te;
        let to = (te..(te + 3).min(s.toks.len())).find(|&j| s.norm(j) == "to");
        if let Some(to) = to {
            if s.cues
                .iter()
                .any(|c| c.ts == to + 1 && lex.rules[c.rule].quad.is_cooperation())
            {
                s.cues[i].absorbed = true;
            }
        }
    }
}

/// True when token `i` is a capitalised word inside a quotation that is not the sentence's
/// first word: part of a title, not an act.
fn in_title(s: &Sent, i: usize) -> bool {
    let Some(tok) = s.toks.get(i) else {
        return false;
    };
    let first_word = s.toks.iter().position(|t| t.word);
    if first_word == Some(i) || !tok.word {
        return false;
    }
    if !tok.first.is_uppercase() {
        return false;
    }
    let quotes = range(&s.toks, 0, i)
        .iter()
        .filter(|t| t.norm == "\"")
        .count();
    quotes % 2 == 1
}
