//! Article files: the header block, dates, titles and page furniture (FU1-FU8 in
//! `src/corpus.rs`), one named case per row.

use entente_core::corpus::{normalise_date, parse_article, title_from_sentence, FurnitureRule};
use entente_core::text::split_sentences;

fn sentences(raw: &str) -> Vec<String> {
    let a = parse_article(raw);
    split_sentences(a.body, &a.furniture)
        .iter()
        .map(|s| a.body[s.start..s.end].to_string())
        .collect()
}

/// The furniture of `raw` as (rule id, text) pairs.
fn furniture(raw: &str) -> Vec<(&'static str, String)> {
    let a = parse_article(raw);
    a.furniture_marks
        .iter()
        .map(|m| (m.rule.id(), a.body[m.span.start..m.span.end].to_string()))
        .collect()
}

#[test]
fn header_blocks() {
    // (name, raw, title, date, source, url, body)
    type Row = (
        &'static str,
        &'static str,
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
        &'static str,
    );
    let rows: &[Row] = &[
        ("full header", "title: T\nsource: Roya News\nurl: https://x.test/a?b=c:d\ndate: 2026-03-03\n---\nBody.", Some("T"), Some("2026-03-03"), Some("Roya News"), Some("https://x.test/a?b=c:d"), "Body."),
        ("CRLF header", "title: T\r\ndate: 3 March 2026\r\n---\r\nBody.\r\n", Some("T"), Some("2026-03-03"), None, None, "Body.\r\n"),
        ("front-matter fences", "---\ntitle: T\n---\nBody.", Some("T"), None, None, None, "Body."),
        ("keys in any case, unknown keys ignored", "Title: T\nTags: a, b\n---\nBody.", Some("T"), None, None, None, "Body."),
        ("header with nothing after it", "title: T\n---", Some("T"), None, None, None, ""),
        ("byte order mark before the header", "\u{feff}title: T\n---\nBody.", Some("T"), None, None, None, "Body."),
        ("header date that does not exist", "title: T\ndate: 2026-02-30\n---\nBody.", Some("T"), None, None, None, "Body."),
        ("header date in words", "title: T\ndate: yesterday\n---\nBody.", Some("T"), None, None, None, "Body."),
        ("header date with a time", "title: T\ndate: 2026-03-03T10:15:00Z\n---\nBody.", Some("T"), Some("2026-03-03"), None, None, "Body."),
        ("empty title falls back to the body", "title:\n---\nRussia may abandon Iran\n\nText.", Some("Russia may abandon Iran"), None, None, None, "Russia may abandon Iran\n\nText."),
        ("header without a date takes the dateline", "title: T\n---\nMarch 3, 2026\n\nText.", Some("T"), Some("2026-03-03"), None, None, "March 3, 2026\n\nText."),
        ("no header: text first", "Hello world\n---\nMore.", Some("Hello world"), None, None, None, "Hello world\n---\nMore."),
        ("no header: no closing line", "title: T\nBody text.", Some("title: T"), None, None, None, "title: T\nBody text."),
        ("no header: only unknown keys", "Note: something\n---\nBody.", Some("Note: something"), None, None, None, "Note: something\n---\nBody."),
        ("no header: key with a space", "The Guardian: Why\n---\nBody.", Some("The Guardian: Why"), None, None, None, "The Guardian: Why\n---\nBody."),
        ("no header: blank line inside (the date line is then a dateline)", "title: T\n\ndate: 2026-03-03\n---\nBody.", Some("title: T"), Some("2026-03-03"), None, None, "title: T\n\ndate: 2026-03-03\n---\nBody."),
        ("empty file", "", None, None, None, None, ""),
    ];
    for &(name, raw, title, date, source, url, body) in rows {
        let a = parse_article(raw);
        assert_eq!(a.title.as_deref(), title, "{name}: title");
        assert_eq!(a.date.as_deref(), date, "{name}: date");
        assert_eq!(a.source.as_deref(), source, "{name}: source");
        assert_eq!(a.url.as_deref(), url, "{name}: url");
        assert_eq!(a.body, body, "{name}: body");
        assert_eq!(&raw[a.body_offset..], a.body, "{name}: body_offset");
    }
}

