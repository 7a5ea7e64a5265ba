//! Escalating in words (handoff phrases), the `escalated` context key, and
//! free replies that declare nothing they did (`escalation-not-shown`):
//! `shared/spec/PLAYBOOK.md`, "Escalating in words" (v2).

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;

const CAFE: &str = "tests/fixtures/handoff/cafe.yaml";
const ZH: &str = "tests/fixtures/validate/zh-hotel.yaml";
const INJURY: &str = "message=I cut my finger on the cup";

fn validate(args: &[&str]) -> (i32, Value) {
    let out = cargo_bin_cmd!("ethos")
        .env("NO_COLOR", "1")
        .args([
            "validate",
            "--playbook",
            CAFE,
            "--step",
            "resolve",
            "--format",
            "json",
        ])
        .args(args)
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code().unwrap(), json)
}

fn codes(json: &Value) -> Vec<&str> {
    json["policy"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect()
}

#[test]
fn a_handoff_phrase_counts_as_escalating_to_its_role() {
    // The injury needs the duty manager; the reply hands it there in words.
    let (code, json) = validate(&["--set", INJURY, "So sorry, I'll get my manager right now."]);
    assert_eq!(code, 0, "{json:#}");
    assert!(codes(&json).is_empty(), "{json:#}");
    // Whole words only, normalised as every phrase is: “Get  MY manager”.
    let (_, json) = validate(&["--set", INJURY, "Sorry, let me Get  MY manager."]);
    assert!(codes(&json).is_empty(), "{json:#}");
    let (_, json) = validate(&["--set", INJURY, "Sorry, I'll forget my managerial duties."]);
    assert_eq!(codes(&json), ["escalation-not-shown"], "{json:#}");
}

#[test]
fn the_most_senior_role_whose_phrase_occurs_wins() {
    // Both roles' phrases occur and no rule holds, so the handoff is
    // unneeded, and the finding names the role it went to: the senior one.
    let (code, json) = validate(&["Sorry, I'll get my manager and call the general manager."]);
    assert_eq!(codes(&json), ["unneeded-escalation"], "{json:#}");
    assert_eq!(json["policy"][0]["to"], "general-manager");
    assert_eq!(code, 0, "a warning does not fail the reply");
    // With the press in the message, the senior one is what it needs.
    let (code, json) = validate(&[
        "--set",
        "message=A journalist is here",
        "Sorry, I'll get my manager and call the general manager.",
    ]);
    assert_eq!(code, 0, "{json:#}");
    assert!(codes(&json).is_empty(), "{json:#}");
}

#[test]
fn a_worded_escalation_too_junior_is_still_a_missed_escalation() {
    let (code, json) = validate(&[
        "--set",
        "message=A journalist from the newspaper is here",
        "Sorry, I'll get my manager.",
    ]);
    assert_eq!(code, 1, "{json:#}");
    assert_eq!(codes(&json), ["missed-escalation"]);
    assert_eq!(json["policy"][0]["to"], "general-manager");
}

#[test]
fn a_negated_handoff_phrase_does_not_escalate() {
    let (_, json) = validate(&["--set", INJURY, "Sorry, I can't get my manager today."]);
    assert_eq!(codes(&json), ["escalation-not-shown"], "{json:#}");
}

#[test]
fn a_reply_that_declares_nothing_is_judged_by_its_rules_and_told_what_is_required() {
    let (code, json) = validate(&["--set", INJURY, "So sorry, let me help you."]);
    assert_eq!(code, 0, "{json:#}");
    assert_eq!(json["verdict"], "pass");
    assert_eq!(codes(&json), ["escalation-not-shown"]);
    let p = &json["policy"][0];
    assert_eq!(p["severity"], "info");
    assert_eq!(p["to"], "duty-manager");
    assert_eq!(p["because"], serde_json::json!(["injury"]));
    // The decision says what the policy requires.
    let decision = json["decision"].as_str().unwrap();
    assert!(
        decision.contains("duty manager") && decision.contains("within 5 minutes"),
        "{decision}"
    );
    // Its words still decide: no apology fails it.
    let (code, json) = validate(&["--set", INJURY, "Let me help you."]);
    assert_eq!(code, 1);
    assert_eq!(codes(&json), ["escalation-not-shown"]);
}

#[test]
fn declared_escalations_and_actions_are_judged_as_before() {
    // Escalating too low is missed, whatever else the reply does.
    let (code, json) = validate(&[
        "--set",
        "message=A journalist is here",
        "--escalate",
        "duty-manager",
        "Sorry.",
    ]);
    assert_eq!(code, 1);
    assert_eq!(codes(&json), ["missed-escalation"]);
    // An action declared with an injury: the missed escalation fails it.
    let (code, json) = validate(&["--set", INJURY, "--action", "replace=4", "Sorry."]);
    assert_eq!(code, 1);
    assert_eq!(codes(&json), ["missed-escalation"]);
    // Over the limit fails, with or without an injury.
    let (code, json) = validate(&["--action", "refund=50", "Sorry."]);
    assert_eq!(code, 1);
    assert_eq!(codes(&json), ["over-limit"]);
}

#[test]
fn escalated_meets_an_escalation_up_to_that_role() {
    let (code, json) = validate(&[
        "--set",
        INJURY,
        "--set",
        "escalated=duty-manager",
        "--action",
        "replace=4",
        "Sorry.",
    ]);
    assert_eq!(code, 0, "{json:#}");
    assert!(codes(&json).is_empty(), "{json:#}");
    // Not above it: the press still goes to the general manager.
    let (code, json) = validate(&[
        "--set",
        "message=I cut my hand and a journalist saw it",
        "--set",
        "escalated=duty-manager",
        "--action",
        "replace=4",
        "Sorry.",
    ]);
    assert_eq!(code, 1);
    assert_eq!(codes(&json), ["missed-escalation"]);
    assert_eq!(json["policy"][0]["to"], "general-manager");
}

#[test]
fn an_unknown_escalated_role_is_exit_2_with_a_did_you_mean() {
    let out = cargo_bin_cmd!("ethos")
        .args(["validate", "--playbook", CAFE, "--step", "resolve"])
        .args(["--set", "escalated=duty-manger", "Sorry."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean `duty-manager`?"), "{err}");
}

fn grade(line: &str) -> Value {
    let out = cargo_bin_cmd!("ethos")
        .args(["grade", "--playbook", CAFE])
        .write_stdin(line)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stderr)))
}

