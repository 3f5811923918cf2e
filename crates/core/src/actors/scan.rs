//! Scanning a sentence for knowledge-base aliases: one Aho-Corasick automaton over
//! every alias and stop phrase (built once), then validation of each candidate
//! (rules BOUND, CASE, THE-REQ, AFFIX-BLOCK) and leftmost-longest selection among
//! the valid ones (rule MATCH-LL).
//!
//! The automaton reports all overlapping matches (`MatchKind::Standard`) rather than
//! selecting with `MatchKind::LeftmostLongest` itself: a longest candidate that fails
//! validation (a case or boundary check) must not hide a shorter valid one at the same
//! place. Selection is still leftmost, then longest, over the valid candidates, and
//! the scan stays linear in the text (a handful of candidates per position).

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::fold::{fold, fold_str, Folded};
use super::lexicon::Lexicon;
use super::tokens::{tokenize, Tok};
use crate::kb::KnowledgeBase;

/// A knowledge-base entry, by index into its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Entity {
    State(usize),
    Org(usize),
    Person(usize),
}

/// Which field of the entry an alias comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// State name or alias, organisation name or alias.
    Name,
    /// State adjective or people form ("Russian", "Russians").
    Adjective,
    /// Capital city ("Moscow").
    Capital,
    /// Seat of government ("the Kremlin").
    Seat,
    /// A person's full name or full-name variant.
    FullName,
    /// A person's surname, resolved by context (rule SURNAME).
    Surname,
    /// A form that names the person anywhere (rule STANDALONE).
    Standalone,
    /// A stop phrase (rule STOP): matched to be ignored.
    Stop,
}

/// How an alias written with a leading "the" treats the determiner (rules MENTION-THE, THE-REQ).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum The {
    /// No determiner in the alias.
    No,
    /// Seats: "the Kremlin" also matches "Kremlin officials".
    Optional,
    /// "the West" matches only after "the".
    Required,
}

/// One meaning of an alias.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Target {
    pub entity: Option<Entity>,
    pub form: Form,
    pub the: The,
    /// The alias is written "The X" (a title such as "The Guardian"): the surface keeps "The".
    pub keep_the: bool,
    /// Rule CASE-LONG: long multi-word state names and full names match in any case.
    pub any_case: bool,
    /// Rule CASE-TAIL: long multi-word organisation names need only their first
    /// letter's case ("Fars news agency").
    pub tail_case: bool,
}

#[derive(Debug, Clone)]
struct Pattern {
    /// The folded alias, case as written, without a leading "the".
    text: String,
    /// Rule CASE-ACRONYM: all letters upper case (at least two).
    acronym: bool,
    targets: Vec<Target>,
}

/// A selected alias match in a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    /// Byte range in the folded sentence.
    pub fs: usize,
    pub fe: usize,
    /// Token range.
    pub ts: usize,
    pub te: usize,
    /// The meanings that passed validation.
    pub targets: Vec<Target>,
    /// Token index of a "the" right before the match, if any.
    pub the_tok: Option<usize>,
}

impl Hit {
    /// True when any meaning is a stop phrase.
    pub fn is_stop(&self) -> bool {
        self.targets.iter().any(|t| t.form == Form::Stop)
    }
    /// The state this hit names, if it names one.
    pub fn state(&self) -> Option<usize> {
        self.targets.iter().find_map(|t| match t.entity {
            Some(Entity::State(i)) => Some(i),
            _ => None,
        })
    }
    /// The organisation this hit names, if it names one.
    pub fn org(&self) -> Option<usize> {
        self.targets.iter().find_map(|t| match t.entity {
            Some(Entity::Org(i)) => Some(i),
            _ => None,
        })
    }
    /// The person whose full name this hit is, if any.
    pub fn full_person(&self) -> Option<usize> {
        self.targets.iter().find_map(|t| match (t.entity, t.form) {
            (Some(Entity::Person(i)), Form::FullName) => Some(i),
            _ => None,
        })
    }
    /// True when the hit is only a surname or standalone form.
    pub fn is_surname(&self) -> bool {
        self.full_person().is_none()
            && self.state().is_none()
            && self.org().is_none()
            && self
                .targets
                .iter()
                .any(|t| matches!(t.form, Form::Surname | Form::Standalone))
    }
    /// True when the state meaning is only an adjective form.
    pub fn is_adjective(&self) -> bool {
        self.targets
            .iter()
            .filter(|t| matches!(t.entity, Some(Entity::State(_))))
            .all(|t| t.form == Form::Adjective)
    }
    /// True when every state meaning is a capital or a seat.
    pub fn is_capital_or_seat(&self) -> bool {
        let mut any = false;
        for t in self
            .targets
            .iter()
            .filter(|t| matches!(t.entity, Some(Entity::State(_))))
        {
            if !matches!(t.form, Form::Capital | Form::Seat) {
                return false;
            }
            any = true;
        }
        any
    }
    /// True when the surface keeps a leading "The" (a title such as "The Guardian").
    pub fn keeps_the(&self) -> bool {
        self.targets.iter().any(|t| t.keep_the)
    }
}

