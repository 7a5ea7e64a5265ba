//! The reader's behaviour on small lines; `tests/conversation_read.rs` has
//! the file-level cases and the τ-bench runs.

use super::*;

fn read(text: &str) -> (Conversation, Vec<Warning>) {
    read_line(text, 7).unwrap_or_else(|e| panic!("{text}: {e:?}"))
}

fn error(text: &str) -> ErrorKind {
    read_line(text, 7).expect_err(text).kind
}

#[test]
fn a_plain_conversation_reads() {
    let (c, warnings) = read(
        r#"{"id": "T-1", "role": "attendant", "contacts": 2, "waiting": "15m",
            "customer": {"name": "Dana", "mood": "calm", "tier": "gold"},
            "facts": {"at_fault": false, "nights": 3}, "key_facts": ["coffee"],
            "escalated": "manager",
            "messages": [
              {"role": "system", "content": "Be kind."},
              {"role": "user", "content": "Hi", "timestamp": "2026-11-02T10:00:00Z"},
              {"content": "Hello!", "role": "assistant", "step": "welcome", "internal": false,
               "author": {"kind": "bot", "name": "Sunny"}, "escalate": "manager",
               "facts": {"resolved": true}}
            ]}"#,
    );
    assert!(warnings.is_empty());
    assert_eq!(c.id, "T-1");
    assert_eq!(c.line, 7);
    assert_eq!(c.role.as_deref(), Some("attendant"));
    assert_eq!(c.contacts, Some(2));
    assert_eq!(c.waiting, Some(Duration::from_secs(900)));
    assert_eq!(c.customer.name.as_deref(), Some("Dana"));
    assert_eq!(c.customer.tier.as_deref(), Some("gold"));
    assert_eq!(c.facts["nights"], Scalar::Int(3));
    assert_eq!(c.key_facts, ["coffee"]);
    assert_eq!(c.escalated.as_deref(), Some("manager"));
    let roles: Vec<Speaker> = c.messages.iter().map(|m| m.role).collect();
    assert_eq!(roles, [Speaker::System, Speaker::User, Speaker::Assistant]);
    let agent = &c.messages[2];
    assert_eq!(agent.index, 2);
    assert_eq!(agent.content.as_deref(), Some("Hello!"));
    assert_eq!(agent.step.as_deref(), Some("welcome"));
    assert_eq!(agent.facts["resolved"], Scalar::Bool(true));
    assert_eq!(
        agent.author,
        Some(Author {
            kind: AuthorKind::Bot,
            name: Some("Sunny".to_owned())
        })
    );
    assert_eq!(agent.escalate.as_deref(), Some("manager"));
    assert_eq!(
        c.messages[1].timestamp,
        Some("2026-11-02T10:00:00Z".parse().unwrap())
    );
    assert!(c.meta.is_empty());
}

