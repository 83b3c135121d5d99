//! gazette turns news archives into spreadsheet-ready CSVs: the people,
//! organisations and places the news names, the dates and quantities it
//! gives, and the relations between them.
//!
//! ```text
//! inputs ──► read ──► Document ──► Pipeline::extract ──► Extraction ──► write
//! ```
#![forbid(unsafe_code)]

mod document;
pub mod extract;

pub use document::{days_in_month, Date, Document, Origin, Span};
