//! `entente`: the command-line front of the analysis core. It reads files (or JSONL
//! articles, [`entente_cli::jsonl`]), hands them to [`entente_core::Engine::analyze`] and
//! prints the analysis JSON (the contract in `shared/docs/analysis-json.md`), a readable
//! summary, or event rows ([`entente_cli::events`]). All analysis lives in the core.

use std::fmt::Write as _;
use std::fs;
use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use entente_cli::{events, jsonl};
use entente_core::{Document, Engine};
use rayon::prelude::*;
use serde::Serialize;

mod eval;

/// The default for `--max-bytes`: 64 MiB.
const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Errors and exit status, shared by the help of every command.
const EXIT_STATUS: &str = "\
ERRORS AND EXIT STATUS:
    A file that cannot be analysed (missing, a directory, not valid UTF-8, over
    --max-bytes) is reported on standard error as one line `entente: FILE: reason`;
    the other files are still analysed and printed (with --json, the failed ones
    are listed under \"errors\" and absent from \"documents\"). An empty file is
    not an error: it gives a document with no actors.
    With --jsonl, a line that cannot be analysed (not a JSON object, no `id`, no
    `text` or one that is not a string, not valid UTF-8, over --max-bytes) is
    reported as `entente: FILE:LINE: reason`, gives the output line
    {\"id\": ..., \"error\": \"reason\"} ({\"line\": N, \"error\": ...} when it has no
    usable id; `events` prints no row for it), and the rest goes on.
    0  every file was analysed (with --jsonl: every line)
    1  at least one file failed (with --jsonl: or at least one line)
    2  the command line is wrong";

const OVERVIEW: &str = "\
USAGE BY COMMAND:
    entente analyze [--json | --pretty | --jsonl] [--sentences] [--lossy]
                    [--max-bytes N] [-j N] FILE...
    entente events [--jsonl] [--lossy] [--max-bytes N] [-j N] FILE...
    entente eval [--errors] DIR
    `entente COMMAND --help` describes a command's options (--max-bytes: 64 MiB
    unless given).

A FILE may start with a header block (`title:`, `source:`, `url:`, `date:` lines ended
by a line `---`); without one the whole file is the article. `-` reads standard input.

";

const ANALYZE_AFTER: &str = "\
A FILE may start with a header block (`title:`, `source:`, `url:`, `date:` lines ended
by a line `---`); without one the whole file is the article. `-` reads standard input.

Without --json, a summary per document: title, date, sentence count, actors (kind,
country, mentions) and relations as `source -[quad goldstein flags]-> target: cue (rule)`.

JSONL (--jsonl): each input line is one article, a JSON object with `id` (a string or
number) and `text` (all of it the article body), and optionally `title`, `date`, `url`,
`source` (strings; the date is read as a header's and normalised to YYYY-MM-DD; other
fields are ignored; blank lines are skipped). Each output line is one document of the
analysis JSON with `id` first and `path` set to FILE:LINE, in input order. Lines are
read in batches, analysed on the --jobs threads and written before the next batch is
read, so memory stays bounded whatever the input size.

";

const EVENTS_AFTER: &str = "\
One row per relation, tab-separated, after a header line. Columns named after GDELT's
event table mean the same: SQLDATE (the document's date as in the analysis JSON,
YYYY-MM-DD rather than GDELT's YYYYMMDD; empty when unknown), DocumentId (the FILE,
or the JSONL `id`), SOURCEURL, Actor1Code, Actor1Name, Actor1CountryCode (the source
actor: its id, name, ISO alpha-3 country), Actor2Code, Actor2Name, Actor2CountryCode
(the target), EventCode and EventRootCode (CAMEO; empty when the rule has no code),
QuadClass (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
conflict, 0 neutral), GoldsteinScale. Then Entente's: Quad (its name), Flags
(comma-joined: negated, limited, hedged, reported, hypothetical), Cue, Sentence. Tabs
and line ends in text are written as spaces. With --jsonl, the input lines are
articles as for `entente analyze --jsonl` (see its --help).

";

