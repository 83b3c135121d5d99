//! Names the gazetteers lack, found by the company they keep (GATE ANNIE's
//! JAPE rules are the model): a person after a title (`spokesperson Pat
//! Ryder`) or before an apposition (`Lim Eul-chul, a professor at …`), an
//! organisation by its head word (`Institute for Far Eastern Studies`,
//! `Sudan Liberation Movement`), a place by a locative word (`Kherson
//! Oblast`, `the town of Pokrovsk`).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::{Regex, RegexBuilder};
use regex_automata::{meta, Anchored, Input};

use super::fixed::{self, Hit};
use super::gazetteer::{Entity, Gazetteer};
use super::lexicon::{Frame, Lexicon};
use super::{sentence_of, EntityRef, Mention, Source};
use crate::hash::FxBuild;
use crate::Span;

/// A capitalised name word: `Kim`, `Eul-chul`, `O'Brien`, `Douste-Blazy`.
const WORD: &str = r"\p{Lu}[\p{Ll}\p{Lu}'’]*(?:-\p{L}[\p{Ll}\p{Lu}'’]*)*";

/// Compiles a pattern with room for its lazy DFA: the Unicode classes of
/// these patterns thrash the default cache on long news texts.
fn big(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern).dfa_size_limit(64 << 20).size_limit(64 << 20).build()
}

/// Lower-case particles inside names: `Mohammed Yusef al-Tulib`, `Ursula von der Leyen`.
const PARTICLE: &str = r"al-|el-|ad-|as-|bin\s+|ibn\s+|van\s+|von\s+(?:der\s+)?|de\s+|da\s+|di\s+|du\s+|le\s+|la\s+|ben\s+";

static PERSON_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    // Initials first: "J. R. Smith", not the word "J".
    big(&format!(r"^\s+((?:\p{{Lu}}\.|{WORD})(?:\s+(?:{PARTICLE})?(?:\p{{Lu}}\.|{WORD})){{0,3}})"))
        .unwrap()
});

/// The name [`PERSON_AFTER`] finds at the start of `s`, after its spaces,
/// as a byte range of `s`. A plain `find` runs the lazy DFA, several times
/// faster than the captures would.
fn person_after(s: &str) -> Option<Range<usize>> {
    let m = PERSON_AFTER.find(s)?;
    let spaces = m.as_str().len() - m.as_str().trim_start().len();
    Some(m.start() + spaces..m.end())
}

static NAME_BEFORE_COMMA: LazyLock<Regex> =
    LazyLock::new(|| big(&format!(r"(?:^|[^\p{{L}}.])({WORD}(?:\s+{WORD}){{1,3}})$")).unwrap());

/// Head words that end an organisation's name (`Sudan Liberation Movement`).
const ORG_HEADS: &str = "Institute|University|Ministry|Agency|Party|Brigade|Battalion|Regiment|\
    Division|Corps|Corporation|Council|Committee|Commission|Front|Movement|Army|Bank|Foundation|\
    Association|Organization|Organisation|Union|Group|Court|Parliament|Assembly|Office|Department|\
    Service|Company|Centre|Center|Academy|Authority|League|Alliance|Coalition|Federation|\
    Directorate|Administration|Inc|Corp|Co|Ltd|LLC|Plc|PLC|plc|AG|NV|SpA|GmbH|Bancorp|Airlines|\
    Airways|Motors|Industries|Holdings|Partners|Securities|Investments|Enterprises|Telecom|\
    Pharmaceuticals|Incorporated|Limited";

/// [`ORG_HEADS`] as a set, for tests of single words.
static HEAD_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| ORG_HEADS.split('|').collect());

/// Whether `word` is a head word of organisations' names (`Council`,
/// `Agency`, `Corp`), for other stages.
pub(crate) fn is_head_word(word: &str) -> bool {
    HEAD_WORDS.contains(word)
}

/// Abbreviated heads, written with their full stop (`Acme Widgets Inc.`).
const ORG_ABBREVIATIONS: &str = "Inc\\.|Corp\\.|Ltd\\.|Co\\.|Cos\\.";

/// Head words that start one (`Institute for Far Eastern Studies`).
const ORG_LEADS: &str = "Institute|University|Ministry|Academy|Bank|Council|Committee|Commission|\
    Department|Office|Court|Agency|Centre|Center|Organization|Organisation|Association|Union|\
    Federation|League|Directorate";

/// Words every `PLACE` match holds (`Kherson Oblast`, `the town of Pokrovsk`).
const PLACE_WORDS: &str = "Oblast|Province|Governorate|Prefecture|Krai|Raion|\
    town|city|village|port|region|province|district";

/// An organisation by its head word; run by [`org_matches`].
static ORG: LazyLock<meta::Regex> = LazyLock::new(|| {
    let (heads, lead, abbr) = (ORG_HEADS, ORG_LEADS, ORG_ABBREVIATIONS);
    let pattern = format!(
        r"\b(?:(?:{WORD}\s+){{0,2}}(?:{lead})\s+(?:of|for|on)\s+(?:the\s+)?{WORD}(?:\s+(?:{WORD}|and|of|for|the)\b)*|(?:{WORD}\s+(?:(?:and|of|&)\s+)?){{1,4}}(?:{abbr}|(?:{heads})\b))"
    );
    // The limits `big` gives the other rules.
    let config = meta::Config::new().nfa_size_limit(Some(64 << 20)).hybrid_cache_capacity(64 << 20);
    meta::Regex::builder().configure(config).build(&pattern).unwrap()
});

/// The matches of [`ORG`] in `region`, in order: what `find_iter` gives,
/// given `heads`, the starts in `region` of every head or lead word there
/// (any occurrence, in order).
///
/// Every match starts with a capital letter at a word boundary (`WORD` or
/// a lead word), so the rule runs anchored at each such place rather than
/// over the whole region. Unanchored, its lazy DFA builds states for every
/// run of capitalised words at once: each thread paid 0.13 s for them on
/// the news corpus before its cache was warm, six times the rule's cost
/// once warm. Anchored, the states are few. At each place the anchored
/// search makes the match the unanchored one would, as leftmost-first
/// semantics fix the match once the start is known. And every match holds
/// a head or lead word at most [`ORG_REACH`] words after its start, so
/// only the places that close before one are tried.
fn org_matches(region: &str, heads: &[usize]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    for &head in heads {
        let from = reach_back(region, head).max(at);
        if from > head {
            continue;
        }
        let mut prev = region[..from].chars().next_back();
        for (i, c) in region[from..].char_indices() {
            let i = from + i;
            if i > head {
                break;
            }
            let after_word = prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == '_');
            prev = Some(c);
            // Places that cannot start a match: a lower-case ASCII letter or
            // other ASCII character, or any character right after an ASCII
            // word character (no `\b` before a capital there). Other
            // non-ASCII characters are tried: the rule decides.
            if i < at || after_word || (c.is_ascii() && !c.is_ascii_uppercase()) {
                continue;
            }
            let input = Input::new(region).range(i..).anchored(Anchored::Yes);
            if let Some(m) = ORG.search(&input) {
                out.push(m.range());
                at = m.end();
                prev = region[..at].chars().next_back();
                if at > head {
                    break;
                }
            }
        }
    }
    out
}

/// How many words an [`ORG`] match may run before its head word: four
/// name words, each with a connector (`and`, `of`, `&`) after it.
const ORG_REACH: usize = 8;

/// The start of the [`ORG_REACH`]th whitespace-separated word before
/// byte `at` of `region`, or 0.
fn reach_back(region: &str, at: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in region[..at].char_indices().rev() {
        if c.is_whitespace() {
            if in_word {
                words += 1;
                if words == ORG_REACH {
                    return i + c.len_utf8();
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    0
}

static PLACE: LazyLock<Regex> = LazyLock::new(|| {
    big(&format!(
        r"\b(?:(?:{WORD}\s+){{1,2}}(?:Oblast|Province|Governorate|Prefecture|Krai|Raion)\b|(?:town|city|village|port|region|province|district)\s+of\s+({WORD}(?:\s+{WORD})?))"
    ))
    .unwrap()
});

/// Nouns that describe the organisation named right after them, as a
/// title does a person: `automaker Chrysler`, `news agency Yonhap`,
/// `low-cost carriers Ryanair and easyJet`. Loose nouns need the word
/// before them to say they describe an organisation here.
#[rustfmt::skip]
const ORG_DESCRIPTORS: &[(&str, Before)] = {
    use Before::{Any, NoneOf, OneOf};
    const CARRIER: Before = OneOf(&["low-cost", "budget", "flag", "national", "state", "air",
        "rival", "mobile", "wireless", "telecoms", "telecom", "freight"]);
    &[
        ("company", Any), ("firm", Any), ("automaker", Any), ("carmaker", Any),
        ("airline", Any), ("carrier", CARRIER), ("insurer", Any), ("reinsurer", Any),
        ("lender", Any), ("bank", Any), ("retailer", Any), ("chipmaker", Any),
        ("drugmaker", Any), ("planemaker", Any), ("miner", Any), ("conglomerate", Any),
        ("broadcaster", Any), ("brewer", Any), ("manufacturer", Any), ("shipbuilder", Any),
        ("contractor", Any), ("newspaper", Any), ("tabloid", Any), ("magazine", Any),
        ("website", Any), ("startup", Any), ("start-up", Any), ("subsidiary", Any),
        ("watchdog", Any), ("regulator", Any), ("militia", Any), ("think tank", Any),
        ("think-tank", Any), ("charity", Any), ("agency", Any), ("outlet", Any),
        ("studio", Any), ("publisher", Any), ("supermarket", Any),
        ("daily", OneOf(&["the", "a", "business", "financial", "economic", "state", "official",
            "leading", "popular", "liberal", "conservative", "independent", "opposition",
            "evening", "morning"])),
        ("weekly", OneOf(&["the", "a", "business", "financial", "economic", "news", "leading",
            "popular", "liberal", "conservative", "independent", "opposition"])),
        // Groups of people rather than organisations.
        ("group", NoneOf(&["ethnic", "age", "working", "blood", "focus", "study", "control",
            "peer", "user", "support", "target", "income", "language", "tribal", "religious",
            "minority", "social", "small", "large", "whole", "same", "that", "this", "each",
            "every", "which", "a"])),
        ("party", OneOf(&["ruling", "opposition", "governing", "nationalist", "far-right",
            "right-wing", "left-wing", "centrist", "conservative", "liberal", "socialist",
            "communist", "populist", "islamist", "coalition", "junior", "separatist",
            "anti-immigration", "anti-eu", "pro-european", "pro-independence", "green"])),
        ("union", OneOf(&["trade", "labor", "labour", "teachers'", "workers'", "rail"])),
        // Plurals take a list: `automakers GM, Ford and Chrysler`.
        ("companies", Any), ("firms", Any), ("automakers", Any), ("carmakers", Any),
        ("airlines", Any), ("insurers", Any), ("lenders", Any), ("banks", Any),
        ("retailers", Any), ("chipmakers", Any), ("drugmakers", Any), ("broadcasters", Any),
        ("newspapers", Any), ("manufacturers", Any), ("contractors", Any),
        ("carriers", CARRIER),
    ]
};

/// What must come before a descriptor: anything, one of some words, or
/// none of them. A known name there always does (`Israeli daily`,
/// `Lebanese group`, `Britain's ruling party`).
#[derive(Clone, Copy)]
enum Before {
    Any,
    OneOf(&'static [&'static str]),
    NoneOf(&'static [&'static str]),
}

/// Lower-case nouns after a facility's own name, and the kind of entity
/// the name and noun make: `Al-Shifa hospital`, `Shaab stadium`, `Evin
/// prison`, `Jabalia refugee camp`. Wire copy writes these heads in lower
/// case, which the head-word rules do not take.
#[rustfmt::skip]
const FACILITIES: &[(&str, &str)] = &[
    ("hospital", "ORG"), ("stadium", "PLACE"), ("airport", "PLACE"), ("prison", "PLACE"),
    ("jail", "PLACE"), ("refugee camp", "PLACE"), ("dam", "PLACE"), ("power plant", "PLACE"),
    ("power station", "PLACE"), ("refinery", "PLACE"), ("air base", "PLACE"),
    ("airbase", "PLACE"), ("naval base", "PLACE"), ("crossing", "PLACE"), ("mosque", "PLACE"),
    ("cathedral", "PLACE"),
];

/// Words without which `ORG` or `PLACE` cannot match: their regexes run
/// only on the sentences that hold one (a fraction of news text). The
/// organisation words end with [`ORG_DESCRIPTORS`], from index
/// [`ORG_HEAD_COUNT`] on.
fn rule_words() -> (Vec<String>, Vec<String>) {
    let words = |list: &str| -> Vec<String> {
        list.replace("\\.", ".").split('|').map(|w| w.trim().to_string()).collect()
    };
    let mut org = words(&format!("{ORG_HEADS}|{ORG_ABBREVIATIONS}|{ORG_LEADS}"));
    org.extend(ORG_DESCRIPTORS.iter().map(|(d, _)| d.to_string()));
    let mut place = words(PLACE_WORDS);
    place.extend(FACILITIES.iter().map(|(f, _)| f.to_string()));
    (org, place)
}

/// How many of [`rule_words`]' place words are for [`PLACE`] rather than
/// [`FACILITIES`].
static PLACE_WORD_COUNT: LazyLock<usize> =
    LazyLock::new(|| rule_words().1.len() - FACILITIES.len());

/// Where the facility's name before the head at `head` starts: one to
/// three name words (`Kamal Adwan hospital`, `Ibn-Nafis hospital`), each a
/// single space from the next. `None` where no such name comes before it:
/// a word in lower case, a possessive (`Madrid's airport`), an adjective
/// (`UK-run prison`), a sentence's first word (`The hospital`).
fn facility_name(text: &str, head: usize) -> Option<usize> {
    let word_before = |at: usize| {
        let before = text[..at].strip_suffix(' ')?;
        let start = before
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘' | '/'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        Some((start, &before[start..]))
    };
    let (mut start, mut words) = (head, 0);
    while words < 3 {
        let Some((mut at, mut word)) = word_before(start) else { break };
        // A particle inside the name: "Charles de Gaulle airport".
        if words > 0 && ["de", "du", "la", "van", "von", "der", "bin", "ibn"].contains(&word) {
            match word_before(at) {
                Some(w) if facility_word(w.1) => (at, word) = w,
                _ => break,
            }
        }
        if !facility_word(word) {
            break;
        }
        (start, words) = (at, words + 1);
    }
    let name = &text[start..head.saturating_sub(1).max(start)];
    // One word opening a sentence may be an ordinary word capitalised
    // ("Oil refinery runs fell").
    let ordinary = words == 1 && ordinary_opening(text, start, name);
    (words > 0 && name.chars().count() > 2 && !ordinary).then_some(start)
}

/// Whether `word`, at byte `start` of `text`, opens a sentence and is an
/// ordinary word capitalised there: the document writes it in lower case
/// elsewhere.
fn ordinary_opening(text: &str, start: usize, word: &str) -> bool {
    let before = text[..start].trim_end_matches([' ', '"', '“']);
    if !(before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':'])) {
        return false;
    }
    let lower = word.to_lowercase();
    text.match_indices(lower.as_str()).any(|(i, w)| {
        let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        !alnum(text[..i].chars().next_back()) && !alnum(text[i + w.len()..].chars().next())
    })
}

