//! `gazette extract`: read documents, run the pipeline over them in
//! parallel chunks, write the CSVs in input order.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use rayon::prelude::*;

use gazette::read::{self, Input, ReadOptions};
use gazette::write::{CsvOutput, DocumentRow};
use gazette::{Date, Extraction, Pipeline};

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
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Files, folders or - (standard input).
    #[arg(required = true, value_name = "INPUTS")]
    inputs: Vec<PathBuf>,
    /// Folder for the CSV files (created if missing).
    #[arg(short, long, value_name = "DIR")]
    out: PathBuf,
    /// Reference date (YYYY-MM-DD) for documents that carry none.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
    /// Worker threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N")]
    threads: Option<usize>,
    /// Also write sentences.csv.
    #[arg(long)]
    sentences: bool,
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
    /// Print nothing but errors.
    #[arg(short, long)]
    quiet: bool,
    #[command(flatten)]
    gazetteers: GazetteerArgs,
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s)
        .filter(|_| s.trim().len() == 10)
        .ok_or_else(|| format!("{s:?} is not a date like 2024-10-15"))
}

/// Documents per parallel chunk; bounds memory whatever the archive size.
const CHUNK_DOCS: usize = 512;
/// Bytes of text per parallel chunk.
const CHUNK_BYTES: usize = 32 << 20;

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

/// Reads `inputs` in bounded chunks, extracts each chunk in parallel and
/// hands it to `f` in input order; memory stays bounded by the chunk size
/// and the output order does not depend on the thread count.
pub(super) fn in_chunks(
    inputs: &mut read::Inputs,
    pool: &rayon::ThreadPool,
    pipeline: &Pipeline,
    date: Option<Date>,
    mut f: impl FnMut(&[Input], Vec<Option<Extraction>>) -> Result<(), String>,
) -> Result<(), String> {
    loop {
        let mut chunk = Vec::new();
        let mut bytes = 0;
        for input in inputs.by_ref() {
            if let Input::Document(d) = &input {
                bytes += d.text.len();
            }
            chunk.push(input);
            if chunk.len() >= CHUNK_DOCS || bytes >= CHUNK_BYTES {
                break;
            }
        }
        if chunk.is_empty() {
            return Ok(());
        }
        let extracted: Vec<Option<Extraction>> = pool.install(|| {
            chunk
                .par_iter()
                .map(|input| match input {
                    Input::Document(d) => Some(pipeline.extract(d, date)),
                    _ => None,
                })
                .collect()
        });
        f(&chunk, extracted)?;
    }
}

/// Runs `gazette extract`.
pub fn run(args: Args) -> ExitCode {
    match extract(&args) {
        Ok(totals) => ExitCode::from(if totals.failed > 0 { 1 } else { 0 }),
        Err(message) => {
            error(&message);
            ExitCode::from(2)
        }
    }
}

fn extract(args: &Args) -> Result<Totals, String> {
    let started = Instant::now();
    let (gazetteer, lexicon) = args.gazetteers.build()?;
    let pipeline = Pipeline::new(gazetteer, lexicon);
    let options = ReadOptions {
        id_field: args.id_field.clone(),
        text_field: args.text_field.clone(),
        date_field: args.date_field.clone(),
        title_field: args.title_field.clone(),
    };
    let mut inputs = read::open(&args.inputs, options).map_err(|e| e.to_string())?;
    let mut output = CsvOutput::create(&args.out, args.sentences)
        .map_err(|e| format!("{}: {e}", args.out.display()))?;
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = args.threads {
        builder = builder.num_threads(n.max(1));
    }
    let pool = builder.build().map_err(|e| e.to_string())?;
    let write_error = |e: std::io::Error| format!("{}: {e}", args.out.display());
    let mut totals = Totals::default();
    let result = in_chunks(&mut inputs, &pool, &pipeline, args.date, |chunk, extracted| {
        for (input, x) in chunk.iter().zip(extracted) {
            totals.read += 1;
            match (input, x) {
                (Input::Document(d), Some(x)) => {
                    for w in &d.warnings {
                        error(&format!("{}: {w}", d.origin));
                    }
                    let row = DocumentRow {
                        id: d.id.clone(),
                        date: x.reference,
                        title: d.title.clone().unwrap_or_default(),
                        status: "ok",
                        error: d.warnings.join("; "),
                    };
                    output.write(&row, &d.text, &x, &pipeline).map_err(write_error)?;
                    totals.ok += 1;
                    totals.mentions += x.mentions.len() as u64;
                    totals.relations += x.relations.len() as u64;
                    totals.bytes += d.text.len() as u64;
                }
                (Input::Skipped { id, origin, reason }, _) => {
                    if !args.quiet {
                        error(&format!("{origin}: skipped: {reason}"));
                    }
                    let row = DocumentRow {
                        id: id.clone(),
                        status: "skipped",
                        error: reason.clone(),
                        ..DocumentRow::default()
                    };
                    output.write_failed(&row).map_err(write_error)?;
                    totals.skipped += 1;
                }
                (input, _) => {
                    let reason = match input {
                        Input::Failed { error, .. } => error.clone(),
                        _ => "not extracted".to_string(),
                    };
                    // The origin names the line already: "articles.jsonl:3: …".
                    let message = match reason.split_once(": ") {
                        Some((line, rest)) if line.starts_with("line ") => rest,
                        _ => reason.as_str(),
                    };
                    error(&format!("{}: {message}", input.origin()));
                    let row = DocumentRow {
                        id: input.id().to_string(),
                        status: "error",
                        error: reason,
                        ..DocumentRow::default()
                    };
                    output.write_failed(&row).map_err(write_error)?;
                    totals.failed += 1;
                }
            }
        }
        Ok(())
    });
    result?;
    output.finish().map_err(write_error)?;
    if !args.quiet {
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "gazette: {} documents read, {} ok, {} skipped, {} failed; {} mentions, {} relations; {:.1} MB/s, {:.2}s",
            totals.read,
            totals.ok,
            totals.skipped,
            totals.failed,
            totals.mentions,
            totals.relations,
            totals.bytes as f64 / 1e6 / secs.max(1e-9),
            secs
        );
    }
    Ok(totals)
}
