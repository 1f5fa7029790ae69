//! The data every part of Gazette shares: items, their text blocks, and the
//! people, places and organizations extracted from them.

use std::fmt;
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A stable identifier for an item, derived from its content's identity
/// (newsletter + date + title, or a message/feed id), never from its path.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ItemId(pub String);

impl ItemId {
    /// Derives an id from identity parts: a 64-bit FNV-1a hash in hex.
    ///
    /// The parts are joined with a separator that cannot occur in text, so
    /// `("ab", "c")` and `("a", "bc")` differ.
    pub fn from_parts(parts: &[&str]) -> Self {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for part in parts {
            for byte in part.bytes().chain(std::iter::once(0xff)) {
                hash ^= u64::from(byte);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        }
        Self(format!("{hash:016x}"))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for ItemId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One block of an article body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "text", rename_all = "snake_case")]
pub enum Block {
    /// A section headline inside an item (a story in a whole issue).
    Heading(String),
    /// A paragraph of body text.
    Paragraph(String),
    /// A photo caption or credit line, shown dimmed.
    Caption(String),
    /// A list entry or a "…" brief.
    Bullet(String),
}

impl Block {
    /// The block's text, whatever its kind.
    pub fn text(&self) -> &str {
        match self {
            Self::Heading(t) | Self::Paragraph(t) | Self::Caption(t) | Self::Bullet(t) => t,
        }
    }
}

/// One newsletter item: a story, or a whole issue split into sections.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// Stable id (see [`ItemId`]).
    pub id: ItemId,
    /// Headline, or a title derived from the first sentence.
    pub title: String,
    /// Newsletter name ("Threat Status"), when the text or front matter names it.
    pub newsletter: Option<String>,
    /// Publisher ("The Washington Times"), when known.
    pub publisher: Option<String>,
    /// Publication date: from the text, the front matter, else the file's mtime.
    pub date: Option<NaiveDate>,
    /// Author or byline, when known.
    pub author: Option<String>,
    /// Canonical URL, when known.
    pub url: Option<String>,
    /// Free tags from front matter.
    pub tags: Vec<String>,
    /// The body, boilerplate removed.
    pub blocks: Vec<Block>,
    /// Where the item was loaded from (a path, or `samples/NAME` for bundled ones).
    pub source: PathBuf,
}

impl Item {
    /// The texts extraction runs over: segment 0 is the title, segment `i + 1`
    /// is `blocks[i]`. [`Mention::segment`] indexes into this.
    pub fn segments(&self) -> Vec<&str> {
        std::iter::once(self.title.as_str())
            .chain(self.blocks.iter().map(Block::text))
            .collect()
    }

    /// The newsletter name, or a placeholder for display.
    pub fn newsletter_or_default(&self) -> &str {
        self.newsletter.as_deref().unwrap_or("(unknown)")
    }
}

/// The kind of an actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A place: country, region, city, landmark.
    Place,
    /// An organization: alliance, ministry, company, party.
    Organization,
}

impl EntityKind {
    /// All kinds, in display order.
    pub const ALL: [Self; 3] = [Self::Person, Self::Place, Self::Organization];

    /// Lower-case name, as used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Place => "place",
            Self::Organization => "organization",
        }
    }

    /// Plural heading used in the sidebar ("People").
    pub fn plural_title(self) -> &'static str {
        match self {
            Self::Person => "People",
            Self::Place => "Places",
            Self::Organization => "Organizations",
        }
    }
}

/// One occurrence of an entity in an item's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Index into [`Item::segments`] (0 = title, `i + 1` = `blocks[i]`).
    pub segment: usize,
    /// Byte offset where the mention starts in that segment.
    pub start: usize,
    /// Byte offset just past the mention's end.
    pub end: usize,
}

/// An actor named in one item, with every mention of it there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Canonical name: the fullest form seen ("Steve Witkoff").
    pub name: String,
    /// Person, place or organization.
    pub kind: EntityKind,
    /// Distinct surface forms as written ("Mr. Witkoff", "Witkoff").
    pub aliases: Vec<String>,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_separate_parts() {
        let a = ItemId::from_parts(&["Threat Status", "2025-11-25", "Envoys"]);
        assert_eq!(
            a,
            ItemId::from_parts(&["Threat Status", "2025-11-25", "Envoys"])
        );
        assert_eq!(a.as_str().len(), 16);
        assert_ne!(
            ItemId::from_parts(&["ab", "c"]),
            ItemId::from_parts(&["a", "bc"])
        );
    }

    #[test]
    fn segments_put_title_first() {
        let item = Item {
            id: ItemId("x".into()),
            title: "T".into(),
            newsletter: None,
            publisher: None,
            date: None,
            author: None,
            url: None,
            tags: vec![],
            blocks: vec![Block::Heading("H".into()), Block::Paragraph("P".into())],
            source: PathBuf::from("x.txt"),
        };
        assert_eq!(item.segments(), ["T", "H", "P"]);
    }
}
