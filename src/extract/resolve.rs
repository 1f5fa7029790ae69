//! Merges candidate mentions into entities: a surname or first name joins
//! the full name met in the item, places join by canonical name; weak lone
//! words are kept only when they resolve; and library-wide resolution of
//! surname-only people.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::hash::BuildHasherDefault;

use crate::model::{Entity, EntityKind, Mention};

use super::lexicon::{FxMap, FxSet};
use super::merged::Merged;
use super::rules::{Cand, Evidence};

/// A full name's words, as written and sorted (borrowed from one list
/// shared by an item's names).
struct Words<'w, 'a> {
    written: &'w [&'a str],
    sorted: &'w [&'a str],
}

impl<'w, 'a> Words<'w, 'a> {
    /// The words of each name, kept in `arena` (cleared first).
    fn all(names: &[&'a str], arena: &'w mut Vec<&'a str>) -> Vec<Self> {
        arena.clear();
        let mut spans = Vec::with_capacity(names.len());
        for name in names {
            let at = arena.len();
            arena.extend(name.split(' '));
            let n = arena.len() - at;
            arena.extend_from_within(at..at + n);
            arena[at + n..].sort_unstable();
            spans.push((at, n));
        }
        let arena: &'w [&'a str] = arena;
        spans
            .into_iter()
            .map(|(at, n)| Self {
                written: &arena[at..at + n],
                sorted: &arena[at + n..at + 2 * n],
            })
            .collect()
    }
}

/// Whether two full names are forms of one person: same first and last
/// word, or the same words in another order.
fn same_person(a: &Words<'_, '_>, b: &Words<'_, '_>) -> bool {
    (a.written.first() == b.written.first() && a.written.last() == b.written.last())
        || particle_surname(a, b)
        || particle_surname(b, a)
        || a.sorted == b.sorted
        || variant(a, b)
        || variant(b, a)
        || a.written.len() == b.written.len()
            && a.written.last() == b.written.last()
            && super::rules::nicknames::same_given(a.written[0], b.written[0])
}

/// "du Motel" for "Stéphanie Poterin du Motel": a surname that opens with a
/// lower-case particle is the end of the full name.
fn particle_surname(short: &Words<'_, '_>, full: &Words<'_, '_>) -> bool {
    let n = short.written.len();
    short.written[0].starts_with(|c: char| c.is_lowercase())
        && full.written.len() > n
        && full.written.ends_with(short.written)
}

/// "Ichiyo Higuchi" for "Ichiyō Higuchi", "Kristen Wilkins" for "Kristin
/// Wilkins": the same surname, and the other words spelled without
/// diacritics or with one letter changed in a long given name.
fn variant(a: &Words<'_, '_>, b: &Words<'_, '_>) -> bool {
    if a.written.len() != b.written.len() || a.written.last() != b.written.last() {
        return false;
    }
    a.written.iter().zip(b.written).all(|(x, y)| {
        x == y
            || super::titles::ascii_spelling_of(x, y)
            || x.len() == y.len()
                && x.chars().count() >= 5
                && x.chars().next() == y.chars().next()
                && x.chars().zip(y.chars()).filter(|(p, q)| p != q).count() == 1
    })
}

/// The full names (two words or more) a lone word can stand for, into `hits`.
fn owners<'a>(
    word: &str,
    fuzzy: bool,
    full: &[&'a str],
    words: &[Words<'_, '_>],
    hits: &mut Vec<&'a str>,
) {
    hits.clear();
    hits.extend(
        full.iter()
            .zip(words)
            .filter(|(_, w)| {
                let n = w.written.len();
                w.written.last() == Some(&word) && (n < 2 || w.written[n - 2] != "of")
            })
            .map(|(f, _)| *f),
    );
    if hits.is_empty() {
        // Any word of the name but what it is "of" ("Aldric of Vellmark").
        let named = |w: &Words<'_, '_>| {
            w.written
                .iter()
                .take_while(|x| **x != "of")
                .any(|x| *x == word)
        };
        hits.extend(
            full.iter()
                .zip(words)
                .filter(|(_, w)| named(w))
                .map(|(f, _)| *f),
        );
    }
    if hits.is_empty() && fuzzy && word.chars().count() >= 5 {
        // A surname written with a letter left out or added ("Hollis" for
        // "Hollins").
        hits.extend(
            full.iter()
                .zip(words)
                .filter(|(_, w)| {
                    w.written
                        .last()
                        .is_some_and(|last| one_letter_apart(word, last))
                })
                .map(|(f, _)| *f),
        );
    }
}

