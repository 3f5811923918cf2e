//! Analysing the reader's articles without freezing the page: each article runs as an
//! [`entente_core::Job`] in slices of a few milliseconds, the page paints between slices,
//! shows how far it has come, and can stop. The timing and the yielding are the caller's
//! ([`run`] takes them as functions), so everything here is tested natively.
//!
//! Rules (ids used in the tests):
//! - SL1: a slice stops at [`SLICE_MS`] of work (checked every [`STEP_BYTES`] of text),
//!   then the page gets the thread back before the next slice; a slice goes on from one
//!   article into the next, so a batch of many small articles pauses as often as a large one.
//! - SL2: progress is over all the articles of a batch, by their bytes; it never goes back.
//! - SL3: a batch that is cancelled returns nothing: no article of it is added, nothing is
//!   saved, and the text the reader gave is left where it was.
//! - SL4: a batch of more than [`PAINT_FIRST_BYTES`] shows its bar (at 0%) and lets the page
//!   paint before its first article is started.
//! - SL5: the engine is built at its first use ([`engine`]), once for every explorer of the
//!   page, in three parts with a pause between them ([`engine_paced`]); the bundled seeds
//!   come analysed ([`crate::pack`]), so the first cards never wait for it, and the saved
//!   articles' analysis builds it after the first paint.

use std::future::Future;
use std::sync::OnceLock;

use entente_core::{Document, Engine, Stage};

use crate::corpus::Source;

/// Work per slice before the page gets the thread back, in milliseconds (SL1): well under
/// a frame at 60 Hz (16.7 ms), leaving room for the page to paint.
pub const SLICE_MS: f64 = 10.0;

/// Text per call to [`entente_core::Job::step`], in bytes, between looks at the clock.
pub const STEP_BYTES: usize = 2048;

/// Above this many bytes a batch paints its bar before it starts (SL4).
pub const PAINT_FIRST_BYTES: usize = 64 * 1024;

/// The page's engine, once built (SL5).
static ENGINE: OnceLock<Engine> = OnceLock::new();

/// The built-in engine, built at the first call and shared by every explorer of the page
/// (SL5): building it (knowledge base, lexicons, matchers) takes about 90 ms in the page.
pub fn engine() -> &'static Engine {
    ENGINE.get_or_init(Engine::builtin)
}

/// [`engine`], built a part at a time with `pause` between the parts when it is not built
/// yet (SL5), so that the page paints between them.
pub async fn engine_paced<P: Future<Output = ()>>(mut pause: impl FnMut() -> P) -> &'static Engine {
    let mut parts = Engine::builtin_in_parts();
    loop {
        if let Some(built) = ENGINE.get() {
            return built; // before, or by another explorer during a pause
        }
        match parts.step() {
            Ok(Some(made)) => return ENGINE.get_or_init(|| made),
            Ok(None) => pause().await,
            // the built-in data is checked by the test suite: as `engine` does
            Err(_) => return engine(),
        }
    }
}

/// How far a batch has come, for the progress bar (SL2).
#[derive(Debug, Clone, PartialEq)]
pub struct BatchProgress {
    /// The article being analysed: its display name, position (from 1) and the count.
    pub name: String,
    pub index: usize,
    pub count: usize,
    pub stage: Stage,
    /// Over the whole batch, from 0 to 1.
    pub fraction: f64,
}

impl BatchProgress {
    /// What a batch of `sources` shows before its first slice: its first article at 0%.
    /// `None` for no sources.
    pub fn waiting(sources: &[Source]) -> Option<BatchProgress> {
        let first = sources.first()?;
        Some(BatchProgress {
            name: first.name.clone(),
            index: 1,
            count: sources.len(),
            stage: Stage::Layout,
            fraction: 0.0,
        })
    }

    /// Whole per cent, rounded down, so 100 only when done.
    pub fn percent(&self) -> u32 {
        (self.fraction.clamp(0.0, 1.0) * 100.0).floor() as u32
    }

    /// The line shown beside the bar: "Analysing “note” (2 of 3): finding actors, 40%".
    pub fn line(&self) -> String {
        let which = if self.count > 1 {
            format!(" ({} of {})", self.index, self.count)
        } else {
            String::new()
        };
        format!(
            "Analysing “{}”{which}: {}, {}%",
            self.name,
            self.stage,
            self.percent()
        )
    }
}

/// The fraction of a batch done (SL2): `before` bytes of finished articles, then `current`
/// bytes of which `fraction` is done, out of `total`.
pub fn batch_fraction(before: usize, current: usize, fraction: f64, total: usize) -> f64 {
    if total == 0 {
        return 1.0;
    }
    ((before as f64 + current as f64 * fraction.clamp(0.0, 1.0)) / total as f64).clamp(0.0, 1.0)
}

