//! The words of `ethos check`: what each diagnostic says and its help line,
//! and the report's summary, in the checked playbook's language.
//!
//! The checks say *what* they found as data: a [`Message`] and a [`Help`],
//! each naming the ids, values and counts involved. (They are defined here,
//! not in `check`, because the module graph runs check → words: the wording
//! layer cannot name the checks' own types.) Ids and YAML to copy stay in
//! backticks in every language; they are the author's, not ours.

use fluent_bundle::FluentValue;

use super::{Arg, Words};
use crate::playbook::{
    AmountBounds, CheckKind, Condition, Date, FactType, Limit, Scalar, Severity, format_amount,
};

/// What kind of thing an id names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Value,
    Role,
    Action,
    Step,
    Rule,
    EscalationRule,
    Scenario,
    Beat,
    /// A declared fact (`facts:`).
    Fact,
    /// A procedure (`procedures:`).
    Procedure,
}

impl Kind {
    /// The selector the messages choose their words by.
    pub(super) fn key(self) -> &'static str {
        match self {
            Kind::Value => "value",
            Kind::Role => "role",
            Kind::Action => "action",
            Kind::Step => "step",
            Kind::Rule => "rule",
            Kind::EscalationRule => "escalation-rule",
            Kind::Scenario => "scenario",
            Kind::Beat => "beat",
            Kind::Fact => "fact",
            Kind::Procedure => "procedure",
        }
    }
}

/// Why a pattern does not compile: the regex parser's error kinds that
/// authors meet, and the parser's own words for the rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RegexFault<'a> {
    GroupUnclosed,
    GroupUnopened,
    ClassUnclosed,
    ClassRangeInvalid,
    RepetitionMissing,
    RepetitionCountUnclosed,
    RepetitionCountInvalid,
    EscapeUnrecognized,
    EscapeUnexpectedEnd,
    LookAround,
    Backreference,
    UnicodeClassInvalid,
    /// Any other error, in the regex library's words (English).
    Other(&'a str),
}

/// Why a key of a rule's `examples_context` cannot be set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContextFault<'a> {
    UnknownKey {
        key: &'a str,
        suggestion: Option<&'a str>,
        /// Every key there is, as code: `customer.name, contacts, …`.
        keys: &'a str,
    },
    /// `contacts` is a whole number out of range.
    NotContacts { value: &'a str },
    /// `contacts` is not a whole number.
    NotWholeNumber { value: &'a str },
    /// `waiting` is not a duration.
    NotDuration { value: &'a str },
}

/// Why a rule's example is skipped where the rule is judged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// An `echo` rule with no key facts in the context.
    EchoWithoutFacts,
    /// Its `when` does not hold, or a placeholder has no value.
    WhenOrPlaceholder,
    /// A placeholder has no value.
    Placeholder,
}

/// Where a condition, placeholder or grant names a fact (`unknown-fact`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactPlace {
    /// A `facts.KEY` entry of a condition (`when`), nested ones too.
    Condition,
    /// A `{facts.KEY}` placeholder of a rule's phrases, patterns or swap.
    Placeholder,
    /// A grant's `per: facts.KEY`.
    Per,
    /// A `facts.KEY` entry of a grant's `when`.
    GrantCondition,
}

impl FactPlace {
    fn key(self) -> &'static str {
        match self {
            FactPlace::Condition => "condition",
            FactPlace::Placeholder => "placeholder",
            FactPlace::Per => "per",
            FactPlace::GrantCondition => "grant",
        }
    }
}

