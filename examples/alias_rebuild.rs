//! How long alias edits take to re-key a large library: 100,000 items
//! naming 30,000 distinct actors (four each), then a merge, a split and a
//! hide applied with `Library::set_aliases`.
//!
//! Run: `cargo run --release --example alias_rebuild` (`ITEMS` changes the size).
//! On the 2-core development machine (shared): build 190–210 ms, each edit
//! re-keyed in 22–32 ms (release); 200–300 ms in a debug build.

use std::path::PathBuf;
use std::time::Instant;

use gazette::library::{ActorKey, AliasEdits, LibraryBuilder, NewRow};
use gazette::model::{EntityKind, ItemId};

fn main() {
    let items: usize = std::env::var("ITEMS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let mut builder = LibraryBuilder::default();
    for n in 0..items {
        let (id, newsletter, title) = (
            ItemId(format!("{n:016x}")),
            format!("Letter {}", n % 50),
            format!("Item {n}"),
        );
        let source = PathBuf::from(format!("bench/{n}.txt"));
        let row = NewRow {
            id: id.as_str(),
            date: chrono::NaiveDate::from_ymd_opt(2022, 1, 1)
                .and_then(|d| d.checked_add_days(chrono::Days::new((n % 1000) as u64))),
            newsletter: Some(&newsletter),
            title: &title,
            source: &source,
        };
        let Some(index) = builder.add_row(&row) else {
            continue;
        };
        for k in 0..4 {
            let id = (n * 7 + k * 7919) % 30_000;
            let kind = [
                EntityKind::Person,
                EntityKind::Place,
                EntityKind::Organization,
            ][id % 3];
            builder.add_named(index, (kind, format!("Actor Number {id}"), 1, vec![]));
        }
    }
    let started = Instant::now();
    let mut library = builder.build();
    println!(
        "built {items} items, {} actors in {:.1} ms",
        library.actor_keys().len(),
        started.elapsed().as_secs_f64() * 1e3
    );
    let key = |id: usize| ActorKey {
        kind: [
            EntityKind::Person,
            EntityKind::Place,
            EntityKind::Organization,
        ][id % 3],
        name: format!("Actor Number {id}"),
    };
    let mut edits = AliasEdits::default();
    for (what, change) in [("merge", 0), ("second merge", 1), ("hide", 2), ("split", 3)] {
        match change {
            0 => edits.merge(&key(3), &key(6)),
            1 => edits.merge(&key(4), &key(6)),
            2 => edits.hide(&key(9)),
            _ => edits.split(&key(3)),
        };
        let started = Instant::now();
        library.set_aliases(edits.clone());
        println!(
            "{what:<14} re-keyed in {:>7.1} ms ({} items name the merged actor)",
            started.elapsed().as_secs_f64() * 1e3,
            library.count_naming(&key(6))
        );
    }
}
