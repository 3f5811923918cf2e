//! JSONL articles, the streaming form of the analysis JSON (`shared/docs/analysis-json.md`):
//! one JSON object per input line (`id` and `text`, optionally `title`, `date`, `url`,
//! `source`), one document or one `{"id" | "line", "error"}` object per output line.
//!
//! ```
//! use entente_cli::jsonl::{parse_line, document_line};
//! let engine = entente_core::Engine::builtin();
//! let art = parse_line(br#"{"id": "a1", "text": "Turkey condemned Greece."}"#, 1, false).unwrap();
//! let doc = art.analyze(&engine, "in.jsonl:1");
//! assert_eq!(doc.body_len, art.text.len());
//! assert!(document_line(&art.id, &doc).starts_with(r#"{"id":"a1","path":"in.jsonl:1""#));
//! ```

use std::fmt;
use std::io::{self, BufRead};

use entente_core::{Document, Engine};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// An article's `id`: a string or a number, written back as it was given.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Id {
    Text(String),
    Number(serde_json::Number),
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Id::Text(s) => f.write_str(s),
            Id::Number(n) => write!(f, "{n}"),
        }
    }
}

/// One article read from a JSONL line.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub id: Id,
    /// The article itself: all body (a header block in it is text, not a header).
    pub text: String,
    pub title: Option<String>,
    /// As given; the document gets it normalised to `YYYY-MM-DD` (see [`Article::analyze`]).
    pub date: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
}

/// Why a line gave no document: the output line `{"id": ..., "error": ...}`, or
/// `{"line": N, "error": ...}` when the line has no usable `id`.
#[derive(Debug, Clone, PartialEq)]
pub struct LineError {
    pub id: Option<Id>,
    /// 1-based line number in its input.
    pub line: u64,
    pub reason: String,
}

impl LineError {
    fn new(id: Option<Id>, line: u64, reason: impl Into<String>) -> Self {
        LineError {
            id,
            line,
            reason: reason.into(),
        }
    }

    /// A line of `len` bytes over the `--max-bytes` limit (its content is not kept).
    pub fn too_large(line: u64, len: u64, limit: u64) -> Self {
        Self::new(
            None,
            line,
            format!(
                "too large: {len} bytes, over the limit of {limit} bytes (raise it with --max-bytes)"
            ),
        )
    }

    /// The output line, with its `\n`.
    pub fn json_line(&self) -> String {
        #[derive(Serialize)]
        struct Out<'a> {
            #[serde(skip_serializing_if = "Option::is_none")]
            id: Option<&'a Id>,
            #[serde(skip_serializing_if = "Option::is_none")]
            line: Option<u64>,
            error: &'a str,
        }
        let out = Out {
            id: self.id.as_ref(),
            line: self.id.is_none().then_some(self.line),
            error: &self.reason,
        };
        let mut s = serde_json::to_string(&out).expect("plain strings and numbers serialise");
        s.push('\n');
        s
    }
}

/// The fields read; anything else on the line is ignored.
#[derive(Deserialize)]
struct Fields {
    id: Option<Value>,
    text: Option<Value>,
    title: Option<Value>,
    date: Option<Value>,
    url: Option<Value>,
    source: Option<Value>,
}

/// True for a line of only ASCII white space: such lines are skipped, not articles.
pub fn is_blank(line: &[u8]) -> bool {
    line.iter().all(u8::is_ascii_whitespace)
}

