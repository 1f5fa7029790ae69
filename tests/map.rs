//! The map view: its scope, drawing on TestBackend, keys, and
//! `gazette actors --map`.
#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod common;

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::Command;

use common::{draw, key_events, rows};
use gazette::app::map::Unit;
use gazette::app::{App, Focus};
use gazette::config::Config;
use gazette::library::{ActorKey, Body, Library};
use gazette::model::{Block, Entity, EntityKind, Item, ItemId, Mention};
use gazette::source::{MemorySource, serve};
use gazette::theme::Theme;
use ratatui::style::Modifier;

fn entity(kind: EntityKind, name: &str, mentions: usize) -> Entity {
    Entity {
        name: name.into(),
        kind,
        aliases: vec![],
        mentions: (0..mentions)
            .map(|i| Mention {
                segment: 1,
                start: i,
                end: i + 1,
            })
            .collect(),
    }
}

fn body(id: &str, date: &str, title: &str, entities: Vec<Entity>) -> Body {
    Body {
        item: Item {
            id: ItemId(id.into()),
            title: title.into(),
            newsletter: Some("Map Brief".into()),
            publisher: None,
            date: Some(date.parse().unwrap()),
            author: None,
            url: None,
            tags: vec![],
            blocks: vec![Block::Paragraph("Text about places far and near.".into())],
            source: PathBuf::from(format!("fixtures/{id}.txt")),
        },
        entities,
    }
}

/// Two items: the newest names Moscow three times and Kyiv once; the other
/// names Kyiv, Moscow and a village the gazetteer does not know.
fn bodies() -> Vec<Body> {
    use EntityKind::{Person, Place};
    vec![
        body(
            "m1",
            "2025-11-26",
            "Envoys head to Moscow",
            vec![
                entity(Person, "Martin Halvorsen", 2),
                entity(Place, "Moscow", 3),
                entity(Place, "Kyiv", 1),
            ],
        ),
        body(
            "m2",
            "2025-11-20",
            "Talks in Kyiv",
            vec![
                entity(Person, "Martin Halvorsen", 1),
                entity(Place, "Kyiv", 2),
                entity(Place, "Moscow", 1),
                entity(Place, "Zzyzx Hollow", 1),
            ],
        ),
    ]
}

fn app() -> App {
    let bodies = bodies();
    let mut app = App::new(Library::from_bodies(&bodies), HashSet::new(), true);
    serve(&mut app, &MemorySource::new(bodies));
    app
}

fn feed(app: &mut App, keys: &str) {
    let keymap = Config::default_embedded().keymap();
    let source = MemorySource::new(bodies());
    for key in key_events(keys) {
        if let Some(action) = keymap.lookup(&key) {
            app.update(action);
        }
        serve(app, &source);
    }
}

/// Row and column (in cells) of the first occurrence of `text`.
fn find(rows: &[String], text: &str) -> Option<(usize, usize)> {
    rows.iter()
        .enumerate()
        .find_map(|(y, row)| row.find(text).map(|byte| (y, row[..byte].chars().count())))
}

/// `find` inside the map's canvas: below the title row, left of `right`.
fn find_on_map(rows: &[String], text: &str, right: usize) -> Option<(usize, usize)> {
    let left: Vec<String> = rows
        .iter()
        .map(|r| r.chars().take(right).collect())
        .collect();
    find(&left[2..], text).map(|(y, x)| (y + 2, x))
}

#[test]
fn an_items_map_plots_its_places_counts_them_and_names_the_scope() {
    let mut app = app();
    feed(&mut app, "<enter>M");
    assert_eq!(app.focus(), Focus::Map);
    let map = app.map().unwrap();
    assert_eq!(map.unit(), Unit::Mentions);
    let places: Vec<(&str, usize)> = map
        .places()
        .iter()
        .map(|p| (p.name.as_str(), p.count))
        .collect();
    assert_eq!(places, [("Moscow", 3), ("Kyiv", 1)]);

    let theme = Config::default_embedded().theme;
    let buf = draw(&mut app, 120, 30, &theme);
    let rows = rows(&buf);
    let text = rows.join("\n");
    assert!(
        rows[1].contains("Map · places of 'Envoys head to Moscow'"),
        "{}",
        rows[1]
    );
    // The list: a header with the unit, then each place with its count.
    let (list_y, list_x) = find(&rows, "Places (2)").unwrap();
    assert_eq!(list_y, 1);
    assert!(text.contains("mentions"), "{text}");
    let moscow_row = rows.iter().find(|r| r[..].contains("│ Moscow")).unwrap();
    assert!(
        moscow_row.trim_end_matches(['│', ' ']).ends_with('3'),
        "{moscow_row}"
    );
    // The labels: Moscow lies north of Kyiv, both inside the map pane.
    let (my, mx) = find_on_map(&rows, "Moscow", list_x).unwrap();
    let (ky, kx) = find_on_map(&rows, "Kyiv", list_x).unwrap();
    assert!(
        my < ky,
        "Moscow (row {my}) is drawn north of Kyiv (row {ky})"
    );
    assert!(my > 1 && ky < 28, "labels inside the canvas");
    assert!(mx + 6 < list_x && kx + 4 < list_x, "labels stay on the map");
    // The selected place's label is highlighted; the other's is not.
    let selected = buf[(u16::try_from(mx).unwrap(), u16::try_from(my).unwrap())].modifier;
    assert!(selected.contains(Modifier::REVERSED));
    let other = buf[(u16::try_from(kx).unwrap(), u16::try_from(ky).unwrap())].modifier;
    assert!(!other.contains(Modifier::REVERSED));
    // Markers: braille dots in the places' colour beside the labels.
    let green = theme.place.fg.unwrap();
    let dots = buf
        .content()
        .iter()
        .filter(|c| c.fg == green && c.symbol().chars().all(|ch| ('⠁'..='⣿').contains(&ch)))
        .count();
    assert!(dots >= 1, "no marker drawn");
}

