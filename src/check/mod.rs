//! `ethos check`: everything that can be wrong with a playbook before anyone
//! drills on it. Each family of checks is a module; all of them push
//! [`Diagnostic`]s into a [`CheckContext`] and carry on.

pub mod code;
pub mod context;
pub mod diagnostic;
mod examples;
mod facts;
pub mod gate;
mod grants;
mod packs;
mod policy;
mod procedure_examples;
mod procedures;
mod references;
mod replies;
mod review;
mod rules;
mod scenarios;
mod schema;

pub use code::Code;
pub use context::{CheckContext, CheckOptions};
pub use diagnostic::{Counts, Diagnostic};

use crate::playbook::packs::{self as pack_files, Pack};
use crate::playbook::{LoadError, LoadErrorKind, Playbook, Pos, Source, load};
use crate::words::{self, Words};

/// What `check` found in one source, and the language it says it in.
#[derive(Clone, Debug)]
pub struct Checked {
    pub diagnostics: Vec<Diagnostic>,
    /// The playbook's language; for a file that does not load, the
    /// `language` its text gives, else the environment's
    /// (`words::errors::words_for`).
    pub words: Words,
}

/// Check one playbook source: the file's own problems, sorted.
pub fn check_source(source: &Source, options: CheckOptions) -> Vec<Diagnostic> {
    check_file(source, options).diagnostics
}

/// Check one playbook source: its problems, sorted, in its language.
pub fn check_file(source: &Source, options: CheckOptions) -> Checked {
    let parsed = if pack_files::is_pack(&source.text) {
        // A rule pack is checked as a playbook holding its rules.
        load::parse_pack(&source.text, 0).map(Pack::into_host_playbook)
    } else {
        load::parse_all(&source.text)
    };
    let (words, mut diagnostics) = match parsed {
        Ok(playbook) => (
            Words::of(&playbook),
            check_playbook(&playbook, &source.name, options),
        ),
        // Only the loader's errors: the checks would run on what did load,
        // and report what is missing (an `untested-rule` for a rule whose
        // `wrong` reply failed to load) in place of what is wrong.
        Err(errors) => load_failure(&source.name, &errors),
    };
    diagnostic::sort(&mut diagnostics);
    Checked { diagnostics, words }
}

/// Check a file that could not be read as a playbook (too large, not UTF-8):
/// its one error, as a diagnostic.
pub fn check_unparsable(source: &Source, error: &LoadError) -> Checked {
    let (words, diagnostics) = load_failure(&source.name, std::slice::from_ref(error));
    Checked { diagnostics, words }
}

/// The loader's errors as diagnostics, in the file's language if it gives
/// one, else the environment's.
fn load_failure(file: &str, errors: &[LoadError]) -> (Words, Vec<Diagnostic>) {
    let w = errors
        .first()
        .map_or_else(Words::of_environment, words::errors::words_for);
    let diagnostics = errors
        .iter()
        .map(|err| {
            let code = match err.kind {
                LoadErrorKind::Syntax => Code::YamlSyntax,
                LoadErrorKind::Schema => Code::Schema,
            };
            Diagnostic {
                code,
                severity: code.severity(),
                message: words::errors::reason(w, &err.reason),
                file: file.to_owned(),
                // Every diagnostic has a place (the CLI contract); a problem
                // with the file as a whole is at its start.
                pos: if err.pos.is_known() {
                    err.pos
                } else {
                    Pos::FILE_START
                },
                help: err.help.as_ref().map(|h| words::errors::help(w, h)),
            }
        })
        .collect();
    (w, diagnostics)
}

/// Check a playbook that loaded.
pub fn check_playbook(playbook: &Playbook, file: &str, options: CheckOptions) -> Vec<Diagnostic> {
    let mut ctx = CheckContext::new(playbook, file, options);
    schema::check(&mut ctx);
    references::check(&mut ctx);
    facts::check(&mut ctx);
    rules::check(&mut ctx);
    policy::check(&mut ctx);
    scenarios::check(&mut ctx);
    packs::check(&mut ctx);
    procedures::check(&mut ctx);
    // One engine for the rules' own examples and the scenarios' replies.
    let engine = crate::engine::Engine::new(playbook);
    let tested_by_examples = match &engine {
        Ok(engine) => {
            procedure_examples::check(&mut ctx, engine);
            examples::check(&mut ctx, engine)
        }
        Err(_) => Vec::new(),
    };
    replies::check(&mut ctx, engine.as_ref(), &tested_by_examples);
    review::check(&mut ctx);
    ctx.into_diagnostics()
}
