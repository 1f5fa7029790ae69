//! Named styles (by role, not colour), parsed from the `[theme]` table.

use ratatui::style::{Color, Modifier, Style};

/// Every style the interface uses, by role.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Theme {
    /// Pane borders.
    pub border: Style,
    /// The border of the focused pane.
    pub border_focused: Style,
    /// Titles (header, article title).
    pub title: Style,
    /// The selected row.
    pub selected: Style,
    /// An unread item.
    pub unread: Style,
    /// A read item.
    pub read: Style,
    /// Dates.
    pub date: Style,
    /// Newsletter names.
    pub newsletter: Style,
    /// Section headlines in an article.
    pub heading: Style,
    /// Photo captions.
    pub caption: Style,
    /// People.
    pub person: Style,
    /// Places.
    pub place: Style,
    /// Organizations.
    pub organization: Style,
    /// The mention the view was scrolled to.
    pub current_mention: Style,
    /// The status and hint line.
    pub status: Style,
    /// Error messages.
    pub error: Style,
}

/// The dark preset (the defaults of `config/default.toml`'s `[theme]`).
const DARK: &[(&str, &str)] = &[
    ("border", "dark_gray"),
    ("border_focused", "cyan"),
    ("title", "bold"),
    ("selected", "reversed"),
    ("unread", "bold"),
    ("read", "default"),
    ("date", "dark_gray"),
    ("newsletter", "cyan"),
    ("heading", "bold underlined"),
    ("caption", "dark_gray italic"),
    ("person", "yellow"),
    ("place", "green"),
    ("organization", "magenta"),
    ("current_mention", "black on yellow bold"),
    ("status", "dark_gray"),
    ("error", "light_red bold"),
];

/// The light preset: colours that stay readable on a white background.
const LIGHT: &[(&str, &str)] = &[
    ("border", "gray"),
    ("border_focused", "blue"),
    ("title", "bold"),
    ("selected", "reversed"),
    ("unread", "bold"),
    ("read", "default"),
    ("date", "dark_gray"),
    ("newsletter", "blue"),
    ("heading", "bold underlined"),
    ("caption", "dark_gray italic"),
    ("person", "#9a4d00 bold"),
    ("place", "#00741f"),
    ("organization", "#8b008b"),
    ("current_mention", "white on blue bold"),
    ("status", "dark_gray"),
    ("error", "red bold"),
];

/// Names of the built-in presets, for messages.
pub const PRESETS: &[&str] = &["dark", "light"];

impl Theme {
    /// A built-in preset by name ("dark", "light").
    pub fn preset(name: &str) -> Option<Self> {
        let table = match name {
            "dark" => DARK,
            "light" => LIGHT,
            _ => return None,
        };
        let mut theme = Self::plain();
        for (role, spec) in table {
            let style = parse_style(spec).ok()?;
            if !theme.set(role, style) {
                return None;
            }
        }
        Some(theme)
    }

    /// No colours or modifiers at all: for tests and `NO_COLOR`.
    pub fn plain() -> Self {
        Self::default()
    }

    /// Sets the style of a role by its config name; `false` if the name is unknown.
    pub fn set(&mut self, role: &str, style: Style) -> bool {
        let slot = match role {
            "border" => &mut self.border,
            "border_focused" => &mut self.border_focused,
            "title" => &mut self.title,
            "selected" => &mut self.selected,
            "unread" => &mut self.unread,
            "read" => &mut self.read,
            "date" => &mut self.date,
            "newsletter" => &mut self.newsletter,
            "heading" => &mut self.heading,
            "caption" => &mut self.caption,
            "person" => &mut self.person,
            "place" => &mut self.place,
            "organization" => &mut self.organization,
            "current_mention" => &mut self.current_mention,
            "status" => &mut self.status,
            "error" => &mut self.error,
            _ => return false,
        };
        *slot = style;
        true
    }

    /// The theme as the environment wants it: a `NO_COLOR` variable set to
    /// anything but the empty string turns colours off (no-color.org).
    pub fn for_environment(self, no_color: Option<&std::ffi::OsStr>) -> Self {
        if no_color.is_some_and(|v| !v.is_empty()) {
            self.without_colours()
        } else {
            self
        }
    }

