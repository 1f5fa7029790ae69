//! Everything a command needs: the config, the database, the library.

use std::collections::HashSet;
use std::path::PathBuf;

use super::{Cli, Failure};
use crate::config::{Config, default_config_path};
use crate::extract::{self, Extractor, Overrides};
use crate::library::{Body, Library};
use crate::model::{Entity, Item, ItemId};
use crate::source::{MemorySource, Source};
use crate::store::db::Db;
use crate::store::files_source::FilesSource;
use crate::store::indexer::{index, index_text};
use crate::store::load::load_paths;
use crate::store::sanitize::visible;
use crate::store::{Warning, aliases, samples};

/// Rows read before the reader's first frame (more than a screen holds).
const FIRST_PAGE: usize = 500;

/// An opened library with its config and database.
pub struct Session {
    /// The effective config.
    pub config: Config,
    /// The database, when it could be opened.
    pub db: Option<Db>,
    /// A message about the database (recovered, or why it is missing).
    pub db_message: Option<String>,
    /// The index of items and their actors.
    pub library: Library,
    /// Item bodies.
    pub source: Box<dyn Source>,
    /// Files skipped or partly read.
    pub warnings: Vec<Warning>,
    /// The alias file of the data folder.
    pub alias_file: PathBuf,
    /// Why the alias file was not applied (it does not parse).
    pub alias_error: Option<String>,
}

/// Reads the config named on the command line, else the default file if any.
pub fn load_config(cli: &Cli) -> Result<Config, Failure> {
    let path = match &cli.config {
        Some(path) => {
            if !path.is_file() {
                return Err(Failure::usage(format!(
                    "{}: no such config file",
                    path.display()
                )));
            }
            Some(path.clone())
        }
        None => default_config_path().filter(|p| p.is_file()),
    };
    match path {
        Some(path) => Config::load_from(&path).map_err(|e| Failure::usage(e.to_string())),
        None => Ok(Config::default_embedded()),
    }
}

/// The data folder: `--data-dir`, else the platform's data folder for gazette.
pub fn data_dir(cli: &Cli) -> Result<PathBuf, Failure> {
    if let Some(dir) = &cli.data_dir {
        return Ok(dir.clone());
    }
    directories::ProjectDirs::from("", "", "gazette")
        .map(|d| d.data_dir().to_path_buf())
        .ok_or_else(|| Failure::runtime("cannot find a home folder for the data; use --data-dir"))
}

/// The extraction settings of a config.
pub fn overrides(config: &Config) -> Overrides {
    Overrides {
        actors: config
            .actors
            .iter()
            .map(|a| extract::ActorOverride {
                name: a.name.clone(),
                kind: a.kind,
                aliases: a.aliases.clone(),
            })
            .collect(),
        ignore: config.ignore.clone(),
    }
}

impl Session {
    /// Opens config, database and library. Without a database the library
    /// still opens (read marks then cannot be kept; `db_message` says why).
    pub fn open(cli: &Cli) -> Result<Self, Failure> {
        let mut session = Self::open_unaliased(cli)?;
        session.apply_aliases(&data_dir(cli)?);
        Ok(session)
    }

    /// Reads the alias file of `dir` and applies it to the library; a file
    /// that does not parse is reported and left as it is.
    fn apply_aliases(&mut self, dir: &std::path::Path) {
        self.alias_file = aliases::path_in(dir);
        match aliases::load(&self.alias_file) {
            Ok(edits) => self.library.set_aliases(edits),
            Err(err) => {
                self.alias_error = Some(format!("{err} (alias edits are off until this is fixed)"));
            }
        }
    }

    fn open_unaliased(cli: &Cli) -> Result<Self, Failure> {
        let config = load_config(cli)?;
        let dir = data_dir(cli)?;
        let (db, db_message) = match Db::open_or_recover(&dir) {
            Ok((db, message)) => (Some(db), message),
            Err(err) => (None, Some(format!("read marks cannot be saved: {err}"))),
        };
        let overrides = overrides(&config);
        let extractor = Extractor::global();
        let extract_fn = |item: &Item| -> Vec<Entity> { extractor.extract_with(item, &overrides) };
        let paths: Vec<PathBuf> = if cli.library.is_empty() {
            config.library.clone()
        } else {
            cli.library.clone()
        };
        if paths.is_empty() {
            let loaded = samples::load_samples();
            return Ok(Self::in_memory(config, db, db_message, loaded, &extract_fn));
        }
        // A second handle serves bodies while the first one writes.
        let reader = db.as_ref().and_then(|_| Db::open(&dir).ok());
        let (Some(writer), Some(reader)) = (db.as_ref(), reader) else {
            // No database: read everything into memory.
            let loaded = load_paths(&paths);
            return Ok(Self::in_memory(config, db, db_message, loaded, &extract_fn));
        };
        if let Err(err) = writer.use_extraction_settings(&fingerprint(&overrides)) {
            return Err(Failure::runtime(err.to_string()));
        }
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        let report = index(&paths, writer, &extract_fn, threads, &mut |_| {});
        // Commands answer from a complete index: the text too.
        index_text(writer, threads, &mut |_| {});
        let library = writer
            .load_library(None, false)
            .map_err(|e| Failure::runtime(e.to_string()))?;
        let source: Box<dyn Source> = Box::new(FilesSource::new(reader, extractor_for(&config)));
        Ok(Self {
            config,
            db,
            db_message,
            library,
            source,
            warnings: report.warnings,
            alias_file: PathBuf::new(),
            alias_error: None,
        })
    }

