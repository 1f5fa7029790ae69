//! One item's entities as [`resolve::merge`](super::resolve) groups them,
//! their names and forms borrowed from the candidates: what a caller that
//! only writes them out reads, without an owned [`Entity`] each.

use std::ops::Range;

use crate::model::{Entity, EntityKind, Mention};

/// One entity: its name, kind, and where its forms and mentions lie in
/// [`Merged`]'s shared lists.
#[derive(Debug, Clone)]
pub struct Group<'a> {
    /// Canonical name.
    pub name: &'a str,
    /// Person, place or organization.
    pub kind: EntityKind,
    aliases: Range<usize>,
    mentions: Range<usize>,
}

/// One item's entities, sorted by mention count (descending) then name.
#[derive(Debug, Default)]
pub struct Merged<'a> {
    groups: Vec<Group<'a>>,
    aliases: Vec<&'a str>,
    mentions: Vec<Mention>,
}

impl<'a> Merged<'a> {
    /// Adds an entity whose forms and mentions were just pushed with
    /// [`Merged::alias`] and [`Merged::mention`] (from `aliases_from` and
    /// `mentions_from` on).
    pub(super) fn push(
        &mut self,
        name: &'a str,
        kind: EntityKind,
        aliases_from: usize,
        mentions_from: usize,
    ) {
        self.groups.push(Group {
            name,
            kind,
            aliases: aliases_from..self.aliases.len(),
            mentions: mentions_from..self.mentions.len(),
        });
    }

    /// Pushes a form of the entity being built.
    pub(super) fn alias(&mut self, form: &'a str) {
        self.aliases.push(form);
    }

    /// Pushes a mention of the entity being built.
    pub(super) fn mention(&mut self, mention: Mention) {
        self.mentions.push(mention);
    }

    /// The forms pushed from `from` on.
    pub(super) fn aliases_since(&self, from: usize) -> &[&'a str] {
        &self.aliases[from..]
    }

    /// Number of forms and of mentions pushed so far.
    pub(super) fn lens(&self) -> (usize, usize) {
        (self.aliases.len(), self.mentions.len())
    }

    /// Sorts by mention count (descending), then name (stable).
    pub(super) fn sort(&mut self) {
        self.groups.sort_by(|a, b| {
            b.mentions
                .len()
                .cmp(&a.mentions.len())
                .then_with(|| a.name.cmp(b.name))
        });
    }

    /// Keeps the entities for which `keep` holds.
    pub(super) fn retain(&mut self, mut keep: impl FnMut(&Group<'a>, &[&'a str]) -> bool) {
        let aliases = &self.aliases;
        self.groups.retain(|g| keep(g, &aliases[g.aliases.clone()]));
    }

    /// The entities, in order.
    pub fn groups(&self) -> &[Group<'a>] {
        &self.groups
    }

    /// An entity's distinct forms as written, other than its name.
    pub fn aliases(&self, group: &Group<'a>) -> &[&'a str] {
        &self.aliases[group.aliases.clone()]
    }

    /// An entity's mentions, in text order.
    pub fn mentions(&self, group: &Group<'a>) -> &[Mention] {
        &self.mentions[group.mentions.clone()]
    }

    /// The owned entities.
    pub fn to_entities(&self) -> Vec<Entity> {
        self.groups
            .iter()
            .map(|g| Entity {
                name: g.name.to_string(),
                kind: g.kind,
                aliases: self.aliases(g).iter().map(|a| (*a).to_string()).collect(),
                mentions: self.mentions(g).to_vec(),
            })
            .collect()
    }
}
