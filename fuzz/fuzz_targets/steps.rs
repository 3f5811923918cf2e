//! Fuzz target: the analysis in steps (`Engine::job`). The first two bytes set the budget
//! of every step (1 to 65,536 bytes), the rest is the text; the job, stepped to the end,
//! must give the document `Engine::analyze` gives (JOB-SAME), its progress must never go
//! back and be 1 exactly when done (JOB-PROGRESS), and the document must keep every
//! invariant of `crates/core/tests/invariants`.

#![no_main]

use std::sync::OnceLock;

use entente_core::Engine;
use libfuzzer_sys::fuzz_target;

#[path = "../../crates/core/tests/invariants/mod.rs"]
mod invariants;

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(Engine::builtin)
}

fuzz_target!(|data: &[u8]| {
    let (budget, text) = match data {
        [a, b, rest @ ..] => (usize::from(u16::from_le_bytes([*a, *b])) + 1, rest),
        _ => (1, data),
    };
    let raw = String::from_utf8_lossy(text);
    let whole = engine().analyze("fuzz.txt", &raw);
    let mut job = engine().job("fuzz.txt", raw.as_ref());
    let mut last = job.progress().fraction;
    while !job.is_done() {
        let p = job.step(budget);
        assert!(
            p.fraction >= last,
            "progress went back: {} after {last}",
            p.fraction
        );
        assert_eq!(
            p.fraction == 1.0,
            job.is_done(),
            "fraction 1 must mean done"
        );
        last = p.fraction;
    }
    let doc = job.finish();
    assert_eq!(doc, whole, "steps of {budget} bytes gave another document");
    if let Err(e) = invariants::check(&raw, &doc) {
        panic!("{e}");
    }
});
