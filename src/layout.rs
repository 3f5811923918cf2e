//! Force-directed layout of the page's actor graph ([`crate::views::graph`]): nodes and
//! weighted edges in, one position per node inside a box out. Deterministic (no
//! randomness), bounded work.
//!
//! The method is Fruchterman-Reingold (1991); its rules, each with the id used in tests:
//!
//! - (L1) start: nodes are placed on a sunflower spiral, heaviest first, so the important
//!   nodes start near the centre and no two nodes start on the same spot;
//! - (L2) gravity: every node is pulled toward the centre, harder along the short side of
//!   the box, so that disconnected components stay on screen instead of drifting to the
//!   walls;
//! - (L3) forces: nodes repel with `k² m_i m_j / d`, edges attract with `s d² / k`, where `m`
//!   grows with node weight (heavier nodes get more room) and `s` with edge weight;
//! - (L4) cooling: each step moves a node at most the current temperature, which falls
//!   linearly to zero; positions are clamped to the box minus a margin at every step;
//! - (L5) bad input never panics: edges with an index out of range and self-loops are
//!   ignored, non-finite weights count as 1, and a box with a zero, negative or non-finite
//!   side puts every node at `(0, 0)`.
//!
//! # Examples
//!
//! ```
//! use entente::layout::{layout, Edge, Node};
//! let nodes = vec![
//!     Node { id: "RUS".into(), weight: 5.0 },
//!     Node { id: "IRN".into(), weight: 3.0 },
//! ];
//! let edges = vec![Edge { a: 0, b: 1, weight: 2.0 }];
//! let pos = layout(&nodes, &edges, 400.0, 300.0);
//! assert_eq!(pos.len(), 2);
//! assert!(pos.iter().all(|&(x, y)| (0.0..=400.0).contains(&x) && (0.0..=300.0).contains(&y)));
//! ```

/// A node of the graph to lay out.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The caller's id (an actor id); used only to break ties in the starting order.
    pub id: String,
    /// Importance, e.g. mentions; heavier nodes start nearer the centre and get more room.
    /// Negative counts as 0, non-finite as 1.
    pub weight: f64,
}

/// An undirected edge between `nodes[a]` and `nodes[b]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub a: usize,
    pub b: usize,
    /// Strength, e.g. the number of relations; stronger edges pull harder.
    /// Negative counts as 0 (the weakest pull), non-finite as 1.
    pub weight: f64,
}

/// Steps of the simulation. Work is `ITERATIONS * n² / 2` pair interactions.
pub const ITERATIONS: usize = 200;

/// The largest margin kept free along each side of the box, in the box's units.
pub const MAX_MARGIN: f64 = 24.0;

/// The golden angle in radians, for the sunflower start (L1).
const GOLDEN_ANGLE: f64 = 2.399_963_229_728_653;