/// What a diagnostic says: one variant per sentence, with its data.
#[derive(Clone, Copy, Debug)]
pub enum Message<'a> {
    DuplicateId {
        kind: Kind,
        id: &'a str,
    },
    UnknownValueOfStep {
        step: &'a str,
        value: &'a str,
    },
    UnknownActionOfRole {
        role: &'a str,
        action: &'a str,
    },
    UnknownStepOfRule {
        rule: &'a str,
        step: &'a str,
    },
    UnknownRoleOfEscalation {
        escalation: &'a str,
        role: &'a str,
    },
    UnknownActionOfEscalation {
        escalation: &'a str,
        action: &'a str,
    },
    /// `escalated: ROLE` in the condition of a rule or escalation rule.
    UnknownRoleOfCondition {
        owner: &'a str,
        role: &'a str,
    },
    UnknownRoleOfScenario {
        scenario: &'a str,
        role: &'a str,
    },
    UnknownStepOfBeat {
        beat: &'a str,
        step: &'a str,
    },
    UnknownNextBeat {
        beat: &'a str,
        target: &'a str,
        scenario: &'a str,
    },
    UnknownRoleOfChoice {
        beat: &'a str,
        role: &'a str,
    },
    UnknownActionOfChoice {
        beat: &'a str,
        action: &'a str,
    },
    StepWithoutRules {
        step: &'a str,
    },
    PatternDoesNotCompile {
        pattern: &'a str,
        rule: &'a str,
        fault: RegexFault<'a>,
    },
    /// A phrase of a rule (`owner` [`Kind::Rule`]) or of an escalation
    /// rule's `customer_says` over the limit; `phrase` is its start.
    PhraseTooLong {
        phrase: &'a str,
        owner: Kind,
        id: &'a str,
        chars: usize,
        max: usize,
    },
    HandoffPhraseTooLong {
        phrase: &'a str,
        role: &'a str,
        chars: usize,
        max: usize,
    },
    /// The phrases together do not build (the library's words).
    PhrasesDoNotCompile {
        reason: &'a str,
    },
    EmptyRule {
        rule: &'a str,
    },
    /// A procedure's `pass` example that it fails: each unmet part's reason
    /// code and the message it is at.
    ProcedureExampleFails {
        procedure: &'a str,
        unmet: &'a [(&'a str, usize)],
    },
    ProcedureExamplePasses {
        procedure: &'a str,
    },
    /// An example in which the procedure is not judged at all.
    ProcedureExampleSkipped {
        procedure: &'a str,
    },
    /// An example that does not read as a conversation (the reader's words).
    ProcedureExampleUnreadable {
        procedure: &'a str,
        why: &'a str,
    },
    /// A procedure with nothing to judge.
    EmptyProcedure {
        procedure: &'a str,
    },
    /// A procedure's `calls` entry that is no action and no action's tool,
    /// but close to an action's id.
    UnknownActionOfProcedure {
        procedure: &'a str,
        action: &'a str,
    },
    LadderBelowJunior {
        senior: &'a str,
        action: &'a str,
        limit: f64,
        junior: &'a str,
        junior_limit: Limit,
    },
    LadderMayNotGrant {
        senior: &'a str,
        action: &'a str,
        junior: &'a str,
        junior_limit: Limit,
    },
    EscalationToFrontLine {
        escalation: &'a str,
        role: &'a str,
    },
    EscalationShadows {
        escalation: &'a str,
        action: &'a str,
        bounds: &'a AmountBounds,
        unit: Option<&'a str>,
        to: &'a str,
        role: &'a str,
        limit: Limit,
    },
    NoBestChoice {
        beat: &'a str,
    },
    SeveralBestChoices {
        beat: &'a str,
        count: usize,
    },
    UnreachableBeat {
        first: &'a str,
        scenario: &'a str,
        beat: &'a str,
    },
    /// `stuck`: every beat from which no path ends, `beat` the first of them.
    EndlessScenario {
        scenario: &'a str,
        beat: &'a str,
        stuck: &'a [&'a str],
    },
    PlaybookIdNotKebab {
        id: &'a str,
    },
    NotALanguageTag {
        tag: &'a str,
    },
    PassMarkNotPercentage {
        mark: f64,
    },
    NoRoles,
    NoSteps,
    InvalidId {
        id: &'a str,
    },
    FieldNotForKind {
        field: &'a str,
        check: CheckKind,
        rule: &'a str,
    },
    MinOverMax {
        rule: &'a str,
        min: u32,
        max: u32,
    },
    WeightNotPositive {
        weight: f64,
    },
    EmptyPhrase {
        rule: &'a str,
    },
    EmptySwap {
        rule: &'a str,
    },
    StaffConditionOnTextRule {
        key: &'a str,
        rule: &'a str,
    },
    NoBeats {
        scenario: &'a str,
    },
    ReplyAndDecision {
        beat: &'a str,
    },
    ActsAndEscalates {
        say: &'a str,
    },
    NotOneAction {
        count: usize,
    },
    ExamplesContext {
        rule: &'a str,
        fault: ContextFault<'a>,
    },
    /// A `pass` example fails its rule by saying these words.
    ExampleFailsSaying {
        rule: &'a str,
        said: &'a [&'a str],
    },
    /// A `pass` example fails its rule; `reason` is what the rule says or
    /// what was counted.
    ExampleFailsBecause {
        rule: &'a str,
        reason: &'a str,
    },
    ExamplePasses {
        rule: &'a str,
    },
    ExampleSkipped {
        rule: &'a str,
        step: &'a str,
        why: SkipReason,
    },
    UnknownPack {
        pack: &'a str,
    },
    /// A bundled pack that does not load (the loader's words).
    PackDoesNotLoad {
        pack: &'a str,
        error: &'a str,
    },
    UnknownDisabledRule {
        id: &'a str,
    },
    /// `failing`: each failing rule and what it says.
    ModelFails {
        beat: &'a str,
        scenario: &'a str,
        failing: &'a [(&'a str, &'a str)],
    },
    WrongPasses {
        beat: &'a str,
        scenario: &'a str,
        step: &'a str,
    },
    /// `problems`: each policy finding, what it says and its code.
    DecisionContradictsPolicy {
        beat: &'a str,
        say: &'a str,
        problems: &'a [(&'a str, &'a str)],
    },
    UntestedRule {
        rule: &'a str,
    },
    UnboundPlaceholder {
        rule: &'a str,
        key: &'a str,
    },
    /// A fact named where `place` says, by `owner` (a rule, an escalation
    /// rule, a role), that `facts:` does not declare and no scenario sets.
    UnknownFact {
        owner: &'a str,
        fact: &'a str,
        place: FactPlace,
    },
    /// A scenario's fact of another type than its declaration's.
    ScenarioFactWrongType {
        scenario: &'a str,
        fact: &'a str,
        value: &'a Scalar,
        kind: FactType,
    },
    /// A scenario's fact that is none of its declaration's `values`.
    ScenarioFactNotAValue {
        scenario: &'a str,
        fact: &'a str,
        value: &'a Scalar,
        values: &'a [&'a Scalar],
    },
    /// A condition comparing a declared fact with a value of another type.
    ConditionFactWrongType {
        owner: &'a str,
        fact: &'a str,
        value: &'a Scalar,
        kind: FactType,
    },
    /// A condition comparing a declared fact with none of its `values`.
    ConditionFactNotAValue {
        owner: &'a str,
        fact: &'a str,
        value: &'a Scalar,
        values: &'a [&'a Scalar],
    },
    /// Bounds on a declared fact that is not a number.
    ConditionFactBounds {
        owner: &'a str,
        fact: &'a str,
        kind: FactType,
    },
    /// `values` on a `type: bool` fact.
    FactValuesOnBool {
        fact: &'a str,
    },
    /// `values: []`.
    FactValuesEmpty {
        fact: &'a str,
    },
    /// An entry of a fact's `values` of another type than the fact's.
    FactValueWrongType {
        fact: &'a str,
        value: &'a Scalar,
        kind: FactType,
    },
    RuleContradiction {
        avoid: &'a str,
        phrase: &'a str,
        mention: &'a str,
        step: &'a str,
    },
    ReviewOverdue {
        date: Date,
        days: i64,
    },
    /// A senior role's grant (its 1-based `index`) of a conditional case
    /// gives less than a junior role's grant of the same case.
    LadderGrantBelowJunior {
        senior: &'a str,
        action: &'a str,
        index: usize,
        when: Option<&'a Condition>,
        per: Option<&'a str>,
        limit: f64,
        junior: &'a str,
        junior_limit: Limit,
    },
    /// Grant `index` of a role's list is covered by grant `earlier` (whose
    /// case `when` and `per` are).
    UnreachableGrant {
        role: &'a str,
        action: &'a str,
        index: usize,
        earlier: usize,
        when: Option<&'a Condition>,
        per: Option<&'a str>,
    },
}

