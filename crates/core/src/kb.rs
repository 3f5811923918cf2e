//! The knowledge base: states, organisations and people with their aliases and roles,
//! read from the data files in `crates/core/data/` (TOML, turned by `build.rs` into the compact
//! form read here: K1 below).

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

/// K1: the compact form `build.rs` writes for states, organisations and people, read
/// here without a JSON deserializer (the wasm then carries none for these entries, and
/// half the bytes of their JSON). One entry a line; its fields in the fixed order of
/// `build.rs` split by U+001F; list items split by U+001E; a role's fields split by
/// U+001D; an empty field is an absent value, an empty list or `false`.
mod compact {
    use super::KbError;

    pub const FIELD: char = '\u{1f}';
    pub const ITEM: char = '\u{1e}';
    pub const PART: char = '\u{1d}';

    /// The fields of one record, taken in order.
    pub struct Fields<'a> {
        file: &'static str,
        line: usize,
        it: std::str::Split<'a, char>,
    }

    impl<'a> Fields<'a> {
        pub fn new(file: &'static str, line: usize, text: &'a str, sep: char) -> Self {
            Fields {
                file,
                line,
                it: text.split(sep),
            }
        }

        /// The fields of `text`, a part of this record split by [`PART`] (a role).
        pub fn part<'b>(&self, text: &'b str) -> Fields<'b> {
            Fields::new(self.file, self.line, text, PART)
        }

        pub fn error(&self, message: String) -> KbError {
            KbError {
                file: self.file,
                message: format!("compact form, entry {}: {message}", self.line + 1),
            }
        }

        pub fn raw(&mut self, what: &str) -> Result<&'a str, KbError> {
            match self.it.next() {
                Some(s) => Ok(s),
                None => Err(self.error(format!("no field `{what}`"))),
            }
        }

        pub fn string(&mut self, what: &str) -> Result<String, KbError> {
            match self.raw(what)? {
                "" => Err(self.error(format!("empty `{what}`"))),
                s => Ok(s.to_string()),
            }
        }

        pub fn opt(&mut self, what: &str) -> Result<Option<String>, KbError> {
            let s = self.raw(what)?;
            Ok((!s.is_empty()).then(|| s.to_string()))
        }

        pub fn list(&mut self, what: &str) -> Result<Vec<String>, KbError> {
            let s = self.raw(what)?;
            Ok(items(s).map(str::to_string).collect())
        }

        pub fn flag(&mut self, what: &str) -> Result<bool, KbError> {
            match self.raw(what)? {
                "" => Ok(false),
                "1" => Ok(true),
                s => Err(self.error(format!("`{what}` is {s:?}, not 1 or empty"))),
            }
        }

        /// Fails if the record has more fields than were read.
        pub fn end(mut self) -> Result<(), KbError> {
            match self.it.next() {
                None => Ok(()),
                Some(_) => Err(self.error("more fields than expected".into())),
            }
        }
    }

    /// The items of a list field (none when empty).
    pub fn items(s: &str) -> impl Iterator<Item = &str> {
        s.split(ITEM).filter(|s| !s.is_empty())
    }

    /// The records of a compact file, each read by `entry`.
    pub fn read<T>(
        file: &'static str,
        text: &str,
        entry: impl Fn(&mut Fields<'_>) -> Result<T, KbError>,
    ) -> Result<Vec<T>, KbError> {
        text.lines()
            .enumerate()
            .map(|(i, line)| {
                let mut f = Fields::new(file, i, line, FIELD);
                let v = entry(&mut f)?;
                f.end()?;
                Ok(v)
            })
            .collect()
    }
}

fn states(text: &str) -> Result<Vec<StateEntry>, KbError> {
    compact::read("states.toml", text, |f| {
        Ok(StateEntry {
            id: f.string("id")?,
            name: f.string("name")?,
            aliases: f.list("aliases")?,
            adjectives: f.list("adjectives")?,
            capitals: f.list("capitals")?,
            seats: f.list("seats")?,
            un_member: f.flag("un_member")?,
        })
    })
}

