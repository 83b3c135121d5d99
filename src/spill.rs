//! Run-wide state kept on disk rather than in memory: sorted runs in
//! temporary files of the output folder, so that a run's memory does not
//! grow with the archive. [`SeenHashes`] remembers which document ids a
//! run has had; `write` spills its entity and edge totals the same way.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::hash::FxBuild;

/// A temporary file, removed when dropped: an interrupted or failed run
/// leaves no spill behind, as far as the process gets to unwind.
pub(crate) struct TempFile {
    path: PathBuf,
    file: File,
}

impl TempFile {
    /// Creates `dir/.NAME.tmp`, readable and writable.
    pub(crate) fn create(dir: &Path, name: &str) -> io::Result<TempFile> {
        let path = dir.join(format!(".{name}.tmp"));
        let file = File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(&path)
            .map_err(|e| at(&path, e))?;
        Ok(TempFile { path, file })
    }

    /// A buffered writer at the start of the file.
    pub(crate) fn writer(&self) -> BufWriter<&File> {
        BufWriter::with_capacity(1 << 16, &self.file)
    }

    /// A buffered reader from the start of the file.
    pub(crate) fn reader(&self) -> io::Result<BufReader<&File>> {
        (&self.file).seek(SeekFrom::Start(0)).map_err(|e| self.error(e))?;
        Ok(BufReader::with_capacity(1 << 16, &self.file))
    }

    /// Fills `buf` from `offset` on.
    fn read_at(&self, buf: &mut [u8], offset: u64) -> io::Result<()> {
        #[cfg(unix)]
        let read = std::os::unix::fs::FileExt::read_exact_at(&self.file, buf, offset);
        #[cfg(not(unix))]
        let read =
            (&self.file).seek(SeekFrom::Start(offset)).and_then(|_| (&self.file).read_exact(buf));
        read.map_err(|e| self.error(e))
    }

    /// `e`, naming this file.
    pub(crate) fn error(&self, e: io::Error) -> io::Error {
        at(&self.path, e)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        // Nothing to do about a failure here: the file is only left over.
        let _ = fs::remove_file(&self.path);
    }
}

/// `e` with the file's name in front, as the other output errors have the
/// folder's: `out: .seen-ids-3.tmp: No space left on device`.
fn at(path: &Path, e: io::Error) -> io::Error {
    let name = path.file_name().unwrap_or(path.as_os_str()).to_string_lossy();
    io::Error::new(e.kind(), format!("{name}: {e}"))
}

/// Hashes held in memory before they go to a run on disk (8 bytes each,
/// and the set's own overhead).
const RECENT: usize = 1 << 14;
/// Hashes per block of a run: one block is read to answer a look-up, and
/// the first hash of each is kept in memory to find it (1/512 of the run).
const BLOCK: usize = 512;
/// The filter's size in 64-bit words: 1 MB, fixed. At a million hashes it
/// sends about 3 % of new ones to the disk; at ten million most, which
/// costs time, never memory or correctness.
const FILTER_WORDS: usize = 1 << 17;

/// A set of 64-bit hashes that grows on disk, not in memory: the recent
/// ones in a hash set, the rest in sorted runs in temporary files, merged
/// like a binary counter (so each hash is rewritten O(log n) times and
/// there are O(log n) runs), and a fixed-size Bloom filter in front of the
/// runs so that a new hash rarely costs a read.
pub struct SeenHashes {
    dir: PathBuf,
    name: &'static str,
    recent: HashSet<u64, FxBuild>,
    filter: Vec<u64>,
    runs: Vec<HashRun>,
    files: usize,
    block: Vec<u8>,
}

/// One sorted run on disk.
struct HashRun {
    file: TempFile,
    len: usize,
    /// The first hash of each block.
    firsts: Vec<u64>,
}

impl SeenHashes {
    /// An empty set whose runs will be `dir/.NAME-N.tmp`; nothing is
    /// written until more than a few ten thousand hashes are in.
    pub fn new(dir: &Path, name: &'static str) -> SeenHashes {
        SeenHashes {
            dir: dir.to_path_buf(),
            name,
            recent: HashSet::default(),
            filter: Vec::new(),
            runs: Vec::new(),
            files: 0,
            block: Vec::new(),
        }
    }

    /// Adds `h`; whether it is new. Errors are those of the temporary files.
    pub fn insert(&mut self, h: u64) -> io::Result<bool> {
        if self.contains(h)? {
            return Ok(false);
        }
        if self.filter.is_empty() {
            self.filter = vec![0; FILTER_WORDS];
        }
        for bit in probes(h) {
            self.filter[bit / 64] |= 1 << (bit % 64);
        }
        self.recent.insert(h);
        if self.recent.len() >= RECENT {
            let mut run: Vec<u64> = self.recent.drain().collect();
            run.sort_unstable();
            let mut run = self.write_run(run.into_iter().map(Ok))?;
            // Equal or smaller runs merge into the new one.
            while let Some(last) = self.runs.pop() {
                if last.len > run.len {
                    self.runs.push(last);
                    break;
                }
                let merged = merge_sorted(last.iter()?, run.iter()?);
                run = self.write_run(merged)?;
            }
            self.runs.push(run);
        }
        Ok(true)
    }

