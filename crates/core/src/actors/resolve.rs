//! The rules that turn alias hits and the words around them into mentions, one
//! sentence at a time, with what the document has said so far (who was last named,
//! which unknown names were introduced). Rule ids are listed in `actors.rs`.

use crate::hash::{FastMap, FastSet};

use super::lexicon::{PhraseKind, PhraseTok};
use super::scan::{Entity, SentScan};
use super::ActorMatcher;
use crate::kb::RoleEntry;
use crate::model::ActorKind;

/// Who a mention is of: an entry of the knowledge base, or a name found by cues
/// (index into [`DocState::unknowns`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum ActorKey {
    Known(Entity),
    Unknown(usize),
}

/// One mention found: folded byte range in its sentence's scan, actor, rule id.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub sentence: usize,
    pub fs: usize,
    pub fe: usize,
    pub key: ActorKey,
    pub rule: &'static str,
}

/// An actor not in the knowledge base, found by name cues.
#[derive(Debug, Clone)]
pub(crate) struct Unknown {
    pub slug: String,
    pub name: String,
    pub kind: ActorKind,
    /// State index.
    pub country: Option<usize>,
}

/// What the document has said so far.
#[derive(Debug, Default)]
pub(crate) struct DocState {
    pub unknowns: Vec<Unknown>,
    by_slug: FastMap<String, usize>,
    /// Last name token of unknown people (folded, as written) -> unknown index.
    unknown_surnames: FastMap<String, usize>,
    /// Initials of unknown organisations ("RSF" for "Rapid Support Forces") -> unknown index.
    org_initials: FastMap<String, usize>,
    /// Person index -> order of its latest mention.
    last_seen: FastMap<usize, usize>,
    seq: usize,
    /// People named in full anywhere in the document (rule SURNAME-LATER).
    pub named_in_doc: FastSet<usize>,
    /// The article's date, `YYYY-MM-DD`.
    pub date: Option<String>,
}

impl DocState {
    /// A fresh state for a document of this date (`YYYY-MM-DD`, already checked).
    pub fn new(date: Option<String>) -> Self {
        DocState {
            date,
            ..DocState::default()
        }
    }

    fn seen(&mut self, p: usize) {
        self.seq += 1;
        self.last_seen.insert(p, self.seq);
    }
}

/// A role phrase or title found in the sentence.
#[derive(Debug, Clone, Copy)]
struct Occ {
    ts: usize,
    te: usize,
    kind: PhraseKind,
    /// The hit filling a `{state}` slot (a state) or an `{org}` slot (an organisation).
    slot: Option<usize>,
}

/// One piece of the words before a name (rule PREMOD).
#[derive(Debug, Clone, Copy)]
enum Elem {
    Occ(usize),
    /// A state (or organisation) hit; `poss` for "Iran's".
    State {
        hit: usize,
        poss: bool,
    },
    Mod {
        former: bool,
    },
}

/// A sentence being resolved.
struct Sent<'a> {
    idx: usize,
    sc: &'a SentScan,
    hit_start: Vec<Option<usize>>,
    hit_end: Vec<Option<usize>>,
    in_hit: Vec<Option<usize>>,
    occs: Vec<Occ>,
    occ_end: Vec<Option<usize>>,
    in_occ: Vec<Option<usize>>,
    used: Vec<bool>,
    out: Vec<Found>,
    /// Every token in lower case, end to end; token `i` is `lowered[lower_ends[i - 1]..lower_ends[i]]`.
    lowered: String,
    lower_ends: Vec<usize>,
}

impl Sent<'_> {
    fn n(&self) -> usize {
        self.sc.toks.len()
    }
    /// Token `i` in lower case (empty when out of range).
    fn lower(&self, i: usize) -> &str {
        let Some(&end) = self.lower_ends.get(i) else {
            return "";
        };
        let start = i.checked_sub(1).map_or(0, |j| self.lower_ends[j]);
        &self.lowered[start..end]
    }
    fn hit_free(&self, h: usize) -> bool {
        let hit = &self.sc.hits[h];
        (hit.ts..hit.te).all(|t| !self.used[t])
    }
    fn occ_free(&self, o: usize) -> bool {
        let occ = &self.occs[o];
        (occ.ts..occ.te).all(|t| !self.used[t])
    }
    fn mark(&mut self, ts: usize, te: usize) {
        for u in self.used.iter_mut().take(te).skip(ts) {
            *u = true;
        }
    }
    fn emit(&mut self, ts: usize, te: usize, key: ActorKey, rule: &'static str) {
        if ts >= te || te > self.n() {
            return;
        }
        self.mark(ts, te);
        self.out.push(Found {
            sentence: self.idx,
            fs: self.sc.toks[ts].s,
            fe: self.sc.toks[te - 1].e,
            key,
            rule,
        });
    }
    /// A free state hit ending at token `p`.
    fn state_hit_ending(&self, p: usize) -> Option<usize> {
        let h = (*self.hit_end.get(p)?)?;
        (self.hit_free(h) && self.sc.hits[h].state().is_some()).then_some(h)
    }
}

/// A capitalised run of words that may be a name not in the knowledge base.
#[derive(Debug, Clone, Copy)]
struct Run {
    ts: usize,
    te: usize,
    caps: usize,
    org: bool,
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as a comparable `YYYY-MM-DD` (first or last day).
pub(crate) fn date_key(s: &str, end: bool) -> Option<String> {
    let parts: Vec<&str> = s.trim().split('-').collect();
    let num = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] if num(y, 4) => Some(format!("{y}-{}", if end { "12-31" } else { "01-01" })),
        [y, m] if num(y, 4) && num(m, 2) => {
            Some(format!("{y}-{m}-{}", if end { "31" } else { "01" }))
        }
        [y, m, d] if num(y, 4) && num(m, 2) && num(d, 2) => Some(format!("{y}-{m}-{d}")),
        _ => None,
    }
}

/// True when `r` is held at `date` (or, with no date, still held).
pub(crate) fn role_active(r: &RoleEntry, date: Option<&str>) -> bool {
    match date {
        None => r.to.is_none(),
        Some(d) => {
            let from_ok = r
                .from
                .as_deref()
                .and_then(|f| date_key(f, false))
                .is_none_or(|f| f.as_str() <= d);
            let to_ok =
                r.to.as_deref()
                    .map(|t| date_key(t, true))
                    .is_none_or(|t| t.is_none_or(|t| d <= t.as_str()));
            from_ok && to_ok
        }
    }
}

