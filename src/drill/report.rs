//! What recorded drills say (`ethos report DIR`): the transcripts of a
//! folder read back, and summed up per trainee, playbook, scenario and mode.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::transcript::{FORMAT, Transcript};
use crate::report::tables;
use crate::words::report::{count, score_or_dash};
use crate::words::{Locale, Words};

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

/// The transcripts of a folder, and the `.json` files in it that are not one.
#[derive(Debug, Default)]
pub struct Folder {
    /// In the order of their paths.
    pub transcripts: Vec<Transcript>,
    pub skipped: Vec<(PathBuf, Unreadable)>,
}

/// Why a `.json` file is not read as a transcript.
#[derive(Debug)]
pub enum Unreadable {
    Io(std::io::Error),
    NotATranscript(serde_json::Error),
    /// A transcript of another version of the format.
    Format(u32),
}

impl Unreadable {
    /// Why, in words of `w`'s locale.
    pub fn in_words(&self, w: Words) -> String {
        match self {
            Unreadable::Io(e) => crate::io_error::describe(e),
            Unreadable::NotATranscript(e) => w.fmt(
                "report-not-a-transcript",
                &[("error", e.to_string().into())],
            ),
            Unreadable::Format(format) => w.fmt(
                "report-transcript-format",
                &[("format", (*format).into()), ("expected", FORMAT.into())],
            ),
        }
    }
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_words(Words::new(Locale::En)))
    }
}

/// Every `*.json` file under `dir` (sorted by name) that is a transcript; the
/// others are kept with why. Only a folder that cannot be walked is an error.
pub fn read_folder(dir: &Path) -> Result<Folder, walkdir::Error> {
    let mut folder = Folder::default();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry?;
        let path = entry.path();
        if !entry.file_type().is_file() || path.extension().and_then(|e| e.to_str()) != Some("json")
        {
            continue;
        }
        match read(path) {
            Ok(t) => folder.transcripts.push(t),
            Err(why) => folder.skipped.push((path.to_owned(), why)),
        }
    }
    Ok(folder)
}

/// One transcript file.
pub fn read(path: &Path) -> Result<Transcript, Unreadable> {
    let text = std::fs::read_to_string(path).map_err(Unreadable::Io)?;
    let transcript: Transcript = serde_json::from_str(&text).map_err(Unreadable::NotATranscript)?;
    if transcript.ethos_transcript != FORMAT {
        return Err(Unreadable::Format(transcript.ethos_transcript));
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

/// The language the report speaks: the playbooks' when every transcript
/// was drilled in the same one, else English (a manager reading drills of a
/// Chinese and a German playbook gets one language, not two).
pub fn words_for(transcripts: &[Transcript]) -> Words {
    let mut locales = transcripts.iter().map(|t| Locale::negotiate(&t.language));
    match locales.next() {
        Some(first) if locales.all(|l| l == first) => Words::new(first),
        _ => Words::new(Locale::En),
    }
}

/// The report as a table for people.
pub fn table(lines: &[Line], w: Words, width: Option<u16>) -> String {
    let header = [
        w.text("report-col-trainee"),
        w.text("report-col-playbook"),
        w.text("report-col-scenario"),
        w.text("report-col-mode"),
        w.text("report-col-attempts"),
        w.text("report-col-finished"),
        w.text("report-col-best"),
        w.text("report-col-last"),
        w.text("report-col-passed"),
        w.text("report-col-date"),
    ];
    let mut table = tables::table(&header, width);
    for l in lines {
        let mode = if l.mode == "exam" {
            w.text("report-mode-exam")
        } else {
            w.text("report-mode-practice")
        };
        table.add_row(vec![
            l.trainee.clone(),
            l.playbook.clone(),
            l.scenario.clone(),
            mode,
            count(w, l.attempts as u64),
            count(w, l.finished as u64),
            score_or_dash(w, l.best),
            score_or_dash(w, l.last),
            w.yes_no(l.passed),
            l.date.clone(),
        ]);
    }
    format!("{table}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drilled(language: &str) -> Transcript {
        Transcript {
            language: language.to_owned(),
            ..Transcript::default()
        }
    }

    #[test]
    fn the_report_speaks_the_playbooks_language_when_they_share_one() {
        let zh = [drilled("zh-CN"), drilled("zh")];
        assert_eq!(words_for(&zh).locale(), Locale::Zh);
        let mixed = [drilled("zh-CN"), drilled("de")];
        assert_eq!(words_for(&mixed).locale(), Locale::En);
        // Written before transcripts recorded the language.
        assert_eq!(words_for(&[drilled("")]).locale(), Locale::En);
    }
}
