//! `gazette extract`: read documents, run the pipeline over them in
//! parallel batches, write the CSVs in input order.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use gazette::extract::{BATCH_BYTES, BATCH_DOCS};
use gazette::read::{self, Input, ReadOptions};
use gazette::spill::SeenHashes;
use gazette::write::{CsvOutput, JsonlOutput};
use gazette::{Date, Document, Extraction, Pipeline, Record};

use super::{error, GazetteerArgs};

/// Extracts entities, dates, quantities and relations from news documents
/// into CSV files.
///
/// INPUTS are text files (one document each), JSONL files (one document a
/// line: {"id", "text", "date", "title"}), folders (walked recursively in
/// sorted order), or - for standard input; any of them may be gzipped.
///
/// Examples:
///   gazette extract fixtures/ --out out/
///   gazette extract archive.jsonl.gz --date 2024-10-15 --out out/ --threads 2
///   cat story.txt | gazette extract - --out out/
///
/// Every document gets a row in documents.csv with its status (ok,
/// skipped, error) and the reason; run.json holds the run's figures.
///
/// Exit status:
///   0  every document was read (skipped non-text files count as fine)
///   1  the run finished, but some documents failed (their rows say why)
///   2  it could not run: bad arguments, a gazetteer with errors, an
///      output folder it cannot write
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Files, folders or - (standard input).
    #[arg(required_unless_present = "stream", conflicts_with = "stream", value_name = "INPUTS")]
    inputs: Vec<PathBuf>,
    /// Folder for the CSV files (created if missing).
    #[arg(short, long, value_name = "DIR", required_unless_present = "stream")]
    out: Option<PathBuf>,
    /// Read JSONL documents from standard input and write one JSON record
    /// per document to standard output (the records of --format jsonl),
    /// flushed as each is written, in input order; exit 0 at the end of
    /// the input. A document's errors go into its record. For Spark's
    /// RDD.pipe and Hadoop Streaming.
    #[arg(long, conflicts_with_all = ["out", "format", "excel"])]
    stream: bool,
    /// With --stream: each line is NUMBER<TAB>JSON, NUMBER being the
    /// line's 1-based number in the archive it was cut from (what a Spark
    /// job sends; see examples/spark). Records take it as their seq, and a
    /// line without an id gets NAME:NUMBER, as extract over the whole file
    /// would give, so `gazette merge` can put shards back in order.
    #[arg(long, requires = "stream")]
    numbered: bool,
    /// With --stream: the input's name in messages and in NAME:LINE ids.
    #[arg(long, requires = "stream", default_value = "stdin", value_name = "NAME")]
    name: String,
    /// Reference date (YYYY-MM-DD) for documents that carry none.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
    /// Worker threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N")]
    threads: Option<usize>,
    /// Also write sentences.csv (with jsonl: each record's sentences).
    #[arg(long)]
    sentences: bool,
    /// csv: the CSV set; jsonl: documents.jsonl, one JSON record per
    /// document with everything found in it, for programs.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    format: Format,
    /// JSONL field holding the document id.
    #[arg(long, default_value = "id", value_name = "NAME")]
    id_field: String,
    /// JSONL field holding the text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    text_field: String,
    /// JSONL field holding the document date.
    #[arg(long, default_value = "date", value_name = "NAME")]
    date_field: String,
    /// JSONL field holding the title.
    #[arg(long, default_value = "title", value_name = "NAME")]
    title_field: String,
    /// CSVs for spreadsheet programs: a UTF-8 byte-order mark and CRLF line
    /// ends (Excel needs the mark to read UTF-8).
    #[arg(long)]
    excel: bool,
    /// Print nothing but errors.
    #[arg(short, long)]
    quiet: bool,
    #[command(flatten)]
    gazetteers: GazetteerArgs,
}

/// What `extract` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(super) enum Format {
    /// The CSV files of the README.
    Csv,
    /// `documents.jsonl`: one record per document.
    Jsonl,
}

/// The output being written.
pub(super) enum Output {
    /// Boxed: its run-wide totals make it several times the size of the other.
    Csv(Box<CsvOutput>),
    Jsonl(JsonlOutput),
}

