//! Joins the candidates of one sentence: the second expression's finds
//! with the first's, a week with a weekday (`next week Monday`), two dates
//! into a range (`from June to August`), and a bound word with its date
//! (`since 2014`, `2012 or later`).

use super::{in_list, Cand, Val};
use crate::Date;

/// Merges `extra` candidates into `main` ones: an extra one is kept where
/// nothing was found, or where it covers what was found (`the week of
/// April 10th` over `April 10`), or where the first found only a vague
/// value (`next 3 days` inside nothing, `within 9 months` over
/// `FUTURE_REF`, `last 3 months` inside `the last 3 months`).
pub(super) fn merge(s: &str, main: Vec<Cand>, extra: Vec<Cand>) -> Vec<Cand> {
    let mut out = main;
    for e in extra {
        let exact = e.to.is_some()
            && main_text(s, &e).split_whitespace().any(|w| {
                let w = w.to_ascii_lowercase();
                w.bytes().all(|b| b.is_ascii_digit())
                    || !["a", "an", "few", "several", "some", "many"].contains(&w.as_str())
                        && super::number_word(&w).is_some()
            });
        let overlapping: Vec<usize> =
            (0..out.len()).filter(|&i| out[i].start < e.end && e.start < out[i].end).collect();
        let wins = overlapping.iter().all(|&i| {
            let m = &out[i];
            // A trailing stop of the first's find ("12 of Sept.") does not count.
            let covers =
                e.start <= m.start && m.end <= e.end + 1 && e.end - e.start > m.end - m.start;
            // "the past few months" stays a vague past as news writes it;
            // "the past 3 months" counts them.
            let article = main_text(s, m).to_ascii_lowercase().contains("the ");
            covers || matches!(m.val, Val::Vague(v) if v.ends_with("_REF")) && (!article || exact)
        });
        if wins {
            for &i in overlapping.iter().rev() {
                out.remove(i);
            }
            let at = out.partition_point(|c| c.start < e.start);
            out.insert(at, e);
        }
    }
    out
}

/// The text from `a` to `b`, or nothing if they are out of order (a pass
/// moved a start back over the candidate before it) or not on characters.
fn gap(s: &str, a: usize, b: usize) -> &str {
    s.get(a..b).unwrap_or("")
}

/// The text of candidate `c`.
fn main_text<'a>(s: &'a str, c: &Cand) -> &'a str {
    s.get(c.start..c.end).unwrap_or("")
}

/// Monday of the ISO week `y`-W`w`.
fn week_monday(y: i32, w: u32) -> Option<Date> {
    let jan4 = Date::new(y, 1, 4)?;
    Some(jan4.add_days(-i64::from(jan4.weekday()) + 7 * (i64::from(w) - 1)))
}

/// Whether `c` is a bare weekday or a weekday with `this`/`next` …, and
/// its weekday number.
fn weekday_of(s: &str, c: &Cand) -> Option<u32> {
    if !matches!(c.val, Val::Day(_)) || c.has_day || c.to.is_some() {
        return None;
    }
    let last = gap(s, c.start, c.end).split_whitespace().last()?;
    let n = super::weekday_number(last)?;
    (last.len() >= 3).then_some(n)
}

