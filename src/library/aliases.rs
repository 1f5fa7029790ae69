//! The user's own alias edits (merge two actors, split an alias off, hide an
//! actor) and the [`Resolver`] that turns every name an item gives into the
//! library's actor: surnames first, then splits, merges and hidden actors.
//!
//! The edits are data (kept in `aliases.toml` in the data folder, see
//! [`crate::store::aliases`]); applying them never re-reads or re-extracts
//! an item.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::{ActorKey, SurnameMap};
use crate::model::{Entity, EntityKind};

/// How many merges are followed from one name (a guard against cycles
/// written by hand).
const MAX_CHAIN: usize = 16;

/// An actor named by kind and name, as the alias file writes it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameRef {
    /// The name.
    pub name: String,
    /// Person, place or organization.
    pub kind: EntityKind,
}

impl NameRef {
    /// The reference to an actor.
    pub fn of(key: &ActorKey) -> Self {
        Self {
            name: key.name.clone(),
            kind: key.kind,
        }
    }

    fn key(&self) -> ActorKey {
        ActorKey {
            kind: self.kind,
            name: self.name.clone(),
        }
    }
}

/// Actors folded into one: each of `names` becomes an alias of `into`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Merge {
    /// The canonical name kept.
    pub into: String,
    /// The kind of the canonical actor.
    pub kind: EntityKind,
    /// The kind of the merged names when it differs from `kind`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_kind: Option<EntityKind>,
    /// The names merged into it.
    pub names: Vec<String>,
}

impl Merge {
    fn source_kind(&self) -> EntityKind {
        self.from_kind.unwrap_or(self.kind)
    }
}

/// Every alias edit the user made, as kept in the alias file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AliasEdits {
    /// Actors never shown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hide: Vec<NameRef>,
    /// Actors folded into others.
    #[serde(default, rename = "merge", skip_serializing_if = "Vec::is_empty")]
    pub merges: Vec<Merge>,
    /// Names kept apart from the full name their surname would resolve to.
    #[serde(default, rename = "split", skip_serializing_if = "Vec::is_empty")]
    pub splits: Vec<NameRef>,
}

impl AliasEdits {
    /// Whether there is no edit at all.
    pub fn is_empty(&self) -> bool {
        self.hide.is_empty() && self.merges.is_empty() && self.splits.is_empty()
    }

    /// Folds `from` into `into`: `from`'s name becomes an alias of `into`.
    /// Returns whether anything changed.
    pub fn merge(&mut self, from: &ActorKey, into: &ActorKey) -> bool {
        if from == into {
            return false;
        }
        // Merging back what was merged the other way: drop the old merge.
        self.remove_merged(into, from);
        self.splits.retain(|s| s.key() != *from);
        let from_kind = (from.kind != into.kind).then_some(from.kind);
        if let Some(m) = self
            .merges
            .iter_mut()
            .find(|m| m.into == into.name && m.kind == into.kind && m.from_kind == from_kind)
        {
            if m.names.contains(&from.name) {
                return false;
            }
            m.names.push(from.name.clone());
        } else {
            self.merges.push(Merge {
                into: into.name.clone(),
                kind: into.kind,
                from_kind,
                names: vec![from.name.clone()],
            });
        }
        true
    }

    /// Makes `alias` (a name merged into another actor, or a surname that
    /// resolved to a full name) its own actor again.
    pub fn split(&mut self, alias: &ActorKey) -> bool {
        let mut changed = false;
        for m in &mut self.merges {
            if m.source_kind() == alias.kind && m.names.contains(&alias.name) {
                m.names.retain(|n| *n != alias.name);
                changed = true;
            }
        }
        self.merges.retain(|m| !m.names.is_empty());
        if !changed {
            let split = NameRef::of(alias);
            if !self.splits.contains(&split) {
                self.splits.push(split);
                changed = true;
            }
        }
        changed
    }

    /// Hides an actor everywhere. Returns whether it was shown before.
    pub fn hide(&mut self, key: &ActorKey) -> bool {
        let hide = NameRef::of(key);
        if self.hide.contains(&hide) {
            return false;
        }
        self.hide.push(hide);
        true
    }

    fn remove_merged(&mut self, name: &ActorKey, from_into: &ActorKey) {
        for m in &mut self.merges {
            if m.into == from_into.name && m.kind == from_into.kind && m.source_kind() == name.kind
            {
                m.names.retain(|n| *n != name.name);
            }
        }
        self.merges.retain(|m| !m.names.is_empty());
    }
}

