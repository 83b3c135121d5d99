//! Extraction → CSV files. The only place byte spans become character
//! offsets and text cells are made safe for spreadsheets.
//!
//! Files are written under temporary names in the output folder and renamed
//! into place by [`CsvOutput::finish`], so an interrupted run never leaves a
//! truncated file under a final name.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::{self, File};
use std::io::{self, BufWriter};
use std::path::{Path, PathBuf};

use crate::extract::{Extraction, Pipeline};
use crate::{Date, Span};

/// The row a document gets in `documents.csv`.
#[derive(Clone, Debug, Default)]
pub struct DocumentRow {
    /// The document id.
    pub id: String,
    /// The reference date used, if any.
    pub date: Option<Date>,
    /// Headline.
    pub title: String,
    /// `ok`, `skipped` or `error`.
    pub status: &'static str,
    /// What went wrong or was odd, if anything.
    pub error: String,
}

const FILES: &[(&str, &[&str])] = &[
    (
        "documents",
        &[
            "doc_id",
            "date",
            "title",
            "chars",
            "sentences",
            "mentions",
            "relations",
            "status",
            "error",
            "date_source",
        ],
    ),
    (
        "mentions",
        &["doc_id", "sentence", "start", "end", "text", "entity_id", "entity", "type", "source"],
    ),
    ("dates", &["doc_id", "sentence", "start", "end", "text", "value", "kind", "mod"]),
    (
        "quantities",
        &[
            "doc_id",
            "sentence",
            "start",
            "end",
            "text",
            "value",
            "low",
            "high",
            "approximate",
            "qualifier",
            "unit",
            "entity",
            "event",
        ],
    ),
    (
        "relations",
        &[
            "doc_id",
            "sentence",
            "subject_id",
            "subject",
            "subject_type",
            "relation",
            "verb",
            "object_id",
            "object",
            "object_type",
            "object_text",
            "date",
            "negated",
            "hedged",
            "evidence",
        ],
    ),
    ("sentences", &["doc_id", "sentence", "start", "end", "text"]),
];

type Writer = csv::Writer<BufWriter<File>>;

/// Counts of one entity over the run.
#[derive(Clone, Debug, Default)]
struct EntityTotal {
    name: String,
    kind: String,
    mentions: u64,
    documents: u64,
    first: Option<Date>,
    last: Option<Date>,
}

/// Counts of one (source, target, relation) edge over the run.
#[derive(Clone, Debug, Default)]
struct EdgeTotal {
    evidence: BTreeSet<String>,
    documents: u64,
    first: Option<Date>,
    last: Option<Date>,
}

/// Writes the CSV set of DESIGN.md into one folder.
pub struct CsvOutput {
    dir: PathBuf,
    writers: Vec<(String, Writer)>,
    entities: BTreeMap<String, EntityTotal>,
    edges: BTreeMap<(String, String, String), EdgeTotal>,
    sentences: bool,
}

impl CsvOutput {
    /// Creates `dir` if needed and opens the temporary files. With
    /// `sentences`, `sentences.csv` is written too.
    pub fn create(dir: &Path, sentences: bool) -> io::Result<CsvOutput> {
        fs::create_dir_all(dir)?;
        let mut writers = Vec::new();
        for (name, header) in FILES {
            if *name == "sentences" && !sentences {
                continue;
            }
            let file = File::create(dir.join(format!(".{name}.csv.tmp")))?;
            let mut w = csv::Writer::from_writer(BufWriter::with_capacity(1 << 16, file));
            w.write_record(*header)?;
            writers.push((name.to_string(), w));
        }
        Ok(CsvOutput {
            dir: dir.to_path_buf(),
            writers,
            entities: BTreeMap::new(),
            edges: BTreeMap::new(),
            sentences,
        })
    }

    fn writer(&mut self, name: &str) -> &mut Writer {
        let i = self
            .writers
            .iter()
            .position(|(n, _)| n == name)
            .expect("every file is opened in create");
        &mut self.writers[i].1
    }

    /// Writes the row of a document that could not be read or was skipped.
    pub fn write_failed(&mut self, row: &DocumentRow) -> io::Result<()> {
        let date = row.date.map(|d| d.to_string()).unwrap_or_default();
        self.writer("documents").write_record([
            cell(&row.id).as_ref(),
            &date,
            &cell(&row.title),
            "0",
            "0",
            "0",
            "0",
            row.status,
            &cell(&row.error),
            "",
        ])?;
        Ok(())
    }

