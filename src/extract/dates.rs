//! Date expressions and their TIMEX3-style values.
//!
//! One regex finds every candidate (calendar dates, months, years,
//! weekdays, relative phrases); a small resolver turns each into a value
//! against the reference date. News reports the past, so bare months and
//! weekdays resolve to the most recent one on or before the reference
//! date, unless the sentence speaks of the future (`will meet on Monday`).

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::{days_in_month, Date, Span};

/// A date expression found in a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// Bytes of the expression in the document.
    pub span: Span,
    /// TIMEX3-style value (`2024-10-14`, `2024-06`, `2024-W41`, `PAST_REF`).
    pub value: String,
    /// How the value was obtained: `date` (the text gives it), `relative`
    /// (resolved against the reference date) or `vague`.
    pub kind: &'static str,
    /// `EARLY`, `MID`, `LATE`, `START`, `END`, or empty.
    pub modifier: &'static str,
}

const MONTH: &str = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";
const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const UNIT: &str = r"(?:day|week|month|year|weekend)";

static DATES: LazyLock<Regex> = LazyLock::new(|| {
    let patterns = [
        // 2024-10-14
        r"(?P<iso>\b(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})\b)".to_string(),
        // October 14, 2024 / Oct. 14 / Dec 29
        format!(r"(?P<md>\b(?P<md_m>{MONTH})\s(?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s(?P<md_y>\d{{4}})\b)?)"),
        // 14 October 2024
        format!(r"(?P<dm>\b(?P<dm_d>\d{{1,2}})\s(?P<dm_m>{MONTH})(?:,?\s(?P<dm_y>\d{{4}})\b)?)"),
        // early/mid/late June (2024), the end of March
        format!(
            r"(?P<modm>\b(?P<modm_q>early|mid|late|the\send\sof|the\sbeginning\sof|the\sstart\sof|the\smiddle\sof)[\s-](?P<modm_m>{MONTH})(?:\s(?P<modm_y>\d{{4}})\b)?)"
        ),
        // June 2024
        format!(r"(?P<my>\b(?P<my_m>{MONTH})\s(?P<my_y>\d{{4}})\b)"),
        // mid-2023, late 2001, the end of 2024
        r"(?P<mody>\b(?P<mody_q>early|mid|late|the\send\sof|the\sbeginning\sof|the\sstart\sof)[\s-](?P<mody_y>(?:19|20)\d{2})\b)".to_string(),
        // the first half of 2024, the third quarter
        r"(?P<part>\bthe\s(?P<part_n>first|second|third|fourth|last)\s(?P<part_u>half|quarter)(?:\sof\s(?P<part_y>(?:19|20)\d{2}))?\b)".to_string(),
        // the 1990s
        r"(?P<decade>\b(?:the\s)?(?P<dec>(?:19|20)\d)0s\b)".to_string(),
        // six years ago
        format!(
            r"(?P<ago>\b(?P<ago_n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s(?P<ago_u>{UNIT})s?\sago\b)"
        ),
        // last week, this month, next year, earlier this month, later this year
        format!(
            r"(?P<rel>\b(?P<rel_q>[Ll]ast|[Tt]his|[Nn]ext|[Ee]arlier\sthis|[Ll]ater\sthis|[Tt]he\sfollowing|[Tt]he\sprevious|[Tt]he\spreceding)\s(?P<rel_u>{UNIT})\b)"
        ),
        // last Tuesday, next Monday, on Tuesday
        format!(r"(?P<wd>\b(?:(?P<wd_q>[Ll]ast|[Nn]ext|[Tt]his)\s)?(?P<wd_d>{WEEKDAY})\b)"),
        // last summer, winter 2023
        r"(?P<season>\b(?:(?P<se_q>[Ll]ast|[Tt]his|[Nn]ext)\s|in\s(?:the\s)?)(?P<se_s>spring|summer|autumn|fall|winter)\b|\b(?P<se_s2>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter)\s(?P<se_y>(?:19|20)\d{2})\b)".to_string(),
        // year-end, the end of the year
        r"(?P<yearend>\byear-end\b|\bthe\send\sof\s(?:the|this)\syear\b)".to_string(),
        r"(?P<newyear>\bthe\sNew\sYear\b)".to_string(),
        r"(?P<day>\b(?:[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight)\b)".to_string(),
        // a bare month or year after a word that makes it a date
        format!(
            r"(?P<bm>\b(?P<bm_p>[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Tt]o|[Tt]hrough|[Bb]etween|and|or|[Dd]uring|of|[Bb]efore|[Aa]fter|the|[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate)\s(?P<bm_m>{MONTH})(?P<bm_s>'s|’s)?\b)"
        ),
        r"(?P<by>\b(?P<by_p>[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Tt]o|[Tt]hrough|[Bb]etween|and|[Dd]uring|of|[Bb]efore|[Aa]fter|[Tt]he)\s(?P<by_y>(?:19|20)\d{2})\b(?:'s|’s)?)".to_string(),
        // bare month at the start of a sentence: "August saw …"
        format!(r"(?P<om>(?:^|[.!?]\s)(?P<om_m>{MONTH})(?:'s|’s)?\b|\b(?P<pm_m>{MONTH})(?:'s|’s))"),
        r"(?P<vague>\b(?:[Cc]urrently|at\spresent|in\sthe\scoming\s(?:days|weeks|months|years)|in\srecent\s(?:days|weeks|months|years)|in\sthe\sfuture)\b)".to_string(),
    ];
    Regex::new(&patterns.join("|")).expect("date patterns compile")
});