/// entente: actors and directed relations (CAMEO QuadClass, Goldstein, flags) in news articles
#[derive(Debug, Parser)]
#[command(
    name = "entente",
    version,
    subcommand_required = true,
    after_help = format!("{OVERVIEW}{EXIT_STATUS}"),
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// What the command line asks for.
#[derive(Debug, Subcommand)]
enum Command {
    /// Analyse articles: a summary, the analysis JSON, or JSONL in and out
    #[command(visible_alias = "analyse", after_help = format!("{ANALYZE_AFTER}{EXIT_STATUS}"))]
    Analyze(AnalyzeArgs),
    /// One tab-separated row per relation, with GDELT's column names
    #[command(after_help = format!("{EVENTS_AFTER}{EXIT_STATUS}"))]
    Events(Input),
    /// Score the engine against a gold set (DIR/articles, DIR/gold)
    #[command(after_help = EVAL_AFTER)]
    Eval {
        /// Also list, per article, the country-level coded relations
        /// missed and those found wrongly
        #[arg(long, verbatim_doc_comment)]
        errors: bool,
        /// The gold set: DIR/articles/NAME.txt, DIR/gold/NAME.json, DIR/manifest.tsv
        #[arg(value_name = "DIR")]
        dir: String,
    },
}

const EVAL_AFTER: &str = "\
entente eval DIR scores the engine against a gold set: DIR/articles/NAME.txt with
DIR/gold/NAME.json (and DIR/manifest.tsv naming each file's group). It prints actor
P/R/F1 and relation P/R/F1 at pair, directed and coded level, person and country
level, per group and overall (the scoring in the set's README; see src/eval.rs).";

/// `entente analyze`.
#[derive(Debug, Args)]
struct AnalyzeArgs {
    /// Print one JSON object for all files: {"documents": [...],
    /// "errors": [{"path", "error"}]}; the fields of each document follow
    /// the analysis JSON contract (compact, one line)
    #[arg(long, conflicts_with = "jsonl", verbatim_doc_comment)]
    json: bool,
    /// Like --json, indented
    #[arg(long, conflicts_with = "jsonl", verbatim_doc_comment)]
    pretty: bool,
    /// In the summary, also list every sentence
    #[arg(long, conflicts_with = "jsonl", verbatim_doc_comment)]
    sentences: bool,
    #[command(flatten)]
    input: Input,
}

/// The inputs and limits `analyze` and `events` share.
#[derive(Debug, Args)]
struct Input {
    /// Read each FILE as JSONL, one article per line, and (analyze)
    /// write one document per line; see below
    #[arg(long, verbatim_doc_comment)]
    jsonl: bool,
    /// Analyse input that is not valid UTF-8, with U+FFFD in place of
    /// the bad bytes (otherwise such a file, or JSONL line, is an error)
    #[arg(long, verbatim_doc_comment)]
    lossy: bool,
    /// Refuse files (with --jsonl: lines) larger than N bytes (default
    /// 67108864 = 64 MiB; K, M, G suffixes mean KiB, MiB, GiB)
    #[arg(long, value_name = "N", value_parser = parse_size, default_value_t = DEFAULT_MAX_BYTES, hide_default_value = true, verbatim_doc_comment)]
    max_bytes: u64,
    /// Analyse up to N files (JSONL lines) at once on N threads (default:
    /// the number of cores); the output keeps the input order
    #[arg(short = 'j', long, value_name = "N", value_parser = parse_jobs, verbatim_doc_comment)]
    jobs: Option<usize>,
    /// Article files, `-` for standard input
    #[arg(value_name = "FILE", required = true)]
    files: Vec<String>,
}

impl Input {
    fn jobs(&self) -> usize {
        self.jobs.unwrap_or_else(default_jobs)
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => return usage_error(&e),
    };
    let result = match cli.command {
        Command::Analyze(args) => analyze(&args),
        Command::Events(input) => print_events(&input),
        Command::Eval { dir, errors } => evaluate(&dir, errors),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("entente: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// `--help` and `--version` on standard output (exit 0); a wrong command line as
/// `entente: what is wrong` and a usage hint on standard error (exit 2).
fn usage_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        return match write_stdout(&e.to_string()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
            Err(_) => ExitCode::from(1),
        };
    }
    let text = match e.kind() {
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "no command given: analyze, events or eval".to_string()
        }
        _ => e.to_string(),
    };
    let text = text.strip_prefix("error: ").unwrap_or(&text);
    let first = text.lines().next().unwrap_or("the command line is wrong");
    let rest: Vec<&str> = text
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty() && !l.starts_with("For more information"))
        .collect();
    eprintln!("entente: {first}");
    for l in rest {
        eprintln!("{l}");
    }
    eprintln!("(see entente --help, or entente COMMAND --help)");
    ExitCode::from(2)
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn write_stdout(s: &str) -> Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(s.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// Scores the built-in engine on the gold set in `dir` and prints the table.
fn evaluate(dir: &str, errors: bool) -> Result<bool> {
    let engine = Engine::try_builtin().context("loading the built-in knowledge base")?;
    let scored = eval::run(&engine, std::path::Path::new(dir))?;
    let mut out = eval::table(&scored);
    if errors {
        out.push_str(&eval::errors(&scored));
    }
    write_stdout(&out)?;
    Ok(true)
}

/// The default for `--jobs`: the cores this process may use, or 1 if unknown.
fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// A `--jobs` value: a whole number of threads, at least 1.
fn parse_jobs(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("`{s}` is not a number of threads (1 or more)")),
    }
}

/// `1000`, `64K`, `64MiB`, `1G` (binary units).
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let (num, unit) = t.split_at(digits);
    let n: u64 = num
        .parse()
        .map_err(|_| format!("`{s}` is not a size (bytes, or a number with K, M or G)"))?;
    let mult: u64 = match unit.to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        _ => return Err(format!("unknown unit in `{s}` (K, M or G)")),
    };
    n.checked_mul(mult)
        .ok_or_else(|| format!("`{s}` is too large"))
}

