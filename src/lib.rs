//! gazette turns news archives into spreadsheet-ready CSVs: the people,
//! organisations and places the news names, the dates and quantities it
//! gives, and the relations between them.
//!
//! ```text
//! inputs ──► read ──► Document ──► Pipeline::extract ──► Extraction ──► write
//! ```
#![forbid(unsafe_code)]

mod digits;
mod document;
mod error;
pub mod extract;
mod hash;
pub mod read;
pub mod record;
pub mod spill;
pub mod suggest;
#[cfg(test)]
mod testing;
pub mod write;

pub use document::{days_in_month, Date, Document, Origin, Span};
pub use error::{LoadError, LoadErrors};
pub use extract::{Extraction, Pipeline};
pub use record::Record;
