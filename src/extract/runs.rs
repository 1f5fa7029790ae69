//! Capitalised runs: maximal sequences of capitalised words, joined by name
//! particles ("van", "de", "al-") and by "of" / "of the", cut at
//! punctuation, possessives, calendar words and capitalised function words.

use super::lexicon::Lexicon;
use super::titles::{CALENDAR, PARTICLES, STOP_CAPS, TITLES};
use super::tokens::{TokKind, Token};

/// A run of tokens `[start, end)` that may name something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// First token index.
    pub start: usize,
    /// One past the last token index.
    pub end: usize,
}

/// Whether the word is a lower-case particle glued to a name ("al-Assad",
/// "d'Alembert", "d’Ettorre").
fn particle_prefixed(text: &str) -> bool {
    // Particles are at most four bytes ("bint"), then the separator.
    let head = &text.as_bytes()[..text.len().min(6)];
    if !head.iter().any(|&b| b == b'-' || b == b'\'' || b == 0xE2) {
        return false;
    }
    let glued = |sep: char| {
        text.split_once(sep).is_some_and(|(p, rest)| {
            PARTICLES.contains(p) && rest.chars().next().is_some_and(char::is_uppercase)
        })
    };
    glued('-') || glued('\'') || glued('\u{2019}')
}

/// Epithets that follow "the" inside a name ("Peter the Great").
#[rustfmt::skip]
static EPITHETS: super::titles::WordSet = super::titles::WordSet::new(&[
    "Great", "Elder", "Younger", "Apostle", "Baptist", "Conqueror", "Bold", "Terrible", "Wise",
    "Pious", "Magnificent", "Evangelist", "Confessor", "Venerable", "Lionheart", "Fair", "Just",
]);

/// Whether the token can be part of a name.
pub fn capish(t: &Token<'_>) -> bool {
    t.kind == TokKind::Word
        && (t.is_cap() || t.joined && particle_prefixed(t.text))
        && !t.text.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Whether a capitalised token never belongs to a name.
pub fn is_stop(t: &Token<'_>, lex: &Lexicon) -> bool {
    let bare = t.bare();
    // Contractions: "I'm", "We'll", "You're".
    let contraction = t.joined
        && bare.bytes().any(|b| b == b'\'' || b == 0xE2)
        && bare
            .split_once(['\'', '\u{2019}'])
            .is_some_and(|(head, tail)| tail.len() <= 2 && STOP_CAPS.contains(head));
    let _ = lex;
    contraction || STOP_CAPS.contains(bare) || CALENDAR.contains(bare)
}

/// Capitalised function and calendar words that are also surnames.
static STOP_SURNAMES: super::titles::WordSet =
    super::titles::WordSet::new(&["To", "May", "Do", "So"]);

/// Whether token `k`, a capitalised function or calendar word inside a
/// sentence, ends a given name as its surname ("Theresa May said", "James To
/// of the Democratic Party").
fn stop_surname(toks: &[Token<'_>], start: usize, k: usize, lex: &Lexicon) -> bool {
    let t = &toks[k];
    k > start
        && !t.sent_start
        && STOP_SURNAMES.contains(t.text)
        && lex.given_count(toks[k - 1].bare()) >= 1000
        && toks
            .get(k + 1)
            .is_none_or(|n| !capish(n) || is_stop(n, lex))
}

/// Whether token `i`, the capitalised given name "Will" inside a sentence,
/// opens a name ("an injury to Will Carrow").
fn stop_given(toks: &[Token<'_>], i: usize, lex: &Lexicon) -> bool {
    let t = &toks[i];
    !t.sent_start
        && t.text == "Will"
        && toks
            .get(i + 1)
            .is_some_and(|n| capish(n) && !is_stop(n, lex) && !lex.is_word(n.bare()))
}

/// Finds the capitalised runs of a tokenized segment.
pub fn find_runs(toks: &[Token<'_>], lex: &Lexicon) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !capish(&toks[i]) || is_stop(&toks[i], lex) && !stop_given(toks, i, lex) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        let mut broke = false;
        while let Some(next) = toks.get(end) {
            if capish(next) && (!is_stop(next, lex) || stop_surname(toks, start, end, lex)) {
                end += 1;
                continue;
            }
            // Joiners: "van Beethoven", "University of Chicago", "Gulf of the Farallones".
            let joins = |k: usize| toks.get(k).is_some_and(|t| capish(t) && !is_stop(t, lex));
            if next.kind == TokKind::Word && PARTICLES.contains(next.text) && joins(end + 1) {
                end += 2;
                continue;
            }
            if next.text == "the"
                && toks.get(end + 1).is_some_and(|t| EPITHETS.contains(t.text))
                && end - start <= 2
            {
                end += 2;
                continue;
            }
            // "Minister for Foreign Affairs", "Undersecretary for Education".
            if next.text == "for" && TITLES.contains(toks[end - 1].bare()) && joins(end + 1) {
                end += 2;
                continue;
            }
            if next.text == "of" && joins(end + 1) {
                end += 2;
                continue;
            }
            if next.text == "of"
                && toks.get(end + 1).is_some_and(|t| t.text == "the")
                && joins(end + 2)
            {
                end += 3;
                continue;
            }
            // The token that ends the run starts none either.
            broke = true;
            break;
        }
        runs.push(Run { start, end });
        i = if broke { end + 1 } else { end };
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;

    fn run_texts(text: &str) -> Vec<String> {
        let lex = &crate::extract::Extractor::global().lex;
        let toks = tokenize(text);
        find_runs(&toks, lex)
            .iter()
            .map(|r| {
                toks[r.start..r.end]
                    .iter()
                    .map(|t| t.text)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn runs_join_particles_and_of_but_stop_at_function_words() {
        let cases: &[(&str, &[&str])] = &[
            ("The talks in Geneva ended.", &["Geneva"]),
            ("Ludwig van Beethoven wrote", &["Ludwig van Beethoven"]),
            ("the University of Chicago said", &["University of Chicago"]),
            (
                "Russian President Vladimir Putin",
                &["Russian President Vladimir Putin"],
            ),
            ("On Monday Mr. Witkoff’s plane", &["Mr. Witkoff"]),
            (
                "Bashar al-Assad and Kim Jong-un",
                &["Bashar al-Assad", "Kim Jong-un"],
            ),
            ("In March, NATO met", &["NATO"]),
            ("by Jean le Rond d'Alembert.", &["Jean le Rond d'Alembert"]),
            ("Tsar Peter the Great ruled", &["Tsar Peter the Great"]),
            // A function or calendar word that is a surname, or "Will" as a given name.
            (
                "Prime Minister Theresa May said",
                &["Prime Minister Theresa May"],
            ),
            (
                "won by James To of the Labour Party",
                &["James To of the Labour Party"],
            ),
            ("an injury to Will Carrow ended it", &["Will Carrow"]),
            ("Will Carrow play?", &["Carrow"]),
            ("Talks To Resume In May", &["Talks", "Resume"]),
            (
                "Minister for Foreign Affairs Penny Ward said",
                &["Minister for Foreign Affairs Penny Ward"],
            ),
            ("Thanks for Anna's help", &["Anna"]),
            ("He met Theresa In Paris", &["Theresa", "Paris"]),
        ];
        for (text, expected) in cases {
            assert_eq!(run_texts(text), *expected, "{text}");
        }
    }
}
