//! Opening a link from an item in the user's browser or mail program,
//! safely.
//!
//! Links come from strangers' text. Terminal readers have run shell commands
//! hidden in URLs (quotes, `;`, `$()`, backticks, newlines) because they
//! pasted the URL into a shell string. Here a URL is checked by a strict
//! parser first (only `http`, `https` and `mailto`; no control characters,
//! spaces, quotes or backslashes anywhere), then handed to the opener as one
//! argument of an argument list: no shell ever sees it.

use std::fmt;
use std::process::Command;

mod collect;

pub use collect::{Link, item_links};

/// Names the program that opens links instead of the platform's one (run
/// with the URL as its only argument, never through a shell).
pub const OPENER_ENV: &str = "GAZETTE_OPENER";

/// Longest URL accepted, in bytes.
pub const MAX_URL_BYTES: usize = 4096;

/// Schemes that may be opened.
const ALLOWED_SCHEMES: &[&str] = &["http", "https", "mailto"];

/// Why a link was not opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// The URL is empty (or only spaces).
    Empty,
    /// Longer than [`MAX_URL_BYTES`].
    TooLong(usize),
    /// A character that has no place in a URL: a control character, space,
    /// quote, backslash, angle bracket or a non-ASCII character; with its
    /// byte offset.
    BadCharacter(usize, char),
    /// No `scheme:` at the start.
    NoScheme,
    /// A scheme other than http, https or mailto (`javascript:`, `file:`…).
    SchemeNotAllowed(String),
    /// An http(s) URL without `//host`, or with a malformed host.
    BadHost,
    /// A `mailto:` without an address.
    NoAddress,
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("the link is empty"),
            Self::TooLong(n) => write!(f, "the link is too long ({n} bytes)"),
            Self::BadCharacter(at, c) => {
                write!(
                    f,
                    "the link has a forbidden character U+{:04X} at byte {at}",
                    u32::from(*c)
                )
            }
            Self::NoScheme => f.write_str("the link has no scheme (http, https or mailto)"),
            Self::SchemeNotAllowed(s) => {
                write!(
                    f,
                    "links of kind '{s}' are not opened (only http, https, mailto)"
                )
            }
            Self::BadHost => f.write_str("the link has no valid host"),
            Self::NoAddress => f.write_str("the mail link has no address"),
        }
    }
}

impl std::error::Error for LinkError {}

/// The program that opens URLs: `GAZETTE_OPENER` when set, else the
/// platform's opener.
pub fn opener() -> String {
    if let Some(program) = std::env::var_os(OPENER_ENV).filter(|p| !p.is_empty()) {
        return program.to_string_lossy().into_owned();
    }
    if cfg!(target_os = "macos") {
        "open".into()
    } else {
        "xdg-open".into()
    }
}

/// Checks `url` and returns the command that opens it: the platform's
/// opener with the URL as its only argument. Nothing is run.
pub fn open_command(url: &str) -> Result<Command, LinkError> {
    let url = check_url(url)?;
    let mut command = Command::new(opener());
    // "--" is not used: xdg-open and open take one operand, and a checked
    // URL starts with a letter, so it cannot be read as an option.
    command.arg(url);
    Ok(command)
}

/// Validates `url` (surrounding spaces trimmed) and returns it unchanged.
pub fn check_url(url: &str) -> Result<&str, LinkError> {
    let url = url.trim_matches(|c| c == ' ');
    if url.is_empty() {
        return Err(LinkError::Empty);
    }
    if url.len() > MAX_URL_BYTES {
        return Err(LinkError::TooLong(url.len()));
    }
    if let Some((at, c)) = url.char_indices().find(|&(_, c)| !allowed_char(c)) {
        return Err(LinkError::BadCharacter(at, c));
    }
    let (scheme, rest) = url.split_once(':').ok_or(LinkError::NoScheme)?;
    if !valid_scheme(scheme) {
        return Err(LinkError::NoScheme);
    }
    let scheme_lower = scheme.to_ascii_lowercase();
    if !ALLOWED_SCHEMES.contains(&scheme_lower.as_str()) {
        return Err(LinkError::SchemeNotAllowed(scheme_lower));
    }
    if scheme_lower == "mailto" {
        let address = rest.split(['?', '#']).next().unwrap_or("");
        if address.is_empty() || address.starts_with('/') {
            return Err(LinkError::NoAddress);
        }
        return Ok(url);
    }
    let after = rest.strip_prefix("//").ok_or(LinkError::BadHost)?;
    let authority = after.split(['/', '?', '#']).next().unwrap_or("");
    if !valid_authority(authority) {
        return Err(LinkError::BadHost);
    }
    Ok(url)
}

/// Printable ASCII that may appear in a URL. Quotes, backslashes, angle
/// brackets, braces, `|`, `^`, the backtick and spaces are excluded (they
/// must be percent-encoded in a real URL); `$`, `;`, `(`, `)` are legal
/// URL characters and harmless in an argument list.
fn allowed_char(c: char) -> bool {
    c.is_ascii_graphic()
        && !matches!(
            c,
            '"' | '\'' | '\\' | '<' | '>' | '`' | '{' | '}' | '|' | '^'
        )
}

