//! Coreference within a document: a surname after a full name
//! (`Zelensky` after `Volodymyr Zelensky`), a known given name standing
//! alone after one (`Meles` after `Meles Zenawi`), and a sentence-initial
//! `He`/`She` that reports speech, when only one person can be meant.

use std::collections::HashMap;

use super::gazetteer::Entity;
use super::lexicon::{Frame, Lexicon};
use super::names::NameRules;
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
             P2\tHenderson\tPLACE\t\t\tkind=city\n",
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
