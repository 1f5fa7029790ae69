//! Checks the prebuilt tables against the data they were built from: every
//! key answers as a hash map built from `data/*.gz` would, and near misses
//! are absent.

use std::collections::HashMap;
use std::io::Read;

use super::*;

fn inflate(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(name);
    let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .expect("data inflates");
    text
}

fn lex() -> &'static Lexicon {
    &crate::extract::Extractor::global().lex
}

#[test]
fn sets_and_given_names_match_the_data() {
    let lex = lex();
    for (file, table) in [
        ("words.txt.gz", &lex.words),
        ("surnames.txt.gz", &lex.surnames),
    ] {
        for key in inflate(file).lines() {
            assert!(table.contains(key.as_bytes()), "{file}: {key}");
            let miss = format!("{key}\u{e9}");
            assert!(!table.contains(miss.as_bytes()) || inflate(file).lines().any(|k| k == miss));
        }
    }
    let mut given = HashMap::new();
    for line in inflate("given.tsv.gz").lines() {
        if let Some((name, count)) = line.split_once('\t') {
            given.insert(name.to_string(), count.parse::<u32>().unwrap_or(0));
        }
    }
    for (name, &count) in &given {
        assert_eq!(lex.given.get(name.as_bytes()), Some(count), "{name}");
        let miss = format!("{name}qq");
        assert_eq!(lex.given.get(miss.as_bytes()), given.get(&miss).copied());
    }
}

#[test]
fn every_place_name_finds_its_best_row() {
    let lex = lex();
    let text = inflate("places.tsv.gz");
    let rows: Vec<Vec<&str>> = text
        .lines()
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|f| f.len() >= 6)
        .collect();
    let mut best: HashMap<&str, (usize, bool)> = HashMap::new();
    let rank = |i: usize, primary: bool| {
        let p = lex.place_at(i as u32);
        let major = matches!(p.kind, PlaceKind::Country | PlaceKind::Continent);
        (major && primary, primary, major, p.population)
    };
    for (i, f) in rows.iter().enumerate() {
        let place = lex.place_at(i as u32);
        // A region may be shown by one of its alternate names.
        let alts = f.get(6).copied().unwrap_or("");
        assert!(
            place.name == f[0] || f[1] == "R" && alts.split('|').any(|a| a == place.name),
            "{} shown as {}",
            f[0],
            place.name
        );
        assert_eq!(place.lat, f[3].parse::<f64>().unwrap_or(0.0), "{}", f[0]);
        assert_eq!(place.lon, f[4].parse::<f64>().unwrap_or(0.0), "{}", f[0]);
        assert_eq!(place.population, f[5].parse::<u64>().unwrap_or(0));
        let forms = std::iter::once((f[0], true)).chain(
            alts.split('|')
                .filter(|a| !a.is_empty())
                .map(|a| (a, false)),
        );
        for (form, primary) in forms {
            match best.get(form) {
                Some(&(old, old_primary)) if rank(i, primary) <= rank(old, old_primary) => {}
                _ => {
                    best.insert(form, (i, primary));
                }
            }
        }
    }
    for (form, &(index, primary)) in &best {
        let (hit, _) = lex.place(form).unwrap_or_else(|| panic!("{form} missing"));
        assert_eq!(
            (hit.index as usize, hit.primary),
            (index, primary),
            "{form}"
        );
        assert!(
            lex.place(&format!("{form}zz")).is_none() || best.contains_key(&*format!("{form}zz"))
        );
    }
}

#[test]
fn regions_are_shown_by_the_names_readers_use() {
    let lex = lex();
    for (written, shown) in [
        ("Jiangsu", "Jiangsu"),
        ("Crimea", "Crimea"),
        ("Yaroslavl Oblast", "Yaroslavl Oblast"),
        ("Inner Mongolia", "Inner Mongolia"),
    ] {
        let (_, place) = lex
            .place(written)
            .unwrap_or_else(|| panic!("{written} missing"));
        assert_eq!(place.name, shown, "{written}");
    }
}
