//! `entente eval DIR`: scores the engine against a gold set laid out as
//! `DIR/articles/NAME.txt` + `DIR/gold/NAME.json` (+ an optional `DIR/manifest.tsv` whose
//! `file` and `group` columns name each article's group).
//!
//! The scoring is the one the evaluation set's README describes:
//! - Actors (EV-ACT): a system actor matches a gold actor when its name or one of its
//!   mention surfaces is the gold actor's canonical name or one of its aliases (case
//!   folded). Precision is over all the system's actors (outlets included: the gold lists
//!   the news agencies a report names as sources), recall over the gold's.
//! - Relations (EV-REL): a system relation matches a gold one when their sentences match
//!   (one contains the other, or token Jaccard >= 0.6, EV-SENT) and their endpoints match
//!   at the level: *pair* (unordered), *directed*, *coded* (directed and the same quad; a
//!   relation flagged `negated` counts as `neutral`). A gold relation noted `symmetric`
//!   matches in either direction (EV-SYM).
//! - Person level keeps the gold's actors; country level maps every endpoint through its
//!   actor's country (international bodies stay themselves) and drops relations between an
//!   actor and itself (EV-COUNTRY). A system actor maps through the gold actor it matches,
//!   else through its own country.
//! - Recall is over gold relations; precision over the system relations whose sentence
//!   matches one of the gold's sentences (the gold is not exhaustive). At each level the
//!   relations of one sentence with the same key count once on each side (EV-DEDUP), so
//!   Putin->Iran and Russia->Iran in one sentence are one country-level relation.
//!
//! Counts are summed over documents (micro average) per group and overall.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use entente_core::model::{Document, Flag, Quad};
use entente_core::Engine;
use serde::Deserialize;

/// A gold file: `{"actors": [...], "relations": [...]}`.
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    pub actors: Vec<GoldActor>,
    pub relations: Vec<GoldRelation>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldActor {
    pub name: String,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub aliases_in_text: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldRelation {
    pub sentence: String,
    pub source: String,
    pub target: String,
    pub quad: Quad,
    #[serde(default)]
    pub note: Option<String>,
}

impl GoldRelation {
    fn symmetric(&self) -> bool {
        self.note
            .as_deref()
            .is_some_and(|n| n.contains("symmetric"))
    }
}

/// True positives, system count and gold count for one measure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// System items that match the gold (precision's numerator).
    pub sys_hit: usize,
    pub sys: usize,
    /// Gold items found (recall's numerator).
    pub gold_hit: usize,
    pub gold: usize,
}

impl Tally {
    pub fn precision(&self) -> f64 {
        ratio(self.sys_hit, self.sys)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.gold_hit, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Tally) {
        self.sys_hit += o.sys_hit;
        self.sys += o.sys;
        self.gold_hit += o.gold_hit;
        self.gold += o.gold;
    }
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        n as f64 / d as f64
    }
}

/// The relation levels, in table order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Pair,
    Directed,
    Coded,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Pair, Level::Directed, Level::Coded];
    fn name(self) -> &'static str {
        match self {
            Level::Pair => "pair",
            Level::Directed => "directed",
            Level::Coded => "coded",
        }
    }
}

/// Person level or country level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grain {
    Person,
    Country,
}

impl Grain {
    pub const ALL: [Grain; 2] = [Grain::Person, Grain::Country];
    fn name(self) -> &'static str {
        match self {
            Grain::Person => "person",
            Grain::Country => "country",
        }
    }
}

/// Every measure of one document or group.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Score {
    pub actors: Tally,
    /// Indexed by `[grain][level]`.
    pub relations: [[Tally; 3]; 2],
}

impl Score {
    pub fn rel(&self, grain: Grain, level: Level) -> Tally {
        self.relations[grain as usize][level as usize]
    }
    fn add(&mut self, o: &Score) {
        self.actors.add(o.actors);
        for g in 0..2 {
            for l in 0..3 {
                self.relations[g][l].add(o.relations[g][l]);
            }
        }
    }
}

