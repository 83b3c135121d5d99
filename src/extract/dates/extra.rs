//! Further date forms, found by a second case-insensitive expression, and
//! the pass that joins neighbouring candidates into ranges and bounds.
//!
//! - written forms: `oct2`, `22april`, `2015/08/12`, `21/04/16`, `3/2015`,
//!   `2015-3`, `on 4/22`, `second of Aug`, `May twenty nine`, `on the 18th`,
//!   `Friday the 15th`, holidays (`christmas`, `easter sunday 2018`);
//! - relative periods: `next 3 days`, `past few weeks`, `in 2 weeks`,
//!   `two weeks from now`, `the day after tomorrow`, `the last week of July`,
//!   `rest of the month`, `that weekend`, `the next 4 business days`, `the
//!   last 2 quarters`, `the year`, `to date`;
//! - parts and numbers of periods: `the first 2 weeks of 2021`, `the third
//!   month of 2021`, `week 31`, `FY2008`, `20161016`, `the nineties`;
//! - ranges (`from June to August`, `November 19 to 20`, `between 3 and 12
//!   of Sept`, `april ninth through seventeenth`), written `START/END`;
//! - bounds (`since August`, `by 2030`, `before 2010`, `2012 or later`),
//!   written with the TIMEX3 mod `ON_OR_AFTER`, `ON_OR_BEFORE`, `BEFORE`,
//!   `AFTER`.

use super::{
    days_in_month, in_list, is_capitalized, month_number, next_word, number_word, prev_word,
    shift_month, week_of, weekday_number, word_follows, Cand, Caps, Ctx, DateFinder, Mat,
    RuleScratch, Val,
};
use crate::Date;
use regex_automata::Match;

/// Words that may follow a year written in words; another word makes it a
/// count (`two thousand people`, `nineteen hundred troops`).
const AFTER_WORD_YEAR: &[&str] = &[
    "", "and", "or", "to", "till", "until", "through", "when", "while", "where", "with", "for",
    "in", "on", "at", "after", "before", "but", "the", "a", "was", "were", "is", "had", "he",
    "she", "they", "we", "i", "it", "as",
];

/// Words that make a following year in words a year (`in nineteen ninety-six`).
const WORD_YEAR_CUES: &[&str] = &[
    "in", "since", "by", "until", "till", "before", "after", "of", "from", "to", "through",
    "during", "year", "and", "around", "circa",
];

/// Value of a year in words (the `WORD_YEAR` pattern).
fn word_year(text: &str) -> Option<i32> {
    let words: Vec<String> = text
        .split([' ', '-', '\t', '\n'])
        .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("and"))
        .map(str::to_ascii_lowercase)
        .collect();
    let below_100 = |ws: &[String]| -> Option<i32> {
        ws.iter().try_fold(0i32, |acc, w| {
            let n = match w.as_str() {
                "sixty" => 60,
                "seventy" => 70,
                "eighty" => 80,
                "ninety" => 90,
                w => i32::try_from(number_word(w)?).ok()?,
            };
            Some(acc + n)
        })
    };
    match words.as_slice() {
        [two, thousand, rest @ ..] if two == "two" && thousand == "thousand" => {
            Some(2000 + below_100(rest)?)
        }
        [c, rest @ ..] => {
            let century = i32::try_from(number_word(c)?).ok()?;
            let tail = match rest {
                [h, r @ ..] if h == "hundred" => below_100(r)?,
                [oh, r @ ..] if oh == "oh" => below_100(r)?,
                r => below_100(r)?,
            };
            Some(century * 100 + tail)
        }
        [] => None,
    }
}

/// The year a phrase names, with its kind: written (`of 2021`, `date`) or
/// counted from the reference (`of next year`, `relative`).
fn year_of_caps(
    year: Option<Mat>,
    rel: Option<Mat>,
    reference: Option<Date>,
) -> Option<(i32, &'static str)> {
    if let Some(y) = year {
        return Some((y.as_str().parse().ok()?, "date"));
    }
    let r = reference?;
    let delta = match rel?.as_str().to_ascii_lowercase().as_str() {
        "next" => 1,
        "last" => -1,
        _ => 0,
    };
    Some((r.year + delta, "relative"))
}

/// Value of a day word or number: `21`, `21st`, `twenty first`, `second`.
pub(super) fn day_value(w: &str) -> Option<u32> {
    let w = w.to_ascii_lowercase();
    let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        return digits.parse().ok();
    }
    let mut total = 0u32;
    for part in w.split([' ', '-']).filter(|p| !p.is_empty()) {
        let n = match part {
            "first" => 1,
            "second" => 2,
            "third" => 3,
            "fourth" => 4,
            "fifth" => 5,
            "sixth" => 6,
            "seventh" => 7,
            "eighth" => 8,
            "ninth" => 9,
            "tenth" => 10,
            "eleventh" => 11,
            "twelfth" => 12,
            "thirteenth" => 13,
            "fourteenth" => 14,
            "fifteenth" => 15,
            "sixteenth" => 16,
            "seventeenth" => 17,
            "eighteenth" => 18,
            "nineteenth" => 19,
            "twentieth" => 20,
            "thirtieth" => 30,
            p => u32::try_from(number_word(p)?).ok()?,
        };
        total += n;
    }
    (total > 0).then_some(total)
}

/// Ordinal position word: `third` → 3, `last` → 0.
fn position(w: &str) -> Option<u32> {
    match w.to_ascii_lowercase().as_str() {
        "last" => Some(0),
        "first" | "1st" => Some(1),
        "second" | "2nd" => Some(2),
        "third" | "3rd" => Some(3),
        "fourth" | "4th" => Some(4),
        "fifth" | "5th" => Some(5),
        _ => None,
    }
}

/// Number of `couple`, `few`, `several`, or a number word.
fn count(w: &str) -> Option<i64> {
    let w = w.to_ascii_lowercase();
    if w.starts_with("couple") {
        return Some(2);
    }
    match w.split_whitespace().last()? {
        "few" | "several" => Some(3),
        "many" | "some" => None,
        _ => number_word(&w),
    }
}

/// Monday of the ISO week of `d`.
fn monday(d: Date) -> Date {
    d.add_days(-i64::from(d.weekday()))
}

/// `d` moved by `n` units (`day`, `week`, `month`, `year`).
pub(super) fn add_units(d: Date, n: i64, unit: &str) -> Date {
    match unit.trim_end_matches('s') {
        "day" => d.add_days(n),
        "week" => d.add_days(7 * n),
        "fortnight" => d.add_days(14 * n),
        "month" => {
            let (y, m) = shift_month(d.year, d.month, n);
            Date::new(y, m, d.day.min(days_in_month(y, m))).unwrap_or(d)
        }
        _ => {
            let y = d.year + n as i32;
            Date::new(y, d.month, d.day.min(days_in_month(y, d.month))).unwrap_or(d)
        }
    }
}

/// The `n`th (0 = last) `weekday` of month `m` of year `y`.
fn nth_weekday(y: i32, m: u32, weekday: u32, n: u32) -> Option<Date> {
    if n == 0 {
        let last = Date::new(y, m, days_in_month(y, m))?;
        return Some(last.add_days(-i64::from((last.weekday() + 7 - weekday) % 7)));
    }
    let first = Date::new(y, m, 1)?;
    let d = first.add_days(i64::from((weekday + 7 - first.weekday()) % 7) + 7 * i64::from(n - 1));
    (d.month == m).then_some(d)
}

/// Easter Sunday of year `y` (anonymous Gregorian algorithm).
fn easter(y: i32) -> Option<Date> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// A holiday's date in year `y`.
fn holiday_date(name: &str, y: i32) -> Option<Date> {
    let n: String = name
        .to_ascii_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphabetic() || *c == ' ')
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let fixed = |m, d| Date::new(y, m, d);
    match n.as_str() {
        "christmas eve" => fixed(12, 24),
        "christmas" | "christmas day" => fixed(12, 25),
        "boxing day" => fixed(12, 26),
        "halloween" => fixed(10, 31),
        "valentines day" => fixed(2, 14),
        "earth day" => fixed(4, 22),
        "may day" => fixed(5, 1),
        "easter" | "easter sunday" => easter(y),
        "easter monday" => easter(y).map(|d| d.add_days(1)),
        "good friday" => easter(y).map(|d| d.add_days(-2)),
        "fathers day" => nth_weekday(y, 6, 6, 3),
        "presidents day" => nth_weekday(y, 2, 0, 3),
        "mlk day" => nth_weekday(y, 1, 0, 3),
        "thanksgiving" | "thanksgiving day" | "thanks giving" | "thanks giving day" => {
            nth_weekday(y, 11, 3, 4)
        }
        "black friday" => nth_weekday(y, 11, 3, 4).map(|d| d.add_days(1)),
        "cyber monday" => nth_weekday(y, 11, 3, 4).map(|d| d.add_days(4)),
        "independence day" => fixed(7, 4),
        "labor day" => nth_weekday(y, 9, 0, 1),
        "memorial day" => nth_weekday(y, 5, 0, 0),
        "veterans day" => fixed(11, 11),
        "columbus day" => nth_weekday(y, 10, 0, 2),
        "mothers day" => nth_weekday(y, 5, 6, 2),
        "workers day" | "international workers day" => fixed(5, 1),
        "juneteenth" => fixed(6, 19),
        _ if n.starts_with("new year") && n.ends_with("eve") => fixed(12, 31),
        _ if n.starts_with("new year") => fixed(1, 1),
        _ if n.starts_with("martin luther king") => nth_weekday(y, 1, 0, 3),
        _ if n.contains("patrick") => fixed(3, 17),
        _ => None,
    }
}