#[test]
fn dates_are_normalised_or_rejected() {
    let rows: &[(&str, Option<&str>)] = &[
        ("2026-03-03", Some("2026-03-03")),
        ("2026/3/3", Some("2026-03-03")),
        ("2026.03.03", Some("2026-03-03")),
        ("20260303", Some("2026-03-03")),
        ("2026-03-03T10:15:00+03:00", Some("2026-03-03")),
        ("2026-03-03 10:15", Some("2026-03-03")),
        ("March 3, 2026", Some("2026-03-03")),
        ("Mar. 3 2026", Some("2026-03-03")),
        ("march 3rd, 2026", Some("2026-03-03")),
        ("3 March 2026", Some("2026-03-03")),
        ("3rd of March, 2026", Some("2026-03-03")),
        ("Tuesday, March 3, 2026", Some("2026-03-03")),
        ("Tue, 03 Mar 2026 10:15:00 GMT", Some("2026-03-03")),
        ("2024-02-29", Some("2024-02-29")),
        ("2025-02-29", None),
        ("1900-02-29", None),
        ("2026-13-01", None),
        ("2026-00-10", None),
        ("March 32, 2026", None),
        ("03/03/2026", None),
        ("2026", None),
        ("March 2026", None),
        ("yesterday", None),
        ("2026-03-03xyz", None),
        ("", None),
        ("٢٠٢٦-٠٣-٠٣", None),
        ("9999999999-99-99", None),
    ];
    for &(value, want) in rows {
        assert_eq!(normalise_date(value).as_deref(), want, "{value:?}");
    }
}

#[test]
fn datelines_at_the_top_only() {
    // (name, raw, date, furniture text)
    let rows: &[(&str, &str, Option<&str>, Option<&str>)] = &[
        (
            "FU7 date token opening the first line",
            " date 2026-03-03 After the fall. More.",
            Some("2026-03-03"),
            Some("date 2026-03-03"),
        ),
        (
            "FU7 month-first date alone",
            "March 3, 2026\n\nRussia spoke.",
            Some("2026-03-03"),
            Some("March 3, 2026"),
        ),
        (
            "FU7 day-first date alone",
            "Headline\n\n3 March 2026\n\nRussia spoke.",
            Some("2026-03-03"),
            Some("3 March 2026"),
        ),
        (
            "FU7 date with a time",
            "3 March 2026, 10:15 GMT\n\nRussia spoke.",
            Some("2026-03-03"),
            Some("3 March 2026, 10:15 GMT"),
        ),
        (
            "FU7 prefixed date",
            "Published: March 3, 2026\n\nRussia spoke.",
            Some("2026-03-03"),
            Some("Published: March 3, 2026"),
        ),
        (
            "FU7 place and dash",
            "MOSCOW, March 3, 2026 — Putin spoke.",
            Some("2026-03-03"),
            Some("MOSCOW, March 3, 2026 —"),
        ),
        (
            "FU7 no guess from a year in the text",
            "Russia invaded in 2022.\n\nIran waited.",
            None,
            None,
        ),
        (
            "FU7 no guess from a date inside a sentence",
            "On Sunday, March 1, 2026, Putin wrote.",
            None,
            None,
        ),
        (
            "FU7 no guess from a sentence starting with a date",
            "March 3, 2026 was a cold day in Moscow.",
            None,
            None,
        ),
        (
            "FU7 no guess from a day without a year",
            "Putin was silent on 3 January.",
            None,
            None,
        ),
        (
            "FU7 no dateline below the top lines",
            "a\n\nb\n\nc\n\nd\n\ne\n\nf\n\ng\n\nh\n\ni\n\nj\n\nk\n\nl\n\nm\n\nMarch 3, 2026\n",
            None,
            None,
        ),
    ];
    for &(name, raw, date, token) in rows {
        let a = parse_article(raw);
        assert_eq!(a.date.as_deref(), date, "{name}: date");
        let marked: Vec<&str> = a
            .furniture
            .iter()
            .map(|s| &a.body[s.start..s.end])
            .collect();
        match token {
            Some(t) => assert!(marked.contains(&t), "{name}: {t:?} not in {marked:?}"),
            None => assert!(marked.is_empty(), "{name}: {marked:?}"),
        }
    }
    assert_eq!(
        sentences("MOSCOW, March 3, 2026 — Putin spoke. Iran listened."),
        ["Putin spoke.", "Iran listened."]
    );
}

