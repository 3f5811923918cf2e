//! Articles as files: the optional header block, the body, and the page furniture
//! (boilerplate lines that are not article text) marked as spans of the body.
//!
//! The body is never rewritten: furniture and markup are byte spans of it, so every
//! offset the later stages produce indexes the text as it is in the file. Furniture
//! patterns live in `data/furniture.toml`; each furniture rule has an id:
//!
//! | id | rule |
//! |---|---|
//! | FU1 | whole lines listed in `exact` ("Listen to this story:", "Latest news") |
//! | FU2 | lines starting with one of `prefixes` ("Welcome to Roya News, ...") |
//! | FU3 | line shapes, `#` for digits ("0:00", "8 hours ago\|", a lone "1") |
//! | FU4 | bylines ("By: Tomorrow's Affairs Staff"); the name is kept as `author` |
//! | FU5 | photo captions ("Vladimir Putin (left) & Mojtaba Khamenei (right)") |
//! | FU6 | repeated lines: pull quotes and truncated or repeated headlines |
//! | FU7 | datelines at the top ("date 2026-03-03", "March 3, 2026"); the date is kept |
//! | FU8 | markdown residue inside text (`[`, `](#)`, `**`): recorded in `markup`, not skipped |
//!
//! FU8 spans sit inside sentences ("another close associate of Putin, [Sergei Shoigu](#),
//! spoke ..."), so they are not furniture: the splitter keeps the sentence whole and a
//! front can hide them with [`crate::text::clean_text`].

use std::collections::HashMap;

use crate::hash::FastSet;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::model::Span;
use crate::text::{self, is_space, lines, trim_span};

/// A parsed article. `body` borrows from the raw text; all spans index into `body`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Article<'a> {
    /// From the header, or derived from the first headline or sentence of the body.
    pub title: Option<String>,
    /// `YYYY-MM-DD`, from the header (normalised) or a dateline at the top of the body.
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// From the header's `author:` or a byline (FU4).
    pub author: Option<String>,
    /// Byte offset of the body in the raw text (0 when there is no header and no BOM).
    pub body_offset: usize,
    pub body: &'a str,
    /// Spans of the body that are page furniture, not article text; sorted, disjoint.
    pub furniture: Vec<Span>,
    /// Why each piece of furniture is furniture, sorted by start (FU1-FU7).
    pub furniture_marks: Vec<FurnitureMark>,
    /// Markdown residue inside article text (FU8): sorted, disjoint; not skipped by the splitter.
    pub markup: Vec<Span>,
}

/// One piece of furniture and the rule that marked it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FurnitureMark {
    pub span: Span,
    pub rule: FurnitureRule,
}

/// The furniture rules (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FurnitureRule {
    Exact,
    Prefix,
    Shape,
    Byline,
    Caption,
    Duplicate,
    Dateline,
    Markup,
}

impl FurnitureRule {
    /// The rule id: `FU1` ... `FU8`.
    pub fn id(self) -> &'static str {
        match self {
            FurnitureRule::Exact => "FU1",
            FurnitureRule::Prefix => "FU2",
            FurnitureRule::Shape => "FU3",
            FurnitureRule::Byline => "FU4",
            FurnitureRule::Caption => "FU5",
            FurnitureRule::Duplicate => "FU6",
            FurnitureRule::Dateline => "FU7",
            FurnitureRule::Markup => "FU8",
        }
    }
}

/// `data/furniture.toml` as written.
#[derive(Debug, Clone, Deserialize)]
pub struct FurnitureData {
    pub max_line_bytes: usize,
    #[serde(default)]
    pub exact: Vec<String>,
    #[serde(default)]
    pub prefixes: Vec<String>,
    #[serde(default)]
    pub shapes: Vec<String>,
    pub byline: BylineData,
    pub caption: CaptionData,
    pub duplicate: DuplicateData,
    pub dateline: DatelineData,
}

/// FU4 settings.
#[derive(Debug, Clone, Deserialize)]
pub struct BylineData {
    pub prefixes: Vec<String>,
    pub max_words: usize,
    #[serde(default)]
    pub connectors: Vec<String>,
}

/// FU5 settings.
#[derive(Debug, Clone, Deserialize)]
pub struct CaptionData {
    pub markers: Vec<String>,
    pub max_words: usize,
}

/// FU6 settings.
#[derive(Debug, Clone, Deserialize)]
pub struct DuplicateData {
    pub min_words: usize,
    pub max_candidates: usize,
}

/// FU7 settings.
#[derive(Debug, Clone, Deserialize)]
pub struct DatelineData {
    pub prefixes: Vec<String>,
    pub top_lines: usize,
}

impl FurnitureData {
    /// The patterns compiled in from `data/furniture.toml`.
    ///
    /// # Errors
    /// When the compiled-in file is malformed (the test suite rules that out).
    pub fn builtin() -> Result<Self, serde_json::Error> {
        serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/furniture.json")))
    }
}

