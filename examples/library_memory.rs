//! Memory the in-memory library index takes: loads the whole library from
//! an index and prints the resident size before and after, and the peak.
//! `cargo run --release --example library_memory -- DATA_DIR`.

use gazette::store::db::Db;

fn status(field: &str) -> u64 {
    let text = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    text.lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

fn main() {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: library_memory DATA_DIR");
        std::process::exit(2);
    };
    let db = match Db::open(std::path::Path::new(&dir)) {
        Ok(db) => db,
        Err(err) => {
            eprintln!("{err}");
            std::process::exit(1);
        }
    };
    let before = status("VmRSS:");
    let start = std::time::Instant::now();
    let library = match db.load_library(None, false) {
        Ok(library) => library,
        Err(err) => {
            eprintln!("{err}");
            std::process::exit(1);
        }
    };
    let took = start.elapsed();
    let after = status("VmRSS:");
    println!(
        "{} items: heap of the index about {} KB; resident {} KB before, {} KB after (+{} KB), peak {} KB, loaded in {:.0} ms",
        library.len(),
        library.heap_bytes() / 1000,
        before,
        after,
        after.saturating_sub(before),
        status("VmHWM:"),
        took.as_secs_f64() * 1000.0
    );
}
