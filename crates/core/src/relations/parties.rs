//! Parties: who acts (source) and who is acted upon (target) for one cue, from the actor
//! mentions around it, without a parser: subject before an active verb, object after it,
//! the agent of a passive ("attacked by X"), the modifier of a noun ("Russia's support",
//! "American seizure"), beneficiary frames ("Tehran received ... from Moscow"), lists and
//! joint acts ("Russia, Iran, Syria and Iraq established a joint ...").

use super::lexicon::{Form, Kind, Lexicon, Rule};
use super::sentence::{CueAt, Sent};
use crate::model::Flag;

/// What the coder remembers within a sentence while it codes its cues left to right.
#[derive(Debug, Default)]
pub(crate) struct Memory {
    /// Mentions already used as targets (not subjects of later verbs).
    pub used_targets: Vec<usize>,
    /// Sources of the last conflict act, for an agentless passive ("Maduro was arrested").
    pub last_conflict_sources: Vec<usize>,
}

/// The parties of one cue: mention indices (into `Sent::ments`) of sources and targets, and
/// the pairs to code.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Parties {
    /// (source mention, target mention).
    pub pairs: Vec<(usize, usize)>,
    /// A flag the frame adds ("will need Russian support" is hypothetical).
    pub flag: Option<Flag>,
}

const SEPARATORS: [&str; 7] = [",", "and", "or", "&", "-", "/", "nor"];
const CONJUNCTIONS: [&str; 5] = ["and", "or", "&", "-", "nor"];

fn is_punct(s: &Sent, i: usize) -> bool {
    s.toks.get(i).is_none_or(|t| !t.word)
}

/// The list a mention belongs to ("Russia, Iran, Syria and Iraq"), in order.
pub(crate) fn list_of(lex: &Lexicon, s: &Sent, mi: usize) -> Vec<usize> {
    if let Some(g) = s.ments[mi].group {
        return (0..s.ments.len())
            .filter(|&j| s.ments[j].group == Some(g))
            .collect();
    }
    // Glue between two mentions: only list words, at least one separator.
    let glue = |a: usize, b: usize| -> Option<bool> {
        let (x, y) = (&s.ments[a], &s.ments[b]);
        if y.ts < x.te || y.ts == x.te || x.speaker || y.speaker || y.group.is_some() {
            return None;
        }
        let toks = &s.toks[x.te..y.ts];
        if !toks.iter().all(|t| lex.words.list_glue.contains(t.norm.as_str())) {
            return None;
        }
        if !toks.iter().any(|t| SEPARATORS.contains(&t.norm.as_str())) {
            return None;
        }
        // ", and Tokyo delivered ..." starts a clause, not a list item.
        let comma_and = toks.windows(2).any(|w| w[0].norm == "," && CONJUNCTIONS.contains(&w[1].norm.as_str()));
        if comma_and {
            let next = s.norm(y.te);
            if !(is_punct(s, y.te) && next != "'s") && !s.cues.iter().any(|c| c.ts == y.te) {
                return None;
            }
        }
        Some(toks.iter().any(|t| CONJUNCTIONS.contains(&t.norm.as_str())))
    };
    let mut lo = mi;
    let mut conj = false;
    while lo > 0 {
        match glue(lo - 1, lo) {
            Some(c) => {
                conj |= c;
                lo -= 1;
            }
            None => break,
        }
    }
    let mut hi = mi;
    while hi + 1 < s.ments.len() {
        match glue(hi, hi + 1) {
            Some(c) => {
                conj |= c;
                hi += 1;
            }
            None => break,
        }
    }
    if lo == hi || !conj {
        return vec![mi];
    }
    (lo..=hi).collect()
}

