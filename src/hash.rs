//! Small non-cryptographic hashes for the hot maps: gazetteer tries,
//! lexicons and run-wide totals. Inputs are the user's own files and
//! archives, so resistance to chosen collisions is not needed.

use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a, 64 bits: stable across runs and platforms, quick on short
/// strings, and ample for keys whose collisions are harmless or, at 2^-64
/// a pair, negligible.
pub(crate) fn fnv64(bytes: &[u8]) -> u64 {
    fnv64_from(0xcbf2_9ce4_8422_2325, bytes)
}

/// [`fnv64`] of the bytes hashed to `h` followed by `bytes`.
pub(crate) fn fnv64_from(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The hasher rustc uses for its own maps (FxHash): several times faster
/// than the default SipHash on short keys, which matters with a million
/// names. Not resistant to chosen collisions; gazetteers are the user's own.
#[derive(Clone, Copy, Default)]
pub(crate) struct FxHasher(u64);

/// A `HashMap`/`HashSet` hasher builder for [`FxHasher`].
pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;

impl Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(c);
            self.write_u64(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}
