//! Summaries the page shows, across documents: per actor (mentions, articles, relations
//! given and received by quad class, mean Goldstein, counterparts, evidence) and per pair
//! of actors in each direction (counts by class and the say-versus-do gap).
//!
//! Summaries refer to relations by [`RelRef`] (document index, relation index), so the
//! page can show the sentence behind every number.

use std::collections::BTreeMap;

use crate::hash::FastMap;
use crate::model::{ActorKind, Document, Flag, Quad, Relation, RoleInfo};
use crate::sort::sort_by;

/// Where a relation is: `docs[doc].relations[rel]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RelRef {
    pub doc: usize,
    pub rel: usize,
}

impl RelRef {
    pub fn get<'a>(&self, docs: &'a [Document]) -> Option<&'a Relation> {
        docs.get(self.doc)?.relations.get(self.rel)
    }
}

/// Counts of relations by quad class, indexed in the order of [`Quad::ALL`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QuadCounts(pub [usize; 5]);

impl QuadCounts {
    pub fn add(&mut self, q: Quad) {
        self.0[q as usize] += 1;
    }
    pub fn get(&self, q: Quad) -> usize {
        self.0[q as usize]
    }
    pub fn total(&self) -> usize {
        self.0.iter().sum()
    }
}

/// True when a relation counts as the act it names: not negated, not hypothetical.
/// Negated and hypothetical acts are shown apart, never counted as the act.
pub fn is_effective(r: &Relation) -> bool {
    !r.has(Flag::Negated) && !r.has(Flag::Hypothetical)
}

/// One actor across the documents in view.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorSummary {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub country: Option<String>,
    pub role: Option<RoleInfo>,
    pub source_only: bool,
    pub known: bool,
    /// Mentions across all documents.
    pub mentions: usize,
    /// Documents it appears in (indices into the slice given).
    pub articles: Vec<usize>,
    /// Effective relations where it is the source, by class.
    pub given: QuadCounts,
    /// Effective relations where it is the target, by class.
    pub received: QuadCounts,
    pub mean_goldstein_given: Option<f64>,
    pub mean_goldstein_received: Option<f64>,
    /// Counterparts by number of relations either way, most first (id, count).
    pub counterparts: Vec<(String, usize)>,
    /// Its relations, strongest evidence first (effective, unflagged, highest |Goldstein|).
    pub evidence: Vec<RelRef>,
}

impl ActorSummary {
    /// The ordering key for cards: mentions plus relations weigh importance.
    pub fn importance(&self) -> usize {
        self.mentions + 2 * (self.given.total() + self.received.total())
    }
}

/// Relations from one actor to another.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DirectedSummary {
    /// Effective relations by class.
    pub counts: QuadCounts,
    /// Every relation in this direction, by class (effective ones only).
    pub by_quad: [Vec<RelRef>; 5],
    /// Negated acts (what was not done or said), shown apart.
    pub negated: Vec<RelRef>,
    /// Limited acts ("verbal support is all Putin can offer").
    pub limited: Vec<RelRef>,
    /// Hedged or hypothetical acts.
    pub hedged: Vec<RelRef>,
}

impl DirectedSummary {
    /// Say: effective verbal cooperation.
    pub fn say(&self) -> usize {
        self.counts.get(Quad::VerbalCooperation)
    }
    /// Do: effective material cooperation.
    pub fn r#do(&self) -> usize {
        self.counts.get(Quad::MaterialCooperation)
    }
    /// Say minus do: positive when words outrun deeds.
    pub fn gap(&self) -> isize {
        self.say() as isize - self.r#do() as isize
    }
}

/// Both directions between two actors.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PairSummary {
    pub a: String,
    pub b: String,
    pub a_to_b: DirectedSummary,
    pub b_to_a: DirectedSummary,
}

fn quad_index(q: Quad) -> usize {
    q as usize
}

/// How strong a piece of evidence is: (effective, plain, |Goldstein| in hundredths).
type EvidenceRank = (bool, bool, i64);

/// Strength of a relation as evidence: effective and unqualified first, then by |Goldstein|.
fn evidence_rank(r: &Relation) -> EvidenceRank {
    let plain = r.flags.is_empty();
    (
        is_effective(r),
        plain,
        (r.goldstein.abs() * 100.0).round() as i64,
    )
}

