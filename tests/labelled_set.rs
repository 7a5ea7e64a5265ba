//! The repo's labelled sets: replies written and labelled by people from each
//! bundled playbook's philosophy.
//!
//! - `tests/labelled/*.jsonl`, the tuned set: the playbooks were tuned on it, so
//!   ethos must agree on at least 9 replies in 10 over the whole set (Cohen's
//!   kappa at least 0.75), and on at least 8 in 10 for every playbook.
//! - `tests/labelled/holdout/*.jsonl`, the held-out set: written blind to the
//!   tool and never tuned on. Its floors are lower, and are the measured
//!   agreement less a margin: they catch a playbook change that makes ethos
//!   disagree more with replies nobody tuned for.

use assert_cmd::cargo::cargo_bin_cmd;
use std::path::Path;

/// The least agreement (percent) for each playbook, and over the whole set,
/// and the least Cohen's kappa over the whole set.
struct Floors {
    per_playbook: f64,
    overall: f64,
    kappa: f64,
}

const TUNED: Floors = Floors {
    per_playbook: 80.0,
    overall: 90.0,
    kappa: 0.75,
};

// Measured on the held-out set when it was written (README, "Verdicts people
// can trust"), less a margin.
const HELD_OUT_PER_PLAYBOOK: f64 = 75.0;
const HELD_OUT_OVERALL: f64 = 85.0;
const HELD_OUT_KAPPA: f64 = 0.7;

const HELD_OUT: Floors = Floors {
    per_playbook: HELD_OUT_PER_PLAYBOOK,
    overall: HELD_OUT_OVERALL,
    kappa: HELD_OUT_KAPPA,
};

/// The confusion table of people (rows) against ethos (columns).
#[derive(Default)]
struct Confusion {
    both_pass: f64,
    human_pass_tool_fail: f64,
    human_fail_tool_pass: f64,
    both_fail: f64,
}

impl Confusion {
    fn add(&mut self, json: &serde_json::Value) {
        let n = |key: &str| json["confusion"][key].as_f64().unwrap();
        self.both_pass += n("both_pass");
        self.human_pass_tool_fail += n("human_pass_tool_fail");
        self.human_fail_tool_pass += n("human_fail_tool_pass");
        self.both_fail += n("both_fail");
    }

    fn total(&self) -> f64 {
        self.both_pass + self.human_pass_tool_fail + self.human_fail_tool_pass + self.both_fail
    }

    fn agreement(&self) -> f64 {
        100.0 * (self.both_pass + self.both_fail) / self.total()
    }

    fn kappa(&self) -> f64 {
        let total = self.total();
        let observed = (self.both_pass + self.both_fail) / total;
        let human_pass = (self.both_pass + self.human_pass_tool_fail) / total;
        let tool_pass = (self.both_pass + self.human_fail_tool_pass) / total;
        let expected = human_pass * tool_pass + (1.0 - human_pass) * (1.0 - tool_pass);
        (observed - expected) / (1.0 - expected)
    }
}

/// The bundled playbook a labelled file is about: its file name, except the
/// starter's set, named after the playbook `ethos init` writes.
fn playbook_of(file: &Path) -> String {
    let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
    if stem == "my-service" {
        "playbooks/starter/starter.yaml".to_owned()
    } else {
        stem
    }
}

/// Calibrates every labelled file in `dir` against its bundled playbook and
/// checks the agreement against `floors`.
fn assert_agreement(dir: &str, floors: &Floors, min_replies: f64) {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 10,
        "{dir}: every bundled playbook has a labelled set"
    );
    let mut overall = Confusion::default();
    let mut below = Vec::new();
    for file in &files {
        let out = cargo_bin_cmd!("ethos")
            .args(["calibrate", "--format", "json", "--playbook"])
            .arg(playbook_of(file))
            .arg(file)
            .arg("--min-agreement")
            .arg(floors.per_playbook.to_string())
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            json["errors"],
            serde_json::json!([]),
            "{}: every label line reads",
            file.display()
        );
        if out.status.code() != Some(0) {
            below.push(format!("{}: {:.1}%", file.display(), json["agreement"]));
        }
        overall.add(&json);
    }
    assert!(
        below.is_empty(),
        "{dir}: below {}%: {below:?}",
        floors.per_playbook
    );
    assert!(
        overall.total() >= min_replies,
        "{dir}: at least {min_replies} labelled replies"
    );
    assert!(
        overall.agreement() >= floors.overall,
        "{dir}: overall agreement {:.1}% is below {}%",
        overall.agreement(),
        floors.overall
    );
    assert!(
        overall.kappa() >= floors.kappa,
        "{dir}: overall kappa {:.3} is below {}",
        overall.kappa(),
        floors.kappa
    );
}

#[test]
fn ethos_agrees_with_the_labelled_set_per_playbook_and_overall() {
    assert_agreement("tests/labelled", &TUNED, 300.0);
}

#[test]
fn ethos_agrees_with_the_held_out_set_per_playbook_and_overall() {
    assert_agreement("tests/labelled/holdout", &HELD_OUT, 160.0);
}
