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
    // 1: read marks, and the index cache.
    "CREATE TABLE marks (
         id   TEXT PRIMARY KEY,
         read INTEGER NOT NULL,
         at   INTEGER NOT NULL
     );
     CREATE TABLE files (
         path     BLOB PRIMARY KEY,
         size     INTEGER NOT NULL,
         mtime_ns INTEGER NOT NULL,
         format   INTEGER NOT NULL,
         items    BLOB NOT NULL
     );
     CREATE TABLE items (
         file       BLOB NOT NULL,
         seq        INTEGER NOT NULL,
         id         TEXT NOT NULL,
         date       TEXT,
         newsletter TEXT,
         title      TEXT NOT NULL,
         source     TEXT NOT NULL,
         PRIMARY KEY (file, seq)
     );
     CREATE INDEX items_id ON items (id);
     CREATE INDEX items_date ON items (date);
     CREATE TABLE entities (
         file     BLOB NOT NULL,
         item_id  TEXT NOT NULL,
         name     TEXT NOT NULL,
         kind     TEXT NOT NULL,
         mentions INTEGER NOT NULL
     );
     CREATE INDEX entities_file ON entities (file);
     CREATE INDEX entities_name ON entities (name, kind);",
];

/// The schema version this build writes.
pub(super) const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Opens `path` with WAL, `synchronous=NORMAL` and the busy timeout, then
/// migrates it. Retries while another process holds a lock that the busy
/// handler does not wait for (switching the journal mode of a new file).
pub(super) fn connect(path: &Path) -> Result<Connection, DbError> {
    let deadline = Instant::now() + BUSY_TIMEOUT * 2;
    loop {
        match try_connect(path) {
            Err(error) if is_busy(&error) && Instant::now() < deadline => {
                thread::sleep(Duration::from_millis(10));
            }
            result => {
                return result
                    .map_err(|e| DbError::sqlite(path, e))
                    .and_then(|c| check(path, c));
            }
        }
    }
}

/// One attempt at [`connect`]; `Ok` carries the connection and the version
/// found before migrating.
fn try_connect(path: &Path) -> rusqlite::Result<(Connection, i64)> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // The first statement to read the file: a file that is not a database
    // fails here with SQLITE_NOTADB.
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    let found = migrate(&conn)?;
    Ok((conn, found))
}

/// Applies the missing migrations in one write transaction; returns the
/// version found. A newer version is left alone (see [`check`]).
fn migrate(conn: &Connection) -> rusqlite::Result<i64> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if version >= SCHEMA_VERSION {
        return Ok(version);
    }
    let scope = WriteScope::begin(conn)?;
    // Read again under the write lock: another instance may have migrated
    // between the first look and taking the lock.
    let version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if version >= SCHEMA_VERSION {
        scope.commit()?;
        return Ok(version);
    }
    let start = usize::try_from(version).unwrap_or(0);
    for sql in MIGRATIONS.iter().skip(start) {
        conn.execute_batch(sql)?;
    }
    conn.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    scope.commit()?;
    Ok(version)
}

/// Refuses a schema newer than this build knows, rather than writing into it.
fn check(path: &Path, (conn, found): (Connection, i64)) -> Result<Connection, DbError> {
    if found > SCHEMA_VERSION {
        return Err(DbError::TooNew {
            path: path.to_path_buf(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(conn)
}
