//! Several sets of fixed strings found in one pass over a text: the words
//! the name rules and the relation lexicon look for. Each set gets exactly
//! the matches a leftmost-longest scan for that set alone would give, for
//! the cost of one scan instead of one per set.

use std::cmp::Reverse;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// A match of a set's pattern: its index in that set, and its bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Index of the pattern in its set.
    pub pattern: usize,
}

/// Which set a pattern of the shared automaton belongs to.
#[derive(Clone, Copy, Debug)]
struct Owner {
    set: usize,
    pattern: usize,
    /// Case matters: the automaton ignores ASCII case, so a match is kept
    /// only if its bytes are the pattern's.
    exact: bool,
}

/// Sets of fixed strings, searched together.
///
/// ```
/// use gazette::extract::fixed::FixedStrings;
///
/// let titles = ["minister".to_string(), "prime minister".to_string()];
/// let heads = ["Bank".to_string()];
/// let fixed = FixedStrings::new(&[(&titles, true), (&heads, false)]);
/// let hits = fixed.find("Prime Minister of the bank and the World Bank");
/// assert_eq!(hits[0].len(), 1); // "Prime Minister", the longest
/// assert_eq!((hits[0][0].start, hits[0][0].end, hits[0][0].pattern), (0, 14, 1));
/// assert_eq!(hits[1].len(), 1); // "Bank", not "bank": case matters there
/// ```
#[derive(Clone, Debug)]
pub struct FixedStrings {
    automaton: AhoCorasick,
    owners: Vec<Owner>,
    patterns: Vec<String>,
    sets: usize,
}

impl FixedStrings {
    /// `sets`: each a list of patterns and whether ASCII case is ignored.
    pub fn new(sets: &[(&[String], bool)]) -> FixedStrings {
        let mut owners = Vec::new();
        let mut patterns = Vec::new();
        for (set, (list, ignore_case)) in sets.iter().enumerate() {
            for (pattern, p) in list.iter().enumerate() {
                owners.push(Owner { set, pattern, exact: !ignore_case });
                patterns.push(p.clone());
            }
        }
        // Every occurrence of every pattern: each set then picks its own
        // leftmost-longest matches among them.
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("fixed strings are plain strings");
        FixedStrings { automaton, owners, patterns, sets: sets.len() }
    }

    /// For each set, in order, its leftmost-longest non-overlapping matches
    /// in `text`: the longest of those starting leftmost, then the same
    /// after its end; of equal ones, the pattern listed first.
    ///
    /// A line break or tab in the text matches a pattern's space, as a
    /// space does: archives wrap lines inside phrases (`according\nto`),
    /// and a Windows line end (`\r\n`) is one break.
    pub fn find(&self, text: &str) -> Vec<Vec<Hit>> {
        let mut found: Vec<Vec<Hit>> = vec![Vec::new(); self.sets];
        let text = text.as_bytes();
        let spaced = Spaced::new(text);
        let hay = spaced.as_ref().map_or(text, |s| &s.bytes[..]);
        for m in self.automaton.find_overlapping_iter(hay) {
            let id = m.pattern().as_usize();
            let owner = self.owners[id];
            if owner.exact && hay[m.start()..m.end()] != *self.patterns[id].as_bytes() {
                continue;
            }
            let (start, end) = Spaced::offsets(&spaced, m.start(), m.end());
            found[owner.set].push(Hit { start, end, pattern: owner.pattern });
        }
        for hits in &mut found {
            hits.sort_unstable_by_key(|h| (h.start, Reverse(h.end), h.pattern));
            let mut end = 0;
            hits.retain(|h| {
                let keep = h.start >= end;
                if keep {
                    end = h.end;
                }
                keep
            });
        }
        found
    }
}

/// A text's bytes with each line break and tab a space, for a search
/// that reads them as one; with the offsets of the text they came from.
struct Spaced {
    bytes: Vec<u8>,
    /// Where a `\r` before a `\n` was left out, as an offset in `bytes`:
    /// the `\n`'s, after it became a space (ascending).
    dropped: Vec<usize>,
}

impl Spaced {
    /// `None` when `text` has no byte to change, and is searched as it is.
    fn new(text: &[u8]) -> Option<Spaced> {
        memchr::memchr3(b'\n', b'\t', b'\r', text)?;
        if memchr::memchr(b'\r', text).is_none() {
            // Nearly every text: one byte for one, in a loop the compiler
            // turns into vector code.
            let space = |&b: &u8| if b == b'\n' || b == b'\t' { b' ' } else { b };
            return Some(Spaced { bytes: text.iter().map(space).collect(), dropped: Vec::new() });
        }
        let mut bytes = Vec::with_capacity(text.len());
        let mut dropped = Vec::new();
        for (i, &b) in text.iter().enumerate() {
            match b {
                b'\r' if text.get(i + 1) == Some(&b'\n') => dropped.push(bytes.len()),
                b'\n' | b'\t' | b'\r' => bytes.push(b' '),
                _ => bytes.push(b),
            }
        }
        Some(Spaced { bytes, dropped })
    }

