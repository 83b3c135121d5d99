//! Date expressions and their TIMEX3-style values.
//!
//! One combined regular expression finds candidate expressions in each
//! sentence (calendar dates, months, years, decades, weekdays, relative and
//! vague expressions); small rules in Rust then decide whether a candidate
//! really is a date (`May` the month, not the modal verb) and resolve it
//! against the article's reference date:
//!
//! - explicit calendar dates (`October 14, 2024`, `14 Oct. 2024`, `2024-10-14`,
//!   `10/14/2024`, `June 2024`, `in 2014`, `the 1990s`, `winter 2023`,
//!   `the first half of 2024`) are `date`;
//! - expressions that need the reference date (`October 14`, `in June`,
//!   `Tuesday`, `last week`, `earlier this month`, `six years ago`,
//!   `the following month`) are `relative`;
//! - `recently`, `now`, `in the coming months` … are `vague`.
//!
//! A weekday or a month without a year resolves by the tense of its clause:
//! past-tense reporting looks back from the reference date, a clause with
//! `will`, `is due to`, `is expected to` … looks forward.

use crate::digits::Digits;
use crate::hash::FxBuild;
use crate::{days_in_month, Date, Span};
use regex::Regex;
use regex_automata::dfa::{dense, regex::Regex as DfaRegex, Automaton};
use regex_automata::meta;
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::util::captures::Captures as Slots;
use regex_automata::util::pool::Pool;
use regex_automata::util::primitives::NonMaxUsize;
use regex_automata::{Anchored, HalfMatch, Input, Match, MatchError, PatternID};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use patterns::B;

mod combine;
mod extra;
mod patterns;
mod walk;

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
#[derive(Debug)]
pub struct DateFinder {
    /// Every candidate expression, one pattern per form.
    main: Arc<Rules>,
    /// The form of each of `main`'s patterns (see [`FORMS`]).
    forms: Vec<Option<Form>>,
    /// Further forms, case-insensitive (`oct2`, `next 3 days`, `on 4/22`).
    extra: Arc<Rules>,
    /// Caches and capture slots for both, reused by each thread.
    scratch: Pool<Scratch, MakeScratch>,
    /// Words that put a clause in the future (`will`, `is due to`).
    future: Regex,
    /// Past-tense verbs (`was`, `said`, `ended`), against `future`.
    past: Regex,
    /// Clause boundaries looking left from an expression.
    left_stop: Regex,
    /// Clause boundaries looking right from an expression (adds commas).
    right_stop: Regex,
    /// A modifier just before an expression (`late`, `mid-`, `the end of`).
    prefix: Regex,
}

impl Default for DateFinder {
    fn default() -> DateFinder {
        DateFinder::new()
    }
}

/// One rule per pattern. All of them are searched together as a
/// leftmost-first alternation to find where the next match is and which
/// rule made it; only then is that rule alone run over the match for its
/// groups. Resolving groups with the combined expression would cost in
/// proportion to every rule's states (the bounded backtracker clears a
/// table of states × bytes per match).
#[derive(Debug)]
struct Rules {
    /// Every pattern as a DFA compiled by `build.rs`: searched with no
    /// states to build. `None` if they did not load (then `find` serves).
    built: Option<DfaRegex<dense::DFA<&'static [u32]>>>,
    /// Every pattern, without groups: built on first use (see [`Rules::find`]).
    find: OnceLock<meta::Regex>,
    /// The patterns, for `find`.
    patterns: Vec<String>,
    /// Each pattern alone, with its groups.
    rules: Vec<meta::Regex>,
    /// Each pattern's group names and indexes: a few per pattern, so a
    /// linear look-up beats hashing the name.
    names: Vec<Vec<(Box<str>, usize)>>,
    /// Each pattern's [`name_bit`]s: classifying a match asks for many
    /// names its pattern does not have, and most are turned away by one
    /// test.
    masks: Vec<u64>,
}

/// A bit for group name `name`, from its length and first and last bytes.
fn name_bit(name: &str) -> u64 {
    let b = name.as_bytes();
    let (first, last) = (b.first().copied().unwrap_or(0), b.last().copied().unwrap_or(0));
    1 << ((usize::from(first) * 7 + usize::from(last) * 3 + b.len()) % 64)
}

/// What one thread needs to search a [`Rules`].
#[derive(Debug)]
struct RuleScratch {
    /// For [`Rules::find`], made on first use.
    find: Option<meta::Cache>,
    rules: Vec<(meta::Cache, Slots)>,
    /// The groups of matches seen before (see [`Rules::captures_of`]).
    memo: GroupMemo,
}

/// The capture slots of one match, as offsets from its start.
type Offsets = Box<[Option<u32>]>;

/// The groups of short matches, by what decides them: the rule, the
/// matched bytes and whether a word byte stands on either side (the rules'
/// only look-around is the ASCII `\b`). The same few words and dates make
/// most matches (`March`, `1987`, `today`, `March 26`): a look-up costs
/// much less than running the rule's NFA again.
#[derive(Debug, Default)]
struct GroupMemo {
    /// Key: [`GroupMemo::key`]; value: each slot's offset from the match's start.
    map: HashMap<Box<[u8]>, Offsets, FxBuild>,
    /// The key being looked up, built here to allocate nothing on a hit.
    key: Vec<u8>,
}

impl GroupMemo {
    /// Matches longer than this are rarely seen twice.
    const LONGEST: usize = 32;
    /// Entries kept at most; the memo starts over when full.
    const ENTRIES: usize = 8192;

    /// Builds the key of match `m` of `hay` in `self.key`; `false` if the
    /// match is too long to keep.
    fn key(&mut self, hay: &[u8], m: &Match) -> bool {
        if m.len() > Self::LONGEST {
            return false;
        }
        let word = |i: Option<usize>| {
            i.and_then(|i| hay.get(i)).is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
        };
        let edges = u8::from(word(m.start().checked_sub(1))) | u8::from(word(Some(m.end()))) << 1;
        self.key.clear();
        // Fewer than 256 rules a set: `Rules::new` checks.
        self.key.extend_from_slice(&[m.pattern().as_usize() as u8, edges]);
        self.key.extend_from_slice(&hay[m.range()]);
        true
    }
}

/// A DFA as `build.rs` wrote it, aligned as `dense::DFA::from_bytes` needs.
#[repr(C)]
struct Aligned<B: ?Sized> {
    _align: [u32; 0],
    bytes: B,
}

/// The bytes of the DFA file `build.rs` wrote as `$file`.
macro_rules! built_dfa {
    ($file:literal) => {{
        static ALIGNED: &Aligned<[u8]> =
            &Aligned { _align: [], bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/", $file)) };
        &ALIGNED.bytes
    }};
}

/// The forward and reverse DFAs of `patterns` from `build.rs`, if they load
/// and hold as many patterns.
fn load_built(
    patterns: &[String],
    (forward, reverse): (&'static [u8], &'static [u8]),
) -> Option<DfaRegex<dense::DFA<&'static [u32]>>> {
    let (forward, _) = dense::DFA::from_bytes(forward).ok()?;
    let (reverse, _) = dense::DFA::from_bytes(reverse).ok()?;
    let len = |dfa: &dense::DFA<&[u32]>| Automaton::pattern_len(dfa);
    if len(&forward) != patterns.len() || len(&reverse) != patterns.len() {
        return None;
    }
    Some(DfaRegex::builder().build_from_dfas(forward, reverse))
}

impl Rules {
    /// The rules `patterns`, searched with `built`, their DFAs from
    /// `build.rs`, when those load.
    fn new(patterns: &[String], built: Option<(&'static [u8], &'static [u8])>) -> Rules {
        // A rule runs anchored over one short match: an NFA engine with
        // captures does it without building DFA states.
        let config = meta::Config::new().hybrid(false).dfa(false).auto_prefilter(false);
        let rules: Vec<meta::Regex> = patterns
            .iter()
            .map(|p| {
                meta::Regex::builder()
                    .configure(config.clone())
                    .build(p)
                    .expect("date pattern compiles")
            })
            .collect();
        let names = rules
            .iter()
            .map(|re| {
                re.group_info()
                    .pattern_names(PatternID::ZERO)
                    .enumerate()
                    .filter_map(|(index, name)| Some((name?.into(), index)))
                    .collect()
            })
            .collect::<Vec<Vec<(Box<str>, usize)>>>();
        let masks = names
            .iter()
            .map(|list| list.iter().fold(0, |mask, (name, _)| mask | name_bit(name)))
            .collect();
        // A memo key holds the rule's number in one byte.
        assert!(patterns.len() <= 256, "at most 256 date rules a set");
        let built = built.and_then(|b| load_built(patterns, b));
        Rules { built, find: OnceLock::new(), patterns: patterns.to_vec(), rules, names, masks }
    }

    /// Every pattern as one lazy DFA: what serves if the built DFAs do not
    /// (they always do where `build.rs` ran for this target). Compiled only
    /// then, as it takes a third of the time to make a `DateFinder`.
    fn find(&self) -> &meta::Regex {
        self.find.get_or_init(|| {
            // The lazy DFA needs a cache larger than the default, or it
            // rebuilds its states over and over on an archive. No rule
            // starts with a literal rare enough for a prefilter, and
            // looking for one costs more than building the rules.
            let config = meta::Config::new()
                .hybrid_cache_capacity(8 << 20)
                .which_captures(WhichCaptures::Implicit)
                .auto_prefilter(false);
            meta::Regex::builder()
                .configure(config)
                .build_many(&self.patterns)
                .expect("date pattern compiles")
        })
    }

    fn scratch(&self) -> RuleScratch {
        RuleScratch {
            find: None,
            rules: self.rules.iter().map(|re| (re.create_cache(), re.create_captures())).collect(),
            memo: GroupMemo::default(),
        }
    }

    /// The first match in `s` within `range`, searched in `hay`: `s`
    /// itself, or a copy with the same byte offsets (`s` ASCII-lower-cased,
    /// for rules written in lower case); the groups read `s`. `\b` still
    /// sees the text around `range`.
    fn captures_in<'h>(
        &'h self,
        s: &'h str,
        hay: &str,
        range: Range<usize>,
        scratch: &'h mut RuleScratch,
    ) -> Option<Caps<'h>> {
        debug_assert_eq!(s.len(), hay.len());
        let input = Input::new(hay).range(range);
        // The built DFAs have no quit bytes and never give up; the lazy
        // DFA stays as a fallback all the same.
        let m = match self.built.as_ref().map(|re| re.try_search(&input)) {
            Some(Ok(m)) => m,
            _ => {
                let find = self.find();
                find.search_with(scratch.find.get_or_insert_with(|| find.create_cache()), &input)
            }
        }?;
        self.captures_of(s, hay, m, scratch)
    }

    /// The next match from `pos`, with its groups: `first`, the first
    /// match when it was found already (see [`DateFinder::first_matches`]),
    /// is taken on the first call; later calls search.
    fn next_captures<'h>(
        &'h self,
        (s, hay): (&'h str, &str),
        pos: usize,
        first: &mut Option<Option<Match>>,
        scratch: &'h mut RuleScratch,
    ) -> Option<Caps<'h>> {
        match first.take() {
            Some(m) => self.captures_of(s, hay, m?, scratch),
            None => self.captures_in(s, hay, pos..s.len(), scratch),
        }
    }

    /// The match of the search from the start of `hay` whose forward half
    /// is `end` (see [`walk::first_ends`]): the reverse DFA finds where it
    /// starts, as `try_search` would.
    fn match_ending(&self, hay: &str, end: Option<HalfMatch>) -> Result<Option<Match>, MatchError> {
        let Some(re) = &self.built else { return Err(MatchError::gave_up(0)) };
        let Some(end) = end else { return Ok(None) };
        if end.offset() == 0 {
            return Ok(Some(Match::new(end.pattern(), 0..0)));
        }
        let back = Input::new(hay).span(0..end.offset()).anchored(Anchored::Yes).earliest(false);
        let start = re.reverse().try_search_rev(&back)?;
        match start {
            Some(start) if start.pattern() == end.pattern() => {
                Ok(Some(Match::new(end.pattern(), start.offset()..end.offset())))
            }
            // Cannot happen with DFAs of the same rules; let the search redo it.
            _ => Err(MatchError::gave_up(end.offset())),
        }
    }

    /// The groups of match `m` of `hay` (see [`Rules::captures_in`]).
    fn captures_of<'h>(
        &'h self,
        s: &'h str,
        hay: &str,
        m: Match,
        scratch: &'h mut RuleScratch,
    ) -> Option<Caps<'h>> {
        let pid = m.pattern().as_usize();
        let (cache, slots) = scratch.rules.get_mut(pid)?;
        let memo = &mut scratch.memo;
        let keyed = memo.key(hay.as_bytes(), &m);
        let known = if keyed { memo.map.get(&memo.key[..]) } else { None };
        if let Some(offsets) = known {
            for (slot, offset) in slots.slots_mut().iter_mut().zip(offsets.iter()) {
                *slot = offset.and_then(|o| NonMaxUsize::new(m.start() + o as usize));
            }
            slots.set_pattern(Some(PatternID::ZERO));
        } else {
            // The rule alone, anchored at the match: leftmost-first, it
            // makes the same match, as the combined expression preferred it.
            let input = Input::new(hay).range(m.range()).anchored(Anchored::Yes);
            self.rules[pid].search_captures_with(cache, &input, slots);
            if keyed {
                if memo.map.len() >= GroupMemo::ENTRIES {
                    memo.map.clear();
                }
                // Within a match of at most `LONGEST` bytes.
                let offset = |o: Option<NonMaxUsize>| o.map(|o| (o.get() - m.start()) as u32);
                let offsets = slots.slots().iter().map(|&o| offset(o)).collect();
                memo.map.insert(memo.key.as_slice().into(), offsets);
            }
        }
        debug_assert_eq!(slots.get_match().map(|g| g.range()), Some(m.range()));
        Some(Caps { s, slots, pattern: pid, names: &self.names[pid], mask: self.masks[pid] })
    }
}

/// The groups of one match, read by name like `regex::Captures`.
struct Caps<'h> {
    s: &'h str,
    slots: &'h Slots,
    /// The index of the rule that matched.
    pattern: usize,
    names: &'h [(Box<str>, usize)],
    /// The [`name_bit`]s of `names`.
    mask: u64,
}

impl<'h> Caps<'h> {
    fn mat(&self, span: Option<regex_automata::Span>) -> Option<Mat<'h>> {
        let span = span?;
        Some(Mat { s: self.s, start: span.start, end: span.end })
    }

    /// Group `i` of the matching pattern (0 is the whole match).
    fn get(&self, i: usize) -> Option<Mat<'h>> {
        self.mat(self.slots.get_group(i))
    }

    /// The group named `name`, if the matching pattern has it and it took
    /// part in the match.
    fn name(&self, name: &str) -> Option<Mat<'h>> {
        if self.mask & name_bit(name) == 0 {
            return None;
        }
        let &(_, index) = self.names.iter().find(|(n, _)| &**n == name)?;
        self.get(index)
    }
}

/// Caches and capture slots for both rule sets.
#[derive(Debug)]
struct Scratch {
    main: RuleScratch,
    extra: RuleScratch,
    /// The sentence, ASCII-lower-cased, for the second rule set.
    lower: String,
}

/// Makes a [`Scratch`]. Unwind-safe, so `DateFinder` and `Pipeline` stay
/// usable across `catch_unwind` as they were with plain regexes.
type MakeScratch =
    Box<dyn Fn() -> Scratch + Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>;

/// A matched group: like `Mat`.
#[derive(Clone, Copy, Debug)]
struct Mat<'h> {
    s: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Mat<'h> {
    fn start(&self) -> usize {
        self.start
    }

    fn end(&self) -> usize {
        self.end
    }

    fn len(&self) -> usize {
        self.end - self.start
    }

    fn as_str(&self) -> &'h str {
        &self.s[self.start..self.end]
    }
}

/// Words that, right before a bare month, make it a month (`in May`).
const MONTH_CUES: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "early",
    "mid",
    "late",
    "last",
    "next",
    "this",
    "the",
    "of",
    "during",
    "from",
    "through",
    "to",
    "before",
    "after",
    "between",
    "and",
    "or",
    "around",
    "throughout",
    "each",
    "every",
    "that",
    "following",
    "previous",
    "beginning",
    "end",
    "late",
    "through",
    "ending",
    "starting",
    "as",
    "about",
];

/// Words that, right before a four-digit number, make it a year (`in 2014`).
const YEAR_CUES: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "before",
    "after",
    "from",
    "during",
    "through",
    "throughout",
    "early",
    "mid",
    "late",
    "year",
    "around",
    "circa",
    "fiscal",
    "for",
    "between",
    "as",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
];

