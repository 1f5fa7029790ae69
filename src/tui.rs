//! The only module that touches the terminal: set-up and restore (also on
//! panic), and the loop that turns key presses into actions, draws, and
//! performs the state machine's effects. SIGTERM, SIGHUP and SIGINT end the
//! loop cleanly too ([`signals`]).

use std::io;
use std::path::Path;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use crossterm::event::{self, Event, KeyEventKind};
use ratatui::DefaultTerminal;
use ratatui::layout::Rect;

use crate::app::{App, Effect};
use crate::config::Config;
use crate::model::ItemId;
use crate::source::{Source, serve};
use crate::theme::Theme;
use crate::ui::{self, Context, UiState};

pub use crate::store::background::Notice;

pub mod signals;

/// Debug builds only: set to panic right after the first frame, so tests can
/// check the terminal is restored after a panic.
pub const PANIC_ENV: &str = "GAZETTE_DEBUG_PANIC";

/// Saves read marks; returns a message for the status line on failure.
pub type SaveMarks<'a> = dyn FnMut(&[ItemId], bool) -> Result<(), String> + 'a;

/// Background work the reader can start; both calls return at once and
/// report through `notices`.
pub struct Background {
    /// Where background threads report.
    pub notices: Receiver<Notice>,
    /// Starts fetching the configured feeds.
    pub refresh: Box<dyn FnMut()>,
    /// Starts bringing the library index up to date (at start, and when
    /// files change).
    pub reload: Box<dyn FnMut()>,
}

/// How long the loop waits for a key before looking at notices.
const NOTICE_POLL: Duration = Duration::from_millis(40);

/// Quiet time after the last file change before reloading (saves come in
/// bursts: a temporary file, a rename).
const RELOAD_DEBOUNCE: Duration = Duration::from_millis(400);

/// Runs the reader until the user quits. The terminal is restored on every
/// path out, panics included (ratatui's panic hook).
pub fn run(
    app: App,
    config: &Config,
    theme: &Theme,
    source: &dyn Source,
    save: &mut SaveMarks,
    background: Option<Background>,
    alias_file: &Path,
) -> io::Result<()> {
    let stop = signals::Stop::register()?;
    let mut terminal = ratatui::try_init()?;
    if config.ui.mouse {
        enable_mouse();
    }
    let mut outside = Outside {
        source,
        save,
        background,
        stop,
        alias_file,
    };
    let result = event_loop(&mut terminal, app, config, theme, &mut outside);
    restore();
    result
}

/// Puts the terminal back as it was: mouse reporting off, cooked mode, main
/// screen. Safe to call more than once, and from any thread.
pub fn restore() {
    let _ = crossterm::execute!(io::stdout(), crossterm::event::DisableMouseCapture);
    ratatui::restore();
}

/// Turns mouse reporting on, and makes a panic turn it off again before
/// ratatui's own hook restores the rest.
fn enable_mouse() {
    if crossterm::execute!(io::stdout(), crossterm::event::EnableMouseCapture).is_err() {
        return;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(io::stdout(), crossterm::event::DisableMouseCapture);
        previous(info);
    }));
}

/// Applies waiting notices; returns whether anything changed on screen.
fn drain_notices(app: &mut App, bg: &Background, changed_at: &mut Option<Instant>) -> bool {
    let mut redraw = false;
    while let Ok(notice) = bg.notices.try_recv() {
        redraw = true;
        match notice {
            Notice::Message(message) => app.set_message(message),
            Notice::Progress(progress) => app.set_progress(progress),
            Notice::Library(library) => {
                app.replace_library(*library);
                crate::trace::mark("library shown");
            }
            Notice::FilesChanged => *changed_at = Some(Instant::now()),
            Notice::TextIndexed => app.search_again(),
        }
    }
    redraw
}

