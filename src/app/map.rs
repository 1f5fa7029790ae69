//! The map view: which items it covers (its scope), their places with
//! coordinates and counts, the selected place and the zoom. Pure: the
//! renderer asks [`MapState::bounds`] for the region to draw at its size.
//!
//! The scope follows where `M` was pressed:
//! - in the article or the sidebar: the open item's places, counted in
//!   mentions;
//! - on an actor's page: the places named in the items naming that actor;
//! - in the item list: the places named in the items the list shows (all of
//!   them, or the search results / unread items when filtered);
//! - in the list of every actor: the places of the whole library.
//!
//! Except for a single item, a place counts the items that name it.

use std::collections::HashMap;
use std::sync::Arc;

use super::{Action, App, Focus};
use crate::extract::Extractor;
use crate::library::{ActorKey, Library};
use crate::model::{Entity, EntityKind};

/// The whole world, as the canvas's (longitude, latitude) bounds.
pub const WORLD: Bounds = Bounds {
    lon: [-180.0, 180.0],
    lat: [-90.0, 90.0],
};

/// The smallest region shown around a single place: ±15° latitude, ±25° longitude.
const MIN_SPAN: (f64, f64) = (30.0, 50.0);

/// How far the zoom goes in (each step halves the region) and out.
const ZOOM_RANGE: (i32, i32) = (-4, 7);

/// Which items a map covers, for its title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// One item, by title.
    Item(String),
    /// The items naming an actor.
    Actor(String),
    /// The items shown in the list: how many, and the filter's words
    /// (`None` for the whole library).
    List(usize, Option<String>),
    /// Every item of the library.
    Library(usize),
}

impl Scope {
    /// The pane title: "Map · places of 'Envoys head to Moscow'".
    pub fn title(&self) -> String {
        let plural = |n: &usize| if *n == 1 { "" } else { "s" };
        match self {
            Self::Item(title) => format!("Map · places of '{title}'"),
            Self::Actor(name) => format!("Map · places in items naming {name}"),
            Self::List(n, Some(filter)) => format!("Map · {n} item{} {filter}", plural(n)),
            Self::List(n, None) | Self::Library(n) => format!("Map · all {n} item{}", plural(n)),
        }
    }
}

/// What a place's count counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Mentions in one item's text.
    Mentions,
    /// Items naming the place.
    Items,
}

impl Unit {
    /// The word for the list's header.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Mentions => "mentions",
            Self::Items => "items",
        }
    }
}

/// A place of the map's scope.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Canonical name.
    pub name: String,
    /// Latitude and longitude from the gazetteer; `None` for a place found
    /// by context rules only.
    pub coords: Option<(f64, f64)>,
    /// Mentions or items (see [`Unit`]).
    pub count: usize,
}

// Coordinates come from the gazetteer and are never NaN.
impl Eq for Place {}

/// The region a map shows: longitude (x) and latitude (y) bounds, as the
/// canvas takes them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    /// West and east edges.
    pub lon: [f64; 2],
    /// South and north edges.
    pub lat: [f64; 2],
}

impl Bounds {
    fn spans(&self) -> (f64, f64) {
        (self.lat[1] - self.lat[0], self.lon[1] - self.lon[0])
    }

    fn centre(&self) -> (f64, f64) {
        (
            f64::midpoint(self.lat[0], self.lat[1]),
            f64::midpoint(self.lon[0], self.lon[1]),
        )
    }

    /// A region of these spans around `centre`, kept inside the world.
    fn around((lat, lon): (f64, f64), (lat_span, lon_span): (f64, f64)) -> Self {
        let (lat_span, lon_span) = (lat_span.min(180.0), lon_span.min(360.0));
        let shift = |low: f64, span: f64, limit: f64| {
            low.clamp(-limit, limit - span) // span <= 2 * limit
        };
        let south = shift(lat - lat_span / 2.0, lat_span, 90.0);
        let west = shift(lon - lon_span / 2.0, lon_span, 180.0);
        Self {
            lon: [west, west + lon_span],
            lat: [south, south + lat_span],
        }
    }

