//! Starting over from a damaged database without dropping the user's data:
//! the damaged file is moved aside (never deleted), a fresh database is
//! created, and the read marks still readable in the old file are copied
//! into it.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::marks::Mark;
use super::{BUSY_TIMEOUT, Db, DbError, FILE_NAME, now_unix};

/// Suffixes of SQLite's companion files, moved along with the database.
const COMPANIONS: [&str; 2] = ["-wal", "-shm"];

impl Db {
    /// Like [`Db::open`], but a damaged database ("file is not a database",
    /// or failing `PRAGMA quick_check`) is renamed to
    /// `gazette.db.corrupt-<unix time>`, a fresh one is created, and the marks
    /// still readable in the old file are merged into it. The message, when
    /// there is one, says what happened and names the moved file.
    ///
    /// Other errors (permissions, a lock held too long, a newer schema) are
    /// returned as they are: only damage moves a file.
    pub fn open_or_recover(dir: &Path) -> Result<(Db, Option<String>), DbError> {
        let path = dir.join(FILE_NAME);
        let identity = file_identity(&path);
        let detail = match Db::open(dir).and_then(|db| db.check().map(|problem| (db, problem))) {
            Ok((db, None)) => return Ok((db, None)),
            Ok((_, Some(detail))) | Err(DbError::Corrupt { detail, .. }) => detail,
            Err(error) => return Err(error),
        };
        if file_identity(&path) != identity {
            // Another instance has already moved the damaged file and
            // started a new one: use that.
            return Ok((Db::open(dir)?, None));
        }
        let moved = move_aside(&path)?;
        let db = Db::open(dir)?;
        let salvaged = salvage_marks(&moved);
        db.merge_marks(&salvaged)?;
        let read = salvaged.iter().filter(|m| m.read).count();
        let outcome = if salvaged.is_empty() {
            "No read marks could be recovered from it (`gazette state import` restores an \
             export)."
                .to_owned()
        } else {
            format!("Recovered {read} read marks from it.")
        };
        let message = format!(
            "The database {} was damaged ({}); it was moved to {} and a new one was started. \
             {outcome}",
            path.display(),
            first_line(&detail),
            moved.display(),
        );
        Ok((db, Some(message)))
    }

    /// Runs `PRAGMA quick_check`; `Some(detail)` when the file is damaged.
    fn check(&self) -> Result<Option<String>, DbError> {
        let run = || -> rusqlite::Result<Vec<String>> {
            let mut stmt = self.conn.prepare("PRAGMA quick_check")?;
            let rows = stmt.query_map([], |row| row.get(0))?;
            rows.collect()
        };
        match run() {
            Ok(lines) if lines == ["ok"] => Ok(None),
            Ok(lines) => Ok(Some(lines.join("; "))),
            Err(error) => match self.sqlite(error) {
                DbError::Corrupt { detail, .. } => Ok(Some(detail)),
                other => Err(other),
            },
        }
    }
}

/// Renames `path` (and its `-wal`/`-shm` files, when present) to
/// `path.corrupt-<unix time>[-n]`; returns the new path.
fn move_aside(path: &Path) -> Result<PathBuf, DbError> {
    let stamp = now_unix();
    let mut target = PathBuf::from(format!("{}.corrupt-{stamp}", path.display()));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = PathBuf::from(format!("{}.corrupt-{stamp}-{n}", path.display()));
    }
    fs::rename(path, &target).map_err(|source| DbError::Io {
        path: path.to_path_buf(),
        action: "moving the damaged database aside",
        source,
    })?;
    for suffix in COMPANIONS {
        let from = PathBuf::from(format!("{}{suffix}", path.display()));
        if from.exists() {
            let to = PathBuf::from(format!("{}{suffix}", target.display()));
            fs::rename(&from, &to).map_err(|source| DbError::Io {
                path: from.clone(),
                action: "moving the damaged database aside",
                source,
            })?;
        }
    }
    Ok(target)
}

/// The marks that can still be read from the damaged file at `path`: a
/// forward scan up to the first damaged page, then a backward scan up to it,
/// so damage in the middle still leaves both ends. Per id the newest wins.
fn salvage_marks(path: &Path) -> Vec<Mark> {
    let Ok(conn) = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE) else {
        return Vec::new();
    };
    let _ = conn.busy_timeout(BUSY_TIMEOUT);
    // With writable_schema, SQLite reads a file shorter than its header
    // claims instead of refusing it outright; nothing is written here.
    let _ = conn.pragma_update(None, "writable_schema", true);
    let mut found: HashMap<String, Mark> = HashMap::new();
    for sql in [
        "SELECT id, read, at FROM marks ORDER BY rowid",
        "SELECT id, read, at FROM marks ORDER BY rowid DESC",
    ] {
        scan(&conn, sql, &mut found);
    }
    let mut marks: Vec<Mark> = found.into_values().collect();
    marks.sort_by(|a, b| a.id.cmp(&b.id));
    marks
}

/// Adds the rows of `sql` to `found` until the first error.
fn scan(conn: &Connection, sql: &str, found: &mut HashMap<String, Mark>) {
    let Ok(mut stmt) = conn.prepare(sql) else {
        return;
    };
    let Ok(mut rows) = stmt.query([]) else { return };
    while let Ok(Some(row)) = rows.next() {
        let mark = (|| -> rusqlite::Result<Mark> {
            Ok(Mark {
                id: row.get(0)?,
                read: row.get(1)?,
                at: row.get(2)?,
            })
        })();
        let Ok(mark) = mark else { continue };
        match found.get(&mark.id) {
            Some(old) if old.at >= mark.at => {}
            _ => {
                found.insert(mark.id.clone(), mark);
            }
        }
    }
}

/// Identifies the file at `path` (device and inode on Unix), to notice that
/// another instance replaced it; `None` when it does not exist.
#[cfg(unix)]
fn file_identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// Elsewhere, only existence is compared.
#[cfg(not(unix))]
fn file_identity(path: &Path) -> Option<(u64, u64)> {
    path.exists().then_some((0, 0))
}

/// The first line of a possibly long report, shortened for a message.
fn first_line(detail: &str) -> String {
    // quick_check starts its report with "*** in database main ***".
    let line = detail
        .split(['\n', ';'])
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("***"))
        .unwrap_or(detail);
    let mut short: String = line.chars().take(160).collect();
    if short.len() < line.len() {
        short.push('…');
    }
    short
}
