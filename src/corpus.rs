//! The page's corpus: the analysed documents (bundled seeds and the reader's own articles),
//! their bodies (for highlighting by byte span), and look-ups the views need (actor
//! names, kinds, countries, country names). Pure: no browser calls.

use std::collections::BTreeMap;

use entente_core::{ActorKind, Document, Engine, RoleInfo};

use crate::url::{Notice, ViewState};

/// Where a document came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Bundled with the page (`seeds/*.txt`).
    Seed,
    /// Added by the reader; `id` is the stored article id.
    Yours {
        id: String,
        /// A warning from reading it (e.g. invalid UTF-8 replaced).
        warning: Option<String>,
    },
}

/// One article to analyse: its key, display name, raw text and origin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Stable key used in the URL: the seed's file name, or `yours:<id>`.
    pub key: String,
    /// Display name when the text has no title.
    pub name: String,
    pub text: String,
    pub origin: Origin,
}

impl Source {
    /// The bundled articles.
    pub fn seeds(seeds: &[(&str, &str)]) -> Vec<Source> {
        seeds
            .iter()
            .map(|(name, text)| Source {
                key: name.to_string(),
                name: name.to_string(),
                text: text.to_string(),
                origin: Origin::Seed,
            })
            .collect()
    }

    /// A reader's article (`id` as stored).
    pub fn yours(id: &str, name: &str, text: &str, warning: Option<String>) -> Source {
        Source {
            key: format!("yours:{id}"),
            name: name.to_string(),
            text: text.to_string(),
            origin: Origin::Yours {
                id: id.to_string(),
                warning,
            },
        }
    }
}

/// The body of `source` as `doc` was analysed from it: the end of its text, after any
/// header (no second parse; empty if `doc` does not fit the text, which the engine's never
/// do).
fn body_of(source: &Source, doc: &Document) -> String {
    crate::pack::body(&source.text, doc.body_len)
        .unwrap_or_default()
        .to_string()
}

/// Country names from the engine's knowledge base, for [`PageCorpus::from_parts`].
fn state_name(engine: &Engine) -> impl Fn(&str) -> Option<String> + '_ {
    move |code| engine.knowledge().state(code).map(|s| s.name.clone())
}

/// What the views need to know about an actor, merged over documents.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorInfo {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    /// ISO alpha-3 of the state it is (for states, its own id) or belongs to.
    pub country: Option<String>,
    pub role: Option<RoleInfo>,
    pub source_only: bool,
}

impl ActorInfo {
    /// True for people who hold a role (leaders, ministers) at the article's date.
    pub fn is_leader(&self) -> bool {
        self.kind == ActorKind::Person && self.role.is_some()
    }
}

/// The analysed corpus the page shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageCorpus {
    pub docs: Vec<Document>,
    /// The body of each document (the text after any header block); spans index into it.
    pub bodies: Vec<String>,
    pub sources: Vec<Source>,
    /// Every actor in any document, by id.
    pub actors: BTreeMap<String, ActorInfo>,
    /// Country names by ISO alpha-3, for every code the actors use.
    pub country_names: BTreeMap<String, String>,
}

impl PageCorpus {
    /// Analyses every source with `engine`.
    pub fn build(engine: &Engine, sources: Vec<Source>) -> Self {
        let docs: Vec<Document> = sources
            .iter()
            .map(|s| engine.analyze(&s.key, &s.text))
            .collect();
        let bodies = sources
            .iter()
            .zip(&docs)
            .map(|(s, d)| body_of(s, d))
            .collect();
        Self::from_parts(docs, bodies, sources, state_name(engine))
    }

    /// The bundled seeds as the built-in engine analysed them at build time
    /// ([`crate::pack`]): the corpus [`PageCorpus::build`] makes of them, with no engine to
    /// build and nothing to analyse. `None` only if the packed form does not read, which
    /// the tests rule out.
    pub fn bundled() -> Option<Self> {
        let seeds = crate::seeds::SEEDS;
        let texts: Vec<&str> = seeds.iter().map(|(_, text)| *text).collect();
        let u = crate::pack::decode(crate::seeds::PACKED, &texts)?;
        let names = u.country_names;
        Some(Self::from_parts(
            u.docs,
            u.bodies,
            Source::seeds(seeds),
            |code| names.get(code).cloned(),
        ))
    }

