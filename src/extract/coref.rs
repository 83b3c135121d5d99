//! Coreference within a document: a surname after a full name
//! (`Zelensky` after `Volodymyr Zelensky`), a known given name standing
//! alone after one (`Meles` after `Meles Zenawi`), a surname after an
//! honorific (`Mr Zenawi`) anywhere in the document, a firm's short forms
//! (`Dome` after `Dome Petroleum Ltd`), and a sentence-initial `He`/`She`
//! that reports speech, when only one person can be meant.

use std::collections::{HashMap, HashSet};

use super::gazetteer::Entity;
use super::lexicon::{Frame, Lexicon};
use super::names::{self, NameRules};
use super::{EntityRef, Mention, Source};
use crate::hash::FxBuild;
use crate::Span;

/// Adds coreference mentions to `mentions`, keeping them sorted and
/// non-overlapping. `entity` looks up the entity a mention refers to.
pub fn resolve<'a>(
    text: &str,
    sentences: &[Span],
    mentions: &mut Vec<Mention>,
    lexicon: &Lexicon,
    names: &NameRules,
    entity: impl Fn(EntityRef) -> &'a Entity,
) {
    // Each pass sees the mentions the one before added: an acronym's
    // occurrences are no firm's short form.
    let found = acronyms(text, sentences, mentions, &entity);
    apply(mentions, found);
    let found = short_forms(text, sentences, mentions, names, &entity);
    apply(mentions, found);
    let (mut added, towns) = surnames(text, sentences, mentions, names, &entity);
    for (i, person) in towns {
        mentions[i].entity = person;
        mentions[i].source = Source::Coref;
    }
    added.extend(pronouns(text, sentences, mentions, lexicon, &entity));
    if added.is_empty() {
        return;
    }
    mentions.extend(added);
    mentions.sort_by_key(|m| m.span.start);
}

/// Adds a pass's new mentions to `mentions`, keeping them sorted, and
/// links the (index, entity) pairs it found to their entity.
fn apply(mentions: &mut Vec<Mention>, (added, relinked): (Vec<Mention>, Vec<(usize, EntityRef)>)) {
    for (i, e) in relinked {
        mentions[i].entity = e;
        mentions[i].source = Source::Coref;
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| m.span.start);
    }
}

/// Acronyms the document defines in brackets after a name (`the European
/// Community (EC)`, `Interstate Commerce Commission (ICC)`): each
/// occurrence of the acronym names that entity, as new mentions where
/// none stood, and as (index, entity) for a mention the gazetteer gave
/// another entity (`ICC`, the International Criminal Court). An acronym
/// defined for two entities is left alone; so is one inside a longer
/// mention.
///
/// When the gazetteer already reads the acronym as another entity: if that
/// entity's name is the acronym (`ASEAN`, `ONGC`), the name defined is
/// that entity, written out (`Oil & Natural Gas Corp`), and its mentions
/// are relinked to it; if the two names share a word that is not a
/// generic one (`Organisation of the Islamic Conference`, the
/// `Organisation of Islamic Cooperation` since 2011), the acronym is left
/// alone, as one body may have been renamed.
fn acronyms<'a>(
    text: &str,
    sentences: &[Span],
    mentions: &[Mention],
    entity: &impl Fn(EntityRef) -> &'a Entity,
) -> (Vec<Mention>, Vec<(usize, EntityRef)>) {
    let bytes = text.as_bytes();
    let mut defined: Vec<(&str, Option<EntityRef>)> = Vec::new();
    for open in memchr::memchr_iter(b'(', bytes) {
        let Some(len) = bytes[open + 1..].iter().take(9).position(|&b| b == b')') else {
            continue;
        };
        let acronym = &text[open + 1..open + 1 + len];
        let letters = acronym.bytes().filter(u8::is_ascii_uppercase).count();
        if letters < 2
            || !acronym.starts_with(|c: char| c.is_ascii_uppercase())
            || !acronym.bytes().all(|b| b.is_ascii_uppercase() || b == b'&')
        {
            continue;
        }
        // The name ends just before the bracket, one space or line away.
        let before = text[..open].trim_end();
        if !(1..=2).contains(&(open - before.len())) {
            continue;
        }
        let k = mentions.partition_point(|m| m.span.end < before.len());
        let Some(named) = mentions.get(k).filter(|m| m.span.end == before.len()) else {
            continue;
        };
        let name = &text[named.span.start..named.span.end];
        if !name.contains(char::is_whitespace) || !abbreviates(acronym, name) {
            continue;
        }
        match defined.iter_mut().find(|(a, _)| *a == acronym) {
            Some((_, e)) if *e != Some(named.entity) => *e = None,
            Some(_) => {}
            None => defined.push((acronym, Some(named.entity))),
        }
    }
    let (mut added, mut relinked) = (Vec::new(), Vec::new());
    for (acronym, named) in defined {
        let Some(named) = named else { continue };
        // Each whole-word occurrence, with the mention there or overlapping it.
        let occurrences: Vec<(Span, Option<usize>)> = text
            .match_indices(acronym)
            .filter_map(|(at, _)| {
                let end = at + acronym.len();
                let word = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric());
                if word(at.checked_sub(1).and_then(|i| bytes.get(i))) || word(bytes.get(end)) {
                    return None;
                }
                let k = mentions.partition_point(|m| m.span.end <= at);
                let k = mentions.get(k).is_some_and(|m| m.span.start < end).then_some(k);
                Some((Span::new(at, end), k))
            })
            .collect();
        let known = occurrences.iter().find_map(|&(span, k)| {
            k.filter(|&k| mentions[k].span == span && mentions[k].entity != named)
        });
        let mut target = named;
        if let Some(k) = known {
            let (read, defined) = (entity(mentions[k].entity), entity(named));
            if read.name.eq_ignore_ascii_case(acronym) {
                target = mentions[k].entity;
                for (i, m) in mentions.iter().enumerate() {
                    if m.entity == named {
                        relinked.push((i, target));
                    }
                }
            } else if share_a_word(&read.name, &defined.name) {
                continue;
            }
        }
        for (span, k) in occurrences {
            match k {
                Some(k) if mentions[k].span == span && mentions[k].entity != target => {
                    relinked.push((k, target));
                }
                Some(_) => {}
                None => added.push(Mention {
                    span,
                    sentence: super::sentence_of(sentences, span.start),
                    entity: target,
                    source: Source::Coref,
                    demonym: false,
                }),
            }
        }
    }
    (added, relinked)
}

