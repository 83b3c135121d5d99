//! Records → CSV files or JSON lines. The only place byte spans become character
//! offsets and text cells are made safe for spreadsheets.
//!
//! Files are written under temporary names in the output folder and renamed
//! into place by [`CsvOutput::finish`], so an interrupted run never leaves a
//! truncated file under a final name.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::record::Record;
use crate::Date;

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
    /// 64-bit hashes of the distinct evidence sentences: the sentences
    /// themselves would make memory grow with the archive.
    evidence: HashSet<u64>,
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
    excel: bool,
}

/// Opens `.NAME.csv.tmp` in `dir`: with `excel`, the file starts with a
/// UTF-8 byte-order mark and rows end in CRLF, which some spreadsheet
/// programs need to read UTF-8 CSV correctly.
fn open_csv(dir: &Path, name: &str, excel: bool) -> io::Result<Writer> {
    let mut file =
        BufWriter::with_capacity(1 << 16, File::create(dir.join(format!(".{name}.csv.tmp")))?);
    let mut builder = csv::WriterBuilder::new();
    if excel {
        file.write_all("\u{FEFF}".as_bytes())?;
        builder.terminator(csv::Terminator::CRLF);
    }
    Ok(builder.from_writer(file))
}

impl CsvOutput {
    /// Creates `dir` if needed and opens the temporary files. With
    /// `sentences`, `sentences.csv` is written too; with `excel`, every file
    /// gets a byte-order mark and CRLF line ends.
    pub fn create(dir: &Path, sentences: bool, excel: bool) -> io::Result<CsvOutput> {
        fs::create_dir_all(dir)?;
        let mut writers = Vec::new();
        for (name, header) in FILES {
            if *name == "sentences" && !sentences {
                continue;
            }
            let mut w = open_csv(dir, name, excel)?;
            w.write_record(*header)?;
            writers.push((name.to_string(), w));
        }
        Ok(CsvOutput {
            dir: dir.to_path_buf(),
            writers,
            entities: BTreeMap::new(),
            edges: BTreeMap::new(),
            sentences,
            excel,
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

    /// Writes every row of one document's record and adds it to the run
    /// totals. A failed or skipped document gets its `documents.csv` row.
    pub fn write(&mut self, r: &Record) -> io::Result<()> {
        let id = cell(&r.doc_id).into_owned();
        let n = |v: usize| v.to_string();
        let flag = |b: bool| if b { "true" } else { "false" };
        self.writer("documents").write_record([
            id.as_str(),
            r.date.as_deref().unwrap_or(""),
            &cell(&r.title),
            &n(r.chars),
            &n(r.sentence_count),
            &n(r.mentions.len()),
            &n(r.relations.len()),
            &r.status,
            &cell(&r.error),
            r.date_source.as_deref().unwrap_or(""),
        ])?;
        for m in &r.mentions {
            self.writer("mentions").write_record([
                id.as_str(),
                &n(m.sentence),
                &n(m.start),
                &n(m.end),
                &cell(&m.text),
                &cell(&m.entity_id),
                &cell(&m.entity),
                &cell(&m.kind),
                &m.source,
            ])?;
        }
        for d in &r.dates {
            self.writer("dates").write_record([
                id.as_str(),
                &n(d.sentence),
                &n(d.start),
                &n(d.end),
                &cell(&d.text),
                &cell(&d.value),
                &d.kind,
                &d.modifier,
            ])?;
        }
        let num = |v: Option<f64>| v.map(format_number).unwrap_or_default();
        for q in &r.quantities {
            self.writer("quantities").write_record([
                id.as_str(),
                &n(q.sentence),
                &n(q.start),
                &n(q.end),
                &cell(&q.text),
                &num(q.value),
                &num(q.low),
                &num(q.high),
                flag(q.approximate),
                &cell(&q.qualifier),
                &cell(&q.unit),
                &cell(&q.entity),
                &cell(&q.event),
            ])?;
        }
        let reference = r.reference();
        let mut edges_in_doc = BTreeSet::new();
        for rel in &r.relations {
            self.writer("relations").write_record([
                id.as_str(),
                &n(rel.sentence),
                &cell(&rel.subject_id),
                &cell(&rel.subject),
                &cell(&rel.subject_type),
                &cell(&rel.relation),
                &cell(&rel.verb),
                &cell(&rel.object_id),
                &cell(&rel.object),
                &cell(&rel.object_type),
                &cell(&rel.object_text),
                &cell(&rel.date),
                flag(rel.negated),
                flag(rel.hedged),
                &cell(&rel.evidence),
            ])?;
            if !rel.object.is_empty() {
                let key = (rel.subject.clone(), rel.object.clone(), rel.relation.clone());
                // Each edge counts once per document, however often repeated.
                let first_in_doc = edges_in_doc.insert(key.clone());
                let edge = self.edges.entry(key).or_default();
                edge.evidence.insert(crate::hash::fnv64(rel.evidence.as_bytes()));
                edge.documents += u64::from(first_in_doc);
                // A range (`2024-06-01/2024-06-03`) counts from its start.
                let start = rel.date.split('/').next().unwrap_or("");
                let day = Date::parse(start).or(reference);
                widen(&mut edge.first, &mut edge.last, day);
            }
        }
        if self.sentences {
            for s in &r.sentences {
                self.writer("sentences").write_record([
                    id.as_str(),
                    &n(s.sentence),
                    &n(s.start),
                    &n(s.end),
                    &cell(&s.text),
                ])?;
            }
        }
        let mut in_doc = BTreeSet::new();
        for m in &r.mentions {
            let t = self.entities.entry(m.entity_id.clone()).or_insert_with(|| EntityTotal {
                name: m.entity.clone(),
                kind: m.kind.clone(),
                ..EntityTotal::default()
            });
            t.mentions += 1;
            if in_doc.insert(m.entity_id.as_str()) {
                t.documents += 1;
                widen(&mut t.first, &mut t.last, reference);
            }
        }
        Ok(())
    }

    /// Writes `entities.csv` and `edges.csv`, flushes everything and moves
    /// the files to their final names.
    pub fn finish(mut self) -> io::Result<()> {
        let d = |v: Option<Date>| v.map(|d| d.to_string()).unwrap_or_default();
        let mut w = open_csv(&self.dir, "entities", self.excel)?;
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
        let mut w = open_csv(&self.dir, "edges", self.excel)?;
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
        if !self.sentences {
            // An earlier run's sentences.csv would not match this run's rows.
            match fs::remove_file(self.dir.join("sentences.csv")) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
        }
        Ok(())
    }
}

/// Writes `documents.jsonl`: one [`Record`] a line, in input order.
pub struct JsonlOutput {
    dir: PathBuf,
    out: BufWriter<File>,
}

impl JsonlOutput {
    /// Creates `dir` if needed and opens the temporary file.
    pub fn create(dir: &Path) -> io::Result<JsonlOutput> {
        fs::create_dir_all(dir)?;
        let file = File::create(dir.join(".documents.jsonl.tmp"))?;
        Ok(JsonlOutput { dir: dir.to_path_buf(), out: BufWriter::with_capacity(1 << 16, file) })
    }

    /// Writes one record as one line.
    pub fn write(&mut self, record: &Record) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, record)?;
        self.out.write_all(b"\n")
    }

    /// Flushes and moves the file to its final name.
    pub fn finish(mut self) -> io::Result<()> {
        self.out.flush()?;
        fs::rename(self.dir.join(".documents.jsonl.tmp"), self.dir.join("documents.jsonl"))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edges_date_a_range_by_its_start() {
        use crate::record::RelationRow;
        let dir = std::env::temp_dir().join(format!("gazette-edges-{}", std::process::id()));
        let rel = |date: &str| RelationRow {
            subject: "Russia".into(),
            object: "Ukraine".into(),
            relation: "attacked".into(),
            date: date.into(),
            evidence: date.into(),
            ..RelationRow::default()
        };
        let record = Record {
            doc_id: "a".into(),
            date: Some("2024-10-15".into()),
            relations: vec![rel("2024-06-01/2024-06-03"), rel("2024-06"), rel("2024-07-02")],
            ..Record::default()
        };
        let mut out = CsvOutput::create(&dir, false, false).unwrap();
        out.write(&record).unwrap();
        out.finish().unwrap();
        let edges = fs::read_to_string(dir.join("edges.csv")).unwrap();
        // A month is no day: that row counts at the document date.
        assert!(edges.contains("Russia,Ukraine,attacked,3,1,2024-06-01,2024-10-15"), "{edges}");
        fs::remove_dir_all(dir).unwrap();
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
