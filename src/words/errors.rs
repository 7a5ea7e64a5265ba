//! The words of load errors: a playbook, a pack or a template that cannot be
//! read, and what to do about it (`locales/*/errors.ftl`).
//!
//! The loader says *why* as data ([`Reason`], [`Help`], [`ReadError`], …);
//! this module words it. Which language: an error about a playbook file is
//! worded in the `language` the file gives, read from its text when the file
//! does not load ([`words_for`]); anything else (a file that cannot be read,
//! a template, a value on the command line) in the environment's
//! ([`Words::of_environment`]).
//!
//! The `Display` of these types is here too, so that `to_string()`, `{}` and
//! anyhow's `{:#}` anywhere give the one wording. [`Reason`] and [`Shape`]
//! also write themselves as a code under `{:#}`: that is how they travel
//! through serde's text (see `playbook::reason`).

use std::fmt;

use fluent_bundle::FluentValue;

use super::Words;
use super::check::Help as CheckHelp;
use crate::playbook::condition::CONDITION_KEYS;
use crate::playbook::discover::Failure;
use crate::playbook::load::{MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES};
use crate::playbook::source::{NotAFile, ReadError};
use crate::playbook::{AmountError, Counts, Found, Help, LoadError, Reason, Shape, ValueError};
use crate::util::suggest::closest;
use crate::util::write::WriteError;

/// The words for a load error: the playbook's language if the file gives
/// one, else the environment's.
pub fn words_for(error: &LoadError) -> Words {
    error
        .language
        .as_deref()
        .map_or_else(Words::of_environment, Words::for_tag)
}

fn s(text: &str) -> FluentValue<'_> {
    FluentValue::from(text)
}

/// Ids as code: `` `a`, `b`, `c` `` (`、` between them in Chinese).
fn ticked<S: AsRef<str>>(w: Words, names: &[S]) -> String {
    let names: Vec<String> = names
        .iter()
        .map(|n| ["`", n.as_ref(), "`"].concat())
        .collect();
    listed(w, &names)
}

/// Items one after another, as the locale separates them.
fn listed<S: AsRef<str>>(w: Words, items: &[S]) -> String {
    let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    items.join(&w.text("list-separator"))
}

/// serde's "expected …" for names: `a`; `a` or `b`; one of `a`, `b`, `c`.
fn expected_names(w: Words, names: &[String]) -> String {
    match names {
        [one] => w.fmt("errors-expected-name", &[("name", s(one))]),
        [a, b] => w.fmt("errors-expected-two-names", &[("a", s(a)), ("b", s(b))]),
        _ => w.fmt(
            "errors-expected-names",
            &[("names", ticked(w, names).into())],
        ),
    }
}