/// Positions `(x, y)` for `nodes`, one per node in the same order, inside
/// `[0, width] × [0, height]` with a margin of 6% of the short side (at most
/// [`MAX_MARGIN`]) kept free on each side.
///
/// The same input always gives the same output. Cost is `O(ITERATIONS · n²)`; see the
/// `layout_bench` example for timings at 50 and 300 nodes.
pub fn layout(nodes: &[Node], edges: &[Edge], width: f64, height: f64) -> Vec<(f64, f64)> {
    let n = nodes.len();
    // L5: a box without area has no room for anyone.
    if !(width.is_finite() && height.is_finite() && width > 0.0 && height > 0.0) {
        return vec![(0.0, 0.0); n];
    }
    let margin = (0.06 * width.min(height)).min(MAX_MARGIN);
    let (x0, y0) = (margin, margin);
    let (w, h) = (width - 2.0 * margin, height - 2.0 * margin);
    let (cx, cy) = (x0 + w / 2.0, y0 + h / 2.0);
    match n {
        0 => return Vec::new(),
        1 => return vec![(cx, cy)],
        _ => {}
    }

    // L3: node masses in [1, 2] by log weight; edge strengths >= 1, growing with log weight.
    let node_w: Vec<f64> = nodes.iter().map(|nd| clean_weight(nd.weight)).collect();
    let max_w = node_w.iter().copied().fold(0.0, f64::max);
    let mass: Vec<f64> = node_w
        .iter()
        .map(|&wt| {
            if max_w > 0.0 {
                1.0 + (1.0 + wt).ln() / (1.0 + max_w).ln()
            } else {
                1.0
            }
        })
        .collect();
    // L5: drop self-loops and dangling indices.
    let springs: Vec<(usize, usize, f64)> = edges
        .iter()
        .filter(|e| e.a < n && e.b < n && e.a != e.b)
        .map(|e| (e.a, e.b, 1.0 + (1.0 + clean_weight(e.weight)).ln()))
        .collect();

    // L1: sunflower spiral in an ellipse filling 90% of the inner box, heaviest first.
    let mut order: Vec<usize> = (0..n).collect();
    entente_core::sort::sort_by(&mut order, |&i, &j| {
        node_w[j]
            .total_cmp(&node_w[i])
            .then_with(|| nodes[i].id.cmp(&nodes[j].id))
            .then(i.cmp(&j))
    });
    let (rx, ry) = (0.45 * w, 0.45 * h);
    let mut pos = vec![(cx, cy); n];
    for (rank, &i) in order.iter().enumerate() {
        let r = ((rank as f64 + 0.5) / n as f64).sqrt();
        let a = rank as f64 * GOLDEN_ANGLE;
        pos[i] = (cx + rx * r * a.cos(), cy + ry * r * a.sin());
    }

    // L3: ideal distance from the area per node.
    let k = 0.8 * (w * h / n as f64).sqrt();
    let k2 = k * k;
    // L2: gravity that balances a uniform cloud of total mass Q inside an ellipse with
    // semi-axes (a, b): the field of a uniform ellipse of "charge" is linear inside it,
    // 2Q x / (a (a + b)) along x and 2Q y / (b (a + b)) along y.
    let q: f64 = mass.iter().sum();
    let (ea, eb) = (0.48 * w, 0.48 * h);
    let gx = 2.0 * q * k2 / (ea * (ea + eb));
    let gy = 2.0 * q * k2 / (eb * (ea + eb));

    let t0 = 0.1 * w.max(h);
    // Struct of arrays for the O(n²) loop: it has to be fast at the page's opt-level "z".
    let (mut xs, mut ys): (Vec<f64>, Vec<f64>) = pos.iter().copied().unzip();
    let (mut fx, mut fy) = (vec![0.0; n], vec![0.0; n]);
    for step in 0..ITERATIONS {
        repel(&xs, &ys, &mass, k2, &mut fx, &mut fy);
        // Attraction along edges.
        for &(a, b, s) in &springs {
            let (dx, dy) = (xs[a] - xs[b], ys[a] - ys[b]);
            let f = s * (dx * dx + dy * dy).sqrt() / k; // (s d² / k) / d
            fx[a] -= dx * f;
            fy[a] -= dy * f;
            fx[b] += dx * f;
            fy[b] += dy * f;
        }
        // L4: move at most the temperature, stay in the box.
        let t = t0 * (1.0 - step as f64 / ITERATIONS as f64);
        for i in 0..n {
            // L2: gravity toward the centre.
            let gxi = fx[i] - gx * mass[i] * (xs[i] - cx);
            let gyi = fy[i] - gy * mass[i] * (ys[i] - cy);
            let len = (gxi * gxi + gyi * gyi).sqrt();
            if len > 0.0 && len.is_finite() {
                let step_len = len.min(t) / len;
                xs[i] = (xs[i] + gxi * step_len).clamp(x0, x0 + w);
                ys[i] = (ys[i] + gyi * step_len).clamp(y0, y0 + h);
            }
            fx[i] = 0.0;
            fy[i] = 0.0;
        }
    }
    xs.into_iter().zip(ys).collect()
}

