//! Times `layout::layout` on sparse graphs of several sizes and prints a table.
//! Never fails on time.
//!
//! ```text
//! cargo run --release -p entente --example layout_bench
//! ```

use std::time::Instant;

use entente::layout::{layout, Edge, Node, ITERATIONS};

/// A deterministic sparse graph: each node links to about two earlier ones.
fn graph(n: usize) -> (Vec<Node>, Vec<Edge>) {
    let nodes = (0..n)
        .map(|i| Node {
            id: format!("n{i}"),
            weight: (i % 11) as f64,
        })
        .collect();
    let mut edges = Vec::new();
    let mut s: u64 = 42;
    for i in 1..n {
        for _ in 0..2 {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            edges.push(Edge {
                a: i,
                b: (s >> 33) as usize % i,
                weight: 1.0,
            });
        }
    }
    (nodes, edges)
}

fn main() {
    println!("iterations per layout: {ITERATIONS}");
    println!(
        "{:>6} {:>6} {:>6} {:>12}",
        "nodes", "edges", "runs", "ms per run"
    );
    for n in [10, 50, 100, 300] {
        let (nodes, edges) = graph(n);
        let runs = if n <= 100 { 20 } else { 5 };
        let start = Instant::now();
        let mut sink = 0.0;
        for _ in 0..runs {
            let pos = layout(&nodes, &edges, 800.0, 600.0);
            sink += pos[0].0;
        }
        let ms = start.elapsed().as_secs_f64() * 1000.0 / runs as f64;
        println!("{n:>6} {:>6} {runs:>6} {ms:>12.2}", edges.len());
        std::hint::black_box(sink);
    }
}
