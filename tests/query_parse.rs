//! The query language's parser: precedence, quotes, parentheses, every
//! field, and every error with the span it points at.
#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use gazette::query::parse;

#[test]
fn parses_to_the_expected_tree() {
    let cases = [
        ("", "(all)"),
        ("  & ", "(all)"),
        ("envoy", "envoy"),
        ("envoy moscow", "(and envoy moscow)"),
        ("envoy AND moscow", "(and envoy moscow)"),
        ("a or b c", "(or a (and b c))"),
        ("a b or c", "(or (and a b) c)"),
        ("not a b", "(and (not a) b)"),
        ("not a or b", "(or (not a) b)"),
        ("a and not b or c", "(or (and a (not b)) c)"),
        ("not not a", "(not (not a))"),
        ("-a b", "(and (not a) b)"),
        ("-(a or b)", "(not (or a b))"),
        ("non-stop", "non-stop"),
        ("a (b or c)", "(and a (or b c))"),
        ("((a))", "a"),
        ("(a or b) and (c or d)", "(and (or a b) (or c d))"),
        ("a or b or c", "(or a b c)"),
        ("\"peace  plan\" envoy", "(and \"peace plan\" envoy)"),
        ("\"or\" \"read\"", "(and or read)"),
        ("Unread", "unread"),
        ("READ or is:unread", "(or read unread)"),
        ("is:Read", "read"),
        ("newsletter:Morning", "newsletter:\"morning\""),
        (
            "newsletter:\"Threat Status\"",
            "newsletter:\"threat status\"",
        ),
        ("person:Witkoff", "person:\"witkoff\""),
        ("People:\"Steve  Witkoff\"", "person:\"steve witkoff\""),
        ("place:Kyiv", "place:\"kyiv\""),
        ("org:NATO", "organization:\"nato\""),
        ("organization:nato", "organization:\"nato\""),
        ("actor:lind", "actor:\"lind\""),
        ("before:2025-11-20", "before:2025-11-20"),
        ("after:2025-11", "after:2025-11-01"),
        ("before:2025", "before:2025-01-01"),
        ("(person:lind)", "person:\"lind\""),
        ("-person:lind", "(not person:\"lind\")"),
        ("10:30", "10:30"),
        (
            "person:lind and not unread or newsletter:brief",
            "(or (and person:\"lind\" (not unread)) newsletter:\"brief\")",
        ),
    ];
    for (text, expected) in cases {
        let query = parse(text).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
        assert_eq!(query.to_string(), expected, "{text:?}");
    }
}

#[test]
fn errors_point_at_the_offending_words() {
    let cases: &[(&str, &str, (usize, usize))] = &[
        (
            "persn:Witkoff",
            "unknown field 'persn:' (did you mean person:?)",
            (0, 6),
        ),
        (
            "a newsleter:x",
            "unknown field 'newsleter:' (did you mean newsletter:?)",
            (2, 12),
        ),
        (
            "http://x",
            "unknown field 'http:' (fields: newsletter, person, place, org, actor, before, after, is; \
             quote \"http://x\" to search for it)",
            (0, 5),
        ),
        ("a (b or c", "')' missing for '(' at column 3", (2, 3)),
        ("a) b", "'(' missing for ')' at column 2", (1, 2)),
        ("()", "nothing between '(' and ')'", (0, 2)),
        (
            "before:2025-13-01",
            "bad date '2025-13-01' after before: (write YYYY-MM-DD, YYYY-MM or YYYY)",
            (7, 17),
        ),
        (
            "x after:yesterday",
            "bad date 'yesterday' after after: (write YYYY-MM-DD, YYYY-MM or YYYY)",
            (8, 17),
        ),
        ("envoy not", "expected a word after 'not'", (6, 9)),
        ("a and", "expected a word after 'and'", (2, 5)),
        ("a OR", "expected a word after 'OR'", (2, 4)),
        (
            "a and or b",
            "expected a word after 'and', not 'or'",
            (6, 8),
        ),
        ("(not)", "expected a word after 'not', not ')'", (4, 5)),
        ("or a", "expected a word before 'or'", (0, 2)),
        ("person: lind", "expected a value after 'person:'", (0, 7)),
        ("is:new", "'is:' takes read or unread, not 'new'", (3, 6)),
        (
            "a \"peace",
            "closing '\"' missing for '\"' at column 3",
            (2, 8),
        ),
        (
            "newsletter:\"x",
            "closing '\"' missing for '\"' at column 12",
            (11, 13),
        ),
        ("\"  \"", "nothing between the quotes", (0, 4)),
    ];
    for (text, message, span) in cases {
        let err = parse(text).unwrap_err();
        assert_eq!(
            (err.message.as_str(), err.span),
            (*message, *span),
            "{text:?}"
        );
    }
}

#[test]
fn caret_line_sits_under_the_span_in_terminal_columns() {
    let text = "Kyjiw persn:x";
    let err = parse(text).unwrap_err();
    assert_eq!(err.caret_line(text), "      ^^^^^^");
    assert_eq!(err.column(text), 7);
    // Wide and multi-byte characters before the span.
    let text = "Киев 東京 (a";
    let err = parse(text).unwrap_err();
    assert_eq!(err.message, "')' missing for '(' at column 9");
    assert_eq!(err.caret_line(text), "          ^");
}

#[test]
fn text_terms_are_the_free_words_not_negated() {
    let query =
        parse("person:witkoff Envoy \"Peace Plan\" -moscow not (kyiv or talks) envoy").unwrap();
    assert_eq!(query.text_terms(), ["envoy", "peace plan"]);
    let query = parse("not (not kyiv)").unwrap();
    assert_eq!(query.text_terms(), ["kyiv"]);
    assert!(
        parse("unread newsletter:x")
            .unwrap()
            .text_terms()
            .is_empty()
    );
}
