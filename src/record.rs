//! One document's findings as a self-contained record: what `--format
//! jsonl` writes one line of, and what the CSV writer turns into rows.
//!
//! Everything in a record is resolved: entity ids and names instead of
//! indexes, character offsets instead of byte spans, evidence sentences as
//! text. The CSV files, including the run-wide `entities.csv` and
//! `edges.csv`, are a function of the records alone, so records written
//! anywhere can be turned into the same CSVs later. Field names are the CSV
//! column names; text is kept as found (the CSV writer, not the record,
//! guards cells against spreadsheet formulas).

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::extract::{Extraction, Pipeline};
use crate::{Date, Span};

/// A document and everything found in it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The document id.
    pub doc_id: String,
    /// Where the document stands in its run: the 1-based input ordinal in
    /// `extract`, the line number in `extract --stream`. `gazette merge`
    /// sorts by it, so records from shards come out in input order; 0 in
    /// records written before it existed.
    #[serde(default)]
    pub seq: u64,
    /// The reference date relative dates were resolved against.
    pub date: Option<String>,
    /// Where `date` came from: `field`, `dateline`, `filename` or `argument`.
    pub date_source: Option<String>,
    /// Headline, if the input gave one.
    pub title: String,
    /// Length of the text in characters.
    pub chars: usize,
    /// Number of sentences.
    pub sentence_count: usize,
    /// `ok`, `skipped` or `error`.
    pub status: String,
    /// What went wrong or was odd, if anything.
    pub error: String,
    /// Entity mentions, in text order.
    pub mentions: Vec<MentionRow>,
    /// Date expressions, in text order.
    pub dates: Vec<DateRow>,
    /// Quantities, in text order.
    pub quantities: Vec<QuantityRow>,
    /// Relations, in sentence order.
    pub relations: Vec<RelationRow>,
    /// The sentences, only when asked for (`--sentences`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sentences: Vec<SentenceRow>,
}

/// A row of `mentions.csv`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MentionRow {
    /// 1-based sentence number.
    pub sentence: usize,
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset after the last character.
    pub end: usize,
    /// The name as written.
    pub text: String,
    /// Stable id (`Q7747`, `rule:person:lim-eul-chul`).
    pub entity_id: String,
    /// Canonical name.
    pub entity: String,
    /// `PERSON`, `ORG`, `PLACE`, …
    #[serde(rename = "type")]
    pub kind: String,
    /// `gazetteer`, `rule` or `coref`.
    pub source: String,
}

/// A row of `dates.csv`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DateRow {
    /// 1-based sentence number.
    pub sentence: usize,
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset after the last character.
    pub end: usize,
    /// The expression as written.
    pub text: String,
    /// TIMEX3-style value.
    pub value: String,
    /// `date`, `relative` or `vague`.
    pub kind: String,
    /// TIMEX3 `mod`, or empty.
    #[serde(rename = "mod")]
    pub modifier: String,
}

/// A row of `quantities.csv`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QuantityRow {
    /// 1-based sentence number.
    pub sentence: usize,
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset after the last character.
    pub end: usize,
    /// The quantity as written.
    pub text: String,
    /// The value, when it is one number.
    pub value: Option<f64>,
    /// Low bound of a range or an approximate amount.
    pub low: Option<f64>,
    /// High bound of a range.
    pub high: Option<f64>,
    /// `dozens`, `about`, `hundreds of`.
    pub approximate: bool,
    /// `over`, `at least`, `nearly`, or empty.
    pub qualifier: String,
    /// What is counted (`artillery shells`, `percent`, `dollars`).
    pub unit: String,
    /// Name of the entity the counted thing belongs to, or empty.
    pub entity: String,
    /// The relation label it is counted under (`killed`), or empty.
    pub event: String,
}

/// A row of `relations.csv`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RelationRow {
    /// 1-based sentence number.
    pub sentence: usize,
    /// Subject entity id.
    pub subject_id: String,
    /// Subject canonical name.
    pub subject: String,
    /// Subject type.
    pub subject_type: String,
    /// Relation label (`stated`, `supplied`, `role`, …).
    pub relation: String,
    /// The trigger as written (`warned`), each run of white space in it
    /// one space (`Prime\nMinister` is `Prime Minister`).
    pub verb: String,
    /// Object entity id, or empty.
    pub object_id: String,
    /// Object canonical name, or empty.
    pub object: String,
    /// Object type, or empty.
    pub object_type: String,
    /// The argument span (the reported clause, the title).
    pub object_text: String,
    /// The sentence's normalised date, else the document date, else empty.
    pub date: String,
    /// The text denies the fact.
    pub negated: bool,
    /// The text hedges it.
    pub hedged: bool,
    /// The sentence. Shared by the rows of one sentence: a document
    /// without sentence punctuation has sentences of 4 KB (the cap), and
    /// dozens of relations in each.
    pub evidence: Arc<str>,
}

