//! A fresh folder per test and a way to run the binary in it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A path under `fixtures/`.
pub fn fixture(path: &str) -> PathBuf {
    root().join("fixtures").join(path)
}

/// An empty folder of the test's own under the target directory.
pub struct Workdir {
    pub dir: PathBuf,
}

impl Workdir {
    pub fn new(name: &str) -> Workdir {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, Ordering::SeqCst);
        let dir =
            root().join("target").join("it").join(format!("{name}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Workdir { dir }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// Runs `gazette` with `args` in this folder.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_gazette"))
            .current_dir(&self.dir)
            .args(args)
            .output()
            .expect("the gazette binary runs")
    }

    pub fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.path(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }
}

/// Exit code, panicking with stderr if the process was killed.
pub fn code(out: &Output) -> i32 {
    out.status.code().unwrap_or_else(|| panic!("killed: {}", String::from_utf8_lossy(&out.stderr)))
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Rows of a CSV file as vectors of cells (header included).
pub fn rows(path: &Path) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new().has_headers(false).from_path(path).unwrap();
    r.records().map(|rec| rec.unwrap().iter().map(String::from).collect()).collect()
}

/// Asserts two texts are equal, printing both between rulers if not.
#[macro_export]
macro_rules! eqnice {
    ($expected:expr, $got:expr, $what:expr) => {{
        let (expected, got) = (&$expected, &$got);
        if expected != got {
            panic!(
                "\n{} differs\n== expected ==\n{}\n== got ==\n{}\n== end ==\n",
                $what, expected, got
            );
        }
    }};
}
