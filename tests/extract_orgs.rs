//! Organization precision on hand-annotated fixtures
//! (`tests/fixtures/extract/orgs/NAME.txt` with its gold `NAME.toml`): a
//! predicted organization is right when its name or an alias matches a gold
//! organization's name or alias (case-insensitive, without a leading "the");
//! precision must reach 0.85, recall stays above a floor, and no gold
//! organization is reported as a person or a place.

// Test helpers outside #[test] functions may unwrap too.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

use gazette::extract::Extractor;
use gazette::model::{Block, EntityKind, Item, ItemId};
use serde::Deserialize;

#[derive(Deserialize)]
struct Gold {
    #[serde(default)]
    organization: Vec<GoldOrg>,
}

#[derive(Deserialize)]
struct GoldOrg {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    optional: bool,
}

fn norm(form: &str) -> String {
    let lower = form.trim().to_lowercase();
    lower.strip_prefix("the ").unwrap_or(&lower).to_string()
}

fn item(path: &Path) -> Item {
    let text = fs::read_to_string(path).unwrap();
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let title = lines.next().unwrap().to_string();
    Item {
        id: ItemId::from_parts(&[&path.display().to_string()]),
        title,
        newsletter: None,
        publisher: None,
        date: None,
        author: None,
        url: None,
        tags: vec![],
        blocks: lines.map(|l| Block::Paragraph(l.to_string())).collect(),
        source: path.to_path_buf(),
    }
}

#[derive(Default)]
struct Tally {
    tp: usize,
    fp: usize,
    fn_: usize,
    wrong_kind: Vec<String>,
    spurious: Vec<String>,
}

fn score(txt: &Path, tally: &mut Tally) {
    let gold: Gold = toml::from_str(&fs::read_to_string(txt.with_extension("toml")).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", txt.display()));
    let forms: Vec<Vec<String>> = gold
        .organization
        .iter()
        .map(|g| {
            std::iter::once(&g.name)
                .chain(&g.aliases)
                .map(|f| norm(f))
                .collect()
        })
        .collect();
    let entities = Extractor::global().extract(&item(txt));
    let mut matched = vec![false; gold.organization.len()];
    for e in &entities {
        let mine: Vec<String> = std::iter::once(&e.name)
            .chain(&e.aliases)
            .map(|f| norm(f))
            .collect();
        let hits: Vec<usize> = (0..forms.len())
            .filter(|&i| forms[i].iter().any(|f| mine.contains(f)))
            .collect();
        if e.kind != EntityKind::Organization {
            if hits.iter().any(|&i| !gold.organization[i].optional) {
                tally
                    .wrong_kind
                    .push(format!("{}: {:?} {}", txt.display(), e.kind, e.name));
            }
            continue;
        }
        match hits
            .iter()
            .find(|&&i| !matched[i] && !gold.organization[i].optional)
        {
            Some(&i) => {
                matched[i] = true;
                tally.tp += 1;
            }
            None if hits.iter().any(|&i| gold.organization[i].optional) => {}
            None => {
                tally.fp += 1;
                tally
                    .spurious
                    .push(format!("{}: {}", txt.display(), e.name));
            }
        }
    }
    tally.fn_ += gold
        .organization
        .iter()
        .zip(&matched)
        .filter(|(g, m)| !g.optional && !**m)
        .count();
}

#[test]
fn organization_precision_on_annotated_fixtures() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/extract/orgs");
    let mut texts: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    texts.sort();
    assert!(
        texts.len() >= 10,
        "expected ten fixtures, found {}",
        texts.len()
    );
    let mut tally = Tally::default();
    for txt in &texts {
        score(txt, &mut tally);
    }
    let precision = tally.tp as f64 / (tally.tp + tally.fp).max(1) as f64;
    let recall = tally.tp as f64 / (tally.tp + tally.fn_).max(1) as f64;
    println!(
        "organizations: precision {precision:.3}, recall {recall:.3} (tp {}, fp {}, fn {})",
        tally.tp, tally.fp, tally.fn_
    );
    println!("spurious: {:?}", tally.spurious);
    assert!(
        precision >= 0.85,
        "precision {precision:.3}; spurious: {:?}",
        tally.spurious
    );
    assert!(recall >= 0.6, "recall {recall:.3}");
    assert!(
        tally.wrong_kind.is_empty(),
        "organizations reported as people or places: {:?}",
        tally.wrong_kind
    );
}