/// A row of `sentences.csv`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SentenceRow {
    /// 1-based sentence number.
    pub sentence: usize,
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset after the last character.
    pub end: usize,
    /// The sentence.
    pub text: String,
}

impl Record {
    /// The record of a document that was not extracted: `status` is
    /// `skipped` or `error`, `error` says why.
    pub fn failed(doc_id: &str, status: &str, error: &str) -> Record {
        Record {
            doc_id: doc_id.to_string(),
            status: status.to_string(),
            error: error.to_string(),
            ..Record::default()
        }
    }

    /// The record of an extracted document. `warnings` become its `error`
    /// cell (its status stays `ok`); with `sentences`, the sentences are
    /// kept too.
    pub fn new(
        doc_id: &str,
        title: &str,
        text: &str,
        warnings: &[String],
        x: &Extraction,
        pipeline: &Pipeline,
        sentences: bool,
    ) -> Record {
        let chars = CharIndex::new(text);
        let slice = |s: Span| text.get(s.start..s.end).unwrap_or("").to_string();
        let mentions = x
            .mentions
            .iter()
            .map(|m| {
                let e = pipeline.entity(x, m.entity);
                MentionRow {
                    sentence: m.sentence + 1,
                    start: chars.at(m.span.start),
                    end: chars.at(m.span.end),
                    text: slice(m.span),
                    entity_id: e.id.clone(),
                    entity: e.name.clone(),
                    kind: e.kind.clone(),
                    source: m.source.as_str().to_string(),
                }
            })
            .collect();
        let dates = x
            .dates
            .iter()
            .map(|d| DateRow {
                sentence: x.sentence_of(d.span.start) + 1,
                start: chars.at(d.span.start),
                end: chars.at(d.span.end),
                text: slice(d.span),
                value: d.value.clone(),
                kind: d.kind.to_string(),
                modifier: d.modifier.to_string(),
            })
            .collect();
        let quantities = x
            .quantities
            .iter()
            .map(|q| {
                let f = &q.found;
                QuantityRow {
                    sentence: x.sentence_of(f.span.start) + 1,
                    start: chars.at(f.span.start),
                    end: chars.at(f.span.end),
                    text: slice(f.span),
                    value: f.value,
                    low: f.low,
                    high: f.high,
                    approximate: f.approximate,
                    qualifier: f.qualifier.clone(),
                    unit: f.unit.clone(),
                    entity: q
                        .entity
                        .map(|m| pipeline.entity(x, x.mentions[m].entity).name.clone())
                        .unwrap_or_default(),
                    event: q.event.clone(),
                }
            })
            .collect();
        // Relations come in sentence order, so each sentence is copied once
        // (out of order, a sentence would only be copied more than once).
        let mut evidence: Option<(usize, Arc<str>)> = None;
        let relations = x
            .relations
            .iter()
            .map(|r| {
                let s = pipeline.entity(x, x.mentions[r.subject].entity);
                let o = r.object.map(|o| pipeline.entity(x, x.mentions[o].entity));
                RelationRow {
                    sentence: r.sentence + 1,
                    subject_id: s.id.clone(),
                    subject: s.name.clone(),
                    subject_type: s.kind.clone(),
                    relation: r.label.clone(),
                    // A trigger wrapped over a line is one phrase.
                    verb: slice(r.verb).split_whitespace().collect::<Vec<_>>().join(" "),
                    object_id: o.map(|e| e.id.clone()).unwrap_or_default(),
                    object: o.map(|e| e.name.clone()).unwrap_or_default(),
                    object_type: o.map(|e| e.kind.clone()).unwrap_or_default(),
                    object_text: slice(r.object_text),
                    date: r.date.clone(),
                    negated: r.negated,
                    hedged: r.hedged,
                    evidence: match &evidence {
                        Some((i, e)) if *i == r.sentence => Arc::clone(e),
                        _ => {
                            let e: Arc<str> = x
                                .sentences
                                .get(r.sentence)
                                .map(|&s| slice(s))
                                .unwrap_or_default()
                                .into();
                            evidence = Some((r.sentence, Arc::clone(&e)));
                            e
                        }
                    },
                }
            })
            .collect();
        let sentences = if sentences {
            x.sentences
                .iter()
                .enumerate()
                .map(|(i, &s)| SentenceRow {
                    sentence: i + 1,
                    start: chars.at(s.start),
                    end: chars.at(s.end),
                    text: slice(s),
                })
                .collect()
        } else {
            Vec::new()
        };
        Record {
            doc_id: doc_id.to_string(),
            seq: 0,
            date: x.reference.map(|d| d.to_string()),
            date_source: x.reference_source.map(|s| s.as_str().to_string()),
            title: title.to_string(),
            chars: text.chars().count(),
            sentence_count: x.sentences.len(),
            status: "ok".to_string(),
            error: warnings.join("; "),
            mentions,
            dates,
            quantities,
            relations,
            sentences,
        }
    }

