//! Context that makes a name a person's, beyond titles and speech verbs:
//! a relative named in apposition ("his father, Anthony,"), "X and I",
//! "the woman Eva", "the Monti government", an author cited with a year
//! ("Kessler (2004)"), and names listed with other people's names
//! ("Zeus, Hera, Poseidon and Athena"); a name given ("my name is John")
//! or greeted ("Hey John,"); a verb said only of people ("X was born").

use super::{Lexicon, NON_PERSON_HEADS, Run, Seg, TokKind, WordSet, not_a_name};

/// Relatives, named in apposition after a possessive ("his father, Anthony,").
#[rustfmt::skip]
static KIN: WordSet = WordSet::new(&[
    "father", "mother", "brother", "sister", "son", "daughter", "wife", "husband", "uncle",
    "aunt", "cousin", "nephew", "niece", "grandfather", "grandmother", "grandson",
    "granddaughter", "stepfather", "stepmother", "half-brother", "half-sister", "partner",
    "fiancé", "fiancée", "girlfriend", "boyfriend", "widow", "widower", "twin", "friend",
]);

/// Possessive determiners before a relative.
#[rustfmt::skip]
static POSSESSIVES: WordSet = WordSet::new(&[
    "his", "her", "their", "my", "our", "your", "whose",
]);

/// Nouns for a person that may stand right before their name ("the woman Eva").
#[rustfmt::skip]
static PERSON_NOUNS: WordSet = WordSet::new(&["man", "woman", "boy", "girl"]);

/// "the brother of X", "a daughter of X": X is named as a relative.
pub(super) fn kin_of(seg: &Seg<'_>, a: usize) -> bool {
    a >= 2 && seg.toks[a - 1].text == "of" && seg.lower(a - 2).is_some_and(|w| KIN.contains(&w))
}

/// Past participles of making a work, before "by" and its maker.
#[rustfmt::skip]
static MADE_BY: WordSet = WordSet::new(&[
    "written", "painted", "composed", "directed", "coined", "invented", "sung", "narrated",
    "illustrated", "translated", "edited", "sculpted", "photographed", "choreographed",
]);

/// "a quote attributed to X", "a quote from X", "with the help of X", "a
/// novel written by X":
/// what only a person is said to do (not "written by Reuters staff": the
/// caller checks that no common noun follows).
fn agent(seg: &Seg<'_>, a: usize) -> bool {
    if a < 2 {
        return false;
    }
    match (seg.lower(a - 2).as_deref(), seg.lower(a - 1).as_deref()) {
        (Some("attributed"), Some("to"))
        | (Some("help"), Some("of"))
        | (Some("quote" | "quotes" | "quotation"), Some("from")) => true,
        (Some(made), Some("by")) => MADE_BY.contains(made),
        _ => false,
    }
}

/// Words of acting a part, before "as" and the character's name.
#[rustfmt::skip]
static ACTING: WordSet = WordSet::new(&[
    "starred", "starring", "stars", "cast", "appeared", "appears", "appearing", "played",
    "plays", "playing", "portrayed", "portrays", "voiced", "role", "roles", "debut",
]);

/// "she guest starred as Ruby", "he appeared in the film as Wade": the part
/// an actor plays is a person's name (not "played as Chelsea captain").
pub(super) fn cast_as(seg: &Seg<'_>, a: usize) -> bool {
    if seg.lower(a.wrapping_sub(1)).as_deref() != Some("as") {
        return false;
    }
    let mut k = a - 1;
    while k > 0 && a - k < 14 {
        k -= 1;
        if seg.lower(k).is_some_and(|w| ACTING.contains(&w)) {
            return true;
        }
        if seg.toks[k].sent_start || seg.toks[k].is_punct(';') {
            return false;
        }
    }
    false
}

