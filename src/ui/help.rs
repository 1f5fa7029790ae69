//! The help screen, generated from the live key map so it never lies. When
//! the screen is too short for one column of keys, it uses two.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{Context, cell, pane, text};
use crate::app::Action;

/// Lines of the query summary under the keys.
const QUERIES: [(&str, &str); 3] = [
    ("Queries (/)", "envoy \"peace plan\" unread read"),
    ("", "person: place: org: actor: newsletter:"),
    ("", "before:2025-11 after:2025-11-20 and or not -x ( )"),
];

/// Draws the help over the centre of `area`.
pub fn render(frame: &mut Frame, cx: &Context, area: Rect) {
    let theme = cx.theme;
    let entries: Vec<(String, &str)> = Action::ALL
        .iter()
        .filter_map(|&action| {
            let keys = cx.keymap.keys_for(action);
            (!keys.is_empty()).then(|| (keys.join(" "), action.describe()))
        })
        .collect();
    // Rows besides the entries: borders, a gap, the queries, a gap, the footer.
    let extra = 2 + 1 + QUERIES.len() + 1 + 1;
    let columns = if usize::from(area.height) < entries.len() + extra && area.width >= 110 {
        2
    } else {
        1
    };
    let width = area.width.min(if columns == 2 { 150 } else { 90 });
    let column_width = (usize::from(width).saturating_sub(4) / columns).saturating_sub(1);
    let rows = entries.len().div_ceil(columns);
    let keys_width = entries
        .iter()
        .map(|(k, _)| k.chars().count() + 1)
        .max()
        .unwrap_or(8)
        .min(if columns == 2 { 20 } else { column_width / 2 })
        .max(12);
    let mut lines: Vec<Line> = Vec::with_capacity(rows + extra);
    for row in 0..rows {
        let mut spans = Vec::new();
        for column in 0..columns {
            let Some((keys, describe)) = entries.get(column * rows + row) else {
                continue;
            };
            spans.push(cell(keys, keys_width, theme.title));
            let rest = column_width.saturating_sub(keys_width);
            spans.push(Span::raw(text::fit_pad(describe, rest)));
            spans.push(Span::raw(" "));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::raw(""));
    for (label, text) in QUERIES {
        lines.push(Line::from(vec![
            cell(label, keys_width, theme.title),
            Span::raw(text),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Any key closes this help.", theme.status));
    let height = area
        .height
        .min(u16::try_from(lines.len() + 2).unwrap_or(u16::MAX));
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    frame.render_widget(Clear, rect);
    let block = pane(Line::styled(" Keys ", theme.title), true, theme);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
