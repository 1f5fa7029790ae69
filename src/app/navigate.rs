//! Jumps: opening items and actors, following an actor's mentions and the
//! items that name it. Every jump is recorded in the history.

use super::article_text::{layout, line_of};
use super::{App, ArticleState, Effect, Focus};
use crate::library::ActorKey;
use crate::model::Mention;

impl App {
    /// Enter: what it opens depends on the focus.
    pub(super) fn open(&mut self) -> Vec<Effect> {
        match self.focus {
            Focus::List | Focus::Article => {
                let Some(index) = self.visible.get(self.list_selected).copied() else {
                    return Vec::new();
                };
                if self.focus == Focus::List {
                    self.history.push(self.location());
                }
                self.focus = Focus::Article;
                let effects = self.mark_opened(index);
                if self.search.is_some() && self.article.actor.is_none() {
                    // Open a search result at its first match.
                    self.article.found = None;
                    self.step_match(true);
                }
                effects
            }
            Focus::Sidebar => {
                if let Some(key) = self
                    .sidebar_entities()
                    .get(self.sidebar_selected)
                    .map(|e| crate::library::ActorKey::of(e))
                {
                    self.open_actor(key);
                }
                Vec::new()
            }
            Focus::Actor => {
                let Some((key, selected)) = self.actor.clone() else {
                    return Vec::new();
                };
                if self.actor_view.column == super::ActorColumn::Named {
                    if let Some(other) = self.named_with().get(self.actor_view.named_selected) {
                        self.open_actor(other.clone());
                    }
                    return Vec::new();
                }
                let Some(&index) = self.actor_items().get(selected) else {
                    return Vec::new();
                };
                self.history.push(self.location());
                self.open_at_actor(index as usize, key)
            }
            Focus::Actors => {
                if let Some(key) = self.selected_actor_key() {
                    self.open_actor(key);
                }
                Vec::new()
            }
            Focus::Map => {
                self.open_map_place();
                Vec::new()
            }
        }
    }

    /// Opens an actor's page, recording where we were.
    pub fn open_actor(&mut self, key: ActorKey) {
        self.history.push(self.location());
        self.actor = Some((key, 0));
        self.actor_view = super::ActorView::default();
        self.focus = Focus::Actor;
    }

    /// Shows `index` in the article scrolled to the first mention of `key`.
    fn open_at_actor(&mut self, index: usize, key: ActorKey) -> Vec<Effect> {
        self.article = ArticleState {
            item: Some(index),
            scroll: 0,
            actor: Some(key.clone()),
            mention: None,
            found: None,
        };
        self.sidebar_selected = 0;
        if let Some(pos) = self.visible.iter().position(|&i| i == index) {
            self.list_selected = pos;
        }
        self.focus = Focus::Article;
        self.goto_mention(0);
        if self.pending_mention.is_none() {
            let count = self.actor_mentions(&key).len();
            self.set_message(format!("{}: mention 1 of {count}", key.name));
        }
        self.mark_opened(index)
    }

    fn mark_opened(&mut self, index: usize) -> Vec<Effect> {
        if self.article.item != Some(index) {
            self.article = ArticleState {
                item: Some(index),
                ..ArticleState::default()
            };
            self.sidebar_selected = 0;
        }
        let Some(row) = self.library.row(index) else {
            return Vec::new();
        };
        if self.mark_read_on_open && !self.read.contains(row.id_text().as_str()) {
            let id = row.id();
            return self.set_read(vec![id], true);
        }
        Vec::new()
    }

    pub(super) fn actor_mentions(&self, key: &ActorKey) -> Vec<Mention> {
        let Some(body) = self.article.item.and_then(|i| self.body(i)) else {
            return Vec::new();
        };
        body.entity(key)
            .map(|e| e.mentions.clone())
            .unwrap_or_default()
    }

    /// Scrolls so mention number `n` of the followed actor is in view; waits
    /// for the body when it has not arrived yet.
    pub(super) fn goto_mention(&mut self, n: usize) {
        let Some(key) = self.article.actor.clone() else {
            return;
        };
        if self.article.item.and_then(|i| self.body(i)).is_none() {
            self.pending_mention = Some(n);
            return;
        }
        let mentions = self.actor_mentions(&key);
        let Some(mention) = mentions.get(n) else {
            return;
        };
        let (Some(index), width) = (self.article.item, usize::from(self.viewport.article_width))
        else {
            return;
        };
        let Some(body) = self.body(index) else {
            return;
        };
        let lines = layout(&body.item, width);
        let line = line_of(&lines, mention.segment, mention.start).unwrap_or(0);
        // Put the mention a third of the way down the pane.
        let third = usize::from(self.viewport.article_height) / 3;
        self.article.scroll = line.saturating_sub(third);
        self.article.mention = Some(n);
        self.clamp_article_scroll();
    }

    pub(super) fn step_mention(&mut self, forward: bool) {
        let Some(key) = self.current_actor() else {
            self.set_message("No actor to follow: pick one in the sidebar (tab)");
            return;
        };
        self.article.actor = Some(key.clone());
        let count = self.actor_mentions(&key).len();
        if count == 0 {
            self.set_message(format!("{} is not named in this item", key.name));
            return;
        }
        let next = match (self.article.mention, forward) {
            (None, _) => 0,
            (Some(m), true) if m + 1 < count => m + 1,
            (Some(m), false) if m > 0 => m - 1,
            (Some(m), _) => {
                self.set_message(if forward {
                    "Last mention"
                } else {
                    "First mention"
                });
                m
            }
        };
        self.goto_mention(next);
        let name = key.name;
        if self.message.is_none() {
            self.set_message(format!("{name}: mention {} of {count}", next + 1));
        }
    }

    pub(super) fn step_actor_item(&mut self, forward: bool) -> Vec<Effect> {
        let Some(key) = self.current_actor() else {
            self.set_message("No actor to follow: pick one in the sidebar (tab)");
            return Vec::new();
        };
        let items = self.library.items_naming(&key).collect::<Vec<u32>>();
        let here = self
            .article
            .item
            .and_then(|i| items.iter().position(|&x| x as usize == i));
        let target = match (here, forward) {
            (Some(p), true) => p.checked_add(1).filter(|&n| n < items.len()),
            (Some(p), false) => p.checked_sub(1),
            (None, _) => (!items.is_empty()).then_some(0),
        };
        let Some(target) = target else {
            self.set_message(format!("No more items naming {}", key.name));
            return Vec::new();
        };
        self.history.push(self.location());
        let effects = self.open_at_actor(items[target] as usize, key.clone());
        self.set_message(format!(
            "{}: item {} of {}",
            key.name,
            target + 1,
            items.len()
        ));
        effects
    }

    /// Keeps the scroll within the article's length (once its body is here).
    pub(super) fn clamp_article_scroll(&mut self) {
        if let Some(max) = self.max_scroll() {
            self.article.scroll = self.article.scroll.min(max);
        }
    }

    /// The last scroll position, or `None` while the body is not loaded.
    pub(super) fn max_scroll(&self) -> Option<usize> {
        let body = self.article.item.and_then(|i| self.body(i))?;
        let lines = layout(&body.item, usize::from(self.viewport.article_width)).len();
        Some(lines.saturating_sub(usize::from(self.viewport.article_height).max(1)))
    }
}
