//! Relations between mentions, sentence by sentence: attribution (`X said
//! …`), roles (`Kremlin spokesperson Dmitry Peskov`), actions (`North Korea
//! shipped shells to Russia`, also passive), nominal events (`Putin's visit
//! to Pyongyang`), each with negation and hedging.
//!
//! The trigger words and their frames come from the [`Lexicon`]; this module
//! only knows English word order: where a subject, an object, a passive
//! agent or an apposition sits relative to the trigger.

use std::borrow::Cow;
use std::collections::HashSet;

use super::dates::DateMention;
use super::gazetteer::Entity;
use super::lexicon::{Entry, Frame, Lexicon, Trigger};
use super::{EntityRef, Extraction, Mention, Relation};
use crate::Span;

/// Words that may stand between a subject and its verb: auxiliaries,
/// adverbs and the like (`Zelensky has also repeatedly warned`).
#[rustfmt::skip]
const SKIPPABLE: &[&str] = &[
    "has", "have", "had", "was", "were", "is", "are", "be", "been", "will", "would", "could",
    "can", "may", "might", "should", "must", "shall", "also", "not", "never", "did", "does", "do",
    "already", "previously", "earlier", "later", "then", "still", "once", "again", "now", "too",
    "further", "first", "last", "both", "all", "itself", "himself", "herself", "themselves", "had",
    "n't", "jointly", "publicly", "officially", "subsequently", "recently", "today", "yesterday",
    "late", "early", "who", "which", "to", "scheduled", "expected", "due", "set", "plans",
    "planned", "plan", "intends", "intended", "decided", "wants", "wanted", "hopes", "hoped",
    "began", "begun", "started", "continued", "continues", "tried", "sought", "able", "going",
    "reportedly", "allegedly", "refused", "refuses", "declined", "declines", "failed", "fails",
];

/// Nouns for the people or means of a country or organisation:
/// `Russian forces attacked …` makes Russia the subject.
const GROUP_NOUNS: &[&str] = &[
    "forces",
    "troops",
    "military",
    "army",
    "government",
    "officials",
    "authorities",
    "soldiers",
    "navy",
    "police",
    "officers",
    "personnel",
    "jets",
    "warplanes",
    "drones",
    "missiles",
    "rockets",
    "shells",
    "artillery",
    "leadership",
    "regime",
    "administration",
    "ministry",
    "diplomats",
    "security",
    "units",
    "fighters",
    "militants",
    "rebels",
    "air",
    "force",
];

/// Function words that end a noun phrase when reading backwards.
const STOP: &[&str] = &[
    "to", "in", "of", "for", "on", "at", "by", "with", "from", "that", "which", "who", "and", "or",
    "but", "as", "were", "was", "are", "is", "be", "been", "had", "has", "have", "the", "a", "an",
];

/// Prepositions that start a phrase rather than a reported clause.
const PREPOSITIONS: &[&str] =
    &["in", "at", "on", "after", "during", "from", "to", "with", "by", "before", "while", "for"];

/// Speech verbs whose first object is the listener, not the report.
/// Words for a part of a place, written before its name (`in central
/// Israel`, `the occupied West Bank`).
const PART_OF_PLACE: &[&str] = &[
    "central",
    "northern",
    "southern",
    "eastern",
    "western",
    "north",
    "south",
    "east",
    "west",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "occupied",
    "rural",
    "coastal",
    "neighbouring",
    "neighboring",
];

/// Days a report is dated by, which may stand between a subject and its
/// verb (`the Commission on Thursday said`).
const DAY_WORDS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "yesterday",
    "today",
    "tonight",
];

const TELL: &[&str] = &["told", "tells", "tell", "telling"];

const BE: &[&str] = &["is", "are", "was", "were", "been", "being", "be", "get", "gets", "got"];

const NEGATIONS: &[&str] = &["not", "never", "no", "n't", "neither", "nor", "without"];

/// Words that may stand between a clause's head and its subject.
const DETERMINERS: &[&str] = &["the", "its", "his", "her", "their", "a", "an"];

/// Verbs that deny or refuse what follows them: `denied supplying`,
/// `refused to meet`, `denied that Russia supplied`.
const DENIALS: &[&str] = &[
    "denied",
    "denies",
    "deny",
    "denying",
    "rejected",
    "rejects",
    "refuted",
    "refutes",
    "refused",
    "refuses",
    "declined",
    "declines",
    "failed",
    "fails",
    "dismissed",
    "dismisses",
];

/// Words that cast doubt on a clause they introduce: `claimed that`,
/// `unconfirmed reports said`, `accused Russia of attacking`.
const DOUBTS: &[&str] = &[
    "claimed",
    "claims",
    "claim",
    "claiming",
    "alleged",
    "alleges",
    "allegation",
    "allegations",
    "unconfirmed",
    "unverified",
    "unsubstantiated",
    "rumours",
    "rumors",
    "rumoured",
    "rumored",
    "accused",
    "accuses",
    "accusing",
    "accusations",
    "accusation",
    "suspected",
    "suspects",
    "reportedly",
    "allegedly",
    "purportedly",
];

/// Participles that, before `to`, report hearsay: `is said to have supplied`.
const HEARSAY: &[&str] =
    &["said", "believed", "thought", "reported", "alleged", "rumoured", "rumored", "understood"];

/// Verbs whose object is the recipient of what a participle names:
/// `Russia used missiles supplied by Pyongyang`.
const USE: &[&str] = &[
    "used",
    "uses",
    "using",
    "received",
    "receives",
    "receiving",
    "obtained",
    "acquired",
    "bought",
    "purchased",
    "fielded",
    "fired",
    "fires",
    "firing",
];

const HEDGES: &[&str] = &[
    "reportedly",
    "allegedly",
    "could",
    "might",
    "may",
    "possibly",
    "potentially",
    "likely",
    "unlikely",
    "apparently",
    "purportedly",
    "believed",
    "suspected",
    "unconfirmed",
    "unverified",
    "substantiated",
    "claims",
    "claimed",
    "rumoured",
    "rumored",
    "alleged",
    "unsubstantiated",
    "perhaps",
    "probably",
    "seemingly",
];

/// Finds every relation in a document, given the lexicon's `triggers` in
/// it. `entity` looks up the entity a mention refers to.
pub fn find<'a>(
    text: &str,
    x: &Extraction,
    lexicon: &Lexicon,
    triggers: &[Trigger],
    entity: impl Fn(EntityRef) -> &'a Entity,
) -> Vec<Relation> {
    let titles = lexicon.title_words();
    let mut out: Vec<Relation> = Vec::new();
    let mut quotes = Quotes::default();
    for (si, &sentence) in x.sentences.iter().enumerate() {
        let lo = x.mentions.partition_point(|m| m.span.start < sentence.start);
        let hi = x.mentions.partition_point(|m| m.span.start < sentence.end);
        let t_lo = triggers.partition_point(|t| t.span.start < sentence.start);
        let t_hi = triggers.partition_point(|t| t.span.end <= sentence.end);
        let d_lo = x.dates.partition_point(|d| d.span.start < sentence.start);
        let d_hi = x.dates.partition_point(|d| d.span.start < sentence.end);
        let s = Sentence {
            dates: &x.dates[d_lo..d_hi.max(d_lo)],
            text,
            span: sentence,
            index: si,
            mentions: &x.mentions[lo..hi],
            offset: lo,
            x,
            entity: &entity,
            titles,
            triggers: &triggers[t_lo..t_hi.max(t_lo)],
            lexicon,
        };
        let mut found = Vec::new();
        for t in s.triggers {
            s.relations(t, lexicon, &mut found);
        }
        s.located_in(&mut found);
        for r in found {
            let duplicate = out.iter().rev().take_while(|o| o.sentence == si).any(|o| {
                o.label == r.label
                    && s.same(o.subject, r.subject)
                    && match (o.object, r.object) {
                        (Some(a), Some(b)) => s.same(a, b),
                        (None, None) => o.object_text == r.object_text,
                        _ => false,
                    }
            });
            if !duplicate {
                out.push(r);
            }
        }
        quotes.sentence(&s, &mut out);
    }
    out
}

/// Quotations that run over several sentences: `"We will respond," he
/// said. "Russia will pay."` and `"Russia will pay. We will respond," he
/// said.` Every quoted sentence without a speaker of its own is the
/// statement of the speaker the quotation is attributed to.
#[derive(Default)]
struct Quotes {
    /// Whether the text is inside a quotation.
    inside: bool,
    /// The attribution of the quotation just before, for one that goes on.
    speaker: Option<Relation>,
    /// Quoted sentences waiting for their speaker: index, clause, the
    /// first two entities named, date.
    pending: Vec<(usize, Span, Vec<usize>, String)>,
}

/// The quotation marks `"`, `“` and `”` in `s` with their byte offsets,
/// found by a byte search: matching a set of chars decodes every one.
fn quote_marks(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = s.as_bytes();
    // `“` and `”` are E2 80 9C and E2 80 9D in UTF-8.
    memchr::memchr2_iter(b'"', 0xE2, bytes).filter_map(move |i| match bytes[i] {
        b'"' => Some((i, '"')),
        _ => match bytes.get(i + 1..i + 3) {
            Some([0x80, 0x9C]) => Some((i, '“')),
            Some([0x80, 0x9D]) => Some((i, '”')),
            _ => None,
        },
    })
}

impl Quotes {
    /// How many quoted sentences may wait for a speaker; more means a
    /// quotation mark went astray.
    const MAX_PENDING: usize = 4;

