//! The map view: a world map (ratatui's canvas, braille coastlines) with the
//! places of the map's scope, each a dot sized by its count and labelled,
//! beside the list of places. [`render_map`] draws the map alone into any
//! buffer, which is how `gazette actors --map` prints it.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::canvas::{Canvas, Map, MapResolution, Painter, Shape};
use ratatui::widgets::{Padding, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::{Context, UiState, inner, keep_visible, pane, text};
use crate::app::App;
use crate::app::map::{Bounds, MapState};
use crate::theme::Theme;

/// Columns of the list of places beside the map.
fn list_width(total: u16) -> u16 {
    (total / 3).clamp(22, 34)
}

/// Draws the map view (map and list) into `rect`.
pub fn render(frame: &mut Frame, app: &App, state: &mut UiState, cx: &Context, rect: Rect) {
    let Some(map) = app.map() else {
        return;
    };
    let list_w = list_width(rect.width).min(rect.width);
    // Below 24 columns a map says nothing: the list alone, titled with the scope.
    let map_w = rect.width - list_w;
    if map_w >= 24 {
        render_map(
            frame.buffer_mut(),
            Rect {
                width: map_w,
                ..rect
            },
            map,
            cx.theme,
        );
        let list = Rect {
            x: rect.x + map_w,
            width: list_w,
            ..rect
        };
        let title = format!(" Places ({}) ", map.places().len());
        render_list(frame, map, state, cx, list, title);
    } else {
        let title = format!(" {} ", map.scope().title());
        render_list(frame, map, state, cx, rect, title);
    }
}

/// The colour of a style, or the terminal's own.
fn colour(style: Style) -> Color {
    style.fg.unwrap_or(Color::Reset)
}

/// Draws the map of `map` into `area` of `buf`: a titled pane, the world's
/// coastlines, a dot per place with coordinates and as many labels as fit.
pub fn render_map(buf: &mut Buffer, area: Rect, map: &MapState, theme: &Theme) {
    let zoom = if map.zoom() == 0 {
        String::new()
    } else {
        format!("· zoom {:+} ", map.zoom())
    };
    // The zoom stays in view; a long scope is shortened.
    let room = usize::from(area.width).saturating_sub(4 + zoom.width());
    let title = vec![
        Span::styled(
            format!(" {} ", text::fit(&map.scope().title(), room)),
            theme.title,
        ),
        Span::styled(zoom, theme.date),
    ];
    let block = pane(Line::from(title), true, theme).padding(Padding::ZERO);
    let canvas_area = block.inner(area);
    if canvas_area.width < 4 || canvas_area.height < 2 {
        block.render(area, buf);
        return;
    }
    let (cols, rows) = (canvas_area.width, canvas_area.height);
    let bounds = map.bounds(cols, rows);
    // The whole world on a tall canvas would be stretched: draw it in a band
    // of the world's shape (a quarter of the columns), centred.
    let shaped = shaped_rows(&bounds, cols).max(2);
    let (canvas_area, rows) = if rows > shaped + shaped / 4 {
        let band = Rect {
            y: canvas_area.y + (rows - shaped) / 2,
            height: shaped,
            ..canvas_area
        };
        (band, shaped)
    } else {
        (canvas_area, rows)
    };
    let dots = Dots::new(&bounds, cols, rows);
    let max = map
        .places()
        .iter()
        .filter(|p| p.coords.is_some())
        .map(|p| p.count)
        .max()
        .unwrap_or(1);
    let discs: Vec<Disc> = map
        .places()
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let (lat, lon) = p.coords?;
            Some(Disc {
                lat,
                lon,
                radius: radius(p.count, max),
                dots,
                colour: if i == map.selected() {
                    highlight(theme)
                } else {
                    colour(theme.place)
                },
                selected: i == map.selected(),
            })
        })
        .collect();
    let detailed =
        u32::from(cols) * u32::from(rows) >= 1500 || bounds.lon[1] - bounds.lon[0] < 200.0;
    block.render(area, buf);
    let canvas = Canvas::default()
        .marker(Marker::Braille)
        .x_bounds(bounds.lon)
        .y_bounds(bounds.lat)
        .paint(|ctx| {
            ctx.draw(&Map {
                resolution: if detailed {
                    MapResolution::High
                } else {
                    MapResolution::Low
                },
                color: colour(theme.border),
            });
            ctx.layer();
            // Biggest first, so a small place beside a big one stays visible.
            for disc in discs.iter().filter(|d| !d.selected) {
                ctx.draw(disc);
            }
            ctx.layer();
            for disc in discs.iter().filter(|d| d.selected) {
                ctx.draw(disc);
            }
        });
    canvas.render(canvas_area, buf);
    label(buf, canvas_area, map, &bounds, theme);
}