/// A sentence folded, tokenised and scanned.
#[derive(Debug, Clone)]
pub(crate) struct SentScan {
    pub folded: Folded,
    pub toks: Vec<Tok>,
    pub hits: Vec<Hit>,
}

impl SentScan {
    /// The text of token `i` (empty when out of range).
    pub fn tok(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.folded.text.get(t.s..t.e))
            .unwrap_or("")
    }
    /// True when token `i` is the word `w` (lower case), ignoring case.
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.toks.get(i).is_some() && self.tok(i).eq_ignore_ascii_case(w)
    }
    /// True when token `i` is a word starting with an upper-case letter.
    pub fn is_cap(&self, i: usize) -> bool {
        if !self.toks.get(i).is_some_and(|t| t.word) {
            return false;
        }
        match self.tok(i).as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => self.tok(i).chars().next().is_some_and(char::is_uppercase),
        }
    }
    /// True when token `i` is a word of at least two letters, all upper case.
    pub fn is_all_caps(&self, i: usize) -> bool {
        if !self.toks.get(i).is_some_and(|t| t.word) {
            return false;
        }
        let t = self.tok(i);
        if t.is_ascii() {
            let b = t.as_bytes();
            return !b.iter().any(u8::is_ascii_lowercase)
                && b.iter().filter(|c| c.is_ascii_alphabetic()).count() >= 2;
        }
        t.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && t.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
    }
}

/// The compiled alias automaton.
#[derive(Debug, Clone)]
pub(crate) struct Scanner {
    ac: AhoCorasick,
    patterns: Vec<Pattern>,
}

