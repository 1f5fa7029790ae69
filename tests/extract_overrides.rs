//! User overrides from the config file, end to end through the binary:
//! `[[actor]]` tables declare actors (with aliases and a kind) and `ignore`
//! hides names, both in `gazette entities` and in the library's `gazette
//! actors`.

// Test helpers outside #[test] functions may unwrap too.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_gazette");

const STORY: &str = "Envoy returns from Kyiv talks\n\n\
Special envoy Tomas Redding met officials in Kyiv on Monday. The envoy said \
Bluefin Labs would ship generators to Odesa.\n\n\
Later, Mr. Redding flew to Warsaw, where Anneke Vos of the aid group joined him.\n";

const CONFIG: &str = r#"
ignore = ["Warsaw", "anneke vos"]

[[actor]]
name = "Tomas Redding"
kind = "person"
aliases = ["the envoy"]

[[actor]]
name = "Bluefin Labs"
kind = "organization"

[[actor]]
name = "Odesa"
kind = "place"
aliases = ["Odessa"]
"#;

fn run(dir: &Path, args: &[&str]) -> Value {
    let out = Command::new(BIN)
        .arg("--config")
        .arg(dir.join("config.toml"))
        .arg("--data-dir")
        .arg(dir.join("data"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn names(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap().to_string())
        .collect()
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("lib")).unwrap();
    std::fs::write(dir.path().join("lib/story.txt"), STORY).unwrap();
    std::fs::write(dir.path().join("config.toml"), CONFIG).unwrap();
    dir
}

#[test]
fn config_overrides_apply_to_entities() {
    let dir = setup();
    let rows = run(dir.path(), &["entities", "--json", "lib/story.txt"]);
    let row = &rows[0];
    let people = names(&row["people"]);
    let places = names(&row["places"]);
    let orgs = names(&row["organizations"]);
    assert!(people.contains(&"Tomas Redding".to_string()), "{people:?}");
    assert!(
        !people.iter().any(|p| p == "Anneke Vos"),
        "ignored: {people:?}"
    );
    assert!(orgs.contains(&"Bluefin Labs".to_string()), "{orgs:?}");
    assert!(places.contains(&"Kyiv".to_string()), "{places:?}");
    assert!(places.contains(&"Odesa".to_string()), "{places:?}");
    assert!(!places.iter().any(|p| p == "Warsaw"), "ignored: {places:?}");
    // The declared alias counts as a mention of the declared person.
    let redding = row["people"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Tomas Redding")
        .unwrap();
    assert_eq!(redding["count"], 3, "{redding}");
    let forms = redding.to_string().to_lowercase();
    assert!(forms.contains("the envoy"), "{forms}");
}

#[test]
fn config_overrides_apply_to_the_library_actors() {
    let dir = setup();
    let actors = run(dir.path(), &["--library", "lib", "actors", "--json"]);
    let all = names(&actors);
    assert!(all.contains(&"Tomas Redding".to_string()), "{all:?}");
    assert!(all.contains(&"Bluefin Labs".to_string()), "{all:?}");
    assert!(
        !all.iter().any(|a| a == "Warsaw" || a == "Anneke Vos"),
        "{all:?}"
    );
    let kind_of = |name: &str| {
        actors
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["name"] == name)
            .map(|a| a["kind"].as_str().unwrap().to_string())
    };
    assert_eq!(kind_of("Bluefin Labs").as_deref(), Some("organization"));
    assert_eq!(kind_of("Tomas Redding").as_deref(), Some("person"));
}
