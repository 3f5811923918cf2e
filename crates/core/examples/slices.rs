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
//! split, collecting the actors' mentions) counts in the step that makes it. A step's time is
//! this thread's CPU time (Linux schedstat; wall time elsewhere), so a loaded machine's
//! pre-emptions do not count; the whole job is wall time. The browser's wasm is slower. The
//! step that ends a job frees what is left in one go; natively glibc may hand a large freed
//! heap back to the system there (tens of ms on 5 MB), which wasm's allocator never does.

use std::time::Instant;

use entente_core::Engine;

const SEED: &str = include_str!("../../../seeds/002_453ac6874c6a2860.txt");
/// The page's bytes per step (src/analysis.rs, STEP_BYTES).
const STEP: usize = 2048;

/// This thread's time on the CPU so far, in nanoseconds (Linux `schedstat`).
fn cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

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
        let (mut steps, mut longest, mut at) = (0, 0.0f64, String::new());
        while !job.is_done() {
            let before = job.progress().stage;
            let (t, cpu) = (Instant::now(), cpu_ns());
            let after = job.step(STEP).stage;
            // the thread's own CPU time where the system gives it (a loaded machine's
            // pre-emptions are not the step's), else wall time
            let ms = match (cpu, cpu_ns()) {
                (Some(a), Some(b)) => (b - a) as f64 / 1e6,
                _ => t.elapsed().as_secs_f64() * 1e3,
            };
            if ms > longest {
                longest = ms;
                at = if before == after {
                    before.to_string()
                } else {
                    format!("{before} to {after}")
                };
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
