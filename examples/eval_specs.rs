//! Measures gazette's date and quantity finders against the English test
//! specs of Microsoft Recognizers-Text (`data/recognizers_text_specs_en`).
//!
//! Covered files: the DateTime date and date-period extractors and parsers,
//! the holiday and merged extractors/parsers and `DateTimeModel.json`;
//! `NumberModel.json` and `PercentModel.json`; `CurrencyModel.json`.
//!
//! A case passes when gazette finds exactly the expected results: the same
//! span text (trimmed, case-insensitive) and, for Parser and Model files, the
//! same value. A date value is right when it equals the expected `timex`,
//! or one of the spec's resolved values (Recognizers-Text lists the past and
//! the future reading of `Friday`; gazette resolves to one of them), or
//! covers the same days as the spec's resolved period (`2016-W45` and
//! 07–14 November; a `since`/`before` period compares its one bound and
//! needs gazette's matching `mod`: `ON_OR_AFTER` is `since`, `BEFORE`
//! `before`, `ON_OR_BEFORE` the spec's `until` or `before` (it writes `by
//! tomorrow` as `before`), `AFTER` `after`, whose bound the spec puts at
//! the period's end or, for a day, at the day itself; `ON_OR_BEFORE` may
//! end at its period's end or first day; a bound on a part, `since late
//! July` = `ON_OR_AFTER+LATE`, compares the part of the period the spec
//! means, see `narrow`). A fiscal or school year that
//! the spec writes `FY2008` or `SY2008` is right as the year `2008`, the
//! value TimeBank gives `fiscal 1989`. Numbers compare the numeric value within 1e-9
//! relative. Gazette's quantity span covers the qualifier and, for plain
//! numbers, the counted noun (`about six officers`); for the Number files
//! the qualifier and the counted noun are cut off before comparing, for
//! Percent and Currency only the qualifier. Percent and Currency compare only
//! the quantities whose unit is a percentage or a currency (a currency sign
//! or code, or a counted noun that names a currency: `50 cents`, `420
//! million finnish markka`). For the Number
//! files a number glued to a measure (`the 180ml liquid`, `29km`, `1m`) is a
//! measurement, not a number, as in the spec: gazette keeps it with its unit,
//! and the evaluation leaves it out.
//!
//! Each case resolves against its `Context.ReferenceDateTime` (date part),
//! or 2016-11-07, the reference date of the Recognizers-Text test runner.
//! Cases are skipped, and counted with a reason, when `NotSupported` names
//! `dotnet`, when a result is of a type gazette does not produce (time,
//! datetime, time and datetime ranges, durations, sets, time zones), when
//! an expected value is a day no calendar has (`feb 30` as `XXXX-02-30`,
//! `2/29/2019`: gazette finds no date there rather than a wrong one) or when
//! the case is not English. Cases with no expected result are kept: they
//! measure false positives.
//!
//! Number, Percent and Currency cases are also skipped, with a reason, when
//! the spec reads as numbers what English news uses otherwise:
//! - `decimal comma`: `1,3`, `5,00`, `1.111,11` (continental notation; in
//!   English text a comma separates thousands or list items);
//! - `digit code`: dates, phone numbers and addresses written as digit groups
//!   joined by `/`, `-` or `.` (`5/17/2018`, `+1-222-2222/2222`,
//!   `192.168.1.2`) and letter-hyphen-digit designations (`SCP-173`), which
//!   the spec splits into numbers and gazette keeps whole as labels, like
//!   `F-16`;
//! - `spaced minus`: a minus sign set off by a space (`- 1 4/5`), which news
//!   uses as a dash or a bullet;
//! - `percent before its number`: `percent of 10` read as 10 % (in news it
//!   is a share of something: `5 percent of 10 million`).
//!
//! After the table it prints TIMEX3 value accuracy on TempEval-3
//! (`data/tempeval3_timex`): the share of gold DATE expressions that a
//! gazette date overlaps with the same value, each document resolved against
//! its creation time (see `support/tempeval.rs`).
//!
//! Run: `cargo run --release --example eval_specs -- [SHARED_DIR] [-v]`
//! (default `../shared`). `-v` lists each failing case and each skipped one
//! with its reason.

