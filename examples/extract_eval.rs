//! Extracts people, places and organizations from plain-text files and
//! prints them in the shape of `gazette entities --json`, for scoring:
//! the first non-empty line is the title, every other non-empty line a
//! paragraph.

use std::path::PathBuf;

use gazette::extract::Extractor;
use gazette::model::{Block, Entity, EntityKind, Item, ItemId};
use serde_json::{Value, json};

fn item_from(path: &str, text: &str) -> Item {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let title = lines.next().unwrap_or_default().to_string();
    Item {
        id: ItemId::from_parts(&[path]),
        title,
        newsletter: None,
        publisher: None,
        date: None,
        author: None,
        url: None,
        tags: Vec::new(),
        blocks: lines.map(|l| Block::Paragraph(l.to_string())).collect(),
        source: PathBuf::from(path),
    }
}

fn group(entities: &[Entity], kind: EntityKind) -> Value {
    let list: Vec<Value> = entities
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| {
            let mut forms = vec![e.name.clone()];
            forms.extend(e.aliases.iter().cloned());
            json!({"name": e.name, "mentions": forms, "count": e.mentions.len()})
        })
        .collect();
    Value::Array(list)
}

fn main() -> std::io::Result<()> {
    let extractor = Extractor::global();
    let mut out = Vec::new();
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path)?;
        let item = item_from(&path, &text);
        let entities = extractor.extract(&item);
        out.push(json!({
            "source": path,
            "id": item.id.as_str(),
            "title": item.title,
            "date": null,
            "people": group(&entities, EntityKind::Person),
            "places": group(&entities, EntityKind::Place),
            "organizations": group(&entities, EntityKind::Organization),
        }));
    }
    println!(
        "{}",
        serde_json::to_string_pretty(&Value::Array(out)).unwrap_or_default()
    );
    Ok(())
}
