//! Plain-text newsletter stories and whole issues, as saved from the web or
//! written by hand.
//!
//! The parser works in two passes. The line pass (`text_lines.rs`) reads
//! optional `Key: value` header lines, picks the newsletter, publisher, date
//! and author out of intro, repost and dateline lines, and drops boilerplate.
//! The block pass (`text_blocks.rs`) groups the kept lines into paragraphs
//! and sorts them into headings, captions, bullets and body text.
//!
//! Title: a `Title:` header; else, for a story, its first line when that is
//! a short headline followed by body text; for a whole issue, the first
//! story headline or "<Newsletter> for <date>"; else the first sentence,
//! shortened (`text_title.rs`).
//!
//! Id: newsletter + date + title when the text carries a date. Without one,
//! the date part is empty and the first body block is added, so the id does
//! not depend on the file's modification time (which a copy changes) and
//! undated items that share a title ("Early life") stay apart.

use std::path::Path;

use chrono::NaiveDate;

use super::{Loaded, Warning};
use crate::model::{Block, Item, ItemId};

/// Paragraphs and block kinds.
#[path = "text_blocks.rs"]
mod blocks;
/// Date formats (shared with the Markdown parser).
#[path = "text_dates.rs"]
pub(crate) mod dates;
/// Header lines, metadata lines and boilerplate.
#[path = "text_lines.rs"]
mod lines;
/// Titles derived from the first sentence (shared with the Markdown parser).
#[path = "text_title.rs"]
pub(crate) mod title;

/// Longest first line taken as a story's headline, in characters.
const MAX_TITLE_LINE_CHARS: usize = 150;

/// Parses a plain-text story or whole issue into one item.
///
/// `fallback_date` (the file's modification date) is used when the text
/// names no date. Text with nothing left after boilerplate gives a warning
/// and no item.
pub fn parse_text(text: &str, source: &Path, fallback_date: Option<NaiveDate>) -> Loaded {
    let raw: Vec<&str> = text.lines().collect();
    let (meta, start) = lines::parse_headers(&raw);
    let lines::Scan {
        meta,
        lines: mut kept,
    } = lines::scan(&raw[start..], meta);
    let briefs = kept.iter().filter(|l| l.starts_with('…')).count();
    let issue = meta.is_issue || briefs >= 2;

    let mut title = meta.title.clone();
    if let Some(first) = kept.iter().position(|l| !l.is_empty()) {
        let has_body = kept[first + 1..].iter().any(|l| !l.is_empty());
        if title.as_deref() == Some(kept[first]) {
            kept[first] = "";
        } else if title.is_none() && !issue && has_body && is_title_line(kept[first]) {
            title = Some(kept[first].trim_end_matches(',').to_string());
            kept[first] = "";
        }
    }

    let paragraphs = blocks::paragraphs(&kept);
    let body = blocks::blocks(paragraphs, issue);
    if body.is_empty() && title.is_none() {
        let message = "no text left after removing boilerplate".to_string();
        return Loaded {
            items: vec![],
            warnings: vec![Warning {
                path: source.to_path_buf(),
                line: None,
                message,
            }],
        };
    }
    let title = title
        .or_else(|| issue.then(|| issue_title(&body, &meta)).flatten())
        .or_else(|| {
            body.iter()
                .find(|b| !matches!(b, Block::Caption(_)))
                .map(|b| title::derive_title(b.text()))
        })
        .unwrap_or_default();

    let warnings = meta.bad_date_line.map(|line| Warning {
        path: source.to_path_buf(),
        line: Some(line),
        message: "unrecognised date in the Date: header, ignored".to_string(),
    });
    let id = item_id(meta.newsletter.as_deref(), meta.date, &title, &body);
    let item = Item {
        id,
        title,
        newsletter: meta.newsletter,
        publisher: meta.publisher,
        date: meta.date.or(fallback_date),
        author: meta.author,
        url: meta.url,
        tags: meta.tags,
        blocks: body,
        source: source.to_path_buf(),
    };
    Loaded {
        items: vec![item],
        warnings: warnings.into_iter().collect(),
    }
}

/// The id of a parsed item (see the module notes).
pub(crate) fn item_id(
    newsletter: Option<&str>,
    date: Option<NaiveDate>,
    title: &str,
    body: &[Block],
) -> ItemId {
    let newsletter = newsletter.unwrap_or("");
    match date {
        Some(date) => ItemId::from_parts(&[newsletter, &date.to_string(), title]),
        None => {
            let first = body.first().map_or("", Block::text);
            ItemId::from_parts(&[newsletter, "", title, first])
        }
    }
}

/// A story's first line taken as its headline: short, not a sentence.
fn is_title_line(line: &str) -> bool {
    line.chars().count() <= MAX_TITLE_LINE_CHARS
        && !line.ends_with(['.', ':', ';'])
        && blocks::is_headline_like(line.trim_end_matches(','), true)
}

/// A whole issue's title: its first story headline, else "<Newsletter> for <date>".
fn issue_title(body: &[Block], meta: &lines::Meta) -> Option<String> {
    if let Some(Block::Heading(h)) = body.iter().find(|b| matches!(b, Block::Heading(_))) {
        return Some(h.clone());
    }
    let newsletter = meta.newsletter.as_deref()?;
    let date = meta.date?;
    Some(format!(
        "{newsletter} for {}",
        date.format("%A, %B %-d, %Y")
    ))
}
