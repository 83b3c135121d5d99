//! Per-stage cost of `gazette extract` on the news corpus (issue 6), one
//! thread: the stages of `Pipeline::extract_timed`, then turning the
//! extraction into a `Record` (ids, character offsets) and writing the
//! CSVs (to a temporary folder, removed afterwards). Reading the JSONL is
//! not included. The corpus is run twice: the first pass includes what is
//! built once per thread, the second shows the cost at archive scale.
//!
//! Run: `cargo run --release --example bench_stages -- [SHARED_DIR]
//! [--gazetteers DIR]` (default `../shared`). Prints a Markdown table of
//! seconds, shares and multiples of the gazetteer scan's time for each
//! pass. Exits with code 2 when the corpus is missing.

#[path = "../benches/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use gazette::extract::StageTimes;
use gazette::write::CsvOutput;
use gazette::Record;

fn main() {
    let (shared, extra) = common::args();
    let docs = common::load_documents(&shared, usize::MAX).unwrap_or_else(|e| common::fail(&e));
    let bytes = common::text_bytes(&docs);
    let files = common::gazetteer_files(extra.as_deref()).unwrap_or_else(|e| common::fail(&e));
    let pipeline = common::build_pipeline(&files).unwrap_or_else(|e| common::fail(&e));
    let out = std::env::temp_dir().join(format!("gazette-bench-stages-{}", std::process::id()));
    std::fs::create_dir_all(&out).unwrap_or_else(|e| common::fail(&e.to_string()));
    let mut csv =
        CsvOutput::create(&out, false, false).unwrap_or_else(|e| common::fail(&e.to_string()));

    // Twice: the first pass pays for what is built once per thread (lazy
    // DFA states), which an archive of gigabytes spreads thin; the second
    // is what each further megabyte costs.
    let mut passes = Vec::new();
    for _ in 0..2 {
        let mut times = StageTimes::default();
        let (mut record, mut write) = (Duration::ZERO, Duration::ZERO);
        for batch in common::batches(&docs) {
            let xs = pipeline.extract_timed(&batch, None, &mut times);
            for (d, x) in batch.iter().zip(&xs) {
                let started = Instant::now();
                let title = d.title.as_deref().unwrap_or("");
                let r = Record::new(&d.id, title, &d.text, &d.warnings, x, &pipeline, false);
                let made = Instant::now();
                csv.write(&r).unwrap_or_else(|e| common::fail(&e.to_string()));
                record += made - started;
                write += made.elapsed();
            }
        }
        passes.push((times, record, write));
    }
    let started = Instant::now();
    csv.finish().unwrap_or_else(|e| common::fail(&e.to_string()));
    let finish = started.elapsed();
    let _ = std::fs::remove_dir_all(&out);

    let mb = bytes as f64 / 1e6;
    let rows = |(times, record, write): &(StageTimes, Duration, Duration), finish: Duration| {
        let mut rows: Vec<(&str, Duration)> = times.stages().to_vec();
        rows.push(("record (ids, char offsets)", *record));
        rows.push(("CSV writing", *write + finish));
        rows
    };
    // The run-wide files (entities, edges) are written once, at the end:
    // charged to the second pass, which ends the run.
    let (first, second) = (rows(&passes[0], Duration::ZERO), rows(&passes[1], finish));
    let total = |rows: &[(&str, Duration)]| rows.iter().map(|(_, d)| d.as_secs_f64()).sum::<f64>();
    let (t1, t2) = (total(&first), total(&second));
    println!(
        "Stages, 1 thread, {} documents, {mb:.1} MB of text, {} patterns, the corpus twice: \
         extract {:.1} MB/s then {:.1} MB/s, with record and CSV {:.1} then {:.1} MB/s\n",
        docs.len(),
        pipeline.gazetteer().pattern_count(),
        mb / passes[0].0.total().as_secs_f64(),
        mb / passes[1].0.total().as_secs_f64(),
        mb / t1,
        mb / t2,
    );
    // Each stage against the gazetteer scan of the same pass: a ratio
    // that the load of a shared machine moves much less than the seconds
    // (issue 4 asks dates and quantities to cost no more than the scan).
    let scan = |rows: &[(&str, Duration)]| {
        rows.iter()
            .find(|(name, _)| *name == "gazetteer scan")
            .map_or(0.0, |(_, d)| d.as_secs_f64())
    };
    let (s1, s2) = (scan(&first), scan(&second));
    let times =
        |d: f64, scan: f64| if scan > 0.0 { format!("{:.2}", d / scan) } else { "-".into() };
    println!("| stage | first pass s | share | × scan | second pass s | share | × scan |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for ((name, a), (_, b)) in first.iter().zip(&second) {
        let (a, b) = (a.as_secs_f64(), b.as_secs_f64());
        println!(
            "| {name} | {a:.2} | {:.1} % | {} | {b:.2} | {:.1} % | {} |",
            100.0 * a / t1,
            times(a, s1),
            100.0 * b / t2,
            times(b, s2),
        );
    }
    println!(
        "| total | {t1:.2} | 100 % | {} | {t2:.2} | 100 % | {} |",
        times(t1, s1),
        times(t2, s2)
    );
}