    /// Whether a point (latitude, longitude) is inside.
    pub fn contains(&self, (lat, lon): (f64, f64)) -> bool {
        (self.lat[0]..=self.lat[1]).contains(&lat) && (self.lon[0]..=self.lon[1]).contains(&lon)
    }
}

/// The region that fits `points` (latitude, longitude) with some room
/// around them, shaped for a canvas of `cols` × `rows` cells (a cell is
/// about twice as tall as it is wide). No point → the world; points spread
/// over two thirds of the world's width or height → the world.
pub fn fit(points: &[(f64, f64)], cols: u16, rows: u16) -> Bounds {
    let Some(&(first_lat, first_lon)) = points.first() else {
        return WORLD;
    };
    let (mut south, mut north, mut west, mut east) = (first_lat, first_lat, first_lon, first_lon);
    for &(lat, lon) in points {
        south = south.min(lat);
        north = north.max(lat);
        west = west.min(lon);
        east = east.max(lon);
    }
    // A sixth of the spread either side, at least a few degrees.
    let lat_span = (north - south) * (1.0 + 2.0 / 6.0) + 8.0;
    let lon_span = (east - west) * (1.0 + 2.0 / 6.0) + 12.0;
    let (mut lat_span, mut lon_span) = (lat_span.max(MIN_SPAN.0), lon_span.max(MIN_SPAN.1));
    // Degrees of latitude per degree of longitude that keep shapes undistorted.
    let aspect = 2.0 * f64::from(rows.max(1)) / f64::from(cols.max(1));
    if lat_span / lon_span < aspect {
        lat_span = lon_span * aspect;
    } else {
        lon_span = lat_span / aspect;
    }
    if lat_span >= 120.0 || lon_span >= 240.0 {
        return WORLD;
    }
    let centre = (f64::midpoint(south, north), f64::midpoint(west, east));
    Bounds::around(centre, (lat_span, lon_span))
}

/// `fit` zoomed `zoom` steps in (negative: out), each halving (doubling)
/// the spans: in around `focus` when given, else around the fitted centre.
/// Zoomed in, the region takes the canvas's shape (`cols` × `rows` cells),
/// which the whole world does not have.
pub fn zoomed(fit: Bounds, zoom: i32, focus: Option<(f64, f64)>, cols: u16, rows: u16) -> Bounds {
    if zoom == 0 {
        return fit;
    }
    let factor = 0.5f64.powi(zoom);
    let (lat_span, lon_span) = fit.spans();
    let mut spans = (lat_span * factor, lon_span * factor);
    if zoom > 0 {
        spans.0 = spans.1 * 2.0 * f64::from(rows.max(1)) / f64::from(cols.max(1));
    }
    if spans.0 >= 180.0 && spans.1 >= 360.0 {
        return WORLD;
    }
    let centre = match focus {
        Some(point) if zoom > 0 => point,
        _ => fit.centre(),
    };
    Bounds::around(centre, spans)
}

/// The places named by one item's entities, counted in mentions, most first.
pub fn item_places(entities: &[Entity], coords: impl Fn(&str) -> Option<(f64, f64)>) -> Vec<Place> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for e in entities.iter().filter(|e| e.kind == EntityKind::Place) {
        *counts.entry(e.name.as_str()).or_default() += e.mentions.len().max(1);
    }
    let places = counts.into_iter().map(|(name, count)| Place {
        name: name.to_string(),
        coords: coords(name),
        count,
    });
    sorted(places.collect())
}

/// The places named in the library items `items`, each counted in the
/// items naming it, most first.
pub fn items_places(
    library: &Library,
    items: impl IntoIterator<Item = usize>,
    coords: impl Fn(&str) -> Option<(f64, f64)>,
) -> Vec<Place> {
    let mut wanted = vec![false; library.len()];
    for index in items {
        if let Some(slot) = wanted.get_mut(index) {
            *slot = true;
        }
    }
    let places = library
        .actor_keys()
        .into_iter()
        .filter(|k| k.kind == EntityKind::Place)
        .filter_map(|key| {
            let count = library
                .items_naming(&key)
                .filter(|&i| wanted.get(i as usize).copied().unwrap_or(false))
                .count();
            (count > 0).then(|| Place {
                coords: coords(&key.name),
                name: key.name,
                count,
            })
        });
    sorted(places.collect())
}

