//! `entente`: the command-line front of the analysis core. It reads files, hands them to
//! [`entente_core::Engine::analyze`] and prints the analysis JSON (the contract in
//! `shared/docs/analysis-json.md`) or a readable summary. All analysis lives in the core.

use std::fmt::Write as _;
use std::fs;
use std::io::{self, Read, Write};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use entente_core::{Document, Engine};
use rayon::prelude::*;
use serde::Serialize;

mod eval;

/// The default for `--max-bytes`: 64 MiB.
const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

const HELP: &str = "\
entente: actors and directed relations (CAMEO QuadClass, Goldstein, flags) in news articles

USAGE:
    entente analyze [OPTIONS] FILE...
    entente eval [--errors] DIR
    entente --help | --version

A FILE may start with a header block (`title:`, `source:`, `url:`, `date:` lines ended
by a line `---`); without one the whole file is the article. `-` reads standard input.

OPTIONS (analyze):
    --json             Print one JSON object for all files: {\"documents\": [...],
                       \"errors\": [{\"path\", \"error\"}]}; the fields of each document
                       follow the analysis JSON contract (compact, one line)
    --pretty           Like --json, indented
    --sentences        In the summary, also list every sentence
    --lossy            Analyse files that are not valid UTF-8, with U+FFFD in place of
                       the bad bytes (otherwise such a file is an error)
    --max-bytes N      Refuse files larger than N bytes (default 67108864 = 64 MiB;
                       K, M, G suffixes mean KiB, MiB, GiB)
    -j, --jobs N       Analyse up to N files at once on N threads (default: the number
                       of cores); the output keeps the order of the FILEs
    -h, --help         Print this help
    -V, --version      Print the version

EVAL:
    entente eval DIR scores the engine against a gold set: DIR/articles/NAME.txt with
    DIR/gold/NAME.json (and DIR/manifest.tsv naming each file's group). It prints actor
    P/R/F1 and relation P/R/F1 at pair, directed and coded level, person and country
    level, per group and overall (the scoring in the set's README; see src/eval.rs).
    --errors also lists, per article, the country-level coded relations missed and
    those found wrongly.

Without --json, a summary per document: title, date, sentence count, actors (kind,
country, mentions) and relations as `source -[quad goldstein flags]-> target: cue (rule)`.

ERRORS AND EXIT STATUS:
    A file that cannot be analysed (missing, a directory, not valid UTF-8, over
    --max-bytes) is reported on standard error as one line `entente: FILE: reason`;
    the other files are still analysed and printed (with --json, the failed ones
    are listed under \"errors\" and absent from \"documents\"). An empty file is
    not an error: it gives a document with no actors.
    0  every file was analysed
    1  at least one file failed
    2  the command line is wrong
";

/// Parsed command line of `entente analyze`.
#[derive(Debug, Default)]
struct Options {
    json: bool,
    pretty: bool,
    sentences: bool,
    lossy: bool,
    max_bytes: u64,
    /// Threads for `--jobs`; 0 until the command line is read.
    jobs: usize,
    files: Vec<String>,
}

/// What the command line asks for.
#[derive(Debug)]
enum Command {
    Help,
    Version,
    Analyze(Options),
    Eval { dir: String, errors: bool },
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match parse_args(&args) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("entente: {e:#}");
            eprintln!("usage: entente analyze [--json] [--pretty] [--lossy] [--max-bytes N] [--jobs N] FILE... | entente eval [--errors] DIR (see --help)");
            return ExitCode::from(2);
        }
    };
    let result = match command {
        Command::Help => write_stdout(HELP).map(|()| true),
        Command::Version => {
            write_stdout(&format!("entente {}\n", env!("CARGO_PKG_VERSION"))).map(|()| true)
        }
        Command::Analyze(opts) => analyze(&opts),
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

fn parse_args(args: &[String]) -> Result<Command> {
    let mut it = args.iter();
    let Some(first) = it.next() else {
        bail!("no command given");
    };
    match first.as_str() {
        "-h" | "--help" | "help" => return Ok(Command::Help),
        "-V" | "--version" => return Ok(Command::Version),
        "analyze" | "analyse" => {}
        "eval" => return parse_eval(it.as_slice()),
        other if other.starts_with('-') => bail!("unknown option `{other}`"),
        other => bail!("unknown command `{other}`"),
    }
    let mut opts = Options {
        max_bytes: DEFAULT_MAX_BYTES,
        jobs: default_jobs(),
        ..Options::default()
    };
    let mut only_files = false;
    while let Some(arg) = it.next() {
        if only_files || arg == "-" || !arg.starts_with('-') {
            opts.files.push(arg.clone());
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (arg.as_str(), None),
        };
        match name {
            "--" => only_files = true,
            "-h" | "--help" => return Ok(Command::Help),
            "--json" => opts.json = true,
            "--pretty" => {
                opts.json = true;
                opts.pretty = true;
            }
            "--sentences" => opts.sentences = true,
            "--lossy" => opts.lossy = true,
            "--max-bytes" => {
                let value = match inline {
                    Some(v) => v,
                    None => it
                        .next()
                        .cloned()
                        .context("--max-bytes needs a number of bytes")?,
                };
                opts.max_bytes = parse_size(&value)?;
            }
            "-j" | "--jobs" => {
                let value = match inline {
                    Some(v) => v,
                    None => it
                        .next()
                        .cloned()
                        .context("--jobs needs a number of threads")?,
                };
                opts.jobs = parse_jobs(&value)?;
            }
            _ => bail!("unknown option `{arg}`"),
        }
    }
    if opts.files.is_empty() {
        bail!("analyze needs at least one FILE");
    }
    Ok(Command::Analyze(opts))
}

/// `entente eval [--errors] DIR`.
fn parse_eval(args: &[String]) -> Result<Command> {
    let mut dir = None;
    let mut errors = false;
    for arg in args {
        match arg.as_str() {
            "--errors" => errors = true,
            "-h" | "--help" => return Ok(Command::Help),
            a if a.starts_with('-') => bail!("unknown option `{a}` for eval"),
            a if dir.is_none() => dir = Some(a.to_string()),
            a => bail!("eval takes one DIR (`{a}` is a second)"),
        }
    }
    let dir = dir.context("eval needs a DIR holding articles/ and gold/")?;
    Ok(Command::Eval { dir, errors })
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
fn parse_jobs(s: &str) -> Result<usize> {
    match s.trim().parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => bail!("--jobs: `{s}` is not a number of threads (1 or more)"),
    }
}

/// `1000`, `64K`, `64MiB`, `1G` (binary units).
fn parse_size(s: &str) -> Result<u64> {
    let t = s.trim();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let (num, unit) = t.split_at(digits);
    let n: u64 = num
        .parse()
        .with_context(|| format!("--max-bytes: `{s}` is not a size"))?;
    let mult: u64 = match unit.to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        _ => bail!("--max-bytes: unknown unit in `{s}`"),
    };
    n.checked_mul(mult)
        .with_context(|| format!("--max-bytes: `{s}` is too large"))
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

/// Analyses every file; returns whether all of them succeeded.
///
/// Files are read in order in batches of a few per thread, each batch is analysed on the
/// thread pool (`--jobs`), and its results are printed in input order before the next
/// batch is read, so memory holds one batch of texts and the output is the same for every
/// `--jobs`. With one job no thread is started.
fn analyze(opts: &Options) -> Result<bool> {
    let engine = Engine::try_builtin().context("loading the built-in knowledge base")?;
    let jobs = opts.jobs.max(1);
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
    let batch = if jobs > 1 { jobs * 4 } else { 1 };
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    let mut stdin_used = false;
    for paths in opts.files.chunks(batch) {
        let texts: Vec<Result<String, String>> = paths
            .iter()
            .map(|path| read_text(path, opts, &mut stdin_used))
            .collect();
        let analyse = |(text, path): (Result<String, String>, &String)| {
            text.map(|t| {
                let doc = engine.analyze(path, &t);
                (t, doc)
            })
        };
        let analysed: Vec<Result<(String, Document), String>> = match &pool {
            Some(pool) => pool.install(|| {
                texts
                    .into_par_iter()
                    .zip(paths.par_iter())
                    .map(analyse)
                    .collect()
            }),
            None => texts.into_iter().zip(paths).map(analyse).collect(),
        };
        for (path, result) in paths.iter().zip(analysed) {
            match result {
                Ok((text, doc)) => {
                    if opts.json {
                        docs.push(doc);
                    } else {
                        write_stdout(&summary(&doc, &text, opts.sentences))?;
                    }
                }
                Err(reason) => {
                    eprintln!("entente: {path}: {reason}");
                    errors.push(FileError {
                        path: path.clone(),
                        error: reason,
                    });
                }
            }
        }
    }
    if opts.json {
        let out = Output {
            documents: &docs,
            errors: &errors,
        };
        let mut w = io::BufWriter::new(io::stdout().lock());
        if opts.pretty {
            serde_json::to_writer_pretty(&mut w, &out)?;
        } else {
            serde_json::to_writer(&mut w, &out)?;
        }
        w.write_all(b"\n")?;
        w.flush()?;
    }
    Ok(errors.is_empty())
}

/// Reads one file as text, or says in a few words why not.
fn read_text(path: &str, opts: &Options, stdin_used: &mut bool) -> Result<String, String> {
    let limit = opts.max_bytes;
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
        Err(e) if opts.lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
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
        let args = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        match parse_args(&args(&[
            "analyze",
            "--pretty",
            "--max-bytes=1K",
            "a",
            "--",
            "--b",
        ])) {
            Ok(Command::Analyze(o)) => {
                assert!(o.json && o.pretty);
                assert_eq!(o.max_bytes, 1024);
                assert_eq!(o.files, ["a", "--b"]);
            }
            other => panic!("{other:?}"),
        }
        assert!(parse_args(&args(&[])).is_err());
        assert!(parse_args(&args(&["analyze"])).is_err());
        assert!(parse_args(&args(&["analyze", "--what", "a"])).is_err());
        assert!(parse_args(&args(&["frobnicate"])).is_err());
        assert!(matches!(
            parse_args(&args(&["analyze", "--help"])),
            Ok(Command::Help)
        ));
    }
}
