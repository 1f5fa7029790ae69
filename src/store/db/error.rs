//! The database's error type: every message names the database file, so a
//! user reading it knows which file is concerned.

use std::io;
use std::path::PathBuf;

use rusqlite::ErrorCode;

/// What went wrong with the database at `path`.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// SQLite refused an operation.
    #[error("database {}: {source}", path.display())]
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// SQLite's own error.
        #[source]
        source: rusqlite::Error,
    },
    /// A file operation around the database failed (creating the data
    /// directory, moving a damaged file aside).
    #[error("database {}: {action}: {source}", path.display())]
    Io {
        /// The file or directory concerned.
        path: PathBuf,
        /// What was being done, for a person ("creating the data directory").
        action: &'static str,
        /// The operating system's error.
        #[source]
        source: io::Error,
    },
    /// The file is damaged: not a database, or failing SQLite's checks.
    #[error("database {} is damaged: {detail}", path.display())]
    Corrupt {
        /// The database file.
        path: PathBuf,
        /// SQLite's description of the damage.
        detail: String,
    },
    /// The file was written by a newer Gazette with a schema this one does
    /// not know; it is left untouched.
    #[error(
        "database {} has schema version {found}, newer than this Gazette's {supported}; \
         upgrade Gazette or use another --data-dir",
        path.display()
    )]
    TooNew {
        /// The database file.
        path: PathBuf,
        /// The schema version found in the file.
        found: i64,
        /// The newest schema version this build knows.
        supported: i64,
    },
    /// Marks given to import are not valid.
    #[error("importing marks into database {}: {message}", path.display())]
    Import {
        /// The database file.
        path: PathBuf,
        /// What is wrong with the input.
        message: String,
    },
    /// Items could not be encoded for the cache, or marks for export.
    #[error("database {}: encoding {what}: {message}", path.display())]
    Encode {
        /// The database file.
        path: PathBuf,
        /// What was being encoded ("cached items", "marks").
        what: &'static str,
        /// The encoder's message.
        message: String,
    },
}

impl DbError {
    /// Wraps a SQLite error, turning damage reports into [`DbError::Corrupt`].
    pub(crate) fn sqlite(path: &std::path::Path, source: rusqlite::Error) -> Self {
        if is_damage(&source) {
            return Self::Corrupt {
                path: path.to_path_buf(),
                detail: source.to_string(),
            };
        }
        Self::Sqlite {
            path: path.to_path_buf(),
            source,
        }
    }

    /// True when the file itself is damaged, so moving it aside and starting
    /// over is the remedy (see `Db::open_or_recover`).
    pub fn is_corruption(&self) -> bool {
        matches!(self, Self::Corrupt { .. })
    }

    /// True when another process held the database longer than the busy
    /// timeout allows.
    pub fn is_busy(&self) -> bool {
        match self {
            Self::Sqlite { source, .. } => is_busy(source),
            _ => false,
        }
    }
}

/// True for SQLite's "database disk image is malformed" and "file is not a
/// database".
pub(crate) fn is_damage(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase)
    )
}

/// True for SQLite's "database is locked" and "database table is locked".
pub(crate) fn is_busy(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}