/// What a load error says, without its position.
#[allow(clippy::too_many_lines)] // one arm per sentence, read as a table
pub fn reason(w: Words, reason: &Reason) -> String {
    match reason {
        Reason::Empty => w.text("errors-empty"),
        Reason::TooLarge { bytes } => {
            #[allow(clippy::cast_precision_loss)]
            let mb = *bytes as f64 / (1024.0 * 1024.0);
            w.fmt(
                "errors-too-large",
                &[
                    ("size", super::report::fixed(w, mb, 1).into()),
                    ("max", (MAX_FILE_BYTES / (1024 * 1024)).to_string().into()),
                ],
            )
        }
        Reason::TooDeep => w.fmt("errors-too-deep", &[("max", MAX_DEPTH.to_string().into())]),
        Reason::AliasBomb => w.text("errors-alias-bomb"),
        Reason::SeveralDocuments => w.text("errors-several-documents"),
        Reason::TooManyNodes => w.fmt(
            "errors-too-many-nodes",
            &[("max", MAX_NODES.to_string().into())],
        ),
        Reason::NotUtf8 { byte } => w.fmt(
            "errors-not-utf8",
            &[("byte", format!("0x{byte:02X}").into())],
        ),
        Reason::Yaml(text) => w.fmt("errors-yaml", &[("text", s(text))]),
        Reason::TabIndent => w.text("errors-tab-indent"),
        Reason::TabInText => w.text("errors-tab-in-text"),
        Reason::FullWidthColon => w.text("errors-full-width-colon"),
        Reason::FullWidthComma => w.text("errors-full-width-comma"),
        Reason::IndentedMore { above } => w.fmt(
            "errors-indented-more",
            &[("above", above.to_string().into())],
        ),
        Reason::IndentedLess { above } => w.fmt(
            "errors-indented-less",
            &[("above", above.to_string().into())],
        ),
        Reason::UnknownField { field, expected } if expected.is_empty() => {
            w.fmt("errors-unknown-field-of-none", &[("field", s(field))])
        }
        Reason::UnknownField { field, expected } => w.fmt(
            "errors-unknown-field",
            &[
                ("field", s(field)),
                ("expected", expected_names(w, expected).into()),
            ],
        ),
        Reason::UnknownVariant { variant, expected } if expected.is_empty() => {
            w.fmt("errors-unknown-variant-of-none", &[("variant", s(variant))])
        }
        Reason::UnknownVariant { variant, expected } => w.fmt(
            "errors-unknown-variant",
            &[
                ("variant", s(variant)),
                ("expected", expected_names(w, expected).into()),
            ],
        ),
        Reason::UnknownCondition { key } => w.fmt(
            "errors-unknown-condition",
            &[("key", s(key)), ("keys", listed(w, CONDITION_KEYS).into())],
        ),
        Reason::UnknownBranch { key } => w.fmt("errors-unknown-branch", &[("key", s(key))]),
        Reason::EmptyAny => w.text("errors-empty-any"),
        Reason::EmptyGrants => w.text("errors-empty-grants"),
        Reason::PerNotAFact { found } => w.fmt("errors-per-not-a-fact", &[("found", s(found))]),
        Reason::BoundNotANumber { fact, bound, found } => w.fmt(
            "errors-bound-not-a-number",
            &[("fact", s(fact)), ("bound", s(bound)), ("found", s(found))],
        ),
        Reason::MissingField { field, entry: None } => {
            w.fmt("errors-missing-field", &[("field", s(field))])
        }
        Reason::MissingField {
            field,
            entry: Some(entry),
        } => w.fmt(
            "errors-missing-field-in",
            &[("field", s(field)), ("entry", s(entry))],
        ),
        Reason::DuplicateKey { key } => w.fmt("errors-duplicate-key", &[("key", s(key))]),
        Reason::Expected { shape: what, found } => w.fmt(
            "errors-expected",
            &[
                ("shape", shape(w, what).into()),
                ("found", found_words(w, found).into()),
            ],
        ),
        Reason::Value(error) => value_error(w, error),
        Reason::Other(text) => text.clone(),
    }
}

/// What a value should be ("a text", "a duration such as 30s, …").
pub fn shape(w: Words, shape: &Shape) -> String {
    match shape {
        Shape::Text => w.text("errors-shape-text"),
        Shape::List => w.text("errors-shape-list"),
        Shape::Mapping => w.text("errors-shape-mapping"),
        Shape::Bool => w.text("errors-shape-bool"),
        Shape::Nothing => w.text("errors-shape-nothing"),
        Shape::Number => w.text("errors-shape-number"),
        Shape::Amount { unit: Some(unit) } => w.fmt("errors-shape-amount-in", &[("unit", s(unit))]),
        Shape::Amount { unit: None } => w.text("errors-shape-amount"),
        Shape::WholeNumber(counts) => w.text(match counts {
            Counts::Any => "errors-shape-whole-number",
            Counts::NotNegative => "errors-shape-whole-number-not-negative",
            Counts::Contacts => "errors-shape-contacts",
            Counts::Words => "errors-shape-words",
            Counts::KeyFacts => "errors-shape-key-facts",
        }),
        Shape::OneOf(names) => w.fmt("errors-shape-one-of", &[("names", ticked(w, names).into())]),
        Shape::Duration => w.text("errors-shape-duration"),
        Shape::Limit => w.text("errors-shape-limit"),
        Shape::Grants => w.text("errors-shape-grants"),
        Shape::Scalar => w.text("errors-shape-scalar"),
        Shape::Map => w.text("errors-shape-map"),
        Shape::Texts => w.text("errors-shape-texts"),
        Shape::Says => w.text("errors-shape-says"),
        Shape::Conditions => w.fmt(
            "errors-shape-conditions",
            &[("keys", listed(w, CONDITION_KEYS).into())],
        ),
        Shape::Next => w.text("errors-shape-next"),
        Shape::Value => w.text("errors-shape-value"),
        Shape::Serde(text) => text.clone(),
    }
}

