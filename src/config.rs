//! Configuration: the embedded `config/default.toml` with the user's file
//! merged over it, per key. The user's file is only ever read.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::app::action::Action;
use crate::app::keymap::{Chord, Keymap};
use crate::model::EntityKind;
use crate::theme::{Theme, parse_style};

/// The shipped defaults, which double as documentation.
pub const DEFAULT_TOML: &str = include_str!("../config/default.toml");

/// A config file that could not be used: where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file.
    pub path: PathBuf,
    /// 1-based line and column, where known.
    pub position: Option<(usize, usize)>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, col)) => {
                write!(f, "{}:{line}:{col}: {}", self.path.display(), self.message)
            }
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

/// A user correction to the actors found in the text (`[[actor]]`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorEntry {
    /// Canonical name.
    pub name: String,
    /// Person, place or organization.
    pub kind: EntityKind,
    /// Other forms that mean the same actor.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A feed to fetch (`[[feed]]`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedEntry {
    /// The feed's http(s) URL.
    pub url: String,
}

/// Layout options (`[ui]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UiConfig {
    /// List width in percent when the article is beside it.
    pub list_percent: u16,
    /// Sidebar width in columns (0 hides it).
    pub sidebar_width: u16,
    /// strftime format of list dates.
    pub date_format: String,
    /// Whether the reader takes mouse input.
    pub mouse: bool,
}

/// The effective configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Library paths (already resolved against the config file's folder).
    pub library: Vec<PathBuf>,
    /// Whether opening an item marks it read.
    pub mark_read_on_open: bool,
    /// Actor names never shown.
    pub ignore: Vec<String>,
    /// User actor corrections.
    pub actors: Vec<ActorEntry>,
    /// Feeds `gazette fetch` and the `s` key refresh.
    pub feeds: Vec<FeedEntry>,
    /// Layout options.
    pub ui: UiConfig,
    /// Styles by role.
    pub theme: Theme,
    /// Key bindings, `None` meaning unbound.
    pub keys: BTreeMap<String, Option<Action>>,
    /// Saved queries by name (`[queries]`), each known to parse.
    pub queries: BTreeMap<String, String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileUi {
    list_percent: Option<u16>,
    sidebar_width: Option<u16>,
    date_format: Option<String>,
    theme: Option<String>,
    mouse: Option<bool>,
}

/// One file's contents, every option optional so files can be layered.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    library: Option<Vec<String>>,
    mark_read_on_open: Option<bool>,
    ignore: Option<Vec<String>>,
    actor: Option<Vec<ActorEntry>>,
    feed: Option<Vec<FeedEntry>>,
    ui: Option<FileUi>,
    theme: Option<BTreeMap<String, toml::Spanned<String>>>,
    keys: Option<BTreeMap<String, toml::Spanned<String>>>,
    queries: Option<BTreeMap<String, toml::Spanned<String>>>,
}

impl Config {
    /// The embedded defaults alone.
    pub fn default_embedded() -> Self {
        // The embedded file is tested to parse; fall back to an empty keymap
        // rather than panic if it ever did not.
        Self::build(&[(Path::new("config/default.toml"), DEFAULT_TOML)])
            .unwrap_or_else(|_| Self::empty())
    }