/// Determiners after which a year modifies a noun (`the 2006 death toll`).
const DETERMINERS: &[&str] =
    &["the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "whose", "my", "your"];

/// Nouns counted by a four-digit number: `2024 troops` is not a year.
const COUNT_NOUNS: &[&str] = &[
    "troops",
    "soldiers",
    "people",
    "persons",
    "civilians",
    "men",
    "women",
    "children",
    "police",
    "policemen",
    "personnel",
    "fighters",
    "militants",
    "rebels",
    "refugees",
    "residents",
    "workers",
    "casualties",
    "dead",
    "deaths",
    "killed",
    "wounded",
    "injured",
    "units",
    "tons",
    "tonnes",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "feet",
    "rockets",
    "missiles",
    "shells",
    "drones",
    "vehicles",
    "tanks",
    "homes",
    "houses",
    "buildings",
    "dollars",
    "euros",
    "pounds",
    "members",
    "votes",
    "seats",
    "cases",
    "points",
    "gmt",
    "utc",
    "hours",
    "hrs",
    "local",
    "prisoners",
    "detainees",
    "hostages",
    "students",
    "officers",
    "migrants",
    "families",
    "jobs",
    "times",
    "aircraft",
    "planes",
    "ships",
    "boats",
    "guns",
    "rounds",
    "bombs",
    "barrels",
    "square",
    "cubic",
    "acres",
    "hectares",
    "participants",
    "delegates",
    "protesters",
    "demonstrators",
    "supporters",
    "voters",
    "patients",
    "victims",
];

/// Words before a weekday that make it a name (`Black Friday`, `Super Tuesday`).
const WEEKDAY_NAMES_BEFORE: &[&str] = &[
    "Black", "Good", "Super", "Bloody", "Ash", "Palm", "Easter", "Holy", "Maundy", "Cyber",
    "Shrove", "Fat", "Giving", "Manic", "Whit", "Low",
];

/// Words after a weekday that make it a name (`Sunday Times`).
const WEEKDAY_NAMES_AFTER: &[&str] =
    &["Times", "Telegraph", "Express", "Mirror", "Herald", "Post", "Star", "Independent"];

/// Words before `New Year` / `Christmas` naming another calendar's holiday.
const OTHER_CALENDARS: &[&str] = &[
    "Chinese",
    "Lunar",
    "Jewish",
    "Persian",
    "Iranian",
    "Orthodox",
    "Islamic",
    "Hindu",
    "Thai",
    "Vietnamese",
    "Tamil",
    "Kurdish",
    "Korean",
    "Tibetan",
    "Ethiopian",
    "Coptic",
    "Sikh",
    "Hijri",
    "Hebrew",
    "Arabic",
    "Muslim",
];

/// Season codes and the month each one starts in.
const SEASONS: [(&str, u32); 4] = [("SP", 3), ("SU", 6), ("FA", 9), ("WI", 12)];

/// A resolved value, before it is written out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Val {
    Day(Date),
    /// Month and day with no year known.
    NoYearDay(u32, u32),
    Month(i32, u32),
    /// Month with no year known.
    NoYearMonth(u32),
    Year(i32),
    Week(i32, u32),
    Weekend(i32, u32),
    /// Year and index into [`SEASONS`].
    Season(i32, usize),
    /// First three digits of the decade's years (199 → `199X`).
    Decade(i32),
    /// First two digits of the century's years (19 → `19`, the 20th century).
    Century(i32),
    Half(i32, u32),
    Quarter(i32, u32),
    Vague(&'static str),
}

impl Val {
    /// Appends the TIMEX3 value: `2024-06`, `XXXX-06-01`, `2024-W23-WE`.
    /// Written digit by digit: a `format!` per date was a twentieth of
    /// the stage's cost.
    fn render_into(self, out: &mut String) {
        let pad = |out: &mut String, v: i32, width| push_padded(out, i64::from(v), width);
        match self {
            Val::Day(d) => {
                pad(out, d.year, 4);
                push_part(out, "-", d.month, 2);
                push_part(out, "-", d.day, 2);
            }
            Val::NoYearDay(m, d) => {
                out.push_str("XXXX");
                push_part(out, "-", m, 2);
                push_part(out, "-", d, 2);
            }
            Val::Month(y, m) => {
                pad(out, y, 4);
                push_part(out, "-", m, 2);
            }
            Val::NoYearMonth(m) => {
                out.push_str("XXXX");
                push_part(out, "-", m, 2);
            }
            Val::Year(y) => pad(out, y, 4),
            Val::Week(y, w) => {
                pad(out, y, 4);
                push_part(out, "-W", w, 2);
            }
            Val::Weekend(y, w) => {
                pad(out, y, 4);
                push_part(out, "-W", w, 2);
                out.push_str("-WE");
            }
            Val::Season(y, s) => {
                pad(out, y, 4);
                out.push('-');
                out.push_str(SEASONS[s].0);
            }
            Val::Decade(d) => {
                pad(out, d, 3);
                out.push('X');
            }
            Val::Century(c) => pad(out, c, 2),
            Val::Half(y, h) => {
                pad(out, y, 4);
                push_part(out, "-H", h, 1);
            }
            Val::Quarter(y, q) => {
                pad(out, y, 4);
                push_part(out, "-Q", q, 1);
            }
            Val::Vague(v) => out.push_str(v),
        }
    }

    /// Whether later `the following month` may count from this value.
    fn is_anchor(self) -> bool {
        matches!(self, Val::Day(_) | Val::Month(..) | Val::Year(_))
    }
}

/// A candidate accepted in one sentence; offsets are into the sentence.
#[derive(Clone, Copy, Debug)]
struct Cand {
    start: usize,
    end: usize,
    val: Val,
    kind: &'static str,
    modifier: &'static str,
    /// Whether `early`/`late`/`the end of` before it may join it.
    modifiable: bool,
    /// A bare weekday, which may merge with a following `October 14`.
    weekday: bool,
    /// The value names a day of a month given in the text.
    has_day: bool,
    /// The end of a range (`June 1-3`): the value is `val/to`.
    to: Option<Val>,
}

impl Cand {
    fn new(start: usize, end: usize, val: Val, kind: &'static str) -> Cand {
        Cand {
            start,
            end,
            val,
            kind,
            modifier: "",
            modifiable: false,
            weekday: false,
            has_day: false,
            to: None,
        }
    }

    fn modifiable(mut self) -> Cand {
        self.modifiable = true;
        self
    }

    /// The value as written out: `2024-06-01`, or `2024-06-01/2024-06-03`.
    fn render(&self) -> String {
        let mut out = String::with_capacity(if self.to.is_some() { 24 } else { 12 });
        self.val.render_into(&mut out);
        if let Some(t) = self.to {
            out.push('/');
            t.render_into(&mut out);
        }
        out
    }
}

/// Appends `mark` (`-`, `-W`, `-Q`), then `v` zero-padded to `width` digits.
fn push_part(out: &mut String, mark: &str, v: u32, width: usize) {
    out.push_str(mark);
    push_padded(out, i64::from(v), width);
}

/// Appends `v` as `format!("{v:0width$}")` writes it: the sign counts
/// towards the width.
fn push_padded(out: &mut String, v: i64, width: usize) {
    let digits = Digits::new(v.unsigned_abs());
    let digits = digits.as_bytes();
    if v < 0 {
        out.push('-');
    }
    let len = digits.len() + usize::from(v < 0);
    out.extend(std::iter::repeat_n('0', width.saturating_sub(len)));
    out.extend(digits.iter().map(|&b| char::from(b)));
}

/// Per-sentence state the rules read.
struct Ctx<'a> {
    /// The sentence text.
    s: &'a str,
    reference: Option<Date>,
    /// Last value a `the following month` may count from.
    anchor: Option<Val>,
    /// End of the previous accepted candidate in this sentence (0 if none).
    last_end: usize,
}

/// The first three bytes of `name`, ASCII-lower-cased: the key of a
/// month or weekday name (`Sept.` → `sep`), with no allocation.
fn first_three(name: &str) -> Option<[u8; 3]> {
    let b = name.as_bytes().get(..3)?;
    Some([b[0].to_ascii_lowercase(), b[1].to_ascii_lowercase(), b[2].to_ascii_lowercase()])
}

fn month_number(name: &str) -> Option<u32> {
    let n = match &first_three(name)? {
        b"jan" => 1,
        b"feb" => 2,
        b"mar" => 3,
        b"apr" => 4,
        b"may" => 5,
        b"jun" => 6,
        b"jul" => 7,
        b"aug" => 8,
        b"sep" => 9,
        b"oct" => 10,
        b"nov" => 11,
        b"dec" => 12,
        _ => return None,
    };
    Some(n)
}

fn weekday_number(name: &str) -> Option<u32> {
    let n = match &first_three(name)? {
        b"mon" => 0,
        b"tue" => 1,
        b"wed" => 2,
        b"thu" => 3,
        b"fri" => 4,
        b"sat" => 5,
        b"sun" => 6,
        _ => return None,
    };
    Some(n)
}

fn number_word(w: &str) -> Option<i64> {
    let w = w.to_ascii_lowercase();
    let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Ok(n) = w.parse::<i64>() {
        return Some(n);
    }
    let n = match w.as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        _ => return None,
    };
    Some(n)
}

/// The month `delta` months away from `year`-`month`.
fn shift_month(year: i32, month: u32, delta: i64) -> (i32, u32) {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + delta;
    (index.div_euclid(12) as i32, (index.rem_euclid(12) + 1) as u32)
}

fn week_of(d: Date) -> Val {
    let (y, w) = d.iso_week();
    Val::Week(y, w)
}

/// The word ending just before `pos` (skipping spaces), if the text between
/// is only whitespace; with the byte where the word starts.
fn prev_word(s: &str, pos: usize) -> (&str, usize) {
    let before = &s[..pos];
    let trimmed = before.trim_end();
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric())
        .last()
        .map_or(trimmed.len(), |(i, _)| i);
    (&trimmed[start..], start)
}

/// The word starting just after `pos` (skipping spaces), if any.
fn next_word(s: &str, pos: usize) -> &str {
    let after = &s[pos..];
    let trimmed = after.trim_start();
    let end = trimmed.find(|c: char| !c.is_alphanumeric()).unwrap_or(trimmed.len());
    &trimmed[..end]
}

fn is_capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn in_list(w: &str, list: &[&str]) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// Whether only opening punctuation stands between the sentence start and `pos`.
fn at_sentence_start(s: &str, pos: usize) -> bool {
    s[..pos].chars().all(|c| c.is_whitespace() || "\"'“‘(-—[".contains(c))
}

/// Whether `mid-` is written right before `pos`.
fn after_mid_hyphen(s: &str, pos: usize) -> bool {
    let before = &s.as_bytes()[..pos];
    before.len() >= 4 && before[before.len() - 4..].eq_ignore_ascii_case(b"mid-")
}

/// Whether a word (a letter) follows `pos` after spaces: `5 people`.
fn word_follows(s: &str, pos: usize) -> bool {
    let rest = &s[pos..];
    let t = rest.trim_start();
    t.len() < rest.len() && t.chars().next().is_some_and(char::is_alphabetic)
}

/// Where `(the) month of` starts, if it is written right before `pos`.
fn month_of_start(s: &str, pos: usize) -> Option<usize> {
    let before = s[..pos].trim_end();
    let lower = before.to_ascii_lowercase();
    let stem = lower.strip_suffix(" of")?.trim_end().strip_suffix("month")?;
    if !stem.is_empty() && !stem.ends_with(' ') {
        return None;
    }
    let mut start = stem.len();
    if let Some(t) = stem.trim_end().strip_suffix("the") {
        if t.is_empty() || t.ends_with(' ') {
            start = t.len();
        }
    }
    Some(start)
}

/// Whether `window` may end in what [`DateFinder::apply_prefix`] looks
/// for (`late `, `mid-`, `the end of `): a space or hyphen after `early`,
/// `mid`, `late`, `of` or `the`. Tested before the regex, as most dates
/// follow `in`, `on` or `since`.
fn may_end_in_prefix(window: &str) -> bool {
    let word = window.trim_end_matches(|ch: char| ch.is_whitespace() || ch == '-');
    let cue = |w: &str| combine::strip_suffix_ci(word, w).is_some();
    word.len() < window.len() && ["early", "mid", "late", "of", "the"].into_iter().any(cue)
}

/// The closest char boundary at or after `i`.
fn ceil_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i.min(s.len())
}

/// The form a main rule reads, named by a group only its pattern has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    Iso,
    Slash,
    DayMonth,
    Month,
    Decade,
    ShortDecade,
    Year,
    Quarter,
    HalfQuarter,
    Ago,
    Later,
    PastN,
    Coming,
    Recent,
    EarlierLater,
    EndOf,
    LastNextThis,
    Weekend,
    Following,
    Simple,
    Holiday,
    Season,
    Weekday,
    Vague,
    Earlier,
}

/// Each form by its group's name, in the order a pattern with two of
/// them would be read.
const FORMS: &[(&str, Form)] = &[
    ("iso", Form::Iso),
    ("sl_a", Form::Slash),
    ("d_day", Form::DayMonth),
    ("m_mon", Form::Month),
    ("dec", Form::Decade),
    ("dec2", Form::ShortDecade),
    ("y", Form::Year),
    ("q_n", Form::Quarter),
    ("qh", Form::HalfQuarter),
    ("ago", Form::Ago),
    ("lat", Form::Later),
    ("pastn", Form::PastN),
    ("coming", Form::Coming),
    ("recent", Form::Recent),
    ("el", Form::EarlierLater),
    ("endof", Form::EndOf),
    ("lnt_w", Form::LastNextThis),
    ("wkend", Form::Weekend),
    ("foll", Form::Following),
    ("simple", Form::Simple),
    ("hol", Form::Holiday),
    ("s_name", Form::Season),
    ("wd", Form::Weekday),
    ("vague", Form::Vague),
    ("earl", Form::Earlier),
];

impl DateFinder {
    /// Compiles the date rules.
    pub fn new() -> DateFinder {
        let compile = |p: &str| {
            regex::RegexBuilder::new(p)
                .dfa_size_limit(8 << 20)
                .build()
                .expect("date pattern compiles")
        };
        let stop_words = "said|says|say|told|tells|added|adding|that|which|who|while|whereas|although|though|because|but|after|before|when|where";
        let (main, extra) = (
            Rules::new(
                &patterns::build_main(),
                Some((built_dfa!("dates_main.fwd.dfa"), built_dfa!("dates_main.rev.dfa"))),
            ),
            Rules::new(
                &patterns::build_extra(),
                Some((built_dfa!("dates_extra.fwd.dfa"), built_dfa!("dates_extra.rev.dfa"))),
            ),
        );
        let forms = main
            .names
            .iter()
            .map(|names| {
                let has = |name: &str| names.iter().any(|(n, _)| &**n == name);
                FORMS.iter().find(|(name, _)| has(name)).map(|&(_, form)| form)
            })
            .collect();
        let (main, extra) = (Arc::new(main), Arc::new(extra));
        let (m, e) = (Arc::clone(&main), Arc::clone(&extra));
        let make: MakeScratch = Box::new(move || Scratch {
            main: m.scratch(),
            extra: e.scratch(),
            lower: String::new(),
        });
        DateFinder {
            main,
            forms,
            extra,
            scratch: Pool::new(make),
            future: compile(&format!(
                r"(?i){B}(?:will|won['’]t|shall|going\s+to|due\s+to|expected|effective|payable|scheduled|slated|set\s+to|plans?\s+to|planning\s+to|intends?\s+to|is\s+to|are\s+to|to\s+be\s+held|upcoming){B}|['’]ll{B}"
            )),
            past: compile(&format!(
                r"(?i){B}(?:was|were|had|did|met|came|went|began|took|fought|held|left|made|saw|struck|hit|fell|rose|won|lost|led|sent|brought|spoke|gave|got|ran|became|found|kept|broke|drew|flew|knew|stood|thought|wrote|paid|sold|shot|threw|told|said|[a-z]+ed){B}"
            )),
            left_stop: compile(&format!(
                r#"(?i)[.!?](?:\s|$)|[;:"“”]|\s--?\s|[—–]|{B}(?:{stop_words}){B}"#
            )),
            right_stop: compile(&format!(
                r#"(?i)[.!?](?:\s|$)|[,;:"“”]|\s--?\s|[—–]|{B}(?:{stop_words}){B}"#
            )),
            prefix: compile(&format!(
                r"(?i)(?:{B}(?P<a>early|mid|late)(?:\s+|\s*-\s*)|{B}(?P<b>(?:the\s+)?(?:very\s+)?(?P<bw>end|close|beginning|start|middle)\s+of\s+(?:the\s+)?))$"
            )),
        }
    }

