//! The index cache: a file's items and entities, valid while its size and
//! modification time are unchanged.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failed unwrap is a failed test"
)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use gazette::model::{Block, Entity, EntityKind, Item, ItemId, Mention};
use gazette::store::db::{Db, DbError, Indexed};
use gazette::store::paths::PathList;

fn item(title: &str, source: &str) -> (Item, Vec<Entity>) {
    let item = Item {
        id: ItemId::from_parts(&["Test Letter", "2025-03-04", title]),
        title: title.to_owned(),
        newsletter: Some("Test Letter".into()),
        publisher: None,
        date: NaiveDate::from_ymd_opt(2025, 3, 4),
        author: Some("A. Writer".into()),
        url: None,
        tags: vec!["tag".into()],
        blocks: vec![
            Block::Heading("Harbour news".into()),
            Block::Paragraph("Mayor Ada Quill opened the bridge in Lowmarsh.".into()),
        ],
        source: PathBuf::from(source),
    };
    let entities = vec![
        Entity {
            name: "Ada Quill".into(),
            kind: EntityKind::Person,
            aliases: vec!["Ada Quill".into()],
            mentions: vec![Mention {
                segment: 2,
                start: 6,
                end: 15,
            }],
        },
        Entity {
            name: "Lowmarsh".into(),
            kind: EntityKind::Place,
            aliases: vec![],
            mentions: vec![Mention {
                segment: 2,
                start: 38,
                end: 46,
            }],
        },
    ];
    (item, entities)
}

/// What the index keeps of each item.
fn indexed(items: &[(Item, Vec<Entity>)]) -> Vec<Indexed> {
    items
        .iter()
        .map(|(item, entities)| Indexed::of(item, entities))
        .collect()
}

fn count(db_path: &Path, table: &str) -> i64 {
    let conn = rusqlite::Connection::open(db_path).unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn stored_items_come_back_only_with_the_same_stamp() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(dir.path()).unwrap();
    let path = Path::new("/library/one.txt");
    let items = vec![
        item("Bridge opens", "/library/one.txt"),
        item("Second", "/library/one.txt"),
    ];
    assert_eq!(db.cached_file(path, 10, 20).unwrap(), None);
    db.store_file(path, 10, 20, &items).unwrap();

    let cases = [
        ((10, 20), true),
        ((11, 20), false),
        ((10, 21), false),
        ((0, 0), false),
    ];
    for ((size, mtime), hit) in cases {
        let got = db.cached_file(path, size, mtime).unwrap();
        assert_eq!(
            got,
            hit.then(|| indexed(&items)),
            "size {size} mtime {mtime}"
        );
    }
    assert_eq!(
        db.cached_file(Path::new("/library/other.txt"), 10, 20)
            .unwrap(),
        None
    );
    assert_eq!(count(db.index_path(), "items"), 2);
    let got = db.cached_file(path, 10, 20).unwrap().unwrap();
    assert_eq!(got[0].actors.len(), 2, "each item's two actors are kept");
}

#[test]
fn storing_again_replaces_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(dir.path()).unwrap();
    let path = Path::new("/library/one.txt");
    db.store_file(path, 10, 20, &[item("Old", "x"), item("Older", "x")])
        .unwrap();
    let new = vec![item("New", "x")];
    db.store_file(path, 12, 30, &new).unwrap();
    assert_eq!(db.cached_file(path, 10, 20).unwrap(), None);
    assert_eq!(db.cached_file(path, 12, 30).unwrap(), Some(indexed(&new)));
    assert_eq!(count(db.index_path(), "files"), 1);
    assert_eq!(count(db.index_path(), "items"), 1);
}

#[test]
fn prune_removes_files_not_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(dir.path()).unwrap();
    let paths: Vec<PathBuf> = ["a.txt", "b.txt", "c.txt"]
        .iter()
        .map(PathBuf::from)
        .collect();
    for path in &paths {
        db.store_file(path, 1, 1, &[item("T", "s")]).unwrap();
    }
    let keep = [
        paths[0].clone(),
        paths[2].clone(),
        PathBuf::from("never-stored.txt"),
    ];
    assert_eq!(db.prune_files(&PathList::from(&keep[..])).unwrap(), 1);
    assert!(db.cached_file(&paths[0], 1, 1).unwrap().is_some());
    assert!(db.cached_file(&paths[1], 1, 1).unwrap().is_none());
    assert!(db.cached_file(&paths[2], 1, 1).unwrap().is_some());
    assert_eq!(count(db.index_path(), "items"), 2);
    assert_eq!(db.prune_files(&PathList::from(&keep[..])).unwrap(), 0);
    assert_eq!(db.prune_files(&PathList::default()).unwrap(), 2);
    assert_eq!(count(db.index_path(), "files"), 0);
    assert_eq!(count(db.index_path(), "items"), 0);
}

#[test]
fn an_old_format_row_is_a_miss() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(dir.path()).unwrap();
    let (a, b) = (Path::new("a.txt"), Path::new("b.txt"));
    db.store_file(a, 1, 1, &[item("T", "s")]).unwrap();
    db.store_file(b, 1, 1, &[item("T", "s")]).unwrap();
    let conn = rusqlite::Connection::open(db.index_path()).unwrap();
    conn.execute(
        "UPDATE files SET format = 0 WHERE path = ?1",
        [b"a.txt".as_slice()],
    )
    .unwrap();
    assert_eq!(db.cached_file(a, 1, 1).unwrap(), None);
    assert!(db.cached_file(b, 1, 1).unwrap().is_some());
}

