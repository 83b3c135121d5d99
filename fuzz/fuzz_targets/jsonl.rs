//! The JSONL reader: no panic, every non-blank line is one input, and a
//! failed line names its line number.
#![no_main]

use gazette::read::{jsonl, Input, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let inputs: Vec<Input> =
        jsonl(std::io::Cursor::new(data.to_vec()), "fuzz", ReadOptions::default()).collect();
    let mut body = data;
    if let Some(rest) = body.strip_prefix(b"\xEF\xBB\xBF") {
        body = rest;
    }
    let lines = body
        .split(|&b| b == b'\n')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
        .count();
    assert_eq!(inputs.len(), lines);
    for input in &inputs {
        if let Input::Failed { origin, .. } = input {
            assert!(origin.line.is_some());
        }
    }
});
