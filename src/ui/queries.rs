//! The query line: the typed query (its offending words marked when it
//! did not parse) and the saved queries offered above it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{Context, cell, pane, text};
use crate::app::App;
use crate::theme::Theme;

/// Rows of saved queries shown at most.
const SAVED_ROWS: usize = 8;

/// The status line while a query is typed: `Query: <line>█`, then the
/// error (its words underlined in the line) or a hint.
pub fn prompt<'a>(app: &App, line: &'a str, theme: &Theme) -> Line<'a> {
    let mut spans = vec![Span::styled("Query: ", theme.title)];
    let Some(error) = app.typing_error() else {
        let hint = if app.saved_offered().0.is_empty() {
            "  (Enter run · Esc cancel · e.g. person:lind and not unread)"
        } else {
            "  (Enter run · ↓/↑ saved queries · Esc cancel)"
        };
        spans.push(Span::styled(line, theme.title));
        spans.push(Span::styled("█", theme.title));
        spans.push(Span::styled(hint, theme.status));
        return Line::from(spans);
    };
    let at = |i: usize| {
        let mut i = i.min(line.len());
        while !line.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (start, end) = (at(error.span.0), at(error.span.1.max(error.span.0)));
    spans.push(Span::styled(&line[..start], theme.title));
    spans.push(Span::styled(
        &line[start..end],
        theme.error.add_modifier(Modifier::UNDERLINED),
    ));
    spans.push(Span::styled(&line[end..], theme.title));
    spans.push(Span::styled("█", theme.title));
    spans.push(Span::styled(
        format!("  {} (column {})", error.message, error.column(line)),
        theme.error,
    ));
    Line::from(spans)
}

/// Draws the saved queries offered, if any, in a box just above `status`.
pub fn render_saved(frame: &mut Frame, app: &App, cx: &Context, status: Rect) {
    let (offered, selected) = app.saved_offered();
    if offered.is_empty() || status.y < 3 {
        return;
    }
    let theme = cx.theme;
    let first = selected.map_or(0, |s| s.saturating_sub(SAVED_ROWS - 1));
    let rows = offered.len().min(SAVED_ROWS);
    let width = status.width.min(80);
    let name_width = offered
        .iter()
        .map(|(n, _)| n.chars().count() + 3)
        .max()
        .unwrap_or(0)
        .min(24);
    let lines: Vec<Line> = offered
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(n, (name, query))| {
            let style = if Some(n) == selected {
                theme.selected
            } else {
                Style::default()
            };
            let rest = usize::from(width).saturating_sub(name_width + 4);
            Line::from(vec![
                cell(&format!("@{name}"), name_width, style.patch(theme.title)),
                Span::styled(text::fit_pad(query, rest), style),
            ])
        })
        .collect();
    let height = u16::try_from(rows + 2).unwrap_or(u16::MAX).min(status.y);
    let rect = Rect {
        x: status.x,
        y: status.y - height,
        width,
        height,
    };
    frame.render_widget(Clear, rect);
    let block = pane(Line::styled(" Saved queries ", theme.title), true, theme);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