fn organizations(text: &str) -> Result<Vec<OrgEntry>, KbError> {
    compact::read("organizations.toml", text, |f| {
        let id = f.string("id")?;
        let name = f.string("name")?;
        let kind = match f.raw("kind")? {
            "organization" => ActorKind::Organization,
            "group" => ActorKind::Group,
            k => return Err(f.error(format!("kind {k:?} is not organization or group"))),
        };
        Ok(OrgEntry {
            id,
            name,
            kind,
            aliases: f.list("aliases")?,
            country: f.opt("country")?,
            source_only: f.flag("source_only")?,
        })
    })
}

fn people(text: &str) -> Result<Vec<PersonEntry>, KbError> {
    compact::read("people.toml", text, |f| {
        Ok(PersonEntry {
            id: f.string("id")?,
            name: f.string("name")?,
            aliases: f.list("aliases")?,
            surname: f.opt("surname")?,
            standalone: f.list("standalone")?,
            country: f.string("country")?,
            roles: {
                let roles = f.raw("roles")?;
                compact::items(roles)
                    .map(|r| {
                        let mut p = f.part(r);
                        let role = RoleEntry {
                            title: p.string("role title")?,
                            key: p.string("role key")?,
                            of: p.string("role of")?,
                            from: p.opt("role from")?,
                            to: p.opt("role to")?,
                        };
                        p.end()?;
                        Ok(role)
                    })
                    .collect::<Result<Vec<_>, KbError>>()?
            },
        })
    })
}

