//! Key-sequence scenarios against the state machine and the default key map.
#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod common;

use common::{app, feed, id};
use gazette::app::{Action, Effect, Focus, Viewport};
use gazette::library::ActorKey;
use gazette::model::EntityKind;

fn lind() -> ActorKey {
    ActorKey {
        kind: EntityKind::Person,
        name: "Mara Lind".into(),
    }
}

#[test]
fn list_is_newest_first_and_moves_saturate() {
    let mut app = app();
    assert_eq!(app.selected_id(), Some(id("aaaa")));
    feed(&mut app, "jjjjjjj");
    assert_eq!(app.selected_id(), Some(id("dddd")));
    feed(&mut app, "g");
    assert_eq!(app.selected_id(), Some(id("aaaa")));
    feed(&mut app, "G");
    assert_eq!(app.list_selected(), 3);
    feed(&mut app, "kkkkkkk");
    assert_eq!(app.list_selected(), 0);
}

#[test]
fn opening_marks_read_and_back_returns_to_the_list() {
    let mut app = app();
    let effects = feed(&mut app, "j<enter>");
    assert_eq!(app.focus(), Focus::Article);
    assert_eq!(app.article().item, Some(1));
    assert!(app.is_read(&id("bbbb")));
    assert_eq!(
        effects,
        [Effect::SaveRead {
            ids: vec![id("bbbb")],
            read: true
        }]
    );
    feed(&mut app, "<bs>");
    assert_eq!(app.focus(), Focus::List);
    assert_eq!(app.selected_id(), Some(id("bbbb")));
}

#[test]
fn mark_on_open_can_be_turned_off() {
    let mut app = gazette::app::App::new(common::library(), Default::default(), false);
    gazette::source::serve(&mut app, &common::source());
    let effects = feed(&mut app, "<enter>");
    assert!(effects.is_empty());
    assert!(!app.is_read(&id("aaaa")));
}

#[test]
fn toggle_read_mark_all_and_unread_only() {
    let mut app = app();
    let effects = feed(&mut app, "r");
    assert_eq!(
        effects,
        [Effect::SaveRead {
            ids: vec![id("aaaa")],
            read: true
        }]
    );
    assert_eq!(app.unread_count(), 3);
    let effects = feed(&mut app, "r");
    assert_eq!(
        effects,
        [Effect::SaveRead {
            ids: vec![id("aaaa")],
            read: false
        }]
    );
    feed(&mut app, "jr");
    feed(&mut app, "u");
    assert!(app.unread_only());
    assert_eq!(app.visible().len(), 3);
    assert!(!app.visible().contains(&1));
    let effects = feed(&mut app, "R");
    let Effect::SaveRead { ids, read } = &effects[0] else {
        panic!("{effects:?}")
    };
    assert!(*read);
    assert_eq!(ids.len(), 3);
    assert_eq!(app.unread_count(), 0);
    feed(&mut app, "u");
    assert_eq!(app.visible().len(), 4);
}

#[test]
fn tab_cycles_focus_both_ways() {
    let mut app = app();
    feed(&mut app, "<tab>");
    assert_eq!(app.focus(), Focus::Article);
    feed(&mut app, "<tab>");
    assert_eq!(app.focus(), Focus::Sidebar);
    feed(&mut app, "<tab>");
    assert_eq!(app.focus(), Focus::List);
    feed(&mut app, "<s-tab>");
    assert_eq!(app.focus(), Focus::Sidebar);
}

#[test]
fn sidebar_lists_people_then_places() {
    let app = app();
    let names: Vec<&str> = app
        .sidebar_entities()
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(names, ["Mara Lind", "Tomas Berg", "Oslo"]);
}

#[test]
fn jump_to_actor_open_item_at_mention_and_back_exactly() {
    let mut app = app();
    app.set_viewport(Viewport {
        article_width: 40,
        article_height: 10,
        list_height: 10,
    });
    // Sidebar → Mara Lind → actor page.
    feed(&mut app, "<tab><tab><enter>");
    assert_eq!(app.focus(), Focus::Actor);
    assert_eq!(app.actor_page().map(|(k, _)| k.clone()), Some(lind()));
    assert_eq!(
        app.library().items_naming(&lind()).collect::<Vec<_>>(),
        [0, 1, 3]
    );
    // Third item naming her: the long one, where she is named only at the end.
    feed(&mut app, "jj<enter>");
    assert_eq!(app.focus(), Focus::Article);
    assert_eq!(app.article().item, Some(3));
    assert_eq!(app.article().actor, Some(lind()));
    assert_eq!(app.article().mention, Some(0));
    assert!(
        app.article().scroll > 20,
        "scrolled to the mention: {}",
        app.article().scroll
    );
    assert!(app.is_read(&id("dddd")));
    // Back: the actor page with the same row selected.
    feed(&mut app, "<bs>");
    assert_eq!(app.focus(), Focus::Actor);
    assert_eq!(app.actor_page().map(|(_, s)| s), Some(2));
    // Back again: the sidebar of the first item, row kept.
    feed(&mut app, "<c-o>");
    assert_eq!(app.focus(), Focus::Sidebar);
    assert_eq!(app.article().item, Some(0));
    assert_eq!(app.sidebar_selected(), 0);
    // Forward twice re-does both jumps.
    feed(&mut app, "<a-right><a-right>");
    assert_eq!(app.focus(), Focus::Article);
    assert_eq!(app.article().item, Some(3));
    assert_eq!(app.history_depth(), (2, 0));
}