#[test]
fn a_narrow_terminal_still_shows_the_list() {
    let mut app = app();
    feed(&mut app, "j<enter>M");
    let text = rows(&draw(&mut app, 60, 15, &Theme::plain())).join("\n");
    assert!(text.contains("Kyiv"), "{text}");
    assert!(text.contains("Zzyzx Hollow"), "{text}");
    assert!(text.contains("(no coordinates)"), "{text}");
    for (w, h) in [(1, 1), (10, 3), (30, 8), (45, 10), (200, 60)] {
        let buf = draw(&mut app, w, h, &Theme::plain());
        assert_eq!(buf.area.width, w);
    }
    let narrow = rows(&draw(&mut app, 40, 12, &Theme::plain())).join("\n");
    assert!(
        narrow.contains("Map · places of 'Talks in Kyiv'"),
        "the list alone carries the scope: {narrow}"
    );
}

#[test]
fn enter_opens_a_place_and_back_walks_to_the_map_then_the_article() {
    let mut app = app();
    feed(&mut app, "<enter>M");
    assert_eq!(app.focus(), Focus::Map);
    feed(&mut app, "j");
    assert_eq!(app.map().unwrap().selected(), 1);
    feed(&mut app, "<enter>");
    assert_eq!(app.focus(), Focus::Actor);
    let kyiv = ActorKey {
        kind: EntityKind::Place,
        name: "Kyiv".into(),
    };
    assert_eq!(app.actor_page().map(|(k, _)| k), Some(&kyiv));
    feed(&mut app, "<bs>");
    assert_eq!(app.focus(), Focus::Map);
    assert_eq!(app.map().unwrap().selected(), 1, "the selection is kept");
    feed(&mut app, "<esc>");
    assert_eq!(app.focus(), Focus::Article);
    assert_eq!(app.article().item, Some(0));
}

#[test]
fn the_scope_follows_where_m_was_pressed() {
    // The list: every item shown, places counted in items.
    let mut app = app();
    feed(&mut app, "M");
    let map = app.map().unwrap();
    assert_eq!(map.scope().title(), "Map · all 2 items");
    assert_eq!(map.unit(), Unit::Items);
    let places: Vec<(&str, usize, bool)> = map
        .places()
        .iter()
        .map(|p| (p.name.as_str(), p.count, p.coords.is_some()))
        .collect();
    assert_eq!(
        places,
        [
            ("Kyiv", 2, true),
            ("Moscow", 2, true),
            ("Zzyzx Hollow", 1, false)
        ]
    );
    // An actor's page: the items naming the actor.
    let mut app = self::app();
    feed(&mut app, "<enter><tab><enter>");
    assert_eq!(app.focus(), Focus::Actor);
    feed(&mut app, "M");
    assert_eq!(
        app.map().unwrap().scope().title(),
        "Map · places in items naming Martin Halvorsen"
    );
    assert_eq!(app.map().unwrap().places().len(), 3);
    // Zoom keys act on the map only.
    feed(&mut app, "++-+");
    assert_eq!(app.map().unwrap().zoom(), 2);
    feed(&mut app, "0");
    assert_eq!(app.map().unwrap().zoom(), 0);
}

#[test]
fn actors_map_prints_the_samples_as_plain_text() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_gazette"))
        .args(["actors", "--map", "--data-dir"])
        .arg(dir.path().join("data"))
        .arg("--config")
        .arg(&config)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.stdout.contains(&0x1b), "no escape sequences");
    let text = String::from_utf8(out.stdout).unwrap();
    let (map, list) = text.split_once("\n\n").unwrap();
    assert_eq!(map.lines().count(), 30);
    assert!(map.lines().all(|l| l.chars().count() <= 100));
    assert!(map.starts_with("┏ Map · all "), "{map}");
    assert!(map.contains('⣿'), "braille coastlines: {map}");
    let names: Vec<&str> = list
        .lines()
        .skip(1)
        .filter_map(|l| l.get(7..39).map(str::trim))
        .collect();
    assert!(names.contains(&"Kyiv"), "{list}");
    assert!(
        names.iter().any(|n| !n.is_empty() && map.contains(n)),
        "a sample place is named on the map: {map}"
    );
    assert!(list.contains("50.46°N"), "coordinates listed: {list}");
    // Text only, and places only.
    let usage = Command::new(env!("CARGO_BIN_EXE_gazette"))
        .args(["actors", "--map", "--json", "--config"])
        .arg(&config)
        .output()
        .unwrap();
    assert_eq!(usage.status.code(), Some(2));
    let people = Command::new(env!("CARGO_BIN_EXE_gazette"))
        .args(["actors", "--map", "--kind", "person", "--data-dir"])
        .arg(dir.path().join("data"))
        .arg("--config")
        .arg(&config)
        .output()
        .unwrap();
    assert_eq!(people.status.code(), Some(2));
}
