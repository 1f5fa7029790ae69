//! Whole screens drawn on ratatui's TestBackend, checked cell by cell where
//! layout matters and by content where presence does.
#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod common;

use common::{app, draw, feed, rows, screen};
use gazette::app::App;
use gazette::config::Config;
use gazette::theme::Theme;

#[test]
fn main_screen_shows_header_list_article_sidebar_and_hints() {
    let mut app = app();
    let buf = draw(&mut app, 120, 24, &Theme::plain());
    let rows = rows(&buf);
    assert!(
        rows[0].starts_with("Gazette 3 newsletters · 4 unread / 4"),
        "{}",
        rows[0]
    );
    assert!(
        rows[2].contains("● 2025-11-26 Envoy lands in Oslo "),
        "{}",
        rows[2]
    );
    assert!(
        rows[3].contains("● 2025-11-25 Talks resume in Geneva "),
        "{}",
        rows[3]
    );
    let text = screen(&buf);
    assert!(text.contains("Border Brief · Fixture Press · Wednesday,"));
    assert!(text.contains("November 26, 2025"));
    assert!(text.contains("People"));
    assert!(text.contains("Mara Lind"));
    assert!(text.contains("Places"));
    assert!(
        rows[23].starts_with("j/k move · enter open · tab pane · r read · u unread"),
        "{}",
        rows[23]
    );
}

#[test]
fn mentions_are_highlighted_in_their_kind_colour() {
    let mut app = app();
    let theme = Config::default_embedded().theme;
    let buf = draw(&mut app, 120, 24, &theme);
    let rows = rows(&buf);
    let (y, row) = rows
        .iter()
        .enumerate()
        .find(|(_, r)| r.contains("Special envoy"))
        .unwrap();
    let byte = row.find("Mara Lind").unwrap();
    let x = row[..byte].chars().count() as u16;
    assert_eq!(buf[(x, y as u16)].fg, theme.person.fg.unwrap());
    let before = row.find("Special").unwrap();
    let bx = row[..before].chars().count() as u16;
    assert_ne!(buf[(bx, y as u16)].fg, theme.person.fg.unwrap());
}

#[test]
fn selected_row_is_reversed_and_read_items_lose_the_dot() {
    let mut app = app();
    feed(&mut app, "r");
    let theme = Config::default_embedded().theme;
    let buf = draw(&mut app, 120, 24, &theme);
    let row = &rows(&buf)[2];
    assert!(row.contains("  2025-11-26"), "{row}");
    assert!(
        buf[(3, 2)]
            .modifier
            .contains(ratatui::style::Modifier::REVERSED)
    );
    assert!(
        !buf[(3, 3)]
            .modifier
            .contains(ratatui::style::Modifier::REVERSED)
    );
}

#[test]
fn actor_page_lists_items_with_the_sentence_of_the_first_mention() {
    let mut app = app();
    feed(&mut app, "<tab><tab><enter>");
    let text = screen(&draw(&mut app, 120, 30, &Theme::plain()));
    assert!(text.contains("Mara Lind · person"), "{text}");
    assert!(text.contains("Named in 3 items, 2025-11-10 to 2025-11-26"));
    assert!(text.contains("Special envoy Mara Lind arrived in Oslo on Tuesday."));
    assert!(text.contains("At the very end, Ms. Lind spoke to reporters in Oslo."));
    // Wide: the actors named with her in a column of their own.
    let named: Vec<String> = text
        .lines()
        .filter_map(|l| l.split('│').nth(1))
        .map(|c| {
            let words: Vec<&str> = c.trim_end_matches('┃').split_whitespace().collect();
            words.join(" ")
        })
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(
        named,
        ["Named with", "Tomas Berg 2", "Oslo 2", "Geneva 1"],
        "{text}"
    );
    // Narrow: on one line under the header.
    let text = screen(&draw(&mut app, 70, 30, &Theme::plain()));
    assert!(
        text.contains("Named with: Tomas Berg (2), Oslo (2), Geneva (1)"),
        "{text}"
    );
}