/// Whether the context of tokens `[a, b)` marks a person.
pub(super) fn person(lex: &Lexicon, seg: &Seg<'_>, a: usize, b: usize) -> bool {
    let toks = &seg.toks;
    let closes = toks
        .get(b)
        .is_none_or(|t| t.kind == TokKind::Punct && !t.is_punct('-'));
    // "His father, Anthony, was a geologist".
    let kin = a >= 3
        && toks[a - 1].is_punct(',')
        && seg.lower(a - 2).is_some_and(|w| KIN.contains(&w))
        && (seg.lower(a - 3).is_some_and(|w| POSSESSIVES.contains(&w))
            || toks[a - 3].kind == TokKind::Possessive)
        && closes;
    // "Rebecca and I put it together".
    let and_i = seg.lower(b).as_deref() == Some("and")
        && toks
            .get(b + 1)
            .is_some_and(|t| matches!(t.text, "I" | "me"));
    // "the voice of the woman Eva".
    let noun = a >= 2
        && seg.lower(a - 1).is_some_and(|w| PERSON_NOUNS.contains(&w))
        && seg.lower(a - 2).as_deref() == Some("the");
    // "the Obama administration", "the Monti government".
    let government = b == a + 1
        && seg.lower(a.wrapping_sub(1)).as_deref() == Some("the")
        && match seg.lower(b).as_deref() {
            Some("administration" | "presidency") => true,
            Some("government" | "cabinet") => lex.is_surname(toks[a].bare()),
            _ => false,
        };
    // "my name is John", "Hey John, ...".
    let named = a >= 3
        && matches!(seg.lower(a - 1).as_deref(), Some("is" | "was"))
        && seg.lower(a - 2).as_deref() == Some("name")
        && seg.lower(a - 3).is_some_and(|w| POSSESSIVES.contains(&w));
    let greeted = a >= 1 && matches!(toks[a - 1].text, "Hey" | "Hi" | "Hello" | "Dear") && closes;
    kin || and_i
        || (agent(seg, a) || cast_as(seg, a)) && !modifier(seg, b)
        || noun
        || government
        || named
        || greeted
        || human_predicate(seg, b)
        || cited(lex, seg, a, b)
        || author_after_title(lex, seg, a, b)
}

/// Whether token `end` ends a run with a given name in it ("Rainer
/// Werner Fassbinder (Querelle)": the parenthesis names the person's work).
fn after_a_name(lex: &Lexicon, seg: &Seg<'_>, end: usize) -> bool {
    let mut start = end;
    while start > 0 && seg.toks[start - 1].is_cap() {
        start -= 1;
    }
    (start..end).any(|i| seg.given(lex, i) >= 200 && !seg.word_bare(lex, i))
        || lex.is_surname(seg.toks[end].bare())
}

/// "Notes from Underground (Dostoyevsky)": a lone unknown name in
/// parentheses right after a capitalised title is its author.
fn author_after_title(lex: &Lexicon, seg: &Seg<'_>, a: usize, b: usize) -> bool {
    let toks = &seg.toks;
    b == a + 1
        && a >= 2
        && toks[a - 1].is_punct('(')
        && toks.get(b).is_some_and(|t| t.is_punct(')'))
        && toks[a - 2].is_cap()
        && !after_a_name(lex, seg, a - 2)
        && !toks[a].is_all_caps()
        && !seg.word_bare(lex, a)
        && !lex.is_demonym(toks[a].text)
        && seg.given(lex, a) < 1000
        && seg.place1(lex, a).is_none()
}

/// Verbs said only of people, right after the name: "X was born", "X
/// died", "X came into office", "X resigned".
fn human_predicate(seg: &Seg<'_>, b: usize) -> bool {
    let w = |i: usize| seg.lower(i);
    match w(b).as_deref() {
        Some("died" | "married" | "resigned" | "retired") => true,
        Some("was") => matches!(
            w(b + 1).as_deref(),
            Some(
                "born" | "elected" | "re-elected" | "sworn" | "knighted" | "baptized" | "baptised"
            )
        ),
        Some("came") => {
            w(b + 1).as_deref() == Some("into") && w(b + 2).as_deref() == Some("office")
        }
        Some("took") => w(b + 1).as_deref() == Some("office"),
        _ => false,
    }
}

/// Whether the word before token `a` is the article "the".
pub(super) fn article_before(seg: &Seg<'_>, a: usize) -> bool {
    seg.lower(a.wrapping_sub(1)).as_deref() == Some("the")
}

/// Function words that may follow a name without making it a modifier.
#[rustfmt::skip]
static FUNCTION_WORDS: WordSet = WordSet::new(&[
    "in", "at", "of", "on", "and", "or", "for", "to", "with", "from", "by", "was", "is", "were",
    "are", "has", "had", "have", "will", "would", "as", "which", "that", "where", "near", "but",
]);

/// "the Tom Cruise video", "the Meiji period": a name before a common noun
/// modifies it, and may still be a person's.
pub(super) fn modifier(seg: &Seg<'_>, b: usize) -> bool {
    seg.toks.get(b).is_some_and(|t| {
        t.kind == TokKind::Word
            && !t.is_cap()
            && t.text.chars().next().is_some_and(char::is_alphabetic)
            && !FUNCTION_WORDS.contains(t.text)
    })
}

