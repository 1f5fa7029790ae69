//! Any text through the cleaners: `clean_text` leaves no control but line
//! breaks and no bidi control; `visible` leaves nothing unsafe at all.
#![no_main]

use gazette::store::sanitize::{clean_text, is_unsafe_for_terminal, visible};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let clean = clean_text(&text);
    assert!(
        !clean
            .chars()
            .any(|c| c != '\n' && is_unsafe_for_terminal(c)),
        "{clean:?}"
    );
    assert!(!visible(&text).chars().any(is_unsafe_for_terminal));
});
