//! Parties: who acts (source) and who is acted upon (target) for one cue, from the actor
//! mentions around it, without a parser. Rule ids (used in tests and comments):
//!
//! - P-SUBJ: the subject before a verb is the source, the nearest noun phrase that can act
//!   ("Moscow has", "Pakistani forces shelled"), not a modifier ("Russian tankers"), not in a
//!   prepositional phrase ("with Iran"), not an object of an earlier act in the sentence.
//! - P-OBJ: the first actor after the cue in its clause is the target; a place ("in the
//!   Gulf") only for rules with `target_in`; after a noun cue only through a preposition
//!   ("support for Iran", "sanctions on Belarus").
//! - P-MOD: an actor right before a noun cue is its source ("Russia's offer", "American
//!   seizure", "US and Israeli forces' attack"), also before a collective noun and "of"
//!   ("Israel's wave of strikes", syntax.toml `collective_nouns`).
//! - P-BY: "attacked by X", "an attack by X on Y": X is the source; a passive without agent
//!   ("Maduro was arrested") takes the agent of the act before it in the sentence.
//! - P-FROM: "aggression from the West": the source of a noun cue.
//! - P-BENEF: "Tehran has received ... assistance from Moscow", "Iran will rely on Russian
//!   military support": the subject of the frame is the target.
//! - P-LIST: lists expand ("Russia, Iran, Syria and Iraq"; "US and Israeli"; "Russia-Iran";
//!   "Putin and his counterpart Pezeshkian", syntax.toml `relational_nouns`).
//! - P-JOINT: a joint act with no other party gives every ordered pair of its actors.
//! - P-BETWEEN: "mediator between Tehran and Riyadh": each is a target; for a joint act
//!   ("conflict between X and Y") the pairs.
//! - P-BACK: a verb with no object ("allies Russia has abandoned?", "ignored it") or a
//!   hostile noun with its source only ("Canada's criticism of its record") points back to the
//!   nearest actor named before it.
//! - P-PRON: a pronoun subject ("their aim was to strengthen X") is the subject of the act
//!   before it in the sentence, else the actor named last.
//! - P-FRONT: "Unable to intervene ... to save X, Russia ...", "In a letter ... to X, the
//!   president ...": the subject after the fronted phrase is the source.
//! - P-SPEAKER: "Russia has stated it does not support Iran": a pronoun subject is the speaker.
//! - P-FOR: "thanked Britain for a new package of military aid": the one thanked (or
//!   blamed) did the act named after "for". P-ALLEGED: "accused Iran of supplying Russia":
//!   the accused did the act after "of", hedged (an allegation is coded as the act).
//! - P-AGAINST: "ally with X against Y": the act is also directed against Y.
//! - P-REDUCED: "an arms firm accused of supplying Russia": a past participle after a common
//!   noun is a passive without an agent; the cue has no source.
//! - P-CONTROL: "look to Russia to help it": the one appealed to is the source of the act it
//!   is asked for (hypothetical), the appealing side its target.

use super::lexicon::{Form, Kind, Lexicon, Rule};
use super::sentence::{CueAt, Sent};
use super::tokens::range;
use crate::model::Flag;

/// What the coder remembers within a sentence while it codes its cues left to right.
#[derive(Debug, Default)]
pub(crate) struct Memory {
    /// Mentions already taken as objects (not subjects of later verbs).
    pub objects: Vec<usize>,
    /// Mentions already taken as modifiers of noun cues ("Israeli" in "Israeli attacks").
    pub modifiers: Vec<usize>,
    /// Sources of the last conflict act, for an agentless passive (P-BY).
    pub last_conflict_sources: Vec<usize>,
    /// The pairs of the last act, for "the agreement does not include ..." (P-JOINT).
    pub last_pairs: Vec<(usize, usize)>,
    /// The last appeal: its sources, targets and end, for "look to Russia to help it" (P-CONTROL).
    pub last_appeal: Option<(Vec<usize>, Vec<usize>, usize)>,
    /// The grammatical subject of the last act (its source, or its target when passive), for
    /// a pronoun subject after it (P-PRON).
    pub last_subject: Vec<usize>,
    /// The last verbal act with an object: sources, targets, end of the object (P-FOR).
    pub last_object: Option<(Vec<usize>, Vec<usize>, usize)>,
    /// That act was an accusation, whose content after "of" is an alleged act (P-ALLEGED).
    pub last_was_accusation: bool,
}

/// The parties of one cue: (source mention, target mention) pairs.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Parties {
    pub pairs: Vec<(usize, usize)>,
    /// A flag the frame adds ("will need Russian support" is hypothetical).
    pub flag: Option<Flag>,
    /// Mentions taken as objects after the cue.
    pub objects: Vec<usize>,
    /// Mentions taken as modifiers of the cue.
    pub modifiers: Vec<usize>,
    /// The surface subject of the act when it is not the source (passives, beneficiaries).
    pub subject: Vec<usize>,
    /// The act is one asked of its source (P-CONTROL): wanted, not hedged.
    pub controlled: bool,
}

const SEPARATORS: [&str; 7] = [",", "and", "or", "&", "-", "/", "nor"];
const CONJUNCTIONS: [&str; 5] = ["and", "or", "&", "-", "nor"];
const PRONOUNS: [&str; 6] = ["it", "he", "she", "they", "we", "i"];
/// Pronouns that stand for a clause's subject (P-PRON).
const PRONOUN_SUBJECTS: [&str; 8] = ["it", "its", "they", "their", "he", "his", "she", "her"];
/// Nouns for what someone said: "the claims by X" are X's words.
const SPEECH_NOUNS: [&str; 12] = [
    "claims",
    "claim",
    "allegations",
    "allegation",
    "accusations",
    "accusation",
    "charges",
    "remarks",
    "statement",
    "statements",
    "comments",
    "demands",
];
/// Prepositions through which a noun cue takes its target.
const NOUN_PREPS: [&str; 13] = [
    "for", "to", "on", "against", "of", "toward", "towards", "with", "between", "over", "into",
    "upon", "onto",
];

