//! Actors: finding states, organisations and people (known and unknown) in a body,
//! resolving aliases, adjectives, metonyms and role phrases to canonical actors.
//!
//! One Aho-Corasick automaton over every alias of the knowledge base is built once
//! in [`ActorMatcher::new`]; [`ActorMatcher::find`] folds each sentence, scans it,
//! and applies the rules below to the hits and the words around them. Word lists
//! live in `data/roles.toml` (role phrases) and `data/names.toml` (titles, verbs,
//! organisation words, stop phrases, place cues).
//!
//! # Rules
//!
//! Every mention carries the id of the rule that produced it
//! ([`ActorMatcher::trace`]); the tests name their cases after them.
//!
//! Matching
//! - NORM-FOLD: text is folded before matching (diacritics, curly quotes, dashes,
//!   white space), offsets map back to the body. NORM-HYPHEN: "Russian -Iranian"
//!   (machine-translation spacing) reads "Russian-Iranian".
//! - MATCH-LL: among valid candidates, leftmost then longest wins ("Islamic Republic
//!   of Iran" over "Iran"; "Persian Gulf" over "Persian").
//! - BOUND: a match starts and ends at Unicode word boundaries ("Irani",
//!   "Russianness" do not match). Hyphens and apostrophes are boundaries, so
//!   COMPOUND ("Russia-Iran", "Moscow-Tehran", "American-Israeli") gives both
//!   states and ALIAS-POSS leaves "'s"/"’s" outside the mention ("Russia's" -> "Russia").
//! - CASE: an upper-case letter of an alias needs an upper-case letter in the text
//!   ("russia", "turkey" do not match; "RUSSIA" in a capitalised headline does).
//!   CASE-ACRONYM: all-capital aliases match only in capitals ("US" not "us").
//!   CASE-LOWER: in a text with no capital letter at all, case is ignored except
//!   for acronyms of three letters or fewer. CASE-LONG: state names and people's
//!   full names of two words and ten characters or more match in any case.
//!   CASE-TAIL: organisation names of that length need only their first letter's
//!   case ("Fars news agency"; "security council" is not "Security Council").
//! - MENTION-THE: a leading "the" is never part of a mention ("the Kremlin" ->
//!   "Kremlin"), except a title written "The X" in the knowledge base ("The
//!   Guardian"). THE-REQ: an alias written "the X" matches only after "the" and not
//!   before another capitalised word ("the West", not "the West Bank"); seats
//!   ("the Kremlin") also match without it.
//! - AFFIX-BLOCK: a hyphenated period prefix or comparison suffix blocks a match
//!   ("post-Assad", "post -Ukraine war", "NATO-like", "Moscow-based").
//! - STOP: named places and events containing a state word are no mention
//!   ("Persian Gulf", "Persian New Year", "Iranian Revolution", "Middle East").
//!
//! States and organisations
//! - STATE-NAME: a state's name or alias. STATE-ADJ: its adjective or people form
//!   ("Russian", "Iranians"). STATE-LONGFORM: "Kingdom of Saudi Arabia".
//! - CAPITAL-STATE: a capital or seat stands for the state ("Moscow has proven",
//!   "the regime in Tehran", "Moscow's double game"). CAPITAL-PLACE: unless it is
//!   only a place: after a word of movement, meeting or residence and a locative
//!   preposition ("gathered in Moscow", "his exile to Moscow", "told reporters in
//!   Nairobi"), after a spatial preposition ("near the Kremlin"), or as a dateline
//!   ("In Brasília, ..."). Country names are always the state.
//! - SOURCE-ADJ: a nationality adjective before a publication noun is the
//!   publication's nationality ("The American “Responsible Statement” website").
//! - ORG-NAME: an organisation's name or alias. ORG-PREMOD: a nationality adjective
//!   before an organisation of that country, or before a publication, is part of it.
//!
//! People
//! - PERSON-NAME: a full name. PREMOD: a nationality adjective and title words before
//!   a name are one mention of the person ("Venezuelan Nicolas Maduro", "Russian
//!   dictator Vladimir Putin", "Iranian counterpart Masoud Pezeshkian"), when the
//!   state is the person's nationality or the state of one of their roles.
//!   ROLE-NAME: the same with a role phrase ("Russian President Vladimir Putin",
//!   "former US President Donald Trump"). ROLE-OF: "Foreign Minister X of Nigeria".
//! - ROLE-APPOS: a role phrase, a comma, a name: the name is the mention and the
//!   role phrase is consumed ("The head of Russian diplomacy, Sergey Lavrov").
//!   ROLE-POSTAPPOS: "X, Kenya's president," likewise after the name.
//! - ROLE-DEF: a definite role phrase with no name is whoever held the role at the
//!   article's date ("the Russian president", "Russia's president", "the president
//!   of Russia"); with no date, the holder still in office. ROLE-LATE: with "late",
//!   "former", ... the most recent former holder ("the late supreme leader"). With no
//!   state named, all candidates must be of one state.
//! - SURNAME: a surname alone is the person last mentioned with it in the document
//!   (ambiguous surnames such as "Khamenei" go to the most recent). STANDALONE: forms
//!   that name a person anywhere ("Putin"). SURNAME-LATER: else, the one person with
//!   that surname named in full later in the document (a headline before the text).
//!   Else nobody. ROLE-SURNAME: a role before a surname picks the holder ("President
//!   Trump"). SURNAME-FIRSTNAME: a first name before a known surname is a spelling
//!   variant of a candidate's first name ("Sergei Shoigu") or another person.
//!
//! Names not in the knowledge base (`known` false)
//! - NAME-CUE: a run of two to four capitalised words (particles "al-", "bin", "von"
//!   allowed) is a person when a title or role stands before it ("Russian expert
//!   Ruslan Pukhov"), a verb of saying after it ("... predicts") or before it at the
//!   end of a clause ("reports UNN."), "according to" or "such as" before it, or an
//!   appositive role ("X, a Russian analyst,"). Its country comes from an adjective or
//!   state in those words. UNKNOWN-SURNAME: its last word alone later is the same person.
//! - NAME-ORG: a capitalised run with an organisation word ("Ministry", "Forces",
//!   "Institute", "News", ...) is an organisation, with a state adjective or capital
//!   before it as part of its name ("Russian Foreign Ministry", "Russian Air Force").
//!   "and" may join its words ("Peace and Security Council"); "of", "for", ... only
//!   after an organisation word ("Institute for the Study of War").
//!   ORG-ACRONYM: "(ABC)" right after it is the same organisation. ORG-INITIALS: an
//!   all-capital word that spells its initials later is too ("RSF").
//!   NAME-KNOWNAS: an all-capital word after "known as" is an organisation ("RSII").
//!   Ids are slugs of the name ("ruslan_pukhov").
//!
//! Folding and leaving out
//! - ORGAN: a ministry, embassy or government of a state is that state ("Russia's Foreign
//!   Ministry" is Russia, as "the Kremlin" is); one with no state named is no actor.
//! - ADJ-ONLY: a state named only by its adjective and party to no relation is left out of
//!   the document's actors (done when its relations are known, in the job's last step).
//! - NAME-HYPHEN: "Lai Ching-te": a lower-case syllable hyphenated to a name ends it, and
//!   such a name is written family name first.
//!
//! Output
//! - Only text inside the given sentence spans is read (page furniture is not).
//! - One [`Actor`] per id, mentions in text order, actors in order of first mention;
//!   `text == body[start..end]`, byte offsets into the body.
//! - ROLE-INFO: a person's `role` is the role held at the date (the latest begun);
//!   if none, the most recent role that had ended (its `to` says so).

