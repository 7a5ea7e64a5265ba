//! The words the commands say about their own work: files written, flags and
//! inputs refused, what was skipped (`locales/*/tool.ftl`).
//!
//! The commands and the batch readers (`grade`, `calibrate`) say *what*
//! happened as data: a [`Message`], a [`LineProblem`] for an input line
//! that cannot be graded, a [`HeaderProblem`] for a CSV header. (They are
//! defined here, not in `grade` or `commands`, because the module graph runs
//! grade → words: the wording layer cannot name the readers' own types.)
//! Ids, flags and file names stay as written in every language.

use fluent_bundle::FluentValue;
use serde::Serializer;

use super::check::{Help, Kind};
use super::{Locale, Words};
use crate::playbook::{FactMismatch, Scalar};
use crate::util::suggest::closest;

/// An id that names nothing the playbook defines, and what it does define.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownId {
    pub kind: Kind,
    pub id: String,
    /// The defined id it is most likely a typo of.
    pub closest: Option<String>,
    /// Every defined id of the kind, in the playbook's order, each once.
    pub known: Vec<String>,
}

impl UnknownId {
    /// `id`, of `kind`, is not among `known`.
    pub fn new<'a>(kind: Kind, id: &str, known: impl IntoIterator<Item = &'a str>) -> UnknownId {
        let mut ids: Vec<String> = Vec::new();
        for k in known {
            if !ids.iter().any(|i| i == k) {
                ids.push(k.to_owned());
            }
        }
        UnknownId {
            kind,
            id: id.to_owned(),
            closest: closest(id, ids.iter().map(String::as_str)).map(str::to_owned),
            known: ids,
        }
    }
}

/// What a line holds when it is JSON but not an object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonKind {
    Array,
    Text,
    Bool,
    Null,
    Number,
}

/// Why a line of `grade` input (or a label line of `calibrate`) is not
/// graded. Each says what to do; the reader adds the line's number.
#[derive(Clone, Debug, PartialEq)]
pub enum LineProblem {
    NotUtf8,
    /// JSON, but not an object.
    NotAnObject(JsonKind),
    /// Not JSON: the JSON reader's own words, with its line and column.
    NotJson {
        detail: String,
    },
    /// A field a graded line does not have (`--ignore-fields` skips it).
    UnknownField {
        field: String,
        /// The fields there are, as the JSON reader lists them.
        expected: &'static [&'static str],
        line: usize,
        column: usize,
        closest: Option<&'static str>,
    },
    /// A field of the wrong shape: the JSON reader's own words.
    BadField {
        detail: String,
    },
    /// Longer than `--max-line-bytes`.
    TooLong {
        bytes: u64,
        max: usize,
    },
    BeatWithoutScenario {
        beat: String,
    },
    /// No `step`; `scenario`: the line names a scenario (so a beat would do).
    NoStep {
        scenario: bool,
    },
    NoText,
    /// A step, role, action or scenario the playbook does not define.
    Unknown(UnknownId),
    /// `escalated` names no role.
    UnknownEscalated(UnknownId),
    /// `escalate` names no role.
    UnknownEscalateTo(UnknownId),
    /// The scenario has no such beat.
    NoSuchBeat {
        scenario: String,
        beat: UnknownId,
    },
    /// A `context` value that is an array or an object.
    ContextNotAValue {
        key: String,
    },
    /// A `context` value the context does not take, and why.
    ContextValue {
        key: String,
        why: crate::engine::context::ContextError,
    },
    /// A CSV row with another number of fields than the header has columns.
    FieldCount {
        fields: usize,
        columns: usize,
    },
    /// A CSV field that is not UTF-8.
    CellNotUtf8 {
        column: String,
    },
    /// A CSV `actions` field with an amount that is not a number.
    ActionAmount {
        id: String,
        amount: String,
    },
    /// A CSV quoted field never closed.
    UnclosedQuote {
        line: u64,
    },
    /// A CSV quoted field over a line end and over the limit.
    QuotedTooLong {
        line: u64,
        max: usize,
    },
    /// A CSV row over the limit.
    RowTooLong {
        max: usize,
    },
    /// A label that is neither `pass` nor `fail` (`calibrate`).
    NotALabel {
        found: String,
    },
    /// A label line without `human` (`calibrate`).
    NoLabel,
}

