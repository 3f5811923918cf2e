//! How long one step of an analysis in steps (`Engine::job`) takes, native: the page runs
//! steps of `STEP` bytes until 10 ms are spent, so the longest single step bounds how long a
//! slice can run past that. Prints a table per text; never fails on time.
//!
//! ```text
//! cargo run --profile bench -p entente-core --example slices
//! ```
//!
//! Texts: a seed repeated to about 1.5 MB (an article with paragraphs), and the same words
//! as one 5 MB line (the largest paste the page takes, with no paragraph breaks). The
//! hand-over between stages (a pass over the whole body: furniture and chunks before the
//! split, sorting mentions, quotation regions) counts in the step that makes it. Figures
//! are wall-clock milliseconds of this thread (the browser's wasm is about 2-3 times slower).

use std::time::Instant;

use entente_core::{Engine, Stage};

const SEED: &str = include_str!("../../../seeds/002_453ac6874c6a2860.txt");
/// The page's bytes per step (src/analysis.rs, STEP_BYTES).
const STEP: usize = 2048;

fn main() {
    let engine = Engine::builtin();
    let article = SEED.repeat(1_500_000 / SEED.len() + 1);
    let line: String = SEED
        .split_whitespace()
        .cycle()
        .scan(0usize, |n, w| {
            *n += w.len() + 1;
            (*n <= 5 * 1024 * 1024).then_some(w)
        })
        .collect::<Vec<_>>()
        .join(" ");
    println!("| text | MB | steps | job start ms | longest step ms (stage) | whole job ms |");
    println!("|---|---|---|---|---|---|");
    for (name, text) in [("seed x N, paragraphs", &article), ("one 5 MB line", &line)] {
        let t0 = Instant::now();
        let mut job = engine.job("t.txt", text.as_str());
        let start_ms = t0.elapsed().as_secs_f64() * 1e3;
        let (mut steps, mut longest, mut at) = (0, 0.0f64, Stage::Sentences);
        while !job.is_done() {
            let stage = job.progress().stage;
            let t = Instant::now();
            job.step(STEP);
            let ms = t.elapsed().as_secs_f64() * 1e3;
            if ms > longest {
                (longest, at) = (ms, stage);
            }
            steps += 1;
        }
        let doc = job.finish();
        let whole_ms = t0.elapsed().as_secs_f64() * 1e3;
        println!(
            "| {name} | {:.1} | {steps} | {start_ms:.1} | {longest:.1} ({at}) | {whole_ms:.0} |",
            text.len() as f64 / 1e6
        );
        assert!(!doc.sentences.is_empty());
    }
}
