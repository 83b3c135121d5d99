//! The CSVs for each fixture folder, byte for byte.

use crate::eqnice;
use crate::util::{code, fixture, stderr, Workdir};

const FILES: &[&str] =
    &["documents", "mentions", "dates", "quantities", "relations", "entities", "edges"];

fn golden(case: &str, inputs: &[&str]) {
    let wd = Workdir::new(case);
    let mut args = vec!["extract"];
    let paths: Vec<String> = inputs.iter().map(|p| fixture(p).display().to_string()).collect();
    args.extend(paths.iter().map(String::as_str));
    args.extend(["--date", "2024-10-15", "--out", "out", "-q"]);
    let out = wd.run(&args);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let expected = fixture("expected").join(case);
    for name in FILES {
        let got = wd.read(&format!("out/{name}.csv"));
        let path = expected.join(format!("{name}.csv"));
        if std::env::var_os("GAZETTE_BLESS").is_some() {
            std::fs::create_dir_all(&expected).unwrap();
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (run GAZETTE_BLESS=1 cargo test)", path.display()));
        eqnice!(want, got, format!("{case}/{name}.csv"));
    }
}

#[test]
fn news() {
    golden("news", &["news"]);
}

#[test]
fn seed() {
    golden("seed", &["seed/seed.txt"]);
}
