//! Criterion benchmarks for issue 6: the plain aho-corasick scan (the
//! baseline) and `Pipeline::extract` over the same sample of the news
//! corpus, one thread, throughput in bytes of document text.
//!
//!     cargo bench --bench pipeline
//!
//! Environment:
//! - `GAZETTE_SHARED`: the shared directory (default `../shared` next to
//!   the repository); without its `data/news_corpus/` the benchmark says so
//!   and does nothing.
//! - `GAZETTE_BENCH_MB`: megabytes of text in the sample (default 2: the
//!   first documents of Reuters-21578).
//! - `GAZETTE_BENCH_GAZETTEERS`: a folder of extra gazetteer files, e.g.
//!   one made by `python3 tools/gen_gazetteer.py 100000 DIR/gen.tsv`; the
//!   benchmarks then run with it layered over the defaults as well.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BenchmarkGroup, Criterion, SamplingMode, Throughput};

fn main() {
    let shared = std::env::var_os("GAZETTE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let mb: f64 =
        std::env::var("GAZETTE_BENCH_MB").ok().and_then(|s| s.parse().ok()).unwrap_or(2.0);
    let docs = match common::load_documents(&shared, (mb * 1e6) as usize) {
        Ok(docs) => docs,
        Err(e) => {
            eprintln!(
                "benches/pipeline: skipped: {e} (set GAZETTE_SHARED to the shared directory)"
            );
            return;
        }
    };
    let bytes = common::text_bytes(&docs);
    eprintln!("benches/pipeline: {} documents, {bytes} bytes of text", docs.len());

    let mut c = Criterion::default().configure_from_args();
    let mut sets = vec![("default", None)];
    if let Some(dir) = std::env::var_os("GAZETTE_BENCH_GAZETTEERS") {
        sets.push(("extra", Some(PathBuf::from(dir))));
    }
    for (name, extra) in sets {
        let files = match common::gazetteer_files(extra.as_deref()) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("benches/pipeline: {e}");
                std::process::exit(2);
            }
        };
        let pipeline = common::build_pipeline(&files).expect("gazetteers load");
        let patterns = common::patterns(&files);
        let count = pipeline.gazetteer().pattern_count();
        if patterns.len() != count {
            eprintln!(
                "benches/pipeline: warning: baseline has {} patterns, the gazetteer {count}",
                patterns.len()
            );
        }
        let ac = common::baseline(&patterns);
        eprintln!("benches/pipeline: {name} gazetteers: {count} patterns");

        let mut group = c.benchmark_group(format!("{name}_gazetteers"));
        settle(&mut group);
        group.throughput(Throughput::BytesDecimal(bytes as u64));
        group.bench_function("baseline_scan", |b| b.iter(|| common::scan(&ac, &docs)));
        // In batches, as `gazette extract` runs it.
        let batches = common::batches(&docs);
        group.bench_function("extract", |b| {
            b.iter(|| {
                let xs = batches.iter().flat_map(|batch| pipeline.extract_batch(batch, None));
                xs.map(|x| x.mentions.len()).sum::<usize>()
            })
        });
        group.finish();

        let mut group = c.benchmark_group(format!("{name}_gazetteers"));
        settle(&mut group);
        group.bench_function("build", |b| b.iter(|| common::build_gazetteer(&files).unwrap()));
        group.finish();
    }
    c.final_summary();
}

/// Few samples of one iteration each: every routine here takes from tens
/// of milliseconds to seconds.
fn settle(group: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>) {
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(10));
}
