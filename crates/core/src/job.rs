//! An analysis in steps: the same [`Document`] as [`Engine::analyze`], computed a slice
//! at a time, so that a caller with one thread (a web page) can show progress, stay
//! responsive and stop a long analysis between slices.
//!
//! ```
//! let engine = entente_core::Engine::builtin();
//! let text = "Putin praised Iran. Iran thanked Russia.";
//! let mut job = engine.job("note.txt", text);
//! while !job.is_done() {
//!     let p = job.step(16); // about 16 bytes of text per slice
//!     assert!((0.0..=1.0).contains(&p.fraction));
//! }
//! assert_eq!(job.finish(), engine.analyze("note.txt", text));
//! ```
//!
//! Rules (ids used in the tests):
//! - JOB-SAME: whatever the budgets, the result is the one [`Engine::analyze`] gives (which
//!   runs a job in one step).
//! - JOB-WHOLE: a step does whole units of work (a paragraph for the splitter; a sentence
//!   for the actor stage; a sentence piece of at most 4 KB, or one paragraph's quotation and
//!   attribution regions, for the relation stage; a slice of the hand-over work between
//!   stages) until its budget of bytes is spent, at least one unit, so every step makes
//!   progress and a step's time is bounded by the budget plus one unit. A unit of the
//!   layout stage is a line, or a window of the search for repeated lines. Not in steps: the
//!   header when the job is made ([`Engine::job`]), and the passes that open each stage
//!   (marking the repeated lines and sorting the furniture, line chunks, paragraph list,
//!   mention order).
//! - JOB-PROGRESS: the fraction done never goes back, and is 1 exactly when the job is done.

use std::borrow::Cow;
use std::fmt;

use crate::actors::Search;
use crate::corpus::ArticleScan;
use crate::model::{Actor, Document, Span};
use crate::relations::Coding;
use crate::text::Splitter;
use crate::Engine;

/// Shares of the whole work each stage takes, roughly as measured (bench/README.md, "Native"):
/// they only shape the progress fraction.
const SHARE_LAYOUT: f64 = 0.10;
const SHARE_SENTENCES: f64 = 0.08;
const SHARE_ACTORS: f64 = 0.28;
const SHARE_RELATIONS: f64 = 0.54;

/// What a job is doing now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading the article's layout: its page furniture (bylines, captions, repeated
    /// headlines, ...), which is not article text.
    Layout,
    /// Splitting the body into sentences.
    Sentences,
    /// Finding and resolving the actors' mentions.
    Actors,
    /// Coding the relations between them.
    Relations,
    /// Finished: [`Job::finish`] returns at once.
    Done,
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Stage::Layout => "reading the layout",
            Stage::Sentences => "finding sentences",
            Stage::Actors => "finding actors",
            Stage::Relations => "coding relations",
            Stage::Done => "done",
        })
    }
}

/// How far a job has come.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    pub stage: Stage,
    /// From 0 to 1; 1 exactly when the job is done (JOB-PROGRESS).
    pub fraction: f64,
}

/// An analysis of one article in steps ([`Engine::job`]).
#[derive(Debug)]
pub struct Job<'a> {
    engine: &'a Engine,
    path: String,
    raw: Cow<'a, str>,
    body_offset: usize,
    /// From the article's header or layout, once read.
    title: Option<String>,
    date: Option<String>,
    source: Option<String>,
    url: Option<String>,
    state: State,
}

#[derive(Debug)]
enum State {
    Layout(ArticleScan),
    Sentences(Splitter),
    Actors {
        sentences: Vec<Span>,
        search: Search,
    },
    Relations {
        sentences: Vec<Span>,
        actors: Vec<Actor>,
        coding: Coding,
    },
    Done(Document),
    /// Only while a stage hands over to the next.
    Moving,
}

impl<'a> Job<'a> {
    pub(crate) fn new(engine: &'a Engine, path: &str, raw: Cow<'a, str>) -> Self {
        let scan = ArticleScan::new(&raw);
        Job {
            engine,
            path: path.to_string(),
            body_offset: scan.body_offset(),
            title: None,
            date: None,
            source: None,
            url: None,
            state: State::Layout(scan),
            raw,
        }
    }