/// Whether one word is the other with one letter more (not the first).
fn one_letter_apart(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    if !(1..=4).contains(&(long.len() - short.len())) || short.chars().next() != long.chars().next()
    {
        return false;
    }
    let mut rest = short.chars().peekable();
    let mut skipped = false;
    for ch in long.chars() {
        if rest.peek() == Some(&ch) {
            rest.next();
        } else if skipped {
            return false;
        } else {
            skipped = true;
        }
    }
    skipped && rest.next().is_none()
}

/// The name a variant folds into (itself when none).
fn canonical<'a>(canon_of: &FxMap<&'a str, &'a str>, name: &'a str) -> &'a str {
    let mut name = name;
    // Chains are short ("Y" another name of "X", a variant of "X Z").
    for _ in 0..4 {
        match canon_of.get(name) {
            Some(&next) if next != name => name = next,
            _ => break,
        }
    }
    name
}

/// One bit for each kind, for a set of kinds in a byte.
fn kind_bit(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Person => 1,
        EntityKind::Place => 2,
        EntityKind::Organization => 4,
    }
}

/// Whether a candidate lies inside a longer organization's name (`orgs`:
/// the organizations' segments and spans).
fn nested_in_org(orgs: &[(usize, usize, usize)], c: &Cand<'_>) -> bool {
    orgs.iter().any(|&(seg, start, end)| {
        seg == c.seg && start <= c.start && c.end <= end && end - start > c.end - c.start
    })
}

