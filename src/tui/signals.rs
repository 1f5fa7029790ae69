//! Termination signals as a flag the event loop checks.
//!
//! SIGTERM, SIGHUP (the terminal went away) and SIGINT would otherwise kill
//! the reader in raw mode on the alternate screen, leaving the shell
//! unusable. Instead each sets a flag; the loop wakes at least every
//! [`POLL`] to look at it, leaves, and the terminal is restored on the way
//! out. Read marks need no saving then: each is written when it is made.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How long the loop has to end by itself after a signal.
pub const GRACE: Duration = Duration::from_millis(1500);

/// Longest wait for a key before the loop checks the flag again.
pub const POLL: Duration = Duration::from_millis(250);

/// Set once a termination signal has arrived.
#[derive(Debug, Clone, Default)]
pub struct Stop(Arc<AtomicBool>);

impl Stop {
    /// Registers the flag for SIGTERM, SIGHUP and SIGINT, with a watchdog:
    /// if the loop has not ended [`GRACE`] after a signal (when the terminal
    /// is gone, reading it can spin inside the terminal library without
    /// ever returning to the loop), the terminal is restored as far as it
    /// still can be and the process exits. Read marks are already saved.
    pub fn register() -> io::Result<Self> {
        let stop = Self::default();
        let mut signals = signal_hook::iterator::Signals::new([
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGINT,
        ])?;
        let flag = Arc::clone(&stop.0);
        std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    flag.store(true, Ordering::Relaxed);
                    std::thread::sleep(GRACE);
                    super::restore();
                    std::process::exit(128 + signal);
                }
            })?;
        Ok(stop)
    }

    /// Whether a signal asked the reader to stop.
    pub fn requested(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}
