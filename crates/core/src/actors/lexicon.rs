//! The matcher's cue lexicon, read from `data/roles.toml` (role phrases -> role keys)
//! and `data/names.toml` (titles, reporting verbs, organisation words, stop phrases,
//! place cues), both compiled in as JSON by `build.rs`.

use crate::hash::{FastMap, FastSet};

use serde::Deserialize;

use super::fold::fold_str;
use super::tokens::split_words;

#[derive(Debug, Deserialize)]
struct RolesFile {
    role: Vec<RoleDef>,
}

#[derive(Debug, Deserialize)]
struct RoleDef {
    key: String,
    phrases: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct NamesFile {
    titles: Vec<String>,
    former_modifiers: Vec<String>,
    current_modifiers: Vec<String>,
    reporting_verbs: Vec<String>,
    left_cues: Vec<String>,
    known_as: Vec<String>,
    org_words: Vec<String>,
    organ_words: Vec<String>,
    org_joiners: Vec<String>,
    org_connectors: Vec<String>,
    publication_nouns: Vec<String>,
    particles: Vec<String>,
    not_name_words: Vec<String>,
    stop_phrases: Vec<String>,
    place_words: Vec<String>,
    place_prepositions: Vec<String>,
    spatial_prepositions: Vec<String>,
    block_prefixes: Vec<String>,
    block_suffixes: Vec<String>,
    state_longforms: Vec<String>,
}

/// One word of a phrase: a word (lower case), the `{state}` slot (a state mention)
/// or the `{org}` slot (an organisation of the knowledge base).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PhraseTok {
    Word(String),
    State,
    Org,
}

/// What a phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PhraseKind {
    /// A role from roles.toml (index into `Lexicon::roles`).
    Role(usize),
    /// A title or description word from names.toml ("expert", "counterpart").
    Title,
}

/// A phrase matched word by word, ignoring case.
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    pub toks: Vec<PhraseTok>,
    pub kind: PhraseKind,
}

/// A role key (as in people.toml).
#[derive(Debug, Clone)]
pub(crate) struct Role {
    pub key: String,
}

/// Word sequences (lower case), looked up by their first word.
#[derive(Debug, Clone, Default)]
pub(crate) struct PhraseSet {
    pub phrases: Vec<Vec<String>>,
    by_first: FastMap<String, Vec<usize>>,
}

impl PhraseSet {
    fn new(list: &[String]) -> Self {
        let mut set = PhraseSet::default();
        for p in list {
            let words: Vec<String> = split_words(&fold_str(p))
                .into_iter()
                .map(|w| w.to_lowercase())
                .collect();
            if let Some(first) = words.first() {
                set.by_first
                    .entry(first.clone())
                    .or_default()
                    .push(set.phrases.len());
                set.phrases.push(words);
            }
        }
        set
    }
    /// Phrases whose first word is `w` (lower case).
    pub fn starting_with(&self, w: &str) -> &[usize] {
        self.by_first.get(w).map_or(&[], Vec::as_slice)
    }
}

fn lower_set(list: &[String]) -> FastSet<String> {
    list.iter().map(|s| fold_str(s).to_lowercase()).collect()
}

fn exact_set(list: &[String]) -> FastSet<String> {
    list.iter().map(|s| fold_str(s)).collect()
}

/// Everything the matcher knows about words around names.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    pub roles: Vec<Role>,
    /// Role phrases and titles.
    pub phrases: Vec<Phrase>,
    phrase_by_first: FastMap<String, Vec<usize>>,
    pub former_mods: FastSet<String>,
    pub current_mods: FastSet<String>,
    pub reporting: FastSet<String>,
    pub left_cues: PhraseSet,
    pub known_as: PhraseSet,
    /// Case as written ("Ministry").
    pub org_words: FastSet<String>,
    /// ORGAN: words naming an organ of a state (lower case).
    pub organ_words: FastSet<String>,
    /// Words joining parts of a name anywhere ("and").
    pub org_joiners: FastSet<String>,
    /// Words joining parts of an organisation's name after an organisation word ("of").
    pub org_connectors: FastSet<String>,
    pub publication_nouns: PhraseSet,
    pub particles: FastSet<String>,
    /// Case as written ("The").
    pub not_name: FastSet<String>,
    /// Folded, case as written.
    pub stop_phrases: Vec<String>,
    pub place_words: FastSet<String>,
    pub place_preps: FastSet<String>,
    pub spatial_preps: FastSet<String>,
    pub block_prefixes: FastSet<String>,
    pub block_suffixes: FastSet<String>,
    pub longforms: PhraseSet,
}