/// Words that put a sentence in the future, for weekdays and bare months.
static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:will|would|is due to|are due to|is expected to|are expected to|scheduled|plans? to|planning to|next|upcoming|is set to|are set to|is to|are to|going to)\b")
        .expect("future pattern compiles")
});

/// Finds date expressions; built once, shared by all threads.
#[derive(Debug, Default)]
pub struct DateFinder {}

impl DateFinder {
    /// Compiles the date rules.
    pub fn new() -> DateFinder {
        LazyLock::force(&DATES);
        DateFinder {}
    }

    /// Every date expression in `text`, in order, resolved against `reference`.
    pub fn find(
        &self,
        text: &str,
        sentences: &[Span],
        reference: Option<Date>,
    ) -> Vec<DateMention> {
        let mut out: Vec<DateMention> = Vec::new();
        // The last definite date, for "the following month".
        let mut anchor: Option<Date> = None;
        for s in sentences {
            let sentence = &text[s.start..s.end];
            let mut at = 0;
            while at <= sentence.len() {
                let Some(mut c) = DATES.captures_at(sentence, at) else { break };
                // "in June 2024": the word that made a bare month a date
                // must not hide the longer date starting at the month.
                for inner in ["bm_m", "by_y"] {
                    if let Some(m) = c.name(inner) {
                        if let Some(longer) = DATES.captures_at(sentence, m.start()) {
                            let l = longer.get(0).expect("group 0");
                            if l.start() == m.start() && l.end() > m.end() {
                                c = longer;
                            }
                        }
                    }
                }
                let whole = c.get(0).expect("group 0");
                at = whole.end().max(at + 1);
                while at < sentence.len() && !sentence.is_char_boundary(at) {
                    at += 1;
                }
                let before = &sentence[..whole.start()];
                let future = FUTURE.is_match(before) || FUTURE.is_match(whole.as_str());
                let r = Resolver { reference, anchor: anchor.or(reference), future };
                let Some((span, value, kind, modifier)) = r.resolve(&c) else { continue };
                let span = Span::new(s.start + span.0, s.start + span.1);
                if let Some(d) = definite(&value) {
                    anchor = Some(d);
                }
                out.push(DateMention { span, value, kind, modifier });
            }
        }
        out
    }
}