#[test]
fn the_id_defaults_to_the_line_number_and_a_number_is_taken_as_text() {
    assert_eq!(read(r#"{"messages": []}"#).0.id, "7");
    assert_eq!(read(r#"{"id": 1042, "messages": []}"#).0.id, "1042");
    assert_eq!(read(r#"{"id": null, "messages": []}"#).0.id, "7");
}

#[test]
fn null_is_as_if_the_field_were_not_there() {
    let (c, _) = read(
        r#"{"role": null, "customer": null, "facts": null, "key_facts": null, "contacts": null,
            "messages": [{"role": "assistant", "content": null, "tool_calls": null, "name": null,
              "timestamp": null, "internal": null, "author": null, "facts": null}]}"#,
    );
    assert_eq!(c.role, None);
    assert_eq!(c.messages[0], Message::new(0, Speaker::Assistant));
}

#[test]
fn unknown_fields_of_a_message_are_read_past() {
    let (c, _) = read(
        r#"{"messages": [{"role": "assistant", "content": "ok", "refusal": null,
            "audio": {"id": "a"}, "function_call": {"name": "f"}}]}"#,
    );
    assert_eq!(c.messages[0].content.as_deref(), Some("ok"));
}

#[test]
fn developer_is_the_system() {
    let (c, _) = read(r#"{"messages": [{"role": "developer", "content": "x"}]}"#);
    assert_eq!(c.messages[0].role, Speaker::System);
}

#[test]
fn an_unknown_role_suggests_the_likely_one() {
    assert_eq!(
        error(r#"{"messages": [{"role": "user"}, {"role": "asistant"}]}"#),
        ErrorKind::UnknownRole {
            index: 1,
            role: "asistant".to_owned(),
            closest: Some("assistant")
        }
    );
    assert_eq!(
        error(r#"{"messages": [{"role": "customer"}]}"#),
        ErrorKind::UnknownRole {
            index: 0,
            role: "customer".to_owned(),
            closest: None
        }
    );
}

#[test]
fn a_syntax_error_wins_over_a_wrong_type_before_it() {
    assert!(matches!(
        error(r#"{"messages": [{"role": 3}], "x": }"#),
        ErrorKind::NotJson { .. }
    ));
}

#[test]
fn the_first_fault_is_the_one_reported() {
    assert_eq!(
        error(r#"{"messages": [{"role": "user", "content": 3}, {"role": "bogus"}]}"#),
        ErrorKind::WrongType {
            index: Some(0),
            field: "content".to_owned(),
            expected: Expected::TextOrParts,
            found: JsonType::Number
        }
    );
}

#[test]
fn an_error_keeps_the_id_even_when_it_comes_after() {
    let e = read_line(r#"{"messages": {}, "id": "T-9"}"#, 1).unwrap_err();
    assert_eq!(e.id.as_deref(), Some("T-9"));
    assert_eq!(
        e.kind,
        ErrorKind::MessagesNotAList {
            found: JsonType::Object
        }
    );
}

#[test]
fn columns_count_characters() {
    // `é` is two bytes; the bad `x` is the 13th character, the 14th byte.
    assert_eq!(
        error(r#"{"id": "é", x}"#),
        ErrorKind::NotJson {
            column: 13,
            ends_early: false
        }
    );
}

#[test]
fn a_cut_line_says_so() {
    assert!(matches!(
        error(r#"{"messages": [{"role": "user", "content": "Hel"#),
        ErrorKind::NotJson {
            ends_early: true,
            ..
        }
    ));
}

#[test]
fn deep_json_is_an_error_not_a_crash() {
    let nest = |n| format!("{}{}", "[".repeat(n), "]".repeat(n));
    // What is built (arguments given as an object) is limited to 128 levels…
    let deep = format!(
        r#"{{"messages": [{{"role": "assistant", "tool_calls": [{{"id": "c1",
            "function": {{"name": "f", "arguments": {{"a": {}}}}}}}]}}]}}"#,
        nest(10_000)
    );
    assert!(matches!(error(&deep), ErrorKind::TooDeep { .. }));
    // … and what is only read past, at any depth, without recursion.
    let (c, _) = read(&format!(r#"{{"messages": [], "x": {}}}"#, nest(100_000)));
    assert_eq!(c.meta.keys().collect::<Vec<_>>(), ["x"]);
    let (c, _) = read(&format!(
        r#"{{"messages": [{{"role": "user", "x": {}}}]}}"#,
        nest(100_000)
    ));
    assert_eq!(c.messages.len(), 1);
}

#[test]
fn cut_keeps_a_character_boundary() {
    let text = "aé";
    assert_eq!(read::cut(text, 2), "a");
}

#[test]
fn looks_like_conversation_wants_a_top_level_messages_key() {
    assert!(looks_like_conversation(r#"{"id": 1, "messages": []}"#));
    assert!(looks_like_conversation(r#"  {"messages": [oops"#));
    assert!(!looks_like_conversation(r#"{"text": "\"messages\""}"#));
    assert!(!looks_like_conversation(r#"{"context": {"messages": []}}"#));
    assert!(!looks_like_conversation(r#"["messages"]"#));
    assert!(!looks_like_conversation(
        r#"{"step": "welcome", "text": "hi"}"#
    ));
}

#[test]
fn meta_keeps_unknown_fields_in_order_as_written() {
    let (c, _) = read(r#"{"zeta": 1, "reward": 1.0, "messages": [], "alpha": {"b": [1, 2]}}"#);
    assert_eq!(
        c.meta.keys().collect::<Vec<_>>(),
        ["zeta", "reward", "alpha"]
    );
    assert_eq!(c.meta.get("reward").map(RawValue::get), Some("1.0"));
    assert_eq!(
        serde_json::to_string(&c.meta).unwrap(),
        r#"{"zeta":1,"reward":1.0,"alpha":{"b": [1, 2]}}"#
    );
}

#[test]
fn reading_to_judge_keeps_arguments_as_checked_text_that_parses_to_the_same() {
    let text = r#"{"messages": [
        {"role": "assistant", "content": null, "tool_calls": [
          {"id": "c1", "type": "function",
           "function": {"arguments": "{\"amount\": 40, \"user\": {\"id\": \"u_1\"}}", "name": "issue_credit"}},
          {"id": "c2", "type": "function", "function": {"name": "noop", "arguments": "{not json"}}]}]}"#;
    let (full, full_warnings) = read_line(text, 1).unwrap();
    let (judged, judged_warnings) = read_line_to_judge(text, 1).unwrap();
    assert_eq!(
        full_warnings, judged_warnings,
        "bad arguments warn either way"
    );
    assert!(matches!(
        judged_warnings.as_slice(),
        [Warning::BadArguments { call: 1, .. }]
    ));
    let (full_call, judged_call) = (
        &full.messages[0].tool_calls[0],
        &judged.messages[0].tool_calls[0],
    );
    assert_eq!(full_call.arguments_text, None);
    assert!(judged_call.arguments_text.is_some());
    assert_eq!(judged_call.parsed_arguments(), full_call.parsed_arguments());
    assert_eq!(full_call.parsed_arguments()["user"]["id"], "u_1");
    assert_eq!(
        judged.messages[0].tool_calls[1]
            .parsed_arguments()
            .into_owned(),
        serde_json::Value::Null
    );
}