/// What the loop works with besides the state: bodies, the marks store,
/// background work, and the stop flag.
struct Outside<'a, 'b> {
    source: &'a dyn Source,
    save: &'a mut SaveMarks<'b>,
    background: Option<Background>,
    stop: signals::Stop,
    alias_file: &'a Path,
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    mut app: App,
    config: &Config,
    theme: &Theme,
    outside: &mut Outside,
) -> io::Result<()> {
    let Outside {
        source,
        save,
        background,
        stop,
        alias_file,
    } = outside;
    let source = *source;
    let keymap = config.keymap();
    let mut changed_at: Option<Instant> = None;
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
    // The list first: item bodies (which start the extractor) come next.
    terminal.draw(|frame| ui::draw(frame, &app, &mut ui_state, &cx))?;
    crate::trace::mark("first frame");
    let mut items_shown = !app.library().is_empty();
    if let Some(bg) = background.as_mut() {
        // Bring the index up to date while the reader shows what it holds.
        (bg.reload)();
    }
    while !app.should_quit() && !stop.requested() {
        // Bodies and sentences the next frame needs, before drawing it.
        serve(&mut app, source);
        terminal.draw(|frame| ui::draw(frame, &app, &mut ui_state, &cx))?;
        if !items_shown && !app.library().is_empty() {
            items_shown = true;
            crate::trace::mark("first items drawn");
        }
        if cfg!(debug_assertions) && std::env::var_os(PANIC_ENV).is_some() {
            panic!("{PANIC_ENV} is set: panicking on purpose");
        }
        if let Some(bg) = background.as_mut() {
            // Wait for a key a little at a time, so background news shows.
            let mut redraw = false;
            while !redraw && !stop.requested() && !event::poll(NOTICE_POLL)? {
                redraw = drain_notices(&mut app, bg, &mut changed_at);
                if changed_at.is_some_and(|t| t.elapsed() >= RELOAD_DEBOUNCE) {
                    changed_at = None;
                    (bg.reload)();
                }
            }
            if redraw || stop.requested() {
                continue;
            }
        } else if !event::poll(signals::POLL)? {
            // Wake now and then to see whether a signal asked us to stop.
            continue;
        }
        match event::read()? {
            // Only presses: terminals that report releases would double every key.
            Event::Key(key) if key.kind == KeyEventKind::Press && app.takes_keys() => {
                let effects = type_key(&mut app, key);
                perform(&mut app, &effects, alias_file);
                apply(&mut app, effects, save);
            }
            Event::Key(key) if key.kind == KeyEventKind::Press => {
                if let Some(action) = keymap.lookup(&key) {
                    let effects = app.update(action);
                    if effects.contains(&Effect::Refresh) {
                        match background.as_mut() {
                            Some(bg) => (bg.refresh)(),
                            None => app.set_message("No feeds to fetch"),
                        }
                    }
                    perform(&mut app, &effects, alias_file);
                    apply(&mut app, effects, save);
                } else if app.show_help() {
                    // "Any key closes this help", bound or not.
                    app.dismiss_help();
                }
            }
            Event::Mouse(mouse) => {
                let effects = on_mouse(&mut app, &ui_state, mouse);
                apply(&mut app, effects, save);
            }
            Event::Resize(width, height) => {
                let area = Rect::new(0, 0, width, height);
                app.set_viewport(ui::layout::viewport(area, &config.ui));
            }
            _ => {}
        }
    }
    Ok(())
}

/// A mouse event, resolved against what the last frame drew.
fn on_mouse(app: &mut App, drawn: &UiState, mouse: event::MouseEvent) -> Vec<Effect> {
    use event::{MouseButton, MouseEventKind};
    if app.is_typing() {
        return Vec::new();
    }
    let Some(target) = drawn.hit(mouse.column, mouse.row) else {
        return Vec::new();
    };
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => app.click(target),
        MouseEventKind::ScrollDown => app.wheel(target, true),
        MouseEventKind::ScrollUp => app.wheel(target, false),
        _ => Vec::new(),
    }
}

