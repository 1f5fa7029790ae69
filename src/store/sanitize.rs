//! Cleaning untrusted text before anything else sees it.
//!
//! Saved newsletters come from the web and from mail; a file can carry
//! terminal escape sequences (an OSC 52 clipboard write, colour codes, a
//! title change), bidi overrides that reorder what the reader shows, or stray
//! control bytes. ratatui would drop the ESC byte and print the rest, so the
//! text is cleaned once, when it is loaded, and every later stage can trust it.

/// What to do with an unterminated string sequence (OSC, DCS, APC, PM, SOS):
/// it ends at the next line break, which is kept, so one broken sequence
/// cannot swallow the rest of a document.
const STRING_SEQUENCE_STOPS_AT_NEWLINE: bool = true;

/// Spaces a tab becomes.
const TAB_WIDTH: usize = 4;

/// Removes terminal escape sequences and control characters from `s`.
///
/// - ESC sequences: CSI (`ESC [` … final byte), OSC (`ESC ]` … BEL or ST),
///   DCS/SOS/PM/APC (`ESC P`, `ESC X`, `ESC ^`, `ESC _` … ST), charset
///   designations (`ESC ( B`) and two-byte `ESC x`; the 8-bit C1 forms too.
/// - C0 controls except `\n` and `\t` (a tab becomes spaces), DEL, and C1
///   controls (U+0080–U+009F).
/// - Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069)
///   and the byte-order mark / zero-width no-break space (U+FEFF).
/// - `\r\n` and lone `\r` (and U+2028/U+2029) become `\n`; NBSP becomes a space.
pub fn clean_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = Chars { rest: s };
    loop {
        // Bytes that stand for themselves are copied in one go.
        let plain = chars
            .rest
            .bytes()
            .position(needs_care)
            .unwrap_or(chars.rest.len());
        out.push_str(&chars.rest[..plain]);
        chars.rest = &chars.rest[plain..];
        let Some(c) = chars.next() else {
            break;
        };
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_csi(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\r' => {
                if chars.peek() == Some('\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.extend(std::iter::repeat_n(' ', TAB_WIDTH)),
            '\u{a0}' => out.push(' '),
            c if is_dropped(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// [`clean_text`], borrowing `s` when there is nothing to clean (the
/// common case: a curly quote or a dash only looks like it might be).
pub fn clean_text_cow(s: &str) -> std::borrow::Cow<'_, str> {
    if is_clean(s.as_bytes()) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(clean_text(s))
    }
}

/// Whether [`clean_text`] would keep UTF-8 text as it is: no byte starts a
/// character it drops or replaces. Tested on every three bytes at once,
/// in chunks, branch-free (the compiler vectorizes it).
fn is_clean(bytes: &[u8]) -> bool {
    const CHUNK: usize = 256;
    let n = bytes.len();
    // The last two bytes: only one-byte characters can start there (a C2
    // sequence at `n - 2` is looked at with a zero third byte).
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    let tail = n.saturating_sub(2);
    if (tail..n).any(|i| changes(at(i), at(i + 1), at(i + 2))) {
        return false;
    }
    let mut from = 0;
    while from < tail {
        let to = (from + CHUNK).min(tail);
        let window = |k: usize| &bytes[from + k..to + k];
        let dirty = window(0)
            .iter()
            .zip(window(1))
            .zip(window(2))
            .fold(false, |dirty, ((&a, &b), &c)| dirty | changes(a, b, c));
        if dirty {
            return false;
        }
        from = to;
    }
    true
}

/// Whether the character whose UTF-8 bytes start `a b c` is one that
/// [`clean_text`] changes: a C0 control but the newline, DEL, U+0080 to
/// U+00A0 (C1 controls, NBSP), U+2028 to U+202E (separators, bidi
/// embeddings and overrides), U+2066 to U+2069 (bidi isolates), or the BOM.
#[inline]
fn changes(a: u8, b: u8, c: u8) -> bool {
    (a < 0x20) & (a != b'\n')
        | (a == 0x7f)
        | (a == 0xc2) & (b.wrapping_sub(0x80) <= 0x20)
        | (a == 0xe2)
            & ((b == 0x80) & (c.wrapping_sub(0xa8) <= 6)
                | (b == 0x81) & (c.wrapping_sub(0xa6) <= 3))
        | (a == 0xef) & (b == 0xbb) & (c == 0xbf)
}

/// Whether a byte may start a character [`clean_text`] changes: a C0
/// control but the newline, DEL, or the lead byte of U+0080–U+00BF (C1
/// controls, NBSP), U+2000–U+2FFF (line separators, bidi controls) or
/// U+F000–U+FFFF (the BOM).
fn needs_care(b: u8) -> bool {
    (b < 0x20 && b != b'\n') || matches!(b, 0x7f | 0xc2 | 0xe2 | 0xef)
}

/// Makes `s` safe to print on one terminal line while keeping it
/// recognisable: for file names, config values and messages that were not
/// cleaned at load. C0 controls become their Unicode control pictures
/// (ESC shows as `␛`, a newline as `␤`), DEL as `␡`, and C1 controls, bidi
/// controls and the BOM as `�`. Everything else is kept.
pub fn visible(s: &str) -> String {
    s.chars().map(visible_char).collect()
}

/// [`visible`] for a message of several lines: line breaks are kept.
pub fn visible_lines(s: &str) -> String {
    s.split('\n').map(visible).collect::<Vec<_>>().join("\n")
}

/// One character of [`visible`].
fn visible_char(c: char) -> char {
    match c {
        '\n' => '\u{2424}',
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        c if is_unsafe_for_terminal(c) => '\u{fffd}',
        c => c,
    }
}

/// Whether a character must never be written to a terminal as it is:
/// controls (C0, DEL, C1), bidi embeddings, overrides and isolates, and
/// the BOM, and the line and paragraph separators (they would break a
/// line the renderer thinks is one).
pub fn is_unsafe_for_terminal(c: char) -> bool {
    is_dropped(c) || c == '\u{2028}' || c == '\u{2029}'
}

/// Characters removed outright.
fn is_dropped(c: char) -> bool {
    c.is_control() // C0, DEL and C1; \n and \t are handled before this
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
        || c == '\u{feff}'
}

/// The text still to clean, read a character at a time.
struct Chars<'a> {
    rest: &'a str,
}

impl Chars<'_> {
    fn peek(&self) -> Option<char> {
        self.rest.chars().next()
    }

    fn next_if(&mut self, keep: impl FnOnce(&char) -> bool) -> Option<char> {
        let c = self.peek().filter(keep)?;
        self.next();
        Some(c)
    }

    fn next_if_eq(&mut self, want: &char) -> Option<char> {
        self.next_if(|c| c == want)
    }
}