mod fold;
mod lexicon;
mod resolve;
mod scan;
mod tokens;

#[cfg(test)]
mod tests;

use crate::hash::FastMap;

use crate::kb::KnowledgeBase;
use crate::model::{Actor, ActorKind, Mention, Relation, RoleInfo, Span};
use lexicon::Lexicon;
use resolve::{date_key, role_active, role_ended, ActorKey, DocState, Found};
use scan::{Entity, Scanner};

/// ORGAN: a name with an organ word ("Foreign Ministry", "Embassy").
fn is_organ(lex: &Lexicon, name: &str) -> bool {
    name.split(|c: char| !c.is_alphanumeric())
        .any(|w| lex.organ_words.contains(&w.to_lowercase()))
}

/// The compiled matcher over every alias in the knowledge base.
#[derive(Debug, Clone)]
pub struct ActorMatcher {
    kb: KnowledgeBase,
    lex: Lexicon,
    scanner: Scanner,
    /// Every knowledge-base id.
    by_id: FastMap<String, Entity>,
    /// Per person: their nationality and the states and organisations of their roles.
    person_fits: Vec<Vec<String>>,
    /// Per person: the first words of their full names, lower case.
    first_names: Vec<Vec<String>>,
    /// Per organisation: the state it is an organ of (ORGAN), if any.
    organ_of: Vec<Option<usize>>,
    /// Per state: its adjectives, folded and in lower case (ADJ-ONLY).
    adjectives: Vec<Vec<String>>,
}