/// What a value was ("nothing", "a list", "`fifteen`").
fn found_words(w: Words, found: &Found) -> String {
    match found {
        Found::Nothing => w.text("errors-found-nothing"),
        Found::List => w.text("errors-found-list"),
        Found::Mapping => w.text("errors-found-mapping"),
        Found::Value(text) => w.fmt("errors-found-value", &[("text", s(text))]),
        Found::Serde(text) => text.clone(),
    }
}

/// Why a date, a duration, a limit or an amount is not a good one.
pub fn value_error(w: Words, error: &ValueError) -> String {
    match error {
        ValueError::NotADate { text } => w.fmt("errors-not-a-date", &[("text", s(text))]),
        ValueError::NotADuration { text } => w.fmt("errors-not-a-duration", &[("text", s(text))]),
        ValueError::NoUnit { number } => w.fmt(
            "errors-duration-without-unit",
            &[("number", number.to_string().into())],
        ),
        ValueError::NegativeDuration { number } => w.fmt(
            "errors-negative-duration",
            &[("number", number.to_string().into())],
        ),
        ValueError::LimitNo => w.text("errors-limit-no"),
        ValueError::NegativeLimit { amount } => {
            w.fmt("errors-negative-limit", &[("amount", s(amount))])
        }
        ValueError::NotALimit { number } => w.fmt("errors-not-a-limit", &[("number", s(number))]),
        ValueError::NotALimitText { text } => {
            w.fmt("errors-not-a-limit-text", &[("text", s(text))])
        }
        ValueError::TooLarge { number } => {
            w.fmt("errors-too-large-number", &[("number", s(number))])
        }
        ValueError::NotANumber { text } => w.fmt("errors-not-a-number", &[("text", s(text))]),
        ValueError::NegativeAmount { amount } => {
            w.fmt("errors-negative-amount", &[("amount", s(amount))])
        }
    }
}

/// What to do about a load error.
pub fn help(w: Words, help: &Help) -> String {
    match help {
        Help::ReplaceTab => w.text("errors-help-replace-tab"),
        Help::NumberAlone => w.text("errors-help-number-alone"),
        Help::QuoteFullWidth => w.text("errors-help-quote-full-width"),
        Help::QuoteColon => w.text("errors-help-quote-colon"),
        Help::QuoteComma => w.text("errors-help-quote-comma"),
        Help::AddField { field } => w.fmt("errors-help-add-field", &[("field", s(field))]),
        Help::DidYouMean { name } => w.fmt("errors-help-did-you-mean", &[("name", s(name))]),
        Help::WriteOneOf { names } => w.fmt(
            "errors-help-write-one-of",
            &[("names", ticked(w, names).into())],
        ),
    }
}

