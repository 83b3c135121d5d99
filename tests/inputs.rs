//! Every kind of input, good and bad: each document is accounted for in
//! documents.csv and the exit status says what happened.

use crate::util::{code, fixture, rows, stderr, Workdir};

fn status_of(rows: &[Vec<String>], id: &str) -> (String, String) {
    let row =
        rows.iter().find(|r| r[0] == id).unwrap_or_else(|| panic!("no row for {id}: {rows:?}"));
    (row[7].clone(), row[8].clone())
}

#[test]
fn jsonl_with_bad_lines_goes_on_and_exits_1() {
    let wd = Workdir::new("jsonl");
    let input = fixture("inputs/articles.jsonl").display().to_string();
    let out = wd.run(&["extract", &input, "--out", "out"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("articles.jsonl:3: invalid JSON"), "{err}");
    assert!(err.contains("articles.jsonl:4"), "{err}");
    let docs = rows(&wd.path("out/documents.csv"));
    assert_eq!(docs.len(), 6, "header + 5 lines: {docs:?}");
    assert_eq!(status_of(&docs, "wire-1").0, "ok");
    assert_eq!(status_of(&docs, "2").0, "ok");
    assert_eq!(status_of(&docs, "articles:5").0, "ok");
    let (status, error) = status_of(&docs, "no-text");
    assert_eq!(status, "error");
    assert!(error.contains("text"), "{error}");
    // The document date comes from the JSONL field.
    let wire = docs.iter().find(|r| r[0] == "wire-1").unwrap();
    assert_eq!(wire[1], "2024-11-04");
}

#[test]
fn gzip_and_invalid_utf8() {
    let wd = Workdir::new("gzip");
    let gz = fixture("inputs/wire.txt.gz").display().to_string();
    let latin1 = fixture("inputs/latin1.txt").display().to_string();
    let out = wd.run(&["extract", &gz, &latin1, "--out", "out", "--date", "2024-10-15"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let docs = rows(&wd.path("out/documents.csv"));
    assert_eq!(status_of(&docs, "wire").0, "ok");
    let (status, warning) = status_of(&docs, "latin1");
    assert_eq!(status, "ok");
    assert!(warning.contains("UTF-8"), "{warning}");
    assert!(stderr(&out).contains("latin1.txt"), "{}", stderr(&out));
}

#[test]
fn stdin_and_empty_folder() {
    let wd = Workdir::new("stdin");
    std::fs::create_dir_all(wd.path("empty")).unwrap();
    let out = wd.run(&["extract", "empty", "--out", "out"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(rows(&wd.path("out/documents.csv")).len(), 1);

    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_gazette"))
        .current_dir(&wd.dir)
        .args(["extract", "-", "--out", "out2", "--date", "2024-10-15"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"Russia said on Monday it would respond.").unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(0));
    let docs = rows(&wd.path("out2/documents.csv"));
    assert_eq!(docs[1][0], "stdin");
    let dates = rows(&wd.path("out2/dates.csv"));
    assert_eq!(dates.len(), 2, "{dates:?}");
}

#[test]
fn missing_input_and_unwritable_output_exit_2() {
    let wd = Workdir::new("missing");
    let out = wd.run(&["extract", "no-such-file.txt", "--out", "out"]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.starts_with("gazette: ") && err.contains("no-such-file.txt"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");

    std::fs::write(wd.path("a-file"), "x").unwrap();
    let input = fixture("news/roles.txt").display().to_string();
    let out = wd.run(&["extract", &input, "--out", "a-file/out"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("a-file/out"), "{}", stderr(&out));

    let out = wd.run(&["extract", &input, "--out", "out", "--date", "15/10/2024"]);
    assert_eq!(code(&out), 2);
}

#[test]
fn document_dates_from_dateline_and_file_name() {
    // See: issue 4 (the document date when the input gives none).
    let wd = Workdir::new("docdate");
    std::fs::create_dir_all(wd.path("in")).unwrap();
    std::fs::write(wd.path("in/2024-10-15-story.txt"), "Russia said on Monday it would respond.")
        .unwrap();
    std::fs::write(
        wd.path("in/wire.txt"),
        "SEOUL, Dec. 29 (Yonhap) -- North Korea fired a missile on Sunday.",
    )
    .unwrap();
    let out = wd.run(&["extract", "in", "--out", "out", "--date", "2025-01-10"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let docs = rows(&wd.path("out/documents.csv"));
    assert_eq!(docs[0][9], "date_source");
    let named = docs.iter().find(|r| r[0] == "2024-10-15-story").unwrap();
    assert_eq!((named[1].as_str(), named[9].as_str()), ("2024-10-15", "filename"));
    let wire = docs.iter().find(|r| r[0] == "wire").unwrap();
    assert_eq!((wire[1].as_str(), wire[9].as_str()), ("2024-12-29", "dateline"));
    // Relative dates resolve against the dateline: Sunday before Dec. 29, 2024.
    let dates = rows(&wd.path("out/dates.csv"));
    assert!(
        dates.iter().any(|r| r[0] == "wire" && r[4] == "Sunday" && r[5] == "2024-12-29"),
        "{dates:?}"
    );
}

#[test]
fn the_output_folder_inside_an_input_folder_is_not_read() {
    let wd = Workdir::new("own-output");
    std::fs::create_dir_all(wd.path("in")).unwrap();
    std::fs::write(wd.path("in/story.txt"), "Russia said it would respond.").unwrap();
    for _ in 0..2 {
        let out = wd.run(&["extract", "in", "--out", "in/out"]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        assert!(!stderr(&out).contains("out/"), "{}", stderr(&out));
    }
    let docs = rows(&wd.path("in/out/documents.csv"));
    assert_eq!(docs.len(), 2, "only the story: {docs:?}");
}
