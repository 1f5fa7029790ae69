//! An actor's page (who, aliases, timeline, co-mentions, the items naming it
//! with the sentence of the first mention).

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::article::kind_style;
use super::{Context, UiState, cell, inner, keep_visible, pane, text};
use crate::app::App;
use crate::app::{ActorColumn, Target};
use crate::library::{ActorKey, ActorSummary, Library};

/// Draws the actor page into `rect`.
pub fn render_page(frame: &mut Frame, app: &App, state: &mut UiState, cx: &Context, rect: Rect) {
    let theme = cx.theme;
    let Some((key, selected)) = app.actor_page() else {
        return;
    };
    let library = app.library();
    let summary = app.actor_summary().cloned();
    let view = app.actor_view();
    let mut title = vec![
        Span::styled(format!(" {} ", key.name), kind_style(key.kind, theme)),
        Span::styled(format!("· {} ", key.kind.as_str()), theme.title),
    ];
    if let Some(n) = &view.newsletter {
        title.push(Span::styled(format!("· {n} only "), theme.newsletter));
    }
    if view.unread {
        title.push(Span::styled("· unread only ", theme.unread));
    }
    let block = pane(Line::from(title), true, theme);
    let mut area = inner(rect);
    let named = summary.as_ref().map_or(&[][..], |s| &s.co_mentions[..]);
    let column_shown = area.width >= 76 && !named.is_empty();
    if column_shown {
        let column = Rect {
            x: area.x + area.width - NAMED_WIDTH,
            width: NAMED_WIDTH,
            ..area
        };
        render_named(frame, app, state, cx, named, column);
        area.width -= NAMED_WIDTH + 1;
    }
    let width = usize::from(area.width);
    let mut lines: Vec<Line> = Vec::new();
    if let Some(s) = &summary {
        lines.extend(header_lines(s, library, width, cx));
        if !column_shown && !named.is_empty() {
            lines.push(named_line(app, cx, named, width));
        }
    }
    lines.push(Line::raw(""));
    let items = app.actor_items();
    let selected = if view.column == ActorColumn::Items {
        selected
    } else {
        usize::MAX
    };
    let header_rows = lines.len();
    let height = usize::from(area.height).saturating_sub(header_rows);
    // Two rows per item: the item, then the sentence of its first mention.
    let per_page = (height / 2).max(1);
    if selected != usize::MAX {
        keep_visible(&mut state.actor_offset, selected, per_page, items.len());
    }
    if items.is_empty() {
        lines.push(Line::styled(
            "No item matches the page's filters (f, u).",
            theme.caption,
        ));
    }
    for (row, &index) in items
        .iter()
        .enumerate()
        .skip(state.actor_offset)
        .take(per_page)
    {
        let Some(item) = library.row(index as usize) else {
            continue;
        };
        let read = app.row_is_read(&item);
        let date = item
            .date
            .map(|d| d.format(&cx.ui.date_format).to_string())
            .unwrap_or_default();
        let rest = width.saturating_sub(2 + 11 + 17 + 1);
        let mut line = Line::from(vec![
            Span::styled(if read { "  " } else { "● " }, theme.unread),
            cell(&date, 11, theme.date),
            cell(item.newsletter_or_default(), 17, theme.newsletter),
            Span::raw(" "),
            cell(
                item.title,
                rest,
                if read { theme.read } else { theme.unread },
            ),
        ]);
        if row == selected {
            line = line.patch_style(theme.selected);
        }
        let drawn = u16::try_from(lines.len()).unwrap_or(u16::MAX);
        state.row_hit(area, drawn, Target::ActorItem(row));
        state.row_hit(area, drawn + 1, Target::ActorItem(row));
        lines.push(line);
        let sentence = app.actor_sentence(&item.id()).unwrap_or("…");
        lines.push(Line::styled(
            format!("    {}", text::fit(sentence, width.saturating_sub(4))),
            theme.caption,
        ));
    }
    frame.render_widget(block, rect);
    frame.render_widget(Paragraph::new(lines), area);
}

/// Width of the named-with column.
const NAMED_WIDTH: u16 = 30;

