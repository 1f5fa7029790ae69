//! Fuzzy matching for the actor index: the typed letters must appear in the
//! name in order; runs of adjacent letters and letters that start a word
//! score higher, so "vput" ranks "Vladimir Putin" above "Vice President
//! Uhuru Tamb".

/// The score of `pattern` against `text`, or `None` when it does not match.
/// Case and accents of ASCII letters are ignored; spaces in the pattern are
/// skipped.
pub fn score(pattern: &str, text: &str) -> Option<i32> {
    let wanted: Vec<char> = pattern
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    if wanted.is_empty() {
        return Some(0);
    }
    let mut score = 0;
    let mut next = 0;
    let mut previous_matched = false;
    let mut previous: Option<char> = None;
    for c in text.chars() {
        let starts_word = previous.is_none_or(|p| !p.is_alphanumeric());
        let matched = next < wanted.len() && c.to_lowercase().eq(std::iter::once(wanted[next]));
        if matched {
            score += 1;
            if previous_matched {
                score += 4;
            }
            if starts_word {
                score += 6;
            }
            next += 1;
        } else if next < wanted.len() && next > 0 {
            // A gap inside the match costs a little.
            score -= 1;
        }
        previous_matched = matched;
        previous = Some(c);
    }
    (next == wanted.len()).then_some(score)
}

#[cfg(test)]
mod tests {
    use super::score;

    #[test]
    fn letters_must_appear_in_order() {
        let cases = [
            ("put", "Vladimir Putin", true),
            ("vput", "Vladimir Putin", true),
            ("tup", "Vladimir Putin", false),
            ("", "anything", true),
            ("KYIV", "Kyiv", true),
            ("kyivx", "Kyiv", false),
            ("ms", "Moscow", true),
            ("new york", "New York City", true),
        ];
        for (pattern, text, expected) in cases {
            assert_eq!(
                score(pattern, text).is_some(),
                expected,
                "{pattern} in {text}"
            );
        }
    }

    #[test]
    fn word_starts_and_runs_rank_higher() {
        let best = score("put", "Vladimir Putin").unwrap();
        let scattered = score("put", "Pauline Tuttle").unwrap();
        assert!(best > scattered, "{best} vs {scattered}");
        let initials = score("mh", "Martin Halvorsen").unwrap();
        let inside = score("mh", "Mohammed Shah").unwrap();
        assert!(initials > inside, "{initials} vs {inside}");
    }
}
