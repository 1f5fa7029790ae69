//! People honoured in the names of prizes, halls and institutes: "Nobel
//! Peace Prize", "Carnegie Hall", "Einstein Institute of Mathematics",
//! "Chiang Kai Shek Memorial", "the Ned Kessling Show". The honoured person is named inside the
//! name of the thing, and a careful reader counts them.

use crate::model::EntityKind;

use super::{
    DIRECTIONS, Lexicon, ORG_WORDS, PLACE_TAILS, Run, Seg, WordSet, brand_like, not_a_name, push,
};

/// Heads of names that honour a person.
#[rustfmt::skip]
static EPONYM_HEADS: WordSet = WordSet::new(&[
    "Prize", "Prizes", "Award", "Awards", "Medal", "Lecture", "Lectures", "Foundation",
    "Institute", "Museum", "Hall", "Center", "Centre", "Memorial", "Library", "Gallery",
    "Fellowship", "Scholarship", "Trophy",
]);

/// Whether a word heads names that honour a person ("Prize", "Museum"):
/// the person is then found by [`scan`].
pub(super) fn is_head(word: &str) -> bool {
    EPONYM_HEADS.contains(word)
}

/// Whether one word can be the surname a thing is named after: not an
/// English word, a known surname or no common given name ("Emmy", "Tony"
/// awards are not named after an Emmy or a Tony), and no sizeable place.
fn eponym_word(lex: &Lexicon, seg: &Seg<'_>, i: usize) -> bool {
    let t = &seg.toks[i];
    let w = t.bare();
    if !t.is_cap()
        || t.is_all_caps()
        || w.len() < 3
        || w.contains('-')
        || seg.word_bare(lex, i)
        || lex.is_demonym(w)
        || DIRECTIONS.contains(w)
        || ORG_WORDS.contains(w)
        || PLACE_TAILS.contains(w)
        || not_a_name(w)
        || brand_like(w)
    {
        return false;
    }
    let surname = lex.is_surname(w);
    if !surname && seg.given(lex, i) >= 200 {
        return false;
    }
    seg.place1(lex, i)
        .is_none_or(|p| surname && p.3 < 500_000 && p.2 == super::PlaceKind::Town)
}

/// Whether tokens `[a, b)` (two or three words) read as a person's full
/// name: a given name or an initial first, no English word last.
fn full_name(lex: &Lexicon, seg: &Seg<'_>, a: usize, b: usize) -> bool {
    let first = &seg.toks[a];
    let initial = first.text.len() == 2 && first.text.ends_with('.');
    let given = seg.given(lex, a) >= 200 && !seg.word(lex, a);
    let unknown = (a..b).all(|i| !seg.word_bare(lex, i))
        && seg
            .place1(lex, a)
            .is_none_or(|p| p.2 == super::PlaceKind::Town && p.3 < 100_000);
    (initial || given || unknown)
        && (a..b).all(|i| {
            let t = &seg.toks[i];
            t.is_cap() && !t.is_all_caps() && !lex.is_demonym(t.text) && !not_a_name(t.text)
        })
        && !seg.word_bare(lex, b - 1)
        // "Primetime Emmy Award": an award's given name is no surname.
        && (seg.given(lex, b - 1) < 200 || lex.is_surname(seg.toks[b - 1].bare()))
        && super::place_lookup(lex, &seg.name(a, b)).is_none()
}

/// Whether token `a` follows a lone capitalised word and "and" or "&"
/// ("the Victoria and Albert ...", "the Mary & Leigh Block ...").
fn paired_word(seg: &Seg<'_>, a: usize) -> bool {
    let t = &seg.toks;
    a >= 2
        && matches!(t[a - 1].text, "&" | "and")
        && t[a - 2].is_cap()
        && !t[a - 2].is_all_caps()
        && (a == 2 || !t[a - 3].is_cap())
}

/// "the Victoria and Albert Museum", "the Marston & Quill Gallery": one
/// word, "and" or "&", one word and the head at `head`: a single name.
fn joint(seg: &Seg<'_>, a: usize, head: usize) -> bool {
    head == a + 1 && paired_word(seg, a)
}

/// "the Mary & Leigh Block Museum", "the Bill and Ann Hale Foundation": a
/// couple honoured together, a given name, "&" or "and", then a given name
/// and the surname they share before the head at `head`.
fn couple(lex: &Lexicon, seg: &Seg<'_>, a: usize, head: usize) -> bool {
    let t = &seg.toks;
    head == a + 2
        && paired_word(seg, a)
        && seg.given(lex, a - 2) >= 1000
        && t[a].is_cap()
        && !t[a].is_all_caps()
        && seg.given(lex, a) >= 1000
        && t[a + 1].is_cap()
        && !t[a + 1].is_all_caps()
}