/// A CSV column the header names that ethos does not know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Column {
    Named(String),
    /// An empty name, at this 1-based position.
    Unnamed(usize),
}

/// Why the header of CSV input cannot be used.
#[derive(Clone, Debug, PartialEq)]
pub enum HeaderProblem {
    /// The name of the column at this 1-based position is not UTF-8.
    NameNotUtf8 {
        column: usize,
    },
    Twice {
        name: String,
    },
    /// A column every row needs.
    Missing {
        column: &'static str,
    },
    /// The header row itself cannot be read (an unclosed quote, too long).
    Row(LineProblem),
}

/// Which input a command read from standard input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stdin {
    Labels,
    Reply,
    Replies,
}

/// One error of a playbook that a command refuses, as `check` found it.
#[derive(Clone, Copy, Debug)]
pub struct Refusal<'a> {
    pub file: &'a str,
    pub line: u32,
    pub column: u32,
    pub message: &'a str,
    pub help: Option<&'a str>,
    pub code: &'a str,
}

/// A file a command wrote, and what is in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    pub path: String,
    pub size: Size,
}

/// How a written file is measured for people.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Size {
    Bytes(usize),
    /// Flashcards: how many.
    Cards(usize),
}

/// What a command says about its own work.
#[derive(Clone, Debug)]
pub enum Message<'a> {
    /// `--fail-under` or `--min-agreement` is not a percentage.
    PercentExpected {
        found: &'a str,
    },
    CannotRead {
        path: &'a str,
        why: String,
    },
    CannotReadStdin {
        what: Stdin,
        why: String,
    },
    CannotCreate {
        path: &'a str,
        why: String,
    },
    CannotWriteFile {
        path: &'a str,
        why: String,
    },
    /// Standard output cannot be written.
    CannotWrite {
        why: String,
    },
    CannotStartThread {
        why: String,
    },
    /// The playbook's rules do not compile (`check` would have said why).
    EngineFailed {
        playbook: &'a str,
        why: String,
    },
    /// A playbook `check` finds errors in: the first line of the refusal.
    Refused {
        file: &'a str,
        name: &'a str,
        count: usize,
    },
    /// One of the errors under it.
    RefusedError(Refusal<'a>),
    /// How many more errors there are than are shown.
    RefusedMore {
        count: usize,
    },
    /// A flag names an id the playbook does not define.
    NoSuchId(&'a UnknownId),
    /// How a message names standard input as a file.
    StandardInput,
    /// A line of a file that cannot be used: "labels.jsonl:3: …".
    AtLineOf {
        file: &'a str,
        line: u64,
        why: &'a LineProblem,
    },

    // calibrate
    NoLabels,
    UnusableLabels {
        count: usize,
        used: u64,
    },

    // drill
    NoScenarios {
        playbook: &'a str,
    },
    CannotReadAnswers {
        path: &'a str,
        why: String,
    },
    TranscriptSaved {
        path: &'a str,
    },
    /// The drill ended early; what it answered is in `path`.
    TurnsKept {
        interrupted: bool,
        path: &'a str,
    },
    /// Interrupted, and what was answered could not be saved.
    InterruptedUnsaved {
        why: String,
    },

    // grade
    UngradedLines {
        count: u64,
        graded: u64,
    },
    UngradedLine {
        line: u64,
        why: &'a LineProblem,
    },
    /// Not every line that could not be graded is listed.
    MoreUngraded,
    CsvHeader(&'a HeaderProblem),
    UnknownColumns {
        columns: &'a [Column],
        keys: &'a str,
    },

    // init
    NoSuchBundled {
        id: &'a str,
        ids: &'a [&'a str],
    },
    InitExists {
        path: &'a str,
    },
    InitWrote {
        path: &'a str,
        schema: &'a str,
    },

    // list
    BundledBroken {
        id: &'a str,
        why: String,
    },
    PackBroken {
        id: &'a str,
    },

    // render
    OutIsFile {
        path: &'a str,
    },
    Wrote(&'a [Written]),

    // report
    NotAFolder {
        path: &'a str,
    },
    Skipped {
        path: &'a str,
        why: String,
    },
    NoTranscripts {
        path: &'a str,
    },

    // validate
    NoReplyOnStdin,
    ReplyNotUtf8,
    NoReply,
    /// No `--step`, and no `--beat` to take it from.
    NoStepGiven {
        steps: &'a [&'a str],
    },
    SetForm {
        setting: &'a str,
    },
    SetInvalid {
        setting: &'a str,
        why: String,
    },
    SetEscalated {
        role: &'a UnknownId,
    },
    /// `--set facts.KEY=VALUE` with a value that does not fit the fact
    /// `facts:` declares (`values`: the declared ones).
    SetFact {
        setting: &'a str,
        fact: &'a str,
        value: &'a Scalar,
        mismatch: FactMismatch,
        values: &'a [&'a Scalar],
    },
    ActionInvalid {
        given: &'a str,
        id: &'a str,
        why: String,
    },
}

