//! One line of a conversation file, read in one pass of serde.
//!
//! Every field is read with `deserialize_any` by a visitor of our own, so a
//! value of the wrong JSON type does not stop serde with its own words: the
//! visitor records which field of which message it was ([`State::fail`]),
//! reads past the value and the line goes on being read. Only the first such
//! fault is kept, and a syntax error anywhere in the line wins over it (the
//! line must be JSON before it can be a conversation). Once a fault is
//! recorded, later messages are skipped rather than built.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::problem::VALUE_SAMPLE_CHARS;
use super::{
    Author, AuthorKind, Conversation, Customer, ErrorKind, Expected, JsonType, LineError,
    MAX_TEXT_BYTES, Message, Speaker, ToolCall, Warning,
};
use crate::playbook::{Duration, Scalar};
use crate::util::suggest;

/// Read one line of a conversation file (`line` is its number, 1-based, the
/// `id` of a line without one): the conversation and the warnings about it,
/// in message order, or why it cannot be judged.
pub fn read_line(text: &str, line: u64) -> Result<(Conversation, Vec<Warning>), LineError> {
    read_with(text, line, State::default())
}

/// [`read_line`] for judging: what no playbook judges is read past, not
/// kept. A tool result's `content` (where its `role` comes first) is left
/// `None`: it is a third of an AI agent's log and the most escaped part of
/// it (τ-bench's results are JSON in a JSON string), and only what the
/// agent and the customer say, and which tools were called, is judged.
pub fn read_line_to_judge(
    text: &str,
    line: u64,
) -> Result<(Conversation, Vec<Warning>), LineError> {
    read_with(
        text,
        line,
        State {
            skip_tool_content: true,
            defer_arguments: true,
            ..State::default()
        },
    )
}

fn read_with(
    text: &str,
    line: u64,
    mut state: State,
) -> Result<(Conversation, Vec<Warning>), LineError> {
    let mut conversation = Conversation {
        line,
        ..Conversation::default()
    };
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = LineSeed {
        state: &mut state,
        out: &mut conversation,
    }
    .deserialize(&mut de)
    .and_then(|()| de.end());
    let kind = match parsed {
        Err(e) => Some(json_error(text, &e)),
        Ok(()) => state
            .fault
            .take()
            .or_else(|| (!state.saw_messages).then_some(ErrorKind::NoMessages)),
    };
    if let Some(kind) = kind {
        return Err(LineError { id: state.id, kind });
    }
    conversation.id = state.id.unwrap_or_else(|| line.to_string());
    let mut warnings = state.warnings;
    check_order(&conversation.messages, &mut warnings);
    warnings.sort_by_key(Warning::index);
    Ok((conversation, warnings))
}

/// What serde's error means for the line.
fn json_error(text: &str, e: &serde_json::Error) -> ErrorKind {
    let column = char_column(text, e.line(), e.column());
    if e.is_eof() {
        ErrorKind::NotJson {
            column,
            ends_early: true,
        }
    } else if e.to_string().starts_with("recursion limit exceeded") {
        ErrorKind::TooDeep { column }
    } else {
        ErrorKind::NotJson {
            column,
            ends_early: false,
        }
    }
}

/// `serde_json`'s position (line and byte column, both from 1) as a column in
/// characters, as an editor shows it.
pub(super) fn char_column(text: &str, line: usize, column: usize) -> usize {
    let line_text = text.split('\n').nth(line.saturating_sub(1)).unwrap_or("");
    let mut byte = column.saturating_sub(1).min(line_text.len());
    while !line_text.is_char_boundary(byte) {
        byte -= 1;
    }
    line_text[..byte].chars().count() + 1
}

/// The warnings that need the whole conversation: tool results that answer
/// no earlier call, timestamps that go back.
fn check_order(messages: &[Message], warnings: &mut Vec<Warning>) {
    let mut calls: HashSet<&str> = HashSet::new();
    let mut latest: Option<(usize, jiff::Timestamp)> = None;
    for m in messages {
        if m.role == Speaker::Tool
            && let Some(id) = &m.tool_call_id
            && !calls.contains(id.as_str())
        {
            warnings.push(Warning::UnknownToolCall {
                index: m.index,
                id: id.clone(),
            });
        }
        calls.extend(m.tool_calls.iter().filter_map(|c| c.id.as_deref()));
        if let Some(at) = m.timestamp {
            match latest {
                Some((earlier, earlier_at)) if at < earlier_at => {
                    warnings.push(Warning::TimeGoesBack {
                        index: m.index,
                        at,
                        earlier,
                        earlier_at,
                    });
                }
                _ => latest = Some((m.index, at)),
            }
        }
    }
}

