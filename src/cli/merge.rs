//! `gazette merge`: per-document records from any number of shards → the
//! output of one `extract` run over the whole archive.
//!
//! The CSVs, `entities.csv` and `edges.csv` included, are a function of
//! the records in run order (see `gazette::record`), so merging is: take
//! the records of every file in `(seq, doc_id)` order, merge the files,
//! and feed the records through the same writer as `extract`. What only the whole run can know — that an id was
//! used before — is worked out here, in that order.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::io::{BufRead, BufReader, Read, Write};
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
/// Memory holds one record per file: files whose records are in order
/// (as extract writes them) are merged as they are read; a file out of
/// order is read whole and sorted first. At most 200 files are open at
/// once: more are first merged in batches into temporary files in the
/// output folder, removed at the end.
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
    let mut totals = Totals { files: files.len() as u64, ..Totals::default() };
    // More files than can be open at once are merged in batches into
    // sorted temporary files first, which the final pass then merges.
    let scratch = args.out.join(".merge-batches.tmp");
    let mut round = 0;
    while files.len() > MAX_OPEN {
        std::fs::create_dir_all(&scratch).map_err(|e| format!("{}: {e}", scratch.display()))?;
        let mut merged = Vec::new();
        for batch in files.chunks(MAX_OPEN) {
            let path = scratch.join(format!("{round}-{}.jsonl", merged.len()));
            let mut runs: Vec<Run> = batch.iter().cloned().map(Run::open).collect();
            let write_error = |e: std::io::Error| format!("{}: {e}", path.display());
            let file = std::fs::File::create(&path).map_err(write_error)?;
            let mut out = std::io::BufWriter::new(file);
            merge_runs(&mut runs, |record| {
                serde_json::to_writer(&mut out, &record).map_err(|e| e.to_string())?;
                out.write_all(b"\n").map_err(write_error)
            })?;
            out.flush().map_err(write_error)?;
            totals.bad_lines += runs.iter().map(|r| r.bad).sum::<u64>();
            merged.push(path);
        }
        files = merged;
        round += 1;
    }
    let mut runs: Vec<Run> = files.into_iter().map(Run::open).collect();
    let write_error = |e: std::io::Error| format!("{}: {e}", args.out.display());
    let mut ids = SeenIds::new(&args.out);
    let mut with_sentences = false;
    merge_runs(&mut runs, |mut record| {
        if let Some(w) = ids.check(&mut record).map_err(write_error)? {
            error(&format!("record {}: {w}", record.seq));
        }
        output.write(&record).map_err(write_error)?;
        with_sentences |= !record.sentences.is_empty();
        totals.read += 1;
        match record.status.as_str() {
            "ok" => totals.ok += 1,
            "skipped" => totals.skipped += 1,
            _ => totals.failed += 1,
        }
        totals.mentions += record.mentions.len() as u64;
        totals.relations += record.relations.len() as u64;
        Ok(())
    })?;
    if round > 0 {
        let _ = std::fs::remove_dir_all(&scratch);
    }
    totals.bad_lines += runs.iter().map(|r| r.bad).sum::<u64>();
    if args.sentences && !with_sentences && totals.read > 0 {
        error("no record carries its sentences (extract --stream --sentences writes them): sentences.csv has no rows");
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

/// Record files open at once; more are merged in batches first, so that
/// a Spark job's thousands of part files stay under the open-file limit.
const MAX_OPEN: usize = 200;

/// Feeds the records of `runs` to `sink` in `(seq, doc_id)` order; ties go
/// to the earlier run, as a stable sort of all records would have it.
fn merge_runs(
    runs: &mut [Run],
    mut sink: impl FnMut(Record) -> Result<(), String>,
) -> Result<(), String> {
    let mut heads: Vec<Option<Record>> = runs.iter_mut().map(Run::next).collect();
    let mut heap: BinaryHeap<Reverse<(u64, String, usize)>> = heads
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.as_ref().map(|r| Reverse((r.seq, r.doc_id.clone(), i))))
        .collect();
    while let Some(Reverse((_, _, i))) = heap.pop() {
        let Some(record) = heads[i].take() else { continue };
        heads[i] = runs[i].next();
        if let Some(next) = &heads[i] {
            heap.push(Reverse((next.seq, next.doc_id.clone(), i)));
        }
        sink(record)?;
    }
    Ok(())
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

/// The records of one file in `(seq, doc_id)` order: read as they come
/// when the file is in that order already (as `extract --stream` over
/// consecutive lines and `extract --format jsonl` write them), else all
/// read and sorted. So memory holds one record per file, and whole files
/// only where they are out of order.
struct Run {
    shown: String,
    lines: Option<Lines>,
    sorted: std::vec::IntoIter<Record>,
    /// Lines that were not records.
    bad: u64,
}

impl Run {
    /// Opens `path` (`-`: standard input, read whole as it cannot be read
    /// twice); an error is reported and gives an empty run.
    fn open(path: PathBuf) -> Run {
        let shown = path.display().to_string();
        let mut run = Run { shown, lines: None, sorted: Vec::new().into_iter(), bad: 0 };
        let stdin = path.as_os_str() == "-";
        // A file that cannot be scanned is read whole, which reports why.
        let in_order = !stdin && is_in_order(&path).unwrap_or(false);
        match run.report(Lines::open(&path)) {
            Some(lines) => run.lines = Some(lines),
            None => return run,
        }
        if !in_order {
            let mut records = Vec::new();
            while let Some(record) = run.read() {
                records.push(record);
            }
            // Stable: records with the same key stay in file order.
            records.sort_by(|a, b| (a.seq, &a.doc_id).cmp(&(b.seq, &b.doc_id)));
            run.sorted = records.into_iter();
        }
        run
    }

    /// The next record in key order.
    fn next(&mut self) -> Option<Record> {
        self.sorted.next().or_else(|| self.read())
    }

    /// The next record of the file; lines that are not records are
    /// reported (`FILE:LINE`) and skipped.
    fn read(&mut self) -> Option<Record> {
        loop {
            let lines = self.lines.as_mut()?;
            let result = match lines.next() {
                Ok(Some(bytes)) => serde_json::from_slice::<Record>(bytes),
                Ok(None) => {
                    self.lines = None;
                    return None;
                }
                Err(e) => {
                    // What was read before the failure is kept.
                    self.lines = None;
                    self.bad += 1;
                    error(&format!("{}: {e}", self.shown));
                    return None;
                }
            };
            match result {
                Ok(record) => return Some(record),
                Err(e) => {
                    self.bad += 1;
                    let e = e.to_string().replace(" at line 1 column ", " at column ");
                    error(&format!("{}:{}: not a record: {e}", self.shown, lines.line));
                }
            }
        }
    }

    /// Reports an error opening or scanning the file.
    fn report<T>(&mut self, result: std::io::Result<T>) -> Option<T> {
        result
            .map_err(|e| {
                self.bad += 1;
                error(&format!("{}: {e}", self.shown));
            })
            .ok()
    }
}

/// Whether the records of `path` are in `(seq, doc_id)` order; a first
/// pass that reads only the keys. Lines that are not records are left to
/// the second pass to report.
fn is_in_order(path: &Path) -> std::io::Result<bool> {
    #[derive(serde::Deserialize)]
    struct Key {
        #[serde(default)]
        seq: u64,
        doc_id: String,
    }
    let mut lines = Lines::open(path)?;
    let mut last: Option<(u64, String)> = None;
    while let Some(bytes) = lines.next()? {
        if let Ok(Key { seq, doc_id }) = serde_json::from_slice(bytes) {
            let key = (seq, doc_id);
            if last.as_ref().is_some_and(|last| *last > key) {
                return Ok(false);
            }
            last = Some(key);
        }
    }
    Ok(true)
}

/// The non-blank lines of a file or standard input, gunzipped if it starts
/// like gzip.
struct Lines {
    reader: Box<dyn BufRead>,
    buf: Vec<u8>,
    /// 1-based number of the line last read.
    line: u64,
}

impl Lines {
    fn open(path: &Path) -> std::io::Result<Lines> {
        let raw: Box<dyn Read> = if path.as_os_str() == "-" {
            Box::new(std::io::stdin())
        } else {
            Box::new(std::fs::File::open(path)?)
        };
        let mut reader = BufReader::with_capacity(1 << 16, raw);
        let gz = reader.fill_buf()?.starts_with(&[0x1f, 0x8b]);
        let reader: Box<dyn BufRead> = if gz {
            Box::new(BufReader::with_capacity(1 << 16, MultiGzDecoder::new(reader)))
        } else {
            Box::new(reader)
        };
        Ok(Lines { reader, buf: Vec::new(), line: 0 })
    }

    fn next(&mut self) -> std::io::Result<Option<&[u8]>> {
        loop {
            self.buf.clear();
            if self.reader.read_until(b'\n', &mut self.buf)? == 0 {
                return Ok(None);
            }
            self.line += 1;
            if !self.buf.iter().all(u8::is_ascii_whitespace) {
                return Ok(Some(&self.buf));
            }
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
