//! Classes of 64 bytes at a time, as bit masks (bit `k` for byte `k`):
//! the scans that step over plain text token by token (sentence
//! splitting, the gazetteer's trie walk) take it a block at a time
//! instead. Eight bytes are tested at once in a `u64` (each test sets the
//! high bit of the bytes that pass) and a multiplication gathers the eight
//! high bits, with no `unsafe` and no platform intrinsics.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Eight bytes, for the tests of a [`masks`] closure.
#[derive(Clone, Copy)]
pub(crate) struct Bytes8 {
    x: u64,
    /// The low seven bits of each byte: sums of them never carry into the
    /// next byte.
    low: u64,
}

impl Bytes8 {
    /// High bit set in the bytes below 0x80.
    pub(crate) fn ascii(self) -> u64 {
        !self.x & HIGH
    }

    /// High bit set in the bytes of non-ASCII characters.
    pub(crate) fn non_ascii(self) -> u64 {
        self.x & HIGH
    }

    /// High bit set in the bytes equal to `c` (ASCII).
    pub(crate) fn eq(self, c: u8) -> u64 {
        let diff = self.low ^ (u64::from(c) * ONES);
        // Adding 0x7f sets the high bit of every byte of `diff` but zero.
        !((diff + 0x7f * ONES) | diff) & HIGH & self.ascii()
    }

    /// High bit set in the bytes in `lo..=hi` (ASCII).
    pub(crate) fn range(self, lo: u8, hi: u8) -> u64 {
        let from = |c: u8| (self.low + u64::from(0x80 - c) * ONES) & HIGH;
        from(lo) & !from(hi + 1) & self.ascii()
    }
}

/// For each of the `N` tests `classes` makes of eight bytes, the mask of
/// the bytes of `block` that pass it; `block` holds 64 bytes (fewer leave
/// their bits clear). A test is the methods of [`Bytes8`] joined with `|`
/// and `&`: only high bits may be set (so no `!` of a whole test).
pub(crate) fn masks<const N: usize>(
    block: &[u8],
    classes: impl Fn(Bytes8) -> [u64; N],
) -> [u64; N] {
    let mut out = [0u64; N];
    for (n, word) in block.chunks_exact(8).take(8).enumerate() {
        let mut b = [0u8; 8];
        b.copy_from_slice(word);
        let x = u64::from_le_bytes(b);
        let tests = classes(Bytes8 { x, low: x & !HIGH });
        for (mask, test) in out.iter_mut().zip(tests) {
            // The high bit of byte k (bit 8k + 7) lands on bit 56 + k.
            *mask |= ((test >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * n);
        }
    }
    out
}

/// The mask of the first `len` bits (`len` ≤ 64).
pub(crate) fn first_bits(len: u32) -> u64 {
    (!0u64).checked_shl(len).map_or(!0, |m| !m)
}

/// Blocks of 64 bytes for the tests of mask builders: every byte value in
/// every place of a block, then random blocks.
#[cfg(test)]
pub(crate) fn test_blocks() -> impl Iterator<Item = Vec<u8>> {
    let mut x = 0x2545_f491_4f6c_dd1d_u64;
    (0..4096usize).map(move |round| {
        (0..64)
            .map(|k| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                if round < 256 {
                    ((round + k) % 256) as u8
                } else {
                    x as u8
                }
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_as_byte_tests() {
        for block in test_blocks() {
            let [ascii, dot, digit, upper, high] = masks(&block, |b| {
                [b.ascii(), b.eq(b'.'), b.range(b'0', b'9'), b.range(b'A', b'Z'), b.non_ascii()]
            });
            for (k, &b) in block.iter().enumerate() {
                let bit = |m: u64| m >> k & 1 == 1;
                assert_eq!(bit(ascii), b.is_ascii(), "{b:#x}");
                assert_eq!(bit(dot), b == b'.', "{b:#x}");
                assert_eq!(bit(digit), b.is_ascii_digit(), "{b:#x}");
                assert_eq!(bit(upper), b.is_ascii_uppercase(), "{b:#x}");
                assert_eq!(bit(high), !b.is_ascii(), "{b:#x}");
            }
        }
    }

    #[test]
    fn first_bits_of_every_length() {
        assert_eq!(first_bits(0), 0);
        assert_eq!(first_bits(3), 0b111);
        assert_eq!(first_bits(64), !0);
    }
}