/// Merges one item's candidates into entities, sorted by mention count
/// (descending) then name.
/// "the Halvorsen Polaroid exhibits" in an item about Ida Halvorsen: the
/// surname of a person named in full, then a capitalised noun, before a
/// common noun. The two words are no new person; the first is that surname.
fn surname_modifiers(cands: &mut [Cand<'_>]) {
    let pair = |c: &Cand<'_>| c.kind == EntityKind::Person && c.words == 2 && c.modifier;
    if !cands.iter().any(pair) {
        return;
    }
    let surnames: Vec<String> = cands
        .iter()
        .filter(|c| c.kind == EntityKind::Person && c.words >= 2)
        .filter_map(|c| c.name.rsplit(' ').next().map(str::to_owned))
        .collect();
    let plain: Vec<String> = cands
        .iter()
        .filter(|c| c.kind == EntityKind::Person && !c.modifier)
        .map(|c| c.name.to_string())
        .collect();
    for c in cands.iter_mut().filter(|c| pair(c)) {
        // "Tam Yiu-chung": a surname first, then a given name.
        let Some((first, _)) = c.name.split_once(' ').filter(|(_, s)| !s.contains('-')) else {
            continue;
        };
        // The name as written, so that its first word ends where the text's does.
        if !c.surface.ends_with(c.name.as_ref())
            || plain.iter().any(|p| *p == c.name)
            || !surnames.iter().any(|s| s == first)
        {
            continue;
        }
        let first = first.to_owned();
        c.end = c.start + first.len();
        c.surface = Cow::Owned(first.clone());
        c.name = Cow::Owned(first);
        c.words = 1;
    }
}

pub fn merge<'c>(cands: &'c mut Vec<Cand<'_>>) -> Merged<'c> {
    cands.sort_by_key(|c| (c.seg, c.start));
    cands.dedup_by(|b, a| a.seg == b.seg && a.start == b.start && a.end == b.end);
    surname_modifiers(cands);
    let cands: &'c [Cand<'_>] = cands;
    // Full names (two words or more), in order of first mention.
    let mut full: Vec<&str> = Vec::new();
    for c in cands {
        if c.kind == EntityKind::Person && c.words >= 2 && !full.contains(&c.name.as_ref()) {
            full.push(&c.name);
        }
    }
    // Variants of one name fold into the fullest: "Matthew Goode" and
    // "Matthew William Goode", "Higuchi Ichiyō" and "Ichiyō Higuchi".
    let mut canon_of: FxMap<&str, &str> =
        FxMap::with_capacity_and_hasher(cands.len(), BuildHasherDefault::default());
    let mut arena = Vec::new();
    let full_words = Words::all(&full, &mut arena);
    for (pos, fw) in full_words.iter().enumerate() {
        let best = full_words
            .iter()
            .enumerate()
            .filter(|(_, g)| same_person(fw, g))
            .max_by_key(|(p, g)| (g.written.len(), std::cmp::Reverse(*p)))
            .map_or(pos, |(p, _)| p);
        if best != pos {
            canon_of.insert(full[pos], full[best]);
        }
    }
    // Another name given for a person ("X, also known as Y") is that person.
    for c in cands {
        if let Some(main) = c.same_as.as_deref() {
            let to = canonical(&canon_of, main);
            let from = canonical(&canon_of, &c.name);
            if from != to {
                canon_of.insert(from, to);
            }
        }
    }
    // An organization named in part ("Security Council", "Harbour
    // Dynamics") joins the fuller name met in the item.
    // Each name once, in order of first mention (the searches below take
    // the first name that fits, which a repeat cannot change).
    let mut seen: FxSet<&str> = FxSet::default();
    let orgs: Vec<&str> = cands
        .iter()
        .filter(|c| c.kind == EntityKind::Organization && c.name.contains(' '))
        .map(|c| c.name.as_ref())
        .filter(|name| seen.insert(name))
        .collect();
    for short in &orgs {
        let fuller = orgs
            .iter()
            .filter(|long| long.len() > short.len())
            .find(|long| {
                long.starts_with(short) && long.as_bytes().get(short.len()) == Some(&b' ')
                    || long.ends_with(short)
                        && long.as_bytes().get(long.len() - short.len() - 1) == Some(&b' ')
            });
        if let Some(long) = fuller {
            canon_of.insert(short, long);
        }
    }
    // One gazetteer place written two ways ("Aarhus", "Arhus") keeps the
    // first name met.
    let mut place_names: FxMap<u32, &str> =
        FxMap::with_capacity_and_hasher(cands.len(), BuildHasherDefault::default());
    for c in cands {
        if c.kind == EntityKind::Place
            && let Some(index) = c.place
        {
            let first = *place_names.entry(index).or_insert(&c.name);
            let same_shape = first.split(' ').count() == c.name.split(' ').count();
            if first != c.name && same_shape && !canon_of.contains_key(c.name.as_ref()) {
                canon_of.insert(&c.name, first);
            }
        }
    }
    // Each distinct name gets a number (in order of first mention), so
    // that what is asked about a name below is asked of small vectors
    // rather than hashed again: its mentions, whether it was met alone
    // (one word), and the kinds it was found as with strong evidence.
    let mut id_of: FxMap<&str, usize> =
        FxMap::with_capacity_and_hasher(cands.len(), BuildHasherDefault::default());
    let name_id: Vec<usize> = cands
        .iter()
        .map(|c| {
            let next = id_of.len();
            *id_of.entry(c.name.as_ref()).or_insert(next)
        })
        .collect();
    let mut counts = vec![0usize; id_of.len()];
    let mut singles = vec![false; id_of.len()];
    let mut strong = vec![0u8; id_of.len()];
    // Each name as folded (its first candidate's name is the name).
    let mut canon_by_id: Vec<&str> = Vec::with_capacity(id_of.len());
    for (c, &id) in cands.iter().zip(&name_id) {
        counts[id] += 1;
        if c.words == 1 {
            singles[id] = true;
        }
        if c.evidence == Evidence::Strong {
            strong[id] |= kind_bit(c.kind);
        }
        if id == canon_by_id.len() {
            canon_by_id.push(canonical(&canon_of, &c.name));
        }
    }
    // Each candidate's name as folded; the organizations' spans, for
    // [`nested_in_org`].
    let canon: Vec<&str> = name_id.iter().map(|&id| canon_by_id[id]).collect();
    let org_spans: Vec<(usize, usize, usize)> = cands
        .iter()
        .filter(|d| d.kind == EntityKind::Organization)
        .map(|d| (d.seg, d.start, d.end))
        .collect();
    // (kind, key, candidate, key number) of every kept candidate, grouped
    // below; keys are numbered in order of first use.
    let mut kept: Vec<(EntityKind, &str, usize, usize)> = Vec::with_capacity(cands.len());
    let mut key_ids: FxMap<&str, usize> =
        FxMap::with_capacity_and_hasher(cands.len(), BuildHasherDefault::default());
    let mut hits: Vec<&str> = Vec::new();
    let mut distinct: Vec<&str> = Vec::new();
    for (ci, c) in cands.iter().enumerate() {
        let mut kind = c.kind;
        let mut key = canon[ci];
        let name: &str = &c.name;
        let id = name_id[ci];
        let repeated = counts[id] >= 2;
        let strong_elsewhere = || strong[id] & kind_bit(c.kind) != 0;
        // "Harvard" beside "Harvard University": the organization (but
        // "Nobel" inside "Nobel Prize" is the person it honours).
        let single = c.words == 1 && c.kind != EntityKind::Organization;
        if single {
            owners(name, !c.word, &full, &full_words, &mut hits);
        }
        if c.words == 1
            && c.kind == EntityKind::Person
            && !nested_in_org(&org_spans, c)
            && let Some(org) = orgs.iter().find(|o| {
                o.len() > name.len()
                    && o.starts_with(name)
                    && o.as_bytes().get(name.len()) == Some(&b' ')
            })
            && !hits.iter().any(|f| f.starts_with(name))
        {
            kind = EntityKind::Organization;
            key = canonical(&canon_of, org);
        } else if single {
            // A town named like the surname of a person met in full
            // ("Whitman" beside "Walt Whitman") is that person.
            let surname_of_full = hits.iter().any(|h| h.rsplit(' ').next() == Some(name));
            let person_like = c.kind == EntityKind::Person
                || c.kind == EntityKind::Place
                    && (c.place.is_none()
                        || c.evidence == Evidence::Weak && !c.major
                        || !c.major && surname_of_full);
            distinct.clear();
            for h in &hits {
                let o = canonical(&canon_of, h);
                if !distinct.contains(&o) {
                    distinct.push(o);
                }
            }
            // Several people share the word ("Ann Lee", "Bob Lee"): it could
            // be either, so it is merged with neither, unless one of them is
            // the one the headline names (a biography's subject).
            let owner = match distinct.as_slice() {
                // "Peter Lynley, the brother of Inspector Lynley"; "Tom
                // Welling ... appeared in the film as Tom".
                _ if c.apart && c.kind == EntityKind::Person => None,
                [one] => Some(*one),
                _ => {
                    // (The candidates are sorted by segment and start: the
                    // headline's come first, and the last one met before
                    // this one is the nearest before it.)
                    let mut titled = distinct.iter().copied().filter(|o| {
                        cands
                            .iter()
                            .zip(&canon)
                            .take_while(|(d, _)| d.seg == 0)
                            .any(|(d, dc)| d.kind == EntityKind::Person && dc == o)
                    });
                    match (titled.next(), titled.next()) {
                        (Some(one), None) => Some(one),
                        // Otherwise the one named last before it ("Walt
                        // Ormond ... his brother George Ormond ... Ormond").
                        _ => cands[..ci]
                            .iter()
                            .zip(&canon)
                            .rev()
                            .find(|(d, dc)| {
                                d.kind == EntityKind::Person
                                    && (d.seg, d.start) < (c.seg, c.start)
                                    && distinct.contains(dc)
                            })
                            .map(|(_, dc)| *dc),
                    }
                }
            };
            if let Some(owner) = owner.filter(|_| person_like) {
                kind = EntityKind::Person;
                key = owner;
            } else if !distinct.is_empty() && person_like {
                // Ambiguous: kept on its own.
                kind = EntityKind::Person;
            } else if c.evidence == Evidence::Weak {
                let same_country = || {
                    cands.iter().any(|d| {
                        d.kind == EntityKind::Place
                            && d.evidence == Evidence::Strong
                            && d.country == c.country
                            && d.name != c.name
                    })
                };
                let keep = match c.kind {
                    EntityKind::Place if c.small => strong_elsewhere() || same_country(),
                    EntityKind::Place => c.major || repeated || strong_elsewhere(),
                    _ => strong_elsewhere() || repeated && c.major,
                };
                if !keep {
                    continue;
                }
            }
        } else if c.evidence == Evidence::Weak && c.kind == EntityKind::Person {
            // An unknown multi-word name needs support: repeated, or a word reused alone.
            let reused = name
                .split(' ')
                .any(|w| id_of.get(w).is_some_and(|&i| singles[i]));
            if !(repeated || reused || strong_elsewhere()) {
                continue;
            }
        }
        let next = key_ids.len();
        let key_id = *key_ids.entry(key).or_insert(next);
        kept.push((kind, key, ci, key_id));
    }
    // Grouped by (kind, key), each group in the order its mentions were met
    // (a stable sort on the key's number: the order of the groups it makes
    // is no matter, as they are sorted by mentions and name below, and
    // two groups of one name differ in kind).
    kept.sort_by_key(|k| (k.0, k.3));
    let mut out = Merged::default();
    for group in kept.chunk_by(|a, b| (a.0, a.3) == (b.0, b.3)) {
        let (kind, name) = (group[0].0, group[0].1);
        let (aliases_from, mentions_from) = out.lens();
        for &(_, _, ci, _) in group {
            let c = &cands[ci];
            for form in [c.surface.as_ref(), c.name.as_ref()] {
                if form != name && !out.aliases_since(aliases_from).contains(&form) {
                    out.alias(form);
                }
            }
        }
        for &(_, _, ci, _) in group {
            out.mention(Mention {
                segment: cands[ci].seg,
                start: cands[ci].start,
                end: cands[ci].end,
            });
        }
        out.push(name, kind, aliases_from, mentions_from);
    }
    out.sort();
    out
}

