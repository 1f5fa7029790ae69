//! Any text as a key chord from the config: parsed chords print back to a
//! string that parses to the same chord.
#![no_main]

use gazette::app::keymap::Chord;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(chord) = Chord::parse(text) {
        let shown = chord.to_string();
        if !shown.ends_with('?') {
            assert_eq!(Chord::parse(&shown), Ok(chord), "{text:?} -> {shown:?}");
        }
    }
});
