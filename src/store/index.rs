//! Loading the library through the index cache: a file whose size and
//! modification time are unchanged is not re-read or re-extracted; a changed
//! file is; a removed one leaves the cache.

use std::collections::HashSet;
use std::path::PathBuf;

use super::db::{Db, FileItems};
use super::load::{collect_files, file_stamp, load_file};
use super::{Loaded, Warning};
use crate::model::{Entity, Item};

/// What loading found.
#[derive(Debug, Default)]
pub struct Indexed {
    /// Items with their entities (before library-wide resolution).
    pub pairs: Vec<(Item, Vec<Entity>)>,
    /// Files skipped or partly read.
    pub warnings: Vec<Warning>,
    /// Files read from disk this time.
    pub parsed_files: usize,
    /// Files taken from the cache.
    pub cached_files: usize,
}

/// How entities are found for an item.
pub type ExtractFn<'a> = dyn Fn(&Item) -> Vec<Entity> + Sync + 'a;

/// Loads `paths`, using and refreshing the cache in `db` when there is one.
///
/// `reuse_entities` is false when extraction settings changed since the
/// cache was written (user overrides): items still come from the cache, but
/// their entities are extracted again.
pub fn load_indexed(
    paths: &[PathBuf],
    db: Option<&Db>,
    extract: &ExtractFn,
    reuse_entities: bool,
) -> Indexed {
    let (files, mut warnings) = collect_files(paths);
    let mut out = Indexed::default();
    let mut seen = HashSet::new();
    let mut fresh: Vec<(PathBuf, u64, i64, FileItems)> = Vec::new();
    for file in &files {
        let stamp = file_stamp(file);
        let cached = match (db, stamp) {
            (Some(db), Some((size, mtime))) => db.cached_file(file, size, mtime).ok().flatten(),
            _ => None,
        };
        let pairs = if let Some(mut pairs) = cached {
            out.cached_files += 1;
            if !reuse_entities {
                for (item, entities) in &mut pairs {
                    *entities = extract(item);
                }
            }
            pairs
        } else {
            out.parsed_files += 1;
            let Loaded {
                items,
                warnings: mut w,
            } = load_file(file);
            warnings.append(&mut w);
            let pairs: Vec<(Item, Vec<Entity>)> = items
                .into_iter()
                .map(|item| {
                    let e = extract(&item);
                    (item, e)
                })
                .collect();
            if let Some((size, mtime)) = stamp {
                fresh.push((file.clone(), size, mtime, pairs.clone()));
            }
            pairs
        };
        for (item, entities) in pairs {
            if seen.insert(item.id.clone()) {
                out.pairs.push((item, entities));
            } else {
                warnings.push(Warning {
                    path: item.source.clone(),
                    line: None,
                    message: "duplicate of an item already loaded (same newsletter, date and title), skipped".into(),
                });
            }
        }
    }
    if let Some(db) = db {
        let stored = db.batch(|db| {
            for (path, size, mtime, pairs) in &fresh {
                db.store_file(path, *size, *mtime, pairs)?;
            }
            db.prune_files(&files)
        });
        if let Err(err) = stored {
            warnings.push(Warning {
                path: db.path().to_path_buf(),
                line: None,
                message: format!("could not update the index cache: {err}"),
            });
        }
    }
    out.warnings = warnings;
    out
}