/// Adjectives that open the names of many bodies and firms
/// (`International`, `National`).
const GENERIC_ADJECTIVES: &[&str] = &[
    "International",
    "National",
    "European",
    "American",
    "United",
    "World",
    "General",
    "Central",
    "Federal",
];

/// Further words that open the names of many firms (`Royal`, `Pacific`):
/// with [`GENERIC_ADJECTIVES`], never a firm's short form on their own.
#[rustfmt::skip]
const GENERIC_OPENINGS: &[&str] = &[
    "Royal", "Continental", "Western", "Eastern", "Northern", "Southern", "Pacific", "Atlantic",
    "Standard", "Consolidated", "Allied", "Associated", "Universal", "Global", "Great", "New",
    "Security", "Public", "Commercial", "Industrial", "Financial", "Mutual", "Home", "Citizens",
    "Peoples", "Southwest", "Northwest", "Southeast", "Northeast", "Midwest", "Cable", "Capital",
    "Community", "Trans", "Inter", "Gulf",
];

/// The short forms of firms the rules found with a legal form
/// (`Quarvex Industries Corp`): the name without it (`Quarvex
/// Industries`) and its first word (`Quarvex`), standing alone after the
/// full name, are that firm (GATE ANNIE's orthomatcher). The first word
/// counts only when it is distinctive: not generic (`National`), not a
/// word that opens sentences, a head word or a given name, not written in
/// lower case in the document (`Home`), nor another person's surname or
/// another firm's first word; and not where a capitalised word joins it
/// (`Quarvex Capital`, `New Quarvex`). Returns the new mentions, and (index,
/// firm) for the rules' own mentions of a short form (`Quarvex Industries`
/// by its head word), which are the firm too.
fn short_forms<'a>(
    text: &str,
    sentences: &[Span],
    mentions: &[Mention],
    names: &NameRules,
    entity: &impl Fn(EntityRef) -> &'a Entity,
) -> (Vec<Mention>, Vec<(usize, EntityRef)>) {
    // Form → (firm, where its full name first ends); a form two firms
    // share, or a person's surname, is dropped. Sets and maps: a long
    // document may name thousands of firms.
    let mut forms: HashMap<&str, Option<(EntityRef, usize)>, FxBuild> = HashMap::default();
    let mut surnames: HashSet<&str, FxBuild> = HashSet::default();
    let mut others: Vec<(&str, EntityRef, &str)> = Vec::new();
    let mut seen: HashSet<EntityRef, FxBuild> = HashSet::default();
    for m in mentions {
        let e = entity(m.entity);
        if e.kind == "PERSON" {
            surnames.extend(e.name.rsplit(' ').next());
            continue;
        }
        // Each firm once, at its first mention: its forms need a search
        // of the document each.
        if e.kind != "ORG" || !seen.insert(m.entity) {
            continue;
        }
        let mut add = |form: &'a str| {
            let v = forms.entry(form).or_insert(Some((m.entity, m.span.end)));
            if v.is_some_and(|(r, _)| r != m.entity) {
                *v = None;
            }
        };
        let words: Vec<&str> = e.name.split(' ').collect();
        let first = words[0].trim_end_matches(',');
        let legal = words.iter().rev().take_while(|w| names::is_legal_form(w)).count();
        if m.source != Source::Rule || legal == 0 || legal == words.len() {
            // Another firm that opens with the word makes it ambiguous
            // (`Texaco Inc`, `Texaco Canada Inc`).
            others.push((first, m.entity, &e.name));
            continue;
        }
        // Without its legal form and the joining word before it (`Icahn
        // and Co`, `Sears, Roebuck and Co`).
        let bare = e.name[..e.name.len() - words[words.len() - legal..].join(" ").len()]
            .trim_end_matches([' ', ','])
            .trim_end_matches(" and")
            .trim_end_matches(" &")
            .trim_end_matches(',');
        if bare.contains(' ') {
            add(bare);
        }
        let distinctive = first.chars().count() >= 3
            && first.starts_with(|c: char| c.is_uppercase())
            && !GENERIC_ADJECTIVES.contains(&first)
            && !GENERIC_OPENINGS.contains(&first)
            && !names::opens_sentences(first)
            && !names::is_head_word(first)
            && !names.is_given(first)
            && !names::written_in_lower_case(text, first);
        if distinctive && first != bare {
            add(first);
        }
    }
    // Another firm opening with a form makes it ambiguous, unless that
    // firm is one the rules found by a short form (`Quarvex Industries`).
    for (first, other, name) in others {
        let short_of_target = |target: EntityRef| {
            forms.get(name).is_some_and(|v| v.is_some_and(|(t, _)| t == target))
        };
        let clash = forms
            .get(first)
            .copied()
            .flatten()
            .is_some_and(|(target, _)| target != other && !short_of_target(target));
        if clash {
            forms.insert(first, None);
        }
    }
    let mut forms: Vec<(&str, Option<(EntityRef, usize)>)> = forms
        .into_iter()
        .filter(|(form, v)| {
            v.is_some() && !surnames.contains(form.trim_end_matches("'s").trim_end_matches("’s"))
        })
        .collect();
    // Longer forms first: where two overlap, the longer is the firm
    // (`Jones and Vining`, not `Jones`).
    forms.sort_unstable_by_key(|&(form, _)| (std::cmp::Reverse(form.len()), form));
    if forms.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let listed: Vec<(usize, &str)> = forms.iter().enumerate().map(|(i, (f, _))| (i, *f)).collect();
    let (mut out, mut relinked): (Vec<Mention>, _) = (Vec::new(), Vec::new());
    for (i, start, len) in names::occurrences(text, &listed) {
        let Some((target, after)) = forms[i].1 else { continue };
        let span = Span::new(start, start + len);
        if start < after || !super::stands_alone(text, start, span.end, char::is_alphanumeric) {
            continue;
        }
        let k = mentions.partition_point(|m| m.span.start < span.end);
        if k > 0 && mentions[k - 1].span.end > span.start {
            // The rules found the short form as a firm of its own.
            let m = &mentions[k - 1];
            if m.span == span
                && m.source == Source::Rule
                && entity(m.entity).name == text[start..span.end]
            {
                relinked.push((k - 1, target));
            }
            continue;
        }
        if joined_by_a_name(text, span)
            || out.iter().any(|m| m.span.end > span.start && m.span.start < span.end)
        {
            continue;
        }
        out.push(Mention {
            span,
            sentence: super::sentence_of(sentences, start),
            entity: target,
            source: Source::Coref,
            demonym: false,
        });
    }
    out.sort_by_key(|m| m.span.start);
    (out, relinked)
}