#[test]
fn brackets_walk_the_items_naming_the_actor() {
    let mut app = app();
    feed(&mut app, "<tab><tab>");
    // Mara Lind is selected in the sidebar of the newest item.
    feed(&mut app, "]");
    assert_eq!(app.article().item, Some(1));
    assert_eq!(app.focus(), Focus::Article);
    feed(&mut app, "]");
    assert_eq!(app.article().item, Some(3));
    feed(&mut app, "]");
    assert_eq!(app.article().item, Some(3));
    assert_eq!(app.message(), Some("No more items naming Mara Lind"));
    feed(&mut app, "[");
    assert_eq!(app.article().item, Some(1));
    feed(&mut app, "<bs>");
    assert_eq!(app.article().item, Some(3));
}

#[test]
fn n_steps_through_mentions_in_the_article() {
    let mut app = app();
    // The first item names Mara Lind twice ("Mara Lind", "Lind").
    feed(&mut app, "<tab><tab>n");
    assert_eq!(app.article().mention, Some(0));
    assert_eq!(app.message(), Some("Mara Lind: mention 1 of 2"));
    feed(&mut app, "n");
    assert_eq!(app.article().mention, Some(1));
    feed(&mut app, "n");
    assert_eq!(app.article().mention, Some(1));
    assert_eq!(app.message(), Some("Last mention"));
    feed(&mut app, "N");
    assert_eq!(app.article().mention, Some(0));
}

#[test]
fn actors_index_lists_everyone_and_opens_an_actor() {
    let mut app = app();
    feed(&mut app, "a");
    assert_eq!(app.focus(), Focus::Actors);
    let (keys, _) = app.actors_list();
    // Most items first: Mara Lind, Oslo and Tomas Berg are each in 3 items.
    assert_eq!(keys.len(), 4);
    assert_eq!(keys[3].key.name, "Geneva");
    feed(&mut app, "G<enter>");
    assert_eq!(
        app.actor_page().map(|(k, _)| k.name.clone()),
        Some("Geneva".to_string())
    );
    feed(&mut app, "<bs><bs>");
    assert_eq!(app.focus(), Focus::List);
}

#[test]
fn help_closes_on_any_key_and_quit_quits() {
    let mut app = app();
    feed(&mut app, "?");
    assert!(app.show_help());
    feed(&mut app, "j");
    assert!(!app.show_help());
    assert_eq!(
        app.list_selected(),
        0,
        "the key that closes help does nothing else"
    );
    let effects = feed(&mut app, "q");
    assert_eq!(effects, [Effect::Quit]);
    assert!(app.should_quit());
}

#[test]
fn edge_cases_do_not_panic_and_keep_state_in_range() {
    let mut empty = gazette::app::App::new(Default::default(), Default::default(), true);
    for action in Action::ALL {
        if action != Action::Quit {
            empty.update(action);
        }
    }
    assert_eq!(empty.selected_id(), None);
    let mut app = app();
    assert!(app.update(Action::Back).is_empty());
    assert!(app.update(Action::Forward).is_empty());
    assert_eq!(app.focus(), Focus::List);
    feed(&mut app, "<tab>]");
    assert_eq!(
        app.article().item,
        Some(1),
        "] with no actor picked follows the sidebar's first"
    );
}

#[test]
fn search_lists_results_opens_at_the_match_and_back_clears_it() {
    let mut app = app();
    app.set_viewport(Viewport {
        article_width: 40,
        article_height: 10,
        list_height: 10,
    });
    feed(&mut app, "/reporters");
    assert!(app.is_typing());
    assert_eq!(app.typing(), Some("reporters"));
    feed(&mut app, "<enter>");
    assert!(!app.is_typing());
    assert_eq!(app.visible(), [3], "only the long item says 'reporters'");
    assert_eq!(app.message(), Some("1 item matches"));
    feed(&mut app, "<enter>");
    assert_eq!(app.focus(), Focus::Article);
    assert_eq!(app.article().found, Some(0));
    assert!(
        app.article().scroll > 20,
        "opened at the match: {}",
        app.article().scroll
    );
    assert_eq!(app.message(), Some("'reporters': match 1 of 1"));
    // Back to the results, back again to the whole list.
    feed(&mut app, "<bs>");
    assert_eq!(app.focus(), Focus::List);
    assert_eq!(app.visible(), [3]);
    feed(&mut app, "<bs>");
    assert_eq!(app.search(), None);
    assert_eq!(app.visible().len(), 4);
}

#[test]
fn search_needs_every_word_and_esc_cancels_typing() {
    let mut app = app();
    feed(&mut app, "/oslo berg<enter>");
    assert_eq!(app.visible(), [0, 2], "{:?}", app.visible());
    feed(&mut app, "/nothing<esc>");
    assert!(!app.is_typing());
    assert_eq!(app.visible(), [0, 2], "cancelled typing keeps the results");
    feed(&mut app, "/zzzz<enter>");
    assert!(app.visible().is_empty());
    assert_eq!(app.message(), Some("Nothing matches 'zzzz'"));
}