/// One relation reduced to what scoring compares.
#[derive(Debug, Clone)]
struct Item {
    sentence: String,
    source: String,
    target: String,
    quad: Quad,
    symmetric: bool,
}

/// A relation missed or wrongly found, at country level, coded (for `--errors`).
#[derive(Debug, Clone)]
pub struct Miss {
    pub sentence: String,
    pub text: String,
}

/// The score of one document and, at country level coded, what was missed and what was wrong.
#[derive(Debug, Clone, Default)]
pub struct DocScore {
    pub score: Score,
    pub missed: Vec<Miss>,
    pub wrong: Vec<Miss>,
}

fn fold(s: &str) -> String {
    s.trim().to_lowercase()
}

/// Lower-case word tokens (letters and digits).
fn tokens(s: &str) -> HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// EV-SENT: one sentence contains the other (after folding white space and case), or their
/// token sets have a Jaccard index of at least 0.6.
pub fn sentences_match(a: &str, b: &str) -> bool {
    let norm = |s: &str| fold(&s.split_whitespace().collect::<Vec<_>>().join(" "));
    let (na, nb) = (norm(a), norm(b));
    if na.is_empty() || nb.is_empty() {
        return false;
    }
    if na.contains(&nb) || nb.contains(&na) {
        return true;
    }
    let (ta, tb) = (tokens(a), tokens(b));
    let inter = ta.intersection(&tb).count();
    let union = ta.len() + tb.len() - inter;
    union > 0 && inter as f64 / union as f64 >= 0.6
}

/// For each system actor (by id), the gold actor it matches, if any (EV-ACT): the gold
/// actor sharing the most surfaces with it, the first on a tie.
fn match_actors(gold: &Gold, doc: &Document) -> HashMap<String, usize> {
    let surfaces: Vec<HashSet<String>> = gold
        .actors
        .iter()
        .map(|g| {
            std::iter::once(&g.name)
                .chain(&g.aliases_in_text)
                .map(|s| fold(s))
                .collect()
        })
        .collect();
    let mut out = HashMap::new();
    for a in &doc.actors {
        let mine: HashSet<String> = std::iter::once(fold(&a.name))
            .chain(a.mentions.iter().map(|m| fold(&m.text)))
            .collect();
        let best = surfaces
            .iter()
            .enumerate()
            .map(|(i, s)| (i, s.intersection(&mine).count()))
            .filter(|&(_, n)| n > 0)
            .fold(None, |best: Option<(usize, usize)>, (i, n)| match best {
                Some((_, bn)) if bn >= n => best,
                _ => Some((i, n)),
            });
        if let Some((i, _)) = best {
            out.insert(a.id.clone(), i);
        }
    }
    out
}

