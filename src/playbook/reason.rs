//! Why a file is not a playbook, as data: the loader's [`Reason`]s and
//! [`Help`]s, worded in `words::errors` in the playbook's language.
//!
//! # Through serde
//!
//! serde's errors are text: a `Deserialize` impl reports a bad value with
//! `de::Error::custom(impl Display)`, and a visitor says what it expects by
//! writing to a formatter (`Visitor::expecting`). A typed reason has to
//! survive that trip, so it travels as a code: [`Reason`] and [`Shape`]
//! write themselves as `\u{1f}ethos:` and their JSON when formatted with
//! `{:#}`, and the tree deserialiser (`node.rs`, the one deserialiser that
//! reads playbooks) formats every error it is given that way and reads the
//! reason back ([`decode`]). Formatted plainly (`{}`), the same values are
//! words (their `Display` is in `words::errors`), so a value read by another
//! deserialiser (an [`super::Amount`] in a graded JSON line) still gets a
//! sentence and not a code. Anything without the marker is serde's own words,
//! kept as [`Reason::Other`].

use std::fmt;

use serde::{Deserialize, Serialize};

use super::spanned::Pos;

/// Why a file, or part of it, cannot be read as a playbook.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Reason {
    // The file as a whole.
    /// Nothing in the file (or only comments).
    Empty,
    /// Larger than `load::MAX_FILE_BYTES`.
    TooLarge { bytes: usize },
    /// Nested deeper than `load::MAX_DEPTH`.
    TooDeep,
    /// YAML aliases that expand to more than a playbook can hold.
    AliasBomb,
    /// More than one YAML document (`---`).
    SeveralDocuments,
    /// More than `load::MAX_NODES` YAML nodes.
    TooManyNodes,
    /// Not UTF-8: the first byte that is not.
    NotUtf8 { byte: u8 },

    // YAML syntax.
    /// The YAML parser's own words (English), for what it alone can tell.
    Yaml(String),
    /// A line indented with a tab.
    TabIndent,
    /// A tab where YAML expects a space.
    TabInText,
    /// `：` where YAML expects `:` (in a key).
    FullWidthColon,
    /// `，` where YAML expects `,` (in `[ ]` or `{ }`).
    FullWidthComma,
    /// Indented more than the line above, which opens nothing.
    IndentedMore { above: u32 },
    /// Indented less than the line above, lining up with no key.
    IndentedLess { above: u32 },

    // The shape of the playbook.
    /// A key the entry does not have; `expected` are the ones it has.
    UnknownField {
        field: String,
        expected: Vec<String>,
    },
    /// A value that is none of the names allowed (`check: avoids`).
    UnknownVariant {
        variant: String,
        expected: Vec<String>,
    },
    /// A key of a condition (`when`) that is no condition.
    UnknownCondition { key: String },
    /// `any: []`: a list of conditions with none in it.
    EmptyAny,
    /// A bound of `facts.KEY: {min, max, over, under}` that is not a number.
    BoundNotANumber {
        fact: String,
        bound: String,
        found: String,
    },
    /// `may: {action: []}`: a list of grants with none in it.
    EmptyGrants,
    /// A grant's `per` that is not `facts.KEY`.
    PerNotAFact { found: String },
    /// A key of a `next` branch other than `pass` and `fail`.
    UnknownBranch { key: String },
    /// A required field that is not there; `entry` is the id of the entry
    /// that lacks it, when it has one.
    MissingField {
        field: String,
        entry: Option<String>,
    },
    /// A key written twice in one entry.
    DuplicateKey { key: String },
    /// A value of the wrong kind.
    Expected { shape: Shape, found: Found },
    /// A value of the right kind that is not a good one.
    Value(ValueError),
    /// serde's own words for what we do not type (rare: an invalid length).
    Other(String),
}

/// What a value should be, in "expected …, found …".
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Shape {
    Text,
    List,
    Mapping,
    Bool,
    Nothing,
    Number,
    /// An amount of an action; in its `unit` when the playbook says.
    Amount {
        unit: Option<String>,
    },
    WholeNumber(Counts),
    /// One of these names (an enum given a list or a mapping).
    OneOf(Vec<String>),
    Duration,
    Limit,
    /// A `may` entry: a limit, or a list of grants `{when, up_to, per}`.
    Grants,
    /// A fact's value.
    Scalar,
    Map,
    /// A text or a list of texts.
    Texts,
    /// `customer_says`: a text, a list, or `{phrases, negation}`.
    Says,
    /// A condition (`when`).
    Conditions,
    /// A beat's `next`.
    Next,
    /// Any value.
    Value,
    /// serde's own words (a visitor of serde's, or of another crate).
    Serde(String),
}

/// What a whole number counts, where the field says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Counts {
    /// Any whole number, negative too.
    Any,
    /// Any whole number of 0 or more.
    NotNegative,
    Contacts,
    Words,
    KeyFacts,
}

/// What a value was, in "expected …, found …".
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Found {
    Nothing,
    List,
    Mapping,
    /// A scalar as written (clipped to one short line).
    Value(String),
    /// serde's own words for what it found (`unit variant`, …).
    Serde(String),
}

