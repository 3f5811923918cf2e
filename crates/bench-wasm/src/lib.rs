//! The analysis core behind a tiny wasm-bindgen surface for the browser benchmark in
//! `bench/` (never shipped in the page). Build the engine once with [`Bench::new`] (timed
//! apart by the page), then time [`Bench::analyze_all`] over the texts; it returns a count
//! so that the work cannot be optimised away.
//!
//! ```text
//! cargo build --release --target wasm32-unknown-unknown -p entente-bench-wasm
//! wasm-bindgen --target web --out-dir bench/pkg \
//!     $CARGO_TARGET_DIR/wasm32-unknown-unknown/release/entente_bench_wasm.wasm
//! ```
//! (`scripts/bench-browser.sh` does this for the size-tuned `release` and the speed-tuned
//! `bench` profile.)

use entente_core::{Document, Engine};
use wasm_bindgen::prelude::*;

/// An engine built once, and texts kept in wasm memory for the runs that leave out the
/// copy from JavaScript strings.
#[wasm_bindgen]
pub struct Bench {
    engine: Engine,
    loaded: Vec<String>,
}

/// Actor mentions in one analysed document: what the benchmark reports as "entities found".
fn mentions(doc: &Document) -> usize {
    doc.actors.iter().map(|a| a.mentions.len()).sum()
}

#[wasm_bindgen]
impl Bench {
    /// Builds the engine from the compiled-in knowledge base (the cost the page pays at start).
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Bench, JsError> {
        let engine = Engine::try_builtin().map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Bench {
            engine,
            loaded: Vec::new(),
        })
    }

    /// Analyses every text (each one document) and returns the number of actor mentions
    /// found. The copy of the JavaScript strings into wasm memory is part of the work timed.
    pub fn analyze_all(&self, texts: Vec<String>) -> u32 {
        self.count(&texts)
    }

    /// Keeps `texts` in wasm memory for [`Bench::analyze_loaded`].
    pub fn load(&mut self, texts: Vec<String>) {
        self.loaded = texts;
    }

    /// Like [`Bench::analyze_all`] over the texts given to [`Bench::load`]: the analysis
    /// alone, without the copy from JavaScript.
    pub fn analyze_loaded(&self) -> u32 {
        self.count(&self.loaded)
    }

    /// `[documents, actors, mentions, relations]` over `texts`, for the report (not timed).
    pub fn counts(&self, texts: Vec<String>) -> Vec<u32> {
        let mut c = [0usize; 4];
        for t in &texts {
            let doc = self.engine.analyze("doc", t);
            c[0] += 1;
            c[1] += doc.actors.len();
            c[2] += mentions(&doc);
            c[3] += doc.relations.len();
        }
        c.iter()
            .map(|&n| u32::try_from(n).unwrap_or(u32::MAX))
            .collect()
    }

    fn count(&self, texts: &[String]) -> u32 {
        let n: usize = texts
            .iter()
            .map(|t| mentions(&self.engine.analyze("doc", t)))
            .sum();
        u32::try_from(n).unwrap_or(u32::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn counts_are_actor_mentions_summed_over_documents() {
        let Ok(bench) = Bench::new() else {
            panic!("the built-in engine builds")
        };
        // (name, texts, mentions, [documents, actors])
        let cases: [(&str, &[&str], u32, [u32; 2]); 4] = [
            ("no text", &[], 0, [0, 0]),
            ("empty text", &[""], 0, [1, 0]),
            ("Putin and Iran", &["Putin praised Iran."], 2, [1, 2]),
            (
                "two documents, same two actors",
                &["Putin praised Iran.", "Iran thanked Putin."],
                4,
                [2, 4],
            ),
        ];
        for (name, t, mentions, [docs, actors]) in cases {
            assert_eq!(bench.analyze_all(texts(t)), mentions, "{name}: analyze_all");
            let c = bench.counts(texts(t));
            assert_eq!(c[..3], [docs, actors, mentions], "{name}: counts");
        }
    }

    #[test]
    fn loaded_texts_count_like_passed_ones() {
        let Ok(mut bench) = Bench::new() else {
            panic!("the built-in engine builds")
        };
        assert_eq!(bench.analyze_loaded(), 0, "nothing loaded yet");
        let t = texts(&["Putin praised Iran.", "", "Iran thanked Putin."]);
        bench.load(t.clone());
        assert_eq!(bench.analyze_loaded(), bench.analyze_all(t));
        assert_eq!(bench.analyze_loaded(), 4);
    }
}
