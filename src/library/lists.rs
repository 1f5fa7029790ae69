//! Many short lists of ascending numbers kept in little memory: each list is
//! stored as the gaps between its numbers, seven bits a byte (a number
//! under 128 takes one byte), all lists in one buffer.

/// Lists of ascending `u32`s, packed; list `i` is read back with [`get`].
///
/// [`get`]: PackedLists::get
#[derive(Debug, Clone, Default)]
pub struct PackedLists {
    bytes: Vec<u8>,
    // List `i` is `bytes[start[i]..start[i + 1]]`; `start[0]` is 0.
    start: Vec<u32>,
}

impl PackedLists {
    /// Empty, with room for `lists` lists.
    pub fn with_capacity(lists: usize) -> Self {
        let mut start = Vec::with_capacity(lists + 1);
        start.push(0);
        Self {
            bytes: Vec::new(),
            start,
        }
    }

    /// Appends a list; `numbers` must be ascending (equal neighbours are kept).
    pub fn push(&mut self, numbers: impl IntoIterator<Item = u32>) {
        if self.start.is_empty() {
            self.start.push(0);
        }
        let mut last = 0u32;
        for n in numbers {
            debug_assert!(n >= last, "lists are ascending");
            let mut gap = n.wrapping_sub(last);
            last = n;
            while gap >= 0x80 {
                self.bytes.push((gap as u8) | 0x80);
                gap >>= 7;
            }
            self.bytes.push(gap as u8);
        }
        self.start
            .push(u32::try_from(self.bytes.len()).unwrap_or(u32::MAX));
    }

    /// Builds `lists` lists at once from pairs (list, number), each list's
    /// numbers ascending: `feed` is called twice (once to size the lists,
    /// once to fill them) and must give the same pairs both times. Also
    /// returns each list's length. Needs no room beyond the result.
    pub fn build(lists: usize, feed: impl Fn(&mut dyn FnMut(usize, u32))) -> (Self, Vec<u32>) {
        let mut counts = vec![0u32; lists];
        let mut last = vec![0u32; lists];
        let mut sizes = vec![0usize; lists];
        feed(&mut |list, n| {
            sizes[list] += encoded_len(n.wrapping_sub(last[list]));
            last[list] = n;
            counts[list] += 1;
        });
        let mut start = Vec::with_capacity(lists + 1);
        let mut at = 0usize;
        start.push(0);
        for size in &mut sizes {
            let begin = at;
            at += *size;
            start.push(u32::try_from(at).unwrap_or(u32::MAX));
            // From here on, where the list's next byte goes.
            *size = begin;
        }
        let mut bytes = vec![0u8; at];
        last.fill(0);
        feed(&mut |list, n| {
            let mut gap = n.wrapping_sub(last[list]);
            last[list] = n;
            let cursor = &mut sizes[list];
            while gap >= 0x80 {
                bytes[*cursor] = (gap as u8) | 0x80;
                *cursor += 1;
                gap >>= 7;
            }
            bytes[*cursor] = gap as u8;
            *cursor += 1;
        });
        (Self { bytes, start }, counts)
    }

    /// How many lists.
    pub fn len(&self) -> usize {
        self.start.len().saturating_sub(1)
    }

    /// List `i` (empty when there is no such list).
    pub fn get(&self, i: usize) -> Numbers<'_> {
        let next = i.checked_add(1).and_then(|n| self.start.get(n));
        let bytes = match (self.start.get(i), next) {
            (Some(&from), Some(&to)) => &self.bytes[from as usize..to as usize],
            _ => &[],
        };
        Numbers { bytes, last: 0 }
    }

    /// Frees unused capacity.
    pub fn shrink_to_fit(&mut self) {
        self.bytes.shrink_to_fit();
        self.start.shrink_to_fit();
    }

    /// Bytes held (for measuring).
    pub fn heap_bytes(&self) -> usize {
        self.bytes.capacity() + self.start.capacity() * 4
    }
}

/// Bytes a gap takes.
fn encoded_len(gap: u32) -> usize {
    match gap {
        0..0x80 => 1,
        0x80..0x4000 => 2,
        0x4000..0x20_0000 => 3,
        0x20_0000..0x1000_0000 => 4,
        _ => 5,
    }
}

/// The numbers of one packed list, in order.
#[derive(Debug, Clone)]
pub struct Numbers<'a> {
    bytes: &'a [u8],
    last: u32,
}

impl Iterator for Numbers<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let mut gap = 0u32;
        let mut shift = 0;
        loop {
            let (&byte, rest) = self.bytes.split_first()?;
            self.bytes = rest;
            if shift < 32 {
                gap |= u32::from(byte & 0x7f) << shift;
            }
            shift += 7;
            if byte & 0x80 == 0 {
                break;
            }
        }
        self.last = self.last.wrapping_add(gap);
        Some(self.last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_back_as_written() {
        let cases: Vec<Vec<u32>> = vec![
            vec![],
            vec![0],
            vec![0, 0, 1],
            vec![5, 127, 128, 129, 16_383, 16_384, 2_000_000],
            vec![u32::MAX - 1, u32::MAX],
            (0..300).map(|i| i * 7).collect(),
        ];
        let mut packed = PackedLists::default();
        for case in &cases {
            packed.push(case.iter().copied());
        }
        assert_eq!(packed.len(), cases.len());
        for (i, case) in cases.iter().enumerate() {
            assert_eq!(&packed.get(i).collect::<Vec<_>>(), case, "list {i}");
        }
        assert_eq!(packed.get(cases.len()).count(), 0);
        assert_eq!(packed.get(usize::MAX).count(), 0);
    }

    #[test]
    fn built_at_once_equals_pushed_one_by_one() {
        let pairs: Vec<(usize, u32)> =
            vec![(1, 3), (0, 0), (1, 200), (2, 70_000), (1, 200), (0, 9)];
        let (built, counts) = PackedLists::build(4, |emit| {
            for &(list, n) in &pairs {
                emit(list, n);
            }
        });
        let mut pushed = PackedLists::default();
        for list in 0..4 {
            pushed.push(pairs.iter().filter(|p| p.0 == list).map(|p| p.1));
        }
        assert_eq!(counts, vec![2, 3, 1, 0]);
        assert_eq!(built.bytes, pushed.bytes);
        assert_eq!(built.start, pushed.start);
        assert_eq!(built.get(1).collect::<Vec<_>>(), vec![3, 200, 200]);
    }

    #[test]
    fn small_gaps_take_one_byte() {
        let mut packed = PackedLists::with_capacity(1);
        packed.push((1000..1100).step_by(3));
        // The first number takes two bytes, each later gap of 3 one.
        assert_eq!(packed.bytes.len(), 2 + 33);
    }
}