use std::collections::BTreeMap;
use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::process::ExitCode;

use gazette::extract::dates::DateFinder;
use gazette::extract::quantities::{QuantityFinder, QuantityMention};
use gazette::extract::sentences::split;
use gazette::Date;
use serde_json::Value;

#[path = "support/tempeval.rs"]
mod tempeval;

/// Folder of the specs under the shared directory.
const SPECS: &str = "data/recognizers_text_specs_en/Specs";

/// Reference date when a case has no `Context.ReferenceDateTime`.
const DEFAULT_REFERENCE: &str = "2016-11-07";

/// What a spec file measures.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Task {
    /// Date expressions (`date`, `daterange`).
    Dates,
    /// Plain numbers.
    Numbers,
    /// Percentages.
    Percents,
    /// Money amounts.
    Currency,
}

/// Spec files gazette covers: path under `SPECS`, task, whether values count.
const FILES: &[(&str, Task, bool)] = &[
    ("DateTime/English/DateExtractor.json", Task::Dates, false),
    ("DateTime/English/DateParser.json", Task::Dates, true),
    ("DateTime/English/DatePeriodExtractor.json", Task::Dates, false),
    ("DateTime/English/DatePeriodParser.json", Task::Dates, true),
    ("DateTime/English/HolidayExtractor.json", Task::Dates, false),
    ("DateTime/English/HolidayParser.json", Task::Dates, true),
    ("DateTime/English/MergedExtractor.json", Task::Dates, false),
    ("DateTime/English/MergedParser.json", Task::Dates, true),
    ("DateTime/English/DateTimeModel.json", Task::Dates, true),
    ("Number/English/NumberModel.json", Task::Numbers, true),
    ("Number/English/PercentModel.json", Task::Percents, true),
    ("NumberWithUnit/English/CurrencyModel.json", Task::Currency, true),
];

/// Result types of the DateTime specs that gazette does not produce.
const UNSUPPORTED_TYPES: &[&str] = &[
    "time",
    "timerange",
    "datetime",
    "datetimerange",
    "datetimealt",
    "duration",
    "set",
    "timezone",
];

/// Gazette's currency units.
const CURRENCY_UNITS: &[&str] = &["dollars", "euros", "pounds", "yen", "yuan", "rupees"];

/// Currency names that gazette keeps as the counted noun (`50 cents`, `420
/// million finnish markka`): such a quantity is a money amount too.
#[rustfmt::skip]
const CURRENCY_NOUNS: &[&str] = &[
    "dollar", "dollars", "euro", "euros", "pound", "pounds", "yen", "yuan", "rupee", "rupees",
    "cent", "cents", "penny", "pence", "franc", "francs", "peseta", "pesetas", "guilder",
    "guilders", "markka", "lira", "peso", "pesos", "rouble", "roubles", "ruble", "rubles",
    "dinar", "dinars", "riyal", "riyals", "krona", "kronor", "krone", "kroner", "rand", "baht",
    "rmb", "usd", "eur", "gbp", "bitcoin", "bitcoins", "btc", "satoshi", "satoshis",
];

/// Whether a quantity's unit names a currency.
fn is_currency(unit: &str) -> bool {
    let unit = unit.to_lowercase();
    CURRENCY_UNITS.contains(&unit.as_str())
        || unit.split_whitespace().last().is_some_and(|w| CURRENCY_NOUNS.contains(&w))
}

/// One found or expected result: span text and value.
#[derive(Debug)]
struct Item {
    /// Lower-cased, trimmed span text.
    text: String,
    /// Accepted values: TIMEX strings for dates, one number otherwise.
    values: Vec<String>,
}

