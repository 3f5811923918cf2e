//! Filtering: which relations a set of [`Filters`] keeps, which actor cards show, and the
//! counts beside each filter choice (how many relations that choice would keep, given the
//! other filters). Pure functions over the [`PageCorpus`].

use std::collections::BTreeMap;

use entente_core::sort;
use entente_core::summary::{self, ActorSummary, RelRef};
use entente_core::{ActorKind, Relation};

use crate::corpus::{ActorInfo, PageCorpus};
use crate::url::{Filters, FlagFilter};

/// The facets that have choices with counts (the search box has none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Country,
    Leader,
    Kind,
    Quad,
    Flag,
    Article,
}

impl Facet {
    pub const ALL: [Facet; 6] = [
        Facet::Country,
        Facet::Leader,
        Facet::Kind,
        Facet::Quad,
        Facet::Flag,
        Facet::Article,
    ];
}

/// Lower-cased search text, or `None` when blank.
fn needle(q: &str) -> Option<String> {
    let q = q.trim();
    (!q.is_empty()).then(|| q.to_lowercase())
}

/// Relation-level checks, one per facet, plus the search.
struct Check<'a> {
    corpus: &'a PageCorpus,
    f: &'a Filters,
    needle: Option<String>,
    article: Option<Option<usize>>,
}

impl<'a> Check<'a> {
    fn new(corpus: &'a PageCorpus, f: &'a Filters) -> Self {
        Check {
            corpus,
            f,
            needle: needle(&f.q),
            article: f.article.as_ref().map(|k| corpus.doc_index(k)),
        }
    }

    fn in_country(&self, id: &str, code: &str) -> bool {
        id == code
            || self
                .corpus
                .actor(id)
                .is_some_and(|a| a.country.as_deref() == Some(code))
    }

    fn kind_of(&self, id: &str) -> Option<ActorKind> {
        self.corpus.actor(id).map(|a| a.kind)
    }

    fn facet(&self, facet: Facet, rr: RelRef, r: &Relation) -> bool {
        let f = self.f;
        match facet {
            Facet::Country => f
                .country
                .as_deref()
                .is_none_or(|c| self.in_country(&r.source, c) || self.in_country(&r.target, c)),
            Facet::Leader => f
                .leader
                .as_deref()
                .is_none_or(|l| r.source == l || r.target == l),
            Facet::Kind => f.kind.is_none_or(|k| {
                self.kind_of(&r.source) == Some(k) || self.kind_of(&r.target) == Some(k)
            }),
            Facet::Quad => f.quad.is_none_or(|q| r.quad == q),
            Facet::Flag => f.flag.is_none_or(|x| match x {
                FlagFilter::Plain => r.flags.is_empty(),
                FlagFilter::Is(flag) => r.has(flag),
            }),
            Facet::Article => self.article.is_none_or(|d| d == Some(rr.doc)),
        }
    }

    fn search(&self, r: &Relation) -> bool {
        self.needle
            .as_deref()
            .is_none_or(|n| r.sentence.to_lowercase().contains(n))
    }

    fn keep(&self, rr: RelRef, r: &Relation) -> bool {
        self.search(r) && Facet::ALL.iter().all(|&x| self.facet(x, rr, r))
    }
}

/// True when `filters` keep the relation `rr`.
pub fn keeps(corpus: &PageCorpus, filters: &Filters, rr: RelRef, r: &Relation) -> bool {
    Check::new(corpus, filters).keep(rr, r)
}

/// Every kept relation, in document order.
pub fn kept(corpus: &PageCorpus, filters: &Filters) -> Vec<RelRef> {
    let check = Check::new(corpus, filters);
    let mut out = Vec::new();
    for (doc, d) in corpus.docs.iter().enumerate() {
        for (rel, r) in d.relations.iter().enumerate() {
            let rr = RelRef { doc, rel };
            if check.keep(rr, r) {
                out.push(rr);
            }
        }
    }
    out
}

/// True when a filter that acts on relations is set (anything but the kind).
fn relation_filters_active(f: &Filters) -> bool {
    f.country.is_some()
        || f.leader.is_some()
        || f.quad.is_some()
        || f.flag.is_some()
        || f.article.is_some()
        || needle(&f.q).is_some()
}