/// L3: adds to `(fx, fy)` the repulsion `k² m_i m_j / d` between every pair of nodes.
fn repel(xs: &[f64], ys: &[f64], mass: &[f64], k2: f64, fx: &mut [f64], fy: &mut [f64]) {
    let n = xs
        .len()
        .min(ys.len())
        .min(mass.len())
        .min(fx.len())
        .min(fy.len());
    for i in 0..n {
        let (xi, yi, ki) = (xs[i], ys[i], k2 * mass[i]);
        let (mut sx, mut sy) = (0.0, 0.0);
        let rest = (i + 1)..n;
        let others = xs[rest.clone()]
            .iter()
            .zip(&ys[rest.clone()])
            .zip(&mass[rest.clone()])
            .zip(fx[rest.clone()].iter_mut().zip(fy[rest].iter_mut()));
        for (j, (((&xj, &yj), &mj), (fxj, fyj))) in (i + 1..).zip(others) {
            let (mut dx, mut dy) = (xi - xj, yi - yj);
            let mut d2 = dx * dx + dy * dy;
            if d2 < 1e-18 {
                // Two nodes on the same spot: push them apart along a fixed direction that
                // depends only on their indices (no randomness).
                let a = (i * 31 + j * 17) as f64;
                (dx, dy) = (a.cos() * 1e-3, a.sin() * 1e-3);
                d2 = 1e-6;
            }
            let f = ki * mj / d2; // (k² m m / d) / d, times the unit vector
            sx += dx * f;
            sy += dy * f;
            *fxj -= dx * f;
            *fyj -= dy * f;
        }
        fx[i] += sx;
        fy[i] += sy;
    }
}