/// "at the X", "in the X", "near the X": a place's name after the article.
pub(super) fn at_the(seg: &Seg<'_>, a: usize) -> bool {
    a >= 2
        && seg
            .lower(a - 2)
            .is_some_and(|w| matches!(&*w, "at" | "in" | "near" | "inside" | "outside" | "behind"))
}

/// "Kessler (2004)", "Hadley et al.": a surname cited with a year.
fn cited(lex: &Lexicon, seg: &Seg<'_>, a: usize, b: usize) -> bool {
    let toks = &seg.toks;
    if b != a + 1 || !lex.is_surname(toks[a].bare()) {
        return false;
    }
    let year = |i: usize| {
        toks.get(i).is_some_and(|t| {
            t.text.len() == 4
                && t.text.bytes().all(|c| c.is_ascii_digit())
                && matches!(&t.text[..2], "15" | "16" | "17" | "18" | "19" | "20")
        })
    };
    let paren_year = toks.get(b).is_some_and(|t| t.is_punct('('))
        && year(b + 1)
        && toks
            .get(b + 2)
            .is_some_and(|t| t.is_punct(')') || t.is_punct(','));
    let et_al = toks.get(b).is_some_and(|t| t.text == "et")
        && toks.get(b + 1).is_some_and(|t| t.text.starts_with("al"));
    paren_year || et_al
}

/// Whether a single word may be a person's name when listed with others:
/// no English word, place, nationality or acronym.
fn eligible(lex: &Lexicon, seg: &Seg<'_>, i: usize) -> bool {
    let t = &seg.toks[i];
    !t.is_all_caps()
        && !seg.word_bare(lex, i)
        && !lex.is_demonym(t.text)
        && !not_a_name(t.text)
        && seg.place1(lex, i).is_none()
}

/// Whether a run reads as a person's name by the name data alone.
fn name_like(lex: &Lexicon, seg: &Seg<'_>, run: Run) -> bool {
    let (a, b) = (run.start, run.end);
    if b == a + 1 {
        return eligible(lex, seg, a)
            && (lex.is_surname(seg.toks[a].bare()) || seg.given(lex, a) >= 200);
    }
    // "Johann II": a regnal number after the name.
    let last = if b > a + 1 && super::is_roman(seg.toks[b - 1].text) {
        b - 2
    } else {
        b - 1
    };
    b <= a + 3
        && seg.given(lex, a) >= 200
        && !NON_PERSON_HEADS.contains(seg.toks[a].text)
        && !seg.word(lex, a)
        && (last == a || !seg.word_bare(lex, last))
        && (a..b).all(|i| seg.toks[i].is_cap() && seg.place1(lex, i).is_none())
}

/// Whether only a list separator lies between two runs: ",", "and", ", and", "&", "or".
fn linked(seg: &Seg<'_>, first: Run, second: Run) -> bool {
    let between = &seg.toks[first.end..second.start];
    let word = |t: &super::Token<'_>| matches!(t.text, "and" | "or" | "&");
    match between {
        [one] => one.is_punct(',') || word(one),
        [comma, w] => comma.is_punct(',') && word(w),
        _ => false,
    }
}

/// The lists among the runs: two runs or more, each after the previous one
/// with only a list separator between them.
fn lists<'r>(seg: &Seg<'_>, runs: &'r [Run]) -> impl Iterator<Item = &'r [Run]> {
    runs.chunk_by(move |x, y| linked(seg, *x, *y))
        .filter(|group| group.len() >= 2)
}

/// Single-word runs listed with people's names ("Zeus, Hera, Poseidon,
/// Aphrodite, and Athena"; "Walsh and Kessler"): their first token indices.
pub(super) fn listed_people(lex: &Lexicon, seg: &Seg<'_>, runs: &[Run]) -> Vec<usize> {
    let mut out = Vec::new();
    for group in lists(seg, runs) {
        if article_before(seg, group[0].start) || super::animals::in_pet_list(seg, group[0].start) {
            continue;
        }
        let names = group.iter().filter(|r| name_like(lex, seg, **r)).count();
        let full = group
            .iter()
            .any(|r| r.end > r.start + 1 && name_like(lex, seg, *r));
        let people = if group.len() == 2 {
            names == 2
        } else {
            names * 3 >= group.len() * 2
        };
        if people || full {
            out.extend(
                group
                    .iter()
                    .filter(|r| r.end == r.start + 1 && eligible(lex, seg, r.start))
                    .map(|r| r.start),
            );
        }
    }
    out
}

