//! Properties of the whole pipeline (`Engine::analyze`) on generated text, checked with
//! proptest. Random characters alone rarely spell an actor, so most strategies mix seed
//! sentences, knowledge-base names, cue words, glue (punctuation, line ends) and odd
//! Unicode (right-to-left text, emoji sequences, joiners, case-changing letters).
//!
//! | id | property |
//! |---|---|
//! | PROP-ANY | any Unicode text: no panic, every invariant of `tests/invariants` holds |
//! | PROP-MIXED | mixed text: the same |
//! | PROP-DET | the same text gives equal documents, also from a second engine |
//! | PROP-NEUTRAL | a paragraph that names no actor, inserted between paragraphs, changes no sentence, actor or relation (offsets shifted back) |
//! | PROP-EOL | LF, CRLF and lone CR line ends give the same actors and relations |
//! | PROP-SPLIT | `parse_article` and `split_sentences` with arbitrary skip spans (unsorted, overlapping, out of range, off char boundaries) keep their spans valid |
//! | PROP-FIND | `ActorMatcher::find` with arbitrary sentence spans: mentions valid |
//! | PROP-STEPS | `Engine::job` run in steps of any budget gives the document `Engine::analyze` gives, with progress that never goes back and is 1 only at the end |
//! | PROP-SORT | `sort::sort_by`, `sort_by_key` and `sort` give what std's `sort_by`, `sort_by_key` and `sort` give, ties included, for any length and any keys |
//!
//! Failing cases are not written to disk (`failure_persistence: None`); proptest prints
//! the minimal input when a property fails. The seed is fixed (see [`config`]): a deeper,
//! different run is `PROPTEST_CASES=20000 PROPTEST_RNG_SEED=7 cargo test --release -p
//! entente-core --test properties`.

mod invariants;
#[path = "support/seeds.rs"]
mod seeds;

#[path = "support/proptest_config.rs"]
mod proptest_config;
use proptest_config::config;

use std::borrow::Cow;
use std::sync::OnceLock;

use entente_core::actors::ActorMatcher;
use entente_core::kb::KnowledgeBase;
use entente_core::{corpus, sort, text, Actor, Document, Engine, Relation, Span};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use seeds::SEEDS;

/// A sentence that names no actor (PROP-NEUTRAL), and its form for texts with no capital
/// letter (where CASE-LOWER lets lower-case names match, so a capital would change that).
const NEUTRAL: &str = "The weather was mild that week.";
const NEUTRAL_LOWER: &str = "the weather was mild that week.";

/// Words that trigger relations, as the seeds and the domain notes use them.
const CUES: &[&str] = &[
    "praised",
    "condemned",
    "will not arm",
    "did not support",
    "supplied weapons to",
    "signed a strategic partnership with",
    "imposed sanctions on",
    "attacked",
    "struck",
    "met with",
    "supports",
    "refuses to support",
    "threatened",
    "called on",
    "accused",
    "backed",
    "helped",
    "warned",
    "mediate between",
    "according to",
    "said that",
    "reportedly",
    "may",
    "if",
    "could",
    "only verbally",
    "offered condolences to",
];

/// Punctuation, spaces and line ends that join pieces.
const GLUE: &[&str] = &[
    " ", " ", " ", ". ", ", ", ".", "\n", "\n\n", "\r\n", "\r", "\u{2028}", "\u{2029}", "\u{85}",
    " — ", " - ", "-", "\"", "“", "”", "'s ", "’s ", " (", ") ", ": ", "; ", "?", "! ", "...", "…",
    "* ", "1. ", "• ", "the ", "The ", " and ", "\t", "\u{a0}",
];

/// Text nobody planned for: scripts, emoji sequences, joiners, controls, markup, and
/// letters whose case mapping changes their length (`İ`, `ẞ`, Kelvin sign, ligatures).
const ODD: &[&str] = &[
    "پوتین",
    "ولادیمیر پوتین",
    "ایران و روسیه",
    "روسيا وإيران",
    "Путин",
    "Россия и Иран",
    "Владимир Путин заявил",
    "🇷🇺",
    "🇮🇷🇸🇾",
    "👍🏽",
    "👨‍👩‍👧",
    "🏳️‍🌈",
    "e\u{301}",
    "Pu\u{301}tin",
    "\u{200d}",
    "\u{200c}",
    "\u{200b}",
    "\u{2060}",
    "\u{0}",
    "\u{feff}",
    "\u{202e}",
    "\u{200f}",
    "\u{202a}",
    "---",
    "---\n",
    "title: x\n",
    "source: y\n",
    ":",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "**",
    "[",
    "](#)",
    "[Putin](#)",
    "İ",
    "İran",
    "ẞ",
    "\u{212a}",
    "\u{212b}",
    "ﬁ",
    "ﬃ",
    "ǅ",
    "Σ",
    "\u{345}",
    "ŉ",
    "ΐ",
    "ß",
    "\u{1F600}",
    "\u{10FFFF}",
    "\u{E000}",
    "\u{FFFD}",
    "\u{FFFF}",
    "\u{7f}",
    "\u{1b}[31m",
];