/// Finds the person a run's name honours and pushes them as a candidate.
pub(super) fn scan<'a>(lex: &Lexicon, seg: &Seg<'a>, run: Run, out: &mut Vec<super::Cand<'a>>) {
    // "the Agassiz Professor of Oriental Languages": a chair named for someone.
    let chair = |i: usize| {
        matches!(seg.toks[i].text, "Professor" | "Professorship" | "Chair")
            && seg.toks.get(i + 1).is_some_and(|t| t.text == "of")
    };
    let Some(head) =
        (run.start + 1..run.end).find(|&i| EPONYM_HEADS.contains(seg.toks[i].text) || chair(i))
    else {
        // "the Jeff Bramwick Experience", "the Ned Kessling Show": a full name,
        // then a common noun.
        let (a, b) = (run.start, run.end);
        if (3..=4).contains(&(b - a))
            && a >= 1
            && seg.lower(a - 1).as_deref() == Some("the")
            && seg.given(lex, b - 2) < 1000
            && seg.toks[b - 1].is_cap()
            && seg.word_bare(lex, b - 1)
            && seg.given(lex, a) >= 1000
            && !seg.word(lex, a)
            && full_name(lex, seg, a, b - 1)
        {
            push(
                out,
                seg,
                EntityKind::Person,
                seg.name(a, b - 1),
                a,
                a,
                b - 1,
            );
        }
        return;
    };
    let a = run.start;
    if joint(seg, a, head) {
        // "the Victoria and Albert Museum": one name over "and".
        let (first, from) = (seg.toks[a - 2].start, seg.toks[a].start);
        out.retain(|c| c.seg != seg.index || c.start != first);
        if let Some(c) = out
            .iter_mut()
            .find(|c| c.seg == seg.index && c.start == from && c.kind != EntityKind::Person)
        {
            let text = &seg.text[first..c.end];
            c.name = text.into();
            c.surface = text.into();
            c.start = first;
            c.words += 2;
            c.place = None;
        }
        return;
    }
    if couple(lex, seg, a, head) {
        // The first given name was taken alone; it is this person.
        let first = seg.toks[a - 2].start;
        out.retain(|c| c.seg != seg.index || c.start != first);
        push(out, seg, EntityKind::Person, seg.name(a, head), a, a, head);
        let name = format!("{} {}", seg.toks[a - 2].text, seg.toks[a + 1].text);
        push(out, seg, EntityKind::Person, name, a - 2, a - 2, a - 1);
        if let Some(last) = out.last_mut() {
            last.words = 2;
        }
        return;
    }
    let person = match head - a {
        // "Carnegie Hall", "Einstein Institute".
        1 => eponym_word(lex, seg, a).then_some((a, a + 1)),
        // "Nobel Peace Prize", "Pritzker Architecture Prize", or "Leigh Block Museum".
        // "Kessling Space Center": a surname more often than a given name.
        2 if seg.word_bare(lex, a + 1) => {
            let given = seg.given(lex, a);
            let limit = if lex.is_surname(seg.toks[a].bare()) {
                10_000
            } else {
                2000
            };
            (given < limit && eponym_word(lex, seg, a)).then_some((a, a + 1))
        }
        2 | 3 if full_name(lex, seg, a, head) => Some((a, head)),
        _ => None,
    };
    if let Some((s, e)) = person {
        push(out, seg, EntityKind::Person, seg.name(s, e), s, s, e);
    }
}

#[cfg(test)]
mod tests {
    use crate::model::EntityKind;

    fn people(text: &str) -> Vec<String> {
        super::super::candidates(text)
            .into_iter()
            .filter(|c| c.kind == EntityKind::Person)
            .map(|c| c.name.into_owned())
            .collect()
    }

    #[test]
    fn the_person_a_prize_or_hall_honours() {
        let cases: &[(&str, &[&str])] = &[
            ("She won the Stirling Prize twice.", &["Stirling"]),
            ("The dress is at the Victoria and Albert Museum.", &[]),
            (
                "It is at the Tilda & Morgan Quist Museum of Art.",
                &["Morgan Quist", "Tilda Quist"],
            ),
            (
                "They gave to the Bill and Jenna Hale Foundation.",
                &["Jenna Hale", "Bill Hale"],
            ),
            ("The samples went to Johnson Space Center.", &["Johnson"]),
            (
                "He became Agassiz Professor of Oriental Languages.",
                &["Agassiz"],
            ),
            ("She is a Professor of Law there.", &[]),
            ("He sang at Carnegie Hall in 1984.", &["Carnegie"]),
            ("A Nobel Peace Prize winner spoke.", &["Nobel"]),
            (
                "She works at the Einstein Institute of Mathematics.",
                &["Einstein"],
            ),
            (
                "Crowds filled the Chiang Kai Shek Memorial today.",
                &["Chiang Kai Shek"],
            ),
            // Not named after anyone we can tell: an award's given name, a
            // place, a common word, an acronym.
            ("He won a Primetime Emmy Award.", &[]),
            ("They toured the Boston Museum of Fine Arts.", &[]),
            ("The National Library reopened.", &[]),
            ("The NASA Space Center is large.", &[]),
            ("She joined the Make-A-Wish Foundation.", &[]),
            ("They gave to the Brandmedia Foundation.", &[]),
            (
                "I went to the Jeff Bramwick Experience in May.",
                &["Jeff Bramwick"],
            ),
            (
                "He played on the Ned Kessling Show twice.",
                &["Ned Kessling"],
            ),
            ("They met at the Grace Bible Church.", &[]),
            // A surname that is a word, or two given names: no eponym.
            ("Professor Dale Ormsby Hill said so.", &["Dale Ormsby Hill"]),
            ("They host the Jenna Julien Podcast now.", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(people(text), *want, "{text}");
        }
    }
}
