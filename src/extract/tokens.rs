//! Splits a text segment into word and punctuation tokens with byte offsets:
//! initials and dotted acronyms ("H.", "U.S."), abbreviations ("Mr."),
//! hyphenated and apostrophe names, possessives ('s, ’s) as their own token,
//! and sentence starts.

use super::titles::ABBREVIATIONS;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters and digits (with internal hyphens, apostrophes, dots).
    Word,
    /// A possessive ending: 's, ’s, or a bare apostrophe after -s.
    Possessive,
    /// Any other single character.
    Punct,
}

/// One token of a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token as written.
    pub text: &'a str,
    /// Byte offset of its start.
    pub start: usize,
    /// Byte offset just past its end.
    pub end: usize,
    /// Word, possessive or punctuation.
    pub kind: TokKind,
    /// First word of a sentence (or of a quotation).
    pub sent_start: bool,
    /// A word with an inner hyphen or apostrophe ("Jean-Yves", "O'Brien",
    /// "I'm"): only such a word can be a contraction or carry a particle.
    pub joined: bool,
}

impl Token<'_> {
    /// Whether the token is a word starting with an upper-case letter.
    #[inline]
    pub fn is_cap(&self) -> bool {
        self.kind == TokKind::Word
            && match self.text.as_bytes().first() {
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => self.text.chars().next().is_some_and(char::is_uppercase),
            }
    }

    /// Whether the word is all upper case with at least two letters ("NATO").
    pub fn is_all_caps(&self) -> bool {
        if self.kind != TokKind::Word {
            return false;
        }
        let bytes = self.text.as_bytes();
        // Most words have a lower-case letter early: test that first.
        if bytes.is_ascii() {
            return !bytes.iter().any(u8::is_ascii_lowercase)
                && bytes.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2;
        }
        !self.text.chars().any(char::is_lowercase)
            && self.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
    }

    /// Whether the token is the punctuation character `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct && self.text.starts_with(c)
    }

    /// The word without a trailing abbreviation period ("Mr." -> "Mr").
    pub fn bare(&self) -> &str {
        match self.text.strip_suffix('.') {
            Some(stem) if !stem.is_empty() && !stem.contains('.') => stem,
            _ => self.text,
        }
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// The character at byte offset `i` of `text` (which must be a char boundary).
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|rest| rest.chars().next())
}

/// The character after the one at byte offset `i`.
fn char_after(text: &str, i: usize) -> Option<char> {
    let c = char_at(text, i)?;
    char_at(text, i + c.len_utf8())
}

/// `0x01` in every byte.
const ONES: u64 = 0x0101_0101_0101_0101;

/// The top bit of each byte of `x` that lies strictly between `m` and `n`
/// (`n` at most 128; a byte of 128 or more never does), computed for the
/// eight bytes at once with no carry from one byte into the next.
#[inline]
fn between(x: u64, m: u8, n: u8) -> u64 {
    let low = x & (ONES * 127);
    (ONES * (127 + u64::from(n))).wrapping_sub(low)
        & !x
        & low.wrapping_add(ONES * (127 - u64::from(m)))
        & (ONES * 128)
}