/// Whether `word` may be part of a facility's name: capitalised (or with
/// an Arabic article, `al-Shifa`), every hyphenated part a name, not a
/// possessive and not a word that opens sentences.
fn facility_word(word: &str) -> bool {
    let bare =
        ["al-", "el-", "Al-", "El-"].iter().find_map(|a| word.strip_prefix(a)).unwrap_or(word);
    let named = |part: &str| part.chars().next().is_some_and(char::is_uppercase);
    !bare.is_empty()
        && bare.split('-').all(named)
        && bare.chars().all(|c| c.is_alphanumeric() || c == '-')
        && !NOT_NAMES.contains(&word)
        && !SENTENCE_WORDS.contains(&word)
}

/// How many of [`rule_words`]' organisation words are heads for [`ORG`]
/// rather than descriptors.
static ORG_HEAD_COUNT: LazyLock<usize> =
    LazyLock::new(|| rule_words().0.len() - ORG_DESCRIPTORS.len());

/// Legal forms that follow a company's name (`Boeing Co`, `Siemens AG`).
const LEGAL_FORMS: &[&str] = &[
    "Inc",
    "Corp",
    "Co",
    "Cos",
    "Ltd",
    "LLC",
    "Plc",
    "PLC",
    "plc",
    "AG",
    "NV",
    "SA",
    "SpA",
    "GmbH",
    "Corporation",
    "Company",
    "Incorporated",
    "Limited",
];

/// Whether `word` is a legal form (`Corp`, `Inc.`, `PLC`), for other stages.
pub(crate) fn is_legal_form(word: &str) -> bool {
    LEGAL_FORMS.contains(&word.trim_end_matches('.'))
}

/// Whether capitalised `word` is one that opens sentences or names no one
/// on its own: articles, pronouns, prepositions, conjunctions, calendar
/// words, titles of office, ordinals, quantifiers and sentence adverbs
/// (`The`, `However`, `First`, `Most`, `Although`), for other stages.
pub(crate) fn opens_sentences(word: &str) -> bool {
    [NOT_NAMES, SENTENCE_WORDS, ORDINALS, QUANTIFIERS, OPENING_WORDS]
        .iter()
        .any(|l| l.contains(&word))
}

/// Whether `s` is one or more [`LEGAL_FORMS`] after a space (`" Co Ltd"`).
fn legal_form(s: &str) -> bool {
    s.starts_with([' ', ','])
        && s.split([' ', ','])
            .filter(|w| !w.is_empty())
            .all(|w| LEGAL_FORMS.contains(&w.trim_end_matches('.')))
        && s.chars().any(char::is_alphabetic)
}

/// Where the legal forms written at byte `end` of `text` end (`end` if
/// none): `" Ltd."` after "Daewoo Shipbuilding Co.", `", Ltd."` after
/// "Hyosung Co.".
fn after_legal_forms(text: &str, mut end: usize) -> usize {
    loop {
        let rest = &text[end..];
        let Some(sep) = [", ", " "].into_iter().find(|s| rest.starts_with(s)) else { return end };
        let word = rest[sep.len()..]
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ')' | '"'))
            .next()
            .unwrap_or("");
        let bare = word.strip_suffix('.').unwrap_or(word);
        if !LEGAL_FORMS.contains(&bare) {
            return end;
        }
        end += sep.len() + word.len();
    }
}

/// `span` cut where one name ends and another begins: after a head word
/// that `and` and a name follow ("Shanghai Airlines and Xiamen Airlines";
/// but "Procter and Gamble Co", "State Street Bank and Trust Company"),
/// and after a legal form ("Prudential Securities Incorporated\nPaineWebber
/// Incorporated" in a list; but "Canadian Tire Corp Ltd" and "Bond Corp
/// Holdings Ltd", where a head word goes on); and around a
/// time the pattern ran on into after a lead word ("the High Court on
/// Monday and the Senate Committee").
fn split_at_heads(text: &str, span: Span) -> Vec<Span> {
    let name = &text[span.start..span.end];
    let words: Vec<(usize, &str)> = name
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - name.as_ptr() as usize, w))
        .collect();
    let bare = |k: usize| words.get(k).map_or("", |&(_, w)| w.trim_end_matches('.'));
    let head = |w: &str| HEAD_WORDS.contains(w);
    let legal = |w: &str| LEGAL_FORMS.contains(&w);
    let calendar = |w: &str| CALENDAR_WORDS.iter().any(|c| c.eq_ignore_ascii_case(w));
    let (mut parts, mut start, mut resume) = (Vec::new(), span.start, 0);
    for k in 0..words.len().saturating_sub(1) {
        if k < resume {
            continue;
        }
        let (w, next) = (bare(k), bare(k + 1));
        let end = span.start + words[k].0 + words[k].1.len();
        if ["on", "in", "for", "since", "until", "by"].contains(&next) && calendar(bare(k + 2)) {
            parts.push(Span::new(start, end));
            // A name may follow, after its connectors.
            resume = k + 3;
            while ["and", "of", "for", "on", "the"].contains(&bare(resume)) {
                resume += 1;
            }
            start = words.get(resume).map_or(span.end, |&(i, _)| span.start + i);
        } else if legal(w) && !legal(next) && !head(next) && !["and", "&", "of"].contains(&next) {
            parts.push(Span::new(start, end));
            start = span.start + words[k + 1].0;
        } else if next == "and" && (head(w) || legal(w)) && k + 2 < words.len() {
            let after = bare(k + 2);
            if !(head(after) || ORG_WORDS.contains(&after) || NOT_SURNAMES.contains(&after)) {
                parts.push(Span::new(start, end));
                start = span.start + words[k + 2].0;
            }
        }
    }
    if start < span.end {
        parts.push(Span::new(start, span.end));
    }
    parts
}

/// Where a partnership's name starts when commas stand between its
/// partners ("Goldman, Sachs and Co", "Peat, Marwick, Mitchell and Co"):
/// the rule's match `span` starts at the last partner, and the start moves
/// back over the others. It stays when the word before a comma is no
/// surname (`AZT`, `However`, a legal form), is a known name ("in London,
/// Smith and Co"), or when a capitalised word stands before the first
/// partner, as in a list of firms ("Merrill Lynch, Needham and Co").
fn partners_before(text: &str, span: Span, mentions: &[Mention]) -> usize {
    let mut words = text[span.start..span.end].split_whitespace();
    let partnership = matches!(
        (words.next(), words.next(), words.next(), words.next()),
        (Some(_), Some("and" | "&"), Some("Co" | "Co."), None)
    );
    if !partnership {
        return span.start;
    }
    let partner = |w: &str| {
        w.starts_with(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
            && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
            && !(NOT_NAMES.contains(&w) || LEGAL_FORMS.contains(&w) || HEAD_WORDS.contains(w))
            && !CALENDAR_WORDS.iter().any(|c| c.eq_ignore_ascii_case(w))
    };
    let known = |a: usize, b: usize| mentions.iter().any(|m| m.span.start < b && a < m.span.end);
    let mut start = span.start;
    loop {
        let before = &text[..start];
        let gap = before.len() - before.trim_end().len();
        let Some(rest) = before.trim_end().strip_suffix(',') else { break };
        if gap == 0 || before[rest.len() + 1..].matches('\n').count() > 1 {
            break;
        }
        let from = rest
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_alphabetic() || matches!(c, '-' | '\'' | '’')))
            .map_or(0, |(i, c)| i + c.len_utf8());
        if !partner(&rest[from..]) || known(from, rest.len()) {
            break;
        }
        start = from;
    }
    let prev = text[..start].trim_end();
    let prev_word = prev.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    if prev_word.starts_with(char::is_uppercase) && prev.ends_with(prev_word) {
        return span.start;
    }
    start
}

/// Abbreviations whose full stop belongs to an organisation's name.
const NAME_ABBREVIATIONS: &[&str] = &["Inc", "Corp", "Co", "Ltd", "Bros", "Cos"];

/// The word of an organisation's name at the start of `s`, as its length
/// in bytes and whether the name ends with it (a possessive `'s` or a
/// full stop follows it), or `None` when `s` starts with no such word.
/// Name words start with a capital or a digit (`Ryanair`, `3M`, `AT&T`,
/// `Wal-Mart`, `U.S.`), or are brands written with an inner capital
/// (`easyJet`, `eBay`).
fn org_word(s: &str) -> Option<(usize, bool)> {
    let len = s
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, '-' | '&' | '\'' | '’' | '.')))
        .map_or(s.len(), |(i, _)| i);
    let mut word = &s[..len];
    let mut ends = false;
    for possessive in ["'s", "’s"] {
        if let Some(w) = word.strip_suffix(possessive) {
            (word, ends) = (w, true);
        }
    }
    if let Some(w) = word.strip_suffix('.') {
        // "U.S." and "Inc." keep their stop; any other ends a sentence.
        if !(w.contains('.') || NAME_ABBREVIATIONS.contains(&w)) {
            (word, ends) = (w, true);
        }
    }
    word = word.trim_end_matches(['-', '&', '\'', '’']);
    let mut chars = word.chars();
    let first = chars.next()?;
    let named = first.is_uppercase()
        || (first.is_ascii_digit() && word.chars().any(char::is_alphabetic))
        || (first.is_lowercase() && chars.any(char::is_uppercase));
    (named && word.chars().count() >= 2).then_some((word.len(), ends))
}

/// [`rule_words`], each list as its own automaton.
static RULE_WORDS: LazyLock<(AhoCorasick, AhoCorasick)> = LazyLock::new(|| {
    let words = |patterns: Vec<String>| {
        AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns)
            .expect("rule words are plain strings")
    };
    let (org, place) = rule_words();
    (words(org), words(place))
});

/// The runs of sentences around those that hold one of `words`: where a
/// rule that needs one of them can match. A sentence's neighbours are
/// included because a name may run across a line break the sentence
/// splitter took for a sentence end (hard-wrapped wire copy), as the rule
/// could in the whole text.
fn regions(text: &str, sentences: &[Span], words: &[Hit]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut next = 0;
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    for m in words {
        // Both rules need the word to stand alone (`\b` or a space on each
        // side): not `report` for `port`, not `Banking` for `Bank`.
        let word = &text[m.start..m.end];
        if m.start < next
            || alnum(text[..m.start].chars().next_back())
            || (!word.ends_with('.') && alnum(text[m.end..].chars().next()))
        {
            continue;
        }
        let i = sentences.partition_point(|s| s.end <= m.start);
        if i >= sentences.len() {
            break;
        }
        let start = sentences[i.saturating_sub(1)].start;
        let end = sentences[(i + 1).min(sentences.len() - 1)].end;
        match out.last_mut() {
            Some(last) if last.end >= start => last.end = end,
            _ => out.push(Span::new(start, end)),
        }
        next = sentences[i].end;
    }
    out
}

/// Capitalised words that start sentences or name times, never people.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "The", "A", "An", "This", "That", "These", "Those", "He", "She", "It", "They", "We", "I",
    "You", "His", "Her", "Its", "Their", "Our", "In", "On", "At", "By", "For", "From", "With",
    "But", "And", "Or", "If", "As", "After", "Before", "During", "While", "When", "Despite",
    "However", "Meanwhile", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "Sunday", "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "President", "Minister", "General",
    "Secretary", "Prime", "Foreign", "Defense", "Defence", "Deputy", "Chief", "Speaker",
    "Ambassador", "Governor", "Senator", "Spokesman", "Spokesperson", "Spokeswoman", "Government",
    "State", "National", "Reports", "Col", "Lt", "Gen", "Maj", "Sgt", "Capt", "Adm", "Sen", "Rep",
    "Gov", "Mr", "Mrs", "Ms", "Dr", "Prof", "Sir", "Lord", "Lady", "Mount", "Mt", "St", "Leader",
    "Chairman", "Director", "No", "MP", "Vice", "Deputy", "Acting", "Former", "Interim",
];

/// Capitalised words that start sentences and never start a name.
const SENTENCE_WORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "He",
    "She",
    "It",
    "They",
    "We",
    "In",
    "On",
    "At",
    "By",
    "For",
    "From",
    "With",
    "But",
    "And",
    "Or",
    "If",
    "As",
    "After",
    "Before",
    "During",
    "While",
    "When",
    "Despite",
    "However",
    "Meanwhile",
    "Last",
    "Next",
    "Since",
    "Until",
    "Under",
];

/// Closed-class words and adverbs that open sentences (`Although
/// Volcker said`), beyond [`SENTENCE_WORDS`]: no given name before a
/// surname the document knows ([`NameRules::surname_persons`]).
#[rustfmt::skip]
const OPENING_WORDS: &[&str] = &[
    "Although", "Though", "Whatever", "Whether", "Unless", "Because", "Once", "Whenever",
    "Where", "What", "Who", "Whom", "Whose", "Which", "Why", "How", "Yet", "So", "Then", "Now",
    "Today", "Yesterday", "Tomorrow", "Still", "Also", "Even", "Only", "Just", "Perhaps",
    "Maybe", "Indeed", "Instead", "Thus", "Hence", "Therefore", "Nevertheless", "Nonetheless",
    "Moreover", "Furthermore", "Besides", "Likewise", "Similarly", "Otherwise", "Later",
    "Earlier", "Finally", "Eventually", "Initially", "Recently", "Currently", "Already", "Again",
    "Here", "There", "Every", "Such", "Like", "Unlike", "Against", "Among", "Between", "Through",
    "Without", "Within", "Over", "About", "Above", "Below", "Into", "Upon", "Toward", "Towards",
    "Given", "Following", "Including", "According", "Asked", "Having", "Being", "My", "Your",
    "Me", "Him", "Us", "Them", "Not", "Nor", "Dear", "Poor", "Ex",
];

/// Quantifiers, which take `of` before a name ("Most of Acme Corp"),
/// capitalised at the start of a sentence.
const QUANTIFIERS: &[&str] = &[
    "All", "Most", "Some", "Many", "Much", "Both", "Each", "Either", "Neither", "None", "One",
    "Several", "Few", "Half", "Part", "Parts", "Rest", "Any", "Lots",
];

/// Title words that, in lower case, are as often adjectives or nouns of
/// another sense; they introduce no name on their own.
const ADJECTIVAL_TITLES: &[&str] =
    &["official", "major", "general", "expert", "analyst", "fellow", "chair"];

/// Honorifics and ranks that put any capitalised word after them in a person's name.
const HONORIFICS: &[&str] = &[
    "mr.", "mrs.", "ms.", "dr.", "gen.", "lt.", "col.", "maj.", "capt.", "sgt.", "adm.", "sen.",
    "rep.", "gov.", "prof.", "mr", "mrs", "ms", "dr",
];

/// Last words that make the words after a given name a place, a
/// building or an event (`Victoria Park`, `George Washington Bridge`,
/// `Rose Bowl`), not a person; [`ORG_WORDS`] holds more.
#[rustfmt::skip]
const NOT_SURNAMES: &[&str] = &[
    "Park", "Road", "Bridge", "Airport", "Station", "Hospital", "Hotel", "Stadium", "Arena",
    "River", "Lake", "Valley", "Island", "Islands", "Bay", "Beach", "Hall", "Centre", "Center",
    "Church", "Cathedral", "Mosque", "Palace", "Tower", "Prize", "Award", "Trophy", "Memorial",
    "Museum", "Library", "School", "College", "Mountains", "Hills", "Heights", "Plaza",
    "Boulevard", "Lane", "Drive", "County", "Bowl", "Day", "Act", "Doctrine", "Plan",
    "Restaurant", "Laboratories", "Labs", "Management", "Asset", "Assets", "Democrat", "Democrats",
    "Republican", "Republicans", "Utd", "Slam", "Slams", "Prix", "Pharmaceuticals", "Systems",
    "Technologies", "Electronics", "Communications", "Entertainment", "Foods", "Energy",
    "Resources", "Petroleum", "Oil", "Gas", "Steel", "Airways", "Records", "Studios", "Pictures",
    "Brothers", "Bros", "Sons", "Associates", "Trust", "Insurance", "Investments", "Stores",
    "Mining", "Chemicals", "Chemical", "Medical", "Health", "Pharma", "Motor", "Media", "Plc",
    "PLC", "Cos", "Co.", "Creek", "Bancorp", "Bancorporation", "Guaranty", "Financial", "Securities",
    "Capital", "Partners", "Fund", "Funds", "Ventures", "Realty", "Properties", "Beverages",
    "Consortium", "Brands", "Products",
];

