//! Turns the inputs named on the command line — text files, JSONL files,
//! folders of them, standard input, any of them gzipped — into a stream of
//! [`Document`]s, the first stage of the flow.
//!
//! Reading is streaming: [`open`] checks the paths, and [`Inputs`] yields one
//! [`Input`] at a time, walking folders lazily and reading JSONL line by
//! line, so memory stays bounded however large the archive is. Every file
//! is accounted for: what cannot be read becomes [`Input::Failed`], what is
//! deliberately left out [`Input::Skipped`], each with its own
//! `documents.csv` row. Nothing here prints, exits or does any NLP.
//!
//! ```no_run
//! use gazette::read::{open, Input, ReadOptions};
//! use std::path::PathBuf;
//!
//! let inputs = open(&[PathBuf::from("archive/")], ReadOptions::default())?;
//! for input in inputs {
//!     match input {
//!         Input::Document(doc) => println!("{}: {} bytes", doc.id, doc.text.len()),
//!         Input::Failed { id, error, .. } => eprintln!("{id}: {error}"),
//!         Input::Skipped { .. } => {}
//!     }
//! }
//! # Ok::<(), gazette::read::ReadError>(())
//! ```

mod jsonl;
mod source;

use std::collections::VecDeque;
use std::ffi::OsString;
use std::fmt;
use std::fs::{self, File, FileType};
use std::io;
use std::path::{Path, PathBuf};

use crate::{Document, Origin};
use jsonl::JsonlReader;
use source::{read_source, Format, Opened, Source};

/// Warning pushed to a document whose bytes were not valid UTF-8.
const LOSSY_UTF8: &str = "invalid UTF-8 decoded lossily";

/// Options for turning inputs into documents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadOptions {
    /// JSONL field holding the document id (default `id`).
    pub id_field: String,
    /// JSONL field holding the document text (default `text`).
    pub text_field: String,
    /// JSONL field holding the document date, `YYYY-MM-DD…` (default `date`).
    pub date_field: String,
    /// JSONL field holding the headline (default `title`).
    pub title_field: String,
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            id_field: "id".to_owned(),
            text_field: "text".to_owned(),
            date_field: "date".to_owned(),
            title_field: "title".to_owned(),
        }
    }
}

/// One item read from the inputs: a document, or an input that could not
/// become one.
#[derive(Clone, Debug)]
pub enum Input {
    /// A document, possibly with warnings in [`Document::warnings`].
    Document(Document),
    /// Could not be read or parsed; still gets a documents.csv row.
    Failed {
        /// The id the document would have had (`FILE:LINE` for a JSONL line
        /// without a usable id).
        id: String,
        /// File (and line) that failed.
        origin: Origin,
        /// What went wrong, e.g. `line 7: no "text" field`.
        error: String,
    },
    /// Deliberately not read (binary file); still gets a documents.csv row
    /// with status `skipped`.
    Skipped {
        /// The document id for a file meant as a document (a binary `.txt`),
        /// else the file's relative path with its extension.
        id: String,
        /// The file left out.
        origin: Origin,
        /// Why, e.g. `binary file`.
        reason: String,
    },
}

impl Input {
    /// The id of the document, failure or skipped file.
    pub fn id(&self) -> &str {
        match self {
            Input::Document(doc) => &doc.id,
            Input::Failed { id, .. } | Input::Skipped { id, .. } => id,
        }
    }

    /// Where the item came from.
    pub fn origin(&self) -> &Origin {
        match self {
            Input::Document(doc) => &doc.origin,
            Input::Failed { origin, .. } | Input::Skipped { origin, .. } => origin,
        }
    }
}

/// A path given to [`open`] that does not exist.
#[derive(Debug)]
pub struct ReadError {
    path: PathBuf,
}

impl ReadError {
    /// The missing path, as given.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no such file or directory: {}", self.path.display())
    }
}

impl std::error::Error for ReadError {}

