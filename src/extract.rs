//! People, places and organizations named in an item's text.
//!
//! The pipeline, per segment of an item: [`tokens`] splits the text,
//! [`runs`] finds capitalised runs, [`rules`] classifies each run with the
//! embedded data of [`lexicon`] (gazetteer, given names, English words,
//! demonyms) and the word lists of [`titles`]; [`resolve`] then merges the
//! candidates of the whole item into entities. User overrides from the
//! config are applied on top.

mod credits;
mod fxhash;
mod layout;
mod lexicon;
mod lower;
mod merged;
mod quick;
mod resolve;
mod rules;
mod runs;
mod scan;
mod table;
mod titles;
mod tokens;

use std::borrow::Cow;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::model::{Entity, EntityKind, Item};

use self::lexicon::Lexicon;
pub use self::merged::{Group, Merged};
use self::rules::{Cand, Evidence};
pub use self::titles::ascii_spellings;

/// The extractor: embedded gazetteer and name data, loaded once.
pub struct Extractor {
    lex: Lexicon,
}

impl std::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor")
            .field("places", &self.lex.place_count())
            .finish()
    }
}

/// A user-declared actor: its name and aliases are always found as `kind`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ActorOverride {
    /// Canonical name.
    pub name: String,
    /// Person, place or organization.
    pub kind: EntityKind,
    /// Other forms that stand for the same actor.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// User overrides from the config: `[[actor]]` tables and `ignore = [...]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Overrides {
    /// Declared actors.
    #[serde(default, rename = "actor")]
    pub actors: Vec<ActorOverride>,
    /// Names (or aliases) never reported, compared case-insensitively.
    #[serde(default)]
    pub ignore: Vec<String>,
}

impl Extractor {
    /// The process-wide extractor, built on first use.
    pub fn global() -> &'static Extractor {
        static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
        EXTRACTOR.get_or_init(|| Extractor {
            lex: Lexicon::load(),
        })
    }

    /// Extracts the entities of one item, merged within the item.
    pub fn extract(&self, item: &Item) -> Vec<Entity> {
        self.extract_with(item, &Overrides::default())
    }

    /// Extracts the entities of one item, applying user overrides.
    pub fn extract_with(&self, item: &Item, overrides: &Overrides) -> Vec<Entity> {
        self.extract_view_with(item, overrides, |m| m.to_entities())
    }

    /// Extracts the entities of one item, applying user overrides, and
    /// hands them to `f` borrowed (for a caller that only writes them out).
    pub fn extract_view_with<R>(
        &self,
        item: &Item,
        overrides: &Overrides,
        f: impl FnOnce(&Merged<'_>) -> R,
    ) -> R {
        let segments = item.segments();
        let prepared: Vec<rules::Prepared<'_>> = segments
            .iter()
            .map(|text| rules::prepare(&self.lex, text))
            .collect();
        // The previous item's candidate buffer, for its allocation.
        let mut cands: Vec<Cand<'_>> = recycle(CANDS.take());
        for (index, (text, prep)) in segments.iter().zip(&prepared).enumerate() {
            let before = cands.len();
            rules::segment_cands(&self.lex, index, prep, &mut cands);
            if !overrides.actors.is_empty() {
                apply_actors(&overrides.actors, index, text, &mut cands, before);
            }
        }
        let mut entities = resolve::merge(&mut cands);
        // The newsletter naming itself ("Mercer told Beltway Memo") is not an actor.
        let own: Vec<&str> = [&item.newsletter, &item.publisher]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        if !own.is_empty() {
            entities.retain(|e, _| !own.iter().any(|o| o.eq_ignore_ascii_case(e.name)));
        }
        if !overrides.ignore.is_empty() {
            let ignored = |s: &str| overrides.ignore.iter().any(|i| i.eq_ignore_ascii_case(s));
            entities.retain(|e, aliases| !ignored(e.name) && !aliases.iter().any(|a| ignored(a)));
        }
        let result = f(&entities);
        drop(entities);
        CANDS.set(recycle(cands));
        result
    }

    /// Latitude and longitude of a place named (canonically or by an
    /// alternate name) in the gazetteer.
    pub fn place_coords(&self, name: &str) -> Option<(f64, f64)> {
        let canon = titles::place_alias(name);
        self.lex.place(canon).map(|(_, p)| (p.lat, p.lon))
    }
}

