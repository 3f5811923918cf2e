//! `entente analyze --jobs N`: analysing on a thread pool changes neither what is printed
//! nor its order, errors included; bad values of N are usage errors.

#[path = "../../core/tests/support/seeds.rs"]
mod seeds;
mod support;

use std::process::{Command, Output, Stdio};

use seeds::NUMBERED as SEEDS;
use serde_json::Value;
use support::TempDir;

fn run(args: &[String]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_entente"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run entente")
}

/// Seventeen files (more than one batch of a 2- or 3-thread pool) with two missing ones
/// among them, in an order that is not the alphabetical one.
fn files(t: &TempDir) -> Vec<String> {
    let mut paths = Vec::new();
    for i in 0..15 {
        let (name, text) = SEEDS[(i * 3) % SEEDS.len()];
        paths.push(t.file(&format!("{:02}-{name}.txt", 20 - i), text.as_bytes()));
        if i == 4 || i == 11 {
            paths.push(t.path(&format!("missing-{i}.txt")));
        }
    }
    paths
}

fn args(jobs: &str, json: bool, paths: &[String]) -> Vec<String> {
    let mut a = vec![
        "analyze".to_string(),
        "--jobs".to_string(),
        jobs.to_string(),
    ];
    if json {
        a.push("--json".to_string());
    }
    a.extend(paths.iter().cloned());
    a
}

#[test]
fn pool_output_is_the_one_thread_output_in_input_order() {
    let t = TempDir::new();
    let paths = files(&t);
    for json in [false, true] {
        let one = run(&args("1", json, &paths));
        assert_eq!(one.status.code(), Some(1), "two files are missing");
        for jobs in ["2", "3", "16"] {
            let many = run(&args(jobs, json, &paths));
            assert_eq!(many.status.code(), Some(1), "--jobs {jobs}");
            assert_eq!(
                one.stdout, many.stdout,
                "stdout, --jobs {jobs}, json {json}"
            );
            assert_eq!(
                one.stderr, many.stderr,
                "stderr, --jobs {jobs}, json {json}"
            );
        }
    }
}

#[test]
fn pool_json_lists_documents_and_errors_in_input_order() {
    let t = TempDir::new();
    let paths = files(&t);
    let out = run(&args("2", true, &paths));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    let docs: Vec<&str> = v["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| d["path"].as_str().expect("path"))
        .collect();
    let want: Vec<&str> = paths
        .iter()
        .filter(|p| !p.contains("missing"))
        .map(String::as_str)
        .collect();
    assert_eq!(docs, want);
    let errors: Vec<&str> = v["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| e["path"].as_str().expect("path"))
        .collect();
    assert_eq!(errors, [t.path("missing-4.txt"), t.path("missing-11.txt")]);
    // Each document is its own file's analysis: the same as analysing that file alone.
    for (i, path) in want.iter().enumerate() {
        let alone = run(&args("1", true, &[path.to_string()]));
        let alone: Value = serde_json::from_slice(&alone.stdout).expect("JSON output");
        assert_eq!(v["documents"][i], alone["documents"][0], "{path}");
    }
}

#[test]
fn bad_jobs_values_are_usage_errors() {
    for (name, value) in [
        ("zero", "0"),
        ("negative", "-2"),
        ("word", "many"),
        ("empty", ""),
    ] {
        let out = run(&["analyze".into(), format!("--jobs={value}"), "x.txt".into()]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("--jobs"), "{name}: {err}");
    }
    let out = run(&["analyze".into(), "x.txt".into(), "-j".into()]);
    assert_eq!(out.status.code(), Some(2), "-j without a value");
}

#[test]
fn short_and_inline_forms_are_accepted() {
    let t = TempDir::new();
    let p = t.file("a.txt", SEEDS[0].1.as_bytes());
    for form in [vec!["-j", "2"], vec!["--jobs=2"], vec!["--jobs", "1"]] {
        let mut a: Vec<String> = vec!["analyze".into(), "--json".into()];
        a.extend(form.iter().map(|s| s.to_string()));
        a.push(p.clone());
        let out = run(&a);
        assert_eq!(out.status.code(), Some(0), "{form:?}");
    }
}
