//! Any bytes as a saved web page, and as the HTML part of a message.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = gazette::store::html::parse_html_page(data, Path::new("fuzz.html"), None);
    let text = String::from_utf8_lossy(data);
    let _ = gazette::store::clean_html::html_to_blocks(&text);
});
