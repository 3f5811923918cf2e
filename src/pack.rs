//! The bundled seeds analysed at build time: `build.rs` runs the built-in engine over
//! `seeds/*.txt` and writes its documents in the compact form below, which the page reads
//! at start instead of building the engine and analysing, so the first cards show without
//! waiting for either. `build.rs` includes this very file, so writer and reader are one
//! definition.
//!
//! Rules (ids used in the tests):
//! - PK1: the form is a list of tokens separated by U+001F: a list is its length then its
//!   items, `None` is U+001E, numbers and booleans are decimal, `goldstein` is the bits of
//!   its `f64` in hex (exact, and no float parser in the page: core's adds its 11 KB table
//!   of powers of five), enums by their names.
//! - PK2: text that is a slice of the body (a mention, a cue, a relation's sentence) is
//!   written as U+001E when it equals that slice, so the bodies are not stored twice;
//!   otherwise it is written out.
//! - PK3: no written value may contain a separator: [`encode`] refuses it (the build fails
//!   with the value), so [`decode`] never misreads one.
//! - PK4: [`decode`] of anything else than [`encode`]'s output, or with other bodies, gives
//!   `None`, never a panic.

use std::collections::BTreeMap;

use entente_core::{
    Actor, ActorKind, Document, Flag, Mention, Polarity, Quad, Relation, RoleInfo, Span,
};

/// Between two tokens (PK1).
const SEP: char = '\u{1f}';
/// `None`, or a slice of the body (PK1, PK2).
const NONE: &str = "\u{1e}";

/// What [`decode`] gives back.
#[derive(Debug, Clone, PartialEq)]
pub struct Unpacked {
    pub docs: Vec<Document>,
    /// The body of each document: the end of its text, `body_len` bytes long.
    pub bodies: Vec<String>,
    /// Country names by ISO alpha-3, as the knowledge base has them.
    pub country_names: BTreeMap<String, String>,
}

/// The body of a document analysed from `text`: its last `body_len` bytes (as
/// `PageCorpus::add` cuts it), when that is a slice of `text`.
pub fn body(text: &str, body_len: usize) -> Option<&str> {
    text.get(text.len().checked_sub(body_len)?..)
}

/// Writes `docs` (analysed from `texts`, in order) and the `country_names` the page needs
/// with them (ISO alpha-3, name) in the packed form.
///
/// # Errors
/// A value containing U+001F or U+001E (PK3), or documents that do not fit their texts.
pub fn encode(
    docs: &[Document],
    texts: &[&str],
    country_names: &BTreeMap<String, String>,
) -> Result<String, String> {
    if texts.len() != docs.len() {
        return Err(format!("{} documents, {} texts", docs.len(), texts.len()));
    }
    let mut w = Writer::default();
    w.num(country_names.len());
    for (code, name) in country_names {
        w.text(code)?;
        w.text(name)?;
    }
    w.num(docs.len());
    for (doc, text) in docs.iter().zip(texts) {
        let body = body(text, doc.body_len)
            .ok_or_else(|| format!("{}: no body of {} bytes", doc.path, doc.body_len))?;
        // Every field named, so a field added to the model fails to compile here.
        let Document {
            path,
            title,
            date,
            source,
            url,
            body_len,
            sentences,
            actors,
            relations,
        } = doc;
        w.text(path)?;
        for o in [title, date, source, url] {
            w.opt(o.as_deref())?;
        }
        w.num(*body_len);
        w.num(sentences.len());
        for s in sentences {
            w.span(*s);
        }
        w.num(actors.len());
        for a in actors {
            w.actor(a, body)?;
        }
        w.num(relations.len());
        for r in relations {
            w.relation(r, body, sentences)?;
        }
    }
    Ok(w.out)
}

/// Reads what [`encode`] wrote from the same `texts` (the slices of PK2 are cut from
/// their bodies). `None` when `packed` is not such a form or the texts do not fit it (PK4).
pub fn decode(packed: &str, texts: &[&str]) -> Option<Unpacked> {
    let mut r = Reader(packed.split(SEP));
    let n = r.num()?;
    let mut country_names = BTreeMap::new();
    for _ in 0..n {
        country_names.insert(r.string()?, r.string()?);
    }
    if r.num()? != texts.len() {
        return None;
    }
    let mut docs = Vec::with_capacity(texts.len());
    let mut bodies = Vec::with_capacity(texts.len());
    for text in texts {
        let path = r.string()?;
        let title = r.opt()?;
        let date = r.opt()?;
        let source = r.opt()?;
        let url = r.opt()?;
        let body_len = r.num()?;
        let body = body(text, body_len)?;
        let sentences = r.list(Reader::span)?;
        let actors = r.list(|r| r.actor(body))?;
        let relations = r.list(|r| r.relation(body, &sentences))?;
        docs.push(Document {
            path,
            title,
            date,
            source,
            url,
            body_len,
            sentences,
            actors,
            relations,
        });
        bodies.push(body.to_string());
    }
    // the whole form read, nothing after it
    r.0.next().is_none().then_some(Unpacked {
        docs,
        bodies,
        country_names,
    })
}

