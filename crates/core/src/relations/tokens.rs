//! Tokens: a stretch of text cut into words and punctuation marks with byte spans, each in a
//! normalised lower-case form (curly quotes and dashes folded) that lexicon phrases match.

/// One word or punctuation mark. `start..end` are byte offsets in the text given to
/// [`tokenize`] plus its `offset`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    /// Lower case; `’` -> `'`, `“ ” « »` -> `"`, dashes -> `-`.
    pub norm: String,
    /// True for words (letters or digits), false for punctuation.
    pub word: bool,
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

/// Cuts `text` into tokens. Words are runs of letters and digits, with inner apostrophes
/// kept ("didn't") except the possessive "'s", which is a token of its own.
///
/// ```ignore
/// let t = tokenize("Russia's offer", 0);
/// assert_eq!(t.iter().map(|t| t.norm.as_str()).collect::<Vec<_>>(), ["russia", "'s", "offer"]);
/// ```
pub(crate) fn tokenize(text: &str, offset: usize) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| -> usize { chars.get(i).map_or(text.len(), |&(b, _)| b) };
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + 1;
            loop {
                while j < chars.len() && chars[j].1.is_alphanumeric() {
                    j += 1;
                }
                // An inner apostrophe followed by letters continues the word, except "'s".
                if j + 1 < chars.len()
                    && is_apostrophe(chars[j].1)
                    && chars[j + 1].1.is_alphanumeric()
                {
                    let possessive = (chars[j + 1].1 == 's' || chars[j + 1].1 == 'S')
                        && chars.get(j + 2).is_none_or(|&(_, n)| !n.is_alphanumeric());
                    if possessive {
                        break;
                    }
                    j += 1;
                    continue;
                }
                break;
            }
            let e = end_of(j);
            let norm: String = text[b..e]
                .chars()
                .map(fold_punct)
                .flat_map(char::to_lowercase)
                .collect();
            out.push(Token {
                start: offset + b,
                end: offset + e,
                norm,
                word: true,
            });
            i = j;
            // The possessive "'s" as its own token.
            if i + 1 < chars.len()
                && is_apostrophe(chars[i].1)
                && (chars[i + 1].1 == 's' || chars[i + 1].1 == 'S')
                && chars.get(i + 2).is_none_or(|&(_, n)| !n.is_alphanumeric())
            {
                let s = chars[i].0;
                let e = end_of(i + 2);
                out.push(Token {
                    start: offset + s,
                    end: offset + e,
                    norm: "'s".to_string(),
                    word: true,
                });
                i += 2;
            }
            continue;
        }
        let e = end_of(i + 1);
        out.push(Token {
            start: offset + b,
            end: offset + e,
            norm: fold_punct(c).to_string(),
            word: false,
        });
        i += 1;
    }
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
    let mut s = String::new();
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
        tokenize(s, 0).into_iter().map(|t| t.norm).collect()
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