/// An actor search under way ([`ActorMatcher::start`]): the body's sentences, those
/// scanned and those resolved so far.
#[derive(Debug)]
pub(crate) struct Search {
    lower_text: bool,
    spans: Vec<Span>,
    /// Bytes in `spans`.
    total: usize,
    scans: Vec<scan::SentScan>,
    st: DocState,
    found: Vec<Found>,
    /// Sentences scanned (their scans are in `scans` until the end), and resolved, in order.
    scanned: usize,
    resolved: usize,
    /// Bytes of sentences scanned plus bytes of sentences resolved.
    bytes_done: usize,
    /// Mentions (of `found`) gathered into `actors` so far, and each actor's place there.
    collected: usize,
    actors: Vec<Actor>,
    index: FastMap<ActorKey, usize>,
}

impl Search {
    /// True when every sentence is scanned and resolved.
    pub fn done(&self) -> bool {
        self.resolved == self.spans.len()
            && self.collected == self.found.len()
            && self.scans.is_empty()
    }

    /// (bytes done, bytes in all), each sentence counted twice: scanned and resolved.
    pub fn progress(&self) -> (usize, usize) {
        (self.bytes_done, 2 * self.total)
    }
}

/// One mention with the id of the rule that found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TracedMention {
    /// The actor id.
    pub id: String,
    /// `body[start..end]`.
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The rule id (see the module documentation).
    pub rule: &'static str,
}

