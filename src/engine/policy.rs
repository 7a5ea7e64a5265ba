//! Empowerment and escalation: given who acts, the context and what the reply
//! does, what the policy requires, and where the reply falls short of it.

use super::condition::CompiledCondition;
use super::context::{Context, Proposal};
use super::grants::{CompiledGrants, GrantApplied};
use super::judgement::{Decision, Grant, PolicyCode, PolicyFinding};
use super::negation::Said;
use crate::playbook::{Limit, Playbook, Role};

/// What the policy makes of a proposal.
#[derive(Clone, Debug, PartialEq)]
pub struct PolicyOutcome {
    /// The rank of the role that acts.
    pub acting: usize,
    /// The escalation the rules require: the most senior target among the
    /// rules that hold, if it is above the acting role.
    pub required: Option<Required>,
    pub actions: Vec<ActionRuling>,
    pub findings: Vec<PolicyFinding>,
    /// The rank of the role the case is already with (context key
    /// `escalated`), if any.
    pub already: Option<usize>,
    /// Whether the playbook has no roles, hence no policy.
    pub no_roles: bool,
}

impl PolicyOutcome {
    /// What the policy decides: a required escalation (one the case's place
    /// does not already meet), else the first action it is not the acting
    /// role's to grant, else what the acting role may do on its own.
    pub fn decision(&self, playbook: &Playbook) -> Decision {
        if self.no_roles {
            return Decision::NoRoles;
        }
        let acting = self.acting;
        // A requirement the case's place already meets is not asked for again.
        let open = self
            .required
            .as_ref()
            .filter(|r| self.already.is_none_or(|a| a < r.rank));
        if let Some(required) = open {
            return Decision::Escalate {
                to: required.rank,
                because: required.because.clone(),
                within: within_of(playbook, &required.because),
            };
        }
        for ruling in &self.actions {
            match ruling.ruling {
                Ruling::NeedsRole { rank, own } => {
                    return Decision::OverLimit {
                        acting,
                        action: ruling.action.clone(),
                        amount: ruling.amount,
                        limit: own.map(|g| g.limit),
                        grant: own,
                        to: rank,
                    };
                }
                Ruling::Forbidden { own } => {
                    return Decision::Forbidden {
                        action: ruling.action.clone(),
                        amount: ruling.amount,
                        acting,
                        grant: own,
                    };
                }
                Ruling::Allowed { .. } => {}
            }
        }
        if self.actions.is_empty() {
            return match self.already.filter(|&a| a > acting) {
                Some(role) => Decision::AlreadyWith { role },
                None => Decision::Handles { acting },
            };
        }
        Decision::OnTheSpot {
            acting,
            grants: self
                .actions
                .iter()
                .filter_map(|a| match a.ruling {
                    Ruling::Allowed { grant } => Some(Grant {
                        action: a.action.clone(),
                        amount: a.amount,
                        limit: grant.limit,
                        by: grant,
                    }),
                    _ => None,
                })
                .collect(),
        }
    }
}

/// How soon the first of the escalation rules `because` wants the case taken.
fn within_of(playbook: &Playbook, because: &[usize]) -> Option<crate::playbook::Duration> {
    because
        .first()
        .and_then(|&i| playbook.escalation.get(i))
        .and_then(|e| e.within.as_ref())
        .map(|w| w.value)
}