/// Sorts by mention count (descending), then name.
pub fn sort_entities(list: &mut [Entity]) {
    list.sort_by(|a, b| {
        b.mentions
            .len()
            .cmp(&a.mentions.len())
            .then_with(|| a.name.cmp(&b.name))
    });
}

/// Renames one-word people to the only full name in the library ending with
/// that word; ambiguous surnames are left alone.
pub fn resolve_library(items: &mut [Vec<Entity>]) {
    let mut by_surname: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for e in items.iter().flatten() {
        if e.kind == EntityKind::Person
            && let Some((_, last)) = e.name.rsplit_once(' ')
        {
            let list = by_surname.entry(last.to_string()).or_default();
            if !list.contains(&e.name) {
                list.push(e.name.clone());
            }
        }
    }
    for list in items.iter_mut() {
        for e in list.iter_mut() {
            if e.kind != EntityKind::Person || e.name.contains(' ') {
                continue;
            }
            if let Some([full]) = by_surname.get(&e.name).map(Vec::as_slice) {
                let old = std::mem::replace(&mut e.name, full.clone());
                if !e.aliases.contains(&old) {
                    e.aliases.push(old);
                }
            }
        }
        // Two entities may now share a name: fold them together.
        let mut merged: Vec<Entity> = Vec::new();
        for e in list.drain(..) {
            if let Some(m) = merged
                .iter_mut()
                .find(|m| m.kind == e.kind && m.name == e.name)
            {
                for a in e.aliases {
                    if !m.aliases.contains(&a) && a != m.name {
                        m.aliases.push(a);
                    }
                }
                m.mentions.extend(e.mentions);
                m.mentions.sort_by_key(|x| (x.segment, x.start));
            } else {
                merged.push(e);
            }
        }
        sort_entities(&mut merged);
        *list = merged;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, aliases: &[&str]) -> Entity {
        Entity {
            name: name.into(),
            kind: EntityKind::Person,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: vec![Mention {
                segment: 1,
                start: 0,
                end: name.len(),
            }],
        }
    }

    #[test]
    fn spelling_variants_of_a_full_name_are_one_person() {
        let same = [
            ("Ichiyo Higuchi", "Ichiyō Higuchi"),
            ("Kristen Wilkins", "Kristin Wilkins"),
            ("Larry Quell", "Lawrence Quell"),
            ("Bill Ormond", "William Ormond"),
        ];
        for (a, b) in same {
            let mut arena = Vec::new();
            let w = Words::all(&[a, b], &mut arena);
            assert!(same_person(&w[0], &w[1]), "{a} / {b}");
        }
        let different = [
            ("Ann Lee", "Bob Lee"),
            ("Jon Smith", "Jan Smith"),
            ("Daniel Bernoulli", "Johann Bernoulli"),
            ("Bob Quell", "Richard Quell"),
        ];
        for (a, b) in different {
            let mut arena = Vec::new();
            let w = Words::all(&[a, b], &mut arena);
            assert!(!same_person(&w[0], &w[1]), "{a} / {b}");
        }
    }

    #[test]
    fn surnames_one_letter_apart() {
        let cases = [
            ("Hollis", "Hollins", true),
            ("Hollins", "Hollis", true),
            ("Quist", "Quists", true),
            ("Hollis", "Hollis", false),
            ("Hollis", "Mollis", false),
            ("Brink", "Bronks", false),
            ("Abel", "Label", false),
        ];
        for (a, b, want) in cases {
            assert_eq!(one_letter_apart(a, b), want, "{a} {b}");
        }
    }

    #[test]
    fn library_resolves_only_unambiguous_surnames() {
        let mut items = vec![
            vec![
                person("Steve Witkoff", &[]),
                person("Ann Lee", &[]),
                person("Bob Lee", &[]),
            ],
            vec![person("Witkoff", &["Mr. Witkoff"]), person("Lee", &[])],
        ];
        resolve_library(&mut items);
        let names: Vec<&str> = items[1].iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Lee", "Steve Witkoff"]);
        let witkoff = &items[1][1];
        assert_eq!(witkoff.aliases, ["Mr. Witkoff", "Witkoff"]);
    }
}
