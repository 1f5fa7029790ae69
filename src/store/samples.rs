//! The bundled sample library, embedded at build time from `samples/` (see
//! `build.rs`), opened when no library is configured.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::Loaded;
use super::load::{dedupe, parse_bytes};

include!(concat!(env!("OUT_DIR"), "/samples.rs"));

/// The date given to a sample that names none (samples carry their own).
const FALLBACK_DATE: Option<NaiveDate> = NaiveDate::from_ymd_opt(2025, 1, 1);

/// The names (relative to `samples/`) of the bundled files, sorted.
pub fn sample_names() -> impl Iterator<Item = &'static str> {
    SAMPLES.iter().map(|(name, _)| *name)
}

/// Parses every bundled sample, with `samples/<name>` as its source.
pub fn load_samples() -> Loaded {
    let mut loaded = Loaded::default();
    for (name, bytes) in SAMPLES {
        let source = PathBuf::from("samples").join(name);
        let mut one = parse_bytes(bytes, &source, FALLBACK_DATE);
        loaded.items.append(&mut one.items);
        loaded.warnings.append(&mut one.warnings);
    }
    dedupe(&mut loaded);
    loaded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sample_loads_without_warnings() {
        let loaded = load_samples();
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        assert_eq!(loaded.items.len(), SAMPLES.len());
        let names: Vec<&str> = sample_names().collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        assert_eq!(names, sorted);
        for item in &loaded.items {
            assert!(
                item.source.starts_with("samples"),
                "{}",
                item.source.display()
            );
            assert!(
                !item.title.is_empty() && !item.blocks.is_empty(),
                "{}",
                item.source.display()
            );
        }
    }

    #[test]
    fn placeholders_parse_while_present() {
        let loaded = load_samples();
        let find = |name: &str| {
            loaded
                .items
                .iter()
                .find(|i| i.source == PathBuf::from("samples").join(name))
        };
        if let Some(story) = find("zz-placeholder-story.txt") {
            assert_eq!(story.title, "Harbor cranes stand idle as dock talks stall");
            assert_eq!(story.newsletter.as_deref(), Some("Harbor Watch"));
            assert_eq!(story.date, NaiveDate::from_ymd_opt(2024, 3, 4));
        }
        if let Some(note) = find("zz-placeholder-note.md") {
            assert_eq!(note.title, "Ferry timetable changes for the spring");
            assert_eq!(note.tags, ["ferries"]);
        }
    }
}
