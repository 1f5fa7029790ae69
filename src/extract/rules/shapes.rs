//! Shapes of words and short phrases that tell what a name is: degrees,
//! initials, surnames that are also common words, Slavic surname endings,
//! brand-like compounds, an organization's last word, "X of Y" names and two
//! given names sharing one surname.

use super::{Lexicon, ORG_WORDS, PLACE_HEADS, PLACE_TAILS, Seg, TITLES, WordSet, cues};

/// Academic degrees, written without dots or spaces and in lower case.
#[rustfmt::skip]
static DEGREES: WordSet = WordSet::new(&[
    "msc", "bsc", "phd", "dphil", "mphil", "mba", "ma", "ba", "bs", "ms", "md", "llb", "llm",
    "beng", "meng", "bed", "med", "edd", "dsc", "mres", "mfa", "bfa",
]);

/// Whether the text is an academic degree ("M.Sc", "Ph. D.").
pub(super) fn is_degree(text: &str) -> bool {
    if text.len() > 8 || !text.contains('.') {
        return false;
    }
    let mut key = [0u8; 8];
    let mut n = 0;
    for b in text.bytes().filter(|b| !matches!(b, b'.' | b' ')) {
        key[n] = b.to_ascii_lowercase();
        n += 1;
    }
    std::str::from_utf8(&key[..n]).is_ok_and(|k| DEGREES.contains(k))
}

/// Organization words that are also common surnames.
static SURNAME_ORG_WORDS: WordSet = WordSet::new(&["Law", "Green", "Court", "Banks"]);

/// "Nathan Law", "Eva Green": a common given name, then an organization word
/// that is also a surname, is a person ("the Kessler Law" is not).
pub(super) fn surname_org_word(lex: &Lexicon, seg: &Seg<'_>, a: usize, b: usize) -> bool {
    b == a + 2
        && SURNAME_ORG_WORDS.contains(seg.toks[a + 1].text)
        && seg.given(lex, a) >= 1000
        && !seg.word(lex, a)
        && !cues::article_before(seg, a)
}

/// For a given name at `a` followed by "and" (or "&") and another person's
/// given name and surname ("Gerald and Sherri Padalecki"), the surname's
/// token: the two share it.
pub(super) fn shared_surname(lex: &Lexicon, seg: &Seg<'_>, a: usize) -> Option<usize> {
    let toks = &seg.toks;
    let given = |i: usize| {
        toks.get(i).is_some_and(|t| t.is_cap() && !t.is_all_caps())
            && seg.given(lex, i) >= 1000
            && seg.place1(lex, i).is_none()
    };
    let k = a + 3;
    let surname = toks.get(k).is_some_and(|t| {
        t.is_cap()
            && !t.is_all_caps()
            && !seg.word_bare(lex, k)
            && seg.given(lex, k) < 1000
            && seg.place1(lex, k).is_none()
            && !ORG_WORDS.contains(t.bare())
            && !PLACE_TAILS.contains(t.bare())
    });
    let ends = toks.get(k + 1).is_none_or(|t| !t.is_cap());
    (given(a)
        && matches!(toks.get(a + 1).map(|t| t.text), Some("and" | "&"))
        && given(a + 2)
        && surname
        && ends)
        .then_some(k)
}

/// Two-letter abbreviations that are not a person's initials.
#[rustfmt::skip]
static NOT_INITIALS: WordSet = WordSet::new(&[
    "UN", "EU", "TV", "PR", "AI", "IT", "HR", "IS", "ID", "OK", "PM", "AM", "BC", "AD", "DC",
    "NY", "LA", "SF", "FC", "AC", "CD", "DJ", "MP", "MC", "VP", "GP", "PC", "UK", "US", "EC",
]);

/// Whether tokens `a, a + 1` are initials in capitals and a surname ("JK
/// Rowling", "AS Heagle").
pub(super) fn initials_then_surname(lex: &Lexicon, seg: &Seg<'_>, a: usize) -> bool {
    let (first, last) = (&seg.toks[a], &seg.toks[a + 1]);
    !seg.caps
        && first.text.len() == 2
        && first.is_all_caps()
        && !NOT_INITIALS.contains(first.text)
        && seg.place1(lex, a).is_none()
        && !last.is_all_caps()
        && !seg.word(lex, a + 1)
        && !ORG_WORDS.contains(last.text)
        && (lex.is_surname(last.text) || seg.given(lex, a + 1) < 200)
        && seg.place1(lex, a + 1).is_none()
}

/// Whether a word ends like a Slavic surname ("Gorbachev", "Kravchenko",
/// "Zelenskyy"): repeated alone, it names a person.
pub(super) fn slavic_surname(word: &str) -> bool {
    word.len() > 5
        && [
            "ov", "ev", "ova", "eva", "sky", "skyy", "skiy", "ski", "ska", "enko", "vich", "chuk",
            "shvili", "dze", "yan",
        ]
        .iter()
        .any(|s| word.ends_with(s))
}

/// Whether a word is made like a brand's name: a compound ending in a
/// trade word ("Microsoft", "Wikimedia", "Netflix").
pub(super) fn brand_like(word: &str) -> bool {
    [
        "soft", "ware", "tech", "media", "pedia", "book", "tube", "flix", "cast",
    ]
    .iter()
    .any(|s| {
        word.len() >= s.len() + 3
            && word.ends_with(s)
            && !word.ends_with("Media")
            && word.chars().next().is_some_and(char::is_uppercase)
    })
}

/// Whether token `i` ends an organization's name: an organization word, or
/// a plural common noun ("Relations", "Affairs", "Studies").
pub(super) fn org_tail(lex: &Lexicon, seg: &Seg<'_>, i: usize) -> bool {
    let w = seg.toks[i].bare();
    ORG_WORDS.contains(w)
        || w.len() > 4
            && w.ends_with('s')
            && seg.word_bare(lex, i)
            && seg
                .lower(i)
                .is_some_and(|l| lex.is_word(&l[..l.len() - 1]) || l.ends_with("ies"))
}

/// Whether tokens `a..a + 3` are a single name, "of" and a place's name
/// ("Hilary of Poitiers", "Gregory of Nyssa", "Theodorus of Tabennese").
pub(super) fn named_for_origin(lex: &Lexicon, seg: &Seg<'_>, a: usize) -> bool {
    let (first, from) = (&seg.toks[a], &seg.toks[a + 2]);
    let plain = |i: usize| {
        let w = seg.toks[i].bare();
        !seg.word(lex, i)
            && !seg.toks[i].is_all_caps()
            && !ORG_WORDS.contains(w)
            && !PLACE_HEADS.contains(w)
            && !PLACE_TAILS.contains(w)
            && !TITLES.contains(w)
            && !seg.not_name(lex, i)
    };
    let latin = first.text.len() > 4 && (first.text.ends_with("us") || first.text.ends_with("os"));
    seg.toks[a + 1].text == "of"
        && plain(a)
        && plain(a + 2)
        && !lex.is_demonym(from.text)
        && seg.place1(lex, a).is_none()
        && (seg.given(lex, a) >= 200 || latin)
}
