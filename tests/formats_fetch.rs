//! Feed fetching and import against an HTTP server on 127.0.0.1 that each
//! test starts itself (port picked at run time): conditional GET, a failing
//! feed reported with its URL while the others load, no duplicates, and
//! nothing saved changed by a failure.
#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::thread;

use gazette::store::db::Db;
use gazette::store::fetch::fetch_feeds;
use gazette::store::import::import_sources;
use gazette::store::load::load_paths;

const BIN: &str = env!("CARGO_BIN_EXE_gazette");

const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>River Dispatch</title>
<item><title>Bridge reopens</title><guid>bridge-1</guid>
<pubDate>Tue, 12 Mar 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;The old bridge at Weston reopened.&lt;/p&gt;</description></item>
<item><title>Flood warning lifted</title><guid>flood-1</guid>
<pubDate>Mon, 11 Mar 2024 08:00:00 GMT</pubDate>
<description>The warning for the valley was lifted.</description></item>
</channel></rss>"#;

const PAGE: &str = r#"<!DOCTYPE html><html><head>
<meta property="og:title" content="Orchard record"><meta property="og:site_name" content="Valley Gazette">
<meta property="article:published_time" content="2024-03-15T06:30:00Z"></head>
<body><article><p>Growers picked more apples than ever.</p></article></body></html>"#;

/// A server answering canned responses; records each request's first line
/// and its `If-None-Match` header.
struct Server {
    base: String,
    log: Arc<Mutex<Vec<String>>>,
}

fn serve() -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let log = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&log);
    thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut first = String::new();
            reader.read_line(&mut first).unwrap();
            let mut etag = None;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap() == 0 || line.trim().is_empty() {
                    break;
                }
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("if-none-match:") {
                    etag = Some(v.trim().to_string());
                }
            }
            let path = first.split_whitespace().nth(1).unwrap_or("/").to_string();
            seen.lock()
                .unwrap()
                .push(format!("{path} {}", etag.clone().unwrap_or_default()));
            let (status, headers, body) = match path.as_str() {
                "/river.xml" if etag.as_deref() == Some("\"v1\"") => ("304 Not Modified", "", ""),
                "/river.xml" => (
                    "200 OK",
                    "ETag: \"v1\"\r\nContent-Type: application/rss+xml\r\n",
                    RSS,
                ),
                "/page" => ("200 OK", "Content-Type: text/html\r\n", PAGE),
                "/garbage.xml" => ("200 OK", "", "<rss><channel><title>cut"),
                _ => ("500 Internal Server Error", "", "oops"),
            };
            let response = format!(
                "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = stream.write_all(response.as_bytes());
        }
    });
    Server { base, log }
}