/// What the visitors share while reading a line.
#[derive(Default)]
struct State {
    fault: Option<ErrorKind>,
    warnings: Vec<Warning>,
    id: Option<String>,
    saw_messages: bool,
    /// Skip the content of tool results ([`read_line_to_judge`]).
    skip_tool_content: bool,
    /// Keep tool calls' arguments as checked text ([`ToolCall::arguments_text`]).
    defer_arguments: bool,
}

impl State {
    /// Record why the line cannot be judged; the first fault is the one kept.
    fn fail(&mut self, kind: ErrorKind) {
        if self.fault.is_none() {
            self.fault = Some(kind);
        }
    }

    fn wrong_type(
        &mut self,
        index: Option<usize>,
        field: String,
        expected: Expected,
        found: JsonType,
    ) {
        self.fail(ErrorKind::WrongType {
            index,
            field,
            expected,
            found,
        });
    }

    fn bad_value(&mut self, index: Option<usize>, field: String, expected: Expected, value: &str) {
        self.fail(ErrorKind::BadValue {
            index,
            field,
            expected,
            value: sample(value),
        });
    }

    fn missing(&mut self, index: Option<usize>, field: String) {
        self.fail(ErrorKind::MissingField { index, field });
    }

    /// A text field: `None` for null; a fault for any other type.
    fn text(
        &mut self,
        value: Loose<'_>,
        index: Option<usize>,
        field: impl FnOnce() -> String,
    ) -> Option<String> {
        match value {
            Loose::Text(text) => Some(text.into_owned()),
            Loose::Null => None,
            other => {
                self.wrong_type(index, field(), Expected::Text, other.kind());
                None
            }
        }
    }
}

/// A bad value as an error quotes it: its first characters.
fn sample(value: &str) -> String {
    match value.char_indices().nth(VALUE_SAMPLE_CHARS) {
        Some((end, _)) => {
            let mut short = value[..end].to_owned();
            short.push('…');
            short
        }
        None => value.to_owned(),
    }
}

/// `text` cut to at most `max` bytes, at a character boundary.
pub(super) fn cut(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// `path` with `[i]` appended.
fn indexed(path: &str, i: usize) -> String {
    let mut out = String::with_capacity(path.len() + 4);
    out.push_str(path);
    out.push('[');
    out.push_str(&i.to_string());
    out.push(']');
    out
}

/// `a.b`.
fn dotted(a: &str, b: &str) -> String {
    let mut out = String::with_capacity(a.len() + 1 + b.len());
    out.push_str(a);
    out.push('.');
    out.push_str(b);
    out
}

/// Any JSON value, with scalars kept (texts borrowed from the line where
/// they have no escapes) and lists and objects read past.
enum Loose<'de> {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Text(Cow<'de, str>),
    List,
    Object,
}

impl Loose<'_> {
    fn kind(&self) -> JsonType {
        match self {
            Loose::Null => JsonType::Null,
            Loose::Bool(_) => JsonType::Bool,
            Loose::Int(_) | Loose::UInt(_) | Loose::Float(_) => JsonType::Number,
            Loose::Text(_) => JsonType::Text,
            Loose::List => JsonType::List,
            Loose::Object => JsonType::Object,
        }
    }
}

impl<'de> Deserialize<'de> for Loose<'de> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Loose<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_unit<E>(self) -> Result<Loose<'de>, E> {
                Ok(Loose::Null)
            }
            fn visit_bool<E>(self, v: bool) -> Result<Loose<'de>, E> {
                Ok(Loose::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Loose<'de>, E> {
                Ok(Loose::Int(v))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Loose<'de>, E> {
                Ok(Loose::UInt(v))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Loose<'de>, E> {
                Ok(Loose::Float(v))
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Loose<'de>, E> {
                Ok(Loose::Text(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Loose<'de>, E> {
                Ok(Loose::Text(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<Loose<'de>, E> {
                Ok(Loose::Text(Cow::Owned(v)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Loose<'de>, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Loose::List)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Loose<'de>, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Loose::Object)
            }
        }
        d.deserialize_any(V)
    }
}

/// An object key, borrowed from the line where it has no escapes.
pub(super) struct Key<'de>(pub(super) Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

/// The methods of a visitor for the JSON types its field does not take:
/// each records the fault through the visitor's `wrong` and reads past the
/// value.
macro_rules! wrong_type {
    (null) => {
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(self.wrong(JsonType::Null))
        }
    };
    (bool) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok(self.wrong(JsonType::Bool))
        }
    };
    (number) => {
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok(self.wrong(JsonType::Number))
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok(self.wrong(JsonType::Number))
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok(self.wrong(JsonType::Number))
        }
    };
    (text) => {
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok(self.wrong(JsonType::Text))
        }
    };
    (list) => {
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            Ok(self.wrong(JsonType::List))
        }
    };
    (object) => {
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            Ok(self.wrong(JsonType::Object))
        }
    };
    ($($kind:ident),+) => {
        $(wrong_type!($kind);)+
    };
}

