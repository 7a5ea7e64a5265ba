//! `ethos list`: the bundled playbooks.

use serde::Serialize;

use super::Outcome;
use crate::cli::OutputFormat;
use crate::playbook::{bundled, load};
use crate::report::tables;

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

pub fn run(format: OutputFormat) -> anyhow::Result<Outcome> {
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
    let text = match format {
        OutputFormat::Json => {
            let mut json = serde_json::to_string_pretty(&entries).expect("plain data serialises");
            json.push('\n');
            json
        }
        OutputFormat::Human => {
            let mut table = tables::table(
                &[
                    "id",
                    "title",
                    "company",
                    "language",
                    "steps",
                    "rules",
                    "scenarios",
                ],
                tables::width_for_stdout(),
            );
            for e in &entries {
                table.add_row(vec![
                    e.id.to_owned(),
                    e.title.clone(),
                    e.company.clone(),
                    e.language.clone(),
                    e.steps.to_string(),
                    e.rules.to_string(),
                    e.scenarios.to_string(),
                ]);
            }
            format!("{table}\n\nTry one: ethos show ID · ethos drill ID · ethos init --from ID\n")
        }
    };
    super::print_stdout(&text)?;
    Ok(Outcome::Clean)
}