/// The year `yy` (two digits) names: the one nearest the reference year
/// but at most 20 years after it (news writes `03/18/40` of the past), or
/// 19yy/20yy split at 50 without one.
fn two_digit_year(yy: i32, reference: Option<Date>) -> i32 {
    match reference {
        Some(r) => {
            let base = r.year / 100 * 100 + yy;
            [base - 100, base, base + 100]
                .into_iter()
                .filter(|y| *y <= r.year + 20)
                .min_by_key(|y| (y - r.year).abs())
                .unwrap_or(base)
        }
        None if yy < 50 => 2000 + yy,
        None => 1900 + yy,
    }
}

/// Whether `pos` is followed by a number-like continuation (`4/22/2016`,
/// `4.5%`), which makes a short numeric form part of something longer.
fn continues_numeric(s: &str, pos: usize) -> bool {
    let mut it = s[pos..].chars();
    match (it.next(), it.next()) {
        (Some('%'), _) => true,
        (Some('/' | '-' | '.' | ',' | ':'), Some(c)) => c.is_ascii_digit(),
        (Some(c), _) => c.is_alphanumeric(),
        _ => false,
    }
}

/// Whether the character before `pos` glues a number to something before it.
fn glued_before(s: &str, pos: usize) -> bool {
    s[..pos].chars().next_back().is_some_and(|c| c.is_alphanumeric() || "$€£#/.,-–+".contains(c))
}

/// Day `d` of the reference's month, or of the month after (`next`) or
/// before (`last`) it: `the 26th of next month`.
fn day_of_month(r: Date, rel: &str, d: u32) -> Option<Date> {
    let delta = match rel.to_ascii_lowercase().as_str() {
        "next" => 1,
        "last" => -1,
        _ => 0,
    };
    let (y, m) = shift_month(r.year, r.month, delta);
    Date::new(y, m, d)
}

impl DateFinder {
    /// Candidates of the second expression in sentence `ctx.s`, searched
    /// in `lower`; `first` is its first match, when that was found already.
    pub(super) fn extra_scan(
        &self,
        ctx: &Ctx,
        lower: &str,
        mut first: Option<Option<Match>>,
        scratch: &mut RuleScratch,
    ) -> Vec<Cand> {
        let s = ctx.s;
        let mut out: Vec<Cand> = Vec::new();
        let mut pos = 0;
        while pos < s.len() {
            let Some(caps) = self.extra.next_captures((s, lower), pos, &mut first, scratch) else {
                break;
            };
            let Some(m) = caps.get(0) else { break };
            match self.extra_one(&caps, ctx) {
                Some(mut c) if c.end > c.start => {
                    // A year in words takes the month and day found before it.
                    while out.last().is_some_and(|l| c.start <= l.start && l.end <= c.end) {
                        out.pop();
                    }
                    if out.last().is_some_and(|l| l.end > c.start) {
                        pos = super::next_char(s, m.start());
                        continue;
                    }
                    // "12-13 March." ends at the name; "Sept." keeps its stop.
                    if s[..c.end].ends_with('.') {
                        let (w, _) = prev_word(s, c.end - 1);
                        if w.len() > 4 && month_number(w).is_some() {
                            c.end -= 1;
                        }
                    }
                    pos = if c.end > m.start() { c.end } else { super::next_char(s, m.start()) };
                    out.push(c);
                }
                _ => pos = super::next_char(s, m.start()),
            }
        }
        out
    }

    /// Half `n` or quarter `n` of year `y`; `None` for a third half.
    fn half_or_quarter(y: i32, n: u32, half: bool) -> Option<Val> {
        match half {
            true if n > 2 => None,
            true => Some(Val::Half(y, n)),
            false => Some(Val::Quarter(y, n)),
        }
    }

    /// Month `m` day `d` at `start..end`: on the `year` given (kind
    /// `date`), else resolved by the clause's tense (kind `relative`).
    fn dated_day(
        &self,
        ctx: &Ctx,
        m: u32,
        d: u32,
        year: Option<Mat>,
        start: usize,
        end: usize,
    ) -> Option<Cand> {
        if let Some(y) = year {
            let y: i32 = y.as_str().parse().ok()?;
            return Some(day_cand(start, end, Val::Day(Date::new(y, m, d)?), "date"));
        }
        let val = self.month_day(ctx, m, d, start, end)?;
        Some(day_cand(start, end, val, "relative"))
    }

    /// Resolves month `m` day `d` without a year by the clause's tense.
    fn month_day(&self, ctx: &Ctx, m: u32, d: u32, start: usize, end: usize) -> Option<Val> {
        match ctx.reference {
            Some(r) => Self::resolve_month_day(m, d, r, || self.is_future(ctx.s, start, end)),
            None => (d <= days_in_month(2024, m)).then_some(Val::NoYearDay(m, d)),
        }
    }

    /// Day `d` of the reference month, or of the month before (past) or
    /// after (future) when that is where such a day lies.
    fn day_of_month(&self, ctx: &Ctx, d: u32, start: usize, end: usize) -> Option<Val> {
        let r = ctx.reference?;
        if !(1..=31).contains(&d) {
            return None;
        }
        let future = self.is_future(ctx.s, start, end);
        let mut month = (r.year, r.month);
        for _ in 0..3 {
            let (y, m) = month;
            if let Some(x) = Date::new(y, m, d) {
                let ok = if future { x >= r } else { x <= r };
                if ok {
                    return Some(Val::Day(x));
                }
            }
            month = shift_month(y, m, if future { 1 } else { -1 });
        }
        None
    }

