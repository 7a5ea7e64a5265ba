//! `ethos check [PATH]...`: lint playbooks for managers and CI.

use super::Outcome;
use crate::check::{self, CheckOptions};
use crate::cli::{CheckArgs, Deny};
use crate::playbook::Date;
use crate::playbook::discover::{self, Input};
use crate::report::{self, CheckReport, CheckedFile, Format};
use crate::words::Words;

pub fn run(args: &CheckArgs) -> anyhow::Result<Outcome> {
    let options = CheckOptions {
        today: args.today.unwrap_or_else(Date::today),
    };
    let (sources, failures) = discover::collect(&args.paths, args.bundled);
    // `check` speaks of many playbooks, each in its own language in the
    // report; what it says of its paths is in the environment's.
    let w = Words::of_environment();
    for failure in &failures {
        eprintln!("{}", w.error_line(&failure.to_string()));
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
            Input::Unparsable { source, error } => {
                let checked = check::check_unparsable(&source, &error);
                CheckedFile {
                    source,
                    diagnostics: checked.diagnostics,
                    words: checked.words,
                }
            }
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
        super::print_stdout(&report::render(&report, args.format, color), w)?;
    }
    Ok(if !failures.is_empty() {
        Outcome::Incomplete
    } else if report.failed() {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}
