//! Measures how well the default gazetteers and name rules find PERSON, ORG
//! and PLACE mentions, against two gold corpora in the shared directory:
//!
//! - CoNLL-2003 English test set (`data/conll2003_en/eng.testb`). Each
//!   document's text is rebuilt by joining tokens with one space and
//!   sentences with a newline; the IOB1 tags give the gold spans.
//! - MEANTIME English (`data/meantime_en/meantime_en.jsonl`), Wikinews text
//!   with every entity mention (names, nominals, pronouns) typed. A second
//!   table keeps only named mentions (`NAM`, `PRE.NAM`).
//!
//! Gold types map PER → PERSON, ORG → ORG, LOC → PLACE. Other gold types
//! (CoNLL MISC; MEANTIME PRO, FIN, MIX, untyped) are ignored: they are not
//! gold, and a prediction overlapping one of them (and no counted gold span)
//! is dropped rather than counted as a false positive. Predicted mentions of
//! other kinds are ignored too. Demonyms (`Russian`) are predicted as PLACE
//! mentions; CoNLL tags them MISC, so they usually fall under that rule.
//!
//! Scores are micro-averaged per type and overall. *Strict*: a prediction is
//! correct when its byte span equals a gold span of the same type.
//! *Partial*: a prediction is correct when it overlaps a gold span of the
//! same type, and a gold span is found when a same-type prediction overlaps it.
//!
//! Run: `cargo run --release --example eval_entities -- [SHARED_DIR]`
//! (default `../shared`). Pass `-v` to list every prediction that is not
//! strictly correct (`FP`) and every gold span no prediction of its kind
//! overlaps (`FN`). Exits with code 2 when a corpus file is missing.
//!
//! MEANTIME annotates only each article's title, date line and first few
//! sentences, so predictions after the last annotated sentence are not
//! scored. Its spans include determiners and titles (`the European Union`,
//! `President Vladimir Putin`), which makes the partial score the fairer one
//! there.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use gazette::extract::gazetteer::GazetteerBuilder;
use gazette::extract::lexicon::Lexicon;
use gazette::extract::Pipeline;
use gazette::{Document, Span};
use serde_json::Value;

/// The entity kinds scored, in table order.
const KINDS: [&str; 3] = ["PERSON", "ORG", "PLACE"];

/// A gold mention: its byte span and its kind, or `None` when ignored.
#[derive(Clone, Debug)]
struct Gold {
    span: Span,
    kind: Option<usize>,
}

/// One evaluation document.
#[derive(Default)]
struct Doc {
    id: String,
    text: String,
    gold: Vec<Gold>,
    /// Byte offset where annotation stops; later predictions are not scored.
    annotated: usize,
}

/// Counts for one kind.
#[derive(Clone, Copy, Debug, Default)]
struct Counts {
    gold: usize,
    pred: usize,
    correct: usize,
    partial_pred: usize,
    partial_gold: usize,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.gold += o.gold;
        self.pred += o.pred;
        self.correct += o.correct;
        self.partial_pred += o.partial_pred;
        self.partial_gold += o.partial_gold;
    }
}

/// Maps a gold type name to an index into [`KINDS`].
fn gold_kind(tag: &str) -> Option<usize> {
    match tag {
        "PER" | "PERSON" => Some(0),
        "ORG" | "ORGANIZATION" => Some(1),
        "LOC" | "LOCATION" => Some(2),
        _ => None,
    }
}