/// RFC 3986: a letter, then letters, digits, `+`, `-`, `.`.
fn valid_scheme(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// `[userinfo@]host[:port]` with a non-empty host of letters, digits, `-`,
/// `.`, or a bracketed IPv6 literal; the port, when present, digits only.
fn valid_authority(authority: &str) -> bool {
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let (host, port) = if let Some(rest) = host_port.strip_prefix('[') {
        match rest.split_once(']') {
            Some((v6, tail)) => {
                if v6.is_empty()
                    || !v6
                        .chars()
                        .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
                {
                    return false;
                }
                (v6, tail.strip_prefix(':'))
            }
            None => return false,
        }
    } else {
        match host_port.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (host_port, None),
        }
    };
    let host_ok = !host.is_empty()
        && !host.starts_with(['-', '.'])
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | ':'));
    let port_ok =
        port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
    host_ok && port_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(command: &Command) -> Vec<String> {
        command
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn safe_links_become_one_argument() {
        let cases = [
            "https://example.org/news?id=4&s=a;b",
            "http://example.org:8080/a/(b)/$c",
            "HTTPS://Example.ORG",
            "https://user@example.org/",
            "https://[2001:db8::1]:443/path",
            "mailto:desk@example.org?subject=Hello%20there",
            "https://example.org/a%22b%27c",
        ];
        for url in cases {
            let command = open_command(url).unwrap_or_else(|e| panic!("{url}: {e}"));
            assert_eq!(command.get_program(), opener().as_str(), "{url}");
            assert_eq!(args(&command), [url], "{url}");
        }
    }

    #[test]
    fn hostile_links_are_refused() {
        let cases: &[(&str, LinkError)] = &[
            ("", LinkError::Empty),
            ("   ", LinkError::Empty),
            (
                "https://example.org/\"; rm -rf ~; \"",
                LinkError::BadCharacter(20, '"'),
            ),
            (
                "https://example.org/';touch /tmp/x;'",
                LinkError::BadCharacter(20, '\''),
            ),
            ("https://example.org/`id`", LinkError::BadCharacter(20, '`')),
            (
                "https://example.org/ $(id)",
                LinkError::BadCharacter(20, ' '),
            ),
            (
                "https://example.org/\nrm -rf ~",
                LinkError::BadCharacter(20, '\n'),
            ),
            (
                "https://example.org/\r\n",
                LinkError::BadCharacter(20, '\r'),
            ),
            (
                "https://example.org/\x1b]52;c;QQ==\x07",
                LinkError::BadCharacter(20, '\x1b'),
            ),
            (
                "https://example.org/\u{202e}gpj.exe",
                LinkError::BadCharacter(20, '\u{202e}'),
            ),
            ("https://exämple.org/", LinkError::BadCharacter(10, 'ä')),
            ("https://example.org/a|b", LinkError::BadCharacter(21, '|')),
            (
                "https://example.org/a\\b",
                LinkError::BadCharacter(21, '\\'),
            ),
            (
                "javascript:alert(1)",
                LinkError::SchemeNotAllowed("javascript".into()),
            ),
            (
                "JavaScript:alert(1)",
                LinkError::SchemeNotAllowed("javascript".into()),
            ),
            (
                "file:///etc/passwd",
                LinkError::SchemeNotAllowed("file".into()),
            ),
            (
                "data:text/html;base64,QQ==",
                LinkError::SchemeNotAllowed("data".into()),
            ),
            ("ssh://host", LinkError::SchemeNotAllowed("ssh".into())),
            ("-e/usr/bin/id", LinkError::NoScheme),
            ("--help", LinkError::NoScheme),
            ("example.org/page", LinkError::NoScheme),
            ("1http://x", LinkError::NoScheme),
            ("https:example.org", LinkError::BadHost),
            ("https://", LinkError::BadHost),
            ("https:///etc/passwd", LinkError::BadHost),
            ("https://-oProxyCommand=id/", LinkError::BadHost),
            ("https://host:80a/", LinkError::BadHost),
            ("https://[::1/", LinkError::BadHost),
            ("mailto:", LinkError::NoAddress),
            ("mailto:?subject=x", LinkError::NoAddress),
        ];
        for (url, want) in cases {
            let got = open_command(url).map(|c| args(&c));
            assert_eq!(got, Err(want.clone()), "{url:?}");
        }
        let long = format!("https://example.org/{}", "a".repeat(MAX_URL_BYTES));
        assert_eq!(check_url(&long), Err(LinkError::TooLong(long.len())));
    }

    #[test]
    fn no_accepted_link_can_break_out_of_an_argument() {
        // Every printable ASCII character at every position of a URL: an
        // accepted URL never holds a quote, backtick, space or control.
        for c in (0u8..=127).map(char::from) {
            for url in [
                format!("https://example.org/{c}"),
                format!("https://ex{c}ample.org/"),
                format!("{c}https://example.org/"),
                format!("mailto:a{c}b@example.org"),
            ] {
                if let Ok(ok) = check_url(&url) {
                    assert!(
                        !ok.chars().any(|c| c.is_control() || " \"'`\\".contains(c)),
                        "{url:?}"
                    );
                }
            }
        }
    }
}
