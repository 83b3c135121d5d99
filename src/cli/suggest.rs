//! `gazette suggest`: mine an archive for names the gazetteers miss and
//! print them as gazetteer rows ready to paste.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use gazette::read::{self, Input, ReadOptions};
use gazette::suggest::{row, Suggestions};
use gazette::Pipeline;

use super::{error, extract::in_batches, GazetteerArgs};

/// Lists names the archive uses often that no gazetteer entry covers:
/// names found by rules (titles, organisation head words, places by
/// pattern) and capitalised multi-word sequences, with a type (guessed
/// where no rule gave one), counts and an example sentence. The output is
/// gazetteer TSV: a comment line per name, then its row; review the type
/// and id, then paste the rows into a file for --gazetteers.
///
/// Examples:
///   gazette suggest archive/ --top 50 > new-names.tsv
///   gazette suggest news.jsonl --gazetteers my-gazetteers/
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Files, folders or - (standard input), as for extract.
    #[arg(required = true, value_name = "INPUTS")]
    inputs: Vec<PathBuf>,
    /// How many names to print.
    #[arg(long, default_value_t = 50, value_name = "N")]
    top: usize,
    /// Worker threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N")]
    threads: Option<usize>,
    #[command(flatten)]
    gazetteers: GazetteerArgs,
}

/// Runs `gazette suggest`: 0 on success, 2 if it could not run.
pub fn run(args: Args) -> ExitCode {
    match suggest(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            error(&message);
            ExitCode::from(2)
        }
    }
}

fn suggest(args: &Args) -> Result<(), String> {
    let (gazetteer, lexicon) = args.gazetteers.build()?;
    let pipeline = Pipeline::new(gazetteer, lexicon);
    let mut inputs = read::open(&args.inputs, ReadOptions::default()).map_err(|e| e.to_string())?;
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = args.threads {
        builder = builder.num_threads(n.max(1));
    }
    let pool = builder.build().map_err(|e| e.to_string())?;
    let mut tally = Suggestions::new();
    in_batches(
        &mut inputs,
        &pool,
        &pipeline,
        None,
        |_, x| x,
        |batch, extracted| {
            for (input, x) in batch.iter().zip(extracted) {
                match (input, x) {
                    (Input::Document(d), Some(x)) => tally.add(&d.text, &x, &pipeline),
                    (Input::Failed { origin, error: reason, .. }, _) => {
                        error(&format!("{origin}: {reason}"))
                    }
                    _ => {}
                }
            }
            Ok(())
        },
    )?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let header = "id\tname\ttype\taliases\tdemonyms\tattributes\n";
    let mut text = String::from(header);
    for c in tally.top(args.top) {
        text.push_str(&row(c));
    }
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(format!("stdout: {e}")),
        _ => Ok(()),
    }
}
