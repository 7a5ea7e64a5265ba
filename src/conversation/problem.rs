//! Why a line is not a conversation ([`LineError`]), and what is wrong with
//! one that is still judged ([`Warning`]): data, worded by
//! `words::conversation`.

/// A line that cannot be judged: why, and the line's `id` if it could be
/// read (its error line in grade's output names it).
#[derive(Clone, Debug, PartialEq)]
pub struct LineError {
    pub id: Option<String>,
    pub kind: ErrorKind,
}

/// Why a line cannot be judged. `index` is the message's index in
/// `messages` (0-based); `field` is a path within the message when `index`
/// is given (`content`, `tool_calls[0].function.name`), else within the line
/// (`customer.name`, `facts.refund`).
#[derive(Clone, Debug, PartialEq)]
pub enum ErrorKind {
    /// Not JSON. `column` counts characters from 1; `ends_early`: the text
    /// stops inside the JSON (a cut-off line).
    NotJson { column: usize, ends_early: bool },
    /// JSON nested deeper than the JSON reader goes (128 levels).
    TooDeep { column: usize },
    /// The bytes are not UTF-8; `column` is the first bad byte's, in characters.
    NotUtf8 { column: usize },
    /// Longer than the reader's limit ([`super::MAX_LINE_BYTES`] by default).
    TooLong { bytes: u64, max: usize },
    /// JSON, but not an object.
    NotAnObject { found: JsonType },
    /// No `messages` field.
    NoMessages,
    /// `messages` is there but not a list.
    MessagesNotAList { found: JsonType },
    /// An entry of `messages` that is not an object.
    MessageNotAnObject { index: usize, found: JsonType },
    /// A message without a `role`.
    NoRole { index: usize },
    /// A `role` that is none of `system`, `user`, `assistant`, `tool`;
    /// `closest` is the likely typo's.
    UnknownRole {
        index: usize,
        role: String,
        closest: Option<&'static str>,
    },
    /// A field whose JSON type is not the one it takes.
    WrongType {
        index: Option<usize>,
        field: String,
        expected: Expected,
        found: JsonType,
    },
    /// A field of the right JSON type whose value is not one it takes (a
    /// timestamp that is not RFC 3339); `value` is what was written,
    /// shortened to [`VALUE_SAMPLE_CHARS`].
    BadValue {
        index: Option<usize>,
        field: String,
        expected: Expected,
        value: String,
    },
    /// A field that must be there is not (a tool call's `function.name`).
    MissingField { index: Option<usize>, field: String },
}

/// Something wrong in a conversation that is still judged, with the message
/// it is about (`index`, 0-based).
#[derive(Clone, Debug, PartialEq)]
pub enum Warning {
    /// A tool call's `arguments` text is not JSON: the call is judged with
    /// `Null` arguments (so with no amount). `call` is the call's place in
    /// the message's `tool_calls`, `id` its id; `column` in characters.
    BadArguments {
        index: usize,
        call: usize,
        id: Option<String>,
        column: usize,
    },
    /// A tool call's `arguments` text over [`super::MAX_TEXT_BYTES`]: not
    /// parsed, judged as `Null`.
    ArgumentsTooLong {
        index: usize,
        call: usize,
        id: Option<String>,
        bytes: usize,
        max: usize,
    },
    /// A tool result whose `tool_call_id` no earlier message's call has.
    UnknownToolCall { index: usize, id: String },
    /// A message timed before an earlier one (`earlier`, the latest
    /// timestamp before it): durations across it are not reliable.
    TimeGoesBack {
        index: usize,
        at: jiff::Timestamp,
        earlier: usize,
        earlier_at: jiff::Timestamp,
    },
    /// A message with more text than [`super::MAX_TEXT_BYTES`]: the first
    /// `kept` bytes (up to a character boundary) are judged.
    Truncated {
        index: usize,
        bytes: usize,
        kept: usize,
    },
}

impl Warning {
    /// The index of the message the warning is about.
    pub fn index(&self) -> usize {
        match self {
            Warning::BadArguments { index, .. }
            | Warning::ArgumentsTooLong { index, .. }
            | Warning::UnknownToolCall { index, .. }
            | Warning::TimeGoesBack { index, .. }
            | Warning::Truncated { index, .. } => *index,
        }
    }
}

impl ErrorKind {
    /// The index of the message the error is about, if it is about one.
    pub fn index(&self) -> Option<usize> {
        match self {
            ErrorKind::MessageNotAnObject { index, .. }
            | ErrorKind::NoRole { index }
            | ErrorKind::UnknownRole { index, .. } => Some(*index),
            ErrorKind::WrongType { index, .. }
            | ErrorKind::BadValue { index, .. }
            | ErrorKind::MissingField { index, .. } => *index,
            ErrorKind::NotJson { .. }
            | ErrorKind::TooDeep { .. }
            | ErrorKind::NotUtf8 { .. }
            | ErrorKind::TooLong { .. }
            | ErrorKind::NotAnObject { .. }
            | ErrorKind::NoMessages
            | ErrorKind::MessagesNotAList { .. } => None,
        }
    }
}

/// The most characters of a bad value an error keeps.
pub const VALUE_SAMPLE_CHARS: usize = 60;

/// The kind of a JSON value, as an error names what it found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JsonType {
    Null,
    Bool,
    Number,
    Text,
    List,
    Object,
}

impl JsonType {
    /// The kind's key in the `.ftl` selectors.
    pub fn key(self) -> &'static str {
        match self {
            JsonType::Null => "null",
            JsonType::Bool => "bool",
            JsonType::Number => "number",
            JsonType::Text => "text",
            JsonType::List => "list",
            JsonType::Object => "object",
        }
    }
}

/// What a field takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Expected {
    Text,
    /// `id`: a text (a whole number is taken as its digits).
    TextOrNumber,
    /// `content`: a text, or a list of `{type: "text", text}` parts.
    TextOrParts,
    /// A tool call's `arguments`: JSON text, or an object.
    TextOrObject,
    Bool,
    /// `contacts`: a whole number from 0.
    Count,
    Object,
    List,
    /// A fact's value: a text, a number, or true/false.
    Scalar,
    /// An RFC 3339 date and time with its offset.
    Timestamp,
    /// A duration like `15m`.
    Duration,
    /// `author.kind`: `human` or `bot`.
    AuthorKind,
}

impl Expected {
    /// The key in the `.ftl` selectors.
    pub fn key(self) -> &'static str {
        match self {
            Expected::Text => "text",
            Expected::TextOrNumber => "text-or-number",
            Expected::TextOrParts => "text-or-parts",
            Expected::TextOrObject => "text-or-object",
            Expected::Bool => "bool",
            Expected::Count => "count",
            Expected::Object => "object",
            Expected::List => "list",
            Expected::Scalar => "scalar",
            Expected::Timestamp => "timestamp",
            Expected::Duration => "duration",
            Expected::AuthorKind => "author-kind",
        }
    }
}
