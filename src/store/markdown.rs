//! Markdown with TOML front matter: the format Gazette writes itself.
//!
//! ```text
//! +++
//! id = "…"                 # optional; written by Gazette so ids survive edits
//! title = "Cranes idle as talks stall"
//! newsletter = "Harbor Watch"
//! publisher = "The Coastal Ledger"
//! date = 2024-03-04        # a TOML date, or "2024-03-04"
//! author = "Ada Quill"
//! url = "https://example.org/cranes"
//! tags = ["ports", "labor"]
//! +++
//!
//! ## A section headline
//!
//! Body text; lines of one paragraph are joined.
//!
//! > A photo caption: one or more `>` lines.
//!
//! *A paragraph that is one emphasised span is a caption too.*
//!
//! - A bullet (`-`, `*`, `+` or `1.`)
//! ```
//!
//! - `#` to `######` lines (and setext `===`/`---` underlines) are headings.
//!   Without a front-matter title, a heading that opens the body is the
//!   title; else the first sentence, shortened.
//! - Inline emphasis and code markers are removed and links become their
//!   text; a backslash makes the next punctuation character literal.
//! - Malformed front matter gives a warning with its line and **no item**:
//!   a file Gazette wrote stays exactly as written until it is fixed, rather
//!   than being shown under a guessed title and id.
//! - Unknown front-matter keys and values of the wrong type are warned
//!   about and ignored.

use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;
use toml::Value;

use super::sanitize::clean_text;
use super::text::dates::iso_date;
use super::text::title::derive_title;
use super::{Loaded, Warning};
use crate::model::{Block, Item, ItemId};

/// Block syntax.
#[path = "markdown_body.rs"]
mod body;
/// Inline syntax.
#[path = "markdown_inline.rs"]
mod inline;

/// The front-matter fence.
const FENCE: &str = "+++";

/// Parses one Markdown file into an item.
pub fn parse_markdown(text: &str, source: &Path, fallback_date: Option<NaiveDate>) -> Loaded {
    let mut loaded = Loaded::default();
    let lines: Vec<&str> = text.lines().collect();
    let warn = |line: usize, message: String| Warning {
        path: source.to_path_buf(),
        line: Some(line),
        message,
    };

    let (front, body_start) = match split_front_matter(&lines) {
        Ok(split) => split,
        Err((line, message)) => {
            loaded.warnings.push(warn(line, message));
            return loaded;
        }
    };
    let mut meta = Front::default();
    if let Some((first_line, front_lines)) = front {
        match read_front(&front_lines, first_line, &mut meta) {
            Ok(problems) => loaded
                .warnings
                .extend(problems.into_iter().map(|(l, m)| warn(l, m))),
            Err((line, message)) => {
                loaded.warnings.push(warn(line, message));
                return loaded;
            }
        }
    }

    let mut blocks = body::parse_body(&lines[body_start..]);
    if meta.title.is_none() && matches!(blocks.first(), Some(Block::Heading(_))) {
        meta.title = Some(blocks.remove(0).text().to_string());
    }
    let title = match meta.title.take() {
        Some(title) => title,
        None => match blocks.iter().find(|b| !matches!(b, Block::Caption(_))) {
            Some(block) => derive_title(block.text()),
            None => {
                let message = "no title and no text".to_string();
                loaded.warnings.push(Warning {
                    path: source.to_path_buf(),
                    line: None,
                    message,
                });
                return loaded;
            }
        },
    };
    let id = meta.id.take().map(ItemId).unwrap_or_else(|| {
        super::text::item_id(meta.newsletter.as_deref(), meta.date, &title, &blocks)
    });
    loaded.items.push(Item {
        id,
        title,
        newsletter: meta.newsletter,
        publisher: meta.publisher,
        date: meta.date.or(fallback_date),
        author: meta.author,
        url: meta.url,
        tags: meta.tags,
        blocks,
        source: source.to_path_buf(),
    });
    loaded
}

/// The front matter's lines with the 1-based line number of the first, and
/// the index of the first body line. Errors carry a line and a message.
type Split<'a> = (Option<(usize, Vec<&'a str>)>, usize);

fn split_front_matter<'a>(lines: &[&'a str]) -> Result<Split<'a>, (usize, String)> {
    let Some(open) = lines.iter().position(|l| !l.trim().is_empty()) else {
        return Ok((None, lines.len()));
    };
    if lines[open].trim() != FENCE {
        return Ok((None, 0));
    }
    let Some(close) = lines[open + 1..].iter().position(|l| l.trim() == FENCE) else {
        return Err((
            open + 1,
            "front matter opened with +++ is never closed".to_string(),
        ));
    };
    let close = open + 1 + close;
    Ok((Some((open + 2, lines[open + 1..close].to_vec())), close + 1))
}