/// A seed that reads with `deserialize_any` through itself as the visitor.
macro_rules! seed_by_any {
    ($ty:ident) => {
        impl<'de> DeserializeSeed<'de> for $ty<'_> {
            type Value = <Self as Visitor<'de>>::Value;
            fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                d.deserialize_any(self)
            }
        }
    };
}

/// The whole line: a conversation object.
struct LineSeed<'s> {
    state: &'s mut State,
    out: &'s mut Conversation,
}

seed_by_any!(LineSeed);

impl LineSeed<'_> {
    fn wrong(self, found: JsonType) {
        self.state.fail(ErrorKind::NotAnObject { found });
    }
}

impl<'de> Visitor<'de> for LineSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a conversation object")
    }

    wrong_type!(null, bool, number, text, list);

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let LineSeed { state, out } = self;
        let top = |name: &str| name.to_owned();
        while let Some(Key(key)) = map.next_key()? {
            match key.as_ref() {
                "id" => match map.next_value::<Loose>()? {
                    Loose::Text(id) => state.id = Some(id.into_owned()),
                    Loose::Int(n) => state.id = Some(n.to_string()),
                    Loose::UInt(n) => state.id = Some(n.to_string()),
                    Loose::Null => {}
                    other => {
                        state.wrong_type(None, top("id"), Expected::TextOrNumber, other.kind());
                    }
                },
                "messages" => {
                    state.saw_messages = true;
                    out.messages.clear();
                    map.next_value_seed(MessagesSeed {
                        state: &mut *state,
                        out: &mut out.messages,
                    })?;
                }
                "role" => out.role = state.text(map.next_value()?, None, || top("role")),
                "escalated" => {
                    out.escalated = state.text(map.next_value()?, None, || top("escalated"));
                }
                "customer" => {
                    out.customer = map.next_value_seed(CustomerSeed { state: &mut *state })?;
                }
                "contacts" => out.contacts = contacts(state, map.next_value()?),
                "waiting" => out.waiting = waiting(state, map.next_value()?),
                "facts" => map.next_value_seed(FactsSeed {
                    state: &mut *state,
                    index: None,
                    out: &mut out.facts,
                })?,
                "key_facts" => {
                    out.key_facts = map.next_value_seed(KeyFactsSeed { state: &mut *state })?;
                }
                _ => {
                    let value: Box<RawValue> = map.next_value()?;
                    out.meta.insert(key.into_owned(), value);
                }
            }
        }
        Ok(())
    }
}

fn contacts(state: &mut State, value: Loose<'_>) -> Option<u32> {
    let field = || "contacts".to_owned();
    match value {
        Loose::Null => None,
        Loose::Int(n) => {
            let count = u32::try_from(n).ok();
            if count.is_none() {
                state.bad_value(None, field(), Expected::Count, &n.to_string());
            }
            count
        }
        Loose::UInt(n) => {
            let count = u32::try_from(n).ok();
            if count.is_none() {
                state.bad_value(None, field(), Expected::Count, &n.to_string());
            }
            count
        }
        Loose::Float(x) => {
            state.bad_value(None, field(), Expected::Count, &x.to_string());
            None
        }
        other => {
            state.wrong_type(None, field(), Expected::Count, other.kind());
            None
        }
    }
}

fn waiting(state: &mut State, value: Loose<'_>) -> Option<Duration> {
    let field = || "waiting".to_owned();
    match value {
        Loose::Null => None,
        Loose::Text(text) => {
            let duration = text.parse::<Duration>().ok();
            if duration.is_none() {
                state.bad_value(None, field(), Expected::Duration, &text);
            }
            duration
        }
        other => {
            state.wrong_type(None, field(), Expected::Duration, other.kind());
            None
        }
    }
}

