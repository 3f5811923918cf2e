//! The user's own articles, kept in the browser's local storage between visits.
//!
//! Everything is stored under one key, [`KEY`], as a versioned envelope
//! `{"version": 1, "articles": [...]}`. The rules, each with the id used in its tests:
//!
//! - (S1) save is all or nothing: the envelope is serialised first and written with one
//!   `setItem`; if the browser refuses (quota), the previous value is untouched;
//! - (S2) stored data that does not parse is reported as [`StorageError::Corrupt`] and
//!   kept: nothing deletes or overwrites it except [`discard`], which the user chooses;
//! - (S3) an envelope of another version is reported as [`StorageError::OldFormat`] and
//!   kept in the same way;
//! - (S4) ids are made from the name, with a counter when the name is already taken.
//!
//! The pure parts ([`encode`], [`decode`], [`new_id`], and [`load_from`] / [`save_to`]
//! over any [`Store`]) compile and test natively. In the browser, [`load`], [`save`],
//! [`discard`] and [`raw`] use `window.localStorage`; in native builds they use an
//! in-memory store per thread, so page logic can be tested without a browser.

use std::fmt;
use std::future::Future;

use serde::{Deserialize, Serialize};

use crate::upload::Upload;

/// The local-storage key holding the envelope.
pub const KEY: &str = "entente.articles";

/// The envelope version this code writes and reads.
pub const VERSION: u64 = 1;

/// An article the user added, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserArticle {
    /// Stable id, unique among the stored articles (S4), e.g. `user-notes-txt`.
    pub id: String,
    /// Display name (already cleaned by [`crate::upload`]).
    pub name: String,
    /// The article text.
    pub text: String,
    /// The warning given when it was added, e.g. about invalid UTF-8.
    #[serde(default)]
    pub warning: Option<String>,
}

impl UserArticle {
    /// A new article from an accepted upload, with an id not used in `existing` (S4).
    pub fn from_upload(upload: Upload, existing: &[UserArticle]) -> Self {
        UserArticle {
            id: new_id(&upload.name, existing),
            name: upload.name,
            text: upload.text,
            warning: upload.warning,
        }
    }
}

/// Why loading or saving failed. `Display` gives a sentence for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The browser does not let the page store anything (private mode, a sandboxed
    /// frame, storage switched off).
    Unavailable,
    /// The browser's storage for the page is full; nothing was saved (S1).
    QuotaExceeded,
    /// The stored value does not parse; it is kept as it is (S2).
    Corrupt { detail: String },
    /// The stored value is an envelope of another version; it is kept as it is (S3).
    OldFormat { version: u64 },
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable => f.write_str(
                "This browser does not let the page store data (private browsing or an \
                 embedded frame may be the cause): your articles can be used now but will \
                 not be kept after you leave",
            ),
            StorageError::QuotaExceeded => f.write_str(
                "The browser's storage for this page is full, so nothing was saved: remove \
                 some of your articles or use a smaller file",
            ),
            StorageError::Corrupt { detail } => write!(
                f,
                "Your saved articles could not be read ({detail}). They are left as they \
                 were and nothing will be saved over them until you discard them"
            ),
            StorageError::OldFormat { version } => {
                let which = if *version > VERSION {
                    "a newer"
                } else {
                    "an older"
                };
                write!(
                    f,
                    "Your saved articles were stored by {which} version of Entente (format \
                     {version}; this page reads format {VERSION}). They are left as they \
                     were and nothing will be saved over them until you discard them"
                )
            }
        }
    }
}

impl std::error::Error for StorageError {}

/// The envelope as written.
#[derive(Serialize)]
struct EnvelopeOut<'a> {
    version: u64,
    articles: &'a [UserArticle],
}

/// The envelope JSON for `articles` (S1 serialises before anything is written).
pub fn encode(articles: &[UserArticle]) -> String {
    let env = EnvelopeOut {
        version: VERSION,
        articles,
    };
    // Strings and an integer only: serialising cannot fail.
    serde_json::to_string(&env).unwrap_or_default()
}

/// The version check reads only this (other fields are skipped, not built).
#[derive(Deserialize)]
struct Probe {
    version: Option<u64>,
}

/// The envelope as read once the version is known to be [`VERSION`].
#[derive(Deserialize)]
struct EnvelopeIn {
    articles: Vec<UserArticle>,
}