/// True when the mention (with its list) is a noun phrase that can act as a subject, not
/// a modifier of another noun ("Russian tankers").
fn is_head(lex: &Lexicon, s: &Sent, list: &[usize]) -> bool {
    let last = list.iter().map(|&j| s.ments[j].te).max().unwrap_or(0);
    let next = s.norm(last);
    if next.is_empty() {
        return true;
    }
    if next == "'s" {
        return lex.words.agent_nouns.contains(s.norm(last + 1));
    }
    if is_punct(s, last) {
        return next != "-";
    }
    if lex.words.auxiliaries.contains(next)
        || lex.words.agent_nouns.contains(next)
        || s.cues.iter().any(|c| c.ts == last)
    {
        return true;
    }
    if next.ends_with("ed") || next.ends_with("ly") {
        return true;
    }
    if next.ends_with('s') {
        let after = s.norm(last + 1);
        return lex.words.determiners.contains(after)
            || after == "to"
            || after == "that"
            || s.ments.iter().any(|m| m.ts == last + 1);
    }
    false
}

/// The preposition governing a mention, if any ("with Iran", "in the Gulf").
fn prep_of(lex: &Lexicon, s: &Sent, mi: usize) -> Option<String> {
    let p = s.prev_content(s.ments[mi].ts, lex)?;
    let w = s.norm(p);
    if !lex.words.pp_preps.contains(w) {
        return None;
    }
    // "the regime in Tehran", "officials from Russia", "forces of X": the phrase names the actor.
    let before = p.checked_sub(1).map(|j| s.norm(j)).unwrap_or("");
    if lex.words.agent_nouns.contains(before) {
        return None;
    }
    Some(w.to_string())
}

fn usable(s: &Sent, mi: usize) -> bool {
    !s.ments[mi].speaker
}

/// The mention of the subject before token `pos`.
fn subject_left(lex: &Lexicon, s: &Sent, pos: usize, mem: &Memory, exclude: &[usize]) -> Option<usize> {
    let cands: Vec<usize> = (0..s.ments.len())
        .filter(|&j| s.ments[j].te <= pos && usable(s, j) && !exclude.contains(&s.ments[j].actor))
        .collect();
    let head = |j: usize| is_head(lex, s, &list_of(lex, s, j)) && prep_of(lex, s, j).is_none();
    let fresh = |j: usize| !mem.used_targets.contains(&j);
    let passes: [&dyn Fn(usize) -> bool; 4] = [
        &|j| s.same_clause(s.ments[j].ts, pos) && head(j) && fresh(j),
        &|j| s.same_clause(s.ments[j].ts, pos) && fresh(j) && prep_of(lex, s, j).is_none(),
        &|j| head(j) && fresh(j),
        &|j| fresh(j) && prep_of(lex, s, j).is_none(),
    ];
    for pass in passes {
        if let Some(&j) = cands.iter().rev().find(|&&j| pass(j)) {
            return Some(j);
        }
    }
    None
}

/// "Russia's support", "American seizure", "Russian military support", "US and Israeli
/// forces' attack": a mention right before the cue, with at most two modifier words between.
fn modifier_source(lex: &Lexicon, s: &Sent, cue: &CueAt) -> Option<usize> {
    let mut j = cue.ts;
    let mut skipped = 0;
    while j > 0 {
        if let Some(mi) = (0..s.ments.len()).find(|&m| s.ments[m].te == j && usable(s, m)) {
            return Some(mi);
        }
        let w = s.norm(j - 1);
        let modifier_word = w == "'s"
            || w == "-"
            || (s.toks[j - 1].word
                && !lex.words.determiners.contains(w)
                && !lex.words.auxiliaries.contains(w)
                && !lex.words.pp_preps.contains(w)
                && !s.cues.iter().any(|c| c.ts < j && j - 1 < c.te));
        if !modifier_word || skipped >= 2 {
            return None;
        }
        if w != "'s" && w != "-" {
            skipped += 1;
        }
        j -= 1;
    }
    None
}

