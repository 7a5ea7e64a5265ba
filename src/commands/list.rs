//! `ethos list`: the bundled playbooks, or (`--packs`) the bundled rule packs.

use serde::Serialize;

use super::{Outcome, fail};
use crate::cli::OutputFormat;
use crate::report::listing::{self, Broken};
use crate::report::tables::width_for_stdout;
use crate::words::Words;
use crate::words::tool::Message;

/// `ethos list` names many playbooks, not one: it speaks the environment's
/// language, as the tool's other messages about no one playbook do.
pub fn run(format: OutputFormat, packs: bool) -> anyhow::Result<Outcome> {
    let w = Words::of_environment();
    let broken = |b: Broken| match b {
        Broken::Playbook { id, why } => {
            let why = why.to_string();
            fail(w, &Message::BundledBroken { id, why })
        }
        Broken::Pack { id } => fail(w, &Message::PackBroken { id }),
    };
    let text = if packs {
        let entries = listing::packs().map_err(broken)?;
        shown(format, &entries, || {
            listing::packs_table(&entries, w, width_for_stdout())
        })
    } else {
        let entries = listing::playbooks().map_err(broken)?;
        shown(format, &entries, || {
            listing::playbooks_table(&entries, w, width_for_stdout())
        })
    };
    super::print_stdout(&text, w)?;
    Ok(Outcome::Clean)
}

/// Entries as pretty JSON, or as the table.
fn shown<T: Serialize>(
    format: OutputFormat,
    entries: &[T],
    table: impl FnOnce() -> String,
) -> String {
    match format {
        OutputFormat::Json => {
            let mut json = serde_json::to_string_pretty(entries).expect("plain data serialises");
            json.push('\n');
            json
        }
        OutputFormat::Human => table(),
    }
}
