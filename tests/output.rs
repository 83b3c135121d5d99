//! Properties of the output: the same bytes at any thread count, offsets
//! that point at the text, cells a spreadsheet will not execute.

use crate::util::{code, fixture, rows, stderr, Workdir};

#[test]
fn identical_at_one_and_two_threads() {
    let wd = Workdir::new("threads");
    let input = fixture("").display().to_string();
    for (threads, dir) in [("1", "one"), ("2", "two")] {
        let out = wd.run(&[
            "extract",
            &input,
            "--out",
            dir,
            "-j",
            threads,
            "--date",
            "2024-10-15",
            "--sentences",
        ]);
        assert!(code(&out) <= 1, "{}", stderr(&out));
    }
    for name in [
        "documents",
        "mentions",
        "dates",
        "quantities",
        "relations",
        "entities",
        "edges",
        "sentences",
    ] {
        let one = wd.read(&format!("one/{name}.csv"));
        let two = wd.read(&format!("two/{name}.csv"));
        assert!(one == two, "{name}.csv differs between 1 and 2 threads");
    }
}

/// An archive of many batches, with unreadable lines among the documents:
/// every line gets its row, in input order, whatever the thread count.
#[test]
fn identical_over_many_batches() {
    let wd = Workdir::new("batches");
    let mut jsonl = String::new();
    let (mut lines, mut broken) = (0, 0);
    // About 1.4 MB of text: several batches for each thread.
    for i in 0..6000 {
        if i % 97 == 13 {
            jsonl.push_str("{\"id\": \"broken\"\n");
            broken += 1;
        } else {
            jsonl.push_str(&format!(
                "{{\"id\": \"d{i}\", \"text\": \"Russia said on Monday it sent {} troops to \
                 Belarus in March {}. Defense Minister Andrei Belousov visited Minsk, where \
                 {} people were wounded, the Kremlin spokesman Dmitry Peskov said.{}\"}}\n",
                1000 + i,
                2000 + i % 25,
                i % 40,
                " Ukraine said so.".repeat(i % 7),
            ));
        }
        lines += 1;
    }
    std::fs::write(wd.path("archive.jsonl"), jsonl).unwrap();
    for threads in ["1", "2", "3"] {
        let out = wd.run(&["extract", "archive.jsonl", "--out", threads, "-j", threads, "-q"]);
        assert_eq!(code(&out), 1, "the broken lines fail: {}", stderr(&out));
    }
    let docs = rows(&wd.path("1/documents.csv"));
    assert_eq!(docs.len(), lines + 1, "a row for every line, and the header");
    let ids: Vec<&str> = docs[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids[0], "d0");
    assert_eq!(ids[5999], "d5999");
    assert_eq!(ids.iter().filter(|id| id.starts_with("archive:")).count(), broken);
    for name in ["documents", "mentions", "dates", "quantities", "relations", "entities", "edges"] {
        let one = wd.read(&format!("1/{name}.csv"));
        for threads in ["2", "3"] {
            let other = wd.read(&format!("{threads}/{name}.csv"));
            assert!(one == other, "{name}.csv differs between 1 and {threads} threads");
        }
    }
}

#[test]
fn offsets_are_characters_into_the_text() {
    let wd = Workdir::new("offsets");
    let seed = fixture("seed/seed.txt");
    let out = wd.run(&["extract", &seed.display().to_string(), "--out", "out", "--sentences"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text: Vec<char> = std::fs::read_to_string(seed).unwrap().chars().collect();
    for (file, text_col) in [("mentions", 4), ("dates", 4), ("quantities", 4), ("sentences", 4)] {
        let rows = rows(&wd.path(&format!("out/{file}.csv")));
        for r in &rows[1..] {
            let (start, end): (usize, usize) = (r[2].parse().unwrap(), r[3].parse().unwrap());
            let slice: String = text[start..end].iter().collect();
            assert_eq!(slice, r[text_col], "{file}.csv row {r:?}");
        }
    }
}

#[test]
fn formulas_are_neutralised() {
    let wd = Workdir::new("formula");
    let input = fixture("inputs/articles.jsonl").display().to_string();
    let out = wd.run(&["extract", &input, "--out", "out", "--sentences"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let sentences = rows(&wd.path("out/sentences.csv"));
    let first = sentences.iter().find(|r| r[0] == "2").unwrap();
    assert!(first[4].starts_with("'=HYPERLINK"), "{first:?}");
    // Numeric columns are never touched.
    assert!(first[2].parse::<usize>().is_ok());
}

#[test]
fn jsonl_records_hold_what_the_csvs_hold() {
    let wd = Workdir::new("jsonl");
    let input = fixture("").display().to_string();
    for (format, dir) in [("csv", "csv"), ("jsonl", "jsonl")] {
        let out =
            wd.run(&["extract", &input, "--out", dir, "--format", format, "--date", "2024-10-15"]);
        assert!(code(&out) <= 1, "{}", stderr(&out));
    }
    assert!(!wd.path("jsonl/mentions.csv").exists(), "jsonl writes no CSVs");
    let body = wd.read("jsonl/documents.jsonl");
    let records: Vec<serde_json::Value> =
        body.lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect();
    let documents = rows(&wd.path("csv/documents.csv"));
    assert_eq!(records.len(), documents.len() - 1, "one record per document");
    for (record, row) in records.iter().zip(&documents[1..]) {
        assert_eq!(record["doc_id"], row[0].as_str());
        assert_eq!(record["status"], row[7].as_str());
        assert_eq!(record["mentions"].as_array().unwrap().len().to_string(), row[5]);
        assert_eq!(record["relations"].as_array().unwrap().len().to_string(), row[6]);
    }
    // Every relation row, in order, from the records.
    let relations = rows(&wd.path("csv/relations.csv"));
    let from_records: Vec<(String, String, String)> = records
        .iter()
        .flat_map(|r| r["relations"].as_array().unwrap().iter())
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap().to_string();
            (s("subject"), s("relation"), s("object"))
        })
        .collect();
    let from_csv: Vec<(String, String, String)> =
        relations[1..].iter().map(|r| (r[3].clone(), r[5].clone(), r[8].clone())).collect();
    assert_eq!(from_records, from_csv);
}

#[test]
fn a_run_without_sentences_removes_an_older_sentences_csv() {
    let wd = Workdir::new("stale");
    let input = fixture("news/roles.txt").display().to_string();
    let out = wd.run(&["extract", &input, "--out", "out", "--sentences"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(wd.path("out/sentences.csv").exists());
    let out = wd.run(&["extract", &input, "--out", "out"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(!wd.path("out/sentences.csv").exists(), "a stale sentences.csv stays behind");
}
