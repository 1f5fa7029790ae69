//! Other names of a person given right after the name: a birth name or a
//! name in another language in parentheses ("Jane Roe (born Jane Ann
//! Doe)", "Anselm (Latin: Anselmus Augustanus)"), an apposition ("Jane
//! Roe, also known as Jane Ann Doe", "better known by her pseudonym Jane
//! Roe") or a pen name ("Jane Roe was the pen name of novelist Jane Doe").
//! The later name is marked as the same person as the earlier one.

use crate::model::EntityKind;

use super::{Cand, Lexicon, Seg, TokKind, push};

/// Words that, inside a parenthesis right after a name, introduce another
/// name of the person.
const BIRTH_WORDS: &[&str] = &[
    "born",
    "née",
    "nee",
    "born as",
    "birth name",
    "real name",
    "original name",
];

/// Phrases that, after a name (and a comma), introduce another name.
const KNOWN_AS: &[&str] = &[
    "also known as",
    "better known as",
    "better known by",
    "known professionally as",
    "also called",
    "a.k.a.",
    "aka",
    "whose real name is",
    "whose real name was",
    "born as",
];

/// Words allowed between a "known as" phrase and the name ("better known
/// by her pseudonym").
const KNOWN_AS_FILLER: &[&str] = &[
    "her",
    "his",
    "their",
    "the",
    "pseudonym",
    "pen",
    "stage",
    "name",
    "ring",
    "nickname",
    "professional",
    "by",
];

/// Nouns for an assumed name, in "X was the pen name of Y".
const ASSUMED: &[&str] = &[
    "pen name",
    "pseudonym",
    "stage name",
    "nom de plume",
    "ring name",
];

/// Whether the text between two names makes the second another name of the
/// first.
pub(super) fn renames(between: &str) -> bool {
    if between.len() > 160 || between.len() < 3 {
        return false;
    }
    let hint = ["(", "known", "called", "aka", "a.k.a", "name", "pseudonym"]
        .iter()
        .any(|h| between.contains(h));
    if !hint {
        return false;
    }
    let lower = between.to_lowercase();
    // A sentence ends in between: no link.
    let sentence_end = between.char_indices().any(|(i, ch)| {
        ch == '.'
            && between[i + 1..].starts_with(' ')
            && between[i + 2..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    });
    if sentence_end {
        return false;
    }
    // Still inside a parenthesis opened right after the first name.
    if let Some(open) = lower.rfind('(')
        && !lower[open..].contains(')')
    {
        if !lower[..open].trim().is_empty() {
            return false;
        }
        let inner = lower[open + 1..].rsplit(';').next().unwrap_or("").trim();
        return BIRTH_WORDS.contains(&inner);
    }
    // After a parenthesis about the first name: what follows it.
    let rest = match lower.rfind(')') {
        Some(k) => &lower[k + 1..],
        None => &lower[..],
    };
    let rest = rest.trim_start_matches([',', ' ']).trim_end();
    for phrase in KNOWN_AS {
        if let Some(tail) = rest.strip_prefix(phrase)
            && (tail.is_empty() || tail.starts_with(' '))
            && tail
                .split_whitespace()
                .all(|w| KNOWN_AS_FILLER.contains(&w))
        {
            return true;
        }
    }
    // "was a pen name of Japanese author".
    let words: Vec<&str> = rest.split_whitespace().collect();
    if words.len() >= 4 && matches!(words[0], "was" | "is") && matches!(words[1], "a" | "the") {
        let after = words[2..].join(" ");
        for noun in ASSUMED {
            if let Some(tail) = after.strip_prefix(noun)
                && let Some(tail) = tail.strip_prefix(" of")
                && tail.split_whitespace().count() <= 3
                && tail
                    .split_whitespace()
                    .all(|w| w.chars().all(char::is_alphabetic))
            {
                return true;
            }
        }
    }
    false
}

/// Marks the people of one segment (candidates from `from` on) named as
/// another name of the person named just before.
pub(super) fn link<'a>(lex: &Lexicon, seg: &Seg<'a>, out: &mut Vec<Cand<'a>>, from: usize) {
    let people_here = out[from..]
        .iter()
        .filter(|c| c.kind == EntityKind::Person)
        .count();
    if people_here == 0 {
        return;
    }
    if seg.text.contains(':') {
        foreign_forms(lex, seg, out, from);
    }
    if people_here < 2 && out.len() - from == people_here {
        return;
    }
    let mut people: Vec<usize> = (from..out.len())
        .filter(|&i| out[i].kind == EntityKind::Person && out[i].seg == seg.index)
        .collect();
    people.sort_by_key(|&i| out[i].start);
    for k in 1..people.len() {
        let (p, c) = (people[k - 1], people[k]);
        if out[c].words < 2 || out[c].same_as.is_some() || out[p].end > out[c].start {
            continue;
        }
        if renames(&seg.text[out[p].end..out[c].start]) && out[c].name != out[p].name {
            let main = out[p]
                .same_as
                .clone()
                .unwrap_or_else(|| out[p].name.clone());
            out[c].same_as = Some(main);
        }
    }
}

/// "Anselm (Latin: Anselmus Augustanus; ...)": a name in another language
/// in parentheses right after a person's name, which the other rules skip.
fn foreign_forms<'a>(lex: &Lexicon, seg: &Seg<'a>, out: &mut Vec<Cand<'a>>, from: usize) {
    let t = &seg.toks;
    for i in 1..t.len().saturating_sub(2) {
        if !t[i].is_punct(':') || !lex.is_demonym(t[i - 1].text) {
            continue;
        }
        // The parenthesis opens right after a person named in this segment.
        let Some(open) = (0..i).rev().take(12).find(|&k| t[k].is_punct('(')) else {
            continue;
        };
        if (open + 1..i).any(|k| t[k].is_punct(')')) || open == 0 {
            continue;
        }
        let Some(main) = out[from..]
            .iter()
            .filter(|c| c.kind == EntityKind::Person && c.seg == seg.index)
            .find(|c| c.end <= t[open].start && seg.text[c.end..t[open].start].trim().is_empty())
            .map(|c| c.same_as.clone().unwrap_or_else(|| c.name.clone()))
        else {
            continue;
        };
        let a = i + 1;
        let mut b = a;
        while b < t.len() && t[b].kind == TokKind::Word && t[b].is_cap() && b < a + 5 {
            b += 1;
        }
        let closes = t
            .get(b)
            .is_none_or(|n| n.is_punct(';') || n.is_punct(',') || n.is_punct(')'));
        if b >= a + 2 && closes && t[a..b].iter().all(|w| w.text.is_ascii()) {
            let name = seg.name(a, b);
            push(out, seg, EntityKind::Person, name, a, a, b);
            if let Some(last) = out.last_mut() {
                last.same_as = Some(main);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::renames;

    #[test]
    fn text_between_two_names() {
        let cases = [
            (" (born ", true),
            (" (née ", true),
            (" (/ ˈæn /; born ", true),
            (" (born 12 May 1950), better known by her pseudonym ", true),
            (", also known as ", true),
            (" (1900 – 1950), better known as ", true),
            (" (1872 – 1896) was a pen name of Japanese author ", true),
            (" is the stage name of ", true),
            (" and ", false),
            (", ", false),
            (" met ", false),
            (" (left) with ", false),
            (" said. Later, also known as ", false),
            (" was a friend of ", false),
            (" was the pen name of a very famous old writer ", false),
            (" called ", false),
        ];
        for (between, want) in cases {
            assert_eq!(renames(between), want, "{between:?}");
        }
    }
}