/// Parses CoNLL-2003 (4 columns, IOB1) into documents.
fn read_conll(body: &str) -> Vec<Doc> {
    let mut docs = Vec::new();
    let mut doc = Doc::default();
    // Open entity: start byte and type tag.
    let mut open: Option<(usize, String)> = None;
    let mut sentence_open = false;
    let close = |doc: &mut Doc, open: &mut Option<(usize, String)>| {
        if let Some((start, tag)) = open.take() {
            let span = Span::new(start, doc.text.len());
            doc.gold.push(Gold { span, kind: gold_kind(&tag) });
        }
    };
    for line in body.lines().chain(std::iter::once("-DOCSTART-")) {
        let line = line.trim();
        if line.starts_with("-DOCSTART-") {
            close(&mut doc, &mut open);
            if !doc.text.is_empty() {
                doc.id = format!("conll-testb-{}", docs.len() + 1);
                doc.annotated = doc.text.len();
                docs.push(std::mem::take(&mut doc));
            }
            sentence_open = false;
            continue;
        }
        if line.is_empty() {
            close(&mut doc, &mut open);
            sentence_open = false;
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        let (token, tag) = (cols[0], cols[cols.len() - 1]);
        let (prefix, ty) = tag.split_once('-').unwrap_or(("O", ""));
        // IOB1: `I-X` continues an open X entity, else starts one; `B-X`
        // always starts one. Close before the separator so spans end at the
        // last token.
        let continues = prefix == "I" && open.as_ref().is_some_and(|(_, t)| t == ty);
        if !continues {
            close(&mut doc, &mut open);
        }
        if !doc.text.is_empty() {
            doc.text.push(if sentence_open { ' ' } else { '\n' });
        }
        let start = doc.text.len();
        doc.text.push_str(token);
        sentence_open = true;
        if prefix != "O" && !continues {
            open = Some((start, ty.to_owned()));
        }
    }
    docs
}

/// Byte offset of character `chars` in `text` (offsets in the JSONL count
/// Unicode code points).
fn byte_offset(text: &str, chars: usize) -> usize {
    text.char_indices().nth(chars).map_or(text.len(), |(b, _)| b)
}

/// End (in bytes) of the last sentence holding any MEANTIME markable:
/// only each article's title, date line and first few sentences are
/// annotated, so mentions after that are neither gold nor errors.
fn annotated_end(v: &Value) -> usize {
    let text = v["text"].as_str().unwrap_or_default();
    let markables = ["entity_mentions", "events", "timexes", "values"];
    let last = markables
        .iter()
        .flat_map(|key| v[*key].as_array().into_iter().flatten())
        .filter_map(|m| m["end"].as_u64())
        .max()
        .unwrap_or(0) as usize;
    let sentence_end = v["sentences"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["end"].as_u64().map(|e| e as usize))
        .find(|&e| e >= last)
        .unwrap_or(last);
    byte_offset(text, sentence_end)
}

/// Parses the MEANTIME JSONL. With `names_only`, mentions that are not
/// names (`NAM`, `PRE.NAM`) are kept as ignored spans.
fn read_meantime(body: &str, names_only: bool) -> Result<Vec<Doc>, String> {
    let mut docs = Vec::new();
    for (n, line) in body.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).map_err(|e| format!("line {}: {e}", n + 1))?;
        let text = v["text"].as_str().unwrap_or_default().to_owned();
        let mut gold = Vec::new();
        for m in v["entity_mentions"].as_array().into_iter().flatten() {
            let (Some(start), Some(end)) = (m["start"].as_u64(), m["end"].as_u64()) else {
                continue;
            };
            let span =
                Span::new(byte_offset(&text, start as usize), byte_offset(&text, end as usize));
            let is_name = matches!(m["syntactic_type"].as_str(), Some("NAM" | "PRE.NAM"));
            let kind =
                m["ent_type"].as_str().and_then(gold_kind).filter(|_| is_name || !names_only);
            gold.push(Gold { span, kind });
        }
        let id = v["id"].as_str().map_or_else(|| v["id"].to_string(), str::to_owned);
        docs.push(Doc { id, text, gold, annotated: annotated_end(&v) });
    }
    Ok(docs)
}

/// Scores one document's predictions (span, kind index) against its gold;
/// returns the predictions kept (not dropped for overlapping ignored spans).
fn score(gold: &[Gold], pred: &[(Span, usize)], counts: &mut [Counts; 3]) -> Vec<(Span, usize)> {
    let counted: Vec<(Span, usize)> =
        gold.iter().filter_map(|g| g.kind.map(|k| (g.span, k))).collect();
    let ignored: Vec<Span> = gold.iter().filter(|g| g.kind.is_none()).map(|g| g.span).collect();
    let kept: Vec<(Span, usize)> = pred
        .iter()
        .copied()
        .filter(|(p, _)| {
            !ignored.iter().any(|s| s.overlaps(*p)) || counted.iter().any(|(s, _)| s.overlaps(*p))
        })
        .collect();
    // Gold spans are deduplicated so nested duplicates cannot inflate recall.
    let mut unique = counted.clone();
    unique.sort_by_key(|&(s, k)| (s, k));
    unique.dedup();
    for &(s, k) in &unique {
        counts[k].gold += 1;
        counts[k].partial_gold += usize::from(kept.iter().any(|&(p, pk)| pk == k && p.overlaps(s)));
    }
    for &(p, k) in &kept {
        counts[k].pred += 1;
        counts[k].correct += usize::from(unique.iter().any(|&(s, sk)| sk == k && s == p));
        counts[k].partial_pred +=
            usize::from(unique.iter().any(|&(s, sk)| sk == k && s.overlaps(p)));
    }
    kept
}

/// Prints kept predictions that are not strictly correct, with the counted
/// gold spans they overlap (for `-v`).
fn print_false_positives(corpus: &str, doc: &Doc, kept: &[(Span, usize)]) {
    let text = |s: Span| &doc.text[s.start..s.end];
    for &(p, k) in kept {
        if doc.gold.iter().any(|g| g.span == p && g.kind == Some(k)) {
            continue;
        }
        let overlapping: Vec<String> = doc
            .gold
            .iter()
            .filter(|g| g.span.overlaps(p))
            .filter_map(|g| g.kind.map(|gk| format!("{}:{:?}", KINDS[gk], text(g.span))))
            .collect();
        println!(
            "  FP {corpus} {} {} {:?} gold: [{}]",
            doc.id,
            KINDS[k],
            text(p),
            overlapping.join(", ")
        );
    }
}