#[test]
fn help_is_generated_from_the_key_map() {
    let mut app = app();
    feed(&mut app, "?");
    let text = screen(&draw(&mut app, 100, 40, &Theme::plain()));
    assert!(text.contains("next item naming the actor"));
    assert!(text.contains("] "));
    assert!(text.contains("backspace ctrl-o"), "{text}");
    // Too short for one column of keys: two, with the last action shown.
    let text = screen(&draw(&mut app, 120, 30, &Theme::plain()));
    let quit = text.lines().find(|l| l.contains("q ctrl-c")).unwrap();
    assert!(quit.contains("quit"), "{text}");
    let first = text.lines().find(|l| l.contains("move down")).unwrap();
    assert!(first.contains("previous item naming the actor"), "{text}");
}

#[test]
fn every_size_from_one_cell_up_draws_without_panic() {
    for (w, h) in [(1, 1), (2, 2), (10, 3), (60, 15), (80, 24), (300, 100)] {
        for keys in ["", "<enter>", "<tab><tab><enter>", "a", "?"] {
            let mut app = app();
            feed(&mut app, keys);
            let buf = draw(&mut app, w, h, &Theme::plain());
            assert_eq!(buf.area.width, w);
            if w >= 7 {
                assert!(screen(&buf).contains("Gazette") || app.show_help());
            }
        }
    }
}

#[test]
fn narrow_screen_keeps_the_sidebar_and_shows_the_focused_pane() {
    let mut app = app();
    let text = screen(&draw(&mut app, 60, 15, &Theme::plain()));
    assert!(text.contains("Items (4)"));
    assert!(!text.contains("Article"));
    assert!(text.contains("Actors"));
    feed(&mut app, "<enter>");
    let text = screen(&draw(&mut app, 60, 15, &Theme::plain()));
    assert!(text.contains("Article"));
    assert!(!text.contains("Items (4)"));
}

#[test]
fn wide_characters_never_overflow_their_pane() {
    use gazette::library::Library;
    use gazette::model::{Block, Item, ItemId};
    let item = Item {
        id: ItemId("wide".into()),
        title: "東京で会談 📰 talks in Tokyo continue with a long title that must be cut".into(),
        newsletter: Some("世界ニュース速報デイリー".into()),
        publisher: None,
        date: None,
        author: None,
        url: None,
        tags: vec![],
        blocks: vec![Block::Paragraph("東京 ".repeat(80))],
        source: "x".into(),
    };
    let body = gazette::library::Body {
        item,
        entities: vec![],
    };
    let mut app = App::new(Library::from_bodies([&body]), Default::default(), true);
    gazette::source::serve(&mut app, &gazette::source::MemorySource::new([body]));
    let buf = draw(&mut app, 120, 20, &Theme::plain());
    // The list pane's right border stays in its column on the item's row.
    let list_right = (120 - 26) * 48 / 100 - 1;
    assert_eq!(buf[(list_right, 2)].symbol(), "┃");
}

#[test]
fn background_progress_is_noted_in_the_header() {
    let mut app = app();
    app.set_progress(Some("indexing 16 of 10000 files".into()));
    let header = rows(&draw(&mut app, 120, 24, &Theme::plain()))[0].clone();
    assert!(
        header.starts_with("Gazette 3 newsletters · 4 unread / 4 · indexing 16 of 10000 files"),
        "{header}"
    );
    app.set_progress(None);
    let header = rows(&draw(&mut app, 120, 24, &Theme::plain()))[0].clone();
    assert!(!header.contains("indexing"), "{header}");
}

#[test]
fn actor_index_shows_counts_last_seen_trend_and_the_filter() {
    let mut app = app();
    feed(&mut app, "a");
    let text = screen(&draw(&mut app, 100, 20, &Theme::plain()));
    assert!(
        text.contains("Actors · 4 in the library · by items"),
        "{text}"
    );
    let lind = text.lines().find(|l| l.contains("Mara Lind")).unwrap();
    let cells: Vec<&str> = lind.trim_matches('┃').split_whitespace().collect();
    // kind, name (2 words), items, last seen, trend (one or two runs of bars).
    assert_eq!(
        &cells[..5],
        ["person", "Mara", "Lind", "3", "2025-11-26"],
        "{lind}"
    );
    assert!(cells[5].chars().all(|c| "▁▂▃▄▅▆▇█".contains(c)), "{lind}");
    feed(&mut app, "/osl");
    let text = screen(&draw(&mut app, 100, 20, &Theme::plain()));
    assert!(text.contains("Filter: osl"), "{text}");
    assert!(text.contains("Oslo"));
    assert!(!text.contains("Mara Lind"));
    assert!(text.contains("Filter actors:"), "{text}");
}