    /// Writes every row of one document and adds it to the run totals.
    pub fn write(
        &mut self,
        row: &DocumentRow,
        text: &str,
        x: &Extraction,
        pipeline: &Pipeline,
    ) -> io::Result<()> {
        let chars = CharIndex::new(text);
        let id = cell(&row.id).into_owned();
        let date = x.reference.map(|d| d.to_string()).unwrap_or_default();
        let slice = |s: Span| text.get(s.start..s.end).unwrap_or("");
        let n = |v: usize| v.to_string();
        self.writer("documents").write_record([
            id.as_str(),
            &date,
            &cell(&row.title),
            &n(text.chars().count()),
            &n(x.sentences.len()),
            &n(x.mentions.len()),
            &n(x.relations.len()),
            row.status,
            &cell(&row.error),
            x.reference_source.map_or("", |s| s.as_str()),
        ])?;
        for m in &x.mentions {
            let e = pipeline.entity(x, m.entity);
            self.writer("mentions").write_record([
                id.as_str(),
                &n(m.sentence + 1),
                &n(chars.at(m.span.start)),
                &n(chars.at(m.span.end)),
                &cell(slice(m.span)),
                &cell(&e.id),
                &cell(&e.name),
                &cell(&e.kind),
                m.source.as_str(),
            ])?;
        }
        for d in &x.dates {
            self.writer("dates").write_record([
                id.as_str(),
                &n(x.sentence_of(d.span.start) + 1),
                &n(chars.at(d.span.start)),
                &n(chars.at(d.span.end)),
                &cell(slice(d.span)),
                &cell(&d.value),
                d.kind,
                d.modifier,
            ])?;
        }
        let num = |v: Option<f64>| v.map(format_number).unwrap_or_default();
        for q in &x.quantities {
            let f = &q.found;
            let entity = q
                .entity
                .map(|m| pipeline.entity(x, x.mentions[m].entity).name.as_str())
                .unwrap_or("");
            self.writer("quantities").write_record([
                id.as_str(),
                &n(x.sentence_of(f.span.start) + 1),
                &n(chars.at(f.span.start)),
                &n(chars.at(f.span.end)),
                &cell(slice(f.span)),
                &num(f.value),
                &num(f.low),
                &num(f.high),
                if f.approximate { "true" } else { "false" },
                &cell(&f.qualifier),
                &cell(&f.unit),
                &cell(entity),
                &cell(&q.event),
            ])?;
        }
        let mut edges_in_doc = BTreeSet::new();
        for r in &x.relations {
            let s = pipeline.entity(x, x.mentions[r.subject].entity);
            let o = r.object.map(|o| pipeline.entity(x, x.mentions[o].entity));
            let evidence = x.sentences.get(r.sentence).map_or("", |&s| slice(s));
            let field = |f: fn(&crate::extract::gazetteer::Entity) -> &str| o.map(f).unwrap_or("");
            self.writer("relations").write_record([
                id.as_str(),
                &n(r.sentence + 1),
                &cell(&s.id),
                &cell(&s.name),
                &cell(&s.kind),
                &cell(&r.label),
                &cell(slice(r.verb)),
                &cell(field(|e| &e.id)),
                &cell(field(|e| &e.name)),
                &cell(field(|e| &e.kind)),
                &cell(slice(r.object_text)),
                &cell(&r.date),
                if r.negated { "true" } else { "false" },
                if r.hedged { "true" } else { "false" },
                &cell(evidence),
            ])?;
            if let Some(o) = o {
                let key = (s.name.clone(), o.name.clone(), r.label.clone());
                // Each edge counts once per document, however often repeated.
                let first_in_doc = edges_in_doc.insert(key.clone());
                let edge = self.edges.entry(key).or_default();
                edge.evidence.insert(evidence.to_string());
                edge.documents += u64::from(first_in_doc);
                let day = Date::parse(&r.date).or(x.reference);
                widen(&mut edge.first, &mut edge.last, day);
            }
        }
        if self.sentences {
            for (i, s) in x.sentences.iter().enumerate() {
                self.writer("sentences").write_record([
                    id.as_str(),
                    &n(i + 1),
                    &n(chars.at(s.start)),
                    &n(chars.at(s.end)),
                    &cell(slice(*s)),
                ])?;
            }
        }
        let mut in_doc = BTreeSet::new();
        for m in &x.mentions {
            let e = pipeline.entity(x, m.entity);
            let t = self.entities.entry(e.id.clone()).or_insert_with(|| EntityTotal {
                name: e.name.clone(),
                kind: e.kind.clone(),
                ..EntityTotal::default()
            });
            t.mentions += 1;
            if in_doc.insert(e.id.as_str()) {
                t.documents += 1;
                widen(&mut t.first, &mut t.last, x.reference);
            }
        }
        Ok(())
    }

