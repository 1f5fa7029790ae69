//! Conditional-GET validators of fetched feeds (`ETag`, `Last-Modified`),
//! so a refresh downloads a feed only when it changed.

use rusqlite::{OptionalExtension, params};

use super::{Db, DbError, now_unix};

/// What a feed's server said about the copy last fetched.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedState {
    /// The `ETag` response header.
    pub etag: Option<String>,
    /// The `Last-Modified` response header.
    pub last_modified: Option<String>,
}

impl Db {
    /// The validators stored for `url`, if it was fetched before.
    pub fn feed_state(&self, url: &str) -> Result<Option<FeedState>, DbError> {
        self.conn
            .prepare_cached("SELECT etag, last_modified FROM feeds WHERE url = ?1")
            .and_then(|mut stmt| {
                stmt.query_row(params![url], |row| {
                    Ok(FeedState {
                        etag: row.get(0)?,
                        last_modified: row.get(1)?,
                    })
                })
                .optional()
            })
            .map_err(|e| self.sqlite(e))
    }

    /// Stores the validators of `url` after a successful fetch.
    pub fn set_feed_state(&self, url: &str, state: &FeedState) -> Result<(), DbError> {
        let at = now_unix();
        self.write(|conn| {
            conn.prepare_cached(
                "INSERT INTO feeds (url, etag, last_modified, fetched_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (url) DO UPDATE SET etag = excluded.etag,
                     last_modified = excluded.last_modified, fetched_at = excluded.fetched_at",
            )?
            .execute(params![url, state.etag, state.last_modified, at])?;
            Ok(())
        })
    }
}
