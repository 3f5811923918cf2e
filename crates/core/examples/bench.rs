//! Throughput of the analysis core, native: single thread, then documents spread over a
//! thread pool (rayon, a dev-dependency: the library itself has no threads). Prints two
//! tables; never fails on time.
//!
//! Run with the full-speed `bench` profile (opt-level 3; `release` is size-tuned for wasm):
//!
//! ```text
//! cargo run --profile bench -p entente-core --example bench
//! cargo run --profile bench -p entente-core --example bench -- --quick   # fewer rounds
//! cargo run --profile bench -p entente-core --example bench -- --threads 4
//! cargo run --profile bench -p entente-core --example bench -- --once      # for profilers
//! ```
//! `scripts/bench-native.sh` runs the first, then times `entente analyze --jobs N`.
//!
//! `--once` analyses the ~1 MB corpus once and prints only its count of mentions, for a
//! profiler: `CARGO_PROFILE_BENCH_DEBUG=line-tables-only cargo build --profile bench -p
//! entente-core --example bench`, then `valgrind --tool=callgrind
//! $CARGO_TARGET_DIR/release/examples/bench --once` and `callgrind_annotate
//! --inclusive=yes callgrind.out.*`. `--write-corpus DIR` writes the ~1 MB corpus as files
//! `DIR/0000.txt`, ... and exits (for timing the CLI on it).
//!
//! Corpora: the five seeds (about 22 KB); about 1 MB and about 20 MB made of copies of
//! the seeds with names and numbers varied per copy (so no two documents are the same
//! and nothing is flattered by repeated input), analysed document by document; and the
//! 20 MB corpus as one single document (the worst case for the per-document passes).
//! Columns: `parse` is `corpus::parse_article` (header, furniture, title), `split` is
//! `text::split_sentences`, `analyze` is the whole `Engine::analyze`; MB/s are 10^6 bytes
//! of input per second of the thread's own CPU time (from `/proc/thread-self/schedstat`,
//! so a loaded machine does not skew them), over all rounds. `analyze wall` is the same
//! from the best round's wall-clock time (the only figure where schedstat is missing).
//!
//! Thread pool (second table): the same `Engine` shared by `--threads` threads (default:
//! the cores this process may use), each document one task, results kept in input order.
//! Rounds (each about 0.2 s or one pass) alternate one thread and the pool so both see
//! the same load on a shared machine; `1 thread` and `pool` are MB/s from the best wall
//! time of each, `speed-up` their ratio. `pool CPU` is MB/s per second of CPU summed over all the process's
//! threads (from `/proc/self/task/*/schedstat`): near `1 thread CPU` means the pool adds
//! no work, so on an idle machine the speed-up is bounded by the cores, not the code.

#[path = "../tests/support/seeds.rs"]
mod seeds;

use std::hint::black_box;
use std::time::{Duration, Instant};

use entente_core::{corpus, text, Document, Engine};
use rayon::prelude::*;
use seeds::SEEDS;

/// Name swaps per copy: each copy replaces these with a pair picked by the copy number.
const SWAPS: [(&str, [&str; 6]); 6] = [
    (
        "Putin",
        [
            "Putin",
            "Medvedev",
            "Mishustin",
            "Lavrov",
            "Peskov",
            "Shoigu",
        ],
    ),
    (
        "Iran",
        ["Iran", "Syria", "Venezuela", "Belarus", "Cuba", "Nicaragua"],
    ),
    (
        "Tehran",
        [
            "Tehran", "Damascus", "Caracas", "Minsk", "Havana", "Managua",
        ],
    ),
    (
        "Moscow",
        [
            "Moscow",
            "Moscow",
            "the Kremlin",
            "Moscow",
            "the Kremlin",
            "Moscow",
        ],
    ),
    (
        "Trump",
        ["Trump", "Biden", "Vance", "Rubio", "Trump", "Hegseth"],
    ),
    (
        "Israel",
        [
            "Israel",
            "Turkey",
            "Saudi Arabia",
            "Azerbaijan",
            "Ukraine",
            "Georgia",
        ],
    ),
];

