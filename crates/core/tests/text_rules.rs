//! Sentence-splitting rules (SB1-SB12 in `src/text.rs`), one named case per row, and
//! properties checked on generated text.

use entente_core::model::Span;
use entente_core::text::{clean_text, lines, split_sentences, MAX_SENTENCE_BYTES};

/// (rule id, case name, text, expected sentences)
type Case = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
);

const CASES: &[Case] = &[
    // SB1: blank lines end sentences; no sentence spans one.
    ("SB1", "blank line ends a line without punctuation", "Russia and Iran\n\nsigned a treaty.", &["Russia and Iran", "signed a treaty."]),
    ("SB1", "blank line of spaces and tabs", "One day\n  \t\nTwo days", &["One day", "Two days"]),
    ("SB1", "blank line inside an open quote", "He said “we will help\n\nIran” today.", &["He said “we will help", "Iran” today."]),
    ("SB1", "paragraph separator", "Putin spoke\u{2029}Iran listened", &["Putin spoke", "Iran listened"]),
    // SB2: headlines and short lines stand alone; wrapped text does not.
    ("SB2", "headline then text on the next line", "Russia may abandon Iran\nThe website stated it.", &["Russia may abandon Iran", "The website stated it."]),
    ("SB2", "two headline lines", "Flash\nNews Today", &["Flash", "News Today"]),
    ("SB2", "wrapped line continues in lower case", "Putin said that Russia\nwould help Iran.", &["Putin said that Russia\nwould help Iran."]),
    ("SB2", "line ending with a comma continues", "Putin, Lavrov,\nShoigu met.", &["Putin, Lavrov,\nShoigu met."]),
    ("SB2", "line ending with a colon continues", "Lavrov said:\n“Nothing will change.”", &["Lavrov said:\n“Nothing will change.”"]),
    ("SB2", "line ending with a dash continues", "Two members –\nRussia and Iran.", &["Two members –\nRussia and Iran."]),
    ("SB2", "text with no punctuation at all", "putin praised iran", &["putin praised iran"]),
    ("SB2", "headline with a closing quote", "Putin says Russia remains ‘reliable partner’\nThe Kremlin said so.", &["Putin says Russia remains ‘reliable partner’", "The Kremlin said so."]),
    // SB3: decimal numbers.
    ("SB3", "decimal number", "Growth was 3.5 percent. Exports rose.", &["Growth was 3.5 percent.", "Exports rose."]),
    ("SB3", "decimal percentage", "Around 80.5% of exports go to China. Russia follows.", &["Around 80.5% of exports go to China.", "Russia follows."]),
    ("SB3", "year ends a sentence", "It began in 2022. Russia invaded.", &["It began in 2022.", "Russia invaded."]),
    ("SB3", "number starts the next sentence", "Sanctions followed. 80% of trade stopped.", &["Sanctions followed.", "80% of trade stopped."]),
    // SB4: abbreviations.
    ("SB4", "titles before names", "Mr. Putin met Dr. Smith in St. Petersburg.", &["Mr. Putin met Dr. Smith in St. Petersburg."]),
    ("SB4", "ranks before names", "Gen. Gerasimov met Lt. Col. Ivanov and Sgt. Petrov.", &["Gen. Gerasimov met Lt. Col. Ivanov and Sgt. Petrov."]),
    ("SB4", "U.S. before a name", "The U.S. President spoke. Iran replied.", &["The U.S. President spoke.", "Iran replied."]),
    ("SB4", "U.S. before a sentence starter", "Sanctions came from the U.S. The Kremlin replied.", &["Sanctions came from the U.S.", "The Kremlin replied."]),
    ("SB4", "U.K. at the end of the text", "They flew to the U.K.", &["They flew to the U.K."]),
    ("SB4", "e.g. and i.e.", "Allies, e.g. Iran, i.e. Tehran, waited.", &["Allies, e.g. Iran, i.e. Tehran, waited."]),
    ("SB4", "e.g. before a capital", "Partners, e.g. Iran and Syria, waited.", &["Partners, e.g. Iran and Syria, waited."]),
    ("SB4", "vs.", "Russia vs. Ukraine is a war. It goes on.", &["Russia vs. Ukraine is a war.", "It goes on."]),
    ("SB4", "month abbreviation before a day", "On Jan. 5 talks began. Feb. 3 saw more.", &["On Jan. 5 talks began.", "Feb. 3 saw more."]),
    ("SB4", "No. before a number", "Resolution No. 2231 expired. Iran objected.", &["Resolution No. 2231 expired.", "Iran objected."]),
    ("SB4", "etc. before a starter", "Drones, missiles, etc. The list grew.", &["Drones, missiles, etc.", "The list grew."]),
    ("SB4", "Inc. before a name", "Rosoboronexport Inc. Moscow office closed.", &["Rosoboronexport Inc. Moscow office closed."]),
    // SB5: initials and dotted capitals.
    ("SB5", "one initial", "S. Jaishankar met Lavrov. They talked.", &["S. Jaishankar met Lavrov.", "They talked."]),
    ("SB5", "two initials", "J. D. Vance spoke with Putin.", &["J. D. Vance spoke with Putin."]),
    ("SB5", "joined initials", "J.D. Vance spoke with Putin.", &["J.D. Vance spoke with Putin."]),
    ("SB5", "dotted capitals not listed", "The U.A.E. Foreign Minister spoke.", &["The U.A.E. Foreign Minister spoke."]),
    ("SB5", "letter before a starter ends", "They chose option B. The talks failed.", &["They chose option B.", "The talks failed."]),
    // SB6: closing quotes and brackets stay with their sentence.
    ("SB6", "straight quote closes", "He called it \"a strategic partnership.\" Iran agreed.", &["He called it \"a strategic partnership.\"", "Iran agreed."]),
    ("SB6", "question in quotes then a new sentence", "\"Is Iran next?\" The paper asked it.", &["\"Is Iran next?\"", "The paper asked it."]),
    ("SB6", "question in quotes then lower case", "\"Is Iran next?\" he asked.", &["\"Is Iran next?\" he asked."]),
    ("SB6", "curly double quotes", "“Russia is a loyal friend.” Tehran listened.", &["“Russia is a loyal friend.”", "Tehran listened."]),
    ("SB6", "curly single quotes", "‘We will help.’ Moscow said nothing.", &["‘We will help.’", "Moscow said nothing."]),
    ("SB6", "guillemets", "«Nous aiderons.» Moscou se tait.", &["«Nous aiderons.»", "Moscou se tait."]),
    ("SB6", "closing quote after a space", "Will it last? ” Nobody knows.", &["Will it last? ”", "Nobody knows."]),
    ("SB6", "bracket", "(Russia denied it.) Iran did not.", &["(Russia denied it.)", "Iran did not."]),
    ("SB6", "comma inside quotes continues", "“With dignity,” Putin said.", &["“With dignity,” Putin said."]),
    // SB7: terminal punctuation, ellipses, continuations.
    ("SB7", "ellipsis before a capital", "Russia waited... Then it acted.", &["Russia waited...", "Then it acted."]),
    ("SB7", "unicode ellipsis before a capital", "Russia waited… Then it acted.", &["Russia waited…", "Then it acted."]),
    ("SB7", "ellipsis before lower case", "Russia waited… and waited.", &["Russia waited… and waited."]),
    ("SB7", "exclamation", "Never! Russia said so.", &["Never!", "Russia said so."]),
    ("SB7", "question and exclamation run", "Really?! Yes.", &["Really?!", "Yes."]),
    ("SB7", "attribution dash", "They watched them fall. - the publication writes.", &["They watched them fall. - the publication writes."]),
    ("SB7", "dash before a capital ends", "They watched. — The end came.", &["They watched.", "The end came."]),
    ("SB7", "no space after a full stop", "See news.com for more. Iran.", &["See news.com for more.", "Iran."]),
    ("SB7", "dotted compound", "U.S.-backed forces advanced. Iran objected.", &["U.S.-backed forces advanced.", "Iran objected."]),
    ("SB7", "lower case after a full stop", "He said no. and then left.", &["He said no. and then left."]),
    ("SB7", "sentence ends at a line end", "Russia spoke.\nIran listened.", &["Russia spoke.", "Iran listened."]),
    ("SB7", "full-width terminal", "俄罗斯发言。伊朗倾听。", &["俄罗斯发言。", "伊朗倾听。"]),
    // SB8: bullets.
    ("SB8", "bullet lines", "Key points:\n  • Russia support for Iran is now under scrutiny amid crisis\n  • Russia-Iran pact lacks defense clause amid nuclear concerns", &["Key points:", "Russia support for Iran is now under scrutiny amid crisis", "Russia-Iran pact lacks defense clause amid nuclear concerns"]),
    ("SB8", "dash bullets", "- Iran\n- Syria", &["Iran", "Syria"]),
    ("SB8", "numbered list", "1. Russia signed.\n2. Iran agreed.", &["Russia signed.", "Iran agreed."]),
    ("SB8", "wrapped bullet in lower case", "• Russia supports Iran\n  with words only", &["Russia supports Iran\n  with words only"]),
    ("SB8", "hyphen inside a word is no bullet", "Russia-Iran ties\nGrew fast", &["Russia-Iran ties", "Grew fast"]),
    // SB9: trimming.
    ("SB9", "NBSP and tabs trimmed", "\u{a0}\tRussia spoke.\u{a0} ", &["Russia spoke."]),
    ("SB9", "zero-width marks trimmed", "\u{feff}Russia spoke.\u{200b}", &["Russia spoke."]),
    ("SB9", "NBSP between sentences", "Russia spoke.\u{a0}Iran listened.", &["Russia spoke.", "Iran listened."]),
    // SB10: line ends.
    ("SB10", "CRLF", "Russia spoke.\r\n\r\nIran listened.\r\n", &["Russia spoke.", "Iran listened."]),
    ("SB10", "lone CR", "Headline\rText follows.", &["Headline", "Text follows."]),
    ("SB10", "lone CR blank line", "Russia spoke\r\rIran listened", &["Russia spoke", "Iran listened"]),
    ("SB10", "line separator", "Headline\u{2028}Text follows.", &["Headline", "Text follows."]),
    ("SB10", "next line", "Headline\u{85}Text follows.", &["Headline", "Text follows."]),
    // SB11: pieces without letters or digits.
    ("SB11", "punctuation-only lines", "***\n\n—\n\nRussia spoke.", &["Russia spoke."]),
    ("SB11", "empty", "", &[]),
    ("SB11", "white space only", "  \n\t\r\n\u{a0}", &[]),
    ("SB11", "lone full stops", ". . .", &[]),
];

