//! The links of one item, for the links list (`L`): the numbered link list
//! that HTML, mail and feed items keep under a `Links` heading ("[2] URL",
//! with "… the report [2]" in the text), Markdown `[text](url)` spans left
//! in the text, bare `http(s)://` URLs, and the item's own address.
//!
//! Links are listed as found, hostile ones included: whether one may be
//! opened is decided by [`super::check_url`] when the user asks.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Block, Item};
use crate::store::clean::LINKS_HEADING;

/// Words of text before a `[n]` mark shown as the link's text.
const TEXT_WORDS: usize = 8;

/// One link of an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The text the link is on (may be empty).
    pub text: String,
    /// The target, as written.
    pub url: String,
}

/// `[n] URL`, an entry of the numbered link list.
static LIST_ENTRY: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^\[(\d{1,4})\]\s+(\S.*)$").ok());

/// `[text](target)`: Markdown link syntax (the target may hold anything but
/// a closing parenthesis, so that hostile targets are listed, then refused).
static MARKDOWN: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"\[([^\[\]]{0,300})\]\(((?:[^()]|\([^()]*\))+)\)").ok());

/// A bare web address in running text.
static BARE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"https?://[^\s<>()\[\]]+[^\s<>()\[\].,;:!?]").ok());

/// Every link of `item`, numbered-list entries first in their own order.
pub fn item_links(item: &Item) -> Vec<Link> {
    let mut links: Vec<Link> = Vec::new();
    let push = |links: &mut Vec<Link>, text: String, url: String| {
        if !links.iter().any(|l| l.url == url) {
            links.push(Link { text, url });
        }
    };
    let list_at = item
        .blocks
        .iter()
        .rposition(|b| matches!(b, Block::Heading(h) if h == LINKS_HEADING));
    let body = &item.blocks[..list_at.unwrap_or(item.blocks.len())];
    if let (Some(at), Some(entry)) = (list_at, LIST_ENTRY.as_ref()) {
        for block in &item.blocks[at + 1..] {
            let Block::Bullet(text) = block else { break };
            let Some(caps) = entry.captures(text) else {
                break;
            };
            let (Some(n), Some(url)) = (caps.get(1), caps.get(2)) else {
                continue;
            };
            let label = text_before_mark(body, n.as_str());
            push(&mut links, label, url.as_str().trim().to_string());
        }
    }
    for block in body {
        let text = block.text();
        let mut spans: Vec<(usize, usize)> = Vec::new();
        if let Some(markdown) = MARKDOWN.as_ref() {
            for caps in markdown.captures_iter(text) {
                let (Some(whole), Some(label), Some(url)) = (caps.get(0), caps.get(1), caps.get(2))
                else {
                    continue;
                };
                spans.push((whole.start(), whole.end()));
                push(
                    &mut links,
                    label.as_str().trim().to_string(),
                    url.as_str().trim().to_string(),
                );
            }
        }
        if let Some(bare) = BARE.as_ref() {
            let mut after_last = 0;
            for m in bare.find_iter(text) {
                if spans.iter().any(|&(s, e)| m.start() >= s && m.start() < e) {
                    continue;
                }
                // The words leading up to the address ("posted at"), after
                // any earlier link.
                let floor = spans
                    .iter()
                    .map(|&(_, e)| e)
                    .filter(|&e| e <= m.start())
                    .fold(after_last, usize::max);
                let label = words_before(&text[floor..m.start()]);
                after_last = m.end();
                push(&mut links, label, m.as_str().to_string());
            }
        }
    }
    if let Some(url) = &item.url {
        push(&mut links, "this item online".into(), url.clone());
    }
    links
}

/// The few words before the first `[n]` mark in the body's text.
fn text_before_mark(body: &[Block], n: &str) -> String {
    let mark = format!("[{n}]");
    for block in body {
        let text = block.text();
        let Some(at) = text.find(&mark) else {
            continue;
        };
        return words_before(&text[..at]);
    }
    String::new()
}

/// The last few words of `before`, back to the previous mark or the start
/// of the sentence.
fn words_before(before: &str) -> String {
    let before = before
        .trim_end()
        .trim_end_matches(['.', '!', '?', ',', ';', ':']);
    let from = before.rfind([']', '.', '!', '?', ':']).map_or(0, |i| i + 1);
    let words: Vec<&str> = before[from..].split_whitespace().collect();
    let skip = words.len().saturating_sub(TEXT_WORDS);
    let mut label = words[skip..].join(" ");
    if skip > 0 {
        label.insert_str(0, "… ");
    }
    label
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::model::ItemId;

    fn item(blocks: Vec<Block>, url: Option<&str>) -> Item {
        Item {
            id: ItemId("x".into()),
            title: "T".into(),
            newsletter: None,
            publisher: None,
            date: None,
            author: None,
            url: url.map(str::to_string),
            tags: vec![],
            blocks,
            source: PathBuf::from("x"),
        }
    }

    fn pairs(links: &[Link]) -> Vec<(&str, &str)> {
        links
            .iter()
            .map(|l| (l.text.as_str(), l.url.as_str()))
            .collect()
    }

    #[test]
    fn numbered_list_of_html_and_mail_items() {
        let it = item(
            vec![
                Block::Paragraph(
                    "Officials met. Read the full report [1] and the annex. [2]".into(),
                ),
                Block::Bullet("Again the report [1]".into()),
                Block::Heading("Links".into()),
                Block::Bullet("[1] https://example.org/report".into()),
                Block::Bullet("[2] https://example.org/annex".into()),
            ],
            None,
        );
        assert_eq!(
            pairs(&item_links(&it)),
            [
                ("Read the full report", "https://example.org/report"),
                ("and the annex", "https://example.org/annex"),
            ]
        );
    }

    #[test]
    fn markdown_spans_bare_urls_and_the_item_url() {
        let it = item(
            vec![
                Block::Paragraph(
                    "See [the budget table](https://example.org/budget) and \
                     https://example.org/notes, then [x](javascript:alert(1)."
                        .into(),
                ),
                Block::Paragraph("Plain text with no link at all.".into()),
                Block::Bullet("Archive: http://example.org/a?b=1).".into()),
            ],
            Some("https://example.org/item"),
        );
        assert_eq!(
            pairs(&item_links(&it)),
            [
                ("the budget table", "https://example.org/budget"),
                ("and", "https://example.org/notes"),
                ("Archive", "http://example.org/a?b=1"),
                ("this item online", "https://example.org/item"),
            ]
        );
    }

    #[test]
    fn hostile_targets_are_listed_as_written() {
        let it = item(
            vec![Block::Paragraph(
                "[click](javascript:alert('x')) and [quote](https://example.org/\"; rm -rf ~)"
                    .into(),
            )],
            None,
        );
        let links = item_links(&it);
        assert_eq!(links.len(), 2, "{links:?}");
        assert_eq!(links[1].url, "https://example.org/\"; rm -rf ~");
        assert!(super::super::check_url(&links[1].url).is_err());
    }

    #[test]
    fn plain_text_without_links_has_none() {
        let it = item(vec![Block::Paragraph("No links here.".into())], None);
        assert!(item_links(&it).is_empty());
    }
}
