//! The repo's labelled set (`tests/labelled/*.jsonl`): replies written and
//! labelled by people from each bundled playbook's philosophy. ethos must agree
//! with them on at least 9 replies in 10 over the whole set (Cohen's kappa at
//! least 0.75), and on at least 8 in 10 for every playbook.

use assert_cmd::cargo::cargo_bin_cmd;
use std::path::Path;

const MIN_AGREEMENT_PER_PLAYBOOK: f64 = 80.0;
const MIN_AGREEMENT_OVERALL: f64 = 90.0;
const MIN_KAPPA_OVERALL: f64 = 0.75;

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

#[test]
fn ethos_agrees_with_the_labelled_set_per_playbook_and_overall() {
    let mut files: Vec<_> = std::fs::read_dir("tests/labelled")
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 10,
        "every bundled playbook has a labelled set"
    );
    let mut overall = Confusion::default();
    let mut below = Vec::new();
    for file in &files {
        let out = cargo_bin_cmd!("ethos")
            .args(["calibrate", "--format", "json", "--playbook"])
            .arg(playbook_of(file))
            .arg(file)
            .arg("--min-agreement")
            .arg(MIN_AGREEMENT_PER_PLAYBOOK.to_string())
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
        "below {MIN_AGREEMENT_PER_PLAYBOOK}%: {below:?}"
    );
    assert!(overall.total() >= 300.0, "at least 300 labelled replies");
    assert!(
        overall.agreement() >= MIN_AGREEMENT_OVERALL,
        "overall agreement {:.1}% is below {MIN_AGREEMENT_OVERALL}%",
        overall.agreement()
    );
    assert!(
        overall.kappa() >= MIN_KAPPA_OVERALL,
        "overall kappa {:.3} is below {MIN_KAPPA_OVERALL}",
        overall.kappa()
    );
}
