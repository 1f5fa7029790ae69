//! No escape reaches the terminal. Items whose every text field carries
//! terminal attacks (CSI, OSC 0/2/8/52, DCS, APC, C1 controls, BEL, bidi
//! overrides) are drawn through the real crossterm backend into a byte
//! buffer, on every screen (list, article, sidebar, actor page, all actors,
//! help, status messages), with a hostile config (date format, key names) and
//! hostile file names in messages. The bytes are then parsed: the only escape
//! sequences allowed are the CSI ones the backend itself writes for colours,
//! attributes and cursor moves.
//!
//! Items here are built directly, not loaded, so the loader's cleaning is
//! bypassed: this proves the rendering's own line of defence. A second test
//! loads the same attack from a file and checks the loader's cleaning.
#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod common;

use std::cell::RefCell;
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use gazette::app::{Action, App};
use gazette::config::Config;
use gazette::library::{Body, Library};
use gazette::model::{Block, Entity, EntityKind, Item, ItemId, Mention};
use gazette::source::{MemorySource, serve};
use gazette::ui::{self, Context, UiState};
use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// Each attack, with a name for failure messages.
const ATTACKS: &[(&str, &str)] = &[
    ("osc0 title", "\x1b]0;owned title\x07"),
    ("osc2 title st", "\x1b]2;owned\x1b\\"),
    (
        "osc8 link",
        "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\",
    ),
    ("osc52 clipboard", "\x1b]52;c;cm0gLXJmIH4K\x07"),
    ("dcs", "\x1bP1$qm\x1b\\"),
    ("apc", "\x1b_Gf=100;QUFB\x1b\\"),
    ("csi clear", "\x1b[2J\x1b[H"),
    ("csi colour", "\x1b[31;1mred"),
    ("csi report", "\x1b[6n\x1b[c"),
    ("c1 csi", "\u{9b}2J"),
    ("c1 osc", "\u{9d}52;c;QQ==\u{9c}"),
    ("c1 dcs", "\u{90}q\u{9c}"),
    ("bel and bs", "\x07\x08\x08"),
    ("bidi override", "\u{202e}txt.exe\u{202c}"),
    ("bidi isolate", "\u{2067}abc\u{2069}"),
    ("bom", "\u{feff}"),
    ("esc alone", "\x1bc\x1b7\x1b8"),
    ("nul del", "\x00\x7f"),
];

/// All attacks in one string, between visible words.
fn hostile(word: &str) -> String {
    let mut s = String::from(word);
    for (_, attack) in ATTACKS {
        s.push_str(attack);
        s.push_str(word);
    }
    s
}

fn hostile_library() -> (Library, MemorySource) {
    let title = hostile("Title");
    let name = hostile("Mara");
    let paragraph = format!("{name} met envoys in {}.", hostile("Oslo"));
    let item = Item {
        id: ItemId("hostile-1".into()),
        title: title.clone(),
        newsletter: Some(hostile("Brief")),
        publisher: Some(hostile("Press")),
        date: Some("2025-11-26".parse().unwrap()),
        author: Some(hostile("Author")),
        url: Some(hostile("https://example.org/")),
        tags: vec![hostile("tag")],
        blocks: vec![
            Block::Heading(hostile("Heading")),
            Block::Paragraph(paragraph.clone()),
            Block::Caption(hostile("Caption")),
            Block::Bullet(hostile("Bullet")),
        ],
        source: PathBuf::from(hostile("file")),
    };
    let start = paragraph.find(&name).unwrap();
    let person = Entity {
        name: name.clone(),
        kind: EntityKind::Person,
        aliases: vec![name.clone(), hostile("Alias")],
        mentions: vec![Mention {
            segment: 2,
            start,
            end: start + name.len(),
        }],
    };
    let mut second = item.clone();
    second.id = ItemId("hostile-2".into());
    second.date = Some("2025-11-20".parse().unwrap());
    let bodies = vec![
        Body {
            item,
            entities: vec![person.clone()],
        },
        Body {
            item: second,
            entities: vec![person],
        },
    ];
    (Library::from_bodies(&bodies), MemorySource::new(bodies))
}

