//! The terminal is given back on SIGTERM, SIGHUP, SIGINT and on a panic:
//! the reader runs in tmux (the pane kept after it exits), one item is opened
//! (marked read), then the process is signalled; afterwards the pane must be
//! off the alternate screen and the mark must be in the database. A SIGKILL
//! run shows the check means something: there nothing can restore the
//! terminal and the pane stays on the alternate screen (the mark is kept all
//! the same). Skipped, saying so, without tmux.
#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_gazette");

struct Pane {
    socket: String,
    data: PathBuf,
    config: PathBuf,
    _dir: tempfile::TempDir,
}

fn library() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library")
}

impl Pane {
    fn start(name: &str, env: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let config = dir.path().join("config.toml");
        std::fs::write(&config, "").unwrap();
        let pane = Self {
            socket: format!("gazette-sig-{name}-{}", std::process::id()),
            data,
            config,
            _dir: dir,
        };
        // `exec`, so the pane's process is the reader and its pid is ours.
        let command = format!(
            "TERM=xterm-256color {env} exec {BIN} --library {} --data-dir {} --config {}",
            library().display(),
            pane.data.display(),
            pane.config.display()
        );
        let started = pane.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "s",
            "-x",
            "120",
            "-y",
            "40",
        ]);
        assert!(started.status.success(), "{started:?}");
        pane.run(&["set-option", "-g", "remain-on-exit", "on"]);
        let respawn = pane.run(&["respawn-pane", "-k", "-t", "s", &command]);
        assert!(respawn.status.success(), "{respawn:?}");
        pane
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .unwrap()
    }

    fn format(&self, format: &str) -> String {
        let out = self.run(&["display-message", "-p", "-t", "s", format]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "s"]).stdout).into_owned()
    }

    fn wait_for(&self, what: &str, done: impl Fn(&Self) -> bool) {
        let start = Instant::now();
        while !done(self) {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "never saw {what}:\n{}",
                self.screen()
            );
            sleep(Duration::from_millis(50));
        }
    }

    fn pid(&self) -> String {
        self.format("#{pane_pid}")
    }

    fn read_titles(&self) -> Vec<String> {
        let out = Command::new(BIN)
            .args(["list", "--json", "--library"])
            .arg(library())
            .arg("--data-dir")
            .arg(&self.data)
            .arg("--config")
            .arg(&self.config)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        rows.as_array()
            .unwrap()
            .iter()
            .filter(|r| r["read"].as_bool() == Some(true))
            .map(|r| r["title"].as_str().unwrap().to_string())
            .collect()
    }
}

impl Drop for Pane {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Opens the newest item, sends `signal`, waits for the process to end;
/// returns whether the pane is still on the alternate screen, and the
/// titles read.
fn open_then_signal(signal: &str) -> (bool, Vec<String>) {
    let pane = Pane::start(&signal.to_ascii_lowercase(), "");
    pane.wait_for("the list", |p| p.screen().contains("Items (3)"));
    assert_eq!(pane.format("#{alternate_on}"), "1");
    pane.run(&["send-keys", "-t", "s", "Enter"]);
    pane.wait_for("the mark", |p| p.screen().contains("2 unread / 3"));
    let pid = pane.pid();
    let killed = Command::new("kill")
        .args([&format!("-{signal}"), &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    pane.wait_for("the process end", |p| p.format("#{pane_dead}") == "1");
    (pane.format("#{alternate_on}") == "1", pane.read_titles())
}

#[test]
fn termination_signals_restore_the_terminal_and_keep_marks() {
    if !tmux_available() {
        eprintln!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    for signal in ["TERM", "HUP", "INT"] {
        let (alternate, read) = open_then_signal(signal);
        assert!(!alternate, "SIG{signal}: still on the alternate screen");
        assert_eq!(read, ["Port budget hearing delayed"], "SIG{signal}");
    }
    // The control: SIGKILL cannot be caught, so the screen is left as it
    // was (which is what the check above would see on a failure), while the
    // mark, written at the keystroke, survives.
    let (alternate, read) = open_then_signal("KILL");
    assert!(alternate, "SIGKILL: the check cannot tell a restored pane");
    assert_eq!(read, ["Port budget hearing delayed"], "SIGKILL");
}

#[test]
fn a_panic_restores_the_terminal() {
    if !tmux_available() {
        eprintln!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    if !cfg!(debug_assertions) {
        eprintln!("skipped: the panic switch exists in debug builds only");
        return;
    }
    let pane = Pane::start("panic", &format!("{}=1", gazette::tui::PANIC_ENV));
    pane.wait_for("the process end", |p| p.format("#{pane_dead}") == "1");
    assert_eq!(pane.format("#{alternate_on}"), "0");
    assert_ne!(pane.format("#{pane_dead_status}"), "0");
    let screen = pane.screen();
    assert!(screen.contains("panicking on purpose"), "{screen}");
}

/// The terminal going away (its tmux server killed) ends the reader even
/// while it is indexing: it must not linger reading a closed terminal.
#[test]
fn the_reader_exits_when_its_terminal_goes_away() {
    if !std::process::Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        eprintln!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    std::fs::create_dir(&lib).unwrap();
    for n in 0..200 {
        let text = format!(
            "Title: Note {n}\nDate: 2025-10-01\nNewsletter: Quay Notes\n\nHarbour note {n} from Valletta.\n"
        );
        std::fs::write(lib.join(format!("{n:03}.txt")), text).unwrap();
    }
    let socket = format!("gazette-gone-{}", std::process::id());
    let bin = env!("CARGO_BIN_EXE_gazette");
    let cmd = format!(
        "exec {bin} --library {} --data-dir {}",
        lib.display(),
        dir.path().join("data").display()
    );
    let tmux = |args: &[&str]| {
        std::process::Command::new("tmux")
            .arg("-L")
            .arg(&socket)
            .args(args)
            .output()
            .unwrap()
    };
    assert!(
        tmux(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "g",
            "-x",
            "100",
            "-y",
            "20",
            &cmd
        ])
        .status
        .success()
    );
    std::thread::sleep(std::time::Duration::from_millis(800));
    let pid = String::from_utf8_lossy(&tmux(&["display", "-p", "-t", "g", "#{pane_pid}"]).stdout)
        .trim()
        .to_string();
    assert!(!pid.is_empty());
    tmux(&["kill-server"]);
    let gone = |pid: &str| {
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .map_or(true, |stat| stat.split_whitespace().nth(2) == Some("Z"))
    };
    let start = std::time::Instant::now();
    while !gone(&pid) {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(8),
            "the reader (pid {pid}) is still running"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}