/// "attacked by X", "an attack by US and Israeli forces on Iran": the agent and where its
/// phrase ends.
fn by_agent(s: &Sent, cue: &CueAt) -> Option<(usize, usize)> {
    let by = (cue.reach..(cue.reach + 3).min(s.toks.len())).find(|&j| s.norm(j) == "by")?;
    if s.ments.iter().any(|m| m.ts >= cue.reach && m.ts < by) {
        return None;
    }
    let mi = (0..s.ments.len()).find(|&m| s.ments[m].ts > by && s.ments[m].ts <= by + 3 && usable(s, m))?;
    Some((mi, s.ments[mi].te))
}

/// "aggression from the West", "assistance from Moscow": the source of a noun cue.
fn from_source(s: &Sent, cue: &CueAt) -> Option<usize> {
    let from = (cue.reach..(cue.reach + 4).min(s.toks.len())).find(|&j| s.norm(j) == "from")?;
    (0..s.ments.len()).find(|&m| s.ments[m].ts > from && s.ments[m].ts <= from + 3 && usable(s, m))
}

enum Target {
    One(usize),
    Between(Vec<usize>),
}

/// The first fitting mention after the cue, in its clause.
fn target_right(
    lex: &Lexicon,
    s: &Sent,
    ci: usize,
    from: usize,
    rule: &Rule,
    nounish: bool,
    exclude: &[usize],
) -> Option<Target> {
    let cue = &s.cues[ci];
    for mi in 0..s.ments.len() {
        let m = &s.ments[mi];
        if m.ts < from {
            continue;
        }
        if !s.same_clause(cue.ts, m.ts) {
            return None;
        }
        // Another act between: its object is not ours, unless only "and"/"or" link them.
        let between_cue = s.cues.iter().enumerate().any(|(k, c)| {
            k != ci && !c.absorbed && c.ts >= from && c.ts < m.ts && {
                let linked = s.toks[from.min(c.ts)..c.ts].iter().all(|t| {
                    matches!(t.norm.as_str(), "and" | "or" | ",") || lex.words.determiners.contains(t.norm.as_str())
                });
                !linked
            }
        });
        if between_cue {
            return None;
        }
        if !usable(s, mi) || exclude.contains(&m.actor) {
            continue;
        }
        let prep = prep_of(lex, s, mi);
        match prep.as_deref() {
            Some("between") => return Some(Target::Between(list_of(lex, s, mi))),
            Some("by") => continue,
            Some("from") if nounish => continue,
            Some(p) if lex.words.locative_preps.contains(p) && !rule.target_in => continue,
            _ => {}
        }
        // ", the Russian president paid ...": a subject after a fronted phrase ends the search.
        let after_comma = s.prev_content(m.ts, lex).is_some_and(|p| s.norm(p) == ",");
        if after_comma && s.words_between(from, m.ts) > 0 && is_head(lex, s, &list_of(lex, s, mi)) {
            return None;
        }
        return Some(Target::One(mi));
    }
    None
}

/// A beneficiary frame before the cue: "Tehran has received limited ... assistance",
/// "Iran will rely on Russian military support". Returns the frame's start and flag.
fn beneficiary(s: &Sent, cue: &CueAt) -> Option<(usize, Option<Flag>)> {
    s.marks
        .iter()
        .filter(|m| matches!(m.kind, Kind::Benef(_)))
        .filter(|m| m.end <= cue.ts && s.words_between(m.end, cue.ts) <= 4 && s.same_clause(m.start, cue.ts))
        .filter(|m| {
            // Nothing named between but the source's own modifier.
            let inner: Vec<&super::sentence::Ment> =
                s.ments.iter().filter(|x| x.ts >= m.end && x.te <= cue.ts).collect();
            inner.len() <= 1
        })
        .filter(|m| !s.cues.iter().any(|c| !c.absorbed && c.ts >= m.end && c.ts < cue.ts && c.te <= cue.ts))
        .max_by_key(|m| m.end)
        .map(|m| match m.kind {
            Kind::Benef(f) => (m.start, f),
            _ => (m.start, None),
        })
}

