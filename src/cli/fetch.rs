//! `gazette fetch`, `gazette import`, and the reader's background work:
//! the `s` refresh and the live reload of the library.

use super::out::outln;
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Sender};
use std::thread;

use super::session::{Session, data_dir, library_paths, overrides};
use super::{Cli, Failure};
use crate::config::Config;
use crate::model::ItemId;
use crate::store::background::reindex;
use crate::store::db::Db;
use crate::store::fetch::fetch_feeds;
use crate::store::import::import_sources;
use crate::store::watch::watch_library;
use crate::tui::{Background, Notice};

/// The folder new items are saved into: the first library path (its
/// folder, when it names a file).
pub fn library_dir(paths: &[PathBuf]) -> Result<PathBuf, Failure> {
    let first = paths.first().ok_or_else(|| {
        Failure::usage(
            "no library folder to save into: give --library DIR or set library = [...] in the config",
        )
    })?;
    if first.is_file() {
        return Ok(first.parent().map(PathBuf::from).unwrap_or_default());
    }
    Ok(first.clone())
}

fn known_ids(session: &Session) -> HashSet<ItemId> {
    session.library.rows().map(|r| r.id()).collect()
}

/// `gazette fetch`: exit 1 when a feed failed (the others are still saved).
pub fn fetch(cli: &Cli, session: &Session) -> Result<(), Failure> {
    let urls: Vec<String> = session.config.feeds.iter().map(|f| f.url.clone()).collect();
    if urls.is_empty() {
        eprintln!("no feeds configured ([[feed]] url = \"...\" in the config)");
        return Ok(());
    }
    let dir = library_dir(&library_paths(cli, &session.config))?;
    let mut known = known_ids(session);
    let report = fetch_feeds(&urls, &dir, session.db.as_ref(), &mut known, &mut |p| {
        eprintln!("fetching {}/{}: {}", p.current, p.total, p.url);
    });
    for path in &report.added {
        outln!("{}", path.display());
    }
    for (url, reason) in &report.failures {
        eprintln!("error: {url}: {reason}");
    }
    eprintln!("{}", report.summary(urls.len()));
    if report.failures.is_empty() {
        Ok(())
    } else {
        Err(Failure::runtime(format!(
            "{} of {} feeds failed",
            report.failures.len(),
            urls.len()
        )))
    }
}

/// `gazette import`: exit 1 when a source gave nothing.
pub fn import(cli: &Cli, session: &Session, sources: &[String]) -> Result<(), Failure> {
    let dir = library_dir(&library_paths(cli, &session.config))?;
    let mut known = known_ids(session);
    let report = import_sources(sources, &dir, &mut known);
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
    for path in &report.added {
        outln!("{}", path.display());
    }
    for (source, reason) in &report.failures {
        eprintln!("error: {source}: {reason}");
    }
    eprintln!(
        "imported {} item{}, {} already in the library",
        report.added.len(),
        if report.added.len() == 1 { "" } else { "s" },
        report.duplicates
    );
    if report.failures.is_empty() {
        Ok(())
    } else {
        Err(Failure::runtime("some sources gave no item"))
    }
}

/// The ids the index holds, read on the calling thread.
fn indexed_ids(data: &std::path::Path) -> HashSet<ItemId> {
    Db::open(data)
        .and_then(|db| db.load_library(None, true))
        .map(|library| library.rows().map(|r| r.id()).collect())
        .unwrap_or_default()
}

/// The reader's background work: indexing, feed refresh, and (for a
/// library on disk) a watcher that reloads it when files change. `None`
/// when the bundled samples are shown.
pub fn reader_background(cli: &Cli, config: &Config) -> Option<Background> {
    let paths = library_paths(cli, config);
    if paths.is_empty() {
        return None;
    }
    let data = data_dir(cli).ok()?;
    let (tx, rx) = mpsc::channel::<Notice>();
    // Watching a large tree walks all of it: do that off the interface
    // thread, so the first frame does not wait; the thread keeps the
    // watcher alive for as long as the reader runs.
    {
        let (watch_tx, error_tx, paths) = (tx.clone(), tx.clone(), paths.clone());
        thread::spawn(move || {
            let watcher = watch_library(&paths, move || {
                let _ = watch_tx.send(Notice::FilesChanged);
            });
            match watcher {
                Ok(_watcher) => loop {
                    thread::park();
                },
                Err(message) => {
                    let _ = error_tx.send(Notice::Message(message));
                }
            }
        });
    }

    let reload_busy = Arc::new(AtomicBool::new(false));
    let reload_again = Arc::new(AtomicBool::new(false));
    let reload = {
        let (tx, paths, data, config) = (tx.clone(), paths.clone(), data.clone(), config.clone());
        let (busy, again) = (reload_busy, reload_again);
        move || {
            if busy.swap(true, Ordering::SeqCst) {
                again.store(true, Ordering::SeqCst);
                return;
            }
            let (tx, paths, data, config) =
                (tx.clone(), paths.clone(), data.clone(), config.clone());
            let (busy, again) = (busy.clone(), again.clone());
            thread::spawn(move || {
                loop {
                    again.store(false, Ordering::SeqCst);
                    reindex(&paths, &data, &overrides(&config), &tx);
                    if !again.load(Ordering::SeqCst) {
                        break;
                    }
                }
                busy.store(false, Ordering::SeqCst);
            });
        }
    };

    let refresh = refresh_fn(tx, paths, data, config.clone());
    Some(Background {
        notices: rx,
        refresh: Box::new(refresh),
        reload: Box::new(reload),
    })
}

/// The `s` key: fetch the configured feeds on a thread, reporting progress
/// and the outcome as messages; new files reach the reader through the
/// watcher (and one explicit reload).
fn refresh_fn(
    tx: Sender<Notice>,
    paths: Vec<PathBuf>,
    data: PathBuf,
    config: Config,
) -> impl FnMut() {
    let fetching = Arc::new(AtomicBool::new(false));
    move || {
        let urls: Vec<String> = config.feeds.iter().map(|f| f.url.clone()).collect();
        if urls.is_empty() {
            let _ = tx.send(Notice::Message(
                "No feeds configured ([[feed]] url = \"...\" in the config)".into(),
            ));
            return;
        }
        if fetching.swap(true, Ordering::SeqCst) {
            let _ = tx.send(Notice::Message("Already fetching…".into()));
            return;
        }
        let dir = match library_dir(&paths) {
            Ok(dir) => dir,
            Err(failure) => {
                fetching.store(false, Ordering::SeqCst);
                let _ = tx.send(Notice::Message(failure.message));
                return;
            }
        };
        let (tx, data, fetching) = (tx.clone(), data.clone(), fetching.clone());
        let _ = tx.send(Notice::Message(format!("Fetching {} feeds…", urls.len())));
        thread::spawn(move || {
            let mut known = indexed_ids(&data);
            let db = Db::open(&data).ok();
            let report = fetch_feeds(&urls, &dir, db.as_ref(), &mut known, &mut |p| {
                let _ = tx.send(Notice::Message(format!(
                    "Fetching {}/{}: {}",
                    p.current, p.total, p.url
                )));
            });
            if !report.added.is_empty() {
                let _ = tx.send(Notice::FilesChanged);
            }
            let _ = tx.send(Notice::Message(report.summary(urls.len())));
            fetching.store(false, Ordering::SeqCst);
        });
    }
}