/// A config whose strings shown on screen are hostile too.
fn hostile_config() -> Config {
    let text = concat!(
        "[ui]\n",
        "date_format = \"\\u001b]0;t\\u0007%Y-%m-%d\\u009b2J\\u202e\"\n",
        "[keys]\n",
        "\"\\u001b\" = \"quit\"\n",
        "\"\\u009b\" = \"help\"\n",
        "\"\\u202e\" = \"select_next\"\n",
        "\"alt-\\u0007\" = \"open\"\n",
    );
    Config::from_user_text(Path::new("hostile.toml"), text).unwrap()
}

/// Draws `app` as it stands through the crossterm backend; returns the bytes.
fn draw_bytes(app: &mut App, config: &Config, state: &mut UiState) -> Vec<u8> {
    let keymap = config.keymap();
    let area = Rect::new(0, 0, 140, 40);
    app.set_viewport(ui::layout::viewport(area, &config.ui));
    let cx = Context {
        theme: &config.theme,
        keymap: &keymap,
        ui: &config.ui,
    };
    let sink = Sink::default();
    let backend = CrosstermBackend::new(sink.clone());
    let mut terminal = Terminal::with_options(
        backend,
        TerminalOptions {
            viewport: Viewport::Fixed(area),
        },
    )
    .unwrap();
    let frame = terminal.draw(|f| ui::draw(f, app, state, &cx)).unwrap();
    check_cells(frame.buffer).unwrap();
    drop(terminal);
    sink.0.borrow().clone()
}

/// A writer whose bytes the test can read after the terminal has them.
#[derive(Clone, Default)]
struct Sink(Rc<RefCell<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Checks the bytes: UTF-8; no control byte but ESC; every ESC starts a CSI
/// whose parameters are digits, `;`, `:` or `?` and whose final byte is one
/// the backend uses (SGR `m`, cursor `H`, show/hide `h`/`l`, erase `J`/`K`);
/// no C1 control, bidi control, BOM or line separator as a character.
/// Returns how many sequences were seen, or what is wrong.
fn check_terminal_safe(bytes: &[u8]) -> Result<usize, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8: {e}"))?;
    let chars: Vec<char> = text.chars().collect();
    let mut sequences = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\x1b' {
            if chars.get(i + 1) != Some(&'[') {
                return Err(format!("ESC without '[' at {i}: {:?}", context(&chars, i)));
            }
            let mut j = i + 2;
            while j < chars.len() && (chars[j].is_ascii_digit() || ";:?".contains(chars[j])) {
                j += 1;
            }
            let fin = chars.get(j).copied();
            if !matches!(fin, Some('m' | 'H' | 'h' | 'l' | 'J' | 'K')) {
                return Err(format!(
                    "CSI final {fin:?} at {i}: {:?}",
                    context(&chars, i)
                ));
            }
            sequences += 1;
            i = j + 1;
            continue;
        }
        if gazette::store::sanitize::is_unsafe_for_terminal(c) {
            return Err(format!(
                "unsafe character U+{:04X} at {i}: {:?}",
                u32::from(c),
                context(&chars, i)
            ));
        }
        i += 1;
    }
    Ok(sequences)
}

/// Checks the frame the backend was given: no cell holds ESC or any other
/// unsafe character, so every escape in the bytes is the backend's own
/// (an injected colour code, `ESC [31m`, would pass the byte check).
fn check_cells(buffer: &Buffer) -> Result<(), String> {
    for (i, cell) in buffer.content.iter().enumerate() {
        if cell
            .symbol()
            .chars()
            .any(gazette::store::sanitize::is_unsafe_for_terminal)
        {
            return Err(format!("cell {i} holds {:?}", cell.symbol()));
        }
    }
    Ok(())
}

