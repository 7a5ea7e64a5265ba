//! What the engine makes of a reply: per-rule findings, policy findings, the
//! score and the verdict, as data. Nothing here is a sentence but the
//! author's own `message` and `suggest`: the wording layer (`words::policy`)
//! says the rest, and `report::judgement` is the JSON of `ethos validate`.

use serde::Serialize;

use super::grants::GrantApplied;
use crate::playbook::{CheckKind, Duration, Limit, Severity, Spanned};

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

/// What a rule wants of a reply, for a rule without a `message` of its own:
/// the wording layer says it ("Say one of “hello”, “good morning”.").
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Want<'p> {
    /// Say one of the phrases or patterns.
    Mention {
        phrases: &'p [Spanned<String>],
        patterns: &'p [Spanned<String>],
    },
    /// Say none of them.
    Avoid {
        phrases: &'p [Spanned<String>],
        patterns: &'p [Spanned<String>],
    },
    /// Use the playbook's words instead of the ones it swaps out.
    Swap,
    /// A number of words.
    Words { min: Option<u32>, max: Option<u32> },
    /// Mention at least `min` of the context's key facts.
    Echo { min: u32 },
}

impl<'p> Want<'p> {
    /// What a rule wants, from its check and bounds.
    pub fn of(rule: &'p crate::playbook::Rule) -> Want<'p> {
        match rule.check.value {
            CheckKind::Mention => Want::Mention {
                phrases: rule.phrases(),
                patterns: rule.patterns(),
            },
            CheckKind::Avoid => Want::Avoid {
                phrases: rule.phrases(),
                patterns: rule.patterns(),
            },
            CheckKind::Swap => Want::Swap,
            CheckKind::Length => Want::Words {
                min: rule.min_words.as_ref().map(|m| m.value),
                max: rule.max_words.as_ref().map(|m| m.value),
            },
            CheckKind::Echo => Want::Echo {
                min: rule
                    .min
                    .as_ref()
                    .map_or(crate::playbook::Rule::DEFAULT_ECHO_MIN, |m| m.value),
            },
        }
    }
}

/// What was counted or missing when a rule was judged, where that helps the
/// reader ("62 words; at most 60").
#[derive(Clone, Debug, PartialEq)]
pub enum Detail {
    /// A placeholder has no value in the context: the rule was skipped.
    NoValue,
    /// The rule has nothing to check (`empty-rule`): skipped.
    NothingToCheck,
    /// A `length` rule: the reply's words and the rule's bounds.
    Counted {
        words: usize,
        min: Option<u32>,
        max: Option<u32>,
    },
    /// An `echo` rule where the beat has no key facts: skipped.
    NoKeyFacts,
    /// An `echo` rule: how many of the key facts the reply mentions.
    Echoed {
        mentioned: usize,
        facts: Vec<String>,
        min: u32,
    },
}

/// How one applicable rule judged the reply.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleFinding<'p> {
    /// The rule's place in the playbook's `rules` (ids may repeat in a
    /// playbook that `check` rejects; the index never does).
    pub index: usize,
    pub rule: &'p str,
    pub check: CheckKind,
    pub status: Status,
    pub severity: Severity,
    /// The rule's own `message`, as the author wrote it.
    pub message: Option<&'p str>,
    /// What the rule wants: said where it has no `message`.
    pub want: Want<'p>,
    /// The spans that failed it (avoid, swap) or satisfied it (mention, echo).
    pub matches: Vec<Match>,
    /// The rule's own `suggest`. A failed `swap` without one is worded from
    /// its matches' replacements.
    pub suggestion: Option<&'p str>,
    /// What was counted, where that helps.
    pub detail: Option<Detail>,
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
    /// In a conversation: the escalation came later than the escalation
    /// rule's `within` after the message that required it (`warning`).
    LateEscalation,
}

impl PolicyCode {
    pub fn as_str(self) -> &'static str {
        match self {
            PolicyCode::MissedEscalation => "missed-escalation",
            PolicyCode::OverLimit => "over-limit",
            PolicyCode::ForbiddenAction => "forbidden-action",
            PolicyCode::UnneededEscalation => "unneeded-escalation",
            PolicyCode::EscalationNotShown => "escalation-not-shown",
            PolicyCode::LateEscalation => "late-escalation",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            PolicyCode::UnneededEscalation | PolicyCode::LateEscalation => Severity::Warning,
            PolicyCode::EscalationNotShown => Severity::Info,
            _ => Severity::Error,
        }
    }
}

