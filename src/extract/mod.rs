//! The pipeline: pure functions of a document's text and what earlier
//! stages found. Nothing here does I/O.
//!
//! Stages run in this order, each a module with one job:
//! [`sentences`] → [`gazetteer`] names → [`names`] rule mentions →
//! [`coref`] → [`roles`] (titles naming an office holder) → [`dates`] →
//! [`quantities`] → [`relations`].

pub mod coref;
pub mod dates;
pub mod docdate;
pub mod fixed;
pub mod gazetteer;
pub mod lexicon;
mod masks;
pub mod names;
pub mod quantities;
pub mod relations;
pub mod roles;
pub mod sentences;
pub(crate) mod tsv;
pub mod wordtrie;

use std::time::{Duration, Instant};

use crate::{Date, Document, Span};
use dates::{DateFinder, DateMention};
use gazetteer::{Entity, Gazetteer};
use lexicon::{Lexicon, Trigger};
use quantities::{QuantityFinder, QuantityMention};

/// About how much text to give [`Pipeline::extract_batch`] at a time, as
/// `gazette extract` does: enough documents that each stage's automata
/// stay in cache over many of them, few enough to keep memory small. The
/// date rules' DFAs, the largest tables walked byte by byte, are reloaded
/// by each batch after the other stages have run: over the news corpus,
/// `bench_stages` gives the date stage 0.33 s with 256 KB batches and
/// 0.24 s with 1 MB ones, and all stages 1.46 s and 1.28 s. Larger
/// batches gain nothing more; at `-j2` peak RSS is 79 MB with 256 KB
/// batches, 97 MB with 1 MB and 119 MB with 2 MB.
pub const BATCH_BYTES: usize = 1 << 20;

/// At most this many documents to a batch, whatever their size: a run of
/// empty documents also comes in bounded batches. About `BATCH_BYTES` of
/// wire reports (a kilobyte or less each).
pub const BATCH_DOCS: usize = 2048;

/// How a mention was found, written to the `source` column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A gazetteer name, alias or demonym.
    Gazetteer,
    /// A rule for names the gazetteers lack (`spokesperson Pat Ryder`).
    Rule,
    /// A short form or pronoun pointing back to an earlier mention.
    Coref,
}

impl Source {
    /// The word used in the CSVs.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Gazetteer => "gazetteer",
            Source::Rule => "rule",
            Source::Coref => "coref",
        }
    }
}

/// Which entity a mention names: one of the gazetteer's, or one found by a
/// rule in this document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntityRef {
    /// Index into [`Gazetteer::entities`].
    Known(u32),
    /// Index into [`Extraction::found`].
    Found(u32),
}

/// A span of text naming an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Bytes of the name in the document.
    pub span: Span,
    /// Index of the sentence (0-based) the mention is in.
    pub sentence: usize,
    /// The entity named.
    pub entity: EntityRef,
    /// How it was found.
    pub source: Source,
    /// Whether the text is a demonym (`Russian`) standing for a place.
    pub demonym: bool,
}

/// A quantity with the entity it belongs to and the event it counts.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    /// Span, value, qualifier and unit.
    pub found: QuantityMention,
    /// Index into [`Extraction::mentions`] of the entity the counted thing
    /// belongs to (`North Korean troops` → North Korea).
    pub entity: Option<usize>,
    /// Relation label of the verb governing it (`killed`, `supplied`), or empty.
    pub event: String,
}

/// One fact linking two entities, or an entity and a span of text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relation {
    /// Index of the sentence (0-based) giving the evidence.
    pub sentence: usize,
    /// Index into [`Extraction::mentions`] of the subject.
    pub subject: usize,
    /// The relation label (`stated`, `supplied`, `role`, …).
    pub label: String,
    /// The trigger in the text (`warned`, `spokesperson`).
    pub verb: Span,
    /// Index into [`Extraction::mentions`] of the object, if it is an entity.
    pub object: Option<usize>,
    /// The argument span (the reported clause for `stated`, the title for `role`).
    pub object_text: Span,
    /// Normalised date of the sentence, else the document date, else empty.
    pub date: String,
    /// The text denies the fact (`did not provide`).
    pub negated: bool,
    /// The text hedges it (`reportedly`, `could`).
    pub hedged: bool,
}

