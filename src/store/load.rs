//! Reading the library from disk: files and folders, format dispatch, and
//! the checks that keep one bad file from spoiling the rest.
//!
//! Dispatch is by content first (a leading `+++` line is Markdown with front
//! matter; mail, mbox, feeds and web pages are recognised by `sniff` and
//! parsed from their raw bytes, since they carry their own encodings), then
//! by extension (`.md`/`.markdown` Markdown; `.txt`/`.text` or none plain
//! text; `.eml`, `.mbox`, `.xml`/`.rss`/`.atom`/`.json`, `.html`). Every
//! text is cleaned by `clean_text` before it is parsed; the rich formats
//! clean the fields they produce. Files in a Maildir's `cur/` and `new/`
//! are read as mail whatever their names.
//!
//! In a folder scan, hidden entries are skipped, and so are files whose
//! extension names no format Gazette knows (images, PDFs) without a warning;
//! a file named on the command line is always tried, and warned about.

use std::collections::{HashMap, HashSet};
use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use chrono::{DateTime, Local, NaiveDate};

use super::markdown::parse_markdown;
use super::paths::PathList;
use super::sanitize::clean_text_cow;
use super::text::parse_text;
use super::{Loaded, Warning};

/// Largest file read, in bytes.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// How much of the start of a file is checked for NUL bytes.
const BINARY_SNIFF_BYTES: usize = 8 * 1024;

/// Extensions of the mail, feed and web-page formats.
const LATER_EXTENSIONS: &[&str] = super::sniff::EXTENSIONS;

/// Extensions parsed as Markdown.
const MARKDOWN_EXTENSIONS: &[&str] = &["md", "markdown"];

/// Extensions parsed as plain text.
const TEXT_EXTENSIONS: &[&str] = &["txt", "text"];

/// Mail header names that open a saved message.
const MAIL_HEADERS: &[&str] = &[
    "From ",
    "Received:",
    "Return-Path:",
    "Delivered-To:",
    "MIME-Version:",
    "Message-ID:",
];

fn warning(path: &Path, message: impl Into<String>) -> Warning {
    Warning {
        path: path.to_path_buf(),
        line: None,
        message: message.into(),
    }
}

fn lower_extension(path: &Path) -> Option<String> {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
}

/// Parses one file's bytes: sniffs the format, decodes, cleans, dispatches.
pub fn parse_bytes(bytes: &[u8], source: &Path, fallback_date: Option<NaiveDate>) -> Loaded {
    let sniff = &bytes[..bytes.len().min(BINARY_SNIFF_BYTES)];
    if sniff.contains(&0) {
        return skipped(source, "binary file (NUL bytes), skipped");
    }
    if let Some(format) = super::sniff::sniff(bytes, source) {
        return super::sniff::parse_rich(format, bytes, source, fallback_date);
    }
    let mut warnings = Vec::new();
    let decoded = match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(err) => {
            let message = format!(
                "invalid UTF-8 at byte {}, decoded lossily",
                err.valid_up_to()
            );
            warnings.push(warning(source, message));
            String::from_utf8_lossy(bytes)
        }
    };
    let text = clean_text_cow(&decoded);
    if text.trim().is_empty() {
        warnings.push(warning(source, "empty file, skipped"));
        return Loaded {
            items: vec![],
            warnings,
        };
    }
    let mut loaded = match detect(&text, source) {
        Format::Markdown => parse_markdown(&text, source, fallback_date),
        Format::Text => parse_text(&text, source, fallback_date),
        Format::Later(kind) => skipped(
            source,
            &format!("{kind}: format not supported yet, skipped"),
        ),
    };
    warnings.append(&mut loaded.warnings);
    loaded.warnings = warnings;
    loaded
}

fn skipped(source: &Path, message: &str) -> Loaded {
    Loaded {
        items: vec![],
        warnings: vec![warning(source, message)],
    }
}

/// A file's format.
enum Format {
    Markdown,
    Text,
    Later(&'static str),
}

fn detect(text: &str, source: &Path) -> Format {
    let first = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    if first == "+++" {
        return Format::Markdown;
    }
    let lower = first.to_ascii_lowercase();
    if lower.starts_with("<?xml") || lower.starts_with("<rss") || lower.starts_with("<feed") {
        return Format::Later("XML or feed");
    }
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        return Format::Later("HTML");
    }
    if MAIL_HEADERS.iter().any(|h| first.starts_with(h)) {
        return Format::Later("e-mail");
    }
    match lower_extension(source).as_deref() {
        None => Format::Text,
        Some(ext) if TEXT_EXTENSIONS.contains(&ext) => Format::Text,
        Some(ext) if MARKDOWN_EXTENSIONS.contains(&ext) => Format::Markdown,
        Some(ext) if LATER_EXTENSIONS.contains(&ext) => Format::Later("this extension"),
        Some(_) => Format::Later("unknown extension"),
    }
}

/// Whether a folder scan should try this file.
pub(crate) fn is_candidate(path: &Path) -> bool {
    if super::sniff::is_maildir_file(path) {
        return true;
    }
    match lower_extension(path).as_deref() {
        None => true,
        Some(ext) => {
            TEXT_EXTENSIONS.contains(&ext)
                || MARKDOWN_EXTENSIONS.contains(&ext)
                || LATER_EXTENSIONS.contains(&ext)
        }
    }
}

