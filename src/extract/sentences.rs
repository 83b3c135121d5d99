//! Sentence splitting tuned for news: abbreviations, initials, decimals,
//! quotes and headlines.
//!
//! The splitter is a single left-to-right scan over the bytes of the text.
//! Candidate boundaries are clusters of terminal punctuation (`.`, `?`, `!`,
//! `…`, spaced `. . .`) with any closing quotes or brackets after them, and
//! line breaks. Each candidate is judged from a small, bounded window of
//! context: the token before the punctuation (is it an abbreviation, a title,
//! an initial, a number, a URL?) and the word after it (lowercase? a common
//! sentence starter such as *He* or *The*?). A short pre-pass finds numbered
//! and lettered list items (`1.`, `2)`, `a.`) and bullets, which start new
//! sentences of their own.
//!
//! Everything is linear in the length of the input: look-behind and
//! look-ahead windows are capped, so a 50 MB line without whitespace or a
//! run of 10,000 periods costs one pass.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::masks::{first_bits, masks};
use crate::hash::FxBuild;
use crate::Span;

/// Longest token (in bytes) looked at behind a period.
const TOKEN_WINDOW: usize = 64;
/// Longest word (in bytes) looked at after a boundary candidate.
const WORD_WINDOW: usize = 24;

/// Bullet glyphs that start a new list item wherever they follow whitespace.
const BULLETS: &[char] = &['•', '⁃', '◦', '▪', '‣', '●', '■', '►', '▸', '❖'];
/// Characters that may close a sentence after its terminal punctuation.
/// `“` is included because news text often mistypes a closing quote.
const CLOSERS: &[char] = &['"', '\'', ')', ']', '}', '’', '”', '“', '»', '›', '」', '』'];
/// Characters that may open a sentence before its first word.
const OPENERS: &[char] = &['"', '\'', '(', '[', '{', '“', '‘', '«', '‹', '「', '『', '¿', '¡'];

/// Titles written before a name: never the end of a sentence.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Dr", "Drs", "Prof", "Profs", "Gen", "Gens", "Lt", "Col",
    "Maj", "Sgt", "Capt", "Cpt", "Cmdr", "Cdr", "Adm", "Brig", "Cpl", "Pvt", "Pfc", "Spc", "Sen",
    "Sens", "Rep", "Reps", "Gov", "Govs", "Pres", "Rev", "Revd", "Hon", "Fr", "Supt", "Insp",
    "Det", "Amb", "Atty", "Mme", "Mlle", "Msgr", "Sra", "Srta", "Gov.-Gen", "Lt.-Col", "Lt.-Gen",
    "Rt", "Ald", "Cllr", "Comdr", "Cmdt", "Ens", "Sec", "Secs", "Treas", "Pte", "Dep",
];

/// Abbreviations that usually precede a name but can end a sentence
/// (`Main St. The …`).
const PLACE_TITLES: &[&str] = &["St", "Ste", "Mt", "Ft", "Pt"];

/// Abbreviations that end a sentence only when a clear sentence starter
/// follows (compared in lowercase).
const AMBIGUOUS: &[&str] = &[
    "inc", "co", "cos", "corp", "ltd", "plc", "llc", "llp", "bros", "jr", "sr", "etc", "approx",
    "est", "dept", "univ", "assn", "assoc", "ave", "av", "blvd", "rd", "hwy", "sq", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues",
    "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "no", "nos", "vol", "vols", "pp", "fig",
    "figs", "ca", "al", "ed", "eds", "dist", "div", "ft", "in", "lb", "lbs", "oz", "km", "mi",
    "min", "max", "hr", "hrs", "yr", "yrs", "mo", "mos", "pct", "govt", "intl", "natl", "mfg",
    "misc", "ref", "ret", "gal", "qt", "pt", "pts", "tel", "ext", "apt", "bldg", "ch", "chap",
    "art", "arts", "para", "sec", "op", "cit", "ibid", "esp", "orig", "abbr", "repr", "trans",
];

/// U.S. state abbreviations in AP style; matched only when capitalised,
/// because several are ordinary words (Ill, Miss, Wash, Mass).
const STATES: &[&str] = &[
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans",
    "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nebr", "Nev", "Okla",
    "Ore", "Pa", "Penn", "Tenn", "Tex", "Vt", "Va", "Wash", "Wis", "Wisc", "Wyo", "Ont", "Que",
    "Alta", "Sask", "Man",
];

/// Abbreviations after which a sentence never ends.
const NEVER: &[&str] = &["vs", "v", "cf", "viz", "e.g", "i.e", "eg", "ie", "c.f", "a.k.a", "aka"];

/// Words that, before a number, mark it as a reference (`No. 5`, `p. 55`).
const NUMBER_PREFIXES: &[&str] = &[
    "no", "nos", "n°", "nº", "p", "pp", "vol", "vols", "art", "arts", "fig", "figs", "ch", "chap",
    "sec", "op", "tel", "ext", "rt", "hwy", "rte", "apt", "ste", "bldg", "para", "pt", "pts", "v",
    "vs", "ca", "c", "approx", "est", "av", "ave", "rm", "gate", "ph", "cat", "ver", "col", "cols",
];

/// Words that commonly start an English news sentence.
const STARTERS: &[&str] = &[
    "A",
    "About",
    "According",
    "After",
    "Afterwards",
    "Again",
    "Ahead",
    "All",
    "Along",
    "Already",
    "Also",
    "Although",
    "Among",
    "An",
    "And",
    "Another",
    "Any",
    "Are",
    "As",
    "At",
    "Authorities",
    "Back",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Can",
    "Could",
    "Critics",
    "Despite",
    "Did",
    "Do",
    "Does",
    "During",
    "Each",
    "Earlier",
    "Either",
    "Even",
    "Every",
    "Few",
    "Finally",
    "First",
    "For",
    "From",
    "Furthermore",
    "Had",
    "Has",
    "Have",
    "He",
    "Her",
    "Here",
    "Hers",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Indeed",
    "Instead",
    "Is",
    "It",
    "Its",
    "Just",
    "Last",
    "Later",
    "Let",
    "Many",
    "Meanwhile",
    "More",
    "Moreover",
    "Most",
    "Much",
    "My",
    "Neither",
    "Never",
    "Nevertheless",
    "Next",
    "No",
    "Nobody",
    "None",
    "Nor",
    "Not",
    "Nothing",
    "Now",
    "Of",
    "Officials",
    "On",
    "Once",
    "One",
    "Only",
    "Or",
    "Other",
    "Others",
    "Our",
    "Over",
    "Perhaps",
    "Please",
    "Police",
    "Residents",
    "Several",
    "She",
    "Should",
    "Since",
    "So",
    "Some",
    "Still",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Thus",
    "To",
    "Today",
    "Tomorrow",
    "Two",
    "Under",
    "Unlike",
    "Until",
    "Upon",
    "We",
    "Were",
    "Was",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Why",
    "Will",
    "With",
    "Without",
    "Would",
    "Yesterday",
    "Yet",
    "You",
    "Your",
];

/// Starters trusted after a single capital letter, which is usually an
/// initial (`George W. Bush`): no single letters, few prepositions.
const INITIAL_STARTERS: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "His",
    "Her",
    "Its",
    "Their",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "But",
    "However",
    "Meanwhile",
    "What",
    "How",
    "Why",
    "Did",
    "Does",
    "Do",
    "Is",
    "Are",
    "Was",
    "Were",
    "Will",
    "Would",
    "Can",
    "Could",
    "Should",
    "You",
    "Our",
    "My",
];

