//! The reader and the command line writing marks at the same time: the
//! reader (in tmux) marks the 20 newest items one key at a time while
//! `gazette mark-read` marks the 20 oldest, one process per item. Nothing
//! may be lost and no command may fail with "database is locked".
//! Skipped, saying so, without tmux.
#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_gazette");

fn tmux(socket: &str, args: &[&str]) -> Output {
    Command::new("tmux")
        .arg("-L")
        .arg(socket)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn reader_and_command_line_marks_never_lose_each_other() {
    if !Command::new("tmux")
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
    for n in 0..40 {
        let text = format!(
            "Title: Harbour note {n:02}\nDate: 2025-10-{:02}\nNewsletter: Quay Notes\n\nThe harbour board met for the {n}th time.\n",
            n % 28 + 1
        );
        std::fs::write(lib.join(format!("note-{n:02}.txt")), text).unwrap();
    }
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "mark_read_on_open = false\n").unwrap();
    let data = dir.path().join("data");
    let run = |args: &[&str]| {
        Command::new(BIN)
            .args(args)
            .arg("--library")
            .arg(&lib)
            .arg("--data-dir")
            .arg(&data)
            .arg("--config")
            .arg(&config)
            .output()
            .unwrap()
    };
    let rows: serde_json::Value = serde_json::from_slice(&run(&["list", "--json"]).stdout).unwrap();
    let ids: Vec<String> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 40);

    let socket = format!("gazette-conc-{}", std::process::id());
    let cmd = format!(
        "{BIN} --library {} --data-dir {} --config {}; sleep 30",
        lib.display(),
        data.display(),
        config.display()
    );
    let started = tmux(
        &socket,
        &[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "c",
            "-x",
            "120",
            "-y",
            "50",
            &cmd,
        ],
    );
    assert!(started.status.success());
    let start = Instant::now();
    while !String::from_utf8_lossy(&tmux(&socket, &["capture-pane", "-p", "-t", "c"]).stdout)
        .contains("Items (40)")
    {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the reader did not start"
        );
        sleep(Duration::from_millis(50));
    }
    // The command line marks the 20 oldest while the reader marks the 20 newest.
    let oldest: Vec<String> = ids[20..].to_vec();
    let (lib2, data2, config2) = (lib.clone(), data.clone(), config.clone());
    let cli = std::thread::spawn(move || {
        let mut failures = Vec::new();
        for id in oldest {
            let out = Command::new(BIN)
                .args(["mark-read", &id, "--library"])
                .arg(&lib2)
                .arg("--data-dir")
                .arg(&data2)
                .arg("--config")
                .arg(&config2)
                .output()
                .unwrap();
            if !out.status.success() {
                failures.push(String::from_utf8_lossy(&out.stderr).into_owned());
            }
        }
        failures
    });
    for _ in 0..20 {
        tmux(&socket, &["send-keys", "-t", "c", "r", "j"]);
        sleep(Duration::from_millis(40));
    }
    let failures = cli.join().unwrap();
    assert!(failures.is_empty(), "{failures:?}");
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let screen =
            String::from_utf8_lossy(&tmux(&socket, &["capture-pane", "-p", "-t", "c"]).stdout)
                .into_owned();
        if screen.contains("20 unread / 40") {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the reader did not mark its 20:\n{screen}"
        );
        sleep(Duration::from_millis(50));
    }
    tmux(&socket, &["send-keys", "-t", "c", "q"]);
    sleep(Duration::from_millis(300));
    tmux(&socket, &["kill-server"]);

    let rows: serde_json::Value = serde_json::from_slice(&run(&["list", "--json"]).stdout).unwrap();
    let unread: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["read"] == false)
        .map(|r| r["title"].as_str().unwrap())
        .collect();
    assert!(unread.is_empty(), "marks lost: {unread:?}");
}
