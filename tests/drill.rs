//! `ethos drill` from scripted answers, and `ethos report` over transcripts.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use predicates::str::contains;

fn ethos() -> assert_cmd::Command {
    let mut cmd = cargo_bin_cmd!("ethos");
    cmd.env("NO_COLOR", "1");
    cmd
}

/// Answers that fail coffee-gate all the way: a bad welcome, then round the
/// loop (listen, the wrong decision) until the drill stops it.
fn failing() -> String {
    format!(
        "Are you willing to pay for this coffee?\n{}",
        "Hello.\n3\n".repeat(10)
    )
}

/// Passing answers to hotel-a's coffee-gate: welcome, the decision, the
/// reassurance, the farewell.
const PASSING: &str =
    "Oh no, Claire, you're no bother at all! Let me bring fresh towels and a new coffee.
1
Not at all, Claire, it was the wind. A fresh coffee is on its way right now.
My pleasure, Claire. Enjoy the sunshine, and just wave if you need anything.
";

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

fn transcript(path: &Path) -> serde_json::Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn a_passing_scripted_run_ends_with_a_scorecard_and_a_transcript() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "answers.txt", PASSING);
    let record = dir.path().join("run.json");
    let out = ethos()
        .args([
            "drill",
            "--scenario",
            "coffee-gate",
            "--trainee",
            "ana",
            "--answers",
        ])
        .arg(&answers)
        .arg("--record")
        .arg(&record)
        .assert()
        .code(0)
        .stdout(contains("Scorecard"))
        .stdout(contains("Total 100.0 against a pass mark of 80: PASSED"))
        .stdout(contains("Solved without escalation: yes"))
        .stdout(contains("Turns taken: 4"))
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(!text.contains('\u{1b}'), "no colour in scripted output");
    let t = transcript(&record);
    assert_eq!(t["playbook"], "hotel-a");
    assert_eq!(t["scenario"], "coffee-gate");
    assert_eq!(t["trainee"], "ana");
    assert_eq!(t["complete"], true);
    let beats: Vec<&str> = t["turns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["beat"].as_str().unwrap())
        .collect();
    assert_eq!(beats, ["spill", "offer", "on-its-way", "bye"]);
    let offer = &t["turns"][1];
    assert_eq!(offer["choice"]["action"], "replace");
    assert_eq!(offer["choice"]["best"], true);
    for field in ["step", "customer", "verdict", "score", "failed", "seconds"] {
        assert!(t["turns"][0].get(field).is_some(), "turn field {field}");
    }
    assert!(t["started"].as_str().unwrap().ends_with('Z'));
    assert_eq!(t["totals"]["passed"], true);
}

#[test]
fn a_failed_reply_takes_the_fail_branch_and_the_customer_reacts() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(
        dir.path(),
        "answers.txt",
        "Are you willing to pay for this coffee?
You're right, Claire, I'm sorry. Let me help: fresh towels and a new coffee are coming now.
replace
Not at all, Claire, it was the wind. A fresh coffee is on its way right now.
My pleasure, Claire. Enjoy the sunshine, and just wave if you need anything.
",
    );
    ethos()
        .args(["drill", "--scenario", "coffee-gate", "--answers"])
        .arg(&answers)
        .assert()
        .code(0)
        .stdout(contains("✗ fail"))
        .stdout(contains("^^^^^^^^^^^^^^^^^^^^^^ no-money-talk"))
        .stdout(contains(
            "Claire (annoyed): “We only wanted a bit of help, not an interrogation.”",
        ))
        // The total is the mean of the turns' scores: the failed welcome
        // still earned 57.1 for the rules it kept.
        .stdout(contains("│ spill      ┆ welcome  ┆ fail    ┆ 57.1"))
        .stdout(contains("Total 91.4 against a pass mark of 80: PASSED"))
        .stdout(contains("Turns taken: 5"));
}

