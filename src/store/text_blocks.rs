//! The block pass of the plain-text parser: kept lines become paragraphs
//! (blank-line separated, hard-wrapped, or one per line), and each paragraph
//! becomes a heading, a caption, a bullet or body text.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::Block;

/// Longest line that can be a headline, in characters.
pub const MAX_HEADLINE_CHARS: usize = 120;

/// Longest line of a hard-wrapped paragraph, in characters.
const MAX_WRAP_WIDTH: usize = 100;

/// Bullet markers, with the space that follows them where there is one.
const BULLET_MARKERS: &[&str] = &["… ", "…", "• ", "- ", "* ", "· ", "– "];

/// A photo credit closing a caption: "(AP Photo/…)", "(… via AP)", then an
/// optional `**FILE**` marker.
static CREDIT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"\((?:AP Photos?\b[^()]*|[^()]*\bvia AP|[^()]*\b(?:Photo|Photograph|Getty Images|Reuters)\b[^()]*)\)\s*(?:\*\*\s*FILE\s*\*\*)?\s*$").ok()
});

/// Caption openings used by wire services.
const CAPTION_PREFIXES: &[&str] = &[
    "FILE - ",
    "FILE – ",
    "In this photo taken",
    "In this image provided by",
    "In this file photo",
];

/// Splits kept lines (`""` = blank) into paragraph texts.
///
/// Blank lines separate paragraphs. Inside a run of lines with no blank, the
/// lines are one hard-wrapped paragraph when they look wrapped (similar
/// widths under [`MAX_WRAP_WIDTH`]), else one paragraph each, the way
/// compact renderings put one paragraph on each line.
pub fn paragraphs(lines: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for chunk in lines.split(|l| l.is_empty()).filter(|c| !c.is_empty()) {
        if looks_wrapped(chunk) {
            join_wrapped(chunk, &mut out);
        } else {
            out.extend(chunk.iter().map(|l| collapse_spaces(l)));
        }
    }
    out
}

/// Whether a run of lines is one paragraph broken at a fixed width.
fn looks_wrapped(chunk: &[&str]) -> bool {
    let Some((last, body)) = chunk.split_last() else {
        return false;
    };
    if body.is_empty() {
        return false;
    }
    let widths: Vec<usize> = body.iter().map(|l| l.chars().count()).collect();
    let widest = widths.iter().copied().max().unwrap_or(0);
    let narrowest = widths.iter().copied().min().unwrap_or(0);
    let open_ends = body.iter().filter(|l| !ends_sentence(l)).count();
    widest <= MAX_WRAP_WIDTH
        && narrowest * 2 >= widest
        && last.chars().count() <= widest + 15
        && open_ends * 2 >= body.len()
}

/// Joins wrapped lines, starting a new paragraph at each bullet marker.
fn join_wrapped(chunk: &[&str], out: &mut Vec<String>) {
    let mut current = String::new();
    for line in chunk {
        if bullet_text(line).is_some() && !current.is_empty() {
            out.push(collapse_spaces(&current));
            current.clear();
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(line);
    }
    if !current.is_empty() {
        out.push(collapse_spaces(&current));
    }
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '!', '?', '"', '”', '’', ')', ':'])
}

