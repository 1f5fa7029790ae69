//! Plain-text stories and whole issues: one fixture per layout, checked for
//! title, newsletter, publisher, date, author and the kinds of its blocks.

#![allow(clippy::unwrap_used)] // the whole file is tests

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use gazette::model::{Block, Item};
use gazette::store::text::parse_text;

const FIXTURES: &str = "tests/fixtures/store";

fn fallback() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap()
}

fn parse(name: &str) -> Item {
    let path = Path::new(FIXTURES).join(name);
    let text = fs::read_to_string(&path).unwrap();
    let loaded = parse_text(&text, &path, Some(fallback()));
    assert!(loaded.warnings.is_empty(), "{name}: {:?}", loaded.warnings);
    assert_eq!(loaded.items.len(), 1, "{name}");
    loaded.items.into_iter().next().unwrap()
}

/// One letter per block: Heading, Paragraph, Caption, Bullet.
fn kinds(item: &Item) -> String {
    item.blocks
        .iter()
        .map(|b| match b {
            Block::Heading(_) => 'H',
            Block::Paragraph(_) => 'P',
            Block::Caption(_) => 'C',
            Block::Bullet(_) => 'B',
        })
        .collect()
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

struct Case {
    file: &'static str,
    title: &'static str,
    newsletter: Option<&'static str>,
    publisher: Option<&'static str>,
    date: Option<NaiveDate>,
    author: Option<&'static str>,
    kinds: &'static str,
}

#[test]
fn fixtures_parse_as_expected() {
    let ledger = Some("The Coastal Ledger");
    let watch = Some("Harbor Watch");
    let cases = [
        Case {
            file: "issue-full.txt",
            title: "Talks to resume as cranes sit idle",
            newsletter: watch,
            publisher: ledger,
            date: date(2024, 3, 6),
            author: None,
            kinds: "PBBBHCPPHCP",
        },
        Case {
            file: "issue-compact.txt",
            title: "Harbor Watch for Thursday, March 7, 2024",
            newsletter: watch,
            publisher: None,
            date: date(2024, 3, 7),
            author: None,
            kinds: "PBBBPP",
        },
        Case {
            file: "issue-welcome.txt",
            title: "Budget brings new lights to the north pier",
            newsletter: watch,
            publisher: ledger,
            date: Some(fallback()),
            author: None,
            kinds: "PBBHP",
        },
        Case {
            file: "story-repost-full.txt",
            title: "The harbor board voted on Thursday to extend the night shift at the north pier…",
            newsletter: watch,
            publisher: ledger,
            date: date(2024, 3, 8),
            author: None,
            kinds: "PPP",
        },
        Case {
            file: "story-repost-compact.txt",
            title: "Dock workers at Port Alder unloaded the first ship in a week on Saturday, after…",
            newsletter: watch,
            publisher: ledger,
            date: Some(fallback()),
            author: None,
            kinds: "PP",
        },
        Case {
            file: "story-headers.txt",
            title: "Ferry timetables change for the spring",
            newsletter: Some("Island Notes"),
            publisher: ledger,
            date: date(2024, 3, 11),
            author: Some("Jo Lane"),
            kinds: "PP",
        },
        Case {
            file: "story-headline.txt",
            title: "Lighthouse keeper retires after forty years on Gull Point",
            newsletter: None,
            publisher: None,
            date: date(2024, 3, 12),
            author: None,
            kinds: "PHPHP",
        },
        Case {
            file: "story-date-inline.txt",
            title: "Council approves marina expansion",
            newsletter: None,
            publisher: None,
            date: date(2024, 3, 13),
            author: None,
            kinds: "PP",
        },
        Case {
            file: "story-wrapped.txt",
            title: "Fish market hall wins design prize",
            newsletter: None,
            publisher: None,
            date: date(2024, 3, 14),
            author: Some("Ada Quill"),
            kinds: "PP",
        },
        Case {
            file: "story-undated.txt",
            title: "The harbor seals have returned to the sandbank off Gull Point",
            newsletter: None,
            publisher: None,
            date: Some(fallback()),
            author: None,
            kinds: "PP",
        },
    ];
    for case in cases {
        let item = parse(case.file);
        let name = case.file;
        assert_eq!(item.title, case.title, "{name}: title");
        assert_eq!(
            item.newsletter.as_deref(),
            case.newsletter,
            "{name}: newsletter"
        );
        assert_eq!(
            item.publisher.as_deref(),
            case.publisher,
            "{name}: publisher"
        );
        assert_eq!(item.date, case.date, "{name}: date");
        assert_eq!(item.author.as_deref(), case.author, "{name}: author");
        assert_eq!(
            kinds(&item),
            case.kinds,
            "{name}: blocks {:#?}",
            item.blocks
        );
        assert!(item.title.chars().count() <= 121, "{name}: title too long");
    }
}

#[test]
fn no_boilerplate_reaches_a_body() {
    let boilerplate = [
        "Skip to content",
        "TRENDING",
        "Advertisement",
        "sign up here",
        "A version of this story",
        "Click here",
        "SEE ALSO",
        "Send tips",
        "Share this",
        "for Wednesday, March 6",
    ];
    for entry in fs::read_dir(FIXTURES).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let item = parse(path.file_name().unwrap().to_str().unwrap());
        for segment in item.segments() {
            for phrase in boilerplate {
                assert!(!segment.contains(phrase), "{}: {segment:?}", path.display());
            }
            assert_ne!(
                segment,
                "The Coastal Ledger",
                "{}: masthead kept",
                path.display()
            );
            assert!(
                !segment.starts_with("By "),
                "{}: byline kept",
                path.display()
            );
        }
    }
}

