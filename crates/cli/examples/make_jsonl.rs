//! Writes a JSONL input for `entente analyze --jsonl` of about MB megabytes to standard
//! output: the five seed articles repeated, each copy a line with a new `id`, every other
//! one with `title`, `date`, `url` and `source` (the benchmark `scripts/bench-jsonl.sh`).
//!
//! ```sh
//! cargo run --release -p entente-cli --example make_jsonl -- 200 > big.jsonl
//! ```

#[path = "../../core/tests/support/seeds.rs"]
mod seeds;

use std::io::{self, BufWriter, Write};

use seeds::SEEDS;

fn main() -> io::Result<()> {
    let mb: u64 = match std::env::args().nth(1).map(|a| a.parse()) {
        None => 200,
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            eprintln!("usage: make_jsonl [MB]   (default 200)");
            std::process::exit(2);
        }
    };
    let target = mb * 1_000_000;
    let mut out = BufWriter::new(io::stdout().lock());
    let mut written: u64 = 0;
    let mut n: u64 = 0;
    while written < target {
        let text = SEEDS[(n % 5) as usize];
        let line = if n.is_multiple_of(2) {
            serde_json::json!({"id": format!("bench-{n}"), "text": text})
        } else {
            serde_json::json!({
                "id": format!("bench-{n}"),
                "text": text,
                "title": format!("Copy {n}"),
                "date": "2026-03-03",
                "url": format!("https://example.test/{n}"),
                "source": "Bench Wire",
            })
        };
        let s = line.to_string();
        out.write_all(s.as_bytes())?;
        out.write_all(b"\n")?;
        written += s.len() as u64 + 1;
        n += 1;
    }
    out.flush()
}
