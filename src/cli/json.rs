//! The JSON shapes of DESIGN.md §5, which other tools rely on.

use serde_json::{Value, json};

use crate::library::{ActorSummary, Library};
use crate::model::{Entity, EntityKind, Item};

fn date(item: &Item) -> Value {
    item.date
        .map_or(Value::Null, |d| Value::String(d.to_string()))
}

/// One `gazette list --json` row.
pub fn list_row(item: &Item, read: bool) -> Value {
    json!({
        "id": item.id.as_str(),
        "date": date(item),
        "newsletter": item.newsletter,
        "title": item.title,
        "read": read,
        "source": item.source.display().to_string(),
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

/// One `gazette entities --json` object.
pub fn entities_row(source: &str, item: &Item, entities: &[Entity]) -> Value {
    json!({
        "source": source,
        "id": item.id.as_str(),
        "title": item.title,
        "date": date(item),
        "people": entity_list(entities, EntityKind::Person),
        "places": entity_list(entities, EntityKind::Place),
        "organizations": entity_list(entities, EntityKind::Organization),
    })
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
pub fn show(library: &Library, index: usize, read: bool) -> Value {
    let Some(item) = library.item(index) else {
        return Value::Null;
    };
    let entities = library.entities(index);
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
