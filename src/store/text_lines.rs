//! The line pass of the plain-text parser: header lines at the top of a
//! file, then every line sorted into metadata (newsletter, publisher, date,
//! author), boilerplate to drop, or body text to keep.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::{Captures, Regex};

use super::dates::{self, LONG_DATE, WEEKDAY};

/// How many kept lines from the top may still be a date or byline line.
const TOP_LINES: usize = 4;

/// Metadata met in the text.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Meta {
    /// From a `Title:` header.
    pub title: Option<String>,
    /// Newsletter name.
    pub newsletter: Option<String>,
    /// Publisher name.
    pub publisher: Option<String>,
    /// Publication date.
    pub date: Option<NaiveDate>,
    /// Author or byline.
    pub author: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Tags from a `Tags:` header.
    pub tags: Vec<String>,
    /// An intro line of a whole issue was seen ("X for <date>.", "Welcome to X:").
    pub is_issue: bool,
    /// The 1-based line of a `Date:` header that could not be read.
    pub bad_date_line: Option<usize>,
}

/// The result of the line pass.
#[derive(Debug, Default)]
pub struct Scan<'a> {
    /// Metadata found.
    pub meta: Meta,
    /// Body lines kept, trimmed; `""` marks a blank line.
    pub lines: Vec<&'a str>,
}

/// Compiles a pattern once; a pattern that fails to compile matches nothing
/// (the tests check that all compile).
fn re(pattern: &str) -> Option<Regex> {
    Regex::new(pattern).ok()
}

fn caps<'a>(re: &LazyLock<Option<Regex>>, line: &'a str) -> Option<Captures<'a>> {
    re.as_ref()?.captures(line)
}

static HEADER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(r"(?i)^(title|subject|date|newsletter|publisher|author|by|url|link|source|tags):\s*(.*)$")
});
static REPOST: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"(?i)^A version of this (?:story|article|report) (?:first )?appeared in (?:the )?(?:daily |weekly |morning |evening )?(.+?) newsletter(?: from (.+?))?\.(?:\s|$)",
    )
});
static INTRO: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(&format!(
        r"^([A-Z][^.:!?]{{0,60}}?) for {WEEKDAY},\s+{LONG_DATE}\.(?:\s|$)"
    ))
});
static WELCOME: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(r"^Welcome to ([A-Z][^.:!?]{0,60}?)\s*:"));
static IS_DAILY: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(r"^([A-Z][^.:!?]{0,60}?) is (?:daily|weekly)\s*:"));
static ROLLING_OUT: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(r"^(.{3,60}?) is now rolling out (.{3,60}?) on a (?:daily|weekly) basis"));
static ON_SITE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"(?i)^This is an? (?:on-site |online |web )?version of (?:the |our )?(.{3,60}?) newsletter\b",
    )
});
static DATELINE: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(&format!(r"^[-–—]\s*(.{{3,60}}?)\s*[-–—]\s*{LONG_DATE}\s*$")));
static BYLINE: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(r"^By\s+([A-Z][\w.'’-]*(?:,?\s+(?:and\s+)?[A-Z][\w.'’-]*){0,6})$"));

/// Lines dropped wherever they appear (compared after trimming).
const BOILERPLATE_LINES: &[&str] = &[
    "Skip to content",
    "Advertisement",
    "ADVERTISEMENT",
    "Go to my account",
    "Scroll to the comments section",
];

/// Line openings that mark a line as boilerplate.
const BOILERPLATE_PREFIXES: &[&str] = &[
    "TRENDING:",
    "SEE ALSO:",
    "Share this",
    "Sign up",
    "Click here",
    "Send tips to",
    "Read rest at",
];

/// Phrases that mark a signup/intro line.
const SIGNUP_PHRASES: &[&str] = &[
    "who can sign up here",
    "sign up to receive",
    "sign up here",
    "subscribe here",
];

/// Splits `Key: value` header lines off the top of the file: returns them
/// as metadata and the index of the first body line.
pub fn parse_headers(lines: &[&str]) -> (Meta, usize) {
    let mut meta = Meta::default();
    let start = lines.iter().take_while(|l| l.trim().is_empty()).count();
    let mut end = start;
    for line in &lines[start..] {
        let Some(c) = caps(&HEADER, line.trim()) else {
            break;
        };
        let value = c[2].trim().to_string();
        end += 1;
        if value.is_empty() {
            continue;
        }
        match c[1].to_ascii_lowercase().as_str() {
            "title" | "subject" => meta.title = Some(value),
            "date" => {
                meta.date = dates::header_date(&value);
                if meta.date.is_none() {
                    meta.bad_date_line = Some(end);
                }
            }
            "newsletter" => meta.newsletter = Some(value),
            "publisher" => meta.publisher = Some(value),
            "author" | "by" => meta.author = Some(value),
            "tags" => {
                meta.tags = value
                    .split(',')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(String::from)
                    .collect();
            }
            _ => meta.url = Some(value),
        }
    }
    (meta, end)
}

