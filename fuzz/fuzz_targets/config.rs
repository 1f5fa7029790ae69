//! Any text as the user's config file: an error or a config, never a panic;
//! the key map of an accepted config always builds.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(config) = gazette::config::Config::from_user_text(Path::new("fuzz.toml"), text) {
        let _ = config.keymap();
    }
});
