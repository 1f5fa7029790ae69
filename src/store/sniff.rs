//! Recognising mail, feeds and web pages from their first bytes (and, when
//! the content does not say, the extension or a Maildir folder), and
//! handing them to their parser. Plain text and Markdown are left to the
//! text dispatch in `load`.

use std::path::Path;

use chrono::NaiveDate;

use super::Loaded;
use super::feed::parse_feed;
use super::html::parse_html_page;
use super::mail::{parse_mail, parse_mbox};

/// How much of a file is looked at to recognise it.
const SNIFF_BYTES: usize = 4096;

/// Extensions of the formats recognised here.
pub const EXTENSIONS: &[&str] = &[
    "eml", "mbox", "mbx", "xml", "rss", "atom", "json", "html", "htm", "xhtml",
];

/// Headers that only a mail message starts with or carries near the top.
const MAIL_MARKERS: &[&str] = &[
    "received:",
    "return-path:",
    "delivered-to:",
    "mime-version:",
    "message-id:",
    "dkim-signature:",
    "x-mailer:",
    "list-id:",
];

/// A format parsed from raw bytes (it carries its own encoding).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rich {
    /// One mail message.
    Mail,
    /// An mbox file of messages.
    Mbox,
    /// RSS, Atom or JSON Feed.
    Feed,
    /// A saved web page.
    Html,
}

/// Whether `path` is a message file in a Maildir (`cur/` or `new/`).
pub fn is_maildir_file(path: &Path) -> bool {
    let Some(parent) = path.parent() else {
        return false;
    };
    let named = |n: &str| parent.file_name().is_some_and(|f| f == n);
    (named("cur") || named("new"))
        && parent
            .parent()
            .is_some_and(|md| md.join("cur").is_dir() && md.join("new").is_dir())
}

/// The rich format of a file, or `None` for text and Markdown.
pub fn sniff(bytes: &[u8], source: &Path) -> Option<Rich> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    // (The strict check is the faster one for the common valid text.)
    let head = match std::str::from_utf8(head) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(head),
    };
    let head = head.trim_start_matches('\u{feff}').trim_start();
    // Lower-casing keeps line breaks, so the first line is lower-cased on
    // its own; the whole head only when a test below reads past it.
    let first_line = head.lines().next().unwrap_or("").to_ascii_lowercase();
    let first_line = first_line.as_str();
    if first_line.trim() == "+++" {
        return None;
    }
    if mbox_line(first_line) {
        return Some(Rich::Mbox);
    }
    let opens = |prefix: &str| {
        head.as_bytes()
            .get(..prefix.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(prefix.as_bytes()))
    };
    if opens("<!doctype html") || opens("<html") {
        return Some(Rich::Html);
    }
    if head.starts_with('<') {
        let lower = head.to_ascii_lowercase();
        if lower.contains("<rss") || lower.contains("<feed") || lower.contains("<rdf:rdf") {
            return Some(Rich::Feed);
        }
        if lower.contains("<html") {
            return Some(Rich::Html);
        }
    }
    if head.starts_with('{') && head.to_ascii_lowercase().contains("jsonfeed.org/version") {
        return Some(Rich::Feed);
    }
    // Mail opens with a header line (which lower-casing does not change).
    let header = header_line(first_line);
    if header && (looks_like_mail(&head.to_ascii_lowercase()) || is_maildir_file(source)) {
        return Some(Rich::Mail);
    }
    let ext = source
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        Some("eml") => Some(Rich::Mail),
        Some("mbox" | "mbx") => Some(Rich::Mbox),
        Some("xml" | "rss" | "atom" | "json") => Some(Rich::Feed),
        Some("html" | "htm" | "xhtml") => Some(Rich::Html),
        _ => None,
    }
}

/// An mbox separator: `From sender@host Mon Jan  1 00:00:00 2024`.
fn mbox_line(line: &str) -> bool {
    let mut words = line.split_whitespace();
    words.next() == Some("from")
        && words
            .next()
            .is_some_and(|w| w.contains('@') || w == "mailer-daemon" || w == "-")
        && words.count() >= 4
}

/// `Name: value` with a header-like name.
fn header_line(line: &str) -> bool {
    line.split_once(':').is_some_and(|(name, _)| {
        !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    })
}

/// Whether the text opens with a mail header block that carries a header
/// only mail has (so a `Title:`/`Date:` story is not taken for mail).
fn looks_like_mail(lower: &str) -> bool {
    let mut lines = lower.lines().take_while(|l| !l.trim().is_empty());
    let Some(first) = lines.next() else {
        return false;
    };
    if !header_line(first) {
        return false;
    }
    let header_lines = std::iter::once(first).chain(lines.filter(|l| !l.starts_with([' ', '\t'])));
    let mut has_from = false;
    let mut has_marker = false;
    for line in header_lines {
        has_from |= line.starts_with("from:");
        has_marker |= MAIL_MARKERS.iter().any(|m| line.starts_with(m));
    }
    has_marker || (has_from && first.starts_with("from:") && lower.contains("\nsubject:"))
}

/// Parses `bytes` as `format`.
pub fn parse_rich(
    format: Rich,
    bytes: &[u8],
    source: &Path,
    fallback_date: Option<NaiveDate>,
) -> Loaded {
    match format {
        Rich::Mail => parse_mail(bytes, source, fallback_date),
        Rich::Mbox => parse_mbox(bytes, source, fallback_date),
        Rich::Feed => parse_feed(bytes, source, fallback_date),
        Rich::Html => parse_html_page(bytes, source, fallback_date),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_recognised_by_content_then_extension() {
        for (text, name, expected) in [
            (
                "From a@b.org Mon Jan  1 00:00:00 2024\nFrom: x\n",
                "m",
                Some(Rich::Mbox),
            ),
            ("Return-Path: <a@b>\nFrom: x\n\nbody", "m", Some(Rich::Mail)),
            (
                "From: A <a@b>\nSubject: s\n\nbody",
                "m.txt",
                Some(Rich::Mail),
            ),
            ("Title: Story\nDate: 2024-01-01\n\nbody", "s.txt", None),
            ("+++\ntitle = \"x\"\n+++\n", "x.html", None),
            (
                "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">",
                "f",
                Some(Rich::Feed),
            ),
            (
                "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
                "f",
                Some(Rich::Feed),
            ),
            (
                "{\"version\": \"https://jsonfeed.org/version/1.1\"}",
                "f",
                Some(Rich::Feed),
            ),
            ("<!DOCTYPE html><html>", "p", Some(Rich::Html)),
            ("<p>fragment</p>", "p.htm", Some(Rich::Html)),
            ("Plain story text.", "s.txt", None),
            ("From the harbor, a note from a@b.org\n", "s.txt", None),
            ("anything", "m.eml", Some(Rich::Mail)),
        ] {
            assert_eq!(sniff(text.as_bytes(), Path::new(name)), expected, "{text}");
        }
    }
}
