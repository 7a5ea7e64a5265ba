//! Procedures: rules over a conversation — what must come before a tool call,
//! what must follow it, how often it may happen, and the shape of every
//! agent message (`shared/spec/PLAYBOOK.md`, "Procedures").

use schemars::JsonSchema;
use serde::Deserialize;

use super::condition::{Condition, Says};
use super::model::Severity;
use super::spanned::Spanned;
use super::values::Texts;

/// One procedure: judged at each call it names (`calls`), or at every
/// assistant message (`turn`).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Procedure {
    pub id: Spanned<String>,
    /// The tool names or action ids it is judged at (an action id stands for
    /// its `tool`). Not `on`, which YAML 1.1 tools read as `true`.
    #[serde(default)]
    pub calls: Vec<Spanned<String>>,
    /// A shape every assistant message that is not internal must have.
    #[serde(default)]
    pub turn: Option<Spanned<TurnShape>>,
    /// The procedure applies only where this holds, judged at the call
    /// (`args.KEY` are the call's arguments; facts as of that message).
    #[serde(default)]
    pub when: Option<Spanned<Condition>>,
    /// What must have happened before the call.
    #[serde(default)]
    pub require: Option<Spanned<Require>>,
    /// The call is allowed only where this holds (`not-allowed` otherwise).
    #[serde(default)]
    pub only_when: Option<Spanned<Condition>>,
    /// At most this many calls per conversation (`too-many` past it).
    #[serde(default)]
    pub at_most: Option<Spanned<u32>>,
    /// The agent's next turn after the call says one of these.
    #[serde(default)]
    pub then_says: Option<Spanned<Says>>,
    #[serde(default)]
    pub message: Option<Spanned<String>>,
    /// `error` when absent.
    #[serde(default)]
    pub severity: Option<Spanned<Severity>>,
    /// Conversations this procedure alone must pass, and must fail.
    #[serde(default)]
    pub examples: Option<Spanned<ProcedureExamples>>,
}

impl Procedure {
    /// The severity as written, or `error`.
    pub fn severity(&self) -> Severity {
        self.severity.as_ref().map_or(Severity::Error, |s| s.value)
    }

    /// Whether it has nothing to judge (`empty-rule`): no call and no turn
    /// shape, or calls with no requirement on them.
    pub fn is_empty(&self) -> bool {
        let turn = self.turn.as_ref().is_some_and(|t| !t.value.is_empty());
        let on_calls = self.require.as_ref().is_some_and(|r| !r.value.is_empty())
            || self.only_when.is_some()
            || self.at_most.is_some()
            || self.then_says.is_some();
        !(turn || !self.calls.is_empty() && on_calls)
    }
}

/// What must come before a call.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Require {
    /// The customer's last message before the call says one of these
    /// (`not-confirmed`).
    #[serde(default)]
    pub customer_says: Option<Says>,
    /// Some customer message before the call says one of these (`not-asked`).
    #[serde(default)]
    pub customer_said: Option<Says>,
    /// The last agent turn before the call (the call's own message's text
    /// included) says one of these (`not-said`); `{args.KEY}` placeholders
    /// fill from the call's arguments.
    #[serde(default)]
    pub agent_says: Option<Says>,
    /// Some agent turn before it says one of these (`not-said`).
    #[serde(default)]
    pub agent_said: Option<Says>,
    /// Tools called earlier in the conversation (`not-done-first`).
    #[serde(default)]
    pub done: Option<Texts>,
    /// Tools not called earlier (`done-before`).
    #[serde(default)]
    pub not_done: Option<Texts>,
}

impl Require {
    /// Whether it requires nothing.
    pub fn is_empty(&self) -> bool {
        self.customer_says.is_none()
            && self.customer_said.is_none()
            && self.agent_says.is_none()
            && self.agent_said.is_none()
            && self.done.as_ref().is_none_or(|d| d.0.is_empty())
            && self.not_done.as_ref().is_none_or(|d| d.0.is_empty())
    }
}

/// The shape of an assistant message.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TurnShape {
    /// At most this many tool calls in one message.
    #[serde(default)]
    pub max_tool_calls: Option<Spanned<u32>>,
    /// `false`: a message with tool calls has no text for the customer.
    #[serde(default)]
    pub text_with_tool_calls: Option<Spanned<bool>>,
}

impl TurnShape {
    pub fn is_empty(&self) -> bool {
        self.max_tool_calls.is_none() && self.text_with_tool_calls.is_none()
    }
}

/// A procedure's example conversations, each written as a conversation line
/// is (`messages` and the conversation fields), in YAML.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProcedureExamples {
    #[serde(default)]
    pub pass: Vec<Spanned<serde_json::Value>>,
    #[serde(default)]
    pub fail: Vec<Spanned<serde_json::Value>>,
}
