//! YAML -> [`Playbook`]: the only module that knows which YAML crate we use.
//!
//! We use `serde-saphyr` rather than `serde_yaml` (deprecated, archived, and
//! unable to say where a node was after deserialising). Everything it gives us
//! is turned into our own [`Spanned`]/[`Pos`] here, so swapping the crate means
//! touching this file alone.

use serde::Deserialize;
use serde::de::{Deserializer, IgnoredAny};
use serde_saphyr::budget::{Budget, BudgetBreach};
use serde_saphyr::{Error as YamlError, Location, MessageFormatter, UserMessageFormatter};

use super::model::Playbook;
use super::spanned::{Pos, Spanned};

/// The largest playbook file we read. The biggest real playbooks are a few
/// hundred kilobytes; a 2,000-rule stress playbook is about 3 MB.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// How deep a playbook may nest. The format itself needs eight levels.
pub const MAX_DEPTH: usize = 32;

/// How many YAML nodes (aliases expanded) a playbook may have.
pub const MAX_NODES: usize = 1_000_000;

/// Why a file could not be turned into a playbook.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct LoadError {
    pub kind: LoadErrorKind,
    /// One sentence, no position (the position is `pos`).
    pub message: String,
    pub pos: Pos,
    /// What to do, where we can tell (a misspelt field name).
    pub help: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadErrorKind {
    /// Not valid YAML, or YAML too large or deep to be a playbook.
    Syntax,
    /// Valid YAML that is not a playbook: unknown field, wrong type, missing field.
    Schema,
}

/// Parse a playbook from its text.
pub fn parse(text: &str) -> Result<Playbook, LoadError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(too_large(text.len()));
    }
    let mut budget = Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.max_nodes = MAX_NODES;
    budget.max_events = MAX_NODES * 2;
    budget.max_aliases = 10_000;
    budget.max_documents = 1;
    let options = serde_saphyr::options! {
        budget: Some(budget),
        with_snippet: false,
    };
    serde_saphyr::from_str_with_options::<Playbook>(text, options.clone()).map_err(|err| {
        let err = convert_error(&err);
        if err.kind == LoadErrorKind::Schema {
            // The deserialiser stops at the first problem it meets, and a type
            // error can come before a syntax error further on (or at the same
            // place: `title: [unclosed`). A file that is not YAML at all should
            // say so, so look at the syntax alone before blaming the schema.
            if let Err(syntax) = serde_saphyr::from_str_with_options::<IgnoredAny>(text, options) {
                let syntax = convert_error(&syntax);
                if syntax.kind == LoadErrorKind::Syntax {
                    return syntax;
                }
            }
        }
        err
    })
}

/// The error for a file over [`MAX_FILE_BYTES`] (also used by readers that
/// stop reading early).
pub fn too_large(bytes: usize) -> LoadError {
    LoadError {
        kind: LoadErrorKind::Syntax,
        message: format!(
            "the file is {:.1} MB, larger than the {} MB a playbook may be: split it into several playbooks",
            mb(bytes),
            MAX_FILE_BYTES / (1024 * 1024)
        ),
        pos: Pos::UNKNOWN,
        help: None,
    }
}

