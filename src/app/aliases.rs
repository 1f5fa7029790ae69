//! Alias edits by hand, from an actor: merge it into another actor (a
//! picker), split an alias off (a picker), hide it, undo. The library is
//! re-keyed at once; the edits are saved by the loop ([`Effect::SaveAliases`]).

use super::{App, Effect, Focus};
use crate::library::{ActorKey, AliasEdits};

/// What a picker chooses for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerKind {
    /// The actor to merge the subject into.
    Merge,
    /// The alias to split off the subject.
    Split,
}

/// A small list to choose from, filtered by what is typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    /// What the choice is for.
    pub kind: PickerKind,
    /// The actor the edit is about.
    pub subject: ActorKey,
    /// The filter typed so far.
    pub query: String,
    /// Every choice, before filtering.
    pub options: Vec<ActorKey>,
    /// Position of the selection among the matches.
    pub selected: usize,
}

impl Picker {
    /// The choices whose name contains the filter (any case).
    pub fn matches(&self) -> Vec<&ActorKey> {
        let query = self.query.to_lowercase();
        self.options
            .iter()
            .filter(|k| query.is_empty() || k.name.to_lowercase().contains(&query))
            .collect()
    }
}

/// Undo steps, the open picker, and whether edits are allowed.
#[derive(Debug, Clone, Default)]
pub struct AliasState {
    undo: Vec<(AliasEdits, String)>,
    blocked: Option<String>,
    picker: Option<Picker>,
}

impl App {
    /// Refuses alias edits (the alias file does not parse), saying why.
    pub fn block_alias_edits(&mut self, reason: impl Into<String>) {
        let reason = reason.into();
        self.set_message(reason.clone());
        self.alias.blocked = Some(reason);
    }

    /// The open picker, if any.
    pub fn picker(&self) -> Option<&Picker> {
        self.alias.picker.as_ref()
    }

    /// The actor an alias edit is about: the actor page's, the selected row
    /// of the actors list, or the sidebar's selection.
    fn alias_subject(&self) -> Option<ActorKey> {
        match self.focus {
            Focus::Actor => self.actor.as_ref().map(|(k, _)| k.clone()),
            Focus::Actors => self.selected_actor_key(),
            Focus::Sidebar => self
                .sidebar_entities()
                .get(self.sidebar_selected)
                .map(|e| ActorKey::of(e)),
            _ => None,
        }
    }

    fn alias_ready(&mut self) -> Option<ActorKey> {
        if let Some(reason) = self.alias.blocked.clone() {
            self.set_message(reason);
            return None;
        }
        let subject = self.alias_subject();
        if subject.is_none() {
            self.set_message("Open an actor first (tab to the sidebar, then enter)");
        }
        subject
    }

    /// `m`: choose the actor to merge the current one into.
    pub(super) fn start_merge(&mut self) {
        let Some(subject) = self.alias_ready() else {
            return;
        };
        let mut options = self.library.actor_keys();
        options.retain(|k| *k != subject);
        self.alias.picker = Some(Picker {
            kind: PickerKind::Merge,
            subject,
            query: String::new(),
            options,
            selected: 0,
        });
    }

    /// `x`: choose an alias of the current actor to make its own actor.
    pub(super) fn start_split(&mut self) {
        let Some(subject) = self.alias_ready() else {
            return;
        };
        let options = self.library.merged_names(&subject);
        if options.is_empty() {
            self.set_message(format!(
                "{} has no merged name to split off (its other spellings are found within items)",
                subject.name
            ));
            return;
        }
        self.alias.picker = Some(Picker {
            kind: PickerKind::Split,
            subject,
            query: String::new(),
            options,
            selected: 0,
        });
    }

    /// `H`: hide the current actor everywhere.
    pub(super) fn hide_actor(&mut self) -> Vec<Effect> {
        let Some(subject) = self.alias_ready() else {
            return Vec::new();
        };
        let mut edits = self.library.alias_edits().clone();
        edits.hide(&subject);
        let note = format!("Hid {}", subject.name);
        self.apply_alias_edits(edits, note)
    }

    /// `U`: undo the last alias edit.
    pub(super) fn undo_alias(&mut self) -> Vec<Effect> {
        if let Some(reason) = self.alias.blocked.clone() {
            self.set_message(reason);
            return Vec::new();
        }
        let Some((edits, note)) = self.alias.undo.pop() else {
            self.set_message("No alias edit to undo");
            return Vec::new();
        };
        self.library.set_aliases(edits.clone());
        self.after_alias_change();
        self.set_message(format!("Undone: {note}"));
        vec![Effect::SaveAliases(edits)]
    }

