//! Item bodies for an indexed library: the index says which file an item
//! came from; the file is read and the item's actors extracted again when
//! it is opened (a few recent files are kept parsed).

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::path::PathBuf;
use std::rc::Rc;

use super::db::Db;
use super::load::load_file;
use crate::library::Body;
use crate::model::{Entity, EntityKind, Item, ItemId};
use crate::source::{Source, first_sentence};

/// How many parsed files are kept.
const FILES_KEPT: usize = 8;

/// How entities are found for an item.
pub type Extract = Box<dyn Fn(&Item) -> Vec<Entity>>;

/// Bodies read from the library's files through the index.
pub struct FilesSource {
    db: Db,
    extract: Extract,
    recent: RefCell<VecDeque<(PathBuf, Rc<Vec<Item>>)>>,
}

impl FilesSource {
    /// A source reading through `db` and extracting with `extract`.
    pub fn new(db: Db, extract: Extract) -> Self {
        Self {
            db,
            extract,
            recent: RefCell::new(VecDeque::new()),
        }
    }

    fn items_of(&self, path: &PathBuf) -> Rc<Vec<Item>> {
        if let Some((_, items)) = self.recent.borrow().iter().find(|(p, _)| p == path) {
            return items.clone();
        }
        let items = Rc::new(load_file(path).items);
        let mut recent = self.recent.borrow_mut();
        recent.push_front((path.clone(), items.clone()));
        recent.truncate(FILES_KEPT);
        items
    }
}

impl Source for FilesSource {
    fn body(&self, id: &ItemId) -> Option<Body> {
        let (path, seq) = self.db.item_location(id).ok().flatten()?;
        let items = self.items_of(&path);
        // The position first; the id in case the file changed since.
        let item = items
            .get(seq)
            .filter(|i| &i.id == id)
            .or_else(|| items.iter().find(|i| &i.id == id))?
            .clone();
        let entities = (self.extract)(&item);
        Some(Body { item, entities })
    }

    fn sentences(
        &self,
        kind: EntityKind,
        names: &[String],
        ids: &[ItemId],
    ) -> HashMap<ItemId, String> {
        ids.iter()
            .filter_map(|id| {
                let body = self.body(id)?;
                Some((id.clone(), first_sentence(&body, kind, names)?))
            })
            .collect()
    }

    fn search(&self, query: &str, limit: usize) -> Vec<ItemId> {
        self.db.search(query, limit).unwrap_or_default()
    }

    fn search_all(&self, words: &str) -> Vec<ItemId> {
        self.db.search_all(words).unwrap_or_default()
    }
}