/// Size and modification time (nanoseconds since the Unix epoch) of a file,
/// for the index cache; `None` when it cannot be read.
pub fn file_stamp(path: &Path) -> Option<(u64, i64)> {
    let meta = fs::metadata(path).ok()?;
    let modified = meta.modified().ok()?;
    let nanos = match modified.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_nanos()).ok()?,
        Err(before) => -i64::try_from(before.duration().as_nanos()).ok()?,
    };
    Some((meta.len(), nanos))
}

/// The local calendar date of a file's modification time.
fn mtime_date(meta: &fs::Metadata) -> Option<NaiveDate> {
    let modified = meta.modified().ok()?;
    Some(DateTime::<Local>::from(modified).date_naive())
}

/// The files `paths` stand for: files as given, folders scanned recursively
/// (sorted; hidden entries and unknown extensions skipped), with warnings
/// for what cannot be read.
pub fn collect_files(paths: &[PathBuf]) -> (PathList, Vec<Warning>) {
    let mut files = PathList::default();
    let mut warnings = Vec::new();
    let mut seen_dirs = HashSet::new();
    for path in paths {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                collect_dir(path, &mut seen_dirs, &mut files, &mut warnings)
            }
            Ok(meta) if meta.is_file() => files.push(path),
            // A FIFO or device would block or never end.
            Ok(_) => warnings.push(warning(path, "not a regular file, skipped")),
            Err(err) => warnings.push(warning(path, format!("cannot read: {err}"))),
        }
    }
    (files, warnings)
}

/// Loads every file under `paths` (files, or folders scanned recursively).
///
/// Files are read in sorted order; an item whose id was already loaded is
/// dropped with a warning naming the first file.
pub fn load_paths(paths: &[PathBuf]) -> Loaded {
    let (files, warnings) = collect_files(paths);
    let mut loaded = Loaded {
        items: vec![],
        warnings,
    };
    for file in files.iter() {
        let mut one = load_file(file);
        loaded.items.append(&mut one.items);
        loaded.warnings.append(&mut one.warnings);
    }
    dedupe(&mut loaded);
    loaded
}

/// Drops items whose id was already seen, keeping the first, with a warning.
pub fn dedupe(loaded: &mut Loaded) {
    let mut first_source: HashMap<String, PathBuf> = HashMap::new();
    let mut warnings = Vec::new();
    loaded
        .items
        .retain(|item| match first_source.get(item.id.as_str()) {
            Some(first) => {
                let message = format!(
                    "duplicate of {} (same newsletter, date and title), skipped",
                    first.display()
                );
                warnings.push(warning(&item.source, message));
                false
            }
            None => {
                first_source.insert(item.id.0.clone(), item.source.clone());
                true
            }
        });
    loaded.warnings.append(&mut warnings);
}

/// Collects the candidate files under `dir`, sorted, skipping hidden
/// entries and folders already visited (symlink loops).
fn collect_dir(
    dir: &Path,
    seen: &mut HashSet<PathBuf>,
    files: &mut PathList,
    warnings: &mut Vec<Warning>,
) {
    let key = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if !seen.insert(key) {
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            warnings.push(warning(dir, format!("cannot read folder: {err}")));
            return;
        }
    };
    // The entry's own type needs no `stat` (a link is followed with one).
    let mut paths: Vec<(PathBuf, Option<fs::FileType>)> = entries
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| (e.path(), e.file_type().ok().filter(|t| !t.is_symlink())))
        .collect();
    paths.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, kind) in paths {
        let kind = match kind {
            Some(kind) => Ok((kind.is_dir(), kind.is_file())),
            None => fs::metadata(&path).map(|m| (m.is_dir(), m.is_file())),
        };
        match kind {
            Ok((true, _)) => collect_dir(&path, seen, files, warnings),
            Ok((_, true)) if is_candidate(&path) => files.push(&path),
            Ok(_) => {}
            Err(err) => warnings.push(warning(&path, format!("cannot read: {err}"))),
        }
    }
}

/// Reads and parses one file, never reading more than [`MAX_FILE_BYTES`].
pub fn load_file(path: &Path) -> Loaded {
    load_file_with(path, &mut Vec::new())
}

/// [`load_file`], reading into `bytes` (cleared first), so that a caller
/// loading many files reuses one buffer.
pub fn load_file_with(path: &Path, bytes: &mut Vec<u8>) -> Loaded {
    let opened = File::open(path).and_then(|f| f.metadata().map(|m| (f, m)));
    let (file, meta) = match opened {
        Ok(pair) => pair,
        Err(err) => return skipped(path, &format!("cannot read: {err}")),
    };
    if meta.len() > MAX_FILE_BYTES {
        return skipped(path, &too_big(meta.len()));
    }
    // One read for the whole file (and one to see its end); the file may
    // grow between the size check and the read.
    bytes.clear();
    bytes.reserve(usize::try_from(meta.len()).unwrap_or(0) + 1);
    if let Err(err) = file.take(MAX_FILE_BYTES + 1).read_to_end(bytes) {
        return skipped(path, &format!("cannot read: {err}"));
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return skipped(path, &too_big(bytes.len() as u64));
    }
    parse_bytes(bytes, path, mtime_date(&meta))
}

fn too_big(size: u64) -> String {
    // Display only; the precision lost converting to f64 does not matter.
    #[allow(clippy::cast_precision_loss)]
    let mb = size as f64 / (1024.0 * 1024.0);
    format!("file too large ({size} bytes, {mb:.1} MB; the limit is 20 MB), skipped")
}
