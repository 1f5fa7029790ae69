//! Fitting text into a number of terminal columns, wide characters included.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Cuts `text` to at most `width` columns, ending with `…` when cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for grapheme in text.graphemes(true) {
        let w = grapheme.width();
        if used + w > width - 1 {
            break;
        }
        out.push_str(grapheme);
        used += w;
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('…');
    out
}

/// `fit`, then padded with spaces to exactly `width` columns.
pub fn fit_pad(text: &str, width: usize) -> String {
    let mut out = fit(text, width);
    let used = out.width();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_wide_characters_and_emoji() {
        let cases = [
            ("Moscow", 10, "Moscow"),
            ("Envoys head to Moscow", 10, "Envoys he…"),
            ("東京で会談", 5, "東京…"),
            ("📰📰📰📰", 5, "📰📰…"),
            ("abc", 0, ""),
        ];
        for (text, width, want) in cases {
            assert_eq!(fit(text, width), want, "{text}");
            assert!(fit(text, width).width() <= width);
        }
        assert_eq!(fit_pad("東京", 6).width(), 6);
    }
}