/// Why a value of the right kind is not a good one: a date, a duration, a
/// limit or an amount. Numbers are kept as the author would read them.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
pub enum ValueError {
    /// Not `YYYY-MM-DD`, or no such day.
    NotADate { text: String },
    /// Not a number and a unit (`soon`, `2mo`, `-5m`).
    NotADuration { text: String },
    /// A number with no unit (`waiting: 15`).
    NoUnit { number: u64 },
    /// A negative number where a duration goes.
    NegativeDuration { number: i64 },
    /// `may: {refund: no}`.
    LimitNo,
    /// A negative limit, as written by `format_amount`.
    NegativeLimit { amount: String },
    /// A number that is no limit (not finite).
    NotALimit { number: String },
    /// A text that is no limit.
    NotALimitText { text: String },
    /// A whole number larger than a fact can hold.
    TooLarge { number: String },
    /// An amount that is not a number.
    NotANumber { text: String },
    /// An amount below 0 (or not finite), as written by `format_amount`.
    NegativeAmount { amount: String },
}

/// What to do about a load error, where the loader can tell.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Help {
    /// A tab: replace it with spaces.
    ReplaceTab,
    /// `40 EUR` for an amount: the number alone.
    NumberAlone,
    /// A full-width sign that may belong to the text: quote it.
    QuoteFullWidth,
    /// A `: ` inside a text: quote it.
    QuoteColon,
    /// A comma inside `{ }` or `[ ]` cut a text short: quote it.
    QuoteComma,
    /// A required field: add it.
    AddField { field: String },
    /// The name that was likely meant.
    DidYouMean { name: String },
    /// No name is close: the names there are.
    WriteOneOf { names: Vec<String> },
}

/// The marker that starts a reason or shape carried through serde's text.
const MARK: &str = "\u{1f}ethos:";

/// A reason as serde carries it, with the position of the node it is about
/// when the reader knows better than the deserialiser (the key of a bad
/// condition, not its mapping).
#[derive(Serialize, Deserialize)]
struct Carried {
    reason: Reason,
    at: Option<(u32, u32, u32, u32)>,
}

impl Reason {
    /// The error a `Deserialize` impl returns for this reason.
    pub fn raise<E: serde::de::Error>(self) -> E {
        E::custom(Carrier(Carried {
            reason: self,
            at: None,
        }))
    }

    /// [`Reason::raise`], about the node at `pos`.
    pub fn raise_at<E: serde::de::Error>(self, pos: Pos) -> E {
        E::custom(Carrier(Carried {
            reason: self,
            at: Some((pos.line, pos.column, pos.offset, pos.len)),
        }))
    }

    /// The reason as a code, for `{:#}` (see the module docs).
    pub fn code(&self) -> String {
        encode(&Carried {
            reason: self.clone(),
            at: None,
        })
    }

    /// The kind of error the reason makes: the YAML cannot be read, or it
    /// can and is not a playbook.
    pub fn is_syntax(&self) -> bool {
        matches!(
            self,
            Reason::TooLarge { .. }
                | Reason::TooDeep
                | Reason::AliasBomb
                | Reason::SeveralDocuments
                | Reason::TooManyNodes
                | Reason::NotUtf8 { .. }
                | Reason::Yaml(_)
                | Reason::TabIndent
                | Reason::TabInText
                | Reason::FullWidthColon
                | Reason::FullWidthComma
                | Reason::IndentedMore { .. }
                | Reason::IndentedLess { .. }
        )
    }
}

impl Shape {
    /// The shape as a code, for `{:#}` (see the module docs).
    pub fn code(&self) -> String {
        let json = serde_json::to_string(self).unwrap_or_default();
        format!("{MARK}{json}")
    }
}

impl From<ValueError> for Reason {
    fn from(error: ValueError) -> Reason {
        Reason::Value(error)
    }
}

/// A reason on its way through serde: its code with `{:#}`, its words with `{}`.
struct Carrier(Carried);

impl fmt::Display for Carrier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            f.write_str(&encode(&self.0))
        } else {
            fmt::Display::fmt(&self.0.reason, f)
        }
    }
}

fn encode(carried: &Carried) -> String {
    // A reason is plain data (texts, numbers, lists): it always serialises.
    let json = serde_json::to_string(carried).unwrap_or_default();
    format!("{MARK}{json}")
}

/// A reason out of serde's text, with the position it carries: `None` for
/// text without the marker (serde's own words).
pub fn decode(text: &str) -> Option<(Reason, Option<Pos>)> {
    let json = text.strip_prefix(MARK)?;
    let carried: Carried = serde_json::from_str(json).ok()?;
    let pos = carried.at.map(|(line, column, offset, len)| Pos {
        line,
        column,
        offset,
        len,
        file: 0,
    });
    Some((carried.reason, pos))
}

/// A shape out of a visitor's `expecting`, or serde's own words.
pub fn decode_shape(text: &str) -> Shape {
    text.strip_prefix(MARK)
        .and_then(|json| serde_json::from_str(json).ok())
        .unwrap_or_else(|| Shape::Serde(text.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_survives_serde_with_its_position() {
        let pos = Pos {
            line: 3,
            column: 7,
            offset: 40,
            len: 5,
            file: 0,
        };
        let carrier = Carrier(Carried {
            reason: Reason::UnknownCondition { key: "x".into() },
            at: Some((3, 7, 40, 5)),
        });
        assert_eq!(
            decode(&format!("{carrier:#}")),
            Some((Reason::UnknownCondition { key: "x".into() }, Some(pos)))
        );
        assert_eq!(decode("missing field `x`"), None);
    }

    #[test]
    fn a_shape_survives_expecting_and_serde_words_stay_words() {
        assert_eq!(decode_shape(&Shape::Duration.code()), Shape::Duration);
        assert_eq!(
            decode_shape("struct Rule"),
            Shape::Serde("struct Rule".into())
        );
    }
}