/// What to do about it.
#[derive(Clone, Copy, Debug)]
pub enum Help<'a> {
    FirstIsAt {
        kind: Kind,
        line: u32,
    },
    DidYouMean {
        id: &'a str,
    },
    /// No id of this kind is defined at all.
    NoneDefined {
        kind: Kind,
    },
    /// The ids there are, to pick from.
    KindsAre {
        kind: Kind,
        ids: &'a [&'a str],
    },
    AddRuleAtStep {
        step: &'a str,
    },
    PatternSyntax,
    SimplifyPattern,
    ShortenPhrase,
    ShortenPhrases,
    FillRule {
        check: CheckKind,
    },
    FillProcedure,
    ChangeProcedureOrMoveToPass,
    CallWhatTheProcedureNames,
    GiveAtLeast {
        role: &'a str,
        limit: Limit,
    },
    AddToMay {
        role: &'a str,
        action: &'a str,
        limit: Limit,
    },
    SendHigher,
    SendUpOnlyOver {
        role: &'a str,
        limit: f64,
        action: &'a str,
    },
    CanNeverApply {
        role: &'a str,
        action: &'a str,
    },
    MarkBest,
    KeepOneBest,
    NameInNext {
        beat: &'a str,
    },
    GiveAnEnding,
    KebabCase,
    LanguageTag,
    NumberTo100,
    ListTheLadder,
    IdShape,
    FieldsOf {
        check: CheckKind,
    },
    PositiveWeight,
    RemoveEmptyPhrase,
    ConditionsInEscalation,
    FirstBeatStarts,
    SplitBeat,
    ActOrEscalate,
    ActionShape,
    ChangeRuleOrMoveToFail,
    AddPhraseOrMoveToPass,
    GiveExamplesContext,
    BundledPacksAre {
        packs: &'a [&'a str],
    },
    AddToUses {
        pack: &'a str,
    },
    DisableTakesFullId,
    ModelShowsGood,
    CatchIt,
    /// `decision`: what the policy decides, a sentence.
    PolicyDecides {
        decision: &'a str,
    },
    /// `steps`: the steps where the rule applies (none: every step).
    AddWrongReply {
        steps: &'a [&'a str],
    },
    DidYouMeanPlaceholder {
        key: &'a str,
    },
    PlaceholdersAre,
    /// A fact no scenario sets and `facts:` does not declare, with no
    /// likely typo: declare it, or set it.
    DeclareFact {
        fact: &'a str,
        /// The type its use suggests.
        kind: FactType,
    },
    /// What a value of this type looks like (`value`: the one given).
    FactTypeWants {
        kind: FactType,
        value: &'a Scalar,
    },
    /// A value that is none of a fact's `values`, not close to any.
    AddToFactValues {
        fact: &'a str,
    },
    RemoveFactValues,
    ListFactValues,
    /// Bounds on a fact that is not a number.
    BoundsNeedNumber {
        fact: &'a str,
    },
    CannotSayAndAvoid,
    ReviewWithTeam,
    /// Move a grant before grant `earlier` of the role's list.
    MoveGrantBefore {
        role: &'a str,
        action: &'a str,
        earlier: usize,
    },
}

/// An id as code.
fn ticked(id: &str) -> String {
    format!("`{id}`")
}