/// Counts of one file.
#[derive(Default)]
struct Row {
    cases: usize,
    skipped: usize,
    passed: usize,
    failed: usize,
    reasons: BTreeMap<String, usize>,
    /// Failed cases whose spans were right but a value differed.
    value_only: usize,
    /// Inputs on which gazette panicked (counted as failed).
    panics: Vec<String>,
}

impl Row {
    fn add(&mut self, other: &Row) {
        self.cases += other.cases;
        self.skipped += other.skipped;
        self.passed += other.passed;
        self.failed += other.failed;
        self.value_only += other.value_only;
        self.panics.extend(other.panics.iter().cloned());
        for (k, v) in &other.reasons {
            *self.reasons.entry(k.clone()).or_default() += v;
        }
    }

    fn pct(&self) -> f64 {
        let judged = self.passed + self.failed;
        if judged == 0 {
            0.0
        } else {
            100.0 * self.passed as f64 / judged as f64
        }
    }
}

/// The finders, built once.
struct Finders {
    dates: DateFinder,
    quantities: QuantityFinder,
}

/// A field of a JSON object, matching the key case-insensitively
/// (the specs spell `Typename`, `TypeName`, `timex` and `Timex`).
fn field<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    v.as_object()?.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)).map(|(_, v)| v)
}

fn field_str<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    field(v, key).and_then(Value::as_str)
}

/// Result type without the `datetimeV2.` prefix, lower-cased.
fn result_type(r: &Value) -> String {
    let t = field_str(r, "TypeName").or_else(|| field_str(r, "Type")).unwrap_or("");
    t.rsplit('.').next().unwrap_or("").to_ascii_lowercase()
}

