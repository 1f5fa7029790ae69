//! The body of a Markdown item: block syntax to [`Block`]s and back.

use super::inline::{escape, strip as strip_inline, strip_links};
use crate::model::Block;
use crate::store::clean::LINKS_HEADING;

/// Plain text of an inline span, with runs of whitespace squeezed.
fn strip(text: &str) -> String {
    squeeze(&strip_inline(text))
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The block being gathered.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    Paragraph,
    Caption,
    Bullet,
}

/// Gathers lines into blocks.
#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    open: Option<Open>,
    lines: Vec<String>,
    /// Link targets of the body, numbered in the text as `[n]`.
    links: Vec<String>,
}

impl Builder {
    fn start(&mut self, kind: Open, line: &str) {
        self.flush();
        self.open = Some(kind);
        self.lines.push(line.trim().to_string());
    }

    fn push(&mut self, line: &str) {
        self.lines.push(line.trim().to_string());
    }

    fn flush(&mut self) {
        let Some(kind) = self.open.take() else { return };
        let text = std::mem::take(&mut self.lines).join(" ");
        let text = text.trim();
        let mut strip = |text: &str| squeeze(&strip_links(text, &mut self.links));
        let block = match kind {
            Open::Caption => Block::Caption(strip(text)),
            Open::Bullet => Block::Bullet(strip(text)),
            Open::Paragraph => match emphasised(text) {
                Some(inner) => Block::Caption(strip(inner)),
                None => Block::Paragraph(strip(text)),
            },
        };
        if !block.text().is_empty() {
            self.blocks.push(block);
        }
    }
}

/// The inside of a paragraph that is one `*…*` or `_…_` span.
fn emphasised(text: &str) -> Option<&str> {
    for mark in ['*', '_'] {
        let inner = text.strip_prefix(mark).and_then(|t| t.strip_suffix(mark));
        if let Some(inner) = inner
            && !inner.is_empty()
            && !inner.starts_with(mark)
            && !inner.contains(mark)
            && !inner.ends_with('\\')
        {
            return Some(inner);
        }
    }
    None
}

/// A `#`..`######` heading's text.
fn atx_heading(line: &str) -> Option<&str> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    let rest = &line[hashes..];
    if !(1..=6).contains(&hashes) || !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    let rest = rest.trim();
    let closed = rest.trim_end_matches('#');
    Some(if closed.ends_with(' ') || closed.is_empty() {
        closed.trim_end()
    } else {
        rest
    })
}

/// A list item's text after its marker (`-`, `*`, `+`, `1.`, `1)`).
fn bullet(line: &str) -> Option<&str> {
    for marker in ["- ", "* ", "+ "] {
        if let Some(rest) = line.strip_prefix(marker) {
            return Some(rest);
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let rest = &line[digits..];
    if (1..=9).contains(&digits) {
        return rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") "));
    }
    None
}

/// A line of three or more `*`, `-` or `_` (spaces allowed).
fn is_break(line: &str) -> bool {
    let marks: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3
        && ['*', '-', '_']
            .iter()
            .any(|&m| marks.chars().all(|c| c == m))
}

