//! Evaluating a query over the library: each test gives one flag per item
//! (library order), and `and`/`or`/`not` combine the flags.

use std::collections::{HashMap, HashSet};

use super::{Expr, Leaf, Query};
use crate::library::Library;
use crate::model::ItemId;

impl Query {
    /// Library indices of the matching items, in library order (newest
    /// first). `text` answers a free word or phrase with every item whose
    /// title or text has it (all of them: the boolean logic needs the whole
    /// set); it is asked once per distinct word or phrase.
    pub fn matching(
        &self,
        library: &Library,
        read: &HashSet<ItemId>,
        text: &mut dyn FnMut(&str) -> Vec<ItemId>,
    ) -> Vec<usize> {
        let Some(expr) = &self.expr else {
            return (0..library.len()).collect();
        };
        let mut eval = Eval {
            library,
            read,
            text,
            texts: HashMap::new(),
        };
        eval.expr(expr)
            .into_iter()
            .enumerate()
            .filter_map(|(index, hit)| hit.then_some(index))
            .collect()
    }
}

struct Eval<'a, 'b> {
    library: &'a Library,
    read: &'a HashSet<ItemId>,
    text: &'b mut dyn FnMut(&str) -> Vec<ItemId>,
    texts: HashMap<String, Vec<bool>>,
}

impl Eval<'_, '_> {
    fn expr(&mut self, expr: &Expr) -> Vec<bool> {
        match expr {
            Expr::Leaf(leaf) => self.leaf(leaf),
            Expr::Not(inner) => self.expr(inner).into_iter().map(|b| !b).collect(),
            Expr::And(all) | Expr::Or(all) => {
                let and = matches!(expr, Expr::And(_));
                let mut acc = vec![and; self.library.len()];
                for e in all {
                    for (a, b) in acc.iter_mut().zip(self.expr(e)) {
                        *a = if and { *a && b } else { *a || b };
                    }
                }
                acc
            }
        }
    }

    fn rows<F: FnMut(&crate::library::Row) -> bool>(&self, mut f: F) -> Vec<bool> {
        self.library.rows().map(|r| f(&r)).collect()
    }

    fn leaf(&mut self, leaf: &Leaf) -> Vec<bool> {
        match leaf {
            Leaf::Text(words) => {
                let key = words.to_lowercase();
                if let Some(hits) = self.texts.get(&key) {
                    return hits.clone();
                }
                let mut hits = vec![false; self.library.len()];
                for id in (self.text)(words) {
                    if let Some(index) = self.library.index_of(&id) {
                        hits[index] = true;
                    }
                }
                self.texts.insert(key, hits.clone());
                hits
            }
            Leaf::Unread => self.rows(|r| !self.read.contains(r.id_text().as_str())),
            Leaf::Read => self.rows(|r| self.read.contains(r.id_text().as_str())),
            Leaf::Before(day) => self.rows(|r| r.date.is_some_and(|d| d < *day)),
            Leaf::After(day) => self.rows(|r| r.date.is_some_and(|d| d >= *day)),
            Leaf::Newsletter(value) => {
                // Few newsletters, many rows: decide once per name.
                let mut known: HashMap<&str, bool> = HashMap::new();
                self.library
                    .rows()
                    .map(|r| {
                        r.newsletter.is_some_and(|name| {
                            *known
                                .entry(name)
                                .or_insert_with(|| newsletter_matches(name, value))
                        })
                    })
                    .collect()
            }
            Leaf::Actor(kind, value) => {
                let mut hits = vec![false; self.library.len()];
                for (key, aliases) in self.library.actors_and_aliases() {
                    if kind.is_some_and(|k| k != key.kind) {
                        continue;
                    }
                    let named = std::iter::once(key.name.as_str())
                        .chain(aliases.iter().map(String::as_str))
                        .any(|name| name_matches(name, value));
                    if named {
                        for index in self.library.items_naming(key) {
                            hits[index as usize] = true;
                        }
                    }
                }
                hits
            }
        }
    }
}

/// Lower-cased words (runs of letters and digits).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether a newsletter name has `value` (lower case) at the start of a word.
pub(super) fn newsletter_matches(name: &str, value: &str) -> bool {
    let lower = name.to_lowercase();
    lower.match_indices(value).any(|(at, _)| {
        lower[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Whether an actor name is `value` (lower case), or has its words in a row
/// ("witkoff" in "Steve Witkoff", "new york" in "New York City").
pub(super) fn name_matches(name: &str, value: &str) -> bool {
    if name.to_lowercase() == value {
        return true;
    }
    let want = words(value);
    if want.is_empty() {
        return false;
    }
    words(name)
        .windows(want.len())
        .any(|w| w == want.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newsletter_names_match_at_word_starts() {
        assert!(newsletter_matches("Threat Status", "threat status"));
        assert!(newsletter_matches("Threat Status", "stat"));
        assert!(newsletter_matches("Morning Wire", "morning"));
        assert!(!newsletter_matches("Morning Wire", "orning"));
        assert!(!newsletter_matches("Morning Wire", "wire daily"));
    }

    #[test]
    fn actor_names_match_whole_words_in_a_row() {
        assert!(name_matches("Steve Witkoff", "witkoff"));
        assert!(name_matches("Mr. Witkoff", "witkoff"));
        assert!(name_matches("Steve Witkoff", "steve witkoff"));
        assert!(name_matches("New York City", "new york"));
        assert!(!name_matches("Steve Witkoff", "witk"));
        assert!(!name_matches("Steve Witkoff", "witkoff steve"));
        assert!(name_matches("U.S.", "u.s."));
    }
}