impl ActorMatcher {
    /// Compiles the matcher: one automaton over every alias of `kb`.
    ///
    /// # Panics
    /// Only if the compiled-in lexicon (`data/roles.toml`, `data/names.toml`) is
    /// malformed, which the test suite rules out.
    pub fn new(kb: &KnowledgeBase) -> Self {
        let lex = Lexicon::builtin().expect("built-in lexicon parses (checked by actors tests)");
        let scanner = Scanner::new(kb, &lex);
        let mut by_id = FastMap::default();
        for (i, s) in kb.states.iter().enumerate() {
            by_id.insert(s.id.clone(), Entity::State(i));
        }
        for (i, o) in kb.organizations.iter().enumerate() {
            by_id.insert(o.id.clone(), Entity::Org(i));
        }
        for (i, p) in kb.people.iter().enumerate() {
            by_id.insert(p.id.clone(), Entity::Person(i));
        }
        let person_fits = kb
            .people
            .iter()
            .map(|p| {
                let mut ids = vec![p.country.clone()];
                ids.extend(p.roles.iter().map(|r| r.of.clone()));
                ids
            })
            .collect();
        let first_names = kb
            .people
            .iter()
            .map(|p| {
                std::iter::once(&p.name)
                    .chain(&p.aliases)
                    .filter_map(|n| {
                        let f = fold::fold_str(n);
                        let first = f.split(' ').next()?.to_lowercase();
                        (f.contains(' ')).then_some(first)
                    })
                    .collect()
            })
            .collect();
        let organ_of = kb
            .organizations
            .iter()
            .map(|o| {
                let state = o.country.as_deref().and_then(|c| match by_id.get(c) {
                    Some(&Entity::State(s)) => Some(s),
                    _ => None,
                })?;
                is_organ(&lex, &o.name).then_some(state)
            })
            .collect();
        let adjectives = kb
            .states
            .iter()
            .map(|s| {
                s.adjectives
                    .iter()
                    .map(|a| fold::fold_str(a).to_lowercase())
                    .collect()
            })
            .collect();
        ActorMatcher {
            kb: kb.clone(),
            lex,
            scanner,
            by_id,
            person_fits,
            first_names,
            organ_of,
            adjectives,
        }
    }

    /// ORGAN: a ministry, embassy or government of a state is that state, as the
    /// conventions of event coding fold them ("Russia's Foreign Ministry said" is Russia
    /// speaking); an unknown organisation with a state and an organ word too. An unknown
    /// organ with no state ("the Foreign Ministry" alone) is no actor of its own: `None`.
    fn fold_organ(&self, key: ActorKey, st: &DocState) -> Option<ActorKey> {
        match key {
            ActorKey::Known(Entity::Org(i)) => {
                Some(self.organ_of[i].map_or(key, |s| ActorKey::Known(Entity::State(s))))
            }
            ActorKey::Unknown(u) => {
                let un = &st.unknowns[u];
                if un.kind != ActorKind::Organization || !is_organ(&self.lex, &un.name) {
                    return Some(key);
                }
                un.country.map(|c| ActorKey::Known(Entity::State(c)))
            }
            _ => Some(key),
        }
    }

    /// ADJ-ONLY: a state named only by its adjective ("Ukrainian grain", "Czech officials")
    /// and party to no relation is no actor of the story: it leaves the list. Named once as
    /// a noun, or acting ("Israeli strikes on ..."), it stays.
    pub(crate) fn drop_bare_demonyms(&self, actors: &mut Vec<Actor>, relations: &[Relation]) {
        let parties: crate::hash::FastSet<&str> = relations
            .iter()
            .flat_map(|r| [r.source.as_str(), r.target.as_str()])
            .collect();
        actors.retain(|a| {
            if parties.contains(a.id.as_str()) {
                return true;
            }
            let Some(&Entity::State(s)) = self.by_id.get(&a.id) else {
                return true;
            };
            let adjectives = &self.adjectives[s];
            !a.mentions
                .iter()
                .all(|m| adjectives.contains(&fold::fold_str(&m.text).to_lowercase()))
        });
    }

    pub fn knowledge(&self) -> &KnowledgeBase {
        &self.kb
    }

    /// Every actor in `body`, once each with all its mentions, in order of first mention.
    /// `date` (`YYYY-MM-DD`) picks who held a role ("the Russian president") at the time.
    ///
    /// Only text inside `sentences` is read.
    ///
    /// # Examples
    /// ```
    /// use entente_core::{actors::ActorMatcher, kb::KnowledgeBase, Span};
    /// let m = ActorMatcher::new(&KnowledgeBase::builtin().unwrap());
    /// let body = "Russian President Vladimir Putin called Tehran.";
    /// let actors = m.find(body, &[Span::new(0, body.len())], Some("2026-03-03"));
    /// assert_eq!(actors[0].id, "putin");
    /// assert_eq!(actors[0].mentions[0].text, "Russian President Vladimir Putin");
    /// assert_eq!(actors[1].id, "IRN");
    /// ```
    pub fn find(&self, body: &str, sentences: &[Span], date: Option<&str>) -> Vec<Actor> {
        let mut search = self.start(body, sentences, date);
        self.step(&mut search, body, usize::MAX);
        self.finish(search, body)
    }

