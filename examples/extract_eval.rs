//! Extracts people, places and organizations from plain-text files and
//! prints them in the shape of `gazette entities --json`, for scoring:
//! the first non-empty line is the title, every other non-empty line a
//! paragraph.
//!
//! `extract_eval --bench N FILE...` instead times the data load and the
//! extraction of the files N times over, and prints the figures;
//! `extract_eval --load-only FILE...` times the reader's loading alone.

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

/// Times the reader's own loading of the files (no extraction), to tell
/// its share of `gazette entities` from the extractor's.
fn load_only(paths: &[String]) {
    let start = std::time::Instant::now();
    let mut bytes = 0;
    let mut items = 0;
    for path in paths {
        let loaded = gazette::store::load::load_file(std::path::Path::new(path));
        items += loaded.items.len();
        bytes += std::fs::metadata(path).map_or(0, |m| m.len());
    }
    let took = start.elapsed().as_secs_f64();
    println!(
        "loaded {items} items, {:.2} MB in {took:.3} s = {:.1} MB/s",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / took
    );
}

fn bench(rounds: usize, paths: &[String]) -> std::io::Result<()> {
    let start = std::time::Instant::now();
    let extractor = Extractor::global();
    let load = start.elapsed();
    let mut items = Vec::new();
    let mut bytes = 0;
    for path in paths {
        let text = std::fs::read_to_string(path)?;
        bytes += text.len();
        items.push(item_from(path, &text));
    }
    let start = std::time::Instant::now();
    let mut found = 0;
    for _ in 0..rounds {
        for item in &items {
            found += extractor.extract(item).len();
        }
    }
    let took = start.elapsed().as_secs_f64();
    let mb = (bytes * rounds) as f64 / 1e6;
    println!(
        "load {:.1} ms; {mb:.2} MB in {took:.3} s = {:.1} MB/s ({found} entities)",
        load.as_secs_f64() * 1e3,
        mb / took
    );
    Ok(())
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|a| a == "--load-only") {
        load_only(&args[1..]);
        return Ok(());
    }
    if args.first().is_some_and(|a| a == "--bench") {
        let rounds = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(10);
        return bench(rounds, &args[2.min(args.len())..]);
    }
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
