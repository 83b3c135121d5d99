//! Compiles the date rules into dense DFAs ahead of time (see
//! `src/extract/dates/patterns.rs`). Built lazily, their states cost each
//! thread about 0.08 s on the first megabytes of an archive; built here, a
//! run only checks and loads them.

use std::path::PathBuf;

use regex_automata::dfa::{dense, regex::Builder};

#[path = "extract/dates/patterns.rs"]
#[allow(dead_code)]
mod patterns;

fn main() {
    println!("cargo::rerun-if-changed=src/build.rs");
    println!("cargo::rerun-if-changed=src/extract/dates/patterns.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for (name, patterns) in [("main", patterns::build_main()), ("extra", patterns::build_extra())] {
        // The same syntax and leftmost-first search as the lazy DFA they
        // stand in for; no size limit, as the rules are fixed. Minimized,
        // they take 6.4 MB instead of 11.5 (about 2 s more to build).
        let re = Builder::new()
            .dense(
                dense::Config::new()
                    .minimize(true)
                    .dfa_size_limit(None)
                    .determinize_size_limit(None),
            )
            .build_many(&patterns)
            .expect("the date rules compile to a DFA");
        for (dir, dfa) in [("fwd", re.forward()), ("rev", re.reverse())] {
            // In the target's byte order, which may not be this machine's.
            let (bytes, pad) = match std::env::var("CARGO_CFG_TARGET_ENDIAN").as_deref() {
                Ok("big") => dfa.to_bytes_big_endian(),
                _ => dfa.to_bytes_little_endian(),
            };
            let path = out.join(format!("dates_{name}.{dir}.dfa"));
            std::fs::write(&path, &bytes[pad..]).expect("OUT_DIR is writable");
        }
    }
}
