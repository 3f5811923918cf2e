//! The actor matcher against the gold actors of the five seed articles
//! (tests/gold/actors.toml, written by reading the articles), through the whole
//! engine (header, furniture, sentences, actors).
//!
//! `cargo test -p entente-core --test actors_gold -- --nocapture` prints the
//! scores, the misses and the false positives. Fails below 0.95 actor-level F1.

mod actors_eval;
mod scoring;
#[path = "support/seeds.rs"]
mod seeds;

use entente_core::Engine;
use seeds::FILES as SEEDS;

#[test]
fn seed_actors_match_the_gold() {
    let gold: actors_eval::Gold =
        toml::from_str(include_str!("gold/actors.toml")).expect("gold/actors.toml parses");
    assert_eq!(gold.doc.len(), SEEDS.len());
    let engine = Engine::builtin();
    let docs: Vec<_> = SEEDS.iter().map(|(f, t)| engine.analyze(f, t)).collect();
    let s = actors_eval::score(&gold, &docs);
    println!(
        "Actors on the seeds (gold: tests/gold/actors.toml)\n{}",
        s.report
    );
    println!(
        "seeds: actor-level F1 {:.3}, mention-level F1 {:.3}",
        s.actors.f1(),
        s.mentions.f1()
    );
    assert!(
        s.actors.f1() >= 0.95,
        "actor-level F1 {:.3} below 0.95\n{}",
        s.actors.f1(),
        s.report
    );
}
