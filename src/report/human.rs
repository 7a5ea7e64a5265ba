//! `--format human`: rustc-style diagnostics with the source line and a caret,
//! drawn by `annotate-snippets` (the renderer rustc itself uses).

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::CheckReport;
use crate::check::Diagnostic;
use crate::playbook::{Severity, Source};
use crate::words::Words;

pub fn render(report: &CheckReport, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for file in &report.files {
        let labels = Labels::of(file.words);
        for d in &file.diagnostics {
            // A diagnostic about a pack rule the playbook uses shows the
            // pack's line, not the playbook's.
            let pack = d
                .pos
                .is_in_pack()
                .then(|| crate::playbook::packs::source_of_file(d.pos.file))
                .flatten();
            let source = pack.as_ref().unwrap_or(&file.source);
            out.push_str(&renderer.render(&groups(d, source, &labels)));
            out.push_str("\n\n");
        }
    }
    let counts = report.counts();
    let summary = report.words().check_summary(
        !report.failed(),
        (counts.errors, counts.warnings),
        report.files.len(),
        report.deny_warnings && counts.warnings > 0,
    );
    out.push_str(&summary);
    out.push('\n');
    out
}

/// What a file's diagnostics are labelled with, in its language: "error",
/// "警告", "Hilfe".
struct Labels {
    error: String,
    warning: String,
    info: String,
    help: String,
}

impl Labels {
    fn of(words: Words) -> Labels {
        Labels {
            error: words.check_level(Severity::Error),
            warning: words.check_level(Severity::Warning),
            info: words.check_level(Severity::Info),
            help: words.check_help_label(),
        }
    }

    fn level(&self, severity: Severity) -> Level<'_> {
        match severity {
            Severity::Error => Level::ERROR.with_name(self.error.as_str()),
            Severity::Warning => Level::WARNING.with_name(self.warning.as_str()),
            Severity::Info => Level::INFO.with_name(self.info.as_str()),
        }
    }
}

fn groups<'a>(d: &'a Diagnostic, source: &'a Source, labels: &'a Labels) -> Vec<Group<'a>> {
    let title = labels
        .level(d.severity)
        .primary_title(d.message.as_str())
        .id(d.code.as_str());
    let line_text = source
        .line(d.pos.line)
        .filter(|_| d.pos.is_known() && !source.text.is_empty());
    let mut group = match line_text {
        Some(text) => {
            let span = underline(text, d);
            title.element(
                Snippet::source(text)
                    .path(d.file.as_str())
                    .line_start(d.pos.line as usize)
                    .annotation(AnnotationKind::Primary.span(span)),
            )
        }
        // No text to show (a file that is not UTF-8): the place alone.
        None if d.pos.is_known() => title.element(
            annotate_snippets::Origin::path(d.file.as_str())
                .line(d.pos.line as usize)
                .char_column(d.pos.column as usize),
        ),
        None => title.element(annotate_snippets::Origin::path(d.file.as_str())),
    };
    if let Some(help) = &d.help {
        group = group.element(
            Level::HELP
                .with_name(labels.help.as_str())
                .message(help.as_str()),
        );
    }
    vec![group]
}

/// The bytes of the line to underline: the node, cut at the end of the line
/// (a block scalar spans several).
fn underline(line: &str, d: &Diagnostic) -> std::ops::Range<usize> {
    let start = line
        .char_indices()
        .nth((d.pos.column as usize).saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    let node = d.pos.len as usize;
    let end = if node == 0 {
        start
    } else {
        (start + node).min(line.len())
    };
    // Keep the end on a character boundary, and underline at least one column.
    let mut end = end.max(start);
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    if end == start {
        end = line[start..]
            .chars()
            .next()
            .map_or(start, |c| start + c.len_utf8());
    }
    start..end
}