/// Given names that are also English words, more often part of something
/// else when capitalised (`Grand Slam`, `Man Utd`, `Christian Democrat`):
/// the default people's first words whose lower-case form is more common
/// than half their capitalised form in the news corpus, and a few more.
#[rustfmt::skip]
const COMMON_GIVEN: &[&str] = &[
    "Said", "Than", "Per", "Set", "Come", "Win", "Political", "Ministers", "Phone", "Saw",
    "Par", "Job", "Men", "Man", "Air", "Ban", "Beat", "Host", "Nor", "Tin", "Peer", "Tie",
    "Mass", "Sum", "Jury", "Lay", "Des", "Crown", "Tea", "Son", "Fan", "Fares", "Soul",
    "Landing", "Kit", "Rein", "Tens", "Raid", "Bin", "Rod", "Rear", "Sin", "Bio", "Bare", "Min",
    "Ante", "Lien", "Grand", "Christian", "Will", "Long", "Young", "Little", "Royal", "Noble",
    "Major", "Hope", "Grace", "Joy", "Rose", "Desire", "Innocent", "Prosper", "Martial", "Rosy",
    "Eta", "New", "Old", "Great", "Holy", "Saint", "San", "Santa", "Don", "Del", "Van", "Von",
    "Sea", "Sun", "Star",
];

/// Months and spans of time as table headings write them (`Pay Aug`,
/// `Nine Mths`): never in a person's name. Not the months that are given
/// names too (`April`, `May`, `June`, `August`, `Jan`), nor weekdays, which
/// start newspapers' names (`Sunday Times`).
const PERIOD_WORDS: &[&str] = &[
    "January",
    "February",
    "March",
    "September",
    "October",
    "November",
    "December",
    "Feb",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Mth",
    "Mths",
    "Qtr",
    "Qtrs",
    "Wk",
    "Wks",
    "Yr",
    "Yrs",
];

/// Ordinals, which start names of things rather than people (`First Union`).
const ORDINALS: &[&str] = &[
    "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
];

/// The compiled name rules.
#[derive(Debug)]
pub struct NameRules {
    titles: AhoCorasick,
    title_patterns: Vec<String>,
    /// The title patterns, ASCII lower case, without a final `.`.
    title_words: HashSet<String, FxBuild>,
    honorific_count: usize,
    /// Given names: the first words of the gazetteers' people (see
    /// [`NameRules::with_given_names`]).
    given: HashSet<Box<str>, FxBuild>,
    /// The gazetteer's towns and cities (indexes into its entities), whose
    /// names are surnames too when a given name comes before them
    /// (`Fritz Henderson`, `Mary Barra`).
    towns: HashSet<u32, FxBuild>,
    /// Whether each of the gazetteer's entities is an organisation: only a
    /// firm's name takes a legal form after it (`Boeing Co`); `Asia Ltd`
    /// and `John Lewis Plc` are new names. Empty without a gazetteer, and
    /// then every known name counts as a firm.
    firms: Vec<bool>,
}

/// The fixed strings [`NameRules::find_with`] needs found in a text, each
/// set leftmost-longest, as [`fixed::FixedStrings`] finds them.
#[derive(Clone, Copy, Debug)]
pub struct RuleWords<'a> {
    /// Titles and honorifics ([`NameRules::word_sets`]' first set).
    pub titles: &'a [Hit],
    /// Organisation head words (the second).
    pub org: &'a [Hit],
    /// Place words (the third).
    pub place: &'a [Hit],
}

impl NameRules {
    /// Builds the rules, taking titles from the lexicon's `title` rows.
    pub fn new(lexicon: &Lexicon) -> NameRules {
        let mut patterns: Vec<String> = HONORIFICS.iter().map(|s| s.to_string()).collect();
        let honorific_count = patterns.len();
        patterns.extend(lexicon.phrases(Frame::Title).map(String::from));
        // A DFA: a few hundred phrases, scanned over every document.
        let titles = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("title patterns are plain strings");
        let title_words =
            patterns.iter().map(|t| t.trim_end_matches('.').to_ascii_lowercase()).collect();
        NameRules {
            titles,
            title_patterns: patterns,
            title_words,
            honorific_count,
            given: HashSet::default(),
            towns: HashSet::default(),
            firms: Vec::new(),
        }
    }

