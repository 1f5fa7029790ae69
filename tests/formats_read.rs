//! Mail, feeds and saved web pages read from the fixtures in
//! `tests/fixtures/formats/`: metadata, clean text, links, ids, and what
//! broken input gives.

use std::path::{Path, PathBuf};

use gazette::model::{Block, Item};
use gazette::store::Loaded;
use gazette::store::load::{load_file, load_paths};

const DIR: &str = "tests/fixtures/formats";

fn one(path: &str) -> Item {
    let loaded = load_file(&Path::new(DIR).join(path));
    assert!(loaded.warnings.is_empty(), "{path}: {:?}", loaded.warnings);
    assert_eq!(loaded.items.len(), 1, "{path}");
    let mut items = loaded.items;
    items.remove(0)
}

fn body(item: &Item) -> String {
    item.blocks
        .iter()
        .map(Block::text)
        .collect::<Vec<_>>()
        .join("\n")
}

/// (file, title, newsletter, date, author, a phrase of the body)
type Case = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
);

const CASES: &[Case] = &[
    (
        "mail/multipart-qp.eml",
        "Cranes idle as talks stall — Harbor Watch",
        "Harbor Watch",
        "2024-03-04",
        Some("Ada Quill"),
        "the dockers’ union stalled. Read the full report [1].",
    ),
    (
        "mail/html-only-base64.eml",
        "Ferry timetable",
        "Island Notes",
        "2024-03-05",
        None,
        "The island ferry keeps its winter timetable until April.",
    ),
    (
        "mail/latin1.eml",
        "Café del valle",
        "José Peña",
        "2024-03-06",
        None,
        "El café de la señora Muñoz abre mañana en Sevilla.",
    ),
    (
        "mail/cp1252-qp.eml",
        "Prices this week",
        "Market Letter",
        "2024-03-07",
        None,
        "“Grain is up,” the trader said – about 3€ a tonne.",
    ),
    (
        "maildir/cur/1709900000.M1P1.host:2,S",
        "Tulips early this year",
        "Garden Post",
        "2024-03-10",
        None,
        "opened two weeks early",
    ),
    (
        "feeds/atom.xml",
        "Pass closed by snow",
        "Mountain Letters",
        "2024-03-13",
        Some("Lena Brandt"),
        "The pass above Andermatt closed on Wednesday.",
    ),
    (
        "feeds/feed.json",
        "Lighthouse gets a new keeper",
        "Coast Weekly",
        "2024-03-14",
        Some("Rui Costa"),
        "a new keeper, Sam Ito.",
    ),
    (
        "pages/saved.html",
        "Orchard harvest sets a record",
        "Valley Gazette",
        "2024-03-15",
        Some("Pia Lund"),
        "Farmer Olga Berg credited the mild spring.",
    ),
];

#[test]
fn each_format_gives_its_metadata_and_text() {
    for (file, title, newsletter, date, author, phrase) in CASES {
        let item = one(file);
        assert_eq!(item.title, *title, "{file}");
        assert_eq!(item.newsletter.as_deref(), Some(*newsletter), "{file}");
        assert_eq!(
            item.date.map(|d| d.to_string()).as_deref(),
            Some(*date),
            "{file}"
        );
        assert_eq!(item.author.as_deref(), *author, "{file}");
        assert!(body(&item).contains(phrase), "{file}: {}", body(&item));
    }
}

#[test]
fn mail_text_is_clean_and_links_are_listed() {
    let item = one("mail/multipart-qp.eml");
    let text = body(&item);
    for gone in [
        "View this email",
        "Preheader",
        "Unsubscribe",
        "receiving this",
        "<",
        "pixel",
    ] {
        assert!(!text.contains(gone), "{gone} left in: {text}");
    }
    assert_eq!(
        item.blocks,
        vec![
            Block::Heading("Cranes idle".into()),
            Block::Paragraph(
                "The cranes at Pier 9 stood still on Monday as talks between the port \
                 authority and the dockers’ union stalled. Read the full report [1]."
                    .into()
            ),
            Block::Paragraph("Mayor Ines Paulo said she would meet both sides in Lisbon.".into()),
            Block::Heading("Links".into()),
            Block::Bullet("[1] https://harbor.example.org/report".into()),
        ]
    );
}

#[test]
fn plain_mail_drops_signature_and_unsubscribe_footer() {
    let latin = one("mail/latin1.eml");
    assert!(!body(&latin).contains("José\n"), "signature kept");
    assert_eq!(
        latin.blocks.last(),
        Some(&Block::Bullet("[1] https://valle.example.org/cafe".into()))
    );
    let cp = one("mail/cp1252-qp.eml");
    assert_eq!(cp.blocks.len(), 1, "{:?}", cp.blocks);
}

