//! Key chords ("ctrl-o", "G", "shift-tab") and the map from chords to actions.

use std::collections::BTreeMap;
use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// A key with its modifiers, as written in the config ("alt-left").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Chord {
    /// The key.
    pub code: KeyCode,
    /// Ctrl and Alt (Shift is folded into the character for printable keys).
    pub mods: KeyModifiers,
}

impl Chord {
    /// The chord a terminal key event stands for.
    pub fn from_event(event: &KeyEvent) -> Self {
        let mut mods = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match event.code {
            // Terminals report Shift-Tab as BackTab, sometimes with SHIFT set.
            KeyCode::BackTab => KeyCode::BackTab,
            KeyCode::Char(c) if event.modifiers.contains(KeyModifiers::SHIFT) => {
                KeyCode::Char(c.to_ascii_uppercase())
            }
            other => other,
        };
        if let KeyCode::Char(c) = code
            && mods.contains(KeyModifiers::CONTROL)
        {
            // Ctrl letters arrive lower-case; keep them that way.
            return Self {
                code: KeyCode::Char(c.to_ascii_lowercase()),
                mods,
            };
        }
        mods.remove(KeyModifiers::SHIFT);
        Self { code, mods }
    }

    /// Parses a chord written as in the config.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            if let Some(r) = rest.strip_prefix("ctrl-") {
                mods |= KeyModifiers::CONTROL;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("alt-") {
                mods |= KeyModifiers::ALT;
                rest = r;
            } else {
                break;
            }
        }
        let code = match rest {
            "enter" => KeyCode::Enter,
            "backspace" => KeyCode::Backspace,
            "tab" => KeyCode::Tab,
            "shift-tab" | "backtab" => KeyCode::BackTab,
            "esc" => KeyCode::Esc,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" => KeyCode::PageUp,
            "pagedown" => KeyCode::PageDown,
            "delete" => KeyCode::Delete,
            "insert" => KeyCode::Insert,
            "space" => KeyCode::Char(' '),
            f if f.len() > 1 && f.starts_with('f') && f[1..].parse::<u8>().is_ok() => {
                KeyCode::F(f[1..].parse::<u8>().map_err(|e| e.to_string())?)
            }
            s if s.chars().count() == 1 => {
                let c = s.chars().next().unwrap_or(' ');
                if mods.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            _ => return Err(format!("unknown key '{text}'")),
        };
        Ok(Self { code, mods })
    }
}

impl fmt::Display for Chord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("alt-")?;
        }
        match self.code {
            KeyCode::Enter => f.write_str("enter"),
            KeyCode::Backspace => f.write_str("backspace"),
            KeyCode::Tab => f.write_str("tab"),
            KeyCode::BackTab => f.write_str("shift-tab"),
            KeyCode::Esc => f.write_str("esc"),
            KeyCode::Up => f.write_str("up"),
            KeyCode::Down => f.write_str("down"),
            KeyCode::Left => f.write_str("left"),
            KeyCode::Right => f.write_str("right"),
            KeyCode::Home => f.write_str("home"),
            KeyCode::End => f.write_str("end"),
            KeyCode::PageUp => f.write_str("pageup"),
            KeyCode::PageDown => f.write_str("pagedown"),
            KeyCode::Delete => f.write_str("delete"),
            KeyCode::Insert => f.write_str("insert"),
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "f{n}"),
            _ => f.write_str("?"),
        }
    }
}

/// The live key map: chords to actions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Keymap {
    bindings: Vec<(Chord, Action)>,
}

impl Keymap {
    /// Builds a key map from parsed config entries (`None` = unbound).
    pub fn new(entries: &BTreeMap<String, Option<Action>>) -> Result<Self, String> {
        let mut bindings = Vec::new();
        for (key, action) in entries {
            let chord = Chord::parse(key)?;
            if let Some(action) = action {
                bindings.push((chord, *action));
            }
        }
        Ok(Self { bindings })
    }

    /// The action bound to this key event, if any.
    pub fn lookup(&self, event: &KeyEvent) -> Option<Action> {
        let chord = Chord::from_event(event);
        self.bindings
            .iter()
            .find(|(c, _)| *c == chord)
            .map(|(_, a)| *a)
    }

    /// The keys bound to an action, in a stable order (single characters first).
    pub fn keys_for(&self, action: Action) -> Vec<String> {
        let mut keys: Vec<String> = self
            .bindings
            .iter()
            .filter(|(_, a)| *a == action)
            .map(|(c, _)| c.to_string())
            .collect();
        keys.sort_by_key(|k| (k.chars().count() > 1, k.to_lowercase(), k.clone()));
        keys
    }

    /// The key to show in hints: Enter, Tab or Backspace where bound (the
    /// keys a newcomer expects), else the first single-character key.
    pub fn first_key(&self, action: Action) -> Option<String> {
        let keys = self.keys_for(action);
        ["enter", "tab", "backspace"]
            .iter()
            .find_map(|k| keys.iter().find(|x| x == k).cloned())
            .or_else(|| keys.into_iter().next())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chords_round_trip_through_text() {
        for text in [
            "j",
            "G",
            "enter",
            "ctrl-o",
            "alt-left",
            "shift-tab",
            "space",
            "f1",
            "]",
        ] {
            assert_eq!(Chord::parse(text).unwrap().to_string(), text);
        }
        assert!(Chord::parse("hyper-x").is_err());
    }

    #[test]
    fn shifted_letters_match_upper_case_bindings() {
        let event = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Chord::from_event(&event), Chord::parse("G").unwrap());
        let ctrl = KeyEvent::new(KeyCode::Char('o'), KeyModifiers::CONTROL);
        assert_eq!(Chord::from_event(&ctrl), Chord::parse("ctrl-o").unwrap());
    }
}
