//! Plain-text mail bodies to clean blocks: paragraphs split at blank lines,
//! `-`/`*`/`•` lines as list entries, bare URLs (and `<URL>`) replaced by
//! their number in the link list, boilerplate paragraphs dropped, and
//! everything after a signature line (`-- `) left out.

use std::sync::LazyLock;

use regex::Regex;

use super::clean::{BlockBuilder, Kind};
use crate::model::Block;

/// A URL in running text, optionally in angle brackets.
static URL: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"<?(https?://[^\s<>]+[^\s<>.,;:!?)\]])>?").ok());

/// Clean blocks of a plain-text body.
pub fn text_to_blocks(text: &str) -> Vec<Block> {
    let mut builder = BlockBuilder::new();
    let mut kind = Kind::Paragraph;
    for line in text.lines() {
        if line == "-- " || line == "--" {
            break;
        }
        let trimmed = line.trim();
        if trimmed.is_empty() {
            builder.flush(kind);
            kind = Kind::Paragraph;
            continue;
        }
        let bullet = ["- ", "* ", "• "]
            .iter()
            .find_map(|m| trimmed.strip_prefix(m));
        let rest = match bullet {
            Some(rest) => {
                builder.flush(kind);
                kind = Kind::Bullet;
                rest
            }
            None => trimmed,
        };
        push_line(&mut builder, rest);
        builder.push_text(" ");
    }
    builder.finish()
}

/// Adds one line, turning each URL into a link mark.
fn push_line(builder: &mut BlockBuilder, line: &str) {
    let Some(url) = URL.as_ref() else {
        builder.push_text(line);
        return;
    };
    let mut last = 0;
    for caps in url.captures_iter(line) {
        let (Some(whole), Some(href)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        builder.push_text(&line[last..whole.start()]);
        builder.end_link(href.as_str());
        last = whole.end();
    }
    builder.push_text(&line[last..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_bullets_links_and_signature() {
        let text = "View this email in your browser: https://example.org/web\n\
            \n\
            The ferry resumes\non Monday.\n\
            \n\
            - Timetable: https://example.org/times?utm_medium=email\n\
            - Fares unchanged\n\
            \n\
            -- \n\
            Jo Lane, editor\n";
        assert_eq!(
            text_to_blocks(text),
            vec![
                Block::Paragraph("The ferry resumes on Monday.".into()),
                Block::Bullet("Timetable: [1]".into()),
                Block::Bullet("Fares unchanged".into()),
                Block::Heading("Links".into()),
                Block::Bullet("[1] https://example.org/times".into()),
            ]
        );
    }
}
