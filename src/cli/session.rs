//! Everything a command needs: the config, the database, the library.

use std::collections::HashSet;
use std::path::PathBuf;

use super::{Cli, Failure};
use crate::config::{Config, default_config_path};
use crate::extract::{self, Extractor, Overrides};
use crate::library::Library;
use crate::model::{Entity, Item, ItemId};
use crate::store::db::Db;
use crate::store::index::load_indexed;
use crate::store::{Warning, samples};

/// An opened library with its config and database.
pub struct Session {
    /// The effective config.
    pub config: Config,
    /// The database, when it could be opened.
    pub db: Option<Db>,
    /// A message about the database (recovered, or why it is missing).
    pub db_message: Option<String>,
    /// The items and their actors.
    pub library: Library,
    /// Files skipped or partly read.
    pub warnings: Vec<Warning>,
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
        let (pairs, warnings) = if paths.is_empty() {
            let loaded = samples::load_samples();
            let pairs = loaded
                .items
                .into_iter()
                .map(|i| {
                    let e = extract_fn(&i);
                    (i, e)
                })
                .collect();
            (pairs, loaded.warnings)
        } else {
            let reuse = overrides.actors.is_empty() && overrides.ignore.is_empty();
            let indexed = load_indexed(&paths, db.as_ref(), &extract_fn, reuse);
            (indexed.pairs, indexed.warnings)
        };
        let library = build_library(pairs);
        Ok(Self {
            config,
            db,
            db_message,
            library,
            warnings,
        })
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
                    .item(i)
                    .is_some_and(|it| it.id.as_str().starts_with(text))
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

    /// Prints the load warnings to standard error.
    pub fn print_warnings(&self) {
        for warning in &self.warnings {
            eprintln!("warning: {warning}");
        }
        if let Some(message) = &self.db_message {
            eprintln!("warning: {message}");
        }
    }
}

/// Resolves surnames across items, then builds the library.
pub fn build_library(mut pairs: Vec<(Item, Vec<Entity>)>) -> Library {
    let mut entities: Vec<Vec<Entity>> = pairs.iter_mut().map(|(_, e)| std::mem::take(e)).collect();
    extract::resolve_library(&mut entities);
    for ((_, slot), resolved) in pairs.iter_mut().zip(entities) {
        *slot = resolved;
    }
    Library::new(pairs)
}