/// Everything found in one document.
#[derive(Clone, Debug, Default)]
pub struct Extraction {
    /// Sentence spans, in order.
    pub sentences: Vec<Span>,
    /// Entity mentions, in text order, never overlapping.
    pub mentions: Vec<Mention>,
    /// Entities found by rules rather than gazetteers, for [`EntityRef::Found`].
    pub found: Vec<Entity>,
    /// Date expressions, in text order.
    pub dates: Vec<DateMention>,
    /// Quantities, in text order.
    pub quantities: Vec<Quantity>,
    /// Relations, in sentence order.
    pub relations: Vec<Relation>,
    /// The reference date relative dates were resolved against.
    pub reference: Option<Date>,
    /// Where the reference date came from.
    pub reference_source: Option<docdate::DateSource>,
}

impl Extraction {
    /// The 0-based index of the sentence containing byte `offset`.
    pub fn sentence_of(&self, offset: usize) -> usize {
        sentence_of(&self.sentences, offset)
    }
}

/// Whether `text[start..end]` stands alone: no character for which
/// `joins` holds touches it on either side. A match ending in `.` (`Gen.`,
/// `U.S.`) may be followed by anything.
pub(crate) fn stands_alone(text: &str, start: usize, end: usize, joins: fn(char) -> bool) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let dotted = text[start..end].ends_with('.');
    !before.is_some_and(joins) && (dotted || !after.is_some_and(joins))
}

/// The 0-based index of the sentence among `sentences` containing `offset`
/// (the last one starting at or before it).
pub fn sentence_of(sentences: &[Span], offset: usize) -> usize {
    sentences.partition_point(|s| s.start <= offset).saturating_sub(1)
}

/// Every stage, compiled once and shared by all threads.
///
/// ```
/// use gazette::extract::{gazetteer::GazetteerBuilder, lexicon::Lexicon, Pipeline};
/// use gazette::Document;
///
/// let pipeline = Pipeline::new(
///     GazetteerBuilder::with_defaults().build().unwrap(),
///     Lexicon::with_defaults().unwrap(),
/// );
/// let doc = Document::new("d1", "Russia said on Monday that it sent 3,000 troops to Belarus.");
/// let x = pipeline.extract(&doc, gazette::Date::new(2024, 10, 15));
/// assert_eq!(x.sentences.len(), 1);
/// assert!(!x.mentions.is_empty());
/// ```
#[derive(Debug)]
pub struct Pipeline {
    gazetteer: Gazetteer,
    lexicon: Lexicon,
    /// The lexicon's phrases and the name rules' words, in one scan.
    fixed: fixed::FixedStrings,
    names: names::NameRules,
    offices: roles::Offices,
    dates: DateFinder,
    quantities: QuantityFinder,
}

impl Pipeline {
    /// Builds the pipeline from compiled gazetteers and a relation lexicon.
    pub fn new(gazetteer: Gazetteer, lexicon: Lexicon) -> Pipeline {
        let names = names::NameRules::new(&lexicon).with_given_names(&gazetteer);
        let [titles, org, place] = names.word_sets();
        let fixed = fixed::FixedStrings::new(&[
            (lexicon.phrase_list(), true),
            (&titles.0, titles.1),
            (&org.0, org.1),
            (&place.0, place.1),
        ]);
        Pipeline {
            fixed,
            names,
            offices: roles::Offices::new(&gazetteer),
            gazetteer,
            lexicon,
            dates: DateFinder::new(),
            quantities: QuantityFinder::new(),
        }
    }

    /// The compiled gazetteers.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The entity a mention or relation argument refers to.
    pub fn entity<'a>(&'a self, x: &'a Extraction, entity: EntityRef) -> &'a Entity {
        match entity {
            EntityRef::Known(i) => &self.gazetteer.entities()[i as usize],
            EntityRef::Found(i) => &x.found[i as usize],
        }
    }

    /// Runs every stage on one document. Never fails: odd input gives fewer
    /// results. `fallback` is the reference date for a document without one.
    pub fn extract(&self, doc: &Document, fallback: Option<Date>) -> Extraction {
        self.run(&[doc], fallback, &mut NoClock).pop().unwrap_or_default()
    }