fn context(chars: &[char], i: usize) -> String {
    chars[i.saturating_sub(10)..(i + 20).min(chars.len())]
        .iter()
        .collect()
}

#[test]
fn hostile_items_config_and_messages_send_no_escape_to_the_terminal() {
    let config = hostile_config();
    let (library, source) = hostile_library();
    let mut app = App::new(library, HashSet::new(), true);
    let mut state = UiState::default();
    let mut screens = Vec::new();
    let steps: &[(&str, &[Action])] = &[
        ("list", &[]),
        ("article", &[Action::Open]),
        ("sidebar", &[Action::FocusNext]),
        ("actor page", &[Action::Open]),
        ("all actors", &[Action::Actors]),
        ("help", &[Action::Help]),
    ];
    for (name, actions) in steps {
        for action in *actions {
            app.update(*action);
            serve(&mut app, &source);
        }
        serve(&mut app, &source);
        let bytes = draw_bytes(&mut app, &config, &mut state);
        screens.push((name.to_string(), bytes));
    }
    app.dismiss_help();
    app.set_message(format!(
        "{} file problems; database moved to {}",
        hostile("x"),
        hostile("/tmp/lib\x1b]0;evil\x07.db")
    ));
    screens.push(("message".into(), draw_bytes(&mut app, &config, &mut state)));

    let mut total = 0;
    for (name, bytes) in &screens {
        assert!(
            bytes.len() > 1000,
            "{name}: only {} bytes drawn",
            bytes.len()
        );
        let text = String::from_utf8_lossy(bytes);
        // The visible words around the attacks are still there.
        assert!(
            text.contains("Title") || text.contains("Mara") || name == "help",
            "{name}: nothing drawn"
        );
        total += check_terminal_safe(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    // The backend's own styling did go through the same check.
    assert!(total > 50, "only {total} escape sequences in all screens");
    eprintln!(
        "{} screens, {} attacks per field, {total} backend sequences checked",
        screens.len(),
        ATTACKS.len()
    );
}

#[test]
fn the_checker_catches_each_attack_when_written_raw() {
    // The check above would fail if an attack got through: each attack,
    // written as it is, is caught.
    for (name, attack) in ATTACKS {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 40, 1));
        for (cell, c) in buffer.content.iter_mut().zip(attack.chars()) {
            cell.set_symbol(&c.to_string());
        }
        assert!(check_cells(&buffer).is_err(), "{name} not caught in cells");
        let bytes = format!("safe{attack}safe").into_bytes();
        // A colour code looks like the backend's own: only the cell check
        // can tell it came from the text.
        if !matches!(*name, "csi colour" | "csi clear") {
            assert!(check_terminal_safe(&bytes).is_err(), "{name} not caught");
        }
    }
}

#[test]
fn hostile_file_loads_clean() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("attack.md");
    let body = format!(
        "+++\ntitle = \"{}\"\nnewsletter = \"{}\"\ndate = 2025-11-26\n+++\n\n{}\n",
        toml_escape(&hostile("Title")),
        toml_escape(&hostile("Brief")),
        hostile("Body")
    )
    .replace('\0', "");
    std::fs::write(&path, body).unwrap();
    let loaded = gazette::store::load::load_file(&path);
    assert_eq!(loaded.items.len(), 1, "{:?}", loaded.warnings);
    let item = &loaded.items[0];
    let texts = std::iter::once(item.title.clone())
        .chain(item.newsletter.clone())
        .chain(item.blocks.iter().map(|b| b.text().to_string()));
    for text in texts {
        assert!(
            !text
                .chars()
                .any(|c| c != '\n' && gazette::store::sanitize::is_unsafe_for_terminal(c)),
            "{text:?}"
        );
        for needle in ["]0;", "]52;", "]8;;", "[2J"] {
            assert!(!text.contains(needle), "{needle} in {text:?}");
        }
    }
}

/// `s` as the inside of a TOML basic string, every control escaped.
fn toml_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}
