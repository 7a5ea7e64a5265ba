//! `ethos validate` as a user runs it (`shared/spec/CLI.md`): the JSON fields,
//! the context flags, a Chinese playbook, the exit codes and the human output.

use crate::support::ethos;

use std::fs;

use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;

const ZH: &str = "tests/fixtures/validate/zh-hotel.yaml";

/// `ethos validate ARGS --format json`: the exit code and the parsed output.
fn validate_json(args: &[&str]) -> (i32, Value) {
    let out = ethos()
        .arg("validate")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let json: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}); stderr: {stderr}"));
    (out.status.code().expect("exited"), json)
}

/// The reply is the last argument: every span must be a slice of it.
fn judged(args: &[&str]) -> (i32, Value) {
    let (code, json) = validate_json(args);
    let reply = *args.last().unwrap();
    assert_spans_are_slices(reply, &json);
    (code, json)
}

/// Spec: `start`, `end` are byte offsets into the reply and `text` is that slice.
fn assert_spans_are_slices(reply: &str, json: &Value) {
    for finding in json["findings"].as_array().unwrap() {
        for m in finding["matches"].as_array().unwrap() {
            let start = usize::try_from(m["start"].as_u64().unwrap()).unwrap();
            let end = usize::try_from(m["end"].as_u64().unwrap()).unwrap();
            assert!(start < end, "{m}");
            assert_eq!(
                m["text"].as_str().unwrap(),
                reply.get(start..end).expect("char boundaries"),
                "{m}"
            );
        }
    }
}

fn finding<'j>(json: &'j Value, rule: &str) -> &'j Value {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == rule)
        .unwrap_or_else(|| panic!("no finding for `{rule}` in {json:#}"))
}

fn listed(json: &Value, rule: &str) -> bool {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == rule)
}

