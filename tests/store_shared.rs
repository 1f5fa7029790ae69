//! Loads the shared seed story and evaluation texts (`../shared`) and checks
//! what the plain-text parser makes of them. Skips when `../shared` is absent.

// Helpers outside #[test] functions may panic too: this whole file is tests.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use gazette::model::{Block, Item};
use gazette::store::load::parse_bytes;

const SHARED: &str = "../shared";

fn shared() -> Option<&'static Path> {
    let path = Path::new(SHARED);
    if path.is_dir() {
        Some(path)
    } else {
        println!("skipped: {SHARED} is absent");
        None
    }
}

fn load_one(path: &Path) -> Item {
    let bytes = fs::read(path).unwrap();
    let loaded = parse_bytes(&bytes, path, None);
    assert!(
        loaded.warnings.is_empty(),
        "{}: {:?}",
        path.display(),
        loaded.warnings
    );
    assert_eq!(loaded.items.len(), 1, "{}", path.display());
    loaded.items.into_iter().next().unwrap()
}

#[test]
fn seed_story_is_a_threat_status_repost() {
    let Some(root) = shared() else { return };
    let path = root.join("seed/threat-status-story.txt");
    if !path.is_file() {
        println!("skipped: {} is absent", path.display());
        return;
    }
    let item = load_one(&path);
    println!("seed title: {:?}", item.title);
    assert_eq!(item.newsletter.as_deref(), Some("Threat Status"));
    assert_eq!(item.publisher.as_deref(), Some("The Washington Times"));
    assert_eq!(item.date, None, "the seed names no date of its own");
    for block in &item.blocks {
        let text = block.text();
        for boiler in [
            "A version of this story",
            "Click here",
            "Skip to content",
            "Advertisement",
        ] {
            assert!(!text.contains(boiler), "boilerplate in body: {text}");
        }
    }
    // No headline: the title is the first sentence, shortened at a word.
    let first = item.blocks.first().map(Block::text).unwrap_or_default();
    let stem = item.title.trim_end_matches('…');
    assert!(first.starts_with(stem), "{:?} vs {first:?}", item.title);
    assert!(item.title.ends_with('…'));
    assert!(
        (40..=81).contains(&item.title.chars().count()),
        "{}",
        item.title
    );
    assert!(
        item.blocks.len() >= 10,
        "one paragraph per line: {}",
        item.blocks.len()
    );
    assert!(item.blocks.iter().all(|b| matches!(b, Block::Paragraph(_))));
}

/// The first line of a dev file and the date on its second non-empty line, as
/// a reader sees them (independent of the parser's rules).
fn expected(text: &str) -> (Option<String>, Option<NaiveDate>) {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().map(String::from);
    let is_date = |l: &str| {
        let head: String = l.split_whitespace().take(4).collect::<Vec<_>>().join(" ");
        NaiveDate::parse_from_str(&head, "%A, %B %-d, %Y").ok()
    };
    if let Some(date) = first.as_deref().and_then(is_date) {
        return (None, Some(date));
    }
    (first, lines.next().and_then(is_date))
}

#[test]
fn dev_files_get_headline_titles_and_dates() {
    let Some(root) = shared() else { return };
    let dir = root.join("eval/dev");
    let Ok(entries) = fs::read_dir(&dir) else {
        println!("skipped: {} is absent", dir.display());
        return;
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let (mut total, mut headline_titles, mut dated) = (0, 0, 0);
    for path in &paths {
        let item = load_one(path);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = fs::read_to_string(path).unwrap();
        let (headline, date) = expected(&text);
        total += 1;
        if headline.as_deref() == Some(item.title.as_str()) {
            headline_titles += 1;
        }
        if item.date.is_some() {
            dated += 1;
        }
        println!(
            "{name}: {:?} {:?} blocks={}",
            item.date,
            item.title,
            item.blocks.len()
        );
        if name.starts_with("news-") || name.starts_with("interview-") {
            if let Some(headline) = headline {
                assert_eq!(item.title, headline, "{name}");
            }
            assert_eq!(item.date, date, "{name}");
        }
        assert!(!item.title.is_empty(), "{name}");
        assert!(!item.blocks.is_empty(), "{name}");
        if date.is_some() {
            let second = item.blocks.first().map(Block::text).unwrap_or_default();
            assert!(
                NaiveDate::parse_from_str(second, "%A, %B %-d, %Y").is_err(),
                "{name}: date line kept"
            );
        }
    }
    println!("dev files: {total}, headline titles: {headline_titles}, dates: {dated}");
    assert!(
        total == 0 || headline_titles * 10 >= total * 8,
        "{headline_titles}/{total}"
    );
}
