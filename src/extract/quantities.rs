//! Counted and measured quantities: numbers with their qualifier and unit.
//!
//! The finder tokenizes each sentence once with a single compiled regex, looks
//! every word up in a lexicon built once in [`QuantityFinder::new`], and then
//! walks the tokens left to right. At each token it tries, in order:
//!
//! 1. a qualifier (`about`, `more than`, `at least`, `between` …);
//! 2. a number: digits with separators (`3,000`, `1.2`), a currency prefix
//!    (`$`, `US$`, `€`, `£`), number words (`twenty-five`, `one hundred`),
//!    scales (`1.2 million`, `a dozen`), vague counts (`dozens`, `several
//!    thousand`, `tens of thousands`), fractions (`half`, `two-thirds`) and
//!    ranges (`10-15`, `between 3,000 and 4,000`, `two or three`), and the
//!    written-number forms of `Scan::math`: signs (`-1`, `minus five`),
//!    decimals after a dot or `point` (`.08`, `two point five`), fractions
//!    (`3/4`, `2 1/4`, `½`, `five eighths`, `a trillionth`, `one hundred and
//!    three quarters`), ratios (`one in five`, `two out of three`), powers
//!    (`1.1^23`, `1.3x10^6`, `1e10`), scale letters (`10k`, `1.2b`),
//!    `lakh`/`crore`, `dozens`, spaced thousands (`1 234 567`) and digits
//!    with scale words (`4 thousand 3 hundred and 21`);
//! 3. what is counted: `%`/`percent`, a currency, a hyphen compound
//!    (`34-day`), or the noun phrase after the number (`six North Korean
//!    officers`), possibly partitive (`dozens of North Koreans`, `half of the
//!    artillery shells`).
//!
//! Numbers that only label or date something are skipped: numbers inside the
//! caller's `exclude` spans, years, day numbers next to a month, names
//! (`F-16`, `Resolution 2231`, `G7`), ordinals, clock times, ages, list
//! markers and `one` used as a pronoun.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::Regex;

use crate::hash::FxBuild;
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
    /// Bytes of `unit` in the document, if any. For currencies this is the
    /// symbol (`$`), for `%` the sign; it may lie just outside `span` when the
    /// number is quoted on its own (`"several thousand" North Korean troops`).
    pub unit_span: Option<Span>,
}

/// Finds quantities; built once, shared by all threads.
#[derive(Debug)]
pub struct QuantityFinder {
    /// One character of `\p{L}` or `\p{N}`: the test for letters and
    /// digits outside ASCII and General Punctuation, which std lacks.
    letter: Regex,
    /// Lower-cased word → what it can be; keyed by bytes so that a word
    /// lower-cased on the stack needs no UTF-8 check to be looked up.
    lexicon: HashMap<&'static [u8], Entry, FxBuild>,
    /// Whether to emit vague counts without a number (`several officers`).
    vague: bool,
    /// Number words and vulgar fractions, to skip sentences without a
    /// number before tokenizing them (most news sentences have none).
    numbers: AhoCorasick,
    /// The lexicon's words of up to 15 bytes by [`packed`] key: compared
    /// as one integer rather than through memcmp.
    short: ShortTable,
}

/// A word of up to 15 bytes and its length, as one integer.
fn packed(word: &[u8]) -> Option<u128> {
    if word.len() >= 16 {
        return None;
    }
    let (lo, hi) = halves(word);
    Some(join_key(lo, hi, word.len()))
}

/// The bytes of `word` (at most 16) as two little-endian halves. Shifts
/// rather than a copy into a buffer read back whole: no call to memcpy,
/// no store forwarded to a wider load.
fn halves(word: &[u8]) -> (u64, u64) {
    let (mut lo, mut hi) = (0u64, 0u64);
    for (n, &b) in word.iter().enumerate() {
        if n < 8 {
            lo |= u64::from(b) << (8 * n);
        } else {
            hi |= u64::from(b) << (8 * (n - 8));
        }
    }
    (lo, hi)
}

/// The [`packed`] key of halves already masked to the word.
fn join_key(lo: u64, hi: u64, len: usize) -> u128 {
    u128::from(hi | (len as u64) << 56) << 64 | u128::from(lo)
}

/// The [`packed`] key of `text[s..s + len]` lower-cased (ASCII only, as
/// [`Lower`]), for `len` below 16: two 8-byte loads from the text when 16
/// bytes remain, masked and lower-cased in registers.
fn packed_lower(text: &[u8], s: usize, len: usize) -> Option<u128> {
    if len >= 16 {
        return None;
    }
    let (mut lo, mut hi) = match text.get(s..s + 16) {
        Some(w) => {
            let (mut a, mut b) = ([0u8; 8], [0u8; 8]);
            a.copy_from_slice(&w[..8]);
            b.copy_from_slice(&w[8..]);
            (u64::from_le_bytes(a), u64::from_le_bytes(b))
        }
        None => halves(text.get(s..s + len)?),
    };
    if len < 8 {
        lo &= (1u64 << (8 * len)) - 1;
        hi = 0;
    } else {
        hi &= (1u64 << (8 * (len - 8))) - 1;
    }
    Some(join_key(lower8(lo), lower8(hi), len))
}

/// ASCII upper-case letters of eight bytes to lower case, other bytes
/// unchanged (as `u8::to_ascii_lowercase` on each).
fn lower8(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let low7 = x & (0x7f * ONES);
    // High bit of each byte: its low seven bits are >= `A`, resp. > `Z`;
    // no carry crosses a byte.
    let from_a = low7 + (0x80 - u64::from(b'A')) * ONES;
    let past_z = low7 + (0x80 - u64::from(b'Z') - 1) * ONES;
    let upper = from_a & !past_z & !x & (0x80 * ONES);
    x | upper >> 2
}

/// The lexicon's short words by [`packed`] key: open addressing over a
/// small array of indexes, so a lookup touches two or three cache lines
/// where a `HashMap` of 48-byte buckets touched more. Most words looked up
/// are not there and stop at an empty slot.
#[derive(Debug)]
struct ShortTable {
    /// Index + 1 into `keys` and `entries`, or 0 for an empty slot.
    slots: Vec<u16>,
    keys: Vec<u128>,
    entries: Vec<Entry>,
    /// `slots.len()` is `1 << bits`.
    bits: u32,
}

impl ShortTable {
    fn new(words: impl Iterator<Item = (u128, Entry)>) -> ShortTable {
        let (keys, entries): (Vec<u128>, Vec<Entry>) = words.unzip();
        // At most a quarter full: probe runs stay short.
        let bits = (keys.len().max(1) * 4).next_power_of_two().trailing_zeros().max(4);
        assert!(keys.len() < usize::from(u16::MAX), "lexicon fits u16 indexes");
        let mut table = ShortTable { slots: vec![0; 1 << bits], keys, entries, bits };
        for n in 0..table.keys.len() {
            let mut i = table.home(table.keys[n]);
            while table.slots[i] != 0 {
                i = (i + 1) & (table.slots.len() - 1);
            }
            table.slots[i] = (n + 1) as u16;
        }
        table
    }

    fn home(&self, key: u128) -> usize {
        let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        (folded.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - self.bits)) as usize
    }

    fn get(&self, key: u128) -> Option<&Entry> {
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let n = usize::from(*self.slots.get(i)?);
            if n == 0 {
                return None;
            }
            if self.keys.get(n - 1) == Some(&key) {
                return self.entries.get(n - 1);
            }
            i = (i + 1) & mask;
        }
    }
}

impl Default for QuantityFinder {
    fn default() -> QuantityFinder {
        QuantityFinder::new()
    }
}

// ---------------------------------------------------------------------------
// Lexicon

/// Word classes, as bit flags: a word may have several (`over` is a stop word
/// and starts a qualifier; `some` is vague and a qualifier).
const CARD: u32 = 1 << 0; // one … nineteen, and compounds like twenty-five
const TENS: u32 = 1 << 1; // twenty … ninety
const HUNDRED: u32 = 1 << 2;
const SCALE: u32 = 1 << 3; // thousand, million, billion, trillion, bn, mln
const DOZEN: u32 = 1 << 4;
const VAGUE_PLURAL: u32 = 1 << 5; // dozens, hundreds, thousands, scores, tens
const FRACTION: u32 = 1 << 6; // half, third(s), quarter(s), fifth(s)
const VAGUE: u32 = 1 << 7; // several, numerous, many, few
const STOP: u32 = 1 << 8; // ends a noun phrase
const MONTH: u32 = 1 << 9;
const ADJ: u32 = 1 << 10; // modifiers left out of the unit: other, suspected
const NOMINAL: u32 = 1 << 11; // adjectives used as nouns: wounded, dead
const PLURAL: u32 = 1 << 12; // irregular plurals: people, women, police
const LABEL: u32 = 1 << 13; // a number after these labels: page 5, aged 45
const YEAR_PREV: u32 = 1 << 14; // a year after these: in 2006, the 2006 toll
const TIME_NEXT: u32 = 1 << 15; // a clock time before these: 5 p.m., 0800 GMT
const DET: u32 = 1 << 16; // determiners between `of` and the noun
const PRONOUN: u32 = 1 << 17; // ends a partitive: half of them
const NOT_ONE: u32 = 1 << 18; // `one` after these is a pronoun: no one
const ONE_NOUN: u32 = 1 << 19; // `one` before these is not a count: one day
const LY_NOUN: u32 = 1 << 20; // nouns ending in -ly: family, ally
const NOT_PLURAL: u32 = 1 << 21; // words ending in -s that are not plurals
const BAD_COMPOUND: u32 = 1 << 22; // one-way, two-sided, one-off
const DIRECTION: u32 = 1 << 23; // north, south …
const ORD: u32 = 1 << 24; // a denominator: third(s), eighth(s), hundredth(s), half
const ZERO: u32 = 1 << 25; // zero, nought: a number alone or in decimals, not a count
const SIGN_ART: u32 = 1 << 26; // minus, negative, a, an: may start an extended number
const QUAL_START: u32 = 1 << 27; // first word of a qualifier: about, more, at …

/// Words that may start a number on their own: number words and vague
/// counts (`several thousand`).
const STARTS: u32 = CARD | TENS | ZERO | ORD | FRACTION | VAGUE_PLURAL | VAGUE;

/// Words that can be, or start, a number: a sentence with none of them and
/// no digit holds no quantity.
const NUMBER_WORDS: u32 =
    CARD | TENS | HUNDRED | SCALE | DOZEN | VAGUE_PLURAL | FRACTION | ORD | ZERO;

#[derive(Clone, Copy, Debug, Default)]
struct Entry {
    flags: u32,
    value: f64,
    /// The denominator of an `ORD` word (`eighths` → 8).
    den: f64,
    /// Bit `n` for each `QUALIFIERS[n]` that starts with this word.
    quals: u64,
}

// One bit per qualifier in `Entry::quals`.
const _: () = assert!(QUALIFIERS.len() <= 64);

const CARDINALS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
];

const TENS_WORDS: &[(&str, f64)] = &[
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

const SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("bn", 1e9),
    ("mln", 1e6),
    ("mn", 1e6),
    ("bln", 1e9),
    ("tln", 1e12),
    ("lakh", 1e5),
    ("lakhs", 1e5),
    ("crore", 1e7),
    ("crores", 1e7),
];

/// Ordinals that name a denominator, singular and plural (`a fifth`, `three
/// eighths`); `first` and `second` only inside compounds (`twenty-first`),
/// since `one second` is a time.
#[rustfmt::skip]
const ORDINALS: &[(&str, f64)] = &[
    ("half", 2.0), ("halves", 2.0), ("quarter", 4.0), ("quarters", 4.0),
    ("third", 3.0), ("thirds", 3.0), ("fourth", 4.0), ("fourths", 4.0),
    ("fifth", 5.0), ("fifths", 5.0), ("sixth", 6.0), ("sixths", 6.0),
    ("seventh", 7.0), ("sevenths", 7.0), ("eighth", 8.0), ("eighths", 8.0),
    ("ninth", 9.0), ("ninths", 9.0), ("tenth", 10.0), ("tenths", 10.0),
    ("eleventh", 11.0), ("elevenths", 11.0), ("twelfth", 12.0), ("twelfths", 12.0),
    ("thirteenth", 13.0), ("thirteenths", 13.0), ("fourteenth", 14.0), ("fourteenths", 14.0),
    ("fifteenth", 15.0), ("fifteenths", 15.0), ("sixteenth", 16.0), ("sixteenths", 16.0),
    ("seventeenth", 17.0), ("seventeenths", 17.0), ("eighteenth", 18.0), ("eighteenths", 18.0),
    ("nineteenth", 19.0), ("nineteenths", 19.0), ("twentieth", 20.0), ("twentieths", 20.0),
    ("thirtieth", 30.0), ("thirtieths", 30.0), ("fortieth", 40.0), ("fortieths", 40.0),
    ("fiftieth", 50.0), ("fiftieths", 50.0), ("sixtieth", 60.0), ("sixtieths", 60.0),
    ("seventieth", 70.0), ("seventieths", 70.0), ("eightieth", 80.0), ("eightieths", 80.0),
    ("ninetieth", 90.0), ("ninetieths", 90.0), ("hundredth", 100.0), ("hundredths", 100.0),
    ("thousandth", 1e3), ("thousandths", 1e3), ("millionth", 1e6), ("millionths", 1e6),
    ("billionth", 1e9), ("billionths", 1e9), ("trillionth", 1e12), ("trillionths", 1e12),
];

/// Unit ordinals that end a compound denominator (`twenty-first`).
#[rustfmt::skip]
const UNIT_ORDINALS: &[(&str, f64)] = &[
    ("first", 1.0), ("second", 2.0), ("third", 3.0), ("fourth", 4.0), ("fifth", 5.0),
    ("sixth", 6.0), ("seventh", 7.0), ("eighth", 8.0), ("ninth", 9.0),
];

/// `dozens` after a number multiplies (`3 dozens`), like `dozen`.
const DOZENS: &[&str] = &["dozens", "dz", "dzs", "doz", "dozs"];

/// Vague plurals: the value the gold uses, e.g. `dozens` → 24. The base
/// (value / 2) scales a following `of thousands`: `tens of thousands` → 20000.
const VAGUE_PLURALS: &[(&str, f64)] = &[
    ("dozens", 24.0),
    ("hundreds", 200.0),
    ("thousands", 2000.0),
    ("millions", 2e6),
    ("billions", 2e9),
    ("scores", 40.0),
    ("tens", 20.0),
];

const FRACTIONS: &[(&str, f64)] = &[
    ("half", 0.5),
    ("halves", 0.5),
    ("third", 1.0 / 3.0),
    ("thirds", 1.0 / 3.0),
    ("quarter", 0.25),
    ("quarters", 0.25),
    ("fifth", 0.2),
    ("fifths", 0.2),
];

const VAGUE_WORDS: &[&str] = &["several", "numerous", "many", "few", "multiple", "countless"];

#[rustfmt::skip]
const STOP_WORDS: &[&str] = &[
    // prepositions and conjunctions
    "of", "to", "in", "on", "at", "for", "from", "with", "without", "by", "and", "or", "but", "nor",
    "as", "than", "into", "onto", "over", "under", "about", "after", "before", "during", "since",
    "until", "till", "near", "across", "against", "among", "amid", "amongst", "between", "through",
    "throughout", "per", "via", "within", "toward", "towards", "upon", "inside", "outside",
    "behind", "beyond", "around", "along", "off", "out", "up", "down", "like", "including",
    "according", "despite", "if", "because", "while", "when", "where", "whereas", "so", "yet",
    "though", "although", "unless", "whether",
    // determiners and pronouns
    "the", "a", "an", "this", "these", "those", "that", "their", "its", "his", "her", "our", "my",
    "your", "it", "they", "them", "he", "she", "we", "you", "i", "us", "which", "who", "whom",
    "whose", "what", "each", "every", "all", "both", "any", "some", "no", "none", "either",
    "neither", "such", "there", "here",
    // auxiliaries and common verbs that follow a bare count
    "is", "was", "are", "were", "be", "been", "being", "am", "had", "have", "has", "having", "will",
    "would", "could", "can", "may", "might", "should", "must", "shall", "do", "did", "does", "done",
    "said", "says", "say", "told", "tell", "went", "go", "goes", "came", "come", "left", "took",
    "take", "held", "met", "rose", "fell", "remain", "remains", "saw", "got", "gave", "made",
    "lost", "won", "fled", "died", "die", "get", "threw", "beat", "ran", "put", "hit", "kept",
    "brought", "bought", "sold", "sent", "paid", "spent", "found", "thought", "began", "became",
    "wrote", "spoke", "knew", "grew", "drew", "chose", "stood", "sat", "led", "fought", "struck",
    "shot", "caught", "taught", "meant", "felt", "heard", "let", "set",
    // adverbs
    "ago", "later", "earlier", "before", "afterwards", "yesterday", "today", "tomorrow", "now",
    "then", "apiece", "altogether", "respectively", "also", "only", "just", "still", "already",
    "even", "too", "not", "again", "away", "ever", "never", "very", "more", "most", "less", "least",
    "instead", "else", "back", "home", "abroad", "overnight", "last", "next",
    // weekdays
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];

/// Directions end a lower-case noun phrase (`50 km north`), but not a name
/// (`North Korean officers`).
#[rustfmt::skip]
const DIRECTIONS: &[&str] = &[
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "north-east", "north-west", "south-east", "south-west", "inland", "offshore", "upstream",
    "downstream",
];

#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
];

#[rustfmt::skip]
const ADJECTIVES: &[&str] = &[
    "other", "more", "additional", "extra", "further", "suspected", "alleged", "major", "minor",
    "senior", "junior", "foreign", "armed", "unidentified", "unknown", "young", "innocent", "local",
    "new", "former", "civilian", "separate", "different", "small", "large", "big", "bad", "good",
    "key", "main", "top", "so-called", "possible", "individual", "single", "remaining", "estimated",
    "total",
];

#[rustfmt::skip]
const NOMINALS: &[&str] = &[
    "wounded", "injured", "dead", "missing", "displaced", "homeless", "killed", "detained", "hurt",
    "unemployed",
];

#[rustfmt::skip]
const IRREGULAR_PLURALS: &[&str] = &[
    "people", "men", "women", "children", "police", "personnel", "staff", "cattle", "livestock",
    "aircraft", "feet", "teeth", "geese", "mice", "folk", "clergy", "sheep", "spacecraft",
    "militia", "infantry", "youth",
];

#[rustfmt::skip]
const LABELS: &[&str] = &[
    "no", "nos", "number", "page", "pages", "p", "pp", "article", "chapter", "section", "paragraph",
    "clause", "resolution", "flight", "route", "room", "highway", "road", "line", "platform",
    "gate", "level", "category", "grade", "phase", "round", "game", "episode", "season", "vol",
    "volume", "version", "item", "aged", "age", "ages", "rank", "ranked", "seed", "seeded", "code",
    "channel", "tier", "exit", "terminal", "apartment", "block", "verse", "act",
];

