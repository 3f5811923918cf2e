//! The relation coder against hand-coded gold, end to end through `Engine::builtin()`:
//! the five seed articles (tests/gold/relations.toml) and an unseen news roundup about other
//! states, written and coded before the lexicon existed (tests/gold/unseen_relations.*).
//!
//! Run with `cargo test -p entente-core --test relations_gold -- --nocapture` to see the
//! table, the misses and the false positives.

mod relations_support;
mod scoring;
#[path = "support/seeds.rs"]
mod seeds;

use entente_core::{Engine, Flag, Polarity};
use relations_support::{evaluate, locate, parse_gold, Analysed};
use seeds::FILES as SEEDS;

const SEED_GOLD: &str = include_str!("gold/relations.toml");
const UNSEEN: &str = include_str!("gold/unseen_relations.txt");
const UNSEEN_GOLD: &str = include_str!("gold/unseen_relations.toml");
const UNSEEN_NAME: &str = "unseen_relations.txt";
const UNSEEN2: &str = include_str!("gold/unseen_relations_2.txt");
const UNSEEN2_GOLD: &str = include_str!("gold/unseen_relations_2.toml");
const UNSEEN2_NAME: &str = "unseen_relations_2.txt";

fn analyse<'a>(engine: &Engine, files: &[(&'a str, &'a str)]) -> Vec<Analysed<'a>> {
    files
        .iter()
        .map(|&(name, raw)| Analysed {
            name,
            raw,
            doc: engine.analyze(name, raw),
        })
        .collect()
}

/// The gold itself is well formed: every sentence substring is found once in its file, a
/// negated act is never plain support, ids look like ids.
#[test]
fn gold_files_are_well_formed() {
    let engine = Engine::builtin();
    for (rows, files, default) in [
        (parse_gold(SEED_GOLD), SEEDS.to_vec(), None),
        (
            parse_gold(UNSEEN_GOLD),
            vec![(UNSEEN_NAME, UNSEEN)],
            Some(UNSEEN_NAME),
        ),
    ] {
        assert!(!rows.is_empty());
        let analysed = analyse(&engine, &files);
        for row in &rows {
            let name = row.file.as_deref().or(default).expect("row names its file");
            let a = analysed
                .iter()
                .find(|a| a.name == name)
                .expect("known file");
            locate(row, a).unwrap_or_else(|e| panic!("{e}"));
            assert_ne!(row.source, row.target, "{row:?}");
            for id in [&row.source, &row.target] {
                let state = id.len() == 3 && id.chars().all(|c| c.is_ascii_uppercase());
                let slug = id.chars().all(|c| c.is_ascii_lowercase() || c == '_');
                assert!(state || slug, "bad id {id}");
            }
            if row.flags.contains(&Flag::Negated) {
                assert_eq!(
                    row.polarity,
                    Polarity::Neutral,
                    "negated act not neutral: {row:?}"
                );
            } else if row.quad.is_cooperation() {
                assert_eq!(row.polarity, Polarity::Support, "{row:?}");
            } else if row.quad.is_conflict() {
                assert_eq!(row.polarity, Polarity::Oppose, "{row:?}");
            }
        }
    }
}

/// The seeds: F1 of direction + quad must reach 0.80.
#[test]
fn seeds_against_gold() {
    let engine = Engine::builtin();
    let files = analyse(&engine, &SEEDS);
    let rows = parse_gold(SEED_GOLD);
    let s = evaluate(&files, &rows, |r| {
        r.file.clone().expect("seed gold rows name their file")
    });
    println!(
        "SEEDS (5 articles, {} gold rows; a level counts distinct keys, so rows coding the same pair twice in one sentence count once)\n{}",
        rows.len(),
        s.report
    );
    assert!(
        s.quad.f1() >= 0.80,
        "seed F1 (direction + quad) {:.3} < 0.80; run with --nocapture for the misses",
        s.quad.f1()
    );
}

