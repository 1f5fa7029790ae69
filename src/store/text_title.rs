//! Titles derived from text that has no headline: the first sentence,
//! shortened at a word boundary.

/// Longest derived title, in characters, before the ellipsis.
pub const MAX_TITLE_CHARS: usize = 80;

/// Words that end with a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt", "Adm",
    "Maj", "Cmdr", "Rev", "St", "Jr", "Sr", "No", "Nos", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
    "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "vs", "etc", "Inc", "Co", "Corp", "Ltd", "Mt", "Ft",
    "approx", "Pres", "Sec", "Amb",
];

/// The first sentence of `text`: up to the first `.`, `!` or `?` that is
/// followed by a space (or the end) and does not close an abbreviation
/// ("Mr.", "U.S.", "Sept.").
pub fn first_sentence(text: &str) -> &str {
    let text = text.trim();
    for (at, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let after = text[at + c.len_utf8()..].trim_start_matches(['"', '”', '’', '\'', ')']);
        if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
            continue;
        }
        if c == '.' && is_abbreviation(&text[..at]) {
            continue;
        }
        return &text[..text.len() - after.len()];
    }
    text
}

/// Whether the word just before a period is an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
        .next()
        .unwrap_or("");
    let bare = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    ABBREVIATIONS.contains(&bare)
        || bare.chars().count() == 1 && bare.chars().all(char::is_uppercase)
        || bare.contains('.') // "U.S", "a.m"
}

/// Shortens `text` to at most [`MAX_TITLE_CHARS`] characters at a word
/// boundary, marking a cut with "…"; a closing period is dropped.
pub fn shorten(text: &str) -> String {
    let text = text.trim();
    let text = text.strip_suffix('.').unwrap_or(text).trim_end();
    if text.chars().count() <= MAX_TITLE_CHARS {
        return text.to_string();
    }
    let limit = text
        .char_indices()
        .nth(MAX_TITLE_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let head = &text[..limit];
    let cut = match head.rfind(char::is_whitespace) {
        Some(space) if space > limit / 2 => &head[..space],
        _ => head,
    };
    let cut = cut.trim_end_matches(|c: char| c.is_whitespace() || ",;:-–—(".contains(c));
    format!("{cut}…")
}

/// A title from the first sentence of `text`, shortened.
pub fn derive_title(text: &str) -> String {
    // A title never needs more than the opening of a paragraph; bounding the
    // scan keeps a huge one-line file cheap.
    let end = text
        .char_indices()
        .nth(SCAN_CHARS)
        .map_or(text.len(), |(i, _)| i);
    shorten(first_sentence(&text[..end]))
}

/// How far into a paragraph [`derive_title`] looks for the sentence end.
const SCAN_CHARS: usize = 1000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_sentences() {
        let cases = [
            ("The port opened. Ships came.", "The port opened."),
            (
                "Mr. Quill and Gen. Lane met in the U.S. capital. Then left.",
                "Mr. Quill and Gen. Lane met in the U.S. capital.",
            ),
            (
                "On Sept. 1 the board met! Later more.",
                "On Sept. 1 the board met!",
            ),
            ("“Is it over?” she asked. Yes.", "“Is it over?”"),
            ("Ada J. Quill spoke. Then.", "Ada J. Quill spoke."),
            ("No period at all", "No period at all"),
            (
                "Version 2.5 shipped today. Next.",
                "Version 2.5 shipped today.",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(first_sentence(text), want, "{text}");
        }
    }

    #[test]
    fn shortening() {
        assert_eq!(shorten("The port opened."), "The port opened");
        let long = "The harbor board of the northern coastal city met late on Monday evening to decide on the future of the night shift.";
        let title = shorten(long);
        assert_eq!(
            title,
            "The harbor board of the northern coastal city met late on Monday evening to…"
        );
        assert!(title.chars().count() <= MAX_TITLE_CHARS + 1);
        let unbroken = "x".repeat(200);
        assert_eq!(shorten(&unbroken).chars().count(), MAX_TITLE_CHARS + 1);
    }
}
