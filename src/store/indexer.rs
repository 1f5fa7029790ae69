//! Bringing the index up to date with the library folders: files whose size
//! and modification time are unchanged are not read again; new and changed
//! files are parsed and their actors extracted on every core, then written
//! in batches; files no longer in the library leave the index.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use super::Warning;
use super::db::{Db, FileItems};
use super::load::{collect_files, file_stamp, load_file};
use crate::model::{Entity, Item};

/// How entities are found for an item (shared by the worker threads).
pub type ExtractFn<'a> = dyn Fn(&Item) -> Vec<Entity> + Sync + 'a;

/// Files written per transaction (the full-text index, which dominates the
/// cost of writing, works much better with large transactions).
const BATCH: usize = 1024;

/// The first batch is small, so that a reader indexing a new library can
/// show its first items at once.
const FIRST_BATCH: usize = 16;

/// What an indexing run did.
#[derive(Debug, Default)]
pub struct IndexReport {
    /// Files in the library.
    pub files: usize,
    /// Files read and extracted this time.
    pub parsed: usize,
    /// Files whose index entry was still valid.
    pub unchanged: usize,
    /// Files that left the index (deleted from the library).
    pub removed: usize,
    /// Files skipped or partly read.
    pub warnings: Vec<Warning>,
}

/// Progress of a run: files indexed so far out of those that needed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Files done.
    pub done: usize,
    /// Files to do.
    pub total: usize,
}

/// One parsed file, ready to store.
struct Parsed {
    path: PathBuf,
    stamp: Option<(u64, i64)>,
    items: FileItems,
    warnings: Vec<Warning>,
}

/// Indexes `paths` into `db` with `threads` workers, calling `progress`
/// after each batch.
pub fn index(
    paths: &[PathBuf],
    db: &Db,
    extract: &ExtractFn,
    threads: usize,
    progress: &mut dyn FnMut(Progress),
) -> IndexReport {
    let (files, mut warnings) = collect_files(paths);
    let stored: HashMap<PathBuf, (u64, i64)> = db.file_stamps().unwrap_or_default();
    let mut report = IndexReport {
        files: files.len(),
        ..IndexReport::default()
    };
    let todo: Vec<(PathBuf, Option<(u64, i64)>)> = files
        .iter()
        .filter_map(|file| {
            let stamp = file_stamp(file);
            if stamp.is_some() && stored.get(file) == stamp.as_ref() {
                None
            } else {
                Some((file.clone(), stamp))
            }
        })
        .collect();
    report.unchanged = files.len() - todo.len();
    report.parsed = todo.len();
    let total = todo.len();
    progress(Progress { done: 0, total });
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::sync_channel::<Parsed>(BATCH * 2);
    std::thread::scope(|scope| {
        for _ in 0..threads.max(1) {
            let sender = sender.clone();
            let (todo, next) = (&todo, &next);
            scope.spawn(move || {
                loop {
                    let n = next.fetch_add(1, Ordering::Relaxed);
                    let Some((path, stamp)) = todo.get(n) else {
                        break;
                    };
                    let loaded = load_file(path);
                    let items = loaded
                        .items
                        .into_iter()
                        .map(|item| {
                            let entities = extract(&item);
                            (item, entities)
                        })
                        .collect();
                    let parsed = Parsed {
                        path: path.clone(),
                        stamp: *stamp,
                        items,
                        warnings: loaded.warnings,
                    };
                    if sender.send(parsed).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        let mut done = 0;
        let mut batch: Vec<Parsed> = Vec::with_capacity(BATCH);
        for parsed in receiver {
            batch.push(parsed);
            if batch.len() == if done == 0 { FIRST_BATCH } else { BATCH } {
                done += batch.len();
                store(db, &mut batch, &mut warnings);
                progress(Progress { done, total });
            }
        }
        done += batch.len();
        store(db, &mut batch, &mut warnings);
        progress(Progress { done, total });
    });
    match db.prune_files(&files) {
        Ok(removed) => report.removed = removed,
        Err(err) => warnings.push(db_warning(db, &err)),
    }
    report.warnings = warnings;
    report
}

/// Writes a batch in one transaction. A file that gave warnings and no
/// item is not stored, so its warnings are shown again next time.
fn store(db: &Db, batch: &mut Vec<Parsed>, warnings: &mut Vec<Warning>) {
    let result = db.batch(|db| {
        for parsed in batch.iter() {
            let Some((size, mtime)) = parsed.stamp else {
                continue;
            };
            if parsed.items.is_empty() && !parsed.warnings.is_empty() {
                continue;
            }
            db.store_file(&parsed.path, size, mtime, &parsed.items)?;
        }
        Ok(())
    });
    if let Err(err) = result {
        warnings.push(db_warning(db, &err));
    }
    for parsed in batch.drain(..) {
        warnings.extend(parsed.warnings);
    }
}

fn db_warning(db: &Db, err: &super::db::DbError) -> Warning {
    Warning {
        path: db.path().to_path_buf(),
        line: None,
        message: format!("could not update the index: {err}"),
    }
}
