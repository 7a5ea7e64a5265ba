//! `ethos list`: the bundled playbooks, or (`--packs`) the bundled rule packs.

use serde::Serialize;

use super::Outcome;
use crate::cli::OutputFormat;
use crate::playbook::{bundled, load, packs};
use crate::report::tables;
use crate::words::{Locale, Words};

/// `ethos list` names many playbooks, not one: it speaks English, the
/// language of the tool's own commands.
fn words() -> Words {
    Words::new(Locale::En)
}

/// One line of `ethos list`.
#[derive(Serialize)]
struct Entry {
    id: &'static str,
    title: String,
    company: String,
    language: String,
    steps: usize,
    rules: usize,
    scenarios: usize,
}

pub fn run(format: OutputFormat, packs: bool) -> anyhow::Result<Outcome> {
    if packs {
        return list_packs(format);
    }
    let mut entries = Vec::new();
    for b in bundled::BUNDLED {
        let pb = load::parse(b.text)
            .map_err(|e| anyhow::anyhow!("bundled playbook {} does not load: {e}", b.id))?;
        entries.push(Entry {
            id: b.id,
            title: pb.title.value.clone(),
            company: pb.company.value.clone(),
            language: pb.language().to_owned(),
            steps: pb.steps.len(),
            rules: pb.rules.len(),
            scenarios: pb.scenarios.len(),
        });
    }
    print_listing(
        format,
        &entries,
        &[
            words().text("report-col-id"),
            words().text("report-col-title"),
            words().text("report-col-company"),
            words().text("report-col-language"),
            words().text("report-col-steps"),
            words().text("report-col-rules"),
            words().text("report-col-scenarios"),
        ],
        |e| {
            vec![
                e.id.to_owned(),
                e.title.clone(),
                e.company.clone(),
                e.language.clone(),
                e.steps.to_string(),
                e.rules.to_string(),
                e.scenarios.to_string(),
            ]
        },
        &words().text("report-list-hint"),
    )
}

/// One line of `ethos list --packs`.
#[derive(Serialize)]
struct PackEntry {
    id: &'static str,
    title: String,
    rules: usize,
    language: String,
}

fn list_packs(format: OutputFormat) -> anyhow::Result<Outcome> {
    let mut entries = Vec::new();
    for p in packs::PACKS {
        let Some(Ok(pack)) = packs::load(p.id) else {
            anyhow::bail!("bundled rule pack {} does not load", p.id)
        };
        entries.push(PackEntry {
            id: p.id,
            title: pack.title.value.clone(),
            rules: pack.rules.len(),
            language: pack.language().to_owned(),
        });
    }
    print_listing(
        format,
        &entries,
        &[
            words().text("report-col-id"),
            words().text("report-col-title"),
            words().text("report-col-rules"),
            words().text("report-col-language"),
        ],
        |e| {
            vec![
                e.id.to_owned(),
                e.title.clone(),
                e.rules.to_string(),
                e.language.clone(),
            ]
        },
        &words().text("report-list-packs-hint"),
    )
}

/// Entries as pretty JSON, or as a table with a hint under it.
fn print_listing<T: Serialize>(
    format: OutputFormat,
    entries: &[T],
    header: &[String],
    row: impl Fn(&T) -> Vec<String>,
    hint: &str,
) -> anyhow::Result<Outcome> {
    let text = match format {
        OutputFormat::Json => {
            let mut json = serde_json::to_string_pretty(entries).expect("plain data serialises");
            json.push('\n');
            json
        }
        OutputFormat::Human => {
            let mut table = tables::table(header, tables::width_for_stdout());
            for entry in entries {
                table.add_row(row(entry));
            }
            format!("{table}\n\n{hint}\n")
        }
    };
    super::print_stdout(&text)?;
    Ok(Outcome::Clean)
}
