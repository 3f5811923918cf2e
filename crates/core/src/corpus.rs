//! Articles as files: the optional header block, the body, and the page furniture
//! (boilerplate lines that are not article text) marked as spans of the body.

use crate::model::Span;

/// A parsed article. `body` borrows from the raw text; all spans index into `body`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Article<'a> {
    pub title: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// Byte offset of the body in the raw text (0 when there is no header).
    pub body_offset: usize,
    pub body: &'a str,
    /// Spans of the body that are page furniture, not article text; sorted, disjoint.
    pub furniture: Vec<Span>,
}

/// Reads an article: header block (if any), body, derived title and date, furniture.
pub fn parse_article(raw: &str) -> Article<'_> {
    Article {
        body: raw,
        ..Article::default()
    }
}