fn listing(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn failing_feed_is_reported_and_the_others_load_then_304_adds_nothing() {
    let server = serve();
    let lib = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let db = Db::open(data.path()).unwrap();
    let river = format!("{}/river.xml", server.base);
    let broken = format!("{}/broken.xml", server.base);
    let urls = vec![broken.clone(), river.clone()];
    let mut known = HashSet::new();
    let mut progress = Vec::new();
    let report = fetch_feeds(&urls, lib.path(), Some(&db), &mut known, &mut |p| {
        progress.push((p.current, p.total))
    });
    assert_eq!(progress, [(1, 2), (2, 2)]);
    assert_eq!(report.added.len(), 2);
    assert_eq!(report.failures.len(), 1);
    assert_eq!(report.failures[0].0, broken);
    assert!(
        report.failures[0].1.contains("500"),
        "{:?}",
        report.failures
    );

    let loaded = load_paths(&[lib.path().to_path_buf()]);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let mut titles: Vec<_> = loaded.items.iter().map(|i| i.title.clone()).collect();
    titles.sort();
    assert_eq!(titles, ["Bridge reopens", "Flood warning lifted"]);
    let ids: HashSet<_> = loaded.items.iter().map(|i| i.id.clone()).collect();
    assert_eq!(ids, known, "saved files keep the feed ids");
    assert!(
        loaded
            .items
            .iter()
            .all(|i| i.newsletter.as_deref() == Some("River Dispatch"))
    );

    let before = listing(lib.path());
    let again = fetch_feeds(&urls, lib.path(), Some(&db), &mut known, &mut |_| {});
    assert_eq!((again.added.len(), again.unchanged), (0, 1));
    assert_eq!(
        listing(lib.path()),
        before,
        "a second fetch changes nothing"
    );
    let log = server.log.lock().unwrap().clone();
    assert_eq!(
        log.iter()
            .filter(|l| l.starts_with("/river.xml"))
            .collect::<Vec<_>>(),
        ["/river.xml ", "/river.xml \"v1\""],
        "the second GET is conditional"
    );
}

#[test]
fn without_validators_a_refetch_skips_known_ids_and_failures_change_nothing() {
    let server = serve();
    let lib = tempfile::tempdir().unwrap();
    let river = format!("{}/river.xml", server.base);
    let mut known = HashSet::new();
    let first = fetch_feeds(
        std::slice::from_ref(&river),
        lib.path(),
        None,
        &mut known,
        &mut |_| {},
    );
    assert_eq!(first.added.len(), 2);
    let before = listing(lib.path());
    // Ids come from the library on disk, as the CLI and the reader do.
    let mut known: HashSet<_> = load_paths(&[lib.path().to_path_buf()])
        .items
        .into_iter()
        .map(|i| i.id)
        .collect();
    let second = fetch_feeds(&[river], lib.path(), None, &mut known, &mut |_| {});
    assert_eq!((second.added.len(), second.duplicates), (0, 2));
    let garbage = format!("{}/garbage.xml", server.base);
    let bad = fetch_feeds(
        std::slice::from_ref(&garbage),
        lib.path(),
        None,
        &mut known,
        &mut |_| {},
    );
    assert_eq!(bad.failures.len(), 1);
    assert!(
        bad.failures[0].1.contains("not a readable feed"),
        "{:?}",
        bad.failures
    );
    assert_eq!(listing(lib.path()), before);
    // A port this test opened and closed again: nothing listens there.
    let closed = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let refused = fetch_feeds(
        &[format!("http://{closed}/feed.xml")],
        lib.path(),
        None,
        &mut known,
        &mut |_| {},
    );
    assert_eq!(refused.failures.len(), 1);
    assert_eq!(listing(lib.path()), before);
}

#[test]
fn import_copies_from_urls_and_paths_once() {
    let server = serve();
    let lib = tempfile::tempdir().unwrap();
    let sources = vec![
        format!("{}/page", server.base),
        "tests/fixtures/formats/mail/archive.mbox".to_string(),
    ];
    let mut known = HashSet::new();
    let report = import_sources(&sources, lib.path(), &mut known);
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    assert_eq!(report.added.len(), 3);
    let again = import_sources(&sources, lib.path(), &mut known);
    assert_eq!((again.added.len(), again.duplicates), (0, 3));
    let loaded = load_paths(&[lib.path().to_path_buf()]);
    let page = loaded
        .items
        .iter()
        .find(|i| i.title == "Orchard record")
        .unwrap();
    assert_eq!(page.newsletter.as_deref(), Some("Valley Gazette"));
    assert_eq!(page.date.unwrap().to_string(), "2024-03-15");
}

fn gazette(args: &[&str], config: &Path, lib: &Path, data: &Path) -> std::process::Output {
    Command::new(BIN)
        .arg("--config")
        .arg(config)
        .arg("--library")
        .arg(lib)
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn cli_fetch_exits_1_naming_the_failing_url_and_import_never_duplicates() {
    let server = serve();
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    std::fs::create_dir(&lib).unwrap();
    let data = dir.path().join("data");
    let config = dir.path().join("config.toml");
    let broken = format!("{}/gone.xml", server.base);
    std::fs::write(
        &config,
        format!(
            "[[feed]]\nurl = \"{}/river.xml\"\n\n[[feed]]\nurl = \"{broken}\"\n",
            server.base
        ),
    )
    .unwrap();
    let out = gazette(&["fetch"], &config, &lib, &data);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(&broken), "{stderr}");
    let list = gazette(&["list", "--json"], &config, &lib, &data);
    let rows: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 2);

    let eml = "tests/fixtures/formats/mail/multipart-qp.eml";
    let first = gazette(&["import", eml], &config, &lib, &data);
    assert_eq!(
        first.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let second = gazette(&["import", eml], &config, &lib, &data);
    assert_eq!(second.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&second.stderr).contains("imported 0 items, 1 already"));
    let list = gazette(&["list", "--json"], &config, &lib, &data);
    let rows: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 3);
}
