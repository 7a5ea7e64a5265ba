//! `ethos render`: the handbook, the policy document and flashcards, from one
//! playbook.
//!
//! [`model`] turns the playbook, and what the reply engine makes of it, into
//! plain data with every string ready; Handlebars templates (`templates/`,
//! built into the binary, each replaceable by a file of the same name) lay it
//! out as Markdown or HTML; the cards are CSV written with the `csv` crate.
//! Rendering is strict: a template that names a field the data does not have
//! is an error naming the template, the line and the field.

pub mod diagram;
pub mod mermaid;
pub mod model;
pub mod svg;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use handlebars::{
    Context, Handlebars, Helper, HelperDef, HelperResult, JsonTruthy, Output, RenderContext,
    RenderErrorReason, Renderable, TemplateErrorReason,
};

use crate::playbook::{Date, Playbook};
use crate::words::Words;
use crate::words::errors::{self as say, TemplateOrigin};
use model::{Builder, Card, Document};

/// What to render.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Handbook,
    Policy,
    Cards,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Handbook => "handbook",
            Kind::Policy => "policy",
            Kind::Cards => "cards",
        }
    }
}

/// The format of the documents (cards are always CSV).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }
}

/// One template built into the binary.
#[derive(Clone, Copy, Debug)]
pub struct BundledTemplate {
    /// The file name in `templates/`, and the name a `--templates` file must
    /// have to replace it.
    pub file: &'static str,
    pub format: Format,
    /// The name it is registered under: `{{> header}}` includes `header`.
    pub name: &'static str,
    pub text: &'static str,
}

macro_rules! bundled {
    ($file:literal, $format:expr, $name:literal) => {
        BundledTemplate {
            file: $file,
            format: $format,
            name: $name,
            text: include_str!(concat!("../../templates/", $file)),
        }
    };
}

/// Every file of `templates/`. A test checks this list against the folder.
pub const TEMPLATES: &[BundledTemplate] = &[
    bundled!("handbook.md.hbs", Format::Markdown, "handbook"),
    bundled!("policy.md.hbs", Format::Markdown, "policy"),
    bundled!("header.md.hbs", Format::Markdown, "header"),
    bundled!("footer.md.hbs", Format::Markdown, "footer"),
    bundled!("guidance.md.hbs", Format::Markdown, "guidance"),
    bundled!("rule-card.md.hbs", Format::Markdown, "rule-card"),
    bundled!("handbook.html.hbs", Format::Html, "handbook"),
    bundled!("policy.html.hbs", Format::Html, "policy"),
    bundled!("header.html.hbs", Format::Html, "header"),
    bundled!("footer.html.hbs", Format::Html, "footer"),
    bundled!("guidance.html.hbs", Format::Html, "guidance"),
    bundled!("rule-card.html.hbs", Format::Html, "rule-card"),
    bundled!("style.css.hbs", Format::Html, "style"),
];

/// Why rendering could not be done. Its `Display` is worded in
/// `words::errors`, in the environment's language (templates are the
/// tool's, not the playbook's).
#[derive(Debug)]
pub enum RenderError {
    /// A template that does not parse.
    Syntax {
        /// The template's file name if bundled, else the path of its replacement.
        template: String,
        bundled: bool,
        line: Option<usize>,
        column: Option<usize>,
        /// Boxed: errors are rare, and a `Result` should stay small.
        fault: Box<TemplateFault>,
    },
    /// A template that does not render: in strict mode, usually a field that
    /// does not exist.
    Render {
        template: String,
        bundled: bool,
        line: Option<usize>,
        column: Option<usize>,
        /// The field named, when that is the problem.
        field: Option<String>,
        /// Boxed: errors are rare, and a `Result` should stay small.
        fault: Box<TemplateFault>,
    },
    // The io::Error is in the message and deliberately not a `source`: anyhow's
    // `{:#}` prints a chain of sources, which would say it twice.
    Read {
        path: PathBuf,
        error: std::io::Error,
    },
    NotUtf8 {
        path: PathBuf,
    },
    /// A pattern of the playbook that does not compile, in the regex
    /// library's words.
    Pattern(String),
}

impl std::error::Error for RenderError {}

/// What is wrong with a template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateFault {
    /// Not Handlebars at all.
    NotHandlebars,
    /// A field the data does not have, and the one likely meant.
    NoField {
        field: String,
        suggestion: Option<String>,
    },
    /// A partial there is not, and the partials of its format.
    NoPartial {
        name: String,
        partials: Vec<&'static str>,
    },
    /// Anything else, in the template library's words.
    Other(String),
}

