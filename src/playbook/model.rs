//! The playbook model: the types of `shared/spec/PLAYBOOK.md`, field for field.
//!
//! Serde does the structural work (required fields, types, unknown fields are
//! errors); rules that need the whole document (ids, references, which fields
//! fit which `check`) are diagnostics in `crate::check`. Everything a diagnostic
//! may point at is [`Spanned`].

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::condition::Condition;
use super::grant::Grants;
use super::node::{Lenient, lenient_list as list};
use super::spanned::{Pos, Spanned};
use super::values::{Date, Duration, Limit, Scalar, SpannedMap};

/// A list of entries of which each is checked even when one before it is
/// wrong (see `node.rs`), with the list's position.
fn spanned_list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Spanned<Vec<T>>, D::Error> {
    let list = Spanned::<Lenient<T>>::deserialize(d)?;
    Ok(Spanned::new(list.value.0, list.pos))
}

/// A whole playbook file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Playbook {
    /// Kebab-case id, unique among playbooks.
    pub playbook: Spanned<String>,
    pub title: Spanned<String>,
    pub company: Spanned<String>,
    /// BCP 47 tag; `en` when absent.
    #[serde(default)]
    pub language: Option<Spanned<String>>,
    #[serde(default)]
    pub owner: Option<Spanned<String>>,
    /// `check` warns `review-overdue` once this date has passed.
    #[serde(default)]
    pub review_by: Option<Spanned<Date>>,
    pub philosophy: Philosophy,
    /// The escalation ladder, front line first.
    #[serde(deserialize_with = "spanned_list")]
    pub roles: Spanned<Vec<Role>>,
    #[serde(default, deserialize_with = "list")]
    pub actions: Vec<Action>,
    #[serde(deserialize_with = "spanned_list")]
    pub steps: Spanned<Vec<Step>>,
    #[serde(default, deserialize_with = "list")]
    pub rules: Vec<Rule>,
    #[serde(default, deserialize_with = "list")]
    pub escalation: Vec<EscalationRule>,
    #[serde(default, deserialize_with = "list")]
    pub scenarios: Vec<Scenario>,
    /// Percent a drill must score to pass; 80 when absent.
    #[serde(default)]
    pub pass_mark: Option<Spanned<f64>>,
    /// Bundled rule packs whose rules this playbook adds (`courtesy-en`, ...).
    #[serde(default)]
    pub uses: Vec<Spanned<String>>,
    /// Pack rules dropped, by their full id (`courtesy-en/dismissive`).
    #[serde(default)]
    pub disable: Vec<Spanned<String>>,
    /// Negation cues added to the built-in ones of the playbook's language.
    #[serde(default)]
    pub negation_cues: Vec<Spanned<String>>,
    /// The facts conditions and placeholders may name (`facts.KEY`), with
    /// their types: a misspelt fact is then `unknown-fact`.
    #[serde(default, deserialize_with = "list")]
    pub facts: Vec<Fact>,
    /// Rules over a conversation: what must come before and after a tool
    /// call, how often it may happen, the shape of every agent message.
    #[serde(default, deserialize_with = "list")]
    pub procedures: Vec<super::procedure::Procedure>,
}

impl Playbook {
    pub const DEFAULT_LANGUAGE: &'static str = "en";
    pub const DEFAULT_PASS_MARK: f64 = 80.0;

    pub fn language(&self) -> &str {
        self.language
            .as_ref()
            .map_or(Self::DEFAULT_LANGUAGE, |l| l.as_str())
    }

    /// The primary subtag of `language`: `zh` for `zh-CN`, `de` for `de_AT`.
    /// The engine counts words by it; the wording layer picks its locale from
    /// the whole tag.
    pub fn primary_language(&self) -> &str {
        primary_subtag(self.language())
    }

    pub fn pass_mark(&self) -> f64 {
        self.pass_mark
            .as_ref()
            .map_or(Self::DEFAULT_PASS_MARK, |p| p.value)
    }