/// Why a file could not be read at all, naming it.
pub fn read_error(w: Words, error: &ReadError) -> String {
    match error {
        ReadError::NotFound { path } => w.fmt(
            "errors-not-found",
            &[("path", path.display().to_string().into())],
        ),
        ReadError::Io { path, error } => w.fmt(
            "errors-cannot-read",
            &[
                ("path", path.display().to_string().into()),
                ("why", error.to_string().into()),
            ],
        ),
        ReadError::NotAFile { path, kind } => w.fmt(
            match kind {
                NotAFile::Directory => "errors-directory",
                NotAFile::Special => "errors-not-a-regular-file",
            },
            &[("path", path.display().to_string().into())],
        ),
        ReadError::NotUtf8 { path, pos, byte } => {
            let why = reason(w, &Reason::NotUtf8 { byte: *byte });
            format!("{}:{pos}: {why}", path.display())
        }
        ReadError::TooLarge { path, error } => {
            format!("{}: {}", path.display(), reason(w, &error.reason))
        }
        ReadError::UnknownPlaybook {
            name,
            suggestion: Some(id),
        } => w.fmt(
            "errors-unknown-playbook-did-you-mean",
            &[("name", s(name)), ("id", s(id))],
        ),
        ReadError::UnknownPlaybook {
            name,
            suggestion: None,
        } => w.fmt(
            "errors-unknown-playbook",
            &[
                ("name", s(name)),
                ("ids", listed(w, &crate::playbook::bundled::ids()).into()),
            ],
        ),
    }
}

/// Why a path `ethos check` was given gave nothing to check.
pub fn failure(w: Words, failure: &Failure) -> String {
    match failure {
        Failure::HereUnreadable { why } => w.fmt("errors-here-unreadable", &[("why", s(why))]),
        Failure::NoneHere => w.text("errors-none-here"),
        Failure::Unreadable { path, why } => {
            w.fmt("errors-cannot-read", &[("path", s(path)), ("why", s(why))])
        }
        Failure::NoneIn { dir } => w.fmt("errors-none-in", &[("dir", s(dir))]),
        Failure::Read(error) => read_error(w, error),
    }
}

/// A help line for an id that names nothing: the likely typo, or the ids
/// there are. `kind` is what the id names, as [`Kind`] keys it (`step`,
/// `role`, `scenario`, `beat`, …).
pub fn unknown_id_help<'a>(
    w: Words,
    wrong: &str,
    kind: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
) -> String {
    if let Some(id) = closest(wrong, candidates.clone()) {
        return w.check_help(&CheckHelp::DidYouMean { id });
    }
    let mut known: Vec<String> = Vec::new();
    for id in candidates {
        let id = ["`", id, "`"].concat();
        if !known.contains(&id) {
            known.push(id);
        }
    }
    if known.is_empty() {
        w.fmt("check-help-none-defined", &[("kind", s(kind))])
    } else {
        w.fmt(
            "check-help-kinds-are",
            &[("kind", s(kind)), ("ids", listed(w, &known).into())],
        )
    }
}

/// Where a template in use came from.
#[derive(Clone, Copy, Debug)]
pub enum TemplateOrigin<'a> {
    /// A bundled template, by its file name.
    Bundled(&'a str),
    /// A replacement, by its path as given.
    File(&'a str),
}

/// "handbook.md.hbs (bundled)" or the replacement's path.
pub fn template_name(w: Words, origin: TemplateOrigin<'_>) -> String {
    match origin {
        TemplateOrigin::Bundled(file) => w.fmt("errors-template-bundled", &[("file", s(file))]),
        TemplateOrigin::File(path) => path.to_owned(),
    }
}

/// Why a template does not parse or does not render.
#[derive(Clone, Copy, Debug)]
pub enum TemplateFault<'a> {
    /// Not Handlebars at all (the parser's own words list grammar rules).
    NotHandlebars,
    /// A field the data does not have, with the field likely meant.
    NoField {
        field: &'a str,
        suggestion: Option<&'a str>,
    },
    /// A partial there is not; the partials there are.
    NoPartial {
        name: &'a str,
        partials: &'a [&'a str],
    },
    /// Anything else, in the template library's words (English).
    Other(&'a str),
}