/// Dates and datelines (left out where moving a line could move a dateline out of the
/// top lines FU7 reads).
const DATES: &[&str] = &[
    "March 3, 2026",
    "date 2026-03-03\n",
    "MOSCOW, March 3, 2026 — ",
    "3 March 2026",
    "2026-02-30",
    "Published: 2026-03-03 10:00\n",
];

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(Engine::builtin)
}

/// A second engine: per-instance hash seeds differ, so output that depended on hash
/// order would differ between the two (PROP-DET).
fn engine2() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(Engine::builtin)
}

fn matcher() -> &'static ActorMatcher {
    static M: OnceLock<ActorMatcher> = OnceLock::new();
    M.get_or_init(|| ActorMatcher::new(&KnowledgeBase::builtin().expect("kb parses")))
}

/// Sentences and lines of the seed articles, each with its closing punctuation.
fn seed_pieces() -> &'static [String] {
    static P: OnceLock<Vec<String>> = OnceLock::new();
    P.get_or_init(|| {
        let mut v: Vec<String> = Vec::new();
        for seed in SEEDS {
            for line in seed.lines().filter(|l| !l.trim().is_empty()) {
                if line.len() <= 200 {
                    v.push(line.to_string());
                }
                v.extend(
                    line.split_inclusive(". ")
                        .filter(|s| s.len() > 3)
                        .map(str::to_string),
                );
            }
        }
        v
    })
}

/// Every name, alias, adjective, capital and surname of the knowledge base.
fn actor_names() -> &'static [String] {
    static N: OnceLock<Vec<String>> = OnceLock::new();
    N.get_or_init(|| {
        let kb = engine().knowledge();
        let mut v: Vec<String> = Vec::new();
        for s in &kb.states {
            v.push(s.name.clone());
            v.extend(s.aliases.iter().cloned());
            v.extend(s.adjectives.iter().cloned());
            v.extend(s.capitals.iter().cloned());
            v.extend(s.seats.iter().cloned());
        }
        for o in &kb.organizations {
            v.push(o.name.clone());
            v.extend(o.aliases.iter().cloned());
        }
        for p in &kb.people {
            v.push(p.name.clone());
            v.extend(p.aliases.iter().cloned());
            v.extend(p.surname.iter().cloned());
            v.extend(p.standalone.iter().cloned());
        }
        v.retain(|s| !s.is_empty());
        v
    })
}

fn statics(list: &'static [&'static str]) -> impl Strategy<Value = String> {
    select(list).prop_map(str::to_string)
}

fn owned(list: &'static [String]) -> impl Strategy<Value = String> {
    select(Cow::Borrowed(list))
}

fn random_chars(max: usize) -> impl Strategy<Value = String> {
    vec(any::<char>(), 0..max).prop_map(|v| v.into_iter().collect())
}

/// One piece of mixed text; `dates` adds dates and datelines.
fn piece(dates: bool) -> BoxedStrategy<String> {
    let base = prop_oneof![
        4 => owned(seed_pieces()),
        5 => owned(actor_names()),
        2 => statics(CUES),
        4 => statics(GLUE),
        2 => statics(ODD),
        1 => random_chars(8),
    ];
    if dates {
        prop_oneof![12 => base, 1 => statics(DATES)].boxed()
    } else {
        base.boxed()
    }
}

/// What follows a piece: mostly a space, so names stay words; sometimes nothing or glue.
fn separator() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => Just(" ".to_string()),
        2 => Just(String::new()),
        3 => statics(GLUE),
    ]
}

/// Pieces, each followed by a separator.
fn pieces(dates: bool, n: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    vec((piece(dates), separator()), n)
        .prop_map(|v| v.into_iter().flat_map(|(p, s)| [p, s]).collect::<String>())
}

fn mixed_text(max_pieces: usize) -> impl Strategy<Value = String> {
    pieces(true, 0..max_pieces)
}

/// Paragraphs of mixed text with no dates (PROP-NEUTRAL).
fn paragraphs() -> impl Strategy<Value = Vec<String>> {
    vec(pieces(false, 1..10), 1..6)
}

fn analyze(raw: &str) -> Document {
    engine().analyze("prop.txt", raw)
}

fn holds(raw: &str) -> Result<Document, TestCaseError> {
    let doc = analyze(raw);
    invariants::check(raw, &doc).map_err(TestCaseError::fail)?;
    Ok(doc)
}

