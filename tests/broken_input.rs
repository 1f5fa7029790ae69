//! Broken and hostile files next to good ones: each bad file gets a warning
//! naming it (and its line where there is one), the good items still load,
//! nothing in the library folder changes, and time and memory stay bounded.
//! One test function, run in order, so the memory high-water mark read from
//! `/proc/self/status` belongs to this work alone.
#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use std::collections::BTreeMap;
use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use gazette::store::load::{load_file, load_paths};

const BIN: &str = env!("CARGO_BIN_EXE_gazette");

/// A bad file: name, contents, what its warning must say, its line.
struct Case {
    name: &'static str,
    bytes: Vec<u8>,
    says: &'static str,
    line: Option<usize>,
}

fn case(name: &'static str, bytes: impl Into<Vec<u8>>, says: &'static str) -> Case {
    Case {
        name,
        bytes: bytes.into(),
        says,
        line: None,
    }
}

fn cases() -> Vec<Case> {
    let deep_quote = format!(
        "+++\ntitle = \"Deep\"\ndate = 2025-01-02\n+++\n\n{}text\n",
        "> ".repeat(50_000)
    );
    let brackets = format!(
        "+++\ntitle = \"Brackets\"\ndate = 2025-01-03\n+++\n\n{}\n",
        "[".repeat(300_000)
    );
    let nested_html = format!(
        "<!DOCTYPE html>\n{}x{}",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let entity_bomb = concat!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE r [\n<!ENTITY a \"aaaaaaaaaa\">\n",
        "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n",
        "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n",
        "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n]>\n<rss><channel><title>&d;</title></channel></rss>\n"
    );
    let mut invalid = b"A line of text about the harbour.\nMore text \xff\xfe here.\n".to_vec();
    invalid.extend(b"And a last line.\n");
    vec![
        case("empty.txt", "", "empty file"),
        case("blank.md", "  \n\n\t\n", "empty file"),
        case(
            "binary.txt",
            [0x7f, b'E', b'L', b'F', 2, 1, 0, 0, 0, 9],
            "binary file",
        ),
        case("invalid-utf8.txt", invalid, "invalid UTF-8 at byte 44"),
        Case {
            line: Some(2),
            ..case(
                "bad-front.md",
                "+++\ntitle = \"never closed\ndate = 2025-01-01\n+++\n\nBody.\n",
                "malformed front matter",
            )
        },
        case(
            "unclosed-front.md",
            "+++\ntitle = \"Open\"\n\nNo closing line at all.\n",
            "front matter",
        ),
        case("deep-quote.md", deep_quote, ""),
        case("brackets.md", brackets, ""),
        case(
            "nested.html",
            nested_html,
            "nested more than 256 levels deep",
        ),
        // Custom entities are never expanded: the feed's title stays short.
        case("bomb.xml", entity_bomb, ""),
        case(
            "truncated.mbox",
            "From desk@example.org Mon Jan  1 00:00:00 2025\nSubject: Cut",
            "",
        ),
    ]
}

/// A hash of every file's path, length, contents and modification time.
fn fingerprint(dir: &Path) -> u64 {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            let meta = fs::symlink_metadata(&path).unwrap();
            if meta.is_dir() {
                stack.push(path);
            } else if meta.is_file() && meta.len() < 1_000_000 {
                let bytes = fs::read(&path).unwrap();
                files.insert(path, (meta.len(), meta.modified().unwrap(), bytes));
            } else {
                files.insert(path, (meta.len(), meta.modified().unwrap(), vec![]));
            }
        }
    }
    let mut hasher = DefaultHasher::new();
    files.hash(&mut hasher);
    hasher.finish()
}