/// The matches of a finding as (start, end, text).
fn spans(finding: &Value) -> Vec<(u64, u64, String)> {
    finding["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["start"].as_u64().unwrap(),
                m["end"].as_u64().unwrap(),
                m["text"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn span(start: u64, end: u64, text: &str) -> (u64, u64, String) {
    (start, end, text.to_owned())
}

fn policy_codes(json: &Value) -> Vec<&str> {
    json["policy"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect()
}

fn keys(value: &Value) -> Vec<&str> {
    value
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {value}"))
        .keys()
        .map(String::as_str)
        .collect()
}

fn assert_has_keys(value: &Value, wanted: &[&str]) {
    let have = keys(value);
    for key in wanted {
        assert!(have.contains(key), "`{key}` missing from {value:#}");
    }
}

// --- JSON -------------------------------------------------------------------

#[test]
fn json_output_has_the_fields_the_spec_names() {
    let reply = "Are you willing to pay for this, customer?";
    let (code, json) = judged(&[
        "--playbook",
        "hotel-a",
        "--step",
        "welcome",
        "--set",
        "customer.name=Dana",
        "--set",
        "message=I think I cut my foot",
        reply,
    ]);
    assert_eq!(code, 1);
    assert_has_keys(
        &json,
        &["verdict", "score", "step", "role", "findings", "policy"],
    );
    assert_eq!(json["verdict"], "fail");
    assert!(json["score"].is_number());
    assert_eq!(json["step"], "welcome");
    assert_eq!(json["role"], "attendant");

    let findings = json["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for f in findings {
        assert_has_keys(
            f,
            &[
                "rule",
                "status",
                "severity",
                "message",
                "matches",
                "suggestion",
            ],
        );
        assert!(
            ["pass", "fail", "skipped"].contains(&f["status"].as_str().unwrap()),
            "{f}"
        );
        assert!(
            ["error", "warning", "info"].contains(&f["severity"].as_str().unwrap()),
            "{f}"
        );
        for m in f["matches"].as_array().unwrap() {
            assert_has_keys(m, &["start", "end", "text"]);
        }
    }
    let money = finding(&json, "no-money-talk");
    assert_eq!(money["status"], "fail");
    assert_eq!(money["severity"], "error");
    assert_eq!(
        money["message"],
        "Never turn a small accident into a question of money."
    );
    assert_eq!(spans(money), [span(0, 22, "Are you willing to pay")]);
    assert_eq!(
        money["suggestion"],
        "No problem at all, a fresh one is on its way."
    );
    // A rule without `suggest` has a null suggestion, not a missing one.
    assert_eq!(finding(&json, "use-name")["suggestion"], Value::Null);
    assert_eq!(finding(&json, "use-name")["status"], "fail");
    // The injury rule applies because of the message.
    assert_eq!(finding(&json, "care-first")["status"], "fail");

    let policy = json["policy"].as_array().unwrap();
    assert_eq!(policy.len(), 1, "{json:#}");
    let p = &policy[0];
    assert_has_keys(
        p,
        &[
            "code", "severity", "action", "amount", "to", "because", "message",
        ],
    );
    // The reply declares nothing it did: the escalation is reported, not
    // held against it (PLAYBOOK.md v2, "Escalating in words").
    assert_eq!(p["code"], "escalation-not-shown");
    assert_eq!(p["severity"], "info");
    assert_eq!(p["action"], Value::Null);
    assert_eq!(p["amount"], Value::Null);
    assert_eq!(p["to"], "duty-manager");
    assert_eq!(p["because"], serde_json::json!(["injury"]));
    assert!(
        json["decision"]
            .as_str()
            .unwrap()
            .contains("within 5 minutes"),
        "{json:#}"
    );
}

#[test]
fn findings_list_every_applicable_rule_in_the_playbooks_order() {
    let (_, json) = judged(&["--playbook", "hotel-a", "--step", "resolve", "On its way."]);
    let ids: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    // `care-first` has a `when` that does not hold; the welcome rules are not at this step.
    // The rules of the packs the playbook uses follow its own, in the packs' order.
    assert_eq!(
        ids,
        [
            "fix-it-now",
            "no-money-talk",
            "no-passing-the-buck",
            "no-forms",
            "guest-not-customer",
            "brief",
            "courtesy-en/dismissive",
            "courtesy-en/not-my-job",
            "courtesy-en/blaming",
            "courtesy-en/condescending",
            "courtesy-en/rude-words",
            "security-en/no-password",
            "security-en/no-one-time-code",
            "security-en/no-card-number",
        ]
    );
}

#[test]
fn the_score_counts_passed_weights_and_skips_unfilled_placeholders() {
    // At `welcome` without a name or key facts, use-name and acknowledge are skipped.
    let (code, json) = judged(&[
        "--playbook",
        "hotel-a",
        "--step",
        "welcome",
        "Hello, our customer desk will help you.",
    ]);
    assert_eq!(finding(&json, "use-name")["status"], "skipped");
    assert_eq!(finding(&json, "acknowledge")["status"], "skipped");
    // warm-greeting, no-money-talk, no-passing-the-buck, no-forms, brief and the
    // eight pack rules pass; the swap warning fails: 13 of 14 weights.
    assert_eq!(finding(&json, "guest-not-customer")["status"], "fail");
    assert_eq!(finding(&json, "guest-not-customer")["severity"], "warning");
    assert_eq!(json["score"], 92.9);
    assert_eq!(json["verdict"], "pass");
    assert_eq!(code, 0);
}

// --- Scenario, beat, --set -----------------------------------------------------

#[test]
fn scenario_and_beat_give_the_step_customer_and_key_facts() {
    let reply = "Oh no, Claire, no bother at all! Fresh towels and a new coffee are coming.";
    let (code, json) = judged(&[
        "--playbook",
        "hotel-a",
        "--scenario",
        "coffee-gate",
        "--beat",
        "spill",
        reply,
    ]);
    assert_eq!(code, 0, "{json:#}");
    assert_eq!(json["verdict"], "pass");
    assert_eq!(json["score"], 100.0);
    assert_eq!(json["step"], "welcome");
    assert_eq!(json["role"], "attendant");
    assert_eq!(spans(finding(&json, "use-name")), [span(7, 13, "Claire")]);
    assert_eq!(
        spans(finding(&json, "acknowledge")),
        [span(39, 45, "towels"), span(56, 62, "coffee")]
    );
    assert_eq!(
        spans(finding(&json, "warm-greeting")),
        [span(0, 5, "Oh no")]
    );
    assert!(
        !listed(&json, "apologise-when-at-fault"),
        "at_fault is false"
    );
}

#[test]
fn set_gives_and_overrides_the_context() {
    let base = [
        "--playbook",
        "hotel-a",
        "--scenario",
        "coffee-gate",
        "--beat",
        "spill",
    ];
    let reply = "Oh no, Claire! Fresh towels are on their way.";
    let with = |extra: &[&str]| {
        let mut args: Vec<&str> = base.to_vec();
        args.extend_from_slice(extra);
        args.push(reply);
        judged(&args)
    };
    let (code, json) = with(&["--set", "customer.name=Dana"]);
    assert_eq!(finding(&json, "use-name")["status"], "fail");
    assert_eq!(code, 1);
    // A fact read as a YAML scalar: `true` is the boolean the rule's `when` compares with.
    let (code, json) = with(&["--set", "facts.at_fault=true"]);
    assert_eq!(finding(&json, "apologise-when-at-fault")["status"], "fail");
    assert_eq!(code, 1);
    let (_, json) = with(&["--set", "facts.at_fault=false"]);
    assert!(!listed(&json, "apologise-when-at-fault"));
    // The customer's message decides `customer_says`.
    let (code, json) = with(&["--set", "message=I fell on the wet tiles"]);
    assert_eq!(finding(&json, "care-first")["status"], "fail");
    assert_eq!(code, 1);
    // contacts is a number, waiting a duration; mood and tier are text.
    let (code, json) = with(&[
        "--set",
        "contacts=3",
        "--set",
        "waiting=15m",
        "--set",
        "customer.mood=cross",
        "--set",
        "customer.tier=gold",
    ]);
    // A third contact must be handed over, in words: the reply does not say so.
    assert_eq!(finding(&json, "third-contact-handover")["status"], "fail");
    assert_eq!(code, 1, "{json:#}");
    assert_eq!(policy_codes(&json), ["escalation-not-shown"]);
    assert_eq!(
        json["policy"][0]["because"],
        serde_json::json!(["third-contact"])
    );
}

#[test]
fn a_step_without_a_scenario_takes_a_role_and_context_from_flags() {
    let reply = "Hello Dana, I am so sorry about the towels.";
    let (code, json) = judged(&[
        "--playbook",
        "hotel-a",
        "--step",
        "welcome",
        "--role",
        "duty-manager",
        "--set",
        "customer.name=Dana",
        "--set",
        "facts.at_fault=true",
        reply,
    ]);
    assert_eq!(json["role"], "duty-manager");
    assert_eq!(finding(&json, "apologise-when-at-fault")["status"], "pass");
    assert_eq!(
        spans(finding(&json, "apologise-when-at-fault")),
        [span(20, 25, "sorry")]
    );
    assert_eq!(spans(finding(&json, "use-name")), [span(6, 10, "Dana")]);
    assert_eq!(code, 0, "{json:#}");
}

// --- --action and --escalate ----------------------------------------------------

fn resolve(extra: &[&str]) -> (i32, Value) {
    let mut args = vec!["--playbook", "hotel-a", "--step", "resolve"];
    args.extend_from_slice(extra);
    args.push("A fresh one is on its way right now.");
    judged(&args)
}

#[test]
fn an_action_within_the_limit_passes_and_one_over_it_fails_with_over_limit() {
    let (code, json) = resolve(&["--action", "replace=50"]);
    assert_eq!(code, 0, "{json:#}");
    assert!(policy_codes(&json).is_empty());

    let (code, json) = resolve(&["--action", "replace=80"]);
    assert_eq!(code, 1);
    assert_eq!(json["verdict"], "fail");
    let p = &json["policy"][0];
    assert_eq!(p["code"], "over-limit");
    assert_eq!(p["severity"], "error");
    assert_eq!(p["action"], "replace");
    assert_eq!(p["amount"], 80.0);
    assert_eq!(p["to"], "duty-manager");
    assert_eq!(p["because"], serde_json::json!([]));
    let message = p["message"].as_str().unwrap();
    assert!(message.contains("limit of 50"), "{message}");
    assert!(message.contains("duty manager"), "{message}");
    // Words alone score the reply; the policy decides the verdict.
    assert_eq!(json["score"], 100.0);
}

#[test]
fn escalating_to_a_role_that_may_grant_it_clears_over_limit() {
    let (code, json) = resolve(&["--action", "replace=80", "--escalate", "duty-manager"]);
    assert_eq!(code, 0, "{json:#}");
    assert!(policy_codes(&json).is_empty());
    let (code, json) = resolve(&["--action", "replace=800", "--escalate", "duty-manager"]);
    assert_eq!(code, 1);
    assert_eq!(policy_codes(&json), ["over-limit"]);
    assert_eq!(json["policy"][0]["to"], "general-manager");
}

#[test]
fn an_unneeded_escalation_is_a_warning_and_exits_0() {
    let (code, json) = resolve(&["--action", "replace=6", "--escalate", "duty-manager"]);
    assert_eq!(policy_codes(&json), ["unneeded-escalation"]);
    assert_eq!(json["policy"][0]["severity"], "warning");
    assert_eq!(json["policy"][0]["to"], "duty-manager");
    assert_eq!(json["verdict"], "pass");
    assert_eq!(code, 0);
}

#[test]
fn a_big_refund_escalated_too_low_is_a_missed_escalation() {
    let (code, json) = resolve(&["--action", "refund=600", "--escalate", "duty-manager"]);
    assert_eq!(code, 1);
    let missed: Vec<&Value> = json["policy"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["code"] == "missed-escalation")
        .collect();
    assert_eq!(missed.len(), 1, "{json:#}");
    assert_eq!(missed[0]["to"], "general-manager");
    assert_eq!(missed[0]["because"], serde_json::json!(["big-refund"]));
    let (code, json) = resolve(&["--action", "refund=600", "--escalate", "general-manager"]);
    assert_eq!(code, 0, "{json:#}");
}

#[test]
fn several_actions_are_each_ruled_on() {
    let (code, json) = resolve(&["--action", "replace=20", "--action", "comp=45"]);
    assert_eq!(code, 1);
    assert_eq!(policy_codes(&json), ["over-limit"]);
    assert_eq!(json["policy"][0]["action"], "comp");
    assert_eq!(json["policy"][0]["amount"], 45.0);
}

// --- stdin ------------------------------------------------------------------------

#[test]
fn a_dash_reads_the_reply_from_stdin() {
    let reply = "Oh no, Claire! Fresh towels are coming.";
    let out = ethos()
        .args([
            "validate",
            "--playbook",
            "hotel-a",
            "--scenario",
            "coffee-gate",
            "--beat",
            "spill",
            "--format",
            "json",
            "-",
        ])
        .write_stdin(format!("{reply}\n"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_spans_are_slices(reply, &json);
    assert_eq!(spans(finding(&json, "use-name")), [span(7, 13, "Claire")]);
    assert_eq!(
        spans(finding(&json, "acknowledge")),
        [span(21, 27, "towels")]
    );
}

#[test]
fn a_multi_line_reply_from_stdin_keeps_its_byte_offsets() {
    let reply = "Hello Claire,\r\n\r\nwho is going to pay for this?";
    let out = ethos()
        .args([
            "validate",
            "--playbook",
            "hotel-a",
            "--step",
            "welcome",
            "--set",
            "customer.name=Claire",
            "--format",
            "json",
            "-",
        ])
        .write_stdin(reply)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_spans_are_slices(reply, &json);
    assert_eq!(
        spans(finding(&json, "no-money-talk")),
        [span(17, 36, "who is going to pay")]
    );
}

// --- A Chinese playbook -----------------------------------------------------------

#[test]
fn a_chinese_playbook_reports_spans_as_byte_offsets() {
    let reply = "哎呀，王女士，这壶茶谁来付钱？顾客";
    let (code, json) = judged(&[
        "--playbook",
        ZH,
        "--scenario",
        "打翻的茶",
        "--beat",
        "打翻",
        reply,
    ]);
    assert_eq!(code, 1);
    assert_eq!(json["step"], "欢迎");
    assert_eq!(json["role"], "服务员");
    assert_eq!(spans(finding(&json, "热情问候")), [span(0, 6, "哎呀")]);
    assert_eq!(spans(finding(&json, "称呼客人")), [span(9, 18, "王女士")]);
    assert_eq!(finding(&json, "复述")["status"], "fail");
    let money = finding(&json, "不谈钱");
    assert_eq!(money["status"], "fail");
    assert_eq!(spans(money), [span(30, 42, "谁来付钱")]);
    assert_eq!(money["suggestion"], "没关系，我马上给您换一壶新的。");
    let words = finding(&json, "用词");
    assert_eq!(words["severity"], "warning");
    assert_eq!(spans(words), [span(45, 51, "顾客")]);
    // Two of the four counted error and warning rules failed (复述, 不谈钱, 用词 of six).
    assert_eq!(json["score"], 50.0);
}

#[test]
fn a_chinese_model_reply_passes_with_its_key_facts_found_inside_the_text() {
    let reply = "哎呀，王女士，没关系！我马上把湿桌布换掉，再给您重新泡一壶茶。";
    let (code, json) = judged(&[
        "--playbook",
        ZH,
        "--scenario",
        "打翻的茶",
        "--beat",
        "打翻",
        reply,
    ]);
    assert_eq!(code, 0, "{json:#}");
    assert_eq!(json["verdict"], "pass");
    // 哎呀，王女士，没关系！我马上把湿 is 16 characters of 3 bytes.
    assert_eq!(spans(finding(&json, "复述")), [span(48, 54, "桌布")]);
    assert_eq!(json["score"], 100.0);
}

#[test]
fn a_chinese_injury_must_go_to_the_duty_manager() {
    let reply = "李先生，请别动，我马上请值班经理过来。";
    let args = |escalate: Option<&'static str>| {
        let mut args = vec!["--playbook", ZH, "--scenario", "烫伤", "--beat", "叫人"];
        if let Some(role) = escalate {
            args.extend(["--escalate", role]);
        }
        args.push(reply);
        args
    };
    // Declaring nothing it did, the reply is told where the case goes.
    let (code, json) = judged(&args(None));
    assert_eq!(code, 0, "{json:#}");
    assert_eq!(json["step"], "解决");
    let p = &json["policy"][0];
    assert_eq!(p["code"], "escalation-not-shown");
    assert_eq!(p["to"], "值班经理");
    assert_eq!(p["because"], serde_json::json!(["受伤"]));
    assert!(p["message"].as_str().unwrap().contains("值班经理"), "{p}");
    // Declaring a role too low is a missed escalation.
    let (code, json) = judged(&args(Some("服务员")));
    assert_eq!(code, 1, "{json:#}");
    assert!(
        policy_codes(&json).contains(&"missed-escalation"),
        "{json:#}"
    );
    let (code, json) = judged(&args(Some("值班经理")));
    assert_eq!(code, 0, "{json:#}");
    assert!(policy_codes(&json).is_empty());
}

#[test]
fn a_chinese_action_over_the_limit_names_the_chinese_role() {
    let (code, json) = judged(&[
        "--playbook",
        ZH,
        "--step",
        "解决",
        "--role",
        "服务员",
        "--action",
        "重做=80",
        "--set",
        "message=茶凉了",
        "我马上给您重新泡一壶。",
    ]);
    assert_eq!(code, 1);
    let p = &json["policy"][0];
    assert_eq!(p["code"], "over-limit");
    assert_eq!(p["action"], "重做");
    assert_eq!(p["amount"], 80.0);
    assert_eq!(p["to"], "值班经理");
}

// --- Exit code 2: could not do the job ---------------------------------------------

fn fails_with(args: &[&str]) -> assert_cmd::assert::Assert {
    ethos()
        .arg("validate")
        .args(args)
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("panicked").not())
}

#[test]
fn an_unknown_step_exits_2_with_did_you_mean_or_the_list_of_steps() {
    fails_with(&["--playbook", "hotel-a", "--step", "welcom", "hi"])
        .stderr(contains("no step `welcom`"))
        .stderr(contains("did you mean `welcome`?"));
    fails_with(&["--playbook", "hotel-a", "--step", "checkout", "hi"])
        .stderr(contains("no step `checkout`"))
        .stderr(contains(
            "`welcome`, `listen`, `resolve`, `anticipate`, `farewell`",
        ));
    fails_with(&["--playbook", ZH, "--step", "欢应", "您好"])
        .stderr(contains("did you mean `欢迎`?"));
}

#[test]
fn a_missing_step_exits_2_and_lists_the_steps() {
    fails_with(&["--playbook", "hotel-a", "hi"])
        .stderr(contains("--step"))
        .stderr(contains("`welcome`"));
}

#[test]
fn an_unknown_role_exits_2() {
    fails_with(&[
        "--playbook",
        "hotel-a",
        "--step",
        "welcome",
        "--role",
        "boss",
        "hi",
    ])
    .stderr(contains("no role `boss`"))
    .stderr(contains("`attendant`, `duty-manager`, `general-manager`"));
    fails_with(&[
        "--playbook",
        "hotel-a",
        "--step",
        "welcome",
        "--escalate",
        "duty-manger",
        "hi",
    ])
    .stderr(contains("no role `duty-manger`"))
    .stderr(contains("duty-manager"));
}

#[test]
fn an_unknown_action_exits_2() {
    fails_with(&[
        "--playbook",
        "hotel-a",
        "--step",
        "resolve",
        "--action",
        "refnd=3",
        "hi",
    ])
    .stderr(contains("no action `refnd`"))
    .stderr(contains("refund"));
}

#[test]
fn an_amount_that_is_not_a_number_exits_2() {
    fails_with(&[
        "--playbook",
        "hotel-a",
        "--step",
        "resolve",
        "--action",
        "refund=ten",
        "hi",
    ])
    .stderr(contains("`ten` is not a number"));
    fails_with(&[
        "--playbook",
        "hotel-a",
        "--step",
        "resolve",
        "--action",
        "refund=-5",
        "hi",
    ])
    .stderr(contains("refund=-5"));
}

#[test]
fn an_unknown_set_key_exits_2_and_says_which_keys_exist() {
    fails_with(&[
        "--playbook",
        "hotel-a",
        "--step",
        "welcome",
        "--set",
        "customer.nam=Dana",
        "hi",
    ])
    .stderr(contains("customer.nam"))
    .stderr(contains(
        "customer.name, customer.mood, customer.tier, contacts, waiting, facts.KEY, message",
    ));
    fails_with(&[
        "--playbook",
        "hotel-a",
        "--step",
        "welcome",
        "--set",
        "mood=angry",
        "hi",
    ])
    .stderr(contains("customer.mood"));
}

#[test]
fn a_set_value_of_the_wrong_kind_exits_2() {
    for setting in ["contacts=three", "waiting=soon", "contacts"] {
        fails_with(&[
            "--playbook",
            "hotel-a",
            "--step",
            "welcome",
            "--set",
            setting,
            "hi",
        ])
        .stderr(contains(setting));
    }
}

#[test]
fn a_missing_reply_exits_2() {
    fails_with(&["--playbook", "hotel-a", "--step", "welcome"]).stderr(contains("`-`"));
}

#[test]
fn an_unknown_scenario_or_beat_exits_2() {
    fails_with(&["--playbook", "hotel-a", "--scenario", "coffee", "hi"])
        .stderr(contains("no scenario `coffee`"))
        .stderr(contains("coffee-gate"));
    fails_with(&[
        "--playbook",
        "hotel-a",
        "--scenario",
        "coffee-gate",
        "--beat",
        "spil",
        "hi",
    ])
    .stderr(contains("no beat `spil`"))
    .stderr(contains("spill"));
}

#[test]
fn a_playbook_that_does_not_load_exits_2_and_names_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.yaml");
    fs::write(&broken, "playbook: x\ntitle: [unclosed\n").unwrap();
    let path = broken.to_str().unwrap();
    fails_with(&["--playbook", path, "--step", "welcome", "hi"])
        .stderr(predicate::str::is_match(r"broken\.yaml:\d+:\d+: ").unwrap());

    let typo = dir.path().join("typo.yaml");
    let text = fs::read_to_string(ZH)
        .unwrap()
        .replace("owner: 宾客服务部", "ownr: 宾客服务部");
    fs::write(&typo, text).unwrap();
    let line = fs::read_to_string(&typo)
        .unwrap()
        .lines()
        .position(|l| l.starts_with("ownr:"))
        .unwrap()
        + 1;
    fails_with(&[
        "--playbook",
        typo.to_str().unwrap(),
        "--step",
        "欢迎",
        "您好",
    ])
    .stderr(contains(format!("typo.yaml:{line}:1:")))
    .stderr(contains("ownr"));

    fails_with(&[
        "--playbook",
        "no/such/playbook.yaml",
        "--step",
        "welcome",
        "hi",
    ]);
}

// --- Human output -------------------------------------------------------------------

#[test]
fn human_output_underlines_the_failing_spans_and_tabulates_the_rules() {
    let out = ethos()
        .args([
            "validate",
            "--playbook",
            "hotel-a",
            "--scenario",
            "coffee-gate",
            "--beat",
            "spill",
            "--action",
            "replace=80",
            "Are you willing to pay for this coffee, customer?",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\u{1b}'), "no colour codes when piped");
    insta::assert_snapshot!("validate_human_failing_reply", text);
}

/// Issue 11, item 17: a missed escalation was hidden in human output when its
/// message was also the policy's decision ("fail (score 100.0)" and nothing
/// said what failed). Every policy finding is shown, with its code, the role
/// the case should go to and the reason.
#[test]
fn human_output_names_every_policy_finding_with_its_role_and_reason() {
    let out = ethos()
        .args([
            "validate",
            "--step",
            "resolve",
            "--action",
            "refund=800",
            "Sorry, a refund is on its way right away.",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "✗ missed-escalation (to `general-manager`; escalation rule `big-refund`): Refunds above"
        ),
        "{text}"
    );
    assert!(
        text.contains("✗ over-limit (to `general-manager`; refund 800): refund 800 USD is over"),
        "{text}"
    );
    // The decision is the missed escalation's sentence: said once, with the finding.
    assert_eq!(text.matches("Refunds above").count(), 1, "{text}");

    // An injury the reply does not show it hands on: reported, not failed
    // (its words fail `care-first`).
    let out = ethos()
        .args([
            "validate",
            "--step",
            "resolve",
            "--set",
            "message=I cut my foot on the steps",
            "Oh no, I am so sorry, let me help you right away.",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("care-first"), "{text}");
    assert!(
        text.contains("ℹ escalation-not-shown (to `duty-manager`; escalation rule `injury`):"),
        "{text}"
    );
}

// --- every language (issue 13) ------------------------------------------------------

fn human(args: &[&str]) -> String {
    let out = ethos().arg("validate").args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The issue saw "fail (score 100.0)": a reply whose words keep every rule
/// and whose deed the policy forbids. Its verdict says what failed.
#[test]
fn a_reply_failed_by_the_policy_alone_says_so_instead_of_a_perfect_score() {
    let text = human(&[
        "--scenario",
        "coffee-gate",
        "--beat",
        "spill",
        "--action",
        "replace=80",
        "Oh no, Claire, you're no bother at all! Let me bring fresh towels and a new coffee.",
    ]);
    assert!(
        text.ends_with("fail: what the reply does breaks the policy (its words score 100.0)\n"),
        "{text}"
    );
    assert!(!text.contains("fail (score 100.0)"), "{text}");
}

#[test]
fn human_output_of_a_chinese_playbook_is_chinese() {
    let pb = crate::drill::load("zh-hotel");
    let text = human(&[
        "--playbook",
        "zh-hotel",
        "--scenario",
        "咖啡被风吹翻",
        "--beat",
        "打翻",
        "--action",
        "免费更换=500",
        "你好，您愿意为这杯咖啡付钱吗？",
    ]);
    assert_eq!(
        crate::drill::ascii_words_outside_ids(&text, &pb),
        Vec::<String>::new(),
        "{text}"
    );
    assert!(!text.contains("：:"), "{text}");
    insta::assert_snapshot!("validate_human_zh", text);
}

#[test]
fn human_output_of_a_german_playbook_is_german() {
    let pb = crate::drill::load(crate::drill::DE);
    let text = human(&[
        "--playbook",
        crate::drill::DE,
        "--scenario",
        "anschluss-verpasst",
        "--beat",
        "auszahlen",
        "--action",
        "entschaedigung=200",
        "Hallo. Als Kunde mit Sparpreis müssen Sie leider einen Aufpreis zahlen.",
    ]);
    assert_eq!(
        crate::drill::english_words_in_german(&text, &pb, crate::drill::source(crate::drill::DE)),
        Vec::<String>::new(),
        "{text}"
    );
    insta::assert_snapshot!("validate_human_de", text);
}