/// `x` as it was before `len` bytes were inserted at body offset `at`.
fn unshift(x: usize, at: usize, len: usize) -> usize {
    if x >= at + len {
        x - len
    } else {
        x
    }
}

fn unshift_actor(a: &Actor, at: usize, len: usize) -> Actor {
    let mut a = a.clone();
    for m in &mut a.mentions {
        m.start = unshift(m.start, at, len);
        m.end = unshift(m.end, at, len);
    }
    a
}

fn unshift_relation(r: &Relation, at: usize, len: usize, inserted: usize) -> Relation {
    let mut r = r.clone();
    if r.sentence_index > inserted {
        r.sentence_index -= 1;
    }
    r.cue_span = Span::new(
        unshift(r.cue_span.start, at, len),
        unshift(r.cue_span.end, at, len),
    );
    r
}

/// The relations as the contract shows them, with line ends made LF (PROP-EOL).
fn relation_view(doc: &Document) -> Vec<String> {
    doc.relations
        .iter()
        .map(|r| {
            format!(
                "{}|{}|{}|{:?}|{:?}|{}|{}|{}|{:?}|{}|{:?}",
                r.sentence.replace("\r\n", "\n").replace('\r', "\n"),
                r.source,
                r.target,
                r.quad,
                r.polarity,
                r.goldstein,
                r.cue.replace("\r\n", "\n").replace('\r', "\n"),
                r.rule,
                r.flags,
                r.event,
                r.reported_by
            )
        })
        .collect()
}

/// Actor ids with their mention surfaces, line ends made LF (PROP-EOL).
fn actor_view(doc: &Document) -> Vec<(String, Vec<String>)> {
    doc.actors
        .iter()
        .map(|a| {
            let surfaces = a
                .mentions
                .iter()
                .map(|m| m.text.replace("\r\n", "\n").replace('\r', "\n"))
                .collect();
            (a.id.clone(), surfaces)
        })
        .collect()
}

fn arbitrary_spans(max: usize) -> impl Strategy<Value = Vec<Span>> {
    vec((0..max, 0..max).prop_map(|(a, b)| Span::new(a, b)), 0..12)
}

proptest! {
    #![proptest_config(config(256))]

    /// PROP-ANY
    #[test]
    fn any_unicode_keeps_the_invariants(raw in random_chars(300)) {
        holds(&raw)?;
    }

    /// PROP-MIXED
    #[test]
    fn mixed_text_keeps_the_invariants(raw in mixed_text(40)) {
        holds(&raw)?;
    }

    /// PROP-SPLIT
    #[test]
    fn parse_and_split_keep_spans_valid(raw in mixed_text(30), skip in arbitrary_spans(3000)) {
        let art = corpus::parse_article(&raw);
        let body = art.body;
        prop_assert_eq!(art.body_offset + body.len(), raw.len());
        for s in art.furniture.iter().chain(&art.markup) {
            prop_assert!(s.start < s.end && s.end <= body.len(), "furniture or markup {:?}", s);
            prop_assert!(body.is_char_boundary(s.start) && body.is_char_boundary(s.end));
        }
        let spans = text::split_sentences(body, &skip);
        let mut prev = 0;
        for s in &spans {
            prop_assert!(s.start >= prev && s.start < s.end && s.end <= body.len(), "{:?}", s);
            prop_assert!(body.is_char_boundary(s.start) && body.is_char_boundary(s.end));
            prev = s.end;
        }
    }
}

