//! The list filter: typing a query (or picking a saved one), the list of
//! results, and stepping through the query's words in an opened result.

use std::collections::HashSet;

use super::article_text::{find_matches, layout};
use super::{App, FilterEdit, Focus, Location};
use crate::model::ItemId;
use crate::query::{QueryError, parse};

/// A query and, once it has been evaluated, its results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchState {
    /// The query as typed (a saved query's text when one was picked).
    pub query: String,
    /// Its free words and phrases, lower-cased: what the article highlights
    /// and `n`/`N` step through (`person:x` adds none).
    pub terms: Vec<String>,
    /// Library indices of the results, newest first; `None` until evaluated.
    pub results: Option<Vec<usize>>,
}

impl SearchState {
    fn new(query: String) -> Self {
        let terms = parse(&query).map(|q| q.text_terms()).unwrap_or_default();
        Self {
            query,
            terms,
            results: None,
        }
    }
}

/// The query line being typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Typing {
    line: String,
    /// Why the last Enter did not run the line.
    error: Option<QueryError>,
    /// The highlighted row of the saved queries offered.
    saved: Option<usize>,
}

impl App {
    /// Starts typing a query.
    pub(super) fn start_search(&mut self) {
        self.typing = Some(Typing::default());
    }

    /// Whether keys go to the query line rather than the key map.
    pub fn is_typing(&self) -> bool {
        self.typing.is_some() || self.index.typing
    }

    /// The query line being typed.
    pub fn typing(&self) -> Option<&str> {
        self.typing.as_ref().map(|t| t.line.as_str())
    }

    /// Why the typed query could not run (its span is within [`App::typing`]).
    pub fn typing_error(&self) -> Option<&QueryError> {
        self.typing.as_ref().and_then(|t| t.error.as_ref())
    }

    /// The search shown, if any.
    pub fn search(&self) -> Option<&SearchState> {
        self.search.as_ref()
    }

    /// The ids marked read (what `unread` in a query tests).
    pub fn read_set(&self) -> &HashSet<ItemId> {
        &self.read
    }

    /// Sets the saved queries (name, query) offered while typing.
    pub fn set_saved_queries(&mut self, saved: Vec<(String, String)>) {
        self.saved_queries = saved;
    }

    /// The saved queries offered under the query line, as (name, query),
    /// with the highlighted row: every one while the line is empty, those
    /// whose name starts with what follows an `@`, none otherwise.
    pub fn saved_offered(&self) -> (Vec<(&str, &str)>, Option<usize>) {
        let Some(typing) = &self.typing else {
            return (Vec::new(), None);
        };
        let line = typing.line.trim_start();
        let prefix = if line.is_empty() {
            ""
        } else if let Some(rest) = line.strip_prefix('@') {
            rest
        } else {
            return (Vec::new(), None);
        };
        let prefix = prefix.to_lowercase();
        let offered = self
            .saved_queries
            .iter()
            .filter(|(name, _)| name.to_lowercase().starts_with(&prefix))
            .map(|(n, q)| (n.as_str(), q.as_str()))
            .collect();
        (offered, typing.saved)
    }

    /// Adds a character to the query line.
    pub fn type_char(&mut self, c: char) {
        if self.index.typing {
            return self.edit_actor_filter(FilterEdit::Char(c));
        }
        if let Some(typing) = &mut self.typing
            && !c.is_control()
        {
            typing.line.push(c);
            typing.error = None;
            typing.saved = None;
        }
    }

    /// Removes the last character of the query line.
    pub fn type_backspace(&mut self) {
        if self.index.typing {
            return self.edit_actor_filter(FilterEdit::Backspace);
        }
        if let Some(typing) = &mut self.typing {
            typing.line.pop();
            typing.error = None;
            typing.saved = None;
        }
    }

    /// Moves the highlight among the saved queries offered.
    pub fn type_move(&mut self, delta: isize) {
        let len = self.saved_offered().0.len();
        let Some(typing) = &mut self.typing else {
            return;
        };
        if len == 0 {
            return;
        }
        typing.saved = Some(match typing.saved {
            None if delta < 0 => len - 1,
            None => 0,
            Some(n) => super::update::step(n, len, delta),
        });
    }

    /// Leaves the query line without running it.
    pub fn type_cancel(&mut self) {
        if self.index.typing {
            return self.edit_actor_filter(FilterEdit::Cancel);
        }
        self.typing = None;
    }

    /// Runs the typed query, or the highlighted saved one (an empty line
    /// clears the filter). A query that does not parse keeps the line open
    /// with the error.
    pub fn type_submit(&mut self) {
        if self.index.typing {
            return self.edit_actor_filter(FilterEdit::Submit);
        }
        let (offered, highlighted) = self.saved_offered();
        let picked = highlighted
            .and_then(|n| offered.get(n))
            .map(|(_, q)| q.to_string());
        let Some(typing) = &mut self.typing else {
            return;
        };
        let line = typing.line.clone();
        let text = match picked {
            Some(query) => query,
            None => match line.trim().strip_prefix('@') {
                Some(name) => match self
                    .saved_queries
                    .iter()
                    .find(|(n, _)| n.eq_ignore_ascii_case(name))
                {
                    Some((_, query)) => query.clone(),
                    None => {
                        let start = line.len() - line.trim_start().len();
                        typing.error = Some(QueryError::new(
                            format!("no saved query named '{name}'"),
                            (start, line.trim_end().len()),
                        ));
                        return;
                    }
                },
                None => line,
            },
        };
        match parse(&text) {
            Err(error) => {
                typing.error = Some(error);
            }
            Ok(query) if query.is_empty() => {
                self.typing = None;
                self.clear_search();
            }
            Ok(_) => {
                self.typing = None;
                self.history.push(self.location());
                self.search = Some(SearchState::new(text.trim().to_string()));
                self.focus = Focus::List;
            }
        }
    }

    /// Takes the results of the query (library indices, newest first).
    pub fn provide_search(&mut self, query: &str, results: Vec<usize>) {
        let Some(search) = &mut self.search else {
            return;
        };
        if search.query != query {
            return;
        }
        let count = results.len();
        search.results = Some(results);
        let keep = self.selected_id();
        self.recompute_visible();
        self.list_selected = keep.and_then(|id| self.position_of(&id)).unwrap_or(0);
        self.preview_selected();
        self.set_message(match count {
            0 => format!("Nothing matches '{query}'"),
            1 => "1 item matches".to_string(),
            n => format!("{n} items match"),
        });
    }

    /// Runs the shown search again (the full-text index has grown).
    pub fn search_again(&mut self) {
        if let Some(search) = &mut self.search {
            search.results = None;
        }
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
        let Some((query, terms)) = self
            .search
            .as_ref()
            .map(|s| (s.query.clone(), s.terms.clone()))
        else {
            return false;
        };
        // A query without free words (person:x, unread) leaves n/N to mentions.
        if terms.is_empty() || self.article.actor.is_some() {
            return false;
        }
        let Some(body) = self.article.item.and_then(|i| self.body(i)) else {
            return true;
        };
        let lines = layout(&body.item, usize::from(self.viewport.article_width));
        let matches = find_matches(&lines, &terms);
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
                self.search = Some(SearchState::new(query.clone()));
            }
            None => self.clear_search(),
        }
    }
}
