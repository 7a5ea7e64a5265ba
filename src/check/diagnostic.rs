//! A finding of `ethos check`: data with a position, rendered by `crate::report`.

use super::code::Code;
use crate::playbook::{Pos, Severity};

#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    /// One sentence naming the thing and what is wrong with it.
    pub message: String,
    /// The file as reports name it (see `Source::name`).
    pub file: String,
    /// Where in the file; `Pos::UNKNOWN` for a problem with the file as a whole.
    pub pos: Pos,
    /// What to do about it, where a fix can be suggested.
    pub help: Option<String>,
}

impl Diagnostic {
    /// The order reports list diagnostics in: file, line, column, code.
    pub fn sort_key(&self) -> (&str, u32, u32, &'static str) {
        (
            &self.file,
            self.pos.line,
            self.pos.column,
            self.code.as_str(),
        )
    }
}

/// Sort diagnostics into report order, dropping exact repeats.
pub fn sort(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| {
        a.sort_key()
            .cmp(&b.sort_key())
            .then_with(|| a.message.cmp(&b.message))
    });
    diagnostics.dedup();
}

/// How many errors and warnings a set of diagnostics holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
}

impl Counts {
    pub fn of<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>) -> Counts {
        let mut counts = Counts::default();
        for d in diagnostics {
            match d.severity {
                Severity::Error => counts.errors += 1,
                Severity::Warning => counts.warnings += 1,
                Severity::Info => {}
            }
        }
        counts
    }
}
