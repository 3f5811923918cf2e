//! The five seed articles, read by hand: titles, dates, furniture and specific sentence
//! boundaries (rule ids in the messages), plus cheap properties of every split.
//! Expected values come from reading `seeds/*.txt`, not from the program's output.

#[path = "support/seeds.rs"]
mod seeds;

use entente_core::corpus::{parse_article, Article, FurnitureRule};
use entente_core::model::Span;
use entente_core::text::split_sentences;
use seeds::{NUMBERED as SEEDS, SEED_000, SEED_001, SEED_002, SEED_003, SEED_004};

struct Split<'a> {
    article: Article<'a>,
    spans: Vec<Span>,
}

impl<'a> Split<'a> {
    fn new(raw: &'a str) -> Self {
        let article = parse_article(raw);
        let spans = split_sentences(article.body, &article.furniture);
        Split { article, spans }
    }
    fn sentences(&self) -> Vec<&'a str> {
        self.spans
            .iter()
            .map(|s| &self.article.body[s.start..s.end])
            .collect()
    }
    fn has(&self, sentence: &str) -> bool {
        self.sentences().contains(&sentence)
    }
    fn furniture_texts(&self, rule: FurnitureRule) -> Vec<&'a str> {
        self.article
            .furniture_marks
            .iter()
            .filter(|m| m.rule == rule)
            .map(|m| &self.article.body[m.span.start..m.span.end])
            .collect()
    }
    /// Asserts that `sentence` is one whole sentence.
    fn assert_sentence(&self, seed: &str, rule: &str, sentence: &str) {
        assert!(
            self.has(sentence),
            "seed {seed} ({rule}): missing sentence {sentence:?}\nsentences: {:#?}",
            self.sentences()
        );
    }
    /// Asserts that no sentence contains `text` (it is furniture).
    fn assert_not_in_sentences(&self, seed: &str, rule: &str, text: &str) {
        let bad: Vec<&str> = self
            .sentences()
            .into_iter()
            .filter(|s| s.contains(text))
            .collect();
        assert!(bad.is_empty(), "seed {seed} ({rule}): {text:?} in {bad:?}");
    }
}

/// Sentence counts, from reading each article paragraph by paragraph.
#[test]
fn sentence_counts_per_seed() {
    // 000: 2 + 2 + 1 + 5 + 2 + 2 + 1 + 1 + 1.
    // 001: headline + 36 sentences of text, the pull quotes (FU6) not counted; the line
    //      "The Iranian leadership seeks [tangible support](#)" and its continuation
    //      after a blank line are two (SB1: no sentence spans a blank line).
    // 002: headline + 2 bullets + 9 sentences of text.
    // 003: headline + 21.
    // 004: headline + 4 + 7 + 9 + 5 + 7 + 4 + 7 + 4.
    for ((seed, raw), want) in SEEDS.iter().zip([17, 37, 12, 22, 48]) {
        assert_eq!(Split::new(raw).spans.len(), want, "seed {seed}");
    }
}

