//! Procedures as the playbook declares them and `check` sees them (issue 15,
//! point 5): the spec's example loads; an empty procedure is `empty-rule`; a
//! misspelt action id in `calls` is `unknown-action` (any other name is a
//! tool); ids clash with rules'; their conditions' facts and roles are
//! checked, `args.KEY` excepted.

use ethos::playbook::load;

use crate::support::{check_text, codes};

const HEAD: &str = "playbook: p\ntitle: T\ncompany: C\nphilosophy: {statement: S}\n\
    actions:\n  - {id: refund, title: Refund, unit: USD, tool: issue_refund, amount: amount}\n\
    roles:\n  - {id: agent, title: Agent, may: {refund: 50}}\n  - {id: lead, title: Lead, may: {refund: yes}}\n\
    steps:\n  - {id: s, title: S, goal: G}\n\
    rules:\n  - {id: hello, check: mention, phrases: [hello]}\n\
    facts:\n  - {id: takeover_flag, type: bool}\n";

fn with(procedures: &str) -> String {
    format!("{HEAD}procedures:\n{procedures}")
}

/// The diagnostics of `check` other than the fixture's own (no scenario
/// exercises the one rule).
fn procedure_codes(procedures: &str) -> Vec<&'static str> {
    let d = check_text(&with(procedures));
    codes(&d)
        .into_iter()
        .filter(|c| *c != "untested-rule")
        .collect()
}

