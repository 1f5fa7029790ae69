//! The actor index: every actor with its item count, last-seen date and a
//! small trend, sorted and filtered as the state says.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::article::kind_style;
use super::{Context, UiState, cell, inner, keep_visible, pane};
use crate::app::{App, Target};
use crate::model::EntityKind;

/// Block characters of the trend, from none to most.
const BARS: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// A trend as block characters scaled to its own peak.
pub fn sparkline(counts: &[u32]) -> String {
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    counts
        .iter()
        .map(|&c| BARS[(c as usize * 8).div_ceil(max as usize)])
        .collect()
}

fn kind_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Place => "place",
        EntityKind::Organization => "org",
    }
}

/// Draws the actor index into `rect`.
pub fn render(frame: &mut Frame, app: &App, state: &mut UiState, cx: &Context, rect: Rect) {
    let theme = cx.theme;
    let index = app.actor_index();
    let scope = match index.scope {
        Some(n) => format!("in the {n} items shown"),
        None => "in the library".to_string(),
    };
    let title = format!(
        " Actors · {} {scope} · {} ",
        index.rows.len(),
        index.sort.label()
    );
    let block = pane(Line::styled(title, theme.title), true, theme);
    let area = inner(rect);
    let width = usize::from(area.width);
    let mut lines = Vec::new();
    if index.typing || !index.filter.is_empty() {
        let cursor = if index.typing { "▏" } else { "" };
        lines.push(Line::from(vec![
            Span::styled("Filter: ", theme.date),
            Span::raw(format!("{}{cursor}", index.filter)),
        ]));
    }
    lines.push(Line::styled(
        format!(
            "{}{}{:>6}  {:<10}  {}",
            super::text::fit_pad("kind", 8),
            super::text::fit_pad("name", width.saturating_sub(8 + 6 + 12 + 10)),
            "items",
            "last seen",
            "trend"
        ),
        theme.date,
    ));
    let height = usize::from(area.height).saturating_sub(lines.len());
    keep_visible(
        &mut state.actors_offset,
        index.selected,
        height,
        index.rows.len(),
    );
    if index.rows.is_empty() {
        lines.push(Line::styled(
            if index.filter.is_empty() {
                "No actors named here yet.".to_string()
            } else {
                format!("No actor matches '{}'.", index.filter)
            },
            theme.caption,
        ));
    }
    let name_w = width.saturating_sub(8 + 6 + 12 + 10);
    for (row, stat) in index
        .rows
        .iter()
        .enumerate()
        .skip(state.actors_offset)
        .take(height)
    {
        let last = stat
            .last
            .map(|d| d.format(&cx.ui.date_format).to_string())
            .unwrap_or_default();
        let mut line = Line::from(vec![
            cell(kind_label(stat.key.kind), 8, theme.date),
            cell(&stat.key.name, name_w, kind_style(stat.key.kind, theme)),
            Span::styled(format!("{:>6}  ", stat.items), theme.title),
            cell(&last, 12, theme.date),
            Span::styled(sparkline(&stat.trend), kind_style(stat.key.kind, theme)),
        ]);
        if row == index.selected {
            line = line.patch_style(theme.selected);
        }
        let drawn = u16::try_from(lines.len()).unwrap_or(u16::MAX);
        state.row_hit(area, drawn, Target::IndexRow(row));
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}

#[cfg(test)]
mod tests {
    use super::sparkline;

    #[test]
    fn sparkline_scales_to_the_peak() {
        assert_eq!(sparkline(&[0, 1, 2, 4]), " ▂▄█");
        assert_eq!(sparkline(&[0, 0]), "  ");
        assert_eq!(sparkline(&[3]), "█");
    }
}
