//! Prebuilds the extractor's lexicon from `data/*.gz` into
//! `$OUT_DIR/lexicon/`, in the layout `src/extract/table.rs` reads in place:
//!
//! - `pool.txt`: every key and place name, concatenated (UTF-8);
//! - `places.bin`: map from place name (as written) to its best gazetteer
//!   row (bit 31: the name is the row's canonical name);
//! - `given.bin`: map from given name to its US birth count;
//! - `words.bin`, `surnames.bin`: sets;
//! - `*.filter`: each table's filter, which answers most misses;
//! - `rows.bin`: the gazetteer rows, [`ROW_BYTES`] each;
//! - `demonyms.txt`: the demonym list, inflated (it is tiny).
//!
//! The choices (which row a name goes to, duplicate keys, unparsable
//! numbers) follow what the extractor did when it built its tables at
//! start-up, so lookups answer the same.

use std::collections::HashMap;
use std::fs;
use std::io::{self, Read};
use std::path::Path;

use flate2::read::GzDecoder;

#[path = "../src/extract/layout.rs"]
#[allow(dead_code)]
mod layout;

use layout::{
    EMPTY, FILTER_BITS_PER_KEY, MAX_KEY, ROW_BYTES, filter_bits, filter_word, home, key_hash,
    slot_key,
};

/// Writes every table under `out/lexicon`; `data` is the repository's `data/`.
pub fn build(data: &Path, out: &Path) -> io::Result<()> {
    let dir = out.join("lexicon");
    fs::create_dir_all(&dir)?;
    let mut pool = Pool::default();

    let places = inflate(&data.join("places.tsv.gz"))?;
    let (rows, names) = places_and_names(&places, &mut pool);
    fs::write(dir.join("rows.bin"), rows)?;
    fs::write(dir.join("places.bin"), table(&names, true, &pool)?)?;
    fs::write(dir.join("places.filter"), filter(&names, &pool))?;

    let given_text = inflate(&data.join("given.tsv.gz"))?;
    let mut given: Vec<(&str, u32)> = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for line in given_text.lines() {
        if let Some((name, count)) = line.split_once('\t') {
            let count = count.parse().unwrap_or(0);
            // A repeated name keeps its last count.
            match seen.get(name) {
                Some(&i) => given[i].1 = count,
                None => {
                    seen.insert(name, given.len());
                    given.push((name, count));
                }
            }
        }
    }
    let given = intern_all(&given, &mut pool);
    fs::write(dir.join("given.bin"), table(&given, true, &pool)?)?;
    fs::write(dir.join("given.filter"), filter(&given, &pool))?;

    for (file, name, filter_name) in [
        ("words.txt.gz", "words.bin", "words.filter"),
        ("surnames.txt.gz", "surnames.bin", "surnames.filter"),
    ] {
        let text = inflate(&data.join(file))?;
        let mut keys: Vec<(&str, u32)> = text.lines().map(|w| (w, 0)).collect();
        keys.sort_unstable();
        keys.dedup();
        let keys = intern_all(&keys, &mut pool);
        fs::write(dir.join(name), table(&keys, false, &pool)?)?;
        fs::write(dir.join(filter_name), filter(&keys, &pool))?;
    }

    fs::write(
        dir.join("demonyms.txt"),
        inflate(&data.join("demonyms.txt.gz"))?,
    )?;
    fs::write(dir.join("pool.txt"), &pool.text)
}

fn inflate(path: &Path) -> io::Result<String> {
    let mut text = String::new();
    GzDecoder::new(fs::File::open(path)?).read_to_string(&mut text)?;
    Ok(text)
}

/// Every string once, concatenated.
#[derive(Default)]
struct Pool {
    text: String,
    at: HashMap<String, u32>,
}

impl Pool {
    /// The offset of `s` in the pool, adding it if new.
    fn intern(&mut self, s: &str) -> u32 {
        if let Some(&at) = self.at.get(s) {
            return at;
        }
        let at = u32::try_from(self.text.len()).expect("pool under 4 GB");
        assert!(at != EMPTY, "pool under 4 GB");
        self.text.push_str(s);
        self.at.insert(s.to_string(), at);
        at
    }

    fn get(&self, offset: u32, len: usize) -> &str {
        &self.text[offset as usize..offset as usize + len]
    }
}

