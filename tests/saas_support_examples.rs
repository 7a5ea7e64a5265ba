//! The bundled `saas-support` playbook's procedures and the example
//! conversations in `examples/saas-support/`: the procedures speak of tools
//! that exist, every example conversation (the file's and the procedures'
//! own) reads as a conversation line, and `expected.jsonl` names only
//! conversations, rules, procedures and policy codes that exist. Whether the
//! judge agrees with `expected.jsonl` is for the judge's own test.

use std::collections::{BTreeMap, BTreeSet};

use ethos::conversation::{Conversation, Speaker, read_line};
use ethos::engine::PolicyCode;
use ethos::playbook::procedure::Procedure;
use ethos::playbook::{Playbook, bundled, load};
use serde_json::Value;

const CONVERSATIONS: &str = "examples/saas-support/conversations.jsonl";
const EXPECTED: &str = "examples/saas-support/expected.jsonl";

/// The reason codes of procedure findings (`shared/spec/PLAYBOOK.md`,
/// "Procedures").
const REASONS: [&str; 9] = [
    "not-confirmed",
    "not-asked",
    "not-said",
    "not-done-first",
    "done-before",
    "not-allowed",
    "too-many",
    "not-said-after",
    "turn-shape",
];

fn playbook() -> Playbook {
    load::parse(bundled::find("saas-support").expect("bundled").text).expect("loads")
}

/// Every line of the example file, read as `grade` reads it: each must read
/// without an error or a warning.
fn conversations() -> Vec<Conversation> {
    let text = std::fs::read_to_string(CONVERSATIONS).expect("the example file reads");
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| {
            let n = n as u64 + 1;
            let (conversation, warnings) = read_line(line, n)
                .unwrap_or_else(|e| panic!("{CONVERSATIONS}:{n}: not a conversation: {e:?}"));
            assert!(
                warnings.is_empty(),
                "{CONVERSATIONS}:{n}: warnings {warnings:?}"
            );
            conversation
        })
        .collect()
}

/// Every line of `expected.jsonl`, as JSON.
fn expected() -> Vec<Value> {
    let text = std::fs::read_to_string(EXPECTED).expect("expected.jsonl reads");
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{line}: {e}")))
        .collect()
}

/// The tools a conversation calls, in order.
fn calls(conversation: &Conversation) -> impl Iterator<Item = &str> {
    conversation
        .messages
        .iter()
        .flat_map(|m| m.tool_calls.iter().map(|c| c.name.as_str()))
}

/// The tools a procedure is judged at: its `calls`, an action id read as
/// the action's tool.
fn tools_of<'p>(pb: &'p Playbook, procedure: &'p Procedure) -> Vec<&'p str> {
    procedure
        .calls
        .iter()
        .map(|call| {
            pb.actions
                .iter()
                .find(|a| a.id.as_str() == call.as_str())
                .and_then(|a| a.tool.as_ref())
                .map_or(call.as_str(), |t| t.as_str())
        })
        .collect()
}

/// What a procedure may find, given its parts.
fn reasons_of(procedure: &Procedure) -> BTreeSet<&'static str> {
    let mut reasons = BTreeSet::new();
    if procedure.turn.is_some() {
        reasons.insert("turn-shape");
    }
    if let Some(require) = &procedure.require {
        let r = &require.value;
        for (given, reason) in [
            (r.customer_says.is_some(), "not-confirmed"),
            (r.customer_said.is_some(), "not-asked"),
            (r.agent_says.is_some() || r.agent_said.is_some(), "not-said"),
            (r.done.is_some(), "not-done-first"),
            (r.not_done.is_some(), "done-before"),
        ] {
            if given {
                reasons.insert(reason);
            }
        }
    }
    for (given, reason) in [
        (procedure.only_when.is_some(), "not-allowed"),
        (procedure.at_most.is_some(), "too-many"),
        (procedure.then_says.is_some(), "not-said-after"),
    ] {
        if given {
            reasons.insert(reason);
        }
    }
    reasons
}

#[test]
fn saas_support_procedures_call_tools_of_actions_or_tools_the_examples_use() {
    let pb = playbook();
    let conversations = conversations();
    let used: BTreeSet<&str> = conversations.iter().flat_map(calls).collect();
    let action_tools: BTreeMap<&str, &str> = pb
        .actions
        .iter()
        .filter_map(|a| a.tool.as_ref().map(|t| (a.id.as_str(), t.as_str())))
        .collect();
    assert!(!pb.procedures.is_empty(), "saas-support has procedures");
    for procedure in &pb.procedures {
        let id = procedure.id.as_str();
        for call in &procedure.calls {
            let call = call.as_str();
            // An action id stands for its tool, which must then be named.
            let tool = action_tools.get(call).copied().unwrap_or(call);
            assert!(
                action_tools.values().any(|t| *t == tool) || used.contains(tool),
                "{id}: calls `{call}`, which is no action's tool and no example calls"
            );
            assert!(
                used.contains(tool),
                "{id}: no example conversation calls `{tool}`"
            );
        }
        if let Some(require) = &procedure.require {
            let r = &require.value;
            for tool in r
                .done
                .iter()
                .chain(r.not_done.iter())
                .flat_map(ethos::playbook::Texts::iter)
            {
                assert!(
                    used.contains(tool.as_str()),
                    "{id}: requires `{}`, which no example conversation calls",
                    tool.as_str()
                );
            }
        }
    }
    // A handoff tool escalates; it is no action's tool, or one call would
    // be both an action and a handoff.
    for role in pb.roles.iter() {
        if let Some(tool) = role.handoff.as_ref().and_then(|h| h.tool.as_ref()) {
            assert!(
                !action_tools.values().any(|t| *t == tool.as_str()),
                "{}: handoff tool `{}` is an action's tool",
                role.id.as_str(),
                tool.as_str()
            );
        }
    }
}

