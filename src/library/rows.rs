//! The list's rows, kept by column in little memory: ids as numbers, titles
//! and file names in one text buffer, newsletters and folders shared.
//! [`Row`] is a view of one row.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::model::ItemId;

const NONE: u32 = u32::MAX;

/// One item as the list shows it: a view into the library's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row<'a> {
    /// Publication date.
    pub date: Option<NaiveDate>,
    /// Newsletter name.
    pub newsletter: Option<&'a str>,
    /// Title.
    pub title: &'a str,
    id: IdRef<'a>,
    folder: &'a str,
    file: &'a str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum IdRef<'a> {
    /// An id of sixteen lowercase hex digits (what [`ItemId::from_parts`] makes).
    Hex(u64),
    /// Any other id.
    Text(&'a str),
}

/// A row's id as text, made without allocating.
#[derive(Debug, Clone, Copy)]
pub struct IdText<'a>(IdTextInner<'a>);

#[derive(Debug, Clone, Copy)]
enum IdTextInner<'a> {
    Hex([u8; 16]),
    Text(&'a str),
}

impl IdText<'_> {
    /// The id.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // Only hex digits are written there.
            IdTextInner::Hex(digits) => std::str::from_utf8(digits).unwrap_or_default(),
            IdTextInner::Text(text) => text,
        }
    }
}

impl<'a> Row<'a> {
    /// The item's id.
    pub fn id(&self) -> ItemId {
        ItemId(self.id_text().as_str().to_string())
    }

    /// The item's id as text, without allocating.
    pub fn id_text(&self) -> IdText<'a> {
        match self.id {
            IdRef::Hex(n) => {
                let mut digits = [0u8; 16];
                for (i, d) in digits.iter_mut().enumerate() {
                    let nibble = (n >> (60 - 4 * i)) & 0xf;
                    *d = b"0123456789abcdef"[nibble as usize];
                }
                IdText(IdTextInner::Hex(digits))
            }
            IdRef::Text(text) => IdText(IdTextInner::Text(text)),
        }
    }

    /// Whether this is the item with id `id`.
    pub fn has_id(&self, id: &str) -> bool {
        match self.id {
            IdRef::Hex(n) => hex_id(id) == Some(n),
            IdRef::Text(text) => text == id,
        }
    }

    /// Where it was loaded from.
    pub fn source(&self) -> PathBuf {
        if self.file.is_empty() {
            PathBuf::from(self.folder)
        } else {
            Path::new(self.folder).join(self.file)
        }
    }

    /// The newsletter name, or a placeholder for display.
    pub fn newsletter_or_default(&self) -> &str {
        self.newsletter.unwrap_or("(unknown)")
    }
}

/// A row to add: what the index stores of an item for the list.
#[derive(Debug, Clone, Copy)]
pub struct NewRow<'a> {
    /// Stable id.
    pub id: &'a str,
    /// Publication date.
    pub date: Option<NaiveDate>,
    /// Newsletter name.
    pub newsletter: Option<&'a str>,
    /// Title.
    pub title: &'a str,
    /// Where it was loaded from.
    pub source: &'a Path,
}

/// The number of a hex id: sixteen lowercase hex digits, written back the same.
fn hex_id(id: &str) -> Option<u64> {
    let plain = id.len() == 16 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    plain.then(|| u64::from_str_radix(id, 16).ok()).flatten()
}

