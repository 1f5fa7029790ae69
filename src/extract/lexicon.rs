//! The embedded data: the world gazetteer, given names, surnames, English
//! words and demonyms. `build.rs` prebuilds them from `data/*.gz` into hash
//! tables laid out in the binary ([`super::table`]), read in place: start-up
//! only hashes the few hand-written additions.

pub use super::fxhash::{FxMap, FxSet};
use super::layout::{ROW_BYTES, u32_at, u64_at};
use super::quick::QuickFilter;
use super::table::Table;

/// Every key and place name of the tables, concatenated.
static POOL: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon/pool.txt"));
/// Gazetteer rows, [`ROW_BYTES`] each.
static ROWS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon/rows.bin"));
/// Place name to row (bit 31: the canonical name).
static PLACE_NAMES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon/places.bin"));
/// Given name to US birth count.
static GIVEN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon/given.bin"));
/// Lower-case English words.
static WORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon/words.bin"));
/// Surnames that are not English words.
static SURNAMES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon/surnames.bin"));
/// The filters of the four tables above.
static PLACE_FILTER: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon/places.filter"));
static GIVEN_FILTER: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon/given.filter"));
static WORD_FILTER: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon/words.filter"));
static SURNAME_FILTER: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon/surnames.filter"));
/// Nationality adjectives, one a line.
static DEMONYMS: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon/demonyms.txt"));

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
#[derive(Debug, Clone, Copy)]
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
    /// Row index, for [`Lexicon::place_at`].
    pub index: u32,
    /// The name is the row's canonical name (not an alternate).
    pub primary: bool,
}

/// All embedded data, ready for lookups.
pub struct Lexicon {
    /// Name (as written, capitalised) to its best row.
    place_names: Table,
    /// Former countries and world features missing from the gazetteer:
    /// the rows after those of [`ROWS`].
    extra_places: Vec<Place>,
    /// Their names.
    extra_names: FxMap<&'static str, PlaceHit>,
    /// A filter over those names, asked before the map.
    extra_filter: QuickFilter,
    /// Given name to US birth count.
    given: Table,
    /// Lower-case English dictionary words.
    words: Table,
    /// Nationality adjectives and plurals ("Russian", "Russians").
    demonyms: FxSet<String>,
    /// A filter over the demonyms, asked before the set.
    demonym_filter: QuickFilter,
    /// Surnames that are not English words ("Rubio", "Courtois").
    surnames: Table,
}

impl Lexicon {
    /// Opens the embedded tables and adds the hand-written places.
    pub fn load() -> Self {
        let place_names = Table::new(PLACE_NAMES, PLACE_FILTER, true, POOL);
        let (extra_places, extra_names) = extra_places(&place_names);
        let demonyms = demonyms();
        let filter = |words: &mut dyn Iterator<Item = &str>| {
            let mut filter = QuickFilter::default();
            words.for_each(|w| filter.insert(w));
            filter
        };
        Self {
            place_names,
            extra_places,
            extra_filter: filter(&mut extra_names.keys().copied()),
            extra_names,
            given: Table::new(GIVEN, GIVEN_FILTER, true, POOL),
            words: Table::new(WORDS, WORD_FILTER, false, POOL),
            demonym_filter: filter(&mut demonyms.iter().map(String::as_str)),
            demonyms,
            surnames: Table::new(SURNAMES, SURNAME_FILTER, false, POOL),
        }
    }

    /// The gazetteer row at `index` (a [`PlaceHit::index`]).
    ///
    /// # Panics
    ///
    /// When there is no such row.
    pub fn place_at(&self, index: u32) -> Place {
        let i = index as usize;
        match ROWS.get(i * ROW_BYTES..(i + 1) * ROW_BYTES) {
            Some(bytes) => row(bytes),
            None => self.extra_places[i - ROWS.len() / ROW_BYTES],
        }
    }

    /// How many gazetteer rows there are.
    pub fn place_count(&self) -> usize {
        ROWS.len() / ROW_BYTES + self.extra_places.len()
    }

