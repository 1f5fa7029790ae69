//! Alias edits by hand: the library re-keyed by merges, splits and hidden
//! actors; the keys on an actor page; the alias file seen by the CLI.
#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod common;

use std::process::Command;

use common::{app, feed, id};
use gazette::app::{Effect, Focus};
use gazette::library::{ActorKey, AliasEdits, Library};
use gazette::model::EntityKind;

fn person(name: &str) -> ActorKey {
    ActorKey {
        kind: EntityKind::Person,
        name: name.into(),
    }
}

fn place(name: &str) -> ActorKey {
    ActorKey {
        kind: EntityKind::Place,
        name: name.into(),
    }
}

fn items(library: &Library, key: &ActorKey) -> usize {
    library.items_naming(key).count()
}

#[test]
fn merge_adds_items_and_aliases_split_restores_hide_removes() {
    let mut library = common::library();
    assert_eq!(items(&library, &person("Mara Lind")), 3);
    assert_eq!(items(&library, &person("Tomas Berg")), 3);
    let mut edits = AliasEdits::default();
    edits.merge(&person("Mara Lind"), &person("Tomas Berg"));
    library.set_aliases(edits.clone());
    assert_eq!(items(&library, &person("Tomas Berg")), 4);
    assert_eq!(items(&library, &person("Mara Lind")), 0);
    let berg = library.actor_summary(&person("Tomas Berg")).unwrap();
    assert!(berg.aliases.contains(&"Mara Lind".to_string()), "{berg:?}");
    assert!(berg.co_mentions.iter().all(|(k, _)| k.name != "Mara Lind"));
    assert_eq!(
        library.merged_names(&person("Tomas Berg")),
        [person("Mara Lind")]
    );
    assert_eq!(
        library.stored_names(&person("Tomas Berg")),
        ["Tomas Berg", "Mara Lind"]
    );
    assert_eq!(
        library.rekey(&person("Mara Lind")),
        Some(person("Tomas Berg"))
    );
    // An article names one actor where it named two, mentions together.
    let mut body = common::bodies().remove(0);
    library.resolve_body(&mut body);
    let berg = body.entity(&person("Tomas Berg")).unwrap();
    assert_eq!(berg.mentions.len(), 3);
    assert!(body.entity(&person("Mara Lind")).is_none());
    // Split: back as it was.
    edits.split(&person("Mara Lind"));
    assert!(edits.is_empty());
    library.set_aliases(edits.clone());
    assert_eq!(items(&library, &person("Mara Lind")), 3);
    assert_eq!(items(&library, &person("Tomas Berg")), 3);
    // Hide: gone from the summaries, the co-mentions and the bodies.
    edits.hide(&place("Oslo"));
    library.set_aliases(edits);
    let summaries = library.actor_summaries(None);
    assert!(summaries.iter().all(|s| s.key != place("Oslo")));
    assert!(
        summaries
            .iter()
            .all(|s| s.co_mentions.iter().all(|(k, _)| *k != place("Oslo")))
    );
    assert_eq!(library.rekey(&place("Oslo")), None);
    let mut body = common::bodies().remove(0);
    library.resolve_body(&mut body);
    assert!(body.entity(&place("Oslo")).is_none());
    assert_eq!(body.entities.len(), 2);
}

#[test]
fn merge_across_kinds_takes_the_chosen_kind() {
    let mut library = common::library();
    let mut edits = AliasEdits::default();
    edits.merge(&place("Geneva"), &place("Oslo"));
    edits.merge(&place("Oslo"), &person("Tomas Berg"));
    library.set_aliases(edits);
    // Oslo (a, c, d) + Geneva (b) + Berg (a, b, c): every item.
    assert_eq!(items(&library, &person("Tomas Berg")), 4);
    assert!(library.actor_summaries(Some(EntityKind::Place)).is_empty());
}

/// Open the first item, go to the sidebar, open its first actor (Mara Lind).
fn on_lind_page() -> gazette::app::App {
    let mut app = app();
    feed(&mut app, "<enter><tab><enter>");
    assert_eq!(app.focus(), Focus::Actor);
    assert_eq!(app.actor_page().unwrap().0, &person("Mara Lind"));
    app
}

#[test]
fn keys_merge_then_undo_on_an_actor_page() {
    let mut app = on_lind_page();
    let effects = feed(&mut app, "mberg");
    assert!(effects.is_empty());
    let picker = app.picker().unwrap();
    assert_eq!(picker.matches(), [&person("Tomas Berg")]);
    let effects = feed(&mut app, "<enter>");
    let mut merged = AliasEdits::default();
    merged.merge(&person("Mara Lind"), &person("Tomas Berg"));
    assert_eq!(effects, [Effect::SaveAliases(merged.clone())]);
    assert!(app.picker().is_none());
    // The page now shows the canonical actor, with the sum of items.
    assert_eq!(app.actor_page().unwrap().0, &person("Tomas Berg"));
    let summary = app.actor_summary().unwrap();
    assert_eq!(summary.items, 4);
    assert!(summary.aliases.contains(&"Mara Lind".to_string()));
    assert!(
        app.message()
            .unwrap()
            .starts_with("Merged Mara Lind into Tomas Berg")
    );
    // The actors index and the sidebar agree.
    feed(&mut app, "a");
    let keys: Vec<_> = app.actors_list().0.iter().map(|s| s.key.clone()).collect();
    assert!(!keys.contains(&person("Mara Lind")));
    assert_eq!(keys[0], person("Tomas Berg"));
    assert_eq!(app.actors_list().0[0].items, 4);
    feed(&mut app, "<bs><bs>");
    assert_eq!(app.focus(), Focus::Sidebar);
    let names: Vec<&str> = app
        .sidebar_entities()
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(names, ["Tomas Berg", "Oslo"]);
    // Undo, twice: the second has nothing left to undo.
    let effects = feed(&mut app, "U");
    assert_eq!(effects, [Effect::SaveAliases(AliasEdits::default())]);
    assert_eq!(app.library().items_naming(&person("Mara Lind")).count(), 3);
    assert!(feed(&mut app, "U").is_empty());
    assert_eq!(app.message(), Some("No alias edit to undo"));
}

