//! HTML to clean blocks: headings, paragraphs, list entries and captions,
//! with scripts, styles, navigation, footers, forms, hidden text (mail
//! preheaders) and images (tracking pixels among them) left out. Links
//! are numbered and listed by [`BlockBuilder`].
//!
//! The walk is iterative (`traverse` yields open and close edges), so a
//! deeply nested page cannot overflow the stack.

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

use super::clean::{BlockBuilder, Kind};
use crate::model::Block;

/// Elements whose whole content is skipped.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "button",
    "select", "textarea", "svg", "iframe", "object", "img", "picture", "video", "audio", "canvas",
    "title", "meta", "link",
];

/// Elements that start and end a block.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "blockquote",
    "table",
    "tbody",
    "thead",
    "tr",
    "td",
    "th",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "figure",
    "figcaption",
    "pre",
    "hr",
    "center",
    "address",
];

/// Deepest element nesting a document may have before it is read as plain
/// text instead: the HTML parser's time grows with the square of the depth.
pub const MAX_NESTING: usize = 256;

/// Elements that never have content, so never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// How deeply elements nest in `html`, by a quick scan of its tags (stops
/// counting once past [`MAX_NESTING`]).
pub fn nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    while let Some(offset) = memchr_lt(&bytes[i..]) {
        i += offset + 1;
        let rest = &html[i..];
        if rest.starts_with('/') {
            depth = depth.saturating_sub(1);
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() || VOID.contains(&name.as_str()) {
            continue;
        }
        let end = rest.find('>').unwrap_or(rest.len());
        if rest[..end].ends_with('/') {
            continue;
        }
        depth += 1;
        deepest = deepest.max(depth);
        if deepest > MAX_NESTING {
            break;
        }
    }
    deepest
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

/// The text of `html` with every tag removed, as one paragraph per line.
pub fn strip_tags(html: &str) -> Vec<Block> {
    let mut text = String::with_capacity(html.len() / 2);
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .map(Block::Paragraph)
        .collect()
}

/// Clean blocks of an HTML document or fragment. Absurdly deep nesting
/// (see [`MAX_NESTING`]) is read as plain text, in linear time.
pub fn html_to_blocks(html: &str) -> Vec<Block> {
    if nesting_depth(html) > MAX_NESTING {
        return strip_tags(html);
    }
    let document = Html::parse_document(html);
    element_blocks(document.root_element())
}

/// Clean blocks of one element's content.
pub fn element_blocks(root: ElementRef<'_>) -> Vec<Block> {
    let mut builder = BlockBuilder::new();
    let mut kinds: Vec<Kind> = Vec::new();
    // Depth of skipped elements we are inside.
    let mut skip = 0usize;
    let mut links: Vec<Option<String>> = Vec::new();
    let mut breaks = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let name = el.name();
                    if skip > 0 || is_skipped(name, el) {
                        skip += 1;
                        continue;
                    }
                    if name == "br" {
                        breaks += 1;
                        if breaks >= 2 && builder.has_text() {
                            builder.flush(current(&kinds));
                        } else {
                            builder.push_text(" ");
                        }
                        continue;
                    }
                    breaks = 0;
                    if name == "a" {
                        links.push(el.attr("href").map(str::to_string));
                    }
                    if BLOCKS.contains(&name) {
                        builder.flush(current(&kinds));
                        kinds.push(kind_of(name, current(&kinds)));
                    }
                }
                Node::Text(text) if skip == 0 => {
                    if !text.trim().is_empty() {
                        breaks = 0;
                    }
                    builder.push_text(text);
                }
                _ => {}
            },
            Edge::Close(node) => {
                let Node::Element(el) = node.value() else {
                    continue;
                };
                let name = el.name();
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                if name == "a" {
                    if let Some(Some(href)) = links.pop()
                        && builder.has_text()
                    {
                        builder.end_link(&href);
                    }
                } else if BLOCKS.contains(&name) {
                    let kind = kinds.pop().unwrap_or(Kind::Paragraph);
                    builder.flush(kind);
                }
            }
        }
    }
    builder.finish()
}

/// The kind of the innermost open block.
fn current(kinds: &[Kind]) -> Kind {
    kinds.last().copied().unwrap_or(Kind::Paragraph)
}

/// The kind of a block element, given its parent's.
fn kind_of(name: &str, parent: Kind) -> Kind {
    match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Kind::Heading,
        "li" | "dd" => Kind::Bullet,
        "figcaption" => Kind::Caption,
        // A paragraph inside a list entry or a caption stays one.
        _ if parent != Kind::Paragraph => parent,
        _ => Kind::Paragraph,
    }
}

/// Whether an element and its content are left out: by name, or hidden
/// (`hidden`, `aria-hidden="true"`, `display:none` in its style).
fn is_skipped(name: &str, el: &scraper::node::Element) -> bool {
    if SKIPPED.contains(&name) {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    el.attr("style").is_some_and(|style| {
        let compact: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        compact.contains("display:none") || compact.contains("visibility:hidden")
    })
}

#[cfg(test)]
mod depth_tests {
    use super::*;

    #[test]
    fn nesting_is_measured_without_parsing() {
        assert_eq!(nesting_depth("<p>a<br>b<img src=x/></p>"), 1);
        assert_eq!(nesting_depth("<div><div><span>x</span></div></div>"), 3);
        let deep = format!("{}x{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
        assert!(nesting_depth(&deep) > MAX_NESTING);
        assert_eq!(html_to_blocks(&deep), vec![Block::Paragraph("x".into())]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structure_becomes_blocks_and_chrome_goes() {
        let html = r#"<html><head><title>x</title><style>p{}</style></head><body>
            <div style="display: none">Preheader text</div>
            <p><a href="https://example.org/web?utm_source=n">View in browser</a></p>
            <nav><a href="/">Home</a></nav>
            <h2>Cranes idle</h2>
            <p>The <b>port</b> was quiet. See <a href="https://example.org/r">the report</a>.</p>
            <ul><li>First point</li><li><p>Second point</p></li></ul>
            <figure><img src="https://t.example.org/pixel.gif" width="1"><figcaption>Photo: Ada</figcaption></figure>
            <p>Line one<br>line two<br><br>New paragraph</p>
            <script>alert(1)</script>
            <footer>Unsubscribe</footer>
            <p><a href="https://example.org/unsubscribe">Unsubscribe</a> from this list</p>
            </body></html>"#;
        assert_eq!(
            html_to_blocks(html),
            vec![
                Block::Heading("Cranes idle".into()),
                Block::Paragraph("The port was quiet. See the report [1].".into()),
                Block::Bullet("First point".into()),
                Block::Bullet("Second point".into()),
                Block::Caption("Photo: Ada".into()),
                Block::Paragraph("Line one line two".into()),
                Block::Paragraph("New paragraph".into()),
                Block::Heading("Links".into()),
                Block::Bullet("[1] https://example.org/r".into()),
            ]
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}text{}", "<div>".repeat(3_000), "</div>".repeat(3_000));
        let blocks = html_to_blocks(&html);
        assert_eq!(blocks, vec![Block::Paragraph("text".into())]);
    }
}
