//! The actor index (`a`): every actor of the library, or of the list's
//! current filter, sortable and filtered by typing.

use super::{App, Focus, fuzzy};
use crate::library::{ActorKey, ActorStat};

/// Trend buckets per actor (the small bar chart of the index).
pub const TREND_SLOTS: usize = 8;

/// How the actor index is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ActorSort {
    /// Most items first.
    #[default]
    Count,
    /// Alphabetical.
    Name,
    /// Most recently seen first.
    Recent,
}

impl ActorSort {
    /// The next order in the cycle.
    pub fn next(self) -> Self {
        match self {
            Self::Count => Self::Name,
            Self::Name => Self::Recent,
            Self::Recent => Self::Count,
        }
    }

    /// How the index title names it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Count => "by items",
            Self::Name => "by name",
            Self::Recent => "by last seen",
        }
    }
}

/// The actor index's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorIndex {
    /// The rows shown, in order.
    pub rows: Vec<ActorStat>,
    /// Selected row.
    pub selected: usize,
    /// Order.
    pub sort: ActorSort,
    /// Typed filter (fuzzy).
    pub filter: String,
    /// Whether keys go to the filter line.
    pub typing: bool,
    /// Items in the scope when it is the list's filter, not the library.
    pub scope: Option<usize>,
}

impl App {
    /// The actor index.
    pub fn actor_index(&self) -> &ActorIndex {
        &self.index
    }

    /// Opens the index over the library, or over the list when it is
    /// filtered (a search or unread only).
    pub(super) fn open_actors(&mut self) {
        if self.focus == Focus::Actors {
            return;
        }
        self.history.push(self.location());
        self.focus = Focus::Actors;
        let keep = self.selected_actor_key();
        self.refresh_index(keep);
    }

    /// The actor selected in the index.
    pub fn selected_actor_key(&self) -> Option<ActorKey> {
        self.index
            .rows
            .get(self.index.selected)
            .map(|s| s.key.clone())
    }

    /// Recomputes the rows (filter, order, scope), keeping `keep` selected.
    pub(super) fn refresh_index(&mut self, keep: Option<ActorKey>) {
        let filtered = self.search.is_some() || self.unread_only;
        let scope = filtered.then(|| self.visible.clone());
        self.index.scope = scope.as_ref().map(Vec::len);
        let mut scored: Vec<(i32, ActorStat)> = self
            .library
            .actor_stats(scope.as_deref(), TREND_SLOTS)
            .into_iter()
            .filter_map(|s| fuzzy::score(&self.index.filter, &s.key.name).map(|n| (n, s)))
            .collect();
        let sort = self.index.sort;
        scored.sort_by(|(sa, a), (sb, b)| {
            let order = match sort {
                ActorSort::Count => b.items.cmp(&a.items),
                ActorSort::Name => a.key.name.to_lowercase().cmp(&b.key.name.to_lowercase()),
                ActorSort::Recent => b.last.cmp(&a.last).then_with(|| b.items.cmp(&a.items)),
            };
            sb.cmp(sa).then(order).then_with(|| a.key.cmp(&b.key))
        });
        self.index.rows = scored.into_iter().map(|(_, s)| s).collect();
        self.index.selected = keep
            .and_then(|k| self.index.rows.iter().position(|s| s.key == k))
            .unwrap_or(0);
    }

    /// Cycles the index's order (count, name, last seen).
    pub(super) fn cycle_actor_sort(&mut self) {
        self.index.sort = self.index.sort.next();
        let keep = self.selected_actor_key();
        self.refresh_index(keep);
        self.set_message(format!("Actors {}", self.index.sort.label()));
    }

    /// Starts typing the index's filter.
    pub(super) fn start_actor_filter(&mut self) {
        self.index.typing = true;
    }

    /// A key of the filter line: the rows follow every keystroke.
    pub(super) fn edit_actor_filter(&mut self, edit: FilterEdit) {
        match edit {
            FilterEdit::Char(c) if !c.is_control() => self.index.filter.push(c),
            FilterEdit::Char(_) => return,
            FilterEdit::Backspace => {
                self.index.filter.pop();
            }
            FilterEdit::Submit => {
                self.index.typing = false;
                return;
            }
            FilterEdit::Cancel => {
                self.index.typing = false;
                self.index.filter.clear();
            }
        }
        self.refresh_index(None);
    }
}

/// One key typed into a filter line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterEdit {
    /// A character.
    Char(char),
    /// Remove the last character.
    Backspace,
    /// Keep the filter and leave the line.
    Submit,
    /// Clear the filter and leave the line.
    Cancel,
}
