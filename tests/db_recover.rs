//! A damaged database is detected at start, moved aside (never deleted),
//! replaced by a fresh one, and its readable read marks carried over.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failed unwrap is a failed test"
)]

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use gazette::model::{Block, Item, ItemId};
use gazette::store::db::Db;

fn id(n: usize) -> ItemId {
    ItemId(format!("{n:016x}"))
}

/// Files in `dir` named like a moved-aside database.
fn moved_files(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            name.starts_with("gazette.db.corrupt-")
                && !name.ends_with("-wal")
                && !name.ends_with("-shm")
        })
        .collect();
    found.sort();
    found
}

/// An item with a long body, to fill cache pages.
fn big_item(n: usize) -> Item {
    let text = format!("Paragraph {n} of filler written for the recovery test. ").repeat(60);
    Item {
        id: id(1_000_000 + n),
        title: format!("Filler {n}"),
        newsletter: None,
        publisher: None,
        date: None,
        author: None,
        url: None,
        tags: vec![],
        blocks: vec![Block::Paragraph(text)],
        source: PathBuf::from(format!("filler-{n}.txt")),
    }
}

#[test]
fn a_healthy_database_opens_without_a_message() {
    let dir = tempfile::tempdir().unwrap();
    Db::open(dir.path())
        .unwrap()
        .set_read(&[id(1)], true)
        .unwrap();
    let (db, message) = Db::open_or_recover(dir.path()).unwrap();
    assert_eq!(message, None);
    assert_eq!(db.read_ids().unwrap(), HashSet::from([id(1)]));
    assert!(moved_files(dir.path()).is_empty());
    // A directory without a database is not damage either.
    let (_, message) = Db::open_or_recover(&dir.path().join("new")).unwrap();
    assert_eq!(message, None);
}

#[test]
fn a_garbage_file_is_moved_aside_and_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gazette.db");
    let garbage = "These bytes were never a database.\n".repeat(200);
    fs::write(&path, &garbage).unwrap();

    let error = Db::open(dir.path()).unwrap_err();
    assert!(error.is_corruption(), "{error}");
    assert!(
        error.to_string().contains(&path.display().to_string()),
        "{error}"
    );

    let (db, message) = Db::open_or_recover(dir.path()).unwrap();
    let message = message.expect("a message about the damaged file");
    let moved = moved_files(dir.path());
    assert_eq!(moved.len(), 1);
    assert_eq!(
        fs::read_to_string(&moved[0]).unwrap(),
        garbage,
        "moved, not rewritten"
    );
    assert!(
        message.contains(&moved[0].display().to_string()),
        "{message}"
    );
    assert!(
        message.contains("No read marks could be recovered"),
        "{message}"
    );
    assert!(db.read_ids().unwrap().is_empty());
    db.set_read(&[id(7)], true).unwrap();
    drop(db);
    assert_eq!(
        Db::open_or_recover(dir.path()).unwrap().1,
        None,
        "the new file is healthy"
    );
}

#[test]
fn marks_are_recovered_from_a_truncated_database() {
    let dir = tempfile::tempdir().unwrap();
    let marks = 3000;
    {
        let db = Db::open(dir.path()).unwrap();
        let all: Vec<ItemId> = (0..marks).map(id).collect();
        db.set_read(&all, true).unwrap();
        let unread: Vec<ItemId> = (0..marks).step_by(10).map(id).collect();
        db.set_read(&unread, false).unwrap();
        db.batch(|db| {
            for n in 0..300 {
                let name = PathBuf::from(format!("filler-{n}.txt"));
                db.store_file(&name, 1, 1, &[(big_item(n), vec![])])?;
            }
            Ok(())
        })
        .unwrap();
    }
    let path = dir.path().join("gazette.db");
    let size = fs::metadata(&path).unwrap().len();
    assert!(size > 1_000_000, "the cache fills the file: {size}");
    fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .unwrap()
        .set_len(size / 2)
        .unwrap();

    let (db, message) = Db::open_or_recover(dir.path()).unwrap();
    let message = message.expect("a message about the damaged file");
    let moved = moved_files(dir.path());
    assert_eq!(moved.len(), 1);
    assert_eq!(fs::metadata(&moved[0]).unwrap().len(), size / 2);
    assert!(
        message.contains(&moved[0].display().to_string()),
        "{message}"
    );
    let expected: HashSet<ItemId> = (0..marks).filter(|n| n % 10 != 0).map(id).collect();
    assert!(
        message.contains(&format!("Recovered {} read marks", expected.len())),
        "{message}"
    );
    assert_eq!(db.read_ids().unwrap(), expected);
    assert_eq!(
        db.cached_file(Path::new("filler-0.txt"), 1, 1).unwrap(),
        None
    );
}

#[test]
fn a_file_cut_inside_its_header_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    Db::open(dir.path())
        .unwrap()
        .set_read(&[id(1)], true)
        .unwrap();
    let path = dir.path().join("gazette.db");
    fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .unwrap()
        .set_len(60)
        .unwrap();
    let (db, message) = Db::open_or_recover(dir.path()).unwrap();
    assert!(message.is_some());
    assert_eq!(moved_files(dir.path()).len(), 1);
    assert!(db.read_ids().unwrap().is_empty());
}

#[test]
fn repeated_damage_keeps_every_moved_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gazette.db");
    for round in 1..=3 {
        fs::write(&path, format!("garbage round {round}\n").repeat(100)).unwrap();
        let (db, message) = Db::open_or_recover(dir.path()).unwrap();
        assert!(message.is_some());
        drop(db);
        assert_eq!(moved_files(dir.path()).len(), round);
    }
}

#[test]
fn marks_on_both_sides_of_a_damaged_page_are_recovered() {
    let dir = tempfile::tempdir().unwrap();
    let marks = 3000;
    {
        let db = Db::open(dir.path()).unwrap();
        db.set_read(&(0..marks).map(id).collect::<Vec<_>>(), true)
            .unwrap();
    }
    let path = dir.path().join("gazette.db");
    let mut bytes = fs::read(&path).unwrap();
    let page = 4096;
    let pages = bytes.len() / page;
    assert!(pages > 20, "{pages} pages");
    // Scribble over a few pages in the middle of the marks.
    let damaged = pages / 2;
    bytes[damaged * page..(damaged + 3) * page].fill(0xa5);
    fs::write(&path, &bytes).unwrap();

    let (db, message) = Db::open_or_recover(dir.path()).unwrap();
    let message = message.expect("a message about the damaged file");
    let got = db.read_ids().unwrap();
    let all: HashSet<ItemId> = (0..marks).map(id).collect();
    assert!(got.is_subset(&all));
    // The scans from both ends reach past the damage: both ends survive.
    assert!(
        got.contains(&id(0)) && got.contains(&id(marks - 1)),
        "{message}"
    );
    assert!(
        got.len() > marks * 3 / 4,
        "recovered {} of {marks}: {message}",
        got.len()
    );
    assert!(
        message.contains(&format!("Recovered {} read marks", got.len())),
        "{message}"
    );
    eprintln!("{message} ({} of {marks})", got.len());
}