/// Checks that every path exists (or is `-`) before any work starts; Err
/// names the missing path.
///
/// `-` is standard input: JSONL if its first non-space character is `{`,
/// else one text document with id `stdin`. Other paths are read in the
/// order given; a folder is walked recursively in sorted order. No paths
/// give no inputs (the caller decides whether that means stdin).
pub fn open(paths: &[PathBuf], options: ReadOptions) -> Result<Inputs, ReadError> {
    for path in paths {
        if path.as_os_str() == "-" {
            continue;
        }
        if let Err(e) = fs::metadata(path) {
            if e.kind() == io::ErrorKind::NotFound {
                return Err(ReadError { path: path.clone() });
            }
            // Anything else (permission denied …) is reported as a Failed
            // input when its turn comes, like a file that vanishes later.
        }
    }
    Ok(Inputs {
        options,
        paths: paths.iter().cloned().collect(),
        folders: Vec::new(),
        lines: None,
        skip: Vec::new(),
    })
}

/// Reads JSON Lines from `reader` (plain, not gzipped) as one input per
/// non-blank line, named `name` in origins and `NAME:LINE` ids; what
/// `open` does for a `.jsonl` file, for callers that hold the bytes.
///
/// ```
/// use gazette::read::{jsonl, Input, ReadOptions};
/// let lines = "{\"id\": \"a\", \"text\": \"Kyiv.\"}\n[1]\n";
/// let inputs: Vec<Input> = jsonl(lines.as_bytes(), "feed", ReadOptions::default()).collect();
/// assert!(matches!(&inputs[0], Input::Document(d) if d.id == "a"));
/// assert!(matches!(&inputs[1], Input::Failed { id, .. } if id == "feed:2"));
/// ```
pub fn jsonl<R: io::BufRead + Send + 'static>(
    reader: R,
    name: &str,
    options: ReadOptions,
) -> impl Iterator<Item = Input> {
    let mut lines = JsonlReader::new(Box::new(reader), name.to_owned(), name.to_owned(), false);
    std::iter::from_fn(move || lines.next_input(&options))
}

/// Reads lines of the form `NUMBER<TAB>JSON` from `reader`, where NUMBER
/// is the line's 1-based number in the original file `name`: what a
/// distributed job (Spark's `zipWithIndex`, Hadoop Streaming keys) sends a
/// shard of one JSONL file as. Documents and failures carry that number in
/// [`Origin::line`] and in `NAME:NUMBER` ids, so they are the same as
/// [`open`] gives for the whole file, whichever shard they came in. Blank
/// JSON parts are skipped like blank lines; a line without the number and
/// tab fails as `stdin:LINE`.
///
/// ```
/// use gazette::read::{numbered_jsonl, Input, ReadOptions};
/// let lines = "7\t{\"id\": \"a\", \"text\": \"Kyiv.\"}\n9\t[1]\nx\n";
/// let inputs: Vec<Input> =
///     numbered_jsonl(lines.as_bytes(), "archive", ReadOptions::default()).collect();
/// assert_eq!(inputs[0].origin().line, Some(7));
/// assert!(matches!(&inputs[1], Input::Failed { id, .. } if id == "archive:9"));
/// assert!(matches!(&inputs[2], Input::Failed { id, .. } if id == "stdin:3"));
/// ```
pub fn numbered_jsonl<R: io::BufRead + Send + 'static>(
    reader: R,
    name: &str,
    options: ReadOptions,
) -> impl Iterator<Item = Input> {
    let mut lines =
        JsonlReader::new(Box::new(reader), name.to_owned(), name.to_owned(), false).numbered();
    std::iter::from_fn(move || lines.next_input(&options))
}

/// The inputs, as an iterator of [`Input`]s; it walks the paths in the
/// order given.
///
/// Inside folders, files ending `.txt`, `.md`, `.text` (one document each)
/// and `.jsonl`, `.ndjson` (one document per line) are read, also with `.gz`
/// after them; hidden files and folders (names starting with `.`) are left
/// out silently, other files are reported as [`Input::Skipped`]. A file
/// named directly is JSONL if its name says so, else text. Symbolic links
/// are followed, but a folder is never entered twice on the same branch, so
/// link loops end.
pub struct Inputs {
    options: ReadOptions,
    /// Command-line paths not yet started.
    paths: VecDeque<PathBuf>,
    /// Folders being walked, innermost last.
    folders: Vec<Folder>,
    /// The JSONL file being read.
    lines: Option<JsonlReader>,
    /// Folders not to walk into (the output folder), canonical.
    skip: Vec<PathBuf>,
}

