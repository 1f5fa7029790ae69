//! Dates as newsletters write them: "Wednesday, November 26, 2025", AP style
//! "Nov. 26, 2025", ISO "2025-11-26" and RFC 2822 mail dates.

use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate};
use regex::Regex;

/// A weekday name, for patterns that require one.
pub(crate) const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

/// The date part of a long date, with an optional weekday; used inside the
/// other patterns. Groups: month, day, year.
pub(crate) const LONG_DATE: &str = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)\s+(\d{1,2}),?\s+(\d{4})";

/// A line that is a date and nothing else.
static STANDALONE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(&format!(r"^{LONG_DATE}\.?$")).ok());

/// A weekday date opening a line that goes on with text.
static LEADING: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^((?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+{LONG_DATE})\.?\s+(\S.*)$"
    ))
    .ok()
});

/// An ISO date, optionally followed by a time.
static ISO: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$").ok());

/// The month number of a full or abbreviated month name.
fn month_number(name: &str) -> Option<u32> {
    let key = name.trim_end_matches('.').get(..3)?.to_ascii_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let index = months.iter().position(|m| *m == key)?;
    u32::try_from(index + 1).ok()
}

/// Builds a date from the month, day and year texts captured by [`LONG_DATE`].
pub(crate) fn from_parts(month: &str, day: &str, year: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year.parse().ok()?, month_number(month)?, day.parse().ok()?)
}

/// Parses a line that is only a date ("Tuesday, September 22, 2015",
/// "Sept. 1, 2024", "May 7, 2015").
pub fn standalone_date(line: &str) -> Option<NaiveDate> {
    let line = line.trim();
    // Cheap tests first: a weekday or month name opens it, a digit or a
    // period ends it.
    if !line.starts_with(|c: char| "ADFJMNOSTW".contains(c))
        || !line.ends_with(|c: char| c == '.' || c.is_numeric())
    {
        return None;
    }
    let caps = STANDALONE.as_ref()?.captures(line)?;
    from_parts(&caps[1], &caps[2], &caps[3])
}

/// Parses a line that opens with a weekday date and continues with text
/// ("Thursday, May 7, 2015 On Tuesday, …"): the date and the rest.
pub fn leading_date(line: &str) -> Option<(NaiveDate, &str)> {
    let line = line.trim();
    if !line.starts_with(|c: char| "FMSTW".contains(c)) {
        return None;
    }
    let caps = LEADING.as_ref()?.captures(line)?;
    let date = from_parts(&caps[2], &caps[3], &caps[4])?;
    let rest = caps.get(5)?.as_str();
    Some((date, rest))
}

/// Parses an ISO date (`2025-11-26`, `2025-11-26T08:00:00Z`).
pub fn iso_date(text: &str) -> Option<NaiveDate> {
    let caps = ISO.as_ref()?.captures(text.trim())?;
    NaiveDate::from_ymd_opt(
        caps[1].parse().ok()?,
        caps[2].parse().ok()?,
        caps[3].parse().ok()?,
    )
}

/// Parses a date header value: ISO, RFC 2822, or a long date.
pub fn header_date(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    iso_date(value)
        .or_else(|| {
            DateTime::parse_from_rfc2822(value)
                .ok()
                .map(|d| d.date_naive())
        })
        .or_else(|| standalone_date(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn patterns_compile() {
        assert!(STANDALONE.is_some() && LEADING.is_some() && ISO.is_some());
    }

    #[test]
    fn standalone_dates() {
        let cases = [
            ("Tuesday, September 22, 2015", d(2015, 9, 22)),
            ("Wednesday, November 26, 2025.", d(2025, 11, 26)),
            ("  Sept. 1, 2024 ", d(2024, 9, 1)),
            ("Jan. 16, 2024", d(2024, 1, 16)),
            ("May 7, 2015", d(2015, 5, 7)),
            ("February 30, 2015", None),
            ("September 1, 2012, for the home team", None),
            ("Born: June 11, 1988", None),
            ("Early life", None),
        ];
        for (line, want) in cases {
            assert_eq!(standalone_date(line), want, "{line}");
        }
    }

    #[test]
    fn leading_dates_keep_the_rest() {
        assert_eq!(
            leading_date("Thursday, May 7, 2015 On Tuesday, the council met."),
            Some((
                NaiveDate::from_ymd_opt(2015, 5, 7).unwrap_or_default(),
                "On Tuesday, the council met."
            ))
        );
        assert_eq!(leading_date("May 7, 2015 the council met."), None);
        assert_eq!(leading_date("Thursday, May 7, 2015"), None);
    }

    #[test]
    fn header_dates() {
        let cases = [
            ("2025-11-26", d(2025, 11, 26)),
            ("2025-11-26T07:30:00-05:00", d(2025, 11, 26)),
            ("Wed, 26 Nov 2025 07:30:00 -0500", d(2025, 11, 26)),
            ("Wednesday, November 26, 2025", d(2025, 11, 26)),
            ("yesterday", None),
            ("2025-13-01", None),
        ];
        for (value, want) in cases {
            assert_eq!(header_date(value), want, "{value}");
        }
    }
}
