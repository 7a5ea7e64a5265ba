//! What the engine says about a reply: per-rule findings, policy findings, the
//! score and the verdict. Field names are the JSON of `ethos validate`.

use std::borrow::Cow;

use serde::Serialize;

use crate::playbook::{CheckKind, Severity};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Pass,
    Fail,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Fail,
    /// A placeholder had no value, or an `echo` rule had no key facts: the
    /// rule neither passes nor fails and does not count in the score.
    Skipped,
}

/// A span of the ORIGINAL reply: byte offsets (end exclusive) and the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// For `swap`: what to say instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replacement: Option<String>,
    /// Under a negation cue, so it did not count (rule 6); written to JSON
    /// only when true, so version 1's output is unchanged.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub negated: bool,
}

/// How one applicable rule judged the reply.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RuleFinding<'p> {
    /// The rule's place in the playbook's `rules` (ids may repeat in a
    /// playbook that `check` rejects; the index never does).
    #[serde(skip)]
    pub index: usize,
    pub rule: &'p str,
    pub check: CheckKind,
    pub status: Status,
    pub severity: Severity,
    pub message: Cow<'p, str>,
    /// The spans that failed it (avoid, swap) or satisfied it (mention, echo).
    pub matches: Vec<Match>,
    pub suggestion: Option<Cow<'p, str>>,
    /// What was counted, where that helps: "62 words; at most 60".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(skip)]
    pub weight: f64,
}

impl RuleFinding<'_> {
    /// Whether this finding fails the reply.
    pub fn fails_reply(&self) -> bool {
        self.status == Status::Fail && self.severity == Severity::Error
    }
}

/// A policy finding code (`shared/spec/PLAYBOOK.md`, "the policy").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PolicyCode {
    MissedEscalation,
    OverLimit,
    ForbiddenAction,
    UnneededEscalation,
    /// A free reply that declares nothing it did, where the policy requires
    /// an escalation: reported (`info`), not held against the reply.
    EscalationNotShown,
}

impl PolicyCode {
    pub fn as_str(self) -> &'static str {
        match self {
            PolicyCode::MissedEscalation => "missed-escalation",
            PolicyCode::OverLimit => "over-limit",
            PolicyCode::ForbiddenAction => "forbidden-action",
            PolicyCode::UnneededEscalation => "unneeded-escalation",
            PolicyCode::EscalationNotShown => "escalation-not-shown",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            PolicyCode::UnneededEscalation => Severity::Warning,
            PolicyCode::EscalationNotShown => Severity::Info,
            _ => Severity::Error,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PolicyFinding {
    pub code: PolicyCode,
    pub severity: Severity,
    pub action: Option<String>,
    pub amount: Option<f64>,
    /// The role the case should go to.
    pub to: Option<String>,
    /// The escalation rules behind it.
    pub because: Vec<String>,
    pub message: String,
}

/// The whole judgement of one reply.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Judgement<'p> {
    pub verdict: Verdict,
    pub score: f64,
    pub step: String,
    pub role: String,
    /// Every applicable rule, in the playbook's order.
    pub findings: Vec<RuleFinding<'p>>,
    pub policy: Vec<PolicyFinding>,
    /// What the policy decides, in one sentence (absent when the policy was
    /// not asked, as for a drill's free reply).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
}

impl<'p> Judgement<'p> {
    /// Assemble a judgement: the verdict and score follow from the findings.
    pub fn new(
        step: String,
        role: String,
        findings: Vec<RuleFinding<'p>>,
        policy: Vec<PolicyFinding>,
        decision: Option<String>,
    ) -> Self {
        let failed = findings.iter().any(RuleFinding::fails_reply)
            || policy.iter().any(|p| p.severity == Severity::Error);
        Judgement {
            verdict: if failed { Verdict::Fail } else { Verdict::Pass },
            score: score(&findings),
            step,
            role,
            findings,
            policy,
            decision,
        }
    }

    /// The rules that failed (any severity), in order.
    pub fn failed_rules(&self) -> impl Iterator<Item = &RuleFinding<'p>> {
        self.findings.iter().filter(|f| f.status == Status::Fail)
    }
}

/// 100 × passed weight / weight of rules that applied and were not skipped,
/// rounded to one decimal; 100 when no rule counts.
pub fn score(findings: &[RuleFinding<'_>]) -> f64 {
    let (mut passed, mut counted) = (0.0, 0.0);
    for f in findings {
        match f.status {
            Status::Pass => {
                passed += f.weight;
                counted += f.weight;
            }
            Status::Fail => counted += f.weight,
            Status::Skipped => {}
        }
    }
    score_of(passed, counted)
}

/// The score from the weight passed and the weight counted.
pub fn score_of(passed: f64, counted: f64) -> f64 {
    if counted <= 0.0 {
        return 100.0;
    }
    (1000.0 * passed / counted).round() / 10.0
}

/// A judgement without what people read: the verdict, the score, and the
/// rules that failed (any severity), as indices into the playbook's `rules`.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    pub verdict: Verdict,
    pub score: f64,
    pub failed: Vec<usize>,
    /// The rules that passed or failed (not skipped), in order.
    pub applied: Vec<usize>,
    /// The policy findings, where the policy was asked (`Engine::grade_into`).
    pub policy: Vec<PolicyCode>,
}

impl Default for Assessment {
    fn default() -> Self {
        Assessment {
            verdict: Verdict::Pass,
            score: 100.0,
            failed: Vec::new(),
            applied: Vec::new(),
            policy: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(status: Status, weight: f64) -> RuleFinding<'static> {
        RuleFinding {
            index: 0,
            rule: "r",
            check: CheckKind::Mention,
            status,
            severity: Severity::Error,
            message: Cow::Borrowed(""),
            matches: Vec::new(),
            suggestion: None,
            detail: None,
            weight,
        }
    }

    #[test]
    fn score_is_the_passed_share_of_weight_rounded_to_one_decimal() {
        let f = [
            finding(Status::Pass, 1.0),
            finding(Status::Fail, 1.0),
            finding(Status::Fail, 1.0),
        ];
        assert_eq!(score(&f), 33.3);
        let f = [finding(Status::Pass, 2.0), finding(Status::Fail, 1.0)];
        assert_eq!(score(&f), 66.7);
    }

    #[test]
    fn skipped_rules_do_not_count_and_no_rules_score_100() {
        let f = [finding(Status::Pass, 1.0), finding(Status::Skipped, 5.0)];
        assert_eq!(score(&f), 100.0);
        assert_eq!(score(&[]), 100.0);
        assert_eq!(score(&[finding(Status::Skipped, 1.0)]), 100.0);
    }

    #[test]
    fn a_failed_warning_lowers_the_score_but_does_not_fail_the_reply() {
        let mut warn = finding(Status::Fail, 1.0);
        warn.severity = Severity::Warning;
        let j = Judgement::new(
            "s".into(),
            "r".into(),
            vec![finding(Status::Pass, 1.0), warn],
            vec![],
            None,
        );
        assert_eq!(j.verdict, Verdict::Pass);
        assert_eq!(j.score, 50.0);
    }
}