/// True when `r` had ended by `date` (or, with no date, has ended).
pub(crate) fn role_ended(r: &RoleEntry, date: Option<&str>) -> bool {
    match (date, r.to.as_deref().and_then(|t| date_key(t, true))) {
        (_, None) => false,
        (None, Some(_)) => true,
        (Some(d), Some(t)) => t.as_str() < d,
    }
}

/// True when `a` and `b` both have at least `n` characters and share the first `n`
/// ("sergei" and "sergey"); compares characters, never slices bytes.
fn same_start(a: &str, b: &str, n: usize) -> bool {
    a.chars().count() >= n && b.chars().count() >= n && a.chars().take(n).eq(b.chars().take(n))
}

/// A slug for a name: lower-case ASCII words joined by `_`.
pub(crate) fn slug(name: &str) -> String {
    let folded = super::fold::fold_str(name);
    let mut out = String::new();
    for w in super::tokens::split_words(&folded) {
        if w.chars().all(char::is_alphanumeric) {
            if !out.is_empty() {
                out.push('_');
            }
            out.push_str(&w.to_lowercase());
        }
    }
    out
}

impl ActorMatcher {
    /// Resolves one scanned sentence; mentions go to the returned list.
    pub(crate) fn resolve_sentence(
        &self,
        idx: usize,
        sc: &SentScan,
        body: &str,
        st: &mut DocState,
    ) -> Vec<Found> {
        let n = sc.toks.len();
        let mut s = Sent {
            idx,
            sc,
            hit_start: vec![None; n + 1],
            hit_end: vec![None; n + 1],
            in_hit: vec![None; n + 1],
            occs: Vec::new(),
            occ_end: vec![None; n + 1],
            in_occ: vec![None; n + 1],
            used: vec![false; n + 1],
            out: Vec::new(),
            lowered: String::with_capacity(sc.folded.text.len()),
            lower_ends: Vec::with_capacity(n),
        };
        for i in 0..n {
            let t = sc.tok(i);
            if t.is_ascii() {
                let at = s.lowered.len();
                s.lowered.push_str(t);
                s.lowered[at..].make_ascii_lowercase();
            } else {
                s.lowered.push_str(&t.to_lowercase());
            }
            s.lower_ends.push(s.lowered.len());
        }
        for (h, hit) in sc.hits.iter().enumerate() {
            s.hit_start[hit.ts] = Some(h);
            s.hit_end[hit.te] = Some(h);
            for t in hit.ts..hit.te {
                s.in_hit[t] = Some(h);
            }
        }
        // STOP: stop phrases are matched only to be ignored.
        for hit in &sc.hits {
            if hit.is_stop() {
                s.mark(hit.ts, hit.te);
            }
        }
        self.find_occurrences(&mut s);
        let runs = self.name_runs(&s);
        self.org_runs(&mut s, &runs, body, st);
        self.people(&mut s, &runs, body, st);
        self.role_definites(&mut s, st);
        self.acronyms(&mut s, body, st);
        self.organizations(&mut s);
        self.states(&mut s);
        let mut out = s.out;
        crate::sort::sort_by_key(&mut out, |f| f.fs);
        out
    }

    /// Role phrases and titles in the sentence, leftmost-longest, ignoring case.
    fn find_occurrences(&self, s: &mut Sent) {
        let n = s.n();
        let mut i = 0;
        while i < n {
            if !s.sc.toks[i].word || s.used[i] {
                i += 1;
                continue;
            }
            let w = s.lower(i);
            let mut best: Option<Occ> = None;
            for &pi in self.lex.phrases_starting_with(w) {
                if let Some(o) = self.match_phrase(s, i, pi) {
                    if best.is_none_or(|b| o.te > b.te) {
                        best = Some(o);
                    }
                }
            }
            match best {
                Some(o) => {
                    let k = s.occs.len();
                    s.occ_end[o.te] = Some(k);
                    for t in o.ts..o.te {
                        s.in_occ[t] = Some(k);
                    }
                    s.occs.push(o);
                    i = o.te;
                }
                None => i += 1,
            }
        }
    }

    fn match_phrase(&self, s: &Sent, i: usize, pi: usize) -> Option<Occ> {
        let ph = &self.lex.phrases[pi];
        let mut j = i;
        let mut slot = None;
        for pt in &ph.toks {
            match pt {
                PhraseTok::Word(w) => {
                    if j >= s.n() || !s.sc.tok(j).eq_ignore_ascii_case(w) {
                        return None;
                    }
                    j += 1;
                }
                PhraseTok::State | PhraseTok::Org => {
                    let h = (*s.hit_start.get(j)?)?;
                    let hit = &s.sc.hits[h];
                    let kind_ok = match pt {
                        PhraseTok::State => hit.state().is_some(),
                        _ => hit.org().is_some() && hit.state().is_none(),
                    };
                    if !kind_ok || !s.hit_free(h) {
                        return None;
                    }
                    slot = Some(h);
                    j = hit.te;
                }
            }
        }
        // Words of the phrase may cover whole organisation hits ("Security Council"),
        // never part of a hit or a state.
        for t in i..j {
            if let Some(h) = s.in_hit[t] {
                let hit = &s.sc.hits[h];
                if Some(h) == slot {
                    continue;
                }
                if hit.org().is_none() || hit.ts < i || hit.te > j || hit.state().is_some() {
                    return None;
                }
            }
        }
        Some(Occ {
            ts: i,
            te: j,
            kind: ph.kind,
            slot,
        })
    }

    /// A word that may be part of a name not in the knowledge base. The "The" of a
    /// title that keeps it ("The Guardian", MENTION-THE) belongs to that title, so a run
    /// before it stops there ("Flash News The Guardian": no "News The").
    fn name_word(&self, s: &Sent, i: usize) -> bool {
        let title_the = s
            .hit_start
            .get(i + 1)
            .copied()
            .flatten()
            .is_some_and(|h| s.sc.hits[h].keeps_the() && s.sc.hits[h].the_tok == Some(i));
        i < s.n()
            && s.sc.is_cap(i)
            && s.in_hit[i].is_none()
            && s.in_occ[i].is_none()
            && !s.used[i]
            && !title_the
    }

    /// NAME-HYPHEN: token `j` is a hyphen written with no space between the word before it
    /// and a lower-case syllable of one to five letters after it that is no function word.
    fn hyphen_syllable(&self, s: &Sent, j: usize) -> bool {
        const FUNCTION_WORDS: [&str; 24] = [
            "the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "as", "by", "for",
            "from", "with", "who", "that", "this", "it", "its", "his", "her", "their",
        ];
        let toks = &s.sc.toks;
        let (Some(before), Some(dash), Some(after)) =
            (toks.get(j - 1), toks.get(j), toks.get(j + 1))
        else {
            return false;
        };
        let syllable = s.sc.tok(j + 1);
        s.sc.tok(j) == "-"
            && before.e == dash.s
            && dash.e == after.s
            && after.word
            && (1..=5).contains(&syllable.len())
            && syllable.bytes().all(|b| b.is_ascii_lowercase())
            && !FUNCTION_WORDS.contains(&syllable)
    }