/// A key while a line or list takes keys: the query line (text,
/// Backspace, Enter, Esc, Up/Down among the saved queries), the actor picker (the same, and arrows to move)
/// or the links list (a digit opens that link; Enter or `o` the selected
/// one; arrows or `j`/`k` move; Esc, `q` or `L` close).
pub fn type_key(app: &mut App, key: crossterm::event::KeyEvent) -> Vec<Effect> {
    use crossterm::event::{KeyCode, KeyModifiers};
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if app.links_view().is_some() {
        match key.code {
            KeyCode::Char(c @ '1'..='9') => {
                let n = c.to_digit(10).map_or(0, |d| d as usize - 1);
                return app.links_open(Some(n));
            }
            KeyCode::Enter | KeyCode::Char('o') => return app.links_open(None),
            KeyCode::Down | KeyCode::Char('j') => app.links_move(1),
            KeyCode::Up | KeyCode::Char('k') => app.links_move(-1),
            KeyCode::Esc | KeyCode::Backspace | KeyCode::Char('q' | 'L') => app.links_close(),
            KeyCode::Char('c') if ctrl => app.links_close(),
            _ => {}
        }
        return Vec::new();
    }
    if app.picker().is_some() {
        match key.code {
            KeyCode::Enter => return app.picker_choose(),
            KeyCode::Esc => app.picker_cancel(),
            KeyCode::Char('c') if ctrl => app.picker_cancel(),
            KeyCode::Backspace => app.picker_backspace(),
            KeyCode::Down => app.picker_move(1),
            KeyCode::Up => app.picker_move(-1),
            KeyCode::PageDown => app.picker_move(10),
            KeyCode::PageUp => app.picker_move(-10),
            KeyCode::Char(c) if !ctrl => app.picker_char(c),
            _ => {}
        }
        return Vec::new();
    }
    match key.code {
        KeyCode::Enter => app.type_submit(),
        KeyCode::Esc => app.type_cancel(),
        KeyCode::Backspace => app.type_backspace(),
        KeyCode::Up => app.type_move(-1),
        KeyCode::Down => app.type_move(1),
        KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => app.type_cancel(),
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => app.type_char(c),
        _ => {}
    }
    Vec::new()
}

/// Performs the effects that reach outside the reader: saving the alias
/// file, opening a link. Failures are shown in the status line.
fn perform(app: &mut App, effects: &[Effect], alias_file: &Path) {
    for effect in effects {
        match effect {
            Effect::SaveAliases(edits) => {
                if let Err(err) = crate::store::aliases::save(alias_file, edits) {
                    app.set_message(format!("Alias edits not saved: {err}"));
                }
            }
            Effect::OpenLink(url) => {
                if let Err(message) = open_link(url) {
                    app.set_message(message);
                }
            }
            _ => {}
        }
    }
}

/// Starts the opener on `url` (an argument list, no shell; its output
/// would draw over the screen, so it goes nowhere).
fn open_link(url: &str) -> Result<(), String> {
    use std::process::Stdio;
    let mut command = crate::links::open_command(url).map_err(|e| format!("Not opened: {e}"))?;
    let program = crate::links::opener();
    match command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
    {
        Ok(mut child) => {
            // Reap it when it ends, without waiting here.
            std::thread::spawn(move || child.wait());
            Ok(())
        }
        Err(err) if err.kind() == io::ErrorKind::NotFound => Err(format!(
            "No opener found ({program}); set {} to a program that opens links",
            crate::links::OPENER_ENV
        )),
        Err(err) => Err(format!("Could not run {program}: {err}")),
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
            // The event loop starts the refresh and performs the rest
            // before applying the marks.
            Effect::Quit | Effect::Refresh | Effect::SaveAliases(_) | Effect::OpenLink(_) => {}
        }
    }
}
