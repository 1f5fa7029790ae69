//! Property tests of the state machine: any sequence of actions, terminal
//! resizes and messages, on the fixture library and on an empty one, never
//! panics (in `update` or in drawing) and never leaves a selection out of
//! range.
#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod common;

use std::collections::HashSet;

use gazette::app::{Action, App, Focus};
use gazette::config::Config;
use gazette::library::Library;
use gazette::ui::{self, Context, UiState};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

/// One step a user (or the terminal) can take.
#[derive(Debug, Clone)]
enum Step {
    Act(Action),
    Resize(u16, u16),
    Dismiss,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        8 => (0..Action::ALL.len()).prop_map(|i| Step::Act(Action::ALL[i])),
        1 => (0u16..200, 0u16..60).prop_map(|(w, h)| Step::Resize(w, h)),
        1 => Just(Step::Dismiss),
    ]
}

/// Checks every selection against what it selects from.
fn assert_in_range(app: &App) -> Result<(), TestCaseError> {
    let visible = app.visible().len();
    prop_assert!(
        app.list_selected() < visible.max(1),
        "list {} of {visible}",
        app.list_selected()
    );
    prop_assert!(visible <= app.library().len());
    if visible > 0 {
        prop_assert!(app.selected_id().is_some());
    }
    let sidebar = app.sidebar_entities().len();
    prop_assert!(
        app.sidebar_selected() < sidebar.max(1),
        "sidebar {} of {sidebar}",
        app.sidebar_selected()
    );
    let (actors, selected) = app.actors_list();
    prop_assert!(
        selected < actors.len().max(1),
        "actors {selected} of {}",
        actors.len()
    );
    if let Some((key, row)) = app.actor_page() {
        let items = app.library().items_naming(key).count();
        prop_assert!(row < items.max(1), "actor page row {row} of {items}");
    }
    if app.focus() == Focus::Actor {
        prop_assert!(app.actor_page().is_some());
    }
    if app.focus() == Focus::Map {
        prop_assert!(app.map().is_some());
    }
    if let Some(map) = app.map() {
        prop_assert!(map.selected() < map.places().len().max(1));
    }
    prop_assert!(app.unread_count() <= app.library().len());
    Ok(())
}

fn run(library: Library, steps: &[Step]) -> Result<(), TestCaseError> {
    let config = Config::default_embedded();
    let keymap = config.keymap();
    let cx = Context {
        theme: &config.theme,
        keymap: &keymap,
        ui: &config.ui,
    };
    let mut app = App::new(library, HashSet::new(), true);
    let mut size = (100u16, 30u16);
    let mut state = UiState::default();
    for (n, step) in steps.iter().enumerate() {
        match step {
            Step::Act(action) => {
                app.update(*action);
            }
            Step::Resize(w, h) => {
                size = (*w, *h);
                app.set_viewport(ui::layout::viewport(Rect::new(0, 0, *w, *h), &config.ui));
            }
            Step::Dismiss => app.dismiss_help(),
        }
        assert_in_range(&app)?;
        if n % 8 == 7 || n + 1 == steps.len() {
            let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
            terminal
                .draw(|f| ui::draw(f, &app, &mut state, &cx))
                .unwrap();
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_actions_on_the_fixture_library(steps in prop::collection::vec(step(), 1..80)) {
        run(common::library(), &steps)?;
    }

    #[test]
    fn any_actions_on_an_empty_library(steps in prop::collection::vec(step(), 1..40)) {
        run(Library::default(), &steps)?;
    }
}
