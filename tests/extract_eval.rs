//! Scores extraction on the shared evaluation texts with the shared scorer
//! (`../shared/tools/score_entities.py`), reading the files with the
//! reader's own loader as `gazette entities` does: the seed story must reach
//! people and places F1 >= 0.95, the dev set must not fall below the
//! targets (F1 0.82 for people and 0.85 for places, precision 0.85 for
//! each). Skips, with a message, when
//! `../shared` or `python3` is absent.

// Test helpers outside #[test] functions may unwrap too.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use gazette::extract::Extractor;
use gazette::model::{Entity, EntityKind, Item};
use serde_json::{Value, json};

/// Dev set floors (people F1, places F1): the targets, 0.82 and 0.85. The
/// figures reached are 0.846 and 0.866.
const DEV_FLOOR: (f64, f64) = (0.820, 0.850);
/// Dev set precision floors (people, places): the targets, 0.85 each. The
/// figures reached are 0.851 and 0.860, so one more spurious person fails.
const DEV_PRECISION_FLOOR: (f64, f64) = (0.850, 0.850);
/// Seed story floors (people F1, places F1): the target is 0.95.
const SEED_FLOOR: (f64, f64) = (0.95, 0.95);

fn shared() -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    root.join("tools/score_entities.py")
        .exists()
        .then_some(root)
}

fn python() -> bool {
    Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The items of a file as `gazette entities` reads them (the reader's own
/// loader), so the figures are the command's.
fn items(path: &Path) -> Vec<Item> {
    gazette::store::load::load_file(path).items
}

fn group(entities: &[Entity], kind: EntityKind) -> Value {
    entities
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| {
            let mut forms = vec![e.name.clone()];
            forms.extend(e.aliases.iter().cloned());
            json!({"name": e.name, "mentions": forms, "count": e.mentions.len()})
        })
        .collect()
}

/// F1 and precision of people and places.
struct Scores {
    f1: (f64, f64),
    precision: (f64, f64),
}

/// Extracts from `files` and scores them against `gold`.
fn score(root: &Path, files: &[PathBuf], gold: &Path, out: &Path) -> Scores {
    let items: Vec<Value> = files
        .iter()
        .flat_map(|f| items(f).into_iter().map(move |item| (f, item)))
        .map(|(f, item)| {
            let entities = Extractor::global().extract(&item);
            json!({"source": f.display().to_string(), "people": group(&entities, EntityKind::Person),
                   "places": group(&entities, EntityKind::Place)})
        })
        .collect();
    std::fs::write(out, serde_json::to_string(&items).unwrap()).unwrap();
    let scored = Command::new("python3")
        .arg(root.join("tools/score_entities.py"))
        .arg(gold)
        .arg(out)
        .output()
        .unwrap();
    assert!(
        scored.status.success(),
        "{}",
        String::from_utf8_lossy(&scored.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&scored.stdout).unwrap();
    let get = |kind: &str, what: &str| json[kind][what].as_f64().unwrap();
    Scores {
        f1: (get("person", "f1"), get("place", "f1")),
        precision: (get("person", "precision"), get("place", "precision")),
    }
}

#[test]
fn seed_and_dev_scores_stay_above_their_floors() {
    let Some(root) = shared() else {
        println!("skipped: ../shared (evaluation data and scorer) is not here");
        return;
    };
    if !python() {
        println!("skipped: python3 is not available to run the scorer");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let seed = score(
        &root,
        &[root.join("seed/threat-status-story.txt")],
        &root.join("seed/gold"),
        &tmp.path().join("seed.json"),
    )
    .f1;
    println!("seed people F1 {:.3}, places F1 {:.3}", seed.0, seed.1);
    assert!(
        seed.0 >= SEED_FLOOR.0 && seed.1 >= SEED_FLOOR.1,
        "seed {seed:?}"
    );

    let mut dev: Vec<PathBuf> = std::fs::read_dir(root.join("eval/dev"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    dev.sort();
    let scores = score(
        &root,
        &dev,
        &root.join("eval/dev/gold"),
        &tmp.path().join("dev.json"),
    );
    let (got, precision) = (scores.f1, scores.precision);
    println!(
        "dev people F1 {:.3} (precision {:.3}), places F1 {:.3} (precision {:.3})",
        got.0, precision.0, got.1, precision.1
    );
    assert!(
        got.0 >= DEV_FLOOR.0 && got.1 >= DEV_FLOOR.1,
        "dev F1 {got:?} below {DEV_FLOOR:?}"
    );
    assert!(
        precision.0 >= DEV_PRECISION_FLOOR.0 && precision.1 >= DEV_PRECISION_FLOOR.1,
        "dev precision {precision:?} below {DEV_PRECISION_FLOOR:?}"
    );
}
