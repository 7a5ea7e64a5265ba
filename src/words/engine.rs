//! The words of the engine's errors: a phrase or pattern a playbook has that
//! the engine cannot compile ([`PatternError`]), and a context value it
//! cannot take ([`ContextError`]). Both as `check` words them (the `check-*`
//! messages of `locales/*/check.ftl`), so that `check` and the commands
//! (`validate` and its `--set`, `grade` and its lines' `context`, `drill`,
//! `calibrate`) say the same.

use super::Words;
use super::check::{ContextFault, Kind, Message, RegexFault};
use crate::engine::context::{CONTEXT_KEYS, ContextError};
use crate::engine::matcher::abbreviated;
use crate::engine::{MAX_PHRASE_CHARS, PatternError, Problem};

/// What `err` says, given the phrase as shown (`err.pattern` abbreviated).
pub fn message<'a>(err: &'a PatternError, phrase: &'a str) -> Message<'a> {
    match err.problem {
        Problem::Pattern => Message::PatternDoesNotCompile {
            pattern: &err.pattern,
            rule: &err.rule,
            fault: RegexFault::Other(&err.reason),
        },
        Problem::PhraseTooLong => Message::PhraseTooLong {
            phrase,
            owner: Kind::Rule,
            id: &err.rule,
            chars: err.pattern.chars().count(),
            max: MAX_PHRASE_CHARS,
        },
        Problem::HandoffTooLong => Message::HandoffPhraseTooLong {
            phrase,
            role: &err.rule,
            chars: err.pattern.chars().count(),
            max: MAX_PHRASE_CHARS,
        },
        Problem::Phrases => Message::PhrasesDoNotCompile {
            reason: &err.reason,
        },
    }
}

/// `err` in words: which phrase or pattern of which rule, and why.
pub fn pattern_error(w: Words, err: &PatternError) -> String {
    w.check_message(&message(err, &abbreviated(&err.pattern)))
}

/// Why a context value cannot be given: the key and what it takes.
pub fn context_error(w: Words, err: &ContextError) -> String {
    let number;
    let fault = match err {
        ContextError::NotContacts { given } => {
            number = given.to_string();
            ContextFault::NotContacts { value: &number }
        }
        ContextError::NotWholeNumber { given } => ContextFault::NotWholeNumber { value: given },
        ContextError::NotDuration { given } => ContextFault::NotDuration { value: given },
        ContextError::UnknownKey { key, closest } => ContextFault::UnknownKey {
            key,
            suggestion: *closest,
            keys: CONTEXT_KEYS,
        },
    };
    w.context_fault(fault)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::playbook::{Pos, Scalar};
    use crate::words::Locale;

    fn error(problem: Problem, pattern: &str, reason: &str) -> PatternError {
        PatternError {
            rule: "polite".to_owned(),
            pattern: pattern.to_owned(),
            problem,
            reason: reason.to_owned(),
            pos: Pos::FILE_START,
        }
    }

    #[test]
    fn a_pattern_error_names_the_pattern_its_rule_and_the_regex_crate_s_reason() {
        let err = error(Problem::Pattern, "(calm down", "unclosed group");
        assert_eq!(
            pattern_error(Words::new(Locale::En), &err),
            "pattern `(calm down` of rule `polite` does not compile: unclosed group"
        );
    }

    #[test]
    fn a_context_error_says_what_the_key_takes() {
        let en = Words::new(Locale::En);
        let mut context = crate::engine::Context::default();
        let why = |context: &mut crate::engine::Context, key, value| {
            context_error(en, &context.set(key, value).unwrap_err())
        };
        assert_eq!(
            why(&mut context, "contacts", Scalar::Int(-1)),
            "`-1` is not a number of contacts"
        );
        assert_eq!(
            why(&mut context, "contacts", Scalar::Text("three".into())),
            "`three` is not a whole number"
        );
        assert!(
            why(&mut context, "waiting", Scalar::Text("soon".into()))
                .starts_with("`soon` is not a duration: write a number and a unit")
        );
        assert_eq!(
            why(&mut context, "customer.nam", Scalar::Text("Dana".into())),
            format!(
                "there is no context key `customer.nam`; did you mean `customer.name`? the keys are {CONTEXT_KEYS}"
            )
        );
    }

    #[test]
    fn a_phrase_over_the_limit_is_abbreviated_and_counted_in_each_language() {
        let err = error(Problem::PhraseTooLong, &"x".repeat(1001), "");
        let en = pattern_error(Words::new(Locale::En), &err);
        assert!(en.starts_with("phrase “xxxxxxxx"), "{en}");
        assert!(en.contains("…” of rule `polite`"), "{en}");
        assert!(en.contains("characters long; a phrase is at most"), "{en}");
        for locale in [Locale::Zh, Locale::De] {
            let text = pattern_error(Words::new(locale), &err);
            assert!(!text.contains("characters long"), "{locale:?}: {text}");
            assert!(text.contains("`polite`"), "{locale:?}: {text}");
        }
    }
}
