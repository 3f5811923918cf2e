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
