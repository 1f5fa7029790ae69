//! Writing items into a library folder in Gazette's own Markdown + TOML
//! format (`render_markdown`), so fetched and imported items stay readable
//! offline. Each file is written to a hidden temporary file in the same
//! folder and renamed into place, so a reader never sees half a file and a
//! failure leaves nothing behind. An item whose id is already known is not
//! written again.

use std::collections::HashSet;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::markdown::render_markdown;
use crate::model::{Item, ItemId};

/// Longest slug taken from a title, in characters.
const SLUG_CHARS: usize = 60;

/// What [`save_items`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Saved {
    /// Files written, in item order.
    pub written: Vec<PathBuf>,
    /// Items skipped because their id was already in the library.
    pub duplicates: usize,
}

/// Writes each item whose id is not in `known` into `dir` (created when
/// missing), adding the ids written to `known`. Stops at the first write
/// error; files already written stay (each is complete).
pub fn save_items(dir: &Path, items: &[Item], known: &mut HashSet<ItemId>) -> io::Result<Saved> {
    fs::create_dir_all(dir)?;
    let mut saved = Saved::default();
    for item in items {
        if known.contains(&item.id) {
            saved.duplicates += 1;
            continue;
        }
        let path = dir.join(file_name(item));
        write_atomic(&path, render_markdown(item).as_bytes())?;
        known.insert(item.id.clone());
        saved.written.push(path);
    }
    Ok(saved)
}

/// `2024-03-04-cranes-idle-as-talks-stall-1a2b3c4d.md`: date, title slug
/// and the start of the id, so names are readable and never collide.
pub fn file_name(item: &Item) -> String {
    let mut slug = String::new();
    for c in item.title.chars().flat_map(char::to_lowercase) {
        if slug.chars().count() >= SLUG_CHARS {
            break;
        }
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let id: String = item.id.as_str().chars().take(8).collect();
    let id: String = id.chars().filter(char::is_ascii_alphanumeric).collect();
    let mut name = String::new();
    if let Some(date) = item.date {
        name.push_str(&format!("{date}-"));
    }
    if !slug.is_empty() {
        name.push_str(slug);
        name.push('-');
    }
    name.push_str(&id);
    name.push_str(".md");
    name
}

/// Writes `bytes` to a hidden temporary file beside `path`, syncs it, and
/// renames it over `path`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Block;

    fn item(title: &str, id: &str) -> Item {
        Item {
            id: ItemId(id.into()),
            title: title.into(),
            newsletter: Some("Harbor Watch".into()),
            publisher: None,
            date: chrono::NaiveDate::from_ymd_opt(2024, 3, 4),
            author: None,
            url: None,
            tags: vec![],
            blocks: vec![Block::Paragraph("Text.".into())],
            source: PathBuf::from("x"),
        }
    }

    #[test]
    fn names_are_dated_slugs_with_the_id() {
        assert_eq!(
            file_name(&item("Cranes idle: talks stall!", "1a2b3c4d5e6f")),
            "2024-03-04-cranes-idle-talks-stall-1a2b3c4d.md"
        );
        assert_eq!(file_name(&item("¿?", "ab/cd")), "2024-03-04-abcd.md");
    }

    #[test]
    fn known_ids_are_not_written_again() {
        let dir = tempfile::tempdir().unwrap();
        let mut known = HashSet::new();
        let items = [item("One", "aaaa1111"), item("Two", "bbbb2222")];
        let first = save_items(dir.path(), &items, &mut known).unwrap();
        assert_eq!((first.written.len(), first.duplicates), (2, 0));
        let second = save_items(dir.path(), &items, &mut known).unwrap();
        assert_eq!((second.written.len(), second.duplicates), (0, 2));
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 2, "no temporary file left behind");
    }
}