/// One file that could not be analysed.
#[derive(Debug, Serialize)]
struct FileError {
    path: String,
    error: String,
}

/// The `--json` output: the contract's `documents`, plus the files that failed.
#[derive(Serialize)]
struct Output<'a> {
    documents: &'a [Document],
    errors: &'a [FileError],
}

/// The built-in engine and the `--jobs` pool (none for one job: no thread is started).
struct Runner {
    engine: Engine,
    pool: Option<rayon::ThreadPool>,
    jobs: usize,
}

impl Runner {
    fn new(jobs: usize) -> Result<Self> {
        let engine = Engine::try_builtin().context("loading the built-in knowledge base")?;
        let jobs = jobs.max(1);
        let pool = if jobs > 1 {
            Some(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(jobs)
                    .build()
                    .context("starting the thread pool for --jobs")?,
            )
        } else {
            None
        };
        Ok(Runner { engine, pool, jobs })
    }

    /// `f` over `items` on the pool, results in the items' order.
    fn map<T: Send, U: Send>(&self, items: Vec<T>, f: impl Fn(T) -> U + Sync + Send) -> Vec<U> {
        match &self.pool {
            Some(pool) => pool.install(|| items.into_par_iter().map(f).collect()),
            None => items.into_iter().map(f).collect(),
        }
    }
}

/// `entente analyze`; returns whether every file (JSONL line) was analysed.
fn analyze(args: &AnalyzeArgs) -> Result<bool> {
    let input = &args.input;
    let runner = Runner::new(input.jobs())?;
    if input.jsonl {
        let mut out = io::BufWriter::new(io::stdout().lock());
        return stream_jsonl(&runner, input, &mut out, true, |art, doc| {
            jsonl::document_line(&art.id, &doc)
        });
    }
    let json = args.json || args.pretty;
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    analyse_files(&runner, input, |path, result| {
        match result {
            Ok((text, doc)) => {
                if json {
                    docs.push(doc);
                } else {
                    write_stdout(&summary(&doc, &text, args.sentences))?;
                }
            }
            Err(reason) => {
                eprintln!("entente: {path}: {reason}");
                errors.push(FileError {
                    path: path.to_string(),
                    error: reason,
                });
            }
        }
        Ok(())
    })?;
    if json {
        let out = Output {
            documents: &docs,
            errors: &errors,
        };
        let mut w = io::BufWriter::new(io::stdout().lock());
        if args.pretty {
            serde_json::to_writer_pretty(&mut w, &out)?;
        } else {
            serde_json::to_writer(&mut w, &out)?;
        }
        w.write_all(b"\n")?;
        w.flush()?;
    }
    Ok(errors.is_empty())
}