impl Words {
    /// The sentence a diagnostic says.
    #[allow(clippy::too_many_lines)] // one arm per sentence, read as a table
    pub fn check_message(self, message: &Message<'_>) -> String {
        use Message as M;
        let s = |v: &str| FluentValue::from(v.to_owned());
        let n = |v: usize| FluentValue::from(v);
        match *message {
            M::DuplicateId { kind, id } => self.fmt(
                "check-duplicate-id",
                &[("kind", kind.key().into()), ("id", s(id))],
            ),
            M::UnknownValueOfStep { step, value } => self.fmt(
                "check-unknown-value-of-step",
                &[("step", s(step)), ("value", s(value))],
            ),
            M::UnknownActionOfRole { role, action } => self.fmt(
                "check-unknown-action-of-role",
                &[("role", s(role)), ("action", s(action))],
            ),
            M::UnknownStepOfRule { rule, step } => self.fmt(
                "check-unknown-step-of-rule",
                &[("rule", s(rule)), ("step", s(step))],
            ),
            M::UnknownRoleOfEscalation { escalation, role } => self.fmt(
                "check-unknown-role-of-escalation",
                &[("escalation", s(escalation)), ("role", s(role))],
            ),
            M::UnknownActionOfEscalation { escalation, action } => self.fmt(
                "check-unknown-action-of-escalation",
                &[("escalation", s(escalation)), ("action", s(action))],
            ),
            M::UnknownRoleOfCondition { owner, role } => self.fmt(
                "check-unknown-role-of-condition",
                &[("owner", s(owner)), ("role", s(role))],
            ),
            M::UnknownRoleOfScenario { scenario, role } => self.fmt(
                "check-unknown-role-of-scenario",
                &[("scenario", s(scenario)), ("role", s(role))],
            ),
            M::UnknownStepOfBeat { beat, step } => self.fmt(
                "check-unknown-step-of-beat",
                &[("beat", s(beat)), ("step", s(step))],
            ),
            M::UnknownNextBeat {
                beat,
                target,
                scenario,
            } => self.fmt(
                "check-unknown-next-beat",
                &[
                    ("beat", s(beat)),
                    ("target", s(target)),
                    ("scenario", s(scenario)),
                ],
            ),
            M::UnknownRoleOfChoice { beat, role } => self.fmt(
                "check-unknown-role-of-choice",
                &[("beat", s(beat)), ("role", s(role))],
            ),
            M::UnknownActionOfChoice { beat, action } => self.fmt(
                "check-unknown-action-of-choice",
                &[("beat", s(beat)), ("action", s(action))],
            ),
            M::StepWithoutRules { step } => {
                self.fmt("check-step-without-rules", &[("step", s(step))])
            }
            M::PatternDoesNotCompile {
                pattern,
                rule,
                fault,
            } => self.fmt(
                "check-pattern-does-not-compile",
                &[
                    ("pattern", s(pattern)),
                    ("rule", s(rule)),
                    ("reason", self.regex_fault(fault).into()),
                ],
            ),
            M::PhraseTooLong {
                phrase,
                owner,
                id,
                chars,
                max,
            } => self.fmt(
                "check-phrase-too-long",
                &[
                    ("phrase", s(phrase)),
                    ("owner", owner.key().into()),
                    ("id", s(id)),
                    ("chars", n(chars)),
                    ("max", n(max)),
                ],
            ),
            M::HandoffPhraseTooLong {
                phrase,
                role,
                chars,
                max,
            } => self.fmt(
                "check-handoff-phrase-too-long",
                &[
                    ("phrase", s(phrase)),
                    ("role", s(role)),
                    ("chars", n(chars)),
                    ("max", n(max)),
                ],
            ),
            M::PhrasesDoNotCompile { reason } => {
                self.fmt("check-phrases-do-not-compile", &[("reason", s(reason))])
            }
            M::EmptyRule { rule } => self.fmt("check-empty-rule", &[("rule", s(rule))]),
            M::ProcedureExampleFails { procedure, unmet } => {
                let unmet: Vec<String> = unmet
                    .iter()
                    .map(|(reason, at)| {
                        self.fmt(
                            "check-procedure-unmet",
                            &[("reason", s(reason)), ("at", (*at).into())],
                        )
                    })
                    .collect();
                self.fmt(
                    "check-procedure-example-fails",
                    &[
                        ("procedure", s(procedure)),
                        ("unmet", self.listed(unmet).into()),
                    ],
                )
            }
            M::ProcedureExamplePasses { procedure } => self.fmt(
                "check-procedure-example-passes",
                &[("procedure", s(procedure))],
            ),
            M::ProcedureExampleSkipped { procedure } => self.fmt(
                "check-procedure-example-skipped",
                &[("procedure", s(procedure))],
            ),
            M::ProcedureExampleUnreadable { procedure, why } => self.fmt(
                "check-procedure-example-unreadable",
                &[("procedure", s(procedure)), ("why", s(why))],
            ),
            M::EmptyProcedure { procedure } => {
                self.fmt("check-empty-procedure", &[("procedure", s(procedure))])
            }
            M::UnknownActionOfProcedure { procedure, action } => self.fmt(
                "check-unknown-action-of-procedure",
                &[("procedure", s(procedure)), ("action", s(action))],
            ),
            M::LadderBelowJunior {
                senior,
                action,
                limit,
                junior,
                junior_limit,
            } => self.fmt(
                "check-ladder-below-junior",
                &[
                    ("senior", s(senior)),
                    ("action", s(action)),
                    ("limit", self.number(limit).into()),
                    ("junior", s(junior)),
                    ("junior_limit", self.limit(junior_limit, None).into()),
                ],
            ),
            M::LadderMayNotGrant {
                senior,
                action,
                junior,
                junior_limit,
            } => self.fmt(
                "check-ladder-may-not-grant",
                &[
                    ("senior", s(senior)),
                    ("action", s(action)),
                    ("junior", s(junior)),
                    ("junior_limit", self.limit(junior_limit, None).into()),
                ],
            ),
            M::EscalationToFrontLine { escalation, role } => self.fmt(
                "check-escalation-to-front-line",
                &[("escalation", s(escalation)), ("role", s(role))],
            ),
            M::EscalationShadows {
                escalation,
                action,
                bounds,
                unit,
                to,
                role,
                limit,
            } => {
                let mut args: Vec<Arg> = vec![
                    ("escalation", s(escalation)),
                    ("action", s(action)),
                    ("bounds", self.bounds(bounds, unit).into()),
                    ("to", s(to)),
                    ("role", s(role)),
                ];
                match limit {
                    Limit::Amount(a) => {
                        args.push(("limit", self.amount(a, unit).into()));
                        self.fmt("check-escalation-shadows", &args)
                    }
                    Limit::Unlimited => self.fmt("check-escalation-shadows-unlimited", &args),
                }
            }
            M::NoBestChoice { beat } => self.fmt("check-no-best-choice", &[("beat", s(beat))]),
            M::SeveralBestChoices { beat, count } => self.fmt(
                "check-several-best-choices",
                &[("beat", s(beat)), ("count", n(count))],
            ),
            M::UnreachableBeat {
                first,
                scenario,
                beat,
            } => self.fmt(
                "check-unreachable-beat",
                &[
                    ("first", s(first)),
                    ("scenario", s(scenario)),
                    ("beat", s(beat)),
                ],
            ),
            M::EndlessScenario {
                scenario,
                beat,
                stuck,
            } => self.fmt(
                "check-endless-scenario",
                &[
                    ("scenario", s(scenario)),
                    ("beat", s(beat)),
                    ("count", n(stuck.len())),
                    ("beats", self.listed(stuck.iter().map(|b| ticked(b))).into()),
                ],
            ),
            M::PlaybookIdNotKebab { id } => {
                self.fmt("check-playbook-id-not-kebab", &[("id", s(id))])
            }
            M::NotALanguageTag { tag } => self.fmt("check-not-a-language-tag", &[("tag", s(tag))]),
            M::PassMarkNotPercentage { mark } => self.fmt(
                "check-pass-mark-not-percentage",
                &[("mark", self.number(mark).into())],
            ),
            M::NoRoles => self.text("check-no-roles"),
            M::NoSteps => self.text("check-no-steps"),
            M::InvalidId { id } => self.fmt("check-invalid-id", &[("id", s(id))]),
            M::FieldNotForKind { field, check, rule } => self.fmt(
                "check-field-not-for-kind",
                &[
                    ("field", s(field)),
                    ("check", check.as_str().into()),
                    ("rule", s(rule)),
                ],
            ),
            M::MinOverMax { rule, min, max } => self.fmt(
                "check-min-over-max",
                &[
                    ("rule", s(rule)),
                    ("min", FluentValue::from(min)),
                    ("max", FluentValue::from(max)),
                ],
            ),
            M::WeightNotPositive { weight } => self.fmt(
                "check-weight-not-positive",
                &[("weight", self.number(weight).into())],
            ),
            M::EmptyPhrase { rule } => self.fmt("check-empty-phrase", &[("rule", s(rule))]),
            M::EmptySwap { rule } => self.fmt("check-empty-swap", &[("rule", s(rule))]),
            M::StaffConditionOnTextRule { key, rule } => self.fmt(
                "check-staff-condition-on-text-rule",
                &[("key", s(key)), ("rule", s(rule))],
            ),
            M::NoBeats { scenario } => self.fmt("check-no-beats", &[("scenario", s(scenario))]),
            M::ReplyAndDecision { beat } => {
                self.fmt("check-reply-and-decision", &[("beat", s(beat))])
            }
            M::ActsAndEscalates { say } => self.fmt("check-acts-and-escalates", &[("say", s(say))]),
            M::NotOneAction { count } => self.fmt("check-not-one-action", &[("count", n(count))]),
            M::ExamplesContext { rule, fault } => self.fmt(
                "check-examples-context",
                &[("rule", s(rule)), ("why", self.context_fault(fault).into())],
            ),
            M::ExampleFailsSaying { rule, said } => self.fmt(
                "check-example-fails-saying",
                &[
                    ("rule", s(rule)),
                    (
                        "said",
                        self.listed(said.iter().map(|w| self.quote(w))).into(),
                    ),
                ],
            ),
            M::ExampleFailsBecause { rule, reason } => self.fmt(
                "check-example-fails-because",
                &[("rule", s(rule)), ("reason", s(reason))],
            ),
            M::ExamplePasses { rule } => self.fmt("check-example-passes", &[("rule", s(rule))]),
            M::ExampleSkipped { rule, step, why } => {
                let why = match why {
                    SkipReason::EchoWithoutFacts => "echo",
                    SkipReason::WhenOrPlaceholder => "when",
                    SkipReason::Placeholder => "placeholder",
                };
                self.fmt(
                    "check-example-skipped",
                    &[("rule", s(rule)), ("step", s(step)), ("why", why.into())],
                )
            }
            M::UnknownPack { pack } => self.fmt("check-unknown-pack", &[("pack", s(pack))]),
            M::PackDoesNotLoad { pack, error } => self.fmt(
                "check-pack-does-not-load",
                &[("pack", s(pack)), ("error", s(error))],
            ),
            M::UnknownDisabledRule { id } => {
                self.fmt("check-unknown-disabled-rule", &[("id", s(id))])
            }
            M::ModelFails {
                beat,
                scenario,
                failing,
            } => {
                let rules = failing.iter().map(|(rule, says)| {
                    self.fmt("check-rule-saying", &[("rule", s(rule)), ("says", s(says))])
                });
                self.fmt(
                    "check-model-fails",
                    &[
                        ("beat", s(beat)),
                        ("scenario", s(scenario)),
                        ("count", n(failing.len())),
                        ("rules", self.listed(rules).into()),
                    ],
                )
            }
            M::WrongPasses {
                beat,
                scenario,
                step,
            } => self.fmt(
                "check-wrong-passes",
                &[
                    ("beat", s(beat)),
                    ("scenario", s(scenario)),
                    ("step", s(step)),
                ],
            ),
            M::DecisionContradictsPolicy {
                beat,
                say,
                problems,
            } => {
                let problems: Vec<String> = problems
                    .iter()
                    .map(|(says, code)| {
                        self.fmt(
                            "check-policy-problem",
                            &[("says", s(says)), ("code", s(code))],
                        )
                    })
                    .collect();
                self.fmt(
                    "check-decision-contradicts-policy",
                    &[
                        ("beat", s(beat)),
                        ("say", s(say)),
                        (
                            "problems",
                            problems.join(&self.text("check-clause-separator")).into(),
                        ),
                    ],
                )
            }
            M::UntestedRule { rule } => self.fmt("check-untested-rule", &[("rule", s(rule))]),
            M::UnboundPlaceholder { rule, key } => self.fmt(
                "check-unbound-placeholder",
                &[("rule", s(rule)), ("key", s(key))],
            ),
            M::UnknownFact { owner, fact, place } => self.fmt(
                "check-unknown-fact",
                &[
                    ("owner", s(owner)),
                    ("fact", s(fact)),
                    ("place", place.key().into()),
                ],
            ),
            M::ScenarioFactWrongType {
                scenario,
                fact,
                value,
                kind,
            } => self.fmt(
                "check-scenario-fact-wrong-type",
                &[
                    ("scenario", s(scenario)),
                    ("fact", s(fact)),
                    ("value", value.to_string().into()),
                    ("type", self.fact_type(kind).into()),
                ],
            ),
            M::ScenarioFactNotAValue {
                scenario,
                fact,
                value,
                values,
            } => self.fmt(
                "check-scenario-fact-not-a-value",
                &[
                    ("scenario", s(scenario)),
                    ("fact", s(fact)),
                    ("value", value.to_string().into()),
                    ("values", self.fact_values(values).into()),
                ],
            ),
            M::ConditionFactWrongType {
                owner,
                fact,
                value,
                kind,
            } => self.fmt(
                "check-condition-fact-wrong-type",
                &[
                    ("owner", s(owner)),
                    ("fact", s(fact)),
                    ("value", value.to_string().into()),
                    ("type", self.fact_type(kind).into()),
                ],
            ),
            M::ConditionFactNotAValue {
                owner,
                fact,
                value,
                values,
            } => self.fmt(
                "check-condition-fact-not-a-value",
                &[
                    ("owner", s(owner)),
                    ("fact", s(fact)),
                    ("value", value.to_string().into()),
                    ("values", self.fact_values(values).into()),
                ],
            ),
            M::ConditionFactBounds { owner, fact, kind } => self.fmt(
                "check-condition-fact-bounds",
                &[
                    ("owner", s(owner)),
                    ("fact", s(fact)),
                    ("type", self.fact_type(kind).into()),
                ],
            ),
            M::FactValuesOnBool { fact } => {
                self.fmt("check-fact-values-on-bool", &[("fact", s(fact))])
            }
            M::FactValuesEmpty { fact } => {
                self.fmt("check-fact-values-empty", &[("fact", s(fact))])
            }
            M::FactValueWrongType { fact, value, kind } => self.fmt(
                "check-fact-value-wrong-type",
                &[
                    ("fact", s(fact)),
                    ("value", value.to_string().into()),
                    ("type", self.fact_type(kind).into()),
                ],
            ),
            M::RuleContradiction {
                avoid,
                phrase,
                mention,
                step,
            } => self.fmt(
                "check-rule-contradiction",
                &[
                    ("avoid", s(avoid)),
                    ("phrase", s(phrase)),
                    ("mention", s(mention)),
                    ("step", s(step)),
                ],
            ),
            M::ReviewOverdue { date, days } => self.fmt(
                "check-review-overdue",
                &[
                    ("date", self.date(date).into()),
                    ("days", FluentValue::from(days)),
                ],
            ),
            M::LadderGrantBelowJunior {
                senior,
                action,
                index,
                when,
                per,
                limit,
                junior,
                junior_limit,
            } => self.fmt(
                "check-ladder-grant-below-junior",
                &[
                    ("senior", s(senior)),
                    ("action", s(action)),
                    ("index", n(index)),
                    (
                        "case",
                        self.grant_case(when, per).unwrap_or_default().into(),
                    ),
                    ("limit", self.number(limit).into()),
                    ("junior", s(junior)),
                    ("junior_limit", self.limit(junior_limit, None).into()),
                ],
            ),
            M::UnreachableGrant {
                role,
                action,
                index,
                earlier,
                when,
                per,
            } => {
                let mut args: Vec<Arg> = vec![
                    ("role", s(role)),
                    ("action", s(action)),
                    ("index", n(index)),
                    ("earlier", n(earlier)),
                ];
                match self.grant_case(when, per) {
                    Some(case) => {
                        args.push(("case", case.into()));
                        self.fmt("check-unreachable-grant", &args)
                    }
                    None => self.fmt("check-unreachable-grant-always", &args),
                }
            }
        }
    }

