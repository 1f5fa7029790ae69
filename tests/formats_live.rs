//! The live library: a reloaded library swapped into a running reader keeps
//! the selection, the article, the history and the read marks; and the
//! `[[feed]]` config entries and the `s` key.
#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod common;

use std::path::Path;

use common::feed;
use gazette::app::{Action, App, Effect, Focus};
use gazette::config::Config;
use gazette::library::Library;
use gazette::model::{Block, Item, ItemId};

fn item(id: &str, date: &str, title: &str) -> Item {
    Item {
        id: ItemId(id.into()),
        title: title.into(),
        newsletter: Some("Harbor Watch".into()),
        publisher: None,
        date: Some(date.parse().unwrap()),
        author: None,
        url: None,
        tags: vec![],
        blocks: vec![Block::Paragraph(format!("{title} text."))],
        source: format!("{id}.md").into(),
    }
}

fn library(items: &[Item]) -> Library {
    let bodies: Vec<gazette::library::Body> = items
        .iter()
        .map(|i| gazette::library::Body {
            item: i.clone(),
            entities: vec![],
        })
        .collect();
    Library::from_bodies(&bodies)
}

#[test]
fn replacing_the_library_keeps_place_history_and_marks() {
    let a = item("a", "2024-03-01", "Alpha");
    let b = item("b", "2024-03-02", "Bravo");
    let c = item("c", "2024-03-03", "Charlie");
    let mut app = App::new(
        library(&[a.clone(), b.clone(), c.clone()]),
        Default::default(),
        true,
    );
    // Newest first: Charlie, Bravo, Alpha. Open Bravo (marks it read).
    feed(&mut app, "j<enter>");
    assert_eq!(app.selected_id(), Some(ItemId("b".into())));
    assert!(app.is_read(&ItemId("b".into())));
    assert_eq!(app.focus(), Focus::Article);

    // A newer item arrives and Charlie's file is removed.
    let d = item("d", "2024-03-04", "Delta");
    app.replace_library(library(&[a.clone(), b.clone(), d.clone()]));
    assert_eq!(app.selected_id(), Some(ItemId("b".into())));
    let shown = app
        .article()
        .item
        .and_then(|i| app.library().row(i))
        .unwrap();
    assert_eq!(shown.title, "Bravo");
    assert!(app.is_read(&ItemId("b".into())));
    assert_eq!(app.focus(), Focus::Article);
    assert_eq!(app.library().len(), 3);

    // Back returns to the list, still on Bravo.
    feed(&mut app, "<bs>");
    assert_eq!(app.focus(), Focus::List);
    assert_eq!(app.selected_id(), Some(ItemId("b".into())));

    // The selected item itself removed: the selection stays in range.
    app.replace_library(library(&[a, d]));
    assert!(app.selected_id().is_some());
    let shown = app
        .article()
        .item
        .and_then(|i| app.library().row(i))
        .unwrap();
    assert_eq!(Some(shown.id()), app.selected_id());
    app.replace_library(Library::default());
    assert_eq!(app.selected_id(), None);
    assert_eq!(app.article().item, None);
}

#[test]
fn s_asks_for_a_refresh() {
    let a = item("a", "2024-03-01", "Alpha");
    let mut app = App::new(library(&[a]), Default::default(), true);
    assert_eq!(feed(&mut app, "s"), [Effect::Refresh]);
    assert_eq!(app.update(Action::Refresh), [Effect::Refresh]);
}

#[test]
fn feeds_are_read_from_the_config_and_bad_urls_refused() {
    let config = Config::from_user_text(
        Path::new("user.toml"),
        "[[feed]]\nurl = \"https://example.org/a.xml\"\n[[feed]]\nurl = \"https://example.org/a.xml\"\n",
    )
    .unwrap();
    let urls: Vec<_> = config.feeds.iter().map(|f| f.url.as_str()).collect();
    assert_eq!(urls, ["https://example.org/a.xml"]);
    assert!(Config::default_embedded().feeds.is_empty());
    let err = Config::from_user_text(Path::new("user.toml"), "[[feed]]\nurl = \"ftp://x/y\"\n")
        .unwrap_err();
    assert_eq!(err.position, Some((2, 8)));
    assert!(
        err.message.contains("must start with http"),
        "{}",
        err.message
    );
    let err = Config::from_user_text(
        Path::new("user.toml"),
        "[[feed]]\nurl = \"https://x/\"\nname = 1\n",
    )
    .unwrap_err();
    assert!(err.message.contains("unknown field"), "{}", err.message);
}

#[test]
fn the_watcher_signals_new_files_but_not_hidden_temporaries() {
    use std::sync::mpsc;
    use std::time::Duration;
    let dir = tempfile::tempdir().unwrap();
    let (tx, rx) = mpsc::channel();
    let watcher = gazette::store::watch::watch_library(&[dir.path().to_path_buf()], move || {
        let _ = tx.send(());
    });
    let Ok(_watcher) = watcher else {
        println!("skipped: file watching is not available here");
        return;
    };
    std::fs::write(dir.path().join(".hidden.tmp"), "x").unwrap();
    assert!(rx.recv_timeout(Duration::from_millis(300)).is_err());
    std::fs::write(
        dir.path().join("new.md"),
        "+++\ntitle = \"x\"\n+++\n\nText.\n",
    )
    .unwrap();
    assert!(rx.recv_timeout(Duration::from_secs(5)).is_ok());
}
