//! Loading files and folders: format dispatch, hostile and broken input,
//! folder scans, size limits, duplicates and file stamps.

#![allow(clippy::unwrap_used)] // the whole file is tests

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chrono::{DateTime, Local, NaiveDate};
use gazette::store::load::{MAX_FILE_BYTES, file_stamp, load_paths, parse_bytes};

const STORY: &str = "Harbor cranes stand idle\n\nTuesday, March 5, 2024\n\nDock workers kept the cranes idle on Monday.\n";

#[test]
fn dispatch_by_content_then_extension() {
    // (file name, bytes, items, words in the one warning, title)
    type Case = (
        &'static str,
        &'static [u8],
        usize,
        Option<&'static str>,
        Option<&'static str>,
    );
    let cases: &[Case] = &[
        (
            "front.txt",
            b"+++\ntitle = \"From front matter\"\n+++\n\nBody.\n",
            1,
            None,
            Some("From front matter"),
        ),
        (
            "plain.md",
            b"Seals return to the sandbank. More text.\n",
            1,
            None,
            Some("Seals return to the sandbank"),
        ),
        (
            "noext",
            STORY.as_bytes(),
            1,
            None,
            Some("Harbor cranes stand idle"),
        ),
        (
            "story.TXT",
            STORY.as_bytes(),
            1,
            None,
            Some("Harbor cranes stand idle"),
        ),
        (
            "mail.eml",
            b"Subject: hi\n\nBody\n",
            0,
            Some("format not supported yet"),
            None,
        ),
        (
            "page.txt",
            b"<!DOCTYPE html>\n<html></html>\n",
            0,
            Some("format not supported yet"),
            None,
        ),
        (
            "feed.xml",
            b"<?xml version=\"1.0\"?><rss/>\n",
            0,
            Some("format not supported yet"),
            None,
        ),
        (
            "saved.txt",
            b"Received: from mail.example.org\nSubject: x\n\nBody\n",
            0,
            Some("e-mail"),
            None,
        ),
        (
            "doc.pdf",
            b"%PDF-1.7 text\n",
            0,
            Some("format not supported yet"),
            None,
        ),
        ("empty.txt", b"  \n\n\t\n", 0, Some("empty"), None),
        ("nul.txt", b"abc\0def", 0, Some("binary"), None),
        (
            "latin1.txt",
            b"Caf\xe9 opens on the pier. It serves fish.\n",
            1,
            Some("invalid UTF-8"),
            Some("Caf\u{fffd} opens on the pier"),
        ),
    ];
    for (name, bytes, items, warning, title) in cases {
        let path = Path::new("lib").join(name);
        let loaded = parse_bytes(bytes, &path, None);
        assert_eq!(loaded.items.len(), *items, "{name}: {:?}", loaded.warnings);
        match warning {
            Some(words) => {
                assert_eq!(loaded.warnings.len(), 1, "{name}: {:?}", loaded.warnings);
                assert_eq!(loaded.warnings[0].path, path, "{name}");
                assert!(
                    loaded.warnings[0].message.contains(words),
                    "{name}: {}",
                    loaded.warnings[0]
                );
                assert!(
                    loaded.warnings[0].to_string().contains(name),
                    "{name}: warning names the file"
                );
            }
            None => assert!(loaded.warnings.is_empty(), "{name}: {:?}", loaded.warnings),
        }
        assert_eq!(
            loaded.items.first().map(|i| i.title.as_str()),
            *title,
            "{name}"
        );
    }
}

#[test]
fn escape_sequences_never_reach_an_item() {
    let text = "Envoy \x1b]52;c;ZWNobyBwd25lZA==\x07talks \x1b[1;31mresume\x1b[0m\u{202e}evil\u{202c}\n\n\
                Wednesday, March 6, 2024\n\n\
                The \x1b]0;title\x1b\\harbor board met \u{2066}on\u{2069} Tuesday.\x1bc \x1bP1$r\x1b\\Done.\n";
    let loaded = parse_bytes(text.as_bytes(), Path::new("nasty.txt"), None);
    let item = &loaded.items[0];
    assert_eq!(item.title, "Envoy talks resumeevil");
    assert_eq!(
        item.blocks[0].text(),
        "The harbor board met on Tuesday. Done."
    );
    for segment in item.segments() {
        assert!(!segment.chars().any(|c| c.is_control()), "{segment:?}");
        for bad in ['\u{202e}', '\u{202c}', '\u{2066}', '\u{2069}'] {
            assert!(!segment.contains(bad), "{segment:?}");
        }
        for residue in ["52;c;", "[1;31m", "[0m", "0;title"] {
            assert!(!segment.contains(residue), "{segment:?}");
        }
    }
    let md = "+++\ntitle = \"Bad \\u001b[31m title\"\n+++\n\nBody \x1b[2J text.\n";
    let loaded = parse_bytes(md.as_bytes(), Path::new("nasty.md"), None);
    let item = &loaded.items[0];
    assert_eq!(item.blocks[0].text(), "Body text.");
    assert!(
        !item.title.contains('\u{1b}'),
        "escapes written as TOML escapes are caught too: {:?}",
        item.title
    );
}

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn story(title: &str) -> String {
    format!("{title}\n\nTuesday, March 5, 2024\n\nBody of the story about {title}.\n")
}