impl Output {
    /// Opens the CSV set or `documents.jsonl` in `dir`.
    pub(super) fn create(
        dir: &Path,
        format: Format,
        sentences: bool,
        excel: bool,
    ) -> Result<Output, String> {
        let output = match format {
            Format::Csv => {
                CsvOutput::create(dir, sentences, excel).map(|o| Output::Csv(Box::new(o)))
            }
            Format::Jsonl => JsonlOutput::create(dir).map(Output::Jsonl),
        };
        output.map_err(|e| format!("{}: {e}", dir.display()))
    }

    pub(super) fn write(&mut self, record: &Record) -> std::io::Result<()> {
        match self {
            Output::Csv(o) => o.write(record),
            Output::Jsonl(o) => o.write(record),
        }
    }

    pub(super) fn finish(self) -> std::io::Result<()> {
        match self {
            Output::Csv(o) => o.finish(),
            Output::Jsonl(o) => o.finish(),
        }
    }
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s)
        .filter(|_| s.trim().len() == 10)
        .ok_or_else(|| format!("{s:?} is not a date like 2024-10-15"))
}

/// Run totals for the closing line.
#[derive(Default)]
struct Totals {
    read: u64,
    ok: u64,
    skipped: u64,
    failed: u64,
    mentions: u64,
    relations: u64,
    bytes: u64,
}

/// Document ids seen so far, as 64-bit hashes kept mostly on disk (in
/// temporary files of the output folder), so that memory stays flat on
/// archives of millions of documents.
pub(super) struct SeenIds(SeenHashes);

impl SeenIds {
    /// An empty set whose spill files go to `dir`.
    pub(super) fn new(dir: &Path) -> SeenIds {
        SeenIds(SeenHashes::new(dir, "seen-ids"))
    }

    /// Whether `id` is new.
    pub(super) fn insert(&mut self, id: &str) -> std::io::Result<bool> {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        id.hash(&mut hasher);
        self.0.insert(hasher.finish())
    }

    /// Takes `record` in run order: a document whose id an earlier one
    /// had gets a note in its `error` cell, which only the whole run can
    /// know (so `--stream` leaves it to `merge`). Returns the note.
    pub(super) fn check(&mut self, record: &mut Record) -> std::io::Result<Option<String>> {
        if !self.insert(&record.doc_id)? && record.status == "ok" {
            let w = format!("duplicate doc_id {:?}: an earlier document has it too", record.doc_id);
            // Records from `extract --format jsonl` have it already.
            if !record.error.contains(&w) {
                if !record.error.is_empty() {
                    record.error.push_str("; ");
                }
                record.error.push_str(&w);
            }
            return Ok(Some(w));
        }
        Ok(None)
    }
}

impl Totals {
    /// Megabytes of document text per second.
    fn mb_per_s(&self, secs: f64) -> f64 {
        self.bytes as f64 / 1e6 / secs.max(1e-9)
    }

    /// The closing line on stderr.
    fn summary(&self, secs: f64) -> String {
        format!(
            "{} documents read, {} ok, {} skipped, {} failed; {} mentions, {} relations; {:.1} MB/s, {:.2}s",
            self.read,
            self.ok,
            self.skipped,
            self.failed,
            self.mentions,
            self.relations,
            self.mb_per_s(secs),
            secs
        )
    }
}

/// Writes `run.json`, the closing line's figures for scripts, under a
/// temporary name first like the other outputs.
fn write_report(dir: &Path, t: &Totals, secs: f64) -> std::io::Result<()> {
    let report = serde_json::json!({
        "gazette": env!("CARGO_PKG_VERSION"),
        "documents": { "read": t.read, "ok": t.ok, "skipped": t.skipped, "failed": t.failed },
        "mentions": t.mentions,
        "relations": t.relations,
        "bytes": t.bytes,
        "seconds": (secs * 1000.0).round() / 1000.0,
        "mb_per_s": (t.mb_per_s(secs) * 100.0).round() / 100.0,
        "exit_status": if t.failed > 0 { 1 } else { 0 },
    });
    let tmp = dir.join(".run.json.tmp");
    std::fs::write(&tmp, format!("{report:#}\n"))?;
    std::fs::rename(tmp, dir.join("run.json"))
}

