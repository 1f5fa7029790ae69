//! Keystroke to frame, in process: a 100,000-item library (one actor named
//! in 5,000 of them), each key handled by the state machine, the bodies it
//! needs served, and the frame drawn on a 120×40 test terminal.
//!
//! Run: `cargo bench --bench keystroke` (prints p50/p99 per action).
//! Set `ITEMS` to change the library size.

use std::collections::HashSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use gazette::app::{Action, App, Focus};
use gazette::config::Config;
use gazette::library::{Body, Library};
use gazette::model::{Block, Entity, EntityKind, Item, ItemId, Mention};
use gazette::source::{MemorySource, serve};
use gazette::theme::Theme;
use gazette::ui::{self, Context, UiState};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

const ENVOY: &str = "Mara Lindqvist";

fn body(n: usize) -> Body {
    let names_envoy = n.is_multiple_of(20);
    let text = if names_envoy {
        format!("Envoy {ENVOY} met officials in Ghent on day {n}. The talks went on.")
    } else {
        format!("Officials in Tampere discussed budget line {n} with Pablo Varga.")
    };
    let day = chrono::NaiveDate::from_ymd_opt(2022, 1, 1)
        .and_then(|d| d.checked_add_days(chrono::Days::new((n % 1000) as u64)));
    let item = Item {
        id: ItemId(format!("{n:016x}")),
        title: format!("Item {n} about the harbour"),
        newsletter: Some(format!("Letter {}", n % 50)),
        publisher: None,
        date: day,
        author: None,
        url: None,
        tags: vec![],
        blocks: vec![Block::Paragraph(text.clone()); 6],
        source: PathBuf::from(format!("bench/{n}.txt")),
    };
    let mut entities = Vec::new();
    let mut add = |name: &str, kind| {
        let mentions: Vec<Mention> = (1..=6)
            .filter_map(|segment| {
                let start = text.find(name)?;
                Some(Mention {
                    segment,
                    start,
                    end: start + name.len(),
                })
            })
            .collect();
        if !mentions.is_empty() {
            entities.push(Entity {
                name: name.into(),
                kind,
                aliases: vec![],
                mentions,
            });
        }
    };
    if names_envoy {
        add(ENVOY, EntityKind::Person);
        add("Ghent", EntityKind::Place);
    } else {
        add("Pablo Varga", EntityKind::Person);
        add("Tampere", EntityKind::Place);
    }
    Body { item, entities }
}

struct Bench {
    app: App,
    source: MemorySource,
    terminal: Terminal<TestBackend>,
    state: UiState,
    config: Config,
    theme: Theme,
}

impl Bench {
    /// One keystroke: update, serve what the frame needs, draw.
    fn key(&mut self, action: Action) -> Duration {
        let keymap = self.config.keymap();
        let start = Instant::now();
        self.app.update(action);
        serve(&mut self.app, &self.source);
        let cx = Context {
            theme: &self.theme,
            keymap: &keymap,
            ui: &self.config.ui,
        };
        let (app, state) = (&self.app, &mut self.state);
        let _ = self.terminal.draw(|f| ui::draw(f, app, state, &cx));
        start.elapsed()
    }
}

fn percentile(times: &mut [Duration], p: f64) -> Duration {
    times.sort_unstable();
    let index = ((times.len() as f64 - 1.0) * p).round() as usize;
    times[index]
}

fn report(name: &str, mut times: Vec<Duration>) {
    let p50 = percentile(&mut times, 0.50);
    let p99 = percentile(&mut times, 0.99);
    println!(
        "{name:<40} n={:<5} p50 {:>8.3} ms   p99 {:>8.3} ms",
        times.len(),
        p50.as_secs_f64() * 1e3,
        p99.as_secs_f64() * 1e3
    );
}

fn main() {
    let items: usize = std::env::var("ITEMS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let built = Instant::now();
    let bodies: Vec<Body> = (0..items).map(body).collect();
    let library = Library::from_bodies(&bodies);
    let source = MemorySource::new(bodies);
    println!(
        "library of {items} items built in {:.1} s",
        built.elapsed().as_secs_f64()
    );
    let config = Config::default_embedded();
    let mut app = App::new(library, HashSet::new(), true);
    let area = Rect::new(0, 0, 120, 40);
    app.set_viewport(ui::layout::viewport(area, &config.ui));
    serve(&mut app, &source);
    let mut bench = Bench {
        app,
        source,
        terminal: Terminal::new(TestBackend::new(120, 40)).expect("test terminal"),
        state: UiState::default(),
        config,
        theme: Theme::plain(),
    };
    let envoy = gazette::library::ActorKey {
        kind: EntityKind::Person,
        name: ENVOY.into(),
    };
    println!(
        "{ENVOY} is named in {} items",
        bench.app.library().count_naming(&envoy)
    );

    let rounds: usize = 300;
    let mut down = Vec::new();
    let mut open = Vec::new();
    let mut back = Vec::new();
    let mut actor = Vec::new();
    let mut actor_back = Vec::new();
    for round in 0..rounds {
        down.push(bench.key(Action::SelectNext));
        open.push(bench.key(Action::Open));
        back.push(bench.key(Action::Back));
        // Every 20th item names the envoy: go to one, open her page.
        if round.is_multiple_of(3) {
            while bench.app.selected_id().is_some_and(|id| {
                u64::from_str_radix(id.as_str(), 16).is_ok_and(|n| !n.is_multiple_of(20))
            }) {
                bench.key(Action::SelectNext);
            }
            bench.key(Action::Open);
            bench.key(Action::FocusNext);
            assert_eq!(bench.app.focus(), Focus::Sidebar);
            actor.push(bench.key(Action::Open));
            assert_eq!(bench.app.focus(), Focus::Actor);
            actor_back.push(bench.key(Action::Back));
            bench.key(Action::Back);
        }
    }
    report("move down the list (j)", down);
    report("open the selected item (enter)", open);
    report("back to the list (backspace)", back);
    report("open an actor named in 5,000 items", actor);
    report("back from the actor page", actor_back);
}
