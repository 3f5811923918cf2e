//! The cue lexicon (`data/cues.toml`), the scope words (`data/flags.toml`) and the word
//! classes (`data/syntax.toml`), compiled into one phrase matcher over token sequences.

use std::collections::{HashMap, HashSet};

use crate::hash::{FastMap, FastSet};

use serde::Deserialize;

use super::tokens::{normalize_phrase, Token};
use crate::model::{Flag, Quad};

/// A lexicon file that does not parse or does not hold together.
#[derive(Debug, Clone, PartialEq)]
pub struct LexiconError {
    pub file: &'static str,
    pub message: String,
}

impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "lexicon file {}: {}", self.file, self.message)
    }
}

impl std::error::Error for LexiconError {}

// ---------------------------------------------------------------- file schemas

#[derive(Debug, Deserialize)]
struct CuesFile {
    ignore: IgnoreSpec,
    /// Irregular verbs: "lemma past" or "lemma past participle" (LEM2).
    #[serde(default)]
    irregular: Vec<String>,
    rule: Vec<RuleSpec>,
}

#[derive(Debug, Deserialize)]
struct IgnoreSpec {
    phrases: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct RuleSpec {
    id: String,
    event: String,
    /// The CAMEO code; `goldstein` is that code's value, filled in by build.rs.
    cameo: String,
    goldstein: f64,
    #[serde(default)]
    verbs: Vec<String>,
    /// Verb phrases by their lemma: the first word is inflected (LEM1).
    #[serde(default)]
    lemmas: Vec<String>,
    #[serde(default)]
    nouns: Vec<String>,
    #[serde(default)]
    symmetric: bool,
    #[serde(default)]
    target_in: bool,
    #[serde(default)]
    governs: bool,
    #[serde(default)]
    requires_speech: bool,
    #[serde(default)]
    purpose_yields: bool,
    #[serde(default)]
    negates: bool,
    #[serde(default)]
    requires_after: Vec<String>,
    #[serde(default)]
    window: Option<usize>,
    #[serde(default)]
    excludes_after: Vec<String>,
    #[serde(default)]
    upgrade: Option<UpgradeSpec>,
}

#[derive(Debug, Deserialize)]
struct UpgradeSpec {
    to: String,
    words: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct FlagsFile {
    negation: NegationSpec,
    limitation: LimitationSpec,
    hedging: HedgingSpec,
    hypothetical: HypotheticalSpec,
    reporting: ReportingSpec,
}

#[derive(Debug, Deserialize)]
struct NegationSpec {
    window: usize,
    markers: Vec<String>,
    except: Vec<String>,
    blockers: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct LimitationSpec {
    window: usize,
    before: Vec<String>,
    after: Vec<String>,
    except: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct HedgingSpec {
    window: usize,
    markers: Vec<String>,
    speech: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct HypotheticalSpec {
    window: usize,
    conditional: Vec<String>,
    initial: Vec<String>,
    forward: Vec<String>,
    factive: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct ReportingSpec {
    verbs: Vec<String>,
    quote_only: Vec<String>,
    frames: Vec<String>,
    speakers: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct SyntaxFile {
    agent_nouns: Vec<String>,
    auxiliaries: Vec<String>,
    determiners: Vec<String>,
    list_glue: Vec<String>,
    pp_preps: Vec<String>,
    locative_preps: Vec<String>,
    boundaries: Vec<String>,
    ing_exceptions: Vec<String>,
    anaphoric: Vec<String>,
    beneficiary: Vec<BeneficiarySpec>,
    dual_anaphora: Vec<String>,
    org_anaphora: Vec<String>,
    comparison_suffixes: Vec<String>,
    non_state_nouns: Vec<String>,
    circumstance_preps: Vec<String>,
    collective_nouns: Vec<String>,
    relational_nouns: Vec<String>,
    head_verbs: Vec<String>,
    openers: Vec<String>,
    person_anaphora: Vec<String>,
    body_anaphora: Vec<String>,
    not_after_it: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct BeneficiarySpec {
    #[serde(default)]
    flag: Option<Flag>,
    words: Vec<String>,
}

// ---------------------------------------------------------------- compiled forms

/// One rule of the cue lexicon.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// Stable id, e.g. `coop.verbal.condolences`.
    pub id: String,
    /// Event category, e.g. `condolences`.
    pub event: String,
    /// The CAMEO event code, e.g. `018`; `goldstein` is its value and `quad` its class.
    pub cameo: String,
    pub quad: Quad,
    pub goldstein: f64,
    /// A joint act: listed actors act toward each other.
    pub symmetric: bool,
    /// An actor after "in" may be the target.
    pub target_in: bool,
    /// The act after "to" (or right after) is the content of this one.
    pub governs: bool,
    /// Only under a speech frame.
    pub requires_speech: bool,
    /// A cooperative act after "to" replaces it.
    pub purpose_yields: bool,
    /// An act right after it is denied: that act is coded negated, this one not at all.
    pub negates: bool,
    /// Normalised phrases, one of which must follow within `window` words.
    pub requires_after: Vec<String>,
    pub window: usize,
    /// Normalised phrases none of which may follow directly.
    pub excludes_after: Vec<String>,
    /// Index of the rule this one becomes next to one of the phrases.
    pub upgrade: Option<(usize, Vec<String>)>,
    /// Every cue phrase (for tests and docs).
    pub cues: Vec<String>,
}

/// How a cue phrase behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    Verb,
    Noun,
    /// Listed both ways ("support"): a noun after a determiner or a modifier, else a verb.
    Either,
}

/// What a phrase of the matcher is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    /// A cue of `rule`; `rest` are the later parts of a gapped cue ("spoke ... about").
    Cue {
        rule: usize,
        form: Form,
        rest: Vec<String>,
    },
    Ignore,
    Neg,
    NegExcept,
    NegBlock,
    LimBefore,
    LimAfter,
    LimExcept,
    Hedge,
    HedgeSpeech,
    Cond,
    HypoForward,
    Factive,
    Speech,
    SpeechQuoteOnly,
    Frame,
    Speaker,
    Boundary,
    Benef(Option<Flag>),
    Dual,
    Anaphoric,
}

/// A phrase found in a token sequence: tokens `start..end` matched phrase `pat`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub pat: usize,
}

/// Windows, in words.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Windows {
    pub negation: usize,
    pub limitation: usize,
    pub hedging: usize,
    pub hypothetical: usize,
}

/// Single-word classes.
#[derive(Debug, Clone, Default)]
pub(crate) struct Words {
    pub agent_nouns: FastSet<String>,
    pub auxiliaries: FastSet<String>,
    pub determiners: FastSet<String>,
    pub list_glue: FastSet<String>,
    pub pp_preps: FastSet<String>,
    pub locative_preps: FastSet<String>,
    pub ing_exceptions: FastSet<String>,
    pub org_anaphora: FastSet<String>,
    pub comparison_suffixes: FastSet<String>,
    pub non_state_nouns: FastSet<String>,
    pub circumstance_preps: FastSet<String>,
    pub initial_conditionals: FastSet<String>,
    pub collective_nouns: FastSet<String>,
    pub relational_nouns: FastSet<String>,
    pub head_verbs: FastSet<String>,
    pub openers: FastSet<String>,
    pub person_anaphora: FastSet<String>,
    pub body_anaphora: FastSet<String>,
    pub not_after_it: FastSet<String>,
}

/// The compiled lexicon.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub rules: Vec<Rule>,
    pub(crate) kinds: Vec<Vec<Kind>>,
    pub(crate) windows: Windows,
    pub(crate) words: Words,
    /// The phrases (by index) that start with a token, by that token's normalised form.
    by_first: FastMap<Box<str>, Vec<usize>>,
    /// Every phrase's tokens after its first.
    rest: Vec<Vec<Box<str>>>,
}

fn set(words: &[String]) -> FastSet<String> {
    words.iter().map(|w| normalize_phrase(w)).collect()
}

struct Builder {
    patterns: Vec<String>,
    kinds: Vec<Vec<Kind>>,
    index: HashMap<String, usize>,
}

impl Builder {
    fn add(&mut self, phrase: &str, kind: Kind) -> Result<(), String> {
        let norm = normalize_phrase(phrase);
        if norm.is_empty() {
            return Err(format!("empty phrase `{phrase}`"));
        }
        let i = *self.index.entry(norm.clone()).or_insert_with(|| {
            self.patterns.push(norm);
            self.kinds.push(Vec::new());
            self.patterns.len() - 1
        });
        if !self.kinds[i].contains(&kind) {
            self.kinds[i].push(kind);
        }
        Ok(())
    }
    fn add_all(&mut self, phrases: &[String], kind: Kind) -> Result<(), String> {
        for p in phrases {
            self.add(p, kind.clone())?;
        }
        Ok(())
    }
}

/// LEM2: the irregular verbs, lemma -> (past, past participle).
fn irregular_table(lines: &[String]) -> Result<HashMap<String, (String, String)>, String> {
    lines
        .iter()
        .map(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            match w[..] {
                [lemma, past] => Ok((lemma.into(), (past.into(), past.into()))),
                [lemma, past, part] => Ok((lemma.into(), (past.into(), part.into()))),
                _ => Err(format!(
                    "irregular verb `{l}` is not `lemma past [participle]`"
                )),
            }
        })
        .collect()
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// LEM3: a final consonant is doubled before -ed/-ing in a one-syllable verb ending in one
/// vowel and one consonant other than w, x, y ("ban" -> "banned", "plan" -> "planning"); a
/// longer verb stressed on its last syllable ("commit") is listed as irregular instead.
fn doubles(word: &str) -> bool {
    let c: Vec<char> = word.chars().collect();
    let n = c.len();
    if n < 3 {
        return false;
    }
    let syllables = c
        .iter()
        .enumerate()
        .filter(|&(i, &ch)| is_vowel(ch) && (i == 0 || !is_vowel(c[i - 1])))
        .count();
    syllables == 1
        && !is_vowel(c[n - 1])
        && !matches!(c[n - 1], 'w' | 'x' | 'y')
        && is_vowel(c[n - 2])
        && !is_vowel(c[n - 3])
}

/// LEM1: the forms of a verb phrase given by its lemma ("cut ... ties with"): the lemma, the
/// third person singular, the past and past participle, and the -ing form of its first word,
/// the rest of the phrase kept. Regular English spelling rules; irregular pasts from the table.
pub(crate) fn inflect(phrase: &str, irregular: &HashMap<String, (String, String)>) -> Vec<String> {
    let phrase = phrase.trim();
    let (verb, rest) = match phrase.split_once(' ') {
        Some((v, r)) => (v, format!(" {r}")),
        None => (phrase, String::new()),
    };
    let ends = |suffixes: &[&str]| suffixes.iter().any(|s| verb.ends_with(s));
    let before_y = verb.len() >= 2 && !is_vowel(verb.chars().rev().nth(1).unwrap_or('a'));
    let third = if ends(&["s", "x", "z", "ch", "sh", "o"]) {
        format!("{verb}es")
    } else if verb.ends_with('y') && before_y {
        format!("{}ies", &verb[..verb.len() - 1])
    } else {
        format!("{verb}s")
    };
    let stem = if doubles(verb) {
        format!("{verb}{}", &verb[verb.len() - 1..])
    } else {
        verb.to_string()
    };
    let ing = if let Some(root) = verb.strip_suffix("ie") {
        format!("{root}ying")
    } else if let Some(root) = verb
        .strip_suffix('e')
        .filter(|_| !ends(&["ee", "ye", "oe"]))
    {
        format!("{root}ing")
    } else {
        format!("{stem}ing")
    };
    let (past, part) = match irregular.get(verb) {
        Some((p, pp)) => (p.clone(), pp.clone()),
        None => {
            let p = if verb.ends_with('e') {
                format!("{verb}d")
            } else if verb.ends_with('y') && before_y {
                format!("{}ied", &verb[..verb.len() - 1])
            } else {
                format!("{stem}ed")
            };
            (p.clone(), p)
        }
    };
    let mut out: Vec<String> = Vec::new();
    for form in [verb.to_string(), third, past, part, ing] {
        let f = format!("{form}{rest}");
        if !out.contains(&f) {
            out.push(f);
        }
    }
    out
}

fn parse<T: for<'de> Deserialize<'de>>(file: &'static str, json: &str) -> Result<T, LexiconError> {
    serde_json::from_str(json).map_err(|e| LexiconError {
        file,
        message: e.to_string(),
    })
}

impl Lexicon {
    /// The lexicon compiled in from `crates/core/data/{cues,flags,syntax}.toml`.
    pub fn builtin() -> Result<Self, LexiconError> {
        Self::from_json(
            include_str!(concat!(env!("OUT_DIR"), "/cues.json")),
            include_str!(concat!(env!("OUT_DIR"), "/flags.json")),
            include_str!(concat!(env!("OUT_DIR"), "/syntax.json")),
        )
    }

