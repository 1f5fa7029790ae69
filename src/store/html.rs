//! Saved web pages (`.html`): the article with its title, date and site
//! taken from the page's meta tags.
//!
//! - Title: `og:title`, else `twitter:title`, else the first `<h1>`, else
//!   `<title>`. Newsletter: `og:site_name`, else `application-name`.
//!   Date: `article:published_time`, `date`/`pubdate` meta, or the first
//!   `<time datetime>`, else the file's date. Author: `author` or
//!   `article:author` meta. Url: `og:url`, else `<link rel=canonical>`.
//! - Text: the first `<article>`, else `<main>` / `[role=main]`, else the
//!   `<body>`, without navigation, scripts, forms, asides and footers; the
//!   leading headline is dropped when it repeats the title.
//! - Id: site + date + title, like a plain-text story.
//!
//! A page with no title and no text gives a warning and no item.

use std::path::Path;
use std::sync::LazyLock;

use chrono::NaiveDate;
use scraper::{ElementRef, Html, Selector};

use super::clean::{drop_title_heading, sanitize_item};
use super::clean_html::element_blocks;
use super::text::dates::header_date;
use super::text::title::derive_title;
use super::{Loaded, Warning};
use crate::model::{Block, Item, ItemId};

/// Containers tried for the article text, in order.
const CONTAINERS: &[&str] = &["article", "main", "[role=main]", "body"];

/// Parses a selector written in this file.
fn selector(css: &str) -> Option<Selector> {
    Selector::parse(css).ok()
}

static META: LazyLock<Option<Selector>> = LazyLock::new(|| selector("meta"));
static TIME: LazyLock<Option<Selector>> = LazyLock::new(|| selector("time[datetime]"));
static H1: LazyLock<Option<Selector>> = LazyLock::new(|| selector("h1"));
static TITLE: LazyLock<Option<Selector>> = LazyLock::new(|| selector("title"));
static CANONICAL: LazyLock<Option<Selector>> =
    LazyLock::new(|| selector("link[rel=canonical][href]"));

/// Parses a saved web page.
pub fn parse_html_page(bytes: &[u8], source: &Path, fallback_date: Option<NaiveDate>) -> Loaded {
    let mut loaded = Loaded::default();
    let text = String::from_utf8_lossy(bytes);
    let depth = crate::store::clean_html::nesting_depth(&text);
    if depth > crate::store::clean_html::MAX_NESTING {
        loaded.warnings.push(Warning {
            path: source.to_path_buf(),
            line: None,
            message: format!(
                "HTML nested more than {} levels deep, skipped",
                crate::store::clean_html::MAX_NESTING
            ),
        });
        return loaded;
    }
    let document = Html::parse_document(&text);
    let meta = |names: &[&str]| meta_content(&document, names);

    let mut blocks = article_blocks(&document);
    let title = meta(&["og:title", "twitter:title"])
        .or_else(|| first_text(&document, &H1))
        .or_else(|| first_text(&document, &TITLE));
    let title = match title {
        Some(title) => title,
        None => match blocks.iter().find(|b| matches!(b, Block::Paragraph(_))) {
            Some(block) => derive_title(block.text()),
            None => {
                loaded.warnings.push(Warning {
                    path: source.to_path_buf(),
                    line: None,
                    message: "web page with no title and no text, skipped".into(),
                });
                return loaded;
            }
        },
    };
    drop_title_heading(&mut blocks, &title);
    let date = meta(&[
        "article:published_time",
        "og:published_time",
        "date",
        "pubdate",
        "dc.date",
    ])
    .or_else(|| {
        TIME.as_ref().and_then(|s| {
            document
                .select(s)
                .find_map(|t| t.value().attr("datetime").map(String::from))
        })
    })
    .and_then(|d| header_date(&d).or_else(|| header_date(d.get(..10).unwrap_or(""))))
    .or(fallback_date);
    let newsletter = meta(&["og:site_name", "application-name"]);
    let url = meta(&["og:url"]).or_else(|| {
        CANONICAL.as_ref().and_then(|s| {
            document
                .select(s)
                .find_map(|l| l.value().attr("href").map(String::from))
        })
    });
    let id = ItemId::from_parts(&[
        newsletter.as_deref().unwrap_or(""),
        &date.map(|d| d.to_string()).unwrap_or_default(),
        &title,
    ]);
    loaded.items.push(sanitize_item(Item {
        id,
        title,
        newsletter,
        publisher: None,
        date,
        author: meta(&["author", "article:author"]),
        url,
        tags: vec![],
        blocks,
        source: source.to_path_buf(),
    }));
    loaded
}

/// The first non-empty `content` of a `<meta>` whose `property` or `name`
/// is one of `names` (earlier names win).
fn meta_content(document: &Html, names: &[&str]) -> Option<String> {
    let select = META.as_ref()?;
    names.iter().find_map(|name| {
        document.select(select).find_map(|m| {
            let el = m.value();
            let key = el.attr("property").or_else(|| el.attr("name"))?;
            if !key.eq_ignore_ascii_case(name) {
                return None;
            }
            let content = el.attr("content")?.trim();
            (!content.is_empty()).then(|| content.to_string())
        })
    })
}

fn first_text(document: &Html, select: &Option<Selector>) -> Option<String> {
    let el = document.select(select.as_ref()?).next()?;
    let text = el.text().collect::<String>();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

/// Blocks of the first container that has text.
fn article_blocks(document: &Html) -> Vec<Block> {
    for css in CONTAINERS {
        let Some(select) = selector(css) else {
            continue;
        };
        let found: Option<ElementRef<'_>> = document.select(&select).next();
        if let Some(el) = found {
            let blocks = element_blocks(el);
            if blocks.iter().any(|b| !matches!(b, Block::Heading(_))) {
                return blocks;
            }
        }
    }
    element_blocks(document.root_element())
}
