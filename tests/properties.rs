//! Invariants that must hold for any input, checked on generated text: a
//! mix of news words, names from the default gazetteers, punctuation,
//! digits and arbitrary characters.

use std::sync::OnceLock;

use gazette::extract::gazetteer::GazetteerBuilder;
use gazette::extract::lexicon::Lexicon;
use gazette::extract::sentences::split;
use gazette::record::{MentionRow, RelationRow};
use gazette::write::CsvOutput;
use gazette::{Date, Document, Pipeline, Record};
use proptest::prelude::*;
use rayon::prelude::*;

use crate::util::{rows, Workdir};

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| {
        let gazetteer = GazetteerBuilder::with_defaults().build().expect("default gazetteers");
        Pipeline::new(gazetteer, Lexicon::with_defaults().expect("default lexicon"))
    })
}

/// Pieces the stages react to, so that generated text reaches them.
const PIECES: &[&str] = &[
    "Russia",
    "North Korea",
    "Kim Jong Un",
    "Vladimir Putin",
    "Kyiv",
    "said",
    "told",
    "warned",
    "supplied",
    "sent troops to",
    "attacked",
    "met",
    "President",
    "spokesperson",
    "the",
    "and",
    "of",
    "on Monday",
    "in June",
    "2024",
    "Oct. 3",
    "last week",
    "1,200",
    "six million",
    "dozens of",
    "$1.2 billion",
    "45%",
    "km",
    "\"",
    "“",
    "”",
    ",",
    ".",
    ";",
    "?",
    "!",
    "-",
    "—",
    "(",
    ")",
    "'s",
    "U.S.",
    "Mr.",
    "\n",
    "\n\n",
    " ",
    "  ",
    "\t",
    "é",
    "Київ",
    "北京",
    "🙂",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "[A-Z][a-z]{1,8}",
        1 => "[0-9]{1,6}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..80).prop_map(|pieces| {
        let mut s = String::new();
        for p in pieces {
            s.push_str(&p);
            s.push(' ');
        }
        s
    })
}

/// `record` without what a `\r` before each `\n` changes: offsets, the
/// count of characters, and the `\r`s in the texts quoted.
fn without_offsets(mut record: Record) -> Record {
    let plain = |s: &mut String| *s = s.replace('\r', "");
    record.chars = 0;
    for m in &mut record.mentions {
        (m.start, m.end) = (0, 0);
        plain(&mut m.text);
    }
    for d in &mut record.dates {
        (d.start, d.end) = (0, 0);
        plain(&mut d.text);
    }
    for q in &mut record.quantities {
        (q.start, q.end) = (0, 0);
        plain(&mut q.text);
        plain(&mut q.unit);
    }
    for r in &mut record.relations {
        plain(&mut r.object_text);
        r.evidence = r.evidence.replace('\r', "").into();
    }
    for s in &mut record.sentences {
        (s.start, s.end) = (0, 0);
        plain(&mut s.text);
    }
    record
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn sentences_tile_the_text(text in text()) {
        let spans = split(&text);
        let mut last = 0;
        for s in &spans {
            prop_assert!(s.start >= last && s.start < s.end, "{spans:?}");
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            let piece = &text[s.start..s.end];
            prop_assert_eq!(piece, piece.trim());
            prop_assert!(text[last..s.start].trim().is_empty(), "a gap holds text");
            last = s.end;
        }
        prop_assert!(text[last..].trim().is_empty());
    }

    #[test]
    fn spans_are_on_char_boundaries_and_mentions_never_overlap(text in text()) {
        let p = pipeline();
        let x = p.extract(&Document::new("t", text.as_str()), Date::new(2024, 10, 15));
        let spans = x
            .mentions
            .iter()
            .map(|m| m.span)
            .chain(x.dates.iter().map(|d| d.span))
            .chain(x.quantities.iter().map(|q| q.found.span))
            .chain(x.relations.iter().flat_map(|r| [r.verb, r.object_text]));
        for s in spans {
            prop_assert!(text.get(s.start..s.end).is_some(), "{s:?}");
        }
        for w in x.mentions.windows(2) {
            prop_assert!(w[0].span.end <= w[1].span.start, "{:?} overlaps {:?}", w[0], w[1]);
        }
        for r in &x.relations {
            prop_assert!(r.subject < x.mentions.len());
            prop_assert!(r.object.is_none_or(|o| o < x.mentions.len()));
        }
        // The record's character offsets point at the same text.
        let record = Record::new("t", "", &text, &[], &x, p, true);
        let chars: Vec<char> = text.chars().collect();
        let slice = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
        for m in &record.mentions {
            prop_assert_eq!(slice(m.start, m.end), m.text.clone());
        }
        for d in &record.dates {
            prop_assert_eq!(slice(d.start, d.end), d.text.clone());
        }
        for s in &record.sentences {
            prop_assert_eq!(slice(s.start, s.end), s.text.clone());
        }
    }

    #[test]
    fn the_same_at_one_and_two_threads(texts in proptest::collection::vec(text(), 1..12)) {
        let p = pipeline();
        let run = |threads: usize| -> Vec<Record> {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            pool.install(|| {
                texts
                    .par_iter()
                    .enumerate()
                    .map(|(i, t)| {
                        let doc = Document::new(i.to_string(), t.as_str());
                        let x = p.extract(&doc, Date::new(2024, 10, 15));
                        Record::new(&doc.id, "", t, &[], &x, p, false)
                    })
                    .collect()
            })
        };
        prop_assert_eq!(run(1), run(2));
    }

    #[test]
    fn windows_line_ends_change_no_row(text in text()) {
        // A `\r` of the text's own would become `\r\r\n`: another text.
        prop_assume!(!text.contains('\r'));
        let p = pipeline();
        let rows = |text: &str| {
            let x = p.extract(&Document::new("t", text), Date::new(2024, 10, 15));
            without_offsets(Record::new("t", "", text, &[], &x, p, true))
        };
        // The spaces made line breaks too: names and phrases across lines.
        for text in [text.clone(), text.replace(' ', "\n")] {
            prop_assert_eq!(rows(&text.replace('\n', "\r\n")), rows(&text));
        }
    }

    #[test]
    fn csv_cells_round_trip(cells in proptest::collection::vec(any::<String>(), 4)) {
        let wd = Workdir::new("prop-csv");
        let record = Record {
            doc_id: cells[0].clone(),
            title: cells[1].clone(),
            status: "ok".into(),
            mentions: vec![MentionRow {
                text: cells[2].clone(),
                entity: cells[3].clone(),
                ..MentionRow::default()
            }],
            relations: vec![RelationRow {
                subject: cells[2].clone(),
                object: cells[3].clone(),
                evidence: cells[1].as_str().into(),
                ..RelationRow::default()
            }],
            ..Record::default()
        };
        let mut out = CsvOutput::create(&wd.dir, false, false).unwrap();
        out.write(&record).unwrap();
        out.finish().unwrap();
        // What a spreadsheet would run gets a leading quote; all else is as written.
        let guarded = |s: &str| {
            if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() }
        };
        let docs = rows(&wd.path("documents.csv"));
        prop_assert_eq!(&docs[1][0], &guarded(&cells[0]));
        prop_assert_eq!(&docs[1][2], &guarded(&cells[1]));
        let mentions = rows(&wd.path("mentions.csv"));
        prop_assert_eq!(&mentions[1][4], &guarded(&cells[2]));
        prop_assert_eq!(&mentions[1][6], &guarded(&cells[3]));
        let relations = rows(&wd.path("relations.csv"));
        prop_assert_eq!(&relations[1][14], &guarded(&cells[1]));
    }
}
