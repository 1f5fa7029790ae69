//! The state machine: what is shown, selected, focused and read. Pure: no
//! terminal and no disk. [`App::update`] takes an [`Action`] and returns the
//! [`Effect`]s the event loop must perform.

use std::collections::HashSet;

use crate::library::{ActorKey, Library};
use crate::model::{Entity, EntityKind, ItemId};

pub mod action;
pub mod article_text;
pub mod history;
pub mod keymap;
mod navigate;
mod update;

pub use action::{Action, Effect};
use history::History;

/// Which pane receives keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Focus {
    /// The item list.
    List,
    /// The article pane.
    Article,
    /// The people/places sidebar.
    Sidebar,
    /// One actor's page.
    Actor,
    /// The list of every actor.
    Actors,
}

/// The article pane: which item, how far scrolled, which actor is followed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ArticleState {
    /// Library index of the item shown.
    pub item: Option<usize>,
    /// First visible line.
    pub scroll: usize,
    /// The actor whose mentions `n`/`N` step through.
    pub actor: Option<ActorKey>,
    /// Index of the highlighted mention among that actor's mentions.
    pub mention: Option<usize>,
}

/// Sizes of the panes, set by the event loop from the terminal size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Viewport {
    /// Article text width in columns.
    pub article_width: u16,
    /// Article text height in rows.
    pub article_height: u16,
    /// Rows of the item list (and of the actor views).
    pub list_height: u16,
}

impl Default for Viewport {
    fn default() -> Self {
        Self {
            article_width: 60,
            article_height: 20,
            list_height: 20,
        }
    }
}

/// Everything back/forward restores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    focus: Focus,
    list_selected: Option<ItemId>,
    article: ArticleState,
    sidebar_selected: usize,
    actor: Option<(ActorKey, usize)>,
    actors_selected: usize,
}

/// The whole reader state.
#[derive(Debug, Clone)]
pub struct App {
    library: Library,
    read: HashSet<ItemId>,
    mark_read_on_open: bool,
    unread_only: bool,
    visible: Vec<usize>,
    list_selected: usize,
    focus: Focus,
    article: ArticleState,
    sidebar_selected: usize,
    actor: Option<(ActorKey, usize)>,
    actors: Vec<ActorKey>,
    actors_selected: usize,
    history: History<Location>,
    viewport: Viewport,
    show_help: bool,
    message: Option<String>,
    should_quit: bool,
}

impl App {
    /// A reader over `library` with these items already read.
    pub fn new(library: Library, read: HashSet<ItemId>, mark_read_on_open: bool) -> Self {
        let visible = (0..library.len()).collect();
        let mut app = Self {
            library,
            read,
            mark_read_on_open,
            unread_only: false,
            visible,
            list_selected: 0,
            focus: Focus::List,
            article: ArticleState::default(),
            sidebar_selected: 0,
            actor: None,
            actors: Vec::new(),
            actors_selected: 0,
            history: History::default(),
            viewport: Viewport::default(),
            show_help: false,
            message: None,
            should_quit: false,
        };
        app.preview_selected();
        app
    }

    /// The library shown.
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// The focused pane.
    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// Library indices of the items in the list, in order.
    pub fn visible(&self) -> &[usize] {
        &self.visible
    }

    /// Position of the selection in the list.
    pub fn list_selected(&self) -> usize {
        self.list_selected
    }

    /// Id of the selected list item.
    pub fn selected_id(&self) -> Option<&ItemId> {
        let index = *self.visible.get(self.list_selected)?;
        self.library.item(index).map(|i| &i.id)
    }

    /// The article pane's state.
    pub fn article(&self) -> &ArticleState {
        &self.article
    }

    /// Row selected in the sidebar.
    pub fn sidebar_selected(&self) -> usize {
        self.sidebar_selected
    }

    /// The actor page shown, with its selected row.
    pub fn actor_page(&self) -> Option<(&ActorKey, usize)> {
        self.actor.as_ref().map(|(k, s)| (k, *s))
    }

    /// Rows of the all-actors list and its selection.
    pub fn actors_list(&self) -> (&[ActorKey], usize) {
        (&self.actors, self.actors_selected)
    }

    /// Whether an item is read.
    pub fn is_read(&self, id: &ItemId) -> bool {
        self.read.contains(id)
    }

