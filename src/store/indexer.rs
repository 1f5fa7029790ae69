//! Bringing the index up to date with the library folders: files whose size
//! and modification time are unchanged are not read again; new and changed
//! files are parsed and their actors extracted on every core, then written
//! in batches; files no longer in the library leave the index.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use super::Warning;
use super::db::{Db, FileItems};
use super::first_files::first_files;
use super::load::{collect_files, file_stamp, load_file};
use crate::model::{Entity, Item};

/// How entities are found for an item (shared by the worker threads).
pub type ExtractFn<'a> = dyn Fn(&Item) -> Vec<Entity> + Sync + 'a;

/// Files written per transaction (the full-text index, which dominates the
/// cost of writing, works much better with large transactions).
const BATCH: usize = 1024;

/// Files checked between two progress reports when none needs writing.
const PROGRESS_EVERY: usize = 4096;

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

/// Progress of a run: files checked (and indexed where they had changed) out
/// of all the library's files.
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
    /// `None` when the file is unchanged since it was indexed.
    items: Option<FileItems>,
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
    let mut stored = db.file_stamps().unwrap_or_default();
    let mut first_warnings = Vec::new();
    let mut quick_stored = 0;
    if stored.is_empty() {
        // A new library: index a few files met first, before the full walk
        // (which lists and sorts every folder), so the reader shows items
        // at once. They are unchanged files to the walk that follows.
        let mut batch: Vec<Parsed> = first_files(paths, FIRST_BATCH)
            .iter()
            .map(|path| parse(path, file_stamp(path), extract))
            .collect();
        if !batch.is_empty() {
            // A file without items is not stored: the walk reads it again
            // and warns then.
            let again: Vec<PathBuf> = batch
                .iter()
                .filter(|p| p.items.as_ref().is_none_or(Vec::is_empty))
                .map(|p| p.path.clone())
                .collect();
            quick_stored = batch
                .iter()
                .filter(|p| p.stamp.is_some() && p.items.as_ref().is_some_and(|i| !i.is_empty()))
                .count();
            store(db, &mut batch, &mut first_warnings);
            first_warnings.retain(|w| !again.contains(&w.path));
            progress(Progress {
                done: quick_stored,
                total: 0,
            });
            stored = db.file_stamps().unwrap_or_default();
        }
    }
    let (files, mut warnings) = collect_files(paths);
    warnings.append(&mut first_warnings);
    let mut report = IndexReport {
        files: files.len(),
        ..IndexReport::default()
    };
    // Workers check each file's size and time against the index themselves,
    // so a new library's first files are indexed before all are checked.
    let total = files.len();
    progress(Progress { done: 0, total });
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::sync_channel::<Parsed>(BATCH * 2);
    std::thread::scope(|scope| {
        for _ in 0..threads.max(1) {
            let sender = sender.clone();
            let (files, stored, next) = (&files, &stored, &next);
            scope.spawn(move || {
                loop {
                    let n = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(n) else {
                        break;
                    };
                    let stamp = file_stamp(path);
                    if stamp.is_some() && stored.get(path) == stamp {
                        let unchanged = Parsed {
                            path: path.to_path_buf(),
                            stamp,
                            items: None,
                            warnings: vec![],
                        };
                        if sender.send(unchanged).is_err() {
                            break;
                        }
                        continue;
                    }
                    if sender.send(parse(path, stamp, extract)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        let (mut checked, mut first) = (0, true);
        let mut batch: Vec<Parsed> = Vec::with_capacity(BATCH);
        for parsed in receiver {
            checked += 1;
            if parsed.items.is_none() {
                report.unchanged += 1;
            } else {
                report.parsed += 1;
                batch.push(parsed);
            }
            if batch.len() >= if first { FIRST_BATCH } else { BATCH } {
                first = false;
                store(db, &mut batch, &mut warnings);
                progress(Progress {
                    done: checked,
                    total,
                });
            } else if checked % PROGRESS_EVERY == 0 {
                progress(Progress {
                    done: checked,
                    total,
                });
            }
        }
        store(db, &mut batch, &mut warnings);
        progress(Progress {
            done: checked,
            total,
        });
    });
    // The files indexed before the walk were read this time too.
    report.unchanged = report.unchanged.saturating_sub(quick_stored);
    report.parsed += quick_stored;
    match db.prune_files(&files) {
        Ok(removed) => report.removed = removed,
        Err(err) => warnings.push(db_warning(db, &err)),
    }
    report.warnings = warnings;
    report
}

/// Adds to the full-text index the text of every file whose rows are
/// stored without it (the second pass of indexing: files are read again,
/// without extracting actors), with `threads` readers, calling `progress`
/// after each batch. Returns how many files' text was stored.
pub fn index_text(db: &Db, threads: usize, progress: &mut dyn FnMut(Progress)) -> usize {
    let waiting = db.files_without_text().unwrap_or_default();
    let total = waiting.len();
    if total == 0 {
        return 0;
    }
    progress(Progress { done: 0, total });
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::sync_channel::<(usize, Vec<Item>)>(BATCH * 2);
    let mut stored = 0;
    std::thread::scope(|scope| {
        for _ in 0..threads.max(1) {
            let sender = sender.clone();
            let (waiting, next) = (&waiting, &next);
            scope.spawn(move || {
                loop {
                    let n = next.fetch_add(1, Ordering::Relaxed);
                    let Some((path, size, mtime)) = waiting.get(n) else {
                        break;
                    };
                    // A file changed since its rows were stored is left for
                    // the next indexing run, which reads it whole.
                    let items = if file_stamp(path) == Some((*size, *mtime)) {
                        load_file(path).items
                    } else {
                        Vec::new()
                    };
                    if sender.send((n, items)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        let mut batch: Vec<(usize, Vec<Item>)> = Vec::with_capacity(BATCH);
        let mut done = 0;
        let write = |batch: &mut Vec<(usize, Vec<Item>)>| {
            let result = db.batch(|db| {
                let mut count = 0;
                for (n, items) in batch.iter() {
                    let (path, size, mtime) = &waiting[*n];
                    if db.store_text(path, *size, *mtime, items)? {
                        count += 1;
                    }
                }
                Ok(count)
            });
            batch.clear();
            result.unwrap_or(0)
        };
        for entry in receiver {
            batch.push(entry);
            done += 1;
            if batch.len() >= BATCH {
                stored += write(&mut batch);
                progress(Progress { done, total });
            }
        }
        stored += write(&mut batch);
        progress(Progress { done, total });
    });
    stored
}

/// Reads a file and extracts its items' actors.
fn parse(path: &std::path::Path, stamp: Option<(u64, i64)>, extract: &ExtractFn) -> Parsed {
    let loaded = load_file(path);
    let items = loaded
        .items
        .into_iter()
        .map(|item| {
            let entities = extract(&item);
            (item, entities)
        })
        .collect();
    Parsed {
        path: path.to_path_buf(),
        stamp,
        items: Some(items),
        warnings: loaded.warnings,
    }
}

/// Writes a batch in one transaction. A file that gave warnings and no
/// item is not stored, so its warnings are shown again next time.
fn store(db: &Db, batch: &mut Vec<Parsed>, warnings: &mut Vec<Warning>) {
    let result = db.batch(|db| {
        for parsed in batch.iter() {
            let Some((size, mtime)) = parsed.stamp else {
                continue;
            };
            let Some(items) = &parsed.items else {
                continue;
            };
            if items.is_empty() && !parsed.warnings.is_empty() {
                continue;
            }
            db.store_file_rows(&parsed.path, size, mtime, items)?;
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
