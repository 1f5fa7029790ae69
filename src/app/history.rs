//! Browser-like back/forward history of navigation locations.

/// Back and forward stacks of saved locations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct History<L> {
    back: Vec<L>,
    forward: Vec<L>,
    limit: usize,
}

impl<L> Default for History<L> {
    fn default() -> Self {
        Self {
            back: Vec::new(),
            forward: Vec::new(),
            limit: 500,
        }
    }
}

impl<L> History<L> {
    /// Records `here` before a jump; a new jump clears the forward stack.
    pub fn push(&mut self, here: L) {
        self.back.push(here);
        if self.back.len() > self.limit {
            self.back.remove(0);
        }
        self.forward.clear();
    }

    /// Steps back: returns the location to restore, saving `here` for forward.
    pub fn back(&mut self, here: L) -> Option<L> {
        let previous = self.back.pop()?;
        self.forward.push(here);
        Some(previous)
    }

    /// Steps forward: returns the location to restore, saving `here` for back.
    pub fn forward(&mut self, here: L) -> Option<L> {
        let next = self.forward.pop()?;
        self.back.push(here);
        Some(next)
    }

    /// How many steps back are possible.
    pub fn back_len(&self) -> usize {
        self.back.len()
    }

    /// How many steps forward are possible.
    pub fn forward_len(&self) -> usize {
        self.forward.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_and_forward_walk_like_a_browser() {
        let mut h = History::default();
        h.push(1);
        h.push(2);
        assert_eq!(h.back(3), Some(2));
        assert_eq!(h.back(2), Some(1));
        assert_eq!(h.back(1), None);
        assert_eq!(h.forward(1), Some(2));
        assert_eq!(h.forward(2), Some(3));
        assert_eq!(h.forward(3), None);
        h.back(3);
        h.push(9);
        assert_eq!(h.forward_len(), 0);
    }
}