/// Reads `inputs` in batches of about [`BATCH_BYTES`] of text, extracts
/// them on the pool's threads and hands each to `f` in input order; the
/// output order does not depend on the thread count. `make` turns each
/// document's extraction into what `f` needs, on the worker threads.
pub(super) fn in_batches<T: Send>(
    inputs: &mut impl Batches,
    pool: &rayon::ThreadPool,
    pipeline: &Pipeline,
    date: Option<Date>,
    make: impl Fn(&Document, Extraction) -> T + Sync,
    f: impl FnMut(&[Input], Vec<Option<T>>) -> Result<(), String> + Send,
) -> Result<(), String> {
    use std::sync::mpsc::sync_channel;
    // This thread reads; each worker takes the next batch as soon as it is
    // free, so no core waits for a slower one to finish its share; a writer
    // thread puts the batches back in order. At most `window` batches are
    // read and not yet written, which bounds memory whatever the archive.
    let threads = pool.current_num_threads();
    let window = 2 * threads + 2;
    let (permits, permit_rx) = sync_channel::<()>(window);
    for _ in 0..window {
        let _ = permits.send(());
    }
    let (to_work, work_rx) = sync_channel::<(usize, Vec<Input>)>(threads);
    // Owned by the workers alone: once they have all stopped (the writer
    // failed), the reader's next send fails instead of waiting for ever.
    let work_rx = std::sync::Arc::new(std::sync::Mutex::new(work_rx));
    let (to_write, write_rx) = sync_channel::<(usize, Vec<Input>, Vec<Option<T>>)>(window);
    std::thread::scope(|scope| {
        let writer = scope.spawn(move || {
            let mut f = f;
            let mut waiting = std::collections::BTreeMap::new();
            let mut next = 0;
            for (seq, batch, made) in write_rx {
                waiting.insert(seq, (batch, made));
                while let Some((batch, made)) = waiting.remove(&next) {
                    f(&batch, made)?;
                    next += 1;
                    // The reader may go on; it has stopped if this fails.
                    let _ = permits.send(());
                }
            }
            match waiting.is_empty() {
                true => Ok(()),
                false => Err("a worker thread stopped".to_string()),
            }
        });
        let make = &make;
        // One worker on each of the pool's threads, for as long as there
        // are batches.
        scope.spawn(move || {
            pool.scope(|workers| {
                for _ in 0..threads {
                    let (to_write, work_rx) = (to_write.clone(), work_rx.clone());
                    workers.spawn(move |_| loop {
                        let next =
                            work_rx.lock().map_err(drop).and_then(|rx| rx.recv().map_err(drop));
                        let Ok((seq, batch)) = next else { break };
                        let made = extract_batch(&batch, pipeline, date, make);
                        // A closed channel means the writer stopped on an
                        // error, which its join gives.
                        if to_write.send((seq, batch, made)).is_err() {
                            break;
                        }
                    });
                }
                drop((to_write, work_rx));
            })
        });
        let mut seq = 0;
        // A permit stops coming when the writer has stopped.
        while permit_rx.recv().is_ok() {
            let batch = inputs.next_batch();
            if batch.is_empty() || to_work.send((seq, batch)).is_err() {
                break;
            }
            seq += 1;
        }
        drop(to_work);
        writer.join().unwrap_or_else(|_| Err("the writer thread panicked".to_string()))
    })
}

/// Where [`in_batches`] takes its inputs from, a batch at a time.
pub(super) trait Batches {
    /// The next inputs holding about [`BATCH_BYTES`] of text (one document
    /// may hold more) and at most [`BATCH_DOCS`] inputs (failed lines
    /// count), or none at the end.
    fn next_batch(&mut self) -> Vec<Input>;
}

/// Files and folders: a batch is full before it goes.
impl<I: Iterator<Item = Input>> Batches for I {
    fn next_batch(&mut self) -> Vec<Input> {
        fill_batch(|_| self.next())
    }
}