/// A date for a value that names a day or month (`2024-10-14`, `2024-06`).
fn definite(value: &str) -> Option<Date> {
    Date::parse(value).or_else(|| {
        let (y, m) = value.split_once('-')?;
        Date::new(y.parse().ok()?, m.parse().ok()?, 1)
    })
}

/// The number of a month name or abbreviation.
fn month(name: &str) -> u32 {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    const NAMES: [&str; 12] =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    NAMES.iter().position(|m| n.starts_with(m)).map_or(1, |i| i as u32 + 1)
}

fn weekday(name: &str) -> u32 {
    const NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let n = name.to_ascii_lowercase();
    NAMES.iter().position(|d| n.starts_with(d)).unwrap_or(0) as u32
}

fn number(word: &str) -> Option<i64> {
    const WORDS: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    match word.to_ascii_lowercase().as_str() {
        "a" | "an" => Some(1),
        w => WORDS.iter().position(|x| *x == w).map(|i| i as i64).or_else(|| w.parse().ok()),
    }
}

fn modifier(q: &str) -> &'static str {
    match q {
        "early" => "EARLY",
        "mid" | "the middle of" => "MID",
        "late" => "LATE",
        "the end of" => "END",
        _ => "START",
    }
}

fn ym(year: i32, month: u32) -> String {
    format!("{year:04}-{month:02}")
}

fn week(d: Date) -> String {
    let (y, w) = d.iso_week();
    format!("{y:04}-W{w:02}")
}

/// The date of `m`/`day` in the year that makes it most recent (or next,
/// in a future sentence) relative to `reference`.
fn nearest_year(reference: Date, month: u32, day: u32, future: bool) -> i32 {
    let this = reference.year;
    let candidate = Date::new(this, month, day.min(days_in_month(this, month)));
    match candidate {
        // More than a month ahead in past-tense news is last year's date.
        Some(d) if !future && d.to_days() > reference.to_days() + 31 => this - 1,
        // Well behind the reference in a future sentence is next year's.
        Some(d) if future && d.to_days() < reference.to_days() - 31 => this + 1,
        _ => this,
    }
}

struct Resolver {
    reference: Option<Date>,
    anchor: Option<Date>,
    future: bool,
}

type Found = ((usize, usize), String, &'static str, &'static str);

