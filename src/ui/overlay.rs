//! Lists drawn over the panes: the actor picker (merge, split) and the
//! links of the open item.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::article::kind_style;
use super::{Context, cell, inner, pane, text};
use crate::app::App;
use crate::app::aliases::{Picker, PickerKind};
use crate::app::links::LinksView;

/// A box of `width` × `height` centred in `area` (clamped to it).
fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// Draws the picker over `area`.
pub fn render_picker(frame: &mut Frame, app: &App, picker: &Picker, cx: &Context, area: Rect) {
    let theme = cx.theme;
    let title = match picker.kind {
        PickerKind::Merge => format!(" Merge {} into… ", picker.subject.name),
        PickerKind::Split => format!(" Split a name off {} ", picker.subject.name),
    };
    let rect = centred(area, 70, area.height.saturating_sub(4).max(8));
    let inside = inner(rect);
    let width = usize::from(inside.width);
    let mut lines = vec![Line::styled(
        text::fit(&format!("Filter: {}█", picker.query), width),
        theme.title,
    )];
    let matches = picker.matches();
    let rows = usize::from(inside.height).saturating_sub(2).max(1);
    let first = picker.selected.saturating_sub(rows - 1);
    let library = app.library();
    for (i, key) in matches.iter().enumerate().skip(first).take(rows) {
        let count = library.count_naming(key);
        let name_w = width.saturating_sub(14 + 10);
        let mut line = Line::from(vec![
            cell(key.kind.as_str(), 14, theme.date),
            cell(&key.name, name_w, kind_style(key.kind, theme)),
            Span::styled(
                format!("{count:>4} item{}", if count == 1 { " " } else { "s" }),
                theme.date,
            ),
        ]);
        if i == picker.selected {
            line = line.patch_style(theme.selected);
        }
        lines.push(line);
    }
    if matches.is_empty() {
        lines.push(Line::styled("(nothing matches)", theme.status));
    }
    frame.render_widget(Clear, rect);
    let block = pane(
        Line::styled(text::fit(&title, width), theme.title),
        true,
        theme,
    );
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}

/// Draws the links list over `area`.
pub fn render_links(frame: &mut Frame, view: &LinksView, cx: &Context, area: Rect) {
    let theme = cx.theme;
    let height = u16::try_from(view.links.len() + 2).unwrap_or(u16::MAX);
    let rect = centred(area, area.width.saturating_sub(6).min(100), height);
    let inside = inner(rect);
    let width = usize::from(inside.width);
    let rows = usize::from(inside.height).max(1);
    let first = view.selected.saturating_sub(rows - 1);
    let mut lines = Vec::new();
    for (i, link) in view.links.iter().enumerate().skip(first).take(rows) {
        let number = format!("{:>2} ", i + 1);
        let rest = width.saturating_sub(number.len());
        // The text gets up to 40% of the row; the URL the rest, its end cut.
        let text_w = if link.text.is_empty() {
            0
        } else {
            link.text.width().min(rest * 2 / 5)
        };
        let url_w = rest.saturating_sub(if text_w > 0 { text_w + 2 } else { 0 });
        let mut spans = vec![Span::styled(number, theme.title)];
        if text_w > 0 {
            spans.push(cell(&link.text, text_w, theme.heading));
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(shorten(&link.url, url_w), theme.newsletter));
        let mut line = Line::from(spans);
        if i == view.selected {
            line = line.patch_style(theme.selected);
        }
        lines.push(line);
    }
    frame.render_widget(Clear, rect);
    let title = format!(" Links ({}) ", view.links.len());
    let block = pane(Line::styled(title, theme.title), true, theme);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}

/// A URL cut in the middle to `width` columns: its start (the host) and
/// its end (the page) stay readable.
fn shorten(url: &str, width: usize) -> String {
    if url.width() <= width {
        return url.to_string();
    }
    let head = text::fit(url, (width * 3 / 5).max(1));
    let room = width.saturating_sub(head.width());
    let mut tail: Vec<char> = Vec::new();
    let mut used = 0;
    for c in url.chars().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        tail.push(c);
    }
    head + &tail.into_iter().rev().collect::<String>()
}

#[cfg(test)]
mod tests {
    use super::shorten;

    #[test]
    fn urls_are_cut_in_the_middle() {
        let url = "https://example.org/a/very/long/path/to/the/report.html";
        assert_eq!(shorten(url, 80), url);
        let short = shorten(url, 30);
        assert_eq!(unicode_width::UnicodeWidthStr::width(short.as_str()), 30);
        assert!(short.starts_with("https://example.o"), "{short}");
        assert!(short.ends_with("report.html"), "{short}");
    }
}
