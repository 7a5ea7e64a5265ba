//! Renderers of `ethos check` results: one module per output format, all
//! over the same [`CheckReport`]. Renderers return text; the command prints it.

pub mod github;
pub mod human;
pub mod json;
pub mod judgement;
pub mod junit;
pub mod reply;
pub mod sarif;
pub mod tables;

use crate::check::{Counts, Diagnostic};
use crate::playbook::{Severity, Source};

/// One checked file and what was found in it.
#[derive(Debug, Clone)]
pub struct CheckedFile {
    pub source: Source,
    pub diagnostics: Vec<Diagnostic>,
}

/// The outcome of `ethos check` over every file it was given.
#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    pub files: Vec<CheckedFile>,
    /// `--deny warnings`: warnings fail the run too.
    pub deny_warnings: bool,
}

impl CheckReport {
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.files.iter().flat_map(|f| f.diagnostics.iter())
    }

    pub fn counts(&self) -> Counts {
        Counts::of(self.diagnostics())
    }

    /// Whether a diagnostic of this severity fails the run.
    pub fn fails(&self, severity: Severity) -> bool {
        match severity {
            Severity::Error => true,
            Severity::Warning => self.deny_warnings,
            Severity::Info => false,
        }
    }

    /// Whether anything at the failing level was found (exit code 1).
    pub fn failed(&self) -> bool {
        self.diagnostics().any(|d| self.fails(d.severity))
    }
}

/// `--format` of `ethos check`. (The doc comments are `--help` text, hence
/// the plain product names.)
#[allow(clippy::doc_markdown)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style, with the source line and a caret
    Human,
    /// one JSON document: diagnostics and a summary
    Json,
    /// SARIF 2.1.0, for GitHub code scanning
    Sarif,
    /// JUnit XML, a test case per file
    Junit,
    /// GitHub Actions workflow commands (annotations)
    Github,
}

/// Render a report in a format; `color` applies to `human` only.
pub fn render(report: &CheckReport, format: Format, color: bool) -> String {
    match format {
        Format::Human => human::render(report, color),
        Format::Json => json::render(report),
        Format::Sarif => sarif::render(report),
        Format::Junit => junit::render(report),
        Format::Github => github::render(report),
    }
}

/// "1 error and 2 warnings", "no problems".
pub fn counts_in_words(counts: Counts) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match (counts.errors, counts.warnings) {
        (0, 0) => "no problems".to_owned(),
        (e, 0) => plural(e, "error"),
        (0, w) => plural(w, "warning"),
        (e, w) => format!("{} and {}", plural(e, "error"), plural(w, "warning")),
    }
}