impl Resolver {
    fn resolve(&self, c: &Captures) -> Option<Found> {
        let g = |name: &str| c.name(name);
        let span = |name: &str| c.name(name).map(|m| (m.start(), m.end()));
        let year = |name: &str| g(name).and_then(|m| m.as_str().parse::<i32>().ok());
        if let Some(m) = g("iso") {
            let d = Date::new(
                year("iy")?,
                g("im")?.as_str().parse().ok()?,
                g("id")?.as_str().parse().ok()?,
            )?;
            return Some(((m.start(), m.end()), d.to_string(), "date", ""));
        }
        for (whole, mo, day, yr) in [("md", "md_m", "md_d", "md_y"), ("dm", "dm_m", "dm_d", "dm_y")]
        {
            if let Some(m) = g(whole) {
                let mon = month(g(mo)?.as_str());
                let day: u32 = g(day)?.as_str().parse().ok()?;
                if day == 0 || day > 31 {
                    return None;
                }
                return Some(match year(yr) {
                    Some(y) => (span(whole)?, Date::new(y, mon, day)?.to_string(), "date", ""),
                    None => match self.reference {
                        Some(r) => {
                            let y = nearest_year(r, mon, day, self.future);
                            (span(whole)?, Date::new(y, mon, day)?.to_string(), "relative", "")
                        }
                        None => {
                            ((m.start(), m.end()), format!("XXXX-{mon:02}-{day:02}"), "date", "")
                        }
                    },
                });
            }
        }
        if g("modm").is_some() {
            let mon = month(g("modm_m")?.as_str());
            let q = modifier(g("modm_q")?.as_str());
            return Some(match year("modm_y") {
                Some(y) => (span("modm")?, ym(y, mon), "date", q),
                None => (span("modm")?, self.month_value(mon)?, "relative", q),
            });
        }
        if g("my").is_some() {
            return Some((span("my")?, ym(year("my_y")?, month(g("my_m")?.as_str())), "date", ""));
        }
        if g("mody").is_some() {
            return Some((
                span("mody")?,
                year("mody_y")?.to_string(),
                "date",
                modifier(g("mody_q")?.as_str()),
            ));
        }
        if g("part").is_some() {
            let y = year("part_y").or(self.reference.map(|r| r.year))?;
            let n = match g("part_n")?.as_str() {
                "first" => 1,
                "second" => 2,
                "third" => 3,
                "fourth" => 4,
                _ => {
                    if g("part_u")?.as_str() == "half" {
                        2
                    } else {
                        4
                    }
                }
            };
            let value = if g("part_u")?.as_str() == "half" {
                format!("{y}-H{n}")
            } else {
                format!("{y}-Q{n}")
            };
            let kind = if year("part_y").is_some() { "date" } else { "relative" };
            return Some((span("part")?, value, kind, ""));
        }
        if g("decade").is_some() {
            return Some((span("decade")?, format!("{}X", g("dec")?.as_str()), "date", ""));
        }
        if g("ago").is_some() {
            let r = self.reference?;
            let n = number(g("ago_n")?.as_str())?;
            let value = match g("ago_u")?.as_str() {
                "day" => r.add_days(-n).to_string(),
                "week" | "weekend" => week(r.add_days(-7 * n)),
                "month" => {
                    let total = i64::from(r.year) * 12 + i64::from(r.month) - 1 - n;
                    ym(total.div_euclid(12) as i32, total.rem_euclid(12) as u32 + 1)
                }
                _ => (r.year - n as i32).to_string(),
            };
            return Some((span("ago")?, value, "relative", ""));
        }
        if g("rel").is_some() {
            let q = g("rel_q")?.as_str().to_ascii_lowercase();
            let following = q.starts_with("the following")
                || q.starts_with("the previous")
                || q.starts_with("the preceding");
            let base = if following { self.anchor? } else { self.reference? };
            let step: i64 =
                if q.starts_with("last") || q.contains("previous") || q.contains("preceding") {
                    -1
                } else if q.starts_with("next") || q.contains("following") {
                    1
                } else {
                    0
                };
            let value = match g("rel_u")?.as_str() {
                "day" => base.add_days(step).to_string(),
                "week" => week(base.add_days(7 * step)),
                "weekend" => format!("{}-WE", week(base.add_days(7 * step))),
                "month" => {
                    let total = i64::from(base.year) * 12 + i64::from(base.month) - 1 + step;
                    ym(total.div_euclid(12) as i32, total.rem_euclid(12) as u32 + 1)
                }
                _ => (i64::from(base.year) + step).to_string(),
            };
            return Some((span("rel")?, value, "relative", ""));
        }
        if g("wd").is_some() {
            let r = self.reference?;
            let target = weekday(g("wd_d")?.as_str());
            let q = g("wd_q").map(|m| m.as_str().to_ascii_lowercase()).unwrap_or_default();
            let today = r.weekday();
            let back = i64::from((today + 7 - target) % 7);
            let ahead = i64::from((target + 7 - today) % 7);
            let offset = match q.as_str() {
                "last" => -(if back == 0 { 7 } else { back }),
                "next" => {
                    if ahead == 0 {
                        7
                    } else {
                        ahead
                    }
                }
                _ if self.future => {
                    if ahead == 0 {
                        7
                    } else {
                        ahead
                    }
                }
                _ => -back,
            };
            return Some((span("wd")?, r.add_days(offset).to_string(), "relative", ""));
        }
        if g("season").is_some() {
            let name = g("se_s").or(g("se_s2"))?.as_str().to_ascii_lowercase();
            let code = match name.as_str() {
                "spring" => "SP",
                "summer" => "SU",
                "autumn" | "fall" => "FA",
                _ => "WI",
            };
            if let Some(y) = year("se_y") {
                return Some((span("season")?, format!("{y}-{code}"), "date", ""));
            }
            let r = self.reference?;
            let starts = match code {
                "SP" => 3,
                "SU" => 6,
                "FA" => 9,
                _ => 12,
            };
            let q = g("se_q").map(|m| m.as_str().to_ascii_lowercase()).unwrap_or_default();
            let mut y = if r.month >= starts { r.year } else { r.year - 1 };
            if q == "next" || (self.future && q.is_empty() && r.month >= starts) {
                y += 1;
            }
            if q == "last" && r.month >= starts && r.month < starts + 3 {
                y -= 1;
            }
            return Some((span("season")?, format!("{y}-{code}"), "relative", ""));
        }
        if g("yearend").is_some() {
            let r = self.reference?;
            return Some((span("yearend")?, ym(r.year, 12), "relative", "END"));
        }
        if g("newyear").is_some() {
            let r = self.reference?;
            let y = if r.month >= 7 { r.year + 1 } else { r.year };
            return Some((span("newyear")?, y.to_string(), "relative", "START"));
        }
        if let Some(m) = g("day") {
            let r = self.reference?;
            let offset = match m.as_str().to_ascii_lowercase().as_str() {
                "yesterday" => -1,
                "tomorrow" => 1,
                _ => 0,
            };
            return Some((span("day")?, r.add_days(offset).to_string(), "relative", ""));
        }
        if g("bm").is_some() || g("om").is_some() {
            let name = ["bm_m", "om_m", "pm_m"].into_iter().find(|n| g(n).is_some())?;
            let whole = name;
            let mon = month(g(name)?.as_str());
            let q = g("bm_p").map(|m| m.as_str().to_ascii_lowercase()).unwrap_or_default();
            let value = match q.as_str() {
                "last" => {
                    let r = self.reference?;
                    ym(if mon < r.month { r.year } else { r.year - 1 }, mon)
                }
                "next" => {
                    let r = self.reference?;
                    ym(if mon > r.month { r.year } else { r.year + 1 }, mon)
                }
                "early" | "late" => return None,
                _ => self.month_value(mon)?,
            };
            return Some((span(whole)?, value, "relative", ""));
        }
        if g("by").is_some() {
            return Some((span("by_y")?, year("by_y")?.to_string(), "date", ""));
        }
        if let Some(m) = g("vague") {
            let t = m.as_str().to_ascii_lowercase();
            let value = if t.contains("coming") || t.contains("future") {
                "FUTURE_REF"
            } else if t.starts_with("currently") || t.contains("present") {
                "PRESENT_REF"
            } else {
                "PAST_REF"
            };
            return Some((span("vague")?, value.to_string(), "vague", ""));
        }
        None
    }