#[test]
fn keys_split_hide_and_cancel() {
    let mut app = on_lind_page();
    // Esc leaves the picker without an edit.
    assert!(feed(&mut app, "mzz<esc>").is_empty());
    assert!(app.picker().is_none());
    assert_eq!(app.focus(), Focus::Actor);
    // Nothing merged: nothing to split.
    assert!(feed(&mut app, "x").is_empty());
    assert!(app.picker().is_none());
    feed(&mut app, "mTomas<enter>");
    let effects = feed(&mut app, "x<enter>");
    assert_eq!(effects, [Effect::SaveAliases(AliasEdits::default())]);
    assert_eq!(app.library().items_naming(&person("Tomas Berg")).count(), 3);
    // Hide the page's actor: the page closes; undo brings it back.
    let effects = feed(&mut app, "H");
    assert_eq!(effects.len(), 1);
    assert_ne!(app.focus(), Focus::Actor);
    assert!(app.library().actor_summary(&person("Tomas Berg")).is_none());
    assert!(
        app.sidebar_entities()
            .iter()
            .all(|e| e.name != "Tomas Berg")
    );
    feed(&mut app, "U");
    assert!(app.library().actor_summary(&person("Tomas Berg")).is_some());
}

#[test]
fn back_after_hiding_keeps_selections_in_range() {
    let mut app = app();
    feed(&mut app, "aG<enter>H<bs>");
    let (keys, selected) = app.actors_list();
    assert!(selected < keys.len(), "{selected} of {}", keys.len());
    assert_eq!(app.focus(), Focus::Actors);
}

#[test]
fn a_broken_alias_file_blocks_edits_with_its_reason() {
    let mut app = on_lind_page();
    app.block_alias_edits("aliases.toml:3: unknown variant `persn`");
    assert!(feed(&mut app, "m").is_empty());
    assert!(app.picker().is_none());
    assert_eq!(
        app.message(),
        Some("aliases.toml:3: unknown variant `persn`")
    );
}

#[test]
fn replaced_libraries_keep_the_edits() {
    let mut app = on_lind_page();
    feed(&mut app, "mberg<enter>");
    app.replace_library(common::library());
    assert_eq!(app.library().items_naming(&person("Tomas Berg")).count(), 4);
    assert_eq!(app.selected_id(), Some(id("aaaa")));
}

const BIN: &str = env!("CARGO_BIN_EXE_gazette");

fn gazette(data: &std::path::Path, args: &[&str]) -> std::process::Output {
    let dir = data.parent().unwrap();
    let config = dir.join("config.toml");
    std::fs::write(&config, "").unwrap();
    let library = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library");
    Command::new(BIN)
        .args(args)
        .arg("--library")
        .arg(library)
        .arg("--data-dir")
        .arg(data)
        .arg("--config")
        .arg(config)
        .output()
        .unwrap()
}

#[test]
fn cli_actors_shows_merged_actor_with_summed_items() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(
        data.join("aliases.toml"),
        "[[merge]]\ninto = \"Malta\"\nkind = \"place\"\nnames = [\"Rotterdam\"]\n\n\
         [[hide]]\nname = \"Tunisia\"\nkind = \"place\"\n",
    )
    .unwrap();
    let out = gazette(&data, &["actors", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let actors: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let actors = actors.as_array().unwrap();
    let malta = actors.iter().find(|a| a["name"] == "Malta").unwrap();
    assert_eq!(malta["items"], 3, "{malta}");
    assert!(
        malta["aliases"]
            .as_array()
            .unwrap()
            .contains(&"Rotterdam".into())
    );
    assert_eq!(
        (&malta["first"], &malta["last"]),
        (&"2025-11-03".into(), &"2025-11-07".into())
    );
    assert!(actors.iter().all(|a| a["name"] != "Tunisia"));
    assert!(actors.iter().all(|a| a["name"] != "Rotterdam"));
    // A broken file: a warning naming it and its line; the file is kept.
    let broken = "[[merge]]\ninto = \"Malta\"\nkind = \"plaice\"\nnames = [\"Tunisia\"]\n";
    std::fs::write(data.join("aliases.toml"), broken).unwrap();
    let out = gazette(&data, &["actors", "--json"]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("aliases.toml:3:"), "{stderr}");
    let actors: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        actors
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["name"] == "Tunisia")
    );
    assert_eq!(
        std::fs::read_to_string(data.join("aliases.toml")).unwrap(),
        broken
    );
}
