//! Work off the interface thread, and what it reports: indexing (the reader
//! starts on what the index already holds while a worker brings it up to
//! date), feed fetching, file changes.

use std::path::PathBuf;
use std::sync::mpsc::Sender;

use super::db::Db;
use super::indexer::{index, index_text};
use crate::extract::{Extractor, Overrides};
use crate::library::Library;
use crate::model::{Entity, Item};

/// How often the reader is sent what is indexed so far.
const PARTIAL_EVERY: std::time::Duration = std::time::Duration::from_secs(3);

/// Rows sent while indexing (the newest ones: more than a screen holds).
const PARTIAL_ROWS: usize = 500;

/// News from work running off the interface thread.
#[derive(Debug)]
pub enum Notice {
    /// Show this in the status line (fetch progress, a summary, an error).
    Message(String),
    /// A lasting note of work in progress (indexing), or `None` when done.
    Progress(Option<String>),
    /// A new library index to swap in.
    Library(Box<Library>),
    /// Files in the library changed: reload soon.
    FilesChanged,
    /// The full-text index is complete: a search shown may find more now.
    TextIndexed,
}

/// Brings the index of `paths` in the database in `dir` up to date with the
/// extraction `overrides`, then sends the library; reports progress and
/// unreadable files on the way. Runs on the calling thread.
pub fn reindex(
    paths: &[PathBuf],
    dir: &std::path::Path,
    overrides: &Overrides,
    tx: &Sender<Notice>,
) {
    let db = match Db::open(dir) {
        Ok(db) => db,
        Err(err) => {
            let _ = tx.send(Notice::Message(format!("Indexing failed: {err}")));
            return;
        }
    };
    let _ = tx.send(Notice::Progress(Some("loading the library…".into())));
    crate::trace::mark("index start");
    // The extractor's tables are loaded when a file first needs them.
    let extract =
        |item: &Item| -> Vec<Entity> { Extractor::global().extract_with(item, overrides) };
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    // A new library shows what is indexed so far (the newest rows), at
    // once and then every few seconds; a known one keeps its full library
    // on screen until the new one is ready.
    let fresh = !db.has_files().unwrap_or(true);
    let mut shown_at: Option<std::time::Instant> = None;
    let report = index(paths, &db, &extract, threads, &mut |p| {
        // A total of 0: the library's files are still being counted.
        if p.total == 0 || p.done < p.total {
            let _ = tx.send(Notice::Progress(Some(if p.total == 0 {
                format!("indexing: {} files so far, counting the rest…", p.done)
            } else {
                format!("indexing: {} of {} files checked", p.done, p.total)
            })));
            if fresh && p.done > 0 && shown_at.is_none_or(|t| t.elapsed() >= PARTIAL_EVERY) {
                shown_at = Some(std::time::Instant::now());
                if let Ok(library) = db.load_library(Some(PARTIAL_ROWS), true) {
                    let _ = tx.send(Notice::Library(Box::new(library)));
                }
            }
        }
    });
    let _ = tx.send(Notice::Progress(Some("loading the library…".into())));
    if !report.warnings.is_empty() {
        let n = report.warnings.len();
        let _ = tx.send(Notice::Message(format!(
            "{n} file{} could not be read (run `gazette list` to see which)",
            if n == 1 { "" } else { "s" }
        )));
    }
    crate::trace::mark("index done");
    match db.load_library(None, false) {
        Ok(library) => {
            let _ = tx.send(Notice::Library(Box::new(library)));
        }
        Err(err) => {
            let _ = tx.send(Notice::Progress(None));
            let _ = tx.send(Notice::Message(format!("Indexing failed: {err}")));
            return;
        }
    }
    // Items and actors are all there; the full-text index follows (until
    // it is done, a search finds only the items whose text is in).
    index_text(&db, threads, &mut |p| {
        if p.done < p.total {
            let _ = tx.send(Notice::Progress(Some(format!(
                "search index: {} of {} files",
                p.done, p.total
            ))));
        }
    });
    crate::trace::mark("text done");
    let _ = tx.send(Notice::Progress(None));
    let _ = tx.send(Notice::TextIndexed);
}