/// Analyses `sources` in slices (SL1): `now` reads a clock in milliseconds, `pause` gives
/// the thread back to the page, `report` gets the progress after every slice, and
/// `cancelled` is asked after every pause. Returns the documents in order, or `None` when
/// cancelled (SL3).
pub async fn run<P: Future<Output = ()>>(
    engine: &Engine,
    sources: &[Source],
    now: impl Fn() -> f64,
    mut pause: impl FnMut() -> P,
    mut report: impl FnMut(BatchProgress),
    cancelled: impl Fn() -> bool,
) -> Option<Vec<Document>> {
    let total: usize = sources.iter().map(|s| s.text.len()).sum();
    if let Some(first) = sources.first().filter(|_| total > PAINT_FIRST_BYTES) {
        report(BatchProgress {
            name: first.name.clone(),
            index: 1,
            count: sources.len(),
            stage: Stage::Layout,
            fraction: 0.0,
        });
        pause().await;
        if cancelled() {
            return None;
        }
    }
    let mut before = 0;
    let mut docs = Vec::with_capacity(sources.len());
    // A slice runs on from one article into the next: many small articles (a reader's saved
    // ones) must pause as often as one large one.
    let mut slice = now();
    for (i, source) in sources.iter().enumerate() {
        let mut job = engine.job(&source.key, source.text.as_str());
        let last = i + 1 == sources.len();
        loop {
            let mut p = job.progress();
            while !job.is_done() && now() - slice < SLICE_MS {
                p = job.step(STEP_BYTES);
            }
            let done = job.is_done();
            if done && !last && now() - slice < SLICE_MS {
                break; // time left in this slice for the next article
            }
            report(BatchProgress {
                name: source.name.clone(),
                index: i + 1,
                count: sources.len(),
                stage: p.stage,
                fraction: batch_fraction(before, source.text.len(), p.fraction, total),
            });
            if done && last {
                break;
            }
            pause().await;
            if cancelled() {
                return None;
            }
            slice = now();
            if done {
                break;
            }
        }
        before += source.text.len();
        docs.push(job.finish());
    }
    Some(docs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;
    use std::future::{ready, Ready};
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    /// seeds/002_453ac6874c6a2860.txt, from the bundle (in file-name order).
    const SEED: &str = crate::seeds::SEEDS[2].1;

    /// Polls a future whose pauses are all ready: it finishes in one poll.
    fn block_on<F: Future>(f: F) -> F::Output {
        let mut f = pin!(f);
        match f.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(v) => v,
            Poll::Pending => panic!("a ready pause left the run pending"),
        }
    }

    fn sources(texts: &[(&str, &str)]) -> Vec<Source> {
        texts
            .iter()
            .map(|(name, text)| Source::yours(name, name, text, None))
            .collect()
    }

    /// Runs `batch` to the end with the [`ticking`] clock and ready pauses: the documents,
    /// the count of pauses and every progress reported.
    fn run_ticking(
        engine: &Engine,
        batch: &[Source],
    ) -> (Vec<Document>, usize, Vec<BatchProgress>) {
        let (clock, read) = ticking();
        let pauses = Cell::new(0);
        let mut seen: Vec<BatchProgress> = Vec::new();
        let docs = block_on(run(
            engine,
            batch,
            || read(&clock),
            || {
                pauses.set(pauses.get() + 1);
                ready(())
            },
            |p| seen.push(p),
            || false,
        ))
        .expect("not cancelled");
        (docs, pauses.get(), seen)
    }

    /// A clock that moves 1 ms each time it is read: a slice is ten reads long.
    fn ticking() -> (Cell<f64>, impl Fn(&Cell<f64>) -> f64) {
        (Cell::new(0.0), |c: &Cell<f64>| {
            c.set(c.get() + 1.0);
            c.get()
        })
    }

    #[test]
    fn sl1_sl2_slices_pause_and_progress_only_goes_forward() {
        let engine = Engine::builtin();
        let long = SEED.repeat(20);
        let batch = sources(&[("first", SEED), ("second", &long)]);
        let (docs, pauses, seen) = run_ticking(&engine, &batch);
        // SL1: with at most ~10 steps of 2 KB a slice, 20 copies of a seed need many pauses.
        assert!(pauses > long.len() / (10 * STEP_BYTES), "{pauses} pauses");
        // SL2
        assert!(seen.windows(2).all(|w| w[1].fraction >= w[0].fraction));
        assert_eq!(seen.last().map(|p| p.fraction), Some(1.0));
        assert_eq!(seen.first().map(|p| (p.index, p.count)), Some((1, 2)));
        assert_eq!(seen.last().map(|p| p.name.as_str()), Some("second"));
        // the documents are those of one analysis each
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0], engine.analyze("yours:first", SEED));
        assert_eq!(docs[1], engine.analyze("yours:second", &long));
    }

    /// Regression: each article used to start a fresh slice, so a batch of small articles
    /// (the reader's saved ones) ran as one long task with no pause at all.
    #[test]
    fn sl1_many_small_articles_share_their_slices() {
        let engine = Engine::builtin();
        let texts: Vec<(String, &str)> = (0..100)
            .map(|i| (format!("n{i}"), "Putin praised Iran. Iran thanked Russia."))
            .collect();
        let named: Vec<(&str, &str)> = texts.iter().map(|(n, t)| (n.as_str(), *t)).collect();
        let batch = sources(&named);
        let (docs, pauses, seen) = run_ticking(&engine, &batch);
        // each article reads the clock at least twice (a step, the look at what is left), so
        // 100 of them are at least 200 ms of this clock: 20 slices of 10 ms
        assert!(pauses >= 15, "{pauses} pauses");
        assert!(seen.windows(2).all(|w| w[1].fraction >= w[0].fraction));
        assert_eq!(seen.last().map(|p| (p.index, p.fraction)), Some((100, 1.0)));
        assert_eq!(docs.len(), 100);
        assert_eq!(docs[99], engine.analyze("yours:n99", texts[99].1));
    }

    /// SL5: made with pauses between its parts, it is the engine the page shares.
    #[test]
    fn sl5_the_engine_is_built_in_parts_once() {
        let pauses = Cell::new(0);
        let pause = || {
            pauses.set(pauses.get() + 1);
            ready(())
        };
        let first = block_on(engine_paced(pause));
        let built_with = pauses.get();
        assert!(built_with == 2 || built_with == 0, "{built_with} pauses");
        let again = block_on(engine_paced(pause));
        assert!(std::ptr::eq(first, again) && std::ptr::eq(first, engine()));
        assert_eq!(
            pauses.get(),
            built_with,
            "built once: no pause the second time"
        );
        assert_eq!(
            first.analyze("a.txt", SEED),
            Engine::builtin().analyze("a.txt", SEED)
        );
    }

    #[test]
    fn sl3_cancel_returns_nothing() {
        let engine = Engine::builtin();
        let long = SEED.repeat(10);
        let batch = sources(&[("long", &long)]);
        let (clock, read) = ticking();
        let reports = Cell::new(0);
        let got = block_on(run(
            &engine,
            &batch,
            || read(&clock),
            || ready(()),
            |_| reports.set(reports.get() + 1),
            || reports.get() >= 3,
        ));
        assert!(got.is_none());
        assert_eq!(
            reports.get(),
            3,
            "it stops at the first pause after the cancel"
        );
    }

    #[test]
    fn sl4_a_large_batch_paints_its_bar_before_it_starts() {
        let engine = Engine::builtin();
        let large = SEED.repeat(PAINT_FIRST_BYTES / SEED.len() + 1);
        for (text, first_pause_before_work) in [(SEED.to_string(), false), (large, true)] {
            let batch = sources(&[("a", &text)]);
            let events = std::cell::RefCell::new(Vec::new());
            block_on(run(
                &engine,
                &batch,
                || 0.0,
                || {
                    events.borrow_mut().push("pause");
                    ready(())
                },
                |p| {
                    events
                        .borrow_mut()
                        .push(if p.fraction == 0.0 { "bar at 0" } else { "bar" })
                },
                || false,
            ))
            .unwrap();
            let events = events.into_inner();
            assert_eq!(
                events.starts_with(&["bar at 0", "pause"]),
                first_pause_before_work,
                "{} bytes: {events:?}",
                text.len()
            );
        }
    }

    #[test]
    fn empty_batch_and_empty_text() {
        let engine = Engine::builtin();
        let never: fn() -> Ready<()> = || panic!("nothing to pause for");
        assert_eq!(
            block_on(run(&engine, &[], || 0.0, never, |_| {}, || false)),
            Some(Vec::new())
        );
        let batch = sources(&[("blank", "")]);
        let docs = block_on(run(&engine, &batch, || 0.0, never, |_| {}, || false)).unwrap();
        assert_eq!(docs[0].sentences.len(), 0);
    }

    #[test]
    fn progress_lines_read_well() {
        let p = BatchProgress {
            name: "note".into(),
            index: 2,
            count: 3,
            stage: Stage::Actors,
            fraction: 0.409,
        };
        assert_eq!(p.line(), "Analysing “note” (2 of 3): finding actors, 40%");
        let one = BatchProgress {
            count: 1,
            index: 1,
            fraction: 0.9999,
            ..p
        };
        assert_eq!(one.line(), "Analysing “note”: finding actors, 99%");
        // before the first slice: the first article at 0%, and nothing for no articles
        let waiting = BatchProgress::waiting(&sources(&[("a", "x"), ("b", "y")])).unwrap();
        assert_eq!(
            waiting.line(),
            "Analysing “a” (1 of 2): reading the layout, 0%"
        );
        assert_eq!(BatchProgress::waiting(&[]), None);
        assert_eq!(batch_fraction(0, 0, 0.5, 0), 1.0);
        assert_eq!(batch_fraction(100, 100, 0.5, 400), 0.375);
        assert_eq!(batch_fraction(100, 100, 7.0, 400), 0.5);
    }
}