/// True when the actor itself answers the filters that can describe an actor
/// (country, leader, article, name search), and no relation-only filter is set.
fn matches_itself(corpus: &PageCorpus, f: &Filters, a: &ActorSummary) -> bool {
    if f.quad.is_some() || f.flag.is_some() {
        return false;
    }
    let country = f
        .country
        .as_deref()
        .is_none_or(|c| a.id == c || a.country.as_deref() == Some(c));
    let leader = f.leader.as_deref().is_none_or(|l| a.id == l);
    let article = f
        .article
        .as_deref()
        .is_none_or(|k| corpus.doc_index(k).is_some_and(|d| a.articles.contains(&d)));
    let name = needle(&f.q).is_none_or(|n| a.name.to_lowercase().contains(&n));
    country && leader && article && name
}

/// The cards in view, most important first: actors of the chosen kind that take part in
/// a kept relation or, when only actor-describable filters are set, match them themselves.
pub fn visible_actors(corpus: &PageCorpus, filters: &Filters) -> Vec<ActorSummary> {
    let check = Check::new(corpus, filters);
    let all = summary::actors(&corpus.docs, |rr, r| check.keep(rr, r));
    let active = relation_filters_active(filters);
    all.into_iter()
        .filter(|a| filters.kind.is_none_or(|k| a.kind == k))
        .filter(|a| !active || !a.counterparts.is_empty() || matches_itself(corpus, filters, a))
        .collect()
}

/// Counts of kept relations for each choice of each facet, the other filters held.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts {
    /// Facet -> choice (as written in the URL) -> relations.
    pub counts: BTreeMap<Facet, BTreeMap<String, usize>>,
}

impl FacetCounts {
    /// Relations the choice `value` of `facet` would keep.
    pub fn get(&self, facet: Facet, value: &str) -> usize {
        self.counts
            .get(&facet)
            .and_then(|m| m.get(value))
            .copied()
            .unwrap_or(0)
    }
}

/// For each facet, how many relations each of its choices would keep with the other
/// filters as they are (so counts answer "what if I pick this").
///
/// One pass over the relations, counting on keys borrowed from the corpus (the article
/// facet by document index): nothing is allocated per relation, which matters at a
/// thousand articles, where this runs on every filter input.
pub fn facet_counts(corpus: &PageCorpus, filters: &Filters) -> FacetCounts {
    let check = Check::new(corpus, filters);
    let mut by: [BTreeMap<&str, usize>; 6] = Default::default();
    let mut any = [0usize; 6];
    let mut per_doc = vec![0usize; corpus.docs.len()];
    for (doc, d) in corpus.docs.iter().enumerate() {
        for (rel, r) in d.relations.iter().enumerate() {
            let rr = RelRef { doc, rel };
            if !check.search(r) {
                continue;
            }
            let mut pass = [false; 6];
            for (p, &x) in pass.iter_mut().zip(Facet::ALL.iter()) {
                *p = check.facet(x, rr, r);
            }
            // a facet counts the relation when every other facet keeps it
            let failed = pass.iter().filter(|&&ok| !ok).count();
            if failed > 1 {
                continue;
            }
            let mut parties = None;
            for (i, &facet) in Facet::ALL.iter().enumerate() {
                if failed == 1 && pass[i] {
                    continue;
                }
                // "" counts "any": every relation the other filters keep
                any[i] += 1;
                if facet == Facet::Article {
                    per_doc[doc] += 1;
                } else {
                    let parties = parties.get_or_insert_with(|| Parties::of(corpus, r));
                    choices_of(parties, facet, r, |v| *by[i].entry(v).or_default() += 1);
                }
            }
        }
    }
    let mut out = FacetCounts::default();
    for (i, &facet) in Facet::ALL.iter().enumerate() {
        if any[i] == 0 {
            continue;
        }
        let m = out.counts.entry(facet).or_default();
        m.insert(String::new(), any[i]);
        if facet == Facet::Article {
            for (doc, &n) in per_doc.iter().enumerate() {
                if n > 0 {
                    *m.entry(corpus.doc_key(doc).to_string()).or_default() += n;
                }
            }
        } else {
            m.extend(by[i].iter().map(|(k, &n)| (k.to_string(), n)));
        }
    }
    out
}