impl TemplateFault {
    fn view(&self) -> say::TemplateFault<'_> {
        match self {
            TemplateFault::NotHandlebars => say::TemplateFault::NotHandlebars,
            TemplateFault::NoField { field, suggestion } => say::TemplateFault::NoField {
                field,
                suggestion: suggestion.as_deref(),
            },
            TemplateFault::NoPartial { name, partials } => {
                say::TemplateFault::NoPartial { name, partials }
            }
            TemplateFault::Other(text) => say::TemplateFault::Other(text),
        }
    }
}

fn origin(template: &str, bundled: bool) -> TemplateOrigin<'_> {
    if bundled {
        TemplateOrigin::Bundled(template)
    } else {
        TemplateOrigin::File(template)
    }
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let w = Words::of_environment();
        let text = match self {
            RenderError::Syntax {
                template,
                bundled,
                line,
                column,
                fault,
            }
            | RenderError::Render {
                template,
                bundled,
                line,
                column,
                fault,
                ..
            } => say::template_error(
                w,
                &say::template_name(w, origin(template, *bundled)),
                *line,
                *column,
                fault.view(),
            ),
            RenderError::Read { path, error } => {
                say::templates_unreadable(w, &path.display().to_string(), &error.to_string())
            }
            RenderError::NotUtf8 { path } => say::template_not_utf8(w, &path.display().to_string()),
            RenderError::Pattern(why) => say::pattern_does_not_compile(w, why),
        };
        f.write_str(&text)
    }
}

/// A file of a `--templates` folder that replaces no template, worded (in
/// its `Display`) in the environment's language.
#[derive(Clone, Debug)]
pub struct TemplateWarning {
    /// The file, as its path was given.
    pub shown: String,
    /// The template it likely means to replace.
    pub suggestion: Option<&'static str>,
}

impl std::fmt::Display for TemplateWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let files: Vec<&str> = TEMPLATES.iter().map(|t| t.file).collect();
        f.write_str(&say::template_unused(
            Words::of_environment(),
            &self.shown,
            self.suggestion,
            &files,
        ))
    }
}

/// Where a template in use came from, for messages.
#[derive(Clone, Debug)]
struct Origin {
    format: Format,
    name: &'static str,
    /// The bundled file's name, or the path of the replacement.
    shown: String,
    bundled: bool,
}

/// The templates in use: the bundled ones, some perhaps replaced.
pub struct Templates {
    markdown: Handlebars<'static>,
    html: Handlebars<'static>,
    origins: Vec<Origin>,
    /// Files of a `--templates` folder that replace no template.
    pub warnings: Vec<TemplateWarning>,
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Templates")
            .field("origins", &self.origins)
            .field("warnings", &self.warnings)
            .finish_non_exhaustive()
    }
}

impl Templates {
    /// The bundled templates.
    pub fn bundled() -> Templates {
        Templates::build(&[], Vec::new())
            .expect("the bundled templates compile (a test renders every one)")
    }

    /// The bundled templates, each replaced by a file of the same name in
    /// `dir`. Files that fit no name are listed in [`Templates::warnings`].
    pub fn with_overrides(dir: &Path) -> Result<Templates, RenderError> {
        let read_error = |error| RenderError::Read {
            path: dir.to_owned(),
            error,
        };
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(read_error)?
            .map(|e| e.map(|e| e.path()))
            .collect::<Result<_, _>>()
            .map_err(read_error)?;
        entries.sort();
        let mut replacements = Vec::new();
        let mut warnings = Vec::new();
        for path in entries {
            let Some(file) = path.file_name().and_then(|f| f.to_str()) else {
                continue;
            };
            if file.starts_with('.') || path.is_dir() {
                continue;
            }
            let shown = crate::playbook::source::display_path(&path);
            let Some(bundled) = TEMPLATES.iter().find(|t| t.file == file) else {
                let names = TEMPLATES.iter().map(|t| t.file);
                warnings.push(TemplateWarning {
                    shown,
                    suggestion: crate::util::suggest::closest(file, names),
                });
                continue;
            };
            let bytes = std::fs::read(&path).map_err(|error| RenderError::Read {
                path: path.clone(),
                error,
            })?;
            let text = String::from_utf8(bytes)
                .map_err(|_| RenderError::NotUtf8 { path: path.clone() })?;
            replacements.push((*bundled, text, shown));
        }
        Templates::build(&replacements, warnings)
    }

