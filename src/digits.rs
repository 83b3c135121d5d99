//! Decimal digits written on the stack: the CSV writer's counts and the
//! date values are written by the hundred thousand, and a `String` or a
//! `format!` apiece cost an allocation and the formatting machinery.

/// The decimal digits of a `u64`.
pub(crate) struct Digits {
    buf: [u8; 20],
    start: usize,
}

impl Digits {
    pub(crate) fn new(mut v: u64) -> Digits {
        let mut buf = [0; 20];
        let mut start = buf.len();
        loop {
            start -= 1;
            buf[start] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                return Digits { buf, start };
            }
        }
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.buf[self.start..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_as_to_string_writes_them() {
        for v in [0, 7, 10, 99, 2024, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(Digits::new(v).as_bytes(), v.to_string().as_bytes());
        }
    }
}
