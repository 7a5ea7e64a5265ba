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

/// One line of the report: a trainee's attempts at one scenario, in one mode.
#[derive(Debug, Serialize)]
pub struct Line {
    pub trainee: String,
    pub playbook: String,
    pub scenario: String,
    /// `exam` or `practice`: an exam gives no feedback until the end, so its
    /// scores are not mixed with practice.
    pub mode: &'static str,
    pub attempts: usize,
    /// How many attempts were played to the end (the others were
    /// interrupted or ran out of answers).
    pub finished: usize,
    /// The best score of a finished attempt; none when none finished (an
    /// unfinished attempt's score is over the turns it answered, which says
    /// little about the scenario).
    pub best: Option<f64>,
    /// The score of the last finished attempt.
    pub last: Option<f64>,
    /// Whether any finished attempt reached the pass mark.
    pub passed: bool,
    /// The date of the last attempt, finished or not (YYYY-MM-DD).
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
                    "trainee", "playbook", "scenario", "mode", "attempts", "finished", "best",
                    "last", "passed", "date",
                ],
                // Ten columns do not fit the usual 100 of a pipe without
                // breaking ids and dates in two.
                tables::width_for_stdout().map(|w| w.max(120)),
            );
            let score = |s: Option<f64>| s.map_or("—".to_owned(), |s| format!("{s:.1}"));
            for l in &lines {
                table.add_row(vec![
                    l.trainee.clone(),
                    l.playbook.clone(),
                    l.scenario.clone(),
                    l.mode.to_owned(),
                    l.attempts.to_string(),
                    l.finished.to_string(),
                    score(l.best),
                    score(l.last),
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

/// Group by trainee, playbook, scenario and mode; order attempts by start time.
pub fn summarise(transcripts: &[Transcript]) -> Vec<Line> {
    let mut groups: BTreeMap<(&str, &str, &str, &'static str), Vec<&Transcript>> = BTreeMap::new();
    for t in transcripts {
        let mode = if t.exam { "exam" } else { "practice" };
        groups
            .entry((
                t.trainee.as_str(),
                t.playbook.as_str(),
                t.scenario.as_str(),
                mode,
            ))
            .or_default()
            .push(t);
    }
    groups
        .into_iter()
        .map(|((trainee, playbook, scenario, mode), mut attempts)| {
            attempts.sort_by(|a, b| a.started.cmp(&b.started));
            let last = attempts.last().expect("a group has an attempt");
            let finished: Vec<&&Transcript> = attempts.iter().filter(|t| t.complete).collect();
            Line {
                trainee: trainee.to_owned(),
                playbook: playbook.to_owned(),
                scenario: scenario.to_owned(),
                mode,
                attempts: attempts.len(),
                finished: finished.len(),
                best: finished.iter().map(|t| t.totals.score).reduce(f64::max),
                last: finished.last().map(|t| t.totals.score),
                passed: finished.iter().any(|t| t.totals.passed),
                date: last.started.get(..10).unwrap_or(&last.started).to_owned(),
            }
        })
        .collect()
}
