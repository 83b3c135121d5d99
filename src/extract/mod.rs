//! The pipeline: pure functions of a document's text and what earlier
//! stages found. Nothing here does I/O.

pub mod dates;
pub mod quantities;
pub mod sentences;