/// Scores one document against its gold.
pub fn score_document(gold: &Gold, doc: &Document) -> DocScore {
    let matched = match_actors(gold, doc);
    let mut score = Score::default();

    // Actors.
    let shown: Vec<_> = doc.actors.iter().collect();
    let found: HashSet<usize> = shown
        .iter()
        .filter_map(|a| matched.get(&a.id).copied())
        .collect();
    score.actors = Tally {
        sys_hit: shown.iter().filter(|a| matched.contains_key(&a.id)).count(),
        sys: shown.len(),
        gold_hit: found.len(),
        gold: gold.actors.len(),
    };

    let gold_index: HashMap<&str, usize> = gold
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.name.as_str(), i))
        .collect();
    let gold_end = |name: &str, grain: Grain| -> String {
        match (grain, gold_index.get(name)) {
            (Grain::Country, Some(&i)) => gold.actors[i]
                .country
                .clone()
                .unwrap_or_else(|| gold.actors[i].name.clone()),
            _ => name.to_string(),
        }
    };
    let sys_end = |id: &str, grain: Grain| -> String {
        if let Some(&i) = matched.get(id) {
            return gold_end(&gold.actors[i].name, grain);
        }
        let actor = doc.actors.iter().find(|a| a.id == id);
        match (grain, actor.and_then(|a| a.country.clone())) {
            (Grain::Country, Some(c)) => c,
            _ => format!("?{id}"),
        }
    };

    let gold_sentences: Vec<&str> = gold.relations.iter().map(|r| r.sentence.as_str()).collect();
    let mut missed = Vec::new();
    let mut wrong = Vec::new();
    for grain in Grain::ALL {
        let golds: Vec<Item> = gold
            .relations
            .iter()
            .map(|r| Item {
                sentence: r.sentence.clone(),
                source: gold_end(&r.source, grain),
                target: gold_end(&r.target, grain),
                quad: r.quad,
                symmetric: r.symmetric(),
            })
            .filter(|i| grain == Grain::Person || i.source != i.target)
            .collect();
        let systems: Vec<Item> = doc
            .relations
            .iter()
            .filter(|r| {
                gold_sentences
                    .iter()
                    .any(|g| sentences_match(g, &r.sentence))
            })
            .map(|r| Item {
                sentence: r.sentence.clone(),
                source: sys_end(&r.source, grain),
                target: sys_end(&r.target, grain),
                quad: if r.has(Flag::Negated) {
                    Quad::Neutral
                } else {
                    r.quad
                },
                symmetric: false,
            })
            .filter(|i| grain == Grain::Person || i.source != i.target)
            .collect();
        for level in Level::ALL {
            let golds = dedup(&golds, level);
            let systems = dedup(&systems, level);
            let gold_hit: Vec<bool> = golds
                .iter()
                .map(|g| systems.iter().any(|s| matches(g, s, level)))
                .collect();
            let sys_hit: Vec<bool> = systems
                .iter()
                .map(|s| golds.iter().any(|g| matches(g, s, level)))
                .collect();
            score.relations[grain as usize][level as usize] = Tally {
                sys_hit: sys_hit.iter().filter(|&&h| h).count(),
                sys: systems.len(),
                gold_hit: gold_hit.iter().filter(|&&h| h).count(),
                gold: golds.len(),
            };
            if grain == Grain::Country && level == Level::Coded {
                missed = golds
                    .iter()
                    .zip(&gold_hit)
                    .filter(|(_, &h)| !h)
                    .map(|(g, _)| describe(g))
                    .collect();
                wrong = systems
                    .iter()
                    .zip(&sys_hit)
                    .filter(|(_, &h)| !h)
                    .map(|(s, _)| describe(s))
                    .collect();
            }
        }
    }
    DocScore {
        score,
        missed,
        wrong,
    }
}

fn describe(i: &Item) -> Miss {
    Miss {
        sentence: i.sentence.clone(),
        text: format!(
            "{} -> {} {}{}",
            i.source,
            i.target,
            i.quad.as_str(),
            if i.symmetric { " (symmetric)" } else { "" }
        ),
    }
}

/// The key of an item at a level, within its sentence (EV-DEDUP).
fn key(i: &Item, level: Level) -> (String, String, String, Option<Quad>) {
    let (a, b) = match level {
        Level::Pair if i.source > i.target => (i.target.clone(), i.source.clone()),
        _ => (i.source.clone(), i.target.clone()),
    };
    let quad = (level == Level::Coded).then_some(i.quad);
    (fold(&i.sentence), a, b, quad)
}

fn dedup(items: &[Item], level: Level) -> Vec<Item> {
    let mut seen = HashSet::new();
    items
        .iter()
        .filter(|i| seen.insert(key(i, level)))
        .cloned()
        .collect()
}

fn matches(g: &Item, s: &Item, level: Level) -> bool {
    if !sentences_match(&g.sentence, &s.sentence) {
        return false;
    }
    let same = g.source == s.source && g.target == s.target;
    let crossed = g.source == s.target && g.target == s.source;
    match level {
        Level::Pair => same || crossed,
        Level::Directed => same || (g.symmetric && crossed),
        Level::Coded => (same || (g.symmetric && crossed)) && g.quad == s.quad,
    }
}

/// One scored article of the set.
#[derive(Debug)]
pub struct Scored {
    pub name: String,
    pub group: String,
    pub doc: DocScore,
}

