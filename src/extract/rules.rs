//! Classifies each capitalised run as a person, place or organization (or
//! nothing) from its words, the gazetteer, name data and the words around it.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};

use crate::model::EntityKind;

use super::lexicon::{Lexicon, PlaceKind};
use super::lower::Lower;
use super::runs::{Run, capish, find_runs};
use super::titles::{
    DIRECTIONS, INSTITUTIONS, OPERATION_HEADS, ORG_WORDS, PARTY_MEMBERS, PLACE_HEADS, PLACE_TAILS,
    POST_NOMINALS, ROLE_NOUNS, SPEECH_VERBS, TITLE_TAILS, TITLES, WordSet, place_alias,
};
use super::tokens::{TokKind, Token, recycle, tokenize, tokenize_into};

mod aliases;
mod animals;
mod cues;
mod eponyms;
pub(crate) mod nicknames;
mod places;
mod quoted;
mod shapes;

use shapes::{
    brand_like, initials_then_surname, is_degree, named_for_origin, org_tail, shared_surname,
    slavic_surname, surname_org_word,
};

/// How sure a candidate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    /// A lone word with no cue: kept only if it resolves to something stronger.
    Weak,
    /// A full name, a title, a cue word, or a gazetteer entry.
    Strong,
}

/// One candidate mention, before merging. Its texts borrow from the
/// segment's prepared text (or the gazetteer) when they can.
#[derive(Debug, Clone, PartialEq)]
pub struct Cand<'a> {
    /// Person, place or organization.
    pub kind: EntityKind,
    /// The name without titles ("Witkoff"), or a place's canonical name.
    pub name: Cow<'a, str>,
    /// The form as written, with its title ("Mr. Witkoff").
    pub surface: Cow<'a, str>,
    /// Segment index.
    pub seg: usize,
    /// Byte offset of the name part.
    pub start: usize,
    /// Byte offset past the name part.
    pub end: usize,
    /// Gazetteer row, for places found there.
    pub place: Option<u32>,
    /// How sure the candidate is.
    pub evidence: Evidence,
    /// Words in the name.
    pub words: usize,
    /// A country, continent or large region (for places), or a common given
    /// name as first word (for people).
    pub major: bool,
    /// Country of a gazetteer place (blank otherwise).
    pub country: [u8; 2],
    /// A town of under 200,000 people named with no locative cue: kept only
    /// if the item names another place of its country.
    pub small: bool,
    /// A lone word that is also an English word ("Young"): never taken for
    /// a misspelt surname.
    pub word: bool,
    /// Another name of this person, met just before ("X, also known as Y").
    pub same_as: Option<Cow<'a, str>>,
    /// Followed by a common noun ("the Halvorsen Polaroid exhibits"): the
    /// name modifies it.
    pub modifier: bool,
    /// Named as someone other than the people near it: a relative ("the
    /// brother of Inspector Lynley") or a part played ("appeared as Tom").
    /// A lone name here is not the person just named in full.
    pub apart: bool,
}

impl Cand<'_> {
    /// The candidate with texts of its own.
    #[cfg(test)]
    pub fn into_owned(self) -> Cand<'static> {
        Cand {
            name: Cow::Owned(self.name.into_owned()),
            surface: Cow::Owned(self.surface.into_owned()),
            same_as: self.same_as.map(|s| Cow::Owned(s.into_owned())),
            ..self
        }
    }
}

/// Lower-case words that, right before a name, make it a place.
#[rustfmt::skip]
static LOCATIVE: WordSet = WordSet::new(&[
    "in", "at", "from", "near", "outside", "to", "into", "across", "throughout", "toward",
    "towards", "via", "around", "between", "across", "within", "inside", "visited", "visit",
]);

/// Lower-case nouns that, before "of", announce a place ("the city of Pokrovsk").
#[rustfmt::skip]
static PLACE_NOUNS: WordSet = WordSet::new(&[
    "city", "town", "village", "region", "province", "capital", "district", "suburb", "state",
    "county", "port", "island", "republic", "oblast", "settlement", "municipality", "hamlet",
    "neighborhood", "neighbourhood", "borough", "territory", "prefecture", "country",
]);

/// Heads of names that honour a person ("Carnegie Hall", "Nobel Prize").
#[rustfmt::skip]
static NAMED_AFTER: WordSet = WordSet::new(&[
    "Hall", "Museum", "Center", "Centre", "Building", "Library", "Theatre", "Theater", "Prize",
    "Award", "Foundation", "Institute", "News", "Stadium", "Arena", "School", "College",
    "University", "Hospital", "Memorial", "Gallery", "Trust", "Medal", "Lecture",
]);

/// Lower-case nouns that, after a possessive, show the owner is a person.
#[rustfmt::skip]
static KIN_AND_WORKS: WordSet = WordSet::new(&[
    "wife", "husband", "son", "sons", "daughter", "daughters", "mother", "father", "brother",
    "brothers", "sister", "sisters", "widow", "widower", "children", "parents", "grandson",
    "granddaughter", "girlfriend", "boyfriend", "fiancée", "fiance", "fiancé", "nephew", "niece",
    "uncle", "aunt", "cousin", "biography", "biographer", "memoir", "memoirs", "autobiography",
    "funeral", "assassination", "career", "childhood", "novel", "novels", "poems", "poetry",
    "paintings", "administration", "lawyer", "lawyers", "spokesman", "spokeswoman", "aide",
    "aides", "campaign", "presidency", "grave", "birthplace", "estate", "diary", "diaries",
]);

/// Lower-case words that, two words before a name, with "of" right before
/// it, make it a place ("the city of X").
#[rustfmt::skip]
static MORE_PLACE_NOUNS: WordSet = WordSet::new(&[
    "desert", "diocese", "archdiocese", "parish", "duchy", "kingdom", "valley", "commune",
    "canton", "principality", "emirate", "governorate", "shores", "outskirts", "streets",
    "suburbs", "mayor", "governor", "people", "citizens", "residents", "coast", "island",
    "battle", "siege", "sack", "capture", "liberation", "occupation", "bombing", "invasion",
    "cemetery", "heart", "centre", "center", "environs", "ruins",
]);

/// The text of a segment and its tokens, with helpers for the words around a run.
struct Seg<'a> {
    text: &'a str,
    toks: Vec<Token<'a>>,
    index: usize,
    caps: bool,
    /// Lexicon answers per token, looked up on first use.
    memo: Vec<Memo>,
    /// First tokens of one-word runs listed with people's names.
    listed: Vec<usize>,
    /// First tokens of one-word runs listed with known places.
    listed_places: Vec<usize>,
}

/// The lexicon's answers about one token, filled in as the rules ask.
struct Memo {
    /// `is_word` of the text: 0 not asked, 1 no, 2 yes.
    word: Cell<u8>,
    /// `is_word` of the bare form (without an abbreviation period).
    word_bare: Cell<u8>,
    /// `given_count` of the bare form ([`UNKNOWN`] when not asked).
    given: Cell<u32>,
    /// `given_count` of the text.
    given_text: Cell<u32>,
    /// `place_lookup` of the text: the row, [`NO_PLACE`], or [`UNKNOWN`].
    place: Cell<u32>,
}

/// A memo slot not filled in yet.
const UNKNOWN: u32 = u32::MAX;
/// A memo slot for a word that is no place.
const NO_PLACE: u32 = u32::MAX - 1;

impl Default for Memo {
    fn default() -> Self {
        Self {
            word: Cell::new(0),
            word_bare: Cell::new(0),
            given: Cell::new(UNKNOWN),
            given_text: Cell::new(UNKNOWN),
            place: Cell::new(UNKNOWN),
        }
    }
}

/// A gazetteer answer: row, canonical name, kind, population.
type PlaceRow = (u32, &'static str, PlaceKind, u64);

fn memo_bool(cell: &Cell<u8>, f: impl FnOnce() -> bool) -> bool {
    match cell.get() {
        0 => {
            let v = f();
            cell.set(1 + u8::from(v));
            v
        }
        v => v == 2,
    }
}

fn memo_u32(cell: &Cell<u32>, f: impl FnOnce() -> u32) -> u32 {
    match cell.get() {
        UNKNOWN => {
            // A count of `UNKNOWN` itself is only asked again.
            let v = f();
            cell.set(v);
            v
        }
        v => v,
    }
}

impl<'a> Seg<'a> {
    /// `lex.is_word` of token `i`'s text.
    fn word(&self, lex: &Lexicon, i: usize) -> bool {
        memo_bool(&self.memo[i].word, || lex.is_word(self.toks[i].text))
    }

    /// `lex.is_word` of token `i`'s bare form.
    fn word_bare(&self, lex: &Lexicon, i: usize) -> bool {
        let t = &self.toks[i];
        let bare = t.bare();
        if bare.len() == t.text.len() {
            return self.word(lex, i);
        }
        memo_bool(&self.memo[i].word_bare, || lex.is_word(bare))
    }

    /// `lex.given_count` of token `i`'s bare form.
    fn given(&self, lex: &Lexicon, i: usize) -> u32 {
        let t = &self.toks[i];
        let bare = t.bare();
        if bare.len() == t.text.len() {
            return self.given_text(lex, i);
        }
        memo_u32(&self.memo[i].given, || lex.given_count(bare))
    }

    /// `lex.given_count` of token `i`'s text.
    fn given_text(&self, lex: &Lexicon, i: usize) -> u32 {
        memo_u32(&self.memo[i].given_text, || {
            lex.given_count(self.toks[i].text)
        })
    }

    /// `place_lookup` of token `i`'s text.
    fn place1(&self, lex: &Lexicon, i: usize) -> Option<PlaceRow> {
        let cell = &self.memo[i].place;
        match cell.get() {
            UNKNOWN => {
                let v = place_lookup(lex, self.toks[i].text);
                cell.set(v.map_or(NO_PLACE, |p| p.0));
                v
            }
            NO_PLACE => None,
            index => {
                let p = lex.place_at(index);
                Some((index, p.name, p.kind, p.population))
            }
        }
    }

    /// `not_a_name` of token `i`, unless it is a common given name
    /// ("Gregory", "Hilary" end like abstract nouns).
    fn not_name(&self, lex: &Lexicon, i: usize) -> bool {
        not_a_name(self.toks[i].text) && self.given(lex, i) < 1000
    }

    fn slice(&self, a: usize, b: usize) -> &'a str {
        &self.text[self.toks[a].start..self.toks[b - 1].end]
    }

    /// The words of tokens `[a, b)` joined by single spaces, title-cased in an
    /// all-caps segment; borrowed from the text when it is written that way.
    fn name(&self, a: usize, b: usize) -> Cow<'a, str> {
        let toks = &self.toks[a..b];
        let plain = !self.caps
            && toks
                .windows(2)
                .all(|w| w[1].start == w[0].end + 1 && self.text.as_bytes()[w[0].end] == b' ');
        if plain {
            return Cow::Borrowed(self.slice(a, b));
        }
        let mut out = String::new();
        for t in toks {
            if !out.is_empty() {
                out.push(' ');
            }
            if self.caps && t.is_all_caps() {
                let mut chars = t.text.chars();
                if let Some(c) = chars.next() {
                    out.push(c);
                    out.extend(chars.flat_map(char::to_lowercase));
                }
            } else {
                out.push_str(t.text);
            }
        }
        Cow::Owned(out)
    }

    fn lower(&self, i: usize) -> Option<Lower<'a>> {
        let t = self.toks.get(i)?;
        (t.kind == TokKind::Word).then(|| Lower::of(t.text))
    }

    fn word_before(&self, a: usize) -> Option<Lower<'a>> {
        a.checked_sub(1).and_then(|i| self.lower(i))
    }
}

