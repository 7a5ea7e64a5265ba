//! Which files `ethos check` reads: the paths given (folders walked, sorted),
//! `./playbooks`, the current folder, or the bundled playbooks and packs.
//! Library code, so that an editor or a server finds the same files.

use std::path::{Path, PathBuf};

use super::source::{ReadError, display_path, not_utf8_message};
use super::{Pos, Source, bundled, packs};

/// The folder `ethos check` looks in when given no path.
pub const DEFAULT_DIR: &str = "playbooks";

/// A file to check: its text, or why its text cannot be a playbook.
pub enum Input {
    Source(Source),
    /// Read, but not text a YAML parser should see (too large, not UTF-8):
    /// reported as a `yaml-syntax` diagnostic so the other files still count.
    Unparsable {
        source: Source,
        message: String,
        pos: Pos,
    },
}

/// A path that gave nothing to check. The other paths are still checked.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    #[error("the current directory cannot be read: {why}")]
    HereUnreadable { why: String },
    #[error(
        "no playbooks here: there is no ./playbooks folder and no *.yaml or *.yml file in the current directory; give a path, write one with `ethos init`, or check the bundled playbooks with `ethos check --bundled`"
    )]
    NoneHere,
    #[error("{path}: cannot be read: {why}")]
    Unreadable { path: String, why: String },
    #[error(
        "{dir}: no playbooks (*.yaml, *.yml) in this directory; give a playbook file or another directory"
    )]
    NoneIn { dir: String },
    #[error(transparent)]
    Read(ReadError),
}

/// What the system said, without walkdir's own wrapping of it.
fn reason(err: &walkdir::Error) -> String {
    err.io_error()
        .map_or_else(|| err.to_string(), ToString::to_string)
}

/// Resolve the paths `ethos check` is given into files, in the order given (directories sorted).
/// Paths that cannot be read are returned as errors; the rest is still checked.
pub fn collect(paths: &[PathBuf], bundled: bool) -> (Vec<Input>, Vec<Failure>) {
    let mut inputs = Vec::new();
    let mut failures = Vec::new();
    if bundled {
        inputs.extend(
            bundled::BUNDLED
                .iter()
                .filter_map(|b| Source::bundled(b.id))
                .map(Input::Source),
        );
        // The rule packs too: their rules' examples must hold.
        inputs.extend(packs::PACKS.iter().map(|p| {
            Input::Source(Source {
                name: packs::file_name(p.id),
                text: p.text.to_owned(),
            })
        }));
    }
    if paths.is_empty() && !bundled {
        if Path::new(DEFAULT_DIR).is_dir() {
            collect_dir(Path::new(DEFAULT_DIR), &mut inputs, &mut failures);
        } else {
            collect_here(&mut inputs, &mut failures);
        }
        return (inputs, failures);
    }
    for path in paths {
        if path.is_dir() {
            collect_dir(path, &mut inputs, &mut failures);
        } else {
            match Source::open(&path.to_string_lossy()) {
                Ok(source) => inputs.push(Input::Source(source)),
                Err(err) => read_failure(err, &mut inputs, &mut failures),
            }
        }
    }
    (inputs, failures)
}

/// No path and no `./playbooks`: the playbooks of the current directory, where
/// `ethos init` writes. Only this folder, not below it: the current directory
/// may be a home folder, and a project keeps its playbooks in `./playbooks`.
/// Hidden files (`.pre-commit-config.yaml`) are configuration, not playbooks.
fn collect_here(inputs: &mut Vec<Input>, failures: &mut Vec<Failure>) {
    let walk = walkdir::WalkDir::new(".")
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
        .into_iter();
    let before = inputs.len() + failures.len();
    for entry in walk {
        match entry {
            Ok(entry)
                if entry.file_type().is_file()
                    && is_yaml(entry.path())
                    && !entry.file_name().to_string_lossy().starts_with('.') =>
            {
                match Source::read(entry.path()) {
                    Ok(source) => inputs.push(Input::Source(source)),
                    Err(err) => read_failure(err, inputs, failures),
                }
            }
            Ok(_) => {}
            Err(err) => failures.push(Failure::HereUnreadable { why: reason(&err) }),
        }
    }
    if inputs.len() + failures.len() == before {
        failures.push(Failure::NoneHere);
    }
}

fn collect_dir(dir: &Path, inputs: &mut Vec<Input>, failures: &mut Vec<Failure>) {
    let before = inputs.len() + failures.len();
    let walk = walkdir::WalkDir::new(dir).sort_by_file_name().into_iter();
    for entry in walk {
        match entry {
            Ok(entry) if entry.file_type().is_file() && is_yaml(entry.path()) => {
                match Source::read(entry.path()) {
                    Ok(source) => inputs.push(Input::Source(source)),
                    Err(err) => read_failure(err, inputs, failures),
                }
            }
            Ok(_) => {}
            Err(err) => failures.push(Failure::Unreadable {
                path: err.path().map_or_else(|| display_path(dir), display_path),
                why: reason(&err),
            }),
        }
    }
    if inputs.len() + failures.len() == before {
        failures.push(Failure::NoneIn {
            dir: display_path(dir),
        });
    }
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

fn read_failure(err: ReadError, inputs: &mut Vec<Input>, failures: &mut Vec<Failure>) {
    match err {
        ReadError::TooLarge { path, error } => inputs.push(Input::Unparsable {
            source: Source {
                name: display_path(&path),
                text: String::new(),
            },
            message: error.message,
            pos: Pos::FILE_START,
        }),
        ReadError::NotUtf8 {
            ref path,
            pos,
            byte,
        } => inputs.push(Input::Unparsable {
            source: Source {
                name: display_path(path),
                text: String::new(),
            },
            message: not_utf8_message(byte),
            pos,
        }),
        other => failures.push(Failure::Read(other)),
    }
}