/// What an actor's kept relations add up to while [`actors`] counts them.
#[derive(Default)]
struct Tally<'a> {
    /// (sum of Goldstein scores, effective relations) given and received.
    given: (f64, usize),
    received: (f64, usize),
    counter: BTreeMap<&'a str, usize>,
    /// Each relation with its rank, computed once rather than in every comparison.
    evidence: Vec<(EvidenceRank, RelRef)>,
}

/// Summaries of every actor in `docs`, most important first (ties by name, then id).
/// Only relations for which `keep` returns true are counted.
pub fn actors(docs: &[Document], keep: impl Fn(RelRef, &Relation) -> bool) -> Vec<ActorSummary> {
    // each actor with what its kept relations add up to, found with one lookup per party
    let mut by_id: FastMap<&str, (ActorSummary, Tally)> = FastMap::default();
    for (di, doc) in docs.iter().enumerate() {
        for a in &doc.actors {
            let (s, _) = by_id.entry(a.id.as_str()).or_insert_with(|| {
                let s = ActorSummary {
                    id: a.id.clone(),
                    name: a.name.clone(),
                    kind: a.kind,
                    country: a.country.clone(),
                    role: a.role.clone(),
                    source_only: a.source_only,
                    known: a.known,
                    mentions: 0,
                    articles: Vec::new(),
                    given: QuadCounts::default(),
                    received: QuadCounts::default(),
                    mean_goldstein_given: None,
                    mean_goldstein_received: None,
                    counterparts: Vec::new(),
                    evidence: Vec::new(),
                };
                (s, Tally::default())
            });
            s.mentions += a.mentions.len();
            if s.articles.last() != Some(&di) {
                s.articles.push(di);
            }
            if s.role.is_none() {
                s.role = a.role.clone();
            }
        }
    }
    for (di, doc) in docs.iter().enumerate() {
        for (ri, r) in doc.relations.iter().enumerate() {
            let rr = RelRef { doc: di, rel: ri };
            if !keep(rr, r) {
                continue;
            }
            let effective = is_effective(r);
            for (me, other, given) in [(&r.source, &r.target, true), (&r.target, &r.source, false)]
            {
                let Some((s, t)) = by_id.get_mut(me.as_str()) else {
                    continue;
                };
                *t.counter.entry(other.as_str()).or_default() += 1;
                t.evidence.push((evidence_rank(r), rr));
                if !effective {
                    continue;
                }
                if given {
                    s.given.add(r.quad);
                    t.given.0 += r.goldstein;
                    t.given.1 += 1;
                } else {
                    s.received.add(r.quad);
                    t.received.0 += r.goldstein;
                    t.received.1 += 1;
                }
            }
        }
    }
    let mean = |(sum, n): (f64, usize)| (n > 0).then(|| sum / n as f64);
    let mut out: Vec<ActorSummary> = by_id
        .into_values()
        .map(|(mut s, t)| {
            s.mean_goldstein_given = mean(t.given);
            s.mean_goldstein_received = mean(t.received);
            let mut v: Vec<(String, usize)> =
                t.counter.iter().map(|(k, n)| (k.to_string(), *n)).collect();
            sort_by(&mut v, |x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
            s.counterparts = v;
            let mut ev = t.evidence;
            // strongest first, then in document order (references are unique: no ties)
            sort_by(&mut ev, |x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
            s.evidence = ev.into_iter().map(|(_, rr)| rr).collect();
            s
        })
        .collect();
    sort_by(&mut out, |x, y| {
        y.importance()
            .cmp(&x.importance())
            .then_with(|| x.name.cmp(&y.name))
            // ids are unique: the order never depends on how the map iterated
            .then_with(|| x.id.cmp(&y.id))
    });
    out
}

/// Both directions between actors `a` and `b`, over the relations `keep` accepts.
pub fn pair(
    docs: &[Document],
    a: &str,
    b: &str,
    keep: impl Fn(RelRef, &Relation) -> bool,
) -> PairSummary {
    let mut p = PairSummary {
        a: a.to_string(),
        b: b.to_string(),
        ..PairSummary::default()
    };
    for (di, doc) in docs.iter().enumerate() {
        for (ri, r) in doc.relations.iter().enumerate() {
            let rr = RelRef { doc: di, rel: ri };
            let dir = if r.source == a && r.target == b {
                &mut p.a_to_b
            } else if r.source == b && r.target == a {
                &mut p.b_to_a
            } else {
                continue;
            };
            if !keep(rr, r) {
                continue;
            }
            if r.has(Flag::Negated) {
                dir.negated.push(rr);
            }
            if r.has(Flag::Limited) {
                dir.limited.push(rr);
            }
            if r.has(Flag::Hedged) || r.has(Flag::Hypothetical) {
                dir.hedged.push(rr);
            }
            if is_effective(r) {
                dir.counts.add(r.quad);
                dir.by_quad[quad_index(r.quad)].push(rr);
            }
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Mention, Polarity, Span};

    fn actor(id: &str, kind: ActorKind, n: usize) -> Actor {
        Actor {
            id: id.into(),
            name: id.to_uppercase(),
            kind,
            country: None,
            mentions: (0..n)
                .map(|i| Mention {
                    text: id.into(),
                    start: i,
                    end: i + 1,
                })
                .collect(),
            role: None,
            source_only: false,
            known: true,
        }
    }

    fn rel(s: &str, t: &str, quad: Quad, g: f64, flags: &[Flag]) -> Relation {
        Relation {
            sentence: format!("{s} {quad} {t}"),
            source: s.into(),
            target: t.into(),
            quad,
            polarity: Polarity::Neutral,
            goldstein: g,
            cameo: String::new(),
            cue: "cue".into(),
            rule: "test".into(),
            flags: flags.to_vec(),
            sentence_index: 0,
            cue_span: Span::default(),
            event: String::new(),
            reported_by: None,
        }
    }

    fn corpus() -> Vec<Document> {
        vec![
            Document {
                path: "a".into(),
                actors: vec![
                    actor("rus", ActorKind::State, 3),
                    actor("irn", ActorKind::State, 2),
                ],
                relations: vec![
                    rel("rus", "irn", Quad::VerbalCooperation, 3.4, &[]),
                    rel("rus", "irn", Quad::VerbalCooperation, 1.0, &[Flag::Limited]),
                    rel(
                        "rus",
                        "irn",
                        Quad::MaterialCooperation,
                        8.3,
                        &[Flag::Negated],
                    ),
                ],
                ..Document::default()
            },
            Document {
                path: "b".into(),
                actors: vec![
                    actor("irn", ActorKind::State, 1),
                    actor("rus", ActorKind::State, 1),
                ],
                relations: vec![rel("irn", "rus", Quad::MaterialCooperation, 8.3, &[])],
                ..Document::default()
            },
        ]
    }

    #[test]
    fn actor_summary_counts_mentions_articles_and_effective_relations() {
        let docs = corpus();
        let s = actors(&docs, |_, _| true);
        let rus = s.iter().find(|a| a.id == "rus").unwrap();
        assert_eq!(rus.mentions, 4);
        assert_eq!(rus.articles, vec![0, 1]);
        // the negated supply is not counted as material cooperation
        assert_eq!(rus.given.get(Quad::VerbalCooperation), 2);
        assert_eq!(rus.given.get(Quad::MaterialCooperation), 0);
        assert_eq!(rus.received.get(Quad::MaterialCooperation), 1);
        assert_eq!(rus.mean_goldstein_given, Some(2.2));
        assert_eq!(rus.counterparts, vec![("irn".to_string(), 4)]);
        // plain, effective, strongest first: Iran's supply (8.3) outranks the negated one
        let first = rus.evidence[0].get(&docs).unwrap();
        assert_eq!((first.source.as_str(), first.goldstein), ("irn", 8.3));
    }

    #[test]
    fn pair_summary_shows_the_say_versus_do_gap_with_negated_and_limited_apart() {
        let docs = corpus();
        let p = pair(&docs, "rus", "irn", |_, _| true);
        assert_eq!(p.a_to_b.say(), 2);
        assert_eq!(p.a_to_b.r#do(), 0);
        assert_eq!(p.a_to_b.gap(), 2);
        assert_eq!(p.a_to_b.negated.len(), 1);
        assert_eq!(p.a_to_b.limited.len(), 1);
        assert_eq!(p.b_to_a.r#do(), 1);
    }

    #[test]
    fn filter_keeps_only_chosen_relations() {
        let docs = corpus();
        let s = actors(&docs, |rr, _| rr.doc == 1);
        let rus = s.iter().find(|a| a.id == "rus").unwrap();
        assert_eq!(rus.given.total(), 0);
        assert_eq!(rus.received.total(), 1);
    }
}
