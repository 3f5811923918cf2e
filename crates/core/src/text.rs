//! Sentences: splitting a body into sentence spans the way a careful reader would.
//!
//! The splitter never rewrites the body: it returns byte spans, so offsets stay valid for
//! every later stage. Each rule has an id, used in the comments, the tests
//! (`tests/text_rules.rs`, `tests/text_seeds.rs`) and the docs:
//!
//! | id | rule |
//! |---|---|
//! | SB1 | a blank line (or a paragraph separator, a separator line such as `---` or `* * *`, or a skipped span) ends a sentence; no sentence spans one |
//! | SB2 | a line with no terminal punctuation ends a sentence at its end (headlines, short lines), unless it ends with a continuation mark (`,` `;` `:` dash) or the next line starts in lower case (wrapped text) |
//! | SB2-WRAP | in hard-wrapped text (paragraphs of three lines or more, 30 to 120 chars wide, that run on in lower case), a line that ends only because the next word did not fit goes on |
//! | SB3 | a full stop between digits (`3.5`, `80.5%`) is not a boundary |
//! | SB4 | abbreviations from `data/abbreviations.toml`: `continues` never end a sentence, `may_end` only before a sentence starter |
//! | SB5 | initials (`S. Jaishankar`, `J. D. Vance`) and dotted capitals (`U.A.E.`) end a sentence only before a sentence starter |
//! | SB6 | closing quotes and brackets after terminal punctuation belong to the sentence they close (`partnership."`, `?"`, `? ”`) |
//! | SB7 | terminal punctuation (`.` `!` `?` `…` `...`, and `؟` `۔` `।` `॥` `։` `።` of other scripts) ends a sentence only before white space and a word that does not continue it: lower case, `,` `;` `:`, or an attribution dash (`them. - the publication writes.`) continue the sentence |
//! | SB8 | bullet lines (`•`, `-`, `*`, `1.`) are sentences of their own; the marker is not part of the sentence |
//! | SB9 | spans are trimmed of white space (NBSP, tabs, zero-width marks included) |
//! | SB10 | line ends are `\n`, `\r\n`, lone `\r`, U+2028, U+0085; U+2029 ends a paragraph |
//! | SB11 | a piece with no letter or digit (`***`, `—`) is not a sentence |
//! | SB12 | a runaway piece (no boundary for more than [`MAX_SENTENCE_BYTES`]) is cut at white space |

use crate::hash::FastSet;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::model::Span;

/// The longest sentence the splitter returns (rule SB12). Text without punctuation for
/// pages on end is cut at the last white space before this many bytes.
pub const MAX_SENTENCE_BYTES: usize = 4096;

/// The abbreviation lists of `data/abbreviations.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Abbreviations {
    /// Tokens (with their dots) after which a sentence never ends: "Mr.", "e.g.", "vs.".
    #[serde(default)]
    pub continues: Vec<String>,
    /// Tokens that end a sentence only before a word of `starters`: "U.S.", "Inc.", "Jan.".
    #[serde(default)]
    pub may_end: Vec<String>,
    /// Capitalised words that begin a sentence after an abbreviation or initial.
    #[serde(default)]
    pub starters: Vec<String>,
}

impl Abbreviations {
    /// The lists compiled in from `data/abbreviations.toml`.
    ///
    /// # Errors
    /// When the compiled-in file is malformed (the test suite rules that out).
    pub fn builtin() -> Result<Self, serde_json::Error> {
        serde_json::from_str(include_str!(concat!(
            env!("OUT_DIR"),
            "/abbreviations.json"
        )))
    }
}

/// The abbreviation sets, as looked up while splitting.
#[derive(Debug, Default)]
struct AbbrevSets {
    continues: FastSet<String>,
    may_end: FastSet<String>,
    starters: FastSet<String>,
}

fn abbrev_sets() -> &'static AbbrevSets {
    static SETS: OnceLock<AbbrevSets> = OnceLock::new();
    SETS.get_or_init(|| {
        // A malformed built-in file is caught by the tests; at run time the splitter
        // then works without abbreviations rather than failing.
        let a = Abbreviations::builtin().unwrap_or_default();
        AbbrevSets {
            continues: a.continues.into_iter().collect(),
            may_end: a.may_end.into_iter().collect(),
            starters: a.starters.into_iter().collect(),
        }
    })
}

