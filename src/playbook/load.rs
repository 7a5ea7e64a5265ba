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

use super::hints;
use super::model::Playbook;
use super::spanned::{Pos, Spanned};

/// The largest playbook file we read. The biggest real playbooks are a few
/// hundred kilobytes; a 2,000-rule stress playbook is about 3 MB.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// How deep a playbook may nest. The format itself needs eight levels.
pub const MAX_DEPTH: usize = 32;

/// How many YAML nodes a playbook may have. A 2,000-rule, 500-scenario stress
/// playbook has about 150,000.
pub const MAX_NODES: usize = 500_000;

/// How many parser events aliases may replay in all. Anchors for shared phrase
/// lists need a few hundred; an alias bomb needs millions, and is refused fast.
pub const MAX_ALIAS_EVENTS: usize = 100_000;

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
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: MAX_ALIAS_EVENTS,
        },
    };
    serde_saphyr::from_str_with_options::<Playbook>(text, options.clone()).map_err(|err| {
        let err = convert_error(&err, text);
        if err.kind == LoadErrorKind::Schema {
            // The deserialiser stops at the first problem it meets, and a type
            // error can come before a syntax error further on (or at the same
            // place: `title: [unclosed`). A file that is not YAML at all should
            // say so, so look at the syntax alone before blaming the schema.
            if let Err(syntax) = serde_saphyr::from_str_with_options::<IgnoredAny>(text, options) {
                let syntax = convert_error(&syntax, text);
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

fn convert_error(err: &YamlError, text: &str) -> LoadError {
    let raw = UserMessageFormatter.format_message(err);
    let (raw, tagged) = Pos::untag(&raw);
    let mut pos = tagged.unwrap_or_else(|| err.location().map_or(Pos::UNKNOWN, |l| pos_of(&l)));
    let kind = match original(err) {
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
        | YamlError::DuplicateMappingKey { .. }
        // An empty file is valid YAML (a null document), just not a playbook.
        | YamlError::Eof { .. } => LoadErrorKind::Schema,
        // Parser errors, and budgets: not YAML, or too large or deep to be a playbook.
        _ => LoadErrorKind::Syntax,
    };
    let message = match original(err) {
        YamlError::Budget { breach, .. } => budget_message(breach),
        YamlError::Eof { .. } => {
            "the file is empty: a playbook starts with `playbook: ID`".to_owned()
        }
        _ if raw.contains("total_replayed_events") || raw.contains("expansions_per_anchor") => {
            budget_message(&BudgetBreach::Aliases { aliases: 0 })
        }
        _ => tidy_message(raw),
    };
    let mut message = message;
    if matches!(original(err), YamlError::SerdeMissingField { .. }) && tagged.is_none() {
        pos = hints::place_missing_field(text, pos);
        if let Some(entry) = hints::entry_id(text, pos) {
            message = format!("{message} in `{entry}`");
        }
    }
    if message.contains("found a tab") || raw.contains("found a tab") {
        pos = hints::place_tab(text, pos);
    }
    LoadError {
        kind,
        help: hints::help_for(&message),
        message,
        pos,
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

/// The deserialiser's message, made to read like ours. It comes without
/// "at line X, column Y" (we show positions our own way) and may contain
/// control characters from the input, which must not reach a terminal.
fn tidy_message(raw: &str) -> String {
    let text: String = raw
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    match text.as_str() {
        "expected string scalar" => "expected a text here".to_owned(),
        _ if text.contains("found a tab") => {
            "found a tab where YAML expects spaces: YAML never indents with tabs".to_owned()
        }
        _ => text,
    }
}

fn budget_message(breach: &BudgetBreach) -> String {
    match breach {
        BudgetBreach::Depth { .. } => format!(
            "the file nests more than {MAX_DEPTH} levels deep, which no playbook needs: check the indentation"
        ),
        BudgetBreach::Aliases { .. } | BudgetBreach::Anchors { .. } => {
            "the file's YAML aliases expand to more than a playbook can hold (an alias bomb?): write the values out instead".to_owned()
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

/// Read one YAML scalar as a value of the playbook format (`--set
/// contacts=3`, `--set waiting=15m`, `--set facts.at_fault=true`), so the
/// command line reads values exactly as a playbook would.
pub fn parse_value<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    let options = serde_saphyr::options! { with_snippet: false };
    serde_saphyr::from_str_with_options::<T>(text, options).map_err(|err| {
        let raw = UserMessageFormatter.format_message(&err);
        tidy_message(Pos::untag(&raw).0)
    })
}