    fn sentence<'a, F: Fn(EntityRef) -> &'a Entity>(
        &mut self,
        s: &Sentence<'_, F>,
        out: &mut Vec<Relation>,
    ) {
        let body = s.slice(s.span.start, s.span.end);
        let opens = body.trim_start().starts_with(['"', '“']);
        let mut starts_inside = self.inside;
        // A quotation goes on into a new paragraph only if that opens with a
        // quotation mark again.
        if s.text[..s.span.start].trim_end_matches([' ', '\t']).ends_with('\n') {
            starts_inside &= opens;
            self.inside = false;
        }
        // Where the quotation this sentence starts in ends.
        let mut closes = None;
        for (i, c) in quote_marks(body) {
            let was = self.inside;
            match c {
                '“' => self.inside = true,
                '”' => self.inside = false,
                _ => self.inside = !self.inside,
            }
            if was && !self.inside && closes.is_none() {
                closes = Some(s.span.start + i);
            }
        }
        if !(opens || starts_inside) {
            // Not part of a quotation: a new paragraph of reporting.
            self.speaker = None;
            self.pending.clear();
            self.inside &= quote_marks(body).any(|(_, c)| c != '”');
            return;
        }
        let first = out.partition_point(|r| r.sentence < s.index);
        let spoken =
            out[first..].iter().any(|r| s.triggers.iter().any(|t| t.span == r.verb && s.is_say(t)));
        // `"…," X said`: a speech verb right after the closing quote.
        let attribution = out[first..]
            .iter()
            .find(|r| {
                let subject = s.x.mentions[r.subject].span;
                !r.object_text.is_empty()
                    && r.object_text.end <= r.verb.start
                    && s.triggers.iter().any(|t| t.span == r.verb && s.is_say(t))
                    && s.slice(r.object_text.end, r.verb.start.min(subject.start))
                        .contains(['"', '”'])
            })
            .cloned();
        if let Some(r) = attribution {
            if starts_inside {
                self.attribute(s, &r, out);
            }
            self.pending.clear();
            self.speaker = Some(r);
            return;
        }
        if spoken {
            // Quoted speech reporting someone else: "The LTTE has said …".
            return;
        }
        let clause = s.trim(Span::new(s.span.start, closes.unwrap_or(s.span.end)));
        let mut named: Vec<usize> = Vec::new();
        for (i, m) in s.mentions.iter().enumerate() {
            if clause.contains(m.span)
                && !m.demonym
                && named.iter().all(|&n| !s.same(n, i + s.offset))
                && named.len() < 2
            {
                named.push(i + s.offset);
            }
        }
        self.pending.push((s.index, clause, named, s.date()));
        if self.pending.len() > Self::MAX_PENDING {
            self.pending.clear();
            self.inside = false;
            self.speaker = None;
            return;
        }
        if !self.inside {
            // The quotation ends here unattributed: it goes on from the one before.
            if let Some(r) = self.speaker.clone() {
                self.attribute(s, &r, out);
            }
            self.pending.clear();
        }
    }

    /// Gives every pending quoted sentence to the speaker of `r`.
    fn attribute<'a, F: Fn(EntityRef) -> &'a Entity>(
        &mut self,
        s: &Sentence<'_, F>,
        r: &Relation,
        out: &mut Vec<Relation>,
    ) {
        for (index, clause, named, date) in self.pending.drain(..) {
            let object = named.into_iter().find(|&m| !s.same(m, r.subject));
            let hedged =
                words_in(s.slice(clause.start, clause.end)).any(|w| HEDGES.contains(&w.as_ref()));
            let at = out.partition_point(|o| o.sentence <= index);
            out.insert(
                at,
                Relation {
                    sentence: index,
                    subject: r.subject,
                    label: r.label.clone(),
                    verb: r.verb,
                    object,
                    object_text: clause,
                    date,
                    negated: false,
                    hedged,
                },
            );
        }
    }
}

/// One sentence and what the earlier stages found in it.
struct Sentence<'s, F> {
    text: &'s str,
    span: Span,
    index: usize,
    mentions: &'s [Mention],
    /// Index of `mentions[0]` in the document's mentions.
    offset: usize,
    x: &'s Extraction,
    entity: &'s F,
    titles: &'s HashSet<String>,
    /// Trigger words of this sentence.
    triggers: &'s [Trigger],
    /// Dates of this sentence (a document may have thousands).
    dates: &'s [DateMention],
    lexicon: &'s Lexicon,
}

impl<'s, 'a, F: Fn(EntityRef) -> &'a Entity> Sentence<'s, F> {
    fn relations(&self, t: &Trigger, lexicon: &Lexicon, out: &mut Vec<Relation>) {
        for &e in &t.entries {
            let entry = &lexicon.entries()[e];
            let before = out.len();
            match entry.frame {
                Frame::Say => self.say(t.span, entry, out),
                Frame::Report => self.report(t.span, entry, out),
                Frame::Act | Frame::Mutual => self.act(t.span, entry, out),
                Frame::Noun => self.noun(t.span, entry, out),
                Frame::Title => self.title(t.span, entry, out),
            }
            if matches!(entry.frame, Frame::Say | Frame::Report) {
                let found = out.split_off(before);
                out.extend(found.into_iter().filter(|r| !self.town(r.subject)));
            }
            if out.len() > before {
                return;
            }
        }
    }

    /// Whether mention `m` names a town: a city of fewer than a million
    /// people, as the default gazetteer describes places. Countries,
    /// capitals and big cities speak for their governments (`Moscow
    /// said`); a town does not, and `Nogales said`, `Santos said` name a
    /// person or a firm the gazetteer took for the town.
    fn town(&self, m: usize) -> bool {
        let e = (self.entity)(self.x.mentions[m].entity);
        e.kind == "PLACE"
            && e.attribute("kind") == Some("city")
            && e.attribute("population")
                .and_then(|p| p.parse::<u64>().ok())
                .is_some_and(|p| p < 1_000_000)
    }

