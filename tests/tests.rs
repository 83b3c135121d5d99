//! Integration tests: each runs the real `gazette` binary.
//!
//! - `faults`: dirty inputs, run.json, --excel, a killed run.
//! - `golden`: CSVs for the fixtures, compared byte for byte with
//!   `fixtures/expected/` (`GAZETTE_BLESS=1 cargo test` rewrites them).
//! - `inputs`: every kind of input, good and bad, and the exit status.
//! - `gazetteers`: user gazetteers layered over the defaults, and errors.
//! - `output`: determinism across thread counts, spreadsheet safety.
//! - `properties`: invariants on generated text (proptest).
//! - `regressions`: inputs that once broke gazette.
//! - `stream`: extract --stream.
//! - `merge`: shards streamed and merged in any order equal one extract
//!   run; bad records in the stream and in record files.
//! - `relations`: relations on wire-style articles about other conflicts,
//!   scored against what a reader expects.

mod util;

mod faults;
mod gazetteers;
mod golden;
mod inputs;
mod merge;
mod output;
mod properties;
mod regressions;
mod relations;
mod stream;