/// `customer`: `{name, mood, tier}`; other keys are read past.
struct CustomerSeed<'s> {
    state: &'s mut State,
}

seed_by_any!(CustomerSeed);

impl CustomerSeed<'_> {
    fn wrong(self, found: JsonType) -> Customer {
        self.state
            .wrong_type(None, "customer".to_owned(), Expected::Object, found);
        Customer::default()
    }
}

impl<'de> Visitor<'de> for CustomerSeed<'_> {
    type Value = Customer;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the customer")
    }

    wrong_type!(bool, number, text, list);

    fn visit_unit<E>(self) -> Result<Customer, E> {
        Ok(Customer::default())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Customer, A::Error> {
        let state = self.state;
        let mut customer = Customer::default();
        while let Some(Key(key)) = map.next_key()? {
            let slot = match key.as_ref() {
                "name" => &mut customer.name,
                "mood" => &mut customer.mood,
                "tier" => &mut customer.tier,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            *slot = state.text(map.next_value()?, None, || dotted("customer", &key));
        }
        Ok(customer)
    }
}

/// `facts` of the line (`index: None`) or of a message: an object of texts,
/// numbers and true/false, merged into `out`.
struct FactsSeed<'s> {
    state: &'s mut State,
    index: Option<usize>,
    out: &'s mut BTreeMap<String, Scalar>,
}

seed_by_any!(FactsSeed);

impl FactsSeed<'_> {
    fn wrong(self, found: JsonType) {
        self.state
            .wrong_type(self.index, "facts".to_owned(), Expected::Object, found);
    }
}

impl<'de> Visitor<'de> for FactsSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("facts")
    }

    wrong_type!(bool, number, text, list);

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(Key(key)) = map.next_key()? {
            #[allow(clippy::cast_precision_loss)] // a number this large is a float anyway
            let value = match map.next_value::<Loose>()? {
                Loose::Bool(b) => Scalar::Bool(b),
                Loose::Int(n) => Scalar::Int(n),
                Loose::UInt(n) => i64::try_from(n).map_or(Scalar::Float(n as f64), Scalar::Int),
                Loose::Float(x) => Scalar::Float(x),
                Loose::Text(t) => Scalar::Text(t.into_owned()),
                other => {
                    let field = dotted("facts", &key);
                    self.state
                        .wrong_type(self.index, field, Expected::Scalar, other.kind());
                    continue;
                }
            };
            self.out.insert(key.into_owned(), value);
        }
        Ok(())
    }
}

/// `key_facts`: a list of texts.
struct KeyFactsSeed<'s> {
    state: &'s mut State,
}

seed_by_any!(KeyFactsSeed);

impl KeyFactsSeed<'_> {
    fn wrong(self, found: JsonType) -> Vec<String> {
        self.state
            .wrong_type(None, "key_facts".to_owned(), Expected::List, found);
        Vec::new()
    }
}

impl<'de> Visitor<'de> for KeyFactsSeed<'_> {
    type Value = Vec<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("key facts")
    }

    wrong_type!(bool, number, text, object);

    fn visit_unit<E>(self) -> Result<Vec<String>, E> {
        Ok(Vec::new())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
        let mut facts = Vec::new();
        let mut i = 0;
        while let Some(value) = seq.next_element::<Loose>()? {
            match value {
                Loose::Text(text) => facts.push(text.into_owned()),
                other => {
                    let field = indexed("key_facts", i);
                    self.state
                        .wrong_type(None, field, Expected::Text, other.kind());
                }
            }
            i += 1;
        }
        Ok(facts)
    }
}

/// `messages`: the list, each message read into `out`.
struct MessagesSeed<'s> {
    state: &'s mut State,
    out: &'s mut Vec<Message>,
}

seed_by_any!(MessagesSeed);

impl MessagesSeed<'_> {
    fn wrong(self, found: JsonType) {
        self.state.fail(ErrorKind::MessagesNotAList { found });
    }
}

impl<'de> Visitor<'de> for MessagesSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of messages")
    }

    wrong_type!(null, bool, number, text, object);

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let MessagesSeed { state, out } = self;
        if let Some(hint) = seq.size_hint() {
            out.reserve(hint.min(1024));
        }
        let mut index = 0;
        loop {
            if state.fault.is_some() {
                // The line will not be judged: read past the rest unbuilt.
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                break;
            }
            let seed = MessageSeed {
                state: &mut *state,
                index,
                out: &mut *out,
            };
            if seq.next_element_seed(seed)?.is_none() {
                break;
            }
            index += 1;
        }
        Ok(())
    }
}