    fn kind(&self, m: usize) -> &'a str {
        &(self.entity)(self.x.mentions[m].entity).kind
    }

    fn same(&self, a: usize, b: usize) -> bool {
        self.x.mentions[a].entity == self.x.mentions[b].entity
    }

    fn slice(&self, lo: usize, hi: usize) -> &'s str {
        self.text.get(lo..hi).unwrap_or("")
    }

    /// The document index of the mention ending exactly at `pos`.
    fn mention_ending(&self, pos: usize) -> Option<usize> {
        self.mentions.iter().position(|m| m.span.end == pos).map(|i| i + self.offset)
    }

    /// The document index of the mention starting at `pos`, after spaces
    /// and an optional `the`.
    fn mention_starting(&self, pos: usize) -> Option<usize> {
        let p = skip_space(self.text, pos, self.span.end);
        let at = |p: usize| {
            self.mentions.iter().position(|m| m.span.start == p).map(|i| i + self.offset)
        };
        at(p).or_else(|| {
            let rest = self.slice(p, self.span.end);
            ["the ", "The "].iter().find(|a| rest.starts_with(**a)).and_then(|a| at(p + a.len()))
        })
    }

    /// The subject of a verb starting at `pos`: the mention before it,
    /// past auxiliaries, adverbs, dates, group nouns and appositions.
    fn subject_before(&self, pos: usize) -> Option<usize> {
        let text = self.text;
        let mut p = pos;
        let mut group = false;
        let mut previous = String::new();
        // "denied supplying", "threatened to strike": a verb that another governs.
        let gerund =
            words_in(self.slice(pos, self.span.end)).next().is_some_and(|w| w.ends_with("ing"));
        loop {
            p = skip_space_back(text, self.span.start, p);
            if p <= self.span.start {
                return None;
            }
            if let Some(m) = self.mention_ending(p) {
                let mention = &self.x.mentions[m];
                if mention.demonym && !group {
                    return None;
                }
                if let Some(owner) = self.behind_preposition(m) {
                    return owner;
                }
                return Some(m);
            }
            if group {
                // "Russia's military", "Russia’s forces"
                for s in ["'s", "’s"] {
                    if self.slice(self.span.start, p).ends_with(s) {
                        if let Some(m) = self.mention_ending(p - s.len()) {
                            return Some(m);
                        }
                    }
                }
            }
            if let Some(d) = self.dates.iter().find(|d| d.span.end == p) {
                // "Zelensky on Monday said", "Putin in June visited"
                p = d.span.start;
                if let Some((start, w)) = word_before(text, self.span.start, p) {
                    if ["on", "in", "since", "by", "late", "early"].contains(&w) {
                        p = start;
                    }
                }
                continue;
            }
            // The same with no document date to resolve the day against.
            if let Some((start, w)) = word_before(text, self.span.start, p) {
                if DAY_WORDS.iter().any(|d| d.eq_ignore_ascii_case(w)) {
                    p = match word_before(text, self.span.start, start) {
                        Some((on, "on")) => on,
                        _ => start,
                    };
                    continue;
                }
            }
            let prev = text[..p].chars().next_back()?;
            if prev == ',' && (previous == "which" || previous == "who") {
                // A relative clause: "Saudi Arabia, which has held talks".
                p -= 1;
                continue;
            }
            if prev == ',' {
                // An apposition: ", a professor at …," or ", who …,".
                let inner_end = p - 1;
                let open = text[self.span.start..inner_end].rfind(',')? + self.span.start;
                let inner = text[open + 1..inner_end].trim_start();
                let first = inner.split_whitespace().next().unwrap_or("");
                // ", Kremlin spokesman,", ", Pentagon's press secretary,"
                let titled = inner.split_whitespace().count() <= 5
                    && self.mentions.iter().any(|m| m.span.start == inner_end - inner.len())
                    && words_in(inner).any(|w| self.titles.contains(w.as_ref()));
                if ["a", "an", "the", "another", "who", "which", "whose", "its", "his", "her"]
                    .contains(&first)
                    || self.titles.contains(&first.to_lowercase())
                    || titled
                {
                    p = open;
                    continue;
                }
                // "the foreign minister, Sergei Lavrov, said": the name
                // set off after a title is the subject.
                let named = self.mention_ending(inner_end);
                if let Some(m) = named.filter(|&m| {
                    self.kind(m) == "PERSON"
                        && self.x.mentions[m].span.start == inner_end - inner.len()
                        && self.title_ends_at(open)
                }) {
                    return Some(m);
                }
                return None;
            }
            if prev == ')' {
                p = text[self.span.start..p].rfind('(')? + self.span.start;
                continue;
            }
            let (start, word) = word_before(text, self.span.start, p)?;
            let lower = word.to_lowercase();
            if !group {
                // A verb governing this one: "denied supplying", "threatened
                // to strike", "agreed to send".
                let governor = self.triggers.iter().find(|t| {
                    t.span.end == start + word.len()
                        && t.entries.iter().any(|&e| {
                            matches!(
                                self.lexicon.entries()[e].frame,
                                Frame::Act | Frame::Mutual | Frame::Say
                            )
                        })
                });
                if let Some(t) = governor.filter(|_| gerund || previous == "to" || lower == "to") {
                    return self.subject_before(t.span.start);
                }
                // "accused Russia of attacking": the accused is the subject.
                if lower == "of" || lower == "for" {
                    let q = skip_space_back(text, self.span.start, start);
                    let m = self.mention_ending(q)?;
                    let (_, w) = word_before(text, self.span.start, self.x.mentions[m].span.start)?;
                    let w = w.to_lowercase();
                    let accusing =
                        ["accused", "accuses", "accusing", "blamed", "blames", "blaming"];
                    return accusing.contains(&w.as_str()).then_some(m);
                }
                // "is said to have supplied"
                if HEARSAY.contains(&lower.as_str()) && previous == "to" {
                    p = start;
                    previous = lower;
                    continue;
                }
            }
            if GROUP_NOUNS.contains(&lower.as_str()) {
                group = true;
            } else if group {
                // "US-led forces", "Iranian-backed militias"
                for suffix in ["-led", "-backed", "-allied"] {
                    if let Some(head) = lower.strip_suffix(suffix) {
                        return self.mention_ending(start + head.len());
                    }
                }
                return None;
            } else if lower == "and" {
                // A second verb of the same subject: "Natsios arrived … and met".
                return self.subject_of_earlier_verb(start);
            } else if !(SKIPPABLE.contains(&lower.as_str()) || lower.ends_with("ly")) {
                return None;
            }
            p = start;
            previous = lower;
        }
    }

    /// Where a name starts once a preceding `the` is included.
    fn article_before(&self, pos: usize) -> usize {
        match word_before(self.text, self.span.start, pos) {
            Some((start, w)) if w.eq_ignore_ascii_case("the") => start,
            _ => pos,
        }
    }

    /// The subject of the last action or speech verb before `pos` in the
    /// sentence, for coordinated verbs.
    fn subject_of_earlier_verb(&self, pos: usize) -> Option<usize> {
        let t = self.triggers.iter().rev().find(|t| {
            t.span.end <= pos
                && t.entries.iter().any(|&e| {
                    matches!(
                        self.lexicon.entries()[e].frame,
                        Frame::Act | Frame::Mutual | Frame::Say
                    )
                })
        })?;
        self.subject_before(t.span.start)
    }

    /// A second subject joined by `and`: "Putin and North Korean leader Kim
    /// Jong Un agreed", "Hamas and the Islamic Jihad claimed".
    fn conjunct(&self, first: usize) -> Option<usize> {
        let person = self.kind(first) == "PERSON";
        let mut p = self.article_before(self.x.mentions[first].span.start);
        loop {
            p = skip_space_back(self.text, self.span.start, p);
            if let Some(m) = self.mention_ending(p) {
                // A title's country or organisation: "North Korean leader Kim".
                if person && (self.x.mentions[m].demonym || self.kind(m) != "PERSON") {
                    p = self.x.mentions[m].span.start;
                    continue;
                }
                return None;
            }
            let (start, word) = word_before(self.text, self.span.start, p)?;
            if word == "and" {
                let q = skip_space_back(self.text, self.span.start, start);
                let m = self.mention_ending(q)?;
                return (!self.x.mentions[m].demonym && !self.same(m, first)).then_some(m);
            }
            if !(person && self.titles.contains(&word.to_lowercase())) {
                return None;
            }
            p = start;
        }
    }

    /// For mention `m` after a preposition, what stands for it as a
    /// subject: the person it qualifies ("analyst Carol Muratore of Morgan
    /// Stanley said"), else nothing ("The governor of West Darfur said": the
    /// place only modifies the real, unnamed subject; "councils in central
    /// Israel met": also past where in it). `None` when no preposition
    /// comes before `m`, which then stands for itself.
    fn behind_preposition(&self, m: usize) -> Option<Option<usize>> {
        let text = self.text;
        let mut lead = self.article_before(self.x.mentions[m].span.start);
        while let Some((start, w)) = word_before(text, self.span.start, lead) {
            if !PART_OF_PLACE.contains(&w.to_lowercase().as_str()) {
                break;
            }
            lead = self.article_before(start);
        }
        let (start, w) = word_before(text, self.span.start, lead)?;
        if !["of", "for", "from", "at", "in", "by", "with"].contains(&w) {
            return None;
        }
        let before = skip_space_back(text, self.span.start, start);
        let qualifies = ["of", "at", "from"].contains(&w);
        Some(self.mention_ending(before).filter(|&p| qualifies && self.kind(p) == "PERSON"))
    }

    /// The first mention inside `span` that is not `subject`'s entity.
    fn first_mention_in(&self, span: Span, subject: usize) -> Option<usize> {
        self.mentions
            .iter()
            .enumerate()
            .find(|(_, m)| span.contains(m.span) && m.entity != self.x.mentions[subject].entity)
            .map(|(i, _)| i + self.offset)
    }

    fn say(&self, verb: Span, entry: &Entry, out: &mut Vec<Relation>) {
        let lower = self.slice(verb.start, verb.end).to_lowercase();
        // "is said to have", "was told", "was criticised for", "was denied
        // a visa": a passive speech verb names no speaker, its subject is
        // spoken of or to. Only "X was quoted (in …) as saying" and "X was
        // reported as saying" make X the speaker.
        if self.after_be(verb) && !lower.ends_with("ing") {
            let rest = self.slice(verb.end, self.span.end);
            let mut next = word_spans(rest).map(|(_, w)| w);
            let first = next.next();
            let as_saying = first == Some("as")
                && next.next().is_some_and(|w| {
                    w.trim_end_matches(|c: char| !c.is_alphabetic()).ends_with("ing")
                });
            let quoted = lower == "quoted" && !matches!(first, Some("to" | "by"));
            if !(quoted || as_saying) {
                return;
            }
        }
        let (subject, clause) = if lower == "according to" {
            let Some(subject) =
                self.mention_starting(verb.end).or_else(|| self.source_of_report(verb.end))
            else {
                return;
            };
            let after = self.x.mentions[subject].span.end;
            let head = self.slice(self.span.start, verb.start).trim();
            if head.is_empty() || head.eq_ignore_ascii_case("but") {
                (subject, self.trim(Span::new(after, self.span.end)))
            } else {
                (subject, self.trim(Span::new(self.span.start, verb.start)))
            }
        } else if let Some(subject) = self.subject_before(verb.start) {
            // `"…," Olmert said (to reporters).` / `…, the agency's spokeswoman
            // said in Geneva.`: the report stands before the comma or quote.
            // Otherwise it follows the verb.
            let head = self.slice(self.span.start, self.x.mentions[subject].span.start);
            let head = head.trim_end().trim_end_matches(|c: char| {
                c.is_alphabetic() || [' ', '-', '\'', '’'].contains(&c)
            });
            let mut from = verb.end;
            // "told AFP that …", "told reporters …": skip the listener.
            if TELL.contains(&lower.as_str()) {
                match self.mention_starting(from) {
                    Some(m) => from = self.x.mentions[m].span.end,
                    None => {
                        if let Some((i, w)) = word_spans(self.slice(from, self.span.end)).next() {
                            from += i + w.len();
                        }
                    }
                }
            }
            let after = self.reported_after(from);
            let first = self.slice(after.start, after.end).split_whitespace().next().unwrap_or("");
            let after_is_clause = !after.is_empty() && !PREPOSITIONS.contains(&first);
            // "DUBAI, Jan 12 (Reuters) - …": a dateline is no part of the report.
            let lead = self.slice(self.span.start, self.span.start + head.len());
            let from = lead
                .get(..lead.len().min(80))
                .and_then(|l| l.find(") - ").or_else(|| l.find(") — ")))
                .map_or(0, |i| i + 4);
            let before = self.trim(Span::new(self.span.start + from, self.span.start + head.len()));
            // `"The LTTE has said …`: an opening quote is no report before.
            let quoted = head.ends_with(['"', '”']) && !before.is_empty();
            let comma = head.ends_with([',', ':']) && head.split_whitespace().count() >= 3;
            if quoted || (comma && !after_is_clause) {
                (subject, before)
            } else if !after.is_empty() {
                (subject, after)
            } else {
                return;
            }
        } else {
            // Inverted: `…, said X.`
            let before = self.slice(self.span.start, verb.start).trim_end();
            if !before.ends_with([',', '"', '”']) {
                return;
            }
            // "…, said Lieutenant Ali Khaled": through a title to the person.
            let Some(subject) = self
                .mention_starting(verb.end)
                .or_else(|| self.direct_object(verb.end).filter(|&m| self.kind(m) == "PERSON"))
            else {
                return;
            };
            // "…, said X." or "…, said X, a …", not "…, said Ukraine was …".
            let rest = self.slice(self.x.mentions[subject].span.end, self.span.end).trim_start();
            let next = rest.split_whitespace().next().unwrap_or("");
            let mut subject = subject;
            if self.titles.contains(&next.to_lowercase()) {
                // "said OIC Secretary General Ekmeleddin Ihsanoglu": the person
                // the title introduces, else the organisation.
                let from = self.x.mentions[subject].span.end;
                if let Some(person) = self.direct_object(from).filter(|&m| m != subject) {
                    subject = person;
                }
            } else if !(rest.is_empty()
                || rest.starts_with([',', '.', ';', ':', '"', '”', '(', '—'])
                || PREPOSITIONS.contains(&next)
                || ["who", "whose", "which"].contains(&next))
            {
                return;
            }
            (subject, self.trim(Span::new(self.span.start, verb.start)))
        };
        if self.x.mentions[subject].demonym {
            return;
        }
        // "vowed to strike back": a long trigger holds the predicate itself.
        let mut clause = clause;
        if lower.split_whitespace().count() >= 3 && clause.start >= verb.end {
            clause.start = verb.start;
        }
        // A speech row of an action word ("denied", "threatened to") names
        // its object near the verb, as the action row would.
        let action = self.triggers.iter().any(|t| {
            t.span == verb
                && t.entries.iter().any(|&e| self.lexicon.entries()[e].frame == Frame::Act)
        });
        let object_span = if action && clause.start >= verb.start {
            let phrase = self.object_phrase(Span::new(verb.end, clause.end), entry);
            Span::new(clause.start, clause.end.min(phrase.end))
        } else {
            clause
        };
        for subject in std::iter::once(subject).chain(self.conjunct(subject)) {
            let object = self.first_mention_in(object_span, subject);
            out.push(self.relation(subject, entry, verb, object, clause));
        }
    }

    /// Who made the report named right after `pos`: "a new report from
    /// NATO", "the statement by the Kremlin".
    fn source_of_report(&self, pos: usize) -> Option<usize> {
        let t = self.triggers.iter().find(|t| {
            t.span.start >= pos
                && t.entries.iter().any(|&e| self.lexicon.entries()[e].frame == Frame::Report)
        })?;
        let between = self.slice(pos, t.span.start);
        if between.split_whitespace().count() > 3
            || !between.chars().all(|c| c.is_lowercase() || c.is_whitespace())
        {
            return None;
        }
        let (i, w) = word_spans(self.slice(t.span.end, self.span.end)).next()?;
        ["from", "by", "of"].contains(&w).then_some(())?;
        self.mention_starting(t.span.end + i + w.len())
    }

    fn is_say(&self, t: &Trigger) -> bool {
        t.entries.iter().any(|&e| self.lexicon.entries()[e].frame == Frame::Say)
    }

    /// A report named by a noun: "the Kremlin's statement that …", "a
    /// report from NATO said …", "In a report, NATO found that …".
    fn report(&self, noun: Span, entry: &Entry, out: &mut Vec<Relation>) {
        let head = self.slice(self.span.start, noun.start).trim_end();
        let possessive = ["'s", "’s"]
            .iter()
            .find_map(|s| head.strip_suffix(s))
            .and_then(|h| self.mention_ending(self.span.start + h.len()));
        let next = word_spans(self.slice(noun.end, self.span.end)).next();
        let (subject, verb, clause) =
            if let Some(subject) = possessive {
                let Some((verb, clause)) = self.content_after(noun.end) else { return };
                (subject, verb.unwrap_or(noun), clause)
            } else if let Some((i, w @ ("from" | "by" | "of"))) = next {
                let Some(subject) = self.mention_starting(noun.end + i + w.len()) else { return };
                // "according to a report from X" is read by `according to`.
                if self.triggers.iter().any(|t| {
                    t.span.end <= noun.start && t.span.end + 12 > noun.start && self.is_say(t)
                }) {
                    return;
                }
                let from = self.x.mentions[subject].span.end;
                let Some((verb, clause)) = self.content_after(from) else { return };
                (subject, verb.unwrap_or(noun), clause)
            } else {
                // "In a report, NATO found that …", "In a new statement, the Kremlin accused …"
                let lower = head.to_lowercase();
                let words = lower.split_whitespace().count();
                if !(lower.starts_with("in ")
                    && words <= 4
                    && self.slice(noun.end, self.span.end).starts_with(','))
                {
                    return;
                }
                let Some(subject) = self.mention_starting(noun.end + 1) else { return };
                let mut p = self.x.mentions[subject].span.end;
                let mut verb = None;
                for (i, w) in word_spans(self.slice(p, self.span.end)).take(3) {
                    let at = p + i;
                    if self.triggers.iter().any(|t| t.span.start == at && self.is_say(t)) {
                        return; // the speech verb reads it
                    }
                    let lower = w.to_lowercase();
                    if SKIPPABLE.contains(&lower.as_str()) || lower.ends_with("ly") {
                        continue;
                    }
                    if w.chars().all(|c| c.is_lowercase()) {
                        verb = Some(Span::new(at, at + w.len()));
                    }
                    break;
                }
                let Some(v) = verb else { return };
                p = v.end;
                (subject, noun, self.reported_after(p))
            };
        if clause.is_empty() || self.x.mentions[subject].demonym {
            return;
        }
        let object = self.first_mention_in(clause, subject);
        out.push(self.relation(subject, entry, verb, object, clause));
    }

    /// The report after a report noun or its source: `that CLAUSE`, or a
    /// speech verb and its clause. Gives the speech verb, if any.
    fn content_after(&self, pos: usize) -> Option<(Option<Span>, Span)> {
        for (i, w) in word_spans(self.slice(pos, self.span.end)).take(3) {
            let at = pos + i;
            if w == "that" {
                return Some((None, self.reported_after(at)));
            }
            if let Some(t) = self.triggers.iter().find(|t| t.span.start == at && self.is_say(t)) {
                return Some((Some(t.span), self.reported_after(t.span.end)));
            }
            let lower = w.to_lowercase();
            if !(SKIPPABLE.contains(&lower.as_str()) || lower.ends_with("ly")) {
                return None;
            }
        }
        None
    }

    /// The reported clause after a speech verb, past `that` and a date.
    fn reported_after(&self, pos: usize) -> Span {
        let rest = self.slice(pos, self.span.end);
        let mut start = pos;
        for (i, w) in word_spans(rest).take(8) {
            if w == "that" {
                start = pos + i + w.len();
                break;
            }
        }
        // Another speaker's clause is not part of the report.
        let tail = self.slice(start, self.span.end);
        let end = [", while ", ", whereas ", "; "].iter().filter_map(|m| tail.find(m)).min();
        self.trim(Span::new(start, end.map_or(self.span.end, |e| start + e)))
    }

    /// Trims spaces, punctuation and quotes from both ends of `span`.
    fn trim(&self, span: Span) -> Span {
        let s = self.slice(span.start, span.end);
        let junk = |c: char| c.is_whitespace() || ",.;:\"“”'‘’—–-".contains(c);
        let left = s.len() - s.trim_start_matches(junk).len();
        let right = s.trim_end_matches(junk).len();
        if right <= left {
            return Span::new(span.start, span.start);
        }
        Span::new(span.start + left, span.start + right)
    }

    fn act(&self, verb: Span, entry: &Entry, out: &mut Vec<Relation>) {
        let clause_end = self.clause_end(verb.end);
        let after = Span::new(verb.end, clause_end);
        let passive = self.passive(verb);
        let (subjects, patient) = if passive {
            let rest = self.slice(verb.end, clause_end);
            let by = word_spans(rest).take(6).find(|(_, w)| *w == "by");
            let Some((i, _)) = by else { return };
            let Some(agent) = self.mention_starting(verb.end + i + 2) else { return };
            let patient = if self.after_be(verb) {
                self.patient_before(verb.start)
            } else {
                self.noun_before(verb.start)
            };
            // "Russian drones": a demonym agent names its country through a group noun.
            if self.x.mentions[agent].demonym {
                let next = self.slice(self.x.mentions[agent].span.end, clause_end);
                let noun = next.split_whitespace().next().unwrap_or("").to_lowercase();
                if !GROUP_NOUNS.contains(&noun.trim_end_matches([',', '.', ';'])) {
                    return;
                }
            }
            (vec![agent], patient)
        } else {
            let Some(first) = self.subject_before(verb.start) else { return };
            let mut subjects = vec![first];
            subjects.extend(self.conjunct(first));
            (subjects, Span::new(verb.end, verb.end))
        };
        let object_text = if passive { patient } else { self.object_phrase(after, entry) };
        if !entry.when.is_empty() {
            let words = self.slice(object_text.start, object_text.end).to_lowercase();
            if !words
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| entry.when.iter().any(|x| x == w))
            {
                return;
            }
        }
        let preferred =
            self.after_preposition(after, &entry.object_after, entry.frame == Frame::Mutual);
        for (k, &subject) in subjects.iter().enumerate() {
            let object =
                if subjects.len() == 2 && entry.frame == Frame::Mutual && preferred.is_none() {
                    Some(subjects[1 - k])
                } else {
                    // The recipient after `to`, else the direct object when it
                    // is itself a name ("attacked Ukrainian positions"), not a
                    // name inside it ("deliver a speech … in Iraq").
                    // Verbs without an object preposition (denied, accused)
                    // are about any name in their object ("reports of North
                    // Korean involvement").
                    let direct = if passive || entry.object_after.is_empty() {
                        self.first_mention_in(object_text, subject)
                    } else {
                        // "struck dozens of Houthi targets": the name that
                        // qualifies the object.
                        // Not after "attacks", which may be a noun ("Hezbollah
                        // attacks killed …").
                        let plural = self.slice(verb.start, verb.end).ends_with('s');
                        self.direct_object(verb.end).or_else(|| {
                            (!plural).then(|| self.qualifier_in(object_text, subject)).flatten()
                        })
                    };
                    // "hosts Hamas's political office" does not meet Hamas.
                    let direct = direct.filter(|&m| {
                        let after = self.slice(self.x.mentions[m].span.end, self.span.end);
                        entry.frame != Frame::Mutual
                            || !(after.starts_with("'s") || after.starts_with("’s"))
                    });
                    preferred.filter(|&o| !self.same(o, subject)).or(direct)
                };
            // "Russia used missiles supplied by Pyongyang": the user received them.
            let object = object.or_else(|| {
                let reduced =
                    passive && !self.after_be(verb) && entry.object_after.iter().any(|p| p == "to");
                reduced.then(|| self.user_of(object_text)).flatten()
            });
            let Some(object) = object.filter(|&o| !self.same(o, subject)) else { continue };
            if self.x.mentions[subject].demonym
                && !passive
                && self.subject_before(verb.start) != Some(subject)
            {
                continue;
            }
            out.push(self.relation(subject, entry, verb, Some(object), object_text));
        }
    }

    /// A name that qualifies the head of the phrase `span`, after `of` or
    /// as an adjective: "dozens of Houthi targets", "Ukrainian positions".
    fn qualifier_in(&self, span: Span, subject: usize) -> Option<usize> {
        let m = self.first_mention_in(span, subject)?;
        let mention = &self.x.mentions[m];
        let before = word_before(self.text, span.start, mention.span.start).map(|(_, w)| w);
        (mention.demonym || before == Some("of")).then_some(m)
    }

    /// The name right after a verb, looking through a title to the person
    /// it introduces: "met Foreign Minister Lam Akol".
    fn direct_object(&self, pos: usize) -> Option<usize> {
        let first = self.mention_starting(pos);
        let base = first.map_or(pos, |m| self.x.mentions[m].span.end);
        let mut p = base;
        let mut titled = false;
        for (i, w) in word_spans(self.slice(base, self.span.end)).take(4) {
            let lower = w.to_lowercase();
            if !(self.titles.contains(&lower) || (!titled && lower == "the")) {
                break;
            }
            titled |= lower != "the";
            p = base + i + w.len();
        }
        let person = self.mention_starting_exact(p).filter(|&m| self.kind(m) == "PERSON");
        if titled && person.is_some() {
            return person;
        }
        first
    }

    /// The subject of a verb of use right before the noun phrase `np`:
    /// "Russia used [missiles]", "Ukraine received [tanks]".
    fn user_of(&self, np: Span) -> Option<usize> {
        let mut p = np.start;
        for _ in 0..3 {
            let (start, w) = word_before(self.text, self.span.start, p)?;
            let lower = w.to_lowercase();
            if USE.contains(&lower.as_str()) {
                return self.subject_before(start);
            }
            if !(DETERMINERS.contains(&lower.as_str())
                || w.chars().all(|c| c.is_ascii_digit() || c == ','))
            {
                return None;
            }
            p = start;
        }
        None
    }

    /// Whether the verb is a passive participle: after a form of `be`, or
    /// directly followed by `by`.
    fn passive(&self, verb: Span) -> bool {
        let rest = self.slice(verb.end, self.span.end);
        rest.trim_start().starts_with("by ") || self.after_be(verb)
    }

    /// Whether a form of `be` comes just before the verb (`were supplied`).
    fn after_be(&self, verb: Span) -> bool {
        let mut p = verb.start;
        for _ in 0..3 {
            let Some((start, word)) = word_before(self.text, self.span.start, p) else {
                return false;
            };
            let lower = word.to_lowercase();
            if BE.contains(&lower.as_str()) {
                return true;
            }
            if !lower.ends_with("ly") && lower != "also" && lower != "not" {
                return false;
            }
            p = start;
        }
        false
    }

    /// The noun a participle follows: "missiles supplied by …" → "missiles".
    fn noun_before(&self, pos: usize) -> Span {
        let mut start = pos;
        for _ in 0..3 {
            let Some((w_start, w)) = word_before(self.text, self.span.start, start) else { break };
            let lower = w.to_lowercase();
            if STOP.contains(&lower.as_str()) || lower.ends_with("ing") || lower.ends_with("ed") {
                break;
            }
            start = w_start;
        }
        self.trim(Span::new(start, pos))
    }

    /// The thing a passive verb acts on: the clause before the auxiliary.
    fn patient_before(&self, pos: usize) -> Span {
        let head = self.slice(self.span.start, pos);
        let start = head
            .rfind([',', ';', ':', '"', '“'])
            .map_or(self.span.start, |i| self.span.start + i + 1);
        let mut s = self.trim(Span::new(start, pos));
        // Drop a trailing auxiliary: "shells … are" → "shells …".
        while let Some((w_start, w)) = word_before(self.text, s.start, s.end) {
            if BE.contains(&w.to_lowercase().as_str()) || w.ends_with("ly") || w == "also" {
                s = self.trim(Span::new(s.start, w_start));
            } else {
                break;
            }
        }
        // After `that`, only the reported clause is the patient.
        let t = self.slice(s.start, s.end);
        if let Some(i) = t.rfind(" that ") {
            s.start += i + 6;
        }
        s
    }

    /// Where the clause of a verb ends: the next `;`, a comma before
    /// `which`/`who`/`while`, or the sentence end.
    fn clause_end(&self, pos: usize) -> usize {
        let rest = self.slice(pos, self.span.end);
        let bytes = rest.as_bytes();
        // One pass over the punctuation, not a search of the rest per marker.
        let commas = [", which", ", who", ", while", ", but", ", although", ", though"];
        let stop = memchr::memchr3_iter(b';', b':', b',', bytes).find(|&i| {
            bytes[i] != b',' || commas.iter().any(|m| bytes[i..].starts_with(m.as_bytes()))
        });
        let dash = rest.find(" — ");
        pos + stop.into_iter().chain(dash).min().unwrap_or(rest.len())
    }

    /// The direct object: words after the verb up to a preposition that
    /// introduces another argument, a comma, or ten words.
    fn object_phrase(&self, after: Span, entry: &Entry) -> Span {
        let rest = self.slice(after.start, after.end);
        let mut end = rest.len();
        for (count, (i, w)) in word_spans(rest).enumerate() {
            let lower = w.to_lowercase();
            let stop = entry.object_after.contains(&lower)
                || ["as", "because", "after", "before", "since", "during", "if", "when"]
                    .contains(&lower.as_str());
            if (stop && count > 0) || count >= 10 {
                end = i;
                break;
            }
        }
        // Punctuation ends the phrase, but not inside a number ("10,000").
        if let Some(i) = punctuation_break(&rest[..end]) {
            if i > 0 {
                end = i;
            }
        }
        self.trim(Span::new(after.start, after.start + end))
    }

    /// The mention after one of `preps` within `span` (`… to Russia`).
    /// With `titled`, a title may stand before the name ("with Foreign
    /// Minister Lam Akol").
    fn after_preposition(&self, span: Span, preps: &[String], titled: bool) -> Option<usize> {
        let rest = self.slice(span.start, span.end);
        let rest = &rest[..punctuation_break(rest).unwrap_or(rest.len())];
        for (i, w) in word_spans(rest) {
            let lower = w.to_lowercase();
            if preps.contains(&lower) {
                let at = span.start + i + w.len();
                // "with Foreign Minister Philippe Douste-Blazy": through a title.
                let m = if titled { self.direct_object(at) } else { self.mention_starting(at) };
                if let Some(m) = m.or_else(|| self.named_place(at)) {
                    return Some(m);
                }
            }
        }
        None
    }

    /// A name after "the … of" at `pos`: "the border town of Myawaddy",
    /// "the city of Kherson".
    fn named_place(&self, pos: usize) -> Option<usize> {
        let mut words = word_spans(self.slice(pos, self.span.end));
        let (_, first) = words.next()?;
        if !first.eq_ignore_ascii_case("the") {
            return None;
        }
        for (i, w) in words.take(4) {
            if w == "of" {
                return self.mention_starting_exact(pos + i + 2);
            }
            if !w.chars().all(|c| c.is_lowercase() || c == '-') {
                return None;
            }
        }
        None
    }

    fn noun(&self, noun: Span, entry: &Entry, out: &mut Vec<Relation>) {
        // Subject: "Putin's visit", "the Russian invasion", "visit by Putin".
        let mut subject = None;
        let head = self.slice(self.span.start, noun.start).trim_end();
        let head_end = self.span.start + head.len();
        for s in ["'s", "’s"] {
            if head.ends_with(s) {
                subject = self.mention_ending(head_end - s.len());
            }
        }
        if subject.is_none() {
            subject = self
                .mention_ending(head_end)
                .filter(|&m| self.x.mentions[m].demonym || self.kind(m) != "PERSON");
        }
        let rest = self.slice(noun.end, self.span.end);
        let mut words = word_spans(rest).peekable();
        // "the agreement reached between X and Y": a participle may intervene.
        let mut skipped = 0;
        while let Some((_, w)) = words.peek() {
            if skipped < 2
                && (w.ends_with("ed") || ["signed", "held", "struck", "made"].contains(w))
            {
                words.next();
                skipped += 1;
            } else {
                break;
            }
        }
        let (object, object_text) = match words.next() {
            Some((i, "by")) if subject.is_none() => {
                let Some(agent) = self.mention_starting(noun.end + i + 2) else { return };
                subject = Some(agent);
                let from = self.x.mentions[agent].span.end;
                let tail = Span::new(from, self.clause_end(from));
                (self.after_preposition(tail, &entry.object_after, false), tail)
            }
            Some((i, "between")) if subject.is_none() => {
                let Some(a) = self.mention_starting(noun.end + i + 7) else { return };
                let from = self.x.mentions[a].span.end;
                let tail = self.slice(from, self.span.end);
                let mut ws = word_spans(tail);
                let Some((j, "and")) = ws.next() else { return };
                // "between Russia and regimes like North Korea": a few words may intervene.
                let window = Span::new(from + j + 3, (from + j + 3 + 40).min(self.span.end));
                let b = self
                    .mentions
                    .iter()
                    .position(|m| m.span.start >= window.start && m.span.start < window.end)
                    .map(|k| k + self.offset);
                subject = Some(a);
                (b, Span::new(noun.start, self.x.mentions[a].span.end))
            }
            Some((i, w)) => {
                let lower = w.to_lowercase();
                let preps = ["of", "to", "on", "against", "with", "in", "into", "from"];
                if !(entry.object_after.contains(&lower) || preps.contains(&lower.as_str())) {
                    return;
                }
                (self.mention_starting(noun.end + i + w.len()), Span::new(noun.start, noun.end))
            }
            None => return,
        };
        let (Some(subject), Some(object)) = (subject, object) else { return };
        if self.same(subject, object) {
            return;
        }
        let object_text =
            self.trim(Span::new(object_text.start.min(noun.start), object_text.end.max(noun.end)));
        out.push(self.relation(subject, entry, noun, Some(object), object_text));
    }

    fn title(&self, title: Span, entry: &Entry, out: &mut Vec<Relation>) {
        // "Kremlin spokesperson Dmitry Peskov", "Russian President Vladimir Putin".
        // "US envoy in Sudan Andrew Natsios": a place may follow the title.
        // "Maj. Gen." after "press secretary": a later title of a chain
        // is read with its head.
        let p = skip_space_back(self.text, self.span.start, title.start);
        if p < title.start
            && self.triggers.iter().any(|t| {
                t.span.end == p
                    && t.entries.iter().any(|&e| self.lexicon.entries()[e].frame == Frame::Title)
            })
        {
            return;
        }
        let mut after_title = title.end;
        // "press secretary Maj. Gen. Pat Ryder"
        for (i, w) in word_spans(self.slice(title.end, self.span.end)).take(3) {
            if !(w.starts_with(char::is_uppercase) && self.titles.contains(&w.to_lowercase())) {
                break;
            }
            after_title = title.end + i + w.len();
        }
        let chain_end = after_title;
        let mut place = None;
        if let Some((i, w)) = word_spans(self.slice(title.end, self.span.end)).next() {
            if ["in", "to", "for"].contains(&w) {
                if let Some(m) = self.mention_starting_exact(title.end + i + w.len()) {
                    if self.kind(m) != "PERSON" {
                        after_title = self.x.mentions[m].span.end;
                        place = Some(m);
                    }
                }
            }
        }
        let person = self.mention_starting_exact(after_title).or_else(|| {
            // "Somalia's ambassador to Ethiopia, Abdelkarin Farah, told"
            self.apposed_person(after_title)
        });
        if let Some(person) = person {
            if self.kind(person) != "PERSON" {
                return;
            }
            let mut p = skip_space_back(self.text, self.span.start, title.start);
            // "Palestinian National Authority (PNA) Chairman Mahmoud Abbas"
            if self.slice(self.span.start, p).ends_with(')') {
                if let Some(open) = self.slice(self.span.start, p).rfind('(') {
                    p = skip_space_back(self.text, self.span.start, self.span.start + open);
                }
            }
            let mut object = self
                .mention_ending(p)
                .filter(|&m| self.kind(m) != "PERSON" || self.x.mentions[m].demonym);
            for s in ["'s", "’s"] {
                if object.is_none() && self.slice(self.span.start, p).ends_with(s) {
                    object = self.mention_ending(p - s.len());
                }
            }
            // "pro-Syrian President Emile Lahoud" is Lebanon's president.
            if let Some(m) = object {
                let head = self.slice(self.span.start, self.x.mentions[m].span.start);
                if head.ends_with("pro-") || head.ends_with("anti-") || head.ends_with("ex-") {
                    object = None;
                }
            }
            let chain = Span::new(title.start, chain_end);
            let object = object.or(place).or_else(|| self.of_after(person));
            out.push(self.relation(person, entry, title, object, chain));
            return;
        }
        // "Lim Eul-chul, a professor at the Institute …", "Adam Ereli, the State Department spokesman".
        let head = self.slice(self.span.start, title.start);
        let Some(comma) = head.rfind(", ") else { return };
        let inner = &head[comma + 2..];
        let words: Vec<&str> = inner.split_whitespace().collect();
        // "…, a professor at", "…, the Kremlin's spokesman", "…, Kremlin spokesman"
        let named = self.mentions.iter().any(|m| m.span.start == self.span.start + comma + 2);
        if words.len() > 5 || !(matches!(words.first(), Some(&("a" | "an" | "the"))) || named) {
            return;
        }
        let Some(person) = self.mention_ending(self.span.start + comma) else { return };
        if self.kind(person) != "PERSON" {
            return;
        }
        let inner_span = Span::new(self.span.start + comma + 2, title.start);
        let appositive_end = self
            .slice(title.end, self.span.end)
            .find([',', ';', '.'])
            .map_or(self.span.end, |i| title.end + i);
        let object = self.first_mention_in(inner_span, person).or_else(|| {
            let after = Span::new(title.end, appositive_end);
            self.after_preposition(
                after,
                &["at", "of", "for", "with", "in", "to"].map(String::from),
                false,
            )
        });
        out.push(self.relation(person, entry, title, object, title));
    }

    /// The body or place written after a titled person's name with `of`:
    /// `Prime Minister Ismail Haneya of Hamas`, `Judge Arif Shaheen of the
    /// Iraqi High Criminal Court`.
    fn of_after(&self, person: usize) -> Option<usize> {
        let end = self.x.mentions[person].span.end;
        let rest = self.slice(end, self.span.end);
        let of = rest.strip_prefix(" of ")?;
        // The position before the space ahead of the name, as
        // `mention_starting_exact` takes it.
        let at = if of.starts_with("the ") { end + " of the".len() } else { end + " of".len() };
        // Not "Professor Nadia Thalman of the Swiss research group": a
        // demonym there describes the body, which may have no name.
        self.mention_starting_exact(at)
            .filter(|&m| self.kind(m) != "PERSON" && !self.x.mentions[m].demonym)
    }

    /// A person named between commas right at `pos`: `, Abdelkarin
    /// Farah,` after a title.
    fn apposed_person(&self, pos: usize) -> Option<usize> {
        if !self.slice(pos, self.span.end).starts_with(',') {
            return None;
        }
        let m = self.mention_starting_exact(pos + 1)?;
        let end = self.x.mentions[m].span.end;
        (self.kind(m) == "PERSON" && self.slice(end, self.span.end).starts_with(',')).then_some(m)
    }

    /// Whether a title ends at `pos`, perhaps with the place it is for:
    /// `foreign minister`, `ambassador to Ethiopia`.
    fn title_ends_at(&self, pos: usize) -> bool {
        let mut p = pos;
        if let Some(m) = self.mention_ending(p) {
            match word_before(self.text, self.span.start, self.x.mentions[m].span.start) {
                Some((start, w)) if ["to", "in", "for"].contains(&w) => p = start,
                _ => return false,
            }
        }
        word_before(self.text, self.span.start, skip_space_back(self.text, self.span.start, p))
            .is_some_and(|(_, w)| self.titles.contains(&w.to_lowercase()))
    }

    /// The mention starting right after `pos` and whitespace only.
    fn mention_starting_exact(&self, pos: usize) -> Option<usize> {
        let p = skip_space(self.text, pos, self.span.end);
        (p > pos).then_some(())?;
        self.mentions.iter().position(|m| m.span.start == p).map(|i| i + self.offset)
    }

    /// "the Institute for Far Eastern Studies in Seoul"
    fn located_in(&self, out: &mut Vec<Relation>) {
        for (i, m) in self.mentions.iter().enumerate() {
            let org = i + self.offset;
            // "the Institute for Far Eastern Studies in Seoul"; not "told AFP in Baidoa".
            let definite = self.article_before(m.span.start) != m.span.start;
            let in_place = self.slice(m.span.end, self.span.end).starts_with(" in ");
            if self.kind(org) != "ORG" || !definite || !in_place {
                continue;
            }
            let Some(place) = self.mention_starting_exact(m.span.end + 3) else { continue };
            if self.kind(place) != "PLACE" || self.x.mentions[place].demonym {
                continue;
            }
            let entry = Entry {
                relation: "located_in".into(),
                frame: Frame::Act,
                object_after: Vec::new(),
                when: Vec::new(),
                event: String::new(),
            };
            let verb = Span::new(m.span.end + 1, m.span.end + 3);
            let place_span = self.x.mentions[place].span;
            out.push(self.relation(org, &entry, verb, Some(place), place_span));
        }
    }

    fn relation(
        &self,
        subject: usize,
        entry: &Entry,
        verb: Span,
        object: Option<usize>,
        object_text: Span,
    ) -> Relation {
        let s = self.x.mentions[subject].span;
        let window_lo = s.end.min(verb.start);
        let window: Vec<Cow<str>> = words_in(self.slice(window_lo, verb.start)).collect();
        let (denied, doubted) =
            if s.start < verb.start { self.context(s.start) } else { (false, false) };
        // "denied supplying", "refused to meet": the denial governs the verb.
        let refused = window
            .iter()
            .rev()
            .skip_while(|w| *w == "to")
            .take(1)
            .any(|w| DENIALS.contains(&w.as_ref()));
        let negated = denied || refused || window.iter().any(|w| NEGATIONS.contains(&w.as_ref()));
        let hedge_lo = s.start.min(verb.start);
        let hedge_hi = object_text.end.max(verb.end);
        let hearsay = window.windows(2).any(|w| w[1] == "to" && HEARSAY.contains(&w[0].as_ref()));
        let hedged = doubted
            || hearsay
            || words_in(self.slice(hedge_lo, hedge_hi)).any(|w| HEDGES.contains(&w.as_ref()));
        Relation {
            sentence: self.index,
            subject,
            label: entry.relation.clone(),
            verb,
            object,
            object_text,
            date: self.date(),
            negated,
            hedged,
        }
    }

    /// Whether the clause starting at `pos` is denied or doubted by the
    /// words that introduce it: `denied that`, `claimed that`,
    /// `unconfirmed reports said`, `accused Russia of`, or an opening
    /// `According to unverified reports,`.
    fn context(&self, pos: usize) -> (bool, bool) {
        let head = self.slice(self.span.start, pos);
        let head = &head[head.rfind(';').map_or(0, |i| i + 1)..];
        let clause = &head[head.rfind(',').map_or(0, |i| i + 1)..];
        let words: Vec<Cow<str>> = words_in(clause).collect();
        let mut denied = false;
        let mut doubted = false;
        // The subject opens a reported clause: after `that`, a speech
        // verb, or an accusation (`accused Russia of attacking`).
        let last = words.iter().rposition(|w| !DETERMINERS.contains(&w.as_ref()));
        if let Some(k) = last {
            let w = words[k].as_ref();
            let clause_start = pos - clause.len();
            let after_speech = self.triggers.iter().any(|t| {
                t.span.start >= clause_start
                    && t.span.end <= pos
                    && words_in(self.slice(t.span.end, pos))
                        .all(|w| DETERMINERS.contains(&w.as_ref()))
                    && t.entries.iter().any(|&e| self.lexicon.entries()[e].frame == Frame::Say)
            });
            if w == "that" || after_speech || DOUBTS.contains(&w) {
                let gov = &words[k.saturating_sub(4)..=k];
                denied = gov.iter().any(|w| DENIALS.contains(&w.as_ref()));
                doubted = gov.iter().any(|w| DOUBTS.contains(&w.as_ref()));
            }
        }
        // "According to unverified reports, Wagner withdrew …"
        if clause.trim().is_empty() && head.len() > clause.len() {
            let opening = &head[..head.len() - clause.len()];
            if !opening[..opening.len() - 1].contains(',')
                && opening.trim_start().to_lowercase().starts_with("according to")
            {
                doubted |= words_in(opening).any(|w| DOUBTS.contains(&w.as_ref()));
            }
        }
        (denied, doubted)
    }

    /// The first definite date of the sentence, else the document's.
    fn date(&self) -> String {
        self.dates
            .iter()
            .find(|d| {
                self.span.contains(d.span)
                    && !d.value.ends_with("_REF")
                    && !d.value.starts_with('X')
            })
            .map(|d| d.value.clone())
            .or_else(|| self.x.reference.map(|d| d.to_string()))
            .unwrap_or_default()
    }
}

