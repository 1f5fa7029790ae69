//! A long list of file paths kept in one buffer: a library of a hundred
//! thousand files is listed in about 7 MB and one allocation, rather than
//! a hundred thousand allocations and twice the room.

use std::path::{Path, PathBuf};

/// File paths, in the order added.
#[derive(Debug, Clone, Default)]
pub struct PathList {
    #[cfg(unix)]
    bytes: Vec<u8>,
    // Path `i` is `bytes[ends[i - 1]..ends[i]]` (from 0 for the first).
    #[cfg(unix)]
    ends: Vec<usize>,
    #[cfg(not(unix))]
    paths: Vec<PathBuf>,
}

impl PathList {
    /// Appends a path.
    pub fn push(&mut self, path: &Path) {
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            self.bytes.extend_from_slice(path.as_os_str().as_bytes());
            self.ends.push(self.bytes.len());
        }
        #[cfg(not(unix))]
        self.paths.push(path.to_path_buf());
    }

    /// Path `i`.
    pub fn get(&self, i: usize) -> Option<&Path> {
        (i < self.len()).then(|| self.at(i))
    }

    /// Path `i`, which must exist.
    fn at(&self, i: usize) -> &Path {
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let start = if i == 0 { 0 } else { self.ends[i - 1] };
            Path::new(std::ffi::OsStr::from_bytes(
                &self.bytes[start..self.ends[i]],
            ))
        }
        #[cfg(not(unix))]
        &self.paths[i]
    }

    /// How many paths.
    pub fn len(&self) -> usize {
        #[cfg(unix)]
        return self.ends.len();
        #[cfg(not(unix))]
        self.paths.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every path, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &Path> + '_ {
        (0..self.len()).map(|i| self.at(i))
    }
}

impl<P: AsRef<Path>> FromIterator<P> for PathList {
    fn from_iter<I: IntoIterator<Item = P>>(iter: I) -> Self {
        let mut list = PathList::default();
        for path in iter {
            list.push(path.as_ref());
        }
        list
    }
}

impl From<&[PathBuf]> for PathList {
    fn from(paths: &[PathBuf]) -> Self {
        paths.iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_back_in_order() {
        let given = ["/a/b.txt", "c", "", "/d/é f/g.eml", "/"];
        let list: PathList = given.iter().collect();
        assert_eq!(list.len(), given.len());
        for (i, p) in given.iter().enumerate() {
            assert_eq!(list.get(i), Some(Path::new(p)), "{i}");
        }
        assert_eq!(list.get(given.len()), None);
        assert_eq!(list.iter().count(), given.len());
        assert!(PathList::default().is_empty());
    }
}