/// One line of a text: `[start, end)` is its content without the line terminator,
/// `next` is where the following line starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub start: usize,
    pub end: usize,
    pub next: usize,
    /// True when the line ends with U+2029 PARAGRAPH SEPARATOR (a paragraph break, SB10).
    pub paragraph_end: bool,
}

/// Iterator over the [`Line`]s of a text (rule SB10: `\n`, `\r\n`, lone `\r`, U+2028,
/// U+2029, U+0085 end lines). A text ending with a line terminator has no empty last line.
#[derive(Debug, Clone)]
pub struct Lines<'a> {
    bytes: &'a [u8],
    pos: usize,
}

/// The lines of `s`; see [`Lines`].
///
/// ```
/// use entente_core::text::lines;
/// let v: Vec<_> = lines("a\r\nb\rc\n").map(|l| (l.start, l.end)).collect();
/// assert_eq!(v, [(0, 1), (3, 4), (5, 6)]);
/// ```
pub fn lines(s: &str) -> Lines<'_> {
    lines_from(s, 0)
}

/// The lines of `s` from byte `pos`, which must be where a line starts (0, or a
/// [`Line::next`]): a scan that stops can go on from there.
pub(crate) fn lines_from(s: &str, pos: usize) -> Lines<'_> {
    Lines {
        bytes: s.as_bytes(),
        pos,
    }
}

impl Iterator for Lines<'_> {
    type Item = Line;
    fn next(&mut self) -> Option<Line> {
        let b = self.bytes;
        let start = self.pos;
        if start >= b.len() {
            return None;
        }
        let mut i = start;
        while i < b.len() {
            // Most bytes cannot start a line end: skip them with one test each.
            if !MAY_END_LINE[usize::from(b[i])] {
                i += 1;
                continue;
            }
            match b[i] {
                b'\n' => {
                    self.pos = i + 1;
                    return Some(line(start, i, i + 1, false));
                }
                b'\r' => {
                    let next = if b.get(i + 1) == Some(&b'\n') {
                        i + 2
                    } else {
                        i + 1
                    };
                    self.pos = next;
                    return Some(line(start, i, next, false));
                }
                // U+0085 NEL is C2 85.
                0xC2 if b.get(i + 1) == Some(&0x85) => {
                    self.pos = i + 2;
                    return Some(line(start, i, i + 2, false));
                }
                // U+2028 LINE SEPARATOR is E2 80 A8, U+2029 PARAGRAPH SEPARATOR is E2 80 A9.
                0xE2 if b.get(i + 1) == Some(&0x80)
                    && matches!(b.get(i + 2), Some(0xA8 | 0xA9)) =>
                {
                    self.pos = i + 3;
                    return Some(line(start, i, i + 3, b[i + 2] == 0xA9));
                }
                _ => i += 1,
            }
        }
        self.pos = b.len();
        Some(line(start, b.len(), b.len(), false))
    }
}

/// The bytes a line end can start with: `\n`, `\r`, and the lead bytes of U+0085 (C2)
/// and U+2028/U+2029 (E2).
const MAY_END_LINE: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t[0xC2] = true;
    t[0xE2] = true;
    t
};

fn line(start: usize, end: usize, next: usize, paragraph_end: bool) -> Line {
    Line {
        start,
        end,
        next,
        paragraph_end,
    }
}

/// White space for trimming (SB9): Unicode white space (tabs, NBSP, ...) plus the
/// zero-width marks that pasted text carries (BOM, ZWSP, word joiner).
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{FEFF}' | '\u{200B}' | '\u{2060}' | '\u{180E}')
}

/// `s` without leading and trailing [`is_space`] characters.
pub fn trim(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// The sub-span of `span` in `body` without leading and trailing white space (SB9).
pub fn trim_span(body: &str, span: Span) -> Span {
    let Some(s) = body.get(span.start..span.end) else {
        return Span::new(span.start, span.start);
    };
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let t = s.trim_matches(is_space);
    Span::new(span.start + lead, span.start + lead + t.len())
}

/// Terminal punctuation (SB7). Full-width CJK marks end a sentence without a following
/// space. Other scripts' marks: the Arabic question mark `؟`, the Urdu full stop `۔`,
/// the Devanagari dandas `।` `॥`, the Armenian `։` and the Ethiopic `።`.
fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '…'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '。'
            | '！'
            | '？'
            | '｡'
            | '؟'
            | '۔'
            | '।'
            | '॥'
            | '։'
            | '።'
    )
}

