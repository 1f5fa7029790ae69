//! Context that makes a name the gazetteer lacks a place's: a journey
//! ("travelled to Dunvale", "a journey through Karvania"), a border ("the border
//! of Lorrenia"), an apposition with an article ("the red-light district,
//! the Quellmoor"); and titles of works, which name neither people nor
//! places ("the TV series Supernatural", "period drama Downton Abbey").

use super::{PLACE_NOUNS, Seg, WordSet};

/// Verbs of travel that, a few words before "to", make its object a place.
#[rustfmt::skip]
static MOTION_VERBS: WordSet = WordSet::new(&[
    "travelled", "traveled", "travels", "moved", "moves", "returned", "returns", "went", "fled",
    "emigrated", "sailed", "journeyed", "migrated", "relocated", "flew", "exiled", "deported",
    "sent", "retreated", "retired", "headed", "marched", "walked", "drove",
]);

/// Nouns that, right before "of", name what surrounds a place.
#[rustfmt::skip]
static EDGE_NOUNS: WordSet = WordSet::new(&[
    "border", "borders", "frontier", "banks", "edge", "north", "south", "east", "west",
    "interior", "province", "provinces",
]);

/// Nouns for works whose title follows them ("the novel Angel Catbird").
#[rustfmt::skip]
static WORK_NOUNS: WordSet = WordSet::new(&[
    "drama", "film", "movie", "series", "sitcom", "show", "novel", "book", "album", "song",
    "single", "play", "opera", "musical", "comedy", "documentary", "episode", "magazine",
    "newspaper", "journal", "game", "painting", "poem", "titled", "entitled", "thriller",
    "miniseries", "programme", "program", "pilot", "anthology", "memoir", "essay",
]);

/// Whether the run starting at token `a` is the title of a work named
/// right after its kind ("the TV series Supernatural").
pub(super) fn work_title(seg: &Seg<'_>, a: usize) -> bool {
    let noun = |i: usize| seg.lower(i).is_some_and(|w| WORK_NOUNS.contains(&w));
    if noun(a.wrapping_sub(1)) {
        return true;
    }
    // "their favourite painting, \"The Harvest\"": the title quoted after it.
    let quoted = a >= 2
        && seg.toks[a - 1].kind == super::TokKind::Punct
        && matches!(seg.toks[a - 1].text, "\"" | "\u{201c}");
    quoted && (noun(a - 2) || a >= 3 && seg.toks[a - 2].is_punct(',') && noun(a - 3))
}

/// Whether the word is a capitalised possessive, which inside a sentence
/// opens a work's title ("in his My Early Years").
fn owned_head(word: &str) -> bool {
    matches!(
        word,
        "My" | "Our" | "Your" | "His" | "Her" | "Their" | "Its"
    )
}

/// Whether the run `[a, b)` is a title opening with a possessive inside a
/// sentence ("his My Early Years"), which names nobody.
pub(super) fn owned_title(seg: &Seg<'_>, a: usize, b: usize) -> bool {
    // The possessive may have been left out of the run.
    let head = if a > 0 && owned_head(seg.toks[a - 1].text) {
        a - 1
    } else {
        a
    };
    b >= head + 2 && owned_head(seg.toks[head].text) && !seg.toks[head].sent_start
}

/// Whether the words before token `a` make a name the gazetteer lacks surely a place's.
pub(super) fn sure_cue(seg: &Seg<'_>, a: usize) -> bool {
    let before = seg.lower(a.wrapping_sub(1));
    match before.as_deref() {
        // "a journey through Karvania".
        Some("through") => true,
        // "he travelled with Aldric to Dunvale".
        Some("to") => (a.saturating_sub(5)..a - 1)
            .any(|i| seg.lower(i).is_some_and(|w| MOTION_VERBS.contains(&w))),
        // "on the border of Lorrenia".
        Some("of") => seg
            .lower(a.wrapping_sub(2))
            .is_some_and(|w| EDGE_NOUNS.contains(&w)),
        // "the red-light district, the Quellmoor".
        Some("the") => {
            a >= 3
                && seg.toks[a - 2].is_punct(',')
                && seg.lower(a - 3).is_some_and(|w| PLACE_NOUNS.contains(&w))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::model::EntityKind;

    fn found(text: &str) -> Vec<(EntityKind, String)> {
        super::super::strong_candidates(text)
            .into_iter()
            .filter(|(kind, _)| *kind != EntityKind::Organization)
            .collect()
    }

    #[test]
    fn journeys_borders_and_appositions_name_places() {
        let cases = [
            (
                "He set out on a journey through Karvania in spring.",
                "Karvania",
            ),
            (
                "Later he travelled with a friend to Dunvale and stayed.",
                "Dunvale",
            ),
            ("It lay on the border of Lorrenia, far away.", "Lorrenia"),
            (
                "She lived near the red-light district, the Quellmoor.",
                "Quellmoor",
            ),
        ];
        for (text, name) in cases {
            let got = found(text);
            assert!(
                got.contains(&(EntityKind::Place, name.to_string())),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn numerals_denominations_and_adjectives() {
        let cases: &[(&str, &[(EntityKind, &str)])] = &[
            (
                "He served under Tsar Aleksei I, and later Peter.",
                &[(EntityKind::Person, "Aleksei I")],
            ),
            ("The Greek Orthodox Church, a denomination, objected.", &[]),
            ("The letter was written in German, which was rare.", &[]),
            (
                "He went with his friend Aldric of Vellmark to Rome.",
                &[
                    (EntityKind::Person, "Aldric of Vellmark"),
                    (EntityKind::Place, "Vellmark"),
                ],
            ),
        ];
        for (text, want) in cases {
            let got = found(text);
            for (kind, name) in *want {
                assert!(got.contains(&(*kind, name.to_string())), "{text}: {got:?}");
            }
            if want.is_empty() {
                assert_eq!(got, [], "{text}");
            }
        }
    }

    #[test]
    fn titles_of_works_name_nobody() {
        let cases = [
            "He starred in the TV series Supernatural for years.",
            "She was in the period drama Downton Abbey too.",
            "She launched her graphic novel Angel Catbird there.",
            "He filmed a pilot titled Young MacGyver that year.",
            "In his My Summer Wanderings, he wrote of the sea.",
            "They praised our Common Harvest at the fair.",
            "They loved the painting, \"Mary of Lorrenia\", by a local artist.",
            "She read the novel \u{201c}Anna Quist\u{201d} twice.",
        ];
        for text in cases {
            assert_eq!(found(text), [], "{text}");
        }
    }
}