    /// Does about `budget` bytes' worth of text of the current stage (at least one whole
    /// unit, JOB-WHOLE), going on into the next stages if budget is left; does nothing once
    /// done.
    pub fn step(&mut self, budget: usize) -> Progress {
        let budget = budget.max(1);
        let mut spent = 0;
        while spent < budget && !self.is_done() {
            spent += self.advance(budget - spent);
        }
        self.progress()
    }

    /// Runs what is left and returns the document (JOB-SAME).
    pub fn finish(mut self) -> Document {
        while !self.is_done() {
            self.advance(usize::MAX);
        }
        match self.state {
            State::Done(doc) => doc,
            _ => unreachable!("the loop above runs until the state is Done"),
        }
    }

    pub fn is_done(&self) -> bool {
        matches!(self.state, State::Done(_))
    }

    /// Bytes of the article's body.
    pub fn body_len(&self) -> usize {
        self.raw.len() - self.body_offset
    }

    pub fn progress(&self) -> Progress {
        let part = |(done, all): (usize, usize)| {
            if all == 0 {
                1.0
            } else {
                (done as f64 / all as f64).min(1.0)
            }
        };
        let (stage, fraction) = match &self.state {
            State::Layout(scan) => (Stage::Layout, SHARE_LAYOUT * scan.fraction(&self.raw)),
            State::Sentences(sp) => (
                Stage::Sentences,
                SHARE_LAYOUT
                    + SHARE_SENTENCES * part((sp.position(self.body_len()), self.body_len())),
            ),
            State::Actors { search, .. } => (
                Stage::Actors,
                SHARE_LAYOUT + SHARE_SENTENCES + SHARE_ACTORS * part(search.progress()),
            ),
            State::Relations { coding, .. } => (
                Stage::Relations,
                SHARE_LAYOUT
                    + SHARE_SENTENCES
                    + SHARE_ACTORS
                    + SHARE_RELATIONS * part(coding.progress()),
            ),
            State::Done(_) | State::Moving => (Stage::Done, 1.0),
        };
        // Rounding must not reach 1 before the end (JOB-PROGRESS).
        let fraction = if stage == Stage::Done {
            1.0
        } else {
            fraction.min(0.999)
        };
        Progress { stage, fraction }
    }

    /// One go at the current stage within `budget`, or the hand-over to the next stage
    /// when it is done. Returns the bytes of work done.
    fn advance(&mut self, budget: usize) -> usize {
        if let State::Layout(scan) = &mut self.state {
            if !scan.done() {
                return scan.step(&self.raw, budget);
            }
        }
        let body = &self.raw[self.body_offset..];
        let engine = self.engine;
        let (matcher, coder) = (&engine.matcher, &engine.coder);
        match &mut self.state {
            State::Sentences(sp) if !sp.done() => return sp.step(body, budget),
            State::Actors { search, .. } if !search.done() => {
                return matcher.step(search, body, budget)
            }
            State::Relations { coding, actors, .. } if !coding.done() => {
                return coder.step(coding, body, actors, budget)
            }
            State::Done(_) => return 0,
            _ => {}
        }
        // The current stage is done: hand over.
        self.state = match std::mem::replace(&mut self.state, State::Moving) {
            State::Layout(scan) => {
                let article = scan.finish(&self.raw);
                self.title = article.title;
                self.date = article.date;
                self.source = article.source;
                self.url = article.url;
                State::Sentences(Splitter::new(article.body, &article.furniture))
            }
            State::Sentences(sp) => {
                let sentences = sp.finish();
                let search = matcher.start(body, &sentences, self.date.as_deref());
                State::Actors { sentences, search }
            }
            State::Actors { sentences, search } => {
                let actors = matcher.finish(search, body);
                let coding = coder.start(body, &sentences, &actors);
                State::Relations {
                    sentences,
                    actors,
                    coding,
                }
            }
            State::Relations {
                sentences,
                mut actors,
                coding,
            } => {
                let relations = coding.finish();
                matcher.drop_bare_demonyms(&mut actors, &relations);
                State::Done(Document {
                    path: std::mem::take(&mut self.path),
                    title: self.title.take(),
                    date: self.date.take(),
                    source: self.source.take(),
                    url: self.url.take(),
                    body_len: body.len(),
                    sentences,
                    actors,
                    relations,
                })
            }
            done @ (State::Done(_) | State::Moving) => done,
        };
        0
    }
}