    /// The case of a grant, as a diagnostic names it: "when …, per
    /// `facts.passengers`"; `None` for a grant that holds in every case.
    fn grant_case(self, when: Option<&Condition>, per: Option<&str>) -> Option<String> {
        let when = when.map(|c| crate::words::report::condition(self, c));
        Some(match (when, per) {
            (None, None) => return None,
            (Some(c), None) => self.fmt("check-grant-case-when", &[("condition", c.into())]),
            (None, Some(p)) => self.fmt("check-grant-case-per", &[("per", p.to_owned().into())]),
            (Some(c), Some(p)) => self.fmt(
                "check-grant-case-when-per",
                &[("condition", c.into()), ("per", p.to_owned().into())],
            ),
        })
    }

    /// A diagnostic's help line.
    #[allow(clippy::too_many_lines)] // one arm per sentence, read as a table
    pub fn check_help(self, help: &Help<'_>) -> String {
        use Help as H;
        let s = |v: &str| FluentValue::from(v.to_owned());
        match *help {
            H::FirstIsAt { kind, line } => self.fmt(
                "check-help-first-is-at",
                // A line number, not an amount: never grouped.
                &[
                    ("kind", kind.key().into()),
                    ("line", line.to_string().into()),
                ],
            ),
            H::DidYouMean { id } => self.fmt("check-help-did-you-mean", &[("id", s(id))]),
            H::NoneDefined { kind } => {
                self.fmt("check-help-none-defined", &[("kind", kind.key().into())])
            }
            H::KindsAre { kind, ids } => {
                let mut shown: Vec<String> = Vec::new();
                for id in ids {
                    let id = ticked(id);
                    if !shown.contains(&id) {
                        shown.push(id);
                    }
                }
                self.fmt(
                    "check-help-kinds-are",
                    &[
                        ("kind", kind.key().into()),
                        ("ids", self.listed(shown).into()),
                    ],
                )
            }
            H::AddRuleAtStep { step } => {
                self.fmt("check-help-add-rule-at-step", &[("step", s(step))])
            }
            H::PatternSyntax => self.text("check-help-pattern-syntax"),
            H::SimplifyPattern => self.text("check-help-simplify-pattern"),
            H::ShortenPhrase => self.text("check-help-shorten-phrase"),
            H::ShortenPhrases => self.text("check-help-shorten-phrases"),
            H::FillProcedure => self.text("check-help-fill-procedure"),
            H::ChangeProcedureOrMoveToPass => {
                self.text("check-help-change-procedure-or-move-to-pass")
            }
            H::CallWhatTheProcedureNames => self.text("check-help-call-what-the-procedure-names"),
            H::FillRule { check } => {
                self.fmt("check-help-fill-rule", &[("check", check.as_str().into())])
            }
            H::GiveAtLeast { role, limit } => match limit {
                Limit::Amount(a) => self.fmt(
                    "check-help-give-at-least",
                    &[("role", s(role)), ("limit", self.number(a).into())],
                ),
                Limit::Unlimited => self.fmt("check-help-give-no-limit", &[("role", s(role))]),
            },
            H::AddToMay {
                role,
                action,
                limit,
            } => {
                // YAML to copy: the amount as YAML writes it, `yes` for no limit.
                let value = match limit {
                    Limit::Amount(a) => format_amount(a),
                    Limit::Unlimited => "yes".to_owned(),
                };
                self.fmt(
                    "check-help-add-to-may",
                    &[
                        ("entry", format!("{action}: {value}").into()),
                        ("role", s(role)),
                    ],
                )
            }
            H::SendHigher => self.text("check-help-send-higher"),
            H::SendUpOnlyOver {
                role,
                limit,
                action,
            } => self.fmt(
                "check-help-send-up-only-over",
                &[
                    ("role", s(role)),
                    ("limit", format_amount(limit).into()),
                    ("action", s(action)),
                ],
            ),
            H::CanNeverApply { role, action } => self.fmt(
                "check-help-can-never-apply",
                &[("role", s(role)), ("action", s(action))],
            ),
            H::MarkBest => self.text("check-help-mark-best"),
            H::KeepOneBest => self.text("check-help-keep-one-best"),
            H::NameInNext { beat } => self.fmt("check-help-name-in-next", &[("beat", s(beat))]),
            H::GiveAnEnding => self.text("check-help-give-an-ending"),
            H::KebabCase => self.text("check-help-kebab-case"),
            H::LanguageTag => self.text("check-help-language-tag"),
            H::NumberTo100 => self.text("check-help-number-to-100"),
            H::ListTheLadder => self.text("check-help-list-the-ladder"),
            H::IdShape => self.text("check-help-id-shape"),
            H::FieldsOf { check } => {
                self.fmt("check-help-fields-of", &[("check", check.as_str().into())])
            }
            H::PositiveWeight => self.text("check-help-positive-weight"),
            H::RemoveEmptyPhrase => self.text("check-help-remove-empty-phrase"),
            H::ConditionsInEscalation => self.text("check-help-conditions-in-escalation"),
            H::FirstBeatStarts => self.text("check-help-first-beat-starts"),
            H::SplitBeat => self.text("check-help-split-beat"),
            H::ActOrEscalate => self.text("check-help-act-or-escalate"),
            H::ActionShape => self.text("check-help-action-shape"),
            H::ChangeRuleOrMoveToFail => self.text("check-help-change-rule-or-move-to-fail"),
            H::AddPhraseOrMoveToPass => self.text("check-help-add-phrase-or-move-to-pass"),
            H::GiveExamplesContext => self.text("check-help-give-examples-context"),
            H::BundledPacksAre { packs } => self.fmt(
                "check-help-bundled-packs-are",
                &[("packs", self.listed(packs.iter().copied()).into())],
            ),
            H::AddToUses { pack } => self.fmt("check-help-add-to-uses", &[("pack", s(pack))]),
            H::DisableTakesFullId => self.text("check-help-disable-takes-full-id"),
            H::ModelShowsGood => self.text("check-help-model-shows-good"),
            H::CatchIt => self.text("check-help-catch-it"),
            H::PolicyDecides { decision } => {
                self.fmt("check-help-policy-decides", &[("decision", s(decision))])
            }
            H::AddWrongReply { steps } => {
                if steps.is_empty() {
                    self.text("check-help-add-wrong-reply")
                } else {
                    let steps: Vec<String> = steps.iter().map(|s| ticked(s)).collect();
                    self.fmt(
                        "check-help-add-wrong-reply-at",
                        &[("steps", self.any_of(&steps).into())],
                    )
                }
            }
            H::DidYouMeanPlaceholder { key } => {
                self.fmt("check-help-did-you-mean-placeholder", &[("key", s(key))])
            }
            H::PlaceholdersAre => self.text("check-help-placeholders-are"),
            H::DeclareFact { fact, kind } => self.fmt(
                "check-help-declare-fact",
                &[("fact", s(fact)), ("type", kind.as_str().into())],
            ),
            H::FactTypeWants { kind, value } => self.fmt(
                "check-help-fact-type-wants",
                &[
                    ("type", kind.as_str().into()),
                    ("value", value.to_string().into()),
                ],
            ),
            H::AddToFactValues { fact } => {
                self.fmt("check-help-add-to-fact-values", &[("fact", s(fact))])
            }
            H::RemoveFactValues => self.text("check-help-remove-fact-values"),
            H::ListFactValues => self.text("check-help-list-fact-values"),
            H::BoundsNeedNumber { fact } => {
                self.fmt("check-help-bounds-need-number", &[("fact", s(fact))])
            }
            H::CannotSayAndAvoid => self.text("check-help-cannot-say-and-avoid"),
            H::ReviewWithTeam => self.text("check-help-review-with-team"),
            H::MoveGrantBefore {
                role,
                action,
                earlier,
            } => self.fmt(
                "check-help-move-grant-before",
                &[
                    ("role", s(role)),
                    ("action", s(action)),
                    ("earlier", FluentValue::from(earlier)),
                ],
            ),
        }
    }

