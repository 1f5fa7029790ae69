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

/// Longest wait for a key before the loop checks the flag again.
pub const POLL: Duration = Duration::from_millis(250);

/// Set once a termination signal has arrived.
#[derive(Debug, Clone, Default)]
pub struct Stop(Arc<AtomicBool>);

impl Stop {
    /// Registers the flag for SIGTERM, SIGHUP and SIGINT.
    pub fn register() -> io::Result<Self> {
        let stop = Self::default();
        for signal in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGINT,
        ] {
            signal_hook::flag::register(signal, Arc::clone(&stop.0))?;
        }
        Ok(stop)
    }

    /// Whether a signal asked the reader to stop.
    pub fn requested(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}
