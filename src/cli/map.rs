//! `gazette actors --map`: the library's places drawn on a world map as
//! text (braille coastlines, plain labels, no colours), then listed.

use std::io::{IsTerminal, Write};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::{Failure, Session};
use crate::app::map::MapState;
use crate::store::sanitize::visible;
use crate::theme::Theme;

/// The map's size when standard output is not a terminal.
const COLS: u16 = 100;
const ROWS: u16 = 30;

/// Prints the map of the whole library.
pub fn print(session: &Session, kind: Option<&str>) -> Result<(), Failure> {
    if kind.is_some_and(|k| k != "place") {
        return Err(Failure::usage(
            "--map shows places: use --kind place or no --kind",
        ));
    }
    let map = MapState::of_library(&session.library);
    let stdout = std::io::stdout();
    let (cols, rows) = if stdout.is_terminal() {
        let cols = crossterm::terminal::size().map_or(COLS, |(w, _)| w.max(20));
        (cols, (cols * 3 / 10).clamp(12, 60))
    } else {
        (COLS, ROWS)
    };
    let mut out = stdout.lock();
    let mut write = |line: &str| writeln!(out, "{line}").map_err(|e| super::out::quit_on(&e));
    for line in lines(&map, cols, rows) {
        write(&line)?;
    }
    write("")?;
    write(&format!(
        "{} places (items naming each):",
        map.places().len()
    ))?;
    for place in map.places() {
        let at = match place.coords {
            Some((lat, lon)) => format!(
                "{:>6.2}°{} {:>7.2}°{}",
                lat.abs(),
                if lat < 0.0 { 'S' } else { 'N' },
                lon.abs(),
                if lon < 0.0 { 'W' } else { 'E' }
            ),
            None => "(no coordinates)".to_string(),
        };
        write(&format!(
            "{:>5}  {:<32}  {at:>17}",
            place.count,
            visible(&place.name)
        ))?;
    }
    Ok(())
}

/// The map drawn into a `cols` × `rows` buffer, as lines of plain text.
pub fn lines(map: &MapState, cols: u16, rows: u16) -> Vec<String> {
    let area = Rect::new(0, 0, cols, rows);
    let mut buf = Buffer::empty(area);
    crate::ui::map::render_map(&mut buf, area, map, &Theme::plain());
    crate::ui::text::scrub_buffer(&mut buf);
    (0..rows)
        .map(|y| {
            let mut row = String::new();
            let mut x = 0;
            while x < cols {
                let symbol = buf[(x, y)].symbol();
                row.push_str(symbol);
                // A wide character covers the next cell too.
                let width = u16::try_from(symbol.width()).unwrap_or(1);
                x += width.max(1);
            }
            row.trim_end().to_string()
        })
        .collect()
}
