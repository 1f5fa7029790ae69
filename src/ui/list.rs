//! The item list: unread marker, date, newsletter, title; newest first.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Context, UiState, cell, inner, keep_visible, pane};
use crate::app::{App, Focus, Target};

/// Draws the list into `rect`.
pub fn render(frame: &mut Frame, app: &App, state: &mut UiState, cx: &Context, rect: Rect) {
    let theme = cx.theme;
    let visible = app.visible();
    let unread = if app.unread_only() {
        " · unread only"
    } else {
        ""
    };
    let title = match app.search() {
        Some(search) if search.results.is_none() => format!(" Filtering by '{}'… ", search.query),
        Some(search) => format!(" Filter ({}){unread}: {} ", visible.len(), search.query),
        None => format!(" Items{unread} ({}) ", visible.len()),
    };
    let block = pane(
        Line::styled(title, theme.title),
        app.focus() == Focus::List,
        theme,
    );
    let area = inner(rect);
    let height = usize::from(area.height);
    keep_visible(
        &mut state.list_offset,
        app.list_selected(),
        height,
        visible.len(),
    );
    let width = usize::from(area.width);
    let mut lines = Vec::with_capacity(height);
    for (row, &index) in visible
        .iter()
        .enumerate()
        .skip(state.list_offset)
        .take(height)
    {
        let Some(item) = app.library().row(index) else {
            continue;
        };
        let read = app.row_is_read(&item);
        let base = if read { theme.read } else { theme.unread };
        let date = item
            .date
            .map(|d| d.format(&cx.ui.date_format).to_string())
            .unwrap_or_default();
        let date_w = date.chars().count().max(10);
        // Titles come first; the newsletter gets a column only when the
        // title keeps at least 24 of the columns the date leaves.
        let avail = width.saturating_sub(2 + date_w + 1);
        let news_w = if avail >= 40 { (avail - 24).min(18) } else { 0 };
        let title_w = avail.saturating_sub(news_w + 1);
        let mut spans = vec![
            Span::styled(if read { "  " } else { "● " }, base),
            cell(&date, date_w, theme.date),
            Span::raw(" "),
        ];
        if news_w > 0 {
            spans.push(cell(item.newsletter_or_default(), news_w, theme.newsletter));
            spans.push(Span::raw(" "));
            spans.push(cell(item.title, title_w, base));
        } else {
            let rest = width.saturating_sub(2 + date_w + 1);
            spans.push(cell(item.title, rest, base));
        }
        let mut line = Line::from(spans);
        let drawn = u16::try_from(lines.len()).unwrap_or(u16::MAX);
        state.row_hit(area, drawn, Target::ListRow(row));
        if row == app.list_selected() {
            line = line.patch_style(theme.selected);
        }
        lines.push(line);
    }
    if visible.is_empty() {
        let empty = if app.unread_only() {
            "Nothing unread. Press u to show all items."
        } else {
            "The library is empty."
        };
        lines.push(Line::styled(empty, theme.status));
    }
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
