//! The five seed articles (`seeds/*.txt`), listed once for the tests and examples of every
//! crate. Used as `#[path = "support/seeds.rs"] mod seeds;` from `crates/core/tests`, and
//! with the path from elsewhere (`crates/cli/tests`, the examples, the core's unit tests).
//! The page bundles the same files through its build script (`entente::seeds::SEEDS`).
// Each user takes its own part of this.
#![allow(dead_code)]

pub const SEED_000: &str = include_str!("../../../../seeds/000_fa6a6883ea8b5cc2.txt");
pub const SEED_001: &str = include_str!("../../../../seeds/001_8be43b2935b63d9a.txt");
pub const SEED_002: &str = include_str!("../../../../seeds/002_453ac6874c6a2860.txt");
pub const SEED_003: &str = include_str!("../../../../seeds/003_2ebf30a1db2f8cdb.txt");
pub const SEED_004: &str = include_str!("../../../../seeds/004_d9a8681dd3d384f5.txt");

/// The seeds' texts, in file-name order.
pub const SEEDS: [&str; 5] = [SEED_000, SEED_001, SEED_002, SEED_003, SEED_004];

/// Each seed by its number ("000"), the prefix of its file name.
pub const NUMBERED: [(&str, &str); 5] = [
    ("000", SEED_000),
    ("001", SEED_001),
    ("002", SEED_002),
    ("003", SEED_003),
    ("004", SEED_004),
];

/// Each seed by its file name ("000_fa6a6883ea8b5cc2.txt"), as the gold files name them.
pub const FILES: [(&str, &str); 5] = [
    ("000_fa6a6883ea8b5cc2.txt", SEED_000),
    ("001_8be43b2935b63d9a.txt", SEED_001),
    ("002_453ac6874c6a2860.txt", SEED_002),
    ("003_2ebf30a1db2f8cdb.txt", SEED_003),
    ("004_d9a8681dd3d384f5.txt", SEED_004),
];
