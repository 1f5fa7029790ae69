//! Each subcommand, and the reader.

use super::out::{out, outln};
use std::collections::HashSet;
use std::path::Path;

use super::session::{Session, load_config, overrides};
use super::{Cli, Command, Failure, StateAction, json};
use crate::app::App;
use crate::extract::Extractor;
use crate::model::{Block, EntityKind, ItemId};
use crate::store::load::load_file_with;
use crate::store::sanitize::visible;

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<(), Failure> {
    match &cli.command {
        None => reader(&cli),
        Some(Command::Entities { json, paths }) => entities(&cli, *json, paths),
        Some(command) => {
            let session = Session::open(&cli)?;
            session.print_warnings();
            match command {
                Command::List {
                    unread,
                    query,
                    json,
                } => list(&session, *unread, query.as_deref(), *json),
                Command::Show { id, json } => show(&session, id, *json),
                Command::Actors {
                    kind,
                    json: _,
                    map: true,
                } => super::map::print(&session, kind.as_deref()),
                Command::Actors { kind, json, .. } => actors(&session, kind.as_deref(), *json),
                Command::MarkRead { ids, all } => mark(&session, ids, *all, true),
                Command::MarkUnread { ids } => mark(&session, ids, false, false),
                Command::State { action } => state(&session, action),
                Command::Import { sources } => super::fetch::import(&cli, &session, sources),
                Command::Fetch => super::fetch::fetch(&cli, &session),
                Command::Entities { .. } => Ok(()),
            }
        }
    }
}

fn print_json(value: &serde_json::Value) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Failure::runtime(e.to_string()))?;
    outln!("{text}");
    Ok(())
}

fn write_failure(err: std::io::Error) -> Failure {
    if err.kind() == std::io::ErrorKind::BrokenPipe {
        super::out::quit_on(&err);
    }
    Failure::runtime(format!("cannot write the output: {err}"))
}

fn reader(cli: &Cli) -> Result<(), Failure> {
    let session = Session::open_reader(cli)?;
    if session.library.is_empty() {
        // A new library: indexing needs the extractor's tables at once, so
        // load them beside the first frame. A known one may never need them
        // (nothing changed, no item opened), so they wait until asked for.
        std::thread::spawn(|| {
            crate::extract::Extractor::global();
        });
    }
    session.print_warnings();
    let read = session.read_ids()?;
    let Session {
        config,
        db,
        db_message,
        library,
        source,
        warnings,
        alias_file,
        alias_error,
    } = session;
    let mut app = App::new(library, read, config.mark_read_on_open);
    app.set_saved_queries(config.queries.clone().into_iter().collect());
    if let Some(message) = alias_error {
        app.block_alias_edits(message);
    } else if let Some(message) = db_message {
        app.set_message(message);
    } else if !warnings.is_empty() {
        app.set_message(format!(
            "{} file problem{} (run `gazette list` to see them)",
            warnings.len(),
            if warnings.len() == 1 { "" } else { "s" }
        ));
    }
    let theme = config
        .theme
        .clone()
        .for_environment(std::env::var_os("NO_COLOR").as_deref());
    let mut save = |ids: &[ItemId], read: bool| -> Result<(), String> {
        match &db {
            Some(db) => db.set_read(ids, read).map_err(|e| e.to_string()),
            None => Err("no database".into()),
        }
    };
    let background = super::fetch::reader_background(cli, &config);
    crate::tui::run(
        app,
        &config,
        &theme,
        source.as_ref(),
        &mut save,
        background,
        &alias_file,
    )
    .map_err(|e| Failure::runtime(format!("terminal error: {e}")))
}

fn list(
    session: &Session,
    unread: bool,
    query: Option<&str>,
    as_json: bool,
) -> Result<(), Failure> {
    let read = session.read_ids()?;
    let library = &session.library;
    // The same language and evaluation as `/` in the reader.
    let query = match query {
        Some(text) => parse_query(&session.config, text)?,
        None => crate::query::Query::default(),
    };
    let found = query.matching(library, &read, &mut |words| {
        session.source.search_all(words)
    });
    let matches = |index: usize| -> bool {
        library
            .row(index)
            .is_some_and(|row| !(unread && read.contains(row.id_text().as_str())))
    };
    let shown: Vec<usize> = found.into_iter().filter(|&i| matches(i)).collect();
    if as_json {
        let rows: Vec<_> = shown
            .iter()
            .filter_map(|&i| library.row(i))
            .map(|row| json::list_row(&row, read.contains(row.id_text().as_str())))
            .collect();
        return print_json(&serde_json::Value::Array(rows));
    }
    for row in shown.iter().filter_map(|&i| library.row(i)) {
        let mark = if read.contains(row.id_text().as_str()) {
            ' '
        } else {
            '●'
        };
        let date = row
            .date
            .map_or_else(|| "          ".into(), |d| d.to_string());
        outln!(
            "{mark} {date}  {}  {:<20}  {}",
            row.id_text().as_str(),
            row.newsletter_or_default(),
            row.title
        );
    }
    Ok(())
}

/// Parses `--query` (`@name` is a saved query); a bad query is a usage
/// error that shows the query with carets under the offending words.
fn parse_query(config: &crate::config::Config, text: &str) -> Result<crate::query::Query, Failure> {
    let text = match text.trim().strip_prefix('@') {
        Some(name) => config
            .queries
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, query)| query)
            .ok_or_else(|| {
                let names: Vec<String> = config.queries.keys().map(|n| format!("@{n}")).collect();
                Failure::usage(if names.is_empty() {
                    format!("no saved query named '{name}' (the config has no [queries])")
                } else {
                    format!(
                        "no saved query named '{name}' (saved: {})",
                        names.join(", ")
                    )
                })
            })?,
        None => text,
    };
    crate::query::parse(text).map_err(|e| {
        Failure::usage(format!(
            "bad query: {e}\n  {}\n  {}",
            text,
            e.caret_line(text)
        ))
    })
}