#[rustfmt::skip]
const YEAR_PREV_WORDS: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "of", "before", "after", "during", "the", "early",
    "late", "mid", "end", "fiscal", "between", "and", "to", "year", "summer", "winter", "spring",
    "autumn", "fall", "circa", "through", "throughout", "this", "that", "its", "their", "his",
    "her", "our", "for", "as", "at", "on", "than", "until", "year-end",
];

#[rustfmt::skip]
const TIME_WORDS: &[&str] = &[
    "a.m", "p.m", "am", "pm", "gmt", "utc", "o'clock", "o\u{2019}clock", "hrs", "est", "edt", "cet",
    "bst", "hours",
];

#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "the", "these", "those", "its", "their", "his", "her", "our", "your", "my", "this", "that",
    "all",
];

const PRONOUNS: &[&str] = &["them", "us", "you", "it", "whom", "which", "those", "these", "all"];

#[rustfmt::skip]
const NOT_ONE_WORDS: &[&str] = &[
    "no", "the", "this", "that", "any", "every", "each", "which", "such", "someone", "anyone",
    "everyone", "little", "last", "another",
];

#[rustfmt::skip]
const ONE_NOUNS: &[&str] = &[
    "day", "time", "point", "way", "side", "hand", "another", "other", "thing", "kind", "sort",
    "night", "morning", "evening", "afternoon",
];

#[rustfmt::skip]
const LY_NOUNS: &[&str] = &[
    "family", "ally", "assembly", "rally", "supply", "reply", "anomaly", "monopoly", "belly", "fly",
    "holy", "jelly", "bully", "lily", "daily", "weekly", "monthly", "quarterly", "italy",
];

#[rustfmt::skip]
const NOT_PLURALS: &[&str] = &[
    "news", "series", "species", "gas", "bus", "this", "its", "has", "was", "is", "as", "us", "yes",
    "always", "perhaps", "whereas", "towards", "afterwards", "besides", "thus", "plus", "chaos",
    "status", "campus", "virus", "bonus", "census", "means", "politics", "physics", "economics",
    "headquarters", "whereabouts", "aids",
];

#[rustfmt::skip]
const BAD_COMPOUNDS: &[&str] = &[
    "way", "sided", "off", "time", "times", "fold", "on", "up", "hand", "handed", "liner", "to",
    "for", "of", "in", "and", "all", "nil", "party", "third", "thirds", "quarter", "quarters",
    "half", "ever", "stop",
];

/// Qualifier kinds: how the qualifier changes the value fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Qual {
    /// `about`, `nearly`: approximate.
    Approx,
    /// `over`, `more than`, `at least`: `low` = value.
    Low,
    /// `up to`, `fewer than`: `high` = value.
    High,
    /// `another`, `a total of`: kept in the span only.
    Plain,
    /// `between X and Y`: only with a range.
    Between,
}

/// Qualifiers as lower-case word sequences; the longest match wins.
const QUALIFIERS: &[(&[&str], Qual)] = &[
    (&["about"], Qual::Approx),
    (&["around"], Qual::Approx),
    (&["approximately"], Qual::Approx),
    (&["approx"], Qual::Approx),
    (&["roughly"], Qual::Approx),
    (&["nearly"], Qual::Approx),
    (&["almost"], Qual::Approx),
    (&["some"], Qual::Approx),
    (&["an", "estimated"], Qual::Approx),
    (&["estimated"], Qual::Approx),
    (&["close", "to"], Qual::Approx),
    (&["perhaps"], Qual::Approx),
    (&["possibly"], Qual::Approx),
    (&["maybe"], Qual::Approx),
    (&["circa"], Qual::Approx),
    (&["just", "about"], Qual::Approx),
    (&["over"], Qual::Low),
    (&["well", "over"], Qual::Low),
    (&["just", "over"], Qual::Low),
    (&["more", "than"], Qual::Low),
    (&["well", "above"], Qual::Low),
    (&["above"], Qual::Low),
    (&["at", "least"], Qual::Low),
    (&["upwards", "of"], Qual::Low),
    (&["in", "excess", "of"], Qual::Low),
    (&["no", "fewer", "than"], Qual::Low),
    (&["no", "less", "than"], Qual::Low),
    (&["not", "less", "than"], Qual::Low),
    (&["a", "minimum", "of"], Qual::Low),
    (&["up", "to"], Qual::High),
    (&["at", "most"], Qual::High),
    (&["fewer", "than"], Qual::High),
    (&["less", "than"], Qual::High),
    (&["under"], Qual::High),
    (&["just", "under"], Qual::High),
    (&["below"], Qual::High),
    (&["as", "many", "as"], Qual::High),
    (&["as", "much", "as"], Qual::High),
    (&["no", "more", "than"], Qual::High),
    (&["not", "more", "than"], Qual::High),
    (&["a", "maximum", "of"], Qual::High),
    (&["another"], Qual::Plain),
    (&["an", "additional"], Qual::Plain),
    (&["a", "further"], Qual::Plain),
    (&["a", "total", "of"], Qual::Plain),
    (&["only"], Qual::Plain),
    (&["exactly"], Qual::Plain),
    (&["precisely"], Qual::Plain),
    (&["between"], Qual::Between),
];

/// The most words a qualifier has: [`Scan::at`] reads one only when a
/// number may start within this many tokens after its first word.
const QUAL_MAX_WORDS: usize = 3;

const _: () = {
    let mut n = 0;
    while n < QUALIFIERS.len() {
        assert!(QUALIFIERS[n].0.len() <= QUAL_MAX_WORDS);
        n += 1;
    }
};

/// Currency prefixes and the unit they stand for.
const CURRENCY_SYMBOLS: &[(&str, &str)] =
    &[("$", "dollars"), ("€", "euros"), ("£", "pounds"), ("¥", "yen"), ("₹", "rupees")];
const CURRENCY_CODES: &[(&str, &str)] = &[
    ("usd", "dollars"),
    ("eur", "euros"),
    ("gbp", "pounds"),
    ("jpy", "yen"),
    ("cny", "yuan"),
    ("rmb", "yuan"),
];

/// Measure abbreviations that may be glued to digits (`5km`). `bn`, `mn`,
/// `mln`, `m` and `k` are scales after a currency (`$5bn`, `£3m`).
#[rustfmt::skip]
const GLUED_UNITS: &[&str] = &[
    "km", "kg", "m", "mm", "cm", "ft", "mph", "kph", "kmh", "bn", "mn", "mln", "k", "mw", "MW",
    "gw", "GW", "kw", "kW", "lb", "lbs", "mi", "ha", "ml", "sq", "K", "M", "MM", "mil", "b", "B",
    "bln", "tln", "Bn", "Mn",
];

