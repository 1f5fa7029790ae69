//! The state machine: what is shown, selected, focused and read. Pure: no
//! terminal and no disk. [`App::update`] takes an [`Action`] and returns the
//! [`Effect`]s the event loop must perform.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Arc;

use crate::library::{ActorKey, Body, Library};
use crate::model::{Block, Entity, EntityKind, ItemId};

pub mod action;
mod actor_page;
mod actors;
pub mod aliases;
pub mod article_text;
mod fuzzy;
pub mod history;
pub mod keymap;
pub mod links;
pub mod map;
mod mouse;
mod navigate;
mod search;
mod update;

pub use action::{Action, Effect};
pub use actor_page::{ActorColumn, ActorView};
pub use actors::{ActorIndex, ActorSort, FilterEdit, TREND_SLOTS};
use history::History;
pub use mouse::Target;
pub use search::SearchState;

/// How many item bodies the reader keeps at once.
const BODY_CACHE: usize = 32;

/// Data the state machine wants from outside (see [`crate::source::serve`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Need {
    /// The body of an item about to be shown.
    Body(ItemId),
    /// First-mention sentences for the rows of an actor page around the
    /// selection.
    Sentences(ActorKey, Vec<ItemId>),
    /// The results of a query (see [`crate::query`]).
    Search(String),
}

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
    /// The map of the places of the current scope.
    Map,
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
    /// Index of the highlighted match of the search.
    pub found: Option<usize>,
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
    actors_selected: Option<ActorKey>,
    actor_view: ActorView,
    search: Option<String>,
    map: Option<map::MapState>,
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
    index: ActorIndex,
    actor_view: ActorView,
    history: History<Location>,
    viewport: Viewport,
    show_help: bool,
    message: Option<String>,
    should_quit: bool,
    bodies: VecDeque<Arc<Body>>,
    sentences: Option<(ActorKey, HashMap<ItemId, String>)>,
    pending_mention: Option<usize>,
    unread: usize,
    progress: Option<String>,
    typing: Option<search::Typing>,
    saved_queries: Vec<(String, String)>,
    search: Option<SearchState>,
    summary: Option<crate::library::ActorSummary>,
    map: Option<map::MapState>,
    alias: aliases::AliasState,
    links: Option<links::LinksView>,
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
            index: ActorIndex::default(),
            actor_view: ActorView::default(),
            history: History::default(),
            viewport: Viewport::default(),
            show_help: false,
            message: None,
            should_quit: false,
            bodies: VecDeque::new(),
            sentences: None,
            pending_mention: None,
            unread: 0,
            progress: None,
            typing: None,
            saved_queries: Vec::new(),
            search: None,
            summary: None,
            map: None,
            alias: aliases::AliasState::default(),
            links: None,
        };
        app.unread = app
            .library
            .rows()
            .filter(|r| !app.read.contains(r.id_text().as_str()))
            .count();
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
    pub fn selected_id(&self) -> Option<ItemId> {
        let index = *self.visible.get(self.list_selected)?;
        self.library.row(index).map(|r| r.id())
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
    pub fn actors_list(&self) -> (&[crate::library::ActorStat], usize) {
        (&self.index.rows, self.index.selected)
    }

    /// Whether an item is read.
    pub fn is_read(&self, id: &ItemId) -> bool {
        self.read.contains(id)
    }

    /// Whether the item of a row is marked read.
    pub fn row_is_read(&self, row: &crate::library::Row) -> bool {
        self.read.contains(row.id_text().as_str())
    }

    /// How many items are unread in the whole library.
    pub fn unread_count(&self) -> usize {
        self.unread
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

    /// Whether keys go to an open line or list (search, picker, links)
    /// rather than the key map.
    pub fn takes_keys(&self) -> bool {
        self.is_typing() || self.picker().is_some() || self.links.is_some()
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
        let Some(body) = self.article.item.and_then(|i| self.body(i)) else {
            return Vec::new();
        };
        let entities = &body.entities;
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

    /// Shows (or, with `None`, clears) a lasting note of background work,
    /// such as indexing progress.
    pub fn set_progress(&mut self, progress: Option<String>) {
        self.progress = progress;
    }

    /// The note of background work, if any.
    pub fn progress(&self) -> Option<&str> {
        self.progress.as_deref()
    }

    /// Replaces the library (indexing finished, files changed) keeping the
    /// selection, the open item, the actor page and the history, by id.
    pub fn replace_library(&mut self, mut library: Library) {
        self.carry_aliases(&mut library);
        let old = std::mem::replace(&mut self.library, library);
        let id_of = |index: Option<usize>| index.and_then(|i| old.row(i)).map(|r| r.id());
        let keep_selected = self.visible.get(self.list_selected).copied();
        let selected = id_of(keep_selected);
        let article = id_of(self.article.item);
        let new = &self.library;
        // A saved place whose item left the library is dropped.
        self.history.map(|mut location| {
            if location.article.item.is_some() {
                location.article.item = Some(new.index_of(&id_of(location.article.item)?)?);
            }
            Some(location)
        });
        self.article.item = article.and_then(|id| new.index_of(&id));
        if self.article.item.is_none() {
            self.article = ArticleState::default();
        }
        self.unread = self
            .library
            .rows()
            .filter(|r| !self.read.contains(r.id_text().as_str()))
            .count();
        if let Some(search) = &mut self.search {
            // Results are indices of the old library: search again.
            search.results = None;
        }
        self.recompute_visible();
        self.list_selected = selected
            .and_then(|id| self.position_of(&id))
            .unwrap_or(0)
            .min(self.visible.len().saturating_sub(1));
        if self.focus == Focus::Actors {
            let keep = self.selected_actor_key();
            self.refresh_index(keep);
        }
        let len = self.actor_items().len();
        if let Some((_, selected)) = &mut self.actor {
            *selected = (*selected).min(len.saturating_sub(1));
        }
        self.sentences = None;
        self.summary = None;
        if self.article.item.is_none()
            && matches!(self.focus, Focus::List | Focus::Article | Focus::Sidebar)
        {
            self.preview_selected();
        }
    }

    /// The body of the item at `index`, when it has been provided.
    pub fn body(&self, index: usize) -> Option<&Body> {
        let row = self.library.row(index)?;
        self.bodies
            .iter()
            .find(|b| row.has_id(b.item.id.as_str()))
            .map(Arc::as_ref)
    }

    /// The figures of the open actor page's actor (computed once per visit,
    /// not per frame).
    pub fn actor_summary(&self) -> Option<&crate::library::ActorSummary> {
        let (key, _) = self.actor.as_ref()?;
        self.summary.as_ref().filter(|s| &s.key == key)
    }

    /// Computes the open actor page's figures if they are missing.
    fn refresh_summary(&mut self) {
        if let Some((key, _)) = &self.actor
            && self.summary.as_ref().is_none_or(|s| &s.key != key)
        {
            self.summary = self.library.actor_summary(key);
        }
    }

    /// The first-mention sentence of the open actor page's actor in an item.
    pub fn actor_sentence(&self, id: &ItemId) -> Option<&str> {
        let (key, _) = self.actor.as_ref()?;
        let (for_key, map) = self.sentences.as_ref()?;
        (for_key == key)
            .then(|| map.get(id).map(String::as_str))
            .flatten()
    }

    /// What the reader needs before it can draw the current view.
    pub fn wanted(&mut self) -> Vec<Need> {
        self.refresh_summary();
        let mut needs = Vec::new();
        if let Some(index) = self.article.item
            && self.body(index).is_none()
            && let Some(row) = self.library.row(index)
        {
            needs.push(Need::Body(row.id()));
        }
        if let Some(search) = &self.search
            && search.results.is_none()
        {
            needs.push(Need::Search(search.query.clone()));
        }
        if self.focus == Focus::Actor
            && let Some((key, selected)) = &self.actor
        {
            // The rows around the selection, a page either way.
            let page = usize::from(self.viewport.list_height);
            let items = self.actor_items();
            let from = selected.saturating_sub(page);
            let to = (selected + page).min(items.len());
            let known = self
                .sentences
                .as_ref()
                .filter(|(k, _)| k == key)
                .map(|(_, m)| m);
            let missing: Vec<ItemId> = items[from.min(to)..to]
                .iter()
                .filter_map(|&i| self.library.row(i as usize).map(|r| r.id()))
                .filter(|id| known.is_none_or(|m| !m.contains_key(id)))
                .collect();
            if !missing.is_empty() {
                needs.push(Need::Sentences(key.clone(), missing));
            }
        }
        needs
    }

    /// Takes an item's body (already resolved the library's way).
    pub fn provide_body(&mut self, body: Body) {
        let id = body.item.id.clone();
        self.bodies.retain(|b| b.item.id != id);
        self.bodies.push_front(Arc::new(body));
        self.bodies.truncate(BODY_CACHE);
        let current = self
            .article
            .item
            .and_then(|i| self.library.row(i))
            .map(|r| r.id());
        if current.as_ref() == Some(&id) {
            if let Some(n) = self.pending_mention.take() {
                self.goto_mention(n);
                if self.message.is_none()
                    && let Some(key) = self.article.actor.clone()
                {
                    let count = self.actor_mentions(&key).len();
                    self.set_message(format!("{}: mention {} of {count}", key.name, n + 1));
                }
            }
            self.clamp_article_scroll();
        }
    }

    /// Records that an item's body could not be read, so it is not asked for again.
    pub fn body_unavailable(&mut self, id: &ItemId) {
        let Some(index) = self.library.index_of(id) else {
            return;
        };
        let Some(row) = self.library.row(index) else {
            return;
        };
        let item = crate::model::Item {
            id: id.clone(),
            title: row.title.to_string(),
            newsletter: row.newsletter.map(str::to_string),
            publisher: None,
            date: row.date,
            author: None,
            url: None,
            tags: Vec::new(),
            blocks: vec![Block::Paragraph(format!(
                "The text of this item could not be read from {}.",
                row.source().display()
            ))],
            source: row.source(),
        };
        self.pending_mention = None;
        self.provide_body(Body {
            item,
            entities: Vec::new(),
        });
    }

    /// Takes first-mention sentences of an actor's items (`asked` are the
    /// items asked for: those without a sentence are remembered as empty).
    pub fn provide_sentences(
        &mut self,
        key: ActorKey,
        asked: &[ItemId],
        mut sentences: HashMap<ItemId, String>,
    ) {
        for id in asked {
            sentences.entry(id.clone()).or_default();
        }
        match &mut self.sentences {
            Some((k, map)) if *k == key => map.extend(sentences),
            _ => self.sentences = Some((key, sentences)),
        }
    }

    fn location(&self) -> Location {
        Location {
            focus: self.focus,
            list_selected: self.selected_id(),
            article: self.article.clone(),
            sidebar_selected: self.sidebar_selected,
            actor: self.actor.clone(),
            actors_selected: self.selected_actor_key(),
            actor_view: self.actor_view.clone(),
            search: self.search_location(),
            map: self.map.clone(),
        }
    }

    fn restore(&mut self, location: Location) {
        self.summary = None;
        self.restore_search(&location);
        if let Some(id) = &location.list_selected
            && let Some(pos) = self.position_of(id)
        {
            self.list_selected = pos;
        }
        self.focus = location.focus;
        self.article = location.article;
        self.sidebar_selected = location.sidebar_selected;
        self.actor = location.actor;
        self.actor_view = location.actor_view;
        self.map = location.map;
        if self.focus == Focus::Actors {
            self.refresh_index(location.actors_selected.clone());
        }
        self.clamp_article_scroll();
    }

    fn position_of(&self, id: &ItemId) -> Option<usize> {
        let index = self.library.index_of(id)?;
        self.visible.iter().position(|&i| i == index)
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
        let keep = self.selected_id();
        let base: Vec<usize> = match self.search.as_ref().and_then(|s| s.results.as_ref()) {
            Some(results) => results.clone(),
            None => (0..self.library.len()).collect(),
        };
        self.visible = base
            .into_iter()
            .filter(|&i| {
                !self.unread_only
                    || self
                        .library
                        .row(i)
                        .is_some_and(|r| !self.read.contains(r.id_text().as_str()))
            })
            .collect();
        self.list_selected = keep.and_then(|id| self.position_of(&id)).unwrap_or(0);
        self.list_selected = self.list_selected.min(self.visible.len().saturating_sub(1));
    }
}