    /// Assembles a corpus from documents already analysed (tests build them by hand).
    /// `state_name` gives a country's name from its code.
    pub fn from_parts(
        docs: Vec<Document>,
        bodies: Vec<String>,
        sources: Vec<Source>,
        state_name: impl Fn(&str) -> Option<String>,
    ) -> Self {
        let mut actors: BTreeMap<String, ActorInfo> = BTreeMap::new();
        let mut country_names = BTreeMap::new();
        for doc in &docs {
            for a in &doc.actors {
                let country = a
                    .country
                    .clone()
                    .or_else(|| (a.kind == ActorKind::State).then(|| a.id.clone()));
                let e = actors.entry(a.id.clone()).or_insert_with(|| ActorInfo {
                    id: a.id.clone(),
                    name: a.name.clone(),
                    kind: a.kind,
                    country: country.clone(),
                    role: a.role.clone(),
                    source_only: a.source_only,
                });
                if e.role.is_none() {
                    e.role = a.role.clone();
                }
                for code in country.iter().chain(a.role.iter().map(|r| &r.of)) {
                    if !country_names.contains_key(code) {
                        if let Some(n) = state_name(code) {
                            country_names.insert(code.clone(), n);
                        } else if a.kind == ActorKind::State && &a.id == code {
                            country_names.insert(code.clone(), a.name.clone());
                        }
                    }
                }
            }
        }
        PageCorpus {
            docs,
            bodies,
            sources,
            actors,
            country_names,
        }
    }

    /// The document with this key.
    pub fn doc_index(&self, key: &str) -> Option<usize> {
        self.docs.iter().position(|d| d.path == key)
    }

    /// The URL key of a document.
    pub fn doc_key(&self, i: usize) -> &str {
        self.docs.get(i).map(|d| d.path.as_str()).unwrap_or("")
    }

    /// The title to show for a document: its own, else the name it was added under.
    pub fn doc_title(&self, i: usize) -> String {
        let own = self
            .docs
            .get(i)
            .and_then(|d| d.title.clone())
            .filter(|t| !t.trim().is_empty());
        own.or_else(|| self.sources.get(i).map(|s| s.name.clone()))
            .unwrap_or_default()
    }

    /// True when the reader added this document.
    pub fn is_yours(&self, i: usize) -> bool {
        matches!(
            self.sources.get(i).map(|s| &s.origin),
            Some(Origin::Yours { .. })
        )
    }

    pub fn actor(&self, id: &str) -> Option<&ActorInfo> {
        self.actors.get(id)
    }

    /// Display name of an actor id (the id itself when unknown).
    pub fn name<'a>(&'a self, id: &'a str) -> &'a str {
        self.actors.get(id).map(|a| a.name.as_str()).unwrap_or(id)
    }

    /// Country name for an ISO alpha-3 code.
    pub fn country_name(&self, code: &str) -> Option<&str> {
        self.country_names.get(code).map(|s| s.as_str())
    }

    /// The sentence `index` of document `doc` as text, when its span is valid.
    pub fn sentence_text(&self, doc: usize, index: usize) -> Option<&str> {
        let span = self.docs.get(doc)?.sentences.get(index)?;
        self.bodies.get(doc)?.get(span.start..span.end)
    }

    /// Analyses an article and adds it (replacing one with the same key).
    pub fn push(&mut self, engine: &Engine, source: Source) {
        let doc = engine.analyze(&source.key, &source.text);
        self.add(engine, vec![(source, doc)]);
    }

    /// Adds articles analysed already (`doc` of each from its `source`), each replacing
    /// one with the same key.
    pub fn add(&mut self, engine: &Engine, analysed: Vec<(Source, Document)>) {
        for (source, doc) in analysed {
            if let Some(i) = self.doc_index(&source.key) {
                self.docs.remove(i);
                self.bodies.remove(i);
                self.sources.remove(i);
            }
            self.bodies.push(body_of(&source, &doc));
            self.docs.push(doc);
            self.sources.push(source);
        }
        self.reindex(state_name(engine));
    }

    /// Removes the article with this key (no-op when absent).
    pub fn remove(&mut self, key: &str, engine: &Engine) {
        if let Some(i) = self.doc_index(key) {
            self.docs.remove(i);
            self.bodies.remove(i);
            self.sources.remove(i);
            self.reindex(state_name(engine));
        }
    }

    fn reindex(&mut self, state_name: impl Fn(&str) -> Option<String>) {
        let docs = std::mem::take(&mut self.docs);
        let bodies = std::mem::take(&mut self.bodies);
        let sources = std::mem::take(&mut self.sources);
        *self = PageCorpus::from_parts(docs, bodies, sources, state_name);
    }