    /// Every date expression in `text`, in order, resolved against `reference`.
    ///
    /// `sentences` are the byte spans of the document's sentences, in order;
    /// no expression crosses a sentence boundary. With no sentences, the
    /// whole text is one sentence.
    pub fn find(
        &self,
        text: &str,
        sentences: &[Span],
        reference: Option<Date>,
    ) -> Vec<DateMention> {
        let whole = [Span::new(0, text.len())];
        let sentences = if sentences.is_empty() { &whole[..] } else { sentences };
        let mut out: Vec<DateMention> = Vec::new();
        let mut anchor = None;
        let mut scratch = self.scratch.get();
        for sp in sentences {
            let Some(s) = text.get(sp.start..sp.end) else { continue };
            for c in self.scan(s, reference, &mut anchor, &mut scratch) {
                out.push(DateMention {
                    span: Span::new(sp.start + c.start, sp.start + c.end),
                    value: c.render(),
                    kind: c.kind,
                    modifier: c.modifier,
                });
            }
        }
        // Sentences should come in order; keep the output ordered and
        // non-overlapping even if they do not.
        out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        let mut kept: Vec<DateMention> = Vec::with_capacity(out.len());
        for m in out {
            if kept.last().is_none_or(|k| k.span.end <= m.span.start) {
                kept.push(m);
            }
        }
        kept
    }

    /// Candidates of one sentence, with weekdays merged into the date that
    /// follows them (`Monday, October 14`).
    fn scan(
        &self,
        s: &str,
        reference: Option<Date>,
        anchor: &mut Option<Val>,
        scratch: &mut Scratch,
    ) -> Vec<Cand> {
        let [mut first, first_extra] = self.first_matches(s, &mut scratch.lower);
        let mut out: Vec<Cand> = Vec::new();
        let mut pos = 0;
        while pos < s.len() {
            let Some(caps) = self.main.next_captures((s, s), pos, &mut first, &mut scratch.main)
            else {
                break;
            };
            let Some(m) = caps.get(0) else { break };
            let last_end = out.last().map_or(0, |c| c.end);
            let ctx = Ctx { s, reference, anchor: *anchor, last_end };
            match self.classify(&caps, &ctx) {
                Some(mut c) if c.start >= last_end && c.end > c.start => {
                    if c.modifiable {
                        self.apply_prefix(s, &mut c, last_end);
                    }
                    if c.val.is_anchor() {
                        *anchor = Some(c.val);
                    }
                    pos = if c.end > m.start() { c.end } else { next_char(s, m.start()) };
                    out.push(c);
                }
                _ => pos = next_char(s, m.start()),
            }
        }
        let ctx = Ctx { s, reference, anchor: *anchor, last_end: 0 };
        let extra = match first_extra {
            // No match: `lower` was not filled, and need not be.
            Some(None) => Vec::new(),
            _ => self.extra_scan(&ctx, &scratch.lower, first_extra, &mut scratch.extra),
        };
        let out = combine::merge(s, out, extra);
        // Merge "Monday, October 14" into one mention with the date's value.
        let mut merged: Vec<Cand> = Vec::with_capacity(out.len());
        for c in out {
            if let Some(prev) = merged.last_mut() {
                let between = s.get(prev.end..c.start).unwrap_or("");
                let bracket = between.trim() == "(";
                if prev.weekday
                    && c.has_day
                    && (between.trim_start_matches([',', '-']).trim().is_empty() || bracket)
                    && between.len() <= 3
                {
                    let start = prev.start;
                    *prev = c;
                    prev.start = start;
                    if bracket && s[prev.end..].starts_with(')') {
                        prev.end += 1;
                    }
                    continue;
                }
            }
            merged.push(c);
        }
        combine::combine(s, merged, reference)
    }

    /// The first match of each rule set in sentence `s` (the second set's
    /// in `s` lower-cased), found by walking both DFAs side by side; `None`
    /// for a set where that could not be done (then its own search runs).
    /// Unless the second set has no match (`Some(None)`), `lower` is filled
    /// with `s` lower-cased, for it to search further.
    fn first_matches(&self, s: &str, lower: &mut String) -> [Option<Option<Match>>; 2] {
        let fill = |lower: &mut String| {
            lower.clear();
            lower.push_str(s);
            lower.make_ascii_lowercase();
        };
        let (Some(main), Some(extra)) = (&self.main.built, &self.extra.built) else {
            fill(lower);
            return [None, None];
        };
        let (on_main, on_extra) = ((main.forward(), s.as_bytes()), (extra.forward(), s.as_bytes()));
        let Ok([a, b]) = walk::first_ends(on_main, on_extra) else {
            fill(lower);
            return [None, None];
        };
        let first = self.main.match_ending(s, a).ok();
        if b.is_none() {
            return [first, Some(None)];
        }
        fill(lower);
        [first, self.extra.match_ending(lower, b).ok()]
    }

    /// Whether a modifier (`late`, `mid-`, `the end of`) ends at byte `at`
    /// of `s`, within the 30 bytes before it.
    fn prefixed(&self, s: &str, at: usize) -> bool {
        let window = &s[ceil_boundary(s, at.saturating_sub(30))..at];
        may_end_in_prefix(window) && self.prefix.is_match(window)
    }

    /// Extends `c` over `early`/`mid-`/`late`/`the end of` written before it.
    fn apply_prefix(&self, s: &str, c: &mut Cand, last_end: usize) {
        let from = ceil_boundary(s, c.start.saturating_sub(40).max(last_end));
        let window = &s[from..c.start];
        if !may_end_in_prefix(window) {
            return;
        }
        let Some(caps) = self.prefix.captures(window) else { return };
        let Some(m) = caps.get(0) else { return };
        let word = caps
            .name("a")
            .or_else(|| caps.name("bw"))
            .map(|w| w.as_str().to_ascii_lowercase())
            .unwrap_or_default();
        let modifier = match word.as_str() {
            "early" => "EARLY",
            "mid" | "middle" => "MID",
            "late" => "LATE",
            "end" | "close" => "END",
            "beginning" | "start" => "START",
            _ => return,
        };
        // "the end of 2000" is written `end of 2000`: the shortest span that
        // carries the date, as the specs and the gold write it.
        let text = m.as_str();
        let article = if text.len() > 4 && text[..4].eq_ignore_ascii_case("the ") { 4 } else { 0 };
        c.start = from + m.start() + article;
        c.modifier = modifier;
    }

    /// Whether the clause around `start..end` speaks of the future.
    fn is_future(&self, s: &str, start: usize, end: usize) -> bool {
        self.tense(s, start, end) == Some(true)
    }

    /// The tense of the clause around `start..end`: `Some(true)` for the
    /// future, `Some(false)` for the past, `None` when no cue says. The
    /// nearest tense cue before the expression in its clause decides;
    /// failing that, the first one after it.
    fn tense(&self, s: &str, start: usize, end: usize) -> Option<bool> {
        // "3 days after January 12": `after` is a preposition there, not
        // the start of a clause.
        let preposition = |m: &regex::Match| {
            let w = m.as_str();
            let unit = prev_word(s, m.start()).0;
            let unit = unit.strip_suffix(['s', 'S']).unwrap_or(unit);
            (w.eq_ignore_ascii_case("after") || w.eq_ignore_ascii_case("before"))
                && in_list(unit, &["day", "week", "month", "year", "fortnight"])
        };
        let mut lb = 0;
        for m in self.left_stop.find_iter(&s[..start]) {
            if !preposition(&m) {
                lb = m.end();
            }
        }
        let left = &s[lb..start];
        let future = self.future.find_iter(left).last().map(|m| m.end());
        let past =
            self.past.find_iter(left).filter(|m| real_past(left, m.start(), m.as_str())).last();
        match (future, past.map(|m| m.end())) {
            (Some(f), Some(p)) => return Some(f >= p),
            (Some(_), None) => return Some(true),
            (None, Some(_)) => return Some(false),
            (None, None) => {}
        }
        let rest = &s[end..];
        let right = &rest[..self.right_stop.find(rest).map_or(rest.len(), |m| m.start())];
        let future = self.future.find(right).map(|m| m.start());
        let past = self.past.find_iter(right).find(|m| real_past(right, m.start(), m.as_str()));
        match (future, past.map(|m| m.start())) {
            (Some(f), Some(p)) => Some(f <= p),
            (Some(_), None) => Some(true),
            (None, Some(_)) => Some(false),
            (None, None) => None,
        }
    }

