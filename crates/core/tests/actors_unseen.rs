//! Generality: the actor matcher on news text it was not developed on, scored
//! against gold written by reading before the matcher was first run on the text
//! (tests/gold/unseen_actors.toml):
//! - `unseen_actors.txt`: Sudan's war, Kenya, Nigeria, Brazil, the African Union,
//!   with invented people. Some rules were improved after its first run (see the
//!   gold's history), so it is no longer fully held out.
//! - `unseen_actors_2.txt`: Armenia, Azerbaijan and the CSTO, with a header. Written
//!   after those changes and not used to change the rules: the held-out measure.
//!
//! `cargo test -p entente-core --test actors_unseen -- --nocapture` prints the scores.
//!
//! The floor is 0.80 actor-level F1 on each text, below the seeds' 0.95: the seeds
//! are the text the rules were written against; these texts hold traps a rule-based
//! matcher is expected to lose some of (capitals used only as places, metonyms the
//! knowledge base leaves out on purpose such as "Brussels" and "Addis Ababa", names
//! with no cue, a coreferent description). 0.80 still means at most about one actor
//! in five missing or wrong, and fails on a real regression in the rules.

mod actors_eval;
mod scoring;

use entente_core::Engine;

const TEXTS: [(&str, &str); 2] = [
    ("unseen_actors.txt", include_str!("gold/unseen_actors.txt")),
    (
        "unseen_actors_2.txt",
        include_str!("gold/unseen_actors_2.txt"),
    ),
];

#[test]
fn unseen_text_actors_match_the_gold() {
    let gold: actors_eval::Gold =
        toml::from_str(include_str!("gold/unseen_actors.toml")).expect("gold parses");
    let engine = Engine::builtin();
    let mut failures = Vec::new();
    for (file, text) in TEXTS {
        let doc = engine.analyze(file, text);
        let one = actors_eval::Gold {
            doc: gold
                .doc
                .iter()
                .filter(|d| d.file == file)
                .cloned()
                .collect(),
        };
        assert_eq!(one.doc.len(), 1, "gold for {file}");
        let s = actors_eval::score(&one, &[doc]);
        println!(
            "Actors on unseen text (gold: tests/gold/unseen_actors.toml)\n{}",
            s.report
        );
        println!(
            "{file}: actor-level F1 {:.3}, mention-level F1 {:.3}\n",
            s.actors.f1(),
            s.mentions.f1()
        );
        if s.actors.f1() < 0.80 {
            failures.push(format!(
                "{file}: actor-level F1 {:.3} below 0.80\n{}",
                s.actors.f1(),
                s.report
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