/// Peak resident memory of this process so far, in kB (Linux only).
fn peak_kb() -> Option<u64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn broken_files_warn_by_name_the_rest_loads_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    fs::create_dir_all(&lib).unwrap();

    // 1. A 50 MB file (sparse: no disk used) is refused by its size without
    //    being read: fast, and the memory peak does not move by 50 MB.
    let huge = lib.join("huge.txt");
    fs::File::create(&huge)
        .unwrap()
        .set_len(50 * 1024 * 1024)
        .unwrap();
    let before = peak_kb();
    let clock = Instant::now();
    let loaded = load_file(&huge);
    let huge_time = clock.elapsed();
    let after = peak_kb();
    assert!(loaded.items.is_empty());
    assert!(
        loaded.warnings[0].message.contains("file too large"),
        "{:?}",
        loaded.warnings
    );
    assert!(huge_time < Duration::from_secs(1), "{huge_time:?}");
    if let (Some(before), Some(after)) = (before, after) {
        assert!(
            after - before < 10 * 1024,
            "peak rose from {before} kB to {after} kB"
        );
    }

    // 2. The table of bad files, with good ones beside them.
    fs::write(
        lib.join("good.md"),
        "+++\ntitle = \"Good item\"\nnewsletter = \"Quay Notes\"\ndate = 2025-02-01\n+++\n\nFine.\n",
    )
    .unwrap();
    fs::write(
        lib.join("good.txt"),
        "Harbour talks resume\n\nThe harbour talks resumed on Monday in Valletta.\n",
    )
    .unwrap();
    let cases = cases();
    for case in &cases {
        fs::write(lib.join(case.name), &case.bytes).unwrap();
    }
    // A FIFO in the folder must not block the scan.
    let fifo = Command::new("mkfifo").arg(lib.join("pipe.txt")).status();
    let before = fingerprint(&lib);
    let clock = Instant::now();
    let loaded = load_paths(std::slice::from_ref(&lib));
    let table_time = clock.elapsed();
    let titles: Vec<&str> = loaded.items.iter().map(|i| i.title.as_str()).collect();
    assert!(titles.contains(&"Good item"), "{titles:?}");
    assert!(titles.contains(&"Harbour talks resume"), "{titles:?}");
    for case in &cases {
        let path = lib.join(case.name);
        let warning = loaded.warnings.iter().find(|w| w.path == path);
        if case.says.is_empty() {
            // Deep nesting is not an error: it loads, in bounded time.
            assert!(
                loaded.items.iter().any(|i| i.source == path) || warning.is_some(),
                "{}: neither loaded nor warned",
                case.name
            );
            continue;
        }
        let warning =
            warning.unwrap_or_else(|| panic!("{}: no warning in {:?}", case.name, loaded.warnings));
        assert!(
            warning.message.contains(case.says),
            "{}: {warning}",
            case.name
        );
        if case.line.is_some() {
            assert_eq!(warning.line, case.line, "{}: {warning}", case.name);
        }
        assert!(warning.to_string().contains(case.name), "{warning}");
    }
    assert!(table_time < Duration::from_secs(20), "{table_time:?}");
    if fifo.is_ok_and(|s| s.success()) {
        assert!(!loaded.items.iter().any(|i| i.source.ends_with("pipe.txt")));
    }

    // 3. The binary says the same on standard error, exits 0, lists the
    //    good items, and changes nothing in the library.
    let data = dir.path().join("data");
    let config = dir.path().join("config.toml");
    fs::write(&config, "").unwrap();
    let out = Command::new(BIN)
        .args(["list", "--json", "--library"])
        .arg(&lib)
        .arg("--data-dir")
        .arg(&data)
        .arg("--config")
        .arg(&config)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    for name in [
        "huge.txt",
        "empty.txt",
        "binary.txt",
        "bad-front.md:2",
        "invalid-utf8.txt",
    ] {
        assert!(stderr.contains(name), "{name} not in {stderr}");
    }
    assert!(String::from_utf8_lossy(&out.stdout).contains("Good item"));
    assert_eq!(fingerprint(&lib), before, "the library folder changed");

    // 4. A malformed config: exit 2, file and line named, nothing written.
    let bad = dir.path().join("bad.toml");
    fs::write(&bad, "[ui]\nlist_percent = 50\ndate_format = \"%Y\n").unwrap();
    let out = Command::new(BIN)
        .args(["list", "--library"])
        .arg(&lib)
        .arg("--data-dir")
        .arg(dir.path().join("data2"))
        .arg("--config")
        .arg(&bad)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!("{}:3:", bad.display())),
        "{stderr}"
    );
    assert!(
        !dir.path().join("data2").exists(),
        "a bad config still created the data folder"
    );
    assert_eq!(fingerprint(&lib), before);

    // 5. No quadratic blow-up: a 15 MB text on one line loads in bounded
    //    time (a generous bound for a debug build on a shared machine).
    let one_line = dir.path().join("one-line.txt");
    let mut text = String::from("Harbour report\n\n");
    while text.len() < 15 * 1024 * 1024 {
        text.push_str("The envoy met the mayor of Valletta on the quay. ");
    }
    fs::write(&one_line, &text).unwrap();
    let clock = Instant::now();
    let loaded = load_file(&one_line);
    let long_time = clock.elapsed();
    assert_eq!(loaded.items.len(), 1, "{:?}", loaded.warnings);
    assert!(long_time < Duration::from_secs(20), "{long_time:?}");
    eprintln!(
        "50 MB refused in {huge_time:?}; {} bad files + 2 good in {table_time:?}; \
         15 MB one line in {long_time:?}",
        cases.len()
    );
}