    /// Drops what a (parsed) view names that this corpus does not have, with a notice
    /// for each: unknown actors, articles, sentences, countries and leaders.
    pub fn validate(&self, mut s: ViewState) -> (ViewState, Vec<Notice>) {
        let mut notices = Vec::new();
        let mut drop = |param: &str, what: String| {
            notices.push(Notice {
                param: param.to_string(),
                message: what,
            })
        };
        if let Some(a) = s.actor.clone() {
            if self.actor(&a).is_none() {
                drop("actor", format!("no actor `{a}` in these articles"));
                s.actor = None;
            }
        }
        if let Some((a, b)) = s.pair.clone() {
            if let Some(x) = [&a, &b].into_iter().find(|x| self.actor(x).is_none()) {
                drop("pair", format!("no actor `{x}` in these articles"));
                s.pair = None;
            }
        }
        if let Some(k) = s.read.clone() {
            match self.doc_index(&k) {
                None => {
                    drop("read", format!("no article `{k}`"));
                    s.read = None;
                    s.sentence = None;
                }
                Some(d) => {
                    if s.sentence
                        .is_some_and(|n| n >= self.docs[d].sentences.len())
                    {
                        drop("s", "no such sentence in the article".into());
                        s.sentence = None;
                    }
                }
            }
        }
        let f = &mut s.filters;
        if let Some(c) = f.country.clone() {
            if !self
                .actors
                .values()
                .any(|a| a.country.as_deref() == Some(c.as_str()))
            {
                drop("country", format!("no actor of `{c}` in these articles"));
                f.country = None;
            }
        }
        if let Some(l) = f.leader.clone() {
            if !self.actor(&l).is_some_and(|a| a.is_leader()) {
                drop("leader", format!("`{l}` is not a leader in these articles"));
                f.leader = None;
            }
        }
        if let Some(k) = f.article.clone() {
            if self.doc_index(&k).is_none() {
                drop("article", format!("no article `{k}`"));
                f.article = None;
            }
        }
        (s, notices)
    }

    /// Number of relations in all documents.
    pub fn relation_count(&self) -> usize {
        self.docs.iter().map(|d| d.relations.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use crate::corpus::{PageCorpus, Source};
    use crate::fixtures::*;
    use crate::url::{to_query, ViewState};
    use entente_core::Engine;

    #[test]
    fn bundled_seeds_are_a_fresh_analysis() {
        // the analysis build.rs packed into the page is the engine's of today (PK1-PK3)
        let fresh = PageCorpus::build(&Engine::builtin(), Source::seeds(crate::seeds::SEEDS));
        let bundled = PageCorpus::bundled().expect("the packed seeds read");
        assert_eq!(bundled.docs.len(), crate::seeds::SEEDS.len());
        assert!(bundled.relation_count() > 0);
        assert!(!bundled.country_names.is_empty());
        assert_eq!(bundled, fresh);
    }

    #[test]
    fn merges_actors_and_names_countries() {
        let c = sample();
        assert_eq!(c.name("putin"), "Vladimir Putin");
        assert_eq!(c.name("nobody"), "nobody");
        let putin = c.actor("putin").unwrap();
        assert!(putin.is_leader());
        assert_eq!(putin.country.as_deref(), Some("RUS"));
        // a state is its own country
        assert_eq!(c.actor("IRN").unwrap().country.as_deref(), Some("IRN"));
        assert_eq!(c.country_name("IRN"), Some("Iran"));
        assert_eq!(c.country_name("RUS"), Some("Russia"));
        assert!(!c.actor("reuters").unwrap().is_leader());
    }

    #[test]
    fn documents_have_keys_titles_and_origins() {
        let c = sample();
        assert_eq!(c.doc_index("b.txt"), Some(1));
        assert_eq!(c.doc_index("missing"), None);
        assert_eq!(c.doc_title(0), "Putin and Iran");
        // no title in the text: the name it was added under
        assert_eq!(c.doc_title(1), "b.txt");
        assert!(!c.is_yours(0));
        assert!(c.is_yours(2));
        assert_eq!(c.doc_key(2), "yours:u1");
    }

    #[test]
    fn validate_drops_what_the_corpus_lacks() {
        let c = sample();
        let (s, _) = crate::url::parse(
            "actor=putin&pair=RUS,IRN&read=a.txt&s=2&country=ISR&leader=putin&article=b.txt",
        );
        let (kept, notices) = c.validate(s.clone());
        assert_eq!(kept, s, "everything named exists");
        assert_ne!(s, ViewState::default());
        assert!(notices.is_empty());
        // (name, query, what survives, parameter noticed)
        let cases = [
            ("unknown actor", "actor=lavrov", "", "actor"),
            ("unknown pair member", "pair=RUS,SYR", "", "pair"),
            ("unknown article", "read=zzz.txt&s=1", "", "read"),
            (
                "sentence past the end",
                "read=a.txt&s=3",
                "?read=a.txt",
                "s",
            ),
            ("country with no actor", "country=VEN", "", "country"),
            ("a state is no leader", "leader=RUS", "", "leader"),
            ("unknown article filter", "article=yours:zz", "", "article"),
        ];
        for (name, q, left, param) in cases {
            let (s, _) = crate::url::parse(q);
            let (kept, notices) = c.validate(s);
            assert_eq!(to_query(&kept), left, "case {name}");
            let named: Vec<&str> = notices.iter().map(|n| n.param.as_str()).collect();
            assert_eq!(named, vec![param], "case {name}");
        }
    }

    #[test]
    fn sentence_text_is_cut_from_the_body_and_survives_bad_spans() {
        let mut c = sample();
        assert_eq!(c.sentence_text(0, 0), Some("Putin praised Iran."));
        assert_eq!(c.sentence_text(0, 99), None);
        c.docs[0].sentences[0].end = 10_000;
        assert_eq!(c.sentence_text(0, 0), None);
    }
}
