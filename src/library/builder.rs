//! Builds a [`Library`] from rows and the actors each names, as they arrive
//! (from the index, or from bodies): names are interned at once and each
//! row's names packed, so a large library is built in little memory.

use std::collections::HashMap;
use std::sync::Arc;

use super::lists::PackedLists;
use super::rows::{NewRow, RowTable, id_key};
use super::{AliasEdits, Library, Named, RawNames, Resolver, SurnameMap};
use crate::model::{Entity, EntityKind, Item};

/// Collects rows and actor mentions, then builds a [`Library`].
#[derive(Debug, Default)]
pub struct LibraryBuilder {
    rows: RowTable,
    // Id key → the first row with it (to skip a repeated id).
    seen: HashMap<u64, u32>,
    raw: Vec<(EntityKind, String)>,
    raw_ids: HashMap<(EntityKind, String), u32>,
    raw_forms: Vec<Vec<String>>,
    // Per row, the raw names it names (ascending), and the last row's so far.
    named: PackedLists,
    pending: Vec<u32>,
}

impl LibraryBuilder {
    /// Adds an item's row and the actors it names (a second item with the
    /// same id is ignored).
    pub fn add(&mut self, item: &Item, entities: &[Entity]) {
        let row = NewRow {
            id: item.id.as_str(),
            date: item.date,
            newsletter: item.newsletter.as_deref(),
            title: &item.title,
            source: &item.source,
        };
        let Some(index) = self.add_row(&row) else {
            return;
        };
        for e in entities {
            let count = u32::try_from(e.mentions.len()).unwrap_or(u32::MAX);
            self.add_named(index, (e.kind, e.name.clone(), count, e.aliases.clone()));
        }
    }

    /// Adds a row; `None` when an item with this id is already there.
    pub fn add_row(&mut self, row: &NewRow) -> Option<usize> {
        let index = self.rows.len();
        let key = id_key(row.id);
        match self.seen.get(&key) {
            Some(&first) => {
                let same = |r: usize| self.rows.get(r).is_some_and(|r| r.has_id(row.id));
                // Two ids with one key are rare: look through every row then.
                if same(first as usize) || (0..index).any(same) {
                    return None;
                }
            }
            None => {
                self.seen
                    .insert(key, u32::try_from(index).unwrap_or(u32::MAX));
            }
        }
        self.flush();
        self.rows.push(row);
        Some(index)
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
        self.pending.push(raw);
    }

    /// Packs the last row's names.
    fn flush(&mut self) {
        if self.named.len() < self.rows.len() {
            self.pending.sort_unstable();
            self.pending.dedup();
            self.named.push(self.pending.drain(..));
        }
    }

    /// Builds the index: rows newest first (undated last), surnames
    /// resolved across the library, actor postings.
    pub fn build(self) -> Library {
        self.build_with(AliasEdits::default())
    }

    /// Builds the index with the user's alias edits applied.
    pub fn build_with(mut self, edits: AliasEdits) -> Library {
        self.flush();
        drop(self.seen);
        let surnames = SurnameMap::new(self.raw.iter().map(|(kind, name)| (*kind, name.as_str())));
        let mut order: Vec<usize> = (0..self.rows.len()).collect();
        let row = |i: usize| self.rows.get(i);
        order.sort_by(|&a, &b| {
            let (ra, rb) = (row(a), row(b));
            let (ra, rb) = (ra.as_ref(), rb.as_ref());
            rb.map(|r| r.date)
                .cmp(&ra.map(|r| r.date))
                .then_with(|| ra.map(|r| r.title).cmp(&rb.map(|r| r.title)))
                .then_with(|| ra.map(|r| r.id()).cmp(&rb.map(|r| r.id())))
        });
        // Rows read from the index arrive in this order already.
        let (mut rows, named) = if order.iter().enumerate().all(|(i, &o)| i == o) {
            (self.rows, self.named)
        } else {
            let mut named = PackedLists::with_capacity(order.len());
            for &old in &order {
                named.push(self.named.get(old));
            }
            (self.rows.reordered(&order), named)
        };
        rows.finish();
        let mut named = named;
        named.shrink_to_fit();
        let dates = rows.dates().iter().filter_map(|d| *d);
        let range = dates.clone().min().zip(dates.max());
        let mut library = Library {
            rows,
            dates: range,
            raw: Arc::new(RawNames {
                names: self.raw,
                forms: self.raw_forms,
                named,
            }),
            resolver: Resolver::new(surnames, edits),
            ..Library::default()
        };
        library.index_actors();
        library
    }
}
