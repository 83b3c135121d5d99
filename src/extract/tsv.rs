//! The TSV dialect shared by gazetteer and lexicon files: `#` comments, a
//! header row, tab-separated cells, no quoting.
//!
//! One reader for both file kinds, so users meet the same rules and the same
//! messages in both.

use crate::LoadError;

/// A data row with its 1-based line number, cells addressed by header name.
pub(crate) struct Row<'a> {
    pub line: usize,
    cells: Vec<&'a str>,
    header: &'a [String],
}

impl<'a> Row<'a> {
    /// The trimmed cell under `column`, empty when the file has no such column.
    pub fn get(&self, column: &str) -> &'a str {
        self.at(self.header.iter().position(|h| h == column))
    }

    /// The trimmed cell at `index` (from [`Table::column`]), empty for `None`.
    pub fn at(&self, index: Option<usize>) -> &'a str {
        index.map_or("", |i| self.cells[i].trim())
    }
}

/// A parsed file: its header and the rows that had the right number of
/// cells, borrowed from the file's text.
pub(crate) struct Table<'a> {
    pub header: Vec<String>,
    rows: Vec<(usize, &'a str)>,
}

impl<'a> Table<'a> {
    /// Parses `data`, checking the header holds `required` columns and every
    /// row has as many cells as the header. Problems go to `errors`; rows
    /// with problems are left out.
    pub fn parse(
        path: &str,
        data: &'a str,
        required: &[&str],
        errors: &mut Vec<LoadError>,
    ) -> Table<'a> {
        let mut header: Option<Vec<String>> = None;
        let mut rows = Vec::new();
        for (i, raw) in data.lines().enumerate() {
            let line = i + 1;
            let text = raw.strip_prefix('\u{feff}').unwrap_or(raw).trim_end_matches('\r');
            if text.trim().is_empty() || text.starts_with('#') {
                continue;
            }
            let Some(header) = &header else {
                let names: Vec<String> = text.split('\t').map(|c| c.trim().to_string()).collect();
                for column in required {
                    if !names.iter().any(|n| n == column) {
                        errors.push(LoadError::new(
                            path,
                            line,
                            format!(
                                "header has no `{column}` column (expected {})",
                                required.join(", ")
                            ),
                        ));
                    }
                }
                header = Some(names);
                continue;
            };
            let found = cells(text).count();
            if found != header.len() {
                errors.push(LoadError::new(
                    path,
                    line,
                    format!("expected {} tab-separated columns, found {found}", header.len()),
                ));
                continue;
            }
            rows.push((line, text));
        }
        if header.is_none() {
            errors.push(LoadError::new(path, 0, "no header row"));
        }
        Table { header: header.unwrap_or_default(), rows }
    }

    /// The index of `column` in the header: looked up once, then read with
    /// [`Row::at`] on every row of a large file.
    pub fn column(&self, column: &str) -> Option<usize> {
        self.header.iter().position(|h| h == column)
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// The rows, in file order.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        (0..self.len()).map(|i| self.row(i))
    }

    /// Row `i` (below [`Table::len`]).
    pub fn row(&self, i: usize) -> Row<'_> {
        let (line, text) = self.rows[i];
        Row { line, cells: cells(text).collect(), header: &self.header }
    }
}

/// The tab-separated cells of a line. A byte search: `str::split('\t')`
/// costs a `memcmp` call per tab, which shows on a million-row file.
fn cells(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == b'\t') {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// Splits a `|`-separated list cell, dropping empty items.
pub(crate) fn list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split('|').map(str::trim).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_column_count_with_line() {
        let mut errors = Vec::new();
        let t = Table::parse("x.tsv", "# c\nid\tname\n\na\tb\nc\n", &["id", "name"], &mut errors);
        assert_eq!(t.rows().count(), 1);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].to_string(), "x.tsv:5: expected 2 tab-separated columns, found 1");
    }

    #[test]
    fn missing_header_column() {
        let mut errors = Vec::new();
        Table::parse("x.tsv", "id\tnom\n", &["id", "name"], &mut errors);
        assert!(errors[0].to_string().starts_with("x.tsv:1: header has no `name` column"));
    }

    #[test]
    fn cells_by_name() {
        let mut errors = Vec::new();
        let t = Table::parse("x.tsv", "name\tid\r\n b \ta\r\n", &["id"], &mut errors);
        let row = t.rows().next().unwrap();
        assert_eq!((row.get("id"), row.get("name"), row.get("other")), ("a", "b", ""));
        assert!(errors.is_empty());
    }
}
