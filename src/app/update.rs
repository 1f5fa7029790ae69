//! `App::update`: one action in, effects out.

use super::{Action, App, Effect, Focus};

/// Moves `selected` within `0..len` by `delta`, saturating at the ends.
pub(super) fn step(selected: usize, len: usize, delta: isize) -> usize {
    if len == 0 {
        return 0;
    }
    selected.saturating_add_signed(delta).min(len - 1)
}

impl App {
    /// Applies one user action and returns what the loop must do.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        self.message = None;
        if self.show_help {
            // Any key closes the help screen; quitting still quits.
            self.show_help = false;
            return if action == Action::Quit {
                self.quit()
            } else {
                Vec::new()
            };
        }
        match action {
            Action::Quit => self.quit(),
            Action::Refresh => vec![Effect::Refresh],
            Action::Help => {
                self.show_help = true;
                Vec::new()
            }
            Action::Back if self.focus == Focus::Actors && !self.index.filter.is_empty() => {
                // Back peels the filter off first.
                self.edit_actor_filter(super::FilterEdit::Cancel);
                Vec::new()
            }
            Action::Back => {
                self.back();
                Vec::new()
            }
            Action::Forward => {
                if let Some(location) = self.history.forward(self.location()) {
                    self.restore(location);
                }
                Vec::new()
            }
            Action::FocusNext | Action::FocusPrev if self.focus == Focus::Actor => {
                self.toggle_actor_column();
                Vec::new()
            }
            Action::FocusNext | Action::FocusPrev => {
                self.cycle_focus(action == Action::FocusNext);
                Vec::new()
            }
            Action::ToggleRead => self.toggle_read(),
            Action::MarkAllRead => self.mark_all_read(),
            Action::ToggleUnreadOnly if self.focus == Focus::Actor => {
                self.toggle_actor_unread();
                Vec::new()
            }
            Action::ToggleUnreadOnly => {
                self.unread_only = !self.unread_only;
                self.recompute_visible();
                if matches!(self.focus, Focus::List | Focus::Article | Focus::Sidebar) {
                    self.preview_selected();
                }
                Vec::new()
            }
            Action::NextMention | Action::PrevMention => {
                let forward = action == Action::NextMention;
                if !self.step_match(forward) {
                    self.step_mention(forward);
                }
                Vec::new()
            }
            Action::Search if self.focus == Focus::Actors => {
                self.start_actor_filter();
                Vec::new()
            }
            Action::SortActors => {
                if self.focus == Focus::Actors {
                    self.cycle_actor_sort();
                }
                Vec::new()
            }
            Action::FilterNewsletter => {
                if self.focus == Focus::Actor {
                    self.cycle_actor_newsletter();
                }
                Vec::new()
            }
            Action::Search => {
                self.start_search();
                Vec::new()
            }
            Action::NextActorItem | Action::PrevActorItem => {
                self.step_actor_item(action == Action::NextActorItem)
            }
            Action::Actors => {
                self.open_actors();
                Vec::new()
            }
            Action::Map => {
                self.open_map();
                Vec::new()
            }
            Action::ZoomIn | Action::ZoomOut | Action::ZoomReset => {
                self.zoom_map(action);
                Vec::new()
            }
            Action::Links => {
                self.open_links();
                Vec::new()
            }
            Action::MergeActor => {
                self.start_merge();
                Vec::new()
            }
            Action::SplitAlias => {
                self.start_split();
                Vec::new()
            }
            Action::HideActor => self.hide_actor(),
            Action::UndoAlias => self.undo_alias(),
            Action::Open => self.open(),
            Action::SelectNext => self.move_by(1),
            Action::SelectPrev => self.move_by(-1),
            Action::PageDown => self.move_by(self.page()),
            Action::PageUp => self.move_by(-self.page()),
            Action::SelectFirst => self.move_by(isize::MIN / 2),
            Action::SelectLast => self.move_by(isize::MAX / 2),
        }
    }

    fn quit(&mut self) -> Vec<Effect> {
        self.should_quit = true;
        vec![Effect::Quit]
    }

    fn page(&self) -> isize {
        let rows = match self.focus {
            Focus::Article => self.viewport.article_height,
            _ => self.viewport.list_height,
        };
        isize::try_from(rows.saturating_sub(1).max(1)).unwrap_or(1)
    }

    fn back(&mut self) {
        if let Some(location) = self.history.back(self.location()) {
            self.restore(location);
        } else if self.focus != Focus::List {
            // Nothing to go back to: return to the list, like closing a page.
            self.focus = Focus::List;
            self.preview_selected();
        }
    }

    fn cycle_focus(&mut self, forward: bool) {
        let order = [Focus::List, Focus::Article, Focus::Sidebar];
        let Some(pos) = order.iter().position(|f| *f == self.focus) else {
            // Actor pages are left with back; tab goes to the sidebar there.
            return;
        };
        let next = if forward {
            (pos + 1) % 3
        } else {
            (pos + 2) % 3
        };
        self.focus = order[next];
    }

    pub(super) fn move_by(&mut self, delta: isize) -> Vec<Effect> {
        match self.focus {
            Focus::List => {
                self.list_selected = step(self.list_selected, self.visible.len(), delta);
                self.preview_selected();
            }
            Focus::Article => {
                let max = self.max_scroll().unwrap_or(0);
                self.article.scroll = step(self.article.scroll, max + 1, delta);
            }
            Focus::Sidebar => {
                let len = self.sidebar_entities().len();
                self.sidebar_selected = step(self.sidebar_selected, len, delta);
                // Choosing another actor here changes what n/N follow.
                self.article.actor = None;
                self.article.mention = None;
            }
            Focus::Actor if self.actor_view.column == super::ActorColumn::Named => {
                let len = self.named_with().len();
                self.actor_view.named_selected = step(self.actor_view.named_selected, len, delta);
            }
            Focus::Actor => {
                let len = self.actor_items().len();
                if let Some((_, selected)) = &mut self.actor {
                    *selected = step(*selected, len, delta);
                }
            }
            Focus::Actors => {
                self.index.selected = step(self.index.selected, self.index.rows.len(), delta);
            }
            Focus::Map => {
                if let Some(map) = &mut self.map {
                    map.select_by(delta);
                }
            }
        }
        Vec::new()
    }

    fn toggle_read(&mut self) -> Vec<Effect> {
        let index = match self.focus {
            Focus::Actor => self
                .actor
                .as_ref()
                .and_then(|(_, s)| self.actor_items().get(*s).map(|&i| i as usize)),
            Focus::List => self.visible.get(self.list_selected).copied(),
            _ => self.article.item,
        };
        let Some(item) = index.and_then(|i| self.library.row(i)) else {
            return Vec::new();
        };
        let id = item.id();
        let read = !self.read.contains(&id);
        self.set_read(vec![id], read)
    }

    fn mark_all_read(&mut self) -> Vec<Effect> {
        let ids: Vec<_> = self
            .visible
            .iter()
            .filter_map(|&i| self.library.row(i))
            .filter(|it| !self.read.contains(it.id_text().as_str()))
            .map(|it| it.id())
            .collect();
        let count = ids.len();
        let effects = self.set_read(ids, true);
        self.set_message(format!("Marked {count} items read"));
        effects
    }

    pub(super) fn set_read(&mut self, ids: Vec<super::ItemId>, read: bool) -> Vec<Effect> {
        if ids.is_empty() {
            return Vec::new();
        }
        for id in &ids {
            let changed = if read {
                self.read.insert(id.clone())
            } else {
                self.read.remove(id)
            };
            if changed && self.library.index_of(id).is_some() {
                if read {
                    self.unread = self.unread.saturating_sub(1);
                } else {
                    self.unread += 1;
                }
            }
        }
        vec![Effect::SaveRead { ids, read }]
    }
}

#[cfg(test)]
mod tests {
    use super::step;

    #[test]
    fn step_saturates() {
        assert_eq!(step(0, 3, -1), 0);
        assert_eq!(step(2, 3, 5), 2);
        assert_eq!(step(1, 3, 1), 2);
        assert_eq!(step(0, 0, 1), 0);
    }
}
