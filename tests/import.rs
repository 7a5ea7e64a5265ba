//! `ethos import tau-bench` (issue 16, point 1) on the 200 real runs: every
//! run becomes a conversation line that the conversation reader reads
//! without a problem, with `reward` kept and the policy's facts on each call
//! that acts on a reservation; bad input is a warning naming the run.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::support::{ethos, json_lines, tau_bench_result_file};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tau-bench")
}

fn import(args: &[&str]) -> (Vec<Value>, String, Option<i32>) {
    let out = ethos()
        .arg("import")
        .arg("tau-bench")
        .args(args)
        .output()
        .unwrap();
    let lines = json_lines(out.stdout);
    (
        lines,
        String::from_utf8(out.stderr).unwrap(),
        out.status.code(),
    )
}

#[test]
fn the_200_runs_import_to_conversations_the_reader_reads_without_a_problem() {
    let dir = tempfile::tempdir().unwrap();
    let file = tau_bench_result_file(dir.path());
    let db = fixtures().join("db");
    let (lines, stderr, code) = import(&[file.to_str().unwrap(), "--db", db.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    assert_eq!(lines.len(), 200);
    let rewarded = lines.iter().filter(|l| l["reward"] == 1.0).count();
    assert_eq!(rewarded, 84, "the benchmark's successes");
    for (i, line) in lines.iter().enumerate() {
        let text = line.to_string();
        let (conversation, warnings) =
            ethos::conversation::read_line(&text, i as u64 + 1).expect("a conversation");
        assert!(warnings.is_empty(), "{}: {warnings:?}", conversation.id);
        assert!(conversation.meta.keys().any(|k| k == "reward"));
    }
    // Every call that acts on a reservation has facts (250), and every
    // lookup of a reservation whose owner is known has `user_id_given` (377).
    let with_facts = lines
        .iter()
        .flat_map(|l| l["messages"].as_array().unwrap())
        .filter(|m| m.get("facts").is_some())
        .count();
    assert_eq!(with_facts, 627);
}

#[test]
fn a_cancellation_the_policy_forbids_has_the_facts_that_show_it() {
    // Run 34/0 (reward 1) cancels XEHM4B: basic economy, booked 345.7 hours
    // before the policy's now, no insurance, nothing flown — a booking the
    // wiki says may not be cancelled.
    let dir = tempfile::tempdir().unwrap();
    let file = tau_bench_result_file(dir.path());
    let db = fixtures().join("db");
    let (lines, _, _) = import(&[file.to_str().unwrap(), "--db", db.to_str().unwrap()]);
    let run = lines.iter().find(|l| l["id"] == "34/0").unwrap();
    let facts = &run["messages"][28]["facts"];
    assert_eq!(
        run["messages"][28]["tool_calls"][0]["function"]["name"],
        "cancel_reservation"
    );
    assert_eq!(facts["cabin"], "basic_economy");
    assert_eq!(facts["booked_hours_ago"], 345.7);
    assert_eq!(facts["insurance"], false);
    assert_eq!(facts["segment_flown"], false);
    assert_eq!(facts["membership"], "silver");
    assert_eq!(facts["passengers"], 2);
}

#[test]
fn without_the_database_only_what_the_conversation_showed_is_known() {
    let dir = tempfile::tempdir().unwrap();
    let file = tau_bench_result_file(dir.path());
    let (lines, _, code) = import(&[file.to_str().unwrap()]);
    assert_eq!(code, Some(0));
    let run = lines.iter().find(|l| l["id"] == "34/0").unwrap();
    let facts = &run["messages"][28]["facts"];
    // The reservation's details were looked up; its flights' statuses not.
    assert_eq!(facts["cabin"], "basic_economy");
    assert!(facts.get("flight_status").is_none(), "{facts}");
}

#[test]
fn a_run_without_traj_or_with_bad_arguments_is_a_warning_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("runs.json");
    let runs = json!([
        {"task_id": 1, "trial": 0, "reward": 0.0},
        {"task_id": 2, "trial": 1, "reward": 1.0, "traj": [
            {"role": "assistant", "content": null, "tool_calls": [{"id": "c1", "type": "function",
              "function": {"name": "cancel_reservation", "arguments": "{oops"}}]},
            {"role": "tool", "tool_call_id": "c1", "name": "cancel_reservation", "content": "done"},
            {"role": "tool", "tool_call_id": "zz", "name": "warp_drive", "content": "{}"}]}
    ]);
    std::fs::write(&path, runs.to_string()).unwrap();
    let (lines, stderr, code) = import(&[path.to_str().unwrap()]);
    assert_eq!(code, Some(1), "a run was skipped");
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["id"], "2/1");
    assert!(
        stderr.contains("warning: run 1 (1/0) has no `traj` list of messages: skipped"),
        "{stderr}"
    );
    assert!(
        stderr
            .contains("run 2 (2/1), message 0: the arguments of `cancel_reservation` are not JSON"),
        "{stderr}"
    );
    assert!(
        stderr.contains("run 2 (2/1), message 2: a result of `warp_drive`")
            || stderr
                .contains("run 2 (2/1), message 2: a tool result that answers no earlier call"),
        "{stderr}"
    );
}

#[test]
fn a_file_that_is_not_a_result_file_exits_2_saying_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.json");
    std::fs::write(&path, "{\"runs\": []}").unwrap();
    let (_, stderr, code) = import(&[path.to_str().unwrap()]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("is not a τ-bench result file"), "{stderr}");
    std::fs::write(&path, "[{").unwrap();
    let (_, stderr, code) = import(&[path.to_str().unwrap()]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("is not JSON: "), "{stderr}");
}

#[test]
fn a_booking_database_that_cannot_be_read_exits_2_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = tau_bench_result_file(dir.path());
    let missing = dir.path().join("no-db");
    let (lines, stderr, code) =
        import(&[file.to_str().unwrap(), "--db", missing.to_str().unwrap()]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(lines.is_empty(), "nothing half-imported");
    assert!(
        stderr.contains("cannot read the booking database") && stderr.contains("users.json"),
        "{stderr}"
    );
}
