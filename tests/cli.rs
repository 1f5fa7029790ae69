//! The command line as other tools use it: JSON shapes, exit codes, warnings.
#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_gazette");

struct Env {
    _dir: tempfile::TempDir,
    data: PathBuf,
    config: PathBuf,
    library: PathBuf,
}

fn env() -> Env {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").unwrap();
    Env {
        data: dir.path().join("data"),
        config,
        library: Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library"),
        _dir: dir,
    }
}

impl Env {
    fn run(&self, args: &[&str]) -> Output {
        Command::new(BIN)
            .args(args)
            .arg("--library")
            .arg(&self.library)
            .arg("--data-dir")
            .arg(&self.data)
            .arg("--config")
            .arg(&self.config)
            .output()
            .unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }
}

#[test]
fn list_json_has_the_documented_shape_newest_first() {
    let env = env();
    let rows = env.json(&["list", "--json"]);
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 3);
    let first = rows[0].as_object().unwrap();
    let mut keys: Vec<&str> = first.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        ["date", "id", "newsletter", "read", "source", "title"]
    );
    let dates: Vec<&str> = rows.iter().map(|r| r["date"].as_str().unwrap()).collect();
    assert_eq!(dates, ["2025-11-07", "2025-11-05", "2025-11-03"]);
    assert_eq!(rows[0]["newsletter"], "Dockside Daily");
    assert_eq!(rows[0]["read"], false);
    assert!(
        rows[0]["source"]
            .as_str()
            .unwrap()
            .ends_with("2025-11-07-budget.txt")
    );
}