/// A key interned in the pool: offset, length, value.
type Key = (u32, usize, u32);

fn intern_all(keys: &[(&str, u32)], pool: &mut Pool) -> Vec<Key> {
    keys.iter()
        .map(|&(k, v)| (pool.intern(k), k.len(), v))
        .collect()
}

/// The slots of a table holding `keys` (distinct), with values or not.
fn table(keys: &[Key], with_values: bool, pool: &Pool) -> io::Result<Vec<u8>> {
    let count = (keys.len() * 2).next_power_of_two().max(2);
    let bits = count.trailing_zeros();
    let width = layout::KEY_BYTES + if with_values { 4 } else { 0 };
    let mut slots = vec![0u8; count * width];
    for i in 0..count {
        slots[i * width..i * width + 4].copy_from_slice(&EMPTY.to_le_bytes());
    }
    for &(offset, len, value) in keys {
        if len > MAX_KEY {
            return Err(io::Error::other(format!(
                "lexicon key longer than {MAX_KEY} bytes: {}",
                pool.get(offset, len)
            )));
        }
        let hash = key_hash(pool.get(offset, len).as_bytes());
        let mut i = home(hash, bits);
        while slots[i * width..i * width + 4] != EMPTY.to_le_bytes() {
            i = (i + 1) & (count - 1);
        }
        let at = i * width;
        slots[at..at + 8].copy_from_slice(&slot_key(offset, len, hash).to_le_bytes());
        if with_values {
            slots[at + 8..at + 12].copy_from_slice(&value.to_le_bytes());
        }
    }
    Ok(slots)
}

/// The filter of a table holding `keys`: [`FILTER_BITS_PER_KEY`] bits per
/// key, rounded up to a power of two of `u64` words.
fn filter(keys: &[Key], pool: &Pool) -> Vec<u8> {
    let words = (keys.len() * FILTER_BITS_PER_KEY / 64)
        .next_power_of_two()
        .max(1);
    let mut filter = vec![0u64; words];
    for &(offset, len, _) in keys {
        let hash = key_hash(pool.get(offset, len).as_bytes());
        filter[filter_word(hash, words - 1)] |= filter_bits(hash);
    }
    filter.iter().flat_map(|w| w.to_le_bytes()).collect()
}

/// One gazetteer row, as read from `places.tsv`.
struct Row {
    kind: u8,
    population: u64,
}

/// Kind codes: 0 town, 1 region, 2 continent, 3 country (the order of
/// `PlaceKind`).
fn kind_code(code: &str) -> u8 {
    match code {
        "C" => 3,
        "K" => 2,
        "R" => 1,
        _ => 0,
    }
}

/// Whether row `a` should win a name over row `b`.
fn better(a: &Row, a_primary: bool, b: &Row, b_primary: bool) -> bool {
    let rank = |p: &Row, primary: bool| {
        let major = p.kind >= 2;
        (major && primary, primary, major, p.population)
    };
    rank(a, a_primary) > rank(b, b_primary)
}

/// The name a region is shown by. GeoNames names some regions in their
/// own administrative form ("Jiangsu Sheng", "Avtonomna Respublika Krym",
/// "Yaroslavskaya oblast'"); a reader knows them as "Jiangsu", "Crimea",
/// "Yaroslavl Oblast". Among the alternate names in plain ASCII: the one the
/// native form starts with, else the shortest with no administrative word,
/// else the shortest that keeps one in English ("Oblast", "Krai").
fn region_display_name<'t>(name: &'t str, alts: &'t str) -> &'t str {
    const NATIVE: &[&str] = &[
        "Sheng",
        "Shi",
        "Zizhiqu",
        "Respublika",
        "oblast'",
        "kray",
        "Kray",
        "voblasć",
        "Wilayah",
    ];
    const ADMIN: &[&str] = &[
        "Province",
        "Region",
        "Republic",
        "Autonomous",
        "Municipality",
        "Oblast",
        "Krai",
        "Kray",
        "Sheng",
        "Shi",
        "Zizhiqu",
        "Respublika",
        "Voblasts",
        "of",
    ];
    if !name.split([' ', ',']).any(|w| NATIVE.contains(&w)) {
        return name;
    }
    let plain = |a: &&str| {
        a.starts_with(|c: char| c.is_ascii_uppercase())
            && a.chars()
                .all(|c| c.is_ascii_alphabetic() || matches!(c, ' ' | '-' | '\'' | '.'))
    };
    let candidates: Vec<&str> = alts.split('|').filter(plain).collect();
    let admin = |a: &str| a.split(' ').any(|w| ADMIN.contains(&w));
    let prefix = candidates
        .iter()
        .filter(|a| {
            name.strip_prefix(**a)
                .is_some_and(|rest| rest.starts_with([' ', ',']))
        })
        .max_by_key(|a| a.len());
    let bare = candidates
        .iter()
        .filter(|a| !admin(a))
        .min_by_key(|a| a.len());
    let english = candidates
        .iter()
        .filter(|a| a.split(' ').filter(|w| ADMIN.contains(w)).count() == 1)
        .filter(|a| a.ends_with(" Oblast") || a.ends_with(" Krai") || a.ends_with(" Kray"))
        .min_by_key(|a| a.len());
    prefix.or(bare).or(english).copied().unwrap_or(name)
}