    /// How many items are unread in the whole library.
    pub fn unread_count(&self) -> usize {
        self.library
            .items()
            .iter()
            .filter(|i| !self.read.contains(&i.id))
            .count()
    }

    /// Whether only unread items are listed.
    pub fn unread_only(&self) -> bool {
        self.unread_only
    }

    /// Whether the help screen is open.
    pub fn show_help(&self) -> bool {
        self.show_help
    }

    /// A transient message for the status line.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Whether the loop should end.
    pub fn should_quit(&self) -> bool {
        self.should_quit
    }

    /// Pane sizes.
    pub fn viewport(&self) -> Viewport {
        self.viewport
    }

    /// How many steps back and forward the history holds.
    pub fn history_depth(&self) -> (usize, usize) {
        (self.history.back_len(), self.history.forward_len())
    }

    /// Sets the pane sizes (called by the loop on start and resize).
    pub fn set_viewport(&mut self, viewport: Viewport) {
        self.viewport = viewport;
        self.clamp_article_scroll();
    }

    /// Closes the help screen.
    pub fn dismiss_help(&mut self) {
        self.show_help = false;
    }

    /// Shows a message in the status line until the next key.
    pub fn set_message(&mut self, message: impl Into<String>) {
        self.message = Some(message.into());
    }

    /// The entities of the article's item in sidebar order: people, places,
    /// organizations, each most mentioned first.
    pub fn sidebar_entities(&self) -> Vec<&Entity> {
        let Some(index) = self.article.item else {
            return Vec::new();
        };
        let entities = self.library.entities(index);
        let mut out = Vec::with_capacity(entities.len());
        for kind in EntityKind::ALL {
            let mut of_kind: Vec<&Entity> = entities.iter().filter(|e| e.kind == kind).collect();
            of_kind.sort_by(|a, b| {
                b.mentions
                    .len()
                    .cmp(&a.mentions.len())
                    .then_with(|| a.name.cmp(&b.name))
            });
            out.extend(of_kind);
        }
        out
    }

    /// The actor `n`/`N` and `]`/`[` follow: the one jumped to, else the
    /// sidebar's selection.
    pub fn current_actor(&self) -> Option<ActorKey> {
        if let Some(actor) = &self.article.actor {
            return Some(actor.clone());
        }
        self.sidebar_entities()
            .get(self.sidebar_selected)
            .map(|e| ActorKey::of(e))
    }

    fn location(&self) -> Location {
        Location {
            focus: self.focus,
            list_selected: self.selected_id().cloned(),
            article: self.article.clone(),
            sidebar_selected: self.sidebar_selected,
            actor: self.actor.clone(),
            actors_selected: self.actors_selected,
        }
    }

    fn restore(&mut self, location: Location) {
        if let Some(id) = &location.list_selected
            && let Some(pos) = self.position_of(id)
        {
            self.list_selected = pos;
        }
        self.focus = location.focus;
        self.article = location.article;
        self.sidebar_selected = location.sidebar_selected;
        self.actor = location.actor;
        self.actors_selected = location.actors_selected;
        if self.focus == Focus::Actors && self.actors.is_empty() {
            self.actors = self.all_actor_keys();
        }
        self.clamp_article_scroll();
    }

    fn position_of(&self, id: &ItemId) -> Option<usize> {
        self.visible
            .iter()
            .position(|&i| self.library.item(i).is_some_and(|it| &it.id == id))
    }

    fn all_actor_keys(&self) -> Vec<ActorKey> {
        self.library
            .actor_summaries(None)
            .into_iter()
            .map(|s| s.key)
            .collect()
    }

    /// Shows the list's selected item in the article pane, from the top.
    fn preview_selected(&mut self) {
        let item = self.visible.get(self.list_selected).copied();
        if self.article.item != item {
            self.article = ArticleState {
                item,
                ..ArticleState::default()
            };
            self.sidebar_selected = 0;
        }
    }

    fn recompute_visible(&mut self) {
        let keep = self.selected_id().cloned();
        self.visible = (0..self.library.len())
            .filter(|&i| {
                !self.unread_only
                    || self
                        .library
                        .item(i)
                        .is_some_and(|it| !self.read.contains(&it.id))
            })
            .collect();
        self.list_selected = keep.and_then(|id| self.position_of(&id)).unwrap_or(0);
        self.list_selected = self.list_selected.min(self.visible.len().saturating_sub(1));
    }
}