/// The first comma, semicolon or full stop of `s` that is not inside a
/// number (`10,000`, `3.5`).
fn punctuation_break(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    (0..b.len()).find(|&i| {
        matches!(b[i], b',' | b'.' | b';')
            && b.get(i + 1).is_none_or(|c| !c.is_ascii_alphanumeric())
    })
}

/// Lower-cased words of `s`, with `n't` split off. Most words are lower
/// case already and are not copied: in a long sentence these words are
/// read again for each relation in it.
fn words_in(s: &str) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = match w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                true => Cow::Borrowed(w),
                false => Cow::Owned(w.to_lowercase()),
            };
            if w.ends_with("n't") || w.ends_with("n’t") {
                Cow::Borrowed("n't")
            } else {
                w
            }
        })
}

/// Words of `s` with their byte offsets.
fn word_spans(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_inclusive(char::is_whitespace)
        .scan(0, |at, piece| {
            let start = *at;
            *at += piece.len();
            Some((start, piece.trim_end()))
        })
        .filter(|(_, w)| !w.is_empty())
}

fn skip_space(text: &str, pos: usize, end: usize) -> usize {
    let rest = text.get(pos..end).unwrap_or("");
    pos + rest.len() - rest.trim_start().len()
}

fn skip_space_back(text: &str, start: usize, pos: usize) -> usize {
    let head = text.get(start..pos).unwrap_or("");
    start + head.trim_end().len()
}

