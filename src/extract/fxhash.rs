//! A small, fast hasher for the extractor's per-item maps and word lists.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A small, fast multiplicative hasher for short string keys: a key of up
/// to eight bytes is one round (two overlapping loads), longer keys one
/// round per eight bytes.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

/// The little-endian number in the first `N` bytes of `bytes` (which has at least `N`).
#[inline]
fn load<const N: usize>(bytes: &[u8]) -> [u8; N] {
    let mut word = [0u8; N];
    word.copy_from_slice(&bytes[..N]);
    word
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let n = bytes.len();
        let word = match n {
            0 => 0,
            1..=3 => {
                u64::from(bytes[0])
                    | (u64::from(bytes[n / 2]) << 8)
                    | (u64::from(bytes[n - 1]) << 16)
            }
            4..=8 => {
                let head = u32::from_le_bytes(load(bytes));
                let tail = u32::from_le_bytes(load(&bytes[n - 4..]));
                u64::from(head) | (u64::from(tail) << 32)
            }
            _ => {
                let mut rest = bytes;
                while rest.len() > 8 {
                    self.add(u64::from_le_bytes(load(rest)));
                    rest = &rest[8..];
                }
                u64::from_le_bytes(load(&bytes[n - 8..]))
            }
        };
        // The length tells apart keys whose loads overlap alike.
        self.add(word ^ ((n as u64) << 59));
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Hash map with [`FxHasher`].
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// Hash set with [`FxHasher`].
pub type FxSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;