#[test]
fn seed_000_le_monde_via_unn() {
    let s = Split::new(SEED_000);
    let a = &s.article;
    assert_eq!(a.date.as_deref(), Some("2026-03-03"), "FU7 date token");
    assert_eq!(
        a.title.as_deref(),
        Some("After the fall of Bashar al-Assad in Syria and Nicolas Maduro in Venezuela…")
    );
    assert_eq!(
        s.furniture_texts(FurnitureRule::Dateline),
        ["date 2026-03-03"]
    );
    let first = s.sentences()[0];
    assert!(
        first.starts_with("After the fall of Bashar al-Assad"),
        "FU7: {first:?}"
    );
    assert!(
        first.ends_with("after the death of Ali Khamenei."),
        "SB7: {first:?}"
    );
    s.assert_sentence(
        "000",
        "SB7",
        "Le Monde writes about this with reference to analysts, reports UNN.",
    );
    s.assert_sentence(
        "000",
        "SB7 attribution dash",
        "The Russian president watched them fall one by one without lifting a finger to protect them. - the publication writes.",
    );
    let quote = s
        .sentences()
        .into_iter()
        .find(|t| t.starts_with("It is noted that in a letter of condolences"))
        .expect("the condolences sentence");
    assert!(
        quote.ends_with("comprehensive strategic partnership.\""),
        "SB6: {quote:?}"
    );
    let opening = s
        .sentences()
        .into_iter()
        .find(|t| t.starts_with("\"While condemning"))
        .expect("SB6: the quoted paragraph starts a sentence");
    assert!(
        opening.ends_with("negotiations with Ukraine."),
        "SB7: {opening:?}"
    );
    s.assert_sentence(
        "000",
        "SB6 single quotes",
        "At first glance, Russia's powerlessness reflects 'a strategic decline both regionally and globally.'",
    );
    s.assert_sentence(
        "000",
        "SB7",
        "For example, in the summer of 2025, Donald Trump directly rejected Russia's offer to mediate in Iran.",
    );
    assert!(
        s.sentences()
            .iter()
            .any(|t| t.starts_with("The very existence")
                && t.ends_with("secondary strategic role,\" analysts note.")),
        "SB7: the quote's last sentence keeps its attribution"
    );
    s.assert_sentence(
        "000",
        "SB7 attribution dash",
        "It is rather about arrangements and practices of mutual assistance – for example, \"Shahed\" for technology. - analysts add.",
    );
    s.assert_sentence(
        "000",
        "SB7 attribution dash",
        "This means restrained but constant support aimed at strengthening the coercive capabilities of the Islamic Republic while maintaining plausible deniability. - researchers emphasize.",
    );
    let last = *s.sentences().last().unwrap();
    assert!(last.starts_with("Russia continues to refuse") && last.ends_with("Iranian officials."));
}

#[test]
fn seed_001_tomorrows_affairs() {
    let s = Split::new(SEED_001);
    let a = &s.article;
    assert_eq!(
        a.title.as_deref(),
        Some("Is Iran next on the list of allies Russia has abandoned?")
    );
    assert_eq!(
        a.date, None,
        "\"3 January\" and \"1979\" in the text are not a dateline"
    );
    assert_eq!(a.author.as_deref(), Some("Tomorrow's Affairs Staff"), "FU4");
    s.assert_not_in_sentences("001", "FU4", "Tomorrow's Affairs Staff");
    assert_eq!(
        s.sentences()[0],
        "Is Iran next on the list of allies Russia has abandoned?"
    );
    s.assert_sentence("001", "SB2 subheading", "Tehran expects tangible support");
    s.assert_sentence("001", "SB2 subheading", "The Russian response is excluded");
    s.assert_sentence("001", "SB2 subheading", "Moscow's double game");
    s.assert_sentence(
        "001",
        "FU8 markup kept inside the sentence",
        "A little earlier, on Monday, another close associate of Putin, [Sergei Shoigu](#), spoke with the head of the Iranian security council, Ali Larijani, and condemned \"the latest attempt by foreign forces to interfere in Iran's internal affairs.\"",
    );
    let markup: Vec<&str> = a.markup.iter().map(|m| &a.body[m.start..m.end]).collect();
    assert_eq!(markup, ["[", "](#)", "[", "](#)", "**", "**"], "FU8");
    s.assert_sentence(
        "001",
        "SB1",
        "The Iranian leadership seeks [tangible support](#)",
    );
    s.assert_sentence("001", "SB3 percent", "China is by far the largest **buyer of Iranian oil**, with around 80% of total Iranian exports.");
    s.assert_sentence("001", "SB7", "However, Russia cannot provide this.");
    // FU6: pull quotes are furniture; the sentences they copy are text, once.
    assert_eq!(
        s.furniture_texts(FurnitureRule::Duplicate),
        [
            "Moscow has recently supplied Tehran with armoured vehicles and attack helicopters",
            "Russia's involvement in the war in Syria in 2015 was the peak of its alliance with Iran",
            "BRICS will suffer another reputational crisis considering the missing support in times of crisis of its two members –",
            "Russia and Iran",
        ]
    );
    let supplied: Vec<&str> = s
        .sentences()
        .into_iter()
        .filter(|t| t.contains("armoured vehicles"))
        .collect();
    assert_eq!(
        supplied,
        ["According to some reports, Moscow has recently supplied Tehran with armoured vehicles and attack helicopters, presumably to more effectively suppress a mass civil uprising."]
    );
    assert!(
        !s.has("Russia and Iran"),
        "FU6 continuation of the pull quote"
    );
    s.assert_sentence(
        "001",
        "SB7",
        "Russia's involvement in the war in Syria in 2015 was the peak of its alliance with Iran, as both countries supported Bashar al-Assad.",
    );
    let last = *s.sentences().last().unwrap();
    assert!(
        last.starts_with("This post-Soviet NATO-like")
            && last.ends_with("conflict with Azerbaijan.")
    );
}