    /// The position of a role on the ladder (0 = front line).
    pub fn role_rank(&self, id: &str) -> Option<usize> {
        self.roles.iter().position(|r| r.id.as_str() == id)
    }

    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.id.as_str() == id)
    }

    pub fn action(&self, id: &str) -> Option<&Action> {
        self.actions.iter().find(|a| a.id.as_str() == id)
    }

    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id.as_str() == id)
    }

    /// The declared fact of this id (the first, if it is declared twice).
    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| f.id.as_str() == id)
    }
}

/// A fact of a case (`facts.KEY` in conditions, placeholders and scenarios),
/// declared so that a misspelt name or a value of the wrong type is caught.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
// A `bool` fact takes no `values`, so an editor says so as the author types.
#[schemars(extend(
    "if" = { "properties": { "type": { "const": "bool" } }, "required": ["type"] },
    "then" = { "not": { "required": ["values"] } },
))]
pub struct Fact {
    /// The KEY of `facts.KEY`.
    pub id: Spanned<String>,
    /// What kind of value the fact has.
    #[serde(rename = "type")]
    pub kind: Spanned<FactType>,
    /// Every value the fact may have (text and number facts; a truth value
    /// is `true` or `false` and takes none). Absent: any value of its type.
    #[serde(default)]
    pub values: Option<Spanned<Vec<Spanned<Scalar>>>>,
}

/// The type of a declared fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum FactType {
    /// `true` or `false`.
    Bool,
    /// A number (`3`, `2.5`).
    Number,
    /// A text (a number in quotes, `"12"`, is a text).
    Text,
}

impl FactType {
    pub fn as_str(self) -> &'static str {
        match self {
            FactType::Bool => "bool",
            FactType::Number => "number",
            FactType::Text => "text",
        }
    }

    /// Whether a value is of this type.
    pub fn admits(self, value: &Scalar) -> bool {
        matches!(
            (self, value),
            (FactType::Bool, Scalar::Bool(_))
                | (FactType::Number, Scalar::Int(_) | Scalar::Float(_))
                | (FactType::Text, Scalar::Text(_))
        )
    }
}

/// Why a value does not fit a declared fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactMismatch {
    /// The value is not of the fact's type.
    WrongType(FactType),
    /// Of the right type, but not one of the fact's `values`.
    NotAValue,
}

impl Fact {
    /// The allowed values, if the declaration lists them.
    pub fn values(&self) -> Option<&[Spanned<Scalar>]> {
        self.values.as_ref().map(|v| v.value.as_slice())
    }

    /// Whether a value fits the fact: of its type, and one of its `values`
    /// when it lists them (`3` and `3.0` are the same number).
    pub fn check(&self, value: &Scalar) -> Result<(), FactMismatch> {
        if !self.kind.value.admits(value) {
            return Err(FactMismatch::WrongType(self.kind.value));
        }
        match self.values() {
            Some(values) if !values.iter().any(|v| v.value.same_as(value)) => {
                Err(FactMismatch::NotAValue)
            }
            _ => Ok(()),
        }
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Philosophy {
    pub statement: Spanned<String>,
    #[serde(default, deserialize_with = "list")]
    pub values: Vec<Value>,
}

/// One of the company's values, named by steps.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Value {
    pub id: Spanned<String>,
    pub text: Spanned<String>,
}

/// A rung of the escalation ladder.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    /// Empowerment: action id -> what this role may grant alone, per
    /// incident: grants tried in order (a plain limit is one grant).
    #[serde(default, deserialize_with = "grants")]
    pub may: SpannedMap<String, Grants>,
    /// How staff hand a case to this role, in words or by a tool call.
    #[serde(default)]
    pub handoff: Option<Spanned<Handoff>>,
}

/// `may`, with each plain limit placed at its entry.
fn grants<'de, D: serde::Deserializer<'de>>(d: D) -> Result<SpannedMap<String, Grants>, D::Error> {
    let mut may = SpannedMap::<String, Grants>::deserialize(d)?;
    for (_, grants) in &mut may.entries {
        let pos = grants.pos;
        grants.value.place_at(pos);
    }
    Ok(may)
}