    /// Writes `entities.csv` and `edges.csv`, flushes everything and moves
    /// the files to their final names.
    pub fn finish(mut self) -> io::Result<()> {
        let d = |v: Option<Date>| v.map(|d| d.to_string()).unwrap_or_default();
        let file = File::create(self.dir.join(".entities.csv.tmp"))?;
        let mut w = csv::Writer::from_writer(BufWriter::new(file));
        w.write_record([
            "entity_id",
            "entity",
            "type",
            "mentions",
            "documents",
            "first_date",
            "last_date",
        ])?;
        for (id, t) in &self.entities {
            w.write_record([
                cell(id).as_ref(),
                &cell(&t.name),
                &cell(&t.kind),
                &t.mentions.to_string(),
                &t.documents.to_string(),
                &d(t.first),
                &d(t.last),
            ])?;
        }
        w.flush()?;
        self.writers.push(("entities".into(), w));
        let file = File::create(self.dir.join(".edges.csv.tmp"))?;
        let mut w = csv::Writer::from_writer(BufWriter::new(file));
        w.write_record([
            "source",
            "target",
            "relation",
            "weight",
            "documents",
            "first_date",
            "last_date",
        ])?;
        for ((source, target, relation), e) in &self.edges {
            w.write_record([
                cell(source).as_ref(),
                &cell(target),
                &cell(relation),
                &e.evidence.len().to_string(),
                &e.documents.to_string(),
                &d(e.first),
                &d(e.last),
            ])?;
        }
        self.writers.push(("edges".into(), w));
        for (name, w) in &mut self.writers {
            w.flush()?;
            let tmp = self.dir.join(format!(".{name}.csv.tmp"));
            fs::rename(tmp, self.dir.join(format!("{name}.csv")))?;
        }
        Ok(())
    }
}

fn widen(first: &mut Option<Date>, last: &mut Option<Date>, day: Option<Date>) {
    if let Some(day) = day {
        *first = Some(first.map_or(day, |f| f.min(day)));
        *last = Some(last.map_or(day, |l| l.max(day)));
    }
}

/// A number as a spreadsheet reads it: no exponent, no trailing `.0`.
fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// Makes a text cell safe for spreadsheets: one that starts like a formula
/// (`=`, `+`, `-`, `@`, tab, carriage return) gets a leading `'`.
///
/// ```
/// use gazette::write::cell;
/// assert_eq!(cell("=SUM(A1)"), "'=SUM(A1)");
/// assert_eq!(cell("Kyiv"), "Kyiv");
/// ```
pub fn cell(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Byte offset → character offset, with a checkpoint every 256 bytes so a
/// large document costs little memory and each lookup little time.
struct CharIndex<'t> {
    text: &'t [u8],
    checkpoints: Vec<usize>,
}

const STEP: usize = 256;

impl<'t> CharIndex<'t> {
    fn new(text: &'t str) -> CharIndex<'t> {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / STEP + 1);
        let mut count = 0;
        for chunk in bytes.chunks(STEP) {
            checkpoints.push(count);
            count += chunk.iter().filter(|&&b| !is_continuation(b)).count();
        }
        CharIndex { text: bytes, checkpoints }
    }

    /// The number of characters before byte `offset`.
    fn at(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
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
    }

    #[test]
    fn formula_guard() {
        for (input, want) in [
            ("-5 killed", "'-5 killed"),
            ("+1", "'+1"),
            ("@x", "'@x"),
            ("\tx", "'\tx"),
            ("ok", "ok"),
        ] {
            assert_eq!(cell(input), want);
        }
    }

    #[test]
    fn numbers() {
        assert_eq!(format_number(6_000_000.0), "6000000");
        assert_eq!(format_number(0.5), "0.5");
        assert_eq!(format_number(1.25), "1.25");
    }
}
