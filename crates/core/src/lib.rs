//! Entente's analysis core: article text in, actors and directed relations out.
//!
//! ```
//! let engine = entente_core::Engine::builtin();
//! let doc = engine.analyze("note.txt", "Putin praised Iran.");
//! assert!(doc.actors.iter().any(|a| a.id == "putin"));
//! ```

pub mod actors;
pub mod cameo;
pub mod corpus;
pub mod export;
pub mod job;
pub mod kb;
pub mod model;
pub mod relations;
pub mod sort;
pub mod summary;
pub mod text;

mod hash;

pub use job::{Job, Progress, Stage};
pub use model::*;

use std::borrow::Cow;

use actors::ActorMatcher;
use kb::{KbError, KnowledgeBase};
use relations::Coder;

/// The analysis engine: the compiled knowledge base and cue lexicon. Build once, reuse.
#[derive(Debug, Clone)]
pub struct Engine {
    matcher: ActorMatcher,
    coder: Coder,
}

/// The built-in engine being made ([`Engine::builtin_in_parts`]).
#[derive(Debug, Default)]
pub struct EngineParts {
    kb: Option<KnowledgeBase>,
    matcher: Option<ActorMatcher>,
}

impl EngineParts {
    /// Makes the next part, in order the knowledge base (parsed), the actor matcher (its
    /// lexicon and automaton) and the cue coder, and returns the engine with the last: three
    /// calls in all, each a third or so of [`Engine::try_builtin`]'s time.
    ///
    /// # Errors
    /// When the compiled-in knowledge base is malformed (the test suite rules that out).
    pub fn step(&mut self) -> Result<Option<Engine>, KbError> {
        let Some(kb) = &self.kb else {
            self.kb = Some(KnowledgeBase::builtin()?);
            return Ok(None);
        };
        let Some(matcher) = self.matcher.take() else {
            self.matcher = Some(ActorMatcher::new(kb));
            return Ok(None);
        };
        Ok(Some(Engine {
            matcher,
            coder: Coder::new(),
        }))
    }
}

impl Engine {
    /// An engine over the given knowledge.
    pub fn new(kb: &KnowledgeBase) -> Self {
        Engine {
            matcher: ActorMatcher::new(kb),
            coder: Coder::new(),
        }
    }

    /// An engine over the knowledge compiled in from `crates/core/data/`.
    pub fn try_builtin() -> Result<Self, KbError> {
        let mut parts = Engine::builtin_in_parts();
        loop {
            if let Some(engine) = parts.step()? {
                return Ok(engine);
            }
        }
    }

    /// The built-in engine made a part at a time, for a caller that must not hold its thread
    /// for long (a web page paints between the parts): see [`EngineParts::step`].
    ///
    /// ```
    /// let mut parts = entente_core::Engine::builtin_in_parts();
    /// let mut calls = 0;
    /// let engine = loop {
    ///     calls += 1;
    ///     if let Some(e) = parts.step().unwrap() {
    ///         break e;
    ///     }
    /// };
    /// assert_eq!(calls, 3);
    /// assert_eq!(engine.analyze("a.txt", "Putin praised Iran."),
    ///            entente_core::Engine::builtin().analyze("a.txt", "Putin praised Iran."));
    /// ```
    pub fn builtin_in_parts() -> EngineParts {
        EngineParts::default()
    }

    /// Like [`Engine::try_builtin`]; the built-in data is checked by the test suite.
    ///
    /// # Panics
    /// Only if the compiled-in knowledge files are malformed, which `cargo test` rules out.
    pub fn builtin() -> Self {
        Self::try_builtin().expect("built-in knowledge base parses (checked by kb tests)")
    }

    pub fn knowledge(&self) -> &KnowledgeBase {
        self.matcher.knowledge()
    }

    /// Analyses one article file's text (header block optional).
    pub fn analyze(&self, path: &str, raw: &str) -> Document {
        self.job(path, raw).finish()
    }

    /// The same analysis in steps ([`Job::step`]), for a caller that must stay responsive
    /// and be able to stop (see [`job`]). Takes the text borrowed or owned.
    pub fn job<'a>(&'a self, path: &str, raw: impl Into<Cow<'a, str>>) -> Job<'a> {
        Job::new(self, path, raw.into())
    }

    /// Analyses several files: `(path, text)` pairs.
    pub fn analyze_all<'a>(&self, files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Analysis {
        Analysis {
            documents: files
                .into_iter()
                .map(|(path, raw)| self.analyze(path, raw))
                .collect(),
        }
    }
}