fn is_cjk_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

/// Closing quotes and brackets that stay with the sentence they close (SB6).
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '」' | '』'
    )
}

/// Closers that cannot open a quote, so they may be absorbed after a space (`? ”`, SB6).
fn is_unambiguous_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '»' | '」' | '』')
}

/// Opening quotes and brackets: a token starts after them.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '„' | '«' | '‹' | '(' | '[' | '{' | '「' | '『'
    )
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‒' | '―')
}

/// Marks that open a bullet line (SB8).
fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '◦'
            | '▪'
            | '▫'
            | '‣'
            | '●'
            | '○'
            | '■'
            | '□'
            | '►'
            | '▶'
            | '·'
            | '∙'
            | '⁃'
            | '-'
            | '*'
            | '+'
            | '–'
            | '—'
    )
}

/// The length in bytes of a bullet or list marker at the start of `s` with the white
/// space after it (`• `, `- `, `12. `, `3) `), or 0 (SB8). Symbol bullets other than
/// `-`, `*`, `+` and dashes need no space after them.
fn bullet_len(s: &str) -> usize {
    let mut it = s.char_indices();
    let Some((_, c)) = it.next() else { return 0 };
    let after = if is_bullet(c) {
        c.len_utf8()
    } else if c.is_ascii_digit() {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 3 || !matches!(s.as_bytes().get(digits), Some(b'.' | b')')) {
            return 0;
        }
        digits + 1
    } else {
        return 0;
    };
    let rest = &s[after..];
    let space = rest.len() - rest.trim_start_matches(is_space).len();
    let needs_space = matches!(c, '-' | '*' | '+' | '–' | '—') || c.is_ascii_digit();
    if space == 0 && (needs_space || rest.is_empty()) {
        return 0;
    }
    if rest[space..].is_empty() {
        // A marker alone on a line is not a bullet of anything.
        return 0;
    }
    after + space
}

/// True when `s` (trimmed line content) is a bullet or list line (SB8).
fn is_bullet_line(s: &str) -> bool {
    bullet_len(s) > 0
}

