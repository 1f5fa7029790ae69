//! The article: title, meta line, wrapped blocks, every mention of a person,
//! place or organization highlighted in its kind's colour.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Context, inner, pane};
use crate::app::article_text::{ArticleLine, LineKind, find_matches, layout};
use crate::app::{App, Focus};
use crate::library::Body;
use crate::model::{EntityKind, Mention};
use crate::theme::Theme;

/// A highlighted byte range of one segment.
struct Mark {
    segment: usize,
    start: usize,
    end: usize,
    style: Style,
}

/// Draws the article of the state's current item into `rect`.
pub fn render(frame: &mut Frame, app: &App, cx: &Context, rect: Rect) {
    let theme = cx.theme;
    let focused = app.focus() == Focus::Article;
    let state = app.article();
    let Some(index) = state.item else {
        let block = pane(Line::styled(" Article ", theme.title), focused, theme);
        frame.render_widget(Paragraph::new("No item selected.").block(block), rect);
        return;
    };
    let Some(body) = app.body(index) else {
        let block = pane(Line::styled(" Article ", theme.title), focused, theme);
        frame.render_widget(Paragraph::new("Loading…").block(block), rect);
        return;
    };
    let area = inner(rect);
    let lines = layout(&body.item, usize::from(area.width));
    let mut marks = marks(app, body, theme);
    let search_marks = search_marks(app, &lines, theme);
    let height = usize::from(area.height);
    // Search matches are marks too, placed on the segment offsets of their line.
    for (line, start, end, style) in search_marks {
        if let Some(segment) = lines[line].segment {
            let base = lines[line].start;
            marks.retain(|m| {
                !(m.segment == segment && m.start < base + end && base + start < m.end)
            });
            marks.push(Mark {
                segment,
                start: base + start,
                end: base + end,
                style,
            });
        }
    }
    marks.sort_by_key(|m| (m.segment, m.start));
    let shown: Vec<Line> = lines
        .iter()
        .skip(state.scroll)
        .take(height)
        .map(|l| styled_line(l, &marks, theme))
        .collect();
    let position = if lines.len() > height {
        format!(
            " Article {}% ",
            (state.scroll + height).min(lines.len()) * 100 / lines.len()
        )
    } else {
        " Article ".to_string()
    };
    let block = pane(Line::styled(position, theme.title), focused, theme);
    frame.render_widget(Paragraph::new(shown).block(block), rect);
}

fn marks(app: &App, body: &Body, theme: &Theme) -> Vec<Mark> {
    let state = app.article();
    let current: Option<&Mention> = state.actor.as_ref().and_then(|key| {
        let entity = body.entity(key)?;
        entity.mentions.get(state.mention?)
    });
    let mut marks = Vec::new();
    for entity in &body.entities {
        let style = kind_style(entity.kind, theme);
        for m in &entity.mentions {
            let style = if Some(m) == current {
                theme.current_mention
            } else {
                style
            };
            marks.push(Mark {
                segment: m.segment,
                start: m.start,
                end: m.end,
                style,
            });
        }
    }
    marks.sort_by_key(|m| (m.segment, m.start));
    marks
}

/// The matches of the search in the article's lines, the current one
/// standing out.
fn search_marks(
    app: &App,
    lines: &[ArticleLine],
    theme: &Theme,
) -> Vec<(usize, usize, usize, Style)> {
    let Some(search) = app.search() else {
        return Vec::new();
    };
    if app.article().actor.is_some() {
        return Vec::new();
    }
    let found = app.article().found;
    find_matches(lines, &search.terms)
        .into_iter()
        .enumerate()
        .map(|(n, (line, start, end))| {
            let style = if Some(n) == found {
                theme.current_mention
            } else {
                Style::default().add_modifier(ratatui::style::Modifier::REVERSED)
            };
            (line, start, end, style)
        })
        .collect()
}

/// The style of an actor kind.
pub fn kind_style(kind: EntityKind, theme: &Theme) -> Style {
    match kind {
        EntityKind::Person => theme.person,
        EntityKind::Place => theme.place,
        EntityKind::Organization => theme.organization,
    }
}

fn styled_line<'a>(line: &'a ArticleLine, marks: &[Mark], theme: &Theme) -> Line<'a> {
    let base = match line.kind {
        LineKind::Title => theme.title,
        LineKind::Meta => theme.date,
        LineKind::Heading => theme.heading,
        LineKind::Caption => theme.caption,
        LineKind::Paragraph | LineKind::Bullet | LineKind::Blank => Style::default(),
    };
    let mut spans = vec![Span::styled(line.prefix, base)];
    let text = line.text.as_str();
    let (start, end) = (line.start, line.start + text.len());
    let mut cursor = 0;
    if let Some(segment) = line.segment {
        for mark in marks
            .iter()
            .filter(|m| m.segment == segment && m.end > start && m.start < end)
        {
            let from = mark.start.saturating_sub(start).max(cursor);
            let to = (mark.end - start).min(text.len());
            if from >= to || !text.is_char_boundary(from) || !text.is_char_boundary(to) {
                continue;
            }
            spans.push(Span::styled(&text[cursor..from], base));
            spans.push(Span::styled(&text[from..to], base.patch(mark.style)));
            cursor = to;
        }
    }
    spans.push(Span::styled(&text[cursor..], base));
    Line::from(spans)
}
