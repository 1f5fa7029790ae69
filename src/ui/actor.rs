//! An actor's page (who, aliases, timeline, co-mentions, the items naming it
//! with the sentence of the first mention) and the list of every actor.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::article::kind_style;
use super::{Context, UiState, cell, inner, keep_visible, pane, text};
use crate::app::App;
use crate::library::{ActorSummary, Library};

/// Draws the actor page into `rect`.
pub fn render_page(frame: &mut Frame, app: &App, state: &mut UiState, cx: &Context, rect: Rect) {
    let theme = cx.theme;
    let Some((key, selected)) = app.actor_page() else {
        return;
    };
    let library = app.library();
    let summary = library.actor_summary(key);
    let block = pane(
        Line::from(vec![
            Span::styled(format!(" {} ", key.name), kind_style(key.kind, theme)),
            Span::styled(format!("· {} ", key.kind.as_str()), theme.title),
        ]),
        true,
        theme,
    );
    let area = inner(rect);
    let width = usize::from(area.width);
    let mut lines: Vec<Line> = Vec::new();
    if let Some(s) = &summary {
        lines.extend(header_lines(s, library, width, cx));
    }
    lines.push(Line::raw(""));
    let items = library.items_naming(key);
    let header_rows = lines.len();
    let height = usize::from(area.height).saturating_sub(header_rows);
    // Two rows per item: the item, then the sentence of its first mention.
    let per_page = (height / 2).max(1);
    keep_visible(&mut state.actor_offset, selected, per_page, items.len());
    for (row, &index) in items
        .iter()
        .enumerate()
        .skip(state.actor_offset)
        .take(per_page)
    {
        let Some(item) = library.item(index) else {
            continue;
        };
        let read = app.is_read(&item.id);
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
                &item.title,
                rest,
                if read { theme.read } else { theme.unread },
            ),
        ]);
        if row == selected {
            line = line.patch_style(theme.selected);
        }
        lines.push(line);
        let sentence = library
            .first_mention_sentence(index, key)
            .unwrap_or_default();
        lines.push(Line::styled(
            format!("    {}", text::fit(&sentence, width.saturating_sub(4))),
            theme.caption,
        ));
    }
    frame.render_widget(Paragraph::new(lines).block(block), rect);
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
    if !s.co_mentions.is_empty() {
        let names: Vec<String> = s
            .co_mentions
            .iter()
            .take(6)
            .map(|(k, n)| format!("{} ({n})", k.name))
            .collect();
        lines.push(Line::raw(text::fit(
            &format!("Named with: {}", names.join(", ")),
            width,
        )));
    }
    lines
}

/// Items per week across the library's date range, as block characters.
fn timeline(library: &Library, s: &ActorSummary, width: usize) -> String {
    let dates: Vec<NaiveDate> = library.items().iter().filter_map(|i| i.date).collect();
    let (Some(first), Some(last)) = (dates.iter().min(), dates.iter().max()) else {
        return String::new();
    };
    let week = |d: NaiveDate| usize::try_from((d - *first).num_days() / 7).unwrap_or(0);
    let weeks = (week(*last) + 1).min(width.max(1));
    let mut counts = vec![0usize; weeks];
    for &index in library.items_naming(&s.key) {
        if let Some(date) = library.item(index).and_then(|i| i.date) {
            let slot = (week(date) * weeks / (week(*last) + 1)).min(weeks - 1);
            counts[slot] += 1;
        }
    }
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let bars = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let mut out: String = counts
        .iter()
        .map(|&c| bars[(c * 8).div_ceil(max)])
        .collect();
    out.push_str(&format!("  (by week, {first} to {last})"));
    out
}

/// Draws the list of every actor into `rect`.
pub fn render_index(frame: &mut Frame, app: &App, state: &mut UiState, cx: &Context, rect: Rect) {
    let theme = cx.theme;
    let (keys, selected) = app.actors_list();
    let block = pane(
        Line::styled(format!(" All actors ({}) ", keys.len()), theme.title),
        true,
        theme,
    );
    let area = inner(rect);
    let height = usize::from(area.height);
    let width = usize::from(area.width);
    keep_visible(&mut state.actors_offset, selected, height, keys.len());
    let library = app.library();
    let mut lines = Vec::new();
    for (row, key) in keys
        .iter()
        .enumerate()
        .skip(state.actors_offset)
        .take(height)
    {
        let count = library.items_naming(key).len();
        let name_w = width.saturating_sub(14 + 10);
        let mut line = Line::from(vec![
            cell(key.kind.as_str(), 14, theme.date),
            cell(&key.name, name_w, kind_style(key.kind, theme)),
            Span::styled(
                format!("{count:>4} item{}", if count == 1 { " " } else { "s" }),
                theme.date,
            ),
        ]);
        if row == selected {
            line = line.patch_style(theme.selected);
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
