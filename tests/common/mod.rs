//! Fixture library and key-feeding helpers shared by the integration tests.
#![allow(clippy::unwrap_used)] // Tests fail loudly by design.
#![allow(dead_code)]

use std::collections::HashSet;
use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use gazette::app::{App, Effect};
use gazette::config::Config;
use gazette::library::{Body, Library};
use gazette::model::{Block, Entity, EntityKind, Item, ItemId, Mention};
use gazette::source::{MemorySource, serve};

fn item(id: &str, date: &str, newsletter: &str, title: &str, paragraphs: &[&str]) -> Item {
    Item {
        id: ItemId(id.into()),
        title: title.into(),
        newsletter: Some(newsletter.into()),
        publisher: Some("Fixture Press".into()),
        date: Some(date.parse().unwrap()),
        author: None,
        url: None,
        tags: vec![],
        blocks: paragraphs
            .iter()
            .map(|p| Block::Paragraph((*p).into()))
            .collect(),
        source: PathBuf::from(format!("fixtures/{id}.txt")),
    }
}

/// An entity with a mention at every occurrence of each surface form.
fn entity(item: &Item, kind: EntityKind, name: &str, forms: &[&str]) -> Entity {
    let mut mentions = Vec::new();
    for (segment, text) in item.segments().iter().enumerate() {
        for form in forms {
            for (start, _) in text.match_indices(form) {
                mentions.push(Mention {
                    segment,
                    start,
                    end: start + form.len(),
                });
            }
        }
    }
    mentions.sort_by_key(|m| (m.segment, m.start));
    // Drop a shorter form found inside a longer one ("Lind" in "Mara Lind").
    let mut kept: Vec<Mention> = Vec::new();
    for m in mentions {
        if let Some(last) = kept.last()
            && last.segment == m.segment
            && m.start < last.end
        {
            continue;
        }
        kept.push(m);
    }
    let mentions = kept;
    Entity {
        name: name.into(),
        kind,
        aliases: forms.iter().map(|f| f.to_string()).collect(),
        mentions,
    }
}

/// Four items over three weeks; Mara Lind is named in three of them.
pub fn bodies() -> Vec<Body> {
    use EntityKind::{Person, Place};
    let long: Vec<String> = (0..30)
        .map(|i| format!("Paragraph {i} of routine budget talk with no names in it at all."))
        .chain(std::iter::once(
            "At the very end, Ms. Lind spoke to reporters in Oslo.".to_string(),
        ))
        .collect();
    let long_refs: Vec<&str> = long.iter().map(String::as_str).collect();
    let a = item(
        "aaaa",
        "2025-11-26",
        "Border Brief",
        "Envoy lands in Oslo",
        &[
            "Special envoy Mara Lind arrived in Oslo on Tuesday.",
            "Ms. Lind will meet Tomas Berg before flying home.",
        ],
    );
    let b = item(
        "bbbb",
        "2025-11-25",
        "Border Brief",
        "Talks resume in Geneva",
        &[
            "Delegates gathered in Geneva, where Tomas Berg chaired the session.",
            "Mara Lind joined by video.",
        ],
    );
    let c = item(
        "cccc",
        "2025-11-20",
        "Northern Watch",
        "Harbour upgrade approved",
        &["Tomas Berg approved the Oslo harbour plan."],
    );
    let d = item(
        "dddd",
        "2025-11-10",
        "Capitol Ledger",
        "Budget week",
        &long_refs,
    );
    let pairs = vec![
        (
            a.clone(),
            vec![
                entity(&a, Person, "Mara Lind", &["Mara Lind", "Lind"]),
                entity(&a, Person, "Tomas Berg", &["Tomas Berg"]),
                entity(&a, Place, "Oslo", &["Oslo"]),
            ],
        ),
        (
            b.clone(),
            vec![
                entity(&b, Person, "Tomas Berg", &["Tomas Berg"]),
                entity(&b, Person, "Mara Lind", &["Mara Lind"]),
                entity(&b, Place, "Geneva", &["Geneva"]),
            ],
        ),
        (
            c.clone(),
            vec![
                entity(&c, Person, "Tomas Berg", &["Tomas Berg"]),
                entity(&c, Place, "Oslo", &["Oslo"]),
            ],
        ),
        (
            d.clone(),
            vec![
                entity(&d, Person, "Mara Lind", &["Lind"]),
                entity(&d, Place, "Oslo", &["Oslo"]),
            ],
        ),
    ];
    pairs
        .into_iter()
        .map(|(item, entities)| Body { item, entities })
        .collect()
}

