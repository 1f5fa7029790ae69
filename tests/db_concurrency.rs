//! Two handles on one database, in two threads, writing marks at once: no
//! mark is lost and no write fails with "database is locked".

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failed unwrap is a failed test"
)]

use std::collections::HashSet;
use std::path::Path;
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::{Duration, Instant};

use gazette::model::ItemId;
use gazette::store::db::{Db, DbError};

const ROUNDS: usize = 10;
const MARKS_PER_THREAD: usize = 200;

fn id(thread: usize, n: usize) -> ItemId {
    ItemId(format!("t{thread}-{n:05}"))
}

/// One writer: opens its own handle (racing the other to create the file),
/// then marks its ids one transaction each, toggling some back and forth and
/// reading in between. Returns the ids it left read.
fn writer(dir: &Path, thread: usize, start: &Barrier) -> Result<HashSet<ItemId>, DbError> {
    start.wait();
    let db = Db::open(dir)?;
    let mut expected = HashSet::new();
    for n in 0..MARKS_PER_THREAD {
        let id = id(thread, n);
        db.set_read(std::slice::from_ref(&id), true)?;
        if n % 7 == 0 {
            db.set_read(std::slice::from_ref(&id), false)?;
            if n % 14 == 0 {
                db.set_read(std::slice::from_ref(&id), true)?;
            }
        }
        if n % 20 == 0 {
            db.read_ids()?;
            db.store_file(Path::new(&format!("t{thread}-{n}.txt")), 1, 1, &[])?;
        }
        if n % 7 != 0 || n % 14 == 0 {
            expected.insert(id);
        }
    }
    Ok(expected)
}

#[test]
fn two_handles_writing_at_once_lose_nothing() {
    let mut total = 0;
    for round in 0..ROUNDS {
        let dir = tempfile::tempdir().unwrap();
        let start = Arc::new(Barrier::new(2));
        let handles: Vec<_> = (0..2)
            .map(|t| {
                let (dir, start) = (dir.path().to_path_buf(), Arc::clone(&start));
                thread::spawn(move || writer(&dir, t, &start))
            })
            .collect();
        let mut expected = HashSet::new();
        for handle in handles {
            match handle.join().unwrap() {
                Ok(ids) => expected.extend(ids),
                Err(error) => panic!("round {round}: {error}"),
            }
        }
        let got = Db::open(dir.path()).unwrap().read_ids().unwrap();
        assert_eq!(got.len(), expected.len(), "round {round}");
        assert_eq!(got, expected, "round {round}");
        total += got.len();
    }
    eprintln!("{ROUNDS} rounds, {total} marks checked");
}

#[test]
fn a_long_batch_makes_a_mark_wait_not_fail() {
    let dir = tempfile::tempdir().unwrap();
    let indexer = Db::open(dir.path()).unwrap();
    let reader = Db::open(dir.path()).unwrap();
    let started = Arc::new(Barrier::new(2));
    let batch = {
        let started = Arc::clone(&started);
        thread::spawn(move || {
            indexer.batch(|db| {
                db.store_file(Path::new("big.txt"), 1, 1, &[])?;
                started.wait();
                thread::sleep(Duration::from_millis(300));
                Ok(())
            })
        })
    };
    started.wait();
    let clock = Instant::now();
    reader
        .set_read(&[ItemId("during-batch".into())], true)
        .unwrap();
    let waited = clock.elapsed();
    batch.join().unwrap().unwrap();
    assert!(
        waited >= Duration::from_millis(200),
        "waited {waited:?} for the lock"
    );
    assert_eq!(
        reader.read_ids().unwrap(),
        HashSet::from([ItemId("during-batch".into())])
    );
    assert!(
        reader
            .cached_file(Path::new("big.txt"), 1, 1)
            .unwrap()
            .is_some()
    );
}
