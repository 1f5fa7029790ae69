//! `gazette import PATH|URL...`: items from any supported source (files,
//! folders, Maildirs, mbox files, feeds, web pages, by path or by http(s)
//! URL) copied into a library folder in Gazette's own format, never
//! duplicating an item already there.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::Local;

use super::Warning;
use super::fetch::{Fetched, agent, get};
use super::load::{load_paths, parse_bytes};
use super::save::save_items;
use crate::model::ItemId;

/// What an import did.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ImportReport {
    /// Files written.
    pub added: Vec<PathBuf>,
    /// Items already in the library, not written again.
    pub duplicates: usize,
    /// Problems with single files or entries (the rest was imported).
    pub warnings: Vec<Warning>,
    /// Sources that gave nothing: the source as given, and why.
    pub failures: Vec<(String, String)>,
}

/// Whether a source names a URL rather than a path.
pub fn is_url(source: &str) -> bool {
    let lower = source.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Imports every source into `dir`; `known` holds the ids already in the
/// library and gains those written.
pub fn import_sources(sources: &[String], dir: &Path, known: &mut HashSet<ItemId>) -> ImportReport {
    let mut report = ImportReport::default();
    let http = agent();
    for source in sources {
        let loaded = if is_url(source) {
            match get(&http, source, None) {
                Ok(Fetched::Body(bytes, _)) => {
                    let name = url_file_name(source);
                    parse_bytes(&bytes, Path::new(&name), Some(Local::now().date_naive()))
                }
                Ok(Fetched::NotModified) => {
                    report
                        .failures
                        .push((source.clone(), "HTTP status 304".into()));
                    continue;
                }
                Err(reason) => {
                    report.failures.push((source.clone(), reason));
                    continue;
                }
            }
        } else {
            let path = PathBuf::from(source);
            if !path.exists() {
                report
                    .failures
                    .push((source.clone(), "no such file or folder".into()));
                continue;
            }
            load_paths(&[path])
        };
        report.warnings.extend(loaded.warnings);
        if loaded.items.is_empty() {
            report
                .failures
                .push((source.clone(), "no item found".into()));
            continue;
        }
        match save_items(dir, &loaded.items, known) {
            Ok(saved) => {
                report.duplicates += saved.duplicates;
                report.added.extend(saved.written);
            }
            Err(err) => report
                .failures
                .push((source.clone(), format!("cannot save: {err}"))),
        }
    }
    report
}

/// A file name for a URL's body, so its extension can help recognise it
/// (the content is looked at first).
fn url_file_name(url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let last = path.rsplit('/').next().unwrap_or("");
    if last.contains('.') {
        last.to_string()
    } else {
        "page.html".to_string()
    }
}
