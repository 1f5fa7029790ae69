//! Where each pane goes for a given screen size and focus. Pure; the event
//! loop also uses it to tell the state machine the article's size.

use ratatui::layout::Rect;

use crate::app::{Focus, Viewport};
use crate::config::UiConfig;

/// Screens narrower than this show the list or the article, not both.
pub const WIDE: u16 = 100;

/// The rectangles of one frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    /// The top line.
    pub header: Rect,
    /// The bottom line.
    pub status: Rect,
    /// Everything between them.
    pub body: Rect,
    /// The item list, when shown.
    pub list: Option<Rect>,
    /// The article, when shown.
    pub article: Option<Rect>,
    /// The sidebar, when shown.
    pub sidebar: Option<Rect>,
}

/// Computes the panes for `area`.
pub fn panes(area: Rect, focus: Focus, ui: &UiConfig) -> Panes {
    if area.height < 3 || area.width < 2 {
        return Panes {
            body: area,
            ..Panes::default()
        };
    }
    let header = Rect { height: 1, ..area };
    let status = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    let body = Rect {
        y: area.y + 1,
        height: area.height - 2,
        ..area
    };
    let sidebar_width = if ui.sidebar_width == 0 || body.width < 40 {
        0
    } else {
        ui.sidebar_width.min(body.width / 3)
    };
    let main = Rect {
        width: body.width - sidebar_width,
        ..body
    };
    let sidebar = (sidebar_width > 0).then(|| Rect {
        x: main.right(),
        width: sidebar_width,
        ..body
    });
    let (list, article) = if body.width >= WIDE {
        let list_width = main.width * ui.list_percent / 100;
        let list = Rect {
            width: list_width,
            ..main
        };
        let article = Rect {
            x: list.right(),
            width: main.width - list_width,
            ..main
        };
        (Some(list), Some(article))
    } else if matches!(focus, Focus::List) {
        (Some(main), None)
    } else {
        (None, Some(main))
    };
    Panes {
        header,
        status,
        body,
        list,
        article,
        sidebar,
    }
}

/// The sizes the state machine needs: the article's text area and list rows.
pub fn viewport(area: Rect, ui: &UiConfig) -> Viewport {
    let panes = panes(area, Focus::Article, ui);
    let article = panes.article.unwrap_or(panes.body);
    Viewport {
        // Borders take two columns, padding two more.
        article_width: article.width.saturating_sub(4).max(8),
        article_height: article.height.saturating_sub(2).max(1),
        list_height: panes.body.height.saturating_sub(2).max(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn wide_screens_show_three_panes_narrow_ones_two() {
        let ui = Config::default_embedded().ui;
        let wide = panes(Rect::new(0, 0, 120, 40), Focus::List, &ui);
        assert!(wide.list.is_some() && wide.article.is_some() && wide.sidebar.is_some());
        let narrow = panes(Rect::new(0, 0, 60, 15), Focus::List, &ui);
        assert!(narrow.list.is_some() && narrow.article.is_none());
        assert_eq!(narrow.sidebar.map(|r| r.width), Some(20));
        assert_eq!(wide.list.map(|r| r.width), Some(45));
        let tiny = panes(Rect::new(0, 0, 1, 1), Focus::List, &ui);
        assert!(tiny.list.is_none());
    }
}