    /// The best place for a name as written.
    pub fn place(&self, name: &str) -> Option<(PlaceHit, Place)> {
        let hit = match self.place_names.get(name.as_bytes()) {
            Some(v) => PlaceHit {
                index: v & !PRIMARY,
                primary: v & PRIMARY != 0,
            },
            None if self.extra_filter.may_contain(name) => *self.extra_names.get(name)?,
            None => return None,
        };
        Some((hit, self.place_at(hit.index)))
    }

    /// US birth count of a given name (0 when unknown); a hyphenated name
    /// ("Jean-Yves") counts as its best-known part.
    pub fn given_count(&self, name: &str) -> u32 {
        match self.given.get(name.as_bytes()) {
            Some(n) => n,
            None if name.contains('-') => {
                let parts = name.split('-');
                parts
                    .map(|p| self.given.get(p.as_bytes()).unwrap_or(0))
                    .min()
                    .unwrap_or(0)
            }
            None => 0,
        }
    }

    /// Whether the word is a known surname.
    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(word.as_bytes())
    }

    /// Whether the lower-cased token is an English dictionary word.
    pub fn is_word(&self, token: &str) -> bool {
        let bytes = token.as_bytes();
        if bytes.is_ascii() && bytes.len() <= 32 {
            if !bytes.iter().any(u8::is_ascii_uppercase) {
                return self.words.contains(bytes);
            }
            let mut buf = [0u8; 32];
            let lower = &mut buf[..bytes.len()];
            lower.copy_from_slice(bytes);
            lower.make_ascii_lowercase();
            return self.words.contains(lower);
        }
        if token.chars().all(|c| !c.is_uppercase()) {
            return self.words.contains(bytes);
        }
        self.words.contains(token.to_lowercase().as_bytes())
    }

    /// Whether the token is a nationality word ("Russian", "Ukrainians").
    pub fn is_demonym(&self, token: &str) -> bool {
        self.demonym_filter.may_contain(token) && self.demonyms.contains(token)
    }
}

/// The bit of a place-name value that marks the row's canonical name.
const PRIMARY: u32 = 1 << 31;

/// A gazetteer row of `rows.bin`.
fn row(b: &[u8]) -> Place {
    let start = u32_at(b, 0) as usize;
    let len = usize::from(u16::from_le_bytes([b[4], b[5]]));
    Place {
        name: POOL.get(start..start + len).unwrap_or_default(),
        kind: match b[6] {
            3 => PlaceKind::Country,
            2 => PlaceKind::Continent,
            1 => PlaceKind::Region,
            _ => PlaceKind::Town,
        },
        lat: f64::from_bits(u64_at(b, 16)),
        lon: f64::from_bits(u64_at(b, 24)),
        population: u64_at(b, 32),
        country: [b[8], b[9]],
    }
}

/// The hand-written former countries and world features that the
/// gazetteer lacks, as rows after its own, and their names.
fn extra_places(names: &Table) -> (Vec<Place>, FxMap<&'static str, PlaceHit>) {
    let mut places = Vec::new();
    let mut extra: FxMap<&'static str, PlaceHit> = FxMap::default();
    let former = super::titles::FORMER_COUNTRIES
        .iter()
        .map(|r| (r, PlaceKind::Country));
    let features = super::titles::WORLD_FEATURES
        .iter()
        .map(|r| (r, PlaceKind::Region));
    for (&(name, lat, lon), kind) in former.chain(features) {
        let index = (ROWS.len() / ROW_BYTES + places.len()) as u32;
        if names.contains(name.as_bytes()) || extra.contains_key(name) {
            continue;
        }
        extra.insert(
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
    (places, extra)
}

/// The demonyms and their plurals ("Russian", "Russians").
fn demonyms() -> FxSet<String> {
    let mut demonyms = FxSet::default();
    for d in DEMONYMS.lines().chain(super::titles::EXTRA_DEMONYMS.iter()) {
        demonyms.insert(d.to_string());
        if d.ends_with('s') || d.ends_with("sh") || d.ends_with("ch") || d.ends_with("ese") {
            continue;
        }
        demonyms.insert(format!("{d}s"));
    }
    demonyms
}

#[cfg(test)]
#[path = "lexicon_tests.rs"]
mod data_tests;

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
