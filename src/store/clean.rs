//! Turning newsletter bodies (HTML or plain text) into clean [`Block`]s:
//! boilerplate lines dropped ("View in browser", unsubscribe footers),
//! tracking and unsubscribe links left out, and the links that remain
//! numbered in the text ("Read the report [2]") and listed under the
//! article.
//!
//! [`BlockBuilder`] collects text and links as a walker (the HTML one in
//! `clean_html`, the plain-text one in `clean_plain`) meets them, and
//! [`BlockBuilder::finish`] returns the blocks with the link list appended:
//! a `Links` heading and one `[n] URL` bullet per link.

use super::sanitize::clean_text;
use crate::model::{Block, Item};

/// Stands for "a link ends here" inside a pending block's text.
const LINK_MARK: char = '\u{E000}';

/// The heading of the link list appended under an article.
pub const LINKS_HEADING: &str = "Links";

/// Blocks longer than this are never boilerplate: real text can mention
/// "unsubscribe" in passing.
const BOILERPLATE_MAX_CHARS: usize = 300;

/// Phrases that mark a short block as newsletter chrome (lowercase).
const BOILERPLATE: &[&str] = &[
    "view in browser",
    "view in your browser",
    "view this email",
    "view this e-mail",
    "view it in your browser",
    "view online",
    "view as a web page",
    "view as webpage",
    "open in browser",
    "read online",
    "trouble viewing",
    "unsubscribe",
    "manage your preferences",
    "update your preferences",
    "email preferences",
    "e-mail preferences",
    "manage your subscription",
    "manage subscription",
    "you are receiving this",
    "you're receiving this",
    "you received this",
    "you are subscribed",
    "forward to a friend",
    "forwarded this email",
    "forwarded this e-mail",
    "add us to your address book",
    "no longer wish to receive",
    "no longer want to receive",
    "click here to receive",
    "all rights reserved",
];

/// Link targets never listed (lowercase substrings): unsubscribe and
/// preference pages, web versions of the mail, open trackers.
const DROPPED_LINKS: &[&str] = &[
    "unsubscribe",
    "optout",
    "opt-out",
    "opt_out",
    "preferences",
    "manage-subscription",
    "view-in-browser",
    "viewinbrowser",
    "view_in_browser",
    "webversion",
    "web-version",
    "/track/open",
    "/open.php",
    "pixel",
];

/// Query parameters removed from kept links (campaign tracking).
const TRACKING_PARAMS: &[&str] = &["utm_", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "mkt_tok"];

/// Whether a short block of text is newsletter chrome.
pub fn is_boilerplate(text: &str) -> bool {
    if text.chars().count() > BOILERPLATE_MAX_CHARS {
        return false;
    }
    let lower = text.to_lowercase();
    BOILERPLATE.iter().any(|p| lower.contains(p))
        || (text.chars().count() < 120 && (lower.starts_with('©') || lower.starts_with("(c) ")))
}

/// The link as it should be listed, or `None` when it is not worth listing
/// (not http(s), an unsubscribe or preferences page, a tracker).
pub fn keep_link(href: &str) -> Option<String> {
    let href = href.trim();
    let lower = href.to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        return None;
    }
    if DROPPED_LINKS.iter().any(|d| lower.contains(d)) {
        return None;
    }
    if href.chars().any(char::is_whitespace) {
        return None;
    }
    Some(strip_tracking(href))
}

/// Removes campaign-tracking query parameters (`utm_*` and the like).
fn strip_tracking(href: &str) -> String {
    let (without_fragment, fragment) = match href.split_once('#') {
        Some((a, b)) => (a, Some(b)),
        None => (href, None),
    };
    let Some((base, query)) = without_fragment.split_once('?') else {
        return href.to_string();
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| {
            let lower = p.to_ascii_lowercase();
            !TRACKING_PARAMS.iter().any(|t| lower.starts_with(t))
        })
        .collect();
    let mut out = base.to_string();
    if !kept.is_empty() {
        out.push('?');
        out.push_str(&kept.join("&"));
    }
    if let Some(fragment) = fragment {
        out.push('#');
        out.push_str(fragment);
    }
    out
}

/// The kind of block text is collected for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Body text.
    Paragraph,
    /// A section headline.
    Heading,
    /// A list entry.
    Bullet,
    /// A caption.
    Caption,
}

/// Collects text and links into blocks.
#[derive(Debug, Default)]
pub struct BlockBuilder {
    text: String,
    pending_links: Vec<String>,
    blocks: Vec<Block>,
    links: Vec<String>,
}

