//! The knowledge base: states, organisations and people with their aliases and roles,
//! read from the data files in `crates/core/data/` (TOML, turned into JSON by `build.rs`).

use serde::Deserialize;

use crate::model::ActorKind;

/// A state (UN member or other), keyed by ISO 3166 alpha-3.
#[derive(Debug, Clone, Deserialize)]
pub struct StateEntry {
    /// ISO 3166 alpha-3, e.g. `RUS`.
    pub id: String,
    /// Canonical short name, e.g. "Russia".
    pub name: String,
    /// Other names: long forms ("Russian Federation"), old or alternative names ("Persia").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Adjective and people forms: "Russian", "Russians".
    #[serde(default)]
    pub adjectives: Vec<String>,
    /// Capital cities used as metonyms for the state ("Moscow", "Tehran").
    #[serde(default)]
    pub capitals: Vec<String>,
    /// Seats of government used as metonyms ("the Kremlin", "the White House").
    #[serde(default)]
    pub seats: Vec<String>,
    #[serde(default)]
    pub un_member: bool,
}

/// An organisation, alliance, agency, publication or non-state group.
#[derive(Debug, Clone, Deserialize)]
pub struct OrgEntry {
    /// Stable slug, e.g. `nato`, `un_security_council`, `reuters`.
    pub id: String,
    pub name: String,
    /// `organization` or `group`.
    pub kind: ActorKind,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The state it belongs to (Hezbollah -> LBN, the Russian Foreign Ministry -> RUS).
    #[serde(default)]
    pub country: Option<String>,
    /// Publications and news agencies that only report claims.
    #[serde(default)]
    pub source_only: bool,
}

/// A person who matters in this domain.
#[derive(Debug, Clone, Deserialize)]
pub struct PersonEntry {
    /// Stable slug, e.g. `putin`, `ali_khamenei`, `mojtaba_khamenei`.
    pub id: String,
    /// Canonical display name, e.g. "Vladimir Putin".
    pub name: String,
    /// Full-name variants and transliterations ("Sergei Lavrov", "Sergey Lavrov").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The surname used alone after a full mention ("Putin", "Khamenei").
    /// Resolved only when unambiguous in the document.
    #[serde(default)]
    pub surname: Option<String>,
    /// Forms that identify the person on their own without a prior full mention
    /// ("Putin", "Erdogan", "MBS"); unlike `surname` they are matched anywhere.
    #[serde(default)]
    pub standalone: Vec<String>,
    /// Nationality: ISO 3166 alpha-3.
    pub country: String,
    #[serde(default)]
    pub roles: Vec<RoleEntry>,
}

/// A role held for a period.
#[derive(Debug, Clone, Deserialize)]
pub struct RoleEntry {
    /// Display title, e.g. "President", "Minister of Foreign Affairs".
    pub title: String,
    /// Role key from `roles.toml` (`president`, `foreign_minister`, `supreme_leader`, ...),
    /// used to resolve role phrases such as "the Russian president".
    pub key: String,
    /// ISO alpha-3 of the state, or an organisation id.
    pub of: String,
    /// `YYYY-MM-DD` (or `YYYY`), inclusive.
    #[serde(default)]
    pub from: Option<String>,
    /// `YYYY-MM-DD` (or `YYYY`), inclusive; absent while in office.
    #[serde(default)]
    pub to: Option<String>,
}

#[derive(Debug, Deserialize)]
struct StatesFile {
    state: Vec<StateEntry>,
}
#[derive(Debug, Deserialize)]
struct OrgsFile {
    organization: Vec<OrgEntry>,
}
#[derive(Debug, Deserialize)]
struct PeopleFile {
    person: Vec<PersonEntry>,
}

/// Everything the engine knows about actors.
#[derive(Debug, Clone)]
pub struct KnowledgeBase {
    pub states: Vec<StateEntry>,
    pub organizations: Vec<OrgEntry>,
    pub people: Vec<PersonEntry>,
}

/// A knowledge file that does not parse.
#[derive(Debug, Clone, PartialEq)]
pub struct KbError {
    pub file: &'static str,
    pub message: String,
}