/// `entente events`: the header line, then a row per relation; returns whether every
/// file (JSONL line) was analysed.
fn print_events(input: &Input) -> Result<bool> {
    let runner = Runner::new(input.jobs())?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    out.write_all(events::header().as_bytes())?;
    if input.jsonl {
        return stream_jsonl(&runner, input, &mut out, false, |art, doc| {
            let mut rows = String::new();
            events::rows(&doc, &art.id.to_string(), &mut rows);
            rows
        });
    }
    let mut ok = true;
    analyse_files(&runner, input, |path, result| {
        match result {
            Ok((_, doc)) => {
                let mut rows = String::new();
                events::rows(&doc, path, &mut rows);
                out.write_all(rows.as_bytes())?;
            }
            Err(reason) => {
                ok = false;
                eprintln!("entente: {path}: {reason}");
            }
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(ok)
}

/// Analyses every file, calling `each` with its path and its text and document, or why
/// it could not be read, in the order of the files.
///
/// Files are read in order in batches of a few per thread, each batch is analysed on the
/// thread pool (`--jobs`), and its results are handed on in input order before the next
/// batch is read, so memory holds one batch of texts and the output is the same for every
/// `--jobs`.
fn analyse_files(
    runner: &Runner,
    input: &Input,
    mut each: impl FnMut(&str, Result<(String, Document), String>) -> Result<()>,
) -> Result<()> {
    let batch = if runner.jobs > 1 { runner.jobs * 4 } else { 1 };
    let mut stdin_used = false;
    for paths in input.files.chunks(batch) {
        let texts: Vec<(Result<String, String>, &String)> = paths
            .iter()
            .map(|path| (read_text(path, input, &mut stdin_used), path))
            .collect();
        let engine = &runner.engine;
        let analysed = runner.map(texts, |(text, path)| {
            text.map(|t| {
                let doc = engine.analyze(path, &t);
                (t, doc)
            })
        });
        for (path, result) in paths.iter().zip(analysed) {
            each(path, result)?;
        }
    }
    Ok(())
}

/// Lines per JSONL batch for each thread, and the input bytes a batch stops at (per
/// thread; a batch always takes at least one line).
const LINES_PER_JOB: usize = 32;
const BATCH_BYTES_PER_JOB: usize = 1 << 20;

/// Reads the FILEs as JSONL and writes `render(article, document)` for each good line to
/// `out`, in input order; a bad line is reported on standard error and, with
/// `error_lines`, written as its `{"id" | "line", "error"}` line. Returns whether every
/// line (and file) was read and analysed.
///
/// Lines are read in batches (at most [`LINES_PER_JOB`] lines or [`BATCH_BYTES_PER_JOB`]
/// bytes per thread, and no line kept over `--max-bytes`), each batch is parsed,
/// analysed and rendered on the pool, written and flushed, then the next is read: memory
/// holds one batch whatever the input size.
fn stream_jsonl(
    runner: &Runner,
    input: &Input,
    out: &mut impl Write,
    error_lines: bool,
    render: impl Fn(&jsonl::Article, Document) -> String + Sync + Send,
) -> Result<bool> {
    let max_lines = LINES_PER_JOB * runner.jobs;
    let max_bytes = BATCH_BYTES_PER_JOB * runner.jobs;
    let mut ok = true;
    let mut stdin_used = false;
    for name in &input.files {
        let mut reader: Box<dyn BufRead> = if name == "-" {
            if stdin_used {
                eprintln!("entente: -: standard input was already read");
                ok = false;
                continue;
            }
            stdin_used = true;
            Box::new(io::BufReader::with_capacity(1 << 16, io::stdin().lock()))
        } else {
            match open_file(name) {
                Ok(f) => Box::new(io::BufReader::with_capacity(1 << 16, f)),
                Err(reason) => {
                    eprintln!("entente: {name}: {reason}");
                    ok = false;
                    continue;
                }
            }
        };
        let mut number: u64 = 0;
        let mut buf = Vec::new();
        let mut done = false;
        while !done {
            // One batch: (line number, the line or its length when over the limit).
            let mut lines: Vec<(u64, Result<Vec<u8>, u64>)> = Vec::new();
            let mut bytes = 0;
            while lines.len() < max_lines && bytes < max_bytes {
                let len = match jsonl::read_line(&mut reader, &mut buf, input.max_bytes) {
                    Ok(Some(len)) => len,
                    Ok(None) => {
                        done = true;
                        break;
                    }
                    Err(e) => {
                        eprintln!("entente: {name}: line {}: {}", number + 1, io_reason(&e));
                        ok = false;
                        done = true;
                        break;
                    }
                };
                number += 1;
                if len > input.max_bytes {
                    lines.push((number, Err(len)));
                } else if !jsonl::is_blank(&buf) {
                    bytes += buf.len();
                    lines.push((number, Ok(std::mem::take(&mut buf))));
                }
            }
            let engine = &runner.engine;
            let render = &render;
            let results = runner.map(lines, |(n, line)| {
                let article = match line {
                    Ok(bytes) => jsonl::parse_line(&bytes, n, input.lossy),
                    Err(len) => Err(jsonl::LineError::too_large(n, len, input.max_bytes)),
                };
                article.map(|art| {
                    let doc = art.analyze(engine, &format!("{name}:{n}"));
                    render(&art, doc)
                })
            });
            for result in results {
                match result {
                    Ok(text) => out.write_all(text.as_bytes())?,
                    Err(e) => {
                        ok = false;
                        match &e.id {
                            Some(id) => {
                                eprintln!("entente: {name}:{}: {} (id {id})", e.line, e.reason)
                            }
                            None => eprintln!("entente: {name}:{}: {}", e.line, e.reason),
                        }
                        if error_lines {
                            out.write_all(e.json_line().as_bytes())?;
                        }
                    }
                }
            }
            out.flush()?;
        }
    }
    Ok(ok)
}

/// Opens a file to read, or says in a few words why not.
fn open_file(path: &str) -> Result<fs::File, String> {
    let meta = fs::metadata(path).map_err(|e| io_reason(&e))?;
    if meta.is_dir() {
        return Err("is a directory".into());
    }
    fs::File::open(path).map_err(|e| io_reason(&e))
}

/// Reads one file as text, or says in a few words why not.
fn read_text(path: &str, input: &Input, stdin_used: &mut bool) -> Result<String, String> {
    let limit = input.max_bytes;
    let too_large = |n: u64| {
        format!("too large: {n} bytes, over the limit of {limit} bytes (raise it with --max-bytes)")
    };
    let mut bytes = Vec::new();
    if path == "-" {
        if *stdin_used {
            return Err("standard input was already read".into());
        }
        *stdin_used = true;
        io::stdin()
            .lock()
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| io_reason(&e))?;
    } else {
        let meta = fs::metadata(path).map_err(|e| io_reason(&e))?;
        if meta.is_dir() {
            return Err("is a directory".into());
        }
        if meta.len() > limit {
            return Err(too_large(meta.len()));
        }
        fs::File::open(path)
            .and_then(|f| f.take(limit.saturating_add(1)).read_to_end(&mut bytes))
            .map_err(|e| io_reason(&e))?;
    }
    if bytes.len() as u64 > limit {
        return Err(format!(
            "too large: over the limit of {limit} bytes (raise it with --max-bytes)"
        ));
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) if input.lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => Err(format!(
            "not valid UTF-8 at byte {} (use --lossy to analyse it anyway)",
            e.utf8_error().valid_up_to()
        )),
    }
}

fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory => "is a directory".into(),
        io::ErrorKind::InvalidData => "not valid UTF-8".into(),
        _ => e.to_string(),
    }
}

