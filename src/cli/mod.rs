//! The command line: parses arguments, reads inputs, calls the library and
//! writes outputs. The only code that knows about clap, stderr and exit codes.

mod check;
mod extract;
mod merge;
mod suggest;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use gazette::extract::gazetteer::{Gazetteer, GazetteerBuilder};
use gazette::extract::lexicon::{self, Lexicon};
use gazette::LoadErrors;

/// Turns news archives into spreadsheet-ready CSVs: the people,
/// organisations and places the news names, the dates and quantities it
/// gives, and the relations between them.
///
/// Exit status: 0 every document was processed (skipped non-text files
/// count as fine); 1 the run finished but some documents failed (their
/// rows in documents.csv say why); 2 gazette could not run (bad arguments,
/// a gazetteer with errors, an output folder it cannot write).
#[derive(Debug, Parser)]
#[command(name = "gazette", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Extract(extract::Args),
    Merge(merge::Args),
    Check(check::Args),
    Suggest(suggest::Args),
}

/// Where gazetteers come from, shared by every subcommand.
#[derive(Debug, clap::Args)]
struct GazetteerArgs {
    /// A folder of gazetteer TSV files (and relations.tsv) layered over the
    /// embedded defaults; entries with the same id replace the defaults.
    #[arg(long, value_name = "DIR")]
    gazetteers: Option<PathBuf>,
    /// Leave the embedded default gazetteers out (the default relation
    /// lexicon stays unless DIR has a relations.tsv).
    #[arg(long)]
    no_default_gazetteers: bool,
}

impl GazetteerArgs {
    /// Loads every gazetteer and the lexicon, or every problem found.
    fn load(&self) -> Result<(GazetteerBuilder, Lexicon), String> {
        // The common-word list is a matching policy, kept without the defaults.
        let mut builder = if self.no_default_gazetteers {
            let mut b = GazetteerBuilder::new();
            b.add_common_words(gazette::extract::gazetteer::COMMON_WORDS.1);
            b
        } else {
            GazetteerBuilder::with_defaults()
        };
        let mut lexicon_files: Vec<(String, String)> =
            vec![(lexicon::EMBEDDED.0.into(), lexicon::EMBEDDED.1.into())];
        if let Some(dir) = &self.gazetteers {
            builder.new_layer();
            let common = dir.join("common_words.txt");
            if common.is_file() {
                let data = std::fs::read_to_string(&common)
                    .map_err(|e| format!("{}: {e}", common.display()))?;
                builder.add_common_words(&data);
            }
            let given = dir.join("given_names.txt");
            if given.is_file() {
                let data = std::fs::read_to_string(&given)
                    .map_err(|e| format!("{}: {e}", given.display()))?;
                builder.add_given_names(&data);
            }
            for path in tsv_files(dir)? {
                let data = std::fs::read_to_string(&path)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                let name = path.display().to_string();
                if path.file_name().is_some_and(|n| n == "relations.tsv") {
                    lexicon_files.push((name, data));
                } else {
                    builder.add_file(&name, &data);
                }
            }
        }
        let files: Vec<(&str, &str)> =
            lexicon_files.iter().map(|(p, d)| (p.as_str(), d.as_str())).collect();
        let lexicon = Lexicon::from_files(&files).map_err(|e| e.to_string())?;
        Ok((builder, lexicon))
    }

    fn build(&self) -> Result<(Gazetteer, Lexicon), String> {
        let (builder, lexicon) = self.load()?;
        let gazetteer = builder.build().map_err(|e: LoadErrors| e.to_string())?;
        Ok((gazetteer, lexicon))
    }
}

/// The `.tsv` files of a folder, sorted by name.
fn tsv_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "tsv") && p.is_file())
        .collect();
    files.sort();
    Ok(files)
}

/// Prints each line of `message` on stderr with the `gazette:` prefix.
fn error(message: &str) {
    for line in message.lines() {
        eprintln!("gazette: {line}");
    }
}

/// Runs the command line and returns the exit status.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Check(args) => check::run(args),
        Command::Suggest(args) => suggest::run(args),
    }
}
