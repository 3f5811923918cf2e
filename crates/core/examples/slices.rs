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
//! hand-over between stages counts in the step that makes it. Each job runs three times and
//! a step's time is the least of its three (wall time), so a loaded machine's pre-emptions
//! do not count; so are the job start and the whole job. The browser's wasm is slower. The
//! step that ends a job frees what is left in one go; natively glibc may hand a large freed
//! heap back to the system there (tens of ms on 5 MB), which wasm's allocator never does.

#[path = "../tests/support/seeds.rs"]
mod seeds;

use std::time::Instant;

use entente_core::Engine;
use seeds::SEED_002 as SEED;

/// The page's bytes per step (src/analysis.rs, STEP_BYTES).
const STEP: usize = 2048;

/// Runs of each job: a step's time is its least over them.
const RUNS: usize = 3;

fn ms_since(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

fn main() {
    let engine = Engine::builtin();
    let article = SEED.repeat(1_500_000 / SEED.len() + 1);
    // the page's largest paste: 5 MB
    let large = SEED.repeat(5_000_000 / SEED.len());
    let line: String = SEED
        .split_whitespace()
        .cycle()
        .scan(0usize, |n, w| {
            *n += w.len() + 1;
            (*n <= 5 * 1024 * 1024).then_some(w)
        })
        .collect::<Vec<_>>()
        .join(" ");
    println!("| text | MB | steps | job start ms | longest steps ms (stage) | whole job ms |");
    println!("|---|---|---|---|---|---|");
    for (name, text) in [
        ("seed x N, paragraphs", &article),
        ("seed x N, paragraphs", &large),
        ("one 5 MB line", &line),
    ] {
        // Each job runs RUNS times; a step's time is its least over the runs (the steps are
        // the same every run), so that a loaded machine's pre-emptions do not count.
        let mut start_ms = f64::MAX;
        let mut whole_ms = f64::MAX;
        let mut step_ms: Vec<f64> = Vec::new();
        let mut stage_at: Vec<String> = Vec::new();
        for run in 0..RUNS {
            let t0 = Instant::now();
            let mut job = engine.job("t.txt", text.as_str());
            start_ms = start_ms.min(ms_since(t0));
            let mut k = 0;
            while !job.is_done() {
                let before = job.progress().stage;
                let t = Instant::now();
                let after = job.step(STEP).stage;
                let ms = ms_since(t);
                if run == 0 {
                    step_ms.push(ms);
                    stage_at.push(if before == after {
                        before.to_string()
                    } else {
                        format!("{before} to {after}")
                    });
                } else {
                    step_ms[k] = step_ms[k].min(ms);
                }
                k += 1;
            }
            let doc = job.finish();
            whole_ms = whole_ms.min(ms_since(t0));
            assert!(!doc.sentences.is_empty());
        }
        let mut order: Vec<usize> = (0..step_ms.len()).collect();
        order.sort_by(|&a, &b| step_ms[b].total_cmp(&step_ms[a]));
        println!(
            "| {name} | {:.1} | {} | {start_ms:.1} | {} | {whole_ms:.0} |",
            text.len() as f64 / 1e6,
            step_ms.len(),
            order
                .iter()
                .take(3)
                .map(|&i| format!("{:.1} ({})", step_ms[i], stage_at[i]))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
}
