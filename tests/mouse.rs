//! The mouse: a frame is drawn, the pointer lands on a cell found by its
//! text, and the state machine gets what was drawn there.
#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod common;

use common::{app, feed, id};
use gazette::app::{App, Focus, Target};
use gazette::theme::Theme;
use gazette::ui::UiState;

/// Draws `app` at 120×30 and returns where things are.
fn frame(app: &mut App) -> (UiState, Vec<String>) {
    gazette::source::serve(app, &common::source());
    let mut state = UiState::default();
    let buffer = common::draw_with(app, 120, 30, &Theme::plain(), &mut state);
    (state, common::rows(&buffer))
}

/// The cell where `text` is drawn (first occurrence, scanning down; the
/// `skip`-th column-wise match when a text appears in several panes).
fn find(rows: &[String], text: &str, skip: usize) -> (u16, u16) {
    let mut found = rows.iter().enumerate().flat_map(|(y, row)| {
        row.match_indices(text).map(move |(byte, _)| {
            let x = row[..byte].chars().count();
            (u16::try_from(x).unwrap(), u16::try_from(y).unwrap())
        })
    });
    found
        .nth(skip)
        .unwrap_or_else(|| panic!("'{text}' not on screen"))
}

#[test]
fn clicking_a_row_selects_it_and_a_second_click_opens_it() {
    let mut app = app();
    let (state, rows) = frame(&mut app);
    let (x, y) = find(&rows, "Talks resume in Geneva", 0);
    assert_eq!(state.hit(x, y), Some(Target::ListRow(1)));
    app.click(state.hit(x, y).unwrap());
    assert_eq!(app.selected_id(), Some(id("bbbb")));
    assert_eq!(app.focus(), Focus::List);
    assert!(!app.is_read(&id("bbbb")));
    let (state, _) = frame(&mut app);
    let effects = app.click(state.hit(x, y).unwrap());
    assert_eq!(app.focus(), Focus::Article);
    assert!(app.is_read(&id("bbbb")));
    assert_eq!(effects.len(), 1);
}

#[test]
fn clicking_an_actor_in_the_sidebar_opens_its_page() {
    let mut app = app();
    let (state, rows) = frame(&mut app);
    // The sidebar is the right-most pane: Tomas Berg's second appearance
    // (the first is the article text).
    let (x, y) = rows
        .iter()
        .enumerate()
        .find_map(|(y, r)| {
            let at = r.rfind("Tomas Berg")?;
            (r[..at].chars().count() > 90).then(|| (r[..at].chars().count(), y))
        })
        .map(|(x, y)| (u16::try_from(x).unwrap(), u16::try_from(y).unwrap()))
        .unwrap();
    assert!(matches!(state.hit(x, y), Some(Target::SidebarRow(_))));
    app.click(state.hit(x, y).unwrap());
    assert_eq!(app.focus(), Focus::Actor);
    assert_eq!(app.actor_page().unwrap().0.name, "Tomas Berg");
    // On the page, clicking a named-with actor opens that one.
    let (state, rows) = frame(&mut app);
    let (x, y) = find(&rows, "Mara Lind", 0);
    assert!(
        matches!(state.hit(x, y), Some(Target::NamedRow(_))),
        "{:?}",
        state.hit(x, y)
    );
    app.click(state.hit(x, y).unwrap());
    assert_eq!(app.actor_page().unwrap().0.name, "Mara Lind");
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = app();
    // Item d has a long body; show it in the article pane.
    feed(&mut app, "G");
    let (state, rows) = frame(&mut app);
    let (x, y) = find(&rows, "Paragraph 0", 0);
    assert_eq!(state.hit(x, y), Some(Target::Pane(Focus::Article)));
    app.wheel(state.hit(x, y).unwrap(), true);
    assert_eq!(app.focus(), Focus::Article);
    assert_eq!(app.article().scroll, 3);
    app.wheel(state.hit(x, y).unwrap(), false);
    assert_eq!(app.article().scroll, 0);
    // Over the list, the wheel moves the selection.
    let (state, rows) = frame(&mut app);
    let (x, y) = find(&rows, "Envoy lands in Oslo", 0);
    app.wheel(state.hit(x, y).unwrap(), false);
    assert_eq!(app.focus(), Focus::List);
    assert_eq!(app.list_selected(), 0);
}

#[test]
fn clicking_in_the_actor_index_selects_then_opens() {
    let mut app = app();
    feed(&mut app, "a");
    let (state, rows) = frame(&mut app);
    let (x, y) = find(&rows, "Geneva", 0);
    assert_eq!(state.hit(x, y), Some(Target::IndexRow(3)));
    app.click(state.hit(x, y).unwrap());
    assert_eq!(app.focus(), Focus::Actors);
    assert_eq!(app.actors_list().1, 3);
    app.click(state.hit(x, y).unwrap());
    assert_eq!(app.actor_page().unwrap().0.name, "Geneva");
}

#[test]
fn clicking_a_place_in_the_map_list_selects_then_opens_it() {
    let mut app = app();
    // The list's map: Oslo (3 items) first, then Geneva (1).
    feed(&mut app, "M");
    assert_eq!(app.focus(), Focus::Map);
    let (state, rows) = frame(&mut app);
    // The list is right of the canvas: the right-most "Geneva" on screen.
    let (x, y) = rows
        .iter()
        .enumerate()
        .filter_map(|(y, r)| r.rfind("Geneva").map(|at| (r[..at].chars().count(), y)))
        .max()
        .map(|(x, y)| (u16::try_from(x).unwrap(), u16::try_from(y).unwrap()))
        .unwrap();
    let Some(Target::MapRow(i)) = state.hit(x, y) else {
        panic!("no place row at {x},{y}: {:?}", state.hit(x, y));
    };
    assert_eq!(app.map().unwrap().selected(), 0);
    assert_eq!(i, 1);
    app.click(Target::MapRow(i));
    assert_eq!(app.map().unwrap().selected(), 1);
    assert_eq!(app.focus(), Focus::Map);
    app.click(Target::MapRow(i));
    assert_eq!(app.focus(), Focus::Actor);
    assert_eq!(app.actor_page().unwrap().0.name, "Geneva");
}
