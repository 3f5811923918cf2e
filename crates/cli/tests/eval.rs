//! Runs `entente eval` on the development set of real news reports
//! (`../shared/eval/dev`, beside the repository) and fails when accuracy falls below the
//! floors: a later change cannot quietly lose what the engine reaches. The floors sit just
//! under the figures measured when they were last raised (see docs/accuracy.md); the whole
//! table is printed (`cargo test -p entente-cli --test eval -- --nocapture`).
//!
//! Without the set beside the checkout the test says so and passes, except under CI
//! (`CI` set), where the set is always laid beside the clone and its absence is a failure.

use std::path::PathBuf;
use std::process::Command;

/// (row label as printed: grain and level, precision floor, recall floor, F1 floor).
const FLOORS: &[(&str, f64, f64, f64)] = &[
    ("actors", 0.88, 0.93, 0.90),
    ("person pair", 0.69, 0.33, 0.44),
    ("person coded", 0.61, 0.30, 0.40),
    ("country pair", 0.84, 0.40, 0.53),
    ("country directed", 0.77, 0.37, 0.49),
    ("country coded", 0.71, 0.34, 0.45),
];

fn dev_set() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/dev");
    dir.join("gold").is_dir().then_some(dir)
}

/// The ALL row for `label` (e.g. "country coded"): (P, R, F1).
fn overall(table: &str, label: &str) -> (f64, f64, f64) {
    let words: Vec<&str> = label.split_whitespace().collect();
    let row = table
        .lines()
        .find(|l| {
            let cells: Vec<&str> = l.split_whitespace().collect();
            cells.first() == Some(&"ALL") && cells.get(2..2 + words.len()) == Some(&words[..])
        })
        .unwrap_or_else(|| panic!("no ALL row for {label} in:\n{table}"));
    let nums: Vec<f64> = row
        .split_whitespace()
        .skip(2 + words.len())
        .take(3)
        .map(|n| n.parse().expect("a figure"))
        .collect();
    (nums[0], nums[1], nums[2])
}

#[test]
fn dev_set_accuracy_stays_above_its_floors() {
    let Some(dir) = dev_set() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have ../shared/eval/dev beside the clone"
        );
        eprintln!("skipped: no ../shared/eval/dev beside the checkout");
        return;
    };
    let out = Command::new(env!("CARGO_BIN_EXE_entente"))
        .arg("eval")
        .arg(&dir)
        .output()
        .expect("run entente eval");
    let table = String::from_utf8(out.stdout).expect("UTF-8 table");
    assert!(
        out.status.success(),
        "entente eval failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    println!("{table}");
    let mut below = Vec::new();
    for &(label, p, r, f) in FLOORS {
        let got = overall(&table, label);
        if got.0 < p || got.1 < r || got.2 < f {
            below.push(format!(
                "{label}: P/R/F1 {:.2}/{:.2}/{:.2}, floors {p:.2}/{r:.2}/{f:.2}",
                got.0, got.1, got.2
            ));
        }
    }
    assert!(below.is_empty(), "below the floors:\n{}", below.join("\n"));
}

#[test]
fn eval_reports_a_missing_set_clearly() {
    let out = Command::new(env!("CARGO_BIN_EXE_entente"))
        .args(["eval", "/nonexistent/entente-eval-set"])
        .output()
        .expect("run entente eval");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/nonexistent/entente-eval-set/gold"), "{err}");
    let out = Command::new(env!("CARGO_BIN_EXE_entente"))
        .arg("eval")
        .output()
        .expect("run entente eval");
    assert_eq!(out.status.code(), Some(2));
}
