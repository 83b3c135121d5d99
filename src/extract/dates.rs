//! Date expressions and their TIMEX3-style values.

use crate::{Date, Span};

/// A date expression found in a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// Bytes of the expression in the document.
    pub span: Span,
    /// TIMEX3-style value (`2024-10-14`, `2024-06`, `2024-W41`, `PAST_REF`).
    pub value: String,
    /// How the value was obtained: `date`, `relative` or `vague`.
    pub kind: &'static str,
    /// `EARLY`, `MID`, `LATE`, `START`, `END`, or empty.
    pub modifier: &'static str,
}

/// Finds date expressions; built once, shared by all threads.
#[derive(Debug, Default)]
pub struct DateFinder {}

impl DateFinder {
    /// Compiles the date rules.
    pub fn new() -> DateFinder {
        DateFinder {}
    }

    /// Every date expression in `text`, in order, resolved against `reference`.
    pub fn find(
        &self,
        _text: &str,
        _sentences: &[Span],
        _reference: Option<Date>,
    ) -> Vec<DateMention> {
        Vec::new()
    }
}