/// Prints counted gold spans that no prediction of their kind overlaps
/// (for `-v`): what the gazetteers and rules miss altogether.
fn print_misses(corpus: &str, doc: &Doc, kept: &[(Span, usize)]) {
    for g in doc.gold.iter().filter(|g| g.span.start < doc.annotated) {
        let Some(k) = g.kind else { continue };
        if !kept.iter().any(|&(p, pk)| pk == k && p.overlaps(g.span)) {
            println!(
                "  FN {corpus} {} {} {:?}",
                doc.id,
                KINDS[k],
                &doc.text[g.span.start..g.span.end]
            );
        }
    }
}

/// Runs the pipeline on every document and prints the table.
fn evaluate(pipeline: &Pipeline, name: &str, docs: &[Doc], verbose: bool) {
    let started = Instant::now();
    let mut counts = [Counts::default(); 3];
    for doc in docs {
        let x = pipeline.extract(&Document::new(doc.id.as_str(), doc.text.as_str()), None);
        let pred: Vec<(Span, usize)> = x
            .mentions
            .iter()
            .filter(|m| m.span.start < doc.annotated)
            .filter_map(|m| {
                let kind = &pipeline.entity(&x, m.entity).kind;
                KINDS.iter().position(|k| k == kind).map(|i| (m.span, i))
            })
            .collect();
        let kept = score(&doc.gold, &pred, &mut counts);
        if verbose {
            print_false_positives(name, doc, &kept);
            print_misses(name, doc, &kept);
        }
    }
    let elapsed = started.elapsed();
    println!(
        "{:<17} {:<7} {:>5} {:>5} {:>8}  {:>6} {:>6} {:>6}   partial P/R/F1",
        "corpus", "type", "gold", "pred", "correct", "P", "R", "F1"
    );
    let mut all = Counts::default();
    for (kind, c) in KINDS.iter().zip(&counts) {
        all.add(*c);
        row(name, kind, c);
    }
    row(name, "ALL", &all);
    println!("{} documents, {:.2} s\n", docs.len(), elapsed.as_secs_f64());
}

/// Precision, recall and F1 in percent.
fn prf(hit_pred: usize, pred: usize, hit_gold: usize, gold: usize) -> (f64, f64, f64) {
    let ratio = |n: usize, d: usize| if d == 0 { 0.0 } else { 100.0 * n as f64 / d as f64 };
    let (p, r) = (ratio(hit_pred, pred), ratio(hit_gold, gold));
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

/// Prints one table row: counts, strict P/R/F1, then partial P/R/F1.
fn row(corpus: &str, kind: &str, c: &Counts) {
    let (p, r, f) = prf(c.correct, c.pred, c.correct, c.gold);
    let (pp, pr, pf) = prf(c.partial_pred, c.pred, c.partial_gold, c.gold);
    println!(
        "{corpus:<17} {kind:<7} {:>5} {:>5} {:>8}  {p:>6.1} {r:>6.1} {f:>6.1}   {pp:.1}/{pr:.1}/{pf:.1}",
        c.gold, c.pred, c.correct
    );
}

/// Reads a whole corpus file, with the path in the error.
fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn main() -> ExitCode {
    let args: Vec<_> = std::env::args_os().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let shared =
        args.iter().find(|a| *a != "-v").map_or_else(|| PathBuf::from("../shared"), PathBuf::from);
    let conll_path = shared.join("data/conll2003_en/eng.testb");
    let meantime_path = shared.join("data/meantime_en/meantime_en.jsonl");
    let (conll, meantime) = match (read(&conll_path), read(&meantime_path)) {
        (Ok(c), Ok(m)) => (c, m),
        (c, m) => {
            for e in [c.err(), m.err()].into_iter().flatten() {
                eprintln!("eval_entities: {e}");
            }
            eprintln!("usage: eval_entities [SHARED_DIR] [-v]  (SHARED_DIR defaults to ../shared)");
            return ExitCode::from(2);
        }
    };
    let (all_mentions, names) =
        match (read_meantime(&meantime, false), read_meantime(&meantime, true)) {
            (Ok(a), Ok(n)) => (a, n),
            (Err(e), _) | (_, Err(e)) => {
                eprintln!("eval_entities: {}: {e}", meantime_path.display());
                return ExitCode::from(2);
            }
        };

    let started = Instant::now();
    let pipeline = match (GazetteerBuilder::with_defaults().build(), Lexicon::with_defaults()) {
        (Ok(g), Ok(l)) => Pipeline::new(g, l),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("eval_entities: cannot build the default pipeline: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("pipeline built in {:.2} s\n", started.elapsed().as_secs_f64());

    evaluate(&pipeline, "conll03-testb", &read_conll(&conll), verbose);
    evaluate(&pipeline, "meantime-all", &all_mentions, verbose);
    evaluate(&pipeline, "meantime-names", &names, verbose);
    println!("total run time {:.2} s", started.elapsed().as_secs_f64());
    ExitCode::SUCCESS
}