/// The multiplier of a scale abbreviation glued to digits (`10k`, `1.2b`,
/// `10M`, `2mil`); case matters: `m` is metres unless counted.
fn suffix_scale(abbr: &str) -> Option<f64> {
    match abbr {
        "k" | "K" => Some(1e3),
        "M" | "MM" | "mil" | "mn" | "Mn" | "mln" => Some(1e6),
        "b" | "B" | "bn" | "Bn" | "bln" => Some(1e9),
        "tln" => Some(1e12),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Tokens

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Letters (with internal hyphens and apostrophes).
    Word,
    /// A plain number in digits: `3,000`, `1.2`, `2006`.
    Num,
    /// `10-15`: `val` is the low end, `hi` the high end.
    Range,
    /// Digits glued to a measure abbreviation: `5km`, `3bn`; `sub` is the
    /// abbreviation.
    NumUnit,
    /// A number joined by a hyphen to a noun: `34-day`, `two-day`, `30-odd`;
    /// `sub` is the noun.
    Compound,
    /// Anything that mixes letters and digits (`F-16`, `G7`, `21st`, `1990s`)
    /// or an age (`45-year-old`).
    Other,
    /// One character that is neither letter nor digit.
    Punct,
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    s: usize,
    e: usize,
    kind: Kind,
    flags: u32,
    val: f64,
    hi: f64,
    /// Denominator of an ordinal (`ORD`).
    den: f64,
    /// Sub-span (start, end) for `NumUnit` and `Compound`.
    sub: (usize, usize),
    /// First letter upper case.
    cap: bool,
    /// Looks like a plural noun.
    plural: bool,
    /// A four-digit number that could be a year.
    year: bool,
    /// Integer written with a leading zero (`0800`).
    zero: bool,
}

impl Tok {
    /// `text[s..e]` before [`QuantityFinder::classify_into`]: punctuation.
    fn new(s: usize, e: usize) -> Tok {
        Tok {
            s,
            e,
            kind: Kind::Punct,
            flags: 0,
            val: 0.0,
            hi: 0.0,
            den: 0.0,
            sub: (s, e),
            cap: false,
            plural: false,
            year: false,
            zero: false,
        }
    }

    fn has(&self, flags: u32) -> bool {
        self.flags & flags != 0
    }
}

/// Whether `t`, followed by `next`, is a word where [`Scan::at`] returns
/// the next token at once: no label, qualifier, number or sign word, and
/// no number, `$` or other punctuation after it (`USD 5`, `US$`). Most
/// tokens are such words.
fn plain_word(t: &Tok, next: Option<&Tok>) -> bool {
    t.kind == Kind::Word
        && !t.has(LABEL | QUAL_START | STARTS | SIGN_ART)
        && next.is_none_or(|n| !matches!(n.kind, Kind::Num | Kind::Punct))
}

/// The longest word [`Lower`] copies: longer ones are no lexicon word.
const LOWER_MAX: usize = 32;

/// An ASCII-lower-cased copy of a short token, on the stack.
struct Lower {
    buf: [u8; LOWER_MAX],
    len: usize,
}

impl Lower {
    fn new(s: &str) -> Option<Lower> {
        let bytes = s.as_bytes();
        if bytes.len() > LOWER_MAX {
            return None;
        }
        let mut buf = [0u8; LOWER_MAX];
        for (d, b) in buf.iter_mut().zip(bytes) {
            *d = b.to_ascii_lowercase();
        }
        Some(Lower { buf, len: bytes.len() })
    }

    fn as_str(&self) -> &str {
        // ASCII lower-casing keeps UTF-8 valid.
        std::str::from_utf8(self.as_bytes()).unwrap_or("")
    }

    fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

fn is_dash(c: char) -> bool {
    c == '-' || c == '\u{2013}'
}

/// Whether `t` is a list of numbers joined by commas without spaces
/// (`22,24,26,31`): two commas or more, and not a grouped number.
fn is_number_list(t: &str) -> bool {
    // Every token is tested: the first byte turns away words cheaply.
    t.starts_with(|c: char| c.is_ascii_digit())
        && t.bytes().filter(|&b| b == b',').count() >= 2
        && t.split(',')
            .all(|g| !g.is_empty() && g.len() <= 4 && g.bytes().all(|b| b.is_ascii_digit()))
        && parse_digits(t).is_none()
}

/// Parses `3,000`, `1.2`, `12`; None for anything else (`1,20`, `1.2.3`).
/// Runs on every number token, so on bytes without searchers or vectors.
fn parse_digits(s: &str) -> Option<f64> {
    let bytes = s.as_bytes();
    if !bytes.first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let (int, frac) = match bytes.iter().position(|&b| b == b'.') {
        Some(dot) => (&bytes[..dot], Some(&bytes[dot + 1..])),
        None => (bytes, None),
    };
    if frac.is_some_and(|f| f.is_empty() || !f.iter().all(u8::is_ascii_digit)) {
        return None;
    }
    let mut groups = int.split(|&b| b == b',');
    let first = groups.next()?;
    if first.is_empty() || !first.iter().all(u8::is_ascii_digit) {
        return None;
    }
    if first.len() < int.len() {
        // Western grouping (3,000,000: threes) or Indian (12,34,567, lakh
        // and crore: twos, then a last three).
        let (mut count, mut western, mut pairs, mut last) = (0, true, true, 0);
        for g in groups {
            if !g.iter().all(u8::is_ascii_digit) {
                return None;
            }
            pairs &= count == 0 || last == 2;
            western &= g.len() == 3;
            last = g.len();
            count += 1;
        }
        let indian = count >= 2 && first.len() <= 2 && last == 3 && pairs;
        if first.len() > 3 || !(western || indian) {
            return None;
        }
    }
    // Drop the separators on the stack and let the standard parser round.
    let mut buf = [0u8; 48];
    let mut len = 0;
    for b in s.bytes().filter(|&b| b != b',') {
        *buf.get_mut(len)? = b;
        len += 1;
    }
    let digits = &buf[..len];
    // Most numbers are short: up to 15 digits are exact in an f64, and so is
    // their quotient by a power of ten up to 1e22, which then rounds as the
    // parser would (its own fast path).
    let (int, frac) = match digits.iter().position(|&b| b == b'.') {
        Some(dot) => (&digits[..dot], &digits[dot + 1..]),
        None => (digits, &digits[..0]),
    };
    if int.len() + frac.len() <= 15 {
        let m = int.iter().chain(frac).fold(0u64, |m, &b| m * 10 + u64::from(b - b'0'));
        return Some(m as f64 / POW10[frac.len()]);
    }
    std::str::from_utf8(digits).ok()?.parse().ok()
}

/// Exact powers of ten, for [`parse_digits`].
const POW10: [f64; 16] =
    [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/// Whether a lower-cased word looks like a plural noun; `-is` counts only for
/// capitalized demonyms (`Iraqis`, not `crisis`).
fn plural_look(lower: &[u8], cap: bool) -> bool {
    lower.len() > 3
        && lower.ends_with(b"s")
        && !lower.ends_with(b"ss")
        && !lower.ends_with(b"us")
        && (cap || !lower.ends_with(b"is"))
        && !lower.ends_with(b"'s")
        && !lower.ends_with("\u{2019}s".as_bytes())
}

/// `day` → `days`, `man` → `men`, `city` → `cities`.
fn pluralize(word: &str) -> String {
    let lower = word.to_ascii_lowercase();
    if lower.ends_with('s') {
        lower
    } else if let Some(stem) = lower.strip_suffix("man") {
        format!("{stem}men")
    } else if lower.ends_with("ch") || lower.ends_with("sh") || lower.ends_with('x') {
        format!("{lower}es")
    } else if lower.len() > 1
        && lower.ends_with('y')
        && !matches!(lower.as_bytes()[lower.len() - 2], b'a' | b'e' | b'o' | b'u')
    {
        format!("{}ies", &lower[..lower.len() - 1])
    } else {
        format!("{lower}s")
    }
}

// ---------------------------------------------------------------------------
// Finder

impl QuantityFinder {
    /// Compiles the quantity rules.
    pub fn new() -> QuantityFinder {
        let letter = Regex::new(r"\A[\p{L}\p{N}]").expect("letter regex compiles");
        let mut lexicon: HashMap<&'static [u8], Entry, FxBuild> = HashMap::default();
        let mut add = |words: &[&'static str], flag: u32| {
            for w in words {
                lexicon.entry(w.as_bytes()).or_default().flags |= flag;
            }
        };
        add(STOP_WORDS, STOP);
        add(MONTHS, MONTH);
        add(DIRECTIONS, DIRECTION);
        add(ADJECTIVES, ADJ);
        add(NOMINALS, NOMINAL);
        add(IRREGULAR_PLURALS, PLURAL);
        add(LABELS, LABEL);
        add(YEAR_PREV_WORDS, YEAR_PREV);
        add(TIME_WORDS, TIME_NEXT);
        add(DETERMINERS, DET);
        add(PRONOUNS, PRONOUN);
        add(NOT_ONE_WORDS, NOT_ONE);
        add(ONE_NOUNS, ONE_NOUN);
        add(LY_NOUNS, LY_NOUN);
        add(NOT_PLURALS, NOT_PLURAL);
        add(BAD_COMPOUNDS, BAD_COMPOUND);
        add(VAGUE_WORDS, VAGUE);
        add(&["hundred"], HUNDRED);
        add(&["dozen"], DOZEN);
        add(DOZENS, DOZEN);
        add(&["zero", "nought", "naught"], ZERO);
        add(&["minus", "negative", "a", "an"], SIGN_ART);
        for &(w, d) in ORDINALS {
            let e = lexicon.entry(w.as_bytes()).or_default();
            e.flags |= ORD;
            e.den = d;
        }
        let mut valued = |table: &[(&'static str, f64)], flag: u32| {
            for &(w, v) in table {
                let e = lexicon.entry(w.as_bytes()).or_default();
                e.flags |= flag;
                e.value = v;
            }
        };
        valued(CARDINALS, CARD);
        valued(TENS_WORDS, TENS);
        valued(SCALES, SCALE);
        valued(VAGUE_PLURALS, VAGUE_PLURAL);
        valued(FRACTIONS, FRACTION);
        for (n, (words, _)) in QUALIFIERS.iter().enumerate() {
            let e = lexicon.entry(words[0].as_bytes()).or_default();
            e.flags |= QUAL_START;
            e.quals |= 1 << n;
        }
        let numbers = number_automaton(&lexicon, NUMBER_WORDS);
        let short = ShortTable::new(lexicon.iter().filter_map(|(w, e)| Some((packed(w)?, *e))));
        QuantityFinder { letter, lexicon, vague: false, numbers, short }
    }

    /// Also emit vague counts without a number (`several officers`,
    /// `numerous ballistic missiles`, `a few days`) with no value and
    /// `approximate` set. Off by default: the gold treats them as optional.
    pub fn with_vague_counts(mut self, yes: bool) -> QuantityFinder {
        self.vague = yes;
        let flags = if yes { NUMBER_WORDS | VAGUE } else { NUMBER_WORDS };
        self.numbers = number_automaton(&self.lexicon, flags);
        self
    }

    /// Whether `sentence` may hold a quantity: it has a digit, a vulgar
    /// fraction or a number word that starts a token. A token starts only
    /// after a character that is not a letter or digit, and a number word
    /// ends where its token ends or at a hyphen (`twenty-five`); patterns
    /// are letters only, so a match inside a longer word never hides one at
    /// the start of a word. Non-ASCII neighbours count as boundaries, which
    /// errs towards tokenizing.
    fn may_hold(&self, sentence: &str) -> bool {
        if has_digit(sentence.as_bytes()) {
            return true;
        }
        let bytes = sentence.as_bytes();
        let alnum =
            |i: Option<usize>| i.and_then(|i| bytes.get(i)).is_some_and(u8::is_ascii_alphanumeric);
        self.numbers.find_iter(sentence).any(|m| {
            !bytes[m.start()].is_ascii_alphabetic() // ½
                || (!alnum(m.start().checked_sub(1)) && !alnum(Some(m.end())))
        })
    }

    /// Every quantity in `text`, in order. Numbers inside `exclude` spans
    /// (dates, names) are not quantities, but an excluded name may be part of
    /// the counted noun phrase (`six North Korean officers`).
    pub fn find(&self, text: &str, sentences: &[Span], exclude: &[Span]) -> Vec<QuantityMention> {
        let mut excluded: Vec<Span> =
            exclude.iter().copied().filter(|s| !s.is_empty() && s.end <= text.len()).collect();
        excluded.sort_unstable();
        let mut merged: Vec<Span> = Vec::with_capacity(excluded.len());
        for s in excluded {
            match merged.last_mut() {
                Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
                _ => merged.push(s),
            }
        }
        let whole = [Span::new(0, text.len())];
        let sentences = if sentences.is_empty() { &whole[..] } else { sentences };

        let mut out = Vec::new();
        let mut toks = Vec::new();
        for sentence in sentences {
            let Some(slice) = text.get(sentence.start..sentence.end) else { continue };
            if !self.may_hold(slice) {
                continue;
            }
            toks.clear();
            // Tokens take four bytes or more with their space: one
            // allocation per document rather than a doubling series.
            toks.reserve(slice.len() / 4);
            let mut at = 0;
            while let Some((start, end)) = self.next_token(slice, &mut at) {
                let (s, e) = (sentence.start + start, sentence.start + end);
                let t = &slice[start..end];
                if is_number_list(t) {
                    // 22,24,26,31: numbers and commas, not one number.
                    let mut at = s;
                    for part in t.split(',') {
                        if at > s {
                            toks.push(self.classify(text, at - 1, at));
                        }
                        toks.push(self.classify(text, at, at + part.len()));
                        at += part.len() + 1;
                    }
                    continue;
                }
                toks.push(Tok::new(s, e));
                if let Some(tok) = toks.last_mut() {
                    self.classify_into(text, tok);
                }
            }
            let scan = Scan { f: self, text, toks: &toks, excluded: &merged };
            let mut i = 0;
            while i < toks.len() {
                if plain_word(&toks[i], toks.get(i + 1)) {
                    i += 1; // what `Scan::at` returns for it, without the calls
                    continue;
                }
                match scan.at(i) {
                    Ok((m, next)) => {
                        out.push(m);
                        i = next.max(i + 1);
                    }
                    Err(next) => i = next.max(i + 1),
                }
            }
        }
        out
    }

    /// Whether `c` is a letter or digit (`\p{L}` or `\p{N}`).
    fn is_letter(&self, c: char) -> bool {
        if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else if ('\u{2000}'..='\u{206f}').contains(&c) {
            false // quotes, dashes and spaces: the common non-ASCII case
        } else {
            self.letter.is_match(c.encode_utf8(&mut [0; 4]))
        }
    }

    /// The next token of `s` from byte `*at`, advancing `*at` past it: a
    /// run of letters and digits, possibly joined by single apostrophes,
    /// dots, commas or hyphens (`3,000`, `Eul-chul`, `U.S`), or one other
    /// character that is not a space.
    fn next_token(&self, s: &str, at: &mut usize) -> Option<(usize, usize)> {
        // Bytes below 0x80 are whole characters: decode only the others.
        let bytes = s.as_bytes();
        let char_at = |i: usize| match bytes.get(i) {
            Some(&b) if b.is_ascii() => Some(b as char),
            Some(_) => s.get(i..).and_then(|r| r.chars().next()),
            None => None,
        };
        let mut start = *at;
        let first = loop {
            let c = char_at(start)?;
            if !c.is_whitespace() {
                break c;
            }
            start += c.len_utf8();
        };
        let mut end = start + first.len_utf8();
        if self.is_letter(first) {
            // A joiner counts only with a letter or digit after it. ASCII
            // letters and digits, the bulk of a token, take one test.
            let letter_at = |i: usize| match bytes.get(i) {
                Some(&b) if b.is_ascii() => b.is_ascii_alphanumeric(),
                _ => char_at(i).is_some_and(|a| self.is_letter(a)),
            };
            while let Some(&b) = bytes.get(end) {
                if b.is_ascii_alphanumeric() {
                    end += 1;
                } else if b.is_ascii() {
                    if !(matches!(b, b'\'' | b'.' | b',' | b'-') && letter_at(end + 1)) {
                        break;
                    }
                    end += 1;
                } else {
                    let Some(c) = char_at(end) else { break };
                    let joins =
                        matches!(c, '\u{2019}' | '\u{2013}') && letter_at(end + c.len_utf8());
                    if !(self.is_letter(c) || joins) {
                        break;
                    }
                    end += c.len_utf8();
                }
            }
        }
        *at = end;
        Some((start, end))
    }

    fn entry(&self, lower: &str) -> Entry {
        self.entry_bytes(lower.as_bytes())
    }

    fn entry_bytes(&self, lower: &[u8]) -> Entry {
        match packed(lower) {
            Some(key) => self.short.get(key),
            None => self.lexicon.get(lower),
        }
        .copied()
        .unwrap_or_default()
    }

    /// Builds one token from `text[s..e]`.
    fn classify(&self, text: &str, s: usize, e: usize) -> Tok {
        let mut tok = Tok::new(s, e);
        self.classify_into(text, &mut tok);
        tok
    }

    /// Fills in `tok`, fresh from [`Tok::new`]. It is filled in place, in
    /// the token vector: returning it by value cost a copy per token that
    /// read back the fields just written.
    fn classify_into(&self, text: &str, tok: &mut Tok) {
        let (s, e) = (tok.s, tok.e);
        let t = &text[s..e];
        let Some(&b0) = t.as_bytes().first() else { return };
        // ASCII first: no vulgar fraction, and the character tests are
        // byte tests.
        let cap = if b0.is_ascii() {
            if b0.is_ascii_digit() {
                self.classify_digits(t, tok);
                return;
            }
            if !b0.is_ascii_alphabetic() {
                return;
            }
            b0.is_ascii_uppercase()
        } else {
            let Some(first) = t.chars().next() else { return };
            if let Some(v) = vulgar(first).filter(|_| t.len() == first.len_utf8()) {
                tok.kind = Kind::Num; // ½, ¾
                tok.val = v;
                return;
            }
            if !first.is_alphabetic() {
                return;
            }
            first.is_uppercase()
        };
        tok.cap = cap;
        // One pass over the bytes: digits, case, and a hyphen or the first
        // byte of `–`.
        let (mut digit, mut all_upper, mut ascii, mut dash) = (false, true, true, false);
        for &b in t.as_bytes() {
            digit |= b.is_ascii_digit();
            all_upper &= b.is_ascii_uppercase();
            ascii &= b.is_ascii();
            dash |= b == b'-' || b == 0xe2;
        }
        if digit {
            tok.kind = Kind::Other; // F-16, G7, COVID-19, Su-27
            return;
        }
        tok.kind = Kind::Word;
        if t.len() > LOWER_MAX {
            return;
        }
        let entry = match packed_lower(text.as_bytes(), s, t.len()) {
            Some(key) => {
                let entry = self.short.get(key).copied().unwrap_or_default();
                let bytes = key.to_le_bytes();
                tok.plural = plural_look(&bytes[..t.len()], cap);
                entry
            }
            None => {
                let copy = Lower::new(t);
                let lower = copy.as_ref().map_or(t.as_bytes(), Lower::as_bytes);
                tok.plural = plural_look(lower, cap);
                self.lexicon.get(lower).copied().unwrap_or_default()
            }
        };
        tok.flags = entry.flags;
        tok.val = entry.value;
        tok.den = entry.den;
        tok.plural = tok.has(PLURAL) || (tok.plural && !tok.has(NOT_PLURAL));
        // An acronym is never a function word: US, IT, AN.
        let acronym = if ascii { all_upper } else { t.chars().all(|c| c.is_uppercase()) };
        if cap && t.len() >= 2 && acronym {
            tok.flags &= !(STOP | DET | PRONOUN | LABEL | YEAR_PREV | NOT_ONE | TIME_NEXT);
        }
        if entry.flags == 0 && dash {
            let copy = Lower::new(t);
            let lower = copy.as_ref().map_or(t, Lower::as_str);
            if lower.contains(['-', '\u{2013}']) {
                self.classify_word_compound(lower, s, tok);
            }
        }
    }

    /// `3,000`, `10-15`, `5km`, `34-day`, `45-year-old`, `21st`.
    fn classify_digits(&self, t: &str, tok: &mut Tok) {
        tok.kind = Kind::Other;
        let head_len =
            t.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(t.len());
        let head = &t[..head_len];
        let rest = &t[head_len..];
        let Some(v) = parse_digits(head) else { return };
        tok.val = v;
        tok.zero = head.len() > 1 && head.starts_with('0') && !head.contains('.');
        if rest.is_empty() {
            tok.kind = Kind::Num;
            tok.year = head.len() == 4 && (1800.0..=2100.0).contains(&v);
            return;
        }
        let mut chars = rest.chars();
        let c = chars.next().unwrap_or(' ');
        if let Some(f) = vulgar(c).filter(|_| chars.as_str().is_empty() && !head.contains('.')) {
            tok.kind = Kind::Num; // 2½
            tok.val = v + f;
            return;
        }
        if let Some(x) = exponent(rest) {
            tok.kind = Kind::Num; // 1e10, 12e-1
            tok.val = tidy(v * 10f64.powi(x));
            return;
        }
        if is_dash(c) {
            let after = chars.as_str();
            let after_start = tok.s + head_len + c.len_utf8();
            if after.starts_with(|c: char| c.is_ascii_digit()) {
                // 10-15, 3,000-4,000; phone numbers and scores are Other.
                if let Some(hi) = parse_digits(after) {
                    let year = head.len() == 4 && (1800.0..=2100.0).contains(&v);
                    if hi > v && !year {
                        tok.kind = Kind::Range;
                        tok.hi = hi;
                    }
                }
                return;
            }
            let Some(lower) = Lower::new(after) else { return };
            let lower = lower.as_str();
            if is_age(lower) {
                return;
            }
            let word_len = after.find(|c: char| is_dash(c)).unwrap_or(after.len());
            let word = &lower[..word_len];
            if word.is_empty() || self.entry(word).flags & BAD_COMPOUND != 0 {
                return;
            }
            tok.kind = Kind::Compound;
            tok.sub = (after_start, after_start + word_len);
            return;
        }
        if c.is_ascii_alphabetic() && GLUED_UNITS.contains(&rest) {
            tok.kind = Kind::NumUnit;
            tok.sub = (tok.s + head_len, tok.e);
        }
    }

    /// `twenty-five`, `two-thirds`, `three-and-a-half`, `two-day`,
    /// `four-year-old` (an age: Other).
    fn classify_word_compound(&self, lower: &str, s: usize, tok: &mut Tok) {
        let mut parts = lower.split(['-', '\u{2013}']);
        let first = parts.next().unwrap_or("");
        let head = self.entry(first);
        if head.flags & (CARD | TENS) == 0 {
            return;
        }
        let rest_start = first.len() + 1;
        let rest = &lower[rest_start..];
        if is_age(rest) {
            tok.kind = Kind::Other;
            return;
        }
        // Compound ordinals: twenty-first, thirty-fifths.
        if head.flags & TENS != 0 {
            let (stem, plural) = match rest.strip_suffix('s') {
                Some(st) => (st, true),
                None => (rest, false),
            };
            if let Some(&(_, u)) = UNIT_ORDINALS.iter().find(|(w, _)| *w == stem) {
                tok.flags = ORD;
                tok.den = head.value + u;
                tok.plural = plural;
                return;
            }
        }
        // Number words only: twenty-five, three-and-a-half, one-hundred.
        let mut total = head.value;
        let mut ok = true;
        let mut last_tens = head.flags & TENS != 0;
        let mut half = false;
        let mut fraction = None;
        let mut after_a = false;
        for p in lower[rest_start..].split(['-', '\u{2013}']) {
            let e = self.entry(p);
            if last_tens && e.flags & CARD != 0 && e.value < 10.0 && e.value > 0.0 {
                total += e.value;
                last_tens = false;
            } else if e.flags & HUNDRED != 0 {
                total *= 100.0;
                last_tens = false;
            } else if p == "and" || p == "a" {
                after_a = p == "a";
                continue;
            } else if p == "half" && after_a && !half {
                total += 0.5;
                half = true;
            } else if e.flags & ORD != 0 && fraction.is_none() && !after_a {
                fraction = Some(1.0 / e.den);
            } else {
                ok = false;
                break;
            }
        }
        if ok {
            tok.flags = if let Some(f) = fraction {
                tok.val = total * f;
                FRACTION
            } else {
                tok.val = total;
                CARD
            };
            tok.plural = false;
            return;
        }
        // A number word joined to a noun: two-day, five-member.
        let word_len = rest.find(['-', '\u{2013}']).unwrap_or(rest.len());
        let word = &rest[..word_len];
        if word.is_empty() || self.entry(word).flags & BAD_COMPOUND != 0 {
            return;
        }
        tok.kind = Kind::Compound;
        tok.val = head.value;
        tok.plural = false;
        tok.sub = (s + rest_start, s + rest_start + word_len);
    }
}

/// Removes binary noise from scaled decimals: 1.07 × 1e9 is 1070000000, not
/// 1070000000.0000001.
fn tidy(x: f64) -> f64 {
    // Whole numbers below 1e15, nearly every value, come out of the
    // rounding below unchanged (x * p stays an exact integer below 2^53):
    // skip the logarithm and powers.
    if x.fract() == 0.0 && x.abs() < 1e15 {
        return x;
    }
    if x.is_finite() && x.abs() >= 1.0 {
        let p = 10f64.powi(15 - x.abs().log10().ceil() as i32);
        (x * p).round() / p
    } else {
        x
    }
}

/// An automaton for the lexicon's words with any of `flags`, and the vulgar
/// fraction characters, ignoring ASCII case as the lexicon does.
fn number_automaton(lexicon: &HashMap<&'static [u8], Entry, FxBuild>, flags: u32) -> AhoCorasick {
    let mut patterns: Vec<Vec<u8>> =
        lexicon.iter().filter(|(_, e)| e.flags & flags != 0).map(|(w, _)| w.to_vec()).collect();
    patterns.sort_unstable();
    patterns.extend("½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒".chars().map(|c| c.to_string().into_bytes()));
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::DFA))
        .match_kind(MatchKind::LeftmostLongest)
        .prefilter(false)
        .build(&patterns)
        .expect("number words build an automaton")
}

/// Whether `bytes` holds an ASCII digit. Tested 32 bytes at a time
/// without an exit inside a block, which the compiler vectorizes; a
/// byte-by-byte search with an early exit is not, and most sentences it
/// reads have no digit.
fn has_digit(bytes: &[u8]) -> bool {
    let mut blocks = bytes.chunks_exact(32);
    for block in &mut blocks {
        if block.iter().fold(false, |any, b| any | b.is_ascii_digit()) {
            return true;
        }
    }
    blocks.remainder().iter().any(u8::is_ascii_digit)
}

/// The value of a vulgar fraction character (`½` → 0.5).
fn vulgar(c: char) -> Option<f64> {
    let (n, d) = match c {
        '½' => (1, 2),
        '⅓' => (1, 3),
        '⅔' => (2, 3),
        '¼' => (1, 4),
        '¾' => (3, 4),
        '⅕' => (1, 5),
        '⅖' => (2, 5),
        '⅗' => (3, 5),
        '⅘' => (4, 5),
        '⅙' => (1, 6),
        '⅚' => (5, 6),
        '⅐' => (1, 7),
        '⅛' => (1, 8),
        '⅜' => (3, 8),
        '⅝' => (5, 8),
        '⅞' => (7, 8),
        '⅑' => (1, 9),
        '⅒' => (1, 10),
        _ => return None,
    };
    Some(f64::from(n) / f64::from(d))
}

/// The exponent of a scientific suffix glued to digits: `e10`, `e-1`.
fn exponent(rest: &str) -> Option<i32> {
    // Lower case only: 7E7 is an aircraft.
    let digits = rest.strip_prefix('e')?;
    let (neg, digits) = match digits.strip_prefix(['-', '\u{2013}']) {
        Some(d) => (true, d),
        None => (false, digits),
    };
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let x: i32 = digits.parse().ok()?;
    Some(if neg { -x } else { x })
}

fn is_age(lower_rest: &str) -> bool {
    ["year-old", "years-old", "month-old", "months-old", "week-old", "weeks-old", "day-old"]
        .iter()
        .any(|a| lower_rest.starts_with(a))
}

// ---------------------------------------------------------------------------
// Scanning one sentence

/// What the number part of a quantity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CoreKind {
    /// Digits (`3,000`, `$1.2 billion`).
    Digits,
    /// Number words (`six million`, `a dozen`).
    Words,
    /// `dozens`, `several thousand`, `tens of thousands`.
    Vague,
    /// `half`, `two-thirds`.
    Fraction,
    /// `several`, `numerous`: no number at all.
    NoNumber,
    /// `34-day`: the unit is inside the token.
    Compound,
}

/// The unit decided while reading the number.
#[derive(Clone, Copy, Debug)]
enum UnitSrc {
    None,
    /// A fixed name (`dollars`, `percent`) and the bytes that stand for it.
    Fixed(&'static str, usize, usize),
    /// The bytes of the text (`km` in `5km`).
    Text(usize, usize),
    /// The bytes of a singular noun to pluralize (`day` in `34-day`).
    Plural(usize, usize),
}

#[derive(Clone, Copy, Debug)]
struct Core {
    /// First token of the number (after the qualifier).
    first: usize,
    /// Token after the number.
    next: usize,
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    approx: bool,
    kind: CoreKind,
    unit: UnitSrc,
    /// The token is a year-like four-digit number.
    year: bool,
    /// The number is the bare word `one`.
    one: bool,
    /// `X to Y` without `between`: the first value and the token after it,
    /// to fall back on when this is a change (`rose 32,000 to 1.41
    /// million`) rather than a range (`10 to 15 people`).
    weak_range: Option<(f64, usize)>,
    /// Read by [`Scan::math`] (a sign, fraction, power …): exempt from the
    /// checks meant for bare counts.
    ext: bool,
}

/// Number words read by [`Scan::words`].
#[derive(Clone, Copy, Debug)]
struct Words {
    value: f64,
    /// Token after the words.
    next: usize,
    /// The last multiplier used (100 for `hundred`).
    scale: f64,
    /// The scale word (1e3 or more) that ends the number, or 0
    /// (`one million` → 1e6).
    big: f64,
    /// For `X and Y`: (X, Y, the scale X ends with or 1), so that `one
    /// hundred and three quarters` can read as 100 + 3/4.
    split: Option<(f64, f64, f64)>,
    /// A tens word that ends the number after other words (`thirty` in `one
    /// hundred thirty`): with a unit ordinal it forms the denominator.
    tens_at: Option<usize>,
    /// A spaced hyphen joined tens and units (`fifty - two`).
    spaced: bool,
}

struct Scan<'a> {
    f: &'a QuantityFinder,
    text: &'a str,
    toks: &'a [Tok],
    excluded: &'a [Span],
}

impl Scan<'_> {
    fn tok(&self, k: usize) -> Option<&Tok> {
        self.toks.get(k)
    }

    fn str(&self, k: usize) -> &str {
        let t = &self.toks[k];
        &self.text[t.s..t.e]
    }

    fn word(&self, k: usize, w: &str) -> bool {
        // On bytes: the lengths are compared first, with no boundary checks.
        self.tok(k).is_some_and(|t| {
            t.kind == Kind::Word
                && self.text.as_bytes()[t.s..t.e].eq_ignore_ascii_case(w.as_bytes())
        })
    }

    fn punct(&self, k: usize, chars: &[char]) -> bool {
        self.tok(k).is_some_and(|t| {
            t.kind == Kind::Punct
                && self.text[t.s..t.e].chars().next().is_some_and(|c| chars.contains(&c))
        })
    }

    fn flag(&self, k: usize, flags: u32) -> bool {
        self.tok(k).is_some_and(|t| t.kind == Kind::Word && t.has(flags))
    }

    /// Whether tokens `a` and `b` touch (no space between).
    fn adjacent(&self, a: usize, b: usize) -> bool {
        match (self.tok(a), self.tok(b)) {
            (Some(x), Some(y)) => x.e == y.s,
            _ => false,
        }
    }

    fn is_excluded(&self, k: usize) -> bool {
        let t = &self.toks[k];
        let i = self.excluded.partition_point(|x| x.end <= t.s);
        self.excluded.get(i).is_some_and(|x| x.start < t.e)
    }

    /// Sentence start, or right after punctuation other than a comma.
    fn initial(&self, k: usize) -> bool {
        k == 0 || (self.toks[k - 1].kind == Kind::Punct && !self.punct(k - 1, &[',']))
    }

    fn possessive(&self, k: usize) -> bool {
        let s = self.str(k);
        s.ends_with("'s") || s.ends_with("\u{2019}s")
    }

    /// A capitalized word right before a number that is part of a name
    /// (`Resolution 2231`, `Boeing 747`), not a sentence start or possessive.
    fn name_before(&self, j: usize) -> bool {
        if j == 0 {
            return false;
        }
        let p = &self.toks[j - 1];
        matches!(p.kind, Kind::Word | Kind::Other)
            && p.cap
            && !self.initial(j - 1)
            && !self.possessive(j - 1)
            && !p.has(MONTH)
    }

    /// A month right before (`October 14`, `Nov. 26`) or after (`14 October`).
    fn next_to_month(&self, j: usize) -> bool {
        let month =
            |k: usize| self.tok(k).is_some_and(|t| t.kind == Kind::Word && t.cap && t.has(MONTH));
        (j >= 1 && month(j - 1))
            || (j >= 2 && self.punct(j - 1, &['.']) && month(j - 2))
            || month(j + 1)
    }

    /// Tries a quantity starting at token `i`; returns it and the token to
    /// continue from, or the token to continue from when there is none.
    fn at(&self, i: usize) -> Result<(QuantityMention, usize), usize> {
        if !self.flag(i, LABEL | QUAL_START) && !self.may_start_number(i) {
            return Err(i + 1);
        }
        if self.flag(i, LABEL) {
            // aged 18 to 99, aged between 16 and 45, pages 5-7: skip the
            // numbers after the label.
            let mut k = self.qualifier(i + 1).map_or(i + 1, |(_, end)| end);
            let number = |k: usize| {
                self.tok(k).is_some_and(|t| {
                    matches!(t.kind, Kind::Num | Kind::Range | Kind::NumUnit)
                        || (t.kind == Kind::Word && t.has(CARD | TENS))
                })
            };
            while number(k) {
                k += 1;
                let link = self.word(k, "to") || self.word(k, "and") || self.word(k, "or");
                if (link || self.punct(k, &['-', '\u{2013}'])) && number(k + 1) {
                    k += 1;
                }
            }
            return Err(k);
        }
        // `Scan::core` fails at once where no number starts, so a qualifier
        // is read only before one (within `QUAL_MAX_WORDS`) and a
        // bare number is tried only where one starts: most qualifier words
        // (`at`, `no`, `some`) stand before none.
        if self.flag(i, QUAL_START) && (i + 1..=i + QUAL_MAX_WORDS).any(|k| self.starts(k)) {
            if let Some((qual, qend)) = self.qualifier(i) {
                if self.starts(qend) {
                    if let Some(found) = self.quantity(i, qend, Some(qual)) {
                        return Ok(found);
                    }
                }
            }
        }
        if !self.starts(i) {
            return Err(i + 1);
        }
        self.quantity(i, i, None).ok_or(i + 1)
    }

    /// Whether token `k` exists and a number may start there.
    fn starts(&self, k: usize) -> bool {
        k < self.toks.len() && self.may_start_number(k)
    }

    /// Whether a number can start at token `j`, alone or after a currency
    /// or sign: the cheap test before [`Scan::core`] tries every form. Most
    /// tokens of a sentence are plain words, and trying every rule on them
    /// only to fail costs more than the rest of the scan.
    fn may_start_number(&self, j: usize) -> bool {
        let t = &self.toks[j];
        let next = self.tok(j + 1);
        match t.kind {
            Kind::Word => {
                t.has(STARTS)
                    // `USD 5`, `US$`
                    || next.is_some_and(|n| {
                        n.kind == Kind::Num || (n.kind == Kind::Punct && self.str(j + 1) == "$")
                    })
                    // `minus five`, `a dozen`, `a third`: only before a
                    // number word or something that is not a word.
                    || (t.has(SIGN_ART)
                        && next.is_some_and(|n| n.kind != Kind::Word || n.has(NUMBER_WORDS | VAGUE)))
            }
            Kind::Punct => {
                let s = self.str(j);
                CURRENCY_SYMBOLS.iter().any(|&(c, _)| c == s) || matches!(s, "-" | "\u{2212}" | ".")
            }
            Kind::Other => self.text.as_bytes()[t.s].is_ascii_digit(),
            Kind::Num | Kind::Range | Kind::NumUnit | Kind::Compound => true,
        }
    }

    /// The longest qualifier at `i`, with the token after it.
    fn qualifier(&self, i: usize) -> Option<(Qual, usize)> {
        if !self.flag(i, QUAL_START) {
            return None;
        }
        // Only the qualifiers that start with this word, in table order.
        let lower = Lower::new(self.str(i))?;
        let mut quals = self.f.entry_bytes(lower.as_bytes()).quals;
        let mut best: Option<(Qual, usize)> = None;
        while quals != 0 {
            let (words, kind) = &QUALIFIERS[quals.trailing_zeros() as usize];
            quals &= quals - 1;
            let longer = match best {
                Some((_, end)) => i + words.len() > end,
                None => true,
            };
            if longer && words.iter().enumerate().all(|(n, w)| self.word(i + n, w)) {
                best = Some((*kind, i + words.len()));
            }
        }
        best
    }

    fn quantity(&self, i: usize, j: usize, qual: Option<Qual>) -> Option<(QuantityMention, usize)> {
        let mut core = self.core(j, qual)?;
        if qual == Some(Qual::Between) && core.low.is_none() {
            return None;
        }
        if let Some((v, next)) = core.weak_range {
            let start = if qual.is_some() { i } else { core.first };
            let change = start > 0 && (self.word(start - 1, "from") || self.word(start - 1, "by"));
            let counted = self.noun_phrase(core.next).is_some()
                || (self.word(core.next, "of") && core.kind == CoreKind::Words);
            if change || (!counted && matches!(core.unit, UnitSrc::None)) {
                core.value = Some(v);
                core.low = None;
                core.high = None;
                core.approx = false;
                core.next = next;
                if matches!(core.unit, UnitSrc::Fixed("percent" | "percentage points", ..)) {
                    core.unit = UnitSrc::None; // the sign belongs to the second number
                }
            }
        }
        let mut end = core.next; // one past the last token in the span
        let mut unit: Option<(usize, usize)> = None; // token range of the noun phrase
        let mut resume = end;
        if matches!(core.unit, UnitSrc::None) && core.kind != CoreKind::Compound {
            let k = core.next;
            let partitive = !core.one && !core.year && core.kind != CoreKind::NoNumber;
            if self.word(k, "of") && partitive {
                let mut m = k + 1;
                while self.flag(m, DET)
                    || (self.tok(m).is_some_and(|t| t.cap) && self.possessive(m))
                {
                    m += 1;
                }
                if let Some(np) = self.noun_phrase(m) {
                    unit = Some(np);
                    end = np.1;
                } else if m > k + 1 && self.flag(m - 1, PRONOUN) {
                    end = m;
                } else if self.flag(m, PRONOUN) {
                    end = m + 1;
                }
            } else if core.kind == CoreKind::Fraction {
                // half the shells, half an hour
                let mut m = k;
                while self.flag(m, DET) || self.word(m, "a") || self.word(m, "an") {
                    m += 1;
                }
                if m > k {
                    if let Some(np) = self.noun_phrase(m) {
                        unit = Some(np);
                        end = np.1;
                    }
                }
            } else if let Some(np) = self.noun_phrase(k) {
                unit = Some(np);
                end = np.1;
            } else if self.punct(k, &['"', '\u{201c}', '\u{2018}', '\''])
                && !self.adjacent(k - 1, k)
                && self.adjacent(k, k + 1)
            {
                // 10 "suspected terrorists": the quoted noun phrase counts.
                if let Some(np) = self.noun_phrase(k + 1) {
                    unit = Some(np);
                    end = np.1;
                    if self.punct(end, &['"', '\u{201d}', '\u{2019}', '\''])
                        && self.adjacent(end - 1, end)
                    {
                        end += 1;
                    }
                }
            } else if self.punct(k, &['"', '\u{201d}', '\u{2019}', '\'']) && self.adjacent(k - 1, k)
            {
                // "several thousand" North Korean troops: the unit follows
                // the closing quote, the span stays on the number.
                if let Some(np) = self.noun_phrase(k + 1) {
                    unit = Some(np);
                    resume = np.1;
                }
            }
        }
        resume = resume.max(end);

        // Ages: 45 years old.
        if let Some((_, ue)) = unit {
            let head = self.str(ue - 1);
            if (head.eq_ignore_ascii_case("years") || head.eq_ignore_ascii_case("year"))
                && self.word(ue, "old")
            {
                return None;
            }
        }

        let unit_range = unit.map(|(s, e)| (self.unit_start(s, e), e)).filter(|&(s, e)| s < e);
        let has_unit = unit_range.is_some() || !matches!(core.unit, UnitSrc::None);

        // Acceptance rules for counts without a counted noun.
        match core.kind {
            CoreKind::Fraction | CoreKind::NoNumber if end == core.next => return None,
            CoreKind::NoNumber if unit_range.is_none() => return None,
            _ if core.ext => {}
            CoreKind::Digits if core.year => {
                let plural_head = unit_range.is_some_and(|(_, e)| self.toks[e - 1].plural);
                if !plural_head || (core.first > 0 && self.flag(core.first - 1, YEAR_PREV)) {
                    return None;
                }
            }
            CoreKind::Words if core.one => {
                let next_bad = self.flag(core.next, ONE_NOUN | STOP);
                let prev_bad = core.first > 0 && self.flag(core.first - 1, NOT_ONE);
                if unit_range.is_none() || next_bad || prev_bad {
                    return None;
                }
            }
            CoreKind::Words if !has_unit && end == core.next && qual.is_none() => {
                let prev_bad = core.first > 0 && self.flag(core.first - 1, DET | STOP);
                let prev_of = core.first > 0 && self.word(core.first - 1, "of");
                let small = core.value.unwrap_or(0.0) < 1e3;
                if (prev_bad && !prev_of && small) || core.value == Some(1.0) {
                    return None;
                }
            }
            CoreKind::Digits if !has_unit && end == core.next => {
                // Bare digits in parentheses.
                let f = core.first;
                if f > 0 && self.punct(f - 1, &['(']) && self.punct(core.next, &[')']) {
                    return None;
                }
                // An age in apposition: Nadir Said, 24, one of two men.
                if qual.is_none()
                    && f > 1
                    && self.punct(f - 1, &[','])
                    && self.tok(f - 2).is_some_and(|t| t.kind == Kind::Word && t.cap)
                    && (self.punct(core.next, &[',', ')']) || core.next == self.toks.len())
                {
                    return None;
                }
            }
            _ => {}
        }

        // Qualifier effects.
        if let Some(q) = qual {
            match q {
                Qual::Approx => core.approx = true,
                Qual::Low if core.low.is_none() => core.low = core.value,
                Qual::High if core.high.is_none() => core.high = core.value,
                _ => {}
            }
        }
        // "or so", "or more" after the number.
        if self.word(end, "or") {
            if self.word(end + 1, "so") {
                core.approx = true;
                end += 2;
            } else if self.word(end + 1, "more") && unit.is_none() {
                core.low = core.low.or(core.value);
                end += 2;
            }
            resume = resume.max(end);
        }

        let start_tok = if qual.is_some() { i } else { core.first };
        let span = Span::new(self.toks[start_tok].s, self.toks[end - 1].e);
        let qualifier = if qual.is_some() {
            let mut q = String::new();
            for k in i..core.first {
                if !q.is_empty() {
                    q.push(' ');
                }
                q.push_str(&self.str(k).to_lowercase());
            }
            q
        } else {
            String::new()
        };
        let (unit, unit_span) = match (core.unit, unit_range) {
            (UnitSrc::Fixed(name, s, e), _) => (name.to_string(), Some(Span::new(s, e))),
            (UnitSrc::Text(s, e), _) => (self.text[s..e].to_string(), Some(Span::new(s, e))),
            (UnitSrc::Plural(s, e), _) => {
                let w = &self.text[s..e];
                let name = if core.value == Some(1.0) { w.to_lowercase() } else { pluralize(w) };
                (name, Some(Span::new(s, e)))
            }
            (UnitSrc::None, Some((us, ue))) => {
                let (s, e) = (self.toks[us].s, self.toks[ue - 1].e);
                let raw = &self.text[s..e];
                let unit = if raw.contains(char::is_whitespace) {
                    raw.split_whitespace().collect::<Vec<_>>().join(" ")
                } else {
                    raw.to_string()
                };
                (unit, Some(Span::new(s, e)))
            }
            (UnitSrc::None, None) => (String::new(), None),
        };
        let mention = QuantityMention {
            span,
            value: core.value.map(tidy),
            low: core.low.map(tidy),
            high: core.high.map(tidy),
            approximate: core.approx,
            qualifier,
            unit,
            unit_span,
        };
        Some((mention, resume))
    }

    /// First token of the unit inside the noun phrase `s..e`: leaves out
    /// modifiers (`other`, `suspected`), names and demonyms before a
    /// lower-case noun (`North Korean officers` → `officers`), `-led`
    /// compounds, and `wounded`/`dead` before a noun.
    fn unit_start(&self, s: usize, e: usize) -> usize {
        let mut u = s;
        while u < e {
            let t = &self.toks[u];
            let lower_after = self.toks[u + 1..e].iter().any(|x| !x.cap);
            let last = u + 1 == e;
            let strip = t.has(ADJ)
                || (t.cap && lower_after)
                || (!last && (t.has(NOMINAL) || self.possessive(u)))
                || (!last && {
                    let w = self.str(u);
                    ["-led", "-backed", "-based", "-run", "-controlled", "-owned"]
                        .iter()
                        .any(|x| w.to_ascii_lowercase().ends_with(x))
                });
            if !strip {
                break;
            }
            u += 1;
        }
        u
    }

    /// The noun phrase starting at `k`: up to four words, ending at a stop
    /// word, punctuation, a number, a capitalized word after a lower-case
    /// one, or after a plural noun. Returns (start, end) tokens.
    fn noun_phrase(&self, k: usize) -> Option<(usize, usize)> {
        let mut j = k;
        let mut seen_lower = false;
        while let Some(t) = self.tok(j) {
            if j - k >= 4 {
                break;
            }
            match t.kind {
                Kind::Word => {
                    let numberish = t
                        .has(STOP | CARD | TENS | HUNDRED | SCALE | VAGUE_PLURAL | ZERO)
                        || (t.has(FRACTION) && self.str(j).contains(['-', '\u{2013}']));
                    let more = self.word(j, "more") && !self.word(j + 1, "than");
                    if (numberish && !more)
                        || (t.cap && t.has(MONTH))
                        || (!t.cap && t.has(DIRECTION))
                    {
                        break;
                    }
                    let lower_word = !t.cap;
                    if t.cap && seen_lower {
                        break;
                    }
                    if lower_word {
                        let w = self.str(j);
                        let lw = w.to_ascii_lowercase();
                        if lw.len() > 4 && lw.ends_with("ly") && !t.has(LY_NOUN) {
                            break;
                        }
                        if lw.ends_with("n't") || lw.ends_with("n\u{2019}t") {
                            break; // can't, won't
                        }
                        // A participle after the noun starts a clause: one
                        // attack targeting mourners.
                        if j > k && lw.len() > 5 && lw.ends_with("ing") {
                            break;
                        }
                        // A past participle that ends the phrase is a verb:
                        // "five fled", "300 arrested".
                        if lw.len() > 4
                            && lw.ends_with("ed")
                            && !t.has(NOMINAL | ADJ)
                            && !self
                                .tok(j + 1)
                                .is_some_and(|n| n.kind == Kind::Word && !n.has(STOP) && !n.cap)
                        {
                            break;
                        }
                        // Modifiers (other, suspected) may precede a name:
                        // four suspected Taliban militants.
                        seen_lower |= !t.has(ADJ);
                    }
                    j += 1;
                    if t.cap && t.plural {
                        break; // Palestinians, Marines
                    }
                    if lower_word && (t.plural || t.has(NOMINAL)) {
                        // A plural noun ends the phrase unless another plural
                        // follows (arms dealers, wounded soldiers).
                        let more = self.tok(j).is_some_and(|n| {
                            n.kind == Kind::Word && !n.cap && n.plural && !n.has(STOP)
                        });
                        if !more {
                            break;
                        }
                    }
                }
                Kind::Other if t.cap && !seen_lower => j += 1,
                _ => break,
            }
        }
        // Do not end on a possessive or on a bare modifier.
        while j > k && self.possessive(j - 1) {
            j -= 1;
        }
        (j > k).then_some((k, j))
    }

    /// The number at token `j`.
    fn core(&self, j: usize, qual: Option<Qual>) -> Option<Core> {
        let has_qual = qual.is_some();
        let mut core = Core {
            first: j,
            next: j + 1,
            value: None,
            low: None,
            high: None,
            approx: false,
            kind: CoreKind::Digits,
            unit: UnitSrc::None,
            year: false,
            one: false,
            weak_range: None,
            ext: false,
        };
        let t = *self.tok(j)?;
        if !self.may_start_number(j) {
            return None;
        }

        // Currency prefixes: $, US$, €, USD.
        let mut currency: Option<(&'static str, usize, usize)> = None;
        let mut n = j;
        if t.kind == Kind::Punct {
            let sym = self.str(j);
            if let Some(&(_, name)) = CURRENCY_SYMBOLS.iter().find(|(s, _)| *s == sym) {
                currency = Some((name, t.s, t.e));
                n = j + 1;
            }
        } else if t.kind == Kind::Word
            && self.str(j).len() <= 3
            && self.str(j).chars().all(|c| c.is_ascii_uppercase())
            && self.punct(j + 1, &['$'])
            && self.adjacent(j, j + 1)
        {
            currency = Some(("dollars", t.s, self.toks[j + 1].e));
            n = j + 2;
        } else if t.kind == Kind::Word
            && t.cap
            && self.tok(j + 1).is_some_and(|x| x.kind == Kind::Num)
        {
            let word = self.str(j);
            if let Some(&(_, name)) =
                CURRENCY_CODES.iter().find(|(c, _)| word.eq_ignore_ascii_case(c))
            {
                currency = Some((name, t.s, t.e));
                n = j + 1;
            }
        }
        if currency.is_some() {
            let x = self.tok(n)?;
            if !matches!(x.kind, Kind::Num | Kind::NumUnit | Kind::Range) || self.is_excluded(n) {
                return None;
            }
        }

        let t = *self.tok(n)?;
        if matches!(t.kind, Kind::Num | Kind::Range | Kind::NumUnit | Kind::Compound | Kind::Word)
            && self.is_excluded(n)
        {
            return None;
        }
        let math = if currency.is_none() { self.math(n, has_qual) } else { None };
        if let Some((v, next)) = math {
            core.value = Some(v);
            core.next = next;
            core.ext = true;
            core.kind =
                if t.kind == Kind::Word && !self.word(n, "minus") && !self.word(n, "negative") {
                    CoreKind::Words
                } else {
                    CoreKind::Digits
                };
        } else {
            match t.kind {
                Kind::Num | Kind::Range | Kind::NumUnit => {
                    if !self.digits_ok(n, has_qual || currency.is_some()) {
                        return None;
                    }
                    let mut v = t.val;
                    let mut hi = (t.kind == Kind::Range).then_some(t.hi);
                    let mut k = n + 1;
                    if t.kind == Kind::NumUnit {
                        let (s, e) = t.sub;
                        let abbr = self.text[s..e].to_ascii_lowercase();
                        // 20m people (million) but a 100m race (metres).
                        let counted = || {
                            self.noun_phrase(n + 1).is_some_and(|(_, e)| self.toks[e - 1].plural)
                        };
                        let scale = match abbr.as_str() {
                            "m" if currency.is_some() || counted() => Some(1e6),
                            // Single letters without a currency are read by
                            // `math` (10k, 1.2b) or are names (3B, 7E7).
                            _ if e - s == 1 && currency.is_none() && &self.text[s..e] != "m" => {
                                return None;
                            }
                            _ if suffix_scale(&self.text[s..e]).is_some() => {
                                suffix_scale(&self.text[s..e])
                            }
                            _ => None,
                        };
                        match scale {
                            Some(sc) => v *= sc,
                            None if currency.is_none() => core.unit = UnitSrc::Text(s, e),
                            None => return None,
                        }
                    } else {
                        while self.flag(k, SCALE | HUNDRED | DOZEN) {
                            let sc = self.scale_of(k);
                            v *= sc;
                            hi = hi.map(|h| h * sc);
                            k += 1;
                        }
                    }
                    core.year = t.year && k == n + 1 && currency.is_none();
                    core.value = Some(v);
                    if let Some(h) = hi {
                        core.value = None;
                        core.low = Some(v);
                        core.high = Some(h);
                        core.approx = true;
                    }
                    core.next = k;
                }
                Kind::Compound => {
                    let (s, e) = t.sub;
                    let rest = &self.text[s..e];
                    if !self.compound_ok(n, has_qual) {
                        return None;
                    }
                    core.value = Some(t.val);
                    core.next = n + 1;
                    if rest.eq_ignore_ascii_case("odd") {
                        core.approx = true; // 30-odd people
                    } else if rest.eq_ignore_ascii_case("strong") {
                        // a 20,000-strong force: the count of the force
                    } else {
                        core.kind = CoreKind::Compound;
                        core.unit = UnitSrc::Plural(s, e);
                    }
                }
                Kind::Word => {
                    if !self.word_core(n, has_qual, &mut core) {
                        return None;
                    }
                }
                _ => return None,
            }
        }
        if currency.is_some() && core.kind != CoreKind::Digits {
            return None;
        }

        // Ranges: 10 to 15, two or three, between 3,000 and 4,000.
        if core.low.is_none()
            && !core.ext
            && matches!(core.kind, CoreKind::Digits | CoreKind::Words)
            && matches!(core.unit, UnitSrc::None)
        {
            let k = core.next;
            let link = self.punct(k, &['-', '\u{2013}'])
                || self.word(k, "to")
                || self.word(k, "or")
                || (qual == Some(Qual::Between) && self.word(k, "and"));
            if link {
                let mut m = k + 1;
                if currency.is_some() && self.tok(m).is_some_and(|x| x.kind == Kind::Punct) {
                    m += 1; // $3 to $4 million
                }
                if let Some((v2, end2, scale2)) = self.simple_number(m, core.kind) {
                    let mut v1 = core.value.unwrap_or(0.0);
                    if scale2 > 1.0 && v1 * scale2 <= v2 {
                        v1 *= scale2; // between 3 and 4 million
                    }
                    // `X or Y` is a rough count only when X and Y are close;
                    // `10 bln or 10 tln` are alternatives.
                    let close = !self.word(k, "or") || v2 < 10.0 * v1;
                    if v2 > v1 && close {
                        if self.word(k, "to") && qual != Some(Qual::Between) {
                            core.weak_range = core.value.map(|v| (v, core.next));
                        }
                        core.value = None;
                        core.low = Some(v1);
                        core.high = Some(v2);
                        core.approx = true;
                        core.next = end2;
                        core.year = false;
                    }
                }
            }
        }

        // "and a half": two and a half years.
        if core.kind == CoreKind::Words
            && core.low.is_none()
            && !core.ext
            && self.word(core.next, "and")
            && self.word(core.next + 1, "a")
            && self.word(core.next + 2, "half")
        {
            core.value = core.value.map(|v| v + 0.5);
            core.next += 3;
        }

        // Percentages.
        if matches!(core.kind, CoreKind::Digits | CoreKind::Words) && currency.is_none() {
            let k = core.next;
            let pct = if self.punct(k, &['%']) || self.word(k, "percent") || self.word(k, "pct") {
                Some((k + 1, "percent"))
            } else if self.word(k, "per") && self.word(k + 1, "cent") {
                Some((k + 2, "percent"))
            } else if self.word(k, "percentage")
                && (self.word(k + 1, "points") || self.word(k + 1, "point"))
            {
                Some((k + 2, "percentage points"))
            } else {
                None
            };
            if let Some((end, name)) = pct {
                core.unit = UnitSrc::Fixed(name, self.toks[k].s, self.toks[end - 1].e);
                core.next = end;
                core.year = false;
            }
        }
        if let Some((name, s, e)) = currency {
            core.unit = UnitSrc::Fixed(name, s, e);
            core.first = j;
            core.year = false;
        }
        Some(core)
    }

    /// Extended number forms that a plain count never has: a sign (`-1`,
    /// `minus five`), a decimal after a dot or `point` (`.08`, `two hundred
    /// point zero three`), fractions (`3/4`, `2 1/4`, `two thirds`, `a
    /// trillionth`, `five and a quarter`, `two thirds of a million`), powers
    /// (`1.1^23`, `1.3x10^6`, `12.32e+14`), scale letters (`10k`, `2.33 k`),
    /// spaced thousands (`1 234 567`), digits with scale words (`4 thousand 3
    /// hundred and 21`) and ratios (`one over three`, `two out of five`, `1
    /// in 20`). Returns the value and the token after it, or None when the
    /// number uses none of these forms (the plain reading then applies).
    fn math(&self, n: usize, has_qual: bool) -> Option<(f64, usize)> {
        // Most tokens cannot start one: a cheap test first.
        let t = self.tok(n)?;
        let may = match t.kind {
            Kind::Num | Kind::NumUnit => true,
            Kind::Other => self.text.as_bytes()[t.s].is_ascii_digit(),
            Kind::Word => t.has(CARD | TENS | ZERO | ORD | FRACTION | SIGN_ART),
            Kind::Punct => self.punct(n, &['-', '\u{2212}', '.']),
            _ => false,
        };
        if !may {
            return None;
        }
        let mut k = n;
        let mut neg = false;
        if self.punct(k, &['-', '\u{2212}'])
            && self.adjacent(k, k + 1)
            && self.free_before(k)
            && (self.tok(k + 1).is_some_and(|t| t.kind == Kind::Num)
                || self.dot_decimal(k + 1).is_some())
        {
            neg = true; // -1, -.5; not F-16 or 2-1 (one token each)
            k += 1;
        } else if (self.word(k, "minus") || self.word(k, "negative"))
            && self.number_start(k + 1)
            && !(k > 0 && (self.word(k - 1, "or") || self.word(k - 1, "plus")))
        {
            neg = true;
            k += 1;
        }
        let (mut v, mut next, mut ext) = self.unsigned(k, has_qual || neg, neg)?;
        // Ratios: one over three, two out of five hundred, 1 in 20.
        let over = self.word(next, "over");
        let out_of = self.word(next, "out") && self.word(next + 1, "of");
        let one_in = self.word(next, "in") && v == 1.0;
        if over || out_of || one_in {
            let m = if out_of { next + 2 } else { next + 1 };
            if let Some((d, end)) = self.denominator_number(m) {
                let counted = self.noun_phrase(end).is_some()
                    || self.punct(end, &['%'])
                    || self.word(end, "percent");
                // "two out of three voters" is a share; "12 out of 15 EU
                // members" and "117 million out of 833 million handsets"
                // count members and handsets.
                let share = out_of && v <= d && (d <= 10.0 || !counted);
                if d > 0.0 && (share || one_in && d > 1.0 || over && !counted) {
                    v /= d;
                    next = end;
                    ext = true;
                }
            }
        }
        if !ext && !neg {
            return None;
        }
        Some((if neg { -v } else { v }, next))
    }

    /// Whether the token before `k` does not touch it, or is an opening
    /// bracket or quote.
    fn free_before(&self, k: usize) -> bool {
        k == 0 || !self.adjacent(k - 1, k) || self.punct(k - 1, &['(', '[', '"', '\u{201c}'])
    }

    /// Whether a number starts at `k`.
    fn number_start(&self, k: usize) -> bool {
        self.tok(k).is_some_and(|t| t.kind == Kind::Num)
            || self.flag(k, CARD | TENS | ZERO)
            || self.dot_decimal(k).is_some()
    }

    /// `.08`: a dot touching digits, with nothing touching the dot before.
    fn dot_decimal(&self, k: usize) -> Option<f64> {
        if !self.punct(k, &['.']) || !self.adjacent(k, k + 1) || !self.free_before(k) {
            return None;
        }
        let t = self.tok(k + 1)?;
        let digits = &self.text[t.s..t.e];
        if t.kind != Kind::Num || !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() > 20 {
            return None;
        }
        format!("0.{digits}").parse().ok()
    }

    /// The second number of a ratio: plain digits (with scale words) or
    /// number words. Returns (value, next token).
    fn denominator_number(&self, m: usize) -> Option<(f64, usize)> {
        let t = self.tok(m)?;
        if self.is_excluded(m) {
            return None;
        }
        match t.kind {
            Kind::Num if !t.year && !t.zero && !self.in_code(m) => {
                let mut v = t.val;
                let mut k = m + 1;
                while self.flag(k, SCALE | HUNDRED) {
                    v *= self.scale_of(k);
                    k += 1;
                }
                Some((v, k))
            }
            Kind::Word if t.has(CARD | TENS) && (!t.cap || self.initial(m)) => {
                let w = self.words(m)?;
                Some((w.value, w.next))
            }
            _ => None,
        }
    }

    /// A number without sign at `k`: (value, next token, whether an extended
    /// form was used).
    fn unsigned(&self, k: usize, has_qual: bool, signed: bool) -> Option<(f64, usize, bool)> {
        if let Some(v) = self.dot_decimal(k) {
            return Some((v, k + 2, true));
        }
        let t = self.tok(k)?;
        if self.is_excluded(k) {
            return None;
        }
        match t.kind {
            Kind::Num | Kind::NumUnit | Kind::Other => self.digits_math(k, has_qual, signed),
            Kind::Word => self.words_math(k, has_qual),
            _ => None,
        }
    }

    /// Whether the digits token `k` is a plain integer (`12`, not `1,200` or
    /// `1.5`).
    fn plain_int(&self, k: usize) -> bool {
        self.tok(k).is_some_and(|t| {
            t.kind == Kind::Num && self.text[t.s..t.e].bytes().all(|b| b.is_ascii_digit())
        })
    }

    /// `3/4` at `k`: a proper fraction with a small denominator (larger ones
    /// are dates and codes: 9/11, 24/7). Returns (value, next token).
    fn slash_fraction(&self, k: usize) -> Option<(f64, usize)> {
        if !(self.plain_int(k)
            && self.punct(k + 1, &['/'])
            && self.adjacent(k, k + 1)
            && self.adjacent(k + 1, k + 2)
            && self.plain_int(k + 2))
        {
            return None;
        }
        if self.adjacent(k + 2, k + 3) && self.punct(k + 3, &['/', '-']) {
            return None; // 5/17/2018
        }
        let (a, b) = (self.toks[k].val, self.toks[k + 2].val);
        (a > 0.0 && a < b && b <= 10.0).then_some((a / b, k + 3))
    }

    /// The signs between `^` and an exponent: (negative, next token).
    fn signs(&self, mut k: usize) -> (bool, usize) {
        let mut neg = false;
        while self.punct(k, &['+', '-', '\u{2212}']) && self.adjacent(k, k + 1) {
            neg ^= !self.punct(k, &['+']);
            k += 1;
        }
        (neg, k)
    }

    /// An integer exponent at `k` touching the token before.
    fn exponent_at(&self, k: usize) -> Option<(i32, usize)> {
        let (neg, k) = self.signs(k);
        if !self.plain_int(k) || !self.adjacent(k - 1, k) || self.toks[k].val > 300.0 {
            return None;
        }
        let x = self.toks[k].val as i32;
        Some((if neg { -x } else { x }, k + 1))
    }

    /// Digits at `k` in an extended form.
    fn digits_math(&self, k: usize, has_qual: bool, signed: bool) -> Option<(f64, usize, bool)> {
        let t = self.toks[k];
        if !signed && !self.free_before(k) && !self.punct(k - 1, &['$']) {
            return None;
        }
        if self.adjacent(k, k + 1) && self.punct(k + 1, &[':']) {
            return None;
        }
        if !self.context_ok(k, has_qual || signed) {
            return None;
        }
        let text = &self.text[t.s..t.e];
        let mut ext = false;
        let (mut v, mut j) = match t.kind {
            Kind::Num => (t.val, k + 1),
            Kind::NumUnit => {
                let abbr = &self.text[t.sub.0..t.sub.1];
                let sc = suffix_scale(abbr)?;
                // A single letter is a scale only at the end of a phrase: not
                // the 3B line, 3M said, 12450B 12550A (bid and ask).
                if abbr.len() == 1 && self.tok(k + 1).is_some_and(|x| x.kind != Kind::Punct) {
                    return None;
                }
                (t.val * sc, k + 1)
            }
            _ => {
                // 12.32e+14, 1.3x10^6
                let head_len = text
                    .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
                    .unwrap_or(text.len());
                let base = parse_digits(&text[..head_len])?;
                let rest = &text[head_len..];
                let (x, end) = if rest == "e" {
                    if !self.punct(k + 1, &['+', '-']) || !self.adjacent(k, k + 1) {
                        return None;
                    }
                    self.exponent_at(k + 1)?
                } else if rest == "x10" || rest == "X10" {
                    if !self.punct(k + 1, &['^']) || !self.adjacent(k, k + 1) {
                        return None;
                    }
                    self.exponent_at(k + 2)?
                } else {
                    return None;
                };
                return Some((tidy(base * 10f64.powi(x)), end, true));
            }
        };
        if t.kind == Kind::NumUnit {
            ext = true;
        } else if let Some((f, end)) = self.slash_fraction(k) {
            return Some((f, end, true));
        } else if let Some((f, end)) =
            self.slash_fraction(k + 1).filter(|_| self.plain_int(k) && !self.adjacent(k, k + 1))
        {
            return Some((v + f, end, true)); // 2 1/4
        } else if self.punct(j, &['^']) && self.adjacent(k, j) {
            let (x, end) = self.exponent_at(j + 1)?;
            return Some((v.powi(x), end, true));
        } else if text.len() <= 3 && self.plain_int(k) {
            // 1 234 567, 40 000: groups of three after a single space.
            let mut digits = text.to_string();
            let mut m = k;
            while let Some(n) = self.tok(m + 1) {
                let gap = &self.text[self.toks[m].e..n.s];
                let g = &self.text[n.s..n.e];
                let int_len = g.find('.').unwrap_or(g.len());
                let ok = n.kind == Kind::Num
                    && matches!(gap, " " | "\u{a0}" | "\u{202f}")
                    && int_len == 3
                    && g.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                    && !g.contains(',');
                if !ok || digits.contains('.') {
                    break;
                }
                digits.push_str(g);
                m += 1;
            }
            // With plain spaces, `297 299` in a table is two numbers.
            let narrow = m > k && self.text[t.e..self.toks[m].s].contains(['\u{a0}', '\u{202f}']);
            if m == k + 1 && text.len() == 3 && !narrow {
                m = k;
            }
            if m > k {
                if self.tok(m + 1).is_some_and(|x| x.kind == Kind::Num) {
                    return None; // a phone number or a table
                }
                v = digits.parse().ok()?;
                j = m + 1;
                ext = true;
            }
        }
        if self.tok(j).is_some_and(|x| x.kind == Kind::Num) {
            return None;
        }
        // Scale words: 4 thousand 3 hundred and 21, 1,674.5 G.
        let mut scale = 0.0;
        while self.flag(j, SCALE | HUNDRED | DOZEN) {
            scale = self.scale_of(j);
            v *= scale;
            j += 1;
        }
        if scale == 0.0 && !self.adjacent(j - 1, j) {
            let letter = match self.tok(j).map(|_| self.str(j)) {
                Some("k" | "K") => 1e3,
                Some("M") => 1e6,
                Some("G" | "B") => 1e9,
                Some("T") => 1e12,
                _ => 0.0,
            };
            if letter > 0.0 && self.tok(j + 1).is_none_or(|x| x.kind == Kind::Punct) {
                return Some((v * letter, j + 1, true));
            }
        }
        while scale > 1.0 {
            // 4 thousand 3 hundred, 3 hundred and 21, 6 crore and two hundred
            let and = self.word(j, "and");
            let m = if and { j + 1 } else { j };
            let Some(x) = self.tok(m) else { break };
            if x.kind == Kind::Num && self.plain_int(m) && x.val > 0.0 && x.val < scale.min(1e3) {
                if let Some(s2) = self
                    .tok(m + 1)
                    .filter(|_| self.flag(m + 1, SCALE | HUNDRED))
                    .map(|_| self.scale_of(m + 1))
                {
                    if s2 < scale {
                        v += x.val * s2;
                        scale = s2;
                        j = m + 2;
                        ext = true;
                        continue;
                    }
                } else if scale == 100.0 && x.val < 100.0 {
                    v += x.val; // 3 hundred and 21
                    j = m + 1;
                    ext = true;
                }
            } else if and && x.kind == Kind::Word && x.has(CARD | TENS) {
                // 3 hundred and one, 6 crore and two hundred
                let fits = |w: &Words| {
                    w.value > 0.0
                        && w.value < scale
                        && (if scale == 100.0 { w.value < 100.0 } else { w.value >= 100.0 })
                };
                if let Some(w) = self.words(m).filter(fits) {
                    v += w.value;
                    j = w.next;
                    ext = true;
                }
            }
            break;
        }
        if let Some((x, end)) = self.and_fraction(j, v, if scale >= 1e3 { scale } else { 0.0 }) {
            return Some((x, end, true));
        }
        Some((v, j, ext))
    }

    /// A fraction after `and` at `j` (`and a half`, `and three fifths`,
    /// `and a quarter million`) added to `v`, which ends with the scale
    /// `big` (or 0). Returns (value, next token).
    fn and_fraction(&self, j: usize, v: f64, big: f64) -> Option<(f64, usize)> {
        if !self.word(j, "and") {
            return None;
        }
        let (f, mut end) = self.word_fraction(j + 1)?;
        if f >= 1.0 {
            return None;
        }
        let mut scale2 = 0.0;
        if self.flag(end, SCALE) && self.toks[end].val >= 1e3 {
            scale2 = self.toks[end].val;
            end += 1;
        }
        let value = if big > 0.0 {
            v + f * if scale2 > 0.0 { scale2 } else { big }
        } else if scale2 > 0.0 {
            (v + f) * scale2
        } else {
            v + f
        };
        Some((value, end))
    }

    /// Whether `a quarter` / `one quarter` (from `first`, the ordinal at
    /// `ord`) is a quarter of a year: after `in`, `per`, `each`, `last` …
    /// or before `later`, `ago`, `earlier`, and not followed by `of`.
    fn quarter_of_year(&self, first: usize, ord: usize) -> bool {
        const BEFORE: &[&str] = &[
            "in", "within", "per", "each", "every", "during", "for", "over", "last", "next", "this",
        ];
        const AFTER: &[&str] = &["later", "earlier", "ago", "before", "after", "ended", "ending"];
        if !self.str(ord).eq_ignore_ascii_case("quarter") || self.word(ord + 1, "of") {
            return false;
        }
        let before = first > 0 && BEFORE.iter().any(|w| self.word(first - 1, w));
        before || AFTER.iter().any(|w| self.word(ord + 1, w))
    }

    /// `a half`, `one fourth`, `three fifths`, `fifty-four hundredths`:
    /// (value, next token).
    fn word_fraction(&self, m: usize) -> Option<(f64, usize)> {
        let t = self.tok(m)?;
        if t.kind == Kind::Word && t.has(FRACTION) && self.str(m).contains(['-', '\u{2013}']) {
            return Some((t.val, m + 1)); // and one-half
        }
        if (self.word(m, "a") || self.word(m, "an")) && self.flag(m + 1, ORD) {
            let t = &self.toks[m + 1];
            return (!t.plural).then_some((1.0 / t.den, m + 2));
        }
        let w = self.words(m)?;
        let (num, den, end) = self.denominator(m, &w)?;
        Some((num / den, end))
    }

    /// The ordinal after the number words `w` read from `m`: (numerator,
    /// denominator, next token). `one fifth`, `three eighths`, `five -
    /// eighths`, `twenty twenty fifths` (20/25), `one hundred thirty
    /// fifths` (100/35).
    fn denominator(&self, m: usize, w: &Words) -> Option<(f64, f64, usize)> {
        let j = w.next;
        let mut num = w.value;
        let (den, end) = if self.flag(j, ORD) {
            let t = &self.toks[j];
            match w.tens_at {
                Some(ti) if ti + 1 == j && t.den < 10.0 && w.split.is_none() => {
                    num -= self.toks[ti].val;
                    (self.toks[ti].val + t.den, j + 1)
                }
                _ => (t.den, j + 1),
            }
        } else if let Some(d) = self.flag(j, TENS).then(|| self.unit_ordinal(j + 1)).flatten() {
            (self.toks[j].val + d, j + 2) // twenty twenty fifths, three twenty firsts
        } else if let Some((d, e)) = self.compound_ordinal(j) {
            (d, e) // one one hundred fifth
        } else if self.punct(j, &['-', '\u{2013}']) && self.flag(j + 1, ORD) {
            (self.toks[j + 1].den, j + 2)
        } else {
            return None;
        };
        let ord = &self.toks[end - 1];
        if num <= 0.0 || den <= 0.0 || (num == 1.0 && self.quarter_of_year(m, end - 1)) {
            return None;
        }
        // one fifth, but not three fifth; the first three quarters of the
        // year count quarters.
        let lone = w.split.map_or(num, |(_, after, _)| after);
        if !ord.plural && lone != 1.0 {
            return None;
        }
        // quarters and halves are also plain nouns: six quarters of growth.
        let noun = ["quarters", "halves"].iter().any(|w| self.str(end - 1).eq_ignore_ascii_case(w));
        let proper = w.split.is_some_and(|(_, after, _)| after < den) || num < den;
        if noun && !proper {
            return None;
        }
        if ord.plural && m > 0 {
            let p = self.str(m - 1).to_ascii_lowercase();
            let counted = ["first", "last", "past", "next", "final", "previous", "remaining"];
            if self.flag(m - 1, DET) || counted.contains(&p.as_str()) {
                return None;
            }
        }
        if !ord.plural
            && self.tok(end).is_some_and(|x| x.kind == Kind::Word && !x.has(STOP | SCALE))
        {
            return None; // one fifth grade
        }
        if let Some((before, after, factor)) = w.split {
            if after < den {
                // one hundred and three quarters = 100 + 3/4
                let mut f = after / den;
                let mut e = end;
                if self.flag(e, SCALE) && self.toks[e].val >= 1e3 {
                    f *= self.toks[e].val;
                    e += 1;
                } else {
                    f *= factor;
                }
                return Some((before + f, 1.0, e));
            }
        }
        Some((num, den, end))
    }

    /// A unit ordinal at `k` (`first` … `ninth`, singular or plural).
    fn unit_ordinal(&self, k: usize) -> Option<f64> {
        let t = self.tok(k).filter(|t| t.kind == Kind::Word)?;
        let lower = Lower::new(self.str(k))?;
        let w = lower.as_str();
        let stem = w.strip_suffix('s').unwrap_or(w);
        if t.has(ORD) {
            return (t.den < 10.0).then_some(t.den);
        }
        UNIT_ORDINALS.iter().find(|(o, _)| *o == stem).map(|&(_, d)| d)
    }

    /// An ordinal written with a round number at `j`: `one hundred fifth`,
    /// `one hundred and fifth` (105). Returns (denominator, next token).
    fn compound_ordinal(&self, j: usize) -> Option<(f64, usize)> {
        if !self.flag(j, CARD | TENS) {
            return None;
        }
        let w = self.words(j)?;
        if w.value < 100.0 || w.value % 100.0 != 0.0 {
            return None;
        }
        let at = if self.word(w.next, "and") { w.next + 1 } else { w.next };
        let d = self.unit_ordinal(at).or_else(|| {
            self.tok(at)
                .filter(|t| t.kind == Kind::Word && t.has(ORD) && t.den < 100.0)
                .map(|t| t.den)
        })?;
        Some((w.value + d, at + 1))
    }

    /// Number words at `k` in an extended form.
    fn words_math(&self, k: usize, has_qual: bool) -> Option<(f64, usize, bool)> {
        let t = self.toks[k];
        if t.cap && !self.initial(k) && !has_qual {
            return None; // Formula One
        }
        let big = |i: usize| self.flag(i, SCALE) && self.toks[i].val >= 1e3;
        // a trillionth, a quarter million; `a third of` is a plain fraction.
        if (self.word(k, "a") || self.word(k, "an")) && self.flag(k + 1, ORD) {
            let o = &self.toks[k + 1];
            if o.plural {
                return None;
            }
            if big(k + 2) {
                return Some((self.toks[k + 2].val / o.den, k + 3, true));
            }
            let alone = self.tok(k + 2).is_none_or(|x| x.kind == Kind::Punct);
            return (alone && !self.quarter_of_year(k, k + 1)).then_some((
                1.0 / o.den,
                k + 2,
                true,
            ));
        }
        // half million, quarter million
        if t.has(ORD) && !t.plural && big(k + 1) {
            return Some((self.toks[k + 1].val / t.den, k + 2, true));
        }
        // one-eighth, two-thirds (of … is read as a plain fraction)
        if t.has(FRACTION) && self.str(k).contains(['-', '\u{2013}']) {
            if big(k + 1) {
                return Some((t.val * self.toks[k + 1].val, k + 2, true));
            }
            return (!self.word(k + 1, "of")).then_some((t.val, k + 1, true));
        }
        if t.has(ZERO) {
            // zero point five; zero alone, not zero-coupon bonds
            if self.word(k + 1, "point") {
                if let Some((f, end)) = self.point_digits(k + 2) {
                    return Some((f, end, true));
                }
            }
            let alone = self.tok(k + 1).is_none_or(|x| x.kind != Kind::Word || x.has(STOP));
            return alone.then_some((0.0, k + 1, true));
        }
        if !t.has(CARD | TENS)
            && !((self.word(k, "a") || self.word(k, "an")) && self.flag(k + 1, HUNDRED | SCALE))
        {
            return None;
        }
        let w = self.words(k)?;
        let mut v = w.value;
        let mut j = w.next;
        let mut ext = w.spaced;
        // two hundred point zero three, nought point eleven
        if self.word(j, "point") && !(k > 0 && self.word(k - 1, "at")) {
            if let Some((f, end)) = self.point_digits(j + 1) {
                return Some((v + f, end, true));
            }
        }
        if let Some((num, den, end)) = self.denominator(k, &w) {
            v = num / den;
            j = end;
            if big(j) {
                v *= self.toks[j].val;
                j += 1;
            } else if self.word(j, "of")
                && (self.word(j + 1, "a") || self.word(j + 1, "an"))
                && big(j + 2)
            {
                v *= self.toks[j + 2].val; // two thirds of a million
                j += 3;
            }
            return Some((v, j, true));
        }
        if let Some((x, end)) = self.and_fraction(j, v, w.big) {
            v = x;
            j = end;
            ext = true;
        }
        Some((v, j, ext))
    }

    /// The digits after `point`: `zero three` → 0.03, `seventy-one` → 0.71.
    fn point_digits(&self, m: usize) -> Option<(f64, usize)> {
        let mut digits = String::new();
        let mut k = m;
        let digit = |i: usize| {
            self.flag(i, ZERO)
                || (self.flag(i, CARD)
                    && self.toks[i].val < 10.0
                    && !self.str(i).contains(['-', '\u{2013}']))
        };
        while digit(k) && digits.len() < 20 {
            digits.push(char::from(b'0' + self.toks[k].val as u8));
            k += 1;
        }
        if digits.is_empty() && self.flag(m, CARD | TENS) && self.toks[m].val < 100.0 {
            digits = format!("{}", self.toks[m].val as u32);
            k = m + 1;
        }
        if digits.is_empty() {
            return None;
        }
        Some((format!("0.{digits}").parse().ok()?, k))
    }

    /// The multiplier of a scale word at `k` (`million` → 1e6).
    fn scale_of(&self, k: usize) -> f64 {
        let t = &self.toks[k];
        if t.has(HUNDRED) {
            100.0
        } else if t.has(DOZEN) {
            12.0
        } else {
            t.val
        }
    }

    /// The second number of a range: digits or words, with an optional
    /// scale. Returns (value, next token, scale applied).
    fn simple_number(&self, m: usize, kind: CoreKind) -> Option<(f64, usize, f64)> {
        let t = self.tok(m)?;
        if self.is_excluded(m) {
            return None;
        }
        match (t.kind, kind) {
            (Kind::Num, CoreKind::Digits) if !t.year && self.digits_ok(m, true) => {
                let mut v = t.val;
                let mut k = m + 1;
                let mut scale = 1.0;
                while self.flag(k, SCALE | HUNDRED) {
                    scale *= self.scale_of(k);
                    k += 1;
                }
                v *= scale;
                Some((v, k, scale))
            }
            (Kind::Word, CoreKind::Words) if t.has(CARD | TENS) => {
                let (v, k, scale) = self.number_words(m)?;
                Some((v, k, scale))
            }
            _ => None,
        }
    }

    /// Number words from `m`: `six`, `twenty five`, `fifty - two`, `one
    /// hundred and fifty`, `six million`, `three lakh crore`, `a dozen`,
    /// `two dozen`. Returns (value, next token, the last scale used).
    fn number_words(&self, m: usize) -> Option<(f64, usize, f64)> {
        self.words(m).map(|w| (w.value, w.next, w.scale))
    }

    /// Number words from `m`, with what a fraction or a decimal after them
    /// needs to know.
    fn words(&self, m: usize) -> Option<Words> {
        #[derive(PartialEq, Eq, Clone, Copy)]
        enum Last {
            None,
            Card,
            Tens,
            Hundred,
            Scale,
            And,
        }
        let mut total = 0.0;
        let mut cur = 0.0;
        // The part of `cur` after the last `hundred` or `and` (`two` in
        // `three hundred and two dozens`).
        let mut seg = 0.0;
        let mut last = Last::None;
        let mut k = m;
        let mut scale = 1.0;
        let mut and_at: Option<(f64, f64)> = None;
        let mut clean_after_and = false;
        let mut spaced = false;
        if (self.word(k, "a") || self.word(k, "an")) && self.flag(k + 1, HUNDRED | SCALE | DOZEN) {
            cur = 1.0;
            seg = 1.0;
            last = Last::Card;
            k += 1;
        }
        while let Some(t) = self.tok(k) {
            if t.kind != Kind::Word || (k > m && self.is_excluded(k)) {
                // fifty - two: a spaced hyphen between tens and units.
                let unit = |i: usize| {
                    self.flag(i, CARD)
                        && self.toks[i].val > 0.0
                        && self.toks[i].val < 10.0
                        && !self.str(i).contains(['-', '\u{2013}'])
                };
                if last == Last::Tens && self.punct(k, &['-', '\u{2013}']) && unit(k + 1) {
                    cur += self.toks[k + 1].val;
                    seg += self.toks[k + 1].val;
                    last = Last::Card;
                    spaced = true;
                    k += 2;
                    continue;
                }
                break;
            }
            let start = matches!(last, Last::None | Last::Hundred | Last::Scale | Last::And);
            if t.has(CARD)
                && (start || (last == Last::Tens && t.val < 10.0 && t.val > 0.0))
                && !(t.val == 0.0 && last != Last::None)
            {
                cur += t.val;
                seg += t.val;
                last = Last::Card;
            } else if t.has(TENS) && start {
                cur += t.val;
                seg += t.val;
                last = Last::Tens;
            } else if t.has(HUNDRED) && matches!(last, Last::Card | Last::Tens) && cur < 100.0 {
                cur *= 100.0;
                seg = 0.0;
                last = Last::Hundred;
                scale = 100.0;
                clean_after_and = false;
            } else if t.has(SCALE)
                && t.val >= 1e3
                && matches!(last, Last::Card | Last::Tens | Last::Hundred)
            {
                total += cur * t.val;
                cur = 0.0;
                seg = 0.0;
                last = Last::Scale;
                scale = t.val;
                clean_after_and = false;
            } else if t.has(SCALE) && last == Last::Scale && cur == 0.0 && t.val > scale {
                // three lakh crore, a thousand million
                total *= t.val;
                scale = t.val;
            } else if t.has(DOZEN) && matches!(last, Last::Card | Last::Tens) {
                cur += seg * 11.0;
                seg = 0.0;
                last = Last::Scale;
                scale = 12.0;
                clean_after_and = false;
            } else if self.word(k, "and")
                && matches!(last, Last::Hundred | Last::Scale)
                && self.flag(k + 1, CARD | TENS)
            {
                and_at = Some((total + cur, if last == Last::Scale { scale } else { 1.0 }));
                clean_after_and = true;
                seg = 0.0;
                last = Last::And;
            } else {
                break;
            }
            k += 1;
        }
        if last == Last::None {
            return None;
        }
        let value = total + cur;
        let tens_at = (last == Last::Tens && k >= m + 2 && !self.word(k - 2, "and")).then(|| k - 1);
        Some(Words {
            value,
            next: k,
            scale,
            big: if last == Last::Scale && scale >= 1e3 { scale } else { 0.0 },
            split: and_at
                .filter(|_| clean_after_and)
                .map(|(before, factor)| (before, value - before, factor)),
            tens_at,
            spaced,
        })
    }

    /// Number words, vague counts and fractions at `n`; fills `core`.
    fn word_core(&self, n: usize, has_qual: bool, core: &mut Core) -> bool {
        let t = self.toks[n];
        // A capitalized number word inside a sentence is a name: Formula One.
        let capital_name = t.cap && !self.initial(n) && !has_qual;
        core.kind = CoreKind::Words;
        if t.has(CARD | TENS) || self.word(n, "a") || self.word(n, "an") {
            if t.has(CARD | TENS) && capital_name {
                return false;
            }
            if t.has(FRACTION) {
                // two-thirds, one-half (a compound word)
                return self.fraction(n, n + 1, t.val, core);
            }
            if let Some((v, k, _)) = self.number_words(n) {
                core.value = Some(v);
                core.next = k;
                core.one = k == n + 1 && v == 1.0;
                return true;
            }
            // a third of, a quarter of, a half
            if (self.word(n, "a") || self.word(n, "an")) && self.flag(n + 1, FRACTION) {
                let f = self.toks[n + 1].val;
                return self.fraction(n, n + 2, f, core);
            }
            return false;
        }
        if t.has(FRACTION) {
            // half a million, half a dozen
            if self.word(n, "half")
                && (self.word(n + 1, "a") || self.word(n + 1, "an"))
                && self.flag(n + 2, SCALE | DOZEN | HUNDRED)
            {
                let sc = self.scale_of(n + 2);
                core.value = Some(0.5 * sc);
                core.next = n + 3;
                return true;
            }
            if capital_name {
                return false;
            }
            return self.fraction(n, n + 1, t.val, core);
        }
        if t.has(VAGUE_PLURAL) {
            if capital_name {
                return false;
            }
            let word = self.str(n);
            let needs_of = word.eq_ignore_ascii_case("scores") || word.eq_ignore_ascii_case("tens");
            let mut v = t.val;
            let mut k = n + 1;
            // tens of thousands, hundreds of thousands (of people)
            if self.word(k, "of") && self.flag(k + 1, VAGUE_PLURAL) {
                let big = self.toks[k + 1].val / 2.0;
                if big >= 1e3 {
                    v *= big;
                    k += 2;
                }
            } else if needs_of && !self.word(k, "of") {
                return false;
            }
            // "dozens more": fine; the noun phrase follows.
            core.kind = CoreKind::Vague;
            core.value = Some(v);
            core.low = Some(v);
            core.approx = true;
            core.next = k;
            return true;
        }
        // several thousand, a few hundred, several dozen, many thousands
        let few = self.word(n, "a") && self.word(n + 1, "few");
        let several_at = if few { n + 2 } else { n + 1 };
        if t.has(VAGUE) || few {
            if self.flag(several_at, SCALE | HUNDRED | DOZEN) {
                let mut v = 3.0;
                let mut k = several_at;
                while self.flag(k, SCALE | HUNDRED | DOZEN) {
                    v *= self.scale_of(k);
                    k += 1;
                }
                core.kind = CoreKind::Vague;
                core.value = Some(v);
                core.low = Some(v);
                core.approx = true;
                core.next = k;
                return true;
            }
            if self.flag(several_at, VAGUE_PLURAL) && !self.word(several_at, "scores") {
                // many thousands
                let v = self.toks[several_at].val;
                core.kind = CoreKind::Vague;
                core.value = Some(v);
                core.low = Some(v);
                core.approx = true;
                core.next = several_at + 1;
                return true;
            }
            if self.f.vague && !has_qual && !self.word(several_at, "of") {
                core.kind = CoreKind::NoNumber;
                core.approx = true;
                core.next = several_at;
                return true;
            }
        }
        false
    }

    /// A fraction at `n..k` (`half`, `a third`, `two-thirds`), which needs
    /// `of` or a determiner after it.
    fn fraction(&self, n: usize, k: usize, f: f64, core: &mut Core) -> bool {
        let half = self.toks[n..k].iter().any(|t| self.text[t.s..t.e].eq_ignore_ascii_case("half"));
        let follows = self.word(k, "of")
            || (half && (self.flag(k, DET) || self.word(k, "a") || self.word(k, "an")));
        if !follows {
            return false;
        }
        core.kind = CoreKind::Fraction;
        core.value = Some(f);
        core.next = k;
        true
    }

    /// Whether the hyphen compound at `n` (`34-day`, `two-day`) can be a
    /// count.
    fn compound_ok(&self, n: usize, has_qual: bool) -> bool {
        let t = &self.toks[n];
        if self.text[t.s..].starts_with(|c: char| c.is_ascii_digit()) {
            self.digits_ok(n, has_qual)
        } else {
            !(t.cap && !self.initial(n) && !has_qual)
        }
    }

    /// Whether the digits at `n` can be a count: not a name, date, time,
    /// label or list marker.
    fn digits_ok(&self, n: usize, has_qual: bool) -> bool {
        let t = &self.toks[n];
        if t.zero {
            return false; // 0800, 007
        }
        // 24/7, 10:30, #5, +44
        if n > 0
            && self.adjacent(n - 1, n)
            && self.punct(n - 1, &[':', '/', '#', '+', '-', '\u{2013}', '.'])
        {
            return false;
        }
        if self.adjacent(n, n + 1) && self.punct(n + 1, &[':', '/']) {
            return false;
        }
        // Runs of bare numbers: phone numbers, tables; not `4000 3 hundred`.
        let is_num = |k: usize| self.tok(k).is_some_and(|x| x.kind == Kind::Num);
        let scaled = self.flag(n + 2, SCALE | HUNDRED);
        if (n > 0 && is_num(n - 1)) || (is_num(n + 1) && !scaled) {
            return false;
        }
        self.context_ok(n, has_qual)
    }

    /// Whether the number at `n` sits in a URL or code: `q=30`, `%2D`.
    fn in_code(&self, n: usize) -> bool {
        n > 0 && self.adjacent(n - 1, n) && self.punct(n - 1, &['%', '=', '&', '?', '_', '@'])
    }

    /// The checks of [`Scan::digits_ok`] that do not look at the characters
    /// touching the number.
    fn context_ok(&self, n: usize, has_qual: bool) -> bool {
        let t = &self.toks[n];
        if t.zero || self.in_code(n) {
            return false;
        }
        if self.next_to_month(n) {
            return false;
        }
        // 16 or 17 March, 16 to 18 March: both numbers are days.
        let link = self.word(n + 1, "to")
            || self.word(n + 1, "or")
            || self.word(n + 1, "and")
            || self.punct(n + 1, &['-', '\u{2013}']);
        let month =
            |k: usize| self.tok(k).is_some_and(|t| t.kind == Kind::Word && t.cap && t.has(MONTH));
        if link && self.tok(n + 2).is_some_and(|t| t.kind == Kind::Num) && month(n + 3) {
            return false;
        }
        if !has_qual && self.name_before(n) {
            return false;
        }
        if n > 0 && self.flag(n - 1, LABEL) {
            return false;
        }
        if n > 1 && self.punct(n - 1, &['.']) && self.flag(n - 2, LABEL) {
            return false; // No. 5
        }
        if n > 1 && self.word(n - 1, "of") && (self.word(n - 2, "age") || self.word(n - 2, "aged"))
        {
            return false; // at the age of 45
        }
        if self.flag(n + 1, TIME_NEXT) && !self.word(n + 1, "hours") {
            return false; // 5 p.m., 0800 GMT
        }
        if self.word(n + 1, "local") && self.word(n + 2, "time") {
            return false;
        }
        if t.year && self.word(n + 1, "hours") {
            return false; // 1400 hours
        }
        // 1. Introduction / 2) list markers at the start of a sentence.
        if n == 0 && self.punct(1, &['.', ')']) && self.tok(2).is_some() {
            return false;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One sentence per line, like the placeholder splitter.
    fn lines(text: &str) -> Vec<Span> {
        crate::extract::sentences::split(text)
    }

    fn find(text: &str) -> Vec<QuantityMention> {
        QuantityFinder::new().find(text, &lines(text), &[])
    }

    type Case = (
        &'static str,
        &'static str,
        Option<f64>,
        Option<f64>,
        Option<f64>,
        bool,
        &'static str,
        &'static str,
    );

    /// (input, span text, value, low, high, approximate, qualifier, unit).
    #[rustfmt::skip]
    const CASES: &[Case] = &[
        ("Militants killed 3,000 troops.", "3,000 troops", Some(3000.0), None, None, false, "", "troops"),
        ("It has 1.2 million people.", "1.2 million people", Some(1.2e6), None, None, false, "", "people"),
        ("Aid worth $1.2 billion arrived.", "$1.2 billion", Some(1.2e9), None, None, false, "", "dollars"),
        ("A US$5 million fund.", "US$5 million", Some(5e6), None, None, false, "", "dollars"),
        ("It cost €300 million.", "€300 million", Some(3e8), None, None, false, "", "euros"),
        ("It cost £3bn last year.", "£3bn", Some(3e9), None, None, false, "", "pounds"),
        ("Beijing pledged 1.2 billion yuan.", "1.2 billion yuan", Some(1.2e9), None, None, false, "", "yuan"),
        ("Turnout was 40% on Sunday.", "40%", Some(40.0), None, None, false, "", "percent"),
        ("Turnout rose 40 percent.", "40 percent", Some(40.0), None, None, false, "", "percent"),
        ("Prices rose 4.5 per cent.", "4.5 per cent", Some(4.5), None, None, false, "", "percent"),
        ("The town is 5 km away.", "5 km", Some(5.0), None, None, false, "", "km"),
        ("The town is 5km away.", "5km", Some(5.0), None, None, false, "", "km"),
        ("They walked 300 kilometres.", "300 kilometres", Some(300.0), None, None, false, "", "kilometres"),
        ("It carried 2 tons of ammunition.", "2 tons", Some(2.0), None, None, false, "", "tons"),
        ("Between 10-15 people died.", "Between 10-15 people", None, Some(10.0), Some(15.0), true, "between", "people"),
        ("Some 10-15 people died.", "Some 10-15 people", None, Some(10.0), Some(15.0), true, "some", "people"),
        ("He had between 10 and 15 guards.", "between 10 and 15 guards", None, Some(10.0), Some(15.0), true, "between", "guards"),
        ("He deployed between 3,000 to 4,000 troops.", "between 3,000 to 4,000 troops", None, Some(3000.0), Some(4000.0), true, "between", "troops"),
        ("It lasted two or three days.", "two or three days", None, Some(2.0), Some(3.0), true, "", "days"),
        ("Reports of the deaths of six North Korean officers spread.", "six North Korean officers", Some(6.0), None, None, false, "", "officers"),
        ("Twenty-five soldiers died.", "Twenty-five soldiers", Some(25.0), None, None, false, "", "soldiers"),
        ("He met one hundred delegates.", "one hundred delegates", Some(100.0), None, None, false, "", "delegates"),
        ("Some six million people voted.", "Some six million people", Some(6e6), None, None, true, "some", "people"),
        ("It has a million residents.", "a million residents", Some(1e6), None, None, false, "", "residents"),
        ("It killed a dozen people.", "a dozen people", Some(12.0), None, None, false, "", "people"),
        ("It killed half a dozen people.", "half a dozen people", Some(6.0), None, None, false, "", "people"),
        ("They said \"dozens of North Koreans\" were there.", "dozens of North Koreans", Some(24.0), Some(24.0), None, true, "", "North Koreans"),
        ("Thousands of people fled.", "Thousands of people", Some(2000.0), Some(2000.0), None, true, "", "people"),
        ("Hundreds of homes burned.", "Hundreds of homes", Some(200.0), Some(200.0), None, true, "", "homes"),
        ("Tens of thousands of people marched.", "Tens of thousands of people", Some(20000.0), Some(20000.0), None, true, "", "people"),
        ("It claims scores of lives.", "scores of lives", Some(40.0), Some(40.0), None, true, "", "lives"),
        ("Thousands have fled their homes.", "Thousands", Some(2000.0), Some(2000.0), None, true, "", ""),
        ("He saw \"several thousand\" North Korean troops.", "several thousand", Some(3000.0), Some(3000.0), None, true, "", "troops"),
        ("Several hundred protesters gathered.", "Several hundred protesters", Some(300.0), Some(300.0), None, true, "", "protesters"),
        ("They shipped over six million artillery shells to Russia.", "over six million artillery shells", Some(6e6), Some(6e6), None, false, "over", "artillery shells"),
        ("Half of the artillery shells are old.", "Half of the artillery shells", Some(0.5), None, None, false, "", "artillery shells"),
        ("So approximately half of the North Korean missiles failed.", "approximately half of the North Korean missiles", Some(0.5), None, None, true, "approximately", "missiles"),
        ("It lost a third of its tanks.", "a third of its tanks", Some(1.0 / 3.0), None, None, false, "", "tanks"),
        ("Two-thirds of voters agreed.", "Two-thirds of voters", Some(2.0 / 3.0), None, None, false, "", "voters"),
        ("About half of them were militants.", "About half of them", Some(0.5), None, None, true, "about", ""),
        ("More than 30,000 NATO-led troops are there.", "More than 30,000 NATO-led troops", Some(30000.0), Some(30000.0), None, false, "more than", "troops"),
        ("At least 200,000 people have died.", "At least 200,000 people", Some(200000.0), Some(200000.0), None, false, "at least", "people"),
        ("Up to 500 people fled.", "Up to 500 people", Some(500.0), None, Some(500.0), false, "up to", "people"),
        ("Fewer than 20 soldiers stayed.", "Fewer than 20 soldiers", Some(20.0), None, Some(20.0), false, "fewer than", "soldiers"),
        ("Nearly 40 houses burned.", "Nearly 40 houses", Some(40.0), None, None, true, "nearly", "houses"),
        ("An estimated 10,000 people fled.", "An estimated 10,000 people", Some(10000.0), None, None, true, "an estimated", "people"),
        ("The toll is more than 3,700, officials said.", "more than 3,700", Some(3700.0), Some(3700.0), None, false, "more than", ""),
        ("Another 10,000 US-led troops are there.", "Another 10,000 US-led troops", Some(10000.0), None, None, false, "another", "troops"),
        ("He said seven of the victims were policemen.", "seven of the victims", Some(7.0), None, None, false, "", "victims"),
        ("ISAF said one NATO soldier was killed.", "one NATO soldier", Some(1.0), None, None, false, "", "soldier"),
        ("The military confirmed the deaths of three more on Thursday.", "three more", Some(3.0), None, None, false, "", ""),
        ("Seven people were killed and 25 wounded.", "Seven people", Some(7.0), None, None, false, "", "people"),
        ("Seven people were killed and 25 wounded.", "25 wounded", Some(25.0), None, None, false, "", "wounded"),
        ("Troops shot dead four suspected Taliban militants and a boy.", "four suspected Taliban militants", Some(4.0), None, None, false, "", "militants"),
        ("Police detained 10 \"suspected terrorists\" on Monday.", "10 \"suspected terrorists\"", Some(10.0), None, None, false, "", "terrorists"),
        ("He said up to 1 million Iraqis living abroad may not vote.", "up to 1 million Iraqis", Some(1e6), None, Some(1e6), false, "up to", "Iraqis"),
        ("Around 129,000 US troops are there.", "Around 129,000 US troops", Some(129000.0), None, None, true, "around", "troops"),
        ("Seventeen of more than 30 men were freed.", "more than 30 men", Some(30.0), Some(30.0), None, false, "more than", "men"),
        ("A 20,000-strong force arrived.", "20,000-strong force", Some(20000.0), None, None, false, "", "force"),
        ("The town is 50 km north of Kabul.", "50 km", Some(50.0), None, None, false, "", "km"),
        ("It was one attack targeting mourners.", "one attack", Some(1.0), None, None, false, "", "attack"),
        ("The pound rose from £6 to £10 overnight.", "£6", Some(6.0), None, None, false, "", "pounds"),
        ("The pound traded at $1.2974.", "$1.2974", Some(1.2974), None, None, false, "", "dollars"),
        ("Unemployment rose 32,000 to 1.41 million.", "32,000", Some(32000.0), None, None, false, "", ""),
        ("It raised the age from 60 to 65 years.", "60", Some(60.0), None, None, false, "", ""),
        ("It will hire 10 to 15 engineers.", "10 to 15 engineers", None, Some(10.0), Some(15.0), true, "", "engineers"),
        ("Profits reached $1.07bn in 2004.", "$1.07bn", Some(1.07e9), None, None, false, "", "dollars"),
        ("The network has 20m users.", "20m users", Some(2e7), None, None, false, "", "users"),
        ("He won the 100m race.", "100m", Some(100.0), None, None, false, "", "m"),
        ("Two civilian women were killed.", "Two civilian women", Some(2.0), None, None, false, "", "women"),
        ("Israel's 34-day war on Hezbollah ended.", "34-day", Some(34.0), None, None, false, "", "days"),
        ("The 17-page ruling was published.", "17-page", Some(17.0), None, None, false, "", "pages"),
        ("More than three-and-a-half years passed.", "More than three-and-a-half years", Some(3.5), Some(3.5), None, false, "more than", "years"),
        ("It lasted two and a half years.", "two and a half years", Some(2.5), None, None, false, "", "years"),
        ("A country of 10 million people wracked by war.", "10 million people", Some(1e7), None, None, false, "", "people"),
        ("The role of America's 129,000 troops deployed there.", "129,000 troops", Some(129000.0), None, None, false, "", "troops"),
        ("Eritrea sent 2,000 to back the Islamists.", "2,000", Some(2000.0), None, None, false, "", ""),
        ("It is four times the number in 2005.", "four times", Some(4.0), None, None, false, "", "times"),
        ("Roughly 30-odd people came.", "Roughly 30-odd people", Some(30.0), None, None, true, "roughly", "people"),
        ("A total of 1,500 killed in 1500 raids.", "A total of 1,500 killed", Some(1500.0), None, None, false, "a total of", "killed"),
    ];

    #[test]
    fn table() {
        let finder = QuantityFinder::new();
        let mut failures = Vec::new();
        for &(input, span, value, low, high, approx, qual, unit) in CASES {
            let found = finder.find(input, &lines(input), &[]);
            let Some(m) = found.iter().find(|m| &input[m.span.start..m.span.end] == span) else {
                failures.push(format!("{input:?}: no {span:?} in {found:?}"));
                continue;
            };
            let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
                (Some(a), Some(b)) => (a - b).abs() < 1e-6 * b.abs().max(1.0),
                (None, None) => true,
                _ => false,
            };
            if !close(m.value, value)
                || !close(m.low, low)
                || !close(m.high, high)
                || m.approximate != approx
                || m.qualifier != qual
                || m.unit != unit
            {
                failures.push(format!("{input:?}: got {m:?}"));
            }
            if let Some(us) = m.unit_span {
                if !matches!(
                    m.unit.as_str(),
                    "dollars" | "euros" | "pounds" | "yen" | "yuan" | "percent" | "days" | "pages"
                ) {
                    assert_eq!(&input[us.start..us.end], m.unit, "{input}");
                }
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    /// Inputs in which the given text must not be (part of) any quantity.
    #[rustfmt::skip]
    const NEGATIVE: &[(&str, &str)] = &[
        ("Ukraine wants F-16 jets.", "16"),
        ("Ukraine wants more F-16s.", "16"),
        ("Under Resolution 2231 Iran may not.", "2231"),
        ("Russia flew Su-27 fighters.", "27"),
        ("The COVID-19 pandemic hit.", "19"),
        ("The G7 leaders met.", "7"),
        ("He lives at No. 5 on the street.", "5"),
        ("It was one of the worst attacks.", "one"),
        ("No one was hurt.", "one"),
        ("He is the one who left.", "one"),
        ("They met at 5 p.m. on Monday.", "5"),
        ("They met at 10:30 on Monday.", "10"),
        ("It was the 21st attack.", "21"),
        ("It was the first attack.", "first"),
        ("A 13-year-old girl was killed.", "13"),
        ("An eight-year-old girl was injured.", "eight"),
        ("The victim, aged 45, died.", "45"),
        ("The man was 45 years old.", "45"),
        ("Zelensky warned on October 14 that Russia would.", "14"),
        ("JERUSALEM, Nov. 26 (Xinhua) -- A ceasefire began.", "26"),
        ("He arrived on 14 October.", "14"),
        ("The fighting erupted in February 2003.", "2003"),
        ("The regime fell in late 2001.", "2001"),
        ("The 2006 death toll is high.", "2006"),
        ("It is more than in 2005.", "2005"),
        ("Call +44 20 7946 0958 now.", "44"),
        ("The shop is open 24/7.", "24"),
        ("The Boeing 747 landed.", "747"),
        ("He drives a Formula One car.", "One"),
        ("It came up with some other solution.", "some"),
        ("Several North Korean officers died.", "Several"),
        ("He sent an engineer unit.", "an"),
        ("Many of these shells are defective.", "Many"),
        ("It took half the time.", "xx-not-there"),
        ("He went in half.", "half"),
        ("They lived in the 1990s.", "1990"),
        ("A third country joined.", "third"),
        ("He won 3-1 at home.", "3"),
        ("It seeks people aged 18 to 99.", "99"),
        ("The band moved to number nine.", "nine"),
        ("Phones with 3G and 16k memory.", "3"),
        ("A second reading could follow on 16 or 17 March.", "16"),
        ("Rapper 50 Cent threw a party.", "threw"),
        ("Mes'eda Hweihi, 40, an officer, was hurt.", "40"),
        ("Every male aged between 16 and 45 was held.", "45"),
        ("It was the third this year.", "third"),
        ("Nadir Said, 24, one of two men killed, was buried.", "24"),
        ("Iran signed the deal in 2015 despite protests.", "2015"),
    ];

    #[test]
    fn negatives() {
        let finder = QuantityFinder::new();
        for &(input, bad) in NEGATIVE {
            for m in finder.find(input, &lines(input), &[]) {
                let text = &input[m.span.start..m.span.end];
                assert!(
                    !text.split(|c: char| !c.is_alphanumeric()).any(|w| w == bad),
                    "{input:?}: unexpected {text:?} ({m:?})"
                );
            }
        }
    }

    /// Extended number forms: (input, span text, value).
    #[rustfmt::skip]
    const FORMS: &[(&str, &str, f64)] = &[
        // signs
        ("It fell to -5 overnight.", "-5", -5.0),
        ("The index was (-1.5) then.", "-1.5", -1.5),
        ("It was minus 30 centigrade.", "minus 30 centigrade", -30.0),
        ("The answer is negative one.", "negative one", -1.0),
        ("Growth was a negative 1.4 pct.", "negative 1.4 pct", -1.4),
        // decimals after a dot or `point`
        ("It paid .06 pct.", ".06 pct", 0.06),
        ("It rose by one point three per cent.", "one point three per cent", 1.3),
        ("It is two hundred point zero three.", "two hundred point zero three", 200.03),
        ("It is nought point eleven.", "nought point eleven", 0.11),
        ("The score was zero.", "zero", 0.0),
        // fractions in digits
        ("Shares rose 3/4 on Monday.", "3/4", 0.75),
        ("Fees are 5/8 pct.", "5/8 pct", 0.625),
        ("The stock closed at 2 1/4.", "2 1/4", 2.25),
        ("It was -4/5 exactly.", "-4/5", -0.8),
        ("A 2½ mile walk.", "2½ mile walk", 2.5),
        ("The result is ¾.", "¾", 0.75),
        // fractions in words
        ("He ate two thirds.", "two thirds", 2.0 / 3.0),
        ("Five eighths of it burned.", "Five eighths of it", 0.625),
        ("It costs a trillionth.", "a trillionth", 1e-12),
        ("It is one hundred and three and two thirds.", "one hundred and three and two thirds", 103.0 + 2.0 / 3.0),
        ("It is one hundred and three quarters.", "one hundred and three quarters", 100.75),
        ("It is one hundred and thirty fifths.", "one hundred and thirty fifths", 26.0),
        ("It is one hundred thirty fifths.", "one hundred thirty fifths", 100.0 / 35.0),
        ("It is three twenty firsts.", "three twenty firsts", 3.0 / 21.0),
        ("It is one one hundred fifth.", "one one hundred fifth", 1.0 / 105.0),
        ("It lasted five and a quarter hours.", "five and a quarter hours", 5.25),
        ("It ended three and one-half years of tests.", "three and one-half years", 3.5),
        ("It has one million and a half people.", "one million and a half people", 1.5e6),
        ("It has five and a half million fish.", "five and a half million fish", 5.5e6),
        ("It is one billion and three quarters million.", "one billion and three quarters million", 1.00075e9),
        ("It cost two thirds of a million.", "two thirds of a million", 2e6 / 3.0),
        ("Half million eggs broke.", "Half million eggs", 5e5),
        ("It is a quarter million.", "a quarter million", 2.5e5),
        ("The price rose one-half point.", "one-half point", 0.5),
        // ratios
        ("It is one over three.", "one over three", 1.0 / 3.0),
        ("One in five children is poor.", "One in five children", 0.2),
        // powers and scientific notation
        ("It is 1.1^23.", "1.1^23", 8.954_302_432_552_39),
        ("It is 2.5^-1.", "2.5^-1", 0.4),
        ("It is 1.3x10^6.", "1.3x10^6", 1.3e6),
        ("It is 1e10.", "1e10", 1e10),
        ("It is 12.32e+14.", "12.32e+14", 1.232e15),
        ("It is -12e-1.", "-12e-1", -1.2),
        // scale suffixes and words
        ("They raised 10k.", "10k", 1e4),
        ("Revenue hit 1.2b.", "1.2b", 1.2e9),
        ("I can give you 10M.", "10M", 1e7),
        ("It is 2.33 k.", "2.33 k", 2330.0),
        ("It cost 2mil kronor.", "2mil kronor", 2e6),
        ("It is 1,674.5 G.", "1,674.5 G", 1.6745e12),
        ("It earned 13 lakh.", "13 lakh", 1.3e6),
        ("It totals three lakh crore.", "three lakh crore", 3e12),
        ("It is 12,34,567.89 rupees.", "12,34,567.89 rupees", 1234567.89),
        ("It is 10 bln or 10 tln.", "10 bln", 1e10),
        // dozens
        ("He bought 3 dozens.", "3 dozens", 36.0),
        ("Three hundred and two dozens were sold.", "Three hundred and two dozens", 324.0),
        ("Five dozs were sold.", "Five dozs", 60.0),
        // digits with scale words, spaced thousands, spaced hyphens
        ("It is 4 thousand 3 hundred and 21.", "4 thousand 3 hundred and 21", 4321.0),
        ("It is 3 hundred and one.", "3 hundred and one", 301.0),
        ("A country of 1 million 600 thousand square kilometres.", "1 million 600 thousand square kilometres", 1.6e6),
        ("The population is 1 414 021 100.", "1 414 021 100", 1414021100.0),
        ("It is 40\u{202f}000.", "40\u{202f}000", 40000.0),
        ("It is fifty - two.", "fifty - two", 52.0),
        ("192.", "192", 192.0),
            ("Seats 3,5,7 were empty.", "5", 5.0),
    ];

    #[test]
    fn extended_forms() {
        let finder = QuantityFinder::new();
        let mut failures = Vec::new();
        for &(input, span, value) in FORMS {
            let found = finder.find(input, &lines(input), &[]);
            let hit = found.iter().find(|m| &input[m.span.start..m.span.end] == span);
            let ok = hit.is_some_and(|m| {
                m.value.is_some_and(|v| (v - value).abs() <= 1e-9 * value.abs().max(1.0))
            });
            if !ok {
                failures.push(format!("{input:?}: want {span:?} = {value}, got {found:?}"));
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    /// News text that the extended forms must leave alone: (input, text
    /// that must not be, or be inside, a quantity).
    #[rustfmt::skip]
    const NOT_EXTENDED: &[(&str, &str)] = &[
        ("Ukraine wants F-16 jets.", "-16"),
        ("The council passed it in the 2-1 vote.", "-1"),
        ("Talks run June 1-3 in Paris.", "-3"),
        ("The 9/11 attacks changed it.", "9/11"),
        ("The shop is open 24/7.", "24/7"),
        ("Meet on 5/17/2018 then.", "5/17"),
        ("Kabul - 5 people died.", "- 5"),
        ("The value is plus or minus 10 yen.", "minus 10"),
        ("ATT backed the 3B line of computers.", "3B"),
        ("3M said profits rose.", "3M"),
        ("SEP8 12450B 12550A", "12450B"),
        ("Boeing seeks orders for the 7E7 jet.", "7E7"),
        ("He filed the 10K filing late.", "10K"),
        ("A third country joined.", "third"),
        ("He waited one second.", "0.5"),
        ("Profit rose in the first three quarters.", "0.75"),
        ("Growth lasted six quarters.", "1.5"),
        ("It sold zero-coupon bonds.", "zero"),
        ("LEAD 297 299", "297 299"),
        ("He called 555 123 4567 today.", "123"),
        ("At one point five people left.", "one point five"),
        ("Go to http://x.com/?q=30%25%2020% now.", "30"),
        ("It rose 1.50 billion and 10 pct.", "1.50 billion and 10"),
        ("Nokia sold 117 million out of 833 million handsets.", "out of"),
        ("Twelve out of 15 EU members backed it.", "out of"),
        ("Profit rose 5% in a quarter.", "0.25"),
        ("Output rose in one quarter.", "0.25"),
        ("It doubled within a quarter, he said.", "0.25"),
    ];

    #[test]
    fn extended_forms_leave_news_alone() {
        let finder = QuantityFinder::new();
        for &(input, bad) in NOT_EXTENDED {
            for m in finder.find(input, &lines(input), &[]) {
                let text = &input[m.span.start..m.span.end];
                let value = m.value.map(|v| v.to_string()).unwrap_or_default();
                assert!(
                    !text.contains(bad) && value != bad,
                    "{input:?}: unexpected {text:?} ({m:?})"
                );
            }
        }
    }

    #[test]
    fn exclude_spans_hide_numbers_not_units() {
        let finder = QuantityFinder::new();
        let text = "In 2024 Russia sent 2024 shells and six North Korean officers.";
        let at = |needle: &str, from: usize| {
            let s = from + text[from..].find(needle).expect("needle");
            Span::new(s, s + needle.len())
        };
        let year = at("2024", 0);
        let shells = at("2024", year.end);
        let names = at("North Korean", 0);
        let found = finder.find(text, &lines(text), &[year, shells, names]);
        let texts: Vec<&str> = found.iter().map(|m| &text[m.span.start..m.span.end]).collect();
        assert_eq!(texts, ["six North Korean officers"]);
        assert_eq!(found[0].unit, "officers");
        let us = found[0].unit_span.expect("unit span");
        assert_eq!(&text[us.start..us.end], "officers");
    }

    #[test]
    fn sentences_bound_quantities() {
        let finder = QuantityFinder::new();
        let text = "They counted 40\nsoldiers were there.";
        let sentences = [Span::new(0, 15), Span::new(16, text.len())];
        let found = finder.find(text, &sentences, &[]);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].span.start..found[0].span.end], "40");
        assert_eq!(found[0].unit, "");
    }

    #[test]
    fn quoted_count_takes_unit_after_quote() {
        let text = "An official said that \u{201c}several thousand\u{201d} North Korean troops were training.";
        let found = find(text);
        assert_eq!(found.len(), 1, "{found:?}");
        let m = &found[0];
        assert_eq!(&text[m.span.start..m.span.end], "several thousand");
        assert_eq!(m.unit, "troops");
        let us = m.unit_span.expect("unit span");
        assert_eq!(&text[us.start..us.end], "troops");
    }

    #[test]
    fn vague_counts_are_optional() {
        let text = "Several North Korean officers and numerous ballistic missiles were seen.";
        assert!(find(text).is_empty());
        let finder = QuantityFinder::new().with_vague_counts(true);
        let found = finder.find(text, &lines(text), &[]);
        let texts: Vec<&str> = found.iter().map(|m| &text[m.span.start..m.span.end]).collect();
        assert_eq!(texts, ["Several North Korean officers", "numerous ballistic missiles"]);
        assert!(found.iter().all(|m| m.value.is_none() && m.approximate));
        assert_eq!(found[1].unit, "ballistic missiles");
    }

    #[test]
    fn output_is_ordered_and_disjoint() {
        let text = "Some 300 people, 40% of voters, $5 million and two-thirds of 12 towns.";
        let found = find(text);
        assert!(found.len() >= 4, "{found:?}");
        for w in found.windows(2) {
            assert!(w[0].span.end <= w[1].span.start, "{w:?}");
        }
    }

    #[test]
    fn never_panics_on_odd_text() {
        let finder = QuantityFinder::new();
        for text in [
            "",
            "$",
            "US$",
            "half",
            "a",
            "3-",
            "1,2,3 4.5.6",
            "é 5 ü",
            "“5”",
            "between 5 and",
            "tens of",
            "-",
            "- -",
            ".",
            ".5.",
            "1/",
            "/2",
            "1 /",
            "1^",
            "1^-",
            "^5",
            "2e",
            "2e+",
            "1x10^",
            "minus",
            "minus minus",
            "a half and",
            "one and a",
            "one over",
            "one out of",
            "zero point",
            "twenty -",
            "1 234 567 890 123 456 789 012 345 678 901 234 567 890",
            "1e999 1.1^999 9^-999",
            "one hundred and",
            "a hundred thousand trillionths of a",
        ] {
            for m in finder.find(text, &lines(text), &[]) {
                assert!(text.get(m.span.start..m.span.end).is_some());
            }
        }
    }

    /// `parse_digits` as it was before it worked on bytes: the reference
    /// for which strings are numbers.
    fn parse_digits_reference(s: &str) -> Option<f64> {
        if s.is_empty() || !s.as_bytes()[0].is_ascii_digit() {
            return None;
        }
        let (int, frac) = match s.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (s, None),
        };
        if let Some(f) = frac {
            if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
        }
        if int.contains(',') {
            let mut groups = int.split(',');
            let first = groups.next()?;
            if first.is_empty() || first.len() > 3 || !first.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let groups: Vec<&str> = groups.collect();
            let digits = groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
            let western = groups.iter().all(|g| g.len() == 3);
            // Indian grouping: 12,34,567 (lakh and crore).
            let indian = groups.len() >= 2
                && first.len() <= 2
                && groups.last().is_some_and(|g| g.len() == 3)
                && groups[..groups.len() - 1].iter().all(|g| g.len() == 2);
            if !digits || !(western || indian) {
                return None;
            }
        } else if !int.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.replace(',', "").parse().ok()
    }

    /// The next value of a xorshift generator: many varied inputs from a
    /// fixed seed, without a dependency.
    fn xorshift(x: &mut u64) {
        *x ^= *x << 13;
        *x ^= *x >> 7;
        *x ^= *x << 17;
    }

    #[test]
    fn parse_digits_accepts_what_it_did() {
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..200_000 {
            xorshift(&mut x);
            let len = 1 + (x % 11) as usize;
            let s: String = (0..len)
                .map(|i| b"0123456789,.1"[(x >> (4 * i + 8)) as usize % 13] as char)
                .collect();
            assert_eq!(parse_digits(&s), parse_digits_reference(&s), "{s}");
        }
    }

    #[test]
    fn has_digit_finds_every_digit() {
        for len in 0..100 {
            let mut text = vec![b'x'; len];
            assert!(!has_digit(&text));
            for i in 0..len {
                text[i] = b'0' + (i % 10) as u8;
                assert!(has_digit(&text), "{len} {i}");
                text[i] = if i % 2 == 0 { b'/' } else { b':' }; // around the digits
                assert!(!has_digit(&text));
            }
        }
    }

    #[test]
    fn tidy_keeps_whole_numbers_as_the_rounding_did() {
        // The fast path for whole numbers must agree with the rounding.
        let rounded = |x: f64| {
            let p = 10f64.powi(15 - x.abs().log10().ceil() as i32);
            (x * p).round() / p
        };
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for n in 0..200_000u32 {
            xorshift(&mut x);
            let v = (x % 10u64.pow(1 + n % 15)) as f64;
            let v = if n % 2 == 0 { v } else { -v };
            if v.abs() >= 1.0 {
                assert_eq!(tidy(v).to_bits(), rounded(v).to_bits(), "{v}");
            }
        }
        for k in 0..15 {
            let v = 10f64.powi(k);
            assert_eq!(tidy(v).to_bits(), rounded(v).to_bits(), "{v}");
        }
    }

    #[test]
    fn packed_lower_is_packed_of_the_lower_cased_word() {
        let text =
            "THE Quick brown FoX jumps over The LAZY dog \u{e9}t\u{c9} \u{2019}s Twenty-Five.";
        let bytes = text.as_bytes();
        for s in 0..bytes.len() {
            for len in 0..16.min(bytes.len() - s + 1) {
                let lower = bytes[s..s + len].to_ascii_lowercase();
                assert_eq!(packed_lower(bytes, s, len), packed(&lower), "{s} {len}");
            }
        }
        for b in 0..=255u8 {
            let x = u64::from_le_bytes([b, b'A', b'z', b'Z', b'@', b'[', 0x80, 0xc1]);
            let want = u64::from_le_bytes(x.to_le_bytes().map(|c| c.to_ascii_lowercase()));
            assert_eq!(lower8(x), want, "{b}");
            assert_eq!(lower8(u64::from(b)), u64::from(b.to_ascii_lowercase()));
        }
    }

    #[test]
    fn short_table_finds_what_the_lexicon_holds() {
        let f = QuantityFinder::new();
        for (w, e) in &f.lexicon {
            if let Some(key) = packed(w) {
                assert_eq!(f.short.get(key).map(|x| x.flags), Some(e.flags));
            }
        }
        for w in ["the", "said", "zzz", "", "onee", "thousandth-ish"] {
            if !f.lexicon.contains_key(w.as_bytes()) {
                assert!(f.short.get(packed(w.as_bytes()).unwrap_or(0)).is_none(), "{w}");
            }
        }
    }

    #[test]
    fn parse_digits_rounds_as_the_standard_parser() {
        // Its fast path for short numbers must agree with `str::parse`.
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for n in 0..20_000 {
            xorshift(&mut x);
            let digits = (x % 10u64.pow(1 + (n % 18) as u32)).to_string();
            let dot = (x >> 40) as usize % (digits.len() + 1);
            let s = if dot == 0 || dot == digits.len() {
                digits.clone()
            } else {
                format!("{}.{}", &digits[..dot], &digits[dot..])
            };
            let want: f64 = s.parse().unwrap();
            assert_eq!(parse_digits(&s), Some(want), "{s}");
        }
        assert_eq!(parse_digits("3,000.25"), Some(3000.25));
        assert_eq!(parse_digits("12,34,567.89"), Some(1234567.89));
        assert_eq!(parse_digits("0.1"), Some(0.1));
        assert_eq!(parse_digits("1234567890123456789.5"), Some(1234567890123456789.5));
    }

    #[test]
    fn finder_is_send_and_sync() {
        fn assert_all<T: Send + Sync>() {}
        assert_all::<QuantityFinder>();
    }
}
