//! Counted and measured quantities: numbers with their qualifier and unit.

use crate::Span;

/// A quantity found in a document, before it is linked to an entity and an
/// event by the pipeline.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuantityMention {
    /// Bytes of the whole expression (qualifier, number and counted noun).
    pub span: Span,
    /// The number, if a point value is meant (`6000000`, `0.5`).
    pub value: Option<f64>,
    /// Lower bound, for ranges and vague counts (`dozens` → 24).
    pub low: Option<f64>,
    /// Upper bound, for ranges and `up to`.
    pub high: Option<f64>,
    /// Whether the text gives the number only roughly.
    pub approximate: bool,
    /// `over`, `about`, `at least`, … or empty.
    pub qualifier: String,
    /// The counted noun phrase (`artillery shells`), or empty.
    pub unit: String,
    /// Bytes of `unit` in the document, if any.
    pub unit_span: Option<Span>,
}

/// Finds quantities; built once, shared by all threads.
#[derive(Debug, Default)]
pub struct QuantityFinder {}

impl QuantityFinder {
    /// Compiles the quantity rules.
    pub fn new() -> QuantityFinder {
        QuantityFinder {}
    }

    /// Every quantity in `text`, in order. Numbers inside `exclude` spans
    /// (dates, names) are not quantities.
    pub fn find(
        &self,
        _text: &str,
        _sentences: &[Span],
        _exclude: &[Span],
    ) -> Vec<QuantityMention> {
        Vec::new()
    }
}
