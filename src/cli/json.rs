//! The JSON shapes of DESIGN.md §5, which other tools rely on.

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::extract::Merged;
use crate::library::{ActorSummary, Body, Row};
use crate::model::{Entity, EntityKind, Item};

fn date(item: &Item) -> Value {
    item.date
        .map_or(Value::Null, |d| Value::String(d.to_string()))
}

/// One `gazette list --json` row.
pub fn list_row(row: &Row, read: bool) -> Value {
    json!({
        "id": row.id_text().as_str(),
        "date": row.date.map(|d| d.to_string()),
        "newsletter": row.newsletter,
        "title": row.title,
        "read": read,
        "source": row.source().display().to_string(),
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
    pub fn push(&mut self, source: &str, item: &Item, entities: &Merged<'_>) -> io::Result<()> {
        let row = &mut self.row;
        row.clear();
        row.extend_from_slice(if self.rows == 0 { b"[\n  " } else { b",\n  " });
        // Laid out as `to_writer_pretty` lays out the row (fields sorted), one
        // level in; strings are escaped by serde_json itself.
        row.extend_from_slice(b"{\n    \"date\": ");
        match item.date {
            // A date's text needs no escaping.
            Some(d) => write!(row, "\"{d}\"")?,
            None => row.extend_from_slice(b"null"),
        }
        row.extend_from_slice(b",\n    \"id\": ");
        string(row, item.id.as_str())?;
        for (key, kind) in [
            (&b"organizations"[..], EntityKind::Organization),
            (b"people", EntityKind::Person),
            (b"places", EntityKind::Place),
        ] {
            row.extend_from_slice(b",\n    \"");
            row.extend_from_slice(key);
            row.extend_from_slice(b"\": [");
            let mut any = false;
            for e in entities.groups().iter().filter(|e| e.kind == kind) {
                row.extend_from_slice(if any { b",\n      {" } else { b"\n      {" });
                any = true;
                row.extend_from_slice(b"\n        \"count\": ");
                write!(row, "{}", entities.mentions(e).len())?;
                row.extend_from_slice(b",\n        \"mentions\": [");
                let aliases = entities.aliases(e);
                for (i, alias) in aliases.iter().enumerate() {
                    row.extend_from_slice(if i == 0 {
                        b"\n          "
                    } else {
                        b",\n          "
                    });
                    string(row, alias)?;
                }
                if !aliases.is_empty() {
                    row.extend_from_slice(b"\n        ");
                }
                row.extend_from_slice(b"],\n        \"name\": ");
                string(row, e.name)?;
                row.extend_from_slice(b"\n      }");
            }
            if any {
                row.extend_from_slice(b"\n    ");
            }
            row.push(b']');
        }
        row.extend_from_slice(b",\n    \"source\": ");
        string(row, source)?;
        row.extend_from_slice(b",\n    \"title\": ");
        string(row, &item.title)?;
        row.extend_from_slice(b"\n  }");
        self.out.write_all(row)?;
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

/// Appends `s` as a JSON string, escaped as serde_json escapes it (which
/// escapes only quotes, backslashes and control characters: a string
/// without them is copied as it is).
fn string(out: &mut Vec<u8>, s: &str) -> io::Result<()> {
    if s.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        out.reserve(s.len() + 2);
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
        return Ok(());
    }
    serde_json::to_writer(out, s).map_err(io::Error::from)
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

#[cfg(test)]
mod tests {
    #[test]
    fn strings_are_written_as_serde_json_writes_them() {
        for s in [
            "",
            "Kyiv",
            "a \"quoted\" \\ name",
            "tab\there",
            "Zürich ’s",
            "\u{7f}\u{1}",
            "/",
        ] {
            let mut out = Vec::new();
            super::string(&mut out, s).unwrap();
            assert_eq!(out, serde_json::to_vec(s).unwrap(), "{s:?}");
        }
    }
}