/// Sorts body lines into metadata, boilerplate and kept text.
pub fn scan<'a>(lines: &[&'a str], meta: Meta) -> Scan<'a> {
    let mut scan = Scan {
        meta,
        lines: Vec::with_capacity(lines.len()),
    };
    let mut masthead: Option<usize> = None;
    let mut kept_text = 0usize;
    for raw in lines {
        let line = raw.trim();
        if line.is_empty() {
            scan.lines.push("");
            continue;
        }
        let top = kept_text < TOP_LINES;
        match classify(line, top, &mut scan.meta) {
            Class::Drop => {}
            Class::Intro => {
                scan.meta.is_issue = true;
                if let Some(index) = masthead.take() {
                    adopt_masthead(&mut scan, index);
                }
            }
            Class::Keep(text) => {
                if kept_text == 0 && is_masthead_like(text) {
                    masthead = Some(scan.lines.len());
                }
                scan.lines.push(text);
                kept_text += 1;
            }
        }
    }
    if let Some(publisher) = scan.meta.publisher.clone() {
        // The masthead alone on a line, wherever the intro left it.
        for line in &mut scan.lines {
            if *line == publisher {
                *line = "";
            }
        }
    }
    scan
}

/// A kept line just before an intro line is the masthead: take it as the
/// publisher and drop it.
fn adopt_masthead(scan: &mut Scan<'_>, index: usize) {
    if let Some(line) = scan.lines.get_mut(index) {
        let name = std::mem::take(line);
        scan.meta.publisher.get_or_insert_with(|| name.to_string());
    }
}

/// A short title-like line with no sentence punctuation.
fn is_masthead_like(line: &str) -> bool {
    line.chars().count() <= 60
        && line.chars().next().is_some_and(char::is_uppercase)
        && !line.ends_with(['.', '?', '!', ':', ','])
}

/// What one line is.
enum Class<'a> {
    Drop,
    Intro,
    Keep(&'a str),
}

fn classify<'a>(line: &'a str, top: bool, meta: &mut Meta) -> Class<'a> {
    if BOILERPLATE_LINES.contains(&line) || BOILERPLATE_PREFIXES.iter().any(|p| line.starts_with(p))
    {
        return Class::Drop;
    }
    if may_be_repost(line)
        && let Some(c) = caps(&REPOST, line)
    {
        set(&mut meta.newsletter, &c[1]);
        if let Some(publisher) = c.get(2) {
            set(&mut meta.publisher, publisher.as_str());
        }
        return Class::Drop;
    }
    if top && let Some(class) = intro_line(line, meta) {
        return class;
    }
    if line.starts_with(['-', '–', '—'])
        && let Some(c) = caps(&DATELINE, line)
    {
        set(&mut meta.publisher, &c[1]);
        set_date(meta, dates::from_parts(&c[2], &c[3], &c[4]));
        return Class::Drop;
    }
    if may_be_signup(line) {
        let lower = line.to_lowercase();
        if SIGNUP_PHRASES.iter().any(|p| lower.contains(p)) && line.chars().count() < 400 {
            return Class::Drop;
        }
    }
    if top {
        if let Some(date) = dates::standalone_date(line) {
            set_date(meta, Some(date));
            return Class::Drop;
        }
        if let Some((date, rest)) = dates::leading_date(line) {
            set_date(meta, Some(date));
            return Class::Keep(rest);
        }
        if line.starts_with("By")
            && let Some(c) = caps(&BYLINE, line)
        {
            set(&mut meta.author, &c[1]);
            return Class::Drop;
        }
    }
    Class::Keep(line)
}

/// A cheap test that [`REPOST`] may match: "A v" in any case (neither
/// letter has another case-insensitive match outside ASCII).
fn may_be_repost(line: &str) -> bool {
    matches!(line.as_bytes(), [b'a' | b'A', b' ', b'v' | b'V', ..])
}