/// Turns the names items give into the library's actors.
#[derive(Debug, Clone, Default)]
pub struct Resolver {
    surnames: SurnameMap,
    edits: AliasEdits,
    merged: HashMap<ActorKey, ActorKey>,
    split: HashSet<ActorKey>,
    hidden: HashSet<ActorKey>,
}

impl Resolver {
    /// A resolver applying `edits` after surname resolution.
    pub fn new(surnames: SurnameMap, edits: AliasEdits) -> Self {
        let mut merged = HashMap::new();
        for m in &edits.merges {
            let into = ActorKey {
                kind: m.kind,
                name: m.into.clone(),
            };
            for name in &m.names {
                let from = ActorKey {
                    kind: m.source_kind(),
                    name: name.clone(),
                };
                if from != into {
                    merged.insert(from, into.clone());
                }
            }
        }
        Self {
            surnames,
            split: edits.splits.iter().map(NameRef::key).collect(),
            hidden: edits.hide.iter().map(NameRef::key).collect(),
            merged,
            edits,
        }
    }

    /// The edits applied.
    pub fn edits(&self) -> &AliasEdits {
        &self.edits
    }

    /// The surname map, taken back (to build a resolver with other edits).
    pub fn into_surnames(self) -> SurnameMap {
        self.surnames
    }

    /// The surname map under the edits.
    pub fn surnames(&self) -> &SurnameMap {
        &self.surnames
    }

    /// The library's actor for a name an item gave; `None` when hidden.
    pub fn resolve(&self, kind: EntityKind, name: &str) -> Option<ActorKey> {
        let raw = ActorKey {
            kind,
            name: name.to_string(),
        };
        let key = if self.split.contains(&raw) {
            raw
        } else {
            self.surnames.resolve(kind, name)
        };
        let key = self.follow(key);
        (!self.hidden.contains(&key)).then_some(key)
    }

    /// Where an actor key of an earlier library lives now (`None`: hidden).
    pub fn rekey(&self, key: &ActorKey) -> Option<ActorKey> {
        let key = self.follow(key.clone());
        (!self.hidden.contains(&key)).then_some(key)
    }

    fn follow(&self, mut key: ActorKey) -> ActorKey {
        if self.merged.is_empty() {
            return key;
        }
        for _ in 0..MAX_CHAIN {
            match self.merged.get(&key) {
                Some(next) => key = next.clone(),
                None => break,
            }
        }
        key
    }

    /// Renames an item's entities as the library does, drops hidden ones and
    /// folds those that now coincide.
    pub fn apply(&self, entities: &mut Vec<Entity>) {
        super::resolve::rename_and_merge(entities, |kind, name| self.resolve(kind, name));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str) -> ActorKey {
        ActorKey {
            kind: EntityKind::Person,
            name: name.into(),
        }
    }

    #[test]
    fn merges_follow_chains_splits_undo_them_hidden_is_none() {
        let surnames = SurnameMap::new([(EntityKind::Person, "Steve Witkoff")].into_iter());
        let mut edits = AliasEdits::default();
        assert!(edits.merge(&person("Halvorsen"), &person("Martin Halvorsen")));
        assert!(!edits.merge(&person("Halvorsen"), &person("Martin Halvorsen")));
        assert!(edits.merge(&person("Martin Halvorsen"), &person("M. Halvorsen")));
        let r = Resolver::new(surnames.clone(), edits.clone());
        assert_eq!(
            r.resolve(EntityKind::Person, "Halvorsen"),
            Some(person("M. Halvorsen"))
        );
        assert_eq!(
            r.resolve(EntityKind::Person, "Witkoff"),
            Some(person("Steve Witkoff"))
        );
        assert!(edits.split(&person("Halvorsen")));
        assert!(edits.split(&person("Witkoff")));
        assert!(edits.hide(&person("M. Halvorsen")));
        let r = Resolver::new(surnames, edits.clone());
        assert_eq!(
            r.resolve(EntityKind::Person, "Halvorsen"),
            Some(person("Halvorsen"))
        );
        assert_eq!(
            r.resolve(EntityKind::Person, "Witkoff"),
            Some(person("Witkoff"))
        );
        assert_eq!(r.resolve(EntityKind::Person, "Martin Halvorsen"), None);
        // Merging back the other way replaces the merge, no cycle.
        let mut back = AliasEdits::default();
        back.merge(&person("A"), &person("B"));
        back.merge(&person("B"), &person("A"));
        assert_eq!(back.merges.len(), 1);
        assert_eq!(back.merges[0].into, "A");
    }
}
