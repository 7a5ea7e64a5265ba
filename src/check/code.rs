//! The stable diagnostic codes of `ethos check` (`shared/spec/CLI.md`).

use std::fmt;

use crate::playbook::Severity;

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
    EmptyRule,
    LadderInversion,
    EscalationShadowsEmpowerment,
    EscalationToFrontLine,
    UnreachableBeat,
    EndlessScenario,
    NoBestChoice,
    StepWithoutRules,
    ReviewOverdue,
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
        Code::EmptyRule,
        Code::LadderInversion,
        Code::EscalationShadowsEmpowerment,
        Code::EscalationToFrontLine,
        Code::UnreachableBeat,
        Code::EndlessScenario,
        Code::NoBestChoice,
        Code::StepWithoutRules,
        Code::ReviewOverdue,
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
            Code::EmptyRule => "empty-rule",
            Code::LadderInversion => "ladder-inversion",
            Code::EscalationShadowsEmpowerment => "escalation-shadows-empowerment",
            Code::EscalationToFrontLine => "escalation-to-front-line",
            Code::UnreachableBeat => "unreachable-beat",
            Code::EndlessScenario => "endless-scenario",
            Code::NoBestChoice => "no-best-choice",
            Code::StepWithoutRules => "step-without-rules",
            Code::ReviewOverdue => "review-overdue",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            Code::LadderInversion
            | Code::EscalationToFrontLine
            | Code::UnreachableBeat
            | Code::StepWithoutRules
            | Code::ReviewOverdue => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// One line on what the code means (SARIF rule descriptions, README table).
    pub fn description(self) -> &'static str {
        match self {
            Code::YamlSyntax => "the file is not valid YAML",
            Code::Schema => {
                "unknown field, wrong type, missing required field, bad id, bad duration or date"
            }
            Code::DuplicateId => {
                "two steps / rules / roles / actions / values / scenarios / beats (within a scenario) share an id"
            }
            Code::UnknownStep => "a rule's `at` or a beat's `step` names no step",
            Code::UnknownRole => {
                "an escalation `to`, a scenario `role` or a choice's `escalate` names no role"
            }
            Code::UnknownAction => {
                "a `may`, a condition's `action` or a choice's `action` names no action"
            }
            Code::UnknownValue => "a step's `values` names no value",
            Code::UnknownBeat => "a `next` names no beat",
            Code::InvalidPattern => "a pattern does not compile (message says why)",
            Code::EmptyRule => {
                "a rule with nothing to check (no phrases/patterns, no bounds, no swap)"
            }
            Code::LadderInversion => {
                "a more senior role may grant less of an action than a junior one"
            }
            Code::EscalationShadowsEmpowerment => {
                "an escalation rule on action and amount alone sends up amounts that a role below its target may grant"
            }
            Code::EscalationToFrontLine => "an escalation rule's target is the first role",
            Code::UnreachableBeat => "no path from the first beat reaches it",
            Code::EndlessScenario => "from some beat no path ends",
            Code::NoBestChoice => "a decision without exactly one `best` choice",
            Code::StepWithoutRules => "no rule applies at this step",
            Code::ReviewOverdue => "`review_by` has passed",
        }
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
