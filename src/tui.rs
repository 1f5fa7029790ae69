//! The only module that touches the terminal: set-up and restore (also on
//! panic), and the loop that turns key presses into actions, draws, and
//! performs the state machine's effects.

use std::io;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

use crossterm::event::{self, Event, KeyEventKind};
use ratatui::DefaultTerminal;
use ratatui::layout::Rect;

use crate::app::{App, Effect};
use crate::config::Config;
use crate::model::ItemId;
use crate::source::{Source, serve};
use crate::store::background::Update;
use crate::theme::Theme;
use crate::ui::{self, Context, UiState};

/// Saves read marks; returns a message for the status line on failure.
pub type SaveMarks<'a> = dyn FnMut(&[ItemId], bool) -> Result<(), String> + 'a;

/// Runs the reader until the user quits. The terminal is restored on every
/// path out, panics included (ratatui's panic hook).
pub fn run(
    app: App,
    config: &Config,
    theme: &Theme,
    source: &dyn Source,
    updates: Option<Receiver<Update>>,
    save: &mut SaveMarks,
) -> io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let result = event_loop(&mut terminal, app, config, theme, source, updates, save);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    mut app: App,
    config: &Config,
    theme: &Theme,
    source: &dyn Source,
    mut updates: Option<Receiver<Update>>,
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
        // Bodies and sentences the next frame needs, before drawing it.
        serve(&mut app, source);
        terminal.draw(|frame| ui::draw(frame, &app, &mut ui_state, &cx))?;
        // Wake up for background work while there is some; else wait for keys.
        let wait = if updates.is_some() {
            Duration::from_millis(100)
        } else {
            Duration::from_secs(3600)
        };
        if event::poll(wait)? {
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
                    let area = Rect::new(0, 0, width, height);
                    app.set_viewport(ui::layout::viewport(area, &config.ui));
                }
                _ => {}
            }
        }
        if let Some(receiver) = &updates
            && !receive(&mut app, receiver)
        {
            updates = None;
        }
    }
    Ok(())
}

/// Applies what the background indexer sent; `false` once it has finished.
fn receive(app: &mut App, receiver: &Receiver<Update>) -> bool {
    loop {
        match receiver.try_recv() {
            Ok(Update::Progress(p)) => {
                app.set_progress(Some(format!("indexing {} of {} files", p.done, p.total)));
            }
            Ok(Update::Warnings(warnings)) => {
                let n = warnings.len();
                app.set_message(format!(
                    "{n} file{} could not be read (run `gazette list` to see which)",
                    if n == 1 { "" } else { "s" }
                ));
            }
            Ok(Update::Library(library)) => {
                app.replace_library(*library);
                app.set_progress(None);
            }
            Ok(Update::Failed(message)) => {
                app.set_progress(None);
                app.set_message(format!("Indexing failed: {message}"));
            }
            Err(TryRecvError::Empty) => return true,
            Err(TryRecvError::Disconnected) => {
                app.set_progress(None);
                return false;
            }
        }
    }
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