/// A line or byte number: never grouped ("line 12345", not "12,345").
fn plain(n: &dyn ToString) -> FluentValue<'static> {
    FluentValue::from(n.to_string())
}

fn s(text: &str) -> FluentValue<'static> {
    FluentValue::from(text.to_owned())
}

/// Ids as code, each in backticks, in the locale's list.
fn ticked<S: AsRef<str>>(w: Words, ids: &[S]) -> String {
    ids.iter()
        .map(|id| ["`", id.as_ref(), "`"].concat())
        .collect::<Vec<_>>()
        .join(&w.text("list-separator"))
}

impl Words {
    /// A message of a command, whole.
    #[allow(clippy::too_many_lines)] // one arm per sentence, read as a table
    pub fn tool(self, message: &Message<'_>) -> String {
        use Message as M;
        match message {
            M::PercentExpected { found } => {
                self.fmt("tool-percent-expected", &[("found", s(found))])
            }
            M::CannotRead { path, why } => {
                self.fmt("tool-cannot-read", &[("path", s(path)), ("why", s(why))])
            }
            M::CannotReadStdin { what, why } => {
                let what = match what {
                    Stdin::Labels => "labels",
                    Stdin::Reply => "reply",
                    Stdin::Replies => "replies",
                };
                self.fmt(
                    "tool-cannot-read-stdin",
                    &[("what", what.into()), ("why", s(why))],
                )
            }
            M::CannotCreate { path, why } => {
                self.fmt("tool-cannot-create", &[("path", s(path)), ("why", s(why))])
            }
            M::CannotWriteFile { path, why } => self.fmt(
                "tool-cannot-write-file",
                &[("path", s(path)), ("why", s(why))],
            ),
            M::CannotWrite { why } => self.fmt("tool-cannot-write", &[("why", s(why))]),
            M::CannotStartThread { why } => {
                self.fmt("tool-cannot-start-thread", &[("why", s(why))])
            }
            M::EngineFailed { playbook, why } => self.fmt(
                "tool-engine-failed",
                &[("playbook", s(playbook)), ("why", s(why))],
            ),
            M::Refused { file, name, count } => self.fmt(
                "tool-refused",
                &[
                    ("file", s(file)),
                    ("name", s(name)),
                    ("count", (*count).into()),
                ],
            ),
            M::RefusedError(e) => {
                let mut args = vec![
                    ("file", s(e.file)),
                    ("line", plain(&e.line)),
                    ("column", plain(&e.column)),
                    ("message", s(e.message)),
                    ("code", s(e.code)),
                ];
                match e.help {
                    Some(help) => {
                        args.push(("help", s(help)));
                        self.fmt("tool-refused-error-help", &args)
                    }
                    None => self.fmt("tool-refused-error", &args),
                }
            }
            M::RefusedMore { count } => {
                self.fmt("tool-refused-more", &[("count", (*count).into())])
            }
            M::NoSuchId(unknown) => self.fmt(
                "tool-no-such-id",
                &[
                    ("kind", unknown.kind.key().into()),
                    ("id", s(&unknown.id)),
                    ("help", self.id_help(unknown).into()),
                ],
            ),
            M::StandardInput => self.text("tool-standard-input"),
            M::AtLineOf { file, line, why } => self.fmt(
                "tool-at-line-of",
                &[
                    ("file", s(file)),
                    ("line", plain(&line)),
                    ("why", self.line_problem(why).into()),
                ],
            ),
            M::NoLabels => self.text("tool-calibrate-no-labels"),
            M::UnusableLabels { count, used } => self.fmt(
                "tool-calibrate-unusable",
                &[("count", (*count).into()), ("used", (*used).into())],
            ),
            M::NoScenarios { playbook } => {
                self.fmt("tool-drill-no-scenarios", &[("playbook", s(playbook))])
            }
            M::CannotReadAnswers { path, why } => self.fmt(
                "tool-drill-cannot-read-answers",
                &[("path", s(path)), ("why", s(why))],
            ),
            M::TranscriptSaved { path } => self.fmt("tool-drill-saved", &[("path", s(path))]),
            M::TurnsKept { interrupted, path } => self.fmt(
                "tool-drill-kept",
                &[
                    (
                        "how",
                        if *interrupted {
                            "interrupted"
                        } else {
                            "stopped"
                        }
                        .into(),
                    ),
                    ("path", s(path)),
                ],
            ),
            M::InterruptedUnsaved { why } => {
                self.fmt("tool-drill-interrupted-unsaved", &[("why", s(why))])
            }
            M::UngradedLines { count, graded } => self.fmt(
                "tool-grade-ungraded",
                &[("count", (*count).into()), ("graded", (*graded).into())],
            ),
            M::UngradedLine { line, why } => self.fmt(
                "tool-grade-ungraded-line",
                &[
                    ("line", plain(&line)),
                    ("why", self.line_problem(why).into()),
                ],
            ),
            M::MoreUngraded => self.text("tool-grade-more-ungraded"),
            M::CsvHeader(problem) => self.fmt(
                "tool-csv-header",
                &[("why", self.header_problem(problem).into())],
            ),
            M::UnknownColumns { columns, keys } => {
                let names: Vec<String> = columns
                    .iter()
                    .map(|c| match c {
                        Column::Named(name) => ["`", name, "`"].concat(),
                        Column::Unnamed(at) => {
                            self.fmt("tool-csv-column-unnamed", &[("column", plain(&at))])
                        }
                    })
                    .collect();
                self.fmt(
                    "tool-csv-unknown-columns",
                    &[
                        ("count", columns.len().into()),
                        ("columns", names.join(&self.text("list-separator")).into()),
                        ("keys", s(keys)),
                    ],
                )
            }
            M::NoSuchBundled { id, ids } => self.fmt(
                "tool-init-no-such-bundled",
                &[
                    ("id", s(id)),
                    ("ids", ids.join(&self.text("list-separator")).into()),
                ],
            ),
            M::InitExists { path } => self.fmt("tool-init-exists", &[("path", s(path))]),
            M::InitWrote { path, schema } => self.fmt(
                "tool-init-wrote",
                &[("path", s(path)), ("schema", s(schema))],
            ),
            M::BundledBroken { id, why } => self.fmt(
                "tool-list-bundled-broken",
                &[("id", s(id)), ("why", s(why))],
            ),
            M::PackBroken { id } => self.fmt("tool-list-pack-broken", &[("id", s(id))]),
            M::OutIsFile { path } => self.fmt("tool-render-out-is-file", &[("path", s(path))]),
            M::Wrote(files) => {
                let files: Vec<String> = files.iter().map(|f| self.written(f)).collect();
                self.fmt(
                    "tool-render-wrote",
                    &[("files", files.join(&self.text("list-separator")).into())],
                )
            }
            M::NotAFolder { path } => self.fmt("tool-report-not-a-folder", &[("path", s(path))]),
            M::Skipped { path, why } => {
                self.fmt("tool-report-skipped", &[("path", s(path)), ("why", s(why))])
            }
            M::NoTranscripts { path } => {
                self.fmt("tool-report-no-transcripts", &[("path", s(path))])
            }
            M::NoReplyOnStdin => self.text("tool-validate-no-reply-on-stdin"),
            M::ReplyNotUtf8 => self.text("tool-validate-reply-not-utf8"),
            M::NoReply => self.text("tool-validate-no-reply"),
            M::NoStepGiven { steps } => self.fmt(
                "tool-validate-no-step",
                &[("steps", ticked(self, steps).into())],
            ),
            M::SetForm { setting } => {
                self.fmt("tool-validate-set-form", &[("setting", s(setting))])
            }
            M::SetInvalid { setting, why } => self.fmt(
                "tool-validate-set-invalid",
                &[("setting", s(setting)), ("why", s(why))],
            ),
            M::SetFact {
                setting,
                fact,
                value,
                mismatch,
                values,
            } => {
                let mut args = vec![
                    ("setting", s(setting)),
                    ("fact", s(fact)),
                    ("value", value.to_string().into()),
                ];
                match mismatch {
                    FactMismatch::WrongType(kind) => {
                        args.push(("type", self.fact_type(*kind).into()));
                        self.fmt("tool-validate-set-fact-wrong-type", &args)
                    }
                    FactMismatch::NotAValue => {
                        args.push(("values", self.fact_values(values).into()));
                        self.fmt("tool-validate-set-fact-not-a-value", &args)
                    }
                }
            }
            M::SetEscalated { role } => self.fmt(
                "tool-validate-set-escalated",
                &[("role", s(&role.id)), ("help", self.id_help(role).into())],
            ),
            M::ActionInvalid { given, id, why } => self.fmt(
                "tool-validate-action-invalid",
                &[("given", s(given)), ("id", s(id)), ("why", s(why))],
            ),
        }
    }

