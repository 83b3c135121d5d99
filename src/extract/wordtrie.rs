//! A trie of names keyed by whole tokens, the structure FlashText uses: the
//! gazetteer's matcher.
//!
//! A token is a run of word characters (letters, digits, `_`) or any other
//! single character, spaces included. A gazetteer match must stand alone —
//! no word character touches it — so it always starts and ends on token
//! edges, and walking the trie from every token start finds exactly the
//! matches an Aho-Corasick scan would find and keep. Building it is one hash
//! insert per token of each name: the trie for a million aliases builds in
//! under a second where an Aho-Corasick NFA took over ten, at a few dozen
//! bytes per token.

use std::collections::HashMap;

use super::masks::masks;
use crate::hash::{fnv64 as hash_bytes, fnv64_from, FxBuild};

/// The names, as a trie of token hashes.
#[derive(Clone, Debug)]
pub struct WordTrie {
    /// [`edge`]`(node, token hash)` → child node. Node 0 is the root.
    children: HashMap<u64, u32, FxBuild>,
    /// Patterns ending at each node: `ends[starts[n]..starts[n + 1]]`, in
    /// ascending order.
    starts: Vec<u32>,
    ends: Vec<u32>,
    /// All pattern texts, concatenated; pattern `p` is
    /// `text[offsets[p]..offsets[p + 1]]`. A match is checked against its
    /// text, so a collision of token hashes can never report a wrong name.
    text: String,
    offsets: Vec<usize>,
    /// The most tokens in one pattern: bounds every walk.
    longest: usize,
    /// The first bytes patterns start with: a token starting with any other
    /// byte (a space, most lower-case words) needs no lookup.
    first: [bool; 256],
    /// A bit for the hash of each pattern's first token (a Bloom filter
    /// with one hash), about eight bits a pattern: small enough to stay in
    /// cache where the map of edges does not, it turns away most tokens
    /// that start no name before the map is read.
    roots: Vec<u64>,
    /// `roots` holds `1 << root_bits` bits.
    root_bits: u32,
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The end of the token of `s` that starts at byte `i` (a char boundary
/// before the end of `s`).
fn token_end(s: &str, i: usize) -> usize {
    let bytes = s.as_bytes();
    let b = bytes[i];
    let word = if b.is_ascii() {
        b.is_ascii_alphanumeric() || b == b'_'
    } else {
        s[i..].chars().next().is_some_and(is_word)
    };
    if !word {
        return i + s[i..].chars().next().map_or(1, char::len_utf8);
    }
    // A run of word characters; ASCII stays on the fast path.
    let mut j = i;
    while j < bytes.len() {
        let b = bytes[j];
        if b.is_ascii() {
            if !(b.is_ascii_alphanumeric() || b == b'_') {
                break;
            }
            j += 1;
        } else {
            match s[j..].chars().next() {
                Some(c) if is_word(c) => j += c.len_utf8(),
                _ => break,
            }
        }
    }
    j
}

/// The end of the step of a walk that starts at byte `i` of `s`, after the
/// walk's first token: white space and the word after it are one step
/// (`Kim| Jong| Un`), which halves the edges of multi-word names; anything
/// else is one token. Names and text are cut the same way from the same
/// start, so they still meet exactly on token edges. The white space may be
/// any run of it with one line break at most, read as one space (see
/// [`step_hash`]): archives wrap lines inside names (`West\nVirginia`).
fn step_end(s: &str, i: usize) -> usize {
    let bytes = s.as_bytes();
    if is_space(bytes[i]) {
        let j = space_end(bytes, i);
        let word = match bytes.get(j) {
            Some(&b) if b.is_ascii() => b.is_ascii_alphanumeric() || b == b'_',
            Some(_) => s[j..].chars().next().is_some_and(is_word),
            None => false,
        };
        if word {
            return token_end(s, j);
        }
    }
    token_end(s, i)
}

/// The white space a name may hold between two words.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t')
}

/// The end of the run of white space from byte `i` of `bytes`, before a
/// second line break: a blank line ends a paragraph, and no name crosses it.
fn space_end(bytes: &[u8], i: usize) -> usize {
    let mut breaks = 0;
    let mut j = i;
    while let Some(&b) = bytes.get(j).filter(|&&b| is_space(b)) {
        breaks += usize::from(b == b'\n');
        if breaks > 1 {
            break;
        }
        j += 1;
    }
    j
}

/// The hash of a step: a step that opens with white space (see
/// [`step_end`]) hashes as one space and its word, as names write it.
fn step_hash(step: &[u8]) -> u64 {
    match step {
        [b' ', next, ..] if !is_space(*next) => hash_bytes(step),
        [first, ..] if is_space(*first) && step.len() > 1 => {
            let word = step.iter().position(|&b| !is_space(b)).unwrap_or(step.len());
            fnv64_from(hash_bytes(b" "), &step[word..])
        }
        _ => hash_bytes(step),
    }
}

/// Whether `written`, text a walk spelled, is `name`, its white space
/// read as [`step_hash`] reads it.
fn spells(written: &str, name: &str) -> bool {
    if written == name {
        return true;
    }
    let (mut w, mut n) = (written.bytes().peekable(), name.bytes());
    loop {
        match (w.next(), n.next()) {
            (None, None) => return true,
            (Some(a), Some(b' ')) if is_space(a) => while w.next_if(|&b| is_space(b)).is_some() {},
            (Some(a), Some(b)) if a == b => {}
            _ => return false,
        }
    }
}

/// Calls `f` with the hash of every step of `s` (see [`step_end`]), in order.
fn step_hashes(s: &str, mut f: impl FnMut(u64)) {
    let mut i = 0;
    while i < s.len() {
        let end = if i == 0 { token_end(s, i) } else { step_end(s, i) };
        f(step_hash(&s.as_bytes()[i..end]));
        i = end;
    }
}

/// The key of the edge from `node` along a step hashed `hash`: one word
/// instead of a pair, a third less memory for a large gazetteer. Two edges
/// may share a key; every match is checked against its name's text, so that
/// can only cost a lookup, never report a wrong name or lose a right one.
fn edge(node: u32, hash: u64) -> u64 {
    hash ^ u64::from(node).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

impl WordTrie {
    /// Builds the trie; pattern `p` is `patterns[p]`.
    pub fn new<S: AsRef<str>>(patterns: &[S]) -> WordTrie {
        let mut trie = WordTrie {
            children: HashMap::default(),
            starts: Vec::new(),
            ends: Vec::new(),
            text: String::new(),
            offsets: Vec::new(),
            longest: 0,
            first: [false; 256],
            roots: Vec::new(),
            root_bits: (patterns.len() * 8)
                .next_power_of_two()
                .clamp(1 << 16, 1 << 26)
                .trailing_zeros(),
        };
        trie.roots = vec![0; 1 << (trie.root_bits - 6)];
        let mut node_count: u32 = 1;
        let mut ending: Vec<(u32, u32)> = Vec::with_capacity(patterns.len());
        // Names average two or three words, so about two steps;
        // reserving up front saves rehashing a large map several times.
        trie.children.reserve(patterns.len() * 2);
        trie.offsets.push(0);
        for (p, pattern) in patterns.iter().enumerate() {
            let pattern = pattern.as_ref();
            trie.text.push_str(pattern);
            trie.offsets.push(trie.text.len());
            if pattern.is_empty() {
                continue;
            }
            trie.first[usize::from(pattern.as_bytes()[0])] = true;
            let (mut node, mut count) = (0u32, 0);
            step_hashes(pattern, |hash| {
                if count == 0 {
                    let bit = trie.root_bit(hash);
                    trie.roots[bit / 64] |= 1 << (bit % 64);
                }
                count += 1;
                node = *trie.children.entry(edge(node, hash)).or_insert_with(|| {
                    node_count += 1;
                    node_count - 1
                });
            });
            trie.longest = trie.longest.max(count);
            ending.push((node, p as u32));
        }
        ending.sort_unstable();
        trie.starts = vec![0; node_count as usize + 1];
        for &(node, _) in &ending {
            trie.starts[node as usize + 1] += 1;
        }
        for n in 1..trie.starts.len() {
            trie.starts[n] += trie.starts[n - 1];
        }
        trie.ends = ending.into_iter().map(|(_, p)| p).collect();
        trie
    }

    /// Number of patterns.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Whether there are no patterns.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bit of `roots` for a first token hashed `hash`.
    fn root_bit(&self, hash: u64) -> usize {
        (hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - self.root_bits)) as usize
    }

    fn pattern(&self, p: u32) -> &str {
        &self.text[self.offsets[p as usize]..self.offsets[p as usize + 1]]
    }

    /// Calls `f(start, end, pattern)` for every occurrence of a pattern in
    /// `text` that starts and ends on token edges, overlapping ones
    /// included, by start and then by length; patterns with the same text
    /// in ascending order.
    pub fn find_overlapping(&self, text: &str, f: impl FnMut(usize, usize, u32)) {
        self.find_overlapping_with(text, true, f);
    }

    /// [`WordTrie::find_overlapping`], finding the token starts of ASCII
    /// text a block at a time (`blocks`) or, as the tests' reference, token
    /// by token.
    fn find_overlapping_with(
        &self,
        text: &str,
        blocks: bool,
        mut f: impl FnMut(usize, usize, u32),
    ) {
        if self.children.is_empty() {
            return;
        }
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < text.len() {
            // 64 bytes of ASCII from a token start: every token start in
            // them from bit masks, where finding each token's end cost more
            // than the walks (most tokens start no name).
            if let Some(block) = bytes.get(at..at + 64).filter(|b| blocks && b.is_ascii()) {
                let [word] = masks(block, |b| {
                    [b.range(b'0', b'9') | b.range(b'A', b'Z') | b.range(b'a', b'z') | b.eq(b'_')]
                });
                // A token starts at every byte that is not a word byte and
                // at the first byte of each run of word bytes.
                let starts = !word | (word & !(word << 1));
                // The last byte of each run of word bytes; a run that
                // reaches the end of the block may go on past it.
                let lasts = word & !(word >> 1) & !(1 << 63);
                let mut left = starts;
                while left != 0 {
                    let k = left.trailing_zeros();
                    left &= left - 1;
                    let start = at + k as usize;
                    if !self.first[usize::from(bytes[start])] {
                        continue;
                    }
                    let end = match (word >> k & 1, lasts >> k) {
                        (0, _) => start + 1,
                        (_, 0) => token_end(text, start),
                        (_, l) => start + l.trailing_zeros() as usize + 1,
                    };
                    self.walk(text, start, end, &mut f);
                }
                // The next token start: the last token may run on.
                at = match word >> 63 {
                    1 => token_end(text, at + 63 - starts.leading_zeros() as usize),
                    _ => at + 64,
                };
                continue;
            }
            let start = at;
            let end = token_end(text, start);
            at = end;
            if self.first[usize::from(bytes[start])] {
                self.walk(text, start, end, &mut f);
            }
        }
    }

    /// The walk from the token `start..end`, one step at a time, calling
    /// `f` for each pattern it spells.
    fn walk(&self, text: &str, start: usize, end: usize, f: &mut impl FnMut(usize, usize, u32)) {
        let bytes = text.as_bytes();
        let (mut node, mut token_end_at, mut count) = (0u32, end, 0);
        let mut token_start = start;
        loop {
            let hash = step_hash(&bytes[token_start..token_end_at]);
            if count == 0 {
                let bit = self.root_bit(hash);
                if self.roots[bit / 64] >> (bit % 64) & 1 == 0 {
                    break;
                }
            }
            match self.children.get(&edge(node, hash)) {
                Some(&child) => node = child,
                None => break,
            }
            let (a, b) = (self.starts[node as usize], self.starts[node as usize + 1]);
            for &p in &self.ends[a as usize..b as usize] {
                if spells(&text[start..token_end_at], self.pattern(p)) {
                    f(start, token_end_at, p);
                }
            }
            count += 1;
            if count >= self.longest || token_end_at >= text.len() {
                break;
            }
            token_start = token_end_at;
            token_end_at = step_end(text, token_start);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(patterns: &[&str], text: &str) -> Vec<(String, u32)> {
        let trie = WordTrie::new(patterns);
        let mut out = Vec::new();
        trie.find_overlapping(text, |s, e, p| out.push((text[s..e].to_string(), p)));
        out
    }

    #[test]
    fn finds_whole_tokens_overlapping() {
        let p = ["Kim", "Kim Jong Un", "Jong", "U.S.", "Un"];
        let got = found(&p, "Kim Jong Un met U.S. envoys; Kimberly and UN");
        let names: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(names, ["Kim", "Kim Jong Un", "Jong", "Un", "U.S."]);
    }

    #[test]
    fn never_inside_a_word() {
        assert!(found(&["Chad"], "Chadian forces").is_empty());
        assert!(found(&["ran"], "Iran").is_empty());
        // Punctuation and spaces are tokens of their own.
        assert_eq!(found(&[" Kim"], "x   Kim").len(), 1);
        assert_eq!(found(&["Kim  Jong"], "Kim  Jong").len(), 1);
        assert!(found(&["Kim Jong"], "Kim-Jong").is_empty());
    }

    #[test]
    fn white_space_between_words_is_one_space() {
        let p = ["West Virginia", "Kim Jong Un"];
        let names =
            |text: &str| -> Vec<String> { found(&p, text).into_iter().map(|(s, _)| s).collect() };
        assert_eq!(names("of West\nVirginia said"), ["West\nVirginia"]);
        assert_eq!(names("Kim  Jong\r\n   Un"), ["Kim  Jong\r\n   Un"]);
        // Not across a blank line, which ends a paragraph.
        assert!(names("West\n\nVirginia").is_empty());
        assert!(names("West \n \n Virginia").is_empty());
        // The name's own words still have to match.
        assert!(names("West\nVirginian").is_empty());
        assert!(names("Kim Jong\nUm").is_empty());
    }

    #[test]
    fn duplicate_patterns_in_order_and_non_ascii() {
        assert_eq!(found(&["Kyiv", "Kyiv"], "in Kyiv"), [("Kyiv".into(), 0), ("Kyiv".into(), 1)]);
        assert_eq!(found(&["Zürich", "Łódź"], "Zürich, Łódź!").len(), 2);
        assert!(found(&["Zür"], "Zürich").is_empty());
    }

    /// The trie finds what an overlapping Aho-Corasick scan finds once
    /// both keep only matches that stand alone, on real names and news text
    /// (for the scan, each line break read as the space it stands for).
    #[test]
    fn agrees_with_aho_corasick() {
        use crate::extract::gazetteer::GazetteerBuilder;
        let patterns = GazetteerBuilder::with_defaults().patterns();
        let trie = WordTrie::new(&patterns);
        let ac = aho_corasick::AhoCorasick::new(&patterns).unwrap();
        let alone = |t: &str, s: usize, e: usize| {
            crate::extract::stands_alone(t, s, e, |c| c.is_alphanumeric() || c == '_')
        };
        let mut texts = vec![
            include_str!("../../fixtures/seed/seed.txt").to_string(),
            "U.S.-backed forces near Kyiv's outskirts; Kim Jong Un,North Korea\u{2019}s leader. \
             Côte d\u{2019}Ivoire  and  Iran-Iraq; Chadian Chad_1 Łódź."
                .to_string(),
        ];
        texts.push(texts[0].replace(' ', "\n"));
        for text in &texts {
            let spaced = text.replace('\n', " ");
            let mut want: Vec<(usize, usize, usize)> = ac
                .find_overlapping_iter(spaced.as_str())
                .filter(|m| alone(text, m.start(), m.end()))
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                .collect();
            let mut got = Vec::new();
            trie.find_overlapping(text, |s, e, p| {
                if alone(text, s, e) {
                    got.push((s, e, p as usize));
                }
            });
            want.sort_unstable();
            got.sort_unstable();
            assert!(!want.is_empty());
            assert_eq!(got, want);
        }
    }

    /// Token starts found a block at a time give the walks, and so the
    /// matches, that finding each token's end gives.
    #[test]
    fn blocks_find_as_token_by_token() {
        let trie = WordTrie::new(&[
            "Kim",
            "Kim Jong Un",
            "U.S.",
            "al-Qaeda",
            "Chad",
            "Łódź",
            "Côte d\u{2019}Ivoire",
            " x",
            "5",
            "A_1",
        ]);
        let long = "Kimberly".repeat(9);
        let pieces = [
            "Kim",
            " ",
            "  ",
            "Jong",
            "Un",
            "U.S.",
            "al",
            "-",
            "Qaeda",
            "Chad",
            "ian",
            "Łódź",
            "Côte",
            "d\u{2019}Ivoire",
            "\n",
            ",",
            ".",
            "x",
            "5",
            "_",
            "A",
            "1",
            "é",
            &long,
            "the quick brown fox jumps over the lazy dog ",
        ];
        let all = |text: &str, blocks: bool| {
            let mut out = Vec::new();
            trie.find_overlapping_with(text, blocks, |s, e, p| out.push((s, e, p)));
            out
        };
        let mut found = 0;
        for text in crate::testing::generated_texts(&pieces, 20_000, 40) {
            let got = all(&text, true);
            assert_eq!(got, all(&text, false), "{text:?}");
            found += got.len();
        }
        assert!(found > 10_000, "{found}");
    }

    #[test]
    fn empty_patterns_and_texts() {
        assert!(found(&[], "anything").is_empty());
        assert!(found(&["", "a"], "").is_empty());
        assert_eq!(found(&["", "a"], "a").len(), 1);
    }
}
