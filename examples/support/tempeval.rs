//! TIMEX3 value accuracy on TempEval-3 (`data/tempeval3_timex`), dates only.
//!
//! Each document resolves against its creation time (`dct.value`). A gold
//! DATE expression counts as found when a gazette date overlaps it, and as
//! right when that date's value equals the gold `value` (or one end of a
//! gazette range `START/END`, which TIMEX3 marks as two expressions). Gazette dates that
//! overlap no gold TIMEX3 of any type are counted as extra, to watch
//! precision. The platinum test set is the one with a target; the TimeBank
//! and AQUAINT training sets are printed too, as a larger check.

use std::fs;
use std::path::Path;

use gazette::extract::dates::DateFinder;
use gazette::extract::sentences::split;
use gazette::Date;
use serde_json::Value;

/// Data sets: file under `data/tempeval3_timex`, label.
const SETS: &[(&str, &str)] = &[
    ("te3_platinum_timex.jsonl", "TempEval-3 platinum (test)"),
    ("tbaq_timebank_timex.jsonl", "TimeBank (TBAQ training)"),
    ("tbaq_aquaint_timex.jsonl", "AQUAINT (TBAQ training)"),
];

/// Counts over one set.
#[derive(Default)]
struct Tally {
    docs: usize,
    gold: usize,
    found: usize,
    right: usize,
    extra: usize,
    /// Gold expressions missed or with a wrong value, for `-v`.
    misses: Vec<String>,
}

/// Char offsets to byte offsets of `text` (the gold uses code points).
fn byte_offsets(text: &str) -> Vec<usize> {
    let mut out: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    out.push(text.len());
    out
}

fn evaluate(finder: &DateFinder, path: &Path) -> Option<Tally> {
    let body = fs::read_to_string(path).ok()?;
    let mut tally = Tally::default();
    for (n, line) in body.lines().enumerate() {
        let doc: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("{}:{}: bad JSON: {e}", path.display(), n + 1);
                continue;
            }
        };
        let text = doc["text"].as_str().unwrap_or("");
        let reference = doc["dct"]["value"].as_str().and_then(Date::parse);
        let offsets = byte_offsets(text);
        let byte = |v: &Value| v.as_u64().and_then(|c| offsets.get(c as usize).copied());
        let found = finder.find(text, &split(text), reference);
        tally.docs += 1;
        let timexes = doc["timexes"].as_array().cloned().unwrap_or_default();
        let spans: Vec<(usize, usize, &Value)> = timexes
            .iter()
            .filter_map(|t| Some((byte(&t["start"])?, byte(&t["end"])?, t)))
            .collect();
        for &(start, end, t) in &spans {
            if t["type"].as_str() != Some("DATE") {
                continue;
            }
            tally.gold += 1;
            let gold = t["value"].as_str().unwrap_or("");
            let hits: Vec<_> =
                found.iter().filter(|m| m.span.start < end && start < m.span.end).collect();
            if !hits.is_empty() {
                tally.found += 1;
            }
            // TIMEX3 marks each end of "from 1991 to 1997" on its own;
            // gazette writes the range as one `1991/1997`: either end counts.
            if hits.iter().any(|m| m.value == gold || m.value.split('/').any(|v| v == gold)) {
                tally.right += 1;
            } else {
                let got: Vec<String> = hits
                    .iter()
                    .map(|m| format!("{:?} = {}", &text[m.span.start..m.span.end], m.value))
                    .collect();
                tally.misses.push(format!(
                    "{} (dct {}): {:?} = {gold}; got [{}]",
                    doc["id"].as_str().unwrap_or("?"),
                    reference.map(|d| d.to_string()).unwrap_or_default(),
                    &text[start..end],
                    got.join("; ")
                ));
            }
        }
        tally.extra += found
            .iter()
            .filter(|m| !spans.iter().any(|&(s, e, _)| m.span.start < e && s < m.span.end))
            .count();
    }
    Some(tally)
}

fn pct(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

/// Prints the TempEval-3 table; `verbose` lists every miss.
pub fn report(finder: &DateFinder, shared: &Path, verbose: bool) {
    let dir = shared.join("data/tempeval3_timex");
    println!(
        "\n{:<30} {:>5} {:>6} {:>7} {:>7} {:>7} {:>7}",
        "TIMEX3 DATE values", "docs", "gold", "found%", "right", "right%", "extra"
    );
    for &(file, label) in SETS {
        let Some(t) = evaluate(finder, &dir.join(file)) else {
            eprintln!("warning: cannot read {}; not counted", dir.join(file).display());
            continue;
        };
        println!(
            "{label:<30} {:>5} {:>6} {:>7.1} {:>7} {:>7.1} {:>7}",
            t.docs,
            t.gold,
            pct(t.found, t.gold),
            t.right,
            pct(t.right, t.gold),
            t.extra
        );
        if verbose {
            for m in &t.misses {
                println!("  MISS {m}");
            }
        }
    }
}