fn sorted(mut places: Vec<Place>) -> Vec<Place> {
    places.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    places
}

/// Coordinates from the built-in gazetteer.
pub fn gazetteer(name: &str) -> Option<(f64, f64)> {
    Extractor::global().place_coords(name)
}

/// What a map shows, fixed when it opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapData {
    /// Which items.
    pub scope: Scope,
    /// What the counts count.
    pub unit: Unit,
    /// The places, most counted first.
    pub places: Vec<Place>,
}

/// The map view's state: its data, the selected place and the zoom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapState {
    data: Arc<MapData>,
    selected: usize,
    zoom: i32,
}

impl MapState {
    /// A map of `places`, the first selected, fitted to them.
    pub fn new(scope: Scope, unit: Unit, places: Vec<Place>) -> Self {
        Self {
            data: Arc::new(MapData {
                scope,
                unit,
                places,
            }),
            selected: 0,
            zoom: 0,
        }
    }

    /// The map of every place of the library (as `gazette actors --map`).
    pub fn of_library(library: &Library) -> Self {
        Self::new(
            Scope::Library(library.len()),
            Unit::Items,
            items_places(library, 0..library.len(), gazetteer),
        )
    }

    /// Which items it covers.
    pub fn scope(&self) -> &Scope {
        &self.data.scope
    }

    /// What the counts count.
    pub fn unit(&self) -> Unit {
        self.data.unit
    }

    /// The places, most counted first.
    pub fn places(&self) -> &[Place] {
        &self.data.places
    }

    /// Index of the selected place.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The selected place.
    pub fn selected_place(&self) -> Option<&Place> {
        self.data.places.get(self.selected)
    }

    /// Zoom steps in from the fitted region (negative: out).
    pub fn zoom(&self) -> i32 {
        self.zoom
    }

    /// Moves the selection by `delta`, saturating at the ends.
    pub fn select_by(&mut self, delta: isize) {
        self.selected = super::update::step(self.selected, self.data.places.len(), delta);
    }

    /// Zooms in (`steps` > 0) or out, within limits.
    pub fn zoom_by(&mut self, steps: i32) {
        self.zoom = (self.zoom + steps).clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
    }

    /// Back to the region that fits every place.
    pub fn reset_zoom(&mut self) {
        self.zoom = 0;
    }

    /// The region to draw on a canvas of `cols` × `rows` cells.
    pub fn bounds(&self, cols: u16, rows: u16) -> Bounds {
        let points: Vec<(f64, f64)> = self.data.places.iter().filter_map(|p| p.coords).collect();
        let focus = self.selected_place().and_then(|p| p.coords);
        zoomed(fit(&points, cols, rows), self.zoom, focus, cols, rows)
    }
}

impl App {
    /// The open map, if any.
    pub fn map(&self) -> Option<&MapState> {
        self.map.as_ref()
    }

    /// `M`: opens the map of the current scope (see the module's notes).
    pub(super) fn open_map(&mut self) {
        let library = &self.library;
        let map = match self.focus {
            Focus::Map => return,
            Focus::Article | Focus::Sidebar => {
                let Some(index) = self.article.item else {
                    self.set_message("No item open");
                    return;
                };
                let title = library
                    .row(index)
                    .map(|r| r.title.to_string())
                    .unwrap_or_default();
                match self.body(index) {
                    Some(body) => MapState::new(
                        Scope::Item(title),
                        Unit::Mentions,
                        item_places(&body.entities, gazetteer),
                    ),
                    // The text has not arrived: the index knows the places, not how often.
                    None => MapState::new(
                        Scope::Item(title),
                        Unit::Items,
                        items_places(library, [index], gazetteer),
                    ),
                }
            }
            Focus::Actor => {
                let Some((key, _)) = &self.actor else {
                    return;
                };
                let items = library.items_naming(key).map(|i| i as usize);
                MapState::new(
                    Scope::Actor(key.name.clone()),
                    Unit::Items,
                    items_places(library, items, gazetteer),
                )
            }
            Focus::List => {
                let filtered = self.search.is_some() || self.unread_only;
                let filter = filtered.then(|| {
                    let unread = if self.unread_only { "unread" } else { "" };
                    match &self.search {
                        Some(s) => format!("{unread} matching '{}'", s.query)
                            .trim()
                            .to_string(),
                        None => unread.to_string(),
                    }
                });
                MapState::new(
                    Scope::List(self.visible.len(), filter),
                    Unit::Items,
                    items_places(library, self.visible.iter().copied(), gazetteer),
                )
            }
            Focus::Actors => MapState::of_library(library),
        };
        if map.places().is_empty() {
            self.set_message("No places named here");
        }
        self.history.push(self.location());
        self.map = Some(map);
        self.focus = Focus::Map;
    }