/// Words that continue a clock time (`5 p.m. Friday`, `9 a.m. EST`).
const TIME_FOLLOWERS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Mon",
    "Tue",
    "Tues",
    "Wed",
    "Thu",
    "Thurs",
    "Fri",
    "Sat",
    "Sun",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "EST",
    "EDT",
    "ET",
    "CST",
    "CDT",
    "CT",
    "MST",
    "MDT",
    "MT",
    "PST",
    "PDT",
    "PT",
    "GMT",
    "UTC",
    "BST",
    "CET",
    "CEST",
    "IST",
    "JST",
    "AEST",
    "AEDT",
    "HKT",
    "SGT",
    "WIB",
    "Eastern",
    "Central",
    "Mountain",
    "Pacific",
    "Atlantic",
    "Greenwich",
    "Universal",
    "Coordinated",
    "Moscow",
    "Beijing",
    "Local",
];

/// Words that leave a line unfinished when it ends with them.
const CONNECTORS: &[&str] = &[
    "a",
    "an",
    "and",
    "the",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "as",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "said",
    "says",
    "than",
    "into",
    "onto",
    "about",
    "after",
    "before",
    "over",
    "under",
    "between",
    "against",
    "per",
    "via",
    "this",
    "these",
    "those",
    "not",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "or",
    "but",
    "nor",
    "if",
    "when",
    "while",
    "where",
    "because",
    "since",
    "during",
    "through",
    "across",
    "among",
    "toward",
    "towards",
    "upon",
    "within",
    "without",
    "including",
    "such",
];

/// Which of the word lists above each word is on: one hash look-up where
/// `contains` compared a word with every entry of a list (over a hundred
/// for [`AMBIGUOUS`]) at each full stop and line break.
static LISTED: LazyLock<HashMap<&'static str, u16, FxBuild>> = LazyLock::new(|| {
    let lists: [(&[&str], u16); 10] = [
        (TITLES, TITLE),
        (PLACE_TITLES, PLACE_TITLE),
        (AMBIGUOUS, AMBIGUOUS_WORD),
        (STATES, STATE),
        (NEVER, NEVER_WORD),
        (NUMBER_PREFIXES, NUMBER_PREFIX),
        (STARTERS, STARTER),
        (INITIAL_STARTERS, INITIAL_STARTER),
        (TIME_FOLLOWERS, TIME_FOLLOWER),
        (CONNECTORS, CONNECTOR),
    ];
    let mut words: HashMap<&'static str, u16, FxBuild> = HashMap::default();
    for (list, bit) in lists {
        for &w in list {
            *words.entry(w).or_default() |= bit;
        }
    }
    words
});

const TITLE: u16 = 1 << 0;
const PLACE_TITLE: u16 = 1 << 1;
const AMBIGUOUS_WORD: u16 = 1 << 2;
const STATE: u16 = 1 << 3;
const NEVER_WORD: u16 = 1 << 4;
const NUMBER_PREFIX: u16 = 1 << 5;
const STARTER: u16 = 1 << 6;
const INITIAL_STARTER: u16 = 1 << 7;
const TIME_FOLLOWER: u16 = 1 << 8;
const CONNECTOR: u16 = 1 << 9;

/// Whether `word` is on any of the `lists` (bits of [`LISTED`]).
fn listed(word: &str, lists: u16) -> bool {
    LISTED.get(word).is_some_and(|&bits| bits & lists != 0)
}

/// Splits `text` into sentences.
///
/// Spans are in order, do not overlap, carry no leading or trailing
/// whitespace, and together cover every non-whitespace character. Offsets
/// are bytes and always fall on `char` boundaries. The function never
/// panics and runs in time linear in `text.len()`.
pub fn split(text: &str) -> Vec<Span> {
    split_with(text, true)
}

/// [`split`], taking plain text a block at a time (`blocks`) or, as the
/// tests' reference, byte by byte.
fn split_with(text: &str, blocks: bool) -> Vec<Span> {
    let (forced, no_break) = list_items(text);
    let mut scanner = Scanner {
        text,
        bytes: text.as_bytes(),
        cuts: forced.clone(),
        forced,
        no_break,
        words: 0,
        line_first: None,
        sent_start: 0,
        blocks,
    };
    scanner.run();
    let Scanner { mut cuts, .. } = scanner;
    cuts.sort_unstable();
    cuts.dedup();
    let spans = spans_from_cuts(text, &cuts);
    if spans.iter().all(|s| s.len() <= MAX_SENTENCE) {
        return spans;
    }
    let mut out = Vec::with_capacity(spans.len());
    for s in spans {
        cut_long(text, s, &mut out);
    }
    out
}

/// Longest sentence in bytes. Real sentences stay far below it; a longer
/// "sentence" is a table, a list or text without punctuation, and the
/// later stages look around each trigger within its sentence, so an
/// unbounded sentence would make them quadratic.
pub const MAX_SENTENCE: usize = 4096;

/// Pushes `span` cut into pieces of at most [`MAX_SENTENCE`] bytes, each
/// ending after a `;`, `:`, `,` or a space in its second half where there
/// is one.
fn cut_long(text: &str, span: Span, out: &mut Vec<Span>) {
    let mut start = span.start;
    while span.end - start > MAX_SENTENCE {
        let lo = start + MAX_SENTENCE / 2;
        let mut hi = start + MAX_SENTENCE;
        while !text.is_char_boundary(hi) {
            hi -= 1;
        }
        let window = &text.as_bytes()[lo..hi];
        let after = |set: &[u8]| window.iter().rposition(|b| set.contains(b)).map(|i| lo + i + 1);
        let cut = after(b";:\n")
            .or_else(|| after(b","))
            .or_else(|| after(b" \t"))
            .filter(|&c| text.is_char_boundary(c))
            .unwrap_or(hi);
        push_trimmed(text, start, cut, out);
        start = cut;
    }
    push_trimmed(text, start, span.end, out);
}

/// Turns sorted cut positions into trimmed, non-empty spans.
fn spans_from_cuts(text: &str, cuts: &[usize]) -> Vec<Span> {
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for &cut in cuts.iter().chain(std::iter::once(&text.len())) {
        if cut <= start || cut > text.len() || !text.is_char_boundary(cut) {
            continue;
        }
        push_trimmed(text, start, cut, &mut out);
        start = cut;
    }
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push(Span::new(start + lead, start + lead + trimmed.len()));
    }
}