/// One cue's view of the sentence.
pub(crate) struct View<'a> {
    pub lex: &'a Lexicon,
    pub s: &'a Sent,
    /// Mentions that may be parties of this cue (speakers of a frame reporting it may not).
    pub ok: Vec<bool>,
}

impl View<'_> {
    fn norm(&self, i: usize) -> &str {
        self.s.norm(i)
    }

    fn is_punct(&self, i: usize) -> bool {
        self.s.toks.get(i).is_none_or(|t| !t.word)
    }

    fn actor(&self, m: usize) -> usize {
        self.s.ments[m].actor
    }

    /// P-LIST: the list a mention belongs to, in order.
    pub fn list_of(&self, mi: usize) -> Vec<usize> {
        let s = self.s;
        if let Some(g) = s.ments[mi].group {
            return (0..s.ments.len())
                .filter(|&j| s.ments[j].group == Some(g))
                .collect();
        }
        // The link between mentions a and b: None if no list glue, else Some(has conjunction).
        let link = |a: usize, b: usize| -> Option<bool> {
            let (x, y) = (&s.ments[a], &s.ments[b]);
            if y.ts <= x.te || !self.ok[a] || !self.ok[b] || y.group.is_some() {
                return None;
            }
            let toks = range(&s.toks, x.te, y.ts);
            // "X and his counterpart Y", "X and its ally Y": a possessive and a relational
            // noun after the conjunction still join the list.
            let conj = toks
                .iter()
                .position(|t| CONJUNCTIONS.contains(&t.norm.as_str()));
            let glue = |(i, t): (usize, &super::tokens::Token)| {
                let w = t.norm.as_str();
                self.lex.words.list_glue.contains(w)
                    || conj.is_some_and(|c| {
                        i > c
                            && (matches!(w, "his" | "her" | "its" | "their")
                                || self.lex.words.relational_nouns.contains(w))
                    })
            };
            if !toks.iter().enumerate().all(glue) {
                return None;
            }
            if !toks.iter().any(|t| SEPARATORS.contains(&t.norm.as_str())) {
                return None;
            }
            // ", and Tokyo delivered ...": a new clause, not a list item.
            let comma_and = toks
                .windows(2)
                .any(|w| w[0].norm == "," && CONJUNCTIONS.contains(&w[1].norm.as_str()));
            if comma_and && !(self.is_punct(y.te) && self.norm(y.te) != "-") {
                return None;
            }
            Some(toks.iter().any(|t| CONJUNCTIONS.contains(&t.norm.as_str())))
        };
        let mut lo = mi;
        while lo > 0 && link(lo - 1, lo).is_some() {
            lo -= 1;
        }
        let mut hi = mi;
        while hi + 1 < s.ments.len() && link(hi, hi + 1).is_some() {
            hi += 1;
        }
        // A list ends with a conjunction before its last item: "X and Y, Moscow has ..."
        // does not take Moscow.
        while hi > lo && link(hi - 1, hi) == Some(false) {
            hi -= 1;
        }
        if hi < mi {
            // `mi` itself was a comma-only tail: it stands alone.
            return vec![mi];
        }
        if lo == hi {
            return vec![mi];
        }
        (lo..=hi).collect()
    }

    /// True when the mention (with its list) can act as a subject, not a modifier of another
    /// noun ("Russian tankers", "Tehran's plans").
    fn is_head(&self, list: &[usize]) -> bool {
        let s = self.s;
        let last = list.iter().map(|&j| s.ments[j].te).max().unwrap_or(0);
        let next = self.norm(last);
        if next.is_empty() {
            return true;
        }
        if next == "'s" {
            return self.lex.words.agent_nouns.contains(self.norm(last + 1));
        }
        if self.is_punct(last) {
            if next == "-" {
                // "Russia-Iran pact" (attached) is a modifier; "– Armenia –" (spaced) is not.
                let attached = last > 0 && s.toks[last - 1].end == s.toks[last].start;
                return !attached;
            }
            return true;
        }
        if let Some(c) = s.cues.iter().find(|c| c.ts == last) {
            return c.form == Form::Verb;
        }
        let w = &self.lex.words;
        if w.auxiliaries.contains(next)
            || w.agent_nouns.contains(next)
            || w.head_verbs.contains(next)
        {
            return true;
        }
        if next.ends_with("ed") || next.ends_with("ly") {
            return true;
        }
        if next.ends_with('s') {
            let after = self.norm(last + 1);
            return w.determiners.contains(after)
                || after == "to"
                || after == "that"
                || s.ments.iter().any(|m| m.ts == last + 1);
        }
        false
    }

    /// True when the mention (with its list) is followed by a verb: the subject of a clause
    /// ("..., the Russian president paid", "the missiles Kyiv had requested").
    pub fn starts_clause(&self, list: &[usize]) -> bool {
        let mut last = list.iter().map(|&j| self.s.ments[j].te).max().unwrap_or(0);
        let w = &self.lex.words;
        // "Chinese coast guard vessels rammed": over the nouns the actor modifies.
        let mut steps = 0;
        while steps < 3 && w.agent_nouns.contains(self.norm(last)) {
            last += 1;
            steps += 1;
        }
        let next = self.norm(last);
        if next.is_empty() || self.is_punct(last) {
            return false;
        }
        if w.auxiliaries.contains(next) {
            return true;
        }
        if let Some(c) = self.s.cues.iter().find(|c| c.ts == last) {
            return c.form != Form::Noun;
        }
        !(w.pp_preps.contains(next)
            || w.determiners.contains(next)
            || w.list_glue.contains(next)
            || w.agent_nouns.contains(next)
            || matches!(next, "'s" | "that" | "who" | "which"))
    }

    /// The preposition governing a mention, if any ("with Iran", "in the Gulf").
    fn prep_of(&self, mi: usize) -> Option<&str> {
        // An inclusion governs its whole list: "members like Egypt, Kenya and Iran" puts Iran
        // in the phrase of "like" too (other prepositions keep to their first member, so
        // "between Moscow and Tehran" stays a pair of parties).
        let own = self.s.prev_content(self.s.ments[mi].ts, self.lex);
        // Only a later member of a list (after "," or "and") can be in another's phrase.
        // (and only near an inclusion word: the list is looked up only then).
        let ts = self.s.ments[mi].ts;
        let later_member = own.is_some_and(|j| matches!(self.norm(j), "," | "and" | "or"))
            && (ts.saturating_sub(16)..ts)
                .any(|j| matches!(self.norm(j), "including" | "like" | "comprising"));
        let inclusion = || {
            let first = self
                .list_of(mi)
                .into_iter()
                .map(|m| self.s.ments[m].ts)
                .min()
                .unwrap_or(self.s.ments[mi].ts);
            self.s
                .prev_content(first, self.lex)
                .filter(|&j| matches!(self.norm(j), "including" | "like" | "comprising"))
        };
        let p = match own {
            Some(j) if self.lex.words.pp_preps.contains(self.norm(j)) => j,
            _ if later_member => match inclusion() {
                Some(j) => j,
                None => own?,
            },
            _ => own?,
        };
        let w = self.norm(p);
        if !self.lex.words.pp_preps.contains(w) {
            return None;
        }
        // "after Chinese coast guard vessels rammed ...": a conjunction before a clause.
        if matches!(w, "after" | "before" | "since" | "until" | "as")
            && self.starts_clause(&self.list_of(mi))
        {
            return None;
        }
        // "the regime in Tehran", "officials from Russia", "forces of X": the phrase is the actor.
        let before = p.checked_sub(1).map(|j| self.norm(j)).unwrap_or("");
        if matches!(w, "in" | "of" | "from") && self.lex.words.agent_nouns.contains(before) {
            return None;
        }
        // "the Gulf states, including Saudi Arabia, ...": with no actor named before it, the
        // member stands for the group; after "the BRICS bloc, including Egypt" it does not.
        if matches!(w, "including" | "like" | "comprising")
            && !self.s.ments.iter().any(|m| m.te <= p)
        {
            return None;
        }
        Some(w)
    }

    fn locative(&self, mi: usize) -> bool {
        self.prep_of(mi)
            .is_some_and(|p| self.lex.words.locative_preps.contains(p))
    }

    /// P-SUBJ: the subject before token `pos`; with `heads_only`, only a noun phrase that can
    /// act (for a noun cue, whose subject must be the clause's).
    fn subject_left_heads(&self, pos: usize, mem: &Memory, exclude: &[usize]) -> Option<usize> {
        let s = self.s;
        // Not across a clause with a subject of its own ("..., but the talks collapsed").
        let strong = |from: usize| {
            range(&s.toks, from, pos).iter().any(|t| {
                matches!(
                    t.norm.as_str(),
                    "but" | ";" | "however" | "while" | "although" | "whereas" | "yet"
                )
            })
        };
        (0..s.ments.len()).rev().find(|&j| {
            s.ments[j].te <= pos
                && !strong(s.ments[j].te)
                && self.ok[j]
                && !exclude.contains(&self.actor(j))
                && !mem.objects.contains(&j)
                && !mem.modifiers.contains(&j)
                && self.is_head(&self.list_of(j))
                && self.bare(j)
        })
    }

    /// P-SUBJ: the mention is in no prepositional phrase, nor is any member of its list
    /// (but for "between", whose list names a joint act's parties).
    fn bare(&self, j: usize) -> bool {
        self.prep_of(j).is_none()
            && self
                .list_of(j)
                .into_iter()
                .all(|m| matches!(self.prep_of(m), None | Some("between")))
    }

    /// P-SUBJ: the subject before token `pos`.
    fn subject_left(&self, pos: usize, mem: &Memory, exclude: &[usize]) -> Option<usize> {
        let s = self.s;
        let cands: Vec<usize> = (0..s.ments.len())
            .filter(|&j| s.ments[j].te <= pos && self.ok[j] && !exclude.contains(&self.actor(j)))
            .collect();
        // A subject is in no prepositional phrase, nor is any member of its list ("which
        // lies south of Chad and Sudan, expressed ...": Sudan is in the phrase of "of").
        // ("between Moscow and Tehran" keeps its second member: a joint act's parties.)
        // Worked out once per mention, when first asked: the passes ask it again and again.
        let memo: std::cell::RefCell<Vec<Option<bool>>> =
            std::cell::RefCell::new(vec![None; s.ments.len()]);
        let bare = |j: usize| {
            if let Some(b) = memo.borrow()[j] {
                return b;
            }
            let b = self.bare(j);
            memo.borrow_mut()[j] = Some(b);
            b
        };
        let head = |j: usize| self.is_head(&self.list_of(j)) && bare(j);
        let fresh = |j: usize| !mem.objects.contains(&j);
        let free = |j: usize| fresh(j) && !mem.modifiers.contains(&j);
        let same = |j: usize| s.same_clause(s.ments[j].ts, pos);
        let passes: [&dyn Fn(usize) -> bool; 4] = [
            &|j| same(j) && head(j) && free(j),
            &|j| same(j) && free(j) && bare(j),
            &|j| head(j) && fresh(j),
            &|j| fresh(j) && bare(j),
        ];
        for pass in passes {
            if let Some(&j) = cands.iter().rev().find(|&&j| pass(j)) {
                return Some(j);
            }
        }
        None
    }

    /// P-MOD: a mention right before the cue, with at most two modifier words between.
    fn modifier_source(&self, cue: &CueAt) -> Option<usize> {
        let s = self.s;
        let mut j = cue.ts;
        let mut skipped = 0;
        while j > 0 {
            if let Some(mi) = (0..s.ments.len()).find(|&m| s.ments[m].te == j && self.ok[m]) {
                return Some(mi);
            }
            let w = self.norm(j - 1);
            let adjective = s.toks[j - 1].word
                && !self.lex.words.determiners.contains(w)
                && !self.lex.words.auxiliaries.contains(w)
                && !self.lex.words.pp_preps.contains(w)
                && !w.ends_with("ed")
                && !w.ends_with("ly")
                && !PRONOUNS.contains(&w)
                && !s.cues.iter().any(|c| c.ts < j && j - 1 < c.te);
            if w == "'s" || w == "-" {
                j -= 1;
                continue;
            }
            // "Israel's wave of strikes", "a new round of US sanctions": past the collective.
            if w == "of" && j >= 2 && self.lex.words.collective_nouns.contains(self.norm(j - 2)) {
                j -= 2;
                continue;
            }
            if !adjective || skipped >= 2 {
                return None;
            }
            skipped += 1;
            j -= 1;
        }
        None
    }

    /// P-BY: "attacked by X": the agent and where its phrase ends.
    fn by_agent(&self, cue: &CueAt) -> Option<(usize, usize)> {
        let s = self.s;
        let by = (cue.reach..(cue.reach + 3).min(s.toks.len())).find(|&j| self.norm(j) == "by")?;
        // "rejected the claims by Kyiv": a noun phrase between the cue and "by" is the
        // object, and "by" names whose claims they are, not who rejected them.
        if s.ments.iter().any(|m| m.ts >= cue.reach && m.ts < by)
            || s.cues.iter().any(|c| c.ts >= cue.reach && c.ts < by)
            || (cue.reach..by).any(|j| self.lex.words.determiners.contains(self.norm(j)))
        {
            return None;
        }
        let mi = (0..s.ments.len())
            .find(|&m| s.ments[m].ts > by && s.ments[m].ts <= by + 3 && self.ok[m])?;
        let list = self.list_of(mi);
        let end = list
            .iter()
            .map(|&m| s.ments[m].te)
            .max()
            .unwrap_or(s.ments[mi].te);
        Some((mi, end))
    }

    /// P-FROM: "aggression from the West".
    fn source_from(&self, cue: &CueAt) -> Option<usize> {
        let s = self.s;
        let from =
            (cue.reach..(cue.reach + 4).min(s.toks.len())).find(|&j| self.norm(j) == "from")?;
        if s.cues.iter().any(|c| c.ts >= cue.reach && c.ts < from) {
            return None;
        }
        (0..s.ments.len())
            .find(|&m| s.ments[m].ts > from && s.ments[m].ts <= from + 3 && self.ok[m])
    }

    /// P-BENEF: a beneficiary frame before the cue; its start and flag.
    fn beneficiary(&self, cue: &CueAt) -> Option<(usize, Option<Flag>)> {
        let s = self.s;
        s.marks
            .iter()
            .filter(|m| matches!(m.kind, Kind::Benef(_)) && s.norm(m.end) != "to")
            .filter(|m| {
                m.end <= cue.ts
                    && s.words_between(m.end, cue.ts) <= 4
                    && s.same_clause(m.start, cue.ts)
            })
            .filter(|m| {
                s.ments
                    .iter()
                    .filter(|x| x.ts >= m.end && x.te <= cue.ts)
                    .count()
                    <= 1
            })
            .filter(|m| {
                !s.cues
                    .iter()
                    .any(|c| !c.absorbed && c.ts >= m.end && c.ts < cue.ts)
            })
            .max_by_key(|m| m.end)
            .map(|m| match m.kind {
                Kind::Benef(f) => (m.start, f),
                _ => (m.start, None),
            })
    }

    /// The noun-or-verb reading of a cue: a noun after a determiner, an adjective or a
    /// modifier; a verb after a subject, an auxiliary, "to", "not" or an adverb.
    pub(crate) fn nounish(&self, cue: &CueAt) -> bool {
        match cue.form {
            Form::Noun => true,
            // "its exports", "of total Iranian exports": no verb follows a determiner or a
            // preposition with only adjectives between.
            // Only plural-looking forms can be nouns ("attacks", "exports"; not "attacked").
            Form::Verb => {
                let last = self.norm(cue.te.saturating_sub(1));
                last.ends_with('s') && !last.ends_with("ss") && self.noun_position(cue.ts)
            }
            Form::Either => {
                let Some(p) = cue.ts.checked_sub(1) else {
                    return false;
                };
                let w = self.norm(p);
                if self.lex.words.auxiliaries.contains(w)
                    || PRONOUNS.contains(&w)
                    || matches!(w, "to" | "not" | "n't" | "never" | "who" | "that" | "which")
                    || w.ends_with("ly")
                {
                    return false;
                }
                if let Some(m) = (0..self.s.ments.len()).find(|&m| self.s.ments[m].te == cue.ts) {
                    return !self.is_head(&[m]) || self.norm(cue.ts - 1) == "'s";
                }
                true
            }
        }
    }

    /// True when a determiner or a preposition (not "to") stands within three tokens before
    /// `ts` with only adjectives or actor modifiers between: a noun position.
    fn noun_position(&self, ts: usize) -> bool {
        let w = &self.lex.words;
        let mut j = ts;
        for _ in 0..3 {
            let Some(p) = j.checked_sub(1) else {
                return false;
            };
            let t = self.norm(p);
            if t == "to"
                || t == "that"
                || t == "which"
                || w.auxiliaries.contains(t)
                || PRONOUNS.contains(&t)
            {
                return false;
            }
            if w.determiners.contains(t) || w.pp_preps.contains(t) {
                return true;
            }
            let in_mention = self.s.ments.iter().any(|m| m.ts <= p && p < m.te);
            let adjective = self.s.toks[p].word && !t.ends_with("ed") && !t.ends_with("ly");
            if !(in_mention || adjective) {
                return false;
            }
            j = p;
        }
        false
    }

    /// P-OBJ: the first fitting mention after token `from`, in the cue's clause.
    fn target_right(
        &self,
        ci: usize,
        from: usize,
        rule: &Rule,
        nounish: bool,
        exclude: &[usize],
    ) -> Option<Target> {
        let s = self.s;
        let cue = &s.cues[ci];
        // "resents it", "ignored this demand": the object is a pronoun (P-BACK).
        if s.marks
            .iter()
            .any(|m| m.kind == Kind::Anaphoric && m.start == from)
        {
            return None;
        }
        // A mention inside a gapped cue is its object ("expressing concern about Iran's fate").
        if let Some(mi) = (0..s.ments.len())
            .find(|&m| s.ments[m].ts > cue.ts && s.ments[m].te <= cue.te && self.ok[m])
        {
            if !exclude.contains(&self.actor(mi)) {
                return Some(Target::One(mi));
            }
        }
        for mi in 0..s.ments.len() {
            let m = &s.ments[mi];
            if m.ts < from {
                continue;
            }
            if !s.same_clause(cue.ts, m.ts) {
                return None;
            }
            // Another act in between: its object is not ours, unless only "and"/"or" link the
            // two acts. A reaction takes the agent of the act it reacts to ("condemnations of
            // alleged aggression from the West").
            let between = s.cues.iter().enumerate().find(|&(k, c)| {
                k != ci && !c.absorbed && c.ts >= from && c.ts < m.ts && {
                    !range(&s.toks, from, c.ts).iter().all(|t| {
                        matches!(t.norm.as_str(), "and" | "or" | "," | "\"" | "'")
                            || self.lex.words.determiners.contains(t.norm.as_str())
                    })
                }
            });
            if let Some((_, c)) = between {
                if rule.quad == crate::model::Quad::VerbalConflict {
                    let agent = self
                        .by_agent(c)
                        .map(|(a, _)| a)
                        .or_else(|| self.source_from(c));
                    if let Some(a) = agent.filter(|&a| !exclude.contains(&self.actor(a))) {
                        return Some(Target::One(a));
                    }
                }
                return None;
            }
            if !self.ok[mi] || exclude.contains(&m.actor) {
                continue;
            }
            let prep = self.prep_of(mi);
            match prep {
                Some("between") => return Some(Target::Between(self.list_of(mi))),
                // "rejected the claims by Kenya": the one whose words are answered.
                Some("by")
                    if rule.quad == crate::model::Quad::VerbalConflict
                        && s.prev_content(m.ts, self.lex)
                            .is_some_and(|p| p > 0 && SPEECH_NOUNS.contains(&self.norm(p - 1))) => {
                }
                Some("by") => continue,
                Some("from") if nounish => continue,
                Some(p) if self.lex.words.locative_preps.contains(p) && !rule.target_in => continue,
                _ => {}
            }
            // "efforts to preserve the Assad regime", "offer to mediate": a verb ends the cue.
            let ends_in_verb = cue.te >= 2 && self.norm(cue.te - 2) == "to";
            if nounish && !ends_in_verb {
                // The phrase must hang on the noun: no verb, auxiliary or comma in between.
                let detached = range(&s.toks, from, m.ts)
                    .iter()
                    .any(|t| t.norm == ";" || self.lex.words.auxiliaries.contains(t.norm.as_str()))
                    || s.cues
                        .iter()
                        .any(|c| c.ts >= from && c.ts < m.ts && c.form == Form::Verb);
                if detached {
                    return None;
                }
                let through = match prep {
                    Some(p) => {
                        NOUN_PREPS.contains(&p)
                            || (rule.target_in && self.lex.words.locative_preps.contains(p))
                    }
                    None => false,
                };
                if !through {
                    // "verbal support is all that ... Putin": not its object.
                    continue;
                }
            }
            // ", the Russian president paid ...": a subject after a fronted phrase ends the
            // search; an apposition (", Ali Larijani.") does not.
            let after_comma = s
                .prev_content(m.ts, self.lex)
                .is_some_and(|p| self.norm(p) == ",");
            let fronted = !(0..s.ments.len()).any(|k| s.ments[k].te <= cue.ts && self.ok[k]);
            if after_comma
                && s.words_between(from, m.ts) > 0
                && (fronted || self.starts_clause(&self.list_of(mi)))
            {
                return None;
            }
            // P-POSS: "strikes on Moscow's ally Iran": the possessor qualifies the object
            // named after it, which is the target.
            if let Some(owned) = self
                .possessed(mi)
                .filter(|&o| !exclude.contains(&self.actor(o)))
            {
                return Some(Target::One(owned));
            }
            return Some(Target::One(mi));
        }
        None
    }

    /// P-REDUCED: the cue is a past participle right after a common noun and before a
    /// preposition ("a firm accused of", "the drones supplied by", "officials based in").
    fn reduced_relative(&self, cue: &CueAt) -> bool {
        let s = self.s;
        let Some(prev) = cue.ts.checked_sub(1) else {
            return false;
        };
        let w = self.norm(prev);
        s.toks[prev].word
            && self.norm(cue.ts).ends_with("ed")
            && matches!(
                self.norm(cue.te),
                "of" | "by" | "with" | "in" | "to" | "from"
            )
            && !s.ments.iter().any(|m| m.te == cue.ts)
            && !self.lex.words.auxiliaries.contains(w)
            && !self.lex.words.determiners.contains(w)
            && !PRONOUNS.contains(&w)
            && !w.ends_with("ly")
            && !matches!(
                w,
                "which"
                    | "who"
                    | "that"
                    | "and"
                    | "or"
                    | "but"
                    | "also"
                    | "then"
                    | "not"
                    | "never"
                    | "twice"
                    | "once"
                    | "again"
                    | "had"
                    | "has"
                    | "have"
            )
    }

    /// P-POSS: the actor a possessive mention qualifies, named within three words after its
    /// "'s" with no punctuation between ("Moscow's ally Iran", "Russia's close partner Iran").
    fn possessed(&self, mi: usize) -> Option<usize> {
        let s = self.s;
        let te = s.ments[mi].te;
        if self.norm(te) != "'s" {
            return None;
        }
        let next = (0..s.ments.len()).find(|&k| s.ments[k].ts > te && self.ok[k])?;
        let gap = range(&s.toks, te + 1, s.ments[next].ts);
        (gap.len() <= 3 && !gap.is_empty() && gap.iter().all(|t| t.word)).then_some(next)
    }

    /// True when nothing after the cue could be its object: end, punctuation, a pronoun. A
    /// governing cue's object is the act it absorbed, unless that points back ("ignored
    /// this demand").
    fn object_absent(&self, cue: &CueAt) -> bool {
        let anaphoric = |j: usize| {
            self.s
                .marks
                .iter()
                .any(|m| m.kind == Kind::Anaphoric && m.start == j)
        };
        if cue.reach > cue.te && !self.s.cues.iter().any(|c| c.ts == cue.te) {
            return anaphoric(cue.te);
        }
        let i = cue.reach;
        i >= self.s.toks.len()
            || (self.is_punct(i) && self.norm(i) != "\"")
            || anaphoric(i)
            // "sought to preserve and expand it"
            || (matches!(self.norm(i), "and" | "or") && anaphoric(i + 2))
    }

    /// A form of "be" right before the cue (an adverb may stand between) and a participle:
    /// a passive ("was arrested", "were repeatedly shelled"); not "was to strengthen".
    fn passive(&self, cue: &CueAt) -> bool {
        let be = |j: usize| {
            matches!(
                self.norm(j),
                "was" | "were" | "been" | "being" | "is" | "are" | "be" | "got"
            )
        };
        let w = self.norm(cue.ts);
        let participle = w.ends_with("ed") || w.ends_with("en");
        let Some(p) = cue.ts.checked_sub(1) else {
            return false;
        };
        participle && (be(p) || (self.norm(p).ends_with("ly") && p > 0 && be(p - 1)))
    }

    /// P-BACK: the nearest actor named before the cue, other than the sources: a noun phrase
    /// of its own (not a modifier, not in a prepositional phrase) first, else any.
    fn back(&self, pos: usize, sources: &[usize], mem: &Memory) -> Option<usize> {
        let src: Vec<usize> = sources.iter().map(|&m| self.actor(m)).collect();
        let cands: Vec<usize> = (0..self.s.ments.len())
            .rev()
            .filter(|&m| {
                self.s.ments[m].te <= pos
                    && self.ok[m]
                    && !src.contains(&self.actor(m))
                    && !self.locative(m)
            })
            .collect();
        cands
            .iter()
            .copied()
            .find(|&m| !mem.modifiers.contains(&m) && self.prep_of(m).is_none())
            .or_else(|| cands.first().copied())
    }

    /// P-FRONT: "Unable to intervene ... to save X, Russia ...", "In a letter of condolences
    /// ... to X, the Russian president ...": the cue sits in a fronted phrase with no actor
    /// before it; the source is the subject after the phrase's comma. A fronted prepositional
    /// phrase ("Since the invasion of Ukraine, Iran ...") qualifies only for statements.
    fn front_subject(&self, cue: &CueAt, rule: &Rule, targets: &[usize]) -> Option<usize> {
        let s = self.s;
        if (0..s.ments.len()).any(|m| s.ments[m].te <= cue.ts && self.ok[m]) {
            return None;
        }
        let first = s.toks.iter().position(|t| t.word)?;
        let fw = self.norm(first);
        let w = &self.lex.words;
        // "By providing Moscow with ...": a preposition before a gerund is a phrase too.
        let gerund = self.norm(first + 1).ends_with("ing");
        let opens_with_phrase = gerund
            || !(w.pp_preps.contains(fw)
                || w.determiners.contains(fw)
                || PRONOUNS.contains(&fw)
                || fw == "there");
        if !opens_with_phrase && rule.quad.is_material() {
            return None;
        }
        let after = targets
            .iter()
            .map(|&m| self.s.ments[m].te)
            .max()
            .unwrap_or(cue.reach);
        let comma = (after.max(cue.reach)..s.toks.len()).find(|&j| self.norm(j) == ",")?;
        let tgt: Vec<usize> = targets.iter().map(|&m| self.actor(m)).collect();
        (0..s.ments.len()).find(|&m| {
            s.ments[m].ts > comma
                && self.ok[m]
                && !tgt.contains(&self.actor(m))
                && self.is_head(&self.list_of(m))
        })
    }
}

