//! Fetching feed URLs (`[[feed]]` in the config): a conditional GET with
//! the stored `ETag` / `Last-Modified`, timeouts, a size limit, then the
//! new entries saved into the library folder by `save`.
//!
//! Failures stay with their feed: a feed that cannot be fetched or parsed
//! is reported with its URL and the others still load; nothing is written
//! for it and its stored validators are left as they were, so nothing
//! already saved changes. Validators are stored only after the feed's
//! items were written.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::Local;

use super::db::{Db, FeedState};
use super::feed::parse_feed;
use super::load::MAX_FILE_BYTES;
use super::save::save_items;
use crate::model::{Item, ItemId};

/// Longest wait for a connection.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Longest a whole request may take.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// The HTTP client with Gazette's timeouts; HTTP errors come back as
/// responses so their status can be reported.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_connect(Some(CONNECT_TIMEOUT))
        .timeout_global(Some(REQUEST_TIMEOUT))
        .http_status_as_error(false)
        .user_agent(concat!("gazette/", env!("CARGO_PKG_VERSION")))
        .build()
        .into()
}

/// What one GET returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// 304: the copy fetched last time is current.
    NotModified,
    /// A new body, with the validators to store once it is saved.
    Body(Vec<u8>, FeedState),
}

/// GETs `url`, conditionally when `state` holds validators. Errors name
/// the reason (status, timeout, too large) but not the URL.
pub fn get(agent: &ureq::Agent, url: &str, state: Option<&FeedState>) -> Result<Fetched, String> {
    let mut request = agent.get(url);
    if let Some(state) = state {
        if let Some(etag) = &state.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(modified) = &state.last_modified {
            request = request.header("If-Modified-Since", modified);
        }
    }
    let mut response = request.call().map_err(|e| e.to_string())?;
    let status = response.status().as_u16();
    if status == 304 {
        return Ok(Fetched::NotModified);
    }
    if !(200..300).contains(&status) {
        return Err(format!("HTTP status {status}"));
    }
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(String::from)
    };
    let state = FeedState {
        etag: header("etag"),
        last_modified: header("last-modified"),
    };
    let bytes = response
        .body_mut()
        .with_config()
        .limit(MAX_FILE_BYTES)
        .read_to_vec()
        .map_err(|e| e.to_string())?;
    Ok(Fetched::Body(bytes, state))
}

/// Progress of a refresh, for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// 1-based number of the feed being fetched.
    pub current: usize,
    /// How many feeds there are.
    pub total: usize,
    /// Its URL.
    pub url: String,
}

/// What a refresh did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FetchReport {
    /// Files written for new items.
    pub added: Vec<PathBuf>,
    /// Feeds that answered "not modified".
    pub unchanged: usize,
    /// Entries already in the library.
    pub duplicates: usize,
    /// Feeds that failed: URL and reason.
    pub failures: Vec<(String, String)>,
}

impl FetchReport {
    /// A one-line summary ("3 new items from 2 feeds; 1 failed").
    pub fn summary(&self, feeds: usize) -> String {
        let mut text = format!(
            "{} new item{} from {feeds} feed{}",
            self.added.len(),
            if self.added.len() == 1 { "" } else { "s" },
            if feeds == 1 { "" } else { "s" },
        );
        if let Some((url, reason)) = self.failures.first() {
            text.push_str(&format!(
                "; {} failed ({url}: {reason})",
                self.failures.len()
            ));
        }
        text
    }
}

/// Fetches every feed in `urls`, saving new entries into `dir`. `known`
/// holds the ids already in the library and gains those written.
pub fn fetch_feeds(
    urls: &[String],
    dir: &Path,
    db: Option<&Db>,
    known: &mut HashSet<ItemId>,
    progress: &mut dyn FnMut(&Progress),
) -> FetchReport {
    let agent = agent();
    let mut report = FetchReport::default();
    for (index, url) in urls.iter().enumerate() {
        progress(&Progress {
            current: index + 1,
            total: urls.len(),
            url: url.clone(),
        });
        if let Err(reason) = fetch_one(&agent, url, dir, db, known, &mut report) {
            report.failures.push((url.clone(), reason));
        }
    }
    report
}

fn fetch_one(
    agent: &ureq::Agent,
    url: &str,
    dir: &Path,
    db: Option<&Db>,
    known: &mut HashSet<ItemId>,
    report: &mut FetchReport,
) -> Result<(), String> {
    let state = db.and_then(|db| db.feed_state(url).ok().flatten());
    let (bytes, new_state) = match get(agent, url, state.as_ref())? {
        Fetched::NotModified => {
            report.unchanged += 1;
            return Ok(());
        }
        Fetched::Body(bytes, state) => (bytes, state),
    };
    let items = feed_items(&bytes, url)?;
    let saved = save_items(dir, &items, known).map_err(|e| format!("cannot save: {e}"))?;
    report.duplicates += saved.duplicates;
    report.added.extend(saved.written);
    if let Some(db) = db {
        db.set_feed_state(url, &new_state)
            .map_err(|e| format!("saved, but cannot remember the feed's version: {e}"))?;
    }
    Ok(())
}

/// The entries of a fetched feed, or why there are none.
pub fn feed_items(bytes: &[u8], url: &str) -> Result<Vec<Item>, String> {
    let today = Local::now().date_naive();
    let loaded = parse_feed(bytes, Path::new(url), Some(today));
    if loaded.items.is_empty()
        && let Some(warning) = loaded
            .warnings
            .iter()
            .find(|w| w.message.starts_with("not a readable feed"))
    {
        return Err(warning.message.clone());
    }
    Ok(loaded.items)
}