#[test]
fn seed_002_roya_news() {
    let s = Split::new(SEED_002);
    let a = &s.article;
    assert_eq!(
        a.title.as_deref(),
        Some("Putin says Russia remains ‘reliable partner’ to Iran amid questions over backing")
    );
    assert_eq!(
        a.date, None,
        "\"8 hours ago\" and \"Saturday\" are not dates"
    );
    for (rule, text) in [
        ("FU2", "Welcome to Roya News"),
        ("FU5", "Vladimir Putin (left) & Mojtaba Khamenei (right)"),
        ("FU3", "Image 1 from gallery"),
        ("FU1", "Listen to this story:"),
        ("FU3", "0:00"),
        ("FU2", "Note: AI technology"),
        ("FU1", "Published :"),
        ("FU1", "Last Updated :"),
        ("FU3", "hours ago|"),
    ] {
        s.assert_not_in_sentences("002", rule, text);
    }
    assert!(
        !s.has("1"),
        "FU3: the lone gallery counter is not a sentence"
    );
    let ids: Vec<&str> = a.furniture_marks.iter().map(|m| m.rule.id()).collect();
    assert_eq!(
        ids,
        ["FU2", "FU5", "FU3", "FU3", "FU1", "FU3", "FU2", "FU1", "FU3", "FU1", "FU3"]
    );
    let first: Vec<&str> = s.sentences().into_iter().take(3).collect();
    assert_eq!(
        first,
        [
            "Putin says Russia remains ‘reliable partner’ to Iran amid questions over backing",
            "Russia support for Iran is now under scrutiny amid crisis",
            "Russia-Iran pact lacks defense clause amid nuclear concerns",
        ],
        "SB2 headline, SB8 two bullet lines"
    );
    s.assert_sentence(
        "002",
        "SB6 quote then attribution",
        "\"Vladimir Putin wished the Iranian people to overcome the harsh trials with dignity and stressed that in this difficult time Moscow remains a loyal friend and reliable partner of Tehran,\" said the Kremlin.",
    );
    s.assert_sentence(
        "002",
        "SB6 comma inside curly quotes",
        "In a message marking the Persian New Year, Putin expressed hope that the Iranian people would overcome current challenges “with dignity,” signaling continued political support as tensions in the region persist.",
    );
    s.assert_sentence(
        "002",
        "SB7",
        "Despite these assurances, the extent of Russia’s backing remains under scrutiny.",
    );
    let last = *s.sentences().last().unwrap();
    assert!(
        last.starts_with("Additionally, Russia has stated")
            && last.ends_with("across the Middle East.")
    );
}