/// How many bytes at the start of `rest` are ASCII letters or digits.
#[inline]
fn alnum_run(rest: &[u8]) -> usize {
    let mut n = 0;
    while let Some(chunk) = rest.get(n..n + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        // `| 0x20` folds upper-case letters onto lower-case ones and moves
        // no other byte into a to z.
        let alnum = between(x, b'0' - 1, b'9' + 1) | between(x | (ONES * 0x20), b'a' - 1, b'z' + 1);
        let other = !alnum & (ONES * 128);
        if other != 0 {
            return n + (other.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + rest[n..]
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(rest.len() - n)
}

/// Tokenizes one segment.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    tokenize_into(text, &mut out);
    out
}

/// Tokenizes one segment into `out` (cleared first), reusing its allocation.
pub fn tokenize_into<'a>(text: &'a str, out: &mut Vec<Token<'a>>) {
    let bytes = text.as_bytes();
    out.clear();
    out.reserve(text.len() / 5);
    let mut sent_start = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII fast path for spaces.
        if b == b' ' || b == b'\n' || b == b'\t' || b == b'\r' {
            i += 1;
            continue;
        }
        let c = if b.is_ascii() {
            char::from(b)
        } else {
            let Some(c) = char_at(text, i) else {
                i += 1;
                continue;
            };
            c
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if c.is_alphanumeric() {
            let start = i;
            let mut letters_since_dot = 0usize;
            let mut dotted = false;
            let mut joined = false;
            loop {
                // ASCII letters and digits, eight bytes at a time.
                let run = alnum_run(&bytes[i..]);
                letters_since_dot += run;
                i += run;
                // Any other ASCII byte but these three ends the word.
                match bytes.get(i) {
                    None => break,
                    Some(&b) if b.is_ascii() && !matches!(b, b'-' | b'\'' | b'.') => break,
                    _ => {}
                }
                let Some(c) = char_at(text, i) else {
                    break;
                };
                let next = || char_after(text, i);
                if c.is_alphanumeric() || c == '\u{301}' {
                    letters_since_dot += 1;
                    i += c.len_utf8();
                } else if (c == '-' || c == '\u{2010}') && next().is_some_and(char::is_alphanumeric)
                {
                    letters_since_dot = 0;
                    joined = true;
                    i += c.len_utf8();
                } else if is_apostrophe(c) && next().is_some_and(char::is_alphabetic) {
                    // "Putin's" ends here; "O'Brien" and "d'Alembert" go on.
                    let after = i + c.len_utf8();
                    let s_end = char_at(text, after) == Some('s')
                        && !char_at(text, after + 1).is_some_and(char::is_alphanumeric);
                    if s_end {
                        break;
                    }
                    joined = true;
                    i += c.len_utf8();
                } else if c == '.'
                    && (letters_since_dot == 1
                        || letters_since_dot == 2
                            && next().is_some_and(char::is_uppercase)
                            && char_at(text, i + 2) == Some('.'))
                    && next().is_some_and(char::is_alphabetic)
                    && {
                        let n = next().map_or(1, char::len_utf8);
                        let two = char_at(text, i + 1 + n);
                        two == Some('.') || dotted || !two.is_some_and(char::is_alphanumeric)
                    }
                {
                    // Inside "U.S." or "Ph.D.".
                    dotted = true;
                    letters_since_dot = 0;
                    i += 1;
                } else {
                    break;
                }
            }
            // A trailing period that belongs to the word: initials, acronyms, abbreviations.
            if bytes.get(i) == Some(&b'.') {
                let word = &text[start..i];
                let mut chars = word.chars();
                let single = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
                if dotted || single || ABBREVIATIONS.contains(word) {
                    i += 1;
                }
            }
            out.push(Token {
                text: &text[start..i],
                start,
                end: i,
                kind: TokKind::Word,
                sent_start,
                joined,
            });
            sent_start = false;
            continue;
        }
        // "Jeanne's [6] sister": a numbered citation is no part of the sentence.
        if c == '[' {
            let digits = bytes[i + 1..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            if digits > 0 && bytes.get(i + 1 + digits) == Some(&b']') {
                i += digits + 2;
                continue;
            }
        }
        let width = c.len_utf8();
        // Possessive: 's / ’s, or a lone apostrophe after a word ending in s.
        if is_apostrophe(c) {
            let prev_word = out
                .last()
                .is_some_and(|t| t.kind == TokKind::Word && t.end == i);
            let after = i + width;
            if prev_word
                && char_at(text, after) == Some('s')
                && !char_at(text, after + 1).is_some_and(char::is_alphanumeric)
            {
                out.push(Token {
                    text: &text[i..after + 1],
                    start: i,
                    end: after + 1,
                    kind: TokKind::Possessive,
                    sent_start: false,
                    joined: false,
                });
                i = after + 1;
                continue;
            }
            let after_s = out.last().is_some_and(|t| t.text.ends_with('s'));
            if prev_word && after_s && !char_at(text, after).is_some_and(char::is_alphanumeric) {
                out.push(Token {
                    text: &text[i..after],
                    start: i,
                    end: after,
                    kind: TokKind::Possessive,
                    sent_start: false,
                    joined: false,
                });
                i = after;
                continue;
            }
        }
        out.push(Token {
            text: &text[i..i + width],
            start: i,
            end: i + width,
            kind: TokKind::Punct,
            sent_start: false,
            joined: false,
        });
        if matches!(c, '.' | '!' | '?' | ':' | ';' | '\u{2014}' | '(' | '[')
            || (matches!(c, '"' | '\u{201c}' | '\u{2018}')
                && !out
                    .iter()
                    .rev()
                    .nth(1)
                    .is_some_and(|t| t.kind == TokKind::Word && t.end == i))
        {
            sent_start = true;
        }
        i += width;
    }
}

/// An empty token vector for another text on the same allocation (the
/// standard library collects in place when the element layouts agree, as
/// they do for one type under two lifetimes).
pub fn recycle<'b>(mut toks: Vec<Token<'_>>) -> Vec<Token<'b>> {
    toks.clear();
    #[allow(
        clippy::unnecessary_filter_map,
        reason = "a filter would keep the old lifetime"
    )]
    toks.into_iter().filter_map(|_| None).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text).collect()
    }

    #[test]
    fn alnum_runs_match_the_byte_test() {
        for b in 0..=255u8 {
            for at in 0..12 {
                let mut text = vec![b'a'; 20];
                text[at] = b;
                let want = text
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .unwrap_or(text.len());
                assert_eq!(alnum_run(&text), want, "byte {b} at {at}");
                assert_eq!(alnum_run(&text[..at.min(5)]), at.min(5), "short, byte {b}");
            }
        }
    }

    #[test]
    fn splits_names_possessives_and_abbreviations() {
        let cases: &[(&str, &[&str])] = &[
            ("Mr. Witkoff’s visit", &["Mr.", "Witkoff", "’s", "visit"]),
            ("Putin's demands", &["Putin", "'s", "demands"]),
            ("Jeanne's [6] sister [12]", &["Jeanne", "'s", "sister"]),
            ("[a] [1", &["[", "a", "]", "[", "1"]),
            (
                "the U.S.-backed plan",
                &["the", "U.S.", "-", "backed", "plan"],
            ),
            ("U.S. and Ukrainian", &["U.S.", "and", "Ukrainian"]),
            ("H. G. Wells", &["H.", "G.", "Wells"]),
            ("Jean-Yves O'Brien", &["Jean-Yves", "O'Brien"]),
            (
                "Brynjarsdóttir, Sørensen.",
                &["Brynjarsdóttir", ",", "Sørensen", "."],
            ),
            ("the Witkoffs’ plan", &["the", "Witkoffs", "’", "plan"]),
            ("J.K. Rowling", &["J.K.", "Rowling"]),
            ("a Ph.D. thesis", &["a", "Ph.D.", "thesis"]),
            ("the U.S government", &["the", "U.S", "government"]),
        ];
        for (text, expected) in cases {
            assert_eq!(words(text), *expected, "{text}");
        }
    }

    #[test]
    fn offsets_cover_the_text_and_mark_sentence_starts() {
        let text = "Kyiv fell. Mr. Putin said: \u{201c}Peace\u{201d} in Zürich.";
        let toks = tokenize(text);
        for t in &toks {
            assert_eq!(&text[t.start..t.end], t.text);
        }
        let starts: Vec<&str> = toks
            .iter()
            .filter(|t| t.sent_start)
            .map(|t| t.text)
            .collect();
        assert_eq!(starts, ["Kyiv", "Mr.", "Peace"]);
        let possessive = tokenize("Zelenskyy’s");
        assert_eq!(possessive[1].kind, TokKind::Possessive);
        assert!(tokenize("NATO")[0].is_all_caps() && !tokenize("Nato")[0].is_all_caps());
        assert_eq!(tokenize("Mr.")[0].bare(), "Mr");
        assert_eq!(tokenize("U.S.")[0].bare(), "U.S.");
    }
}