/// The furniture patterns, normalised for matching.
#[derive(Debug)]
struct Table {
    max_line_bytes: usize,
    exact: FastSet<String>,
    prefixes: Vec<String>,
    shapes: Vec<String>,
    byline_prefixes: Vec<String>,
    byline_max_words: usize,
    connectors: FastSet<String>,
    caption_markers: Vec<String>,
    caption_max_words: usize,
    dup_min_words: usize,
    dup_max_candidates: usize,
    date_prefixes: Vec<String>,
    top_lines: usize,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        // A malformed built-in file is caught by the tests; at run time the engine then
        // works without furniture patterns rather than failing.
        let Ok(d) = FurnitureData::builtin() else {
            return Table {
                max_line_bytes: 0,
                exact: FastSet::default(),
                prefixes: Vec::new(),
                shapes: Vec::new(),
                byline_prefixes: Vec::new(),
                byline_max_words: 0,
                connectors: FastSet::default(),
                caption_markers: Vec::new(),
                caption_max_words: 0,
                dup_min_words: usize::MAX,
                dup_max_candidates: 0,
                date_prefixes: Vec::new(),
                top_lines: 0,
            };
        };
        let norm = |v: &[String]| v.iter().map(|s| normalise(s)).collect::<Vec<_>>();
        Table {
            max_line_bytes: d.max_line_bytes,
            exact: norm(&d.exact).into_iter().collect(),
            prefixes: norm(&d.prefixes),
            shapes: norm(&d.shapes),
            byline_prefixes: norm(&d.byline.prefixes),
            byline_max_words: d.byline.max_words,
            connectors: d.byline.connectors.iter().cloned().collect(),
            caption_markers: norm(&d.caption.markers),
            caption_max_words: d.caption.max_words,
            dup_min_words: d.duplicate.min_words,
            dup_max_candidates: d.duplicate.max_candidates,
            date_prefixes: norm(&d.dateline.prefixes),
            top_lines: d.dateline.top_lines,
        }
    })
}

/// The matching form of a line: trimmed, white space collapsed to one space, no space
/// before `:` or `|`, ASCII letters in lower case.
///
/// ```
/// assert_eq!(entente_core::corpus::normalise("  Published :\u{a0}"), "published:");
/// ```
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalise_into(s, &mut out);
    out
}

fn normalise_into(s: &str, out: &mut String) {
    out.clear();
    let mut space = false;
    for c in text::trim(s).chars() {
        if is_space(c) {
            space = true;
            continue;
        }
        if space && !matches!(c, ':' | '|') {
            out.push(' ');
        }
        space = false;
        out.push(c.to_ascii_lowercase());
    }
}

/// FU3: `key` has the `shape` (`#` is a run of ASCII digits, the rest literal).
fn matches_shape(key: &str, shape: &str) -> bool {
    let k = key.as_bytes();
    let mut i = 0;
    for &p in shape.as_bytes() {
        if p == b'#' {
            let n = k[i..].iter().take_while(|b| b.is_ascii_digit()).count();
            if n == 0 {
                return false;
            }
            i += n;
        } else if k.get(i) == Some(&p) {
            i += 1;
        } else {
            return false;
        }
    }
    i == k.len()
}

fn word_count(s: &str) -> usize {
    s.split(is_space).filter(|w| !w.is_empty()).count()
}

/// Reads an article: header block (if any), body, derived title and date, furniture.
///
/// # Examples
/// ```
/// let a = entente_core::corpus::parse_article("title: T\ndate: March 3, 2026\n---\nBody.");
/// assert_eq!(a.title.as_deref(), Some("T"));
/// assert_eq!(a.date.as_deref(), Some("2026-03-03"));
/// assert_eq!(a.body, "Body.");
/// ```
pub fn parse_article(raw: &str) -> Article<'_> {
    ArticleScan::new(raw).finish(raw)
}

/// [`parse_article`] in steps, for [`crate::Job`]: the header when made, then a step reads
/// whole lines of the body (FU1-FU5, FU8, the FU6 candidates), then FU7 at the top, then
/// searches a window of the body at a time for the FU6 candidates, until about `budget`
/// bytes are done (at least one line or window); [`ArticleScan::finish`] marks the FU6
/// lines and assembles the [`Article`]. `raw` must be the same text at every call.
#[derive(Debug)]
pub(crate) struct ArticleScan {
    /// The header's fields (the body is set by `finish`).
    art: Article<'static>,
    phase: Phase,
    found: Found,
    body_lines: Vec<BodyLine>,
    /// The normalised form of the line being read.
    key: String,
    dups: Dups,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Reading lines; the next starts at this byte of the body.
    Lines(usize),
    /// Searching the body for the FU6 candidates.
    Search,
    Done,
}

/// What the line rules found.
#[derive(Debug, Default)]
struct Found {
    marks: Vec<FurnitureMark>,
    markup: Vec<Span>,
    author: Option<String>,
    date: Option<String>,
}

/// A non-blank line of the body: its trimmed content and whether it is furniture.
#[derive(Debug, Clone, Copy)]
struct BodyLine {
    span: Span,
    furniture: bool,
}

/// Bytes of the body one step of the FU6 search covers (more than a line can be long).
const SEARCH_WINDOW: usize = 32 * 1024;

impl ArticleScan {
    pub(crate) fn new(raw: &str) -> Self {
        let (header, body_offset) = parse_header(raw);
        let mut art = Article {
            body_offset,
            ..Article::default()
        };
        for (key, value) in header.unwrap_or_default() {
            let value = text::trim(value);
            let slot = match key.as_str() {
                "title" => &mut art.title,
                "source" => &mut art.source,
                "url" => &mut art.url,
                "author" => &mut art.author,
                "date" => {
                    if art.date.is_none() {
                        art.date = normalise_date(value);
                    }
                    continue;
                }
                _ => continue,
            };
            if slot.is_none() && !value.is_empty() {
                *slot = Some(value.to_string());
            }
        }
        ArticleScan {
            art,
            phase: Phase::Lines(0),
            found: Found::default(),
            body_lines: Vec::new(),
            key: String::new(),
            dups: Dups::default(),
        }
    }

    /// Byte offset of the body in the raw text.
    pub(crate) fn body_offset(&self) -> usize {
        self.art.body_offset
    }