/// The fixture library's index.
pub fn library() -> Library {
    Library::from_bodies(&bodies())
}

/// The fixture library's bodies.
pub fn source() -> MemorySource {
    MemorySource::new(bodies())
}

/// A fresh reader over the fixture library with nothing read, its first
/// item's body served.
pub fn app() -> App {
    let mut app = App::new(library(), HashSet::new(), true);
    serve(&mut app, &source());
    app
}

/// Turns "jj<enter><tab>" into key events.
pub fn key_events(keys: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
        {
            let name = &rest[1..end];
            rest = &rest[end + 1..];
            let (code, mods) = match name {
                "enter" => (KeyCode::Enter, KeyModifiers::NONE),
                "bs" => (KeyCode::Backspace, KeyModifiers::NONE),
                "tab" => (KeyCode::Tab, KeyModifiers::NONE),
                "s-tab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
                "c-o" => (KeyCode::Char('o'), KeyModifiers::CONTROL),
                "a-left" => (KeyCode::Left, KeyModifiers::ALT),
                "a-right" => (KeyCode::Right, KeyModifiers::ALT),
                "down" => (KeyCode::Down, KeyModifiers::NONE),
                "pgdn" => (KeyCode::PageDown, KeyModifiers::NONE),
                "esc" => (KeyCode::Esc, KeyModifiers::NONE),
                other => panic!("unknown key name {other}"),
            };
            out.push(KeyEvent::new(code, mods));
            continue;
        }
        let mods = if c.is_ascii_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        out.push(KeyEvent::new(KeyCode::Char(c), mods));
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Feeds keys through the default key map; returns every effect.
pub fn feed(app: &mut App, keys: &str) -> Vec<Effect> {
    feed_from(app, &source(), keys)
}

/// Like [`feed`], with bodies served from `source`.
pub fn feed_from(app: &mut App, source: &MemorySource, keys: &str) -> Vec<Effect> {
    let keymap = Config::default_embedded().keymap();
    let mut effects = Vec::new();
    for key in key_events(keys) {
        if app.takes_keys() {
            effects.extend(gazette::tui::type_key(app, key));
        } else if let Some(action) = keymap.lookup(&key) {
            effects.extend(app.update(action));
        }
        // As the event loop does before every frame.
        serve(app, source);
    }
    effects
}

/// Id helper.
pub fn id(s: &str) -> ItemId {
    ItemId(s.into())
}

/// Every ItemId in a set, for assertions.
pub fn ids(set: &[&str]) -> HashSet<ItemId> {
    set.iter().map(|s| id(s)).collect()
}

/// Draws `app` on a `width`×`height` TestBackend with the default config,
/// keeping the frame's widget state (scroll offsets, mouse targets) in
/// `state`.
pub fn draw_with(
    app: &mut App,
    width: u16,
    height: u16,
    theme: &gazette::theme::Theme,
    state: &mut gazette::ui::UiState,
) -> ratatui::buffer::Buffer {
    use gazette::ui;
    let config = Config::default_embedded();
    let keymap = config.keymap();
    app.set_viewport(ui::layout::viewport(
        ratatui::layout::Rect::new(0, 0, width, height),
        &config.ui,
    ));
    let cx = ui::Context {
        theme,
        keymap: &keymap,
        ui: &config.ui,
    };
    let backend = ratatui::backend::TestBackend::new(width, height);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    terminal.draw(|f| ui::draw(f, app, state, &cx)).unwrap();
    terminal.backend().buffer().clone()
}

/// Draws `app` once, from fresh widget state.
pub fn draw(
    app: &mut App,
    width: u16,
    height: u16,
    theme: &gazette::theme::Theme,
) -> ratatui::buffer::Buffer {
    draw_with(
        app,
        width,
        height,
        theme,
        &mut gazette::ui::UiState::default(),
    )
}

/// The buffer's rows as text, one string per row.
pub fn rows(buffer: &ratatui::buffer::Buffer) -> Vec<String> {
    let area = buffer.area;
    (0..area.height)
        .map(|y| (0..area.width).map(|x| buffer[(x, y)].symbol()).collect())
        .collect()
}

/// The buffer as text, rows joined by newlines.
pub fn screen(buffer: &ratatui::buffer::Buffer) -> String {
    rows(buffer).join("\n")
}
