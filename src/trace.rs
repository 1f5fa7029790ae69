//! Timings of the reader's milestones, for benchmarks: with the environment
//! variable `GAZETTE_TRACE` naming a file, each milestone ("first frame",
//! "first items drawn", "index done") is appended to it as milliseconds
//! since the process started, then the milestone's name (and the resident
//! size, where `/proc` tells it). Without it,
//! nothing is written and each mark costs one check.

use std::fs::File;
use std::io::Write;
use std::sync::{LazyLock, Mutex};
use std::time::Instant;

static START: LazyLock<Instant> = LazyLock::new(Instant::now);

static FILE: LazyLock<Option<Mutex<File>>> = LazyLock::new(|| {
    let path = std::env::var_os("GAZETTE_TRACE")?;
    File::options()
        .create(true)
        .append(true)
        .open(path)
        .ok()
        .map(Mutex::new)
});

/// Starts the clock (call first thing in `main`).
pub fn start() {
    LazyLock::force(&START);
    LazyLock::force(&FILE);
}

/// Records a milestone, when tracing is on.
pub fn mark(label: &str) {
    if let Some(file) = FILE.as_ref() {
        let ms = START.elapsed().as_secs_f64() * 1000.0;
        let rss = resident_kb().map_or_else(String::new, |kb| format!(" (resident {kb} KB)"));
        if let Ok(mut file) = file.lock() {
            let _ = writeln!(file, "{ms:.1} {label}{rss}");
        }
    }
}

/// The process's resident size, where `/proc` tells it.
fn resident_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}