/// A copy of `seed` with names swapped and every number shifted by `k`.
fn vary(seed: &str, k: usize) -> String {
    let mut s = seed.to_string();
    for (from, to) in SWAPS {
        s = s.replace(from, to[k % to.len()]);
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut num = String::new();
    for c in s.chars() {
        if c.is_ascii_digit() {
            num.push(c);
            continue;
        }
        if !num.is_empty() {
            let n: u64 = num.parse().unwrap_or(0);
            out.push_str(&(n + k as u64 % 97).to_string());
            num.clear();
        }
        out.push(c);
    }
    out.push_str(&num);
    out.push_str(&format!("\n\nCopy {k} ends here.\n"));
    out
}

/// About `bytes` of varied seed copies, as separate documents.
fn corpus_of(bytes: usize) -> Vec<String> {
    let mut docs = Vec::new();
    let mut total = 0;
    let mut k = 0;
    while total < bytes {
        let d = vary(SEEDS[k % SEEDS.len()], k / SEEDS.len());
        total += d.len();
        docs.push(d);
        k += 1;
    }
    docs
}

/// CPU time this thread has run, when the kernel tells (`/proc/thread-self/schedstat`).
fn thread_cpu() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// CPU time of all this process's threads, when the kernel tells (`/proc/self/task/*/schedstat`).
fn process_cpu() -> Option<Duration> {
    let mut ns = 0u64;
    for task in std::fs::read_dir("/proc/self/task").ok()? {
        let path = task.ok()?.path().join("schedstat");
        let s = std::fs::read_to_string(path).ok()?;
        ns += s.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(Duration::from_nanos(ns))
}

/// Runs `f` `rounds` times: (best wall time of a round, CPU time per round if known).
fn measure(rounds: usize, mut f: impl FnMut()) -> (Duration, Option<Duration>) {
    let rounds = rounds.max(1);
    let cpu0 = thread_cpu();
    let mut best = Duration::MAX;
    for _ in 0..rounds {
        let t = Instant::now();
        f();
        best = best.min(t.elapsed());
    }
    let cpu = match (cpu0, thread_cpu()) {
        (Some(a), Some(b)) if b > a => Some((b - a) / rounds as u32),
        _ => None,
    };
    (best, cpu)
}

fn mbps(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64().max(1e-9)
}

/// One thread against the pool, rounds interleaved.
struct PoolRun {
    single_wall: Duration,
    pool_wall: Duration,
    /// Per round, this thread only.
    single_cpu: Option<Duration>,
    /// Per round, all the process's threads.
    pool_cpu: Option<Duration>,
}

fn analyze_serial(engine: &Engine, docs: &[String]) -> Vec<Document> {
    docs.iter().map(|d| engine.analyze("doc", d)).collect()
}

fn analyze_pool(pool: &rayon::ThreadPool, engine: &Engine, docs: &[String]) -> Vec<Document> {
    pool.install(|| docs.par_iter().map(|d| engine.analyze("doc", d)).collect())
}

/// Interleaved rounds of one thread and the pool. Each round runs the corpus `reps` times,
/// enough for about 0.2 s, since schedstat counters advance at scheduler ticks (a few ms).
/// Returned times are per pass over the corpus.
fn measure_pool(
    rounds: usize,
    pool: &rayon::ThreadPool,
    engine: &Engine,
    docs: &[String],
) -> PoolRun {
    let rounds = rounds.max(1);
    let t = Instant::now();
    black_box(analyze_serial(engine, docs));
    let once = t.elapsed().as_secs_f64().max(1e-6);
    let reps = ((0.2 / once).ceil() as usize).clamp(1, 10_000);
    let mut run = PoolRun {
        single_wall: Duration::MAX,
        pool_wall: Duration::MAX,
        single_cpu: Some(Duration::ZERO),
        pool_cpu: Some(Duration::ZERO),
    };
    let add = |sum: &mut Option<Duration>, a: Option<Duration>, b: Option<Duration>| {
        *sum = match (*sum, a, b) {
            (Some(s), Some(a), Some(b)) if b >= a => Some(s + (b - a)),
            _ => None,
        };
    };
    for _ in 0..rounds {
        let (c0, t) = (thread_cpu(), Instant::now());
        for _ in 0..reps {
            black_box(analyze_serial(engine, black_box(docs)));
        }
        run.single_wall = run.single_wall.min(t.elapsed() / reps as u32);
        add(&mut run.single_cpu, c0, thread_cpu());

        let (c0, t) = (process_cpu(), Instant::now());
        for _ in 0..reps {
            black_box(analyze_pool(pool, engine, black_box(docs)));
        }
        run.pool_wall = run.pool_wall.min(t.elapsed() / reps as u32);
        add(&mut run.pool_cpu, c0, process_cpu());
    }
    let passes = (rounds * reps) as u32;
    run.single_cpu = run.single_cpu.map(|d| d / passes);
    run.pool_cpu = run.pool_cpu.map(|d| d / passes);
    run
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let quick = args.iter().any(|a| a == "--quick");
    let threads = args
        .iter()
        .position(|a| a == "--threads")
        .and_then(|i| args.get(i + 1)?.parse::<usize>().ok())
        .filter(|&n| n >= 1)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let engine = Engine::builtin();
    let seeds: Vec<String> = SEEDS.iter().map(|s| s.to_string()).collect();
    let one_mb = corpus_of(1_000_000);
    if let Some(dir) = args
        .iter()
        .position(|a| a == "--write-corpus")
        .and_then(|i| args.get(i + 1))
    {
        let dir = std::path::Path::new(dir);
        let written = std::fs::create_dir_all(dir).and_then(|()| {
            for (i, d) in one_mb.iter().enumerate() {
                std::fs::write(dir.join(format!("{i:04}.txt")), d)?;
            }
            Ok(())
        });
        match written {
            Ok(()) => println!("{} files in {}", one_mb.len(), dir.display()),
            Err(e) => {
                eprintln!("bench: writing {}: {e}", dir.display());
                std::process::exit(1);
            }
        }
        return;
    }
    if args.iter().any(|a| a == "--once") {
        let mentions: usize = analyze_serial(&engine, &one_mb)
            .iter()
            .flat_map(|d| &d.actors)
            .map(|a| a.mentions.len())
            .sum();
        println!("~1 MB analysed once: {mentions} actor mentions");
        return;
    }
    let twenty_mb = corpus_of(20_000_000);
    let single = vec![twenty_mb.join("\n\n")];
    let sets: [(&str, &[String], usize); 4] = [
        ("seeds", &seeds, if quick { 20 } else { 200 }),
        ("~1 MB", &one_mb, if quick { 3 } else { 10 }),
        ("~20 MB", &twenty_mb, if quick { 1 } else { 3 }),
        ("~20 MB, one document", &single, if quick { 1 } else { 3 }),
    ];
    if thread_cpu().is_none() {
        println!("(no /proc/thread-self/schedstat: CPU columns use the best wall time)");
    }
    println!(
        "{:<22} {:>6} {:>11} {:>10} {:>8} {:>8} {:>8} {:>13}",
        "corpus", "docs", "bytes", "sentences", "parse", "split", "analyze", "analyze wall"
    );
    println!(
        "{:<22} {:>6} {:>11} {:>10} {:>8} {:>8} {:>8} {:>13}",
        "", "", "", "", "MB/s", "MB/s", "MB/s", "MB/s"
    );
    for (name, docs, rounds) in sets {
        let bytes: usize = docs.iter().map(String::len).sum();
        let sentences: usize = docs
            .iter()
            .map(|d| {
                let a = corpus::parse_article(d);
                text::split_sentences(a.body, &a.furniture).len()
            })
            .sum();
        let articles: Vec<corpus::Article<'_>> =
            docs.iter().map(|d| corpus::parse_article(d)).collect();
        let (parse_wall, parse_cpu) = measure(rounds, || {
            for d in docs {
                black_box(corpus::parse_article(black_box(d)));
            }
        });
        let (split_wall, split_cpu) = measure(rounds, || {
            for a in &articles {
                black_box(text::split_sentences(black_box(a.body), &a.furniture));
            }
        });
        let (analyze_wall, analyze_cpu) = measure(rounds, || {
            for (i, d) in docs.iter().enumerate() {
                black_box(engine.analyze(if i == 0 { "first" } else { "doc" }, black_box(d)));
            }
        });
        let rate = |cpu: Option<Duration>, wall: Duration| mbps(bytes, cpu.unwrap_or(wall));
        println!(
            "{:<22} {:>6} {:>11} {:>10} {:>8.1} {:>8.1} {:>8.1} {:>13.1}",
            name,
            docs.len(),
            bytes,
            sentences,
            rate(parse_cpu, parse_wall),
            rate(split_cpu, split_wall),
            rate(analyze_cpu, analyze_wall),
            mbps(bytes, analyze_wall)
        );
    }

    // The pool: same engine, same documents, in input order.
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(p) => p,
        Err(e) => {
            println!("\n(no thread pool: {e})");
            return;
        }
    };
    let serial = analyze_serial(&engine, &one_mb);
    let pooled = analyze_pool(&pool, &engine, &one_mb);
    let same = serial.len() == pooled.len()
        && serial.iter().zip(&pooled).all(|(a, b)| {
            a.actors.len() == b.actors.len() && a.relations.len() == b.relations.len()
        });
    println!(
        "\nthread pool: {threads} threads ({} cores available), documents in input order{}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        if same {
            ""
        } else {
            " (MISMATCH with one thread!)"
        }
    );
    println!(
        "{:<22} {:>6} {:>11} {:>9} {:>9} {:>9} {:>12} {:>9}",
        "corpus", "docs", "bytes", "1 thread", "pool", "speed-up", "1 thread CPU", "pool CPU"
    );
    println!(
        "{:<22} {:>6} {:>11} {:>9} {:>9} {:>9} {:>12} {:>9}",
        "", "", "", "MB/s", "MB/s", "", "MB/s", "MB/s"
    );
    let pool_sets: [(&str, &[String], usize); 3] = [
        ("seeds", &seeds, if quick { 2 } else { 7 }),
        ("~1 MB", &one_mb, if quick { 2 } else { 7 }),
        ("~20 MB", &twenty_mb, if quick { 1 } else { 3 }),
    ];
    let cpu_rate = |bytes: usize, d: Option<Duration>| match d {
        Some(d) => format!("{:.1}", mbps(bytes, d)),
        None => "-".to_string(),
    };
    for (name, docs, rounds) in pool_sets {
        let bytes: usize = docs.iter().map(String::len).sum();
        let run = measure_pool(rounds, &pool, &engine, docs);
        println!(
            "{:<22} {:>6} {:>11} {:>9.1} {:>9.1} {:>8.2}x {:>12} {:>9}",
            name,
            docs.len(),
            bytes,
            mbps(bytes, run.single_wall),
            mbps(bytes, run.pool_wall),
            run.single_wall.as_secs_f64() / run.pool_wall.as_secs_f64().max(1e-9),
            cpu_rate(bytes, run.single_cpu),
            cpu_rate(bytes, run.pool_cpu),
        );
    }
}