    /// A lexicon from the JSON forms of the three data files.
    pub fn from_json(cues: &str, flags: &str, syntax: &str) -> Result<Self, LexiconError> {
        let cues: CuesFile = parse("cues.toml", cues)?;
        let flags: FlagsFile = parse("flags.toml", flags)?;
        let syntax: SyntaxFile = parse("syntax.toml", syntax)?;
        let err = |file: &'static str| move |message: String| LexiconError { file, message };

        let mut ids = HashMap::new();
        for (i, r) in cues.rule.iter().enumerate() {
            if ids.insert(r.id.clone(), i).is_some() {
                return Err(err("cues.toml")(format!("duplicate rule id {}", r.id)));
            }
            if !(-10.0..=10.0).contains(&r.goldstein) {
                return Err(err("cues.toml")(format!(
                    "{}: goldstein out of range",
                    r.id
                )));
            }
        }
        let quads = cues
            .rule
            .iter()
            .map(|r| {
                crate::cameo::quad_class(&r.cameo, r.goldstein).ok_or_else(|| {
                    err("cues.toml")(format!("{}: `{}` is no CAMEO code", r.id, r.cameo))
                })
            })
            .collect::<Result<Vec<Quad>, _>>()?;
        let mut b = Builder {
            patterns: Vec::new(),
            kinds: Vec::new(),
            index: HashMap::new(),
        };
        let irregular = irregular_table(&cues.irregular).map_err(err("cues.toml"))?;
        let mut rules = Vec::new();
        for (i, r) in cues.rule.iter().enumerate() {
            let mut verb_list = r.verbs.clone();
            for lemma in &r.lemmas {
                for form in inflect(lemma, &irregular) {
                    if !verb_list.contains(&form) {
                        verb_list.push(form);
                    }
                }
            }
            let upgrade = match &r.upgrade {
                Some(u) => {
                    let to = *ids.get(&u.to).ok_or_else(|| {
                        err("cues.toml")(format!("{}: upgrade to unknown rule {}", r.id, u.to))
                    })?;
                    Some((to, u.words.iter().map(|w| normalize_phrase(w)).collect()))
                }
                None => None,
            };
            let verbs: HashSet<&String> = verb_list.iter().collect();
            let nouns: HashSet<&String> = r.nouns.iter().collect();
            let mut cue_list = Vec::new();
            for phrase in verb_list.iter().chain(r.nouns.iter()) {
                if cue_list.contains(phrase) {
                    continue;
                }
                cue_list.push(phrase.clone());
                let form = match (verbs.contains(phrase), nouns.contains(phrase)) {
                    (true, true) => Form::Either,
                    (true, false) => Form::Verb,
                    _ => Form::Noun,
                };
                let mut parts = phrase.split("...").map(str::trim);
                let head = parts.next().unwrap_or_default();
                let rest: Vec<String> = parts.map(normalize_phrase).collect();
                if rest.iter().any(String::is_empty) {
                    return Err(err("cues.toml")(format!("{}: bad gap in `{phrase}`", r.id)));
                }
                b.add(
                    head,
                    Kind::Cue {
                        rule: i,
                        form,
                        rest,
                    },
                )
                .map_err(err("cues.toml"))?;
            }
            rules.push(Rule {
                id: r.id.clone(),
                event: r.event.clone(),
                cameo: r.cameo.clone(),
                quad: quads[i],
                goldstein: r.goldstein,
                symmetric: r.symmetric,
                target_in: r.target_in,
                governs: r.governs,
                requires_speech: r.requires_speech,
                purpose_yields: r.purpose_yields,
                negates: r.negates,
                requires_after: r
                    .requires_after
                    .iter()
                    .map(|w| normalize_phrase(w))
                    .collect(),
                window: r.window.unwrap_or(5),
                excludes_after: r
                    .excludes_after
                    .iter()
                    .map(|w| normalize_phrase(w))
                    .collect(),
                upgrade,
                cues: cue_list,
            });
        }
        let e = err("cues.toml");
        b.add_all(&cues.ignore.phrases, Kind::Ignore).map_err(e)?;
        let e = err("flags.toml");
        b.add_all(&flags.negation.markers, Kind::Neg).map_err(e)?;
        b.add_all(&flags.negation.except, Kind::NegExcept)
            .map_err(e)?;
        b.add_all(&flags.negation.blockers, Kind::NegBlock)
            .map_err(e)?;
        b.add_all(&flags.limitation.before, Kind::LimBefore)
            .map_err(e)?;
        b.add_all(&flags.limitation.after, Kind::LimAfter)
            .map_err(e)?;
        b.add_all(&flags.limitation.except, Kind::LimExcept)
            .map_err(e)?;
        b.add_all(&flags.hedging.markers, Kind::Hedge).map_err(e)?;
        b.add_all(&flags.hedging.speech, Kind::HedgeSpeech)
            .map_err(e)?;
        b.add_all(&flags.hypothetical.conditional, Kind::Cond)
            .map_err(e)?;
        b.add_all(&flags.hypothetical.forward, Kind::HypoForward)
            .map_err(e)?;
        b.add_all(&flags.hypothetical.factive, Kind::Factive)
            .map_err(e)?;
        b.add_all(&flags.reporting.verbs, Kind::Speech).map_err(e)?;
        b.add_all(&flags.reporting.quote_only, Kind::SpeechQuoteOnly)
            .map_err(e)?;
        b.add_all(&flags.reporting.frames, Kind::Frame).map_err(e)?;
        b.add_all(&flags.reporting.speakers, Kind::Speaker)
            .map_err(e)?;
        let e = err("syntax.toml");
        b.add_all(&syntax.boundaries, Kind::Boundary).map_err(e)?;
        b.add_all(&syntax.anaphoric, Kind::Anaphoric).map_err(e)?;
        b.add_all(&syntax.dual_anaphora, Kind::Dual).map_err(e)?;
        for group in &syntax.beneficiary {
            b.add_all(&group.words, Kind::Benef(group.flag))
                .map_err(e)?;
        }
        // Phrases are normalised token sequences joined by single spaces.
        let mut by_first: FastMap<Box<str>, Vec<usize>> = FastMap::default();
        let mut rest = Vec::with_capacity(b.patterns.len());
        for (i, p) in b.patterns.iter().enumerate() {
            let mut toks = p.split(' ');
            let first = toks.next().unwrap_or_default();
            by_first.entry(first.into()).or_default().push(i);
            rest.push(toks.map(Box::from).collect());
        }
        let words = Words {
            agent_nouns: set(&syntax.agent_nouns),
            auxiliaries: set(&syntax.auxiliaries),
            determiners: set(&syntax.determiners),
            list_glue: set(&syntax.list_glue),
            pp_preps: set(&syntax.pp_preps),
            locative_preps: set(&syntax.locative_preps),
            ing_exceptions: set(&syntax.ing_exceptions),
            org_anaphora: set(&syntax.org_anaphora),
            comparison_suffixes: set(&syntax.comparison_suffixes),
            non_state_nouns: set(&syntax.non_state_nouns),
            circumstance_preps: set(&syntax.circumstance_preps),
            initial_conditionals: set(&flags.hypothetical.initial),
            collective_nouns: set(&syntax.collective_nouns),
            relational_nouns: set(&syntax.relational_nouns),
            head_verbs: set(&syntax.head_verbs),
            openers: set(&syntax.openers),
            person_anaphora: set(&syntax.person_anaphora),
            body_anaphora: set(&syntax.body_anaphora),
            not_after_it: set(&syntax.not_after_it),
        };
        Ok(Lexicon {
            rules,
            kinds: b.kinds,
            windows: Windows {
                negation: flags.negation.window,
                limitation: flags.limitation.window,
                hedging: flags.hedging.window,
                hypothetical: flags.hypothetical.window,
            },
            words,
            by_first,
            rest,
        })
    }