enum Target {
    One(usize),
    Between(Vec<usize>),
}

fn pairs_among(v: &View, list: &[usize]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for &a in list {
        for &b in list {
            if v.actor(a) != v.actor(b)
                && !out
                    .iter()
                    .any(|&(x, y)| v.actor(x) == v.actor(a) && v.actor(y) == v.actor(b))
            {
                out.push((a, b));
            }
        }
    }
    out
}

/// The parties of cue `ci`.
pub(crate) fn find(v: &View, ci: usize, mem: &Memory, speakers: &[usize]) -> Parties {
    find_inner(v, ci, mem, speakers)
}

fn find_inner(v: &View, ci: usize, mem: &Memory, speakers: &[usize]) -> Parties {
    let s = v.s;
    let cue = &s.cues[ci];
    let rule = &v.lex.rules[cue.rule];
    let symmetric = rule.symmetric || cue.joint;
    let modifier = v.modifier_source(cue);
    let nounish = v.nounish(cue);
    let mut out = Parties::default();
    let mut sources: Vec<usize> = Vec::new();
    let mut targets: Vec<usize> = Vec::new();
    let mut explicit_src = false;
    let mut explicit_tgt = false;
    let mut between: Option<Vec<usize>> = None;
    let actors_of = |l: &[usize]| l.iter().map(|&m| v.actor(m)).collect::<Vec<_>>();

    // P-REDUCED: "an arms firm accused of supplying Russia": a past participle right after a
    // common noun is a passive of that noun with no agent named; it has no source here.
    if !v.nounish(cue) && v.reduced_relative(cue) {
        return out;
    }
    // P-CONTROL: "Iran is likely to look to Russia, at least somewhat, to help it": the one
    // appealed to is asked to act; the act is only wanted.
    let controlled = mem.last_appeal.as_ref().filter(|(_, tgt, end)| {
        cue.ts > *end
            && s.words_between(*end, cue.ts) <= 6
            && s.norm(cue.ts.wrapping_sub(1)) == "to"
            && !tgt.is_empty()
            && !s.ments.iter().any(|m| m.ts >= *end && m.te <= cue.ts)
    });
    if let Some((src, tgt, _)) = controlled {
        out.flag = Some(Flag::Hypothetical);
        out.controlled = true;
        let targets = match v.target_right(ci, cue.reach, rule, false, &actors_of(tgt)) {
            Some(Target::One(t)) => v.list_of(t),
            _ => src.clone(),
        };
        for &a in tgt {
            for &b in &targets {
                if v.actor(a) != v.actor(b) {
                    out.pairs.push((a, b));
                }
            }
        }
        return out;
    }
    // P-FOR: "Zelensky thanked Britain for a new package of military aid", "criticised X for
    // arming Y": the one thanked or blamed did the act named after "for".
    // P-ALLEGED: "accused Iran of supplying Russia": the accused did the act named after
    // "of", as an allegation (hedged), and it is coded as that act.
    let reason = mem.last_object.as_ref().filter(|(_, tgt, end)| {
        // (mem.last_object is kept only for thanks, praise and blame)
        let lo = cue.ts.saturating_sub(6).max(*end);
        let word = s.norm(*end);
        let alleged = word == "of" && mem.last_was_accusation;
        cue.ts > *end
            && !tgt.is_empty()
            && ((lo..cue.ts).any(|j| s.norm(j) == "for") && word == "for"
                || alleged && s.words_between(*end, cue.ts) <= 2)
            && !s.ments.iter().any(|m| m.ts >= *end && m.te <= cue.ts)
    });
    if let Some((src, tgt, end)) = reason {
        if s.norm(*end) == "of" {
            out.flag = Some(Flag::Hedged);
        }
        let ex = actors_of(tgt);
        let targets = match v.target_right(ci, cue.reach, rule, v.nounish(cue), &ex) {
            Some(Target::One(t)) => v.list_of(t),
            // An allegation names its own object or none ("of arming a rival militia").
            _ if s.norm(*end) == "of" => return out,
            _ => src.clone(),
        };
        for &a in tgt {
            for &b in &targets {
                if v.actor(a) != v.actor(b) {
                    out.pairs.push((a, b));
                }
            }
        }
        return out;
    }
    if let Some((frame, flag)) = v.beneficiary(cue).filter(|_| rule.quad.is_cooperation()) {
        // P-BENEF: the subject of the frame receives; the giver is the modifier or "from X".
        out.flag = flag;
        let giver = modifier.or_else(|| v.source_from(cue)).or_else(|| {
            (0..s.ments.len())
                .find(|&m| s.ments[m].ts >= cue.reach && s.ments[m].ts <= cue.reach + 3 && v.ok[m])
        });
        if let Some(g) = giver {
            sources = v.list_of(g);
            explicit_src = true;
        }
        if let Some(t) = v.subject_left(frame, mem, &actors_of(&sources)) {
            targets = v.list_of(t);
            explicit_tgt = true;
            out.subject = targets.clone();
        }
    } else if let Some((agent, after)) = v.by_agent(cue) {
        // P-BY.
        sources = v.list_of(agent);
        explicit_src = true;
        let ex = actors_of(&sources);
        match v.target_right(ci, after, rule, true, &ex) {
            Some(Target::One(t)) => {
                targets = v.list_of(t);
                explicit_tgt = true;
                out.objects = targets.clone();
            }
            Some(Target::Between(l)) => between = Some(l),
            None => {
                if let Some(t) = v.subject_left(cue.ts, mem, &ex) {
                    targets = v.list_of(t);
                } else if let Some(t) = v.front_subject(cue, rule, &sources) {
                    // "Hit by the restrictions imposed by the West, Moscow ...": the subject
                    // after a fronted passive phrase undergoes the act.
                    targets = v.list_of(t);
                }
            }
        }
        out.subject = targets.clone();
    } else if v.passive(cue) && !nounish {
        // P-BY, agentless: "Maduro was arrested".
        if rule.quad.is_conflict() && !mem.last_conflict_sources.is_empty() {
            if let Some(t) = v.subject_left(
                cue.ts,
                mem,
                &mem.last_conflict_sources
                    .iter()
                    .map(|&m| v.actor(m))
                    .collect::<Vec<_>>(),
            ) {
                targets = v.list_of(t);
                sources = mem.last_conflict_sources.clone();
                out.subject = targets.clone();
            }
        }
    } else {
        if let Some(m) = modifier {
            sources = v.list_of(m);
            explicit_src = true;
            if nounish {
                out.modifiers = sources.clone();
            }
        } else if nounish {
            if let Some(m) = v.source_from(cue) {
                sources = v.list_of(m);
                explicit_src = true;
            }
        }
        let ex = actors_of(&sources);
        match v.target_right(ci, cue.reach, rule, nounish, &ex) {
            Some(Target::One(t)) => {
                targets = v.list_of(t);
                explicit_tgt = true;
                // "the missiles Kyiv had requested": Kyiv is also the subject of what follows.
                if !v.starts_clause(&targets) {
                    out.objects = targets.clone();
                }
            }
            Some(Target::Between(l)) => {
                out.objects = l.clone();
                between = Some(l);
            }
            None => {}
        }
        // A material act named after a preposition ("after strikes on Hezbollah") is not the
        // clause subject's act.
        let prev = cue.ts.checked_sub(1).map(|j| s.norm(j)).unwrap_or("");
        let circumstance =
            nounish && rule.quad.is_material() && v.lex.words.circumstance_preps.contains(prev);
        if sources.is_empty() && !(symmetric && between.is_some()) && !circumstance {
            let ex = actors_of(&targets);
            let subject = if nounish {
                v.subject_left_heads(cue.ts, mem, &ex).or_else(|| {
                    // A joint noun takes its list wherever it stands ("the partnership between
                    // Moscow and Tehran does not include a mutual defense clause").
                    v.subject_left(cue.ts, mem, &ex).filter(|&m| {
                        symmetric && v.list_of(m).len() >= 2 && s.same_clause(s.ments[m].ts, cue.ts)
                    })
                })
            } else {
                v.subject_left(cue.ts, mem, &ex)
            };
            if let Some(m) = subject {
                let list = v.list_of(m);
                // P-SUBJ for a noun only with an explicit object, or a joint act of a list.
                if !nounish || explicit_tgt || (symmetric && list.len() >= 2) {
                    sources = list;
                }
            }
        }
    }

    // P-BETWEEN.
    if let Some(list) = between {
        if symmetric {
            out.pairs = pairs_among(v, &list);
            return out;
        }
        targets = list;
        explicit_tgt = true;
    }
    // P-JOINT: "X and Y signed ...", "the partnership between X and Y does not include ...".
    if targets.is_empty() && symmetric && sources.len() >= 2 {
        out.pairs = pairs_among(v, &sources);
        return out;
    }
    let negated = !s
        .cues
        .iter()
        .any(|c| !c.absorbed && c.ts < cue.ts && c.ts > cue.ts.saturating_sub(8))
        && s.marks
            .iter()
            .any(|m| m.kind == Kind::Neg && m.end <= cue.ts && s.words_between(m.end, cue.ts) <= 6);
    if targets.is_empty() && sources.is_empty() && symmetric && nounish && negated {
        // "..., however the agreement does not include a clause for mutual defense": the
        // parties of the act before it.
        out.pairs = mem.last_pairs.clone();
        return out;
    }
    if nounish && !explicit_src && !explicit_tgt && sources.len() < 2 {
        return out;
    }
    // P-SPEAKER.
    if sources.is_empty() {
        if let Some(&sp) = speakers.first() {
            if (0..cue.ts).any(|j| PRONOUNS.contains(&s.norm(j))) {
                sources = vec![sp];
            }
        }
    } // P-PRON: "their aim was to strengthen X", "reduce its need to sell oil to India": a
      // pronoun subject stands for the subject of the act before it, else the actor named last.
    if sources.is_empty() && !targets.is_empty() {
        let clause_start = (0..cue.ts)
            .rev()
            .find(|&j| !s.same_clause(j, cue.ts))
            .map_or(0, |j| j + 1);
        let pronoun = (clause_start..cue.ts).any(|j| PRONOUN_SUBJECTS.contains(&s.norm(j)))
            && !s
                .ments
                .iter()
                .any(|m| m.ts >= clause_start && m.te <= cue.ts);
        if pronoun {
            let tgt = actors_of(&targets);
            let prior: Vec<usize> = mem
                .last_subject
                .iter()
                .copied()
                .filter(|&m| !tgt.contains(&v.actor(m)))
                .collect();
            if !prior.is_empty() {
                sources = prior;
            } else if let Some(m) = (0..s.ments.len()).rev().find(|&m| {
                s.ments[m].te <= cue.ts && v.ok[m] && !tgt.contains(&v.actor(m)) && !v.locative(m)
            }) {
                sources = v.list_of(m);
            }
        }
    }
    // P-FRONT.
    if sources.is_empty() {
        if let Some(m) = v.front_subject(cue, rule, &targets) {
            sources = v.list_of(m);
        }
    }
    // P-BACK.
    let hostile_noun = nounish && explicit_src && rule.quad.is_conflict();
    if targets.is_empty()
        && !sources.is_empty()
        && (hostile_noun || (!nounish && v.object_absent(cue)))
    {
        if let Some(t) = v.back(cue.ts, &sources, mem) {
            targets = v.list_of(t);
        }
    }
    for &a in &sources {
        for &b in &targets {
            if v.actor(a) != v.actor(b) && !out.pairs.contains(&(a, b)) {
                out.pairs.push((a, b));
            }
        }
    }
    out
}

/// P-AGAINST: the actors an act of cooperation is directed against.
pub(crate) fn against(v: &View, ci: usize) -> Vec<usize> {
    let s = v.s;
    let cue = &s.cues[ci];
    let Some(a) = (cue.reach..s.toks.len())
        .take_while(|&j| s.same_clause(cue.ts, j))
        .find(|&j| s.norm(j) == "against")
    else {
        return Vec::new();
    };
    match (0..s.ments.len()).find(|&m| s.ments[m].ts > a && s.ments[m].ts <= a + 3 && v.ok[m]) {
        Some(m) => v.list_of(m),
        None => Vec::new(),
    }
}