fn is_acronym(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && s.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

impl Scanner {
    /// Builds the automaton over every alias of `kb` and every stop phrase of `lex`.
    pub fn new(kb: &KnowledgeBase, lex: &Lexicon) -> Self {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut add = |alias: &str, entity: Option<Entity>, form: Form, long_ok: bool| {
            let is_org = matches!(entity, Some(Entity::Org(_)));
            let folded = fold_str(alias);
            let (text, the, keep_the) = if let Some(rest) = folded.strip_prefix("the ") {
                let the = if form == Form::Seat {
                    The::Optional
                } else {
                    The::Required
                };
                (rest.to_string(), the, false)
            } else if let Some(rest) = folded.strip_prefix("The ") {
                let the = if form == Form::Seat {
                    The::Optional
                } else {
                    The::Required
                };
                (
                    rest.to_string(),
                    the,
                    matches!(entity, Some(Entity::Org(_))),
                )
            } else {
                (folded, The::No, false)
            };
            if text.is_empty() {
                return;
            }
            let acronym = is_acronym(&text);
            let long = !acronym && text.contains(' ') && text.len() >= 10;
            let target = Target {
                entity,
                form,
                the,
                keep_the,
                any_case: long_ok && long,
                tail_case: is_org && long,
            };
            let pi = *index.entry(text.clone()).or_insert_with(|| {
                patterns.push(Pattern {
                    text,
                    acronym,
                    targets: Vec::new(),
                });
                patterns.len() - 1
            });
            if !patterns[pi].targets.contains(&target) {
                patterns[pi].targets.push(target);
            }
        };
        for s in &lex.stop_phrases {
            add(s, None, Form::Stop, false);
        }
        for (i, s) in kb.states.iter().enumerate() {
            let e = Some(Entity::State(i));
            add(&s.name, e, Form::Name, true);
            for a in &s.aliases {
                add(a, e, Form::Name, true);
            }
            for a in &s.adjectives {
                add(a, e, Form::Adjective, false);
            }
            for a in &s.capitals {
                add(a, e, Form::Capital, false);
            }
            for a in &s.seats {
                add(a, e, Form::Seat, false);
            }
        }
        for (i, o) in kb.organizations.iter().enumerate() {
            let e = Some(Entity::Org(i));
            add(&o.name, e, Form::Name, false);
            for a in &o.aliases {
                add(a, e, Form::Name, false);
            }
        }
        for (i, p) in kb.people.iter().enumerate() {
            let e = Some(Entity::Person(i));
            add(&p.name, e, Form::FullName, true);
            for a in &p.aliases {
                add(a, e, Form::FullName, true);
            }
            if let Some(s) = &p.surname {
                add(s, e, Form::Surname, false);
            }
            for a in &p.standalone {
                add(a, e, Form::Standalone, false);
            }
        }
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(patterns.iter().map(|p| p.text.as_str()))
            .expect("alias automaton builds: patterns are small and non-empty");
        Scanner { ac, patterns }
    }

    /// Folds, tokenises and scans one sentence (`text` starts at `base` in the body).
    pub fn scan(&self, text: &str, base: usize, lex: &Lexicon, lower_text: bool) -> SentScan {
        let folded = fold(text, base);
        let toks = tokenize(&folded.text);
        let mut cands: Vec<(usize, usize, Vec<Target>, Option<usize>)> = Vec::new();
        for m in self.ac.find_overlapping_iter(&folded.text) {
            let pat = &self.patterns[m.pattern().as_usize()];
            let (fs, fe) = (m.start(), m.end());
            if let Some((targets, the_tok)) =
                self.validate(&folded.text, &toks, pat, fs, fe, lex, lower_text)
            {
                cands.push((fs, fe, targets, the_tok));
            }
        }
        // MATCH-LL: leftmost, then longest; equal spans merge their meanings.
        crate::sort::sort_by(&mut cands, |a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut hits: Vec<Hit> = Vec::new();
        let mut last_end = 0;
        for (fs, fe, targets, the_tok) in cands {
            if let Some(h) = hits.last_mut() {
                if h.fs == fs && h.fe == fe {
                    for t in targets {
                        if !h.targets.contains(&t) {
                            h.targets.push(t);
                        }
                    }
                    continue;
                }
            }
            if fs < last_end {
                continue;
            }
            let ts = toks.partition_point(|t| t.e <= fs);
            let te = toks.partition_point(|t| t.s < fe);
            if ts >= te {
                continue;
            }
            last_end = fe;
            hits.push(Hit {
                fs,
                fe,
                ts,
                te,
                targets,
                the_tok,
            });
        }
        SentScan { folded, toks, hits }
    }

    /// Rules BOUND, AFFIX-BLOCK, CASE, THE-REQ: the meanings of `pat` valid at `[fs, fe)`.
    #[allow(clippy::too_many_arguments)]
    fn validate(
        &self,
        text: &str,
        toks: &[Tok],
        pat: &Pattern,
        fs: usize,
        fe: usize,
        lex: &Lexicon,
        lower_text: bool,
    ) -> Option<(Vec<Target>, Option<usize>)> {
        let surface = text.get(fs..fe)?;
        let before = text[..fs].chars().next_back();
        let after = text[fe..].chars().next();
        // BOUND: no match inside a word ("Irani", "Russianness").
        let first_alnum = surface.chars().next().is_some_and(char::is_alphanumeric);
        let last_alnum = surface
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        if first_alnum && before.is_some_and(char::is_alphanumeric) {
            return None;
        }
        if last_alnum && after.is_some_and(char::is_alphanumeric) {
            return None;
        }
        // AFFIX-BLOCK: "post-Assad", "NATO-like".
        if before == Some('-') {
            let head = &text[..fs - 1];
            let w0 = head
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_alphanumeric())
                .last()
                .map_or(head.len(), |(i, _)| i);
            if lex.block_prefixes.contains(&head[w0..].to_lowercase()) {
                return None;
            }
        }
        if after == Some('-') {
            let tail = &text[fe + 1..];
            let w1 = tail
                .char_indices()
                .find(|(_, c)| !c.is_alphanumeric())
                .map_or(tail.len(), |(i, _)| i);
            if lex.block_suffixes.contains(&tail[..w1].to_lowercase()) {
                return None;
            }
        }
        // CASE.
        let case_ok = |any_case: bool, tail_case: bool| -> bool {
            if pat.acronym {
                // CASE-ACRONYM: "US" never matches "us"; in an all-lower-case text
                // only acronyms longer than three letters match.
                return surface == pat.text || (lower_text && pat.text.len() > 3);
            }
            if any_case || lower_text {
                return true;
            }
            if tail_case {
                let first = |x: &str| x.chars().next().map(char::is_uppercase);
                return first(&pat.text) == first(surface);
            }
            // An upper-case letter of the alias needs an upper-case letter in the text.
            pat.text
                .chars()
                .zip(surface.chars())
                .all(|(p, t)| !p.is_uppercase() || t.is_uppercase())
        };
        let ts = toks.partition_point(|t| t.e <= fs);
        let te = toks.partition_point(|t| t.s < fe);
        let the_tok = ts
            .checked_sub(1)
            .filter(|&i| toks[i].word && text[toks[i].s..toks[i].e].eq_ignore_ascii_case("the"));
        let next_is_cap = toks.get(te).is_some_and(|t| {
            t.word
                && text[t.s..t.e]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
        });
        let targets: Vec<Target> = pat
            .targets
            .iter()
            .copied()
            .filter(|t| case_ok(t.any_case, t.tail_case))
            // THE-REQ: "the West" needs its "the" and is not the start of a longer
            // name ("the West Bank").
            .filter(|t| t.the != The::Required || (the_tok.is_some() && !next_is_cap))
            .collect();
        if targets.is_empty() {
            None
        } else {
            Some((targets, the_tok))
        }
    }
}
