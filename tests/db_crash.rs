//! Marks survive `kill -9`: child processes (this test binary re-run with an
//! environment variable) write marks in a loop, printing each id once
//! `set_read` has returned; they are killed with SIGKILL at seeded random
//! moments. Afterwards every acknowledged id must be read and the file must
//! pass `PRAGMA integrity_check`.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers: a failed unwrap is a failed test"
)]

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use gazette::model::{Item, ItemId};
use gazette::store::db::Db;

/// Set in a child: `<data dir>|<id prefix>`.
const HELPER_ENV: &str = "GAZETTE_DB_CRASH_HELPER";
const ROUNDS: usize = 30;
const CHILDREN: usize = 2;

/// The child's side; does nothing in a normal test run.
#[test]
fn crash_helper() {
    let Ok(spec) = std::env::var(HELPER_ENV) else {
        return;
    };
    let (dir, prefix) = spec.split_once('|').unwrap();
    let db = Db::open(Path::new(dir)).unwrap();
    let mut out = std::io::stdout().lock();
    let deadline = Instant::now() + Duration::from_secs(10);
    for n in 0.. {
        if Instant::now() > deadline {
            break;
        }
        let id = ItemId(format!("{prefix}-{n}"));
        if n % 5 == 0 {
            // Some churn in the cache, so kills land inside bigger writes too.
            let item = Item {
                id: id.clone(),
                title: "Crash test".repeat(50),
                newsletter: None,
                publisher: None,
                date: None,
                author: None,
                url: None,
                tags: vec![],
                blocks: vec![],
                source: PathBuf::from("crash.txt"),
            };
            db.store_file(Path::new(&format!("{prefix}.txt")), n, 1, &[(item, vec![])])
                .unwrap();
        }
        if n % 3 == 0 {
            db.set_read(std::slice::from_ref(&id), false).unwrap();
        }
        db.set_read(std::slice::from_ref(&id), true).unwrap();
        writeln!(out, "ACK {id}").unwrap();
        out.flush().unwrap();
    }
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

fn spawn_child(dir: &Path, prefix: &str) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "crash_helper",
            "--exact",
            "--nocapture",
            "--test-threads=1",
            "-q",
        ])
        .env(HELPER_ENV, format!("{}|{prefix}", dir.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Reads a child's acknowledgements until its pipe closes; a line cut by
/// the kill (no newline) does not count.
fn acknowledged(child: &mut Child) -> thread::JoinHandle<Vec<ItemId>> {
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    thread::spawn(move || {
        let mut ids = Vec::new();
        let mut line = String::new();
        while stdout.read_line(&mut line).unwrap_or(0) > 0 {
            if let Some(id) = line.strip_suffix('\n').and_then(|l| l.strip_prefix("ACK ")) {
                ids.push(ItemId(id.to_owned()));
            }
            line.clear();
        }
        ids
    })
}

#[test]
fn acknowledged_marks_survive_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut acked: HashSet<ItemId> = HashSet::new();
    let clock = Instant::now();
    for round in 0..ROUNDS {
        let mut children: Vec<Child> = (0..CHILDREN)
            .map(|c| spawn_child(dir.path(), &format!("r{round}c{c}")))
            .collect();
        let readers: Vec<_> = children.iter_mut().map(acknowledged).collect();
        for child in &mut children {
            thread::sleep(Duration::from_millis(5 + rng.below(150)));
            // Child::kill sends SIGKILL on Unix: the same as `kill -9`.
            child.kill().unwrap();
            child.wait().unwrap();
        }
        for reader in readers {
            acked.extend(reader.join().unwrap());
        }
    }
    let elapsed = clock.elapsed();
    assert!(
        acked.len() > 100,
        "too few writes to mean much: {}",
        acked.len()
    );

    let db = Db::open(dir.path()).unwrap();
    let read = db.read_ids().unwrap();
    let lost: Vec<&ItemId> = acked.iter().filter(|id| !read.contains(*id)).collect();
    assert!(
        lost.is_empty(),
        "{} acknowledged marks lost, e.g. {:?}",
        lost.len(),
        lost.first()
    );
    let conn = rusqlite::Connection::open(db.path()).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    eprintln!(
        "{ROUNDS} rounds x {CHILDREN} processes killed, {} acknowledged marks checked, {elapsed:?}",
        acked.len()
    );
}
