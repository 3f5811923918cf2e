//! The analysis in steps (`Engine::job`): rules JOB-SAME, JOB-WHOLE and JOB-PROGRESS of
//! `crates/core/src/job.rs`, on the seeds and on named odd texts. (PROP-STEPS in
//! `tests/properties.rs` checks JOB-SAME and JOB-PROGRESS on generated text.)

#[path = "support/seeds.rs"]
mod seeds;

use entente_core::{Document, Engine, Job, Stage};
use seeds::SEEDS;

/// Runs `job` to the end in steps of `budget`, checking JOB-PROGRESS on the way; returns
/// the document, the stages seen in order (each once), and the count of steps.
fn run(mut job: Job<'_>, budget: usize) -> (Document, Vec<Stage>, usize) {
    let mut stages = vec![job.progress().stage];
    let mut last = job.progress().fraction;
    let mut steps = 0;
    while !job.is_done() {
        let p = job.step(budget);
        steps += 1;
        assert!(
            p.fraction >= last,
            "progress went back: {} after {last}",
            p.fraction
        );
        assert_eq!(p.fraction == 1.0, job.is_done(), "1 exactly when done");
        if stages.last() != Some(&p.stage) {
            stages.push(p.stage);
        }
        last = p.fraction;
        assert!(steps < 1_000_000, "no end in sight");
    }
    (job.finish(), stages, steps)
}

/// JOB-SAME: every seed, in steps of one byte (one unit a step), of a few hundred bytes
/// and of 4 KB, gives the document of one `analyze`.
#[test]
fn seeds_in_steps_give_the_same_documents() {
    let engine = Engine::builtin();
    for (i, seed) in SEEDS.iter().enumerate() {
        let whole = engine.analyze("seed.txt", seed);
        assert!(
            !whole.relations.is_empty(),
            "seed {i} has relations to compare"
        );
        for budget in [1, 300, 4096] {
            let (doc, stages, _) = run(engine.job("seed.txt", *seed), budget);
            assert_eq!(doc, whole, "seed {i}, budget {budget}");
            let all = [
                Stage::Layout,
                Stage::Sentences,
                Stage::Actors,
                Stage::Relations,
                Stage::Done,
            ];
            if budget < 1000 {
                assert_eq!(
                    stages, all,
                    "seed {i}, budget {budget}: every stage in order"
                );
            } else {
                // a step may run through a short stage: those seen are still in order
                let mut rest = all.iter();
                assert!(
                    stages.iter().all(|s| rest.any(|a| a == s)),
                    "seed {i}, budget {budget}: stages out of order: {stages:?}"
                );
                assert_eq!(stages.first(), Some(&Stage::Layout));
            }
        }
    }
}

/// JOB-WHOLE: a long text really is cut into many steps, and a step does not run far past
/// its budget: with 4 KB steps, 100 copies of a seed take at least one step per 8 KB of
/// work (its three stages count every byte about five times: split, scan, resolve, read, code).
#[test]
fn long_text_takes_many_bounded_steps() {
    let engine = Engine::builtin();
    let text = SEEDS[2].repeat(100);
    let whole = engine.analyze("long.txt", &text);
    let (doc, _, steps) = run(engine.job("long.txt", text.clone()), 4096);
    assert_eq!(doc, whole);
    assert!(
        steps >= 5 * text.len() / 8192,
        "{steps} steps for {} bytes: steps run far past their budget",
        text.len()
    );
}

/// Odd inputs end, and give what `analyze` gives.
#[test]
fn odd_texts_in_steps() {
    let engine = Engine::builtin();
    let cases: &[(&str, &str)] = &[
        ("empty", ""),
        ("white space only", " \n\n\t \r\n"),
        ("header, no body", "title: T\ndate: 2026-03-03\n---\n"),
        ("no spaces", &"Putin.Iran.Russia,Tehran;".repeat(50)),
        (
            "one long line",
            &"Putin praised Iran and Russia condemned Israel ".repeat(400),
        ),
        (
            "CR line ends",
            "Putin praised Iran.\rIran thanked Russia.\r\rIsrael struck Iran.",
        ),
        (
            "NUL and joiners",
            "Putin\u{0}praised Iran.\u{200d}\u{200d} Iran\u{200b}thanked Russia.",
        ),
        (
            "right to left",
            "پوتین از ایران تقدیر کرد. Putin praised Iran. روسیه",
        ),
    ];
    for &(name, text) in cases {
        let whole = engine.analyze("odd.txt", text);
        for budget in [1, 64] {
            let (doc, stages, _) = run(engine.job("odd.txt", text), budget);
            assert_eq!(doc, whole, "{name}, budget {budget}");
            assert_eq!(stages.last(), Some(&Stage::Done), "{name}");
        }
    }
}

/// A job that is dropped half way (the page's Cancel) leaves the engine as it was: the
/// next analysis is the same as on a fresh engine.
#[test]
fn a_dropped_job_changes_nothing() {
    let engine = Engine::builtin();
    let before = engine.analyze("s.txt", SEEDS[0]);
    let mut job = engine.job("s.txt", SEEDS[1]);
    job.step(2000);
    job.step(2000);
    assert!(!job.is_done(), "the job is still under way when dropped");
    drop(job);
    assert_eq!(engine.analyze("s.txt", SEEDS[0]), before);
}

/// `finish` on a fresh job runs it all; `step` after the end does nothing.
#[test]
fn finish_runs_what_is_left_and_done_stays_done() {
    let engine = Engine::builtin();
    let whole = engine.analyze("s.txt", SEEDS[3]);
    let mut job = engine.job("s.txt", SEEDS[3]);
    job.step(500);
    assert_eq!(job.finish(), whole);
    let mut job = engine.job("s.txt", SEEDS[3]);
    while !job.is_done() {
        job.step(usize::MAX);
    }
    let p = job.step(10);
    assert_eq!((p.stage, p.fraction), (Stage::Done, 1.0));
    assert_eq!(job.finish(), whole);
}
