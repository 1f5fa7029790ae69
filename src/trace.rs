//! Timings of the reader's milestones, for benchmarks: with the environment
//! variable `GAZETTE_TRACE` naming a file, each milestone ("first frame",
//! "first items drawn", "index done") is appended to it as milliseconds
//! since the process started, then the milestone's name. Without it,
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
        if let Ok(mut file) = file.lock() {
            let _ = writeln!(file, "{ms:.1} {label}");
        }
    }
}
