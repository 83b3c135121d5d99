//! `extract --stream`: JSONL on stdin, one record a line on stdout.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::util::{code, stderr, Workdir};

const LINES: &str = concat!(
    "{\"id\": \"a\", \"date\": \"2024-11-04\", \"text\": \"Russia said North Korea sent troops to Kursk.\"}\n",
    "not json\n",
    "{\"id\": \"b\", \"text\": 5}\n",
    "\n",
    "{\"id\": \"c\", \"text\": \"Kyiv said on Monday it had shot down 40 drones.\"}\n",
);

#[test]
fn stream_writes_one_record_per_line_in_order() {
    let wd = Workdir::new("stream");
    let mut child = Command::new(env!("CARGO_BIN_EXE_gazette"))
        .current_dir(&wd.dir)
        .args(["extract", "--stream", "--date", "2024-10-15", "-j", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(LINES.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(code(&out), 0, "exit 0 at the end of input: {}", stderr(&out));
    let stdout = String::from_utf8(out.stdout.clone()).unwrap();
    let records: Vec<serde_json::Value> =
        stdout.lines().map(|l| serde_json::from_str(l).expect("only JSON on stdout")).collect();
    let field = |r: &serde_json::Value, k: &str| r[k].as_str().unwrap_or("").to_string();
    let ids: Vec<String> = records.iter().map(|r| field(r, "doc_id")).collect();
    assert_eq!(ids, ["a", "stdin:2", "b", "c"]);
    let statuses: Vec<String> = records.iter().map(|r| field(r, "status")).collect();
    assert_eq!(statuses, ["ok", "error", "error", "ok"]);
    assert!(field(&records[1], "error").contains("invalid JSON"));
    assert_eq!(field(&records[0], "date"), "2024-11-04");
    assert!(!records[0]["relations"].as_array().unwrap().is_empty());
    assert!(stderr(&out).contains("stdin:2: invalid JSON"), "{}", stderr(&out));

    // seq is the line number; extract counts documents, not lines.
    let seqs: Vec<u64> = records.iter().map(|r| r["seq"].as_u64().unwrap()).collect();
    assert_eq!(seqs, [1, 2, 3, 5]);

    // The same records as --format jsonl over the same lines in a file,
    // but for the ids of failed lines, which name the file, and seq.
    std::fs::write(wd.path("in.jsonl"), LINES).unwrap();
    let out =
        wd.run(&["extract", "in.jsonl", "--format", "jsonl", "--out", "o", "--date", "2024-10-15"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let file = wd.read("o/documents.jsonl");
    let without_seq = |line: &str| {
        let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
        v.as_object_mut().unwrap().remove("seq");
        v
    };
    for (a, b) in stdout.lines().zip(file.lines()) {
        if !a.contains("\"status\":\"error\"") {
            assert_eq!(without_seq(a), without_seq(b));
        }
    }
}

#[test]
fn stream_takes_no_inputs_or_out() {
    let wd = Workdir::new("stream-args");
    let out = wd.run(&["extract", "--stream", "x.txt"]);
    assert_eq!(code(&out), 2);
    let out = wd.run(&["extract", "--stream", "--out", "o"]);
    assert_eq!(code(&out), 2);
}

/// A feed that pauses gets the records of the lines it has sent: the run
/// does not wait for a batch's worth of documents, which a slow feed may
/// take hours to send. (The timeout only keeps a failing run from hanging
/// the test; before the fix the record came at the end of the input.)
#[test]
fn stream_writes_each_record_while_the_input_is_open() {
    use std::io::BufRead;
    use std::time::Duration;
    let wd = Workdir::new("stream-live");
    let mut child = Command::new(env!("CARGO_BIN_EXE_gazette"))
        .current_dir(&wd.dir)
        .args(["extract", "--stream", "--date", "2024-10-15"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (lines, line) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for l in std::io::BufReader::new(stdout).lines() {
            if lines.send(l.unwrap()).is_err() {
                break;
            }
        }
    });
    let doc = |id: &str| {
        format!(
            "{{\"id\": \"{id}\", \"text\": \"Russia said North Korea sent troops to Kursk.\"}}\n"
        )
    };
    let wait = Duration::from_secs(300);
    for id in ["a", "b"] {
        stdin.write_all(doc(id).as_bytes()).unwrap();
        stdin.flush().unwrap();
        let record = line.recv_timeout(wait);
        let record: serde_json::Value = match record {
            Ok(r) => serde_json::from_str(&r).unwrap(),
            Err(_) => {
                let _ = child.kill();
                panic!("no record for {id} while the input stays open");
            }
        };
        assert_eq!(record["doc_id"], id);
        assert_eq!(record["status"], "ok");
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
    assert!(line.recv_timeout(wait).is_err(), "nothing more after the end of input");
}