/// One message, pushed onto `out` unless it has a fault. It is built in
/// place: a message is a large struct, and moving it out of the visitor
/// and into the list was a tenth of the reading time.
struct MessageSeed<'s> {
    state: &'s mut State,
    index: usize,
    out: &'s mut Vec<Message>,
}

seed_by_any!(MessageSeed);

impl MessageSeed<'_> {
    fn wrong(self, found: JsonType) {
        self.state.fail(ErrorKind::MessageNotAnObject {
            index: self.index,
            found,
        });
    }
}

/// The roles a message may have, for did-you-mean.
const ROLES: [&str; 4] = ["system", "user", "assistant", "tool"];

impl<'de> Visitor<'de> for MessageSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a message")
    }

    wrong_type!(null, bool, number, text, list);

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let MessageSeed { state, index, out } = self;
        let at = Some(index);
        // The role is often written after the content (τ-bench does): the
        // message is filled in as System and given its role at the end.
        let slot = out.len();
        out.push(Message::new(index, Speaker::System));
        let message = &mut out[slot];
        let mut role: Option<Speaker> = None;
        let mut role_given = false;
        while let Some(Key(key)) = map.next_key()? {
            let field = || key.as_ref().to_owned();
            match key.as_ref() {
                "role" => {
                    role_given = true;
                    match map.next_value::<Loose>()? {
                        Loose::Text(text) => match Speaker::from_role(&text) {
                            Some(speaker) => role = Some(speaker),
                            None => state.fail(ErrorKind::UnknownRole {
                                index,
                                closest: suggest::closest(&text, ROLES),
                                role: sample(&text),
                            }),
                        },
                        Loose::Null => role_given = false,
                        other => state.wrong_type(at, field(), Expected::Text, other.kind()),
                    }
                }
                // A system message's content is never judged, and is most of
                // an AI agent's log (τ-bench's policy prompt is 6 kB of a
                // 16 kB line): where the role came first, it is skipped
                // unread rather than unescaped and copied.
                "content"
                    if role == Some(Speaker::System)
                        || role == Some(Speaker::Tool) && state.skip_tool_content =>
                {
                    map.next_value::<IgnoredAny>()?;
                }
                "content" => {
                    message.content = map.next_value_seed(ContentSeed {
                        state: &mut *state,
                        index,
                    })?;
                }
                "tool_calls" => {
                    message.tool_calls = map.next_value_seed(ToolCallsSeed {
                        state: &mut *state,
                        index,
                    })?;
                }
                "tool_call_id" => message.tool_call_id = state.text(map.next_value()?, at, field),
                "name" => message.name = state.text(map.next_value()?, at, field),
                "step" => message.step = state.text(map.next_value()?, at, field),
                "escalate" => message.escalate = state.text(map.next_value()?, at, field),
                "timestamp" => match map.next_value::<Loose>()? {
                    Loose::Text(text) => match text.parse::<jiff::Timestamp>() {
                        Ok(t) => message.timestamp = Some(t),
                        Err(_) => state.bad_value(at, field(), Expected::Timestamp, &text),
                    },
                    Loose::Null => {}
                    other => state.wrong_type(at, field(), Expected::Timestamp, other.kind()),
                },
                "internal" => match map.next_value::<Loose>()? {
                    Loose::Bool(b) => message.internal = b,
                    Loose::Null => {}
                    other => state.wrong_type(at, field(), Expected::Bool, other.kind()),
                },
                "facts" => map.next_value_seed(FactsSeed {
                    state: &mut *state,
                    index: at,
                    out: &mut message.facts,
                })?,
                "author" => {
                    message.author = map.next_value_seed(AuthorSeed {
                        state: &mut *state,
                        index,
                    })?;
                }
                // OpenAI's `refusal`, `audio`, `annotations`, the legacy
                // `function_call`, and whatever else an SDK adds.
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        match role {
            Some(role) => message.role = role,
            None if !role_given => state.fail(ErrorKind::NoRole { index }),
            None => {}
        }
        if state.fault.is_some() {
            out.truncate(slot);
        }
        Ok(())
    }
}

