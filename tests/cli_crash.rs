//! Read marks through the real binary: `gazette mark-read` killed with
//! SIGKILL at seeded random moments, two `gazette` processes marking at
//! once, and a damaged database met at start. Every mark a command
//! acknowledged (exit 0) must be there afterwards, the database must pass
//! `PRAGMA integrity_check`, and nothing may fail with "database is locked".
#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::thread;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_gazette");
const ITEMS: usize = 40;
/// Kills of `mark-read --all`.
const ALL_ROUNDS: usize = 8;
/// Items each of the two concurrent processes marks.
const PER_PROCESS: usize = 12;

/// A library of small Markdown items, a data folder and an empty config.
struct Setup {
    dir: tempfile::TempDir,
}

impl Setup {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let lib = dir.path().join("lib");
        fs::create_dir_all(&lib).unwrap();
        for n in 0..ITEMS {
            let text = format!(
                "+++\ntitle = \"Crash item {n}\"\nnewsletter = \"Crash Notes\"\n\
                 date = 2025-10-{:02}\n+++\n\nShort story {n} about the harbour.\n",
                n % 28 + 1
            );
            fs::write(lib.join(format!("item{n:02}.md")), text).unwrap();
        }
        fs::write(dir.path().join("config.toml"), "").unwrap();
        Self { dir }
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn command(&self, data: &Path, args: &[&str]) -> Command {
        let mut command = Command::new(BIN);
        command
            .arg("--library")
            .arg(self.dir.path().join("lib"))
            .arg("--data-dir")
            .arg(data)
            .arg("--config")
            .arg(self.dir.path().join("config.toml"))
            .args(args);
        command
    }

    fn run(&self, data: &Path, args: &[&str]) -> Output {
        self.command(data, args).output().unwrap()
    }

    /// Every item id, and the ids marked read.
    fn ids(&self, data: &Path) -> (Vec<String>, BTreeSet<String>) {
        let out = self.run(data, &["list", "--json"]);
        assert!(out.status.success(), "{out:?}");
        let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let rows = rows.as_array().unwrap();
        let all = rows
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect();
        let read = rows
            .iter()
            .filter(|r| r["read"].as_bool() == Some(true))
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect();
        (all, read)
    }
}

fn integrity(data: &Path) -> String {
    let conn = rusqlite::Connection::open(data.join("gazette.db")).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

/// A small seeded generator (xorshift64*), so failures can be replayed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n
    }
}