/// Joins a week and a weekday next to it: `next week Monday`, `Friday of
/// this week`, `this week on Saturday`.
fn week_weekday(s: &str, cands: Vec<Cand>) -> Vec<Cand> {
    if cands.len() < 2 {
        return cands; // Nothing to pair.
    }
    let mut out: Vec<Cand> = Vec::with_capacity(cands.len());
    for c in cands {
        if let Some(prev) = out.last_mut() {
            let between = gap(s, prev.end, c.start).trim().to_ascii_lowercase();
            // "the 1st week of Oct. on Friday": the dot ends the abbreviation.
            let abbreviated = main_text(s, prev)
                .rsplit(|ch: char| !ch.is_alphabetic())
                .next()
                .is_some_and(|w| (3..=4).contains(&w.len()) && super::month_number(w).is_some());
            let between = match between.strip_prefix('.') {
                Some(b) if abbreviated => b.trim_start().to_string(),
                _ => between,
            };
            let joins = ["", "on", "of", "-", "–", ","].contains(&between.as_str());
            let pair = match (prev.val, c.val) {
                (Val::Week(y, w), _) if joins && between != "of" => {
                    weekday_of(s, &c).map(|wd| (y, w, wd))
                }
                (_, Val::Week(y, w)) if ["", "of", "on"].contains(&between.as_str()) => {
                    weekday_of(s, prev).map(|wd| (y, w, wd))
                }
                _ => None,
            };
            if let Some((y, w, wd)) = pair {
                if let Some(monday) = week_monday(y, w) {
                    take_day(prev, monday.add_days(i64::from(wd)), c.end);
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

/// A value's first day, if it has one, with whether its year was written.
fn first_day(v: Val) -> Option<Date> {
    match v {
        Val::Day(d) => Some(d),
        Val::Month(y, m) => Date::new(y, m, 1),
        Val::Year(y) => Date::new(y, 1, 1),
        _ => None,
    }
}

/// The value of `v` moved to year `y` (a month or day without a written year).
fn with_year(v: Val, y: i32) -> Option<Val> {
    match v {
        Val::Day(d) => Date::new(y, d.month, d.day).map(Val::Day),
        Val::NoYearDay(m, d) => Date::new(y, m, d).map(Val::Day),
        Val::Month(_, m) | Val::NoYearMonth(m) => Some(Val::Month(y, m)),
        _ => None,
    }
}

/// The year written in `v`, for a range's other end.
fn year_of(v: Val) -> Option<i32> {
    match v {
        Val::Day(d) => Some(d.year),
        Val::Month(y, _) | Val::Year(y) => Some(y),
        _ => None,
    }
}

/// Whether `v` may be one end of a range.
fn rangeable(v: Val) -> bool {
    matches!(
        v,
        Val::Day(_)
            | Val::NoYearDay(..)
            | Val::Month(..)
            | Val::NoYearMonth(_)
            | Val::Year(_)
            | Val::Week(..)
            | Val::Quarter(..)
            | Val::Half(..)
            | Val::Season(..)
            | Val::Decade(_)
    ) || v == Val::Vague("PRESENT_REF")
}

/// The span of months `ma` to `mb` (running into the next year when `mb`
/// comes first) that holds the month of `r`, if one does: `from May to
/// September` said in July is this year's.
pub(super) fn current_months(ma: u32, mb: u32, r: Date) -> Option<(Val, Val)> {
    [r.year, r.year - 1].into_iter().find_map(|y| {
        let yb = if mb >= ma { y } else { y + 1 };
        let now = (r.year, r.month);
        ((y, ma) <= now && now <= (yb, mb)).then_some((Val::Month(y, ma), Val::Month(yb, mb)))
    })
}

/// The first and last day of a month or a year.
fn month_or_year_days(v: Val) -> Option<(Date, Date)> {
    let (first, next) = match v {
        Val::Month(y, m) => {
            let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            (Date::new(y, m, 1)?, Date::new(ny, nm, 1)?)
        }
        Val::Year(y) => (Date::new(y, 1, 1)?, Date::new(y + 1, 1, 1)?),
        _ => return None,
    };
    Some((first, next.add_days(-1)))
}

/// A range's end written as a point of a month or year (`the middle of
/// March`, `the end of 2007`, `the start of 2008`), as the day the range
/// takes from it: a start at the middle is the middle day, a start at the
/// end the day after; an end at the middle is the day before the middle,
/// an end at the start the day before. The edges the period covers whole
/// (`from the start of`, `to the end of`) are not points: `None`.
fn edge_point(v: Val, modifier: &str, start: bool) -> Option<Val> {
    let (first, last) = month_or_year_days(v)?;
    let middle = first.add_days((last.to_days() - first.to_days() + 1) / 2);
    let day = match (modifier, start) {
        ("MID", true) => middle,
        ("END", true) => last.add_days(1),
        ("MID", false) => middle.add_days(-1),
        ("START", false) => first.add_days(-1),
        _ => return None,
    };
    Some(Val::Day(day))
}

/// Joins `A to B`, `from A until B`, `between A and B`, `A - B`.
fn ranges(s: &str, cands: Vec<Cand>, reference: Option<Date>) -> Vec<Cand> {
    if cands.len() < 2 {
        return cands; // Nothing to pair.
    }
    let mut out: Vec<Cand> = Vec::with_capacity(cands.len());
    for c in cands {
        if let Some(prev) = out.last_mut() {
            let between = gap(s, prev.end, c.start).trim().to_ascii_lowercase();
            let (mut before, mut before_start) = super::prev_word(s, prev.start);
            // "from the start of 2007": the article left out of the part's span.
            if !prev.modifier.is_empty() && before.eq_ignore_ascii_case("the") {
                (before, before_start) = super::prev_word(s, before_start);
            }
            let from = in_list(before, &["from", "between"]);
            // "to the end of 2008": the article left out of the part's span.
            let between = match between.strip_suffix(" the") {
                Some(b) if !c.modifier.is_empty() => b.trim_end().to_string(),
                _ => between,
            };
            // "from the 26th of June to the 28th of June".
            let between = match between.strip_suffix(" the") {
                Some(b) if c.has_day => b.trim_end().to_string(),
                _ => between,
            };
            // "from March to date": the end holds its own connector.
            let own = c.val == Val::Vague("PRESENT_REF") && between.is_empty() && from;
            let between = if own { "to".to_string() } else { between };
            let conn_ok = match between.as_str() {
                "to" | "till" | "until" | "through" | "thru" | "-" | "–" | "~" => true,
                "and" => before.eq_ignore_ascii_case("between"),
                _ => false,
            };
            // "now" is only an end with `between`/`from`.
            let now_end = |v: Val| v != Val::Vague("PRESENT_REF") || from;
            if conn_ok
                && prev.to.is_none()
                && c.to.is_none()
                // "from 2007 to the end of 2008" runs from 2007's start to
                // 2008's end: a part at that edge is the whole period; a
                // part away from it is the point where it starts (`from the
                // middle of 2007`, `to the start of 2008`).
                && (matches!(prev.modifier, "" | "START" | "EARLY")
                    || edge_point(prev.val, prev.modifier, true).is_some())
                && (matches!(c.modifier, "" | "END" | "LATE")
                    || edge_point(c.val, c.modifier, false).is_some())
                && rangeable(prev.val)
                && rangeable(c.val)
                && now_end(prev.val)
                && now_end(c.val)
            {
                let mut a = edge_point(prev.val, prev.modifier, true).unwrap_or(prev.val);
                let mut b = edge_point(c.val, c.modifier, false).unwrap_or(c.val);
                if a == Val::Vague("PRESENT_REF") {
                    a = reference.map_or(a, Val::Day);
                }
                if b == Val::Vague("PRESENT_REF") {
                    b = reference.map_or(b, Val::Day);
                }
                // "from May to Oct 2020": the first end takes the year of the
                // second, unless a word fixed it ("from this May", "next Friday").
                let fixed = main_text(s, prev)
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| in_list(w, &["this", "next", "last", "coming"]));
                if prev.kind != "date" && c.kind == "date" && !fixed {
                    let fa = match a {
                        Val::NoYearDay(m, d) => Some((m, d)),
                        Val::NoYearMonth(m) => Some((m, 1)),
                        _ => first_day(a).map(|d| (d.month, d.day)),
                    };
                    if let (Some(y), Some(fa), Some(fb)) = (year_of(b), fa, first_day(b)) {
                        let y = if fa > (fb.month, fb.day) { y - 1 } else { y };
                        if !matches!(b, Val::Year(_)) {
                            a = with_year(a, y).unwrap_or(a);
                        }
                    }
                }
                // Two months without years: one span, the second after the
                // first; the span that holds the reference month if one does.
                if let (Val::Month(ya, ma), Val::Month(_, mb)) = (a, b) {
                    if prev.kind != "date" && c.kind != "date" {
                        b = Val::Month(if mb >= ma { ya } else { ya + 1 }, mb);
                        if let Some((x, y)) = reference.and_then(|r| current_months(ma, mb, r)) {
                            (a, b) = (x, y);
                        }
                    }
                }
                // "from next Monday to Friday": a bare weekday ends the range
                // on its first day after the start.
                if let (Val::Day(da), Some(wd)) = (a, weekday_of(s, &c)) {
                    if c.start > prev.end && !c.has_day && weekday_of(s, prev).is_some() {
                        b = Val::Day(da.add_days(i64::from((wd + 7 - da.weekday()) % 7)));
                    }
                }
                // Two ends without years: the first one before the second.
                if let (Val::Day(da), Val::Day(db)) = (a, b) {
                    if da > db && prev.kind != "date" {
                        a = with_year(a, da.year - 1).unwrap_or(a);
                    }
                }
                if let (Val::Month(ya, ma), Val::Month(yb, mb)) = (a, b) {
                    if (ya, ma) > (yb, mb) && prev.kind != "date" {
                        a = Val::Month(yb - 1, ma);
                    }
                }
                // "Friday to December" that would run backwards is no range.
                if let (Some(fa), Some(fb)) = (first_day(a), first_day(b)) {
                    if fb < fa {
                        out.push(c);
                        continue;
                    }
                }
                let start = if from { before_start } else { prev.start };
                let relative = prev.kind != "date" || c.kind != "date";
                prev.val = a;
                prev.to = Some(b);
                prev.modifier = "";
                prev.start = start;
                prev.end = c.end;
                prev.kind = if relative { "relative" } else { "date" };
                prev.has_day = false;
                prev.weekday = false;
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Bound words before a date and the TIMEX3 mod each gives.
const BOUNDS_BEFORE: &[(&str, &str)] = &[
    ("since", "ON_OR_AFTER"),
    ("starting on", "ON_OR_AFTER"),
    ("starting from", "ON_OR_AFTER"),
    ("starting", "ON_OR_AFTER"),
    ("beginning on", "ON_OR_AFTER"),
    ("beginning", "ON_OR_AFTER"),
    ("as early as", "ON_OR_AFTER"),
    ("after or equal to", "ON_OR_AFTER"),
    ("no earlier than", "ON_OR_AFTER"),
    ("not earlier than", "ON_OR_AFTER"),
    // Before `later than`, which they end with.
    ("no later than", "ON_OR_BEFORE"),
    ("not later than", "ON_OR_BEFORE"),
    ("after", "AFTER"),
    ("later than", "AFTER"),
    ("before", "BEFORE"),
    ("prior to", "BEFORE"),
    ("earlier than", "BEFORE"),
    ("by", "ON_OR_BEFORE"),
    ("until", "ON_OR_BEFORE"),
    ("till", "ON_OR_BEFORE"),
    ("up to", "ON_OR_BEFORE"),
    ("as late as", "ON_OR_BEFORE"),
];

/// Bound words after a date.
const BOUNDS_AFTER: &[(&str, &str)] = &[
    ("or later", "ON_OR_AFTER"),
    ("and later", "ON_OR_AFTER"),
    ("or after", "ON_OR_AFTER"),
    ("and after", "ON_OR_AFTER"),
    ("and greater", "ON_OR_AFTER"),
    ("or greater", "ON_OR_AFTER"),
    ("onwards", "ON_OR_AFTER"),
    ("onward", "ON_OR_AFTER"),
    ("on", "ON_OR_AFTER"),
    ("or earlier", "ON_OR_BEFORE"),
    ("and earlier", "ON_OR_BEFORE"),
    ("or before", "ON_OR_BEFORE"),
];

/// Whether `text` ends with the words `w` (case-insensitive, whole words).
fn ends_with_words(text: &str, w: &str) -> Option<usize> {
    let t = text.trim_end();
    // Most candidates end in another letter: one byte tells.
    let last = |x: &str| x.as_bytes().last().map(u8::to_ascii_lowercase);
    if !w.is_empty() && last(t) != last(w)
        || t.len() < w.len()
        || !t.is_char_boundary(t.len() - w.len())
    {
        return None;
    }
    let at = t.len() - w.len();
    let ok = t[at..].eq_ignore_ascii_case(w)
        && t[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
    ok.then_some(at)
}

/// `text` without the ASCII suffix `suffix`, compared case-insensitively:
/// no lower-case copy of a whole sentence per candidate.
pub(super) fn strip_suffix_ci<'a>(text: &'a str, suffix: &str) -> Option<&'a str> {
    let at = text.len().checked_sub(suffix.len())?;
    let tail = text.as_bytes().get(at..)?;
    tail.eq_ignore_ascii_case(suffix.as_bytes()).then(|| text.get(..at)).flatten()
}

/// `text` without the ASCII prefix `prefix`, compared case-insensitively.
fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.as_bytes().get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix.as_bytes()).then(|| text.get(prefix.len()..)).flatten()
}

/// Extends a date over a bound word before or after it.
fn bounds(s: &str, cands: &mut [Cand]) {
    let mut last_end = 0;
    for c in cands.iter_mut() {
        // "since late July": a part of a month or year may take a bound too.
        let part = matches!(c.val, Val::Month(..) | Val::Year(_))
            && matches!(c.modifier, "EARLY" | "MID" | "LATE" | "START" | "END");
        let fixed =
            c.to.is_none() && (c.modifier.is_empty() || part) && !matches!(c.val, Val::Vague(_));
        if fixed {
            let mut before = gap(s, last_end, c.start);
            // "before the end of June": the article left out of the part's span.
            // "before the 26th day of the month" too, but not "after the
            // July 1 deadline", where the date names an event.
            let day_first = || {
                let text = main_text(s, c);
                text.starts_with(|ch: char| ch.is_ascii_digit())
                    || super::extra::day_value(text.split([' ', '-']).next().unwrap_or(""))
                        .is_some()
            };
            if part || c.has_day && day_first() {
                let t = before.trim_end();
                if let Some(at) = ends_with_words(t, "the") {
                    before = &before[..at];
                }
            }
            // "after Friday's vote": the day of an event, not a bound.
            let possessive = s[c.end..].starts_with(['\'', '’']);
            let mut done = false;
            if !possessive {
                // "after the year 2020", "before the year 2019".
                let stripped = before.trim_end();
                let stripped = stripped
                    .strip_suffix("the year")
                    .or_else(|| stripped.strip_suffix("year"))
                    .unwrap_or(stripped);
                // "before the year 2019" whose span already took `year`.
                let year_noun =
                    s[c.start..].get(..4).is_some_and(|w| w.eq_ignore_ascii_case("year"));
                let stripped = match stripped.trim_end().strip_suffix(" the") {
                    Some(t) if year_noun => t,
                    _ => stripped,
                };
                // Trimmed once, and most bound words turned away by their
                // last letter, rather than by each look-up.
                let stripped = stripped.trim_end();
                let last = stripped.as_bytes().last().map(u8::to_ascii_lowercase);
                for &(w, m) in BOUNDS_BEFORE {
                    if w.as_bytes().last() != last.as_ref() {
                        continue;
                    }
                    if let Some(at) = ends_with_words(stripped, w) {
                        c.start = last_end + at;
                        bound_part(c, m);
                        done = true;
                        break;
                    }
                }
            }
            if !done {
                let rest = &s[c.end..];
                let t = rest.trim_start();
                let skip = rest.len() - t.len();
                for &(w, m) in BOUNDS_AFTER {
                    let whole = strip_prefix_ci(t, w).is_some_and(|after| {
                        after.chars().next().is_none_or(|ch| !ch.is_alphanumeric())
                    });
                    // "from 2014 on" only; "on" alone is too common.
                    let from_on =
                        w != "on" || super::prev_word(s, c.start).0.eq_ignore_ascii_case("from");
                    // One space or line break (`\r\n` too) before the word.
                    let one = skip <= 1 || &rest[..skip] == "\r\n";
                    if whole && from_on && one {
                        if w == "on" {
                            c.start = super::prev_word(s, c.start).1;
                        }
                        c.end += skip + w.len();
                        bound_part(c, m);
                        break;
                    }
                }
            }
        }
        last_end = c.end;
    }
}

/// Gives candidate `c` the bound `bound`. A date with a part (`late July`,
/// `the end of 1989`) keeps its value and both modifiers, the bound first:
/// `since late July` is `2024-07` with `ON_OR_AFTER+LATE`. `by`/`before
/// the end of June` is on or before June as a whole: `ON_OR_BEFORE`.
fn bound_part(c: &mut Cand, bound: &'static str) {
    let part = std::mem::replace(&mut c.modifier, bound);
    c.modifier = match (bound, part) {
        (_, "") => bound,
        ("ON_OR_BEFORE" | "BEFORE", "END") => "ON_OR_BEFORE",
        ("ON_OR_AFTER", "EARLY") => "ON_OR_AFTER+EARLY",
        ("ON_OR_AFTER", "MID") => "ON_OR_AFTER+MID",
        ("ON_OR_AFTER", "LATE") => "ON_OR_AFTER+LATE",
        ("ON_OR_AFTER", "START") => "ON_OR_AFTER+START",
        ("ON_OR_AFTER", "END") => "ON_OR_AFTER+END",
        ("ON_OR_BEFORE", "EARLY") => "ON_OR_BEFORE+EARLY",
        ("ON_OR_BEFORE", "MID") => "ON_OR_BEFORE+MID",
        ("ON_OR_BEFORE", "LATE") => "ON_OR_BEFORE+LATE",
        ("ON_OR_BEFORE", "START") => "ON_OR_BEFORE+START",
        ("BEFORE", "EARLY") => "BEFORE+EARLY",
        ("BEFORE", "MID") => "BEFORE+MID",
        ("BEFORE", "LATE") => "BEFORE+LATE",
        ("BEFORE", "START") => "BEFORE+START",
        ("AFTER", "EARLY") => "AFTER+EARLY",
        ("AFTER", "MID") => "AFTER+MID",
        ("AFTER", "LATE") => "AFTER+LATE",
        ("AFTER", "START") => "AFTER+START",
        ("AFTER", "END") => "AFTER+END",
        _ => bound,
    };
}

/// Gives a year written after a yearless date or range to it: `28 June in
/// 2020`, `from April to June in 2017`, `July of 1995`.
fn in_year(s: &str, cands: Vec<Cand>) -> Vec<Cand> {
    if cands.len() < 2 {
        return cands; // Nothing to pair.
    }
    let mut out: Vec<Cand> = Vec::with_capacity(cands.len());
    for c in cands {
        if let (Some(prev), Val::Year(y), None, "") = (out.last_mut(), c.val, c.to, c.modifier) {
            let between = gap(s, prev.end, c.start).trim();
            let yearless = prev.kind != "date" && prev.modifier.is_empty();
            if yearless
                && (between.eq_ignore_ascii_case("in") || between.eq_ignore_ascii_case("of"))
            {
                let a = with_year(prev.val, y);
                // A range's other end must take the year too.
                let b = match prev.to {
                    None => Some(None),
                    Some(t) => with_year(t, y).map(Some),
                };
                if let (Some(mut a), Some(b)) = (a, b) {
                    if let Some(b) = b {
                        if first_day(a) > first_day(b) {
                            a = with_year(a, y - 1).unwrap_or(a);
                        }
                        prev.to = Some(b);
                    }
                    prev.val = a;
                    prev.end = c.end;
                    prev.kind = c.kind;
                    prev.weekday = false;
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

/// Makes `prev` the weekday-joined day `day`, its span running to `end`.
fn take_day(prev: &mut Cand, day: Date, end: usize) {
    prev.val = Val::Day(day);
    prev.end = end;
    prev.kind = "relative";
    prev.weekday = false;
    prev.has_day = true;
}

/// Whether `w` (lower case) is a unit that counts days: `days`, `week`,
/// `fortnights`.
fn is_unit(w: &str) -> bool {
    matches!(w.trim_end_matches('s'), "day" | "week" | "fortnight" | "month" | "year")
}

/// The count and unit written before byte `at`, a comma between them and
/// what follows allowed ("for 3 days, from today"): the count word, where
/// it starts, the unit in lower case, and whether it is a unit.
fn count_before(s: &str, at: usize) -> (&str, usize, String, bool) {
    let at = s[..at].trim_end().strip_suffix(',').map_or(at, str::len);
    let (unit, u_at) = super::prev_word(s, at);
    let (n, n_at) = super::prev_word(s, u_at);
    let unit = unit.to_ascii_lowercase();
    let counted = is_unit(&unit);
    (n, n_at, unit, counted)
}

/// Moves a day by a count of units written before it: `3 days after
/// January 12th`, `2 weeks before Christmas`, `16 days from 01/02/2018`;
/// `more than 2 weeks before today` is a bound.
fn shifted(s: &str, cands: &mut [Cand]) {
    let mut last_end = 0;
    for c in cands.iter_mut() {
        if let (Val::Day(d), None, "") = (c.val, c.to, c.modifier) {
            let (w, w_at) = super::prev_word(s, c.start);
            let sign = if w.eq_ignore_ascii_case("before") {
                -1
            } else if in_list(w, &["after", "from"]) {
                1
            } else {
                last_end = c.end;
                continue; // Not shifted: no count to read.
            };
            let (n, n_at, unit, is_unit) = count_before(s, w_at);
            // "for 12 months from April 1", "for the six months from April
            // 1": a period that starts there; "10 flights a week from May
            // 31": a rate.
            let duration = in_list(
                super::prev_word(s, n_at).0,
                &["for", "the", "over", "within", "during", "per"],
            );
            let n = match n.to_ascii_lowercase().as_str() {
                _ if duration => None,
                "a" | "an" if sign < 0 || w.eq_ignore_ascii_case("after") => Some(1),
                "a" | "an" => None,
                w => super::number_word(w),
            };
            if let (true, true, Some(n)) = (n_at >= last_end, is_unit, n) {
                if (1..=1000).contains(&n) {
                    c.val = Val::Day(super::extra::add_units(d, sign * n, &unit));
                    c.start = n_at;
                    c.has_day = true;
                    c.weekday = false;
                    // "more than 2 weeks before today": before that day.
                    let (than, than_at) = super::prev_word(s, n_at);
                    let (more, more_at) = super::prev_word(s, than_at);
                    if than.eq_ignore_ascii_case("than")
                        && more.eq_ignore_ascii_case("more")
                        && more_at >= last_end
                    {
                        c.start = more_at;
                        c.modifier = if sign < 0 { "BEFORE" } else { "AFTER" };
                    }
                }
            }
        }
        last_end = c.end;
    }
}

/// Whether candidate `c` counts its day from another (`two weeks from
/// now`, `in 3 days`, `3 weeks after Christmas`).
fn is_offset(s: &str, c: &Cand) -> bool {
    let t = main_text(s, c).to_ascii_lowercase();
    let counted = t.split_whitespace().any(is_unit);
    counted && (t.contains(" from ") || t.contains(" after ") || t.starts_with("in "))
}

/// Joins a weekday and a day counted from another: `Monday two weeks from
/// now`, `3 weeks after Christmas on Friday`: that weekday in the week
/// (Sunday to Saturday, as Recognizers-Text and US calendars count) of the
/// counted day.
fn weekday_offset(s: &str, cands: Vec<Cand>) -> Vec<Cand> {
    if cands.len() < 2 {
        return cands; // Nothing to pair.
    }
    let mut out: Vec<Cand> = Vec::with_capacity(cands.len());
    for c in cands {
        if let Some(prev) = out.last_mut() {
            let between = gap(s, prev.end, c.start).trim().to_ascii_lowercase();
            if ["", ",", "on"].contains(&between.as_str()) {
                let pair = match (prev.val, c.val) {
                    (_, Val::Day(d)) if is_offset(s, &c) => weekday_of(s, prev).map(|w| (d, w)),
                    (Val::Day(d), _) if is_offset(s, prev) => weekday_of(s, &c).map(|w| (d, w)),
                    _ => None,
                };
                if let Some((d, wd)) = pair {
                    let sunday = d.add_days(-i64::from((d.weekday() + 1) % 7));
                    take_day(prev, sunday.add_days(i64::from((wd + 1) % 7)), c.end);
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

/// A period of a count of units that starts on a day: `2 weeks starting
/// May 20th`, `for 1 week, from 20th dec`, `a week starting tomorrow`;
/// written `START/END`, its last day included.
fn period_from(s: &str, cands: &mut [Cand]) {
    let mut last_end = 0;
    for c in cands.iter_mut() {
        if let (Val::Day(d), None, "") = (c.val, c.to, c.modifier) {
            let (mut w, mut w_at) = super::prev_word(s, c.start);
            // "starting from", "starting on": one connector.
            if in_list(w, &["from", "on"]) {
                let (w2, w2_at) = super::prev_word(s, w_at);
                if in_list(w2, &["starting", "beginning"]) {
                    (w, w_at) = (w2, w2_at);
                }
            }
            let from = w.eq_ignore_ascii_case("from");
            if !(from || in_list(w, &["starting", "beginning"])) {
                last_end = c.end;
                continue;
            }
            let (n, n_at, unit, is_unit) = count_before(s, w_at);
            let (before, before_at) = super::prev_word(s, n_at);
            let n = match n.to_ascii_lowercase().as_str() {
                "a" | "an" => Some(1),
                w => super::number_word(w),
            };
            // "from" needs the `for` that makes a period of it ("for 12
            // months from April 1"); "10 flights a week from May 31" is a rate.
            let duration = before.eq_ignore_ascii_case("for");
            // "the 1987/88 year starting April 1": a year's name, no count.
            let glued = s[..n_at].ends_with(|ch: char| !ch.is_whitespace()) && n_at > 0;
            if let (true, Some(n), true) = (is_unit, n, !from || duration) {
                if (1..=1000).contains(&n) && n_at >= last_end && before_at >= last_end && !glued {
                    let end = super::extra::add_units(d, n, &unit).add_days(-1);
                    c.to = Some(Val::Day(end));
                    c.start = if from { before_at } else { n_at };
                    c.has_day = false;
                    c.weekday = false;
                }
            }
        }
        last_end = c.end;
    }
}

/// `this 5/12`, `next 6th of April`, `last Sept. 30`: a month and day in
/// this year, or the first after (`next`) or before (`last`) the
/// reference, whatever the tense says.
fn this_next_day(s: &str, cands: &mut [Cand], reference: Option<Date>) {
    let Some(r) = reference else { return };
    let mut last_end = 0;
    for c in cands.iter_mut() {
        let (w, at) = super::prev_word(s, c.start);
        let known = in_list(w, &["this", "next", "last"]);
        if let (true, true, None, true) = (known, c.has_day, c.to, at >= last_end) {
            let word = w.to_ascii_lowercase();
            let written = main_text(s, c).bytes().filter(u8::is_ascii_digit).count() >= 4;
            if !written && !c.weekday && matches!(c.val, Val::Day(_) | Val::NoYearDay(..)) {
                let this = with_year(c.val, r.year);
                // `next`: the first such day after the reference, `last` the
                // one before it (as `next Wednesday` is the nearest).
                let v = match (word.as_str(), this) {
                    ("next", Some(Val::Day(d))) if d <= r => with_year(c.val, r.year + 1),
                    ("last", Some(Val::Day(d))) if d >= r => with_year(c.val, r.year - 1),
                    _ => this,
                };
                if let Some(v) = v {
                    c.val = v;
                    c.start = at;
                    c.kind = "relative";
                }
            }
        }
        last_end = c.end;
    }
}

/// Everything this module does to one sentence's candidates.
pub(super) fn combine(s: &str, cands: Vec<Cand>, reference: Option<Date>) -> Vec<Cand> {
    let cands = week_weekday(s, cands);
    // "from April in 2016 to June in 2017": each end takes its year first.
    let mut cands = in_year(s, cands);
    // "from this 5/12 to next 5/19": each end takes its `this`/`next` first.
    this_next_day(s, &mut cands, reference);
    let cands = ranges(s, cands, reference);
    let mut cands = in_year(s, cands);
    period_from(s, &mut cands);
    shifted(s, &mut cands);
    let mut cands = weekday_offset(s, cands);
    for c in cands.iter_mut() {
        // "from 2014-2018", "between 2014-2018": the range's own opening word.
        let (before, at) = super::prev_word(s, c.start);
        if c.to.is_some() && in_list(before, &["from", "between"]) {
            c.start = at;
        }
        // "the year 2008": the noun belongs to the year; so does the kind
        // of year ("fiscal year 2008", written as the year, as TimeBank does).
        if matches!(c.val, Val::Year(_)) && c.to.is_none() && before.eq_ignore_ascii_case("year") {
            c.start = at;
            let (kind, kind_at) = super::prev_word(s, at);
            if in_list(kind, &["fiscal", "financial", "school", "academic", "calendar"]) {
                c.start = kind_at;
            }
        }
    }
    // "the week of April 10th", "the week starting February 4".
    let mut last_end = 0;
    for c in cands.iter_mut() {
        let floor = std::mem::replace(&mut last_end, c.end);
        if let (Val::Day(d), None) = (c.val, c.to) {
            let before = s[..c.start].trim_end();
            let before = strip_suffix_ci(before, " on")
                .or_else(|| strip_suffix_ci(before, " the"))
                .unwrap_or(before);
            for w in ["week of", "week commencing", "week starting", "week beginning", "w/c"] {
                if let Some(stem) = strip_suffix_ci(before, w) {
                    if !stem.is_empty() && !stem.ends_with(' ') {
                        continue;
                    }
                    let mut start = stem.len();
                    if let Some(t) = strip_suffix_ci(stem.trim_end(), "the") {
                        if t.is_empty() || t.ends_with(' ') {
                            start = t.len();
                        }
                    }
                    if start < floor {
                        break;
                    }
                    let (y, wk) = d.iso_week();
                    c.val = Val::Week(y, wk);
                    c.start = start;
                    c.has_day = false;
                    break;
                }
            }
        }
    }
    bounds(s, &mut cands);
    cands
}
