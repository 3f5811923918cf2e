//! Turns the knowledge files in `data/*.toml` into JSON in `OUT_DIR`, so the
//! engine parses them with serde_json at start and the `toml` crate stays out
//! of the wasm build. A malformed data file fails the build with its path.

use std::{env, fs, path::Path};

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
        let value: toml::Value =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let json = serde_json::to_string(&value).expect("TOML values are JSON-representable");
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        fs::write(Path::new(&out).join(format!("{stem}.json")), json).expect("OUT_DIR writable");
        names.push(stem);
    }
    names.sort();
    println!("cargo:rustc-env=ENTENTE_DATA_FILES={}", names.join(","));
}
