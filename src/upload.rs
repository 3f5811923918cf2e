//! Accepting a user's article: pasted text, or a file dropped on the page or chosen with
//! the file picker. Checks size, type and content before anything reaches the engine, and
//! turns the bytes into text. Pure Rust: no browser calls, tested natively.
//!
//! The checks, in order, each with the id used in its tests:
//!
//! - (U1) type: files must be named `*.txt` or `*.md` (any case); pasted text always passes;
//! - (U2) size: at most [`MAX_BYTES`];
//! - (U3) binary: a known binary signature (PDF, PNG, ZIP and so DOCX, GIF, JPEG, and a
//!   few more), a NUL byte, or more than 10% control characters in the first 8 KB;
//! - (U4) decoding: a UTF-8 byte order mark is stripped; UTF-16 with a byte order mark is
//!   decoded; invalid UTF-8 is decoded lossily with a warning counting the replacements;
//! - (U5) empty: nothing but white space is refused;
//! - (U6) the name is cleaned for display: control and bidirectional-override characters
//!   are removed and it is cut to [`MAX_NAME_CHARS`] characters, keeping its end.
//!
//! And one rule for the text box:
//!
//! - (U7) a paste longer than [`SHOW_PASTE_MAX`] bytes is held for the analysis, not put in
//!   the text box, which shows its size and first words instead ([`describe_held`]): a
//!   browser lays out all the text a box holds, over a second for 5 MB, and again to
//!   empty it. The paste goes where the box's selection was ([`splice_paste`]).

use std::fmt;

/// The largest upload accepted, in bytes (5 MB).
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// How much of the start of a file the binary check looks at (U3).
pub const SNIFF_BYTES: usize = 8 * 1024;

/// The longest display name kept, in characters (U6).
pub const MAX_NAME_CHARS: usize = 80;

/// The longest paste the text box shows, in bytes; longer ones are held (U7).
pub const SHOW_PASTE_MAX: usize = 64 * 1024;

/// U7: true when a paste of `bytes` is held rather than shown in the text box.
pub fn holds_paste(bytes: usize) -> bool {
    bytes > SHOW_PASTE_MAX
}

/// U7: `value` (the text box's) with `pasted` in place of its selection `start..end`,
/// counted in UTF-16 code units as the browser counts them; out-of-range or reversed
/// offsets are clamped, and an offset inside a character moves to its end.
///
/// ```
/// assert_eq!(entente::upload::splice_paste("Putin  Iran", 6, 6, "praised"), "Putin praised Iran");
/// ```
pub fn splice_paste(value: &str, start: usize, end: usize, pasted: &str) -> String {
    let byte_at = |units: usize| {
        let mut n = 0;
        for (i, c) in value.char_indices() {
            if n >= units {
                return i;
            }
            n += c.len_utf16();
        }
        value.len()
    };
    let (a, b) = (byte_at(start.min(end)), byte_at(start.max(end)));
    let mut out = String::with_capacity(value.len() - (b - a) + pasted.len());
    out.push_str(&value[..a]);
    out.push_str(pasted);
    out.push_str(&value[b..]);
    out
}

/// U7: how the text box shows a held paste: its size and how it starts (one look at its
/// first hundreds of bytes: counting its words would be another pass over megabytes).
///
/// ```
/// let d = entente::upload::describe_held(&"Putin praised Iran. ".repeat(5000));
/// assert_eq!(d, "0.1 MB: “Putin praised Iran. Putin praised Iran. Putin praised …”");
/// ```
pub fn describe_held(text: &str) -> String {
    let mut end = text.len().min(512);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let mut words = head.split_whitespace();
    let mut start: String = words
        .by_ref()
        .take(8)
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .filter(|c| !c.is_control() && !is_bidi_control(*c))
        .take(60)
        .collect();
    if words.next().is_some() || head.len() < text.len() || start.chars().count() == 60 {
        start.push_str(" …");
    }
    format!("{}: “{start}”", megabytes(text.len()))
}

/// An accepted article: a clean display name, its text, and a warning to show if the
/// text had to be repaired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upload {
    /// The file name cleaned for display (U6).
    pub name: String,
    /// The decoded text, without byte order mark.
    pub text: String,
    /// Set when the text was repaired (U4), e.g. invalid UTF-8 replaced with `�`.
    pub warning: Option<String>,
}

