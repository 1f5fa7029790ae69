//! The first few files of a library, found without listing whole folders:
//! a new library of 100,000 files shows its first items while the full walk
//! (which sorts every folder) is still going.

use std::collections::HashSet;
use std::fs;
use std::path::PathBuf;

use super::load::is_candidate;

/// Entries looked at, at most, before giving up on finding `n` files.
const LOOK_AT: usize = 4096;

/// Up to `n` files of the library under `paths`, the first met in folder
/// order, with the rules of the full walk: hidden entries skipped, only
/// files a scan would try, each folder once.
pub fn first_files(paths: &[PathBuf], n: usize) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut seen = HashSet::new();
    let mut looked = 0;
    let mut stack: Vec<PathBuf> = paths.iter().rev().cloned().collect();
    while let Some(path) = stack.pop() {
        if found.len() >= n || looked >= LOOK_AT {
            break;
        }
        let Ok(meta) = fs::metadata(&path) else {
            continue;
        };
        if meta.is_file() {
            // A file named on its own is part of the library whatever its name.
            if paths.contains(&path) || is_candidate(&path) {
                found.push(path);
            }
            continue;
        }
        if !meta.is_dir() || !seen.insert(fs::canonicalize(&path).unwrap_or(path.clone())) {
            continue;
        }
        let Ok(entries) = fs::read_dir(&path) else {
            continue;
        };
        let mut folders = Vec::new();
        for entry in entries.filter_map(Result::ok) {
            looked += 1;
            if found.len() >= n || looked >= LOOK_AT {
                break;
            }
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            match entry.file_type() {
                Ok(t) if t.is_file() => {
                    let path = entry.path();
                    if is_candidate(&path) {
                        found.push(path);
                    }
                }
                // Folders (and links, which may be either) after the files.
                Ok(_) => folders.push(entry.path()),
                Err(_) => {}
            }
        }
        stack.extend(folders.into_iter().rev());
    }
    found
}

#[cfg(test)]
mod tests {
    use super::first_files;

    #[test]
    fn takes_the_first_candidates_and_follows_the_walk_rules() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let root = dir.path();
        let write = |name: &str| {
            let path = root.join(name);
            std::fs::create_dir_all(path.parent().unwrap_or(root)).unwrap_or_default();
            std::fs::write(&path, "Title: x\n\ntext\n").unwrap_or_default();
            path
        };
        write(".hidden.txt");
        write("picture.png");
        let a = write("a.txt");
        let b = write("sub/b.md");
        write(".git/c.txt");
        let mut all = first_files(&[root.to_path_buf()], 10);
        all.sort();
        assert_eq!(all, [a.clone(), b]);
        assert_eq!(first_files(&[root.to_path_buf()], 1), [a]);
        assert!(first_files(&[root.join("missing")], 5).is_empty());
    }
}
