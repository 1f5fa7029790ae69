//! The only module that touches the terminal: set-up and restore (also on
//! panic), and the loop that turns key presses into actions, draws, and
//! performs the state machine's effects.

use std::io;

use crossterm::event::{self, Event, KeyEventKind};
use ratatui::DefaultTerminal;
use ratatui::layout::Rect;

use crate::app::{App, Effect};
use crate::config::Config;
use crate::model::ItemId;
use crate::theme::Theme;
use crate::ui::{self, Context, UiState};

/// Saves read marks; returns a message for the status line on failure.
pub type SaveMarks<'a> = dyn FnMut(&[ItemId], bool) -> Result<(), String> + 'a;

/// Runs the reader until the user quits. The terminal is restored on every
/// path out, panics included (ratatui's panic hook).
pub fn run(app: App, config: &Config, theme: &Theme, save: &mut SaveMarks) -> io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let result = event_loop(&mut terminal, app, config, theme, save);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    mut app: App,
    config: &Config,
    theme: &Theme,
    save: &mut SaveMarks,
) -> io::Result<()> {
    let keymap = config.keymap();
    let cx = Context {
        theme,
        keymap: &keymap,
        ui: &config.ui,
    };
    let mut ui_state = UiState::default();
    let size = terminal.size()?;
    app.set_viewport(ui::layout::viewport(
        Rect::new(0, 0, size.width, size.height),
        &config.ui,
    ));
    while !app.should_quit() {
        terminal.draw(|frame| ui::draw(frame, &app, &mut ui_state, &cx))?;
        match event::read()? {
            // Only presses: terminals that report releases would double every key.
            Event::Key(key) if key.kind == KeyEventKind::Press => {
                if let Some(action) = keymap.lookup(&key) {
                    let effects = app.update(action);
                    apply(&mut app, effects, save);
                } else if app.show_help() {
                    // "Any key closes this help", bound or not.
                    app.dismiss_help();
                }
            }
            Event::Resize(width, height) => {
                app.set_viewport(ui::layout::viewport(
                    Rect::new(0, 0, width, height),
                    &config.ui,
                ));
            }
            _ => {}
        }
    }
    Ok(())
}

/// Performs effects; a failed save is shown, never fatal, and retried by the
/// next change of that mark.
pub fn apply(app: &mut App, effects: Vec<Effect>, save: &mut SaveMarks) {
    for effect in effects {
        match effect {
            Effect::SaveRead { ids, read } => {
                if let Err(message) = save(&ids, read) {
                    app.set_message(format!("Could not save read marks: {message}"));
                }
            }
            Effect::Quit => {}
        }
    }
}