    fn extra_one(&self, caps: &Caps, ctx: &Ctx) -> Option<Cand> {
        let s = ctx.s;
        let all = caps.get(0)?;
        if let Some(wy) = caps.name("wy") {
            return self.word_year_cand(caps, ctx, wy.as_str());
        }
        if let Some(mon) = caps.name("g_mon") {
            let m = month_number(mon.as_str())?;
            // "DEC7" in a table is a contract code, not a day.
            if mon.as_str().chars().all(|c| c.is_ascii_uppercase()) {
                return None;
            }
            let d = day_value(caps.name("g_day")?.as_str())?;
            return self.dated_day(ctx, m, d, caps.name("g_year"), all.start(), all.end());
        }
        if let Some(mon) = caps.name("h_mon") {
            let m = month_number(mon.as_str())?;
            let d = day_value(caps.name("h_day")?.as_str())?;
            let val = self.month_day(ctx, m, d, all.start(), all.end())?;
            return Some(day_cand(all.start(), all.end(), val, "relative"));
        }
        if let Some(y) = caps.name("n_y") {
            if caps.name("n_s1")?.as_str() != caps.name("n_s2")?.as_str()
                || glued_before(s, all.start())
                || continues_numeric(s, all.end())
            {
                return None;
            }
            let mt = caps.name("n_m")?.as_str();
            let m = mt.parse().ok().or_else(|| month_number(mt))?;
            let d = caps.name("n_d")?.as_str().parse().ok()?;
            let date = Date::new(y.as_str().parse().ok()?, m, d)?;
            return Some(day_cand(all.start(), all.end(), Val::Day(date), "date"));
        }
        if let Some(m) = caps.name("oo") {
            return odd_order_day(caps, s, m.start(), m.end());
        }
        if let Some(a) = caps.name("u_a") {
            let s1 = caps.name("u_s1")?.as_str();
            let s2 = caps.name("u_s2")?.as_str().trim();
            let yt = caps.name("u_y")?.as_str();
            if !(s1 == s2 || s2 == "," && s1 == "/")
                || glued_before(s, all.start())
                || continues_numeric(s, all.end())
                || s1 == "." && yt.len() == 2
            {
                return None;
            }
            let y: i32 = yt.parse().ok()?;
            let y = if yt.len() == 2 { two_digit_year(y, ctx.reference) } else { y };
            let a: u32 = a.as_str().parse().ok()?;
            let bt = caps.name("u_b")?.as_str();
            let date = match bt.parse::<u32>() {
                Ok(b) if (s1 == "/" || s1 == "-") && a <= 12 => {
                    Date::new(y, a, b).or_else(|| Date::new(y, b, a))?
                }
                Ok(b) => Date::new(y, b, a).or_else(|| Date::new(y, a, b))?,
                Err(_) => Date::new(y, month_number(bt)?, a)?,
            };
            return Some(day_cand(all.start(), all.end(), Val::Day(date), "date"));
        }
        if let Some(mm) = caps.name("my_m") {
            let m: u32 = mm.as_str().parse().ok()?;
            let y: i32 = caps.name("my_y")?.as_str().parse().ok()?;
            if !(1..=12).contains(&m)
                || glued_before(s, all.start())
                || continues_numeric(s, all.end())
            {
                return None;
            }
            return Some(Cand::new(all.start(), all.end(), Val::Month(y, m), "date"));
        }
        if let Some(yy) = caps.name("ym_y") {
            let y: i32 = yy.as_str().parse().ok()?;
            let mt = caps.name("ym_m")?.as_str();
            let m: u32 = mt.parse().ok()?;
            // "2011-12" is a fiscal year: a month only when it cannot be one.
            let two_digit_year = mt.len() == 2 && i32::try_from(m).ok()? > y % 100;
            // "Partnership No 1978-2": a serial number.
            let serial =
                in_list(prev_word(s, all.start()).0, &["no", "nos", "number", "resolution"]);
            // "1986/7", "2016/17": a fiscal year, not a month.
            let next_year = i32::try_from(m).ok()? == (y + 1) % 10i32.pow(mt.len() as u32);
            if !(1..=12).contains(&m)
                || two_digit_year
                || next_year
                || serial
                || glued_before(s, all.start())
                || continues_numeric(s, all.end())
            {
                return None;
            }
            return Some(Cand::new(all.start(), all.end(), Val::Month(y, m), "date"));
        }
        if let Some(yy) = caps.name("yn_y") {
            let y: i32 = yy.as_str().parse().ok()?;
            let mt = caps.name("yn_m")?;
            let m = month_number(mt.as_str())?;
            let full = mt.as_str().len() > 3 && !matches!(m, 5 | 3 | 8);
            // "in 2017 april": a month name after a year; "2016 may" could
            // be a modal verb, so only names that are not words.
            if glued_before(s, all.start()) || !full && !in_list(mt.as_str(), &["nov", "oct"]) {
                return None;
            }
            return Some(Cand::new(all.start(), all.end(), Val::Month(y, m), "date"));
        }
        if let Some(mon) = caps.name("oy_mon") {
            // "born in April of 87": a year of two digits after `of`; not
            // "April of 87 people".
            if word_follows(s, all.end()) || continues_numeric(s, all.end()) {
                return None;
            }
            let m = month_number(mon.as_str())?;
            let y = two_digit_year(caps.name("oy_y")?.as_str().parse().ok()?, ctx.reference);
            return match caps.name("oy_day") {
                Some(d) => {
                    let d = day_value(d.as_str())?;
                    Some(day_cand(all.start(), all.end(), Val::Day(Date::new(y, m, d)?), "date"))
                }
                None => Some(Cand::new(all.start(), all.end(), Val::Month(y, m), "date")),
            };
        }
        if let Some(a) = caps.name("mr_a") {
            return self.month_range(caps, ctx, a);
        }
        if let Some(a) = caps.name("mm_a") {
            let ma = month_number(a.as_str())?;
            let mb = month_number(caps.name("mm_b")?.as_str())?;
            let y: i32 = caps.name("mm_y")?.as_str().parse().ok()?;
            let ya = if ma > mb { y - 1 } else { y };
            let mut c = Cand::new(all.start(), all.end(), Val::Month(ya, ma), "date");
            c.to = Some(Val::Month(y, mb));
            // "Nov-Feb 5th, 2017": up to that day of the second month.
            if let Some(d) = caps.name("mm_d") {
                c.to = Some(Val::Day(Date::new(y, mb, d.as_str().parse().ok()?)?));
            }
            return Some(c);
        }
        if caps.name("ndr_a").is_some() {
            return self.numeric_day_range(caps, ctx);
        }
        if caps.name("nd_b").is_some() {
            return self.numeric_day(caps, ctx);
        }
        if let Some(w) = caps.name("w_day") {
            let d = day_value(w.as_str())?;
            // "the 15th day of June" is written `15th day of June`.
            let start = if caps.name("w_dw").is_some() { w.start() } else { all.start() };
            if let Some(rel) = caps.name("w_rel") {
                // "the 26th day of the month": of the reference month.
                let day = day_of_month(ctx.reference?, rel.as_str(), d)?;
                return Some(day_cand(start, all.end(), Val::Day(day), "relative"));
            }
            // "15th of June" alone is the first expression's.
            if caps.name("w_dw").is_none() && w.as_str().starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            let m = month_number(caps.name("w_mon")?.as_str())?;
            if let Some(y) = caps.name("w_year") {
                let y: i32 = y.as_str().parse().ok()?;
                return Some(day_cand(start, all.end(), Val::Day(Date::new(y, m, d)?), "date"));
            }
            let end = caps.name("w_mon")?.end();
            let val = self.month_day(ctx, m, d, start, end)?;
            return Some(day_cand(start, end, val, "relative"));
        }
        if let Some(mon) = caps.name("vr_mon") {
            // A month with a range of days, one of them in words.
            let m = month_number(mon.as_str())?;
            let a = day_value(caps.name("vr_a")?.as_str())?;
            let b = day_value(caps.name("vr_b")?.as_str())?;
            let digits = |g: &str| {
                caps.name(g).is_some_and(|x| x.as_str().ends_with(|c: char| c.is_ascii_digit()))
            };
            // "May 5 to 10" is the first expression's; "may 5 to 10 people" no date.
            if digits("vr_a") && digits("vr_b") || a >= b || b > 31 || a == 0 {
                return None;
            }
            let mut c = self.dated_day(ctx, m, a, caps.name("vr_y"), all.start(), all.end())?;
            c.to = match c.val {
                Val::Day(x) => Some(Val::Day(Date::new(x.year, m, b)?)),
                _ => Some(Val::NoYearDay(m, b)),
            };
            c.has_day = false;
            return Some(c);
        }
        if let Some(mon) = caps.name("v_mon") {
            let m = month_number(mon.as_str())?;
            let dw = caps.name("v_day")?;
            let d = day_value(dw.as_str())?;
            if !(1..=31).contains(&d) {
                return None;
            }
            // "In May two people died", "you may first ask": a cardinal or a
            // lower-case modal needs the day to end the phrase.
            let cardinal = !dw.as_str().to_ascii_lowercase().ends_with(['t', 'd', 'h']);
            let lower_may = !is_capitalized(mon.as_str()) && matches!(m, 3 | 5 | 8);
            if caps.name("v_year").is_none() && (cardinal || lower_may) && word_follows(s, dw.end())
            {
                return None;
            }
            return self.dated_day(ctx, m, d, caps.name("v_year"), all.start(), all.end());
        }
        if let Some(a) = caps.name("dr_a") {
            return self.day_range(caps, ctx, a.as_str());
        }
        if let Some(mon) = caps.name("mb_mon") {
            let m = month_number(mon.as_str())?;
            let a = day_value(caps.name("mb_a")?.as_str())?;
            let b = day_value(caps.name("mb_b")?.as_str())?;
            if a >= b || b > 31 {
                return None;
            }
            let val = self.month_day(ctx, m, a, all.start(), all.end())?;
            let mut c = Cand::new(all.start(), all.end(), val, "relative");
            c.to = match val {
                Val::Day(x) => Some(Val::Day(Date::new(x.year, m, b)?)),
                _ => Some(Val::NoYearDay(m, b)),
            };
            return Some(c);
        }
        if let Some(wd) = caps.name("wdd_wd") {
            return self.weekday_day(caps, ctx, wd.as_str());
        }
        if let Some(n) = caps.name("nw_n") {
            return self.nth_weekday_cand(caps, ctx, n.as_str());
        }
        if caps.name("th").is_some() || caps.name("th2").is_some() {
            return self.the_nth(caps, ctx);
        }
        if caps.name("wk").is_some() {
            return self.week_of_period(caps, ctx);
        }
        if caps.name("nx").is_some() || caps.name("nx2").is_some() {
            return self.next_n(caps, ctx);
        }
        if let Some(lu) = caps.name("lu") {
            return self.last_unit(caps, ctx, lu.start(), lu.end());
        }
        if let Some(m) = caps.name("in") {
            let r = ctx.reference?;
            // "in two days from today": the count belongs to what follows.
            let rest = s[m.end()..].trim_start().to_ascii_lowercase();
            let counted = ["from", "after", "before"].iter().any(|w| {
                rest.strip_prefix(w).is_some_and(|r| {
                    let r = r.trim_start();
                    ["now", "today", "tomorrow", "yesterday"].iter().any(|b| r.starts_with(b))
                })
            });
            if counted {
                return None;
            }
            let n = count(caps.name("in_n").or_else(|| caps.name("in_n2"))?.as_str())?;
            let unit =
                caps.name("in_u").or_else(|| caps.name("in_u2"))?.as_str().to_ascii_lowercase();
            let within = caps.name("in_w").is_some();
            // "in a fortnight's time", "in three weeks' time": ahead, whatever the tense.
            let time = ["'s time", "’s time", "' time", "’ time"].iter().any(|t| {
                rest.strip_prefix(t).is_some_and(|r| !r.starts_with(char::is_alphanumeric))
            });
            if !(time || self.is_future(s, m.start(), m.end())) || n <= 0 || n > 100 {
                return None;
            }
            let day = add_units(r, n, &unit);
            let mut c = Cand::new(m.start(), m.end(), Val::Day(day), "relative");
            if within {
                c.val = Val::Day(r);
                c.to = Some(Val::Day(day.add_days(-1)));
            }
            return Some(c);
        }
        if let Some(m) = caps.name("fr") {
            let r = ctx.reference?;
            let n = count(caps.name("fr_n")?.as_str())?;
            let unit = caps.name("fr_u")?.as_str().to_ascii_lowercase();
            let base = match caps.name("fr_b")?.as_str().to_ascii_lowercase().as_str() {
                "tomorrow" | "tmrw" => r.add_days(1),
                "yesterday" => r.add_days(-1),
                _ => r,
            };
            let sign =
                if caps.name("fr_w")?.as_str().eq_ignore_ascii_case("before") { -1 } else { 1 };
            let day = add_units(base, sign * n, &unit);
            // "for 3 days from today": the three days that start today.
            let (prev, prev_at) = prev_word(s, m.start());
            if prev.eq_ignore_ascii_case("for") && sign > 0 && caps.name("fr_q").is_none() {
                let mut c = Cand::new(prev_at, m.end(), Val::Day(base), "relative");
                c.to = Some(Val::Day(day.add_days(-1)));
                return Some(c);
            }
            let mut c = Cand::new(m.start(), m.end(), Val::Day(day), "relative");
            // "more than 2 weeks before today" lies before that day; "less
            // than 3 days after tomorrow" is the span between the two.
            match caps.name("fr_q").map(|q| q.as_str().to_ascii_lowercase()).as_deref() {
                Some("more") => c.modifier = if sign < 0 { "BEFORE" } else { "AFTER" },
                Some(_) if sign < 0 => c.to = Some(Val::Day(base)),
                Some(_) => {
                    c.val = Val::Day(base);
                    c.to = Some(Val::Day(day));
                }
                None => {}
            }
            return Some(c);
        }
        if let Some(m) = caps.name("dd") {
            let r = ctx.reference?;
            let day = if caps.name("tmrw").is_some() {
                r.add_days(1)
            } else {
                let base = match caps.name("dd_b")?.as_str().to_ascii_lowercase().as_str() {
                    "yesterday" => r.add_days(-1),
                    _ => r.add_days(1),
                };
                let after = caps.name("dd_w")?.as_str().eq_ignore_ascii_case("after");
                base.add_days(if after { 1 } else { -1 })
            };
            return Some(Cand::new(m.start(), m.end(), Val::Day(day), "relative"));
        }
        if let Some(m) = caps.name("wan") {
            let r = ctx.reference?;
            return Some(Cand::new(m.start(), m.end(), week_of(r.add_days(14)), "relative"));
        }
        if let Some(m) = caps.name("rest") {
            let r = ctx.reference?;
            let last = match caps.name("rest_u")?.as_str().to_ascii_lowercase().as_str() {
                "week" => monday(r).add_days(6),
                "month" => Date::new(r.year, r.month, days_in_month(r.year, r.month))?,
                _ => Date::new(r.year, 12, 31)?,
            };
            let mut c = Cand::new(m.start(), m.end(), Val::Day(r), "relative");
            c.to = Some(Val::Day(last));
            return Some(c);
        }
        if let Some(m) = caps.name("that") {
            // "that year-to-date sales": a modifier, not a time.
            if s[m.end()..].starts_with(['-', '–']) {
                return None;
            }
            let unit = caps.name("that_u")?.as_str().to_ascii_lowercase();
            // "that year" after "in 2003": the year named before.
            let anchored = match (unit.as_str(), ctx.anchor) {
                ("year", Some(Val::Year(y) | Val::Month(y, _))) => Some(Val::Year(y)),
                ("year", Some(Val::Day(d))) => Some(Val::Year(d.year)),
                ("month", Some(Val::Month(y, mo))) => Some(Val::Month(y, mo)),
                ("month", Some(Val::Day(d))) => Some(Val::Month(d.year, d.month)),
                ("week", Some(Val::Day(d))) => Some(week_of(d)),
                _ => None,
            };
            if let Some(v) = anchored {
                return Some(Cand::new(m.start(), m.end(), v, "relative"));
            }
            let v = match unit.as_str() {
                "weekend" => "XXXX-WXX-WE",
                "week" => "XXXX-WXX",
                "month" => "XXXX-XX",
                _ => "XXXX",
            };
            return Some(Cand::new(m.start(), m.end(), Val::Vague(v), "relative"));
        }
        if let Some(m) = caps.name("tdate") {
            // "the best to date": up to now; "up to date", "out of date" are not dates.
            let (prev, _) = prev_word(s, m.start());
            let number = s[m.end()..].trim_start().starts_with(|c: char| c.is_ascii_digit());
            if number
                || in_list(prev, &["up", "out", "of", "a", "the"])
                || word_follows(s, m.end()) && {
                    let w = next_word(s, m.end());
                    !in_list(w, &["and", "but", "or", "in", "for", "on", "the", "this"])
                }
            {
                return None;
            }
            return Some(Cand::new(m.start(), m.end(), Val::Vague("PRESENT_REF"), "vague"));
        }
        if let Some(m) = caps.name("yq2") {
            let r = ctx.reference?;
            let y = match caps.name("yq2_rel")?.as_str().to_ascii_lowercase().as_str() {
                "next" => r.year + 1,
                "last" => r.year - 1,
                _ => r.year,
            };
            let n = position(caps.name("yq2_n")?.as_str())?;
            let half = caps.name("yq2_u")?.as_str().eq_ignore_ascii_case("half");
            return Some(Cand::new(
                m.start(),
                m.end(),
                Self::half_or_quarter(y, n, half)?,
                "relative",
            ));
        }
        if let Some(m) = caps.name("dw") {
            // "a man in his forties" is an age, not a decade.
            let (p1, p1_at) = prev_word(s, m.start());
            let (p2, _) = prev_word(s, p1_at);
            let owners = ["his", "her", "their", "my", "your", "our", "its", "whose"];
            if in_list(p1, &owners) || in_list(p2, &owners) {
                return None;
            }
            let n = match caps.name("dw_n")?.as_str().to_ascii_lowercase().as_str() {
                "twenties" => 2,
                "thirties" => 3,
                "forties" => 4,
                "fifties" => 5,
                "sixties" => 6,
                "seventies" => 7,
                "eighties" => 8,
                _ => 9,
            };
            return Some(Cand::new(m.start(), m.end(), Val::Decade(190 + n), "date").modifiable());
        }
        if let Some(m) = caps.name("ytd") {
            let r = ctx.reference?;
            let mut c =
                Cand::new(m.start(), m.end(), Val::Day(Date::new(r.year, 1, 1)?), "relative");
            c.to = Some(Val::Day(r));
            return Some(c);
        }
        if let Some(m) = caps.name("hol") {
            return self.extra_holiday(caps, ctx, m.start(), m.end());
        }
        if let Some(m) = caps.name("qq") {
            let r = ctx.reference?;
            let delta: i64 = match caps.name("qq_w")?.as_str().to_ascii_lowercase().as_str() {
                "this" | "current" => 0,
                "last" | "previous" | "past" => -1,
                _ => 1,
            };
            let q = i64::from((r.month - 1) / 3) + delta;
            let y = r.year + q.div_euclid(4) as i32;
            let n = q.rem_euclid(4) as u32 + 1;
            return Some(Cand::new(m.start(), m.end(), Val::Quarter(y, n), "relative"));
        }
        if let Some(m) = caps.name("nq") {
            // Whole quarters before or after the reference's own quarter.
            let r = ctx.reference?;
            // "the past several quarters" stays vague: only a number counts.
            let nt = caps.name("nq_n")?.as_str();
            let n = number_word(nt).or_else(|| nt.parse().ok())?;
            if !(1..=40).contains(&n) {
                return None;
            }
            let w = caps.name("nq_w")?.as_str().to_ascii_lowercase();
            let now = i64::from(r.year) * 4 + i64::from((r.month - 1) / 3);
            let (a, b) = match w.as_str() {
                "past" | "last" | "previous" => (now - n, now - 1),
                _ => (now + 1, now + n),
            };
            let quarter = |q: i64| Val::Quarter(q.div_euclid(4) as i32, q.rem_euclid(4) as u32 + 1);
            let mut c = Cand::new(m.start(), m.end(), quarter(a), "relative");
            c.to = Some(quarter(b));
            return Some(c);
        }
        let yq = caps.name("yq_y").map(|y| (y, caps.name("yq_k"), caps.name("yq_n")));
        let qy = caps.name("qy_y").map(|y| (y, caps.name("qy_k"), caps.name("qy_n")));
        if let Some((y, Some(k), Some(n))) = yq.or(qy) {
            let y: i32 = y.as_str().parse().ok()?;
            let n: u32 = n.as_str().parse().ok()?;
            let half = k.as_str().eq_ignore_ascii_case("h");
            return Some(Cand::new(
                all.start(),
                all.end(),
                Self::half_or_quarter(y, n, half)?,
                "date",
            ));
        }
        if let Some(m) = caps.name("tu") {
            return self.the_unit(caps, ctx, m.start(), m.end());
        }
        if let Some(m) = caps.name("pu") {
            return self.part_of_year(caps, ctx, m.start(), m.end());
        }
        if let Some(m) = caps.name("om") {
            let (y, kind) = year_of_caps(caps.name("om_y"), caps.name("om_rel"), ctx.reference)?;
            let n = day_value(caps.name("om_n")?.as_str())?;
            if !(1..=12).contains(&n) {
                return None;
            }
            return Some(Cand::new(m.start(), m.end(), Val::Month(y, n), kind));
        }
        if let Some(m) = caps.name("wn") {
            return self.week_number(caps, ctx, m.start(), m.end());
        }
        if let Some(m) = caps.name("cd") {
            // An eight-digit date: not inside a longer number or amount.
            let before = s[..m.start()].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || "$€£#.,+".contains(c))
                || continues_numeric(s, m.end())
            {
                return None;
            }
            let y = caps.name("cd_y")?.as_str().parse().ok()?;
            let mo = caps.name("cd_m")?.as_str().parse().ok()?;
            let d = caps.name("cd_d")?.as_str().parse().ok()?;
            return Some(day_cand(m.start(), m.end(), Val::Day(Date::new(y, mo, d)?), "date"));
        }
        if let Some(m) = caps.name("fy") {
            // "FY2008", "cy18": the year itself, as TimeBank writes `fiscal 1989`.
            if glued_before(s, m.start()) || continues_numeric(s, m.end()) {
                return None;
            }
            let yt = caps.name("fy_y")?.as_str();
            let y: i32 = yt.parse().ok()?;
            let y = if yt.len() == 2 { two_digit_year(y, ctx.reference) } else { y };
            return Some(Cand::new(m.start(), m.end(), Val::Year(y), "date"));
        }
        if let Some(m) = caps.name("cent") {
            let n: i32 = caps.name("cent_n")?.as_str().parse().ok()?;
            if !(1..=21).contains(&n) {
                return None;
            }
            return Some(Cand::new(m.start(), m.end(), Val::Century(n - 1), "date"));
        }
        None
    }

    /// `on 4/22`, `22/04`, `on 4-22`, `in 4.22`: month and day without a
    /// year, only where a date is expected.
    /// A year in words, with the month and day written before it
    /// (`August two thousand and five`, `13 Sept nineteen seventy two`,
    /// `January twenty five nineteen eighty six`).
    fn word_year_cand(&self, caps: &Caps, ctx: &Ctx, text: &str) -> Option<Cand> {
        let s = ctx.s;
        let all = caps.get(0)?;
        let y = word_year(text)?;
        let next = next_word(s, all.end()).to_ascii_lowercase();
        if !in_list(&next, AFTER_WORD_YEAR) || s[all.end()..].starts_with('-') {
            return None;
        }
        // The word before `pos`, past spaces, a comma, a hyphen, an
        // abbreviation's stop and `the` ("September the twenty-first").
        let word_before = |pos: usize| {
            let t = s[..pos].trim_end_matches([' ', ',', '.', '-']);
            let (w, at) = prev_word(t, t.len());
            if w.eq_ignore_ascii_case("the") {
                let t = s[..at].trim_end();
                return prev_word(t, t.len());
            }
            (w, at)
        };
        let day_of = |w: &str| day_value(w).filter(|d| (1..=31).contains(d) && !w.is_empty());
        let (w1, at1) = word_before(all.start());
        let (month, day, start) = if let Some(m) = month_number(w1) {
            // "13 Sept nineteen seventy two", "twenty five January ..."
            let (w2, at2) = word_before(at1);
            let (w3, at3) = word_before(at2);
            let two = format!("{w3} {w2}");
            match (day_of(&two).filter(|_| at2 > 0 && !w3.is_empty()), day_of(w2)) {
                (Some(d), _) if w3.len() > 3 => (Some(m), Some(d), at3),
                (_, Some(d)) => (Some(m), Some(d), at2),
                _ => (Some(m), None, at1),
            }
        } else if let Some(d) = day_of(w1) {
            // "January twenty five nineteen eighty six", "May 4, nineteen ..."
            let (w2, at2) = word_before(at1);
            let two = format!("{w2} {w1}");
            match (month_number(w2), day_of(&two).and(Some(word_before(at2)))) {
                (Some(m), _) => (Some(m), Some(d), at2),
                (None, Some((w3, at3))) if month_number(w3).is_some() => {
                    (month_number(w3), day_of(&two), at3)
                }
                _ => (None, None, all.start()),
            }
        } else {
            (None, None, all.start())
        };
        let Some(m) = month else {
            if !in_list(w1, WORD_YEAR_CUES) {
                return None;
            }
            return Some(Cand::new(all.start(), all.end(), Val::Year(y), "date"));
        };
        let Some(d) = day else {
            return Some(Cand::new(start, all.end(), Val::Month(y, m), "date"));
        };
        let mut c = Cand::new(start, all.end(), Val::Day(Date::new(y, m, d)?), "date");
        c.has_day = true;
        Some(c)
    }

    /// `10/1-11/7`, `from 10/1 to 11/7`, `5/1-5/7/2020`: two numeric
    /// days, month first (day first when a first number exceeds 12).
    /// Without a year the range must run forward within the year.
    fn numeric_day_range(&self, caps: &Caps, ctx: &Ctx) -> Option<Cand> {
        let s = ctx.s;
        let a = caps.name("ndr_a")?;
        let all = caps.get(0)?;
        let (start, end) = (a.start(), all.end());
        if glued_before(s, start) || continues_numeric(s, end) {
            return None;
        }
        let num = |g: &str| caps.name(g)?.as_str().parse::<u32>().ok();
        let (a, b, c, d) = (num("ndr_a")?, num("ndr_b")?, num("ndr_c")?, num("ndr_d")?);
        let ((m1, d1), (m2, d2)) =
            if a > 12 || c > 12 { ((b, a), (d, c)) } else { ((a, b), (c, d)) };
        if !(1..=12).contains(&m1) || !(1..=12).contains(&m2) || d1 == 0 || d2 == 0 {
            return None;
        }
        // Fractions and odds (`from 4/6 to 1/2`, `1/8 to 3/4 point`):
        // without a year, a range of days follows a cue word, runs forward,
        // ends the phrase and is not written in fraction denominators.
        let year = caps.name("ndr_y").is_some();
        let cue = in_list(
            prev_word(s, start).0,
            &["from", "between", "on", "by", "until", "till", "since"],
        );
        let fraction = |x: u32| matches!(x, 2 | 4 | 8 | 16 | 32 | 64);
        // A number written with a leading zero (`01/25`) is no fraction: the
        // range may then run into the next year (`from 10/25 to 01/25`).
        let zero = ["ndr_a", "ndr_b", "ndr_c", "ndr_d"].iter().any(|g| {
            caps.name(g).is_some_and(|x| x.as_str().len() == 2 && x.as_str().starts_with('0'))
        });
        let backwards = (m1, d1) >= (m2, d2) && !(zero && m1 > m2);
        if !year && (!cue || backwards || word_follows(s, end) || fraction(b) && fraction(d)) {
            return None;
        }
        let (first, kind) = match caps.name("ndr_y") {
            Some(y) => {
                let y: i32 = y.as_str().parse().ok()?;
                let y1 = if (m1, d1) > (m2, d2) { y - 1 } else { y };
                (Val::Day(Date::new(y1, m1, d1)?), "date")
            }
            None => (self.month_day(ctx, m1, d1, start, end)?, "relative"),
        };
        let second = match first {
            Val::Day(x) => {
                let y = if (m1, d1) > (m2, d2) { x.year + 1 } else { x.year };
                Val::Day(Date::new(y, m2, d2)?)
            }
            _ => Val::NoYearDay(m2, d2),
        };
        if d2 > days_in_month(2024, m2) {
            return None;
        }
        let mut cand = Cand::new(start, end, first, kind);
        cand.to = Some(second);
        Some(cand)
    }

    fn numeric_day(&self, caps: &Caps, ctx: &Ctx) -> Option<Cand> {
        let s = ctx.s;
        let na = caps.name("nd_a").or_else(|| caps.name("nd_a2")).or_else(|| caps.name("nd_a3"))?;
        let all = caps.get(0)?;
        let (start, end) = (na.start(), all.end());
        let sep =
            caps.name("nd_s").or_else(|| caps.name("nd_s2")).or_else(|| caps.name("nd_s3"))?;
        let sep = sep.as_str();
        let a: u32 = na.as_str().parse().ok()?;
        let b: u32 = caps.name("nd_b")?.as_str().parse().ok()?;
        // Named events and rates, not dates.
        if matches!((a, b), (9, 11) | (7, 7) | (24, 7) | (11, 9)) {
            return None;
        }
        if glued_before(s, start) || continues_numeric(s, end) {
            return None;
        }
        let (prev, _) = prev_word(s, start);
        let weekday_before = weekday_number(prev).is_some() && prev.len() >= 3;
        let cue = in_list(
            prev,
            &[
                "on", "by", "until", "till", "since", "from", "between", "before", "after", "this",
                "next",
            ],
        );
        // "from this 5/12 to next 5/19": a range's connector after a day
        // fixed by `this`/`next` does not make it a count.
        let connector = in_list(next_word(s, end), &["to", "until", "till", "through"])
            && in_list(prev, &["this", "next"]);
        let ends = word_follows(s, end) && !connector;
        let ok = match sep {
            "/" => weekday_before || (cue || prev.eq_ignore_ascii_case("back")) && !ends,
            _ => weekday_before || (in_list(prev, &["on", "in"]) && !ends),
        };
        if !ok {
            return None;
        }
        let (m, d) = if sep == "/" && a > 12 { (b, a) } else { (a, b) };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        let val = self.month_day(ctx, m, d, start, end)?;
        let mut c = Cand::new(start, end, val, "relative");
        c.has_day = true;
        Some(c)
    }

    /// `from 4 to 22 this month`, `between 3 and 12 of Sept`.
    fn day_range(&self, caps: &Caps, ctx: &Ctx, a: &str) -> Option<Cand> {
        let all = caps.get(0)?;
        let a = day_value(a)?;
        let b = day_value(caps.name("dr_b")?.as_str())?;
        // A day in words needs a cue ("from ninth till seventeenth of
        // April"): "second to fourth of the ..." in a list is no date.
        let words = !caps.name("dr_a")?.as_str().starts_with(|c: char| c.is_ascii_digit());
        if words && caps.name("dr_from").is_none() && caps.name("dr_the").is_none() {
            return None;
        }
        let conn = caps.name("dr_c")?.as_str().to_ascii_lowercase();
        let from = caps.name("dr_from").map(|f| f.as_str().to_ascii_lowercase());
        if conn == "and" && from.as_deref() != Some("between") || a >= b || b > 31 || a == 0 {
            return None;
        }
        if glued_before(ctx.s, all.start()) {
            return None;
        }
        let (y, m, kind) = if let Some(rel) = caps.name("dr_rel") {
            let r = ctx.reference?;
            let delta = match rel.as_str().to_ascii_lowercase().as_str() {
                "next" => 1,
                "last" => -1,
                _ => 0,
            };
            let (y, m) = shift_month(r.year, r.month, delta);
            (Some(y), m, "relative")
        } else {
            let m = month_number(caps.name("dr_mon")?.as_str())?;
            match caps.name("dr_y") {
                Some(y) => (Some(y.as_str().parse().ok()?), m, "date"),
                None => {
                    let y = match self.month_day(ctx, m, a, all.start(), all.end())? {
                        Val::Day(d) => Some(d.year),
                        _ => None,
                    };
                    (y, m, "relative")
                }
            }
        };
        let (va, vb) = match y {
            Some(y) => (Val::Day(Date::new(y, m, a)?), Val::Day(Date::new(y, m, b)?)),
            None => (Val::NoYearDay(m, a), Val::NoYearDay(m, b)),
        };
        let mut c = Cand::new(all.start(), all.end(), va, kind);
        c.to = Some(vb);
        Some(c)
    }

    /// `Friday the 15th`, `monday 21`: the day of the month near the
    /// reference that falls on that weekday.
    fn weekday_day(&self, caps: &Caps, ctx: &Ctx, wd: &str) -> Option<Cand> {
        let all = caps.get(0)?;
        let dw = caps.name("wdd_day")?;
        let target = weekday_number(wd)?;
        let d = day_value(dw.as_str())?;
        if !(1..=31).contains(&d)
            || word_follows(ctx.s, all.end())
            || continues_numeric(ctx.s, all.end())
        {
            return None;
        }
        let r = ctx.reference?;
        let future = self.is_future(ctx.s, all.start(), all.end());
        let step = if future { 1 } else { -1 };
        let mut month = (r.year, r.month);
        let mut found = None;
        for _ in 0..14 {
            if let Some(x) = Date::new(month.0, month.1, d) {
                if x.weekday() == target {
                    found = Some(x);
                    break;
                }
            }
            month = shift_month(month.0, month.1, step);
        }
        let day = found.or_else(|| match self.day_of_month(ctx, d, all.start(), all.end()) {
            Some(Val::Day(x)) => Some(x),
            _ => None,
        })?;
        let mut c = Cand::new(all.start(), all.end(), Val::Day(day), "relative");
        c.has_day = true;
        Some(c)
    }

    /// `the first Friday of July`, `second Sunday` (of the reference month).
    fn nth_weekday_cand(&self, caps: &Caps, ctx: &Ctx, n: &str) -> Option<Cand> {
        let all = caps.get(0)?;
        let n = position(n)?;
        let wd = weekday_number(caps.name("nw_wd")?.as_str())?;
        let r = ctx.reference?;
        let (y, m) = if let Some(rel) = caps.name("nw_rel") {
            let delta = match rel.as_str().to_ascii_lowercase().as_str() {
                "next" => 1,
                "last" => -1,
                _ => 0,
            };
            shift_month(r.year, r.month, delta)
        } else if let Some(mon) = caps.name("nw_mon") {
            let m = month_number(mon.as_str())?;
            match Self::resolve_month(m, r, || self.is_future(ctx.s, all.start(), all.end()), "") {
                Val::Month(y, m) => (y, m),
                _ => return None,
            }
        } else {
            (r.year, r.month)
        };
        let day = nth_weekday(y, m, wd, n)?;
        Some(Cand::new(all.start(), all.end(), Val::Day(day), "relative"))
    }

    /// `on the 18th`, `for the 27`, `20th of next month`, `on 15`.
    fn the_nth(&self, caps: &Caps, ctx: &Ctx) -> Option<Cand> {
        let s = ctx.s;
        let th = caps.name("th").or_else(|| caps.name("th2"))?;
        let dw = caps.name("th_day").or_else(|| caps.name("th2_day"))?;
        let d = day_value(dw.as_str())?;
        let cue = caps.name("th_cue").map(|c| c.as_str().to_ascii_lowercase());
        let has_the = caps.name("th_the").is_some();
        let ordinal = !dw.as_str().as_bytes()[dw.len() - 1].is_ascii_digit();
        let bare_digits = !ordinal;
        if !(1..=31).contains(&d) || glued_before(s, th.start()) || continues_numeric(s, th.end()) {
            return None;
        }
        if let Some(rel) = caps.name("th_rel").or_else(|| caps.name("th2_rel")) {
            let date = day_of_month(ctx.reference?, rel.as_str(), d)?;
            let mut c = Cand::new(th.start(), th.end(), Val::Day(date), "relative");
            c.has_day = true;
            return Some(c);
        }
        // Alone: `on the 18th.` — a cue before, nothing after but a stop,
        // and not "for the second time".
        let rest = s[th.end()..].trim_start();
        let stop = rest.is_empty() || rest.starts_with(['.', '!', '?', ',', ';', ')']);
        // "the week of the 18th": the day names its week.
        let week_of = cue.as_deref().is_some_and(|c| c.starts_with("week")) && has_the && ordinal;
        let cued = week_of
            || matches!(cue.as_deref(), Some("on" | "for" | "by" | "until" | "till" | "since"));
        let ok = stop && cued && (has_the || dw.as_str().len() > 2 && !bare_digits);
        // "for the 27" needs `the`; "on 15" is too often a score or a count.
        let ok = ok && (has_the || cue.as_deref() != Some("for"));
        if !ok {
            return None;
        }
        let val = self.day_of_month(ctx, d, th.start(), th.end())?;
        let mut c = Cand::new(th.start(), th.end(), val, "relative");
        c.has_day = true;
        Some(c)
    }

    /// `the first week of July`, `the last week of 2016`, `the third week
    /// of this month`.
    fn week_of_period(&self, caps: &Caps, ctx: &Ctx) -> Option<Cand> {
        let m = caps.name("wk")?;
        let n = position(caps.name("wk_n")?.as_str())?;
        let r = ctx.reference;
        let val = if let Some(y) = caps.name("wk_y") {
            let y: i32 = y.as_str().parse().ok()?;
            let w = if n == 0 { Date::new(y, 12, 28)?.iso_week().1 } else { n };
            Val::Week(y, w)
        } else {
            let (y, mo) = if let Some(mon) = caps.name("wk_mon") {
                let mo = month_number(mon.as_str())?;
                match caps.name("wk_my") {
                    Some(y) => (y.as_str().parse().ok()?, mo),
                    None => {
                        let future = || self.is_future(ctx.s, m.start(), m.end());
                        match Self::resolve_month(mo, r?, future, "") {
                            Val::Month(y, mo) => (y, mo),
                            _ => return None,
                        }
                    }
                }
            } else {
                let r = r?;
                let rel = caps.name("wk_rel")?.as_str().to_ascii_lowercase();
                let delta = match rel.as_str() {
                    "next" => 1,
                    "last" => -1,
                    _ => 0,
                };
                if caps.name("wk_ru")?.as_str().eq_ignore_ascii_case("year") {
                    let y = r.year + delta as i32;
                    let w = if n == 0 { Date::new(y, 12, 28)?.iso_week().1 } else { n };
                    return Some(Cand::new(m.start(), m.end(), Val::Week(y, w), "relative"));
                }
                shift_month(r.year, r.month, delta)
            };
            // The last week is the last one mostly in the month.
            let day = if n == 0 {
                Date::new(y, mo, days_in_month(y, mo))?.add_days(-3)
            } else {
                Date::new(y, mo, 1)?.add_days(7 * (i64::from(n) - 1))
            };
            week_of(day)
        };
        Some(Cand::new(m.start(), m.end(), val, "relative"))
    }

    /// `next 3 days`, `past few weeks`, `the 5 upcoming years`.
    fn next_n(&self, caps: &Caps, ctx: &Ctx) -> Option<Cand> {
        let m = caps.name("nx").or_else(|| caps.name("nx2"))?;
        let r = ctx.reference?;
        let w = caps.name("nx_w").or_else(|| caps.name("nx_w2"))?.as_str().to_ascii_lowercase();
        let n = count(caps.name("nx_n").or_else(|| caps.name("nx_n2"))?.as_str())?;
        let unit = caps.name("nx_u").or_else(|| caps.name("nx_u2"))?.as_str().to_ascii_lowercase();
        if n <= 0 || n > 100 {
            return None;
        }
        let forward = matches!(w.as_str(), "next" | "coming" | "upcoming" | "following");
        // "the next 4 business days": Monday to Friday only.
        if unit.ends_with(" days") {
            let step = if forward { 1 } else { -1 };
            let mut days = Vec::new();
            let mut d = r;
            while days.len() < usize::try_from(n).ok()? {
                d = d.add_days(step);
                if d.weekday() < 5 {
                    days.push(d);
                }
            }
            let (first, last) = (*days.first()?, *days.last()?);
            let (a, b) = if forward { (first, last) } else { (last, first) };
            let mut c = Cand::new(m.start(), m.end(), Val::Day(a), "relative");
            c.to = Some(Val::Day(b));
            return Some(c);
        }
        // "the last 3 months and 2 weeks and 2 days": one span of all the
        // counts, from the largest unit down.
        // A last count followed by `ago` or `later` is a date of its own
        // ("the last 3 months and 2 days ago").
        let mut counts = vec![(n, unit)];
        let mut end = m.end();
        if let Some(more) = caps.name("nx_more") {
            let own = ["ago", "later", "earlier", "before", "after"];
            if in_list(next_word(ctx.s, more.end()), &own) {
                end = more.start();
            } else {
                let first = caps.name("nx_n")?.as_str();
                let text = format!("{first} {} {}", counts[0].1, more.as_str());
                counts = super::counted_units(&text, "")?;
            }
        }
        let (a, b) = if forward {
            let start = r.add_days(1);
            let end = counts.iter().fold(start, |d, (n, u)| add_units(d, *n, u));
            (start, end.add_days(-1))
        } else {
            (counts.iter().fold(r, |d, (n, u)| add_units(d, -n, u)), r.add_days(-1))
        };
        let mut c = Cand::new(m.start(), end, Val::Day(a), "relative");
        c.to = Some(Val::Day(b));
        Some(c)
    }

    /// `past month`, `coming week`, `previous year`, `this decade`.
    fn last_unit(&self, caps: &Caps, ctx: &Ctx, start: usize, end: usize) -> Option<Cand> {
        let r = ctx.reference?;
        let w = caps.name("lu_w").or_else(|| caps.name("lu_w2"))?.as_str().to_ascii_lowercase();
        let unit = caps.name("lu_u").or_else(|| caps.name("lu_u2"))?.as_str().to_ascii_lowercase();
        let (prev, _) = prev_word(ctx.s, start);
        // "the past week" and "the next month" are spans of time (vague).
        if matches!(w.as_str(), "past" | "next" | "coming")
            && prev.eq_ignore_ascii_case("the")
            && unit != "decade"
            || unit != "decade" && matches!(w.as_str(), "this" | "next" | "last")
        {
            return None;
        }
        let delta: i64 = match w.as_str() {
            "previous" | "past" | "last" => -1,
            "this" => 0,
            _ => 1,
        };
        // "the next decade": the article belongs to a decade named this way.
        let start = match prev_word(ctx.s, start) {
            (the, at) if unit == "decade" && the.eq_ignore_ascii_case("the") => at,
            _ => start,
        };
        let val = match unit.as_str() {
            "week" => week_of(r.add_days(7 * delta)),
            "month" => {
                let (y, m) = shift_month(r.year, r.month, delta);
                Val::Month(y, m)
            }
            "year" => Val::Year(r.year + delta as i32),
            _ => Val::Decade(r.year / 10 + delta as i32),
        };
        Some(Cand::new(start, end, val, "relative"))
    }

    /// `from May to September`, `between august and october`: two month
    /// names joined into a span. Without `from`/`between` both names must
    /// be months beyond doubt (`May to March`, not `may to march`); a day or
    /// year after the second leaves the range to the other rules.
    fn month_range(&self, caps: &Caps, ctx: &Ctx, a: Mat) -> Option<Cand> {
        let s = ctx.s;
        let all = caps.get(0)?;
        let b = caps.name("mr_b")?;
        let from = caps.name("mr_from").map(|f| f.as_str().to_ascii_lowercase());
        let conn = caps.name("mr_c")?.as_str().to_ascii_lowercase();
        if (conn == "and") != (from.as_deref() == Some("between")) {
            return None;
        }
        let rest = s[b.end()..].trim_start_matches('.').trim_start();
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let sure = |w: &str| {
            let lower = w.to_ascii_lowercase();
            is_capitalized(w) || !matches!(lower.as_str(), "may" | "march" | "mar" | "august")
        };
        if from.is_none() && !(sure(a.as_str()) && sure(b.as_str())) {
            return None;
        }
        let (ma, mb) = (month_number(a.as_str())?, month_number(b.as_str())?);
        let r = ctx.reference?;
        let (va, vb) = super::combine::current_months(ma, mb, r).or_else(|| {
            // As a month alone: the tense says, else a month just ahead of
            // the reference is the coming one.
            let ahead = (ma + 12 - r.month) % 12;
            let future = self.tense(s, all.start(), all.end()).unwrap_or((1..=2).contains(&ahead));
            let y = match (future, ma > r.month) {
                (true, true) | (false, false) => r.year,
                (true, false) => r.year + 1,
                (false, true) => r.year - 1,
            };
            let yb = if mb >= ma { y } else { y + 1 };
            Some((Val::Month(y, ma), Val::Month(yb, mb)))
        })?;
        // "Sept." keeps its stop; "to July." ends the sentence.
        let full = b.as_str().len() > 3 && !b.as_str().eq_ignore_ascii_case("sept");
        let end = if s[..all.end()].ends_with('.') && full { all.end() - 1 } else { all.end() };
        let mut c = Cand::new(all.start(), end, va, "relative");
        c.to = Some(vb);
        Some(c)
    }

    /// `the year`, `the month`, `the week` on their own are the reference's
    /// (TimeBank: `the year` = the article's year), `the weekend` the one
    /// the clause's tense points to. Followed by a word that makes them
    /// another period (`the year to March`, `the week of the 18th`, `the
    /// day after`), a number (`the year 2008`) or a hyphen (`the
    /// month-long siege`), they are left alone.
    fn the_unit(&self, caps: &Caps, ctx: &Ctx, start: usize, end: usize) -> Option<Cand> {
        let s = ctx.s;
        let r = ctx.reference?;
        let unit = caps.name("tu_u")?.as_str().to_ascii_lowercase();
        let rest = &s[end..];
        if rest.starts_with(['-', '–'])
            || rest.trim_start().starts_with(|c: char| c.is_ascii_digit())
        {
            return None;
        }
        let next = next_word(s, end);
        let (prev, _) = prev_word(s, start);
        // "Player of the Year" is a title; "for the year" in a results
        // report is the financial year just ended, not the article's.
        let title = caps.name("tu_u")?.as_str().starts_with(char::is_uppercase);
        if unit == "year" && (title || in_list(prev, &["for"])) {
            return None;
        }
        #[rustfmt::skip]
        let taken = [
            "to", "ended", "ending", "through", "of", "before", "after", "earlier", "later", "ago",
            "beginning", "starting", "commencing", "long", "old", "in", "since", "when", "that",
            "just", "bill",
        ];
        // "the year two thousand": a year in words follows.
        if in_list(next, &taken) || number_word(next).is_some() {
            return None;
        }
        let val = match unit.as_str() {
            "year" => Val::Year(r.year),
            "month" => Val::Month(r.year, r.month),
            "week" => week_of(r),
            _ => return self.weekend(ctx, start, end),
        };
        Some(Cand::new(start, end, val, "relative"))
    }

    /// `the first 2 weeks of 2021`, `the last four months of this year`,
    /// `first ten days of last year`: whole days, ISO weeks or months at
    /// one end of a year.
    fn part_of_year(&self, caps: &Caps, ctx: &Ctx, start: usize, end: usize) -> Option<Cand> {
        let (y, kind) = year_of_caps(caps.name("pu_y"), caps.name("pu_rel"), ctx.reference)?;
        let n = count(caps.name("pu_n")?.as_str())?;
        let first = caps.name("pu_w")?.as_str().eq_ignore_ascii_case("first");
        let unit = caps.name("pu_u")?.as_str().to_ascii_lowercase();
        let (a, b) = match unit.as_str() {
            "days" if (1..=366).contains(&n) => {
                let jan1 = Date::new(y, 1, 1)?;
                let dec31 = Date::new(y, 12, 31)?;
                let n = n - 1;
                if first {
                    (Val::Day(jan1), Val::Day(jan1.add_days(n)))
                } else {
                    (Val::Day(dec31.add_days(-n)), Val::Day(dec31))
                }
            }
            "weeks" => {
                // ISO weeks: the year's last is the one of 28 December.
                let weeks = i64::from(Date::new(y, 12, 28)?.iso_week().1);
                if !(1..=weeks).contains(&n) {
                    return None;
                }
                let n = u32::try_from(n).ok()?;
                let last = u32::try_from(weeks).ok()?;
                if first {
                    (Val::Week(y, 1), Val::Week(y, n))
                } else {
                    (Val::Week(y, last + 1 - n), Val::Week(y, last))
                }
            }
            "months" if (1..=12).contains(&n) => {
                let n = u32::try_from(n).ok()?;
                if first {
                    (Val::Month(y, 1), Val::Month(y, n))
                } else {
                    (Val::Month(y, 13 - n), Val::Month(y, 12))
                }
            }
            _ => return None,
        };
        let mut c = Cand::new(start, end, a, kind);
        c.to = Some(b);
        Some(c)
    }

    /// `week 31` (of the reference year), `week 3 of 2027`, `week 27 of last
    /// year`: an ISO week by its number. A capitalised `Week 3` with no year
    /// is a fixture of a sports season, not a date.
    fn week_number(&self, caps: &Caps, ctx: &Ctx, start: usize, end: usize) -> Option<Cand> {
        let n: u32 = caps.name("wn_n")?.as_str().parse().ok()?;
        let year = caps.name("wn_y").and_then(|y| y.as_str().parse::<i32>().ok());
        let rel = caps.name("wn_rel").map(|r| r.as_str().to_ascii_lowercase());
        if year.is_none() && rel.is_none() && caps.name("wn_w")?.as_str() != "week" {
            return None;
        }
        let y = match (year, rel.as_deref(), ctx.reference) {
            (Some(y), _, _) => y,
            (None, Some("last"), Some(r)) => r.year - 1,
            (None, Some("next"), Some(r)) => r.year + 1,
            (None, _, Some(r)) => r.year,
            (None, _, None) => return None,
        };
        // Week 53 only in the years that have one.
        let jan4 = Date::new(y, 1, 4)?;
        let monday = jan4.add_days(-i64::from(jan4.weekday()) + 7 * (i64::from(n) - 1));
        if n == 0 || monday.iso_week() != (y, n) {
            return None;
        }
        let kind = if year.is_some() { "date" } else { "relative" };
        Some(Cand::new(start, end, Val::Week(y, n), kind))
    }

    /// Holidays in any case, with an optional year.
    fn extra_holiday(&self, caps: &Caps, ctx: &Ctx, start: usize, end: usize) -> Option<Cand> {
        let name = caps.name("hol_n")?;
        let (prev, _) = prev_word(ctx.s, start);
        if in_list(prev, super::OTHER_CALENDARS) || next_word(ctx.s, end) == "Island" {
            return None;
        }
        // "may day" in lower case is too often "may" + "day".
        let lower = name.as_str().to_ascii_lowercase();
        if lower.starts_with("may") && !is_capitalized(name.as_str()) {
            return None;
        }
        // "St. Patrick" alone is the saint (or a cathedral); "Independence
        // Day" after a country's name is that country's.
        if lower.ends_with("patrick") && caps.name("hol_y").is_none() {
            return None;
        }
        let (before, before_at) = prev_word(ctx.s, name.start());
        let lead = ctx.s[..name.start()].trim_end();
        let country = lead.ends_with(['\'', '’'])
            || lead.ends_with("'s")
            || lead.ends_with("’s")
            || is_capitalized(before) && !super::at_sentence_start(ctx.s, before_at);
        if lower.starts_with("independence") && country {
            return None;
        }
        let mut c = self.holiday_day(caps, ctx, &lower, start, end)?;
        // "the weekend of Halloween", "Labor Day weekend": the weekend
        // before a Monday holiday, else the one of its week.
        let weekend = ["hol_wkb", "hol_wk", "hol_wk2"].iter().any(|g| caps.name(g).is_some());
        if let (true, Val::Day(d)) = (weekend, c.val) {
            let (y, w) = if d.weekday() == 0 { d.add_days(-1) } else { d }.iso_week();
            c.val = Val::Weekend(y, w);
            c.end = end;
        }
        Some(c)
    }

    /// The day of holiday `lower` at `start..end`: of the year written, of
    /// `this`/`next`/`last year`, the one before (`last Easter`) or after
    /// (`next Easter`) the reference date, else by the clause's tense.
    fn holiday_day(
        &self,
        caps: &Caps,
        ctx: &Ctx,
        lower: &str,
        start: usize,
        end: usize,
    ) -> Option<Cand> {
        let name = caps.name("hol_n")?;
        if let Some(y) = caps.name("hol_y") {
            let y: i32 = y.as_str().parse().ok()?;
            return Some(Cand::new(start, end, Val::Day(holiday_date(lower, y)?), "date"));
        }
        let r = ctx.reference?;
        if let Some(pre) = caps.name("hol_pre") {
            let back = matches!(pre.as_str().to_ascii_lowercase().as_str(), "last" | "previous");
            let this = holiday_date(lower, r.year)?;
            let day = match (back, this < r, this > r) {
                (true, true, _) | (false, _, true) => this,
                (true, false, _) => holiday_date(lower, r.year - 1)?,
                (false, _, false) => holiday_date(lower, r.year + 1)?,
            };
            return Some(Cand::new(start, end, Val::Day(day), "relative"));
        }
        if let Some(rel) = caps.name("hol_rel") {
            let y = match rel.as_str().to_ascii_lowercase().as_str() {
                "next" => r.year + 1,
                "last" => r.year - 1,
                _ => r.year,
            };
            return Some(Cand::new(start, end, Val::Day(holiday_date(lower, y)?), "relative"));
        }
        let this = holiday_date(lower, r.year)?;
        let day = if self.is_future(ctx.s, start, end) {
            if this >= r {
                this
            } else {
                holiday_date(lower, r.year + 1)?
            }
        } else if this <= r {
            this
        } else {
            holiday_date(lower, r.year - 1)?
        };
        Some(Cand::new(start, name.end(), Val::Day(day), "relative"))
    }
}

