//! Folding text for matching (rule NORM-FOLD): Latin letters lose their diacritics,
//! curly quotes and dashes become ASCII, runs of white space become one space,
//! invisible characters go, and a machine-translation space before a word-joining
//! hyphen goes (rule NORM-HYPHEN: "Russian -Iranian" reads "Russian-Iranian").
//! Paragraph breaks stay (as one line break). Case is kept. Every folded byte remembers the byte range of the character of
//! the original text it came from, so matches map back to exact body offsets.

/// Text folded for matching, with the way back to the original.
#[derive(Debug, Clone, Default)]
pub(crate) struct Folded {
    /// The folded text.
    pub text: String,
    /// For each byte of `text`, the start (in the original, plus `base`) of the character it came from.
    starts: Vec<usize>,
    /// For each byte of `text`, the end (in the original, plus `base`) of the character it came from.
    ends: Vec<usize>,
}

impl Folded {
    /// The original byte range (plus `base`) of the folded range `[fs, fe)`, or `None`
    /// for an empty or out-of-range request.
    pub fn original(&self, fs: usize, fe: usize) -> Option<(usize, usize)> {
        if fs >= fe || fe > self.text.len() {
            return None;
        }
        Some((self.starts[fs], self.ends[fe - 1]))
    }
}

/// The ASCII letters a Latin letter with diacritics folds to, or `None` to keep it.
fn fold_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => "A",
        'Æ' => "AE",
        'Ç' | 'Ć' | 'Ĉ' | 'Ċ' | 'Č' => "C",
        'Ð' | 'Ď' | 'Đ' => "D",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ĕ' | 'Ė' | 'Ę' | 'Ě' => "E",
        'Ĝ' | 'Ğ' | 'Ġ' | 'Ģ' => "G",
        'Ĥ' | 'Ħ' => "H",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ĩ' | 'Ī' | 'Ĭ' | 'Į' | 'İ' => "I",
        'Ĳ' => "IJ",
        'Ĵ' => "J",
        'Ķ' => "K",
        'Ĺ' | 'Ļ' | 'Ľ' | 'Ŀ' | 'Ł' => "L",
        'Ñ' | 'Ń' | 'Ņ' | 'Ň' | 'Ŋ' => "N",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ŏ' | 'Ő' => "O",
        'Œ' => "OE",
        'Ŕ' | 'Ŗ' | 'Ř' => "R",
        'Ś' | 'Ŝ' | 'Ş' | 'Š' | 'Ș' => "S",
        'Ţ' | 'Ť' | 'Ŧ' | 'Ț' => "T",
        'Þ' => "Th",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ũ' | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' => "U",
        'Ŵ' => "W",
        'Ý' | 'Ŷ' | 'Ÿ' => "Y",
        'Ź' | 'Ż' | 'Ž' => "Z",
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ð' | 'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŋ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// Hyphens and dashes, all read as `-`.
fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}'
    )
}

/// Characters that are dropped: zero-width characters, soft hyphen, byte-order mark.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Combining diacritical marks (the blocks that decomposed Latin, Greek and Cyrillic
/// text uses: "a\u{301}" is "á"). After a letter they are dropped like the diacritics of
/// precomposed letters, and the letter's original range grows to cover them.
fn is_combining_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}'
    )
}

/// One character's folded form.
fn fold_char(c: char, buf: &mut [u8; 4]) -> &str {
    if let Some(s) = fold_letter(c) {
        return s;
    }
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{02BC}' | '\u{00B4}' | '`' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => "\"",
        c if is_dash(c) => "-",
        c => c.encode_utf8(buf),
    }
}

/// True for an ASCII byte that folds to itself and needs no look-around: not white space
/// and not a backtick (which folds to an apostrophe).
fn plain_ascii(b: u8) -> bool {
    b.is_ascii() && b != b'`' && !char::from(b).is_whitespace()
}

/// The character at byte `i` of `src` (`None` at the end).
fn char_at(src: &str, i: usize) -> Option<char> {
    src.get(i..)?.chars().next()
}