/// Reads the set in `dir` and scores the engine on every article with a gold file, in
/// name order.
pub fn run(engine: &Engine, dir: &Path) -> Result<Vec<Scored>> {
    let gold_dir = dir.join("gold");
    let articles = dir.join("articles");
    let groups = read_manifest(&dir.join("manifest.tsv"));
    let mut names: Vec<PathBuf> = fs::read_dir(&gold_dir)
        .with_context(|| format!("reading {}", gold_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    if names.is_empty() {
        bail!("no gold files (*.json) in {}", gold_dir.display());
    }
    let mut out = Vec::new();
    for path in names {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .context("gold file name is not UTF-8")?
            .to_string();
        let gold: Gold = serde_json::from_str(
            &fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?,
        )
        .with_context(|| format!("parsing {}", path.display()))?;
        let article = articles.join(format!("{stem}.txt"));
        let text = fs::read_to_string(&article)
            .with_context(|| format!("reading {}", article.display()))?;
        let doc = engine.analyze(&article.to_string_lossy(), &text);
        out.push(Scored {
            group: groups.get(&stem).cloned().unwrap_or_else(|| "all".into()),
            name: stem,
            doc: score_document(&gold, &doc),
        });
    }
    Ok(out)
}

/// `file` -> `group` from a manifest with a header line; empty when there is none.
fn read_manifest(path: &Path) -> HashMap<String, String> {
    let Ok(text) = fs::read_to_string(path) else {
        return HashMap::new();
    };
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name);
    let (Some(file), Some(group)) = (col("file"), col("group")) else {
        return HashMap::new();
    };
    lines
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            Some((cells.get(file)?.to_string(), cells.get(group)?.to_string()))
        })
        .collect()
}

/// Sums per group (in first-seen order) and overall.
pub fn totals(scored: &[Scored]) -> (Vec<(String, Score)>, Score) {
    let mut groups: Vec<(String, Score)> = Vec::new();
    let mut all = Score::default();
    for s in scored {
        match groups.iter_mut().find(|(g, _)| *g == s.group) {
            Some((_, score)) => score.add(&s.doc.score),
            None => groups.push((s.group.clone(), s.doc.score.clone())),
        }
        all.add(&s.doc.score);
    }
    (groups, all)
}

/// The table printed by `entente eval`.
pub fn table(scored: &[Scored]) -> String {
    let (groups, all) = totals(scored);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<18} {:>4}  {:<8} {:<8}  {:>5} {:>5} {:>5}  {:>9} {:>9}",
        "group", "docs", "grain", "level", "P", "R", "F1", "sys hit", "gold hit"
    );
    let counts: BTreeMap<&str, usize> = scored.iter().fold(BTreeMap::new(), |mut m, s| {
        *m.entry(s.group.as_str()).or_default() += 1;
        m
    });
    let rows = groups
        .iter()
        .map(|(g, s)| (g.as_str(), counts[g.as_str()], s))
        .chain(std::iter::once(("ALL", scored.len(), &all)));
    for (group, n, score) in rows {
        let mut line = |grain: &str, level: &str, t: Tally| {
            let _ = writeln!(
                out,
                "{group:<18} {n:>4}  {grain:<8} {level:<8}  {:>5.2} {:>5.2} {:>5.2}  {:>4}/{:<4} {:>4}/{:<4}",
                t.precision(),
                t.recall(),
                t.f1(),
                t.sys_hit,
                t.sys,
                t.gold_hit,
                t.gold
            );
        };
        line("actors", "", score.actors);
        for grain in Grain::ALL {
            for level in Level::ALL {
                line(grain.name(), level.name(), score.rel(grain, level));
            }
        }
        out.push('\n');
    }
    out
}