/// A cheap test that a line may hold one of the [`SIGNUP_PHRASES`]: "sign
/// up" or "subscribe here" in any ASCII case. Lower-casing maps no other
/// character to an ASCII letter that could complete a phrase (the Kelvin
/// sign gives a "k", which no phrase has).
fn may_be_signup(line: &str) -> bool {
    let bytes = line.as_bytes();
    // Both phrases open with "sig" or "sub": a branch-free pass (which the
    // compiler vectorizes) rules out nearly every line first. (`| 0x20`
    // lower-cases an ASCII letter and maps no other byte to one of these.)
    if bytes.len() < 3 {
        return false;
    }
    let low = |b: u8| b | 0x20;
    let opens =
        bytes
            .iter()
            .zip(&bytes[1..])
            .zip(&bytes[2..])
            .fold(false, |hit, ((&a, &b), &c)| {
                hit | ((low(a) == b's')
                    & ((low(b) == b'i') & (low(c) == b'g') | (low(b) == b'u') & (low(c) == b'b')))
            });
    if !opens {
        return false;
    }
    bytes.iter().enumerate().any(|(i, &b)| {
        b.eq_ignore_ascii_case(&b's')
            && ["sign up", "subscribe here"].iter().any(|p| {
                bytes
                    .get(i..i + p.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(p.as_bytes()))
            })
    })
}

/// The intro lines of whole issues.
fn intro_line(line: &str, meta: &mut Meta) -> Option<Class<'static>> {
    // Each pattern has a literal part; a line with none of them is no intro.
    // (Each pattern is only tried when its own literal part is there.)
    let on_site = matches!(line.as_bytes(), [b't' | b'T', b'h' | b'H', ..]);
    let intro = line.contains(" for ");
    let rolling = line.contains(" is now rolling out ");
    let welcome = line.starts_with("Welcome to ");
    let daily = line.contains(" is daily") || line.contains(" is weekly");
    if !(intro || rolling || welcome || daily || on_site) {
        return None;
    }
    let when = |ok: bool, re: &LazyLock<Option<Regex>>| if ok { caps(re, line) } else { None };
    if let Some(c) = when(intro, &INTRO) {
        set(&mut meta.newsletter, &c[1]);
        set_date(meta, dates::from_parts(&c[2], &c[3], &c[4]));
    } else if let Some(c) = when(rolling, &ROLLING_OUT) {
        set(&mut meta.publisher, &c[1]);
        set(&mut meta.newsletter, &c[2]);
    } else if let Some(c) = when(welcome, &WELCOME).or_else(|| when(daily, &IS_DAILY)) {
        set(&mut meta.newsletter, &c[1]);
    } else if let Some(c) = when(on_site, &ON_SITE) {
        set(&mut meta.newsletter, &c[1]);
    } else {
        return None;
    }
    Some(Class::Intro)
}

/// Keeps the first value found.
fn set(slot: &mut Option<String>, value: &str) {
    let value = value.trim();
    if slot.is_none() && !value.is_empty() {
        *slot = Some(value.to_string());
    }
}

