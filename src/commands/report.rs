//! `ethos report DIR`: what recorded drills say, per trainee and scenario.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::bail;
use serde::Serialize;

use super::Outcome;
use crate::cli::ReportFormat;
use crate::drill::transcript::{FORMAT, Transcript};
use crate::playbook::source::display_path;
use crate::report::tables;

/// One line of the report: a trainee's attempts at one scenario.
#[derive(Debug, Serialize)]
pub struct Line {
    pub trainee: String,
    pub playbook: String,
    pub scenario: String,
    pub attempts: usize,
    pub best: f64,
    pub last: f64,
    /// Whether any completed attempt reached the pass mark.
    pub passed: bool,
    /// The date of the last attempt (YYYY-MM-DD).
    pub date: String,
}

#[allow(clippy::print_stderr)]
pub fn run(dir: &Path, format: ReportFormat) -> anyhow::Result<Outcome> {
    if !dir.is_dir() {
        bail!(
            "{}: not a directory; give the folder drills were recorded into (`ethos drill --record DIR`)",
            display_path(dir)
        );
    }
    let mut transcripts = Vec::new();
    let mut skipped = 0;
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry?;
        let path = entry.path();
        if !entry.file_type().is_file() || path.extension().and_then(|e| e.to_str()) != Some("json")
        {
            continue;
        }
        match read(path) {
            Ok(t) => transcripts.push(t),
            Err(why) => {
                skipped += 1;
                eprintln!("warning: {}: skipped, {why}", display_path(path));
            }
        }
    }
    if transcripts.is_empty() {
        bail!(
            "{}: no drill transcripts here; record some with `ethos drill --record {}`",
            display_path(dir),
            display_path(dir)
        );
    }
    let lines = summarise(&transcripts);
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
        ReportFormat::Human => {
            let mut table = tables::table(
                &[
                    "trainee", "playbook", "scenario", "attempts", "best", "last", "passed", "date",
                ],
                tables::width_for_stdout(),
            );
            for l in &lines {
                table.add_row(vec![
                    l.trainee.clone(),
                    l.playbook.clone(),
                    l.scenario.clone(),
                    l.attempts.to_string(),
                    format!("{:.1}", l.best),
                    format!("{:.1}", l.last),
                    if l.passed { "yes" } else { "no" }.to_owned(),
                    l.date.clone(),
                ]);
            }
            format!("{table}\n")
        }
    };
    super::print_stdout(&text)?;
    Ok(if skipped > 0 {
        Outcome::Incomplete
    } else {
        Outcome::Clean
    })
}

fn read(path: &Path) -> Result<Transcript, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let transcript: Transcript =
        serde_json::from_str(&text).map_err(|e| format!("not a drill transcript ({e})"))?;
    if transcript.ethos_transcript != FORMAT {
        return Err(format!(
            "transcript format {} is not {FORMAT}",
            transcript.ethos_transcript
        ));
    }
    Ok(transcript)
}

/// Group by trainee, playbook and scenario; order attempts by start time.
pub fn summarise(transcripts: &[Transcript]) -> Vec<Line> {
    let mut groups: BTreeMap<(&str, &str, &str), Vec<&Transcript>> = BTreeMap::new();
    for t in transcripts {
        groups
            .entry((t.trainee.as_str(), t.playbook.as_str(), t.scenario.as_str()))
            .or_default()
            .push(t);
    }
    groups
        .into_iter()
        .map(|((trainee, playbook, scenario), mut attempts)| {
            attempts.sort_by(|a, b| a.started.cmp(&b.started));
            let last = attempts.last().expect("a group has an attempt");
            Line {
                trainee: trainee.to_owned(),
                playbook: playbook.to_owned(),
                scenario: scenario.to_owned(),
                attempts: attempts.len(),
                best: attempts.iter().map(|t| t.totals.score).fold(0.0, f64::max),
                last: last.totals.score,
                passed: attempts.iter().any(|t| t.complete && t.totals.passed),
                date: last.started.get(..10).unwrap_or(&last.started).to_owned(),
            }
        })
        .collect()
}
