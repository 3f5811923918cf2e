//! The view as a URL query: every filter, the open card, the pair, the open article and
//! the tab live in `?key=value&...`, so every view is a permalink. Pure: parsing never
//! fails; unknown or malformed parameters are dropped with a quiet [`Notice`].

use std::fmt;
use std::str::FromStr;

use entente_core::{ActorKind, Flag, Quad};

/// Which main view shows the actors in view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Tab {
    /// The grid of actor cards.
    #[default]
    Cards,
    /// The relation graph.
    Graph,
}

impl Tab {
    /// Both tabs, in display order.
    pub const ALL: [Tab; 2] = [Tab::Cards, Tab::Graph];
    /// The value used in the URL.
    pub fn as_str(self) -> &'static str {
        match self {
            Tab::Cards => "cards",
            Tab::Graph => "graph",
        }
    }
}

impl fmt::Display for Tab {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Tab {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Tab::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| format!("unknown view `{s}`"))
    }
}

/// The flag filter: relations carrying one flag, or plain ones (no flag at all).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FlagFilter {
    /// Relations with this flag.
    Is(Flag),
    /// Relations with no flag: stated outright, not negated, limited, hedged, reported or hypothetical.
    Plain,
}

impl FlagFilter {
    /// Every choice, in display order.
    pub const ALL: [FlagFilter; 6] = [
        FlagFilter::Plain,
        FlagFilter::Is(Flag::Negated),
        FlagFilter::Is(Flag::Limited),
        FlagFilter::Is(Flag::Hedged),
        FlagFilter::Is(Flag::Reported),
        FlagFilter::Is(Flag::Hypothetical),
    ];
    /// How [`FlagFilter::Plain`] is written in the URL.
    pub const PLAIN: &'static str = "plain";

    /// As written in the URL (`plain`, `negated`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            FlagFilter::Plain => Self::PLAIN,
            FlagFilter::Is(flag) => flag.as_str(),
        }
    }

    /// A human label for a select box.
    pub fn label(self) -> &'static str {
        match self {
            FlagFilter::Plain => "no flag (stated outright)",
            FlagFilter::Is(f) => f.as_str(),
        }
    }
}

impl fmt::Display for FlagFilter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for FlagFilter {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s == Self::PLAIN {
            return Ok(FlagFilter::Plain);
        }
        s.parse::<Flag>().map(FlagFilter::Is)
    }
}

/// Filters that combine (all must hold). `None` or empty means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Filters {
    /// ISO alpha-3: relations where either party is this state or belongs to it.
    pub country: Option<String>,
    /// A person's actor id: relations where this leader is either party.
    pub leader: Option<String>,
    /// Actor kind: cards of this kind, relations with a party of this kind.
    pub kind: Option<ActorKind>,
    /// Relations of this quad class.
    pub quad: Option<Quad>,
    /// Relations with this flag (or with none).
    pub flag: Option<FlagFilter>,
    /// A document key: relations from this article only.
    pub article: Option<String>,
    /// Free text searched in sentences (case-insensitive).
    pub q: String,
}

impl Filters {
    /// True when no filter is set.
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

/// Everything a permalink restores.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ViewState {
    pub filters: Filters,
    /// The actor whose full view is open.
    pub actor: Option<String>,
    /// The pair view (a, b) that is open.
    pub pair: Option<(String, String)>,
    /// The document key of the article open in the reader.
    pub read: Option<String>,
    /// The sentence (index into `Document::sentences`) to scroll to in the reader.
    pub sentence: Option<usize>,
    pub tab: Tab,
}

/// A parameter that was ignored, and why. Shown quietly, never blocking.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Notice {
    /// The parameter name as given.
    pub param: String,
    pub message: String,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Ignored `{}`: {}", self.param, self.message)
    }
}

/// Parameter names, in the order [`to_query`] writes them.
pub const PARAMS: [&str; 12] = [
    "country", "leader", "kind", "quad", "flag", "article", "q", "actor", "pair", "read", "s",
    "tab",
];

/// Longest value kept for any parameter (a pasted URL can be anything).
const MAX_VALUE: usize = 500;

/// True for ids as the core writes them: ISO codes and slugs.
fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.')
}

fn is_country_code(s: &str) -> bool {
    s.len() == 3 && s.chars().all(|c| c.is_ascii_uppercase())
}

