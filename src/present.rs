//! Presentation helpers: how numbers, roles, quad classes and flags read on the page,
//! and the relation graph as data (nodes and weighted edges of the actors in view).
//! Pure, so they are tested natively.

use std::collections::BTreeMap;

use entente_core::summary::{ActorSummary, QuadCounts, RelRef};
use entente_core::{ActorKind, Quad, Relation, RoleInfo};

use crate::corpus::PageCorpus;

/// The four classes a card's bar shows, in order.
pub const BAR: [Quad; 4] = [
    Quad::VerbalCooperation,
    Quad::MaterialCooperation,
    Quad::VerbalConflict,
    Quad::MaterialConflict,
];

/// A short tag for a class, for dense text labels ("v.coop").
pub fn quad_short(q: Quad) -> &'static str {
    match q {
        Quad::VerbalCooperation => "v.coop",
        Quad::MaterialCooperation => "m.coop",
        Quad::VerbalConflict => "v.confl",
        Quad::MaterialConflict => "m.confl",
        Quad::Neutral => "neutral",
    }
}

/// The CSS modifier of a class (`ent-quad--vcoop`).
pub fn quad_class(q: Quad) -> &'static str {
    match q {
        Quad::VerbalCooperation => "vcoop",
        Quad::MaterialCooperation => "mcoop",
        Quad::VerbalConflict => "vconf",
        Quad::MaterialConflict => "mconf",
        Quad::Neutral => "neutral",
    }
}

/// Bar parts: (class, count, percent of the four-class total). Percent is 0 when empty.
pub fn bar_parts(c: &QuadCounts) -> Vec<(Quad, usize, f64)> {
    let total: usize = BAR.iter().map(|&q| c.get(q)).sum();
    BAR.iter()
        .map(|&q| {
            let n = c.get(q);
            let pct = if total == 0 {
                0.0
            } else {
                n as f64 * 100.0 / total as f64
            };
            (q, n, pct)
        })
        .collect()
}

/// A Goldstein score with its sign and one decimal ("+3.4", "−10.0"), or "–" when none.
/// Halves round away from zero (a mean of 2.25 reads +2.3), whatever the float error.
pub fn goldstein(g: Option<f64>) -> String {
    let Some(g) = g.filter(|g| g.is_finite()) else {
        return "–".into();
    };
    // round on tenths, nudged so 5.85 computed as 5.8499999 still reads 5.9
    let tenths = (g * 10.0 + g.signum() * 1e-9).round() as i64;
    let (sign, t) = match tenths {
        0 => ("", 0),
        t if t > 0 => ("+", t),
        t => ("−", -t),
    };
    format!("{sign}{}.{}", t / 10, t % 10)
}

/// "President of Russia, since 2012-05-07" or "Supreme Leader of Iran, 1989 – 2026-02-28".
pub fn role_line(role: &RoleInfo, corpus: &PageCorpus) -> String {
    let of = corpus
        .country_name(&role.of)
        .map(str::to_string)
        .or_else(|| corpus.actor(&role.of).map(|a| a.name.clone()))
        .unwrap_or_else(|| role.of.clone());
    let dates = match (&role.from, &role.to) {
        (Some(f), None) => format!(", since {f}"),
        (Some(f), Some(t)) => format!(", {f} – {t}"),
        (None, Some(t)) => format!(", until {t}"),
        (None, None) => String::new(),
    };
    format!("{} of {of}{dates}", role.title)
}

/// "Iran (IRN)", or the code alone when the name is unknown.
pub fn country_line(code: &str, corpus: &PageCorpus) -> String {
    match corpus.country_name(code) {
        Some(n) => format!("{n} ({code})"),
        None => code.to_string(),
    }
}

