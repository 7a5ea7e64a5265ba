//! `ethos report DIR`: what recorded drills say, per trainee and scenario.

use std::path::Path;

use anyhow::bail;

use super::Outcome;
use crate::cli::ReportFormat;
use crate::drill::report::{self, read_folder, summarise};
use crate::report::tables;
use crate::util::display_path;

#[allow(clippy::print_stderr)]
pub fn run(dir: &Path, format: ReportFormat) -> anyhow::Result<Outcome> {
    if !dir.is_dir() {
        bail!(
            "{}: not a directory; give the folder drills were recorded into (`ethos drill --record DIR`)",
            display_path(dir)
        );
    }
    let folder = read_folder(dir)?;
    for (path, why) in &folder.skipped {
        eprintln!("warning: {}: skipped, {why}", display_path(path));
    }
    if folder.transcripts.is_empty() {
        bail!(
            "{}: no drill transcripts here; record some with `ethos drill --record {}`",
            display_path(dir),
            display_path(dir)
        );
    }
    let lines = summarise(&folder.transcripts);
    let text = match format {
        ReportFormat::Json => {
            let mut json = serde_json::to_string_pretty(&lines).expect("plain data serialises");
            json.push('\n');
            json
        }
        ReportFormat::Csv => {
            let mut writer = csv::Writer::from_writer(Vec::new());
            for line in &lines {
                writer.serialize(line)?;
            }
            String::from_utf8(writer.into_inner()?)?
        }
        // Ten columns do not fit the usual 100 of a pipe without breaking
        // ids and dates in two.
        ReportFormat::Human => report::table(
            &lines,
            report::words_for(&folder.transcripts),
            tables::width_for_stdout().map(|w| w.max(120)),
        ),
    };
    super::print_stdout(&text)?;
    Ok(if folder.skipped.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Incomplete
    })
}