#[test]
fn seed_003_guardian_via_bota() {
    let s = Split::new(SEED_003);
    let a = &s.article;
    assert_eq!(
        a.title.as_deref(),
        Some("The Guardian: Why the fall of the Iranian regime would be a serious blow to Russia")
    );
    assert_eq!(a.date, None);
    assert_eq!(
        s.furniture_texts(FurnitureRule::Exact),
        ["Flash News", "Bota", "Latest news"]
    );
    assert_eq!(
        s.furniture_texts(FurnitureRule::Duplicate),
        ["The Guardian: Why the fall of the Iranian regime would be a serious blow to"],
        "FU6: the truncated repeat of the headline"
    );
    assert_eq!(
        s.sentences()[0],
        "The Guardian: Why the fall of the Iranian regime would be a serious blow to Russia",
        "the headline is a sentence once"
    );
    assert_eq!(
        s.sentences()
            .iter()
            .filter(|t| t.starts_with("The Guardian:"))
            .count(),
        1
    );
    s.assert_sentence(
        "003",
        "SB6 comma inside curly quotes",
        "When foreign policy officials from Russia and Iran gathered in Moscow for the conference “Russian-Iranian Cooperation in a Changing World,” no one expected that the title would be so topical and challenging.",
    );
    s.assert_sentence(
        "003",
        "SB7",
        "A source close to the Russian Foreign Ministry emphasizes that the Kremlin will not arm Iran or get involved in the conflict, doing everything to encourage the US to return to diplomacy, to preserve relations with the American administration and to avoid a negative turn in the American position towards Ukraine.",
    );
    let last = *s.sentences().last().unwrap();
    assert!(last.starts_with("Essentially, Russia") && last.ends_with("geopolitical ambitions."));
}

#[test]
fn seed_004_responsible_statecraft_via_arabic() {
    let s = Split::new(SEED_004);
    let a = &s.article;
    assert_eq!(a.title.as_deref(), Some("Russia may abandon Iran"));
    assert_eq!(
        a.date, None,
        "years in the text (2015, 2025) are not a dateline"
    );
    assert_eq!(
        s.furniture_texts(FurnitureRule::Exact),
        ["get mobile application"]
    );
    assert_eq!(s.sentences()[0], "Russia may abandon Iran");
    s.assert_sentence(
        "004",
        "SB7 inside an unclosed quote",
        "In September 2015, Russia, Iran, Syria and Iraq established a joint network of intelligence exchange known as RSII.",
    );
    s.assert_sentence(
        "004",
        "SB7 hyphenated model names",
        "In 2016, Russia recently handed over the long-awaited S-300 missile defense system to Iran, and even Moscow played the role of mediator between Tehran and Riyadh in OPEC negotiations.",
    );
    s.assert_sentence(
        "004",
        "SB6 closing quote after a space",
        "Now the question arises: What will happen to this relationship in the absence of Assad and with the increasing possibility of a ceasefire or a peace agreement in Ukraine? ”",
    );
    s.assert_sentence(
        "004",
        "SB6 closing quote before a comma",
        "This strategy began to bear fruit, as Russia launched the Iranian military satellite “Khayyam”, which indicates the deepening of technological cooperation.",
    );
    s.assert_sentence(
        "004",
        "SB7",
        "This transformation may be a major challenge for Iran.",
    );
    s.assert_not_in_sentences("004", "FU1", "get mobile application");
}

/// Cheap properties of every seed's split and furniture.
#[test]
fn seed_properties() {
    for (seed, raw) in SEEDS {
        let s = Split::new(raw);
        let body = s.article.body;
        let mut prev = 0;
        for sp in &s.spans {
            let t = &body[sp.start..sp.end];
            assert!(
                !t.is_empty() && t == t.trim(),
                "seed {seed}: untrimmed {t:?}"
            );
            assert!(sp.start >= prev, "seed {seed}: sorted, disjoint");
            prev = sp.end;
            for f in &s.article.furniture {
                assert!(
                    f.end <= sp.start || sp.end <= f.start,
                    "seed {seed}: {t:?} overlaps furniture"
                );
            }
            assert!(
                !t.contains("\n\n"),
                "seed {seed} SB1: {t:?} spans a blank line"
            );
        }
        for w in s.article.furniture.windows(2) {
            assert!(
                w[0].end <= w[1].start,
                "seed {seed}: furniture sorted, disjoint"
            );
        }
        // Furniture marks whole lines, or the dateline token at a line start.
        for m in &s.article.furniture_marks {
            let before = &body[..m.span.start];
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            assert!(
                body[line_start..m.span.start].trim().is_empty(),
                "seed {seed}: {m:?}"
            );
        }
        // Sentences cover most of the body: furniture and blank lines are a small part.
        let covered: usize = s.spans.iter().map(Span::len).sum();
        assert!(
            covered * 10 > body.len() * 8,
            "seed {seed}: sentences cover most of the body"
        );
    }
}
