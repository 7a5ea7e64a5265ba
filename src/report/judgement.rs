//! A judgement as people and programs read it: the engine's data with every
//! sentence worded in the playbook's language (`words::policy`). Its JSON is
//! the contract of `ethos validate --format json`, `grade --explain` and
//! `calibrate`'s disagreements (`shared/spec/CLI.md`): the field names and
//! shape are those of the engine's judgement before it became data, and the
//! `message` fields are the wording layer's.

use std::borrow::Cow;

use serde::Serialize;

use crate::engine::{
    Decision, GrantApplied, Judgement, Match, PolicyCode, PolicyFinding, RuleFinding, Status,
    Verdict,
};
use crate::playbook::{CheckKind, Limit, Playbook, Severity};
use crate::words::Words;

/// The whole judgement of one reply, worded.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct JudgementView<'p> {
    pub verdict: Verdict,
    pub score: f64,
    pub step: String,
    pub role: String,
    /// Every applicable rule, in the playbook's order.
    pub findings: Vec<RuleView<'p>>,
    pub policy: Vec<PolicyView<'p>>,
    /// What the policy decides (absent when the policy was not asked, as
    /// for a drill's free reply).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    /// Where the decision is that the acting role may grant the actions on
    /// the spot: each action with the grant that allows it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub decision_grants: Vec<DecisionGrantView<'p>>,
}

/// The grant of a role that held for an action in the case, and the limit
/// it computed: `{"role": "agent", "index": 1, "up_to": 50, "per":
/// "passengers", "per_value": 3, "limit": 150}`. A limit without bound is
/// the text `"unlimited"`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GrantView<'p> {
    pub role: &'p str,
    /// The grant's place in the role's list for the action, from 0.
    pub index: usize,
    #[serde(serialize_with = "limit_json")]
    pub up_to: Limit,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per: Option<&'p str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per_value: Option<f64>,
    #[serde(serialize_with = "limit_json")]
    pub limit: Limit,
}

impl<'p> GrantView<'p> {
    fn new(playbook: &'p Playbook, action: &str, applied: GrantApplied) -> Self {
        let role = playbook.roles.get(applied.role);
        GrantView {
            role: role.map_or("", |r| r.id.as_str()),
            index: applied.index,
            up_to: applied.up_to,
            per: role
                .and_then(|r| r.grants(action))
                .and_then(|g| g.list.get(applied.index))
                .and_then(|g| g.per.as_ref())
                .map(|p| p.value.as_str()),
            per_value: applied.per_value,
            limit: applied.limit,
        }
    }
}

/// An action the acting role may grant on the spot, with its grant.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DecisionGrantView<'p> {
    pub action: String,
    pub amount: f64,
    pub grant: GrantView<'p>,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's `serialize_with` signature
fn limit_json<S: serde::Serializer>(limit: &Limit, s: S) -> Result<S::Ok, S::Error> {
    match limit {
        Limit::Amount(amount) => s.serialize_f64(*amount),
        Limit::Unlimited => s.serialize_str("unlimited"),
    }
}

/// How one rule judged the reply, worded.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RuleView<'p> {
    /// The rule's place in the playbook's `rules`.
    #[serde(skip)]
    pub index: usize,
    pub rule: &'p str,
    pub check: CheckKind,
    pub status: Status,
    pub severity: Severity,
    /// The author's `message`, or what the rule wants.
    pub message: Cow<'p, str>,
    /// The spans that failed it (avoid, swap) or satisfied it (mention, echo).
    pub matches: Vec<Match>,
    pub suggestion: Option<Cow<'p, str>>,
    /// What was counted, where that helps: "62 words; at most 60".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl<'p> RuleView<'p> {
    /// A rule finding, worded.
    pub fn new(finding: RuleFinding<'p>, words: Words) -> Self {
        RuleView {
            message: words.rule_message(&finding),
            suggestion: words.rule_suggestion(&finding),
            detail: finding.detail.as_ref().map(|d| words.rule_detail(d)),
            index: finding.index,
            rule: finding.rule,
            check: finding.check,
            status: finding.status,
            severity: finding.severity,
            matches: finding.matches,
        }
    }

    /// Whether this finding fails the reply.
    pub fn fails_reply(&self) -> bool {
        self.status == Status::Fail && self.severity == Severity::Error
    }
}

/// A policy finding, worded: roles and escalation rules by id.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PolicyView<'p> {
    pub code: PolicyCode,
    pub severity: Severity,
    pub action: Option<String>,
    pub amount: Option<f64>,
    /// The role the case should go to.
    pub to: Option<&'p str>,
    /// The escalation rules behind it.
    pub because: Vec<&'p str>,
    pub message: String,
    /// The acting role's grant that held for the action (`over-limit`,
    /// `forbidden-action`), with the limit it computed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grant: Option<GrantView<'p>>,
}

impl<'p> PolicyView<'p> {
    pub fn new(finding: PolicyFinding, playbook: &'p Playbook, words: Words) -> Self {
        PolicyView {
            message: words.policy_finding(playbook, &finding),
            code: finding.code,
            severity: finding.severity,
            to: finding
                .to
                .and_then(|rank| playbook.roles.get(rank))
                .map(|r| r.id.as_str()),
            because: finding
                .because
                .iter()
                .filter_map(|&i| playbook.escalation.get(i))
                .map(|e| e.id.as_str())
                .collect(),
            grant: finding
                .grant
                .map(|g| GrantView::new(playbook, finding.action.as_deref().unwrap_or(""), g)),
            action: finding.action,
            amount: finding.amount,
        }
    }
}

impl<'p> JudgementView<'p> {
    /// A judgement, worded in `words`.
    pub fn new(judgement: Judgement<'p>, playbook: &'p Playbook, words: Words) -> Self {
        let decision_grants = match &judgement.decision {
            Some(Decision::OnTheSpot { grants, .. }) => grants
                .iter()
                .map(|g| DecisionGrantView {
                    action: g.action.clone(),
                    amount: g.amount,
                    grant: GrantView::new(playbook, &g.action, g.by),
                })
                .collect(),
            _ => Vec::new(),
        };
        JudgementView {
            decision_grants,
            verdict: judgement.verdict,
            score: judgement.score,
            decision: judgement
                .decision
                .as_ref()
                .map(|d| words.decision(playbook, d)),
            step: judgement.step,
            role: judgement.role,
            findings: judgement
                .findings
                .into_iter()
                .map(|f| RuleView::new(f, words))
                .collect(),
            policy: judgement
                .policy
                .into_iter()
                .map(|p| PolicyView::new(p, playbook, words))
                .collect(),
        }
    }

    /// A judgement in the playbook's own language.
    pub fn of(judgement: Judgement<'p>, playbook: &'p Playbook) -> Self {
        JudgementView::new(judgement, playbook, Words::of(playbook))
    }

    /// The rules that failed (any severity), in order.
    pub fn failed_rules(&self) -> impl Iterator<Item = &RuleView<'p>> {
        self.findings.iter().filter(|f| f.status == Status::Fail)
    }
}
