//! `ethos schema`: the JSON Schema of the playbook format, for editors.

use super::Outcome;
use crate::playbook::schema::playbook_schema;
use crate::words::Words;

pub fn run() -> anyhow::Result<Outcome> {
    super::print_stdout(&playbook_schema(), Words::of_environment())?;
    Ok(Outcome::Clean)
}
