//! Tokens of folded text: words are runs of letters and digits (Unicode), every
//! other character that is not white space is a token of its own, and so is a
//! line break (folding keeps one only for a paragraph break). Rules read
//! tokens around names ("the", "'s", titles, reporting verbs).

/// A token: byte range in the folded text; `word` for letters and digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub s: usize,
    pub e: usize,
    pub word: bool,
}

/// The tokens of `text`.
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(text.len() / 4 + 1);
    let mut word_start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if word_start.is_none() {
                word_start = Some(i);
            }
            continue;
        }
        if let Some(s) = word_start.take() {
            toks.push(Tok {
                s,
                e: i,
                word: true,
            });
        }
        // A line break left by folding is a paragraph break: a token names do not cross.
        if !c.is_whitespace() || c == '\n' {
            toks.push(Tok {
                s: i,
                e: i + c.len_utf8(),
                word: false,
            });
        }
    }
    if let Some(s) = word_start {
        toks.push(Tok {
            s,
            e: text.len(),
            word: true,
        });
    }
    toks
}

/// The token texts of `text` ("secretary-general" -> "secretary", "-", "general").
pub(crate) fn split_words(text: &str) -> Vec<&str> {
    tokenize(text)
        .into_iter()
        .map(|t| &text[t.s..t.e])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_cases() {
        let cases: [(&str, &str, &[&str]); 4] = [
            (
                "words and punctuation",
                "Russia's offer.",
                &["Russia", "'", "s", "offer", "."],
            ),
            (
                "hyphen",
                "secretary-general",
                &["secretary", "-", "general"],
            ),
            (
                "non-Latin letters are words",
                "Путин, Iran",
                &["Путин", ",", "Iran"],
            ),
            ("empty", "", &[]),
        ];
        for (name, text, want) in cases {
            assert_eq!(split_words(text), want, "{name}");
        }
    }
}
