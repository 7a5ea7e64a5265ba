//! Judging whole conversations (`shared/spec/CONVERSATIONS.md`, "How a
//! conversation is judged" and "Output"): labelled cases first, each a small
//! conversation against the poolside playbook
//! (`tests/fixtures/conversations/poolside.yaml`) with the findings it must
//! give and why; then bad input through `ethos grade`; then τ-bench's real
//! airline runs against the airline test playbook, with findings checked by
//! reading the runs.

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::{Value, json};

use ethos::conversation::{ConversationJudge, read_line};
use ethos::engine::Engine;
use ethos::grade::conversations::GradeLine;
use ethos::playbook::load;

use crate::support::json_lines;

const POOL: &str = "tests/fixtures/conversations/poolside.yaml";
const AIRLINE: &str = "tests/fixtures/conversations/airline-procedures.yaml";
const TAU: &str = "tests/fixtures/tau-bench/airline-gpt-4o.jsonl";

/// The grade line of one conversation line, judged by `playbook`.
fn judge_with(playbook: &str, line: &str, explain: bool) -> Value {
    let yaml = std::fs::read_to_string(playbook).unwrap();
    let pb = load::parse(&yaml).unwrap();
    let engine = Engine::new(&pb).unwrap();
    let judge = ConversationJudge::new(&engine).unwrap();
    let (c, warnings) = read_line(line, 1).unwrap();
    let j = judge.judge(&c);
    GradeLine {
        id: &c.id,
        judgement: &j,
        playbook: &pb,
        meta: &c.meta,
        warnings: &warnings,
        explain,
    }
    .to_value()
}

fn judge(conversation: &Value) -> Value {
    judge_with(POOL, &conversation.to_string(), false)
}

fn user(text: &str) -> Value {
    json!({"role": "user", "content": text})
}

fn agent(text: &str) -> Value {
    json!({"role": "assistant", "content": text})
}

fn call(name: &str, args: &Value) -> Value {
    json!({"role": "assistant", "content": null, "tool_calls": [
        {"id": name, "type": "function", "function": {"name": name, "arguments": args.to_string()}}]})
}

fn result(id: &str) -> Value {
    json!({"role": "tool", "tool_call_id": id, "content": "{\"ok\": true}"})
}

/// A conversation of Dana's, with `messages`.
fn dana(messages: &[Value]) -> Value {
    json!({"id": "T-1", "customer": {"name": "Dana"}, "messages": messages})
}

/// Every finding's (id or code, at), in order.
fn found(line: &Value) -> Vec<(String, u64)> {
    line["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let id = f.get("rule").or_else(|| f.get("code")).unwrap();
            (id.as_str().unwrap().to_owned(), f["at"].as_u64().unwrap())
        })
        .collect()
}

fn ids(line: &Value) -> Vec<String> {
    found(line).into_iter().map(|(id, _)| id).collect()
}

fn finding<'a>(line: &'a Value, id: &str) -> &'a Value {
    line["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f.get("rule").or_else(|| f.get("code")).unwrap() == id)
        .unwrap_or_else(|| panic!("no {id} in {line:#}"))
}

/// Greet by name, apologise, put it right, say goodbye: what the
/// philosophy asks for, so nothing is found.
fn good() -> Vec<Value> {
    vec![
        json!({"role": "system", "content": "You are a pool attendant."}),
        user("The wind blew my coffee all over the towels."),
        agent("Oh no, Dana! Let me sort that out."),
        user("Thanks."),
        agent("I'm so sorry about the coffee and the towels."),
        user("That's fine."),
        agent("Enjoy the sunshine!"),
    ]
}

#[test]
fn a_conversation_that_follows_the_playbook_passes_with_the_specs_fields() {
    let line = judge(&dana(&good()));
    assert_eq!(line["verdict"], "pass", "{line:#}");
    assert_eq!(line["score"], 100.0);
    assert_eq!(line["turns"], 3);
    assert_eq!(line["failed"], json!([]));
    assert_eq!(line["findings"], json!([]));
    assert_eq!(
        line["escalation"],
        json!({"required": null, "done": null, "because": []})
    );
    assert_eq!(line["metrics"], json!({"tool_calls": 0}));
    let keys: Vec<&String> = line.as_object().unwrap().keys().collect();
    // serde_json's map sorts keys; the spec's set of fields is what counts.
    assert_eq!(
        keys,
        [
            "escalation",
            "failed",
            "findings",
            "id",
            "metrics",
            "score",
            "turns",
            "verdict"
        ]
    );
}

