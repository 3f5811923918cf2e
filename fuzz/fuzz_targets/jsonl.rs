//! Fuzz target: the JSONL reader of `entente analyze --jsonl` (`entente_cli::jsonl`). The
//! first byte sets the line limit (1 to 255 bytes) and `--lossy` (its top bit); the rest is
//! the input. Checks: `read_line` measures every line as a plain split does and keeps it
//! only under the limit; a bad line's error line and a good line's document line are JSON
//! with its `id`; the header block the CLI puts before an article's text leaves the text as
//! the whole body; and the document meets every invariant of `crates/core/tests/invariants`.

#![no_main]

use std::sync::OnceLock;

use entente_cli::jsonl;
use entente_core::{corpus, Engine};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

#[path = "../../crates/core/tests/invariants/mod.rs"]
mod invariants;

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(Engine::builtin)
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, input)) = data.split_first() else {
        return;
    };
    let limit = u64::from(first & 0x7f) * 2 + 1;
    let lossy = first & 0x80 != 0;
    // What a plain split sees: lines ended by `\n`, a `\r` before it (or at the end) dropped.
    let mut want: Vec<&[u8]> = input.split(|&b| b == b'\n').collect();
    if input.is_empty() || input.ends_with(b"\n") {
        want.pop();
    }
    let mut reader = input;
    let mut buf = Vec::new();
    for (i, line) in want.iter().enumerate() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let number = i as u64 + 1;
        let len = jsonl::read_line(&mut reader, &mut buf, limit)
            .expect("a slice reads without error")
            .expect("a line where the split has one");
        assert_eq!(len, line.len() as u64, "line {number}: length");
        if len > limit {
            assert!(buf.is_empty(), "line {number}: kept over the limit");
            let e = jsonl::LineError::too_large(number, len, limit);
            let v: Value = serde_json::from_str(&e.json_line()).expect("error line is JSON");
            assert_eq!(v["line"], number);
            continue;
        }
        assert_eq!(buf, line, "line {number}: content");
        if jsonl::is_blank(&buf) {
            continue;
        }
        match jsonl::parse_line(&buf, number, lossy) {
            Err(e) => {
                let v: Value = serde_json::from_str(&e.json_line()).expect("error line is JSON");
                assert!(v["error"].is_string());
                assert_eq!(v.get("line").is_some(), e.id.is_none());
            }
            Ok(art) => {
                let raw = art.raw();
                assert_eq!(corpus::parse_article(&raw).body, art.text, "the text is the body");
                let doc = art.analyze(engine(), "fuzz.jsonl:1");
                assert_eq!(doc.body_len, art.text.len());
                if let Err(e) = invariants::check(&raw, &doc) {
                    panic!("{e}");
                }
                let out = jsonl::document_line(&art.id, &doc);
                assert!(out.ends_with('\n') && !out[..out.len() - 1].contains('\n'));
                let v: Value = serde_json::from_str(&out).expect("document line is JSON");
                assert_eq!(v["id"].to_string(), serde_json::to_string(&art.id).unwrap());
            }
        }
    }
    let end = jsonl::read_line(&mut reader, &mut buf, limit).expect("no error");
    assert_eq!(end, None, "no line after the last");
});