    /// NAME-CUE, NAME-ORG: capitalised runs of words outside hits and titles.
    /// Particles and hyphens join parts of a name ("al-Assad", "von der Leyen");
    /// "and" joins parts of an organisation's name ("Peace and Security Council");
    /// "of", "for", ... do so only after an organisation word ("Institute for the
    /// Study of War"). A run without an organisation word ends before its first "and".
    fn name_runs(&self, s: &Sent) -> Vec<Run> {
        let n = s.n();
        let mut runs = Vec::new();
        let mut i = 0;
        while i < n {
            if !self.name_word(s, i) || self.lex.not_name.contains(s.sc.tok(i)) {
                i += 1;
                continue;
            }
            let mut j = i;
            let mut caps = 0;
            let mut org = false;
            let mut end = i;
            // End and word count before the first "and", for a run that is not an organisation.
            let mut before_joiner: Option<(usize, usize)> = None;
            loop {
                if self.name_word(s, j) && (org || !self.lex.not_name.contains(s.sc.tok(j))) {
                    caps += 1;
                    org |= self.lex.org_words.contains(s.sc.tok(j));
                    j += 1;
                    end = j;
                    continue;
                }
                // NAME-HYPHEN: "Lai Ching-te", "Kim Jong-un": a short lower-case syllable
                // hyphenated, with no space, to the last name word ends the name.
                if j > i && j + 1 < n && self.hyphen_syllable(s, j) {
                    j += 2;
                    end = j;
                    break;
                }
                if j < n && j > i {
                    let joins = |w: &str| {
                        w == "-"
                            || self.lex.particles.contains(w)
                            || self.lex.org_joiners.contains(w)
                            || (org && self.lex.org_connectors.contains(w))
                    };
                    let mut k = j;
                    let mut saw_joiner = false;
                    while k < n && k < j + 3 && !self.name_word(s, k) && joins(s.lower(k)) {
                        saw_joiner |= self.lex.org_joiners.contains(s.lower(k));
                        k += 1;
                    }
                    if k > j && self.name_word(s, k) {
                        if saw_joiner && before_joiner.is_none() {
                            before_joiner = Some((end, caps));
                        }
                        j = k;
                        continue;
                    }
                }
                break;
            }
            if let (false, Some((e, c))) = (org, before_joiner) {
                end = e;
                caps = c;
            }
            runs.push(Run {
                ts: i,
                te: end,
                caps,
                org,
            });
            i = end.max(i + 1);
        }
        runs
    }

    /// Registers (or finds) an unknown actor by name.
    fn unknown(
        &self,
        st: &mut DocState,
        name: &str,
        kind: ActorKind,
        country: Option<usize>,
    ) -> ActorKey {
        let slug = slug(name);
        if let Some(&e) = self.by_id.get(&slug) {
            return ActorKey::Known(e);
        }
        if let Some(&u) = st.by_slug.get(&slug) {
            if st.unknowns[u].country.is_none() {
                st.unknowns[u].country = country;
            }
            return ActorKey::Unknown(u);
        }
        let u = st.unknowns.len();
        st.by_slug.insert(slug.clone(), u);
        if kind == ActorKind::Organization {
            let initials: String = name
                .split([' ', '-'])
                .filter_map(|w| w.chars().next())
                .filter(|c| c.is_uppercase())
                .collect();
            if initials.chars().count() >= 2 {
                st.org_initials.entry(initials).or_insert(u);
            }
        }
        st.unknowns.push(Unknown {
            slug,
            name: name.to_string(),
            kind,
            country,
        });
        ActorKey::Unknown(u)
    }

