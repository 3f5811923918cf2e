//! Scoring coded relations against hand-coded gold (`tests/gold/*.toml`): precision, recall
//! and F1 for the actor pair, the direction, and direction plus quad class; polarity and flag
//! accuracy over the matched relations; and the misses and false positives, printed.

#![allow(dead_code)]

use std::collections::BTreeSet;
use std::fmt::Write as _;

use entente_core::{Document, Flag, Polarity, Quad, Span};
use serde::Deserialize;

/// One hand-coded relation.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldRow {
    #[serde(default)]
    pub file: Option<String>,
    /// A substring of one sentence of the file.
    pub sentence: String,
    /// Which occurrence of `sentence`, 1-based, when it is not unique.
    #[serde(default)]
    pub occurrence: Option<usize>,
    pub source: String,
    pub target: String,
    pub quad: Quad,
    pub polarity: Polarity,
    pub flags: Vec<Flag>,
    #[serde(default)]
    pub why: Option<String>,
}

#[derive(Debug, Deserialize)]
struct GoldFile {
    relation: Vec<GoldRow>,
}

/// Parses a gold file.
pub fn parse_gold(text: &str) -> Vec<GoldRow> {
    let g: GoldFile = toml::from_str(text).expect("gold file parses");
    g.relation
}

/// One analysed file: its name, raw text and the engine's document.
pub struct Analysed<'a> {
    pub name: &'a str,
    pub raw: &'a str,
    pub doc: Document,
}

/// Byte range of the gold row's sentence substring in the document body.
pub fn locate(row: &GoldRow, a: &Analysed) -> Result<Span, String> {
    let n = row.occurrence.unwrap_or(1);
    let found: Vec<usize> = a.raw.match_indices(&row.sentence).map(|(i, _)| i).collect();
    if row.occurrence.is_none() && found.len() != 1 {
        return Err(format!(
            "{}: `{}` occurs {} times; give `occurrence`",
            a.name,
            row.sentence,
            found.len()
        ));
    }
    let at = *found
        .get(n.wrapping_sub(1))
        .ok_or_else(|| format!("{}: `{}` occurrence {n} not found", a.name, row.sentence))?;
    let body_offset = a.raw.len() - a.doc.body_len;
    if at < body_offset {
        return Err(format!("{}: `{}` is in the header", a.name, row.sentence));
    }
    Ok(Span::new(
        at - body_offset,
        at - body_offset + row.sentence.len(),
    ))
}

/// Indices of the document's sentences a body range touches (or the one it starts in).
fn sentences_of(doc: &Document, r: Span) -> BTreeSet<usize> {
    let mut out: BTreeSet<usize> = doc
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| s.start < r.end && r.start < s.end)
        .map(|(i, _)| i)
        .collect();
    if out.is_empty() {
        // No sentence covers it (the splitter dropped it as furniture): a key no relation has.
        out.insert(usize::MAX);
    }
    out
}

fn pred_sentence(doc: &Document, r: &entente_core::Relation) -> usize {
    match doc.sentences.get(r.sentence_index) {
        Some(s) if s.start <= r.cue_span.start && r.cue_span.end <= s.end => r.sentence_index,
        _ => doc
            .sentences
            .iter()
            .position(|s| s.start <= r.cue_span.start && r.cue_span.start < s.end)
            .unwrap_or(usize::MAX - 1),
    }
}

pub use crate::scoring::Prf;

/// The figures of one evaluation.
#[derive(Debug, Default)]
pub struct Scores {
    pub pair: Prf,
    pub direction: Prf,
    pub quad: Prf,
    /// Gold rows whose (direction, quad) key was found, and of those with the right
    /// polarity / the exact flags.
    pub matched_rows: usize,
    pub polarity_ok: usize,
    pub flags_ok: usize,
    /// Per flag over matched rows: (true positives, gold count, predicted count).
    pub per_flag: Vec<(Flag, usize, usize, usize)>,
    pub report: String,
}