    /// Turns one regex match into an accepted candidate, or rejects it.
    fn classify(&self, caps: &Caps, ctx: &Ctx) -> Option<Cand> {
        // The rule that matched says which form it is: its groups need not
        // be asked for one by one.
        let form = (*self.forms.get(caps.pattern)?)?;
        let whole = |val, kind| {
            let m = caps.get(0)?;
            Some(Cand::new(m.start(), m.end(), val, kind))
        };
        let group = |name, val, kind| {
            let m: Mat = caps.name(name)?;
            Some(Cand::new(m.start(), m.end(), val, kind))
        };
        match form {
            Form::Iso => self.iso(caps),
            Form::Slash => self.slash(caps),
            Form::DayMonth => self.day_month(caps, ctx),
            Form::Month => self.month(caps, ctx),
            Form::Decade => {
                let d = caps.name("dec")?;
                let decade: i32 = d.as_str().parse().ok()?;
                let all = caps.get(0)?;
                let start = caps.name("dec_the").map_or(d.start(), |t| t.start());
                let before = ctx.s[..all.start()].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || "$€£#-".contains(c)) {
                    return None;
                }
                Some(Cand::new(start, all.end(), Val::Decade(decade), "date").modifiable())
            }
            Form::ShortDecade => {
                let n: i32 = caps.name("dec2_n")?.as_str().parse().ok()?;
                Some(group("dec2", Val::Decade(190 + n), "date")?.modifiable())
            }
            Form::Year => self.year(caps, ctx),
            Form::Quarter => {
                let n: u32 = caps.name("q_n")?.as_str().parse().ok()?;
                let y: i32 = caps.name("q_y")?.as_str().parse().ok()?;
                whole(Val::Quarter(y, n), "date")
            }
            Form::HalfQuarter => self.half_quarter(caps, ctx),
            Form::Ago => self.ago(caps, ctx),
            Form::Later => self.later(caps, ctx),
            Form::PastN => {
                let m = caps.name("pastn")?;
                let start = m.start() + m.as_str().find(['t', 'T']).unwrap_or(0);
                Some(Cand::new(start, m.end(), Val::Vague("PAST_REF"), "vague"))
            }
            Form::Coming => group("coming", Val::Vague("FUTURE_REF"), "vague"),
            Form::Recent => group("recent", Val::Vague("PAST_REF"), "vague"),
            Form::EarlierLater => {
                let r = ctx.reference?;
                let val = match caps.name("el_u")?.as_str().to_ascii_lowercase().as_str() {
                    "week" => week_of(r),
                    "month" => Val::Month(r.year, r.month),
                    _ => Val::Year(r.year),
                };
                whole(val, "relative")
            }
            Form::EndOf => self.end_of(caps, ctx),
            Form::LastNextThis => self.last_next_this(caps, ctx),
            Form::Weekend => {
                let m = caps.name("wkend")?;
                self.weekend(ctx, m.start(), m.end())
            }
            Form::Following => self.following(caps, ctx),
            Form::Simple => {
                let m = caps.name("simple")?;
                self.simple(m.start(), m.end(), m.as_str(), ctx)
            }
            Form::Holiday => self.holiday(caps, ctx),
            Form::Season => self.season(caps, ctx),
            Form::Weekday => self.weekday(caps, ctx),
            Form::Vague => {
                let m = caps.name("vague")?;
                self.vague(m.start(), m.end(), m.as_str(), ctx)
            }
            Form::Earlier => {
                let m = caps.name("earl")?;
                at_sentence_start(ctx.s, m.start()).then_some(())?;
                group("earl", Val::Vague("PAST_REF"), "vague")
            }
        }
    }

    /// `the weekend`: the reference's own on a Saturday or Sunday; else the
    /// one just past in past-tense reporting, the coming one in the future
    /// tense, and with no tense word the nearer one.
    fn weekend(&self, ctx: &Ctx, start: usize, end: usize) -> Option<Cand> {
        let r = ctx.reference?;
        // With no tense word, the nearer one: a Thursday or Friday looks ahead.
        let future = self.tense(ctx.s, start, end).unwrap_or(r.weekday() >= 3);
        let days = if future || r.weekday() >= 5 { 0 } else { -7 };
        let (y, w) = r.add_days(days).iso_week();
        Some(Cand::new(start, end, Val::Weekend(y, w), "relative"))
    }

    fn iso(&self, caps: &Caps) -> Option<Cand> {
        let all = caps.get(0)?;
        let y = caps.name("iso")?.as_str().parse().ok()?;
        let m = caps.name("iso_m")?.as_str().parse().ok()?;
        let d = caps.name("iso_d")?.as_str().parse().ok()?;
        let mut c = Cand::new(all.start(), all.end(), Val::Day(Date::new(y, m, d)?), "date");
        c.has_day = true;
        Some(c)
    }

    fn slash(&self, caps: &Caps) -> Option<Cand> {
        let all = caps.get(0)?;
        let a: u32 = caps.name("sl_a")?.as_str().parse().ok()?;
        let b: u32 = caps.name("sl_b")?.as_str().parse().ok()?;
        let y: i32 = caps.name("sl_y")?.as_str().parse().ok()?;
        // US order (month/day) unless the first number cannot be a month.
        let date = if a <= 12 { Date::new(y, a, b) } else { Date::new(y, b, a) }?;
        let mut c = Cand::new(all.start(), all.end(), Val::Day(date), "date");
        c.has_day = true;
        Some(c)
    }

    /// Whether a four-digit year written at `start..end` stands alone as a
    /// number, not `$2024`, `2,024`, `F-2024`, `2024%` or `2024 troops`.
    fn year_stands_alone(s: &str, start: usize, end: usize) -> bool {
        let before = s[..start].chars().next_back();
        if let Some(c) = before {
            let hyphen_ok = c == '-' && after_mid_hyphen(s, start);
            if (c.is_alphanumeric() || "$€£¥#/.,+-–№'’".contains(c)) && !hyphen_ok {
                return false;
            }
        }
        let mut after = s[end..].chars();
        match (after.next(), after.next()) {
            (Some(c), _) if c.is_alphanumeric() || c == '%' => return false,
            (Some(',' | '.' | '-' | '/'), Some(d)) if d.is_ascii_digit() => return false,
            (Some('-'), Some(d)) if d.is_alphabetic() => return false,
            _ => {}
        }
        !in_list(next_word(s, end), COUNT_NOUNS)
    }

    /// Resolves month `m` with no year: by tense, or by `last`/`next`/`this`.
    /// `future` tells whether the clause is in the future; it is asked only
    /// when the answer changes the year (see [`DateFinder::resolve_month_day`]).
    fn resolve_month(m: u32, r: Date, future: impl FnOnce() -> bool, rel: &str) -> Val {
        let y = match rel {
            "last" => {
                if m < r.month {
                    r.year
                } else {
                    r.year - 1
                }
            }
            "next" => {
                if m > r.month {
                    r.year
                } else {
                    r.year + 1
                }
            }
            // The reference's own month, whichever way the clause looks.
            "this" => r.year,
            _ if m == r.month => r.year,
            _ if future() => {
                if m >= r.month {
                    r.year
                } else {
                    r.year + 1
                }
            }
            _ => {
                if m <= r.month {
                    r.year
                } else {
                    r.year - 1
                }
            }
        };
        Val::Month(y, m)
    }

    /// Resolves month `m` day `d` with no year: the reference year, unless
    /// that lands more than two months on the wrong side of the reference.
    /// `future` tells whether the clause is in the future; it is asked
    /// only when the answer changes the date (reading the tense costs
    /// several regex searches, and most days written without a year fall
    /// within two months of the reference, where it does not).
    fn resolve_month_day(m: u32, d: u32, r: Date, future: impl FnOnce() -> bool) -> Option<Val> {
        // `Feb 29` without a year is the nearest leap day in the clause's direction.
        if m == 2 && d == 29 && Date::new(r.year, 2, 29).is_none() {
            let step = if future() { 1 } else { -1 };
            let y = (1..8).map(|k| r.year + step * k).find(|&y| Date::new(y, 2, 29).is_some())?;
            return Some(Val::Day(Date::new(y, 2, 29)?));
        }
        // "Feb 30", "November 31" are no days: no date rather than a wrong one.
        if d > days_in_month(2024, m) {
            return None;
        }
        let pick = |y: i32| Date::new(y, m, d);
        let cand = pick(r.year)?;
        let diff = cand.to_days() - r.to_days();
        // More than two months ahead in a past clause is last year's;
        // more than two months back in a future clause is next year's.
        let date = match (diff.abs() > 60).then(future) {
            Some(false) if diff > 60 => pick(r.year - 1)?,
            Some(true) if diff < -60 => pick(r.year + 1)?,
            _ => cand,
        };
        Some(Val::Day(date))
    }

    fn day_month(&self, caps: &Caps, ctx: &Ctx) -> Option<Cand> {
        let all = caps.get(0)?;
        let day: u32 = caps.name("d_day")?.as_str().parse().ok()?;
        let mon = caps.name("d_mon")?;
        let m = month_number(mon.as_str())?;
        if !(1..=31).contains(&day) {
            return None;
        }
        let before = ctx.s[..all.start()].chars().next_back();
        if before.is_some_and(|c| "$€£.,-/".contains(c)) {
            return None;
        }
        // "$ 12 December 27": a sum set off from its currency sign.
        let sign = ctx.s[..all.start()].trim_end().chars().next_back();
        if sign.is_some_and(|c| "$€£¥".contains(c)) {
            return None;
        }
        if let Some(y) = caps.name("d_year") {
            if Self::year_stands_alone(ctx.s, y.start(), y.end()) {
                let year: i32 = y.as_str().parse().ok()?;
                let mut c =
                    Cand::new(all.start(), y.end(), Val::Day(Date::new(year, m, day)?), "date");
                c.has_day = true;
                return Some(c);
            }
        }
        let end = mon.end();
        let val = match ctx.reference {
            Some(r) => {
                Self::resolve_month_day(m, day, r, || self.is_future(ctx.s, all.start(), end))?
            }
            None => {
                if day > days_in_month(2024, m) {
                    return None;
                }
                Val::NoYearDay(m, day)
            }
        };
        let mut c = Cand::new(all.start(), end, val, "relative");
        c.has_day = true;
        Some(c)
    }

    fn month(&self, caps: &Caps, ctx: &Ctx) -> Option<Cand> {
        let s = ctx.s;
        let mon = caps.name("m_mon")?;
        let name = mon.as_str();
        let m = month_number(name)?;
        let canon = name.trim_end_matches('.').to_ascii_lowercase();
        let lower = !is_capitalized(name);
        let abbreviated = name.ends_with('.')
            || canon.len() <= 4 && canon != "june" && canon != "july" && canon != "may";
        let ambiguous = matches!(canon.as_str(), "may" | "march" | "august");
        // A day, unless it is really the start of "2,000" or not a day at all.
        let day = caps.name("m_day").and_then(|d| {
            let n: u32 = d.as_str().parse().ok()?;
            let dx = caps.name("m_dayx")?;
            let mut after = s[d.end()..].chars();
            let thousands = matches!((after.next(), after.next()), (Some(',' | '.'), Some(c)) if c.is_ascii_digit());
            let sep = &s[mon.end()..d.start()];
            let ordinal = dx.len() > d.len();
            // "In October, 12 people died": a comma needs an ordinal day.
            let loose = sep.contains(',') && !ordinal;
            // "in October. 2 people": a full stop after a full name needs
            // the day to end the phrase.
            let stop = sep.contains('.') && !abbreviated && word_follows(s, dx.end());
            // "may 5 people": a lower-case ambiguous name needs a bare day.
            let verb = lower && ambiguous && word_follows(s, dx.end());
            ((1..=31).contains(&n) && !thousands && !loose && !stop && !verb).then_some((n, dx))
        });
        let year = caps.name("m_year").and_then(|y| {
            // "Dec-2018", "Dec/2018": the separator glues the year to the month.
            let glued = matches!(s[..y.start()].chars().next_back(), Some('-' | '/'))
                && !s[y.end()..].starts_with(|c: char| c.is_alphanumeric());
            // "Nov 18 2014-Dec 19 2015": a hyphen on to the next month.
            let to_month = s[y.end()..].strip_prefix(['-', '–']).is_some_and(|r| {
                let w = r.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
                let w = w.to_ascii_lowercase();
                let names = "january february march april may june july august september october november december";
                month_number(&w).is_some()
                    && (w.len() == 3 || w == "sept" || names.split(' ').any(|n| n == w))
            });
            let ok = glued || to_month || Self::year_stands_alone(s, y.start(), y.end());
            let n: i32 = y.as_str().parse().ok()?;
            ok.then_some((n, y))
        });
        let month_of = month_of_start(s, mon.start());
        // With the day, and the year if the day is kept.
        if let Some((d, dm)) = day {
            let mut end = dm.end();
            let mut d2 = None;
            if let (Some(x), Some(xx)) = (caps.name("m_day2"), caps.name("m_day2x")) {
                if let Ok(n) = x.as_str().parse::<u32>() {
                    if n > d && n <= 31 {
                        end = xx.end();
                        d2 = Some(n);
                    }
                }
            }
            let mut c = if let Some((y, ym)) = year {
                let mut c = Cand::new(mon.start(), ym.end(), Val::Day(Date::new(y, m, d)?), "date");
                if let Some(n) = d2 {
                    c.to = Some(Val::Day(Date::new(y, m, n)?));
                }
                c
            } else {
                let val = match ctx.reference {
                    Some(r) => {
                        Self::resolve_month_day(m, d, r, || self.is_future(s, mon.start(), end))?
                    }
                    None => {
                        if d > days_in_month(2024, m) {
                            return None;
                        }
                        Val::NoYearDay(m, d)
                    }
                };
                let mut c = Cand::new(mon.start(), end, val, "relative");
                if let Some(n) = d2 {
                    c.to = match val {
                        Val::Day(x) => Some(Val::Day(Date::new(x.year, m, n)?)),
                        _ => Some(Val::NoYearDay(m, n)),
                    };
                }
                c
            };
            c.has_day = true;
            return Some(c);
        }
        if let Some((y, ym)) = year {
            if caps.name("m_day").is_none() || lower || abbreviated {
                let start = month_of.unwrap_or(mon.start());
                return Some(Cand::new(start, ym.end(), Val::Month(y, m), "date").modifiable());
            }
        }
        // A month on its own.
        let (prev, prev_start) = prev_word(s, mon.start());
        let next = next_word(s, mon.end());
        // "after Feb", "since Oct": a bound word makes an abbreviation that
        // is no name or verb a month.
        let bounded = in_list(prev, &["since", "after", "before", "until", "till", "by", "from"])
            && in_list(&canon, &["feb", "apr", "jul", "sep", "sept", "oct", "nov", "dec"]);
        let determined = in_list(prev, &["this", "last", "next"]) || month_of.is_some() || bounded;
        if abbreviated && !determined {
            return None;
        }
        let possessive = caps.name("m_poss").is_some();
        let cue = in_list(prev, MONTH_CUES)
            || after_mid_hyphen(s, mon.start())
            || month_of.is_some()
            || self.prefixed(s, mon.start());
        let start_of_sentence = at_sentence_start(s, mon.start());
        // "the March on Rome", "a March against war": a march, not the month.
        let marching = ["on", "against", "for", "to", "through", "into", "toward", "towards"];
        if ambiguous && in_list(prev, &["the", "a"]) && in_list(next, &marching) {
            return None;
        }
        if ambiguous && !cue && !(possessive && canon != "may" && !start_of_sentence) {
            return None;
        }
        // "you may", "to march": lower case needs a cue that only a month takes.
        let strong = [
            "in",
            "since",
            "until",
            "till",
            "by",
            "during",
            "early",
            "mid",
            "late",
            "last",
            "next",
            "through",
            "throughout",
        ];
        if ambiguous && lower && !(in_list(prev, &strong) || month_of.is_some()) {
            return None;
        }
        if !cue {
            let name_before = !prev.is_empty() && is_capitalized(prev) && !start_of_sentence;
            let directly_followed = s[mon.end()..].starts_with(' ');
            let name_after = directly_followed && is_capitalized(next) && !possessive;
            if name_before || name_after {
                return None;
            }
        }
        let end = mon.end();
        let rel = prev.to_ascii_lowercase();
        let (start, rel) = match rel.as_str() {
            "last" | "next" | "this" => (prev_start, rel.as_str()),
            _ => (month_of.unwrap_or(mon.start()), ""),
        };
        let val = match ctx.reference {
            Some(r) => {
                let future = || match self.tense(s, start, end) {
                    Some(t) => t,
                    // No verb says: "by/until May" looks ahead, and so does a
                    // month only a little ahead of the reference.
                    None => {
                        let ahead = (m + 12 - r.month) % 12;
                        in_list(prev, &["by", "until", "till", "through"])
                            || (1..=2).contains(&ahead) && !possessive
                    }
                };
                Self::resolve_month(m, r, future, rel)
            }
            None => Val::NoYearMonth(m),
        };
        Some(Cand::new(start, end, val, "relative").modifiable())
    }

    fn year(&self, caps: &Caps, ctx: &Ctx) -> Option<Cand> {
        let s = ctx.s;
        let ym = caps.name("y")?;
        let all = caps.get(0)?;
        let y: i32 = ym.as_str().parse().ok()?;
        let possessive = caps.name("y_poss").is_some();
        // A range "2019-2021" or "2019-20" is one mention valued by its start.
        let range_end = caps.name("y2").and_then(|y2| {
            let t = y2.as_str();
            let n: i32 = t.parse().ok()?;
            let full = if t.len() == 2 { y / 100 * 100 + n } else { n };
            (full > y && full - y < 100).then_some(y2.end())
        });
        let end = match range_end {
            Some(e) => e,
            None if caps.name("y2").is_some() => return None,
            None => ym.end(),
        };
        if !Self::year_stands_alone(s, ym.start(), end) && !possessive {
            return None;
        }
        let (prev, prev_start) = prev_word(s, ym.start());
        let next = next_word(s, end);
        // "the year of 2008".
        let year_of = prev.eq_ignore_ascii_case("of")
            && prev_word(s, prev_start).0.eq_ignore_ascii_case("year");
        // "later than 2018": a bound, where "more than 2018" is a count.
        let than = prev.eq_ignore_ascii_case("than")
            && in_list(prev_word(s, prev_start).0, &["later", "earlier"]);
        let prefixed = after_mid_hyphen(s, ym.start()) || self.prefixed(s, ym.start());
        let between = s[ctx.last_end.min(ym.start())..ym.start()].trim().to_ascii_lowercase();
        let continues = ctx.last_end > 0
            && ["and", "or", "to", "through", "until", "till", "-", "–", "and in", "or in"]
                .contains(&between.as_str());
        let possessor = s[..ym.start()].trim_end().ends_with(['s', 'S'])
            && matches!(s[..ym.start()].trim_end().chars().rev().nth(1), Some('\'' | '’'));
        let determiner = (in_list(prev, DETERMINERS) || possessor)
            && next.chars().next().is_some_and(char::is_lowercase)
            && !s[end..].starts_with(['-', '–']);
        // "2014 to 2018": a year that opens a range of years.
        let after_next =
            next_word(s, (end + s[end..].find(next).unwrap_or(0) + next.len()).min(s.len()));
        let opens_range = in_list(next, &["to", "through", "till", "until", "thru"])
            && after_next.len() == 4
            && after_next.starts_with(['1', '2'])
            && after_next.bytes().all(|b| b.is_ascii_digit());
        // "2018 or later", "2010 and earlier": a bound follows.
        let rest = s[end..].trim_start().to_ascii_lowercase();
        let bound_after = ["or later", "and later", "or earlier", "and earlier", "onward"]
            .iter()
            .any(|b| rest.starts_with(b));
        let accept = possessive
            || bound_after
            || range_end.is_some()
            || opens_range
            || in_list(prev, YEAR_CUES)
            || year_of
            || than
            || prefixed
            || continues
            || determiner;
        if !accept {
            return None;
        }
        let end = if possessive { all.end() - caps.name("y_poss")?.len() } else { end };
        let mut c = Cand::new(ym.start(), end, Val::Year(y), "date").modifiable();
        if range_end.is_some() {
            let t = &s[ym.end()..end];
            let t = t.trim_start_matches(['-', '–', '~']);
            let n: i32 = t.parse().ok()?;
            c.to = Some(Val::Year(if t.len() == 2 { y / 100 * 100 + n } else { n }));
        }
        Some(c)
    }

    fn half_quarter(&self, caps: &Caps, ctx: &Ctx) -> Option<Cand> {
        let all = caps.get(0)?;
        let qh = caps.name("qh")?;
        let n = match caps.name("qh_n")?.as_str().to_ascii_lowercase().as_str() {
            "first" | "1st" => 1,
            "second" | "2nd" => 2,
            "third" | "3rd" => 3,
            _ => 4,
        };
        let half = caps.name("qh_u")?.as_str().eq_ignore_ascii_case("half");
        if half && n > 2 {
            return None;
        }
        let make = |y: i32| if half { Val::Half(y, n) } else { Val::Quarter(y, n) };
        if let Some(y) = caps.name("qh_y") {
            return Some(Cand::new(qh.start(), all.end(), make(y.as_str().parse().ok()?), "date"));
        }
        let r = ctx.reference?;
        if let Some(rel) = caps.name("qh_rel") {
            let y = match rel.as_str().to_ascii_lowercase().as_str() {
                "last" => r.year - 1,
                "next" => r.year + 1,
                _ => r.year,
            };
            return Some(Cand::new(qh.start(), all.end(), make(y), "relative"));
        }
        // "the first quarter" alone: only as a time adverbial, not "of the
        // match"; "third-quarter profit" is always one.
        let (prev, _) = prev_word(ctx.s, qh.start());
        let hyphenated = qh.as_str().contains('-');
        let of_follows = next_word(ctx.s, qh.end()).eq_ignore_ascii_case("of");
        let adverbial = in_list(prev, &["in", "during", "for", "by", "since", "over", "through"]);
        if !hyphenated && (of_follows || !adverbial) {
            return None;
        }
        // The most recent such period that has begun.
        let first_month = if half { 6 * n - 5 } else { 3 * n - 2 };
        let y = if first_month > r.month { r.year - 1 } else { r.year };
        Some(Cand::new(qh.start(), qh.end(), make(y), "relative"))
    }

    /// `a fortnight later`, `2 years 1 month 21 days later`: counted from
    /// the last date before it (`in 1971 … a year later`), or from the
    /// reference where there is none or it has no day for a count of days,
    /// as `the following week` counts.
    fn later(&self, caps: &Caps, ctx: &Ctx) -> Option<Cand> {
        let m = caps.name("lat")?;
        // "later than planned", "three weeks later this year than last".
        if in_list(next_word(ctx.s, m.end()), &["than", "this"]) {
            return None;
        }
        let unit = caps.name("lat_u")?.as_str().to_ascii_lowercase();
        let n = number_word(caps.name("lat_n")?.as_str())?;
        let mut counts = match caps.name("lat_pre") {
            Some(pre) => counted_units(pre.as_str(), &unit)?,
            None => Vec::new(),
        };
        counts.push((n, unit.trim_end_matches('s').to_string()));
        let r = ctx.reference;
        let months = |counts: &[(i64, String)]| -> i64 {
            counts.iter().map(|(n, u)| if u == "year" { 12 * n } else { *n }).sum()
        };
        let val = match unit.trim_end_matches('s') {
            "year" => {
                let y = match ctx.anchor {
                    Some(Val::Day(d)) => d.year,
                    Some(Val::Month(y, _) | Val::Year(y)) => y,
                    _ => r?.year,
                };
                Val::Year(y + n as i32)
            }
            "month" => {
                let (y, mo) = match ctx.anchor {
                    Some(Val::Day(d)) => (d.year, d.month),
                    Some(Val::Month(y, mo)) => (y, mo),
                    _ => (r?.year, r?.month),
                };
                let (y, mo) = shift_month(y, mo, months(&counts));
                Val::Month(y, mo)
            }
            _ => {
                let mut d = match ctx.anchor {
                    Some(Val::Day(d)) => d,
                    _ => r?,
                };
                for (count, u) in &counts {
                    d = extra::add_units(d, *count, u);
                }
                Val::Day(d)
            }
        };
        Some(Cand::new(m.start(), m.end(), val, "relative"))
    }

    fn ago(&self, caps: &Caps, ctx: &Ctx) -> Option<Cand> {
        let m = caps.name("ago")?;
        let unit = caps.name("ago_u")?.as_str().to_ascii_lowercase();
        let n = caps.name("ago_n").and_then(|n| number_word(n.as_str()));
        let Some(n) = n else {
            return Some(Cand::new(m.start(), m.end(), Val::Vague("PAST_REF"), "vague"));
        };
        let r = ctx.reference?;
        // "2 weeks and 2 days ago": the counts before the last move the day
        // back first.
        let mut r = r;
        if let Some(pre) = caps.name("ago_pre") {
            for (count, u) in counted_units(pre.as_str(), &unit)? {
                r = extra::add_units(r, -count, &u);
            }
        }
        let val = match unit.trim_end_matches('s') {
            "day" => Val::Day(r.add_days(-n)),
            "week" => week_of(r.add_days(-7 * n)),
            "month" => {
                let (y, mo) = shift_month(r.year, r.month, -n);
                Val::Month(y, mo)
            }
            "year" => Val::Year(r.year - n as i32),
            _ => Val::Year(r.year - 10 * n as i32),
        };
        Some(Cand::new(m.start(), m.end(), val, "relative"))
    }

    fn end_of(&self, caps: &Caps, ctx: &Ctx) -> Option<Cand> {
        let m = caps.name("endof")?;
        let r = ctx.reference?;
        let word = caps.name("eo_w").map_or("end".to_string(), |w| w.as_str().to_ascii_lowercase());
        let unit =
            caps.name("eo_u").map_or("year".to_string(), |u| u.as_str().to_ascii_lowercase());
        let modifier = match word.as_str() {
            "beginning" | "start" => "START",
            "middle" => "MID",
            _ => "END",
        };
        let val = match (unit.as_str(), modifier) {
            // Year-end is December (the seed gold's convention).
            ("year", "END") => Val::Month(r.year, 12),
            ("year", _) => Val::Year(r.year),
            ("month", _) => Val::Month(r.year, r.month),
            _ => week_of(r),
        };
        // `end of the year`, without the article (see `apply_prefix`).
        let text = m.as_str();
        let article = if text.len() > 4 && text[..4].eq_ignore_ascii_case("the ") { 4 } else { 0 };
        let mut c = Cand::new(m.start() + article, m.end(), val, "relative");
        c.modifier = modifier;
        Some(c)
    }

    fn last_next_this(&self, caps: &Caps, ctx: &Ctx) -> Option<Cand> {
        let all = caps.get(0)?;
        let r = ctx.reference?;
        let w = caps.name("lnt_w")?.as_str().to_ascii_lowercase();
        let delta: i64 = match w.as_str() {
            "last" => -1,
            "next" => 1,
            "this" => 0,
            _ => -1, // this past
        };
        let unit = caps.name("lnt_u")?.as_str().to_ascii_lowercase();
        // "this working week", "next workweek": the week.
        let unit = if unit.ends_with("week") { "week".to_string() } else { unit };
        let c = |val| Some(Cand::new(all.start(), all.end(), val, "relative"));
        match unit.as_str() {
            "week" => c(week_of(r.add_days(7 * delta))).map(Cand::modifiable),
            "month" => {
                let (y, m) = shift_month(r.year, r.month, delta);
                c(Val::Month(y, m)).map(Cand::modifiable)
            }
            "year" => c(Val::Year(r.year + delta as i32)).map(Cand::modifiable),
            "weekend" => {
                let (y, wk) = r.add_days(7 * delta).iso_week();
                c(Val::Weekend(y, wk))
            }
            "night" if delta == -1 => c(Val::Day(r.add_days(-1))),
            "morning" | "afternoon" | "evening" if delta == 0 => c(Val::Day(r)),
            _ => None,
        }
    }

    fn following(&self, caps: &Caps, ctx: &Ctx) -> Option<Cand> {
        let m = caps.name("foll")?;
        let w = caps.name("foll_w")?.as_str().to_ascii_lowercase();
        let unit = caps.name("foll_u")?.as_str().to_ascii_lowercase();
        let (prev, _) = prev_word(ctx.s, m.start());
        // "over the next month" is a span of time ahead, not a date.
        if w == "next"
            && matches!(unit.as_str(), "week" | "month" | "year")
            && in_list(prev, &["over", "in", "within", "during", "for", "throughout"])
        {
            return Some(Cand::new(m.start(), m.end(), Val::Vague("FUTURE_REF"), "vague"));
        }
        let delta: i64 = match w.as_str() {
            "following" | "next" => 1,
            "same" => 0,
            _ => -1,
        };
        // "the same week" with nothing before it to be the same as.
        if w == "same" && ctx.anchor.is_none() && matches!(unit.as_str(), "week" | "month" | "year")
        {
            let v = match unit.as_str() {
                "week" => "XXXX-WXX",
                "month" => "XXXX-XX",
                _ => "XXXX",
            };
            let start = caps.name("foll_w")?.start();
            return Some(Cand::new(start, m.end(), Val::Vague(v), "relative"));
        }
        let r = ctx.reference;
        let val = match unit.as_str() {
            "week" => {
                let base = match ctx.anchor {
                    Some(Val::Day(d)) => d,
                    _ => r?,
                };
                week_of(base.add_days(7 * delta))
            }
            "month" => {
                let (y, mo) = match ctx.anchor {
                    Some(Val::Day(d)) => (d.year, d.month),
                    Some(Val::Month(y, mo)) => (y, mo),
                    _ => (r?.year, r?.month),
                };
                let (y, mo) = shift_month(y, mo, delta);
                Val::Month(y, mo)
            }
            "year" => {
                let y = match ctx.anchor {
                    Some(Val::Day(d)) => d.year,
                    Some(Val::Month(y, _) | Val::Year(y)) => y,
                    _ => r?.year,
                };
                Val::Year(y + delta as i32)
            }
            _ => {
                let base = match ctx.anchor {
                    Some(Val::Day(d)) => d,
                    _ => r?,
                };
                Val::Day(base.add_days(delta))
            }
        };
        Some(Cand::new(m.start(), m.end(), val, "relative"))
    }

    fn simple(&self, start: usize, end: usize, word: &str, ctx: &Ctx) -> Option<Cand> {
        let r = ctx.reference?;
        // "USA Today", "Russia Today" are names.
        if word == "Today" && !at_sentence_start(ctx.s, start) {
            return None;
        }
        let val = match word.to_ascii_lowercase().as_str() {
            "yesterday" => r.add_days(-1),
            "tomorrow" => r.add_days(1),
            _ => r,
        };
        Some(Cand::new(start, end, Val::Day(val), "relative"))
    }

    fn holiday(&self, caps: &Caps, ctx: &Ctx) -> Option<Cand> {
        let m = caps.name("hol")?;
        let (prev, _) = prev_word(ctx.s, m.start());
        if in_list(prev, OTHER_CALENDARS) || next_word(ctx.s, m.end()) == "Island" {
            return None;
        }
        let r = ctx.reference?;
        let text = m.as_str();
        // The New Year nearest the reference date.
        let new_year = if r.month >= 7 { r.year + 1 } else { r.year };
        let christmas = if r.month <= 2 { r.year - 1 } else { r.year };
        let val = if text.starts_with("New") {
            if text.ends_with("Day") {
                Val::Day(Date::new(new_year, 1, 1)?)
            } else if text.ends_with("Eve") {
                Val::Day(Date::new(new_year - 1, 12, 31)?)
            } else {
                Val::Year(new_year)
            }
        } else if text.ends_with("Eve") {
            Val::Day(Date::new(christmas, 12, 24)?)
        } else {
            Val::Day(Date::new(christmas, 12, 25)?)
        };
        Some(Cand::new(m.start(), m.end(), val, "relative"))
    }

    fn season(&self, caps: &Caps, ctx: &Ctx) -> Option<Cand> {
        let s = ctx.s;
        let all = caps.get(0)?;
        let name = caps.name("s_name")?;
        let idx = match name.as_str().to_ascii_lowercase().as_str() {
            "spring" => 0,
            "summer" => 1,
            "autumn" | "fall" => 2,
            _ => 3,
        };
        let rel = caps.name("s_rel").map(|r| r.as_str().to_ascii_lowercase());
        let start = caps.name("s_rel").map_or(name.start(), |r| r.start());
        if let Some(y) = caps.name("s_year") {
            if Self::year_stands_alone(s, y.start(), y.end()) {
                let year: i32 = y.as_str().parse().ok()?;
                return Some(Cand::new(start, all.end(), Val::Season(year, idx), "date"));
            }
            rel.as_ref()?;
        }
        let (prev, prev_start) = prev_word(s, name.start());
        if rel.is_none() {
            // "Arab Spring", "prices fall", "the fall of Kabul".
            if is_capitalized(name.as_str()) && !at_sentence_start(s, name.start()) {
                return None;
            }
            let before_the = prev_word(s, prev_start).0;
            let cue =
                ["in", "during", "over", "through", "until", "since", "by", "early", "late", "mid"];
            let ok = in_list(prev, &cue)
                || prev.eq_ignore_ascii_case("the") && in_list(before_the, &cue)
                || after_mid_hyphen(s, name.start());
            let fall = idx == 2 && name.as_str().eq_ignore_ascii_case("fall");
            if !ok || fall && next_word(s, name.end()).eq_ignore_ascii_case("of") {
                return None;
            }
        }
        let r = ctx.reference?;
        let sm = SEASONS[idx].1;
        // Year in which the most recent instance started (on or before now).
        let started = if r.month >= sm { r.year } else { r.year - 1 };
        let y = match rel.as_deref() {
            Some("this") => {
                if idx == 3 && r.month <= 2 {
                    r.year - 1
                } else {
                    r.year
                }
            }
            Some("next") => {
                if sm > r.month {
                    r.year
                } else {
                    r.year + 1
                }
            }
            Some(_) => {
                // The most recent instance that is over.
                let end_index = i64::from(started) * 12 + i64::from(sm) + 1;
                let now_index = i64::from(r.year) * 12 + i64::from(r.month) - 1;
                if end_index < now_index {
                    started
                } else {
                    started - 1
                }
            }
            None => {
                if self.is_future(s, start, all.end()) {
                    if sm >= r.month {
                        r.year
                    } else {
                        r.year + 1
                    }
                } else {
                    started
                }
            }
        };
        Some(Cand::new(start, name.end(), Val::Season(y, idx), "relative").modifiable())
    }

    fn weekday(&self, caps: &Caps, ctx: &Ctx) -> Option<Cand> {
        let s = ctx.s;
        let all = caps.get(0)?;
        let wd = caps.name("wd")?;
        let target = weekday_number(wd.as_str())?;
        let (prev, prev_start) = prev_word(s, all.start());
        let next = next_word(s, wd.end());
        let mail_on = prev == "on" && prev_word(s, prev_start).0 == "Mail";
        if in_list(prev, WEEKDAY_NAMES_BEFORE) || WEEKDAY_NAMES_AFTER.contains(&next) || mail_on {
            return None;
        }
        let rel = caps.name("wd_rel").map(|m| m.as_str().to_ascii_lowercase());
        // "Sun", "Sat", "Wed" are words too: an abbreviation needs `on`,
        // `next` … before it or a date or stop after it.
        if caps.name("wd_abbr").is_some() {
            let after = s[wd.end()..].trim_start();
            let stop = after.is_empty() || after.starts_with([',', '.', '!', '?', ';', ')']);
            let after = after.trim_start_matches([',', '.']).trim_start();
            let dated = after.starts_with(|c: char| c.is_ascii_digit())
                || month_number(next_word(after, 0)).is_some() && next_word(after, 0).len() >= 3;
            let cued = rel.is_some() || in_list(prev, &["on", "by", "until", "from", "since"]);
            if !(dated || cued && stop) {
                return None;
            }
        }
        let r = ctx.reference?;
        let rw = r.weekday();
        let back = i64::from((rw + 7 - target) % 7);
        let ahead = i64::from((target + 7 - rw) % 7);
        // `previous Wednesday` is the previous calendar week's (ISO, Monday
        // first). `last`, `this past` name the nearest such day before, and
        // `next`, `coming` the nearest after, as news uses them: TempEval
        // gold reads `last Wednesday` on a Thursday as yesterday, and Reuters
        // of Monday 1987-04-27 has Nakasone arrive in Washington `next
        // Wednesday`, the 29th (the spec's next-week reading would say May 6).
        let this_week = i64::from(target) - i64::from(rw);
        let days = match rel.as_deref() {
            Some("previous") => this_week - 7,
            Some("last" | "this past" | "past") => -(if back == 0 { 7 } else { back }),
            Some(
                "next" | "this coming" | "coming" | "upcoming" | "this upcoming" | "following",
            ) => {
                if ahead == 0 {
                    7
                } else {
                    ahead
                }
            }
            _ => {
                if self.is_future(s, all.start(), all.end()) {
                    ahead
                } else {
                    -back
                }
            }
        };
        let mut c = Cand::new(all.start(), all.end(), Val::Day(r.add_days(days)), "relative");
        c.weekday = true;
        Some(c)
    }

    fn vague(&self, start: usize, end: usize, text: &str, ctx: &Ctx) -> Option<Cand> {
        let s = ctx.s;
        let lower = text.to_ascii_lowercase();
        let first = lower.split_whitespace().next().unwrap_or("");
        if s[end..].starts_with(['-', '–']) {
            return None; // "now-defunct", "recently-built"
        }
        let value = match first {
            "recently" => {
                // "the recently reported casualties": an adjective, no time of its own.
                let (prev, _) = prev_word(s, start);
                if in_list(prev, DETERMINERS) || in_list(prev, &["these", "those", "most"]) {
                    return None;
                }
                "PAST_REF"
            }
            "so" => {
                let next = next_word(s, end);
                if in_list(next, &["as", "away", "from", "beyond", "removed", "apart"]) {
                    return None;
                }
                "PRESENT_REF"
            }
            "in" if lower.ends_with("past") => "PAST_REF",
            "in" => "FUTURE_REF",
            _ => "PRESENT_REF",
        };
        Some(Cand::new(start, end, Val::Vague(value), "vague"))
    }
}