/// Up to a full batch from `next`, which is told how many inputs the batch
/// holds so far and gives `None` to close it.
fn fill_batch(mut next: impl FnMut(usize) -> Option<Input>) -> Vec<Input> {
    let mut batch = Vec::new();
    let mut bytes = 0;
    while let Some(input) = next(batch.len()) {
        if let Input::Document(d) = &input {
            bytes += d.text.len();
        }
        batch.push(input);
        if batch.len() >= BATCH_DOCS || bytes >= BATCH_BYTES {
            break;
        }
    }
    batch
}

/// How long a batch of `--stream` waits for more input after its first
/// document: a live feed sees each record this soon after its line (and
/// the time to extract it), while a pipe that keeps up still fills whole
/// batches (1 MB of JSONL is read in a few milliseconds).
const LIVE_WAIT: std::time::Duration = std::time::Duration::from_millis(100);

/// Inputs read on a thread of their own, for `--stream`: a batch closes
/// when it is full, at the end of the input, or [`LIVE_WAIT`] after its
/// first input, so that a feed that pauses gets its records written
/// instead of waiting for a batch's worth of documents that may not come
/// for hours.
struct Live {
    inputs: std::sync::mpsc::Receiver<Input>,
}

impl Live {
    /// Reads `inputs` on a new thread, at most one batch ahead.
    fn new(inputs: impl Iterator<Item = Input> + Send + 'static) -> Live {
        let (tx, rx) = std::sync::mpsc::sync_channel(BATCH_DOCS);
        std::thread::spawn(move || {
            for input in inputs {
                // The run has stopped (an output error) when this fails.
                if tx.send(input).is_err() {
                    break;
                }
            }
        });
        Live { inputs: rx }
    }
}

impl Batches for Live {
    fn next_batch(&mut self) -> Vec<Input> {
        let mut deadline = Instant::now();
        fill_batch(|held| {
            if held == 0 {
                let first = self.inputs.recv().ok();
                deadline = Instant::now() + LIVE_WAIT;
                return first;
            }
            self.inputs.recv_timeout(deadline.saturating_duration_since(Instant::now())).ok()
        })
    }
}

/// Extracts the documents of `batch` together (each stage over all of them
/// in turn) and makes each one's `T`; `None` for inputs that are not
/// documents. Should a document make the pipeline or `make` panic, the
/// batch is run again one document at a time, so that only that one is
/// lost ("not extracted") and the worker goes on.
fn extract_batch<T>(
    batch: &[Input],
    pipeline: &Pipeline,
    date: Option<Date>,
    make: &(impl Fn(&Document, Extraction) -> T + Sync),
) -> Vec<Option<T>> {
    use std::panic::{catch_unwind, AssertUnwindSafe};
    fn document(input: &Input) -> Option<&Document> {
        match input {
            Input::Document(d) => Some(d),
            _ => None,
        }
    }
    let together = catch_unwind(AssertUnwindSafe(|| {
        let docs: Vec<&Document> = batch.iter().filter_map(document).collect();
        let mut xs = pipeline.extract_batch(&docs, date).into_iter();
        batch
            .iter()
            .map(|input| Some(make(document(input)?, xs.next()?)))
            .collect::<Vec<Option<T>>>()
    }));
    together.unwrap_or_else(|_| {
        let alone =
            |d: &Document| catch_unwind(AssertUnwindSafe(|| make(d, pipeline.extract(d, date))));
        batch.iter().map(|input| alone(document(input)?).ok()).collect()
    })
}

/// Runs `gazette extract`.
pub fn run(args: Args) -> ExitCode {
    if args.stream {
        return match stream(&args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                error(&message);
                ExitCode::from(2)
            }
        };
    }
    match extract(&args) {
        Ok(totals) => ExitCode::from(if totals.failed > 0 { 1 } else { 0 }),
        Err(message) => {
            error(&message);
            ExitCode::from(2)
        }
    }
}

impl Args {
    fn read_options(&self) -> ReadOptions {
        ReadOptions {
            id_field: self.id_field.clone(),
            text_field: self.text_field.clone(),
            date_field: self.date_field.clone(),
            title_field: self.title_field.clone(),
        }
    }

    fn pool(&self) -> Result<rayon::ThreadPool, String> {
        let mut builder = rayon::ThreadPoolBuilder::new();
        if let Some(n) = self.threads {
            builder = builder.num_threads(n.max(1));
        }
        builder.build().map_err(|e| e.to_string())
    }
}

