//! JSON Lines: one document per non-empty line, read line by line so that
//! memory holds one line at a time however long the file is.

use std::borrow::Cow;
use std::io::BufRead;

use serde_json::Value;

use super::{describe_io_error, Input, ReadOptions, LOSSY_UTF8};
use crate::{Date, Document, Origin};

/// Longest field value quoted in full in a warning; longer ones are cut.
const QUOTE_MAX: usize = 60;

/// Streams the lines of one JSONL file (or stdin) as [`Input`]s.
pub(super) struct JsonlReader {
    reader: Box<dyn BufRead + Send>,
    /// The file as displayed, for [`Origin::path`].
    path: String,
    /// The file's id-style name, for `FILE:LINE` ids.
    name: String,
    /// Whether the bytes are gunzipped, to explain read errors.
    gz: bool,
    /// Number of the last line read (1-based).
    line: u64,
    /// Each line starts with its number in the original file and a tab.
    numbered: bool,
    buf: Vec<u8>,
    done: bool,
}

impl JsonlReader {
    pub(super) fn new(
        reader: Box<dyn BufRead + Send>,
        path: String,
        name: String,
        gz: bool,
    ) -> JsonlReader {
        JsonlReader {
            reader,
            path,
            name,
            gz,
            line: 0,
            numbered: false,
            buf: Vec::new(),
            done: false,
        }
    }

    /// Reads lines of the form `NUMBER<TAB>JSON` (see [`super::numbered_jsonl`]).
    pub(super) fn numbered(mut self) -> JsonlReader {
        self.numbered = true;
        self
    }

    /// The next document or failed line; `None` at the end of the file or
    /// after a read error (which is itself reported once, as `Failed`).
    pub(super) fn next_input(&mut self, options: &ReadOptions) -> Option<Input> {
        while !self.done {
            if self.buf.capacity() > 1 << 20 {
                // Do not keep one huge line's allocation for the whole file.
                self.buf = Vec::new();
            }
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => self.done = true,
                Ok(_) => {
                    self.line += 1;
                    let mut bytes = self.buf.as_slice();
                    bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
                    bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
                    if self.line == 1 {
                        bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
                    }
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    if !self.numbered {
                        return Some(parse_line(bytes, self.line, &self.path, &self.name, options));
                    }
                    let Some((line, mut bytes)) = split_number(bytes) else {
                        let line = self.line;
                        return Some(Input::Failed {
                            id: format!("stdin:{line}"),
                            origin: Origin { path: "stdin".to_owned(), line: Some(line) },
                            error: format!("line {line}: no line number and tab before the JSON"),
                        });
                    };
                    if line == 1 {
                        bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
                    }
                    // A blank line of the original file, as `extract` skips it.
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(parse_line(bytes, line, &self.path, &self.name, options));
                }
                Err(e) => {
                    // What was read of the broken line is dropped.
                    self.done = true;
                    let line = self.line + 1;
                    return Some(Input::Failed {
                        id: format!("{}:{}", self.name, line),
                        origin: Origin { path: self.path.clone(), line: Some(line) },
                        error: format!("line {line}: {}", describe_io_error(&e, self.gz)),
                    });
                }
            }
        }
        None
    }
}

/// `17\t{…}` → (17, `{…}`); None without a decimal number and a tab.
fn split_number(bytes: &[u8]) -> Option<(u64, &[u8])> {
    let tab = bytes.iter().position(|&b| b == b'\t')?;
    let digits = &bytes[..tab];
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = std::str::from_utf8(digits).ok()?.parse().ok()?;
    Some((n, &bytes[tab + 1..]))
}

