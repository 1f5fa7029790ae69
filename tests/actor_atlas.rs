//! The actor index (sort, fuzzy filter, scope) and the actor page's filters
//! and named-with column, driven by keys.
#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod common;

use common::{app, feed, id};
use gazette::app::{ActorColumn, ActorSort, App, Focus};

fn index_names(app: &App) -> Vec<String> {
    app.actors_list()
        .0
        .iter()
        .map(|s| s.key.name.clone())
        .collect()
}

#[test]
fn the_index_sorts_by_items_name_and_last_seen() {
    let mut app = app();
    feed(&mut app, "a");
    // Ties on items are broken by kind, then name.
    assert_eq!(
        index_names(&app),
        ["Mara Lind", "Tomas Berg", "Oslo", "Geneva"]
    );
    let stats = &app.actors_list().0;
    assert_eq!(stats[0].items, 3);
    assert_eq!(stats[0].last, "2025-11-26".parse().ok());
    assert_eq!(stats[3].items, 1);
    feed(&mut app, "S");
    assert_eq!(app.actor_index().sort, ActorSort::Name);
    assert_eq!(
        index_names(&app),
        ["Geneva", "Mara Lind", "Oslo", "Tomas Berg"]
    );
    feed(&mut app, "S");
    assert_eq!(app.actor_index().sort, ActorSort::Recent);
    // Geneva was last seen on the 25th, everyone else on the 26th.
    assert_eq!(index_names(&app).last().unwrap(), "Geneva");
    feed(&mut app, "S");
    assert_eq!(app.actor_index().sort, ActorSort::Count);
}

#[test]
fn typing_filters_the_index_fuzzily_and_back_clears_the_filter_first() {
    let mut app = app();
    feed(&mut app, "a/tb");
    assert!(app.is_typing());
    assert_eq!(index_names(&app), ["Tomas Berg"]);
    feed(&mut app, "<bs>");
    // "t" alone: every name with a t, best match (word start) first.
    assert_eq!(index_names(&app)[0], "Tomas Berg");
    feed(&mut app, "xyz");
    assert!(index_names(&app).is_empty());
    feed(&mut app, "<bs><bs><bs><bs>ge<enter>");
    assert!(!app.is_typing());
    assert_eq!(index_names(&app), ["Geneva"]);
    // Keys move again once the line is closed; Enter opens the match.
    feed(&mut app, "<enter>");
    assert_eq!(app.actor_page().unwrap().0.name, "Geneva");
    feed(&mut app, "<bs>");
    assert_eq!(app.focus(), Focus::Actors);
    assert_eq!(index_names(&app), ["Geneva"]);
    feed(&mut app, "<bs>");
    assert_eq!(app.focus(), Focus::Actors);
    assert_eq!(index_names(&app).len(), 4);
    feed(&mut app, "<bs>");
    assert_eq!(app.focus(), Focus::List);
}

#[test]
fn the_index_covers_the_list_filter_when_there_is_one() {
    let mut app = app();
    // Read the two Border Brief items, then show unread only.
    feed(&mut app, "rjr");
    feed(&mut app, "u");
    assert_eq!(app.visible().len(), 2);
    feed(&mut app, "a");
    assert_eq!(app.actor_index().scope, Some(2));
    // Items c (Berg, Oslo) and d (Lind, Oslo) are left.
    let stats = &app.actors_list().0;
    let oslo = stats.iter().find(|s| s.key.name == "Oslo").unwrap();
    assert_eq!(oslo.items, 2);
    assert!(stats.iter().all(|s| s.key.name != "Geneva"));
}

#[test]
fn the_actor_page_filters_by_newsletter_and_unread() {
    let mut app = app();
    // Read item d, then open Mara Lind's page: items a, b (Border Brief)
    // and d (Capitol Ledger).
    feed(&mut app, "Gr");
    assert!(app.is_read(&id("dddd")));
    feed(&mut app, "g<tab><tab><enter>");
    assert_eq!(app.actor_page().unwrap().0.name, "Mara Lind");
    assert_eq!(app.actor_items().len(), 3);
    feed(&mut app, "f");
    assert_eq!(app.actor_view().newsletter.as_deref(), Some("Border Brief"));
    assert_eq!(app.actor_items().len(), 2);
    feed(&mut app, "f");
    assert_eq!(
        app.actor_view().newsletter.as_deref(),
        Some("Capitol Ledger")
    );
    assert_eq!(app.actor_items().len(), 1);
    feed(&mut app, "f");
    assert_eq!(app.actor_view().newsletter, None);
    feed(&mut app, "u");
    assert!(app.actor_view().unread);
    assert_eq!(app.actor_items().as_ref(), [0, 1]);
    // The list's own unread filter was not touched.
    assert!(!app.unread_only());
    // Enter opens the shown item selected.
    feed(&mut app, "j<enter>");
    assert_eq!(app.article().item, Some(1));
    assert!(app.is_read(&id("bbbb")));
}

#[test]
fn tab_on_the_actor_page_reaches_the_actors_named_with_it() {
    let mut app = app();
    feed(&mut app, "<tab><tab><enter>");
    assert_eq!(app.actor_view().column, ActorColumn::Items);
    feed(&mut app, "<tab>");
    assert_eq!(app.actor_view().column, ActorColumn::Named);
    let named: Vec<String> = app.named_with().iter().map(|k| k.name.clone()).collect();
    assert_eq!(named, ["Tomas Berg", "Oslo", "Geneva"]);
    feed(&mut app, "j<enter>");
    assert_eq!(app.actor_page().unwrap().0.name, "Oslo");
    assert_eq!(app.actor_view().column, ActorColumn::Items);
    // Back returns to Mara Lind's page with the named-with column selected.
    feed(&mut app, "<bs>");
    assert_eq!(app.actor_page().unwrap().0.name, "Mara Lind");
    assert_eq!(app.actor_view().column, ActorColumn::Named);
    assert_eq!(app.actor_view().named_selected, 1);
}
