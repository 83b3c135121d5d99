//! Records → CSV files or JSON lines. The only place byte spans become character
//! offsets and text cells are made safe for spreadsheets.
//!
//! Files are written under temporary names in the output folder and renamed
//! into place by [`CsvOutput::finish`], so an interrupted run never leaves a
//! truncated file under a final name.

use std::cmp::Reverse;
use std::collections::{btree_map, BTreeMap, BTreeSet, BinaryHeap, HashSet};
use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use crate::digits::Digits;
use crate::record::Record;
use crate::spill::TempFile;
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

/// The `csv` writer buffers what it writes itself: a `BufWriter` under it
/// would copy every byte once more.
type Writer = csv::Writer<File>;

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

/// Estimated heap bytes of the run-wide totals held in memory, each of
/// entities and edges, before they are spilled to a sorted run on disk.
/// The corpus of 26,000 news stories needs about 3 MB for entities and
/// 2 MB for edges; an archive of ever new names needs ever more.
const TOTALS_BUDGET: usize = 1 << 20;
/// Estimated bytes of one entity besides its strings: the map's share,
/// the struct, three allocations.
const ENTITY_BYTES: usize = 160;
/// Estimated bytes of one edge besides its strings and evidence.
const EDGE_BYTES: usize = 220;
/// Estimated bytes of one evidence hash in its set.
const EVIDENCE_BYTES: usize = 16;

/// A run-wide total that sorted runs on disk can hold and that merges
/// with the same key's total from a later part of the run.
trait Total: Sized {
    /// What the totals are sorted and merged by.
    type Key: Ord;
    /// Appends `key` and `total` to a run.
    fn put(key: &Self::Key, total: &Self, out: &mut impl Write) -> io::Result<()>;
    /// The next key and total of a run; `None` at its end.
    fn get(r: &mut impl Read) -> io::Result<Option<(Self::Key, Self)>>;
    /// Adds the counts of a later part of the run.
    fn absorb(&mut self, later: Self);
}

impl Total for EntityTotal {
    type Key = String;

    fn put(id: &String, t: &EntityTotal, out: &mut impl Write) -> io::Result<()> {
        for s in [id, &t.name, &t.kind] {
            put_str(out, s)?;
        }
        out.write_all(&t.mentions.to_le_bytes())?;
        out.write_all(&t.documents.to_le_bytes())?;
        put_date(out, t.first)?;
        put_date(out, t.last)
    }

    fn get(r: &mut impl Read) -> io::Result<Option<(String, EntityTotal)>> {
        let Some(id) = get_first_str(r)? else { return Ok(None) };
        let t = EntityTotal {
            name: get_str(r)?,
            kind: get_str(r)?,
            mentions: get_u64(r)?,
            documents: get_u64(r)?,
            first: get_date(r)?,
            last: get_date(r)?,
        };
        Ok(Some((id, t)))
    }

    /// The name and type stay those of the first mention, as without spills.
    fn absorb(&mut self, later: EntityTotal) {
        self.mentions += later.mentions;
        self.documents += later.documents;
        widen(&mut self.first, &mut self.last, later.first);
        widen(&mut self.first, &mut self.last, later.last);
    }
}

impl Total for EdgeTotal {
    type Key = (String, String, String);

    fn put(key: &Self::Key, e: &EdgeTotal, out: &mut impl Write) -> io::Result<()> {
        for s in [&key.0, &key.1, &key.2] {
            put_str(out, s)?;
        }
        out.write_all(&e.documents.to_le_bytes())?;
        put_date(out, e.first)?;
        put_date(out, e.last)?;
        out.write_all(&(e.evidence.len() as u64).to_le_bytes())?;
        for h in &e.evidence {
            out.write_all(&h.to_le_bytes())?;
        }
        Ok(())
    }

