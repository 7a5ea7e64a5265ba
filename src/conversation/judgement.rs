//! What a playbook makes of one conversation ([`ConversationJudgement`]):
//! data with message indices, no sentences (`grade` writes it as a JSON
//! line, `words` words it for people).

use crate::engine::{PolicyFinding, RuleFinding, Status, Verdict};
use crate::playbook::Severity;

/// The whole judgement of one conversation.
#[derive(Clone, Debug, PartialEq)]
pub struct ConversationJudgement<'p> {
    pub verdict: Verdict,
    /// 100 × passed weight / counted weight over the rules and procedures
    /// that applied, one decimal; 100 where none did.
    pub score: f64,
    /// The agent turns: assistant messages with text that are not internal.
    pub turns: usize,
    /// Every finding that did not pass, ordered by message index (then
    /// rule, procedure, policy).
    pub findings: Vec<Finding<'p>>,
    /// Every rule's outcome over the conversation, in the playbook's order.
    pub rules: Vec<Status>,
    /// Every procedure's outcome, in the playbook's order.
    pub procedures: Vec<Status>,
    pub escalation: EscalationOutcome,
    pub metrics: Metrics,
}

impl ConversationJudgement<'_> {
    /// The ids of failed rules and procedures and the codes of policy
    /// findings of severity `error`, each once, in the order of `findings`.
    pub fn failed(&self) -> Vec<&str> {
        let mut failed: Vec<&str> = Vec::new();
        for finding in &self.findings {
            let id = match finding {
                Finding::Rule { finding, .. } => finding.rule,
                Finding::Procedure { id, .. } => id,
                Finding::Policy { finding, .. } if finding.severity == Severity::Error => {
                    finding.code.as_str()
                }
                Finding::Policy { .. } => continue,
            };
            if !failed.contains(&id) {
                failed.push(id);
            }
        }
        failed
    }
}

/// One finding, with the message it is at (`at`, 0-based).
#[derive(Clone, Debug, PartialEq)]
pub enum Finding<'p> {
    /// A rule that failed at an agent turn (`turn`, 1-based); an obligation
    /// (`mention`, `echo`) unmet over the conversation is at the last turn
    /// where it applied.
    Rule {
        finding: RuleFinding<'p>,
        turn: usize,
        at: usize,
    },
    /// A part of a procedure that was not met at a call (or, for a turn
    /// shape, at an assistant message).
    Procedure {
        /// Its place in the playbook's `procedures`.
        index: usize,
        id: &'p str,
        reason: Reason,
        severity: Severity,
        /// The author's `message`.
        message: Option<&'p str>,
        at: usize,
        /// The call's tool (none for a turn shape).
        tool: Option<String>,
    },
    /// A policy finding; `late` gives, for `late-escalation`, how long the
    /// escalation took after the message that required it, in seconds.
    Policy {
        finding: PolicyFinding,
        at: usize,
        late: Option<i64>,
    },
}

impl Finding<'_> {
    /// The index of the message it is at.
    pub fn at(&self) -> usize {
        match self {
            Finding::Rule { at, .. }
            | Finding::Procedure { at, .. }
            | Finding::Policy { at, .. } => *at,
        }
    }

    pub fn severity(&self) -> Severity {
        match self {
            Finding::Rule { finding, .. } => finding.severity,
            Finding::Procedure { severity, .. } => *severity,
            Finding::Policy { finding, .. } => finding.severity,
        }
    }

    /// `rule`, `procedure` or `policy`, as the JSON's `kind` says.
    pub fn kind(&self) -> &'static str {
        match self {
            Finding::Rule { .. } => "rule",
            Finding::Procedure { .. } => "procedure",
            Finding::Policy { .. } => "policy",
        }
    }

    pub(crate) fn order(&self) -> (usize, u8) {
        let kind = match self {
            Finding::Rule { .. } => 0,
            Finding::Procedure { .. } => 1,
            Finding::Policy { .. } => 2,
        };
        (self.at(), kind)
    }
}

/// Why a procedure's part was not met (`shared/spec/PLAYBOOK.md`,
/// "Procedures").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reason {
    /// `require.customer_says`: the customer's last message before the call.
    NotConfirmed,
    /// `require.customer_said`: any customer message before it.
    NotAsked,
    /// `require.agent_says` / `agent_said`.
    NotSaid,
    /// `require.done`: a tool not called first.
    NotDoneFirst,
    /// `require.not_done`: a tool called before.
    DoneBefore,
    /// `only_when` does not hold.
    NotAllowed,
    /// More calls than `at_most`.
    TooMany,
    /// `then_says`: the next agent turn does not say it.
    NotSaidAfter,
    /// An assistant message not of the `turn` shape.
    TurnShape,
}

impl Reason {
    pub const ALL: [Reason; 9] = [
        Reason::NotConfirmed,
        Reason::NotAsked,
        Reason::NotSaid,
        Reason::NotDoneFirst,
        Reason::DoneBefore,
        Reason::NotAllowed,
        Reason::TooMany,
        Reason::NotSaidAfter,
        Reason::TurnShape,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Reason::NotConfirmed => "not-confirmed",
            Reason::NotAsked => "not-asked",
            Reason::NotSaid => "not-said",
            Reason::NotDoneFirst => "not-done-first",
            Reason::DoneBefore => "done-before",
            Reason::NotAllowed => "not-allowed",
            Reason::TooMany => "too-many",
            Reason::NotSaidAfter => "not-said-after",
            Reason::TurnShape => "turn-shape",
        }
    }
}

/// Where the case had to go and where it went. Roles are ranks on the
/// ladder, escalation rules indices into `Playbook::escalation`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EscalationOutcome {
    /// The most senior role the triggered escalation rules require, above
    /// the acting role.
    pub required: Option<usize>,
    /// The most senior role the case reached (the conversation's
    /// `escalated` included).
    pub done: Option<usize>,
    /// The triggered rules that require `required`.
    pub because: Vec<usize>,
    /// The message where the first of them was triggered.
    pub triggered_at: Option<usize>,
}

/// What the timestamps (and the calls) say of the conversation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Metrics {
    /// From the customer's first timed message to the first agent turn after it.
    pub first_reply_s: Option<i64>,
    /// From the first timed message to the last.
    pub handling_s: Option<i64>,
    pub tool_calls: usize,
}