/// A message's `content`: a text, `null`, or a list of parts whose texts
/// are joined with a line break; cut at [`MAX_TEXT_BYTES`].
struct ContentSeed<'s> {
    state: &'s mut State,
    index: usize,
}

seed_by_any!(ContentSeed);

impl ContentSeed<'_> {
    fn wrong(self, found: JsonType) -> Option<String> {
        self.state.wrong_type(
            Some(self.index),
            "content".to_owned(),
            Expected::TextOrParts,
            found,
        );
        None
    }
}

impl<'de> Visitor<'de> for ContentSeed<'_> {
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a message's content")
    }

    wrong_type!(bool, number, object);

    fn visit_unit<E>(self) -> Result<Option<String>, E> {
        Ok(None)
    }

    fn visit_str<E>(self, v: &str) -> Result<Option<String>, E> {
        let kept = cut(v, MAX_TEXT_BYTES);
        if kept.len() < v.len() {
            self.state.warnings.push(Warning::Truncated {
                index: self.index,
                bytes: v.len(),
                kept: kept.len(),
            });
        }
        Ok(Some(kept.to_owned()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Option<String>, A::Error> {
        let ContentSeed { state, index } = self;
        let mut text = String::new();
        let (mut parts, mut bytes, mut i) = (0usize, 0usize, 0usize);
        while let Some(part) = seq.next_element_seed(PartSeed {
            state: &mut *state,
            index,
            part: i,
        })? {
            i += 1;
            let Some(part) = part else { continue };
            let separator = usize::from(parts > 0);
            bytes += separator + part.len();
            parts += 1;
            let room = MAX_TEXT_BYTES.saturating_sub(text.len());
            if room == 0 {
                continue;
            }
            if separator == 1 {
                text.push('\n');
            }
            text.push_str(cut(&part, room.saturating_sub(separator)));
        }
        if bytes > text.len() {
            state.warnings.push(Warning::Truncated {
                index,
                bytes,
                kept: text.len(),
            });
        }
        Ok(Some(text))
    }
}

/// One part of a list `content`: its text if it is a text part, `None` for
/// other parts (images, audio, refusals), which are not judged.
struct PartSeed<'s> {
    state: &'s mut State,
    index: usize,
    part: usize,
}

seed_by_any!(PartSeed);

impl PartSeed<'_> {
    fn path(&self, key: Option<&str>) -> String {
        let part = indexed("content", self.part);
        match key {
            Some(key) => dotted(&part, key),
            None => part,
        }
    }

    fn wrong<'de>(self, found: JsonType) -> Option<Cow<'de, str>> {
        let field = self.path(None);
        self.state
            .wrong_type(Some(self.index), field, Expected::Object, found);
        None
    }
}

impl<'de> Visitor<'de> for PartSeed<'_> {
    type Value = Option<Cow<'de, str>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a content part")
    }

    wrong_type!(null, bool, number, text, list);

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut kind: Option<Cow<'de, str>> = None;
        let mut text: Option<Cow<'de, str>> = None;
        let mut text_type = None;
        while let Some(Key(key)) = map.next_key()? {
            match key.as_ref() {
                "type" => match map.next_value::<Loose>()? {
                    Loose::Text(t) => kind = Some(t),
                    Loose::Null => {}
                    other => {
                        let field = self.path(Some("type"));
                        self.state.wrong_type(
                            Some(self.index),
                            field,
                            Expected::Text,
                            other.kind(),
                        );
                    }
                },
                "text" => match map.next_value::<Loose>()? {
                    Loose::Text(t) => text = Some(t),
                    Loose::Null => {}
                    other => text_type = Some(other.kind()),
                },
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let is_text = kind.as_deref().is_none_or(|k| k == "text");
        if !is_text {
            return Ok(None);
        }
        if let Some(found) = text_type {
            let field = self.path(Some("text"));
            self.state
                .wrong_type(Some(self.index), field, Expected::Text, found);
            return Ok(None);
        }
        if text.is_none() {
            let field = self.path(Some(if kind.is_some() { "text" } else { "type" }));
            self.state.missing(Some(self.index), field);
        }
        Ok(text)
    }
}

/// A message's `tool_calls`.
struct ToolCallsSeed<'s> {
    state: &'s mut State,
    index: usize,
}

seed_by_any!(ToolCallsSeed);

impl ToolCallsSeed<'_> {
    fn wrong(self, found: JsonType) -> Vec<ToolCall> {
        self.state.wrong_type(
            Some(self.index),
            "tool_calls".to_owned(),
            Expected::List,
            found,
        );
        Vec::new()
    }
}