fn show(session: &Session, id: &str, as_json: bool) -> Result<(), Failure> {
    let index = session.resolve_id(id)?;
    let read = session.read_ids()?;
    let Some(body) = session.body(index) else {
        return Err(Failure::runtime(format!(
            "the text of item '{id}' cannot be read"
        )));
    };
    let item = &body.item;
    if as_json {
        return print_json(&json::show(&body, read.contains(&item.id)));
    }
    outln!("{}", item.title);
    let meta: Vec<String> = [
        item.newsletter.clone(),
        item.publisher.clone(),
        item.date.map(|d| d.to_string()),
        item.author.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    outln!("{}", meta.join(" · "));
    for block in &item.blocks {
        outln!();
        match block {
            Block::Heading(t) => outln!("## {t}"),
            Block::Paragraph(t) => outln!("{t}"),
            Block::Caption(t) => outln!("[{t}]"),
            Block::Bullet(t) => outln!("• {t}"),
        }
    }
    Ok(())
}

fn entities(cli: &Cli, as_json: bool, paths: &[std::path::PathBuf]) -> Result<(), Failure> {
    let config = load_config(cli)?;
    let overrides = overrides(&config);
    let extractor = Extractor::global();
    let stdout = std::io::stdout();
    let mut rows = as_json.then(|| {
        json::EntitiesArray::new(std::io::BufWriter::with_capacity(1 << 16, stdout.lock()))
    });
    let mut failed = false;
    // One read buffer for every file.
    let mut bytes = Vec::new();
    for path in paths {
        let loaded = load_file_with(path, &mut bytes);
        for warning in &loaded.warnings {
            eprintln!("warning: {}", visible(&warning.to_string()));
        }
        if loaded.items.is_empty() {
            failed = true;
        }
        let source = path.display().to_string();
        for item in &loaded.items {
            if let Some(rows) = &mut rows {
                // Written straight from the borrowed view: no owned entities.
                extractor
                    .extract_view_with(item, &overrides, |entities| {
                        rows.push(&source, item, entities)
                    })
                    .map_err(write_failure)?;
            } else {
                let entities = extractor.extract_with(item, &overrides);
                outln!("{}: {}", visible(&source), item.title);
                for kind in EntityKind::ALL {
                    let names: Vec<String> = entities
                        .iter()
                        .filter(|e| e.kind == kind)
                        .map(|e| format!("{} ({})", e.name, e.mentions.len()))
                        .collect();
                    if !names.is_empty() {
                        outln!("  {}: {}", kind.plural_title(), names.join(", "));
                    }
                }
            }
        }
    }
    if let Some(rows) = rows {
        rows.finish().map_err(write_failure)?;
    }
    if failed {
        return Err(Failure::runtime(
            "some files gave no item (see the warnings above)",
        ));
    }
    Ok(())
}

fn actors(session: &Session, kind: Option<&str>, as_json: bool) -> Result<(), Failure> {
    let kind = kind.and_then(|k| EntityKind::ALL.into_iter().find(|x| x.as_str() == k));
    let summaries = session.library.actor_summaries(kind);
    if as_json {
        return print_json(&serde_json::Value::Array(
            summaries.iter().map(json::actor_row).collect(),
        ));
    }
    for s in &summaries {
        let last = s.last.map(|d| d.to_string()).unwrap_or_default();
        outln!(
            "{:>4}  {:<12}  {:<30}  {last}",
            s.items,
            s.key.kind.as_str(),
            s.key.name
        );
    }
    Ok(())
}

fn mark(session: &Session, ids: &[String], all: bool, read: bool) -> Result<(), Failure> {
    let db = session.require_db()?;
    let targets: Vec<ItemId> = if all {
        session.library.rows().map(|r| r.id()).collect()
    } else {
        let mut out = Vec::new();
        for id in ids {
            let index = session.resolve_id(id)?;
            if let Some(row) = session.library.row(index) {
                out.push(row.id());
            }
        }
        out
    };
    let unique: HashSet<&ItemId> = targets.iter().collect();
    db.set_read(&targets, read)
        .map_err(|e| Failure::runtime(e.to_string()))?;
    eprintln!(
        "marked {} item{} {}",
        unique.len(),
        if unique.len() == 1 { "" } else { "s" },
        if read { "read" } else { "unread" }
    );
    Ok(())
}

fn state(session: &Session, action: &StateAction) -> Result<(), Failure> {
    let db = session.require_db()?;
    match action {
        StateAction::Export { file } => {
            let text = db
                .export_marks()
                .map_err(|e| Failure::runtime(e.to_string()))?;
            match file {
                Some(path) => write_new(path, &text),
                None => {
                    out!("{text}");
                    Ok(())
                }
            }
        }
        StateAction::Import { file } => {
            let text = std::fs::read_to_string(file)
                .map_err(|e| Failure::runtime(format!("{}: {e}", file.display())))?;
            let changed = db
                .import_marks(&text)
                .map_err(|e| Failure::usage(format!("{}: {e}", file.display())))?;
            eprintln!("imported marks: {changed} changed");
            Ok(())
        }
    }
}

/// Writes `text` to `path` through a temporary file and a rename.
fn write_new(path: &Path, text: &str) -> Result<(), Failure> {
    let tmp = path.with_extension("tmp-gazette");
    std::fs::write(&tmp, text)
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|e| Failure::runtime(format!("{}: {e}", path.display())))
}