#[test]
fn a_batch_commits_together_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(dir.path()).unwrap();
    let stored = db
        .batch(|db| {
            for n in 0..50 {
                db.store_file(Path::new(&format!("f{n}.txt")), n, 7, &[item("T", "s")])?;
            }
            db.set_read(&[ItemId("in-batch".into())], true)?;
            Ok(50)
        })
        .unwrap();
    assert_eq!(stored, 50);
    assert_eq!(count(db.index_path(), "files"), 50);
    assert!(
        db.cached_file(Path::new("f49.txt"), 49, 7)
            .unwrap()
            .is_some()
    );

    let failed: Result<(), DbError> = db.batch(|db| {
        db.store_file(Path::new("lost.txt"), 1, 1, &[item("T", "s")])?;
        db.set_read(&[ItemId("lost".into())], true)?;
        Err(db.import_marks("not = = toml").unwrap_err())
    });
    assert!(failed.is_err());
    assert!(
        db.cached_file(Path::new("lost.txt"), 1, 1)
            .unwrap()
            .is_none()
    );
    // Marks live in another file: one set inside an index batch commits on
    // its own, and survives the batch's rollback.
    assert_eq!(db.read_ids().unwrap().len(), 2);
    // The connection is usable afterwards, outside any transaction.
    db.store_file(Path::new("after.txt"), 1, 1, &[]).unwrap();
    assert_eq!(
        db.cached_file(Path::new("after.txt"), 1, 1).unwrap(),
        Some(vec![])
    );
}

#[cfg(unix)]
#[test]
fn paths_are_keyed_by_their_raw_bytes() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(dir.path()).unwrap();
    let raw = Path::new(OsStr::from_bytes(b"caf\xe9.txt"));
    let lossy = PathBuf::from(raw.to_string_lossy().into_owned());
    db.store_file(raw, 1, 1, &[item("Raw", "s")]).unwrap();
    assert_eq!(db.cached_file(&lossy, 1, 1).unwrap(), None);
    assert_eq!(db.prune_files(&[raw].iter().collect()).unwrap(), 0);
    assert!(db.cached_file(raw, 1, 1).unwrap().is_some());
}

#[test]
fn full_text_results_follow_changes_made_by_this_and_other_connections() {
    let dir = tempfile::tempdir().unwrap();
    let reader = Db::open(dir.path()).unwrap();
    let writer = Db::open(dir.path()).unwrap();
    let ids = |db: &Db| {
        let mut ids: Vec<String> = db
            .search_all("bridge")
            .unwrap()
            .into_iter()
            .map(|id| id.0)
            .collect();
        ids.sort();
        ids
    };
    let (one, two) = (item("One", "x"), item("Two", "x"));
    let id = |pair: &(Item, Vec<Entity>)| pair.0.id.0.clone();
    assert!(ids(&reader).is_empty());
    // Another connection (the indexer's) adds a file: the reader sees it.
    writer
        .store_file(Path::new("/l/a.txt"), 1, 1, std::slice::from_ref(&one))
        .unwrap();
    assert_eq!(ids(&reader), [id(&one)]);
    // The newest file is replaced by another item: its row number may be
    // used again, and must not be read as the old item.
    writer
        .store_file(Path::new("/l/a.txt"), 2, 2, std::slice::from_ref(&two))
        .unwrap();
    assert_eq!(ids(&reader), [id(&two)]);
    // This connection's own writes count too.
    reader
        .store_file(Path::new("/l/b.txt"), 1, 1, std::slice::from_ref(&one))
        .unwrap();
    let mut both = vec![id(&one), id(&two)];
    both.sort();
    assert_eq!(ids(&reader), both);
}

#[test]
fn rows_first_then_text_and_a_file_changed_in_between_is_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(dir.path()).unwrap();
    let (one, two) = (item("One", "x"), item("Two", "x"));
    let path = Path::new("/l/a.txt");
    db.store_file_rows(path, 10, 20, &[one.clone(), two.clone()])
        .unwrap();
    // Rows and actors are there; the text is not yet.
    assert_eq!(db.load_library(None, false).unwrap().len(), 2);
    assert!(db.search_all("bridge").unwrap().is_empty());
    assert_eq!(
        db.files_without_text().unwrap(),
        [(path.to_path_buf(), 10, 20)]
    );
    // Text read at another stamp is not taken.
    let items = [one.0.clone(), two.0.clone()];
    assert!(!db.store_text(path, 11, 20, &items).unwrap());
    assert!(db.store_text(path, 10, 20, &items).unwrap());
    assert_eq!(db.search_all("bridge").unwrap().len(), 2);
    assert!(db.files_without_text().unwrap().is_empty());
    // Stored again rows-only, then removed: the old text leaves with it.
    db.store_file_rows(path, 12, 30, std::slice::from_ref(&one))
        .unwrap();
    assert!(db.search_all("bridge").unwrap().is_empty());
    // The file now holds other items than its rows say: it is marked to be
    // read again (its stamp no longer matches) and nothing is indexed.
    assert!(!db.store_text(path, 12, 30, &items).unwrap());
    assert_eq!(db.cached_file(path, 12, 30).unwrap(), None);
    assert!(db.search_all("bridge").unwrap().is_empty());
    assert_eq!(db.prune_files(&PathList::default()).unwrap(), 1);
    assert_eq!(count(db.index_path(), "items"), 0);
}