impl<'de> Visitor<'de> for ToolCallsSeed<'_> {
    type Value = Vec<ToolCall>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("tool calls")
    }

    wrong_type!(bool, number, text, object);

    fn visit_unit<E>(self) -> Result<Vec<ToolCall>, E> {
        Ok(Vec::new())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<ToolCall>, A::Error> {
        let ToolCallsSeed { state, index } = self;
        let mut calls = Vec::new();
        let mut call = 0;
        while let Some(read) = seq.next_element_seed(CallSeed {
            state: &mut *state,
            index,
            call,
        })? {
            calls.extend(read);
            call += 1;
        }
        Ok(calls)
    }
}

/// What a call's `arguments` came to.
enum Arguments {
    Read(serde_json::Value),
    /// JSON text, checked but not parsed.
    Text(String),
    /// Not JSON, at this column of the text.
    NotJson(usize),
    /// Longer than [`MAX_TEXT_BYTES`]: this many bytes.
    TooLong(usize),
}

/// One tool call: `{id, type: "function", function: {name, arguments}}`.
struct CallSeed<'s> {
    state: &'s mut State,
    index: usize,
    call: usize,
}

seed_by_any!(CallSeed);

/// `tool_calls[call]`, or `tool_calls[call].key`.
fn call_path(call: usize, key: Option<&str>) -> String {
    let path = indexed("tool_calls", call);
    match key {
        Some(key) => dotted(&path, key),
        None => path,
    }
}

impl CallSeed<'_> {
    fn wrong(self, found: JsonType) -> Option<ToolCall> {
        let field = call_path(self.call, None);
        self.state
            .wrong_type(Some(self.index), field, Expected::Object, found);
        None
    }
}

impl<'de> Visitor<'de> for CallSeed<'_> {
    type Value = Option<ToolCall>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a tool call")
    }

    wrong_type!(null, bool, number, text, list);

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<ToolCall>, A::Error> {
        let at = Some(self.index);
        let mut id = None;
        let mut function = None;
        while let Some(Key(key)) = map.next_key()? {
            match key.as_ref() {
                "id" => {
                    let call = self.call;
                    let field = || call_path(call, Some("id"));
                    id = self.state.text(map.next_value()?, at, field);
                }
                "function" => {
                    function = map.next_value_seed(FunctionSeed {
                        state: &mut *self.state,
                        index: self.index,
                        call: self.call,
                    })?;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let Some((name, arguments)) = function else {
            let field = call_path(self.call, Some("function"));
            self.state.missing(at, field);
            return Ok(None);
        };
        let Some(name) = name else {
            let field = call_path(self.call, Some("function.name"));
            self.state.missing(at, field);
            return Ok(None);
        };
        let (index, call) = (self.index, self.call);
        let mut arguments_text = None;
        let arguments = match arguments {
            Arguments::Read(value) => value,
            Arguments::Text(text) => {
                arguments_text = Some(text);
                serde_json::Value::Null
            }
            Arguments::NotJson(column) => {
                self.state.warnings.push(Warning::BadArguments {
                    index,
                    call,
                    id: id.clone(),
                    column,
                });
                serde_json::Value::Null
            }
            Arguments::TooLong(bytes) => {
                self.state.warnings.push(Warning::ArgumentsTooLong {
                    index,
                    call,
                    id: id.clone(),
                    bytes,
                    max: MAX_TEXT_BYTES,
                });
                serde_json::Value::Null
            }
        };
        Ok(Some(ToolCall {
            id,
            name,
            arguments,
            arguments_text,
        }))
    }
}

/// A call's `function`: its name and arguments; `None` for `null`.
struct FunctionSeed<'s> {
    state: &'s mut State,
    index: usize,
    call: usize,
}

/// `tool_calls[call].function.key`, for what is said about it.
fn function_path(call: usize, key: &str) -> String {
    dotted(&call_path(call, Some("function")), key)
}

seed_by_any!(FunctionSeed);

impl FunctionSeed<'_> {
    /// A fault, and nothing read: the call is then not missing its function.
    #[allow(clippy::unnecessary_wraps)] // the visitor's value, as `visit_map` gives it
    fn wrong(self, found: JsonType) -> Option<(Option<String>, Arguments)> {
        let field = call_path(self.call, Some("function"));
        self.state
            .wrong_type(Some(self.index), field, Expected::Object, found);
        Some((None, Arguments::Read(serde_json::Value::Null)))
    }
}

