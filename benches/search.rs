//! Full-text search latency on a real index: `GAZETTE_BENCH_DATA=DIR cargo
//! bench --bench search`, where DIR is a data dir indexed beforehand (see
//! `benches/peer.sh`, which builds one per size). Prints p50/p99 of the time
//! to the first page of results (ids of the best 50) for typed queries.

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
        times.sort_unstable();
        let p = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize].as_secs_f64() * 1e3;
        println!(
            "{query:<18} {found:>3} results   p50 {:>7.2} ms   p99 {:>7.2} ms",
            p(0.5),
            p(0.99)
        );
    }
}