/// Reads a URL query (with or without the leading `?`). Never fails: what cannot be
/// used is left out and reported as a notice.
///
/// # Examples
/// ```
/// let (s, notices) = entente::url::parse("?country=IRN&actor=putin&bogus=1");
/// assert_eq!(s.filters.country.as_deref(), Some("IRN"));
/// assert_eq!(s.actor.as_deref(), Some("putin"));
/// assert_eq!(notices.len(), 1);
/// ```
pub fn parse(query: &str) -> (ViewState, Vec<Notice>) {
    let mut state = ViewState::default();
    let mut notices = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    for part in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = part.split_once('=').unwrap_or((part, ""));
        let Some(key) = decode(raw_key) else {
            notices.push(notice(raw_key, "the name is not valid percent-encoding"));
            continue;
        };
        let Some(value) = decode(raw_value) else {
            notices.push(notice(&key, "the value is not valid percent-encoding"));
            continue;
        };
        if !PARAMS.contains(&key.as_str()) {
            notices.push(notice(&key, "unknown parameter"));
            continue;
        }
        if seen.contains(&key) {
            notices.push(notice(&key, "given more than once; the first is used"));
            continue;
        }
        seen.push(key.clone());
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        if value.len() > MAX_VALUE {
            notices.push(notice(&key, "the value is too long"));
            continue;
        }
        if let Err(message) = apply(&mut state, &key, value) {
            notices.push(notice(&key, &message));
        }
    }
    if state.sentence.is_some() && state.read.is_none() {
        state.sentence = None;
        notices.push(notice("s", "a sentence needs an open article (`read`)"));
    }
    (state, notices)
}

fn notice(param: &str, message: &str) -> Notice {
    let mut param: String = param.chars().take(40).collect();
    if param.is_empty() {
        param = "(empty)".into();
    }
    Notice {
        param,
        message: message.to_string(),
    }
}

fn parse_enum<T: FromStr<Err = String>>(value: &str) -> Result<T, String> {
    value.parse::<T>()
}

fn id(value: &str, what: &str) -> Result<String, String> {
    if is_id(value) {
        Ok(value.to_string())
    } else {
        Err(format!("`{value}` is not {what}"))
    }
}

fn apply(state: &mut ViewState, key: &str, value: &str) -> Result<(), String> {
    let f = &mut state.filters;
    match key {
        "country" => {
            if !is_country_code(value) {
                return Err(format!("`{value}` is not a three-letter country code"));
            }
            f.country = Some(value.to_string());
        }
        "leader" => f.leader = Some(id(value, "an actor id")?),
        "kind" => f.kind = Some(value.parse::<ActorKind>()?),
        "quad" => f.quad = Some(parse_enum::<Quad>(value)?),
        "flag" => f.flag = Some(parse_enum::<FlagFilter>(value)?),
        "article" => f.article = Some(value.to_string()),
        "q" => f.q = value.to_string(),
        "actor" => state.actor = Some(id(value, "an actor id")?),
        "pair" => {
            let (a, b) = value
                .split_once(',')
                .ok_or_else(|| "a pair is two actor ids separated by a comma".to_string())?;
            let (a, b) = (id(a.trim(), "an actor id")?, id(b.trim(), "an actor id")?);
            if a == b {
                return Err("a pair needs two different actors".into());
            }
            state.pair = Some((a, b));
        }
        "read" => state.read = Some(value.to_string()),
        "s" => {
            let n = value
                .parse::<usize>()
                .map_err(|_| format!("`{value}` is not a sentence number"))?;
            state.sentence = Some(n);
        }
        "tab" => state.tab = parse_enum::<Tab>(value)?,
        _ => return Err("unknown parameter".into()),
    }
    Ok(())
}

/// Writes the view as a query string with a leading `?`, or `""` for the default view.
/// Parameters come in a fixed order and defaults are left out, so equal views give equal URLs.
///
/// # Examples
/// ```
/// use entente::url::{parse, to_query};
/// let (s, _) = parse("actor=putin&country=IRN");
/// assert_eq!(to_query(&s), "?country=IRN&actor=putin");
/// ```
pub fn to_query(state: &ViewState) -> String {
    let f = &state.filters;
    let mut pairs: Vec<(&str, String)> = Vec::new();
    let mut push = |k: &'static str, v: Option<String>| {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            pairs.push((k, v));
        }
    };
    push("country", f.country.clone());
    push("leader", f.leader.clone());
    push("kind", f.kind.map(|k| k.to_string()));
    push("quad", f.quad.map(|q| q.to_string()));
    push("flag", f.flag.map(|x| x.to_string()));
    push("article", f.article.clone());
    push("q", Some(f.q.trim().to_string()));
    push("actor", state.actor.clone());
    push("pair", state.pair.as_ref().map(|(a, b)| format!("{a},{b}")));
    push("read", state.read.clone());
    push(
        "s",
        state
            .sentence
            .filter(|_| state.read.is_some())
            .map(|n| n.to_string()),
    );
    push(
        "tab",
        (state.tab != Tab::Cards).then(|| state.tab.to_string()),
    );
    if pairs.is_empty() {
        return String::new();
    }
    let body: Vec<String> = pairs
        .into_iter()
        .map(|(k, v)| format!("{k}={}", encode(&v)))
        .collect();
    format!("?{}", body.join("&"))
}

