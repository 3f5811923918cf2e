//! Downloads the page offers: the relations in view as CSV for a spreadsheet, and the
//! analysis JSON (`shared/docs/analysis-json.md`) restricted to the relations in view.
//!
//! Both take the same `keep` filter as [`crate::summary`], so an export holds exactly
//! what the page shows.

use std::collections::HashMap;

use crate::model::{Analysis, Document, Relation};
use crate::summary::RelRef;

/// The CSV columns, in order.
pub const CSV_COLUMNS: [&str; 16] = [
    "document",
    "title",
    "date",
    "sentence_index",
    "source",
    "source_name",
    "target",
    "target_name",
    "quad",
    "polarity",
    "goldstein",
    "cameo",
    "flags",
    "cue",
    "rule",
    "sentence",
];

/// The relations `keep` accepts, one CSV row each after a header row of [`CSV_COLUMNS`].
///
/// RFC 4180: rows end with CRLF; a field holding a comma, a double quote, CR or LF is
/// quoted, with inner double quotes doubled. Flags are joined with `;`. Actor names come
/// from the document's actor list (empty when the id is not there).
///
/// (X1) Spreadsheet formula injection is neutralised: a text field starting with `=`, `+`,
/// `-`, `@`, a tab or CR gets a leading `'`, so a spreadsheet shows it instead of running
/// it. The numeric fields (`sentence_index`, `goldstein`) are written as numbers.
///
/// # Examples
///
/// ```
/// use entente_core::{export::relations_csv, Engine};
/// let doc = Engine::builtin().analyze("note.txt", "Putin praised Iran.");
/// let csv = relations_csv(&[doc], |_, _| true);
/// assert!(csv.starts_with("document,title,date,sentence_index,"));
/// ```
pub fn relations_csv(docs: &[Document], keep: impl Fn(RelRef, &Relation) -> bool) -> String {
    let mut out = String::new();
    push_row(&mut out, CSV_COLUMNS.iter().map(|c| Field::Text(c)));
    for (di, doc) in docs.iter().enumerate() {
        // One lookup table per document: a search of the actor list per relation would
        // cost actors x relations on a long paste.
        let names: HashMap<&str, &str> = doc
            .actors
            .iter()
            .map(|a| (a.id.as_str(), a.name.as_str()))
            .collect();
        let name_of = |id: &str| names.get(id).copied().unwrap_or_default().to_string();
        for (ri, r) in doc.relations.iter().enumerate() {
            if !keep(RelRef { doc: di, rel: ri }, r) {
                continue;
            }
            let flags = r
                .flags
                .iter()
                .map(|f| f.as_str())
                .collect::<Vec<_>>()
                .join(";");
            let (source_name, target_name) = (name_of(&r.source), name_of(&r.target));
            let sentence_index = r.sentence_index.to_string();
            let goldstein = r.goldstein.to_string();
            push_row(
                &mut out,
                [
                    Field::Text(&doc.path),
                    Field::Text(doc.title.as_deref().unwrap_or("")),
                    Field::Text(doc.date.as_deref().unwrap_or("")),
                    Field::Number(&sentence_index),
                    Field::Text(&r.source),
                    Field::Text(&source_name),
                    Field::Text(&r.target),
                    Field::Text(&target_name),
                    Field::Text(r.quad.as_str()),
                    Field::Text(r.polarity.as_str()),
                    Field::Number(&goldstein),
                    Field::Text(&r.cameo),
                    Field::Text(&flags),
                    Field::Text(&r.cue),
                    Field::Text(&r.rule),
                    Field::Text(&r.sentence),
                ],
            );
        }
    }
    out
}

/// One CSV field: text is guarded against formula injection (X1), numbers are not.
enum Field<'a> {
    Text(&'a str),
    Number(&'a str),
}

fn push_row<'a>(out: &mut String, fields: impl IntoIterator<Item = Field<'a>>) {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let (guard, s) = match f {
            Field::Text(s) => (s.starts_with(['=', '+', '-', '@', '\t', '\r']), s),
            Field::Number(s) => (false, s),
        };
        let quote = s.contains([',', '"', '\r', '\n']);
        if quote {
            out.push('"');
        }
        if guard {
            out.push('\'');
        }
        for ch in s.chars() {
            if ch == '"' {
                out.push('"');
            }
            out.push(ch);
        }
        if quote {
            out.push('"');
        }
    }
    out.push_str("\r\n");
}