/// Normalises `skip`: clamps to `len`, drops empty spans, sorts and merges.
fn normalise_spans(skip: &[Span], len: usize) -> Vec<Span> {
    let mut v: Vec<Span> = skip
        .iter()
        .map(|s| Span::new(s.start.min(len), s.end.min(len)))
        .filter(|s| s.start < s.end)
        .collect();
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

/// A trimmed run of visible text on one line, with whether a hard break (SB1) comes before it.
#[derive(Debug, Clone, Copy)]
struct Chunk {
    start: usize,
    end: usize,
    hard_before: bool,
}

/// Rounds `i` down to a char boundary of `s` (skip spans from callers may be off-boundary).
pub(crate) fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Rounds `i` up to a char boundary of `s`.
pub(crate) fn ceil_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Cuts lines into chunks: skipped spans and blank lines are hard breaks (SB1, SB10).
fn chunks(body: &str, skip: &[Span]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut hard = true;
    let mut k = 0; // first skip span that may still overlap
    for l in lines(body) {
        if is_separator_line(&body[l.start..l.end]) {
            hard = true; // SB1: a separator line is a blank line.
            continue;
        }
        let mut pos = l.start;
        while pos < l.end {
            while k < skip.len() && skip[k].end <= pos {
                k += 1;
            }
            // The visible piece is [pos, piece_end); a skip span ends it.
            let (piece_end, resume) = match skip.get(k) {
                Some(s) if s.start < l.end => {
                    let a = floor_boundary(body, s.start.max(pos));
                    let b = ceil_boundary(body, s.end.min(l.end).max(a));
                    (a, b)
                }
                _ => (l.end, l.end),
            };
            let t = trim_span(body, Span::new(pos, piece_end.max(pos)));
            if !t.is_empty() {
                out.push(Chunk {
                    start: t.start,
                    end: t.end,
                    hard_before: hard,
                });
                hard = false;
            }
            if resume < l.end {
                // A skip span inside the line: a hard break.
                hard = true;
                pos = resume.max(pos + 1);
                pos = ceil_boundary(body, pos);
            } else {
                if piece_end < l.end {
                    // The skip span runs to (or past) the line end.
                    hard = true;
                }
                pos = l.end;
            }
        }
        if l.paragraph_end || trim(&body[l.start..l.end]).is_empty() {
            hard = true;
        }
    }
    out
}

/// True when `line` is a separator (SB1): three or more of one of `-` `*` `_` `=` `~`
/// `—` `–`, white space allowed between them (`---`, `* * *`, `———`).
fn is_separator_line(line: &str) -> bool {
    let mut marks = line.chars().filter(|&c| !is_space(c));
    let Some(first) = marks.next() else {
        return false;
    };
    if !matches!(first, '-' | '*' | '_' | '=' | '~' | '—' | '–') {
        return false;
    }
    let mut n = 1;
    for c in marks {
        if c != first {
            return false;
        }
        n += 1;
    }
    n >= 3
}

/// The last char of `s` that is not a closer (SB6), if any.
fn last_significant(s: &str) -> Option<char> {
    s.chars().rev().find(|&c| !is_closer(c))
}

/// SB2-WRAP: hard-wrapped text is at most this many chars wide (e-mail, copies from PDFs)...
const WRAP_MAX_COLUMNS: usize = 120;
/// ... and at least this many.
const WRAP_MIN_COLUMNS: usize = 30;
/// Lines a paragraph needs to show it is wrapped.
const WRAP_MIN_LINES: usize = 3;

/// The width of `s` in chars, counting at most `WRAP_MAX_COLUMNS + 1`.
fn columns(s: &str) -> usize {
    s.chars().take(WRAP_MAX_COLUMNS + 1).count()
}

/// The width in chars of the line of `body` that ends at `end`, from the line's start
/// (skipped spans such as a dateline included), counting at most `WRAP_MAX_COLUMNS + 1`.
fn line_columns(body: &str, end: usize) -> usize {
    body[..end]
        .chars()
        .rev()
        .take_while(|&c| !matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}'))
        .take(WRAP_MAX_COLUMNS + 1)
        .count()
}

/// SB2-WRAP: the width the body was hard-wrapped at, if it was. A paragraph (lines with
/// no hard break between them) of at least [`WRAP_MIN_LINES`] lines, at most
/// [`WRAP_MAX_COLUMNS`] wide, with a line that runs on into the next (lower case or a
/// continuation mark) shows wrapping; the widest such paragraph gives the width.
fn wrap_width(body: &str, chunks: &[Chunk]) -> Option<usize> {
    let text = |c: &Chunk| &body[c.start..c.end];
    let mut width: Option<usize> = None;
    let mut i = 0;
    while i < chunks.len() {
        let mut k = i + 1;
        while k < chunks.len() && !chunks[k].hard_before {
            k += 1;
        }
        let block = &chunks[i..k];
        i = k;
        if block.len() < WRAP_MIN_LINES {
            continue;
        }
        let w = block
            .iter()
            .map(|c| line_columns(body, c.end))
            .max()
            .unwrap_or(0);
        let runs_on = block.windows(2).any(|p| {
            let (a, b) = (text(&p[0]), text(&p[1]));
            !is_bullet_line(a) && !is_bullet_line(b) && runs_on(a, b)
        });
        if (WRAP_MIN_COLUMNS..=WRAP_MAX_COLUMNS).contains(&w) && runs_on {
            width = Some(width.map_or(w, |x| x.max(w)));
        }
    }
    width
}

/// A line that plainly goes on in the next: the next starts in lower case, or the line
/// ends with a continuation mark (SB2).
fn runs_on(a: &str, b: &str) -> bool {
    b.chars().next().is_some_and(char::is_lowercase)
        || matches!(last_significant(a), Some(',' | ';' | ':' | '(' | '&' | '/'))
        || last_significant(a).is_some_and(is_dash)
}

/// SB2-WRAP: in text wrapped at `width` chars, a line without terminal punctuation that
/// ends only because the next line's first word did not fit goes on into that line
/// ("... said Russian President Vladimir\nPutin on Tuesday"). A short line (a headline)
/// is not wrapped: the next word would have fitted after it. Bullets stay apart (SB8).
/// `line_width` is the width of `a`'s whole line.
fn wrapped(a: &str, b: &str, line_width: usize, width: usize) -> bool {
    if is_bullet_line(a) || is_bullet_line(b) || last_significant(a).is_some_and(is_terminal) {
        return false;
    }
    let first_word = b.split(is_space).next().unwrap_or("");
    line_width <= width && line_width + 1 + columns(first_word) > width
}

/// True when a soft line break between `a` and `b` (same paragraph) ends a sentence (SB2, SB8).
fn line_break_ends(a: &str, b: &str) -> bool {
    if is_bullet_line(b) {
        return true; // SB8: a bullet starts its own sentence.
    }
    let b_lower = b.chars().next().is_some_and(char::is_lowercase);
    if is_bullet_line(a) {
        return !b_lower; // SB8: a wrapped bullet continues only in lower case.
    }
    match last_significant(a) {
        // Terminal punctuation: the scanner decides (SB7).
        Some(c) if is_terminal(c) => false,
        // SB2: continuation marks and wrapped lower-case lines go on.
        Some(',' | ';' | ':' | '(' | '&' | '/') => false,
        Some(c) if is_dash(c) => false,
        _ => !b_lower,
    }
}

/// Splits `body` into sentence spans, skipping the `skip` spans (page furniture).
/// Spans are sorted, disjoint, trimmed of surrounding white space, and on char boundaries.
/// `skip` may be in any order and may overlap; each skipped span is a hard break (SB1).
///
/// # Examples
/// ```
/// use entente_core::{model::Span, text::split_sentences};
/// let body = "Dr. Smith paid 3.5 dollars. He left.\n\nHeadline";
/// let got: Vec<&str> = split_sentences(body, &[]).iter().map(|s| &body[s.start..s.end]).collect();
/// assert_eq!(got, ["Dr. Smith paid 3.5 dollars.", "He left.", "Headline"]);
/// ```
pub fn split_sentences(body: &str, skip: &[Span]) -> Vec<Span> {
    let mut splitter = Splitter::new(body, skip);
    splitter.step(body, usize::MAX);
    splitter.finish()
}

/// [`split_sentences`] in steps, for an analysis that must pause (see [`crate::Job`]): the
/// same spans, a unit (lines joined across soft breaks) at a time. The body is passed to
/// every call and must be the one given to [`Splitter::new`].
#[derive(Debug, Clone)]
pub(crate) struct Splitter {
    chunks: Vec<Chunk>,
    wrap: Option<usize>,
    /// The first chunk not split yet.
    next: usize,
    out: Vec<Span>,
}

impl Splitter {
    pub fn new(body: &str, skip: &[Span]) -> Self {
        let skip = normalise_spans(skip, body.len());
        let chunks = chunks(body, &skip);
        let wrap = wrap_width(body, &chunks);
        Splitter {
            chunks,
            wrap,
            next: 0,
            out: Vec::new(),
        }
    }

    /// Splits whole units until at least `budget` bytes of the body are behind it, or all
    /// are. Returns the bytes it went past.
    pub fn step(&mut self, body: &str, budget: usize) -> usize {
        let (chunks, sets) = (&self.chunks, abbrev_sets());
        let from = self.position(body.len());
        let mut i = self.next;
        while i < chunks.len() && self.position_of(i, body.len()) - from < budget {
            // A unit: chunks joined across soft line breaks.
            let start = chunks[i].start;
            let mut j = i;
            while j + 1 < chunks.len() && !chunks[j + 1].hard_before && {
                let (a, b) = (
                    &body[chunks[j].start..chunks[j].end],
                    &body[chunks[j + 1].start..chunks[j + 1].end],
                );
                !line_break_ends(a, b)
                    || self
                        .wrap
                        .is_some_and(|w| wrapped(a, b, line_columns(body, chunks[j].end), w))
            } {
                j += 1;
            }
            split_unit(body, Span::new(start, chunks[j].end), sets, &mut self.out);
            i = j + 1;
        }
        self.next = i;
        self.position(body.len()) - from
    }

    /// True when every unit is split.
    pub fn done(&self) -> bool {
        self.next >= self.chunks.len()
    }

    /// How far into the body the split has come, in bytes.
    pub fn position(&self, len: usize) -> usize {
        self.position_of(self.next, len)
    }

    fn position_of(&self, chunk: usize, len: usize) -> usize {
        self.chunks.get(chunk).map_or(len, |c| c.start)
    }

    /// The sentences split so far (all of them once [`Splitter::done`]).
    pub fn finish(self) -> Vec<Span> {
        self.out
    }
}

/// Splits one unit (text with no hard break inside) at its sentence boundaries.
fn split_unit(body: &str, unit: Span, sets: &AbbrevSets, out: &mut Vec<Span>) {
    let s = &body[unit.start..unit.end];
    let mut piece_start = 0;
    let mut i = 0;
    while i < s.len() {
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        if !is_terminal(c) {
            i += c.len_utf8();
            continue;
        }
        let term_start = i;
        let mut j = i;
        while let Some(t) = s[j..].chars().next().filter(|&t| is_terminal(t)) {
            j += t.len_utf8();
        }
        let term_end = j;
        while let Some(t) = s[j..].chars().next().filter(|&t| is_closer(t)) {
            j += t.len_utf8();
        }
        match boundary(s, term_start, term_end, j, sets) {
            Some(end) => {
                push_piece(body, unit.start + piece_start, unit.start + end, out);
                piece_start = end;
                i = end;
            }
            None => i = j,
        }
    }
    push_piece(body, unit.start + piece_start, unit.end, out);
}

/// Decides whether the terminal run `s[term_start..term_end]` (closers to `after`) ends a
/// sentence; returns where the sentence ends.
fn boundary(
    s: &str,
    term_start: usize,
    term_end: usize,
    after: usize,
    sets: &AbbrevSets,
) -> Option<usize> {
    let term = &s[term_start..term_end];
    if term.chars().all(is_cjk_terminal) {
        return Some(after);
    }
    let rest = &s[after..];
    let Some(first) = rest.chars().next() else {
        return Some(after);
    };
    if term == "." {
        // SB3: decimal numbers (3.5, 80.5%).
        let prev = s[..term_start].chars().next_back();
        if prev.is_some_and(|p| p.is_ascii_digit()) && first.is_ascii_digit() {
            return None;
        }
    }
    if !is_space(first) {
        // SB7: "U.S.-backed", "news.com", "e.g.," go on.
        return None;
    }
    let mut end = after;
    let mut k = after + (rest.len() - rest.trim_start_matches(is_space).len());
    // SB6: a closing quote after a space (`? ”`).
    if let Some(q) = s[k..].chars().next().filter(|&q| is_unambiguous_closer(q)) {
        let qe = k + q.len_utf8();
        if s[qe..].chars().next().is_none_or(is_space) {
            end = qe;
            k = qe + (s[qe..].len() - s[qe..].trim_start_matches(is_space).len());
        }
    }
    let next = &s[k..];
    let Some(n) = next.chars().next() else {
        return Some(end);
    };
    if term == "." {
        let token = token_before(s, term_start);
        // SB8: a list number at the start of a line ("1. Russia ...").
        if !token.is_empty()
            && token.bytes().all(|b| b.is_ascii_digit())
            && token.len() <= 3
            && line_prefix_is_blank(s, term_start - token.len())
        {
            return None;
        }
        let with_dot = &s[term_start - token.len()..term_end];
        // SB4: abbreviations.
        if sets.continues.contains(with_dot) {
            return None;
        }
        if sets.may_end.contains(with_dot) || is_initials(with_dot) {
            // SB4 / SB5: only a sentence starter begins a new sentence here.
            return starts_with_starter(next, sets).then_some(end);
        }
    }
    // SB7: lower case, inner punctuation and attribution dashes continue the sentence.
    if n.is_lowercase() || matches!(n, ',' | ';' | ':') {
        return None;
    }
    if is_dash(n) {
        let after_dash = next[n.len_utf8()..].trim_start_matches(is_space);
        if after_dash.chars().next().is_some_and(char::is_lowercase) {
            return None;
        }
    }
    Some(end)
}

/// The word that ends at `dot` (exclusive), starting after white space or an opener.
fn token_before(s: &str, dot: usize) -> &str {
    let before = &s[..dot];
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| is_space(c) || is_opener(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &before[start..]
}

/// True when only white space precedes `pos` on its line within `s`. Stops at the first
/// other char, so a long line costs nothing.
fn line_prefix_is_blank(s: &str, pos: usize) -> bool {
    for c in s[..pos].chars().rev() {
        if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}') {
            return true;
        }
        if !is_space(c) {
            return false;
        }
    }
    true
}