    /// Adds the rule that a known given name and the capitalised words
    /// after it name a person (`Igor Shkvyrin`, `Mark Rutte`), as GATE
    /// ANNIE's first-name list does. The given names are `gazetteer`'s
    /// list of them ([`Gazetteer::given_names`]) and the first words of the
    /// multi-word names of its people, so that a user who adds people adds
    /// their given names too. Left out: words that name anything else in
    /// the gazetteer on their own (`Israel`, `Victoria`), titles (`King`),
    /// ordinals, and words that open sentences or are never names.
    pub fn with_given_names(mut self, gazetteer: &Gazetteer) -> NameRules {
        let entities = gazetteer.entities();
        // The distinct first words first: a large gazetteer repeats them.
        let mut firsts: HashSet<&str, FxBuild> = gazetteer
            .given_names()
            .iter()
            .map(|n| &**n)
            .filter(|n| is_given_name_form(n))
            .collect();
        for e in entities.iter().filter(|e| e.kind == "PERSON") {
            let mut words = e.name.split_whitespace();
            if let (Some(first), Some(_)) = (words.next(), words.next()) {
                if is_given_name_form(first) {
                    firsts.insert(first);
                }
            }
        }
        for e in entities.iter().filter(|e| e.kind != "PERSON") {
            firsts.remove(e.name.as_str());
        }
        self.towns = entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == "PLACE" && e.attribute("kind") == Some("city"))
            .map(|(i, _)| i as u32)
            .collect();
        self.firms = entities.iter().map(|e| e.kind == "ORG").collect();
        let never: HashSet<&str, FxBuild> =
            [NOT_NAMES, SENTENCE_WORDS, ORDINALS, COMMON_GIVEN].concat().into_iter().collect();
        self.given.reserve(firsts.len());
        for first in firsts {
            if !never.contains(first) && !self.is_title(first) {
                self.given.insert(first.into());
            }
        }
        self
    }

    /// Whether `word` is one of the given names of
    /// [`NameRules::with_given_names`].
    pub fn is_given(&self, word: &str) -> bool {
        self.given.contains(word)
    }

    /// Whether `m`, the last word of `span`, a person's name found by its
    /// given name, is a town's or an organisation's name read as a surname
    /// there: `Henderson` of `Fritz Henderson` (GATE ANNIE's first name +
    /// location rule), `Wagner` of `Richard Wagner` (not the Wagner Group).
    fn known_surname(&self, text: &str, span: Span, m: &Mention) -> bool {
        let org = matches!(m.entity, EntityRef::Known(id) if self.firms.get(id as usize) == Some(&true))
            && m.source == Source::Gazetteer
            && !m.demonym;
        (self.is_town(m) || org)
            && m.span.end == span.end
            && m.span.start > span.start
            && !text[m.span.start..m.span.end].contains(char::is_whitespace)
    }

    /// Whether `name` reads as a person's name alone: two or three
    /// capitalised words on one line, none a title, the first not an
    /// ordinal, a head word or a word that is never a name, nor a word
    /// before a given name (not `First Boston`, `Financial Officer Edward
    /// Lill`, `Officer Robert Buckley`, `WEBSTER TO HEAD`).
    fn plain_name(&self, name: &str) -> bool {
        let words: Vec<&str> = name.split(' ').collect();
        let first = words[0];
        (2..=3).contains(&words.len())
            && words.iter().all(|w| {
                let mut chars = w.chars();
                chars.next().is_some_and(char::is_uppercase)
                    && chars.clone().any(char::is_lowercase)
                    && chars.all(|c| c.is_alphabetic() || c == '-' || c == '.')
                    && !self.is_title(w)
            })
            && !(ORDINALS.contains(&first)
                || NOT_NAMES.contains(&first)
                || HEAD_WORDS.contains(first)
                || ORG_WORDS.contains(&first))
            // "Officer Robert Buckley": the name starts at its given name.
            && (self.is_given(first) || !self.is_given(words[1]))
    }

    /// Whether `m` names a firm, or a known entity of unknown kind.
    fn is_firm(&self, m: &Mention, found: &[Entity]) -> bool {
        match m.entity {
            EntityRef::Known(id) => self.firms.get(id as usize).copied().unwrap_or(true),
            EntityRef::Found(k) => found.get(k as usize).is_some_and(|e| e.kind == "ORG"),
        }
    }

    /// Whether `m` is a gazetteer mention of a town or city, not a demonym.
    pub(crate) fn is_town(&self, m: &Mention) -> bool {
        let known = |id| self.towns.contains(&id);
        matches!(m.entity, EntityRef::Known(id) if known(id))
            && m.source == Source::Gazetteer
            && !m.demonym
    }

    /// People named by a known given name and one to three capitalised
    /// words after it, as `(span, "PERSON")`; their spans go to `spans` too.
    fn given_name_persons(
        &self,
        text: &str,
        new: &mut Vec<(Span, &'static str)>,
        spans: &mut Vec<Span>,
    ) {
        if self.given.is_empty() {
            return;
        }
        let bytes = text.as_bytes();
        let word_byte = |b: u8| b.is_ascii_alphabetic() || b == b'-' || b == b'\'';
        let mut i = 0;
        while i < bytes.len() {
            // Given names are ASCII words starting with a capital.
            let starts = bytes[i].is_ascii_uppercase()
                && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] >= 0x80));
            if !starts {
                i += 1;
                continue;
            }
            let end = bytes[i..].iter().position(|&b| !word_byte(b)).map_or(bytes.len(), |n| i + n);
            let known =
                bytes.get(end).is_none_or(|&b| b < 0x80) && self.given.contains(&text[i..end]);
            // An initial standing as a word of its own (`C. Cairns`, `J. R.
            // Smith`), as scorecards and bylines name people; not the `S.`
            // of `U.S. Steel`.
            let initial = end == i + 1
                && bytes.get(end) == Some(&b'.')
                && (i == 0 || bytes[i - 1].is_ascii_whitespace() || bytes[i - 1] == b'(')
                && !after_and(&text[..i]);
            let from = if initial { end + 1 } else { end };
            if (known || initial) && !after_name_word(text, i) {
                if let Some(g) = person_after(&text[from..]) {
                    // An initial that ends a line whose next one is
                    // indented ends a sentence or a table cell (`J.\n
                    // Earlier, …`); a plain line wrap joins the name.
                    let gap = &text[from..from + g.start];
                    if initial && gap.find('\n').is_some_and(|n| gap.len() > n + 1) {
                        i = end.max(i + 1);
                        continue;
                    }
                    let span = trim_name(text, Span::new(i, from + g.end), true);
                    let span = without_possessive(text, within_paragraph(text, span));
                    let name = &text[span.start..span.end];
                    let words: Vec<&str> = name.split_whitespace().collect();
                    let thing = words.iter().any(|w| {
                        NOT_SURNAMES.contains(w)
                            || ORG_WORDS.contains(w)
                            || HEAD_WORDS.contains(w)
                            || PLACE_WORDS.split('|').any(|p| p == *w)
                            || self.is_title(w)
                    });
                    // After an initial, a word that opens sentences is no
                    // surname (`vitamin C. The study`), nor is an
                    // abbreviation (`W. Va.`); and a firm is often named so
                    // (`C. Itoh and Co Ltd`, `J. Sainsbury PLC`).
                    let not_initial_name = initial
                        && (words.get(1).is_none_or(|w| {
                            NOT_NAMES.contains(w)
                                || SENTENCE_WORDS.contains(w)
                                || (w.ends_with('.') && w.len() > 2)
                        }) || words.last().is_none_or(|w| w.chars().count() < 3)
                            || firm_after(&text[span.end..]));
                    if span.start == i && words.len() >= 2 && !thing && !not_initial_name {
                        new.push((span, "PERSON"));
                        spans.push(span);
                        if initial {
                            // Its further initials (`R.` of `J. R. Smith`) start no name.
                            i = span.end;
                            continue;
                        }
                    }
                }
            }
            i = end.max(i + 1);
        }
    }

    /// People known by one word after an honorific (`Mr Shimokawa`) whom
    /// the document also names in full with a given name the list lacks
    /// (`Kenichi Shimokawa`): the capitalised word just before the surname
    /// is then the given name, as GATE ANNIE's orthomatcher reads it. Not
    /// a word that opens sentences, a title, a word of organisation or
    /// place names, a known name, nor a word the document writes in lower
    /// case as well (`Defender`, `Yesterday`).
    fn surname_persons(
        &self,
        text: &str,
        mentions: &[Mention],
        new: &mut Vec<(Span, &'static str)>,
    ) {
        let mut surnames: Vec<&str> = new
            .iter()
            .filter(|(_, kind)| *kind == "PERSON")
            .map(|(span, _)| &text[span.start..span.end])
            .filter(|name| !name.contains(char::is_whitespace) && is_given_name_form(name))
            .collect();
        surnames.sort_unstable();
        surnames.dedup();
        let mut found = Vec::new();
        let mut lower: HashMap<&str, bool, FxBuild> = HashMap::default();
        for surname in surnames {
            for at in memchr::memmem::find_iter(text.as_bytes(), surname) {
                if !boundary(text, at, at + surname.len()) {
                    continue;
                }
                let Some(before) = text[..at].strip_suffix(' ') else { continue };
                // Bytes, not chars: the byte after any other character's
                // last byte is a char boundary.
                let start = before
                    .bytes()
                    .rposition(|b| !(b.is_ascii_alphabetic() || b == b'-'))
                    .map_or(0, |i| i + 1);
                let word = &before[start..];
                if !is_given_name_form(word)
                    || !boundary(text, start, before.len())
                    || opens_sentences(word)
                    || self.is_title(word)
                    || not_a_name_word(word)
                    || PLACE_WORDS.split('|').any(|p| p == word)
                    // Once per word: a long document repeats a name often.
                    || *lower.entry(word).or_insert_with(|| written_in_lower_case(text, word))
                {
                    continue;
                }
                let k = mentions.partition_point(|m| m.span.end <= start);
                if mentions.get(k).is_some_and(|m| m.span.start < at + surname.len()) {
                    continue; // a known name: `Japan Shimokawa` in a line-up
                }
                found.push(Span::new(start, at + surname.len()));
            }
        }
        new.extend(found.into_iter().map(|span| (span, "PERSON")));
    }

    /// `span` after the office, person or ordinary word it opens with:
    /// "General Motors" of "Chief Executive Officer of General Motors" and
    /// of "Stephen Roach of Morgan Stanley and Co", "Acme Corp" of "Shares
    /// of Acme Corp" (where `shares` is written elsewhere) and of "Most of
    /// Acme Corp", nothing of "Secretary of Energy".
    fn after_office(&self, text: &str, span: Span) -> Span {
        let name = &text[span.start..span.end];
        let first = name.split_whitespace().next().unwrap_or("");
        let office = ["Deputy", "Vice", "Acting", "Former", "Interim"].contains(&first);
        // "Shares of Daewoo Shipbuilding Co.", "Most of Acme Corp": an
        // ordinary word opening the sentence, with `of` after it.
        let ordinary = !HEAD_WORDS.contains(first)
            && name[first.len()..].starts_with(" of ")
            && (QUANTIFIERS.contains(&first) || ordinary_opening(text, span.start, first));
        if !(office || ordinary || self.is_title(first) || self.is_given(first)) {
            return span;
        }
        match name.find(" of ") {
            Some(i) => Span::new(span.start + i + " of ".len(), span.end),
            None => span,
        }
    }

    /// Organisations named right after one of [`ORG_DESCRIPTORS`]
    /// (`automaker Chrysler`, `carriers Ryanair and easyJet`): `hits` are
    /// the organisation words found in `text`, of which those from
    /// [`ORG_HEAD_COUNT`] on are descriptors; `mentions` are the names
    /// known so far, sorted and apart.
    fn described_orgs(&self, text: &str, hits: &[Hit], mentions: &[Mention], out: &mut Vec<Span>) {
        for m in hits {
            let Some(&(descriptor, before)) =
                m.pattern.checked_sub(*ORG_HEAD_COUNT).and_then(|k| ORG_DESCRIPTORS.get(k))
            else {
                continue;
            };
            if !boundary(text, m.start, m.end) {
                continue;
            }
            if !matches!(before, Before::Any) {
                let head = text[..m.start].trim_end_matches([' ', '\t']);
                let prev = &head[head.rfind(char::is_whitespace).map_or(0, |i| i + 1)..];
                let prev = prev.to_lowercase();
                let k = mentions.partition_point(|x| x.span.end < head.len());
                let named = mentions.get(k).is_some_and(|x| x.span.end == head.len());
                let fits = match before {
                    Before::OneOf(words) => words.contains(&prev.as_str()),
                    Before::NoneOf(words) => !words.contains(&prev.as_str()),
                    Before::Any => true,
                };
                if !(named || fits) {
                    continue;
                }
            }
            let mut at = m.end;
            while let Some(name) = self.org_name_at(text, at) {
                out.push(name);
                // Only a plural descriptor takes a list.
                let rest = &text[name.end..];
                let joiner = [", and ", ", ", " and "].into_iter().find(|j| rest.starts_with(j));
                match joiner {
                    Some(j) if descriptor.ends_with('s') => at = name.end + j.len() - 1,
                    _ => break,
                }
            }
        }
    }

    /// The organisation's name after the space at `at` (see
    /// [`NameRules::described_orgs`]): up to five name words, which may be
    /// joined by `&` or `of`, ending before a title or a word that is never
    /// a name (`firm Gazprom Monday`). `None` where no name follows, or
    /// where it reads as a person's (`Elon Musk`).
    fn org_name_at(&self, text: &str, at: usize) -> Option<Span> {
        let rest = &text[at..];
        let gap = rest.len() - rest.trim_start().len();
        if gap == 0 || rest[..gap].matches('\n').count() > 1 {
            return None;
        }
        let (start, mut end, mut words) = (at + gap, at + gap, 0);
        let mut next = start;
        while let Some((len, ends)) = org_word(&text[next..]) {
            let word = &text[next..next + len];
            let bare = word.trim_end_matches('.');
            let never = NOT_NAMES.contains(&bare) || SENTENCE_WORDS.contains(&bare);
            // "bank I'm", "group Inc": no name starts with a pronoun or a legal form.
            let no_start = words == 0
                && (bare.starts_with(['I', 'i']) && bare[1..].starts_with(['\'', '’'])
                    || LEGAL_FORMS.contains(&bare));
            if never || no_start || self.is_title(word) {
                break;
            }
            (end, words) = (next + len, words + 1);
            // "Systems Inc. Has raised": a stop after a legal form ends the
            // name, unless another legal form follows ("Co. Ltd").
            let stop = word.ends_with('.') && LEGAL_FORMS.contains(&bare);
            if stop {
                let following = text[end..].split_whitespace().next().unwrap_or("");
                if !LEGAL_FORMS.contains(&following.trim_end_matches(['.', ',', ';'])) {
                    break;
                }
            }
            if ends || words == 5 {
                break;
            }
            let after = &text[end..];
            let spaces = after.len() - after.trim_start_matches(' ').len();
            if spaces == 0 {
                break;
            }
            next = end + spaces;
            for joiner in [
                "& ", "of ", "de ", "du ", "des ", "di ", "del ", "della ", "dello ", "der ",
                "sans ",
            ] {
                if text[next..].starts_with(joiner) {
                    next += joiner.len();
                }
            }
        }
        let name = &text[start..end];
        let first = name.split_whitespace().next()?;
        let person = words >= 2 && self.is_given(first);
        (!person).then_some(Span::new(start, end))
    }

    /// Whether `word` is one of the lexicon's titles (`Chancellor`, `Gen.`).
    fn is_title(&self, word: &str) -> bool {
        let word = word.trim_end_matches('.');
        self.title_words.contains(&word.to_ascii_lowercase())
    }

    /// `span` less the titles it starts with (`Cardinal Cormac
    /// Murphy-O'Connor`), keeping two words at least.
    fn without_titles(&self, text: &str, mut span: Span) -> Span {
        while let Some((first, rest)) = text[span.start..span.end].split_once(' ') {
            if !rest.contains(' ') || !self.is_title(first) {
                break;
            }
            span.start = span.end - rest.trim_start().len();
        }
        span
    }

    /// The sets of fixed strings the rules look for, each with whether
    /// ASCII case is ignored: titles, organisation words, place words.
    pub fn word_sets(&self) -> [(Vec<String>, bool); 3] {
        let (org, place) = rule_words();
        [(self.title_patterns.clone(), true), (org, false), (place, false)]
    }

    /// Adds rule mentions to `mentions` (kept sorted and non-overlapping)
    /// and the entities they name to `found`.
    pub fn find(
        &self,
        text: &str,
        sentences: &[Span],
        mentions: &mut Vec<Mention>,
        found: &mut Vec<Entity>,
    ) {
        let (org, place) = &*RULE_WORDS;
        let (titles, org, place) =
            (fixed::hits(&self.titles, text), fixed::hits(org, text), fixed::hits(place, text));
        let words = RuleWords { titles: &titles, org: &org, place: &place };
        self.find_with(text, sentences, words, mentions, found);
    }

    /// [`NameRules::find`] with the rule words already found, by one scan
    /// shared with other stages.
    pub fn find_with(
        &self,
        text: &str,
        sentences: &[Span],
        words: RuleWords,
        mentions: &mut Vec<Mention>,
        found: &mut Vec<Entity>,
    ) {
        let mut new: Vec<(Span, &'static str)> = Vec::new();
        // People of two words or more named after a title, sorted.
        let mut by_title = Vec::new();
        // The first mention starting at each byte, made on first use.
        let mut starting: Option<HashMap<usize, usize>> = None;
        // A person after a title or honorific.
        for m in words.titles {
            if !boundary(text, m.start, m.end) {
                continue;
            }
            let honorific = m.pattern < self.honorific_count;
            // Lower-case words that are titles only sometimes: "official
            // New York opening", "major New York banks".
            if ADJECTIVAL_TITLES.contains(&&text[m.start..m.end]) {
                continue;
            }
            // "envoy in Sudan Andrew Natsios": skip a known place after the title.
            let mut at = m.end;
            let rest = &text[at..];
            for prep in [" in ", " to ", " for "] {
                if rest.starts_with(prep) {
                    let starting = starting.get_or_insert_with(|| {
                        let mut first = HashMap::new();
                        for (i, x) in mentions.iter().enumerate() {
                            first.entry(x.span.start).or_insert(i);
                        }
                        first
                    });
                    if let Some(&i) = starting.get(&(at + prep.len())) {
                        at = mentions[i].span.end;
                    }
                }
            }
            // "Russia's foreign minister, Sergei Lavrov, said": a name set
            // off by commas after a title counts as well.
            let apposed = !honorific && text[at..].starts_with(", ");
            if apposed {
                at += 1;
            }
            if let Some(g) = person_after(&text[at..]) {
                let span = trim_name(text, Span::new(at + g.start, at + g.end), true);
                let span = without_possessive(text, self.without_titles(text, span));
                let words = text[span.start..span.end].split_whitespace().count();
                let closed = !apposed || text[span.end..].starts_with(',');
                if closed && (words >= 2 || (honorific && words == 1)) {
                    new.push((span, "PERSON"));
                    if words >= 2 && self.plain_name(&text[span.start..span.end]) {
                        by_title.push(span);
                    }
                }
            }
        }
        by_title.sort_unstable();
        // A person before an apposition that holds a title: "Lim Eul-chul, a professor at".
        for s in sentences {
            let sentence = &text[s.start..s.end];
            let mut from = 0;
            // A comma is found by memchr; `find(", ")` runs a two-way
            // substring search, slow for a needle this short.
            while let Some(i) = sentence[from..].find(',') {
                let comma = from + i;
                from = comma + 1;
                if sentence.as_bytes().get(from) != Some(&b' ') {
                    continue;
                }
                from = comma + 2;
                let tail = &sentence[from..];
                if !(tail.starts_with("a ") || tail.starts_with("an ") || tail.starts_with("the "))
                {
                    continue;
                }
                let end = tail.find([',', ';', '.']).unwrap_or(tail.len());
                let has_title = self.titles.find_iter(&tail[..end]).any(|m| {
                    m.pattern().as_usize() >= self.honorific_count
                        && boundary(&tail[..end], m.start(), m.end())
                });
                if !has_title {
                    continue;
                }
                // Only the words just before the comma matter; a bounded
                // window keeps long sentences with many commas linear.
                let mut lo = comma.saturating_sub(80);
                while !sentence.is_char_boundary(lo) {
                    lo += 1;
                }
                if let Some(c) = NAME_BEFORE_COMMA.captures(&sentence[lo..comma]) {
                    let g = c.get(1).unwrap();
                    let at = s.start + lo;
                    let span = trim_name(text, Span::new(at + g.start(), at + g.end()), true);
                    new.push((self.without_titles(text, span), "PERSON"));
                }
            }
        }
        // Found in text order: sorted, for a binary search.
        let mut by_given = Vec::new();
        self.given_name_persons(text, &mut new, &mut by_given);
        self.surname_persons(text, mentions, &mut new);
        let whole = [Span::new(0, text.len())];
        let sentences_or_whole = if sentences.is_empty() { &whole[..] } else { sentences };
        let heads: Vec<Hit>;
        let mut org_words = words.org;
        let mut described = Vec::new();
        if org_words.iter().any(|m| m.pattern >= *ORG_HEAD_COUNT) {
            self.described_orgs(text, org_words, mentions, &mut described);
            heads = org_words.iter().filter(|m| m.pattern < *ORG_HEAD_COUNT).copied().collect();
            org_words = &heads;
        }
        if !described.is_empty() {
            // "told Itar-Tass news agency Yeltsin was": one word that ends
            // a longer name of the document is that name's short form.
            let last_word = |s: Span| text[s.start..s.end].rsplit_once(' ').map(|(_, w)| w);
            let spans = mentions.iter().map(|m| m.span).chain(new.iter().map(|&(s, _)| s));
            let last_words: HashSet<&str> = spans.filter_map(last_word).collect();
            described.retain(|s| {
                let name = &text[s.start..s.end];
                name.contains(' ') || !last_words.contains(name)
            });
        }
        new.extend(described.iter().map(|&span| (span, "ORG")));
        for r in regions(text, sentences_or_whole, org_words) {
            let heads: Vec<usize> = org_words
                .iter()
                .filter(|m| m.start >= r.start && m.start < r.end)
                .map(|m| m.start - r.start)
                .collect();
            for m in org_matches(&text[r.start..r.end], &heads) {
                let mut span = Span::new(r.start + m.start, r.start + m.end);
                // "Conservative Party Co-Chairman": a word that runs on
                // across a hyphen was no head.
                if text[span.end..].starts_with('-') {
                    let name = &text[span.start..span.end];
                    span.end = span.start + name.rfind(char::is_whitespace).unwrap_or(0);
                }
                // "Daewoo Shipbuilding Co. Ltd.": the rule ends at the first
                // abbreviated legal form.
                let last = text[span.start..span.end].rsplit(' ').next().unwrap_or("");
                if LEGAL_FORMS.contains(&last.trim_end_matches('.')) {
                    span.end = after_legal_forms(text, span.end);
                }
                span.start = partners_before(text, span, mentions);
                for part in split_at_heads(text, self.after_office(text, span)) {
                    new.push((trim_name(text, part, false), "ORG"));
                }
            }
        }
        let places: Vec<Hit>;
        let mut place_words = words.place;
        if place_words.iter().any(|m| m.pattern >= *PLACE_WORD_COUNT) {
            for m in place_words.iter().filter(|m| m.pattern >= *PLACE_WORD_COUNT) {
                let Some(start) =
                    boundary(text, m.start, m.end).then(|| facility_name(text, m.start)).flatten()
                else {
                    continue;
                };
                // "Frankfurt airport", "a Gaza hospital": a known name with
                // the noun after it is that name's facility, not a name.
                let name = Span::new(start, m.start - 1);
                let k = mentions.partition_point(|x| x.span.end < name.end);
                if mentions.get(k).is_some_and(|x| x.span.start <= name.start) {
                    continue;
                }
                new.push((Span::new(start, m.end), FACILITIES[m.pattern - *PLACE_WORD_COUNT].1));
            }
            places =
                place_words.iter().filter(|m| m.pattern < *PLACE_WORD_COUNT).copied().collect();
            place_words = &places;
        }
        for r in regions(text, sentences_or_whole, place_words) {
            for c in PLACE.captures_iter(&text[r.start..r.end]) {
                let g = c.get(1).unwrap_or_else(|| c.get(0).unwrap());
                let span = Span::new(r.start + g.start(), r.start + g.end());
                new.push((trim_name(text, span, false), "PLACE"));
            }
        }
        let mut new: Vec<(Span, &str)> = new
            .into_iter()
            .flat_map(|(span, kind)| {
                let parts = if kind == "PERSON" {
                    [Some(span), None]
                } else {
                    owned(text, span, mentions, |w| self.is_given(w))
                };
                parts.into_iter().flatten().map(move |part| (part, kind))
            })
            .collect();
        new.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
        let mut ids: HashMap<(String, &str), u32> = HashMap::new();
        let mut last_end = 0;
        // Mentions a rule takes over are marked, and dropped at the end:
        // removed one by one, each would move the rest of a long list.
        let overlaps = Overlaps::new(mentions, new.len());
        let (known, mut removed) = (mentions.len(), Vec::new());
        for (span, kind) in new {
            if span.is_empty() || span.start < last_end {
                continue;
            }
            let name = &text[span.start..span.end];
            // A descriptor vouches for a one-word name ("airline Ryanair").
            let vouched = kind == "ORG" && described.contains(&span);
            if !(vouched || plausible(name, kind)) {
                continue;
            }
            // Hard-wrapped text puts newlines inside names; the entity's
            // name is the words joined by single spaces.
            let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            // A person rule never swallows a known name; an organisation or
            // place rule takes over the names inside it ("Sudan Liberation Movement").
            let inside = overlaps.inside(mentions, &removed, span);
            // "Boeing Co": a known name with its legal form after it is
            // still the known entity; its mention takes in the suffix.
            if let [i] = inside[..] {
                let known = mentions[i].span;
                let suffix = &text[known.end.min(span.end)..span.end];
                if kind == "ORG"
                    && self.is_firm(&mentions[i], found)
                    && known.start == span.start
                    && known.end < span.end
                    && legal_form(suffix)
                {
                    mentions[i].span.end = span.end;
                    last_end = span.end;
                    continue;
                }
            }
            // "Toyota and General Motors": two names, not one. Nor is a
            // known place or person, `of` and another known name ("arrests
            // in the West Bank of Islamic Jihad activists"): an
            // organisation named `X of Y` has a head word for X ("Bank of
            // England"), which names nothing alone.
            let joined = inside.windows(2).any(|w| {
                let (a, b) = (&mentions[w[0]], &mentions[w[1]]);
                text.get(a.span.end..b.span.start).is_some_and(|between| {
                    between == " and "
                        || between == " & "
                        || (between == " of "
                            && a.span.start == span.start
                            && !self.is_firm(a, found))
                })
            });
            if joined {
                continue;
            }
            if !inside.is_empty() {
                // "Fritz Henderson", "Richard Wagner": a given name makes the
                // town or organisation after it a surname; so does a title
                // before the name ("president Yotaro Iida").
                let surname = match inside[..] {
                    [i] => {
                        (by_given.binary_search(&span).is_ok()
                            || by_title.binary_search(&span).is_ok())
                            && self.known_surname(text, span, &mentions[i])
                    }
                    _ => false,
                };
                let swallow = (kind != "PERSON" || surname)
                    && inside.iter().all(|&i| span.contains(mentions[i].span));
                let grows = inside.iter().all(|&i| mentions[i].span != span);
                if !(swallow && grows) {
                    continue;
                }
                removed.resize(known, false);
                for &i in &inside {
                    removed[i] = true;
                }
            }
            let key = (name.clone(), kind);
            let index = *ids.entry(key).or_insert_with(|| {
                found.push(Entity {
                    id: format!("rule:{}:{}", kind.to_ascii_lowercase(), slug(&name)),
                    name: name.clone(),
                    kind: kind.to_string(),
                    attributes: Vec::new(),
                });
                (found.len() - 1) as u32
            });
            mentions.push(Mention {
                span,
                sentence: sentence_of(sentences, span.start),
                entity: EntityRef::Found(index),
                source: Source::Rule,
                demonym: false,
            });
            last_end = span.end;
        }
        if !removed.is_empty() {
            let mut k = 0;
            mentions.retain(|_| {
                k += 1;
                !removed.get(k - 1).copied().unwrap_or(false)
            });
        }
        mentions.sort_by_key(|m| m.span.start);
        repeat(text, sentences, mentions, found);
        // After the repeats: a team's name in a table is not spread over
        // the prose, where the town may be meant.
        self.teams(text, sentences, mentions, found);
    }

    /// Teams in the standings and result lines of sports reports, which
    /// name clubs by their towns (`Barnet 22 8 8 6 23 17 32`, `Chelsea 2
    /// Everton 1`): a town or an unknown name there is an organisation, not
    /// a place. A country stays a place, as national sides are written;
    /// a known organisation or person stays what it is. A result line
    /// counts in a document with a standings line, or with a town's name
    /// in it: `March 87 March 86` and `Oats 2 Unch 12` are market tables.
    fn teams(
        &self,
        text: &str,
        sentences: &[Span],
        mentions: &mut Vec<Mention>,
        found: &mut Vec<Entity>,
    ) {
        let (mut tables, mut results) = (Vec::new(), Vec::new());
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            // Score lines are short, open with a capital and hold a digit.
            let short = line.len() <= 160
                && line.trim_start().starts_with(|c: char| c.is_ascii_uppercase());
            if short && line.bytes().any(|b| b.is_ascii_digit()) {
                score_line_names(line, at, &mut tables, &mut results);
            }
            at += line.len();
        }
        if tables.is_empty() && results.is_empty() {
            return;
        }
        // The mentions sharing a byte with `span`: mentions are sorted by
        // start and do not overlap, so they end just before the first one
        // starting after it.
        let inside = |mentions: &[Mention], span: Span| -> Range<usize> {
            let end = mentions.partition_point(|m| m.span.start < span.end);
            let start =
                mentions[..end].iter().rposition(|m| m.span.end <= span.start).map_or(0, |i| i + 1);
            start..end
        };
        let sports = !tables.is_empty();
        let named = |pair: &[Span]| {
            pair.iter().any(|&s| mentions[inside(mentions, s)].iter().any(|m| self.is_town(m)))
        };
        let mut names = tables;
        for pair in results.chunks(2) {
            if sports || named(pair) {
                names.extend_from_slice(pair);
            }
        }
        let replaceable = |m: &Mention| match m.entity {
            EntityRef::Known(_) => self.is_town(m),
            EntityRef::Found(i) => found[i as usize].kind != "ORG",
        };
        let mut teams = Vec::new();
        let mut removed = vec![false; mentions.len()];
        for span in names {
            let range = inside(mentions, span);
            let others = &mentions[range.clone()];
            if others.iter().all(|m| span.contains(m.span) && replaceable(m)) {
                removed[range].fill(true);
                teams.push(span);
            }
        }
        if teams.is_empty() {
            return;
        }
        let mut k = 0;
        mentions.retain(|_| {
            k += 1;
            !removed[k - 1]
        });
        let mut ids: HashMap<String, usize> = HashMap::new();
        for span in teams {
            let name = text[span.start..span.end].split_whitespace().collect::<Vec<_>>().join(" ");
            let index = *ids.entry(name).or_insert_with_key(|name| {
                let same = |e: &Entity| e.kind == "ORG" && e.name == *name;
                if let Some(i) = found.iter().position(same) {
                    return i;
                }
                found.push(Entity {
                    id: format!("rule:org:{}", slug(name)),
                    name: name.clone(),
                    kind: "ORG".to_string(),
                    attributes: Vec::new(),
                });
                found.len() - 1
            });
            mentions.push(Mention {
                span,
                sentence: sentence_of(sentences, span.start),
                entity: EntityRef::Found(index as u32),
                source: Source::Rule,
                demonym: false,
            });
        }
        mentions.sort_by_key(|m| m.span.start);
    }
}