/// An empty candidate vector for another item on the same allocation (the
/// standard library collects in place when the element layouts agree, as
/// they do for one type under two lifetimes).
fn recycle<'b>(mut cands: Vec<Cand<'_>>) -> Vec<Cand<'b>> {
    cands.clear();
    #[allow(
        clippy::unnecessary_filter_map,
        reason = "a filter would keep the old lifetime"
    )]
    cands.into_iter().filter_map(|_| None).collect()
}

thread_local! {
    /// The candidate buffer, kept from one item to the next.
    static CANDS: std::cell::Cell<Vec<Cand<'static>>> = const { std::cell::Cell::new(Vec::new()) };
}

/// Finds the declared actors' forms in a segment (whole words only) and
/// replaces the rule candidates they overlap.
fn apply_actors<'a>(
    actors: &'a [ActorOverride],
    seg: usize,
    text: &'a str,
    cands: &mut Vec<Cand<'a>>,
    from: usize,
) {
    let boundary = |s: &str, i: usize, back: bool| {
        let c = if back {
            s[..i].chars().next_back()
        } else {
            s[i..].chars().next()
        };
        !c.is_some_and(char::is_alphanumeric)
    };
    let mut found = Vec::new();
    for actor in actors {
        for form in std::iter::once(&actor.name).chain(&actor.aliases) {
            if form.is_empty() {
                continue;
            }
            // "the envoy" is also "The envoy" at the start of a sentence.
            let mut chars = form.chars();
            let capitalised = chars
                .next()
                .filter(|c| c.is_lowercase())
                .map(|c| c.to_uppercase().chain(chars).collect::<String>());
            let hits = text.match_indices(form.as_str()).chain(
                capitalised
                    .iter()
                    .flat_map(|f| text.match_indices(f.as_str())),
            );
            for (start, written) in hits {
                let end = start + written.len();
                if boundary(text, start, true) && boundary(text, end, false) {
                    found.push(Cand {
                        kind: actor.kind,
                        name: Cow::Borrowed(&actor.name),
                        surface: Cow::Borrowed(written),
                        seg,
                        start,
                        end,
                        place: None,
                        evidence: Evidence::Strong,
                        words: actor.name.split(' ').count().max(2),
                        major: true,
                        country: [b' ', b' '],
                        small: false,
                        word: false,
                        same_as: None,
                        modifier: false,
                        apart: false,
                    });
                }
            }
        }
    }
    if found.is_empty() {
        return;
    }
    let mut i = from;
    while i < cands.len() {
        let c = &cands[i];
        if found.iter().any(|f| f.start < c.end && c.start < f.end) {
            cands.remove(i);
        } else {
            i += 1;
        }
    }
    cands.extend(found);
}

