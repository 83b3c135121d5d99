//! Opening one file or stream: gzip detection, the binary check, text
//! decoding, and handing JSONL over to the line reader.

use std::io::{self, BufReader, Read};

use flate2::read::MultiGzDecoder;

use super::jsonl::JsonlReader;
use super::{describe_io_error, Input, LOSSY_UTF8};
use crate::{Document, Origin};

/// How many leading bytes are looked at for a NUL (as git and ripgrep do).
const BINARY_WINDOW: usize = 8 * 1024;
/// Buffer size for reading JSONL lines.
const LINE_BUFFER: usize = 64 * 1024;
const GZIP_MAGIC: &[u8] = &[0x1f, 0x8b];
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// What a source holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Format {
    /// The whole source is one document.
    Text,
    /// One document per line.
    Jsonl,
    /// JSONL if the first non-space character is `{`, else text (stdin).
    Sniff,
}

/// One file or stream to read, as the walk found it.
pub(super) struct Source {
    /// The path as displayed (`-` for stdin).
    pub(super) path: String,
    /// The document id (text) or id-style name for `NAME:LINE` (JSONL).
    pub(super) id: String,
    pub(super) format: Format,
    /// The name ends in `.gz`; otherwise gzip is recognised by its magic bytes.
    pub(super) gz_name: bool,
}

/// What reading a source gives: one item, or a JSONL line reader.
pub(super) enum Opened {
    One(Input),
    Lines(JsonlReader),
}

/// Reads `raw` as `source` says. Never fails: problems become
/// [`Input::Failed`] or [`Input::Skipped`].
pub(super) fn read_source(raw: Box<dyn Read + Send>, source: Source) -> Opened {
    let Source { path, id, format, gz_name } = source;
    let magic = Sniffed::new(raw, GZIP_MAGIC.len(), |_| false);
    // An empty file is empty whatever its name says.
    let gz = magic.head.starts_with(GZIP_MAGIC) || (gz_name && !magic.head.is_empty());
    let decoded: Box<dyn Read + Send> =
        if gz { Box::new(MultiGzDecoder::new(magic)) } else { Box::new(magic) };
    // Stdin is sniffed past leading white space to find its first character.
    let mut window = Sniffed::new(decoded, BINARY_WINDOW, |head| {
        format == Format::Sniff && head.iter().all(u8::is_ascii_whitespace)
    });

    let head = &window.head[..window.head.len().min(BINARY_WINDOW)];
    if head.contains(&0) {
        let origin = Origin { path, line: None };
        return Opened::One(Input::Skipped { id, origin, reason: "binary file".to_owned() });
    }
    let format = match format {
        Format::Sniff => {
            let head = window.head.strip_prefix(BOM).unwrap_or(&window.head);
            match head.iter().find(|b| !b.is_ascii_whitespace()) {
                Some(b'{') => Format::Jsonl,
                _ => Format::Text,
            }
        }
        format => format,
    };

    if format == Format::Jsonl {
        let reader = Box::new(BufReader::with_capacity(LINE_BUFFER, window));
        return Opened::Lines(JsonlReader::new(reader, path, id, gz));
    }

    let mut bytes = Vec::new();
    let origin = Origin { path, line: None };
    if let Err(e) = window.read_to_end(&mut bytes) {
        return Opened::One(Input::Failed { id, origin, error: describe_io_error(&e, gz) });
    }
    let mut warnings = Vec::new();
    let mut text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            warnings.push(LOSSY_UTF8.to_owned());
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    Opened::One(Input::Document(Document { id, text, date: None, title: None, origin, warnings }))
}

/// A reader whose first bytes were read ahead to look at them, and are then
/// read again. An error met while reading ahead is kept and returned after
/// the bytes read before it, so a reader sees exactly what it would have.
struct Sniffed<R> {
    head: Vec<u8>,
    pos: usize,
    error: Option<io::Error>,
    inner: R,
}

impl<R: Read> Sniffed<R> {
    /// Reads ahead at least `want` bytes (fewer at the end), then more for
    /// as long as `more(head)` says so.
    fn new(mut inner: R, want: usize, more: impl Fn(&[u8]) -> bool) -> Sniffed<R> {
        let mut head = Vec::new();
        let mut error = None;
        loop {
            let need = if head.len() < want {
                want - head.len()
            } else if more(&head) {
                BINARY_WINDOW
            } else {
                break;
            };
            let before = head.len();
            match (&mut inner).take(need as u64).read_to_end(&mut head) {
                Ok(_) if head.len() - before < need => break, // end of input
                Ok(_) => {}
                Err(e) => {
                    error = Some(e);
                    break;
                }
            }
        }
        Sniffed { head, pos: 0, error, inner }
    }
}

impl<R: Read> Read for Sniffed<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pos < self.head.len() {
            let n = buf.len().min(self.head.len() - self.pos);
            buf[..n].copy_from_slice(&self.head[self.pos..self.pos + n]);
            self.pos += n;
            if self.pos == self.head.len() {
                self.head = Vec::new();
                self.pos = 0;
            }
            return Ok(n);
        }
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        self.inner.read(buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Gives `data`, then fails.
    struct Failing(io::Cursor<Vec<u8>>);

    impl Read for Failing {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match self.0.read(buf)? {
                0 => Err(io::Error::other("disk on fire")),
                n => Ok(n),
            }
        }
    }

    #[test]
    fn sniffed_reads_everything_once() {
        let data: Vec<u8> = (0..20_000u32).map(|i| (i % 251) as u8).collect();
        for want in [0, 1, 2, 8192, 30_000] {
            let mut s = Sniffed::new(io::Cursor::new(data.clone()), want, |_| false);
            let mut out = Vec::new();
            s.read_to_end(&mut out).unwrap();
            assert_eq!(out, data, "want {want}");
        }
    }

    #[test]
    fn sniffed_defers_errors() {
        let mut s = Sniffed::new(Failing(io::Cursor::new(b"abc".to_vec())), 10, |_| false);
        assert_eq!(s.head, b"abc");
        let mut out = Vec::new();
        let e = s.read_to_end(&mut out).unwrap_err();
        assert_eq!(e.to_string(), "disk on fire");
        assert_eq!(out, b"abc");
    }

    #[test]
    fn sniffed_reads_on_while_asked() {
        let mut data = vec![b' '; 20_000];
        data.push(b'{');
        let s = Sniffed::new(io::Cursor::new(data), 8192, |h| h.iter().all(|&b| b == b' '));
        assert_eq!(s.head.last(), Some(&b'{'));
    }
}
