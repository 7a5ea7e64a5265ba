//! Where checks put what they find: they never stop at the first problem.

use super::code::Code;
use super::diagnostic::Diagnostic;
use crate::playbook::{Date, Playbook, Pos};
use crate::words::Words;
use crate::words::check::{Help, Message};

/// What a check needs besides the playbook.
#[derive(Clone, Copy, Debug)]
pub struct CheckOptions {
    /// The date `review-overdue` compares `review_by` with.
    pub today: Date,
}

pub struct CheckContext<'a> {
    pub playbook: &'a Playbook,
    pub options: CheckOptions,
    /// The playbook's language: its author reads the diagnostics.
    pub words: Words,
    file: &'a str,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> CheckContext<'a> {
    pub fn new(playbook: &'a Playbook, file: &'a str, options: CheckOptions) -> Self {
        CheckContext {
            playbook,
            options,
            words: Words::of(playbook),
            file,
            diagnostics: Vec::new(),
        }
    }

    /// Record a finding, worded in the playbook's language; add a `help` line
    /// with [`Reported::help`] right after.
    pub fn report(&mut self, code: Code, pos: Pos, message: Message<'_>) -> Reported<'_> {
        self.diagnostics.push(Diagnostic {
            code,
            severity: code.severity(),
            message: self.words.check_message(&message),
            // A place in a pack rule is in the pack's file, not the playbook's.
            file: crate::playbook::packs::name_of_file(pos.file)
                .unwrap_or_else(|| self.file.to_owned()),
            pos,
            help: None,
        });
        Reported {
            words: self.words,
            diagnostic: self.diagnostics.last_mut().expect("just pushed"),
        }
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

/// A diagnostic just reported, to attach its help line to.
pub struct Reported<'d> {
    words: Words,
    diagnostic: &'d mut Diagnostic,
}

impl Reported<'_> {
    /// Attach a suggestion of what to do.
    pub fn help(self, help: Help<'_>) {
        self.diagnostic.help = Some(self.words.check_help(&help));
    }
}
