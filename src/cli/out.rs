//! Writing command output to standard output. When the reader of a pipe
//! goes away early (`gazette actors | head`), the command ends quietly with
//! success instead of panicking, as command-line tools do.

use std::fmt;
use std::io::{self, Write};

/// Prints to standard output (with `outln!`, a line).
macro_rules! out {
    ($($arg:tt)*) => { $crate::cli::out::write(format_args!($($arg)*)) };
}

/// Prints a line to standard output.
macro_rules! outln {
    () => { $crate::cli::out::write(format_args!("\n")) };
    ($($arg:tt)*) => { $crate::cli::out::write(format_args!("{}\n", format_args!($($arg)*))) };
}

pub(crate) use {out, outln};

/// Writes `args` to standard output; a closed pipe ends the process with
/// success, any other failure with a message and exit code 1.
pub fn write(args: fmt::Arguments) {
    let mut stdout = io::stdout().lock();
    if let Err(err) = stdout.write_fmt(args) {
        quit_on(&err);
    }
}

/// Ends the process for a failed write to standard output.
pub fn quit_on(err: &io::Error) -> ! {
    if err.kind() == io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("gazette: standard output: {err}");
    std::process::exit(1);
}
