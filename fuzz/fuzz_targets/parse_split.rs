//! Fuzz target: `corpus::parse_article` and `text::split_sentences` alone, the second
//! with the furniture of the first and with skip spans read from the input's first
//! bytes (any order, overlapping, out of range, off char boundaries).

#![no_main]

use entente_core::{corpus, text, Span};
use libfuzzer_sys::fuzz_target;

fn valid(body: &str, s: Span) -> bool {
    s.start < s.end
        && s.end <= body.len()
        && body.is_char_boundary(s.start)
        && body.is_char_boundary(s.end)
}

fuzz_target!(|data: &[u8]| {
    // Up to four skip spans from the first 16 bytes (two u16 each), the rest is text.
    let (head, rest) = data.split_at(data.len().min(16));
    let skip: Vec<Span> = head
        .chunks_exact(4)
        .map(|c| {
            Span::new(
                usize::from(u16::from_le_bytes([c[0], c[1]])),
                usize::from(u16::from_le_bytes([c[2], c[3]])),
            )
        })
        .collect();
    let raw = String::from_utf8_lossy(rest);
    let art = corpus::parse_article(&raw);
    let body = art.body;
    assert_eq!(art.body_offset + body.len(), raw.len());
    for s in art.furniture.iter().chain(&art.markup) {
        assert!(valid(body, *s), "furniture or markup {s:?}");
    }
    for skip in [&art.furniture[..], &skip[..]] {
        let mut prev = 0;
        for s in text::split_sentences(body, skip) {
            assert!(valid(body, s) && s.start >= prev, "sentence {s:?}");
            prev = s.end;
        }
    }
});