impl Iterator for Chars<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.rest = &self.rest[c.len_utf8()..];
        Some(c)
    }
}

/// Skips what follows an ESC byte.
fn skip_escape(chars: &mut Chars<'_>) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string(chars);
        }
        Some(c) if ('\u{20}'..='\u{2f}').contains(&c) => {
            // nF sequence: intermediate bytes, then one final byte.
            while chars
                .next_if(|c| ('\u{20}'..='\u{2f}').contains(c))
                .is_some()
            {}
            chars.next_if(|c| ('\u{30}'..='\u{7e}').contains(c));
        }
        Some(c) if ('\u{30}'..='\u{7e}').contains(&c) => {
            chars.next();
        }
        _ => {}
    }
}

/// Skips a CSI sequence's parameters and intermediates up to its final byte.
/// A character that cannot be part of the sequence ends it and is kept.
fn skip_csi(chars: &mut Chars<'_>) {
    while let Some(c) = chars.peek() {
        if ('\u{20}'..='\u{3f}').contains(&c) {
            chars.next();
        } else {
            if ('\u{40}'..='\u{7e}').contains(&c) {
                chars.next();
            }
            return;
        }
    }
}

/// Skips a string sequence up to BEL, ST (`ESC \` or U+009C), or a line break.
fn skip_string(chars: &mut Chars<'_>) {
    while let Some(c) = chars.peek() {
        match c {
            '\u{7}' | '\u{9c}' => {
                chars.next();
                return;
            }
            '\u{1b}' => {
                chars.next();
                chars.next_if_eq(&'\\');
                return;
            }
            '\n' | '\r' if STRING_SEQUENCE_STOPS_AT_NEWLINE => return,
            _ => {
                chars.next();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_each_kind_of_control() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "plain text",
                "Envoys meet in Geneva",
                "Envoys meet in Geneva",
            ),
            ("csi colour", "\x1b[0;36mKyiv\x1b[0m talks", "Kyiv talks"),
            ("csi private", "a\x1b[?25lb", "ab"),
            ("osc 52 bel", "x\x1b]52;c;ZXZpbA==\x07y", "xy"),
            ("osc title st", "x\x1b]0;pwned\x1b\\y", "xy"),
            ("osc unterminated", "x\x1b]0;abc\nnext", "x\nnext"),
            ("dcs", "a\x1bPq#0;1\x1b\\b", "ab"),
            ("apc", "a\x1b_Gf=100;AAAA\x1b\\b", "ab"),
            ("pm and sos", "a\x1b^p\x1b\\b\x1bXs\x1b\\c", "abc"),
            ("two-byte esc", "a\x1bcb\x1b7c", "abc"),
            ("charset", "a\x1b(Bb", "ab"),
            ("trailing esc", "end\x1b", "end"),
            ("8-bit csi", "a\u{9b}31mb", "ab"),
            ("8-bit osc", "a\u{9d}52;c;QQ==\u{9c}b", "ab"),
            ("c1 control", "a\u{85}b\u{80}c", "abc"),
            ("c0 controls", "a\x00b\x07c\x08d\x7fe", "abcde"),
            ("tab", "a\tb", "a    b"),
            ("crlf", "a\r\nb\rc", "a\nb\nc"),
            ("line separator", "a\u{2028}b", "a\nb"),
            ("nbsp", "Nov.\u{a0}26", "Nov. 26"),
            ("bidi override", "abc\u{202e}fed\u{202c}", "abcfed"),
            ("bidi isolate", "\u{2066}x\u{2069}", "x"),
            ("bom", "\u{feff}Title", "Title"),
            (
                "curly quotes kept",
                "Trump\u{2019}s \u{201c}plan\u{201d} \u{2026}",
                "Trump’s “plan” …",
            ),
            ("accents kept", "Ličen, Siméon, 樋口", "Ličen, Siméon, 樋口"),
        ];
        for (name, input, want) in cases {
            assert_eq!(clean_text(input), *want, "case {name}");
            assert_eq!(clean_text_cow(input), *want, "case {name}, borrowed");
        }
    }

    #[test]
    fn borrowed_cleaning_matches_for_every_character() {
        // Each character alone and between letters, below U+3000 and the BOM.
        for c in (0u32..0x3000)
            .chain([0xfeff, 0xfffd])
            .filter_map(char::from_u32)
        {
            for text in [c.to_string(), format!("a{c}b\nc")] {
                assert_eq!(clean_text_cow(&text), clean_text(&text), "{:?}", c);
                let borrowed = matches!(clean_text_cow(&text), std::borrow::Cow::Borrowed(_));
                assert_eq!(borrowed, clean_text(&text) == text, "{:?}", c);
            }
        }
    }

    #[test]
    fn output_has_no_controls_but_newlines() {
        let nasty: String = (0u32..0x250).filter_map(char::from_u32).collect();
        let out = clean_text(&nasty);
        assert!(out.chars().all(|c| c == '\n' || !c.is_control()), "{out:?}");
    }

    #[test]
    fn visible_shows_controls_as_placeholders() {
        let cases = [
            ("plain.txt", "plain.txt"),
            ("evil\x1b]0;pwn\x07.txt", "evil␛]0;pwn␇.txt"),
            ("a\nb\tc\x7f", "a␤b␉c␡"),
            ("c1\u{9b}31m", "c1�31m"),
            ("rtl\u{202e}txt.exe", "rtl�txt.exe"),
            ("Ličen 樋口", "Ličen 樋口"),
        ];
        for (input, want) in cases {
            assert_eq!(visible(input), want, "{input:?}");
        }
        assert_eq!(visible_lines("a\x1b\nb"), "a␛\nb");
        let all: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        assert!(!visible(&all).chars().any(is_unsafe_for_terminal));
    }
}