    /// [`Pipeline::extract`] for each of `docs`, in order. Faster than one
    /// call per document: each stage runs over the whole batch while its
    /// automata are in cache. The result for each document is the same as
    /// `extract`'s.
    ///
    /// ```
    /// use gazette::extract::{gazetteer::GazetteerBuilder, lexicon::Lexicon, Pipeline};
    /// use gazette::Document;
    ///
    /// let pipeline = Pipeline::new(
    ///     GazetteerBuilder::with_defaults().build().unwrap(),
    ///     Lexicon::with_defaults().unwrap(),
    /// );
    /// let a = Document::new("a", "Russia sent 3,000 troops to Belarus.");
    /// let b = Document::new("b", "Ukraine said so on Monday.");
    /// let xs = pipeline.extract_batch(&[&a, &b], gazette::Date::new(2024, 10, 15));
    /// assert_eq!(xs.len(), 2);
    /// assert_eq!(xs[1].dates.len(), 1);
    /// ```
    pub fn extract_batch(&self, docs: &[&Document], fallback: Option<Date>) -> Vec<Extraction> {
        self.run(docs, fallback, &mut NoClock)
    }

    /// [`Pipeline::extract_batch`], adding the time each stage took to
    /// `times` (for benchmarks; the result is the same).
    pub fn extract_timed(
        &self,
        docs: &[&Document],
        fallback: Option<Date>,
        times: &mut StageTimes,
    ) -> Vec<Extraction> {
        self.run(docs, fallback, &mut Laps { times, last: Instant::now() })
    }

    /// The stages, in order, each over the whole batch before the next
    /// begins: a stage's automata and tables stay in cache across
    /// documents instead of being evicted by the other stages' after each
    /// one. `clock.lap` after each stage charges the time since the
    /// previous lap to it (a no-op for `extract`). Documents never see each
    /// other: the result for each is what it would be alone.
    fn run(
        &self,
        docs: &[&Document],
        fallback: Option<Date>,
        clock: &mut impl Clock,
    ) -> Vec<Extraction> {
        let mut xs: Vec<Extraction> = docs
            .iter()
            .map(|doc| {
                let dated = docdate::reference(doc, fallback);
                Extraction {
                    reference: dated.map(|(d, _)| d),
                    reference_source: dated.map(|(_, s)| s),
                    ..Extraction::default()
                }
            })
            .collect();
        clock.lap(|t| &mut t.reference);
        let each = || docs.iter().map(|d| d.text.as_str());
        for (text, x) in each().zip(&mut xs) {
            x.sentences = sentences::split(text);
        }
        clock.lap(|t| &mut t.sentences);
        for (text, x) in each().zip(&mut xs) {
            x.mentions = self
                .gazetteer
                .find(text)
                .into_iter()
                .map(|m| Mention {
                    span: m.span,
                    sentence: sentence_of(&x.sentences, m.span.start),
                    entity: EntityRef::Known(m.entity),
                    source: Source::Gazetteer,
                    demonym: m.demonym,
                })
                .collect();
        }
        clock.lap(|t| &mut t.gazetteer);
        // One scan for every stage that needs fixed strings: the lexicon's
        // phrases, the name rules' titles and head words.
        let words: Vec<Vec<Vec<fixed::Hit>>> = each().map(|text| self.fixed.find(text)).collect();
        clock.lap(|t| &mut t.fixed);
        for ((text, x), w) in each().zip(&mut xs).zip(&words) {
            let words = names::RuleWords { titles: &w[1], org: &w[2], place: &w[3] };
            self.names.find_with(text, &x.sentences, words, &mut x.mentions, &mut x.found);
        }
        clock.lap(|t| &mut t.names);
        for (text, x) in each().zip(&mut xs) {
            let found = &x.found;
            let lexicon = &self.lexicon;
            coref::resolve(
                text,
                &x.sentences,
                &mut x.mentions,
                lexicon,
                &self.names,
                |r| match r {
                    EntityRef::Known(i) => &self.gazetteer.entities()[i as usize],
                    EntityRef::Found(i) => &found[i as usize],
                },
            );
        }
        clock.lap(|t| &mut t.coref);
        // The lexicon's words, for every stage that needs them.
        let triggers: Vec<Vec<Trigger>> =
            each().zip(&words).map(|(text, w)| self.lexicon.triggers_from(text, &w[0])).collect();
        clock.lap(|t| &mut t.triggers);
        for ((text, x), triggers) in each().zip(&mut xs).zip(&triggers) {
            self.offices.resolve(
                text,
                &x.sentences,
                &mut x.mentions,
                &self.lexicon,
                triggers,
                x.reference,
            );
        }
        clock.lap(|t| &mut t.roles);
        for (text, x) in each().zip(&mut xs) {
            x.dates = self.dates.find(text, &x.sentences, x.reference);
        }
        clock.lap(|t| &mut t.dates);
        for ((text, x), triggers) in each().zip(&mut xs).zip(&triggers) {
            x.quantities = self.quantities(text, x, triggers);
        }
        clock.lap(|t| &mut t.quantities);
        for ((text, x), triggers) in each().zip(&mut xs).zip(&triggers) {
            x.relations = relations::find(text, x, &self.lexicon, triggers, |r| self.entity(x, r));
        }
        clock.lap(|t| &mut t.relations);
        xs
    }

