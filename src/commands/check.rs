//! `ethos check [PATH]...`: lint playbooks for managers and CI.

use std::path::{Path, PathBuf};

use super::Outcome;
use crate::check::{self, CheckOptions, Code, Diagnostic};
use crate::cli::{CheckArgs, Deny};
use crate::playbook::source::{ReadError, display_path, not_utf8_message};
use crate::playbook::{Date, Pos, Source, bundled, packs};
use crate::report::{self, CheckReport, CheckedFile, Format};
use crate::words::{Locale, Words};

/// The folder `ethos check` looks in when given no path.
const DEFAULT_DIR: &str = "playbooks";

pub fn run(args: &CheckArgs) -> anyhow::Result<Outcome> {
    let options = CheckOptions {
        today: args.today.unwrap_or_else(Date::today),
    };
    let (sources, failures) = collect_sources(&args.paths, args.bundled);
    for failure in &failures {
        eprintln!("error: {failure}");
    }
    let files: Vec<CheckedFile> = sources
        .into_iter()
        .map(|input| match input {
            Input::Source(source) => {
                let checked = check::check_file(&source, options);
                CheckedFile {
                    source,
                    diagnostics: checked.diagnostics,
                    words: checked.words,
                }
            }
            Input::Unparsable {
                source,
                message,
                pos,
            } => CheckedFile {
                diagnostics: vec![Diagnostic {
                    code: Code::YamlSyntax,
                    severity: Code::YamlSyntax.severity(),
                    message,
                    file: source.name.clone(),
                    pos,
                    help: None,
                }],
                source,
                // Said by the reader, in English: there is no playbook to read.
                words: Words::new(Locale::En),
            },
        })
        .collect();
    let report = CheckReport {
        files,
        deny_warnings: args.deny == Some(Deny::Warnings),
    };
    let color = args.format == Format::Human;
    // With nothing checked, "check passed: no problems in 0 files" would read
    // as a pass; the error on stderr says what went wrong. The machine formats
    // still print their (empty) document, so a CI upload step finds a file.
    if !(report.files.is_empty() && args.format == Format::Human) {
        // print_stdout already says "cannot write: …"; no second context.
        super::print_stdout(&report::render(&report, args.format, color))?;
    }
    Ok(if !failures.is_empty() {
        Outcome::Incomplete
    } else if report.failed() {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// A file to check: its text, or why its text cannot be a playbook.
enum Input {
    Source(Source),
    /// Read, but not text a YAML parser should see (too large, not UTF-8):
    /// reported as a `yaml-syntax` diagnostic so the other files still count.
    Unparsable {
        source: Source,
        message: String,
        pos: Pos,
    },
}

/// Resolve the paths given into files, in the order given (directories sorted).
/// Paths that cannot be read are returned as errors; the rest is still checked.
fn collect_sources(paths: &[PathBuf], bundled: bool) -> (Vec<Input>, Vec<String>) {
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
fn collect_here(inputs: &mut Vec<Input>, failures: &mut Vec<String>) {
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
            Err(err) => failures.push(format!(
                "the current directory cannot be read: {}",
                err.io_error()
                    .map_or_else(|| err.to_string(), ToString::to_string)
            )),
        }
    }
    if inputs.len() + failures.len() == before {
        failures.push(
            "no playbooks here: there is no ./playbooks folder and no *.yaml or *.yml file in the current directory; give a path, write one with `ethos init`, or check the bundled playbooks with `ethos check --bundled`".to_owned(),
        );
    }
}

fn collect_dir(dir: &Path, inputs: &mut Vec<Input>, failures: &mut Vec<String>) {
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
            Err(err) => failures.push(format!(
                "{}: cannot be read: {}",
                err.path().map_or_else(|| display_path(dir), display_path),
                err.io_error()
                    .map_or_else(|| err.to_string(), ToString::to_string)
            )),
        }
    }
    if inputs.len() + failures.len() == before {
        failures.push(format!(
            "{}: no playbooks (*.yaml, *.yml) in this directory; give a playbook file or another directory",
            display_path(dir)
        ));
    }
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

fn read_failure(err: ReadError, inputs: &mut Vec<Input>, failures: &mut Vec<String>) {
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
        other => failures.push(other.to_string()),
    }
}
