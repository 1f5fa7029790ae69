//! Loading the library and keeping its state: one module per input format,
//! the embedded samples, and the SQLite database of read marks and the index.

use std::fmt;
use std::path::PathBuf;

use crate::model::Item;

pub mod aliases;
pub mod background;
pub mod clean;
pub mod clean_html;
pub mod clean_plain;
pub mod db;
pub mod feed;
pub mod fetch;
pub mod files_source;
pub mod first_files;
pub mod html;
pub mod import;
pub mod indexer;
pub mod load;
pub mod mail;
pub mod markdown;
pub mod paths;
pub mod samples;
pub mod sanitize;
pub mod save;
pub mod sniff;
pub mod text;
pub mod watch;

/// A problem with one input file that did not stop the rest from loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The file concerned.
    pub path: PathBuf,
    /// 1-based line, where the problem has one.
    pub line: Option<usize>,
    /// What went wrong, for a person.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

/// Items parsed from some input, with the warnings met on the way.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Loaded {
    /// The items, in input order.
    pub items: Vec<Item>,
    /// Problems that skipped a file or part of one.
    pub warnings: Vec<Warning>,
}
