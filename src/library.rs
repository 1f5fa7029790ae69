//! The library's index, kept in memory: one small row per item (no body)
//! newest first, and which actors each item names. Item bodies (text and
//! mention positions) are fetched on demand through a [`Source`].
//!
//! [`Source`]: crate::source::Source

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::model::{Entity, EntityKind, Item, ItemId};

mod aliases;
mod resolve;
mod stats;

pub use aliases::{AliasEdits, Merge, NameRef, Resolver};
pub use resolve::SurnameMap;
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

/// One item as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Stable id.
    pub id: ItemId,
    /// Publication date.
    pub date: Option<NaiveDate>,
    /// Newsletter name.
    pub newsletter: Option<Arc<str>>,
    /// Title.
    pub title: Box<str>,
    /// Where it was loaded from.
    pub source: PathBuf,
}

impl Row {
    /// The newsletter name, or a placeholder for display.
    pub fn newsletter_or_default(&self) -> &str {
        self.newsletter.as_deref().unwrap_or("(unknown)")
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

/// Collects rows and actor mentions, then builds a [`Library`]. Names are
/// interned as they arrive, so a large library is built in little memory.
#[derive(Debug, Default)]
pub struct LibraryBuilder {
    rows: Vec<Row>,
    by_id: HashMap<ItemId, usize>,
    newsletters: HashMap<String, Arc<str>>,
    raw: Vec<(EntityKind, String)>,
    raw_ids: HashMap<(EntityKind, String), u32>,
    raw_forms: Vec<Vec<String>>,
    // Per row, the raw names it names: `named[named_start[r]..named_start[r + 1]]`.
    named: Vec<u32>,
    named_start: Vec<u32>,
}

impl LibraryBuilder {
    /// Adds an item's row and the actors it names (a second item with the
    /// same id is ignored).
    pub fn add(&mut self, item: &Item, entities: &[Entity]) {
        let row = Row {
            id: item.id.clone(),
            date: item.date,
            newsletter: item.newsletter.as_deref().map(|n| self.newsletter(n)),
            title: item.title.clone().into_boxed_str(),
            source: item.source.clone(),
        };
        let Some(index) = self.add_row(row) else {
            return;
        };
        for e in entities {
            let count = u32::try_from(e.mentions.len()).unwrap_or(u32::MAX);
            self.add_named(index, (e.kind, e.name.clone(), count, e.aliases.clone()));
        }
    }

    /// The shared name of a newsletter (one allocation per newsletter).
    pub fn newsletter(&mut self, name: &str) -> Arc<str> {
        if let Some(shared) = self.newsletters.get(name) {
            return shared.clone();
        }
        let shared: Arc<str> = Arc::from(name);
        self.newsletters.insert(name.to_string(), shared.clone());
        shared
    }

    /// Adds a row; `None` when an item with this id is already there.
    pub fn add_row(&mut self, row: Row) -> Option<usize> {
        if self.by_id.contains_key(&row.id) {
            return None;
        }
        let index = self.rows.len();
        self.by_id.insert(row.id.clone(), index);
        self.rows.push(row);
        self.named_start
            .push(u32::try_from(self.named.len()).unwrap_or(u32::MAX));
        Some(index)
    }

    /// The builder's index of an item added earlier.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Records that the item at `index` (the last row added) names an actor.
    pub fn add_named(&mut self, index: usize, (kind, name, _count, forms): Named) {
        if index + 1 != self.rows.len() {
            return;
        }
        let key = (kind, name);
        let raw = match self.raw_ids.get(&key) {
            Some(id) => *id,
            None => {
                let id = u32::try_from(self.raw.len()).unwrap_or(u32::MAX);
                self.raw.push(key.clone());
                self.raw_ids.insert(key, id);
                self.raw_forms.push(Vec::new());
                id
            }
        };
        let known = &mut self.raw_forms[raw as usize];
        for form in forms {
            if !known.contains(&form) {
                known.push(form);
            }
        }
        self.named.push(raw);
    }

    /// Builds the index: rows newest first (undated last), surnames
    /// resolved across the library, actor postings.
    pub fn build(self) -> Library {
        self.build_with(AliasEdits::default())
    }

    /// Builds the index with the user's alias edits applied.
    pub fn build_with(self, edits: AliasEdits) -> Library {
        let surnames = SurnameMap::new(self.raw.iter().map(|(kind, name)| (*kind, name.as_str())));
        let mut order: Vec<usize> = (0..self.rows.len()).collect();
        order.sort_by(|&a, &b| {
            let (ra, rb) = (&self.rows[a], &self.rows[b]);
            rb.date
                .cmp(&ra.date)
                .then_with(|| ra.title.cmp(&rb.title))
                .then_with(|| ra.id.cmp(&rb.id))
        });
        let total = self.named.len();
        let mut named_start = self.named_start;
        named_start.push(u32::try_from(total).unwrap_or(u32::MAX));
        let mut rows: Vec<Option<Row>> = self.rows.into_iter().map(Some).collect();
        let mut library = Library::default();
        library.rows.reserve(order.len());
        let mut raw = RawNames {
            names: self.raw,
            forms: self.raw_forms,
            start: Vec::with_capacity(order.len() + 1),
            named: Vec::with_capacity(total),
        };
        for (new_index, &old) in order.iter().enumerate() {
            let Some(row) = rows[old].take() else {
                continue;
            };
            library.by_id.insert(row.id.clone(), new_index);
            library.rows.push(row);
            raw.start
                .push(u32::try_from(raw.named.len()).unwrap_or(u32::MAX));
            let (from, to) = (named_start[old] as usize, named_start[old + 1] as usize);
            raw.named.extend_from_slice(&self.named[from..to]);
        }
        raw.start
            .push(u32::try_from(raw.named.len()).unwrap_or(u32::MAX));
        drop(self.named);
        let dates = library.rows.iter().filter_map(|r| r.date);
        library.dates = dates.clone().min().zip(dates.max());
        library.raw = Arc::new(raw);
        library.resolver = Resolver::new(surnames, edits);
        library.index_actors();
        library
    }
}

/// The names items gave, before library-wide resolution: kept so that alias
/// edits re-key the library without reading the index again.
#[derive(Debug, Clone, Default)]
struct RawNames {
    names: Vec<(EntityKind, String)>,
    forms: Vec<Vec<String>>,
    // Per row (in library order), its raw names: `named[start[r]..start[r + 1]]`.
    start: Vec<u32>,
    named: Vec<u32>,
}

/// The in-memory index of the library.
#[derive(Debug, Clone, Default)]
pub struct Library {
    rows: Vec<Row>,
    by_id: HashMap<ItemId, usize>,
    actors: Vec<ActorKey>,
    actor_ids: HashMap<ActorKey, u32>,
    aliases: Vec<Vec<String>>,
    // Per row, its actors: `item_actors[item_start[r]..item_start[r + 1]]`.
    item_start: Vec<u32>,
    item_actors: Vec<u32>,
    // Per actor, its rows newest first: `postings[posting_start[a]..posting_start[a + 1]]`.
    posting_start: Vec<u32>,
    postings: Vec<u32>,
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
    /// table, each row's actors, each actor's rows.
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
        self.item_start.clear();
        self.item_start.reserve(self.rows.len() + 1);
        self.item_actors.clear();
        self.item_actors.reserve(raw.named.len());
        let mut seen: Vec<u32> = Vec::new();
        for row in 0..self.rows.len() {
            self.item_start
                .push(u32::try_from(self.item_actors.len()).unwrap_or(u32::MAX));
            seen.clear();
            let (from, to) = (raw.start[row] as usize, raw.start[row + 1] as usize);
            for &name in &raw.named[from..to] {
                let actor = actor_of[name as usize];
                if actor != u32::MAX && !seen.contains(&actor) {
                    seen.push(actor);
                    self.item_actors.push(actor);
                }
            }
        }
        self.item_start
            .push(u32::try_from(self.item_actors.len()).unwrap_or(u32::MAX));
        self.actor_of = actor_of;
        // Postings: for each actor, the rows naming it, newest first.
        let mut counts = vec![0u32; self.actors.len() + 1];
        for &actor in &self.item_actors {
            counts[actor as usize + 1] += 1;
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let mut fill = counts.clone();
        let mut postings = vec![0u32; self.item_actors.len()];
        for row in 0..self.rows.len() {
            let (from, to) = (
                self.item_start[row] as usize,
                self.item_start[row + 1] as usize,
            );
            for &actor in &self.item_actors[from..to] {
                let slot = &mut fill[actor as usize];
                postings[*slot as usize] = u32::try_from(row).unwrap_or(u32::MAX);
                *slot += 1;
            }
        }
        self.posting_start = counts;
        self.postings = postings;
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
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// One row by index.
    pub fn row(&self, index: usize) -> Option<&Row> {
        self.rows.get(index)
    }

    /// The index of the item with this id.
    pub fn index_of(&self, id: &ItemId) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    fn actor_ids_of(&self, index: usize) -> &[u32] {
        match (self.item_start.get(index), self.item_start.get(index + 1)) {
            (Some(&from), Some(&to)) => &self.item_actors[from as usize..to as usize],
            _ => &[],
        }
    }

    fn postings_of(&self, actor: usize) -> &[u32] {
        match (
            self.posting_start.get(actor),
            self.posting_start.get(actor + 1),
        ) {
            (Some(&from), Some(&to)) => &self.postings[from as usize..to as usize],
            _ => &[],
        }
    }

    /// Indices of the items naming an actor, newest first.
    pub fn items_naming(&self, key: &ActorKey) -> &[u32] {
        self.actor_ids
            .get(key)
            .map_or(&[], |id| self.postings_of(*id as usize))
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
        let mut names: Vec<&str> = self
            .rows
            .iter()
            .filter_map(|r| r.newsletter.as_deref())
            .collect();
        names.sort_unstable();
        names.dedup();
        names.len()
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
            self.postings_of(b)
                .len()
                .cmp(&self.postings_of(a).len())
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
        let indices = self.postings_of(actor);
        let mut co: HashMap<u32, usize> = HashMap::new();
        for &index in indices {
            for &other in self.actor_ids_of(index as usize) {
                if other as usize != actor {
                    *co.entry(other).or_default() += 1;
                }
            }
        }
        let mut co_mentions: Vec<(ActorKey, usize)> = co
            .into_iter()
            .map(|(a, n)| (self.actors[a as usize].clone(), n))
            .collect();
        co_mentions.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        co_mentions.truncate(10);
        let dates = || indices.iter().filter_map(|&i| self.rows[i as usize].date);
        let mut aliases = self.aliases[actor].clone();
        aliases.sort();
        ActorSummary {
            key: self.actors[actor].clone(),
            aliases,
            items: indices.len(),
            first: dates().min(),
            last: dates().max(),
            co_mentions,
        }
    }
}