impl KnowledgeBase {
    /// The knowledge base compiled into the engine from `crates/core/data/`, in the
    /// compact form of K1.
    pub fn builtin() -> Result<Self, KbError> {
        Ok(KnowledgeBase {
            states: states(include_str!(concat!(env!("OUT_DIR"), "/states.kb")))?,
            organizations: organizations(include_str!(concat!(
                env!("OUT_DIR"),
                "/organizations.kb"
            )))?,
            people: people(include_str!(concat!(env!("OUT_DIR"), "/people.kb")))?,
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

/// The seed articles, listed once for this and the integration tests.
#[cfg(test)]
#[path = "../tests/support/seeds.rs"]
mod seeds;

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

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

    /// K1: the compact form decodes to exactly what the data files say (read through
    /// their JSON by serde, as before the compact form).
    #[test]
    fn compact_form_reads_as_the_json_k1() {
        let kb = KnowledgeBase::builtin().unwrap();
        let states: StatesFile =
            serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/states.json"))).unwrap();
        let orgs: OrgsFile = serde_json::from_str(include_str!(concat!(
            env!("OUT_DIR"),
            "/organizations.json"
        )))
        .unwrap();
        let people: PeopleFile =
            serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/people.json"))).unwrap();
        assert_eq!(format!("{:?}", kb.states), format!("{:?}", states.state));
        assert_eq!(
            format!("{:?}", kb.organizations),
            format!("{:?}", orgs.organization)
        );
        assert_eq!(format!("{:?}", kb.people), format!("{:?}", people.person));
        assert!(kb
            .people
            .iter()
            .any(|p| p.roles.len() > 1 && p.surname.is_some()));
        assert!(kb.organizations.iter().any(|o| o.source_only));
    }

    #[test]
    fn malformed_compact_records_are_errors_not_panics_k1() {
        let cases: [(&str, &str, &str); 5] = [
            ("too few fields", "RUS\u{1f}Russia", "no field `aliases`"),
            (
                "too many fields",
                "RUS\u{1f}Russia\u{1f}\u{1f}\u{1f}\u{1f}\u{1f}1\u{1f}x",
                "more fields than expected",
            ),
            (
                "empty id",
                "\u{1f}Russia\u{1f}\u{1f}\u{1f}\u{1f}\u{1f}",
                "empty `id`",
            ),
            (
                "bad flag",
                "RUS\u{1f}Russia\u{1f}\u{1f}\u{1f}\u{1f}\u{1f}yes",
                "`un_member` is \"yes\"",
            ),
            (
                "second line",
                "RUS\u{1f}Russia\u{1f}\u{1f}\u{1f}\u{1f}\u{1f}1\nIRN",
                "entry 2: no field `name`",
            ),
        ];
        for (name, text, want) in cases {
            let err = states(text).expect_err(name);
            assert_eq!(err.file, "states.toml", "{name}");
            assert!(err.message.contains(want), "{name}: {}", err.message);
        }
        let role =
            "putin\u{1f}Vladimir Putin\u{1f}\u{1f}\u{1f}\u{1f}RUS\u{1f}President\u{1d}president";
        let err = people(role).unwrap_err();
        assert!(
            err.message.contains("no field `role of`"),
            "{}",
            err.message
        );
        let kind = "x\u{1f}X\u{1f}state\u{1f}\u{1f}\u{1f}";
        let err = organizations(kind).unwrap_err();
        assert!(
            err.message.contains("not organization or group"),
            "{}",
            err.message
        );
    }

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

    /// The organisation entries other modules and the gold files rely on, with their kind,
    /// country and source_only flag (from the task brief and the organisations' nature).
    #[test]
    fn organizations_that_others_depend_on_are_present_and_classified() {
        use ActorKind::{Group as G, Organization as O};
        // (id, kind, country, source_only)
        let cases: &[(&str, ActorKind, Option<&str>, bool)] = &[
            ("un", O, None, false),
            ("un_security_council", O, None, false),
            ("un_general_assembly", O, None, false),
            ("eu", O, None, false),
            ("european_commission", O, None, false),
            ("european_council", O, None, false),
            ("nato", O, None, false),
            ("iaea", O, None, false),
            ("opec", O, None, false),
            ("opec_plus", O, None, false),
            ("csto", O, None, false),
            ("brics", O, None, false),
            ("sco", O, None, false),
            ("african_union", O, None, false),
            ("arab_league", O, None, false),
            ("gcc", O, None, false),
            ("west", O, None, false),
            ("eaeu", O, None, false),
            ("cis", O, None, false),
            ("g7", O, None, false),
            ("g20", O, None, false),
            ("wto", O, None, false),
            ("imf", O, None, false),
            ("world_bank", O, None, false),
            ("icc", O, None, false),
            ("icj", O, None, false),
            ("osce", O, None, false),
            ("asean", O, None, false),
            ("irgc", O, Some("IRN"), false),
            ("quds_force", O, Some("IRN"), false),
            ("russian_foreign_ministry", O, Some("RUS"), false),
            ("russian_defence_ministry", O, Some("RUS"), false),
            ("russian_security_council", O, Some("RUS"), false),
            ("iranian_foreign_ministry", O, Some("IRN"), false),
            (
                "iran_supreme_national_security_council",
                O,
                Some("IRN"),
                false,
            ),
            ("us_state_department", O, Some("USA"), false),
            ("pentagon", O, Some("USA"), false),
            ("cia", O, Some("USA"), false),
            ("mossad", O, Some("ISR"), false),
            ("idf", O, Some("ISR"), false),
            ("rosatom", O, Some("RUS"), false),
            ("wagner", G, Some("RUS"), false),
            ("africa_corps", O, Some("RUS"), false),
            ("russian_air_force", O, Some("RUS"), false),
            ("israeli_air_force", O, Some("ISR"), false),
            ("hezbollah", G, Some("LBN"), false),
            ("hamas", G, Some("PSE"), false),
            ("houthis", G, Some("YEM"), false),
            ("palestinian_islamic_jihad", G, Some("PSE"), false),
            ("hts", G, Some("SYR"), false),
            ("islamic_state", G, None, false),
            ("taliban", G, Some("AFG"), false),
            ("pkk", G, Some("TUR"), false),
            ("sdf", G, Some("SYR"), false),
            ("al_shabaab", G, Some("SOM"), false),
            ("hashd", G, Some("IRQ"), false),
            ("reuters", O, Some("GBR"), true),
            ("associated_press", O, Some("USA"), true),
            ("afp", O, Some("FRA"), true),
            ("le_monde", O, Some("FRA"), true),
            ("the_guardian", O, Some("GBR"), true),
            ("bbc", O, Some("GBR"), true),
            ("cnn", O, Some("USA"), true),
            ("new_york_times", O, Some("USA"), true),
            ("washington_post", O, Some("USA"), true),
            ("wall_street_journal", O, Some("USA"), true),
            ("financial_times", O, Some("GBR"), true),
            ("bloomberg", O, Some("USA"), true),
            ("al_jazeera", O, Some("QAT"), true),
            ("al_arabiya", O, Some("ARE"), true),
            ("tass", O, Some("RUS"), true),
            ("ria_novosti", O, Some("RUS"), true),
            ("interfax", O, Some("RUS"), true),
            ("kommersant", O, Some("RUS"), true),
            ("irna", O, Some("IRN"), true),
            ("tasnim", O, Some("IRN"), true),
            ("fars", O, Some("IRN"), true),
            ("press_tv", O, Some("IRN"), true),
            ("unn", O, Some("UKR"), true),
            ("ukrinform", O, Some("UKR"), true),
            ("roya_news", O, Some("JOR"), true),
            ("responsible_statecraft", O, Some("USA"), true),
            ("tomorrows_affairs", O, Some("GBR"), true),
            ("politico", O, Some("USA"), true),
            ("axios", O, Some("USA"), true),
            ("the_economist", O, Some("GBR"), true),
            ("meduza", O, Some("LVA"), true),
            ("novaya_gazeta", O, Some("RUS"), true),
            ("haaretz", O, Some("ISR"), true),
            ("times_of_israel", O, Some("ISR"), true),
            ("xinhua", O, Some("CHN"), true),
            ("anadolu", O, Some("TUR"), true),
            ("sana", O, Some("SYR"), true),
            ("isna", O, Some("IRN"), true),
            ("mehr", O, Some("IRN"), true),
        ];
        let kb = KnowledgeBase::builtin().unwrap();
        for &(id, kind, country, source_only) in cases {
            let o = kb
                .organization(id)
                .unwrap_or_else(|| panic!("{id}: missing"));
            assert_eq!(o.kind, kind, "{id}: kind");
            assert_eq!(o.country.as_deref(), country, "{id}: country");
            assert_eq!(o.source_only, source_only, "{id}: source_only");
        }
    }

    #[test]
    fn organization_ids_are_lower_case_slugs() {
        let kb = KnowledgeBase::builtin().unwrap();
        for o in &kb.organizations {
            let ok = o.id.starts_with(|c: char| c.is_ascii_lowercase())
                && o.id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            assert!(ok, "organization id {:?}", o.id);
        }
    }

    #[test]
    fn publications_are_organizations_with_a_home_country() {
        let kb = KnowledgeBase::builtin().unwrap();
        for o in kb.organizations.iter().filter(|o| o.source_only) {
            assert_eq!(o.kind, ActorKind::Organization, "{}: kind", o.id);
            assert!(
                o.country.is_some(),
                "{}: publication without a country",
                o.id
            );
        }
    }

    /// Organisations and publications as the seeds spell them resolve to one entry.
    #[test]
    fn seed_spellings_name_the_expected_organization() {
        let cases = [
            ("000 source", "Le Monde", "le_monde"),
            ("000 agency", "UNN", "unn"),
            ("000 bloc", "the West", "west"),
            ("001 byline", "Tomorrow's Affairs", "tomorrows_affairs"),
            ("001 bloc", "BRICS", "brics"),
            (
                "001 alliance long",
                "Collective Security Treaty Organization",
                "csto",
            ),
            ("001 alliance short", "CSTO", "csto"),
            (
                "001 council",
                "the Iranian security council",
                "iran_supreme_national_security_council",
            ),
            ("002 site", "Roya News", "roya_news"),
            ("002 agency", "Reuters", "reuters"),
            ("003 paper", "The Guardian", "the_guardian"),
            (
                "003 ministry",
                "Russian Foreign Ministry",
                "russian_foreign_ministry",
            ),
            ("003 group", "Hezbollah", "hezbollah"),
            (
                "004 misspelt site",
                "Responsible Statement",
                "responsible_statecraft",
            ),
            (
                "004 misspelt site again",
                "RSPONSIBLE State State",
                "responsible_statecraft",
            ),
            ("004 air force", "Russian Air Force", "russian_air_force"),
            ("004 cartel", "OPEC", "opec"),
            ("004 un", "United Nations", "un"),
        ];
        let kb = KnowledgeBase::builtin().unwrap();
        let forms = all_forms(&kb);
        for (name, surface, expected) in cases {
            let mut ids: Vec<&str> = forms
                .iter()
                .filter(|(f, _)| fold(f) == fold(surface))
                .map(|&(_, id)| id)
                .collect();
            ids.dedup();
            assert_eq!(ids, [expected], "{name}: {surface:?}");
        }
    }

    /// Forms deliberately not listed (each `# left out:` or brief decision), compared exactly.
    #[test]
    fn forms_left_out_on_purpose_stay_out() {
        let cases = [
            ("verb in all-caps headlines", "IS"),
            ("given name and goddess", "Isis"),
            ("Iranian province", "Fars"),
            ("Persian word and given name", "Mehr"),
            ("Belgian capital", "Brussels"),
            ("too short", "FT"),
            ("common noun", "Guardian"),
            ("a profession", "Economist"),
            ("comparison in seed 001", "NATO-like"),
            ("European Community too", "EC"),
            ("Pennsylvania too", "PA"),
            ("Indian Air Force too", "IAF"),
            ("a direction", "West"),
            ("adjective of many things", "Western"),
            ("the shape", "Pentagon"),
            ("Second World War corps", "Afrika Korps"),
            ("also a bank", "Sepah"),
            ("any commission", "the Commission"),
        ];
        let kb = KnowledgeBase::builtin().unwrap();
        for (name, form) in cases {
            for o in &kb.organizations {
                let listed = o.name == form || o.aliases.iter().any(|a| a == form);
                assert!(!listed, "{name}: {form:?} is a form of {}", o.id);
            }
        }
    }

    /// Forms of three letters or fewer are acronyms in capitals, so that a case-exact
    /// matcher cannot take an ordinary word ("us", "cis", "ria") for them.
    #[test]
    fn short_organization_forms_are_upper_case_acronyms() {
        let kb = KnowledgeBase::builtin().unwrap();
        for o in &kb.organizations {
            for form in std::iter::once(&o.name).chain(&o.aliases) {
                let letters = form.chars().filter(|c| c.is_alphabetic()).count();
                if letters <= 3 {
                    assert!(
                        !form.chars().any(|c| c.is_lowercase()),
                        "{}: short form {form:?} is not in capitals",
                        o.id
                    );
                }
            }
        }
    }

    /// Forms are compared without case, except acronyms (all capitals, up to five
    /// letters), which are matched case-exactly; so an entry never lists a form twice in
    /// two cases, but may list an acronym's title-case house style ("NATO" and "Nato").
    #[test]
    fn no_organization_lists_a_form_twice_in_two_cases() {
        let is_acronym = |form: &str| {
            let letters = form.chars().filter(|c| c.is_alphabetic()).count();
            letters <= 5 && !form.chars().any(|c| c.is_lowercase())
        };
        let key = |form: &str| {
            if is_acronym(form) {
                form.to_string()
            } else {
                form.to_lowercase()
            }
        };
        let kb = KnowledgeBase::builtin().unwrap();
        for o in &kb.organizations {
            let mut seen = HashSet::new();
            for form in std::iter::once(&o.name).chain(&o.aliases) {
                assert!(seen.insert(key(form)), "{}: {form:?} listed twice", o.id);
            }
        }
    }

    /// People whose entries hold no role on purpose: private persons (analysts quoted in
    /// the seeds, an opposition leader) and people whose office no role key fits (a
    /// special envoy). people.toml says why.
    const PEOPLE_WITHOUT_ROLES: [&str; 4] = [
        "maria_corina_machado",
        "steve_witkoff",
        "nikita_smagin",
        "ruslan_pukhov",
    ];

    #[test]
    fn people_hold_a_role_unless_listed_as_without() {
        let kb = KnowledgeBase::builtin().unwrap();
        for p in &kb.people {
            let listed = PEOPLE_WITHOUT_ROLES.contains(&p.id.as_str());
            assert_eq!(
                p.roles.is_empty(),
                listed,
                "{}: has roles = {}, listed as without = {listed}",
                p.id,
                !p.roles.is_empty()
            );
        }
        for id in PEOPLE_WITHOUT_ROLES {
            assert!(kb.person(id).is_some(), "{id} listed but missing");
        }
    }

    #[test]
    fn person_ids_are_lower_case_slugs() {
        let kb = KnowledgeBase::builtin().unwrap();
        for p in &kb.people {
            let id = &p.id;
            let ok = !id.is_empty()
                && id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
                && !id.starts_with('_')
                && !id.ends_with('_')
                && !id.contains("__");
            assert!(ok, "person id {id:?}");
        }
    }

    #[test]
    fn a_person_lists_each_form_once() {
        let kb = KnowledgeBase::builtin().unwrap();
        for p in &kb.people {
            let mut seen = HashSet::new();
            for form in std::iter::once(&p.name)
                .chain(&p.aliases)
                .chain(&p.standalone)
            {
                assert!(seen.insert(form), "{}: {form:?} listed twice", p.id);
            }
        }
    }

    #[test]
    fn standalone_forms_are_no_other_persons_surname() {
        // A bare surname shared by two people ("Khamenei", "Aoun") must not name one of
        // them on its own.
        let kb = KnowledgeBase::builtin().unwrap();
        for p in &kb.people {
            for form in &p.standalone {
                for q in &kb.people {
                    if q.id != p.id && q.surname.as_deref() == Some(form.as_str()) {
                        panic!("{}: standalone {form:?} is the surname of {}", p.id, q.id);
                    }
                }
            }
        }
    }

    use super::seeds::NUMBERED as SEEDS;

    #[test]
    fn names_written_in_the_seeds_name_one_person() {
        // (case, seed, form as written there, expected person, standalone form?)
        let cases = [
            ("Assad", "000", "Bashar al-Assad", "bashar_al_assad", false),
            (
                "Assad, translation spacing",
                "004",
                "Bashar al -Assad",
                "bashar_al_assad",
                false,
            ),
            (
                "Maduro without accent",
                "000",
                "Nicolas Maduro",
                "nicolas_maduro",
                false,
            ),
            (
                "Maduro with accent",
                "001",
                "Nicolás Maduro",
                "nicolas_maduro",
                false,
            ),
            ("Putin in full", "000", "Vladimir Putin", "putin", false),
            ("Putin alone", "001", "Putin", "putin", true),
            ("Ali Khamenei", "000", "Ali Khamenei", "ali_khamenei", false),
            (
                "Mojtaba Khamenei",
                "002",
                "Mojtaba Khamenei",
                "mojtaba_khamenei",
                false,
            ),
            (
                "Pezeshkian",
                "000",
                "Masoud Pezeshkian",
                "masoud_pezeshkian",
                false,
            ),
            (
                "Trump in full",
                "000",
                "Donald Trump",
                "donald_trump",
                false,
            ),
            ("Trump alone", "003", "Trump", "donald_trump", true),
            (
                "Lavrov spelt with y",
                "001",
                "Sergey Lavrov",
                "sergei_lavrov",
                false,
            ),
            ("Lavrov alone", "001", "Lavrov", "sergei_lavrov", true),
            ("Shoigu", "001", "Sergei Shoigu", "sergei_shoigu", false),
            ("Larijani", "001", "Ali Larijani", "ali_larijani", false),
            (
                "analyst Smagin",
                "003",
                "Nikita Smagin",
                "nikita_smagin",
                false,
            ),
            (
                "analyst Pukhov",
                "003",
                "Ruslan Pukhov",
                "ruslan_pukhov",
                false,
            ),
        ];
        let kb = KnowledgeBase::builtin().unwrap();
        for (name, seed, form, expected, standalone) in cases {
            let text = SEEDS.iter().find(|(s, _)| *s == seed).unwrap().1;
            assert!(
                text.contains(form),
                "{name}: {form:?} is not in seed {seed}"
            );
            let owners: Vec<&str> = kb
                .people
                .iter()
                .filter(|p| {
                    if standalone {
                        p.standalone.iter().any(|f| f == form)
                    } else {
                        p.name == form || p.aliases.iter().any(|f| f == form)
                    }
                })
                .map(|p| p.id.as_str())
                .collect();
            assert_eq!(owners, [expected], "{name}: {form:?}");
        }
    }

    /// The people holding `key` of `of` on `date`; year-only bounds are read broadly
    /// (from the year's first day, to its last).
    fn holders_on<'a>(kb: &'a KnowledgeBase, key: &str, of: &str, date: &str) -> Vec<&'a str> {
        let day = day_number(parse_date(date, false).expect("test date parses"));
        let mut out: Vec<&str> = kb
            .people
            .iter()
            .filter(|p| {
                p.roles.iter().any(|r| {
                    let from = r.from.as_deref().and_then(|d| parse_date(d, false));
                    let to = r.to.as_deref().and_then(|d| parse_date(d, true));
                    r.key == key
                        && r.of == of
                        && from.is_none_or(|f| day_number(f) <= day)
                        && to.is_none_or(|t| day <= day_number(t))
                })
            })
            .map(|p| p.id.as_str())
            .collect();
        out.sort_unstable();
        out
    }

    #[test]
    fn offices_have_the_right_holders_on_given_days() {
        // Expected holders come from the seeds (dated March 2026) and the public record.
        let cases: [(&str, &str, &str, &str, &[&str]); 22] = [
            (
                "Russian president in the seeds",
                "president",
                "RUS",
                "2026-03-03",
                &["putin"],
            ),
            (
                "Russian president in 2010",
                "president",
                "RUS",
                "2010-01-01",
                &["dmitry_medvedev"],
            ),
            (
                "Iran's leader before the war",
                "supreme_leader",
                "IRN",
                "2025-06-01",
                &["ali_khamenei"],
            ),
            (
                "Iran's leader at Nowruz 2026 (seed 002)",
                "supreme_leader",
                "IRN",
                "2026-03-20",
                &["mojtaba_khamenei"],
            ),
            (
                "Putin's Iranian counterpart on 1 March 2026 (seed 000)",
                "president",
                "IRN",
                "2026-03-01",
                &["masoud_pezeshkian"],
            ),
            (
                "Iran between Raisi's death and Pezeshkian",
                "president",
                "IRN",
                "2024-06-15",
                &["mohammad_mokhber"],
            ),
            (
                "Iran's security council head in January 2026 (seed 001)",
                "security_council_secretary",
                "IRN",
                "2026-01-15",
                &["ali_larijani"],
            ),
            (
                "Russia's security council secretary in January 2026 (seed 001)",
                "security_council_secretary",
                "RUS",
                "2026-01-15",
                &["sergei_shoigu"],
            ),
            (
                "Russian defence minister after the 2024 reshuffle",
                "defence_minister",
                "RUS",
                "2024-06-01",
                &["andrei_belousov"],
            ),
            (
                "Syria before the fall of Damascus",
                "president",
                "SYR",
                "2024-12-01",
                &["bashar_al_assad"],
            ),
            (
                "Syria between Assad and al-Sharaa's presidency",
                "president",
                "SYR",
                "2025-01-01",
                &[],
            ),
            (
                "Syria in 2025",
                "president",
                "SYR",
                "2025-06-01",
                &["ahmed_al_sharaa"],
            ),
            (
                "Venezuela before the capture",
                "president",
                "VEN",
                "2025-12-31",
                &["nicolas_maduro"],
            ),
            (
                "US president in the seeds",
                "president",
                "USA",
                "2026-03-03",
                &["donald_trump"],
            ),
            (
                "US president in 2022",
                "president",
                "USA",
                "2022-06-01",
                &["joe_biden"],
            ),
            (
                "US secretary of state the day before Rubio",
                "foreign_minister",
                "USA",
                "2025-01-20",
                &["antony_blinken"],
            ),
            (
                "Hezbollah between Nasrallah and Qassem",
                "secretary_general",
                "hezbollah",
                "2024-10-10",
                &[],
            ),
            (
                "NATO handover day is shared",
                "secretary_general",
                "nato",
                "2024-10-01",
                &["jens_stoltenberg", "mark_rutte"],
            ),
            (
                "Saudi crown prince",
                "crown_prince",
                "SAU",
                "2023-01-01",
                &["mohammed_bin_salman"],
            ),
            (
                "Quds Force commander after Soleimani",
                "commander",
                "quds_force",
                "2020-06-01",
                &["esmail_qaani"],
            ),
            (
                "UN General Assembly president in autumn 2025",
                "president",
                "un_general_assembly",
                "2025-10-01",
                &["annalena_baerbock"],
            ),
            (
                "EU foreign policy chief in 2025",
                "foreign_minister",
                "eu",
                "2025-03-01",
                &["kaja_kallas"],
            ),
        ];
        let kb = KnowledgeBase::builtin().unwrap();
        for (name, key, of, date, expected) in cases {
            assert_eq!(holders_on(&kb, key, of, date), expected, "{name}");
        }
    }
}