    fn get(r: &mut impl Read) -> io::Result<Option<(Self::Key, EdgeTotal)>> {
        let Some(source) = get_first_str(r)? else { return Ok(None) };
        let key = (source, get_str(r)?, get_str(r)?);
        let documents = get_u64(r)?;
        let first = get_date(r)?;
        let last = get_date(r)?;
        let n = get_u64(r)?;
        let mut evidence = HashSet::new();
        for _ in 0..n {
            evidence.insert(get_u64(r)?);
        }
        Ok(Some((key, EdgeTotal { evidence, documents, first, last })))
    }

    fn absorb(&mut self, later: EdgeTotal) {
        self.evidence.extend(later.evidence);
        self.documents += later.documents;
        widen(&mut self.first, &mut self.last, later.first);
        widen(&mut self.first, &mut self.last, later.last);
    }
}

fn put_str(out: &mut impl Write, s: &str) -> io::Result<()> {
    out.write_all(&(s.len() as u64).to_le_bytes())?;
    out.write_all(s.as_bytes())
}

fn put_date(out: &mut impl Write, d: Option<Date>) -> io::Result<()> {
    // Month 0 stands for no date.
    let (year, month, day) = d.map_or((0, 0, 0), |d| (d.year, d.month, d.day));
    out.write_all(&year.to_le_bytes())?;
    out.write_all(&[month as u8, day as u8])
}

fn get_u64(r: &mut impl Read) -> io::Result<u64> {
    let mut b = [0; 8];
    r.read_exact(&mut b)?;
    Ok(u64::from_le_bytes(b))
}

fn get_str(r: &mut impl Read) -> io::Result<String> {
    let len = get_u64(r)?;
    read_str(r, len)
}

/// The first string of a record, `None` at the end of the run.
fn get_first_str(r: &mut impl Read) -> io::Result<Option<String>> {
    let mut len = [0; 8];
    // No byte where a record would start is the run's end.
    let n = loop {
        match r.read(&mut len[..1]) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            read => break read?,
        }
    };
    if n == 0 {
        return Ok(None);
    }
    r.read_exact(&mut len[1..])?;
    read_str(r, u64::from_le_bytes(len)).map(Some)
}