#[test]
fn furniture_rules() {
    // (rule id, name, raw, furniture texts with that rule)
    let rows: &[(&str, &str, &str, &[&str])] = &[
        ("FU1", "audio widget", "Listen to this story:\n0:00\n\nText.", &["Listen to this story:"]),
        ("FU1", "case and NBSP do not matter", "LATEST\u{a0}NEWS\n\nText.", &["LATEST\u{a0}NEWS"]),
        ("FU1", "space before the colon", "Published : \u{a0}\n8 hours ago|\nText.", &["Published :"]),
        ("FU1", "a sentence containing the words is text", "The latest news came late.", &[]),
        ("FU2", "welcome banner", "Welcome to Roya News, stay informed.\n\nText.", &["Welcome to Roya News, stay informed."]),
        ("FU2", "AI audio note", "Note: AI technology was used to generate this article’s audio.\n\nText.", &["Note: AI technology was used to generate this article’s audio."]),
        ("FU3", "lone number and gallery counter", "1\nImage 1 from gallery\n\nText.", &["1", "Image 1 from gallery"]),
        ("FU3", "gallery counter", "Image 12 from gallery\n\nText.", &["Image 12 from gallery"]),
        ("FU3", "player time", "0:00\n\nText.", &["0:00"]),
        ("FU3", "hours ago", "8 hours ago|\n\nText.", &["8 hours ago|"]),
        ("FU3", "a number inside a line is text", "1 of 2 drones fell.", &[]),
        ("FU4", "byline with a colon", "By: Tomorrow's Affairs Staff\n\nText.", &["By: Tomorrow's Affairs Staff"]),
        ("FU4", "byline without a colon", "By Ana Petrova and John Smith\n\nText.", &["By Ana Petrova and John Smith"]),
        ("FU4", "a sentence starting with By is text", "By providing Moscow with drones, Iran gained.", &[]),
        ("FU4", "a long By line is text", "By: the way, this line has far too many words to be a byline here", &[]),
        ("FU5", "photo caption", "Vladimir Putin (left) & Mojtaba Khamenei (right)\n\nText.", &["Vladimir Putin (left) & Mojtaba Khamenei (right)"]),
        ("FU5", "credit line", "Putin in Moscow. Photo: Reuters\n\nText.", &["Putin in Moscow. Photo: Reuters"]),
        ("FU6", "truncated repeat of the headline", "Why Russia would lose Iran\n\nWhy Russia would lose\n\nText.", &["Why Russia would lose"]),
        ("FU6", "exact repeat of a line", "Russia may abandon Iran\n\nRussia may abandon Iran\n\nText.", &["Russia may abandon Iran"]),
        ("FU6", "pull quote of a later sentence", "Moscow supplied Tehran with helicopters\n\nReports say Moscow supplied Tehran with helicopters last year.", &["Moscow supplied Tehran with helicopters"]),
        ("FU6", "pull quote broken over lines", "Russia lost two of its members –\n\nIran and Syria\n\nRussia lost two of its members – Iran and Syria.", &["Russia lost two of its members –", "Iran and Syria"]),
        ("FU6", "short lines are not compared", "Russia and Iran\n\nTalks between Russia and Iran went on.", &[]),
        ("FU6", "a headline found nowhere else stays", "Tehran expects tangible support\n\nText about support.", &[]),
        ("FU7", "date token", " date 2026-03-03 After the fall.", &["date 2026-03-03"]),
    ];
    let mut failures = Vec::new();
    for &(rule, name, raw, want) in rows {
        let got: Vec<String> = furniture(raw)
            .into_iter()
            .filter(|(id, _)| *id == rule)
            .map(|(_, t)| t)
            .collect();
        if got != want {
            failures.push(format!("{rule} {name}:\n   got  {got:?}\n   want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn fu4_byline_gives_the_author() {
    let a = parse_article("By: Tomorrow's Affairs Staff\n\nIs Iran next?\n\nText.");
    assert_eq!(a.author.as_deref(), Some("Tomorrow's Affairs Staff"));
    assert_eq!(a.title.as_deref(), Some("Is Iran next?"));
    let h = parse_article("author: A. Writer\n---\nBy: Someone Else\n\nText.");
    assert_eq!(h.author.as_deref(), Some("A. Writer"), "the header wins");
}

#[test]
fn fu8_markup_is_recorded_not_skipped() {
    let raw = "Another associate, [Sergei Shoigu](#), spoke. It was **clear**. See ![map](img.png) and [x] (y).";
    let a = parse_article(raw);
    let marks: Vec<&str> = a.markup.iter().map(|s| &a.body[s.start..s.end]).collect();
    assert_eq!(marks, ["[", "](#)", "**", "**", "![", "](img.png)"]);
    assert!(a.furniture.is_empty(), "markup is not furniture");
    assert_eq!(
        sentences(raw),
        [
            "Another associate, [Sergei Shoigu](#), spoke.",
            "It was **clear**.",
            "See ![map](img.png) and [x] (y)."
        ]
    );
}

#[test]
fn titles_are_derived_from_the_body() {
    let rows: &[(&str, &str, Option<&str>)] = &[
        (
            "headline line",
            "Russia may abandon Iran\n\nText.",
            Some("Russia may abandon Iran"),
        ),
        (
            "question headline",
            "Is Iran next?\n\nText.",
            Some("Is Iran next?"),
        ),
        (
            "furniture before the headline",
            "Flash News\n\nBota\n\nRussia waits\n\nText.",
            Some("Russia waits"),
        ),
        (
            "short first sentence loses its full stop",
            "Russia waits. Iran does not.",
            Some("Russia waits"),
        ),
        (
            "markup removed",
            "[Sergei Shoigu](#) visits Tehran\n\nText.",
            Some("Sergei Shoigu visits Tehran"),
        ),
        ("only furniture", "Latest news\n\n0:00", None),
        ("white space only", " \n\t\n", None),
    ];
    for &(name, raw, want) in rows {
        assert_eq!(parse_article(raw).title.as_deref(), want, "{name}");
    }
}

#[test]
fn long_first_sentences_are_cut_at_a_word_boundary() {
    let rows: &[(&str, &str, &str)] = &[
        (
            "cut before a comma",
            "After the fall of Bashar al-Assad in Syria and Nicolas Maduro in Venezuela, verbal support is all that Putin can offer.",
            "After the fall of Bashar al-Assad in Syria and Nicolas Maduro in Venezuela…",
        ),
        (
            "long headline without a full stop is kept",
            "Putin says Russia remains ‘reliable partner’ to Iran amid questions over backing",
            "Putin says Russia remains ‘reliable partner’ to Iran amid questions over backing",
        ),
    ];
    for &(name, sentence, want) in rows {
        let got = title_from_sentence(sentence).expect("a title");
        assert_eq!(got, want, "{name}");
        assert!(got.chars().count() <= 161, "{name}");
    }
    let word = format!("{}.", "a".repeat(99));
    assert_eq!(
        title_from_sentence(&word).as_deref(),
        Some(format!("{}…", "a".repeat(80)).as_str()),
        "one long word is cut at 80 chars"
    );
    assert_eq!(title_from_sentence("  "), None);
}

#[test]
fn furniture_spans_are_sorted_disjoint_lines_of_the_body() {
    let raw = "Flash News\r\n\r\nBota\r\n\r\nVladimir Putin (left) & X (right)\r\n1\r\nImage 1 from gallery\r\nText here.";
    let a = parse_article(raw);
    let ids: Vec<&str> = a.furniture_marks.iter().map(|m| m.rule.id()).collect();
    assert_eq!(ids, ["FU1", "FU1", "FU5", "FU3", "FU3"]);
    for w in a.furniture.windows(2) {
        assert!(w[0].end < w[1].start, "sorted and disjoint: {w:?}");
    }
    for s in &a.furniture {
        let t = &a.body[s.start..s.end];
        assert!(!t.contains('\r') && !t.contains('\n'), "{t:?}");
    }
    assert_eq!(sentences(raw), ["Text here."]);
    assert_eq!(FurnitureRule::Markup.id(), "FU8");
}

/// Nothing user-supplied may panic the parser: odd bytes, huge lines, unclosed markup.
#[test]
fn odd_input_does_not_panic() {
    let long_line = "x".repeat(100_000);
    let many_lines = "Short line here now\n".repeat(20_000);
    let inputs: Vec<String> = vec![
        String::new(),
        "---".into(),
        "---\n---\n".into(),
        "title: \u{feff}\n---\n\u{feff}".into(),
        "date: 2026-03-0\u{e9}\n---\n".into(),
        "[[[[](](](((**".into(),
        "[a](".into(),
        "**".into(),
        "\r\r\r\n\n\u{2029}\u{85}".into(),
        "By:".into(),
        "By: \n---".into(),
        " date ".into(),
        "MOSCOW, ".into(),
        "Tuesday, ".into(),
        "3 March".into(),
        "😀 date 2026-03-03 😀".into(),
        long_line,
        many_lines,
    ];
    for raw in &inputs {
        let a = parse_article(raw);
        assert!(a.body_offset <= raw.len());
        for s in a.furniture.iter().chain(&a.markup) {
            assert!(a.body.is_char_boundary(s.start) && a.body.is_char_boundary(s.end));
            assert!(s.start < s.end && s.end <= a.body.len());
        }
        let _ = split_sentences(a.body, &a.furniture);
    }
}

/// FU6 with more candidate lines than the plain-search path takes (the automaton path).
#[test]
fn fu6_many_candidates() {
    let mut raw = String::new();
    for i in 0..20 {
        raw.push_str(&format!("Headline number {i} about Russia\n\n"));
    }
    raw.push_str("Moscow supplied Tehran with helicopters\n\n");
    raw.push_str("Reports say Moscow supplied Tehran with helicopters last year.\n\n");
    raw.push_str("Headline number 7 about Russia\n");
    let dups: Vec<String> = furniture(&raw)
        .into_iter()
        .filter(|(id, _)| *id == "FU6")
        .map(|(_, t)| t)
        .collect();
    assert_eq!(
        dups,
        [
            "Moscow supplied Tehran with helicopters",
            "Headline number 7 about Russia"
        ],
        "the pull quote and the exact repeat, nothing else"
    );
}

/// FU8 regression: brackets without a link once made the link scanner quadratic.
#[test]
fn fu8_many_brackets_in_one_line() {
    let opens = format!("{}](x) end", "[".repeat(1_000_000));
    let a = parse_article(&opens);
    let marks: Vec<&str> = a.markup.iter().map(|s| &a.body[s.start..s.end]).collect();
    assert!(marks.is_empty(), "a link text over 300 bytes is left alone");
    let near = format!("{}[a](x) end", "[".repeat(100));
    let a = parse_article(&near);
    let marks: Vec<&str> = a.markup.iter().map(|s| &a.body[s.start..s.end]).collect();
    assert_eq!(marks, ["[", "](x)"], "the innermost bracket opens the link");
    let spaced = "[a](x y ".repeat(100_000);
    assert!(parse_article(&spaced).markup.is_empty());
}
