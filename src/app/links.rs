//! The links list of the open item (`L`): choose one and the loop opens it
//! ([`Effect::OpenLink`]) once [`crate::links::check_url`] accepts it.

use super::{App, Effect};
use crate::links::{Link, check_url, item_links};

/// The links list over the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinksView {
    /// The item's links, in list order.
    pub links: Vec<Link>,
    /// The selected row.
    pub selected: usize,
}

impl App {
    /// The open links list, if any.
    pub fn links_view(&self) -> Option<&LinksView> {
        self.links.as_ref()
    }

    /// `L`: lists the links of the item in the article pane.
    pub(super) fn open_links(&mut self) {
        let Some(index) = self.article.item else {
            self.set_message("Open an item first");
            return;
        };
        let Some(body) = self.body(index) else {
            self.set_message("The item is still loading");
            return;
        };
        let links = item_links(&body.item);
        if links.is_empty() {
            self.set_message("This item has no links");
            return;
        }
        self.links = Some(LinksView { links, selected: 0 });
    }

    /// Moves the selection in the links list.
    pub fn links_move(&mut self, delta: isize) {
        self.message = None;
        if let Some(view) = &mut self.links {
            view.selected = super::update::step(view.selected, view.links.len(), delta);
        }
    }

    /// Closes the links list.
    pub fn links_close(&mut self) {
        self.message = None;
        self.links = None;
    }

    /// Opens link `n` (0-based), or the selected one: an effect when the
    /// link is safe to open, else the reason in the status line.
    pub fn links_open(&mut self, n: Option<usize>) -> Vec<Effect> {
        self.message = None;
        let Some(view) = &mut self.links else {
            return Vec::new();
        };
        let n = n.unwrap_or(view.selected);
        let Some(link) = view.links.get(n) else {
            self.set_message(format!("There is no link {}", n + 1));
            return Vec::new();
        };
        view.selected = n;
        match check_url(&link.url) {
            Ok(url) => {
                let url = url.to_string();
                self.links = None;
                self.set_message(format!("Opening {url}"));
                vec![Effect::OpenLink(url)]
            }
            Err(err) => {
                self.set_message(format!("Link {} not opened: {err}", n + 1));
                Vec::new()
            }
        }
    }
}
