//! The index: per library file, its size and modification time; per item,
//! its list row, the actors it names (packed in one column) and its text in
//! the full-text index. Valid while a file's size and modification time are
//! unchanged; an item's body is read again from its file when it is opened,
//! so the index stays small and quick to write.
//!
//! Paths are keys as their raw OS bytes, so two paths never collide.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::{Db, DbError};
use crate::model::{Block, Entity, EntityKind, Item, ItemId};
use crate::store::paths::PathList;

/// Version of the index layout; bump it whenever what is stored for a file
/// changes meaning, so old rows are re-read rather than misparsed.
pub const CACHE_FORMAT: i64 = 3;

/// Separates the actors in the `actors` column.
const ACTOR_SEPARATOR: char = '\u{1e}';
/// Separates an actor's fields.
const FIELD_SEPARATOR: char = '\u{1f}';
/// Separates an actor's surface forms.
const FORM_SEPARATOR: char = '\u{1d}';

/// A file's parsed items, each with its entities.
pub type FileItems = Vec<(Item, Vec<Entity>)>;

/// An actor as the index keeps it for one item: kind, name, mention count,
/// surface forms.
pub type IndexedActor = (EntityKind, String, u32, Vec<String>);

/// What the index keeps of an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indexed {
    /// Stable id.
    pub id: ItemId,
    /// Publication date.
    pub date: Option<NaiveDate>,
    /// Newsletter name.
    pub newsletter: Option<String>,
    /// Title.
    pub title: String,
    /// The actors it names.
    pub actors: Vec<IndexedActor>,
}

impl Indexed {
    /// What the index keeps of an extracted item.
    pub fn of(item: &Item, entities: &[Entity]) -> Self {
        Self {
            id: item.id.clone(),
            date: item.date,
            newsletter: item.newsletter.clone(),
            title: item.title.clone(),
            actors: entities
                .iter()
                .map(|e| {
                    let count = u32::try_from(e.mentions.len()).unwrap_or(u32::MAX);
                    (e.kind, e.name.clone(), count, e.aliases.clone())
                })
                .collect(),
        }
    }
}

/// Packs actors into the `actors` column (control characters never occur in
/// cleaned text).
pub fn pack_actors(entities: &[Entity]) -> String {
    let mut out = String::new();
    for (n, e) in entities.iter().enumerate() {
        if n > 0 {
            out.push(ACTOR_SEPARATOR);
        }
        out.push(match e.kind {
            EntityKind::Person => 'p',
            EntityKind::Place => 'l',
            EntityKind::Organization => 'o',
        });
        out.push(FIELD_SEPARATOR);
        out.push_str(&e.name);
        out.push(FIELD_SEPARATOR);
        out.push_str(&e.mentions.len().to_string());
        out.push(FIELD_SEPARATOR);
        for (i, alias) in e.aliases.iter().enumerate() {
            if i > 0 {
                out.push(FORM_SEPARATOR);
            }
            out.push_str(alias);
        }
    }
    out
}

