//! `gazette check`: load the gazetteers and the relation lexicon, print
//! every problem and every ambiguous name.

use std::process::ExitCode;

use super::{error, GazetteerArgs};

/// Checks gazetteer and relation files: errors with file and line, and
/// names claimed by two entities.
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

/// Exit 0 when everything loads without ambiguity, 1 when only ambiguities
/// were found, 2 on errors.
pub fn run(args: Args) -> ExitCode {
    let (gazetteer, _) = match args.gazetteers.build() {
        Ok(built) => built,
        Err(message) => {
            error(&message);
            return ExitCode::from(2);
        }
    };
    for a in gazetteer.ambiguities() {
        println!(
            "ambiguous: {:?} is claimed by {} and {}; {} keeps it",
            a.form, a.kept, a.dropped, a.kept
        );
    }
    println!(
        "{} entities, {} patterns, {} ambiguous names",
        gazetteer.entities().len(),
        gazetteer.pattern_count(),
        gazetteer.ambiguities().len()
    );
    ExitCode::from(if gazetteer.ambiguities().is_empty() { 0 } else { 1 })
}
