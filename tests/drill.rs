//! `ethos drill` from scripted answers, and `ethos report` over transcripts.

use crate::support::ethos;

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use predicates::prelude::*;
use predicates::str::contains;

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
        // still earned 81.3 for the rules it kept (its own and the packs').
        .stdout(contains("│ spill      ┆ welcome  ┆ fail    ┆ 81.3"))
        .stdout(contains("Total 96.3 against a pass mark of 80: PASSED"))
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
        .stdout(contains("，及格线80：通过"))
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
            "trainee", "playbook", "scenario", "mode", "attempts", "finished", "best", "last",
            "passed", "date"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][0], "ana");
    assert_eq!(&rows[0][4], "2");
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

// --- hardening (issue 11) ----------------------------------------------------------

#[test]
fn an_echo_hint_names_the_key_facts_of_this_beat_not_the_playbooks_example() {
    let dir = tempfile::tempdir().unwrap();
    // A caring reply that names neither the foot nor the glass.
    let answers = write(
        dir.path(),
        "answers.txt",
        "Oh no, Omar, I'm so sorry! Please sit down, I'll be right with you.\n",
    );
    ethos()
        .args(["drill", "--scenario", "broken-glass", "--answers"])
        .arg(&answers)
        .assert()
        .code(2) // the answers run out after the first beat
        .stdout(contains("✗ acknowledge"))
        .stdout(contains(
            "try: name what you heard, like “foot”, “feet” or “glass”\n",
        ))
        // hotel-a's suggestion is an example from the coffee scenario.
        .stdout(contains("the coffee and the towels").not());
}

/// The customer mentions an injury at the first beat only; the decision
/// comes a beat later. Its best choice is what `check`, which judges each
/// beat by its own customer line, accepts.
const EARLIER_INJURY: &str = r"
playbook: earlier-injury
title: An injury mentioned earlier
company: Test
language: en
owner: QA
review_by: 2099-01-01
philosophy:
  statement: Look after the person first.
  values:
    - id: care
      text: The person comes first.
roles:
  - id: agent
    title: Agent
    may: { comp: 20 }
  - id: manager
    title: Manager
    may: { comp: yes }
actions:
  - id: comp
    title: A treat on the house
    unit: USD
steps:
  - id: listen
    title: Listen
    goal: Hear them out.
    values: [care]
  - id: resolve
    title: Resolve
    goal: Put it right.
    values: [care]
rules:
  - id: own-it
    check: avoid
    phrases: [not my job]
    message: Own the problem.
escalation:
  - id: injury
    when: { customer_says: [cut my hand] }
    to: manager
    within: 5m
    why: An injury is seen by a manager.
scenarios:
  - id: door
    title: The door
    customer: { name: Ada }
    situation: A guest has caught her hand in the terrace door.
    beats:
      - id: ouch
        step: listen
        customer: I think I cut my hand on that door.
        model: Oh no, Ada, let me help you.
        wrong: ['Sorry, doors are not my job.']
        next: tea
      - id: tea
        step: resolve
        customer: Could I have a cup of tea while I wait?
        decide:
          prompt: What do you do?
          choices:
            - say: Bring the tea, on the house
              action: { comp: 5 }
              best: true
            - say: Call the manager
              escalate: manager
            - say: Give her a voucher for the bar
              action: { comp: 10 }
";

#[test]
fn the_policy_at_a_decision_hears_what_the_customer_said_at_earlier_beats() {
    let dir = tempfile::tempdir().unwrap();
    let playbook = write(dir.path(), "earlier.yaml", EARLIER_INJURY);
    let record = dir.path().join("run.json");
    ethos()
        .arg("drill")
        .arg(&playbook)
        .args(["--scenario", "door", "--record"])
        .arg(&record)
        .write_stdin("Oh no, Ada, let me help you.\n3\n")
        .assert()
        .code(0)
        .stdout(contains("missed-escalation"));
    let t = transcript(&record);
    let turns = t["turns"].as_array().unwrap();
    assert_eq!(turns[1]["beat"], "tea");
    assert_eq!(turns[1]["failed"], serde_json::json!(["missed-escalation"]));
}

#[test]
fn a_transcript_is_readable_by_everyone_as_a_new_file_is_and_leaves_nothing_beside_it() {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("runs");
    fs::create_dir(&record).unwrap();
    // Ran out of answers: the turns so far are saved, and nothing else.
    ethos()
        .args(["drill", "--scenario", "coffee-gate", "--record"])
        .arg(&record)
        .write_stdin("Hello.\n")
        .assert()
        .code(2);
    let saved: Vec<_> = fs::read_dir(&record).unwrap().map(Result::unwrap).collect();
    assert_eq!(saved.len(), 1, "{saved:?}");
    let name = saved[0].file_name().to_string_lossy().into_owned();
    assert!(
        name.starts_with("coffee-gate-") && Path::new(&name).extension() == Some("json".as_ref()),
        "{name}"
    );
    // 0644 less the umask, like a rendered document (a temporary file is 0600).
    let probe = dir.path().join("probe");
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o644)
        .open(&probe)
        .unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&saved[0].path()), mode(&probe));
}

