//! The stable diagnostic codes of `ethos check` (`shared/spec/CLI.md`).

use std::fmt;

use crate::playbook::Severity;
use crate::words::{Locale, Words};

/// A diagnostic code. The kebab-case names are a public contract: CI
/// configurations and suppressions name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    YamlSyntax,
    Schema,
    DuplicateId,
    UnknownStep,
    UnknownRole,
    UnknownAction,
    UnknownValue,
    UnknownBeat,
    InvalidPattern,
    PhraseTooLong,
    EmptyRule,
    RuleContradiction,
    UnboundPlaceholder,
    LadderInversion,
    EscalationShadowsEmpowerment,
    EscalationToFrontLine,
    UnreachableBeat,
    EndlessScenario,
    ModelFails,
    WrongPasses,
    DecisionContradictsPolicy,
    NoBestChoice,
    StepWithoutRules,
    UntestedRule,
    ReviewOverdue,
    ExampleFails,
    ExamplePasses,
    ExampleSkipped,
    UnknownPack,
    UnknownDisabledRule,
    UnknownFact,
    UnreachableGrant,
}

impl Code {
    /// Every code, in the order of the CLI spec's table.
    pub const ALL: &'static [Code] = &[
        Code::YamlSyntax,
        Code::Schema,
        Code::DuplicateId,
        Code::UnknownStep,
        Code::UnknownRole,
        Code::UnknownAction,
        Code::UnknownValue,
        Code::UnknownBeat,
        Code::InvalidPattern,
        Code::PhraseTooLong,
        Code::EmptyRule,
        Code::RuleContradiction,
        Code::UnboundPlaceholder,
        Code::LadderInversion,
        Code::EscalationShadowsEmpowerment,
        Code::EscalationToFrontLine,
        Code::UnreachableBeat,
        Code::EndlessScenario,
        Code::ModelFails,
        Code::WrongPasses,
        Code::DecisionContradictsPolicy,
        Code::NoBestChoice,
        Code::StepWithoutRules,
        Code::UntestedRule,
        Code::ReviewOverdue,
        Code::ExampleFails,
        Code::ExamplePasses,
        Code::ExampleSkipped,
        Code::UnknownPack,
        Code::UnknownDisabledRule,
        Code::UnknownFact,
        Code::UnreachableGrant,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Code::YamlSyntax => "yaml-syntax",
            Code::Schema => "schema",
            Code::DuplicateId => "duplicate-id",
            Code::UnknownStep => "unknown-step",
            Code::UnknownRole => "unknown-role",
            Code::UnknownAction => "unknown-action",
            Code::UnknownValue => "unknown-value",
            Code::UnknownBeat => "unknown-beat",
            Code::InvalidPattern => "invalid-pattern",
            Code::PhraseTooLong => "phrase-too-long",
            Code::EmptyRule => "empty-rule",
            Code::RuleContradiction => "rule-contradiction",
            Code::UnboundPlaceholder => "unbound-placeholder",
            Code::LadderInversion => "ladder-inversion",
            Code::EscalationShadowsEmpowerment => "escalation-shadows-empowerment",
            Code::EscalationToFrontLine => "escalation-to-front-line",
            Code::UnreachableBeat => "unreachable-beat",
            Code::EndlessScenario => "endless-scenario",
            Code::ModelFails => "model-fails",
            Code::WrongPasses => "wrong-passes",
            Code::DecisionContradictsPolicy => "decision-contradicts-policy",
            Code::NoBestChoice => "no-best-choice",
            Code::StepWithoutRules => "step-without-rules",
            Code::UntestedRule => "untested-rule",
            Code::ReviewOverdue => "review-overdue",
            Code::ExampleFails => "example-fails",
            Code::ExamplePasses => "example-passes",
            Code::ExampleSkipped => "example-skipped",
            Code::UnknownPack => "unknown-pack",
            Code::UnknownDisabledRule => "unknown-disabled-rule",
            Code::UnknownFact => "unknown-fact",
            Code::UnreachableGrant => "unreachable-grant",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            Code::LadderInversion
            | Code::EscalationToFrontLine
            | Code::UnreachableBeat
            | Code::StepWithoutRules
            | Code::UntestedRule
            | Code::ReviewOverdue
            | Code::ExampleSkipped
            | Code::UnknownFact
            | Code::UnreachableGrant => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// One line on what the code means, in English (the README's table).
    pub fn description(self) -> String {
        self.description_in(Words::new(Locale::En))
    }

    /// One line on what the code means, in a language (SARIF's rule
    /// descriptions): the message `check-code-NAME`.
    pub fn description_in(self, words: Words) -> String {
        words.check_code_description(self.as_str())
    }

    pub fn from_name(name: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == name)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_described_in_every_language() {
        // The description's message id is built from the code's name, which
        // the catalog tests cannot see: a missing one would read as its id.
        for code in Code::ALL {
            for locale in Locale::ALL {
                let description = code.description_in(Words::new(locale));
                assert!(
                    !description.is_empty() && !description.starts_with("check-code-"),
                    "`{code}` has no description in {}",
                    locale.tag()
                );
            }
        }
    }
}