    /// "error: …" before a message that stops a command.
    pub fn error_line(self, message: &str) -> String {
        self.fmt("tool-error", &[("message", s(message))])
    }

    /// "warning: …" before a message that does not.
    pub fn warning_line(self, message: &str) -> String {
        self.fmt("tool-warning", &[("message", s(message))])
    }

    /// What to do about an unknown id: the likely typo, or what there is.
    /// Worded as `check` words its help, so both say it the same way.
    pub fn id_help(self, unknown: &UnknownId) -> String {
        let known: Vec<&str> = unknown.known.iter().map(String::as_str).collect();
        let help = match &unknown.closest {
            Some(id) => Help::DidYouMean { id },
            None if known.is_empty() => Help::NoneDefined { kind: unknown.kind },
            None => Help::KindsAre {
                kind: unknown.kind,
                ids: &known,
            },
        };
        self.check_help(&help)
    }

    /// Why a line cannot be graded.
    pub fn line_problem(self, problem: &LineProblem) -> String {
        use LineProblem as P;
        let unknown = |id: &str, u: &UnknownId| -> String {
            self.fmt(
                id,
                &[
                    ("kind", u.kind.key().into()),
                    ("id", s(&u.id)),
                    ("help", self.id_help(u).into()),
                ],
            )
        };
        match problem {
            P::NotUtf8 => self.text("tool-line-not-utf8"),
            P::NotAnObject(kind) => {
                let found = match kind {
                    JsonKind::Array => "array",
                    JsonKind::Text => "text",
                    JsonKind::Bool => "bool",
                    JsonKind::Null => "null",
                    JsonKind::Number => "number",
                };
                self.fmt("tool-line-not-an-object", &[("found", found.into())])
            }
            P::NotJson { detail } => self.fmt("tool-line-not-json", &[("detail", s(detail))]),
            P::UnknownField {
                field,
                expected,
                line,
                column,
                closest,
            } => {
                let args = [
                    ("field", s(field)),
                    ("expected", ticked(self, expected).into()),
                    ("line", plain(&line)),
                    ("column", plain(&column)),
                ];
                let why = self.fmt("tool-line-unknown-field", &args);
                match closest {
                    Some(best) => self.fmt(
                        "tool-line-unknown-field-did-you-mean",
                        &[("why", why.into()), ("field", s(best))],
                    ),
                    None => why,
                }
            }
            P::BadField { detail } => self.fmt("tool-line-bad-field", &[("detail", s(detail))]),
            P::TooLong { bytes, max } => self.fmt(
                "tool-line-too-long",
                &[("bytes", plain(&bytes)), ("max", plain(&max))],
            ),
            P::BeatWithoutScenario { beat } => {
                self.fmt("tool-line-beat-without-scenario", &[("beat", s(beat))])
            }
            P::NoStep { scenario: true } => self.text("tool-line-no-step-or-beat"),
            P::NoStep { scenario: false } => self.text("tool-line-no-step"),
            P::NoText => self.text("tool-line-no-text"),
            P::Unknown(u) => unknown("tool-line-unknown", u),
            P::UnknownEscalated(u) => unknown("tool-line-unknown-escalated", u),
            P::UnknownEscalateTo(u) => unknown("tool-line-unknown-escalate-to", u),
            P::NoSuchBeat { scenario, beat } => self.fmt(
                "tool-line-no-such-beat",
                &[
                    ("scenario", s(scenario)),
                    ("beat", s(&beat.id)),
                    ("help", self.id_help(beat).into()),
                ],
            ),
            P::ContextNotAValue { key } => {
                self.fmt("tool-line-context-not-a-value", &[("key", s(key))])
            }
            P::ContextValue { key, why } => self.fmt(
                "tool-line-context-value",
                &[
                    ("key", s(key)),
                    ("why", super::engine::context_error(self, why).into()),
                ],
            ),
            P::FieldCount { fields, columns } => self.fmt(
                "tool-csv-field-count",
                &[("fields", (*fields).into()), ("columns", (*columns).into())],
            ),
            P::CellNotUtf8 { column } => {
                self.fmt("tool-csv-cell-not-utf8", &[("column", s(column))])
            }
            P::ActionAmount { id, amount } => self.fmt(
                "tool-csv-action-amount",
                &[("id", s(id)), ("amount", s(amount))],
            ),
            P::UnclosedQuote { line } => {
                self.fmt("tool-csv-unclosed-quote", &[("line", plain(&line))])
            }
            P::QuotedTooLong { line, max } => self.fmt(
                "tool-csv-quoted-too-long",
                &[("line", plain(&line)), ("max", plain(&max))],
            ),
            P::RowTooLong { max } => self.fmt("tool-csv-row-too-long", &[("max", plain(&max))]),
            P::NotALabel { found } => self.fmt("tool-label-not-a-label", &[("found", s(found))]),
            P::NoLabel => self.text("tool-label-none"),
        }
    }

