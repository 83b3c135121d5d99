//! Dirty archives and interrupted runs: every document is accounted for,
//! the exit status says what happened, `run.json` agrees with the CSVs, and
//! a killed run leaves the previous outputs as they were.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{code, fixture, rows, stderr, Workdir};

/// `documents.csv` as (doc_id, status, error) triples.
fn statuses(wd: &Workdir, out: &str) -> Vec<(String, String, String)> {
    rows(&wd.path(&format!("{out}/documents.csv")))[1..]
        .iter()
        .map(|r| (r[0].clone(), r[7].clone(), r[8].clone()))
        .collect()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

#[test]
fn every_bad_input_gets_a_row_a_message_and_the_run_goes_on() {
    let wd = Workdir::new("faults");
    let dir = wd.path("in");
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).unwrap();
    write("empty.txt", b"");
    write("nul.txt", b"Russia\0said\0on Monday.");
    write("binary.txt", &(0..=255u8).cycle().take(4096).collect::<Vec<u8>>());
    write("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    write("latin1.txt", b"Caf\xE9 in Kyiv.");
    let story = "Russia said that Ukraine attacked Belgorod. ".repeat(2000);
    let packed = gzip(story.as_bytes());
    write("cut.txt.gz", &packed[..packed.len() / 2]);
    write(
        "shapes.jsonl",
        concat!(
            "{\"id\": \"a\", \"text\": \"Kyiv said on Monday it had shot down drones.\"}\n",
            "{\"id\": \"a\", \"text\": \"Moscow said it would respond.\"}\n",
            "{\"id\": \"n\", \"text\": 5}\n",
            "{\"id\": \"m\"}\n",
            "[1, 2]\n",
            "{\"id\": \"broken\", \"text\": \"no closing brace\"\n",
            "\n",
            "{\"id\": \"last\", \"text\": \"Hamas said it had received the proposal.\"}\n",
        )
        .as_bytes(),
    );
    let out = wd.run(&["extract", "in", "--out", "out", "--date", "2024-10-15"]);
    assert_eq!(code(&out), 1, "some documents failed: {}", stderr(&out));
    let err = stderr(&out);
    let docs = statuses(&wd, "out");
    let row = |id: &str| {
        docs.iter().find(|r| r.0 == id).unwrap_or_else(|| panic!("no row for {id}: {docs:#?}"))
    };
    // Skipped, and said so.
    for id in ["nul", "binary", "image.png"] {
        assert_eq!(row(id).1, "skipped", "{id}");
        assert!(err.contains(&format!("{}: skipped", dir_name(id))), "{id}: {err}");
    }
    // Read, with a warning where the text was odd.
    assert_eq!(row("empty").1, "ok");
    assert_eq!(row("latin1").1, "ok");
    assert!(row("latin1").2.contains("UTF-8"));
    // Failed, naming file and line.
    assert_eq!(row("cut").1, "error");
    assert!(row("cut").2.contains("gzip"), "{:?}", row("cut"));
    for (id, line, what) in [
        ("n", 3, "not a string"),
        ("m", 4, "text"),
        ("shapes:5", 5, "array"),
        ("shapes:6", 6, "JSON"),
    ] {
        assert_eq!(row(id).1, "error", "{id}");
        assert!(row(id).2.contains(what), "{id}: {:?}", row(id));
        assert!(err.contains(&format!("shapes.jsonl:{line}: ")), "line {line}: {err}");
    }
    // A duplicate id is kept, and flagged.
    let a: Vec<_> = docs.iter().filter(|r| r.0 == "a").collect();
    assert_eq!(a.len(), 2);
    assert!(a[0].2.is_empty() && a[1].2.contains("duplicate doc_id"), "{a:?}");
    assert_eq!(row("last").1, "ok", "the file goes on after bad lines");
    // Six files and seven JSONL lines; the blank line is no document.
    assert_eq!(docs.len(), 13, "{docs:#?}");

    // run.json says the same as documents.csv.
    let report: serde_json::Value = serde_json::from_str(&wd.read("out/run.json")).unwrap();
    let count = |s: &str| docs.iter().filter(|r| r.1 == s).count() as u64;
    assert_eq!(report["documents"]["read"], docs.len() as u64);
    assert_eq!(report["documents"]["ok"], count("ok"));
    assert_eq!(report["documents"]["skipped"], count("skipped"));
    assert_eq!(report["documents"]["failed"], count("error"));
    assert_eq!(report["exit_status"], 1);
    let mentions = rows(&wd.path("out/mentions.csv")).len() as u64 - 1;
    assert_eq!(report["mentions"], mentions);
    assert!(err.lines().last().unwrap().contains(&format!("{} documents read", docs.len())));
}

/// How a document id appears in messages: the path under `in/`.
fn dir_name(id: &str) -> String {
    match id {
        "image.png" => "image.png".into(),
        _ => format!("{id}.txt"),
    }
}

#[test]
fn only_skipped_files_exit_0_and_empty_inputs_are_fine() {
    let wd = Workdir::new("skips");
    std::fs::create_dir_all(wd.path("in")).unwrap();
    std::fs::write(wd.path("in/picture.jpg"), b"\xFF\xD8\xFF\xE0\0\x10JFIF\0").unwrap();
    std::fs::write(wd.path("in/empty.jsonl"), b"").unwrap();
    let out = wd.run(&["extract", "in", "--out", "out"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let docs = statuses(&wd, "out");
    assert_eq!(docs.len(), 1, "{docs:?}");
    assert_eq!(docs[0].1, "skipped");
}

#[test]
fn a_long_single_line_document() {
    let wd = Workdir::new("long-line");
    // 2 MB without a newline or a full stop: still one row, with relations,
    // and no slower than the same text in sentences (see sentences::MAX_SENTENCE).
    let text = "North Korea supplied shells to Russia, officials said on Monday; ".repeat(30_000);
    std::fs::write(wd.path("long.txt"), &text).unwrap();
    let out = wd.run(&["extract", "long.txt", "--out", "out", "--date", "2024-10-15"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let docs = rows(&wd.path("out/documents.csv"));
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1][3], text.chars().count().to_string());
    let relations = rows(&wd.path("out/relations.csv"));
    assert!(relations.len() > 1, "relations are found in a long line");
}

#[test]
fn excel_adds_a_byte_order_mark_and_crlf_and_leaves_numbers_alone() {
    let wd = Workdir::new("excel");
    let input = fixture("inputs/articles.jsonl").display().to_string();
    let plain = wd.run(&["extract", &input, "--out", "plain"]);
    let excel = wd.run(&["extract", &input, "--out", "excel", "--excel"]);
    assert_eq!(code(&plain), code(&excel));
    for name in ["documents", "mentions", "quantities", "relations", "entities", "edges"] {
        let plain = std::fs::read(wd.path(&format!("plain/{name}.csv"))).unwrap();
        let excel = std::fs::read(wd.path(&format!("excel/{name}.csv"))).unwrap();
        assert!(excel.starts_with("\u{FEFF}".as_bytes()), "{name}.csv has a BOM");
        let body = &excel[3..];
        let lf = body.iter().filter(|&&b| b == b'\n').count();
        let crlf = body.windows(2).filter(|w| w == b"\r\n").count();
        assert_eq!(lf, crlf, "{name}.csv: every line ends in CRLF");
        // The same cells, numbers included.
        let read = |bytes: &[u8]| -> Vec<csv::StringRecord> {
            csv::Reader::from_reader(bytes).records().map(Result::unwrap).collect()
        };
        assert_eq!(read(&plain), read(body), "{name}.csv: same cells");
    }
    // The formula guard holds in both.
    let docs = wd.read("excel/mentions.csv");
    assert!(!docs.lines().any(|l| l.contains(",=")), "{docs}");
}

#[test]
fn a_killed_run_leaves_the_previous_outputs_intact() {
    let wd = Workdir::new("killed");
    let small = fixture("news").display().to_string();
    let out = wd.run(&["extract", &small, "--out", "out", "--date", "2024-10-15"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let names = ["documents", "mentions", "dates", "quantities", "relations", "entities", "edges"];
    let before: Vec<Vec<u8>> =
        names.iter().map(|n| std::fs::read(wd.path(&format!("out/{n}.csv"))).unwrap()).collect();
    let report = wd.read("out/run.json");

    // A run long enough to be killed midway: many documents on stdin.
    let mut child = Command::new(env!("CARGO_BIN_EXE_gazette"))
        .current_dir(&wd.dir)
        .args(["extract", "-", "--out", "out", "-j", "1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let line = "{\"text\": \"Russia said North Korea sent troops to Kursk on Monday.\"}\n";
    let started = Instant::now();
    // Feed input until the run has clearly started writing, then kill it.
    while started.elapsed() < Duration::from_millis(1500) {
        if stdin.write_all(line.repeat(1000).as_bytes()).is_err() {
            break;
        }
    }
    assert!(child.try_wait().unwrap().is_none(), "the run was still going when killed");
    child.kill().unwrap();
    child.wait().unwrap();
    drop(stdin);

    for (n, old) in names.iter().zip(&before) {
        let now = std::fs::read(wd.path(&format!("out/{n}.csv"))).unwrap();
        assert!(now == *old, "{n}.csv changed after a killed run");
    }
    assert_eq!(wd.read("out/run.json"), report);
    // The next run completes and replaces them.
    let out = wd.run(&["extract", &small, "--out", "out", "--date", "2024-10-15"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(!wd.path("out/.documents.csv.tmp").exists());
}

#[test]
fn help_documents_the_exit_status() {
    let wd = Workdir::new("help");
    let out = wd.run(&["extract", "--help"]);
    assert_eq!(code(&out), 0);
    let help = String::from_utf8_lossy(&out.stdout);
    for line in ["Exit status:", "  0  ", "  1  ", "  2  ", "run.json"] {
        assert!(help.contains(line), "{line:?} missing from:\n{help}");
    }
}
