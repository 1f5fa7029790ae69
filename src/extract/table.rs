//! A hash table prebuilt by `build.rs` and read in place from the binary:
//! no parsing or allocation at start-up, and only the pages a lookup
//! touches are ever read. Layout in [`super::layout`].

use super::layout::{
    EMPTY, KEY_BYTES, MAX_KEY, filter_bits, filter_word, home, key_hash, slot_tag, u32_at, u64_at,
};

/// A set of strings (no value) or a map of strings to `u32`.
#[derive(Clone, Copy)]
pub struct Table {
    slots: &'static [u8],
    /// Bytes per slot: [`KEY_BYTES`], plus 4 in a map.
    width: usize,
    bits: u32,
    mask: usize,
    pool: &'static [u8],
    /// The table's filter ([`super::layout::filter_word`]), and its
    /// word count less one.
    filter: &'static [u8],
    filter_mask: usize,
}

/// Whether `a` and `b` (of the same length) are equal: word loads for
/// short keys, where a call to `memcmp` would cost more than the compare.
#[inline]
pub fn same(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    match n {
        0..=3 => a == b,
        4..=8 => u32_at(a, 0) == u32_at(b, 0) && u32_at(a, n - 4) == u32_at(b, n - 4),
        9..=16 => u64_at(a, 0) == u64_at(b, 0) && u64_at(a, n - 8) == u64_at(b, n - 8),
        _ => a == b,
    }
}

impl Table {
    /// A set (`with_values` false) or map over `slots`, whose keys are in
    /// `pool`, with its `filter`.
    pub fn new(
        slots: &'static [u8],
        filter: &'static [u8],
        with_values: bool,
        pool: &'static str,
    ) -> Self {
        let width = KEY_BYTES + if with_values { 4 } else { 0 };
        let count = slots.len() / width;
        // The build writes a power of two; anything else would be a broken
        // build, answered as an empty table.
        let (slots, count) = if count.is_power_of_two() && count * width == slots.len() {
            (slots, count)
        } else {
            (&[][..], 0)
        };
        let words = filter.len() / 8;
        // Likewise: a broken filter is a filter that lets every key pass.
        let filter = if words.is_power_of_two() && words * 8 == filter.len() {
            filter
        } else {
            &[0xFF; 8][..]
        };
        Self {
            slots,
            width,
            bits: count.trailing_zeros(),
            mask: count.wrapping_sub(1),
            pool: pool.as_bytes(),
            filter,
            filter_mask: filter.len() / 8 - 1,
        }
    }

    /// The value of `key` (0 in a set), if present.
    #[inline]
    pub fn get(&self, key: &[u8]) -> Option<u32> {
        if self.slots.is_empty() || key.len() > MAX_KEY {
            return None;
        }
        let hash = key_hash(key);
        let bits = filter_bits(hash);
        if u64_at(self.filter, filter_word(hash, self.filter_mask) * 8) & bits != bits {
            return None;
        }
        let tag = slot_tag(key.len(), hash);
        let mut i = home(hash, self.bits);
        loop {
            let at = i * self.width;
            let slot = u64_at(self.slots, at);
            let offset = slot as u32;
            if offset == EMPTY {
                return None;
            }
            if slot >> 32 == tag {
                let start = offset as usize;
                if self
                    .pool
                    .get(start..start + key.len())
                    .is_some_and(|k| same(k, key))
                {
                    return Some(if self.width > KEY_BYTES {
                        u32_at(self.slots, at + KEY_BYTES)
                    } else {
                        0
                    });
                }
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Whether `key` is present.
    #[inline]
    pub fn contains(&self, key: &[u8]) -> bool {
        self.get(key).is_some()
    }
}