/// The flags of a relation in words, or "stated outright" when it has none.
pub fn flags_line(r: &Relation) -> String {
    if r.flags.is_empty() {
        "stated outright".into()
    } else {
        r.flags
            .iter()
            .map(|f| f.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// One line saying why the relation was coded so; `name` turns an actor id into its name.
pub fn why_line(r: &Relation, name: impl Fn(&str) -> String) -> String {
    let mut s = format!(
        "cue “{}”, rule {}, {} ({})",
        r.cue,
        r.rule,
        r.quad.label(),
        goldstein(Some(r.goldstein))
    );
    if let Some(by) = &r.reported_by {
        s.push_str(&format!(", reported by {}", name(by)));
    }
    s
}

/// "3 mentions in 2 articles".
pub fn mentions_line(a: &ActorSummary) -> String {
    let m = if a.mentions == 1 {
        "mention"
    } else {
        "mentions"
    };
    let n = a.articles.len();
    let art = if n == 1 { "article" } else { "articles" };
    format!("{} {m} in {n} {art}", a.mentions)
}

/// "1 relation" / "4 relations".
pub fn count_noun(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Stretches `pos` to fill the box `[m, w - m] × [m, h - m]`, keeping the aspect of the
/// spread on neither axis (each axis is stretched on its own). A single point, or all on
/// one line, is centred on the flat axis.
pub fn fit(pos: &[(f64, f64)], w: f64, h: f64, m: f64) -> Vec<(f64, f64)> {
    let finite = |v: f64| if v.is_finite() { v } else { 0.0 };
    let xs = pos.iter().map(|p| finite(p.0));
    let ys = pos.iter().map(|p| finite(p.1));
    let (x0, x1) = xs.fold((f64::MAX, f64::MIN), |(a, b), x| (a.min(x), b.max(x)));
    let (y0, y1) = ys.fold((f64::MAX, f64::MIN), |(a, b), y| (a.min(y), b.max(y)));
    let scale = |v: f64, lo: f64, hi: f64, size: f64| {
        if hi - lo < 1e-9 {
            size / 2.0
        } else {
            m + (finite(v) - lo) / (hi - lo) * (size - 2.0 * m)
        }
    };
    pos.iter()
        .map(|&(x, y)| (scale(x, x0, x1, w), scale(y, y0, y1, h)))
        .collect()
}

/// A node of the relation graph.
#[derive(Debug, Clone, PartialEq)]
pub struct GraphNode {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    /// Importance of the actor (sizes the node).
    pub weight: f64,
}

/// An edge between two nodes (indices), with its relations by class.
#[derive(Debug, Clone, PartialEq)]
pub struct GraphEdge {
    pub a: usize,
    pub b: usize,
    pub counts: QuadCounts,
    /// The class with most relations (colours the edge; ties go to the earlier class).
    pub dominant: Quad,
}

impl GraphEdge {
    pub fn total(&self) -> usize {
        self.counts.total()
    }
}

/// The graph of the actors in view that are states or leaders, with an edge for every
/// pair that has kept relations (either direction).
pub fn graph(
    corpus: &PageCorpus,
    visible: &[ActorSummary],
    kept: &[RelRef],
) -> (Vec<GraphNode>, Vec<GraphEdge>) {
    let nodes: Vec<GraphNode> = visible
        .iter()
        .filter(|a| a.kind == ActorKind::State || (a.kind == ActorKind::Person && a.role.is_some()))
        .map(|a| GraphNode {
            id: a.id.clone(),
            name: a.name.clone(),
            kind: a.kind,
            weight: a.importance() as f64,
        })
        .collect();
    // Filled by insertion, not collected: `collect` would sort with a copy of std's sort.
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, n) in nodes.iter().enumerate() {
        index.insert(n.id.as_str(), i);
    }
    let mut pairs: BTreeMap<(usize, usize), QuadCounts> = BTreeMap::new();
    for rr in kept {
        let Some(r) = rr.get(&corpus.docs) else {
            continue;
        };
        let (Some(&x), Some(&y)) = (index.get(r.source.as_str()), index.get(r.target.as_str()))
        else {
            continue;
        };
        if x == y {
            continue;
        }
        pairs.entry((x.min(y), x.max(y))).or_default().add(r.quad);
    }
    let edges = pairs
        .into_iter()
        .map(|((a, b), counts)| {
            let dominant = Quad::ALL.into_iter().fold(Quad::ALL[0], |best, q| {
                if counts.get(q) > counts.get(best) {
                    q
                } else {
                    best
                }
            });
            GraphEdge {
                a,
                b,
                counts,
                dominant,
            }
        })
        .collect();
    (nodes, edges)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filter::{kept, visible_actors};
    use crate::fixtures::sample;
    use crate::url::Filters;

    #[test]
    fn goldstein_reads_with_sign() {
        let cases = [
            ("none", None, "–"),
            ("positive", Some(3.4), "+3.4"),
            ("negative", Some(-10.0), "−10.0"),
            ("rounds to zero", Some(0.01), "0.0"),
            ("a half rounds away from zero", Some(2.25), "+2.3"),
            ("a negative half too", Some(-2.25), "−2.3"),
            (
                "float error does not move a half",
                Some((3.4 + 8.3) / 2.0),
                "+5.9",
            ),
            ("not a number", Some(f64::NAN), "–"),
        ];
        for (name, g, want) in cases {
            assert_eq!(goldstein(g), want, "case {name}");
        }
    }

    #[test]
    fn bar_parts_are_percentages_of_the_four_classes() {
        let mut c = QuadCounts::default();
        c.add(Quad::VerbalCooperation);
        c.add(Quad::VerbalCooperation);
        c.add(Quad::VerbalCooperation);
        c.add(Quad::MaterialConflict);
        c.add(Quad::Neutral);
        let p = bar_parts(&c);
        assert_eq!(p[0], (Quad::VerbalCooperation, 3, 75.0));
        assert_eq!(p[3], (Quad::MaterialConflict, 1, 25.0));
        assert_eq!(bar_parts(&QuadCounts::default())[0].2, 0.0);
    }

    #[test]
    fn role_lines_name_the_state_and_dates() {
        let c = sample();
        let role = c.actor("putin").unwrap().role.clone().unwrap();
        assert_eq!(
            role_line(&role, &c),
            "President of Russia, since 2012-05-07"
        );
        let ended = RoleInfo {
            title: "Supreme Leader".into(),
            of: "IRN".into(),
            from: Some("1989".into()),
            to: Some("2026-02-28".into()),
        };
        assert_eq!(
            role_line(&ended, &c),
            "Supreme Leader of Iran, 1989 – 2026-02-28"
        );
        assert_eq!(country_line("IRN", &c), "Iran (IRN)");
        assert_eq!(country_line("XYZ", &c), "XYZ");
    }

    #[test]
    fn flags_and_why_read_as_words() {
        let c = sample();
        let negated = &c.docs[0].relations[1];
        assert_eq!(flags_line(negated), "negated");
        assert_eq!(flags_line(&c.docs[0].relations[0]), "stated outright");
        assert_eq!(
            why_line(negated, |id| c.name(id).to_string()),
            "cue “arm”, rule test.arm, material cooperation (+8.3)"
        );
        let mut reported = negated.clone();
        reported.reported_by = Some("putin".into());
        assert!(why_line(&reported, |id| c.name(id).to_string())
            .ends_with(", reported by Vladimir Putin"));
        // the speaker's own words stay as they are
        reported.reported_by = Some("analysts".into());
        assert!(why_line(&reported, |id| c.name(id).to_string()).ends_with("reported by analysts"));
    }

    #[test]
    fn fit_fills_the_box() {
        let p = fit(
            &[(10.0, 10.0), (20.0, 30.0), (15.0, 20.0)],
            100.0,
            50.0,
            5.0,
        );
        assert_eq!(p, vec![(5.0, 5.0), (95.0, 45.0), (50.0, 25.0)]);
        // one point: centred
        assert_eq!(fit(&[(3.0, 4.0)], 100.0, 50.0, 5.0), vec![(50.0, 25.0)]);
        // a NaN from a layout is placed, not propagated
        let p = fit(&[(f64::NAN, 1.0), (2.0, 3.0)], 10.0, 10.0, 1.0);
        assert!(p.iter().all(|(x, y)| x.is_finite() && y.is_finite()));
        assert!(fit(&[], 10.0, 10.0, 1.0).is_empty());
    }

    #[test]
    fn graph_links_states_and_leaders_in_view() {
        let c = sample();
        let f = Filters::default();
        let (nodes, edges) = graph(&c, &visible_actors(&c, &f), &kept(&c, &f));
        let mut ids: Vec<&str> = nodes.iter().map(|n| n.id.as_str()).collect();
        ids.sort();
        // Reuters is an organisation: not a node
        assert_eq!(ids, vec!["IRN", "ISR", "RUS", "putin"]);
        let named: Vec<(String, String, usize, Quad)> = edges
            .iter()
            .map(|e| {
                let mut p = [nodes[e.a].id.clone(), nodes[e.b].id.clone()];
                p.sort();
                (p[0].clone(), p[1].clone(), e.total(), e.dominant)
            })
            .collect();
        let find = |a: &str, b: &str| named.iter().find(|x| x.0 == a && x.1 == b).cloned();
        // Russia-Iran: will not arm (negated) and supplied: both material cooperation
        assert_eq!(
            find("IRN", "RUS").map(|x| (x.2, x.3)),
            Some((2, Quad::MaterialCooperation))
        );
        assert_eq!(find("IRN", "putin").map(|x| x.2), Some(2));
        assert_eq!(
            find("IRN", "ISR").map(|x| x.3),
            Some(Quad::MaterialConflict)
        );
        assert_eq!(named.len(), 4);
    }
}

/// The colour scheme: follow the system, or forced light or dark. Stored in local storage.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];
    /// The stored value.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
    /// The label in the theme menu.
    pub fn label(self) -> &'static str {
        match self {
            Theme::Auto => "System",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }
    /// The root element's classes for this theme.
    pub fn root_class(self) -> &'static str {
        match self {
            Theme::Auto => "ent-root",
            Theme::Light => "ent-root ent-root--light",
            Theme::Dark => "ent-root ent-root--dark",
        }
    }
}

impl std::fmt::Display for Theme {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Theme {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Theme::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| format!("unknown theme `{s}`"))
    }
}

#[cfg(test)]
mod theme_tests {
    use super::Theme;

    #[test]
    fn theme_round_trips_and_rejects_junk() {
        for t in Theme::ALL {
            assert_eq!(t.to_string().parse::<Theme>(), Ok(t));
        }
        assert!("purple".parse::<Theme>().is_err());
    }
}