    /// A bare month: the most recent one on or before the reference month,
    /// or the next one in a future sentence.
    fn month_value(&self, mon: u32) -> Option<String> {
        let Some(r) = self.reference else { return Some(format!("XXXX-{mon:02}")) };
        let y = if self.future {
            if mon >= r.month {
                r.year
            } else {
                r.year + 1
            }
        } else if mon <= r.month {
            r.year
        } else {
            r.year - 1
        };
        Some(ym(y, mon))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, expected (span text, value, kind, modifier) rows), reference 2024-10-15 (a Tuesday).
    fn check(text: &str, expected: &[(&str, &str, &str, &str)]) {
        let reference = Date::new(2024, 10, 15);
        let sentences = crate::extract::sentences::split(text);
        let found = DateFinder::new().find(text, &sentences, reference);
        let got: Vec<(&str, &str, &str, &str)> = found
            .iter()
            .map(|d| (&text[d.span.start..d.span.end], d.value.as_str(), d.kind, d.modifier))
            .collect();
        assert_eq!(got, expected, "{text}");
    }

    macro_rules! t {
        ($name:ident, $text:expr, [$(($s:expr, $v:expr, $k:expr, $m:expr)),* $(,)?]) => {
            #[test]
            fn $name() {
                check($text, &[$(($s, $v, $k, $m)),*]);
            }
        };
    }

