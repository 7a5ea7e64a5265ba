//! `ethos show [PLAYBOOK]`: a playbook as tables, for reading it through.

use super::Outcome;
use crate::report::show::render;
use crate::report::tables::width_for_stdout;
use crate::words::Words;

pub fn run(name: &str) -> anyhow::Result<Outcome> {
    let playbook = super::load_playbook(name)?;
    super::print_stdout(&render(&playbook, width_for_stdout()), Words::of(&playbook))?;
    Ok(Outcome::Clean)
}
