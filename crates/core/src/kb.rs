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
}
