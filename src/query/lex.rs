//! Splits query text into tokens with their byte spans: parentheses,
//! keywords, words, quoted phrases and `field:value` pairs.

use super::{QueryError, column};

/// What a token is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Tok {
    /// `(`
    Open,
    /// `)`
    Close,
    /// `not`, or a `-` before a word.
    Not,
    /// `and`
    And,
    /// `or`
    Or,
    /// A bare word (never a keyword).
    Word(String),
    /// The words of a quoted phrase, separated by single spaces.
    Phrase(String),
    /// `name:value`; `value_at` is the byte offset of the value.
    Field {
        name: String,
        value: String,
        value_at: usize,
    },
}

/// A token and the byte range it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Token {
    pub tok: Tok,
    pub span: (usize, usize),
}

/// Characters that end a bare word.
fn ends_word(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | ')' | '"')
}

/// Collapses the whitespace of a phrase.
fn phrase_words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Tokenizes `text`. Words with no letter or digit (such as `&`) are
/// dropped: the full-text index ignores them anyway.
pub(super) fn lex(text: &str) -> Result<Vec<Token>, QueryError> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    // Whether the previous character allows a `-` to mean "not".
    let mut at_start = true;
    while let Some(&(at, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            at_start = true;
            continue;
        }
        let start_of_word = at_start;
        at_start = false;
        match c {
            '(' | ')' => {
                chars.next();
                let tok = if c == '(' { Tok::Open } else { Tok::Close };
                out.push(Token {
                    tok,
                    span: (at, at + 1),
                });
                at_start = c == '(';
            }
            '"' => {
                chars.next();
                let end = quote_end(text, at)?;
                let inner = phrase_words(&text[at + 1..end]);
                if inner.is_empty() {
                    return Err(QueryError::new("nothing between the quotes", (at, end + 1)));
                }
                while chars.peek().is_some_and(|&(i, _)| i <= end) {
                    chars.next();
                }
                out.push(Token {
                    tok: Tok::Phrase(inner),
                    span: (at, end + 1),
                });
            }
            '-' if start_of_word
                && text[at + 1..]
                    .chars()
                    .next()
                    .is_some_and(|n| !n.is_whitespace() && n != ')') =>
            {
                chars.next();
                out.push(Token {
                    tok: Tok::Not,
                    span: (at, at + 1),
                });
                at_start = true;
            }
            _ => {
                let token = word(text, at)?;
                let end = token.span.1;
                while chars.peek().is_some_and(|&(i, _)| i < end) {
                    chars.next();
                }
                if let Some(token) = token.keep() {
                    out.push(token);
                }
            }
        }
    }
    Ok(out)
}

/// The byte offset of the quote closing the one at `open`.
fn quote_end(text: &str, open: usize) -> Result<usize, QueryError> {
    text[open + 1..]
        .find('"')
        .map(|p| open + 1 + p)
        .ok_or_else(|| {
            QueryError::new(
                format!(
                    "closing '\"' missing for '\"' at column {}",
                    column(text, open)
                ),
                (open, text.len()),
            )
        })
}

/// A bare word, keyword or field starting at `at`.
fn word(text: &str, at: usize) -> Result<Token, QueryError> {
    let rest = &text[at..];
    let len = rest.find(ends_word).unwrap_or(rest.len());
    let raw = &rest[..len];
    if let Some(colon) = raw.find(':')
        && colon > 0
        && raw[..colon].chars().all(|c| c.is_ascii_alphabetic())
    {
        let name = raw[..colon].to_ascii_lowercase();
        let value_at = at + colon + 1;
        // A quoted value runs to its closing quote, spaces included.
        if text[value_at..].starts_with('"') {
            let end = quote_end(text, value_at)?;
            return Ok(Token {
                tok: Tok::Field {
                    name,
                    value: phrase_words(&text[value_at + 1..end]),
                    value_at,
                },
                span: (at, end + 1),
            });
        }
        return Ok(Token {
            tok: Tok::Field {
                name,
                value: raw[colon + 1..].to_string(),
                value_at,
            },
            span: (at, at + len),
        });
    }
    let tok = match raw.to_ascii_lowercase().as_str() {
        "and" => Tok::And,
        "or" => Tok::Or,
        "not" => Tok::Not,
        _ => Tok::Word(raw.to_string()),
    };
    Ok(Token {
        tok,
        span: (at, at + len),
    })
}

impl Token {
    /// `None` for a word with nothing to search for.
    fn keep(self) -> Option<Self> {
        match &self.tok {
            Tok::Word(w) if !w.chars().any(char::is_alphanumeric) => None,
            _ => Some(self),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<Tok> {
        lex(text).unwrap().into_iter().map(|t| t.tok).collect()
    }

    #[test]
    fn words_keywords_fields_and_spans() {
        let tokens = lex("Envoy AND -person:\"Mara  Lind\" (x)").unwrap();
        let spans: Vec<(usize, usize)> = tokens.iter().map(|t| t.span).collect();
        assert_eq!(
            spans,
            [
                (0, 5),
                (6, 9),
                (10, 11),
                (11, 30),
                (31, 32),
                (32, 33),
                (33, 34)
            ]
        );
        assert_eq!(
            tokens[3].tok,
            Tok::Field {
                name: "person".into(),
                value: "Mara Lind".into(),
                value_at: 18
            }
        );
        assert_eq!(
            toks("a & b"),
            [Tok::Word("a".into()), Tok::Word("b".into())]
        );
        assert_eq!(
            toks("non-stop 10:30"),
            [Tok::Word("non-stop".into()), Tok::Word("10:30".into())]
        );
    }

    #[test]
    fn unclosed_quote_points_at_it() {
        let err = lex("a \"peace plan").unwrap_err();
        assert_eq!(err.span, (2, 13));
        assert_eq!(err.message, "closing '\"' missing for '\"' at column 3");
    }
}