/// Whether a capitalised word runs on from `span` (`Quarvex Capital`) or
/// into it (`New Quarvex`, not at a sentence's start): a longer name.
fn joined_by_a_name(text: &str, span: Span) -> bool {
    let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    let after = text[span.end..].strip_prefix(' ').and_then(|r| r.split(' ').next());
    if after.is_some_and(capital) {
        return true;
    }
    let Some(before) = text[..span.start].strip_suffix(' ') else { return false };
    let word = before.rsplit([' ', '\n', '"', '(']).next().unwrap_or("");
    let opens = before.len() == word.len()
        || before[..before.len() - word.len()].trim_end().ends_with(['.', '!', '?']);
    capital(word)
        && !word.ends_with(['.', ',', ':', ';'])
        && !(opens && names::opens_sentences(word))
}

/// Whether two names share a word other than the generic words of names
/// of bodies: their head words (`Council`, `Agency`) and the adjectives
/// many share (`International`).
fn share_a_word(a: &str, b: &str) -> bool {
    let words = |s: &'_ str| -> Vec<String> {
        s.split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| w.chars().count() >= 4 && w.starts_with(char::is_uppercase))
            .filter(|w| {
                !(GENERIC_ADJECTIVES.contains(w)
                    || ["Board", "Services"].contains(w)
                    || names::is_head_word(w))
            })
            .map(str::to_string)
            .collect()
    };
    let b = words(b);
    words(a).iter().any(|w| b.contains(w))
}