/// True when the cue is followed by nothing it could take as an object: end of sentence,
/// punctuation, or a pronoun ("ignored it", "overlooking this demand").
fn object_absent(s: &Sent, cue: &CueAt) -> bool {
    let i = cue.reach;
    i >= s.toks.len()
        || (is_punct(s, i) && s.norm(i) != "\"")
        || s.marks.iter().any(|m| m.kind == Kind::Anaphoric && m.start == i)
}

/// A form of "be" right before the cue: a passive ("was arrested").
fn passive(s: &Sent, cue: &CueAt) -> bool {
    let lo = cue.ts.saturating_sub(3);
    (lo..cue.ts).any(|j| matches!(s.norm(j), "was" | "were" | "been" | "being" | "is" | "are" | "be" | "got"))
        && s.norm(cue.ts).ends_with("ed")
}

fn pairs_between(list: &[usize], s: &Sent) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for &a in list {
        for &b in list {
            if s.ments[a].actor != s.ments[b].actor {
                out.push((a, b));
            }
        }
    }
    out
}

/// The parties of cue `ci`.
pub(crate) fn find(lex: &Lexicon, s: &Sent, ci: usize, mem: &Memory, speakers_before: &[usize]) -> Parties {
    let cue = &s.cues[ci];
    let rule = &lex.rules[cue.rule];
    let prev = cue.ts.checked_sub(1).map(|j| s.norm(j)).unwrap_or("");
    let modifier = modifier_source(lex, s, cue);
    let nounish = match cue.form {
        Form::Noun => true,
        Form::Verb => false,
        Form::Either => lex.words.determiners.contains(prev) || modifier.is_some() && !is_head(lex, s, &[modifier.unwrap_or(0)]),
    };
    let mut out = Parties::default();
    let mut sources: Vec<usize> = Vec::new();
    let mut targets: Vec<usize> = Vec::new();
    let mut explicit_src = false;
    let mut explicit_tgt = false;
    let mut between: Option<Vec<usize>> = None;

    let src_actors = |v: &[usize]| v.iter().map(|&m| s.ments[m].actor).collect::<Vec<_>>();

    if let Some((frame, flag)) = beneficiary(s, cue).filter(|_| rule.quad.is_cooperation()) {
        // The subject of the frame receives; the giver is the modifier or "from X".
        out.flag = flag;
        let giver = modifier
            .or_else(|| from_source(s, cue))
            .or_else(|| (0..s.ments.len()).find(|&m| s.ments[m].ts >= cue.reach && s.ments[m].ts <= cue.reach + 3 && usable(s, m)));
        if let Some(g) = giver {
            sources = list_of(lex, s, g);
            explicit_src = true;
        }
        if let Some(t) = subject_left(lex, s, frame, mem, &src_actors(&sources)) {
            targets = list_of(lex, s, t);
            explicit_tgt = true;
        }
    } else if let Some((agent, after)) = by_agent(s, cue) {
        sources = list_of(lex, s, agent);
        explicit_src = true;
        let ex = src_actors(&sources);
        match target_right(lex, s, ci, after, rule, true, &ex) {
            Some(Target::One(t)) => {
                targets = list_of(lex, s, t);
                explicit_tgt = true;
            }
            Some(Target::Between(l)) => between = Some(l),
            None => {
                if let Some(t) = subject_left(lex, s, cue.ts, mem, &ex) {
                    targets = list_of(lex, s, t);
                }
            }
        }
    } else {
        if let Some(m) = modifier {
            sources = list_of(lex, s, m);
            explicit_src = true;
        } else if nounish {
            if let Some(m) = from_source(s, cue) {
                sources = list_of(lex, s, m);
                explicit_src = true;
            }
        }
        let ex = src_actors(&sources);
        match target_right(lex, s, ci, cue.reach, rule, nounish, &ex) {
            Some(Target::One(t)) => {
                targets = list_of(lex, s, t);
                explicit_tgt = true;
            }
            Some(Target::Between(l)) => between = Some(l),
            None => {}
        }
        if sources.is_empty() && !(rule.symmetric && between.is_some()) {
            if passive(s, cue) && rule.quad.is_conflict() {
                // "Maduro was arrested": the agent of the act before it in the sentence.
                let t = subject_left(lex, s, cue.ts, mem, &[]);
                if let Some(t) = t.filter(|_| targets.is_empty()) {
                    targets = list_of(lex, s, t);
                }
                sources = mem
                    .last_conflict_sources
                    .iter()
                    .filter_map(|&a| s.ments.iter().position(|m| m.actor == a))
                    .collect();
            } else {
                let ex: Vec<usize> = targets.iter().map(|&m| s.ments[m].actor).collect();
                if let Some(m) = subject_left(lex, s, cue.ts, mem, &ex) {
                    sources = list_of(lex, s, m);
                }
            }
        }
    }

    // Joint acts: "between X and Y", "X and Y signed ...".
    if let Some(list) = between {
        if rule.symmetric {
            out.pairs = pairs_between(&list, s);
            return out;
        }
        targets = list;
        explicit_tgt = true;
    }
    if nounish && !explicit_src && !explicit_tgt {
        return out;
    }
    if targets.is_empty() && rule.symmetric && sources.len() >= 2 {
        out.pairs = pairs_between(&sources, s);
        return out;
    }
    // A speaker who acts: "Russia has stated it does not support Iran".
    if sources.is_empty() {
        if let Some(&sp) = speakers_before.first() {
            let pronoun = (0..cue.ts).any(|j| matches!(s.norm(j), "it" | "he" | "she" | "they" | "we"));
            if pronoun {
                sources = vec![sp];
            }
        }
    }
    // A statement before its subject: "In a letter of condolences ... to X, the president ...".
    if sources.is_empty() && !targets.is_empty() && !rule.quad.is_material() {
        let after = targets.iter().map(|&t| s.ments[t].te).max().unwrap_or(0);
        let tgt_actors: Vec<usize> = targets.iter().map(|&t| s.ments[t].actor).collect();
        if let Some(m) = (0..s.ments.len()).find(|&m| {
            s.ments[m].ts >= after && usable(s, m) && !tgt_actors.contains(&s.ments[m].actor) && is_head(lex, s, &[m])
        }) {
            sources = list_of(lex, s, m);
        }
    }
    // No object after the cue: it points back to an actor named before.
    if targets.is_empty() && !sources.is_empty() && ((nounish && explicit_src) || object_absent(s, cue)) {
        let src: Vec<usize> = sources.iter().map(|&m| s.ments[m].actor).collect();
        let topic = (0..s.ments.len()).find(|&m| {
            usable(s, m)
                && !src.contains(&s.ments[m].actor)
                && !lex.words.locative_preps.contains(prep_of(lex, s, m).as_deref().unwrap_or(""))
                && s.ments[m].ts < cue.ts
        });
        if let Some(t) = topic {
            targets = list_of(lex, s, t);
        }
    }
    for &a in &sources {
        for &b in &targets {
            if s.ments[a].actor != s.ments[b].actor && !out.pairs.contains(&(a, b)) {
                out.pairs.push((a, b));
            }
        }
    }
    out
}

/// "ally more closely with the United States against Tehran": the actors an act of
/// cooperation is directed against.
pub(crate) fn against(lex: &Lexicon, s: &Sent, ci: usize) -> Vec<usize> {
    let cue = &s.cues[ci];
    let Some(a) = (cue.reach..s.toks.len())
        .take_while(|&j| s.same_clause(cue.ts, j))
        .find(|&j| s.norm(j) == "against")
    else {
        return Vec::new();
    };
    match (0..s.ments.len()).find(|&m| s.ments[m].ts > a && s.ments[m].ts <= a + 3 && usable(s, m)) {
        Some(m) => list_of(lex, s, m),
        None => Vec::new(),
    }
}
