//! The parts of the `entente` command line that are pure functions over bytes and documents,
//! kept in a library so tests and the fuzz target (`fuzz/fuzz_targets/jsonl.rs`) can call
//! them: the JSONL article reader ([`jsonl`]) and the GDELT-style event rows ([`events`]).
//! The binary (`src/main.rs`) parses the command line and does the reading and writing.

pub mod events;
pub mod jsonl;
