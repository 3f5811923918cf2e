//! Hand-made documents for tests (native unit tests and the browser component tests):
//! small texts whose actors, spans and relations are written out by hand, so the page
//! can be tested whatever the engine currently finds.

use entente_core::{
    Actor, ActorKind, Document, Flag, Mention, Polarity, Quad, Relation, RoleInfo, Span,
};

use crate::corpus::{PageCorpus, Source};

/// An actor of the fixtures: (id, name, kind, country, role of).
type ActorDef = (&'static str, &'static str, ActorKind, Option<&'static str>);

const ACTORS: &[ActorDef] = &[
    ("putin", "Vladimir Putin", ActorKind::Person, Some("RUS")),
    ("RUS", "Russia", ActorKind::State, None),
    ("IRN", "Iran", ActorKind::State, None),
    ("ISR", "Israel", ActorKind::State, None),
    ("reuters", "Reuters", ActorKind::Organization, None),
];

/// Splits on `.` followed by a space or the end: enough for the fixture texts.
fn sentences(body: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = body.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'.' && (i + 1 == bytes.len() || bytes[i + 1] == b' ') {
            out.push(Span::new(start, i + 1));
            start = i + 2;
        }
    }
    out
}

fn actor(id: &str, surfaces: &[&str], body: &str) -> Actor {
    let (_, name, kind, country) = ACTORS.iter().find(|a| a.0 == id).copied().unwrap_or((
        "",
        "",
        ActorKind::Organization,
        None,
    ));
    let mut mentions: Vec<Mention> = Vec::new();
    for s in surfaces {
        for (start, text) in body.match_indices(s) {
            mentions.push(Mention {
                text: text.to_string(),
                start,
                end: start + text.len(),
            });
        }
    }
    mentions.sort_by_key(|m| m.start);
    Actor {
        id: id.to_string(),
        name: name.to_string(),
        kind,
        country: country.map(str::to_string),
        mentions,
        role: (id == "putin").then(|| RoleInfo {
            title: "President".into(),
            of: "RUS".into(),
            from: Some("2012-05-07".into()),
            to: None,
        }),
        source_only: id == "reuters",
        known: true,
    }
}

/// (sentence index, source, target, quad, Goldstein, cue, flags)
type RelDef<'a> = (usize, &'a str, &'a str, Quad, f64, &'a str, &'a [Flag]);

fn relation(body: &str, sents: &[Span], def: RelDef) -> Relation {
    let (si, source, target, quad, goldstein, cue, flags) = def;
    let span = sents[si];
    let sentence = &body[span.start..span.end];
    let at = sentence
        .find(cue)
        .map(|i| span.start + i)
        .unwrap_or(span.start);
    Relation {
        sentence: sentence.to_string(),
        source: source.into(),
        target: target.into(),
        quad,
        polarity: if flags.contains(&Flag::Negated) {
            Polarity::Oppose
        } else if quad.is_cooperation() {
            Polarity::Support
        } else {
            Polarity::Oppose
        },
        goldstein,
        cameo: String::new(),
        cue: cue.into(),
        rule: format!("test.{cue}"),
        flags: flags.to_vec(),
        sentence_index: si,
        cue_span: Span::new(at, at + cue.len()),
        event: String::new(),
        reported_by: None,
    }
}

fn doc(
    path: &str,
    title: Option<&str>,
    body: &str,
    actors: &[(&str, &[&str])],
    rels: &[RelDef],
) -> Document {
    let sents = sentences(body);
    Document {
        path: path.into(),
        title: title.map(str::to_string),
        date: Some("2026-03-03".into()),
        body_len: body.len(),
        actors: actors.iter().map(|(id, s)| actor(id, s, body)).collect(),
        relations: rels.iter().map(|d| relation(body, &sents, *d)).collect(),
        sentences: sents,
        ..Document::default()
    }
}

/// Body of the first fixture document.
pub const BODY_A: &str =
    "Putin praised Iran. Russia will not arm Iran. Iran supplied drones to Russia.";
/// Body of the second: a reported strike and a condemnation.
pub const BODY_B: &str = "Reuters reported that Israel struck Iran. Moscow condemned Israel.";
/// Body of the reader's own article.
pub const BODY_C: &str = "Putin may help Iran.";

/// The fixture documents with their bodies and sources: two seeds and one of "yours".
pub fn documents() -> (Vec<Document>, Vec<String>, Vec<Source>) {
    use Quad::*;
    let a = doc(
        "a.txt",
        Some("Putin and Iran"),
        BODY_A,
        &[
            ("putin", &["Putin"]),
            ("RUS", &["Russia"]),
            ("IRN", &["Iran"]),
        ],
        &[
            (0, "putin", "IRN", VerbalCooperation, 3.4, "praised", &[]),
            (
                1,
                "RUS",
                "IRN",
                MaterialCooperation,
                8.3,
                "arm",
                &[Flag::Negated],
            ),
            (2, "IRN", "RUS", MaterialCooperation, 8.3, "supplied", &[]),
        ],
    );
    let b = doc(
        "b.txt",
        None,
        BODY_B,
        &[
            ("reuters", &["Reuters"]),
            ("ISR", &["Israel"]),
            ("IRN", &["Iran"]),
            ("RUS", &["Moscow"]),
        ],
        &[
            (
                0,
                "ISR",
                "IRN",
                MaterialConflict,
                -10.0,
                "struck",
                &[Flag::Reported],
            ),
            (1, "RUS", "ISR", VerbalConflict, -2.0, "condemned", &[]),
        ],
    );
    let c = doc(
        "yours:u1",
        None,
        BODY_C,
        &[("putin", &["Putin"]), ("IRN", &["Iran"])],
        &[(
            0,
            "putin",
            "IRN",
            MaterialCooperation,
            8.3,
            "help",
            &[Flag::Hedged],
        )],
    );
    let mut sources = Source::seeds(&[("a.txt", BODY_A), ("b.txt", BODY_B)]);
    sources.push(Source::yours("u1", "my note", BODY_C, None));
    (
        vec![a, b, c],
        vec![BODY_A.into(), BODY_B.into(), BODY_C.into()],
        sources,
    )
}

/// The fixture corpus.
pub fn sample() -> PageCorpus {
    let (docs, bodies, sources) = documents();
    PageCorpus::from_parts(docs, bodies, sources, |code| {
        match code {
            "RUS" => Some("Russia"),
            "IRN" => Some("Iran"),
            "ISR" => Some("Israel"),
            _ => None,
        }
        .map(str::to_string)
    })
}
