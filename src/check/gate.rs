//! The gate of every command that needs a good playbook (`drill`, `render`,
//! `show`, `validate`, `grade`, `calibrate`): one that does not load, or
//! that `check` finds errors in, is refused with those errors.
//!
//! A playbook `check` rejects would otherwise drill a scenario with no
//! ending or print a policy whose rules contradict each other. Warnings do
//! not refuse: they are advice (an overdue review, an untested rule).

use super::{CheckOptions, Diagnostic, check_file, check_playbook, diagnostic};
use crate::playbook::{Playbook, Severity, Source, load};
use crate::words::Words;

/// Why a playbook cannot be used: its errors, sorted, as `check` words them,
/// and the words they are in.
#[derive(Debug)]
pub struct Refused {
    pub errors: Vec<Diagnostic>,
    pub words: Words,
}

/// The playbook of `source` if it loads and `check` finds no error in it.
///
/// # Errors
/// [`Refused`], with every error `check` reports.
pub fn usable(source: &Source, options: CheckOptions) -> Result<Playbook, Refused> {
    let (playbook, diagnostics, words) = if let Ok(playbook) = load::parse(&source.text) {
        let diagnostics = check_playbook(&playbook, &source.name, options);
        let words = Words::of(&playbook);
        (Some(playbook), diagnostics, words)
    } else {
        // Worded as `check` words it, so both commands say the same thing.
        let checked = check_file(source, options);
        (None, checked.diagnostics, checked.words)
    };
    let mut errors: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    match playbook {
        Some(playbook) if errors.is_empty() => Ok(playbook),
        _ => {
            diagnostic::sort(&mut errors);
            Err(Refused { errors, words })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::playbook::Date;

    fn options() -> CheckOptions {
        CheckOptions {
            today: "2026-01-01".parse::<Date>().unwrap(),
        }
    }

    #[test]
    fn a_bundled_playbook_is_usable_and_a_broken_one_refused_with_its_errors() {
        let good = Source::bundled("hotel-a").unwrap();
        assert!(usable(&good, options()).is_ok());
        let broken = Source {
            name: "broken.yaml".to_owned(),
            text: good.text.replacen("at: [welcome]", "at: [welcom]", 1),
        };
        assert_ne!(broken.text, good.text, "the fixture changed");
        let refused = usable(&broken, options()).unwrap_err();
        assert!(!refused.errors.is_empty());
        assert!(
            refused
                .errors
                .iter()
                .all(|d| d.severity == Severity::Error && d.file == "broken.yaml")
        );
    }

    #[test]
    fn a_playbook_that_does_not_load_is_refused_in_english() {
        let source = Source {
            name: "bad.yaml".to_owned(),
            text: "playbook: [".to_owned(),
        };
        let refused = usable(&source, options()).unwrap_err();
        assert_eq!(refused.errors[0].code.as_str(), "yaml-syntax");
    }
}
