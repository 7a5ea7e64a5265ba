//! One module per subcommand. Commands are the only code that prints, and the
//! only code that uses `anyhow`.

// Commands are the presentation layer: printing is their job.
#![allow(clippy::print_stdout, clippy::print_stderr)]

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
            format!("cannot write: {}", crate::grade::describe(&e)),
        )),
        Ok(()) => Ok(()),
    }
}

/// Load a playbook for a command that needs a good one: a path or a bundled
/// id. A playbook that does not load is an error naming the file, line and
/// column (exit 2).
pub fn load_playbook(name: &str) -> anyhow::Result<crate::playbook::Playbook> {
    let source = crate::playbook::Source::open(name)?;
    crate::playbook::load::parse(&source.text).map_err(|err| {
        let place = if err.pos.is_known() {
            format!("{}:{}:{}", source.name, err.pos.line, err.pos.column)
        } else {
            source.name.clone()
        };
        let help = err.help.map(|h| format!(" ({h})")).unwrap_or_default();
        anyhow::anyhow!(
            "{place}: {}{help}; run `ethos check {name}` for every problem",
            err.message
        )
    })
}