    /// The quantities of one document, with the entity each belongs to and
    /// the event it counts.
    fn quantities(&self, text: &str, x: &Extraction, triggers: &[Trigger]) -> Vec<Quantity> {
        let exclude: Vec<Span> =
            x.dates.iter().map(|d| d.span).chain(x.mentions.iter().map(|m| m.span)).collect();
        let found = self.quantities.find(text, &x.sentences, &exclude);
        let spans = MentionStarts::new(&x.mentions, found.len());
        found
            .into_iter()
            .map(|q| {
                let unit = q.unit_span.unwrap_or(q.span);
                let entity = spans.first_within(&x.mentions, [unit, q.span]);
                let event = self
                    .lexicon
                    .event_among(text, &x.sentences, triggers, q.span)
                    .unwrap_or_default();
                Quantity { found: q, entity, event }
            })
            .collect()
    }
}

/// The mentions' starts, sorted, and the longest mention's length: which
/// mentions may share a byte with a span, without reading them all. Made
/// only where questions about a long list of mentions pay for the sort;
/// quantities, the name rules, titles and `suggest` use it.
pub(crate) struct Starts {
    /// (start, index) of every mention, by start.
    sorted: Vec<(usize, usize)>,
    longest: usize,
}

impl Starts {
    /// `None` where `questions` scans of `mentions` cost less than a sort:
    /// below 4,096 mentions times questions (a long document has thousands
    /// of mentions).
    pub(crate) fn new(mentions: &[Mention], questions: usize) -> Option<Starts> {
        if mentions.len().saturating_mul(questions) <= 4096 {
            return None;
        }
        let mut sorted: Vec<(usize, usize)> =
            mentions.iter().enumerate().map(|(i, m)| (m.span.start, i)).collect();
        sorted.sort_unstable();
        let longest = mentions.iter().map(|m| m.span.len()).max().unwrap_or(0);
        Some(Starts { sorted, longest })
    }

    /// The indexes, by start, of the mentions starting within `span`'s
    /// reach: every one that shares a byte with it, and maybe others (the
    /// caller tests each). One that overlaps starts before the span ends,
    /// and less than the longest mention's length before it starts.
    pub(crate) fn near(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        let from = self.sorted.partition_point(|&(start, _)| start + self.longest < span.start);
        self.sorted[from..].iter().take_while(move |&&(start, _)| start < span.end).map(|&(_, i)| i)
    }

    /// Whether a mention starts at `at`.
    pub(crate) fn any_at(&self, at: usize) -> bool {
        let k = self.sorted.partition_point(|&(start, _)| start < at);
        self.sorted.get(k).is_some_and(|&(start, _)| start == at)
    }
}

/// The first mention (in list order) within one of some spans: each
/// quantity's entity. With few mentions or few questions, a scan of the
/// list; otherwise the mentions' [`Starts`], so that a long document with
/// thousands of mentions and quantities is not read in full for each
/// quantity.
struct MentionStarts {
    sorted: Option<Starts>,
}

impl MentionStarts {
    fn new(mentions: &[Mention], questions: usize) -> MentionStarts {
        MentionStarts { sorted: Starts::new(mentions, questions) }
    }

    /// The index of the first of `mentions` that one of `within` contains.
    fn first_within(&self, mentions: &[Mention], within: [Span; 2]) -> Option<usize> {
        let inside = |m: &Mention| within.iter().any(|w| w.contains(m.span));
        let Some(sorted) = &self.sorted else { return mentions.iter().position(inside) };
        // A mention inside one of the spans starts within their reach.
        let lo = within.iter().map(|w| w.start).min().unwrap_or(0);
        let hi = within.iter().map(|w| w.end).max().unwrap_or(0);
        sorted.near(Span::new(lo, hi.saturating_add(1))).filter(|&i| inside(&mentions[i])).min()
    }
}