/// How a case is handed to a role: a reply that says one of `phrases` (not
/// negated), or, in a conversation, a call of `tool`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Handoff {
    #[serde(default)]
    pub phrases: Vec<Spanned<String>>,
    #[serde(default)]
    pub tool: Option<Spanned<String>>,
}

impl Role {
    /// The role's grants of an action; `None` when the action is not the
    /// role's to grant in any case.
    pub fn grants(&self, action: &str) -> Option<&Grants> {
        self.may.get(action).map(|g| &g.value)
    }

    /// The role's limit for an action where it does not depend on the case
    /// (a plain limit, or a first grant that always holds); `None` when the
    /// action is not the role's to grant, or only in some cases.
    pub fn limit(&self, action: &str) -> Option<Limit> {
        self.grants(action).and_then(Grants::unconditional)
    }
}

/// Something staff can do for a customer.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    #[serde(default)]
    pub unit: Option<Spanned<String>>,
    /// The tool call that performs it, in a conversation.
    #[serde(default)]
    pub tool: Option<Spanned<String>>,
    /// The dotted path of the call's argument that holds the amount
    /// (`amount`, `refund.total`); absent: each call counts as 1.
    #[serde(default)]
    pub amount: Option<Spanned<String>>,
}

/// A step of the service sequence.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub goal: Spanned<String>,
    #[serde(default)]
    pub values: Vec<Spanned<String>>,
}

/// The five kinds of text check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum CheckKind {
    Mention,
    Avoid,
    Swap,
    Length,
    Echo,
}

impl CheckKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CheckKind::Mention => "mention",
            CheckKind::Avoid => "avoid",
            CheckKind::Swap => "swap",
            CheckKind::Length => "length",
            CheckKind::Echo => "echo",
        }
    }
}

impl fmt::Display for CheckKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// How much a failed rule or a finding matters.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// A check on the text of a staff member's reply.
///
/// One flat struct for all five kinds, so that a field that does not fit the
/// kind (`phrases` on a `length` rule) is reported where it is written instead
/// of as a vague "data did not match any variant".
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: Spanned<String>,
    pub check: Spanned<CheckKind>,
    /// Steps the rule applies at; absent = every step.
    #[serde(default)]
    pub at: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    pub message: Option<Spanned<String>>,
    #[serde(default)]
    pub suggest: Option<Spanned<String>>,
    #[serde(default)]
    pub severity: Option<Spanned<Severity>>,
    #[serde(default)]
    pub weight: Option<Spanned<f64>>,
    #[serde(default)]
    pub when: Option<Spanned<Condition>>,
    #[serde(default)]
    pub phrases: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    pub patterns: Option<Spanned<Vec<Spanned<String>>>>,
    /// Discouraged phrase -> preferred phrase (`swap` only).
    #[serde(default)]
    pub swap: Option<Spanned<SpannedMap<String, String>>>,
    #[serde(default)]
    pub max_words: Option<Spanned<u32>>,
    #[serde(default)]
    pub min_words: Option<Spanned<u32>>,
    /// How many key facts an `echo` reply must mention (default 1).
    #[serde(default)]
    pub min: Option<Spanned<u32>>,
    /// `ignore`: a negated occurrence counts as any other (version 1 matching).
    #[serde(default)]
    pub negation: Option<Spanned<Negation>>,
    /// In a conversation, a `mention` or `echo` rule is an obligation met by
    /// any one turn; `true` judges it on every turn where it applies instead.
    #[serde(default)]
    pub every_turn: Option<Spanned<bool>>,
    /// Replies this rule alone must pass, and must fail (`check` runs them).
    #[serde(default)]
    pub examples: Option<Spanned<RuleExamples>>,
    /// The context the examples are judged in (keys as for `--set`).
    #[serde(default)]
    pub examples_context: Option<Spanned<SpannedMap<String, Scalar>>>,
}

/// How a rule treats an occurrence under a negation cue.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Negation {
    /// A negated occurrence does not count (`mention`, `echo`) or is not a
    /// violation (`avoid`): the default.
    #[default]
    Respect,
    /// A negated occurrence counts as any other.
    Ignore,
}