/// Whether `acronym` abbreviates `name`: its letters found in the name in
/// order, the first at the start of a word (Schwartz and Hearst's test
/// for abbreviation definitions): `ROK` for `Republic of Korea`, `ICCO`
/// for `International Cocoa Organization`, not `AK` for `Kenya`.
fn abbreviates(acronym: &str, name: &str) -> bool {
    let name: Vec<char> = name.chars().map(|c| c.to_ascii_lowercase()).collect();
    let mut at = name.len();
    let letters: Vec<char> = acronym.chars().filter(char::is_ascii_alphabetic).collect();
    for (i, c) in letters.iter().enumerate().rev() {
        let c = c.to_ascii_lowercase();
        let first = i == 0;
        loop {
            let Some(k) = at.checked_sub(1) else { return false };
            at = k;
            let word_start = k == 0 || !name[k - 1].is_alphanumeric();
            if name[k] == c && (!first || word_start) {
                break;
            }
        }
    }
    true
}

/// The word a person is called by on second mention: the last word, or the
/// first for East Asian names written family name first (`Lim Eul-chul`).
fn surname(name: &str) -> Option<&str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 {
        return None;
    }
    let last = words[words.len() - 1];
    // Korean-style: a short family name, then a hyphenated two-syllable
    // given name (`Kim Yong-Hyun`), unlike `Philippe Douste-Blazy`.
    let family_first = words.len() == 2
        && words[0].chars().count() <= 4
        && last.split('-').count() == 2
        && last.split('-').all(|p| (2..=5).contains(&p.chars().count()));
    let word = if family_first { words[0] } else { last };
    (word.chars().count() >= 3).then_some(word)
}

/// An Arabic surname without its article: `al-Burhan` → `Burhan`.
fn without_article(s: &str) -> Option<&str> {
    ["al-", "Al-", "el-", "El-", "ad-", "as-", "ash-", "at-", "az-", "ar-"]
        .iter()
        .find_map(|p| s.strip_prefix(p))
        .filter(|b| b.starts_with(char::is_uppercase) && b.chars().count() >= 3)
}

/// What a word stands for: the entity, where its full name first ends, and
/// whether the word is a given name (which needs no capital after it).
type Known = Option<(EntityRef, usize, bool)>;

/// The surnames standing alone after a full name, as new mentions; and the
/// town mentions that are such a surname (`Henderson` after `Fritz
/// Henderson`), as (index, person).
fn surnames<'a>(
    text: &str,
    sentences: &[Span],
    mentions: &[Mention],
    names: &NameRules,
    entity: &impl Fn(EntityRef) -> &'a Entity,
) -> (Vec<Mention>, Vec<(usize, EntityRef)>) {
    // Surname → (entity, where its full name first appears); a surname two
    // people share is dropped.
    let mut known: HashMap<String, Known, FxBuild> = HashMap::default();
    let mut given: HashMap<String, Known, FxBuild> = HashMap::default();
    let add = |map: &mut HashMap<_, Known, FxBuild>, key, m: &Mention, first| {
        map.entry(key)
            .and_modify(|v: &mut Known| {
                if v.is_some_and(|(r, ..)| r != m.entity) {
                    *v = None;
                }
            })
            .or_insert(Some((m.entity, m.span.end, first)));
    };
    for m in mentions {
        let e = entity(m.entity);
        if e.kind != "PERSON" || m.source == Source::Coref {
            continue;
        }
        // The canonical name's surname, and the one of the name as written
        // ("Omar al-Beshir" for Omar al-Bashir).
        let written = text.get(m.span.start..m.span.end).and_then(surname);
        let family = surname(&e.name);
        let surnames = family.into_iter().chain(written.filter(|w| Some(*w) != family));
        // "al-Burhan" is also "Burhan" on second mention.
        for s in surnames.flat_map(|s| std::iter::once(s).chain(without_article(s))) {
            add(&mut known, s.to_string(), m, false);
        }
        let mut words = e.name.split_whitespace();
        if let (Some(first), Some(_)) = (words.next(), words.next()) {
            if Some(first) != family && names.is_given(first) {
                add(&mut given, first.to_string(), m, true);
            }
        }
    }
    // A word that is anyone's surname is not read as a given name.
    for (first, v) in given {
        known.entry(first).or_insert(v);
    }
    let (mut out, mut towns) = (Vec::new(), Vec::new());
    if known.is_empty() {
        return (out, towns);
    }
    // Only words starting with a surname's first byte are looked up.
    let mut first = [false; 256];
    for k in known.keys() {
        if let Some(&b) = k.as_bytes().first() {
            first[usize::from(b)] = true;
        }
    }
    // One pass over the words of the text; names may contain hyphens.
    let bytes = text.as_bytes();
    let word_at = |i: usize| match bytes[i] {
        b if b.is_ascii() => (b.is_ascii_alphanumeric() || b == b'-' || b == b'_', 1),
        _ => text[i..].chars().next().map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8())),
    };
    let mut i = 0;
    while i < bytes.len() {
        let (word, len) = word_at(i);
        if !word {
            i += len;
            continue;
        }
        let s = i;
        i += len;
        while i < bytes.len() {
            match word_at(i) {
                (true, len) => i += len,
                (false, _) => break,
            }
        }
        if !first[usize::from(bytes[s])] {
            continue;
        }
        let Some(&Some((target, after, first_name))) = known.get(&text[s..i]) else { continue };
        if first_name && names_another(&text[i..]) {
            continue;
        }
        let span = Span::new(s, i);
        // Mentions are sorted: only the one starting last at or before the
        // word can overlap it.
        let k = mentions.partition_point(|m| m.span.start < span.end);
        // `Mr Zorvan`, a person the rules know by the surname alone, is
        // the one full name of the document with that surname, before or
        // after it (GATE ANNIE's orthomatcher).
        if !first_name && k > 0 && mentions[k - 1].span == span && mentions[k - 1].entity != target
        {
            let m = &mentions[k - 1];
            let e = entity(m.entity);
            if m.source == Source::Rule && e.kind == "PERSON" && e.name == text[s..i] {
                towns.push((k - 1, target));
                continue;
            }
        }
        if s < after {
            continue;
        }
        if k > 0 && mentions[k - 1].span.end > span.start {
            if is_town_surname(text, &mentions[k - 1], span, target, names) {
                towns.push((k - 1, target));
            }
            continue;
        }
        out.push(Mention {
            span,
            sentence: super::sentence_of(sentences, s),
            entity: target,
            source: Source::Coref,
            demonym: false,
        });
    }
    (out, towns)
}

