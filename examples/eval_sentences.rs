//! Evaluates `gazette::extract::sentences::split` against the shared gold
//! sets: the pragmatic_segmenter English Golden Rules (and the extra spec
//! cases), and boundary precision/recall/F1 on GUM Wikinews documents.
//!
//! Run: `cargo run --release --example eval_sentences -- [SHARED_DIR]`
//! (default `../shared`). Pass `-v` after the directory to list failing
//! extra cases and GUM boundary errors.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use gazette::extract::sentences::split;
use serde_json::Value;

fn sentences(text: &str) -> Vec<&str> {
    split(text).into_iter().map(|s| &text[s.start..s.end]).collect()
}

fn read_jsonl(path: &Path) -> Vec<Value> {
    let body =
        fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    body.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("bad JSON line"))
        .collect()
}

fn string_list(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_owned)).collect())
        .unwrap_or_default()
}

fn pct(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        100.0 * n as f64 / d as f64
    }
}

/// Golden Rules: prints failures and the summary lines.
fn golden(dir: &Path) {
    let rules = read_jsonl(&dir.join("golden_rules_en.jsonl"));
    let (mut passed, mut verbatim, mut verbatim_passed) = (0, 0, 0);
    for rule in &rules {
        let text = rule["text"].as_str().unwrap_or("");
        let expected = string_list(&rule["sentences"]);
        let got = sentences(text);
        let is_verbatim = rule["verbatim_substrings"].as_bool().unwrap_or(true);
        verbatim += usize::from(is_verbatim);
        if got == expected {
            passed += 1;
            verbatim_passed += usize::from(is_verbatim);
        } else {
            println!(
                "FAIL rule {} ({}){}\n  expected: {:?}\n  got:      {:?}",
                rule["id"],
                rule["name"].as_str().unwrap_or(""),
                if is_verbatim { "" } else { " [needs text rewriting]" },
                expected,
                got
            );
        }
    }
    println!(
        "Golden Rules (English): {passed}/{} passed ({:.1}%), {verbatim} with verbatim_substrings",
        rules.len(),
        pct(passed, rules.len())
    );
    println!(
        "Golden Rules (English, verbatim only): {verbatim_passed}/{verbatim} passed ({:.1}%)",
        pct(verbatim_passed, verbatim)
    );
}

/// The 129 extra pragmatic_segmenter cases (report only).
fn extra(dir: &Path, verbose: bool) {
    let path = dir.join("pragmatic_segmenter_en_spec_extra.jsonl");
    if !path.exists() {
        return;
    }
    let cases = read_jsonl(&path);
    let (mut passed, mut verbatim, mut verbatim_passed) = (0, 0, 0);
    for case in &cases {
        let text = case["text"].as_str().unwrap_or("");
        let expected = string_list(&case["sentences"]);
        let got = sentences(text);
        let is_verbatim = case["verbatim_substrings"].as_bool().unwrap_or(true);
        verbatim += usize::from(is_verbatim);
        if got == expected {
            passed += 1;
            verbatim_passed += usize::from(is_verbatim);
        } else if verbose && is_verbatim && text.len() < 600 {
            println!(
                "EXTRA FAIL {}\n  expected: {:?}\n  got:      {:?}",
                case["id"], expected, got
            );
        }
    }
    println!(
        "pragmatic_segmenter extra cases: {passed}/{} passed ({:.1}%); verbatim only {verbatim_passed}/{verbatim} ({:.1}%)",
        cases.len(),
        pct(passed, cases.len()),
        pct(verbatim_passed, verbatim)
    );
}

/// Byte offset of every char index (plus the end) of `text`.
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut map: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    map.push(text.len());
    map
}

#[derive(Default)]
struct Counts {
    docs: usize,
    gold: usize,
    predicted: usize,
    correct: usize,
}

impl Counts {
    fn report(&self, label: &str) {
        let p = self.correct as f64 / self.predicted.max(1) as f64;
        let r = self.correct as f64 / self.gold.max(1) as f64;
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        println!(
            "{label}: {} docs, {} gold boundaries, {} predicted, {} correct: precision {p:.4}, recall {r:.4}, F1 {f:.4}",
            self.docs, self.gold, self.predicted, self.correct
        );
    }
}

/// Boundary P/R/F1 on a GUM JSONL file (sentence ends, document end excluded).
fn gum(path: &Path, prefix: &str, verbose: bool) -> Counts {
    let mut counts = Counts::default();
    for doc in read_jsonl(path) {
        let id = doc["id"].as_str().unwrap_or("");
        if !id.starts_with(prefix) {
            continue;
        }
        let text = doc["text"].as_str().unwrap_or("");
        let map = char_to_byte(text);
        let trimmed_end = text.trim_end().len();
        let gold: BTreeSet<usize> = doc["sentences"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s["end"].as_u64())
            .filter_map(|e| map.get(e as usize).copied())
            .filter(|&e| e < trimmed_end)
            .collect();
        let predicted: BTreeSet<usize> =
            split(text).into_iter().map(|s| s.end).filter(|&e| e < trimmed_end).collect();
        counts.docs += 1;
        counts.gold += gold.len();
        counts.predicted += predicted.len();
        counts.correct += gold.intersection(&predicted).count();
        if verbose {
            let context = |at: usize| {
                let mut a = at.saturating_sub(50);
                while !text.is_char_boundary(a) {
                    a -= 1;
                }
                let mut b = (at + 30).min(text.len());
                while !text.is_char_boundary(b) {
                    b += 1;
                }
                format!("{:?} | {:?}", &text[a..at], &text[at..b])
            };
            for &m in gold.difference(&predicted) {
                println!("  MISSED {id}: {}", context(m));
            }
            for &m in predicted.difference(&gold) {
                println!("  SPURIOUS {id}: {}", context(m));
            }
        }
    }
    counts
}

fn main() {
    let mut args = std::env::args().skip(1);
    let shared = args.next().map(PathBuf::from).unwrap_or_else(|| PathBuf::from("../shared"));
    let verbose = args.any(|a| a == "-v" || a == "--verbose");
    let base = shared.join("data").join("sentence_boundaries");

    golden(&base.join("pragmatic_segmenter"));
    extra(&base.join("pragmatic_segmenter"), verbose);

    let gum_dir = base.join("gum_news");
    let news = gum(&gum_dir.join("gum_news.jsonl"), "GUM_news_", verbose);
    news.report("GUM news boundaries");
    let interview_path = gum_dir.join("gum_interview.jsonl");
    if interview_path.exists() {
        gum(&interview_path, "GUM_interview_", false)
            .report("GUM interview boundaries (report only)");
    }

    // Throughput on a synthetic 50 MB single line.
    let unit = "Mr. Smith paid $3.50 at 5 p.m. in the U.S. He left... Then? Yes! ";
    let big = unit.repeat(50_000_000 / unit.len());
    let start = std::time::Instant::now();
    let n = split(&big).len();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "Throughput: {} MB single line -> {n} sentences in {secs:.2}s ({:.0} MB/s)",
        big.len() / 1_000_000,
        big.len() as f64 / 1e6 / secs
    );
}