/// A rule's own examples.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleExamples {
    /// Replies the rule must pass.
    #[serde(default)]
    pub pass: Vec<Spanned<String>>,
    /// Replies the rule must fail.
    #[serde(default)]
    pub fail: Vec<Spanned<String>>,
}

impl Rule {
    pub const DEFAULT_WEIGHT: f64 = 1.0;
    pub const DEFAULT_ECHO_MIN: u32 = 1;

    /// The severity as written, or the kind's default (`warning` for `swap`).
    pub fn severity(&self) -> Severity {
        match &self.severity {
            Some(s) => s.value,
            None if self.check.value == CheckKind::Swap => Severity::Warning,
            None => Severity::Error,
        }
    }

    /// Whether a conversation judges it on every turn (`every_turn: true`).
    pub fn every_turn(&self) -> bool {
        self.every_turn.as_ref().is_some_and(|e| e.value)
    }

    pub fn weight(&self) -> f64 {
        self.weight
            .as_ref()
            .map_or(Self::DEFAULT_WEIGHT, |w| w.value)
    }

    /// Whether the rule applies at a step (ignoring its `when`).
    pub fn applies_at(&self, step: &str) -> bool {
        self.at
            .as_ref()
            .is_none_or(|at| at.iter().any(|s| s.as_str() == step))
    }

    /// Whether the rule has nothing to check (`empty-rule`): no phrases or
    /// patterns, no swap, no word bounds. (`min` defaults to 1, so an echo
    /// rule always has something.)
    pub fn is_empty(&self) -> bool {
        match self.check.value {
            CheckKind::Mention | CheckKind::Avoid => {
                self.phrases().is_empty() && self.patterns().is_empty()
            }
            CheckKind::Swap => self.swap.as_ref().is_none_or(|s| s.is_empty()),
            CheckKind::Length => self.max_words.is_none() && self.min_words.is_none(),
            CheckKind::Echo => false,
        }
    }

    pub fn phrases(&self) -> &[Spanned<String>] {
        self.phrases.as_ref().map_or(&[], |p| p.value.as_slice())
    }

    pub fn patterns(&self) -> &[Spanned<String>] {
        self.patterns.as_ref().map_or(&[], |p| p.value.as_slice())
    }

    /// Whether negated occurrences count as any other (`negation: ignore`).
    pub fn ignores_negation(&self) -> bool {
        self.negation
            .as_ref()
            .is_some_and(|n| n.value == Negation::Ignore)
    }
}

/// When a case must go up the ladder.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EscalationRule {
    pub id: Spanned<String>,
    pub when: Spanned<Condition>,
    /// The role that must take the case.
    pub to: Spanned<String>,
    /// How soon the target role must take it.
    #[serde(default)]
    pub within: Option<Spanned<Duration>>,
    #[serde(default)]
    pub why: Option<Spanned<String>>,
}

/// A drill.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub situation: Spanned<String>,
    /// The role the trainee plays; the first role when absent.
    #[serde(default)]
    pub role: Option<Spanned<String>>,
    #[serde(default)]
    pub customer: Customer,
    /// Contacts about this issue, this one included (default 1).
    #[serde(default)]
    pub contacts: Option<Spanned<u32>>,
    /// How long the customer has waited (default 0s).
    #[serde(default)]
    pub waiting: Option<Spanned<Duration>>,
    #[serde(default)]
    pub facts: SpannedMap<String, Scalar>,
    #[serde(deserialize_with = "spanned_list")]
    pub beats: Spanned<Vec<Beat>>,
}

impl Scenario {
    pub const DEFAULT_CONTACTS: u32 = 1;

    pub fn beat(&self, id: &str) -> Option<&Beat> {
        self.beats.iter().find(|b| b.id.as_str() == id)
    }
}

/// Who the trainee serves; fills `{customer.*}` placeholders.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Customer {
    #[serde(default)]
    pub name: Option<Spanned<String>>,
    #[serde(default)]
    pub mood: Option<Spanned<String>>,
    #[serde(default)]
    pub tier: Option<Spanned<String>>,
}