fn is_caps_segment(text: &str) -> bool {
    // ASCII counts first: a non-ASCII byte may at most add an upper-case
    // letter. (One branch-free pass, which the compiler vectorizes.)
    let (lower, upper) = super::scan::case_counts(text.as_bytes());
    if lower * 3 >= upper {
        return false;
    }
    let (mut upper, mut lower) = (0usize, 0usize);
    for c in text.chars() {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    upper > 8 && upper > lower * 3
}

/// Title-cases an all-caps text word by word, keeping every character's
/// UTF-8 length so byte offsets stay valid for the original.
fn title_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev_letter = false;
    for c in text.chars() {
        let lower = c.to_lowercase();
        if prev_letter && lower.clone().map(char::len_utf8).sum::<usize>() == c.len_utf8() {
            out.extend(lower);
        } else {
            out.push(c);
        }
        prev_letter = c.is_alphabetic() || (prev_letter && matches!(c, '\'' | '\u{2019}'));
    }
    out
}

/// Title-cases runs of two or more all-caps words inside ordinary text
/// ("SEN. GEORGIA MERCER", "ENVOY ON THE HILL"), keeping byte offsets, so
/// that they read as names and headings rather than acronyms. Dotted
/// tokens ("U.S.") and short unknown ones ("NATO") keep their case.
fn unshout(lex: &Lexicon, text: &str) -> Option<String> {
    // Cheap test: two all-caps words in a row ("GEORGIA MERCER", "SEN. X").
    if !super::scan::two_shouted_words(text.as_bytes()) {
        return None;
    }
    let toks = tokenize(text);
    let shouted = |t: &Token<'_>| t.is_all_caps();
    let mut out: Option<String> = None;
    let mut i = 0;
    while i < toks.len() {
        if !shouted(&toks[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < toks.len() && shouted(&toks[i]) {
            i += 1;
            // "SEN. GEORGIA MERCER": an abbreviated title's period.
            let abbreviated = toks.get(i).is_some_and(|t| t.is_punct('.'))
                && super::titles::ABBREVIATIONS.contains(&title_case(toks[i - 1].text))
                && toks.get(i + 1).is_some_and(&shouted);
            if abbreviated {
                i += 1;
            }
        }
        if i - start < 2 {
            continue;
        }
        for t in toks[start..i].iter().filter(|t| t.kind == TokKind::Word) {
            let cased = title_case(t.text);
            let bare = cased.trim_end_matches('.');
            let known = STOP_CAPS_LOWER.contains(bare)
                || TITLES.contains(bare)
                || lex.given_count(bare) >= 200
                || lex.is_word(bare);
            let acronym = t.text.contains('.') && !TITLES.contains(bare)
                || t.text.chars().count() <= 4 && !known;
            if !acronym {
                let buf = out.get_or_insert_with(|| text.to_string());
                buf.replace_range(t.start..t.end, &cased);
            }
        }
    }
    out
}

/// Capitalised function words, for [`unshout`].
#[rustfmt::skip]
static STOP_CAPS_LOWER: WordSet = WordSet::new(&[
    "The", "A", "An", "On", "In", "Of", "At", "To", "For", "And", "Or", "By", "With", "From",
]);

/// A segment's text as the rules read it: photo credits blanked, an
/// all-caps segment or shouted names title-cased (byte offsets kept).
pub struct Prepared<'a> {
    text: Cow<'a, str>,
    caps: bool,
}

/// Prepares one segment's text for [`segment_cands`].
pub fn prepare<'a>(lex: &Lexicon, text: &'a str) -> Prepared<'a> {
    let mut text = match super::credits::mask(text) {
        Some(masked) => Cow::Owned(masked),
        None => Cow::Borrowed(text),
    };
    let caps = is_caps_segment(&text);
    if caps {
        text = Cow::Owned(title_case(&text));
    } else if let Some(shouted) = unshout(lex, &text) {
        text = Cow::Owned(shouted);
    }
    Prepared { text, caps }
}

/// Finds every candidate in one prepared segment.
pub fn segment_cands<'a>(
    lex: &Lexicon,
    index: usize,
    prepared: &'a Prepared<'_>,
    out: &mut Vec<Cand<'a>>,
) {
    let text: &'a str = &prepared.text;
    let caps = prepared.caps;
    // The previous segment's buffers, for their allocations.
    let (spare, mut memo) = SCRATCH.with_borrow_mut(std::mem::take);
    let mut toks = recycle(spare);
    tokenize_into(text, &mut toks);
    memo.clear();
    memo.resize_with(toks.len(), Memo::default);
    let mut seg = Seg {
        text,
        caps,
        toks,
        index,
        memo,
        listed: Vec::new(),
        listed_places: Vec::new(),
    };
    let first = out.len();
    let cited = citations(lex, &seg, out);
    let runs = find_runs(&seg.toks, lex);
    seg.listed = cues::listed_people(lex, &seg, &runs);
    seg.listed_places = cues::listed_places(lex, &seg, &runs);
    let seg = seg;
    for run in runs {
        // The most common run: a capitalised word opening a sentence ("Later").
        if run.end == run.start + 1 {
            let i = run.start;
            let t = &seg.toks[i];
            if t.sent_start
                && !t.is_all_caps()
                && seg.word(lex, i)
                && seg.given_text(lex, i) < 1000
                && !INSTITUTIONS.contains(t.text)
                && seg.place1(lex, i).is_none()
            {
                continue;
            }
        }
        if !cited.iter().any(|&i| run.start <= i && i < run.end) {
            classify(lex, &seg, run, out);
            eponyms::scan(lex, &seg, run, out);
        }
    }
    quoted::join(lex, &seg, out, first);
    aliases::link(lex, &seg, out, first);
    let Seg { toks, memo, .. } = seg;
    SCRATCH.with_borrow_mut(|spare| *spare = (recycle(toks), memo));
}

thread_local! {
    /// Token and memo buffers kept from one segment to the next.
    static SCRATCH: RefCell<(Vec<Token<'static>>, Vec<Memo>)> = RefCell::default();
}

/// Reference-list names, "Surname, Given." or "Surname, Given and ...":
/// the person Given Surname. Returns the token indices used.
fn citations<'a>(lex: &Lexicon, seg: &Seg<'a>, out: &mut Vec<Cand<'a>>) -> Vec<usize> {
    let mut used = Vec::new();
    let t = &seg.toks;
    // A reference-list line: short, the name first.
    let list_line = seg.text.len() < 200;
    for i in 0..t.len().saturating_sub(2) {
        let opens = i == 0 || t[i - 1].text == "and" || t[i - 1].text == "&";
        if !(opens && t[i].is_cap() && t[i + 1].is_punct(',') && t[i + 2].is_cap()) {
            continue;
        }
        let given = &t[i + 2];
        // "Macaulay, Thomas Babington.": a second given name may follow.
        let mut last = i + 2;
        if t.get(i + 3)
            .is_some_and(|n| n.is_cap() && !n.text.ends_with('.'))
        {
            last = i + 3;
        }
        let closes = t
            .get(last + 1)
            .is_none_or(|n| n.is_punct('.') || n.is_punct(';') || n.text == "and");
        let surname = t[i].text;
        // The first name of a list line, or one after "and" that follows
        // another reference ("Quist, Marla and Selby, Hanna.").
        let follows = i >= 2 && used.contains(&(i - 2));
        let surname_ok = (!lex.is_word(surname) && lex.place(surname).is_none())
            || ((i == 0 || follows) && list_line && lex.place(given.bare()).is_none());
        if closes && lex.given_count(given.bare()) >= 200 && surname_ok {
            out.push(Cand {
                kind: EntityKind::Person,
                name: Cow::Owned(format!("{} {surname}", seg.slice(i + 2, last + 1))),
                surface: Cow::Borrowed(seg.slice(i, last + 1)),
                seg: seg.index,
                start: t[i].start,
                end: t[last].end,
                place: None,
                evidence: Evidence::Strong,
                words: 2 + last - (i + 2),
                major: true,
                country: [b' ', b' '],
                small: false,
                word: false,
                same_as: None,
                modifier: false,
                apart: false,
            });
            used.extend(i..=last);
        }
    }
    used
}

