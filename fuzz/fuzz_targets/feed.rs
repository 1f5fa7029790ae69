//! Any bytes as an RSS, Atom or JSON feed.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = gazette::store::feed::parse_feed(data, Path::new("fuzz.xml"), None);
});