#[test]
fn the_first_turn_is_at_the_first_step_so_it_must_greet_by_name() {
    // Why: the welcome step's goal is to greet the guest by name; only the
    // first turn is at it, so a name said later does not count.
    let mut messages = good();
    messages[2] = agent("Let me sort that out.");
    messages[6] = agent("Enjoy the sunshine, Dana!");
    let line = judge(&dana(&messages));
    assert_eq!(found(&line), [("greet-by-name".to_owned(), 2)]);
    assert_eq!(finding(&line, "greet-by-name")["turn"], 1);
    assert_eq!(line["verdict"], "fail");
}

#[test]
fn a_turn_that_names_its_step_is_judged_at_that_step() {
    // The first turn says it is at `resolve`: the welcome rule does not
    // apply there, and no other turn is at `welcome`, so it is skipped.
    let mut messages = good();
    messages[2] =
        json!({"role": "assistant", "content": "Sorry, let me sort that out.", "step": "resolve"});
    let line = judge_with(POOL, &dana(&messages).to_string(), true);
    assert_eq!(line["verdict"], "pass", "{line:#}");
    let greet = finding(&line, "greet-by-name");
    assert_eq!(greet["status"], "skipped");
}

#[test]
fn a_one_turn_conversation_is_at_every_step() {
    let line = judge(&dana(&[
        user("Coffee on the towels!"),
        agent("Sorry, Dana!"),
    ]));
    assert_eq!(line["verdict"], "pass", "{line:#}");
    let line = judge(&dana(&[
        user("Coffee on the towels!"),
        agent("Hello Dana!"),
    ]));
    assert_eq!(found(&line), [("apologise".to_owned(), 1)]);
}

#[test]
fn an_avoid_rule_fails_at_each_turn_that_breaks_it_with_the_span() {
    // Never talk money with an upset guest: each occurrence is a failure of
    // its turn, with the span of the original text.
    let mut messages = good();
    messages[4] = agent("Sorry! Are you willing to pay for new towels?");
    let line = judge(&dana(&messages));
    assert_eq!(found(&line), [("no-money-talk".to_owned(), 4)]);
    let f = finding(&line, "no-money-talk");
    assert_eq!(f["kind"], "rule");
    assert_eq!(f["turn"], 2);
    assert_eq!(
        f["matches"],
        json!([{"start": 7, "end": 29, "text": "Are you willing to pay"}])
    );
    assert_eq!(line["failed"], json!(["no-money-talk"]));
}

#[test]
fn a_swap_is_a_warning_that_does_not_fail_the_conversation() {
    let mut messages = good();
    messages[6] = agent("The coffee is comp. Enjoy!");
    let line = judge(&dana(&messages));
    assert_eq!(line["verdict"], "pass");
    let f = finding(&line, "no-jargon");
    assert_eq!(f["severity"], "warning");
    assert!(line["score"].as_f64().unwrap() < 100.0);
}

#[test]
fn a_length_rule_is_judged_per_turn() {
    let mut messages = good();
    messages[4] = agent(&format!("Sorry, {}", "so very ".repeat(30)));
    let line = judge(&dana(&messages));
    assert_eq!(found(&line), [("short".to_owned(), 4)]);
}

#[test]
fn echo_counts_the_key_facts_over_the_turns_together() {
    // Coffee at one turn and towels at another: both were echoed.
    let mut c = dana(&good());
    c["key_facts"] = json!(["coffee", "towels"]);
    let mut messages = good();
    messages[2] = agent("Oh no, Dana! Fresh coffee is coming.");
    messages[4] = agent("Sorry about that, and new towels too.");
    c["messages"] = json!(messages);
    assert_eq!(judge(&c)["verdict"], "pass", "{:#}", judge(&c));
    // Coffee only: one of the two, short of `min: 2`; the finding is at
    // the last turn where the obligation applied.
    messages[4] = agent("Sorry about that.");
    c["messages"] = json!(messages);
    let line = judge(&c);
    assert_eq!(found(&line), [("echo-facts".to_owned(), 6)]);
    assert_eq!(finding(&line, "echo-facts")["turn"], 3);
}