/// Folds `src`; original offsets are reported plus `base` (the offset of `src` in the body).
pub(crate) fn fold(src: &str, base: usize) -> Folded {
    let mut out = Folded {
        text: String::with_capacity(src.len()),
        starts: Vec::with_capacity(src.len()),
        ends: Vec::with_capacity(src.len()),
    };
    let bytes = src.as_bytes();
    let mut i = 0;
    let mut buf = [0u8; 4];
    while i < src.len() {
        // Most text: a run of ASCII bytes that fold to themselves, one byte each.
        if plain_ascii(bytes[i]) {
            let run = i;
            while i < src.len() && plain_ascii(bytes[i]) {
                i += 1;
            }
            out.text.push_str(&src[run..i]);
            out.starts.extend((run..i).map(|k| base + k));
            out.ends.extend((run + 1..=i).map(|k| base + k));
            continue;
        }
        let Some(c) = char_at(src, i) else { break };
        let next = i + c.len_utf8();
        if is_invisible(c) {
            i = next;
            continue;
        }
        if is_combining_mark(c)
            && out
                .text
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            // NORM-FOLD: "Nicola\u{301}s" reads "Nicolas"; a mention ending on the letter
            // ends after its mark.
            if let Some(last) = out.ends.last_mut() {
                *last = base + next;
            }
            i = next;
            continue;
        }
        if c.is_whitespace() {
            // A run of white space (invisible characters inside it included), counting
            // its paragraph breaks.
            let mut j = i;
            let mut breaks = 0;
            while let Some(w) = char_at(src, j).filter(|&w| w.is_whitespace() || is_invisible(w)) {
                breaks += usize::from(matches!(w, '\n' | '\u{2029}'));
                j += w.len_utf8();
            }
            let prev_letter = out
                .text
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic);
            // NORM-HYPHEN: "Russian -Iranian", "al -Assad": letter, spaces, hyphen, letter.
            let joins = prev_letter
                && char_at(src, j).is_some_and(|d| {
                    is_dash(d) && char_at(src, j + d.len_utf8()).is_some_and(char::is_alphabetic)
                });
            // A paragraph break (two line breaks or more) is kept as one line break,
            // which no name or alias crosses.
            let space = if breaks >= 2 { '\n' } else { ' ' };
            let at_edge = out.text.is_empty() || out.text.ends_with([' ', '\n']);
            if !joins && !at_edge {
                out.text.push(space);
                out.starts.push(base + i);
                out.ends.push(base + j);
            }
            i = j;
            continue;
        }
        let s = fold_char(c, &mut buf);
        for _ in 0..s.len() {
            out.starts.push(base + i);
            out.ends.push(base + next);
        }
        out.text.push_str(s);
        i = next;
    }
    out
}

/// Folds a knowledge-base alias or a lexicon phrase the same way as text.
pub(crate) fn fold_str(s: &str) -> String {
    fold(s.trim(), 0).text.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_fold_cases() {
        // (name, input, folded)
        let cases = [
            ("NORM-FOLD diacritics", "Nicolás Maduro", "Nicolas Maduro"),
            ("NORM-FOLD curly apostrophe", "Tehran’s", "Tehran's"),
            (
                "NORM-FOLD curly quotes",
                "“loyal friend”",
                "\"loyal friend\"",
            ),
            (
                "NORM-FOLD spaces collapse",
                "Vladimir \n  Putin",
                "Vladimir Putin",
            ),
            (
                "NORM-FOLD paragraph break kept",
                "Flash News\n\nBota",
                "Flash News\nBota",
            ),
            ("NORM-FOLD en dash", "Russia–Iran", "Russia-Iran"),
            ("NORM-FOLD invisible", "Pu\u{200B}tin", "Putin"),
            (
                "NORM-FOLD combining marks",
                "Nicola\u{301}s Erdog\u{306}an",
                "Nicolas Erdogan",
            ),
            ("NORM-FOLD lone combining mark kept", "\u{301}x", "\u{301}x"),
            (
                "NORM-HYPHEN machine spacing",
                "Russian -Iranian",
                "Russian-Iranian",
            ),
            (
                "NORM-HYPHEN particle",
                "Bashar al -Assad",
                "Bashar al-Assad",
            ),
            ("NORM-HYPHEN not a range", "2015 - 2025", "2015 - 2025"),
            (
                "NORM-HYPHEN not a dash clause",
                "members – Russia",
                "members - Russia",
            ),
            ("NORM-FOLD non-Latin kept", "Путин", "Путин"),
        ];
        for (name, input, want) in cases {
            assert_eq!(fold(input, 0).text, want, "{name}");
        }
    }

    #[test]
    fn norm_fold_maps_back_to_original_bytes() {
        let src = "x Nicolás  Maduro’s -Iranian";
        let f = fold(src, 100);
        let fs = f.text.find("Maduro").unwrap();
        let (s, e) = f.original(fs, fs + "Maduro".len()).unwrap();
        assert_eq!(&src[s - 100..e - 100], "Maduro");
        let fs = f.text.find("Nicolas").unwrap();
        let (s, e) = f.original(fs, fs + "Nicolas".len()).unwrap();
        assert_eq!(&src[s - 100..e - 100], "Nicolás");
        let fs = f.text.find("Iranian").unwrap();
        let (s, e) = f.original(fs, fs + 7).unwrap();
        assert_eq!(&src[s - 100..e - 100], "Iranian");
        // A decomposed accent stays inside the range of its letter.
        let src = "Nicola\u{301}s";
        let f = fold(src, 0);
        assert_eq!(f.text, "Nicolas");
        assert_eq!(f.original(0, 6), Some((0, "Nicola\u{301}".len())));
        assert_eq!(f.original(0, 7), Some((0, src.len())));
        assert_eq!(f.original(3, 3), None);
        assert_eq!(f.original(0, f.text.len() + 1), None);
    }

    #[test]
    fn norm_fold_letters_are_ascii() {
        for cp in 0xC0u32..0x250 {
            if let Some(s) = char::from_u32(cp).and_then(fold_letter) {
                assert!(s.is_ascii() && !s.is_empty(), "U+{cp:04X}");
            }
        }
    }
}