impl BlockBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds text to the current block; whitespace is collapsed at the end.
    pub fn push_text(&mut self, text: &str) {
        let chars = text.chars().filter(|&c| c != LINK_MARK);
        self.text
            .extend(chars.map(|c| if c.is_control() { ' ' } else { c }));
    }

    /// Marks the end of a link to `href` in the current block; the link is
    /// numbered only if it is worth listing and its block is kept.
    pub fn end_link(&mut self, href: &str) {
        if let Some(url) = keep_link(href) {
            self.text.push(LINK_MARK);
            self.pending_links.push(url);
        }
    }

    /// Whether the current block has any text yet.
    pub fn has_text(&self) -> bool {
        self.text
            .chars()
            .any(|c| !c.is_whitespace() && c != LINK_MARK)
    }

    /// Ends the current block as `kind`; empty and boilerplate blocks are dropped.
    pub fn flush(&mut self, kind: Kind) {
        let raw = std::mem::take(&mut self.text);
        let pending = std::mem::take(&mut self.pending_links);
        let collapsed = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        let plain: String = collapsed.chars().filter(|&c| c != LINK_MARK).collect();
        let plain = plain.trim();
        if plain.is_empty() || is_boilerplate(plain) {
            return;
        }
        let mut out = String::with_capacity(collapsed.len() + 8);
        let mut next = pending.into_iter();
        for c in collapsed.chars() {
            if c != LINK_MARK {
                out.push(c);
                continue;
            }
            if let Some(url) = next.next() {
                let n = self.number(url);
                if !out.ends_with(' ') && !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&format!("[{n}]"));
            }
        }
        let text = out.trim().to_string();
        self.blocks.push(match kind {
            Kind::Paragraph => Block::Paragraph(text),
            Kind::Heading => Block::Heading(text),
            Kind::Bullet => Block::Bullet(text),
            Kind::Caption => Block::Caption(text),
        });
    }

    /// The 1-based number of `url` in the link list, adding it if new.
    fn number(&mut self, url: String) -> usize {
        match self.links.iter().position(|u| *u == url) {
            Some(i) => i + 1,
            None => {
                self.links.push(url);
                self.links.len()
            }
        }
    }

    /// The blocks so far (the current one flushed as a paragraph), with the
    /// link list appended when there are links.
    pub fn finish(mut self) -> Vec<Block> {
        self.flush(Kind::Paragraph);
        let mut blocks = self.blocks;
        if !self.links.is_empty() {
            blocks.push(Block::Heading(LINKS_HEADING.to_string()));
            blocks.extend(
                self.links
                    .iter()
                    .enumerate()
                    .map(|(i, url)| Block::Bullet(format!("[{}] {url}", i + 1))),
            );
        }
        blocks
    }
}

/// Whether two texts have the same words, ignoring case and spacing.
pub fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_lowercase).collect() };
    words(a) == words(b)
}

/// Drops a leading headline that repeats the title.
pub fn drop_title_heading(blocks: &mut Vec<Block>, title: &str) {
    if let Some(Block::Heading(first)) = blocks.first()
        && same_words(first, title)
    {
        blocks.remove(0);
    }
}

/// Runs every text field of an item through [`clean_text`] (escape
/// sequences, controls, bidi overrides out), dropping blocks and optional
/// fields left empty. Parsers of mail, feeds and HTML call this last.
pub fn sanitize_item(mut item: Item) -> Item {
    let clean = |s: &str| {
        clean_text(s)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let clean_opt = |s: Option<String>| s.map(|s| clean(&s)).filter(|s| !s.is_empty());
    item.title = clean(&item.title);
    item.newsletter = clean_opt(item.newsletter);
    item.publisher = clean_opt(item.publisher);
    item.author = clean_opt(item.author);
    item.url = clean_opt(item.url);
    item.tags = item
        .tags
        .iter()
        .map(|t| clean(t))
        .filter(|t| !t.is_empty())
        .collect();
    item.blocks = item
        .blocks
        .into_iter()
        .filter_map(|block| {
            let text = clean(block.text());
            (!text.is_empty()).then_some(match block {
                Block::Heading(_) => Block::Heading(text),
                Block::Paragraph(_) => Block::Paragraph(text),
                Block::Caption(_) => Block::Caption(text),
                Block::Bullet(_) => Block::Bullet(text),
            })
        })
        .collect();
    item
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boilerplate_is_recognised_only_in_short_blocks() {
        for (text, expected) in [
            ("View this email in your browser", true),
            ("Unsubscribe | Update your preferences", true),
            ("© 2025 Harbor Watch", true),
            ("The council voted to unsubscribe from nothing.", true),
            ("The port reopened on Monday after the strike.", false),
            (
                &"The union said it would not unsubscribe. ".repeat(10),
                false,
            ),
        ] {
            assert_eq!(is_boilerplate(text), expected, "{text}");
        }
    }

    #[test]
    fn links_are_filtered_and_untracked() {
        for (href, expected) in [
            (
                "https://example.org/a?utm_source=x&id=3",
                Some("https://example.org/a?id=3"),
            ),
            (
                "https://example.org/a?utm_source=x#top",
                Some("https://example.org/a#top"),
            ),
            ("https://example.org/unsubscribe?u=1", None),
            ("mailto:someone@example.org", None),
            ("javascript:void(0)", None),
            ("#section", None),
            ("http://example.org/", Some("http://example.org/")),
        ] {
            assert_eq!(keep_link(href).as_deref(), expected, "{href}");
        }
    }

    #[test]
    fn links_are_numbered_once_and_listed() {
        let mut b = BlockBuilder::new();
        b.push_text("Read the ");
        b.push_text("report");
        b.end_link("https://example.org/report");
        b.push_text(" and the   annex.");
        b.end_link("https://example.org/annex");
        b.flush(Kind::Paragraph);
        b.push_text("Again the report");
        b.end_link("https://example.org/report");
        b.flush(Kind::Bullet);
        b.push_text("Unsubscribe here");
        b.end_link("https://example.org/other");
        b.flush(Kind::Paragraph);
        assert_eq!(
            b.finish(),
            vec![
                Block::Paragraph("Read the report [1] and the annex. [2]".into()),
                Block::Bullet("Again the report [1]".into()),
                Block::Heading("Links".into()),
                Block::Bullet("[1] https://example.org/report".into()),
                Block::Bullet("[2] https://example.org/annex".into()),
            ]
        );
    }
}
