//! `gazette merge`: per-document records from any number of shards → the
//! output of one `extract` run over the whole archive.
//!
//! The CSVs, `entities.csv` and `edges.csv` included, are a function of
//! the records in run order (see `gazette::record`), so merging is: read
//! every record, sort by `(seq, doc_id)`, and feed them through the same
//! writer as `extract`. What only the whole run can know — that an id was
//! used before — is worked out here, in that order.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use flate2::read::MultiGzDecoder;

use gazette::Record;

use super::error;
use super::extract::{Format, Output, SeenIds};

/// Turns records written by `extract --stream` (or `extract --format
/// jsonl`) into the output of one `extract` run over all their documents.
///
/// INPUTS are record files, one JSON record a line, maybe gzipped, or
/// folders of them (walked recursively; names starting with `.` or `_`,
/// such as Hadoop's `_SUCCESS` and `.crc` files, are left out), or - for
/// standard input. Shards may come in any order: records are sorted by
/// their seq (the input ordinal or line number extract gave them), then
/// doc_id, so the CSVs are byte for byte those of one extract run when
/// the seqs are run-wide (extract --stream --numbered).
///
/// Examples:
///   gazette merge records/ --out out/
///   gazette merge part-00000.gz part-00001.gz --out out/ --excel
///
/// Every record is held in memory until the end (about three times the
/// size of the record files).
///
/// Exit status:
///   0  every record was read and every document was processed
///   1  the run finished, but a line was not a record (stderr names the
///      file and line) or a document had failed (its row says why)
///   2  it could not run: a missing input, an output folder it cannot write
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Record files, folders of them, or - (standard input).
    #[arg(required = true, value_name = "INPUTS")]
    inputs: Vec<PathBuf>,
    /// Folder for the CSV files (created if missing).
    #[arg(short, long, value_name = "DIR")]
    out: PathBuf,
    /// Also write sentences.csv (from records that carry their sentences:
    /// extract --stream --sentences).
    #[arg(long)]
    sentences: bool,
    /// csv: the CSV set; jsonl: documents.jsonl, the records in run order.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    format: Format,
    /// CSVs for spreadsheet programs: a UTF-8 byte-order mark and CRLF line
    /// ends.
    #[arg(long)]
    excel: bool,
    /// Print nothing but errors.
    #[arg(short, long)]
    quiet: bool,
}

/// Run totals, for the closing line and run.json.
#[derive(Default)]
struct Totals {
    files: u64,
    bad_lines: u64,
    read: u64,
    ok: u64,
    skipped: u64,
    failed: u64,
    mentions: u64,
    relations: u64,
}

/// Runs `gazette merge`.
pub fn run(args: Args) -> ExitCode {
    match merge(&args) {
        Ok(t) => ExitCode::from(if t.failed > 0 || t.bad_lines > 0 { 1 } else { 0 }),
        Err(message) => {
            error(&message);
            ExitCode::from(2)
        }
    }
}