/// The articles in a stored envelope.
///
/// Parsed straight into small structs rather than through `serde_json::Value`, which
/// added about 2 KB (gzipped, measured) to the page.
///
/// # Errors
/// [`StorageError::Corrupt`] if `raw` is not JSON, is not an object with a numeric
/// `version`, or its articles do not parse (S2); [`StorageError::OldFormat`] for another
/// version (S3).
pub fn decode(raw: &str) -> Result<Vec<UserArticle>, StorageError> {
    let corrupt = |detail: String| StorageError::Corrupt { detail };
    let no_version = || corrupt("no format version".into());
    let probe: Probe = serde_json::from_str(raw).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            corrupt(format!("not JSON: {e}"))
        } else {
            no_version()
        }
    })?;
    // A derived struct also reads from a JSON list; the envelope is an object.
    if !raw.trim_start().starts_with('{') {
        return Err(no_version());
    }
    match probe.version {
        None => Err(no_version()),
        Some(VERSION) => serde_json::from_str::<EnvelopeIn>(raw)
            .map(|env| env.articles)
            .map_err(|e| corrupt(format!("bad article list: {e}"))),
        Some(version) => Err(StorageError::OldFormat { version }),
    }
}

/// S4: an id for an article called `name`, not used by any of `existing`:
/// `user-` and the name in lower-case ASCII letters and digits joined by `-` (at most 40
/// of them, `article` if none), then `-2`, `-3`, ... if taken.
///
/// ```
/// use entente::storage::new_id;
/// assert_eq!(new_id("Notes 1.TXT", &[]), "user-notes-1-txt");
/// ```
pub fn new_id(name: &str, existing: &[UserArticle]) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            if slug.len() >= 40 {
                break;
            }
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let base = format!("user-{}", if slug.is_empty() { "article" } else { slug });
    let taken = |id: &str| existing.iter().any(|a| a.id == id);
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or(base)
}

/// Where the envelope lives: the browser's local storage, or a stand-in.
pub trait Store {
    /// The stored value under [`KEY`], if any.
    fn get(&self) -> Result<Option<String>, StorageError>;
    /// Replaces the value under [`KEY`] in one step; on error the old value stays.
    fn set(&mut self, value: &str) -> Result<(), StorageError>;
    /// Removes the value under [`KEY`].
    fn remove(&mut self) -> Result<(), StorageError>;
}

/// The stored articles; none if nothing was ever saved.
///
/// # Errors
/// As [`decode`], and [`StorageError::Unavailable`] from the store.
pub fn load_from(store: &impl Store) -> Result<Vec<UserArticle>, StorageError> {
    match store.get()? {
        None => Ok(Vec::new()),
        Some(raw) => decode(&raw),
    }
}

/// Replaces the stored articles with `articles` (S1), unless the stored value cannot be
/// read, which is then kept and reported (S2, S3).
///
/// # Errors
/// [`StorageError::QuotaExceeded`] or [`StorageError::Unavailable`] from the store, and
/// [`StorageError::Corrupt`] or [`StorageError::OldFormat`] if the stored value is
/// unreadable; in every case the stored value is unchanged.
pub fn save_to(store: &mut impl Store, articles: &[UserArticle]) -> Result<(), StorageError> {
    check_stored(store)?;
    store.set(&encode(articles))
}

/// [`save_to`] with `pause` between its parts: reading and checking what is stored, making
/// the new envelope, and writing it. Each is a pass over every stored text, tens of
/// milliseconds for megabytes, so a page gives the browser the thread between them; the
/// write is still one `setItem` (S1).
///
/// # Errors
/// As [`save_to`].
pub async fn save_to_paced<P: Future<Output = ()>>(
    store: &mut impl Store,
    articles: &[UserArticle],
    mut pause: impl FnMut() -> P,
) -> Result<(), StorageError> {
    check_stored(store)?;
    pause().await;
    let value = encode(articles);
    pause().await;
    store.set(&value)
}

/// The stored value, if any, must be readable before it is replaced (S2, S3).
fn check_stored(store: &impl Store) -> Result<(), StorageError> {
    match store.get()? {
        Some(raw) => decode(&raw).map(drop),
        None => Ok(()),
    }
}

#[cfg(target_arch = "wasm32")]
mod backend {
    //! `window.localStorage` through web-sys.

    use wasm_bindgen::{JsCast, JsValue};

    use super::{StorageError, Store, KEY};

    /// The page's local storage.
    pub struct Local(web_sys::Storage);

    impl Local {
        /// `window.localStorage`, or [`StorageError::Unavailable`] when the browser
        /// forbids it (the getter throws in sandboxed frames and with storage blocked).
        pub fn open() -> Result<Self, StorageError> {
            match web_sys::window().map(|w| w.local_storage()) {
                Some(Ok(Some(storage))) => Ok(Local(storage)),
                _ => Err(StorageError::Unavailable),
            }
        }
    }