// The codec below is hand-written on purpose. Measured with the `percent-encoding` crate in
// its place (`trunk build --release`, then `gzip -9 -c dist/*.wasm | wc -c`): the shipped
// wasm grew from 514,132 to 514,800 bytes with the crate's encoder, to 514,591 with its
// decoder, and to 515,513 with both, although the crate is already in the dependency tree
// (through leptos's server_fn, which the page never calls). Its decoder also passes a
// malformed escape (`%ZZ`, `a%2`) through as text, where [`parse`] must report it, so it
// would need a check of its own beside it.

/// Percent-encodes everything but unreserved characters (and the comma of pairs).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Decodes percent-encoding and `+` as space; `None` when malformed or not UTF-8.
pub fn decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let hex = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(f: impl FnOnce(&mut ViewState)) -> ViewState {
        let mut s = ViewState::default();
        f(&mut s);
        s
    }

    #[test]
    fn parse_reads_each_parameter() {
        let cases: Vec<(&str, &str, ViewState)> = vec![
            ("empty", "", ViewState::default()),
            ("question mark only", "?", ViewState::default()),
            (
                "country",
                "?country=IRN",
                state(|s| s.filters.country = Some("IRN".into())),
            ),
            (
                "leader",
                "leader=putin",
                state(|s| s.filters.leader = Some("putin".into())),
            ),
            (
                "kind",
                "kind=person",
                state(|s| s.filters.kind = Some(ActorKind::Person)),
            ),
            (
                "quad",
                "quad=material_conflict",
                state(|s| s.filters.quad = Some(Quad::MaterialConflict)),
            ),
            (
                "flag negated",
                "flag=negated",
                state(|s| s.filters.flag = Some(FlagFilter::Is(Flag::Negated))),
            ),
            (
                "flag plain",
                "flag=plain",
                state(|s| s.filters.flag = Some(FlagFilter::Plain)),
            ),
            (
                "article with colon",
                "article=yours%3Aab12",
                state(|s| s.filters.article = Some("yours:ab12".into())),
            ),
            (
                "search with plus and percent",
                "q=mutual+defence%20clause",
                state(|s| s.filters.q = "mutual defence clause".into()),
            ),
            (
                "search in Cyrillic",
                "q=%D0%9A%D1%80%D0%B5%D0%BC%D0%BB%D1%8C",
                state(|s| s.filters.q = "Кремль".into()),
            ),
            (
                "open card",
                "actor=putin",
                state(|s| s.actor = Some("putin".into())),
            ),
            (
                "pair",
                "pair=RUS,IRN",
                state(|s| s.pair = Some(("RUS".into(), "IRN".into()))),
            ),
            (
                "pair with encoded comma",
                "pair=RUS%2CIRN",
                state(|s| s.pair = Some(("RUS".into(), "IRN".into()))),
            ),
            (
                "reader at a sentence",
                "read=001_x.txt&s=4",
                state(|s| {
                    s.read = Some("001_x.txt".into());
                    s.sentence = Some(4);
                }),
            ),
            ("graph tab", "tab=graph", state(|s| s.tab = Tab::Graph)),
            ("empty value is absent", "country=&q=", ViewState::default()),
        ];
        for (name, query, want) in cases {
            let (got, notices) = parse(query);
            assert_eq!(got, want, "case {name}");
            assert!(notices.is_empty(), "case {name}: {notices:?}");
        }
    }

    #[test]
    fn parse_ignores_bad_parameters_with_a_notice() {
        // (name, query, the state that survives, the parameter each notice names)
        let cases: Vec<(&str, &str, ViewState, Vec<&str>)> = vec![
            (
                "unknown parameter",
                "utm_source=x&country=IRN",
                state(|s| s.filters.country = Some("IRN".into())),
                vec!["utm_source"],
            ),
            (
                "unknown quad",
                "quad=friendly",
                ViewState::default(),
                vec!["quad"],
            ),
            (
                "lower-case country code",
                "country=irn",
                ViewState::default(),
                vec!["country"],
            ),
            ("bad kind", "kind=robot", ViewState::default(), vec!["kind"]),
            ("bad flag", "flag=maybe", ViewState::default(), vec!["flag"]),
            ("bad tab", "tab=map", ViewState::default(), vec!["tab"]),
            (
                "pair of one",
                "pair=RUS",
                ViewState::default(),
                vec!["pair"],
            ),
            (
                "pair with itself",
                "pair=RUS,RUS",
                ViewState::default(),
                vec!["pair"],
            ),
            (
                "actor id with markup",
                "actor=%3Cscript%3E",
                ViewState::default(),
                vec!["actor"],
            ),
            (
                "broken percent-encoding",
                "q=%E2%28&actor=putin",
                state(|s| s.actor = Some("putin".into())),
                vec!["q"],
            ),
            (
                "truncated percent",
                "q=abc%4",
                ViewState::default(),
                vec!["q"],
            ),
            (
                "sentence without article",
                "s=3",
                ViewState::default(),
                vec!["s"],
            ),
            (
                "negative sentence",
                "read=a.txt&s=-1",
                state(|s| s.read = Some("a.txt".into())),
                vec!["s"],
            ),
            (
                "duplicate keeps the first",
                "country=IRN&country=RUS",
                state(|s| s.filters.country = Some("IRN".into())),
                vec!["country"],
            ),
            (
                "too long",
                &*Box::leak(format!("q={}", "a".repeat(600)).into_boxed_str()),
                ViewState::default(),
                vec!["q"],
            ),
        ];
        for (name, query, want, params) in cases {
            let (got, notices) = parse(query);
            assert_eq!(got, want, "case {name}");
            let named: Vec<&str> = notices.iter().map(|n| n.param.as_str()).collect();
            assert_eq!(named, params, "case {name}");
        }
    }

    #[test]
    fn to_query_writes_fixed_order_and_leaves_defaults_out() {
        assert_eq!(to_query(&ViewState::default()), "");
        let s = state(|s| {
            s.tab = Tab::Graph;
            s.actor = Some("putin".into());
            s.filters.q = "no defence".into();
            s.filters.country = Some("IRN".into());
        });
        assert_eq!(
            to_query(&s),
            "?country=IRN&q=no%20defence&actor=putin&tab=graph"
        );
        // a sentence without an article is not written
        let s = state(|s| s.sentence = Some(2));
        assert_eq!(to_query(&s), "");
    }

    #[test]
    fn every_view_round_trips_through_the_url() {
        let full = state(|s| {
            s.filters = Filters {
                country: Some("IRN".into()),
                leader: Some("putin".into()),
                kind: Some(ActorKind::State),
                quad: Some(Quad::VerbalCooperation),
                flag: Some(FlagFilter::Is(Flag::Limited)),
                article: Some("yours:1&2=3".into()),
                q: "loyal friend & partner?".into(),
            };
            s.actor = Some("RUS".into());
            s.pair = Some(("RUS".into(), "IRN".into()));
            s.read = Some("002 x.txt".into());
            s.sentence = Some(7);
            s.tab = Tab::Graph;
        });
        for (name, s) in [("default", ViewState::default()), ("everything", full)] {
            let q = to_query(&s);
            let (back, notices) = parse(&q);
            assert_eq!(back, s, "case {name}: {q}");
            assert!(notices.is_empty(), "case {name}: {notices:?}");
        }
    }

    #[test]
    fn enums_display_what_they_parse() {
        for t in Tab::ALL {
            assert_eq!(t.to_string().parse::<Tab>(), Ok(t));
        }
        for f in FlagFilter::ALL {
            assert_eq!(f.to_string().parse::<FlagFilter>(), Ok(f));
        }
    }

    #[test]
    fn decode_rejects_invalid_utf8_and_bad_hex() {
        assert_eq!(decode("%ZZ"), None);
        assert_eq!(decode("%FF"), None);
        assert_eq!(decode("a%2"), None);
        assert_eq!(decode("a%20b+c").as_deref(), Some("a b c"));
    }
}