/// Expected values of a date result. Each accepted value is one string:
/// the TIMEX (`XXXX-10-02`), a resolved day (`=2016-10-02`) or a resolved
/// period (`[2016-11-07,2016-11-14)`, either end may be empty, then `mod`),
/// from `Resolution.values[]`, `Value.values[]` or a parser file's
/// `Value.Timex` / `FutureResolution` / `PastResolution`.
fn expected_timexes(r: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for holder in [field(r, "Resolution"), field(r, "Value")].into_iter().flatten() {
        let mut resolved: Vec<&Value> = Vec::new();
        if let Some(values) = field(holder, "values").and_then(Value::as_array) {
            resolved.extend(values);
        }
        for key in ["FutureResolution", "PastResolution"] {
            resolved.extend(field(holder, key));
        }
        resolved.push(holder);
        for v in resolved {
            if let Some(t) = field_str(v, "timex") {
                out.push(t.to_owned());
            }
            for key in ["value", "date"] {
                if let Some(d) = field_str(v, key).and_then(Date::parse) {
                    out.push(format!("={d}"));
                }
            }
            let start = field_str(v, "start").or_else(|| field_str(v, "startDate"));
            let end = field_str(v, "end").or_else(|| field_str(v, "endDate"));
            if start.is_some() || end.is_some() {
                let day = |x: Option<&str>| x.and_then(Date::parse).map(|d| d.to_string());
                let m = field_str(v, "Mod").unwrap_or("").to_ascii_lowercase();
                out.push(format!(
                    "[{},{}){m}",
                    day(start).unwrap_or_default(),
                    day(end).unwrap_or_default()
                ));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The days a gazette date value covers, as `[first, end)`: `19` is the
/// 20th century, `2016-11` is November, `2016-W45` its Monday to the next, `2016-W45-WE` Saturday and
/// Sunday, `199X` the decade, `A/B` from A's first day to B's end.
fn period(value: &str) -> Option<(Date, Date)> {
    if let Some((a, b)) = value.split_once('/') {
        return Some((period(a)?.0, period(b)?.1));
    }
    let parts: Vec<&str> = value.split('-').collect();
    let year = |s: &str| -> Option<i32> {
        (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
    };
    let month_start = |y: i32, m: u32| Date::new(y, m, 1);
    let months = |y: i32, m: u32, n: u32| -> Option<(Date, Date)> {
        let last = m + n - 1;
        let (ey, em) = if last >= 12 { (y + 1, last - 11) } else { (y, last + 1) };
        Some((month_start(y, m)?, month_start(ey, em)?))
    };
    match parts.as_slice() {
        [c] if c.len() == 2 && c.bytes().all(|b| b.is_ascii_digit()) => {
            let c: i32 = c.parse().ok()?;
            Some((month_start(c * 100, 1)?, month_start(c * 100 + 100, 1)?))
        }
        [d] if d.len() == 4 && d.ends_with('X') => {
            let decade: i32 = d[..3].parse().ok()?;
            Some((month_start(decade * 10, 1)?, month_start(decade * 10 + 10, 1)?))
        }
        [y] => months(year(y)?, 1, 12),
        [y, w] if w.starts_with('W') => {
            let monday = iso_monday(year(y)?, w[1..].parse().ok()?)?;
            Some((monday, monday.add_days(7)))
        }
        [y, w, we] if w.starts_with('W') && *we == "WE" => {
            let saturday = iso_monday(year(y)?, w[1..].parse().ok()?)?.add_days(5);
            Some((saturday, saturday.add_days(2)))
        }
        [y, h] if h.starts_with('H') => months(year(y)?, h[1..].parse::<u32>().ok()? * 6 - 5, 6),
        [y, q] if q.starts_with('Q') => months(year(y)?, q[1..].parse::<u32>().ok()? * 3 - 2, 3),
        [y, s] if ["SP", "SU", "FA", "WI"].contains(s) => {
            let m = [3, 6, 9, 12][["SP", "SU", "FA", "WI"].iter().position(|x| x == s)?];
            months(year(y)?, m, 3)
        }
        [y, m] => months(year(y)?, m.parse().ok()?, 1),
        [_, _, _] => {
            let d = Date::parse(value)?;
            Some((d, d.add_days(1)))
        }
        _ => None,
    }
}

/// Monday of ISO week `week` of `year`.
fn iso_monday(year: i32, week: u32) -> Option<Date> {
    let jan4 = Date::new(year, 1, 4)?;
    let monday1 = jan4.add_days(-i64::from(jan4.weekday()));
    (1..=53).contains(&week).then(|| monday1.add_days(7 * (i64::from(week) - 1)))
}

/// The part `part` (`EARLY`, `MID`, `LATE`, `START`, `END`) of the period
/// `[first, end)` of `value`, as Recognizers-Text reads it: of a month the
/// 1st–15th, the 10th–20th, the 16th to its end; of a year January–April,
/// May–August, September–December. Other periods stay whole.
fn narrow(value: &str, first: Date, end: Date, part: &str) -> (Date, Date) {
    let month = value.len() == 7 && value.as_bytes()[4] == b'-';
    let year = value.len() == 4 && value.bytes().all(|b| b.is_ascii_digit());
    let may = Date::new(first.year, 5, 1);
    let sep = Date::new(first.year, 9, 1);
    match (part, month, year, may, sep) {
        ("EARLY" | "START", true, _, _, _) => (first, first.add_days(15)),
        ("MID", true, _, _, _) => (first.add_days(9), first.add_days(20)),
        ("LATE" | "END", true, _, _, _) => (first.add_days(15), end),
        ("EARLY" | "START", _, true, Some(may), _) => (first, may),
        ("MID", _, true, Some(may), Some(sep)) => (may, sep),
        ("LATE" | "END", _, true, _, Some(sep)) => (sep, end),
        _ => (first, end),
    }
}

/// Recognizers-Text's name of a gazette `mod` that bounds a period.
fn spec_mod(modifier: &str) -> &'static str {
    match modifier {
        "AFTER" => "after",
        "BEFORE" => "before",
        "ON_OR_AFTER" => "since",
        "ON_OR_BEFORE" => "until",
        _ => "",
    }
}

/// Whether gazette's date `value` (with `modifier`) is one of `expected`:
/// the same TIMEX, the same resolved day, or the same period. Recognizers-
/// Text ends a period of whole months at the next month's first day but a
/// range of days (`November 19-20`) at its last day, so both ends count.
fn date_matches(expected: &[String], value: &str, modifier: &str) -> bool {
    // `ON_OR_AFTER+LATE`: a bound on a part of the period; `MID` alone is
    // the part itself, as the spec's `mid` period.
    let (modifier, part) = match modifier {
        "EARLY" | "MID" | "LATE" | "START" | "END" => ("", modifier),
        _ => modifier.split_once('+').unwrap_or((modifier, "")),
    };
    let part_name = match part {
        "EARLY" | "START" => "start",
        "MID" => "mid",
        "LATE" | "END" => "end",
        _ => "",
    };
    let bound = spec_mod(modifier);
    // A fiscal or school year (`FY2008`, `SY2019`) is its year, as TimeBank
    // writes `fiscal 1989`.
    let fiscal = |e: &String| {
        let year = e.get(2..).filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
        (e.starts_with("FY") || e.starts_with("SY")) && year == Some(value)
    };
    if bound.is_empty() && expected.iter().any(fiscal) {
        return true;
    }
    if bound.is_empty() && expected.iter().any(|e| e == value || e.strip_prefix('=') == Some(value))
    {
        return true;
    }
    let Some((first, end)) = period(value) else { return false };
    let (first, end) = narrow(value, first, end, part);
    let last = if value.contains('/') {
        value.split_once('/').and_then(|(_, b)| period(b)).map(|(b, _)| b)
    } else {
        Some(end.add_days(-1))
    };
    expected.iter().filter_map(|e| e.strip_prefix('[')).any(|e| {
        let Some((range, m)) = e.split_once(')') else { return false };
        let Some((s, t)) = range.split_once(',') else { return false };
        // The spec writes `by X` as `until` or as `before`.
        let same_mod = (m == bound && (bound.is_empty() || part.is_empty()))
            || (bound.is_empty() && !part.is_empty() && m == part_name)
            || (m.starts_with(bound) && !bound.is_empty())
            || (bound == "until" && m.starts_with("before"));
        let starts = s.is_empty() || s == first.to_string();
        let ends = t.is_empty()
            || t == end.to_string()
            || Some(t) == last.map(|l| l.to_string()).as_deref();
        match bound {
            "" => same_mod && !s.is_empty() && !t.is_empty() && starts && ends,
            "before" => same_mod && t == first.to_string(),
            // On or before X: up to X's end (`by the end of 2016`), or X
            // itself where the spec writes `by tomorrow` as `before`.
            "until" => same_mod && (t == first.to_string() || t == end.to_string()),
            // `after 2018` starts at 2019-01-01, but `after 1/1/2016` at 2016-01-01.
            "after" => same_mod && (s == end.to_string() || s == first.to_string()),
            _ => same_mod && s == first.to_string(),
        }
    })
}

/// Expected number of a Number or NumberWithUnit result (`"75000000"`, `"100%"`).
fn expected_number(r: &Value) -> Vec<String> {
    field(r, "Resolution")
        .and_then(|res| field_str(res, "value"))
        .map(|v| vec![v.trim().trim_end_matches('%').trim().to_owned()])
        .unwrap_or_default()
}

/// Why a Number, Percent or Currency case is out of gazette's scope (see
/// the module documentation), if it is.
fn number_scope(input: &str, expected: &[String]) -> Option<&'static str> {
    let decimal_comma = expected.iter().any(|t| {
        t.rsplit_once(',').is_some_and(|(head, tail)| {
            !head.is_empty()
                && (1..=2).contains(&tail.len())
                && tail.bytes().all(|b| b.is_ascii_digit())
        })
    });
    if decimal_comma {
        return Some("decimal comma");
    }
    for word in input.split_whitespace() {
        let w = word.trim_matches(|c: char| !c.is_alphanumeric());
        let groups: Vec<&str> = w.split(['/', '-', '.']).collect();
        let digits = |g: &&str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
        let split = expected.iter().any(|t| groups.contains(&t.as_str()));
        let joined = groups.len() >= 3 && groups.iter().all(digits) && split;
        let designation = groups.len() == 2
            && w.contains('-')
            && groups[0].chars().all(char::is_alphabetic)
            && digits(&groups[1])
            && expected.iter().any(|t| t == groups[1]);
        if joined || designation {
            return Some("digit code");
        }
    }
    if expected.iter().any(|t| t.starts_with("- ")) {
        return Some("spaced minus");
    }
    if expected.iter().any(|t| t.starts_with("percent") || t.starts_with("per cent")) {
        return Some("percent before its number");
    }
    None
}

/// Why a case is skipped, if it is.
fn skip_reason(case: &Value, task: Task) -> Option<String> {
    let not_supported = field_str(case, "NotSupported").unwrap_or("").to_ascii_lowercase();
    if not_supported.split(',').any(|p| p.trim() == "dotnet") {
        return Some("NotSupported by dotnet".into());
    }
    for key in ["Culture", "Language"] {
        if let Some(lang) = field_str(case, key) {
            if !lang.to_ascii_lowercase().starts_with("en") {
                return Some("not English".into());
            }
        }
    }
    let results = field(case, "Results").and_then(Value::as_array)?;
    for r in results {
        let t = result_type(r);
        let supported = match task {
            Task::Dates => t == "date" || t == "daterange",
            Task::Numbers => t == "number",
            Task::Percents => t == "percentage",
            Task::Currency => t == "currency",
        };
        if !supported {
            if task == Task::Dates && UNSUPPORTED_TYPES.contains(&t.as_str()) {
                return Some(format!("{t} result"));
            }
            return Some(format!("result type `{t}`"));
        }
        if task != Task::Dates && expected_number(r).iter().any(|v| v.parse::<f64>().is_err()) {
            return Some("non-numeric value".into());
        }
        if task == Task::Dates && expected_timexes(r).iter().any(|t| names_no_day(t)) {
            return Some("not a calendar day".into());
        }
    }
    if task != Task::Dates {
        let input = field_str(case, "Input").unwrap_or("");
        let texts: Vec<String> = results
            .iter()
            .map(|r| field_str(r, "Text").unwrap_or("").trim().to_lowercase())
            .collect();
        return number_scope(input, &texts).map(str::to_owned);
    }
    None
}

/// Whether TIMEX `t` names a day no calendar has (`2019-02-30`,
/// `XXXX-11-31`, `2019-02-29`, inside a range too), which gazette does not
/// output as a date.
fn names_no_day(t: &str) -> bool {
    t.split([',', '(', ')', '[']).any(|part| {
        let p: Vec<&str> = part.trim_start_matches('=').split('-').collect();
        let [y, m, d] = p.as_slice() else { return false };
        let (Ok(m), Ok(d)) = (m.parse::<u32>(), d.parse::<u32>()) else { return false };
        if !(1..=12).contains(&m) || y.len() != 4 {
            return false;
        }
        match y.parse::<i32>() {
            Ok(y) => Date::new(y, m, d).is_none(),
            Err(_) => Date::new(2024, m, d).is_none(),
        }
    })
}

/// The reference date of a case.
fn reference(case: &Value) -> Option<Date> {
    let given = field(case, "Context")
        .and_then(|c| field_str(c, "ReferenceDateTime"))
        .and_then(Date::parse);
    given.or_else(|| Date::parse(DEFAULT_REFERENCE))
}

/// Text of `m` without its qualifier and, if `cut_unit`, its counted noun.
fn quantity_text(text: &str, m: &QuantityMention, cut_unit: bool) -> String {
    let (mut start, mut end) = (m.span.start, m.span.end);
    let whole = &text[start..end];
    if !m.qualifier.is_empty()
        && whole.len() >= m.qualifier.len()
        && whole.is_char_boundary(m.qualifier.len())
        && whole[..m.qualifier.len()].eq_ignore_ascii_case(&m.qualifier)
    {
        start += m.qualifier.len();
    }
    if cut_unit {
        if let Some(u) = m.unit_span {
            if u.start > start && u.start < end {
                end = u.start;
            } else if u.start <= start && u.end > start && u.end < end {
                start = u.end;
            }
        }
    }
    let mut s = text[start..end].trim().to_lowercase();
    if cut_unit {
        if let Some(rest) = s.strip_suffix(" of") {
            s = rest.trim_end().to_owned();
        }
    }
    s
}

/// What gazette finds in `input` for `task`.
fn found(f: &Finders, input: &str, task: Task, reference: Option<Date>) -> Vec<Item> {
    let sentences = split(input);
    if task == Task::Dates {
        return f
            .dates
            .find(input, &sentences, reference)
            .into_iter()
            .map(|m| Item {
                text: input[m.span.start..m.span.end].trim().to_lowercase(),
                values: vec![m.value, m.modifier.to_owned()],
            })
            .collect();
    }
    f.quantities
        .find(input, &sentences, &[])
        .into_iter()
        .filter(|m| match task {
            // A number glued to a measure (180ml) is a measurement.
            Task::Numbers => !m.unit_span.is_some_and(|u| {
                u.start > m.span.start
                    && input[..u.start].ends_with(|c: char| c.is_ascii_digit())
                    && input[u.start..u.end].starts_with(char::is_alphabetic)
            }),
            Task::Percents => m.unit.starts_with("percent"),
            Task::Currency => is_currency(&m.unit),
            _ => true,
        })
        .map(|m| {
            let value = m.value.or(match (m.low, m.high) {
                (Some(l), Some(h)) if l == h => Some(l),
                _ => None,
            });
            Item {
                text: quantity_text(input, &m, task == Task::Numbers),
                values: value.map(|v| vec![v.to_string()]).unwrap_or_default(),
            }
        })
        .collect()
}

/// Whether a found value matches one of the expected values.
fn value_matches(task: Task, expected: &[String], got: &[String]) -> bool {
    if task == Task::Dates {
        let modifier = got.get(1).map_or("", String::as_str);
        return got.first().is_some_and(|v| date_matches(expected, v, modifier));
    }
    expected.iter().any(|e| {
        got.iter().any(|g| match task {
            Task::Dates => false,
            _ => match (e.parse::<f64>(), g.parse::<f64>()) {
                (Ok(a), Ok(b)) => a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs()),
                _ => false,
            },
        })
    })
}

/// Whether `got` are exactly the `expected` results.
fn matches(task: Task, with_values: bool, expected: &[Item], got: &[Item]) -> bool {
    if expected.len() != got.len() {
        return false;
    }
    let mut used = vec![false; got.len()];
    expected.iter().all(|e| {
        let hit = got.iter().enumerate().position(|(i, g)| {
            !used[i]
                && g.text == e.text
                && (!with_values || value_matches(task, &e.values, &g.values))
        });
        hit.map(|i| used[i] = true).is_some()
    })
}

fn show(items: &[Item]) -> String {
    let parts: Vec<String> =
        items.iter().map(|i| format!("{:?} = {}", i.text, i.values.join(" | "))).collect();
    format!("[{}]", parts.join("; "))
}

/// Evaluates one spec file; `None` if it cannot be read.
fn evaluate(f: &Finders, path: &Path, task: Task, with_values: bool, verbose: bool) -> Option<Row> {
    let body = fs::read_to_string(path).ok()?;
    let cases: Vec<Value> = match serde_json::from_str(body.trim_start_matches('\u{feff}')) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{}: bad JSON: {e}", path.display());
            return None;
        }
    };
    let mut row = Row { cases: cases.len(), ..Row::default() };
    for case in &cases {
        if let Some(reason) = skip_reason(case, task) {
            if verbose {
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
                let input = field_str(case, "Input").unwrap_or("");
                println!("SKIP {name} ({reason}): {input:?}");
            }
            row.skipped += 1;
            *row.reasons.entry(reason).or_default() += 1;
            continue;
        }
        let input = field_str(case, "Input").unwrap_or("");
        let results = field(case, "Results").and_then(Value::as_array).cloned().unwrap_or_default();
        let expected: Vec<Item> = results
            .iter()
            .map(|r| Item {
                text: field_str(r, "Text").unwrap_or("").trim().to_lowercase(),
                values: if task == Task::Dates { expected_timexes(r) } else { expected_number(r) },
            })
            .collect();
        let run = panic::catch_unwind(AssertUnwindSafe(|| found(f, input, task, reference(case))));
        let Ok(got) = run else {
            row.failed += 1;
            row.panics.push(input.to_owned());
            if verbose {
                println!(
                    "FAIL (gazette panicked)\n  input:    {input:?}\n  expected: {}",
                    show(&expected)
                );
            }
            continue;
        };
        if matches(task, with_values, &expected, &got) {
            row.passed += 1;
        } else {
            row.failed += 1;
            row.value_only += usize::from(with_values && matches(task, false, &expected, &got));
            if verbose {
                println!(
                    "FAIL {}\n  input:    {input:?}\n  expected: {}\n  got:      {}",
                    path.file_name().and_then(|n| n.to_str()).unwrap_or(""),
                    show(&expected),
                    show(&got)
                );
            }
        }
    }
    Some(row)
}