    /// The body text of tokens `[ts, te)`.
    fn text_of<'b>(&self, s: &Sent, body: &'b str, ts: usize, te: usize) -> &'b str {
        if ts >= te || te > s.n() {
            return "";
        }
        s.sc.folded
            .original(s.sc.toks[ts].s, s.sc.toks[te - 1].e)
            .and_then(|(a, b)| body.get(a..b))
            .unwrap_or("")
    }

    /// NAME-ORG: runs with an organisation word are organisations, with a state
    /// adjective, possessive or capital before them as part of the name
    /// ("Russian Foreign Ministry", "Tehran Times").
    fn org_runs(&self, s: &mut Sent, runs: &[Run], body: &str, st: &mut DocState) {
        // A run joined by "and" to a known organisation ending in an organisation
        // word is a longer name of its own ("Peace and Security Council" is not the
        // UN's "Security Council").
        for r in runs.iter().filter(|r| !r.org) {
            let j = r.te;
            if !self.lex.org_joiners.contains(s.lower(j)) {
                continue;
            }
            let Some(h) = s.hit_start.get(j + 1).copied().flatten() else {
                continue;
            };
            let hit = &s.sc.hits[h];
            let ends_org_word = hit.te >= 1 && self.lex.org_words.contains(s.sc.tok(hit.te - 1));
            if hit.org().is_none() || hit.state().is_some() || !ends_org_word || !s.hit_free(h) {
                continue;
            }
            let te = hit.te;
            let name = self.text_of(s, body, r.ts, te).to_string();
            let key = self.unknown(st, &name, ActorKind::Organization, None);
            s.emit(r.ts, te, key, "NAME-ORG");
        }
        for r in runs.iter().filter(|r| r.org) {
            let mut start = r.ts;
            let mut country = None;
            let mut prefix_name = None;
            if let Some(h) = s.state_hit_ending(r.ts) {
                let hit = &s.sc.hits[h];
                if hit.is_adjective() || hit.is_capital_or_seat() {
                    start = hit.ts;
                    country = hit.state();
                }
            } else if r.ts >= 2 && s.sc.tok(r.ts - 1) == "s" && s.sc.tok(r.ts - 2) == "'" {
                if let Some(h) = s.state_hit_ending(r.ts - 2) {
                    start = s.sc.hits[h].ts;
                    country = s.sc.hits[h].state();
                    // "Iran's Foreign Ministry" is named "Iranian Foreign Ministry".
                    prefix_name =
                        country.and_then(|c| self.kb.states[c].adjectives.first().cloned());
                }
            }
            let words = r.caps + usize::from(start < r.ts);
            if words < 2 {
                continue;
            }
            let name = match prefix_name {
                Some(adj) => format!("{adj} {}", self.text_of(s, body, r.ts, r.te)),
                None => self.text_of(s, body, start, r.te).to_string(),
            };
            let key = self.unknown(st, &name, ActorKind::Organization, country);
            s.emit(start, r.te, key, "NAME-ORG");
            // ORG-ACRONYM: "Collective Security Treaty Organization (CSTO)".
            let te = r.te;
            if s.sc.tok(te) == "("
                && s.sc.is_all_caps(te + 1)
                && s.sc.tok(te + 2) == ")"
                && s.in_hit[te + 1].is_none()
            {
                s.emit(te + 1, te + 2, key, "ORG-ACRONYM");
            }
        }
    }

    /// Walks left from token `p` over titles and role phrases, one state and
    /// modifiers (rule PREMOD). Pieces come right to left, with their first token.
    fn walk_left(&self, s: &Sent, mut p: usize) -> Vec<(Elem, usize)> {
        let mut out = Vec::new();
        let mut have_state = false;
        while p > 0 {
            // "Dr." / "Gen." : a title followed by a full stop.
            if s.sc.tok(p - 1) == "." && p >= 2 {
                if let Some(o) = s.occ_end[p - 1].filter(|&o| s.occ_free(o)) {
                    if matches!(s.occs[o].kind, PhraseKind::Title) {
                        out.push((Elem::Occ(o), s.occs[o].ts));
                        p = s.occs[o].ts;
                        continue;
                    }
                }
            }
            if let Some(o) = s.occ_end[p].filter(|&o| s.occ_free(o)) {
                out.push((Elem::Occ(o), s.occs[o].ts));
                p = s.occs[o].ts;
                continue;
            }
            if !have_state {
                if let Some(h) = s.hit_end[p].filter(|&h| s.hit_free(h)) {
                    let hit = &s.sc.hits[h];
                    if hit.state().is_some() {
                        out.push((
                            Elem::State {
                                hit: h,
                                poss: false,
                            },
                            hit.ts,
                        ));
                        p = hit.ts;
                        have_state = true;
                        continue;
                    }
                }
                if p >= 3 && s.sc.tok(p - 1) == "s" && s.sc.tok(p - 2) == "'" {
                    if let Some(h) = s.hit_end[p - 2].filter(|&h| s.hit_free(h)) {
                        let hit = &s.sc.hits[h];
                        if hit.state().is_some() {
                            out.push((Elem::State { hit: h, poss: true }, hit.ts));
                            p = hit.ts;
                            have_state = true;
                            continue;
                        }
                    }
                }
            }
            let w = s.lower(p - 1);
            let former = self.lex.former_mods.contains(w);
            if !s.used[p - 1] && (former || self.lex.current_mods.contains(w)) {
                out.push((Elem::Mod { former }, p - 1));
                p -= 1;
                continue;
            }
            // "ex-president"
            if p >= 2 && w == "-" && self.lex.former_mods.contains(s.lower(p - 2)) {
                out.push((Elem::Mod { former: true }, p - 2));
                p -= 2;
                continue;
            }
            break;
        }
        out
    }

    /// True when the hit `h` (a state or an organisation) fits person `p`: their
    /// nationality, or the state or organisation of one of their roles, or for an
    /// organisation its country. Any state or organisation with a country fits a
    /// person not in the knowledge base (`None`).
    fn fits(&self, s: &Sent, h: usize, person: Option<usize>) -> bool {
        let hit = &s.sc.hits[h];
        let state_id = hit.state().map(|i| self.kb.states[i].id.as_str());
        let org = hit.org().map(|i| &self.kb.organizations[i]);
        match person {
            None => state_id.is_some() || org.is_some_and(|o| o.country.is_some()),
            Some(p) => {
                let ids = &self.person_fits[p];
                let has = |id: &str| ids.iter().any(|x| x == id);
                state_id.is_some_and(has)
                    || org.is_some_and(|o| has(&o.id) || o.country.as_deref().is_some_and(has))
            }
        }
    }

    /// The state a hit stands for: the state itself, or an organisation's country.
    fn hit_state(&self, s: &Sent, h: usize) -> Option<usize> {
        let hit = &s.sc.hits[h];
        hit.state().or_else(|| {
            let o = &self.kb.organizations[hit.org()?];
            match self.by_id.get(o.country.as_deref()?) {
                Some(Entity::State(i)) => Some(*i),
                _ => None,
            }
        })
    }

    /// How many pieces of `elems` (right to left) belong to person `person`
    /// (`None`: a name not in the knowledge base).
    fn accept(&self, s: &Sent, elems: &[(Elem, usize)], person: Option<usize>) -> usize {
        let mut has_occ = false;
        for (k, (e, _)) in elems.iter().enumerate() {
            match *e {
                Elem::Occ(o) => {
                    if let Some(h) = s.occs[o].slot {
                        if !self.fits(s, h, person) {
                            return k;
                        }
                    }
                    has_occ = true;
                }
                Elem::State { hit, poss } => {
                    let form_ok = has_occ || (s.sc.hits[hit].is_adjective() && !poss);
                    if !form_ok || !self.fits(s, hit, person) {
                        return k;
                    }
                }
                Elem::Mod { .. } => {
                    if !has_occ {
                        return k;
                    }
                }
            }
        }
        elems.len()
    }

    /// The state of a chain (a state piece or a slot), as a state index.
    fn chain_state(&self, s: &Sent, elems: &[(Elem, usize)]) -> Option<usize> {
        elems.iter().find_map(|(e, _)| match *e {
            Elem::State { hit, .. } => s.sc.hits[hit].state(),
            Elem::Occ(o) => s.occs[o].slot.and_then(|h| self.hit_state(s, h)),
            Elem::Mod { .. } => None,
        })
    }

    /// The role key named in a chain, and whether it is a former holder.
    fn chain_role(&self, s: &Sent, elems: &[(Elem, usize)]) -> (Option<usize>, bool) {
        let role = elems.iter().find_map(|(e, _)| match *e {
            Elem::Occ(o) => match s.occs[o].kind {
                PhraseKind::Role(r) => Some(r),
                PhraseKind::Title => None,
            },
            _ => None,
        });
        let former = elems
            .iter()
            .any(|(e, _)| matches!(e, Elem::Mod { former: true }));
        (role, former)
    }

    /// Marks the words of accepted chain pieces as used.
    fn consume_chain(&self, s: &mut Sent, elems: &[(Elem, usize)]) {
        for (e, _) in elems {
            match *e {
                Elem::Occ(o) => {
                    // An organisation in an `{org}` slot stays a mention of its own.
                    let occ = s.occs[o];
                    match occ.slot.filter(|&h| s.sc.hits[h].state().is_none()) {
                        Some(h) => {
                            let (a, b) = (s.sc.hits[h].ts, s.sc.hits[h].te);
                            s.mark(occ.ts, a);
                            s.mark(b, occ.te);
                        }
                        None => s.mark(occ.ts, occ.te),
                    }
                }
                Elem::State { hit, .. } => {
                    let (a, b) = (s.sc.hits[hit].ts, s.sc.hits[hit].te);
                    s.mark(a, b);
                }
                Elem::Mod { .. } => {}
            }
        }
    }

    /// Rule ROLE-APPOS: "The head of Russian diplomacy, Sergey Lavrov": the pieces of
    /// a role phrase before a comma before the name.
    fn appositive_before(&self, s: &Sent, ns: usize, person: Option<usize>) -> Vec<(Elem, usize)> {
        if ns < 2 || s.sc.tok(ns - 1) != "," {
            return Vec::new();
        }
        let elems = self.walk_left(s, ns - 1);
        if !matches!(elems.first(), Some((Elem::Occ(_), _))) {
            return Vec::new();
        }
        let k = self.accept(s, &elems, person);
        let elems = &elems[..k];
        let Some(&(_, start)) = elems.last() else {
            return Vec::new();
        };
        let det_ok = start == 0
            || matches!(
                s.lower(start - 1),
                "the" | "a" | "an" | "his" | "her" | "its" | "their" | ":" | "(" | "," | "\""
            );
        if det_ok {
            elems.to_vec()
        } else {
            Vec::new()
        }
    }

    /// Rule ROLE-OF: "Foreign Minister Amina Okafor of Nigeria": the state hit after
    /// "of" right after the name, if it fits.
    fn of_state_after(&self, s: &Sent, ne: usize, person: Option<usize>) -> Option<usize> {
        if !s.sc.is(ne, "of") {
            return None;
        }
        let h = (*s.hit_start.get(ne + 1)?)?;
        (s.hit_free(h) && s.sc.hits[h].state().is_some() && self.fits(s, h, person)).then_some(h)
    }

    /// Rule ROLE-POSTAPPOS: "William Ruto, Kenya's president," after the name:
    /// returns the token range of the appositive and its state hit, if any.
    fn appositive_after(
        &self,
        s: &Sent,
        ne: usize,
        person: Option<usize>,
    ) -> Option<(usize, usize, Option<usize>)> {
        if s.sc.tok(ne) != "," {
            return None;
        }
        let mut j = ne + 1;
        if matches!(s.lower(j), "the" | "a" | "an") {
            j += 1;
        }
        let start = j;
        let mut state = None;
        loop {
            let w = s.lower(j);
            if self.lex.former_mods.contains(w) || self.lex.current_mods.contains(w) {
                j += 1;
                continue;
            }
            if state.is_none() {
                if let Some(h) = s
                    .hit_start
                    .get(j)
                    .copied()
                    .flatten()
                    .filter(|&h| s.hit_free(h))
                {
                    if s.sc.hits[h].state().is_some() {
                        state = Some(h);
                        j = s.sc.hits[h].te;
                        if s.sc.tok(j) == "'" && s.sc.is(j + 1, "s") {
                            j += 2;
                        }
                        continue;
                    }
                }
            }
            break;
        }
        let o = s.in_occ.get(j).copied().flatten()?;
        let occ = s.occs[o];
        if occ.ts != j || !s.occ_free(o) {
            return None;
        }
        let mut end = occ.te;
        if state.is_none() {
            if let Some(h) = self.of_state_after(s, end, person) {
                state = Some(h);
                end = s.sc.hits[h].te;
            }
        }
        if let Some(h) = state.or(occ.slot) {
            if !self.fits(s, h, person) {
                return None;
            }
        }
        // "X, an adviser to the president,", "X, spokesman for the ministry": a role that
        // goes on with its object still names an unknown person (NAME-CUE).
        let goes_on = person.is_none() && matches!(s.lower(end), "to" | "of" | "for" | "at");
        // "adviser to Iran's president": the state named there is the person's.
        if goes_on && state.is_none() {
            let k = if s.lower(end + 1) == "the" {
                end + 2
            } else {
                end + 1
            };
            state = s
                .hit_start
                .get(k)
                .copied()
                .flatten()
                .filter(|&h| s.hit_free(h) && s.sc.hits[h].state().is_some());
        }
        let closes = end >= s.n() || !s.sc.toks[end].word || s.sc.is(end, "and") || goes_on;
        closes.then_some((start, end, state.or(occ.slot)))
    }

    /// People: known full names, surnames, and cued names not in the knowledge base,
    /// with the words before and after them, in text order.
    fn people(&self, s: &mut Sent, runs: &[Run], body: &str, st: &mut DocState) {
        #[derive(Clone, Copy)]
        enum Anchor {
            Full(usize),
            Surname(usize),
            Run(Run),
        }
        let mut anchors: Vec<(usize, Anchor)> = Vec::new();
        for (h, hit) in s.sc.hits.iter().enumerate() {
            if hit.full_person().is_some() {
                anchors.push((hit.ts, Anchor::Full(h)));
            } else if hit.is_surname() {
                anchors.push((hit.ts, Anchor::Surname(h)));
            }
        }
        for r in runs.iter().filter(|r| !r.org) {
            anchors.push((r.ts, Anchor::Run(*r)));
        }
        crate::sort::sort_by_key(&mut anchors, |a| a.0);
        for (_, a) in anchors {
            match a {
                Anchor::Full(h) => {
                    if !s.hit_free(h) {
                        continue;
                    }
                    let hit = &s.sc.hits[h];
                    let (ts, te) = (hit.ts, hit.te);
                    let Some(p) = hit.full_person() else { continue };
                    self.person_at(s, ts, te, Some(p), None, st, "PERSON-NAME");
                }
                Anchor::Surname(h) => {
                    if s.hit_free(h) {
                        self.surname(s, h, body, st);
                    }
                }
                Anchor::Run(r) => {
                    if (r.ts..r.te).any(|t| s.used[t]) {
                        continue;
                    }
                    self.unknown_person(s, r, body, st);
                }
            }
        }
    }

    /// Emits a person mention for the name at `[ns, ne)` with its premodifiers
    /// and appositives. `unknown` names a person not in the knowledge base.
    #[allow(clippy::too_many_arguments)]
    fn person_at(
        &self,
        s: &mut Sent,
        ns: usize,
        ne: usize,
        person: Option<usize>,
        unknown: Option<(&str, Option<usize>)>,
        st: &mut DocState,
        rule: &'static str,
    ) -> bool {
        let elems = self.walk_left(s, ns);
        let k = self.accept(s, &elems, person);
        let chain = elems[..k].to_vec();
        let appos = if chain.is_empty() {
            self.appositive_before(s, ns, person)
        } else {
            Vec::new()
        };
        let has_title = chain.iter().any(|(e, _)| matches!(e, Elem::Occ(_)));
        let of_state = if has_title {
            self.of_state_after(s, ne, person)
        } else {
            None
        };
        let end = of_state.map_or(ne, |h| s.sc.hits[h].te);
        let post = self.appositive_after(s, end, person);
        let mut country = self
            .chain_state(s, &chain)
            .or_else(|| self.chain_state(s, &appos))
            .or(of_state.and_then(|h| s.sc.hits[h].state()))
            .or(post.and_then(|(_, _, h)| h.and_then(|h| self.hit_state(s, h))));
        let key = match (person, unknown) {
            (Some(p), _) => ActorKey::Known(Entity::Person(p)),
            (None, Some((name, c))) => {
                country = country.or(c);
                self.unknown(st, name, ActorKind::Person, country)
            }
            (None, None) => return false,
        };
        let start = chain.last().map_or(ns, |&(_, t)| t);
        let rule = if !appos.is_empty() {
            "ROLE-APPOS"
        } else if chain.iter().any(
            |(e, _)| matches!(e, Elem::Occ(o) if matches!(s.occs[*o].kind, PhraseKind::Role(_))),
        ) {
            if rule == "PERSON-NAME" {
                "ROLE-NAME"
            } else {
                rule
            }
        } else if !chain.is_empty() && rule == "PERSON-NAME" {
            "PREMOD"
        } else {
            rule
        };
        self.consume_chain(s, &chain);
        self.consume_chain(s, &appos);
        if let Some((a, b, h)) = post {
            s.mark(a, b);
            // An organisation in an `{org}` slot stays a mention of its own.
            if let Some(h) = h.filter(|&h| s.sc.hits[h].state().is_none()) {
                let (x, y) = (s.sc.hits[h].ts, s.sc.hits[h].te);
                for u in &mut s.used[x..y] {
                    *u = false;
                }
            }
        }
        s.emit(start, end, key, rule);
        if let ActorKey::Known(Entity::Person(p)) = key {
            st.seen(p);
        }
        // The family name: the last capitalised word, or the first in a name that ends in a
        // hyphenated syllable, written family name first ("Lai Ching-te" is "Lai").
        let east_asian = ne >= ns + 3 && self.hyphen_syllable(s, ne - 2);
        let family = if east_asian {
            (ns..ne).find(|&t| s.sc.is_cap(t))
        } else {
            (ns..ne).rev().find(|&t| s.sc.is_cap(t))
        };
        if let (ActorKey::Unknown(u), Some(last)) = (key, family) {
            st.unknown_surnames.insert(s.sc.tok(last).to_string(), u);
        }
        true
    }

    /// Rules SURNAME, STANDALONE, ROLE-SURNAME, SURNAME-LATER, SURNAME-FIRSTNAME.
    fn surname(&self, s: &mut Sent, h: usize, body: &str, st: &mut DocState) {
        let hit = s.sc.hits[h].clone();
        let mut cands: Vec<usize> = Vec::new();
        let mut standalone: Vec<usize> = Vec::new();
        for t in &hit.targets {
            if let Some(Entity::Person(p)) = t.entity {
                if !cands.contains(&p) {
                    cands.push(p);
                }
                if t.form == super::scan::Form::Standalone && !standalone.contains(&p) {
                    standalone.push(p);
                }
            }
        }
        let mut ns = hit.ts;
        // SURNAME-FIRSTNAME: a first name before the surname is either a spelling
        // variant of a candidate's ("Sergei" for "Sergey") or another person
        // with the same surname ("Mojtaba Khamenei" when only Ali is known).
        if ns > 0 && self.name_word(s, ns - 1) && !self.lex.not_name.contains(s.sc.tok(ns - 1)) {
            let first = s.sc.tok(ns - 1).to_lowercase();
            let variant = cands
                .iter()
                .copied()
                .find(|&p| self.first_names[p].iter().any(|f| same_start(f, &first, 3)));
            match variant {
                Some(p) => {
                    self.person_at(s, ns - 1, hit.te, Some(p), None, st, "SURNAME-FIRSTNAME");
                }
                None => {
                    let name = self.text_of(s, body, ns - 1, hit.te).to_string();
                    self.person_at(
                        s,
                        ns - 1,
                        hit.te,
                        None,
                        Some((&name, None)),
                        st,
                        "SURNAME-FIRSTNAME",
                    );
                }
            }
            return;
        }
        // ROLE-SURNAME: "President Trump".
        let elems = self.walk_left(s, ns);
        let (role, _) = self.chain_role(s, &elems);
        let state = self
            .chain_state(s, &elems)
            .map(|i| self.kb.states[i].id.clone());
        let date = st.date.clone();
        let mut pick: Option<(usize, &'static str)> = None;
        if let Some(ri) = role {
            let key = &self.lex.roles[ri].key;
            let holders: Vec<usize> = cands
                .iter()
                .copied()
                .filter(|&p| {
                    self.kb.people[p]
                        .roles
                        .iter()
                        .any(|r| &r.key == key && state.as_ref().is_none_or(|s| &r.of == s))
                })
                .collect();
            let at_date: Vec<usize> = holders
                .iter()
                .copied()
                .filter(|&p| {
                    self.kb.people[p]
                        .roles
                        .iter()
                        .any(|r| &r.key == key && role_active(r, date.as_deref()))
                })
                .collect();
            if holders.len() == 1 {
                pick = Some((holders[0], "ROLE-SURNAME"));
            } else if at_date.len() == 1 {
                pick = Some((at_date[0], "ROLE-SURNAME"));
            }
        }
        if pick.is_none() {
            pick = cands
                .iter()
                .copied()
                .filter_map(|p| st.last_seen.get(&p).map(|&q| (q, p)))
                .max()
                .map(|(_, p)| (p, "SURNAME"));
        }
        if pick.is_none() && standalone.len() == 1 {
            pick = Some((standalone[0], "STANDALONE"));
        }
        if pick.is_none() {
            let named: Vec<usize> = cands
                .iter()
                .copied()
                .filter(|p| st.named_in_doc.contains(p))
                .collect();
            if named.len() == 1 {
                pick = Some((named[0], "SURNAME-LATER"));
            }
        }
        if let Some((p, rule)) = pick {
            ns = hit.ts;
            self.person_at(s, ns, hit.te, Some(p), None, st, rule);
        }
    }

    /// Rules NAME-CUE and UNKNOWN-SURNAME for a capitalised run without an organisation word.
    fn unknown_person(&self, s: &mut Sent, r: Run, body: &str, st: &mut DocState) {
        // UNKNOWN-SURNAME: a one-word run that is the last name of someone introduced before.
        if r.caps == 1 && r.te == r.ts + 1 {
            if let Some(&u) = st.unknown_surnames.get(s.sc.tok(r.ts)) {
                let name = st.unknowns[u].name.clone();
                let c = st.unknowns[u].country;
                self.person_at(s, r.ts, r.te, None, Some((&name, c)), st, "UNKNOWN-SURNAME");
                return;
            }
        }
        if !(2..=4).contains(&r.caps) {
            return;
        }
        let elems = self.walk_left(s, r.ts);
        let k = self.accept(s, &elems, None);
        let chain = &elems[..k];
        let start = chain.last().map_or(r.ts, |&(_, t)| t);
        let has_title = chain.iter().any(|(e, _)| matches!(e, Elem::Occ(_)));
        let left_cue = self.phrase_ends_at(s, &self.lex.left_cues, start);
        let verb_after = s.sc.toks.get(r.te).is_some_and(|t| t.word)
            && self.lex.reporting.contains(s.lower(r.te));
        let verb_before = start > 0
            && self.lex.reporting.contains(s.lower(start - 1))
            && (r.te >= s.n() || !s.sc.toks[r.te].word);
        let appos_before = !self.appositive_before(s, r.ts, None).is_empty();
        let appos = self.appositive_after(s, r.te, None);
        let appos_after = appos.is_some();
        let appos_state = appos
            .and_then(|(_, _, h)| h)
            .and_then(|h| s.sc.hits[h].state());
        if !(has_title || left_cue || verb_after || verb_before || appos_before || appos_after) {
            return;
        }
        let name = self.text_of(s, body, r.ts, r.te).to_string();
        self.person_at(
            s,
            r.ts,
            r.te,
            None,
            Some((&name, appos_state)),
            st,
            "NAME-CUE",
        );
    }

    /// True when one of `set`'s phrases ends right before token `p`.
    fn phrase_ends_at(&self, s: &Sent, set: &super::lexicon::PhraseSet, p: usize) -> bool {
        set.phrases.iter().any(|ph| {
            ph.len() <= p
                && ph
                    .iter()
                    .enumerate()
                    .all(|(k, w)| s.sc.tok(p - ph.len() + k).eq_ignore_ascii_case(w))
        })
    }

    /// Whoever held role `key` (of `state`, if given) at the date: the holder then,
    /// or with `former`, the most recent holder whose term had ended (ROLE-DEF, ROLE-LATE).
    pub(crate) fn holder(
        &self,
        key: &str,
        state: Option<&str>,
        former: bool,
        date: Option<&str>,
    ) -> Option<usize> {
        let mut cands: Vec<(usize, &RoleEntry)> = Vec::new();
        for (p, person) in self.kb.people.iter().enumerate() {
            for r in &person.roles {
                if r.key != key || state.is_some_and(|s| r.of != s) {
                    continue;
                }
                let ok = if former {
                    role_ended(r, date)
                } else {
                    role_active(r, date)
                };
                if ok {
                    cands.push((p, r));
                }
            }
        }
        let best = if former {
            cands
                .iter()
                .max_by_key(|(_, r)| r.to.as_deref().and_then(|t| date_key(t, true)))
        } else {
            cands
                .iter()
                .max_by_key(|(_, r)| r.from.as_deref().and_then(|f| date_key(f, false)))
        }?;
        // With no state named, all candidates must be of one state.
        if state.is_none() && cands.iter().any(|(_, r)| r.of != best.1.of) {
            return None;
        }
        Some(best.0)
    }

    /// Rules ROLE-DEF and ROLE-LATE: "the Russian president", "the late supreme leader",
    /// "Russia's president", "the president of Russia" with no name: whoever held the role.
    fn role_definites(&self, s: &mut Sent, st: &mut DocState) {
        for o in 0..s.occs.len() {
            let occ = s.occs[o];
            let PhraseKind::Role(ri) = occ.kind else {
                continue;
            };
            if !s.occ_free(o) {
                continue;
            }
            // A capitalised word after the role may be a name we do not know.
            if self.name_word(s, occ.te) && !self.lex.not_name.contains(s.sc.tok(occ.te)) {
                continue;
            }
            let elems = self.walk_left(s, occ.ts);
            let elems: Vec<(Elem, usize)> = elems
                .into_iter()
                .take_while(|(e, _)| match *e {
                    Elem::State { hit, .. } => s.sc.hits[hit].state().is_some(),
                    Elem::Occ(_) => false,
                    Elem::Mod { .. } => true,
                })
                .collect();
            let mut end = occ.te;
            let mut state = self
                .chain_state(s, &elems)
                .or(occ.slot.and_then(|h| self.hit_state(s, h)));
            let mut of_hit = None;
            if s.sc.is(end, "of") {
                let h = s.hit_start.get(end + 1).copied().flatten();
                match h.filter(|&h| s.hit_free(h) && s.sc.hits[h].state().is_some()) {
                    Some(h) if state.is_none() => {
                        state = s.sc.hits[h].state();
                        of_hit = Some(h);
                        end = s.sc.hits[h].te;
                    }
                    _ => continue,
                }
            }
            let start = elems.last().map_or(occ.ts, |&(_, t)| t);
            let poss = elems
                .iter()
                .any(|(e, _)| matches!(e, Elem::State { poss: true, .. }));
            if !(poss || (start > 0 && s.sc.is(start - 1, "the"))) {
                continue;
            }
            let (_, former) = self.chain_role(s, &elems);
            let key = &self.lex.roles[ri].key;
            let state_id = state.map(|i| self.kb.states[i].id.as_str());
            let Some(p) = self.holder(key, state_id, former, st.date.as_deref()) else {
                continue;
            };
            let rule = if former { "ROLE-LATE" } else { "ROLE-DEF" };
            if let Some(h) = of_hit {
                let (a, b) = (s.sc.hits[h].ts, s.sc.hits[h].te);
                s.mark(a, b);
            }
            s.emit(start, end, ActorKey::Known(Entity::Person(p)), rule);
            st.seen(p);
        }
    }

    /// Rule NAME-KNOWNAS ("known as RSII") and acronyms after a reporting verb at the
    /// end of a clause ("reports UNN."): organisations not in the knowledge base.
    fn acronyms(&self, s: &mut Sent, body: &str, st: &mut DocState) {
        for i in 0..s.n() {
            if !s.sc.is_all_caps(i) || s.in_hit[i].is_some() || s.in_occ[i].is_some() || s.used[i] {
                continue;
            }
            // ORG-INITIALS: the initials of an organisation introduced before ("RSF").
            if let Some(&u) = st.org_initials.get(s.sc.tok(i)) {
                s.emit(i, i + 1, ActorKey::Unknown(u), "ORG-INITIALS");
                continue;
            }
            let known_as = self.phrase_ends_at(s, &self.lex.known_as, i);
            let reported = i > 0
                && self.lex.reporting.contains(s.lower(i - 1))
                && (i + 1 >= s.n() || !s.sc.toks[i + 1].word);
            if !(known_as || reported) {
                continue;
            }
            let name = self.text_of(s, body, i, i + 1).to_string();
            let key = self.unknown(st, &name, ActorKind::Organization, None);
            s.emit(
                i,
                i + 1,
                key,
                if known_as { "NAME-KNOWNAS" } else { "NAME-CUE" },
            );
        }
    }

    /// Rules ORG-NAME, ORG-PREMOD: organisations of the knowledge base.
    fn organizations(&self, s: &mut Sent) {
        for h in 0..s.sc.hits.len() {
            let hit = &s.sc.hits[h];
            let Some(oi) = hit.org() else { continue };
            if hit.full_person().is_some() || hit.state().is_some() || !s.hit_free(h) {
                continue;
            }
            let org = &self.kb.organizations[oi];
            let (mut start, end) = (hit.ts, hit.te);
            if hit.keeps_the() {
                if let Some(t) = hit.the_tok {
                    // MENTION-THE: a title's "The" is part of it; when another mention
                    // took it, the title is not there ("Guardian" alone is no alias).
                    if s.used[t] {
                        continue;
                    }
                    start = t;
                }
            }
            // ORG-PREMOD: a nationality adjective before the organisation's name is its
            // nationality ("Lebanese Hezbollah", "the American “Responsible Statecraft”").
            let quoted = start > 0 && s.sc.tok(start - 1) == "\"";
            let before = if quoted { start - 1 } else { start };
            let mut rule = "ORG-NAME";
            if let Some(a) = s.state_hit_ending(before) {
                let adj = &s.sc.hits[a];
                let same = adj
                    .state()
                    .is_some_and(|i| org.country.as_deref() == Some(self.kb.states[i].id.as_str()));
                if adj.is_adjective() && (same || org.source_only) {
                    let (a0, a1) = (adj.ts, adj.te);
                    s.mark(a0, a1);
                    if !quoted {
                        start = a0;
                    }
                    rule = "ORG-PREMOD";
                }
            }
            s.emit(start, end, ActorKey::Known(Entity::Org(oi)), rule);
        }
    }

    /// Rules STATE-NAME, STATE-ADJ, STATE-LONGFORM, SOURCE-ADJ, CAPITAL-STATE, CAPITAL-PLACE.
    fn states(&self, s: &mut Sent) {
        for h in 0..s.sc.hits.len() {
            let hit = &s.sc.hits[h];
            let Some(si) = hit.state() else { continue };
            if !s.hit_free(h) {
                continue;
            }
            let (mut start, end) = (hit.ts, hit.te);
            if hit.is_adjective() && self.names_publication(s, end) {
                // SOURCE-ADJ: the publication's nationality, not the state.
                s.mark(start, end);
                continue;
            }
            let mut rule = if hit.is_adjective() {
                "STATE-ADJ"
            } else {
                "STATE-NAME"
            };
            if hit.is_capital_or_seat() {
                if self.is_place(s, hit.the_tok.unwrap_or(hit.ts), end) {
                    s.mark(start, end);
                    continue;
                }
                rule = "CAPITAL-STATE";
            } else if !hit.is_adjective() {
                // STATE-LONGFORM: "Kingdom of Saudi Arabia".
                for ph in &self.lex.longforms.phrases {
                    if ph.len() <= start
                        && s.sc.is_cap(start - ph.len())
                        && ph
                            .iter()
                            .enumerate()
                            .all(|(k, w)| s.sc.tok(start - ph.len() + k).eq_ignore_ascii_case(w))
                        && (start - ph.len()..start).all(|t| !s.used[t])
                    {
                        start -= ph.len();
                        rule = "STATE-LONGFORM";
                        break;
                    }
                }
            }
            s.emit(start, end, ActorKey::Known(Entity::State(si)), rule);
        }
    }

    /// SOURCE-ADJ: after an adjective, an optional quoted name or publication, then a
    /// publication noun ("American website", "American “Responsible Statement” website").
    fn names_publication(&self, s: &Sent, mut j: usize) -> bool {
        if s.sc.tok(j) == "\"" {
            let close = (j + 1..(j + 12).min(s.n())).find(|&k| s.sc.tok(k) == "\"");
            match close {
                Some(k) => j = k + 1,
                None => return false,
            }
        } else if let Some(h) = s.hit_start.get(j).copied().flatten() {
            if let Some(o) = s.sc.hits[h].org() {
                if self.kb.organizations[o].source_only {
                    j = s.sc.hits[h].te;
                }
            }
        }
        let w = s.lower(j);
        self.lex
            .publication_nouns
            .starting_with(w)
            .iter()
            .any(|&pi| {
                let ph = &self.lex.publication_nouns.phrases[pi];
                ph.iter()
                    .enumerate()
                    .all(|(k, pw)| s.sc.tok(j + k).eq_ignore_ascii_case(pw))
            })
    }

    /// CAPITAL-PLACE: the capital or seat at tokens `[p, end)` is only a place
    /// ("gathered in Moscow", "his exile to Moscow", "near the Kremlin", "In Brasília,").
    fn is_place(&self, s: &Sent, p: usize, end: usize) -> bool {
        if p == 0 {
            return false;
        }
        let prev = s.lower(p - 1);
        // A dateline: "In Brasília, the president ..." opening a sentence or paragraph.
        let opens = p == 1 || matches!(s.sc.tok(p - 2), "." | "\n" | "!" | "?" | "\"");
        if opens && s.sc.tok(p - 1) == "In" && s.sc.tok(end) == "," {
            return true;
        }
        if self.lex.spatial_preps.contains(prev) {
            return true;
        }
        if !self.lex.place_preps.contains(prev) || p < 2 {
            return false;
        }
        let w = s.lower(p - 2);
        if self.lex.place_words.contains(w) {
            return true;
        }
        let adverb =
            w.ends_with("ly") || matches!(w, "yesterday" | "today" | "back" | "home" | "again");
        adverb && p >= 3 && self.lex.place_words.contains(s.lower(p - 3))
    }
}