/// `FILE:LINE: reason`; the origin names the line already, so a
/// `line N: ` prefix of the reason is dropped.
fn located(input: &Input, reason: &str) -> String {
    let message = match reason.split_once(": ") {
        Some((line, rest)) if line.starts_with("line ") => rest,
        _ => reason,
    };
    format!("{}: {message}", input.origin())
}

/// `--stream`: JSONL on stdin → one record a line on stdout.
fn stream(args: &Args) -> Result<(), String> {
    use std::io::Write;
    let (gazetteer, lexicon) = args.gazetteers.build()?;
    let pipeline = Pipeline::new(gazetteer, lexicon);
    let pool = args.pool()?;
    let stdin = std::io::BufReader::with_capacity(1 << 16, std::io::stdin());
    let mut inputs = if args.numbered {
        Live::new(read::numbered_jsonl(stdin, &args.name, args.read_options()))
    } else {
        Live::new(read::jsonl(stdin, &args.name, args.read_options()))
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout);
    let make = |d: &Document, x: Extraction| {
        let title = d.title.as_deref().unwrap_or("");
        Record::new(&d.id, title, &d.text, &d.warnings, &x, &pipeline, args.sentences)
    };
    let write_error = |e: std::io::Error| format!("standard output: {e}");
    in_batches(&mut inputs, &pool, &pipeline, args.date, make, |batch, made| {
        for (input, record) in batch.iter().zip(made) {
            let mut record = match (input, record) {
                (_, Some(record)) => record,
                (Input::Skipped { id, reason, .. }, None) => Record::failed(id, "skipped", reason),
                (Input::Failed { id, error: reason, .. }, None) => {
                    error(&located(input, reason));
                    Record::failed(id, "error", reason)
                }
                (input, None) => Record::failed(input.id(), "error", "not extracted"),
            };
            record.seq = input.origin().line.unwrap_or(0);
            serde_json::to_writer(&mut out, &record).map_err(|e| e.to_string())?;
            out.write_all(b"\n").map_err(write_error)?;
            out.flush().map_err(write_error)?;
        }
        Ok(())
    })
}

fn extract(args: &Args) -> Result<Totals, String> {
    let started = Instant::now();
    let pool = args.pool()?;
    // In the pool, so that `--threads` also holds while the gazetteers load.
    let (gazetteer, lexicon) = pool.install(|| args.gazetteers.build())?;
    let pipeline = Pipeline::new(gazetteer, lexicon);
    let options = args.read_options();
    let out = args.out.as_deref().ok_or("--out is required")?;
    let mut inputs = read::open(&args.inputs, options).map_err(|e| e.to_string())?;
    let mut output = Output::create(out, args.format, args.sentences, args.excel)?;
    // `gazette extract . --out out` must not read its own output back.
    inputs.skip_folder(out);
    let write_error = |e: std::io::Error| format!("{}: {e}", out.display());
    let mut totals = Totals::default();
    let mut ids = SeenIds::new(out);
    let make = |d: &Document, x: Extraction| {
        let title = d.title.as_deref().unwrap_or("");
        let record = Record::new(&d.id, title, &d.text, &d.warnings, &x, &pipeline, args.sentences);
        (record, d.text.len())
    };
    let result = in_batches(&mut inputs, &pool, &pipeline, args.date, make, |batch, extracted| {
        for (input, x) in batch.iter().zip(extracted) {
            totals.read += 1;
            match (input, x) {
                (Input::Document(d), Some((mut record, bytes))) => {
                    for w in &d.warnings {
                        error(&format!("{}: {w}", d.origin));
                    }
                    record.seq = totals.read;
                    if let Some(w) = ids.check(&mut record).map_err(write_error)? {
                        error(&format!("{}: {w}", d.origin));
                    }
                    output.write(&record).map_err(write_error)?;
                    totals.ok += 1;
                    totals.mentions += record.mentions.len() as u64;
                    totals.relations += record.relations.len() as u64;
                    totals.bytes += bytes as u64;
                }
                (Input::Skipped { id, origin, reason }, _) => {
                    if !args.quiet {
                        error(&format!("{origin}: skipped: {reason}"));
                    }
                    ids.insert(id).map_err(write_error)?;
                    let mut record = Record::failed(id, "skipped", reason);
                    record.seq = totals.read;
                    output.write(&record).map_err(write_error)?;
                    totals.skipped += 1;
                }
                (input, _) => {
                    let reason = match input {
                        Input::Failed { error, .. } => error.clone(),
                        _ => "not extracted".to_string(),
                    };
                    error(&located(input, &reason));
                    ids.insert(input.id()).map_err(write_error)?;
                    let mut record = Record::failed(input.id(), "error", &reason);
                    record.seq = totals.read;
                    output.write(&record).map_err(write_error)?;
                    totals.failed += 1;
                }
            }
        }
        Ok(())
    });
    result?;
    output.finish().map_err(write_error)?;
    let secs = started.elapsed().as_secs_f64();
    write_report(out, &totals, secs).map_err(write_error)?;
    if !args.quiet {
        eprintln!("gazette: {}", totals.summary(secs));
    }
    Ok(totals)
}