/// One turn of the trainee: a free reply or a decision.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Beat {
    pub id: Spanned<String>,
    /// The service step this turn exercises.
    pub step: Spanned<String>,
    /// What the customer says.
    pub customer: Spanned<String>,
    /// The customer's mood from this beat on.
    #[serde(default)]
    pub mood: Option<Spanned<String>>,
    /// Facts an `echo` rule wants the reply to mention.
    #[serde(default)]
    pub key_facts: Vec<Spanned<String>>,
    /// A reply that must pass.
    #[serde(default)]
    pub model: Option<Spanned<String>>,
    /// Replies that must fail at least one rule.
    #[serde(default)]
    pub wrong: Vec<Spanned<String>>,
    #[serde(default)]
    pub decide: Option<Spanned<Decision>>,
    #[serde(default)]
    pub next: Option<Spanned<Next>>,
}

/// A beat where the trainee acts instead of writing.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub prompt: Spanned<String>,
    #[serde(deserialize_with = "spanned_list")]
    pub choices: Spanned<Vec<Choice>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub say: Spanned<String>,
    /// `{ACTION: AMOUNT}`: the one action this choice takes.
    #[serde(default, deserialize_with = "super::values::checked_amounts")]
    pub action: Option<Spanned<SpannedMap<String, f64>>>,
    /// The role this choice hands the case to.
    #[serde(default)]
    pub escalate: Option<Spanned<String>>,
    #[serde(default)]
    pub best: Option<Spanned<bool>>,
}

impl Choice {
    pub fn is_best(&self) -> bool {
        self.best.as_ref().is_some_and(|b| b.value)
    }
}

/// Where the scenario goes after a beat.
#[derive(Debug, Clone)]
pub enum Next {
    /// Always this beat.
    Always(Spanned<String>),
    /// One beat when the reply passed, another when it failed.
    Branch {
        pass: Spanned<String>,
        fail: Spanned<String>,
    },
}

impl Beat {
    /// The beat ids `next` names, in order, each with where it is written.
    pub fn next_targets(&self) -> Vec<(&str, Pos)> {
        fn place(id: &Spanned<String>, fallback: Pos) -> (&str, Pos) {
            let pos = if id.pos.is_known() { id.pos } else { fallback };
            (id.as_str(), pos)
        }
        let Some(next) = &self.next else {
            return Vec::new();
        };
        match &next.value {
            Next::Always(id) => vec![place(id, next.pos)],
            Next::Branch { pass, fail } => vec![place(pass, next.pos), place(fail, next.pos)],
        }
    }

    pub fn is_decision(&self) -> bool {
        self.decide.is_some()
    }
}

// A hand-written visitor, not `#[serde(untagged)]`: untagged enums buffer their
// input and lose every position inside them.
impl<'de> Deserialize<'de> for Next {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NextVisitor;
        impl<'de> Visitor<'de> for NextVisitor {
            type Value = Next;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&super::reason::Shape::Next, f)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Next, E> {
                // A scalar carries no position of its own here: `Beat::next_targets`
                // places it at the `next` node, which is the same node.
                Ok(Next::Always(Spanned::unplaced(v.to_owned())))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Next, A::Error> {
                let (mut pass, mut fail) = (None, None);
                while let Some(key) = map.next_key::<Spanned<String>>()? {
                    match key.as_str() {
                        "pass" => pass = Some(map.next_value::<Spanned<String>>()?),
                        "fail" => fail = Some(map.next_value::<Spanned<String>>()?),
                        other => {
                            return Err(super::reason::Reason::UnknownBranch {
                                key: other.to_owned(),
                            }
                            .raise_at(key.pos));
                        }
                    }
                }
                match (pass, fail) {
                    (Some(pass), Some(fail)) => Ok(Next::Branch { pass, fail }),
                    (None, _) => Err(de::Error::missing_field("pass")),
                    (_, None) => Err(de::Error::missing_field("fail")),
                }
            }
        }
        deserializer.deserialize_any(NextVisitor)
    }
}

/// The primary subtag of a BCP 47 tag (`zh` of `zh-Hans-CN`), as written.
pub fn primary_subtag(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or_default()
}