/// Whether a `past` match is a verb: not `US-led`, not `armed groups`.
fn real_past(s: &str, start: usize, word: &str) -> bool {
    const ADJECTIVES: &[&str] = &[
        "armed",
        "occupied",
        "united",
        "based",
        "related",
        "alleged",
        "concerned",
        "disputed",
        "limited",
        "advanced",
        "proposed",
        "planned",
        "scheduled",
        "expected",
        "unidentified",
        "unnamed",
        "armoured",
        "armored",
        "detained",
        "wounded",
        "injured",
        "need",
        "speed",
        "feed",
        "seed",
        "indeed",
        "red",
        "hundred",
        "bed",
        "shed",
        "creed",
        "breed",
        "wed",
        "embed",
        "exceed",
        "proceed",
        "succeed",
        "so-called",
        "called",
        "displaced",
        "coordinated",
    ];
    // A participle after an auxiliary ("will be held") carries no tense.
    let (prev, _) = prev_word(s, start);
    !s[..start].ends_with('-')
        && !in_list(word, ADJECTIVES)
        && !in_list(prev, &["be", "been", "being", "have", "has", "get", "got"])
}

/// The counts and units of `pre` (`2 years 1 month `, `2 weeks and `),
/// the part of a counted span before its last unit `last`: pairs of a
/// count and a singular unit, from the largest unit down. `None` when the
/// units do not run down to `last`: then the counts are two things (`six
/// weeks a year ago`).
fn counted_units(pre: &str, last: &str) -> Option<Vec<(i64, String)>> {
    let rank = |u: &str| {
        ["day", "week", "fortnight", "month", "year", "decade"]
            .iter()
            .position(|x| u.to_ascii_lowercase().trim_end_matches('s') == *x)
    };
    let words: Vec<&str> = pre
        .split(|c: char| c.is_whitespace() || c == ',' || c == '-')
        .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("and"))
        .collect();
    let mut out = Vec::new();
    let mut above = None;
    for pair in words.chunks(2) {
        let [count, u] = pair else { return None };
        if above.is_some_and(|a| rank(u) >= Some(a)) {
            return None;
        }
        above = rank(u);
        out.push((number_word(count)?, u.to_ascii_lowercase().trim_end_matches('s').to_string()));
    }
    if above.is_some_and(|a| rank(last) >= Some(a)) {
        return None;
    }
    Some(out)
}

