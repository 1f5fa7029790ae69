//! Any bytes as a saved e-mail and as an mbox file.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = gazette::store::mail::parse_mail(data, Path::new("fuzz.eml"), None);
    let _ = gazette::store::mail::parse_mbox(data, Path::new("fuzz.mbox"), None);
});