fn write_transcript(dir: &Path, name: &str, value: &serde_json::Value) {
    fs::write(dir.join(name), serde_json::to_string_pretty(value).unwrap()).unwrap();
}

/// A transcript as `ethos drill --record` writes it.
fn a_transcript(started: &str, exam: bool, complete: bool, score: f64) -> serde_json::Value {
    serde_json::json!({
        "ethos_transcript": 1,
        "playbook": "hotel-a",
        "playbook_title": "Solve it on the spot at Hotel A",
        "scenario": "coffee-gate",
        "scenario_title": "The wind took the coffee",
        "trainee": "ana",
        "started": started,
        "exam": exam,
        "complete": complete,
        "turns": [],
        "totals": {
            "score": score, "pass_mark": 80.0, "passed": score >= 80.0, "turns": 1,
            "time_to_first_reply": 1.0, "average_seconds": 1.0,
            "solved_without_escalation": true, "final_mood": null
        }
    })
}

#[test]
fn report_tells_finished_drills_from_unfinished_and_exams_from_practice() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write_transcript(
        d,
        "1.json",
        &a_transcript("2026-01-01T10:00:00Z", false, true, 60.0),
    );
    // Interrupted after one perfect turn: not a best score of 100.
    write_transcript(
        d,
        "2.json",
        &a_transcript("2026-01-02T10:00:00Z", false, false, 100.0),
    );
    write_transcript(
        d,
        "3.json",
        &a_transcript("2026-01-03T10:00:00Z", true, true, 90.0),
    );
    // Written before the fields existed: read, as practice, unfinished.
    let mut old = a_transcript("2026-01-04T10:00:00Z", false, true, 95.0);
    old.as_object_mut().unwrap().remove("exam");
    old.as_object_mut().unwrap().remove("complete");
    write_transcript(d, "4.json", &old);
    let out = ethos()
        .args(["report", "--format", "json"])
        .arg(d)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let lines: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(
        lines,
        serde_json::json!([
            {"trainee": "ana", "playbook": "hotel-a", "scenario": "coffee-gate",
             "mode": "exam", "attempts": 1, "finished": 1, "best": 90.0, "last": 90.0,
             "passed": true, "date": "2026-01-03"},
            {"trainee": "ana", "playbook": "hotel-a", "scenario": "coffee-gate",
             "mode": "practice", "attempts": 3, "finished": 1, "best": 60.0, "last": 60.0,
             "passed": false, "date": "2026-01-04"},
        ])
    );
    let out = ethos()
        .args(["report", "--format", "csv"])
        .arg(d)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        headers,
        [
            "trainee", "playbook", "scenario", "mode", "attempts", "finished", "best", "last",
            "passed", "date"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(&rows[1][3], "practice");
    assert_eq!(&rows[1][5], "1");
    ethos().arg("report").arg(d).assert().code(0).stdout(
        contains("mode")
            .and(contains("finished"))
            .and(contains("exam")),
    );
}

#[test]
fn report_of_drills_never_finished_shows_no_score() {
    let dir = tempfile::tempdir().unwrap();
    write_transcript(
        dir.path(),
        "1.json",
        &a_transcript("2026-01-01T10:00:00Z", false, false, 100.0),
    );
    let out = ethos()
        .args(["report", "--format", "json"])
        .arg(dir.path())
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let lines: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(lines[0]["finished"], 0);
    assert_eq!(lines[0]["best"], serde_json::Value::Null);
    ethos()
        .arg("report")
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(contains("—"));
}

/// A scripted drill whose output cannot be written (a full disk) stops with
/// exit 2 and says so, instead of playing on and exiting 0 with nothing shown.
#[cfg(target_os = "linux")]
#[test]
fn a_drill_whose_output_cannot_be_written_is_exit_2_and_says_so() {
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("answers.txt");
    fs::write(&answers, "Oh no, let me help you with that.\n1\n").unwrap();
    let output = std::process::Command::new(assert_cmd::cargo::cargo_bin!("ethos"))
        .args(["drill", "--scenario", "coffee-gate", "--answers"])
        .arg(&answers)
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("cannot write: no space left on device"),
        "{stderr}"
    );
}

// --- every language (issue 13) -------------------------------------------------------

/// The bundled German playbook: a travel centre of a railway.
pub const DE: &str = "de-reisezentrum";