impl<'de> Visitor<'de> for FunctionSeed<'_> {
    type Value = Option<(Option<String>, Arguments)>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a tool call's function")
    }

    wrong_type!(bool, number, text, list);

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let at = Some(self.index);
        let mut name = None;
        let mut arguments = Arguments::Read(serde_json::Value::Null);
        while let Some(Key(key)) = map.next_key()? {
            match key.as_ref() {
                "name" => {
                    let call = self.call;
                    name = self
                        .state
                        .text(map.next_value()?, at, || function_path(call, "name"));
                }
                "arguments" => {
                    arguments = map.next_value_seed(ArgumentsSeed {
                        state: &mut *self.state,
                        index: self.index,
                        call: self.call,
                    })?;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Some((name, arguments)))
    }
}

/// A call's `arguments`: JSON text (as `OpenAI` writes it) or an object.
struct ArgumentsSeed<'s> {
    state: &'s mut State,
    index: usize,
    call: usize,
}

seed_by_any!(ArgumentsSeed);

impl ArgumentsSeed<'_> {
    fn wrong(self, found: JsonType) -> Arguments {
        let field = function_path(self.call, "arguments");
        self.state
            .wrong_type(Some(self.index), field, Expected::TextOrObject, found);
        Arguments::Read(serde_json::Value::Null)
    }
}

impl<'de> Visitor<'de> for ArgumentsSeed<'_> {
    type Value = Arguments;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a tool call's arguments")
    }

    wrong_type!(bool, number, list);

    fn visit_unit<E>(self) -> Result<Arguments, E> {
        Ok(Arguments::Read(serde_json::Value::Null))
    }

    fn visit_str<E>(self, v: &str) -> Result<Arguments, E> {
        // Some SDKs write `""` for a call without arguments.
        if v.trim().is_empty() {
            return Ok(Arguments::Read(serde_json::Value::Object(
                serde_json::Map::new(),
            )));
        }
        if v.len() > MAX_TEXT_BYTES {
            return Ok(Arguments::TooLong(v.len()));
        }
        let read = if self.state.defer_arguments {
            serde_json::from_str::<IgnoredAny>(v).map(|_| Arguments::Text(v.to_owned()))
        } else {
            serde_json::from_str(v).map(Arguments::Read)
        };
        Ok(read.unwrap_or_else(|e| Arguments::NotJson(char_column(v, e.line(), e.column()))))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Arguments, A::Error> {
        let value = serde_json::Value::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(Arguments::Read(value))
    }
}

/// A message's `author`: `{kind: human|bot, name?}`; `None` for `null`.
struct AuthorSeed<'s> {
    state: &'s mut State,
    index: usize,
}

seed_by_any!(AuthorSeed);

impl AuthorSeed<'_> {
    fn wrong(self, found: JsonType) -> Option<Author> {
        self.state.wrong_type(
            Some(self.index),
            "author".to_owned(),
            Expected::Object,
            found,
        );
        None
    }
}

impl<'de> Visitor<'de> for AuthorSeed<'_> {
    type Value = Option<Author>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an author")
    }

    wrong_type!(bool, number, text, list);

    fn visit_unit<E>(self) -> Result<Option<Author>, E> {
        Ok(None)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<Author>, A::Error> {
        let at = Some(self.index);
        let (mut kind, mut kind_given, mut name) = (None, false, None);
        while let Some(Key(key)) = map.next_key()? {
            match key.as_ref() {
                "kind" => match map.next_value::<Loose>()? {
                    Loose::Text(text) => {
                        kind_given = true;
                        kind = AuthorKind::ALL.into_iter().find(|k| k.as_str() == text);
                        if kind.is_none() {
                            let field = "author.kind".to_owned();
                            self.state.bad_value(at, field, Expected::AuthorKind, &text);
                        }
                    }
                    Loose::Null => {}
                    other => {
                        kind_given = true;
                        let field = "author.kind".to_owned();
                        self.state
                            .wrong_type(at, field, Expected::AuthorKind, other.kind());
                    }
                },
                "name" => {
                    name = self
                        .state
                        .text(map.next_value()?, at, || "author.name".to_owned());
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        if kind.is_none() && !kind_given {
            self.state.missing(at, "author.kind".to_owned());
        }
        Ok(kind.map(|kind| Author { kind, name }))
    }
}
