//! A nickname quoted inside a full name ("Thomas \"Tommy\" Quell", "Ana
//! \u{201c}La Reina\u{201d} Ortiz"): the name goes on to the surname after the
//! closing quote, which is part of the same person's name.

use crate::model::EntityKind;

use super::{Cand, Lexicon, Seg, TokKind};

/// Whether a punctuation token's text is a double quote.
fn quote_text(text: &str) -> bool {
    matches!(text, "\"" | "\u{201c}" | "\u{201d}")
}

/// Whether the token is an opening or closing double quote.
fn quote(seg: &Seg<'_>, i: usize) -> bool {
    seg.toks
        .get(i)
        .is_some_and(|t| t.kind == TokKind::Punct && quote_text(t.text))
}

/// The surname's token when a quoted nickname starts at token `k` and a
/// surname follows it: `"Nick" Surname`.
fn nickname_then_surname(lex: &Lexicon, seg: &Seg<'_>, k: usize) -> Option<usize> {
    let t = &seg.toks;
    if !quote(seg, k) {
        return None;
    }
    let mut q = k + 1;
    while q < t.len() && q <= k + 3 && t[q].is_cap() {
        q += 1;
    }
    if q == k + 1 || !quote(seg, q) {
        return None;
    }
    let s = q + 1;
    let surname = t.get(s)?;
    let ends = t.get(s + 1).is_none_or(|n| !n.is_cap());
    let name_like = surname.is_cap()
        && !surname.is_all_caps()
        && (!seg.word_bare(lex, s) || lex.is_surname(surname.bare()));
    (ends && name_like).then_some(s)
}

/// Extends the people of one segment (candidates from `from` on) over a
/// quoted nickname and the surname after it, dropping the candidates
/// found inside.
pub(super) fn join<'a>(lex: &Lexicon, seg: &Seg<'a>, out: &mut Vec<Cand<'a>>, from: usize) {
    if !out[from..].iter().any(|c| c.kind == EntityKind::Person)
        || !seg
            .toks
            .iter()
            .any(|t| t.kind == TokKind::Punct && quote_text(t.text))
    {
        return;
    }
    let mut i = from;
    while i < out.len() {
        let c = &out[i];
        if c.kind != EntityKind::Person || c.seg != seg.index {
            i += 1;
            continue;
        }
        let k = seg.toks.partition_point(|t| t.start < c.end);
        let Some(s) = nickname_then_surname(lex, seg, k) else {
            i += 1;
            continue;
        };
        let (old_end, new_end) = (c.end, seg.toks[s].end);
        let surname = seg.toks[s].text;
        let c = &mut out[i];
        c.name = format!("{} {surname}", c.name).into();
        c.surface.to_mut().push_str(&seg.text[old_end..new_end]);
        c.end = new_end;
        c.words += 1;
        let keep = c.seg;
        out.retain(|d| !(d.seg == keep && d.start >= old_end && d.end <= new_end));
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::model::EntityKind;

    fn people(text: &str) -> Vec<(String, String)> {
        super::super::candidates(text)
            .into_iter()
            .filter(|c| c.kind == EntityKind::Person)
            .map(|c| (c.name.into_owned(), c.surface.into_owned()))
            .collect()
    }

    #[test]
    fn quoted_nicknames_inside_names() {
        let cases = [
            (
                "Their son, Thomas Edward \"Tommy\" Quellman, was born in May.",
                "Thomas Edward Quellman",
                "Thomas Edward \"Tommy\" Quellman",
            ),
            (
                "The trial of Joaquin \u{201c}El Toro\u{201d} Barragan began.",
                "Joaquin Barragan",
                "Joaquin \u{201c}El Toro\u{201d} Barragan",
            ),
        ];
        for (text, name, surface) in cases {
            let got = people(text);
            assert!(
                got.contains(&(name.to_string(), surface.to_string())),
                "{text}: {got:?}"
            );
            assert_eq!(got.len(), 1, "{text}: {got:?}");
        }
        // A quoted word after a name that is not followed by a surname.
        let got = people("He praised Mary Quist \"Tales\" often.");
        assert_eq!(got, [("Mary Quist".to_string(), "Mary Quist".to_string())]);
    }
}
