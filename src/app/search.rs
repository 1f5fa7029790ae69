//! Full-text search: typing a query, the list of results, and stepping
//! through the matches in an opened result.

use super::article_text::{find_matches, layout, search_terms};
use super::{App, FilterEdit, Focus, Location};
use crate::model::ItemId;

/// A search and, once the index has answered, its results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchState {
    /// What was searched for.
    pub query: String,
    /// Library indices of the results, best first; `None` while searching.
    pub results: Option<Vec<usize>>,
}

impl App {
    /// Starts typing a search.
    pub(super) fn start_search(&mut self) {
        self.typing = Some(String::new());
    }

    /// Whether keys go to the search line rather than the key map.
    pub fn is_typing(&self) -> bool {
        self.typing.is_some() || self.index.typing
    }

    /// The search line being typed.
    pub fn typing(&self) -> Option<&str> {
        self.typing.as_deref()
    }

    /// The search shown, if any.
    pub fn search(&self) -> Option<&SearchState> {
        self.search.as_ref()
    }

    /// Adds a character to the search line.
    pub fn type_char(&mut self, c: char) {
        if self.index.typing {
            return self.edit_actor_filter(FilterEdit::Char(c));
        }
        if let Some(line) = &mut self.typing
            && !c.is_control()
        {
            line.push(c);
        }
    }

    /// Removes the last character of the search line.
    pub fn type_backspace(&mut self) {
        if self.index.typing {
            return self.edit_actor_filter(FilterEdit::Backspace);
        }
        if let Some(line) = &mut self.typing {
            line.pop();
        }
    }

    /// Leaves the search line without searching.
    pub fn type_cancel(&mut self) {
        if self.index.typing {
            return self.edit_actor_filter(FilterEdit::Cancel);
        }
        self.typing = None;
    }

    /// Runs the typed search (an empty one clears the search).
    pub fn type_submit(&mut self) {
        if self.index.typing {
            return self.edit_actor_filter(FilterEdit::Submit);
        }
        let Some(query) = self.typing.take() else {
            return;
        };
        let query = query.trim().to_string();
        if query.is_empty() {
            self.clear_search();
            return;
        }
        self.history.push(self.location());
        self.search = Some(SearchState {
            query,
            results: None,
        });
        self.focus = Focus::List;
    }

    /// Takes the index's answer to a search.
    pub fn provide_search(&mut self, query: &str, ids: &[ItemId]) {
        let Some(search) = &mut self.search else {
            return;
        };
        if search.query != query {
            return;
        }
        let results: Vec<usize> = ids
            .iter()
            .filter_map(|id| self.library.index_of(id))
            .collect();
        let count = results.len();
        search.results = Some(results);
        let keep = self.selected_id().cloned();
        self.recompute_visible();
        self.list_selected = keep.and_then(|id| self.position_of(&id)).unwrap_or(0);
        self.preview_selected();
        self.set_message(match count {
            0 => format!("Nothing matches '{query}'"),
            1 => "1 item matches".to_string(),
            n => format!("{n} items match"),
        });
    }

    /// Goes back to the whole list.
    pub(super) fn clear_search(&mut self) {
        if self.search.take().is_some() {
            self.recompute_visible();
            self.preview_selected();
        }
    }

    /// Steps to the next or previous match of the search in the article;
    /// `false` when there is no search to follow.
    pub(super) fn step_match(&mut self, forward: bool) -> bool {
        let Some(query) = self.search.as_ref().map(|s| s.query.clone()) else {
            return false;
        };
        if self.article.actor.is_some() {
            return false;
        }
        let Some(body) = self.article.item.and_then(|i| self.body(i)) else {
            return true;
        };
        let lines = layout(&body.item, usize::from(self.viewport.article_width));
        let matches = find_matches(&lines, &search_terms(&query));
        if matches.is_empty() {
            self.set_message(format!("'{query}' is not in this item's text"));
            return true;
        }
        let next = match (self.article.found, forward) {
            (None, _) => 0,
            (Some(n), true) => (n + 1).min(matches.len() - 1),
            (Some(n), false) => n.saturating_sub(1),
        };
        self.article.found = Some(next);
        let third = usize::from(self.viewport.article_height) / 3;
        self.article.scroll = matches[next].0.saturating_sub(third);
        self.clamp_article_scroll();
        self.set_message(format!(
            "'{query}': match {} of {}",
            next + 1,
            matches.len()
        ));
        true
    }

    /// Saved with a jump: whether a search was showing.
    pub(super) fn search_location(&self) -> Option<String> {
        self.search.as_ref().map(|s| s.query.clone())
    }

    /// Restores the search part of a saved place.
    pub(super) fn restore_search(&mut self, location: &Location) {
        if location.search == self.search_location() {
            return;
        }
        match &location.search {
            Some(query) => {
                self.search = Some(SearchState {
                    query: query.clone(),
                    results: None,
                });
            }
            None => self.clear_search(),
        }
    }
}