/// Reads one JSONL line (without its line end) as an article.
///
/// # Errors
/// When the line is not valid UTF-8 (unless `lossy`, which puts U+FFFD for the bad bytes),
/// not a JSON object, has no `id` (a string or number) or no `text` string, or gives a
/// `title`, `date`, `url` or `source` that is neither a string nor null.
pub fn parse_line(bytes: &[u8], line: u64, lossy: bool) -> Result<Article, LineError> {
    let fail = |id: Option<Id>, reason: String| LineError::new(id, line, reason);
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) if lossy => String::from_utf8_lossy(bytes),
        Err(e) => {
            return Err(fail(
                None,
                format!(
                    "not valid UTF-8 at byte {} (use --lossy to analyse it anyway)",
                    e.valid_up_to()
                ),
            ))
        }
    };
    // A struct would also accept a JSON array of the fields in order: only objects are articles.
    if !text.trim_start().starts_with('{') {
        return Err(fail(None, "not a JSON object".into()));
    }
    let fields: Fields =
        serde_json::from_str(&text).map_err(|e| fail(None, format!("not a JSON object: {e}")))?;
    let id = match fields.id {
        Some(Value::String(s)) => Id::Text(s),
        Some(Value::Number(n)) => Id::Number(n),
        None | Some(Value::Null) => return Err(fail(None, "no `id`".into())),
        Some(_) => return Err(fail(None, "`id` is not a string or a number".into())),
    };
    let text = match fields.text {
        Some(Value::String(s)) => s,
        None | Some(Value::Null) => return Err(fail(Some(id), "no `text`".into())),
        Some(_) => return Err(fail(Some(id), "`text` is not a string".into())),
    };
    let mut optional = [
        ("title", fields.title),
        ("date", fields.date),
        ("url", fields.url),
        ("source", fields.source),
    ]
    .into_iter()
    .map(|(name, v)| match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(format!("`{name}` is not a string")),
    });
    let mut next = || optional.next().expect("four fields");
    let (title, date, url, source) = match (next(), next(), next(), next()) {
        (Ok(t), Ok(d), Ok(u), Ok(s)) => (t, d, u, s),
        (Err(e), ..) | (_, Err(e), ..) | (_, _, Err(e), _) | (.., Err(e)) => {
            return Err(fail(Some(id), e))
        }
    };
    Ok(Article {
        id,
        text,
        title,
        date,
        url,
        source,
    })
}

/// A header value on one line: control characters and line separators become spaces.
fn header_value(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

impl Article {
    /// What [`Engine::analyze`] reads: a header block with the optional fields (always at
    /// least `title:`, so the block is a header even when it is empty), then `text`, all of
    /// it the body; offsets in the document index `text`.
    ///
    /// ```
    /// let art = entente_cli::jsonl::parse_line(br#"{"id":1,"text":"title: x\n---\nA."}"#, 1, false).unwrap();
    /// assert_eq!(art.raw(), "title:\n---\ntitle: x\n---\nA.");
    /// ```
    pub fn raw(&self) -> String {
        let mut raw = String::with_capacity(self.text.len() + 64);
        raw.push_str("title:");
        let fields = [
            ("", &self.title),
            ("date", &self.date),
            ("url", &self.url),
            ("source", &self.source),
        ];
        for (key, value) in fields {
            if !key.is_empty() {
                if value.is_none() {
                    continue;
                }
                raw.push_str(key);
                raw.push(':');
            }
            if let Some(v) = value {
                raw.push(' ');
                raw.push_str(&header_value(v));
            }
            raw.push('\n');
        }
        raw.push_str("---\n");
        raw.push_str(&self.text);
        raw
    }

    /// Analyses the article as a document named `path`. The engine reads `date` as it
    /// reads a header's (normalised to `YYYY-MM-DD`; one it cannot read is dropped and a
    /// dateline in the text may give the date, as for a file), and the people's roles
    /// follow that date; `title`, `url` and `source`, when given and not blank, are set
    /// on the document as given (a missing title is taken from the text, as for a file).
    pub fn analyze(&self, engine: &Engine, path: &str) -> Document {
        let mut doc = engine.analyze(path, &self.raw());
        debug_assert_eq!(doc.body_len, self.text.len(), "the text is the whole body");
        let given = |v: &Option<String>| v.as_ref().filter(|s| !s.trim().is_empty()).cloned();
        doc.title = given(&self.title).or(doc.title);
        doc.url = given(&self.url).or(doc.url);
        doc.source = given(&self.source).or(doc.source);
        doc
    }
}

/// The output line for a document: its fields with `id` first, and the `\n`.
pub fn document_line(id: &Id, doc: &Document) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        id: &'a Id,
        #[serde(flatten)]
        doc: &'a Document,
    }
    let mut s = serde_json::to_string(&Out { id, doc }).expect("documents serialise");
    s.push('\n');
    s
}