    /// "1 error and 2 warnings", "no problems".
    pub fn check_counts(self, errors: usize, warnings: usize) -> String {
        let args = [
            ("errors", FluentValue::from(errors)),
            ("warnings", FluentValue::from(warnings)),
        ];
        match (errors, warnings) {
            (0, 0) => self.text("check-counts-none"),
            (_, 0) => self.fmt("check-counts-errors", &args[..1]),
            (0, _) => self.fmt("check-counts-warnings", &args[1..]),
            _ => self.fmt("check-counts-both", &args),
        }
    }

    /// The last line of the human report: "check failed: 1 error in 2 files".
    pub fn check_summary(
        self,
        passed: bool,
        (errors, warnings): (usize, usize),
        files: usize,
        warnings_denied: bool,
    ) -> String {
        self.fmt(
            "check-summary",
            &[
                ("passed", if passed { "yes" } else { "no" }.into()),
                ("counts", self.check_counts(errors, warnings).into()),
                ("files", FluentValue::from(files)),
                ("denied", if warnings_denied { "yes" } else { "no" }.into()),
            ],
        )
    }

    /// The summary of the machine formats: "ethos check: 1 error in 2 files".
    pub fn check_summary_short(self, (errors, warnings): (usize, usize), files: usize) -> String {
        self.fmt(
            "check-summary-short",
            &[
                ("counts", self.check_counts(errors, warnings).into()),
                ("files", FluentValue::from(files)),
            ],
        )
    }

