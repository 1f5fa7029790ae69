//! The library's index, kept in memory: one small row per item (no body)
//! newest first, and which actors each item names. Item bodies (text and
//! mention positions) are fetched on demand through a [`Source`].
//!
//! [`Source`]: crate::source::Source

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::model::{Entity, EntityKind, Item, ItemId};

mod aliases;
mod builder;
mod lists;
mod resolve;
mod rows;
mod stats;

pub use aliases::{AliasEdits, Merge, NameRef, Resolver};
pub use builder::LibraryBuilder;
pub use lists::Numbers as ItemIndices;
use lists::PackedLists;
pub use resolve::SurnameMap;
use rows::RowTable;
pub use rows::{IdText, NewRow, Row};
pub use stats::ActorStat;

/// Identifies an actor across the library: its kind and canonical name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActorKey {
    /// Person, place or organization.
    pub kind: EntityKind,
    /// Canonical name.
    pub name: String,
}

impl ActorKey {
    /// The key of an entity.
    pub fn of(entity: &Entity) -> Self {
        Self {
            kind: entity.kind,
            name: entity.name.clone(),
        }
    }
}

/// An item with its text and entities: what the article view needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    /// The item, text included.
    pub item: Item,
    /// Its entities with every mention.
    pub entities: Vec<Entity>,
}

impl Body {
    /// The entity of this item for an actor.
    pub fn entity(&self, key: &ActorKey) -> Option<&Entity> {
        self.entities
            .iter()
            .find(|e| e.kind == key.kind && e.name == key.name)
    }
}

/// An actor with library-wide figures, for the actors list and `gazette actors`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorSummary {
    /// The actor.
    pub key: ActorKey,
    /// Every other surface form seen, across items.
    pub aliases: Vec<String>,
    /// How many items name it.
    pub items: usize,
    /// Earliest dated item naming it.
    pub first: Option<NaiveDate>,
    /// Latest dated item naming it.
    pub last: Option<NaiveDate>,
    /// Actors most often named in the same items, with the shared item count.
    pub co_mentions: Vec<(ActorKey, usize)>,
}

/// An actor as one item names it: kind, name, mention count, surface forms.
pub type Named = (EntityKind, String, u32, Vec<String>);

/// The names items gave, before library-wide resolution: kept so that alias
/// edits re-key the library without reading the index again.
#[derive(Debug, Clone, Default)]
struct RawNames {
    names: Vec<(EntityKind, String)>,
    forms: Vec<Vec<String>>,
    // Per row (in library order), its raw names, ascending.
    named: PackedLists,
}

/// The in-memory index of the library.
#[derive(Debug, Clone, Default)]
pub struct Library {
    rows: RowTable,
    actors: Vec<ActorKey>,
    actor_ids: HashMap<ActorKey, u32>,
    aliases: Vec<Vec<String>>,
    // Per actor, its rows newest first (ascending indices), and how many.
    postings: PackedLists,
    posting_count: Vec<u32>,
    raw: Arc<RawNames>,
    // Per raw name, its actor (`u32::MAX` when hidden).
    actor_of: Vec<u32>,
    resolver: Resolver,
    dates: Option<(NaiveDate, NaiveDate)>,
}

