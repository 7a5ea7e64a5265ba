//! Renderers of `ethos check` results: one module per output format, all
//! over the same [`CheckReport`]. Renderers return text; the command prints it.

pub mod github;
pub mod human;
pub mod json;
pub mod judgement;
pub mod junit;
pub mod listing;
pub mod reply;
pub mod sarif;
pub mod show;
pub mod tables;
pub mod transcript;

use crate::check::{Counts, Diagnostic};
use crate::playbook::{Severity, Source};
use crate::words::{Locale, Words};

/// One checked file and what was found in it.
#[derive(Debug, Clone)]
pub struct CheckedFile {
    pub source: Source,
    pub diagnostics: Vec<Diagnostic>,
    /// The language its diagnostics are in (`check::Checked::words`): the
    /// report around them speaks it too.
    pub words: Words,
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

    /// The language of what the report says about all its files: theirs if
    /// they share one, else English (`check --bundled` checks Chinese and
    /// English playbooks together).
    pub fn words(&self) -> Words {
        let mut languages = self.files.iter().map(|f| f.words);
        match languages.next() {
            Some(first) if languages.all(|w| w == first) => first,
            _ => Words::new(Locale::En),
        }
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

/// "1 error and 2 warnings", "no problems", in a language.
pub fn counts_in_words(words: Words, counts: Counts) -> String {
    words.check_counts(counts.errors, counts.warnings)
}