    /// A severity as a report names it: "error", "警告", "Fehler".
    pub fn check_level(self, severity: Severity) -> String {
        self.text(match severity {
            Severity::Error => "check-level-error",
            Severity::Warning => "check-level-warning",
            Severity::Info => "check-level-info",
        })
    }

    /// "help: …", "帮助：…": a help line where a format has no place of its own for it.
    pub fn check_help_line(self, help: &str) -> String {
        self.labelled(&self.text("check-level-help"), help)
    }

    /// The label of a help line ("help"), for renderers that place it themselves.
    pub fn check_help_label(self) -> String {
        self.text("check-level-help")
    }

    /// What a diagnostic code means, by its name (`unknown-step`); the
    /// messages are `check-code-NAME`.
    pub fn check_code_description(self, code: &str) -> String {
        self.text(&format!("check-code-{code}"))
    }

    /// A date as the locale writes it: "2026-01-31", "31.01.2026", "2026年01月31日".
    /// A declared fact's type, as a noun phrase: "a number (`type: number`)".
    pub(crate) fn fact_type(self, kind: FactType) -> String {
        self.fmt("check-fact-type", &[("type", kind.as_str().into())])
    }

    /// A fact's `values`, each as code: "`economy`, `business`".
    pub(crate) fn fact_values(self, values: &[&Scalar]) -> String {
        self.listed(values.iter().map(|v| ticked(&v.to_string())))
    }

    fn date(self, date: Date) -> String {
        let d = date.0;
        // Strings, not numbers: a year is never grouped ("2,026").
        self.fmt(
            "check-date",
            &[
                ("year", d.year().to_string().into()),
                ("month", format!("{:02}", d.month()).into()),
                ("day", format!("{:02}", d.day()).into()),
            ],
        )
    }

    /// A limit in words: "50 USD", "no limit".
    fn limit(self, limit: Limit, unit: Option<&str>) -> String {
        match limit {
            Limit::Amount(a) => self.amount(a, unit),
            Limit::Unlimited => self.text("check-no-limit"),
        }
    }

    /// Amount bounds in words, the unit after the last amount: "over 30 USD",
    /// "at least 10 and under 50 USD".
    fn bounds(self, bounds: &AmountBounds, unit: Option<&str>) -> String {
        let parts: Vec<(&str, f64)> = [
            ("check-bound-over", &bounds.over),
            ("check-bound-at-least", &bounds.at_least),
            ("check-bound-under", &bounds.under),
            ("check-bound-at-most", &bounds.at_most),
        ]
        .into_iter()
        .filter_map(|(id, b)| b.as_ref().map(|b| (id, b.value)))
        .collect();
        let last = parts.len().saturating_sub(1);
        parts
            .iter()
            .enumerate()
            .map(|(i, (id, value))| {
                let amount = if i == last {
                    self.amount(*value, unit)
                } else {
                    self.number(*value)
                };
                self.fmt(id, &[("amount", amount.into())])
            })
            .reduce(|first, second| {
                self.fmt(
                    "check-bound-and",
                    &[("first", first.into()), ("second", second.into())],
                )
            })
            .unwrap_or_else(|| self.text("check-bound-any"))
    }

