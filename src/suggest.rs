//! Names an archive uses that the gazetteers miss: what a user extending the
//! gazetteers for a new conflict needs first.
//!
//! Two sources of candidates, both counted per document: names the rules
//! found (`spokesperson Pat Ryder`, `… Brigade`, `X Oblast`), whose type is
//! known, and capitalised multi-word sequences no gazetteer entry covers,
//! whose type is guessed from their words.

use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use crate::extract::names::{guess_kind, slug, trim_sentence_start};
use crate::extract::{Extraction, Pipeline, Source, Starts};
use crate::Span;

/// Two or more capitalised words, with the small words names carry inside.
static SEQUENCE: LazyLock<Regex> = LazyLock::new(|| {
    let word = r"\p{Lu}[\p{Ll}\p{Lu}'’]*(?:-\p{L}[\p{Ll}\p{Lu}'’]*)*";
    Regex::new(&format!(r"{word}(?:[ \t]+(?:(?:of|for|the|and|al-|de|von|van|bin)[ \t]+)?{word})+"))
        .expect("sequence pattern compiles")
});

/// One candidate name and where it was seen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Candidate {
    /// The name as written (spaces normalised).
    pub name: String,
    /// `PERSON`, `ORG` or `PLACE`: known for rule names, guessed otherwise.
    pub kind: String,
    /// Whether a rule found it (rather than only its capitalisation).
    pub by_rule: bool,
    /// Documents it occurs in.
    pub documents: u64,
    /// Times it occurs.
    pub mentions: u64,
    /// The first sentence it was seen in.
    pub example: String,
}

/// Counts candidate names over documents; merge partial counts with
/// [`Suggestions::merge`].
#[derive(Clone, Debug, Default)]
pub struct Suggestions {
    names: BTreeMap<String, Candidate>,
}

impl Suggestions {
    /// An empty tally.
    pub fn new() -> Suggestions {
        Suggestions::default()
    }

    /// Adds the candidates of one document.
    pub fn add(&mut self, text: &str, x: &Extraction, pipeline: &Pipeline) {
        let mut seen: HashSet<String> = HashSet::new();
        let mut found: Vec<(String, String, bool, Span)> = Vec::new();
        for m in &x.mentions {
            if m.source == Source::Rule {
                let e = pipeline.entity(x, m.entity);
                found.push((e.name.clone(), e.kind.clone(), true, m.span));
            }
        }
        // A long document's mentions are looked up by start, not read in
        // full for each sequence (about one a sentence).
        let starts = Starts::new(&x.mentions, x.sentences.len());
        let named = |span: Span| match &starts {
            Some(starts) => starts.near(span).any(|i| x.mentions[i].span.overlaps(span)),
            None => x.mentions.iter().any(|m| m.span.overlaps(span)),
        };
        for s in &x.sentences {
            let sentence = &text[s.start..s.end];
            for m in SEQUENCE.find_iter(sentence) {
                let span =
                    trim_sentence_start(text, Span::new(s.start + m.start(), s.start + m.end()));
                let name =
                    text[span.start..span.end].split_whitespace().collect::<Vec<_>>().join(" ");
                if name.split(' ').count() < 2 || named(span) {
                    continue;
                }
                let Some(kind) = guess_kind(&name) else { continue };
                found.push((name, kind.to_string(), false, span));
            }
        }
        for (name, kind, by_rule, span) in found {
            let c = self.names.entry(name.clone()).or_insert_with(|| {
                let sentence = x.sentences.get(x.sentence_of(span.start)).copied().unwrap_or(span);
                Candidate {
                    name: name.clone(),
                    kind: kind.clone(),
                    example: text[sentence.start..sentence.end]
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                    ..Candidate::default()
                }
            });
            c.by_rule |= by_rule;
            if by_rule {
                c.kind = kind;
            }
            c.mentions += 1;
            if seen.insert(name) {
                c.documents += 1;
            }
        }
    }

    /// Adds another tally to this one (for parallel chunks).
    pub fn merge(&mut self, other: Suggestions) {
        for (name, c) in other.names {
            match self.names.get_mut(&name) {
                Some(mine) => {
                    mine.documents += c.documents;
                    mine.mentions += c.mentions;
                    if c.by_rule && !mine.by_rule {
                        mine.by_rule = true;
                        mine.kind = c.kind;
                    }
                }
                None => {
                    self.names.insert(name, c);
                }
            }
        }
    }

    /// The `n` candidates seen in most documents (then most often, then by
    /// name), skipping those seen only once.
    pub fn top(&self, n: usize) -> Vec<&Candidate> {
        let mut all: Vec<&Candidate> = self.names.values().filter(|c| c.mentions >= 2).collect();
        all.sort_by(|a, b| {
            (b.documents, b.mentions, b.by_rule)
                .cmp(&(a.documents, a.mentions, a.by_rule))
                .then(a.name.cmp(&b.name))
        });
        all.truncate(n);
        all
    }
}

/// A candidate as lines to paste into a gazetteer file: a comment with the
/// counts and the example, then the row.
///
/// ```
/// use gazette::suggest::{row, Candidate};
/// let c = Candidate { name: "Lim Eul-chul".into(), kind: "PERSON".into(), documents: 3, mentions: 5, ..Candidate::default() };
/// assert!(row(&c).ends_with("user:person:lim-eul-chul\tLim Eul-chul\tPERSON\t\t\t\n"));
/// ```
pub fn row(c: &Candidate) -> String {
    let how = if c.by_rule { "found by a rule" } else { "type guessed" };
    format!(
        "# {} documents, {} mentions, {how}: {}\nuser:{}:{}\t{}\t{}\t\t\t\n",
        c.documents,
        c.mentions,
        c.example.replace(['\t', '\n'], " "),
        c.kind.to_lowercase(),
        slug(&c.name),
        c.name,
        c.kind
    )
}
