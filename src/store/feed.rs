//! Feeds: RSS (0.9x, 1.0, 2.0), Atom and JSON Feed, parsed with `feed-rs`
//! into one model.
//!
//! - Newsletter: the feed's title. Title: the entry's title, else its first
//!   sentence. Date: published, else updated, else the file's date.
//!   Author: the entry's first author. Url: the entry's first link.
//! - Id: from the entry's guid / id (`ItemId::from_parts(["feed", id])`);
//!   an entry without one gets an id from the feed, its link and title.
//! - Body: the entry's content, else its summary; HTML made clean by
//!   `clean_html` (plain text split by `clean_plain`).
//!
//! A file that is not a feed gives a warning and no item; an entry with no
//! title and no text is skipped with a warning.

use std::path::Path;

use chrono::NaiveDate;
use feed_rs::model::{Entry, Feed};

use super::clean::sanitize_item;
use super::clean_html::html_to_blocks;
use super::clean_plain::text_to_blocks;
use super::text::title::derive_title;
use super::{Loaded, Warning};
use crate::model::{Block, Item, ItemId};

/// Parses a feed document.
pub fn parse_feed(bytes: &[u8], source: &Path, fallback_date: Option<NaiveDate>) -> Loaded {
    let mut loaded = Loaded::default();
    // Ids come from the entries; feed-rs invents one (a hash) for entries
    // without, which is stable for the same entry.
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(feed) => feed,
        Err(err) => {
            loaded
                .warnings
                .push(warning(source, format!("not a readable feed: {err}")));
            return loaded;
        }
    };
    let newsletter = feed_title(&feed);
    for (index, entry) in feed.entries.iter().enumerate() {
        match entry_item(entry, newsletter.as_deref(), source, fallback_date) {
            Some(item) => loaded.items.push(item),
            None => loaded.warnings.push(warning(
                source,
                format!("entry {} has no title and no text, skipped", index + 1),
            )),
        }
    }
    if feed.entries.is_empty() {
        loaded
            .warnings
            .push(warning(source, "feed has no entries".into()));
    }
    loaded
}

fn warning(source: &Path, message: String) -> Warning {
    Warning {
        path: source.to_path_buf(),
        line: None,
        message,
    }
}

fn feed_title(feed: &Feed) -> Option<String> {
    feed.title
        .as_ref()
        .map(|t| plain(&t.content))
        .filter(|t| !t.is_empty())
}

/// Text of a title that may carry markup or entities.
fn plain(text: &str) -> String {
    if text.contains('<') || text.contains('&') {
        html_to_blocks(text)
            .iter()
            .map(Block::text)
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

fn entry_item(
    entry: &Entry,
    newsletter: Option<&str>,
    source: &Path,
    fallback_date: Option<NaiveDate>,
) -> Option<Item> {
    let body = entry
        .content
        .as_ref()
        .and_then(|c| c.body.clone())
        .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
        .unwrap_or_default();
    let blocks = if looks_like_html(&body) {
        html_to_blocks(&body)
    } else {
        text_to_blocks(&body)
    };
    let title = entry
        .title
        .as_ref()
        .map(|t| plain(&t.content))
        .filter(|t| !t.is_empty())
        .or_else(|| {
            blocks
                .iter()
                .find(|b| matches!(b, Block::Paragraph(_)))
                .map(|b| derive_title(b.text()))
        })?;
    let url = entry.links.first().map(|l| l.href.clone());
    let date = entry
        .published
        .or(entry.updated)
        .map(|d| d.date_naive())
        .or(fallback_date);
    let id = if entry.id.trim().is_empty() {
        ItemId::from_parts(&[
            "feed",
            newsletter.unwrap_or(""),
            url.as_deref().unwrap_or(""),
            &title,
        ])
    } else {
        ItemId::from_parts(&["feed", entry.id.trim()])
    };
    Some(sanitize_item(Item {
        id,
        title,
        newsletter: newsletter.map(String::from),
        publisher: None,
        date,
        author: entry.authors.first().and_then(|p| p.name.clone()),
        url,
        tags: entry.categories.iter().map(|c| c.term.clone()).collect(),
        blocks,
        source: source.to_path_buf(),
    }))
}

/// Whether a body is HTML rather than plain text.
fn looks_like_html(body: &str) -> bool {
    let lower = body.to_ascii_lowercase();
    [
        "<p", "<br", "<div", "<a ", "<ul", "<h1", "<h2", "<h3", "<em", "<strong", "<b>", "&amp;",
        "&#",
    ]
    .iter()
    .any(|tag| lower.contains(tag))
}