/// The text of a bundled playbook.
pub fn source(id: &str) -> &'static str {
    ethos::playbook::bundled::find(id).unwrap().text
}

/// A bundled playbook, loaded.
pub fn load(id: &str) -> ethos::playbook::Playbook {
    ethos::playbook::load::parse(source(id)).unwrap()
}

/// Every id the playbook's author wrote (and the units of its actions),
/// longest first: the words of another language that output may show.
fn author_ids(pb: &ethos::playbook::Playbook) -> Vec<String> {
    let mut ids: Vec<String> = vec![pb.playbook.value.clone()];
    ids.extend(pb.philosophy.values.iter().map(|v| v.id.value.clone()));
    ids.extend(pb.steps.iter().map(|s| s.id.value.clone()));
    ids.extend(pb.rules.iter().map(|r| r.id.value.clone()));
    ids.extend(pb.roles.iter().map(|r| r.id.value.clone()));
    for action in &pb.actions {
        ids.push(action.id.value.clone());
        ids.extend(action.unit.as_ref().map(|u| u.value.clone()));
    }
    ids.extend(pb.escalation.iter().map(|e| e.id.value.clone()));
    for scenario in &pb.scenarios {
        ids.push(scenario.id.value.clone());
        ids.extend(scenario.beats.iter().map(|b| b.id.value.clone()));
    }
    ids.sort_by_key(|id| std::cmp::Reverse(id.len()));
    ids
}

/// The ASCII words of two letters or more in `text` outside the ids the
/// author wrote: in the output of a Chinese playbook, words of English.
pub fn ascii_words_outside_ids(text: &str, pb: &ethos::playbook::Playbook) -> Vec<String> {
    let mut rest = text.to_owned();
    for id in author_ids(pb) {
        rest = rest.replace(&id, " ");
    }
    let word = regex::Regex::new(r"[A-Za-z]{2,}").unwrap();
    word.find_iter(&rest)
        .map(|m| m.as_str().to_owned())
        .collect()
}

/// The words of a locale's messages (not their ids, arguments or comments).
fn catalog_words(locale: &str) -> std::collections::BTreeSet<String> {
    let placeholder = regex::Regex::new(r"\{[^}]*\}|\*?\[[a-z]+\]").unwrap();
    let word = regex::Regex::new(r"\p{L}{2,}").unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(locale);
    let mut words = std::collections::BTreeSet::new();
    for file in fs::read_dir(dir).unwrap() {
        for line in fs::read_to_string(file.unwrap().path()).unwrap().lines() {
            if line.trim_start().starts_with('#') {
                continue;
            }
            let value = match line.split_once(" = ") {
                Some((id, value)) if !id.starts_with(' ') => value,
                _ => line,
            };
            for w in word.find_iter(&placeholder.replace_all(value, " ")) {
                words.insert(w.as_str().to_lowercase());
            }
        }
    }
    words
}

/// The words of ethos's English messages that `text` (the output of a German
/// playbook) holds outside the author's ids and words: English where German
/// was due. A word both catalogs use ("ethos", "in") does not count.
pub fn english_words_in_german(
    text: &str,
    pb: &ethos::playbook::Playbook,
    source: &str,
) -> Vec<String> {
    let german = catalog_words("de");
    let word = regex::Regex::new(r"\p{L}{2,}").unwrap();
    let authors: std::collections::BTreeSet<String> = word
        .find_iter(source)
        .map(|w| w.as_str().to_lowercase())
        .collect();
    let english: std::collections::BTreeSet<String> = catalog_words("en")
        .into_iter()
        .filter(|w| !german.contains(w) && !authors.contains(w))
        .collect();
    let mut rest = text.to_owned();
    for id in author_ids(pb) {
        rest = rest.replace(&id, " ");
    }
    word.find_iter(&rest)
        .map(|w| w.as_str().to_lowercase())
        .filter(|w| english.contains(w))
        .collect()
}

/// Scripted output with the seconds taken (which vary) blotted out.
fn drill_snapshot(name: &str, text: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"┆ \d+[.,]\d( +)│", "┆ #.#$1│");
    settings.add_filter(r"\d+[.,]\d( ?)(s|秒)\n", "#.#$1$2\n");
    settings.bind(|| insta::assert_snapshot!(name, text));
}

