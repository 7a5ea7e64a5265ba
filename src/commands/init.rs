//! `ethos init [PATH] [--from ID]`: write a starter playbook. Never overwrites.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use super::Outcome;
use crate::playbook::bundled;
use crate::playbook::schema::SCHEMA_PATH;

/// The default starter: small, commented, and clean under `ethos check`.
const STARTER: &str = include_str!("../../playbooks/starter/starter.yaml");

/// The file name editors find the schema under, next to the playbook.
const LOCAL_SCHEMA: &str = "playbook.schema.json";

#[allow(clippy::print_stderr)]
pub fn run(path: Option<&Path>, from: Option<&str>) -> anyhow::Result<Outcome> {
    let (text, default_name) = match from {
        Some(id) => match bundled::find(id) {
            Some(b) => (b.text, format!("{id}.yaml")),
            None => bail!(
                "there is no bundled playbook `{id}`; the bundled playbooks are {} (`ethos list` shows them)",
                bundled::ids().join(", ")
            ),
        },
        None => (STARTER, "playbook.yaml".to_owned()),
    };
    let target: PathBuf = match path {
        Some(p) if p.is_dir() => p.join(&default_name),
        Some(p) => p.to_owned(),
        None => PathBuf::from(&default_name),
    };
    let text = local_modeline(text);
    // `create_new` refuses an existing file atomically: nothing the user has
    // is ever overwritten, even if it appears between a check and the write.
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&target)
    {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => bail!(
            "{} already exists; ethos init never overwrites a file: give another path, e.g. `ethos init my-playbook.yaml`",
            target.display()
        ),
        Err(e) => return Err(e).with_context(|| format!("cannot create {}", target.display())),
    };
    file.write_all(text.as_bytes())
        .with_context(|| format!("cannot write {}", target.display()))?;
    eprintln!(
        "wrote {}. Edit it, then run `ethos check {}`.\nFor completion and checking as you type, save the schema beside it: `ethos schema > {}`",
        target.display(),
        target.display(),
        target
            .parent()
            .map_or_else(|| PathBuf::from(LOCAL_SCHEMA), |p| p.join(LOCAL_SCHEMA))
            .display()
    );
    Ok(Outcome::Clean)
}

/// Point the `yaml-language-server` modeline at a schema file beside the new
/// playbook (the bundled ones point into this repository).
fn local_modeline(text: &str) -> String {
    text.lines()
        .map(|line| {
            if line.starts_with("# yaml-language-server: $schema=") && line.ends_with(SCHEMA_PATH) {
                format!("# yaml-language-server: $schema={LOCAL_SCHEMA}")
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}
