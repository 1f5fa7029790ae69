//! Mouse input, already resolved by the screen into what was under the
//! pointer: click to select (a second click on the selection opens it),
//! click an actor to open it, the wheel to scroll the pane below it.

use super::{ActorColumn, App, Effect, Focus};

/// What the pointer was over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A pane, outside any row.
    Pane(Focus),
    /// A row of the item list (position among the shown items).
    ListRow(usize),
    /// An actor of the sidebar (index among the sidebar's actors).
    SidebarRow(usize),
    /// An item of the actor page (position among its shown items).
    ActorItem(usize),
    /// An actor of the actor page's named-with column.
    NamedRow(usize),
    /// A row of the actor index.
    IndexRow(usize),
    /// A place in the map's list.
    MapRow(usize),
}

/// Rows one notch of the wheel moves.
const WHEEL_ROWS: isize = 3;

impl App {
    /// A left click on `target`.
    pub fn click(&mut self, target: Target) -> Vec<Effect> {
        self.message = None;
        if self.show_help {
            self.show_help = false;
            return Vec::new();
        }
        match target {
            Target::Pane(focus) => {
                if matches!(focus, Focus::List | Focus::Article | Focus::Sidebar)
                    && matches!(self.focus, Focus::List | Focus::Article | Focus::Sidebar)
                {
                    self.focus = focus;
                }
                Vec::new()
            }
            Target::ListRow(pos) if pos < self.visible.len() => {
                if self.focus == Focus::List && self.list_selected == pos {
                    return self.open();
                }
                self.focus = Focus::List;
                self.list_selected = pos;
                self.preview_selected();
                Vec::new()
            }
            Target::SidebarRow(i) if i < self.sidebar_entities().len() => {
                self.focus = Focus::Sidebar;
                self.sidebar_selected = i;
                self.open()
            }
            Target::ActorItem(pos) if pos < self.actor_items().len() => {
                let again = self.actor_view.column == ActorColumn::Items
                    && self.actor.as_ref().is_some_and(|(_, s)| *s == pos);
                self.actor_view.column = ActorColumn::Items;
                if let Some((_, selected)) = &mut self.actor {
                    *selected = pos;
                }
                if again { self.open() } else { Vec::new() }
            }
            Target::NamedRow(i) if i < self.named_with().len() => {
                self.actor_view.column = ActorColumn::Named;
                self.actor_view.named_selected = i;
                self.open()
            }
            Target::IndexRow(i) if i < self.index.rows.len() => {
                if self.index.selected == i {
                    return self.open();
                }
                self.index.selected = i;
                Vec::new()
            }
            Target::MapRow(i) => {
                let Some(map) = &mut self.map else {
                    return Vec::new();
                };
                if i >= map.places().len() {
                    return Vec::new();
                }
                if map.selected() == i {
                    return self.open();
                }
                let delta = i as isize - map.selected() as isize;
                map.select_by(delta);
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// The wheel turned over `target`, down or up.
    pub fn wheel(&mut self, target: Target, down: bool) -> Vec<Effect> {
        self.message = None;
        let pane = match target {
            Target::Pane(focus) => focus,
            Target::ListRow(_) => Focus::List,
            Target::SidebarRow(_) => Focus::Sidebar,
            Target::ActorItem(_) | Target::NamedRow(_) => Focus::Actor,
            Target::IndexRow(_) => Focus::Actors,
            Target::MapRow(_) => Focus::Map,
        };
        if matches!(pane, Focus::List | Focus::Article | Focus::Sidebar)
            && matches!(self.focus, Focus::List | Focus::Article | Focus::Sidebar)
        {
            self.focus = pane;
        }
        if pane != self.focus {
            return Vec::new();
        }
        self.move_by(if down { WHEEL_ROWS } else { -WHEEL_ROWS })
    }
}