/// `rows.bin` and the keys of `places.bin`.
fn places_and_names(text: &str, pool: &mut Pool) -> (Vec<u8>, Vec<Key>) {
    let mut bytes = Vec::new();
    let mut rows: Vec<Row> = Vec::new();
    // Name to (row, primary); insertion order kept for a stable layout.
    let mut best: HashMap<&str, (u32, bool)> = HashMap::new();
    let mut order: Vec<&str> = Vec::new();
    for line in text.lines() {
        let mut f = line.split('\t');
        let (Some(name), Some(kind), Some(cc), Some(lat), Some(lon), Some(pop), alts) = (
            f.next(),
            f.next(),
            f.next(),
            f.next(),
            f.next(),
            f.next(),
            f.next(),
        ) else {
            continue;
        };
        let row = Row {
            kind: kind_code(kind),
            population: pop.parse().unwrap_or(0),
        };
        let lat: f64 = lat.parse().unwrap_or(0.0);
        let lon: f64 = lon.parse().unwrap_or(0.0);
        let country = match cc.as_bytes() {
            [a, b] => [*a, *b],
            _ => [b' ', b' '],
        };
        let shown = if row.kind == 1 {
            region_display_name(name, alts.unwrap_or(""))
        } else {
            name
        };
        bytes.extend_from_slice(&row_bytes(
            pool.intern(shown),
            shown.len(),
            &row,
            country,
            lat,
            lon,
        ));
        let index = rows.len() as u32;
        let forms = std::iter::once((name, true)).chain(
            alts.unwrap_or("")
                .split('|')
                .filter(|a| !a.is_empty())
                .map(|a| (a, false)),
        );
        for (form, primary) in forms {
            let old_row = |old: u32| rows.get(old as usize).unwrap_or(&row);
            match best.get(form) {
                Some(&(old, old_primary)) if !better(&row, primary, old_row(old), old_primary) => {}
                Some(_) => {
                    best.insert(form, (index, primary));
                }
                None => {
                    best.insert(form, (index, primary));
                    order.push(form);
                }
            }
        }
        rows.push(row);
    }
    let keys = order
        .into_iter()
        .map(|form| {
            let (index, primary) = best[form];
            (
                pool.intern(form),
                form.len(),
                index | (u32::from(primary) << 31),
            )
        })
        .collect();
    (bytes, keys)
}

/// A row of `rows.bin` (layout at [`ROW_BYTES`]).
fn row_bytes(
    offset: u32,
    len: usize,
    row: &Row,
    country: [u8; 2],
    lat: f64,
    lon: f64,
) -> [u8; ROW_BYTES] {
    let mut b = [0u8; ROW_BYTES];
    b[0..4].copy_from_slice(&offset.to_le_bytes());
    b[4..6].copy_from_slice(&u16::try_from(len).expect("short place names").to_le_bytes());
    b[6] = row.kind;
    b[8..10].copy_from_slice(&country);
    b[16..24].copy_from_slice(&lat.to_bits().to_le_bytes());
    b[24..32].copy_from_slice(&lon.to_bits().to_le_bytes());
    b[32..40].copy_from_slice(&row.population.to_le_bytes());
    b
}