    /// A session over items read into memory (the samples, or a library
    /// when there is no database).
    fn in_memory(
        config: Config,
        db: Option<Db>,
        db_message: Option<String>,
        loaded: crate::store::Loaded,
        extract: &dyn Fn(&Item) -> Vec<Entity>,
    ) -> Self {
        let pairs = loaded
            .items
            .into_iter()
            .map(|item| (extract(&item), item))
            .map(|(e, i)| (i, e));
        let (library, source) = build_library(pairs.collect());
        let source = Box::new(source);
        Self {
            config,
            db,
            db_message,
            library,
            source,
            warnings: loaded.warnings,
            alias_file: PathBuf::new(),
            alias_error: None,
        }
    }

    /// Opens quickly for the reader: the library as the index already holds
    /// it (rows only); the reader's background work brings the index up to
    /// date and sends the full library. Samples and database-less libraries
    /// are loaded at once.
    pub fn open_reader(cli: &Cli) -> Result<Self, Failure> {
        let config = load_config(cli)?;
        let paths = library_paths(cli, &config);
        let dir = data_dir(cli)?;
        if paths.is_empty() {
            return Self::open(cli);
        }
        let (db, db_message) = match Db::open_or_recover(&dir) {
            Ok((db, message)) => (Some(db), message),
            Err(err) => (None, Some(format!("read marks cannot be saved: {err}"))),
        };
        let reader = db.as_ref().and_then(|_| Db::open(&dir).ok());
        let (Some(writer), Some(reader)) = (db.as_ref(), reader) else {
            return Self::open(cli);
        };
        let overrides = overrides(&config);
        writer
            .use_extraction_settings(&fingerprint(&overrides))
            .map_err(|e| Failure::runtime(e.to_string()))?;
        // The newest rows only: the screen shows a page of them, and the
        // reader's background work sends the whole library (with actors).
        let library = writer
            .load_library(Some(FIRST_PAGE), true)
            .map_err(|e| Failure::runtime(e.to_string()))?;
        let source: Box<dyn Source> = Box::new(FilesSource::new(reader, extractor_for(&config)));
        let mut session = Self {
            config,
            db,
            db_message,
            library,
            source,
            warnings: Vec::new(),
            alias_file: PathBuf::new(),
            alias_error: None,
        };
        session.apply_aliases(&dir);
        Ok(session)
    }

    /// Ids marked read in the database (none without one).
    pub fn read_ids(&self) -> Result<HashSet<ItemId>, Failure> {
        match &self.db {
            Some(db) => db.read_ids().map_err(|e| Failure::runtime(e.to_string())),
            None => Ok(HashSet::new()),
        }
    }

    /// The database, or a failure saying why there is none.
    pub fn require_db(&self) -> Result<&Db, Failure> {
        self.db.as_ref().ok_or_else(|| {
            Failure::runtime(
                self.db_message
                    .clone()
                    .unwrap_or_else(|| "no database".into()),
            )
        })
    }

    /// The item whose id is `text` or starts with it.
    pub fn resolve_id(&self, text: &str) -> Result<usize, Failure> {
        let matches: Vec<usize> = (0..self.library.len())
            .filter(|&i| {
                self.library
                    .row(i)
                    .is_some_and(|r| r.id_text().as_str().starts_with(text))
            })
            .collect();
        match matches.as_slice() {
            [one] => Ok(*one),
            [] => Err(Failure::runtime(format!("no item with id '{text}'"))),
            _ => Err(Failure::runtime(format!(
                "'{text}' matches {} items; give more of the id",
                matches.len()
            ))),
        }
    }

    /// The body of the item at `index`, resolved the library's way.
    pub fn body(&self, index: usize) -> Option<Body> {
        let row = self.library.row(index)?;
        let mut body = self.source.body(&row.id())?;
        self.library.resolve_body(&mut body);
        Some(body)
    }

    /// Prints the load warnings to standard error.
    pub fn print_warnings(&self) {
        for warning in &self.warnings {
            eprintln!("warning: {}", visible(&warning.to_string()));
        }
        if let Some(message) = &self.db_message {
            eprintln!("warning: {}", visible(message));
        }
        if let Some(message) = &self.alias_error {
            eprintln!("warning: {}", visible(message));
        }
    }
}

/// Builds the in-memory index and body source of loaded items.
pub fn build_library(pairs: Vec<(Item, Vec<Entity>)>) -> (Library, MemorySource) {
    let bodies: Vec<Body> = pairs
        .into_iter()
        .map(|(item, entities)| Body { item, entities })
        .collect();
    let library = Library::from_bodies(&bodies);
    (library, MemorySource::new(bodies))
}

/// Extraction with the config's overrides, owned (for a body source).
fn extractor_for(config: &Config) -> crate::store::files_source::Extract {
    let overrides = overrides(config);
    Box::new(move |item: &Item| Extractor::global().extract_with(item, &overrides))
}

/// The library: `--library` paths, else the configured ones.
pub fn library_paths(cli: &Cli, config: &Config) -> Vec<PathBuf> {
    if cli.library.is_empty() {
        config.library.clone()
    } else {
        cli.library.clone()
    }
}

/// Identifies the extraction settings, so that changing them re-extracts.
pub fn fingerprint(overrides: &Overrides) -> String {
    let mut text = format!("{}|", env!("CARGO_PKG_VERSION"));
    for actor in &overrides.actors {
        text.push_str(&format!(
            "{}:{}:{};",
            actor.name,
            actor.kind.as_str(),
            actor.aliases.join(",")
        ));
    }
    text.push('|');
    text.push_str(&overrides.ignore.join(","));
    crate::model::ItemId::from_parts(&[&text]).0
}
