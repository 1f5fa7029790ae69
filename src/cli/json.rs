//! The JSON shapes of DESIGN.md §5, which other tools rely on.

use std::io::{self, Write};

use serde::{Serialize, Serializer};
use serde_json::{Value, json};

use crate::library::{ActorSummary, Body, Row};
use crate::model::{Entity, EntityKind, Item};

fn date(item: &Item) -> Value {
    item.date
        .map_or(Value::Null, |d| Value::String(d.to_string()))
}

/// One `gazette list --json` row.
pub fn list_row(row: &Row, read: bool) -> Value {
    json!({
        "id": row.id.as_str(),
        "date": row.date.map(|d| d.to_string()),
        "newsletter": row.newsletter.as_deref(),
        "title": &*row.title,
        "read": read,
        "source": row.source.display().to_string(),
    })
}

fn entity_list(entities: &[Entity], kind: EntityKind) -> Value {
    Value::Array(
        entities
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| json!({"name": e.name, "mentions": e.aliases, "count": e.mentions.len()}))
            .collect(),
    )
}

/// One entity of a `gazette entities --json` row (fields in the order a
/// sorted JSON object lists them).
#[derive(Serialize)]
struct EntityOut<'a> {
    count: usize,
    mentions: &'a [String],
    name: &'a str,
}

/// The entities of one kind, as a JSON array.
struct EntityList<'a>(&'a [Entity], EntityKind);

impl Serialize for EntityList<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(
            self.0
                .iter()
                .filter(|e| e.kind == self.1)
                .map(|e| EntityOut {
                    count: e.mentions.len(),
                    mentions: &e.aliases,
                    name: &e.name,
                }),
        )
    }
}

/// One `gazette entities --json` object (fields in sorted order, as
/// DESIGN.md §5 shows them).
#[derive(Serialize)]
struct EntitiesRow<'a> {
    date: Option<String>,
    id: &'a str,
    organizations: EntityList<'a>,
    people: EntityList<'a>,
    places: EntityList<'a>,
    source: &'a str,
    title: &'a str,
}

/// Writes the `gazette entities --json` array one row at a time, laid out
/// byte for byte as `serde_json::to_string_pretty` lays out the whole array
/// (rows one level in), so a long run never holds every row at once.
pub struct EntitiesArray<W: Write> {
    out: W,
    row: Vec<u8>,
    rows: usize,
}

impl<W: Write> EntitiesArray<W> {
    /// An empty array written to `out`.
    pub fn new(out: W) -> Self {
        Self {
            out,
            row: Vec::new(),
            rows: 0,
        }
    }

    /// Writes one item's row.
    pub fn push(&mut self, source: &str, item: &Item, entities: &[Entity]) -> io::Result<()> {
        let row = EntitiesRow {
            date: item.date.map(|d| d.to_string()),
            id: item.id.as_str(),
            organizations: EntityList(entities, EntityKind::Organization),
            people: EntityList(entities, EntityKind::Person),
            places: EntityList(entities, EntityKind::Place),
            source,
            title: &item.title,
        };
        self.row.clear();
        serde_json::to_writer_pretty(&mut self.row, &row)?;
        self.out
            .write_all(if self.rows == 0 { b"[\n  " } else { b",\n  " })?;
        // JSON strings escape line breaks: every one here is layout.
        for line in self.row.split_inclusive(|&b| b == b'\n') {
            self.out.write_all(line)?;
            if line.ends_with(b"\n") {
                self.out.write_all(b"  ")?;
            }
        }
        self.rows += 1;
        Ok(())
    }

    /// Closes the array (and the line) and flushes.
    pub fn finish(mut self) -> io::Result<()> {
        self.out
            .write_all(if self.rows == 0 { b"[]\n" } else { b"\n]\n" })?;
        self.out.flush()
    }
}

/// One `gazette actors --json` object.
pub fn actor_row(summary: &ActorSummary) -> Value {
    json!({
        "name": summary.key.name,
        "kind": summary.key.kind.as_str(),
        "aliases": summary.aliases,
        "items": summary.items,
        "first": summary.first.map(|d| d.to_string()),
        "last": summary.last.map(|d| d.to_string()),
        "co_mentions": summary.co_mentions.iter().map(|(k, n)| json!({
            "name": k.name, "kind": k.kind.as_str(), "items": n,
        })).collect::<Vec<_>>(),
    })
}

/// `gazette show --json`: the item, its blocks and its entities.
pub fn show(body: &Body, read: bool) -> Value {
    let item = &body.item;
    let entities = &body.entities;
    json!({
        "id": item.id.as_str(),
        "title": item.title,
        "newsletter": item.newsletter,
        "publisher": item.publisher,
        "date": date(item),
        "author": item.author,
        "url": item.url,
        "tags": item.tags,
        "read": read,
        "source": item.source.display().to_string(),
        "blocks": item.blocks,
        "people": entity_list(entities, EntityKind::Person),
        "places": entity_list(entities, EntityKind::Place),
        "organizations": entity_list(entities, EntityKind::Organization),
    })
}