/// A relation's two parties (source, target): their ids and what the corpus knows of them,
/// looked up once for all the facets.
struct Parties<'a> {
    ids: [&'a str; 2],
    info: [Option<&'a ActorInfo>; 2],
}

impl<'a> Parties<'a> {
    fn of(corpus: &'a PageCorpus, r: &'a Relation) -> Self {
        let ids = [r.source.as_str(), r.target.as_str()];
        Parties {
            ids,
            info: ids.map(|id| corpus.actor(id)),
        }
    }
}

/// Calls `each` once with every choice of `facet` (not the article) that relation `r`
/// answers, each distinct choice once.
fn choices_of<'a>(p: &Parties<'a>, facet: Facet, r: &'a Relation, mut each: impl FnMut(&'a str)) {
    let mut two = |a: Option<&'a str>, b: Option<&'a str>| {
        if let Some(a) = a {
            each(a);
        }
        if let Some(b) = b.filter(|b| Some(*b) != a) {
            each(b);
        }
    };
    match facet {
        Facet::Country => {
            let [a, b] = p.info.map(|a| a.and_then(|a| a.country.as_deref()));
            two(a, b)
        }
        Facet::Leader => {
            let leader = |k: usize| p.info[k].is_some_and(|a| a.is_leader()).then_some(p.ids[k]);
            two(leader(0), leader(1))
        }
        Facet::Kind => {
            let [a, b] = p.info.map(|a| a.map(|a| a.kind.as_str()));
            two(a, b)
        }
        Facet::Quad => each(r.quad.as_str()),
        Facet::Flag => {
            if r.flags.is_empty() {
                each(FlagFilter::PLAIN);
            } else {
                for (i, f) in r.flags.iter().enumerate() {
                    if !r.flags[..i].contains(f) {
                        each(f.as_str());
                    }
                }
            }
        }
        Facet::Article => {}
    }
}

/// One choice in a filter's list: value for the URL and a label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// The choices each facet offers for this corpus, in display order.
pub fn choices(corpus: &PageCorpus, facet: Facet) -> Vec<Choice> {
    match facet {
        Facet::Country => {
            // each code once, in order (one shared sort, not a BTreeSet's own)
            let mut codes: Vec<String> = corpus
                .actors
                .values()
                .filter_map(|a| a.country.clone())
                .collect();
            sort::sort(&mut codes);
            codes.dedup();
            let mut v: Vec<Choice> = codes
                .into_iter()
                .map(|code| Choice {
                    label: match corpus.country_name(&code) {
                        Some(n) => format!("{n} ({code})"),
                        None => code.clone(),
                    },
                    value: code,
                })
                .collect();
            sort::sort_by(&mut v, |a, b| a.label.cmp(&b.label));
            v
        }
        Facet::Leader => {
            let mut v: Vec<Choice> = corpus
                .actors
                .values()
                .filter(|a| a.is_leader())
                .map(|a| Choice {
                    value: a.id.clone(),
                    label: a.name.clone(),
                })
                .collect();
            sort::sort_by(&mut v, |a, b| a.label.cmp(&b.label));
            v
        }
        Facet::Kind => ActorKind::ALL
            .iter()
            .map(|k| Choice {
                value: k.to_string(),
                label: k.to_string(),
            })
            .collect(),
        Facet::Quad => entente_core::Quad::ALL
            .iter()
            .map(|q| Choice {
                value: q.to_string(),
                label: q.label().to_string(),
            })
            .collect(),
        Facet::Flag => FlagFilter::ALL
            .iter()
            .map(|f| Choice {
                value: f.to_string(),
                label: f.label().to_string(),
            })
            .collect(),
        Facet::Article => (0..corpus.docs.len())
            .map(|i| {
                let title = shorten(&corpus.doc_title(i), 48);
                Choice {
                    value: corpus.doc_key(i).to_string(),
                    label: if corpus.is_yours(i) {
                        format!("{title} (yours)")
                    } else {
                        title
                    },
                }
            })
            .collect(),
    }
}