/// Where a reply falls short of the policy. Roles are ranks on the
/// playbook's ladder (`Playbook::roles`), escalation rules indices into
/// `Playbook::escalation`.
#[derive(Clone, Debug, PartialEq)]
pub struct PolicyFinding {
    pub code: PolicyCode,
    pub severity: Severity,
    /// The rank of the role that acts.
    pub acting: usize,
    /// The action it is about (`over-limit`, `forbidden-action`), with the
    /// amount asked for, all of one incident added up.
    pub action: Option<String>,
    pub amount: Option<f64>,
    /// The acting role's own limit for the action (`over-limit`); `None`
    /// where the action is not theirs to grant at all.
    pub limit: Option<Limit>,
    /// The rank of the role the case should go to (for
    /// `unneeded-escalation`, the one the reply hands it to).
    pub to: Option<usize>,
    /// The escalation rules that send it there, in the playbook's order.
    pub because: Vec<usize>,
    /// How soon the role must take it (the first of `because`'s `within`).
    pub within: Option<Duration>,
    /// The acting role's grant that held for the action, with the limit it
    /// computed (`over-limit`, `forbidden-action`); `None` where none held.
    pub grant: Option<GrantApplied>,
}

/// An action within the acting role's limit.
#[derive(Clone, Debug, PartialEq)]
pub struct Grant {
    pub action: String,
    pub amount: f64,
    pub limit: Limit,
    /// The grant that allows it.
    pub by: GrantApplied,
}

/// What the policy decides for a case, in one (typed) sentence.
#[derive(Clone, Debug, PartialEq)]
pub enum Decision {
    /// The playbook defines no roles: there is no policy to apply.
    NoRoles,
    /// Escalation rules send the case to the role of rank `to`.
    Escalate {
        to: usize,
        because: Vec<usize>,
        within: Option<Duration>,
    },
    /// An action is over the acting role's `limit` (`None`: not theirs to
    /// grant at all): the role of rank `to` decides.
    OverLimit {
        acting: usize,
        action: String,
        amount: f64,
        limit: Option<Limit>,
        /// The acting role's grant that held, if one did.
        grant: Option<GrantApplied>,
        to: usize,
    },
    /// No role may grant the action (`grant`: the acting role's grant that
    /// held, with a limit below the amount).
    Forbidden {
        action: String,
        amount: f64,
        acting: usize,
        grant: Option<GrantApplied>,
    },
    /// The case is already with the role of rank `role`, which meets every
    /// obligation: nothing more to escalate.
    AlreadyWith { role: usize },
    /// Nothing to grant and nothing to escalate: the acting role handles it.
    Handles { acting: usize },
    /// Every action is within the acting role's limits.
    OnTheSpot { acting: usize, grants: Vec<Grant> },
}

/// The whole judgement of one reply.
#[derive(Clone, Debug, PartialEq)]
pub struct Judgement<'p> {
    pub verdict: Verdict,
    pub score: f64,
    pub step: String,
    pub role: String,
    /// Every applicable rule, in the playbook's order.
    pub findings: Vec<RuleFinding<'p>>,
    pub policy: Vec<PolicyFinding>,
    /// What the policy decides (absent when the policy was not asked, as for
    /// a drill's free reply).
    pub decision: Option<Decision>,
}

impl<'p> Judgement<'p> {
    /// Assemble a judgement: the verdict and score follow from the findings.
    pub fn new(
        step: String,
        role: String,
        findings: Vec<RuleFinding<'p>>,
        policy: Vec<PolicyFinding>,
        decision: Option<Decision>,
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
    /// Buffers the next reply graded into this reuses.
    pub(crate) scratch: super::plan::Scratch,
}

impl Default for Assessment {
    fn default() -> Self {
        Assessment {
            verdict: Verdict::Pass,
            score: 100.0,
            failed: Vec::new(),
            applied: Vec::new(),
            policy: Vec::new(),
            scratch: super::plan::Scratch::default(),
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
            message: None,
            want: Want::Swap,
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
