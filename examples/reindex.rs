//! Brings an index up to date and reports what it did and how long it took:
//! `cargo run --release --example reindex -- DATA_DIR PATH...` (used by
//! BENCHMARKS.md for the incremental figures).

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use gazette::extract::Extractor;
use gazette::model::{Entity, Item};
use gazette::store::db::Db;
use gazette::store::indexer::{index, index_text};

fn main() {
    let mut args = std::env::args_os().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: reindex DATA_DIR PATH...");
        std::process::exit(2);
    };
    let paths: Vec<PathBuf> = args.map(PathBuf::from).collect();
    let start = Instant::now();
    let db = match Db::open(std::path::Path::new(&dir)) {
        Ok(db) => db,
        Err(err) => {
            eprintln!("{err}");
            std::process::exit(1);
        }
    };
    let extractor = Extractor::global();
    let extract = |item: &Item| -> Vec<Entity> { extractor.extract(item) };
    let report = index(&paths, &db, &extract, 2, &mut |_| {});
    // A reader that stops reading (`| head -1`) does not stop the work.
    let mut out = std::io::stdout();
    let _ = writeln!(
        out,
        "{} files: {} read, {} unchanged, {} removed, {} warnings in {:.3} s",
        report.files,
        report.parsed,
        report.unchanged,
        report.removed,
        report.warnings.len(),
        start.elapsed().as_secs_f64()
    );
    let texts = index_text(&db, 2, &mut |_| {});
    let _ = writeln!(
        out,
        "{texts} files' text added to the full-text index; done in {:.3} s",
        start.elapsed().as_secs_f64()
    );
}
