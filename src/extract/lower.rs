//! A word lower-cased for comparison with the fixed word lists, kept on
//! the stack when it is short ASCII (the common case), so asking whether
//! "Said" is a speech verb allocates nothing.

use std::ops::Deref;

/// Longest ASCII word lower-cased on the stack.
const INLINE: usize = 24;

/// A lower-cased word.
pub enum Lower<'a> {
    /// The word itself, which has no upper-case letter.
    Text(&'a str),
    /// A short ASCII word, lower-cased.
    Inline([u8; INLINE], u8),
    /// Any other word, lower-cased.
    Owned(String),
}

impl<'a> Lower<'a> {
    /// `text` in lower case, as `str::to_lowercase` writes it.
    pub fn of(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        if !bytes.is_ascii() {
            return if text.chars().any(char::is_uppercase) {
                Self::Owned(text.to_lowercase())
            } else {
                Self::Text(text)
            };
        }
        if !bytes.iter().any(u8::is_ascii_uppercase) {
            return Self::Text(text);
        }
        match u8::try_from(bytes.len()) {
            Ok(n) if bytes.len() <= INLINE => {
                let mut buf = [0u8; INLINE];
                buf[..bytes.len()].copy_from_slice(bytes);
                buf.make_ascii_lowercase();
                Self::Inline(buf, n)
            }
            _ => Self::Owned(text.to_ascii_lowercase()),
        }
    }
}

impl Deref for Lower<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Self::Text(s) => s,
            // ASCII by construction.
            Self::Inline(buf, n) => std::str::from_utf8(&buf[..usize::from(*n)]).unwrap_or(""),
            Self::Owned(s) => s,
        }
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}

#[cfg(test)]
mod tests {
    use super::Lower;

    #[test]
    fn lower_cases_as_the_standard_library_does() {
        for word in [
            "said",
            "Said",
            "NATO",
            "Zürich",
            "ÉCOLE",
            "İstanbul",
            "",
            "AbcdefghijklmnopqrstuvwxyZ",
        ] {
            assert_eq!(&*Lower::of(word), word.to_lowercase(), "{word}");
        }
        assert!(matches!(Lower::of("said"), Lower::Text(_)));
        assert!(matches!(Lower::of("Said"), Lower::Inline(..)));
    }
}