/// `September-2020-23`, `23-2020-September`, `2020/23/Sep` at
/// `start..end`: the month is named, so the order is plain; both joins must
/// be the same mark and nothing numeric may glue on either side.
fn odd_order_day(caps: &Caps, s: &str, start: usize, end: usize) -> Option<Cand> {
    let text = &s[start..end];
    let mut joins = text.chars().filter(|c| matches!(c, '-' | '/'));
    if joins.next() != joins.next() || glued_before(s, start) || continues_numeric(s, end) {
        return None;
    }
    let pick = |names: [&str; 3]| names.iter().find_map(|n| caps.name(n)).map(|m| m.as_str());
    let m = month_number(pick(["oo_m1", "oo_m2", "oo_m3"])?)?;
    let y: i32 = pick(["oo_y1", "oo_y2", "oo_y3"])?.parse().ok()?;
    let d: u32 = pick(["oo_d1", "oo_d2", "oo_d3"])?.parse().ok()?;
    Some(day_cand(start, end, Val::Day(Date::new(y, m, d)?), "date"))
}

/// A candidate that names a day of a month given in the text.
fn day_cand(start: usize, end: usize, val: Val, kind: &'static str) -> Cand {
    let mut c = Cand::new(start, end, val, kind);
    c.has_day = true;
    c
}