/// Months and weekdays, full and abbreviated: a line they open is a market
/// table (`DEC 0 JAN 0`), not a team's.
const CALENDAR_WORDS: &[&str] = &[
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The team names of `line` (starting at byte `at` of the text), as byte
/// spans of the text: into `tables` if it is a standings line whose
/// numbers add up as standings do (played = won + drawn + lost; a winning
/// percentage of won and lost; ice hockey's points = 2 × won + tied), into
/// `results` (two at a time) if it is a result (`Chelsea 2 Everton 1`).
fn score_line_names(line: &str, at: usize, tables: &mut Vec<Span>, results: &mut Vec<Span>) {
    let base = line.as_ptr() as usize;
    let words: Vec<(usize, &str)> =
        line.split_whitespace().map(|w| (w.as_ptr() as usize - base, w)).collect();
    let int = |w: &str, digits: usize| {
        ((1..=digits).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse::<u32>().ok())
            .flatten()
    };
    let name_word = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_uppercase())
            && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '-' | '&'))
    };
    let calendar =
        |w: &str| CALENDAR_WORDS.iter().any(|c| c.eq_ignore_ascii_case(w.trim_end_matches('.')));
    // The name words from `k`: one to four, not opening with a month or
    // weekday (`Sheffield Wednesday` is a club).
    let name = |k: usize| {
        let n = words[k..].iter().take_while(|(_, w)| name_word(w)).count();
        ((1..=4).contains(&n) && !calendar(words[k].1)).then_some(n)
    };
    let span = |k: usize, n: usize| {
        let (first, last) = (words[k], words[k + n - 1]);
        Span::new(at + first.0, at + last.0 + last.1.len())
    };
    let Some(n) = name(0) else { return };
    let rest = &words[n..];
    let numbers: Vec<u32> = rest.iter().map_while(|(_, w)| int(w, 3)).collect();
    let standings = if numbers.len() == rest.len() {
        let n = &numbers;
        (n.len() >= 7 && n[0] > 0 && n[0] == n[1] + n[2] + n[3])
            || (n.len() == 6 && n[0] + n[1] > 0 && n[5] == 2 * n[0] + n[2])
    } else {
        // Won, lost and the share won: `DALLAS 6 11 .353 9`.
        match (&numbers[..], rest.get(numbers.len())) {
            (&[won, lost], Some((_, pct))) if won + lost > 0 && pct.starts_with('.') => {
                let share =
                    pct[1..].parse::<f64>().ok().map(|p| p / 10f64.powi(pct.len() as i32 - 1));
                share.is_some_and(|p| (p - f64::from(won) / f64::from(won + lost)).abs() < 0.001)
            }
            _ => false,
        }
    };
    if standings {
        tables.push(span(0, n));
        return;
    }
    if rest.len() >= 3 && int(rest[0].1, 3).is_some() {
        if let Some(m) = name(n + 1) {
            if words.len() == n + 1 + m + 1 && int(words[n + 1 + m].1, 3).is_some() {
                results.push(span(0, n));
                results.push(span(n + 1, m));
            }
        }
    }
}

/// Which mentions a rule's name overlaps. With few names or few mentions,
/// a scan of the list; otherwise the starts of the mentions there were
/// before the rules' names, sorted once ([`super::Starts`]), so
/// that a long document with thousands of names and mentions is not read
/// in full for each name. The names come in order and do not overlap one
/// another, so a mention a name adds never overlaps a later name.
struct Overlaps {
    /// The mentions' starts, when it pays.
    sorted: Option<super::Starts>,
}

impl Overlaps {
    fn new(mentions: &[Mention], names: usize) -> Overlaps {
        Overlaps { sorted: super::Starts::new(mentions, names) }
    }

    /// The indexes, in order, of the mentions not `removed` that share a
    /// byte with `span`.
    fn inside(&self, mentions: &[Mention], removed: &[bool], span: Span) -> Vec<usize> {
        let keep = |&i: &usize| {
            !removed.get(i).copied().unwrap_or(false) && span.overlaps(mentions[i].span)
        };
        let Some(sorted) = &self.sorted else {
            return (0..mentions.len()).filter(keep).collect();
        };
        let mut inside: Vec<usize> = sorted.near(span).filter(keep).collect();
        inside.sort_unstable();
        inside
    }
}

/// A name a rule found once is the same entity wherever else the document
/// writes it: "met Lam Akol" after "Foreign Minister Lam Akol".
fn repeat(text: &str, sentences: &[Span], mentions: &mut Vec<Mention>, found: &[Entity]) {
    // Each entity's first mention, in one pass: the repeats inserted below
    // are of the entity at hand, so they never change a later one's first.
    let mut first: Vec<Option<Span>> = vec![None; found.len()];
    for m in mentions.iter() {
        if let EntityRef::Found(i) = m.entity {
            if let Some(f) = first.get_mut(i as usize) {
                f.get_or_insert(m.span);
            }
        }
    }
    let names: Vec<(usize, &str)> = first
        .iter()
        .zip(found)
        .enumerate()
        .filter_map(|(i, (span, entity))| {
            let span = (*span)?;
            (!entity.kind.is_empty()).then(|| (i, &text[span.start..span.end]))
        })
        .collect();
    let occurrences = occurrences(text, &names);
    // Many repeats of one document go in by one merge: inserted one by one
    // into a long list of mentions, each would move the rest of it.
    if occurrences.len() <= ONE_MERGE_REPEATS || occurrences.iter().any(|&(.., len)| len == 0) {
        insert_repeats(text, sentences, mentions, occurrences);
    } else {
        merge_repeats(text, sentences, mentions, occurrences);
    }
}

/// Above this many occurrences of rule-found names, [`merge_repeats`]
/// adds their repeats rather than [`insert_repeats`].
const ONE_MERGE_REPEATS: usize = 64;

/// The repeat at `start..start + len` of found entity `index`.
fn repeat_mention(sentences: &[Span], index: usize, start: usize, len: usize) -> Mention {
    Mention {
        span: Span::new(start, start + len),
        sentence: sentence_of(sentences, start),
        entity: EntityRef::Found(index as u32),
        source: Source::Rule,
        demonym: false,
    }
}

/// Adds a mention at each of `occurrences` (see [`occurrences`]) that
/// stands alone and overlaps no mention before it in `mentions` (sorted by
/// start), nor a repeat added before.
fn insert_repeats(
    text: &str,
    sentences: &[Span],
    mentions: &mut Vec<Mention>,
    occurrences: Vec<(usize, usize, usize)>,
) {
    for (index, start, len) in occurrences {
        let span = Span::new(start, start + len);
        // Inserted in place, so that a repeat of one name never overlaps a
        // mention or a repeat of another (`J` in `J.`).
        let k = mentions.partition_point(|m| m.span.start < span.end);
        let taken = k > 0 && mentions[k - 1].span.end > span.start;
        if taken || !boundary(text, span.start, span.end) {
            continue;
        }
        mentions.insert(k, repeat_mention(sentences, index, start, len));
    }
}

/// [`insert_repeats`] for non-empty occurrences, with the mentions keyed
/// by (start, place) in an ordered map and the repeats merged in at the
/// end. `insert_repeats` keeps `mentions` sorted by start, a repeat after
/// every mention starting where it does (a mention starting inside it
/// would have taken its place), so that a repeat's key is (its start, one
/// past every place so far).
fn merge_repeats(
    text: &str,
    sentences: &[Span],
    mentions: &mut Vec<Mention>,
    occurrences: Vec<(usize, usize, usize)>,
) {
    let mut ends: BTreeMap<(usize, usize), usize> =
        mentions.iter().enumerate().map(|(i, m)| ((m.span.start, i), m.span.end)).collect();
    let mut added: Vec<((usize, usize), Mention)> = Vec::new();
    for (index, start, len) in occurrences {
        let span = Span::new(start, start + len);
        // The last mention starting before the repeat ends.
        let before = ends.range(..(span.end, 0)).next_back();
        let taken = before.is_some_and(|(_, &end)| end > span.start);
        if taken || !boundary(text, span.start, span.end) {
            continue;
        }
        let key = (span.start, mentions.len() + added.len());
        ends.insert(key, span.end);
        added.push((key, repeat_mention(sentences, index, start, len)));
    }
    if added.is_empty() {
        return;
    }
    // Every key differs: one sort puts the repeats in their places.
    let mut all: Vec<((usize, usize), Mention)> = std::mem::take(mentions)
        .into_iter()
        .enumerate()
        .map(|(i, m)| ((m.span.start, i), m))
        .collect();
    all.extend(added);
    all.sort_unstable_by_key(|&(key, _)| key);
    mentions.extend(all.into_iter().map(|(_, m)| m));
}

/// Above this many names, [`occurrences`] finds them all in one pass over
/// the text rather than one pass each: a long document with thousands of
/// names (a transcript, a list) would otherwise take time in proportion to
/// their number times its length.
const ONE_PASS_NAMES: usize = 16;