#[test]
fn the_spec_s_example_loads_with_every_field() {
    let pb = load::parse(&with(
        "  - id: confirm-before-change
    calls: [book_reservation, update_reservation_flights]
    require:
      customer_says: [yes, go ahead, please do]
      agent_says: [\"{args.reservation_id}\"]
      done: [get_user_details]
    message: List the change and get an explicit yes before you make it.
  - id: cancel-only-when-allowed
    calls: [cancel_reservation]
    only_when: { any: [ { facts.booked_hours_ago: { under: 24 } }, { facts.cabin: business } ] }
  - id: one-certificate
    calls: [send_certificate]
    at_most: 1
  - id: say-when-the-refund-arrives
    calls: [cancel_reservation]
    then_says: [5 to 7 business days, \"5-7 business days\"]
  - id: one-thing-at-a-time
    turn: { max_tool_calls: 1, text_with_tool_calls: false }
",
    ))
    .unwrap();
    assert_eq!(pb.procedures.len(), 5);
    let first = &pb.procedures[0];
    assert_eq!(first.calls.len(), 2);
    let require = &first.require.as_ref().unwrap().value;
    assert_eq!(require.customer_says.as_ref().unwrap().iter().count(), 3);
    assert!(pb.procedures[1].only_when.is_some());
    assert_eq!(pb.procedures[2].at_most.as_ref().unwrap().value, 1);
    let turn = &pb.procedures[4].turn.as_ref().unwrap().value;
    assert_eq!(turn.max_tool_calls.as_ref().unwrap().value, 1);
    assert!(!turn.text_with_tool_calls.as_ref().unwrap().value);
    assert_eq!(
        pb.actions[0].tool.as_ref().map(|t| t.value.as_str()),
        Some("issue_refund")
    );
}

#[test]
fn a_procedure_with_nothing_to_judge_is_empty_rule() {
    assert_eq!(
        procedure_codes("  - id: nothing\n    calls: [issue_refund]\n"),
        ["empty-rule"]
    );
    assert_eq!(procedure_codes("  - id: nothing-at-all\n"), ["empty-rule"]);
    assert!(procedure_codes("  - id: cap\n    calls: [issue_refund]\n    at_most: 1\n").is_empty());
    assert!(procedure_codes("  - id: shape\n    turn: { max_tool_calls: 1 }\n").is_empty());
}

#[test]
fn a_misspelt_action_id_is_unknown_action_and_any_other_name_is_a_tool() {
    let d = check_text(&with(
        "  - id: cap\n    calls: [refnd, lookup_order, refund, issue_refund]\n    at_most: 1\n",
    ));
    let unknown: Vec<_> = d
        .iter()
        .filter(|d| d.code.as_str() == "unknown-action")
        .collect();
    assert_eq!(unknown.len(), 1, "{d:#?}");
    assert!(
        unknown[0].message.contains("`refnd`"),
        "{}",
        unknown[0].message
    );
    assert_eq!(unknown[0].help.as_deref(), Some("did you mean `refund`?"));
}

#[test]
fn a_procedure_may_not_share_a_rule_s_id() {
    let d = check_text(&with(
        "  - id: hello\n    calls: [issue_refund]\n    at_most: 1\n",
    ));
    let dup: Vec<_> = d
        .iter()
        .filter(|d| d.code.as_str() == "duplicate-id")
        .collect();
    assert_eq!(dup.len(), 1, "{d:#?}");
    assert!(
        dup[0].message.contains("a rule with id `hello`"),
        "{}",
        dup[0].message
    );
}

#[test]
fn a_procedure_s_conditions_name_known_facts_and_roles_but_args_are_free() {
    assert!(
        procedure_codes(
            "  - id: big\n    calls: [issue_refund]\n    when: { args.amount: { over: 30 } }\n    only_when: { escalated: lead, facts.takeover_flag: false }\n"
        )
        .is_empty()
    );
    assert_eq!(
        procedure_codes(
            "  - id: big\n    calls: [issue_refund]\n    only_when: { escalated: leed, facts.takeover_flagg: false }\n"
        ),
        ["unknown-role", "unknown-fact"]
    );
}

#[test]
fn an_unknown_field_of_a_procedure_is_a_schema_error_where_it_stands() {
    let err = load::parse(&with(
        "  - id: p\n    calls: [issue_refund]\n    require: { customer_say: [yes] }\n",
    ))
    .expect_err("rejected");
    assert_eq!(err.pos.line, 19, "{err:?}");
}

/// A procedure asking for a yes before a refund, with these examples.
fn confirm_with(examples: &str) -> Vec<ethos::check::Diagnostic> {
    check_text(&with(&format!(
        "  - id: confirm-refund\n    calls: [issue_refund]\n    require: {{ customer_says: [\"yes\", go ahead] }}\n    examples:\n{examples}"
    )))
}

const ASKED_THEN_YES: &str = "{messages: [{role: user, content: Refund me}, {role: assistant, content: I can refund 20 USD. Shall I?}, {role: user, content: Yes please}, {role: assistant, content: null, tool_calls: [{id: c1, type: function, function: {name: issue_refund, arguments: '{\"amount\": 20}'}}]}]}";
const NO_YES: &str = "{messages: [{role: user, content: Refund me}, {role: assistant, content: null, tool_calls: [{id: c1, type: function, function: {name: issue_refund, arguments: '{\"amount\": 20}'}}]}]}";
const NO_CALL: &str =
    "{messages: [{role: user, content: Hello}, {role: assistant, content: Hi there}]}";

fn example_codes(d: &[ethos::check::Diagnostic]) -> Vec<(&'static str, u32)> {
    d.iter()
        .filter(|d| d.code.as_str().starts_with("example") || d.code.as_str() == "schema")
        .map(|d| (d.code.as_str(), d.pos.line))
        .collect()
}

#[test]
fn check_runs_a_procedure_s_examples_and_says_which_part_is_unmet() {
    // Right examples: nothing to say.
    let d = confirm_with(&format!(
        "      pass:\n        - {ASKED_THEN_YES}\n      fail:\n        - {NO_YES}\n"
    ));
    assert!(example_codes(&d).is_empty(), "{d:#?}");
    // Swapped: the pass example fails (saying why and where), the fail one passes.
    let d = confirm_with(&format!(
        "      pass:\n        - {NO_YES}\n      fail:\n        - {ASKED_THEN_YES}\n"
    ));
    assert_eq!(
        example_codes(&d),
        [("example-fails", 22), ("example-passes", 24)],
        "{d:#?}"
    );
    let fails = d
        .iter()
        .find(|d| d.code.as_str() == "example-fails")
        .unwrap();
    assert!(
        fails.message.contains("(`not-confirmed` at message 1)"),
        "{}",
        fails.message
    );
}

#[test]
fn an_example_where_the_procedure_is_not_judged_is_skipped_and_one_that_is_no_conversation_is_schema()
 {
    let d = confirm_with(&format!("      pass:\n        - {NO_CALL}\n"));
    assert_eq!(example_codes(&d), [("example-skipped", 22)], "{d:#?}");
    let d = confirm_with("      fail:\n        - {messages: 3}\n");
    assert_eq!(example_codes(&d), [("schema", 22)], "{d:#?}");
    let schema = d.iter().find(|d| d.code.as_str() == "schema").unwrap();
    assert!(
        schema.message.contains("is not a conversation"),
        "{}",
        schema.message
    );
}

/// A refund drill: the customer asks, the trainee offers or acts; then the
/// customer says yes and the trainee acts.
fn drill_playbook(best_first: &str) -> String {
    let rest = r#"procedures:
  - id: confirm-refund
    calls: [refund]
    require: { customer_says: ["yes"], agent_says: ["{args.amount}"] }
    message: Say the amount and get a yes first.
scenarios:
  - id: refund-ask
    title: A refund
    situation: A customer wants money back.
    beats:
      - id: ask
        step: s
        customer: I want my 20 back.
        decide:
          prompt: What do you do?
          choices:
            - { say: "I can refund 20 USD right now. Shall I?"BEST }
            - { say: "Refunding 20 USD now.", action: { refund: 20 } }
        next: "yes"
      - id: "yes"
        step: s
        customer: Yes please.
        decide:
          prompt: What now?
          choices:
            - { say: "Done, 20 USD is on its way.", action: { refund: 20 }, best: true }
            - { say: "Let me think about it." }
"#;
    format!("{HEAD}{}", rest.replace("BEST", best_first))
}

#[test]
fn a_drill_decision_that_acts_without_the_customer_s_yes_breaks_the_procedure() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("refund.yaml");
    std::fs::write(&path, drill_playbook(", best: true")).unwrap();
    let record = dir.path().join("run.json");
    // Acting at once: the procedure is broken, and said so.
    let out = crate::support::ethos()
        .arg("drill")
        .arg(&path)
        .args(["--scenario", "refund-ask", "--record"])
        .arg(&record)
        .write_stdin("2\n1\n")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "✗ confirm-refund: The customer's last message before the call does not say yes."
        ),
        "{text}"
    );
    let t: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&record).unwrap()).unwrap();
    assert_eq!(
        t["turns"][0]["failed"],
        serde_json::json!(["confirm-refund"])
    );
    // Offering, then acting on the yes: the second decision keeps the procedure.
    let out = crate::support::ethos()
        .arg("drill")
        .arg(&path)
        .args(["--scenario", "refund-ask"])
        .write_stdin("1\n1\n")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains("confirm-refund"), "{text}");
    assert_eq!(out.status.code(), Some(0), "{text}");
}

#[test]
fn a_best_choice_that_breaks_a_procedure_is_decision_contradicts_policy() {
    // The clean drill: check says nothing of the decisions.
    let d = check_text(&drill_playbook(", best: true"));
    assert!(
        !codes(&d).contains(&"decision-contradicts-policy"),
        "{d:#?}"
    );
    // Acting at once marked best: the procedure says no.
    let text = drill_playbook("").replace(
        "action: { refund: 20 } }\n        next: \"yes\"",
        "action: { refund: 20 }, best: true }\n        next: \"yes\"",
    );
    let d = check_text(&text);
    let found: Vec<_> = d
        .iter()
        .filter(|d| d.code.as_str() == "decision-contradicts-policy")
        .collect();
    assert_eq!(found.len(), 1, "{d:#?}");
    assert!(
        found[0]
            .message
            .contains("Say the amount and get a yes first (confirm-refund)"),
        "{}",
        found[0].message
    );
}