/// Reads the `actors` column back; malformed entries are skipped.
pub fn unpack_actors(packed: &str) -> Vec<IndexedActor> {
    packed
        .split(ACTOR_SEPARATOR)
        .filter(|s| !s.is_empty())
        .filter_map(|entry| {
            let mut fields = entry.split(FIELD_SEPARATOR);
            let kind = match fields.next()? {
                "p" => EntityKind::Person,
                "l" => EntityKind::Place,
                "o" => EntityKind::Organization,
                _ => return None,
            };
            let name = fields.next()?.to_string();
            let count = fields.next()?.parse().ok()?;
            let forms = fields
                .next()
                .map(|f| {
                    f.split(FORM_SEPARATOR)
                        .filter(|s| !s.is_empty())
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
            Some((kind, name, count, forms))
        })
        .collect()
}

impl Db {
    /// What the index holds for `path`, if it was stored with exactly this
    /// `size` and `mtime_ns` by a build using the same layout.
    pub fn cached_file(
        &self,
        path: &Path,
        size: u64,
        mtime_ns: i64,
    ) -> Result<Option<Vec<Indexed>>, DbError> {
        let file = key(path);
        let fresh: Option<i64> = self
            .index
            .prepare_cached(
                "SELECT 1 FROM files WHERE path = ?1 AND size = ?2 AND mtime_ns = ?3 AND format = ?4",
            )
            .and_then(|mut stmt| {
                stmt.query_row(params![file, stored_size(size), mtime_ns, CACHE_FORMAT], |row| {
                    row.get(0)
                })
                .optional()
            })
            .map_err(|e| self.index_error(e))?;
        if fresh.is_none() {
            return Ok(None);
        }
        let mut stmt = self
            .index
            .prepare_cached(
                "SELECT id, date, newsletter, title, actors FROM items WHERE file = ?1 ORDER BY seq",
            )
            .map_err(|e| self.index_error(e))?;
        let rows = stmt
            .query_map([&file], |row| {
                let date: Option<String> = row.get(1)?;
                let actors: String = row.get(4)?;
                Ok(Indexed {
                    id: ItemId(row.get(0)?),
                    date: date.and_then(|d| d.parse().ok()),
                    newsletter: row.get(2)?,
                    title: row.get(3)?,
                    actors: unpack_actors(&actors),
                })
            })
            .map_err(|e| self.index_error(e))?;
        let items = rows
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.index_error(e))?;
        Ok(Some(items))
    }

    /// Stores the index entries of `path` at this `size` and `mtime_ns`,
    /// replacing what was there, in one transaction (or inside the current
    /// [`Db::batch`]).
    pub fn store_file(
        &self,
        path: &Path,
        size: u64,
        mtime_ns: i64,
        items: &[(Item, Vec<Entity>)],
    ) -> Result<(), DbError> {
        self.store(path, size, mtime_ns, items, true)
    }

    /// Like [`Db::store_file`] without the text: the list rows and actors
    /// only, the file left for [`Db::store_text`] (a new library's items
    /// and actors are ready twice as soon; the full-text index follows).
    pub fn store_file_rows(
        &self,
        path: &Path,
        size: u64,
        mtime_ns: i64,
        items: &[(Item, Vec<Entity>)],
    ) -> Result<(), DbError> {
        self.store(path, size, mtime_ns, items, false)
    }

    fn store(
        &self,
        path: &Path,
        size: u64,
        mtime_ns: i64,
        items: &[(Item, Vec<Entity>)],
        with_text: bool,
    ) -> Result<(), DbError> {
        let file = key(path);
        self.write_index(|conn| {
            forget(conn, &file)?;
            conn.prepare_cached(
                "INSERT INTO files (path, size, mtime_ns, format, searchable)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                file,
                stored_size(size),
                mtime_ns,
                CACHE_FORMAT,
                with_text
            ])?;
            index_items(conn, &file, items, with_text)
        })
    }

    /// Files whose rows are stored but whose text is not in the full-text
    /// index yet, with the size and modification time they were read at.
    pub fn files_without_text(&self) -> Result<Vec<(PathBuf, u64, i64)>, DbError> {
        let mut stmt = self
            .index
            .prepare_cached("SELECT path, size, mtime_ns FROM files WHERE searchable = 0")
            .map_err(|e| self.index_error(e))?;
        let rows = stmt
            .query_map([], |row| {
                let path: Vec<u8> = row.get(0)?;
                let size: i64 = row.get(1)?;
                Ok((
                    path_from_key(&path),
                    u64::try_from(size).unwrap_or(0),
                    row.get(2)?,
                ))
            })
            .map_err(|e| self.index_error(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.index_error(e))
    }

    /// Adds the text of `path`'s items (read again from the file) to the
    /// full-text index, if the file is still stored at this size and time
    /// without its text. Items that no longer match the stored rows (the
    /// file changed) mark the file for reading again. Returns whether the
    /// text was stored.
    pub fn store_text(
        &self,
        path: &Path,
        size: u64,
        mtime_ns: i64,
        items: &[Item],
    ) -> Result<bool, DbError> {
        let file = key(path);
        self.write_index(|conn| {
            let waiting: Option<i64> = conn
                .prepare_cached(
                    "SELECT 1 FROM files WHERE path = ?1 AND size = ?2 AND mtime_ns = ?3
                     AND searchable = 0",
                )?
                .query_row(params![file, stored_size(size), mtime_ns], |row| row.get(0))
                .optional()?;
            if waiting.is_none() {
                return Ok(false);
            }
            let rows: Vec<(i64, String)> = conn
                .prepare_cached("SELECT rowid, id FROM items WHERE file = ?1 ORDER BY seq")?
                .query_map([&file], |row| Ok((row.get(0)?, row.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let same = rows.len() == items.len()
                && rows
                    .iter()
                    .zip(items)
                    .all(|((_, id), item)| *id == item.id.0);
            if !same {
                conn.prepare_cached("UPDATE files SET size = -1 WHERE path = ?1")?
                    .execute([&file])?;
                return Ok(false);
            }
            let mut fts = conn
                .prepare_cached("INSERT INTO items_fts (rowid, title, body) VALUES (?1, ?2, ?3)")?;
            let mut body = String::new();
            for ((rowid, _), item) in rows.iter().zip(items) {
                body_text(item, &mut body);
                fts.execute(params![rowid, item.title, body])?;
            }
            conn.prepare_cached("UPDATE files SET searchable = 1 WHERE path = ?1")?
                .execute([&file])?;
            Ok(true)
        })
    }

    /// Removes the entries of every file not in `keep` (files deleted from
    /// the library); returns how many were removed.
    pub fn prune_files(&self, keep: &PathList) -> Result<usize, DbError> {
        // Sorted references, not a set of copies: little room at 100k files.
        let mut keep: Vec<&Path> = keep.iter().collect();
        keep.sort_unstable();
        self.write_index(|conn| {
            let mut gone: Vec<Vec<u8>> = Vec::new();
            {
                let mut stmt = conn.prepare("SELECT path FROM files")?;
                let mut rows = stmt.query([])?;
                while let Some(row) = rows.next()? {
                    let file = row.get_ref(0)?.as_bytes()?;
                    if keep.binary_search(&path_from_key(file).as_path()).is_err() {
                        gone.push(file.to_vec());
                    }
                }
            }
            for file in &gone {
                forget(conn, file)?;
            }
            Ok(gone.len())
        })
    }

    /// The file an item was read from and its position there.
    pub fn item_location(&self, id: &ItemId) -> Result<Option<(PathBuf, usize)>, DbError> {
        self.index
            .prepare_cached("SELECT file, seq FROM items WHERE id = ?1 LIMIT 1")
            .and_then(|mut stmt| {
                stmt.query_row([id.as_str()], |row| {
                    let file: Vec<u8> = row.get(0)?;
                    let seq: i64 = row.get(1)?;
                    Ok((
                        path_from_key(&file),
                        usize::try_from(seq).unwrap_or(usize::MAX),
                    ))
                })
                .optional()
            })
            .map_err(|e| self.index_error(e))
    }
}

/// Writes the rows of `items` for `file`: list row with packed actors, and
/// (with `with_text`) the full-text index.
fn index_items(
    conn: &Connection,
    file: &[u8],
    items: &[(Item, Vec<Entity>)],
    with_text: bool,
) -> rusqlite::Result<()> {
    let mut item_stmt = conn.prepare_cached(
        "INSERT INTO items (file, seq, id, date, newsletter, title, source, actors)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut fts_stmt =
        conn.prepare_cached("INSERT INTO items_fts (rowid, title, body) VALUES (?1, ?2, ?3)")?;
    let mut body = String::new();
    for (seq, (item, entities)) in items.iter().enumerate() {
        item_stmt.execute(params![
            file,
            i64::try_from(seq).unwrap_or(i64::MAX),
            item.id.as_str(),
            item.date.map(|d| d.to_string()),
            item.newsletter,
            item.title,
            item.source.to_string_lossy(),
            pack_actors(entities),
        ])?;
        if with_text {
            let rowid = conn.last_insert_rowid();
            body_text(item, &mut body);
            fts_stmt.execute(params![rowid, item.title, body])?;
        }
    }
    Ok(())
}

/// An item's text as the full-text index takes it: its blocks, a line each.
fn body_text(item: &Item, body: &mut String) {
    body.clear();
    for block in &item.blocks {
        body.push_str(Block::text(block));
        body.push('\n');
    }
}

/// Deletes everything stored for `file`.
fn forget(conn: &Connection, file: &[u8]) -> rusqlite::Result<()> {
    for sql in [
        // Only text that was stored is deleted from the full-text index.
        "DELETE FROM items_fts WHERE rowid IN (SELECT rowid FROM items WHERE file = ?1)
         AND EXISTS (SELECT 1 FROM files WHERE path = ?1 AND searchable = 1)",
        "DELETE FROM files WHERE path = ?1",
        "DELETE FROM items WHERE file = ?1",
    ] {
        conn.prepare_cached(sql)?.execute([file])?;
    }
    Ok(())
}

/// The key of a path: its raw bytes as the OS gives them.
fn key(path: &Path) -> Vec<u8> {
    path.as_os_str().as_encoded_bytes().to_vec()
}

/// The path a key was made from.
#[cfg(unix)]
pub fn path_from_key(key: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(key))
}

/// The path a key was made from.
#[cfg(not(unix))]
pub fn path_from_key(key: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(key).into_owned())
}

/// SQLite integers are signed; no real file reaches `i64::MAX` bytes.
fn stored_size(size: u64) -> i64 {
    i64::try_from(size).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Mention;

    #[test]
    fn actors_pack_and_unpack() {
        let entity = |kind, name: &str, aliases: &[&str], n| Entity {
            name: name.into(),
            kind,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: vec![
                Mention {
                    segment: 1,
                    start: 0,
                    end: 1
                };
                n
            ],
        };
        let entities = [
            entity(
                EntityKind::Person,
                "Steve Witkoff",
                &["Mr. Witkoff", "Witkoff"],
                3,
            ),
            entity(EntityKind::Place, "Moscow", &[], 1),
            entity(EntityKind::Organization, "NATO", &["NATO"], 2),
        ];
        let packed = pack_actors(&entities);
        let back = unpack_actors(&packed);
        assert_eq!(back.len(), 3);
        assert_eq!(
            back[0],
            (
                EntityKind::Person,
                "Steve Witkoff".into(),
                3,
                vec!["Mr. Witkoff".into(), "Witkoff".into()]
            )
        );
        assert_eq!(back[1], (EntityKind::Place, "Moscow".into(), 1, vec![]));
        assert!(unpack_actors("").is_empty());
        assert!(unpack_actors("x\u{1f}bad").is_empty());
    }
}