    fn contains(&mut self, h: u64) -> io::Result<bool> {
        if self.filter.is_empty()
            || probes(h).into_iter().any(|bit| self.filter[bit / 64] & (1 << (bit % 64)) == 0)
        {
            return Ok(false);
        }
        if self.recent.contains(&h) {
            return Ok(true);
        }
        for run in &self.runs {
            if run.contains(h, &mut self.block)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Writes sorted `hashes` to a new run.
    fn write_run(&mut self, hashes: impl Iterator<Item = io::Result<u64>>) -> io::Result<HashRun> {
        let file = TempFile::create(&self.dir, &format!("{}-{}", self.name, self.files))?;
        self.files += 1;
        let mut firsts = Vec::new();
        let mut len = 0;
        let mut out = file.writer();
        for h in hashes {
            let h = h?;
            if len % BLOCK == 0 {
                firsts.push(h);
            }
            out.write_all(&h.to_le_bytes()).map_err(|e| file.error(e))?;
            len += 1;
        }
        out.flush().map_err(|e| file.error(e))?;
        drop(out);
        Ok(HashRun { file, len, firsts })
    }
}

/// The three filter bits of `h`, from separate stretches of its 64 bits
/// (the hashes are already uniform).
fn probes(h: u64) -> [usize; 3] {
    let bits = (FILTER_WORDS * 64 - 1) as u64;
    [(h & bits) as usize, ((h >> 21) & bits) as usize, ((h >> 41) & bits) as usize]
}

impl HashRun {
    /// Whether the run holds `h`: one block read at most.
    fn contains(&self, h: u64, block: &mut Vec<u8>) -> io::Result<bool> {
        let i = self.firsts.partition_point(|&first| first <= h);
        if i == 0 {
            return Ok(false);
        }
        let start = (i - 1) * BLOCK;
        let n = BLOCK.min(self.len - start);
        block.resize(n * 8, 0);
        self.file.read_at(block, start as u64 * 8)?;
        let word = |i: usize| {
            let mut b = [0; 8];
            b.copy_from_slice(&block[i * 8..i * 8 + 8]);
            u64::from_le_bytes(b)
        };
        // The block is sorted: the last hash not above `h` is `h` or absent.
        let (mut lo, mut hi) = (0, n);
        while hi - lo > 1 {
            let mid = (lo + hi) / 2;
            if word(mid) <= h {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        Ok(word(lo) == h)
    }

    /// The run's hashes in order.
    fn iter(&self) -> io::Result<impl Iterator<Item = io::Result<u64>> + '_> {
        let mut r = self.file.reader()?;
        Ok((0..self.len).map(move |_| {
            let mut b = [0; 8];
            r.read_exact(&mut b).map_err(|e| self.file.error(e))?;
            Ok(u64::from_le_bytes(b))
        }))
    }
}

/// The union of two sorted runs, sorted.
fn merge_sorted(
    a: impl Iterator<Item = io::Result<u64>>,
    b: impl Iterator<Item = io::Result<u64>>,
) -> impl Iterator<Item = io::Result<u64>> {
    let mut a = a.peekable();
    let mut b = b.peekable();
    std::iter::from_fn(move || match (a.peek(), b.peek()) {
        (Some(Ok(x)), Some(Ok(y))) => {
            if x <= y {
                a.next()
            } else {
                b.next()
            }
        }
        (Some(Err(_)), _) | (_, None) => a.next(),
        _ => b.next(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A spill that cannot be written is an error naming the file, not a
    /// panic or a silent loss of ids.
    #[test]
    fn spill_errors_name_the_file() {
        let dir = std::env::temp_dir().join(format!("gazette-no-such-{}", std::process::id()));
        let mut seen = SeenHashes::new(&dir, "seen-ids");
        let mut result = Ok(true);
        for h in 0..RECENT as u64 {
            result = seen.insert(h.wrapping_mul(0x9e37_79b9_7f4a_7c15));
            if result.is_err() {
                break;
            }
        }
        let e = result.expect_err("the folder does not exist");
        assert!(e.to_string().starts_with(".seen-ids-0.tmp: "), "{e}");
    }

    /// Look-ups find every hash of every run, and no other, across the
    /// merges of the binary counter.
    #[test]
    fn hashes_found_across_runs() {
        let dir = std::env::temp_dir().join(format!("gazette-hashes-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let mut seen = SeenHashes::new(&dir, "seen-ids");
        let h = |i: u64| i.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let n = RECENT as u64 * 7 + 3;
        for i in 0..n {
            assert!(seen.insert(h(i)).unwrap());
        }
        assert_eq!(seen.runs.len(), 3, "7 = 4 + 2 + 1 runs");
        for i in 0..n {
            assert!(!seen.insert(h(i)).unwrap(), "{i} was seen");
        }
        assert!(seen.insert(h(n)).unwrap());
        drop(seen);
        fs::remove_dir(dir).unwrap();
    }
}