impl Library {
    /// Builds a library from bodies (convenience for small libraries and tests).
    pub fn from_bodies<'a>(bodies: impl IntoIterator<Item = &'a Body>) -> Self {
        let mut builder = LibraryBuilder::default();
        for body in bodies {
            builder.add(&body.item, &body.entities);
        }
        builder.build()
    }

    fn intern(&mut self, key: ActorKey, raw: &str, forms: &[String]) -> u32 {
        let id = match self.actor_ids.get(&key) {
            Some(id) => *id,
            None => {
                let id = u32::try_from(self.actors.len()).unwrap_or(u32::MAX);
                self.actor_ids.insert(key.clone(), id);
                self.actors.push(key);
                self.aliases.push(Vec::new());
                id
            }
        };
        let aliases = &mut self.aliases[id as usize];
        let name = &self.actors[id as usize].name;
        for form in forms.iter().map(String::as_str).chain(std::iter::once(raw)) {
            if form != name && !aliases.iter().any(|a| a == form) {
                aliases.push(form.to_string());
            }
        }
        id
    }

    /// (Re)computes the actors from the raw names under the resolver: actor
    /// table, and each actor's rows.
    fn index_actors(&mut self) {
        self.actors.clear();
        self.actor_ids.clear();
        self.aliases.clear();
        let raw = Arc::clone(&self.raw);
        let mut actor_of: Vec<u32> = Vec::with_capacity(raw.names.len());
        for ((kind, name), forms) in raw.names.iter().zip(&raw.forms) {
            actor_of.push(match self.resolver.resolve(*kind, name) {
                Some(key) => self.intern(key, name, forms),
                None => u32::MAX,
            });
        }
        self.actor_of = actor_of;
        // Postings: for each actor, the rows naming it, in row order.
        let rows = self.rows.len();
        let (postings, counts) = PackedLists::build(self.actors.len(), |emit| {
            let mut seen = Vec::new();
            for row in 0..rows {
                self.row_actors(row, &mut seen);
                for &actor in &seen {
                    emit(actor as usize, u32::try_from(row).unwrap_or(u32::MAX));
                }
            }
        });
        self.postings = postings;
        self.posting_count = counts;
    }

    /// The actors row `row` names, each once, into `out`.
    fn row_actors(&self, row: usize, out: &mut Vec<u32>) {
        out.clear();
        for name in self.raw.named.get(row) {
            let actor = self
                .actor_of
                .get(name as usize)
                .copied()
                .unwrap_or(u32::MAX);
            if actor != u32::MAX && !out.contains(&actor) {
                out.push(actor);
            }
        }
    }

    /// Applies the user's alias edits (replacing earlier ones): actors are
    /// merged, split and hidden without reading any item again.
    pub fn set_aliases(&mut self, edits: AliasEdits) {
        let surnames = std::mem::take(&mut self.resolver).into_surnames();
        self.resolver = Resolver::new(surnames, edits);
        self.index_actors();
    }

    /// The alias edits applied.
    pub fn alias_edits(&self) -> &AliasEdits {
        self.resolver.edits()
    }

    /// Where an actor of an earlier version of the library lives now
    /// (merged into another, or `None` when hidden or gone).
    pub fn rekey(&self, key: &ActorKey) -> Option<ActorKey> {
        if let Some(id) = self.actor_ids.get(key) {
            return Some(self.actors[*id as usize].clone());
        }
        let key = self.resolver.rekey(key)?;
        self.actor_ids.contains_key(&key).then_some(key)
    }

    /// The other names items gave that the library counts as this actor
    /// (merged names and resolved surnames): the aliases that can be split
    /// off again.
    pub fn merged_names(&self, key: &ActorKey) -> Vec<ActorKey> {
        let Some(&id) = self.actor_ids.get(key) else {
            return Vec::new();
        };
        let mut out: Vec<ActorKey> = self
            .raw
            .names
            .iter()
            .zip(&self.actor_of)
            .filter(|(_, a)| **a == id)
            .map(|((kind, name), _)| ActorKey {
                kind: *kind,
                name: name.clone(),
            })
            .filter(|k| k != key)
            .collect();
        out.sort();
        out
    }

    /// How many items.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are no items.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// All rows, newest first.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = Row<'_>> + '_ {
        (0..self.rows.len()).map(|i| self.rows.at(i))
    }

    /// One row by index.
    pub fn row(&self, index: usize) -> Option<Row<'_>> {
        self.rows.get(index)
    }

    /// The index of the item with this id.
    pub fn index_of(&self, id: &ItemId) -> Option<usize> {
        self.rows.index_of(id.as_str())
    }

    fn postings_of(&self, actor: usize) -> ItemIndices<'_> {
        self.postings.get(actor)
    }

    fn count_of(&self, actor: usize) -> usize {
        self.posting_count.get(actor).map_or(0, |&n| n as usize)
    }

    /// Indices of the items naming an actor, newest first (ascending).
    pub fn items_naming(&self, key: &ActorKey) -> ItemIndices<'_> {
        self.actor_ids.get(key).map_or_else(
            || self.postings.get(usize::MAX),
            |id| self.postings_of(*id as usize),
        )
    }

    /// How many items name an actor.
    pub fn count_naming(&self, key: &ActorKey) -> usize {
        self.actor_ids
            .get(key)
            .map_or(0, |id| self.count_of(*id as usize))
    }

    /// Bytes the index holds on the heap, roughly (for measuring).
    pub fn heap_bytes(&self) -> usize {
        self.rows.heap_bytes()
            + self.postings.heap_bytes()
            + self.posting_count.capacity() * 4
            + self.raw.named.heap_bytes()
            + self.actor_of.capacity() * 4
    }

    /// The names an actor's mentions were stored under before library-wide
    /// resolution (for looking them up in the database).
    pub fn stored_names(&self, key: &ActorKey) -> Vec<String> {
        let Some(&id) = self.actor_ids.get(key) else {
            return self.resolver.surnames().stored_names(key);
        };
        let mut names: Vec<String> = vec![key.name.clone()];
        for ((kind, name), &actor) in self.raw.names.iter().zip(&self.actor_of) {
            if actor == id && *kind == key.kind && !names.contains(name) {
                names.push(name.clone());
            }
        }
        names
    }

    /// Renames a body's entities as the library does (surnames resolved,
    /// the user's alias edits applied, hidden actors left out).
    pub fn resolve_body(&self, body: &mut Body) {
        self.resolver.apply(&mut body.entities);
    }

    /// The earliest and latest dates of the library's items.
    pub fn date_range(&self) -> Option<(NaiveDate, NaiveDate)> {
        self.dates
    }

    /// How many distinct newsletters the library holds.
    pub fn newsletter_count(&self) -> usize {
        self.rows.newsletter_count()
    }

    /// Every actor with its figures, most items first, then by kind and name.
    pub fn actor_summaries(&self, kind: Option<EntityKind>) -> Vec<ActorSummary> {
        let mut out: Vec<ActorSummary> = (0..self.actors.len())
            .filter(|&a| kind.is_none_or(|k| self.actors[a].kind == k))
            .map(|a| self.summary(a))
            .collect();
        out.sort_by(|a, b| b.items.cmp(&a.items).then_with(|| a.key.cmp(&b.key)));
        out
    }

    /// Every actor, most items first (cheaper than the summaries).
    pub fn actor_keys(&self) -> Vec<ActorKey> {
        let mut ids: Vec<usize> = (0..self.actors.len()).collect();
        ids.sort_by(|&a, &b| {
            self.count_of(b)
                .cmp(&self.count_of(a))
                .then_with(|| self.actors[a].cmp(&self.actors[b]))
        });
        ids.into_iter().map(|a| self.actors[a].clone()).collect()
    }

    /// Every actor with the other names it was seen under, in no
    /// particular order (cheap: for matching names, as queries do).
    pub fn actors_and_aliases(&self) -> impl Iterator<Item = (&ActorKey, &[String])> {
        self.actors
            .iter()
            .zip(self.aliases.iter().map(Vec::as_slice))
    }

    /// The figures of one actor, if the library names it.
    pub fn actor_summary(&self, key: &ActorKey) -> Option<ActorSummary> {
        self.actor_ids.get(key).map(|id| self.summary(*id as usize))
    }

    fn summary(&self, actor: usize) -> ActorSummary {
        // Shared item counts by actor, and which actors have one.
        let mut counts = vec![0u32; self.actors.len()];
        let mut met: Vec<u32> = Vec::new();
        let mut named = Vec::new();
        for index in self.postings_of(actor) {
            self.row_actors(index as usize, &mut named);
            for &other in &named {
                if other as usize != actor {
                    let count = &mut counts[other as usize];
                    if *count == 0 {
                        met.push(other);
                    }
                    *count += 1;
                }
            }
        }
        met.sort_by(|&a, &b| {
            counts[b as usize]
                .cmp(&counts[a as usize])
                .then_with(|| self.actors[a as usize].cmp(&self.actors[b as usize]))
        });
        let co_mentions: Vec<(ActorKey, usize)> = met
            .iter()
            .take(10)
            .map(|&a| (self.actors[a as usize].clone(), counts[a as usize] as usize))
            .collect();
        let dates = || {
            self.postings_of(actor)
                .filter_map(|i| self.rows.date(i as usize))
        };
        let mut aliases = self.aliases[actor].clone();
        aliases.sort();
        ActorSummary {
            key: self.actors[actor].clone(),
            aliases,
            items: self.count_of(actor),
            first: dates().min(),
            last: dates().max(),
            co_mentions,
        }
    }
}