    pub(crate) fn done(&self) -> bool {
        self.phase == Phase::Done
    }

    /// From 0 to 1 (1 once done): the line reading is most of the work.
    pub(crate) fn fraction(&self, raw: &str) -> f64 {
        let len = raw.len() - self.art.body_offset;
        match self.phase {
            Phase::Lines(pos) if len > 0 => 0.7 * pos as f64 / len as f64,
            Phase::Lines(_) => 0.0,
            Phase::Search => 0.7 + 0.3 * self.dups.fraction(len),
            Phase::Done => 1.0,
        }
    }

    /// Does about `budget` bytes of the pass (at least one line, or one window of the
    /// search). Returns the bytes done.
    pub(crate) fn step(&mut self, raw: &str, budget: usize) -> usize {
        let t = table();
        let body = &raw[self.art.body_offset..];
        let mut done = 0;
        while done < budget {
            match self.phase {
                Phase::Lines(pos) => {
                    let Some(l) = text::lines_from(body, pos).next() else {
                        // FU7 reads the top lines only; then the FU6 search.
                        datelines(t, body, &self.body_lines, &mut self.found);
                        self.phase = if self.dups.start(body) {
                            Phase::Search
                        } else {
                            Phase::Done
                        };
                        continue;
                    };
                    self.read_line(t, body, Span::new(l.start, l.end));
                    done += l.next - pos;
                    self.phase = Phase::Lines(l.next);
                }
                Phase::Search => {
                    done += self.dups.search(body, &self.body_lines, budget - done);
                    if self.dups.searched() {
                        self.phase = Phase::Done;
                    }
                }
                Phase::Done => break,
            }
        }
        done
    }

    /// FU1-FU5 and FU8 for one line, which may also be an FU6 candidate.
    fn read_line(&mut self, t: &Table, body: &str, line: Span) {
        let span = trim_span(body, line);
        if span.is_empty() {
            return;
        }
        let content = &body[span.start..span.end];
        markup_in(content, span.start, &mut self.found.markup);
        let mut rule = None;
        if span.len() <= t.max_line_bytes {
            normalise_into(content, &mut self.key);
            rule = line_rule(t, &self.key, content, &mut self.found.author);
        }
        if let Some(rule) = rule {
            self.found.marks.push(FurnitureMark { span, rule });
        } else {
            self.dups.candidate(t, body, span, self.body_lines.len());
        }
        self.body_lines.push(BodyLine {
            span,
            furniture: rule.is_some(),
        });
    }

    /// Marks the FU6 lines and assembles the article (the rest of the pass first, if any).
    pub(crate) fn finish(mut self, raw: &str) -> Article<'_> {
        while !self.done() {
            self.step(raw, usize::MAX);
        }
        let t = table();
        let body = &raw[self.art.body_offset..];
        self.dups
            .mark(t, body, &mut self.body_lines, &mut self.found.marks);
        let found = self.found;
        let mut art = Article { body, ..self.art };
        if art.date.is_none() {
            art.date = found.date;
        }
        if art.author.is_none() {
            art.author = found.author;
        }
        art.markup = merge(found.markup);
        art.furniture_marks = found.marks;
        crate::sort::sort_by_key(&mut art.furniture_marks, |m| (m.span, m.rule));
        let mut spans: Vec<Span> = art.furniture_marks.iter().map(|m| m.span).collect();
        spans.dedup();
        art.furniture = merge(spans);
        if art.title.is_none() {
            // FU6 lines may be the headline itself (a headline repeated in the text), so the
            // title is read with them left in.
            let skip: Vec<Span> = art
                .furniture_marks
                .iter()
                .filter(|m| m.rule != FurnitureRule::Duplicate)
                .map(|m| m.span)
                .collect();
            art.title = derive_title(body, &merge(skip), &art.markup);
        }
        art
    }
}

