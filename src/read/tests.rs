use std::io::{Cursor, Write};
use std::sync::atomic::{AtomicUsize, Ordering};

use flate2::write::GzEncoder;
use flate2::Compression;

use super::source::{read_source, Format, Opened, Source};
use super::*;
use crate::Date;

/// A fresh folder under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let unique = format!(
            "gazette-read-{}-{}-{}",
            std::process::id(),
            name,
            COUNT.fetch_add(1, Ordering::Relaxed)
        );
        let path = std::env::temp_dir().join(unique);
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, bytes).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn read_all(paths: &[PathBuf]) -> Vec<Input> {
    open(paths, ReadOptions::default()).unwrap().collect()
}

/// One line per input, for comparing walks at a glance.
fn summary(inputs: &[Input]) -> Vec<String> {
    inputs
        .iter()
        .map(|input| match input {
            Input::Document(doc) => format!("doc {}", doc.id),
            Input::Failed { id, error, .. } => format!("failed {id}: {error}"),
            Input::Skipped { id, reason, .. } => format!("skipped {id}: {reason}"),
        })
        .collect()
}

fn document(input: &Input) -> &Document {
    match input {
        Input::Document(doc) => doc,
        other => panic!("expected a document, got {other:?}"),
    }
}

fn shown(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

#[test]
fn walk_is_recursive_sorted_and_ids_are_relative() {
    let dir = TempDir::new("walk");
    dir.write("b.txt", "B");
    dir.write("a.md", "A");
    dir.write("README", "read me");
    dir.write("photo.JPG", "jpeg");
    dir.write("sub/e.TXT", "E");
    dir.write("sub/deep/d.text", "D");
    dir.write("sub/c.txt", "C");
    dir.write("z.txt.gz", gzip(b"Z"));
    dir.write("articles.jsonl", "{\"id\": \"art-1\", \"text\": \"one\"}\n{\"text\": \"two\"}\n");
    dir.write("notes.ndjson.gz", gzip(b"{\"id\": 17, \"text\": \"n\"}\n"));
    dir.write(".hidden.txt", "hidden");
    dir.write(".git/x.txt", "hidden folder");

    let inputs = read_all(&[dir.path().to_path_buf()]);
    assert_eq!(
        summary(&inputs),
        [
            "skipped README: not a text or JSONL file",
            "doc a",
            "doc art-1",
            "doc articles:2",
            "doc b",
            "doc 17",
            "skipped photo.JPG: not a text or JSONL file",
            "doc sub/c",
            "doc sub/deep/d",
            "doc sub/e",
            "doc z",
        ]
    );
    let c = document(&inputs[7]);
    assert_eq!(c.text, "C");
    assert_eq!(c.origin, Origin { path: shown(&dir.path().join("sub").join("c.txt")), line: None });
    assert_eq!((c.date, c.title.as_ref()), (None, None));
    let line2 = document(&inputs[3]);
    assert_eq!(line2.origin.path, shown(&dir.path().join("articles.jsonl")));
    assert_eq!(line2.origin.line, Some(2));
    assert_eq!(document(&inputs[10]).text, "Z");

    // A trailing slash on the folder changes nothing but the displayed path.
    let slash = PathBuf::from(format!("{}/", dir.path().display()));
    assert_eq!(summary(&read_all(&[slash])), summary(&inputs));
}

#[test]
fn files_named_directly() {
    let dir = TempDir::new("direct");
    let seed = dir.write("x/seed.txt", "Seed.");
    let bare = dir.write("x/notes", "No extension.");
    let csv = dir.write("x/table.csv", "a,b");
    let hidden = dir.write("x/.draft.md", "Hidden but named.");
    let jsonl = dir.write("x/feed.jsonl.gz", gzip(b"{\"text\": \"t\"}\n"));
    let inputs = read_all(&[seed.clone(), bare, csv, hidden, jsonl.clone(), seed.clone()]);
    assert_eq!(
        summary(&inputs),
        ["doc seed", "doc notes", "doc table", "doc .draft", "doc feed:1", "doc seed"]
    );
    assert_eq!(document(&inputs[0]).origin, Origin { path: shown(&seed), line: None });
    assert_eq!(document(&inputs[4]).origin, Origin { path: shown(&jsonl), line: Some(1) });
}

#[test]
fn jsonl_errors_do_not_stop_the_file() {
    let dir = TempDir::new("jsonl");
    let file = dir.write(
        "articles.jsonl",
        concat!(
            "{\"id\": \"a\", \"text\": \"one\", \"date\": \"2024-10-15\", \"title\": \"One\"}\r\n",
            "\n",
            "not json\n",
            "[1]\n",
            "{\"id\": 5, \"text\": \"five\"}\n",
            "   \t\n",
            "{\"text\": \"seven\"}\n",
            "{\"id\": \"x\"}\n",
            "{\"id\": \"y\", \"text\": 3}\n",
            "{\"text\": \"ten\", \"date\": \"soon\"}",
        ),
    );
    let inputs = read_all(&[file]);
    assert_eq!(
        summary(&inputs),
        [
            "doc a",
            "failed articles:3: line 3: invalid JSON: expected ident (column 2)",
            "failed articles:4: line 4: not a JSON object but an array",
            "doc 5",
            "doc articles:7",
            "failed x: line 8: no \"text\" field",
            "failed y: line 9: field \"text\" is not a string",
            "doc articles:10",
        ]
    );
    let lines: Vec<_> = inputs.iter().map(|i| i.origin().line.unwrap()).collect();
    assert_eq!(lines, [1, 3, 4, 5, 7, 8, 9, 10]);
    let first = document(&inputs[0]);
    assert_eq!(first.text, "one");
    assert_eq!(first.date, Date::new(2024, 10, 15));
    assert_eq!(first.title.as_deref(), Some("One"));
    assert_eq!(document(&inputs[7]).warnings, ["unrecognised date \"soon\" in field date"]);
}

#[test]
fn jsonl_custom_field_names() {
    let dir = TempDir::new("fields");
    let file = dir.write(
        "feed.ndjson",
        "{\"uid\": \"u1\", \"body\": \"Body.\", \"published\": \"2024-01-02T10:00:00\", \"headline\": \"H\"}\n",
    );
    let options = ReadOptions {
        id_field: "uid".into(),
        text_field: "body".into(),
        date_field: "published".into(),
        title_field: "headline".into(),
    };
    let inputs: Vec<_> = open(&[file], options).unwrap().collect();
    let doc = document(&inputs[0]);
    assert_eq!((doc.id.as_str(), doc.text.as_str()), ("u1", "Body."));
    assert_eq!(doc.date, Date::new(2024, 1, 2));
    assert_eq!(doc.title.as_deref(), Some("H"));
}

#[test]
fn gzip_by_name_and_by_magic() {
    let dir = TempDir::new("gzip");
    let named = dir.write("a.txt.gz", gzip("Grüße.".as_bytes()));
    let magic = dir.write("b.txt", gzip(b"Compressed without saying so."));
    // Concatenated gzip members are one stream (MultiGzDecoder).
    let mut members = gzip(b"{\"text\": \"first\"}\n");
    members.extend(gzip(b"{\"text\": \"second\"}\n"));
    let jsonl = dir.write("c.jsonl.gz", members);
    let not_gzip = dir.write("d.txt.gz", "plain text");
    let inputs = read_all(&[named, magic, jsonl, not_gzip]);
    assert_eq!(document(&inputs[0]).text, "Grüße.");
    assert_eq!(document(&inputs[0]).id, "a");
    assert_eq!(document(&inputs[1]).text, "Compressed without saying so.");
    assert_eq!(document(&inputs[2]).text, "first");
    assert_eq!(document(&inputs[3]).text, "second");
    match &inputs[4] {
        Input::Failed { id, error, .. } => {
            assert_eq!(id, "d");
            assert!(error.starts_with("corrupt or truncated gzip data: "), "{error}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(inputs.len(), 5);
}

/// Text that does not compress much, so a cut lands mid-stream.
fn noisy_lines(n: usize) -> String {
    let mut next = crate::testing::xorshift(0x2545_f491);
    let mut out = String::new();
    for i in 0..n {
        let words: Vec<String> = (0..12).map(|_| format!("{:x}", next() % 1_000_000)).collect();
        out.push_str(&format!("{{\"id\": {i}, \"text\": \"{}\"}}\n", words.join(" ")));
    }
    out
}

#[test]
fn truncated_gzip() {
    let dir = TempDir::new("truncated");
    let text = noisy_lines(3000);
    let packed = gzip(text.as_bytes());
    let cut = &packed[..packed.len() * 6 / 10];
    let txt = dir.write("story.txt.gz", cut);
    let jsonl = dir.write("feed.jsonl.gz", cut);

    let inputs = read_all(&[txt]);
    assert_eq!(inputs.len(), 1);
    match &inputs[0] {
        Input::Failed { id, error, .. } => {
            assert_eq!(id, "story");
            assert!(error.starts_with("corrupt or truncated gzip data: "), "{error}");
        }
        other => panic!("{other:?}"),
    }

    let inputs = read_all(&[jsonl]);
    let (last, docs) = inputs.split_last().unwrap();
    assert!(docs.len() > 100, "{} documents before the break", docs.len());
    for (i, doc) in docs.iter().enumerate() {
        assert_eq!(document(doc).id, i.to_string());
    }
    let broke = docs.len() as u64 + 1;
    match last {
        Input::Failed { id, origin, error } => {
            assert_eq!(id, &format!("feed:{broke}"));
            assert_eq!(origin.line, Some(broke));
            let prefix = format!("line {broke}: corrupt or truncated gzip data: ");
            assert!(error.starts_with(&prefix), "{error}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn invalid_utf8_is_decoded_lossily() {
    let dir = TempDir::new("utf8");
    let txt = dir.write("latin1.txt", b"Caf\xE9 cr\xE8me.");
    let jsonl = dir.write("l.jsonl", b"{\"text\": \"ok\"}\n{\"text\": \"caf\xE9\"}\n");
    let inputs = read_all(&[txt, jsonl]);
    let latin1 = document(&inputs[0]);
    assert_eq!(latin1.text, "Caf\u{FFFD} cr\u{FFFD}me.");
    assert_eq!(latin1.warnings, [LOSSY_UTF8]);
    assert!(document(&inputs[1]).warnings.is_empty());
    assert_eq!(document(&inputs[2]).text, "caf\u{FFFD}");
    assert_eq!(document(&inputs[2]).warnings, [LOSSY_UTF8]);
}

#[test]
fn binary_empty_and_bom() {
    let dir = TempDir::new("binary");
    let binary = dir.write("img.txt", b"GIF89a\x00\x01\x02");
    let mut late = vec![b'a'; 9000];
    late.push(0);
    let late_nul = dir.write("late.txt", late);
    let empty = dir.write("empty.txt", "");
    let empty_gz = dir.write("empty.txt.gz", "");
    let empty_jsonl_gz = dir.write("empty.jsonl.gz", "");
    let bom = dir.write("bom.txt", b"\xEF\xBB\xBFHello.");
    let bom_jsonl = dir.write("bom.jsonl", b"\xEF\xBB\xBF{\"text\": \"x\"}\n");
    let inputs = read_all(&[binary, late_nul, empty, empty_gz, empty_jsonl_gz, bom, bom_jsonl]);
    assert_eq!(summary(&inputs)[0], "skipped img: binary file");
    assert_eq!(document(&inputs[1]).text.len(), 9001);
    assert_eq!(document(&inputs[2]).text, "");
    assert_eq!(summary(&inputs[3..4]), ["doc empty"]);
    assert_eq!(document(&inputs[4]).text, "Hello.");
    assert_eq!(document(&inputs[5]).text, "x");
    assert_eq!(inputs.len(), 6);
}

#[test]
fn missing_path_is_an_error_before_any_work() {
    let dir = TempDir::new("missing");
    let there = dir.write("a.txt", "A");
    let missing = dir.path().join("nope.txt");
    let error = match open(&[there, PathBuf::from("-"), missing.clone()], ReadOptions::default()) {
        Err(error) => error,
        Ok(_) => panic!("open accepted a missing path"),
    };
    assert_eq!(error.path(), missing);
    assert_eq!(error.to_string(), format!("no such file or directory: {}", missing.display()));
    assert_eq!(read_all(&[]).len(), 0);
}

#[test]
fn vanished_file_fails_and_the_walk_goes_on() {
    let dir = TempDir::new("vanished");
    let gone = dir.write("gone.txt", "G");
    let kept = dir.write("kept.txt", "K");
    let mut inputs = open(&[gone.clone(), kept], ReadOptions::default()).unwrap();
    fs::remove_file(&gone).unwrap();
    match inputs.next() {
        Some(Input::Failed { id, origin, error }) => {
            assert_eq!(id, "gone");
            assert_eq!(origin.path, shown(&gone));
            assert!(!error.is_empty());
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(document(&inputs.next().unwrap()).id, "kept");
    assert!(inputs.next().is_none());
}

#[cfg(unix)]
#[test]
fn symlinks_are_followed_without_looping() {
    use std::os::unix::fs::symlink;
    let dir = TempDir::new("links");
    dir.write("a.txt", "A");
    dir.write("sub/b.txt", "B");
    symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
    symlink(dir.path().join("sub"), dir.path().join("sub/self")).unwrap();
    symlink(dir.path().join("a.txt"), dir.path().join("link.txt")).unwrap();
    symlink(dir.path().join("nowhere.txt"), dir.path().join("dead.txt")).unwrap();
    let inputs = read_all(&[dir.path().to_path_buf()]);
    let summary = summary(&inputs);
    assert_eq!(summary[0], "doc a");
    assert!(summary[1].starts_with("failed dead: "), "{}", summary[1]);
    assert_eq!(summary[2..], ["doc link", "doc sub/b"]);
}

fn from_stdin(bytes: &[u8]) -> Vec<Input> {
    let source =
        Source { path: "-".into(), id: "stdin".into(), format: Format::Sniff, gz_name: false };
    match read_source(Box::new(Cursor::new(bytes.to_vec())), source) {
        Opened::One(input) => vec![input],
        Opened::Lines(mut lines) => {
            let options = ReadOptions::default();
            std::iter::from_fn(|| lines.next_input(&options)).collect()
        }
    }
}

#[test]
fn stdin_is_sniffed() {
    let text = from_stdin(b"Moscow, Oct 15 (Reuters) - ...");
    assert_eq!(summary(&text), ["doc stdin"]);
    assert_eq!(text[0].origin(), &Origin { path: "-".into(), line: None });
    let jsonl = from_stdin(b"\n  {\"text\": \"a\"}\n{\"id\": \"b\", \"text\": \"b\"}\n");
    assert_eq!(summary(&jsonl), ["doc stdin:2", "doc b"]);
    let gz = from_stdin(&gzip(b"{\"text\": \"a\"}\n"));
    assert_eq!(summary(&gz), ["doc stdin:1"]);
    let mut spaced = vec![b' '; 20_000];
    spaced.extend(b"{\"text\": \"far\"}");
    assert_eq!(summary(&from_stdin(&spaced)), ["doc stdin:1"]);
    assert_eq!(summary(&from_stdin(b"")), ["doc stdin"]);
    assert_eq!(summary(&from_stdin(b"\x00\x01")), ["skipped stdin: binary file"]);
}

#[test]
fn names() {
    let table = [
        ("a.txt", "a", false, Kind::Text),
        ("a.TXT.GZ", "a", true, Kind::Text),
        ("a.md", "a", false, Kind::Text),
        ("a.text", "a", false, Kind::Text),
        ("a.jsonl", "a", false, Kind::Jsonl),
        ("a.ndjson.gz", "a", true, Kind::Jsonl),
        ("report.2024.txt", "report.2024", false, Kind::Text),
        ("a.gz", "a", true, Kind::Other),
        ("archive.tar.gz", "archive", true, Kind::Other),
        ("README", "README", false, Kind::Other),
        (".profile", ".profile", false, Kind::Other),
        ("é.txt", "é", false, Kind::Text),
    ];
    for (name, stem, gz, kind) in table {
        assert_eq!(Name::new(name), Name { stem, gz, kind }, "{name}");
    }
}

#[test]
fn inputs_can_move_between_threads() {
    fn assert_send<T: Send>() {}
    assert_send::<Inputs>();
    assert_send::<Input>();
}

#[test]
fn never_panics_on_arbitrary_bytes() {
    let mut next = crate::testing::xorshift(0x9e37_79b9_7f4a_7c15);
    let pieces: [&[u8]; 10] =
        [b"{", b"}", b"\"text\"", b":", b"\"", b"\n", b"\xE9", b"\x00", b"\x1f\x8b", b"\\u"];
    let options = ReadOptions::default();
    for round in 0..300 {
        let mut bytes = Vec::new();
        for _ in 0..next() % 40 {
            if next() % 2 == 0 {
                bytes.extend_from_slice(pieces[(next() % 10) as usize]);
            } else {
                bytes.push(next() as u8);
            }
        }
        if round % 3 == 0 {
            let packed = gzip(&bytes);
            bytes = packed[..(next() as usize % (packed.len() + 1))].to_vec();
        }
        let _ = jsonl::parse_line(&bytes, 1, "p", "n", &options);
        let _ = from_stdin(&bytes);
        for format in [Format::Text, Format::Jsonl] {
            let source =
                Source { path: "p".into(), id: "n".into(), format, gz_name: round % 2 == 0 };
            if let Opened::Lines(mut lines) =
                read_source(Box::new(Cursor::new(bytes.clone())), source)
            {
                while lines.next_input(&options).is_some() {}
            }
        }
    }
}