/// The rows that show `bounds` undistorted across `cols` columns (a cell is
/// about twice as tall as it is wide).
fn shaped_rows(bounds: &Bounds, cols: u16) -> u16 {
    let ratio = (bounds.lat[1] - bounds.lat[0]) / (bounds.lon[1] - bounds.lon[0]);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let rows = (f64::from(cols) * ratio / 2.0).round() as u16;
    rows
}

/// The selected place's colour: the highlight's background, else its text.
fn highlight(theme: &Theme) -> Color {
    theme
        .current_mention
        .bg
        .or(theme.current_mention.fg)
        .unwrap_or(Color::Reset)
}

/// A marker's radius in braille dots: 1 for one, 4 for the scope's most
/// counted place, by the logarithm of the count in between.
fn radius(count: usize, max: usize) -> i32 {
    if max <= 1 || count <= 1 {
        return 1;
    }
    #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
    let r = 1.0 + 3.0 * (count as f64).ln() / (max as f64).ln();
    #[allow(clippy::cast_possible_truncation)]
    let r = r.round() as i32;
    r.clamp(1, 4)
}

/// Where the braille dots of a canvas fall, in degrees.
#[derive(Debug, Clone, Copy)]
struct Dots {
    bounds: Bounds,
    cols: u16,
    rows: u16,
}

impl Dots {
    fn new(bounds: &Bounds, cols: u16, rows: u16) -> Self {
        Self {
            bounds: *bounds,
            cols,
            rows,
        }
    }

    /// Degrees of longitude and latitude between two neighbouring dots.
    fn step(&self) -> (f64, f64) {
        let b = &self.bounds;
        (
            (b.lon[1] - b.lon[0]) / (f64::from(self.cols) * 2.0 - 1.0),
            (b.lat[1] - b.lat[0]) / (f64::from(self.rows) * 4.0 - 1.0),
        )
    }

    /// The cell (column, row from the top left) holding a point, as the
    /// canvas places its dots; `None` outside the region.
    fn cell(&self, (lat, lon): (f64, f64)) -> Option<(u16, u16)> {
        let b = &self.bounds;
        if !b.contains((lat, lon)) {
            return None;
        }
        let x = (lon - b.lon[0]) / (b.lon[1] - b.lon[0]) * (f64::from(self.cols) * 2.0 - 1.0);
        let y = (b.lat[1] - lat) / (b.lat[1] - b.lat[0]) * (f64::from(self.rows) * 4.0 - 1.0);
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let (x, y) = (x.round() as u16, y.round() as u16);
        Some(((x / 2).min(self.cols - 1), (y / 4).min(self.rows - 1)))
    }
}

/// A filled round marker of `radius` dots.
struct Disc {
    lat: f64,
    lon: f64,
    radius: i32,
    dots: Dots,
    colour: Color,
    selected: bool,
}

impl Shape for Disc {
    fn draw(&self, painter: &mut Painter) {
        let (dx, dy) = self.dots.step();
        let r = self.radius;
        for i in -r..=r {
            for j in -r..=r {
                // A little over r² rounds the small discs' corners less.
                if i * i + j * j > r * r + r / 2 {
                    continue;
                }
                let (lon, lat) = (self.lon + f64::from(i) * dx, self.lat + f64::from(j) * dy);
                if let Some((x, y)) = painter.get_point(lon, lat) {
                    painter.paint(x, y, self.colour);
                }
            }
        }
    }
}

