//! Runs the built `entente` binary on temporary files: bad inputs, exit codes, the JSON
//! contract's field names and types, the summary, and `--help`.

#[path = "../../core/tests/support/seeds.rs"]
mod seeds;

mod support;

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use seeds::{SEED_000, SEED_002};
use serde_json::Value;
use support::{stderr, stdout, TempDir};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_entente"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run entente")
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("stdout is not one JSON object: {e}\n{}", stdout(o)))
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exit code")
}

#[test]
fn help_describes_the_command_exit_codes_and_limits() {
    for args in [&["--help"][..], &["-h"], &["analyze", "--help"]] {
        let o = run(args);
        assert_eq!(code(&o), 0, "{args:?}");
        let h = stdout(&o);
        for needle in [
            "entente analyze",
            "--json",
            "--pretty",
            "--lossy",
            "--max-bytes",
            "64 MiB",
            "entente: FILE: reason",
            "0  every file was analysed",
            "1  at least one file failed",
            "2  the command line is wrong",
        ] {
            assert!(h.contains(needle), "{args:?}: help lacks {needle:?}");
        }
    }
    let v = run(&["--version"]);
    assert_eq!(code(&v), 0);
    assert!(stdout(&v).starts_with("entente "));
}

#[test]
fn usage_errors_exit_2() {
    for (name, args) in [
        ("no arguments", &[][..]),
        ("no files", &["analyze"]),
        ("unknown option", &["analyze", "--frobnicate", "x"]),
        ("unknown command", &["frobnicate"]),
        ("bad size", &["analyze", "--max-bytes", "lots", "x"]),
        ("missing size", &["analyze", "x", "--max-bytes"]),
    ] {
        let o = run(args);
        assert_eq!(code(&o), 2, "{name}");
        assert!(
            stderr(&o).starts_with("entente: "),
            "{name}: {}",
            stderr(&o)
        );
        assert!(o.stdout.is_empty(), "{name}");
    }
}

/// Each bad input: one stderr line `entente: FILE: reason`, exit 1, the good file still analysed.
#[test]
fn bad_inputs_fail_alone() {
    let t = TempDir::new();
    let good = t.file("good.txt", b"Putin praised Iran.");
    let dir = t.path("");
    let dir = dir.trim_end_matches('/').to_string();
    let missing = t.path("missing.txt");
    let not_utf8 = t.file("latin1.txt", b"Putin \xe9tait l\xe0.");
    let big = t.file("big.txt", &vec![b'a'; 2000]);
    let rows: &[(&str, &str, &[&str], &str)] = &[
        ("missing file", &missing, &[], "no such file"),
        ("directory", &dir, &[], "is a directory"),
        ("invalid UTF-8", &not_utf8, &[], "not valid UTF-8 at byte 6"),
        (
            "over --max-bytes",
            &big,
            &["--max-bytes", "1000"],
            "too large: 2000 bytes, over the limit of 1000 bytes",
        ),
    ];
    for &(name, bad, extra, reason) in rows {
        for json_mode in [true, false] {
            let mut args = vec!["analyze"];
            if json_mode {
                args.push("--json");
            }
            args.extend_from_slice(extra);
            args.extend_from_slice(&[bad, &good]);
            let o = run(&args);
            assert_eq!(code(&o), 1, "{name}: exit code");
            let err = stderr(&o);
            let lines: Vec<&str> = err.lines().collect();
            assert_eq!(lines.len(), 1, "{name}: one line: {err}");
            assert!(
                lines[0].starts_with(&format!("entente: {bad}: {reason}")),
                "{name}: {}",
                lines[0]
            );
            if json_mode {
                let v = json(&o);
                let docs = v["documents"].as_array().expect("documents");
                assert_eq!(docs.len(), 1, "{name}: the good file is still analysed");
                assert_eq!(docs[0]["path"], good.as_str());
                let errors = v["errors"].as_array().expect("errors");
                assert_eq!(errors.len(), 1, "{name}");
                assert_eq!(errors[0]["path"], bad);
                assert!(
                    errors[0]["error"].as_str().unwrap().starts_with(reason),
                    "{name}"
                );
            } else {
                let out = stdout(&o);
                // Each summary starts with the path on a line of its own.
                assert!(
                    out.lines().any(|l| l == good),
                    "{name}: summary of the good file"
                );
                assert!(
                    !out.lines().any(|l| l == bad),
                    "{name}: no summary of the bad file"
                );
            }
        }
    }
}