/// Reads one line into `buf` (cleared first), without its `\n` or `\r\n`, keeping at most
/// `limit` bytes: a longer line is read to its end but not kept (`buf` is left empty).
/// Returns the line's length in bytes, which is over `limit` for such a line, or `None` at
/// the end of the input. Memory stays under `limit` whatever the line.
///
/// ```
/// use entente_cli::jsonl::read_line;
/// let mut input = &b"ab\r\ncdefgh\nij"[..];
/// let mut buf = Vec::new();
/// assert_eq!(read_line(&mut input, &mut buf, 4).unwrap(), Some(2));
/// assert_eq!(buf, b"ab");
/// assert_eq!(read_line(&mut input, &mut buf, 4).unwrap(), Some(6));
/// assert!(buf.is_empty());
/// assert_eq!(read_line(&mut input, &mut buf, 4).unwrap(), Some(2));
/// assert_eq!(buf, b"ij");
/// assert_eq!(read_line(&mut input, &mut buf, 4).unwrap(), None);
/// ```
///
/// # Errors
/// The reader's errors, except `Interrupted`, which is retried.
pub fn read_line<R: BufRead>(r: &mut R, buf: &mut Vec<u8>, limit: u64) -> io::Result<Option<u64>> {
    buf.clear();
    let mut len: u64 = 0;
    let mut any = false;
    let mut last = None;
    loop {
        let avail = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            break;
        }
        any = true;
        let end = avail.iter().position(|&b| b == b'\n');
        let chunk = &avail[..end.unwrap_or(avail.len())];
        len += chunk.len() as u64;
        last = chunk.last().copied().or(last);
        // Keep one byte over the limit: a last `\r` may still be dropped below.
        if len <= limit.saturating_add(1) {
            buf.extend_from_slice(chunk);
        } else {
            buf.clear();
        }
        let used = end.map_or(avail.len(), |i| i + 1);
        r.consume(used);
        if end.is_some() {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if last == Some(b'\r') {
        if buf.len() as u64 == len {
            buf.pop();
        }
        len -= 1;
    }
    if len > limit {
        buf.clear();
    }
    Ok(Some(len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_lines_say_why() {
        let cases: &[(&str, &[u8], Option<&str>, &str)] = &[
            ("not JSON", b"{oops", None, "not a JSON object"),
            ("an array", b"[\"a\", \"b\"]", None, "not a JSON object"),
            ("no id", br#"{"text": "x"}"#, None, "no `id`"),
            (
                "id is a list",
                br#"{"id": [1], "text": "x"}"#,
                None,
                "`id` is not",
            ),
            ("no text", br#"{"id": "a"}"#, Some("a"), "no `text`"),
            (
                "text a number",
                br#"{"id": "a", "text": 3}"#,
                Some("a"),
                "`text` is not a string",
            ),
            (
                "date a number",
                br#"{"id": 7, "text": "x", "date": 3}"#,
                Some("7"),
                "`date` is not a string",
            ),
            (
                "bad UTF-8",
                b"{\"id\": \"a\", \"text\": \"\xff\"}",
                None,
                "not valid UTF-8 at byte 21",
            ),
        ];
        for &(name, line, id, reason) in cases {
            let e = parse_line(line, 9, false).expect_err(name);
            assert_eq!(
                e.id.as_ref().map(|i| i.to_string()).as_deref(),
                id,
                "{name}"
            );
            assert!(e.reason.starts_with(reason), "{name}: {}", e.reason);
            let v: Value = serde_json::from_str(&e.json_line()).expect(name);
            assert_eq!(v.get("line").is_some(), id.is_none(), "{name}: {v}");
        }
        let lossy = parse_line(b"{\"id\": \"a\", \"text\": \"\xff\"}", 1, true).expect("lossy");
        assert_eq!(lossy.text, "\u{fffd}");
    }

    #[test]
    fn header_values_stay_on_their_line() {
        let art = parse_line(
            br#"{"id": "a", "text": "Body.", "title": "Two\nlines", "source": "S\u2028T", "date": "2026-03-03"}"#,
            1,
            false,
        )
        .unwrap();
        assert_eq!(
            art.raw(),
            "title: Two lines\ndate: 2026-03-03\nsource: S T\n---\nBody."
        );
    }

    #[test]
    fn long_lines_are_measured_not_kept() {
        let mut input = &b"12345\n123456\r\n1234\r\n\n"[..];
        let mut buf = Vec::new();
        let mut got = Vec::new();
        while let Some(n) = read_line(&mut input, &mut buf, 5).unwrap() {
            got.push((n, String::from_utf8(buf.clone()).unwrap()));
        }
        assert_eq!(
            got,
            [
                (5, "12345".to_string()),
                (6, String::new()),
                (4, "1234".to_string()),
                (0, String::new())
            ]
        );
    }
}
