//! Conditional empowerment judged by the policy (issue 14, point 3): the
//! first grant of a role whose `when` holds and whose `per` fact is a number
//! gives the limit, in `validate` (human and JSON), `grade` and the drill.
//! The fixtures are the airline and bank of the issue.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::ethos;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

fn airline() -> PathBuf {
    fixture("tests/fixtures/gcr/airline.yaml")
}

fn bank() -> PathBuf {
    fixture("tests/fixtures/grants/bank.yaml")
}

/// `validate --format json` of a reply at `step` with these flags.
fn validate_json(playbook: &Path, step: &str, flags: &[&str]) -> Value {
    let out = ethos()
        .args(["validate", "--format", "json", "--step", step, "--playbook"])
        .arg(playbook)
        .args(flags)
        .arg("I am sorry about the fee and the trip.")
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// The human output of the same.
fn validate_human(playbook: &Path, step: &str, flags: &[&str]) -> String {
    let out = ethos()
        .args(["validate", "--step", step, "--playbook"])
        .arg(playbook)
        .args(flags)
        .arg("I am sorry about the fee and the trip.")
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

const DELAYED_GOLD_THREE: [&str; 6] = [
    "--set",
    "facts.flight_status=delayed",
    "--set",
    "facts.tier=gold",
    "--set",
    "facts.passengers=3",
];

fn with<'a>(base: &[&'a str], more: &[&'a str]) -> Vec<&'a str> {
    base.iter().chain(more).copied().collect()
}

#[test]
fn a_delayed_gold_family_of_three_may_get_150_from_the_agent_and_the_grant_is_in_the_json() {
    let v = validate_json(
        &airline(),
        "solve",
        &with(&DELAYED_GOLD_THREE, &["--action", "certificate=150"]),
    );
    assert_eq!(v["verdict"], "pass", "{v:#}");
    assert_eq!(v["policy"], serde_json::json!([]));
    let grant = &v["decision_grants"][0];
    assert_eq!(grant["action"], "certificate");
    assert_eq!(grant["grant"]["role"], "agent");
    // The second grant (delayed), 50 per passenger, three passengers.
    assert_eq!(grant["grant"]["index"], 1);
    assert_eq!(grant["grant"]["up_to"], 50.0);
    assert_eq!(grant["grant"]["per"], "passengers");
    assert_eq!(grant["grant"]["per_value"], 3.0);
    assert_eq!(grant["grant"]["limit"], 150.0);
}

#[test]
fn a_policy_finding_carries_the_grant_that_applied_with_the_limit_it_computed() {
    // Cancelled, gold, two passengers: the agent's first grant gives 200;
    // 300 goes to the supervisor, whose first grant gives 400.
    let v = validate_json(
        &airline(),
        "solve",
        &[
            "--set",
            "facts.flight_status=cancelled",
            "--set",
            "facts.tier=gold",
            "--set",
            "facts.passengers=2",
            "--action",
            "certificate=300",
        ],
    );
    let finding = &v["policy"][0];
    assert_eq!(finding["code"], "over-limit", "{v:#}");
    assert_eq!(finding["to"], "supervisor");
    assert_eq!(finding["grant"]["index"], 0);
    assert_eq!(finding["grant"]["limit"], 200.0);
    assert_eq!(finding["grant"]["per_value"], 2.0);
}

#[test]
fn over_the_top_grant_of_the_ladder_is_forbidden_and_says_the_acting_role_s_limit() {
    // Delayed: the supervisor's cancelled grant does not hold; its plain 100
    // is below the agent's 150, so no one may give 200.
    let flags = with(&DELAYED_GOLD_THREE, &["--action", "certificate=200"]);
    let v = validate_json(&airline(), "solve", &flags);
    assert_eq!(v["policy"][0]["code"], "forbidden-action", "{v:#}");
    assert_eq!(v["policy"][0]["grant"]["limit"], 150.0);
    let human = validate_human(&airline(), "solve", &flags);
    assert!(
        human.contains(
            "the agent's limit is 150 USD (50 USD × 3 passengers, when flight_status is delayed and tier is silver or gold)"
        ),
        "{human}"
    );
}

#[test]
fn human_output_says_why_a_conditional_grant_gives_its_limit() {
    let human = validate_human(
        &airline(),
        "solve",
        &with(&DELAYED_GOLD_THREE, &["--action", "certificate=120"]),
    );
    assert!(
        human.contains(
            "certificate 120 USD is within their limit of 150 USD (50 USD × 3 passengers, when flight_status is delayed and tier is silver or gold)"
        ),
        "{human}"
    );
    // A plain limit says only the amount, as in version 1.
    let human = validate_human(&airline(), "solve", &["--action", "refund=20"]);
    assert!(
        human.contains("refund 20 USD is within their limit of 30 USD."),
        "{human}"
    );
}

#[test]
fn chinese_output_says_why_in_chinese() {
    let out = ethos()
        .args(["validate", "--step", "倾听", "--playbook"])
        .arg(fixture("tests/fixtures/gcr/airline-zh.yaml"))
        .args([
            "--action",
            "旅行券=120",
            "--set",
            "facts.航班状态=延误",
            "--set",
            "facts.会员等级=金卡",
            "--set",
            "facts.乘客人数=3",
            "非常抱歉",
        ])
        .output()
        .unwrap();
    let human = String::from_utf8(out.stdout).unwrap();
    assert!(
        human
            .contains("150 CNY；50 CNY × 乘客人数 3，条件：航班状态为延误，且会员等级为银卡或金卡"),
        "{human}"
    );
}

#[test]
fn a_bronze_member_has_no_grant_of_the_agent_so_the_supervisor_decides() {
    let v = validate_json(
        &airline(),
        "solve",
        &[
            "--set",
            "facts.flight_status=delayed",
            "--set",
            "facts.tier=bronze",
            "--set",
            "facts.passengers=1",
            "--action",
            "certificate=80",
        ],
    );
    let finding = &v["policy"][0];
    assert_eq!(finding["code"], "over-limit", "{v:#}");
    assert_eq!(finding["to"], "supervisor");
    assert!(finding.get("grant").is_none(), "no grant of the agent held");
    assert!(
        finding["message"]
            .as_str()
            .unwrap()
            .starts_with("None of the agent's grants of certificate holds in this case"),
        "{finding:#}"
    );
}

#[test]
fn an_absent_per_fact_makes_its_grant_not_hold_and_the_next_is_tried() {
    // Cancelled and gold but no passenger count: neither per grant holds,
    // so the agent has none, and the supervisor's plain 100 covers 80.
    let v = validate_json(
        &airline(),
        "solve",
        &[
            "--set",
            "facts.flight_status=cancelled",
            "--set",
            "facts.tier=gold",
            "--action",
            "certificate=80",
            "--escalate",
            "supervisor",
        ],
    );
    assert_eq!(v["verdict"], "pass", "{v:#}");
    assert_eq!(v["policy"], serde_json::json!([]));
}

#[test]
fn cancelling_depends_on_any_of_its_conditions() {
    for (flags, code) in [
        (&["--set", "facts.booked_hours_ago=3"][..], None),
        (&["--set", "facts.cabin=business"][..], None),
        (
            &[
                "--set",
                "facts.booked_hours_ago=30",
                "--set",
                "facts.cabin=economy",
            ][..],
            Some("over-limit"),
        ),
    ] {
        let v = validate_json(&airline(), "solve", &with(flags, &["--action", "cancel"]));
        assert_eq!(v["policy"][0]["code"].as_str(), code, "{flags:?}: {v:#}");
    }
}

#[test]
fn the_bank_refunds_by_segment_and_history() {
    let cases: [(&[&str], &str, Option<&str>); 5] = [
        (&["--set", "facts.segment=premium"], "100", None),
        (
            &["--set", "facts.segment=premium"],
            "101",
            Some("over-limit"),
        ),
        (
            &[
                "--set",
                "facts.segment=retail",
                "--set",
                "facts.fee_disputes_this_year=1",
            ],
            "25",
            None,
        ),
        (
            &[
                "--set",
                "facts.segment=retail",
                "--set",
                "facts.fee_disputes_this_year=1",
            ],
            "30",
            Some("over-limit"),
        ),
        // A fourth dispute this year: no grant of the advisor holds.
        (
            &[
                "--set",
                "facts.segment=retail",
                "--set",
                "facts.fee_disputes_this_year=3",
            ],
            "10",
            Some("over-limit"),
        ),
    ];
    for (flags, amount, code) in cases {
        let action = format!("refund_fee={amount}");
        let v = validate_json(&bank(), "resolve", &with(flags, &["--action", &action]));
        assert_eq!(
            v["policy"][0]["code"].as_str(),
            code,
            "{flags:?} {amount}: {v:#}"
        );
    }
}

#[test]
fn escalating_to_a_role_whose_grant_still_does_not_cover_it_is_over_limit_naming_the_one_that_would()
 {
    let text = std::fs::read_to_string(bank())
        .unwrap()
        .replace(
            "      refund_fee: 250\n",
            "      refund_fee:\n        - { when: { facts.segment: premium }, up_to: 250 }\n        - { up_to: 50 }\n  - id: branch-manager\n    title: Branch manager\n    may:\n      refund_fee: 1000\n",
        );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bank3.yaml");
    std::fs::write(&path, text).unwrap();
    let v = validate_json(
        &path,
        "resolve",
        &[
            "--set",
            "facts.segment=retail",
            "--set",
            "facts.fee_disputes_this_year=0",
            "--action",
            "refund_fee=80",
            "--escalate",
            "team-lead",
        ],
    );
    let finding = &v["policy"][0];
    assert_eq!(finding["code"], "over-limit", "{v:#}");
    assert_eq!(finding["to"], "branch-manager");
}

#[test]
fn grade_judges_a_line_by_its_context_facts() {
    let lines = [
        r#"{"id": "ok", "step": "resolve", "text": "I'm refunding the fee.", "context": {"facts.segment": "premium"}, "actions": [{"id": "refund_fee", "amount": 90}]}"#,
        r#"{"id": "over", "step": "resolve", "text": "I'm refunding the fee.", "context": {"facts.segment": "retail", "facts.fee_disputes_this_year": 0}, "actions": [{"id": "refund_fee", "amount": 90}]}"#,
    ];
    let out = ethos()
        .args(["grade", "--playbook"])
        .arg(bank())
        .arg("-")
        .write_stdin(lines.join("\n"))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let verdicts: Vec<(String, String)> = text
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            (
                v["id"].as_str().unwrap().to_owned(),
                v["verdict"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        verdicts,
        [("ok".into(), "pass".into()), ("over".into(), "fail".into())],
        "{text}"
    );
}

#[test]
fn the_drill_decides_by_the_scenario_s_facts() {
    // Premium: refunding 60 on the spot is best; the answer "1" picks it.
    let out = ethos()
        .arg("drill")
        .arg(bank())
        .args(["--scenario", "premium-overdraft", "--answers", "-"])
        .write_stdin("1\n")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("within their limit of 100 EUR (when segment is premium)"),
        "{text}"
    );
    // The same refund for a retail customer would be over the limit: the
    // check of the bundled decisions agrees (`decision-contradicts-policy`
    // would fire otherwise).
    ethos().arg("check").arg(bank()).assert().code(0);
}