/// Squeezes runs of whitespace into one space.
pub fn collapse_spaces(text: &str) -> String {
    if is_collapsed(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether the text has no whitespace but single spaces between words
/// (the common case: a substring search for two spaces, then a look at
/// the few bytes that may start other whitespace).
fn is_collapsed(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') || text.contains("  ") {
        return false;
    }
    let mut from = 0;
    // `\t` to `\r`, and the lead bytes of the other whitespace characters
    // (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000).
    while let Some(p) = bytes[from..]
        .iter()
        .position(|&b| matches!(b, b'\t'..=b'\r' | 0xC2 | 0xE1 | 0xE2 | 0xE3))
    {
        let at = from + p;
        if bytes[at].is_ascii() || text[at..].chars().next().is_some_and(char::is_whitespace) {
            return false;
        }
        from = at + 1;
    }
    true
}

/// The text of a bullet line without its marker.
fn bullet_text(line: &str) -> Option<&str> {
    let rest = BULLET_MARKERS.iter().find_map(|m| line.strip_prefix(m))?;
    let rest = rest.trim_start();
    (!rest.is_empty()).then_some(rest)
}

/// A caption: a photo credit at the end or a wire-service opening. Returns
/// the text without a trailing `**FILE**` marker.
fn caption_text(text: &str) -> Option<String> {
    // A credit opens with a parenthesis: no need to run the pattern without one.
    let credited = text.contains('(') && CREDIT.as_ref().is_some_and(|re| re.is_match(text));
    if !credited && !CAPTION_PREFIXES.iter().any(|p| text.starts_with(p)) {
        return None;
    }
    let trimmed = match text.rfind("**") {
        Some(at) if text[..at].trim_end().ends_with("FILE") || text[at..].trim() == "**" => {
            let head = text[..at].trim_end().trim_end_matches("FILE").trim_end();
            head.trim_end_matches("**").trim_end()
        }
        _ => text,
    };
    Some(trimmed.to_string())
}

/// Whether a paragraph could be a headline: one short line, starting with a
/// capital, digit or quote, with no closing sentence punctuation (a `?` is
/// allowed in issues, where headlines may ask).
pub fn is_headline_like(text: &str, allow_question: bool) -> bool {
    let chars = text.chars().count();
    let Some(first) = text.chars().next() else {
        return false;
    };
    let bad_end = if allow_question {
        &['.', ',', ';', ':', '!'][..]
    } else {
        &['.', ',', ';', ':', '!', '?'][..]
    };
    (2..=MAX_HEADLINE_CHARS).contains(&chars)
        && (first.is_uppercase() || first.is_ascii_digit() || "'\"‘“".contains(first))
        && !text.ends_with(bad_end)
        && bullet_text(text).is_none()
        && caption_text(text).is_none()
        && super::dates::standalone_date(text).is_none()
}

/// Turns paragraph texts into blocks. A headline-like paragraph is a heading
/// only when body text (not another headline-like line) follows it.
pub fn blocks(paragraphs: Vec<String>, issue: bool) -> Vec<Block> {
    let mut out = Vec::with_capacity(paragraphs.len());
    // Whether the paragraph after the current one is headline-like.
    let mut next_headline = paragraphs.first().map(|p| is_headline_like(p, issue));
    let mut texts = paragraphs.into_iter().peekable();
    while let Some(text) = texts.next() {
        let headline = next_headline.unwrap_or(false);
        next_headline = texts.peek().map(|p| is_headline_like(p, issue));
        if let Some(rest) = bullet_text(&text) {
            out.push(Block::Bullet(rest.to_string()));
        } else if let Some(caption) = caption_text(&text) {
            out.push(Block::Caption(caption));
        } else if headline && next_headline == Some(false) {
            out.push(Block::Heading(text));
        } else {
            out.push(Block::Paragraph(text));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owned(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|l| (*l).to_string()).collect()
    }

    #[test]
    fn credit_pattern_compiles() {
        assert!(CREDIT.is_some());
    }

    #[test]
    fn spaces_collapse_like_split_whitespace() {
        let odd = [
            " ", "  ", "\t", "\r", "\u{85}", "\u{a0}", "\u{1680}", "\u{2009}", "\u{2028}",
            "\u{205f}", "\u{3000}", "\u{2019}", "\u{201c}", "\u{2014}", "é", "\u{e1}",
        ];
        for a in odd {
            for b in odd {
                for text in [
                    format!("x{a}y{b}z"),
                    format!("{a}x y{b}"),
                    format!("x{a}{b}"),
                ] {
                    let want = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    assert_eq!(collapse_spaces(&text), want, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn paragraph_layouts() {
        let cases: &[(&str, &[&str], &[&str])] = &[
            (
                "blank separated",
                &["One line.", "", "Two line."],
                &["One line.", "Two line."],
            ),
            (
                "hard wrapped",
                &[
                    "The harbor board met on Monday and voted to",
                    "extend the night shift at the north pier",
                    "for another month.",
                ],
                &[
                    "The harbor board met on Monday and voted to extend the night shift at the north pier for another month.",
                ],
            ),
            (
                "compact one per line",
                &[
                    "The harbor board met on Monday and voted to extend the night shift at the north pier for another month, officials said.",
                    "Dock workers welcomed the decision but asked for more pay for the late hours, which they say are the hardest.",
                ],
                &[
                    "The harbor board met on Monday and voted to extend the night shift at the north pier for another month, officials said.",
                    "Dock workers welcomed the decision but asked for more pay for the late hours, which they say are the hardest.",
                ],
            ),
            (
                "heading then long line",
                &[
                    "Background",
                    "The harbor board met on Monday and voted to extend the night shift at the north pier for another month.",
                ],
                &[
                    "Background",
                    "The harbor board met on Monday and voted to extend the night shift at the north pier for another month.",
                ],
            ),
            (
                "wrapped bullets",
                &["- first point here", "- second point", "  continues here"],
                &["- first point here", "- second point continues here"],
            ),
            ("spaces squeezed", &["  a   b  "], &["a b"]),
        ];
        for (name, input, want) in cases {
            assert_eq!(paragraphs(input), owned(want), "{name}");
        }
    }

    #[test]
    fn block_kinds() {
        let input = owned(&[
            "Lead paragraph about the port.",
            "… A brief about cranes.",
            "…Another brief without a space",
            "Cranes idle as talks stall",
            "Workers stand at the gate on Monday. (AP Photo/Jo Lane, File)  **FILE**",
            "FILE - In this file photo, a ship docks.",
            "Body text follows here.",
            "Will the strike end?",
            "More body.",
        ]);
        let want = vec![
            Block::Paragraph("Lead paragraph about the port.".into()),
            Block::Bullet("A brief about cranes.".into()),
            Block::Bullet("Another brief without a space".into()),
            Block::Heading("Cranes idle as talks stall".into()),
            Block::Caption("Workers stand at the gate on Monday. (AP Photo/Jo Lane, File)".into()),
            Block::Caption("FILE - In this file photo, a ship docks.".into()),
            Block::Paragraph("Body text follows here.".into()),
            Block::Heading("Will the strike end?".into()),
            Block::Paragraph("More body.".into()),
        ];
        assert_eq!(blocks(input.clone(), true), want);
        // In a single story a question is not a headline.
        assert_eq!(
            blocks(input, false)[7],
            Block::Paragraph("Will the strike end?".into())
        );
    }

    #[test]
    fn runs_of_short_lines_are_not_all_headings() {
        let input = owned(&[
            "Teams",
            "Harbor City (2012)",
            "Later career",
            "He retired in 2020 after a long career.",
        ]);
        let kinds: Vec<bool> = blocks(input, false)
            .iter()
            .map(|b| matches!(b, Block::Heading(_)))
            .collect();
        assert_eq!(kinds, [false, false, true, false]);
    }

    #[test]
    fn captions() {
        let cases = [
            (
                "A ship at dawn. (Pat Doe/Pool Photo via AP)",
                Some("A ship at dawn. (Pat Doe/Pool Photo via AP)"),
            ),
            (
                "A ship at dawn. (Harbor Authority via AP) ** FILE **",
                Some("A ship at dawn. (Harbor Authority via AP)"),
            ),
            (
                "A ship at dawn. (AP Photo)",
                Some("A ship at dawn. (AP Photo)"),
            ),
            (
                "In this image provided by the navy, a ship sails.",
                Some("In this image provided by the navy, a ship sails."),
            ),
            ("The ship (a tanker) sailed.", None),
        ];
        for (text, want) in cases {
            assert_eq!(caption_text(text).as_deref(), want, "{text}");
        }
    }
}