/// The word (letters, digits, apostrophes, hyphens) ending at `pos`.
fn word_before(text: &str, lo: usize, pos: usize) -> Option<(usize, &str)> {
    let head = text.get(lo..pos)?.trim_end();
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '\'' || *c == '’' || *c == '-')
        .last()
        .map(|(i, _)| i)?;
    Some((lo + start, &head[start..]))
}

#[cfg(test)]
mod tests {
    use crate::extract::gazetteer::GazetteerBuilder;
    use crate::extract::lexicon::Lexicon;
    use crate::{Document, Pipeline};

    const GAZETTEER: &str = "id\tname\ttype\taliases\tdemonyms\tattributes\n\
        P1\tRussia\tPLACE\tMoscow\tRussian|Russians\t\n\
        P2\tNorth Korea\tPLACE\t\tNorth Korean|North Koreans\t\n\
        P3\tUkraine\tPLACE\t\tUkrainian\t\n\
        P4\tPyongyang\tPLACE\t\t\t\n\
        P5\tBelarus\tPLACE\t\t\t\n\
        P6\tSudan\tPLACE\t\tSudanese\t\n\
        P7\tUnited States\tPLACE\tUS\tAmerican\t\n\
        P8\tIsrael\tPLACE\t\tIsraeli|Israelis\t\n\
        P9\tGaza\tPLACE\t\t\t\n\
        P10\tMali\tPLACE\t\tMalian\t\n\
        P11\tTaiwan\tPLACE\t\t\t\n\
        P12\tChina\tPLACE\t\tChinese\t\n\
        P13\tKyiv\tPLACE\t\t\t\n\
        P14\tKhartoum\tPLACE\t\t\t\n\
        P15\tIran\tPLACE\t\tIranian\t\n\
        P16\tSantos\tPLACE\t\t\tkind=city;population=433966\n\
        P17\tKharkiv\tPLACE\t\t\tkind=city;population=1430885\n\
        O3\tPalestinian National Authority\tORG\tPNA\t\t\n\
        O1\tKremlin\tORG\t\t\t\n\
        O2\tReuters\tORG\t\t\t\n\
        O4\tHamas\tORG\t\t\t\n\
        O5\tRapid Support Forces\tORG\tRSF\t\t\n\
        O6\tMyanmar junta\tORG\t\t\t\n\
        O7\tWagner\tORG\tWagner Group\t\t\n\
        O8\tNATO\tORG\t\t\t\n\
        O9\tEuropean Union\tORG\tEU\t\t\n\
        O10\tPentagon\tORG\t\t\t\n\
        H1\tVladimir Putin\tPERSON\tPutin\t\t\n\
        H2\tKim Jong Un\tPERSON\t\t\t\n\
        H3\tDmitry Peskov\tPERSON\tPeskov\t\t\n\
        H4\tAnna Lee\tPERSON\t\t\t\n\
        H5\tPat Ryder\tPERSON\t\t\t\n\
        H6\tBenjamin Netanyahu\tPERSON\tNetanyahu\t\t\n\
        H7\tVolodymyr Zelensky\tPERSON\tZelensky\t\t\n\
        H8\tMohamed Hamdan Dagalo\tPERSON\t\t\t\n\
        H9\tZaw Min Tun\tPERSON\t\t\t\n\
        H10\tMark Rutte\tPERSON\t\t\t\n";

