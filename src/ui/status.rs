//! The header (counts) and the status line (message, else key hints for the
//! focused pane, generated from the key map).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{Context, text};
use crate::app::{Action, App, Focus};

/// Draws the header line.
pub fn render_header(frame: &mut Frame, app: &App, cx: &Context, rect: Rect) {
    let library = app.library();
    let newsletters = library.newsletter_count();
    let counts = format!(
        " {} newsletter{} · {} unread / {}{}",
        newsletters,
        if newsletters == 1 { "" } else { "s" },
        app.unread_count(),
        library.len(),
        if app.unread_only() {
            " · unread only"
        } else {
            ""
        },
    );
    // Background work (indexing) is noted after the counts, which it changes.
    let counts = match app.progress() {
        Some(progress) => format!("{counts} · {progress}"),
        None => counts,
    };
    let line = Line::from(vec![
        Span::styled("Gazette", cx.theme.title),
        Span::styled(
            text::fit(&counts, usize::from(rect.width).saturating_sub(7)),
            cx.theme.status,
        ),
    ]);
    frame.render_widget(line, rect);
}

/// The actions hinted for a focus, in order.
pub fn hints_for(focus: Focus) -> &'static [Action] {
    match focus {
        Focus::List => &[
            Action::SelectNext,
            Action::Open,
            Action::FocusNext,
            Action::ToggleRead,
            Action::ToggleUnreadOnly,
            Action::Actors,
            Action::Help,
            Action::Quit,
        ],
        Focus::Article => &[
            Action::SelectNext,
            Action::FocusNext,
            Action::NextMention,
            Action::NextActorItem,
            Action::Links,
            Action::Back,
            Action::Map,
            Action::Help,
            Action::Quit,
        ],
        Focus::Sidebar => &[
            Action::SelectNext,
            Action::Open,
            Action::NextMention,
            Action::NextActorItem,
            Action::FocusNext,
            Action::Help,
            Action::Quit,
        ],
        Focus::Actor => &[
            Action::SelectNext,
            Action::Open,
            Action::FocusNext,
            Action::FilterNewsletter,
            Action::ToggleUnreadOnly,
            Action::Map,
            Action::MergeActor,
            Action::HideActor,
            Action::Back,
            Action::Help,
            Action::Quit,
        ],
        Focus::Actors => &[
            Action::SelectNext,
            Action::Open,
            Action::Search,
            Action::SortActors,
            Action::Back,
            Action::Help,
            Action::Quit,
        ],
        Focus::Map => &[
            Action::SelectNext,
            Action::Open,
            Action::ZoomIn,
            Action::ZoomReset,
            Action::Back,
            Action::Help,
            Action::Quit,
        ],
    }
}

/// Draws the status line.
pub fn render_status(frame: &mut Frame, app: &App, cx: &Context, rect: Rect) {
    let width = usize::from(rect.width);
    if app.actor_index().typing && app.focus() == Focus::Actors {
        let prompt = "Filter actors: type letters of a name · Enter keep · Esc clear";
        frame.render_widget(Line::styled(text::fit(prompt, width), cx.theme.title), rect);
        return;
    }
    if let Some(line) = app.typing() {
        frame.render_widget(super::queries::prompt(app, line, cx.theme), rect);
        return;
    }
    let modal = if app.picker().is_some() {
        Some("type to filter · ↑/↓ move · enter choose · esc cancel")
    } else if app.links_view().is_some() {
        Some("1-9 open that link · enter/o open selected · j/k move · esc close")
    } else {
        None
    };
    if let (Some(hint), None) = (modal, app.message()) {
        frame.render_widget(Line::styled(text::fit(hint, width), cx.theme.title), rect);
        return;
    }
    if let Some(message) = app.message() {
        frame.render_widget(
            Line::styled(text::fit(message, width), cx.theme.title),
            rect,
        );
        return;
    }
    let mut parts = Vec::new();
    for &action in hints_for(app.focus()) {
        let Some(key) = cx.keymap.first_key(action) else {
            continue;
        };
        let key = match action {
            Action::SelectNext => match cx.keymap.first_key(Action::SelectPrev) {
                Some(up) => format!("{key}/{up}"),
                None => key,
            },
            Action::NextMention => match cx.keymap.first_key(Action::PrevMention) {
                Some(prev) => format!("{key}/{prev}"),
                None => key,
            },
            Action::NextActorItem => match cx.keymap.first_key(Action::PrevActorItem) {
                Some(prev) => format!("{key}/{prev}"),
                None => key,
            },
            Action::ZoomIn => match cx.keymap.first_key(Action::ZoomOut) {
                Some(out) => format!("{key}/{out}"),
                None => key,
            },
            _ => key,
        };
        let label = match (app.focus(), action) {
            (Focus::Actors, Action::Search) => "filter",
            (Focus::Actor, Action::FocusNext) => "named with",
            _ => action.short(),
        };
        parts.push(format!("{key} {label}"));
    }
    let hint = parts.join(" · ");
    frame.render_widget(Line::styled(text::fit(&hint, width), cx.theme.status), rect);
}
