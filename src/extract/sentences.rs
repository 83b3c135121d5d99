//! Sentence splitting tuned for news: abbreviations, initials, decimals,
//! quotes and headlines.

use crate::Span;

/// Splits `text` into sentences.
///
/// Spans are in order, do not overlap, carry no leading or trailing
/// whitespace, and together cover every non-whitespace character.
pub fn split(text: &str) -> Vec<Span> {
    // Placeholder until the rule-based splitter lands: one sentence per line.
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let lead = line.len() - line.trim_start().len();
            out.push(Span::new(start + lead, start + lead + trimmed.len()));
        }
        start += line.len();
    }
    out
}
