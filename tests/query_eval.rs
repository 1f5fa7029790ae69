//! The query language evaluated over the fixture library (four items: aaaa
//! 2025-11-26 Border Brief, bbbb 2025-11-25 Border Brief, cccc 2025-11-20
//! Northern Watch, dddd 2025-11-10 Capitol Ledger).
#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod common;

use std::collections::HashSet;

use common::{ids, library, source};
use gazette::query::parse;
use gazette::source::Source;

/// The ids matching `text`, in result order, with `read` marked read.
fn run(text: &str, read: &[&str]) -> Vec<String> {
    let library = library();
    let source = source();
    let read: HashSet<_> = ids(read);
    let query = parse(text).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
    query
        .matching(&library, &read, &mut |words| source.search_all(words))
        .into_iter()
        .map(|i| library.row(i).unwrap().id().0)
        .collect()
}

#[test]
fn every_kind_of_term() {
    let cases: &[(&str, &[&str])] = &[
        ("", &["aaaa", "bbbb", "cccc", "dddd"]),
        ("oslo", &["aaaa", "cccc", "dddd"]),
        ("OSLO berg", &["aaaa", "cccc"]),
        ("\"harbour plan\"", &["cccc"]),
        ("geneva or harbour", &["bbbb", "cccc"]),
        ("oslo -berg", &["dddd"]),
        ("not oslo", &["bbbb"]),
        ("unread", &["aaaa", "dddd"]),
        ("read", &["bbbb", "cccc"]),
        ("is:unread or is:read", &["aaaa", "bbbb", "cccc", "dddd"]),
        ("newsletter:border", &["aaaa", "bbbb"]),
        ("newsletter:\"border brief\"", &["aaaa", "bbbb"]),
        ("newsletter:brief", &["aaaa", "bbbb"]),
        ("newsletter:order", &[]),
        ("newsletter:watch or newsletter:ledger", &["cccc", "dddd"]),
        ("person:lind", &["aaaa", "bbbb", "dddd"]),
        ("person:\"mara lind\"", &["aaaa", "bbbb", "dddd"]),
        ("person:mara", &["aaaa", "bbbb", "dddd"]),
        ("person:lin", &[]),
        ("person:\"lind mara\"", &[]),
        ("person:oslo", &[]),
        ("place:oslo", &["aaaa", "cccc", "dddd"]),
        ("place:GENEVA", &["bbbb"]),
        ("actor:berg", &["aaaa", "bbbb", "cccc"]),
        ("org:berg", &[]),
        ("before:2025-11-20", &["dddd"]),
        ("after:2025-11-20", &["aaaa", "bbbb", "cccc"]),
        ("after:2025-11-21", &["aaaa", "bbbb"]),
        ("before:2025-11-26", &["bbbb", "cccc", "dddd"]),
        (
            "after:2025-11 before:2025-12",
            &["aaaa", "bbbb", "cccc", "dddd"],
        ),
        ("before:2025-11", &[]),
        ("after:2026", &[]),
        ("before:2026", &["aaaa", "bbbb", "cccc", "dddd"]),
        ("person:lind and not unread", &["bbbb"]),
        ("person:lind -newsletter:border", &["dddd"]),
        (
            "place:oslo and (person:lind or newsletter:watch)",
            &["aaaa", "cccc", "dddd"],
        ),
        (
            "place:oslo and person:lind or newsletter:watch",
            &["aaaa", "cccc", "dddd"],
        ),
        ("place:oslo and not (person:lind or newsletter:watch)", &[]),
        ("not place:oslo and person:lind", &["bbbb"]),
        ("not (place:oslo and person:lind)", &["bbbb", "cccc"]),
    ];
    for (text, expected) in cases {
        assert_eq!(run(text, &["bbbb", "cccc"]), *expected, "{text:?}");
    }
}

#[test]
fn each_distinct_text_term_is_searched_once() {
    let library = library();
    let source = source();
    let mut asked: Vec<String> = Vec::new();
    let query = parse("(oslo or geneva) and (Oslo or \"harbour plan\") and not geneva").unwrap();
    let found = query.matching(&library, &HashSet::new(), &mut |words| {
        asked.push(words.to_string());
        source.search_all(words)
    });
    assert_eq!(asked, ["oslo", "geneva", "harbour plan"]);
    assert_eq!(found, [0, 2, 3]);
}