/// Bit masks of the 64 bytes of `block` (bit `k` for `block[k]`): the
/// white space of [`is_space`], and the bytes the scan stops at (a line
/// break, `.`, `?`, `!` or a byte of a non-ASCII character).
fn block_masks(block: &[u8]) -> (u64, u64) {
    let [space, stop] = masks(block, |b| {
        let space = b.eq(b' ') | b.range(b'\t', b'\r');
        [space, b.eq(b'\n') | b.eq(b'.') | b.eq(b'?') | b.eq(b'!') | b.non_ascii()]
    });
    (space, stop)
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The length of the character at `at` if it is one of `set`. UTF-8 is
/// prefix-free, so only the character starting there can match: decode it
/// once instead of encoding every member of the set.
fn starts_with_any(bytes: &[u8], at: usize, set: &[char]) -> Option<usize> {
    let rest = bytes.get(at..)?;
    let len = match *rest.first()? {
        b if b < 0x80 => 1,
        b if b >= 0xF0 => 4,
        b if b >= 0xE0 => 3,
        b if b >= 0xC0 => 2,
        // The middle of a character starts none.
        _ => return None,
    };
    let c = std::str::from_utf8(rest.get(..len)?).ok()?.chars().next()?;
    set.contains(&c).then_some(len)
}

fn is_ellipsis_char(bytes: &[u8], at: usize) -> bool {
    bytes.get(at..at + 3) == Some("…".as_bytes())
}

/// Full-width terminal punctuation used in CJK text: `。`, `！`, `．`, `？`.
fn cjk_terminal(bytes: &[u8], at: usize) -> bool {
    matches!(
        bytes.get(at..at + 3),
        Some([0xE3, 0x80, 0x82] | [0xEF, 0xBC, 0x81] | [0xEF, 0xBC, 0x8E] | [0xEF, 0xBC, 0x9F])
    )
}

/// Value of a lowercase roman numeral (`i` … `xxxix`), if `s` is one.
fn roman_value(s: &[u8]) -> Option<u32> {
    if s.is_empty() || s.len() > 6 {
        return None;
    }
    let digit = |b: u8| match b {
        b'i' => Some(1),
        b'v' => Some(5),
        b'x' => Some(10),
        _ => None,
    };
    let mut total = 0u32;
    for (k, &b) in s.iter().enumerate() {
        let v = digit(b)?;
        let next = s.get(k + 1).and_then(|&n| digit(n)).unwrap_or(0);
        if v < next {
            total = total.checked_sub(v)?;
        } else {
            total += v;
        }
    }
    Some(total).filter(|&t| t > 0)
}

/// A list-item label starting at `i`: `1.`, `2)`, `3.)`, `(4)`, `a.`,
/// `(b)`, `iv)`. Returns (slot, value, label end, period position).
fn parse_markers(bytes: &[u8], i: usize, out: &mut Vec<(usize, u32, usize, Option<usize>)>) {
    let wrapped = bytes[i] == b'(';
    let start = i + usize::from(wrapped);
    let mut end = start;
    while end < bytes.len() && end - start < 7 && bytes[end].is_ascii_alphanumeric() {
        end += 1;
    }
    let label = &bytes[start..end];
    if label.is_empty() || end - start > 6 {
        return;
    }
    // Form: 0 `x.)`, 1 `x)`, 2 `x.`, 3 `(x)`. Checked first: most words
    // are not followed by `.` or `)`.
    let (form, dot, after) = if wrapped {
        if bytes.get(end) != Some(&b')') {
            return;
        }
        (3, None, end + 1)
    } else if bytes.get(end..end + 2) == Some(b".)") {
        (0, Some(end), end + 2)
    } else if bytes.get(end) == Some(&b')') {
        (1, None, end + 1)
    } else if bytes.get(end) == Some(&b'.') {
        (2, Some(end), end + 1)
    } else {
        return;
    };
    if !bytes.get(after).is_some_and(|&c| c == b' ' || c == b'\t') {
        return;
    }
    let mut kinds: [Option<(usize, u32)>; 2] = [None, None];
    if label.len() <= 2 && label.iter().all(u8::is_ascii_digit) {
        let v = label.iter().fold(0u32, |v, &d| v * 10 + u32::from(d - b'0'));
        kinds[0] = Some((0, v));
    } else {
        if label.len() == 1 && label[0].is_ascii_lowercase() {
            kinds[0] = Some((1, u32::from(label[0] - b'a') + 1));
        }
        kinds[1] = roman_value(label).map(|v| (2, v));
    }
    for (kind, value) in kinds.into_iter().flatten() {
        if value > 0 {
            out.push((kind * 4 + form, value, after, dot));
        }
    }
}

/// List markers and bullets: cut positions before each item and the
/// positions of marker periods that must not end a sentence.
///
/// A marker counts only inside a chain of consecutive values of one style
/// (`1. … 2. …`, `a) … b) …`), and the chain must start convincingly: the
/// first item is followed by a non-lowercase word, or it starts a line or
/// follows terminal punctuation or a colon. This keeps `for 1. above` and
/// `p. 55` out.
fn list_items(text: &str) -> (Vec<usize>, Vec<usize>) {
    let bytes = text.as_bytes();
    // A cut before each bullet that follows a space. Every bullet's first
    // byte is 0xE2, which in UTF-8 only starts a character.
    let cuts: Vec<usize> = memchr::memchr_iter(0xE2, bytes)
        .filter(|&i| {
            i > 0 && is_space(bytes[i - 1]) && starts_with_any(bytes, i, BULLETS).is_some()
        })
        .collect();
    // Whether only spaces stand between a bullet and `i`.
    let after_bullet = |i: usize| {
        let mut q = i;
        while q > 0 && is_space(bytes[q - 1]) {
            q -= 1;
        }
        q >= 3 && starts_with_any(bytes, q - 3, BULLETS) == Some(3)
    };
    // Every label ends in `.` or `)` before a space or tab: look only
    // there, back over the label (at most six letters or digits, perhaps
    // in brackets) to where it must start a word.
    let starts = memchr::memchr2_iter(b'.', b')', bytes).filter_map(|end| {
        if !matches!(bytes.get(end + 1), Some(b' ' | b'\t')) {
            return None;
        }
        let label_end =
            if bytes[end] == b')' && end > 0 && bytes[end - 1] == b'.' { end - 1 } else { end };
        let mut start = label_end;
        while start > 0 && label_end - start < 7 && bytes[start - 1].is_ascii_alphanumeric() {
            start -= 1;
        }
        if start == label_end || label_end - start > 6 {
            return None;
        }
        let i = if start > 0 && bytes[start - 1] == b'(' { start - 1 } else { start };
        let after_bullet = after_bullet(i);
        (i == 0 || is_space(bytes[i - 1]) || after_bullet).then_some((i, after_bullet))
    });
    chained_items(bytes, cuts, starts)
}

/// The list items among the labels that may start at each of `starts`
/// (word starts in order, each with whether a bullet stands just before),
/// added to the bullets' `cuts`; see [`list_items`].
fn chained_items(
    bytes: &[u8],
    mut cuts: Vec<usize>,
    starts: impl Iterator<Item = (usize, bool)>,
) -> (Vec<usize>, Vec<usize>) {
    #[derive(Clone, Copy)]
    struct Marker {
        pos: usize,
        slot: usize,
        value: u32,
        dot: Option<usize>,
        after_bullet: bool,
        strong: bool,
    }
    let mut markers: Vec<Marker> = Vec::new();
    let mut found = Vec::new();
    for (i, after_bullet) in starts {
        found.clear();
        parse_markers(bytes, i, &mut found);
        if found.is_empty() {
            continue;
        }
        // What precedes the marker: line start, terminal punctuation?
        let mut p = i;
        while p > 0 && matches!(bytes[p - 1], b' ' | b'\t' | b'\r') {
            p -= 1;
        }
        let line_start = p == 0 || bytes[p - 1] == b'\n';
        let after_terminal = p > 0 && matches!(bytes[p - 1], b'.' | b'?' | b'!' | b':');
        for &(slot, value, after, dot) in &found {
            let mut w = after;
            while w < bytes.len() && is_space(bytes[w]) {
                w += 1;
            }
            let next_lower = bytes.get(w).is_some_and(u8::is_ascii_lowercase);
            let strong = !next_lower || line_start || after_terminal || after_bullet;
            markers.push(Marker { pos: i, slot, value, dot, after_bullet, strong });
        }
    }
    // Chains of consecutive markers of one style (1. 2. 3. or a. b. c.).
    let mut in_chain = vec![false; markers.len()];
    let mut last: [Option<(usize, bool)>; 12] = [None; 12];
    for (k, m) in markers.iter().enumerate() {
        let mut chain_strong = m.strong;
        if let Some((p, strong)) = last[m.slot] {
            let prev = markers[p];
            if m.value == prev.value + 1 && m.pos - prev.pos < 2000 {
                chain_strong = strong;
                if strong {
                    in_chain[p] = true;
                    in_chain[k] = true;
                }
            }
        }
        last[m.slot] = Some((k, chain_strong));
    }
    let mut no_break = Vec::new();
    for (m, chained) in markers.iter().zip(in_chain) {
        if chained {
            if !m.after_bullet {
                cuts.push(m.pos);
            }
            no_break.extend(m.dot);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    no_break.sort_unstable();
    no_break.dedup();
    (cuts, no_break)
}

/// What the token before a period is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token {
    /// Nothing before the period but whitespace.
    Empty,
    /// An ordinary word: the period ends the sentence.
    Word,
    /// A number such as `1,000` or `$100.00`.
    Number,
    /// A URL or e-mail address.
    Url,
    /// A title before a name (`Mr`, `Gen`): never a boundary.
    Title,
    /// `St`, `Mt`, `Ft`: usually before a name.
    PlaceTitle,
    /// A single capital letter, usually an initial.
    Initial(char),
    /// A single lowercase letter (`p`, `c`).
    Letter,
    /// `a.m` / `p.m`.
    Time,
    /// Multi-period abbreviation (`U.S`, `Ph.D`).
    Dotted,
    /// Abbreviation that may end a sentence (`Inc`, `etc`, `Jan`).
    Ambiguous,
    /// Never ends a sentence (`vs`, `e.g`).
    Never,
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    cuts: Vec<usize>,
    forced: Vec<usize>,
    no_break: Vec<usize>,
    /// Words seen since the last cut.
    words: usize,
    /// First non-whitespace byte of the current line.
    line_first: Option<usize>,
    /// Where the current sentence started (the last cut).
    sent_start: usize,
    /// Whether to take plain text a block at a time ([`Scanner::plain_block`]).
    blocks: bool,
}

impl Scanner<'_> {
    fn cut(&mut self, at: usize) {
        self.cuts.push(at);
        self.words = 0;
        self.sent_start = self.sent_start.max(at);
    }

    fn char_at(&self, at: usize) -> Option<char> {
        if !self.text.is_char_boundary(at) {
            return None;
        }
        self.text.get(at..)?.chars().next()
    }

    fn run(&mut self) {
        let n = self.bytes.len();
        let mut forced_idx = 0;
        let mut prev_space = true;
        let mut i = 0;
        while i < n {
            while forced_idx < self.forced.len() && self.forced[forced_idx] <= i {
                self.words = 0;
                self.sent_start = self.sent_start.max(self.forced[forced_idx]);
                forced_idx += 1;
            }
            // Most of the text is plain: a block of it at once, up to the
            // next forced cut.
            let limit = self.forced.get(forced_idx).copied().unwrap_or(n).min(n);
            let plain = if self.blocks { self.plain_block(i, limit, &mut prev_space) } else { 0 };
            if plain > 0 {
                i += plain;
                continue;
            }
            let b = self.bytes[i];
            if b == b'\n' {
                self.newline(i);
                self.line_first = None;
                prev_space = true;
                i += 1;
                continue;
            }
            if is_space(b) {
                prev_space = true;
                i += 1;
                continue;
            }
            if prev_space {
                if b != 0xE2 || starts_with_any(self.bytes, i, BULLETS).is_none() {
                    self.words += 1;
                }
                if self.line_first.is_none() {
                    self.line_first = Some(i);
                }
            }
            prev_space = false;
            if b.is_ascii_alphanumeric() {
                // The bulk of the text: letters and digits end nothing, so
                // skip the run, stopping at the next forced cut.
                let limit = self.forced.get(forced_idx).copied().unwrap_or(n).min(n);
                i += 1;
                while i < limit && self.bytes[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                continue;
            }
            if matches!(b, b'.' | b'?' | b'!') || is_ellipsis_char(self.bytes, i) {
                i = self.cluster(i);
            } else if cjk_terminal(self.bytes, i) {
                let end = self.skip_closers(i + 3);
                self.cut(end);
                i = end;
            } else {
                i += 1;
            }
        }
    }

    /// Takes the plain bytes at the start of `bytes[i..limit]`, at most
    /// 64 of them, and returns how many: ASCII that is neither a line
    /// break nor `.`, `?` or `!`, where the scan has nothing to judge and
    /// only counts words and notes the line's first word. Bit masks of
    /// the block ([`block_masks`]) stand for a byte-by-byte loop, which
    /// cost more than the rest of the splitter.
    fn plain_block(&mut self, i: usize, limit: usize, prev_space: &mut bool) -> usize {
        let Some(block) = self.bytes.get(i..i + 64) else { return 0 };
        let (space, stop) = block_masks(block);
        let len = stop.trailing_zeros().min((limit - i) as u32);
        if len == 0 {
            return 0;
        }
        let taken = first_bits(len);
        let words = !space & taken;
        let starts = words & (space << 1 | u64::from(*prev_space));
        self.words += starts.count_ones() as usize;
        if self.line_first.is_none() && words != 0 {
            self.line_first = Some(i + words.trailing_zeros() as usize);
        }
        *prev_space = space >> (len - 1) & 1 == 1;
        len as usize
    }

    fn skip_closers(&self, mut at: usize) -> usize {
        for _ in 0..8 {
            match starts_with_any(self.bytes, at, CLOSERS) {
                Some(len) => at += len,
                None => break,
            }
        }
        at
    }

    /// Skips Wikipedia-style reference marks glued after a sentence:
    /// `[1]`, `[7][8]`, `[citation needed]`.
    fn skip_citations(&self, mut at: usize) -> usize {
        let bytes = self.bytes;
        for _ in 0..6 {
            if bytes.get(at) != Some(&b'[') {
                break;
            }
            let mut e = at + 1;
            while e < bytes.len()
                && e - at < 24
                && (bytes[e].is_ascii_alphanumeric() || bytes[e] == b' ')
            {
                e += 1;
            }
            if e == at + 1 || bytes.get(e) != Some(&b']') {
                break;
            }
            at = e + 1;
        }
        at
    }

    /// Judges the punctuation cluster starting at `i`; returns where to
    /// resume scanning.
    fn cluster(&mut self, i: usize) -> usize {
        let bytes = self.bytes;
        let n = bytes.len();
        let attached = i > 0 && !is_space(bytes[i - 1]);
        let bracketed = i > 0 && bytes[i - 1] == b'[';
        let (mut dots, mut marks, mut ellipsis) = (0usize, false, false);
        let mut j = i;
        while j < n {
            match bytes[j] {
                b'.' => dots += 1,
                b'?' | b'!' => marks = true,
                _ if is_ellipsis_char(bytes, j) => {
                    ellipsis = true;
                    j += 3;
                    continue;
                }
                _ => break,
            }
            j += 1;
        }
        // Spaced ellipsis: `. . .` (at least two more ` .` groups).
        let mut spaced = 0;
        if !marks && dots == 1 && !ellipsis {
            let mut k = j;
            let mut groups = 0;
            while bytes.get(k) == Some(&b' ') && bytes.get(k + 1) == Some(&b'.') {
                let after = k + 2;
                let isolated = after >= n
                    || matches!(bytes[after], b' ' | b'.' | b'\n' | b'\r' | b'\t')
                    || starts_with_any(bytes, after, CLOSERS).is_some();
                if !isolated {
                    break;
                }
                groups += 1;
                k = after;
            }
            if groups >= 2 {
                spaced = groups;
                j = k;
                while bytes.get(j) == Some(&b'.') {
                    spaced += 1;
                    j += 1;
                }
            }
        }
        let k = if bracketed {
            if bytes.get(j) == Some(&b']') {
                j + 1
            } else {
                j
            }
        } else {
            self.skip_citations(self.skip_closers(j))
        };
        if k >= n {
            return k;
        }
        let Some(c) = self.char_at(k) else { return k };
        if !c.is_whitespace() {
            if dots == 1 && !marks && !ellipsis && k == i + 1 && self.glued_boundary(i) {
                self.cut(i + 1);
            }
            return k;
        }
        // Whitespace follows: look at the next word.
        let mut m = k;
        let mut newlines = 0;
        let mut blank = false;
        while m < n && is_space(bytes[m]) {
            if bytes[m] == b'\n' {
                newlines += 1;
                if newlines >= 2 {
                    blank = true;
                }
            }
            m += 1;
        }
        if m >= n {
            return k;
        }
        if blank {
            self.cut(k);
            return k;
        }
        let mut w = m;
        for _ in 0..4 {
            match starts_with_any(bytes, w, OPENERS) {
                Some(len) => w += len,
                None => break,
            }
        }
        // `voila! -- you have`: look past dashes.
        let mut d = w;
        while d < n
            && d - w < 12
            && (matches!(bytes[d], b'-' | b' ')
                || self.text.get(d..).is_some_and(|r| r.starts_with(['—', '–'])))
        {
            d += if bytes[d] < 0x80 { 1 } else { 3 };
        }
        if d > w && self.char_at(d).is_some_and(char::is_lowercase) {
            return k;
        }
        let nc = self.char_at(w).unwrap_or(' ');
        let next_word = self.word_at(w);
        let lower = nc.is_lowercase();

        if marks {
            if !lower {
                self.cut(k);
            }
            return k;
        }
        if spaced > 0 {
            if attached && nc.is_uppercase() {
                // `compounds. . . . The`: the period ends the sentence and
                // the ellipsis opens the next one.
                self.cut(i + 1);
            } else if dots + spaced >= 4 && nc.is_uppercase() {
                self.cut(k);
            }
            return k;
        }
        if ellipsis || dots >= 2 {
            let four = dots >= 4 || (ellipsis && dots >= 1);
            let cut = if bracketed {
                nc.is_uppercase()
            } else {
                nc.is_uppercase() && (four || next_word != "I")
            };
            if cut {
                self.cut(k);
            }
            return k;
        }
        // A single period followed by whitespace.
        if self.no_break.binary_search(&i).is_ok() || lower || matches!(nc, ',' | ';' | ':' | '%') {
            return k;
        }
        let tok = self.token_before(i);
        if self.words <= 1 && is_label(tok) {
            return k;
        }
        let class = classify(tok);
        let cut = if nc.is_ascii_digit() {
            match class {
                Token::Word => !listed(&tok.to_lowercase(), NUMBER_PREFIX),
                Token::Number | Token::Url | Token::Empty => true,
                _ => false,
            }
        } else {
            match class {
                Token::Empty | Token::Word | Token::Number | Token::Url => true,
                Token::Title | Token::Never => false,
                Token::Initial('I') => listed(next_word, STARTER),
                Token::Initial(_) => listed(next_word, INITIAL_STARTER),
                Token::Time => !listed(next_word, TIME_FOLLOWER) && self.words >= 4,
                Token::Letter | Token::PlaceTitle | Token::Dotted | Token::Ambiguous => {
                    listed(next_word, STARTER)
                }
            }
        };
        if cut {
            self.cut(k);
        } else if newlines == 1
            && matches!(
                class,
                Token::Dotted | Token::Ambiguous | Token::Time | Token::Letter | Token::PlaceTitle
            )
            && !self.looks_wrapped(i, m)
        {
            // A line break after an ambiguous abbreviation, before a
            // capitalised line, ends the sentence unless the text is
            // hard-wrapped.
            self.cut(k);
        }
        k
    }

    /// `world.Today`: a period glued between a finished word and a
    /// capitalised word.
    fn glued_boundary(&self, i: usize) -> bool {
        let bytes = self.bytes;
        // A period at the very start of the text has nothing glued before it.
        let Some(&prev) = i.checked_sub(1).and_then(|p| bytes.get(p)) else { return false };
        if !(prev.is_ascii_lowercase() || prev.is_ascii_digit()) {
            return false;
        }
        if !(bytes.get(i + 1).is_some_and(u8::is_ascii_uppercase)
            && bytes.get(i + 2).is_some_and(u8::is_ascii_lowercase))
        {
            return false;
        }
        let tok = self.token_before(i);
        if tok.contains(['@', '/', '.', ':']) || tok.len() < 2 {
            return false;
        }
        // Looking ahead: e-mail addresses and URLs with capitals.
        let mut end = i + 1;
        while end < bytes.len() && end - i < TOKEN_WINDOW && !is_space(bytes[end]) {
            if matches!(bytes[end], b'@' | b'/') {
                return false;
            }
            end += 1;
        }
        matches!(classify(tok), Token::Word | Token::Number)
    }

    /// The whitespace-delimited token that ends at `i`, without opening
    /// quotes or bullets.
    fn token_before(&self, i: usize) -> &str {
        let bytes = self.bytes;
        let mut j = i;
        let floor = self.sent_start.min(i);
        while j > floor && i - j < TOKEN_WINDOW && !is_space(bytes[j - 1]) {
            j -= 1;
        }
        if j > floor && !is_space(bytes[j - 1]) {
            // Longer than the window: a URL or some other long blob.
            return "//";
        }
        while !self.text.is_char_boundary(j) {
            j += 1;
        }
        self.text
            .get(j..i)
            .unwrap_or("")
            .trim_start_matches(|c| OPENERS.contains(&c) || BULLETS.contains(&c))
    }

    /// The letters of the word starting at `w` (bounded).
    fn word_at(&self, w: usize) -> &str {
        let Some(rest) = self.text.get(w..) else { return "" };
        let mut end = 0;
        for (idx, c) in rest.char_indices() {
            if !c.is_alphabetic() || idx >= WORD_WINDOW {
                break;
            }
            end = idx + c.len_utf8();
        }
        &rest[..end]
    }

    /// Whether the line ending around `end_of_line` looks like part of
    /// hard-wrapped text (lines of 50–100 chars followed by a line that is
    /// not much longer), given `next` as the start of the next line.
    fn looks_wrapped(&self, end_of_line: usize, next: usize) -> bool {
        let Some(first) = self.line_first else { return false };
        let prev_len = self.text.get(first..end_of_line).map_or(0, |s| s.chars().count());
        if !(50..=100).contains(&prev_len) {
            return false;
        }
        self.line_len(next, 101) <= 100
    }

    /// Length in chars of the line starting at `at`, without the white
    /// space that ends it (a Windows line end's `\r` among it), so that a
    /// line measures the same whatever its line end; `cap + 1` for any
    /// line longer than `cap`.
    fn line_len(&self, at: usize, cap: usize) -> usize {
        let Some(rest) = self.text.get(at..) else { return 0 };
        // An ASCII line, nearly every one: bytes are chars, and the line
        // ends at the first newline among its first `cap + 3` bytes.
        let window = &rest.as_bytes()[..rest.len().min(cap + 3)];
        let end = memchr::memchr(b'\n', window);
        let line = end.map_or(window, |i| &window[..i]);
        if line.is_ascii() {
            let trimmed = line.iter().rposition(|&b| !is_space(b)).map_or(0, |i| i + 1);
            if trimmed > cap {
                return cap + 1;
            }
            if end.is_some() || window.len() == rest.len() {
                return trimmed;
            }
        }
        let (mut len, mut trimmed) = (0, 0);
        for c in rest.chars() {
            if c == '\n' {
                break;
            }
            len += 1;
            if !c.is_whitespace() {
                trimmed = len;
                if trimmed > cap {
                    return cap + 1;
                }
            }
        }
        trimmed
    }

    /// Decides a line break at `p` that does not follow terminal
    /// punctuation (those are judged by [`Scanner::cluster`]).
    fn newline(&mut self, p: usize) {
        let bytes = self.bytes;
        let n = bytes.len();
        // Next line.
        let mut m = p + 1;
        while m < n && matches!(bytes[m], b' ' | b'\t' | b'\r' | 0x0b | 0x0c) {
            m += 1;
        }
        let Some(first) = self.line_first else {
            self.cut(p);
            return;
        };
        if m >= n || bytes[m] == b'\n' {
            self.cut(p);
            return;
        }
        // Last non-whitespace byte of this line.
        let mut q = p;
        while q > first && is_space(bytes[q - 1]) {
            q -= 1;
        }
        let line = self.text.get(first..q).unwrap_or("");
        let body = line.trim_end_matches(|c| CLOSERS.contains(&c));
        if body.ends_with(['.', '?', '!', '…', '。', '！', '？']) {
            return;
        }
        if ends_with_connector(line) {
            return;
        }
        let nc = self.char_at(m).unwrap_or(' ');
        let prev_len = line.chars().count();
        if nc.is_lowercase() {
            // A list of short lowercase items, one per line.
            let next_len = self.line_len(m, 41);
            let next_ends_terminal = self
                .text
                .get(m..)
                .and_then(|rest| rest.lines().next())
                .is_some_and(|l| l.trim_end().ends_with(['.', '?', '!']));
            if prev_len <= 40 && next_len <= 40 && !next_ends_terminal {
                self.cut(p);
            }
            return;
        }
        let wrapped = (50..=100).contains(&prev_len) && self.line_len(m, 101) <= 100;
        if !wrapped {
            self.cut(p);
        }
    }
}

/// Whether `line` ends with a comma, hyphen or a word that needs a
/// continuation.
fn ends_with_connector(line: &str) -> bool {
    if line.ends_with([',', '-', '–', '—', '&', '(', '/', '+', '=']) {
        return true;
    }
    let last = line.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    last.len() <= 12 && listed(last, CONNECTOR)
}

/// A list label at the start of a sentence: `1`, `12`, `a`, `IV`.
fn is_label(tok: &str) -> bool {
    let tok = tok.trim_start_matches(|c| BULLETS.contains(&c));
    let digits = !tok.is_empty() && tok.len() <= 2 && tok.bytes().all(|b| b.is_ascii_digit());
    let letter = tok.len() == 1 && tok.bytes().all(|b| b.is_ascii_alphabetic());
    let roman = !tok.is_empty() && tok.len() <= 4 && tok.bytes().all(|b| b"IVXLC".contains(&b));
    digits || letter || roman
}

fn classify(tok: &str) -> Token {
    if tok.is_empty() {
        return Token::Empty;
    }
    if tok.contains('@') || tok.contains("//") || tok.starts_with("www.") {
        return Token::Url;
    }
    let num = tok.trim_start_matches(['$', '€', '£', '¥', '#', '+', '-', '(']);
    if num.ends_with(|c: char| c.is_ascii_digit())
        && num.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return Token::Number;
    }
    // The part after a hyphen or slash: `(R-Calif`, `non-U.S`.
    let core = tok.rsplit(['-', '—', '–', '(', '/']).next().unwrap_or(tok);
    let core = core.trim_end_matches('.');
    if core.is_empty() {
        return Token::Word;
    }
    // Most words are lower case already: no copy for them.
    let lower = match core.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        true => std::borrow::Cow::Owned(core.to_lowercase()),
        false => std::borrow::Cow::Borrowed(core),
    };
    if listed(core, NEVER_WORD) {
        return Token::Never;
    }
    if lower == "a.m" || lower == "p.m" {
        return Token::Time;
    }
    if core.contains('.') {
        let dotted = core
            .split('.')
            .all(|p| !p.is_empty() && p.chars().count() <= 3 && p.chars().all(char::is_alphabetic));
        return if dotted { Token::Dotted } else { Token::Word };
    }
    let mut chars = core.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return Token::Initial(c);
        }
        if c.is_lowercase() {
            return Token::Letter;
        }
    }
    if listed(core, TITLE) {
        return Token::Title;
    }
    if listed(core, PLACE_TITLE) {
        return Token::PlaceTitle;
    }
    if listed(&lower, AMBIGUOUS_WORD) || listed(core, STATE) {
        return Token::Ambiguous;
    }
    // Short mixed-case words without vowels are abbreviations: `Blvd`, `Mgr`.
    let len = core.chars().count();
    if (2..=4).contains(&len)
        && core.chars().all(|c| c.is_ascii_alphabetic())
        && core.chars().any(|c| c.is_ascii_lowercase())
        && !core.chars().any(|c| "aeiouyAEIOUY".contains(c))
    {
        return Token::Ambiguous;
    }
    Token::Word
}

