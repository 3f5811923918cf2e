//! The property tests' configuration, shared by the core's `tests/properties.rs` and the
//! page's `tests/layout_props.rs` (used as `#[path = ".../support/proptest_config.rs"]`).

use proptest::test_runner::{Config, RngSeed};

/// `cases` cases, or `PROPTEST_CASES` when set (for a deeper run than `cargo test`'s).
/// The generator's seed is fixed, so `cargo test` runs the same cases every time; set
/// `PROPTEST_RNG_SEED` to another number to explore others.
pub fn config(cases: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    let base = Config::default();
    let rng_seed = if std::env::var_os("PROPTEST_RNG_SEED").is_some() {
        base.rng_seed
    } else {
        RngSeed::Fixed(0x00E7_E7E0)
    };
    Config {
        cases,
        rng_seed,
        failure_persistence: None,
        ..base
    }
}