    /// Every mention in text order with its actor id and the rule that found it.
    pub fn trace(&self, body: &str, sentences: &[Span], date: Option<&str>) -> Vec<TracedMention> {
        let mut search = self.start(body, sentences, date);
        self.resolve_step(&mut search, body, usize::MAX);
        let Search {
            found, scans, st, ..
        } = search;
        found
            .iter()
            .filter_map(|f| {
                let (start, end) = scans[f.sentence].folded.original(f.fs, f.fe)?;
                Some(TracedMention {
                    id: self.id_of(f.key, &st),
                    text: body.get(start..end)?.to_string(),
                    start,
                    end,
                    rule: f.rule,
                })
            })
            .collect()
    }

    /// A search of `body` to run in steps ([`ActorMatcher::step`]), for an analysis that
    /// must pause (see [`crate::Job`]); [`ActorMatcher::find`] runs one to the end.
    pub(crate) fn start(&self, body: &str, sentences: &[Span], date: Option<&str>) -> Search {
        let lower_text = !body.chars().any(char::is_uppercase);
        // Sentences in order, without overlaps, on char boundaries.
        let mut spans: Vec<Span> = sentences
            .iter()
            .copied()
            .filter(|s| s.start < s.end && body.get(s.start..s.end).is_some())
            .collect();
        crate::sort::sort(&mut spans);
        let mut last_end = 0;
        spans.retain(|s| {
            let keep = s.start >= last_end;
            if keep {
                last_end = s.end;
            }
            keep
        });
        let total = spans.iter().map(|s| s.end - s.start).sum();
        Search {
            lower_text,
            spans,
            total,
            scans: Vec::new(),
            st: DocState::new(date.and_then(|d| date_key(d, false))),
            found: Vec::new(),
            scanned: 0,
            resolved: 0,
            bytes_done: 0,
            collected: 0,
            actors: Vec::new(),
            index: FastMap::default(),
        }
    }

    /// Goes on with `search` over whole sentences until at least `budget` bytes of them are
    /// done, or all are: first every sentence is scanned for names, then (once the people
    /// named in full anywhere are known, for SURNAME-LATER) each is resolved in order.
    /// Returns the bytes done (each sentence counts twice: scanned, then resolved).
    pub(crate) fn step(&self, search: &mut Search, body: &str, budget: usize) -> usize {
        let mut done = self.resolve_step(search, body, budget);
        if search.resolved < search.spans.len() {
            return done;
        }
        // Then the actors are gathered from the mentions, and the sentence scans let go of,
        // a part at a time: on a large text each is a long pause when done at once.
        while done < budget && search.collected < search.found.len() {
            let f = &search.found[search.collected];
            search.collected += 1;
            done += 16;
            let Some((start, end)) = search.scans[f.sentence].folded.original(f.fs, f.fe) else {
                continue;
            };
            let Some(text) = body.get(start..end) else {
                continue;
            };
            done += text.len();
            let Some(key) = self.fold_organ(f.key, &search.st) else {
                continue;
            };
            let i = *search.index.entry(key).or_insert_with(|| {
                search.actors.push(self.actor(key, &search.st));
                search.actors.len() - 1
            });
            search.actors[i].mentions.push(Mention {
                text: text.to_string(),
                start,
                end,
            });
        }
        while done < budget && search.collected == search.found.len() && !search.scans.is_empty() {
            search.scans.pop();
            done += 64;
        }
        done
    }

