//! `--format json`: the document of `shared/spec/CLI.md`.

use serde::Serialize;

use super::CheckReport;

#[derive(Serialize)]
struct Document<'a> {
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'static str,
    severity: &'static str,
    message: &'a str,
    file: &'a str,
    /// `null` for a problem with the file as a whole (e.g. too large to read).
    line: Option<u32>,
    column: Option<u32>,
    help: Option<&'a str>,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    errors: usize,
    warnings: usize,
}

pub fn render(report: &CheckReport) -> String {
    let counts = report.counts();
    let document = Document {
        diagnostics: report
            .diagnostics()
            .map(|d| JsonDiagnostic {
                code: d.code.as_str(),
                severity: d.severity.as_str(),
                message: &d.message,
                file: &d.file,
                line: d.pos.is_known().then_some(d.pos.line),
                column: d.pos.is_known().then_some(d.pos.column),
                help: d.help.as_deref(),
            })
            .collect(),
        summary: Summary {
            files: report.files.len(),
            errors: counts.errors,
            warnings: counts.warnings,
        },
    };
    let mut text = serde_json::to_string_pretty(&document).expect("plain data serialises");
    text.push('\n');
    text
}