/// A lexicon file that does not parse.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LexiconError(pub String);

impl Lexicon {
    /// The lexicon compiled in from `data/roles.toml` and `data/names.toml`.
    pub fn builtin() -> Result<Self, LexiconError> {
        Self::from_json(
            include_str!(concat!(env!("OUT_DIR"), "/roles.json")),
            include_str!(concat!(env!("OUT_DIR"), "/names.json")),
        )
    }

    /// A lexicon from the JSON forms of roles.toml and names.toml.
    pub fn from_json(roles_json: &str, names_json: &str) -> Result<Self, LexiconError> {
        let roles: RolesFile = serde_json::from_str(roles_json)
            .map_err(|e| LexiconError(format!("roles.toml: {e}")))?;
        let names: NamesFile = serde_json::from_str(names_json)
            .map_err(|e| LexiconError(format!("names.toml: {e}")))?;
        let mut lex = Lexicon {
            roles: Vec::new(),
            phrases: Vec::new(),
            phrase_by_first: FastMap::default(),
            former_mods: lower_set(&names.former_modifiers),
            current_mods: lower_set(&names.current_modifiers),
            reporting: lower_set(&names.reporting_verbs),
            left_cues: PhraseSet::new(&names.left_cues),
            known_as: PhraseSet::new(&names.known_as),
            org_words: exact_set(&names.org_words),
            organ_words: lower_set(&names.organ_words),
            org_joiners: lower_set(&names.org_joiners),
            org_connectors: lower_set(&names.org_connectors),
            publication_nouns: PhraseSet::new(&names.publication_nouns),
            particles: lower_set(&names.particles),
            not_name: exact_set(&names.not_name_words),
            stop_phrases: names.stop_phrases.iter().map(|s| fold_str(s)).collect(),
            place_words: lower_set(&names.place_words),
            place_preps: lower_set(&names.place_prepositions),
            spatial_preps: lower_set(&names.spatial_prepositions),
            block_prefixes: lower_set(&names.block_prefixes),
            block_suffixes: lower_set(&names.block_suffixes),
            longforms: PhraseSet::new(&names.state_longforms),
        };
        for (ri, r) in roles.role.iter().enumerate() {
            lex.roles.push(Role { key: r.key.clone() });
            for p in &r.phrases {
                lex.add_phrase(p, PhraseKind::Role(ri));
            }
        }
        for t in &names.titles {
            lex.add_phrase(t, PhraseKind::Title);
        }
        Ok(lex)
    }

    fn add_phrase(&mut self, text: &str, kind: PhraseKind) {
        let folded = fold_str(text)
            .replace("{state}", " {state} ")
            .replace("{org}", " {org} ");
        let mut toks = Vec::new();
        for part in folded.split(' ').filter(|p| !p.is_empty()) {
            if part == "{state}" {
                toks.push(PhraseTok::State);
            } else if part == "{org}" {
                toks.push(PhraseTok::Org);
            } else {
                toks.extend(
                    split_words(part)
                        .into_iter()
                        .map(|w| PhraseTok::Word(w.to_lowercase())),
                );
            }
        }
        // A phrase must start with a word so it can be found by its first word.
        let Some(PhraseTok::Word(first)) = toks.first().cloned() else {
            return;
        };
        self.phrase_by_first
            .entry(first)
            .or_default()
            .push(self.phrases.len());
        self.phrases.push(Phrase { toks, kind });
    }

    /// Role phrases and titles whose first word is `w` (lower case).
    pub fn phrases_starting_with(&self, w: &str) -> &[usize] {
        self.phrase_by_first.get(w).map_or(&[], Vec::as_slice)
    }
}
