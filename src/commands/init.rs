//! `ethos init [PATH] [--from ID]`: write a starter playbook. Never overwrites.

use std::path::Path;

use super::{Outcome, fail};
use crate::io_error::describe;
use crate::playbook::bundled;
use crate::playbook::starter::{Starter, schema_beside};
use crate::util::write::{NewFileError, new_file};
use crate::words::Words;
use crate::words::tool::Message;

/// There is no playbook yet: `init` speaks the environment's language.
pub fn run(path: Option<&Path>, from: Option<&str>) -> anyhow::Result<Outcome> {
    let w = Words::of_environment();
    let Some(starter) = Starter::new(from) else {
        let id = from.unwrap_or_default();
        let ids = &bundled::ids();
        return Err(fail(w, &Message::NoSuchBundled { id, ids }));
    };
    let target = starter.target(path);
    let shown = target.display().to_string();
    let path = shown.as_str();
    new_file(&target, starter.text.as_bytes()).map_err(|e| {
        fail(
            w,
            &match e {
                NewFileError::Exists => Message::InitExists { path },
                NewFileError::Create(e) => Message::CannotCreate {
                    path,
                    why: describe(&e),
                },
                NewFileError::Write(e) => Message::CannotWriteFile {
                    path,
                    why: describe(&e),
                },
            },
        )
    })?;
    let schema = &schema_beside(&target).display().to_string();
    eprintln!("{}", w.tool(&Message::InitWrote { path, schema }));
    Ok(Outcome::Clean)
}
