//! The embedded data: the world gazetteer, given names, English words and
//! demonyms, inflated once from `data/*.gz` into hash maps keyed by slices
//! of the (leaked, process-lifetime) decompressed text.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::io::Read;

use flate2::read::GzDecoder;

const PLACES_GZ: &[u8] = include_bytes!("../../data/places.tsv.gz");
const GIVEN_GZ: &[u8] = include_bytes!("../../data/given.tsv.gz");
const WORDS_GZ: &[u8] = include_bytes!("../../data/words.txt.gz");
const DEMONYMS_GZ: &[u8] = include_bytes!("../../data/demonyms.txt.gz");
const SURNAMES_GZ: &[u8] = include_bytes!("../../data/surnames.txt.gz");

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

/// What kind of place a gazetteer row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PlaceKind {
    /// A town or city.
    Town,
    /// A first-level region (state, province, oblast).
    Region,
    /// A continent.
    Continent,
    /// A country.
    Country,
}

/// One gazetteer row.
#[derive(Debug, Clone)]
pub struct Place {
    /// Canonical name.
    pub name: &'static str,
    /// Country, region, city or continent.
    pub kind: PlaceKind,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// Population (for regions: of their larger cities).
    pub population: u64,
    /// ISO 3166 country code (two letters; blank for continents).
    pub country: [u8; 2],
}

/// The best gazetteer row for a name, and how the name reached it.
#[derive(Debug, Clone, Copy)]
pub struct PlaceHit {
    /// Index into [`Lexicon::places`].
    pub index: u32,
    /// The name is the row's canonical name (not an alternate).
    pub primary: bool,
}

/// All embedded data, ready for lookups.
pub struct Lexicon {
    /// Gazetteer rows.
    pub places: Vec<Place>,
    /// Name (as written, capitalised) to its best row.
    pub place_names: FxMap<&'static str, PlaceHit>,
    /// Given name to US birth count.
    pub given: FxMap<&'static str, u32>,
    /// Lower-case English dictionary words.
    pub words: FxSet<&'static str>,
    /// Nationality adjectives and plurals ("Russian", "Russians").
    pub demonyms: FxSet<String>,
    /// Surnames that are not English words ("Rubio", "Courtois").
    pub surnames: FxSet<&'static str>,
}

fn inflate(bytes: &[u8]) -> &'static str {
    let mut text = String::new();
    // The data is built by tools/build_data.py; a corrupt file would fail every
    // test, so an empty table here is only a defensive fallback.
    if GzDecoder::new(bytes).read_to_string(&mut text).is_err() {
        text.clear();
    }
    Box::leak(text.into_boxed_str())
}

impl Lexicon {
    /// Inflates and indexes the embedded data (two threads: places, the rest).
    pub fn load() -> Self {
        let (places, place_names, (given, words, demonyms, surnames)) = std::thread::scope(|s| {
            let names = s.spawn(load_names);
            let (places, place_names) = load_places();
            let names = names.join().unwrap_or_else(|_| load_names());
            (places, place_names, names)
        });
        Self {
            places,
            place_names,
            given,
            words,
            demonyms,
            surnames,
        }
    }

    /// The best place for a name as written.
    pub fn place(&self, name: &str) -> Option<(PlaceHit, &Place)> {
        let hit = *self.place_names.get(name)?;
        Some((hit, &self.places[hit.index as usize]))
    }

    /// US birth count of a given name (0 when unknown); a hyphenated name
    /// ("Jean-Yves") counts as its best-known part.
    pub fn given_count(&self, name: &str) -> u32 {
        match self.given.get(name) {
            Some(&n) => n,
            None if name.contains('-') => {
                let parts = name.split('-');
                parts
                    .map(|p| self.given.get(p).copied().unwrap_or(0))
                    .min()
                    .unwrap_or(0)
            }
            None => 0,
        }
    }

    /// Whether the word is a known surname.
    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(word)
    }

    /// Whether the lower-cased token is an English dictionary word.
    pub fn is_word(&self, token: &str) -> bool {
        let bytes = token.as_bytes();
        if bytes.is_ascii() && bytes.len() <= 32 {
            if !bytes.iter().any(u8::is_ascii_uppercase) {
                return self.words.contains(token);
            }
            let mut buf = [0u8; 32];
            let lower = &mut buf[..bytes.len()];
            lower.copy_from_slice(bytes);
            lower.make_ascii_lowercase();
            return std::str::from_utf8(lower).is_ok_and(|w| self.words.contains(w));
        }
        if token.chars().all(|c| !c.is_uppercase()) {
            return self.words.contains(token);
        }
        self.words.contains(token.to_lowercase().as_str())
    }

    /// Whether the token is a nationality word ("Russian", "Ukrainians").
    pub fn is_demonym(&self, token: &str) -> bool {
        self.demonyms.contains(token)
    }
}

type Names = (
    FxMap<&'static str, u32>,
    FxSet<&'static str>,
    FxSet<String>,
    FxSet<&'static str>,
);