/// Why an upload was refused. `Display` gives a sentence for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UploadError {
    /// More than [`MAX_BYTES`] (U2).
    TooLarge { name: String, bytes: usize },
    /// Not text (U3).
    Binary { name: String },
    /// Nothing but white space (U5).
    Empty { name: String },
    /// Not a `.txt` or `.md` file (U1).
    UnsupportedType { name: String },
}

impl fmt::Display for UploadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UploadError::TooLarge { name, bytes } => write!(
                f,
                "{name} is {}; the limit is {}",
                megabytes(*bytes),
                megabytes(MAX_BYTES)
            ),
            UploadError::Binary { name } => write!(
                f,
                "{name} does not look like plain text (it may be a PDF, an image or a Word \
                 file); save it as plain text (.txt) and try again, or paste the text"
            ),
            UploadError::Empty { name } => {
                write!(f, "{name} is empty: there is nothing but white space in it")
            }
            UploadError::UnsupportedType { name } => write!(
                f,
                "{name} is not a text file: only .txt and .md files can be added, \
                 or paste the text instead"
            ),
        }
    }
}

impl std::error::Error for UploadError {}

/// `bytes` in MB (of 1024 × 1024 bytes) with one decimal, rounded up so that a file just
/// over the limit never reads as the limit; whole numbers print without decimals.
fn megabytes(bytes: usize) -> String {
    const MB: u64 = 1024 * 1024;
    let tenths = (bytes as u64 * 10).div_ceil(MB).max(u64::from(bytes > 0));
    if tenths % 10 == 0 {
        format!("{} MB", tenths / 10)
    } else {
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

/// Accepts text pasted into the page. `name` is what to call it (e.g. "pasted text").
///
/// # Errors
/// [`UploadError::TooLarge`] over [`MAX_BYTES`] of UTF-8, [`UploadError::Binary`] if it
/// holds NUL or mostly control characters, [`UploadError::Empty`] if only white space.
///
/// # Examples
/// ```
/// let up = entente::upload::accept_text("pasted text", "Putin praised Iran.").unwrap();
/// assert_eq!(up.text, "Putin praised Iran.");
/// ```
pub fn accept_text(name: &str, text: &str) -> Result<Upload, UploadError> {
    let name = display_name(name, "pasted text");
    if text.len() > MAX_BYTES {
        return Err(UploadError::TooLarge {
            name,
            bytes: text.len(),
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if looks_binary_text(text) {
        return Err(UploadError::Binary { name });
    }
    if text.trim().is_empty() {
        return Err(UploadError::Empty { name });
    }
    Ok(Upload {
        name,
        text: text.to_string(),
        warning: None,
    })
}

/// Accepts the bytes of a file the user dropped or chose. `name` is its file name.
///
/// # Errors
/// [`UploadError::UnsupportedType`] unless named `.txt` or `.md`, then
/// [`UploadError::TooLarge`], [`UploadError::Binary`], [`UploadError::Empty`].
///
/// # Examples
/// ```
/// use entente::upload::{accept_bytes, UploadError};
/// let up = accept_bytes("notes.TXT", b"\xEF\xBB\xBFIran and Russia").unwrap();
/// assert_eq!(up.text, "Iran and Russia");
/// let err = accept_bytes("scan.txt", b"%PDF-1.7 ...").unwrap_err();
/// assert!(matches!(err, UploadError::Binary { .. }));
/// ```
pub fn accept_bytes(name: &str, bytes: &[u8]) -> Result<Upload, UploadError> {
    let shown = display_name(name, "untitled");
    // U1: judged on the cleaned name, the one the user sees.
    if !has_text_extension(&shown) {
        return Err(UploadError::UnsupportedType { name: shown });
    }
    // U2
    if bytes.len() > MAX_BYTES {
        return Err(UploadError::TooLarge {
            name: shown,
            bytes: bytes.len(),
        });
    }
    // U4: UTF-16 with a byte order mark is full of NUL bytes, so it is decoded before the
    // binary check, which then runs on the decoded text.
    let (text, invalid, encoding) = if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        let (t, bad) = decode_utf16(rest, u16::from_le_bytes);
        (t, bad, "UTF-16")
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let (t, bad) = decode_utf16(rest, u16::from_be_bytes);
        (t, bad, "UTF-16")
    } else {
        // U3
        if binary_signature(bytes).is_some() || looks_binary_bytes(bytes) {
            return Err(UploadError::Binary { name: shown });
        }
        let rest = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
        let (t, bad) = decode_utf8(rest);
        (t, bad, "UTF-8")
    };
    if looks_binary_text(&text) {
        return Err(UploadError::Binary { name: shown });
    }
    // U5
    if text.trim().is_empty() {
        return Err(UploadError::Empty { name: shown });
    }
    let warning = (invalid > 0).then(|| {
        let noun = if invalid == 1 {
            "sequence was"
        } else {
            "sequences were"
        };
        format!("{shown} is not valid {encoding}: {invalid} invalid {noun} replaced with \u{fffd}")
    });
    Ok(Upload {
        name: shown,
        text,
        warning,
    })
}

/// U1: `.txt` or `.md`, in any case.
fn has_text_extension(name: &str) -> bool {
    let lower = name.trim_end().to_ascii_lowercase();
    lower.ends_with(".txt") || lower.ends_with(".md")
}

/// U6: the name without control or bidirectional-formatting characters, trimmed, cut to
/// [`MAX_NAME_CHARS`] characters by dropping the middle (the extension stays visible);
/// `fallback` if nothing is left.
pub fn display_name(name: &str, fallback: &str) -> String {
    let clean: Vec<char> = name
        .chars()
        .filter(|&c| !c.is_control() && !is_bidi_control(c))
        .collect();
    let start = clean.iter().take_while(|c| c.is_whitespace()).count();
    let end = clean.len()
        - clean[start..]
            .iter()
            .rev()
            .take_while(|c| c.is_whitespace())
            .count();
    let clean = &clean[start..end];
    if clean.is_empty() {
        return fallback.to_string();
    }
    if clean.len() <= MAX_NAME_CHARS {
        return clean.iter().collect();
    }
    let tail = 16;
    let head = MAX_NAME_CHARS - tail - 1;
    let mut out: String = clean[..head].iter().collect();
    out.push('…');
    out.extend(&clean[clean.len() - tail..]);
    out
}

/// Characters that reorder text on screen and can disguise a name ("txt.exe" shown as
/// "exe.txt"): LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, LRM, RLM, ALM.
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

/// U3: the kind of binary file `bytes` starts like, if any.
pub fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF-", "PDF"),
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (b"PK\x03\x04", "ZIP (or DOCX, ODT, EPUB)"),
        (b"PK\x05\x06", "ZIP"),
        (b"PK\x07\x08", "ZIP"),
        (b"GIF87a", "GIF"),
        (b"GIF89a", "GIF"),
        (b"\xFF\xD8\xFF", "JPEG"),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "Office 97-2003 (DOC, XLS)",
        ),
        (b"\x1F\x8B", "gzip"),
        (b"\x7FELF", "ELF executable"),
        (b"MZ\x90\x00", "Windows executable"),
    ];
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|&(_, kind)| kind)
}

