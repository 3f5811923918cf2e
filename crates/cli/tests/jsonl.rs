//! `entente analyze --jsonl` and `entente events`, run as the built binary: the round trip
//! (ids in order, fields, the same output for every `--jobs`), each kind of bad line,
//! standard input, and the event rows read against the sentences written here.

#[path = "../../core/tests/support/seeds.rs"]
mod seeds;

mod support;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use seeds::SEEDS;
use serde_json::{json, Value};
use support::{stderr, stdout, TempDir};

/// Runs `entente` with `stdin` as its standard input.
fn run_with(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_entente"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn entente");
    let mut pipe = child.stdin.take().expect("stdin");
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().expect("wait");
    writer.join().expect("stdin writer");
    out
}

fn run(args: &[&str]) -> Output {
    run_with(args, b"")
}

fn lines(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {e}: {l}")))
        .collect()
}

fn jsonl(rows: &[Value]) -> Vec<u8> {
    let mut s = String::new();
    for r in rows {
        s.push_str(&r.to_string());
        s.push('\n');
    }
    s.into_bytes()
}

/// 150 articles (three batches of a two-thread pool): the seeds and short texts, some with
/// every optional field, some with none, numeric ids among them.
fn articles() -> Vec<Value> {
    let short = [
        "Turkey condemned Greece on Monday.",
        "Israel struck Iran. Putin praised Iran.",
        "",
    ];
    (0..150)
        .map(|i| {
            let text = if i % 3 == 0 {
                SEEDS[i % 5]
            } else {
                short[i % 3]
            };
            match i % 4 {
                0 => json!({"id": format!("a{i}"), "text": text}),
                1 => json!({"id": i, "text": text, "title": format!("Title {i}"),
                            "date": "3 March 2026", "url": format!("https://example.test/{i}"),
                            "source": "Test Wire", "lang": "en"}),
                2 => json!({"id": format!("a{i}"), "text": text, "date": null}),
                _ => json!({"text": text, "id": format!("a{i}"), "title": "title: not a header\n---"}),
            }
        })
        .collect()
}

