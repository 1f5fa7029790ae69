//! Indexing a library folder: a new library's first files are indexed
//! before the full walk, and the walk then treats them as unchanged; every
//! file counted once, every warning given once.
#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use gazette::model::{Entity, Item};
use gazette::store::db::Db;
use gazette::store::indexer::{Progress, index, index_text};

fn no_actors(_: &Item) -> Vec<Entity> {
    Vec::new()
}

#[test]
fn a_new_library_is_indexed_once_with_each_warning_once() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    std::fs::create_dir_all(lib.join("sub")).unwrap();
    for n in 0..30 {
        let folder = if n % 2 == 0 {
            lib.clone()
        } else {
            lib.join("sub")
        };
        let text = format!(
            "Title: Item {n}\nDate: 2025-01-{:02}\nNewsletter: Test Letter\n\nBody {n}.\n",
            n % 28 + 1
        );
        std::fs::write(folder.join(format!("item-{n:02}.txt")), text).unwrap();
    }
    std::fs::write(lib.join("empty.txt"), "").unwrap();
    let db = Db::open(&dir.path().join("data")).unwrap();
    let mut seen: Vec<Progress> = Vec::new();
    let report = index(std::slice::from_ref(&lib), &db, &no_actors, 2, &mut |p| {
        seen.push(p)
    });
    assert_eq!(report.files, 31);
    assert_eq!(report.parsed + report.unchanged, 31, "{report:?}");
    assert_eq!(report.unchanged, 0, "{report:?}");
    // The first report comes before the walk has counted the files.
    assert_eq!(seen[0].total, 0, "{seen:?}");
    assert!(seen[0].done > 0, "{seen:?}");
    let empty: Vec<_> = report
        .warnings
        .iter()
        .filter(|w| w.path.ends_with("empty.txt"))
        .collect();
    assert_eq!(empty.len(), 1, "{:?}", report.warnings);
    let library = db.load_library(None, false).unwrap();
    assert_eq!(library.len(), 30);
    // The text follows in a second pass.
    assert!(db.search_all("body").unwrap().is_empty());
    let mut text_progress = Vec::new();
    assert_eq!(index_text(&db, 2, &mut |p| text_progress.push(p)), 30);
    assert_eq!(
        text_progress.last().map(|p| (p.done, p.total)),
        Some((30, 30))
    );
    assert_eq!(db.search_all("body").unwrap().len(), 30);
    assert_eq!(index_text(&db, 2, &mut |_| {}), 0);
    // A second run reads nothing again.
    let again = index(&[lib], &db, &no_actors, 2, &mut |_| {});
    assert_eq!(again.parsed, 1, "only the file without items: {again:?}");
    assert_eq!(again.unchanged, 30);
}