/// The actors named with this one, as a column: Tab moves there, Enter opens.
fn render_named(
    frame: &mut Frame,
    app: &App,
    state: &mut UiState,
    cx: &Context,
    named: &[(ActorKey, usize)],
    rect: Rect,
) {
    let theme = cx.theme;
    let view = app.actor_view();
    let width = usize::from(rect.width).saturating_sub(2);
    let mut lines = vec![Line::styled("Named with", theme.title)];
    for (row, (key, n)) in named.iter().enumerate() {
        let count = format!(" {n}");
        let name_w = width.saturating_sub(count.len());
        let mut line = Line::from(vec![
            cell(&key.name, name_w, kind_style(key.kind, theme)),
            Span::styled(count, theme.date),
        ]);
        if view.column == ActorColumn::Named && row == view.named_selected {
            line = line.patch_style(theme.selected);
        }
        let drawn = u16::try_from(lines.len()).unwrap_or(u16::MAX);
        state.row_hit(rect, drawn, Target::NamedRow(row));
        lines.push(line);
    }
    frame.render_widget(
        Paragraph::new(lines).block(
            ratatui::widgets::Block::default()
                .borders(ratatui::widgets::Borders::LEFT)
                .border_style(theme.border)
                .padding(ratatui::widgets::Padding::left(1)),
        ),
        rect,
    );
}

/// The named-with actors on one line (narrow screens).
fn named_line<'a>(app: &App, cx: &Context, named: &[(ActorKey, usize)], width: usize) -> Line<'a> {
    let theme = cx.theme;
    let view = app.actor_view();
    let mut spans = vec![Span::styled("Named with: ", theme.date)];
    let mut used = 12;
    for (row, (key, n)) in named.iter().enumerate().take(6) {
        let text = format!("{} ({n})", key.name);
        let cost = text.chars().count() + 2;
        if used + cost > width {
            break;
        }
        used += cost;
        let mut style = kind_style(key.kind, theme);
        if view.column == ActorColumn::Named && row == view.named_selected {
            style = style.patch(theme.selected);
        }
        spans.push(Span::styled(text, style));
        spans.push(Span::raw(", "));
    }
    spans.pop();
    Line::from(spans)
}

fn header_lines<'a>(
    s: &ActorSummary,
    library: &Library,
    width: usize,
    cx: &Context,
) -> Vec<Line<'a>> {
    let theme = cx.theme;
    let span = match (s.first, s.last) {
        (Some(a), Some(b)) if a != b => format!(", {a} to {b}"),
        (Some(a), _) => format!(", {a}"),
        _ => String::new(),
    };
    let mut lines = vec![Line::styled(
        format!(
            "Named in {} item{}{span}",
            s.items,
            if s.items == 1 { "" } else { "s" }
        ),
        theme.title,
    )];
    if !s.aliases.is_empty() {
        let aliases = format!("Also written: {}", s.aliases.join(", "));
        lines.push(Line::raw(text::fit(&aliases, width)));
    }
    let timeline = timeline(library, s, width.saturating_sub(10));
    if !timeline.is_empty() {
        lines.push(Line::from(vec![
            Span::styled("Timeline  ", theme.date),
            Span::styled(timeline, kind_style(s.key.kind, theme)),
        ]));
    }
    lines
}

/// Items per week across the library's date range, as block characters.
fn timeline(library: &Library, s: &ActorSummary, width: usize) -> String {
    let Some((first, last)) = library.date_range() else {
        return String::new();
    };
    let (first, last) = (&first, &last);
    let week = |d: NaiveDate| usize::try_from((d - *first).num_days() / 7).unwrap_or(0);
    let weeks = (week(*last) + 1).min(width.max(1));
    let mut counts = vec![0u32; weeks];
    for index in library.items_naming(&s.key) {
        if let Some(date) = library.row(index as usize).and_then(|r| r.date) {
            let slot = (week(date) * weeks / (week(*last) + 1)).min(weeks - 1);
            counts[slot] += 1;
        }
    }
    let mut out = super::actors::sparkline(&counts);
    out.push_str(&format!("  (by week, {first} to {last})"));
    out
}