fn title_word(lex: &Lexicon, seg: &Seg<'_>, i: usize) -> bool {
    let t = &seg.toks[i];
    let bare = t.bare();
    if !TITLES.contains(bare) {
        return false;
    }
    // "Don", "Dean": given names unless written as an abbreviation.
    bare.len() != t.text.len() || seg.given(lex, i) < 20_000 || bare == "President"
}

/// Strips leading titles; returns the first name token and whether the
/// title phrase ended in "of"/"for" (a place or office follows, not a name).
fn strip_titles(lex: &Lexicon, seg: &Seg<'_>, run: Run) -> (usize, bool) {
    let mut i = run.start;
    let mut seen = false;
    while i + 1 < run.end {
        let t = &seg.toks[i];
        // "St. Louis", "Saint Petersburg": a place, not a saint.
        let saint = matches!(t.bare(), "St" | "Ste" | "Saint");
        if saint && (i + 1..=run.end).any(|k| place_lookup(lex, &seg.name(i, k)).is_some()) {
            break;
        }
        let noble_of = seg.toks[i + 1].text == "of"
            && matches!(
                t.bare(),
                "Earl"
                    | "Duke"
                    | "Count"
                    | "Baron"
                    | "Marquess"
                    | "Marquis"
                    | "Viscount"
                    | "Prince"
            );
        if title_word(lex, seg, i) || noble_of || (seen && TITLE_TAILS.contains(t.bare())) {
            seen = true;
            i += 1;
        } else {
            break;
        }
    }
    let ends_of = i > run.start && matches!(seg.toks[i - 1].text, "of" | "for" | "the");
    (i, ends_of)
}

fn place_lookup(lex: &Lexicon, name: &str) -> Option<(u32, &'static str, PlaceKind, u64)> {
    if name.len() < 2 {
        return None;
    }
    let canon = place_alias(name);
    let (hit, place) = lex.place(canon)?;
    // An alternate name with an organization word ("University of X") is
    // more often the organization than the town.
    if !hit.primary && canon.contains(' ') && canon.split(' ').any(|w| ORG_WORDS.contains(w)) {
        return None;
    }
    Some((hit.index, place.name, place.kind, place.population))
}

/// The name a gazetteer place is shown under: its canonical name, or the
/// ASCII spelling of it that the text used ("Tromso", "Aarhus").
fn shown<'a>(canon: &'static str, written: &Cow<'a, str>) -> Cow<'a, str> {
    if canon != written && super::titles::ascii_spelling_of(written, canon) {
        written.clone()
    } else {
        Cow::Borrowed(canon)
    }
}

fn push<'a>(
    out: &mut Vec<Cand<'a>>,
    seg: &Seg<'a>,
    kind: EntityKind,
    name: impl Into<Cow<'a, str>>,
    title_from: usize,
    a: usize,
    b: usize,
) {
    out.push(Cand {
        kind,
        name: name.into(),
        surface: Cow::Borrowed(seg.slice(title_from, b)),
        seg: seg.index,
        start: seg.toks[a].start,
        end: seg.toks[b - 1].end,
        place: None,
        evidence: Evidence::Strong,
        words: b - a,
        major: false,
        country: [b' ', b' '],
        small: false,
        word: false,
        same_as: None,
        modifier: cues::modifier(seg, b),
        apart: cues::kin_of(seg, title_from) || cues::cast_as(seg, title_from),
    });
}

/// "Obama's wife", "Dickens's novels", "Obama's national security adviser":
/// kin, works and aides belong to people. `j` is the possessive token.
fn possessive_person(seg: &Seg<'_>, j: usize) -> bool {
    if !seg
        .toks
        .get(j)
        .is_some_and(|t| t.kind == TokKind::Possessive)
    {
        return false;
    }
    for k in j + 1..j + 4 {
        let Some(t) = seg.toks.get(k) else {
            return false;
        };
        if t.kind != TokKind::Word || t.is_cap() {
            return false;
        }
        if KIN_AND_WORKS.contains(t.text)
            || matches!(t.text, "adviser" | "advisor" | "advisers" | "advisors")
        {
            return true;
        }
    }
    false
}

/// Cue words around a run that mark a person.
fn person_cue(seg: &Seg<'_>, a: usize, b: usize) -> bool {
    let before = seg.word_before(a);
    if before
        .as_deref()
        .is_some_and(|w| ROLE_NOUNS.contains(w) || matches!(w, "said" | "says" | "asked" | "told"))
    {
        return true;
    }
    let mut j = b;
    if seg
        .toks
        .get(j)
        .is_some_and(|t| t.kind == TokKind::Possessive)
    {
        return possessive_person(seg, j);
    }
    if seg.toks.get(j).is_some_and(|t| t.is_punct(',')) {
        j += 1;
        let w = seg.lower(j);
        let next = seg.lower(j + 1);
        return match w.as_deref() {
            Some("who" | "whose") => true,
            // "the head of NATO, Hoop Scheffer, he has explained"
            Some("he" | "she") => seg.toks.get(b + 2).is_some_and(|t| t.kind == TokKind::Word),
            Some("a" | "an" | "the" | "his" | "her") => {
                next.as_deref().is_some_and(|n| ROLE_NOUNS.contains(n))
            }
            Some(w) => ROLE_NOUNS.contains(w) || w == "said" || w == "says",
            None => false,
        };
    }
    seg.lower(j).is_some_and(|w| SPEECH_VERBS.contains(&w))
        && !seg
            .lower(j + 1)
            .is_some_and(|w| matches!(&*w, "it" | "its"))
}

fn locative_cue(seg: &Seg<'_>, a: usize) -> bool {
    // "the nation's capital, Wellington": an apposition to a place noun.
    if a >= 2
        && seg.toks[a - 1].is_punct(',')
        && seg.lower(a - 2).is_some_and(|n| PLACE_NOUNS.contains(&n))
    {
        return true;
    }
    if let Some(w) = seg.word_before(a) {
        if LOCATIVE.contains(&w) {
            return true;
        }
        if w == "of" {
            return seg
                .lower(a.wrapping_sub(2))
                .is_some_and(|n| PLACE_NOUNS.contains(&n) || MORE_PLACE_NOUNS.contains(&n));
        }
        return w == "the" && a >= 2 && seg.lower(a - 2).is_some_and(|n| LOCATIVE.contains(&n));
    }
    false
}

/// "X, Region" / "X, Country" after the run.
fn comma_place_after(lex: &Lexicon, seg: &Seg<'_>, b: usize) -> bool {
    if !seg.toks.get(b).is_some_and(|t| t.is_punct(',')) {
        return false;
    }
    let Some(t) = seg.toks.get(b + 1) else {
        return false;
    };
    if !capish(t) {
        return false;
    }
    let mut e = b + 2;
    while seg.toks.get(e).is_some_and(capish) && e < b + 4 {
        e += 1;
    }
    (b + 2..=e).rev().any(|k| {
        place_lookup(lex, &seg.name(b + 1, k)).is_some_and(|(_, _, kind, _)| {
            matches!(kind, PlaceKind::Country | PlaceKind::Region)
                // "Levico Terme, Trento, Italy": a town, then its country.
                || kind == PlaceKind::Town
                    && seg.toks.get(k).is_some_and(|t| t.is_punct(','))
                    && seg.toks.get(k + 1).is_some_and(capish)
                    && seg.place1(lex, k + 1).is_some_and(|p| {
                        matches!(p.2, PlaceKind::Country | PlaceKind::Region)
                    })
        })
    })
}

fn is_org(seg: &Seg<'_>, a: usize, b: usize) -> bool {
    let last = seg.toks[b - 1].bare();
    (a..b).any(|i| ORG_WORDS.contains(seg.toks[i].bare()) && (i == b - 1 || i == a || b - a > 2))
        || ORG_WORDS.contains(last)
}

/// Whether a word cannot be (part of) a person's name: CamelCase brands and
/// abstract nouns ("YouTube", "Scientology", "Christianity").
fn not_a_name(word: &str) -> bool {
    if ["-born", "-based", "-led", "-backed", "-era", "-style"]
        .iter()
        .any(|s| word.ends_with(s))
    {
        return true;
    }
    let camel = word.chars().skip(1).any(char::is_uppercase)
        && word.chars().any(char::is_lowercase)
        && !word.contains(['-', '\'', '\u{2019}'])
        && ![
            "Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Fitz",
        ]
        .iter()
        .any(|p| {
            word.strip_prefix(p).is_some_and(|rest| {
                rest.chars().next().is_some_and(char::is_uppercase)
                    && !rest.chars().skip(1).any(char::is_uppercase)
            })
        });
    let abstract_noun = [
        "ity", "ism", "ology", "ness", "ment", "tion", "ship", "ics", "ry",
    ]
    .iter()
    .any(|s| word.len() > s.len() + 3 && word.ends_with(s));
    camel || abstract_noun
}

/// Titles that surely precede a person's name, even a word-like one ("Mr. Trump").
#[rustfmt::skip]
static HONORIFICS: WordSet = WordSet::new(&[
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady", "President", "Senator", "Sen",
    "Rep", "Gov", "Governor", "King", "Queen", "Prince", "Princess", "Pope", "Prof", "Professor",
    "Gen", "General", "Judge", "Mayor", "Chancellor", "Premier", "Minister", "Secretary",
]);

/// Whether the token is a word with a Latin letter ("Zahā" is, "زها" is not).
fn latin_word(t: &Token<'_>) -> bool {
    t.kind == TokKind::Word
        && t.text
            .chars()
            .any(|c| c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c))
}