fn load_names() -> Names {
    let given_text = inflate(GIVEN_GZ);
    let mut given = FxMap::default();
    given.reserve(50_000);
    for line in given_text.lines() {
        if let Some((name, count)) = line.split_once('\t') {
            given.insert(name, count.parse().unwrap_or(0));
        }
    }
    let words_text = inflate(WORDS_GZ);
    let mut words = FxSet::default();
    words.reserve(70_000);
    words.extend(words_text.lines());
    let mut demonyms = FxSet::default();
    for d in inflate(DEMONYMS_GZ)
        .lines()
        .chain(super::titles::EXTRA_DEMONYMS.iter())
    {
        demonyms.insert(d.to_string());
        if d.ends_with('s') || d.ends_with("sh") || d.ends_with("ch") || d.ends_with("ese") {
            continue;
        }
        demonyms.insert(format!("{d}s"));
    }
    let mut surnames = FxSet::default();
    surnames.reserve(60_000);
    surnames.extend(inflate(SURNAMES_GZ).lines());
    (given, words, demonyms, surnames)
}

fn kind_of(code: &str) -> PlaceKind {
    match code {
        "C" => PlaceKind::Country,
        "K" => PlaceKind::Continent,
        "R" => PlaceKind::Region,
        _ => PlaceKind::Town,
    }
}

/// Whether row `a` should win a name over row `b`.
fn better(a: &Place, a_primary: bool, b: &Place, b_primary: bool) -> bool {
    let rank = |p: &Place, primary: bool| {
        let major = matches!(p.kind, PlaceKind::Country | PlaceKind::Continent);
        (major && primary, primary, major, p.population)
    };
    rank(a, a_primary) > rank(b, b_primary)
}

fn load_places() -> (Vec<Place>, FxMap<&'static str, PlaceHit>) {
    let text = inflate(PLACES_GZ);
    let mut places = Vec::with_capacity(40_000);
    let mut names: FxMap<&'static str, PlaceHit> = FxMap::default();
    names.reserve(170_000);
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
        let place = Place {
            name,
            kind: kind_of(kind),
            lat: lat.parse().unwrap_or(0.0),
            lon: lon.parse().unwrap_or(0.0),
            population: pop.parse().unwrap_or(0),
            country: match cc.as_bytes() {
                [a, b] => [*a, *b],
                _ => [b' ', b' '],
            },
        };
        let index = places.len() as u32;
        let forms = std::iter::once((name, true)).chain(
            alts.unwrap_or("")
                .split('|')
                .filter(|a| !a.is_empty())
                .map(|a| (a, false)),
        );
        for (form, primary) in forms {
            let hit = PlaceHit { index, primary };
            match names.get(form) {
                Some(old) if !better(&place, primary, &places[old.index as usize], old.primary) => {
                }
                _ => {
                    names.insert(form, hit);
                }
            }
        }
        places.push(place);
    }
    let former = super::titles::FORMER_COUNTRIES
        .iter()
        .map(|r| (r, PlaceKind::Country));
    let features = super::titles::WORLD_FEATURES
        .iter()
        .map(|r| (r, PlaceKind::Region));
    for (&(name, lat, lon), kind) in former.chain(features) {
        let index = places.len() as u32;
        if names.contains_key(name) {
            continue;
        }
        names.insert(
            name,
            PlaceHit {
                index,
                primary: true,
            },
        );
        places.push(Place {
            name,
            kind,
            lat,
            lon,
            population: 0,
            country: [b' ', b' '],
        });
    }
    (places, names)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> &'static Lexicon {
        &crate::extract::Extractor::global().lex
    }

    #[test]
    fn gazetteer_prefers_countries_and_big_places() {
        let cases = [
            ("Russia", "Russia", PlaceKind::Country),
            ("Georgia", "Georgia", PlaceKind::Country),
            ("Moscow", "Moscow", PlaceKind::Town),
            ("Kiev", "Kyiv", PlaceKind::Town),
            ("Pokrovsk", "Pokrovsk", PlaceKind::Town),
            ("Europe", "Europe", PlaceKind::Continent),
            ("Texas", "Texas", PlaceKind::Region),
        ];
        for (form, name, kind) in cases {
            let (_, place) = lex()
                .place(form)
                .unwrap_or_else(|| panic!("{form} missing"));
            assert_eq!((place.name, place.kind), (name, kind), "{form}");
        }
        let (_, moscow) = lex().place("Moscow").unwrap();
        assert!(
            moscow.lat > 50.0 && moscow.lon > 30.0,
            "Moscow, Russia wins over Idaho"
        );
    }

    #[test]
    fn names_words_and_demonyms() {
        assert!(lex().given_count("Steve") > 100_000);
        assert_eq!(lex().given_count("Witkoff"), 0);
        assert!(lex().is_word("Following") && lex().is_word("status"));
        assert!(!lex().is_word("Zelenskyy"));
        for d in ["Russian", "Ukrainian", "Russians", "American"] {
            assert!(lex().is_demonym(d), "{d}");
        }
        assert!(!lex().is_demonym("Russia"));
        assert!(
            lex().is_surname("Rubio") && !lex().is_surname("Smith"),
            "words are left out"
        );
        assert!(lex().given_count("Jean-Yves") > 0);
    }
}