fn set_date(meta: &mut Meta, date: Option<NaiveDate>) {
    if meta.date.is_none() {
        meta.date = date;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_compile() {
        for p in [
            &HEADER,
            &REPOST,
            &INTRO,
            &WELCOME,
            &IS_DAILY,
            &ROLLING_OUT,
            &ON_SITE,
            &DATELINE,
            &BYLINE,
        ] {
            assert!(p.is_some());
        }
    }

    #[test]
    fn headers_stop_at_the_first_other_line() {
        let lines = [
            "Title: Harbor cranes idle",
            "Date: 2024-03-05",
            "Newsletter: Port Report",
            "Author: Ada Quill",
            "URL: https://example.org/a",
            "Tags: ports, labor",
            "",
            "Date: this is body text",
        ];
        let (meta, end) = parse_headers(&lines);
        assert_eq!(end, 6);
        assert_eq!(meta.title.as_deref(), Some("Harbor cranes idle"));
        assert_eq!(meta.date, NaiveDate::from_ymd_opt(2024, 3, 5));
        assert_eq!(meta.newsletter.as_deref(), Some("Port Report"));
        assert_eq!(meta.author.as_deref(), Some("Ada Quill"));
        assert_eq!(meta.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(meta.tags, ["ports", "labor"]);
    }

    #[test]
    fn no_headers_means_body_starts_at_zero() {
        let (meta, end) = parse_headers(&["A plain story.", "More."]);
        assert_eq!((meta, end), (Meta::default(), 0));
    }

    /// (line, newsletter, publisher, date, kept text)
    #[test]
    fn line_rules() {
        type Case = (
            &'static str,
            Option<&'static str>,
            Option<&'static str>,
            Option<(i32, u32, u32)>,
            Option<&'static str>,
        );
        let cases: &[Case] = &[
            ("Skip to content", None, None, None, None),
            ("TRENDING: Some story elsewhere", None, None, None, None),
            ("Advertisement", None, None, None, None),
            (
                "A version of this story appeared in the daily Harbor Watch newsletter from The Coastal Ledger. Click here to receive it.",
                Some("Harbor Watch"),
                Some("The Coastal Ledger"),
                None,
                None,
            ),
            (
                "Click here to receive Harbor Watch in your inbox.",
                None,
                None,
                None,
                None,
            ),
            (
                "Harbor Watch for Monday, March 4, 2024. Share this daily newsletter with your friends, who can sign up here.",
                Some("Harbor Watch"),
                None,
                Some((2024, 3, 4)),
                None,
            ),
            (
                "Welcome to Harbor Watch: Share it with your friends.",
                Some("Harbor Watch"),
                None,
                None,
                None,
            ),
            (
                "Harbor Watch is daily: Share it with your friends.",
                Some("Harbor Watch"),
                None,
                None,
                None,
            ),
            (
                "- The Coastal Ledger - Tuesday, March 5, 2024",
                None,
                Some("The Coastal Ledger"),
                Some((2024, 3, 5)),
                None,
            ),
            ("SEE ALSO: Another headline here", None, None, None, None),
            (
                "The Coastal Ledger is now rolling out Harbor Watch on a daily basis! Sign up to receive it.",
                Some("Harbor Watch"),
                Some("The Coastal Ledger"),
                None,
                None,
            ),
            (
                "This is an on-site version of the Island Notes newsletter. Sign up for free here.",
                Some("Island Notes"),
                None,
                None,
                None,
            ),
            (
                "Hearing set for Tuesday, March 5, 2024",
                None,
                None,
                None,
                Some("Hearing set for Tuesday, March 5, 2024"),
            ),
            (
                "Welcome to Port Alder!",
                None,
                None,
                None,
                Some("Welcome to Port Alder!"),
            ),
            (
                "Send tips to Harbor Editor Ada Quill.",
                None,
                None,
                None,
                None,
            ),
            (
                "Tuesday, March 5, 2024",
                None,
                None,
                Some((2024, 3, 5)),
                None,
            ),
            (
                "Tuesday, March 5, 2024 The port opened.",
                None,
                None,
                Some((2024, 3, 5)),
                Some("The port opened."),
            ),
            ("By Ada Quill", None, None, None, None),
            (
                "Dock workers met on Monday.",
                None,
                None,
                None,
                Some("Dock workers met on Monday."),
            ),
        ];
        for (line, newsletter, publisher, date, kept) in cases {
            let scan = scan(&[line], Meta::default());
            let text: Vec<&str> = scan
                .lines
                .iter()
                .copied()
                .filter(|l| !l.is_empty())
                .collect();
            assert_eq!(scan.meta.newsletter.as_deref(), *newsletter, "{line}");
            assert_eq!(scan.meta.publisher.as_deref(), *publisher, "{line}");
            let want = date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
            assert_eq!(scan.meta.date, want, "{line}");
            assert_eq!(text.first().copied(), *kept, "{line}");
        }
    }

    #[test]
    fn masthead_before_intro_becomes_publisher() {
        let lines = [
            "Skip to content",
            "",
            "The Coastal Ledger",
            "",
            "Harbor Watch for Friday, March 8, 2024. Share this daily newsletter.",
            "",
            "Lead paragraph text.",
        ];
        let scan = scan(&lines, Meta::default());
        assert_eq!(scan.meta.publisher.as_deref(), Some("The Coastal Ledger"));
        assert!(scan.meta.is_issue);
        let text: Vec<&str> = scan
            .lines
            .iter()
            .copied()
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(text, ["Lead paragraph text."]);
    }

    #[test]
    fn byline_only_near_the_top() {
        let mut lines = vec!["First.", "Second.", "Third.", "Fourth.", "Fifth."];
        lines.push("By Ada Quill");
        let scan = scan(&lines, Meta::default());
        assert_eq!(scan.meta.author, None);
        assert!(scan.lines.contains(&"By Ada Quill"));
    }
}
