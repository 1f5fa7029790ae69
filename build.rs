//! Embeds the bundled sample library: writes `$OUT_DIR/samples.rs` with one
//! `(relative name, include_bytes!(absolute path))` entry per file under
//! `samples/`, sorted, so the binary opens its samples from any folder.
//! Also prebuilds the extractor's lexicon tables (see `build/lexicon.rs`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs, io};

#[path = "build/lexicon.rs"]
mod lexicon;

fn main() -> io::Result<()> {
    println!("cargo:rerun-if-changed=samples");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=build/lexicon.rs");
    println!("cargo:rerun-if-changed=src/extract/layout.rs");
    println!("cargo:rerun-if-changed=data");
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let out = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_default());
    lexicon::build(&manifest.join("data"), &out)?;
    let root = manifest.join("samples");
    let mut files = Vec::new();
    if root.is_dir() {
        collect(&root, &mut files)?;
    }
    files.sort();
    let mut code = String::from("/// Bundled samples: (name relative to `samples/`, contents).\n");
    code.push_str("pub static SAMPLES: &[(&str, &[u8])] = &[\n");
    for path in &files {
        let name = path.strip_prefix(&root).unwrap_or(path);
        let name = name
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let _ = writeln!(
            code,
            "    ({name:?}, include_bytes!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    fs::write(out.join("samples.rs"), code)
}

/// Every non-hidden file under `dir`.
fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files)?;
        } else if path.is_file() {
            files.push(path);
        }
    }
    Ok(())
}
