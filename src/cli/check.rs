//! `gazette check`: load the gazetteers and the relation lexicon, print
//! every problem and every name that may match the wrong thing.

use std::collections::BTreeMap;
use std::process::ExitCode;

use super::{error, GazetteerArgs};

/// Checks gazetteer and relation files: errors with file and line, names
/// claimed by two entities, names that are also ordinary words, and a
/// summary per type.
///
/// Exit status: 1 when a file has errors (extract would refuse to run),
/// 0 otherwise, warnings included.
///
/// Examples:
///   gazette check
///   gazette check --gazetteers my-gazetteers/
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    #[command(flatten)]
    gazetteers: GazetteerArgs,
}

/// Runs `gazette check`.
pub fn run(args: Args) -> ExitCode {
    let (gazetteer, lexicon) = match args.gazetteers.build() {
        Ok(built) => built,
        Err(message) => {
            error(&message);
            return ExitCode::from(1);
        }
    };
    for a in gazetteer.ambiguities() {
        println!(
            "warning: ambiguous: {:?} is claimed by {} and {}; {} keeps it",
            a.form, a.kept, a.dropped, a.kept
        );
    }
    for (form, id) in gazetteer.common_forms() {
        println!("warning: common word: {form:?} ({id}) counts only with evidence in the document");
    }
    let mut per_type: BTreeMap<&str, usize> = BTreeMap::new();
    for e in gazetteer.entities() {
        *per_type.entry(e.kind.as_str()).or_default() += 1;
    }
    for (kind, n) in &per_type {
        println!("{kind}: {n} entities");
    }
    println!(
        "{} entities, {} patterns, {} relation rows, {} ambiguous names, {} common-word names",
        gazetteer.entities().len(),
        gazetteer.pattern_count(),
        lexicon.entries().len(),
        gazetteer.ambiguities().len(),
        gazetteer.common_forms().len()
    );
    ExitCode::SUCCESS
}
