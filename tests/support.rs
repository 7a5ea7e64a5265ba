//! What many test modules share: the binary under test, checking a
//! playbook text in the library, and τ-bench's result file.

use ethos::check::{CheckOptions, Diagnostic, check_source};
use ethos::playbook::{Date, Source};

/// The `ethos` binary, without colour so output compares as text, and in
/// English whatever the machine's locale (a test that wants another
/// language sets `ETHOS_LANG` again).
pub fn ethos() -> assert_cmd::Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("ethos");
    cmd.env("NO_COLOR", "1").env("ETHOS_LANG", "en");
    cmd
}

/// Check options on a fixed day before every fixture's review date.
pub fn check_options() -> CheckOptions {
    CheckOptions {
        today: "2026-01-01".parse::<Date>().expect("a date"),
    }
}

/// `check` of a playbook given as text (named `inline.yaml`).
pub fn check_text(text: &str) -> Vec<Diagnostic> {
    let source = Source {
        name: "inline.yaml".to_owned(),
        text: text.to_owned(),
    };
    check_source(&source, check_options())
}

/// The codes of diagnostics, in order.
pub fn codes(diagnostics: &[Diagnostic]) -> Vec<&'static str> {
    diagnostics.iter().map(|d| d.code.as_str()).collect()
}

/// τ-bench's result file (a JSON array of runs) rebuilt in `dir` from the
/// vendored conversation lines of `tests/fixtures/tau-bench/`: the same runs
/// (`task_id`, `trial`, `reward`, `traj`), `info` left out. What `ethos
/// import tau-bench` reads.
pub fn tau_bench_result_file(dir: &std::path::Path) -> std::path::PathBuf {
    let lines = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tau-bench/airline-gpt-4o.jsonl");
    let text = std::fs::read_to_string(lines).unwrap();
    let runs: Vec<serde_json::Value> = text
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let (task, trial) = v["id"].as_str().unwrap().split_once('/').unwrap();
            serde_json::json!({"task_id": task.parse::<u64>().unwrap(), "trial": trial.parse::<u64>().unwrap(),
                   "reward": v["reward"], "info": {}, "traj": v["messages"]})
        })
        .collect();
    let path = dir.join("gpt-4o-airline.json");
    std::fs::write(&path, serde_json::to_string(&runs).unwrap()).unwrap();
    path
}

/// A command's output read as JSON Lines: one value a line.
pub fn json_lines(stdout: Vec<u8>) -> Vec<serde_json::Value> {
    String::from_utf8(stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}
