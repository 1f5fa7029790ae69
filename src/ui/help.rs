//! The help screen, generated from the live key map so it never lies.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{Context, cell, pane};
use crate::app::Action;

/// Draws the help over the centre of `area`.
pub fn render(frame: &mut Frame, cx: &Context, area: Rect) {
    let theme = cx.theme;
    let mut lines: Vec<Line> = Vec::new();
    for action in Action::ALL {
        let keys = cx.keymap.keys_for(action);
        if keys.is_empty() {
            continue;
        }
        lines.push(Line::from(vec![
            cell(&keys.join(" "), 34, theme.title),
            Span::raw(action.describe()),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        cell("Queries", 34, theme.title),
        Span::raw("envoy \"peace plan\" unread read"),
    ]));
    lines.push(Line::from(vec![
        cell("", 34, theme.title),
        Span::raw("person: place: org: actor: newsletter:"),
    ]));
    lines.push(Line::from(vec![
        cell("", 34, theme.title),
        Span::raw("before:2025-11 after:2025-11-20 and or not -x ( )"),
    ]));
    lines.push(Line::raw(""));
    lines.push(Line::styled("Any key closes this help.", theme.status));
    let width = area.width.min(76);
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