#[cfg(test)]
mod tests {

    /// [`list_items`] as it was first written, trying a label at every word
    /// start and finding bullets byte by byte: the fast version must agree.
    fn list_items_bytewise(text: &str) -> (Vec<usize>, Vec<usize>) {
        let bytes = text.as_bytes();
        let (mut cuts, mut starts) = (Vec::new(), Vec::new());
        let mut after_bullet = false;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b == 0xE2 {
                if let Some(len) = starts_with_any(bytes, i, BULLETS) {
                    if i > 0 && is_space(bytes[i - 1]) {
                        cuts.push(i);
                    }
                    after_bullet = true;
                    i += len;
                    continue;
                }
            }
            let at_word_start = i == 0 || is_space(bytes[i - 1]) || after_bullet;
            if at_word_start && (b.is_ascii_alphanumeric() || b == b'(') {
                starts.push((i, after_bullet));
            }
            if !is_space(b) {
                after_bullet = false;
            }
            i += 1;
        }
        chained_items(bytes, cuts, starts.into_iter())
    }

    /// [`block_masks`] against the byte tests it stands for.
    #[test]
    fn block_masks_as_byte_tests() {
        let stop = |b: u8| matches!(b, b'\n' | b'.' | b'?' | b'!') || b >= 0x80;
        for block in crate::extract::masks::test_blocks() {
            let (space, stops) = block_masks(&block);
            for (k, &b) in block.iter().enumerate() {
                assert_eq!(space >> k & 1 == 1, is_space(b), "space {b:#x}");
                assert_eq!(stops >> k & 1 == 1, stop(b), "stop {b:#x}");
            }
        }
    }

    /// Plain text taken a block at a time splits as byte by byte: the
    /// word counts and line starts that the judgements read are the same.
    #[test]
    fn blocks_split_as_bytes() {
        let long = "x".repeat(70);
        let pieces: &[&str] = &[
            "word ",
            "Word ",
            "a",
            "I",
            "Mr",
            "U.S",
            "5",
            "1.",
            " ",
            "  ",
            "\t",
            "\n",
            "\n\n",
            "\r",
            ". ",
            "? ",
            "! ",
            "...",
            ".\n",
            "\"",
            ")",
            "é",
            "—",
            "…",
            "• ",
            "1) ",
            "a. ",
            "p.m.",
            "The quick brown fox jumps over the lazy dog while nobody watches it ",
            &long,
        ];
        for text in crate::testing::generated_texts(pieces, 20_000, 40) {
            assert_eq!(split_with(&text, true), split_with(&text, false), "{text:?}");
        }
    }

    /// A text with Windows line ends splits where the same text with Unix
    /// ones does: the `\r` before each `\n` changes no decision.
    #[test]
    fn windows_line_ends_split_as_unix_ones() {
        let long = "x".repeat(45);
        let pieces: &[&str] = &[
            "word ",
            "Word ",
            "a",
            "Mr",
            "5",
            "1.",
            " ",
            "\n",
            "\n\n",
            " \n",
            ". ",
            ".\n",
            "\"",
            "- Best actor - ",
            "• ",
            "1) ",
            "The quick brown fox jumps over the lazy dog while nobody watches it ",
            &long,
        ];
        let sentences = |text: &str| -> Vec<String> {
            split(text).iter().map(|s| text[s.start..s.end].replace('\r', "")).collect()
        };
        for text in crate::testing::generated_texts(pieces, 20_000, 40) {
            assert_eq!(sentences(&text.replace('\n', "\r\n")), sentences(&text), "{text:?}");
        }
    }

    #[test]
    fn list_items_agrees_with_bytewise_scan() {
        const PIECES: &[&str] = &[
            "1", "2", "3", "12", "a", "b", "c", "iv", "v", "x", "word", "A", "Ab", "1234567", "(",
            ")", ".", ".)", " ", "  ", "\t", "\n", "\r", ":", "?", "•", "■", "►", "é", "—", "x1",
            "[",
        ];
        for text in crate::testing::generated_texts(PIECES, 20_000, 24) {
            assert_eq!(list_items(&text), list_items_bytewise(&text), "{text:?}");
        }
        for text in [
            "1. One 2. Two",
            "• a) x\n• b) y",
            "(i) first (ii) second",
            "•1. a •2. b",
            "xxvii. One xxviii. Two",
            "(xxvii) a (xxviii) b",
        ] {
            assert_eq!(list_items(text), list_items_bytewise(text), "{text:?}");
        }
    }
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|s| &text[s.start..s.end]).collect()
    }

    fn check_tiling(text: &str) {
        let spans = split(text);
        let mut covered = vec![false; text.len()];
        let mut last_end = 0;
        for s in &spans {
            assert!(s.start < s.end, "empty span {s:?} in {text:?}");
            assert!(s.start >= last_end, "overlap or disorder at {s:?}");
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            let piece = &text[s.start..s.end];
            assert_eq!(piece, piece.trim(), "untrimmed span {piece:?}");
            covered[s.start..s.end].iter_mut().for_each(|c| *c = true);
            last_end = s.end;
        }
        for (idx, c) in text.char_indices() {
            if !c.is_whitespace() {
                assert!(covered[idx], "char {c:?} at {idx} not covered in {text:?}");
            }
        }
    }

    /// (name, input, expected sentences)
    const CASES: &[(&str, &str, &[&str])] = &[
        ("simple", "Hello World. My name is Jonas.", &["Hello World.", "My name is Jonas."]),
        ("question", "What is your name? My name is Jonas.", &["What is your name?", "My name is Jonas."]),
        ("exclamation", "There it is! I found it.", &["There it is!", "I found it."]),
        ("double marks", "Really?! Yes. Hello?? Who?", &["Really?!", "Yes.", "Hello??", "Who?"]),
        ("mark inside quote", "\"Why?\" he asked. \"Because!\" She left.", &["\"Why?\" he asked.", "\"Because!\"", "She left."]),
        ("mark then closing quote", "She asked, \"Is it over?\" Nobody answered.", &["She asked, \"Is it over?\"", "Nobody answered."]),
        ("yahoo", "She works at Yahoo! in the accounting department.", &["She works at Yahoo! in the accounting department."]),
        ("military titles", "Lt. Col. John Smith met Gen. Mark Milley and Maj. Jane Doe. Sgt. Brown and Adm. Jones agreed.", &["Lt. Col. John Smith met Gen. Mark Milley and Maj. Jane Doe.", "Sgt. Brown and Adm. Jones agreed."]),
        ("civil titles", "Dr. Ann Lee, Prof. Bo Li, Sen. Ted Cruz, Rep. Al Green, Gov. Gavin Newsom and Pres. Biden spoke. Mr. and Mrs. Smith and Ms. Jones did not.", &["Dr. Ann Lee, Prof. Bo Li, Sen. Ted Cruz, Rep. Al Green, Gov. Gavin Newsom and Pres. Biden spoke.", "Mr. and Mrs. Smith and Ms. Jones did not."]),
        ("saint and mount", "They prayed at St. Peter's and hiked Mt. Everest. Ft. Worth is next.", &["They prayed at St. Peter's and hiked Mt. Everest.", "Ft. Worth is next."]),
        ("company suffix mid", "Apple Inc. shares and Ford Motor Co. bonds rose.", &["Apple Inc. shares and Ford Motor Co. bonds rose."]),
        ("company suffix end", "He joined Acme Corp. The deal closed. She left Foo Ltd. It was over.", &["He joined Acme Corp.", "The deal closed.", "She left Foo Ltd.", "It was over."]),
        ("jr sr", "Martin Luther King Jr. Day is a holiday. Ken Griffey Sr. and his son played.", &["Martin Luther King Jr. Day is a holiday.", "Ken Griffey Sr. and his son played."]),
        ("etc end", "They sold apples, pears, etc. But nobody came.", &["They sold apples, pears, etc.", "But nobody came."]),
        ("vs", "It was Roe vs. Wade. The court ruled.", &["It was Roe vs. Wade.", "The court ruled."]),
        ("eg ie", "Some fruits, e.g. Apples, are red, i.e. Not blue.", &["Some fruits, e.g. Apples, are red, i.e. Not blue."]),
        ("times", "The vote is at 5 p.m. Tuesday and ended at 9 a.m. on Monday. It was late.", &["The vote is at 5 p.m. Tuesday and ended at 9 a.m. on Monday.", "It was late."]),
        ("time end", "He left the bank at 6 P.M. Mr. Smith then went to the store.", &["He left the bank at 6 P.M.", "Mr. Smith then went to the store."]),
        ("time start", "At 5 a.m. Mr. Smith went to the bank.", &["At 5 a.m. Mr. Smith went to the bank."]),
        ("us mid", "U.S. officials met U.N. envoys and U.K. and E.U. leaders.", &["U.S. officials met U.N. envoys and U.K. and E.U. leaders."]),
        ("us end", "He lives in the U.S. He said so. She moved to the U.K. But why?", &["He lives in the U.S.", "He said so.", "She moved to the U.K.", "But why?"]),
        ("us government", "I work for the U.S. Government in Virginia.", &["I work for the U.S. Government in Virginia."]),
        ("months", "On Jan. 5 and Sept. 30 and Dec. 1 it rained. In Aug. The rain stopped.", &["On Jan. 5 and Sept. 30 and Dec. 1 it rained.", "In Aug.", "The rain stopped."]),
        ("number abbreviation", "He was ranked No. 5 in the world. No. 1 was Smith.", &["He was ranked No. 5 in the world.", "No. 1 was Smith."]),
        ("misc abbreviations", "The dept. head said approx. 300 people, est. 1990, came from the univ. library.", &["The dept. head said approx. 300 people, est. 1990, came from the univ. library."]),
        ("initials", "J. R. R. Tolkien wrote it. George W. Bush read it.", &["J. R. R. Tolkien wrote it.", "George W. Bush read it."]),
        ("initial I", "We make a good team, you and I. Did you see Albert I. Jones yesterday?", &["We make a good team, you and I.", "Did you see Albert I. Jones yesterday?"]),
        ("decimals", "Growth was 3.5 percent, or 1.2 million jobs. Version v2.0 shipped.", &["Growth was 3.5 percent, or 1.2 million jobs.", "Version v2.0 shipped."]),
        ("money end", "She has $100.00. It is in her bag.", &["She has $100.00.", "It is in her bag."]),
        ("page", "Please turn to p. 55. Then stop.", &["Please turn to p. 55.", "Then stop."]),
        ("quote end", "He called it \"fake news.\" However, others disagreed.", &["He called it \"fake news.\"", "However, others disagreed."]),
        ("quote inside", "She turned to him, \"This is great.\" she said.", &["She turned to him, \"This is great.\" she said."]),
        ("curly quotes", "He said “it is over.” Then he left. She said ‘fine.’ They parted.", &["He said “it is over.”", "Then he left.", "She said ‘fine.’", "They parted."]),
        ("bracket end", "The cost rose (as expected.) Officials blamed fuel.", &["The cost rose (as expected.)", "Officials blamed fuel."]),
        ("parenthetical", "He teaches science (He previously worked for 5 years as an engineer.) at the local University.", &["He teaches science (He previously worked for 5 years as an engineer.) at the local University."]),
        ("possessive", "That is JFK Jr.'s book.", &["That is JFK Jr.'s book."]),
        ("ellipsis lower", "I wasn’t really ... well, what I mean...see . . . what I'm saying.", &["I wasn’t really ... well, what I mean...see . . . what I'm saying."]),
        ("ellipsis upper", "I never meant that... She left. He waited… Then he went.", &["I never meant that...", "She left.", "He waited…", "Then he went."]),
        ("four dots", "I never meant that.... She left the store.", &["I never meant that....", "She left the store."]),
        ("bracket ellipsis", "\"Bohr [...] used the analogy [...]\" (Smith 55).", &["\"Bohr [...] used the analogy [...]\" (Smith 55)."]),
        ("email url", "Her email is Jane.Doe@example.com. See https://www.example.com/a.html. Thanks.", &["Her email is Jane.Doe@example.com.", "See https://www.example.com/a.html.", "Thanks."]),
        ("glued", "Hello world.Today is Tuesday.Mr. Smith bought 1,000.That is a lot.", &["Hello world.", "Today is Tuesday.", "Mr. Smith bought 1,000.", "That is a lot."]),
        ("numbered list", "1. The first item 2. The second item", &["1. The first item", "2. The second item"]),
        ("paren list", "1) The first item. 2) The second item.", &["1) The first item.", "2) The second item."]),
        ("alpha list", "a. The first item b. The second item c. The third item", &["a. The first item", "b. The second item", "c. The third item"]),
        ("bullets", "• 9. The first item • 10. The second item", &["• 9. The first item", "• 10. The second item"]),
        ("roman list", "(i) Hello world. \n(ii) Hello world.\n(iii) Hello world.", &["(i) Hello world.", "(ii) Hello world.", "(iii) Hello world."]),
        ("wrapped alpha list", "(a) Hello world. (b) Hello world. (c) Hello world.", &["(a) Hello world.", "(b) Hello world.", "(c) Hello world."]),
        ("numbers in prose are not a list", "As payment for 1. above, pay us and for 2. above, no fee.", &["As payment for 1. above, pay us and for 2. above, no fee."]),
        ("dash after mark", "Mix it and -- voila! -- you have cake. Some can be -- dare I say? — odd.", &["Mix it and -- voila! -- you have cake.", "Some can be -- dare I say? — odd."]),
        ("citations", "He was a martyr.[1] The emperor issued a decree.[7][8] It was obeyed.", &["He was a martyr.[1]", "The emperor issued a decree.[7][8]", "It was obeyed."]),
        ("ie in caps is a word", "Users should update to a newer IE. Its goal is speed.", &["Users should update to a newer IE.", "Its goal is speed."]),
        ("paragraphs", "First paragraph here\n\nSecond one here", &["First paragraph here", "Second one here"]),
        ("headline and dateline", "Storm hits coast\nFriday, July 21, 2017\nA storm hit the coast on Friday.", &["Storm hits coast", "Friday, July 21, 2017", "A storm hit the coast on Friday."]),
        ("paragraph per line", "The storm hit the coast.\nOfficials said three people died.\n\"It was terrible,\" a resident said.", &["The storm hit the coast.", "Officials said three people died.", "\"It was terrible,\" a resident said."]),
        ("hard wrapped", "WASHINGTON (Reuters) - The U.S. Senate on Tuesday approved a bill that\nwould fund the government through December, averting a shutdown\nthat had loomed over the capital.", &["WASHINGTON (Reuters) - The U.S. Senate on Tuesday approved a bill that\nwould fund the government through December, averting a shutdown\nthat had loomed over the capital."]),
        ("wrapped before name", "The proposal was criticised on Wednesday by Senate Majority Leader\nChuck Schumer, who called it a gift to the wealthy and to corporations\nacross the country.", &["The proposal was criticised on Wednesday by Senate Majority Leader\nChuck Schumer, who called it a gift to the wealthy and to corporations\nacross the country."]),
        ("wrapped after abbreviation", "The talks between the two companies, Acme Corp. and Widget\nInc., ended.", &["The talks between the two companies, Acme Corp. and Widget\nInc., ended."]),
        ("abbreviation at line end", "Shares of Acme fell 5 percent in the U.S.\nAnalysts expect more losses.", &["Shares of Acme fell 5 percent in the U.S.", "Analysts expect more losses."]),
        ("lowercase list lines", "features\ncontact manager\nevents, activities\n", &["features", "contact manager", "events, activities"]),
        ("lowercase continuation", "It was a cold\nnight in the city.", &["It was a cold\nnight in the city."]),
        ("cjk", "我爱你。你好！", &["我爱你。", "你好！"]),
    ];

    #[test]
    fn table() {
        let mut failures = Vec::new();
        for (name, input, expected) in CASES {
            let got = sentences(input);
            if got != *expected {
                failures.push(format!("{name}:\n  expected {expected:?}\n  got      {got:?}"));
            }
            check_tiling(input);
        }
        assert!(failures.is_empty(), "{} failing:\n{}", failures.len(), failures.join("\n"));
    }

    #[test]
    fn tiles_odd_inputs() {
        let periods = ".".repeat(10_000);
        let spaced = ". ".repeat(5_000);
        let odd = [
            "",
            " ",
            "   \n\n\t ",
            "...",
            ". . .",
            "…",
            periods.as_str(),
            spaced.as_str(),
            "😀. 😀! 😀? 😀… 😀",
            "Emoji 👍🏽. Next 🎉 sentence.\n\n🇺🇸 flag.",
            "中文。日本語！한국어? Ελληνικά. Русский.",
            "\0.\0 \u{1}. \u{7f}!",
            "a.b.c.d.e.f.g",
            "Mr.",
            "U.S.",
            "1.",
            "• ⁃ ◦",
            "\"\"\" ''' ))) ]]]",
            "\r\n\r\nLine\r\nLine two.\r\n",
            "x\u{a0}. Y\u{2029}z",
            "[...]",
            "a. b. c. d.",
        ];
        for text in odd {
            check_tiling(text);
        }
        assert!(split("").is_empty());
        assert!(split(" \n\t ").is_empty());
        assert_eq!(sentences("..."), vec!["..."]);
        // Bounded: ten thousand full stops are three pieces of at most 4096.
        assert_eq!(split(&periods).len(), 10_000usize.div_ceil(MAX_SENTENCE));
    }

    #[test]
    fn long_lines_tile() {
        let chunk = "aaaa.bbbb.CCCC..dd@e/f. ";
        let text = chunk.repeat(200_000); // ~4.8 MB, one line
        check_tiling(&text);
        let no_space = "x.".repeat(1_000_000);
        check_tiling(&no_space);
    }

    #[test]
    fn sentences_are_bounded() {
        let clause = "North Korea supplied shells to Russia, officials said on Monday; ";
        let text = format!("{}{}", clause.repeat(500), "é".repeat(5000));
        let spans = split(&text);
        check_tiling(&text);
        assert!(spans.len() > 1);
        for s in &spans {
            assert!(s.len() <= MAX_SENTENCE, "{} bytes", s.len());
        }
        // Cut after a semicolon where there is one, not inside a clause.
        assert!(text[spans[0].start..spans[0].end].ends_with(';'));
    }

    /// Every string of up to four pieces from a small alphabet of the
    /// characters the splitter looks at: no panic, and the spans tile.
    #[test]
    fn short_strings_never_panic() {
        const PIECES: [&str; 12] =
            [".", "A", "a", "1", " ", "\n", "\"", "?", "…", "Mr.", "U.S.", "’"];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let mut next = Vec::new();
            for t in &texts {
                for p in PIECES {
                    next.push(format!("{t}{p}"));
                }
            }
            texts.extend(next);
        }
        for text in &texts {
            let spans = split(text);
            let mut last = 0;
            for s in &spans {
                assert!(
                    s.start >= last && s.start < s.end && text.get(s.start..s.end).is_some(),
                    "{text:?}"
                );
                last = s.end;
            }
        }
    }
}