fn drill_output(args: &[&str], answers: &str) -> String {
    let out = ethos()
        .arg("drill")
        .args(args)
        .write_stdin(answers)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn an_english_drill_reads_as_before() {
    let text = drill_output(
        &["--scenario", "coffee-gate"],
        "Are you willing to pay for this coffee, customer?
You're right, Claire, I'm sorry. Let me help: fresh towels and a new coffee are coming now.
2
Not at all, Claire, it was the wind. A fresh coffee is on its way right now.
1
Not at all, Claire, it was the wind. A fresh coffee is on its way right now.
My pleasure, Claire. Enjoy the sunshine, and just wave if you need anything.
",
    );
    drill_snapshot("drill_en", &text);
}

#[test]
fn a_chinese_drill_has_chinese_punctuation_and_no_english_word() {
    let pb = load("zh-hotel");
    let text = drill_output(
        &["zh-hotel", "--scenario", "咖啡被风吹翻"],
        "您愿意为这杯咖啡付钱吗？
我们只是，你去找前台吧
2
陈女士，是我没说好，您别介意。这件事交给我，我马上给您换干净毛巾，新咖啡五分钟内送到。
1
没事。下次杯子别放在桌边了。
不客气，陈女士，这是我们应该做的。祝您二位晒太阳愉快，有需要随时招手叫我。
",
    );
    assert_eq!(
        ascii_words_outside_ids(&text, &pb),
        Vec::<String>::new(),
        "{text}"
    );
    // The issue saw "：:" (a Chinese colon doubled by an English one).
    assert!(!text.contains("：:") && !text.contains(": "), "{text}");
    assert!(
        text.contains("陈女士（尴尬）：「不好意思打扰一下"),
        "{text}"
    );
    drill_snapshot("drill_zh", &text);
}

#[test]
fn a_german_drill_speaks_german() {
    let pb = load(DE);
    let text = drill_output(
        &[DE, "--scenario", "anschluss-verpasst"],
        "Sparpreis ist Sparpreis, da kann ich nichts machen.
Das kann ich gut verstehen, Frau Becker, und es tut mir leid. Ihren Termin in München schaffen Sie, ich kümmere mich sofort darum.
Nein, eine neue Fahrkarte brauchen Sie nicht: Die Zugbindung ist aufgehoben. Der nächste ICE nach München fährt um 15:12 von Gleis 7, ich drucke Ihnen die Verbindung gleich aus.
Wenn Sie eine Entschädigung möchten, müssen Sie das online beantragen.
2
Gern, Frau Becker. Weil Sie mehr als 60 Minuten später in München ankommen, stehen Ihnen 25 Prozent Ihres Fahrpreises als Entschädigung zu, das sind 22,48 Euro. Den Antrag nehme ich gleich hier auf.
1
Sehr gern, Frau Becker. Gute Weiterreise nach München und viel Erfolg bei Ihrem Termin!
",
    );
    assert_eq!(
        english_words_in_german(&text, &pb, source(DE)),
        Vec::<String>::new(),
        "{text}"
    );
    assert!(
        text.contains("Frau Becker (gestresst): „Mein ICE"),
        "{text}"
    );
    assert!(text.contains(" Punkte)"), "{text}");
    drill_snapshot("drill_de", &text);
}

#[test]
fn the_scenario_list_and_a_bad_answer_are_worded_in_the_playbooks_language() {
    let out = ethos()
        .args(["drill", "zh-hotel", "--scenario", "咖啡被风吹翻"])
        .write_stdin("陈女士您好，别担心，一点都不打扰！我这就给您二位换上干净毛巾，再送一杯新咖啡过来。\n九\n")
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("第2行回答：「九」不是选项：请写选项编号（1到3）或操作名（免费更换）"),
        "{stderr}"
    );
    let pb = load("zh-hotel");
    let menu = ethos::drill::scenario_menu(&pb, ethos::words::Words::of(&pb));
    assert!(
        menu[0].starts_with("风把咖啡吹翻了——步骤：问候、负责、解决、道别 · "),
        "{menu:?}"
    );
    assert_eq!(
        ascii_words_outside_ids(&menu.join("\n"), &pb),
        Vec::<String>::new()
    );
    let pb = load(DE);
    let menu = ethos::drill::scenario_menu(&pb, ethos::words::Words::of(&pb));
    assert!(menu[0].ends_with("(6 Szenen, 1 Entscheidung)"), "{menu:?}");
}

#[test]
fn report_speaks_the_language_its_drills_were_in() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("zh.json");
    ethos()
        .args([
            "drill",
            "zh-hotel",
            "--scenario",
            "咖啡被风吹翻",
            "--trainee",
            "小王",
            "--record",
        ])
        .arg(&record)
        .write_stdin("您好\n")
        .assert()
        .code(2);
    assert_eq!(transcript(&record)["language"], "zh-CN");
    let out = ethos().arg("report").arg(dir.path()).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("学员") && text.contains("练习"), "{text}");
    assert_eq!(
        ascii_words_outside_ids(&text, &load("zh-hotel")),
        Vec::<String>::new(),
        "{text}"
    );
}