impl Scores {
    pub fn polarity_accuracy(&self) -> f64 {
        ratio(self.polarity_ok, self.matched_rows)
    }
    pub fn flag_accuracy(&self) -> f64 {
        ratio(self.flags_ok, self.matched_rows)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Level {
    Pair,
    Direction,
    Quad,
}

/// A gold key: file index, the sentences it may be in, the actors, the quad.
struct GKey {
    file: usize,
    sents: BTreeSet<usize>,
    src: String,
    tgt: String,
    quad: Quad,
    text: String,
}

/// A predicted key.
struct PKey {
    file: usize,
    sent: usize,
    src: String,
    tgt: String,
    quad: Quad,
}

fn same(level: Level, g: &GKey, p: &PKey) -> bool {
    if g.file != p.file || !g.sents.contains(&p.sent) {
        return false;
    }
    match level {
        Level::Pair => (g.src == p.src && g.tgt == p.tgt) || (g.src == p.tgt && g.tgt == p.src),
        Level::Direction => g.src == p.src && g.tgt == p.tgt,
        Level::Quad => g.src == p.src && g.tgt == p.tgt && g.quad == p.quad,
    }
}

fn key_of(level: Level, src: &str, tgt: &str, quad: Quad) -> (String, String, Option<Quad>) {
    match level {
        Level::Pair => {
            let (a, b) = if src <= tgt { (src, tgt) } else { (tgt, src) };
            (a.to_string(), b.to_string(), None)
        }
        Level::Direction => (src.to_string(), tgt.to_string(), None),
        Level::Quad => (src.to_string(), tgt.to_string(), Some(quad)),
    }
}

/// Greedy one-to-one matching of deduplicated gold and predicted keys at one level.
/// Returns the counts and, per gold key, the predicted key it matched.
fn match_level(level: Level, gold: &[GKey], pred: &[PKey]) -> (Prf, Vec<Option<usize>>, Vec<bool>) {
    let dedup_g: Vec<usize> = {
        let mut seen = BTreeSet::new();
        (0..gold.len())
            .filter(|&i| {
                let g = &gold[i];
                let k = key_of(level, &g.src, &g.tgt, g.quad);
                seen.insert((g.file, g.sents.clone(), k))
            })
            .collect()
    };
    let dedup_p: Vec<usize> = {
        let mut seen = BTreeSet::new();
        (0..pred.len())
            .filter(|&i| {
                let p = &pred[i];
                seen.insert((p.file, p.sent, key_of(level, &p.src, &p.tgt, p.quad)))
            })
            .collect()
    };
    let mut used = vec![false; pred.len()];
    let mut found: Vec<Option<usize>> = vec![None; gold.len()];
    let mut tp = 0;
    for &gi in &dedup_g {
        if let Some(&pi) = dedup_p
            .iter()
            .find(|&&pi| !used[pi] && same(level, &gold[gi], &pred[pi]))
        {
            used[pi] = true;
            tp += 1;
            found[gi] = Some(pi);
        }
    }
    // Rows that duplicate a matched key share its match.
    for gi in 0..gold.len() {
        if found[gi].is_none() {
            found[gi] = (0..pred.len()).find(|&pi| used[pi] && same(level, &gold[gi], &pred[pi]));
        }
    }
    let mut matched_pred = vec![false; pred.len()];
    for pi in 0..pred.len() {
        matched_pred[pi] =
            (0..gold.len()).any(|gi| found[gi].is_some() && same(level, &gold[gi], &pred[pi]));
    }
    (
        Prf {
            tp,
            gold: dedup_g.len(),
            predicted: dedup_p.len(),
        },
        found,
        matched_pred,
    )
}

fn short(s: &str, n: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= n {
        s
    } else {
        let mut t: String = s.chars().take(n).collect();
        t.push('…');
        t
    }
}

fn flags_str(f: &[Flag]) -> String {
    if f.is_empty() {
        "-".into()
    } else {
        f.iter().map(|x| x.as_str()).collect::<Vec<_>>().join(",")
    }
}

/// Scores the analysed files against the gold rows. `file_of(row)` names the file of a row.
pub fn evaluate(
    files: &[Analysed],
    rows: &[GoldRow],
    file_of: impl Fn(&GoldRow) -> String,
) -> Scores {
    let mut gold = Vec::new();
    for row in rows {
        let name = file_of(row);
        let fi = files
            .iter()
            .position(|a| a.name == name)
            .unwrap_or_else(|| panic!("gold names unknown file {name}"));
        let range = locate(row, &files[fi]).unwrap_or_else(|e| panic!("{e}"));
        gold.push(GKey {
            file: fi,
            sents: sentences_of(&files[fi].doc, range),
            src: row.source.clone(),
            tgt: row.target.clone(),
            quad: row.quad,
            text: row.sentence.clone(),
        });
    }
    let mut pred = Vec::new();
    let mut pred_rel = Vec::new();
    for (fi, a) in files.iter().enumerate() {
        for r in &a.doc.relations {
            pred.push(PKey {
                file: fi,
                sent: pred_sentence(&a.doc, r),
                src: r.source.clone(),
                tgt: r.target.clone(),
                quad: r.quad,
            });
            pred_rel.push((fi, r.clone()));
        }
    }
    let (pair, _, _) = match_level(Level::Pair, &gold, &pred);
    let (direction, _, _) = match_level(Level::Direction, &gold, &pred);
    let (quad, found, matched_pred) = match_level(Level::Quad, &gold, &pred);

    let mut s = Scores {
        pair,
        direction,
        quad,
        ..Scores::default()
    };
    let mut per_flag: Vec<(Flag, usize, usize, usize)> =
        Flag::ALL.iter().map(|&f| (f, 0, 0, 0)).collect();
    let mut flag_diffs: Vec<String> = Vec::new();
    for (gi, row) in rows.iter().enumerate() {
        if found[gi].is_none() {
            continue;
        }
        s.matched_rows += 1;
        let cands: Vec<&entente_core::Relation> = (0..pred.len())
            .filter(|&pi| same(Level::Quad, &gold[gi], &pred[pi]))
            .map(|pi| &pred_rel[pi].1)
            .collect();
        if cands.iter().any(|r| r.polarity == row.polarity) {
            s.polarity_ok += 1;
        }
        let want: BTreeSet<Flag> = row.flags.iter().copied().collect();
        let best = cands
            .iter()
            .max_by_key(|r| {
                let have: BTreeSet<Flag> = r.flags.iter().copied().collect();
                (
                    have == want,
                    have.intersection(&want).count(),
                    usize::MAX - have.symmetric_difference(&want).count(),
                )
            })
            .copied();
        if let Some(r) = best {
            let have: BTreeSet<Flag> = r.flags.iter().copied().collect();
            if have == want {
                s.flags_ok += 1;
            } else {
                let w: Vec<Flag> = want.iter().copied().collect();
                let h: Vec<Flag> = have.iter().copied().collect();
                flag_diffs.push(format!(
                    "  {} | {} | {}->{} {} | gold [{}] coded [{}]",
                    files[gold[gi].file].name.get(..3).unwrap_or(""),
                    short(&row.sentence, 50),
                    row.source,
                    row.target,
                    row.quad.as_str(),
                    flags_str(&w),
                    flags_str(&h)
                ));
            }
            for e in per_flag.iter_mut() {
                let (g, p) = (want.contains(&e.0), have.contains(&e.0));
                e.1 += usize::from(g && p);
                e.2 += usize::from(g);
                e.3 += usize::from(p);
            }
        }
    }
    s.per_flag = per_flag;

    // The report.
    let mut out = String::new();
    let _ = writeln!(
        out,
        "| level | precision | recall | F1 | tp | gold | predicted |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|");
    for (name, p) in [
        ("(a) actor pair", s.pair),
        ("(b) direction", s.direction),
        ("(c) direction + quad", s.quad),
    ] {
        let _ = writeln!(
            out,
            "| {name} | {:.3} | {:.3} | {:.3} | {} | {} | {} |",
            p.precision(),
            p.recall(),
            p.f1(),
            p.tp,
            p.gold,
            p.predicted
        );
    }
    let _ = writeln!(
        out,
        "polarity accuracy over matched (c): {:.3} ({}/{}); exact flags: {:.3} ({}/{})",
        s.polarity_accuracy(),
        s.polarity_ok,
        s.matched_rows,
        s.flag_accuracy(),
        s.flags_ok,
        s.matched_rows
    );
    let _ = write!(out, "per flag on matched (tp/gold/pred):");
    for (f, tp, g, p) in &s.per_flag {
        let _ = write!(out, " {}={}/{}/{}", f.as_str(), tp, g, p);
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "\nFLAG DIFFERENCES (matched at (c)):");
    for d in &flag_diffs {
        let _ = writeln!(out, "{d}");
    }
    let _ = writeln!(out, "\nMISSES (gold not found at (c)):");
    for (gi, row) in rows.iter().enumerate() {
        if found[gi].is_some() {
            continue;
        }
        let g = &gold[gi];
        let got: Vec<String> = (0..pred.len())
            .filter(|&pi| pred[pi].file == g.file && g.sents.contains(&pred[pi].sent))
            .map(|pi| {
                format!(
                    "{}->{} {}",
                    pred[pi].src,
                    pred[pi].tgt,
                    pred[pi].quad.as_str()
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "  {} | {} | {}->{} {} [{}] | coded there: {}",
            files[g.file].name.get(..3).unwrap_or(""),
            short(&g.text, 60),
            row.source,
            row.target,
            row.quad.as_str(),
            flags_str(&row.flags),
            if got.is_empty() {
                "nothing".into()
            } else {
                got.join("; ")
            }
        );
    }
    let _ = writeln!(out, "\nFALSE POSITIVES (coded, not in gold at (c)):");
    for (pi, (fi, r)) in pred_rel.iter().enumerate() {
        if matched_pred[pi] {
            continue;
        }
        let _ = writeln!(
            out,
            "  {} | {} | {}->{} {} [{}] cue `{}` rule {}",
            files[*fi].name.get(..3).unwrap_or(""),
            short(&r.sentence, 60),
            r.source,
            r.target,
            r.quad.as_str(),
            flags_str(&r.flags),
            r.cue,
            r.rule
        );
    }
    s.report = out;
    s
}