/// A folder being walked.
struct Folder {
    /// Its path as displayed (joined from the command-line argument).
    path: PathBuf,
    /// Its path relative to the command-line folder, `/`-separated and
    /// ending in `/` (empty for the command-line folder).
    rel: String,
    /// Its canonical path, to recognise link loops.
    canonical: Option<PathBuf>,
    /// Entries not yet visited, in reverse order (the next one last).
    entries: Vec<Entry>,
}

struct Entry {
    name: OsString,
    file_type: Option<FileType>,
}

/// What a file name says about the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Text,
    Jsonl,
    Other,
}

/// A file name taken apart: `news/a.txt.gz` → stem `a`, gzip, text.
#[derive(Debug, PartialEq, Eq)]
struct Name<'a> {
    stem: &'a str,
    gz: bool,
    kind: Kind,
}

impl<'a> Name<'a> {
    fn new(name: &'a str) -> Name<'a> {
        let (base, gz) = match name.len().checked_sub(3) {
            Some(cut)
                if cut > 0
                    && name.is_char_boundary(cut)
                    && name[cut..].eq_ignore_ascii_case(".gz") =>
            {
                (&name[..cut], true)
            }
            _ => (name, false),
        };
        let (stem, ext) = match base.rfind('.') {
            Some(dot) if dot > 0 => (&base[..dot], &base[dot + 1..]),
            _ => (base, ""),
        };
        let is = |exts: &[&str]| exts.iter().any(|e| ext.eq_ignore_ascii_case(e));
        let kind = if is(&["txt", "md", "text"]) {
            Kind::Text
        } else if is(&["jsonl", "ndjson"]) {
            Kind::Jsonl
        } else {
            Kind::Other
        };
        Name { stem, gz, kind }
    }
}

impl Iterator for Inputs {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        loop {
            if let Some(lines) = &mut self.lines {
                if let Some(input) = lines.next_input(&self.options) {
                    return Some(input);
                }
                self.lines = None;
            }
            if let Some(folder) = self.folders.last_mut() {
                match folder.entries.pop() {
                    Some(entry) => {
                        let path = folder.path.join(&entry.name);
                        let name = entry.name.to_string_lossy();
                        let rel = format!("{}{}", folder.rel, name);
                        if let Some(input) = self.visit_entry(path, &name, rel, entry.file_type) {
                            return Some(input);
                        }
                    }
                    None => {
                        self.folders.pop();
                    }
                }
                continue;
            }
            let path = self.paths.pop_front()?;
            if let Some(input) = self.visit_argument(path) {
                return Some(input);
            }
        }
    }
}

impl Inputs {
    /// Does not walk into `folder` (an existing folder, such as the output
    /// folder inside an input folder) when met inside a folder.
    pub fn skip_folder(&mut self, folder: &Path) {
        if let Ok(canonical) = fs::canonicalize(folder) {
            self.skip.push(canonical);
        }
    }

    /// A path named on the command line.
    fn visit_argument(&mut self, path: PathBuf) -> Option<Input> {
        if path.as_os_str() == "-" {
            let source = Source {
                path: "-".to_owned(),
                id: "stdin".to_owned(),
                format: Format::Sniff,
                gz_name: false,
            };
            return self.read(Box::new(io::stdin()), source);
        }
        let shown = path.to_string_lossy().into_owned();
        let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let file_name = file_name.unwrap_or_else(|| shown.clone());
        let name = Name::new(&file_name);
        let id = name.stem.to_owned();
        let metadata = match fs::metadata(&path) {
            Ok(metadata) => metadata,
            Err(e) => return Some(failed(id, shown, e)),
        };
        if metadata.is_dir() {
            return self.enter(path, String::new());
        }
        let format = if name.kind == Kind::Jsonl { Format::Jsonl } else { Format::Text };
        self.read_file(&path, shown, id, format, name.gz)
    }