impl std::fmt::Display for KbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "knowledge file {}: {}", self.file, self.message)
    }
}

impl std::error::Error for KbError {}

fn parse<T: for<'de> Deserialize<'de>>(file: &'static str, json: &str) -> Result<T, KbError> {
    serde_json::from_str(json).map_err(|e| KbError {
        file,
        message: e.to_string(),
    })
}

impl KnowledgeBase {
    /// The knowledge base compiled into the engine from `crates/core/data/`.
    pub fn builtin() -> Result<Self, KbError> {
        let states: StatesFile = parse(
            "states.toml",
            include_str!(concat!(env!("OUT_DIR"), "/states.json")),
        )?;
        let orgs: OrgsFile = parse(
            "organizations.toml",
            include_str!(concat!(env!("OUT_DIR"), "/organizations.json")),
        )?;
        let people: PeopleFile = parse(
            "people.toml",
            include_str!(concat!(env!("OUT_DIR"), "/people.json")),
        )?;
        Ok(KnowledgeBase {
            states: states.state,
            organizations: orgs.organization,
            people: people.person,
        })
    }

    pub fn state(&self, id: &str) -> Option<&StateEntry> {
        self.states.iter().find(|s| s.id == id)
    }
    pub fn organization(&self, id: &str) -> Option<&OrgEntry> {
        self.organizations.iter().find(|o| o.id == id)
    }
    pub fn person(&self, id: &str) -> Option<&PersonEntry> {
        self.people.iter().find(|p| p.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn builtin_knowledge_parses() {
        let kb = KnowledgeBase::builtin().expect("data files parse");
        assert!(kb.state("RUS").is_some());
        assert!(kb.state("IRN").is_some());
        assert!(kb.person("putin").is_some());
    }

    #[test]
    fn ids_are_unique_across_the_knowledge_base() {
        let kb = KnowledgeBase::builtin().unwrap();
        let mut seen = HashSet::new();
        let ids = kb
            .states
            .iter()
            .map(|s| &s.id)
            .chain(kb.organizations.iter().map(|o| &o.id))
            .chain(kb.people.iter().map(|p| &p.id));
        for id in ids {
            assert!(seen.insert(id.clone()), "duplicate id {id}");
        }
    }

    #[test]
    fn countries_and_role_holders_refer_to_known_states() {
        let kb = KnowledgeBase::builtin().unwrap();
        let known = |id: &str| kb.state(id).is_some() || kb.organization(id).is_some();
        for p in &kb.people {
            assert!(
                kb.state(&p.country).is_some(),
                "{}: country {}",
                p.id,
                p.country
            );
            for r in &p.roles {
                assert!(known(&r.of), "{}: role of unknown {}", p.id, r.of);
            }
        }
        for o in &kb.organizations {
            if let Some(c) = &o.country {
                assert!(kb.state(c).is_some(), "{}: country {c}", o.id);
            }
        }
    }
    /// The role keys people's roles may use; the matcher resolves role phrases
    /// ("the Russian president", "head of Russian diplomacy") to them.
    const ROLE_KEYS: [&str; 16] = [
        "president",
        "vice_president",
        "prime_minister",
        "foreign_minister",
        "defence_minister",
        "supreme_leader",
        "king",
        "crown_prince",
        "emir",
        "chancellor",
        "spokesperson",
        "security_council_secretary",
        "secretary_general",
        "speaker",
        "chief_of_staff",
        "commander",
    ];

    /// A date in the knowledge files as (year, month, day); `YYYY` alone stands for the
    /// first day of the year when `end` is false and the last when it is true.
    fn parse_date(s: &str, end: bool) -> Option<(u32, u32, u32)> {
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, len: usize| {
            (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse::<u32>().ok())
                .flatten()
        };
        match parts.as_slice() {
            [y] => Some((
                num(y, 4)?,
                if end { 12 } else { 1 },
                if end { 31 } else { 1 },
            )),
            [y, m, d] => {
                let (y, m, d) = (num(y, 4)?, num(m, 2)?, num(d, 2)?);
                let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
                let days = match m {
                    1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                    4 | 6 | 9 | 11 => 30,
                    2 if leap => 29,
                    2 => 28,
                    _ => return None,
                };
                (1..=days).contains(&d).then_some((y, m, d))
            }
            _ => None,
        }
    }

    #[test]
    fn date_parser_accepts_only_the_two_formats() {
        let cases = [
            ("year", "2024", false, Some((2024, 1, 1))),
            ("year as end", "2024", true, Some((2024, 12, 31))),
            ("full date", "2024-05-12", false, Some((2024, 5, 12))),
            ("leap day", "2024-02-29", false, Some((2024, 2, 29))),
            ("not a leap day", "2025-02-29", false, None),
            ("month only is refused", "2024-05", false, None),
            ("month 13", "2024-13-01", false, None),
            ("short year", "24-05-12", false, None),
            ("words", "May 2024", false, None),
        ];
        for (name, text, end, expected) in cases {
            assert_eq!(parse_date(text, end), expected, "{name}: {text}");
        }
    }

    #[test]
    fn every_un_member_state_is_present_193() {
        let kb = KnowledgeBase::builtin().unwrap();
        let members = kb.states.iter().filter(|s| s.un_member).count();
        assert_eq!(members, 193, "UN member states");
        // Not UN members: Holy See, Palestine, Taiwan, Kosovo, Western Sahara.
        for id in ["VAT", "PSE", "TWN", "XKX", "ESH"] {
            let s = kb.state(id).unwrap_or_else(|| panic!("{id} missing"));
            assert!(!s.un_member, "{id} is not a UN member");
        }
        assert_eq!(kb.states.len(), 198);
    }

    #[test]
    fn state_ids_are_alpha3_upper_case() {
        let kb = KnowledgeBase::builtin().unwrap();
        for s in &kb.states {
            assert!(
                s.id.len() == 3 && s.id.bytes().all(|b| b.is_ascii_uppercase()),
                "state id {:?}",
                s.id
            );
        }
    }

    #[test]
    fn every_role_key_is_one_of_the_vocabulary() {
        let kb = KnowledgeBase::builtin().unwrap();
        for p in &kb.people {
            for r in &p.roles {
                assert!(
                    ROLE_KEYS.contains(&r.key.as_str()),
                    "{}: role key {}",
                    p.id,
                    r.key
                );
                assert!(!r.title.trim().is_empty(), "{}: empty role title", p.id);
            }
        }
    }

    #[test]
    fn role_dates_are_year_or_full_date_and_from_is_not_after_to() {
        let kb = KnowledgeBase::builtin().unwrap();
        for p in &kb.people {
            for r in &p.roles {
                let from = r.from.as_deref().map(|d| {
                    parse_date(d, false).unwrap_or_else(|| panic!("{}: bad from {d}", p.id))
                });
                let to = r
                    .to
                    .as_deref()
                    .map(|d| parse_date(d, true).unwrap_or_else(|| panic!("{}: bad to {d}", p.id)));
                if let (Some(f), Some(t)) = (from, to) {
                    assert!(f <= t, "{}: {} from {f:?} after to {t:?}", p.id, r.key);
                }
            }
        }
    }

    /// Days since 0000-03-01 (a proleptic Gregorian day count), to compare ranges.
    fn day_number((y, m, d): (u32, u32, u32)) -> i64 {
        let (y, m) = if m <= 2 {
            (y as i64 - 1, m + 9)
        } else {
            (y as i64, m - 3)
        };
        365 * y + y / 4 - y / 100 + y / 400 + (153 * m as i64 + 2) / 5 + d as i64 - 1
    }

    #[test]
    fn single_holder_offices_have_one_holder_at_a_time() {
        // Offices held by one person at a time; a handover may share its day.
        let single = [
            "president",
            "prime_minister",
            "foreign_minister",
            "defence_minister",
            "supreme_leader",
            "king",
            "crown_prince",
            "emir",
            "chancellor",
            "secretary_general",
            "security_council_secretary",
        ];
        let kb = KnowledgeBase::builtin().unwrap();
        let mut spans: Vec<(&str, &str, &str, i64, i64)> = Vec::new();
        for p in &kb.people {
            for r in &p.roles {
                if !single.contains(&r.key.as_str()) {
                    continue;
                }
                let from = r.from.as_deref().and_then(|d| parse_date(d, true));
                let to = r.to.as_deref().and_then(|d| parse_date(d, false));
                // Year-only bounds are read narrowly (from the year's end, to its start)
                // so that imprecise dates never raise a false overlap.
                let from = from.map_or(i64::MIN, day_number);
                let to = to.map_or(i64::MAX, day_number);
                spans.push((&r.key, &r.of, &p.id, from, to));
            }
        }
        for (i, a) in spans.iter().enumerate() {
            for b in &spans[i + 1..] {
                if a.0 != b.0 || a.1 != b.1 || a.2 == b.2 {
                    continue;
                }
                let overlap = a.4.min(b.4) - a.3.max(b.3);
                assert!(
                    overlap < 1,
                    "{} of {}: {} and {} overlap by {} days",
                    a.0,
                    a.1,
                    a.2,
                    b.2,
                    overlap + 1
                );
            }
        }
    }

    /// Every form that names an entry on its own (not surnames), with the entry id.
    fn all_forms(kb: &KnowledgeBase) -> Vec<(String, &str)> {
        let mut out = Vec::new();
        for s in &kb.states {
            let forms = std::iter::once(&s.name)
                .chain(&s.aliases)
                .chain(&s.adjectives)
                .chain(&s.capitals)
                .chain(&s.seats);
            out.extend(forms.map(|f| (f.clone(), s.id.as_str())));
        }
        for o in &kb.organizations {
            let forms = std::iter::once(&o.name).chain(&o.aliases);
            out.extend(forms.map(|f| (f.clone(), o.id.as_str())));
        }
        for p in &kb.people {
            let forms = std::iter::once(&p.name)
                .chain(&p.aliases)
                .chain(&p.standalone);
            out.extend(forms.map(|f| (f.clone(), p.id.as_str())));
        }
        out
    }

    /// Folds case and a leading "the " so "The Gambia" and "the Gambia" compare equal.
    fn fold(form: &str) -> String {
        let lower = form.trim().to_lowercase();
        lower.strip_prefix("the ").unwrap_or(&lower).to_string()
    }

    #[test]
    fn forms_are_non_empty_and_trimmed() {
        let kb = KnowledgeBase::builtin().unwrap();
        for (form, id) in all_forms(&kb) {
            assert!(!form.trim().is_empty(), "{id}: empty form");
            assert_eq!(form.trim(), form, "{id}: untrimmed form {form:?}");
            assert!(!form.contains("  "), "{id}: double space in {form:?}");
        }
    }

    #[test]
    fn no_form_is_shared_by_two_entries_unless_intended() {
        // Forms deliberately shared; the matcher must choose from context.
        let intended: [(&str, &[&str]); 0] = [];
        let kb = KnowledgeBase::builtin().unwrap();
        let mut owners: std::collections::BTreeMap<String, Vec<&str>> = Default::default();
        for (form, id) in all_forms(&kb) {
            let ids = owners.entry(fold(&form)).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        for (form, ids) in owners {
            if ids.len() < 2 {
                continue;
            }
            let allowed =
                intended
                    .iter()
                    .find(|(f, _)| fold(f) == form)
                    .is_some_and(|(_, expected)| {
                        let mut a = expected.to_vec();
                        let mut b = ids.clone();
                        a.sort_unstable();
                        b.sort_unstable();
                        a == b
                    });
            assert!(allowed, "form {form:?} is shared by {ids:?}");
        }
    }

    #[test]
    fn ambiguous_surnames_are_not_standalone() {
        // "Assad" names a family and a regime; "Khamenei" names Ali and Mojtaba.
        let kb = KnowledgeBase::builtin().unwrap();
        for p in &kb.people {
            for risky in ["Assad", "al-Assad", "Khamenei"] {
                assert!(
                    !p.standalone.iter().any(|s| s == risky),
                    "{}: {risky} must be surname only",
                    p.id
                );
            }
        }
    }
}
