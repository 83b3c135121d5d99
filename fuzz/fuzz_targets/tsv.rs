//! Gazetteer and relation-lexicon files as a user might write them: no
//! panic, and a file either loads or gives errors that name a line.
#![no_main]

use gazette::extract::gazetteer::GazetteerBuilder;
use gazette::extract::lexicon::Lexicon;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut b = GazetteerBuilder::new();
    b.add_file("user.tsv", &text);
    b.add_common_words(&text);
    if let Ok(g) = b.build() {
        // Matching with what was loaded must not panic either.
        let _ = g.find(&text);
    }
    match Lexicon::from_files(&[("relations.tsv", &text)]) {
        Ok(l) => {
            let _ = l.triggers(&text);
        }
        Err(errors) => assert!(!errors.to_string().is_empty()),
    }
});
