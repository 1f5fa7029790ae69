//! The query language in the reader: typing a query with `/`, errors that
//! keep the line open, saved queries, and how the query line is drawn.
#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod common;

use common::{app, draw, feed, id};
use gazette::app::Focus;
use gazette::config::Config;
use gazette::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

fn row(buffer: &Buffer, y: u16) -> String {
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol())
        .collect()
}

fn saved() -> Vec<(String, String)> {
    vec![
        ("lind".into(), "person:lind and not unread".into()),
        (
            "watch".into(),
            "newsletter:watch or newsletter:ledger".into(),
        ),
    ]
}

#[test]
fn a_query_filters_the_list_in_library_order() {
    let mut app = app();
    // Read bbbb and cccc first.
    feed(&mut app, "jrjr");
    feed(&mut app, "/person:lind and not unread");
    assert_eq!(app.typing(), Some("person:lind and not unread"));
    feed(&mut app, "<enter>");
    assert!(!app.is_typing());
    assert_eq!(app.visible(), [1]);
    assert_eq!(app.message(), Some("1 item matches"));
    feed(&mut app, "/place:oslo or geneva<enter>");
    assert_eq!(app.visible(), [0, 1, 2, 3], "newest first, not by rank");
    // An empty query clears the filter.
    feed(&mut app, "/-place:oslo<enter>");
    assert_eq!(app.visible(), [1]);
    feed(&mut app, "/<enter>");
    assert_eq!(app.search(), None);
    assert_eq!(app.visible().len(), 4);
}

#[test]
fn a_bad_query_keeps_the_line_open_with_the_error() {
    let mut app = app();
    feed(&mut app, "/persn:lind<enter>");
    assert!(app.is_typing(), "the line stays open");
    assert_eq!(app.typing(), Some("persn:lind"));
    let error = app.typing_error().unwrap();
    assert_eq!(
        error.message,
        "unknown field 'persn:' (did you mean person:?)"
    );
    assert_eq!(error.span, (0, 6));
    assert_eq!(app.search(), None);
    assert_eq!(app.visible().len(), 4);
    // Editing clears the error; fixing the query runs it.
    feed(&mut app, "<bs>");
    assert_eq!(app.typing_error(), None);
    feed(&mut app, "<esc>/person:lind (berg<enter>");
    assert_eq!(
        app.typing_error().unwrap().message,
        "')' missing for '(' at column 13"
    );
    feed(&mut app, ")<enter>");
    assert!(!app.is_typing());
    assert_eq!(app.visible(), [0, 1]);
    feed(&mut app, "/not<enter>");
    assert_eq!(
        app.typing_error().unwrap().message,
        "expected a word after 'not'"
    );
    feed(&mut app, "<esc>");
    assert!(!app.is_typing());
    assert_eq!(app.visible(), [0, 1], "cancelling keeps the last results");
}

#[test]
fn only_free_words_are_highlighted_and_stepped() {
    let mut app = app();
    feed(&mut app, "/person:lind oslo -geneva<enter>");
    let search = app.search().unwrap();
    assert_eq!(search.terms, ["oslo"]);
    assert_eq!(app.visible(), [0, 3]);
    feed(&mut app, "<enter>n");
    assert_eq!(app.focus(), Focus::Article);
    assert!(
        app.message()
            .unwrap()
            .starts_with("'person:lind oslo -geneva': match 2 of"),
        "{:?}",
        app.message()
    );
    // A query without free words leaves n/N to the actor's mentions.
    let mut app = common::app();
    feed(&mut app, "/person:lind<enter>");
    assert!(app.search().unwrap().terms.is_empty());
    feed(&mut app, "<enter><tab>n");
    assert_eq!(app.message(), Some("Mara Lind: mention 1 of 2"));
}

#[test]
fn saved_queries_are_offered_and_run() {
    let mut app = app();
    app.set_saved_queries(saved());
    feed(&mut app, "jr");
    feed(&mut app, "/");
    let (offered, selected) = app.saved_offered();
    assert_eq!(offered.len(), 2);
    assert_eq!(selected, None);
    feed(&mut app, "<down><down><enter>");
    assert!(!app.is_typing());
    assert_eq!(
        app.search().unwrap().query,
        "newsletter:watch or newsletter:ledger"
    );
    assert_eq!(app.visible(), [2, 3]);
    feed(&mut app, "/@li");
    assert_eq!(
        app.saved_offered().0,
        [("lind", "person:lind and not unread")]
    );
    feed(&mut app, "nd<enter>");
    assert_eq!(app.visible(), [1]);
    feed(&mut app, "/@nope<enter>");
    assert!(app.is_typing());
    let error = app.typing_error().unwrap();
    assert_eq!(
        (error.message.as_str(), error.span),
        ("no saved query named 'nope'", (0, 5))
    );
    // Words other than @name hide the list.
    feed(&mut app, "<esc>/oslo");
    assert!(app.saved_offered().0.is_empty());
    assert_eq!(app.selected_id(), Some(id("bbbb")));
}

#[test]
fn the_query_error_is_drawn_in_the_status_line_with_its_words_marked() {
    let mut app = app();
    feed(&mut app, "/oslo persn:lind<enter>");
    let theme = Config::default_embedded().theme;
    let buf = draw(&mut app, 120, 20, &theme);
    let status = row(&buf, 19);
    assert_eq!(
        status.trim_end(),
        "Query: oslo persn:lind█  unknown field 'persn:' (did you mean person:?) (column 6)"
    );
    let at = |x: u16| &buf[(x, 19)];
    // "persn:" (columns 12..18) is underlined in the error style; "oslo" is not.
    for x in 12..18 {
        assert!(at(x).modifier.contains(Modifier::UNDERLINED), "column {x}");
        assert_eq!(at(x).fg, theme.error.fg.unwrap());
    }
    assert!(!at(7).modifier.contains(Modifier::UNDERLINED));
    assert!(!at(18).modifier.contains(Modifier::UNDERLINED));
    assert_eq!(at(30).fg, theme.error.fg.unwrap(), "the message");
}

#[test]
fn saved_queries_are_drawn_above_the_query_line() {
    let mut app = app();
    app.set_saved_queries(saved());
    feed(&mut app, "/<down>");
    let buf = draw(&mut app, 100, 20, &Theme::plain());
    let rows: Vec<String> = (0..20).map(|y| row(&buf, y)).collect();
    assert!(rows[15].contains("Saved queries"), "{rows:#?}");
    assert!(rows[16].contains("@lind") && rows[16].contains("person:lind and not unread"));
    assert!(rows[17].contains("@watch"));
    assert!(rows[19].starts_with("Query: █  (Enter run · ↓/↑ saved queries · Esc cancel)"));
    let theme = Theme::plain();
    let x = u16::try_from(rows[16].find("@lind").unwrap()).unwrap();
    assert_eq!(buf[(x, 16)].modifier, theme.selected.add_modifier);
}

#[test]
fn a_search_runs_again_when_the_full_text_index_is_complete() {
    let mut app = app();
    feed(&mut app, "/geneva<enter>");
    assert_eq!(app.visible(), [1]);
    assert!(app.wanted().is_empty());
    // The indexing's second pass ended: the shown search is asked again.
    app.search_again();
    assert_eq!(
        app.wanted(),
        [gazette::app::Need::Search("geneva".to_string())]
    );
    gazette::source::serve(&mut app, &common::source());
    assert_eq!(app.visible(), [1]);
    // Without a search there is nothing to run again.
    feed(&mut app, "/<enter>");
    app.search_again();
    assert!(app.wanted().is_empty());
}
