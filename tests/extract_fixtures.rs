//! Regression test over short hand-written texts with their expected people,
//! places and organizations (`tests/fixtures/extract/NAME.txt` and
//! `NAME.expected`): every expected entity is found under its canonical name
//! with its kind, and no unexpected person or place is reported.

// Test helpers outside #[test] functions may unwrap too.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

use gazette::extract::Extractor;
use gazette::model::{Block, Entity, EntityKind, Item, ItemId};

fn item(path: &Path) -> Item {
    let text = fs::read_to_string(path).unwrap();
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let title = lines.next().unwrap().to_string();
    Item {
        id: ItemId::from_parts(&[&path.display().to_string()]),
        title,
        newsletter: None,
        publisher: None,
        date: None,
        author: None,
        url: None,
        tags: vec![],
        blocks: lines.map(|l| Block::Paragraph(l.to_string())).collect(),
        source: path.to_path_buf(),
    }
}

fn kind(word: &str) -> EntityKind {
    match word {
        "person" => EntityKind::Person,
        "place" => EntityKind::Place,
        "organization" => EntityKind::Organization,
        other => panic!("unknown kind {other}"),
    }
}

fn check(txt: &Path) -> Vec<String> {
    let expected = fs::read_to_string(txt.with_extension("expected")).unwrap();
    let item = item(txt);
    let got: Vec<Entity> = Extractor::global().extract(&item);
    let segments = item.segments();
    let mut problems = Vec::new();
    let mut wanted = Vec::new();
    for line in expected
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('|').map(str::trim).collect();
        let (k, name) = (kind(cols[0]), cols[1]);
        wanted.push((k, name.to_string()));
        match got.iter().find(|e| e.kind == k && e.name == name) {
            None => problems.push(format!("missing {k:?} {name}")),
            Some(e) => {
                if let Some(alias) = cols.get(2)
                    && !e.aliases.iter().any(|a| a == alias)
                {
                    problems.push(format!("{name}: no alias {alias} in {:?}", e.aliases));
                }
                for m in &e.mentions {
                    let text = &segments[m.segment][m.start..m.end];
                    if text.trim().is_empty() || text.starts_with(['M', 'D']) && text.ends_with('.')
                    {
                        problems.push(format!("{name}: bad mention span {text:?}"));
                    }
                }
            }
        }
    }
    for e in &got {
        let scored = matches!(e.kind, EntityKind::Person | EntityKind::Place);
        if scored && !wanted.iter().any(|(k, n)| *k == e.kind && *n == e.name) {
            problems.push(format!(
                "unexpected {:?} {} {:?}",
                e.kind, e.name, e.aliases
            ));
        }
    }
    problems
}

#[test]
fn fixtures_match_their_expected_entities() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/extract");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 3, "fixtures missing in {}", dir.display());
    let mut report = Vec::new();
    for f in &files {
        for p in check(f) {
            report.push(format!("{}: {p}", f.file_name().unwrap().to_string_lossy()));
        }
    }
    assert!(report.is_empty(), "\n{}", report.join("\n"));
}