#[derive(Clone, Debug, PartialEq)]
pub struct Required {
    /// Rank of the target role on the ladder.
    pub rank: usize,
    /// The escalation rules (indices into `Playbook::escalation`) that send the case there.
    pub because: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ActionRuling {
    pub action: String,
    pub amount: f64,
    pub ruling: Ruling,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Ruling {
    /// Within the limit of the acting role's grant that holds.
    Allowed { grant: GrantApplied },
    /// Over it (or no grant of the acting role holds, `own: None`): the
    /// lowest role above whose holding grant covers the amount.
    NeedsRole {
        rank: usize,
        own: Option<GrantApplied>,
    },
    /// No role has a holding grant that covers it.
    Forbidden { own: Option<GrantApplied> },
}

/// Decide a proposal. `acting` is the rank of the acting role; `message` the
/// customer's last message, normalised.
pub fn decide(
    playbook: &Playbook,
    escalations: &[CompiledCondition<'_>],
    grants: &CompiledGrants<'_>,
    acting: usize,
    context: &Context,
    message: &Said,
    proposal: &Proposal,
) -> PolicyOutcome {
    let roles = playbook.roles.as_slice();
    if roles.is_empty() {
        // `check` reports the missing ladder (`schema`); with nobody to act,
        // there is nothing to decide.
        return PolicyOutcome {
            acting,
            required: None,
            actions: Vec::new(),
            findings: Vec::new(),
            already: None,
            no_roles: true,
        };
    }
    let required = required_escalation(playbook, escalations, acting, context, message, proposal);
    let actions: Vec<ActionRuling> = per_incident(proposal)
        .into_iter()
        .map(|(action, amount)| ActionRuling {
            ruling: rule_on(grants, acting, &action, amount, context, message, proposal),
            action,
            amount,
        })
        .collect();
    let escalated = proposal
        .escalate
        .as_deref()
        .and_then(|r| playbook.role_rank(r));
    // Where the case already is (context key `escalated`) meets obligations
    // up to that role, as the reply's own escalation does; only the reply's
    // own can be unneeded.
    let already = context
        .escalated
        .as_deref()
        .and_then(|r| playbook.role_rank(r));
    let met = escalated.max(already);
    let mut findings = Vec::new();

    if let Some(req) = &required
        && met.is_none_or(|e| e < req.rank)
    {
        findings.push(PolicyFinding {
            to: Some(req.rank),
            because: req.because.clone(),
            within: within_of(playbook, &req.because),
            ..PolicyFinding::new(PolicyCode::MissedEscalation, acting)
        });
    }
    for ruling in &actions {
        match ruling.ruling {
            Ruling::NeedsRole { rank, own } if met.is_none_or(|e| e < rank) => {
                findings.push(PolicyFinding {
                    action: Some(ruling.action.clone()),
                    amount: Some(ruling.amount),
                    limit: own.map(|g| g.limit),
                    grant: own,
                    to: Some(rank),
                    ..PolicyFinding::new(PolicyCode::OverLimit, acting)
                });
            }
            Ruling::Forbidden { own } => findings.push(PolicyFinding {
                action: Some(ruling.action.clone()),
                amount: Some(ruling.amount),
                limit: own.map(|g| g.limit),
                grant: own,
                ..PolicyFinding::new(PolicyCode::ForbiddenAction, acting)
            }),
            _ => {}
        }
    }
    let needed = required.is_some()
        || actions
            .iter()
            .any(|a| !matches!(a.ruling, Ruling::Allowed { .. }));
    if let Some(to) = escalated
        && (!needed || to <= acting)
    {
        // Either `to` is not above the acting role, or nothing needs it:
        // the wording tells the two apart by the ranks.
        findings.push(PolicyFinding {
            to: Some(to),
            ..PolicyFinding::new(PolicyCode::UnneededEscalation, acting)
        });
    }
    PolicyOutcome {
        acting,
        required,
        actions,
        findings,
        already,
        no_roles: false,
    }
}

impl PolicyFinding {
    /// A finding of `code` with no facts yet.
    pub fn new(code: PolicyCode, acting: usize) -> PolicyFinding {
        PolicyFinding {
            code,
            severity: code.severity(),
            acting,
            action: None,
            amount: None,
            limit: None,
            to: None,
            because: Vec::new(),
            within: None,
            grant: None,
        }
    }
}

/// The outcome for a free reply that declares nothing it did (no action, no
/// escalation, in flags or in words): the policy is reported as what it
/// requires, and a required escalation the reply does not show is
/// `escalation-not-shown` (`info`), not held against it. Such a reply can
/// break no other obligation: every other finding needs an action or an
/// escalation.
pub fn not_shown(mut outcome: PolicyOutcome) -> PolicyOutcome {
    for finding in &mut outcome.findings {
        if finding.code == PolicyCode::MissedEscalation {
            finding.code = PolicyCode::EscalationNotShown;
            finding.severity = PolicyCode::EscalationNotShown.severity();
        }
    }
    outcome
}

/// The proposal's actions with the amounts of the same action added up: a
/// limit is what a role may grant for one incident, however it is split.
fn per_incident(proposal: &Proposal) -> Vec<(String, f64)> {
    let mut totals: Vec<(String, f64)> = Vec::new();
    for (action, amount) in &proposal.actions {
        match totals.iter_mut().find(|(a, _)| a == action) {
            Some((_, total)) => *total += amount,
            None => totals.push((action.clone(), *amount)),
        }
    }
    totals
}

fn required_escalation(
    playbook: &Playbook,
    escalations: &[CompiledCondition<'_>],
    acting: usize,
    context: &Context,
    message: &Said,
    proposal: &Proposal,
) -> Option<Required> {
    let mut required: Option<Required> = None;
    for (index, (rule, condition)) in playbook.escalation.iter().zip(escalations).enumerate() {
        let Some(rank) = playbook.role_rank(&rule.to) else {
            continue;
        };
        if rank <= acting || !condition.holds(context, message, Some(proposal)) {
            continue;
        }
        match &mut required {
            Some(r) if r.rank == rank => r.because.push(index),
            Some(r) if r.rank > rank => {}
            _ => {
                required = Some(Required {
                    rank,
                    because: vec![index],
                });
            }
        }
    }
    required
}

/// One band of an action's amounts, seen from an acting role: amounts up to
/// `up_to` (and above the band before) are the decision of the role of rank
/// `rank`. Amounts above the last band are no role's to grant.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    pub rank: usize,
    pub up_to: Limit,
}

/// Who decides an action, by amount, when the role of rank `acting` is asked:
/// the acting role's own limit first (if it may grant the action at all),
/// then each role above whose limit reaches further than every band before
/// it. A case over a limit goes to the lowest role whose limit covers it, so
/// a senior role with a smaller limit (`ladder-inversion`) is passed over.
///
/// This is the one place that decides it: `validate`, `grade` and the drill
/// rule on an amount through it ([`decide`]), and the policy document prints
/// its bands, so the two cannot word the same decision differently.
pub fn authority(roles: &[Role], acting: usize, action: &str) -> Vec<Band> {
    let mut bands: Vec<Band> = Vec::new();
    for (rank, role) in roles.iter().enumerate().skip(acting) {
        let Some(limit) = role.limit(action) else {
            continue;
        };
        if bands.last().is_none_or(|b| b.up_to.is_less_than(limit)) {
            bands.push(Band { rank, up_to: limit });
        }
    }
    bands
}

/// Rule on one action of the proposal (its amounts of the incident added
/// up): the acting role's holding grant, if it covers the amount; else the
/// lowest role above whose holding grant does. A role whose grant gives less
/// than one below it (`ladder-inversion`) is passed over, as [`authority`]
/// does for plain limits.
fn rule_on(
    grants: &CompiledGrants<'_>,
    acting: usize,
    action: &str,
    amount: f64,
    context: &Context,
    message: &Said,
    proposal: &Proposal,
) -> Ruling {
    let holding = |rank| grants.holding(rank, action, context, message, Some(proposal));
    let own = holding(acting);
    if let Some(grant) = own.filter(|g| g.limit.allows(amount)) {
        return Ruling::Allowed { grant };
    }
    (acting + 1..grants.ranks())
        .find(|&rank| holding(rank).is_some_and(|g| g.limit.allows(amount)))
        .map_or(Ruling::Forbidden { own }, |rank| Ruling::NeedsRole {
            rank,
            own,
        })
}
