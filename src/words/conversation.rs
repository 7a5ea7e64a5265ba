//! The words of the conversation reader: why a line is not judged
//! ([`ErrorKind`]) and what is wrong in one that still is ([`Warning`]).
//! A field of a message is named by its path from the line,
//! `messages[3].content`, so that the index reads as the `at` of grade's
//! findings does (0-based).

use fluent_bundle::FluentValue;

use super::{Locale, Words};
use crate::conversation::{ErrorKind, Expected, JsonType, LineError, Warning};

fn plain(n: &dyn ToString) -> FluentValue<'static> {
    FluentValue::from(n.to_string())
}

fn s(text: &str) -> FluentValue<'static> {
    FluentValue::from(text.to_owned())
}

/// `messages[3]`.
fn message(index: usize) -> String {
    format!("messages[{index}]")
}

/// A field's path from the line: `messages[3].content`, or `customer.name`.
fn field_path(index: Option<usize>, field: &str) -> String {
    match index {
        Some(index) if field.is_empty() => message(index),
        Some(index) => format!("messages[{index}].{field}"),
        None => field.to_owned(),
    }
}

impl Words {
    /// What a procedure's reason code means, in a sentence.
    pub fn procedure_reason(self, reason: crate::conversation::Reason) -> String {
        use crate::conversation::Reason;
        self.text(match reason {
            Reason::NotConfirmed => "report-reason-not-confirmed",
            Reason::NotAsked => "report-reason-not-asked",
            Reason::NotSaid => "report-reason-not-said",
            Reason::NotDoneFirst => "report-reason-not-done-first",
            Reason::DoneBefore => "report-reason-done-before",
            Reason::NotAllowed => "report-reason-not-allowed",
            Reason::TooMany => "report-reason-too-many",
            Reason::NotSaidAfter => "report-reason-not-said-after",
            Reason::TurnShape => "report-reason-turn-shape",
        })
    }

    fn found(self, found: JsonType) -> String {
        self.fmt("conversation-found", &[("found", found.key().into())])
    }

    fn expected(self, expected: Expected) -> String {
        self.fmt(
            "conversation-expected",
            &[("expected", expected.key().into())],
        )
    }

    fn call(self, index: usize, call: usize, id: Option<&str>) -> String {
        let path = format!("messages[{index}].tool_calls[{call}]");
        match id {
            Some(id) => self.fmt(
                "conversation-call-with-id",
                &[("call", path.into()), ("id", s(id))],
            ),
            None => self.fmt("conversation-call", &[("call", path.into())]),
        }
    }

    /// Why a line of a conversation file is not judged.
    pub fn conversation_error(self, kind: &ErrorKind) -> String {
        use ErrorKind as E;
        match kind {
            E::NotJson {
                column,
                ends_early: false,
            } => self.fmt("conversation-not-json", &[("column", plain(column))]),
            E::NotJson {
                column,
                ends_early: true,
            } => self.fmt(
                "conversation-not-json-ends-early",
                &[("column", plain(column))],
            ),
            E::TooDeep { column } => {
                self.fmt("conversation-too-deep", &[("column", plain(column))])
            }
            E::NotUtf8 { column } => {
                self.fmt("conversation-not-utf8", &[("column", plain(column))])
            }
            E::TooLong { bytes, max } => self.fmt(
                "conversation-too-long",
                &[("bytes", plain(bytes)), ("max", plain(max))],
            ),
            E::NotAnObject { found } => self.fmt(
                "conversation-not-an-object",
                &[("found", self.found(*found).into())],
            ),
            E::NoMessages => self.text("conversation-no-messages"),
            E::MessagesNotAList { found } => self.fmt(
                "conversation-messages-not-a-list",
                &[("found", self.found(*found).into())],
            ),
            E::MessageNotAnObject { index, found } => self.fmt(
                "conversation-message-not-an-object",
                &[
                    ("field", message(*index).into()),
                    ("found", self.found(*found).into()),
                ],
            ),
            E::NoRole { index } => {
                self.fmt("conversation-no-role", &[("field", message(*index).into())])
            }
            E::UnknownRole {
                index,
                role,
                closest: Some(closest),
            } => self.fmt(
                "conversation-unknown-role-did-you-mean",
                &[
                    ("field", message(*index).into()),
                    ("role", s(role)),
                    ("closest", s(closest)),
                ],
            ),
            E::UnknownRole {
                index,
                role,
                closest: None,
            } => self.fmt(
                "conversation-unknown-role",
                &[("field", message(*index).into()), ("role", s(role))],
            ),
            E::WrongType {
                index,
                field,
                expected,
                found,
            } => self.fmt(
                "conversation-wrong-type",
                &[
                    ("field", field_path(*index, field).into()),
                    ("found", self.found(*found).into()),
                    ("expected", self.expected(*expected).into()),
                ],
            ),
            E::BadValue {
                index,
                field,
                expected,
                value,
            } => self.fmt(
                "conversation-bad-value",
                &[
                    ("field", field_path(*index, field).into()),
                    ("value", s(value)),
                    ("expected", self.expected(*expected).into()),
                ],
            ),
            E::MissingField { index, field } => self.fmt(
                "conversation-missing-field",
                &[("field", field_path(*index, field).into())],
            ),
        }
    }