/// The analysis JSON `{"documents": [...]}` of `docs`, pretty-printed, with each
/// document's relations restricted to those `keep` accepts.
///
/// Every document is listed, with all its actors, even when none of its relations is
/// kept. The result parses back into [`Analysis`].
pub fn analysis_json(docs: &[Document], keep: impl Fn(RelRef, &Relation) -> bool) -> String {
    let analysis = Analysis {
        documents: docs
            .iter()
            .enumerate()
            .map(|(di, doc)| Document {
                relations: doc
                    .relations
                    .iter()
                    .enumerate()
                    .filter(|&(ri, r)| keep(RelRef { doc: di, rel: ri }, r))
                    .map(|(_, r)| r.clone())
                    .collect(),
                ..doc.clone()
            })
            .collect(),
    };
    // Plain structs with string keys: serde_json cannot fail on them; should it ever, the
    // download says why instead of the page panicking.
    serde_json::to_string_pretty(&analysis)
        .unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorKind, Flag, Mention, Polarity, Quad, Span};

    fn actor(id: &str, name: &str) -> Actor {
        Actor {
            id: id.into(),
            name: name.into(),
            kind: ActorKind::State,
            country: Some(id.into()),
            mentions: vec![Mention {
                text: name.into(),
                start: 0,
                end: name.len(),
            }],
            role: None,
            source_only: false,
            known: true,
        }
    }

    fn rel(
        s: &str,
        t: &str,
        sentence: &str,
        cue: &str,
        goldstein: f64,
        flags: &[Flag],
    ) -> Relation {
        Relation {
            sentence: sentence.into(),
            source: s.into(),
            target: t.into(),
            quad: Quad::VerbalCooperation,
            polarity: Polarity::Support,
            goldstein,
            cameo: "051".into(),
            cue: cue.into(),
            rule: "praise".into(),
            flags: flags.to_vec(),
            sentence_index: 2,
            cue_span: Span::new(3, 9),
            event: "praise".into(),
            reported_by: None,
        }
    }

    fn docs() -> Vec<Document> {
        vec![
            Document {
                path: "a.txt".into(),
                title: Some("Moscow, Tehran".into()),
                date: Some("2024-01-02".into()),
                actors: vec![actor("RUS", "Russia"), actor("IRN", "Iran")],
                relations: vec![
                    rel("RUS", "IRN", "Russia praised Iran.", "praised", 3.4, &[]),
                    rel(
                        "RUS",
                        "IRN",
                        "Russia \"will not\" arm Iran.",
                        "arm",
                        -2.0,
                        &[Flag::Negated, Flag::Reported],
                    ),
                ],
                ..Document::default()
            },
            Document {
                path: "b.txt".into(),
                actors: vec![actor("SYR", "Syria")],
                relations: vec![rel(
                    "SYR",
                    "XXX",
                    "=HYPERLINK(\"http://x\")",
                    "@cue",
                    1.0,
                    &[],
                )],
                ..Document::default()
            },
        ]
    }

    /// Splits RFC 4180 text into records of fields (enough of a reader for these tests).
    fn parse_csv(s: &str) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let (mut row, mut field) = (Vec::new(), String::new());
        let mut chars = s.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') if field.is_empty() => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut field)),
                (false, '\r') if chars.peek() == Some(&'\n') => {
                    chars.next();
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => field.push(c),
            }
        }
        assert!(
            !quoted && field.is_empty() && row.is_empty(),
            "CSV ends with CRLF"
        );
        rows
    }

    #[test]
    fn csv_has_a_header_and_one_row_per_kept_relation() {
        let csv = relations_csv(&docs(), |_, _| true);
        let rows = parse_csv(&csv);
        assert_eq!(rows[0], CSV_COLUMNS);
        assert_eq!(rows.len(), 4);
        assert!(rows.iter().all(|r| r.len() == CSV_COLUMNS.len()));
        assert_eq!(
            rows[1],
            [
                "a.txt",
                "Moscow, Tehran",
                "2024-01-02",
                "2",
                "RUS",
                "Russia",
                "IRN",
                "Iran",
                "verbal_cooperation",
                "support",
                "3.4",
                "051",
                "",
                "praised",
                "praise",
                "Russia praised Iran."
            ]
        );
        // Flags joined with ';', quotes kept, a negative Goldstein stays a number.
        assert_eq!(rows[2][12], "negated;reported");
        assert_eq!(rows[2][15], "Russia \"will not\" arm Iran.");
        assert_eq!(rows[2][10], "-2");
        // An actor id with no actor in the document has an empty name.
        assert_eq!(rows[3][7], "");
    }

    #[test]
    fn csv_field_quoting_follows_rfc_4180() {
        let cases = [
            ("plain", "abc", "abc"),
            ("comma", "a,b", "\"a,b\""),
            ("quote", "say \"no\"", "\"say \"\"no\"\"\""),
            ("newline", "a\nb", "\"a\nb\""),
            ("crlf", "a\r\nb", "\"a\r\nb\""),
            ("empty", "", ""),
            ("unicode", "Лавров, Сергей", "\"Лавров, Сергей\""),
        ];
        for (name, input, want) in cases {
            let mut out = String::new();
            push_row(&mut out, [Field::Text(input)]);
            assert_eq!(out, format!("{want}\r\n"), "{name}");
        }
    }

    #[test]
    fn csv_neutralises_formula_injection_x1() {
        let cases = [
            ("X1 equals", "=1+1", "'=1+1"),
            ("X1 plus", "+7 rule", "'+7 rule"),
            ("X1 minus", "-cmd", "'-cmd"),
            ("X1 at", "@SUM(A1)", "'@SUM(A1)"),
            ("X1 tab", "\tx", "'\tx"),
            ("X1 carriage return is also quoted", "\rx", "\"'\rx\""),
            (
                "X1 quoted and guarded",
                "=HYPERLINK(\"u\",\"v\")",
                "\"'=HYPERLINK(\"\"u\"\",\"\"v\"\")\"",
            ),
            ("X1 only at the start", "a=b", "a=b"),
            ("X1 leading space is left alone", " =x", " =x"),
        ];
        for (name, input, want) in cases {
            let mut out = String::new();
            push_row(&mut out, [Field::Text(input)]);
            assert_eq!(out, format!("{want}\r\n"), "{name}");
        }
        // Numbers are written as numbers, even negative ones.
        let mut out = String::new();
        push_row(&mut out, [Field::Number("-7.5")]);
        assert_eq!(out, "-7.5\r\n");
        // End to end: the sentence and cue of document b are guarded.
        let rows = parse_csv(&relations_csv(&docs(), |rr, _| rr.doc == 1));
        assert_eq!(rows[1][15], "'=HYPERLINK(\"http://x\")");
        assert_eq!(rows[1][13], "'@cue");
    }

    #[test]
    fn csv_keeps_only_what_the_filter_accepts() {
        type Keep = fn(RelRef, &Relation) -> bool;
        let cases: [(&str, Keep, usize); 4] = [
            ("all", |_, _| true, 3),
            ("none", |_, _| false, 0),
            ("by document", |rr, _| rr.doc == 0, 2),
            ("by flag", |_, r| r.has(Flag::Negated), 1),
        ];
        for (name, keep, n) in cases {
            let rows = parse_csv(&relations_csv(&docs(), keep));
            assert_eq!(rows.len(), n + 1, "{name}");
        }
    }

    #[test]
    fn json_round_trips_into_analysis() {
        let d = docs();
        let back: Analysis = serde_json::from_str(&analysis_json(&d, |_, _| true)).unwrap();
        assert_eq!(back.documents, d);
    }

    #[test]
    fn json_keeps_only_chosen_relations_and_every_document() {
        let d = docs();
        let json = analysis_json(&d, |rr, r| rr.doc == 0 && !r.has(Flag::Negated));
        let back: Analysis = serde_json::from_str(&json).unwrap();
        assert_eq!(back.documents.len(), 2);
        assert_eq!(back.documents[0].relations, vec![d[0].relations[0].clone()]);
        // Document b lost its only relation but is listed with its actors.
        assert_eq!(back.documents[1].path, "b.txt");
        assert!(back.documents[1].relations.is_empty());
        assert_eq!(back.documents[1].actors, d[1].actors);
        // The contract's field names are there.
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let r = &v["documents"][0]["relations"][0];
        for key in [
            "sentence",
            "source",
            "target",
            "quad",
            "polarity",
            "goldstein",
            "cameo",
            "cue",
            "rule",
            "flags",
        ] {
            assert!(r.get(key).is_some(), "relation field {key}");
        }
    }

    #[test]
    fn exports_of_an_empty_corpus() {
        assert_eq!(
            relations_csv(&[], |_, _| true),
            CSV_COLUMNS.join(",") + "\r\n"
        );
        let back: Analysis = serde_json::from_str(&analysis_json(&[], |_, _| true)).unwrap();
        assert!(back.documents.is_empty());
    }
}
