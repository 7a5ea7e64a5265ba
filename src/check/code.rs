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
            | Code::ExampleSkipped => Severity::Warning,
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
            Code::PhraseTooLong => "a phrase is longer than 1,000 characters",
            Code::EmptyRule => {
                "a rule with nothing to check (no phrases/patterns, no bounds, no swap)"
            }
            Code::RuleContradiction => {
                "a `mention` rule and an `avoid` rule share a phrase and apply at a common step in a common context"
            }
            Code::UnboundPlaceholder => {
                "a placeholder that no scenario or context can fill (unknown key)"
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
            Code::ModelFails => "a beat's `model` reply fails its own step's rules (lists which)",
            Code::WrongPasses => "a beat's `wrong` reply passes every rule",
            Code::DecisionContradictsPolicy => {
                "a decision's `best` choice is not what the policy decides (lists what it decides)"
            }
            Code::NoBestChoice => "a decision without exactly one `best` choice",
            Code::StepWithoutRules => "no rule applies at this step",
            Code::UntestedRule => {
                "no `wrong` reply of any scenario fails this rule, so nothing shows that it catches what it is meant to catch"
            }
            Code::ReviewOverdue => "`review_by` has passed",
            Code::ExampleFails => "a rule's `pass` example fails that rule",
            Code::ExamplePasses => "a rule's `fail` example passes that rule",
            Code::ExampleSkipped => {
                "a rule's example could not be judged: the rule is skipped in its `examples_context` (a placeholder with no value, a `when` that does not hold)"
            }
            Code::UnknownPack => "`uses` names no bundled rule pack",
            Code::UnknownDisabledRule => "`disable` names no rule of the packs the playbook uses",
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
