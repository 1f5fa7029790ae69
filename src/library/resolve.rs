//! Library-wide resolution: a one-word person ("Witkoff") is the only full
//! name in the library ending with that word ("Steve Witkoff"), and an
//! ambiguous surname (two such people) is left alone; a place written
//! without its diacritics ("Tromso") is the place other items spell in full
//! ("Tromsø").

use std::collections::{BTreeMap, HashMap};

use super::ActorKey;
use crate::extract::ascii_spellings;
use crate::model::{Entity, EntityKind};

/// One-word person names mapped to the one full name they stand for, and
/// ASCII spellings of places mapped to the spelling with diacritics.
#[derive(Debug, Clone, Default)]
pub struct SurnameMap {
    full: HashMap<String, String>,
    places: HashMap<String, String>,
}

impl SurnameMap {
    /// Builds the map from every (kind, name) the library's items name.
    pub fn new<'a>(names: impl Iterator<Item = (EntityKind, &'a str)>) -> Self {
        let mut by_surname: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        let mut ascii_places: Vec<&str> = Vec::new();
        let mut spelled: HashMap<String, &str> = HashMap::new();
        for (kind, name) in names {
            if kind == EntityKind::Place {
                match ascii_spellings(name) {
                    Some((plain, full)) => {
                        spelled.insert(plain, name);
                        spelled.insert(full, name);
                    }
                    None if name.is_ascii() => ascii_places.push(name),
                    None => {}
                }
            }
            if kind == EntityKind::Person
                && let Some((_, last)) = name.rsplit_once(' ')
            {
                let list = by_surname.entry(last).or_default();
                if !list.contains(&name) {
                    list.push(name);
                }
            }
        }
        let full = by_surname
            .into_iter()
            .filter_map(|(surname, names)| match names.as_slice() {
                [one] => Some((surname.to_string(), (*one).to_string())),
                _ => None,
            })
            .collect();
        let places = ascii_places
            .into_iter()
            .filter_map(|ascii| {
                spelled
                    .get(ascii)
                    .map(|n| (ascii.to_string(), n.to_string()))
            })
            .collect();
        Self { full, places }
    }

    /// The library's key for a name an item gave.
    pub fn resolve(&self, kind: EntityKind, name: &str) -> ActorKey {
        if kind == EntityKind::Person
            && !name.contains(' ')
            && let Some(full) = self.full.get(name)
        {
            return ActorKey {
                kind,
                name: full.clone(),
            };
        }
        if kind == EntityKind::Place
            && let Some(full) = self.places.get(name)
        {
            return ActorKey {
                kind,
                name: full.clone(),
            };
        }
        ActorKey {
            kind,
            name: name.to_string(),
        }
    }

    /// The names items may have stored for `key`: itself and its surname,
    /// or a place's ASCII spellings.
    pub fn stored_names(&self, key: &ActorKey) -> Vec<String> {
        let mut names = vec![key.name.clone()];
        if key.kind == EntityKind::Place {
            let mut ascii: Vec<&String> = self
                .places
                .iter()
                .filter(|(_, full)| **full == key.name)
                .map(|(a, _)| a)
                .collect();
            ascii.sort();
            names.extend(ascii.into_iter().cloned());
        }
        if key.kind == EntityKind::Person
            && let Some((_, last)) = key.name.rsplit_once(' ')
            && self.full.get(last) == Some(&key.name)
        {
            names.push(last.to_string());
        }
        names
    }

    /// Renames an item's entities and folds those that now coincide.
    pub fn apply(&self, entities: &mut Vec<Entity>) {
        rename_and_merge(entities, |kind, name| Some(self.resolve(kind, name)));
    }
}

/// Renames each entity to the actor `resolve` gives it (dropping those it
/// gives none), keeps the old name as an alias, merges entities that now
/// share a kind and name (aliases and mentions together), most mentioned
/// first.
pub(super) fn rename_and_merge(
    entities: &mut Vec<Entity>,
    resolve: impl Fn(EntityKind, &str) -> Option<ActorKey>,
) {
    let mut merged: Vec<Entity> = Vec::with_capacity(entities.len());
    for mut entity in entities.drain(..) {
        let Some(key) = resolve(entity.kind, &entity.name) else {
            continue;
        };
        entity.kind = key.kind;
        if key.name != entity.name {
            let old = std::mem::replace(&mut entity.name, key.name);
            if !entity.aliases.contains(&old) {
                entity.aliases.push(old);
            }
        }
        if let Some(into) = merged
            .iter_mut()
            .find(|m| m.kind == entity.kind && m.name == entity.name)
        {
            for alias in entity.aliases {
                if !into.aliases.contains(&alias) && alias != into.name {
                    into.aliases.push(alias);
                }
            }
            into.mentions.extend(entity.mentions);
            into.mentions.sort_by_key(|m| (m.segment, m.start));
        } else {
            merged.push(entity);
        }
    }
    merged.sort_by(|a, b| {
        b.mentions
            .len()
            .cmp(&a.mentions.len())
            .then_with(|| a.name.cmp(&b.name))
    });
    *entities = merged;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Mention;

    fn person(name: &str) -> Entity {
        Entity {
            name: name.into(),
            kind: EntityKind::Person,
            aliases: vec![],
            mentions: vec![Mention {
                segment: 1,
                start: 0,
                end: name.len(),
            }],
        }
    }

    #[test]
    fn only_unambiguous_surnames_resolve() {
        let names = [
            (EntityKind::Person, "Steve Witkoff"),
            (EntityKind::Person, "Ann Lee"),
            (EntityKind::Person, "Bob Lee"),
            (EntityKind::Place, "Paris Hilton Street"),
        ];
        let map = SurnameMap::new(names.into_iter());
        assert_eq!(
            map.resolve(EntityKind::Person, "Witkoff").name,
            "Steve Witkoff"
        );
        assert_eq!(map.resolve(EntityKind::Person, "Lee").name, "Lee");
        assert_eq!(map.resolve(EntityKind::Place, "Witkoff").name, "Witkoff");
        let key = ActorKey {
            kind: EntityKind::Person,
            name: "Steve Witkoff".into(),
        };
        assert_eq!(map.stored_names(&key), ["Steve Witkoff", "Witkoff"]);
        let mut entities = vec![person("Witkoff"), person("Steve Witkoff"), person("Lee")];
        map.apply(&mut entities);
        let names: Vec<&str> = entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Steve Witkoff", "Lee"]);
        assert_eq!(entities[0].mentions.len(), 2);
        assert_eq!(entities[0].aliases, ["Witkoff"]);
    }

    #[test]
    fn a_place_spelt_without_diacritics_is_the_place_spelt_with_them() {
        let names = [
            (EntityKind::Place, "Tromsø"),
            (EntityKind::Place, "Tromso"),
            (EntityKind::Place, "Zurich"),
            (EntityKind::Person, "Jose"),
            (EntityKind::Person, "José Ferrer"),
        ];
        let map = SurnameMap::new(names.into_iter());
        assert_eq!(map.resolve(EntityKind::Place, "Tromso").name, "Tromsø");
        assert_eq!(map.resolve(EntityKind::Place, "Tromsø").name, "Tromsø");
        // Only when the library spells it both ways; people are not folded.
        assert_eq!(map.resolve(EntityKind::Place, "Zurich").name, "Zurich");
        assert_eq!(map.resolve(EntityKind::Person, "Jose").name, "Jose");
        let key = ActorKey {
            kind: EntityKind::Place,
            name: "Tromsø".into(),
        };
        assert_eq!(map.stored_names(&key), ["Tromsø", "Tromso"]);
    }
}