proptest! {
    #![proptest_config(config(128))]

    /// PROP-FIND
    #[test]
    fn find_with_arbitrary_sentence_spans(raw in mixed_text(30), sentences in arbitrary_spans(3000)) {
        let actors = matcher().find(&raw, &sentences, Some("2026-03-03"));
        for a in &actors {
            for m in &a.mentions {
                prop_assert_eq!(raw.get(m.start..m.end), Some(m.text.as_str()));
                prop_assert!(sentences.iter().any(|s| s.contains(Span::new(m.start, m.end))));
            }
        }
    }

    /// PROP-STEPS
    #[test]
    fn steps_of_any_budget_give_the_same_document(raw in mixed_text(30), budget in 1usize..400) {
        let engine = engine();
        let whole = engine.analyze("p.txt", &raw);
        let mut job = engine.job("p.txt", raw.as_str());
        let mut last = job.progress().fraction;
        let mut steps = 0;
        while !job.is_done() {
            let p = job.step(budget);
            prop_assert!(p.fraction >= last, "progress went back: {} after {}", p.fraction, last);
            prop_assert_eq!(p.fraction == 1.0, job.is_done(), "fraction 1 must mean done");
            last = p.fraction;
            steps += 1;
            prop_assert!(steps <= 5 * raw.len() + 10, "a step made no progress");
        }
        prop_assert_eq!(job.finish(), whole);
    }

    /// PROP-NEUTRAL
    #[test]
    fn neutral_paragraph_changes_no_relation(paras in paragraphs(), k in any::<prop::sample::Index>()) {
        // A header fixes the date, so no dateline can move in or out of the top lines.
        let header = "title: T\ndate: 2026-03-03\n---\n";
        let body1 = paras.join("\n\n");
        let raw1 = format!("{header}{body1}");
        // Insert after paragraph `after` (1-based), or before the first when it is 0.
        let after = k.index(paras.len() + 1);
        let neutral = if body1.chars().any(char::is_uppercase) { NEUTRAL } else { NEUTRAL_LOWER };
        let (at, insert, n_span) = if after == 0 {
            (0, format!("{neutral}\n\n"), Span::new(0, neutral.len()))
        } else {
            let at = paras[..after].iter().map(|p| p.len()).sum::<usize>() + 2 * (after - 1);
            (at, format!("\n\n{neutral}"), Span::new(at + 2, at + 2 + neutral.len()))
        };
        let body2 = format!("{}{insert}{}", &body1[..at], &body1[at..]);
        let raw2 = format!("{header}{body2}");

        let d1 = holds(&raw1)?;
        let d2 = holds(&raw2)?;
        prop_assert_eq!(&d1.date, &d2.date);
        prop_assert_eq!(&d1.title, &d2.title);
        let Some(inserted) = d2.sentences.iter().position(|&s| s == n_span) else {
            return Err(TestCaseError::fail(format!(
                "the inserted paragraph is not one sentence: {:?}", d2.sentences
            )));
        };
        let len = insert.len();
        let sentences2: Vec<Span> = d2
            .sentences
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != inserted)
            .map(|(_, s)| Span::new(unshift(s.start, at, len), unshift(s.end, at, len)))
            .collect();
        prop_assert_eq!(&sentences2, &d1.sentences);
        let actors2: Vec<Actor> = d2.actors.iter().map(|a| unshift_actor(a, at, len)).collect();
        prop_assert_eq!(&actors2, &d1.actors);
        prop_assert!(d2.relations.iter().all(|r| r.sentence_index != inserted),
            "a relation in the neutral sentence");
        let relations2: Vec<Relation> = d2
            .relations
            .iter()
            .map(|r| unshift_relation(r, at, len, inserted))
            .collect();
        prop_assert_eq!(&relations2, &d1.relations);
    }

    /// PROP-EOL
    #[test]
    fn line_ends_do_not_change_actors_or_relations(raw in mixed_text(24)) {
        // Every line end becomes `\n` first; then each form is made from that.
        let lf = raw.replace("\r\n", "\n").replace('\r', "\n");
        let crlf = lf.replace('\n', "\r\n");
        let cr = lf.replace('\n', "\r");
        let d_lf = holds(&lf)?;
        for (name, other) in [("CRLF", &crlf), ("CR", &cr)] {
            let d = holds(other)?;
            prop_assert_eq!(d.sentences.len(), d_lf.sentences.len(), "{} sentences", name);
            prop_assert_eq!(actor_view(&d), actor_view(&d_lf), "{} actors", name);
            prop_assert_eq!(relation_view(&d), relation_view(&d_lf), "{} relations", name);
        }
    }
}

proptest! {
    #![proptest_config(config(64))]

    /// PROP-DET
    #[test]
    fn analysis_is_deterministic(raw in mixed_text(40)) {
        let a = analyze(&raw);
        let b = analyze(&raw);
        prop_assert_eq!(&a, &b);
        let c = engine2().analyze("prop.txt", &raw);
        prop_assert_eq!(&a, &c);
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// PROP-SORT: few distinct keys (many ties, long runs) and many; lengths across the
    /// insertion and merge paths. The second field tells tied elements apart.
    #[test]
    fn shared_sort_is_std_sort(
        keys in prop_oneof![vec(0..4u8, 0..200), vec(any::<u8>(), 0..700)],
        reversed in any::<bool>(),
    ) {
        let input: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
        let cmp = |a: &(u8, usize), b: &(u8, usize)| {
            if reversed { b.0.cmp(&a.0) } else { a.0.cmp(&b.0) }
        };
        let mut want = input.clone();
        want.sort_by(cmp);
        let mut got = input.clone();
        sort::sort_by(&mut got, cmp);
        prop_assert_eq!(&got, &want);

        let mut want = input.clone();
        want.sort_by_key(|p| p.0 / 2);
        let mut got = input;
        sort::sort_by_key(&mut got, |p| p.0 / 2);
        prop_assert_eq!(&got, &want);

        let mut want = keys.clone();
        want.sort();
        let mut got = keys;
        sort::sort(&mut got);
        prop_assert_eq!(got, want);
    }
}