#[test]
fn block_texts_are_clean() {
    let item = parse("issue-full.txt");
    assert_eq!(
        item.blocks[1],
        Block::Bullet(
            "The ferry operator said spring timetables would be published on Friday.".into()
        )
    );
    assert_eq!(
        item.blocks[2],
        Block::Bullet("The lighthouse on Gull Point will close for repairs in April".into())
    );
    assert_eq!(
        item.blocks[5],
        Block::Caption("Cranes stand unused at the north pier of Port Alder, Tuesday, March 5, 2024. (AP Photo/Jo Lane, File)".into())
    );
    let wrapped = parse("story-wrapped.txt");
    assert_eq!(
        wrapped.blocks[1],
        Block::Paragraph("The hall opened last week with forty stalls. Traders said business had been brisk on the first days.".into())
    );
    let inline = parse("story-date-inline.txt");
    assert!(
        inline.blocks[0]
            .text()
            .starts_with("On Tuesday, the town council")
    );
    let headers = parse("story-headers.txt");
    assert_eq!(
        headers.url.as_deref(),
        Some("https://example.org/island-notes/ferry-timetables")
    );
    assert!(
        headers.blocks[0].text().starts_with("The island ferry"),
        "title line repeated in the body"
    );
}

#[test]
fn ids_follow_content_not_path() {
    let text = fs::read_to_string(Path::new(FIXTURES).join("story-headline.txt")).unwrap();
    let a = parse_text(&text, Path::new("a/one.txt"), None)
        .items
        .remove(0);
    let b = parse_text(&text, &PathBuf::from("b/two.txt"), date(2030, 1, 1))
        .items
        .remove(0);
    assert_eq!(a.id, b.id, "same dated story at another path and mtime");
    let retitled = text.replacen("Lighthouse keeper retires", "Lighthouse keeper leaves", 1);
    let c = parse_text(&retitled, Path::new("a/one.txt"), None)
        .items
        .remove(0);
    assert_ne!(a.id, c.id);

    // Undated: the fallback date does not enter the id.
    let undated = fs::read_to_string(Path::new(FIXTURES).join("story-undated.txt")).unwrap();
    let d = parse_text(&undated, Path::new("x.txt"), date(2024, 1, 1))
        .items
        .remove(0);
    let e = parse_text(&undated, Path::new("y.txt"), date(2025, 6, 1))
        .items
        .remove(0);
    assert_eq!(d.id, e.id);
}

#[test]
fn empty_after_boilerplate_is_a_warning() {
    let loaded = parse_text(
        "Skip to content\nAdvertisement\n",
        Path::new("only-boiler.txt"),
        None,
    );
    assert!(loaded.items.is_empty());
    assert_eq!(loaded.warnings.len(), 1);
    assert_eq!(loaded.warnings[0].path, Path::new("only-boiler.txt"));
}

#[test]
fn unreadable_date_header_is_a_warning_with_its_line() {
    let text = "Title: Seal count\nDate: sometime in spring\n\nVolunteers counted seals.\n";
    let loaded = parse_text(text, Path::new("seals.txt"), date(2024, 4, 1));
    assert_eq!(loaded.items[0].date, date(2024, 4, 1));
    assert_eq!(loaded.warnings.len(), 1);
    assert_eq!(loaded.warnings[0].line, Some(2));
    assert!(loaded.warnings[0].message.contains("Date:"));
}