#[derive(Default)]
struct Writer {
    out: String,
    started: bool,
}

impl Writer {
    fn token(&mut self, t: &str) {
        if self.started {
            self.out.push(SEP);
        }
        self.started = true;
        self.out.push_str(t);
    }

    fn text(&mut self, t: &str) -> Result<(), String> {
        if t.contains(SEP) || t.contains(NONE) {
            return Err(format!("a separator in {t:?} (PK3)"));
        }
        self.token(t);
        Ok(())
    }

    fn opt(&mut self, t: Option<&str>) -> Result<(), String> {
        match t {
            None => {
                self.token(NONE);
                Ok(())
            }
            Some(t) => self.text(t),
        }
    }

    /// PK2: `t` as the body's slice at `span` when it is that slice.
    fn slice(&mut self, t: &str, body: &str, span: Span) -> Result<(), String> {
        if body.get(span.start..span.end) == Some(t) {
            self.token(NONE);
            Ok(())
        } else {
            self.text(t)
        }
    }

    fn num(&mut self, n: usize) {
        self.token(&n.to_string());
    }

    fn flag(&mut self, b: bool) {
        self.token(if b { "1" } else { "0" });
    }

    fn span(&mut self, s: Span) {
        self.num(s.start);
        self.num(s.end);
    }

    fn actor(&mut self, a: &Actor, body: &str) -> Result<(), String> {
        let Actor {
            id,
            name,
            kind,
            country,
            mentions,
            role,
            source_only,
            known,
        } = a;
        self.text(id)?;
        self.text(name)?;
        self.token(kind.as_str());
        self.opt(country.as_deref())?;
        self.num(mentions.len());
        for Mention { text, start, end } in mentions {
            self.span(Span::new(*start, *end));
            self.slice(text, body, Span::new(*start, *end))?;
        }
        match role {
            None => self.token(NONE),
            Some(RoleInfo {
                title,
                of,
                from,
                to,
            }) => {
                self.text(title)?;
                self.text(of)?;
                self.opt(from.as_deref())?;
                self.opt(to.as_deref())?;
            }
        }
        self.flag(*source_only);
        self.flag(*known);
        Ok(())
    }

    fn relation(&mut self, r: &Relation, body: &str, sentences: &[Span]) -> Result<(), String> {
        let Relation {
            sentence,
            source,
            target,
            quad,
            polarity,
            goldstein,
            cameo,
            cue,
            rule,
            flags,
            sentence_index,
            cue_span,
            event,
            reported_by,
        } = r;
        self.num(*sentence_index);
        let whole = sentences.get(*sentence_index).copied().unwrap_or_default();
        self.slice(sentence, body, whole)?;
        self.text(source)?;
        self.text(target)?;
        self.token(quad.as_str());
        self.token(polarity.as_str());
        self.token(&format!("{:x}", goldstein.to_bits()));
        self.text(cameo)?;
        self.span(*cue_span);
        self.slice(cue, body, *cue_span)?;
        self.text(rule)?;
        self.num(flags.len());
        for f in flags {
            self.token(f.as_str());
        }
        self.text(event)?;
        self.opt(reported_by.as_deref())
    }
}

struct Reader<'a>(std::str::Split<'a, char>);