    /// `subject -label-> object|object_text [negated] [hedged]` per relation.
    fn relations(text: &str) -> Vec<String> {
        let mut b = GazetteerBuilder::new();
        b.add_file("t.tsv", GAZETTEER);
        let pipeline = Pipeline::new(b.build().unwrap(), Lexicon::with_defaults().unwrap());
        let x = pipeline.extract(&Document::new("t", text), None);
        let name = |m: usize| pipeline.entity(&x, x.mentions[m].entity).name.clone();
        x.relations
            .iter()
            .map(|r| {
                let object = r
                    .object
                    .map(name)
                    .unwrap_or_else(|| text[r.object_text.start..r.object_text.end].to_string());
                let mut s = format!("{} -{}-> {}", name(r.subject), r.label, object);
                if r.negated {
                    s.push_str(" [negated]");
                }
                if r.hedged {
                    s.push_str(" [hedged]");
                }
                s
            })
            .collect()
    }

    macro_rules! t {
        ($name:ident, $text:expr, $expected:expr) => {
            #[test]
            fn $name() {
                let expected: &[&str] = &$expected;
                assert_eq!(relations($text), expected, "{}", $text);
            }
        };
    }

    // ---- Attribution -------------------------------------------------

    t!(
        said_that,
        "Putin said that North Korea would help.",
        ["Vladimir Putin -stated-> North Korea"]
    );
    t!(
        day_between_subject_and_verb,
        "Putin on Thursday said that North Korea would help.",
        ["Vladimir Putin -stated-> North Korea"]
    );
    t!(
        a_town_does_not_speak,
        "Santos said Russia would pay. Kharkiv said Russia would pay.",
        ["Kharkiv -stated-> Russia"]
    );
    t!(
        person_of_a_body_said,
        "Analyst Anna Lee of Reuters said Russia would pay. The governor of Kyiv said Russia would pay.",
        ["Anna Lee -role-> Reuters", "Anna Lee -stated-> Russia"]
    );
    t!(
        inverted_said,
        "\"We will respond to Ukraine,\" Peskov said.",
        ["Dmitry Peskov -stated-> Ukraine"]
    );
    t!(
        said_title_subject_after,
        "Troops crossed into Ukraine overnight, said Defence Minister Anna Lee.",
        ["Anna Lee -stated-> Ukraine", "Anna Lee -role-> Defence Minister"]
    );
    t!(
        said_subject_after,
        "Troops crossed into Ukraine overnight, said Anna Lee.",
        ["Anna Lee -stated-> Ukraine"]
    );
    t!(
        according_to,
        "According to Reuters, Russia moved troops to Belarus.",
        ["Reuters -stated-> Russia", "Russia -deployed-> Belarus"]
    );
    t!(
        according_to_after,
        "Wagner withdrew from Mali, according to the Kremlin.",
        ["Wagner -withdrew-> Mali", "Kremlin -stated-> Wagner"]
    );
    t!(
        according_to_a_report_from,
        "According to a report from NATO, China sold drones to Russia.",
        ["NATO -stated-> China", "China -supplied-> Russia"]
    );
    t!(
        told_listener,
        "Zelensky told reporters that Russia would pay.",
        ["Volodymyr Zelensky -stated-> Russia"]
    );
    t!(warned_that, "NATO warned that China was arming Russia.", ["NATO -stated-> China"]);
    t!(
        noted_without_that,
        "Netanyahu noted Hamas still held hostages in Gaza.",
        ["Benjamin Netanyahu -stated-> Hamas"]
    );
    t!(
        announced_clause,
        "The Pentagon announced it would send more air defences to Taiwan.",
        ["Pentagon -stated-> Taiwan"]
    );
    t!(
        quote_continues_next_sentence,
        "\"Israel will respond,\" Netanyahu said. \"Hamas will pay.\"",
        ["Benjamin Netanyahu -stated-> Israel", "Benjamin Netanyahu -stated-> Hamas"]
    );
    t!(
        quote_opens_before_speaker,
        "\"Hamas will pay for this. We will not stop in Gaza,\" Netanyahu said.",
        ["Benjamin Netanyahu -stated-> Hamas", "Benjamin Netanyahu -stated-> Gaza"]
    );
    t!(
        quote_with_pronoun_speaker,
        "Zelensky spoke in Kyiv. \"Russia will fail,\" he said. \"Belarus too.\"",
        ["Volodymyr Zelensky -stated-> Russia", "Volodymyr Zelensky -stated-> Belarus"]
    );
    t!(
        possessive_statement_that,
        "The Kremlin's statement that Ukraine had attacked Belarus was false.",
        ["Kremlin -stated-> Ukraine", "Ukraine -attacked-> Belarus"]
    );
    t!(
        in_a_report,
        "In a report, NATO found that Iran had supplied drones to Russia.",
        ["NATO -stated-> Iran", "Iran -supplied-> Russia"]
    );
    t!(
        report_from_mentioned,
        "A report from the Pentagon mentioned that China supplied parts to Russia.",
        ["Pentagon -stated-> China", "China -supplied-> Russia"]
    );
    t!(
        denial_that,
        "Hamas rejected the claim that it was rearming in Gaza.",
        ["Hamas -denied-> Gaza"]
    );
    t!(
        passive_said_to_is_no_statement,
        "North Korea is said to have supplied shells to Russia.",
        ["North Korea -supplied-> Russia [hedged]"]
    );
    t!(
        passive_speech_verb_names_no_speaker,
        "Netanyahu was criticised for his handling of Gaza. Iran was denied a visa.",
        []
    );
    t!(
        quoted_as_saying_names_the_speaker,
        "Netanyahu was quoted as saying Israel would respond.",
        ["Benjamin Netanyahu -stated-> Israel"]
    );

