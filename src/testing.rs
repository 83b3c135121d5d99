//! Helpers shared by the unit tests.

/// A fixed xorshift sequence from `seed` (not 0): the same numbers on
/// every run.
pub(crate) fn xorshift(mut state: u64) -> impl FnMut() -> u64 {
    move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    }
}

/// `count` texts, each of fewer than `max_pieces` pieces drawn from
/// `pieces` by a fixed xorshift sequence: the same texts on every run, for
/// tests that hold a fast routine to a simple reference.
pub(crate) fn generated_texts<'a>(
    pieces: &'a [&'a str],
    count: usize,
    max_pieces: u64,
) -> impl Iterator<Item = String> + 'a {
    let mut next = xorshift(0x9e37_79b9_7f4a_7c15);
    (0..count).map(move |_| {
        let len = next() % max_pieces;
        (0..len).map(|_| pieces[(next() % pieces.len() as u64) as usize]).collect()
    })
}