/// Resolves surname-only entities of each item to a full name met in
/// another item of the library, when exactly one full name fits.
pub fn resolve_library(entities: &mut [Vec<Entity>]) {
    resolve::resolve_library(entities);
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::model::{Block, ItemId};

    fn item(title: &str, paragraphs: &[&str]) -> Item {
        Item {
            id: ItemId("t".into()),
            title: title.into(),
            newsletter: None,
            publisher: None,
            date: None,
            author: None,
            url: None,
            tags: vec![],
            blocks: paragraphs
                .iter()
                .map(|p| Block::Paragraph(p.to_string()))
                .collect(),
            source: PathBuf::from("t.txt"),
        }
    }

    fn find<'a>(list: &'a [Entity], name: &str) -> &'a Entity {
        list.iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("{name} not in {list:?}"))
    }

    #[test]
    fn surnames_resolve_and_mentions_cover_the_name_only() {
        let it = item(
            "Envoy visits Kyiv",
            &[
                "Envoy Tomas Redding met officials in Kyiv.",
                "Later, Mr. Redding’s team left Kyiv.",
            ],
        );
        let got = Extractor::global().extract(&it);
        let person = find(&got, "Tomas Redding");
        assert_eq!(person.kind, EntityKind::Person);
        assert_eq!(person.mentions.len(), 2);
        assert!(person.aliases.contains(&"Mr. Redding".to_string()));
        let second = &person.mentions[1];
        assert_eq!(
            &it.segments()[second.segment][second.start..second.end],
            "Redding"
        );
        let kyiv = find(&got, "Kyiv");
        assert_eq!((kyiv.kind, kyiv.mentions.len()), (EntityKind::Place, 3));
        assert_eq!(got[0].name, "Kyiv", "most mentioned first");
    }

    #[test]
    fn other_names_of_one_person_merge() {
        // (paragraph, the person named, another name it must carry)
        let cases = [
            (
                "Marla Quist (born Marla Jean Obrecht) is a painter. Marla Jean Obrecht grew up in Leeds.",
                "Marla Quist",
                "Marla Jean Obrecht",
            ),
            (
                "Tobias Wren (Latin: Tobias Wrennius; 1510 - 1570) was a monk.",
                "Tobias Wren",
                "Tobias Wrennius",
            ),
            (
                "Dorian Vale was the pen name of novelist Peter Hollis, who wrote ten books.",
                "Dorian Vale",
                "Peter Hollis",
            ),
            (
                "Anna Brink, also known as Anna Kessel, sang. Anna Kessel later retired.",
                "Anna Brink",
                "Anna Kessel",
            ),
            (
                "Lawrence Quell wrote the report. Larry Quell said the report was fair.",
                "Lawrence Quell",
                "Larry Quell",
            ),
            (
                "Walt Ormond wrote poems. His brother, George Ormond, was a soldier. I read Ormond often.",
                "George Ormond",
                "Ormond",
            ),
        ];
        for (text, name, other) in cases {
            let got = Extractor::global().extract(&item("Notes", &[text]));
            let person = find(&got, name);
            assert!(
                person.aliases.iter().any(|a| a == other),
                "{name} lacks {other}: {got:?}"
            );
            assert!(
                !got.iter().any(|e| e.name == other),
                "{other} apart: {got:?}"
            );
        }
        // A surname with a lower-case particle is the full name's end.
        let got = Extractor::global().extract(&item(
            "Notes",
            &["Mademoiselle Odile Marchetti du Pavé wrote to him. Mlle. du Pavé left Paris."],
        ));
        let person = find(&got, "Odile Marchetti du Pavé");
        assert!(
            person.aliases.iter().any(|a| a == "Mlle. du Pavé"),
            "{got:?}"
        );
        assert_eq!(
            got.iter().filter(|e| e.kind == EntityKind::Person).count(),
            1
        );
        // "the Halvorsen Polaroid exhibits": the surname of a person named
        // in full, before a capitalised noun, is that person.
        let got = Extractor::global().extract(&item(
            "Notes",
            &["Ida Halvorsen took them. The Halvorsen Polaroid exhibits opened."],
        ));
        let person = find(&got, "Ida Halvorsen");
        assert_eq!(person.mentions.len(), 2, "{got:?}");
        assert!(
            !got.iter().any(|e| e.name == "Halvorsen Polaroid"),
            "{got:?}"
        );
        // A relative named by title and surname is another person.
        let got = Extractor::global().extract(&item(
            "Notes",
            &["He played Ivo Stallard, the brother of Inspector Stallard, in the series."],
        ));
        let ivo = find(&got, "Ivo Stallard");
        assert!(
            !ivo.aliases.iter().any(|a| a == "Inspector Stallard"),
            "{got:?}"
        );
        assert!(
            got.iter()
                .any(|e| e.name != "Ivo Stallard"
                    && e.aliases.iter().any(|a| a == "Inspector Stallard")),
            "{got:?}"
        );
        // A part played is another person than the actor of the same name.
        let got = Extractor::global().extract(&item(
            "Notes",
            &["Tomas Brekke grew up in Leeds. Later he appeared in a horror film as Tomas."],
        ));
        let actor = find(&got, "Tomas Brekke");
        assert_eq!(actor.mentions.len(), 1, "{got:?}");
        find(&got, "Tomas");
        // Two people met one after the other stay two.
        let got = Extractor::global().extract(&item(
            "Notes",
            &["Marla Quist met Peter Hollis and Anna Brink in Leeds."],
        ));
        for name in ["Marla Quist", "Peter Hollis", "Anna Brink"] {
            find(&got, name);
        }
    }

    #[test]
    fn overrides_declare_and_ignore_actors() {
        let config = r#"
            ignore = ["Kyiv"]
            [[actor]]
            name = "Tomas Redding"
            kind = "person"
            aliases = ["the envoy"]
            [[actor]]
            name = "Bluefin Labs"
            kind = "organization"
        "#;
        let overrides: Overrides = toml::from_str(config).unwrap();
        assert_eq!(overrides.actors.len(), 2);
        let it = item(
            "Talks",
            &[
                "Tomas Redding spoke in Kyiv.",
                "Then the envoy visited Bluefin Labs.",
            ],
        );
        let got = Extractor::global().extract_with(&it, &overrides);
        let person = find(&got, "Tomas Redding");
        assert_eq!(person.mentions.len(), 2);
        assert!(person.aliases.contains(&"the envoy".to_string()));
        assert_eq!(find(&got, "Bluefin Labs").kind, EntityKind::Organization);
        assert!(got.iter().all(|e| e.name != "Kyiv"));
    }

    #[test]
    fn a_surname_two_people_share_joins_the_one_named_last() {
        let it = item(
            "Two envoys",
            &[
                "Envoy Ann Halloran met her brother, Bob Halloran, in Kyiv.",
                "Then Mr. Halloran left, and Ms. Vesely stayed with Tomas Vesely.",
            ],
        );
        let got = Extractor::global().extract(&it);
        assert_eq!(find(&got, "Bob Halloran").mentions.len(), 2, "{got:?}");
        assert_eq!(find(&got, "Ann Halloran").mentions.len(), 1, "{got:?}");
        assert!(got.iter().all(|e| e.name != "Halloran"), "{got:?}");
        assert_eq!(find(&got, "Tomas Vesely").mentions.len(), 2, "{got:?}");
        // The person the headline names is the one a lone surname means.
        let it = item(
            "Bob Halloran returns to Kyiv",
            &[
                "He met his sister, Ann Halloran, there.",
                "Halloran said little.",
            ],
        );
        let got = Extractor::global().extract(&it);
        assert_eq!(find(&got, "Bob Halloran").mentions.len(), 2, "{got:?}");
    }

    #[test]
    fn a_title_phrase_with_for_stays_with_the_name() {
        let it = item(
            "Schools",
            &["Undersecretary for Education Mr. Tavoni spoke on Monday."],
        );
        let got = Extractor::global().extract(&it);
        let person = find(&got, "Tavoni");
        assert!(
            person
                .aliases
                .contains(&"Undersecretary for Education Mr. Tavoni".to_string()),
            "{person:?}"
        );
    }

    #[test]
    fn a_capitalised_word_is_no_misspelt_surname() {
        let it = item(
            "Council",
            &[
                "The council gained Edna Yung of the Unity Party.",
                "Young and new faces joined the council.",
            ],
        );
        let got = Extractor::global().extract(&it);
        let person = find(&got, "Edna Yung");
        assert_eq!(person.mentions.len(), 1, "{got:?}");
        assert!(!person.aliases.contains(&"Young".to_string()), "{got:?}");
    }

    #[test]
    fn a_repeated_lone_slavic_surname_is_a_person() {
        let it = item(
            "Talks",
            &[
                "In 1990 Dravchenko agreed to the plan.",
                "Later Dravchenko also proposed a zone; Welmore did not.",
            ],
        );
        let got = Extractor::global().extract(&it);
        let person = find(&got, "Dravchenko");
        assert_eq!(
            (person.kind, person.mentions.len()),
            (EntityKind::Person, 2)
        );
        // Named once, or with no surname ending, a lone word stays unresolved.
        assert!(got.iter().all(|e| e.name != "Welmore"), "{got:?}");
        let once = item("Talks", &["In 1990 Dravchenko agreed to the plan."]);
        let got = Extractor::global().extract(&once);
        assert!(got.iter().all(|e| e.name != "Dravchenko"), "{got:?}");
    }

    #[test]
    fn the_newsletter_naming_itself_is_not_an_actor() {
        let mut it = item(
            "Hearing",
            &["Sen. Marla Quist told Beltway Memo that the hearing would run late."],
        );
        it.newsletter = Some("Beltway Memo".into());
        let got = Extractor::global().extract(&it);
        assert!(got.iter().any(|e| e.name == "Marla Quist"), "{got:?}");
        assert!(got.iter().all(|e| e.name != "Beltway Memo"), "{got:?}");
    }

    #[test]
    fn place_coordinates_come_from_the_gazetteer() {
        let ex = Extractor::global();
        let cases = [
            ("Moscow", 55.75, 37.62),
            ("Kiev", 50.45, 30.52),
            ("U.S.", 38.0, -97.0),
        ];
        for (name, lat, lon) in cases {
            let (la, lo) = ex.place_coords(name).unwrap_or_else(|| panic!("{name}"));
            assert!(
                (la - lat).abs() < 1.0 && (lo - lon).abs() < 1.0,
                "{name}: {la},{lo}"
            );
        }
        assert_eq!(ex.place_coords("Nowhereville Zzz"), None);
    }

    #[test]
    fn extractor_loads_fast_enough() {
        let start = std::time::Instant::now();
        let lex = Lexicon::load();
        let took = start.elapsed();
        assert!(lex.place_count() > 30_000);
        // Generous bound for unoptimised test builds; release loads in well under 1 ms.
        assert!(took.as_millis() < 3_000, "loading took {took:?}");
    }
}
