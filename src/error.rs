//! Errors of the library, each naming the file and line it is about.

use std::fmt;

/// A problem in a gazetteer or lexicon file, with its place.
///
/// Displays as `gazetteers/people.tsv:12: expected 6 columns, found 5`, the
/// shape compilers and ripgrep use, so editors can jump to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// The file as the user knows it (`gazetteers/people.tsv` for embedded ones).
    pub path: String,
    /// 1-based line number, 0 when the problem concerns the whole file.
    pub line: usize,
    /// What is wrong and, where possible, how to fix it.
    pub message: String,
}

impl LoadError {
    pub(crate) fn new(path: &str, line: usize, message: impl Into<String>) -> LoadError {
        LoadError { path: path.to_string(), line, message: message.into() }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path, self.message)
        } else {
            write!(f, "{}:{}: {}", self.path, self.line, self.message)
        }
    }
}

impl std::error::Error for LoadError {}

/// Every problem found while loading gazetteers and lexicons, so that a user
/// sees them all at once instead of fixing one per run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoadErrors(pub Vec<LoadError>);

impl fmt::Display for LoadErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadErrors {}