/// Initials and dotted capitals: "S.", "J.D.", "U.A.E." (SB5).
fn is_initials(token: &str) -> bool {
    let mut chars = token.chars().peekable();
    let mut letters = 0;
    while let Some(c) = chars.next() {
        if !c.is_uppercase() || chars.next() != Some('.') {
            return false;
        }
        letters += 1;
    }
    letters > 0
}

/// True when `next` starts with a sentence starter word ("The", "He", ...).
fn starts_with_starter(next: &str, sets: &AbbrevSets) -> bool {
    let word: &str = next
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .next()
        .unwrap_or("");
    sets.starters.contains(word)
}

/// Trims a piece (SB9), drops its bullet marker (SB8), drops it when it has no letter or
/// digit (SB11), cuts it when it runs away (SB12), and appends what is left.
fn push_piece(body: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let mut t = trim_span(body, Span::new(start, end));
    let b = bullet_len(&body[t.start..t.end]);
    if b > 0 {
        t = trim_span(body, Span::new(t.start + b, t.end));
    }
    if !body[t.start..t.end].chars().any(char::is_alphanumeric) {
        return;
    }
    while t.len() > MAX_SENTENCE_BYTES {
        // A char is at most 4 bytes, so the window is never empty and `cut > t.start`.
        let window_end = floor_boundary(body, t.start + MAX_SENTENCE_BYTES);
        let window = &body[t.start..window_end];
        let cut = match window.rfind(is_space) {
            Some(i) if i > 0 => t.start + i,
            _ => window_end,
        };
        let head = trim_span(body, Span::new(t.start, cut));
        if !head.is_empty() {
            out.push(head);
        }
        t = trim_span(body, Span::new(cut, t.end));
    }
    if !body[t.start..t.end].chars().any(char::is_alphanumeric) {
        return;
    }
    if !t.is_empty() {
        out.push(t);
    }
}

