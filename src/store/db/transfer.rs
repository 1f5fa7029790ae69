//! `gazette state export|import`: read marks as TOML, one `[[mark]]` table
//! per id:
//!
//! ```toml
//! [[mark]]
//! id = "9f2c4e1a0b3d5f67"
//! read = true
//! at = 1764150000
//! ```
//!
//! `at` is written as Unix seconds; on import it may also be an RFC 3339
//! date-time (quoted or as a TOML date-time), a date-time without offset
//! (taken as UTC) or a bare date (midnight UTC). `read` defaults to true and
//! `at` to 0 (older than any real mark).

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::marks::Mark;
use super::{Db, DbError};

/// The whole file.
#[derive(Debug, Default, Serialize, Deserialize)]
struct MarksFile {
    #[serde(default)]
    mark: Vec<MarkEntry>,
}

/// One `[[mark]]` table.
#[derive(Debug, Serialize, Deserialize)]
struct MarkEntry {
    id: String,
    #[serde(default = "default_read")]
    read: bool,
    #[serde(default = "default_at")]
    at: toml::Value,
}

fn default_read() -> bool {
    true
}

fn default_at() -> toml::Value {
    toml::Value::Integer(0)
}

const HEADER: &str = "# Gazette read marks: `gazette state import FILE` merges them back\n\
                      # (per id, the newer `at` wins; `at` is Unix seconds).\n\n";

impl Db {
    /// All marks (read and unread, which matters for merging) as TOML text,
    /// sorted by id.
    pub fn export_marks(&self) -> Result<String, DbError> {
        let mark = self
            .all_marks()?
            .into_iter()
            .map(|m| MarkEntry {
                id: m.id,
                read: m.read,
                at: toml::Value::Integer(m.at),
            })
            .collect();
        let body = toml::to_string(&MarksFile { mark }).map_err(|e| DbError::Encode {
            path: self.path.clone(),
            what: "marks",
            message: e.to_string(),
        })?;
        Ok(format!("{HEADER}{body}"))
    }

    /// Merges marks exported by [`Db::export_marks`] (or written by hand):
    /// per id, the newer `at` wins; on a tie the stored mark stays. Returns
    /// how many ids changed between read and unread. The whole text is
    /// checked before anything is written, so a bad file changes nothing.
    pub fn import_marks(&self, toml_text: &str) -> Result<usize, DbError> {
        let fail = |message: String| DbError::Import {
            path: self.path.clone(),
            message,
        };
        let file: MarksFile = toml::from_str(toml_text).map_err(|e| fail(e.to_string()))?;
        let mut marks = Vec::with_capacity(file.mark.len());
        for (n, entry) in file.mark.into_iter().enumerate() {
            let at = parse_at(&entry.at).ok_or_else(|| {
                fail(format!(
                    "mark {} ({}): `at` is not a time: {}",
                    n + 1,
                    entry.id,
                    entry.at
                ))
            })?;
            if entry.id.trim().is_empty() {
                return Err(fail(format!("mark {}: empty `id`", n + 1)));
            }
            marks.push(Mark {
                id: entry.id,
                read: entry.read,
                at,
            });
        }
        self.merge_marks(&marks)
    }
}

/// Unix seconds from an integer, an RFC 3339 date-time, a date-time without
/// offset (UTC) or a date (midnight UTC).
fn parse_at(value: &toml::Value) -> Option<i64> {
    let text = match value {
        toml::Value::Integer(seconds) => return Some(*seconds),
        toml::Value::String(text) => text.trim().to_owned(),
        toml::Value::Datetime(datetime) => datetime.to_string(),
        _ => return None,
    };
    if let Ok(t) = DateTime::parse_from_rfc3339(&text) {
        return Some(t.timestamp());
    }
    for format in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(&text, format) {
            return Some(t.and_utc().timestamp());
        }
    }
    let date = NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok()?;
    Some(date.and_hms_opt(0, 0, 0)?.and_utc().timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_accepts_seconds_and_dates() {
        let cases: &[(&str, Option<i64>)] = &[
            ("at = 1764150000", Some(1_764_150_000)),
            ("at = \"2025-11-26T09:40:00Z\"", Some(1_764_150_000)),
            ("at = \"2025-11-26T10:40:00+01:00\"", Some(1_764_150_000)),
            ("at = 2025-11-26T09:40:00Z", Some(1_764_150_000)),
            ("at = 2025-11-26T09:40:00", Some(1_764_150_000)),
            ("at = \"2025-11-26\"", Some(1_764_115_200)),
            ("at = \"yesterday\"", None),
            ("at = true", None),
        ];
        for (text, expected) in cases {
            let table: toml::Table = toml::from_str(text).expect(text);
            assert_eq!(parse_at(&table["at"]), *expected, "{text}");
        }
    }
}
