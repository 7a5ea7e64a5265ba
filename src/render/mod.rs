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

/// Why rendering could not be done.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A template that does not parse.
    #[error("template {template}{}: {message}", place(*.line, *.column))]
    Syntax {
        template: String,
        line: Option<usize>,
        column: Option<usize>,
        message: String,
    },
    /// A template that does not render: in strict mode, usually a field that
    /// does not exist.
    #[error("template {template}{}: {message}", place(*.line, *.column))]
    Render {
        template: String,
        line: Option<usize>,
        column: Option<usize>,
        /// The field named, when that is the problem.
        field: Option<String>,
        message: String,
    },
    #[error("cannot read the templates in {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: is not UTF-8 text; save the template as UTF-8", path.display())]
    NotUtf8 { path: PathBuf },
    #[error(
        "the playbook has a pattern that does not compile ({0}); run `ethos check` for every problem"
    )]
    Pattern(String),
}

fn place(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!(", line {l}, column {c}"),
        (Some(l), None) => format!(", line {l}"),
        _ => String::new(),
    }
}

/// Where a template in use came from, for messages.
#[derive(Clone, Debug)]
struct Origin {
    format: Format,
    name: &'static str,
    /// "handbook.html.hbs (bundled)" or the path of the replacement.
    shown: String,
}

/// The templates in use: the bundled ones, some perhaps replaced.
pub struct Templates {
    markdown: Handlebars<'static>,
    html: Handlebars<'static>,
    origins: Vec<Origin>,
    /// Files of a `--templates` folder that replace no template.
    pub warnings: Vec<String>,
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
        let read_error = |source| RenderError::Read {
            path: dir.to_owned(),
            source,
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
                let hint = match crate::util::suggest::closest(file, names.clone()) {
                    Some(best) => format!("did you mean `{best}`?"),
                    None => format!("the templates are {}", names.collect::<Vec<_>>().join(", ")),
                };
                warnings.push(format!(
                    "{shown}: replaces no template, so it is not used; {hint}"
                ));
                continue;
            };
            let bytes = std::fs::read(&path).map_err(|source| RenderError::Read {
                path: path.clone(),
                source,
            })?;
            let text = String::from_utf8(bytes)
                .map_err(|_| RenderError::NotUtf8 { path: path.clone() })?;
            replacements.push((*bundled, text, shown));
        }
        Templates::build(&replacements, warnings)
    }

    fn build(
        replacements: &[(BundledTemplate, String, String)],
        warnings: Vec<String>,
    ) -> Result<Templates, RenderError> {
        let mut markdown = registry(Format::Markdown);
        let mut html = registry(Format::Html);
        let mut origins = Vec::new();
        for bundled in TEMPLATES {
            let replaced = replacements.iter().find(|(b, _, _)| b.file == bundled.file);
            let (text, shown) = match replaced {
                Some((_, text, shown)) => (text.as_str(), shown.clone()),
                None => (bundled.text, format!("{} (bundled)", bundled.file)),
            };
            let registry = match bundled.format {
                Format::Markdown => &mut markdown,
                Format::Html => &mut html,
            };
            registry
                .register_template_string(bundled.name, text)
                .map_err(|e| RenderError::Syntax {
                    template: shown.clone(),
                    line: e.pos().map(|p| p.0),
                    column: e.pos().map(|p| p.1),
                    message: match e.reason() {
                        // The parser's own message lists grammar rules, which
                        // says nothing to someone restyling a handbook.
                        TemplateErrorReason::InvalidSyntax(_) => "this is not valid Handlebars: check that every `{{` has its `}}` and every `{{#block}}` its `{{/block}}`".to_owned(),
                        other => other.to_string(),
                    },
                })?;
            origins.push(Origin {
                format: bundled.format,
                name: bundled.name,
                shown,
            });
        }
        Ok(Templates {
            markdown,
            html,
            origins,
            warnings,
        })
    }

    fn shown(&self, format: Format, name: Option<&str>) -> String {
        name.and_then(|name| {
            self.origins
                .iter()
                .find(|o| o.format == format && o.name == name)
                .map(|o| o.shown.clone())
        })
        .or_else(|| name.map(str::to_owned))
        .unwrap_or_else(|| "(unnamed)".to_owned())
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
            let template = self.shown(format, e.template_name.as_deref());
            match e.reason() {
                RenderErrorReason::MissingVariable(path) => {
                    let field = path.clone().unwrap_or_default();
                    let hint = suggest_field(document, &field)
                        .map(|f| format!("; did you mean `{f}`?"))
                        .unwrap_or_default();
                    RenderError::Render {
                        template,
                        line: e.line_no,
                        column: e.column_no,
                        message: format!(
                            "`{field}` is not a field here{hint} (the README's \"Rendering\" section lists the fields)"
                        ),
                        field: Some(field),
                    }
                }
                RenderErrorReason::PartialNotFound(name) => RenderError::Render {
                    template,
                    line: e.line_no,
                    column: e.column_no,
                    field: None,
                    message: format!(
                        "there is no partial `{name}`; the partials are {}",
                        partials(format)
                    ),
                },
                other => RenderError::Render {
                    template,
                    line: e.line_no,
                    column: e.column_no,
                    field: None,
                    message: other.to_string(),
                },
            }
        })
    }
}

fn partials(format: Format) -> String {
    TEMPLATES
        .iter()
        .filter(|t| t.format == format && t.name != "handbook" && t.name != "policy")
        .map(|t| format!("`{}`", t.name))
        .collect::<Vec<_>>()
        .join(", ")
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
        Some((parent, _)) => format!("{parent}.{best}"),
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
                file: format!("{}.{}", kind.name(), format.extension()),
                text: templates.render(kind, format, document)?,
                cards: None,
            }),
            (_, None) => {}
        }
    }
    Ok(files)
}

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
    format!("#separator:comma\r\n#html:false\r\n#columns:front,back\r\n{body}")
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