    /// The text's offsets of match `start..end` of `spaced`'s bytes, or of
    /// the text itself when there is no copy.
    fn offsets(spaced: &Option<Spaced>, start: usize, end: usize) -> (usize, usize) {
        match spaced {
            Some(s) => (s.start(start), s.end(end)),
            None => (start, end),
        }
    }

    /// The text's offset of byte `at` of `bytes`.
    fn start(&self, at: usize) -> usize {
        at + self.dropped.partition_point(|&d| d <= at)
    }

    /// The text's offset of the end of a match ending at `at` of `bytes`:
    /// just after its last byte.
    fn end(&self, at: usize) -> usize {
        at.checked_sub(1).map_or(0, |last| self.start(last) + 1)
    }
}

/// The matches of `automaton` (leftmost-longest) as [`Hit`]s: what
/// [`FixedStrings::find`] gives for the same patterns, line breaks read as
/// spaces alike.
pub(crate) fn hits(automaton: &AhoCorasick, text: &str) -> Vec<Hit> {
    let spaced = Spaced::new(text.as_bytes());
    let hay = spaced.as_ref().map_or(text.as_bytes(), |s| &s.bytes[..]);
    automaton
        .find_iter(hay)
        .map(|m| {
            let (start, end) = Spaced::offsets(&spaced, m.start(), m.end());
            Hit { start, end, pattern: m.pattern().as_usize() }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alone(list: &[String], ignore_case: bool, text: &str) -> Vec<Hit> {
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(ignore_case)
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::LeftmostLongest)
            .build(list)
            .unwrap();
        hits(&automaton, text)
    }

    #[test]
    fn a_line_break_is_a_space() {
        let phrases = ["according to".to_string(), "Prime Minister".to_string()];
        let fixed = FixedStrings::new(&[(&phrases, false)]);
        let text = "according\nto Prime\tMinister, not according\n\nto";
        let got: Vec<(usize, usize, usize)> =
            fixed.find(text)[0].iter().map(|h| (h.start, h.end, h.pattern)).collect();
        assert_eq!(got, [(0, 12, 0), (13, 27, 1)]);
    }

    #[test]
    fn a_windows_line_end_is_a_space() {
        let phrases = ["according to".to_string(), "Prime Minister".to_string()];
        let fixed = FixedStrings::new(&[(&phrases, false)]);
        let text = "Prime\r\nMinister, according\r\n to,\r\r\naccording\rto";
        let got: Vec<&str> = fixed.find(text)[0].iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(got, ["Prime\r\nMinister", "according\rto"]);
    }

    /// Sets with overlapping, nested, repeated and case-variant patterns
    /// give what each set's own leftmost-longest automaton gives.
    #[test]
    fn each_set_as_if_alone() {
        let a: Vec<String> = ["ab", "abc", "b", "bcd", "cd", "AB", "ab", "x y", "y"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let b: Vec<String> =
            ["Bank", "bank", "an", "Bank of", "k o", "ab"].iter().map(|s| s.to_string()).collect();
        let fixed = FixedStrings::new(&[(&a, true), (&b, false), (&a, false)]);
        let pieces = [
            "a", "b", "c", "d", "A", "B", "Bank", "bank", " ", "of", "x", "y", "k", "é", "\n",
            "\r\n",
        ];
        for text in crate::testing::generated_texts(&pieces, 5000, 20) {
            let found = fixed.find(&text);
            assert_eq!(found[0], alone(&a, true, &text), "{text:?}");
            assert_eq!(found[1], alone(&b, false, &text), "{text:?}");
            assert_eq!(found[2], alone(&a, false, &text), "{text:?}");
        }
    }

    /// The pipeline's own sets (the lexicon's phrases, the name rules'
    /// words) on the seed article, against each set's own automaton.
    #[test]
    fn the_pipeline_sets_on_the_seed_article() {
        let lexicon = crate::extract::lexicon::Lexicon::with_defaults().unwrap();
        let names = crate::extract::names::NameRules::new(&lexicon);
        let mut sets = vec![(lexicon.phrase_list().to_vec(), true)];
        sets.extend(names.word_sets());
        let lists: Vec<(&[String], bool)> = sets.iter().map(|(l, c)| (&l[..], *c)).collect();
        let fixed = FixedStrings::new(&lists);
        let text = include_str!("../../fixtures/seed/seed.txt");
        let found = fixed.find(text);
        for (k, (list, ignore_case)) in sets.iter().enumerate() {
            assert_eq!(found[k], alone(list, *ignore_case, text), "set {k}");
        }
        assert!(found.iter().all(|hits| !hits.is_empty()));
    }
}