/// Front-matter fields.
#[derive(Debug, Default)]
struct Front {
    id: Option<String>,
    title: Option<String>,
    newsletter: Option<String>,
    publisher: Option<String>,
    date: Option<NaiveDate>,
    author: Option<String>,
    url: Option<String>,
    tags: Vec<String>,
}

/// Reads the front matter into `meta`: `Err` for TOML that does not parse,
/// else the problems met with single keys.
fn read_front(
    lines: &[&str],
    first_line: usize,
    meta: &mut Front,
) -> Result<Vec<(usize, String)>, (usize, String)> {
    let source = lines.join("\n");
    let table: toml::Table = toml::from_str(&source).map_err(|err| {
        let offset = err.span().map_or(0, |span| span.start);
        let line = first_line + source[..offset.min(source.len())].matches('\n').count();
        (
            line,
            format!("malformed front matter: {}", err.message().trim()),
        )
    })?;
    let line_of = |key: &str| {
        lines
            .iter()
            .position(|l| {
                l.trim_start()
                    .strip_prefix(key)
                    .is_some_and(|r| r.trim_start().starts_with('='))
            })
            .map_or(first_line, |i| first_line + i)
    };
    let mut problems = Vec::new();
    for (key, value) in &table {
        let ok = match key.as_str() {
            "id" => string(value, &mut meta.id),
            "title" => string(value, &mut meta.title),
            "newsletter" => string(value, &mut meta.newsletter),
            "publisher" => string(value, &mut meta.publisher),
            "author" => string(value, &mut meta.author),
            "url" => string(value, &mut meta.url),
            "date" => date(value, &mut meta.date),
            "tags" => tags(value, &mut meta.tags),
            _ => {
                problems.push((
                    line_of(key),
                    format!("unknown front-matter key '{key}', ignored"),
                ));
                continue;
            }
        };
        if !ok {
            problems.push((
                line_of(key),
                format!("front-matter key '{key}' has an unusable value, ignored"),
            ));
        }
    }
    Ok(problems)
}

fn string(value: &Value, slot: &mut Option<String>) -> bool {
    match value.as_str() {
        Some(s) => {
            // TOML escapes ("\u001b") can spell what the raw-text cleaning removed.
            let s = clean_text(s);
            let s = s.trim();
            *slot = (!s.is_empty()).then(|| s.to_string());
            true
        }
        None => false,
    }
}

fn date(value: &Value, slot: &mut Option<NaiveDate>) -> bool {
    *slot = match value {
        Value::String(s) => iso_date(s),
        Value::Datetime(dt) => dt
            .date
            .and_then(|d| NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())),
        _ => None,
    };
    slot.is_some()
}

fn tags(value: &Value, slot: &mut Vec<String>) -> bool {
    match value {
        Value::String(s) => *slot = vec![clean_text(s)],
        Value::Array(items) => {
            let strings: Option<Vec<String>> =
                items.iter().map(|v| v.as_str().map(clean_text)).collect();
            match strings {
                Some(strings) => *slot = strings,
                None => return false,
            }
        }
        _ => return false,
    }
    true
}

/// Front matter as written by [`render_markdown`].
#[derive(Serialize)]
struct FrontOut<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    newsletter: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<toml::value::Datetime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    tags: &'a [String],
}

/// Writes an item in this format; [`parse_markdown`] reads it back to the
/// same item (with the source it is given).
pub fn render_markdown(item: &Item) -> String {
    let front = FrontOut {
        id: item.id.as_str(),
        title: &item.title,
        newsletter: item.newsletter.as_deref(),
        publisher: item.publisher.as_deref(),
        date: item.date.and_then(|d| d.to_string().parse().ok()),
        author: item.author.as_deref(),
        url: item.url.as_deref(),
        tags: &item.tags,
    };
    // Serializing plain strings and a date cannot fail; an empty front
    // matter would still parse.
    let front = toml::to_string(&front).unwrap_or_default();
    let mut out = format!("{FENCE}\n{front}{FENCE}\n");
    for block in &item.blocks {
        out.push('\n');
        out.push_str(&body::render_block(block));
        out.push('\n');
    }
    out
}
