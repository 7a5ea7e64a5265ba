//! `ethos grade`: JSON Lines and CSV in, JSON Lines or a summary out, in
//! input order, with bad lines reported and counted.

use std::fmt::Write as _;

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::str::contains;

fn ethos() -> assert_cmd::Command {
    let mut cmd = cargo_bin_cmd!("ethos");
    cmd.env("NO_COLOR", "1");
    cmd
}

fn lines(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

const GOOD: &str = r#"{"id": "a", "step": "welcome", "text": "Oh no, Claire, let me bring you fresh towels and a new coffee.", "context": {"customer.name": "Claire"}}"#;
const BAD: &str =
    r#"{"id": 2, "step": "resolve", "text": "Are you willing to pay for this coffee?"}"#;

#[test]
fn each_reply_gets_a_line_with_id_verdict_score_and_failed() {
    let out = ethos()
        .args(["grade", "--playbook", "hotel-a", "-"])
        .write_stdin(format!("{GOOD}\n{BAD}\n"))
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let out = lines(&out);
    assert_eq!(out.len(), 2);
    assert_eq!(
        out[0],
        serde_json::json!({"id": "a", "verdict": "pass", "score": 100.0, "failed": []})
    );
    assert_eq!(
        out[1]["id"], 2,
        "ids come back as they were given, numbers too"
    );
    assert_eq!(out[1]["verdict"], "fail");
    let failed: Vec<&str> = out[1]["failed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert!(failed.contains(&"no-money-talk"), "{failed:?}");
}

#[test]
fn policy_codes_are_failed_too() {
    let line = r#"{"id": 1, "step": "resolve", "text": "A refund is on its way right away.", "actions": [{"id": "refund", "amount": 800}]}"#;
    let out = ethos()
        .args(["grade", "--playbook", "hotel-a"])
        .write_stdin(line)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let out = lines(&out);
    let failed = out[0]["failed"].as_array().unwrap();
    assert!(failed.contains(&"over-limit".into()), "{failed:?}");
    assert!(failed.contains(&"missed-escalation".into()), "{failed:?}");
}

#[test]
fn output_keeps_input_order_on_many_threads() {
    let mut input = String::new();
    for i in 0..20_000 {
        let line = if i % 3 == 0 {
            BAD.replace("\"id\": 2", &format!("\"id\": {i}"))
        } else {
            GOOD.replace("\"id\": \"a\"", &format!("\"id\": {i}"))
        };
        writeln!(input, "{line}").unwrap();
    }
    let out = ethos()
        .args(["grade", "--playbook", "hotel-a", "--jobs", "4"])
        .write_stdin(input)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let out = lines(&out);
    assert_eq!(out.len(), 20_000);
    for (i, line) in out.iter().enumerate() {
        assert_eq!(line["id"], i, "line {i} out of order");
        assert_eq!(line["verdict"], if i % 3 == 0 { "fail" } else { "pass" });
    }
}

#[test]
fn a_bad_line_gives_an_error_line_with_its_number_and_the_rest_still_count() {
    let input = format!(
        "{GOOD}\nnot json\n{{\"id\": 7, \"step\": \"welcom\", \"text\": \"hi\"}}\n{{\"id\": 8, \"step\": \"welcome\"}}\n\n{BAD}\n"
    );
    let out = ethos()
        .args(["grade", "--playbook", "hotel-a"])
        .write_stdin(input)
        .assert()
        .code(2)
        .stderr(contains("3 lines could not be graded"))
        .get_output()
        .stdout
        .clone();
    let out = lines(&out);
    assert_eq!(out.len(), 5, "a line out per line in, blank lines skipped");
    assert_eq!(out[1]["line"], 2);
    assert!(
        out[1]["error"]
            .as_str()
            .unwrap()
            .contains("not a JSON object")
    );
    assert_eq!(out[2]["line"], 3);
    assert_eq!(out[2]["id"], 7);
    assert!(
        out[2]["error"]
            .as_str()
            .unwrap()
            .contains("did you mean `welcome`?")
    );
    assert_eq!(out[3]["line"], 4);
    assert!(out[3]["error"].as_str().unwrap().contains("no `text`"));
    assert_eq!(out[4]["id"], 2, "grading went on after the bad lines");
}

#[test]
fn explain_adds_the_findings_as_validate_gives_them() {
    let out = ethos()
        .args(["grade", "--playbook", "hotel-a", "--explain"])
        .write_stdin(BAD)
        .assert()
        .get_output()
        .stdout
        .clone();
    let out = lines(&out);
    let line = &out[0];
    assert_eq!(line["id"], 2);
    for field in ["verdict", "score", "findings", "policy", "failed"] {
        assert!(line.get(field).is_some(), "{field}");
    }
    let money = line["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "no-money-talk")
        .unwrap();
    assert_eq!(money["matches"][0]["text"], "Are you willing to pay");
}

#[test]
fn the_summary_has_rates_by_step_and_rule_policy_findings_and_the_worst() {
    let out = ethos()
        .args([
            "grade",
            "--playbook",
            "hotel-a",
            "--summary",
            "--format",
            "json",
        ])
        .write_stdin(format!("{GOOD}\n{BAD}\n{GOOD}\n"))
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let s: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(s["replies"], 3);
    assert_eq!(s["passed"], 2);
    assert_eq!(s["pass_rate"], 66.7);
    let welcome = s["by_step"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["step"] == "welcome")
        .unwrap();
    assert_eq!(
        (welcome["replies"].as_u64(), welcome["pass_rate"].as_f64()),
        (Some(2), Some(100.0))
    );
    let money = s["by_rule"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["rule"] == "no-money-talk")
        .unwrap();
    assert_eq!(
        (money["applied"].as_u64(), money["failed"].as_u64()),
        (Some(3), Some(1))
    );
    assert_eq!(s["worst"][0]["id"], "2");
    assert_eq!(s["policy"].as_array().unwrap().len(), 4);
    ethos()
        .args(["grade", "--playbook", "hotel-a", "--summary"])
        .write_stdin(format!("{GOOD}\n{BAD}\n"))
        .assert()
        .code(0)
        .stdout(contains("2 replies graded: 1 passed (50.0%)"))
        .stdout(contains("By rule"));
}

#[test]
fn fail_under_fails_ci_below_the_pass_rate() {
    let input = format!("{GOOD}\n{BAD}\n");
    ethos()
        .args([
            "grade",
            "--playbook",
            "hotel-a",
            "--summary",
            "--fail-under",
            "60",
        ])
        .write_stdin(input.clone())
        .assert()
        .code(1);
    ethos()
        .args([
            "grade",
            "--playbook",
            "hotel-a",
            "--summary",
            "--fail-under",
            "50",
        ])
        .write_stdin(input.clone())
        .assert()
        .code(0);
    ethos()
        .args(["grade", "--playbook", "hotel-a", "--fail-under", "150"])
        .write_stdin(input)
        .assert()
        .code(2)
        .stderr(contains("percentage"));
}

#[test]
fn csv_input_names_its_columns_in_a_header() {
    let csv = "id,step,text,customer.name,actions\n\
               c1,welcome,\"Oh no, Claire, let me bring you fresh towels and a new coffee.\",Claire,\n\
               c2,resolve,\"A refund is on its way, right away.\",,refund=800\n";
    let out = ethos()
        .args([
            "grade",
            "--playbook",
            "hotel-a",
            "--input-format",
            "csv",
            "-",
        ])
        .write_stdin(csv)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let out = lines(&out);
    assert_eq!(out[0]["id"], "c1");
    assert_eq!(out[0]["verdict"], "pass");
    assert!(
        out[1]["failed"]
            .as_array()
            .unwrap()
            .contains(&"over-limit".into())
    );
}

#[test]
fn chinese_replies_are_graded_against_a_chinese_playbook() {
    let pb = ethos::playbook::load::parse(ethos::playbook::bundled::find("zh-hotel").unwrap().text)
        .unwrap();
    let beat = pb.scenarios[0]
        .beats
        .iter()
        .find(|b| b.model.is_some())
        .unwrap();
    let name = pb.scenarios[0]
        .customer
        .name
        .as_ref()
        .map(|n| n.value.clone())
        .unwrap_or_default();
    let line = serde_json::json!({"id": "zh", "step": beat.step.value, "text": beat.model.as_ref().unwrap().value,
        "context": {"customer.name": name, "message": beat.customer.value}});
    let out = ethos()
        .args(["grade", "--playbook", "zh-hotel"])
        .write_stdin(line.to_string())
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert_eq!(lines(&out)[0]["verdict"], "pass");
}

#[test]
fn a_missing_input_file_exits_2() {
    ethos()
        .args(["grade", "--playbook", "hotel-a", "nope.jsonl"])
        .assert()
        .code(2)
        .stderr(contains("nope.jsonl"));
}