#[test]
fn grade_no_longer_fails_a_good_reply_that_declares_nothing() {
    let graded = grade(
        r#"{"id": 1, "step": "resolve", "text": "So sorry, let me help.", "context": {"message": "I cut my hand"}}"#,
    );
    assert_eq!(graded["verdict"], "pass", "{graded}");
    assert_eq!(graded["failed"], serde_json::json!([]));
    // Handing it on too low, in words or declared, still fails.
    let graded = grade(
        r#"{"id": 2, "step": "resolve", "text": "So sorry, I'll get my manager.", "context": {"message": "a journalist is here"}}"#,
    );
    assert_eq!(graded["failed"], serde_json::json!(["missed-escalation"]));
    let graded = grade(
        r#"{"id": 3, "step": "resolve", "text": "Sorry.", "escalate": "duty-manager", "context": {"message": "a journalist is here"}}"#,
    );
    assert_eq!(graded["verdict"], "fail");
    assert_eq!(graded["failed"], serde_json::json!(["missed-escalation"]));
    let graded = grade(
        r#"{"id": 4, "step": "resolve", "text": "Sorry.", "actions": [{"id": "refund", "amount": 50}]}"#,
    );
    assert_eq!(graded["failed"], serde_json::json!(["over-limit"]));
}

#[test]
fn grade_honours_escalated_in_the_context() {
    let graded = grade(
        r#"{"id": 1, "step": "resolve", "text": "Sorry.", "actions": [{"id": "replace", "amount": 4}], "context": {"message": "I cut my hand", "escalated": "duty-manager"}}"#,
    );
    assert_eq!(graded["verdict"], "pass", "{graded}");
}

fn drill(scenario: &str, answers: &str) -> (String, Value) {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("t.json");
    let out = cargo_bin_cmd!("ethos")
        .args(["drill", CAFE, "--scenario", scenario, "--record"])
        .arg(&record)
        .write_stdin(answers)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let transcript = serde_json::from_str(&std::fs::read_to_string(&record).unwrap()).unwrap();
    (String::from_utf8(out.stdout).unwrap(), transcript)
}

#[test]
fn after_an_escalating_decision_later_beats_do_not_ask_for_it_again() {
    let (out, transcript) = drill("cut-then-plaster", "1\n1\n");
    // The injury is still in the conversation at the second beat, but the
    // case is with the duty manager: its best choice breaks nothing.
    assert_eq!(
        transcript["turns"][1]["failed"],
        serde_json::json!([]),
        "{out}"
    );
    assert!(out.contains("within their limit"), "{out}");
}

#[test]
fn after_a_handoff_in_words_later_beats_do_not_ask_for_it_again() {
    let (out, transcript) = drill(
        "worded-then-drink",
        "I'm so sorry, Dana, I'm calling the duty manager now.\n1\n",
    );
    assert_eq!(transcript["turns"][0]["verdict"], "pass", "{out}");
    assert_eq!(
        transcript["turns"][1]["failed"],
        serde_json::json!([]),
        "{out}"
    );
    // Without the handoff, the reply passes on its words, is told what the
    // policy requires, and the next beat still asks for it.
    let (out, transcript) = drill("worded-then-drink", "I'm so sorry, Dana.\n1\n");
    assert_eq!(transcript["turns"][0]["verdict"], "pass", "{out}");
    assert_eq!(transcript["turns"][0]["failed"], serde_json::json!([]));
    assert!(out.contains("ℹ escalation-not-shown"), "{out}");
    assert_eq!(
        transcript["turns"][1]["failed"],
        serde_json::json!(["missed-escalation"])
    );
}

#[test]
fn human_output_shows_escalation_not_shown_in_chinese_for_a_chinese_playbook() {
    let out = cargo_bin_cmd!("ethos")
        .env("NO_COLOR", "1")
        .args([
            "validate",
            "--playbook",
            ZH,
            "--scenario",
            "烫伤",
            "--beat",
            "叫人",
        ])
        .arg("李先生，非常抱歉，我这就来帮您处理。")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "ℹ 未表明升级（交给值班经理；升级规则`受伤`）：回复没有表明已把此事交给值班经理"
        ),
        "{text}"
    );
    let en = cargo_bin_cmd!("ethos")
        .env("NO_COLOR", "1")
        .args([
            "validate",
            "--playbook",
            CAFE,
            "--step",
            "resolve",
            "--set",
            INJURY,
        ])
        .arg("So sorry.")
        .output()
        .unwrap();
    let en = String::from_utf8(en.stdout).unwrap();
    assert!(
        en.contains("ℹ escalation-not-shown (to `duty-manager`; escalation rule `injury`): The reply does not show the case going to the duty manager"),
        "{en}"
    );
}
