//! What the reader and the command line read back from the index: the
//! library's rows and actors, item bodies, first-mention sentences, and
//! full-text search.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::cache::{ALIAS_SEPARATOR, FileItems};
use super::{Db, DbError};
use crate::library::{Body, Library, LibraryBuilder, Row};
use crate::model::{EntityKind, ItemId};

fn kind_of(text: &str) -> Option<EntityKind> {
    EntityKind::ALL.into_iter().find(|k| k.as_str() == text)
}

impl Db {
    /// Builds the library index from the database: rows newest first and,
    /// unless `rows_only`, the actors of every item. With `limit`, only the
    /// newest rows (for a first screen while the rest loads).
    pub fn load_library(&self, limit: Option<usize>, rows_only: bool) -> Result<Library, DbError> {
        let mut builder = LibraryBuilder::default();
        let limit = limit.map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX));
        let mut stmt = self
            .index
            .prepare_cached(
                "SELECT id, date, newsletter, title, source FROM items
                 ORDER BY date DESC, title, id LIMIT ?1",
            )
            .map_err(|e| self.index_error(e))?;
        let mut rows = stmt.query([limit]).map_err(|e| self.index_error(e))?;
        while let Some(row) = rows.next().map_err(|e| self.index_error(e))? {
            let read = || -> rusqlite::Result<Row> {
                let date: Option<String> = row.get(1)?;
                let newsletter: Option<String> = row.get(2)?;
                let title: String = row.get(3)?;
                let source: String = row.get(4)?;
                Ok(Row {
                    id: ItemId(row.get(0)?),
                    date: date.and_then(|d| d.parse::<NaiveDate>().ok()),
                    newsletter: newsletter.map(|n| std::sync::Arc::from(n.as_str())),
                    title: title.into_boxed_str(),
                    source: PathBuf::from(source),
                })
            };
            let mut data = read().map_err(|e| self.index_error(e))?;
            if let Some(name) = data.newsletter.take() {
                data.newsletter = Some(builder.newsletter(&name));
            }
            builder.add_row(data);
        }
        if !rows_only {
            self.add_actors(&mut builder)?;
        }
        Ok(builder.build())
    }

    fn add_actors(&self, builder: &mut LibraryBuilder) -> Result<(), DbError> {
        let mut stmt = self
            .index
            .prepare_cached("SELECT item_id, kind, name, mentions, aliases FROM entities")
            .map_err(|e| self.index_error(e))?;
        let mut rows = stmt.query([]).map_err(|e| self.index_error(e))?;
        while let Some(row) = rows.next().map_err(|e| self.index_error(e))? {
            let item: String = row.get(0).map_err(|e| self.index_error(e))?;
            let Some(index) = builder.index_of(&item) else {
                continue;
            };
            let kind: String = row.get(1).map_err(|e| self.index_error(e))?;
            let Some(kind) = kind_of(&kind) else { continue };
            let name: String = row.get(2).map_err(|e| self.index_error(e))?;
            let mentions: i64 = row.get(3).map_err(|e| self.index_error(e))?;
            let aliases: Option<String> = row.get(4).map_err(|e| self.index_error(e))?;
            let forms = aliases
                .map(|a| {
                    a.split(ALIAS_SEPARATOR)
                        .filter(|s| !s.is_empty())
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
            builder.add_named(
                index,
                (kind, name, u32::try_from(mentions).unwrap_or(0), forms),
            );
        }
        Ok(())
    }

    /// The body of an item as stored (before library-wide resolution).
    pub fn body(&self, id: &ItemId) -> Result<Option<Body>, DbError> {
        let found: Option<(Vec<u8>, i64)> = self
            .index
            .prepare_cached(
                "SELECT f.items, i.seq FROM items i JOIN files f ON f.path = i.file
                 WHERE i.id = ?1 LIMIT 1",
            )
            .and_then(|mut stmt| {
                stmt.query_row([id.as_str()], |row| Ok((row.get(0)?, row.get(1)?)))
                    .optional()
            })
            .map_err(|e| self.index_error(e))?;
        let Some((blob, seq)) = found else {
            return Ok(None);
        };
        let items: FileItems = serde_json::from_slice(&blob).map_err(|e| DbError::Encode {
            path: self.path.clone(),
            what: "cached items",
            message: e.to_string(),
        })?;
        let seq = usize::try_from(seq).unwrap_or(usize::MAX);
        Ok(items
            .into_iter()
            .nth(seq)
            .map(|(item, entities)| Body { item, entities }))
    }

    /// The stored first-mention sentences of an actor (under any of `names`)
    /// in the items `ids`.
    pub fn sentences(
        &self,
        kind: EntityKind,
        names: &[String],
        ids: &[ItemId],
    ) -> Result<HashMap<ItemId, String>, DbError> {
        let wanted: std::collections::HashSet<&str> = ids.iter().map(ItemId::as_str).collect();
        let mut out = HashMap::new();
        for name in names {
            let mut stmt = self
                .index
                .prepare_cached(
                    "SELECT item_id, sentence FROM entities WHERE name = ?1 AND kind = ?2",
                )
                .map_err(|e| self.index_error(e))?;
            let rows = stmt
                .query_map(params![name, kind.as_str()], |row| {
                    Ok((row.get::<_, String>(0)?, row.get::<_, Option<String>>(1)?))
                })
                .map_err(|e| self.index_error(e))?;
            for row in rows {
                let (item, sentence) = row.map_err(|e| self.index_error(e))?;
                if let Some(sentence) = sentence
                    && wanted.contains(item.as_str())
                {
                    out.entry(ItemId(item)).or_insert(sentence);
                }
            }
        }
        Ok(out)
    }

    /// Items matching a full-text query, best first (SQLite FTS5 syntax;
    /// plain words are matched as given).
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

    /// Records the extraction settings the index was built with; when they
    /// differ from the stored ones, every file is forgotten so that the next
    /// indexing run extracts again. Returns whether they changed.
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

    /// Every stored file with its size and modification time.
    pub fn file_stamps(&self) -> Result<HashMap<PathBuf, (u64, i64)>, DbError> {
        let mut stmt = self
            .index
            .prepare_cached("SELECT path, size, mtime_ns FROM files")
            .map_err(|e| self.index_error(e))?;
        let rows = stmt
            .query_map([], |row| {
                let path: Vec<u8> = row.get(0)?;
                let size: i64 = row.get(1)?;
                let mtime: i64 = row.get(2)?;
                Ok((path, size, mtime))
            })
            .map_err(|e| self.index_error(e))?;
        let mut out = HashMap::new();
        for row in rows {
            let (path, size, mtime) = row.map_err(|e| self.index_error(e))?;
            let path = path_from_key(&path);
            out.insert(path, (u64::try_from(size).unwrap_or(0), mtime));
        }
        Ok(out)
    }
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

/// The path a `files.path` key was made from.
#[cfg(unix)]
fn path_from_key(key: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(key))
}

/// The path a `files.path` key was made from.
#[cfg(not(unix))]
fn path_from_key(key: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(key).into_owned())
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
