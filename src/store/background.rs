//! Indexing off the interface thread: the reader starts on what the index
//! already holds, while a worker brings it up to date and sends progress,
//! then the full library.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use super::Warning;
use super::db::Db;
use super::indexer::{Progress, index};
use crate::extract::{Extractor, Overrides};
use crate::library::Library;
use crate::model::{Entity, Item};

/// What the worker reports.
#[derive(Debug)]
pub enum Update {
    /// Files indexed so far.
    Progress(Progress),
    /// Files that could not be read.
    Warnings(Vec<Warning>),
    /// The up-to-date library index.
    Library(Box<Library>),
    /// Indexing failed; the message says why.
    Failed(String),
}

/// Starts the worker: index `paths` into the database in `dir` with the
/// extraction `overrides`, then load the library.
pub fn spawn(paths: Vec<PathBuf>, dir: PathBuf, overrides: Overrides) -> Receiver<Update> {
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || run(&paths, &dir, &overrides, &sender));
    receiver
}

fn run(paths: &[PathBuf], dir: &std::path::Path, overrides: &Overrides, sender: &Sender<Update>) {
    let db = match Db::open(dir) {
        Ok(db) => db,
        Err(err) => {
            let _ = sender.send(Update::Failed(err.to_string()));
            return;
        }
    };
    let extractor = Extractor::global();
    let extract = |item: &Item| -> Vec<Entity> { extractor.extract_with(item, overrides) };
    let threads = thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let report = index(paths, &db, &extract, threads, &mut |p| {
        let _ = sender.send(Update::Progress(p));
    });
    if !report.warnings.is_empty() {
        let _ = sender.send(Update::Warnings(report.warnings));
    }
    match db.load_library(None, false) {
        Ok(library) => {
            let _ = sender.send(Update::Library(Box::new(library)));
        }
        Err(err) => {
            let _ = sender.send(Update::Failed(err.to_string()));
        }
    }
}
