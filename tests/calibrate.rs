//! `ethos calibrate`: people's labels against ethos's verdicts: agreement,
//! kappa, the confusion table, per-rule counts and every disagreement.

use crate::support::ethos;

use predicates::str::contains;

/// Four labels; ethos agrees on three. The third the person passed (the note
/// says why), and `no-money-talk` fails it on "it will cost".
const LABELS: &str = r#"{"id": "a", "scenario": "coffee-gate", "beat": "spill", "text": "Oh no, Claire, let me bring you fresh towels and a new coffee.", "human": "pass"}
{"id": "b", "step": "resolve", "text": "Are you willing to pay for this coffee?", "human": "fail", "note": "money talk"}
{"id": "c", "step": "resolve", "text": "Well, it will cost six dollars to replace, right away.", "human": "pass", "note": "honest about the price"}
{"id": "d", "scenario": "coffee-gate", "beat": "bye", "text": "My pleasure, Claire. Enjoy the sunshine, and just wave if you need anything.", "human": "pass"}
"#;

fn labels_file() -> tempfile::NamedTempFile {
    let file = tempfile::Builder::new()
        .suffix(".jsonl")
        .tempfile()
        .unwrap();
    std::fs::write(file.path(), LABELS).unwrap();
    file
}

fn json(args: &[&str], stdin: &str, code: i32) -> serde_json::Value {
    let out = ethos()
        .args(["calibrate", "--playbook", "hotel-a", "--format", "json"])
        .args(args)
        .write_stdin(stdin.to_owned())
        .assert()
        .code(code)
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn three_of_four_agreed_is_75_percent_with_kappa_and_the_table() {
    let out = ethos()
        .args(["calibrate", "--playbook", "hotel-a", "-"])
        .write_stdin(LABELS)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("4 labels: ethos agrees on 3 (75.0%); Cohen's kappa 0.50"),
        "{out}"
    );
    assert!(
        out.contains("│ human pass ┆ 2          ┆ 1          │"),
        "{out}"
    );
    assert!(
        out.contains("│ human fail ┆ 0          ┆ 1          │"),
        "{out}"
    );
}

#[test]
fn min_agreement_fails_below_it_and_passes_above() {
    let file = labels_file();
    let path = file.path().to_str().unwrap();
    ethos()
        .args([
            "calibrate",
            "--playbook",
            "hotel-a",
            "--min-agreement",
            "80",
            path,
        ])
        .assert()
        .code(1);
    ethos()
        .args([
            "calibrate",
            "--playbook",
            "hotel-a",
            "--min-agreement",
            "70",
            path,
        ])
        .assert()
        .code(0);
}

#[test]
fn the_json_has_the_figures_the_table_the_rules_and_the_disagreements() {
    let out = json(&["-"], LABELS, 0);
    assert_eq!(out["labels"], 4);
    assert_eq!(out["agreement"], 75.0);
    assert_eq!(out["kappa"], 0.5);
    assert_eq!(
        out["confusion"],
        serde_json::json!({"both_pass": 2, "human_pass_tool_fail": 1,
                           "human_fail_tool_pass": 0, "both_fail": 1})
    );
    let money = out["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"] == "no-money-talk")
        .unwrap();
    assert_eq!(money["applied"], 4);
    assert_eq!(money["failed_where_human_passed"], 1);
    assert_eq!(money["passed_where_human_failed"], 0);
    assert_eq!(out["errors"], serde_json::json!([]));
    let disagreements = out["disagreements"].as_array().unwrap();
    assert_eq!(disagreements.len(), 1);
    let d = &disagreements[0];
    assert_eq!(d["file"], "standard input");
    assert_eq!(d["line"], 3);
    assert_eq!(d["id"], "c");
    assert_eq!((&d["human"], &d["tool"]), (&"pass".into(), &"fail".into()));
    assert_eq!(d["note"], "honest about the price");
    assert_eq!(d["failed"][0]["rule"], "no-money-talk");
    assert_eq!(d["failed"][0]["matches"][0]["text"], "it will cost");
}