    /// A character typed into the picker's filter.
    pub fn picker_char(&mut self, c: char) {
        self.message = None;
        if let Some(p) = &mut self.alias.picker
            && !c.is_control()
        {
            p.query.push(c);
            p.selected = 0;
        }
    }

    /// Removes the last character of the filter.
    pub fn picker_backspace(&mut self) {
        self.message = None;
        if let Some(p) = &mut self.alias.picker {
            p.query.pop();
            p.selected = 0;
        }
    }

    /// Moves the picker's selection.
    pub fn picker_move(&mut self, delta: isize) {
        self.message = None;
        if let Some(p) = &mut self.alias.picker {
            let len = p.matches().len();
            p.selected = super::update::step(p.selected, len, delta);
        }
    }

    /// Closes the picker without an edit.
    pub fn picker_cancel(&mut self) {
        self.message = None;
        self.alias.picker = None;
    }

    /// Makes the edit with the picker's selection.
    pub fn picker_choose(&mut self) -> Vec<Effect> {
        self.message = None;
        let Some(picker) = self.alias.picker.take() else {
            return Vec::new();
        };
        let Some(chosen) = picker.matches().get(picker.selected).map(|k| (*k).clone()) else {
            self.set_message("Nothing matches");
            self.alias.picker = Some(picker);
            return Vec::new();
        };
        let mut edits = self.library.alias_edits().clone();
        let note = match picker.kind {
            PickerKind::Merge => {
                edits.merge(&picker.subject, &chosen);
                format!("Merged {} into {}", picker.subject.name, chosen.name)
            }
            PickerKind::Split => {
                edits.split(&chosen);
                format!("Split {} off {}", chosen.name, picker.subject.name)
            }
        };
        self.apply_alias_edits(edits, note)
    }

    fn apply_alias_edits(&mut self, edits: AliasEdits, note: String) -> Vec<Effect> {
        if &edits == self.library.alias_edits() {
            self.set_message("Nothing changed");
            return Vec::new();
        }
        let before = self.library.alias_edits().clone();
        self.alias.undo.push((before, note.clone()));
        self.library.set_aliases(edits.clone());
        self.after_alias_change();
        self.set_message(format!("{note} (U undoes)"));
        vec![Effect::SaveAliases(edits)]
    }

    /// Re-keys everything that names an actor after the library's actors
    /// changed: the actor page, the followed actor, the actors list, the
    /// history. Bodies are resolved again when next shown.
    pub(super) fn after_alias_change(&mut self) {
        self.bodies.clear();
        self.sentences = None;
        self.summary = None;
        if self.focus == Focus::Actors {
            // Elsewhere the index is computed again when it is next shown.
            let wanted = self
                .selected_actor_key()
                .and_then(|k| self.library.rekey(&k));
            let at = self.index.selected;
            self.refresh_index(wanted.clone());
            if wanted.is_none() || self.selected_actor_key() != wanted {
                // The selected actor left the index (hidden): keep the row.
                self.index.selected = at.min(self.index.rows.len().saturating_sub(1));
            }
        }
        let library = &self.library;
        self.history.map(|mut location| {
            if let Some((key, selected)) = location.actor.take() {
                let key = library.rekey(&key)?;
                let last = library.count_naming(&key).saturating_sub(1);
                location.actor = Some((key, selected.min(last)));
            }
            location.article.actor = location.article.actor.and_then(|k| library.rekey(&k));
            location.actors_selected = location.actors_selected.and_then(|k| library.rekey(&k));
            Some(location)
        });
        self.article.actor = self.article.actor.take().and_then(|k| library.rekey(&k));
        if self.article.actor.is_none() {
            self.article.mention = None;
        }
        if let Some((key, selected)) = self.actor.take() {
            match library.rekey(&key) {
                Some(new) => {
                    self.actor = Some((new, selected));
                    let len = self.actor_items().len();
                    if let Some((_, s)) = &mut self.actor {
                        *s = (*s).min(len.saturating_sub(1));
                    }
                }
                None if self.focus == Focus::Actor => {
                    // The page's actor is hidden: leave the page.
                    self.focus = Focus::List;
                    self.preview_selected();
                }
                None => {}
            }
        }
        self.sidebar_selected = 0;
    }

    /// Applies the current alias edits to a library about to replace this
    /// one (built from the index, which knows nothing of them).
    pub(super) fn carry_aliases(&self, library: &mut crate::library::Library) {
        if library.alias_edits() != self.library.alias_edits() {
            library.set_aliases(self.library.alias_edits().clone());
        }
    }
}