#[test]
fn jsonl_round_trip_keeps_ids_order_and_fields_for_every_jobs() {
    let t = TempDir::new();
    let input = articles();
    let f = t.file("in.jsonl", &jsonl(&input));
    let one = run(&["analyze", "--jsonl", "--jobs", "1", &f]);
    assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
    assert!(one.stderr.is_empty(), "{}", stderr(&one));
    let two = run(&["analyze", "--jsonl", "--jobs", "2", &f]);
    assert_eq!(two.status.code(), Some(0));
    assert_eq!(one.stdout, two.stdout, "--jobs 1 and --jobs 2");
    let docs = lines(&one);
    assert_eq!(docs.len(), input.len());
    for (n, (d, a)) in docs.iter().zip(&input).enumerate() {
        assert_eq!(d["id"], a["id"], "ids in input order");
        assert_eq!(d["path"], format!("{f}:{}", n + 1));
        for key in [
            "title",
            "date",
            "body_len",
            "sentences",
            "actors",
            "relations",
        ] {
            assert!(d.get(key).is_some(), "{n}: no {key}");
        }
        let text = a["text"].as_str().unwrap();
        assert_eq!(d["body_len"], text.len(), "{n}: the text is the whole body");
        for actor in d["actors"].as_array().unwrap() {
            for m in actor["mentions"].as_array().unwrap() {
                let (s, e) = (
                    m["start"].as_u64().unwrap() as usize,
                    m["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(Some(m["text"].as_str().unwrap()), text.get(s..e), "{n}");
            }
        }
        if n % 4 == 1 {
            assert_eq!(d["title"], a["title"]);
            assert_eq!(d["date"], "2026-03-03", "the date normalised");
            assert_eq!(d["url"], a["url"]);
            assert_eq!(d["source"], "Test Wire");
            assert!(d.get("lang").is_none(), "fields not read are not copied");
        } else {
            assert!(d.get("url").is_none() && d.get("source").is_none(), "{n}");
        }
    }
    // Values read from the input: line 2 is "Israel struck Iran. Putin praised Iran." with
    // every field; line 4 is a seed whose title field looks like a header block.
    assert_eq!(docs[1]["relations"][0]["source"], "ISR");
    assert_eq!(docs[1]["relations"][0]["target"], "IRN");
    assert_eq!(docs[1]["relations"][1]["source"], "putin");
    assert_eq!(docs[3]["title"], "title: not a header\n---");
    // Analysed as a file with the same header gives the same document but for the path.
    let art = &input[1];
    let file = t.file(
        "same.txt",
        format!(
            "title: {}\ndate: {}\nurl: {}\nsource: {}\n---\n{}",
            art["title"].as_str().unwrap(),
            art["date"].as_str().unwrap(),
            art["url"].as_str().unwrap(),
            art["source"].as_str().unwrap(),
            art["text"].as_str().unwrap()
        )
        .as_bytes(),
    );
    let o = run(&["analyze", "--json", &file]);
    let mut as_file = serde_json::from_slice::<Value>(&o.stdout).unwrap()["documents"][0].clone();
    as_file["path"] = docs[1]["path"].clone();
    as_file["id"] = docs[1]["id"].clone();
    assert_eq!(as_file, docs[1]);
}

/// Each kind of bad line gives its error line in place, a line on stderr, exit 1, and the
/// lines around it are still analysed.
#[test]
fn bad_lines_fail_alone() {
    let good = br#"{"id": "ok", "text": "Turkey condemned Greece on Monday."}"#;
    let big = format!(r#"{{"id": "big", "text": "{}"}}"#, "a".repeat(300));
    let too_large = format!(
        "too large: {} bytes, over the limit of 200 bytes",
        big.len()
    );
    let rows: &[(&str, &[u8], Value, &str)] = &[
        (
            "not JSON",
            b"Turkey condemned Greece.",
            json!({"line": 2}),
            "not a JSON object",
        ),
        (
            "truncated JSON",
            br#"{"id": "t", "text": "#,
            json!({"line": 2}),
            "not a JSON object",
        ),
        (
            "no text",
            br#"{"id": "n"}"#,
            json!({"id": "n"}),
            "no `text`",
        ),
        (
            "text not a string",
            br#"{"id": 5, "text": ["a"]}"#,
            json!({"id": 5}),
            "`text` is not a string",
        ),
        (
            "no id",
            br#"{"text": "Putin praised Iran."}"#,
            json!({"line": 2}),
            "no `id`",
        ),
        (
            "not UTF-8",
            b"{\"id\": \"u\", \"text\": \"caf\xe9\"}",
            json!({"line": 2}),
            "not valid UTF-8",
        ),
        (
            "over --max-bytes",
            big.as_bytes(),
            json!({"line": 2}),
            &too_large,
        ),
    ];
    let t = TempDir::new();
    for (name, bad, want, reason) in rows {
        let mut input = Vec::new();
        for line in [&good[..], bad, &good[..]] {
            input.extend_from_slice(line);
            input.push(b'\n');
        }
        let f = t.file("bad.jsonl", &input);
        let o = run(&["analyze", "--jsonl", "--max-bytes", "200", &f]);
        assert_eq!(o.status.code(), Some(1), "{name}");
        let out = lines(&o);
        assert_eq!(out.len(), 3, "{name}: {}", stdout(&o));
        assert_eq!(out[0]["id"], "ok", "{name}");
        assert_eq!(out[2]["id"], "ok", "{name}");
        let e = &out[1];
        assert!(
            e["error"].as_str().unwrap().starts_with(reason),
            "{name}: {e}"
        );
        let keys: Vec<&String> = e.as_object().unwrap().keys().collect();
        let (key, value) = want.as_object().unwrap().iter().next().unwrap();
        assert_eq!(keys.len(), 2, "{name}: {e}");
        assert_eq!(&e[key], value, "{name}");
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{name}: {err}");
        assert!(
            err.starts_with(&format!("entente: {f}:2: {reason}")),
            "{name}: {err}"
        );
        // events: no row for the bad line, the same message and exit status.
        let ev = run(&["events", "--jsonl", "--max-bytes", "200", &f]);
        assert_eq!(ev.status.code(), Some(1), "{name}");
        assert_eq!(
            stdout(&ev).lines().count(),
            3,
            "{name}: header and two rows"
        );
        assert_eq!(stderr(&ev), err, "{name}");
    }
    // --lossy analyses the line that is not UTF-8.
    let f = t.file(
        "latin1.jsonl",
        b"{\"id\": \"u\", \"text\": \"Putin \xe9tait l\xe0.\"}\n",
    );
    let o = run(&["analyze", "--jsonl", "--lossy", &f]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(lines(&o)[0]["title"], "Putin \u{fffd}tait l\u{fffd}");
    // A missing file is reported like for analyze, and the next one is still read.
    let good_file = t.file("good.jsonl", good);
    let missing = format!("{good_file}.missing");
    let o = run(&["analyze", "--jsonl", &missing, &good_file]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), format!("entente: {missing}: no such file\n"));
    assert_eq!(lines(&o).len(), 1);
}

#[test]
fn blank_lines_and_crlf_are_not_articles() {
    let input = b"\n{\"id\": 1, \"text\": \"Putin praised Iran.\"}\r\n   \n{\"id\": 2, \"text\": \"Iran.\"}";
    let o = run_with(&["analyze", "--jsonl", "-"], input);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = lines(&o);
    let ids: Vec<&Value> = out.iter().map(|d| &d["id"]).collect();
    assert_eq!(ids, [&json!(1), &json!(2)]);
    assert_eq!(out[0]["path"], "-:2");
    assert_eq!(out[1]["path"], "-:4");
}

#[test]
fn stdin_is_read_with_a_dash() {
    let input = jsonl(&articles()[..12]);
    let t = TempDir::new();
    let f = t.file("in.jsonl", &input);
    let from_file = run(&["analyze", "--jsonl", &f]);
    let from_stdin = run_with(&["analyze", "--jsonl", "-"], &input);
    assert_eq!(from_stdin.status.code(), Some(0), "{}", stderr(&from_stdin));
    let strip_path = |o: &Output| {
        lines(o)
            .into_iter()
            .map(|mut d| {
                d["path"] = Value::Null;
                d
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(strip_path(&from_file), strip_path(&from_stdin));
    assert_eq!(lines(&from_stdin)[0]["path"], "-:1");
    // Standard input is read once: a second `-` is an error, not an empty input.
    let twice = run_with(&["analyze", "--jsonl", "-", "-"], &input);
    assert_eq!(twice.status.code(), Some(1));
    assert_eq!(
        stderr(&twice),
        "entente: -: standard input was already read\n"
    );
}

const COLUMNS: &str = "SQLDATE\tDocumentId\tSOURCEURL\tActor1Code\tActor1Name\tActor1CountryCode\tActor2Code\tActor2Name\tActor2CountryCode\tEventCode\tEventRootCode\tQuadClass\tGoldsteinScale\tQuad\tFlags\tCue\tSentence";

/// The rows of `events` output as maps from column name to value.
fn rows(o: &Output) -> Vec<std::collections::HashMap<String, String>> {
    let text = stdout(o);
    let mut it = text.lines();
    let header: Vec<&str> = it.next().expect("a header line").split('\t').collect();
    it.map(|l| {
        let cells: Vec<&str> = l.split('\t').collect();
        assert_eq!(cells.len(), header.len(), "{l}");
        header
            .iter()
            .zip(cells)
            .map(|(h, c)| (h.to_string(), c.to_string()))
            .collect()
    })
    .collect()
}

#[test]
fn events_rows_carry_the_relation_read_from_the_text() {
    let input = jsonl(&[
        json!({"id": "tg", "text": "Turkey condemned Greece on Monday.\nIt was\tcold.",
               "date": "2026-03-02", "url": "https://example.test/tg"}),
        json!({"id": 7, "text": "Israel struck Iran. Russia will not arm\tIran."}),
        json!({"id": "none", "text": "Nothing happened."}),
    ]);
    let o = run_with(&["events", "--jsonl", "-"], &input);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().next(), Some(COLUMNS));
    let rows = rows(&o);
    let tg = &rows[0];
    for (col, want) in [
        ("SQLDATE", "2026-03-02"),
        ("DocumentId", "tg"),
        ("SOURCEURL", "https://example.test/tg"),
        ("Actor1Code", "TUR"),
        ("Actor1Name", "Turkey"),
        ("Actor1CountryCode", "TUR"),
        ("Actor2Code", "GRC"),
        ("Actor2Name", "Greece"),
        ("Actor2CountryCode", "GRC"),
        ("EventCode", "111"),
        ("EventRootCode", "11"),
        ("QuadClass", "3"),
        ("Quad", "verbal_conflict"),
        ("Flags", ""),
        ("Cue", "condemned"),
        ("Sentence", "Turkey condemned Greece on Monday."),
    ] {
        assert_eq!(tg[col], want, "{col}");
    }
    assert!(tg["GoldsteinScale"].parse::<f64>().unwrap() < 0.0);
    let struck = rows
        .iter()
        .find(|r| r["DocumentId"] == "7" && r["Cue"] == "struck")
        .expect("Israel struck Iran");
    assert_eq!(
        (
            &struck["Actor1Code"][..],
            &struck["Actor2Code"][..],
            &struck["QuadClass"][..],
            &struck["EventRootCode"][..]
        ),
        ("ISR", "IRN", "4", "19")
    );
    assert_eq!(struck["SQLDATE"], "");
    let negated = rows
        .iter()
        .find(|r| r["Actor1Code"] == "RUS")
        .expect("Russia will not arm Iran");
    assert!(
        negated["Flags"].split(',').any(|f| f == "negated"),
        "{negated:?}"
    );
    assert_eq!(
        negated["Sentence"], "Russia will not arm Iran.",
        "the tab in the sentence is a space"
    );
    assert!(rows.iter().all(|r| r["DocumentId"] != "none"));
    // Every row's CAMEO code is its relation's `cameo` in the analysis JSON, in order.
    let docs = lines(&run_with(&["analyze", "--jsonl", "-"], &input));
    let cameo: Vec<&str> = docs
        .iter()
        .flat_map(|d| d["relations"].as_array().unwrap())
        .map(|r| r["cameo"].as_str().unwrap())
        .collect();
    let codes: Vec<&str> = rows.iter().map(|r| &r["EventCode"][..]).collect();
    assert_eq!(codes, cameo);
    for r in &rows {
        assert_eq!(r["EventRootCode"], r["EventCode"][..2], "{r:?}");
    }
}

#[test]
fn events_reads_files_too_with_the_path_as_document_id() {
    let t = TempDir::new();
    let f = t.file(
        "a.txt",
        b"title: T\ndate: 2026-03-01\nurl: https://example.test/a\n---\nTurkey condemned Greece on Monday.",
    );
    let o = run(&["events", "--jobs", "2", &f, &f]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rows = rows(&o);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0], rows[1]);
    assert_eq!(rows[0]["DocumentId"], f);
    assert_eq!(rows[0]["SQLDATE"], "2026-03-01");
    assert_eq!(rows[0]["SOURCEURL"], "https://example.test/a");
    let missing = run(&["events", &format!("{f}.missing")]);
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(stdout(&missing), format!("{COLUMNS}\n"));
}

#[test]
fn help_documents_jsonl_and_events() {
    let o = run(&["analyze", "--help"]);
    let h = stdout(&o);
    for needle in [
        "--jsonl",
        "FILE:LINE",
        "\"error\"",
        "1  at least one file failed",
    ] {
        assert!(h.contains(needle), "analyze --help lacks {needle:?}");
    }
    let o = run(&["events", "--help"]);
    let h = stdout(&o);
    for needle in [
        "SQLDATE",
        "QuadClass",
        "0 neutral",
        "GoldsteinScale",
        "--jsonl",
    ] {
        assert!(h.contains(needle), "events --help lacks {needle:?}");
    }
    let o = run(&["analyze", "--jsonl", "--json", "x"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("entente: "), "{}", stderr(&o));
    assert!(stderr(&o).contains("--json"), "{}", stderr(&o));
}
