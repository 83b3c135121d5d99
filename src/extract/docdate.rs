//! The date a document was written, when the input gives none: from its
//! dateline (`SEOUL, Dec. 29 (Yonhap) --`) or from a date in its file name
//! (`2024-10-15-story.txt`), in that order, before the run's `--date`.

use std::sync::LazyLock;

use regex::Regex;

use crate::{Date, Document};

/// Where a document's reference date came from, for `documents.csv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateSource {
    /// The input's own date field (JSONL `date`).
    Field,
    /// The dateline at the top of the text.
    Dateline,
    /// A date in the file name.
    FileName,
    /// The run's `--date` argument.
    Fallback,
}

impl DateSource {
    /// The word used in `documents.csv`.
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Field => "field",
            DateSource::Dateline => "dateline",
            DateSource::FileName => "filename",
            DateSource::Fallback => "argument",
        }
    }
}

/// `PLACE[, COUNTRY], Mon[.] D[, YYYY] (AGENCY)` at the start of a line.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)^[ \t]*\p{Lu}[\p{Lu}\p{L} .'’-]*(?:,[ \t]*\p{Lu}[\p{L} .'’-]*)*,[ \t]*(?P<m>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \t]+(?P<d>\d{1,2})(?:[ \t]*,[ \t]*(?P<y>\d{4}))?[ \t]*(?:\(|--|-|—)",
    )
    .expect("dateline pattern compiles")
});

static FILE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^0-9])(?P<y>(?:19|20)\d{2})[-_.]?(?P<m>[01]\d)[-_.]?(?P<d>[0-3]\d)(?:[^0-9]|$)",
    )
    .expect("file date pattern compiles")
});

/// The date in a file name, if it has one (`2024-10-15-story.txt`,
/// `AFP_ENG_20061210.0248`).
pub fn from_file_name(path: &str) -> Option<Date> {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let c = FILE_DATE.captures(name)?;
    Date::new(c["y"].parse().ok()?, c["m"].parse().ok()?, c["d"].parse().ok()?)
}

/// The date of the dateline in the first lines of `text`. A dateline
/// without a year takes it from `year_hint`'s date: the nearest such day on
/// or before it.
pub fn from_dateline(text: &str, year_hint: Option<Date>) -> Option<Date> {
    let mut head_end = text.len().min(400);
    while !text.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let c = DATELINE.captures(&text[..head_end])?;
    let month = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        .iter()
        .position(|m| c["m"].to_ascii_lowercase().starts_with(m))? as u32
        + 1;
    let day: u32 = c["d"].parse().ok()?;
    match c.name("y") {
        Some(y) => Date::new(y.as_str().parse().ok()?, month, day),
        None => {
            let hint = year_hint?;
            let this = Date::new(hint.year, month, day)?;
            if this > hint {
                Date::new(hint.year - 1, month, day)
            } else {
                Some(this)
            }
        }
    }
}

/// The reference date of `doc` and where it came from: its own date, its
/// dateline, its file name, then `fallback`.
pub fn reference(doc: &Document, fallback: Option<Date>) -> Option<(Date, DateSource)> {
    if let Some(d) = doc.date {
        return Some((d, DateSource::Field));
    }
    let named = if doc.origin.line.is_none() { from_file_name(&doc.origin.path) } else { None };
    if let Some(d) = from_dateline(&doc.text, named.or(fallback)) {
        return Some((d, DateSource::Dateline));
    }
    if let Some(d) = named {
        return Some((d, DateSource::FileName));
    }
    fallback.map(|d| (d, DateSource::Fallback))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        let hint = Date::new(2024, 10, 15);
        for (text, want) in [
            ("KYIV, Ukraine, Feb 24 (Reuters) - Russia said", Date::new(2024, 2, 24)),
            ("SEOUL, Dec. 29 (Yonhap) -- North Korea", Date::new(2023, 12, 29)),
            (
                "by Zhu Jianhui\n\nJERUSALEM, Nov. 26 (Xinhua) -- A ceasefire",
                Date::new(2023, 11, 26),
            ),
            ("GAZA, Nov. 2 , 2006 (Xinhua)", Date::new(2006, 11, 2)),
            ("GAZA, Nov. 2, 2006 (Xinhua) -- text", Date::new(2006, 11, 2)),
            ("WASHINGTON (AP) — No date here.", None),
            ("The talks began on Oct. 3 (local time) in Doha.", None),
        ] {
            assert_eq!(from_dateline(text, hint), want, "{text}");
        }
        assert_eq!(from_dateline("SEOUL, Dec. 29 (Yonhap) --", None), None);
    }

    #[test]
    fn file_names() {
        assert_eq!(from_file_name("news/2024-10-15-story.txt"), Date::new(2024, 10, 15));
        assert_eq!(from_file_name("AFP_ENG_20061210.0248.txt"), Date::new(2006, 12, 10));
        assert_eq!(from_file_name("story-12345678901.txt"), None);
        assert_eq!(from_file_name("2024-13-45.txt"), None);
    }

    #[test]
    fn order_of_sources() {
        let mut doc = Document::new("d", "SEOUL, Dec. 29 (Yonhap) -- text");
        doc.origin.path = "2025-01-02-story.txt".into();
        let fallback = Date::new(2024, 10, 15);
        assert_eq!(
            reference(&doc, fallback),
            Some((Date::new(2024, 12, 29).unwrap(), DateSource::Dateline))
        );
        doc.text = "No dateline.".into();
        assert_eq!(
            reference(&doc, fallback),
            Some((Date::new(2025, 1, 2).unwrap(), DateSource::FileName))
        );
        doc.origin.path = "story.txt".into();
        assert_eq!(reference(&doc, fallback), Some((fallback.unwrap(), DateSource::Fallback)));
        doc.date = Date::new(2020, 1, 1);
        assert_eq!(reference(&doc, fallback).map(|r| r.1), Some(DateSource::Field));
    }
}