    /// Why a CSV header cannot be used.
    pub fn header_problem(self, problem: &HeaderProblem) -> String {
        match problem {
            HeaderProblem::NameNotUtf8 { column } => {
                self.fmt("tool-csv-name-not-utf8", &[("column", plain(&column))])
            }
            HeaderProblem::Twice { name } => self.fmt("tool-csv-twice", &[("name", s(name))]),
            HeaderProblem::Missing { column } => {
                self.fmt("tool-csv-missing", &[("column", s(column))])
            }
            HeaderProblem::Row(problem) => self.line_problem(problem),
        }
    }

    /// A file written, with its size: "out/handbook.md (12 KB)".
    fn written(self, file: &Written) -> String {
        let what = match file.size {
            Size::Cards(n) => self.fmt("tool-size-cards", &[("count", n.into())]),
            Size::Bytes(n) if n < 1024 => self.fmt("tool-size-bytes", &[("bytes", plain(&n))]),
            Size::Bytes(n) => self.fmt("tool-size-kb", &[("kb", plain(&n.div_ceil(1024)))]),
        };
        self.fmt(
            "tool-written-file",
            &[("path", s(&file.path)), ("what", what.into())],
        )
    }
}

/// A line problem as the JSON output's `error` says it: in English, whatever
/// the playbook's language, so that a program reading the output can rely
/// on its words (`shared/spec/CLI.md` quotes them). People read it worded in
/// the playbook's language on stderr.
pub fn english(problem: &LineProblem) -> String {
    Words::new(Locale::En).line_problem(problem)
}

