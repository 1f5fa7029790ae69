//! User-level actions (bindable in the config) and the effects the state
//! machine asks the event loop to perform.

use serde::Deserialize;

use crate::library::AliasEdits;
use crate::model::ItemId;

/// Something the user asks for. Each variant's snake_case name is what the
/// `[keys]` table of the config binds a key to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Move down one row (list, sidebar, actor view) or scroll one line (article).
    SelectNext,
    /// Move up one row, or scroll up one line.
    SelectPrev,
    /// Move or scroll down one page.
    PageDown,
    /// Move or scroll up one page.
    PageUp,
    /// Jump to the first row, or the top of the article.
    SelectFirst,
    /// Jump to the last row, or the end of the article.
    SelectLast,
    /// Open the selected item or actor.
    Open,
    /// Go back to where you were before the last jump.
    Back,
    /// Re-do a jump undone with back.
    Forward,
    /// Cycle focus: list, article, sidebar.
    FocusNext,
    /// Cycle focus backwards.
    FocusPrev,
    /// Toggle the read mark of the selected item.
    ToggleRead,
    /// Mark every item shown in the list as read.
    MarkAllRead,
    /// Show unread items only, or all items.
    ToggleUnreadOnly,
    /// Scroll the article to the next mention of the current actor (or the
    /// next match of the search).
    NextMention,
    /// Scroll the article to the previous mention (or match).
    PrevMention,
    /// Open the next item that names the current actor.
    NextActorItem,
    /// Open the previous item that names the current actor.
    PrevActorItem,
    /// Show every actor of the library.
    Actors,
    /// Order the actor index by items, name or last seen.
    SortActors,
    /// On an actor page, show only the items of one newsletter (cycles).
    FilterNewsletter,
    /// Show the places of the current item, actor or list on a world map.
    Map,
    /// Zoom the map in around the selected place.
    ZoomIn,
    /// Zoom the map out.
    ZoomOut,
    /// Fit the map to its places again.
    ZoomReset,
    /// Filter the list with a query: words, fields such as `person:`,
    /// `unread`, and/or/not (type, then Enter).
    Search,
    /// Fetch the configured feeds in the background.
    Refresh,
    /// List the links of the open item (a digit or Enter opens one).
    Links,
    /// Merge the current actor into another one (choose it from a list).
    MergeActor,
    /// Make a merged name of the current actor its own actor again.
    SplitAlias,
    /// Hide the current actor everywhere.
    HideActor,
    /// Undo the last merge, split or hide.
    UndoAlias,
    /// Show or hide the help screen.
    Help,
    /// Quit (read marks are already saved).
    Quit,
}

impl Action {
    /// Every bindable action, in the order the help screen lists them.
    pub const ALL: [Self; 34] = [
        Self::SelectNext,
        Self::SelectPrev,
        Self::PageDown,
        Self::PageUp,
        Self::SelectFirst,
        Self::SelectLast,
        Self::Open,
        Self::Back,
        Self::Forward,
        Self::FocusNext,
        Self::FocusPrev,
        Self::ToggleRead,
        Self::MarkAllRead,
        Self::ToggleUnreadOnly,
        Self::NextMention,
        Self::PrevMention,
        Self::NextActorItem,
        Self::PrevActorItem,
        Self::Actors,
        Self::SortActors,
        Self::FilterNewsletter,
        Self::Map,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::ZoomReset,
        Self::Search,
        Self::Refresh,
        Self::Links,
        Self::MergeActor,
        Self::SplitAlias,
        Self::HideActor,
        Self::UndoAlias,
        Self::Help,
        Self::Quit,
    ];

    /// A short description for the help screen and the hint bar.
    pub fn describe(self) -> &'static str {
        match self {
            Self::SelectNext => "move down / scroll down",
            Self::SelectPrev => "move up / scroll up",
            Self::PageDown => "page down",
            Self::PageUp => "page up",
            Self::SelectFirst => "go to top",
            Self::SelectLast => "go to bottom",
            Self::Open => "open item / open actor",
            Self::Back => "back",
            Self::Forward => "forward",
            Self::FocusNext => "next pane",
            Self::FocusPrev => "previous pane",
            Self::ToggleRead => "toggle read",
            Self::MarkAllRead => "mark all shown read",
            Self::ToggleUnreadOnly => "unread only / all",
            Self::NextMention => "next mention of the actor",
            Self::PrevMention => "previous mention of the actor",
            Self::NextActorItem => "next item naming the actor",
            Self::PrevActorItem => "previous item naming the actor",
            Self::Actors => "all actors (/ filters, S sorts)",
            Self::SortActors => "sort actors: items, name, last seen",
            Self::FilterNewsletter => "actor page: one newsletter's items",
            Self::Map => "map of the places shown",
            Self::ZoomIn => "zoom the map in",
            Self::ZoomOut => "zoom the map out",
            Self::ZoomReset => "fit the map to its places",
            Self::Search => "filter the list with a query",
            Self::Refresh => "fetch the configured feeds",
            Self::Links => "links of the item (a digit opens one)",
            Self::MergeActor => "merge the actor into another",
            Self::SplitAlias => "split a merged name off the actor",
            Self::HideActor => "hide the actor everywhere",
            Self::UndoAlias => "undo the last merge/split/hide",
            Self::Help => "help",
            Self::Quit => "quit",
        }
    }

    /// A one-word label for the hint bar.
    pub fn short(self) -> &'static str {
        match self {
            Self::SelectNext | Self::SelectPrev => "move",
            Self::PageDown | Self::PageUp => "page",
            Self::SelectFirst | Self::SelectLast => "top/end",
            Self::Open => "open",
            Self::Back => "back",
            Self::Forward => "fwd",
            Self::FocusNext | Self::FocusPrev => "pane",
            Self::ToggleRead => "read",
            Self::MarkAllRead => "all read",
            Self::ToggleUnreadOnly => "unread",
            Self::NextMention | Self::PrevMention => "mention",
            Self::NextActorItem | Self::PrevActorItem => "item w/ actor",
            Self::Actors => "actors",
            Self::SortActors => "sort",
            Self::FilterNewsletter => "newsletter",
            Self::Map => "map",
            Self::ZoomIn | Self::ZoomOut => "zoom",
            Self::ZoomReset => "fit",
            Self::Search => "search",
            Self::Refresh => "fetch",
            Self::Links => "links",
            Self::MergeActor => "merge",
            Self::SplitAlias => "split",
            Self::HideActor => "hide",
            Self::UndoAlias => "undo",
            Self::Help => "help",
            Self::Quit => "quit",
        }
    }
}

/// Work the event loop performs on the state machine's behalf.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Persist these read marks now (durable before the next key).
    SaveRead {
        /// Items whose mark changed.
        ids: Vec<ItemId>,
        /// The new mark.
        read: bool,
    },
    /// Fetch the configured feeds (in the background; the library reloads
    /// when new items arrive).
    Refresh,
    /// Write the user's alias edits to the alias file (atomically).
    SaveAliases(AliasEdits),
    /// Open this link (already checked) with the system's opener.
    OpenLink(String),
    /// Leave the program.
    Quit,
}