    // ---- Roles -------------------------------------------------------

    t!(
        role_and_denial,
        "Kremlin spokesman Dmitry Peskov dismissed reports of North Korean involvement.",
        ["Dmitry Peskov -role-> Kremlin", "Dmitry Peskov -denied-> North Korea"]
    );
    t!(
        demonym_title,
        "Russian President Vladimir Putin arrived.",
        ["Vladimir Putin -role-> Russia"]
    );
    t!(
        apposition_role,
        "Anna Lee, an analyst at Reuters, warned that Russia was ready.",
        ["Anna Lee -role-> Reuters", "Anna Lee -stated-> Russia"]
    );
    t!(
        org_title_name,
        "Pentagon spokesperson Pat Ryder spoke on Monday.",
        ["Pat Ryder -role-> Pentagon"]
    );
    t!(
        title_chain,
        "Pentagon press secretary Maj. Gen. Pat Ryder spoke on Monday.",
        ["Pat Ryder -role-> Pentagon"]
    );
    t!(
        demonym_prime_minister,
        "Israeli Prime Minister Benjamin Netanyahu arrived.",
        ["Benjamin Netanyahu -role-> Israel"]
    );
    t!(
        militia_commander,
        "RSF commander Mohamed Hamdan Dagalo arrived.",
        ["Mohamed Hamdan Dagalo -role-> Rapid Support Forces"]
    );
    t!(
        junta_spokesman,
        "Myanmar junta spokesman Zaw Min Tun spoke.",
        ["Zaw Min Tun -role-> Myanmar junta"]
    );
    t!(
        secretary_general,
        "NATO Secretary General Mark Rutte arrived.",
        ["Mark Rutte -role-> NATO"]
    );
    t!(apposition_head_of, "Anna Lee, the head of NATO, arrived.", ["Anna Lee -role-> NATO"]);
    t!(
        apposition_possessive_org,
        "Dmitry Peskov, the Kremlin's spokesman, arrived.",
        ["Dmitry Peskov -role-> Kremlin"]
    );
    t!(
        apposition_bare_possessive,
        "Pat Ryder, Pentagon's press secretary, said the drills would go on.",
        ["Pat Ryder -role-> Pentagon", "Pat Ryder -stated-> the drills would go on"]
    );
    t!(
        apposition_bare_org_title,
        "Dmitry Peskov, Kremlin spokesman, said Ukraine was to blame.",
        ["Dmitry Peskov -role-> Kremlin", "Dmitry Peskov -stated-> Ukraine"]
    );
    t!(
        title_then_place,
        "US envoy in Sudan Andrew Natsios met Sudanese officials.",
        ["Andrew Natsios -role-> United States", "Andrew Natsios -met-> Sudan"]
    );
    t!(
        title_after_abbreviation,
        "Palestinian National Authority (PNA) Chairman Mahmoud Abbas ordered a halt.",
        ["Mahmoud Abbas -role-> Palestinian National Authority"]
    );
    t!(
        particles_in_names,
        "The raid was condemned by interim governor Mohammed Yusef al-Tulib, who said it killed 15.",
        ["Mohammed Yusef al-Tulib -role-> governor", "Mohammed Yusef al-Tulib -stated-> it killed 15"]
    );
    t!(
        title_name_of_body,
        "Prime Minister Anna Lee of Hamas arrived, and Judge Tom Hale of the Kremlin left.",
        ["Anna Lee -role-> Hamas", "Tom Hale -role-> Kremlin"]
    );
    t!(
        pro_is_not_the_country,
        "The pro-Russian President Anna Lee arrived.",
        ["Anna Lee -role-> President"]
    );
    t!(
        possessive_country_title,
        "Russia's foreign minister Anna Lee arrived.",
        ["Anna Lee -role-> Russia"]
    );
    t!(
        title_then_name_between_commas,
        "Russia's foreign minister, Anna Lee, said North Korea would help.",
        ["Anna Lee -role-> Russia", "Anna Lee -stated-> North Korea"]
    );
    t!(
        title_for_a_place_then_name_between_commas,
        "Sudan's ambassador to Russia, Anna Lee, told reporters Ukraine was to blame.",
        ["Anna Lee -role-> Sudan", "Anna Lee -stated-> Ukraine"]
    );
    t!(
        name_between_commas_needs_a_title,
        "After a visit to Belarus, Anna Lee, said Ukraine was to blame.",
        []
    );

