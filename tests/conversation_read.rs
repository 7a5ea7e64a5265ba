//! Reading conversation files (`docs/conversations.md`): every error and
//! warning with the message it is about, the shapes the format accepts, a
//! line with a 10 MB message, the streaming reader, and every one of
//! τ-bench's 200 airline runs.

use std::io::{BufReader, Cursor};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ethos::conversation::{
    Conversation, ErrorKind, Expected, JsonType, Lines, MAX_TEXT_BYTES, Speaker, Warning,
    looks_like_conversation, read_line,
};
use ethos::words::{Locale, Words};
use serde_json::json;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tau-bench")
        .join(name)
}

fn read(text: &str) -> (Conversation, Vec<Warning>) {
    read_line(text, 1).unwrap_or_else(|e| panic!("{text}\n{e:?}"))
}

/// A line with these messages (each a JSON text).
fn line(messages: &[&str]) -> String {
    format!(r#"{{"id": "c", "messages": [{}]}}"#, messages.join(", "))
}

// ---- errors ---------------------------------------------------------------

/// Every error the reader gives a line, with the line that gives it.
fn error_cases() -> Vec<(&'static str, String, ErrorKind)> {
    let wrong = |index, field: &str, expected, found| ErrorKind::WrongType {
        index,
        field: field.to_owned(),
        expected,
        found,
    };
    vec![
        (
            "not JSON",
            r#"{"messages": [}"#.to_owned(),
            ErrorKind::NotJson {
                column: 15,
                ends_early: false,
            },
        ),
        (
            "cut short",
            r#"{"messages": [{"role": "user", "content": "Hel"#.to_owned(),
            ErrorKind::NotJson {
                column: 46,
                ends_early: true,
            },
        ),
        (
            "not an object",
            r#"[{"role": "user"}]"#.to_owned(),
            ErrorKind::NotAnObject {
                found: JsonType::List,
            },
        ),
        (
            "no messages",
            r#"{"id": "T-1", "text": "hello"}"#.to_owned(),
            ErrorKind::NoMessages,
        ),
        (
            "messages not a list",
            r#"{"messages": "hello"}"#.to_owned(),
            ErrorKind::MessagesNotAList {
                found: JsonType::Text,
            },
        ),
        (
            "a message not an object",
            line(&[r#"{"role": "user", "content": "hi"}"#, r#""hello""#]),
            ErrorKind::MessageNotAnObject {
                index: 1,
                found: JsonType::Text,
            },
        ),
        (
            "a message without a role",
            line(&[
                r#"{"role": "user"}"#,
                r#"{"role": "assistant"}"#,
                r#"{"content": "hi"}"#,
            ]),
            ErrorKind::NoRole { index: 2 },
        ),
        (
            "an unknown role, with a likely one",
            line(&[r#"{"role": "usr", "content": "hi"}"#]),
            ErrorKind::UnknownRole {
                index: 0,
                role: "usr".to_owned(),
                closest: Some("user"),
            },
        ),
        (
            "an unknown role",
            line(&[
                r#"{"role": "user"}"#,
                r#"{"role": "agent", "content": "hi"}"#,
            ]),
            ErrorKind::UnknownRole {
                index: 1,
                role: "agent".to_owned(),
                closest: None,
            },
        ),
        (
            "content of the wrong type",
            line(&[
                r#"{"role": "user"}"#,
                r#"{"role": "assistant", "content": 42}"#,
            ]),
            wrong(Some(1), "content", Expected::TextOrParts, JsonType::Number),
        ),
        (
            "a content part of the wrong type",
            line(&[r#"{"role": "user", "content": [{"type": "text", "text": "a"}, 7]}"#]),
            wrong(Some(0), "content[1]", Expected::Object, JsonType::Number),
        ),
        (
            "a content part's text of the wrong type",
            line(&[r#"{"role": "user", "content": [{"type": "text", "text": ["a"]}]}"#]),
            wrong(Some(0), "content[0].text", Expected::Text, JsonType::List),
        ),
        (
            "a text part without its text",
            line(&[r#"{"role": "user", "content": [{"type": "text"}]}"#]),
            ErrorKind::MissingField {
                index: Some(0),
                field: "content[0].text".to_owned(),
            },
        ),
        (
            "tool calls not a list",
            line(&[r#"{"role": "assistant", "tool_calls": {"id": "c1"}}"#]),
            wrong(Some(0), "tool_calls", Expected::List, JsonType::Object),
        ),
        (
            "a tool call's name of the wrong type",
            line(&[
                r#"{"role": "user"}"#,
                r#"{"role": "assistant", "tool_calls": [{"id": "c1", "function": {"name": "a", "arguments": "{}"}}, {"id": "c2", "function": {"name": 5, "arguments": "{}"}}]}"#,
            ]),
            wrong(
                Some(1),
                "tool_calls[1].function.name",
                Expected::Text,
                JsonType::Number,
            ),
        ),
        (
            "a tool call without a function",
            line(&[r#"{"role": "assistant", "tool_calls": [{"id": "c1", "type": "function"}]}"#]),
            ErrorKind::MissingField {
                index: Some(0),
                field: "tool_calls[0].function".to_owned(),
            },
        ),
        (
            "a tool call without a name",
            line(&[
                r#"{"role": "assistant", "tool_calls": [{"id": "c1", "function": {"arguments": "{}"}}]}"#,
            ]),
            ErrorKind::MissingField {
                index: Some(0),
                field: "tool_calls[0].function.name".to_owned(),
            },
        ),
        (
            "arguments of the wrong type",
            line(&[
                r#"{"role": "assistant", "tool_calls": [{"id": "c1", "function": {"name": "f", "arguments": [1]}}]}"#,
            ]),
            wrong(
                Some(0),
                "tool_calls[0].function.arguments",
                Expected::TextOrObject,
                JsonType::List,
            ),
        ),
        (
            "a tool call id of the wrong type",
            line(&[r#"{"role": "tool", "tool_call_id": 12, "content": "ok"}"#]),
            wrong(Some(0), "tool_call_id", Expected::Text, JsonType::Number),
        ),
        (
            "internal of the wrong type",
            line(&[r#"{"role": "assistant", "content": "note", "internal": "yes"}"#]),
            wrong(Some(0), "internal", Expected::Bool, JsonType::Text),
        ),
        (
            "a timestamp that is not RFC 3339",
            line(&[r#"{"role": "user", "content": "hi", "timestamp": "yesterday at noon"}"#]),
            ErrorKind::BadValue {
                index: Some(0),
                field: "timestamp".to_owned(),
                expected: Expected::Timestamp,
                value: "yesterday at noon".to_owned(),
            },
        ),
        (
            "a timestamp without its offset",
            line(&[r#"{"role": "user", "content": "hi", "timestamp": "2026-11-02T10:00:00"}"#]),
            ErrorKind::BadValue {
                index: Some(0),
                field: "timestamp".to_owned(),
                expected: Expected::Timestamp,
                value: "2026-11-02T10:00:00".to_owned(),
            },
        ),
        (
            "a message's fact that is not a value",
            line(&[r#"{"role": "user", "content": "hi", "facts": {"order": {"id": 1}}}"#]),
            wrong(Some(0), "facts.order", Expected::Scalar, JsonType::Object),
        ),
        (
            "an author of an unknown kind",
            line(&[r#"{"role": "assistant", "content": "hi", "author": {"kind": "robot"}}"#]),
            ErrorKind::BadValue {
                index: Some(0),
                field: "author.kind".to_owned(),
                expected: Expected::AuthorKind,
                value: "robot".to_owned(),
            },
        ),
        (
            "an author without a kind",
            line(&[r#"{"role": "assistant", "content": "hi", "author": {"name": "Sam"}}"#]),
            ErrorKind::MissingField {
                index: Some(0),
                field: "author.kind".to_owned(),
            },
        ),
        (
            "an id of the wrong type",
            r#"{"id": ["T-1"], "messages": []}"#.to_owned(),
            wrong(None, "id", Expected::TextOrNumber, JsonType::List),
        ),
        (
            "a customer of the wrong type",
            r#"{"customer": "Dana", "messages": []}"#.to_owned(),
            wrong(None, "customer", Expected::Object, JsonType::Text),
        ),
        (
            "a customer's name of the wrong type",
            r#"{"customer": {"name": 3}, "messages": []}"#.to_owned(),
            wrong(None, "customer.name", Expected::Text, JsonType::Number),
        ),
        (
            "contacts below zero",
            r#"{"contacts": -1, "messages": []}"#.to_owned(),
            ErrorKind::BadValue {
                index: None,
                field: "contacts".to_owned(),
                expected: Expected::Count,
                value: "-1".to_owned(),
            },
        ),
        (
            "waiting that is not a duration",
            r#"{"waiting": "a while", "messages": []}"#.to_owned(),
            ErrorKind::BadValue {
                index: None,
                field: "waiting".to_owned(),
                expected: Expected::Duration,
                value: "a while".to_owned(),
            },
        ),
        (
            "a key fact of the wrong type",
            r#"{"key_facts": ["towels", 2], "messages": []}"#.to_owned(),
            wrong(None, "key_facts[1]", Expected::Text, JsonType::Number),
        ),
        (
            "a fact that is not a value",
            r#"{"facts": {"at_fault": null}, "messages": []}"#.to_owned(),
            wrong(None, "facts.at_fault", Expected::Scalar, JsonType::Null),
        ),
    ]
}

#[test]
fn every_error_names_what_is_wrong_and_in_which_message() {
    for (what, text, expected) in error_cases() {
        let got = read_line(&text, 1).expect_err(what);
        assert_eq!(got.kind, expected, "{what}: {text}");
        if text.starts_with(r#"{"id": "c""#) {
            assert_eq!(got.id.as_deref(), Some("c"), "{what}: the id is kept");
        }
    }
}

#[test]
fn a_line_over_the_limit_and_a_line_not_utf8_are_errors_for_that_line_only() {
    let good = line(&[r#"{"role": "user", "content": "hi"}"#]);
    let mut file = Vec::new();
    file.extend_from_slice(
        format!(r#"{{"messages": [], "pad": "{}"}}"#, "x".repeat(300)).as_bytes(),
    );
    file.push(b'\n');
    file.extend_from_slice(b"{\"id\": \"caf\xC3\xA9\", \"messages\": [\xFF]}\n");
    file.extend_from_slice(good.as_bytes());
    file.push(b'\n');
    let read: Vec<(u64, Result<_, _>)> = Lines::with_limit(Cursor::new(file), 200)
        .map(Result::unwrap)
        .collect();
    assert_eq!(read.len(), 3);
    assert_eq!(read[0].0, 1);
    assert_eq!(
        read[0].1.as_ref().unwrap_err().kind,
        ErrorKind::TooLong {
            bytes: 327,
            max: 200
        }
    );
    assert_eq!(
        read[1].1.as_ref().unwrap_err().kind,
        ErrorKind::NotUtf8 { column: 29 }
    );
    let (conversation, _) = read[2].1.as_ref().unwrap();
    assert_eq!((read[2].0, conversation.line), (3, 3));
}

// ---- warnings -------------------------------------------------------------

#[test]
fn arguments_that_are_not_json_are_null_with_a_warning() {
    let (c, warnings) = read(&line(&[
        r#"{"role": "user", "content": "Change it"}"#,
        r#"{"role": "assistant", "content": null, "tool_calls": [
            {"id": "c1", "type": "function", "function": {"name": "lookup", "arguments": "{\"id\": 1}"}},
            {"id": "c2", "type": "function", "function": {"name": "refund", "arguments": "{amount: 6}"}}]}"#,
    ]));
    let calls = &c.messages[1].tool_calls;
    assert_eq!(calls[0].arguments, json!({"id": 1}));
    assert_eq!(calls[1].name, "refund");
    assert_eq!(calls[1].arguments, serde_json::Value::Null);
    assert_eq!(
        warnings,
        [Warning::BadArguments {
            index: 1,
            call: 1,
            id: Some("c2".to_owned()),
            column: 2
        }]
    );
}

#[test]
fn a_tool_result_for_no_earlier_call_is_warned_about() {
    let (_, warnings) = read(&line(&[
        r#"{"role": "tool", "tool_call_id": "c1", "content": "too early"}"#,
        r#"{"role": "assistant", "tool_calls": [{"id": "c1", "function": {"name": "f", "arguments": "{}"}}]}"#,
        r#"{"role": "tool", "tool_call_id": "c1", "content": "ok"}"#,
        r#"{"role": "tool", "tool_call_id": "c9", "content": "whose?"}"#,
    ]));
    assert_eq!(
        warnings,
        [
            Warning::UnknownToolCall {
                index: 0,
                id: "c1".to_owned()
            },
            Warning::UnknownToolCall {
                index: 3,
                id: "c9".to_owned()
            },
        ]
    );
}

#[test]
fn timestamps_going_backwards_are_warned_about() {
    let (c, warnings) = read(&line(&[
        r#"{"role": "user", "content": "a", "timestamp": "2026-11-02T10:00:00Z"}"#,
        r#"{"role": "assistant", "content": "b", "timestamp": "2026-11-02T10:05:00Z"}"#,
        r#"{"role": "user", "content": "c"}"#,
        r#"{"role": "assistant", "content": "d", "timestamp": "2026-11-02T11:01:00+01:00"}"#,
        r#"{"role": "user", "content": "e", "timestamp": "2026-11-02T10:06:00Z"}"#,
    ]));
    assert_eq!(
        c.messages[3].timestamp,
        Some("2026-11-02T10:01:00Z".parse().unwrap())
    );
    assert_eq!(
        warnings,
        [Warning::TimeGoesBack {
            index: 3,
            at: "2026-11-02T10:01:00Z".parse().unwrap(),
            earlier: 1,
            earlier_at: "2026-11-02T10:05:00Z".parse().unwrap(),
        }]
    );
}

#[test]
fn a_ten_megabyte_message_is_cut_to_a_megabyte_quickly() {
    // Multi-byte characters and escapes, so the cut lands inside a
    // character and serde has to unescape.
    let body = "é\\n".repeat(10 * 1024 * 1024 / 4);
    let text = line(&[
        r#"{"role": "user", "content": "hi"}"#,
        &format!(r#"{{"role": "assistant", "content": "{body}"}}"#),
    ]);
    assert!(text.len() > 10_000_000);
    let started = Instant::now();
    let (c, warnings) = read(&text);
    let took = started.elapsed();
    let content = c.messages[1].content.as_deref().unwrap();
    assert!(content.len() <= MAX_TEXT_BYTES && content.len() > MAX_TEXT_BYTES - 4);
    assert!(content.starts_with("é\né\n"));
    let [
        Warning::Truncated {
            index: 1,
            bytes,
            kept,
        },
    ] = warnings[..]
    else {
        panic!("{warnings:?}");
    };
    assert_eq!(bytes, 10 * 1024 * 1024 / 4 * 3);
    assert_eq!(kept, content.len());
    // Generous for a debug build on a busy machine; a release build takes ms.
    assert!(took < Duration::from_secs(5), "{took:?}");

    // The same through the file reader, with a line after it.
    let mut file = text.clone().into_bytes();
    file.extend_from_slice(b"\n{\"messages\": []}\n");
    let read: Vec<_> = Lines::new(BufReader::new(Cursor::new(file)))
        .map(Result::unwrap)
        .collect();
    assert_eq!(read.len(), 2);
    assert!(read.iter().all(|(_, outcome)| outcome.is_ok()));
}

#[test]
fn parts_of_a_list_content_are_cut_together() {
    let part = "a".repeat(MAX_TEXT_BYTES / 2 + 10);
    let (c, warnings) = read(&line(&[&format!(
        r#"{{"role": "user", "content": [{{"type": "text", "text": "{part}"}}, {{"type": "text", "text": "{part}"}}]}}"#
    )]));
    assert_eq!(
        c.messages[0].content.as_ref().map(String::len),
        Some(MAX_TEXT_BYTES)
    );
    assert_eq!(
        warnings,
        [Warning::Truncated {
            index: 0,
            bytes: 2 * part.len() + 1,
            kept: MAX_TEXT_BYTES
        }]
    );
}

#[test]
fn arguments_over_a_megabyte_are_not_parsed() {
    let big = format!(r#"{{\"note\": \"{}\"}}"#, "x".repeat(MAX_TEXT_BYTES));
    let (c, warnings) = read(&line(&[&format!(
        r#"{{"role": "assistant", "tool_calls": [{{"id": "c1", "function": {{"name": "f", "arguments": "{big}"}}}}]}}"#
    )]));
    assert_eq!(
        c.messages[0].tool_calls[0].arguments,
        serde_json::Value::Null
    );
    assert!(matches!(
        warnings[..],
        [Warning::ArgumentsTooLong {
            index: 0,
            call: 0,
            ..
        }]
    ));
}

// ---- what the format accepts ----------------------------------------------

#[test]
fn a_list_content_joins_its_text_parts_with_a_line_break() {
    let (c, warnings) = read(&line(&[
        r#"{"role": "user", "content": [{"type": "text", "text": "My order"},
            {"type": "image_url", "image_url": {"url": "https://example.com/a.png"}},
            {"text": "is late.", "type": "text"}]}"#,
    ]));
    assert!(warnings.is_empty());
    assert_eq!(c.messages[0].content.as_deref(), Some("My order\nis late."));
}

#[test]
fn arguments_given_as_an_object_are_taken_as_they_are() {
    let (c, warnings) = read(&line(&[
        r#"{"role": "assistant", "tool_calls": [{"id": "c1", "type": "function",
            "function": {"name": "replace_item", "arguments": {"amount": 6, "items": ["towel"]}}}]}"#,
    ]));
    assert!(warnings.is_empty());
    let call = &c.messages[0].tool_calls[0];
    assert_eq!(call.id.as_deref(), Some("c1"));
    assert_eq!(call.arguments, json!({"amount": 6, "items": ["towel"]}));
}

#[test]
fn unknown_top_level_fields_are_kept_under_meta_in_order() {
    let (c, _) = read(
        r#"{"task_id": 3, "id": "3/1", "reward": 1.0, "messages": [], "info": {"b": 1, "a": [true]}}"#,
    );
    assert_eq!(
        c.meta.keys().collect::<Vec<_>>(),
        ["task_id", "reward", "info"]
    );
    assert_eq!(c.meta.value("reward"), Some(json!(1.0)));
    assert_eq!(
        serde_json::to_string(&c.meta).unwrap(),
        r#"{"task_id":3,"reward":1.0,"info":{"b": 1, "a": [true]}}"#
    );
}

#[test]
fn the_example_of_the_contract_reads() {
    let (c, warnings) = read(
        r#"{"id": "T-1042", "role": "attendant", "contacts": 1,
 "customer": {"name": "Dana", "mood": "embarrassed", "tier": "gold"},
 "facts": {"at_fault": false},
 "key_facts": ["coffee", "towels"],
 "messages": [
  {"role": "system", "content": "You are a pool attendant..."},
  {"role": "user", "content": "Sorry, the wind blew coffee all over the towels.", "timestamp": "2026-11-02T10:00:00Z"},
  {"role": "assistant", "content": "Oh no, Dana! Fresh towels and a new coffee are on their way.", "timestamp": "2026-11-02T10:00:40Z"},
  {"role": "assistant", "content": null, "tool_calls": [{"id": "c1", "type": "function",
     "function": {"name": "replace_item", "arguments": "{\"amount\": 6}"}}]},
  {"role": "tool", "tool_call_id": "c1", "content": "{\"ok\": true}"},
  {"role": "user", "content": "Thank you so much!", "facts": {"resolved": true}},
  {"role": "assistant", "content": "My pleasure, Dana. Enjoy the sunshine!", "step": "farewell"}
 ]}"#,
    );
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(c.id, "T-1042");
    assert_eq!(c.messages.len(), 7);
    assert_eq!(c.messages[3].tool_calls[0].arguments, json!({"amount": 6}));
    assert_eq!(c.messages[4].role, Speaker::Tool);
    assert_eq!(c.messages[6].step.as_deref(), Some("farewell"));
    assert!(looks_like_conversation(&line(&[])));
}

#[test]
fn the_file_reader_passes_blank_lines_crlf_and_a_byte_order_mark() {
    let file = "\u{feff}{\"messages\": []}\r\n\r\n   \n{\"id\": \"b\", \"messages\": []}\n{\"messages\": []}";
    let read: Vec<(u64, String)> = Lines::new(Cursor::new(file))
        .map(|item| {
            let (n, outcome) = item.unwrap();
            (n, outcome.unwrap().0.id)
        })
        .collect();
    assert_eq!(
        read,
        [
            (1, "1".to_owned()),
            (4, "b".to_owned()),
            (5, "5".to_owned())
        ]
    );
}

// ---- τ-bench ----------------------------------------------------------------

#[test]
fn every_tau_bench_run_reads_with_no_error() {
    let file = std::fs::File::open(fixture("airline-gpt-4o.jsonl")).unwrap();
    let (mut runs, mut messages, mut calls, mut results) = (0, 0, 0, 0);
    for item in Lines::new(BufReader::new(file)) {
        let (number, outcome) = item.unwrap();
        let (c, warnings) = outcome.unwrap_or_else(|e| panic!("line {number}: {e:?}"));
        assert!(warnings.is_empty(), "line {number}: {warnings:?}");
        assert!(c.id.contains('/'), "{}", c.id);
        assert!(c.meta.value("reward").is_some_and(|r| r.is_f64()));
        assert_eq!(c.messages[0].role, Speaker::System);
        for m in &c.messages {
            for call in &m.tool_calls {
                assert!(call.arguments.is_object(), "{}: {}", c.id, call.name);
            }
            if m.role == Speaker::Tool {
                results += 1;
                assert!(m.tool_call_id.is_some() && m.name.is_some());
            }
            calls += m.tool_calls.len();
        }
        messages += c.messages.len();
        runs += 1;
    }
    // What τ-bench's README and the raw file say: 200 runs, 5,308 messages,
    // 1,164 tool calls, each answered.
    assert_eq!((runs, messages, calls, results), (200, 5308, 1164, 1164));
}

#[test]
fn tau_bench_lines_look_like_conversations() {
    let text = std::fs::read_to_string(fixture("airline-gpt-4o.jsonl")).unwrap();
    assert!(text.lines().all(looks_like_conversation));
}

// ---- words --------------------------------------------------------------------

/// Every warning the reader gives, one of each.
fn warning_cases() -> Vec<Warning> {
    let at = |t: &str| t.parse().unwrap();
    vec![
        Warning::BadArguments {
            index: 3,
            call: 0,
            id: Some("call_abc".to_owned()),
            column: 2,
        },
        Warning::BadArguments {
            index: 3,
            call: 1,
            id: None,
            column: 14,
        },
        Warning::ArgumentsTooLong {
            index: 5,
            call: 0,
            id: Some("c1".to_owned()),
            bytes: 2_000_000,
            max: MAX_TEXT_BYTES,
        },
        Warning::UnknownToolCall {
            index: 4,
            id: "call_xyz".to_owned(),
        },
        Warning::TimeGoesBack {
            index: 6,
            at: at("2026-11-02T10:01:00Z"),
            earlier: 5,
            earlier_at: at("2026-11-02T10:05:00Z"),
        },
        Warning::Truncated {
            index: 2,
            bytes: 10_485_760,
            kept: MAX_TEXT_BYTES,
        },
    ]
}

fn worded(locale: Locale) -> String {
    let w = Words::new(locale);
    let mut out = String::from("# errors\n");
    let mut errors: Vec<(String, ErrorKind)> = error_cases()
        .into_iter()
        .map(|(what, _, kind)| (what.to_owned(), kind))
        .collect();
    errors.push(("too deep".to_owned(), ErrorKind::TooDeep { column: 140 }));
    errors.push(("not UTF-8".to_owned(), ErrorKind::NotUtf8 { column: 29 }));
    errors.push((
        "too long".to_owned(),
        ErrorKind::TooLong {
            bytes: 40_000_000,
            max: 33_554_432,
        },
    ));
    for (what, kind) in errors {
        out.push_str(&what);
        out.push_str(": ");
        out.push_str(&w.conversation_error(&kind));
        out.push('\n');
    }
    out.push_str("# warnings\n");
    for warning in warning_cases() {
        out.push_str(&w.conversation_warning(&warning));
        out.push('\n');
    }
    out
}

#[test]
fn errors_and_warnings_in_english() {
    insta::assert_snapshot!("conversation_words_en", worded(Locale::En));
}

#[test]
fn errors_and_warnings_in_chinese() {
    insta::assert_snapshot!("conversation_words_zh", worded(Locale::Zh));
}

#[test]
fn errors_and_warnings_in_german_have_words_of_their_own() {
    let (en, de) = (worded(Locale::En), worded(Locale::De));
    assert_eq!(en.lines().count(), de.lines().count());
    for (e, d) in en
        .lines()
        .zip(de.lines())
        .filter(|(e, _)| !e.starts_with('#'))
    {
        assert_ne!(e, d, "not translated: {e}");
    }
}

#[test]
fn the_example_messages_of_the_docs_are_the_words_ethos_uses() {
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/conversations.md"),
    )
    .unwrap();
    let words = worded(Locale::En);
    let mut checked = 0;
    for section in ["## Errors", "## Warnings"] {
        let body = &doc[doc.find(section).unwrap()..];
        let body = &body[..body[3..].find("\n## ").map_or(body.len(), |i| i + 3)];
        for row in body.lines().filter(|l| l.starts_with("| ")).skip(1) {
            let cells: Vec<&str> = row.trim_matches('|').split(" | ").collect();
            let example = cells.last().unwrap().trim();
            assert!(
                words.contains(example),
                "docs/conversations.md: `{example}` is not what ethos says"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 14 + 5);
}

// ---- the fuzz target's corpus --------------------------------------------------

#[test]
fn the_read_conversation_corpus_reads_without_a_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut count = 0;
    for kind in ["corpus", "regressions"] {
        let Ok(entries) = std::fs::read_dir(dir.join(kind).join("read_conversation")) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            let ran = std::panic::catch_unwind(|| {
                ethos::conversation::fuzz::read_conversation(&bytes);
            });
            assert!(ran.is_ok(), "{} panics", path.display());
            count += 1;
        }
    }
    assert!(
        count > 10,
        "fuzz/corpus/read_conversation/ has {count} files"
    );
}