    /// Defaults with the user's file at `path` merged over them.
    pub fn load_from(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.to_path_buf(),
            position: None,
            message: format!("cannot read the config file: {e}"),
        })?;
        Self::from_user_text(path, &text)
    }

    /// Defaults with the given user text (named `path` in errors) over them.
    pub fn from_user_text(path: &Path, text: &str) -> Result<Self, ConfigError> {
        Self::build(&[
            (Path::new("config/default.toml"), DEFAULT_TOML),
            (path, text),
        ])
    }

    /// The key map of the bindings.
    pub fn keymap(&self) -> Keymap {
        Keymap::new(&self.keys).unwrap_or_default()
    }

    fn empty() -> Self {
        Self {
            library: Vec::new(),
            mark_read_on_open: true,
            ignore: Vec::new(),
            actors: Vec::new(),
            feeds: Vec::new(),
            ui: UiConfig {
                list_percent: 48,
                sidebar_width: 26,
                date_format: "%Y-%m-%d".into(),
                mouse: true,
            },
            theme: Theme::plain(),
            keys: BTreeMap::new(),
            queries: BTreeMap::new(),
        }
    }

    fn build(layers: &[(&Path, &str)]) -> Result<Self, ConfigError> {
        let mut config = Self::empty();
        for (path, text) in layers {
            let file: ConfigFile = toml::from_str(text).map_err(|e| ConfigError {
                path: path.to_path_buf(),
                position: e.span().map(|s| line_col(text, s.start)),
                message: e.message().trim().to_string(),
            })?;
            config.apply(path, text, file)?;
        }
        Ok(config)
    }

    fn apply(&mut self, path: &Path, text: &str, file: ConfigFile) -> Result<(), ConfigError> {
        let err = |pos: Option<usize>, message: String| ConfigError {
            path: path.to_path_buf(),
            position: pos.map(|p| line_col(text, p)),
            message,
        };
        if let Some(library) = file.library {
            let base = path.parent().unwrap_or(Path::new("."));
            self.library = library.iter().map(|p| resolve_path(base, p)).collect();
        }
        if let Some(v) = file.mark_read_on_open {
            self.mark_read_on_open = v;
        }
        if let Some(v) = file.ignore {
            self.ignore = v;
        }
        if let Some(v) = file.actor {
            self.actors.extend(v);
        }
        for feed in file.feed.unwrap_or_default() {
            let lower = feed.url.to_ascii_lowercase();
            if !(lower.starts_with("http://") || lower.starts_with("https://")) {
                return Err(err(
                    find(text, &feed.url),
                    format!(
                        "feed url '{}' must start with http:// or https://",
                        feed.url
                    ),
                ));
            }
            if !self.feeds.contains(&feed) {
                self.feeds.push(feed);
            }
        }
        if let Some(ui) = file.ui {
            if let Some(p) = ui.list_percent {
                if !(20..=80).contains(&p) {
                    return Err(err(
                        find(text, "list_percent"),
                        format!("list_percent must be between 20 and 80, not {p}"),
                    ));
                }
                self.ui.list_percent = p;
            }
            if let Some(w) = ui.sidebar_width {
                self.ui.sidebar_width = w;
            }
            if let Some(mouse) = ui.mouse {
                self.ui.mouse = mouse;
            }
            if let Some(name) = ui.theme {
                self.theme = Theme::preset(&name).ok_or_else(|| {
                    err(
                        find(text, &name),
                        format!(
                            "unknown theme '{name}' (built in: {})",
                            crate::theme::PRESETS.join(", ")
                        ),
                    )
                })?;
            }
            if let Some(f) = ui.date_format {
                if !valid_date_format(&f) {
                    return Err(err(
                        find(text, "date_format"),
                        format!("date_format '{f}' is not a valid strftime format"),
                    ));
                }
                self.ui.date_format = f;
            }
        }
        for (role, spec) in file.theme.unwrap_or_default() {
            let pos = Some(spec.span().start);
            let style = parse_style(spec.get_ref()).map_err(|m| err(pos, m))?;
            if !self.theme.set(&role, style) {
                return Err(err(pos, format!("unknown theme entry '{role}'")));
            }
        }
        for (name, query) in file.queries.unwrap_or_default() {
            // The string's span starts at its opening quote.
            let at = query.span().start;
            if let Err(e) = crate::query::parse(query.get_ref()) {
                return Err(err(
                    Some(at + 1 + e.span.0),
                    format!("saved query '{name}': {e}"),
                ));
            }
            self.queries.insert(name, query.into_inner());
        }
        for (key, name) in file.keys.unwrap_or_default() {
            let pos = Some(name.span().start);
            Chord::parse(&key).map_err(|m| err(pos, m))?;
            let action = parse_action(name.get_ref()).map_err(|m| err(pos, m))?;
            self.keys.insert(key, action);
        }
        Ok(())
    }
}

fn parse_action(name: &str) -> Result<Option<Action>, String> {
    if name == "none" {
        return Ok(None);
    }
    let value = toml::Value::String(name.to_string());
    Action::deserialize(value).map(Some).map_err(|_| {
        let names: Vec<String> = Action::ALL.iter().map(|a| action_name(*a)).collect();
        format!(
            "unknown action '{name}'; actions are: none, {}",
            names.join(", ")
        )
    })
}

/// The config name of an action ("select_next").
pub fn action_name(action: Action) -> String {
    let debug = format!("{action:?}");
    let mut out = String::new();
    for (i, c) in debug.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

fn valid_date_format(format: &str) -> bool {
    use chrono::format::{Item, StrftimeItems};
    !StrftimeItems::new(format).any(|item| matches!(item, Item::Error))
}

fn resolve_path(base: &Path, text: &str) -> PathBuf {
    if let Some(rest) = text.strip_prefix("~/")
        && let Some(home) = directories::BaseDirs::new()
    {
        return home.home_dir().join(rest);
    }
    let path = PathBuf::from(text);
    if path.is_absolute() {
        path
    } else {
        base.join(path)
    }
}

fn find(text: &str, word: &str) -> Option<usize> {
    text.find(word)
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// The default place of the user's config file.
pub fn default_config_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "gazette").map(|d| d.config_dir().join("config.toml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_names_round_trip() {
        for action in Action::ALL {
            assert_eq!(parse_action(&action_name(action)), Ok(Some(action)));
        }
        assert_eq!(action_name(Action::NextActorItem), "next_actor_item");
    }

    #[test]
    fn line_col_counts_from_one() {
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
        assert_eq!(line_col("ab", 0), (1, 1));
    }
}
