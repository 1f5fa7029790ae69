//! The query language of the list filter (`/` in the reader) and of
//! `gazette list --query`.
//!
//! | syntax | matches |
//! | --- | --- |
//! | `envoy`, `"peace plan"` | items whose title or text has the word (as a word start) or every word of the phrase |
//! | `unread`, `read` (also `is:unread`, `is:read`) | items by read mark |
//! | `newsletter:morning`, `newsletter:"threat status"` | newsletters whose name has the value at the start of a word, ignoring case |
//! | `person:witkoff`, `place:kyiv`, `org:nato` (`organization:`), `actor:x` (any kind) | items naming an actor whose name or an alias is the value, has it as a word, or has the quoted words in a row |
//! | `before:2025-11-20`, `after:2025-11` | dated items before the start of that day, month or year (exclusive), or on or after it (inclusive) |
//! | `a and b`, `a b` | both |
//! | `a or b` | either |
//! | `not a`, `-a` | not |
//! | `( … )` | grouping; `not` binds tighter than `and`, `and` than `or` |
//!
//! Keywords and field names ignore case. Quote a keyword to search for the
//! word itself: `"read"`. So `after:2025-11 before:2025-12` is November.
//!
//! [`parse`] turns text into a [`Query`] or a [`QueryError`] pointing at the
//! offending words; [`Query::matching`] evaluates it over a
//! [`Library`](crate::library::Library).

use std::fmt;

use chrono::NaiveDate;

use crate::model::EntityKind;

mod eval;
mod lex;
mod parse;

pub use parse::parse;

/// A query that did not parse: what is wrong and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    /// What is wrong, quoting the offending word.
    pub message: String,
    /// Byte range of the offending text in the query.
    pub span: (usize, usize),
}

impl QueryError {
    pub(crate) fn new(message: impl Into<String>, span: (usize, usize)) -> Self {
        Self {
            message: message.into(),
            span,
        }
    }

    /// The 1-based column (in characters) where the offending text starts.
    pub fn column(&self, query: &str) -> usize {
        column(query, self.span.0)
    }

    /// A line of carets under the offending text when printed below `query`
    /// (columns counted in terminal cells).
    pub fn caret_line(&self, query: &str) -> String {
        use unicode_width::UnicodeWidthStr;
        let start = floor_boundary(query, self.span.0);
        let end = floor_boundary(query, self.span.1.max(self.span.0));
        let before = query[..start].width();
        let under = query[start..end].width().max(1);
        format!("{}{}", " ".repeat(before), "^".repeat(under))
    }
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for QueryError {}

/// 1-based character column of byte `offset` in `text`.
pub(crate) fn column(text: &str, offset: usize) -> usize {
    text[..floor_boundary(text, offset)].chars().count() + 1
}

fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// One test on an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Leaf {
    /// A word, or the words of a quoted phrase separated by single spaces.
    Text(String),
    /// Items not marked read.
    Unread,
    /// Items marked read.
    Read,
    /// Newsletters whose name has this at the start of a word (lower case).
    Newsletter(String),
    /// Items naming an actor of this kind (any kind with `None`) whose name
    /// or an alias matches (lower case).
    Actor(Option<EntityKind>, String),
    /// Dated before this day.
    Before(NaiveDate),
    /// Dated on or after this day.
    After(NaiveDate),
}

/// A boolean combination of [`Leaf`] tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// One test.
    Leaf(Leaf),
    /// The opposite.
    Not(Box<Expr>),
    /// Every one of these.
    And(Vec<Expr>),
    /// Any of these.
    Or(Vec<Expr>),
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// `None` for an empty query, which matches everything.
    pub expr: Option<Expr>,
}

impl Query {
    /// Whether the query has no test at all (it matches every item).
    pub fn is_empty(&self) -> bool {
        self.expr.is_none()
    }

    /// The free words and phrases that are not negated, lower-cased, in
    /// order and without repeats: what the article highlights.
    pub fn text_terms(&self) -> Vec<String> {
        fn walk(expr: &Expr, negated: bool, out: &mut Vec<String>) {
            match expr {
                Expr::Leaf(Leaf::Text(text)) if !negated => {
                    let term = text.to_lowercase();
                    if !out.contains(&term) {
                        out.push(term);
                    }
                }
                Expr::Leaf(_) => {}
                Expr::Not(inner) => walk(inner, !negated, out),
                Expr::And(all) | Expr::Or(all) => {
                    for e in all {
                        walk(e, negated, out);
                    }
                }
            }
        }
        let mut out = Vec::new();
        if let Some(expr) = &self.expr {
            walk(expr, false, &mut out);
        }
        out
    }
}

impl fmt::Display for Leaf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Text(t) if t.contains(' ') => write!(f, "\"{t}\""),
            Self::Text(t) => f.write_str(t),
            Self::Unread => f.write_str("unread"),
            Self::Read => f.write_str("read"),
            Self::Newsletter(n) => write!(f, "newsletter:\"{n}\""),
            Self::Actor(kind, name) => {
                let field = kind.map_or("actor", EntityKind::as_str);
                write!(f, "{field}:\"{name}\"")
            }
            Self::Before(d) => write!(f, "before:{d}"),
            Self::After(d) => write!(f, "after:{d}"),
        }
    }
}

/// A compact prefix form, `(or (and a b) (not c))`, for tests and debugging.
impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |f: &mut fmt::Formatter<'_>, op: &str, all: &[Self]| {
            write!(f, "({op}")?;
            for e in all {
                write!(f, " {e}")?;
            }
            f.write_str(")")
        };
        match self {
            Self::Leaf(leaf) => leaf.fmt(f),
            Self::Not(inner) => write!(f, "(not {inner})"),
            Self::And(all) => list(f, "and", all),
            Self::Or(all) => list(f, "or", all),
        }
    }
}

impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.expr {
            Some(expr) => expr.fmt(f),
            None => f.write_str("(all)"),
        }
    }
}