/// Where each name of `names` (entity index, name) occurs in `text`, as
/// `str::match_indices` finds them (left to right, not overlapping one
/// another): (entity index, start, length), by entity index, then start.
pub(crate) fn occurrences<'t>(
    text: &'t str,
    names: &[(usize, &'t str)],
) -> Vec<(usize, usize, usize)> {
    // memmem's SIMD search, several times faster than `match_indices`'
    // two-way search, finds the same non-overlapping occurrences; an
    // empty name would match inside characters, so it keeps the latter.
    let each = |(i, name): (usize, &'t str)| -> Vec<(usize, usize, usize)> {
        if name.is_empty() {
            return text.match_indices(name).map(|(s, m)| (i, s, m.len())).collect();
        }
        memchr::memmem::find_iter(text.as_bytes(), name).map(|s| (i, s, name.len())).collect()
    };
    // An empty name (if any) is left to `match_indices`, which finds it
    // at every character boundary.
    let (empty, named): (Vec<_>, Vec<_>) = names.iter().copied().partition(|(_, n)| n.is_empty());
    if named.len() <= ONE_PASS_NAMES {
        return names.iter().copied().flat_map(each).collect();
    }
    let mut distinct: HashMap<&str, usize> = HashMap::new();
    let mut patterns: Vec<&str> = Vec::new();
    for (_, name) in &named {
        distinct.entry(name).or_insert_with(|| {
            patterns.push(name);
            patterns.len() - 1
        });
    }
    let Ok(automaton) = AhoCorasick::new(&patterns) else {
        return names.iter().copied().flat_map(each).collect();
    };
    // Every occurrence, overlaps included; then each name's own
    // occurrences that do not overlap the one it kept before.
    let mut kept: Vec<Vec<usize>> = vec![Vec::new(); patterns.len()];
    let mut next_free = vec![0; patterns.len()];
    for m in automaton.find_overlapping_iter(text) {
        let p = m.pattern().as_usize();
        if m.start() >= next_free[p] {
            kept[p].push(m.start());
            next_free[p] = m.end();
        }
    }
    let mut out: Vec<(usize, usize, usize)> = named
        .iter()
        .flat_map(|&(i, name)| {
            let p = distinct[name];
            kept[p].iter().map(move |&s| (i, s, name.len()))
        })
        .collect();
    out.extend(empty.into_iter().flat_map(each));
    out.sort_by_key(|&(i, s, _)| (i, s));
    out
}

/// Last words of events and things, not of people (`Davis Cup`,
/// `Consumer Electronics Show`, `European Currency Unit`).
const THING_WORDS: &[&str] = &[
    "Cup",
    "Championship",
    "Championships",
    "Games",
    "Open",
    "Show",
    "Festival",
    "Awards",
    "Award",
    "Prize",
    "Olympics",
    "Program",
    "Programme",
    "System",
    "Unit",
    "Units",
    "Index",
    "Act",
    "Bill",
    "Treaty",
    "Accord",
    "Agreement",
    "Plan",
    "War",
    "Summit",
    "Conference",
];

/// A guess at the type of a capitalised name no rule typed: an
/// organisation by a head word, a place by its last word (`Oblast`, `Sea`,
/// `Zone`), a person if it has two or three plain words; `None` for titles,
/// months, spans of time, events, names opening with a people or faith
/// (`Sunni Arab`) and words in capitals (table headings: `CLOSE SETT
/// PSETT`).
///
/// ```
/// use gazette::extract::names::guess_kind;
/// assert_eq!(guess_kind("Azov Brigade"), Some("ORG"));
/// assert_eq!(guess_kind("Kherson Oblast"), Some("PLACE"));
/// assert_eq!(guess_kind("Aegean Sea"), Some("PLACE"));
/// assert_eq!(guess_kind("Lim Eul-chul"), Some("PERSON"));
/// assert_eq!(guess_kind("Prime Minister"), None);
/// assert_eq!(guess_kind("Pay Aug"), None);
/// assert_eq!(guess_kind("LAST BUYER SELLER"), None);
/// assert_eq!(guess_kind("Davis Cup"), None);
/// assert_eq!(guess_kind("Green Zone"), Some("PLACE"));
/// assert_eq!(guess_kind("Tamil Tiger"), None);
/// assert_eq!(guess_kind("Islamic Courts Union"), Some("ORG"));
/// ```
pub fn guess_kind(name: &str) -> Option<&'static str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let last = *words.last()?;
    let calendar = |w: &str| {
        let w = w.trim_end_matches('.');
        PERIOD_WORDS.iter().any(|c| c.eq_ignore_ascii_case(w))
    };
    let capitals = |w: &str| w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    if words.iter().all(|w| capitals(w))
        || words.iter().any(|w| calendar(w))
        || THING_WORDS.contains(&last)
    {
        return None;
    }
    const PLACE_LAST: &[&str] = &[
        "Oblast",
        "Province",
        "Region",
        "District",
        "County",
        "Governorate",
        "Krai",
        "Sea",
        "Ocean",
        "Strait",
        "Island",
        "Islands",
        "Peninsula",
        "Mountains",
        "Valley",
        "River",
        "Desert",
        "Plateau",
        "Basin",
        "Zone",
        "Strip",
        "Heights",
        "Corridor",
        "Canal",
        "Gulf",
        "Bay",
        "Lake",
        "Coast",
        "Square",
        "Camp",
    ];
    if PLACE_LAST.contains(&last) {
        return Some("PLACE");
    }
    if words.iter().any(|w| ORG_WORDS.contains(w) || ORG_HEAD_WORDS.contains(w)) {
        return Some("ORG");
    }
    // "Tamil Tiger", "Sunni Arab": a people or faith, or a group named by
    // one (`Islamic Courts Union`, with a head word, is an ORG above).
    const PEOPLE_WORDS: &[&str] = &[
        "Sunni",
        "Shia",
        "Shiite",
        "Muslim",
        "Moslem",
        "Islamic",
        "Islamist",
        "Christian",
        "Catholic",
        "Protestant",
        "Orthodox",
        "Jewish",
        "Hindu",
        "Sikh",
        "Buddhist",
        "Alawite",
        "Druze",
        "Coptic",
        "Maronite",
        "Kurdish",
        "Tamil",
        "Pashtun",
        "Hutu",
        "Tutsi",
        "Arab",
    ];
    if PEOPLE_WORDS.contains(&words[0]) {
        return None;
    }
    let plain = words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase) && !NOT_NAMES.contains(w));
    (plain && (2..=3).contains(&words.len())).then_some("PERSON")
}

/// Head words of organisation names, for [`guess_kind`].
const ORG_HEAD_WORDS: &[&str] = &[
    "Brigade",
    "Battalion",
    "Regiment",
    "Division",
    "Foundation",
    "Association",
    "Organization",
    "Organisation",
    "Centre",
    "Center",
    "Academy",
    "Federation",
    "Directorate",
    "Administration",
    "Alliance",
    "Coalition",
    "Movement",
    "Front",
    "Corps",
    "Guard",
    "Guards",
    "Agency",
    "Institute",
];

/// `span` without a leading article or sentence-starting word ("During
/// Ukrainian …", "The Azov Brigade").
pub fn trim_sentence_start(text: &str, span: Span) -> Span {
    trim_name(text, span, false)
}

/// Whether a rule's candidate reads like a name of that kind: organisations
/// have two words or more; people contain no title or organisation word
/// ("General Motors Corp" is not a person after the title "General").
fn plausible(name: &str, kind: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.iter().all(|w| NOT_NAMES.contains(w)) {
        return false;
    }
    match kind {
        "ORG" => words.len() >= 2,
        // "the city of S&#227;o Paulo": one letter is no place's name.
        "PLACE" => name.chars().filter(|c| c.is_alphabetic()).nth(1).is_some(),
        "PERSON" => !words.iter().any(|w| {
            let w = w.trim_end_matches('.');
            NOT_NAMES.contains(&w) || ORG_WORDS.contains(&w)
        }),
        _ => true,
    }
}

/// Words that make a capitalised sequence an organisation, never a person.
const ORG_WORDS: &[&str] = &[
    "Corp",
    "Inc",
    "Ltd",
    "Co",
    "Corporation",
    "Company",
    "Group",
    "Bank",
    "Motors",
    "Airlines",
    "Industries",
    "International",
    "Holdings",
    "Party",
    "Ministry",
    "Council",
    "Committee",
    "Commission",
    "Agency",
    "Institute",
    "University",
    "Army",
    "Navy",
    "Force",
    "Forces",
    "News",
    "Times",
    "Post",
    "Press",
    "Office",
    "Department",
    "Court",
    "Union",
    "League",
    "Street",
    "Avenue",
    "Square",
    "Reserve",
    "Exchange",
    "Market",
    "Markets",
    "Cup",
    "Nations",
    "Games",
    "Open",
    "Club",
    "United",
    "City",
    "Capital",
    "Partners",
    "Fund",
    "Securities",
];

/// `span` up to its first paragraph break, without the words in capitals
/// at its end: a byline's name ends there, before a dateline
/// (`By Zhu Jianhui\n\nJERUSALEM, Nov. 26`).
fn within_paragraph(text: &str, span: Span) -> Span {
    let name = &text[span.start..span.end];
    let mut end = name.len();
    if let Some(i) = name.find('\n') {
        if name[i + 1..].trim_start_matches([' ', '\t', '\r']).starts_with('\n') {
            end = i;
        }
    }
    let mut kept = name[..end].trim_end();
    while let Some((head, last)) = kept.rsplit_once(char::is_whitespace) {
        let capitals = last.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !last.chars().any(char::is_lowercase);
        if !capitals {
            break;
        }
        kept = head.trim_end();
    }
    Span::new(span.start, span.start + kept.len())
}

/// `span` up to its first possessive `'s`, which ends a name (`Alan
/// Budd's`, `Eddie O'Sullivan's Triple Crown`).
fn without_possessive(text: &str, span: Span) -> Span {
    let name = &text[span.start..span.end];
    let end = ["'s", "’s"]
        .iter()
        .filter_map(|p| {
            name.match_indices(p)
                .map(|(i, _)| i)
                .find(|&i| name[i + p.len()..].chars().next().is_none_or(char::is_whitespace))
        })
        .min()
        .unwrap_or(name.len());
    Span::new(span.start, span.start + end)
}

/// Whether `first` may be a given name: a capital and lower-case ASCII
/// letters, at least three, perhaps joined by a hyphen (`Jean-Claude`).
fn is_given_name_form(first: &str) -> bool {
    first.len() >= 3
        && first.split('-').all(|part| {
            let mut bytes = part.bytes();
            bytes.next().is_some_and(|b| b.is_ascii_uppercase())
                && bytes.len() >= 1
                && bytes.all(|b| b.is_ascii_lowercase())
        })
}

/// Whether the word before byte `at` (across spaces on the same line) is
/// a capitalised word that may belong to a name: then a given name at `at`
/// is the middle of a longer name (`Queens Park Rangers`, `Buenos Aires`).
/// Sentence-opening words and titles do not count (`In`, `President`).
fn after_name_word(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\t']);
    if before.len() == at {
        return false;
    }
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '-' || c == '\'' || c == '’')
        .last()
        .map_or(before.len(), |(i, _)| i);
    let word = &before[word_start..];
    word.chars().next().is_some_and(char::is_uppercase)
        && !NOT_NAMES.contains(&word)
        && !SENTENCE_WORDS.contains(&word)
}

/// Whether `word` names things rather than people: a head or other word
/// of organisations' names, or one that is never a surname (`Bank`, `Group`).
fn not_a_name_word(word: &str) -> bool {
    HEAD_WORDS.contains(word) || ORG_WORDS.contains(&word) || NOT_SURNAMES.contains(&word)
}

/// Whether `text` also writes the capitalised `word` all in lower case, as
/// a word of its own: then it is an ordinary word (`Defender`, `Striker`).
pub(crate) fn written_in_lower_case(text: &str, word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    memchr::memmem::find_iter(text.as_bytes(), &lower)
        .any(|at| boundary(text, at, at + lower.len()))
}

/// Whether `before` ends with the word `and` or `&`: an initial after it
/// is most often a firm's (`E.D. and F. Man`) or an abbreviation's (`S and P.`).
fn after_and(before: &str) -> bool {
    let before = before.trim_end();
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    matches!(word, "and" | "And" | "AND" | "&") || before.ends_with(".And")
}

/// Whether `rest`, the text after a name, opens with what ends a firm's
/// name: `and Co Ltd`, `& Co`, `PLC`, `Inc`, `Associates`.
fn firm_after(rest: &str) -> bool {
    let rest = rest.trim_start();
    let rest = ["and ", "& "].iter().find_map(|a| rest.strip_prefix(a)).unwrap_or(rest);
    let word = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    not_a_name_word(word)
}

/// Drops a leading article or sentence-initial word and trailing punctuation.
/// With `titles`, leading titles go too ("Col", "General"); organisation
/// names keep them ("General Motors Corp").
fn trim_name(text: &str, span: Span, titles: bool) -> Span {
    let mut s = span;
    let t = &text[s.start..s.end];
    for article in ["The ", "the "] {
        if let Some(rest) = t.strip_prefix(article) {
            s.start = s.end - rest.len();
        }
    }
    let t = &text[s.start..s.end];
    let mut trimmed = t.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
    // Connectors the organisation pattern may have run on into.
    while let Some((head, last)) = trimmed.rsplit_once(char::is_whitespace) {
        if !["and", "of", "for", "the", "on"].contains(&last) {
            break;
        }
        trimmed = head.trim_end();
    }
    s.end = s.start + trimmed.len();
    // Leading words that are never part of a name ("During Institute …",
    // "the Israeli-backed South Lebanon Army").
    loop {
        let t = &text[s.start..s.end];
        match t.split_once(char::is_whitespace) {
            Some((first, rest))
                if !rest.is_empty()
                    && (SENTENCE_WORDS.contains(&first)
                        || compound_modifier(first)
                        || (titles && NOT_NAMES.contains(&first))) =>
            {
                s.start = s.end - rest.trim_start().len();
            }
            _ => break,
        }
    }
    s
}

/// A name written after its owner and `'s`, as two: "Texas Air Corp's
/// Continental Airlines" names Texas Air Corp and Continental Airlines;
/// "China's Shanxi Province" Shanxi Province alone, as the owner is a known
/// name (a mention in `mentions`, which are in order, from the span's
/// start), and "Harold Wilson's Labour Party" Labour Party, as the owner
/// opens with a given name (`given`) and is left to the person rules.
/// Otherwise the owner must end in a head word: other words with `'s`
/// belong to the name (`Moody's Investors Service`, `People's Party`,
/// `Lord's Resistance Army`), and the span is kept whole.
fn owned(
    text: &str,
    span: Span,
    mentions: &[Mention],
    given: impl Fn(&str) -> bool,
) -> [Option<Span>; 2] {
    let whole = [Some(span), None];
    let name = &text[span.start..span.end];
    let Some((at, mark)) = name.char_indices().find_map(|(i, c)| {
        let mark = ['\'', '’'].contains(&c).then(|| c.len_utf8() + 1)?;
        let after = name.get(i + c.len_utf8()..)?;
        (after.starts_with('s') && after[1..].starts_with(char::is_whitespace)).then_some((i, mark))
    }) else {
        return whole;
    };
    let owner = Span::new(span.start, span.start + at);
    let rest = text[owner.end + mark..span.end].trim_start();
    if !rest.starts_with(char::is_uppercase) {
        return whole;
    }
    let rest = Span::new(span.end - rest.len(), span.end);
    let k = mentions.partition_point(|m| m.span.start < span.start);
    let words = &text[owner.start..owner.end];
    // Not `Simon and Schuster's International Group`: a person's name has
    // no connector.
    let person = words.split_once(char::is_whitespace).is_some_and(|(first, _)| given(first))
        && words.split_whitespace().all(|w| w.starts_with(char::is_uppercase));
    if person
        || mentions[k..].iter().take_while(|m| m.span.start == span.start).any(|m| m.span == owner)
    {
        return [None, Some(rest)];
    }
    let last = words.rsplit(char::is_whitespace).next().unwrap_or("");
    if HEAD_WORDS.contains(last) || LEGAL_FORMS.contains(&last.trim_end_matches('.')) {
        return [Some(owner), Some(rest)];
    }
    whole
}

/// Whether `word` is a hyphened modifier that says who backs, leads or
/// holds what follows (`Israeli-backed`, `Saudi-led`, `London-based`):
/// it comes before a name, never in one.
fn compound_modifier(word: &str) -> bool {
    const PARTS: &[&str] = &[
        "backed",
        "led",
        "based",
        "run",
        "controlled",
        "owned",
        "funded",
        "allied",
        "linked",
        "affiliated",
        "dominated",
        "supported",
        "sponsored",
        "aligned",
        "held",
        "armed",
        "trained",
        "installed",
        "appointed",
        "headquartered",
    ];
    word.rsplit_once('-').is_some_and(|(head, part)| !head.is_empty() && PARTS.contains(&part))
}