/// Runs `command`, killing it with SIGKILL after `after` unless it ended;
/// returns whether it finished with success on its own.
fn run_and_kill(mut command: Command, after: Duration) -> bool {
    let mut child = command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while start.elapsed() < after {
        if let Some(status) = child.try_wait().unwrap() {
            return status.success();
        }
        thread::sleep(Duration::from_millis(2));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    false
}

#[test]
fn mark_read_killed_at_random_moments_keeps_every_acknowledged_mark() {
    let setup = Setup::new();
    let data = setup.data();
    // Index once, and learn how long one command takes here.
    let clock = Instant::now();
    let (ids, _) = setup.ids(&data);
    let typical = clock.elapsed().as_millis().max(50) as u64;
    assert_eq!(ids.len(), ITEMS);
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let mut acked = HashSet::new();
    let mut unacked = 0;
    let rounds = 24;
    for round in 0..rounds {
        let id = &ids[round % ITEMS];
        // Kill anywhere from start-up to just after the write.
        let after = Duration::from_millis(rng.below(typical * 2));
        if run_and_kill(setup.command(&data, &["mark-read", id]), after) {
            acked.insert(id.clone());
        } else {
            unacked += 1;
        }
    }
    assert_eq!(integrity(&data), "ok");
    let (_, read) = setup.ids(&data);
    for id in &acked {
        assert!(read.contains(id), "acknowledged mark {id} lost");
    }
    assert!(
        !acked.is_empty() && unacked > 0,
        "the kills should land both before and after some writes: {} acked, {unacked} killed",
        acked.len()
    );
    eprintln!(
        "{rounds} runs of mark-read, {unacked} killed, {} acknowledged marks checked",
        acked.len()
    );
}

#[test]
fn mark_read_all_killed_is_all_or_nothing() {
    let setup = Setup::new();
    let template = setup.data();
    let clock = Instant::now();
    let (ids, _) = setup.ids(&template);
    let typical = clock.elapsed().as_millis().max(50) as u64;
    let mut rng = Rng(0x5eed_1234_abcd_0002);
    let (mut all, mut none) = (0, 0);
    for round in 0..ALL_ROUNDS {
        let data = setup.dir.path().join(format!("data{round}"));
        fs::create_dir_all(&data).unwrap();
        fs::copy(template.join("gazette.db"), data.join("gazette.db")).unwrap();
        let after = Duration::from_millis(rng.below(typical * 2));
        let done = run_and_kill(setup.command(&data, &["mark-read", "--all"]), after);
        assert_eq!(integrity(&data), "ok", "round {round}");
        let (_, read) = setup.ids(&data);
        if done {
            assert_eq!(
                read.len(),
                ids.len(),
                "round {round}: acknowledged, not all read"
            );
        } else {
            assert!(
                read.is_empty() || read.len() == ids.len(),
                "round {round}: a killed batch left {} of {} read",
                read.len(),
                ids.len()
            );
        }
        if read.is_empty() { none += 1 } else { all += 1 }
    }
    eprintln!("{ALL_ROUNDS} runs of mark-read --all: {all} all read, {none} none read, never part");
}

#[test]
fn two_processes_marking_at_once_lose_nothing_and_never_lock() {
    let setup = Setup::new();
    let data = setup.data();
    let (ids, _) = setup.ids(&data);
    let halves: Vec<Vec<String>> = vec![
        ids[..PER_PROCESS].to_vec(),
        ids[PER_PROCESS..2 * PER_PROCESS].to_vec(),
    ];
    let expected: BTreeSet<String> = thread::scope(|scope| {
        let workers: Vec<_> = halves
            .iter()
            .map(|mine| {
                let (setup, data) = (&setup, &data);
                scope.spawn(move || {
                    let mut left_read = BTreeSet::new();
                    for (n, id) in mine.iter().enumerate() {
                        // Some back and forth, so writes interleave more.
                        let steps: &[&str] = if n % 4 == 0 {
                            &["mark-read", "mark-unread", "mark-read"]
                        } else if n % 4 == 1 {
                            &["mark-read", "mark-unread"]
                        } else {
                            &["mark-read"]
                        };
                        for step in steps {
                            let out = setup.run(data, &[step, id]);
                            let stderr = String::from_utf8_lossy(&out.stderr);
                            assert!(!stderr.contains("locked"), "{step} {id}: {stderr}");
                            assert!(out.status.success(), "{step} {id}: {stderr}");
                        }
                        if steps.last() == Some(&"mark-read") {
                            left_read.insert(id.clone());
                        }
                    }
                    left_read
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect()
    });
    let (_, read) = setup.ids(&data);
    assert_eq!(read, expected);
    assert_eq!(integrity(&data), "ok");
    eprintln!("2 processes, {} marks checked", expected.len());
}

/// A way to damage the database file.
type Damage = fn(&Path);

#[test]
fn a_damaged_database_at_start_is_moved_aside_with_its_marks_recovered() {
    let setup = Setup::new();
    let data = setup.data();
    let (ids, _) = setup.ids(&data);
    let marked: Vec<&str> = ids.iter().take(5).map(String::as_str).collect();
    let mut args = vec!["mark-read"];
    args.extend(&marked);
    assert!(setup.run(&data, &args).status.success());
    let db = data.join("gazette.db");
    let cases: &[(&str, Damage)] = &[
        ("garbage page at the end", |db| {
            let mut bytes = fs::read(db).unwrap();
            let len = bytes.len();
            bytes[len - 4096..].fill(0xa5);
            fs::write(db, bytes).unwrap();
        }),
        ("truncated by a page", |db| {
            let len = fs::metadata(db).unwrap().len();
            fs::OpenOptions::new()
                .write(true)
                .open(db)
                .unwrap()
                .set_len(len - 4096)
                .unwrap();
        }),
    ];
    for (name, damage) in cases {
        damage(&db);
        let out = setup.run(&data, &["list", "--json"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{name}: {stderr}");
        assert!(stderr.contains("was damaged"), "{name}: {stderr}");
        let moved: Vec<PathBuf> = fs::read_dir(&data)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                let n = p.file_name().unwrap().to_string_lossy().into_owned();
                n.starts_with("gazette.db.corrupt-") && !n.ends_with("-wal") && !n.ends_with("-shm")
            })
            .collect();
        assert!(
            moved
                .iter()
                .any(|p| stderr.contains(&p.display().to_string())),
            "{name}: no moved file named in {stderr}"
        );
        assert!(
            stderr.contains("Recovered 5 read marks"),
            "{name}: {stderr}"
        );
        let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let read: BTreeSet<&str> = rows
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["read"].as_bool() == Some(true))
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        assert_eq!(read, marked.iter().copied().collect(), "{name}");
        assert_eq!(integrity(&data), "ok", "{name}");
    }
}