    fn regex_fault(self, fault: RegexFault<'_>) -> String {
        use RegexFault as R;
        let id = match fault {
            R::GroupUnclosed => "check-regex-group-unclosed",
            R::GroupUnopened => "check-regex-group-unopened",
            R::ClassUnclosed => "check-regex-class-unclosed",
            R::ClassRangeInvalid => "check-regex-class-range-invalid",
            R::RepetitionMissing => "check-regex-repetition-missing",
            R::RepetitionCountUnclosed => "check-regex-repetition-count-unclosed",
            R::RepetitionCountInvalid => "check-regex-repetition-count-invalid",
            R::EscapeUnrecognized => "check-regex-escape-unrecognized",
            R::EscapeUnexpectedEnd => "check-regex-escape-unexpected-end",
            R::LookAround => "check-regex-look-around",
            R::Backreference => "check-regex-backreference",
            R::UnicodeClassInvalid => "check-regex-unicode-class-invalid",
            R::Other(reason) => {
                return self.fmt("check-regex-other", &[("reason", reason.to_owned().into())]);
            }
        };
        self.text(id)
    }

    pub(crate) fn context_fault(self, fault: ContextFault<'_>) -> String {
        let s = |v: &str| FluentValue::from(v.to_owned());
        match fault {
            ContextFault::UnknownKey {
                key,
                suggestion: None,
                keys,
            } => self.fmt(
                "check-context-unknown-key",
                &[("key", s(key)), ("keys", s(keys))],
            ),
            ContextFault::UnknownKey {
                key,
                suggestion: Some(suggestion),
                keys,
            } => self.fmt(
                "check-context-unknown-key-did-you-mean",
                &[
                    ("key", s(key)),
                    ("suggestion", s(suggestion)),
                    ("keys", s(keys)),
                ],
            ),
            ContextFault::NotContacts { value } => {
                self.fmt("check-context-not-contacts", &[("value", s(value))])
            }
            ContextFault::NotWholeNumber { value } => {
                self.fmt("check-context-not-whole-number", &[("value", s(value))])
            }
            ContextFault::NotDuration { value } => {
                self.fmt("check-context-not-duration", &[("value", s(value))])
            }
        }
    }

    /// Items one after the other, as the locale separates them ("a, b";
    /// "a、b"): a listing, not a sentence's "a and b".
    fn listed<S: AsRef<str>>(self, items: impl IntoIterator<Item = S>) -> String {
        let separator = self.text("list-separator");
        items
            .into_iter()
            .map(|i| i.as_ref().to_owned())
            .collect::<Vec<_>>()
            .join(&separator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::Locale;

    #[test]
    fn the_spec_example_reads_word_for_word_in_english() {
        let m = Message::UnknownStepOfRule {
            rule: "use-name",
            step: "welcom",
        };
        assert_eq!(
            Words::new(Locale::En).check_message(&m),
            "rule `use-name` applies at step `welcom`, which is not defined"
        );
    }

    #[test]
    fn ids_keep_their_backticks_with_chinese_punctuation_around_them() {
        let m = Message::UnknownStepOfRule {
            rule: "热情问候",
            step: "解觉",
        };
        assert_eq!(
            Words::new(Locale::Zh).check_message(&m),
            "规则`热情问候`适用于步骤`解觉`，但没有定义这个步骤"
        );
    }

    #[test]
    fn counts_take_each_languages_plural() {
        let en = Words::new(Locale::En);
        assert_eq!(en.check_counts(0, 0), "no problems");
        assert_eq!(en.check_counts(1, 0), "1 error");
        assert_eq!(en.check_counts(2, 1), "2 errors and 1 warning");
        let de = Words::new(Locale::De);
        assert_eq!(de.check_counts(0, 2), "2 Warnungen");
        assert_eq!(de.check_counts(1, 1), "1 Fehler und 1 Warnung");
        assert_eq!(Words::new(Locale::Zh).check_counts(2, 0), "发现2个错误");
    }

    #[test]
    fn the_summary_says_passed_or_failed_and_whether_warnings_were_denied() {
        let en = Words::new(Locale::En);
        assert_eq!(
            en.check_summary(true, (0, 0), 9, false),
            "check passed: no problems in 9 files"
        );
        assert_eq!(
            en.check_summary(false, (0, 1), 1, true),
            "check failed: 1 warning in 1 file (warnings denied)"
        );
        assert_eq!(
            Words::new(Locale::De).check_summary(false, (2, 0), 1, false),
            "Prüfung nicht bestanden: 2 Fehler in 1 Datei"
        );
    }

    #[test]
    fn bounds_put_the_unit_after_the_last_amount() {
        let bounds = AmountBounds {
            at_least: Some(crate::playbook::Spanned::unplaced(10.0)),
            under: Some(crate::playbook::Spanned::unplaced(50.0)),
            ..AmountBounds::default()
        };
        assert_eq!(
            Words::new(Locale::En).bounds(&bounds, Some("USD")),
            "at least 10 and under 50 USD"
        );
        assert_eq!(
            Words::new(Locale::De).bounds(&bounds, Some("EUR")),
            "ab 10 und unter 50 EUR"
        );
        assert_eq!(
            Words::new(Locale::En).bounds(&AmountBounds::default(), Some("USD")),
            "of any amount"
        );
    }

    #[test]
    fn a_limit_to_copy_into_may_is_yaml_in_every_language() {
        let help = Help::AddToMay {
            role: "manager",
            action: "refund",
            limit: Limit::Unlimited,
        };
        assert_eq!(
            Words::new(Locale::En).check_help(&help),
            "add `refund: yes` (or more) to `manager`'s `may`"
        );
        let help = Help::AddToMay {
            role: "manager",
            action: "refund",
            limit: Limit::Amount(12.5),
        };
        assert!(
            Words::new(Locale::De)
                .check_help(&help)
                .contains("`refund: 12.5`")
        );
    }
}