/// L5: non-finite weights count as 1, negative ones as 0.
fn clean_weight(w: f64) -> f64 {
    if w.is_finite() {
        w.max(0.0)
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nodes(n: usize) -> Vec<Node> {
        (0..n)
            .map(|i| Node {
                id: format!("n{i}"),
                weight: (i % 7) as f64,
            })
            .collect()
    }

    fn edge(a: usize, b: usize) -> Edge {
        Edge { a, b, weight: 1.0 }
    }

    fn dist(p: (f64, f64), q: (f64, f64)) -> f64 {
        ((p.0 - q.0).powi(2) + (p.1 - q.1).powi(2)).sqrt()
    }

    type Graph = (Vec<Node>, Vec<Edge>);

    /// Two 5-cliques joined by one edge, a path of 4, and 3 isolated nodes: 17 nodes.
    fn two_cliques() -> Graph {
        let mut e = Vec::new();
        for base in [0, 5] {
            for i in 0..5 {
                for j in (i + 1)..5 {
                    e.push(edge(base + i, base + j));
                }
            }
        }
        e.push(edge(4, 5));
        e.extend([edge(10, 11), edge(11, 12), edge(12, 13)]);
        (nodes(17), e)
    }

    fn ring(n: usize) -> Graph {
        (nodes(n), (0..n).map(|i| edge(i, (i + 1) % n)).collect())
    }

    fn star(n: usize) -> Graph {
        (nodes(n), (1..n).map(|i| edge(0, i)).collect())
    }

    /// Deterministic pseudo-random graph: each node links to ~2 earlier ones.
    fn sparse(n: usize) -> Graph {
        let mut e = Vec::new();
        let mut s: u64 = 0x9e37_79b9_7f4a_7c15;
        for i in 1..n {
            for _ in 0..2 {
                s = s
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                e.push(Edge {
                    a: i,
                    b: (s >> 33) as usize % i,
                    weight: 1.0 + (s >> 60) as f64,
                });
            }
        }
        (nodes(n), e)
    }

    #[test]
    fn positions_stay_inside_the_box_with_margin_l4() {
        let cases: Vec<(&str, Graph, f64, f64)> = vec![
            ("two cliques, wide", two_cliques(), 800.0, 300.0),
            ("two cliques, tall", two_cliques(), 200.0, 700.0),
            ("ring 30", ring(30), 400.0, 400.0),
            ("star 40", star(40), 640.0, 480.0),
            ("sparse 120, tiny box", sparse(120), 50.0, 40.0),
            ("no edges 25", (nodes(25), vec![]), 300.0, 200.0),
        ];
        for (name, (ns, es), w, h) in cases {
            let pos = layout(&ns, &es, w, h);
            assert_eq!(pos.len(), ns.len(), "{name}");
            let m = (0.06 * w.min(h)).min(MAX_MARGIN);
            for &(x, y) in &pos {
                assert!(x.is_finite() && y.is_finite(), "{name}: ({x}, {y})");
                assert!(x >= m - 1e-9 && x <= w - m + 1e-9, "{name}: x {x} outside");
                assert!(y >= m - 1e-9 && y <= h - m + 1e-9, "{name}: y {y} outside");
            }
        }
    }

    #[test]
    fn same_input_gives_same_positions() {
        let (ns, es) = sparse(60);
        let a = layout(&ns, &es, 640.0, 480.0);
        let b = layout(&ns, &es, 640.0, 480.0);
        assert_eq!(a, b);
    }

    #[test]
    fn connected_nodes_end_closer_than_unconnected_ones_l3() {
        let cases = [
            ("two cliques", two_cliques()),
            ("ring 24", ring(24)),
            ("sparse 80", sparse(80)),
        ];
        for (name, (ns, es)) in cases {
            let pos = layout(&ns, &es, 600.0, 400.0);
            let n = ns.len();
            let mut linked = vec![vec![false; n]; n];
            for e in &es {
                linked[e.a][e.b] = true;
                linked[e.b][e.a] = true;
            }
            let (mut sum_in, mut n_in, mut sum_out, mut n_out) = (0.0, 0, 0.0, 0);
            for i in 0..n {
                for j in (i + 1)..n {
                    let d = dist(pos[i], pos[j]);
                    if linked[i][j] {
                        sum_in += d;
                        n_in += 1;
                    } else {
                        sum_out += d;
                        n_out += 1;
                    }
                }
            }
            let (mean_in, mean_out) = (sum_in / n_in as f64, sum_out / n_out as f64);
            assert!(
                mean_in < 0.7 * mean_out,
                "{name}: linked pairs {mean_in:.1} apart on average, unlinked {mean_out:.1}"
            );
        }
    }

    #[test]
    fn the_two_cliques_separate() {
        // Each clique's centre is farther from the other clique's nodes than from its own.
        let (ns, es) = two_cliques();
        let pos = layout(&ns, &es, 600.0, 400.0);
        let centre = |r: std::ops::Range<usize>| {
            let c = r.len() as f64;
            let (sx, sy) = r.fold((0.0, 0.0), |s, i| (s.0 + pos[i].0, s.1 + pos[i].1));
            (sx / c, sy / c)
        };
        let (c1, c2) = (centre(0..5), centre(5..10));
        for i in 0..5 {
            assert!(dist(pos[i], c1) < dist(pos[i], c2), "node {i}");
            assert!(
                dist(pos[5 + i], c2) < dist(pos[5 + i], c1),
                "node {}",
                5 + i
            );
        }
    }

    #[test]
    fn no_two_nodes_overlap_in_a_small_graph_l1_l3() {
        let cases = [
            ("two cliques", two_cliques()),
            ("star 12", star(12)),
            ("ring 10", ring(10)),
            ("no edges 8", (nodes(8), vec![])),
            // All on one spot would be the worst start; duplicate edges pull hard.
            (
                "duplicated edges",
                (
                    nodes(3),
                    vec![edge(0, 1), edge(0, 1), edge(0, 1), edge(1, 2)],
                ),
            ),
        ];
        for (name, (ns, es)) in cases {
            let (w, h) = (500.0, 400.0);
            let pos = layout(&ns, &es, w, h);
            for i in 0..ns.len() {
                for j in (i + 1)..ns.len() {
                    let d = dist(pos[i], pos[j]);
                    // 20 px keeps two 8 px-radius dots from touching.
                    assert!(d > 20.0, "{name}: nodes {i} and {j} only {d:.1} apart");
                }
            }
        }
    }

    #[test]
    fn disconnected_components_and_isolated_nodes_stay_on_screen_and_apart_l2() {
        // Three pairs and four singletons, no edges between them.
        let es = vec![edge(0, 1), edge(2, 3), edge(4, 5)];
        let ns = nodes(10);
        let (w, h) = (400.0, 300.0);
        let pos = layout(&ns, &es, w, h);
        let m = (0.06 * w.min(h)).min(MAX_MARGIN);
        // Not all squeezed into the corners: at most a quarter sit on the clamp border.
        let on_wall = pos
            .iter()
            .filter(|&&(x, y)| x <= m + 0.5 || x >= w - m - 0.5 || y <= m + 0.5 || y >= h - m - 0.5)
            .count();
        assert!(
            on_wall <= 2,
            "{on_wall} nodes pressed against the walls: {pos:?}"
        );
        for i in 0..10 {
            for j in (i + 1)..10 {
                assert!(dist(pos[i], pos[j]) > 15.0, "nodes {i} and {j}: {pos:?}");
            }
        }
    }

    #[test]
    fn degenerate_inputs_do_not_panic_l5() {
        let one = vec![Node {
            id: "a".into(),
            weight: 1.0,
        }];
        let three = nodes(3);
        type Case<'a> = (&'a str, &'a [Node], Vec<Edge>, f64, f64, Vec<(f64, f64)>);
        let cases: Vec<Case> = vec![
            ("no nodes", &[], vec![edge(0, 1)], 100.0, 100.0, vec![]),
            (
                "one node sits in the centre",
                &one,
                vec![edge(0, 0)],
                200.0,
                100.0,
                vec![(100.0, 50.0)],
            ),
            (
                "zero width",
                &three,
                vec![],
                0.0,
                100.0,
                vec![(0.0, 0.0); 3],
            ),
            (
                "negative height",
                &three,
                vec![],
                100.0,
                -5.0,
                vec![(0.0, 0.0); 3],
            ),
            (
                "NaN width",
                &three,
                vec![],
                f64::NAN,
                100.0,
                vec![(0.0, 0.0); 3],
            ),
            (
                "infinite height",
                &three,
                vec![],
                100.0,
                f64::INFINITY,
                vec![(0.0, 0.0); 3],
            ),
        ];
        for (name, ns, es, w, h, want) in cases {
            assert_eq!(layout(ns, &es, w, h), want, "{name}");
        }
    }

    #[test]
    fn bad_edges_and_weights_are_tolerated_l5() {
        let mut ns = nodes(6);
        ns[0].weight = f64::NAN;
        ns[1].weight = f64::INFINITY;
        ns[2].weight = -3.0;
        let es = vec![
            edge(0, 1),
            edge(1, 99), // out of range: ignored
            edge(77, 2), // out of range: ignored
            edge(3, 3),  // self-loop: ignored
            Edge {
                a: 2,
                b: 3,
                weight: f64::NAN,
            },
            Edge {
                a: 3,
                b: 4,
                weight: f64::NEG_INFINITY,
            },
            Edge {
                a: 4,
                b: 5,
                weight: -2.0,
            },
        ];
        let pos = layout(&ns, &es, 300.0, 200.0);
        assert_eq!(pos.len(), 6);
        assert!(pos.iter().all(|p| p.0.is_finite() && p.1.is_finite()));
        // The ignored edges change nothing.
        let kept: Vec<Edge> = es
            .iter()
            .filter(|e| e.a < 6 && e.b < 6 && e.a != e.b)
            .cloned()
            .collect();
        assert_eq!(pos, layout(&ns, &kept, 300.0, 200.0));
        // NaN and infinite weights count as 1.
        let mut ones = kept.clone();
        ones[1].weight = 1.0;
        ones[2].weight = 1.0;
        let mut ns1 = ns.clone();
        ns1[0].weight = 1.0;
        ns1[1].weight = 1.0;
        assert_eq!(pos, layout(&ns1, &ones, 300.0, 200.0));
    }
}