/// Whether mention `m`, a town's name at `span`, stands for `person`, a
/// person the rules found whose surname it is: not after a preposition of
/// place (`in Henderson`) nor before a comma and a capital (`Henderson,
/// Nevada`).
fn is_town_surname(
    text: &str,
    m: &Mention,
    span: Span,
    person: EntityRef,
    names: &NameRules,
) -> bool {
    if m.span != span || !names.is_town(m) || !matches!(person, EntityRef::Found(_)) {
        return false;
    }
    let before = text[..span.start].trim_end();
    let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let place = ["in", "at", "from", "to", "near", "outside", "into", "across", "around", "of"]
        .iter()
        .any(|p| p.eq_ignore_ascii_case(word));
    let after = text[span.end..].strip_prefix(", ").unwrap_or("");
    !place && !after.starts_with(char::is_uppercase)
}

/// Whether `rest`, the text after a given name, goes on with a family
/// name (`Meles Tekle`, `Omar al-Hassan`): then the given name is another
/// person's.
fn names_another(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '\t']);
    rest.starts_with(char::is_uppercase)
        || ["al-", "el-", "bin ", "ibn ", "van ", "von ", "de ", "da ", "di ", "du ", "le ", "la "]
            .iter()
            .any(|p| rest.starts_with(p))
}

fn pronouns<'a>(
    text: &str,
    sentences: &[Span],
    mentions: &[Mention],
    lexicon: &Lexicon,
    entity: &impl Fn(EntityRef) -> &'a Entity,
) -> Vec<Mention> {
    let mut out = Vec::new();
    // Made on first use: most documents have no pronoun to resolve.
    let mut quotes: Option<Quotes> = None;
    // The pipeline's mentions come by sentence; `out` does too, as it
    // grows sentence by sentence.
    let by_sentence = mentions.is_sorted_by_key(|m| m.sentence);
    for (i, s) in sentences.iter().enumerate().skip(1) {
        let sentence = &text[s.start..s.end];
        // "He said …" at the start, or `"…," he said` after a quotation.
        let at = match ["He ", "She "].iter().find(|w| sentence.starts_with(**w)) {
            Some(w) => Some((0, w.len())),
            None => sentence.match_indices(['"', '”']).find_map(|(i, q)| {
                let before = sentence[..i].chars().next_back()?;
                let after = &sentence[i + q.len()..];
                let after = after.strip_prefix(' ')?;
                let word = ["he ", "she "].into_iter().find(|w| after.starts_with(w))?;
                [',', '?', '!'].contains(&before).then_some((i + q.len() + 1, word.len()))
            }),
        };
        let Some((from, len)) = at else { continue };
        // The pronoun must report speech within a few words: "He said",
        // "She also warned".
        let rest = &sentence[from + len..];
        let window_end = rest.char_indices().nth(30).map_or(rest.len(), |(b, _)| b);
        let reports = lexicon.triggers(&rest[..window_end]).iter().any(|t| {
            t.entries.iter().any(|&e| lexicon.entries()[e].frame == Frame::Say)
                && rest[..t.span.start].split_whitespace().count() <= 2
        });
        if !reports {
            continue;
        }
        // The nearest earlier sentence naming people must name exactly one.
        let mut people: Vec<EntityRef> = Vec::new();
        // After a quotation, only the sentence before may name the speaker.
        let back = if from == 0 { 3 } else { 1 };
        for j in (i.saturating_sub(back)..i).rev() {
            people = in_sentence(mentions, by_sentence, j)
                .iter()
                .chain(in_sentence(&out, true, j))
                .filter(|m| m.sentence == j && entity(m.entity).kind == "PERSON")
                // A person named inside a quotation is not its speaker.
                .filter(|m| quotes.get_or_insert_with(|| Quotes::new(text)).outside(m.span.start))
                .map(|m| m.entity)
                .collect();
            let mut seen = Vec::new();
            people.retain(|p| {
                !seen.contains(p) && {
                    seen.push(*p);
                    true
                }
            });
            if !people.is_empty() {
                break;
            }
        }
        if let [one] = people[..] {
            out.push(Mention {
                span: Span::new(s.start + from, s.start + from + len - 1),
                sentence: i,
                entity: one,
                source: Source::Coref,
                demonym: false,
            });
        }
    }
    out
}

