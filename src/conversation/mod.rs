//! Conversation files: JSON Lines, one support conversation a line, its
//! messages in the `OpenAI` chat-completions shape (`docs/conversations.md`).
//!
//! This module reads them: [`read_line`] turns one line into a
//! [`Conversation`] and the [`Warning`]s about it, or a [`LineError`] that
//! says why the line cannot be judged; [`Lines`] does so for every line of a
//! file in bounded memory; [`looks_like_conversation`] tells `ethos grade` a
//! conversation line from a reply line. Errors and warnings are data with the
//! index of the message they are about; `words::conversation` words them.
//!
//! The reader is one pass of serde over the line's text, straight into these
//! types: no `serde_json::Value` of the whole line is built (only a tool
//! call's `arguments` become one), and the fields ethos does not know are
//! kept as their raw JSON text ([`Meta`]).

pub mod exchange;
mod judge;
mod judgement;
mod lines;
mod problem;
mod read;

#[doc(hidden)]
pub mod fuzz;

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::Serialize;
use serde::ser::SerializeMap;
use serde_json::value::RawValue;

use crate::playbook::{Duration, Scalar};

pub use judge::{ConversationJudge, Scratch};
pub use judgement::{ConversationJudgement, EscalationOutcome, Finding, Metrics, Reason};
pub use lines::{Lines, looks_like_conversation};
pub use problem::{ErrorKind, Expected, JsonType, LineError, Warning};
pub use read::{read_line, read_line_to_judge};

/// The most text of one message that is judged, in bytes (1 MiB): a
/// message's `content` past it is cut at a character boundary, with a
/// [`Warning::Truncated`], and a tool call's `arguments` text past it is not
/// parsed ([`Warning::ArgumentsTooLong`]). A real reply is a few kilobytes;
/// a megabyte is a pasted log or an attachment, and judging all of it would
/// cost time and memory in proportion without changing the verdict.
pub const MAX_TEXT_BYTES: usize = 1024 * 1024;

/// The longest line [`Lines`] reads by default, in bytes (32 MiB). A longer
/// line is an error for that line ([`ErrorKind::TooLong`]), skipped without
/// being kept in memory. τ-bench's longest conversation is 43 kB; the limit is
/// for whole exported tickets with their pasted logs.
pub const MAX_LINE_BYTES: usize = 32 * 1024 * 1024;

/// One conversation: its case and its messages, in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Conversation {
    /// The line's `id`; the line number, as text, when it has none.
    pub id: String,
    /// The line of the file it was read from (1-based).
    pub line: u64,
    /// The acting role (`None`: the playbook's first role).
    pub role: Option<String>,
    pub customer: Customer,
    /// Contacts about this issue, this one included (`None`: 1).
    pub contacts: Option<u32>,
    /// How long the customer had waited when the conversation started.
    pub waiting: Option<Duration>,
    /// The facts of the case when it starts; messages add to them.
    pub facts: BTreeMap<String, Scalar>,
    /// What an `echo` rule wants the agent to mention.
    pub key_facts: Vec<String>,
    /// The role the case is already with when the conversation starts.
    pub escalated: Option<String>,
    pub messages: Vec<Message>,
    /// The top-level fields ethos does not know, in the order of the line.
    pub meta: Meta,
}

/// Who the customer is, as in a scenario.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Customer {
    pub name: Option<String>,
    pub mood: Option<String>,
    pub tier: Option<String>,
}

/// Who wrote a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Speaker {
    /// Instructions to an AI agent (`OpenAI`'s `developer` too): not judged.
    System,
    /// The customer.
    User,
    /// The agent.
    Assistant,
    /// A tool's result.
    Tool,
}

impl Speaker {
    /// Every speaker, as a line writes its `role`.
    pub const ALL: [Speaker; 4] = [
        Speaker::System,
        Speaker::User,
        Speaker::Assistant,
        Speaker::Tool,
    ];

    /// The `role` a message of this speaker has.
    pub fn as_str(self) -> &'static str {
        match self {
            Speaker::System => "system",
            Speaker::User => "user",
            Speaker::Assistant => "assistant",
            Speaker::Tool => "tool",
        }
    }

    /// The speaker of a message's `role`. `OpenAI`'s `developer` (its newer
    /// name for the system message) is the system: it instructs the agent.
    pub fn from_role(role: &str) -> Option<Speaker> {
        match role {
            "system" | "developer" => Some(Speaker::System),
            "user" => Some(Speaker::User),
            "assistant" => Some(Speaker::Assistant),
            "tool" => Some(Speaker::Tool),
            _ => None,
        }
    }
}

