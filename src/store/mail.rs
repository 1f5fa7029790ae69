//! E-mail: one message (`.eml`, a Maildir file) or an mbox file of many,
//! parsed with `mail-parser` (MIME, quoted-printable, base64, encoded
//! headers, UTF-8 and the single-byte charsets such as ISO-8859-1 and
//! Windows-1252).
//!
//! - Newsletter: the `List-Id` name, else the sender's display name, else
//!   the sender's address. Title: the subject. Date: the `Date` header,
//!   else the file's date. Author: the sender's display name when the
//!   newsletter came from `List-Id` and differs from it.
//! - Id: from the `Message-ID` (`ItemId::from_parts(["msgid", id])`), so
//!   the same message saved twice, or in an mbox and as a file, is one item;
//!   without one, newsletter + date + subject.
//! - Body: the HTML part when there is one, else the plain-text part, made
//!   clean by `clean_html` / `clean_plain`.
//!
//! A message with no headers or no text gives a warning and no item; an
//! mbox keeps every message that parses and names the ones that do not.

use std::io::Cursor;
use std::path::Path;

use chrono::NaiveDate;
use mail_parser::mailbox::mbox::MessageIterator;
use mail_parser::{Message, MessageParser};

use super::clean::{drop_title_heading, sanitize_item};
use super::clean_html::html_to_blocks;
use super::clean_plain::text_to_blocks;
use super::text::title::derive_title;
use super::{Loaded, Warning};
use crate::model::{Block, Item, ItemId};

/// Parses one message.
pub fn parse_mail(bytes: &[u8], source: &Path, fallback_date: Option<NaiveDate>) -> Loaded {
    let mut loaded = Loaded::default();
    match message_item(bytes, source, fallback_date) {
        Ok(item) => loaded.items.push(item),
        Err(message) => loaded.warnings.push(warning(source, None, message)),
    }
    loaded
}

/// Parses an mbox file: every message in it.
pub fn parse_mbox(bytes: &[u8], source: &Path, fallback_date: Option<NaiveDate>) -> Loaded {
    let mut loaded = Loaded::default();
    let mut count = 0usize;
    for (index, message) in MessageIterator::new(Cursor::new(bytes)).enumerate() {
        count += 1;
        let result = message
            .map_err(|e| format!("cannot read: {e}"))
            .and_then(|m| message_item(m.contents(), source, fallback_date));
        match result {
            Ok(item) => loaded.items.push(item),
            Err(reason) => loaded.warnings.push(warning(
                source,
                None,
                format!("message {} of the mbox: {reason}", index + 1),
            )),
        }
    }
    if count == 0 {
        loaded.warnings.push(warning(
            source,
            Some(1),
            "no message in this mbox file".into(),
        ));
    }
    loaded
}

fn warning(source: &Path, line: Option<usize>, message: String) -> Warning {
    Warning {
        path: source.to_path_buf(),
        line,
        message,
    }
}

/// One message as an item, or why there is none.
fn message_item(
    bytes: &[u8],
    source: &Path,
    fallback_date: Option<NaiveDate>,
) -> Result<Item, String> {
    let message = MessageParser::default()
        .parse(bytes)
        .filter(|m| !m.headers().is_empty())
        .ok_or("not an e-mail message (no headers), skipped")?;
    let sender = message.from().and_then(|a| a.first());
    let sender_name = sender
        .and_then(|a| a.name())
        .map(str::trim)
        .filter(|n| !n.is_empty());
    let list_name = list_name(&message);
    let newsletter = list_name
        .clone()
        .or_else(|| sender_name.map(String::from))
        .or_else(|| sender.and_then(|a| a.address()).map(String::from));
    let author = match (&list_name, sender_name) {
        (Some(list), Some(name)) if list != name => Some(name.to_string()),
        _ => None,
    };
    let date = message
        .date()
        .and_then(|d| NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into()))
        .or(fallback_date);
    let mut blocks = body_blocks(&message);
    let subject = message
        .subject()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from);
    let title = match subject {
        Some(subject) => subject,
        None => match blocks.iter().find(|b| matches!(b, Block::Paragraph(_))) {
            Some(block) => derive_title(block.text()),
            None => "(no subject)".to_string(),
        },
    };
    drop_title_heading(&mut blocks, &title);
    if blocks.is_empty() {
        return Err("no text in this message, skipped".into());
    }
    let id = match message
        .message_id()
        .map(str::trim)
        .filter(|i| !i.is_empty())
    {
        Some(id) => ItemId::from_parts(&["msgid", id]),
        None => ItemId::from_parts(&[
            "mail",
            newsletter.as_deref().unwrap_or(""),
            &date.map(|d| d.to_string()).unwrap_or_default(),
            &title,
        ]),
    };
    Ok(sanitize_item(Item {
        id,
        title,
        newsletter,
        publisher: None,
        date,
        author,
        url: None,
        tags: vec![],
        blocks,
        source: source.to_path_buf(),
    }))
}

/// The list's display name from `List-Id: Name <list.id>`, else the id.
fn list_name(message: &Message<'_>) -> Option<String> {
    let addr = message.list_id().as_address()?.first()?;
    let name = addr
        .name()
        .map(|n| n.trim().trim_matches('"').trim())
        .filter(|n| !n.is_empty());
    name.or_else(|| addr.address().map(str::trim).filter(|a| !a.is_empty()))
        .map(String::from)
}

/// The clean blocks of the message's HTML part, else its text part.
fn body_blocks(message: &Message<'_>) -> Vec<Block> {
    let html = message
        .html_bodies()
        .find(|p| p.is_text_html())
        .and_then(|p| p.text_contents());
    if let Some(html) = html {
        let blocks = html_to_blocks(html);
        if !blocks.is_empty() {
            return blocks;
        }
    }
    message
        .text_bodies()
        .find(|p| p.is_text() && !p.is_text_html())
        .and_then(|p| p.text_contents())
        .map(text_to_blocks)
        .unwrap_or_default()
}
