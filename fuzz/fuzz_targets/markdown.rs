//! Any text as Gazette's Markdown with TOML front matter: once through the
//! loader with a `.md` name, once straight into the parser behind a `+++`
//! line so the front-matter path is always taken.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let source = Path::new("fuzz.md");
    let _ = gazette::store::load::parse_bytes(data, source, None);
    let text = String::from_utf8_lossy(data);
    let fronted = format!("+++\n{text}");
    let _ = gazette::store::markdown::parse_markdown(&fronted, source, None);
});
