//! Read marks in the database: set, unset, persist, export and import.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failed unwrap is a failed test"
)]

use std::collections::HashSet;

use gazette::model::ItemId;
use gazette::store::db::{Db, DbError};

fn ids(names: &[&str]) -> Vec<ItemId> {
    names.iter().map(|n| ItemId((*n).to_owned())).collect()
}

fn set(names: &[&str]) -> HashSet<ItemId> {
    ids(names).into_iter().collect()
}

/// One `[[mark]]` table of the export format.
fn mark(id: &str, read: bool, at: i64) -> String {
    format!("[[mark]]\nid = \"{id}\"\nread = {read}\nat = {at}\n\n")
}

#[test]
fn marks_round_trip_and_persist_across_opens() {
    let dir = tempfile::tempdir().unwrap();
    {
        let db = Db::open(dir.path()).unwrap();
        assert_eq!(db.path(), dir.path().join("gazette.db"));
        assert!(db.read_ids().unwrap().is_empty());
        db.set_read(&ids(&["a", "b", "c"]), true).unwrap();
        assert_eq!(db.read_ids().unwrap(), set(&["a", "b", "c"]));
    }
    let db = Db::open(dir.path()).unwrap();
    assert_eq!(db.read_ids().unwrap(), set(&["a", "b", "c"]));
}

#[test]
fn unread_after_read_and_empty_calls() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(dir.path()).unwrap();
    db.set_read(&ids(&["a", "b"]), true).unwrap();
    db.set_read(&ids(&["a", "never-read"]), false).unwrap();
    assert_eq!(db.read_ids().unwrap(), set(&["b"]));
    db.set_read(&[], true).unwrap();
    assert_eq!(db.read_ids().unwrap(), set(&["b"]));
    db.set_read(&ids(&["a"]), true).unwrap();
    assert_eq!(db.read_ids().unwrap(), set(&["a", "b"]));
}

#[test]
fn open_creates_missing_directories() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("one/two");
    let db = Db::open(&nested).unwrap();
    db.set_read(&ids(&["x"]), true).unwrap();
    assert!(nested.join("gazette.db").is_file());
}

#[test]
fn export_then_import_reproduces_the_marks() {
    let dir = tempfile::tempdir().unwrap();
    let source = Db::open(&dir.path().join("a")).unwrap();
    source.set_read(&ids(&["x", "y", "z"]), true).unwrap();
    source.set_read(&ids(&["z"]), false).unwrap();
    let text = source.export_marks().unwrap();
    assert_eq!(text.matches("[[mark]]").count(), 3, "{text}");

    let target = Db::open(&dir.path().join("b")).unwrap();
    // x and y become read; z is unread on both sides, so it changes nothing.
    assert_eq!(target.import_marks(&text).unwrap(), 2);
    assert_eq!(target.read_ids().unwrap(), set(&["x", "y"]));
    assert_eq!(target.export_marks().unwrap(), text);
    // Importing the same text again changes nothing.
    assert_eq!(target.import_marks(&text).unwrap(), 0);
}

#[test]
fn import_keeps_the_newer_mark_per_id() {
    // (stored mark, imported mark, read afterwards, changed count)
    type Case = (Option<(bool, i64)>, (bool, i64), bool, usize);
    let cases: &[Case] = &[
        (None, (true, 50), true, 1),
        (None, (false, 50), false, 0),
        (Some((true, 100)), (false, 200), false, 1),
        (Some((true, 200)), (false, 100), true, 0),
        (Some((true, 100)), (false, 100), true, 0),
        (Some((false, 100)), (true, 200), true, 1),
        (Some((false, 300)), (true, 200), false, 0),
        (Some((true, 100)), (true, 300), true, 0),
    ];
    for (n, (stored, imported, read_after, changed)) in cases.iter().enumerate() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path()).unwrap();
        if let Some((read, at)) = stored {
            db.import_marks(&mark("m", *read, *at)).unwrap();
        }
        let got = db.import_marks(&mark("m", imported.0, imported.1)).unwrap();
        assert_eq!(got, *changed, "case {n}");
        assert_eq!(
            db.read_ids().unwrap().contains(&ItemId("m".into())),
            *read_after,
            "case {n}"
        );
        let newest = stored.map_or(imported.1, |(_, at)| at.max(imported.1));
        assert!(
            db.export_marks()
                .unwrap()
                .contains(&format!("at = {newest}")),
            "case {n}"
        );
    }
}

#[test]
fn import_accepts_dates_and_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(dir.path()).unwrap();
    let text = "[[mark]]\nid = \"dated\"\nat = \"2025-11-26T09:40:00Z\"\n\n\
                [[mark]]\nid = \"bare\"\n";
    assert_eq!(db.import_marks(text).unwrap(), 2);
    assert_eq!(db.read_ids().unwrap(), set(&["dated", "bare"]));
    let export = db.export_marks().unwrap();
    assert!(export.contains("at = 1764150000"), "{export}");
    assert!(export.contains("at = 0"), "{export}");
    assert_eq!(db.import_marks("").unwrap(), 0);
}

#[test]
fn a_bad_import_changes_nothing_and_names_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(dir.path()).unwrap();
    let cases = [
        "this is not toml = = =",
        "[[mark]]\nread = true\n",
        "[[mark]]\nid = \"ok\"\nat = 5\n\n[[mark]]\nid = \"late\"\nat = \"last tuesday\"\n",
        "[[mark]]\nid = \"  \"\nat = 5\n",
    ];
    for text in cases {
        let error = db.import_marks(text).unwrap_err();
        assert!(matches!(error, DbError::Import { .. }), "{text}: {error}");
        assert!(error.to_string().contains("gazette.db"), "{error}");
        assert!(db.read_ids().unwrap().is_empty(), "{text}");
    }
}

#[test]
fn a_newer_schema_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    drop(Db::open(dir.path()).unwrap());
    let path = dir.path().join("gazette.db");
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let error = Db::open(dir.path()).unwrap_err();
    assert!(
        matches!(error, DbError::TooNew { found: 99, .. }),
        "{error}"
    );
    assert!(
        error.to_string().contains(&path.display().to_string()),
        "{error}"
    );
    assert!(Db::open_or_recover(dir.path()).is_err());
    assert!(path.is_file());
    let moved = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains("corrupt")
        })
        .count();
    assert_eq!(moved, 0, "no file moved aside");
}