/// Turns one non-blank line (without its line break) into an [`Input`].
///
/// `path` is the file as displayed, `name` its id-style name used for
/// `NAME:LINE` ids when the line has no id of its own.
pub(super) fn parse_line(
    bytes: &[u8],
    line: u64,
    path: &str,
    name: &str,
    options: &ReadOptions,
) -> Input {
    let origin = Origin { path: path.to_owned(), line: Some(line) };
    let fallback_id = || format!("{name}:{line}");
    let mut warnings = Vec::new();

    let json: Cow<'_, str> = match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => {
            warnings.push(LOSSY_UTF8.to_owned());
            String::from_utf8_lossy(bytes)
        }
    };
    let mut map = match serde_json::from_str::<Value>(&json) {
        Ok(Value::Object(map)) => map,
        Ok(other) => {
            return Input::Failed {
                id: fallback_id(),
                origin,
                error: format!("line {line}: not a JSON object but {}", kind_of(&other)),
            }
        }
        Err(e) => {
            return Input::Failed {
                id: fallback_id(),
                origin,
                error: format!("line {line}: invalid JSON: {}", json_error(&e)),
            }
        }
    };
    drop(json);

    let id = match map.get(&options.id_field) {
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        None | Some(Value::Null) | Some(Value::String(_)) => fallback_id(),
        Some(_) => {
            warnings.push(format!("field \"{}\" is not a string or number", options.id_field));
            fallback_id()
        }
    };

    let date = match map.get(&options.date_field) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.trim().is_empty() => None,
        Some(value) => {
            let parsed = match value {
                Value::String(s) => Date::parse(s),
                _ => None,
            };
            if parsed.is_none() {
                let shown = match value {
                    Value::String(s) => quote(s),
                    other => Cow::Owned(quote(&other.to_string()).into_owned()),
                };
                warnings
                    .push(format!("unrecognised date \"{shown}\" in field {}", options.date_field));
            }
            parsed
        }
    };

    let title = match map.get(&options.title_field) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.is_empty() => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => {
            warnings.push(format!("field \"{}\" is not a string", options.title_field));
            None
        }
    };

    // Taken last and by value: the text is the large part of the line.
    let text = match map.remove(&options.text_field) {
        Some(Value::String(text)) => text,
        None => {
            return Input::Failed {
                id,
                origin,
                error: format!("line {line}: no \"{}\" field", options.text_field),
            }
        }
        Some(_) => {
            return Input::Failed {
                id,
                origin,
                error: format!("line {line}: field \"{}\" is not a string", options.text_field),
            }
        }
    };

    Input::Document(Document { id, text, date, title, origin, warnings })
}

/// A serde_json error without its "at line 1 column N" (every parse here is
/// one line), with the column kept.
fn json_error(e: &serde_json::Error) -> String {
    let message = e.to_string();
    match message.rfind(" at line ") {
        Some(at) => format!("{} (column {})", &message[..at], e.column()),
        None => message,
    }
}

