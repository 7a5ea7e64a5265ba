//! One module per subcommand. Commands are the only code that prints, and the
//! only code that uses `anyhow`.

// Commands are the presentation layer: printing is their job.
#![allow(clippy::print_stdout, clippy::print_stderr)]

pub mod calibrate;
pub mod check;
pub mod completions;
pub mod drill;
pub mod grade;
pub mod import;
pub mod init;
pub mod list;
pub mod render;
pub mod report;
pub mod schema;
pub mod show;
pub mod validate;

use std::io::{self, Write};

use crate::engine::Engine;
use crate::playbook::Playbook;
use crate::words::Words;
use crate::words::tool::{Message, Refusal};

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

/// Why a command could not do its job, already in words, and the words it
/// is in: the "error:" before it is said in the same language.
#[derive(Debug)]
pub struct Failure {
    pub words: Words,
    pub text: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

impl std::error::Error for Failure {}

/// A command's own message as the error that stops it.
pub fn fail(words: Words, message: &Message<'_>) -> anyhow::Error {
    anyhow::Error::new(Failure {
        words,
        text: words.tool(message),
    })
}

/// Say on stderr why a command failed: "error: …", in the language of the
/// failure when a command worded it, else in the environment's (an error
/// of the loader, a flag).
pub fn print_error(err: &anyhow::Error) {
    let (words, text) = match err.downcast_ref::<Failure>() {
        Some(failure) => (failure.words, failure.text.clone()),
        None => (Words::of_environment(), format!("{err:#}")),
    };
    eprintln!("{}", words.error_line(&text));
}

/// Write to stdout; a reader that went away (`ethos check | head`) is not an
/// error, a full disk is "cannot write: no space left on device", in `w`'s words.
pub fn print_stdout(text: &str, w: Words) -> anyhow::Result<()> {
    let mut out = anstream::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(fail(
            w,
            &Message::CannotWrite {
                why: crate::io_error::describe(&e),
            },
        )),
        Ok(()) => Ok(()),
    }
}

/// How many of a refused playbook's errors are shown; `ethos check` shows them all.
const ERRORS_SHOWN: usize = 3;

/// Load a playbook for a command that needs a good one: a path or a bundled
/// id. A playbook that does not load, or that `check` finds errors in, is
/// refused (exit 2) with its first errors, each at its file, line and column
/// (`check::gate`).
pub fn load_playbook(name: &str) -> anyhow::Result<Playbook> {
    let source = crate::playbook::Source::open(name)?;
    let options = crate::check::CheckOptions {
        today: crate::playbook::Date::today(),
    };
    crate::check::gate::usable(&source, options)
        .map_err(|refused| refusal(name, &refused.errors, refused.words))
}

/// The engine of a playbook that loaded; its patterns compile, as `check`
/// made sure, so this fails only if the two disagree.
pub fn compile<'p>(playbook: &'p Playbook, name: &str) -> anyhow::Result<Engine<'p>> {
    Engine::new(playbook).map_err(|e| {
        let why = crate::words::engine::pattern_error(Words::of(playbook), &e);
        fail(
            Words::of(playbook),
            &Message::EngineFailed {
                playbook: name,
                why,
            },
        )
    })
}

/// The conversation judge of a compiled playbook (its procedures'
/// phrases compiled), failing as [`compile`] does.
pub fn compile_conversations<'e, 'p>(
    engine: &'e Engine<'p>,
    name: &str,
    w: Words,
) -> anyhow::Result<crate::conversation::ConversationJudge<'e, 'p>> {
    crate::conversation::ConversationJudge::new(engine).map_err(|e| {
        let why = crate::words::engine::pattern_error(w, &e);
        fail(
            w,
            &Message::EngineFailed {
                playbook: name,
                why,
            },
        )
    })
}

/// "x.yaml has 2 errors, so it cannot be used; run `ethos check x.yaml`", then
/// the first errors, one a line, in the words `check` said them in.
fn refusal(name: &str, errors: &[crate::check::Diagnostic], w: Words) -> anyhow::Error {
    let count = errors.len().max(1);
    let file = errors.first().map_or(name, |d| d.file.as_str());
    let mut text = w.tool(&Message::Refused { file, name, count });
    for d in errors.iter().take(ERRORS_SHOWN) {
        text.push_str("\n  ");
        text.push_str(&w.tool(&Message::RefusedError(Refusal {
            file: &d.file,
            line: d.pos.line,
            column: d.pos.column,
            message: &d.message,
            help: d.help.as_deref(),
            code: d.code.as_str(),
        })));
    }
    if errors.len() > ERRORS_SHOWN {
        text.push_str("\n  ");
        text.push_str(&w.tool(&Message::RefusedMore {
            count: errors.len() - ERRORS_SHOWN,
        }));
    }
    anyhow::Error::new(Failure { words: w, text })
}
