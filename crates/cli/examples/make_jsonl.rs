//! Writes a JSONL input for `entente analyze --jsonl` of about MB megabytes to standard
//! output: the five seed articles repeated, each copy a line with a new `id`, every other
//! one with `title`, `date`, `url` and `source` (the benchmark `scripts/bench-jsonl.sh`).
//!
//! ```sh
//! cargo run --release -p entente-cli --example make_jsonl -- 200 > big.jsonl
//! ```

use std::io::{self, BufWriter, Write};

const SEEDS: [&str; 5] = [
    include_str!("../../../seeds/000_fa6a6883ea8b5cc2.txt"),
    include_str!("../../../seeds/001_8be43b2935b63d9a.txt"),
    include_str!("../../../seeds/002_453ac6874c6a2860.txt"),
    include_str!("../../../seeds/003_2ebf30a1db2f8cdb.txt"),
    include_str!("../../../seeds/004_d9a8681dd3d384f5.txt"),
];

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