/// Cells of the canvas already taken by a label or a marker's centre.
struct Taken {
    cols: u16,
    cells: Vec<bool>,
}

impl Taken {
    fn is_free(&self, x: u16, y: u16, width: u16) -> bool {
        // One free column either side keeps labels apart.
        let from = x.saturating_sub(1);
        let to = (x + width + 1).min(self.cols);
        (from..to).all(|c| !self.cells[usize::from(y) * usize::from(self.cols) + usize::from(c)])
    }

    fn take(&mut self, x: u16, y: u16, width: u16) {
        for c in x..(x + width).min(self.cols) {
            self.cells[usize::from(y) * usize::from(self.cols) + usize::from(c)] = true;
        }
    }
}

/// Writes the places' names beside their markers, the selected place first
/// and then the most counted, each where it fits inside the canvas without
/// touching another label; names that fit nowhere are left out.
fn label(buf: &mut Buffer, area: Rect, map: &MapState, bounds: &Bounds, theme: &Theme) {
    let (cols, rows) = (area.width, area.height);
    let dots = Dots::new(bounds, cols, rows);
    let max = map.places().iter().map(|p| p.count).max().unwrap_or(1);
    let mut taken = Taken {
        cols,
        cells: vec![false; usize::from(cols) * usize::from(rows)],
    };
    let mut order: Vec<usize> = (0..map.places().len()).collect();
    order.sort_by_key(|&i| i != map.selected());
    let cells: Vec<Option<(u16, u16)>> = map
        .places()
        .iter()
        .map(|p| p.coords.and_then(|c| dots.cell(c)))
        .collect();
    for &(x, y) in cells.iter().flatten() {
        taken.take(x, y, 1);
    }
    for i in order {
        let (Some(place), Some((x, y))) = (map.places().get(i), cells[i]) else {
            continue;
        };
        let selected = i == map.selected();
        let name = text::fit(&place.name, usize::from(cols));
        let width = u16::try_from(name.width()).unwrap_or(cols).min(cols);
        // Columns the marker covers either side of its centre.
        let reach = u16::try_from(radius(place.count, max))
            .unwrap_or(1)
            .div_ceil(2);
        let right = x + reach + 1;
        let left = x.checked_sub(reach + width);
        let mut spots = vec![(Some(right), y), (left, y)];
        for row in [y.checked_sub(1), y.checked_add(1).filter(|r| *r < rows)] {
            // Above or below, starting at the marker or ending at it.
            spots.push((Some(x), row.unwrap_or(u16::MAX)));
            spots.push((
                x.checked_sub(width.saturating_sub(1)),
                row.unwrap_or(u16::MAX),
            ));
        }
        let fits = |sx: u16, sy: u16| sy < rows && sx + width <= cols;
        let spot = spots
            .iter()
            .filter_map(|&(sx, sy)| sx.map(|sx| (sx, sy)))
            .find(|&(sx, sy)| fits(sx, sy) && taken.is_free(sx, sy, width))
            .or_else(|| {
                // The selected place is always named, over others if it must.
                let clamp = |sx: u16| sx.min(cols - width);
                selected.then_some((clamp(right), y))
            });
        let Some((sx, sy)) = spot else {
            continue;
        };
        taken.take(sx, sy, width);
        let style = if selected {
            theme.selected
        } else {
            theme.place
        };
        buf.set_stringn(area.x + sx, area.y + sy, &name, usize::from(width), style);
    }
}