/// `s` cut to at most `max` characters, with an ellipsis when cut.
pub fn shorten(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// The current value of a facet in `filters`, as written in the URL.
pub fn current(filters: &Filters, facet: Facet) -> Option<String> {
    match facet {
        Facet::Country => filters.country.clone(),
        Facet::Leader => filters.leader.clone(),
        Facet::Kind => filters.kind.map(|k| k.to_string()),
        Facet::Quad => filters.quad.map(|q| q.to_string()),
        Facet::Flag => filters.flag.map(|f| f.to_string()),
        Facet::Article => filters.article.clone(),
    }
}

/// Sets (or with `None`, clears) a facet from its URL value; an unparsable value clears it.
pub fn set(filters: &mut Filters, facet: Facet, value: Option<&str>) {
    let value = value.filter(|v| !v.is_empty());
    match facet {
        Facet::Country => filters.country = value.map(str::to_string),
        Facet::Leader => filters.leader = value.map(str::to_string),
        Facet::Kind => filters.kind = value.and_then(|v| v.parse().ok()),
        Facet::Quad => filters.quad = value.and_then(|v| v.parse().ok()),
        Facet::Flag => filters.flag = value.and_then(|v| v.parse().ok()),
        Facet::Article => filters.article = value.map(str::to_string),
    }
}

/// Relations of `actor` kept by the filters, grouped by counterpart, most relations first
/// (ties by name): (counterpart id, as source, as target).
pub fn by_counterpart(
    corpus: &PageCorpus,
    kept: &[RelRef],
    actor: &str,
) -> Vec<(String, Vec<RelRef>, Vec<RelRef>)> {
    let mut groups: BTreeMap<&str, (Vec<RelRef>, Vec<RelRef>)> = BTreeMap::new();
    for &rr in kept {
        let Some(r) = rr.get(&corpus.docs) else {
            continue;
        };
        if r.source == actor {
            groups.entry(r.target.as_str()).or_default().0.push(rr);
        } else if r.target == actor {
            groups.entry(r.source.as_str()).or_default().1.push(rr);
        }
    }
    let mut v: Vec<(String, Vec<RelRef>, Vec<RelRef>)> = groups
        .into_iter()
        .map(|(k, (s, t))| (k.to_string(), s, t))
        .collect();
    sort::sort_by(&mut v, |a, b| {
        (b.1.len() + b.2.len())
            .cmp(&(a.1.len() + a.2.len()))
            .then_with(|| corpus.name(&a.0).cmp(corpus.name(&b.0)))
    });
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::sample;
    use entente_core::{Flag, Quad};

    fn ids(v: &[ActorSummary]) -> Vec<&str> {
        v.iter().map(|a| a.id.as_str()).collect()
    }

    fn sentences(c: &PageCorpus, kept: &[RelRef]) -> Vec<String> {
        kept.iter()
            .map(|rr| rr.get(&c.docs).unwrap().sentence.clone())
            .collect()
    }

    #[test]
    fn filters_keep_the_relations_a_reader_expects() {
        let c = sample();
        let f = |g: fn(&mut Filters)| {
            let mut x = Filters::default();
            g(&mut x);
            x
        };
        // (name, filters, sentences kept), read off the fixture texts
        let cases: Vec<(&str, Filters, Vec<&str>)> = vec![
            (
                "no filter keeps all six",
                Filters::default(),
                vec![
                    "Putin praised Iran.",
                    "Russia will not arm Iran.",
                    "Iran supplied drones to Russia.",
                    "Reuters reported that Israel struck Iran.",
                    "Moscow condemned Israel.",
                    "Putin may help Iran.",
                ],
            ),
            (
                "country Israel: either party",
                f(|x| x.country = Some("ISR".into())),
                vec![
                    "Reuters reported that Israel struck Iran.",
                    "Moscow condemned Israel.",
                ],
            ),
            (
                "country Russia counts Putin as Russian",
                f(|x| {
                    x.country = Some("RUS".into());
                    x.article = Some("yours:u1".into());
                }),
                vec!["Putin may help Iran."],
            ),
            (
                "leader Putin",
                f(|x| x.leader = Some("putin".into())),
                vec!["Putin praised Iran.", "Putin may help Iran."],
            ),
            (
                "kind person",
                f(|x| x.kind = Some(ActorKind::Person)),
                vec!["Putin praised Iran.", "Putin may help Iran."],
            ),
            (
                "quad material cooperation includes flagged ones",
                f(|x| x.quad = Some(Quad::MaterialCooperation)),
                vec![
                    "Russia will not arm Iran.",
                    "Iran supplied drones to Russia.",
                    "Putin may help Iran.",
                ],
            ),
            (
                "flag negated",
                f(|x| x.flag = Some(FlagFilter::Is(Flag::Negated))),
                vec!["Russia will not arm Iran."],
            ),
            (
                "flag plain and material",
                f(|x| {
                    x.flag = Some(FlagFilter::Plain);
                    x.quad = Some(Quad::MaterialCooperation);
                }),
                vec!["Iran supplied drones to Russia."],
            ),
            (
                "article b",
                f(|x| x.article = Some("b.txt".into())),
                vec![
                    "Reuters reported that Israel struck Iran.",
                    "Moscow condemned Israel.",
                ],
            ),
            (
                "search is case-insensitive",
                f(|x| x.q = "  DRONES ".into()),
                vec!["Iran supplied drones to Russia."],
            ),
            (
                "unknown article keeps nothing",
                f(|x| x.article = Some("gone.txt".into())),
                vec![],
            ),
            (
                "filters that exclude each other keep nothing",
                f(|x| {
                    x.leader = Some("putin".into());
                    x.country = Some("ISR".into());
                }),
                vec![],
            ),
        ];
        for (name, filters, want) in cases {
            assert_eq!(sentences(&c, &kept(&c, &filters)), want, "case {name}");
        }
    }

    #[test]
    fn visible_cards_follow_the_filters() {
        let c = sample();
        let mut f = Filters::default();
        // no filter: every actor, even Reuters which has no relation
        let all = visible_actors(&c, &f);
        assert_eq!(all.len(), 5);
        assert!(ids(&all).contains(&"reuters"));
        // Israel: its own card and those it has relations with
        f.country = Some("ISR".into());
        let mut v = ids(&visible_actors(&c, &f))
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>();
        v.sort();
        assert_eq!(v, vec!["IRN", "ISR", "RUS"]);
        // kind person narrows the cards too
        f = Filters {
            kind: Some(ActorKind::Person),
            ..Filters::default()
        };
        assert_eq!(ids(&visible_actors(&c, &f)), vec!["putin"]);
        // article b: Reuters matches itself (it is in the article) though it has no relation
        f = Filters {
            article: Some("b.txt".into()),
            ..Filters::default()
        };
        assert!(ids(&visible_actors(&c, &f)).contains(&"reuters"));
        // a flag filter is about relations only: Reuters has none
        f.flag = Some(FlagFilter::Is(Flag::Reported));
        let shown = visible_actors(&c, &f);
        let mut v = ids(&shown);
        v.sort();
        assert_eq!(v, vec!["IRN", "ISR"]);
        // nothing matches: empty
        f = Filters {
            q: "no such words".into(),
            ..Filters::default()
        };
        assert!(visible_actors(&c, &f).is_empty());
    }

    #[test]
    fn facet_counts_hold_the_other_filters() {
        let c = sample();
        let f = Filters {
            country: Some("ISR".into()),
            ..Filters::default()
        };
        let n = facet_counts(&c, &f);
        // with Israel chosen, the quad counts are Israel's relations
        assert_eq!(n.get(Facet::Quad, "material_conflict"), 1);
        assert_eq!(n.get(Facet::Quad, "verbal_conflict"), 1);
        assert_eq!(n.get(Facet::Quad, "verbal_cooperation"), 0);
        // the country facet ignores the country filter itself: Iran has 5 relations
        assert_eq!(n.get(Facet::Country, "IRN"), 5);
        // Russia: 3 in a.txt (Putin is Russian), Moscow condemned Israel, Putin may help
        assert_eq!(n.get(Facet::Country, "RUS"), 5);
        assert_eq!(n.get(Facet::Flag, "reported"), 1);
        assert_eq!(n.get(Facet::Flag, "plain"), 1);
        assert_eq!(n.get(Facet::Article, "b.txt"), 2);
        assert_eq!(n.get(Facet::Article, "a.txt"), 0);
        // "any" for a facet: what the other filters keep (Israel's two relations),
        // and for the country facet itself all six
        assert_eq!(n.get(Facet::Quad, ""), 2);
        assert_eq!(n.get(Facet::Country, ""), 6);
    }

    /// The counts as first written: one owned key per choice per relation, no shortcut.
    fn facet_counts_by_the_book(c: &PageCorpus, f: &Filters) -> FacetCounts {
        let mut out = FacetCounts::default();
        for (doc, d) in c.docs.iter().enumerate() {
            for (rel, r) in d.relations.iter().enumerate() {
                let rr = RelRef { doc, rel };
                let check = Check::new(c, f);
                if !check.search(r) {
                    continue;
                }
                for facet in Facet::ALL {
                    let others = Facet::ALL
                        .iter()
                        .all(|&x| x == facet || check.facet(x, rr, r));
                    if !others {
                        continue;
                    }
                    let m = out.counts.entry(facet).or_default();
                    *m.entry(String::new()).or_default() += 1;
                    let mut vs: Vec<String> = Vec::new();
                    if facet == Facet::Article {
                        vs.push(c.doc_key(doc).to_string());
                    } else {
                        choices_of(&Parties::of(c, r), facet, r, |v| vs.push(v.to_string()));
                    }
                    vs.sort();
                    vs.dedup();
                    for v in vs {
                        *m.entry(v).or_default() += 1;
                    }
                }
            }
        }
        out
    }

    #[test]
    fn facet_counts_match_the_plain_count_for_every_single_and_paired_choice() {
        let c = sample();
        // every choice of every facet alone, and every pair of choices of two facets
        let mut singles = vec![Filters::default()];
        for facet in Facet::ALL {
            for ch in choices(&c, facet) {
                let mut f = Filters::default();
                set(&mut f, facet, Some(&ch.value));
                singles.push(f);
            }
        }
        let mut all = singles.clone();
        for a in &singles {
            for facet in Facet::ALL {
                for ch in choices(&c, facet) {
                    let mut f = a.clone();
                    set(&mut f, facet, Some(&ch.value));
                    all.push(f);
                }
            }
        }
        for q in ["", "iran", "drones"] {
            for f in &all {
                let f = Filters {
                    q: q.into(),
                    ..f.clone()
                };
                assert_eq!(
                    facet_counts(&c, &f),
                    facet_counts_by_the_book(&c, &f),
                    "{f:?}"
                );
            }
        }
    }

    #[test]
    fn choices_list_the_corpus() {
        let c = sample();
        let labels: Vec<String> = choices(&c, Facet::Country)
            .into_iter()
            .map(|x| x.label)
            .collect();
        assert_eq!(labels, vec!["Iran (IRN)", "Israel (ISR)", "Russia (RUS)"]);
        let leaders: Vec<String> = choices(&c, Facet::Leader)
            .into_iter()
            .map(|x| x.value)
            .collect();
        assert_eq!(leaders, vec!["putin"]);
        let arts: Vec<String> = choices(&c, Facet::Article)
            .into_iter()
            .map(|x| x.label)
            .collect();
        assert_eq!(arts, vec!["Putin and Iran", "b.txt", "my note (yours)"]);
    }

    #[test]
    fn shorten_cuts_on_characters() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("Кремль и Тегеран", 8), "Кремль…");
        assert_eq!(shorten("  padded  ", 6), "padded");
    }

    #[test]
    fn set_and_current_round_trip() {
        let mut f = Filters::default();
        for facet in Facet::ALL {
            let v = choices(&sample(), facet)[0].value.clone();
            set(&mut f, facet, Some(&v));
            assert_eq!(current(&f, facet).as_deref(), Some(v.as_str()), "{facet:?}");
            set(&mut f, facet, None);
            assert_eq!(current(&f, facet), None, "{facet:?}");
        }
    }

    #[test]
    fn counterparts_group_both_directions() {
        let c = sample();
        let all = kept(&c, &Filters::default());
        let g = by_counterpart(&c, &all, "IRN");
        let names: Vec<(&str, usize, usize)> = g
            .iter()
            .map(|(id, s, t)| (id.as_str(), s.len(), t.len()))
            .collect();
        // Russia: Iran supplied (given), Russia will not arm (received);
        // Putin: praised and may help (received); Israel struck (received)
        assert_eq!(names, vec![("RUS", 1, 1), ("putin", 0, 2), ("ISR", 0, 1)]);
    }
}
