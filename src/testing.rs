//! Helpers shared by the unit tests.

/// `count` texts, each of fewer than `max_pieces` pieces drawn from
/// `pieces` by a fixed xorshift sequence: the same texts on every run, for
/// tests that hold a fast routine to a simple reference.
pub(crate) fn generated_texts<'a>(
    pieces: &'a [&'a str],
    count: usize,
    max_pieces: u64,
) -> impl Iterator<Item = String> + 'a {
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..count).map(move |_| {
        let len = next() % max_pieces;
        (0..len).map(|_| pieces[(next() % pieces.len() as u64) as usize]).collect()
    })
}
