//! `ethos grade`: JSON Lines and CSV in, JSON Lines or a summary out, in
//! input order, with bad lines reported and counted.

use crate::support::ethos;

use std::fmt::Write as _;

use predicates::str::contains;

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

/// Lines of a Chinese playbook: one good, one with a misspelt step, one
/// that is not an object.
const ZH_LINES: &str = concat!(
    r#"{"id": "a", "step": "问候", "text": "您好，欢迎光临。"}"#,
    "\n",
    r#"{"id": "b", "step": "问好", "text": "您好"}"#,
    "\n[1]\n",
);

#[test]
fn a_chinese_playbooks_summary_and_its_bad_lines_are_in_chinese() {
    let assert = ethos()
        .args(["grade", "--playbook", "zh-hotel", "--summary", "-"])
        .write_stdin(ZH_LINES)
        .assert()
        .code(2);
    let output = assert.get_output();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.starts_with("共评判1条回复：1条通过（100.0%）"),
        "{stdout}"
    );
    assert!(stdout.contains("；2行无法评判"), "{stdout}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr,
        "错误：有2行无法评判；其余1行已评判\n\
         \x20 第2行：未知的步骤`问好`：您是不是想写`问候`？\n\
         \x20 第3行：每行应是一个 JSON 对象，但这里是数组\n"
    );
}

#[test]
fn the_error_of_a_json_line_stays_english_for_programs_whatever_the_playbooks_language() {
    let out = ethos()
        .args(["grade", "--playbook", "zh-hotel", "-"])
        .write_stdin(ZH_LINES)
        .assert()
        .code(2)
        .get_output()
        .stdout
        .clone();
    let out = lines(&out);
    assert_eq!(
        out[1],
        serde_json::json!({"line": 2, "id": "b", "error": "unknown step `问好`: did you mean `问候`?"})
    );
    // An array has no id, though serde would read its first item as one.
    assert_eq!(
        out[2],
        serde_json::json!({"line": 3, "error": "expected one JSON object a line, found an array"})
    );
}

#[test]
fn a_german_playbooks_bad_lines_are_in_german() {
    let line = r#"{"id": 1, "step": "begruessen", "text": "Guten Tag", "escalate": "chef"}"#;
    ethos()
        .args(["grade", "--playbook", "de-reisezentrum", "-"])
        .write_stdin(format!("{line}\n"))
        .assert()
        .code(2)
        .stderr(contains(
            "Fehler: 1 Zeile konnte nicht bewertet werden; die übrigen 0 wurden bewertet",
        ))
        .stderr(contains(
            "  Zeile 1: Unbekannte Rolle zum Eskalieren `chef`: ",
        ));
}

#[test]
fn a_missing_input_file_exits_2() {
    ethos()
        .args(["grade", "--playbook", "hotel-a", "nope.jsonl"])
        .assert()
        .code(2)
        .stderr(contains("nope.jsonl"));
}

// Hardening (issue 11): no hang, no panic, no silent loss.

