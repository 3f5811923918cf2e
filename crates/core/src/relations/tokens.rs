//! Tokens: a stretch of text cut into words and punctuation marks with byte spans, each in a
//! normalised lower-case form (curly quotes and dashes folded) that lexicon phrases match.

/// One word or punctuation mark. `start..end` are byte offsets in the text given to
/// [`tokenize`] plus its `offset`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    /// Lower case; `’` -> `'`, `“ ” « »` -> `"`, dashes -> `-`.
    pub norm: Norm,
    /// True for words (letters or digits), false for punctuation.
    pub word: bool,
    /// The first character of the token's text, as written (for case checks).
    pub first: char,
}

/// How many bytes a [`Norm`] holds without allocating: nearly every word.
const INLINE: usize = 22;

/// A token's normalised text: inline when short, so tokenising allocates nothing per token.
#[derive(Clone)]
pub(crate) struct Norm(Repr);

/// Private to this module: only [`Norm::new`] and [`Norm::ascii_lower`] write one.
#[derive(Clone)]
enum Repr {
    /// Invariant: `buf[..len]` is valid UTF-8 (a copy of a `str`, or its ASCII lower case).
    Inline {
        len: u8,
        buf: [u8; INLINE],
    },
    Heap(Box<str>),
}

impl Norm {
    pub fn new(s: &str) -> Norm {
        if s.len() > INLINE {
            return Norm(Repr::Heap(s.into()));
        }
        let mut buf = [0u8; INLINE];
        buf[..s.len()].copy_from_slice(s.as_bytes());
        Norm(Repr::Inline {
            len: s.len() as u8,
            buf,
        })
    }

    /// `s` in ASCII lower case (`s.to_ascii_lowercase()`, without allocating when short).
    fn ascii_lower(s: &str) -> Norm {
        if s.len() > INLINE {
            return Norm(Repr::Heap(s.to_ascii_lowercase().into()));
        }
        let mut buf = [0u8; INLINE];
        buf[..s.len()].copy_from_slice(s.as_bytes());
        // ASCII lower case maps ASCII bytes to ASCII bytes and leaves the others: still UTF-8.
        buf.make_ascii_lowercase();
        Norm(Repr::Inline {
            len: s.len() as u8,
            buf,
        })
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Inline { len, buf } => {
                let bytes = &buf[..usize::from(*len)];
                debug_assert!(std::str::from_utf8(bytes).is_ok());
                // SAFETY: the invariant of `Repr::Inline`, kept by its only two writers
                // above. Checking it on every read cost 10% of the whole analysis.
                unsafe { std::str::from_utf8_unchecked(bytes) }
            }
            Repr::Heap(s) => s,
        }
    }
}

