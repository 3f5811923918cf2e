//! Turns the knowledge files in `data/*.toml` into JSON in `OUT_DIR`, so the
//! engine parses them with serde_json at start and the `toml` crate stays out
//! of the wasm build. A malformed data file fails the build with its path.
//!
//! The three largest files (states, organisations, people) are also written in the
//! compact record form that `src/kb.rs` reads at start (K1 there): one entry a line,
//! fields in a fixed order. It is about half the bytes of the JSON and needs no JSON
//! deserializer for those entries in the wasm. Every key of an entry must be one this
//! file knows: a new key fails the build here rather than being dropped.

use std::{env, fs, path::Path};

use toml::Value;

/// Separators of the compact form (K1); no value may contain them (checked).
const FIELD: char = '\u{1f}';
const ITEM: char = '\u{1e}';
const PART: char = '\u{1d}';

/// How one field is written.
#[derive(Clone, Copy)]
enum Shape {
    /// A non-empty string.
    Str,
    /// A string or nothing (empty).
    Opt,
    /// A list of non-empty strings, joined by ITEM.
    List,
    /// `1` for true, empty for false or absent.
    Flag,
    /// A person's roles: each role's fields joined by PART, roles joined by ITEM.
    Roles,
}

/// (the TOML array holding the entries, their fields in written order).
type Layout = (&'static str, &'static [(&'static str, Shape)]);

const STATES: Layout = (
    "state",
    &[
        ("id", Shape::Str),
        ("name", Shape::Str),
        ("aliases", Shape::List),
        ("adjectives", Shape::List),
        ("capitals", Shape::List),
        ("seats", Shape::List),
        ("un_member", Shape::Flag),
    ],
);
const ORGANIZATIONS: Layout = (
    "organization",
    &[
        ("id", Shape::Str),
        ("name", Shape::Str),
        ("kind", Shape::Str),
        ("aliases", Shape::List),
        ("country", Shape::Opt),
        ("source_only", Shape::Flag),
    ],
);
const PEOPLE: Layout = (
    "person",
    &[
        ("id", Shape::Str),
        ("name", Shape::Str),
        ("aliases", Shape::List),
        ("surname", Shape::Opt),
        ("standalone", Shape::List),
        ("country", Shape::Str),
        ("roles", Shape::Roles),
    ],
);
/// A role's fields, in written order.
const ROLE: &[(&str, Shape)] = &[
    ("title", Shape::Str),
    ("key", Shape::Str),
    ("of", Shape::Str),
    ("from", Shape::Opt),
    ("to", Shape::Opt),
];

fn main() {
    let data = Path::new("data");
    println!("cargo:rerun-if-changed=data");
    let out = env::var("OUT_DIR").expect("OUT_DIR is set by cargo");
    let mut names = Vec::new();
    for entry in fs::read_dir(data).expect("crates/core/data exists") {
        let path = entry.expect("readable data dir").path();
        if path.extension().and_then(|e| e.to_str()) != Some("toml") {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut value: Value =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        if stem == "cues" {
            let table = cameo_table(&data.join("cameo.tsv"));
            fill_goldstein(&mut value, &table)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
        let json = serde_json::to_string(&value).expect("TOML values are JSON-representable");
        fs::write(Path::new(&out).join(format!("{stem}.json")), json).expect("OUT_DIR writable");
        let layout = match stem.as_str() {
            "states" => Some(STATES),
            "organizations" => Some(ORGANIZATIONS),
            "people" => Some(PEOPLE),
            _ => None,
        };
        if let Some(layout) = layout {
            let compact =
                records(&value, layout).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            fs::write(Path::new(&out).join(format!("{stem}.kb")), compact)
                .expect("OUT_DIR writable");
        }
        names.push(stem);
    }
    names.sort();
    println!("cargo:rustc-env=ENTENTE_DATA_FILES={}", names.join(","));
}

/// CAMEO code -> Goldstein value, from the table in `data/cameo.tsv` (`#` comments, a
/// header line `code goldstein description`, then one code a line).
fn cameo_table(path: &Path) -> Vec<(String, f64)> {
    println!("cargo:rerun-if-changed={}", path.display());
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("code\t") && !l.trim().is_empty())
        .map(|l| {
            let mut cells = l.split('\t');
            let code = cells.next().unwrap_or_default().to_string();
            let g = cells
                .next()
                .and_then(|g| g.parse::<f64>().ok())
                .unwrap_or_else(|| panic!("{}: no Goldstein value in `{l}`", path.display()));
            (code, g)
        })
        .collect()
}

/// Every cue rule names its CAMEO code (`cameo`); its Goldstein value is that code's in the
/// table, written into the rule here. A rule without a known code, or one that writes a
/// Goldstein value or quad class of its own, fails the build: both come from the code.
fn fill_goldstein(cues: &mut Value, table: &[(String, f64)]) -> Result<(), String> {
    let rules = cues
        .get_mut("rule")
        .and_then(Value::as_array_mut)
        .ok_or("no [[rule]] entries")?;
    for rule in rules {
        let t = rule.as_table_mut().ok_or("a rule is not a table")?;
        let id = t
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or("?")
            .to_string();
        for own in ["goldstein", "quad"] {
            if t.contains_key(own) {
                return Err(format!(
                    "rule {id}: `{own}` comes from its CAMEO code, not the rule"
                ));
            }
        }
        let code = t
            .get("cameo")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("rule {id}: no `cameo` code"))?;
        let g = table
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, g)| *g)
            .ok_or_else(|| format!("rule {id}: unknown CAMEO code `{code}`"))?;
        t.insert("goldstein".into(), Value::Float(g));
    }
    Ok(())
}

/// The entries of `value[layout.0]` in the compact form: one a line.
fn records(value: &Value, (array, fields): Layout) -> Result<String, String> {
    let entries = value
        .get(array)
        .and_then(Value::as_array)
        .ok_or_else(|| format!("no [[{array}]] entries"))?;
    let mut out = String::new();
    for (i, entry) in entries.iter().enumerate() {
        let line =
            record(entry, fields).map_err(|e| format!("[[{array}]] number {}: {e}", i + 1))?;
        out.push_str(&line);
        out.push('\n');
    }
    Ok(out)
}

/// One entry's fields joined by `FIELD`; fails on an unknown key or a value the form
/// cannot carry.
fn record(entry: &Value, fields: &[(&str, Shape)]) -> Result<String, String> {
    let table = entry.as_table().ok_or("not a table")?;
    if let Some(k) = table.keys().find(|k| !fields.iter().any(|(f, _)| f == k)) {
        return Err(format!(
            "key `{k}` is not in crates/core/build.rs's compact form: add it there and to src/kb.rs"
        ));
    }
    let mut parts = Vec::new();
    for &(name, shape) in fields {
        let v = table.get(name);
        let what = |m: &str| format!("`{name}`: {m}");
        let s = match (shape, v) {
            (Shape::Str, Some(v)) => plain(v).map_err(|e| what(&e))?,
            (Shape::Str, None) => return Err(what("missing")),
            (Shape::Opt, Some(v)) => plain(v).map_err(|e| what(&e))?,
            (Shape::Opt | Shape::List | Shape::Roles, None) | (Shape::Flag, None) => String::new(),
            (Shape::List, Some(v)) => {
                let items = v.as_array().ok_or_else(|| what("not a list"))?;
                let items: Result<Vec<String>, String> = items.iter().map(plain).collect();
                items.map_err(|e| what(&e))?.join(&ITEM.to_string())
            }
            (Shape::Flag, Some(v)) => match v.as_bool() {
                Some(true) => "1".into(),
                Some(false) => String::new(),
                None => return Err(what("not true or false")),
            },
            (Shape::Roles, Some(v)) => {
                let roles = v.as_array().ok_or_else(|| what("not a list"))?;
                let roles: Result<Vec<String>, String> = roles
                    .iter()
                    .map(|r| record(r, ROLE).map(|line| line.replace(FIELD, &PART.to_string())))
                    .collect();
                roles.map_err(|e| what(&e))?.join(&ITEM.to_string())
            }
        };
        parts.push(s);
    }
    Ok(parts.join(&FIELD.to_string()))
}

/// A string value that the compact form can carry: non-empty, one line, no separator.
fn plain(v: &Value) -> Result<String, String> {
    let s = v.as_str().ok_or("not a string")?;
    if s.is_empty() {
        return Err("empty".into());
    }
    if s.contains(['\n', '\r', FIELD, ITEM, PART]) {
        return Err(format!("{s:?} holds a line break or a separator character"));
    }
    Ok(s.to_string())
}