/// The text of `span` with the `remove` spans (markup residue such as `[`, `](#)`, `**`)
/// taken out and white space collapsed: for showing a sentence, never for offsets.
///
/// ```
/// use entente_core::{model::Span, text::clean_text};
/// let body = "met [Sergei Shoigu](#) today";
/// assert_eq!(clean_text(body, Span::new(0, body.len()), &[Span::new(4, 5), Span::new(18, 22)]),
///            "met Sergei Shoigu today");
/// ```
pub fn clean_text(body: &str, span: Span, remove: &[Span]) -> String {
    let remove = normalise_spans(remove, body.len());
    let start = floor_boundary(body, span.start);
    let end = ceil_boundary(body, span.end.max(start));
    let mut out = String::with_capacity(end - start);
    let mut pending_space = false;
    for (i, c) in body[start..end].char_indices() {
        let at = start + i;
        if remove.iter().any(|r| r.start <= at && at < r.end) {
            continue;
        }
        if is_space(c) {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_abbreviations_parse_and_are_not_empty() {
        let a = Abbreviations::builtin().expect("data/abbreviations.toml parses");
        assert!(a.continues.iter().any(|t| t == "Mr."));
        assert!(a.may_end.iter().any(|t| t == "U.S."));
        assert!(a.starters.iter().any(|t| t == "The"));
        for t in a.continues.iter().chain(&a.may_end) {
            assert!(t.ends_with('.'), "abbreviation `{t}` must end with its dot");
            assert!(!t.contains(' '), "abbreviation `{t}` must be one token");
        }
        let both: Vec<_> = a
            .continues
            .iter()
            .filter(|t| a.may_end.contains(t))
            .collect();
        assert!(both.is_empty(), "in both lists: {both:?}");
    }

    #[test]
    fn bullet_len_cases() {
        for (name, s, want) in [
            ("dot bullet", "• Russia", "• ".len()),
            ("dash bullet", "- Russia", 2),
            ("numbered", "12. Russia", 4),
            ("paren number", "3) Russia", 3),
            ("dash without space is a word", "-Russia", 0),
            ("year is not a list", "2025. Russia", 0),
            ("decimal is not a list", "3.5 percent", 0),
            ("lone marker", "•", 0),
            ("plain", "Russia", 0),
        ] {
            assert_eq!(bullet_len(s), want, "{name}");
        }
    }

    #[test]
    fn initials_shape() {
        for (t, want) in [
            ("S.", true),
            ("J.D.", true),
            ("U.A.E.", true),
            ("s.", false),
            ("Iran.", false),
            ("3.", false),
        ] {
            assert_eq!(is_initials(t), want, "{t}");
        }
    }
}