    /// Enter on the map: the selected place's actor page.
    pub(super) fn open_map_place(&mut self) {
        let Some(place) = self.map.as_ref().and_then(MapState::selected_place) else {
            return;
        };
        let key = ActorKey {
            kind: EntityKind::Place,
            name: place.name.clone(),
        };
        if self.library.count_naming(&key) == 0 {
            self.set_message(format!("{} is not in the library's index yet", key.name));
            return;
        }
        self.open_actor(key);
    }

    /// `+`, `-` and `0` on the map.
    pub(super) fn zoom_map(&mut self, action: Action) {
        let Some(map) = self.map.as_mut().filter(|_| self.focus == Focus::Map) else {
            return;
        };
        match action {
            Action::ZoomIn => map.zoom_by(1),
            Action::ZoomOut => map.zoom_by(-1),
            _ => map.reset_zoom(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Mention;

    fn coords(name: &str) -> Option<(f64, f64)> {
        match name {
            "Moscow" => Some((55.75, 37.62)),
            "Kyiv" => Some((50.45, 30.52)),
            "Washington" => Some((38.9, -77.04)),
            "Canberra" => Some((-35.28, 149.13)),
            _ => None,
        }
    }

    fn place(name: &str, mentions: usize) -> Entity {
        Entity {
            name: name.into(),
            kind: EntityKind::Place,
            aliases: vec![],
            mentions: vec![
                Mention {
                    segment: 0,
                    start: 0,
                    end: 1
                };
                mentions
            ],
        }
    }

    #[test]
    fn an_items_places_are_counted_in_mentions_most_first() {
        let person = Entity {
            kind: EntityKind::Person,
            ..place("Moscow Mule", 9)
        };
        let places = item_places(
            &[
                place("Kyiv", 1),
                person,
                place("Moscow", 3),
                place("Pokrovsk", 2),
            ],
            coords,
        );
        let got: Vec<(&str, usize, bool)> = places
            .iter()
            .map(|p| (p.name.as_str(), p.count, p.coords.is_some()))
            .collect();
        assert_eq!(
            got,
            [
                ("Moscow", 3, true),
                ("Pokrovsk", 2, false),
                ("Kyiv", 1, true)
            ]
        );
    }

    #[test]
    fn many_items_count_the_items_naming_each_place() {
        let body = |id: &str, places: &[&str]| {
            let item = crate::model::Item {
                id: crate::model::ItemId(id.into()),
                title: id.into(),
                newsletter: None,
                publisher: None,
                date: None,
                author: None,
                url: None,
                tags: vec![],
                blocks: vec![],
                source: id.into(),
            };
            let entities = places.iter().map(|p| place(p, 5)).collect();
            crate::library::Body { item, entities }
        };
        let bodies = [
            body("a", &["Moscow", "Kyiv"]),
            body("b", &["Moscow", "Pokrovsk"]),
            body("c", &["Moscow"]),
        ];
        let library = Library::from_bodies(&bodies);
        let all = items_places(&library, 0..library.len(), coords);
        let got: Vec<(&str, usize)> = all.iter().map(|p| (p.name.as_str(), p.count)).collect();
        assert_eq!(got, [("Moscow", 3), ("Kyiv", 1), ("Pokrovsk", 1)]);
        assert_eq!(all[2].coords, None);
        let b = library.index_of(&crate::model::ItemId("b".into())).unwrap();
        let one = items_places(&library, [b], coords);
        let got: Vec<(&str, usize)> = one.iter().map(|p| (p.name.as_str(), p.count)).collect();
        assert_eq!(got, [("Moscow", 1), ("Pokrovsk", 1)]);
    }

    #[test]
    fn one_place_gets_a_region_around_it() {
        // A canvas of 100 × 25 cells: as wide in degrees as it is tall × 2.
        let b = fit(&[(55.75, 37.62)], 100, 25);
        assert!(b.contains((55.75, 37.62)));
        let (lat_span, lon_span) = b.spans();
        assert!(lat_span >= 30.0 && lon_span >= 50.0, "{b:?}");
        assert!((lat_span / lon_span - 0.5).abs() < 1e-9, "{b:?}");
        let (lat, lon) = b.centre();
        assert!((lat - 55.75).abs() < 1e-9 && (lon - 37.62).abs() < 1e-9);
    }

    #[test]
    fn nearby_places_fit_with_room_and_far_ones_give_the_world() {
        let b = fit(&[(55.75, 37.62), (50.45, 30.52)], 80, 20);
        assert!(b.contains((55.75, 37.62)) && b.contains((50.45, 30.52)));
        assert!(b.lon[0] < 30.52 - 5.0 && b.lon[1] > 37.62 + 5.0, "{b:?}");
        assert!(b.spans().1 < 120.0, "a close pair is not the world: {b:?}");
        let world = fit(&[(38.9, -77.04), (-35.28, 149.13), (55.75, 37.62)], 80, 20);
        assert_eq!(world, WORLD);
        assert_eq!(fit(&[], 80, 20), WORLD);
    }

    #[test]
    fn regions_stay_inside_the_world() {
        // Near the pole and the date line the region shifts, not shrinks.
        let b = fit(&[(78.2, 179.0)], 100, 25);
        assert!(b.lat[1] <= 90.0 && b.lon[1] <= 180.0, "{b:?}");
        assert!(b.contains((78.2, 179.0)));
        assert!((b.spans().1 - 60.0).abs() < 30.0, "{b:?}");
    }

    #[test]
    fn zoom_halves_around_the_selection_and_zero_fits_again() {
        let mut map = MapState::new(
            Scope::Library(2),
            Unit::Items,
            vec![
                Place {
                    name: "Moscow".into(),
                    coords: coords("Moscow"),
                    count: 2,
                },
                Place {
                    name: "Kyiv".into(),
                    coords: coords("Kyiv"),
                    count: 1,
                },
            ],
        );
        let fitted = map.bounds(80, 20);
        map.select_by(1);
        map.zoom_by(1);
        let zoomed = map.bounds(80, 20);
        assert!((zoomed.spans().1 * 2.0 - fitted.spans().1).abs() < 1e-9);
        let (lat, lon) = zoomed.centre();
        assert!((lat - 50.45).abs() < 1e-9 && (lon - 30.52).abs() < 1e-9);
        map.zoom_by(-3);
        let out = map.bounds(80, 20);
        assert!(out.spans().1 > fitted.spans().1 * 1.9, "{out:?}");
        assert!(out.spans().1 <= 360.0 && out.lon[0] >= -180.0);
        map.zoom_by(-100);
        assert_eq!(map.zoom(), ZOOM_RANGE.0);
        assert_eq!(map.bounds(80, 20), WORLD);
        map.reset_zoom();
        assert_eq!(map.bounds(80, 20), fitted);
    }

    #[test]
    fn scope_titles_say_what_the_map_covers() {
        assert_eq!(
            Scope::Item("Envoys head to Moscow".into()).title(),
            "Map · places of 'Envoys head to Moscow'"
        );
        assert_eq!(
            Scope::Actor("Martin Halvorsen".into()).title(),
            "Map · places in items naming Martin Halvorsen"
        );
        assert_eq!(Scope::List(27, None).title(), "Map · all 27 items");
        assert_eq!(
            Scope::List(1, Some("matching 'oslo'".into())).title(),
            "Map · 1 item matching 'oslo'"
        );
    }
}