/// "an array", "a string" …, for messages.
fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// `s`, cut to [`QUOTE_MAX`] characters with `…` if longer.
fn quote(s: &str) -> Cow<'_, str> {
    match s.char_indices().nth(QUOTE_MAX) {
        Some((cut, _)) => Cow::Owned(format!("{}…", &s[..cut])),
        None => Cow::Borrowed(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Input {
        parse_line(line.as_bytes(), 7, "in/articles.jsonl", "articles", &ReadOptions::default())
    }

    fn failed(input: Input) -> (String, String) {
        match input {
            Input::Failed { id, error, origin } => {
                assert_eq!(origin.line, Some(7));
                (id, error)
            }
            other => panic!("expected Failed, got {other:?}"),
        }
    }

    fn document(input: Input) -> Document {
        match input {
            Input::Document(doc) => doc,
            other => panic!("expected Document, got {other:?}"),
        }
    }

    #[test]
    fn full_line() {
        let doc = document(parse(
            r#"{"id": "a1", "text": "Hello.", "date": "2024-10-15T08:00:00", "title": "Hi", "x": 1}"#,
        ));
        assert_eq!(doc.id, "a1");
        assert_eq!(doc.text, "Hello.");
        assert_eq!(doc.date, Date::new(2024, 10, 15));
        assert_eq!(doc.title.as_deref(), Some("Hi"));
        assert_eq!(doc.origin, Origin { path: "in/articles.jsonl".into(), line: Some(7) });
        assert!(doc.warnings.is_empty());
    }

    #[test]
    fn ids() {
        let table = [
            (r#"{"id": 42, "text": ""}"#, "42"),
            (r#"{"id": -3, "text": ""}"#, "-3"),
            (r#"{"id": 1.5, "text": ""}"#, "1.5"),
            (r#"{"text": ""}"#, "articles:7"),
            (r#"{"id": null, "text": ""}"#, "articles:7"),
            (r#"{"id": "  ", "text": ""}"#, "articles:7"),
            (r#"{"id": [1], "text": ""}"#, "articles:7"),
        ];
        for (line, id) in table {
            assert_eq!(document(parse(line)).id, id, "{line}");
        }
        let doc = document(parse(r#"{"id": {}, "text": ""}"#));
        assert_eq!(doc.warnings, ["field \"id\" is not a string or number"]);
    }

    #[test]
    fn errors() {
        let table = [
            (
                r#"{"id": "a", "text": "#,
                "articles:7",
                "line 7: invalid JSON: EOF while parsing a value (column 20)",
            ),
            ("not json", "articles:7", "line 7: invalid JSON: expected ident (column 2)"),
            (r#"{"a":1} x"#, "articles:7", "line 7: invalid JSON: trailing characters (column 9)"),
            ("[1, 2]", "articles:7", "line 7: not a JSON object but an array"),
            (r#""text""#, "articles:7", "line 7: not a JSON object but a string"),
            (r#"{"id": "a"}"#, "a", "line 7: no \"text\" field"),
            (r#"{"text": 5}"#, "articles:7", "line 7: field \"text\" is not a string"),
            (r#"{"id": 9, "text": null}"#, "9", "line 7: field \"text\" is not a string"),
        ];
        for (line, id, error) in table {
            assert_eq!(failed(parse(line)), (id.to_owned(), error.to_owned()), "{line}");
        }
    }

    #[test]
    fn dates_and_titles() {
        let doc = document(parse(r#"{"text": "", "date": "15/10/2024", "title": 3}"#));
        assert_eq!(doc.date, None);
        assert_eq!(doc.title, None);
        assert_eq!(
            doc.warnings,
            ["unrecognised date \"15/10/2024\" in field date", "field \"title\" is not a string"]
        );
        let doc = document(parse(r#"{"text": "", "date": 20241015}"#));
        assert_eq!(doc.warnings, ["unrecognised date \"20241015\" in field date"]);
        let doc = document(parse(r#"{"text": "", "date": "", "title": null}"#));
        assert!(doc.warnings.is_empty());
        assert_eq!((doc.date, doc.title), (None, None));
        let long = "x".repeat(100);
        let doc = document(parse(&format!(r#"{{"text": "", "date": "{long}"}}"#)));
        let expected = format!("unrecognised date \"{}…\" in field date", "x".repeat(QUOTE_MAX));
        assert_eq!(doc.warnings, [expected]);
    }

    #[test]
    fn custom_fields() {
        let options = ReadOptions {
            id_field: "uid".into(),
            text_field: "body".into(),
            date_field: "published".into(),
            title_field: "headline".into(),
        };
        let line = r#"{"uid": "u", "body": "B", "published": "2024-01-02", "headline": "H", "text": "no"}"#;
        let doc = document(parse_line(line.as_bytes(), 1, "f", "f", &options));
        assert_eq!(doc.id, "u");
        assert_eq!(doc.text, "B");
        assert_eq!(doc.date, Date::new(2024, 1, 2));
        assert_eq!(doc.title.as_deref(), Some("H"));
        let input = parse_line(br#"{"text": "T"}"#, 3, "f", "f", &options);
        assert!(
            matches!(input, Input::Failed { ref error, .. } if error == "line 3: no \"body\" field")
        );
        let bad = parse_line(br#"{"text": "T", "published": "x"}"#, 3, "f", "f", &options);
        assert!(matches!(bad, Input::Failed { ref id, .. } if id == "f:3"));
    }

    #[test]
    fn same_field_for_id_and_text() {
        let options = ReadOptions { id_field: "text".into(), ..ReadOptions::default() };
        let doc = document(parse_line(br#"{"text": "T"}"#, 1, "f", "f", &options));
        assert_eq!((doc.id.as_str(), doc.text.as_str()), ("T", "T"));
    }

    #[test]
    fn line_numbers() {
        assert_eq!(split_number(b"17\t{}"), Some((17, &b"{}"[..])));
        assert_eq!(split_number(b"3\t"), Some((3, &b""[..])));
        assert_eq!(split_number(b"3\t\t{}"), Some((3, &b"\t{}"[..])));
        for bad in
            [&b"{}"[..], b"\t{}", b"+3\t{}", b" 3\t{}", b"3 \t{}", b"99999999999999999999\t{}"]
        {
            assert_eq!(split_number(bad), None, "{:?}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn invalid_utf8_in_line() {
        let line = b"{\"id\": \"a\", \"text\": \"caf\xE9 au lait\"}";
        let doc = document(parse_line(line, 7, "p", "n", &ReadOptions::default()));
        assert_eq!(doc.text, "caf\u{FFFD} au lait");
        assert_eq!(doc.warnings, [LOSSY_UTF8]);
    }
}