/// "template T, line L, column C: what is wrong".
pub fn template_error(
    w: Words,
    template: &str,
    line: Option<usize>,
    column: Option<usize>,
    fault: TemplateFault<'_>,
) -> String {
    let why = match fault {
        TemplateFault::NotHandlebars => w.text("errors-template-not-handlebars"),
        TemplateFault::NoField {
            field,
            suggestion: Some(best),
        } => w.fmt(
            "errors-template-no-field-did-you-mean",
            &[("field", s(field)), ("best", s(best))],
        ),
        TemplateFault::NoField {
            field,
            suggestion: None,
        } => w.fmt("errors-template-no-field", &[("field", s(field))]),
        TemplateFault::NoPartial { name, partials } => w.fmt(
            "errors-template-no-partial",
            &[("name", s(name)), ("partials", ticked(w, partials).into())],
        ),
        TemplateFault::Other(text) => text.to_owned(),
    };
    let id = match (line, column) {
        (Some(_), Some(_)) => "errors-template-at-column",
        (Some(_), None) => "errors-template-at-line",
        _ => "errors-template",
    };
    w.fmt(
        id,
        &[
            ("template", s(template)),
            ("line", line.unwrap_or_default().to_string().into()),
            ("column", column.unwrap_or_default().to_string().into()),
            ("why", why.into()),
        ],
    )
}

/// A file of a `--templates` folder that replaces no template.
pub fn template_unused(
    w: Words,
    shown: &str,
    suggestion: Option<&str>,
    templates: &[&str],
) -> String {
    match suggestion {
        Some(best) => w.fmt(
            "errors-template-unused-did-you-mean",
            &[("file", s(shown)), ("best", s(best))],
        ),
        None => w.fmt(
            "errors-template-unused",
            &[
                ("file", s(shown)),
                ("templates", listed(w, templates).into()),
            ],
        ),
    }
}

/// A folder of templates that cannot be read.
pub fn templates_unreadable(w: Words, path: &str, why: &str) -> String {
    w.fmt(
        "errors-templates-unreadable",
        &[("path", s(path)), ("why", s(why))],
    )
}

/// A template file that is not UTF-8.
pub fn template_not_utf8(w: Words, path: &str) -> String {
    w.fmt("errors-template-not-utf8", &[("path", s(path))])
}

/// A playbook whose patterns do not compile, met while rendering.
pub fn pattern_does_not_compile(w: Words, why: &str) -> String {
    w.fmt("errors-pattern-does-not-compile", &[("why", s(why))])
}

impl fmt::Display for WriteError {
    /// In the environment's language: who reads it may not have a playbook.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let w = Words::of_environment();
        let why = if self.folder_in_the_way() {
            w.text("errors-folder-in-the-way")
        } else {
            self.cause.to_string()
        };
        let path = crate::util::display_path(&self.path);
        f.write_str(&w.fmt(
            "tool-cannot-write-file",
            &[("path", path.into()), ("why", why.into())],
        ))
    }
}

impl fmt::Display for LoadError {
    /// The message in the file's language (see [`words_for`]), without the
    /// position.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&reason(words_for(self), &self.reason))
    }
}

impl fmt::Display for Reason {
    /// The words of the environment's language; with `{:#}`, the reason as
    /// a code (see `playbook::reason`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            f.write_str(&self.code())
        } else {
            f.write_str(&reason(Words::of_environment(), self))
        }
    }
}

impl fmt::Display for Shape {
    /// The words of the environment's language; with `{:#}`, the shape as a
    /// code (see `playbook::reason`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            f.write_str(&self.code())
        } else {
            f.write_str(&shape(Words::of_environment(), self))
        }
    }
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&value_error(Words::of_environment(), self))
    }
}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&value_error(
            Words::of_environment(),
            &ValueError::from(self.clone()),
        ))
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&read_error(Words::of_environment(), self))
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&failure(Words::of_environment(), self))
    }
}

