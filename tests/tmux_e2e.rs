//! End to end, as a person would: the release binary in a real terminal
//! (tmux), driven by keystrokes, its screen read back; then the read marks
//! checked through `gazette list --json`. Skipped, saying so, without tmux.
#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use std::path::Path;
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_gazette");

struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .unwrap()
    }

    /// Whether the program in the pane asked for mouse reports ("1"/"0").
    fn mouse_flag(&self) -> String {
        let out = self.run(&["display-message", "-p", "-t", "e2e", "#{mouse_any_flag}"]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.run(&["send-keys", "-t", "e2e", key]);
            sleep(Duration::from_millis(80));
        }
    }

    /// Waits until the screen contains `needle`; returns the screen.
    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "never saw {needle:?}:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}

impl Tmux {
    /// Starts `args` in a new 120×40 session of its own tmux server.
    fn start(name: &str, args: &str) -> Self {
        let tmux = Self {
            socket: format!("gazette-{name}-{}", std::process::id()),
        };
        let started = tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            "120",
            "-y",
            "40",
            &format!("TERM=xterm-256color {args}; sleep 30"),
        ]);
        assert!(started.status.success(), "{started:?}");
        tmux
    }
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn open_item_jump_to_actor_and_back_mark_read_quit() {
    if !tmux_available() {
        eprintln!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").unwrap();
    let library = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library");
    let args = format!(
        "{BIN} --library {} --data-dir {} --config {}",
        library.display(),
        data.display(),
        config.display()
    );
    let tmux = Tmux::start("e2e", &args);

    let screen = tmux.wait_for("Items (3)");
    assert!(screen.contains("3 unread / 3"), "{screen}");
    // The reader asks for mouse reports while it runs.
    assert_eq!(tmux.mouse_flag(), "1");
    // The newest item is selected: open it.
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("2 unread / 3");
    assert!(screen.contains("Port budget hearing delayed"), "{screen}");
    // Down to the older Quay Notes item, open it, go to the sidebar.
    tmux.keys(&["BSpace", "j", "Enter", "Tab"]);
    let screen = tmux.wait_for("Imelda Castellanos");
    assert!(screen.contains("1 unread / 3"), "{screen}");
    // Open the first actor (the envoy) from the sidebar.
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Named in 2 items");
    assert!(screen.contains("Imelda Castellanos · person"), "{screen}");
    // Open the older item naming her: the article shows it, scrolled to her.
    tmux.keys(&["j", "Enter"]);
    let screen = tmux.wait_for("Imelda Castellanos: mention");
    assert!(screen.contains("Harbor talks open in Valletta"), "{screen}");
    assert!(screen.contains("0 unread / 3"), "{screen}");
    // Back to the actor page, back to the sidebar of the item we came from.
    tmux.keys(&["BSpace"]);
    tmux.wait_for("Named in 2 items");
    tmux.keys(&["BSpace"]);
    let screen = tmux.wait_for("Ferry schedule agreed");
    assert!(!screen.contains("Named in 2 items"), "{screen}");
    // Back to the list, mark the newest item unread again, quit.
    tmux.keys(&["BSpace", "g", "r"]);
    tmux.wait_for("1 unread / 3");
    tmux.keys(&["q"]);
    let start = Instant::now();
    while tmux.screen().contains("Items (3)") {
        assert!(start.elapsed() < Duration::from_secs(10), "did not quit");
        sleep(Duration::from_millis(50));
    }
    // And gives the mouse back to the terminal when it leaves.
    assert_eq!(tmux.mouse_flag(), "0");

    let out = Command::new(BIN)
        .args(["list", "--json", "--library"])
        .arg(&library)
        .arg("--data-dir")
        .arg(&data)
        .arg("--config")
        .arg(&config)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let read: Vec<(String, bool)> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["title"].as_str().unwrap().to_string(),
                r["read"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            ("Port budget hearing delayed".to_string(), false),
            ("Ferry schedule agreed".to_string(), true),
            ("Harbor talks open in Valletta".to_string(), true),
        ]
    );
}

#[test]
fn atlas_walk_item_actor_named_with_map_and_back() {
    if !tmux_available() {
        eprintln!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").unwrap();
    // No library: the bundled samples.
    let args = format!(
        "{BIN} --data-dir {} --config {}",
        dir.path().join("data").display(),
        config.display()
    );
    let tmux = Tmux::start("atlas", &args);
    tmux.wait_for("Items (27)");
    // The newest item, then its sidebar's first person.
    tmux.keys(&["Enter", "Tab", "Enter"]);
    let screen = tmux.wait_for("Martin Halvorsen · person");
    assert!(screen.contains("Named with"), "{screen}");
    // The first actor named with him, one Tab and Enter away.
    tmux.keys(&["Tab", "Enter"]);
    let screen = tmux.wait_for("Ukraine · place");
    assert!(screen.contains("Named in 21 items"), "{screen}");
    // The places of the items naming Ukraine on the map.
    tmux.keys(&["M"]);
    let screen = tmux.wait_for("Map · places in items naming Ukraine");
    assert!(screen.contains("Kyiv"), "{screen}");
    assert!(
        screen
            .chars()
            .any(|c| ('\u{2801}'..='\u{28ff}').contains(&c)),
        "no coastline drawn:\n{screen}"
    );
    // Back, back, back: Ukraine, Martin Halvorsen, the article and sidebar.
    tmux.keys(&["BSpace"]);
    tmux.wait_for("Ukraine · place");
    tmux.keys(&["BSpace"]);
    tmux.wait_for("Martin Halvorsen · person");
    tmux.keys(&["BSpace"]);
    let screen = tmux.wait_for("What the envoy will bring to Kyiv");
    assert!(!screen.contains("Named in"), "{screen}");
    // The actor index, filtered by typing.
    tmux.keys(&["a", "/", "k", "r", "a", "v"]);
    let screen = tmux.wait_for("Filter: krav");
    assert!(screen.contains("Actors · 1 in the library"), "{screen}");
    assert!(screen.contains("Olena Kravets"), "{screen}");
    tmux.keys(&["q"]);
}