#[test]
fn a_decision_shows_what_the_policy_says_when_it_is_not_the_best() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(
        dir.path(),
        "answers.txt",
        "Oh no, Claire, you're no bother at all! Let me bring fresh towels and a new coffee.
2
",
    );
    ethos()
        .args(["drill", "--scenario", "coffee-gate", "--answers"])
        .arg(&answers)
        .assert()
        .stdout(contains(
            "The best choice: Bring a fresh coffee and clean towels yourself, no charge",
        ))
        .stdout(contains("unneeded-escalation"))
        .stdout(contains(
            "The policy: The front-line staff may do this on the spot",
        ));
}

#[test]
fn exam_mode_keeps_feedback_to_the_end_and_exits_1_below_the_pass_mark() {
    let dir = tempfile::tempdir().unwrap();
    let failing = write(dir.path(), "bad.txt", &failing());
    let out = ethos()
        .args(["drill", "--scenario", "coffee-gate", "--exam", "--answers"])
        .arg(&failing)
        .assert()
        .code(1)
        .stdout(contains("Feedback"))
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let feedback_at = text.find("\nFeedback").unwrap();
    assert!(
        !text[..feedback_at].contains("✗ fail"),
        "no feedback before the end"
    );
    assert!(!text.contains("Step: "), "no step hints in an exam");
    let passing = write(dir.path(), "good.txt", PASSING);
    ethos()
        .args(["drill", "--scenario", "coffee-gate", "--exam", "--answers"])
        .arg(&passing)
        .assert()
        .code(0);
}

#[test]
fn running_out_of_answers_exits_2_and_saves_the_turns_so_far() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(
        dir.path(),
        "short.txt",
        "Oh no, Claire, you're no bother at all! Let me bring fresh towels and a new coffee.\n",
    );
    let record = dir.path().join("partial.json");
    ethos()
        .args(["drill", "--scenario", "coffee-gate", "--answers"])
        .arg(&answers)
        .arg("--record")
        .arg(&record)
        .assert()
        .code(2)
        .stderr(contains("the answers ran out after 1 line"));
    let t = transcript(&record);
    assert_eq!(t["complete"], false);
    assert_eq!(t["turns"].as_array().unwrap().len(), 1);
}

#[test]
fn a_decision_answer_that_names_no_choice_exits_2_saying_which_do() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(
        dir.path(),
        "a.txt",
        "Oh no, Claire, you're no bother! New towels and coffee now.\nrefund\n",
    );
    ethos()
        .args(["drill", "--scenario", "coffee-gate", "--answers"])
        .arg(&answers)
        .assert()
        .code(2)
        .stderr(contains("answer line 2: `refund` is not a choice: give its number (1 to 3) or an action id (replace)"));
}

#[test]
fn without_scenario_the_first_scripted_line_picks_one() {
    let dir = tempfile::tempdir().unwrap();
    let answers = write(dir.path(), "a.txt", &format!("1\n{PASSING}"));
    ethos()
        .arg("drill")
        .arg("--answers")
        .arg(&answers)
        .assert()
        .code(0)
        .stdout(contains("The wind took the coffee"));
}

#[test]
fn answers_can_come_from_a_pipe() {
    ethos()
        .args(["drill", "--scenario", "coffee-gate"])
        .write_stdin(PASSING)
        .assert()
        .code(0)
        .stdout(contains("PASSED"));
}

