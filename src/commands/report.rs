//! `ethos report DIR`: what recorded drills say, per trainee and scenario.

use std::path::Path;

use super::{Outcome, fail};
use crate::cli::ReportFormat;
use crate::drill::report::{self, read_folder, summarise};
use crate::report::tables;
use crate::util::display_path;
use crate::words::Words;
use crate::words::tool::Message;

pub fn run(dir: &Path, format: ReportFormat) -> anyhow::Result<Outcome> {
    // About a folder, before any transcript is read: the environment's words.
    let w = Words::of_environment();
    let path = &display_path(dir);
    if !dir.is_dir() {
        return Err(fail(w, &Message::NotAFolder { path }));
    }
    let folder = read_folder(dir)?;
    for (skipped, why) in &folder.skipped {
        let path = &display_path(skipped);
        let why = why.in_words(w);
        eprintln!(
            "{}",
            w.warning_line(&w.tool(&Message::Skipped { path, why }))
        );
    }
    if folder.transcripts.is_empty() {
        return Err(fail(w, &Message::NoTranscripts { path }));
    }
    let lines = summarise(&folder.transcripts);
    let words = report::words_for(&folder.transcripts);
    let text = match format {
        ReportFormat::Json => {
            let mut json = serde_json::to_string_pretty(&lines).expect("plain data serialises");
            json.push('\n');
            json
        }
        ReportFormat::Csv => report::csv(&lines)?,
        // Ten columns do not fit the usual 100 of a pipe without breaking
        // ids and dates in two.
        ReportFormat::Human => report::table(
            &lines,
            words,
            tables::width_for_stdout().map(|w| w.max(120)),
        ),
    };
    super::print_stdout(&text, words)?;
    Ok(if folder.skipped.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Incomplete
    })
}