/// What was missed and wrongly found, per article, at country level coded.
pub fn errors(scored: &[Scored]) -> String {
    let mut out = String::new();
    for s in scored {
        if s.doc.missed.is_empty() && s.doc.wrong.is_empty() {
            continue;
        }
        let _ = writeln!(out, "## {}", s.name);
        for (label, list) in [("missed", &s.doc.missed), ("wrong", &s.doc.wrong)] {
            for m in list {
                let head: String = m.sentence.chars().take(110).collect();
                let _ = writeln!(out, "  {label:<6} {:<40} | {head}", m.text);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use entente_core::model::{Actor, ActorKind, Mention, Polarity, Relation, Span};

    fn gold_actor(name: &str, country: Option<&str>, aliases: &[&str]) -> GoldActor {
        GoldActor {
            name: name.into(),
            country: country.map(Into::into),
            aliases_in_text: aliases.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn gold_rel(sentence: &str, source: &str, target: &str, quad: Quad) -> GoldRelation {
        GoldRelation {
            sentence: sentence.into(),
            source: source.into(),
            target: target.into(),
            quad,
            note: None,
        }
    }

    fn actor(id: &str, kind: ActorKind, country: Option<&str>, surfaces: &[&str]) -> Actor {
        Actor {
            id: id.into(),
            name: surfaces[0].into(),
            kind,
            country: country.map(Into::into),
            mentions: surfaces
                .iter()
                .map(|s| Mention {
                    text: s.to_string(),
                    start: 0,
                    end: s.len(),
                })
                .collect(),
            role: None,
            source_only: false,
            known: true,
        }
    }

    fn rel(sentence: &str, source: &str, target: &str, quad: Quad, flags: Vec<Flag>) -> Relation {
        Relation {
            sentence: sentence.into(),
            source: source.into(),
            target: target.into(),
            quad,
            polarity: Polarity::Neutral,
            goldstein: 0.0,
            cameo: String::new(),
            cue: String::new(),
            rule: String::new(),
            flags,
            sentence_index: 0,
            cue_span: Span::new(0, 0),
            event: String::new(),
            reported_by: None,
        }
    }

    fn doc(actors: Vec<Actor>, relations: Vec<Relation>) -> Document {
        Document {
            path: "t".into(),
            title: None,
            date: None,
            source: None,
            url: None,
            body_len: 0,
            sentences: Vec::new(),
            actors,
            relations,
        }
    }

    const S1: &str = "The Kremlin chief denounced the blockade imposed by Ruritania on Freedonia.";
    const S2: &str =
        "Talks between Ruritania and Freedonia resumed on Tuesday in a neutral capital.";

    fn gold() -> Gold {
        let mut talks = gold_rel(S2, "Ruritania", "Freedonia", Quad::VerbalCooperation);
        talks.note = Some("symmetric".into());
        Gold {
            actors: vec![
                gold_actor("Russia", Some("RUS"), &["the Kremlin", "Moscow"]),
                gold_actor("Ivan Petrov", Some("RUS"), &["Petrov", "The Kremlin chief"]),
                gold_actor("Ruritania", Some("RUR"), &["Ruritania"]),
                gold_actor("Freedonia", Some("FRE"), &["Freedonia"]),
            ],
            relations: vec![
                gold_rel(S1, "Ivan Petrov", "Ruritania", Quad::VerbalConflict),
                gold_rel(S1, "Ruritania", "Freedonia", Quad::MaterialConflict),
                talks,
            ],
        }
    }

    #[test]
    fn sentences_match_by_containment_or_overlap() {
        assert!(sentences_match(
            S1,
            "denounced the blockade imposed by Ruritania"
        ));
        assert!(sentences_match(
            S1,
            "The Kremlin chief denounced the blockade that Ruritania imposed on Freedonia."
        ));
        assert!(!sentences_match(S1, S2));
        assert!(!sentences_match(S1, ""));
    }

    #[test]
    fn perfect_output_scores_one_everywhere() {
        let d = doc(
            vec![
                actor("RUS", ActorKind::State, Some("RUS"), &["Russia"]),
                actor(
                    "petrov",
                    ActorKind::Person,
                    Some("RUS"),
                    &["Ivan Petrov", "The Kremlin chief"],
                ),
                actor("RUR", ActorKind::State, Some("RUR"), &["Ruritania"]),
                actor("FRE", ActorKind::State, Some("FRE"), &["Freedonia"]),
            ],
            vec![
                rel(S1, "petrov", "RUR", Quad::VerbalConflict, vec![]),
                rel(S1, "RUR", "FRE", Quad::MaterialConflict, vec![]),
                // The symmetric act found in the other direction.
                rel(S2, "FRE", "RUR", Quad::VerbalCooperation, vec![]),
            ],
        );
        let s = score_document(&gold(), &d).score;
        assert_eq!(
            s.actors,
            Tally {
                sys_hit: 4,
                sys: 4,
                gold_hit: 4,
                gold: 4
            }
        );
        for grain in Grain::ALL {
            for level in Level::ALL {
                let t = s.rel(grain, level);
                assert_eq!(
                    (t.precision(), t.recall()),
                    (1.0, 1.0),
                    "{grain:?} {level:?}"
                );
            }
        }
    }

    #[test]
    fn reversed_wrong_quad_negated_and_out_of_scope() {
        let d = doc(
            vec![
                actor("petrov", ActorKind::Person, Some("RUS"), &["Petrov"]),
                actor("RUR", ActorKind::State, Some("RUR"), &["Ruritania"]),
                actor("FRE", ActorKind::State, Some("FRE"), &["Freedonia"]),
                actor("narnia", ActorKind::State, Some("NAR"), &["Narnia"]),
            ],
            vec![
                // Reversed: right pair, wrong direction.
                rel(S1, "RUR", "petrov", Quad::VerbalConflict, vec![]),
                // Right direction, but negated: counts as neutral, so not coded right.
                rel(
                    S1,
                    "RUR",
                    "FRE",
                    Quad::MaterialConflict,
                    vec![Flag::Negated],
                ),
                // A sentence the gold does not code: outside precision.
                rel(
                    "Narnia praised Freedonia.",
                    "narnia",
                    "FRE",
                    Quad::VerbalCooperation,
                    vec![],
                ),
            ],
        );
        let s = score_document(&gold(), &d).score;
        // Narnia is no gold actor.
        assert_eq!(
            s.actors,
            Tally {
                sys_hit: 3,
                sys: 4,
                gold_hit: 3,
                gold: 4
            }
        );
        let t = |l| s.rel(Grain::Person, l);
        assert_eq!(
            t(Level::Pair),
            Tally {
                sys_hit: 2,
                sys: 2,
                gold_hit: 2,
                gold: 3
            }
        );
        assert_eq!(
            t(Level::Directed),
            Tally {
                sys_hit: 1,
                sys: 2,
                gold_hit: 1,
                gold: 3
            }
        );
        assert_eq!(
            t(Level::Coded),
            Tally {
                sys_hit: 0,
                sys: 2,
                gold_hit: 0,
                gold: 3
            }
        );
    }

    #[test]
    fn country_level_maps_people_merges_and_drops_self_relations() {
        let d = doc(
            vec![
                actor("RUS", ActorKind::State, Some("RUS"), &["the Kremlin"]),
                actor("petrov", ActorKind::Person, Some("RUS"), &["Petrov"]),
                actor("RUR", ActorKind::State, Some("RUR"), &["Ruritania"]),
            ],
            vec![
                // Both map to RUS -> RUR: one country-level relation (EV-DEDUP).
                rel(S1, "petrov", "RUR", Quad::VerbalConflict, vec![]),
                rel(S1, "RUS", "RUR", Quad::VerbalConflict, vec![]),
                // RUS -> RUS drops out at country level.
                rel(S1, "petrov", "RUS", Quad::VerbalConflict, vec![]),
            ],
        );
        let s = score_document(&gold(), &d).score;
        let person = s.rel(Grain::Person, Level::Coded);
        assert_eq!((person.sys_hit, person.sys), (1, 3));
        let country = s.rel(Grain::Country, Level::Coded);
        assert_eq!(
            country,
            Tally {
                sys_hit: 1,
                sys: 1,
                gold_hit: 1,
                gold: 3
            }
        );
    }
}