    fn build(
        replacements: &[(BundledTemplate, String, String)],
        warnings: Vec<TemplateWarning>,
    ) -> Result<Templates, RenderError> {
        let mut markdown = registry(Format::Markdown);
        let mut html = registry(Format::Html);
        let mut origins = Vec::new();
        for bundled in TEMPLATES {
            let replaced = replacements.iter().find(|(b, _, _)| b.file == bundled.file);
            let (text, shown, is_bundled) = match replaced {
                Some((_, text, shown)) => (text.as_str(), shown.clone(), false),
                None => (bundled.text, bundled.file.to_owned(), true),
            };
            let registry = match bundled.format {
                Format::Markdown => &mut markdown,
                Format::Html => &mut html,
            };
            registry
                .register_template_string(bundled.name, text)
                .map_err(|e| RenderError::Syntax {
                    template: shown.clone(),
                    bundled: is_bundled,
                    line: e.pos().map(|p| p.0),
                    column: e.pos().map(|p| p.1),
                    fault: Box::new(match e.reason() {
                        // The parser's own message lists grammar rules, which
                        // says nothing to someone restyling a handbook.
                        TemplateErrorReason::InvalidSyntax(_) => TemplateFault::NotHandlebars,
                        other => TemplateFault::Other(other.to_string()),
                    }),
                })?;
            origins.push(Origin {
                format: bundled.format,
                name: bundled.name,
                shown,
                bundled: is_bundled,
            });
        }
        Ok(Templates {
            markdown,
            html,
            origins,
            warnings,
        })
    }

    /// The template named `name` as messages show it, and whether it is bundled.
    fn shown(&self, format: Format, name: Option<&str>) -> (String, bool) {
        name.and_then(|name| {
            self.origins
                .iter()
                .find(|o| o.format == format && o.name == name)
                .map(|o| (o.shown.clone(), o.bundled))
        })
        .or_else(|| name.map(|n| (n.to_owned(), false)))
        // Handlebars names every template it renders; `?` marks a bug.
        .unwrap_or_else(|| ("?".to_owned(), false))
    }

    /// Render one document kind in one format.
    pub fn render(
        &self,
        kind: Kind,
        format: Format,
        document: &Document,
    ) -> Result<String, RenderError> {
        let registry = match format {
            Format::Markdown => &self.markdown,
            Format::Html => &self.html,
        };
        registry.render(kind.name(), document).map_err(|e| {
            let (template, bundled) = self.shown(format, e.template_name.as_deref());
            let (field, fault) = match e.reason() {
                RenderErrorReason::MissingVariable(path) => {
                    let field = path.clone().unwrap_or_default();
                    let fault = TemplateFault::NoField {
                        suggestion: suggest_field(document, &field),
                        field: field.clone(),
                    };
                    (Some(field), fault)
                }
                RenderErrorReason::PartialNotFound(name) => (
                    None,
                    TemplateFault::NoPartial {
                        name: name.clone(),
                        partials: partials(format),
                    },
                ),
                other => (None, TemplateFault::Other(other.to_string())),
            };
            RenderError::Render {
                template,
                bundled,
                line: e.line_no,
                column: e.column_no,
                field,
                fault: Box::new(fault),
            }
        })
    }
}

fn partials(format: Format) -> Vec<&'static str> {
    TEMPLATES
        .iter()
        .filter(|t| t.format == format && t.name != "handbook" && t.name != "policy")
        .map(|t| t.name)
        .collect()
}

/// The closest field name anywhere in the document, for a misspelt one.
fn suggest_field(document: &Document, field: &str) -> Option<String> {
    fn keys(value: &serde_json::Value, into: &mut BTreeSet<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    into.insert(k.clone());
                    keys(v, into);
                }
            }
            serde_json::Value::Array(items) => {
                for item in items {
                    keys(item, into);
                }
            }
            _ => {}
        }
    }
    let mut all = BTreeSet::new();
    keys(&serde_json::to_value(document).ok()?, &mut all);
    let last = field.rsplit(['.', '/']).next().unwrap_or(field);
    let best = crate::util::suggest::closest(last, all.iter().map(String::as_str))?;
    (best != last).then(|| match field.rsplit_once('.') {
        Some((parent, _)) => [parent, ".", best].concat(),
        None => best.to_owned(),
    })
}

/// A Handlebars registry for a format: strict, with the format's escaping.
fn registry(format: Format) -> Handlebars<'static> {
    let mut hb = Handlebars::new();
    hb.set_strict_mode(true);
    // Markdown is whitespace-sensitive: a partial's lines must not be indented
    // like the `{{> partial}}` that includes them.
    hb.set_prevent_indent(true);
    match format {
        // Handlebars' default escaping is HTML's: `&"<>'`=`.
        Format::Html => {}
        Format::Markdown => hb.register_escape_fn(escape_markdown),
    }
    // Built-in `if` and `unless` treat a missing field as false even in strict
    // mode, so a misspelt `{{#if ownr}}` would silently hide a section.
    hb.register_helper("if", Box::new(StrictIf { positive: true }));
    hb.register_helper("unless", Box::new(StrictIf { positive: false }));
    hb
}

/// `if` and `unless` that fail on a field that does not exist (`null` is a
/// field that exists and is false).
struct StrictIf {
    positive: bool,
}

