//! `gazette fetch`, `gazette import`, and the reader's background work:
//! the `s` refresh and the live reload of the library.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Sender};
use std::thread;

use super::session::{Session, build_library, data_dir, overrides};
use super::{Cli, Failure};
use crate::config::Config;
use crate::extract::Extractor;
use crate::model::{Entity, Item, ItemId};
use crate::store::db::Db;
use crate::store::fetch::fetch_feeds;
use crate::store::import::import_sources;
use crate::store::index::load_indexed;
use crate::store::watch::watch_library;
use crate::tui::{Background, Notice};

/// The library paths in effect: `--library`, else the config's.
pub fn library_paths(cli: &Cli, config: &Config) -> Vec<PathBuf> {
    if cli.library.is_empty() {
        config.library.clone()
    } else {
        cli.library.clone()
    }
}

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
    session
        .library
        .items()
        .iter()
        .map(|i| i.id.clone())
        .collect()
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
        println!("{}", path.display());
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
        println!("{}", path.display());
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

/// Loads the library afresh through the cache, on the calling thread.
fn load_items(
    paths: &[PathBuf],
    data: &std::path::Path,
    config: &Config,
) -> Vec<(Item, Vec<Entity>)> {
    let db = Db::open(data).ok();
    let overrides = overrides(config);
    let extractor = Extractor::global();
    let extract = |item: &Item| -> Vec<Entity> { extractor.extract_with(item, &overrides) };
    let reuse = overrides.actors.is_empty() && overrides.ignore.is_empty();
    load_indexed(paths, db.as_ref(), &extract, reuse).pairs
}

/// The reader's background work: feed refresh, and (for a library on
/// disk) a watcher that reloads it when files change. `None` when the
/// bundled samples are shown. The watcher lives as long as the returned
/// guard.
pub fn reader_background(
    cli: &Cli,
    config: &Config,
) -> Option<(Background, Option<notify::RecommendedWatcher>)> {
    let paths = library_paths(cli, config);
    if paths.is_empty() {
        return None;
    }
    let data = data_dir(cli).ok()?;
    let (tx, rx) = mpsc::channel::<Notice>();
    let watch_tx = tx.clone();
    let watcher = watch_library(&paths, move || {
        let _ = watch_tx.send(Notice::FilesChanged);
    })
    .map_err(|message| {
        let _ = tx.send(Notice::Message(message));
    })
    .ok();

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
                    let library = build_library(load_items(&paths, &data, &config));
                    if tx.send(Notice::Library(Box::new(library))).is_err() {
                        break;
                    }
                    if !again.load(Ordering::SeqCst) {
                        break;
                    }
                }
                busy.store(false, Ordering::SeqCst);
            });
        }
    };

    let refresh = refresh_fn(tx, paths, data, config.clone());
    Some((
        Background {
            notices: rx,
            refresh: Box::new(refresh),
            reload: Box::new(reload),
        },
        watcher,
    ))
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
        let (tx, paths, data, config, fetching) = (
            tx.clone(),
            paths.clone(),
            data.clone(),
            config.clone(),
            fetching.clone(),
        );
        let _ = tx.send(Notice::Message(format!("Fetching {} feeds…", urls.len())));
        thread::spawn(move || {
            let mut known: HashSet<ItemId> = load_items(&paths, &data, &config)
                .into_iter()
                .map(|(item, _)| item.id)
                .collect();
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