    /// The reference date, parsed.
    pub fn reference(&self) -> Option<Date> {
        self.date.as_deref().and_then(Date::parse)
    }
}

/// Byte offset → character offset, with a checkpoint every 256 bytes so a
/// large document costs little memory and each lookup little time. Most
/// news text is ASCII, where the two are the same and nothing is counted.
struct CharIndex<'t> {
    text: &'t [u8],
    /// Empty for ASCII text.
    checkpoints: Vec<usize>,
}

const STEP: usize = 256;

impl<'t> CharIndex<'t> {
    fn new(text: &'t str) -> CharIndex<'t> {
        let bytes = text.as_bytes();
        if bytes.is_ascii() {
            return CharIndex { text: bytes, checkpoints: Vec::new() };
        }
        let mut checkpoints = Vec::with_capacity(bytes.len() / STEP + 2);
        let mut count = 0;
        for chunk in bytes.chunks(STEP) {
            checkpoints.push(count);
            count += chunk.iter().filter(|&&b| !is_continuation(b)).count();
        }
        // The end of a text whose length is a multiple of STEP needs one
        // more (it was counted as 0 characters).
        checkpoints.push(count);
        CharIndex { text: bytes, checkpoints }
    }

    /// The number of characters before byte `offset`.
    fn at(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if self.checkpoints.is_empty() {
            return offset;
        }
        let k = offset / STEP;
        let base = self.checkpoints.get(k).copied().unwrap_or(0);
        base + self.text[k * STEP..offset].iter().filter(|&&b| !is_continuation(b)).count()
    }
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets() {
        let text = "Київ — “Kyiv” ".repeat(100);
        let index = CharIndex::new(&text);
        for (b, _) in text.char_indices() {
            assert_eq!(index.at(b), text[..b].chars().count());
        }
        assert_eq!(index.at(text.len()), text.chars().count());
        let ascii = "Kyiv said so. ".repeat(40);
        let index = CharIndex::new(&ascii);
        for b in 0..=ascii.len() + 3 {
            assert_eq!(index.at(b), b.min(ascii.len()));
        }
        assert_eq!(CharIndex::new("").at(5), 0);
        // Ends on a checkpoint: 256 bytes exactly, ASCII or not.
        for text in ["ab".repeat(128), format!("{}é", "a".repeat(254))] {
            assert_eq!(text.len(), 256);
            let index = CharIndex::new(&text);
            assert_eq!(index.at(256), text.chars().count(), "{text:?}");
        }
    }

    /// The relations of one sentence hold one copy of it, and each holds
    /// its own sentence.
    #[test]
    fn evidence_shared_within_a_sentence() {
        use crate::extract::{gazetteer::GazetteerBuilder, lexicon::Lexicon};
        let pipeline = Pipeline::new(
            GazetteerBuilder::with_defaults().build().unwrap(),
            Lexicon::with_defaults().unwrap(),
        );
        let text =
            "Vladimir Putin said Iran attacked Belarus, Kim Jong Un said Moscow attacked Syria. \
                    North Korea supplied Russia with shells.";
        let doc = crate::Document::new("d", text);
        let x = pipeline.extract(&doc, None);
        let record = Record::new("d", "", text, &[], &x, &pipeline, false);
        let rows = &record.relations;
        let count = |n| rows.iter().filter(|r| r.sentence == n).count();
        assert!(count(1) >= 2 && count(2) >= 1, "{rows:?}");
        for (i, a) in rows.iter().enumerate() {
            let sentence = x.sentences[a.sentence - 1];
            assert_eq!(&*a.evidence, &text[sentence.start..sentence.end]);
            for b in &rows[i + 1..] {
                assert_eq!(Arc::ptr_eq(&a.evidence, &b.evidence), a.sentence == b.sentence);
            }
        }
    }

    #[test]
    fn round_trips_through_json() {
        let record = Record {
            doc_id: "a".into(),
            date: Some("2024-10-15".into()),
            quantities: vec![QuantityRow {
                value: Some(0.1 + 0.2),
                low: Some(6e6),
                unit: "shells".into(),
                ..QuantityRow::default()
            }],
            relations: vec![RelationRow {
                evidence: "\"Quoted,\" he said.".into(),
                ..RelationRow::default()
            }],
            ..Record::default()
        };
        let line = serde_json::to_string(&record).unwrap();
        assert!(!line.contains('\n'));
        assert_eq!(serde_json::from_str::<Record>(&line).unwrap(), record);
    }
}