/// Unseen texts. The floor is looser than the seeds' (0.50 instead of 0.80): the lexicon was
/// written for English news in general but checked against the seeds only, and these texts
/// have constructions and vocabulary the seeds lack ("rammed", "a charge X denied",
/// "Western sanctions"); a score well above chance with no tuning is what they can show.
/// The first was written before the lexicon and watched while the coder was built; the
/// second was written after the tuning, and its first run was blind: (c) F1 0.720 (a 0.895,
/// b 0.809). General fixes made after that run (lexicon gaps, object detection) are checked
/// against all three texts.
fn unseen(name: &str, text: &str, gold: &str) {
    let engine = Engine::builtin();
    let files = analyse(&engine, &[(name, text)]);
    let rows = parse_gold(gold);
    let s = evaluate(&files, &rows, |_| name.to_string());
    println!(
        "UNSEEN {name} ({} gold relations)\n{}",
        rows.len(),
        s.report
    );
    assert!(
        s.quad.f1() >= 0.50,
        "{name}: F1 (direction + quad) {:.3} < 0.50; run with --nocapture for the misses",
        s.quad.f1()
    );
}

#[test]
fn unseen_text_against_gold() {
    unseen(UNSEEN_NAME, UNSEEN, UNSEEN_GOLD);
}

#[test]
fn second_unseen_text_against_gold() {
    unseen(UNSEEN2_NAME, UNSEEN2, UNSEEN2_GOLD);
}

/// Prints every sentence with its actor mentions and coded relations (for reading, not a
/// check): `cargo test -p entente-core --test relations_gold dump -- --ignored --nocapture`.
/// Set `ENTENTE_DUMP=003` to print one file.
#[test]
#[ignore]
fn dump_sentences_mentions_relations() {
    let engine = Engine::builtin();
    let only = std::env::var("ENTENTE_DUMP").unwrap_or_default();
    let mut files: Vec<(&str, &str)> = SEEDS.to_vec();
    files.push((UNSEEN_NAME, UNSEEN));
    files.push((UNSEEN2_NAME, UNSEEN2));
    for (name, raw) in files {
        if !name.starts_with(only.as_str()) {
            continue;
        }
        let doc = engine.analyze(name, raw);
        let body = &raw[raw.len() - doc.body_len..];
        println!("==== {name}");
        for (i, s) in doc.sentences.iter().enumerate() {
            println!("[{i}] {}", body[s.start..s.end].replace('\n', " "));
            let mut ms: Vec<(usize, String)> = Vec::new();
            for a in &doc.actors {
                for m in a
                    .mentions
                    .iter()
                    .filter(|m| s.start <= m.start && m.end <= s.end)
                {
                    let so = if a.source_only { "*" } else { "" };
                    ms.push((m.start, format!("{}{so}=`{}`", a.id, m.text)));
                }
            }
            ms.sort();
            if !ms.is_empty() {
                println!(
                    "     actors: {}",
                    ms.into_iter().map(|x| x.1).collect::<Vec<_>>().join(", ")
                );
            }
            for r in doc.relations.iter().filter(|r| r.sentence_index == i) {
                let flags: Vec<&str> = r.flags.iter().map(|f| f.as_str()).collect();
                println!(
                    "     -> {} -> {} {} {} [{}] `{}` {}{}",
                    r.source,
                    r.target,
                    r.quad,
                    r.polarity.as_str(),
                    flags.join(","),
                    r.cue,
                    r.rule,
                    r.reported_by
                        .as_deref()
                        .map(|b| format!(" by {b}"))
                        .unwrap_or_default()
                );
            }
        }
    }
}

/// The whole engine on word salad built from seed sentences cut at random places: nothing
/// panics and every relation's cue is the body text at its span. Deterministic.
#[test]
fn engine_never_panics_on_cut_up_seeds() {
    let engine = Engine::builtin();
    let all: String = SEEDS.iter().map(|s| s.1).collect::<Vec<_>>().join("\n\n");
    let words: Vec<&str> = all.split(' ').collect();
    let mut seed: u64 = 42;
    let mut next = |n: usize| -> usize {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n.max(1)
    };
    for _ in 0..300 {
        let start = next(words.len());
        let len = next(60);
        let mut text: Vec<&str> = words[start..(start + len).min(words.len())].to_vec();
        for _ in 0..next(4) {
            let i = next(text.len() + 1);
            text.insert(i, words[next(words.len())]);
        }
        let raw = text.join(" ");
        let doc = engine.analyze("salad.txt", &raw);
        let body = &raw[raw.len() - doc.body_len..];
        for r in &doc.relations {
            assert_eq!(
                body.get(r.cue_span.start..r.cue_span.end),
                Some(r.cue.as_str())
            );
        }
    }
}