    /// Drops every colour but keeps bold/underline/reverse, for `NO_COLOR`.
    pub fn without_colours(mut self) -> Self {
        for style in [
            &mut self.border,
            &mut self.border_focused,
            &mut self.title,
            &mut self.selected,
            &mut self.unread,
            &mut self.read,
            &mut self.date,
            &mut self.newsletter,
            &mut self.heading,
            &mut self.caption,
            &mut self.person,
            &mut self.place,
            &mut self.organization,
            &mut self.current_mention,
            &mut self.status,
            &mut self.error,
        ] {
            style.fg = None;
            style.bg = None;
        }
        // Mentions must stay visible without colour.
        self.person = self.person.add_modifier(Modifier::UNDERLINED);
        self.place = self.place.add_modifier(Modifier::UNDERLINED);
        self.organization = self.organization.add_modifier(Modifier::UNDERLINED);
        self.current_mention = self.current_mention.add_modifier(Modifier::REVERSED);
        self
    }
}

/// Parses a style such as `"yellow"`, `"black on yellow bold"`, `"#ff8800 italic"`.
pub fn parse_style(text: &str) -> Result<Style, String> {
    let mut style = Style::default();
    let mut words = text.split_whitespace().peekable();
    let mut fg_set = false;
    while let Some(word) = words.next() {
        let lower = word.to_ascii_lowercase();
        if lower == "on" {
            let colour = words
                .next()
                .ok_or_else(|| format!("'on' needs a colour in '{text}'"))?;
            style = style.bg(parse_colour(colour)?);
            continue;
        }
        if let Some(modifier) = parse_modifier(&lower) {
            style = style.add_modifier(modifier);
            continue;
        }
        if lower == "default" {
            continue;
        }
        if fg_set {
            return Err(format!("unexpected word '{word}' in style '{text}'"));
        }
        style = style.fg(parse_colour(word)?);
        fg_set = true;
    }
    Ok(style)
}

fn parse_modifier(word: &str) -> Option<Modifier> {
    Some(match word {
        "bold" => Modifier::BOLD,
        "dim" => Modifier::DIM,
        "italic" => Modifier::ITALIC,
        "underlined" | "underline" => Modifier::UNDERLINED,
        "reversed" | "reverse" => Modifier::REVERSED,
        _ => return None,
    })
}

fn parse_colour(word: &str) -> Result<Color, String> {
    let lower = word.to_ascii_lowercase().replace('-', "_");
    Ok(match lower.as_str() {
        "black" => Color::Black,
        "red" => Color::Red,
        "green" => Color::Green,
        "yellow" => Color::Yellow,
        "blue" => Color::Blue,
        "magenta" => Color::Magenta,
        "cyan" => Color::Cyan,
        "gray" | "grey" => Color::Gray,
        "dark_gray" | "dark_grey" => Color::DarkGray,
        "light_red" => Color::LightRed,
        "light_green" => Color::LightGreen,
        "light_yellow" => Color::LightYellow,
        "light_blue" => Color::LightBlue,
        "light_magenta" => Color::LightMagenta,
        "light_cyan" => Color::LightCyan,
        "white" => Color::White,
        hex if hex.len() == 7 && hex.starts_with('#') => {
            let value =
                u32::from_str_radix(&hex[1..], 16).map_err(|_| format!("bad colour '{word}'"))?;
            Color::from_u32(value)
        }
        _ => return Err(format!("unknown colour or style word '{word}'")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_parse() {
        let cases = [
            ("yellow", Style::default().fg(Color::Yellow)),
            (
                "black on yellow bold",
                Style::default().fg(Color::Black).bg(Color::Yellow).bold(),
            ),
            (
                "dark_gray italic",
                Style::default().fg(Color::DarkGray).italic(),
            ),
            ("#ff8800", Style::default().fg(Color::Rgb(0xff, 0x88, 0x00))),
            ("default", Style::default()),
        ];
        for (text, want) in cases {
            assert_eq!(parse_style(text).unwrap(), want, "{text}");
        }
        assert!(parse_style("purplish").is_err());
        assert!(parse_style("red blue").is_err());
        assert!(parse_style("on").is_err());
    }

    #[test]
    fn no_colour_keeps_mentions_visible() {
        let mut theme = Theme::plain();
        theme.person = Style::default().fg(Color::Yellow);
        let plain = theme.without_colours();
        assert_eq!(plain.person.fg, None);
        assert!(plain.person.add_modifier.contains(Modifier::UNDERLINED));
    }
}
