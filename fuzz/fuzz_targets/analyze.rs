//! Fuzz target: bytes -> text (valid UTF-8 as it is, anything else through
//! `from_utf8_lossy`) -> `Engine::analyze`, then every invariant of
//! `crates/core/tests/invariants` (a broken one panics, which libFuzzer reports).

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
    let raw = String::from_utf8_lossy(data);
    let doc = engine().analyze("fuzz.txt", &raw);
    if let Err(e) = invariants::check(&raw, &doc) {
        panic!("{e}");
    }
});
