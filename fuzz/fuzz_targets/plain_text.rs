//! Any bytes through the loader as a `.txt` file: format sniffing, UTF-8
//! decoding, cleaning and the plain-text parser. Items must hold no control
//! character but line breaks.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let loaded = gazette::store::load::parse_bytes(data, Path::new("fuzz.txt"), None);
    for item in &loaded.items {
        assert!(
            !item.title.chars().any(char::is_control),
            "{:?}",
            item.title
        );
        for block in &item.blocks {
            assert!(!block.text().chars().any(|c| c.is_control() && c != '\n'));
        }
    }
});