#[test]
fn a_mention_rule_with_every_turn_is_judged_at_each_turn() {
    // A VIP is thanked every time: the second turn forgot.
    let mut c = dana(&[
        user("Coffee everywhere."),
        agent("Thank you for telling me, Dana. Sorry!"),
        user("Ok."),
        agent("Sorry, new towels are coming."),
        user("Great."),
        agent("Thanks, enjoy!"),
    ]);
    c["facts"] = json!({"vip": true});
    let line = judge(&c);
    assert_eq!(found(&line), [("thanks-every-turn".to_owned(), 3)]);
    // Without the fact the rule's `when` never holds: skipped, not failed.
    c["facts"] = json!({});
    assert_eq!(judge(&c)["findings"], json!([]));
}

#[test]
fn facts_merge_message_by_message() {
    // `vip` becomes true from the second customer message on: only turns
    // after it owe a thank-you.
    let line = judge(&dana(&[
        user("Coffee everywhere."),
        agent("Sorry, Dana!"),
        json!({"role": "user", "content": "I'm a suite guest.", "facts": {"vip": true}}),
        agent("Sorry, new towels are coming."),
    ]));
    assert_eq!(found(&line), [("thanks-every-turn".to_owned(), 3)]);
}

#[test]
fn an_injury_not_escalated_is_missed_escalation_at_the_message_that_triggered_it() {
    // Anyone hurt is the duty manager's at once.
    let line = judge(&dana(&[
        user("I slipped and I'm hurt."),
        agent("Sorry, Dana, here is a towel."),
    ]));
    let f = finding(&line, "missed-escalation");
    assert_eq!(f["at"], 0);
    assert_eq!(f["to"], "duty-manager");
    assert_eq!(f["because"], json!(["injury"]));
    assert_eq!(
        line["escalation"],
        json!({"required": "duty-manager", "done": null, "because": ["injury"]})
    );
    assert_eq!(line["failed"], json!(["missed-escalation"]));
    assert_eq!(line["verdict"], "fail");
}

#[test]
fn the_customers_messages_so_far_trigger_escalation_not_only_the_last() {
    // Hurt in the first message, something else in the last: still required.
    let line = judge(&dana(&[
        user("I'm hurt."),
        agent("Sorry, Dana!"),
        user("Also the towels are wet."),
        agent("Sorry, new towels."),
    ]));
    assert_eq!(finding(&line, "missed-escalation")["at"], 0);
    // Negated, it never triggers.
    let line = judge(&dana(&[user("I'm not hurt."), agent("Sorry, Dana!")]));
    assert_eq!(line["escalation"]["required"], Value::Null);
    assert_eq!(line["findings"], json!([]));
}

#[test]
fn escalation_is_met_by_the_handoff_tool_a_handoff_phrase_or_an_escalate_field() {
    let hurt = user("I'm hurt.");
    let by_tool = judge(&dana(&[
        hurt.clone(),
        agent("Sorry, Dana!"),
        call("call_duty_manager", &json!({})),
    ]));
    let by_words = judge(&dana(&[
        hurt.clone(),
        agent("Sorry, Dana, I'm calling the duty manager now."),
    ]));
    let by_field = judge(&dana(&[
        hurt.clone(),
        json!({"role": "assistant", "content": "Sorry, Dana!", "escalate": "duty-manager"}),
    ]));
    for line in [by_tool, by_words, by_field] {
        assert_eq!(line["escalation"]["done"], "duty-manager", "{line:#}");
        assert!(
            !ids(&line).contains(&"missed-escalation".to_owned()),
            "{line:#}"
        );
    }
    // A negated handoff phrase hands nothing on.
    let line = judge(&dana(&[
        hurt,
        agent("Sorry, Dana, I can't get the duty manager."),
    ]));
    assert_eq!(ids(&line), ["missed-escalation"]);
}

