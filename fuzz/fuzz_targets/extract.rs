//! The whole pipeline on one document: no panic, and every span it
//! returns is a slice of the text.
#![no_main]

use std::sync::OnceLock;

use gazette::extract::gazetteer::GazetteerBuilder;
use gazette::extract::lexicon::Lexicon;
use gazette::{Date, Document, Pipeline, Record};
use libfuzzer_sys::fuzz_target;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| {
        let gazetteer = GazetteerBuilder::with_defaults().build().expect("default gazetteers");
        Pipeline::new(gazetteer, Lexicon::with_defaults().expect("default lexicon"))
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let p = pipeline();
    let x = p.extract(&Document::new("fuzz", text.as_ref()), Date::new(2024, 10, 15));
    for m in &x.mentions {
        assert!(text.get(m.span.start..m.span.end).is_some());
    }
    for w in x.mentions.windows(2) {
        assert!(w[0].span.end <= w[1].span.start);
    }
    let record = Record::new("fuzz", "", &text, &[], &x, p, true);
    assert_eq!(record.mentions.len(), x.mentions.len());
});