/// The byte after the char starting at `i`.
fn next_char(s: &str, i: usize) -> usize {
    s[i..].chars().next().map_or(s.len(), |c| i + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sentence spans for tests: splits after `.`/`!`/`?` followed by a space
    /// and a capital, and at line breaks (good enough for the test texts).
    fn split(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = 0;
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let end_here = b[i] == b'\n'
                || (matches!(b[i], b'.' | b'!' | b'?')
                    && i + 2 < b.len()
                    && b[i + 1] == b' '
                    && b[i + 2].is_ascii_uppercase()
                    && !text[start..i].ends_with(" Nov")
                    && !text[start..i].ends_with(" Oct"));
            if end_here {
                let e = if b[i] == b'\n' { i } else { i + 1 };
                if !text[start..e].trim().is_empty() {
                    out.push(Span::new(start, e));
                }
                start = i + 1;
            }
            i += 1;
        }
        if start < text.len() {
            out.push(Span::new(start, text.len()));
        }
        out
    }

    fn run(
        text: &str,
        reference: Option<&str>,
    ) -> Vec<(String, String, &'static str, &'static str)> {
        let finder = DateFinder::new();
        let reference = reference.and_then(Date::parse);
        finder
            .find(text, &split(text), reference)
            .into_iter()
            .map(|m| (text[m.span.start..m.span.end].to_string(), m.value, m.kind, m.modifier))
            .collect()
    }

    const R: Option<&str> = Some("2024-10-15"); // a Tuesday

    /// (text, reference, span text, value, kind, modifier)
    type Row = (
        &'static str,
        Option<&'static str>,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    );
    const POSITIVE: &[Row] = &[
        // explicit calendar dates
        ("The attack came on October 14, 2024.", R, "October 14, 2024", "2024-10-14", "date", ""),
        (
            "It happened on Oct. 14, 2024, officials said.",
            R,
            "Oct. 14, 2024",
            "2024-10-14",
            "date",
            "",
        ),
        ("Talks ended on 14 October 2024.", R, "14 October 2024", "2024-10-14", "date", ""),
        ("He was born on the 3rd of March 1990.", R, "3rd of March 1990", "1990-03-03", "date", ""),
        ("The file is dated 2024-10-14.", R, "2024-10-14", "2024-10-14", "date", ""),
        ("The form was signed 10/14/2024.", R, "10/14/2024", "2024-10-14", "date", ""),
        ("The form was signed 25/12/2023.", R, "25/12/2023", "2023-12-25", "date", ""),
        ("The war began in February 2022.", R, "February 2022", "2022-02", "date", ""),
        ("The plan was drafted in June of 2019.", R, "June of 2019", "2019-06", "date", ""),
        ("Prices rose in 2014 and fell later.", R, "2014", "2014", "date", ""),
        ("Troops have been there since 2014.", R, "since 2014", "2014", "date", "ON_OR_AFTER"),
        ("Emissions must halve by 2030.", R, "by 2030", "2030", "date", "ON_OR_BEFORE"),
        ("Russia's 2024 budget is large.", R, "2024", "2024", "date", ""),
        ("The 2006 death toll is higher.", R, "2006", "2006", "date", ""),
        ("2024's harvest was poor.", R, "2024", "2024", "date", ""),
        (
            "It was built between 2019 and 2021.",
            R,
            "between 2019 and 2021",
            "2019/2021",
            "date",
            "",
        ),
        ("It ran from 2019-2021 under him.", R, "from 2019-2021", "2019/2021", "date", ""),
        ("The economy grew in the 1990s.", R, "the 1990s", "199X", "date", ""),
        ("Growth slowed in the 2010s.", R, "the 2010s", "201X", "date", ""),
        (
            "Output fell in the first half of 2024.",
            R,
            "the first half of 2024",
            "2024-H1",
            "date",
            "",
        ),
        ("Sales rose in the first quarter.", R, "the first quarter", "2024-Q1", "relative", ""),
        ("Third-quarter profit fell.", R, "Third-quarter", "2024-Q3", "relative", ""),
        (
            "Police raided the office over the weekend.",
            R,
            "the weekend",
            "2024-W41-WE",
            "relative",
            "",
        ),
        ("Elections are expected in December.", R, "December", "2024-12", "relative", ""),
        (
            "Talks must conclude by May.",
            Some("2024-03-22"),
            "by May",
            "2024-05",
            "relative",
            "ON_OR_BEFORE",
        ),
        (
            "Women's Day is this coming Sunday.",
            R,
            "this coming Sunday",
            "2024-10-20",
            "relative",
            "",
        ),
        (
            "The firm will pay more. Its shares closed lower Friday.",
            R,
            "Friday",
            "2024-10-11",
            "relative",
            "",
        ),
        ("Profits fell in Q3 2023.", R, "Q3 2023", "2023-Q3", "date", ""),
        ("The offensive began in winter 2023.", R, "winter 2023", "2023-WI", "date", ""),
        ("They met in the summer of 2021.", R, "summer of 2021", "2021-SU", "date", ""),
        // modifiers
        ("Putin visited Pyongyang in late June.", R, "late June", "2024-06", "relative", "LATE"),
        ("Growth resumed in mid-2023.", R, "mid-2023", "2023", "date", "MID"),
        ("The deal collapsed in late 2024.", R, "late 2024", "2024", "date", "LATE"),
        ("It fell in early June.", R, "early June", "2024-06", "relative", "EARLY"),
        ("The troops left at the end of March.", R, "end of March", "2024-03", "relative", "END"),
        ("It starts at the beginning of 2025.", R, "beginning of 2025", "2025", "date", "START"),
        ("It collapsed late last year.", R, "late last year", "2023", "relative", "LATE"),
        (
            "Troops could be deployed by year-end.",
            R,
            "by year-end",
            "2024-12",
            "relative",
            "ON_OR_BEFORE",
        ),
        (
            "It is due by the end of the year.",
            R,
            "by the end of the year",
            "2024-12",
            "relative",
            "ON_OR_BEFORE",
        ),
        ("They were in the region in the early 1990s.", R, "early 1990s", "199X", "date", "EARLY"),
        // months without a year
        ("In June, the two leaders signed a pact.", R, "June", "2024-06", "relative", ""),
        ("Elections were held in November.", R, "November", "2023-11", "relative", ""),
        ("Elections will be held in November.", R, "November", "2024-11", "relative", ""),
        ("Reports from August suggested more.", R, "August", "2024-08", "relative", ""),
        (
            "The rebels refused to sign the May peace agreement.",
            R,
            "May",
            "2024-05",
            "relative",
            "",
        ),
        ("The group took office in March.", R, "March", "2024-03", "relative", ""),
        ("He resigned last May.", R, "last May", "2024-05", "relative", ""),
        (
            "December's toll was the highest.",
            Some("2006-12-28"),
            "December",
            "2006-12",
            "relative",
            "",
        ),
        (
            "The truce held from June to August.",
            R,
            "from June to August",
            "2024-06/2024-08",
            "relative",
            "",
        ),
        (
            "Zelensky warned on October 14 that Russia would act.",
            R,
            "October 14",
            "2024-10-14",
            "relative",
            "",
        ),
        ("Bloggers wrote on Oct 4 about it.", R, "Oct 4", "2024-10-04", "relative", ""),
        ("The court ruled on Feb. 24.", R, "Feb. 24", "2024-02-24", "relative", ""),
        (
            "Fighting raged from June 1-3 near the town.",
            R,
            "from June 1-3",
            "2024-06-01/2024-06-03",
            "relative",
            "",
        ),
        (
            "JERUSALEM, Nov. 26 (Xinhua) -- A ceasefire began.",
            Some("2006-11-26"),
            "Nov. 26",
            "2006-11-26",
            "relative",
            "",
        ),
        (
            "A summit on December 28 ended.",
            Some("2024-01-05"),
            "December 28",
            "2023-12-28",
            "relative",
            "",
        ),
        (
            "The vote will be held on January 5.",
            Some("2024-12-20"),
            "January 5",
            "2025-01-05",
            "relative",
            "",
        ),
        ("Zelensky spoke on October 14.", None, "October 14", "XXXX-10-14", "relative", ""),
        ("Zelensky spoke in June.", None, "June", "XXXX-06", "relative", ""),
        // weekdays (the reference is a Tuesday)
        ("Zelensky spoke on Tuesday.", R, "Tuesday", "2024-10-15", "relative", ""),
        ("Zelensky spoke on Monday.", R, "Monday", "2024-10-14", "relative", ""),
        (
            "Ministers said on Sunday that they would meet.",
            R,
            "Sunday",
            "2024-10-13",
            "relative",
            "",
        ),
        ("Ministers will meet on Friday.", R, "Friday", "2024-10-18", "relative", ""),
        (
            "Rice is scheduled to visit Jordan on Wednesday for talks.",
            R,
            "Wednesday",
            "2024-10-16",
            "relative",
            "",
        ),
        (
            "The talks, which will resume, ended Thursday, officials said.",
            R,
            "Thursday",
            "2024-10-10",
            "relative",
            "",
        ),
        ("They met last Tuesday.", R, "last Tuesday", "2024-10-08", "relative", ""),
        ("They meet next Tuesday.", R, "next Tuesday", "2024-10-22", "relative", ""),
        (
            "A bomber struck in southern Afghanistan Tuesday, killing eight.",
            R,
            "Tuesday",
            "2024-10-15",
            "relative",
            "",
        ),
        (
            "He spoke on Monday, October 14, in Kyiv.",
            R,
            "Monday, October 14",
            "2024-10-14",
            "relative",
            "",
        ),
        // relative
        ("He arrived yesterday.", R, "yesterday", "2024-10-14", "relative", ""),
        ("He leaves tomorrow.", R, "tomorrow", "2024-10-16", "relative", ""),
        ("Today, the talks resume.", R, "Today", "2024-10-15", "relative", ""),
        ("Heavy fighting began last week.", R, "last week", "2024-W41", "relative", ""),
        ("Talks continue this week.", R, "this week", "2024-W42", "relative", ""),
        ("Talks resume next week.", R, "next week", "2024-W43", "relative", ""),
        ("Clashes broke out last month.", R, "last month", "2024-09", "relative", ""),
        ("The toll rose this month.", R, "this month", "2024-10", "relative", ""),
        ("The economy shrank last year.", R, "last year", "2023", "relative", ""),
        ("It was the bloodiest month this year.", R, "this year", "2024", "relative", ""),
        (
            "Kim suggested earlier this month that it was true.",
            R,
            "earlier this month",
            "2024-10",
            "relative",
            "",
        ),
        ("Workers arrived earlier this year.", R, "earlier this year", "2024", "relative", ""),
        ("A vote is planned later this year.", R, "later this year", "2024", "relative", ""),
        (
            "In June, Kim pledged to send a unit the following month.",
            R,
            "the following month",
            "2024-07",
            "relative",
            "",
        ),
        (
            "The deal was signed on May 3, 2020, and ratified the following year.",
            R,
            "the following year",
            "2021",
            "relative",
            "",
        ),
        (
            "He died on June 4. He had fallen ill the previous day.",
            R,
            "the previous day",
            "2024-06-03",
            "relative",
            "",
        ),
        ("Peace talks collapsed six years ago.", R, "six years ago", "2018", "relative", ""),
        ("They met two weeks ago.", R, "two weeks ago", "2024-W40", "relative", ""),
        (
            "Police raided the office this weekend.",
            R,
            "this weekend",
            "2024-W42-WE",
            "relative",
            "",
        ),
        (
            "Police raided the office last weekend.",
            R,
            "last weekend",
            "2024-W41-WE",
            "relative",
            "",
        ),
        ("Shelling was heavy last night.", R, "last night", "2024-10-14", "relative", ""),
        (
            "Saddam may be executed early in the New Year.",
            Some("2006-12-28"),
            "New Year",
            "2007",
            "relative",
            "",
        ),
        ("Fighting stopped over Christmas.", R, "Christmas", "2024-12-25", "relative", ""),
        ("The heat wave hit last summer.", R, "last summer", "2024-SU", "relative", ""),
        (
            "Israel fought Hezbollah in summer.",
            Some("2006-11-26"),
            "summer",
            "2006-SU",
            "relative",
            "",
        ),
        // vague
        (
            "Russia will involve Korea in the coming months.",
            R,
            "in the coming months",
            "FUTURE_REF",
            "vague",
            "",
        ),
        ("Rebels recently seized the town.", R, "recently", "PAST_REF", "vague", ""),
        ("Troops are currently hunting rebels.", R, "currently", "PRESENT_REF", "vague", ""),
        ("They are in full retreat now.", R, "now", "PRESENT_REF", "vague", ""),
        ("Violence rose in recent years.", R, "in recent years", "PAST_REF", "vague", ""),
        (
            "Militants were killed in the past 96 hours.",
            R,
            "the past 96 hours",
            "PAST_REF",
            "vague",
            "",
        ),
        (
            "Ceasefires failed in the past, analysts said.",
            R,
            "in the past",
            "PAST_REF",
            "vague",
            "",
        ),
        ("Earlier, the Red Cross said 1,000 died.", R, "Earlier", "PAST_REF", "vague", ""),
        // lower case, abbreviations and glued forms
        ("i'll go back april 22", R, "april 22", "2025-04-22", "relative", ""),
        ("It may be in may", R, "may", "2024-05", "relative", ""),
        ("I'll go back Oct/2", R, "Oct/2", "2024-10-02", "relative", ""),
        ("It fell on april22.", R, "april22", "2024-04-22", "relative", ""),
        ("It closed on 22april.", R, "22april", "2024-04-22", "relative", ""),
        ("I'll go back July 1st.", R, "July 1st", "2025-07-01", "relative", ""),
        ("I'll go back on tues.", R, "tues", "2024-10-15", "relative", ""),
        ("Book lunch on Tue May 9.", R, "Tue May 9", "2024-05-09", "relative", ""),
        ("I'll be out the month of Jan", R, "the month of Jan", "2025-01", "relative", ""),
        ("In the 70s it boomed.", R, "the 70s", "197X", "date", ""),
        // numeric forms
        ("Signed 2015/08/12 in Rome.", R, "2015/08/12", "2015-08-12", "date", ""),
        ("Signed on 21/04/16.", R, "21/04/16", "2016-04-21", "date", ""),
        ("Sales rose in 3/2015.", R, "3/2015", "2015-03", "date", ""),
        ("Sales rose in 2015-3.", R, "2015-3", "2015-03", "date", ""),
        ("The vote was on 4/22.", R, "4/22", "2024-04-22", "relative", ""),
        // day words
        ("He left on second of Aug.", R, "second of Aug", "2024-08-02", "relative", ""),
        ("It opens May twenty nine.", R, "May twenty nine", "2024-05-29", "relative", ""),
        ("They met on the 12th.", R, "the 12th", "2024-10-12", "relative", ""),
        ("We met on Friday the 11th.", R, "Friday the 11th", "2024-10-11", "relative", ""),
        (
            "The vote will be the first Friday of November.",
            R,
            "the first Friday of November",
            "2024-11-01",
            "relative",
            "",
        ),
        // ranges
        (
            "I'll be out from 4 to 22 this month",
            R,
            "from 4 to 22 this month",
            "2024-10-04/2024-10-22",
            "relative",
            "",
        ),
        (
            "Talks ran between 3 and 12 of Sept.",
            R,
            "between 3 and 12 of Sept",
            "2024-09-03/2024-09-12",
            "relative",
            "",
        ),
        (
            "Talks ran November 19 to 20.",
            R,
            "November 19 to 20",
            "2024-11-19/2024-11-20",
            "relative",
            "",
        ),
        (
            "Sales ran from May to Oct 2020.",
            R,
            "from May to Oct 2020",
            "2020-05/2020-10",
            "relative",
            "",
        ),
        (
            "I'll be out today till tomorrow",
            R,
            "today till tomorrow",
            "2024-10-15/2024-10-16",
            "relative",
            "",
        ),
        ("The range is 2014 to 2018.", R, "2014 to 2018", "2014/2018", "date", ""),
        ("It happened in the 15th century.", R, "15th century", "14", "date", ""),
        // bounds
        ("We can leave after 2018.", R, "after 2018", "2018", "date", "AFTER"),
        ("Sales before 2010 fell.", R, "before 2010", "2010", "date", "BEFORE"),
        ("I want sales for 2012 or later.", R, "2012 or later", "2012", "date", "ON_OR_AFTER"),
        ("Prices have risen since August", R, "since August", "2024-08", "relative", "ON_OR_AFTER"),
        // relative periods
        ("I'll be out next 3 days", R, "next 3 days", "2024-10-16/2024-10-18", "relative", ""),
        (
            "Prices fell past few weeks.",
            R,
            "past few weeks",
            "2024-09-24/2024-10-14",
            "relative",
            "",
        ),
        ("Prices fell in the past few weeks.", R, "the past few weeks", "PAST_REF", "vague", ""),
        (
            "Prices fell in the past three days.",
            R,
            "past three days",
            "2024-10-12/2024-10-14",
            "relative",
            "",
        ),
        ("They will meet in 2 weeks.", R, "in 2 weeks", "2024-10-29", "relative", ""),
        ("Come back two weeks from now.", R, "two weeks from now", "2024-10-29", "relative", ""),
        (
            "It ends the day after tomorrow.",
            R,
            "the day after tomorrow",
            "2024-10-17",
            "relative",
            "",
        ),
        (
            "I'll be away rest of the month",
            R,
            "rest of the month",
            "2024-10-15/2024-10-31",
            "relative",
            "",
        ),
        (
            "I'll be out the last week of July",
            R,
            "the last week of July",
            "2025-W31",
            "relative",
            "",
        ),
        ("Meet me next week Wednesday.", R, "next week Wednesday", "2024-10-23", "relative", ""),
        (
            "We have dates the week of April 10th.",
            R,
            "the week of April 10th",
            "2024-W15",
            "relative",
            "",
        ),
        ("I was not there that weekend.", R, "that weekend", "XXXX-WXX-WE", "relative", ""),
        ("I was not there the same week.", R, "same week", "XXXX-WXX", "relative", ""),
        // quarters, halves, years with their noun
        ("Sales rose last quarter.", R, "last quarter", "2024-Q3", "relative", ""),
        ("Sales went up during 2017-q1.", R, "2017-q1", "2017-Q1", "date", ""),
        ("2019 H2 will bring challenges.", R, "2019 H2", "2019-H2", "date", ""),
        ("Sales in the year 2008 rose.", R, "year 2008", "2008", "date", ""),
        ("What's your plan for Dec-2018?", R, "Dec-2018", "2018-12", "date", ""),
        // holidays
        ("I'll go back on christmas day", R, "christmas day", "2024-12-25", "relative", ""),
        ("We met on easter sunday 2018.", R, "easter sunday 2018", "2018-04-01", "date", ""),
        // `previous` weekday: the previous calendar week's; `next` the nearest ahead.
        (
            "We meet next Wednesday.",
            Some("2024-10-14"),
            "next Wednesday",
            "2024-10-16",
            "relative",
            "",
        ),
        (
            "It fell on the previous Wednesday.",
            Some("2024-10-17"),
            "previous Wednesday",
            "2024-10-09",
            "relative",
            "",
        ),
        (
            "It fell last Wednesday.",
            Some("2024-10-17"),
            "last Wednesday",
            "2024-10-16",
            "relative",
            "",
        ),
        // Leap day without a year: the nearest one.
        ("They married on Feb 29.", R, "Feb 29", "2024-02-29", "relative", ""),
        // A year written after a yearless date or range.
        ("They met on 28 June in 2020.", R, "28 June in 2020", "2020-06-28", "date", ""),
        (
            "Sales from April to June in 2017 fell.",
            R,
            "from April to June in 2017",
            "2017-04/2017-06",
            "date",
            "",
        ),
        // The part of a period as one side of a range, and not when alone.
        (
            "He left at the end of 2007 and returned in the middle of 2008.",
            R,
            "middle of 2008",
            "2008",
            "date",
            "MID",
        ),
        // ranges of full dates and of months to a day
        (
            "It ran Nov 18 2014-Dec 19 2015 in Seoul.",
            R,
            "Nov 18 2014-Dec 19 2015",
            "2014-11-18/2015-12-19",
            "date",
            "",
        ),
        (
            "It ran October 1986-April 1987.",
            R,
            "October 1986-April 1987",
            "1986-10/1987-04",
            "date",
            "",
        ),
        (
            "It runs Nov-Feb 5th, 2017 in Seoul.",
            R,
            "Nov-Feb 5th, 2017",
            "2016-11/2017-02-05",
            "date",
            "",
        ),
        // a leading zero is no fraction: the range may run into the next year
        (
            "The offer runs from 10/25 to 01/25.",
            R,
            "from 10/25 to 01/25",
            "2024-10-25/2025-01-25",
            "relative",
            "",
        ),
        // the dot of an abbreviated month does not part a week from its weekday
        (
            "We meet the 1st week of Oct. on Friday.",
            R,
            "the 1st week of Oct. on Friday",
            "2024-10-04",
            "relative",
            "",
        ),
        // Bounds on a year.
        (
            "It must end no later than 2030.",
            R,
            "no later than 2030",
            "2030",
            "date",
            "ON_OR_BEFORE",
        ),
        ("It will not end later than 2030.", R, "later than 2030", "2030", "date", "AFTER"),
        ("He stayed before the year 2019.", R, "before the year 2019", "2019", "date", "BEFORE"),
        (
            "The vote will be held in a fortnight.",
            R,
            "in a fortnight",
            "2024-10-29",
            "relative",
            "",
        ),
        // Counts of several units.
        (
            "They met 2 weeks and 2 days ago.",
            R,
            "2 weeks and 2 days ago",
            "2024-09-29",
            "relative",
            "",
        ),
        ("They met 1 month, 21 days ago.", R, "1 month, 21 days ago", "2024-08-25", "relative", ""),
        (
            "They worked on it for the last 3 months and 2 weeks and 2 days.",
            R,
            "last 3 months and 2 weeks and 2 days",
            "2024-06-29/2024-10-14",
            "relative",
            "",
        ),
        (
            "They worked on it for the last 3 months and 2 days ago found it.",
            R,
            "2 days ago",
            "2024-10-13",
            "relative",
            "",
        ),
        // `N units later`: from the date before it, else the reference.
        ("He joined in 1971. A year later he left.", R, "A year later", "1972", "relative", ""),
        (
            "He was held on May 2. Two weeks later he was freed.",
            R,
            "Two weeks later",
            "2024-05-16",
            "relative",
            "",
        ),
        (
            "The plan was filed last month and 3 weeks later approved.",
            R,
            "3 weeks later",
            "2024-11-05",
            "relative",
            "",
        ),
        (
            "It opened in March 2001 and closed 2 years 1 month later.",
            R,
            "2 years 1 month later",
            "2003-04",
            "relative",
            "",
        ),
        (
            "The story played out again a fortnight later.",
            R,
            "a fortnight later",
            "2024-10-29",
            "relative",
            "",
        ),
        // Numeric day ranges.
        (
            "The office is closed from 10/1 to 11/7.",
            R,
            "from 10/1 to 11/7",
            "2024-10-01/2024-11-07",
            "relative",
            "",
        ),
        (
            "He will be away from 5/1-5/7/2020.",
            R,
            "from 5/1-5/7/2020",
            "2020-05-01/2020-05-07",
            "date",
            "",
        ),
        // A count of units before or after a day.
        (
            "They met 2 weeks before May 13, 1999.",
            R,
            "2 weeks before May 13, 1999",
            "1999-04-29",
            "date",
            "",
        ),
        (
            "The talks began three days after Christmas 2023.",
            R,
            "three days after Christmas 2023",
            "2023-12-28",
            "date",
            "",
        ),
        // Years in words.
        ("They left in nineteen ninety-six.", R, "nineteen ninety-six", "1996", "date", ""),
        (
            "He came back in two thousand and fifteen.",
            R,
            "two thousand and fifteen",
            "2015",
            "date",
            "",
        ),
        (
            "It opened in October two thousand and five.",
            R,
            "October two thousand and five",
            "2005-10",
            "date",
            "",
        ),
        (
            "It opened on 13 Sept nineteen seventy two.",
            R,
            "13 Sept nineteen seventy two",
            "1972-09-13",
            "date",
            "",
        ),
        (
            "It opened in nineteen hundred ninety three.",
            R,
            "nineteen hundred ninety three",
            "1993",
            "date",
            "",
        ),
        // a bound on a part of a period: both modifiers, the value whole
        (
            "Prices have risen since late July.",
            R,
            "since late July",
            "2024-07",
            "relative",
            "ON_OR_AFTER+LATE",
        ),
        (
            "Output fell before early September.",
            R,
            "before early September",
            "2024-09",
            "relative",
            "BEFORE+EARLY",
        ),
        (
            "Rents have climbed since the end of 1989.",
            R,
            "since the end of 1989",
            "1989",
            "date",
            "ON_OR_AFTER+END",
        ),
        (
            "The law will pass by the end of June.",
            R,
            "by the end of June",
            "2025-06",
            "relative",
            "ON_OR_BEFORE",
        ),
        // a range to the end of a period
        (
            "The mission ran from 2007 to the end of 2008.",
            R,
            "from 2007 to the end of 2008",
            "2007/2008",
            "date",
            "",
        ),
        // a range from or to a point inside a period
        (
            "Output fell from the middle of 2007 to the end of 2008.",
            R,
            "from the middle of 2007 to the end of 2008",
            "2007-07-02/2008",
            "date",
            "",
        ),
        (
            "Talks ran from the end of March to the middle of September.",
            R,
            "from the end of March to the middle of September",
            "2024-04-01/2024-09-15",
            "relative",
            "",
        ),
        (
            "Prices rose from 2007 to the start of 2008.",
            R,
            "from 2007 to the start of 2008",
            "2007/2007-12-31",
            "date",
            "",
        ),
        (
            "It was filed more than two weeks before today.",
            R,
            "more than two weeks before today",
            "2024-10-01",
            "relative",
            "BEFORE",
        ),
        // quarters
        (
            "Sales fell in the last two quarters.",
            R,
            "last two quarters",
            "2024-Q2/2024-Q3",
            "relative",
            "",
        ),
        ("Profits rose in the previous quarter.", R, "previous quarter", "2024-Q3", "relative", ""),
        // holidays
        ("Stores opened early on Black Friday.", R, "Black Friday", "2023-11-24", "relative", ""),
        ("Crowds gathered last Easter.", R, "last Easter", "2024-03-31", "relative", ""),
        (
            "Traffic peaked over Labor Day weekend.",
            R,
            "Labor Day weekend",
            "2024-W35-WE",
            "relative",
            "",
        ),
        (
            "Americans celebrated Independence Day.",
            R,
            "Independence Day",
            "2024-07-04",
            "relative",
            "",
        ),
        // week numbers, eight-digit dates, fiscal years
        ("Sales dipped in week 31.", R, "week 31", "2024-W31", "relative", ""),
        ("See report-20170302.html for details.", R, "20170302", "2017-03-02", "date", ""),
        ("Revenue grew in fiscal year 2008.", R, "fiscal year 2008", "2008", "date", ""),
        ("Targets for FY2025 were cut.", R, "FY2025", "2025", "date", ""),
        // month ranges: the one that holds the reference month
        (
            "Talks run from August to November.",
            R,
            "from August to November",
            "2024-08/2024-11",
            "relative",
            "",
        ),
        (
            "Fighting raged between May and September.",
            R,
            "between May and September",
            "2024-05/2024-09",
            "relative",
            "",
        ),
        // days in words
        (
            "The fair ran April ninth through seventeenth.",
            R,
            "April ninth through seventeenth",
            "2024-04-09/2024-04-17",
            "relative",
            "",
        ),
        (
            "It shut between the ninth and the seventeenth of April.",
            R,
            "between the ninth and the seventeenth of April",
            "2024-04-09/2024-04-17",
            "relative",
            "",
        ),
        // parts of a year
        (
            "Rooms were booked for the first two weeks of 2021.",
            R,
            "the first two weeks of 2021",
            "2021-W01/2021-W02",
            "date",
            "",
        ),
        (
            "Growth slowed in the first nine months of 2023.",
            R,
            "the first nine months of 2023",
            "2023-01/2023-09",
            "date",
            "",
        ),
        (
            "They left in the third month of 2021.",
            R,
            "the third month of 2021",
            "2021-03",
            "date",
            "",
        ),
        // this/next with a day, weeks of work, the rest of a week
        ("The vote is due next 5/12.", R, "next 5/12", "2025-05-12", "relative", ""),
        ("The vote is due next 12/5.", R, "next 12/5", "2024-12-05", "relative", ""),
        ("It was signed last Sept. 30.", R, "last Sept. 30", "2024-09-30", "relative", ""),
        ("It will end this 6th of April.", R, "this 6th of April", "2024-04-06", "relative", ""),
        ("Talks will resume next workweek.", R, "next workweek", "2024-W43", "relative", ""),
        (
            "It was filed on the 15th day of June.",
            R,
            "15th day of June",
            "2024-06-15",
            "relative",
            "",
        ),
        (
            "The fair will open in the week beginning February 4.",
            R,
            "the week beginning February 4",
            "2025-W06",
            "relative",
            "",
        ),
        (
            "Prices will stay high for the remainder of the year.",
            R,
            "remainder of the year",
            "2024-10-15/2024-12-31",
            "relative",
            "",
        ),
        (
            "It will open 3 days after January 12.",
            R,
            "3 days after January 12",
            "2025-01-15",
            "relative",
            "",
        ),
        (
            "Offices close for the next two business days.",
            R,
            "next two business days",
            "2024-10-16/2024-10-17",
            "relative",
            "",
        ),
        (
            "Sales were flat from 2010 till current date.",
            R,
            "from 2010 till current date",
            "2010/2024-10-15",
            "relative",
            "",
        ),
        (
            "It expects a profit by next year's first quarter.",
            R,
            "by next year's first quarter",
            "2025-Q1",
            "relative",
            "ON_OR_BEFORE",
        ),
        ("We meet in the week of the 18th.", R, "the week of the 18th", "2024-W38", "relative", ""),
        ("She was born in April of '87.", R, "April of '87", "1987-04", "date", ""),
        (
            "Prices have risen since Feb, analysts said.",
            R,
            "since Feb",
            "2024-02",
            "relative",
            "ON_OR_AFTER",
        ),
        // the year, the weekend
        ("Sales fell during the year.", R, "the year", "2024", "relative", ""),
        // a count of units from a day: the period it starts
        (
            "Quotas hold for 12 months from April 1.",
            R,
            "for 12 months from April 1",
            "2024-04-01/2025-03-31",
            "relative",
            "",
        ),
        (
            "The curfew runs two weeks starting May 20.",
            R,
            "two weeks starting May 20",
            "2024-05-20/2024-06-02",
            "relative",
            "",
        ),
        ("He said it was their best result to date.", R, "to date", "PRESENT_REF", "vague", ""),
        ("Music changed in the seventies.", R, "seventies", "197X", "date", ""),
        ("Two people died during the weekend.", R, "the weekend", "2024-W41-WE", "relative", ""),
        // `this`/`next` fix a numeric day before the range joins it.
        (
            "The offer runs from this 5/12 to next 5/19.",
            Some("2019-05-20"),
            "from this 5/12 to next 5/19",
            "2019-05-12/2020-05-19",
            "relative",
            "",
        ),
        // A named month with a year and a day in another order.
        ("It opened September-2020-23.", R, "September-2020-23", "2020-09-23", "date", ""),
        ("It closed 2020/23/Sep.", R, "2020/23/Sep", "2020-09-23", "date", ""),
        ("It closed 23-2020-September.", R, "23-2020-September", "2020-09-23", "date", ""),
        // A sum set off from its currency sign is no day.
        ("I bought it for $ 12 December 27.", R, "December 27", "2023-12-27", "relative", ""),
        // `in N units' time` is ahead whatever the tense.
        (
            "Talks resume in three weeks' time, he said.",
            R,
            "in three weeks",
            "2024-11-05",
            "relative",
            "",
        ),
        (
            "He said it would end in a fortnight’s time.",
            R,
            "in a fortnight",
            "2024-10-29",
            "relative",
            "",
        ),
        // Two-digit years run at most 20 years ahead of the reference.
        ("It was filed 03/18/50.", R, "03/18/50", "1950-03-18", "date", ""),
        ("It expires 03/18/29.", R, "03/18/29", "2029-03-18", "date", ""),
        // `the year of 1980`
        ("Profit beat the high set for the full year of 1980.", R, "1980", "1980", "date", ""),
    ];

    /// (text, reference, text that must not be (part of) a date)
    const NEGATIVE: &[(&str, Option<&str>, &str)] = &[
        ("The ceasefire may facilitate talks.", R, "may"),
        ("May God protect them, she said.", R, "May"),
        ("Prime Minister Theresa May said it was over.", R, "May"),
        ("Protesters plan to march on the capital.", R, "march"),
        ("Thousands joined the March on Rome anniversary.", R, "March"),
        ("Ukraine wants F-16 jets.", R, "F-16"),
        ("The army sent 2,000 troops.", R, "2,000"),
        ("The council passed Resolution 2231 quietly.", R, "2231"),
        ("Russia sent 1,200 troops.", R, "1,200"),
        ("Officials counted 2024 troops at the border.", R, "2024"),
        ("The item costs $2024 now.", R, "$2024"),
        ("Some 2,024 people voted.", R, "024"),
        ("In June 2,000 troops arrived.", R, "2,000"),
        ("Ukraine's Independence Day parade was cancelled.", R, "Independence Day"),
        ("The Chiefs won in Week 3.", R, "Week 3"),
        ("The fund holds $20170302 in cash.", R, "20170302"),
        ("Margins fell over the past several quarters.", R, "quarters"),
        ("The month-long siege ended.", R, "month"),
        ("The form was dated Feb 30.", R, "Feb 30"),
        ("In April of 87 people polled, most agreed.", R, "87"),
        ("Profits for the year rose.", R, "the year"),
        ("Crop estimates for the 1987/88 year starting April 1 rose.", R, "88 year"),
        ("She was named Player of the Year.", R, "Year"),
        ("Stocks rose from six weeks a year ago.", R, "six weeks"),
        ("Easter sales will be three weeks later this year than last.", R, "three weeks"),
        ("It came two days later than planned.", R, "two days later"),
        ("A man in his forties was hurt.", R, "forties"),
        ("Keep your records up to date.", R, "to date"),
        ("Pilgrims prayed at St. Patrick's Cathedral.", R, "Patrick"),
        ("The Sunday Times reported the claim.", R, "Sunday"),
        ("USA Today reported the claim.", R, "Today"),
        ("The Arab Spring toppled rulers.", R, "Spring"),
        ("Prices could fall further.", R, "fall"),
        ("After the fall of Kabul, many fled.", R, "fall"),
        ("A four-year-old girl was hurt.", R, "year"),
        ("The recently reported casualties were officers.", R, "recently"),
        ("The now-defunct party lost.", R, "now"),
        ("The 34-day war ended.", R, "day"),
        ("Talks in Jan were not held.", R, "Jan"),
        ("He scored in the second half of the match.", R, "second half"),
        ("The strike came at 2100 GMT.", R, "2100"),
        ("A 13-year-old girl was killed.", R, "13-year"),
        ("Tuesday's meeting happened.", None, "Tuesday"),
        ("Some economists say this may allow it.", R, "may"),
        ("Odds were cut from 4/6 to 1/2, bookmakers said.", R, "1/2"),
        ("The yield rose by 1/2 percentage point.", R, "1/2"),
        ("Spending after 9/11 rose.", R, "9/11"),
        ("Support is available 24/7.", R, "24/7"),
        ("The Tories were up six on 37 and Labour on 21.", R, "21"),
        ("Sales rose Nov 18 2014-Marketing costs fell.", R, "2014"),
        ("The 2005-6 target was missed.", R, "2005-6"),
        ("The 1986/7 budget was cut.", R, "1986/7"),
        ("JUN7  38462  UP 1156", R, "JUN7"),
        ("Shares sat on the sidelines.", R, "sat"),
        ("He read The Sun yesterday.", R, "Sun"),
        ("They chose the march route.", R, "march"),
        ("He won for the second time.", R, "second"),
        ("They live on the 5th floor.", R, "5th"),
        ("It was the first rise in 2 years.", R, "2 years"),
        ("It said that year-to-date sales rose.", R, "that year"),
        ("She turns 60 next year.", R, "60"),
        ("In October, 12 people died.", R, "12"),
        ("Some two thousand people marched.", R, "two thousand"),
        ("In nineteen ninety-six cases the test failed.", R, "nineteen ninety-six"),
        ("Turnout was more than 2018 levels.", R, "2018"),
        ("Shares rose 3/4-1/2 points.", R, "3/4-1/2"),
        ("Bids rose from 1/8 to 3/4, dealers said.", R, "1/8 to 3/4"),
        ("It runs ten flights a week from May 31.", R, "a week"),
        ("It opened September-2020/23.", R, "/23"),
        ("I bought it for $ 12 December 27.", R, "$ 12"),
        ("He earned in a week's wages what she made.", R, "a week"),
        ("He scored 30 of 2000 points.", R, "2000"),
        ("Bids rose this week from 3/4 to 7/8.", R, "3/4"),
        // A month name that ends a longer word is no month.
        ("They flew an Antonov 12 into Somalia.", R, "nov 12"),
        ("Mr Kumar 5 was listed.", R, "mar 5"),
        ("To their dismay 20 staff left.", R, "may 20"),
    ];

    /// A bound word after a line break, Unix or Windows, as after a space.
    #[test]
    fn a_bound_word_after_a_line_break() {
        let finder = DateFinder::new();
        for text in ["Output rose from 2012\nonward.", "Output rose from 2012\r\nonward."] {
            let found = finder.find(text, &[Span::new(0, text.len())], None);
            let got: Vec<(&str, &str)> =
                found.iter().map(|m| (&text[m.span.start..m.span.end], m.modifier)).collect();
            assert_eq!(got, [(&text[17..text.len() - 1], "ON_OR_AFTER")], "{text:?}");
        }
    }

    #[test]
    fn positive_rows() {
        let mut failures = Vec::new();
        for &(text, reference, span, value, kind, modifier) in POSITIVE {
            let found = run(text, reference);
            let ok = found
                .iter()
                .any(|(t, v, k, m)| t == span && v == value && *k == kind && *m == modifier);
            if !ok {
                failures.push(format!(
                    "{text:?}: want {span:?}={value} {kind} {modifier:?}, got {found:?}"
                ));
            }
        }
        assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
    }

    /// The tense is asked for only where it changes the value, and the
    /// value is what it would be with the tense read first: every month,
    /// day and `last`/`next`/`this` against references across two years.
    #[test]
    fn tense_asked_only_where_it_changes_the_value() {
        let mut asked = 0;
        for r in (0..730).filter_map(|n| Date::new(2023, 1, 1).map(|d| d.add_days(n))) {
            for m in 1..=12 {
                for rel in ["", "last", "next", "this"] {
                    let by = |f: bool| DateFinder::resolve_month(m, r, || f, rel);
                    let called = std::cell::Cell::new(false);
                    let lazy = DateFinder::resolve_month(m, r, || !called.replace(true), rel);
                    assert_eq!(lazy, by(true), "{m} {r} {rel:?}");
                    assert_eq!(called.get(), by(true) != by(false), "{m} {r} {rel:?}");
                    asked += usize::from(called.get());
                }
                for d in 1..=31 {
                    let by = |f: bool| DateFinder::resolve_month_day(m, d, r, || f);
                    let called = std::cell::Cell::new(false);
                    let lazy = DateFinder::resolve_month_day(m, d, r, || !called.replace(true));
                    assert_eq!(lazy, by(true), "{m}-{d} {r}");
                    assert_eq!(called.get(), by(true) != by(false), "{m}-{d} {r}");
                    asked += usize::from(called.get());
                }
            }
        }
        assert!(asked > 10_000, "the tense was asked only {asked} times");
    }

    #[test]
    fn negative_rows() {
        let mut failures = Vec::new();
        for &(text, reference, bad) in NEGATIVE {
            let at = text.find(bad).expect("negative text present");
            let bad_span = Span::new(at, at + bad.len());
            let finder = DateFinder::new();
            let found = finder.find(text, &split(text), reference.and_then(Date::parse));
            if let Some(m) = found.iter().find(|m| m.span.overlaps(bad_span)) {
                failures.push(format!(
                    "{text:?}: {:?} taken as {}",
                    &text[m.span.start..m.span.end],
                    m.value
                ));
            }
        }
        assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
    }

    #[test]
    fn output_is_ordered_non_overlapping_and_within_sentences() {
        let text = "In June 2024, Kim met Putin.\nOn Tuesday, October 14, 2024 they met again in late June and mid-2023.";
        let sentences = split(text);
        let found = DateFinder::new().find(text, &sentences, Date::parse("2024-10-15"));
        assert!(!found.is_empty());
        for pair in found.windows(2) {
            assert!(pair[0].span.end <= pair[1].span.start);
        }
        for m in &found {
            assert!(sentences.iter().any(|s| s.contains(m.span)), "{m:?} crosses a sentence");
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        let finder = DateFinder::new();
        let text = "Já em 2024, 14 de outubro — “May 2024’s” ¼ 2024-13-45 99/99/2024 Feb. 30 Feb 29, 2023 June 31";
        for reference in [None, Date::parse("2024-02-29"), Date::parse("2024-01-01")] {
            let _ = finder.find(text, &[], reference);
            let _ = finder.find(
                text,
                &[Span::new(0, 5), Span::new(3, 2), Span::new(0, 999)],
                reference,
            );
            let _ = finder.find("", &[], reference);
            // A pass once moved a start back over the candidate before it.
            let odd = "sent troops to 's 18726 Gip 2526 705 ” on Monday last week of on Monday    “ \t Vladimir Putin 1371 ,";
            let _ = finder.find(odd, &[], reference);
        }
    }

    /// The second rule set, written in lower case and run over the
    /// lower-cased sentence, finds what it would find as `(?i-u)` rules
    /// over the sentence as written.
    #[test]
    fn extra_rules_on_lower_case_as_case_insensitive() {
        let (lower, written) = (patterns::build_extra(), patterns::build_extra());
        let written: Vec<String> = written.iter().map(|p| format!("(?i-u:{p})")).collect();
        let (lower, written) = (Rules::new(&lower, None), Rules::new(&written, None));
        let (mut a, mut b) = (lower.scratch(), written.scratch());
        #[rustfmt::skip]
        let pieces = [
            " ", ", ", "-", "/", ".", " of ", " to ", " the ", "On ", "ON ", "By ", "FROM ",
            "April", "APRIL", "Apr", "aPr", "Sept", "MAY", "May", "Tuesday", "TUE", "Fri",
            "Tenth", "TWENTY-first", "Nineteen ", "Ninety-Six", "Two Thousand", "twenties",
            "Christmas EVE", "Week", "WEEKS", "Next", "LAST", "Quarter", "Q", "H", "FY", "cy",
            "Day", "After", "Tomorrow", "TMRW", "Year", "Month", "Century", "É", "’s",
            "22", "4", "2016", "87", "1st", "3RD", "20161016",
        ];
        for text in crate::testing::generated_texts(&pieces, 20_000, 12) {
            let folded = text.to_ascii_lowercase();
            let mut pos = 0;
            while pos < text.len() {
                let want = written.captures_in(&text, &text, pos..text.len(), &mut b).map(|c| {
                    let m = c.get(0).map(|m| (m.start(), m.end()));
                    (m, c.slots.pattern())
                });
                let got = lower.captures_in(&text, &folded, pos..text.len(), &mut a).map(|c| {
                    let m = c.get(0).map(|m| (m.start(), m.end()));
                    (m, c.slots.pattern())
                });
                assert_eq!(got, want, "{text:?} from {pos}");
                let Some((Some((start, _)), _)) = got else { break };
                pos = next_char(&text, start);
            }
        }
    }

    /// Groups from the memo are the groups the rule finds, on texts where
    /// the same matches recur with word and non-word bytes around them.
    #[test]
    fn memo_groups_as_rule_search() {
        let finder = DateFinder::new();
        for (rules, lower) in [(&finder.main, false), (&finder.extra, true)] {
            let mut scratch = rules.scratch();
            #[rustfmt::skip]
            let pieces = [
                " ", ", ", "-", "/", ".", "_", "x", " of ", " to ", " the ", "on ", "last ",
                "April", "may", "Sept", "Tuesday", "fri", "tenth", "week", "year", "ago", "now",
                "22", "4", "2016", "87", "1st", "1990s", "’s", "É",
            ];
            let (mut hits, mut found) = (0, 0);
            for text in crate::testing::generated_texts(&pieces, 40_000, 14) {
                let text = if lower { text.to_ascii_lowercase() } else { text };
                let mut pos = 0;
                while pos < text.len() {
                    let input = Input::new(&text).range(pos..);
                    let cache = scratch.find.get_or_insert_with(|| rules.find().create_cache());
                    let Some(m) = rules.find().search_with(cache, &input) else { break };
                    let memo = &mut scratch.memo;
                    hits += usize::from(
                        memo.key(text.as_bytes(), &m) && memo.map.contains_key(&memo.key[..]),
                    );
                    let rule = &rules.rules[m.pattern().as_usize()];
                    let mut want = rule.create_captures();
                    let alone = Input::new(&text).range(m.range()).anchored(Anchored::Yes);
                    rule.search_captures(&alone, &mut want);
                    let caps = rules.captures_of(&text, &text, m, &mut scratch).expect("a rule");
                    assert_eq!(caps.slots.slots(), want.slots(), "{text:?} at {:?}", m.range());
                    found += 1;
                    pos = next_char(&text, m.start());
                }
            }
            assert!(hits > 1_000 && found > hits, "{hits} of {found} matches from the memo");
        }
    }

    /// Every window the prefix regex matches passes the test before it.
    #[test]
    fn prefix_cue_before_the_regex() {
        let finder = DateFinder::new();
        #[rustfmt::skip]
        let pieces = [
            " ", "  ", "-", " - ", "\u{a0}", "\u{2003}", ".", "x", "in", "early", "Mid", "LATE",
            "the", "The", "very", "end", "close", "beginning", "start", "middle", "of", "Of",
            "early ", "mid-", "late ", "the ", "end of ", "start of ", "of the ",
        ];
        let mut found = 0;
        for window in crate::testing::generated_texts(&pieces, 50_000, 8) {
            if finder.prefix.is_match(&window) {
                assert!(may_end_in_prefix(&window), "{window:?}");
                found += 1;
            }
        }
        assert!(found > 1_000, "only {found} windows with a prefix");
    }

    /// The DFAs `build.rs` compiled load, and find what the lazy DFA of the
    /// same rules finds.
    #[test]
    fn built_dfas_find_as_lazy() {
        let finder = DateFinder::new();
        for (rules, lower) in [(&finder.main, false), (&finder.extra, true)] {
            let Some(built) = &rules.built else { panic!("the built DFAs do not load") };
            let mut cache = rules.find().create_cache();
            #[rustfmt::skip]
            let pieces = [
                " ", ", ", "-", "/", ".", " of ", " to ", " the ", "on ", "last ", "next ",
                "April", "may", "Sept", "Tuesday", "fri", "tenth", "twenty-first", "nineteen ",
                "ninety-six", "week", "weeks", "quarter", "q", "fy", "day", "after", "tomorrow",
                "year", "month", "ago", "now", "Christmas", "New Year", "Earlier,", "É", "’s",
                "22", "4", "2016", "87", "1st", "3rd", "20161016", "1990s", "\u{a0}",
            ];
            let mut found = 0;
            for text in crate::testing::generated_texts(&pieces, 20_000, 12) {
                let text = if lower { text.to_ascii_lowercase() } else { text };
                let mut pos = 0;
                while pos < text.len() {
                    let input = Input::new(&text).range(pos..);
                    let want = rules.find().search_with(&mut cache, &input);
                    assert_eq!(built.try_search(&input).ok(), Some(want), "{text:?} from {pos}");
                    let Some(m) = want else { break };
                    found += 1;
                    pos = next_char(&text, m.start());
                }
            }
            assert!(found > 1_000, "only {found} matches: the test texts need more dates");
        }
    }

    /// Each main rule has the group of exactly one form: the form is read
    /// from the rule that matched, not asked for group by group.
    #[test]
    fn every_main_rule_has_one_form() {
        let finder = DateFinder::new();
        for (names, form) in finder.main.names.iter().zip(&finder.forms) {
            let has = |name: &str| names.iter().any(|(n, _)| &**n == name);
            let forms = FORMS.iter().filter(|(name, _)| has(name)).count();
            assert_eq!(forms, 1, "{names:?}");
            assert!(form.is_some());
        }
        assert_eq!(finder.forms.len(), patterns::build_main().len());
    }

    /// The values written digit by digit read as `format!` writes them,
    /// for years of any length and sign.
    #[test]
    fn values_render_as_format_writes_them() {
        for y in [-12_345, -5, 0, 7, 99, 1987, 2024, 12_345] {
            for n in [1, 9, 12, 53] {
                let d = Date { year: y, month: n.min(12), day: n.min(28) };
                let (m, dd) = (d.month, d.day);
                let cases = [
                    (Val::Day(d), format!("{y:04}-{m:02}-{dd:02}")),
                    (Val::NoYearDay(m, dd), format!("XXXX-{m:02}-{dd:02}")),
                    (Val::Month(y, m), format!("{y:04}-{m:02}")),
                    (Val::NoYearMonth(m), format!("XXXX-{m:02}")),
                    (Val::Year(y), format!("{y:04}")),
                    (Val::Week(y, n), format!("{y:04}-W{n:02}")),
                    (Val::Weekend(y, n), format!("{y:04}-W{n:02}-WE")),
                    (Val::Season(y, 1), format!("{y:04}-SU")),
                    (Val::Decade(y), format!("{y:03}X")),
                    (Val::Century(y), format!("{y:02}")),
                    (Val::Half(y, 2), format!("{y:04}-H2")),
                    (Val::Quarter(y, 4), format!("{y:04}-Q4")),
                    (Val::Vague("PAST_REF"), "PAST_REF".to_string()),
                ];
                for (val, want) in cases {
                    let mut got = String::new();
                    val.render_into(&mut got);
                    assert_eq!(got, want, "{val:?}");
                }
            }
        }
        let range = Cand { to: Some(Val::Year(2021)), ..Cand::new(0, 1, Val::Year(2019), "DATE") };
        assert_eq!(range.render(), "2019/2021");
    }

    #[test]
    fn finder_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<DateFinder>();
    }
}
