//! Inline Markdown: removing emphasis and link syntax when reading, and
//! escaping the characters that would be read as syntax when writing.

/// Longest link text, and longest link target, looked for.
const MAX_LINK_CHARS: usize = 2048;

/// Characters [`escape`] protects with a backslash.
const ESCAPED: &[char] = &['\\', '*', '_', '`', '[', ']', '~'];

/// Plain text of an inline Markdown span: `**`, `*`, `_` (at word edges),
/// `~~` and backticks removed, `[text](url)` and `![alt](url)` reduced to
/// their text, `\x` read as a literal `x`.
pub fn strip(s: &str) -> String {
    strip_collect(s, None)
}

/// Like [`strip`], but a link `[text](url)` becomes `text [n]`, its target
/// kept as `links[n - 1]` (a target met before keeps its number), the way
/// items read from HTML mark their links. Images stay their alt text.
pub fn strip_links(s: &str, links: &mut Vec<String>) -> String {
    strip_collect(s, Some(links))
}

fn strip_collect(s: &str, mut links: Option<&mut Vec<String>>) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        match c {
            '\\' if next.is_some_and(|n| n.is_ascii_punctuation()) => {
                out.extend(next);
                i += 2;
                continue;
            }
            '`' => {}
            '*' if !(prev.is_none_or(char::is_whitespace)
                && next.is_none_or(char::is_whitespace)) => {}
            '~' if next == Some('~') => i += 1,
            '_' if !(prev.is_some_and(char::is_alphanumeric)
                && next.is_some_and(char::is_alphanumeric)) => {}
            '!' if next == Some('[') => {}
            '[' => match link_end(&chars, i) {
                Some((text_end, end)) => {
                    let inner: String = chars[i + 1..text_end].iter().collect();
                    out.push_str(&strip(&inner));
                    let image = prev == Some('!');
                    let target = chars.get(text_end + 1) == Some(&'(');
                    if let Some(links) = links.as_deref_mut()
                        && target
                        && !image
                    {
                        let url: String = chars[text_end + 2..end - 1].iter().collect();
                        let url = url.split_whitespace().next().unwrap_or("").to_string();
                        if !url.is_empty() {
                            let n = match links.iter().position(|l| *l == url) {
                                Some(p) => p + 1,
                                None => {
                                    links.push(url);
                                    links.len()
                                }
                            };
                            out.push_str(&format!(" [{n}]"));
                        }
                    }
                    i = end;
                    continue;
                }
                None => out.push(c),
            },
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

/// For a `[` at `open`: the index of its `]` and the index just past the
/// link's `(url)` or `[ref]`, when it is a link.
fn link_end(chars: &[char], open: usize) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let mut close = None;
    let mut i = open;
    // Links are short; the bound keeps a line of unmatched brackets linear.
    let limit = chars.len().min(open + MAX_LINK_CHARS);
    while i < limit {
        match chars[i] {
            '\\' => i += 1,
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(i);
                    break;
                }
            }
            _ => {}
        }
        i += 1;
    }
    let close = close?;
    let closer = match chars.get(close + 1)? {
        '(' => ')',
        '[' => ']',
        _ => return None,
    };
    let target = chars.get(close + 2..)?;
    let end = target
        .iter()
        .take(MAX_LINK_CHARS)
        .position(|&c| c == closer)?
        + close
        + 3;
    Some((close, end))
}

/// Escapes the characters [`strip`] would treat as syntax.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if ESCAPED.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_inline_syntax() {
        let cases = [
            (
                "**Bold** and *italic* and _under_",
                "Bold and italic and under",
            ),
            ("snake_case stays", "snake_case stays"),
            ("5 * 3 stays", "5 * 3 stays"),
            ("a `code` span", "a code span"),
            (
                "see [the port](https://example.org/p) now",
                "see the port now",
            ),
            ("![a crane](img.png) stands", "a crane stands"),
            ("[**bold link**](u)", "bold link"),
            ("ref [link][1] here", "ref link here"),
            ("~~gone~~ kept", "gone kept"),
            ("[not a link] here", "[not a link] here"),
            (
                r"\*literal\* and \_x\_ and \[y]",
                "*literal* and _x_ and [y]",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(strip(input), want, "{input}");
        }
    }

    #[test]
    fn links_are_numbered_and_kept() {
        let mut links = Vec::new();
        let text = strip_links(
            "see [the port](https://example.org/p \"title\") and ![map](m.png), \
             [again](https://example.org/p), [**other**](mailto:a@b.c) [ref][1]",
            &mut links,
        );
        assert_eq!(text, "see the port [1] and map, again [1], other [2] ref");
        assert_eq!(links, ["https://example.org/p", "mailto:a@b.c"]);
    }

    #[test]
    fn escape_then_strip_is_identity() {
        for text in [
            "a*b_c`d[e]f~~g\\h",
            "plain text",
            "Trump’s “plan” … (AP Photo/Jo)",
            "x_y [z](w)",
        ] {
            assert_eq!(strip(&escape(text)), text);
        }
    }
}