/// Time spent in each stage of [`Pipeline::extract_timed`], summed over
/// every call that was given this value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StageTimes {
    /// The document's reference date ([`docdate`]).
    pub reference: Duration,
    /// Sentence splitting ([`sentences`]).
    pub sentences: Duration,
    /// The gazetteer scan ([`gazetteer`]), with each match's sentence.
    pub gazetteer: Duration,
    /// The one scan for the lexicon's phrases and the name rules' words
    /// ([`fixed`]).
    pub fixed: Duration,
    /// Rule mentions ([`names`]).
    pub names: Duration,
    /// Short forms and pronouns ([`coref`]).
    pub coref: Duration,
    /// The lexicon's triggers, from the fixed-string scan ([`lexicon`]).
    pub triggers: Duration,
    /// Titles naming an office holder ([`roles`]).
    pub roles: Duration,
    /// Date expressions ([`dates`]).
    pub dates: Duration,
    /// Quantities, their entities and events ([`quantities`]).
    pub quantities: Duration,
    /// Relations ([`relations`]).
    pub relations: Duration,
}

impl StageTimes {
    /// Each stage's name and time, in pipeline order.
    pub fn stages(&self) -> [(&'static str, Duration); 11] {
        [
            ("reference date", self.reference),
            ("sentences", self.sentences),
            ("gazetteer scan", self.gazetteer),
            ("fixed strings", self.fixed),
            ("name rules", self.names),
            ("coref", self.coref),
            ("lexicon triggers", self.triggers),
            ("roles", self.roles),
            ("dates", self.dates),
            ("quantities", self.quantities),
            ("relations", self.relations),
        ]
    }

    /// The sum over all stages.
    pub fn total(&self) -> Duration {
        self.stages().iter().map(|(_, d)| *d).sum()
    }
}

/// Where [`Pipeline::run`] reports the end of each stage.
trait Clock {
    /// Charges the time since the last lap to the stage `field` picks.
    fn lap(&mut self, field: fn(&mut StageTimes) -> &mut Duration);
}

/// The clock of [`Pipeline::extract`]: does nothing, and compiles away.
struct NoClock;

impl Clock for NoClock {
    #[inline(always)]
    fn lap(&mut self, _: fn(&mut StageTimes) -> &mut Duration) {}
}

/// The clock of [`Pipeline::extract_timed`].
struct Laps<'a> {
    times: &'a mut StageTimes,
    last: Instant,
}

