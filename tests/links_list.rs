//! The links list of an item (`L`): keys, effects, refusals, and the screen.
#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod common;

use std::collections::HashSet;
use std::path::PathBuf;

use common::feed_from;
use gazette::app::{App, Effect};
use gazette::library::{Body, Library};
use gazette::model::{Block, Item, ItemId};
use gazette::source::{MemorySource, serve};
use gazette::theme::Theme;

fn body() -> Body {
    let item = Item {
        id: ItemId("link0001".into()),
        title: "Port talks, with sources".into(),
        newsletter: Some("Harbor Watch".into()),
        publisher: None,
        date: Some("2025-11-03".parse().unwrap()),
        author: None,
        url: None,
        tags: vec![],
        blocks: vec![
            Block::Paragraph("The ministry published the tender notice [1] on Monday.".into()),
            Block::Paragraph(
                "A [suspicious button](javascript:alert(1)) was in the mail too.".into(),
            ),
            Block::Heading("Links".into()),
            Block::Bullet("[1] https://example.org/tender".into()),
            Block::Bullet("[2] https://example.org/annex/a-very-long-path/that-keeps-going-well-past-the-edge/to-the-annex.pdf".into()),
        ],
        source: PathBuf::from("fixtures/links.eml"),
    };
    Body {
        item,
        entities: vec![],
    }
}

fn reader() -> (App, MemorySource) {
    let library = Library::from_bodies(&[body()]);
    let source = MemorySource::new([body()]);
    let mut app = App::new(library, HashSet::new(), false);
    serve(&mut app, &source);
    (app, source)
}

#[test]
fn a_digit_opens_that_link() {
    let (mut app, source) = reader();
    assert!(feed_from(&mut app, &source, "<enter>L").is_empty());
    let view = app.links_view().unwrap();
    let urls: Vec<&str> = view.links.iter().map(|l| l.url.as_str()).collect();
    assert_eq!(
        urls,
        [
            "https://example.org/tender",
            "https://example.org/annex/a-very-long-path/that-keeps-going-well-past-the-edge/to-the-annex.pdf",
            "javascript:alert(1)",
        ]
    );
    assert_eq!(
        view.links[0].text,
        "The ministry published the tender notice"
    );
    let effects = feed_from(&mut app, &source, "2");
    assert_eq!(
        effects,
        [Effect::OpenLink(
            "https://example.org/annex/a-very-long-path/that-keeps-going-well-past-the-edge/to-the-annex.pdf".into()
        )]
    );
    assert!(app.links_view().is_none());
    // Enter opens the selected one; j moves.
    let effects = feed_from(&mut app, &source, "Lj<enter>");
    assert_eq!(effects.len(), 1);
    assert!(matches!(&effects[0], Effect::OpenLink(u) if u.ends_with("annex.pdf")));
}

#[test]
fn a_hostile_link_is_refused_with_the_reason() {
    let (mut app, source) = reader();
    let effects = feed_from(&mut app, &source, "<enter>L3");
    assert!(effects.is_empty());
    assert_eq!(
        app.message(),
        Some(
            "Link 3 not opened: links of kind 'javascript' are not opened (only http, https, mailto)"
        )
    );
    // The list stays open; 9 names no link; Esc closes.
    assert!(app.links_view().is_some());
    assert!(feed_from(&mut app, &source, "9").is_empty());
    assert_eq!(app.message(), Some("There is no link 9"));
    feed_from(&mut app, &source, "<esc>");
    assert!(app.links_view().is_none());
}

#[test]
fn an_item_without_links_says_so() {
    let mut app = common::app();
    let effects = common::feed(&mut app, "<enter>L");
    assert!(!effects.iter().any(|e| matches!(e, Effect::OpenLink(_))));
    assert!(app.links_view().is_none());
    assert_eq!(app.message(), Some("This item has no links"));
}

#[test]
fn the_list_is_drawn_numbered_with_text_and_shortened_urls() {
    let (mut app, source) = reader();
    feed_from(&mut app, &source, "<enter>L");
    let rows = common::rows(&common::draw(&mut app, 80, 20, &Theme::plain()));
    let screen = rows.join("\n");
    assert!(screen.contains("Links (3)"), "{screen}");
    let row = |n: &str| rows.iter().find(|r| r.contains(n)).unwrap().clone();
    let first = row("https://example.org/tender");
    assert!(first.contains(" 1 The ministry published"), "{first}");
    let second = row("to-the-annex.pdf");
    assert!(second.contains(" 2 https://example.org/"), "{second}");
    assert!(second.contains("…"), "{second}");
    assert!(row("javascript:").contains(" 3 suspicious button"));
    assert!(rows[19].starts_with("1-9 open that link"), "{}", rows[19]);
}

#[test]
fn markdown_links_are_read_numbered_and_listed_with_their_text() {
    let text = "+++\ntitle = \"Port notes\"\ndate = 2025-11-02\n+++\n\n\
                The [harbor report](https://example.org/harbor.pdf) came out, and \
                the [minister's letter](https://example.org/letter) followed.\n\n\
                ![a crane](crane.png) A [second mention](https://example.org/harbor.pdf).\n";
    let loaded = gazette::store::markdown::parse_markdown(text, std::path::Path::new("p.md"), None);
    let item = &loaded.items[0];
    let Block::Paragraph(first) = &item.blocks[0] else {
        panic!("{:?}", item.blocks);
    };
    assert_eq!(
        first,
        "The harbor report [1] came out, and the minister's letter [2] followed."
    );
    let links = gazette::links::item_links(item);
    let pairs: Vec<(&str, &str)> = links
        .iter()
        .map(|l| (l.text.as_str(), l.url.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("The harbor report", "https://example.org/harbor.pdf"),
            (
                "came out, and the minister's letter",
                "https://example.org/letter"
            ),
        ]
    );
}
