//! Tokens to an expression: `not` binds tighter than `and` (or two terms
//! side by side), `and` tighter than `or`; parentheses group.

use chrono::NaiveDate;

use super::lex::{Tok, Token, lex};
use super::{Expr, Leaf, Query, QueryError, column};
use crate::model::EntityKind;

/// Field names, as typed (lower case), for suggestions.
const FIELDS: [&str; 10] = [
    "newsletter",
    "person",
    "place",
    "org",
    "organization",
    "actor",
    "before",
    "after",
    "is",
    "people",
];

/// Parses query text. Blank text (or text with nothing to search for) is
/// the empty query, which matches every item.
pub fn parse(text: &str) -> Result<Query, QueryError> {
    let tokens = lex(text)?;
    if tokens.is_empty() {
        return Ok(Query::default());
    }
    let mut parser = Parser {
        text,
        tokens,
        at: 0,
    };
    let expr = parser.or()?;
    if let Some(token) = parser.peek() {
        // Only a `)` can stop the top level early.
        return Err(QueryError::new(
            format!(
                "'(' missing for ')' at column {}",
                column(text, token.span.0)
            ),
            token.span,
        ));
    }
    Ok(Query { expr: Some(expr) })
}

struct Parser<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn next(&mut self) -> Option<Token> {
        let token = self.tokens.get(self.at).cloned();
        self.at += 1;
        token
    }

    /// The typed text of a token, for messages.
    fn typed(&self, token: &Token) -> &str {
        &self.text[token.span.0..token.span.1]
    }

    /// Fails unless a term can start here; `after` is the operator just read.
    fn expect_term(&self, after: &Token) -> Result<(), QueryError> {
        let op = self.typed(after).to_string();
        match self.peek() {
            None => Err(QueryError::new(
                format!("expected a word after '{op}'"),
                after.span,
            )),
            Some(t) if matches!(t.tok, Tok::Close | Tok::And | Tok::Or) => Err(QueryError::new(
                format!("expected a word after '{op}', not '{}'", self.typed(t)),
                t.span,
            )),
            Some(_) => Ok(()),
        }
    }

    fn or(&mut self) -> Result<Expr, QueryError> {
        let mut all = vec![self.and()?];
        while let Some(token) = self.peek().filter(|t| t.tok == Tok::Or).cloned() {
            self.next();
            self.expect_term(&token)?;
            all.push(self.and()?);
        }
        Ok(flatten(all, Expr::Or))
    }

    fn and(&mut self) -> Result<Expr, QueryError> {
        let mut all = vec![self.unary()?];
        loop {
            match self.peek().map(|t| &t.tok) {
                None | Some(Tok::Close | Tok::Or) => break,
                Some(Tok::And) => {
                    let token = self.tokens[self.at].clone();
                    self.next();
                    self.expect_term(&token)?;
                }
                Some(_) => {}
            }
            all.push(self.unary()?);
        }
        Ok(flatten(all, Expr::And))
    }

    fn unary(&mut self) -> Result<Expr, QueryError> {
        if let Some(token) = self.peek().filter(|t| t.tok == Tok::Not).cloned() {
            self.next();
            self.expect_term(&token)?;
            return Ok(Expr::Not(Box::new(self.unary()?)));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Expr, QueryError> {
        let Some(Token { tok, span }) = self.next() else {
            // Callers check that a term follows; an empty query never gets here.
            return Err(QueryError::new("expected a word", (0, self.text.len())));
        };
        let typed = &self.text[span.0..span.1];
        match tok {
            Tok::Open => {
                if let Some(close) = self.peek().filter(|t| t.tok == Tok::Close) {
                    return Err(QueryError::new(
                        "nothing between '(' and ')'",
                        (span.0, close.span.1),
                    ));
                }
                let inner = self.or()?;
                match self.next() {
                    Some(t) if t.tok == Tok::Close => Ok(inner),
                    _ => Err(QueryError::new(
                        format!(
                            "')' missing for '(' at column {}",
                            column(self.text, span.0)
                        ),
                        span,
                    )),
                }
            }
            Tok::Close => Err(QueryError::new(
                format!(
                    "'(' missing for ')' at column {}",
                    column(self.text, span.0)
                ),
                span,
            )),
            Tok::And | Tok::Or | Tok::Not => Err(QueryError::new(
                format!("expected a word before '{typed}'"),
                span,
            )),
            Tok::Word(word) => Ok(Expr::Leaf(match word.to_lowercase().as_str() {
                "unread" => Leaf::Unread,
                "read" => Leaf::Read,
                _ => Leaf::Text(word),
            })),
            Tok::Phrase(words) => Ok(Expr::Leaf(Leaf::Text(words))),
            Tok::Field {
                name,
                value,
                value_at,
            } => field(self.text, &name, &value, value_at, span).map(Expr::Leaf),
        }
    }
}

/// One term stays itself; several become `make(terms)`.
fn flatten(mut all: Vec<Expr>, make: fn(Vec<Expr>) -> Expr) -> Expr {
    match all.pop() {
        Some(only) if all.is_empty() => only,
        Some(last) => {
            all.push(last);
            make(all)
        }
        None => make(all),
    }
}

/// A `name:value` term.
fn field(
    text: &str,
    name: &str,
    value: &str,
    value_at: usize,
    span: (usize, usize),
) -> Result<Leaf, QueryError> {
    let name_span = (span.0, value_at);
    let typed_name = &text[name_span.0..name_span.1];
    if !FIELDS.contains(&name) {
        let hint = match suggest(name) {
            Some(near) => format!(" (did you mean {near}:?)"),
            None => format!(
                " (fields: newsletter, person, place, org, actor, before, after, is; \
                 quote \"{}\" to search for it)",
                &text[span.0..span.1]
            ),
        };
        return Err(QueryError::new(
            format!("unknown field '{typed_name}'{hint}"),
            name_span,
        ));
    }
    if value.is_empty() {
        return Err(QueryError::new(
            format!("expected a value after '{typed_name}'"),
            span,
        ));
    }
    let value_span = (value_at, span.1);
    let lower = value.to_lowercase();
    let actor = |kind| Ok(Leaf::Actor(kind, lower.clone()));
    match name {
        "newsletter" => Ok(Leaf::Newsletter(lower.clone())),
        "person" | "people" => actor(Some(EntityKind::Person)),
        "place" => actor(Some(EntityKind::Place)),
        "org" | "organization" => actor(Some(EntityKind::Organization)),
        "actor" => actor(None),
        "before" | "after" => {
            let date = date_start(value).ok_or_else(|| {
                QueryError::new(
                    format!(
                        "bad date '{value}' after {typed_name} (write YYYY-MM-DD, YYYY-MM or YYYY)"
                    ),
                    value_span,
                )
            })?;
            Ok(if name == "before" {
                Leaf::Before(date)
            } else {
                Leaf::After(date)
            })
        }
        _ => match lower.as_str() {
            "unread" => Ok(Leaf::Unread),
            "read" => Ok(Leaf::Read),
            _ => Err(QueryError::new(
                format!("'{typed_name}' takes read or unread, not '{value}'"),
                value_span,
            )),
        },
    }
}

/// The first day of `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
fn date_start(value: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = value.split('-').collect();
    let digits = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    let number = |s: &str| s.parse::<u32>().ok();
    match parts.as_slice() {
        [y] if digits(y, 4) => NaiveDate::from_ymd_opt(y.parse().ok()?, 1, 1),
        [y, m] if digits(y, 4) && digits(m, 2) => {
            NaiveDate::from_ymd_opt(y.parse().ok()?, number(m)?, 1)
        }
        [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => {
            NaiveDate::from_ymd_opt(y.parse().ok()?, number(m)?, number(d)?)
        }
        _ => None,
    }
}

/// The field name closest to a mistyped one, if close enough.
fn suggest(name: &str) -> Option<&'static str> {
    FIELDS
        .iter()
        .filter(|f| **f != "people" && **f != "is")
        .map(|f| (distance(name, f), *f))
        .filter(|(d, f)| *d <= 2.min(f.len() / 2) || (name.len() >= 3 && f.starts_with(name)))
        .min_by_key(|(d, _)| *d)
        .map(|(_, f)| f)
}

/// Edit distance (insertions, deletions, substitutions).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            let next = (row[j] + 1).min(row[j + 1] + 1).min(prev + cost);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_of_three_precisions() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(date_start("2025-11-20"), d(2025, 11, 20));
        assert_eq!(date_start("2025-11"), d(2025, 11, 1));
        assert_eq!(date_start("2025"), d(2025, 1, 1));
        for bad in [
            "2025-13-01",
            "2025-02-30",
            "25-11-01",
            "2025-1-1",
            "2025/11/01",
            "x",
        ] {
            assert_eq!(date_start(bad), None, "{bad}");
        }
    }

    #[test]
    fn suggestions() {
        assert_eq!(suggest("persn"), Some("person"));
        assert_eq!(suggest("newsleter"), Some("newsletter"));
        assert_eq!(suggest("news"), Some("newsletter"));
        assert_eq!(suggest("orgs"), Some("org"));
        assert_eq!(suggest("http"), None);
    }
}