#[test]
fn saas_support_example_conversations_read_and_name_what_the_playbook_has() {
    let pb = playbook();
    let conversations = conversations();
    assert!(
        (8..=12).contains(&conversations.len()),
        "8 to 12 conversations, has {}",
        conversations.len()
    );
    let mut ids = BTreeSet::new();
    let facts: BTreeSet<&str> = pb.facts.iter().map(|f| f.id.as_str()).collect();
    let steps: BTreeSet<&str> = pb.steps.iter().map(|s| s.id.as_str()).collect();
    for c in &conversations {
        assert!(ids.insert(c.id.clone()), "{}: id given twice", c.id);
        let role = c.role.as_deref().expect("each conversation names its role");
        assert!(
            pb.roles.iter().any(|r| r.id.as_str() == role),
            "{}: role {role}",
            c.id
        );
        let mut keys: Vec<&str> = c.facts.keys().map(String::as_str).collect();
        keys.extend(
            c.messages
                .iter()
                .flat_map(|m| m.facts.keys().map(String::as_str)),
        );
        for key in keys {
            assert!(
                facts.contains(key),
                "{}: fact `{key}` is not declared",
                c.id
            );
        }
        let mut called = BTreeSet::new();
        for m in &c.messages {
            if let Some(step) = &m.step {
                assert!(steps.contains(step.as_str()), "{}: step {step}", c.id);
            }
            for call in &m.tool_calls {
                assert!(
                    call.arguments.is_object(),
                    "{}: {} arguments",
                    c.id,
                    call.name
                );
                called.insert(call.id.clone().expect("each call has an id"));
            }
            if m.role == Speaker::Tool {
                let answers = m.tool_call_id.clone();
                assert!(
                    called.contains(&answers.unwrap_or_default()),
                    "{}: tool result",
                    c.id
                );
            }
        }
        assert!(
            c.messages.iter().any(|m| m.role == Speaker::User)
                && c.messages.iter().any(|m| m.role == Speaker::Assistant),
            "{}: a customer and an agent",
            c.id
        );
    }
}

#[test]
fn saas_support_procedure_examples_read_as_conversations() {
    let pb = playbook();
    for procedure in &pb.procedures {
        let id = procedure.id.as_str();
        let examples = &procedure
            .examples
            .as_ref()
            .unwrap_or_else(|| panic!("{id}: has examples"))
            .value;
        assert!(
            !examples.pass.is_empty() && !examples.fail.is_empty(),
            "{id}: a pass and a fail example"
        );
        for (kind, list) in [("pass", &examples.pass), ("fail", &examples.fail)] {
            for (n, example) in list.iter().enumerate() {
                let line = serde_json::to_string(&example.value).unwrap();
                let (conversation, warnings) = read_line(&line, 1)
                    .unwrap_or_else(|e| panic!("{id}: {kind} example {n}: {e:?}"));
                assert!(warnings.is_empty(), "{id}: {kind} {n}: {warnings:?}");
                let tools = tools_of(&pb, procedure);
                if !tools.is_empty() {
                    assert!(
                        calls(&conversation).any(|t| tools.contains(&t)),
                        "{id}: {kind} example {n} makes none of its calls"
                    );
                }
            }
        }
    }
}

