//! One module per subcommand. Commands are the only code that prints, and the
//! only code that uses `anyhow`.

// Commands are the presentation layer: printing is their job.
#![allow(clippy::print_stdout, clippy::print_stderr)]

pub mod calibrate;
pub mod check;
pub mod completions;
pub mod drill;
pub mod grade;
pub mod init;
pub mod list;
pub mod render;
pub mod report;
pub mod schema;
pub mod show;
pub mod validate;

use std::io::{self, Write};

/// How a command ended, for the exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing at the failing level was found (exit 0).
    Clean,
    /// Findings at the failing level (exit 1).
    Findings,
    /// Part of the job could not be done, already reported on stderr (exit 2).
    Incomplete,
    /// Interrupted by Ctrl-C, what was done saved (exit 130).
    Interrupted,
}

/// Write to stdout; a reader that went away (`ethos check | head`) is not an
/// error, a full disk is "cannot write: no space left on device".
pub fn print_stdout(text: &str) -> io::Result<()> {
    let mut out = anstream::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(io::Error::new(
            e.kind(),
            format!("cannot write: {}", crate::io_error::describe(&e)),
        )),
        Ok(()) => Ok(()),
    }
}

/// How many of a refused playbook's errors are shown; `ethos check` shows them all.
const ERRORS_SHOWN: usize = 3;

/// Load a playbook for a command that needs a good one: a path or a bundled
/// id. A playbook that does not load, or that `check` finds errors in, is
/// refused (exit 2) with its first errors, each at its file, line and column.
///
/// This is the one gate for `drill`, `render`, `show`, `validate` and
/// `grade`: a playbook `check` rejects would otherwise drill a scenario with no
/// ending or print a policy whose rules contradict each other. Warnings do not
/// refuse: they are advice (an overdue review, an untested rule).
pub fn load_playbook(name: &str) -> anyhow::Result<crate::playbook::Playbook> {
    use crate::check::{self, CheckOptions};
    use crate::playbook::{Date, Severity};

    let source = crate::playbook::Source::open(name)?;
    let options = CheckOptions {
        today: Date::today(),
    };
    let (playbook, diagnostics) = match crate::playbook::load::parse(&source.text) {
        Ok(playbook) => {
            let diagnostics = check::check_playbook(&playbook, &source.name, options);
            (Some(playbook), diagnostics)
        }
        // Worded as `check` words it, so both commands say the same thing.
        Err(_) => (None, check::check_source(&source, options)),
    };
    let mut errors: Vec<_> = diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    match playbook {
        Some(playbook) if errors.is_empty() => Ok(playbook),
        _ => {
            crate::check::diagnostic::sort(&mut errors);
            Err(refusal(name, &errors))
        }
    }
}

/// "x.yaml has 2 errors, so it cannot be used; run `ethos check x.yaml`", then
/// the first errors, one a line.
fn refusal(name: &str, errors: &[crate::check::Diagnostic]) -> anyhow::Error {
    use std::fmt::Write as _;
    let count = errors.len().max(1);
    let file = errors.first().map_or(name, |d| d.file.as_str());
    let mut text = format!(
        "{file} has {count} error{} that `ethos check` reports, so it cannot be used; run `ethos check {name}` to see {}:",
        if count == 1 { "" } else { "s" },
        if count == 1 { "it" } else { "them all" },
    );
    for d in errors.iter().take(ERRORS_SHOWN) {
        let help = d
            .help
            .as_ref()
            .map(|h| format!(" ({h})"))
            .unwrap_or_default();
        let _ = write!(
            text,
            "\n  {}:{}:{}: {}{help} [{}]",
            d.file,
            d.pos.line,
            d.pos.column,
            d.message,
            d.code.as_str()
        );
    }
    if errors.len() > ERRORS_SHOWN {
        let _ = write!(text, "\n  … and {} more", errors.len() - ERRORS_SHOWN);
    }
    anyhow::anyhow!(text)
}