#[test]
fn an_escalation_later_than_within_is_late_escalation_a_warning() {
    let line = judge(&dana(&[
        json!({"role": "user", "content": "I'm hurt.", "timestamp": "2026-11-02T10:00:00Z"}),
        json!({"role": "assistant", "content": "Sorry, Dana!", "timestamp": "2026-11-02T10:00:30Z"}),
        json!({"role": "assistant", "content": null, "timestamp": "2026-11-02T10:05:00Z",
               "tool_calls": [{"id": "c1", "type": "function",
                 "function": {"name": "call_duty_manager", "arguments": "{}"}}]}),
    ]));
    let f = finding(&line, "late-escalation");
    assert_eq!(
        (f["at"].as_u64(), f["severity"].as_str()),
        (Some(2), Some("warning"))
    );
    assert_eq!(f["took_s"], 300);
    assert_eq!(f["within_s"], 120);
    assert_eq!(line["verdict"], "pass");
    assert_eq!(
        line["metrics"],
        json!({"first_reply_s": 30, "handling_s": 300, "tool_calls": 1})
    );
    // Without timestamps, lateness is not judged.
    let line = judge(&dana(&[
        user("I'm hurt."),
        agent("Sorry, Dana!"),
        call("call_duty_manager", &json!({})),
    ]));
    assert_eq!(line["findings"], json!([]));
}

#[test]
fn escalating_what_the_attendant_may_handle_is_unneeded_escalation() {
    let line = judge(&dana(&[
        user("Coffee on the towels."),
        agent("Sorry, Dana, I'm calling the duty manager."),
    ]));
    let f = finding(&line, "unneeded-escalation");
    assert_eq!(
        (f["at"].as_u64(), f["severity"].as_str()),
        (Some(1), Some("warning"))
    );
    assert_eq!(line["verdict"], "pass");
}

#[test]
fn amounts_of_one_action_add_up_over_the_conversation() {
    // 20 and 20 is 40, over the attendant's 30: over-limit at the second call.
    let messages = [
        user("Coffee on my towels and my book."),
        agent("Sorry, Dana!"),
        call("replace_item", &json!({"amount": 20})),
        result("replace_item"),
        agent("New towels are on their way."),
        call("replace_item", &json!({"amount": 20})),
        result("replace_item"),
        agent("And a new book is on its way."),
    ];
    let line = judge(&dana(&messages));
    let f = finding(&line, "over-limit");
    assert_eq!(f["at"], 5);
    assert_eq!(f["amount"], 40.0);
    assert_eq!(f["limit"], 30.0);
    assert_eq!(f["to"], "duty-manager");
    assert!(ids(&line).contains(&"one-replacement".to_owned()));
    // Escalated before the second call: the duty manager may give 300.
    let mut escalated = messages.to_vec();
    escalated.insert(5, call("call_duty_manager", &json!({})));
    let line = judge(&dana(&escalated));
    assert!(!ids(&line).contains(&"over-limit".to_owned()), "{line:#}");
}

#[test]
fn an_action_no_role_may_grant_is_forbidden_and_one_above_needs_that_role() {
    let refund = |total: f64| {
        judge(&dana(&[
            user("I want a refund, please do."),
            agent("Sorry, Dana, a refund of 100."),
            call("issue_refund", &json!({"refund": {"total": total}})),
        ]))
    };
    assert_eq!(finding(&refund(100.0), "over-limit")["to"], "duty-manager");
    assert_eq!(
        finding(&refund(1000.0), "forbidden-action")["action"],
        "refund"
    );
}

