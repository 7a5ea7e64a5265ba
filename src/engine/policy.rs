//! Empowerment and escalation: given who acts, the context and what the reply
//! does, what the policy requires, and where the reply falls short of it.

use super::condition::CompiledCondition;
use super::context::{Context, Proposal};
use super::judgement::{PolicyCode, PolicyFinding};
use super::negation::Said;
use crate::playbook::{EscalationRule, Limit, Playbook, Role, format_amount};

/// What the policy makes of a proposal.
#[derive(Clone, Debug, PartialEq)]
pub struct PolicyOutcome {
    /// The escalation the rules require: the most senior target among the
    /// rules that hold, if it is above the acting role.
    pub required: Option<Required>,
    pub actions: Vec<ActionRuling>,
    pub findings: Vec<PolicyFinding>,
    /// What the policy decides, in one sentence (empty where not asked for).
    pub decision: String,
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
    /// Within the acting role's limit.
    Allowed { limit: Limit },
    /// Over it (or not the role's to grant): the lowest role above that may.
    NeedsRole { rank: usize, limit: Option<Limit> },
    /// No role may grant it.
    Forbidden,
}

/// Decide a proposal. `acting` is the rank of the acting role; `message` the
/// customer's last message, normalised.
pub fn decide(
    playbook: &Playbook,
    escalations: &[CompiledCondition<'_>],
    acting: usize,
    context: &Context,
    message: &Said,
    proposal: &Proposal,
    with_decision: bool,
) -> PolicyOutcome {
    let roles = playbook.roles.as_slice();
    if roles.is_empty() {
        // `check` reports the missing ladder (`schema`); with nobody to act,
        // there is nothing to decide.
        return PolicyOutcome {
            required: None,
            actions: Vec::new(),
            findings: Vec::new(),
            decision: String::from(
                "The playbook defines no roles, so there is no policy to apply.",
            ),
        };
    }
    let required = required_escalation(playbook, escalations, acting, context, message, proposal);
    let actions: Vec<ActionRuling> = per_incident(proposal)
        .into_iter()
        .map(|(action, amount)| ActionRuling {
            ruling: rule_on(roles, acting, &action, amount),
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
            code: PolicyCode::MissedEscalation,
            severity: PolicyCode::MissedEscalation.severity(),
            action: None,
            amount: None,
            to: Some(roles[req.rank].id.value.clone()),
            because: req
                .because
                .iter()
                .map(|&i| playbook.escalation[i].id.value.clone())
                .collect(),
            message: escalation_sentence(playbook, req),
        });
    }
    for ruling in &actions {
        match ruling.ruling {
            Ruling::NeedsRole { rank, limit } if met.is_none_or(|e| e < rank) => {
                findings.push(PolicyFinding {
                    code: PolicyCode::OverLimit,
                    severity: PolicyCode::OverLimit.severity(),
                    action: Some(ruling.action.clone()),
                    amount: Some(ruling.amount),
                    to: Some(roles[rank].id.value.clone()),
                    because: Vec::new(),
                    message: over_limit_sentence(
                        playbook,
                        &roles[acting],
                        ruling,
                        limit,
                        &roles[rank],
                    ),
                });
            }
            Ruling::Forbidden => findings.push(PolicyFinding {
                code: PolicyCode::ForbiddenAction,
                severity: PolicyCode::ForbiddenAction.severity(),
                action: Some(ruling.action.clone()),
                amount: Some(ruling.amount),
                to: None,
                because: Vec::new(),
                message: forbidden_sentence(playbook, ruling),
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
        let message = if to <= acting {
            format!(
                "{} is not above {} on the ladder: handing the case there only makes the customer wait.",
                capitalise(&the(&roles[to])),
                the(&roles[acting])
            )
        } else {
            format!(
                "{} may handle this alone: no escalation rule applies and every action is within their limits, so sending it to {} only makes the customer wait.",
                capitalise(&the(&roles[acting])),
                the(&roles[to])
            )
        };
        findings.push(PolicyFinding {
            code: PolicyCode::UnneededEscalation,
            severity: PolicyCode::UnneededEscalation.severity(),
            action: None,
            amount: None,
            to: Some(roles[to].id.value.clone()),
            because: Vec::new(),
            message,
        });
    }
    // The sentence is for people; batch grading skips writing it.
    let decision = if with_decision {
        // A requirement the case's place already meets is not asked for again.
        let open = required
            .as_ref()
            .filter(|r| already.is_none_or(|a| a < r.rank));
        let with = already.filter(|&a| a > acting && open.is_none());
        decision_sentence(playbook, acting, open, &actions, with)
    } else {
        String::new()
    };
    PolicyOutcome {
        required,
        actions,
        findings,
        decision,
    }
}

/// The outcome for a free reply that declares nothing it did (no action, no
/// escalation, in flags or in words): the policy is reported as what it
/// requires, and a required escalation the reply does not show is
/// `escalation-not-shown` (`info`), not held against it. Such a reply can
/// break no other obligation: every other finding needs an action or an
/// escalation.
pub fn not_shown(playbook: &Playbook, mut outcome: PolicyOutcome) -> PolicyOutcome {
    for finding in &mut outcome.findings {
        if finding.code != PolicyCode::MissedEscalation {
            continue;
        }
        finding.code = PolicyCode::EscalationNotShown;
        finding.severity = PolicyCode::EscalationNotShown.severity();
        let to = finding.to.as_deref().and_then(|r| playbook.role(r));
        if let Some(to) = to {
            finding.message = not_shown_sentence(playbook, to);
        }
    }
    outcome
}

/// What `escalation-not-shown` says, in the playbook's language (the
/// requirement itself, with its reason and time, is the decision's).
fn not_shown_sentence(playbook: &Playbook, to: &Role) -> String {
    use crate::render::labels::Lang;
    match Lang::of(playbook.language()) {
        Lang::Zh => format!(
            "回复没有表明已把此事交给{}（政策要求如此），因此不按此判定。",
            to.title.trim()
        ),
        Lang::En => format!(
            "The reply does not show the case going to {}, as the policy requires; it is not judged on that.",
            the(to)
        ),
    }
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

fn rule_on(roles: &[Role], acting: usize, action: &str, amount: f64) -> Ruling {
    let own = roles.get(acting).and_then(|r| r.limit(action));
    match authority(roles, acting, action)
        .into_iter()
        .find(|band| band.up_to.allows(amount))
    {
        Some(band) if band.rank == acting => Ruling::Allowed { limit: band.up_to },
        Some(band) => Ruling::NeedsRole {
            rank: band.rank,
            limit: own,
        },
        None => Ruling::Forbidden,
    }
}

/// "the duty manager": a role's title as it reads in a sentence.
pub fn the(role: &Role) -> String {
    let title = role.title.as_str();
    let mut chars = title.chars();
    let lowered = match (chars.next(), chars.next()) {
        // Lower-case "Duty manager", keep "GM" and "VP Sales".
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(title.chars().skip(1)).collect()
        }
        _ => title.to_owned(),
    };
    if lowered.chars().next().is_some_and(char::is_lowercase) {
        format!("the {lowered}")
    } else {
        lowered
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn amount_with_unit(playbook: &Playbook, action: &str, amount: f64) -> String {
    let unit = playbook
        .action(action)
        .and_then(|a| a.unit.as_ref())
        .map(|u| format!(" {u}"))
        .unwrap_or_default();
    format!("{}{unit}", format_amount(amount))
}

fn limit_with_unit(playbook: &Playbook, action: &str, limit: Limit) -> String {
    match limit {
        Limit::Amount(a) => amount_with_unit(playbook, action, a),
        Limit::Unlimited => "no limit".to_owned(),
    }
}

fn escalation_sentence(playbook: &Playbook, required: &Required) -> String {
    let target = &playbook.roles[required.rank];
    let first = &playbook.escalation[required.because[0]];
    let within = first
        .within
        .as_ref()
        .map(|w| format!(" within {}", w.value))
        .unwrap_or_default();
    let why = rule_reason(first);
    format!("{why}: it goes to {}{within}.", the(target))
}

fn rule_reason(rule: &EscalationRule) -> String {
    match &rule.why {
        Some(why) => why.trim().trim_end_matches('.').to_owned(),
        None => format!("Escalation rule `{}` applies", rule.id),
    }
}

fn over_limit_sentence(
    playbook: &Playbook,
    acting: &Role,
    ruling: &ActionRuling,
    own: Option<Limit>,
    to: &Role,
) -> String {
    let what = format!(
        "{} {}",
        ruling.action,
        amount_with_unit(playbook, &ruling.action, ruling.amount)
    );
    match own {
        Some(limit) => format!(
            "{what} is over {}'s limit of {}: take it to {}.",
            the(acting),
            limit_with_unit(playbook, &ruling.action, limit),
            the(to)
        ),
        None => format!(
            "{} may not {} at all: take it to {}.",
            capitalise(&the(acting)),
            ruling.action,
            the(to)
        ),
    }
}

fn forbidden_sentence(playbook: &Playbook, ruling: &ActionRuling) -> String {
    format!(
        "No role may {} {}: do not offer it.",
        ruling.action,
        amount_with_unit(playbook, &ruling.action, ruling.amount)
    )
}

fn decision_sentence(
    playbook: &Playbook,
    acting: usize,
    required: Option<&Required>,
    actions: &[ActionRuling],
    already_with: Option<usize>,
) -> String {
    let roles = playbook.roles.as_slice();
    if let Some(required) = required {
        return escalation_sentence(playbook, required);
    }
    for ruling in actions {
        match ruling.ruling {
            Ruling::NeedsRole { rank, limit } => {
                return over_limit_sentence(playbook, &roles[acting], ruling, limit, &roles[rank]);
            }
            Ruling::Forbidden => return forbidden_sentence(playbook, ruling),
            Ruling::Allowed { .. } => {}
        }
    }
    let actor = capitalise(&the(&roles[acting]));
    match actions {
        [] => match already_with {
            Some(with) => format!(
                "The case is already with {}: nothing more to escalate.",
                the(&roles[with])
            ),
            None => format!("{actor} handles this: no escalation rule applies."),
        },
        [one] => {
            let limit = match one.ruling {
                Ruling::Allowed { limit } => limit_with_unit(playbook, &one.action, limit),
                _ => String::new(),
            };
            format!(
                "{actor} may do this on the spot: {} {} is within their limit of {limit}.",
                one.action,
                amount_with_unit(playbook, &one.action, one.amount)
            )
        }
        _ => format!("{actor} may do this on the spot: every action is within their limits."),
    }
}
