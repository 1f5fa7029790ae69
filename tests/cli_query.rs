//! `gazette list --query`: the query language on the command line, through
//! the database's full-text index (a fixture library) and the in-memory
//! samples.
#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_gazette");

struct Env {
    dir: tempfile::TempDir,
    library: Option<PathBuf>,
}

impl Env {
    /// The three-item fixture library (Quay Notes ×2, Dockside Daily).
    fn fixtures() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
            library: Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library")),
        }
    }

    /// The bundled samples.
    fn samples() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
            library: None,
        }
    }

    fn config(&self, text: &str) -> &Self {
        std::fs::write(self.dir.path().join("config.toml"), text).unwrap();
        self
    }

    fn run(&self, args: &[&str]) -> Output {
        let config = self.dir.path().join("config.toml");
        if !config.exists() {
            std::fs::write(&config, "").unwrap();
        }
        let mut command = Command::new(BIN);
        command
            .args(args)
            .arg("--data-dir")
            .arg(self.dir.path().join("data"))
            .arg("--config")
            .arg(&config);
        if let Some(library) = &self.library {
            command.arg("--library").arg(library);
        }
        command.output().unwrap()
    }

    /// The ids `list --query QUERY --json` prints, in order.
    fn ids(&self, query: &str, extra: &[&str]) -> Vec<String> {
        let mut args = vec!["list", "--json", "--query", query];
        args.extend_from_slice(extra);
        let out = self.run(&args);
        assert!(
            out.status.success(),
            "{query:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        rows.as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect()
    }
}

const BUDGET: &str = "0b519ed9daddae93";
const FERRY: &str = "f7ddc97c7b6419a2";
const HARBOR: &str = "bcebfc36875b300a";

#[test]
fn fields_words_and_read_marks_through_the_index() {
    let env = Env::fixtures();
    assert!(env.run(&["mark-read", FERRY]).status.success());
    let cases: &[(&str, &[&str])] = &[
        ("person:castellanos and not unread", &[FERRY]),
        ("person:castellanos", &[FERRY, HARBOR]),
        ("crossings or budget", &[BUDGET, FERRY]),
        ("-crossings", &[BUDGET, HARBOR]),
        ("sched", &[FERRY, HARBOR]),
        ("\"ferry schedule\" -sicily", &[HARBOR]),
        ("newsletter:quay -place:tunis", &[FERRY]),
        ("place:valletta and after:2025-11-04", &[FERRY]),
        (
            "before:2025-11-05 or newsletter:dockside",
            &[BUDGET, HARBOR],
        ),
    ];
    for (query, expected) in cases {
        assert_eq!(env.ids(query, &[]), *expected, "{query:?}");
    }
    // --unread is and-ed with the query.
    assert_eq!(env.ids("person:castellanos", &["--unread"]), [HARBOR]);
}

#[test]
fn a_bad_query_exits_2_with_a_caret_under_the_word() {
    let env = Env::fixtures();
    let out = env.run(&["list", "--query", "ferry persn:castellanos"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.ends_with(
            "gazette: bad query: unknown field 'persn:' (did you mean person:?)\n  \
             ferry persn:castellanos\n        ^^^^^^\n"
        ),
        "{stderr}"
    );
    let out = env.run(&["list", "--query", "(ferry or budget"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.ends_with("')' missing for '(' at column 1\n  (ferry or budget\n  ^\n"),
        "{stderr}"
    );
}

#[test]
fn saved_queries_run_by_name_and_bad_ones_are_config_errors() {
    let env = Env::fixtures();
    env.config("[queries]\nquay = \"newsletter:quay and not crossings\"\n");
    assert_eq!(env.ids("@quay", &[]), [HARBOR]);
    let out = env.run(&["list", "--query", "@nope"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("no saved query named 'nope' (saved: @quay)"),
        "{stderr}"
    );
    env.config("[ui]\nsidebar_width = 20\n\n[queries]\nok = \"ferry\"\nbad = \"ferry and\"\n");
    let out = env.run(&["list"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("config.toml:6:14: saved query 'bad': expected a word after 'and'"),
        "{stderr}"
    );
}

#[test]
fn samples_person_and_not_unread() {
    let env = Env::samples();
    let read = ["43f12cbc9aa8e323", "3064a3068dfd1e82", "4278468175e403c9"];
    let mut args = vec!["mark-read"];
    args.extend(read);
    assert!(env.run(&args).status.success());
    assert_eq!(
        env.ids("person:halvorsen and not unread", &[]),
        ["43f12cbc9aa8e323", "3064a3068dfd1e82"]
    );
    assert_eq!(
        env.ids(
            "person:\"Martin Halvorsen\" -unread newsletter:ceasefire",
            &[]
        ),
        ["43f12cbc9aa8e323", "3064a3068dfd1e82"]
    );
}