fn print_row(name: &str, r: &Row) {
    println!(
        "{name:<45} {:>6} {:>8} {:>7} {:>7} {:>7.1}",
        r.cases,
        r.skipped,
        r.passed,
        r.failed,
        r.pct()
    );
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let shared = args.iter().find(|a| *a != "-v").map_or("../shared", String::as_str);
    let specs = Path::new(shared).join(SPECS);
    if !specs.is_dir() {
        eprintln!(
            "error: spec folder {} not found; pass the shared directory as the first argument",
            specs.display()
        );
        return ExitCode::from(2);
    }
    // Panics inside gazette are reported once, after the table.
    panic::set_hook(Box::new(|_| {}));
    let finders = Finders { dates: DateFinder::new(), quantities: QuantityFinder::new() };
    let mut rows = Vec::new();
    for &(file, task, with_values) in FILES {
        match evaluate(&finders, &specs.join(file), task, with_values, verbose) {
            Some(row) => rows.push((file, row)),
            None => eprintln!("warning: cannot read {file}; not counted"),
        }
    }
    println!(
        "\n{:<45} {:>6} {:>8} {:>7} {:>7} {:>7}",
        "file", "cases", "skipped", "passed", "failed", "pass%"
    );
    let mut total = Row::default();
    for (file, row) in &rows {
        print_row(file, row);
        total.add(row);
    }
    print_row("TOTAL", &total);
    println!(
        "\n{} failed cases had the right spans but a different value \
         (e.g. a resolved date where the spec keeps XXXX).",
        total.value_only
    );
    println!("\nskipped cases by reason:");
    for (reason, n) in &total.reasons {
        println!("  {reason:<30} {n:>5}");
    }
    tempeval::report(&finders.dates, Path::new(shared), verbose);
    if !total.panics.is_empty() {
        println!("\ngazette panicked on {} inputs (counted as failed):", total.panics.len());
        for input in &total.panics {
            println!("  {input:?}");
        }
    }
    ExitCode::SUCCESS
}
