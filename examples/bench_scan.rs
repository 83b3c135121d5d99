//! The baseline of issue 6's benchmark: a plain aho-corasick
//! leftmost-longest scan over the news corpus with the gazetteer's own
//! patterns (rebuilt from the same TSV files, variants included).
//! `tools/bench.sh` runs it so the ratio to gazette is measured in the same
//! run.
//!
//! Run: `cargo run --release --example bench_scan -- [SHARED_DIR]
//! [--gazetteers DIR]` (default `../shared`). Prints a human line, then
//! `scan_mb_s=…` for scripts. Exits with code 2 when the corpus is missing.

#[path = "../benches/common/mod.rs"]
mod common;

use std::time::Instant;

/// Scans the whole corpus this many times and reports the median.
const RUNS: usize = 3;

fn main() {
    let (shared, extra) = common::args();
    let docs = common::load_documents(&shared, usize::MAX).unwrap_or_else(|e| common::fail(&e));
    let bytes = common::text_bytes(&docs);
    let files = common::gazetteer_files(extra.as_deref()).unwrap_or_else(|e| common::fail(&e));
    let started = Instant::now();
    let gazetteer = common::build_gazetteer(&files).unwrap_or_else(|e| common::fail(&e));
    let trie_build = started.elapsed().as_secs_f64();
    let count = gazetteer.pattern_count();
    let patterns = common::patterns(&files);
    if patterns.len() != count {
        eprintln!("bench_scan: warning: {} patterns, the gazetteer has {count}", patterns.len());
    }
    let started = Instant::now();
    let ac = common::baseline(&patterns);
    let build = started.elapsed().as_secs_f64();
    let mut secs = Vec::new();
    let mut matches = 0;
    for _ in 0..RUNS {
        let started = Instant::now();
        matches = common::scan(&ac, &docs);
        secs.push(started.elapsed().as_secs_f64());
    }
    secs.sort_by(f64::total_cmp);
    let median = secs[RUNS / 2];
    let mb_s = bytes as f64 / 1e6 / median;
    println!(
        "baseline scan: {} patterns ({:?}, built in {build:.2}s), {} documents, {:.1} MB, \
         {matches} matches, median of {RUNS}: {median:.3}s = {mb_s:.1} MB/s",
        patterns.len(),
        ac.kind(),
        docs.len(),
        bytes as f64 / 1e6,
    );
    // gazette's own matcher on the same text, for comparison: the word
    // trie, with its boundary checks and overlap resolution.
    let mut secs = Vec::new();
    let mut found = 0;
    for _ in 0..RUNS {
        let started = Instant::now();
        found = docs.iter().map(|d| gazetteer.find(&d.text).len()).sum::<usize>();
        secs.push(started.elapsed().as_secs_f64());
    }
    secs.sort_by(f64::total_cmp);
    let trie = secs[RUNS / 2];
    println!(
        "gazette's gazetteer scan (word trie, built in {trie_build:.2}s with the entities):          {found} names, median of {RUNS}: {trie:.3}s = {:.1} MB/s",
        bytes as f64 / 1e6 / trie
    );
    println!("scan_mb_s={mb_s:.1}");
}
