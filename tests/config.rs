//! The embedded defaults, the per-key merge of a user file, and the errors
//! a malformed file gives (file, line, column).
#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use gazette::app::Action;
use gazette::config::{Config, DEFAULT_TOML};
use gazette::model::EntityKind;
use ratatui::style::{Color, Style};

#[test]
fn embedded_default_parses_and_binds_every_action() {
    let config = Config::from_user_text(Path::new("empty.toml"), "").unwrap();
    assert_eq!(config, Config::default_embedded());
    assert!(config.mark_read_on_open);
    assert!(config.library.is_empty());
    let keymap = config.keymap();
    for action in Action::ALL {
        assert!(
            !keymap.keys_for(action).is_empty(),
            "{action:?} has no default key"
        );
    }
    assert!(DEFAULT_TOML.contains("mark_read_on_open"));
}

#[test]
fn a_user_file_changes_only_what_it_sets() {
    let user = r#"
mark_read_on_open = false
library = ["letters", "/abs/path"]
ignore = ["Guy Taylor"]

[ui]
sidebar_width = 40

[theme]
person = "light_blue bold"

[keys]
"x" = "quit"
"q" = "none"

[[actor]]
name = "Steve Witkoff"
kind = "person"
aliases = ["the envoy"]
"#;
    let config =
        Config::from_user_text(Path::new("/home/u/.config/gazette/config.toml"), user).unwrap();
    let defaults = Config::default_embedded();
    assert!(!config.mark_read_on_open);
    assert_eq!(
        config.library[0],
        Path::new("/home/u/.config/gazette/letters")
    );
    assert_eq!(config.library[1], Path::new("/abs/path"));
    assert_eq!(config.ignore, ["Guy Taylor"]);
    assert_eq!(config.ui.sidebar_width, 40);
    assert_eq!(config.ui.list_percent, defaults.ui.list_percent);
    assert_eq!(
        config.theme.person,
        Style::default().fg(Color::LightBlue).bold()
    );
    assert_eq!(config.theme.place, defaults.theme.place);
    assert_eq!(config.actors[0].kind, EntityKind::Person);
    let keymap = config.keymap();
    let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(keymap.lookup(&key('x')), Some(Action::Quit));
    assert_eq!(keymap.lookup(&key('q')), None, "unbound with \"none\"");
    assert_eq!(
        keymap.lookup(&key('j')),
        Some(Action::SelectNext),
        "other defaults kept"
    );
}

#[test]
fn malformed_files_name_file_line_and_column() {
    let cases = [
        (
            "unknown_key.toml",
            (3, 1),
            "unknown field `mark_read_on_opem`",
        ),
        ("bad_action.toml", (2, 7), "unknown action 'jump_around'"),
        (
            "bad_colour.toml",
            (2, 10),
            "unknown colour or style word 'yellowish'",
        ),
        ("syntax.toml", (1, 4), ""),
        ("bad_type.toml", (1, 21), "invalid type"),
        ("bad_key.toml", (2, 13), "unknown key 'hyper-x'"),
        (
            "bad_range.toml",
            (2, 1),
            "list_percent must be between 20 and 80, not 95",
        ),
    ];
    for (file, position, needle) in cases {
        let path = Path::new("tests/fixtures/invalid_configs").join(file);
        let err = Config::load_from(&path).unwrap_err();
        assert_eq!(err.path, path, "{file}");
        assert_eq!(err.position, Some(position), "{file}: {err}");
        assert!(err.message.contains(needle), "{file}: {err}");
        assert!(err.to_string().starts_with(&format!(
            "{}:{}:{}: ",
            path.display(),
            position.0,
            position.1
        )));
    }
}

#[test]
fn a_missing_file_is_an_error_naming_it() {
    let err = Config::load_from(Path::new("tests/fixtures/nope.toml")).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("tests/fixtures/nope.toml: cannot read"),
        "{err}"
    );
}

#[test]
fn theme_presets_dark_is_the_default_and_light_takes_overrides_on_top() {
    let defaults = Config::default_embedded();
    assert_eq!(
        Some(defaults.theme.clone()),
        gazette::theme::Theme::preset("dark")
    );
    let user = "[ui]\ntheme = \"light\"\n\n[theme]\nplace = \"cyan\"\n";
    let config = Config::from_user_text(Path::new("c.toml"), user).unwrap();
    let light = gazette::theme::Theme::preset("light").unwrap();
    assert_ne!(light, defaults.theme);
    assert_eq!(config.theme.person, light.person);
    assert_eq!(config.theme.person.fg, Some(Color::Rgb(0x9a, 0x4d, 0x00)));
    assert_eq!(config.theme.place, Style::default().fg(Color::Cyan));
    let err = Config::from_user_text(Path::new("c.toml"), "[ui]\ntheme = \"solarized\"\n")
        .unwrap_err()
        .to_string();
    assert!(err.contains("c.toml:2"), "{err}");
    assert!(
        err.contains("unknown theme 'solarized' (built in: dark, light)"),
        "{err}"
    );
}

#[test]
fn no_color_turns_colours_off_but_keeps_mentions_visible() {
    use std::ffi::OsStr;
    let dark = gazette::theme::Theme::preset("dark").unwrap();
    assert_eq!(dark.clone().for_environment(None), dark);
    assert_eq!(dark.clone().for_environment(Some(OsStr::new(""))), dark);
    let plain = dark.clone().for_environment(Some(OsStr::new("1")));
    assert_eq!(plain.person.fg, None);
    assert_eq!(plain.current_mention.bg, None);
    assert!(
        plain
            .person
            .add_modifier
            .contains(ratatui::style::Modifier::UNDERLINED)
    );
    assert!(
        plain
            .current_mention
            .add_modifier
            .contains(ratatui::style::Modifier::REVERSED)
    );
}
