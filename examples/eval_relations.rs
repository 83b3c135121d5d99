//! How many of MEANTIME's gold subject–predicate–object triples gazette
//! finds: a figure to watch, not to tune.
//!
//! MEANTIME English (`data/meantime_en/meantime_en.jsonl`) is Wikinews text
//! with PropBank roles: each event mention's Arg0 × Arg1 pair is one gold
//! triple (`Boeing — fought — Lockheed Martin`). Most of its predicates are
//! business verbs gazette has no class for, and most objects are products or
//! sums, not entities, so the figures are low by construction; they show
//! whether the rules reach further over time.
//!
//! For each gold triple, with the Arg0 and Arg1 spans from the gold entity
//! mentions:
//! - *subject found*: a gazette relation in the same sentence has a subject
//!   mention overlapping Arg0;
//! - *triple found*: that relation's object (an entity mention, or its
//!   `object_text`) also overlaps Arg1. The label is not compared: MEANTIME
//!   predicates are lemmas (`fight`), gazette's are classes (`attacked`).
//!
//! Gazette relations matching no gold triple are counted but not judged:
//! MEANTIME annotates only the first sentences of each article.
//!
//! Run: `cargo run --release --example eval_relations -- [SHARED_DIR] [-v]`
//! (default `../shared`); `-v` lists each gold triple with what was found.

use std::fs;
use std::path::Path;
use std::process::ExitCode;

use gazette::extract::gazetteer::GazetteerBuilder;
use gazette::extract::lexicon::Lexicon;
use gazette::{Document, Pipeline, Span};
use serde_json::Value;

const CORPUS: &str = "data/meantime_en/meantime_en.jsonl";

/// Byte offsets of each char offset of `text` (the corpus counts chars).
fn byte_offsets(text: &str) -> Vec<usize> {
    let mut out: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    out.push(text.len());
    out
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let shared = args.iter().find(|a| *a != "-v").map_or("../shared", String::as_str);
    let path = Path::new(shared).join(CORPUS);
    let Ok(body) = fs::read_to_string(&path) else {
        eprintln!("error: cannot read {}", path.display());
        return ExitCode::from(2);
    };
    let pipeline = match (GazetteerBuilder::with_defaults().build(), Lexicon::with_defaults()) {
        (Ok(g), Ok(l)) => Pipeline::new(g, l),
        (Err(e), _) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
        (_, Err(e)) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let (mut gold, mut subjects, mut triples, mut relations, mut docs) = (0, 0, 0, 0, 0);
    for (n, line) in body.lines().enumerate() {
        let doc: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("{}:{}: bad JSON: {e}", path.display(), n + 1);
                continue;
            }
        };
        docs += 1;
        let text = doc["text"].as_str().unwrap_or("");
        let offsets = byte_offsets(text);
        let span = |v: &Value| -> Option<Span> {
            let at = |k: &str| v[k].as_u64().and_then(|c| offsets.get(c as usize).copied());
            Some(Span::new(at("start")?, at("end")?))
        };
        let mentions: Vec<(&str, Span)> = doc["entity_mentions"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|m| Some((m["m_id"].as_str()?, span(m)?)))
            .collect();
        let mention = |id: &str| mentions.iter().find(|(m, _)| *m == id).map(|&(_, s)| s);
        let x = pipeline.extract(&Document::new("m", text), None);
        relations += x.relations.len();
        let participants = doc["participants"].as_array().cloned().unwrap_or_default();
        for t in doc["spo_triples"].as_array().into_iter().flatten() {
            let event = t["event_m_id"].as_str().unwrap_or("");
            let arg = |role: &str, text: &Value| {
                participants
                    .iter()
                    .find(|p| {
                        p["event_m_id"].as_str() == Some(event)
                            && p["sem_role"].as_str() == Some(role)
                            && p["arg_text"] == *text
                    })
                    .and_then(|p| mention(p["arg_m_id"].as_str()?))
            };
            let (Some(a0), Some(a1)) = (arg("Arg0", &t["subject"]), arg("Arg1", &t["object"]))
            else {
                continue;
            };
            gold += 1;
            let sentence = x.sentence_of(a0.start);
            let with_subject: Vec<_> = x
                .relations
                .iter()
                .filter(|r| r.sentence == sentence && overlaps(x.mentions[r.subject].span, a0))
                .collect();
            let hit = with_subject.iter().find(|r| {
                r.object.is_some_and(|o| overlaps(x.mentions[o].span, a1))
                    || (!r.object_text.is_empty() && overlaps(r.object_text, a1))
            });
            subjects += usize::from(!with_subject.is_empty());
            triples += usize::from(hit.is_some());
            if verbose {
                let found = hit.map_or(String::from("-"), |r| {
                    format!("{} {}", r.label, &text[r.verb.start..r.verb.end])
                });
                println!(
                    "{} {:?} —{}→ {:?}: {found}",
                    if hit.is_some() { "HIT " } else { "MISS" },
                    &text[a0.start..a0.end],
                    t["predicate_text"].as_str().unwrap_or(""),
                    &text[a1.start..a1.end],
                );
            }
        }
    }
    let pct = |k: usize| if gold == 0 { 0.0 } else { 100.0 * k as f64 / gold as f64 };
    println!("MEANTIME English: {docs} documents, {gold} gold Arg0–predicate–Arg1 triples");
    println!(
        "  subject found in a relation of the sentence: {subjects:>4} ({:.1}%)",
        pct(subjects)
    );
    println!("  triple found (subject and object):           {triples:>4} ({:.1}%)", pct(triples));
    println!("  gazette relations in these documents:        {relations:>4}");
    ExitCode::SUCCESS
}