    /// A file or folder found inside a folder; `rel` is its path relative to
    /// the command-line folder.
    fn visit_entry(
        &mut self,
        path: PathBuf,
        name: &str,
        rel: String,
        file_type: Option<FileType>,
    ) -> Option<Input> {
        if name.starts_with('.') {
            return None;
        }
        let shown = path.to_string_lossy().into_owned();
        let parsed = Name::new(name);
        // A file meant as a document has the document's id; others keep
        // their extension, so they cannot be mistaken for one.
        let id = match parsed.kind {
            Kind::Other => rel.clone(),
            Kind::Text | Kind::Jsonl => {
                format!("{}{}", &rel[..rel.len() - name.len()], parsed.stem)
            }
        };
        let file_type = match file_type {
            Some(t) if !t.is_symlink() => t,
            _ => match fs::metadata(&path) {
                Ok(metadata) => metadata.file_type(),
                Err(e) => return Some(failed(id, shown, e)),
            },
        };
        if file_type.is_dir() {
            if !self.skip.is_empty()
                && fs::canonicalize(&path).is_ok_and(|c| self.skip.contains(&c))
            {
                return None;
            }
            return self.enter(path, format!("{rel}/"));
        }
        let format = match parsed.kind {
            _ if !file_type.is_file() => {
                let reason = "not a regular file".to_owned();
                return Some(Input::Skipped { id, origin: origin(shown), reason });
            }
            Kind::Text => Format::Text,
            Kind::Jsonl => Format::Jsonl,
            Kind::Other => {
                let reason = "not a text or JSONL file".to_owned();
                return Some(Input::Skipped { id, origin: origin(shown), reason });
            }
        };
        self.read_file(&path, shown, id, format, parsed.gz)
    }

    /// Starts walking a folder, unless it is already being walked further
    /// up (a link loop).
    fn enter(&mut self, path: PathBuf, rel: String) -> Option<Input> {
        let canonical = fs::canonicalize(&path).ok();
        if canonical.is_some() && self.folders.iter().any(|f| f.canonical == canonical) {
            return None;
        }
        match list(&path) {
            Ok(entries) => {
                self.folders.push(Folder { path, rel, canonical, entries });
                None
            }
            Err(e) => {
                let shown = path.to_string_lossy().into_owned();
                let id = match rel.strip_suffix('/') {
                    Some(rel) => rel.to_owned(),
                    None => shown.clone(),
                };
                Some(failed(id, shown, e))
            }
        }
    }

    fn read_file(
        &mut self,
        path: &Path,
        shown: String,
        id: String,
        format: Format,
        gz_name: bool,
    ) -> Option<Input> {
        match File::open(path) {
            Ok(file) => self.read(Box::new(file), Source { path: shown, id, format, gz_name }),
            Err(e) => Some(failed(id, shown, e)),
        }
    }

    /// Reads a source: returns its one input, or starts reading its lines.
    fn read(&mut self, raw: Box<dyn io::Read + Send>, source: Source) -> Option<Input> {
        match read_source(raw, source) {
            Opened::One(input) => Some(input),
            Opened::Lines(lines) => {
                self.lines = Some(lines);
                None
            }
        }
    }
}

/// A folder's entries, sorted by name bytes, in reverse (the first one last).
fn list(path: &Path) -> io::Result<Vec<Entry>> {
    let mut entries = Vec::new();
    for entry in fs::read_dir(path)? {
        let entry = entry?;
        entries.push(Entry { name: entry.file_name(), file_type: entry.file_type().ok() });
    }
    entries.sort_unstable_by(|a, b| b.name.as_encoded_bytes().cmp(a.name.as_encoded_bytes()));
    Ok(entries)
}

fn origin(path: String) -> Origin {
    Origin { path, line: None }
}

fn failed(id: String, path: String, e: io::Error) -> Input {
    Input::Failed { id, origin: origin(path), error: e.to_string() }
}

/// An I/O error as a message, saying so when it comes from bad gzip data.
fn describe_io_error(e: &io::Error, gz: bool) -> String {
    use io::ErrorKind::{InvalidData, InvalidInput, UnexpectedEof};
    if gz && matches!(e.kind(), InvalidData | InvalidInput | UnexpectedEof) {
        format!("corrupt or truncated gzip data: {e}")
    } else {
        e.to_string()
    }
}

#[cfg(test)]
mod tests;