#[test]
fn marks_persist_between_runs_and_ids_are_stable() {
    let env = env();
    let rows = env.json(&["list", "--json"]);
    let id = rows[1]["id"].as_str().unwrap().to_string();
    assert_eq!(id.len(), 16);
    let out = env.run(&["mark-read", &id[..8]]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("marked 1 item read"));
    let rows = env.json(&["list", "--json"]);
    assert_eq!(rows[1]["id"], id.as_str(), "same id on a second run");
    assert_eq!(rows[1]["read"], true);
    let unread = env.json(&["list", "--json", "--unread"]);
    assert_eq!(unread.as_array().unwrap().len(), 2);
    assert!(env.run(&["mark-unread", &id]).status.success());
    assert_eq!(env.json(&["list", "--json"])[1]["read"], false);
    assert!(env.run(&["mark-read", "--all"]).status.success());
    assert!(
        env.json(&["list", "--json", "--unread"])
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn show_prints_the_text_and_json() {
    let env = env();
    let rows = env.json(&["list", "--json", "--query", "WINTER ferry"]);
    assert_eq!(rows.as_array().unwrap().len(), 1);
    let id = rows[0]["id"].as_str().unwrap();
    let out = env.run(&["show", id]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("Ferry schedule agreed\nQuay Notes · 2025-11-05"),
        "{text}"
    );
    assert!(text.contains("two weekly crossings between Malta and Sicily"));
    let item = env.json(&["show", id, "--json"]);
    assert_eq!(item["title"], "Ferry schedule agreed");
    assert_eq!(item["blocks"][0]["kind"], "paragraph");
}

#[test]
fn unknown_ids_fail_with_exit_1_and_a_message() {
    let env = env();
    let out = env.run(&["show", "zzzz"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no item with id 'zzzz'"));
    let out = env.run(&["mark-read", "zzzz"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn bad_config_and_bad_usage_exit_2() {
    let env = env();
    std::fs::write(&env.config, "[ui]\nlist_percent = \"wide\"\n").unwrap();
    let out = env.run(&["list"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{}:2:16:", env.config.display())),
        "{err}"
    );
    let out = Command::new(BIN)
        .args(["list", "--no-such-flag"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = Command::new(BIN)
        .args(["--config", "/nonexistent/gazette.toml", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/gazette.toml"));
}

#[test]
fn broken_files_warn_on_stderr_naming_the_file_and_the_rest_loads() {
    let env = env();
    let lib = env._dir.path().join("lib");
    std::fs::create_dir(&lib).unwrap();
    for entry in std::fs::read_dir(&env.library).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, lib.join(path.file_name().unwrap())).unwrap();
    }
    std::fs::write(lib.join("binary.txt"), b"\x00\x01\x02garbage").unwrap();
    std::fs::write(
        lib.join("latin1.txt"),
        b"Title: Caf\xe9 talks\nDate: 2025-11-01\n\nThe caf\xe9 reopened.\n",
    )
    .unwrap();
    let out = Command::new(BIN)
        .args(["list", "--json", "--library"])
        .arg(&lib)
        .arg("--data-dir")
        .arg(&env.data)
        .arg("--config")
        .arg(&env.config)
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("binary.txt"), "{err}");
    assert!(err.contains("latin1.txt"), "{err}");
    let rows: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 4);
}

#[test]
fn actors_json_counts_items_and_co_mentions() {
    let env = env();
    let actors = env.json(&["actors", "--json"]);
    let envoy = actors
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "Imelda Castellanos")
        .expect("the envoy is found");
    assert_eq!(envoy["kind"], "person");
    assert_eq!(envoy["items"], 2);
    assert_eq!(envoy["first"], "2025-11-03");
    assert_eq!(envoy["last"], "2025-11-05");
    let co: Vec<&str> = envoy["co_mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert!(co.contains(&"Valletta") && co.contains(&"Malta"), "{co:?}");
    let places = env.json(&["actors", "--json", "--kind", "place"]);
    assert!(
        places
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["kind"] == "place")
    );
}

#[test]
fn entities_json_has_the_documented_shape() {
    let env = env();
    let file = env.library.join("2025-11-03-harbor-talks.txt");
    let out = Command::new(BIN)
        .args(["entities", "--json"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Value = serde_json::from_slice(&out.stdout).unwrap();
    let row = &rows[0];
    assert_eq!(row["source"], file.display().to_string());
    assert_eq!(row["title"], "Harbor talks open in Valletta");
    assert_eq!(row["date"], "2025-11-03");
    let person = &row["people"][0];
    assert_eq!(person["name"], "Imelda Castellanos");
    assert_eq!(person["count"], 2);
    let forms: Vec<&str> = person["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    assert!(
        forms.contains(&"Ms. Castellanos") || forms.contains(&"Castellanos"),
        "{forms:?}"
    );
    let places: Vec<&str> = row["places"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for place in ["Valletta", "Malta", "Tunisia", "Tunis"] {
        assert!(places.contains(&place), "{place} in {places:?}");
    }
    assert!(row["organizations"].is_array());
}

#[test]
fn state_export_and_import_round_trip() {
    let env = env();
    assert!(env.run(&["mark-read", "--all"]).status.success());
    let file = env._dir.path().join("marks.toml");
    assert!(
        env.run(&["state", "export", file.to_str().unwrap()])
            .status
            .success()
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(text.matches("[[mark]]").count(), 3, "{text}");
    let other = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .args(["state", "import"])
        .arg(&file)
        .arg("--library")
        .arg(&env.library)
        .arg("--data-dir")
        .arg(other.path())
        .arg("--config")
        .arg(&env.config)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = Command::new(BIN)
        .args(["list", "--json", "--unread", "--library"])
        .arg(&env.library)
        .arg("--data-dir")
        .arg(other.path())
        .arg("--config")
        .arg(&env.config)
        .output()
        .unwrap();
    let rows: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(rows.as_array().unwrap().is_empty());
}

#[test]
fn a_closed_pipe_ends_a_command_quietly() {
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").unwrap();
    for args in [&["actors"][..], &["actors", "--map"], &["list", "--json"]] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_gazette"))
            .args(["--config"])
            .arg(&config)
            .arg("--data-dir")
            .arg(dir.path().join("data"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader of the pipe goes away before the output is written.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {:?} {stderr}", out.status);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}