#[cfg(test)]
mod tests {
    use super::*;
    use gazette::extract::{gazetteer::GazetteerBuilder, lexicon::Lexicon};
    use gazette::Origin;

    /// When writing fails, the run stops with the error, however much input
    /// is left and whatever the workers were doing.
    #[test]
    fn a_writer_error_stops_the_run() {
        let pipeline = Pipeline::new(
            GazetteerBuilder::with_defaults().build().unwrap(),
            Lexicon::with_defaults().unwrap(),
        );
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        let (done, result) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            // About 40 batches.
            let text = "Russia said on Monday that it sent 3,000 troops. ".repeat(2000);
            let mut inputs =
                (0..100).map(|i| Input::Document(Document::new(format!("d{i}"), &*text)));
            let fail = |_: &[Input], _: Vec<Option<()>>| Err("disk full".to_string());
            let _ = done.send(in_batches(&mut inputs, &pool, &pipeline, None, |_, _| (), fail));
        });
        let result = result.recv_timeout(std::time::Duration::from_secs(300));
        assert_eq!(result, Ok(Err("disk full".to_string())));
    }

    /// A document that makes the work panic loses only itself: the rest of
    /// its batch is still extracted, and the inputs keep their places.
    #[test]
    fn a_panic_loses_one_document() {
        let pipeline = Pipeline::new(
            GazetteerBuilder::with_defaults().build().unwrap(),
            Lexicon::with_defaults().unwrap(),
        );
        let doc = |id: &str| Input::Document(Document::new(id, "Russia said so on Monday."));
        let failed = Input::Failed {
            id: "bad".into(),
            origin: Origin { path: "a.jsonl".into(), line: Some(2) },
            error: "line 2: invalid JSON".into(),
        };
        let batch = [doc("a"), failed, doc("boom"), doc("c")];
        let made = extract_batch(
            &batch,
            &pipeline,
            Date::new(2024, 10, 15),
            &|d: &Document, x: Extraction| {
                assert_ne!(d.id, "boom", "a deliberate failure");
                (d.id.clone(), x.dates.len())
            },
        );
        assert_eq!(made, [Some(("a".to_string(), 1)), None, None, Some(("c".to_string(), 1))]);
    }

    /// Enough ids to fill the recent set several times, so runs merge on
    /// disk; the spill files go when the set does.
    #[test]
    fn seen_ids_across_merged_runs() {
        let dir = std::env::temp_dir().join(format!("gazette-seen-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut seen = SeenIds::new(&dir);
        let n = (1 << 16) * 5 + 17;
        for i in 0..n {
            assert!(seen.insert(&format!("doc-{i}")).unwrap(), "doc-{i} is new");
        }
        assert!(std::fs::read_dir(&dir).unwrap().count() >= 2, "runs on disk");
        for i in (0..n).step_by(997) {
            assert!(!seen.insert(&format!("doc-{i}")).unwrap(), "doc-{i} was seen");
        }
        assert!(seen.insert("doc-new").unwrap());
        drop(seen);
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0, "spill files removed");
        std::fs::remove_dir(dir).unwrap();
    }
}
