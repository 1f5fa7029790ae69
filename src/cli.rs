//! The command line (DESIGN.md §5): the reader, and subcommands other tools
//! rely on. Exit codes: 0 success, 1 failure at run time, 2 bad usage or
//! bad config.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod commands;
mod fetch;
mod json;
mod map;
mod out;
mod session;

pub use session::Session;

/// A terminal reader for saved newsletters that follows the people and places they name.
#[derive(Debug, Parser)]
#[command(name = "gazette", version, about)]
pub struct Cli {
    /// A file or folder of saved newsletters (repeatable); replaces the configured library.
    #[arg(long, global = true, value_name = "PATH")]
    pub library: Vec<PathBuf>,
    /// Config file to use instead of the default one.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Folder for the database of read marks and the index.
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// What to do; without a command, the reader opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List items, newest first.
    List {
        /// Only unread items.
        #[arg(long)]
        unread: bool,
        /// Only items matching the query Q, as `/` filters in the reader:
        /// words, "phrases", unread, newsletter:, person:, place:, org:,
        /// actor:, before:, after:, and/or/not, -word, parentheses; @NAME
        /// runs a saved query.
        #[arg(long, value_name = "Q", allow_hyphen_values = true)]
        query: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print one item's text.
    Show {
        /// The item's id (a unique prefix is enough).
        id: String,
        /// Print JSON (item, blocks and entities).
        #[arg(long)]
        json: bool,
    },
    /// Extract people, places and organizations from files.
    Entities {
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Files to read.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// People, places and organizations across the library.
    Actors {
        /// Only this kind.
        #[arg(long, value_parser = ["person", "place", "organization"])]
        kind: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Draw the library's places on a world map, then list them with
        /// their item counts and coordinates (text only).
        #[arg(long, conflicts_with = "json")]
        map: bool,
    },
    /// Mark items read.
    MarkRead {
        /// Item ids (unique prefixes are enough).
        #[arg(required_unless_present = "all")]
        ids: Vec<String>,
        /// Every item of the library.
        #[arg(long, conflicts_with = "ids")]
        all: bool,
    },
    /// Mark items unread.
    MarkUnread {
        /// Item ids (unique prefixes are enough).
        #[arg(required = true)]
        ids: Vec<String>,
    },
    /// Copy items from files, folders or URLs into the library folder.
    Import {
        /// Files, folders (Maildirs included), mbox files, feeds, pages, or http(s) URLs.
        #[arg(required = true, value_name = "PATH|URL")]
        sources: Vec<String>,
    },
    /// Fetch the configured feeds into the library folder.
    Fetch,
    /// Export or import read marks.
    State {
        /// export or import.
        #[command(subcommand)]
        action: StateAction,
    },
}

/// `gazette state` actions.
#[derive(Debug, Subcommand)]
pub enum StateAction {
    /// Write read marks as TOML to FILE, or to standard output.
    Export {
        /// Destination file.
        file: Option<PathBuf>,
    },
    /// Merge read marks from a TOML file (newest mark wins).
    Import {
        /// Source file.
        file: PathBuf,
    },
}

/// A failure with its exit code.
#[derive(Debug)]
pub struct Failure {
    /// 1 at run time, 2 for usage or config.
    pub code: u8,
    /// What to tell the user.
    pub message: String,
}

impl Failure {
    /// A run-time failure (exit 1).
    pub fn runtime(message: impl Into<String>) -> Self {
        Self {
            code: 1,
            message: message.into(),
        }
    }

    /// A usage or config failure (exit 2).
    pub fn usage(message: impl Into<String>) -> Self {
        Self {
            code: 2,
            message: message.into(),
        }
    }
}

/// Parses the command line and runs it.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            // Messages name files and quote config values: show, never obey,
            // any control character in them.
            eprintln!(
                "gazette: {}",
                crate::store::sanitize::visible_lines(&failure.message)
            );
            ExitCode::from(failure.code)
        }
    }
}