fn read_str(r: &mut impl Read, len: u64) -> io::Result<String> {
    let mut bytes = Vec::new();
    r.take(len).read_to_end(&mut bytes)?;
    if bytes.len() as u64 != len {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

fn get_date(r: &mut impl Read) -> io::Result<Option<Date>> {
    let mut b = [0; 6];
    r.read_exact(&mut b)?;
    let year = i32::from_le_bytes([b[0], b[1], b[2], b[3]]);
    Ok((b[4] != 0).then_some(Date { year, month: u32::from(b[4]), day: u32::from(b[5]) }))
}

/// Run-wide totals by key: in memory up to [`TOTALS_BUDGET`], then in
/// sorted runs on disk, merged like a binary counter (runs of equal level
/// merge into one of the next), so there are O(log n) of them; the final
/// merge at [`Tally::drain`] gives every key once, in order.
struct Tally<T: Total> {
    map: BTreeMap<T::Key, T>,
    /// Estimated heap bytes of `map`.
    bytes: usize,
    /// Estimated heap bytes it may take (tests lower it to force spills).
    budget: usize,
    /// Older runs first, each with its level.
    runs: Vec<(TempFile, u32)>,
    dir: PathBuf,
    name: &'static str,
    files: usize,
}

impl<T: Total> Tally<T> {
    fn new(dir: &Path, name: &'static str) -> Tally<T> {
        Tally {
            map: BTreeMap::new(),
            bytes: 0,
            budget: TOTALS_BUDGET,
            runs: Vec::new(),
            dir: dir.to_path_buf(),
            name,
            files: 0,
        }
    }

    fn new_run(&mut self) -> io::Result<TempFile> {
        self.files += 1;
        TempFile::create(&self.dir, &format!("{}-{}", self.name, self.files - 1))
    }

    /// Moves the totals in memory to a new run if they are over budget.
    fn spill_if_full(&mut self) -> io::Result<()> {
        if self.bytes > self.budget {
            self.spill()?;
        }
        Ok(())
    }

    fn spill(&mut self) -> io::Result<()> {
        let file = self.new_run()?;
        let mut out = file.writer();
        for (key, total) in std::mem::take(&mut self.map) {
            T::put(&key, &total, &mut out).map_err(|e| file.error(e))?;
        }
        out.flush().map_err(|e| file.error(e))?;
        drop(out);
        self.bytes = 0;
        let mut run = (file, 0);
        while let Some(last) = self.runs.pop() {
            if last.1 != run.1 {
                self.runs.push(last);
                break;
            }
            let merged = self.new_run()?;
            let mut out = merged.writer();
            merge_runs(&[last.0, run.0], |key, total: T| {
                T::put(&key, &total, &mut out).map_err(|e| merged.error(e))
            })?;
            out.flush().map_err(|e| merged.error(e))?;
            drop(out);
            run = (merged, last.1 + 1);
        }
        self.runs.push(run);
        Ok(())
    }

    /// Gives every key once, in order, with its total over the run.
    fn drain(mut self, mut f: impl FnMut(T::Key, T) -> io::Result<()>) -> io::Result<()> {
        if self.runs.is_empty() {
            for (key, total) in std::mem::take(&mut self.map) {
                f(key, total)?;
            }
            return Ok(());
        }
        self.spill()?;
        let runs: Vec<TempFile> = self.runs.drain(..).map(|(file, _)| file).collect();
        merge_runs(&runs, f)
    }
}

/// Feeds the keys of sorted `runs` (older first) to `f` in order, each
/// once with its totals absorbed from the older runs to the newer.
fn merge_runs<T: Total>(
    runs: &[TempFile],
    mut f: impl FnMut(T::Key, T) -> io::Result<()>,
) -> io::Result<()> {
    let mut readers = Vec::new();
    for run in runs {
        readers.push(run.reader()?);
    }
    let mut heads: Vec<Option<T>> = runs.iter().map(|_| None).collect();
    let mut heap = BinaryHeap::new();
    // Ties in the heap go to the older run, whose total absorbs the rest.
    let mut refill = |i: usize, heads: &mut Vec<Option<T>>, heap: &mut BinaryHeap<_>| {
        if let Some((key, total)) = T::get(&mut readers[i]).map_err(|e| runs[i].error(e))? {
            heads[i] = Some(total);
            heap.push(Reverse((key, i)));
        }
        Ok::<(), io::Error>(())
    };
    for i in 0..runs.len() {
        refill(i, &mut heads, &mut heap)?;
    }
    while let Some(Reverse((key, i))) = heap.pop() {
        let mut total = heads[i].take();
        refill(i, &mut heads, &mut heap)?;
        while heap.peek().is_some_and(|Reverse((k, _))| *k == key) {
            let Some(Reverse((_, j))) = heap.pop() else { break };
            match (&mut total, heads[j].take()) {
                (Some(t), Some(later)) => t.absorb(later),
                (t, later) => *t = t.take().or(later),
            }
            refill(j, &mut heads, &mut heap)?;
        }
        if let Some(total) = total {
            f(key, total)?;
        }
    }
    Ok(())
}

/// Writes the CSV set of DESIGN.md into one folder.
pub struct CsvOutput {
    dir: PathBuf,
    writers: Vec<(String, Writer)>,
    entities: Tally<EntityTotal>,
    edges: Tally<EdgeTotal>,
    sentences: bool,
    excel: bool,
}

/// Opens `.NAME.csv.tmp` in `dir`: with `excel`, the file starts with a
/// UTF-8 byte-order mark and rows end in CRLF, which some spreadsheet
/// programs need to read UTF-8 CSV correctly.
fn open_csv(dir: &Path, name: &str, excel: bool) -> io::Result<Writer> {
    let mut file = File::create(dir.join(format!(".{name}.csv.tmp")))?;
    let mut builder = csv::WriterBuilder::new();
    builder.buffer_capacity(1 << 16);
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
            entities: Tally::new(dir, "entities"),
            edges: Tally::new(dir, "edges"),
            sentences,
            excel,
        })
    }

    /// The index in `writers` of file `name`: looked up once per record,
    /// not once per row.
    fn index(&self, name: &str) -> usize {
        self.writers.iter().position(|(n, _)| n == name).expect("every file is opened in create")
    }

    /// Writes every row of one document's record and adds it to the run
    /// totals. A failed or skipped document gets its `documents.csv` row.
    pub fn write(&mut self, r: &Record) -> io::Result<()> {
        let id = cell(&r.doc_id);
        let id = id.as_bytes();
        let n = |v: usize| Digits::new(v as u64);
        let flag = |b: bool| if b { &b"true"[..] } else { &b"false"[..] };
        fn opt(s: &Option<String>) -> &[u8] {
            s.as_deref().unwrap_or("").as_bytes()
        }
        let documents = self.index("documents");
        self.writers[documents].1.write_record([
            id,
            opt(&r.date),
            cell(&r.title).as_bytes(),
            n(r.chars).as_bytes(),
            n(r.sentence_count).as_bytes(),
            n(r.mentions.len()).as_bytes(),
            n(r.relations.len()).as_bytes(),
            r.status.as_bytes(),
            cell(&r.error).as_bytes(),
            opt(&r.date_source),
        ])?;
        let mentions = self.index("mentions");
        for m in &r.mentions {
            self.writers[mentions].1.write_record([
                id,
                n(m.sentence).as_bytes(),
                n(m.start).as_bytes(),
                n(m.end).as_bytes(),
                cell(&m.text).as_bytes(),
                cell(&m.entity_id).as_bytes(),
                cell(&m.entity).as_bytes(),
                cell(&m.kind).as_bytes(),
                m.source.as_bytes(),
            ])?;
        }
        let dates = self.index("dates");
        for d in &r.dates {
            self.writers[dates].1.write_record([
                id,
                n(d.sentence).as_bytes(),
                n(d.start).as_bytes(),
                n(d.end).as_bytes(),
                cell(&d.text).as_bytes(),
                cell(&d.value).as_bytes(),
                d.kind.as_bytes(),
                d.modifier.as_bytes(),
            ])?;
        }
        let num = |v: Option<f64>| v.map(format_number).unwrap_or_default();
        let quantities = self.index("quantities");
        for q in &r.quantities {
            self.writers[quantities].1.write_record([
                id,
                n(q.sentence).as_bytes(),
                n(q.start).as_bytes(),
                n(q.end).as_bytes(),
                cell(&q.text).as_bytes(),
                num(q.value).as_bytes(),
                num(q.low).as_bytes(),
                num(q.high).as_bytes(),
                flag(q.approximate),
                cell(&q.qualifier).as_bytes(),
                cell(&q.unit).as_bytes(),
                cell(&q.entity).as_bytes(),
                cell(&q.event).as_bytes(),
            ])?;
        }
        let reference = r.reference();
        let mut edges_in_doc = BTreeSet::new();
        // The evidence hashed last, with its hash: a sentence's relations
        // come together, and a sentence may be 4 KB long (a comparison
        // costs much less than hashing it again).
        let mut hashed: Option<(&str, u64)> = None;
        let relations = self.index("relations");
        for rel in &r.relations {
            self.writers[relations].1.write_record([
                id,
                n(rel.sentence).as_bytes(),
                cell(&rel.subject_id).as_bytes(),
                cell(&rel.subject).as_bytes(),
                cell(&rel.subject_type).as_bytes(),
                cell(&rel.relation).as_bytes(),
                cell(&rel.verb).as_bytes(),
                cell(&rel.object_id).as_bytes(),
                cell(&rel.object).as_bytes(),
                cell(&rel.object_type).as_bytes(),
                cell(&rel.object_text).as_bytes(),
                cell(&rel.date).as_bytes(),
                flag(rel.negated),
                flag(rel.hedged),
                cell(&rel.evidence).as_bytes(),
            ])?;
            if !rel.object.is_empty() {
                // Each edge counts once per document, however often repeated.
                let first_in_doc = edges_in_doc.insert((
                    rel.subject.as_str(),
                    rel.object.as_str(),
                    rel.relation.as_str(),
                ));
                let key = (rel.subject.clone(), rel.object.clone(), rel.relation.clone());
                let edges = &mut self.edges;
                let edge = match edges.map.entry(key) {
                    btree_map::Entry::Occupied(e) => e.into_mut(),
                    btree_map::Entry::Vacant(e) => {
                        let (s, o, r) = e.key();
                        edges.bytes += EDGE_BYTES + s.len() + o.len() + r.len();
                        e.insert(EdgeTotal::default())
                    }
                };
                let hash = match hashed {
                    Some((text, hash)) if text == &*rel.evidence => hash,
                    _ => crate::hash::fnv64(rel.evidence.as_bytes()),
                };
                hashed = Some((&rel.evidence, hash));
                if edge.evidence.insert(hash) {
                    edges.bytes += EVIDENCE_BYTES;
                }
                edge.documents += u64::from(first_in_doc);
                // A range (`2024-06-01/2024-06-03`) counts from its start.
                let start = rel.date.split('/').next().unwrap_or("");
                let day = Date::parse(start).or(reference);
                widen(&mut edge.first, &mut edge.last, day);
            }
        }
        if self.sentences {
            let sentences = self.index("sentences");
            for s in &r.sentences {
                self.writers[sentences].1.write_record([
                    id,
                    n(s.sentence).as_bytes(),
                    n(s.start).as_bytes(),
                    n(s.end).as_bytes(),
                    cell(&s.text).as_bytes(),
                ])?;
            }
        }
        let mut in_doc = BTreeSet::new();
        let mut count = |id, t: &mut EntityTotal| {
            t.mentions += 1;
            if in_doc.insert(id) {
                t.documents += 1;
                widen(&mut t.first, &mut t.last, reference);
            }
        };
        for m in &r.mentions {
            let entities = &mut self.entities;
            // Most mentions are of an entity seen before: its id is copied
            // only for a new one.
            match entities.map.get_mut(&m.entity_id) {
                Some(t) => count(m.entity_id.as_str(), t),
                None => {
                    entities.bytes +=
                        ENTITY_BYTES + m.entity_id.len() + m.entity.len() + m.kind.len();
                    let total = EntityTotal {
                        name: m.entity.clone(),
                        kind: m.kind.clone(),
                        ..EntityTotal::default()
                    };
                    count(
                        m.entity_id.as_str(),
                        entities.map.entry(m.entity_id.clone()).or_insert(total),
                    );
                }
            }
        }
        self.entities.spill_if_full()?;
        self.edges.spill_if_full()?;
        Ok(())
    }

    /// Writes `entities.csv` and `edges.csv`, flushes everything and moves
    /// the files to their final names.
    pub fn finish(self) -> io::Result<()> {
        let CsvOutput { dir, mut writers, entities, edges, sentences, excel } = self;
        let d = |v: Option<Date>| v.map(|d| d.to_string()).unwrap_or_default();
        let mut w = open_csv(&dir, "entities", excel)?;
        w.write_record([
            "entity_id",
            "entity",
            "type",
            "mentions",
            "documents",
            "first_date",
            "last_date",
        ])?;
        entities.drain(|id, t| {
            w.write_record([
                cell(&id).as_ref(),
                &cell(&t.name),
                &cell(&t.kind),
                &t.mentions.to_string(),
                &t.documents.to_string(),
                &d(t.first),
                &d(t.last),
            ])
            .map_err(io::Error::from)
        })?;
        w.flush()?;
        writers.push(("entities".into(), w));
        let mut w = open_csv(&dir, "edges", excel)?;
        w.write_record([
            "source",
            "target",
            "relation",
            "weight",
            "documents",
            "first_date",
            "last_date",
        ])?;
        edges.drain(|(source, target, relation), e| {
            w.write_record([
                cell(&source).as_ref(),
                &cell(&target),
                &cell(&relation),
                &e.evidence.len().to_string(),
                &e.documents.to_string(),
                &d(e.first),
                &d(e.last),
            ])
            .map_err(io::Error::from)
        })?;
        writers.push(("edges".into(), w));
        for (name, w) in &mut writers {
            w.flush()?;
            let tmp = dir.join(format!(".{name}.csv.tmp"));
            fs::rename(tmp, dir.join(format!("{name}.csv")))?;
        }
        if !sentences {
            // An earlier run's sentences.csv would not match this run's rows.
            match fs::remove_file(dir.join("sentences.csv")) {
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
    if s.as_bytes().first().is_some_and(|b| b"=+-@\t\r".contains(b)) {
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

    /// Totals spilled after every document give the same files as totals
    /// kept in memory: keys merge across runs, counts add up, the first
    /// name of an entity stays, evidence counts once however many runs
    /// repeat it; and no spill file is left behind.
    #[test]
    fn spilled_totals_match_totals_in_memory() {
        use crate::record::{MentionRow, RelationRow};
        let mention = |id: &str, name: &str| MentionRow {
            entity_id: id.into(),
            entity: name.into(),
            kind: "PLACE".into(),
            ..MentionRow::default()
        };
        let rel = |s: &str, o: &str, evidence: &str, date: &str| RelationRow {
            subject: s.into(),
            object: o.into(),
            relation: "attacked".into(),
            evidence: evidence.into(),
            date: date.into(),
            ..RelationRow::default()
        };
        let records: Vec<Record> = (0..40)
            .map(|i| Record {
                doc_id: format!("d{i}"),
                date: Some(format!("2024-{:02}-{:02}", 1 + i % 12, 1 + i % 28)),
                mentions: vec![
                    mention(&format!("Q{}", i % 7), &format!("Place {i}")),
                    mention(&format!("Q{}", i % 3), "Kyiv"),
                    mention(&format!("Q{}", i % 7), "again"),
                ],
                relations: vec![
                    rel("Russia", &format!("Town {}", i % 5), &format!("s{}", i % 4), ""),
                    rel("Russia", "Ukraine", "same sentence", "2023-06-01"),
                    rel(&format!("Army {}", i % 9), "Ukraine", &format!("s{i}"), ""),
                ],
                ..Record::default()
            })
            .collect();
        let run = |budget: usize| {
            let dir =
                std::env::temp_dir().join(format!("gazette-spill-{budget}-{}", std::process::id()));
            let mut out = CsvOutput::create(&dir, false, false).unwrap();
            out.entities.budget = budget;
            out.edges.budget = budget;
            for r in &records {
                out.write(r).unwrap();
            }
            let spilled = out.entities.runs.len() + out.edges.runs.len();
            out.finish().unwrap();
            let read = |name: &str| fs::read_to_string(dir.join(name)).unwrap();
            let files = (read("entities.csv"), read("edges.csv"));
            let names: Vec<String> = fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with('.'))
                .collect();
            assert!(names.is_empty(), "left over: {names:?}");
            fs::remove_dir_all(dir).unwrap();
            (files, spilled)
        };
        let (in_memory, none) = run(usize::MAX);
        let (spilled, runs) = run(0);
        assert_eq!(none, 0);
        assert!(runs > 2, "{runs} runs");
        assert_eq!(in_memory, spilled);
        assert!(in_memory.0.contains("Q0,Place 0,PLACE,"), "{}", in_memory.0);
        assert!(
            in_memory.1.contains("Russia,Ukraine,attacked,1,40,2023-06-01,2023-06-01"),
            "{}",
            in_memory.1
        );
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
