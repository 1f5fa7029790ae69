//! Photo credits and wire-photo markers, which name photographers and
//! agencies rather than the story's actors: "(AP Photo/Lena Marsh, File)",
//! "(Maxar Technologies via AP)", a leading "FILE - ", "**FILE**". They are
//! blanked out (replaced by spaces of the same byte length, so offsets into
//! the segment stay valid) before the segment is tokenized.

/// Whether the text of a parenthesised group is a photo credit.
fn is_credit(inner: &str) -> bool {
    inner.len() <= 160
        && (inner.contains("Photo")
            || inner.contains("via AP")
            || inner.contains("Getty Images")
            || inner.contains("/AP")
            || inner.contains("/Reuters")
            || inner.contains("/AFP")
            || inner.contains("Courtesy")
            || inner.contains("courtesy")
            || inner.contains("Handout"))
}

fn blank(out: &mut String, start: usize, end: usize) {
    let spaces = " ".repeat(end - start);
    out.replace_range(start..end, &spaces);
}

/// The segment with photo credits and "FILE" markers blanked out, or `None`
/// when it has none (the common case, checked cheaply).
pub fn mask(text: &str) -> Option<String> {
    let has_paren = text.contains('(');
    let has_file = text.contains("FILE");
    if !has_paren && !has_file {
        return None;
    }
    let mut spans = Vec::new();
    if has_paren {
        let mut from = 0;
        while let Some(open) = text[from..].find('(').map(|i| i + from) {
            let Some(close) = text[open..].find(')').map(|i| i + open) else {
                break;
            };
            if is_credit(&text[open + 1..close]) {
                spans.push((open, close + 1));
            }
            from = close + 1;
        }
    }
    if has_file {
        let bytes = text.as_bytes();
        for (i, _) in text.match_indices("FILE") {
            let before = i.checked_sub(1).map(|k| bytes[k]);
            let after = bytes.get(i + 4).copied();
            let word_edge = |b: Option<u8>| !b.is_some_and(|b| b.is_ascii_alphanumeric());
            if word_edge(before) && word_edge(after) {
                spans.push((i, i + 4));
            }
        }
    }
    if spans.is_empty() {
        return None;
    }
    let mut out = text.to_string();
    for (start, end) in spans {
        blank(&mut out, start, end);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_and_file_markers_are_blanked_keeping_offsets() {
        let cases = [
            (
                "Envoys meet in Geneva. (AP Photo/Lena Marsh, File)",
                "Envoys meet in Geneva.",
            ),
            ("FILE - Envoys meet in Geneva.", "- Envoys meet in Geneva."),
            (
                "A dock in Aarhus. (Nordhavn Shipping via AP) **FILE**",
                "A dock in Aarhus. ** **",
            ),
            (
                "Ships sail near Tromsø. (Ola Brekke/Pool Photo via AP)",
                "Ships sail near Tromsø.",
            ),
        ];
        for (text, kept) in cases {
            let masked = mask(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(masked.len(), text.len(), "{text}");
            let words: Vec<&str> = masked.split_whitespace().collect();
            assert_eq!(words.join(" "), kept, "{text}");
        }
        assert_eq!(mask("Talks (in Geneva) went on, PROFILE aside."), None);
    }
}