/// [`english`], for `#[serde(serialize_with)]`.
///
/// # Errors
/// Those of the serializer.
pub fn serialize_english<S: Serializer>(problem: &LineProblem, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&english(problem))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unknown_step() -> UnknownId {
        UnknownId::new(Kind::Step, "welcom", ["welcome", "resolve", "welcome"])
    }

    #[test]
    fn an_unknown_id_keeps_its_likely_typo_and_the_ids_there_are_once() {
        let u = unknown_step();
        assert_eq!(u.closest.as_deref(), Some("welcome"));
        assert_eq!(u.known, ["welcome", "resolve"]);
        let none = UnknownId::new(Kind::Beat, "zzz", []);
        assert_eq!(
            Words::new(Locale::En).id_help(&none),
            "this playbook defines no beats"
        );
    }

    #[test]
    fn a_line_problem_is_worded_in_each_language() {
        let problem = LineProblem::Unknown(unknown_step());
        assert_eq!(
            english(&problem),
            "unknown step `welcom`: did you mean `welcome`?"
        );
        assert_eq!(
            Words::new(Locale::Zh).line_problem(&problem),
            "未知的步骤`welcom`：您是不是想写`welcome`？"
        );
        assert_eq!(
            Words::new(Locale::De).line_problem(&problem),
            "Unbekannter Schritt `welcom`: Meinten Sie `welcome`?"
        );
    }

    #[test]
    fn line_and_byte_numbers_are_never_grouped() {
        let problem = LineProblem::TooLong {
            bytes: 3_145_728,
            max: 1_048_576,
        };
        assert_eq!(
            english(&problem),
            "the line is 3145728 bytes long, more than --max-line-bytes (1048576); split the reply or raise --max-line-bytes"
        );
        assert!(
            Words::new(Locale::De)
                .line_problem(&problem)
                .contains("3145728")
        );
    }

    #[test]
    fn an_error_line_starts_with_the_locales_word_for_error() {
        assert_eq!(Words::new(Locale::En).error_line("x"), "error: x");
        assert_eq!(Words::new(Locale::Zh).error_line("x"), "错误：x");
        assert_eq!(Words::new(Locale::De).error_line("x"), "Fehler: x");
        assert_eq!(Words::new(Locale::De).warning_line("x"), "Warnung: x");
    }

    #[test]
    fn a_row_with_one_field_says_field() {
        let one = LineProblem::FieldCount {
            fields: 1,
            columns: 3,
        };
        assert!(
            english(&one).starts_with("the row has 1 field, but the header names 3 columns"),
            "{}",
            english(&one)
        );
    }

    #[test]
    fn files_written_are_measured_in_bytes_kilobytes_or_cards() {
        let files = [
            Written {
                path: "out/a.md".into(),
                size: Size::Bytes(812),
            },
            Written {
                path: "out/b.md".into(),
                size: Size::Bytes(12_000),
            },
            Written {
                path: "out/cards.csv".into(),
                size: Size::Cards(1),
            },
        ];
        assert_eq!(
            Words::new(Locale::En).tool(&Message::Wrote(&files)),
            "wrote out/a.md (812 B), out/b.md (12 KB), out/cards.csv (1 card)"
        );
        assert_eq!(
            Words::new(Locale::Zh).tool(&Message::Wrote(&files)),
            "已写入 out/a.md（812 B）、out/b.md（12 KB）、out/cards.csv（1 张卡片）"
        );
    }
}
