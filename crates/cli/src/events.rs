//! `entente events`: one tab-separated row per relation, with columns named after GDELT's
//! event table where they mean the same, then Entente's own.
//!
//! ```
//! let engine = entente_core::Engine::builtin();
//! let doc = engine.analyze("a.txt", "Turkey condemned Greece on Monday.");
//! let mut out = String::new();
//! entente_cli::events::rows(&doc, "a.txt", &mut out);
//! let row: Vec<&str> = out.trim_end().split('\t').collect();
//! assert_eq!(row.len(), entente_cli::events::COLUMNS.len());
//! assert_eq!((row[3], row[6], row[9], row[10]), ("TUR", "GRC", "111", "11"));
//! ```

use std::borrow::Cow;

use entente_core::{Actor, Document, Quad, Relation};

/// The columns, in order: GDELT's names up to `GoldsteinScale`, then ours.
pub const COLUMNS: [&str; 17] = [
    "SQLDATE",
    "DocumentId",
    "SOURCEURL",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "EventCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "Quad",
    "Flags",
    "Cue",
    "Sentence",
];

/// The header line, with its `\n`.
pub fn header() -> String {
    let mut s = COLUMNS.join("\t");
    s.push('\n');
    s
}

/// GDELT's QuadClass (the core's `cameo::gdelt_quad_class`); 0 for `neutral`, which GDELT
/// has no class for.
pub fn quad_class(q: Quad) -> u8 {
    entente_core::cameo::gdelt_quad_class(q).unwrap_or(0)
}

/// The relation's CAMEO event code, empty when its rule has none.
pub fn event_code(r: &Relation) -> &str {
    &r.cameo
}

/// The CAMEO root code: the first two digits of the event code ("112" → "11"); empty when
/// there is no code (the core's `cameo::root`).
pub fn root_code(code: &str) -> &str {
    entente_core::cameo::root(code).unwrap_or("")
}

/// A cell: tabs, line ends and other control characters become spaces.
fn cell(s: &str) -> Cow<'_, str> {
    let bad = |c: char| c.is_control() || c == '\u{2028}' || c == '\u{2029}';
    if s.contains(bad) {
        Cow::Owned(s.replace(bad, " "))
    } else {
        Cow::Borrowed(s)
    }
}

fn name(a: Option<&Actor>) -> &str {
    a.map_or("", |a| a.name.as_str())
}

fn country(a: Option<&Actor>) -> &str {
    a.and_then(|a| a.country.as_deref()).unwrap_or("")
}

/// Appends one row per relation of `doc` to `out`; `doc_id` fills `DocumentId`.
pub fn rows(doc: &Document, doc_id: &str, out: &mut String) {
    let actor = |id: &str| doc.actors.iter().find(|a| a.id == id);
    let date = doc.date.as_deref().unwrap_or("");
    let url = doc.url.as_deref().unwrap_or("");
    for r in &doc.relations {
        let (a1, a2) = (actor(&r.source), actor(&r.target));
        let code = event_code(r);
        let flags: Vec<&str> = r.flags.iter().map(|f| f.as_str()).collect();
        let flags = flags.join(",");
        let quad_class = quad_class(r.quad).to_string();
        let goldstein = format!("{:.1}", r.goldstein);
        let cells: [&str; 17] = [
            date,
            doc_id,
            url,
            &r.source,
            name(a1),
            country(a1),
            &r.target,
            name(a2),
            country(a2),
            code,
            root_code(code),
            &quad_class,
            &goldstein,
            r.quad.as_str(),
            &flags,
            &r.cue,
            &r.sentence,
        ];
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                out.push('\t');
            }
            out.push_str(&cell(c));
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_have_no_tabs_or_line_ends() {
        assert_eq!(cell("a\tb\nc\r\nd\u{2028}e"), "a b c  d e");
        assert!(matches!(cell("plain"), Cow::Borrowed("plain")));
    }

    #[test]
    fn root_codes() {
        for (code, root) in [("112", "11"), ("0211", "02"), ("19", "19"), ("", "")] {
            assert_eq!(root_code(code), root, "{code}");
        }
    }
}