/// Single unknown words listed with places the gazetteer knows ("the
/// schools of Cruden and Ellon", "Dalmatia and Pannonia"): their first
/// token indices.
pub(super) fn listed_places(lex: &Lexicon, seg: &Seg<'_>, runs: &[Run]) -> Vec<usize> {
    let mut out = Vec::new();
    for group in lists(seg, runs) {
        let known = |r: &Run| {
            super::place_lookup(lex, &seg.name(r.start, r.end)).is_some()
                && seg.given(lex, r.start) < 200
        };
        let unknown = |r: &Run| {
            r.end == r.start + 1
                && eligible(lex, seg, r.start)
                && seg.given(lex, r.start) < 200
                && seg.toks[r.start].is_cap()
        };
        let places = group.iter().filter(|r| known(r)).count();
        if places > 0 && group.iter().all(|r| known(r) || unknown(r)) {
            out.extend(group.iter().filter(|r| unknown(r)).map(|r| r.start));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::model::EntityKind;

    fn found(text: &str) -> Vec<(EntityKind, String)> {
        super::super::strong_candidates(text)
    }

    fn person(text: &str, name: &str) -> bool {
        found(text)
            .iter()
            .any(|(k, n)| *k == EntityKind::Person && n == name)
    }

    #[test]
    fn context_marks_lone_names_as_people() {
        let cases = [
            ("His father, Anthony, was a geologist.", "Anthony"),
            ("She guest starred as Ruby on the show.", "Ruby"),
            ("He appeared in a horror film as Wade.", "Wade"),
            ("There is a line attributed to Kessling on it.", "Kessling"),
            ("It was printed with the help of Orrick.", "Orrick"),
            ("He used a quote from Brannagh in the book.", "Brannagh"),
            ("The score was composed by Brannagh in 1901.", "Brannagh"),
            ("It was Tomas's [4] sister, Imke, who wrote.", "Imke"),
            ("He had two sons, Niklaus and Johann II.", "Niklaus"),
            ("She moved in with her sister, Michelle.", "Michelle"),
            ("Later Rebecca and I wrote it.", "Rebecca"),
            ("It is the voice of the woman Eva there.", "Eva"),
            ("He said, 'Hi, my name is Anselm,' and smiled.", "Anselm"),
            ("Then Kessling came into office and changed it.", "Kessling"),
            (
                "My favourite is Notes from the Cellar (Dravinsky).",
                "Dravinsky",
            ),
            ("Years later Brannagh was born in a village.", "Brannagh"),
            ("In 1890 Orrick died at home.", "Orrick"),
            ("I say, 'Hey Anselm, good to meet you.'", "Anselm"),
            ("Fees rose under the Monti government.", "Monti"),
            ("It began under the Obama administration.", "Obama"),
            (
                "The chapter by Walsh and Kessler (2004) begins so.",
                "Kessler",
            ),
            (
                "The chapter by Walsh and Kessler (2004) begins so.",
                "Walsh",
            ),
            (
                "They worship gods such as Zeus, Hera, Poseidon, and Athena.",
                "Zeus",
            ),
            (
                "They worship gods such as Zeus, Hera, Poseidon, and Athena.",
                "Poseidon",
            ),
        ];
        for (text, name) in cases {
            assert!(person(text, name), "{text}: {:?}", found(text));
        }
        // The same cues before a name that modifies a noun.
        for text in [
            "He played for years as Chelsea captain.",
            "It was written by Reuters staff.",
        ] {
            assert!(
                found(text).iter().all(|(k, _)| *k != EntityKind::Person),
                "{text}: {:?}",
                found(text)
            );
        }
    }

    #[test]
    fn an_article_before_a_name_marks_a_thing() {
        let none = [
            (
                "She danced at the Folies Bergère (for years).",
                "Folies Bergère",
            ),
            (
                "We know more about the Galileo and Ulysses probes.",
                "Galileo",
            ),
            ("He told the Brooklyn Paper, briefly.", "Brooklyn Paper"),
            ("A film, Burning Man (2011), followed.", "Burning Man"),
            // A film in parentheses after its director.
            ("Also Werner Hallbeck (Querula) and more.", "Querula"),
            // A saint's name opens a school's or church's, not a person's list.
            (
                "The schools San Cosimo and Benedetta were fined.",
                "Benedetta",
            ),
        ];
        for (text, name) in none {
            assert!(!person(text, name), "{text}: {:?}", found(text));
        }
        assert!(
            found("She danced at the Folies Bergère (for years).")
                .contains(&(EntityKind::Place, "Folies Bergère".to_string()))
        );
        // A name that modifies a noun may still be a person's.
        assert!(person(
            "They saw the Tom Cruise video online.",
            "Tom Cruise"
        ));
    }
}
