//! Watching the library folders, so files added, changed or removed while
//! the reader runs show up without a restart. Events are only a signal: the
//! reader waits for a quiet moment and reloads through the index cache,
//! which re-reads just the files that changed.

use std::path::{Path, PathBuf};

use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// Starts watching `paths` (folders recursively, files alone); `on_change`
/// runs on the watcher's thread for every change that matters. Keep the
/// returned watcher alive as long as events are wanted.
pub fn watch_library(
    paths: &[PathBuf],
    on_change: impl Fn() + Send + 'static,
) -> Result<RecommendedWatcher, String> {
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<Event>| {
        if let Ok(event) = event
            && matters(&event)
        {
            on_change();
        }
    })
    .map_err(|e| format!("cannot watch the library: {e}"))?;
    for path in paths {
        let mode = if path.is_dir() {
            RecursiveMode::Recursive
        } else {
            RecursiveMode::NonRecursive
        };
        watcher
            .watch(path, mode)
            .map_err(|e| format!("cannot watch {}: {e}", path.display()))?;
    }
    Ok(watcher)
}

/// Whether an event can change what the library holds: a create, change or
/// removal of a file that is not hidden (temporary files are).
fn matters(event: &Event) -> bool {
    let kind = matches!(
        event.kind,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
    );
    kind && event.paths.iter().any(|p| !is_hidden(p))
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}
