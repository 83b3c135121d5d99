//! Per-stage cost of `gazette extract` on the news corpus (issue 6), one
//! thread: the stages of `Pipeline::extract_timed`, then turning the
//! extraction into a `Record` (ids, character offsets) and writing the
//! CSVs (to a temporary folder, removed afterwards). Reading the JSONL is
//! not included.
//!
//! Run: `cargo run --release --example bench_stages -- [SHARED_DIR]
//! [--gazetteers DIR]` (default `../shared`). Prints a Markdown table of
//! seconds and shares. Exits with code 2 when the corpus is missing.

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

    let mut times = StageTimes::default();
    let (mut record, mut write) = (Duration::ZERO, Duration::ZERO);
    for d in &docs {
        let x = pipeline.extract_timed(d, None, &mut times);
        let started = Instant::now();
        let title = d.title.as_deref().unwrap_or("");
        let r = Record::new(&d.id, title, &d.text, &d.warnings, &x, &pipeline, false);
        let made = Instant::now();
        csv.write(&r).unwrap_or_else(|e| common::fail(&e.to_string()));
        record += made - started;
        write += made.elapsed();
    }
    let started = Instant::now();
    csv.finish().unwrap_or_else(|e| common::fail(&e.to_string()));
    write += started.elapsed();
    let _ = std::fs::remove_dir_all(&out);

    let extract = times.total();
    let total = extract + record + write;
    let mut rows: Vec<(&str, Duration)> = times.stages().to_vec();
    rows.push(("record (ids, char offsets)", record));
    rows.push(("CSV writing", write));
    println!(
        "Stages, 1 thread, {} documents, {:.1} MB of text, {} patterns: extract {:.1} MB/s, \
         with record and CSV {:.1} MB/s\n",
        docs.len(),
        bytes as f64 / 1e6,
        pipeline.gazetteer().pattern_count(),
        bytes as f64 / 1e6 / extract.as_secs_f64(),
        bytes as f64 / 1e6 / total.as_secs_f64(),
    );
    println!("| stage | seconds | share |\n| --- | ---: | ---: |");
    for (name, d) in rows {
        let share = 100.0 * d.as_secs_f64() / total.as_secs_f64();
        println!("| {name} | {:.2} | {share:.1} % |", d.as_secs_f64());
    }
    println!("| total | {:.2} | 100 % |", total.as_secs_f64());
}
