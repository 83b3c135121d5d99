//! `merge`: shards streamed in any order and merged give the CSVs of one
//! `extract` run over the whole archive, byte for byte.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::eqnice;
use crate::util::{code, fixture, stderr, Workdir};

const FILES: &[&str] =
    &["documents", "mentions", "dates", "quantities", "relations", "entities", "edges"];

/// One JSONL archive of the fixture texts, with the fixtures' broken JSONL
/// lines, a blank line and a duplicate id among them.
fn archive() -> Vec<String> {
    let mut lines = Vec::new();
    let mut texts: Vec<_> = std::fs::read_dir(fixture("news"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .chain([fixture("seed/seed.txt")])
        .collect();
    texts.sort();
    for path in texts {
        let id = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        lines.push(serde_json::json!({ "id": id, "text": text }).to_string());
    }
    lines.push(String::new());
    let articles = std::fs::read_to_string(fixture("inputs/articles.jsonl")).unwrap();
    lines.extend(articles.lines().map(String::from));
    lines
        .push(r#"{"id": "wire-1", "text": "Kyiv said Russia attacked Kharkiv on Monday."}"#.into());
    lines
}

/// Runs `extract --stream --numbered` over `input`.
fn stream(wd: &Workdir, input: &str) -> String {
    stream_with(wd, input, &[])
}

fn stream_with(wd: &Workdir, input: &str, more: &[&str]) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gazette"))
        .current_dir(&wd.dir)
        .args(["extract", "--stream", "--numbered", "--name", "all", "--date", "2024-10-15"])
        .args(more)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_string();
    // Written from another thread: the child's output could fill its pipe.
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    String::from_utf8(out.stdout).unwrap()
}

/// A work folder holding the archive as `all.jsonl` and one `extract` run
/// over it in `whole/`; returns the folder and the archive's lines.
fn whole_run(name: &str) -> (Workdir, Vec<String>) {
    let wd = Workdir::new(name);
    let lines = archive();
    std::fs::write(wd.path("all.jsonl"), lines.join("\n") + "\n").unwrap();
    let out = wd.run(&["extract", "all.jsonl", "--date", "2024-10-15", "--out", "whole", "-q"]);
    assert_eq!(code(&out), 1, "the archive has broken lines: {}", stderr(&out));
    (wd, lines)
}

fn assert_same_csvs(wd: &Workdir, want: &str, got: &str) {
    for name in FILES {
        let (a, b) =
            (wd.read(&format!("{want}/{name}.csv")), wd.read(&format!("{got}/{name}.csv")));
        eqnice!(a, b, format!("{got}/{name}.csv"));
    }
}

#[test]
fn shards_in_any_order_merge_to_one_run() {
    let (wd, lines) = whole_run("merge");
    let numbered: Vec<String> =
        lines.iter().enumerate().map(|(i, l)| format!("{}\t{l}", i + 1)).collect();

    // Contiguous ranges, as Spark splits a file, and every third line.
    let splits: Vec<Vec<Vec<&String>>> = vec![
        numbered.chunks(5).map(|c| c.iter().collect()).collect(),
        (0..3).map(|k| numbered.iter().skip(k).step_by(3).collect()).collect(),
    ];
    for (s, shards) in splits.iter().enumerate() {
        let mut names = Vec::new();
        for (k, shard) in shards.iter().enumerate() {
            let input: String = shard.iter().map(|l| format!("{l}\n")).collect();
            let name = format!("records-{s}/part-{k:05}");
            std::fs::create_dir_all(wd.path(&format!("records-{s}"))).unwrap();
            std::fs::write(wd.path(&name), stream(&wd, &input)).unwrap();
            names.push(name);
        }
        std::fs::write(wd.path(&format!("records-{s}/_SUCCESS")), "").unwrap();
        // The folder, the files in order, and the files backwards.
        let forwards = names.clone();
        names.reverse();
        for (o, inputs) in [vec![format!("records-{s}")], forwards, names].iter().enumerate() {
            let dir = format!("merged-{s}-{o}");
            let mut args = vec!["merge"];
            args.extend(inputs.iter().map(String::as_str));
            args.extend(["--out", &dir]);
            let out = wd.run(&args);
            assert_eq!(code(&out), 1, "failed documents give 1: {}", stderr(&out));
            assert!(stderr(&out).contains("duplicate doc_id \"wire-1\""), "{}", stderr(&out));
            assert_same_csvs(&wd, "whole", &dir);
        }
    }

    // A file out of order is sorted (standard input too).
    let records = std::fs::read_to_string(wd.path("records-0/part-00001")).unwrap();
    let backwards: Vec<&str> = records.lines().rev().collect();
    std::fs::write(wd.path("backwards"), backwards.join("\n") + "\n").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_gazette"))
        .current_dir(&wd.dir)
        .args(["merge", "-", "backwards", "records-0/part-00000"])
        .args(["--out", "merged-unordered"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let last = std::fs::read(wd.path("records-0/part-00002")).unwrap();
    child.stdin.take().unwrap().write_all(&last).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_same_csvs(&wd, "whole", "merged-unordered");

    // Records from extract --format jsonl merge too, duplicate note once.
    let out = wd.run(&[
        "extract",
        "all.jsonl",
        "--date",
        "2024-10-15",
        "--format",
        "jsonl",
        "--out",
        "j",
        "-q",
    ]);
    assert_eq!(code(&out), 1);
    let out = wd.run(&["merge", "j/documents.jsonl", "--out", "merged-j"]);
    assert_eq!(code(&out), 1);
    assert_same_csvs(&wd, "whole", "merged-j");
}

#[test]
fn sentences_and_excel_as_for_extract() {
    let wd = Workdir::new("merge-options");
    let lines = archive();
    std::fs::write(wd.path("all.jsonl"), lines.join("\n") + "\n").unwrap();
    let args = ["extract", "all.jsonl", "--date", "2024-10-15", "-q", "--sentences", "--excel"];
    let out = wd.run(&[&args[..], &["--out", "whole"]].concat());
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let numbered: Vec<String> =
        lines.iter().enumerate().map(|(i, l)| format!("{}\t{l}\n", i + 1)).collect();
    let (a, b) = numbered.split_at(6);
    std::fs::write(wd.path("b.jsonl"), stream_with(&wd, &b.concat(), &["--sentences"])).unwrap();
    std::fs::write(wd.path("a.jsonl"), stream_with(&wd, &a.concat(), &["--sentences"])).unwrap();
    let out = wd.run(&["merge", "b.jsonl", "a.jsonl", "--sentences", "--excel", "--out", "m"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_same_csvs(&wd, "whole", "m");
    let (want, got) = (wd.read("whole/sentences.csv"), wd.read("m/sentences.csv"));
    assert!(want.starts_with('\u{FEFF}') && want.contains("\r\n"));
    eqnice!(want, got, "m/sentences.csv");

    // Records without sentences give a header only, and a warning.
    std::fs::write(wd.path("c.jsonl"), stream(&wd, &a.concat())).unwrap();
    let out = wd.run(&["merge", "c.jsonl", "--sentences", "--out", "c"]);
    assert!(stderr(&out).contains("no record carries its sentences"), "{}", stderr(&out));
    assert_eq!(wd.read("c/sentences.csv").lines().count(), 1);
}

#[test]
fn bad_lines_in_record_files_are_reported_and_skipped() {
    let wd = Workdir::new("merge-bad");
    let input = "1\t{\"id\": \"a\", \"text\": \"Russia said North Korea sent troops to Kursk.\"}\n\
                 2\t{\"id\": \"b\", \"text\": \"Kyiv said it had shot down 40 drones.\"}\n";
    let records = stream(&wd, input);
    let (first, second) = records.split_once('\n').unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(format!("{second}\n").as_bytes()).unwrap();
    std::fs::write(wd.path("b.jsonl.gz"), gz.finish().unwrap()).unwrap();
    let cut = &first[..first.len() / 2];
    std::fs::write(wd.path("a.jsonl"), format!("not json\n\n{first}\n{cut}\n{{}}\n")).unwrap();
    let out = wd.run(&["merge", "b.jsonl.gz", "a.jsonl", "--out", "o"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let err = stderr(&out);
    for line in ["a.jsonl:1: not a record", "a.jsonl:4: not a record", "a.jsonl:5: not a record"] {
        assert!(err.contains(line), "{line}: {err}");
    }
    assert!(!err.contains("b.jsonl.gz:"), "{err}");
    let documents = wd.read("o/documents.csv");
    let ids: Vec<&str> = documents.lines().skip(1).map(|l| &l[..1]).collect();
    assert_eq!(ids, ["a", "b"]);
    let report: serde_json::Value = serde_json::from_str(&wd.read("o/run.json")).unwrap();
    assert_eq!(report["bad_lines"], 3);
    assert_eq!(report["exit_status"], 1);

    // A missing input stops the run before anything is written.
    let out = wd.run(&["merge", "nope.jsonl", "--out", "o2"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("nope.jsonl"));
}

#[test]
fn bad_lines_in_a_numbered_stream_keep_their_place() {
    let wd = Workdir::new("merge-stream");
    let input =
        "3\t{\"id\": \"c\", \"text\": \"Kyiv said on Monday it had shot down 40 drones.\"}\n\
                 4\tnot json\n\
                 \n\
                 5\t\n\
                 no number\n\
                 7\t{\"text\": 5}\n";
    let records: Vec<serde_json::Value> =
        stream(&wd, input).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let got: Vec<(u64, &str, &str)> = records
        .iter()
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap();
            (r["seq"].as_u64().unwrap(), s("doc_id"), s("status"))
        })
        .collect();
    assert_eq!(
        got,
        [(3, "c", "ok"), (4, "all:4", "error"), (5, "stdin:5", "error"), (7, "all:7", "error")]
    );
}

/// More record files than merge keeps open at once (Spark jobs write
/// thousands of parts): merged in batches first, same CSVs, nothing left
/// behind.
#[test]
fn more_files_than_can_be_open() {
    let (wd, lines) = whole_run("merge-many");
    let numbered: String =
        lines.iter().enumerate().map(|(i, l)| format!("{}\t{l}\n", i + 1)).collect();
    let records = stream(&wd, &numbered);
    // 450 parts, most empty, the records scattered over them.
    const PARTS: usize = 450;
    let mut parts = vec![String::new(); PARTS];
    for (i, record) in records.lines().enumerate() {
        parts[(i * 37) % PARTS].push_str(&format!("{record}\n"));
    }
    std::fs::create_dir_all(wd.path("parts")).unwrap();
    for (k, part) in parts.iter().enumerate() {
        std::fs::write(wd.path(&format!("parts/part-{k:05}")), part).unwrap();
    }
    let out = wd.run(&["merge", "parts", "--out", "merged", "-q"]);
    assert_eq!(code(&out), 1, "failed documents give 1: {}", stderr(&out));
    assert_same_csvs(&wd, "whole", "merged");
    let left: Vec<_> = std::fs::read_dir(wd.path("merged"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