/// U3: a NUL, or more than 10% control bytes (other than tab, LF, CR, form feed, ESC)
/// in the first [`SNIFF_BYTES`].
fn looks_binary_bytes(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B)) || b == 0x7F)
        .count();
    controls * 10 > head.len()
}

/// U3 on decoded text: the same test over the first [`SNIFF_BYTES`] characters.
fn looks_binary_text(text: &str) -> bool {
    let (mut total, mut controls) = (0usize, 0usize);
    for c in text.chars().take(SNIFF_BYTES) {
        if c == '\0' {
            return true;
        }
        total += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}' | '\u{1B}' | '\u{85}') {
            controls += 1;
        }
    }
    controls * 10 > total
}

/// U4: lossy UTF-8, and how many invalid sequences became `U+FFFD`.
fn decode_utf8(bytes: &[u8]) -> (String, usize) {
    let mut out = String::with_capacity(bytes.len());
    let mut invalid = 0;
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            out.push('\u{fffd}');
            invalid += 1;
        }
    }
    (out, invalid)
}

/// U4: lossy UTF-16 in the given byte order, and how many invalid units (lone
/// surrogates, an odd last byte) became `U+FFFD`.
fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> (String, usize) {
    let pairs = bytes.chunks_exact(2);
    let odd = !pairs.remainder().is_empty();
    let units = pairs.map(|p| unit([p[0], p[1]]));
    let mut out = String::with_capacity(bytes.len() / 2);
    let mut invalid = 0;
    for r in char::decode_utf16(units) {
        match r {
            Ok(c) => out.push(c),
            Err(_) => {
                out.push('\u{fffd}');
                invalid += 1;
            }
        }
    }
    if odd {
        out.push('\u{fffd}');
        invalid += 1;
    }
    (out, invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn u7_pastes_go_where_the_selection_was() {
        // (name, value, start, end, pasted, expected), offsets in UTF-16 units
        let cases = [
            ("empty box", "", 0, 0, "Iran", "Iran"),
            ("at the end", "Putin ", 6, 6, "Iran", "Putin Iran"),
            (
                "over a selection",
                "Putin hates Iran",
                6,
                11,
                "praised",
                "Putin praised Iran",
            ),
            (
                "reversed",
                "Putin hates Iran",
                11,
                6,
                "praised",
                "Putin praised Iran",
            ),
            ("past the end", "Putin", 99, 120, "!", "Putin!"),
            // "Тегеран" is 7 UTF-16 units of 2 bytes each; an emoji is 2 units, 4 bytes
            (
                "after Cyrillic",
                "Тегеран.",
                7,
                7,
                " Moscow",
                "Тегеран Moscow.",
            ),
            ("after an emoji", "🇮🇷 Iran", 4, 4, "!", "🇮🇷! Iran"),
            ("inside a surrogate pair", "🇮🇷 Iran", 1, 1, "!", "🇮!🇷 Iran"),
        ];
        for (name, value, a, b, pasted, want) in cases {
            assert_eq!(splice_paste(value, a, b, pasted), want, "case {name}");
        }
    }

    #[test]
    fn u7_held_pastes_are_described_by_size_words_and_start() {
        assert!(!holds_paste(SHOW_PASTE_MAX) && holds_paste(SHOW_PASTE_MAX + 1));
        let text = "Vladimir Putin praised Iran on Monday.\n\n".repeat(30_000);
        assert_eq!(
            describe_held(&text),
            "1.2 MB: “Vladimir Putin praised Iran on Monday. Vladimir Putin …”"
        );
        assert_eq!(describe_held("Iran"), "0.1 MB: “Iran”");
        // control and direction-override characters are not shown
        assert_eq!(describe_held("a\u{202e}b c"), "0.1 MB: “ab c”");
        // a long first word is cut, on a character boundary
        let long_word = "я".repeat(1000);
        assert_eq!(
            describe_held(&long_word),
            format!("0.1 MB: “{} …”", "я".repeat(60))
        );
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for u in text.encode_utf16() {
            out.extend(if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            });
        }
        out
    }

    /// What a case expects: the accepted text and warning, or the refusal.
    type Want = Result<(String, Option<String>), UploadError>;

    fn ok(text: impl Into<String>) -> Want {
        Ok((text.into(), None))
    }

    fn warned(text: &str, warning: &str) -> Want {
        Ok((text.into(), Some(warning.into())))
    }

    fn check(case: &str, got: Result<Upload, UploadError>, want: Want) {
        let got = got.map(|u| (u.text, u.warning));
        // Compare lengths first so a failure on a 5 MB text does not print it whole.
        if let (Ok((g, _)), Ok((w, _))) = (&got, &want) {
            assert_eq!(g.len(), w.len(), "{case}: text length");
        }
        assert_eq!(got, want, "{case}");
    }

    #[test]
    fn files_are_accepted_or_refused_u1_to_u5() {
        let big = vec![b'a'; MAX_BYTES + 1];
        let at_limit = vec![b'a'; MAX_BYTES];
        let ctrl: Vec<u8> = b"ab\x01\x02cd\x03efg\x04hij\x05".to_vec();
        let ansi = b"\x1b[1mBold\x1b[0m news from Moscow.\x0c\n".to_vec();
        let cases: Vec<(&str, &str, Vec<u8>, Want)> = vec![
            (
                "plain txt",
                "a.txt",
                b"Russia and Iran.".to_vec(),
                ok("Russia and Iran."),
            ),
            (
                "markdown",
                "notes.md",
                b"# Title\n\nText".to_vec(),
                ok("# Title\n\nText"),
            ),
            ("U1 extension any case", "A.TXT", b"x".to_vec(), ok("x")),
            ("U1 markdown upper case", "b.Md", b"x".to_vec(), ok("x")),
            (
                "U1 pdf name refused",
                "report.pdf",
                b"%PDF-1.4".to_vec(),
                Err(UploadError::UnsupportedType {
                    name: "report.pdf".into(),
                }),
            ),
            (
                "U1 docx refused",
                "a.docx",
                b"PK\x03\x04".to_vec(),
                Err(UploadError::UnsupportedType {
                    name: "a.docx".into(),
                }),
            ),
            (
                "U1 no extension",
                "README",
                b"text".to_vec(),
                Err(UploadError::UnsupportedType {
                    name: "README".into(),
                }),
            ),
            (
                "U1 txt only in the middle",
                "a.txt.exe",
                b"text".to_vec(),
                Err(UploadError::UnsupportedType {
                    name: "a.txt.exe".into(),
                }),
            ),
            (
                "U2 one byte over",
                "big.txt",
                big,
                Err(UploadError::TooLarge {
                    name: "big.txt".into(),
                    bytes: MAX_BYTES + 1,
                }),
            ),
            (
                "U2 exactly the limit",
                "ok.txt",
                at_limit,
                ok("a".repeat(MAX_BYTES)),
            ),
            (
                "U3 pdf named txt",
                "x.txt",
                b"%PDF-1.7\n%....".to_vec(),
                Err(UploadError::Binary {
                    name: "x.txt".into(),
                }),
            ),
            (
                "U3 png",
                "x.txt",
                b"\x89PNG\r\n\x1a\n....".to_vec(),
                Err(UploadError::Binary {
                    name: "x.txt".into(),
                }),
            ),
            (
                "U3 zip/docx",
                "x.md",
                b"PK\x03\x04\x14\x00".to_vec(),
                Err(UploadError::Binary {
                    name: "x.md".into(),
                }),
            ),
            (
                "U3 gif",
                "x.txt",
                b"GIF89a....".to_vec(),
                Err(UploadError::Binary {
                    name: "x.txt".into(),
                }),
            ),
            (
                "U3 jpeg",
                "x.txt",
                b"\xFF\xD8\xFF\xE0..JFIF".to_vec(),
                Err(UploadError::Binary {
                    name: "x.txt".into(),
                }),
            ),
            (
                "U3 NUL byte",
                "x.txt",
                b"text\0more".to_vec(),
                Err(UploadError::Binary {
                    name: "x.txt".into(),
                }),
            ),
            (
                "U3 many control bytes",
                "x.txt",
                ctrl,
                Err(UploadError::Binary {
                    name: "x.txt".into(),
                }),
            ),
            (
                "U3 escapes and form feed are text",
                "x.txt",
                ansi.clone(),
                ok(String::from_utf8(ansi).unwrap()),
            ),
            (
                "U4 UTF-8 BOM stripped",
                "x.txt",
                b"\xEF\xBB\xBFHello".to_vec(),
                ok("Hello"),
            ),
            (
                "U4 UTF-16 LE with BOM",
                "x.txt",
                utf16("Лавров and Araghchi", false),
                ok("Лавров and Araghchi"),
            ),
            (
                "U4 UTF-16 BE with BOM",
                "x.txt",
                utf16("Tehran ☀", true),
                ok("Tehran ☀"),
            ),
            (
                "U4 UTF-16 odd last byte",
                "x.txt",
                [utf16("Hi", false), vec![b'!']].concat(),
                warned(
                    "Hi\u{fffd}",
                    "x.txt is not valid UTF-16: 1 invalid sequence was replaced with \u{fffd}",
                ),
            ),
            (
                "U4 UTF-16 lone surrogate",
                "x.txt",
                [
                    vec![0xFF, 0xFE],
                    b"A\0".to_vec(),
                    vec![0x00, 0xD8],
                    b"B\0".to_vec(),
                ]
                .concat(),
                warned(
                    "A\u{fffd}B",
                    "x.txt is not valid UTF-16: 1 invalid sequence was replaced with \u{fffd}",
                ),
            ),
            (
                // Latin-1 "café", "naïve", "über": three invalid bytes, one each.
                "U4 three invalid UTF-8 sequences",
                "x.txt",
                b"caf\xE9 na\xEFve \xFCber".to_vec(),
                warned(
                    "caf\u{fffd} na\u{fffd}ve \u{fffd}ber",
                    "x.txt is not valid UTF-8: 3 invalid sequences were replaced with \u{fffd}",
                ),
            ),
            (
                "U4 truncated multibyte at the end",
                "x.txt",
                b"Moscow \xD0".to_vec(),
                warned(
                    "Moscow \u{fffd}",
                    "x.txt is not valid UTF-8: 1 invalid sequence was replaced with \u{fffd}",
                ),
            ),
            (
                "U5 zero bytes",
                "e.txt",
                vec![],
                Err(UploadError::Empty {
                    name: "e.txt".into(),
                }),
            ),
            (
                "U5 white space only",
                "e.txt",
                b" \n\t\r\n  ".to_vec(),
                Err(UploadError::Empty {
                    name: "e.txt".into(),
                }),
            ),
            (
                "U5 BOM only",
                "e.txt",
                b"\xEF\xBB\xBF".to_vec(),
                Err(UploadError::Empty {
                    name: "e.txt".into(),
                }),
            ),
            (
                "U5 UTF-16 BOM and spaces",
                "e.txt",
                utf16("  \n", false),
                Err(UploadError::Empty {
                    name: "e.txt".into(),
                }),
            ),
            (
                "U5 non-breaking spaces only",
                "e.txt",
                "\u{a0}\u{2003}\n".as_bytes().to_vec(),
                Err(UploadError::Empty {
                    name: "e.txt".into(),
                }),
            ),
            (
                "U3 UTF-16 of binary",
                "b.txt",
                [vec![0xFF, 0xFE], vec![1, 0, 2, 0, 3, 0, b'a', 0]].concat(),
                Err(UploadError::Binary {
                    name: "b.txt".into(),
                }),
            ),
        ];
        for (case, name, bytes, want) in cases {
            check(case, accept_bytes(name, &bytes), want);
        }
    }

    #[test]
    fn pasted_text_is_accepted_or_refused() {
        let cases: Vec<(&str, &str, String, Want)> = vec![
            (
                "plain",
                "pasted text",
                "Putin met Pezeshkian.".into(),
                ok("Putin met Pezeshkian."),
            ),
            (
                "U1 any name is fine for pasted text",
                "clipboard",
                "x".into(),
                ok("x"),
            ),
            ("U4 BOM stripped", "p", "\u{feff}Text".into(), ok("Text")),
            (
                "U5 blank",
                "p",
                " \n \t".into(),
                Err(UploadError::Empty { name: "p".into() }),
            ),
            (
                "U5 nothing",
                "p",
                String::new(),
                Err(UploadError::Empty { name: "p".into() }),
            ),
            (
                "U3 NUL",
                "p",
                "a\0b".into(),
                Err(UploadError::Binary { name: "p".into() }),
            ),
            (
                "U2 too large",
                "p",
                "é".repeat(MAX_BYTES / 2 + 1),
                Err(UploadError::TooLarge {
                    name: "p".into(),
                    bytes: MAX_BYTES + 2,
                }),
            ),
            ("U6 empty name falls back", "\u{7}  ", "x".into(), ok("x")),
        ];
        for (case, name, text, want) in cases {
            check(case, accept_text(name, &text), want);
        }
        assert_eq!(accept_text("", "x").unwrap().name, "pasted text");
    }

    #[test]
    fn names_are_cleaned_for_display_u6() {
        let long = format!("{}.txt", "a".repeat(200));
        let long_want = format!("{}…{}.txt", "a".repeat(63), "a".repeat(12));
        let at_cap = format!("{}.md", "b".repeat(77));
        let cyrillic = "д".repeat(100);
        let cases: Vec<(&str, &str, String)> = vec![
            ("plain", "news.txt", "news.txt".into()),
            (
                "U6 control characters removed",
                "ne\u{0}ws\n\r\t.txt",
                "news.txt".into(),
            ),
            (
                "U6 bidi override removed",
                "report\u{202E}txt.exe",
                "reporttxt.exe".into(),
            ),
            ("U6 isolates removed", "\u{2066}a\u{2069}.md", "a.md".into()),
            (
                "U6 outer white space trimmed",
                "  a b.txt  ",
                "a b.txt".into(),
            ),
            ("U6 nothing left", "\u{1b}\u{7}", "untitled".into()),
            ("U6 long name keeps its end", long.as_str(), long_want),
            (
                "U6 exactly the cap",
                at_cap.as_str(),
                format!("{}.md", "b".repeat(77)),
            ),
            (
                "U6 multibyte names cut on characters",
                cyrillic.as_str(),
                format!("{}…{}", "д".repeat(63), "д".repeat(16)),
            ),
        ];
        for (case, input, want) in cases {
            let got = display_name(input, "untitled");
            assert_eq!(got, want, "{case}");
            assert!(got.chars().count() <= MAX_NAME_CHARS, "{case}");
        }
        // The cleaned name is what errors and uploads carry.
        let err = accept_bytes("bad\u{202E}name.pdf", b"x").unwrap_err();
        assert_eq!(
            err,
            UploadError::UnsupportedType {
                name: "badname.pdf".into()
            }
        );
        let up = accept_bytes("\u{1b}[31mred.txt", b"text").unwrap();
        assert_eq!(up.name, "[31mred.txt");
    }

    #[test]
    fn error_messages_read_as_sentences() {
        let cases = [
            (
                "TooLarge 7.2 MB",
                UploadError::TooLarge { name: "x.txt".into(), bytes: 7 * 1024 * 1024 + 200 * 1024 },
                "x.txt is 7.2 MB; the limit is 5 MB",
            ),
            (
                "TooLarge one byte over never shows 5 MB",
                UploadError::TooLarge { name: "x.txt".into(), bytes: MAX_BYTES + 1 },
                "x.txt is 5.1 MB; the limit is 5 MB",
            ),
            (
                "TooLarge whole number",
                UploadError::TooLarge { name: "y.md".into(), bytes: 6 * 1024 * 1024 },
                "y.md is 6 MB; the limit is 5 MB",
            ),
            (
                "Binary",
                UploadError::Binary { name: "scan.txt".into() },
                "scan.txt does not look like plain text (it may be a PDF, an image or a Word file); save it as plain text (.txt) and try again, or paste the text",
            ),
            (
                "Empty",
                UploadError::Empty { name: "e.txt".into() },
                "e.txt is empty: there is nothing but white space in it",
            ),
            (
                "UnsupportedType",
                UploadError::UnsupportedType { name: "a.pdf".into() },
                "a.pdf is not a text file: only .txt and .md files can be added, or paste the text instead",
            ),
        ];
        for (case, err, want) in cases {
            assert_eq!(err.to_string(), want, "{case}");
        }
    }

    #[test]
    fn binary_signatures_are_named_u3() {
        let cases: [(&str, &[u8], Option<&str>); 6] = [
            ("pdf", b"%PDF-1.4", Some("PDF")),
            ("png", b"\x89PNG\r\n\x1a\nrest", Some("PNG")),
            ("docx", b"PK\x03\x04rest", Some("ZIP (or DOCX, ODT, EPUB)")),
            ("jpeg", b"\xFF\xD8\xFF\xDB", Some("JPEG")),
            ("text starting like PK", b"PKK is a party", None),
            ("short", b"%P", None),
        ];
        for (case, bytes, want) in cases {
            assert_eq!(binary_signature(bytes), want, "{case}");
        }
    }

    #[test]
    fn control_share_is_measured_on_the_first_8_kb_only_u3() {
        // 8 KB of text, then a block of control bytes: the sniff does not reach them.
        let mut bytes = vec![b'a'; SNIFF_BYTES];
        bytes.extend([1u8; 2000]);
        let up = accept_bytes("x.txt", &bytes).unwrap();
        assert_eq!(up.text.len(), SNIFF_BYTES + 2000);
        // 10% exactly passes, one more control byte in 100 fails.
        let mut ten = vec![b'a'; 90];
        ten.extend([2u8; 10]);
        assert!(accept_bytes("x.txt", &ten).is_ok());
        let mut eleven = vec![b'a'; 89];
        eleven.extend([2u8; 11]);
        assert_eq!(
            accept_bytes("x.txt", &eleven),
            Err(UploadError::Binary {
                name: "x.txt".into()
            })
        );
    }
}