#[test]
fn a_disagreement_in_text_shows_the_reply_the_note_and_the_deciding_words() {
    ethos()
        .args(["calibrate", "--playbook", "hotel-a", "-"])
        .write_stdin(LABELS)
        .assert()
        .code(0)
        .stdout(contains(
            "standard input:3 (id \"c\"), step resolve: human pass, ethos fail",
        ))
        .stdout(contains(
            "reply: Well, it will cost six dollars to replace, right away.",
        ))
        .stdout(contains("note:  honest about the price"))
        .stdout(contains(
            "failed no-money-talk (error): “it will cost”, “cost six dollars”: Never turn a small accident",
        ));
}

#[test]
fn a_tool_pass_the_person_failed_says_no_rule_failed() {
    let label = r#"{"step": "farewell", "text": "Enjoy your stay, Claire, and just wave if you need anything.", "context": {"customer.name": "Claire"}, "human": "fail", "note": "too casual"}"#;
    ethos()
        .args(["calibrate", "--playbook", "hotel-a", "-"])
        .write_stdin(label)
        .assert()
        .code(0)
        .stdout(contains("note:  too casual"))
        .stdout(contains(
            "ethos: no rule failed (passed: use-name, fond-farewell",
        ));
}

#[test]
fn kappa_is_null_and_n_a_when_everyone_says_pass() {
    let label = r#"{"step": "farewell", "text": "Enjoy your stay, Claire, and just wave if you need anything.", "context": {"customer.name": "Claire"}, "human": "pass"}"#;
    let out = json(&["-"], label, 0);
    assert_eq!(out["agreement"], 100.0);
    assert_eq!(out["kappa"], serde_json::Value::Null);
    ethos()
        .args(["calibrate", "--playbook", "hotel-a", "-"])
        .write_stdin(label)
        .assert()
        .code(0)
        .stdout(contains("Cohen's kappa n/a"));
}

#[test]
fn bad_label_lines_are_errors_naming_the_file_and_line_and_exit_2() {
    let file = labels_file();
    let mut bad = tempfile::Builder::new()
        .suffix(".jsonl")
        .tempfile()
        .unwrap();
    std::io::Write::write_all(
        &mut bad,
        concat!(
            "{\"step\": \"welcome\", \"text\": \"Hello\"}\n",
            "{\"step\": \"welcome\", \"text\": \"Hello\", \"human\": \"maybe\"}\n",
            "not json\n",
            "{\"step\": \"welcome\", \"text\": \"Hello\", \"humn\": \"pass\"}\n",
        )
        .as_bytes(),
    )
    .unwrap();
    let bad_path = bad.path().to_str().unwrap().to_owned();
    let out = ethos()
        .args(["calibrate", "--playbook", "hotel-a"])
        .args([file.path().to_str().unwrap(), &bad_path])
        .assert()
        .code(2)
        .stderr(contains(
            "4 label lines could not be used; the figures are of the other 4",
        ))
        .stderr(contains(format!(
            "{bad_path}:1: the line has no `human` label"
        )))
        .stderr(contains(format!("{bad_path}:2: `human` is `maybe`")))
        .stderr(contains(format!("{bad_path}:3: not a JSON object")))
        .stderr(contains(format!("{bad_path}:4: unknown field `humn`")))
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("4 labels: ethos agrees on 3"),
        "the good file is still counted: {out}"
    );
}

#[test]
fn no_labels_at_all_is_exit_2() {
    ethos()
        .args(["calibrate", "--playbook", "hotel-a", "-"])
        .write_stdin("\n")
        .assert()
        .code(2)
        .stderr(contains("no labels"));
}

#[test]
fn a_missing_labels_file_is_exit_2() {
    ethos()
        .args(["calibrate", "--playbook", "hotel-a", "no-such-labels.jsonl"])
        .assert()
        .code(2)
        .stderr(contains("no-such-labels.jsonl"));
}