#[test]
fn an_unknown_scenario_exits_2_with_did_you_mean() {
    ethos()
        .args(["drill", "--scenario", "cofee-gate"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(contains("did you mean `coffee-gate`?"));
}

#[test]
fn record_into_a_directory_names_the_file_after_scenario_and_time() {
    let dir = tempfile::tempdir().unwrap();
    ethos()
        .args(["drill", "--scenario", "coffee-gate", "--record"])
        .arg(dir.path())
        .write_stdin(PASSING)
        .assert()
        .code(0);
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    let name = &names[0];
    assert!(
        name.starts_with("coffee-gate-") && name.ends_with("Z.json"),
        "{name}"
    );
}

#[test]
fn a_chinese_scenario_drills_in_chinese() {
    let pb = ethos::playbook::load::parse(ethos::playbook::bundled::find("zh-hotel").unwrap().text)
        .unwrap();
    let scenario = &pb.scenarios[0];
    // The models are the passing answers; decisions take their best choice.
    let mut answers = String::new();
    let mut beat = scenario.beats.first();
    while let Some(b) = beat {
        match &b.decide {
            Some(d) => {
                let n = d
                    .choices
                    .iter()
                    .position(ethos::playbook::Choice::is_best)
                    .unwrap()
                    + 1;
                writeln!(answers, "{n}").unwrap();
            }
            None => writeln!(answers, "{}", b.model.as_ref().unwrap().value).unwrap(),
        }
        let next = b.next.as_ref().map(|n| match &n.value {
            ethos::playbook::Next::Always(id) | ethos::playbook::Next::Branch { pass: id, .. } => {
                id.value.clone()
            }
        });
        beat = next.and_then(|id| scenario.beat(&id));
    }
    ethos()
        .args(["drill", "zh-hotel", "--scenario", scenario.id.as_str()])
        .write_stdin(answers)
        .assert()
        .code(0)
        .stdout(contains(scenario.title.as_str()))
        // The drill's own words follow the playbook's language.
        .stdout(contains("您的回复"))
        .stdout(contains("成绩单"))
        .stdout(contains("及格线 80：通过"))
        // So does what the policy decides at the decision.
        .stdout(contains("制度规定：一线员工可以当场决定"));
}

// --- report --------------------------------------------------------------------

fn record_runs(dir: &Path) {
    let failing = failing();
    for (trainee, answers) in [
        ("ana", failing.as_str()),
        ("ana", PASSING),
        ("ben", failing.as_str()),
    ] {
        let out = dir.join(format!(
            "{trainee}-{}.json",
            fs::read_dir(dir).unwrap().count()
        ));
        ethos()
            .args([
                "drill",
                "--scenario",
                "coffee-gate",
                "--trainee",
                trainee,
                "--record",
            ])
            .arg(&out)
            .write_stdin(answers)
            .assert()
            .success();
        // Distinct start times order the attempts.
        std::thread::sleep(std::time::Duration::from_millis(1100));
    }
}

#[test]
fn report_sums_up_attempts_per_trainee_and_scenario() {
    let dir = tempfile::tempdir().unwrap();
    record_runs(dir.path());
    fs::write(dir.path().join("notes.json"), "{\"not\": \"a transcript\"}").unwrap();
    let out = ethos()
        .args(["report", "--format", "json"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(contains("notes.json: skipped, not a drill transcript"))
        .get_output()
        .stdout
        .clone();
    let lines: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let lines = lines.as_array().unwrap();
    assert_eq!(lines.len(), 2);
    let ana = &lines[0];
    assert_eq!(
        (ana["trainee"].as_str(), ana["attempts"].as_u64()),
        (Some("ana"), Some(2))
    );
    assert_eq!(ana["best"], 100.0);
    assert_eq!(ana["last"], 100.0);
    assert_eq!(ana["passed"], true);
    let ben = &lines[1];
    assert_eq!(
        (ben["trainee"].as_str(), ben["passed"].as_bool()),
        (Some("ben"), Some(false))
    );
}

#[test]
fn report_as_csv_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    record_runs(dir.path());
    let out = ethos()
        .args(["report", "--format", "csv"])
        .arg(dir.path())
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "trainee", "playbook", "scenario", "attempts", "best", "last", "passed", "date"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][0], "ana");
    assert_eq!(&rows[0][3], "2");
    ethos()
        .arg("report")
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(contains("coffee-gate"));
}

#[test]
fn report_of_a_folder_without_transcripts_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    ethos()
        .arg("report")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(contains("no drill transcripts here").and(contains("--record")));
}