impl HelperDef for StrictIf {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let name = if self.positive { "if" } else { "unless" };
        let param = h
            .param(0)
            .ok_or(RenderErrorReason::ParamNotFoundForIndex(name, 0))?;
        if param.is_value_missing() {
            return Err(RenderErrorReason::MissingVariable(param.relative_path().cloned()).into());
        }
        let truthy = param.value().is_truthy(false) == self.positive;
        match if truthy { h.template() } else { h.inverse() } {
            Some(t) => t.render(r, ctx, rc, out),
            None => Ok(()),
        }
    }
}

/// Escape playbook text for Markdown: `<` and `>` as entities, which every
/// Markdown flavour shows as text (so `<script>` can never be raw HTML); a
/// backslash before every other character that could start markup (emphasis,
/// links, code, tables, entities), and before what would start a heading or a
/// list at the start of a line.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    // A leading `#`, `-`, `+`, `=` or `1.` would make a heading or a list.
    match text.chars().next() {
        Some('#' | '-' | '+' | '=') => out.push('\\'),
        Some(c) if c.is_ascii_digit() => {
            let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
            if matches!(text[digits.len()..].chars().next(), Some('.' | ')')) {
                out.push_str(&digits);
                out.push('\\');
                for _ in 0..digits.len() {
                    chars.next();
                }
            }
        }
        _ => {}
    }
    for c in chars {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '&' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A rendered file, before it is written.
#[derive(Clone, Debug)]
pub struct RenderedFile {
    /// The file name: `handbook.html`, `cards.csv`.
    pub file: String,
    pub text: String,
    /// How many cards, for `cards.csv`.
    pub cards: Option<usize>,
}

/// Render the kinds asked for. Nothing is written here: the command writes
/// the files only once every one has rendered.
pub fn render(
    playbook: &Playbook,
    kinds: &[Kind],
    format: Format,
    templates: &Templates,
    today: Date,
) -> Result<Vec<RenderedFile>, RenderError> {
    let builder = Builder::new(playbook).map_err(|e| {
        RenderError::Pattern(crate::words::engine::pattern_error(
            crate::words::Words::of(playbook),
            &e,
        ))
    })?;
    let needs_document = kinds.iter().any(|k| *k != Kind::Cards);
    let document = needs_document.then(|| builder.document(today));
    let mut files = Vec::new();
    for &kind in kinds {
        match (kind, &document) {
            (Kind::Cards, _) => {
                let cards = builder.cards();
                files.push(RenderedFile {
                    file: "cards.csv".to_owned(),
                    text: cards_csv(&cards),
                    cards: Some(cards.len()),
                });
            }
            (_, Some(document)) => files.push(RenderedFile {
                file: [kind.name(), ".", format.extension()].concat(),
                text: templates.render(kind, format, document)?,
                cards: None,
            }),
            (_, None) => {}
        }
    }
    Ok(files)
}

/// Anki's header lines: comma-separated, plain text, columns front and back.
const ANKI_HEADER: &str = "#separator:comma\r\n#html:false\r\n#columns:front,back\r\n";

/// The cards as CSV (RFC 4180: CRLF, fields quoted), after Anki's header
/// lines: comma-separated, plain text (so markup in a playbook is shown on the
/// card, never run), columns front and back.
pub fn cards_csv(cards: &[Card]) -> String {
    let mut writer = csv::WriterBuilder::new()
        // Every field quoted: a front starting with `#` is then never taken
        // for one of Anki's header lines.
        .quote_style(csv::QuoteStyle::Always)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for card in cards {
        writer
            .write_record([card.front.as_str(), card.back.as_str()])
            .expect("writing CSV to memory cannot fail");
    }
    let body = writer
        .into_inner()
        .expect("writing CSV to memory cannot fail");
    let body = String::from_utf8(body).expect("CSV of UTF-8 strings is UTF-8");
    [ANKI_HEADER, &body].concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_markup_is_escaped() {
        assert_eq!(
            escape_markdown("<script>a|b*c_d</script>"),
            r"&lt;script&gt;a\|b\*c\_d&lt;/script&gt;"
        );
        assert_eq!(escape_markdown("# not a heading"), r"\# not a heading");
        assert_eq!(escape_markdown("2024. A year"), r"2024\. A year");
        assert_eq!(escape_markdown("- not a list"), r"\- not a list");
        assert_eq!(escape_markdown("plain, text 12"), "plain, text 12");
        assert_eq!(escape_markdown("中文【测试】"), "中文【测试】");
    }

    #[test]
    fn every_bundled_template_compiles() {
        let templates = Templates::bundled();
        assert_eq!(templates.origins.len(), TEMPLATES.len());
    }
}