/// Parses Markdown body lines into blocks.
pub fn parse_body(lines: &[&str]) -> Vec<Block> {
    let mut b = Builder::default();
    let mut i = 0;
    while i < lines.len() {
        let raw = lines[i];
        let line = raw.trim();
        i += 1;
        if line.is_empty() {
            b.flush();
        } else if line.starts_with("```") || line.starts_with("~~~") {
            b.flush();
            let fence = &line[..3];
            let mut code = Vec::new();
            while i < lines.len() && !lines[i].trim().starts_with(fence) {
                code.push(lines[i].trim());
                i += 1;
            }
            i += 1;
            // Code is kept verbatim except for whitespace, which the reader rewraps.
            let text = code
                .join(" ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if !text.is_empty() {
                b.blocks.push(Block::Paragraph(text));
            }
        } else if line.starts_with("<!--") && line.ends_with("-->") {
        } else if let Some(text) = atx_heading(line) {
            b.flush();
            b.blocks.push(Block::Heading(strip(text)));
        } else if b.open == Some(Open::Paragraph)
            && (line.chars().all(|c| c == '=') || line.chars().all(|c| c == '-'))
        {
            b.open = None;
            let text = std::mem::take(&mut b.lines).join(" ");
            b.blocks.push(Block::Heading(strip(&text)));
        } else if is_break(line) {
            b.flush();
        } else if let Some(rest) = line.strip_prefix('>') {
            if b.open == Some(Open::Caption) {
                b.push(rest);
            } else {
                b.start(Open::Caption, rest);
            }
        } else if let Some(rest) = bullet(line) {
            b.start(Open::Bullet, rest);
        } else if b.open.is_some() {
            b.push(line);
        } else {
            b.start(Open::Paragraph, line);
        }
    }
    b.flush();
    if !b.links.is_empty() {
        // The targets under a Links heading, as items read from HTML keep them.
        b.blocks.push(Block::Heading(LINKS_HEADING.to_string()));
        for (n, url) in b.links.iter().enumerate() {
            b.blocks.push(Block::Bullet(format!("[{}] {url}", n + 1)));
        }
    }
    b.blocks
}

/// Writes one block as Markdown (without the blank line around it).
pub fn render_block(block: &Block) -> String {
    match block {
        Block::Heading(t) => format!("## {}", escape(t)),
        Block::Caption(t) => format!("> {}", escape(t)),
        Block::Bullet(t) => format!("- {}", escape(t)),
        Block::Paragraph(t) => protect_start(&escape(t)),
    }
}

/// Escapes a paragraph opening that would read as block syntax.
fn protect_start(text: &str) -> String {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && text[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &text[..digits], &text[digits..]);
    }
    if text.starts_with(['#', '>', '-', '+', '=', '<']) {
        return format!("\\{text}");
    }
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_syntax() {
        let text = "# Top\n\nFirst line\nsecond line.\n\n## Section ##\n\n> A caption\n> continues.\n\n*A whole emphasised line.*\n\n- one\n- two\n  more\n* three\n1. four\n\n---\n\nSetext head\n===\n\n```\nlet x = 1;\n```\n\n<!-- note -->\nLast **bold** [link](u).";
        let lines: Vec<&str> = text.lines().collect();
        let want = vec![
            Block::Heading("Top".into()),
            Block::Paragraph("First line second line.".into()),
            Block::Heading("Section".into()),
            Block::Caption("A caption continues.".into()),
            Block::Caption("A whole emphasised line.".into()),
            Block::Bullet("one".into()),
            Block::Bullet("two more".into()),
            Block::Bullet("three".into()),
            Block::Bullet("four".into()),
            Block::Heading("Setext head".into()),
            Block::Paragraph("let x = 1;".into()),
            Block::Paragraph("Last bold link [1].".into()),
            Block::Heading("Links".into()),
            Block::Bullet("[1] u".into()),
        ];
        assert_eq!(parse_body(&lines), want);
    }

    #[test]
    fn rendered_blocks_read_back() {
        let blocks = [
            Block::Paragraph("1. Not a list".into()),
            Block::Paragraph("# not a heading".into()),
            Block::Paragraph("- not a bullet, > not a caption".into()),
            Block::Paragraph("*not a caption*".into()),
            Block::Paragraph("---".into()),
            Block::Paragraph("snake_case and [brackets] and `ticks`".into()),
            Block::Heading("A head".into()),
            Block::Caption("A caption (AP Photo/Jo Lane)".into()),
            Block::Bullet("A brief".into()),
        ];
        for block in blocks {
            let md = render_block(&block);
            let lines: Vec<&str> = md.lines().collect();
            assert_eq!(parse_body(&lines), std::slice::from_ref(&block), "{md}");
        }
    }
}