    t!(
        month_day,
        "He warned on October 14 that it would.",
        [("October 14", "2024-10-14", "relative", "")]
    );
    t!(
        abbreviated,
        "Talks on Oct. 9 and Dec 29, 2023.",
        [("Oct. 9", "2024-10-09", "relative", ""), ("Dec 29, 2023", "2023-12-29", "date", "")]
    );
    t!(
        day_month_year,
        "It ended on 14 October 2023.",
        [("14 October 2023", "2023-10-14", "date", "")]
    );
    t!(
        future_month_day_past_year,
        "It began on December 29.",
        [("December 29", "2023-12-29", "relative", "")]
    );
    t!(
        bare_month_past,
        "In June, and in November, it rained.",
        [("June", "2024-06", "relative", ""), ("November", "2023-11", "relative", "")]
    );
    t!(bare_month_future, "They will meet in November.", [("November", "2024-11", "relative", "")]);
    t!(
        month_with_modifier,
        "It happened in late June.",
        [("late June", "2024-06", "relative", "LATE")]
    );
    t!(
        month_year,
        "Since June 2023 and mid-2022.",
        [("June 2023", "2023-06", "date", ""), ("mid-2022", "2022", "date", "MID")]
    );
    t!(
        weekday_past,
        "Russia said on Tuesday and Monday.",
        [("Tuesday", "2024-10-15", "relative", ""), ("Monday", "2024-10-14", "relative", "")]
    );
    t!(weekday_future, "They will meet on Friday.", [("Friday", "2024-10-18", "relative", "")]);
    t!(
        relative_periods,
        "Earlier this month, last week and last year; yesterday.",
        [
            ("Earlier this month", "2024-10", "relative", ""),
            ("last week", "2024-W41", "relative", ""),
            ("last year", "2023", "relative", ""),
            ("yesterday", "2024-10-14", "relative", "")
        ]
    );
    t!(
        following_month,
        "In June they agreed. The following month it began.",
        [("June", "2024-06", "relative", ""), ("The following month", "2024-07", "relative", "")]
    );
    t!(
        year_end_and_vague,
        "Troops could be deployed by year-end in the coming months.",
        [
            ("year-end", "2024-12", "relative", "END"),
            ("in the coming months", "FUTURE_REF", "vague", "")
        ]
    );
    t!(
        ago_and_decades,
        "It collapsed six years ago, as in the 1990s.",
        [("six years ago", "2018", "relative", ""), ("the 1990s", "199X", "date", "")]
    );
    t!(
        parts_and_seasons,
        "In the first half of 2024 and last summer.",
        [
            ("the first half of 2024", "2024-H1", "date", ""),
            ("last summer", "2024-SU", "relative", "")
        ]
    );
    t!(
        years_in_context,
        "Since 2014, and in 2022.",
        [("2014", "2014", "date", ""), ("2022", "2022", "date", "")]
    );
    t!(
        not_dates,
        "F-16 jets, 2,000 troops, Resolution 2231, 2024 troops; you may go; March on.",
        []
    );
    t!(
        possessive_month,
        "It was the bloodiest month of December's toll.",
        [("December", "2023-12", "relative", "")]
    );

    #[test]
    fn without_reference() {
        let text = "On October 14 and on Tuesday.";
        let found = DateFinder::new().find(text, &[Span::new(0, text.len())], None);
        let values: Vec<&str> = found.iter().map(|d| d.value.as_str()).collect();
        assert_eq!(values, ["XXXX-10-14"]);
    }
}