    /// What is wrong in a conversation that is judged all the same.
    pub fn conversation_warning(self, warning: &Warning) -> String {
        match warning {
            Warning::BadArguments {
                index,
                call,
                id,
                column,
            } => self.fmt(
                "conversation-bad-arguments",
                &[
                    ("call", self.call(*index, *call, id.as_deref()).into()),
                    ("column", plain(column)),
                ],
            ),
            Warning::ArgumentsTooLong {
                index,
                call,
                id,
                bytes,
                max,
            } => self.fmt(
                "conversation-arguments-too-long",
                &[
                    ("call", self.call(*index, *call, id.as_deref()).into()),
                    ("bytes", plain(bytes)),
                    ("max", plain(max)),
                ],
            ),
            Warning::UnknownToolCall { index, id } => self.fmt(
                "conversation-unknown-tool-call",
                &[("field", message(*index).into()), ("id", s(id))],
            ),
            Warning::TimeGoesBack {
                index,
                at,
                earlier,
                earlier_at,
            } => self.fmt(
                "conversation-time-goes-back",
                &[
                    ("field", message(*index).into()),
                    ("at", plain(at)),
                    ("earlier", message(*earlier).into()),
                    ("then", plain(earlier_at)),
                ],
            ),
            Warning::Truncated { index, bytes, kept } => self.fmt(
                "conversation-truncated",
                &[
                    ("field", message(*index).into()),
                    ("bytes", plain(bytes)),
                    ("max", plain(&crate::conversation::MAX_TEXT_BYTES)),
                    ("kept", plain(kept)),
                ],
            ),
        }
    }
}

/// A line's error in English, as grade's output line gives it (programs read it).
pub fn english(error: &LineError) -> String {
    Words::new(Locale::En).conversation_error(&error.kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_field_is_named_by_its_path_from_the_line() {
        let kind = ErrorKind::WrongType {
            index: Some(3),
            field: "tool_calls[0].function.name".to_owned(),
            expected: Expected::Text,
            found: JsonType::Number,
        };
        assert_eq!(
            Words::new(Locale::En).conversation_error(&kind),
            "`messages[3].tool_calls[0].function.name` is a number, expected a text"
        );
        assert_eq!(
            Words::new(Locale::Zh).conversation_error(&kind),
            "`messages[3].tool_calls[0].function.name`是数字，应为文本"
        );
    }

    #[test]
    fn a_line_field_has_no_message() {
        let kind = ErrorKind::BadValue {
            index: None,
            field: "waiting".to_owned(),
            expected: Expected::Duration,
            value: "soon".to_owned(),
        };
        assert_eq!(
            Words::new(Locale::En).conversation_error(&kind),
            "`waiting` is `soon`, expected a duration, like 15m or 1h30m"
        );
    }
}
