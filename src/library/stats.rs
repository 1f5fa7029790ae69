//! Figures of every actor over a set of items (the whole library or the
//! list's current filter): item count, last-seen date and a small trend.

use chrono::NaiveDate;

use super::{ActorKey, Library};

/// One actor's figures for the actor index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorStat {
    /// The actor.
    pub key: ActorKey,
    /// Items of the scope naming it.
    pub items: usize,
    /// Latest dated item of the scope naming it.
    pub last: Option<NaiveDate>,
    /// Items naming it per slot of the library's date range, oldest first.
    pub trend: Vec<u32>,
}

impl Library {
    /// Every actor named in `scope` (library indices; `None` for the whole
    /// library), with its figures and a trend of `slots` buckets over the
    /// library's date range. Unordered.
    pub fn actor_stats(&self, scope: Option<&[usize]>, slots: usize) -> Vec<ActorStat> {
        let inside: Option<Vec<bool>> = scope.map(|s| {
            let mut mask = vec![false; self.rows.len()];
            for &i in s {
                if let Some(m) = mask.get_mut(i) {
                    *m = true;
                }
            }
            mask
        });
        let bucket = self.date_buckets(slots);
        let mut out = Vec::new();
        for actor in 0..self.actors.len() {
            let mut stat = ActorStat {
                key: self.actors[actor].clone(),
                items: 0,
                last: None,
                trend: vec![0; slots],
            };
            for row in self.postings_of(actor) {
                let row = row as usize;
                if inside.as_ref().is_some_and(|m| !m[row]) {
                    continue;
                }
                stat.items += 1;
                if let Some(date) = self.rows.date(row) {
                    stat.last = stat.last.max(Some(date));
                    if let Some(slot) = bucket(date) {
                        stat.trend[slot] += 1;
                    }
                }
            }
            if stat.items > 0 {
                out.push(stat);
            }
        }
        out
    }

    /// Maps a date to one of `slots` equal buckets of the date range.
    fn date_buckets(&self, slots: usize) -> impl Fn(NaiveDate) -> Option<usize> + use<> {
        let range = self.dates;
        move |date| {
            let (first, last) = range?;
            if slots == 0 {
                return None;
            }
            let span = (last - first).num_days().max(0) as usize + 1;
            let day = usize::try_from((date - first).num_days()).ok()?;
            Some((day * slots / span).min(slots - 1))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::LibraryBuilder;
    use crate::library::NewRow;
    use crate::model::{EntityKind, ItemId};

    fn library() -> Library {
        let mut b = LibraryBuilder::default();
        for (day, names) in [
            (1, &["Ana Diaz", "Oslo"][..]),
            (10, &["Ana Diaz"][..]),
            (20, &["Oslo"][..]),
        ] {
            let index = b
                .add_row(&NewRow {
                    id: ItemId::from_parts(&[&day.to_string()]).as_str(),
                    date: NaiveDate::from_ymd_opt(2025, 1, day),
                    newsletter: None,
                    title: &format!("day {day}"),
                    source: std::path::Path::new("x"),
                })
                .unwrap();
            for name in names {
                let kind = if *name == "Oslo" {
                    EntityKind::Place
                } else {
                    EntityKind::Person
                };
                b.add_named(index, (kind, (*name).to_string(), 1, Vec::new()));
            }
        }
        b.build()
    }

    #[test]
    fn whole_library_counts_last_seen_and_trend() {
        let lib = library();
        let mut stats = lib.actor_stats(None, 2);
        stats.sort_by(|a, b| a.key.name.cmp(&b.key.name));
        assert_eq!(stats[0].key.name, "Ana Diaz");
        assert_eq!(stats[0].items, 2);
        assert_eq!(stats[0].last, NaiveDate::from_ymd_opt(2025, 1, 10));
        assert_eq!(stats[0].trend, vec![2, 0]);
        assert_eq!(stats[1].key.name, "Oslo");
        assert_eq!(stats[1].trend, vec![1, 1]);
    }

    #[test]
    fn a_scope_counts_only_its_items_and_drops_absent_actors() {
        let lib = library();
        // Newest first: index 0 is day 20 (Oslo only).
        let stats = lib.actor_stats(Some(&[0]), 4);
        assert_eq!(stats.len(), 1);
        assert_eq!(stats[0].key.name, "Oslo");
        assert_eq!(stats[0].items, 1);
        assert_eq!(stats[0].last, NaiveDate::from_ymd_opt(2025, 1, 20));
    }
}
