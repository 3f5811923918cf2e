//! Scoring the actor matcher against a gold file (tests/gold/*.toml): precision,
//! recall and F1 at the level of (document, actor id) and of mentions
//! (document, actor id, surface, in text order), with the misses and false
//! positives listed so a reader can see them.

use std::collections::{BTreeMap, BTreeSet};

use entente_core::Document;
use serde::Deserialize;

/// A gold file: documents with their actors.
#[derive(Debug, Deserialize)]
pub struct Gold {
    pub doc: Vec<GoldDoc>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldDoc {
    pub file: String,
    #[serde(default)]
    pub actor: Vec<GoldActor>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldActor {
    pub id: String,
    pub surfaces: Vec<String>,
    #[serde(default)]
    pub known: Option<bool>,
    #[serde(default)]
    pub source_only: Option<bool>,
}

pub use crate::scoring::Prf;

/// Length of the longest common subsequence: surfaces matched in order.
fn lcs(a: &[String], b: &[String]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut prev = 0;
        for (j, y) in b.iter().enumerate() {
            let keep = row[j + 1];
            row[j + 1] = if x == y {
                prev + 1
            } else {
                row[j + 1].max(row[j])
            };
            prev = keep;
        }
    }
    row[b.len()]
}

/// The scores of one evaluation, and a report to print.
pub struct Score {
    pub actors: Prf,
    pub mentions: Prf,
    pub report: String,
}

/// Scores `docs` (analysed, in any order) against `gold` (matched by file name).
pub fn score(gold: &Gold, docs: &[Document]) -> Score {
    let mut actors = Prf::default();
    let mut mentions = Prf::default();
    let mut report = String::new();
    for g in &gold.doc {
        let Some(d) = docs.iter().find(|d| d.path.ends_with(&g.file)) else {
            report.push_str(&format!("{}: not analysed\n", g.file));
            continue;
        };
        let gold_ids: BTreeSet<&str> = g.actor.iter().map(|a| a.id.as_str()).collect();
        let got_ids: BTreeSet<&str> = d.actors.iter().map(|a| a.id.as_str()).collect();
        let a = Prf {
            tp: gold_ids.intersection(&got_ids).count(),
            predicted: got_ids.len(),
            gold: gold_ids.len(),
        };
        actors.add(a);
        let mut m = Prf::default();
        let mut lines = Vec::new();
        let mut by_id: BTreeMap<&str, (Vec<String>, Vec<String>)> = BTreeMap::new();
        for ga in &g.actor {
            by_id.entry(&ga.id).or_default().0 = ga.surfaces.clone();
        }
        for da in &d.actors {
            by_id.entry(&da.id).or_default().1 =
                da.mentions.iter().map(|x| x.text.clone()).collect();
        }
        for (id, (want, got)) in &by_id {
            let tp = lcs(want, got);
            m.add(Prf {
                tp,
                predicted: got.len(),
                gold: want.len(),
            });
            if want.is_empty() {
                lines.push(format!("  FALSE POSITIVE actor {id}: {got:?}"));
            } else if got.is_empty() {
                lines.push(format!("  MISSED actor {id}: {want:?}"));
            } else if tp != want.len() || tp != got.len() {
                lines.push(format!("  mentions of {id}: {tp} in order of gold {} / found {}\n    gold:  {want:?}\n    found: {got:?}", want.len(), got.len()));
            }
        }
        for ga in &g.actor {
            if let Some(da) = d.actors.iter().find(|x| x.id == ga.id) {
                if ga.known.is_some_and(|k| k != da.known) {
                    lines.push(format!(
                        "  FLAG {}: known is {}, gold {:?}",
                        ga.id, da.known, ga.known
                    ));
                }
                if ga.source_only.is_some_and(|s| s != da.source_only) {
                    lines.push(format!(
                        "  FLAG {}: source_only is {}, gold {:?}",
                        ga.id, da.source_only, ga.source_only
                    ));
                }
            }
        }
        mentions.add(m);
        report.push_str(&format!("{}\n  actors   {a}\n  mentions {m}\n", g.file));
        for l in lines {
            report.push_str(&l);
            report.push('\n');
        }
    }
    report.push_str(&format!(
        "ALL\n  actors   {actors}\n  mentions {mentions}\n"
    ));
    Score {
        actors,
        mentions,
        report,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lcs_counts_in_order() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(lcs(&s(&["a", "b", "c"]), &s(&["a", "c"])), 2);
        assert_eq!(lcs(&s(&["a", "b"]), &s(&["b", "a"])), 1);
        assert_eq!(lcs(&s(&[]), &s(&["a"])), 0);
    }
}
