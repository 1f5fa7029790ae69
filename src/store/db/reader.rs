//! What the reader and the command line read back from the index: the
//! library's rows and actors, where an item came from, full-text search.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::cache::unpack_actors;
use super::{Db, DbError};
use crate::library::{Library, LibraryBuilder, NewRow};
use crate::model::ItemId;

impl Db {
    /// Builds the library index from the database: rows newest first and,
    /// unless `rows_only`, the actors of every item. With `limit`, only the
    /// newest rows.
    pub fn load_library(&self, limit: Option<usize>, rows_only: bool) -> Result<Library, DbError> {
        let mut builder = LibraryBuilder::default();
        let limit = limit.map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX));
        let sql = if rows_only {
            "SELECT id, date, newsletter, title, source, '' FROM items
             ORDER BY date DESC, title, id LIMIT ?1"
        } else {
            "SELECT id, date, newsletter, title, source, actors FROM items
             ORDER BY date DESC, title, id LIMIT ?1"
        };
        let mut stmt = self
            .index
            .prepare_cached(sql)
            .map_err(|e| self.index_error(e))?;
        let mut rows = stmt.query([limit]).map_err(|e| self.index_error(e))?;
        while let Some(row) = rows.next().map_err(|e| self.index_error(e))? {
            // Read in place: no copy of each field on the way.
            let text = |i: usize| -> rusqlite::Result<Option<&str>> {
                Ok(row.get_ref(i)?.as_str_or_null()?)
            };
            let mut read = || -> rusqlite::Result<Option<usize>> {
                let date = text(1)?.and_then(|d| d.parse::<NaiveDate>().ok());
                let data = NewRow {
                    id: text(0)?.unwrap_or_default(),
                    date,
                    newsletter: text(2)?,
                    title: text(3)?.unwrap_or_default(),
                    source: Path::new(text(4)?.unwrap_or_default()),
                };
                let Some(index) = builder.add_row(&data) else {
                    return Ok(None);
                };
                for actor in unpack_actors(text(5)?.unwrap_or_default()) {
                    builder.add_named(index, actor);
                }
                Ok(Some(index))
            };
            read().map_err(|e| self.index_error(e))?;
        }
        Ok(builder.build())
    }

    /// Items matching a full-text query, best first (each typed word must
    /// appear; the last one may be the start of a word).
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<ItemId>, DbError> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut stmt = self
            .index
            .prepare_cached(
                "SELECT i.id FROM items_fts JOIN items i ON i.rowid = items_fts.rowid
                 WHERE items_fts MATCH ?1 ORDER BY rank LIMIT ?2",
            )
            .map_err(|e| self.index_error(e))?;
        let rows = stmt
            .query_map(params![fts_query(query), limit], |row| {
                row.get::<_, String>(0)
            })
            .map_err(|e| self.index_error(e))?;
        rows.map(|r| r.map(ItemId).map_err(|e| self.index_error(e)))
            .collect()
    }

    /// Every item matching a full-text query, unranked (ranking every match
    /// of a common word costs more than finding them). The index answers
    /// with row numbers only; their ids come from a table kept in memory
    /// and made again whenever the index has changed since.
    pub fn search_all(&self, query: &str) -> Result<Vec<ItemId>, DbError> {
        let mut stmt = self
            .index
            .prepare_cached("SELECT rowid FROM items_fts WHERE items_fts MATCH ?1")
            .map_err(|e| self.index_error(e))?;
        let rowids: Vec<i64> = stmt
            .query_map(params![fts_query(query)], |row| row.get::<_, i64>(0))
            .map_err(|e| self.index_error(e))?
            .collect::<Result<_, _>>()
            .map_err(|e| self.index_error(e))?;
        let mut ids = self.rowid_ids.lock().unwrap_or_else(|e| e.into_inner());
        let version = self.index_version()?;
        if ids.as_ref().is_none_or(|t| t.version != version) {
            *ids = Some(self.rowid_table(version)?);
        }
        let Some(table) = ids.as_ref() else {
            return Ok(Vec::new());
        };
        Ok(rowids
            .iter()
            .filter_map(|rowid| table.ids.get(rowid).cloned())
            .collect())
    }

    /// What identifies the index's contents as this connection sees them:
    /// SQLite's data version (other connections' commits) and this
    /// connection's own changes.
    fn index_version(&self) -> Result<(i64, u64), DbError> {
        let data: i64 = self
            .index
            .query_row("PRAGMA data_version", [], |row| row.get(0))
            .map_err(|e| self.index_error(e))?;
        Ok((data, self.index.total_changes()))
    }

    fn rowid_table(&self, version: (i64, u64)) -> Result<RowidTable, DbError> {
        let mut stmt = self
            .index
            .prepare_cached("SELECT rowid, id FROM items")
            .map_err(|e| self.index_error(e))?;
        let ids = stmt
            .query_map([], |row| Ok((row.get::<_, i64>(0)?, ItemId(row.get(1)?))))
            .map_err(|e| self.index_error(e))?
            .collect::<Result<_, _>>()
            .map_err(|e| self.index_error(e))?;
        Ok(RowidTable { version, ids })
    }

    /// Records the extraction settings the index was built with; when they
    /// differ from the stored ones, every file is marked stale so that the
    /// next indexing run extracts again. Returns whether they changed.
    pub fn use_extraction_settings(&self, fingerprint: &str) -> Result<bool, DbError> {
        let stored: Option<String> = self
            .index
            .query_row(
                "SELECT value FROM settings WHERE key = 'extraction'",
                [],
                |row| row.get(0),
            )
            .optional()
            .map_err(|e| self.index_error(e))?;
        if stored.as_deref() == Some(fingerprint) {
            return Ok(false);
        }
        self.write_index(|conn| {
            conn.execute("UPDATE files SET size = -1", [])?;
            conn.execute(
                "INSERT INTO settings (key, value) VALUES ('extraction', ?1)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [fingerprint],
            )?;
            Ok(())
        })?;
        Ok(true)
    }

    /// Whether the index holds any file yet (a new library when not).
    pub fn has_files(&self) -> Result<bool, DbError> {
        self.index
            .query_row("SELECT EXISTS (SELECT 1 FROM files)", [], |row| row.get(0))
            .map_err(|e| self.index_error(e))
    }

    /// Every stored file's size and modification time.
    pub fn file_stamps(&self) -> Result<FileStamps, DbError> {
        let mut stmt = self
            .index
            .prepare_cached("SELECT path, size, mtime_ns FROM files")
            .map_err(|e| self.index_error(e))?;
        let mut rows = stmt.query([]).map_err(|e| self.index_error(e))?;
        let mut out = FileStamps::default();
        while let Some(row) = rows.next().map_err(|e| self.index_error(e))? {
            let read = || -> rusqlite::Result<(u64, (u64, i64))> {
                let path = row.get_ref(0)?.as_bytes()?;
                let size: i64 = row.get(1)?;
                let mtime: i64 = row.get(2)?;
                Ok((
                    hash_key(path),
                    (u64::try_from(size).unwrap_or(u64::MAX), mtime),
                ))
            };
            let (hash, stamp) = read().map_err(|e| self.index_error(e))?;
            out.0.insert(hash, stamp);
        }
        Ok(out)
    }
}