#[test]
fn a_procedures_requirements_are_each_one_finding_at_the_call() {
    // Refund without looking the booking up, without saying the amount,
    // without a yes, after a replacement, when nothing is resolved, and
    // without the guest asking for one: six findings at message 5.
    let line = judge(&dana(&[
        user("My towels are soaked."),
        agent("Sorry, Dana! New towels are coming."),
        call("replace_item", &json!({"amount": 10})),
        result("replace_item"),
        agent("Your towels are on their way."),
        call("issue_refund", &json!({"refund": {"total": 40}})),
    ]));
    let mut reasons: Vec<(&str, &str)> = line["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "procedure")
        .map(|f| (f["rule"].as_str().unwrap(), f["reason"].as_str().unwrap()))
        .collect();
    reasons.sort_unstable();
    assert_eq!(
        reasons,
        [
            ("asked-for-it", "not-asked"),
            ("confirm-refund", "not-confirmed"),
            ("confirm-refund", "not-done-first"),
            ("confirm-refund", "not-said"),
            ("no-refund-after-replacement", "done-before"),
            ("refund-only-when-resolved", "not-allowed"),
        ]
    );
    let f = finding(&line, "confirm-refund");
    assert_eq!(f["at"], 5);
    assert_eq!(f["tool"], "issue_refund");
    assert_eq!(
        f["message"],
        "Say the amount and get a yes before you refund."
    );
}

#[test]
fn a_procedure_met_gives_nothing_and_args_fill_its_placeholders() {
    let line = judge(&dana(&[
        json!({"role": "user", "content": "Can I get a refund? The day is ruined.", "facts": {"resolved": true}}),
        agent("Sorry, Dana."),
        call("look_up_booking", &json!({})),
        result("look_up_booking"),
        agent("I can refund 40 dollars. Shall I?"),
        user("Yes."),
        call("issue_refund", &json!({"refund": {"total": 40}})),
    ]));
    assert!(
        !line["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["kind"] == "procedure"),
        "{line:#}"
    );
    // The amount said is not the amount refunded: `{args.refund.total}`.
    let line = judge(&dana(&[
        json!({"role": "user", "content": "Can I get a refund?", "facts": {"resolved": true}}),
        agent("Sorry, Dana."),
        call("look_up_booking", &json!({})),
        agent("I can refund 30 dollars. Shall I?"),
        user("Yes."),
        call("issue_refund", &json!({"refund": {"total": 40}})),
    ]));
    assert_eq!(finding(&line, "confirm-refund")["reason"], "not-said");
}

#[test]
fn then_says_wants_the_next_agent_turn_passing_over_tool_only_messages() {
    let line = judge(&dana(&[
        user("Coffee on the towels."),
        agent("Sorry, Dana!"),
        call("replace_item", &json!({"amount": 10})),
        result("replace_item"),
        call("log_it", &json!({})),
        agent("Fresh towels are on their way."),
    ]));
    assert!(
        !ids(&line).contains(&"say-when-it-arrives".to_owned()),
        "{line:#}"
    );
    let line = judge(&dana(&[
        user("Coffee on the towels."),
        agent("Sorry, Dana!"),
        call("replace_item", &json!({"amount": 10})),
        agent("Done."),
    ]));
    assert_eq!(
        finding(&line, "say-when-it-arrives")["reason"],
        "not-said-after"
    );
    assert_eq!(finding(&line, "say-when-it-arrives")["at"], 2);
    // No agent turn after the call at all: not said either.
    let line = judge(&dana(&[
        user("Coffee."),
        agent("Sorry, Dana!"),
        call("replace_item", &json!({"amount": 10})),
    ]));
    assert_eq!(
        finding(&line, "say-when-it-arrives")["reason"],
        "not-said-after"
    );
}

#[test]
fn at_most_counts_calls_per_conversation() {
    let line = judge(&dana(&[
        user("Coffee."),
        agent("Sorry, Dana!"),
        call("replace_item", &json!({"amount": 5})),
        agent("A new coffee is on its way."),
        call("replace_item", &json!({"amount": 5})),
        agent("Another is on its way."),
    ]));
    let f = finding(&line, "one-replacement");
    assert_eq!(
        (f["reason"].as_str(), f["at"].as_u64()),
        (Some("too-many"), Some(4))
    );
}

#[test]
fn the_turn_shape_is_judged_at_every_assistant_message_tool_only_included() {
    let line = judge(&dana(&[
        user("Coffee."),
        json!({"role": "assistant", "content": "Sorry, Dana, replacing it.", "tool_calls": [
            {"id": "a", "type": "function", "function": {"name": "replace_item", "arguments": "{\"amount\": 5}"}}]}),
        json!({"role": "assistant", "content": null, "tool_calls": [
            {"id": "b", "type": "function", "function": {"name": "log_it", "arguments": "{}"}},
            {"id": "c", "type": "function", "function": {"name": "log_it", "arguments": "{}"}}]}),
        agent("It is on its way."),
    ]));
    let shapes: Vec<u64> = line["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["reason"] == "turn-shape")
        .map(|f| f["at"].as_u64().unwrap())
        .collect();
    assert_eq!(shapes, [1, 2]);
    assert_eq!(finding(&line, "one-thing-at-a-time")["severity"], "warning");
}

#[test]
fn an_internal_note_is_not_a_turn_but_its_calls_count() {
    let line = judge(&dana(&[
        user("Coffee."),
        agent("Sorry, Dana!"),
        json!({"role": "assistant", "internal": true, "content": "are you willing to pay",
               "tool_calls": [{"id": "a", "type": "function",
                 "function": {"name": "replace_item", "arguments": "{\"amount\": 50}"}}]}),
        agent("It is on its way."),
    ]));
    assert_eq!(line["turns"], 2);
    assert_eq!(ids(&line), ["over-limit"]);
    assert_eq!(line["metrics"]["tool_calls"], 1);
}

#[test]
fn the_score_weighs_rules_and_procedures_once_each() {
    // Two turns: the first at `welcome`, the last at `farewell`, so the
    // `resolve` rule (apologise) applies at none and is skipped. Applied:
    // greet-by-name, no-money-talk, short, no-jargon (rules),
    // say-when-it-arrives, one-replacement, one-thing-at-a-time
    // (procedures): 7. Failed: no-money-talk (at both turns, counted once)
    // and say-when-it-arrives: 5 of 7 is 71.4.
    let line = judge(&dana(&[
        user("Coffee."),
        agent("Oh no, Dana! Who pays for this?"),
        call("replace_item", &json!({"amount": 5})),
        agent("Sorry. Who pays is not the point."),
    ]));
    assert_eq!(line["score"], 71.4, "{line:#}");
    assert_eq!(
        found(&line),
        [
            ("no-money-talk".to_owned(), 1),
            ("say-when-it-arrives".to_owned(), 2),
            ("no-money-talk".to_owned(), 3)
        ]
    );
    assert_eq!(
        line["failed"],
        json!(["no-money-talk", "say-when-it-arrives"])
    );
}

#[test]
fn explain_lists_every_rule_and_procedure_with_its_status() {
    let line = judge_with(POOL, &dana(&good()).to_string(), true);
    let statuses: Vec<(&str, &str, &str)> = line["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap(),
                f["kind"].as_str().unwrap(),
                f["status"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(statuses.len(), 7 + 7);
    assert!(statuses.contains(&("greet-by-name", "rule", "pass")));
    assert!(statuses.contains(&("echo-facts", "rule", "skipped")));
    assert!(statuses.contains(&("confirm-refund", "procedure", "skipped")));
    assert!(statuses.contains(&("one-thing-at-a-time", "procedure", "pass")));
}

#[test]
fn unknown_top_level_fields_come_back_under_meta() {
    let mut c = dana(&good());
    c["reward"] = json!(1.0);
    c["trial"] = json!(3);
    assert_eq!(judge(&c)["meta"], json!({"reward": 1.0, "trial": 3}));
}

// ---- ethos grade ---------------------------------------------------------

fn grade(args: &[&str], stdin: String) -> (i32, Vec<Value>, String) {
    let out = cargo_bin_cmd!("ethos")
        .env("NO_COLOR", "1")
        .args(["grade", "--playbook"])
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap();
    let lines = json_lines(out.stdout);
    (
        out.status.code().unwrap(),
        lines,
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn grade_tells_conversations_by_messages_and_keeps_input_order() {
    let input = format!(
        "{}\n{}\n",
        dana(&good()),
        dana(&[user("I'm hurt."), agent("Sorry, Dana!")])
    );
    let (code, lines, _) = grade(&[POOL, "--jobs", "2"], input);
    assert_eq!(code, 0);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["verdict"], "pass");
    assert_eq!(lines[1]["failed"], json!(["missed-escalation"]));
}

#[test]
fn a_bad_line_is_an_error_line_in_its_place_and_exit_2_the_others_graded() {
    let input = [
        dana(&good()).to_string(),
        r#"{"id": "T-2", "messages": {"role": "user"}}"#.to_owned(),
        "not json".to_owned(),
        dana(&good()).to_string(),
    ]
    .join("\n");
    let (code, lines, stderr) = grade(&[POOL, "--input-format", "conversations"], input);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[1]["id"], "T-2");
    assert!(
        lines[1]["error"].as_str().unwrap().contains("messages"),
        "{}",
        lines[1]
    );
    assert_eq!(lines[2]["line"], 3);
    assert!(lines[2].get("id").is_none());
    assert_eq!(lines[3]["verdict"], "pass");
    assert!(stderr.contains("2 lines could not be judged"), "{stderr}");
}

#[test]
fn reader_warnings_are_in_the_line_with_their_message_index() {
    // Arguments that are not JSON, a tool result for no call, and time
    // going back: each one warning at its message; the line is judged.
    let c = dana(&[
        json!({"role": "user", "content": "Coffee.", "timestamp": "2026-11-02T10:05:00Z"}),
        json!({"role": "assistant", "content": "Sorry, Dana!", "timestamp": "2026-11-02T10:00:00Z"}),
        json!({"role": "assistant", "content": null, "tool_calls": [{"id": "a", "type": "function",
               "function": {"name": "replace_item", "arguments": "{amount: 5"}}]}),
        json!({"role": "tool", "tool_call_id": "zzz", "content": "ok"}),
    ]);
    let (code, lines, _) = grade(&[POOL], format!("{c}\n"));
    assert_eq!(code, 1 - 1, "warnings do not change the exit code");
    let at: Vec<u64> = lines[0]["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["at"].as_u64().unwrap())
        .collect();
    assert_eq!(at, [1, 2, 3], "{:#}", lines[0]);
    assert_eq!(lines[0]["verdict"], "fail"); // the call had no amount, and no then_says
}

#[test]
fn a_10_mb_message_is_judged_on_its_first_mebibyte_with_a_warning() {
    let long = "coffee ".repeat(10 * 1024 * 1024 / 7);
    let c = dana(&[user(&long), agent("Sorry, Dana!")]);
    let (code, lines, _) = grade(&[POOL], format!("{c}\n{}\n", dana(&good())));
    assert_eq!(code, 0);
    assert_eq!(lines[0]["warnings"][0]["at"], 0);
    assert_eq!(lines[1]["verdict"], "pass");
}

#[test]
fn replies_can_be_forced_and_a_reply_file_is_still_graded_as_replies() {
    let (code, lines, _) = grade(
        &[POOL, "--input-format", "replies"],
        format!("{}\n", dana(&good())),
    );
    // As a reply line, `messages` is a field ethos does not know.
    assert_eq!(code, 2);
    assert!(lines[0].get("error").is_some());
    let (code, lines, _) = grade(
        &[POOL],
        "{\"step\": \"welcome\", \"text\": \"Hello Dana\", \"context\": {\"customer.name\": \"Dana\"}}\n"
            .to_owned(),
    );
    assert_eq!(code, 0);
    assert_eq!(lines[0]["verdict"], "pass");
}

#[test]
fn summary_and_fail_under_count_conversations() {
    let input = format!(
        "{}\n{}\n",
        dana(&good()),
        dana(&[user("I'm hurt."), agent("Sorry, Dana!")])
    );
    let out = cargo_bin_cmd!("ethos")
        .args(["grade", "--playbook", POOL, "--summary", "--format", "json"])
        .args(["--fail-under", "60"])
        .write_stdin(input.clone())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (s["conversations"].as_u64(), s["passed"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(s["pass_rate"], 50.0);
    assert_eq!(s["escalation_rate"], 50.0);
    let policy = &s["policy"][0];
    assert_eq!(policy["id"], "missed-escalation");
    assert_eq!(
        (policy["failed"].as_u64(), policy["conversations"].as_u64()),
        (Some(1), Some(1))
    );
    let out = cargo_bin_cmd!("ethos")
        .env("NO_COLOR", "1")
        .args([
            "grade",
            "--playbook",
            POOL,
            "--summary",
            "--fail-under",
            "50",
        ])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("1 of 2 conversations passed (50.0%)"),
        "{text}"
    );
    assert!(
        text.contains("missed-escalation (policy): 1 time, in 1 conversation"),
        "{text}"
    );
}

// ---- τ-bench ----------------------------------------------------------------

fn tau_bench() -> Vec<Value> {
    let (code, lines, stderr) = grade(&[AIRLINE], std::fs::read_to_string(TAU).unwrap());
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(lines.len(), 200);
    lines
}

fn run<'a>(lines: &'a [Value], id: &str) -> &'a Value {
    lines.iter().find(|l| l["id"] == id).unwrap()
}

#[test]
fn tau_bench_runs_give_the_findings_read_in_them() {
    let lines = tau_bench();
    // 3/0: the agent lists the new flights (message 38), the customer
    // answers with a payment wish and a bag (39), not a yes, and the agent
    // calls update_reservation_flights (40).
    let f = finding(run(&lines, "3/0"), "confirm-before-change");
    assert_eq!(
        (f["at"].as_u64(), f["tool"].as_str()),
        (Some(40), Some("update_reservation_flights"))
    );
    assert_eq!(f["reason"], "not-confirmed");
    // 1/0: "I recommend ..." at message 8, the agent's fourth turn.
    let f = finding(run(&lines, "1/0"), "no-subjective-advice");
    assert_eq!((f["at"].as_u64(), f["turn"].as_u64()), (Some(8), Some(4)));
    assert_eq!(f["matches"][0]["text"], "I recommend");
    // 37/0: a 200 USD certificate, over the agent's 150.
    let f = finding(run(&lines, "37/0"), "over-limit");
    assert_eq!(
        (f["at"].as_u64(), f["amount"].as_f64()),
        (Some(16), Some(200.0))
    );
    // 16/3: exactly 150 is within the limit (limits are inclusive).
    assert!(!ids(run(&lines, "16/3")).contains(&"over-limit".to_owned()));
    // 15/0: a cancellation with no fact that allows it.
    let f = finding(run(&lines, "15/0"), "cancel-only-when-allowed");
    assert_eq!(
        (f["at"].as_u64(), f["reason"].as_str()),
        (Some(26), Some("not-allowed"))
    );
    // 4/0 hands the case to a human agent, which no rule asked for.
    assert_eq!(run(&lines, "4/0")["escalation"]["done"], "human-agent");
    // τ-bench's reward comes back under meta.
    assert!(run(&lines, "0/0")["meta"]["reward"].is_f64());
}

// ---- ethos validate --conversation -------------------------------------------

fn validate_conversation(args: &[&str]) -> (i32, String) {
    let out = cargo_bin_cmd!("ethos")
        .env("NO_COLOR", "1")
        .args(["validate", "--playbook", AIRLINE, "--conversation", TAU])
        .args(args)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap();
    (out.status.code().unwrap(), text)
}

#[test]
fn validate_shows_a_conversation_as_a_transcript_with_findings_at_their_messages() {
    let (code, text) = validate_conversation(&["--id", "37/0"]);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.starts_with("[0] system\n  (instructions to the agent, not judged)\n[1] customer\n"),
        "{text}"
    );
    // The certificate call and its finding, under message 16.
    let at = text
        .find(
            "[16] agent\n  → calls `send_certificate` with {\"amount\":200,\"user_id\":\"mei_brown_7075\"}\n  ✗ over-limit:",
        )
        .unwrap_or_else(|| panic!("{text}"));
    assert!(text[at..].contains("[17] tool result"), "{text}");
    assert!(text.trim_end().ends_with("agent turns"), "{text}");
}

#[test]
fn validate_underlines_the_words_that_broke_a_rule() {
    let (_, text) = validate_conversation(&["--id", "1/0"]);
    let at = text
        .find("[8] agent, turn 4\n")
        .unwrap_or_else(|| panic!("{text}"));
    let after = &text[at..];
    assert!(
        after.contains("^^^^^^^^^^^ no-subjective-advice"),
        "{after}"
    );
    assert!(
        after.contains("✗ no-subjective-advice (turn 4): Give the facts the tools return"),
        "{after}"
    );
}

#[test]
fn validate_json_is_the_grade_line_and_an_unknown_id_is_an_error() {
    let (code, text) = validate_conversation(&["--id", "3/0", "--format", "json"]);
    assert_eq!(code, 1);
    let json: Value = serde_json::from_str(&text).unwrap();
    let graded = tau_bench();
    assert_eq!(&json, run(&graded, "3/0"));
    let (code, text) = validate_conversation(&["--id", "nope"]);
    assert_eq!(code, 2);
    assert!(text.contains("has no conversation with id nope"), "{text}");
}

#[test]
fn a_rule_finding_of_a_conversation_says_what_was_counted() {
    let line = r#"{"id": "short", "messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "Thanks for reaching out"}]}"#;
    let out = crate::support::ethos()
        .args(["grade", "--playbook", "saas-support", "-"])
        .write_stdin(line)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let brief = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "brief")
        .expect("brief fails: four words");
    assert_eq!(brief["detail"], "4 words; between 5 and 55");
}