/// The sort key of any id (its number, or a hash of its text).
pub(super) fn id_key(id: &str) -> u64 {
    hex_id(id).unwrap_or_else(|| {
        id.bytes().fold(0xcbf2_9ce4_8422_2325, |h: u64, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
    })
}

/// Rows by column.
#[derive(Debug, Clone, Default)]
pub struct RowTable {
    ids: Vec<u64>,
    // Rows whose id is not a hex id, with its text.
    text_ids: HashMap<u32, Box<str>>,
    dates: Vec<Option<NaiveDate>>,
    newsletter: Vec<u32>,
    newsletters: Vec<Box<str>>,
    newsletter_ids: HashMap<Box<str>, u32>,
    folder: Vec<u32>,
    folders: Vec<Box<str>>,
    folder_ids: HashMap<Box<str>, u32>,
    // Titles and file names, one after the other: row `r`'s title ends at
    // `ends[2r]`, its file name at `ends[2r + 1]`.
    text: String,
    ends: Vec<u32>,
    // Id key → the first row with it; whether any key is shared by rows.
    by_id: HashMap<u64, u32>,
    shared_keys: bool,
}

fn offset(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl RowTable {
    /// How many rows.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Appends a row (no check for a repeated id: see [`RowTable::index_of`]).
    pub fn push(&mut self, row: &NewRow) {
        let index = offset(self.ids.len());
        match hex_id(row.id) {
            Some(n) => self.ids.push(n),
            None => {
                self.ids.push(id_key(row.id));
                self.text_ids.insert(index, row.id.into());
            }
        }
        self.dates.push(row.date);
        let newsletter = row.newsletter.map_or(NONE, |n| {
            intern(&mut self.newsletters, &mut self.newsletter_ids, n)
        });
        self.newsletter.push(newsletter);
        let source = row.source.to_string_lossy();
        let path = Path::new(source.as_ref());
        let (folder, file) = match (path.parent(), path.file_name()) {
            (Some(parent), Some(file)) => (
                parent.to_string_lossy().into_owned(),
                file.to_string_lossy().into_owned(),
            ),
            _ => (source.into_owned(), String::new()),
        };
        let folder = intern(&mut self.folders, &mut self.folder_ids, &folder);
        self.folder.push(folder);
        self.text.push_str(row.title);
        self.ends.push(offset(self.text.len()));
        self.text.push_str(&file);
        self.ends.push(offset(self.text.len()));
    }

    /// Row `i`.
    pub fn get(&self, i: usize) -> Option<Row<'_>> {
        (i < self.ids.len()).then(|| self.at(i))
    }

    /// Row `i`, which must exist.
    pub fn at(&self, i: usize) -> Row<'_> {
        let n = self.ids[i];
        let start = if i == 0 {
            0
        } else {
            self.ends[2 * i - 1] as usize
        };
        let (title_end, file_end) = (self.ends[2 * i] as usize, self.ends[2 * i + 1] as usize);
        // Most libraries have no id that is not hex: skip the lookup then.
        let text_id = if self.text_ids.is_empty() {
            None
        } else {
            self.text_ids.get(&offset(i))
        };
        let id = match text_id {
            Some(text) => IdRef::Text(text),
            None => IdRef::Hex(n),
        };
        let newsletter = self.newsletter[i];
        Row {
            date: self.dates[i],
            newsletter: (newsletter != NONE).then(|| &*self.newsletters[newsletter as usize]),
            title: &self.text[start..title_end],
            id,
            folder: &self.folders[self.folder[i] as usize],
            file: &self.text[title_end..file_end],
        }
    }

    /// The date of row `i`.
    pub fn date(&self, i: usize) -> Option<NaiveDate> {
        self.dates.get(i).copied().flatten()
    }

    /// Every date.
    pub fn dates(&self) -> &[Option<NaiveDate>] {
        &self.dates
    }

    /// The rows in the order `order` gives (indices into this table).
    pub fn reordered(&self, order: &[usize]) -> RowTable {
        let mut out = RowTable::default();
        for &i in order {
            if let Some(row) = self.get(i) {
                let id = row.id();
                let source = row.source();
                out.push(&NewRow {
                    id: id.as_str(),
                    date: row.date,
                    newsletter: row.newsletter,
                    title: row.title,
                    source: &source,
                });
            }
        }
        out
    }

    /// Makes the id lookup (after the last row is added) and frees spare room.
    pub fn finish(&mut self) {
        self.by_id = HashMap::with_capacity(self.ids.len());
        self.shared_keys = false;
        for (i, &n) in self.ids.iter().enumerate() {
            match self.by_id.entry(n) {
                std::collections::hash_map::Entry::Occupied(_) => self.shared_keys = true,
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(offset(i));
                }
            }
        }
        self.ids.shrink_to_fit();
        self.dates.shrink_to_fit();
        self.newsletter.shrink_to_fit();
        self.folder.shrink_to_fit();
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }

    /// The row of the item with this id (needs [`RowTable::finish`]); the
    /// first one added when several share it.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        let key = id_key(id);
        let first = *self.by_id.get(&key)? as usize;
        if self.get(first).is_some_and(|r| r.has_id(id)) {
            return Some(first);
        }
        // Two ids with one key (or a repeated id): rare, so look through.
        if !self.shared_keys {
            return None;
        }
        (first..self.len())
            .filter(|&row| self.ids[row] == key)
            .find(|&row| self.get(row).is_some_and(|r| r.has_id(id)))
    }

    /// How many distinct newsletters the rows name.
    pub fn newsletter_count(&self) -> usize {
        let mut used = vec![false; self.newsletters.len()];
        for &n in &self.newsletter {
            if let Some(u) = used.get_mut(n as usize) {
                *u = true;
            }
        }
        used.iter().filter(|u| **u).count()
    }

    /// Bytes held (for measuring).
    pub fn heap_bytes(&self) -> usize {
        self.ids.capacity() * 8
            + self.dates.capacity() * std::mem::size_of::<Option<NaiveDate>>()
            + (self.newsletter.capacity() + self.folder.capacity() + self.ends.capacity()) * 4
            + self.text.capacity()
            + self.by_id.capacity() * (std::mem::size_of::<(u64, u32)>() + 1)
    }
}