/// The words every load error of `locale` can say, for the tests.
#[cfg(test)]
pub(crate) fn every_reason() -> Vec<Reason> {
    let names = |n: &[&str]| n.iter().map(|&s| s.to_owned()).collect::<Vec<_>>();
    let mut reasons = vec![
        Reason::Empty,
        Reason::TooLarge { bytes: 17 << 20 },
        Reason::TooDeep,
        Reason::AliasBomb,
        Reason::SeveralDocuments,
        Reason::TooManyNodes,
        Reason::NotUtf8 { byte: 0xff },
        Reason::Yaml("did not find expected key".into()),
        Reason::TabIndent,
        Reason::TabInText,
        Reason::FullWidthColon,
        Reason::FullWidthComma,
        Reason::IndentedMore { above: 4 },
        Reason::IndentedLess { above: 4 },
        Reason::UnknownField {
            field: "titel".into(),
            expected: names(&["id", "title", "goal"]),
        },
        Reason::UnknownField {
            field: "titel".into(),
            expected: names(&["id", "text"]),
        },
        Reason::UnknownField {
            field: "titel".into(),
            expected: names(&["id"]),
        },
        Reason::UnknownField {
            field: "titel".into(),
            expected: Vec::new(),
        },
        Reason::UnknownVariant {
            variant: "avoids".into(),
            expected: names(&["mention", "avoid", "swap"]),
        },
        Reason::UnknownVariant {
            variant: "avoids".into(),
            expected: Vec::new(),
        },
        Reason::UnknownCondition { key: "x".into() },
        Reason::UnknownBranch { key: "x".into() },
        Reason::EmptyAny,
        Reason::EmptyGrants,
        Reason::PerNotAFact {
            found: "passengers".into(),
        },
        Reason::BoundNotANumber {
            fact: "passengers".into(),
            bound: "min".into(),
            found: "many".into(),
        },
        Reason::MissingField {
            field: "goal".into(),
            entry: None,
        },
        Reason::MissingField {
            field: "goal".into(),
            entry: Some("resolve".into()),
        },
        Reason::DuplicateKey {
            key: "title".into(),
        },
        Reason::Other("invalid length 3".into()),
    ];
    let shapes = [
        Shape::Text,
        Shape::List,
        Shape::Mapping,
        Shape::Bool,
        Shape::Nothing,
        Shape::Number,
        Shape::Amount {
            unit: Some("USD".into()),
        },
        Shape::Amount { unit: None },
        Shape::WholeNumber(Counts::Any),
        Shape::WholeNumber(Counts::NotNegative),
        Shape::WholeNumber(Counts::Contacts),
        Shape::WholeNumber(Counts::Words),
        Shape::WholeNumber(Counts::KeyFacts),
        Shape::OneOf(names(&["mention", "avoid"])),
        Shape::Duration,
        Shape::Limit,
        Shape::Grants,
        Shape::Scalar,
        Shape::Map,
        Shape::Texts,
        Shape::Says,
        Shape::Conditions,
        Shape::Next,
        Shape::Value,
        Shape::Serde("struct Rule".into()),
    ];
    let founds = [
        Found::Nothing,
        Found::List,
        Found::Mapping,
        Found::Value("fifteen".into()),
        Found::Serde("unit variant".into()),
    ];
    for (i, shape) in shapes.into_iter().enumerate() {
        reasons.push(Reason::Expected {
            shape,
            found: founds[i % founds.len()].clone(),
        });
    }
    let values = [
        ValueError::NotADate {
            text: "2027-13-45".into(),
        },
        ValueError::NotADuration {
            text: "soon".into(),
        },
        ValueError::NoUnit { number: 15 },
        ValueError::NegativeDuration { number: -5 },
        ValueError::LimitNo,
        ValueError::NegativeLimit {
            amount: "-2.5".into(),
        },
        ValueError::NotALimit {
            number: "NaN".into(),
        },
        ValueError::NotALimitText {
            text: "lots".into(),
        },
        ValueError::TooLarge {
            number: "99999999999999999999".into(),
        },
        ValueError::NotANumber { text: "ten".into() },
        ValueError::NegativeAmount {
            amount: "-3".into(),
        },
    ];
    reasons.extend(values.into_iter().map(Reason::Value));
    reasons
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::Locale;

    #[test]
    fn an_unknown_id_gets_the_likely_typo_or_the_ids_there_are() {
        let en = Words::new(Locale::En);
        assert_eq!(
            unknown_id_help(en, "welcom", "step", ["welcome", "resolve"]),
            "did you mean `welcome`?"
        );
        assert_eq!(
            unknown_id_help(en, "zzz", "step", ["welcome", "resolve", "welcome"]),
            "the steps are `welcome`, `resolve`"
        );
        assert_eq!(
            unknown_id_help(en, "zzz", "role", []),
            "this playbook defines no roles"
        );
    }

    #[test]
    fn every_reason_has_words_in_every_locale_and_keeps_its_code_and_ids() {
        for locale in Locale::ALL {
            let w = Words::new(locale);
            for r in every_reason() {
                let text = reason(w, &r);
                assert!(
                    !text.is_empty() && !text.starts_with("errors-"),
                    "{locale:?} {r:?}: {text}"
                );
                // Ids and YAML stay as written: whatever is in backticks in
                // English is in every language.
                let english = reason(Words::new(Locale::En), &r);
                for code in english.split('`').skip(1).step_by(2) {
                    assert!(
                        text.contains(code),
                        "{locale:?} {r:?} lost `{code}`: {text}"
                    );
                }
            }
        }
    }

    #[test]
    fn english_says_what_serde_and_the_loader_always_said() {
        let en = Words::new(Locale::En);
        let r = |reason_: Reason| reason(en, &reason_);
        let names = |n: &[&str]| n.iter().map(|&s| s.to_owned()).collect::<Vec<_>>();
        assert_eq!(
            r(Reason::UnknownField {
                field: "titel".into(),
                expected: names(&["id", "title", "goal", "values"]),
            }),
            "unknown field `titel`, expected one of `id`, `title`, `goal`, `values`"
        );
        assert_eq!(
            r(Reason::UnknownField {
                field: "idx".into(),
                expected: names(&["id", "text"]),
            }),
            "unknown field `idx`, expected `id` or `text`"
        );
        assert_eq!(
            r(Reason::Expected {
                shape: Shape::WholeNumber(Counts::Words),
                found: Found::Value("fifteen".into())
            }),
            "expected a whole number (words), found `fifteen`"
        );
        assert_eq!(
            r(Reason::Expected {
                shape: Shape::Says,
                found: Found::Mapping
            }),
            "expected a text, a list of texts, or {phrases, negation}, found a mapping (`key: value`)"
        );
        assert_eq!(
            r(Reason::TooLarge { bytes: 17_196_646 }),
            "the file is 16.4 MB, larger than the 16 MB a playbook may be: split it into several playbooks"
        );
        assert_eq!(
            r(Reason::TooManyNodes),
            "the file expands to more than 500000 YAML nodes (through aliases or sheer size), far more than a playbook needs: refused so as not to exhaust memory"
        );
        assert_eq!(
            help(en, &Help::QuoteComma),
            "a comma inside `{ }` or `[ ]` starts a new entry: put quotes around text that contains one"
        );
    }

    #[test]
    fn a_load_error_is_worded_in_the_language_its_file_gives() {
        let mut error = LoadError {
            kind: crate::playbook::LoadErrorKind::Schema,
            reason: Box::new(Reason::Value(ValueError::NotADuration {
                text: "bald".into(),
            })),
            pos: crate::playbook::Pos::FILE_START,
            help: None,
            language: Some("de-DE".into()),
        };
        assert_eq!(words_for(&error).locale(), Locale::De);
        assert!(error.to_string().contains("`bald`"), "{error}");
        error.language = Some("zh-CN".into());
        assert_eq!(words_for(&error).locale(), Locale::Zh);
    }
}