/// The mentions of sentence `j` among `mentions`: those in its range when
/// they come by sentence (`by_sentence`), so that a long document is not
/// read in full for each pronoun; all of them otherwise (the caller still
/// tests each one's sentence).
fn in_sentence(mentions: &[Mention], by_sentence: bool, j: usize) -> &[Mention] {
    if !by_sentence {
        return mentions;
    }
    let from = mentions.partition_point(|m| m.sentence < j);
    let to = mentions.partition_point(|m| m.sentence <= j);
    &mentions[from..to]
}

/// Where the quotation marks and line breaks of a text are, to tell
/// whether a byte offset lies inside a quotation on its line without
/// counting the marks again for each mention.
struct Quotes<'t> {
    text: &'t str,
    /// Byte offsets of `"`, `“` and `”`, in order.
    marks: Vec<usize>,
    /// Byte offsets of `\n`, in order.
    breaks: Vec<usize>,
}

impl<'t> Quotes<'t> {
    fn new(text: &'t str) -> Quotes<'t> {
        let (mut marks, mut breaks) = (Vec::new(), Vec::new());
        for (at, c) in text.match_indices(['"', '“', '”', '\n']) {
            if c == "\n" {
                breaks.push(at);
            } else {
                marks.push(at);
            }
        }
        Quotes { text, marks, breaks }
    }

    /// Whether an even number of marks stands between the start of the
    /// line holding `at` and `at`: it is outside any quotation. An offset
    /// off the text or inside a character counts as outside.
    fn outside(&self, at: usize) -> bool {
        let line = self.breaks.partition_point(|&b| b < at);
        let line_start = line.checked_sub(1).map_or(0, |k| self.breaks[k] + 1);
        let before = |to: usize| self.marks.partition_point(|&m| m < to);
        !self.text.is_char_boundary(at) || (before(at) - before(line_start)) % 2 == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The marks' offsets say what counting the marks on the line says,
    /// at every offset of random texts (with ones off the text and inside
    /// a character).
    #[test]
    fn quotes_as_counted() {
        let counted = |text: &str, at: usize| {
            let head = text.get(..at).unwrap_or("");
            let head = &head[head.rfind('\n').map_or(0, |i| i + 1)..];
            head.matches(['"', '“', '”']).count() % 2 == 0
        };
        let pieces = ["\"", "“", "”", "\n", "a", " ", "é", "He said"];
        let (mut inside, mut outside) = (0, 0);
        for text in crate::testing::generated_texts(&pieces, 3_000, 12) {
            let quotes = Quotes::new(&text);
            for at in 0..text.len() + 2 {
                let want = counted(&text, at);
                assert_eq!(quotes.outside(at), want, "{text:?} at {at}");
                *if want { &mut outside } else { &mut inside } += 1;
            }
        }
        assert!(inside > 1_000 && outside > 1_000, "{inside} inside, {outside} outside");
    }

    /// A sentence's mentions are those a filter on the sentence finds,
    /// in the same order, whether or not the list comes by sentence.
    #[test]
    fn in_sentence_as_a_filter() {
        let mut random = crate::testing::xorshift(0x2545_f491_4f6c_dd1d);
        for _ in 0..2_000 {
            let mut mentions: Vec<Mention> = (0..random() % 30)
                .map(|k| Mention {
                    span: Span::new(k as usize, k as usize + 1),
                    sentence: (random() % 8) as usize,
                    entity: EntityRef::Found(k as u32),
                    source: Source::Rule,
                    demonym: false,
                })
                .collect();
            if random() % 2 == 0 {
                mentions.sort_by_key(|m| m.sentence);
            }
            let sorted = mentions.is_sorted_by_key(|m| m.sentence);
            for j in 0..9 {
                let want: Vec<&Mention> = mentions.iter().filter(|m| m.sentence == j).collect();
                let got: Vec<&Mention> =
                    in_sentence(&mentions, sorted, j).iter().filter(|m| m.sentence == j).collect();
                assert_eq!(got, want);
            }
        }
    }

    #[test]
    fn surnames_by_name_order() {
        assert_eq!(surname("Volodymyr Zelensky"), Some("Zelensky"));
        assert_eq!(surname("Lim Eul-chul"), Some("Lim"));
        assert_eq!(surname("Kim Yong-Hyun"), Some("Kim"));
        assert_eq!(surname("Putin"), None);
        assert_eq!(surname("Abdel Fattah al-Burhan"), Some("al-Burhan"));
    }
}

#[cfg(test)]
mod pipeline_tests {
    use crate::extract::gazetteer::GazetteerBuilder;
    use crate::extract::lexicon::Lexicon;
    use crate::extract::Source;
    use crate::{Document, Pipeline};

    /// `text=entity(source)` for every mention not found by the gazetteer.
    fn linked(text: &str) -> Vec<String> {
        let mut b = GazetteerBuilder::new();
        b.add_file(
            "t.tsv",
            "id\tname\ttype\taliases\tdemonyms\tattributes\n\
             H1\tVolodymyr Zelensky\tPERSON\t\t\t\n\
             H2\tDmitry Peskov\tPERSON\t\t\t\n\
             H3\tAbdel Fattah al-Burhan\tPERSON\t\t\t\n\
             H4\tMeles Zenawi\tPERSON\t\t\t\n\
             H5\tFritz Kuhn\tPERSON\t\t\t\n\
             P1\tRussia\tPLACE\t\tRussian\t\n\
             P2\tHenderson\tPLACE\t\t\tkind=city\n\
             O1\tQNGC\tORG\t\t\t\n\
             O2\tZorvex Central Bank\tORG\tZMA\t\t\n\
             O3\tZealand Criminal Court\tORG\tZCC\t\t\n",
        );
        let pipeline = Pipeline::new(b.build().unwrap(), Lexicon::with_defaults().unwrap());
        let x = pipeline.extract(&Document::new("t", text), None);
        x.mentions
            .iter()
            .filter(|m| m.source != Source::Gazetteer)
            .map(|m| {
                let e = pipeline.entity(&x, m.entity);
                format!("{}={}({})", &text[m.span.start..m.span.end], e.name, m.source.as_str())
            })
            .collect()
    }

    #[test]
    fn surname_after_full_name() {
        assert_eq!(
            linked("Volodymyr Zelensky spoke. Zelensky's aides and Zelenskyite fans left."),
            ["Zelensky=Volodymyr Zelensky(coref)"]
        );
        // Before the full name, a surname is not linked.
        assert_eq!(linked("Peskov spoke. Later Dmitry Peskov left."), Vec::<String>::new());
    }

    /// A firm found with its legal form goes on by its name without it and
    /// by a distinctive first word, after the full name.
    #[test]
    fn a_firm_by_its_short_forms() {
        let firm = "Quarvex Industries Corp";
        assert_eq!(
            linked(
                "Quarvex said. Quarvex Industries Corp said. Quarvex grew. Quarvex Industries fell."
            ),
            [
                format!("{firm}={firm}(rule)"),
                format!("Quarvex={firm}(coref)"),
                format!("Quarvex Industries={firm}(coref)")
            ]
        );
        // A generic first word, one two firms share, one written in lower
        // case, one a person's surname, or one a capital word joins.
        for text in [
            "Pacific Zorvex Corp said. Pacific grew.",
            "Quarvex Oil Corp and Quarvex Gas Corp said. Quarvex grew.",
            "Anchor Zorvex Corp said. The anchor held. Anchor grew.",
            "Quarvex Oil Corp hired Mr Quarvex. Quarvex grew.",
            "Quarvex Oil Corp said. Quarvex Capital grew.",
        ] {
            let short: Vec<String> =
                linked(text).into_iter().filter(|l| l.ends_with("(coref)")).collect();
            assert_eq!(short, Vec::<String>::new(), "{text}");
        }
    }

    /// `Mr Zorvan` is the one Zorvan named in full, before or after; with
    /// two of them, neither.
    #[test]
    fn a_surname_after_an_honorific_is_the_full_name() {
        let both = ["Mark Zorvan=Mark Zorvan(rule)", "Zorvan=Mark Zorvan(coref)"];
        assert_eq!(linked("Mark Zorvan spoke on Friday. Mr Zorvan left."), both);
        assert_eq!(
            linked("Mr Zorvan left. Mark Zorvan spoke on Friday."),
            both[..].iter().rev().copied().collect::<Vec<_>>()
        );
        assert_eq!(
            linked("Mark Zorvan and Anna Zorvan spoke. Mr Zorvan left."),
            [
                "Mark Zorvan=Mark Zorvan(rule)",
                "Anna Zorvan=Anna Zorvan(rule)",
                "Zorvan=Zorvan(rule)"
            ]
        );
    }

    #[test]
    fn arabic_surname_without_article() {
        assert_eq!(
            linked("Abdel Fattah al-Burhan spoke. Burhan left."),
            ["Burhan=Abdel Fattah al-Burhan(coref)"]
        );
    }

    #[test]
    fn given_name_standing_alone() {
        assert_eq!(
            linked("Meles Zenawi spoke. \"Meles is tired,\" an aide said."),
            ["Meles=Meles Zenawi(coref)"]
        );
        // Followed by a family name, it is someone else's given name.
        assert_eq!(
            linked("Meles Zenawi spoke. Meles Tekle and Meles al-Amin left."),
            ["Meles Tekle=Meles Tekle(rule)"]
        );
    }

    #[test]
    fn a_town_that_is_a_surname_is_the_person() {
        assert_eq!(
            linked(
                "Fritz Henderson spoke. Henderson said more. Officials in Henderson, \
                 and in Henderson, Nevada, agreed."
            ),
            ["Fritz Henderson=Fritz Henderson(rule)", "Henderson=Fritz Henderson(coref)"]
        );
        // Without the person, the town stays a town.
        assert_eq!(linked("Henderson said more."), Vec::<String>::new());
    }

    #[test]
    fn rule_names_get_surnames_too() {
        assert_eq!(
            linked("Lim Eul-chul, a professor at a university, spoke. Lim said more."),
            ["Lim Eul-chul=Lim Eul-chul(rule)", "Lim=Lim Eul-chul(coref)"]
        );
    }

    #[test]
    fn acronym_defined_after_a_name() {
        let text = "The Zorvex Liberation Front (ZLF) attacked. ZLF fighters and the \
                    ZLF-led group left; ZLFX did not.";
        assert_eq!(
            linked(text),
            [
                "Zorvex Liberation Front=Zorvex Liberation Front(rule)",
                "ZLF=Zorvex Liberation Front(coref)",
                "ZLF=Zorvex Liberation Front(coref)",
                "ZLF=Zorvex Liberation Front(coref)",
            ]
        );
        // Letters that do not spell the name, a one-word name, a common noun.
        for text in [
            "The Zorvex Liberation Front (QQ) attacked. QQ fighters left.",
            "Russia (RU) said. RU officials left.",
            "gross domestic product (GDP) rose. GDP fell.",
        ] {
            assert!(
                linked(text).iter().all(|l| !l.contains("(coref)")),
                "{text}: {:?}",
                linked(text)
            );
        }
    }

    #[test]
    fn acronym_the_gazetteer_reads_otherwise() {
        // Defined for another body: the definition wins.
        assert_eq!(
            linked("The Zorvex Commerce Commission (ZCC) ruled. ZCC staff left."),
            [
                "Zorvex Commerce Commission=Zorvex Commerce Commission(rule)",
                "ZCC=Zorvex Commerce Commission(coref)",
                "ZCC=Zorvex Commerce Commission(coref)",
            ]
        );
        // The gazetteer's entity goes by the acronym: the name written out is it.
        assert_eq!(
            linked("Quill Natural Gas Corp (QNGC) said. QNGC left."),
            ["Quill Natural Gas Corp=QNGC(coref)"]
        );
        // A name sharing a word with the gazetteer's: maybe renamed; left alone.
        assert_eq!(
            linked("The Zorvex Monetary Agency (ZMA) said. ZMA left."),
            ["Zorvex Monetary Agency=Zorvex Monetary Agency(rule)"]
        );
    }

    #[test]
    fn acronym_letters_in_order() {
        use super::super::coref::abbreviates;
        for (acronym, name) in [
            ("ROK", "Republic of Korea"),
            ("ICCO", "International Cocoa Organization"),
            ("ASEAN", "Association of Southeast Asian Nations"),
            ("PEMEX", "Petroleos Mexicanos"),
            ("EC", "European\nCommunity"),
        ] {
            assert!(abbreviates(acronym, name), "{acronym} {name}");
        }
        for (acronym, name) in [("AK", "Kenya"), ("PS", "Socialist Party"), ("SET", "Thailand")] {
            assert!(!abbreviates(acronym, name), "{acronym} {name}");
        }
    }

    #[test]
    fn pronoun_subject_of_speech() {
        assert_eq!(
            linked("Dmitry Peskov met reporters. He said Russia would respond."),
            ["He=Dmitry Peskov(coref)"]
        );
        // Two people named before: the pronoun is left alone.
        assert_eq!(
            linked("Dmitry Peskov met Volodymyr Zelensky. He said Russia would respond."),
            Vec::<String>::new()
        );
        // Not a speech verb: left alone.
        assert_eq!(linked("Dmitry Peskov met reporters. He left early."), Vec::<String>::new());
    }
}