fn intern(names: &mut Vec<Box<str>>, ids: &mut HashMap<Box<str>, u32>, name: &str) -> u32 {
    if let Some(&id) = ids.get(name) {
        return id;
    }
    let id = offset(names.len());
    names.push(name.into());
    ids.insert(name.into(), id);
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[(&str, &str, &str)]) -> RowTable {
        let mut t = RowTable::default();
        for (id, title, source) in rows {
            t.push(&NewRow {
                id,
                date: NaiveDate::from_ymd_opt(2025, 3, 1),
                newsletter: Some("Brief"),
                title,
                source: Path::new(source),
            });
        }
        t.finish();
        t
    }

    #[test]
    fn rows_read_back_with_their_ids_titles_and_sources() {
        let hex = ItemId::from_parts(&["a"]).0;
        let t = table(&[
            (&hex, "First", "/lib/news/a.txt"),
            ("msg-<x@y>", "Second", "mail.mbox"),
            ("0123456789ABCDEF", "Upper-case hex", "/"),
            ("", "Empty id", "dir/sub/"),
        ]);
        let expect = [
            (hex.as_str(), "First", "/lib/news/a.txt"),
            ("msg-<x@y>", "Second", "mail.mbox"),
            ("0123456789ABCDEF", "Upper-case hex", "/"),
            ("", "Empty id", "dir/sub"),
        ];
        for (i, (id, title, source)) in expect.iter().enumerate() {
            let row = t.get(i).unwrap();
            assert_eq!(row.id().as_str(), *id);
            assert_eq!(row.id_text().as_str(), *id);
            assert!(row.has_id(id));
            assert_eq!(row.title, *title);
            assert_eq!(row.source(), PathBuf::from(source));
            assert_eq!(row.newsletter, Some("Brief"));
            assert_eq!(t.index_of(id), Some(i), "{id}");
        }
        assert_eq!(t.index_of("0123456789abcdef"), None);
        assert_eq!(t.index_of("nope"), None);
        assert!(t.get(4).is_none());
        assert_eq!(t.newsletter_count(), 1);
    }

    #[test]
    fn a_repeated_id_finds_the_first_row_and_reordering_keeps_rows_whole() {
        let t = table(&[
            ("x", "one", "a/1"),
            ("y", "two", "b/2"),
            ("x", "three", "a/3"),
        ]);
        assert_eq!(t.index_of("x"), Some(0));
        let mut r = t.reordered(&[2, 1, 0]);
        r.finish();
        let titles: Vec<&str> = (0..3).map(|i| r.get(i).unwrap().title).collect();
        assert_eq!(titles, ["three", "two", "one"]);
        assert_eq!(r.get(0).unwrap().source(), PathBuf::from("a/3"));
        assert_eq!(r.index_of("y"), Some(1));
    }
}