fn merge(mut v: Vec<Span>) -> Vec<Span> {
    crate::sort::sort(&mut v);
    let mut out: Vec<Span> = Vec::with_capacity(v.len());
    for s in v {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// Header keys the engine reads; a header needs at least one of them.
const KNOWN_KEYS: [&str; 5] = ["title", "source", "url", "date", "author"];

/// Splits off the header block: `key: value` lines from the very top, ended by a line
/// `---` (an opening `---` line, as in front matter, is allowed). Anything else on the way
/// means there is no header. Returns the fields (keys in lower case) and the body offset.
fn parse_header(raw: &str) -> (Option<Vec<(String, &str)>>, usize) {
    let start = if raw.starts_with('\u{FEFF}') { 3 } else { 0 };
    let top = &raw[start..];
    let mut fields: Vec<(String, &str)> = Vec::new();
    for (n, l) in lines(top).enumerate() {
        let content = &top[l.start..l.end];
        if content.trim() == "---" {
            if n == 0 {
                continue; // front-matter opening fence
            }
            let known = fields.iter().any(|(k, _)| KNOWN_KEYS.contains(&k.as_str()));
            return if known {
                (Some(fields), start + l.next)
            } else {
                (None, start)
            };
        }
        if fields.len() >= 64 {
            break;
        }
        let Some((key, value)) = content.split_once(':') else {
            break;
        };
        let key = key.trim();
        let key_ok = !key.is_empty()
            && key.len() <= 32
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if !key_ok {
            break;
        }
        fields.push((key.to_ascii_lowercase(), value));
    }
    (None, start)
}

/// FU1-FU5 for one line (`key` is its normalised form).
fn line_rule(
    t: &Table,
    key: &str,
    content: &str,
    author: &mut Option<String>,
) -> Option<FurnitureRule> {
    if t.exact.contains(key) {
        return Some(FurnitureRule::Exact);
    }
    if t.prefixes.iter().any(|p| key.starts_with(p.as_str())) {
        return Some(FurnitureRule::Prefix);
    }
    if t.shapes.iter().any(|s| matches_shape(key, s)) {
        return Some(FurnitureRule::Shape);
    }
    if let Some(name) = byline(t, key, content) {
        if author.is_none() && !name.is_empty() {
            *author = Some(name);
        }
        return Some(FurnitureRule::Byline);
    }
    if t.caption_markers.iter().any(|m| key.contains(m.as_str()))
        && word_count(key) <= t.caption_max_words
    {
        return Some(FurnitureRule::Caption);
    }
    None
}

/// FU4: the author's name when `content` is a byline.
fn byline(t: &Table, key: &str, content: &str) -> Option<String> {
    for p in &t.byline_prefixes {
        let Some(rest) = key.strip_prefix(p.as_str()) else {
            continue;
        };
        if word_count(key) > t.byline_max_words || key.ends_with('.') {
            return None;
        }
        let colon = p.ends_with(':');
        if !colon && !rest.starts_with(' ') {
            continue;
        }
        // The same words in their original case: drop as many words as the prefix has.
        let skip_words = word_count(p);
        let name: Vec<&str> = content
            .split(is_space)
            .filter(|w| !w.is_empty())
            .skip(skip_words)
            .collect();
        let name = name.join(" ");
        let name = name.trim_start_matches([':', ' ']).to_string();
        if name.is_empty() {
            return None;
        }
        if !colon {
            let capitalised = name.split(' ').all(|w| {
                t.connectors.contains(w) || w.chars().next().is_some_and(char::is_uppercase)
            });
            if !capitalised {
                continue;
            }
        }
        return Some(name);
    }
    None
}

/// The longest link text and link target FU8 reads; longer brackets are left alone.
const MAX_LINK_PART: usize = 300;

/// FU8: markdown links `[text](target)` and bold `**text**` inside a line, in linear time
/// (the next `]` and `)` are tracked by pointers that only move forward).
fn markup_in(content: &str, base: usize, out: &mut Vec<Span>) {
    let b = content.as_bytes();
    // The first index >= `from` holding `byte` (or the length); `from` never decreases.
    let next = |ptr: &mut usize, from: usize, byte: u8| {
        if *ptr < from {
            *ptr = b[from.min(b.len())..]
                .iter()
                .position(|&c| c == byte)
                .map_or(b.len(), |p| from + p);
        }
        *ptr
    };
    if content.contains("](") {
        let (mut close_ptr, mut paren_ptr) = (0, 0);
        let mut i = 0;
        while let Some(first) = b[i..].iter().position(|&c| c == b'[').map(|o| i + o) {
            let close = next(&mut close_ptr, first + 1, b']');
            if close >= b.len() {
                break;
            }
            if close - first > MAX_LINK_PART {
                i = first + 1;
                continue;
            }
            // The innermost `[` before the `]` opens the link text.
            let open = b[first + 1..close]
                .iter()
                .rposition(|&c| c == b'[')
                .map_or(first, |p| first + 1 + p);
            i = close + 1;
            if b.get(close + 1) != Some(&b'(') || close == open + 1 {
                continue;
            }
            let target_start = close + 2;
            let end = next(&mut paren_ptr, target_start, b')');
            if end >= b.len()
                || end - target_start > MAX_LINK_PART
                || content[target_start..end].contains(is_space)
            {
                continue;
            }
            let lead = if open > 0 && b[open - 1] == b'!' {
                open - 1
            } else {
                open
            };
            out.push(Span::new(base + lead, base + open + 1));
            out.push(Span::new(base + close, base + end + 1));
            i = end + 1;
        }
    }
    if content.contains("**") {
        let stars: Vec<usize> = content.match_indices("**").map(|(i, _)| i).collect();
        for pair in stars.chunks_exact(2) {
            out.push(Span::new(base + pair[0], base + pair[0] + 2));
            out.push(Span::new(base + pair[1], base + pair[1] + 2));
        }
    }
}

/// FU7: the first dateline among the top lines sets the date and is marked.
fn datelines(t: &Table, body: &str, body_lines: &[BodyLine], found: &mut Found) {
    for bl in body_lines.iter().take(t.top_lines) {
        let content = &body[bl.span.start..bl.span.end];
        if let Some((date, token_len)) = dateline(t, content) {
            found.date = Some(date);
            if !bl.furniture {
                let end = if token_len >= content.len() {
                    bl.span.end
                } else {
                    bl.span.start + token_len
                };
                found.marks.push(FurnitureMark {
                    span: Span::new(bl.span.start, end),
                    rule: FurnitureRule::Dateline,
                });
            }
            return;
        }
    }
}

/// FU7 for one line: the date and how many bytes of the line are the dateline.
fn dateline(t: &Table, content: &str) -> Option<(String, usize)> {
    let mut i = 0;
    let mut prefixed = false;
    for p in &t.date_prefixes {
        if let Some(n) = match_prefix_ci(content, p) {
            let next = content[n..].chars().next();
            if p.ends_with(':') || next.is_some_and(|c| is_space(c) || c == ':') {
                i = n;
                prefixed = true;
                break;
            }
        }
    }
    i += skip_while(&content[i..], |c| is_space(c) || c == ':');
    let mut place = false;
    let (date, n) = match parse_date_prefix(&content[i..]) {
        Some(d) => d,
        None if !prefixed => {
            // "MOSCOW, March 3, 2026 — ..."
            let p = place_len(&content[i..])?;
            place = true;
            i += p;
            parse_date_prefix(&content[i..])?
        }
        None => return None,
    };
    let end = i + n;
    let rest = &content[end..];
    if is_time_tail(rest) {
        return Some((date, content.len()));
    }
    let sep = skip_while(rest, is_space);
    let after_sep = &rest[sep..];
    if let Some(d) = after_sep.chars().next().filter(|&c| is_dash(c) || c == '|') {
        let tail = &after_sep[d.len_utf8()..];
        if tail.starts_with(is_space) {
            return Some((date, end + sep + d.len_utf8()));
        }
    }
    if prefixed && !place && rest.starts_with(is_space) {
        return Some((date, end));
    }
    None
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—')
}

fn skip_while(s: &str, f: impl Fn(char) -> bool) -> usize {
    s.len() - s.trim_start_matches(f).len()
}

/// An upper-case place name and a comma opening a dateline ("MOSCOW, ", "NEW YORK, ").
fn place_len(s: &str) -> Option<usize> {
    let comma = s.find(',')?;
    let name = &s[..comma];
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let ok = letters >= 2
        && name.len() <= 40
        && name
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '-' || c == '.');
    ok.then(|| comma + 1 + skip_while(&s[comma + 1..], is_space))
}

/// True when `rest` (after a date) holds only a time, a zone, separators: "", " 10:15 GMT |".
fn is_time_tail(rest: &str) -> bool {
    rest.split(|c: char| is_space(c) || matches!(c, ',' | '|' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .all(|w| {
            let lw = w.to_ascii_lowercase();
            matches!(
                lw.as_str(),
                "am" | "pm" | "a.m." | "p.m." | "gmt" | "utc" | "msk" | "cet" | "et" | "z"
            ) || w
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '+' | '-'))
        })
}

/// Case-insensitive (ASCII) match of the normalised `prefix` at the start of `s`, where a
/// space in `prefix` matches a run of white space and a space may stand before `:`.
/// Returns the byte length matched in `s`.
fn match_prefix_ci(s: &str, prefix: &str) -> Option<usize> {
    let mut it = s.char_indices().peekable();
    for p in prefix.chars() {
        if p == ' ' {
            let mut any = false;
            while it.peek().is_some_and(|&(_, c)| is_space(c)) {
                it.next();
                any = true;
            }
            if !any {
                return None;
            }
            continue;
        }
        if p == ':' {
            while it.peek().is_some_and(|&(_, c)| is_space(c)) {
                it.next();
            }
        }
        let (_, c) = it.next()?;
        if c.to_ascii_lowercase() != p {
            return None;
        }
    }
    Some(it.peek().map_or(s.len(), |&(i, _)| i))
}

/// FU6: pull quotes and repeated headlines (see `data/furniture.toml`). Candidates are
/// short, headline-like lines that no other rule marked, each distinct text a pattern; the
/// body is searched for each pattern's first copy inside a longer line (a pull quote), and
/// lines with no such host are marked when they repeat an earlier line.
#[derive(Debug, Default)]
struct Dups {
    pattern_of: HashMap<String, usize>,
    /// Each pattern's first line.
    patterns: Vec<Span>,
    /// The lines (indexes into the body lines) holding each pattern.
    lines_of: Vec<Vec<usize>>,
    /// For each pattern: the first longer, non-furniture line holding it, and where the
    /// match ends there.
    inside: Vec<Option<(usize, usize)>>,
    search: Search,
}

/// Where the FU6 search is.
#[derive(Debug, Default)]
enum Search {
    #[default]
    NotStarted,
    /// A few patterns (the usual article): a plain substring search for each in turn (it
    /// beats building an automaton); the pattern searched and the byte to go on from.
    Plain { pattern: usize, pos: usize },
    /// Many patterns: one automaton over a window at a time. Its NFA builds in time linear
    /// in the patterns; a DFA's build would cost more than the whole scan of an article.
    Automaton {
        ac: aho_corasick::AhoCorasick,
        longest: usize,
        pos: usize,
    },
    /// Done, or no search to make (no candidates, or the automaton could not be built).
    Done { mark: bool },
}

impl Dups {
    /// Line `li` (not furniture) is a candidate when it is headline-like.
    fn candidate(&mut self, t: &Table, body: &str, span: Span, li: usize) {
        if span.len() > t.max_line_bytes {
            return;
        }
        let text = &body[span.start..span.end];
        if text.ends_with('.') || word_count(text) < t.dup_min_words {
            return;
        }
        let id = match self.pattern_of.get(text) {
            Some(&id) => id,
            None => {
                if self.patterns.len() >= t.dup_max_candidates {
                    return;
                }
                self.pattern_of
                    .insert(text.to_string(), self.patterns.len());
                self.patterns.push(span);
                self.lines_of.push(Vec::new());
                self.patterns.len() - 1
            }
        };
        self.lines_of[id].push(li);
    }

    /// Sets up the search once every line is read; false when there is nothing to search.
    fn start(&mut self, body: &str) -> bool {
        self.inside = vec![None; self.patterns.len()];
        self.search = if self.patterns.is_empty() {
            Search::Done { mark: false }
        } else if self.patterns.len() <= 8 {
            Search::Plain { pattern: 0, pos: 0 }
        } else {
            let texts = self.patterns.iter().map(|s| &body[s.start..s.end]);
            match aho_corasick::AhoCorasick::builder()
                .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
                .build(texts)
            {
                Ok(ac) => Search::Automaton {
                    ac,
                    longest: self.patterns.iter().map(|s| s.len()).max().unwrap_or(0),
                    pos: 0,
                },
                Err(_) => Search::Done { mark: false },
            }
        };
        !matches!(self.search, Search::Done { .. })
    }

    fn searched(&self) -> bool {
        matches!(self.search, Search::Done { .. })
    }

    fn fraction(&self, len: usize) -> f64 {
        let len = len.max(1) as f64;
        match self.search {
            Search::NotStarted => 0.0,
            Search::Plain { pattern, pos } => {
                (pattern as f64 + pos as f64 / len) / self.patterns.len() as f64
            }
            Search::Automaton { pos, .. } => pos as f64 / len,
            Search::Done { .. } => 1.0,
        }
    }

    /// Searches about `budget` bytes of the body (at least one match or window). Every
    /// match is found as one search of the whole body would find it: the plain search goes
    /// on from the end of its last match, or from the last `len - 1` bytes of a window with
    /// none; the automaton keeps the matches that start in its window, looking past its end
    /// by the longest pattern.
    fn search(&mut self, body: &str, lines: &[BodyLine], budget: usize) -> usize {
        let mut done = 0;
        while done < budget {
            match &mut self.search {
                Search::Plain { pattern, pos } => {
                    let Some(&p) = self.patterns.get(*pattern) else {
                        self.search = Search::Done { mark: true };
                        break;
                    };
                    let pat = &body[p.start..p.end];
                    if self.inside[*pattern].is_some() || *pos >= body.len() {
                        // later copies change nothing (only the first host counts)
                        *pattern += 1;
                        *pos = 0;
                        continue;
                    }
                    let end = text::ceil_boundary(body, *pos + SEARCH_WINDOW);
                    match body[*pos..end].find(pat) {
                        Some(off) => {
                            let start = *pos + off;
                            record(lines, &mut self.inside[*pattern], start, start + pat.len());
                            *pos = start + pat.len();
                            done += off + pat.len();
                        }
                        None => {
                            done += end - *pos;
                            *pos = if end == body.len() {
                                end
                            } else {
                                // a copy may start in the window's last len - 1 bytes
                                text::floor_boundary(body, end + 1 - pat.len())
                                    .max(text::ceil_boundary(body, *pos + 1))
                            };
                        }
                    }
                }
                Search::Automaton { ac, longest, pos } => {
                    let from = *pos;
                    let to = (from + SEARCH_WINDOW).min(body.len());
                    let look = (to + *longest).saturating_sub(1).clamp(to, body.len());
                    let input = aho_corasick::Input::new(body).range(from..look);
                    for m in ac.find_overlapping_iter(input) {
                        if m.start() < to {
                            let pid = m.pattern().as_usize();
                            record(lines, &mut self.inside[pid], m.start(), m.end());
                        }
                    }
                    done += to - from;
                    *pos = to;
                    if to == body.len() {
                        self.search = Search::Done { mark: true };
                    }
                }
                Search::NotStarted | Search::Done { .. } => break,
            }
        }
        done
    }

    /// Marks the repeated lines once the search is done.
    fn mark(
        &self,
        t: &Table,
        body: &str,
        body_lines: &mut [BodyLine],
        marks: &mut Vec<FurnitureMark>,
    ) {
        if !matches!(self.search, Search::Done { mark: true }) {
            return;
        }
        for (pid, ls) in self.lines_of.iter().enumerate() {
            match self.inside[pid] {
                Some((host, mut cursor)) => {
                    let host_end = body_lines[host].span.end;
                    for &li in ls {
                        dup(li, body_lines, marks);
                    }
                    // Lines right after the first copy that continue the quote in the host line.
                    let Some(&first) = ls.first() else { continue };
                    for next in first + 1..(first + 4).min(body_lines.len()) {
                        let nl = body_lines[next];
                        if nl.furniture || next == host || nl.span.len() > t.max_line_bytes {
                            break;
                        }
                        let want = &body[nl.span.start..nl.span.end];
                        let have = &body[cursor..host_end];
                        let lead = skip_while(have, is_space);
                        if !have[lead..].starts_with(want) {
                            break;
                        }
                        cursor += lead + want.len();
                        dup(next, body_lines, marks);
                    }
                }
                None => {
                    // Exact repeats of an earlier line.
                    for &li in ls.iter().skip(1) {
                        dup(li, body_lines, marks);
                    }
                }
            }
        }
    }
}

/// A copy of a pattern at `start..end`: its host is the first longer, non-furniture line
/// holding it (once one is found, later copies change nothing).
fn record(lines: &[BodyLine], inside: &mut Option<(usize, usize)>, start: usize, end: usize) {
    if inside.is_some() {
        return;
    }
    let li = lines.partition_point(|bl| bl.span.start <= start);
    let Some(hi) = li.checked_sub(1) else { return };
    let hl = lines[hi];
    if end <= hl.span.end && !hl.furniture && hl.span.len() > end - start {
        *inside = Some((hi, end));
    }
}

/// Marks line `li` as a repeated line (FU6), once.
fn dup(li: usize, body_lines: &mut [BodyLine], marks: &mut Vec<FurnitureMark>) {
    if !body_lines[li].furniture {
        body_lines[li].furniture = true;
        marks.push(FurnitureMark {
            span: body_lines[li].span,
            rule: FurnitureRule::Duplicate,
        });
    }
}

/// The title of a body without one in its header: its first sentence (furniture skipped,
/// markup removed). A headline (no full stop at the end) is kept whole up to 160 chars;
/// a sentence longer than 80 chars is cut at a word boundary with an ellipsis.
fn derive_title(body: &str, skip: &[Span], markup: &[Span]) -> Option<String> {
    // The first sentence lies in the first paragraph that has text outside the furniture
    // (SB1: no sentence spans a blank line), so only the body up to that paragraph's end
    // is split, and never more than 16 KiB of it.
    let mut head_end = 0;
    let mut in_text = false;
    let mut k = 0;
    for l in lines(body) {
        let span = trim_span(body, Span::new(l.start, l.end));
        if span.is_empty() {
            if in_text {
                break;
            }
            continue;
        }
        while k < skip.len() && skip[k].end <= span.start {
            k += 1;
        }
        let covered = skip.get(k).is_some_and(|f| f.contains(span));
        in_text |= !covered;
        head_end = l.end;
        if head_end >= 16 * 1024 {
            break;
        }
    }
    let mut head_end = head_end.min(16 * 1024);
    while !body.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let first = *text::split_sentences(&body[..head_end], skip).first()?;
    title_from_sentence(&text::clean_text(body, first, markup))
}

/// See [`derive_title`]. Public for tests.
pub fn title_from_sentence(sentence: &str) -> Option<String> {
    let s = text::trim(sentence);
    if s.is_empty() {
        return None;
    }
    let chars = s.chars().count();
    if !s.ends_with('.') && chars <= 160 {
        return Some(s.to_string());
    }
    let s = s.strip_suffix('.').unwrap_or(s);
    if s.chars().count() <= 80 {
        return Some(s.to_string());
    }
    let cut = s.char_indices().nth(80).map_or(s.len(), |(i, _)| i);
    let head = &s[..cut];
    let head = match head.rfind(is_space) {
        Some(i) if i > 0 => &head[..i],
        _ => head,
    };
    let head = head.trim_end_matches(|c: char| {
        is_space(c) || matches!(c, ',' | ';' | ':' | '-' | '–' | '—' | '(' | '“' | '"' | '‘')
    });
    Some(format!("{head}…"))
}

const MONTHS: [(&str, u32); 24] = [
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

const WEEKDAYS: [&str; 16] = [
    "monday",
    "mon",
    "tuesday",
    "tue",
    "tues",
    "wednesday",
    "wed",
    "thursday",
    "thu",
    "thurs",
    "friday",
    "fri",
    "saturday",
    "sat",
    "sunday",
    "sun",
];

/// Normalises a date value to `YYYY-MM-DD`, or `None` when it is not a valid date in a
/// form read without guessing: `2026-03-03` (also `/` and `.`), `20260303`,
/// `2026-03-03T10:00:00Z`, `March 3, 2026`, `Mar. 3 2026`, `3 March 2026`,
/// `Tuesday, 3rd March 2026`. Day-month order in all-number forms (`03/04/2026`) is
/// ambiguous and rejected.
///
/// ```
/// use entente_core::corpus::normalise_date;
/// assert_eq!(normalise_date("3 March 2026").as_deref(), Some("2026-03-03"));
/// assert_eq!(normalise_date("2026-02-30"), None);
/// ```
pub fn normalise_date(value: &str) -> Option<String> {
    let v = text::trim(value);
    if v.len() == 8 && v.bytes().all(|b| b.is_ascii_digit()) {
        let n = |r: std::ops::Range<usize>| v[r].parse::<u32>().ok();
        return valid_date(n(0..4)?, n(4..6)?, n(6..8)?);
    }
    let (date, n) = parse_date_prefix(v)?;
    let rest = &v[n..];
    let ok = match rest.chars().next() {
        None => true,
        Some('T') => rest[1..].starts_with(|c: char| c.is_ascii_digit()),
        Some(c) => !c.is_alphanumeric(),
    };
    ok.then_some(date)
}

/// A date at the start of `s` and the bytes it takes (see [`normalise_date`]).
fn parse_date_prefix(s: &str) -> Option<(String, usize)> {
    let b = s.as_bytes();
    let mut i = 0;
    // An optional weekday: "Tuesday, ", "Tue. ".
    let (w, e) = ascii_word(b, 0);
    if e > 0 && WEEKDAYS.contains(&w.to_ascii_lowercase().as_str()) {
        let mut j = e;
        if b.get(j) == Some(&b'.') {
            j += 1;
        }
        if b.get(j) == Some(&b',') {
            j += 1;
        }
        let sp = spaces(b, j);
        if sp == j {
            return None;
        }
        i = sp;
    }
    iso_date(b, i)
        .or_else(|| month_first(b, i))
        .or_else(|| day_first(b, i))
}

fn ascii_word(b: &[u8], i: usize) -> (&str, usize) {
    let mut e = i;
    while e < b.len() && b[e].is_ascii_alphabetic() {
        e += 1;
    }
    // ASCII letters only, so the slice is valid UTF-8.
    (std::str::from_utf8(&b[i..e]).unwrap_or(""), e)
}

fn spaces(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i] == b' ' {
        i += 1;
    }
    i
}

/// 1 to `max` ASCII digits at `i`: the value and the end.
fn number(b: &[u8], i: usize, max: usize) -> Option<(u32, usize)> {
    let mut e = i;
    let mut v = 0u32;
    while e < b.len() && b[e].is_ascii_digit() && e - i < max {
        v = v * 10 + u32::from(b[e] - b'0');
        e += 1;
    }
    (e > i && !b.get(e).is_some_and(u8::is_ascii_digit)).then_some((v, e))
}

fn month(b: &[u8], i: usize) -> Option<(u32, usize)> {
    let (w, mut e) = ascii_word(b, i);
    let lw = w.to_ascii_lowercase();
    let m = MONTHS.iter().find(|(name, _)| *name == lw)?.1;
    if b.get(e) == Some(&b'.') {
        e += 1;
    }
    Some((m, e))
}

fn ordinal(b: &[u8], i: usize) -> usize {
    match b.get(i..i + 2) {
        Some(b"st" | b"nd" | b"rd" | b"th") => i + 2,
        _ => i,
    }
}

fn end_ok(b: &[u8], e: usize) -> bool {
    !b.get(e).is_some_and(|c| c.is_ascii_alphanumeric())
}

fn iso_date(b: &[u8], i: usize) -> Option<(String, usize)> {
    let (y, e) = number(b, i, 4)?;
    if e - i != 4 {
        return None;
    }
    let sep = *b.get(e)?;
    if !matches!(sep, b'-' | b'/' | b'.') {
        return None;
    }
    let (m, e) = number(b, e + 1, 2)?;
    if b.get(e) != Some(&sep) {
        return None;
    }
    let (d, e) = number(b, e + 1, 2)?;
    if b.get(e)
        .is_some_and(|c| c.is_ascii_alphabetic() && *c != b'T')
    {
        return None;
    }
    Some((valid_date(y, m, d)?, e))
}

fn month_first(b: &[u8], i: usize) -> Option<(String, usize)> {
    let (m, e) = month(b, i)?;
    let e2 = spaces(b, e);
    if e2 == e {
        return None;
    }
    let (d, e) = number(b, e2, 2)?;
    let mut e = ordinal(b, e);
    if b.get(e) == Some(&b',') {
        e += 1;
    }
    let e = spaces(b, e);
    let (y, ye) = number(b, e, 4)?;
    if ye - e != 4 || !end_ok(b, ye) {
        return None;
    }
    Some((valid_date(y, m, d)?, ye))
}

fn day_first(b: &[u8], i: usize) -> Option<(String, usize)> {
    let (d, e) = number(b, i, 2)?;
    let e = ordinal(b, e);
    let e2 = spaces(b, e);
    if e2 == e {
        return None;
    }
    let mut e = e2;
    if b.get(e..e + 3) == Some(b"of ") {
        e = spaces(b, e + 3);
    }
    let (m, e) = month(b, e)?;
    let mut e = e;
    if b.get(e) == Some(&b',') {
        e += 1;
    }
    let e2 = spaces(b, e);
    if e2 == e {
        return None;
    }
    let (y, ye) = number(b, e2, 4)?;
    if ye - e2 != 4 || !end_ok(b, ye) {
        return None;
    }
    Some((valid_date(y, m, d)?, ye))
}

fn valid_date(y: u32, m: u32, d: u32) -> Option<String> {
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1000..=9999).contains(&y) && (1..=days).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// FU6 searches the body a window at a time: a pull quote whose copy in the text
    /// straddles a window's edge is still found, with one pattern (the plain search), with
    /// many (the automaton) and with a multi-byte pattern (the windows' ends fall inside
    /// its characters), wherever the copy lies around the edges.
    #[test]
    fn fu6_copies_across_search_windows() {
        let extra: String = (0..11)
            .map(|i| format!("Another headline number {i} here\n\n"))
            .collect();
        let cases = [
            ("plain", "Russia will never abandon its allies", ""),
            (
                "automaton",
                "Russia will never abandon its allies",
                extra.as_str(),
            ),
            ("multi-byte", "Москва никогда не бросит союзников", ""),
        ];
        for (name, quote, more) in cases {
            let head = format!("{quote}\n\n{more}");
            let lead = "Officials said that ";
            let w = SEARCH_WINDOW;
            // the plain search's second window starts after the quote's own line
            for copy_at in w - 2 * quote.len()..=w + quote.len() + 4 {
                let filler = copy_at - head.len() - 2 - lead.len();
                let body = format!(
                    "{head}{}.\n\n{lead}{quote} on Monday.\n",
                    "a".repeat(filler - 1)
                );
                assert_eq!(
                    body.find(&format!("{lead}{quote}")),
                    Some(copy_at - lead.len())
                );
                let a = parse_article(&body);
                let dups: Vec<Span> = a
                    .furniture_marks
                    .iter()
                    .filter(|m| m.rule == FurnitureRule::Duplicate)
                    .map(|m| m.span)
                    .collect();
                assert_eq!(
                    dups,
                    [Span::new(0, quote.len())],
                    "{name}: the copy at byte {copy_at}"
                );
            }
        }
    }

    #[test]
    fn builtin_furniture_parses() {
        let d = FurnitureData::builtin().expect("data/furniture.toml parses");
        assert!(d.max_line_bytes >= 100);
        assert!(!d.exact.is_empty() && !d.prefixes.is_empty() && !d.shapes.is_empty());
        // Entries must survive normalisation (else they could never match).
        for e in d.exact.iter().chain(&d.prefixes).chain(&d.shapes) {
            assert!(!normalise(e).is_empty(), "empty pattern `{e}`");
        }
    }

    #[test]
    fn shape_matching() {
        for (name, key, shape, want) in [
            ("lone number", "1", "#", true),
            ("player time", "0:00", "#:#", true),
            ("hours ago", "8 hours ago|", "# hours ago|", true),
            ("word is not a number", "one", "#", false),
            ("trailing text", "8 hours ago| more", "# hours ago|", false),
            ("missing digits", ":00", "#:#", false),
        ] {
            assert_eq!(matches_shape(key, shape), want, "{name}");
        }
    }

    #[test]
    fn prefix_matching_ignores_case_and_space_before_colon() {
        assert_eq!(match_prefix_ci("Published : x", "published:"), Some(11));
        assert_eq!(match_prefix_ci("date 2026", "date"), Some(4));
        assert_eq!(match_prefix_ci("Posted  on x", "posted on"), Some(10));
        assert_eq!(match_prefix_ci("dat", "date"), None);
    }
}
