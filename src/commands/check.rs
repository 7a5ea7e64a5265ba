//! `ethos check [PATH]...`: lint playbooks for managers and CI.

use super::Outcome;
use crate::check::{self, CheckOptions, Code, Diagnostic};
use crate::cli::{CheckArgs, Deny};
use crate::playbook::Date;
use crate::playbook::discover::{self, Input};
use crate::report::{self, CheckReport, CheckedFile, Format};
use crate::words::{Locale, Words};

pub fn run(args: &CheckArgs) -> anyhow::Result<Outcome> {
    let options = CheckOptions {
        today: args.today.unwrap_or_else(Date::today),
    };
    let (sources, failures) = discover::collect(&args.paths, args.bundled);
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