fn texts(body: &str, spans: &[Span]) -> Vec<String> {
    spans
        .iter()
        .map(|s| body[s.start..s.end].to_string())
        .collect()
}

#[test]
fn sentence_rules() {
    let mut failures = Vec::new();
    for &(rule, name, text, want) in CASES {
        let got = texts(text, &split_sentences(text, &[]));
        if got != want {
            failures.push(format!("{rule} {name}:\n   got  {got:?}\n   want {want:?}"));
        }
        check_properties(text, &[], &split_sentences(text, &[]));
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// (rule id, case name, text, skip spans as (start, end), expected sentences)
type SkipCase = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(usize, usize)],
    &'static [&'static str],
);

const SKIP_CASES: &[SkipCase] = &[
    (
        "SB1",
        "skipped line",
        "Listen to this story:\nRussia spoke.",
        &[(0, 21)],
        &["Russia spoke."],
    ),
    (
        "SB1",
        "skipped token at the start",
        "date 2026-03-03 After the fall. Next one.",
        &[(0, 15)],
        &["After the fall.", "Next one."],
    ),
    (
        "SB1",
        "skip inside a line is a hard break",
        "Russia spoke XXXX Iran listened.",
        &[(13, 17)],
        &["Russia spoke", "Iran listened."],
    ),
    (
        "SB1",
        "skipped line between lines of one paragraph",
        "Putin said that\nAD\nwould help.",
        &[(16, 18)],
        &["Putin said that", "would help."],
    ),
    (
        "SB1",
        "skip over several lines",
        "A one.\nX\nY\nB two.",
        &[(7, 10)],
        &["A one.", "B two."],
    ),
    (
        "SB1",
        "unsorted overlapping skips",
        "aa bb. cc dd. ee ff.",
        &[(7, 10), (0, 3), (1, 3)],
        &["bb.", "dd. ee ff."],
    ),
    (
        "SB1",
        "skip past the end is clamped",
        "Russia spoke.",
        &[(7, 999)],
        &["Russia"],
    ),
    (
        "SB1",
        "reversed skip is ignored",
        "Russia spoke.",
        &[(9, 3)],
        &["Russia spoke."],
    ),
    (
        "SB1",
        "skip off a char boundary",
        "Café Iran. Next.",
        &[(4, 5)],
        &["Caf", "Iran.", "Next."],
    ),
];