/// One message of a conversation.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// Its index in `messages` (0-based), as findings' `at` gives it.
    pub index: usize,
    pub role: Speaker,
    /// The text: a list of text parts is joined with a line break; `None`
    /// for `null` or no `content` (a message with only tool calls).
    pub content: Option<String>,
    pub tool_calls: Vec<ToolCall>,
    /// On a tool result: the call it answers.
    pub tool_call_id: Option<String>,
    /// On a tool result: the tool's name.
    pub name: Option<String>,
    pub timestamp: Option<jiff::Timestamp>,
    /// The service step this agent message is at.
    pub step: Option<String>,
    /// Facts that hold from this message on (merged into the case's).
    pub facts: BTreeMap<String, Scalar>,
    /// A note the customer does not see: not judged as a reply, but its
    /// tool calls count.
    pub internal: bool,
    pub author: Option<Author>,
    /// The role the case is handed to with this message.
    pub escalate: Option<String>,
}

impl Message {
    /// An empty message of `role` at `index`.
    pub fn new(index: usize, role: Speaker) -> Message {
        Message {
            index,
            role,
            content: None,
            tool_calls: Vec::new(),
            tool_call_id: None,
            name: None,
            timestamp: None,
            step: None,
            facts: BTreeMap::new(),
            internal: false,
            author: None,
            escalate: None,
        }
    }
}

/// A tool call an assistant message makes.
#[derive(Clone, Debug, PartialEq)]
pub struct ToolCall {
    /// The call's id, which the tool result names in `tool_call_id`.
    pub id: Option<String>,
    /// The function called.
    pub name: String,
    /// The arguments: the JSON text parsed (as `OpenAI` writes it), or the
    /// object as given; `Null` when they were missing or could not be read,
    /// or are in [`Self::arguments_text`].
    pub arguments: serde_json::Value,
    /// The arguments' JSON text, checked but not parsed: what
    /// [`read_line_to_judge`] keeps, since a judge reads the arguments of
    /// few calls (an action's amount, a procedure's `args.KEY`) and parsing
    /// every call's was an eighth of reading a τ-bench run.
    pub arguments_text: Option<String>,
}

impl ToolCall {
    /// The arguments as JSON, parsed now if they were kept as text.
    pub fn parsed_arguments(&self) -> Cow<'_, serde_json::Value> {
        match &self.arguments_text {
            // The reader checked the text is JSON.
            Some(text) => Cow::Owned(serde_json::from_str(text).unwrap_or_default()),
            None => Cow::Borrowed(&self.arguments),
        }
    }
}

/// Who wrote a message, when the file says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Author {
    pub kind: AuthorKind,
    pub name: Option<String>,
}

/// A person or a program.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AuthorKind {
    Human,
    Bot,
}

impl AuthorKind {
    pub const ALL: [AuthorKind; 2] = [AuthorKind::Human, AuthorKind::Bot];

    pub fn as_str(self) -> &'static str {
        match self {
            AuthorKind::Human => "human",
            AuthorKind::Bot => "bot",
        }
    }
}

/// The top-level fields of a line that ethos does not know (τ-bench's
/// `reward`), each as its JSON text, in the order of the line; grade copies
/// them into its output line under `meta`.
///
/// Raw text rather than a `serde_json::Map`: without `serde_json`'s
/// `preserve_order` feature a `Map` sorts its keys, and turning that feature
/// on would reorder every other JSON object the crate writes. Raw text also
/// costs one copy, not a tree, and is written back exactly as it was read.
#[derive(Clone, Debug, Default)]
pub struct Meta(pub Vec<(String, Box<RawValue>)>);

impl Meta {
    /// The JSON text of field `key`, if the line has it.
    pub fn get(&self, key: &str) -> Option<&RawValue> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_ref())
    }

    /// The value of field `key`, parsed.
    pub fn value(&self, key: &str) -> Option<serde_json::Value> {
        serde_json::from_str(self.get(key)?.get()).ok()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The fields' names, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }

    /// Set `key` to `value`: a key given twice keeps its first place and
    /// its last value, as JSON readers commonly do.
    pub(crate) fn insert(&mut self, key: String, value: Box<RawValue>) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(entry) => entry.1 = value,
            None => self.0.push((key, value)),
        }
    }
}

impl PartialEq for Meta {
    fn eq(&self, other: &Meta) -> bool {
        self.0.len() == other.0.len()
            && self
                .0
                .iter()
                .zip(&other.0)
                .all(|((a, x), (b, y))| a == b && x.get() == y.get())
    }
}

impl Serialize for Meta {
    /// An object of the fields, in order, each value as it was written.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests;
