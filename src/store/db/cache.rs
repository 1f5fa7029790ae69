//! The index cache: per library file, its parsed items and their entities,
//! valid while the file's size and modification time are unchanged.
//!
//! The `files` table holds the authoritative copy as a JSON blob, tagged
//! with [`CACHE_FORMAT`]; a row of another format, or one that no longer
//! decodes into the current model, counts as a miss and the file is re-read.
//! The `items` and `entities` tables repeat a few columns of the same data
//! for queries (lists, search, actors) and are rewritten with the blob.
//!
//! Paths are keys as their raw OS bytes, so two paths never collide.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, params};

use super::{Db, DbError};
use crate::model::{Entity, Item};

/// Version of the cached layout; bump it whenever what is stored for a file
/// changes meaning, so old rows are re-read rather than misparsed.
pub const CACHE_FORMAT: i64 = 1;

/// A file's parsed items, each with its entities.
pub type FileItems = Vec<(Item, Vec<Entity>)>;

impl Db {
    /// The cached items of `path`, if it was stored with exactly this `size`
    /// and `mtime_ns` by a build using the same cache format.
    pub fn cached_file(
        &self,
        path: &Path,
        size: u64,
        mtime_ns: i64,
    ) -> Result<Option<FileItems>, DbError> {
        let blob: Option<Vec<u8>> = self
            .conn
            .prepare_cached(
                "SELECT items FROM files
                 WHERE path = ?1 AND size = ?2 AND mtime_ns = ?3 AND format = ?4",
            )
            .and_then(|mut stmt| {
                stmt.query_row(
                    params![key(path), stored_size(size), mtime_ns, CACHE_FORMAT],
                    |row| row.get(0),
                )
                .optional()
            })
            .map_err(|e| self.sqlite(e))?;
        // A blob that does not decode was written for an older model: a miss.
        Ok(blob.and_then(|b| serde_json::from_slice(&b).ok()))
    }

    /// Stores `items` as the cache of `path` at this `size` and `mtime_ns`,
    /// replacing what was there, in one transaction (or inside the current
    /// [`Db::batch`]).
    pub fn store_file(
        &self,
        path: &Path,
        size: u64,
        mtime_ns: i64,
        items: &[(Item, Vec<Entity>)],
    ) -> Result<(), DbError> {
        let blob = serde_json::to_vec(items).map_err(|e| DbError::Encode {
            path: self.path.clone(),
            what: "cached items",
            message: e.to_string(),
        })?;
        let file = key(path);
        self.write(|conn| {
            forget(conn, &file)?;
            conn.prepare_cached(
                "INSERT INTO files (path, size, mtime_ns, format, items)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                file,
                stored_size(size),
                mtime_ns,
                CACHE_FORMAT,
                blob
            ])?;
            index_items(conn, &file, items)
        })
    }

    /// Removes the cache of every file not in `keep` (files deleted from the
    /// library); returns how many were removed.
    pub fn prune_files(&self, keep: &[PathBuf]) -> Result<usize, DbError> {
        let keep: HashSet<Vec<u8>> = keep.iter().map(|p| key(p)).collect();
        self.write(|conn| {
            let stored: Vec<Vec<u8>> = conn
                .prepare("SELECT path FROM files")?
                .query_map([], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let mut removed = 0;
            for file in stored.iter().filter(|f| !keep.contains(*f)) {
                forget(conn, file)?;
                removed += 1;
            }
            Ok(removed)
        })
    }
}

/// Writes the query columns of `items` for `file`.
fn index_items(
    conn: &Connection,
    file: &[u8],
    items: &[(Item, Vec<Entity>)],
) -> rusqlite::Result<()> {
    let mut item_stmt = conn.prepare_cached(
        "INSERT INTO items (file, seq, id, date, newsletter, title, source)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut entity_stmt = conn.prepare_cached(
        "INSERT INTO entities (file, item_id, name, kind, mentions) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (seq, (item, entities)) in items.iter().enumerate() {
        item_stmt.execute(params![
            file,
            i64::try_from(seq).unwrap_or(i64::MAX),
            item.id.as_str(),
            item.date.map(|d| d.to_string()),
            item.newsletter,
            item.title,
            item.source.to_string_lossy(),
        ])?;
        for entity in entities {
            entity_stmt.execute(params![
                file,
                item.id.as_str(),
                entity.name,
                entity.kind.as_str(),
                i64::try_from(entity.mentions.len()).unwrap_or(i64::MAX),
            ])?;
        }
    }
    Ok(())
}

/// Deletes everything cached for `file`.
fn forget(conn: &Connection, file: &[u8]) -> rusqlite::Result<()> {
    for sql in [
        "DELETE FROM files WHERE path = ?1",
        "DELETE FROM items WHERE file = ?1",
        "DELETE FROM entities WHERE file = ?1",
    ] {
        conn.prepare_cached(sql)?.execute([file])?;
    }
    Ok(())
}

/// The key of a path: its raw bytes as the OS gives them.
fn key(path: &Path) -> Vec<u8> {
    path.as_os_str().as_encoded_bytes().to_vec()
}

/// SQLite integers are signed; no real file reaches `i64::MAX` bytes.
fn stored_size(size: u64) -> i64 {
    i64::try_from(size).unwrap_or(i64::MAX)
}
