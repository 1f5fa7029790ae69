//! Whole-segment byte scans that run on every segment before it is
//! tokenized, written so that the compiler vectorizes them: fixed-size
//! chunks, no early exit inside a chunk, narrow counters.

/// Bytes per chunk: a `u8` counter cannot overflow within one.
const CHUNK: usize = 255;

/// How many bytes are ASCII lower-case letters, and how many are ASCII
/// upper-case letters or non-ASCII bytes.
pub fn case_counts(bytes: &[u8]) -> (usize, usize) {
    let (mut lower, mut upper) = (0usize, 0usize);
    for chunk in bytes.chunks(CHUNK) {
        let (l, u) = chunk.iter().fold((0u8, 0u8), |(l, u), &b| {
            (
                l + u8::from(b.wrapping_sub(b'a') < 26),
                u + u8::from(b.wrapping_sub(b'A') < 26 || b >= 0x80),
            )
        });
        lower += usize::from(l);
        upper += usize::from(u);
    }
    (lower, upper)
}

/// Whether two all-caps words follow one another somewhere: two ASCII
/// capitals, then a space and two capitals ("GEORGIA MERCER") or a period,
/// a space and a capital ("SEN. X").
pub fn two_shouted_words(bytes: &[u8]) -> bool {
    if bytes.len() < 5 {
        return false;
    }
    let up = |b: u8| b.wrapping_sub(b'A') < 26;
    let n = bytes.len() - 4;
    let mut from = 0;
    while from < n {
        let to = (from + CHUNK).min(n);
        // The five bytes from each start, as five shifted slices.
        let at = |k: usize| &bytes[from + k..to + k];
        let hit = at(0)
            .iter()
            .zip(at(1))
            .zip(at(2))
            .zip(at(3))
            .zip(at(4))
            .fold(false, |hit, ((((&a, &b), &c), &d), &e)| {
                hit | (up(a)
                    & up(b)
                    & ((c == b' ') & up(d) & up(e) | (c == b'.') & (d == b' ') & up(e)))
            });
        if hit {
            return true;
        }
        from = to;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_shouting_match_the_plain_loops() {
        let texts = [
            "",
            "plain lower text",
            "SEN. GEORGIA MERCER said",
            "GEORGIA MERCER",
            "ab CD EF",
            "NATO and the EU met",
            "Zürich ÉCOLE Ünited",
            "THE END",
            "X. Y",
            "AB. C",
        ];
        let long = "word ".repeat(200) + "SEN. GEORGIA MERCER" + &"x".repeat(300);
        for text in texts.iter().copied().chain([long.as_str()]) {
            let b = text.as_bytes();
            let lower = b.iter().filter(|b| b.is_ascii_lowercase()).count();
            let upper = b
                .iter()
                .filter(|b| b.is_ascii_uppercase() || !b.is_ascii())
                .count();
            assert_eq!(case_counts(b), (lower, upper), "{text}");
            let shouting = b.windows(2).enumerate().any(|(i, pair)| {
                pair[0].is_ascii_uppercase()
                    && pair[1].is_ascii_uppercase()
                    && b.get(i..i + 5).is_some_and(|w| {
                        w[2] == b' ' && w[3].is_ascii_uppercase() && w[4].is_ascii_uppercase()
                            || w[2] == b'.' && w[3] == b' ' && w[4].is_ascii_uppercase()
                    })
            });
            assert_eq!(two_shouted_words(b), shouting, "{text}");
        }
    }
}