impl<'a> Reader<'a> {
    fn token(&mut self) -> Option<&'a str> {
        self.0.next()
    }

    fn string(&mut self) -> Option<String> {
        self.token().filter(|t| *t != NONE).map(str::to_string)
    }

    fn opt(&mut self) -> Option<Option<String>> {
        let t = self.token()?;
        Some((t != NONE).then(|| t.to_string()))
    }

    /// PK2: the body's slice at `span`, or the text written out.
    fn slice(&mut self, body: &str, span: Span) -> Option<String> {
        match self.token()? {
            NONE => body.get(span.start..span.end).map(str::to_string),
            t => Some(t.to_string()),
        }
    }

    fn num(&mut self) -> Option<usize> {
        self.token()?.parse().ok()
    }

    fn flag(&mut self) -> Option<bool> {
        match self.token()? {
            "1" => Some(true),
            "0" => Some(false),
            _ => None,
        }
    }

    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = self.num()?;
        (0..n).map(|_| item(self)).collect()
    }

    fn span(&mut self) -> Option<Span> {
        Some(Span::new(self.num()?, self.num()?))
    }

    fn actor(&mut self, body: &str) -> Option<Actor> {
        let id = self.string()?;
        let name = self.string()?;
        let kind: ActorKind = self.token()?.parse().ok()?;
        let country = self.opt()?;
        let mentions = self.list(|r| {
            let span = r.span()?;
            Some(Mention {
                text: r.slice(body, span)?,
                start: span.start,
                end: span.end,
            })
        })?;
        let role = match self.opt()? {
            None => None,
            Some(title) => Some(RoleInfo {
                title,
                of: self.string()?,
                from: self.opt()?,
                to: self.opt()?,
            }),
        };
        Some(Actor {
            id,
            name,
            kind,
            country,
            mentions,
            role,
            source_only: self.flag()?,
            known: self.flag()?,
        })
    }

    fn relation(&mut self, body: &str, sentences: &[Span]) -> Option<Relation> {
        let sentence_index = self.num()?;
        let whole = sentences.get(sentence_index).copied().unwrap_or_default();
        let sentence = self.slice(body, whole)?;
        let source = self.string()?;
        let target = self.string()?;
        let quad: Quad = self.token()?.parse().ok()?;
        let polarity = match self.token()? {
            "support" => Polarity::Support,
            "oppose" => Polarity::Oppose,
            "neutral" => Polarity::Neutral,
            _ => return None,
        };
        let goldstein = f64::from_bits(u64::from_str_radix(self.token()?, 16).ok()?);
        let cameo = self.string()?;
        let cue_span = self.span()?;
        let cue = self.slice(body, cue_span)?;
        let rule = self.string()?;
        let flags = self.list(|r| r.token()?.parse::<Flag>().ok())?;
        Some(Relation {
            sentence,
            source,
            target,
            quad,
            polarity,
            goldstein,
            cameo,
            cue,
            rule,
            flags,
            sentence_index,
            cue_span,
            event: self.string()?,
            reported_by: self.opt()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fixture documents, each text with a header before its body, and two names.
    fn sample() -> (Vec<Document>, Vec<String>, BTreeMap<String, String>) {
        let (docs, bodies, _) = crate::fixtures::documents();
        let texts = bodies
            .iter()
            .map(|b| format!("Title: a header\n\n{b}"))
            .collect();
        let names = [("IRN", "Iran"), ("RUS", "Russia")]
            .map(|(c, n)| (c.to_string(), n.to_string()))
            .into();
        (docs, texts, names)
    }

    fn refs(texts: &[String]) -> Vec<&str> {
        texts.iter().map(String::as_str).collect()
    }

    #[test]
    fn documents_and_names_read_back_as_written_pk1() {
        let (docs, texts, names) = sample();
        let packed = encode(&docs, &refs(&texts), &names).unwrap();
        let u = decode(&packed, &refs(&texts)).unwrap();
        assert_eq!(u.docs, docs);
        assert_eq!(u.country_names, names);
        let bodies: Vec<String> = crate::fixtures::documents().1;
        assert_eq!(
            u.bodies, bodies,
            "the bodies are the texts after the header"
        );
        // a fixture relation carries a goldstein of -10.0: sign, exponent 3, mantissa 1.25
        assert!(packed.contains("\u{1f}c024000000000000\u{1f}"));
    }

    #[test]
    fn slices_of_the_body_are_not_written_out_pk2() {
        let (mut docs, texts, names) = sample();
        let packed = encode(&docs, &refs(&texts), &names).unwrap();
        let tokens: Vec<&str> = packed.split(SEP).collect();
        // the first relation's cue and sentence, and a mention, are cut from the body
        for slice in ["praised", "Putin praised Iran.", "Putin"] {
            assert!(!tokens.contains(&slice), "{slice}");
        }
        assert!(
            tokens.contains(&"test.praised"),
            "its rule id is written out"
        );
        // a mention whose text is not its span is written out, and read back as it was
        docs[0].actors[0].mentions[0].text = "Vladimir V. Putin".into();
        docs[0].relations[0].sentence = "Another sentence.".into();
        let packed = encode(&docs, &refs(&texts), &names).unwrap();
        assert!(packed.contains("Vladimir V. Putin") && packed.contains("Another sentence."));
        assert_eq!(decode(&packed, &refs(&texts)).unwrap().docs, docs);
    }

    #[test]
    fn values_holding_a_separator_are_refused_pk3() {
        let (docs, texts, names) = sample();
        for bad in ["a\u{1f}b", "\u{1e}"] {
            let mut d = docs.clone();
            d[1].title = Some(bad.into());
            let e = encode(&d, &refs(&texts), &names).unwrap_err();
            assert!(e.contains("separator"), "{e}");
        }
        assert!(encode(&docs, &refs(&texts[..1]), &names).is_err());
    }

    #[test]
    fn anything_else_reads_as_none_pk4() {
        let (docs, texts, names) = sample();
        let packed = encode(&docs, &refs(&texts), &names).unwrap();
        let texts = refs(&texts);
        // (name, packed form, texts)
        let cases: [(&str, String, Vec<&str>); 6] = [
            ("empty", String::new(), texts.clone()),
            (
                "cut short",
                packed[..packed.len() / 2].to_string(),
                texts.clone(),
            ),
            ("one token more", format!("{packed}\u{1f}0"), texts.clone()),
            ("not a number", packed.replacen("2", "x", 1), texts.clone()),
            ("fewer texts", packed.clone(), texts[..2].to_vec()),
            (
                "texts shorter than their bodies",
                packed.clone(),
                vec!["a", "b", "c"],
            ),
        ];
        for (name, p, t) in cases {
            assert_eq!(decode(&p, &t), None, "case {name}");
        }
    }
}
