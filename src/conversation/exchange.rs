//! A drill as a conversation: what the customer said at each beat and what
//! the trainee said and did (a choice's action as the tool call of the
//! action's `tool`), so that the procedures judge a drill's decisions as
//! they judge a real conversation's calls ("confirm before you change a
//! booking"). `check` judges a decision's best choice the same way.

use super::{Conversation, ConversationJudge, Finding, Message, Reason, Speaker, ToolCall};
use crate::engine::Context;
use crate::playbook::{Playbook, Severity};

/// One beat as it went: the customer's line, the agent's words, and the
/// action it took with its amount.
#[derive(Clone, Debug, Default)]
pub struct Exchange<'a> {
    pub customer: &'a str,
    pub agent: Option<&'a str>,
    pub action: Option<(&'a str, f64)>,
}

/// A part of a procedure that a choice breaks.
#[derive(Clone, Debug, PartialEq)]
pub struct Broken<'p> {
    pub procedure: &'p str,
    pub reason: Reason,
    pub severity: Severity,
    /// The author's `message`.
    pub message: Option<&'p str>,
}

/// The conversation of these exchanges, in the case `context` describes
/// (its role, customer and facts).
pub fn conversation_of(
    playbook: &Playbook,
    context: &Context,
    exchanges: &[Exchange<'_>],
) -> Conversation {
    let mut messages = Vec::new();
    for exchange in exchanges {
        let mut customer = Message::new(messages.len(), Speaker::User);
        customer.content = Some(exchange.customer.to_owned());
        messages.push(customer);
        // The call first, in a message of its own, then the words: an agent
        // acts, then tells the customer what it did (so `then_says` reads
        // the choice's words, and no message talks and calls at once).
        if let Some(call) = exchange
            .action
            .and_then(|(id, amount)| call_of(playbook, id, amount))
        {
            let mut agent = Message::new(messages.len(), Speaker::Assistant);
            agent.tool_calls.push(call);
            messages.push(agent);
        }
        if let Some(text) = exchange.agent {
            let mut agent = Message::new(messages.len(), Speaker::Assistant);
            agent.content = Some(text.to_owned());
            messages.push(agent);
        }
    }
    let mut conversation = Conversation {
        id: String::new(),
        role: Some(context.role.clone()),
        facts: context.facts.clone(),
        key_facts: context.key_facts.clone(),
        escalated: context.escalated.clone(),
        messages,
        ..Conversation::default()
    };
    conversation
        .customer
        .name
        .clone_from(&context.customer_name);
    conversation
        .customer
        .mood
        .clone_from(&context.customer_mood);
    conversation
        .customer
        .tier
        .clone_from(&context.customer_tier);
    conversation.contacts = Some(context.contacts);
    conversation
}

/// The tool call that performs `action` with `amount`: the action's `tool`,
/// the amount at its `amount` path (`refund.total` → `{"refund": {"total":
/// 30}}`). `None` for an action without a tool.
pub fn call_of(playbook: &Playbook, action: &str, amount: f64) -> Option<ToolCall> {
    let action = playbook.action(action)?;
    let tool = action.tool.as_ref()?;
    let mut arguments = serde_json::Value::Object(serde_json::Map::new());
    if let Some(path) = &action.amount {
        let mut at = &mut arguments;
        let keys: Vec<&str> = path.split('.').collect();
        for (i, key) in keys.iter().enumerate() {
            let object = at.as_object_mut()?;
            let value = if i + 1 == keys.len() {
                serde_json::json!(amount)
            } else {
                serde_json::Value::Object(serde_json::Map::new())
            };
            at = object.entry((*key).to_owned()).or_insert(value);
        }
    }
    Some(ToolCall {
        id: None,
        name: tool.value.clone(),
        arguments,
        arguments_text: None,
    })
}

/// The procedure parts the last exchange breaks: the findings at its agent
/// messages (its words' turn shape, its call's requirements).
pub fn broken_by_last<'e>(
    judge: &ConversationJudge<'e, '_>,
    conversation: &Conversation,
    exchanges: usize,
) -> Vec<Broken<'e>> {
    if exchanges == 0 {
        return Vec::new();
    }
    // The last exchange's messages start at its customer line.
    let from = conversation
        .messages
        .iter()
        .rposition(|m| m.role == Speaker::User)
        .unwrap_or(0);
    let judgement = judge.judge(conversation);
    judgement
        .findings
        .into_iter()
        .filter_map(|f| match f {
            Finding::Procedure {
                id,
                reason,
                severity,
                message,
                at,
                ..
            } if at > from => Some(Broken {
                procedure: id,
                reason,
                severity,
                message,
            }),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;
    use crate::playbook::load;

    const PLAYBOOK: &str = "playbook: p\ntitle: T\ncompany: C\nphilosophy: {statement: S}\n\
        actions:\n  - {id: change, title: Change, tool: update_booking}\n  - {id: refund, title: Refund, unit: USD, tool: issue_refund, amount: refund.total}\n\
        roles:\n  - {id: agent, title: Agent, may: {change: yes, refund: 50}}\n\
        steps:\n  - {id: s, title: S, goal: G}\n\
        procedures:\n  - id: confirm-change\n    calls: [change]\n    require: { customer_says: [\"yes\"] }\n    message: Get a yes first.\n";

    #[test]
    fn a_choice_s_action_is_its_tool_call_with_the_amount_at_its_path() {
        let pb = load::parse(PLAYBOOK).unwrap();
        let call = call_of(&pb, "refund", 30.0).unwrap();
        assert_eq!(call.name, "issue_refund");
        assert_eq!(
            call.arguments,
            serde_json::json!({"refund": {"total": 30.0}})
        );
        assert!(call_of(&pb, "nothing", 1.0).is_none());
    }

    #[test]
    fn a_change_without_a_yes_before_it_breaks_the_procedure_with_a_yes_it_does_not() {
        let pb = load::parse(PLAYBOOK).unwrap();
        let engine = Engine::new(&pb).unwrap();
        let judge = ConversationJudge::new(&engine).unwrap();
        let context = Context::at_step(&pb, "s");
        let ask = Exchange {
            customer: "Move me to the 20th.",
            agent: Some("Moving you to the 20th now."),
            action: Some(("change", 1.0)),
        };
        let conversation = conversation_of(&pb, &context, std::slice::from_ref(&ask));
        let broken = broken_by_last(&judge, &conversation, 1);
        assert_eq!(broken.len(), 1, "{broken:?}");
        assert_eq!(
            (broken[0].procedure, broken[0].reason),
            ("confirm-change", Reason::NotConfirmed)
        );
        let exchanges = [
            Exchange {
                customer: "Move me to the 20th.",
                agent: Some("I can move you to HAT12 on the 20th. Shall I?"),
                action: None,
            },
            Exchange {
                customer: "Yes please.",
                agent: Some("Done."),
                action: Some(("change", 1.0)),
            },
        ];
        let conversation = conversation_of(&pb, &context, &exchanges);
        assert!(broken_by_last(&judge, &conversation, 2).is_empty());
    }
}
