//! Names of animals: a list of names right after a noun for animals ("their
//! three dogs, Biscuit, Pepper and Rollo") names pets, not people.

use super::{Seg, WordSet};

/// Nouns for animals that may stand before their names.
#[rustfmt::skip]
static ANIMALS: WordSet = WordSet::new(&[
    "dog", "dogs", "cat", "cats", "pet", "pets", "horse", "horses", "puppy", "puppies",
    "kitten", "kittens", "pony", "ponies", "parrot", "parrots", "rabbit", "rabbits", "hamster",
    "hamsters", "goat", "goats", "cow", "cows", "pig", "pigs", "dachshund", "dachshunds",
    "terrier", "terriers", "retriever", "retrievers", "poodle", "poodles", "labrador",
    "labradors", "spaniel", "spaniels", "chihuahua", "chihuahuas",
]);

/// Whether the names starting at token `a` follow a noun for animals
/// ("dogs, Biscuit", "dogs Biscuit", "a cat named Biscuit").
fn named_after_animal_noun(seg: &Seg<'_>, a: usize) -> bool {
    let mut k = a;
    if k > 0 && (seg.toks[k - 1].is_punct(',') || seg.toks[k - 1].is_punct(':')) {
        k -= 1;
    }
    if k > 0 && matches!(seg.toks[k - 1].text, "named" | "called") {
        k -= 1;
    }
    seg.lower(k.wrapping_sub(1))
        .is_some_and(|w| ANIMALS.contains(&w))
}

/// Whether token `a` lies in a list of names that follows a noun for
/// animals ("four dogs, Biscuit, Pepper and Rollo, who ...").
pub(super) fn in_pet_list(seg: &Seg<'_>, a: usize) -> bool {
    let mut k = a;
    while k > 0 && a - k < 16 {
        let t = &seg.toks[k - 1];
        if t.is_cap() || t.is_punct(',') || matches!(t.text, "and" | "or" | "&") {
            k -= 1;
        } else {
            break;
        }
    }
    while k < a && !seg.toks[k].is_cap() {
        k += 1;
    }
    named_after_animal_noun(seg, k)
}

#[cfg(test)]
mod tests {

    fn pet(text: &str, word: &str) -> bool {
        let toks = crate::extract::tokens::tokenize(text);
        let a = toks.iter().position(|t| t.text == word).unwrap_or(0);
        let mut memo = Vec::new();
        memo.resize_with(toks.len(), super::super::Memo::default);
        let seg = super::super::Seg {
            text,
            toks,
            index: 0,
            caps: false,
            memo,
            listed: Vec::new(),
            listed_places: Vec::new(),
        };
        super::in_pet_list(&seg, a)
    }

    #[test]
    fn pets_named_in_a_list() {
        let cases = [
            (
                "They live with their three dogs, Biscuit, Rollo and Pepper, who bark.",
                "Pepper",
                true,
            ),
            (
                "They live with their three dogs, Biscuit, Rollo and Pepper, who bark.",
                "Biscuit",
                true,
            ),
            ("She kept two cats named Rollo and Nimbus.", "Nimbus", true),
            (
                "The guests were Rollo, Nimbus and Pepper, who sang.",
                "Pepper",
                false,
            ),
            ("The dogs barked at Anna Quist, who ran.", "Anna", false),
        ];
        for (text, word, want) in cases {
            assert_eq!(pet(text, word), want, "{text} {word}");
        }
    }
}
