//! The actor page's own filters (newsletter, unread) and its second column,
//! the actors most often named with it.

use std::sync::Arc;

use super::{App, Focus};
use crate::library::ActorKey;

/// Which column of the actor page has the selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ActorColumn {
    /// The items naming the actor.
    #[default]
    Items,
    /// The actors named with it.
    Named,
}

/// Filters and focus of the actor page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActorView {
    /// Only items of this newsletter.
    pub newsletter: Option<Arc<str>>,
    /// Only unread items.
    pub unread: bool,
    /// The column with the selection.
    pub column: ActorColumn,
    /// Selected row of the named-with column.
    pub named_selected: usize,
}

impl App {
    /// The actor page's filters and focus.
    pub fn actor_view(&self) -> &ActorView {
        &self.actor_view
    }

    /// The items of the actor page after its filters, newest first.
    pub fn actor_items(&self) -> Vec<u32> {
        let Some((key, _)) = &self.actor else {
            return Vec::new();
        };
        let all = self.library.items_naming(key);
        let view = &self.actor_view;
        if view.newsletter.is_none() && !view.unread {
            return all.collect();
        }
        all.filter(|&i| {
            self.library.row(i as usize).is_some_and(|r| {
                view.newsletter
                    .as_deref()
                    .is_none_or(|n| r.newsletter == Some(n))
                    && (!view.unread || !self.read.contains(r.id_text().as_str()))
            })
        })
        .collect()
    }

    /// The co-mentioned actors the page offers, in order.
    pub fn named_with(&self) -> Vec<ActorKey> {
        self.actor_summary()
            .map(|s| s.co_mentions.iter().map(|(k, _)| k.clone()).collect())
            .unwrap_or_default()
    }

    /// Cycles the page's newsletter filter through the newsletters of the
    /// actor's items, then back to all.
    pub(super) fn cycle_actor_newsletter(&mut self) {
        let Some((key, _)) = &self.actor else {
            return;
        };
        let mut names: Vec<Arc<str>> = self
            .library
            .items_naming(key)
            .filter_map(|i| self.library.row(i as usize)?.newsletter.map(Arc::from))
            .collect();
        names.sort();
        names.dedup();
        let next = match &self.actor_view.newsletter {
            None => names.first().cloned(),
            Some(current) => names
                .iter()
                .position(|n| n == current)
                .and_then(|p| names.get(p + 1).cloned()),
        };
        self.actor_view.newsletter = next;
        self.reset_actor_selection();
        let shown = self.actor_items().len();
        self.set_message(match &self.actor_view.newsletter {
            Some(n) => format!("{shown} items from {n}"),
            None => format!("{shown} items from every newsletter"),
        });
    }

    /// Toggles the page's unread-only filter.
    pub(super) fn toggle_actor_unread(&mut self) {
        self.actor_view.unread = !self.actor_view.unread;
        self.reset_actor_selection();
        let shown = self.actor_items().len();
        self.set_message(if self.actor_view.unread {
            format!("{shown} unread items")
        } else {
            format!("{shown} items, read or not")
        });
    }

    fn reset_actor_selection(&mut self) {
        if let Some((_, selected)) = &mut self.actor {
            *selected = 0;
        }
        self.actor_view.column = ActorColumn::Items;
    }

    /// Tab on the actor page: between the items and the named-with column.
    pub(super) fn toggle_actor_column(&mut self) {
        if self.focus != Focus::Actor {
            return;
        }
        self.actor_view.column = match self.actor_view.column {
            ActorColumn::Items if !self.named_with().is_empty() => ActorColumn::Named,
            _ => ActorColumn::Items,
        };
    }
}
