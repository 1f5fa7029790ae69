//! Rendering: one module per region, each a function of the state. Only the
//! scroll offsets of lists (frame-to-frame widget state) live in [`UiState`].

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Padding};

use crate::app::keymap::Keymap;
use crate::app::{App, Focus, Target};
use crate::config::UiConfig;
use crate::theme::Theme;

mod actor;
mod actors;
mod article;
mod help;
pub mod layout;
mod list;
pub mod map;
mod overlay;
mod queries;
mod sidebar;
mod status;
pub mod text;

/// Scroll offsets kept between frames so lists do not jump, and where the
/// last frame drew what (for the mouse).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UiState {
    /// First row shown in the item list.
    pub list_offset: usize,
    /// First row shown in the sidebar.
    pub sidebar_offset: usize,
    /// First row shown in an actor page's item list.
    pub actor_offset: usize,
    /// First row shown in the all-actors list.
    pub actors_offset: usize,
    /// First row shown in the map's list of places.
    pub map_offset: usize,
    /// What the last frame drew where, later entries on top.
    pub hits: Vec<(Rect, Target)>,
}

impl UiState {
    /// What the last frame drew at a cell.
    pub fn hit(&self, column: u16, row: u16) -> Option<Target> {
        let at = ratatui::layout::Position::new(column, row);
        self.hits
            .iter()
            .rev()
            .find(|(rect, _)| rect.contains(at))
            .map(|(_, t)| *t)
    }

    /// Records a row of a list drawn at `row` inside `area`.
    fn row_hit(&mut self, area: Rect, row: u16, target: Target) {
        if row < area.height {
            self.hits
                .push((Rect::new(area.x, area.y + row, area.width, 1), target));
        }
    }
}

/// What every region needs besides the state.
pub struct Context<'a> {
    /// Styles.
    pub theme: &'a Theme,
    /// The live key map (for hints and help).
    pub keymap: &'a Keymap,
    /// Layout options.
    pub ui: &'a UiConfig,
}

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App, state: &mut UiState, cx: &Context) {
    let area = frame.area();
    let panes = layout::panes(area, app.focus(), cx.ui);
    state.hits.clear();
    if area.height < 3 || area.width < 2 {
        frame.render_widget(
            Line::from(text::fit("Gazette", usize::from(area.width))),
            area,
        );
        text::scrub_buffer(frame.buffer_mut());
        return;
    }
    status::render_header(frame, app, cx, panes.header);
    match app.focus() {
        Focus::Actor => {
            state.hits.push((panes.body, Target::Pane(Focus::Actor)));
            actor::render_page(frame, app, state, cx, panes.body);
        }
        Focus::Actors => {
            state.hits.push((panes.body, Target::Pane(Focus::Actors)));
            actors::render(frame, app, state, cx, panes.body);
        }
        Focus::Map => {
            state.hits.push((panes.body, Target::Pane(Focus::Map)));
            map::render(frame, app, state, cx, panes.body);
        }
        _ => {
            if let Some(rect) = panes.list {
                state.hits.push((rect, Target::Pane(Focus::List)));
                list::render(frame, app, state, cx, rect);
            }
            if let Some(rect) = panes.article {
                state.hits.push((rect, Target::Pane(Focus::Article)));
                article::render(frame, app, cx, rect);
            }
            if let Some(rect) = panes.sidebar {
                state.hits.push((rect, Target::Pane(Focus::Sidebar)));
                sidebar::render(frame, app, state, cx, rect);
            }
        }
    }
    status::render_status(frame, app, cx, panes.status);
    queries::render_saved(frame, app, cx, panes.status);
    if let Some(picker) = app.picker() {
        overlay::render_picker(frame, app, picker, cx, panes.body);
    }
    if let Some(view) = app.links_view() {
        overlay::render_links(frame, view, cx, panes.body);
    }
    if app.show_help() {
        help::render(frame, cx, area);
    }
    text::scrub_buffer(frame.buffer_mut());
}

/// A bordered pane titled `title`, highlighted when focused.
fn pane<'a>(title: impl Into<Line<'a>>, focused: bool, theme: &Theme) -> Block<'a> {
    let border = if focused {
        theme.border_focused
    } else {
        theme.border
    };
    Block::default()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(border)
        .title(title)
        .padding(Padding::horizontal(1))
}

/// Moves `offset` so that `selected` is within `height` rows.
fn keep_visible(offset: &mut usize, selected: usize, height: usize, len: usize) {
    let height = height.max(1);
    if selected < *offset {
        *offset = selected;
    } else if selected >= *offset + height {
        *offset = selected + 1 - height;
    }
    *offset = (*offset).min(len.saturating_sub(height));
}

/// A span of `text` fitted into `width` columns and padded.
fn cell<'a>(text: &str, width: usize, style: Style) -> Span<'a> {
    Span::styled(text::fit_pad(text, width), style)
}

/// The inner area of a pane (inside borders and padding).
fn inner(rect: Rect) -> Rect {
    Rect {
        x: rect.x.saturating_add(2),
        y: rect.y.saturating_add(1),
        width: rect.width.saturating_sub(4),
        height: rect.height.saturating_sub(2),
    }
}