/// Draws the list of places: name and count, the selected row highlighted.
fn render_list(
    frame: &mut Frame,
    map: &MapState,
    state: &mut UiState,
    cx: &Context,
    rect: Rect,
    title: String,
) {
    let theme = cx.theme;
    let block = pane(Line::styled(title, theme.title), false, theme);
    let area = inner(rect);
    let width = usize::from(area.width);
    let unit = map.unit().as_str();
    let mut rows: Vec<(Line, Option<usize>)> = vec![(
        Line::from(vec![
            super::cell("Place", width.saturating_sub(unit.len()), theme.heading),
            Span::styled(unit, theme.heading),
        ]),
        None,
    )];
    for (i, place) in map.places().iter().enumerate() {
        let count = place.count.to_string();
        let mut line = Line::from(vec![
            super::cell(
                &place.name,
                width.saturating_sub(count.len() + 1),
                theme.place,
            ),
            Span::raw(" "),
            Span::styled(count, theme.date),
        ]);
        if i == map.selected() {
            line = line.patch_style(theme.selected);
        }
        rows.push((line, Some(i)));
        if place.coords.is_none() {
            rows.push((Line::styled("  (no coordinates)", theme.caption), None));
        }
    }
    if map.places().is_empty() {
        rows.push((Line::styled("No places named here.", theme.status), None));
    }
    let selected_row = rows
        .iter()
        .position(|(_, i)| *i == Some(map.selected()))
        .unwrap_or(0);
    let height = usize::from(area.height);
    // The header stays; the places scroll under it.
    let body = height.saturating_sub(1);
    keep_visible(
        &mut state.map_offset,
        selected_row.saturating_sub(1),
        body,
        rows.len() - 1,
    );
    let mut lines: Vec<Line> = Vec::with_capacity(height);
    let mut rows = rows.into_iter();
    if let Some((header, _)) = rows.next() {
        lines.push(header);
    }
    for (line, place) in rows.skip(state.map_offset).take(body) {
        if let Some(i) = place {
            let drawn = u16::try_from(lines.len()).unwrap_or(u16::MAX);
            state.row_hit(area, drawn, crate::app::Target::MapRow(i));
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marker_radius_grows_with_the_log_of_the_count() {
        assert_eq!(radius(1, 1), 1);
        assert_eq!(radius(1, 50), 1);
        assert_eq!(radius(50, 50), 4);
        assert_eq!(radius(7, 50), 2);
        assert!(radius(3, 50) < radius(20, 50));
    }

    #[test]
    fn the_world_keeps_its_shape_on_a_tall_canvas() {
        use crate::app::map::{Place, Scope, Unit};
        let place = |name: &str, lat: f64, lon: f64| Place {
            name: name.into(),
            coords: Some((lat, lon)),
            count: 1,
        };
        let map = MapState::new(
            Scope::Library(3),
            Unit::Items,
            vec![
                place("Washington", 38.9, -77.0),
                place("Canberra", -35.3, 149.1),
                place("Moscow", 55.8, 37.6),
            ],
        );
        let area = Rect::new(0, 0, 82, 40);
        let mut buf = Buffer::empty(area);
        render_map(&mut buf, area, &map, &Theme::plain());
        let drawn: Vec<bool> = (1..39)
            .map(|y| (1..81).any(|x| buf[(x, y)].symbol() != " "))
            .collect();
        // 80 columns show the world in 20 rows: 9 blank rows above and below.
        assert_eq!(drawn.iter().position(|d| *d), Some(9), "{drawn:?}");
        assert_eq!(drawn.iter().rposition(|d| *d), Some(28), "{drawn:?}");
        let text: String = buf.content().iter().map(|c| c.symbol()).collect();
        for name in ["Washington", "Canberra", "Moscow"] {
            assert!(text.contains(name), "{name} is labelled");
        }
    }

    #[test]
    fn points_land_in_the_cell_the_canvas_paints() {
        let bounds = Bounds {
            lon: [0.0, 40.0],
            lat: [0.0, 20.0],
        };
        let dots = Dots::new(&bounds, 20, 5);
        assert_eq!(dots.cell((20.0, 0.0)), Some((0, 0)));
        assert_eq!(dots.cell((0.0, 40.0)), Some((19, 4)));
        assert_eq!(dots.cell((10.0, 20.0)), Some((10, 2)));
        assert_eq!(dots.cell((30.0, 20.0)), None);
    }
}