#[test]
fn folder_scan_is_sorted_recursive_and_safe() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(&root.join("b.txt"), &story("Second story"));
    write(
        &root.join("a.md"),
        "+++\ntitle = \"First story\"\ndate = 2024-03-04\n+++\n\nBody.\n",
    );
    write(&root.join("sub/c.txt"), &story("Third story"));
    write(&root.join("dup.txt"), &story("Second story"));
    write(&root.join(".hidden/d.txt"), &story("Hidden story"));
    write(&root.join(".e.txt"), &story("Hidden file"));
    write(&root.join("image.png"), "not really a png");
    std::os::unix::fs::symlink(root, root.join("sub/loop")).unwrap();
    std::os::unix::fs::symlink(root.join("missing.txt"), root.join("dangling.txt")).unwrap();
    let big = File::create(root.join("big.txt")).unwrap();
    big.set_len(MAX_FILE_BYTES + 1).unwrap(); // sparse: nothing is written
    drop(big);

    let loaded = load_paths(&[root.to_path_buf(), root.join("nowhere")]);
    let sources: Vec<PathBuf> = loaded
        .items
        .iter()
        .map(|i| i.source.strip_prefix(root).unwrap().to_path_buf())
        .collect();
    assert_eq!(
        sources,
        [PathBuf::from("a.md"), "b.txt".into(), "sub/c.txt".into()]
    );
    let titles: Vec<&str> = loaded.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["First story", "Second story", "Third story"]);

    let warned = |file: &str, words: &str| {
        loaded
            .warnings
            .iter()
            .any(|w| w.path == root.join(file) && w.message.contains(words))
    };
    let size = (MAX_FILE_BYTES + 1).to_string();
    assert!(warned("big.txt", &size), "{:?}", loaded.warnings);
    assert!(
        warned("dup.txt", "b.txt"),
        "duplicate names the first: {:?}",
        loaded.warnings
    );
    assert!(
        warned("dangling.txt", "cannot read"),
        "{:?}",
        loaded.warnings
    );
    assert!(warned("nowhere", "cannot read"), "{:?}", loaded.warnings);
    assert_eq!(loaded.warnings.len(), 4, "{:?}", loaded.warnings);
}

#[test]
fn named_file_is_always_tried_and_fifo_refused() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("x.pdf");
    write(&pdf, "text");
    let loaded = load_paths(std::slice::from_ref(&pdf));
    assert!(
        loaded.warnings[0]
            .message
            .contains("format not supported yet")
    );
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        let loaded = load_paths(&[fifo]);
        assert!(loaded.warnings[0].message.contains("not a regular file"));
    }
}

#[test]
fn fallback_date_is_the_local_mtime_and_stamp_matches() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("undated.txt");
    write(
        &path,
        "Seals return to the sandbank. Volunteers counted them.\n",
    );
    let when = UNIX_EPOCH + Duration::from_secs(1_710_000_000) + Duration::from_nanos(123);
    File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(when)
        .unwrap();

    let loaded = load_paths(std::slice::from_ref(&path));
    let expected: NaiveDate = DateTime::<Local>::from(when).date_naive();
    assert_eq!(loaded.items[0].date, Some(expected));

    let (size, mtime_ns) = file_stamp(&path).unwrap();
    assert_eq!(size, fs::metadata(&path).unwrap().len());
    assert_eq!(mtime_ns, 1_710_000_000_000_000_123);
    assert_eq!(file_stamp(&dir.path().join("missing")), None);
    assert!(SystemTime::now() > when);
}
