//! Markdown with TOML front matter: reading the fixtures, the warnings for
//! bad front matter, and writing items back (round trips).

#![allow(clippy::unwrap_used)] // the whole file is tests

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use gazette::model::{Block, Item, ItemId};
use gazette::store::Loaded;
use gazette::store::load::parse_bytes;
use gazette::store::markdown::{parse_markdown, render_markdown};

const FIXTURES: &str = "tests/fixtures/store";

fn load(name: &str) -> (PathBuf, Loaded) {
    let path = Path::new(FIXTURES).join(name);
    let text = fs::read_to_string(&path).unwrap();
    let loaded = parse_markdown(&text, &path, NaiveDate::from_ymd_opt(2000, 1, 1));
    (path, loaded)
}

#[test]
fn full_front_matter_and_body() {
    let (path, loaded) = load("md-full.md");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let item = &loaded.items[0];
    assert_eq!(item.title, "Ferry timetables change for the spring");
    assert_eq!(item.newsletter.as_deref(), Some("Island Notes"));
    assert_eq!(item.publisher.as_deref(), Some("The Coastal Ledger"));
    assert_eq!(item.date, NaiveDate::from_ymd_opt(2024, 3, 11));
    assert_eq!(item.author.as_deref(), Some("Jo Lane"));
    assert_eq!(
        item.url.as_deref(),
        Some("https://example.org/island-notes/ferry-timetables")
    );
    assert_eq!(item.tags, ["ferries", "timetables"]);
    assert_eq!(item.source, path);
    assert_eq!(
        item.id,
        ItemId::from_parts(&[
            "Island Notes",
            "2024-03-11",
            "Ferry timetables change for the spring"
        ])
    );
    let want = vec![
        Block::Paragraph(
            "The island ferry will leave twenty minutes earlier from April 1, the operator said on Monday [1]."
                .into(),
        ),
        Block::Heading("What changes".into()),
        Block::Caption("The ferry Gull at the island pier.".into()),
        Block::Bullet("Weekday sailings move earlier.".into()),
        Block::Bullet("Weekend sailings stay as they are.".into()),
        Block::Caption("Timetables are posted at both piers.".into()),
        // The link's address, listed as HTML items list theirs.
        Block::Heading("Links".into()),
        Block::Bullet("[1] https://example.org/monday".into()),
    ];
    assert_eq!(item.blocks, want);
}

#[test]
fn front_matter_problems_are_warnings_with_lines() {
    /// (file, items expected, [(line, words in the message)])
    type Case = (&'static str, usize, &'static [(usize, &'static str)]);
    let cases: &[Case] = &[
        ("md-bad-toml.md", 0, &[(4, "malformed front matter")]),
        ("md-unclosed.md", 0, &[(1, "never closed")]),
        (
            "md-unknown-key.md",
            1,
            &[
                (4, "unknown front-matter key 'mood'"),
                (5, "'tags' has an unusable value"),
            ],
        ),
    ];
    for (name, items, warnings) in cases {
        let (path, loaded) = load(name);
        assert_eq!(loaded.items.len(), *items, "{name}");
        assert_eq!(
            loaded.warnings.len(),
            warnings.len(),
            "{name}: {:?}",
            loaded.warnings
        );
        for (warning, (line, words)) in loaded.warnings.iter().zip(warnings.iter()) {
            assert_eq!(warning.path, path, "{name}");
            assert_eq!(warning.line, Some(*line), "{name}: {warning}");
            assert!(warning.message.contains(words), "{name}: {warning}");
        }
    }
    let (_, loaded) = load("md-unknown-key.md");
    let item = &loaded.items[0];
    assert_eq!(
        item.date,
        NaiveDate::from_ymd_opt(2024, 3, 15),
        "string date accepted"
    );
    assert!(item.tags.is_empty());
    assert_eq!(
        item.blocks,
        [Block::Paragraph("Body text with a snake_case word.".into())]
    );
}

#[test]
fn heading_becomes_title_without_front_matter() {
    let (_, loaded) = load("md-no-front.md");
    let item = &loaded.items[0];
    assert_eq!(item.title, "Seal count rises on Gull Point");
    assert_eq!(item.date, NaiveDate::from_ymd_opt(2000, 1, 1));
    assert_eq!(
        item.blocks,
        [Block::Paragraph(
            "Volunteers counted thirty-one seals on the sandbank.".into()
        )]
    );
}

fn round_trip(item: &Item) {
    let md = render_markdown(item);
    let back = parse_markdown(&md, &item.source, None);
    assert!(back.warnings.is_empty(), "{:?}\n{md}", back.warnings);
    assert_eq!(back.items.len(), 1, "{md}");
    assert_eq!(&back.items[0], item, "{md}");
}

#[test]
fn every_fixture_round_trips() {
    let mut count = 0;
    for entry in fs::read_dir(FIXTURES).unwrap() {
        let path = entry.unwrap().path();
        let bytes = fs::read(&path).unwrap();
        let loaded = parse_bytes(&bytes, &path, NaiveDate::from_ymd_opt(2000, 1, 1));
        for item in &loaded.items {
            round_trip(item);
            count += 1;
        }
    }
    assert!(count >= 12, "{count}");
}

#[test]
fn awkward_text_round_trips() {
    let item = Item {
        id: ItemId::from_parts(&["x"]),
        title: "A \"quoted\" title with [brackets] and a # sign".into(),
        newsletter: None,
        publisher: None,
        date: None,
        author: Some("O'Brien, Pat".into()),
        url: None,
        tags: vec!["a b".into(), "c=d".into()],
        blocks: vec![
            Block::Paragraph("1. Not a list, *not* emphasis, snake_case, `tick`".into()),
            Block::Paragraph("# not a heading".into()),
            Block::Paragraph("+++".into()),
            Block::Paragraph("> not a caption".into()),
            Block::Caption("Trump’s “plan” … (AP Photo/Jo Lane, File)".into()),
            Block::Bullet("- nested marker".into()),
            Block::Heading("Heading with \\ backslash".into()),
        ],
        source: PathBuf::from("awkward.md"),
    };
    round_trip(&item);
}

#[test]
fn rendered_front_matter_uses_a_toml_date_and_keeps_the_id() {
    let (_, loaded) = load("md-full.md");
    let md = render_markdown(&loaded.items[0]);
    assert!(md.starts_with("+++\n"), "{md}");
    assert!(md.contains("\ndate = 2024-03-11\n"), "{md}");
    assert!(
        md.contains(&format!("id = \"{}\"", loaded.items[0].id)),
        "{md}"
    );
    assert!(md.contains("\n## What changes\n"), "{md}");
}
