//! Opening a connection with the right settings, and the versioned schema:
//! `PRAGMA user_version` counts the migrations applied.

use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use rusqlite::Connection;

use super::error::{DbError, is_busy};
use super::{BUSY_TIMEOUT, WriteScope};

/// Migration `i` takes the schema from version `i` to `i + 1`. Append only;
/// never edit one that has shipped.
const MIGRATIONS: &[&str] = &[
    // 1: read marks.
    "CREATE TABLE marks (
         id   TEXT PRIMARY KEY,
         read INTEGER NOT NULL,
         at   INTEGER NOT NULL
     );",
    // 2: conditional-GET validators of fetched feeds.
    "CREATE TABLE feeds (
         url           TEXT PRIMARY KEY,
         etag          TEXT,
         last_modified TEXT,
         fetched_at    INTEGER NOT NULL
     );",
];

/// Migrations of the index database (`index.db`), as for [`MIGRATIONS`].
const INDEX_MIGRATIONS: &[&str] = &[
    // 1: per file, its stamp; per item, its list row with the actors it
    // names packed in one column (see `cache.rs`), and its text in the
    // full-text index (no positions kept: matches are found again in the
    // opened text); the extraction settings the index was built with.
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
     CREATE TABLE files (
         path     BLOB PRIMARY KEY,
         size     INTEGER NOT NULL,
         mtime_ns INTEGER NOT NULL,
         format   INTEGER NOT NULL
     );
     CREATE TABLE items (
         file       BLOB NOT NULL,
         seq        INTEGER NOT NULL,
         id         TEXT NOT NULL,
         date       TEXT,
         newsletter TEXT,
         title      TEXT NOT NULL,
         source     TEXT NOT NULL,
         actors     TEXT NOT NULL,
         PRIMARY KEY (file, seq)
     );
     CREATE INDEX items_id ON items (id);
     CREATE INDEX items_order ON items (date DESC, title, id);
     CREATE VIRTUAL TABLE items_fts USING fts5 (
         title, body,
         content = '', contentless_delete = 1, detail = none,
         tokenize = 'unicode61 remove_diacritics 2'
     );",
    // 2: whether a file's text is in the full-text index yet (rows and
    // actors are written first, the text in a second pass).
    "ALTER TABLE files ADD COLUMN searchable INTEGER NOT NULL DEFAULT 1;",
];

/// Opens the marks database at `path` with WAL, `synchronous=NORMAL` and the
/// busy timeout, then migrates it. Retries while another process holds a
/// lock that the busy handler does not wait for (switching the journal mode
/// of a new file).
pub(super) fn connect(path: &Path) -> Result<Connection, DbError> {
    connect_with(path, MIGRATIONS)
}

/// Opens the index database at `path` like [`connect`]. The index is a
/// cache: a damaged or unreadable one (or one from a newer build) is
/// deleted and started again, empty, to be rebuilt from the library.
pub(super) fn connect_index(path: &Path) -> Result<Connection, DbError> {
    match connect_with(path, INDEX_MIGRATIONS) {
        Err(DbError::Corrupt { .. } | DbError::TooNew { .. }) => {
            for suffix in ["", "-wal", "-shm"] {
                let mut name = path.as_os_str().to_owned();
                name.push(suffix);
                let _ = std::fs::remove_file(std::path::PathBuf::from(name));
            }
            connect_with(path, INDEX_MIGRATIONS)
        }
        result => result,
    }
}

fn connect_with(path: &Path, migrations: &[&str]) -> Result<Connection, DbError> {
    let deadline = Instant::now() + BUSY_TIMEOUT * 2;
    loop {
        match try_connect(path, migrations) {
            Err(error) if is_busy(&error) && Instant::now() < deadline => {
                thread::sleep(Duration::from_millis(10));
            }
            result => {
                return result
                    .map_err(|e| DbError::sqlite(path, e))
                    .and_then(|c| check(path, c, migrations));
            }
        }
    }
}

/// One attempt at [`connect_with`]; `Ok` carries the connection and the
/// version found before migrating.
fn try_connect(path: &Path, migrations: &[&str]) -> rusqlite::Result<(Connection, i64)> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // The first statement to read the file: a file that is not a database
    // fails here with SQLITE_NOTADB.
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    let found = migrate(&conn, migrations)?;
    Ok((conn, found))
}

fn version_of(migrations: &[&str]) -> i64 {
    i64::try_from(migrations.len()).unwrap_or(i64::MAX)
}

/// Applies the missing migrations in one write transaction; returns the
/// version found. A newer version is left alone (see [`check`]).
fn migrate(conn: &Connection, migrations: &[&str]) -> rusqlite::Result<i64> {
    let target = version_of(migrations);
    let version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if version >= target {
        return Ok(version);
    }
    let scope = WriteScope::begin(conn)?;
    // Read again under the write lock: another instance may have migrated
    // between the first look and taking the lock.
    let version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if version >= target {
        scope.commit()?;
        return Ok(version);
    }
    let start = usize::try_from(version).unwrap_or(0);
    for sql in migrations.iter().skip(start) {
        conn.execute_batch(sql)?;
    }
    conn.pragma_update(None, "user_version", target)?;
    scope.commit()?;
    Ok(version)
}

/// Refuses a schema newer than this build knows, rather than writing into it.
fn check(
    path: &Path,
    (conn, found): (Connection, i64),
    migrations: &[&str],
) -> Result<Connection, DbError> {
    let supported = version_of(migrations);
    if found > supported {
        return Err(DbError::TooNew {
            path: path.to_path_buf(),
            found,
            supported,
        });
    }
    Ok(conn)
}