/// Run `cmd` to the end, failing the test (not hanging the suite) if it
/// takes longer than a minute.
fn finishes(cmd: &mut assert_cmd::Command) -> assert_cmd::assert::Assert {
    let assert = cmd.timeout(std::time::Duration::from_secs(60)).assert();
    let output = assert.get_output();
    assert!(
        output.status.code().is_some(),
        "ethos did not finish (killed after the timeout): {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert
}

fn good_line(id: usize, text_bytes: usize) -> String {
    let mut text = "Oh no, Claire, let me bring you fresh towels and a new coffee.".to_owned();
    while text.len() < text_bytes {
        text.push_str(" Thank you for telling me.");
    }
    serde_json::json!({"id": id, "step": "welcome", "text": text, "context": {"customer.name": "Claire"}})
        .to_string()
}

#[test]
fn a_line_longer_than_a_batch_is_graded_and_one_over_the_limit_is_refused_alone() {
    // 300 KiB is more than a batch (256 KiB): this hung before.
    let input = format!(
        "{}\n{}\n{}\n{}",
        good_line(1, 10),
        good_line(2, 300 * 1024),
        good_line(3, 2 * 1024 * 1024),
        good_line(4, 10) // the last line, without its `\n`
    );
    let out = finishes(
        ethos()
            .args(["grade", "--playbook", "hotel-a", "--jobs", "2"])
            .write_stdin(input.clone()),
    )
    .code(2)
    .stderr(contains("line 3: the line is"))
    .stderr(contains("1 line could not be graded"))
    .get_output()
    .stdout
    .clone();
    let out = lines(&out);
    assert_eq!(out.len(), 4, "{out:?}");
    assert_eq!(out[1]["id"], 2);
    assert_eq!(out[1]["verdict"], "pass");
    assert_eq!(out[2]["line"], 3);
    assert!(
        out[2]["error"]
            .as_str()
            .unwrap()
            .contains("--max-line-bytes"),
        "{}",
        out[2]
    );
    assert_eq!(out[3]["id"], 4, "the lines after it are graded");
    // The limit is the user's to choose.
    let out = finishes(
        ethos()
            .args([
                "grade",
                "--playbook",
                "hotel-a",
                "--max-line-bytes",
                "4000000",
            ])
            .write_stdin(input),
    )
    .code(0)
    .get_output()
    .stdout
    .clone();
    assert_eq!(lines(&out).len(), 4);
}

#[test]
fn a_line_over_a_small_limit_is_refused_in_the_middle_of_a_batch() {
    let input = format!(
        "{}\n{}\n{}\n",
        good_line(1, 10),
        good_line(2, 500),
        good_line(3, 10)
    );
    let out = finishes(
        ethos()
            .args(["grade", "--playbook", "hotel-a", "--max-line-bytes", "300"])
            .write_stdin(input),
    )
    .code(2)
    .get_output()
    .stdout
    .clone();
    let out = lines(&out);
    assert_eq!(
        (out[0]["id"].clone(), out[2]["id"].clone()),
        (1.into(), 3.into())
    );
    assert_eq!(out[1]["line"], 2);
    assert!(
        out[1]["error"]
            .as_str()
            .unwrap()
            .contains("more than --max-line-bytes (300)")
    );
}

#[test]
fn a_file_of_one_endless_line_is_refused_without_reading_it_into_memory() {
    let input = "x".repeat(3 * 1024 * 1024);
    finishes(
        ethos()
            .args(["grade", "--playbook", "hotel-a", "--max-line-bytes", "1000"])
            .write_stdin(input),
    )
    .code(2)
    .stderr(contains("line 1: the line is 3145728 bytes long"));
}

/// `ethos grade FILE | head -1`: the process ends once its reader is gone.
#[test]
fn a_closed_stdout_ends_grading_at_once_with_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("replies.jsonl");
    let mut input = String::new();
    for i in 0..60_000 {
        writeln!(input, "{}", good_line(i, 100)).unwrap();
    }
    std::fs::write(&path, input).unwrap();
    for jobs in ["1", "3"] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("ethos"))
            .args(["grade", "--playbook", "hotel-a", "--jobs", jobs])
            .arg(&path)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        std::io::BufRead::read_line(&mut stdout, &mut first).unwrap();
        assert!(first.contains("\"verdict\""), "{first}");
        drop(stdout); // as `head -1` does
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break Some(status);
            }
            if std::time::Instant::now() > deadline {
                child.kill().unwrap();
                break None;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        let status = status.expect("ethos grade kept running after its stdout closed");
        assert_eq!(status.code(), Some(0), "--jobs {jobs}");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_exit_2_and_says_so() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let mut input = String::new();
    for i in 0..5_000 {
        writeln!(input, "{}", good_line(i, 100)).unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("replies.jsonl");
    std::fs::write(&path, input).unwrap();
    let output = std::process::Command::new(assert_cmd::cargo::cargo_bin!("ethos"))
        .args(["grade", "--playbook", "hotel-a", "-"])
        .stdin(std::fs::File::open(&path).unwrap())
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

/// Every command that prints goes through one writer: a full disk is named.
#[cfg(target_os = "linux")]
#[test]
fn every_printing_command_says_when_the_disk_is_full() {
    for args in [
        &["list"][..],
        &["schema"],
        &["show"],
        &["validate", "--step", "welcome", "Hello"],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let output = std::process::Command::new(assert_cmd::cargo::cargo_bin!("ethos"))
            .args(args)
            .stdout(full)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("cannot write: no space left on device"),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn a_json_array_is_not_a_reply() {
    let input = format!("[\"r1\",\"welcome\",\"Hello\"]\n{GOOD}\n\"text\"\n");
    let out = ethos()
        .args(["grade", "--playbook", "hotel-a"])
        .write_stdin(input)
        .assert()
        .code(2)
        .stderr(contains(
            "line 1: expected one JSON object a line, found an array",
        ))
        .get_output()
        .stdout
        .clone();
    let out = lines(&out);
    assert_eq!(out[0]["line"], 1);
    assert!(out[0].get("verdict").is_none(), "{}", out[0]);
    assert_eq!(out[1]["verdict"], "pass");
    assert_eq!(
        out[2]["error"],
        "expected one JSON object a line, found a text"
    );
}

#[test]
fn numeric_flags_refuse_values_that_make_no_sense() {
    for (flag, value) in [
        ("--jobs", "0"),
        ("--jobs", "100000"),
        ("--max-line-bytes", "0"),
        ("--fail-under", "150"),
        ("--fail-under", "NaN"),
    ] {
        ethos()
            .args(["grade", "--playbook", "hotel-a", flag, value])
            .write_stdin(GOOD)
            .assert()
            .code(2)
            .stderr(contains(flag));
    }
}

fn grade_csv(csv: &[u8], extra: &[&str]) -> (i32, Vec<serde_json::Value>, String) {
    let output = finishes(
        ethos()
            .args(["grade", "--playbook", "hotel-a", "--input-format", "csv"])
            .args(extra)
            .write_stdin(csv.to_vec()),
    )
    .get_output()
    .clone();
    (
        output.status.code().unwrap(),
        lines(&output.stdout),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

const CSV_GOOD: &str = "\"Oh no, Claire, let me bring you fresh towels and a new coffee.\",Claire";

#[test]
fn csv_an_unclosed_quote_is_reported_on_its_line_and_the_rows_after_it_are_graded() {
    let csv = format!(
        "id,step,text,customer.name\n\
         r1,welcome,{CSV_GOOD}\n\
         r2,welcome,\"Oh no, Claire, a quote never closed,Claire\n\
         r3,welcome,{CSV_GOOD}\n\
         r4,welcome,{CSV_GOOD}\n"
    );
    let (code, out, stderr) = grade_csv(csv.as_bytes(), &[]);
    assert_eq!(code, 2, "{stderr}");
    let ids: Vec<_> = out.iter().map(|l| l["id"].clone()).collect();
    assert_eq!(
        serde_json::Value::from(ids),
        serde_json::json!(["r1", null, "r3", "r4"]),
        "{out:?}"
    );
    assert_eq!(out[1]["line"], 3);
    assert!(
        out[1]["error"]
            .as_str()
            .unwrap()
            .contains("opens on line 3 is not closed"),
        "{}",
        out[1]
    );
    assert_eq!(out[2]["verdict"], "pass");
    assert_eq!(stderr.matches("line 3:").count(), 1, "once: {stderr}");
}

#[test]
fn csv_a_quote_that_runs_into_a_later_row_is_caught() {
    let csv = format!(
        "id,step,text,customer.name\n\
         r1,welcome,\"Oh no, never closed,Claire\n\
         r2,welcome,{CSV_GOOD}\n"
    );
    let (code, out, _) = grade_csv(csv.as_bytes(), &[]);
    assert_eq!(code, 2);
    assert_eq!(out[0]["line"], 2);
    assert_eq!(out[1]["id"], "r2");
    assert_eq!(out[1]["verdict"], "pass");
}

#[test]
fn csv_errors_name_the_input_line_not_the_record_number() {
    let csv = b"id,step,text,customer.name\n\
               r1,welcome,\"Oh no, Claire,\nlet me bring you fresh towels\nand a new coffee.\",Claire\n\
               r2,welcome,too,many,fields\n\
               r3,welcome,\"Hello \xff\",Claire\n\
               r4,welcome,short\n";
    let (code, out, stderr) = grade_csv(csv, &[]);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(out[0]["id"], "r1", "a quoted field may span lines");
    assert_eq!(out[1]["line"], 5, "{out:?}");
    assert!(
        out[1]["error"]
            .as_str()
            .unwrap()
            .contains("the row has 5 fields, but the header names 4 columns")
    );
    assert_eq!(out[2]["line"], 6);
    assert!(
        out[2]["error"]
            .as_str()
            .unwrap()
            .contains("the `text` field is not UTF-8")
    );
    assert_eq!(out[3]["line"], 7);
    assert!(stderr.contains("3 lines could not be graded"), "{stderr}");
}

#[test]
fn csv_unknown_columns_are_one_error_before_any_row_unless_ignored() {
    let csv = format!("id,step,text,customer.name,agent\nr1,welcome,{CSV_GOOD},ann\n");
    let (code, out, stderr) = grade_csv(csv.as_bytes(), &[]);
    assert_eq!(code, 2);
    assert!(out.is_empty(), "nothing graded: {out:?}");
    assert!(
        stderr.contains("names a column that ethos does not know: `agent`"),
        "{stderr}"
    );
    assert!(stderr.contains("--ignore-columns"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let (code, out, _) = grade_csv(csv.as_bytes(), &["--ignore-columns"]);
    assert_eq!(code, 0);
    assert_eq!(out[0]["verdict"], "pass");
}

#[test]
fn csv_a_bad_amount_says_which() {
    let csv = "id,step,text,actions\nr1,resolve,\"A refund, right away.\",refund=lots\n";
    let (code, out, _) = grade_csv(csv.as_bytes(), &[]);
    assert_eq!(code, 2);
    assert!(
        out[0]["error"]
            .as_str()
            .unwrap()
            .contains("the amount `lots` of `refund` is not a number"),
        "{}",
        out[0]
    );
}

// `validate -` reads standard input as `grade -` does; its hardening lives here.
#[test]
fn validate_with_nothing_on_standard_input_is_exit_2_not_an_empty_reply() {
    finishes(
        ethos()
            .args(["validate", "--step", "welcome", "-"])
            .write_stdin(""),
    )
    .code(2)
    .stderr(contains("no reply on standard input"));
    // An empty line is a reply (an empty one), judged as such.
    finishes(
        ethos()
            .args(["validate", "--step", "welcome", "-"])
            .write_stdin("\n"),
    )
    .code(1);
}

#[test]
fn an_unknown_field_is_an_error_for_its_line_and_the_other_lines_are_graded() {
    let typo = r#"{"id": "t", "step": "welcome", "text": "Hello Claire", "contxt": {"customer.name": "Claire"}}"#;
    let out = ethos()
        .args(["grade", "--playbook", "hotel-a", "-"])
        .write_stdin(format!("{GOOD}\n{typo}\n{BAD}\n"))
        .assert()
        .code(2)
        .stderr(contains("line 2: unknown field `contxt`"))
        .get_output()
        .stdout
        .clone();
    let out = lines(&out);
    assert_eq!(out.len(), 3);
    assert_eq!(out[0]["verdict"], "pass");
    assert_eq!(out[1]["line"], 2);
    assert_eq!(out[1]["id"], "t", "the error line says whose it is");
    let error = out[1]["error"].as_str().unwrap();
    assert!(
        error.starts_with("unknown field `contxt`, expected one of `id`, `step`"),
        "{error}"
    );
    assert!(error.contains("did you mean `context`?"), "{error}");
    assert_eq!(out[2]["verdict"], "fail");
}

#[test]
fn ignore_columns_skips_unknown_json_fields_too() {
    let export = r#"{"id": 1, "step": "welcome", "text": "Oh no, Claire, let me bring you fresh towels and a new coffee.", "ticket_url": "https://desk.example/1", "context": {"customer.name": "Claire"}}"#;
    for flag in ["--ignore-columns", "--ignore-fields"] {
        let out = ethos()
            .args(["grade", "--playbook", "hotel-a", flag, "-"])
            .write_stdin(export)
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        assert_eq!(lines(&out)[0]["verdict"], "pass", "{flag}");
    }
}

/// The findings of `acknowledge` (an `echo` rule) on each graded line.
fn acknowledge_status(input: &str) -> Vec<serde_json::Value> {
    let out = ethos()
        .args(["grade", "--playbook", "hotel-a", "--explain", "-"])
        .write_stdin(input.to_owned())
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    lines(&out)
        .iter()
        .map(|l| {
            l["findings"]
                .as_array()
                .unwrap()
                .iter()
                .find(|f| f["rule"] == "acknowledge")
                .map_or(serde_json::Value::Null, |f| f["status"].clone())
        })
        .collect()
}

#[test]
fn a_scenario_and_beat_give_the_step_customer_and_key_facts_so_echo_applies() {
    let reply = "Oh no, Claire, let me bring you fresh towels and a new coffee.";
    let plain = format!(
        r#"{{"step": "welcome", "text": "{reply}", "context": {{"customer.name": "Claire"}}}}"#
    );
    let beat = format!(r#"{{"scenario": "coffee-gate", "beat": "spill", "text": "{reply}"}}"#);
    assert_eq!(
        acknowledge_status(&format!("{plain}\n{beat}\n")),
        ["skipped", "pass"],
        "without key facts the echo rule is skipped; the beat's key facts make it apply"
    );
}

#[test]
fn a_lines_own_step_context_and_key_facts_override_the_beats() {
    // The beat's key facts are coffee and towels; the line's own are not in the reply.
    let line = r#"{"scenario": "coffee-gate", "beat": "spill", "key_facts": ["umbrella"], "text": "Oh no, Claire, let me bring you fresh towels and a new coffee."}"#;
    assert_eq!(acknowledge_status(line), ["fail"]);
    let out = ethos()
        .args(["grade", "--playbook", "hotel-a", "--explain", "-"])
        .write_stdin(r#"{"scenario": "coffee-gate", "beat": "spill", "step": "farewell", "context": {"customer.name": "Dana"}, "text": "Enjoy your day, Claire!"}"#)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let out = &lines(&out)[0];
    assert_eq!(out["step"], "farewell");
    let use_name = out["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "use-name")
        .unwrap();
    assert_eq!(
        use_name["status"], "fail",
        "the line's name, Dana, replaces Claire"
    );
}

#[test]
fn an_unknown_scenario_beat_or_escalated_role_is_an_error_with_the_likely_id() {
    let input = [
        r#"{"scenario": "coffee-gat", "beat": "spill", "text": "Hello"}"#,
        r#"{"scenario": "coffee-gate", "beat": "spil", "text": "Hello"}"#,
        r#"{"step": "welcome", "escalated": "duty-manger", "text": "Hello"}"#,
        r#"{"beat": "spill", "text": "Hello"}"#,
        r#"{"step": "welcome", "escalated": "duty-manager", "text": "Hello Claire, oh no"}"#,
    ]
    .join("\n");
    let out = ethos()
        .args(["grade", "--playbook", "hotel-a", "-"])
        .write_stdin(input)
        .assert()
        .code(2)
        .get_output()
        .stdout
        .clone();
    let out = lines(&out);
    let error = |i: usize| out[i]["error"].as_str().unwrap_or_default().to_owned();
    assert!(
        error(0).contains("did you mean `coffee-gate`?"),
        "{}",
        error(0)
    );
    assert!(error(1).contains("did you mean `spill`?"), "{}", error(1));
    assert!(error(2).contains("`escalated`"), "{}", error(2));
    assert!(
        error(2).contains("did you mean `duty-manager`?"),
        "{}",
        error(2)
    );
    assert!(error(3).contains("no `scenario`"), "{}", error(3));
    assert!(
        out[4].get("verdict").is_some(),
        "a known escalated role is graded"
    );
}