#[allow(clippy::cast_precision_loss)]
fn mb(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn convert_error(err: &YamlError) -> LoadError {
    let pos = err.location().map_or(Pos::UNKNOWN, |l| pos_of(&l));
    let (kind, message) = match original(err) {
        YamlError::Budget { breach, .. } => (LoadErrorKind::Syntax, budget_message(breach)),
        // Errors raised while filling our types: the YAML is fine, the playbook is not.
        YamlError::Message { .. }
        | YamlError::Unexpected { .. }
        | YamlError::NullIntoString { .. }
        | YamlError::InvalidBooleanStrict { .. }
        | YamlError::InvalidCharNull { .. }
        | YamlError::InvalidCharNotSingleScalar { .. }
        | YamlError::UnexpectedValueForUnit { .. }
        | YamlError::ExpectedEmptyMappingForUnitStruct { .. }
        | YamlError::NonFiniteFloat { .. }
        | YamlError::SerdeInvalidType { .. }
        | YamlError::SerdeInvalidValue { .. }
        | YamlError::SerdeInvalidLength { .. }
        | YamlError::SerdeUnknownVariant { .. }
        | YamlError::SerdeUnknownField { .. }
        | YamlError::SerdeMissingField { .. }
        | YamlError::SerdeVariantId { .. }
        | YamlError::TaggedEnumMismatch { .. }
        | YamlError::DuplicateMappingKey { .. } => (LoadErrorKind::Schema, schema_message(err)),
        YamlError::Eof { .. } => (
            LoadErrorKind::Schema,
            "the file is empty: a playbook starts with `playbook: ID`".to_owned(),
        ),
        _ => (LoadErrorKind::Syntax, message_text(err)),
    };
    let help = unknown_field_help(&message);
    LoadError {
        kind,
        message,
        pos,
        help,
    }
}

/// "did you mean `title`?" for "unknown field `titel`, expected one of id, title".
fn unknown_field_help(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (wrong, rest) = rest.split_once('`')?;
    if wrong.contains(' ') {
        // `{ text: Guests are people, not costs. }`: the comma ended the text.
        return Some(
            "a comma inside `{ }` or `[ ]` starts a new entry: put quotes around text that contains one"
                .to_owned(),
        );
    }
    let expected = rest
        .trim_start_matches(", expected one of ")
        .trim_start_matches(", expected ");
    let fields: Vec<&str> = expected
        .split(", ")
        .map(|f| f.trim_matches(|c| c == '`' || c == ' '))
        .filter(|f| !f.is_empty())
        .collect();
    match crate::check::suggest::closest(wrong, fields.iter().copied()) {
        Some(best) => Some(format!("did you mean `{best}`?")),
        None if !fields.is_empty() => Some(format!(
            "the fields here are {}",
            fields
                .iter()
                .map(|f| format!("`{f}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
        None => None,
    }
}

/// The error itself, without the wrappers that add snippets or alias sites.
fn original(mut err: &YamlError) -> &YamlError {
    loop {
        match err {
            YamlError::WithSnippet { error, .. } | YamlError::AliasError { error, .. } => {
                err = error;
            }
            other => return other,
        }
    }
}

fn message_text(err: &YamlError) -> String {
    // The formatter gives the message without "at line X, column Y": we show
    // positions our own way. It may contain control characters from the input.
    UserMessageFormatter
        .format_message(err)
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Serde's messages, made to read like ours.
fn schema_message(err: &YamlError) -> String {
    let text = message_text(err);
    if let Some(rest) = text.strip_prefix("unknown field ") {
        // "unknown field `titel`, expected one of id, title"
        return format!("unknown field {rest}");
    }
    if text == "expected string scalar" {
        return "expected a text here".to_owned();
    }
    text
}

fn budget_message(breach: &BudgetBreach) -> String {
    match breach {
        BudgetBreach::Depth { .. } => format!(
            "the file nests more than {MAX_DEPTH} levels deep, which no playbook needs: check the indentation"
        ),
        BudgetBreach::Aliases { .. } | BudgetBreach::Anchors { .. } => {
            "the file uses too many YAML aliases; write the values out instead".to_owned()
        }
        BudgetBreach::Documents { .. } => {
            "the file holds more than one YAML document (`---`): put one playbook in each file"
                .to_owned()
        }
        _ => format!(
            "the file expands to more than {MAX_NODES} YAML nodes (through aliases or sheer size), far more than a playbook needs: refused so as not to exhaust memory"
        ),
    }
}

fn pos_of(loc: &Location) -> Pos {
    let span = loc.span();
    let clamp = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
    Pos {
        line: clamp(loc.line()),
        column: clamp(loc.column()),
        offset: clamp(span.byte_offset().unwrap_or(0)),
        len: clamp(span.byte_len().unwrap_or(0)),
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let inner = serde_saphyr::Spanned::<T>::deserialize(deserializer)?;
        // `referenced` is where the value is used (the alias, for `*name`), which
        // is where a reader looks for it.
        Ok(Spanned::new(inner.value, pos_of(&inner.referenced)))
    }
}
