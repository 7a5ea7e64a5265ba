//! Where checks put what they find: they never stop at the first problem.

use super::code::Code;
use super::diagnostic::Diagnostic;
use crate::playbook::{Date, Playbook, Pos};

/// What a check needs besides the playbook.
#[derive(Clone, Copy, Debug)]
pub struct CheckOptions {
    /// The date `review-overdue` compares `review_by` with.
    pub today: Date,
}

pub struct CheckContext<'a> {
    pub playbook: &'a Playbook,
    pub options: CheckOptions,
    file: &'a str,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> CheckContext<'a> {
    pub fn new(playbook: &'a Playbook, file: &'a str, options: CheckOptions) -> Self {
        CheckContext {
            playbook,
            options,
            file,
            diagnostics: Vec::new(),
        }
    }

    /// Record a finding; add a `help` line with [`Self::help`] right after.
    pub fn report(&mut self, code: Code, pos: Pos, message: impl Into<String>) -> &mut Diagnostic {
        self.diagnostics.push(Diagnostic {
            code,
            severity: code.severity(),
            message: message.into(),
            // A place in a pack rule is in the pack's file, not the playbook's.
            file: crate::playbook::packs::name_of_file(pos.file)
                .unwrap_or_else(|| self.file.to_owned()),
            pos,
            help: None,
        });
        self.diagnostics.last_mut().expect("just pushed")
    }

    /// Whether a diagnostic of this code is already reported at this place.
    pub fn has_reported(&self, code: Code, pos: crate::playbook::Pos) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.code == code && d.pos == pos)
    }

    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}

impl Diagnostic {
    /// Attach a suggestion of what to do.
    pub fn help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }

    /// Attach a help line if there is one.
    pub fn maybe_help(&mut self, help: Option<String>) -> &mut Self {
        self.help = help;
        self
    }
}
