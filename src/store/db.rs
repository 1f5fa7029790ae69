//! The SQLite database in the data directory (`gazette.db`): the user's read
//! marks, and a cache of parsed items and their entities.
//!
//! Deleting the file loses only the read marks (which `export_marks` /
//! `import_marks` can carry over); everything else is rebuilt from the
//! library. The file is opened in WAL mode with `synchronous=NORMAL`: a
//! committed transaction survives the process being killed at any moment.
//!
//! Concurrency: every write runs in a `BEGIN IMMEDIATE` transaction, so two
//! instances queue for the write lock (waiting up to [`BUSY_TIMEOUT`])
//! instead of failing with "database is locked" when a read upgrades to a
//! write. Marks are upserted one id at a time, never rewritten as a whole, so
//! neither instance can drop the other's marks.
//!
//! A [`Db`] holds one connection: it is `Send` but not `Sync`. A thread that
//! needs the database (an indexer, say) opens its own `Db` on the same
//! directory; that is cheap, and lets readers proceed while another writes.

mod cache;
mod error;
mod feeds;
mod marks;
mod reader;
mod recover;
mod schema;
mod transfer;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rusqlite::Connection;

pub use cache::{CACHE_FORMAT, FileItems, Indexed};
pub use error::DbError;
pub use feeds::FeedState;

/// The read marks' database file inside the data directory.
pub const FILE_NAME: &str = "gazette.db";

/// The index's database file inside the data directory: a cache that can
/// always be rebuilt from the library, kept apart so that its size never
/// slows down the check of the marks at start.
pub const INDEX_FILE_NAME: &str = "index.db";

/// How long a statement waits for another connection's lock before failing.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The open database.
#[derive(Debug)]
pub struct Db {
    conn: Connection,
    path: PathBuf,
    index: Connection,
    index_path: PathBuf,
    /// Row numbers of the index to item ids, for full-text results.
    rowid_ids: std::sync::Mutex<Option<reader::RowidTable>>,
}

impl Db {
    /// Opens (creating it and `dir` when needed) `dir/gazette.db`, in WAL
    /// mode with `synchronous=NORMAL` and a busy timeout, and brings its
    /// schema up to date.
    ///
    /// A damaged file yields [`DbError::Corrupt`]; use
    /// [`Db::open_or_recover`] to move it aside and start over instead.
    pub fn open(dir: &Path) -> Result<Db, DbError> {
        std::fs::create_dir_all(dir).map_err(|source| DbError::Io {
            path: dir.to_path_buf(),
            action: "creating the data directory",
            source,
        })?;
        let path = dir.join(FILE_NAME);
        let conn = schema::connect(&path)?;
        let index_path = dir.join(INDEX_FILE_NAME);
        let index = schema::connect_index(&index_path)?;
        Ok(Db {
            conn,
            path,
            index,
            index_path,
            rowid_ids: std::sync::Mutex::default(),
        })
    }

    /// The read marks' database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The index's database file.
    pub fn index_path(&self) -> &Path {
        &self.index_path
    }

    /// Runs `work` in one write transaction of the index and commits once at the end: use
    /// it around many [`Db::store_file`] calls when indexing, which is much
    /// faster than one transaction per file.
    ///
    /// Calls made inside become nested savepoints. Nothing written inside is
    /// durable until `batch` returns `Ok`; if `work` fails (or panics), all of
    /// it is rolled back. The write lock is held throughout, so other
    /// instances wait for it: keep a batch to a few hundred files.
    pub fn batch<T>(&self, work: impl FnOnce(&Db) -> Result<T, DbError>) -> Result<T, DbError> {
        let scope = WriteScope::begin(&self.index).map_err(|e| self.index_error(e))?;
        let value = work(self)?;
        scope.commit().map_err(|e| self.index_error(e))?;
        Ok(value)
    }

    /// Like [`Db::write`], on the index database.
    fn write_index<T>(
        &self,
        work: impl FnOnce(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T, DbError> {
        let run = || {
            let scope = WriteScope::begin(&self.index)?;
            let value = work(&self.index)?;
            scope.commit()?;
            Ok(value)
        };
        run().map_err(|e| self.index_error(e))
    }

    /// Wraps a SQLite error of the index with the index's path.
    fn index_error(&self, source: rusqlite::Error) -> DbError {
        DbError::sqlite(&self.index_path, source)
    }

    /// Runs SQL `work` in a write transaction (or a savepoint inside a
    /// [`Db::batch`]), committing before it returns.
    fn write<T>(
        &self,
        work: impl FnOnce(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T, DbError> {
        let run = || {
            let scope = WriteScope::begin(&self.conn)?;
            let value = work(&self.conn)?;
            scope.commit()?;
            Ok(value)
        };
        run().map_err(|e| self.sqlite(e))
    }

    /// Wraps a SQLite error with this database's path.
    fn sqlite(&self, source: rusqlite::Error) -> DbError {
        DbError::sqlite(&self.path, source)
    }
}

/// An open write transaction or savepoint; rolled back when dropped without
/// [`WriteScope::commit`] (an error or a panic on the way).
struct WriteScope<'c> {
    conn: &'c Connection,
    nested: bool,
    done: bool,
}

impl<'c> WriteScope<'c> {
    /// Starts a `BEGIN IMMEDIATE` transaction, or a savepoint when one is
    /// already open on this connection.
    fn begin(conn: &'c Connection) -> rusqlite::Result<Self> {
        let nested = !conn.is_autocommit();
        // IMMEDIATE takes the write lock up front: a deferred transaction
        // that reads first and then writes fails at once with SQLITE_BUSY
        // when another connection committed in between; the busy timeout
        // does not help there.
        conn.execute_batch(if nested {
            "SAVEPOINT gazette_write"
        } else {
            "BEGIN IMMEDIATE"
        })?;
        Ok(Self {
            conn,
            nested,
            done: false,
        })
    }

    /// Commits (or releases the savepoint).
    fn commit(mut self) -> rusqlite::Result<()> {
        self.done = true;
        let sql = if self.nested {
            "RELEASE gazette_write"
        } else {
            "COMMIT"
        };
        if let Err(error) = self.conn.execute_batch(sql) {
            self.rollback();
            return Err(error);
        }
        Ok(())
    }

    /// Undoes everything since [`WriteScope::begin`]; errors are ignored
    /// because there is nothing better to do with them here.
    fn rollback(&self) {
        let sql = if self.nested {
            "ROLLBACK TO gazette_write; RELEASE gazette_write"
        } else {
            "ROLLBACK"
        };
        let _ = self.conn.execute_batch(sql);
    }
}

impl Drop for WriteScope<'_> {
    fn drop(&mut self) {
        if !self.done {
            self.rollback();
        }
    }
}

/// Seconds since the Unix epoch, now (0 if the clock is before 1970).
fn now_unix() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}
