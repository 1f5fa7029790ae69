//! Read marks: one row per item id, `(id, read, at)`, upserted one id at a
//! time so concurrent instances never overwrite each other's marks.
//!
//! An unread mark is kept as a row with `read = 0` (not deleted) so that a
//! later merge knows it is newer than an old "read" from elsewhere.

use std::collections::HashSet;

use rusqlite::{Connection, OptionalExtension, params};

use super::{Db, DbError, now_unix};
use crate::model::ItemId;

/// One stored mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Mark {
    /// The item id.
    pub id: String,
    /// Read (true) or unread.
    pub read: bool,
    /// When it was set, in Unix seconds.
    pub at: i64,
}

impl Db {
    /// All ids currently marked read.
    pub fn read_ids(&self) -> Result<HashSet<ItemId>, DbError> {
        let run = || -> rusqlite::Result<HashSet<ItemId>> {
            let mut stmt = self
                .conn
                .prepare_cached("SELECT id FROM marks WHERE read = 1")?;
            let rows = stmt.query_map([], |row| row.get::<_, String>(0).map(ItemId))?;
            rows.collect()
        };
        run().map_err(|e| self.sqlite(e))
    }

    /// Marks each id read (or unread), stamped with the current time, in one
    /// transaction committed before this returns: once it returns `Ok`, the
    /// marks survive the process being killed.
    pub fn set_read(&self, ids: &[ItemId], read: bool) -> Result<(), DbError> {
        if ids.is_empty() {
            return Ok(());
        }
        let at = now_unix();
        self.write(|conn| {
            let mut stmt = conn.prepare_cached(
                "INSERT INTO marks (id, read, at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (id) DO UPDATE SET read = excluded.read, at = excluded.at",
            )?;
            for id in ids {
                stmt.execute(params![id.as_str(), read, at])?;
            }
            Ok(())
        })
    }

    /// Every stored mark, read or unread, sorted by id.
    pub(super) fn all_marks(&self) -> Result<Vec<Mark>, DbError> {
        let run = || -> rusqlite::Result<Vec<Mark>> {
            let mut stmt = self
                .conn
                .prepare("SELECT id, read, at FROM marks ORDER BY id")?;
            let rows = stmt.query_map([], |row| {
                Ok(Mark {
                    id: row.get(0)?,
                    read: row.get(1)?,
                    at: row.get(2)?,
                })
            })?;
            rows.collect()
        };
        run().map_err(|e| self.sqlite(e))
    }

    /// Merges `marks` in one transaction: per id, the newer `at` wins (on a
    /// tie the stored mark stays). Returns how many ids changed between read
    /// and unread (a new unread id changes nothing: absent means unread).
    pub(super) fn merge_marks(&self, marks: &[Mark]) -> Result<usize, DbError> {
        self.write(|conn| {
            let mut changed = 0;
            for mark in marks {
                changed += usize::from(merge_one(conn, mark)?);
            }
            Ok(changed)
        })
    }
}

/// Merges one mark; true when the id's read state changed.
fn merge_one(conn: &Connection, mark: &Mark) -> rusqlite::Result<bool> {
    let stored: Option<(bool, i64)> = conn
        .prepare_cached("SELECT read, at FROM marks WHERE id = ?1")?
        .query_row([&mark.id], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    let was_read = match stored {
        Some((_, at)) if at >= mark.at => return Ok(false),
        Some((read, _)) => read,
        None => false,
    };
    conn.prepare_cached(
        "INSERT INTO marks (id, read, at) VALUES (?1, ?2, ?3)
         ON CONFLICT (id) DO UPDATE SET read = excluded.read, at = excluded.at",
    )?
    .execute(params![mark.id, mark.read, mark.at])?;
    Ok(was_read != mark.read)
}
