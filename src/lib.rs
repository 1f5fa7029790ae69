//! Gazette: a terminal reader for saved newsletters that knows who and where
//! every story is about.
//!
//! Module map:
//! - [`model`]: items, blocks, entities, mentions.
//! - [`store`]: loading the library (one module per format), the SQLite
//!   database of read marks and the index cache.
//! - [`extract`]: people, places and organizations from item text.
//! - [`links`]: checking a link and building the command that opens it.
//! - [`library`]: the loaded items with their entities and the actor index.
//! - [`query`]: the query language of the list filter and `list --query`.
//! - [`config`]: the embedded defaults merged with the user's file.
//! - [`app`]: the pure state machine (actions in, effects out).
//! - [`ui`]: ratatui rendering, pure functions of the state.
//! - [`tui`]: the terminal, the event loop, effects applied.
//! - [`cli`]: the command line and its subcommands.

pub mod app;
pub mod cli;
pub mod config;
pub mod extract;
pub mod library;
pub mod links;
pub mod model;
pub mod query;
pub mod source;
pub mod store;
pub mod theme;
pub mod trace;
pub mod tui;
pub mod ui;
