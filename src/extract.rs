//! People, places and organizations named in an item's text.

use crate::model::{Entity, Item};

/// The extractor: embedded gazetteer and name data, loaded once.
#[derive(Debug, Default)]
pub struct Extractor;

impl Extractor {
    /// The process-wide extractor, built on first use.
    pub fn global() -> &'static Extractor {
        static EXTRACTOR: Extractor = Extractor;
        &EXTRACTOR
    }

    /// Extracts the entities of one item, merged within the item.
    pub fn extract(&self, _item: &Item) -> Vec<Entity> {
        Vec::new()
    }
}

/// Resolves surname-only entities of each item against full names met in
/// other items of the library.
pub fn resolve_library(_entities: &mut [Vec<Entity>]) {}

/// User corrections (temporary stand-in until the extractor lands).
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    /// Actors named by the user.
    pub actors: Vec<ActorOverride>,
    /// Names never shown.
    pub ignore: Vec<String>,
}

/// One user actor.
#[derive(Debug, Clone)]
pub struct ActorOverride {
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: crate::model::EntityKind,
    /// Other forms.
    pub aliases: Vec<String>,
}

impl Extractor {
    /// Extraction with user corrections.
    pub fn extract_with(&self, item: &Item, _overrides: &Overrides) -> Vec<Entity> {
        self.extract(item)
    }
}