impl Clock for Laps<'_> {
    fn lap(&mut self, field: fn(&mut StageTimes) -> &mut Duration) {
        let now = Instant::now();
        *field(self.times) += now - self.last;
        self.last = now;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn default_pipeline() -> Pipeline {
        Pipeline::new(
            gazetteer::GazetteerBuilder::with_defaults().build().unwrap(),
            Lexicon::with_defaults().unwrap(),
        )
    }

    #[test]
    fn pipeline_is_send_and_sync() {
        fn assert_all<T: Send + Sync>() {}
        assert_all::<Pipeline>();
    }

    /// Odd inputs never panic, and every span lies on character boundaries.
    #[test]
    fn odd_inputs() {
        let pipeline = default_pipeline();
        let inputs = [
            "",
            " ",
            "\n\n\n",
            "...",
            "\"",
            "Россия said, \"Київ\" — 🇺🇦 said 😀 that Russia’s",
            "Mr. ",
            "according to",
            "A, a professor at , said",
            "between and",
            "Russia's visit to",
            "He said. She said. He said",
            "\u{0}\u{1}Russia\u{feff} sent\u{301} troops to Ukraine\u{200d}.",
            "Ivan Petrov, the Kremlin spokesman",
            ".08",
            ".Ab",
            "?A",
            "…Ab",
        ];
        for text in inputs {
            let x = pipeline.extract(&Document::new("t", text), Date::new(2024, 1, 1));
            let spans = x
                .sentences
                .iter()
                .chain(x.mentions.iter().map(|m| &m.span))
                .chain(x.dates.iter().map(|d| &d.span))
                .chain(x.quantities.iter().map(|q| &q.found.span))
                .chain(x.relations.iter().flat_map(|r| [&r.verb, &r.object_text]));
            for s in spans {
                assert!(text.get(s.start..s.end).is_some(), "{text:?}: {s:?}");
            }
        }
    }

    /// The sorted starts find the mention a scan of the list finds: random
    /// mentions (in any order, overlapping, some empty) and spans.
    #[test]
    fn first_within_as_a_scan() {
        let mut random = crate::testing::xorshift(0x9e37_79b9_7f4a_7c15_u64);
        let mut next = |n: u64| (random() % n) as usize;
        let span = |next: &mut dyn FnMut(u64) -> usize| {
            let start = next(200);
            Span::new(start, start + next(12))
        };
        let mut found = 0;
        for _ in 0..2_000 {
            let mentions: Vec<Mention> = (0..next(40))
                .map(|_| Mention {
                    span: span(&mut next),
                    sentence: 0,
                    entity: EntityRef::Found(0),
                    source: Source::Rule,
                    demonym: false,
                })
                .collect();
            let (scan, sorted) =
                (MentionStarts::new(&mentions, 0), MentionStarts::new(&mentions, usize::MAX));
            assert!(scan.sorted.is_none() && sorted.sorted.is_some() != mentions.is_empty());
            for _ in 0..20 {
                let within = [span(&mut next), span(&mut next)];
                let want = scan.first_within(&mentions, within);
                assert_eq!(sorted.first_within(&mentions, within), want, "{within:?}");
                found += usize::from(want.is_some());
            }
        }
        assert!(found > 1_000, "only {found} mentions found");
    }

    /// The timed path gives the same result as the plain one (no assertion
    /// on the times themselves).
    #[test]
    fn extract_timed_matches_extract() {
        let pipeline = default_pipeline();
        let texts = [
            "",
            "Russia said on Monday that it sent 3,000 troops to Belarus. \
             Defense Minister Andrei Belousov visited Minsk on 12 March 2024.",
            "North Korean troops, about 10,000 of them, reportedly arrived in Kursk. \
             The Kremlin spokesman Dmitry Peskov did not deny it. He said so.",
        ];
        let mut times = StageTimes::default();
        for text in texts {
            let doc = Document::new("t", text);
            let plain = pipeline.extract(&doc, Date::new(2024, 10, 15));
            let timed = pipeline.extract_timed(&[&doc], Date::new(2024, 10, 15), &mut times);
            assert_eq!(format!("{:?}", [plain]), format!("{timed:?}"), "{text:?}");
        }
    }

    /// A batch gives each document what it gets alone, whatever else is in
    /// the batch and wherever it stands in it.
    #[test]
    fn batch_matches_one_by_one() {
        let pipeline = default_pipeline();
        let texts = [
            "Defense Minister Andrei Belousov visited Minsk on 12 March 2024. He said so.",
            "",
            "KYIV, Feb 24 (Reuters) - Ukraine said on Monday that 3,000 troops arrived.",
            "The spokesman Pat Ryder said Ryder would not comment on Tuesday.",
            "North Korea supplied over six million artillery shells to Russia.",
        ];
        let docs: Vec<Document> =
            texts.iter().enumerate().map(|(i, t)| Document::new(format!("d{i}"), *t)).collect();
        let alone: Vec<String> = docs
            .iter()
            .map(|d| format!("{:?}", pipeline.extract(d, Date::new(2024, 10, 15))))
            .collect();
        let mut order: Vec<&Document> = docs.iter().collect();
        for _ in 0..2 {
            let batch = pipeline.extract_batch(&order, Date::new(2024, 10, 15));
            assert_eq!(batch.len(), order.len());
            for (d, x) in order.iter().zip(&batch) {
                let i = docs.iter().position(|e| std::ptr::eq(e, *d)).unwrap();
                assert_eq!(format!("{x:?}"), alone[i], "{:?}", d.text);
            }
            order.reverse();
        }
        assert!(pipeline.extract_batch(&[], None).is_empty());
    }

    #[test]
    fn sentence_lookup() {
        let s = [Span::new(0, 5), Span::new(6, 10)];
        assert_eq!(sentence_of(&s, 0), 0);
        assert_eq!(sentence_of(&s, 5), 0);
        assert_eq!(sentence_of(&s, 7), 1);
        assert_eq!(sentence_of(&[], 7), 0);
    }
}
