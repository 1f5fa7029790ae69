//! Where item bodies come from: memory (the samples, small libraries, tests)
//! or the database. The state machine never reads them itself: it says what
//! it [`wants`](crate::app::App::wanted) and [`serve`] provides it.

use std::collections::HashMap;
use std::sync::Arc;

use crate::app::{App, Need};
use crate::library::Body;
use crate::model::{EntityKind, ItemId, Mention};

/// Reads item bodies and first-mention sentences.
pub trait Source {
    /// An item's body as extracted (before library-wide resolution).
    fn body(&self, id: &ItemId) -> Option<Body>;

    /// For each of `ids`, the sentence of the first mention of an actor
    /// stored under one of `names` with this `kind`.
    fn sentences(
        &self,
        kind: EntityKind,
        names: &[String],
        ids: &[ItemId],
    ) -> HashMap<ItemId, String>;

    /// Items whose title or text has every word of `query` (the last as a
    /// prefix), best first, at most `limit`.
    fn search(&self, query: &str, limit: usize) -> Vec<ItemId>;

    /// Every item whose title or text has every word of `words` (the last
    /// as a prefix), in no particular order: a free word or phrase of a
    /// [`query`](crate::query), which needs the whole set.
    fn search_all(&self, words: &str) -> Vec<ItemId> {
        self.search(words, usize::MAX)
    }
}

/// How many results a search shows at most.
pub const SEARCH_LIMIT: usize = 1000;

/// Bodies held in memory.
#[derive(Debug, Default, Clone)]
pub struct MemorySource {
    bodies: HashMap<ItemId, Arc<Body>>,
}

impl MemorySource {
    /// A source over these bodies.
    pub fn new(bodies: impl IntoIterator<Item = Body>) -> Self {
        Self {
            bodies: bodies
                .into_iter()
                .map(|b| (b.item.id.clone(), Arc::new(b)))
                .collect(),
        }
    }

    /// Every body, in no particular order.
    pub fn bodies(&self) -> impl Iterator<Item = &Body> {
        self.bodies.values().map(Arc::as_ref)
    }
}

impl Source for MemorySource {
    fn search(&self, query: &str, limit: usize) -> Vec<ItemId> {
        let terms = crate::app::article_text::search_terms(query);
        if terms.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<(&Body, usize)> = self
            .bodies
            .values()
            .filter_map(|body| {
                let mut text = body.item.title.to_lowercase();
                for block in &body.item.blocks {
                    text.push('\n');
                    text.push_str(&block.text().to_lowercase());
                }
                let hits: Vec<usize> = terms
                    .iter()
                    .map(|t| text.matches(t.as_str()).count())
                    .collect();
                hits.iter()
                    .all(|&n| n > 0)
                    .then(|| (body.as_ref(), hits.iter().sum()))
            })
            .collect();
        // Most hits first, then newest.
        found.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| b.0.item.date.cmp(&a.0.item.date))
        });
        found
            .into_iter()
            .take(limit)
            .map(|(b, _)| b.item.id.clone())
            .collect()
    }

    fn body(&self, id: &ItemId) -> Option<Body> {
        self.bodies.get(id).map(|b| (**b).clone())
    }

    fn sentences(
        &self,
        kind: EntityKind,
        names: &[String],
        ids: &[ItemId],
    ) -> HashMap<ItemId, String> {
        let mut out = HashMap::new();
        for id in ids {
            let Some(body) = self.bodies.get(id) else {
                continue;
            };
            if let Some(sentence) = first_sentence(body, kind, names) {
                out.insert(id.clone(), sentence);
            }
        }
        out
    }
}

/// The sentence of the first mention, in text order, of any entity of
/// `kind` named one of `names`.
pub fn first_sentence(body: &Body, kind: EntityKind, names: &[String]) -> Option<String> {
    let mention = body
        .entities
        .iter()
        .filter(|e| e.kind == kind && names.contains(&e.name))
        .filter_map(|e| e.mentions.first())
        .min_by_key(|m| (m.segment, m.start))?;
    let segments = body.item.segments();
    Some(sentence_around(segments.get(mention.segment)?, mention))
}

/// Gives the state machine what it asked for.
pub fn serve(app: &mut App, source: &dyn Source) {
    // What one answer brings can need more (search results, then the body
    // of the first result); a few rounds always settle it.
    for _ in 0..4 {
        let needs = app.wanted();
        if needs.is_empty() {
            return;
        }
        serve_once(app, source, needs);
    }
}

fn serve_once(app: &mut App, source: &dyn Source, needs: Vec<Need>) {
    for need in needs {
        match need {
            Need::Body(id) => match source.body(&id) {
                Some(mut body) => {
                    app.library().resolve_body(&mut body);
                    app.provide_body(body);
                }
                None => app.body_unavailable(&id),
            },
            Need::Search(query) => {
                // The state machine only asks for queries that parse.
                let found = crate::query::parse(&query).map(|parsed| {
                    parsed.matching(app.library(), app.read_set(), &mut |words| {
                        source.search_all(words)
                    })
                });
                app.provide_search(&query, found.unwrap_or_default());
            }
            Need::Sentences(key, ids) => {
                let names = app.library().stored_names(&key);
                let found = source.sentences(key.kind, &names, &ids);
                app.provide_sentences(key, &ids, found);
            }
        }
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
