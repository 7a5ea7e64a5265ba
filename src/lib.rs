//! ethos: a company's customer-service philosophy as a YAML playbook that a
//! program can check, drill, grade and print.
//!
//! The binary is a thin wrapper around [`run`]. The library is layered:
//! [`playbook`] (the model and loading it, with source positions), [`check`]
//! (diagnostics), [`report`] (rendering them), and [`commands`] (the CLI).

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod calibrate;
pub mod check;
pub mod cli;
pub mod commands;
pub mod conversation;
pub mod drill;
pub mod engine;
#[doc(hidden)]
pub mod fuzzing;
pub mod grade;
pub mod import;
pub mod io_error;
pub mod playbook;
pub mod render;
pub mod report;
pub mod util;
pub mod words;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::Parser;

use commands::Outcome;

/// Exit codes of every command (`shared/spec/CLI.md`).
pub mod exit {
    pub const CLEAN: u8 = 0;
    pub const FINDINGS: u8 = 1;
    pub const FAILED: u8 = 2;
    pub const INTERRUPTED: u8 = 130;
}

/// Parse the arguments, run the command, and map the outcome to an exit code.
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match cli::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => {
            // --help and --version are not errors; everything else is exit 2.
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() {
                exit::FAILED
            } else {
                exit::CLEAN
            });
        }
    };
    let result = match &cli.command {
        cli::Command::Check(args) => commands::check::run(args),
        cli::Command::Validate(args) => commands::validate::run(args),
        cli::Command::Drill(args) => commands::drill::run(args),
        cli::Command::Report { dir, format } => commands::report::run(dir, *format),
        cli::Command::Render(args) => commands::render::run(args),
        cli::Command::Grade(args) => commands::grade::run(args),
        cli::Command::Calibrate(args) => commands::calibrate::run(args),
        cli::Command::List { format, packs } => commands::list::run(*format, *packs),
        cli::Command::Show { playbook } => commands::show::run(playbook),
        cli::Command::Init { path, from } => commands::init::run(path.as_deref(), from.as_deref()),
        cli::Command::Import { from } => commands::import::run(from),
        cli::Command::Schema => commands::schema::run(),
        cli::Command::Completions { shell } => commands::completions::run(*shell),
    };
    match result {
        Ok(Outcome::Clean) => ExitCode::from(exit::CLEAN),
        Ok(Outcome::Findings) => ExitCode::from(exit::FINDINGS),
        Ok(Outcome::Incomplete) => ExitCode::from(exit::FAILED),
        Ok(Outcome::Interrupted) => ExitCode::from(exit::INTERRUPTED),
        Err(err) => {
            commands::print_error(&err);
            ExitCode::from(exit::FAILED)
        }
    }
}
