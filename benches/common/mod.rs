//! Shared by `benches/pipeline.rs`, `examples/bench_scan.rs` and
//! `examples/bench_stages.rs` (issue 6): the news corpus, the gazetteers
//! (defaults plus an optional folder layered over them, as
//! `gazette extract --gazetteers DIR` does) and the baseline's pattern list.
#![allow(dead_code)] // each target uses a different part

use std::path::{Path, PathBuf};

use gazette::extract::gazetteer::{Gazetteer, GazetteerBuilder, COMMON_WORDS, EMBEDDED};
use gazette::extract::lexicon::Lexicon;
use gazette::read::{self, Input, ReadOptions};
use gazette::{Document, Pipeline};

// The same allocator as the `gazette` binary, so stage costs match it.
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// The corpus files measured: Reuters-21578 and BBC News (the issue's
/// "21 MB of text"), in this order.
pub const CORPUS_FILES: &[&str] = &["reuters21578.jsonl", "bbc_news_2004_2005.jsonl"];

/// `news_corpus/` under the shared directory.
pub fn corpus_dir(shared: &Path) -> PathBuf {
    shared.join("data").join("news_corpus")
}

/// The corpus's JSONL files, or a message saying which one is missing.
pub fn corpus_files(shared: &Path) -> Result<Vec<PathBuf>, String> {
    let dir = corpus_dir(shared);
    let files: Vec<PathBuf> = CORPUS_FILES.iter().map(|f| dir.join(f)).collect();
    match files.iter().find(|f| !f.is_file()) {
        Some(f) => Err(format!("{} not found", f.display())),
        None => Ok(files),
    }
}

/// Documents of the corpus in file order, stopping once their text reaches
/// `max_bytes` (documents that fail to read are left out; empty ones are
/// kept, as `gazette extract` keeps them).
pub fn load_documents(shared: &Path, max_bytes: usize) -> Result<Vec<Document>, String> {
    let files = corpus_files(shared)?;
    let inputs = read::open(&files, ReadOptions::default()).map_err(|e| e.to_string())?;
    let mut docs = Vec::new();
    let mut bytes = 0;
    for input in inputs {
        if bytes >= max_bytes {
            break;
        }
        if let Input::Document(d) = input {
            bytes += d.text.len();
            docs.push(d);
        }
    }
    Ok(docs)
}

/// Bytes of document text, the unit of every MB/s figure.
pub fn text_bytes(docs: &[Document]) -> usize {
    docs.iter().map(|d| d.text.len()).sum()
}

/// The embedded gazetteer files, then the `.tsv` files of `extra` (sorted,
/// `relations.tsv` left out), as (path, contents).
pub fn gazetteer_files(extra: Option<&Path>) -> Result<Vec<(String, String)>, String> {
    let mut files: Vec<(String, String)> =
        EMBEDDED.iter().map(|(p, d)| (p.to_string(), d.to_string())).collect();
    if let Some(dir) = extra {
        let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
            .filter(|p| p.file_name().is_some_and(|n| n != "relations.tsv"))
            .collect();
        paths.sort();
        for p in paths {
            let data = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
            files.push((p.display().to_string(), data));
        }
    }
    Ok(files)
}

/// The builder `gazette extract [--gazetteers extra]` fills.
fn builder(files: &[(String, String)]) -> GazetteerBuilder {
    let mut b = GazetteerBuilder::new();
    for (i, (path, data)) in files.iter().enumerate() {
        if i == EMBEDDED.len() {
            b.new_layer();
        }
        b.add_file(path, data);
    }
    b.add_common_words(COMMON_WORDS.1);
    b
}

/// The gazetteer `gazette extract [--gazetteers extra]` builds.
pub fn build_gazetteer(files: &[(String, String)]) -> Result<Gazetteer, String> {
    builder(files).build().map_err(|e| e.to_string())
}

/// The full pipeline over those gazetteers and the default lexicon.
pub fn build_pipeline(files: &[(String, String)]) -> Result<Pipeline, String> {
    let lexicon = Lexicon::with_defaults().map_err(|e| e.to_string())?;
    Ok(Pipeline::new(build_gazetteer(files)?, lexicon))
}

/// The surface forms the gazetteer's automaton holds, from the same
/// builder: every name, alias and demonym once, with the apostrophe and
/// hyphen variants gazette adds.
pub fn patterns(files: &[(String, String)]) -> Vec<String> {
    builder(files).patterns()
}

/// The baseline: a plain leftmost-longest aho-corasick automaton over the
/// gazetteer's patterns, with the crate's default settings otherwise.
pub fn baseline(patterns: &[String]) -> aho_corasick::AhoCorasick {
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(patterns)
        .expect("the gazetteer's patterns build an automaton")
}

/// Runs the baseline over every document; returns the match count so the
/// work cannot be optimised away.
pub fn scan(ac: &aho_corasick::AhoCorasick, docs: &[Document]) -> usize {
    docs.iter().map(|d| ac.find_iter(d.text.as_str()).count()).sum()
}

/// The examples' arguments: `[SHARED_DIR] [--gazetteers DIR]`.
pub fn args() -> (PathBuf, Option<PathBuf>) {
    let mut shared = PathBuf::from("../shared");
    let mut extra = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--gazetteers" {
            extra = Some(PathBuf::from(args.next().unwrap_or_else(|| fail("--gazetteers DIR"))));
        } else {
            shared = PathBuf::from(a);
        }
    }
    (shared, extra)
}

/// Prints `message` after the program's name and exits with status 2.
pub fn fail(message: &str) -> ! {
    let program = std::env::args().next().unwrap_or_default();
    let name = Path::new(&program).file_name().map(|n| n.to_string_lossy().into_owned());
    eprintln!("{}: {message}", name.unwrap_or_default());
    std::process::exit(2)
}

/// `docs` in consecutive batches of about [`gazette::extract::BATCH_BYTES`]
/// of text and at most [`gazette::extract::BATCH_DOCS`] documents, as
/// `gazette extract` hands them to each thread.
pub fn batches(docs: &[Document]) -> Vec<Vec<&Document>> {
    use gazette::extract::{BATCH_BYTES, BATCH_DOCS};
    let mut out: Vec<Vec<&Document>> = Vec::new();
    let mut bytes = usize::MAX;
    for d in docs {
        if bytes >= BATCH_BYTES || out.last().is_some_and(|b| b.len() >= BATCH_DOCS) {
            out.push(Vec::new());
            bytes = 0;
        }
        bytes += d.text.len();
        out.last_mut().expect("pushed above").push(d);
    }
    out
}