/// The size and modification time of each file in the index, found by
/// path. Paths are kept as 64-bit hashes: a hundred thousand of them take
/// about 3 MB rather than 15.
#[derive(Debug, Clone, Default)]
pub struct FileStamps(HashMap<u64, (u64, i64)>);

impl FileStamps {
    /// The stamp stored for `path`.
    pub fn get(&self, path: &Path) -> Option<(u64, i64)> {
        self.0
            .get(&hash_key(path.as_os_str().as_encoded_bytes()))
            .copied()
    }

    /// Whether no file is stored.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A fixed 64-bit hash of a path's bytes (the same in every run).
fn hash_key(key: &[u8]) -> u64 {
    use std::hash::{DefaultHasher, Hasher};
    let mut hasher = DefaultHasher::new();
    hasher.write(key);
    hasher.finish()
}

/// Turns what a person types into an FTS5 query: each word quoted (so
/// punctuation and FTS operators in it are literal), all words required,
/// the last one as a prefix.
pub fn fts_query(text: &str) -> String {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| w.replace('"', ""))
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\""))
        .collect();
    match words.split_last() {
        Some((last, rest)) => {
            let mut out = rest.join(" ");
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(last);
            out.push('*');
            out
        }
        None => "\"\"".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn typed_words_become_a_safe_prefix_query() {
        assert_eq!(fts_query("envoy moscow"), "\"envoy\" \"moscow\"*");
        assert_eq!(fts_query("a\"b OR c"), "\"ab\" \"OR\" \"c\"*");
        assert_eq!(fts_query("  "), "\"\"");
    }
}

/// The ids of the index's rows, as of one version of the index.
#[derive(Debug, Default)]
pub(super) struct RowidTable {
    version: (i64, u64),
    ids: std::collections::HashMap<i64, ItemId>,
}