fn merge(args: &Args) -> Result<Totals, String> {
    let started = Instant::now();
    let mut output = Output::create(&args.out, args.format, args.sentences, args.excel)?;
    // `gazette merge . --out out` must not read its own output back.
    let skip = std::fs::canonicalize(&args.out).ok();
    let mut files = Vec::new();
    for path in &args.inputs {
        if path.as_os_str() == "-" {
            files.push(path.clone());
        } else if path.is_dir() {
            walk(path, skip.as_deref(), &mut files)
                .map_err(|e| format!("{}: {e}", path.display()))?;
        } else if path.exists() {
            files.push(path.clone());
        } else {
            return Err(format!("no such file or directory: {}", path.display()));
        }
    }
    let mut totals = Totals::default();
    let mut records = Vec::new();
    for path in &files {
        totals.files += 1;
        let shown = path.display().to_string();
        let opened: std::io::Result<Box<dyn Read>> = if path.as_os_str() == "-" {
            Ok(Box::new(std::io::stdin()))
        } else {
            std::fs::File::open(path).map(|f| Box::new(f) as Box<dyn Read>)
        };
        let result = opened.and_then(|raw| {
            read_records(raw, &mut records, |line, e| {
                totals.bad_lines += 1;
                error(&format!("{shown}:{line}: not a record: {e}"));
            })
        });
        if let Err(e) = result {
            // The records before the failure are kept.
            totals.bad_lines += 1;
            error(&format!("{shown}: {e}"));
        }
    }
    // Stable: records with the same key stay in the order read.
    records.sort_by(|a: &Record, b: &Record| (a.seq, &a.doc_id).cmp(&(b.seq, &b.doc_id)));
    if args.sentences && records.iter().all(|r| r.sentences.is_empty()) && !records.is_empty() {
        error("no record carries its sentences: sentences.csv is empty (extract --stream --sentences writes them)");
    }
    let write_error = |e: std::io::Error| format!("{}: {e}", args.out.display());
    let mut ids = SeenIds::default();
    for mut record in records {
        if let Some(w) = ids.check(&mut record) {
            error(&format!("record {}: {w}", record.seq));
        }
        output.write(&record).map_err(write_error)?;
        totals.read += 1;
        match record.status.as_str() {
            "ok" => totals.ok += 1,
            "skipped" => totals.skipped += 1,
            _ => totals.failed += 1,
        }
        totals.mentions += record.mentions.len() as u64;
        totals.relations += record.relations.len() as u64;
    }
    output.finish().map_err(write_error)?;
    let secs = started.elapsed().as_secs_f64();
    write_report(&args.out, &totals, secs).map_err(write_error)?;
    if !args.quiet {
        eprintln!(
            "gazette: {} records merged from {} files ({} bad lines): {} ok, {} skipped, {} failed; {} mentions, {} relations; {:.2}s",
            totals.read,
            totals.files,
            totals.bad_lines,
            totals.ok,
            totals.skipped,
            totals.failed,
            totals.mentions,
            totals.relations,
            secs
        );
    }
    Ok(totals)
}

/// The files under `dir`, recursively, in sorted order; names starting
/// with `.` or `_` are Hadoop's and Spark's bookkeeping (`_SUCCESS`,
/// `.part-00000.crc`), not records. The folder `skip` is left out.
fn walk(dir: &Path, skip: Option<&Path>, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> =
        std::fs::read_dir(dir)?.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>()?;
    entries.sort();
    for path in entries {
        let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with(['.', '_']));
        if hidden {
            continue;
        }
        if path.is_dir() {
            if skip.is_some() && std::fs::canonicalize(&path).ok().as_deref() == skip {
                continue;
            }
            walk(&path, skip, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

/// Reads one record a line from `raw` (gunzipped if it starts like gzip)
/// into `records`; a line that is not a record goes to `bad` with its
/// 1-based number, and reading goes on.
fn read_records(
    raw: Box<dyn Read>,
    records: &mut Vec<Record>,
    mut bad: impl FnMut(u64, String),
) -> std::io::Result<()> {
    let mut reader = BufReader::with_capacity(1 << 16, raw);
    let gz = reader.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    let mut reader: Box<dyn BufRead> =
        if gz { Box::new(BufReader::new(MultiGzDecoder::new(reader))) } else { Box::new(reader) };
    let mut buf = Vec::new();
    let mut line = 0;
    loop {
        buf.clear();
        if reader.read_until(b'\n', &mut buf)? == 0 {
            return Ok(());
        }
        line += 1;
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<Record>(&buf) {
            Ok(record) => records.push(record),
            Err(e) => bad(line, e.to_string().replace(" at line 1 column ", " at column ")),
        }
    }
}

/// Writes `run.json` under a temporary name first, like the other outputs.
fn write_report(dir: &Path, t: &Totals, secs: f64) -> std::io::Result<()> {
    let report = serde_json::json!({
        "gazette": env!("CARGO_PKG_VERSION"),
        "command": "merge",
        "record_files": t.files,
        "bad_lines": t.bad_lines,
        "documents": { "read": t.read, "ok": t.ok, "skipped": t.skipped, "failed": t.failed },
        "mentions": t.mentions,
        "relations": t.relations,
        "seconds": (secs * 1000.0).round() / 1000.0,
        "exit_status": if t.failed > 0 || t.bad_lines > 0 { 1 } else { 0 },
    });
    let tmp = dir.join(".run.json.tmp");
    std::fs::write(&tmp, format!("{report:#}\n"))?;
    std::fs::rename(tmp, dir.join("run.json"))
}