#[test]
fn saved_page_keeps_the_article_only() {
    let item = one("pages/saved.html");
    assert_eq!(
        item.url.as_deref(),
        Some("https://valley.example.org/orchard")
    );
    assert_eq!(
        item.blocks,
        vec![
            Block::Paragraph(
                "Growers in the valley picked more apples this season than in any year on record."
                    .into()
            ),
            Block::Paragraph("Farmer Olga Berg credited the mild spring.".into()),
            Block::Caption("Apples at the Berg farm.".into()),
        ]
    );
}

#[test]
fn rss_items_take_guid_ids_and_feed_title() {
    let loaded = load_file(&Path::new(DIR).join("feeds/rss2.xml"));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let titles: Vec<&str> = loaded.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Bridge reopens after repairs", "Flood warning lifted"]
    );
    let bridge = &loaded.items[0];
    assert_eq!(
        bridge.id,
        gazette::model::ItemId::from_parts(&["feed", "river-bridge-2024"])
    );
    assert_eq!(bridge.author.as_deref(), Some("Mira Holt"));
    assert_eq!(
        bridge.url.as_deref(),
        Some("https://river.example.org/bridge")
    );
    assert!(
        body(bridge).contains("took a year [1]."),
        "{}",
        body(bridge)
    );
    assert!(
        loaded
            .items
            .iter()
            .all(|i| i.newsletter.as_deref() == Some("River Dispatch"))
    );
}

#[test]
fn mbox_gives_every_message_unquoting_from_lines() {
    let loaded = load_file(&Path::new(DIR).join("mail/archive.mbox"));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let titles: Vec<&str> = loaded.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["Tugboat strike ends", "Dredging starts"]);
    assert!(body(&loaded.items[0]).contains("Friday. From now on"));
}

#[test]
fn same_message_twice_is_one_item_with_a_message_id() {
    let a = one("mail/html-only-base64.eml");
    let b = one("mail/html-only-base64-copy.eml");
    assert_eq!(a.id, b.id);
    assert_eq!(
        a.id,
        gazette::model::ItemId::from_parts(&["msgid", "ferry-0305@island.example.org"])
    );
    let all = load_paths(&[PathBuf::from(DIR)]);
    let ferries = all
        .items
        .iter()
        .filter(|i| i.title == "Ferry timetable")
        .count();
    assert_eq!(ferries, 1);
}

#[test]
fn maildir_cur_and_new_are_read() {
    let loaded = load_paths(&[Path::new(DIR).join("maildir")]);
    let mut titles: Vec<&str> = loaded.items.iter().map(|i| i.title.as_str()).collect();
    titles.sort_unstable();
    assert_eq!(titles, ["Seed swap on Saturday", "Tulips early this year"]);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
}

#[test]
fn broken_input_gives_a_warning_naming_the_file_and_no_item() {
    for (file, reason) in [
        ("mail/broken.eml", "not an e-mail message"),
        ("feeds/broken.xml", "not a readable feed"),
        ("pages/empty.html", "no title and no text"),
    ] {
        let Loaded { items, warnings } = load_file(&Path::new(DIR).join(file));
        assert!(items.is_empty(), "{file}");
        assert_eq!(warnings.len(), 1, "{file}: {warnings:?}");
        assert!(warnings[0].path.ends_with(file));
        assert!(
            warnings[0].message.contains(reason),
            "{file}: {}",
            warnings[0].message
        );
    }
}

#[test]
fn arbitrary_bytes_never_panic_in_any_rich_parser() {
    use gazette::store::sniff::{Rich, parse_rich};
    const ALPHABET: &[u8] = b"<>/\"'=&;:#\r\n -abcFromSubject{}[]\xff\xe2\x80";
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let samples: Vec<Vec<u8>> = (0..200)
        .map(|n| {
            (0..(n * 7 % 300))
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    ALPHABET[(seed % ALPHABET.len() as u64) as usize]
                })
                .collect()
        })
        .collect();
    for bytes in &samples {
        for format in [Rich::Mail, Rich::Mbox, Rich::Feed, Rich::Html] {
            let loaded = parse_rich(format, bytes, Path::new("x"), None);
            for item in &loaded.items {
                assert!(item.title.chars().all(|c| !c.is_control()));
            }
        }
    }
}