    /// The scanning and resolving part of [`ActorMatcher::step`].
    fn resolve_step(&self, search: &mut Search, body: &str, budget: usize) -> usize {
        let mut done = 0;
        while done < budget && search.scanned < search.spans.len() {
            let s = search.spans[search.scanned];
            let sc =
                self.scanner
                    .scan(&body[s.start..s.end], s.start, &self.lex, search.lower_text);
            search.scans.push(sc);
            search.scanned += 1;
            search.bytes_done += s.end - s.start;
            done += s.end - s.start;
            if search.scanned == search.spans.len() {
                for sc in &search.scans {
                    search
                        .st
                        .named_in_doc
                        .extend(sc.hits.iter().filter_map(|h| h.full_person()));
                }
            }
        }
        while done < budget
            && search.scanned == search.spans.len()
            && search.resolved < search.spans.len()
        {
            let i = search.resolved;
            let resolved = self.resolve_sentence(i, &search.scans[i], body, &mut search.st);
            search.found.extend(resolved);
            search.resolved += 1;
            search.bytes_done += search.spans[i].end - search.spans[i].start;
            done += search.spans[i].end - search.spans[i].start;
        }
        done
    }

    /// The actors of a finished search, each once with its mentions in text order.
    pub(crate) fn finish(&self, mut search: Search, body: &str) -> Vec<Actor> {
        while !search.done() {
            self.step(&mut search, body, usize::MAX);
        }
        search.actors
    }

    fn id_of(&self, key: ActorKey, st: &DocState) -> String {
        match key {
            ActorKey::Known(Entity::State(i)) => self.kb.states[i].id.clone(),
            ActorKey::Known(Entity::Org(i)) => self.kb.organizations[i].id.clone(),
            ActorKey::Known(Entity::Person(i)) => self.kb.people[i].id.clone(),
            ActorKey::Unknown(u) => st.unknowns[u].slug.clone(),
        }
    }

    fn actor(&self, key: ActorKey, st: &DocState) -> Actor {
        let id = self.id_of(key, st);
        let base = |name: &str, kind, country: Option<String>| Actor {
            id: id.clone(),
            name: name.to_string(),
            kind,
            country,
            mentions: Vec::new(),
            role: None,
            source_only: false,
            known: true,
        };
        match key {
            ActorKey::Known(Entity::State(i)) => {
                let s = &self.kb.states[i];
                base(&s.name, ActorKind::State, Some(s.id.clone()))
            }
            ActorKey::Known(Entity::Org(i)) => {
                let o = &self.kb.organizations[i];
                Actor {
                    source_only: o.source_only,
                    ..base(&o.name, o.kind, o.country.clone())
                }
            }
            ActorKey::Known(Entity::Person(i)) => {
                let p = &self.kb.people[i];
                Actor {
                    role: self.role_info(i, st.date.as_deref()),
                    ..base(&p.name, ActorKind::Person, Some(p.country.clone()))
                }
            }
            ActorKey::Unknown(u) => {
                let un = &st.unknowns[u];
                Actor {
                    known: false,
                    ..base(
                        &un.name,
                        un.kind,
                        un.country.map(|c| self.kb.states[c].id.clone()),
                    )
                }
            }
        }
    }

    /// ROLE-INFO: the role held at `date` (latest begun), else the most recent ended one.
    fn role_info(&self, person: usize, date: Option<&str>) -> Option<RoleInfo> {
        let roles = &self.kb.people[person].roles;
        let active = roles
            .iter()
            .filter(|r| role_active(r, date))
            .max_by_key(|r| r.from.as_deref().and_then(|f| date_key(f, false)));
        let r = active.or_else(|| {
            roles
                .iter()
                .filter(|r| role_ended(r, date))
                .max_by_key(|r| r.to.as_deref().and_then(|t| date_key(t, true)))
        })?;
        Some(RoleInfo {
            title: r.title.clone(),
            of: r.of.clone(),
            from: r.from.clone(),
            to: r.to.clone(),
        })
    }
}