    /// The index of the rule with this id.
    pub fn rule_index(&self, id: &str) -> Option<usize> {
        self.rules.iter().position(|r| r.id == id)
    }

    /// Every phrase found in `tokens`, on whole tokens, overlapping ones included, by end
    /// and then by start (the order a phrase automaton over the joined tokens reports them).
    pub(crate) fn hits(&self, tokens: &[Token]) -> Vec<Hit> {
        let mut out = Vec::new();
        for (start, t) in tokens.iter().enumerate() {
            let Some(pats) = self.by_first.get(t.norm.as_str()) else {
                continue;
            };
            let after = &tokens[start + 1..];
            for &pat in pats {
                let rest = &self.rest[pat];
                if rest.len() <= after.len() && rest.iter().zip(after).all(|(w, t)| t.norm == **w) {
                    out.push(Hit {
                        start,
                        end: start + 1 + rest.len(),
                        pat,
                    });
                }
            }
        }
        // Two phrases never cover the same tokens (each phrase is one pattern).
        crate::sort::sort_by_key(&mut out, |h| (h.end, h.start));
        out
    }

    /// True when the normalised `phrase` occurs as whole tokens at `tokens[at..]`.
    pub(crate) fn phrase_at(tokens: &[Token], at: usize, phrase: &str) -> Option<usize> {
        // Each token's norm in turn must begin what is left of the phrase, followed by a
        // space or the end (norms hold no spaces): the same as comparing the phrase's
        // space-separated parts, without splitting it.
        let mut i = at;
        let mut rest = phrase.as_bytes();
        loop {
            let norm = tokens.get(i)?.norm.as_bytes();
            if !rest.starts_with(norm) {
                return None;
            }
            i += 1;
            match rest.get(norm.len()) {
                None => return Some(i),
                Some(b' ') => rest = &rest[norm.len() + 1..],
                Some(_) => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::relations::tokens::tokenize;

    fn lex() -> Lexicon {
        Lexicon::builtin().expect("built-in lexicon compiles")
    }

    #[test]
    fn builtin_lexicon_compiles_with_many_rules() {
        let l = lex();
        assert!(l.rules.len() >= 40, "{} rules", l.rules.len());
        for r in &l.rules {
            assert!(!r.id.is_empty() && !r.event.is_empty());
            let prefix = if r.quad.is_cooperation() {
                "coop."
            } else if r.quad.is_conflict() {
                "conf."
            } else {
                "neutral."
            };
            assert!(r.id.starts_with(prefix), "{} does not match its quad", r.id);
            let kind = if r.quad.is_material() {
                ".material."
            } else {
                ".verbal."
            };
            if r.quad != Quad::Neutral {
                assert!(r.id.contains(kind), "{} does not match its quad", r.id);
            }
        }
    }

    #[test]
    fn no_cue_phrase_belongs_to_two_rules() {
        let l = lex();
        let mut seen: HashMap<&str, &str> = HashMap::new();
        for r in &l.rules {
            for c in &r.cues {
                if let Some(other) = seen.insert(c.as_str(), r.id.as_str()) {
                    panic!("cue `{c}` is in {other} and {}", r.id);
                }
            }
        }
    }

    /// CAMEO code -> Goldstein value, read here from the table itself (not through build.rs).
    fn table() -> HashMap<String, f64> {
        include_str!("../../data/cameo.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("code\t"))
            .filter_map(|l| {
                let mut c = l.split('\t');
                Some((c.next()?.to_string(), c.next()?.parse().ok()?))
            })
            .collect()
    }

    #[test]
    fn every_rule_takes_goldstein_and_quad_from_its_cameo_code() {
        let l = lex();
        let t = table();
        assert!(t.len() > 300, "{} codes", t.len());
        for r in &l.rules {
            let g = *t
                .get(&r.cameo)
                .unwrap_or_else(|| panic!("{}: code {}", r.id, r.cameo));
            assert_eq!(r.goldstein, g, "{} ({})", r.id, r.cameo);
            assert_eq!(
                Some(r.quad),
                crate::cameo::quad_class(&r.cameo, g),
                "{}",
                r.id
            );
        }
        // Published values the domain notes quote, and two that were once written from memory.
        let g = |id: &str| l.rules[l.rule_index(id).unwrap()].goldstein;
        assert_eq!(g("coop.verbal.praise"), 3.4);
        assert_eq!(g("coop.material.sign"), 8.0);
        assert_eq!(g("coop.material.military_aid"), 8.3);
        assert_eq!(g("conf.verbal.criticize"), -2.0);
        assert_eq!(g("conf.material.attack"), -10.0);
        assert_eq!(g("conf.material.sanction"), -6.5);
        assert_eq!(g("conf.material.expel"), -8.0);
    }

    #[test]
    fn every_root_category_has_a_rule() {
        let l = lex();
        for root in 1..=20 {
            let root = format!("{root:02}");
            assert!(
                l.rules.iter().any(|r| r.cameo.starts_with(&root)),
                "no cue rule for CAMEO root {root}"
            );
        }
    }

    #[test]
    fn lemmas_inflect_by_english_spelling_rules() {
        let irregular = irregular_table(&[
            "cut cut".into(),
            "strike struck".into(),
            "undertake undertook undertaken".into(),
        ])
        .unwrap();
        let f = |l: &str| inflect(l, &irregular);
        assert_eq!(
            f("denounce"),
            ["denounce", "denounces", "denounced", "denouncing"]
        );
        assert_eq!(f("ban"), ["ban", "bans", "banned", "banning"]);
        assert_eq!(f("target"), ["target", "targets", "targeted", "targeting"]);
        assert_eq!(f("deny"), ["deny", "denies", "denied", "denying"]);
        assert_eq!(f("obey"), ["obey", "obeys", "obeyed", "obeying"]);
        assert_eq!(f("push"), ["push", "pushes", "pushed", "pushing"]);
        assert_eq!(f("veto"), ["veto", "vetoes", "vetoed", "vetoing"]);
        assert_eq!(f("free"), ["free", "frees", "freed", "freeing"]);
        assert_eq!(f("vow"), ["vow", "vows", "vowed", "vowing"]);
        assert_eq!(f("tie"), ["tie", "ties", "tied", "tying"]);
        assert_eq!(
            f("cut ... ties with"),
            [
                "cut ... ties with",
                "cuts ... ties with",
                "cutting ... ties with"
            ]
        );
        assert_eq!(f("strike"), ["strike", "strikes", "struck", "striking"]);
        assert_eq!(
            f("undertake"),
            [
                "undertake",
                "undertakes",
                "undertook",
                "undertaken",
                "undertaking"
            ]
        );
        assert!(irregular_table(&["go".into()]).is_err());
    }

    #[test]
    fn hits_respect_word_boundaries() {
        let l = lex();
        let toks = tokenize("Russia supported Iran; supportive words, unsupported", 0);
        let hits = l.hits(&toks);
        let cue_words: Vec<&str> = hits
            .iter()
            .filter(|h| l.kinds[h.pat].iter().any(|k| matches!(k, Kind::Cue { .. })))
            .map(|h| toks[h.start].norm.as_str())
            .collect();
        assert_eq!(cue_words, ["supported"]);
    }

    /// The phrase `pat` as one string, as it was matched before phrases were looked up
    /// token by token.
    fn phrase(l: &Lexicon, pat: usize) -> String {
        let first = l.by_first.iter().find(|(_, v)| v.contains(&pat)).unwrap().0;
        std::iter::once(&**first)
            .chain(l.rest[pat].iter().map(|w| &**w))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn hits_are_the_phrase_automaton_hits_in_its_order() {
        // The former matcher: one automaton over the joined tokens, matches kept on whole
        // tokens, in the automaton's order. Token-by-token look-up must give the same list.
        let l = lex();
        let patterns: Vec<String> = (0..l.rest.len()).map(|p| phrase(&l, p)).collect();
        let ac = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::Standard)
            .build(&patterns)
            .unwrap();
        let texts = [
            include_str!("../../../../seeds/000_fa6a6883ea8b5cc2.txt"),
            include_str!("../../../../seeds/003_2ebf30a1db2f8cdb.txt"),
            "He did not only refuse to support, but refused to support it; said the Kremlin.",
        ];
        for text in texts {
            let toks = tokenize(text, 0);
            let hay = crate::relations::tokens::join(&toks);
            let mut bounds = Vec::new();
            let mut pos = 0;
            for t in &toks {
                bounds.push((pos, pos + t.norm.len()));
                pos += t.norm.len() + 1;
            }
            let want: Vec<Hit> = ac
                .find_overlapping_iter(&hay)
                .filter_map(|m| {
                    let s = bounds.iter().position(|b| b.0 == m.start())?;
                    let e = bounds.iter().position(|b| b.1 == m.end())?;
                    Some(Hit {
                        start: s,
                        end: e + 1,
                        pat: m.pattern().as_usize(),
                    })
                })
                .collect();
            assert!(want.len() > 10);
            assert_eq!(l.hits(&toks), want);
        }
    }

    #[test]
    fn malformed_data_is_an_error_not_a_panic() {
        let flags = include_str!(concat!(env!("OUT_DIR"), "/flags.json"));
        let syntax = include_str!(concat!(env!("OUT_DIR"), "/syntax.json"));
        let bad_quad = r#"{"ignore":{"phrases":[]},"rule":[{"id":"x","event":"e","cameo":"21","goldstein":1.0}]}"#;
        assert!(Lexicon::from_json(bad_quad, flags, syntax).is_err());
        let bad_upgrade = r#"{"ignore":{"phrases":[]},"rule":[{"id":"x","event":"e","cameo":"010","goldstein":0.0,"verbs":["say"],"upgrade":{"to":"nope","words":["a"]}}]}"#;
        assert!(Lexicon::from_json(bad_upgrade, flags, syntax).is_err());
        assert!(Lexicon::from_json("not json", flags, syntax).is_err());
    }
}