#[test]
fn skip_rules() {
    let mut failures = Vec::new();
    for &(rule, name, text, skip, want) in SKIP_CASES {
        let skip: Vec<Span> = skip.iter().map(|&(a, b)| Span::new(a, b)).collect();
        let spans = split_sentences(text, &skip);
        let got = texts(text, &spans);
        if got != want {
            failures.push(format!("{rule} {name}:\n   got  {got:?}\n   want {want:?}"));
        }
        check_properties(text, &skip, &spans);
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// SB12: text with no boundary for pages is cut at white space into bounded pieces.
#[test]
fn sb12_runaway_text_is_cut_at_white_space() {
    let body = "word ".repeat(5000);
    let spans = split_sentences(&body, &[]);
    assert!(spans.len() >= 5, "{} pieces", spans.len());
    for s in &spans {
        assert!(s.len() <= MAX_SENTENCE_BYTES);
        assert!(body[s.start..s.end].starts_with("word") && body[s.start..s.end].ends_with("word"));
    }
    let words: usize = spans
        .iter()
        .map(|s| body[s.start..s.end].split(' ').count())
        .sum();
    assert_eq!(words, 5000, "no word lost or split");
    check_properties(&body, &[], &spans);
}

/// SB12 regression: a runaway piece without any white space is cut on char boundaries.
#[test]
fn sb12_runaway_without_spaces_is_cut_on_char_boundaries() {
    let body = "é".repeat(5000);
    let spans = split_sentences(&body, &[]);
    let total: usize = spans.iter().map(Span::len).sum();
    assert_eq!(total, body.len());
    check_properties(&body, &[], &spans);
}

#[test]
fn lines_handle_every_terminator() {
    let s = "a\nb\r\nc\rd\u{2028}e\u{2029}f\u{85}g";
    let got: Vec<&str> = lines(s).map(|l| &s[l.start..l.end]).collect();
    assert_eq!(got, ["a", "b", "c", "d", "e", "f", "g"]);
    let para: Vec<bool> = lines(s).map(|l| l.paragraph_end).collect();
    assert_eq!(para, [false, false, false, false, true, false, false]);
    assert_eq!(lines("").count(), 0);
    assert_eq!(lines("x\n").count(), 1);
}

#[test]
fn clean_text_removes_markup_and_collapses_space() {
    let body = "The Iranian leadership seeks [tangible support](#)\n  now";
    let open = body.find('[').unwrap();
    let close = body.find("](#)").unwrap();
    let span = Span::new(0, body.len());
    let marks = [Span::new(open, open + 1), Span::new(close, close + 4)];
    assert_eq!(
        clean_text(body, span, &marks),
        "The Iranian leadership seeks tangible support now"
    );
}

/// The invariants every split must keep: sorted, disjoint, on char boundaries, trimmed,
/// non-empty, with a letter or digit, and outside every skipped span.
fn check_properties(body: &str, skip: &[Span], spans: &[Span]) {
    let mut prev_end = 0;
    for s in spans {
        assert!(s.start < s.end, "empty span {s:?} in {body:?}");
        assert!(
            s.start >= prev_end,
            "overlap or disorder at {s:?} in {body:?}"
        );
        assert!(body.is_char_boundary(s.start) && body.is_char_boundary(s.end));
        let t = &body[s.start..s.end];
        assert_eq!(t, entente_core::text::trim(t), "untrimmed {t:?}");
        assert!(t.chars().any(char::is_alphanumeric), "no letter in {t:?}");
        for k in skip {
            let (a, b) = (k.start.min(k.end), k.end.min(body.len()));
            assert!(
                b <= s.start || s.end <= a || a >= b,
                "{t:?} overlaps skip {k:?}"
            );
        }
        prev_end = s.end;
    }
}

/// A tiny deterministic generator, so the property test needs no extra dependency.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn generated_text_keeps_the_invariants() {
    const PIECES: &[&str] = &[
        "Russia", "iran", " ", " ", "  ", ".", ".", "?", "!", "…", "...", "\"", "”", "“", "’", "'",
        "\n", "\n\n", "\r", "\r\n", "\t", "\u{a0}", "\u{2028}", "\u{2029}", "U.S.", "Mr.", "S.",
        "3.5", "80%", "•", "- ", "1. ", "é", "😀", "俄", "。", "(", ")", "[", "](#)", "**", ",",
        ":", "—", "\u{feff}", "The", "e.g.",
    ];
    let mut rng = Lcg(0x5eed);
    for round in 0..2000 {
        let n = rng.below(60);
        let body: String = (0..n).map(|_| PIECES[rng.below(PIECES.len())]).collect();
        let skip: Vec<Span> = (0..rng.below(4))
            .map(|_| Span::new(rng.below(body.len() + 3), rng.below(body.len() + 3)))
            .collect();
        let spans = split_sentences(&body, &skip);
        check_properties(&body, &skip, &spans);
        if round % 100 == 0 {
            // Splitting is a pure function of its input.
            assert_eq!(spans, split_sentences(&body, &skip));
        }
    }
}

/// SB8 regression: the list-number test once scanned back to the start of the unit, which
/// made a long single line with many "N. " quadratic.
#[test]
fn sb8_list_number_check_is_local() {
    let body = "It rose 5. Then ".repeat(100_000);
    let spans = split_sentences(&body, &[]);
    assert_eq!(
        spans.len(),
        100_001,
        "100 000 times \"It rose 5.\", then \"Then\""
    );
    assert_eq!(&body[spans[1].start..spans[1].end], "Then It rose 5.");
    assert_eq!(&body[spans[100_000].start..spans[100_000].end], "Then");
}

/// SB8 with SB10: a numbered line after a U+2028 line separator is still a list item.
#[test]
fn sb8_list_after_line_separator() {
    let body = "Reasons:\u{2028}1. Drones were sent.\u{2028}2. Money was not.";
    let got = texts(body, &split_sentences(body, &[]));
    assert_eq!(got, ["Reasons:", "Drones were sent.", "Money was not."]);
}