/// The readable summary of one document.
fn summary(doc: &Document, raw: &str, with_sentences: bool) -> String {
    let mut s = String::new();
    let dash = || "-".to_string();
    let _ = writeln!(s, "{}", doc.path);
    let _ = writeln!(s, "  title:     {}", doc.title.clone().unwrap_or_else(dash));
    let _ = writeln!(s, "  date:      {}", doc.date.clone().unwrap_or_else(dash));
    let _ = writeln!(s, "  sentences: {}", doc.sentences.len());
    if with_sentences {
        // Sentence spans index the body, which is the tail of the raw text.
        let body = raw
            .get(raw.len() - doc.body_len.min(raw.len())..)
            .unwrap_or("");
        for (i, sp) in doc.sentences.iter().enumerate() {
            let text = body.get(sp.start..sp.end).unwrap_or("?");
            let _ = writeln!(
                s,
                "    [{i}] {}",
                text.split_whitespace().collect::<Vec<_>>().join(" ")
            );
        }
    }
    let _ = writeln!(s, "  actors:    {}", doc.actors.len());
    for a in &doc.actors {
        let _ = writeln!(
            s,
            "    {} [{}] {}, {}, {} mention{}",
            a.name,
            a.id,
            a.kind,
            a.country.as_deref().unwrap_or("-"),
            a.mentions.len(),
            if a.mentions.len() == 1 { "" } else { "s" }
        );
    }
    let _ = writeln!(s, "  relations: {}", doc.relations.len());
    for r in &doc.relations {
        let mut tag = format!("{} {:+.1}", r.quad, r.goldstein);
        if !r.flags.is_empty() {
            let flags: Vec<&str> = r.flags.iter().map(|f| f.as_str()).collect();
            let _ = write!(tag, " {}", flags.join(","));
        }
        let _ = writeln!(
            s,
            "    {} -[{tag}]-> {}: {} ({})",
            r.source, r.target, r.cue, r.rule
        );
    }
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        for (s, want) in [
            ("1000", Some(1000)),
            ("64K", Some(65536)),
            ("64MiB", Some(64 << 20)),
            ("1g", Some(1 << 30)),
            ("x", None),
            ("10 parsecs", None),
            ("99999999999999999999G", None),
        ] {
            assert_eq!(parse_size(s).ok(), want, "{s}");
        }
    }

    #[test]
    fn arguments() {
        let parse =
            |v: &[&str]| Cli::try_parse_from(std::iter::once("entente").chain(v.iter().copied()));
        match parse(&["analyze", "--pretty", "--max-bytes=1K", "a", "--", "--b"]) {
            Ok(Cli {
                command: Command::Analyze(o),
            }) => {
                assert!(o.pretty && !o.input.jsonl);
                assert_eq!(o.input.max_bytes, 1024);
                assert_eq!(o.input.files, ["a", "--b"]);
            }
            other => panic!("{other:?}"),
        }
        match parse(&["events", "--jsonl", "-j", "3", "-"]) {
            Ok(Cli {
                command: Command::Events(i),
            }) => {
                assert!(i.jsonl);
                assert_eq!(i.jobs, Some(3));
                assert_eq!(i.max_bytes, DEFAULT_MAX_BYTES);
                assert_eq!(i.files, ["-"]);
            }
            other => panic!("{other:?}"),
        }
        assert!(parse(&[]).is_err());
        assert!(parse(&["analyze"]).is_err());
        assert!(parse(&["analyze", "--what", "a"]).is_err());
        assert!(parse(&["analyze", "--jsonl", "--json", "a"]).is_err());
        assert!(parse(&["frobnicate"]).is_err());
        assert!(matches!(
            parse(&["analyze", "--help"]).map_err(|e| e.kind()),
            Err(clap::error::ErrorKind::DisplayHelp)
        ));
    }

    #[test]
    fn the_command_line_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