impl std::ops::Deref for Norm {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Norm {
    fn eq(&self, other: &Norm) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Norm {}

impl PartialEq<str> for Norm {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Norm {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Debug for Norm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn fold_punct(c: char) -> char {
    match c {
        '’' | '‘' | '`' => '\'',
        '“' | '”' | '„' | '«' | '»' => '"',
        '–' | '—' | '‐' | '‑' | '−' => '-',
        _ => c,
    }
}

/// The character at byte `i` of `text` (`None` at the end).
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// The normalised form of the word `w`: lower case, `’` -> `'`.
fn norm_word(w: &str, buf: &mut String) -> Norm {
    if w.is_ascii() {
        return Norm::ascii_lower(w);
    }
    buf.clear();
    buf.extend(w.chars().map(fold_punct).flat_map(char::to_lowercase));
    Norm::new(buf)
}

/// True when a possessive "'s" starts at byte `i`: an apostrophe, `s` or `S`, then no
/// letter or digit.
fn possessive_at(text: &str, i: usize) -> bool {
    let Some(a) = char_at(text, i).filter(|&a| is_apostrophe(a)) else {
        return false;
    };
    let k = i + a.len_utf8();
    matches!(char_at(text, k), Some('s' | 'S'))
        && char_at(text, k + 1).is_none_or(|n| !n.is_alphanumeric())
}

/// The byte length of the letter or digit at byte `i` of `text`, 0 if there is none.
#[inline]
fn alnum_len(text: &str, i: usize) -> usize {
    match text.as_bytes().get(i) {
        None => 0,
        Some(&b) if b.is_ascii() => usize::from(b.is_ascii_alphanumeric()),
        Some(_) => char_at(text, i)
            .filter(|c| c.is_alphanumeric())
            .map_or(0, char::len_utf8),
    }
}

/// The tokens of a text one by one (see [`tokenize`]).
pub(crate) struct Tokens<'a> {
    text: &'a str,
    offset: usize,
    /// Byte position of the next token (or of the white space before it).
    i: usize,
    /// The last token was a word ending at `i`: a possessive "'s" may follow.
    after_word: bool,
    /// Scratch space for lower-casing non-ASCII words.
    buf: String,
}

impl<'a> Tokens<'a> {
    pub fn new(text: &'a str, offset: usize) -> Self {
        Tokens {
            text,
            offset,
            i: 0,
            after_word: false,
            buf: String::new(),
        }
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut i = self.i;
        // White space is skipped.
        let c = loop {
            let b = *bytes.get(i)?;
            if b.is_ascii() {
                if !char::from(b).is_whitespace() {
                    break char::from(b);
                }
                i += 1;
                continue;
            }
            let c = char_at(text, i)?;
            if !c.is_whitespace() {
                break c;
            }
            i += c.len_utf8();
        };
        let offset = self.offset;
        // The possessive "'s" as its own token, right after a word.
        let after_word = std::mem::take(&mut self.after_word) && self.i == i;
        if after_word && possessive_at(text, i) {
            let e = i + c.len_utf8() + 1;
            self.i = e;
            return Some(Token {
                start: offset + i,
                end: offset + e,
                norm: Norm::new("'s"),
                word: true,
                first: c,
            });
        }
        if c.is_alphanumeric() {
            let b = i;
            let mut j = i + c.len_utf8();
            loop {
                loop {
                    while bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) {
                        j += 1;
                    }
                    let n = alnum_len(text, j);
                    if n == 0 {
                        break;
                    }
                    j += n;
                }
                // An inner apostrophe followed by letters continues the word, except "'s".
                if let Some(a) = char_at(text, j).filter(|&a| is_apostrophe(a)) {
                    let k = j + a.len_utf8();
                    if alnum_len(text, k) > 0 {
                        if possessive_at(text, j) {
                            break;
                        }
                        j = k;
                        continue;
                    }
                }
                break;
            }
            self.i = j;
            self.after_word = true;
            return Some(Token {
                start: offset + b,
                end: offset + j,
                norm: norm_word(&text[b..j], &mut self.buf),
                word: true,
                first: c,
            });
        }
        let e = i + c.len_utf8();
        self.i = e;
        let mut cbuf = [0u8; 4];
        Some(Token {
            start: offset + i,
            end: offset + e,
            norm: Norm::new(fold_punct(c).encode_utf8(&mut cbuf)),
            word: false,
            first: c,
        })
    }
}

/// Cuts `text` into tokens. Words are runs of letters and digits, with inner apostrophes
/// kept ("didn't") except the possessive "'s", which is a token of its own.
///
/// ```ignore
/// let t = tokenize("Russia's offer", 0);
/// assert_eq!(t.iter().map(|t| t.norm.as_str()).collect::<Vec<_>>(), ["russia", "'s", "offer"]);
/// ```
pub(crate) fn tokenize(text: &str, offset: usize) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    out.extend(Tokens::new(text, offset));
    out
}

/// `toks[a..b]`, clamped: never panics, empty when `a >= b`.
pub(crate) fn range(toks: &[Token], a: usize, b: usize) -> &[Token] {
    let b = b.min(toks.len());
    &toks[a.min(b)..b]
}

/// The normalised form of a lexicon phrase: its tokens joined by single spaces.
pub(crate) fn normalize_phrase(phrase: &str) -> String {
    join(&tokenize(phrase, 0))
}

/// Tokens joined by single spaces, the haystack phrases are matched in.
pub(crate) fn join(tokens: &[Token]) -> String {
    let len = tokens.iter().map(|t| t.norm.len() + 1).sum();
    let mut s = String::with_capacity(len);
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(&t.norm);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(s: &str) -> Vec<String> {
        tokenize(s, 0)
            .into_iter()
            .map(|t| t.norm.to_string())
            .collect()
    }

    #[test]
    fn tokenize_cases() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("possessive", "Russia's offer", &["russia", "'s", "offer"]),
            ("curly possessive", "Iran’s fate", &["iran", "'s", "fate"]),
            ("contraction", "didn't help", &["didn't", "help"]),
            (
                "hyphen",
                "Russia-Iran pact",
                &["russia", "-", "iran", "pact"],
            ),
            ("quotes", "“loyal friend”", &["\"", "loyal", "friend", "\""]),
            (
                "dash",
                "members – Armenia –",
                &["members", "-", "armenia", "-"],
            ),
            ("unicode", "Nicolás Maduro", &["nicolás", "maduro"]),
            ("empty", "", &[]),
            (
                "long words (past the inline Norm)",
                "Internationalisierungsbestrebungen ÜBERLÄNGSTEINHEITSVERSUCHE’s",
                &[
                    "internationalisierungsbestrebungen",
                    "überlängsteinheitsversuche",
                    "'s",
                ],
            ),
            (
                "plural possessive",
                "countries’ ties",
                &["countries", "'", "ties"],
            ),
        ];
        for (name, text, want) in cases {
            assert_eq!(norms(text), *want, "case {name}");
        }
    }

    #[test]
    fn spans_are_char_boundaries_and_offset() {
        let text = "Ünïcode “quotes” – and 'odd' ‽ text";
        for t in tokenize(text, 10) {
            assert!(text.is_char_boundary(t.start - 10) && text.is_char_boundary(t.end - 10));
            assert!(t.start < t.end);
        }
    }

    #[test]
    fn phrases_normalise_like_text() {
        assert_eq!(normalize_phrase("Paid  Tribute to"), "paid tribute to");
        assert_eq!(normalize_phrase("S-300"), "s - 300");
    }
}