    // ---- Actions and events ------------------------------------------

    t!(
        supplied_to,
        "North Korea shipped millions of shells to Russia.",
        ["North Korea -supplied-> Russia"]
    );
    t!(
        passive_by,
        "Shells used by Russia are supplied by North Korea.",
        ["North Korea -supplied-> Russia"]
    );
    t!(
        sent_troops_is_deployment,
        "North Korea sent troops to Russia.",
        ["North Korea -deployed-> Russia"]
    );
    t!(
        infinitival_plans_to_send,
        "North Korea plans to send troops to Russia.",
        ["North Korea -deployed-> Russia"]
    );
    t!(
        participle_supplied_by,
        "Russia used missiles supplied by Pyongyang.",
        ["Pyongyang -supplied-> Russia"]
    );
    t!(
        participle_with_recipient,
        "The drones supplied by Iran to Russia hit Kyiv.",
        ["Iran -supplied-> Russia"]
    );
    t!(
        passive_attack_demonym_agent,
        "Kyiv was attacked by Russian drones.",
        ["Russia -attacked-> Kyiv"]
    );
    t!(
        conjoined_subjects,
        "Putin and Kim Jong Un signed a defence pact.",
        ["Kim Jong Un -agreed-> Vladimir Putin", "Vladimir Putin -agreed-> Kim Jong Un"]
    );
    t!(
        conjoined_formalized,
        "Putin and Kim Jong Un formalized an agreement.",
        ["Kim Jong Un -agreed-> Vladimir Putin", "Vladimir Putin -agreed-> Kim Jong Un"]
    );
    t!(
        nominal_visit,
        "It came during Putin's visit to Pyongyang.",
        ["Vladimir Putin -visited-> Pyongyang"]
    );
    t!(
        between,
        "Cooperation between Russia and North Korea has grown.",
        ["Russia -cooperated-> North Korea"]
    );
    t!(
        alliance_between,
        "The alliance between Moscow and Pyongyang worries Kyiv.",
        ["Russia -cooperated-> Pyongyang"]
    );
    t!(nominal_invasion, "The Israeli invasion of Gaza continued.", ["Israel -attacked-> Gaza"]);
    t!(group_noun_subject, "Russian forces attacked Ukraine.", ["Russia -attacked-> Ukraine"]);
    t!(
        second_verb_of_subject,
        "Anna Lee arrived in Belarus and met Vladimir Putin on Sunday.",
        ["Anna Lee -visited-> Belarus", "Anna Lee -met-> Vladimir Putin"]
    );
    t!(
        met_through_title,
        "Anna Lee arrived in Belarus and met Foreign Minister Vladimir Putin on Sunday.",
        [
            "Anna Lee -visited-> Belarus",
            "Anna Lee -met-> Vladimir Putin",
            "Vladimir Putin -role-> Foreign Minister"
        ]
    );
    t!(withdrew_from, "Wagner withdrew from Mali.", ["Wagner -withdrew-> Mali"]);
    t!(captured_city, "The RSF captured Khartoum.", ["Rapid Support Forces -captured-> Khartoum"]);
    t!(
        imposed_sanctions,
        "The EU imposed sanctions on Wagner.",
        ["European Union -sanctioned-> Wagner"]
    );
    t!(
        arrested_by_group_noun,
        "Israeli police arrested Hamas members.",
        ["Israel -arrested-> Hamas"]
    );
    t!(met_with, "Putin met with Kim Jong Un in Pyongyang.", ["Vladimir Putin -met-> Kim Jong Un"]);
    t!(
        discussed_with_title,
        "Netanyahu discussed the truce by phone with Foreign Minister Anna Lee.",
        ["Benjamin Netanyahu -met-> Anna Lee", "Anna Lee -role-> Foreign Minister"]
    );
    t!(held_talks, "Israel held talks with Hamas.", ["Israel -negotiated-> Hamas"]);
    t!(
        condemned_and_nominal_attack,
        "NATO condemned the Russian attack on Ukraine.",
        ["NATO -condemned-> Russia", "Russia -attacked-> Ukraine"]
    );
    t!(threatened_to, "China threatened to blockade Taiwan.", ["China -threatened-> Taiwan"]);
    t!(
        accused_of,
        "Ukraine accused Russia of attacking Kyiv.",
        ["Ukraine -accused-> Russia", "Russia -attacked-> Kyiv [hedged]"]
    );
    t!(cooperated_with, "China cooperated with Russia.", ["China -cooperated-> Russia"]);

    // ---- Negation and hedging ----------------------------------------

    t!(
        negated_and_hedged,
        "Russia did not supply weapons to Belarus, and Ukraine reportedly attacked Belarus.",
        ["Russia -supplied-> Belarus [negated]", "Ukraine -attacked-> Belarus [hedged]"]
    );
    t!(
        never,
        "North Korea never supplied weapons to Russia.",
        ["North Korea -supplied-> Russia [negated]"]
    );
    t!(
        has_not,
        "Russia has not deployed troops to Belarus.",
        ["Russia -deployed-> Belarus [negated]"]
    );
    t!(
        denied_that_clause,
        "The Kremlin denied that Russia supplied weapons to Wagner.",
        ["Kremlin -denied-> Russia", "Russia -supplied-> Wagner [negated]"]
    );
    t!(
        denied_gerund,
        "North Korea denied supplying shells to Russia.",
        ["North Korea -denied-> Russia", "North Korea -supplied-> Russia [negated]"]
    );
    t!(
        refused_to,
        "Putin refused to meet Zelensky.",
        ["Vladimir Putin -met-> Volodymyr Zelensky [negated]"]
    );
    t!(
        allegedly,
        "Iran allegedly supplied drones to Russia.",
        ["Iran -supplied-> Russia [hedged]"]
    );
    t!(could, "China could supply weapons to Russia.", ["China -supplied-> Russia [hedged]"]);
    t!(may, "Russia may attack Kyiv again.", ["Russia -attacked-> Kyiv [hedged]"]);
    t!(
        not_substantiated,
        "Claims that Iran supplied drones to Russia have not been substantiated.",
        ["Iran -supplied-> Russia [hedged]"]
    );
    t!(
        unconfirmed_reports,
        "Unconfirmed reports said Israel struck Gaza.",
        ["Israel -attacked-> Gaza [hedged]"]
    );
    t!(
        according_to_unverified,
        "According to unverified reports, Wagner withdrew from Mali.",
        ["Wagner -withdrew-> Mali [hedged]"]
    );
    t!(
        claimed_that,
        "Hamas claimed that Israel struck Gaza.",
        ["Hamas -stated-> Israel [hedged]", "Israel -attacked-> Gaza [hedged]"]
    );
    t!(
        reportedly_deployed,
        "Russia reportedly deployed troops to Belarus.",
        ["Russia -deployed-> Belarus [hedged]"]
    );
    t!(
        did_not_withdraw,
        "Israel did not withdraw from Gaza.",
        ["Israel -withdrew-> Gaza [negated]"]
    );
    t!(
        denied_by_speaker,
        "Zelensky denied that Ukraine attacked Belarus.",
        ["Volodymyr Zelensky -denied-> Ukraine", "Ukraine -attacked-> Belarus [negated]"]
    );
    t!(
        said_is_not_hedged,
        "Netanyahu said Israel struck Gaza.",
        ["Benjamin Netanyahu -stated-> Israel", "Israel -attacked-> Gaza"]
    );
    t!(generic_subject_is_skipped, "Russian military bloggers claimed that Ukraine retreated.", []);

    /// Words are copied only when lower-casing changes them, and come out
    /// as the plain definition gives them.
    #[test]
    fn words_in_as_lower_cased_copies() {
        let reference = |s: &str| -> Vec<String> {
            s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
                .filter(|w| !w.is_empty())
                .map(|w| w.to_lowercase())
                .map(|w| if w.ends_with("n't") || w.ends_with("n’t") { "n't".into() } else { w })
                .collect()
        };
        #[rustfmt::skip]
        let pieces = [
            " ", ",", "said", "Said", "DIDN'T", "didn’t", "won't", "Isn’T", "Київ", "ÉTÉ",
            "\u{212a}elvin", "İ", "ß", "n't", "'", "’", "F-16", "3,000", "to", "\u{a0}",
        ];
        for text in crate::testing::generated_texts(&pieces, 3_000, 12) {
            let got: Vec<String> = super::words_in(&text).map(|w| w.into_owned()).collect();
            assert_eq!(got, reference(&text), "{text:?}");
        }
    }
}