fn boundary(text: &str, start: usize, end: usize) -> bool {
    super::stands_alone(text, start, end, char::is_alphanumeric)
}

/// A lower-case, hyphen-joined form of a name for generated ids.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::gazetteer::GazetteerBuilder;

    /// Merged in at the end, the repeats and their order are those inserted
    /// one by one: random mentions (overlapping, some starting together)
    /// and occurrences over a short text.
    #[test]
    fn merged_repeats_as_inserted() {
        let text = "ab cd-ef gh ij.kl mn op qr st uv wx yz ab cd ef gh ij kl mn op";
        let mut random = crate::testing::xorshift(0x2545_f491_4f6c_dd1d_u64);
        let mut next = |n: usize| (random() % n as u64) as usize;
        let mut added = 0;
        for _ in 0..3_000 {
            let span = |next: &mut dyn FnMut(usize) -> usize| {
                let start = next(text.len() - 1);
                (start, 1 + next(6.min(text.len() - start)))
            };
            let mut mentions: Vec<Mention> = (0..next(12))
                .map(|_| {
                    let (start, len) = span(&mut next);
                    repeat_mention(&[], next(3), start, len)
                })
                .collect();
            mentions.sort_by_key(|m| m.span.start);
            let occurrences: Vec<(usize, usize, usize)> = (0..next(90))
                .map(|_| {
                    let (start, len) = span(&mut next);
                    (next(5), start, len)
                })
                .collect();
            let (mut one, mut merged) = (mentions.clone(), mentions.clone());
            insert_repeats(text, &[], &mut one, occurrences.clone());
            merge_repeats(text, &[], &mut merged, occurrences);
            assert_eq!(format!("{one:?}"), format!("{merged:?}"));
            added += one.len() - mentions.len();
        }
        assert!(added > 1_000, "only {added} repeats added");
    }

    /// The sorted starts find the overlapping mentions a scan finds:
    /// random mentions (in any order, overlapping, some empty), some
    /// removed, against spans in order.
    #[test]
    fn overlaps_as_a_scan() {
        let mut random = crate::testing::xorshift(0x2545_f491_4f6c_dd1d_u64);
        let mut next = |n: u64| (random() % n) as usize;
        let mut found = 0;
        for _ in 0..2_000 {
            let mentions: Vec<Mention> = (0..next(60))
                .map(|_| {
                    let (start, long) = (next(300), next(4) == 0);
                    repeat_mention(&[], 0, start, next(if long { 40 } else { 6 }))
                })
                .collect();
            let removed: Vec<bool> = mentions.iter().map(|_| next(5) == 0).collect();
            let (scan, sorted) =
                (Overlaps::new(&mentions, 0), Overlaps::new(&mentions, usize::MAX));
            assert!(scan.sorted.is_none() && sorted.sorted.is_some() != mentions.is_empty());
            let mut at = 0;
            while at < 320 {
                let span = Span::new(at, at + next(15));
                at = span.end + next(10);
                let want = scan.inside(&mentions, &removed, span);
                assert_eq!(sorted.inside(&mentions, &removed, span), want, "{span:?}");
                found += want.len();
            }
        }
        assert!(found > 10_000, "only {found} overlaps");
    }

    /// In one pass or name by name, the occurrences are those
    /// `match_indices` finds for each name, in the same order: names that
    /// overlap themselves (`aa`), contain one another or are the same for
    /// two entities, and an empty one.
    #[test]
    fn occurrences_as_match_indices() {
        let pieces = ["a", "aa", "b", "Ab", "ab ", " ", "-", "é", "Lam Akol", "Akol", "x"];
        let texts: Vec<String> = crate::testing::generated_texts(&pieces, 2_000, 24).collect();
        let mut found = 0;
        for (n, text) in texts.iter().enumerate() {
            // Names cut from the other texts, so that many occur.
            let mut names: Vec<(usize, &str)> = (0..24)
                .map(|k| {
                    let other = &texts[(n * 31 + k * 7) % texts.len()];
                    let end = other.char_indices().nth(1 + k % 5).map_or(other.len(), |(i, _)| i);
                    (k, &other[..end])
                })
                .collect();
            names.push((24, names[3].1));
            names.push((25, ""));
            for few in [names.len(), ONE_PASS_NAMES] {
                let names = &names[..few];
                let mut want: Vec<(usize, usize, usize)> = names
                    .iter()
                    .flat_map(|&(i, name)| {
                        text.match_indices(name).map(move |(s, m)| (i, s, m.len()))
                    })
                    .collect();
                want.sort_by_key(|&(i, s, _)| (i, s));
                let got = occurrences(text, names);
                assert_eq!(got, want, "{text:?} {names:?}");
                found += got.len();
            }
        }
        assert!(found > 10_000, "only {found} occurrences");
    }

    /// The mentions `g` finds in `text`, as the pipeline makes them.
    fn gazetteer_mentions(g: &Gazetteer, text: &str) -> Vec<Mention> {
        g.find(text)
            .into_iter()
            .map(|m| Mention {
                span: m.span,
                sentence: 0,
                entity: EntityRef::Known(m.entity),
                source: Source::Gazetteer,
                demonym: m.demonym,
            })
            .collect()
    }

    fn run(text: &str) -> Vec<String> {
        let lexicon = Lexicon::with_defaults().unwrap();
        let rules = NameRules::new(&lexicon);
        let mut b = GazetteerBuilder::new();
        b.add_file(
            "t.tsv",
            "id\tname\ttype\taliases\tdemonyms\tattributes\nQ1\tSudan\tPLACE\t\tSudanese\t\nQ2\tPat Ryder\tPERSON\t\t\t\n",
        );
        let g = b.build().unwrap();
        let mut mentions = gazetteer_mentions(&g, text);
        let mut found = Vec::new();
        let sentences = [Span::new(0, text.len())];
        rules.find(text, &sentences, &mut mentions, &mut found);
        mentions
            .iter()
            .filter_map(|m| match m.entity {
                EntityRef::Found(i) => {
                    Some(format!("{} {}", found[i as usize].kind, &text[m.span.start..m.span.end]))
                }
                EntityRef::Known(_) => None,
            })
            .collect()
    }

    /// Gazetteer rows for the given-name tests.
    const GIVEN_ROWS: &str = "Q1\tIgor Ivanov\tPERSON\t\t\t\nQ2\tMark Rutte\tPERSON\t\t\t\n\
         Q3\tVictoria\tPLACE\t\t\t\nQ4\tVictoria Nuland\tPERSON\t\t\t\n\
         Q5\tGrand Duke Henri\tPERSON\t\t\t\nQ6\tKing Charles\tPERSON\t\t\t\n\
         Q7\tZhu Rongji\tPERSON\t\t\t\nQ8\tGeorge Shultz\tPERSON\t\t\t\n\
         Q9\tHenderson\tPLACE\t\t\tkind=city\nQ10\tJordan\tPLACE\t\t\tkind=country\n";

    /// The rules with given names from a small gazetteer of people.
    fn run_given(text: &str) -> Vec<String> {
        let (mentions, _) = run_with_given(GIVEN_ROWS, text);
        mentions
            .iter()
            .filter(|m| m.source == Source::Rule)
            .map(|m| text[m.span.start..m.span.end].to_string())
            .collect()
    }

    /// The mentions and found entities of the rules with given names, over
    /// a gazetteer of `rows` (its header added).
    fn run_with_given(rows: &str, text: &str) -> (Vec<Mention>, Vec<Entity>) {
        let lexicon = Lexicon::with_defaults().unwrap();
        let mut b = GazetteerBuilder::new();
        b.add_file("t.tsv", &format!("id\tname\ttype\taliases\tdemonyms\tattributes\n{rows}"));
        let g = b.build().unwrap();
        let rules = NameRules::new(&lexicon).with_given_names(&g);
        let mut mentions = gazetteer_mentions(&g, text);
        let mut found = Vec::new();
        rules.find(text, &[Span::new(0, text.len())], &mut mentions, &mut found);
        (mentions, found)
    }

    #[test]
    fn people_by_given_name() {
        assert_eq!(run_given("The goal came from Igor Shkvyrin."), ["Igor Shkvyrin"]);
        assert_eq!(
            run_given("Mark Stevens met Igor Shkvyrin's brother"),
            ["Mark Stevens", "Igor Shkvyrin"]
        );
        assert_eq!(run_given("By Zhu Jianhui\n\nJERUSALEM, Nov. 26"), ["Zhu Jianhui"]);
        // Not given names: a place, a common word, a title.
        for text in ["at Victoria Station", "the Grand Slam final", "King Albert left"] {
            assert_eq!(run_given(text), Vec::<String>::new(), "{text}");
        }
        // The middle of another name, or a thing named after a person.
        for text in ["at Fort George Meade", "the George Washington Bridge", "Mark Stevens Foods"] {
            assert_eq!(run_given(text), Vec::<String>::new(), "{text}");
        }
        // A person owning an organisation is a name apart.
        assert_eq!(
            run_given("Mark Stevens's Zorvian Labour Party won"),
            ["Mark Stevens", "Zorvian Labour Party"]
        );
    }

    /// The team names `score_line_names` reads in each line: tables, then results.
    fn score_lines(text: &str) -> (Vec<&str>, Vec<&str>) {
        let (mut tables, mut results) = (Vec::new(), Vec::new());
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            score_line_names(line, at, &mut tables, &mut results);
            at += line.len();
        }
        let texts = |spans: Vec<Span>| spans.iter().map(|s| &text[s.start..s.end]).collect();
        (texts(tables), texts(results))
    }

    #[test]
    fn standings_and_result_lines() {
        let text = "Barnet 22 8 8 6 23 17 32\nSheffield Wednesday 16 6 6 4 17 18 24\n\
                    DALLAS 6 11 .353 9\nCALGARY 10 16 2 65 77 22\nChelsea 2 Everton 1\n";
        assert_eq!(
            score_lines(text),
            (
                vec!["Barnet", "Sheffield Wednesday", "DALLAS", "CALGARY"],
                vec!["Chelsea", "Everton"]
            )
        );
        // Numbers that do not add up as standings, market tables, prose.
        for text in [
            "RESID OUTPUT 970 948 925 22 45\n",
            "Aluminum 0 1 1 3 30 40\n",
            "DEC 0 JAN 0\n",
            "March 87 March 86\n",
            "DALLAS 6 11 .500 9\n",
            "Barnet beat Everton 2 1\n",
        ] {
            assert_eq!(score_lines(text), (vec![], vec![]), "{text}");
        }
    }

    /// `kind text` of every rule mention, with a town and a country known.
    fn run_teams(text: &str) -> Vec<String> {
        let rows = "T1\tBarnet\tPLACE\t\t\tkind=city\nT2\tLeeds\tPLACE\t\t\tkind=city\n\
             C1\tBrazil\tPLACE\t\t\tkind=country\n";
        let (mentions, found) = run_with_given(rows, text);
        mentions
            .iter()
            .map(|m| {
                let kind = match m.entity {
                    EntityRef::Found(i) => found[i as usize].kind.as_str(),
                    EntityRef::Known(_) => "known",
                };
                format!("{kind} {}", &text[m.span.start..m.span.end])
            })
            .collect()
    }

    #[test]
    fn towns_in_score_lines_are_teams() {
        assert_eq!(
            run_teams("Barnet 22 8 8 6 23 17 32\nBrazil 3 1 1 1 4 4 4\nBarnet won at Leeds.\n"),
            ["ORG Barnet", "known Brazil", "known Barnet", "known Leeds"]
        );
        // A result line counts with a town in it, or in a report with standings.
        assert_eq!(run_teams("Leeds 2 Tranmere 1\n"), ["ORG Leeds", "ORG Tranmere"]);
        assert_eq!(run_teams("Oats 2 Unch 12\n"), Vec::<String>::new());
    }

    #[test]
    fn a_town_after_a_given_name_is_a_surname() {
        assert_eq!(run_given("Chief executive Mark Henderson said"), ["Mark Henderson"]);
        assert_eq!(run_given("Igor Henderson and Mark Rutte met"), ["Igor Henderson"]);
        // A country is not taken as a surname; a town alone stays a town.
        for text in ["Mark Jordan said", "officials in Henderson said", "Henderson said"] {
            assert_eq!(run_given(text), Vec::<String>::new(), "{text}");
        }
    }

    /// The people the rules find in `text` with gazetteer `rows`.
    fn rule_people(rows: &str, text: &str) -> Vec<String> {
        let (mentions, found) = run_with_given(rows, text);
        mentions
            .iter()
            .filter(
                |m| matches!(m.entity, EntityRef::Found(k) if found[k as usize].kind == "PERSON"),
            )
            .map(|m| text[m.span.start..m.span.end].to_string())
            .collect()
    }

    #[test]
    fn an_organisation_after_a_given_name_is_a_surname() {
        let rows = format!("{GIVEN_ROWS}O1\tZorvex Group\tORG\tZorvex\t\t\n");
        let people = |text: &str| rule_people(&rows, text);
        assert_eq!(people("the composer Mark Zorvex wrote"), ["Mark Zorvex"]);
        assert!(people("fighters of Zorvex advanced").is_empty());
    }

    #[test]
    fn a_town_after_a_title_and_a_name_is_a_surname() {
        let rows = format!("{GIVEN_ROWS}P1\tQuarvia\tPLACE\t\t\tkind=city\n");
        let people = |text: &str| rule_people(&rows, text);
        assert_eq!(people("the bank's president Yotaro Quarvia said"), ["Yotaro Quarvia"]);
        // Not a name of its own: an ordinal, a word before a given name.
        assert!(people("the analyst First Quarvia said").is_empty());
        let text = "the resignation of Chairman and Chief Executive Officer Mark Quarvia.";
        assert!(people(text).is_empty());
    }

    #[test]
    fn people_by_an_initial() {
        assert_eq!(run_given("C. Cairns b Wasim 12"), ["C. Cairns"]);
        assert_eq!(run_given("said J. R. Smith, an analyst"), ["J. R. Smith"]);
        assert_eq!(run_given("said raider T. Boone Pickens"), ["T. Boone Pickens"]);
        assert_eq!(run_given("raider T.\nBoone Pickens said"), ["T.\nBoone Pickens"]);
        // Not people: an abbreviation's letters, a sentence after an
        // initial, an abbreviation after one, firms, a pair's second.
        for text in [
            "U.S. Steel rose",
            "vitamin C. The study",
            "at New Haven, W. Va., the plant",
            "a unit of C. Itoh and Co Ltd of Japan",
            "debt of J. Sainsbury PLC",
            "E.D. and F. Man said",
            "rated by S and P. Analysts said",
            "a grade C.\n    Stone prices rose",
        ] {
            let (mentions, found) = run_with_given(GIVEN_ROWS, text);
            let person = |m: &&Mention| match m.entity {
                EntityRef::Found(k) => found[k as usize].kind == "PERSON",
                EntityRef::Known(_) => false,
            };
            let people: Vec<&str> =
                mentions.iter().filter(person).map(|m| &text[m.span.start..m.span.end]).collect();
            assert!(people.is_empty(), "{text}: {people:?}");
        }
    }

    #[test]
    fn people_by_a_listed_given_name() {
        let lexicon = Lexicon::with_defaults().unwrap();
        let mut b = GazetteerBuilder::new();
        b.add_file(
            "t.tsv",
            "id\tname\ttype\taliases\tdemonyms\tattributes\nQ1\tVictoria\tPLACE\t\t\t\n",
        );
        b.add_given_names("# names\nKatja\nVictoria\nmay\n");
        let g = b.build().unwrap();
        assert_eq!(g.given_names().len(), 3);
        let rules = NameRules::new(&lexicon).with_given_names(&g);
        assert!(rules.is_given("Katja"));
        // A place of the gazetteer, a word in lower case: not given names.
        assert!(!rules.is_given("Victoria") && !rules.is_given("may"));
        let text = "Katja Seizinger won at Victoria Park.";
        let mut mentions = gazetteer_mentions(&g, text);
        rules.find(text, &[Span::new(0, text.len())], &mut mentions, &mut Vec::new());
        let people: Vec<&str> = mentions
            .iter()
            .filter(|m| m.source == Source::Rule)
            .map(|m| &text[m.span.start..m.span.end])
            .collect();
        assert_eq!(people, ["Katja Seizinger"]);
    }

    /// The default list leaves out names that news uses for faiths and
    /// peoples: `Sunni Arab districts` names no one.
    #[test]
    fn default_given_names_leave_out_faiths_and_peoples() {
        let lexicon = Lexicon::with_defaults().unwrap();
        let g = GazetteerBuilder::with_defaults().build().unwrap();
        let rules = NameRules::new(&lexicon).with_given_names(&g);
        assert!(rules.is_given("Robert") && rules.is_given("Sharon"));
        assert!(!rules.is_given("Sunni") && !rules.is_given("Roma"));
    }

    /// A surname known from `Mr Zorvan` takes the capitalised word before
    /// it elsewhere as a given name the list lacks; not a word that opens
    /// sentences, a title, a known name, nor a word also written in lower case.
    #[test]
    fn a_given_name_before_a_surname_known_by_an_honorific() {
        assert_eq!(
            run("Kenichi Zorvan was hurt. Mr Zorvan said so."),
            ["PERSON Kenichi Zorvan", "PERSON Zorvan"]
        );
        assert_eq!(
            run("Although Zorvan was hurt, Mr Zorvan said so."),
            ["PERSON Zorvan", "PERSON Zorvan"]
        );
        assert_eq!(
            run("Defender Zorvan was hurt; the defender Mr Zorvan said so."),
            ["PERSON Zorvan", "PERSON Zorvan"]
        );
        assert_eq!(
            run("Sudan Zorvan was hurt. Mr Zorvan said so."),
            ["PERSON Zorvan", "PERSON Zorvan"]
        );
        // A word of other letters is read up to them, not through them.
        assert_eq!(
            run("Łukasz Zorvan was hurt. Mr Zorvan said so."),
            ["PERSON Zorvan", "PERSON Zorvan"]
        );
        // Without the honorific, nothing vouches for either word.
        assert_eq!(run("Kenichi Zorvan was hurt."), Vec::<String>::new());
    }

    #[test]
    fn people_after_titles_and_before_appositions() {
        assert_eq!(run("Defense Minister Kim Yong-Hyun said so."), ["PERSON Kim Yong-Hyun"]);
        assert_eq!(run("Mr. Smith left."), ["PERSON Smith"]);
        assert_eq!(run("spokesperson Pat Ryder said"), Vec::<String>::new());
        assert_eq!(
            run("Lim Eul-chul, a professor at the Institute for Far Eastern Studies, said"),
            ["PERSON Lim Eul-chul", "ORG Institute for Far Eastern Studies"]
        );
        assert_eq!(run("The president said."), Vec::<String>::new());
        // A name set off by commas; a title or possessive is not the name.
        assert_eq!(
            run("Russia's foreign minister, Bojan Tarkovic, said"),
            ["PERSON Bojan Tarkovic"]
        );
        assert_eq!(run("the envoy, Bojan Tarkovic said"), Vec::<String>::new());
        assert_eq!(
            run("the chief inspector, Professor Chris Woodhead, said"),
            ["PERSON Chris Woodhead"]
        );
        assert_eq!(
            run("Mr Brown's budget and Judge Mary Schroeder's ruling"),
            ["PERSON Brown", "PERSON Mary Schroeder"]
        );
    }

    #[test]
    fn organisations_and_places() {
        assert_eq!(run("the Sudan Liberation Movement agreed"), ["ORG Sudan Liberation Movement"]);
        assert_eq!(run("the city of S&#227;o Paulo"), Vec::<String>::new());
        // An owner before `'s` is a name of its own, or a known one.
        assert_eq!(
            run("Zorvex Corp's Quilljet Airlines and Sudan's Quarvia Province"),
            ["ORG Zorvex Corp", "ORG Quilljet Airlines", "PLACE Quarvia Province"]
        );
        assert_eq!(run("the Zorvian People's Party won"), ["ORG Zorvian People's Party"]);
        // A hyphened modifier before the name is not part of it.
        assert_eq!(
            run("members of the Zorvian-backed South Quarvia Army and the Paris-based Zorblax Foundation"),
            ["ORG South Quarvia Army", "ORG Zorblax Foundation"]
        );
        // Nor is the time after it, nor a connector ending a line.
        assert_eq!(
            run("the Quarvian Appeals Court on Monday and the Zorblax Tin Council on\nApril 3"),
            ["ORG Quarvian Appeals Court", "ORG Zorblax Tin Council"]
        );
        assert_eq!(
            run("shelling in Kherson Oblast and the town of Pokrovsk"),
            ["PLACE Kherson Oblast", "PLACE Pokrovsk"]
        );
        assert_eq!(run("During the war the ministry said"), Vec::<String>::new());
        // An abbreviated head keeps its full stop; a longer word is no head.
        assert_eq!(run("He sold Zorblax Widgets Inc. stock"), ["ORG Zorblax Widgets Inc."]);
        assert_eq!(run("Zorblax Widgets Corpus rose"), Vec::<String>::new());
    }

    #[test]
    fn organisations_after_descriptors() {
        assert_eq!(
            run("Shares of automaker Zorvex Motors and airline Quilljet fell"),
            ["ORG Zorvex Motors", "ORG Quilljet"]
        );
        // A plural takes a list; a brand may start in lower case.
        assert_eq!(
            run("airlines Quilljet, zorJet and Air Brandovia cut fares"),
            ["ORG Quilljet", "ORG zorJet", "ORG Air Brandovia"]
        );
        assert_eq!(run("It sold the firm Zorvex. Then it left."), ["ORG Zorvex"]);
        assert_eq!(
            run("its subsidiary Zorvex Systems Inc. Has raised prices"),
            ["ORG Zorvex Systems Inc."]
        );
        // Loose nouns need a word before them that makes them descriptors.
        assert_eq!(run("the rebel group Zorvi fled"), ["ORG Zorvi"]);
        assert_eq!(run("members of the ethnic group Zorvi fled"), Vec::<String>::new());
        // No name: a weekday, a title, a pronoun, a known person's surname.
        for text in [
            "the firm Monday said",
            "the company President Zorvex said",
            "If I were a bank I'm not sure",
            "Pat Ryder spoke. He told the agency Ryder was ill",
        ] {
            assert_eq!(run(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn organisations_by_legal_form_and_head() {
        assert_eq!(
            run("Quill Airlines and Zorvex Airways merged"),
            ["ORG Quill Airlines", "ORG Zorvex Airways"]
        );
        assert_eq!(run("Zorvex Inc and Quill Corp agreed"), ["ORG Zorvex Inc", "ORG Quill Corp"]);
        // "and" inside one name.
        assert_eq!(run("Procter and Gamble Co rose"), ["ORG Procter and Gamble Co"]);
        assert_eq!(run("at Zorvex Bank and Trust Company"), ["ORG Zorvex Bank and Trust Company"]);
        // An office before the name, a word running on across a hyphen.
        assert_eq!(run("Chief Executive Officer of Zorvex Motors said"), ["ORG Zorvex Motors"]);
        assert_eq!(run("the Zorvex Party Co-Chairman said"), ["ORG Zorvex Party"]);
        // Legal forms after an abbreviated one.
        assert_eq!(run("Zorvex Shipbuilding Co. Ltd. rose"), ["ORG Zorvex Shipbuilding Co. Ltd."]);
        assert_eq!(run("and Quill Co., Ltd. fell"), ["ORG Quill Co., Ltd."]);
        assert_eq!(run("Quill Co. and others"), ["ORG Quill Co."]);
        // Partners' names with commas between them.
        assert_eq!(run("through Zorvex, Quill and Co said"), ["ORG Zorvex, Quill and Co"]);
        assert_eq!(run("Peat, Zorvex, Quill and Co. said"), ["ORG Peat, Zorvex, Quill and Co."]);
        for (text, name) in [
            ("makes AZT, Quill and Co", "ORG Quill and Co"),
            ("However, Quill and Co said", "ORG Quill and Co"),
            ("Merrill Zorvex, Quill and Co said", "ORG Quill and Co"),
        ] {
            assert!(run(text).contains(&name.to_string()), "{text}: {:?}", run(text));
        }
        // A head word after a legal form goes on with the name.
        assert_eq!(run("Zorvex Corp Holdings Ltd said"), ["ORG Zorvex Corp Holdings Ltd"]);
        // An ordinary word opening the sentence, with `of` after it: a
        // quantifier, or a word the document writes in lower case.
        assert_eq!(run("Most of Zorvex Motors was sold."), ["ORG Zorvex Motors"]);
        assert_eq!(
            run("Shares of Zorvex Shipbuilding Co. rose. Its shares were up."),
            ["ORG Zorvex Shipbuilding Co."]
        );
        assert_eq!(
            run("Bank of Zorvex Holdings said. The bank is big."),
            ["ORG Bank of Zorvex Holdings"]
        );
    }

    #[test]
    fn facilities_by_a_lower_case_noun() {
        assert_eq!(run("taken to Al-Kindi hospital in the city"), ["ORG Al-Kindi hospital"]);
        assert_eq!(
            run("from Charles de Gaulle airport to Madrid's Barajas airport"),
            ["PLACE Charles de Gaulle airport", "PLACE Barajas airport"]
        );
        assert_eq!(run("Belmarsh prison is full."), ["PLACE Belmarsh prison"]);
        // A known name's facility, an adjective, an ordinary word opening
        // a sentence, a sentence's first word.
        for text in [
            "a Sudanese hospital and the Sudan airport",
            "a UK-run prison",
            "Oil refinery runs fell as oil prices rose.",
            "The hospital said.",
        ] {
            assert_eq!(run(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn a_known_company_keeps_its_legal_form() {
        let lexicon = Lexicon::with_defaults().unwrap();
        let mut b = GazetteerBuilder::new();
        b.add_file(
            "t.tsv",
            "id\tname\ttype\taliases\tdemonyms\tattributes\nQ1\tZorblax\tORG\t\t\t\n",
        );
        let g = b.build().unwrap();
        let text = "Zorblax Co Ltd and Zorblax Holdings rose";
        let mut mentions = gazetteer_mentions(&g, text);
        let mut found = Vec::new();
        NameRules::new(&lexicon).find(text, &[Span::new(0, text.len())], &mut mentions, &mut found);
        let got: Vec<(&str, bool)> = mentions
            .iter()
            .map(|m| (&text[m.span.start..m.span.end], matches!(m.entity, EntityRef::Known(0))))
            .collect();
        // A legal form is part of the known name; another head makes a new one.
        assert_eq!(got, [("Zorblax Co Ltd", true), ("Zorblax Holdings", false)]);
    }

    /// A place or a person with a legal form after it names a firm of its
    /// own (`Asia Ltd`, `John Lewis Plc`), not the place or the person.
    #[test]
    fn a_place_or_person_with_a_legal_form_is_a_new_firm() {
        let lexicon = Lexicon::with_defaults().unwrap();
        let mut b = GazetteerBuilder::new();
        b.add_file(
            "t.tsv",
            "id\tname\ttype\taliases\tdemonyms\tattributes\n\
             Q1\tZorblax\tORG\t\t\t\n\
             P1\tQuarvia\tPLACE\t\t\t\n\
             H1\tTobin Marsh\tPERSON\t\t\t\n",
        );
        let g = b.build().unwrap();
        let rules = NameRules::new(&lexicon).with_given_names(&g);
        let text = "Zorblax Co, Quarvia Ltd and Tobin Marsh Plc rose in Quarvia";
        let mut mentions = gazetteer_mentions(&g, text);
        let mut found = Vec::new();
        rules.find(text, &[Span::new(0, text.len())], &mut mentions, &mut found);
        let got: Vec<(&str, String)> = mentions
            .iter()
            .map(|m| {
                let kind = match m.entity {
                    EntityRef::Known(id) => g.entities()[id as usize].kind.clone(),
                    EntityRef::Found(k) => format!("new {}", found[k as usize].kind),
                };
                (&text[m.span.start..m.span.end], kind)
            })
            .collect();
        let want = [
            ("Zorblax Co", "ORG"),
            ("Quarvia Ltd", "new ORG"),
            ("Tobin Marsh Plc", "new ORG"),
            ("Quarvia", "PLACE"),
        ];
        assert_eq!(got, want.map(|(t, k)| (t, k.to_string())));
    }

    #[test]
    fn a_known_place_of_a_known_name_is_two_names() {
        let rows = "P1\tQuarvia Bank\tPLACE\t\t\t\nO1\tZorvi Jihad\tORG\t\t\t\n\
                    O2\tZorblax Bank\tORG\t\t\t\n";
        let new_names = |text: &str| {
            let (_, found) = run_with_given(rows, text);
            found.into_iter().map(|e| e.name).collect::<Vec<_>>()
        };
        // `Bank of` opens names (`Bank of England`), but here the bank is
        // part of a place's name.
        assert!(new_names("arrests in the Quarvia Bank of Zorvi Jihad activists").is_empty());
        // A firm's name before `of` may still open a longer one, and a
        // head word that names nothing alone always does.
        assert_eq!(
            new_names("the Zorblax Bank of Zorvi Jihad said"),
            ["Zorblax Bank of Zorvi Jihad"]
        );
        assert_eq!(new_names("the Council of Quarvia Bank said"), ["Council of Quarvia Bank"]);
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Lim Eul-chul"), "lim-eul-chul");
        assert_eq!(slug("  O'Brien & Co. "), "o-brien-co");
    }

    /// `org_matches` gives what the rule's own unanchored `find_iter`
    /// gives: on generated runs of capitalised words, head and lead words,
    /// joiners and characters around word boundaries, and on the seed.
    #[test]
    fn organisations_anchored_as_unanchored() {
        let unanchored =
            |text: &str| -> Vec<Range<usize>> { ORG.find_iter(text).map(|m| m.range()).collect() };
        // Spaces twice: they join most pieces into names.
        #[rustfmt::skip]
        let pieces = [
            "Institute", "University", "Bank", "Movement", "Party", "Sudan", "Far", "Eastern",
            "Studies", "Acme", "Inc.", "Corp.", "Ltd.", "for", "of", "on", "the", "and", "&",
            " ", " ", "  ", "\n", "-", "'", "’", ",", ".", "x", "9", "_", "É", "Élysée", "éB",
            "Ⅳ", "Ab", "O'Brien", "al-", "SUDAN", "Co", "Holdings", "Airlines", "Zed",
        ];
        let heads = |text: &str| -> Vec<usize> {
            let automaton = &RULE_WORDS.0;
            let all = fixed::hits(automaton, text);
            all.iter().filter(|m| m.pattern < *ORG_HEAD_COUNT).map(|m| m.start).collect()
        };
        for text in crate::testing::generated_texts(&pieces, 20_000, 24) {
            assert_eq!(org_matches(&text, &heads(&text)), unanchored(&text), "{text:?}");
        }
        let seed = include_str!("../../fixtures/seed/seed.txt");
        let found = org_matches(seed, &heads(seed));
        assert!(!found.is_empty());
        assert_eq!(found, unanchored(seed));
    }
}
