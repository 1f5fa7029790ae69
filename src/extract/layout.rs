//! The layout of the lexicon's prebuilt tables, shared by `build.rs`
//! (which writes them) and [`super::table`] and [`super::lexicon`] (which
//! read them in place). Plain code only: the build script includes this file.
//!
//! A table is a power-of-two array of slots, open addressing with linear
//! probing from the slot named by the top bits of the key's hash. A slot
//! is a little-endian `u64` (key offset in the string pool: low 32 bits;
//! key length: next 8; a 24-bit fingerprint of the hash: top 24), then, in
//! a map, a little-endian `u32` value. An empty slot has offset
//! [`EMPTY`].
//!
//! Beside each table, a filter (blocked Bloom filter): a power-of-two
//! array of little-endian `u64` words in which each key sets the
//! [`filter_bits`] of its [`filter_word`].

/// Offset of an empty slot.
pub const EMPTY: u32 = u32::MAX;

/// Bytes of a slot's key part.
pub const KEY_BYTES: usize = 8;

/// Longest key a table holds.
pub const MAX_KEY: usize = 255;

/// Bytes per gazetteer row in `rows.bin`: name offset in the pool (`u32`)
/// and length (`u16`), kind (`u8`: 0 town, 1 region, 2 continent,
/// 3 country), a spare byte, country code (2 bytes), 6 spare bytes,
/// latitude and longitude (`f64` bits), population (`u64`); little-endian.
pub const ROW_BYTES: usize = 40;

/// The little-endian `u64` at byte `i` of `b`.
#[inline]
pub fn u64_at(b: &[u8], i: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&b[i..i + 8]);
    u64::from_le_bytes(w)
}

/// The little-endian `u32` at byte `i` of `b`.
#[inline]
pub fn u32_at(b: &[u8], i: usize) -> u32 {
    let mut w = [0u8; 4];
    w.copy_from_slice(&b[i..i + 4]);
    u32::from_le_bytes(w)
}

/// A fast multiplicative hash of a short key: one round per eight bytes,
/// then a fold so that both the top bits (slot) and the middle bits
/// (fingerprint) depend on the whole key.
#[inline]
pub fn key_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    #[inline]
    fn add(h: u64, word: u64) -> u64 {
        (h.rotate_left(5) ^ word).wrapping_mul(K)
    }
    #[inline]
    fn load4(b: &[u8]) -> u64 {
        let mut w = [0u8; 4];
        w.copy_from_slice(&b[..4]);
        u64::from(u32::from_le_bytes(w))
    }
    #[inline]
    fn load8(b: &[u8]) -> u64 {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[..8]);
        u64::from_le_bytes(w)
    }
    let n = bytes.len();
    let mut h = 0u64;
    let word = match n {
        0 => 0,
        1..=3 => {
            u64::from(bytes[0]) | (u64::from(bytes[n / 2]) << 8) | (u64::from(bytes[n - 1]) << 16)
        }
        4..=8 => load4(bytes) | (load4(&bytes[n - 4..]) << 32),
        _ => {
            let mut rest = bytes;
            while rest.len() > 8 {
                h = add(h, load8(rest));
                rest = &rest[8..];
            }
            load8(&bytes[n - 8..])
        }
    };
    h = add(h, word ^ ((n as u64) << 56));
    h ^ (h >> 29).wrapping_mul(K)
}

/// The key part of a slot that holds `len` bytes at pool offset `offset`
/// for a key hashing to `hash`.
#[allow(dead_code, reason = "only the build script writes slots")]
#[inline]
pub fn slot_key(offset: u32, len: usize, hash: u64) -> u64 {
    u64::from(offset) | ((len as u64) << 32) | (tag(hash) << 40)
}

/// The length and fingerprint bits of a slot for a key of `len` bytes
/// hashing to `hash` (the slot's bits above the offset).
#[inline]
pub fn slot_tag(len: usize, hash: u64) -> u64 {
    (len as u64) | (tag(hash) << 8)
}

#[inline]
fn tag(hash: u64) -> u64 {
    (hash >> 16) & 0xFF_FFFF
}

/// Bits of a table's filter per key: a miss is answered from the filter
/// (a few hundred KiB in all, which stay in cache) in all but a few
/// percent of lookups, without reading the table's slots.
#[allow(dead_code, reason = "only the build script sizes filters")]
pub const FILTER_BITS_PER_KEY: usize = 8;

/// The 64-bit filter word for a key hashing to `hash`, in a filter of
/// `mask + 1` words (a power of two).
#[inline]
pub fn filter_word(hash: u64, mask: usize) -> usize {
    (hash >> 8) as usize & mask
}

/// The bits a key hashing to `hash` sets in its filter word.
#[inline]
pub fn filter_bits(hash: u64) -> u64 {
    (1 << ((hash >> 40) & 63)) | (1 << ((hash >> 46) & 63)) | (1 << ((hash >> 52) & 63))
}

/// The first slot to probe for `hash` in a table of `1 << bits` slots.
#[inline]
pub fn home(hash: u64, bits: u32) -> usize {
    if bits == 0 {
        0
    } else {
        (hash >> (64 - bits)) as usize
    }
}
