//! The values that flow between stages: documents, byte spans and calendar
//! dates.
//!
//! Every stage speaks byte [`Span`]s into [`Document::text`]; only the CSV
//! writer turns them into the character offsets the output columns use.

use std::fmt;

/// Half-open byte range into a document's text, like aho-corasick's `Span`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// Makes a span from `start` to `end` (exclusive).
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Whether `other` lies entirely inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Number of bytes covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }
}

/// Where a document came from, for messages and `documents.csv`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    /// The file as named on the command line or found in a folder (`-` for stdin).
    pub path: String,
    /// 1-based line for JSONL documents, `None` for whole files.
    pub line: Option<u64>,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}", self.path, line),
            None => f.write_str(&self.path),
        }
    }
}

/// One input document. `text` is never modified after reading.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// Identifier written in every CSV row of this document.
    pub id: String,
    /// The full text; all spans index into it.
    pub text: String,
    /// The document's own date, if the input gave one.
    pub date: Option<Date>,
    /// Headline, if the input gave one.
    pub title: Option<String>,
    /// File (and line) the document was read from.
    pub origin: Origin,
    /// Problems met while reading that did not stop the document (lossy
    /// UTF-8 decoding, an unparsable date field); written to `documents.csv`.
    pub warnings: Vec<String>,
}

impl Document {
    /// A document with just an id and a text, as a library user makes one.
    ///
    /// ```
    /// let doc = gazette::Document::new("a1", "Putin visited Pyongyang.");
    /// assert_eq!(doc.id, "a1");
    /// ```
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document { id: id.into(), text: text.into(), ..Document::default() }
    }
}

/// A proleptic Gregorian calendar date.
///
/// Small on purpose: news needs parsing `YYYY-MM-DD`, day arithmetic,
/// weekdays and ISO weeks, nothing that warrants a calendar crate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2024.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day of the month, 1–31.
    pub day: u32,
}

impl Date {
    /// A date if `year`, `month` and `day` name a real day.
    ///
    /// ```
    /// use gazette::Date;
    /// assert!(Date::new(2024, 2, 29).is_some());
    /// assert!(Date::new(2023, 2, 29).is_none());
    /// ```
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month) {
            Some(Date { year, month, day })
        } else {
            None
        }
    }

    /// Parses `YYYY-MM-DD`, also when followed by a time (`2024-10-15T08:00:00`).
    ///
    /// ```
    /// use gazette::Date;
    /// assert_eq!(Date::parse("2024-10-15"), Date::new(2024, 10, 15));
    /// assert_eq!(Date::parse("1987-02-26T15:02:20"), Date::new(1987, 2, 26));
    /// assert_eq!(Date::parse("15/10/2024"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let head = s.get(..10)?;
        let rest = &s[10..];
        if !(rest.is_empty() || rest.starts_with(['T', ' '])) {
            return None;
        }
        let b = head.as_bytes();
        if b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = head[..4].parse().ok()?;
        let month = head[5..7].parse().ok()?;
        let day = head[8..10].parse().ok()?;
        Date::new(year, month, day)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719468;
        let era = z.div_euclid(146097);
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// This date moved by `days` (negative moves back).
    pub fn add_days(self, days: i64) -> Date {
        Date::from_days(self.to_days() + days)
    }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        (self.to_days() + 3).rem_euclid(7) as u32
    }

    /// ISO 8601 week-numbering year and week (1–53).
    ///
    /// ```
    /// use gazette::Date;
    /// assert_eq!(Date::new(2024, 10, 15).unwrap().iso_week(), (2024, 42));
    /// assert_eq!(Date::new(2021, 1, 3).unwrap().iso_week(), (2020, 53));
    /// ```
    pub fn iso_week(self) -> (i32, u32) {
        // The week belongs to the year of its Thursday.
        let thursday = self.add_days(3 - i64::from(self.weekday()));
        let jan1 = Date { year: thursday.year, month: 1, day: 1 };
        let week = (thursday.to_days() - jan1.to_days()) / 7 + 1;
        (thursday.year, week as u32)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Number of days in `month` (1–12) of `year`.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip() {
        for days in [-800_000, -1, 0, 1, 19_000, 20_000, 2_000_000] {
            assert_eq!(Date::from_days(days).to_days(), days);
        }
        assert_eq!(Date::new(1970, 1, 1).unwrap().to_days(), 0);
        assert_eq!(Date::new(2024, 3, 1).unwrap().add_days(-1), Date::new(2024, 2, 29).unwrap());
    }

    #[test]
    fn weekdays() {
        // 2024-10-15 was a Tuesday.
        assert_eq!(Date::new(2024, 10, 15).unwrap().weekday(), 1);
        assert_eq!(Date::new(2000, 1, 1).unwrap().weekday(), 5);
    }

    #[test]
    fn parse_rejects_garbage() {
        for s in
            ["", "2024", "2024-13-01", "2024-02-30", "abcd-ef-gh", "2024-10-15x", "２０２４-01-01"]
        {
            assert_eq!(Date::parse(s), None, "{s:?}");
        }
    }

    #[test]
    fn span_relations() {
        let a = Span::new(2, 8);
        assert!(a.contains(Span::new(2, 8)));
        assert!(a.overlaps(Span::new(7, 9)));
        assert!(!a.overlaps(Span::new(8, 9)));
    }
}