/// Whether the word is a Roman numeral ("II", "XV").
pub(super) fn is_roman(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

/// First words that open a foreign name of a place or work, not a person.
#[rustfmt::skip]
pub(super) static NON_PERSON_HEADS: WordSet = WordSet::new(&[
    "Les", "Le", "La", "Los", "Las", "El", "Il", "Lo", "Die", "Das", "Der", "Instituto", "Santo",
    "San", "Santa", "São", "Sankt", "Sant", "Piazza", "Via", "Rue", "Place", "Palazzo", "Museo",
    "Musée", "Teatro", "Hôtel", "Hôpital", "École", "Université", "Universidad",
]);

/// Drops leading words before the name proper: capitalised role or
/// dictionary words ahead of a given name or a title ("Mathematician
/// Hermann Weyl", "Shadow Home Secretary Yvette Cooper").
fn skip_lead_words(lex: &Lexicon, seg: &Seg<'_>, a: usize, b: usize) -> usize {
    let saint = matches!(seg.toks[a].bare(), "St" | "Ste" | "Saint");
    if saint && (a + 1..=b.min(a + 4)).any(|k| place_lookup(lex, &seg.name(a, k)).is_some()) {
        return a;
    }
    // "Sen. Marla Quist": a title is stripped as a title, not skipped.
    if title_word(lex, seg, a) {
        return a;
    }
    // "(Council on American-)Islamic Relations Alia Salem said": an
    // organization's last word, then a person named in full.
    if let Some(k) = (b.saturating_sub(3).max(a + 1)..b - 1).find(|&k| {
        org_tail(lex, seg, k - 1)
            && seg.given(lex, k) >= 1000
            && !seg.word_bare(lex, k)
            && (k + 1..b).all(|i| !ORG_WORDS.contains(seg.toks[i].bare()))
    }) {
        return k;
    }
    for k in a + 1..b {
        let t = &seg.toks[k];
        let before_ok = (a..k).all(|i| {
            let w = seg.toks[i].bare();
            w != "of"
                && ((seg.word_bare(lex, i)
                    && !DIRECTIONS.contains(w)
                    && seg.given(lex, i) < 20_000)
                    || TITLES.contains(w)
                    || TITLE_TAILS.contains(w))
        });
        if !before_ok {
            return a;
        }
        if title_word(lex, seg, k) && k + 1 < b {
            return k;
        }
        if seg.given(lex, k) >= 200
            && !seg.word_bare(lex, k)
            && !lex.is_demonym(t.text)
            && k + 1 < b
        {
            return k;
        }
    }
    a
}

fn set_place(out: &mut [Cand<'_>], index: Option<u32>) {
    if let Some(last) = out.last_mut() {
        last.place = index;
    }
}

fn set_country(out: &mut [Cand<'_>], lex: &Lexicon, index: u32) {
    if let Some(last) = out.last_mut() {
        last.country = lex.place_at(index).country;
    }
}

fn set_major(out: &mut [Cand<'_>], major: bool) {
    if let Some(last) = out.last_mut() {
        last.major = major;
    }
}

fn set_weak(out: &mut [Cand<'_>]) {
    if let Some(last) = out.last_mut() {
        last.evidence = Evidence::Weak;
    }
}

fn set_word(out: &mut [Cand<'_>], word: bool) {
    if let Some(last) = out.last_mut() {
        last.word = word;
    }
}

fn classify<'a>(lex: &Lexicon, seg: &Seg<'a>, run: Run, out: &mut Vec<Cand<'a>>) {
    // "back on Earth": the planet is a place, though "earth" is a word.
    if run.end == run.start + 1 && seg.toks[run.start].text == "Earth" && !seg.caps {
        push(
            out,
            seg,
            EntityKind::Place,
            "Earth",
            run.start,
            run.start,
            run.end,
        );
        return;
    }
    // "(Latin: Eusebius Sophronius Hieronymus; ...)": a name in another
    // language, a form of something named in English nearby.
    let mut k = run.start;
    while k > 0
        && k + 4 > run.start
        && seg.toks[k - 1].kind == TokKind::Word
        && !latin_word(&seg.toks[k - 1])
    {
        k -= 1;
    }
    if k >= 2 && seg.toks[k - 1].is_punct(':') && lex.is_demonym(seg.toks[k - 2].text) {
        return;
    }
    // "the TV series Supernatural": a title names neither person nor place.
    if places::work_title(seg, run.start) || places::owned_title(seg, run.start, run.end) {
        return;
    }
    // "the Russian Foreign Ministry", "the Defence Ministry": department
    // words (which are also parts of titles) before an organization word.
    let (first, last) = (run.start, run.end - 1);
    if last > first
        && ORG_WORDS.contains(seg.toks[last].text)
        && (first..last).all(|i| lex.is_demonym(seg.toks[i].text) || title_word(lex, seg, i))
        && (first..last).any(|i| title_word(lex, seg, i))
    {
        push(
            out,
            seg,
            EntityKind::Organization,
            seg.name(first, run.end),
            first,
            first,
            run.end,
        );
        return;
    }
    // A leading nationality word is not part of the name ("Russian President
    // Vladimir Putin"), unless the whole run is a place ("Saudi Arabia").
    let mut run = run;
    if place_lookup(lex, &seg.name(run.start, run.end)).is_none() {
        while run.start < run.end {
            let one = lex.is_demonym(seg.toks[run.start].text);
            let two = run.start + 1 < run.end
                && (lex.is_demonym(&seg.name(run.start, run.start + 2))
                    || DIRECTIONS.contains(seg.toks[run.start].text)
                        && lex.is_demonym(seg.toks[run.start + 1].text));
            // "Christian Democratic Union", "European Court of Human Rights":
            // the adjective belongs to an organization's name.
            let skip = if two { 2 } else { 1 };
            let org_next = seg
                .toks
                .get(run.start + skip)
                .is_some_and(|t| run.start + skip < run.end && ORG_WORDS.contains(t.text));
            if (one || two) && org_next {
                break;
            }
            if two {
                run.start += 2;
            } else if one {
                run.start += 1;
            } else {
                break;
            }
        }
        if run.start >= run.end || seg.toks[run.start].text == "of" {
            return;
        }
    }
    // Runs made only of title words ("President", "Prime Minister").
    if (run.start..run.end)
        .all(|i| title_word(lex, seg, i) || TITLE_TAILS.contains(seg.toks[i].bare()))
    {
        return;
    }
    let lead = skip_lead_words(lex, seg, run.start, run.end);
    let (a, ends_of) = strip_titles(
        lex,
        seg,
        Run {
            start: lead,
            end: run.end,
        },
    );
    let title_from = if lead > run.start && a == lead {
        lead
    } else {
        run.start
    };
    let mut b = run.end;
    let titled = a > lead && !ends_of;
    let mut a = a;
    // "US$ 20,000" is money.
    if seg.toks.get(b).is_some_and(|t| t.is_punct('$')) {
        return;
    }
    // "Exercise Northern Lantern", "Operation Desert Storm": neither.
    if OPERATION_HEADS.contains(seg.toks[a].bare()) && a + 1 < b {
        return;
    }
    // "Members of the Senate Armed Services Committee": the part after "of".
    if !titled
        && seg.toks[a].sent_start
        && a + 2 < b
        && seg.toks[a + 1].text == "of"
        && seg.word(lex, a)
        && !ORG_WORDS.contains(seg.toks[a].text)
        && !PLACE_HEADS.contains(seg.toks[a].text)
        && !PLACE_TAILS.contains(seg.toks[a].text)
        && !DIRECTIONS.contains(seg.toks[a].text)
    {
        let mut k = a + 2;
        if seg.toks[k].text == "the" && k + 1 < b {
            k += 1;
        }
        classify(lex, seg, Run { start: k, end: b }, out);
        return;
    }
    // A sentence-initial dictionary word is not part of a name ("Following Mr. X").
    let first = &seg.toks[a];
    if !titled
        && first.sent_start
        && a + 1 < b
        && seg.word(lex, a)
        && seg.given_text(lex, a) < 2000
        && lex.place(&seg.name(a, b)).is_none()
        && !is_org(seg, a, b)
        && !DIRECTIONS.contains(first.text)
    {
        a += 1;
        while a + 1 < b && matches!(seg.toks[a].text, "of" | "the") {
            a += 1;
        }
    }
    // In an all-caps headline, case cannot end a name: stop at the first plain word.
    if seg.caps
        && let Some(k) = (a + 1..b).find(|&k| {
            let w = seg.toks[k].text;
            seg.word(lex, k) && seg.given_text(lex, k) < 1000 && !matches!(w, "of" | "the")
        })
    {
        b = k;
    }
    // Post-nominal letters ("Daniel Bernoulli FRS").
    while b > a + 1 && POST_NOMINALS.contains(seg.toks[b - 1].text) {
        b -= 1;
    }
    // A regnal number the run left out as a pronoun ("Tsar Aleksei I, ...").
    if titled
        && b == run.end
        && seg.toks.get(b).is_some_and(|t| t.text == "I")
        && seg
            .toks
            .get(b + 1)
            .is_none_or(|t| t.kind == TokKind::Punct && !t.is_punct('\''))
    {
        b += 1;
    }
    let name = seg.name(a, b);
    let words = b - a;
    // "Gerald and Sherri Padalecki": a given name sharing the next one's surname.
    if words == 1
        && let Some(k) = shared_surname(lex, seg, a)
    {
        let full = Cow::Owned(format!("{} {}", name, seg.toks[k].text));
        push(out, seg, EntityKind::Person, full, title_from, a, b);
        return;
    }
    // "The Kremlin said": a seat of government stands for the government.
    if INSTITUTIONS.contains(&name) && !titled {
        push(out, seg, EntityKind::Organization, name, title_from, a, b);
        return;
    }
    // "Sen. Georgia Mercer, Oregon Democrat": the place only.
    if !titled && words >= 2 && PARTY_MEMBERS.contains(seg.toks[b - 1].text) {
        nested_places(lex, seg, a, b - 1, out);
        return;
    }
    // "a Western military alliance": a compass adjective, not a region.
    if words == 1 && DIRECTIONS.contains(&name) && cues::modifier(seg, b) {
        return;
    }
    let gazetteer = place_lookup(lex, &name);

    // Countries and regions named in full win over organization words ("United States").
    if let Some((index, canon, kind, _)) = gazetteer
        && words >= 2
        && matches!(
            kind,
            PlaceKind::Country | PlaceKind::Continent | PlaceKind::Region
        )
        && !titled
    {
        push(
            out,
            seg,
            EntityKind::Place,
            shown(canon, &name),
            title_from,
            a,
            b,
        );
        set_place(out, Some(index));
        return;
    }
    // "Eastern Europe", "Southern California": a direction and a place.
    let dirs = (a..b)
        .take_while(|&i| DIRECTIONS.contains(seg.toks[i].text))
        .count();
    if words > dirs
        && dirs > 0
        && gazetteer.is_none()
        && let Some((index, _, _, _)) = place_lookup(lex, &seg.name(a + dirs, b))
    {
        push(out, seg, EntityKind::Place, name, title_from, a, b);
        set_place(out, Some(index));
        return;
    }

    // "Battle of Chudnov", "Siege of Savannah", "City of Pokrovsk": the place.
    if !titled
        && a + 2 < b
        && seg.toks[a + 1].text == "of"
        && gazetteer.is_none()
        && seg
            .lower(a)
            .is_some_and(|w| PLACE_NOUNS.contains(&w) || MORE_PLACE_NOUNS.contains(&w))
    {
        let k = a + 2;
        let rest = seg.name(k, b);
        if let Some((index, canon, _, _)) = place_lookup(lex, &rest) {
            push(out, seg, EntityKind::Place, shown(canon, &rest), k, k, b);
            set_place(out, Some(index));
        } else if k + 1 == b && seg.given(lex, k) < 300 {
            push(out, seg, EntityKind::Place, rest, k, k, b);
        } else {
            classify(lex, seg, Run { start: k, end: b }, out);
        }
        return;
    }
    // "Hilary of Poitiers", "Theodorus of Tabennese": one name, then where
    // the person came from, both part of the name.
    if b == a + 3 && gazetteer.is_none() && named_for_origin(lex, seg, a) {
        push(out, seg, EntityKind::Person, name, title_from, a, b);
        let k = a + 2;
        let place = seg.place1(lex, k);
        push(
            out,
            seg,
            EntityKind::Place,
            place.map_or(seg.name(k, b), |p| Cow::Borrowed(p.1)),
            k,
            k,
            b,
        );
        set_place(out, place.map(|p| p.0));
        return;
    }
    // "Claudia Mo of the Civic Party", "Alexander Gordon of Auchintoul": a
    // full name, then what it is "of".
    if let Some(of) = (a + 2..b).find(|&i| seg.toks[i].text == "of")
        && gazetteer.is_none()
        && person_like(lex, seg, a, of, titled)
    {
        push(
            out,
            seg,
            EntityKind::Person,
            seg.name(a, of),
            title_from,
            a,
            of,
        );
        let mut k = of + 1;
        if seg.toks.get(k).is_some_and(|t| t.text == "the") {
            k += 1;
        }
        if k + 1 == b
            && !seg.word(lex, k)
            && seg.given(lex, k) < 300
            && seg.place1(lex, k).is_none()
            && !seg.toks[k].is_all_caps()
        {
            // "of Auchintoul": an estate or birthplace.
            push(out, seg, EntityKind::Place, seg.name(k, b), k, k, b);
        } else if k < b {
            classify(lex, seg, Run { start: k, end: b }, out);
        }
        return;
    }
    // Facilities and features ("Ross Sea", "Carnegie Hall", "Mount Everest").
    let head = seg.toks[a].bare();
    let tail = seg.toks[b - 1].bare();
    let named_person =
        words >= 3 && seg.given(lex, a) >= 200 && !seg.word_bare(lex, a) && person_cue(seg, a, b);
    // "the Greek Orthodox Church": a denomination, not a building.
    let denomination = tail == "Church" && (a..b - 1).all(|i| seg.word(lex, i));
    if !titled
        && !named_person
        && !denomination
        && words >= 2
        && (PLACE_TAILS.contains(tail) || PLACE_HEADS.contains(head))
    {
        push(
            out,
            seg,
            EntityKind::Place,
            gazetteer.map_or(name, |p| Cow::Borrowed(p.1)),
            title_from,
            a,
            b,
        );
        set_place(out, gazetteer.map(|p| p.0));
        if gazetteer.is_none() {
            nested_places(lex, seg, a, b - 1, out);
        }
        return;
    }
    // Organizations, with the places nested in them ("University of Chicago").
    let acronym = words == 1 && seg.toks[a].is_all_caps() && !seg.caps && gazetteer.is_none();
    if !titled && !surname_org_word(lex, seg, a, b) && (is_org(seg, a, b) || acronym) {
        if words == 1 && !seg.toks[a].is_all_caps() {
            return;
        }
        push(out, seg, EntityKind::Organization, name, title_from, a, b);
        nested_places(lex, seg, a, b, out);
        // "Jennifer Lopez News", "the Walt Disney Company": a person's full
        // name opens it.
        if words >= 3
            && seg.given(lex, a) >= 1000
            && !seg.word(lex, a)
            && lex.is_surname(seg.toks[a + 1].bare())
            && seg.given(lex, a + 1) < 1000
            && ORG_WORDS.contains(seg.toks[a + 2].bare())
            && !eponyms::is_head(seg.toks[a + 2].bare())
        {
            push(
                out,
                seg,
                EntityKind::Person,
                seg.name(a, a + 2),
                a,
                a,
                a + 2,
            );
        }
        return;
    }
    // The gazetteer.
    if let Some((index, canon, kind, pop)) = gazetteer {
        // "written in German": a nationality word is no place.
        if words == 1 && lex.is_demonym(&name) && !titled {
            return;
        }
        let given = seg.given(lex, a);
        let wordy = words == 1 && lex.is_word(&name);
        let major = matches!(kind, PlaceKind::Country | PlaceKind::Continent)
            || (kind == PlaceKind::Region && pop > 1_000_000);
        // "talks in Geneva, Deputy Minister X said": the preposition wins over
        // the apposition; "France said": a country speaks through its
        // government unless the name is also a very common given name.
        let speech = seg.lower(b).is_some_and(|w| SPEECH_VERBS.contains(&w));
        // A country or large region speaks and is spoken of through its
        // government: only a title makes it a person, unless the name is
        // also a very common given name ("Jordan said").
        let country_like = major && given < 100_000;
        let cue_person = titled
            || (!locative_cue(seg, a)
                && !country_like
                && (person_cue(seg, a, b) || cues::person(lex, seg, a, b)))
            || (speech && !country_like && !locative_cue(seg, a));
        let ambiguous = given >= 300 || wordy;
        let locative = ends_of
            || locative_cue(seg, a)
            || comma_place_after(lex, seg, b)
            || after_place_comma(lex, seg, a, b);
        let small = kind == PlaceKind::Town && pop < 200_000 && !locative;
        // "Obama's national security adviser": a person named like a town.
        if small && !major && possessive_person(seg, b) {
            push(out, seg, EntityKind::Person, name, title_from, a, b);
            return;
        }
        // "a Western military alliance": a word used as an adjective.
        let adjectival = wordy && matches!(seg.word_before(a).as_deref(), Some("a" | "an"));
        let accept = if ambiguous {
            !cue_person
                && !adjectival
                && (major && !(wordy && seg.toks[a].sent_start && pop < 5_000_000)
                    || pop > 2_000_000 && !wordy
                    || pop > 1_000_000 && !wordy && given < 100_000
                    || locative)
        } else {
            // "the Obama administration": a person named like a small town.
            !(titled || small && cues::person(lex, seg, a, b))
        };
        if accept {
            push(
                out,
                seg,
                EntityKind::Place,
                shown(canon, &name),
                title_from,
                a,
                b,
            );
            set_place(out, Some(index));
            set_major(out, major);
            set_country(out, lex, index);
            if small {
                set_weak(out);
                if let Some(last) = out.last_mut() {
                    last.small = true;
                }
            }
            return;
        }
        if !cue_person {
            // A weak place: kept if named surely elsewhere, or it may still
            // resolve to a person named in full.
            push(
                out,
                seg,
                EntityKind::Place,
                shown(canon, &name),
                title_from,
                a,
                b,
            );
            set_place(out, Some(index));
            set_weak(out);
            set_major(out, major && given < 300);
            set_country(out, lex, index);
            set_word(out, wordy);
            return;
        }
    }
    // People.
    if words == 0 {
        return;
    }
    // "at the Folies Bergère", "The Galileo and Ulysses spacecraft": a name
    // after an article is a thing's, not a person's.
    let thing = !titled
        && cues::article_before(seg, run.start)
        && !cues::modifier(seg, b)
        && !cues::person(lex, seg, a, b);
    if thing
        && (a..b).all(|i| !seg.word_bare(lex, i))
        && seg.given(lex, a) < 200
        && cues::at_the(seg, run.start)
        && !is_org(seg, a, b)
        && !seg.caps
    {
        push(out, seg, EntityKind::Place, name, title_from, a, b);
        return;
    }
    // "M.Sc.", "Ph.D.": a degree.
    if is_degree(seg.slice(a, b)) {
        return;
    }
    // "L. D.": initials alone name no one we can follow.
    if (a..b).all(|i| {
        let t = seg.toks[i].text;
        t.ends_with('.') && t.len() <= 4
    }) {
        return;
    }
    // "General Systems Research": a rank word opening an organization's name.
    let courtesy = (lead..a).any(|i| {
        matches!(
            seg.toks[i].bare(),
            "Mr" | "Mrs" | "Ms" | "Miss" | "Dr" | "Sir" | "Dame" | "Lord" | "Lady"
        )
    });
    if titled && !courtesy && words >= 2 && ORG_WORDS.contains(seg.toks[b - 1].bare()) {
        push(
            out,
            seg,
            EntityKind::Organization,
            seg.name(title_from, b),
            title_from,
            title_from,
            b,
        );
        return;
    }
    // "at Valley Forge": a feature word, then its name, after a locative.
    if words == 2
        && PLACE_TAILS.contains(seg.toks[a].text)
        && !PLACE_TAILS.contains(seg.toks[a + 1].text)
        && !ORG_WORDS.contains(seg.toks[a + 1].text)
        && a == title_from
        && locative_cue(seg, a)
    {
        push(out, seg, EntityKind::Place, name, title_from, a, b);
        return;
    }
    // "Microsoft said it", "a spokesman for Pfizer": an organization.
    if !titled && org_cue(lex, seg, a, b) {
        push(out, seg, EntityKind::Organization, name, title_from, a, b);
        return;
    }
    // "Carlo De Benedetti of Italy": a full name, then what it is "of".
    if let Some(of) = (a + 2..b).find(|&i| seg.toks[i].text == "of") {
        let before_given = seg.given(lex, a) >= 200 || titled;
        if before_given && !thing && !is_org(seg, a, of) {
            push(
                out,
                seg,
                EntityKind::Person,
                seg.name(a, of),
                title_from,
                a,
                of,
            );
            let mut k = of + 1;
            if seg.toks.get(k).is_some_and(|t| t.text == "the") {
                k += 1;
            }
            if k < b {
                classify(lex, seg, Run { start: k, end: b }, out);
            }
            return;
        }
    }
    // "Microsoft says", "the Wikimedia Foundation": a brand's name.
    if (a..b).any(|i| brand_like(seg.toks[i].text) && seg.given(lex, i) < 1000) {
        push(out, seg, EntityKind::Organization, name, title_from, a, b);
        return;
    }
    if (a..b).any(|i| seg.not_name(lex, i)) {
        nested_places(lex, seg, a, b, out);
        return;
    }
    // "a paper by AS Heagle": initials written as capitals, then a surname.
    if b == a + 2 && initials_then_surname(lex, seg, a) {
        push(out, seg, EntityKind::Person, name, title_from, a, b);
        return;
    }
    // Acronyms, foreign articles and saints' places are not people's names.
    let acronym_inside = !seg.caps
        && (a..b).any(|i| {
            seg.toks[i].is_all_caps()
                && !is_roman(seg.toks[i].text)
                && !seg.toks[i].text.contains('.')
        });
    if acronym_inside || NON_PERSON_HEADS.contains(seg.toks[a].text) {
        if acronym_inside {
            push(out, seg, EntityKind::Organization, name, title_from, a, b);
        }
        nested_places(lex, seg, a, b, out);
        return;
    }
    // "Best Foreign Actress": a modifier, not an honorific, before plain words.
    let honorific = (lead..a).any(|i| HONORIFICS.contains(seg.toks[i].bare()));
    if titled && !honorific && (a..b).all(|i| seg.word(lex, i) && seg.given(lex, i) < 1000) {
        return;
    }
    let first_given = seg.given(lex, a);
    let initial = seg.toks[a].text.len() <= 3
        && seg.toks[a].text.ends_with('.')
        && !super::titles::ABBREVIATIONS.contains(seg.toks[a].bare());
    let all_unknown = (a..b).all(|i| !seg.word(lex, i));
    let cue = titled
        || person_cue(seg, a, b)
        || cues::person(lex, seg, a, b)
        || (b == a + 1 && seg.listed.contains(&a));
    // "Madame Tussauds New York": a name that ends in a big city's name of
    // two words or more is a branch of something, not a person.
    let city_tail = words >= 3
        && (a + 1..b - 1)
            .any(|k| place_lookup(lex, &seg.name(k, b)).is_some_and(|p| p.3 >= 500_000));
    if city_tail {
        let whole = seg.name(title_from, b);
        push(
            out,
            seg,
            EntityKind::Organization,
            whole,
            title_from,
            title_from,
            b,
        );
        nested_places(lex, seg, a, b, out);
        return;
    }
    if words >= 2 {
        // "Boston Red Sox", "Gilmore Girls": a place or a plural noun is not a name.
        let last = seg.toks[b - 1].text;
        let plural_word = last.len() > 3
            && last.ends_with('s')
            && (lex.is_word(&last[..last.len() - 1]) || lex.is_demonym(last));
        // A team: a city, then a plural or a dictionary word ("Houston
        // Astros", "Boston Red Sox", "Tampa Bay Rays").
        let team_tail =
            plural_word || (last.ends_with('s') && !lex.is_surname(last)) || last == "Sox";
        let place_first = !DIRECTIONS.contains(seg.toks[a].text)
            && (a + 1..b).any(|k| {
                place_lookup(lex, &seg.name(a, k)).is_some_and(|p| p.3 >= 100_000)
                    && (first_given < 5_000 || team_tail)
            });
        let plural = plural_word && first_given < 5_000;
        if !cue && !initial && (place_first || plural) {
            push(out, seg, EntityKind::Organization, name, title_from, a, b);
            nested_places(lex, seg, a, b, out);
            return;
        }
        // "in Levico Terme, Trento": an address names a place.
        if !cue && first_given < 1000 && unknown_place_cue(lex, seg, a, b) == PlaceCue::Sure {
            push(out, seg, EntityKind::Place, name, title_from, a, b);
            return;
        }
        if thing {
            nested_places(lex, seg, a, b, out);
            return;
        }
        let given_first = first_given >= 200
            && (!seg.word(lex, a) || !seg.word(lex, a + 1) || first_given >= 20_000);
        if cue || initial || given_first || (words == 2 && hyphenated_given(last)) {
            push(out, seg, EntityKind::Person, name, title_from, a, b);
            set_major(out, first_given >= 200);
            of_place(lex, seg, a, b, out);
            return;
        }
        // "Romelu Lukaku, Yannick Carrasco, and Dries Mertens": one of a
        // list of people.
        let listed = words <= 3
            && (!seg.word(lex, b - 1) || first_given >= 1000)
            && out.last().is_some_and(|c| {
                c.kind == EntityKind::Person && c.words >= 2 && listed_after(seg, c, a)
            });
        let surname_last = lex.is_surname(seg.toks[b - 1].text) && first_given >= 50 || listed;
        if surname_last || all_unknown && lex.is_surname(seg.toks[b - 1].text) {
            push(out, seg, EntityKind::Person, name, title_from, a, b);
            return;
        }
        // No name data at all; a title of a work in Latin or French
        // ("Mécanique Analytique", "Principia Mathematica") is not a name.
        let foreign_title = (a..b).any(|i| {
            let w = seg.toks[i].text;
            [
                "ique", "iae", "alis", "ica", "oise", "aise", "ienne", "orum", "ibus",
            ]
            .iter()
            .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
        });
        if all_unknown && !seg.caps && !foreign_title {
            push(out, seg, EntityKind::Person, name, title_from, a, b);
            return;
        }
        nested_places(lex, seg, a, b, out);
        return;
    }
    // One word.
    // "in Alpine, Arizona": even a dictionary word names a place there.
    if locative_cue(seg, a) && comma_place_after(lex, seg, b) && !seg.toks[a].is_all_caps() {
        push(out, seg, EntityKind::Place, name, title_from, a, b);
        return;
    }
    let adjective = ["ian", "ean", "ese", "ic", "ish"]
        .iter()
        .any(|e| name.ends_with(e))
        || lex.is_demonym(&name);
    if ((lex.is_word(&name) || adjective) && first_given < 1000 || lex.is_demonym(&name)) && !titled
        || DIRECTIONS.contains(&name)
    {
        return;
    }
    // "Earl of Snowdon", "Bishop of Hippo": a title's domain is a place.
    if ends_of && first_given < 300 && !seg.toks[a].is_all_caps() {
        push(out, seg, EntityKind::Place, name, a, a, b);
        return;
    }
    if cue && !thing && !animals::in_pet_list(seg, a) {
        push(out, seg, EntityKind::Person, name, title_from, a, b);
        return;
    }
    // "the schools of Cruden and Ellon", "Dalmatia and Pannonia": listed
    // with places, known or just found.
    let after_place = out
        .last()
        .is_some_and(|c| c.kind == EntityKind::Place && listed_after(seg, c, a));
    // The list ends with it ("..., and Witkoff said" is a new clause).
    let list_end = seg
        .toks
        .get(b)
        .is_none_or(|t| t.kind == TokKind::Punct || matches!(t.text, "and" | "or"));
    let unknown = !seg.word_bare(lex, a) && first_given < 200 && !lex.is_demonym(&name);
    if (seg.listed_places.contains(&a) || after_place && unknown) && list_end && !titled {
        push(out, seg, EntityKind::Place, name, title_from, a, b);
        return;
    }
    match unknown_place_cue(lex, seg, a, b) {
        PlaceCue::Sure if first_given < 300 || after_place_comma(lex, seg, a, b) => {
            push(out, seg, EntityKind::Place, name, title_from, a, b);
            return;
        }
        PlaceCue::Loose if first_given < 300 => {
            push(out, seg, EntityKind::Place, name, title_from, a, b);
            set_weak(out);
            return;
        }
        _ => {}
    }
    if thing {
        return;
    }
    let dictionary = lex.is_word(&name);
    let surname = !dictionary && slavic_surname(&name);
    push(out, seg, EntityKind::Person, name, title_from, a, b);
    set_weak(out);
    set_major(out, first_given >= 300 && !dictionary || surname);
    set_word(out, dictionary);
}

/// Whether token `a` follows candidate `c` in the same list: only ",",
/// "and", "or" or "&" lie between them.
fn listed_after(seg: &Seg<'_>, c: &Cand<'_>, a: usize) -> bool {
    let mut between = seg.toks[..a]
        .iter()
        .rev()
        .take_while(|t| t.end > c.end)
        .peekable();
    c.seg == seg.index
        && between.peek().is_some()
        && between.all(|t| t.is_punct(',') || matches!(t.text, "and" | "or" | "&"))
}

/// "Aldric of Vellmark": the unknown place a person is "of", named at the end.
fn of_place<'a>(lex: &Lexicon, seg: &Seg<'a>, a: usize, b: usize, out: &mut Vec<Cand<'a>>) {
    let k = b - 1;
    if k >= a + 2
        && seg.toks[k - 1].text == "of"
        && !seg.word(lex, k)
        && seg.given(lex, k) < 300
        && seg.place1(lex, k).is_none()
        && !seg.toks[k].is_all_caps()
        && !not_a_name(seg.toks[k].text)
    {
        push(out, seg, EntityKind::Place, seg.name(k, b), k, k, b);
    }
}

/// Whether tokens `[a, b)` (two words or more) read as a person's name: a
/// title before them, or a given name first and no organization or place
/// word inside.
fn person_like(lex: &Lexicon, seg: &Seg<'_>, a: usize, b: usize, titled: bool) -> bool {
    if b < a + 2 || (a..b).any(|i| seg.toks[i].text == "of") {
        return false;
    }
    let given = seg.given(lex, a);
    let plain = (a..b).all(|i| {
        let w = seg.toks[i].bare();
        !ORG_WORDS.contains(w)
            && !PLACE_TAILS.contains(w)
            && !PLACE_HEADS.contains(w)
            && !seg.toks[i].is_all_caps()
            && !seg.not_name(lex, i)
    });
    // "Boston Red Sox of Major League Baseball": a team, not a name.
    let last = seg.toks[b - 1].text;
    let team = (last.ends_with('s') && !lex.is_surname(last) || last == "Sox")
        && seg.place1(lex, a).is_some_and(|p| p.3 >= 100_000);
    plain
        && !team
        && (titled
            || (given >= 200 && (!seg.word(lex, a) || given >= 20_000))
            || hyphenated_given(seg.toks[b - 1].text))
}

/// A Chinese or Korean given name written with a hyphen ("Kwok-hung",
/// "Jong-un", "Chi-wai").
fn hyphenated_given(word: &str) -> bool {
    let Some((head, tail)) = word.split_once('-') else {
        return false;
    };
    let short = |s: &str| (2..=5).contains(&s.chars().count());
    short(head)
        && short(tail)
        && head.chars().next().is_some_and(char::is_uppercase)
        && head.chars().skip(1).all(char::is_lowercase)
        && tail.chars().all(char::is_lowercase)
}

/// Lower-case nouns for the people of an organization, before "for", "at"
/// or "of" and its name ("a spokesman for X", "analysts at X").
#[rustfmt::skip]
static STAFF_NOUNS: WordSet = WordSet::new(&[
    "spokesman", "spokeswoman", "spokesperson", "analyst", "analysts", "executive", "executives",
    "employees", "workers", "staff", "engineers", "researchers", "shares", "shareholders",
    "officials", "lawyers", "board", "subsidiary", "unit", "division", "rival", "rivals",
]);

/// Context that makes a run an organization: "X said it / its", "a
/// spokesman for X", "shares of X", "X, its rival,".
fn org_cue(lex: &Lexicon, seg: &Seg<'_>, a: usize, b: usize) -> bool {
    let speaks_as_it = seg.lower(b).is_some_and(|w| SPEECH_VERBS.contains(&w))
        && seg
            .lower(b + 1)
            .is_some_and(|w| matches!(&*w, "it" | "its"));
    let staff = a >= 2
        && seg
            .word_before(a)
            .is_some_and(|w| matches!(&*w, "for" | "at" | "of"))
        && seg.lower(a - 2).is_some_and(|w| STAFF_NOUNS.contains(&w));
    // "Acme Browser, its main rival,": an apposition that calls it "its",
    // unless it names a post ("Jon Smith, its chief executive,").
    let its = seg.toks.get(b).is_some_and(|t| t.is_punct(','))
        && seg.lower(b + 1).as_deref() == Some("its")
        && seg.given(lex, a) < 200
        && !(b + 2..b + 4).any(|k| seg.lower(k).is_some_and(|w| ROLE_NOUNS.contains(&w)));
    speaks_as_it || staff || its
}

/// "in Exeter, Devon." / "Oldham, Lancashire, England": a run right after
/// "Place," that ends at punctuation is the next part of an address.
fn after_place_comma(lex: &Lexicon, seg: &Seg<'_>, a: usize, b: usize) -> bool {
    if a < 2 || !seg.toks[a - 1].is_punct(',') {
        return false;
    }
    let ends = seg
        .toks
        .get(b)
        .is_none_or(|t| t.kind == TokKind::Punct && !t.is_punct('-'));
    if !ends {
        return false;
    }
    let mut k = a - 1;
    while k > 0 && capish(&seg.toks[k - 1]) && k + 4 > a {
        k -= 1;
    }
    if k == a - 1 {
        return false;
    }
    let named = (k..a - 1).any(|s| place_lookup(lex, &seg.name(s, a - 1)).is_some())
        || PLACE_HEADS.contains(seg.toks[k].text)
        || PLACE_TAILS.contains(seg.toks[a - 2].text);
    named && (locative_cue(seg, k) || after_place_comma(lex, seg, k, a - 1))
}

/// How sure a place cue for a name the gazetteer lacks is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PlaceCue {
    /// No cue.
    None,
    /// "in X": many other things are "in".
    Loose,
    /// "near X", "the village of X", "X, Region", "in Y, X.".
    Sure,
}

/// "the city of X", "in X", "X, Region": a place the gazetteer lacks.
fn unknown_place_cue(lex: &Lexicon, seg: &Seg<'_>, a: usize, b: usize) -> PlaceCue {
    if seg
        .toks
        .get(b)
        .is_some_and(|t| t.kind == TokKind::Possessive)
        || seg.toks[a].is_all_caps()
    {
        return PlaceCue::None;
    }
    let before = seg.word_before(a);
    let city_of = before.as_deref() == Some("of")
        && seg
            .lower(a.wrapping_sub(2))
            .is_some_and(|n| PLACE_NOUNS.contains(&n) || MORE_PLACE_NOUNS.contains(&n));
    let born = matches!(before.as_deref(), Some("in" | "at"))
        && seg.lower(a.wrapping_sub(2)).as_deref() == Some("born");
    if city_of
        || born
        || comma_place_after(lex, seg, b)
        || after_place_comma(lex, seg, a, b)
        || matches!(before.as_deref(), Some("near" | "outside"))
        || places::sure_cue(seg, a)
    {
        PlaceCue::Sure
    } else if before.as_deref() == Some("in") {
        PlaceCue::Loose
    } else {
        PlaceCue::None
    }
}

/// Places inside an organization or an unclassified run: the longest
/// unambiguous gazetteer names.
fn nested_places<'a>(lex: &Lexicon, seg: &Seg<'a>, a: usize, b: usize, out: &mut Vec<Cand<'a>>) {
    let mut i = a;
    while i < b {
        let mut found = None;
        for j in (i + 1..=b.min(i + 4)).rev() {
            let name = seg.name(i, j);
            if let Some((index, canon, kind, pop)) = place_lookup(lex, &name) {
                let given = if j == i + 1 {
                    seg.given_text(lex, i)
                } else {
                    0
                };
                // A lone surname-like word ("Lopez", "Carnegie") inside a
                // name is the person it honours more often than a town.
                let honours = seg
                    .toks
                    .get(j)
                    .is_some_and(|t| NAMED_AFTER.contains(t.text));
                let wordy = j == i + 1
                    && (lex.is_word(&name) || honours && lex.is_surname(&name) && pop < 500_000);
                let major = matches!(
                    kind,
                    PlaceKind::Country | PlaceKind::Continent | PlaceKind::Region
                );
                if !wordy
                    && (given < 300 || major || pop >= 500_000 || comma_place_after(lex, seg, j))
                {
                    found = Some((j, index, shown(canon, &name)));
                    break;
                }
            }
        }
        if let Some((j, index, display)) = found {
            // "University of Southern California": the direction too.
            let from = if i > a && DIRECTIONS.contains(seg.toks[i - 1].text) {
                i - 1
            } else {
                i
            };
            let display = if from < i { seg.name(from, j) } else { display };
            push(out, seg, EntityKind::Place, display, from, from, j);
            if let Some(last) = out.last_mut() {
                last.place = Some(index);
            }
            i = j;
        } else {
            i += 1;
        }
    }
}

/// Every candidate of one segment of text (for the rule modules' tests).
#[cfg(test)]
fn candidates(text: &str) -> Vec<Cand<'static>> {
    let lex = &crate::extract::Extractor::global().lex;
    let prepared = prepare(lex, text);
    let mut out = Vec::new();
    segment_cands(lex, 0, &prepared, &mut out);
    out.into_iter().map(Cand::into_owned).collect()
}

/// The sure candidates of one segment of text, as kind and name (for the
/// rule modules' tests).
#[cfg(test)]
fn strong_candidates(text: &str) -> Vec<(EntityKind, String)> {
    candidates(text)
        .into_iter()
        .filter(|c| c.evidence == Evidence::Strong)
        .map(|c| (c.kind, c.name.into_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cands(text: &str) -> Vec<(EntityKind, String, Evidence)> {
        candidates(text)
            .into_iter()
            .map(|c| (c.kind, c.name.into_owned(), c.evidence))
            .collect()
    }

    fn has(text: &str, kind: EntityKind, name: &str) -> bool {
        cands(text)
            .iter()
            .any(|(k, n, e)| *k == kind && n == name && *e == Evidence::Strong)
    }

    #[test]
    fn compass_adjectives_are_not_regions() {
        for text in [
            "Do we want a Western military alliance?",
            "The Eastern bloc fell apart.",
        ] {
            let got = super::candidates(text);
            assert!(
                got.iter().all(|c| c.kind != EntityKind::Place),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn people_from_titles_given_names_and_cues() {
        use EntityKind::Person;
        let cases = [
            (
                "White House special envoy Steve Witkoff arrived.",
                "Steve Witkoff",
            ),
            (
                "Talks with Secretary of State Marco Rubio began.",
                "Marco Rubio",
            ),
            ("The draft was written by Mr. Witkoff alone.", "Witkoff"),
            ("\"No,\" said Mr. Aasen.", "Aasen"),
            ("They met Deng Xiaoping there.", "Deng Xiaoping"),
            ("A note from H. G. Wells arrived.", "H. G. Wells"),
            ("Jordan said the plan was fine.", "Jordan"),
            ("Georgia, a lawyer, disagreed.", "Georgia"),
            // A surname that is also an organization or function word.
            ("The league's Nathan Law won a seat.", "Nathan Law"),
            ("Prime Minister Theresa May said so.", "Theresa May"),
            ("The seat went to James To of the Labour Party.", "James To"),
            (
                "He replaced the injured Will Carrow at third.",
                "Will Carrow",
            ),
            // Initials in capitals.
            ("A 1989 paper by AS Hollengar showed it.", "AS Hollengar"),
            // Surnames written with a capital inside.
            ("A trade sent Iván DeWitter to Boston.", "Iván DeWitter"),
            ("She starred beside Leo DiCarlo there.", "Leo DiCarlo"),
            // Given names that end like abstract nouns.
            (
                "It was based on the Gregory Tallant novel.",
                "Gregory Tallant",
            ),
            ("Hilary Brenwick, a curator, said so.", "Hilary Brenwick"),
            // Two given names sharing one surname.
            (
                "Her parents, Gerald and Sherri Tallwick, came.",
                "Gerald Tallwick",
            ),
            (
                "Her parents, Gerald and Sherri Tallwick, came.",
                "Sherri Tallwick",
            ),
            (
                "It was the Mary-Kate and Ashley Brennock film.",
                "Mary-Kate Brennock",
            ),
            // An organization's last word, then the person.
            (
                "A chapter of the Council on Tavish Relations Alia Brenner said so.",
                "Alia Brenner",
            ),
        ];
        for (text, name) in cases {
            assert!(has(text, Person, name), "{text}: {:?}", cands(text));
        }
    }

    #[test]
    fn places_from_gazetteer_and_context() {
        use EntityKind::Place;
        let cases = [
            (
                "Troops captured the Ukrainian city of Pokrovsk.",
                "Pokrovsk",
            ),
            ("He flew to Jordan on Monday.", "Jordan"),
            ("The U.S. will inform Moscow.", "United States"),
            ("The U.S. will inform Moscow.", "Moscow"),
            ("It was cold in Reading that day.", "Reading"),
            ("Diplomats met in Geneva.", "Geneva"),
            ("The ship sailed into the Ross Sea.", "Ross Sea"),
            ("She studied at the University of Chicago.", "Chicago"),
        ];
        for (text, name) in cases {
            assert!(has(text, Place, name), "{text}: {:?}", cands(text));
        }
    }

    #[test]
    fn demonyms_words_and_calendar_are_not_entities() {
        let cases = [
            "I needed an internship for my M.Sc. studies.",
            "She finished her Ph.D. in May.",
            "It gives his rank as Oberst, Colonel.",
            "Russian forces advanced on Monday.",
            "Nice weather helped.",
            "Following the leak, talks resumed in November.",
            "Mobile phones were banned.",
        ];
        for text in cases {
            let got: Vec<_> = cands(text)
                .into_iter()
                .filter(|c| c.2 == Evidence::Strong)
                .collect();
            assert!(got.is_empty(), "{text}: {got:?}");
        }
        assert!(has(
            "Officials of NATO met.",
            EntityKind::Organization,
            "NATO"
        ));
        assert!(has(
            "The Labour Party won.",
            EntityKind::Organization,
            "Labour Party"
        ));
    }

    #[test]
    fn credits_parties_countries_and_operations() {
        use EntityKind::{Organization, Person, Place};
        let cases: &[(&str, &[(EntityKind, &str)])] = &[
            (
                "Sen. Georgia Mercer, Oregon Democrat, said so.",
                &[(Person, "Georgia Mercer"), (Place, "Oregon")],
            ),
            ("France said it would send troops.", &[(Place, "France")]),
            (
                "Mr. Castellan said France was ready.",
                &[(Person, "Castellan"), (Place, "France")],
            ),
            (
                "It was requested by SEN. GEORGIA MERCER (D-Ore.) today.",
                &[(Person, "Georgia Mercer")],
            ),
            ("DRIVING THE DAY — ENVOY ON THE HILL.", &[]),
            (
                "The U.S. envoy met NATO allies.",
                &[(Place, "United States"), (Organization, "NATO")],
            ),
            ("Jordan said the plan was fine.", &[(Person, "Jordan")]),
            ("Ships sailed for Exercise Northern Lantern.", &[]),
            (
                "Talks in Geneva, Deputy Foreign Minister Olena Kravets said.",
                &[(Place, "Geneva"), (Person, "Olena Kravets")],
            ),
            (
                "The Kremlin said it took note.",
                &[(Organization, "Kremlin")],
            ),
            ("A ship left the port of Aarhus.", &[(Place, "Aarhus")]),
            ("Ice near Tromso.", &[(Place, "Tromso")]),
            ("Ice near Tromsø.", &[(Place, "Tromsø")]),
            (
                "FILE - Envoys in Kyiv, Ukraine. (AP Photo/Lena Marsh, File)",
                &[(Place, "Kyiv"), (Place, "Ukraine")],
            ),
            (
                "Undersecretary for Education Mr. Tavoni spoke.",
                &[(Person, "Tavoni")],
            ),
            (
                "Members of the Senate Armed Services Committee met.",
                &[(Organization, "Senate Armed Services Committee")],
            ),
            (
                "She saw a wax figure at Madame Pellworth New York.",
                &[
                    (Organization, "Madame Pellworth New York"),
                    (Place, "New York"),
                ],
            ),
            (
                "Brandsoft says the browser is old.",
                &[(Organization, "Brandsoft")],
            ),
            (
                "We went to the Harwick Springs Cavalcade of Magic.",
                &[(Organization, "Harwick Springs Cavalcade of Magic")],
            ),
        ];
        for (text, expected) in cases {
            let got: Vec<(EntityKind, String)> = cands(text)
                .into_iter()
                .filter(|c| c.2 == Evidence::Strong)
                .map(|c| (c.0, c.1))
                .collect();
            let want: Vec<(EntityKind, String)> =
                expected.iter().map(|(k, n)| (*k, n.to_string())).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn addresses_labels_teams_citations_and_org_cues() {
        use EntityKind::{Organization, Person, Place};
        let cases: &[(&str, EntityKind, &str)] = &[
            (
                "He was in Levico Terme, Trento, Italy then.",
                Place,
                "Levico Terme",
            ),
            ("She lived in Alpine, Arizona, for years.", Place, "Alpine"),
            ("Goode was born in Exeter, Devon.", Place, "Devon"),
            (
                "The flag flies in the nation's capital, Wellington.",
                Place,
                "Wellington",
            ),
            (
                "He fought at the Battle of Chudnov in 1660.",
                Place,
                "Chudnov",
            ),
            ("He was created Earl of Snowdon in 1961.", Place, "Snowdon"),
            (
                "He copied Hilary of Poitiers' commentary.",
                Person,
                "Hilary of Poitiers",
            ),
            (
                "Theodorus of Tabennese (c. 314 – 368) led them.",
                Person,
                "Theodorus of Tabennese",
            ),
            (
                "Alexander Gordon of Auchintoul wrote it.",
                Place,
                "Auchintoul",
            ),
            (
                "Claudia Mo of the Civic Party was elected.",
                Person,
                "Claudia Mo",
            ),
            ("Councillor Wu Chi-wai was elected.", Person, "Wu Chi-wai"),
            ("He served Tsar Peter the Great.", Person, "Peter the Great"),
            ("London, Jack. White Fang.", Person, "Jack London"),
            (
                "Macaulay, Thomas Babington. History of England.",
                Person,
                "Thomas Babington Macaulay",
            ),
            (
                "Quist, Marla and Selby, Hanna. A Tract.",
                Person,
                "Hanna Selby",
            ),
            (
                "Guests included Tessa Quellman, Chuck Stone and Rosa Vintner.",
                Person,
                "Chuck Stone",
            ),
            (
                "He played against the Houston Astros on Monday.",
                Organization,
                "Houston Astros",
            ),
            (
                "He played against the Houston Astros on Monday.",
                Place,
                "Houston",
            ),
            (
                "Analysts at Morgan Stanley said it would fall.",
                Organization,
                "Morgan Stanley",
            ),
            ("Zelbrix said it would cut jobs.", Organization, "Zelbrix"),
            (
                "They moved to Western Australia.",
                Place,
                "Western Australia",
            ),
            (
                "Quorra Browser, its main rival, grew fast.",
                Organization,
                "Quorra Browser",
            ),
            (
                "We met Halvard Lindqvist, its chief executive, there.",
                Person,
                "Halvard Lindqvist",
            ),
            (
                "He taught at the University of Southern California.",
                Place,
                "Southern California",
            ),
            ("Poland and Czechoslovakia signed.", Place, "Czechoslovakia"),
            ("The Soviet Union collapsed.", Place, "Soviet Union"),
        ];
        for (text, kind, name) in cases {
            assert!(has(text, *kind, name), "{text}: {:?}", cands(text));
        }
        let none: &[(&str, &str)] = &[
            (
                "Hadid (Arabic: \u{632}\u{647}\u{627} Zah\u{101} Had\u{12b}d; 1950) won.",
                "Zahā Hadīd",
            ),
            (
                "His thesis, A Synopsis of English Syntax, was long.",
                "English Syntax",
            ),
            (
                "Scholars cite Mécanique Analytique often.",
                "Mécanique Analytique",
            ),
            ("The initials L. D. appear.", "L. D."),
            ("He met the St. Louis Cardinals.", "St. Louis Cardinals"),
        ];
        for (text, name) in none {
            assert!(
                !cands(text).iter().any(|c| c.0 == Person && c.1 == *name),
                "{text}: {:?}",
                cands(text)
            );
        }
    }
}
