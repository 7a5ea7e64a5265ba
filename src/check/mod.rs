//! `ethos check`: everything that can be wrong with a playbook before anyone
//! drills on it. Each family of checks is a module; all of them push
//! [`Diagnostic`]s into a [`CheckContext`] and carry on.

pub mod code;
pub mod context;
pub mod diagnostic;
mod policy;
mod references;
mod replies;
mod review;
mod rules;
mod scenarios;
mod schema;
pub mod suggest;

pub use code::Code;
pub use context::{CheckContext, CheckOptions};
pub use diagnostic::{Counts, Diagnostic};

use crate::playbook::{LoadErrorKind, Playbook, Pos, Source, load};

/// Check one playbook source: the file's own problems, sorted.
pub fn check_source(source: &Source, options: CheckOptions) -> Vec<Diagnostic> {
    let mut diagnostics = match load::parse_all(&source.text) {
        Ok(playbook) => check_playbook(&playbook, &source.name, options),
        // Only the loader's errors: the checks would run on what did load,
        // and report what is missing (an `untested-rule` for a rule whose
        // `wrong` reply failed to load) in place of what is wrong.
        Err(errors) => errors
            .into_iter()
            .map(|err| {
                let code = match err.kind {
                    LoadErrorKind::Syntax => Code::YamlSyntax,
                    LoadErrorKind::Schema => Code::Schema,
                };
                Diagnostic {
                    code,
                    severity: code.severity(),
                    message: err.message,
                    file: source.name.clone(),
                    // Every diagnostic has a place (the CLI contract); a problem
                    // with the file as a whole is at its start.
                    pos: if err.pos.is_known() {
                        err.pos
                    } else {
                        Pos::FILE_START
                    },
                    help: err.help,
                }
            })
            .collect(),
    };
    diagnostic::sort(&mut diagnostics);
    diagnostics
}

/// Check a playbook that loaded.
pub fn check_playbook(playbook: &Playbook, file: &str, options: CheckOptions) -> Vec<Diagnostic> {
    let mut ctx = CheckContext::new(playbook, file, options);
    schema::check(&mut ctx);
    references::check(&mut ctx);
    rules::check(&mut ctx);
    policy::check(&mut ctx);
    scenarios::check(&mut ctx);
    replies::check(&mut ctx);
    review::check(&mut ctx);
    ctx.into_diagnostics()
}
