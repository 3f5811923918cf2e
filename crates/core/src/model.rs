//! The plain data the core produces: documents, actors, mentions, relations.
//! Field names follow the analysis JSON contract (`shared/docs/analysis-json.md`);
//! fields beyond the contract are additions, never renames.

use serde::{Deserialize, Serialize};

/// The whole result for a set of files: `{"documents": [...]}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub documents: Vec<Document>,
}

/// One analysed article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The path as given (command line) or a name chosen by the caller (page).
    pub path: String,
    pub title: Option<String>,
    /// `YYYY-MM-DD`, from the header or the text, or `None`.
    pub date: Option<String>,
    /// From the header block, when present (addition to the contract).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// From the header block, when present (addition to the contract).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Byte length of the body (addition): spans index into the body.
    #[serde(default)]
    pub body_len: usize,
    /// Sentences as byte spans of the body, in order (addition).
    #[serde(default)]
    pub sentences: Vec<Span>,
    pub actors: Vec<Actor>,
    pub relations: Vec<Relation>,
}

/// A half-open byte range `[start, end)` of a document body.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// What an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    State,
    /// Intergovernmental organisations, alliances, agencies, companies, publications.
    Organization,
    /// Non-state armed or political groups (Hezbollah, Hamas, the Houthis, ...).
    Group,
}

impl ActorKind {
    pub const ALL: [ActorKind; 4] = [
        ActorKind::Person,
        ActorKind::State,
        ActorKind::Organization,
        ActorKind::Group,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::State => "state",
            ActorKind::Organization => "organization",
            ActorKind::Group => "group",
        }
    }
}

impl std::fmt::Display for ActorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for ActorKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ActorKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| format!("unknown actor kind `{s}`"))
    }
}

/// A role a person held, as it applies at the article's date (addition).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoleInfo {
    /// e.g. "President", "Foreign Minister", "Supreme Leader".
    pub title: String,
    /// ISO 3166 alpha-3 of the state, or an organisation id.
    pub of: String,
    /// `YYYY-MM-DD` or `YYYY`, when known.
    #[serde(default)]
    pub from: Option<String>,
    /// `None` while still in office.
    #[serde(default)]
    pub to: Option<String>,
}

/// An actor found in one document, with every mention of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Stable id: ISO alpha-3 for states (`RUS`), a slug for others (`putin`, `nato`).
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    /// ISO 3166 alpha-3 of the state it is or belongs to.
    pub country: Option<String>,
    pub mentions: Vec<Mention>,
    /// The role held at the document's date, for people (addition).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<RoleInfo>,
    /// True for publications and agencies that only source claims (Reuters, Le Monde) (addition).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub source_only: bool,
    /// False when the actor was found in the text but is not in the knowledge base (addition).
    #[serde(default = "yes")]
    pub known: bool,
}

fn yes() -> bool {
    true
}

/// One occurrence of an actor in the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The surface exactly as in the body (`body[start..end]`).
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// CAMEO QuadClass, plus `neutral` for acts with no cooperative or hostile content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quad {
    VerbalCooperation,
    MaterialCooperation,
    VerbalConflict,
    MaterialConflict,
    Neutral,
}

impl Quad {
    pub const ALL: [Quad; 5] = [
        Quad::VerbalCooperation,
        Quad::MaterialCooperation,
        Quad::VerbalConflict,
        Quad::MaterialConflict,
        Quad::Neutral,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Quad::VerbalCooperation => "verbal_cooperation",
            Quad::MaterialCooperation => "material_cooperation",
            Quad::VerbalConflict => "verbal_conflict",
            Quad::MaterialConflict => "material_conflict",
            Quad::Neutral => "neutral",
        }
    }
    /// A short human label ("verbal cooperation").
    pub fn label(self) -> &'static str {
        match self {
            Quad::VerbalCooperation => "verbal cooperation",
            Quad::MaterialCooperation => "material cooperation",
            Quad::VerbalConflict => "verbal conflict",
            Quad::MaterialConflict => "material conflict",
            Quad::Neutral => "neutral",
        }
    }
    pub fn is_cooperation(self) -> bool {
        matches!(self, Quad::VerbalCooperation | Quad::MaterialCooperation)
    }
    pub fn is_conflict(self) -> bool {
        matches!(self, Quad::VerbalConflict | Quad::MaterialConflict)
    }
    pub fn is_material(self) -> bool {
        matches!(self, Quad::MaterialCooperation | Quad::MaterialConflict)
    }
}

impl std::fmt::Display for Quad {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Quad {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Quad::ALL
            .into_iter()
            .find(|q| q.as_str() == s)
            .ok_or_else(|| format!("unknown quad class `{s}`"))
    }
}

/// Stance of the source toward the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    Support,
    Oppose,
    Neutral,
}

impl Polarity {
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Support => "support",
            Polarity::Oppose => "oppose",
            Polarity::Neutral => "neutral",
        }
    }
}

/// What qualifies an act: it did not happen, it is limited, hedged, only reported, or hypothetical.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Flag {
    Negated,
    Limited,
    Hedged,
    Reported,
    Hypothetical,
}

impl Flag {
    pub const ALL: [Flag; 5] = [
        Flag::Negated,
        Flag::Limited,
        Flag::Hedged,
        Flag::Reported,
        Flag::Hypothetical,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Flag::Negated => "negated",
            Flag::Limited => "limited",
            Flag::Hedged => "hedged",
            Flag::Reported => "reported",
            Flag::Hypothetical => "hypothetical",
        }
    }
}

impl std::fmt::Display for Flag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Flag {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Flag::ALL
            .into_iter()
            .find(|q| q.as_str() == s)
            .ok_or_else(|| format!("unknown flag `{s}`"))
    }
}

/// One directed act of `source` toward `target` in one sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    /// The whole sentence text.
    pub sentence: String,
    /// Actor id.
    pub source: String,
    /// Actor id.
    pub target: String,
    pub quad: Quad,
    pub polarity: Polarity,
    pub goldstein: f64,
    /// The CAMEO event code of the rule (`goldstein` is that code's value); empty when unknown.
    #[serde(default)]
    pub cameo: String,
    /// The words that triggered it, as in the text.
    pub cue: String,
    /// The id of the rule that fired (from the cue lexicon).
    pub rule: String,
    pub flags: Vec<Flag>,
    /// Index into `Document::sentences` (addition).
    #[serde(default)]
    pub sentence_index: usize,
    /// Byte span of the cue in the body (addition).
    #[serde(default)]
    pub cue_span: Span,
    /// Event category of the rule, e.g. "provide_military_aid" (addition).
    #[serde(default)]
    pub event: String,
    /// Who the claim is attributed to, when `reported` (an actor id or the speaker's words) (addition).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_by: Option<String>,
}

impl Relation {
    pub fn has(&self, flag: Flag) -> bool {
        self.flags.contains(&flag)
    }
}
