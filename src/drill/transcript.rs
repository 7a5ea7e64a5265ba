//! The record of one drill, as JSON (`--record`), read back by `ethos report`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Version of the transcript format, so `report` can refuse what it cannot read.
pub const FORMAT: u32 = 1;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Transcript {
    /// Always [`FORMAT`].
    pub ethos_transcript: u32,
    pub playbook: String,
    pub playbook_title: String,
    /// The playbook's `language` (BCP 47), so that `report` speaks it. A
    /// transcript written before this field was recorded reads as empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub language: String,
    pub scenario: String,
    pub scenario_title: String,
    pub trainee: String,
    /// RFC 3339, UTC.
    pub started: String,
    /// An exam (`--exam`: no feedback until the end) rather than practice.
    /// A transcript written before this field was recorded is practice.
    #[serde(default)]
    pub exam: bool,
    /// Whether the drill was played to its end: false when it was
    /// interrupted or ran out of answers. A transcript that does not say is
    /// counted as unfinished, since ethos has always said so for a finished one.
    #[serde(default)]
    pub complete: bool,
    pub turns: Vec<Turn>,
    pub totals: Totals,
}

/// One answered beat.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Turn {
    pub beat: String,
    pub step: String,
    /// What the customer said.
    pub customer: String,
    /// The free reply, for a reply beat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply: Option<String>,
    /// The choice made, for a decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choice: Option<ChoiceMade>,
    /// `pass` or `fail`.
    pub verdict: String,
    pub score: f64,
    /// Rule ids (and policy codes) the answer failed.
    pub failed: Vec<String>,
    pub seconds: f64,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ChoiceMade {
    /// 1-based, as shown.
    pub number: usize,
    pub say: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalate: Option<String>,
    pub best: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    /// The mean of the turns' scores.
    pub score: f64,
    pub pass_mark: f64,
    pub passed: bool,
    pub turns: usize,
    pub time_to_first_reply: f64,
    pub average_seconds: f64,
    pub solved_without_escalation: bool,
    pub final_mood: Option<String>,
}

/// Where `--record PATH` writes: the path itself, or in a directory
/// `<scenario>-<timestamp>.json`.
pub fn record_path(path: &Path, scenario: &str, started: &jiff::Timestamp) -> PathBuf {
    if path.is_dir() {
        let stamp = started.strftime("%Y%m%dT%H%M%SZ");
        let mut name = std::ffi::OsString::from(format!("{scenario}-{stamp}"));
        name.push(".json");
        path.join(name)
    } else {
        path.to_owned()
    }
}

/// Write a transcript atomically, with the permissions a rendered document
/// gets (`render::write`): a reader never sees half a transcript, and a
/// failure leaves no temporary file behind.
pub fn save(transcript: &Transcript, path: &Path) -> Result<(), crate::util::write::WriteError> {
    let mut json = serde_json::to_vec_pretty(transcript).expect("plain data serialises");
    json.push(b'\n');
    crate::util::write::file_atomically(path, &json)
}
