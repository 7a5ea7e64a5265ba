//! `ethos completions SHELL`.

use clap::CommandFactory;

use super::Outcome;
use crate::cli::Cli;
use crate::words::Words;

pub fn run(shell: clap_complete::Shell) -> anyhow::Result<Outcome> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "ethos", &mut script);
    super::print_stdout(&String::from_utf8_lossy(&script), Words::of_environment())?;
    Ok(Outcome::Clean)
}
