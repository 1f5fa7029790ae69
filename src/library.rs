//! The loaded library: items newest first, the entities of each, and the
//! index from every actor to the items that name it.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use crate::model::{Entity, EntityKind, Item, Mention};

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

/// An actor with library-wide figures, for the actors list and `gazette actors`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorSummary {
    /// The actor.
    pub key: ActorKey,
    /// Every surface form seen, across items.
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

/// Items with their entities and the actor index.
#[derive(Debug, Clone, Default)]
pub struct Library {
    items: Vec<Item>,
    entities: Vec<Vec<Entity>>,
    actors: HashMap<ActorKey, Vec<usize>>,
}

impl Library {
    /// Builds the library, newest item first (undated items last).
    pub fn new(mut pairs: Vec<(Item, Vec<Entity>)>) -> Self {
        pairs.sort_by(|(a, _), (b, _)| {
            b.date
                .cmp(&a.date)
                .then_with(|| a.title.cmp(&b.title))
                .then_with(|| a.id.cmp(&b.id))
        });
        let (items, entities): (Vec<Item>, Vec<Vec<Entity>>) = pairs.into_iter().unzip();
        let mut actors: HashMap<ActorKey, Vec<usize>> = HashMap::new();
        for (index, ents) in entities.iter().enumerate() {
            for entity in ents {
                let list = actors.entry(ActorKey::of(entity)).or_default();
                if list.last() != Some(&index) {
                    list.push(index);
                }
            }
        }
        Self {
            items,
            entities,
            actors,
        }
    }

    /// All items, newest first.
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// How many items.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are no items.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// One item by index.
    pub fn item(&self, index: usize) -> Option<&Item> {
        self.items.get(index)
    }

    /// The entities of one item, most mentioned first.
    pub fn entities(&self, index: usize) -> &[Entity] {
        self.entities.get(index).map_or(&[], Vec::as_slice)
    }

    /// The entity of an item for an actor, if the item names it.
    pub fn entity(&self, index: usize, key: &ActorKey) -> Option<&Entity> {
        self.entities(index)
            .iter()
            .find(|e| e.kind == key.kind && e.name == key.name)
    }

    /// Indices of the items naming an actor, newest first.
    pub fn items_naming(&self, key: &ActorKey) -> &[usize] {
        self.actors.get(key).map_or(&[], Vec::as_slice)
    }

    /// How many distinct newsletters the library holds.
    pub fn newsletter_count(&self) -> usize {
        let mut names: Vec<&str> = self
            .items
            .iter()
            .filter_map(|i| i.newsletter.as_deref())
            .collect();
        names.sort_unstable();
        names.dedup();
        names.len()
    }

    /// Every actor with its figures, most items first, then by name.
    pub fn actor_summaries(&self, kind: Option<EntityKind>) -> Vec<ActorSummary> {
        let mut out: Vec<ActorSummary> = self
            .actors
            .iter()
            .filter(|(key, _)| kind.is_none_or(|k| key.kind == k))
            .map(|(key, indices)| self.summary(key, indices))
            .collect();
        out.sort_by(|a, b| b.items.cmp(&a.items).then_with(|| a.key.cmp(&b.key)));
        out
    }

    /// The figures of one actor, if the library names it.
    pub fn actor_summary(&self, key: &ActorKey) -> Option<ActorSummary> {
        self.actors
            .get(key)
            .map(|indices| self.summary(key, indices))
    }

    fn summary(&self, key: &ActorKey, indices: &[usize]) -> ActorSummary {
        let mut aliases: Vec<String> = Vec::new();
        let mut co: BTreeMap<ActorKey, usize> = BTreeMap::new();
        let dates: Vec<NaiveDate> = indices.iter().filter_map(|&i| self.items[i].date).collect();
        for &index in indices {
            for entity in self.entities(index) {
                if entity.kind == key.kind && entity.name == key.name {
                    for alias in &entity.aliases {
                        if !aliases.contains(alias) && *alias != key.name {
                            aliases.push(alias.clone());
                        }
                    }
                } else {
                    *co.entry(ActorKey::of(entity)).or_default() += 1;
                }
            }
        }
        let mut co_mentions: Vec<(ActorKey, usize)> = co.into_iter().collect();
        co_mentions.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        co_mentions.truncate(10);
        aliases.sort();
        ActorSummary {
            key: key.clone(),
            aliases,
            items: indices.len(),
            first: dates.iter().min().copied(),
            last: dates.iter().max().copied(),
            co_mentions,
        }
    }

    /// The sentence around the first mention of an actor in an item.
    pub fn first_mention_sentence(&self, index: usize, key: &ActorKey) -> Option<String> {
        let item = self.item(index)?;
        let mention = self.entity(index, key)?.mentions.first()?;
        let segments = item.segments();
        let text = segments.get(mention.segment)?;
        Some(sentence_around(text, mention))
    }
}

/// The sentence of `text` that contains the mention, trimmed.
pub fn sentence_around(text: &str, mention: &Mention) -> String {
    let start = mention.start.min(text.len());
    let bytes = text.as_bytes();
    let is_end = |i: usize| {
        matches!(bytes[i], b'.' | b'?' | b'!')
            && bytes.get(i + 1).is_some_and(|b| *b == b' ')
            && bytes.get(i + 2).is_some_and(u8::is_ascii_uppercase)
            // "Mr. Witkoff", "Gen. Smith", "U.S. envoy": not sentence ends.
            && !ends_with_abbreviation(&text[..i])
    };
    let mut begin = 0;
    for i in (0..start).rev() {
        if is_end(i) {
            begin = i + 2;
            break;
        }
    }
    let mut end = text.len();
    for i in mention.end.min(text.len())..bytes.len() {
        if is_end(i) {
            end = i + 1;
            break;
        }
    }
    text.get(begin..end).unwrap_or(text).trim().to_string()
}

fn ends_with_abbreviation(before: &str) -> bool {
    let word = before.rsplit([' ', '(']).next().unwrap_or("");
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Sen"
            | "Rep"
            | "Gen"
            | "Lt"
            | "Col"
            | "Gov"
            | "St"
            | "Adm"
            | "Maj"
            | "Capt"
            | "Sgt"
            | "Prof"
            | "Jr"
            | "Sr"
            | "Nov"
            | "Oct"
            | "Sept"
            | "Dec"
            | "Jan"
            | "Feb"
            | "Aug"
            | "No"
            | "U.S"
            | "U.N"
            | "U.K"
            | "D.C"
    ) || (word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_skips_abbreviations() {
        let text = "First one. Then Mr. Witkoff met Gen. Smith in Moscow. Last.";
        let start = text.find("Witkoff").unwrap();
        let m = Mention {
            segment: 1,
            start,
            end: start + 7,
        };
        assert_eq!(
            sentence_around(text, &m),
            "Then Mr. Witkoff met Gen. Smith in Moscow."
        );
    }
}