#[test]
fn saas_support_expected_names_only_ids_that_exist() {
    let pb = playbook();
    let read: BTreeMap<String, Conversation> = conversations()
        .into_iter()
        .map(|c| (c.id.clone(), c))
        .collect();
    let conversations: BTreeSet<String> = read.keys().cloned().collect();
    let rules: BTreeSet<&str> = pb.rules.iter().map(|r| r.id.as_str()).collect();
    let procedures: BTreeMap<&str, &Procedure> =
        pb.procedures.iter().map(|p| (p.id.as_str(), p)).collect();
    // Policy findings that fail a conversation; `failed` lists only those.
    let policy: BTreeSet<&str> = [
        PolicyCode::MissedEscalation,
        PolicyCode::OverLimit,
        PolicyCode::ForbiddenAction,
    ]
    .into_iter()
    .filter(|c| c.severity() == ethos::playbook::Severity::Error)
    .map(PolicyCode::as_str)
    .collect();
    assert_eq!(policy.len(), 3);

    let mut seen = BTreeSet::new();
    let mut broken = BTreeSet::new();
    for line in expected() {
        let id = line["id"].as_str().expect("an id").to_owned();
        assert!(conversations.contains(&id), "{id}: no such conversation");
        assert!(seen.insert(id.clone()), "{id}: expected twice");
        let failed: Vec<&str> = line["failed"]
            .as_array()
            .expect("failed")
            .iter()
            .map(|f| f.as_str().expect("an id"))
            .collect();
        match line["verdict"].as_str() {
            Some("pass") => assert!(failed.is_empty(), "{id}: passes with failures"),
            Some("fail") => assert!(!failed.is_empty(), "{id}: fails with none"),
            other => panic!("{id}: verdict {other:?}"),
        }
        for f in &failed {
            assert!(
                rules.contains(f) || procedures.contains_key(f) || policy.contains(f),
                "{id}: `{f}` is no rule, procedure or policy code of saas-support"
            );
            if procedures.contains_key(f) {
                broken.insert((*f).to_owned());
            }
        }
        let reasons = line.get("reasons").and_then(Value::as_object);
        for (procedure, reason) in reasons.into_iter().flatten() {
            let reason = reason.as_str().expect("a reason code");
            assert!(REASONS.contains(&reason), "{id}: reason {reason}");
            let p = procedures
                .get(procedure.as_str())
                .unwrap_or_else(|| panic!("{id}: reason of no procedure {procedure}"));
            assert!(
                failed.contains(&procedure.as_str()),
                "{id}: {procedure} not failed"
            );
            assert!(
                reasons_of(p).contains(reason),
                "{id}: {procedure} cannot find {reason}"
            );
        }
        // `at`: the message of each procedure finding, an agent's message
        // that makes one of the procedure's calls (any, for a turn shape).
        let at = line.get("at").and_then(Value::as_object);
        for (procedure, index) in at.into_iter().flatten() {
            let p = procedures
                .get(procedure.as_str())
                .unwrap_or_else(|| panic!("{id}: `at` of no procedure {procedure}"));
            assert!(
                failed.contains(&procedure.as_str()),
                "{id}: {procedure} not failed"
            );
            let index = usize::try_from(index.as_u64().expect("a message index")).unwrap();
            let message = read[&id]
                .messages
                .get(index)
                .unwrap_or_else(|| panic!("{id}: no message {index}"));
            assert_eq!(message.role, Speaker::Assistant, "{id}: at {index}");
            let tools = tools_of(&pb, p);
            assert!(
                tools.is_empty()
                    || message
                        .tool_calls
                        .iter()
                        .any(|c| tools.contains(&c.name.as_str())),
                "{id}: message {index} makes no call of {procedure}"
            );
        }
        assert!(
            line["why"].as_str().is_some_and(|w| w.ends_with('.')),
            "{id}: a why, a sentence"
        );
    }
    assert_eq!(seen, conversations, "every conversation has its verdict");
    let all: BTreeSet<String> = procedures.keys().map(|p| (*p).to_owned()).collect();
    assert_eq!(broken, all, "every procedure is broken by some example");
}

/// The judge agrees with what was decided for each example before any tool
/// judged it: the verdict, the failed ids, and each failed procedure's
/// reason and message.
#[test]
fn saas_support_examples_are_judged_as_expected() {
    let out = crate::support::ethos()
        .args(["grade", "--playbook", "saas-support", CONVERSATIONS])
        .output()
        .unwrap();
    let graded: BTreeMap<String, Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            (v["id"].as_str().unwrap().to_owned(), v)
        })
        .collect();
    let mut disagreements = Vec::new();
    for want in expected() {
        let id = want["id"].as_str().unwrap();
        let got = &graded[id];
        let ids = |v: &Value| -> BTreeSet<String> {
            v.as_array()
                .into_iter()
                .flatten()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect()
        };
        if got["verdict"] != want["verdict"] || ids(&got["failed"]) != ids(&want["failed"]) {
            disagreements.push(format!(
                "{id}: expected {} {:?}, got {} {:?}",
                want["verdict"],
                ids(&want["failed"]),
                got["verdict"],
                ids(&got["failed"])
            ));
        }
        for (procedure, reason) in want["reasons"].as_object().into_iter().flatten() {
            let found = got["findings"].as_array().unwrap().iter().find(|f| {
                f["kind"] == "procedure"
                    && f["rule"] == procedure.as_str()
                    && f["reason"] == *reason
            });
            match found {
                Some(f) if f["at"] == want["at"][procedure] => {}
                _ => disagreements.push(format!(
                    "{id}: expected {procedure} {reason} at {}, got {:?}",
                    want["at"][procedure],
                    found.map(|f| &f["at"])
                )),
            }
        }
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}