#[test]
fn lossy_analyses_invalid_utf8_with_replacement_characters() {
    let t = TempDir::new();
    let f = t.file("latin1.txt", b"Putin \xe9tait l\xe0.\n\nIran.");
    let o = run(&["analyze", "--json", "--lossy", &f]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(v["documents"][0]["title"], "Putin \u{fffd}tait l\u{fffd}");
    assert_eq!(v["errors"].as_array().map(Vec::len), Some(0));
}

#[test]
fn empty_file_is_a_document_with_no_actors() {
    let t = TempDir::new();
    let f = t.file("empty.txt", b"");
    let o = run(&["analyze", "--json", &f]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(o.stderr.is_empty());
    let d = &json(&o)["documents"][0];
    assert_eq!(d["path"], f.as_str());
    assert_eq!(d["title"], Value::Null);
    assert_eq!(d["date"], Value::Null);
    assert_eq!(d["actors"], Value::Array(vec![]));
    assert_eq!(d["relations"], Value::Array(vec![]));
    let s = run(&["analyze", &f]);
    assert_eq!(code(&s), 0);
    assert!(stdout(&s).contains("sentences: 0"));
}

/// The default limit is 64 MiB: a larger (sparse) file is refused without being read.
#[test]
fn default_limit_is_64_mib() {
    let t = TempDir::new();
    let p = t.path("huge.txt");
    let f = fs::File::create(&p).expect("create");
    f.set_len(64 * 1024 * 1024 + 1).expect("sparse file");
    drop(f);
    let o = run(&["analyze", "--json", &p]);
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains("too large: 67108865 bytes, over the limit of 67108864 bytes"),
        "{}",
        stderr(&o)
    );
    assert_eq!(json(&o)["documents"].as_array().map(Vec::len), Some(0));
}

/// Builds a file of about `bytes` bytes from copies of the seeds.
fn big_file(t: &TempDir, bytes: usize) -> String {
    let unit = format!("{SEED_000}\n\n{SEED_002}\n\n");
    let text = unit.repeat(bytes / unit.len() + 1);
    t.file("big.txt", text.as_bytes())
}

#[test]
fn a_few_megabytes_work() {
    let t = TempDir::new();
    let f = big_file(&t, 4_000_000);
    let o = run(&["analyze", "--json", &f]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let d = &json(&o)["documents"][0];
    assert!(d["body_len"].as_u64().unwrap() > 4_000_000);
    assert!(d["sentences"].as_array().unwrap().len() > 10_000);
}

/// 50 MB is under the default limit and must work. Slow in a debug build, so run it with
/// `cargo test -p entente-cli --release -- --ignored`.
#[test]
#[ignore = "50 MB through the whole engine; run with --release -- --ignored"]
fn fifty_megabytes_work() {
    let t = TempDir::new();
    let f = big_file(&t, 50_000_000);
    let o = run(&["analyze", "--json", &f]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let d = &json(&o)["documents"][0];
    assert!(d["body_len"].as_u64().unwrap() > 50_000_000);
}

#[test]
fn stdin_is_read_with_a_dash() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_entente"))
        .args(["analyze", "--json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin
            .write_all(b"title: From stdin\ndate: 3 March 2026\n---\nPutin spoke.")
            .expect("write");
    }
    let o = child.wait_with_output().expect("wait");
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let d = &json(&o)["documents"][0];
    assert_eq!(d["path"], "-");
    assert_eq!(d["title"], "From stdin");
    assert_eq!(d["date"], "2026-03-03");
}

const QUADS: [&str; 5] = [
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
    "neutral",
];
const FLAGS: [&str; 5] = ["negated", "limited", "hedged", "reported", "hypothetical"];

fn is_date(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => {
            let b = s.as_bytes();
            b.len() == 10
                && b[4] == b'-'
                && b[7] == b'-'
                && b.iter()
                    .enumerate()
                    .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        }
        _ => false,
    }
}

fn string_or_null(v: &Value) -> bool {
    v.is_string() || v.is_null()
}

/// The contract (`shared/docs/analysis-json.md`): names and types of every field, checked on
/// the seeds (no header, so mention offsets index the file itself) and a file with a header.
#[test]
fn json_follows_the_contract() {
    let seeds_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut seeds: Vec<String> = fs::read_dir(&seeds_dir)
        .expect("seeds dir")
        .map(|e| e.expect("entry").path().to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".txt"))
        .collect();
    seeds.sort();
    assert_eq!(seeds.len(), 5);
    let t = TempDir::new();
    let with_header = t.file(
        "header.txt",
        "title: Header title\nsource: Test\nurl: https://example.test/a\ndate: 2026-03-03\n---\nVladimir Putin praised Iran. Israel struck Iran.\n".as_bytes(),
    );
    let mut args = vec!["analyze", "--json"];
    args.extend(seeds.iter().map(String::as_str));
    args.push(&with_header);
    let o = run(&args);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        stdout(&o).trim_end().lines().count(),
        1,
        "compact: one line"
    );
    let v = json(&o);
    assert!(v.is_object());
    let docs = v["documents"].as_array().expect("documents is an array");
    assert_eq!(docs.len(), 6);
    for (d, path) in docs.iter().zip(seeds.iter().chain([&with_header])) {
        assert_eq!(d["path"], path.as_str(), "path as given, in order");
        assert!(string_or_null(&d["title"]), "{path}: title");
        assert!(is_date(&d["date"]), "{path}: date {:?}", d["date"]);
        let raw = fs::read_to_string(path).expect("read");
        let body = &raw[raw.len() - d["body_len"].as_u64().unwrap() as usize..];
        for a in d["actors"].as_array().expect("actors is an array") {
            assert!(a["id"].is_string() && a["name"].is_string(), "{a}");
            assert!(
                ["person", "state", "organization", "group"]
                    .contains(&a["kind"].as_str().unwrap_or("")),
                "{a}"
            );
            assert!(string_or_null(&a["country"]), "{a}");
            for m in a["mentions"].as_array().expect("mentions is an array") {
                let (s, e) = (
                    m["start"].as_u64().unwrap() as usize,
                    m["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(
                    Some(m["text"].as_str().unwrap()),
                    body.get(s..e),
                    "{path}: mention offsets"
                );
            }
        }
        for r in d["relations"].as_array().expect("relations is an array") {
            for key in ["sentence", "source", "target", "cue", "rule"] {
                assert!(r[key].is_string(), "{path}: relation.{key} in {r}");
            }
            assert!(QUADS.contains(&r["quad"].as_str().unwrap_or("")), "{r}");
            assert!(
                ["support", "oppose", "neutral"].contains(&r["polarity"].as_str().unwrap_or("")),
                "{r}"
            );
            assert!(r["goldstein"].is_number(), "{r}");
            // The CAMEO code of the rule: two to four digits, root 01-20.
            let cameo = r["cameo"].as_str().unwrap_or("");
            assert!(
                (2..=4).contains(&cameo.len())
                    && cameo.bytes().all(|b| b.is_ascii_digit())
                    && (1..=20).contains(&cameo[..2].parse::<u8>().unwrap_or(0)),
                "{r}"
            );
            for f in r["flags"].as_array().expect("flags is an array") {
                assert!(FLAGS.contains(&f.as_str().unwrap_or("")), "{r}");
            }
        }
    }
    // Values from reading the files: seed 000's dateline and headline-less title, the header file.
    assert_eq!(docs[0]["date"], "2026-03-03");
    assert_eq!(
        docs[0]["title"],
        "After the fall of Bashar al-Assad in Syria and Nicolas Maduro in Venezuela…"
    );
    assert_eq!(docs[1]["date"], Value::Null);
    assert_eq!(docs[5]["title"], "Header title");
    assert_eq!(docs[5]["source"], "Test");
    assert_eq!(docs[5]["url"], "https://example.test/a");
    assert_eq!(docs[5]["sentences"].as_array().unwrap().len(), 2);
    assert_eq!(v["errors"], Value::Array(vec![]));
}

#[test]
fn pretty_json_is_indented_and_the_same_value() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../seeds/002_453ac6874c6a2860.txt")
        .to_string_lossy()
        .into_owned();
    let compact = run(&["analyze", "--json", &seed]);
    let pretty = run(&["analyze", "--pretty", &seed]);
    assert_eq!(code(&pretty), 0);
    assert!(stdout(&pretty).lines().count() > 10);
    assert!(stdout(&pretty).contains("\n  \"documents\": ["));
    assert_eq!(json(&compact), json(&pretty));
}

#[test]
fn summary_shows_title_date_counts() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../seeds/000_fa6a6883ea8b5cc2.txt")
        .to_string_lossy()
        .into_owned();
    let o = run(&["analyze", "--sentences", &seed]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let s = stdout(&o);
    assert!(s.starts_with(&format!("{seed}\n")));
    assert!(s.contains("  title:     After the fall of Bashar al-Assad"));
    assert!(s.contains("  date:      2026-03-03"));
    assert!(s.contains("  sentences: 17"));
    assert!(
        s.contains("    [1] Le Monde writes about this with reference to analysts, reports UNN.")
    );
    assert!(s.contains("  actors:    "));
    assert!(s.contains("  relations: "));
}
