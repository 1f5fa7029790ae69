//! The people/places/organizations of the current item, with mention counts.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::article::kind_style;
use super::{Context, UiState, inner, keep_visible, pane, text};
use crate::app::{App, Focus, Target};

/// Draws the sidebar into `rect`.
pub fn render(frame: &mut Frame, app: &App, state: &mut UiState, cx: &Context, rect: Rect) {
    let theme = cx.theme;
    let focused = app.focus() == Focus::Sidebar;
    let block = pane(Line::styled(" Actors ", theme.title), focused, theme);
    let area = inner(rect);
    let width = usize::from(area.width);
    let entities = app.sidebar_entities();
    let followed = app.article().actor.clone();
    // Rows: a heading before each kind, then its actors.
    let mut rows: Vec<(Line, Option<usize>)> = Vec::new();
    let mut last_kind = None;
    for (i, entity) in entities.iter().enumerate() {
        if last_kind != Some(entity.kind) {
            if last_kind.is_some() {
                rows.push((Line::raw(""), None));
            }
            rows.push((
                Line::styled(entity.kind.plural_title(), theme.heading),
                None,
            ));
            last_kind = Some(entity.kind);
        }
        let count = entity.mentions.len().to_string();
        let name_w = width.saturating_sub(count.len() + 1);
        let mut line = Line::from(vec![
            Span::styled(
                text::fit_pad(&entity.name, name_w),
                kind_style(entity.kind, theme),
            ),
            Span::raw(" "),
            Span::styled(count, theme.date),
        ]);
        if i == app.sidebar_selected() && focused {
            line = line.patch_style(theme.selected);
        } else if followed
            .as_ref()
            .is_some_and(|k| k.kind == entity.kind && k.name == entity.name)
        {
            // The actor whose mentions n/N and ]/[ follow.
            line = line.patch_style(theme.current_mention);
        }
        rows.push((line, Some(i)));
    }
    if rows.is_empty() {
        rows.push((
            Line::styled("No people or places found.", theme.status),
            None,
        ));
    }
    let selected_row = rows
        .iter()
        .position(|(_, i)| *i == Some(app.sidebar_selected()))
        .unwrap_or(0);
    let height = usize::from(area.height);
    keep_visible(&mut state.sidebar_offset, selected_row, height, rows.len());
    let mut lines: Vec<Line> = Vec::with_capacity(height);
    for (line, entity) in rows.into_iter().skip(state.sidebar_offset).take(height) {
        if let Some(i) = entity {
            let drawn = u16::try_from(lines.len()).unwrap_or(u16::MAX);
            state.row_hit(area, drawn, Target::SidebarRow(i));
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