    impl Store for Local {
        fn get(&self) -> Result<Option<String>, StorageError> {
            self.0.get_item(KEY).map_err(|_| StorageError::Unavailable)
        }
        fn set(&mut self, value: &str) -> Result<(), StorageError> {
            self.0.set_item(KEY, value).map_err(classify)
        }
        fn remove(&mut self) -> Result<(), StorageError> {
            self.0
                .remove_item(KEY)
                .map_err(|_| StorageError::Unavailable)
        }
    }

    /// A quota error is a `DOMException` named `QuotaExceededError` (code 22); old
    /// Firefox said `NS_ERROR_DOM_QUOTA_REACHED` (code 1014). Anything else means the
    /// browser would not store at all.
    fn classify(err: JsValue) -> StorageError {
        match err.dyn_ref::<web_sys::DomException>() {
            Some(e)
                if matches!(
                    e.name().as_str(),
                    "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED"
                ) || matches!(e.code(), 22 | 1014) =>
            {
                StorageError::QuotaExceeded
            }
            _ => StorageError::Unavailable,
        }
    }

    pub fn open() -> Result<Local, StorageError> {
        Local::open()
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod backend {
    //! Off the browser: an in-memory value per thread, standing in for local storage.

    use std::cell::RefCell;

    use super::{StorageError, Store};

    thread_local! {
        static VALUE: RefCell<Option<String>> = const { RefCell::new(None) };
    }

    /// The in-memory store of this thread.
    pub struct Memory;

    impl Store for Memory {
        fn get(&self) -> Result<Option<String>, StorageError> {
            Ok(VALUE.with(|v| v.borrow().clone()))
        }
        fn set(&mut self, value: &str) -> Result<(), StorageError> {
            VALUE.with(|v| *v.borrow_mut() = Some(value.to_string()));
            Ok(())
        }
        fn remove(&mut self) -> Result<(), StorageError> {
            VALUE.with(|v| *v.borrow_mut() = None);
            Ok(())
        }
    }

    pub fn open() -> Result<Memory, StorageError> {
        Ok(Memory)
    }
}

/// The user's stored articles; none if nothing was ever saved.
///
/// # Errors
/// [`StorageError::Unavailable`] without storage; [`StorageError::Corrupt`] or
/// [`StorageError::OldFormat`] if the stored value cannot be read (it is kept: S2, S3).
pub fn load() -> Result<Vec<UserArticle>, StorageError> {
    load_from(&backend::open()?)
}

/// Stores `articles` in place of what was stored, all or nothing (S1).
///
/// # Errors
/// [`StorageError::QuotaExceeded`] when full, [`StorageError::Unavailable`] without
/// storage, and [`StorageError::Corrupt`] or [`StorageError::OldFormat`] when the value
/// already stored cannot be read and so is not overwritten. The stored value is
/// unchanged on every error.
pub fn save(articles: &[UserArticle]) -> Result<(), StorageError> {
    save_to(&mut backend::open()?, articles)
}

/// [`save`] giving the thread back with `pause` between its parts ([`save_to_paced`]).
///
/// # Errors
/// As [`save`].
pub async fn save_paced<P: Future<Output = ()>>(
    articles: &[UserArticle],
    pause: impl FnMut() -> P,
) -> Result<(), StorageError> {
    save_to_paced(&mut backend::open()?, articles, pause).await
}

/// The stored value exactly as it is, for the user to download before discarding an
/// unreadable one (S2).
///
/// # Errors
/// [`StorageError::Unavailable`] without storage.
pub fn raw() -> Result<Option<String>, StorageError> {
    backend::open()?.get()
}

/// Deletes the stored value, whatever it holds: only on the user's request (S2, S3).
///
/// # Errors
/// [`StorageError::Unavailable`] without storage.
pub fn discard() -> Result<(), StorageError> {
    backend::open()?.remove()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A store whose failures are chosen by the test.
    #[derive(Default)]
    struct Fake {
        value: Option<String>,
        fail_set: Option<StorageError>,
        writes: usize,
    }

    impl Store for Fake {
        fn get(&self) -> Result<Option<String>, StorageError> {
            Ok(self.value.clone())
        }
        fn set(&mut self, value: &str) -> Result<(), StorageError> {
            if let Some(e) = &self.fail_set {
                return Err(e.clone());
            }
            self.writes += 1;
            self.value = Some(value.to_string());
            Ok(())
        }
        fn remove(&mut self) -> Result<(), StorageError> {
            self.value = None;
            Ok(())
        }
    }

    fn article(id: &str, text: &str) -> UserArticle {
        UserArticle {
            id: id.into(),
            name: format!("{id}.txt"),
            text: text.into(),
            warning: None,
        }
    }

    /// Polls a future whose pauses are all ready: it finishes in one poll.
    fn block_on<F: Future>(f: F) -> F::Output {
        let mut f = std::pin::pin!(f);
        let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
        match f.as_mut().poll(&mut cx) {
            std::task::Poll::Ready(v) => v,
            std::task::Poll::Pending => panic!("a ready pause left the save pending"),
        }
    }

    #[test]
    fn s1_a_paced_save_pauses_between_its_parts_and_writes_once() {
        let articles = vec![article("a", "Putin praised Iran.")];
        let mut store = Fake {
            value: Some(encode(&[article("old", "Iran thanked Russia.")])),
            ..Fake::default()
        };
        let pauses = std::cell::Cell::new(0);
        let pause = || {
            pauses.set(pauses.get() + 1);
            std::future::ready(())
        };
        assert_eq!(
            block_on(save_to_paced(&mut store, &articles, pause)),
            Ok(())
        );
        assert_eq!((pauses.get(), store.writes), (2, 1));
        assert_eq!(load_from(&store), Ok(articles.clone()));
        // S2: an unreadable stored value stops it before any pause or write
        let mut corrupt = Fake {
            value: Some("{not json".into()),
            ..Fake::default()
        };
        pauses.set(0);
        let got = block_on(save_to_paced(&mut corrupt, &articles, pause));
        assert!(matches!(got, Err(StorageError::Corrupt { .. })), "{got:?}");
        assert_eq!((pauses.get(), corrupt.writes), (0, 0));
        assert_eq!(corrupt.value.as_deref(), Some("{not json"));
        // S1: a refused write leaves the old value
        let mut full = Fake {
            value: Some(encode(&[])),
            fail_set: Some(StorageError::QuotaExceeded),
            ..Fake::default()
        };
        let got = block_on(save_to_paced(&mut full, &articles, pause));
        assert_eq!(got, Err(StorageError::QuotaExceeded));
        assert_eq!(full.value, Some(encode(&[])));
    }

    #[test]
    fn envelope_round_trips() {
        let articles = vec![
            article("a", "Putin praised Iran."),
            UserArticle {
                warning: Some("a.txt is not valid UTF-8".into()),
                ..article("b", "Лавров \"quoted\"\n\u{0}")
            },
        ];
        let raw = encode(&articles);
        let v: serde_json::Value = serde_json::from_str(&raw).unwrap();
        assert_eq!(v["version"], 1);
        assert_eq!(v["articles"][0]["id"], "a");
        assert_eq!(decode(&raw), Ok(articles));
        assert_eq!(decode(&encode(&[])), Ok(vec![]));
    }

    #[test]
    fn unreadable_values_are_reported_s2_s3() {
        let cases: Vec<(&str, &str, StorageError)> = vec![
            (
                "S2 not JSON",
                "{\"version\": 1, \"articles\": [",
                StorageError::Corrupt {
                    detail: "not JSON: EOF while parsing a list at line 1 column 28".into(),
                },
            ),
            (
                "S2 no version",
                "{\"articles\": []}",
                StorageError::Corrupt {
                    detail: "no format version".into(),
                },
            ),
            (
                "S2 version not a number",
                "{\"version\": \"1\", \"articles\": []}",
                StorageError::Corrupt {
                    detail: "no format version".into(),
                },
            ),
            (
                "S2 bare list",
                "[]",
                StorageError::Corrupt {
                    detail: "no format version".into(),
                },
            ),
            (
                "S2 no articles",
                "{\"version\": 1}",
                StorageError::Corrupt {
                    detail: "bad article list: missing field `articles` at line 1 column 14".into(),
                },
            ),
            (
                "S2 article without text",
                "{\"version\": 1, \"articles\": [{\"id\": \"a\", \"name\": \"a\"}]}",
                StorageError::Corrupt {
                    detail: "bad article list: missing field `text` at line 1 column 52".into(),
                },
            ),
            (
                "S3 newer",
                "{\"version\": 2, \"articles\": []}",
                StorageError::OldFormat { version: 2 },
            ),
            (
                "S3 older",
                "{\"version\": 0}",
                StorageError::OldFormat { version: 0 },
            ),
        ];
        for (case, raw, want) in cases {
            assert_eq!(decode(raw), Err(want), "{case}");
        }
    }

    #[test]
    fn a_missing_warning_field_reads_as_none() {
        let raw = "{\"version\":1,\"articles\":[{\"id\":\"a\",\"name\":\"n\",\"text\":\"t\"}]}";
        assert_eq!(decode(raw).unwrap()[0].warning, None);
    }

    #[test]
    fn save_then_load_through_a_store() {
        let mut store = Fake::default();
        assert_eq!(load_from(&store), Ok(vec![]));
        let v1 = vec![article("a", "one")];
        save_to(&mut store, &v1).unwrap();
        assert_eq!(load_from(&store), Ok(v1));
        let v2 = vec![article("a", "one"), article("b", "two")];
        save_to(&mut store, &v2).unwrap();
        assert_eq!(load_from(&store), Ok(v2));
        save_to(&mut store, &[]).unwrap();
        assert_eq!(load_from(&store), Ok(vec![]));
    }

    #[test]
    fn failed_saves_leave_the_stored_value_alone_s1_s2_s3() {
        let good = encode(&[article("a", "kept")]);
        let cases: Vec<(&str, &str, Option<StorageError>, StorageError)> = vec![
            (
                "S1 quota",
                &good,
                Some(StorageError::QuotaExceeded),
                StorageError::QuotaExceeded,
            ),
            (
                "S1 unavailable",
                &good,
                Some(StorageError::Unavailable),
                StorageError::Unavailable,
            ),
            (
                "S2 corrupt value is not overwritten",
                "not json",
                None,
                StorageError::Corrupt {
                    detail: "not JSON: expected ident at line 1 column 2".into(),
                },
            ),
            (
                "S3 newer value is not overwritten",
                "{\"version\":2,\"articles\":[],\"extra\":true}",
                None,
                StorageError::OldFormat { version: 2 },
            ),
        ];
        for (case, before, fail_set, want) in cases {
            let mut store = Fake {
                value: Some(before.to_string()),
                fail_set,
                writes: 0,
            };
            let got = save_to(&mut store, &[article("new", "text")]);
            assert_eq!(got, Err(want), "{case}");
            assert_eq!(
                store.value.as_deref(),
                Some(before),
                "{case}: value changed"
            );
            assert_eq!(store.writes, 0, "{case}");
        }
    }

    #[test]
    fn ids_come_from_names_with_a_counter_s4() {
        let existing = vec![
            article("user-notes-txt", ""),
            article("user-notes-txt-2", ""),
            article("user-article", ""),
        ];
        let cases = [
            ("S4 plain", "Report.md", "user-report-md"),
            ("S4 taken twice", "notes.txt", "user-notes-txt-3"),
            ("S4 punctuation collapses", "  A -- B!!.txt", "user-a-b-txt"),
            ("S4 no ASCII letters", "Лавров.", "user-article-2"),
            ("S4 empty", "", "user-article-2"),
            (
                "S4 long names are cut",
                &"x".repeat(100),
                "user-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            ),
        ];
        for (case, name, want) in cases {
            assert_eq!(new_id(name, &existing), want, "{case}");
        }
    }

    #[test]
    fn from_upload_keeps_name_text_and_warning() {
        let up = Upload {
            name: "a.txt".into(),
            text: "t".into(),
            warning: Some("w".into()),
        };
        let a = UserArticle::from_upload(up, &[article("user-a-txt", "")]);
        assert_eq!(
            a,
            UserArticle {
                id: "user-a-txt-2".into(),
                name: "a.txt".into(),
                text: "t".into(),
                warning: Some("w".into()),
            }
        );
    }

    #[test]
    fn native_store_saves_loads_and_discards() {
        // The in-memory store is per thread, and each test has its own thread.
        discard().unwrap();
        assert_eq!(raw(), Ok(None));
        assert_eq!(load(), Ok(vec![]));
        let v = vec![article("a", "x")];
        save(&v).unwrap();
        assert_eq!(load(), Ok(v));
        discard().unwrap();
        assert_eq!(raw(), Ok(None));
    }

    #[test]
    fn messages_say_what_happened_and_what_to_do() {
        let cases = [
            (StorageError::Unavailable, "will not be kept"),
            (
                StorageError::QuotaExceeded,
                "nothing was saved: remove some of your articles or use a smaller file",
            ),
            (
                StorageError::Corrupt {
                    detail: "not JSON".into(),
                },
                "could not be read (not JSON). They are left as they were",
            ),
            (
                StorageError::OldFormat { version: 2 },
                "by a newer version of Entente (format 2; this page reads format 1)",
            ),
            (
                StorageError::OldFormat { version: 0 },
                "by an older version of Entente (format 0;",
            ),
        ];
        for (err, part) in cases {
            let msg = err.to_string();
            assert!(msg.contains(part), "{err:?}: {msg}");
        }
    }
}
