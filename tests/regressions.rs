//! Inputs that once broke gazette, kept so they stay fixed. Each runs the
//! whole binary. Fuzzing (`fuzz/`) adds its minimized crash inputs here.

use crate::util::{code, rows, stderr, Workdir};

/// Runs `extract` on one document and returns documents.csv's row.
fn run(name: &str, text: &[u8]) -> Vec<String> {
    let wd = Workdir::new(name);
    std::fs::write(wd.path("doc.txt"), text).unwrap();
    let out = wd.run(&["extract", "doc.txt", "--out", "out", "--date", "2024-10-15"]);
    assert!(code(&out) <= 1, "{name}: {}", stderr(&out));
    rows(&wd.path("out/documents.csv")).remove(1)
}

#[test]
fn a_text_starting_with_a_full_stop() {
    // Panicked in the sentence splitter (index before the first byte).
    for text in [".", ".A", ". a.b", ".\u{2026}"] {
        assert_eq!(run("full-stop", text.as_bytes())[7], "ok", "{text:?}");
    }
}

#[test]
fn a_long_text_without_full_stops() {
    // Took time quadratic in the sentence length (158 s for 1.6 MB).
    let text = "Russia said North Korea supplied shells on Monday, officials said; ".repeat(5000);
    let row = run("no-stops", text.as_bytes());
    assert_eq!(row[7], "ok");
    assert!(row[4].parse::<usize>().unwrap() > 1, "cut into bounded sentences: {row:?}");
}

#[test]
fn odd_numbers_dates_and_quotes() {
    // Shapes the number, date and quote rules read across token edges.
    for text in [
        "- 1 4/5 , 1,3 , 22,24,26,31 , 1.1^23 , 1e400 , 9/11 , 24/7 , F-16 , .5. , 2½½",
        "from 4 to 22 this month till 31/02/2024 - 01/13/2024, since 1990 s to FY20",
        "\u{201c}\u{201c}\u{201d} \"\" ' said he. \" said , said said said\"",
        "1,000,000,000,000,000,000,000,000,000 out of 0 and a quarter of 0/0",
    ] {
        assert_eq!(run("odd", text.as_bytes())[7], "ok", "{text:?}");
    }
}

#[test]
fn repeated_rule_names_never_overlap() {
    // Found by fuzzing (fuzz/ extract): the repeats of two rule names, `J`
    // and `J.`, overlapped.
    let wd = Workdir::new("overlap");
    std::fs::write(wd.path("doc.txt"), b"Lt. J\x80Col. J.J.").unwrap();
    let out = wd.run(&["extract", "doc.txt", "--out", "out"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let mentions = rows(&wd.path("out/mentions.csv"));
    let spans: Vec<(usize, usize)> =
        mentions[1..].iter().map(|r| (r[2].parse().unwrap(), r[3].parse().unwrap())).collect();
    for w in spans.windows(2) {
        assert!(w[0].1 <= w[1].0, "overlapping mentions {spans:?}");
    }
}

#[test]
fn a_span_ending_where_a_text_of_256_bytes_ends() {
    // Character offsets are counted from a checkpoint every 256 bytes; an
    // end offset on the last checkpoint came out as 0.
    for text in [
        format!("Russia said so. {}.", "a".repeat(239)),
        format!("Kyiv said so. {}é.", "a".repeat(239)),
    ] {
        assert_eq!(text.len(), 256);
        let wd = Workdir::new("end-256");
        std::fs::write(wd.path("doc.txt"), &text).unwrap();
        let out = wd.run(&["extract", "doc.txt", "--out", "out", "--sentences"]);
        assert!(code(&out) <= 1, "{}", stderr(&out));
        let sentences = rows(&wd.path("out/sentences.csv"));
        let last = sentences.last().unwrap();
        let end = sentences[0].iter().position(|c| c == "end").unwrap();
        assert_eq!(last[end], text.chars().count().to_string(), "{sentences:?}");
    }
}
