//! The article as wrapped lines, with the byte range each line covers in the
//! item's text segments, so mentions can be found on screen and highlighted.
//! Pure: shared by the state machine (scrolling to a mention) and the view.

use unicode_width::UnicodeWidthStr;

use crate::model::{Block, Item};

/// What a line shows, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// The article title.
    Title,
    /// Newsletter, publisher, date, author.
    Meta,
    /// A section headline.
    Heading,
    /// Body text.
    Paragraph,
    /// A photo caption.
    Caption,
    /// A list entry or brief (first line carries the bullet).
    Bullet,
    /// Spacing between blocks.
    Blank,
}

/// One wrapped line of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleLine {
    /// Styling class.
    pub kind: LineKind,
    /// Text drawn before the content (a bullet or its indent).
    pub prefix: &'static str,
    /// The text shown.
    pub text: String,
    /// The segment of [`Item::segments`] it comes from, if any.
    pub segment: Option<usize>,
    /// Byte offset of `text` within that segment.
    pub start: usize,
}

/// Lays out an item for a pane `width` columns wide.
pub fn layout(item: &Item, width: usize) -> Vec<ArticleLine> {
    let width = width.max(8);
    let mut lines = Vec::new();
    push_wrapped(
        &mut lines,
        LineKind::Title,
        "",
        "",
        &item.title,
        Some(0),
        width,
    );
    let mut meta: Vec<String> = Vec::new();
    meta.extend(item.newsletter.clone());
    meta.extend(item.publisher.clone());
    meta.extend(item.date.map(|d| d.format("%A, %B %-d, %Y").to_string()));
    meta.extend(item.author.as_ref().map(|a| format!("by {a}")));
    if !meta.is_empty() {
        push_wrapped(
            &mut lines,
            LineKind::Meta,
            "",
            "",
            &meta.join(" · "),
            None,
            width,
        );
    }
    for (index, block) in item.blocks.iter().enumerate() {
        lines.push(blank());
        let (kind, first, rest) = match block {
            Block::Heading(_) => (LineKind::Heading, "", ""),
            Block::Paragraph(_) => (LineKind::Paragraph, "", ""),
            Block::Caption(_) => (LineKind::Caption, "", ""),
            Block::Bullet(_) => (LineKind::Bullet, "• ", "  "),
        };
        push_wrapped(
            &mut lines,
            kind,
            first,
            rest,
            block.text(),
            Some(index + 1),
            width,
        );
    }
    lines
}

fn blank() -> ArticleLine {
    ArticleLine {
        kind: LineKind::Blank,
        prefix: "",
        text: String::new(),
        segment: None,
        start: 0,
    }
}

fn push_wrapped(
    lines: &mut Vec<ArticleLine>,
    kind: LineKind,
    first_prefix: &'static str,
    rest_prefix: &'static str,
    text: &str,
    segment: Option<usize>,
    width: usize,
) {
    let inner = width.saturating_sub(first_prefix.width()).max(4);
    let options = textwrap::Options::new(inner).break_words(true);
    let mut cursor = 0;
    for (n, piece) in textwrap::wrap(text, options).iter().enumerate() {
        // Every wrapped line is a contiguous piece of `text`, in order.
        let start = text[cursor..]
            .find(piece.as_ref())
            .map_or(cursor, |p| cursor + p);
        cursor = start + piece.len();
        lines.push(ArticleLine {
            kind,
            prefix: if n == 0 { first_prefix } else { rest_prefix },
            text: piece.to_string(),
            segment,
            start,
        });
    }
}

/// The first line showing byte `offset` of `segment`.
pub fn line_of(lines: &[ArticleLine], segment: usize, offset: usize) -> Option<usize> {
    let mut found = None;
    for (index, line) in lines.iter().enumerate() {
        if line.segment == Some(segment) && line.start <= offset {
            found = Some(index);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ItemId;
    use std::path::PathBuf;

    fn item(blocks: Vec<Block>) -> Item {
        Item {
            id: ItemId("i".into()),
            title: "Envoys head to Moscow".into(),
            newsletter: Some("Border Brief".into()),
            publisher: None,
            date: chrono::NaiveDate::from_ymd_opt(2025, 11, 25),
            author: None,
            url: None,
            tags: vec![],
            blocks,
            source: PathBuf::from("x"),
        }
    }

    #[test]
    fn lines_map_back_to_segment_offsets() {
        let text = "The envoy met the minister in Moscow on Tuesday morning.";
        let lines = layout(&item(vec![Block::Paragraph(text.into())]), 20);
        let body: Vec<&ArticleLine> = lines.iter().filter(|l| l.segment == Some(1)).collect();
        assert!(body.len() >= 3);
        for line in &body {
            assert_eq!(&text[line.start..line.start + line.text.len()], line.text);
            assert!(line.text.width() <= 20);
        }
        let moscow = text.find("Moscow").unwrap();
        let at = line_of(&lines, 1, moscow).unwrap();
        assert!(lines[at].text.contains("Moscow"));
    }

    #[test]
    fn meta_line_and_bullets() {
        let lines = layout(&item(vec![Block::Bullet("A brief".into())]), 60);
        assert_eq!(lines[1].text, "Border Brief · Tuesday, November 25, 2025");
        let bullet = lines.iter().find(|l| l.kind == LineKind::Bullet).unwrap();
        assert_eq!(bullet.prefix, "• ");
    }
}
