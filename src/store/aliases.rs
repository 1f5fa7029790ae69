//! The alias file, `aliases.toml` in the data folder: the actors the user
//! merged, split and hid in the reader. Never in the user's config (Gazette
//! does not write that).
//!
//! It is written through a temporary file and a rename, so a crash leaves
//! either the old file or the new one. A file that does not parse is never
//! overwritten: the reader shows where it is wrong and refuses alias edits
//! until it is fixed by hand.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::library::AliasEdits;

/// The file's name in the data folder.
pub const FILE_NAME: &str = "aliases.toml";

/// What the top of a written file says.
const HEADER: &str = "\
# Gazette alias edits, written by the reader (m merge, x split, H hide, U undo
# on an actor page). You may edit this file by hand.
#
# [[merge]]  into = \"Martin Halvorsen\", kind = \"person\", names = [\"Halvorsen\"]
#            (from_kind = \"place\" when the merged names are of another kind)
# [[split]]  name = \"Mercer\", kind = \"person\"   (a surname kept apart)
# [[hide]]   name = \"Jordan Ellis\", kind = \"person\"

";

/// Why the alias file could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AliasFileError {
    /// The file.
    pub path: PathBuf,
    /// 1-based line of a parse error.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for AliasFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

/// The alias file of a data folder.
pub fn path_in(data_dir: &Path) -> PathBuf {
    data_dir.join(FILE_NAME)
}

/// Reads the alias file; a missing file is no edits.
pub fn load(path: &Path) -> Result<AliasEdits, AliasFileError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            return Ok(AliasEdits::default());
        }
        Err(err) => {
            return Err(AliasFileError {
                path: path.to_path_buf(),
                line: None,
                message: err.to_string(),
            });
        }
    };
    parse(&text).map_err(|(line, message)| AliasFileError {
        path: path.to_path_buf(),
        line,
        message,
    })
}

/// Parses the text of an alias file: the error has the 1-based line.
pub fn parse(text: &str) -> Result<AliasEdits, (Option<usize>, String)> {
    toml::from_str::<AliasEdits>(text).map_err(|err| {
        let line = err
            .span()
            .map(|span| text[..span.start.min(text.len())].matches('\n').count() + 1);
        // The first line of toml's message; the rest repeats the source.
        let message = err
            .message()
            .lines()
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
        (line, message)
    })
}

/// The text written for `edits`.
pub fn render(edits: &AliasEdits) -> String {
    let body = toml::to_string(edits).unwrap_or_default();
    format!("{HEADER}{body}")
}

/// Writes `edits` to `path` atomically (a temporary file in the same
/// folder, flushed, then renamed over it). An existing file that does not
/// parse is left alone and reported instead.
pub fn save(path: &Path, edits: &AliasEdits) -> Result<(), AliasFileError> {
    let fail = |message: String| AliasFileError {
        path: path.to_path_buf(),
        line: None,
        message,
    };
    if path.exists() {
        // Hand edits that do not parse are the user's: never overwrite them.
        load(path)?;
    }
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| fail(e.to_string()))?;
    let tmp = dir.join(format!(".{FILE_NAME}.{}.tmp", std::process::id()));
    let written = std::fs::File::create(&tmp).and_then(|mut file| {
        file.write_all(render(edits).as_bytes())?;
        file.sync_all()
    });
    if let Err(err) = written.and_then(|()| std::fs::rename(&tmp, path)) {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(err.to_string()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::ActorKey;
    use crate::model::EntityKind;

    fn key(kind: EntityKind, name: &str) -> ActorKey {
        ActorKey {
            kind,
            name: name.into(),
        }
    }

    fn sample() -> AliasEdits {
        let mut edits = AliasEdits::default();
        edits.merge(
            &key(EntityKind::Person, "Halvorsen"),
            &key(EntityKind::Person, "Martin Halvorsen"),
        );
        edits.merge(
            &key(EntityKind::Place, "Halvorsen"),
            &key(EntityKind::Person, "Martin Halvorsen"),
        );
        edits.split(&key(EntityKind::Person, "Witkoff"));
        edits.hide(&key(EntityKind::Organization, "Fixture Press"));
        edits
    }

    #[test]
    fn round_trip_through_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = path_in(&dir.path().join("new-folder"));
        assert_eq!(load(&path), Ok(AliasEdits::default()));
        save(&path, &sample()).unwrap();
        assert_eq!(load(&path), Ok(sample()));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("[[merge]]"), "{text}");
        assert!(text.contains("from_kind = \"place\""), "{text}");
        // No temporary file is left behind.
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, [std::ffi::OsString::from(FILE_NAME)]);
    }

    #[test]
    fn hand_written_forms_parse() {
        let text = "hide = [{ name = \"Guy Taylor\", kind = \"person\" }]\n\n\
                    [[merge]]\ninto = \"NATO\"\nkind = \"organization\"\nnames = [\"the alliance\"]\n";
        let edits = parse(text).unwrap();
        assert_eq!(edits.hide[0].name, "Guy Taylor");
        assert_eq!(edits.merges[0].names, ["the alliance"]);
    }

    #[test]
    fn malformed_file_names_its_line_and_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = path_in(dir.path());
        let bad = "[[merge]]\ninto = \"A\"\nkind = \"persn\"\nnames = [\"B\"]\n";
        std::fs::write(&path, bad).unwrap();
        let err = load(&path).unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        assert!(
            err.to_string()
                .starts_with(&format!("{}:3: ", path.display()))
        );
        assert!(save(&path, &sample()).is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), bad);
        let unknown = parse("[[merge]]\ninto = \"A\"\nkind = \"person\"\nnames = []\nsize = 3\n");
        assert_eq!(unknown.unwrap_err().0, Some(5));
    }

    #[test]
    fn a_failed_write_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = path_in(dir.path());
        save(&path, &sample()).unwrap();
        // A folder where the temporary file would go makes the write fail.
        let tmp = dir
            .path()
            .join(format!(".{FILE_NAME}.{}.tmp", std::process::id()));
        std::fs::create_dir(&tmp).unwrap();
        assert!(save(&path, &AliasEdits::default()).is_err());
        assert_eq!(load(&path), Ok(sample()));
    }
}
