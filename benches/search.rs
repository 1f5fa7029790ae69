//! Full-text search latency on a real index: `GAZETTE_BENCH_DATA=DIR cargo
//! bench --bench search`, where DIR is a data dir indexed beforehand (see
//! `benches/peer.sh`, which builds one per size). Prints p50/p99 of the time
//! to the first page of results (ids of the best 50) for typed queries,
//! then of whole queries of the list filter (every match of each free word,
//! fields, and/or/not) evaluated over the library.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use gazette::store::db::Db;

fn main() {
    let Some(dir) = std::env::var_os("GAZETTE_BENCH_DATA") else {
        println!("skipped: set GAZETTE_BENCH_DATA to an indexed data dir");
        return;
    };
    let db = match Db::open(std::path::Path::new(&dir)) {
        Ok(db) => db,
        Err(err) => {
            println!("skipped: {err}");
            return;
        }
    };
    let queries = [
        "harvest",
        "ghent council",
        "budget tampere",
        "quiet",
        "ferry schedule",
        "vog",
    ];
    for query in queries {
        let mut times: Vec<Duration> = Vec::new();
        let mut found = 0;
        for _ in 0..30 {
            let start = Instant::now();
            found = db.search(query, 50).map(|r| r.len()).unwrap_or(0);
            times.push(start.elapsed());
        }
        report(query, found, &mut times);
    }
    let library = match db.load_library(None, false) {
        Ok(library) => library,
        Err(err) => {
            println!("skipped the queries: {err}");
            return;
        }
    };
    let read: HashSet<_> = db.read_ids().unwrap_or_default();
    println!("queries over {} items:", library.len());
    let queries = [
        "harvest",
        "ghent council",
        "harvest or budget",
        "the",
        "person:varga and not unread",
        "place:ghent -harvest after:2023",
        "quiet and not (ferry or schedule) before:2024-06",
        "newsletter:almanac or actor:santos",
    ];
    for text in queries {
        let mut times: Vec<Duration> = Vec::new();
        let mut found = 0;
        for _ in 0..30 {
            let start = Instant::now();
            let query = gazette::query::parse(text).expect("the bench's queries parse");
            found = query
                .matching(&library, &read, &mut |words| {
                    db.search_all(words).unwrap_or_default()
                })
                .len();
            times.push(start.elapsed());
        }
        report(text, found, &mut times);
    }
}

fn report(query: &str, found: usize, times: &mut [Duration]) {
    times.sort_unstable();
    let p = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize].as_secs_f64() * 1e3;
    println!(
        "{query:<48} {found:>6} results   p50 {:>7.2} ms   p99 {:>7.2} ms",
        p(0.5),
        p(0.99)
    );
}
