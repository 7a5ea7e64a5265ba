//! The empowerment ladder and escalation rules against each other:
//! `ladder-inversion`, `escalation-shadows-empowerment`, `escalation-to-front-line`,
//! and a role's own grants against each other (`unreachable-grant`, in [`grants`]).

use super::code::Code;
use super::context::CheckContext;
use super::grants;
use crate::playbook::{Action, EscalationRule, Grant, Limit, Role};
use crate::words::check::{Help, Message};

pub fn check(ctx: &mut CheckContext) {
    let pb = ctx.playbook;
    for action in &pb.actions {
        ladder_inversion(ctx, action);
    }
    for escalation in &pb.escalation {
        to_front_line(ctx, escalation);
        shadows_empowerment(ctx, escalation);
    }
    grants::check(ctx);
}

/// A senior role that may grant less than someone below it: a case sent up
/// the ladder lands with someone who cannot say yes.
///
/// Grants are compared only between the same case ([`grants::same_case`]:
/// identical `when` and `per`): where conditions differ, the two grants may
/// never hold together, and which one is "more" is not a question. A plain
/// limit is the case that always holds, so version 1 ladders compare as
/// before. Of a role's grants for one case, only the first can apply.
fn ladder_inversion(ctx: &mut CheckContext, action: &Action) {
    let roles = ctx.playbook.roles.as_slice();
    for (rank, senior) in roles.iter().enumerate() {
        let Some(entry) = senior.may.get(&action.id) else {
            // Not the senior's to grant in any case: against what a role
            // below may grant whatever the case.
            if let Some((junior, junior_limit)) = most_generous(&roles[..rank], action, None) {
                ctx.report(
                    Code::LadderInversion,
                    senior.id.pos,
                    Message::LadderMayNotGrant {
                        senior: &senior.id,
                        action: &action.id,
                        junior: &junior.id,
                        junior_limit,
                    },
                )
                .help(Help::AddToMay {
                    role: &senior.id,
                    action: &action.id,
                    limit: junior_limit,
                });
            }
            continue;
        };
        let list = &entry.value.list;
        for (index, grant) in list.iter().enumerate() {
            if list[..index].iter().any(|g| grants::same_case(g, grant)) {
                continue; // never applies (`unreachable-grant`)
            }
            // Only an amount is less than another limit.
            let Limit::Amount(amount) = grant.up_to.value else {
                continue;
            };
            let Some((junior, junior_limit)) = most_generous(&roles[..rank], action, Some(grant))
            else {
                continue;
            };
            if !grant.up_to.value.is_less_than(junior_limit) {
                continue;
            }
            let message = if grant.always_holds() {
                Message::LadderBelowJunior {
                    senior: &senior.id,
                    action: &action.id,
                    limit: amount,
                    junior: &junior.id,
                    junior_limit,
                }
            } else {
                Message::LadderGrantBelowJunior {
                    senior: &senior.id,
                    action: &action.id,
                    index: index + 1,
                    when: grant.when.as_ref().map(|w| &w.value),
                    per: grant.per.as_ref().map(|p| p.value.as_str()),
                    limit: amount,
                    junior: &junior.id,
                    junior_limit,
                }
            };
            ctx.report(Code::LadderInversion, grant.pos, message)
                .help(Help::GiveAtLeast {
                    role: &senior.id,
                    limit: junior_limit,
                });
        }
    }
}

/// The role among `roles` whose grant for the case of `like` (`None`: the
/// case that always holds) is the largest, with that limit. A role's grant
/// for a case is the first of its list for that case.
fn most_generous<'p>(
    roles: &'p [Role],
    action: &Action,
    like: Option<&Grant>,
) -> Option<(&'p Role, Limit)> {
    roles
        .iter()
        .filter_map(|r| {
            let grant = r.grants(&action.id)?.list.iter().find(|g| match like {
                Some(like) => grants::same_case(g, like),
                None => g.always_holds(),
            })?;
            Some((r, grant.up_to.value))
        })
        .reduce(|a, b| if a.1.is_less_than(b.1) { b } else { a })
}

fn to_front_line(ctx: &mut CheckContext, escalation: &EscalationRule) {
    let Some(front) = ctx.playbook.roles.first() else {
        return;
    };
    if escalation.to.as_str() == front.id.as_str() && ctx.playbook.roles.len() > 1 {
        ctx.report(
            Code::EscalationToFrontLine,
            escalation.to.pos,
            Message::EscalationToFrontLine {
                escalation: &escalation.id,
                role: &escalation.to,
            },
        )
        .help(Help::SendHigher);
    }
}

/// An escalation on action and amount alone that sends up amounts some role
/// below its target may grant: the ladder says "yes, you may", the rule says
/// "no, take it up". (Rules with other conditions, such as a third contact,
/// are deliberate exceptions and are not compared.)
///
/// Only grants that hold whatever the case are compared (no `when`, no
/// `per`): a conditional grant may not hold where the rule fires, so the two
/// need not contradict; a `per` grant's limit is a fact times the amount,
/// not a constant the rule's bounds can be set against.
fn shadows_empowerment(ctx: &mut CheckContext, escalation: &EscalationRule) {
    let pb = ctx.playbook;
    let when = &escalation.when;
    let Some((bounds, amount_pos)) = when.amount() else {
        return;
    };
    if !when.is_only_about_the_action() {
        return;
    }
    let Some(target_rank) = pb.role_rank(&escalation.to) else {
        return; // `unknown-role` says it
    };
    let actions: Vec<&Action> = match when.action() {
        Some(id) => pb.action(id).into_iter().collect(),
        None => pb.actions.iter().collect(),
    };
    for action in actions {
        // The most generous role below the target decides whether they clash.
        let below = pb.roles[..target_rank]
            .iter()
            .filter_map(|r| always_limit(r, &action.id).map(|l| (r, l)))
            .filter(|(_, limit)| bounds.overlaps_up_to(*limit))
            .reduce(|a, b| if a.1.is_less_than(b.1) { b } else { a });
        let Some((role, limit)) = below else { continue };
        let help = match limit {
            Limit::Amount(l) => Help::SendUpOnlyOver {
                role: &role.id,
                limit: l,
                action: &action.id,
            },
            Limit::Unlimited => Help::CanNeverApply {
                role: &role.id,
                action: &action.id,
            },
        };
        ctx.report(
            Code::EscalationShadowsEmpowerment,
            amount_pos,
            Message::EscalationShadows {
                escalation: &escalation.id,
                action: &action.id,
                bounds,
                unit: action.unit.as_ref().map(|u| u.value.as_str()),
                to: &escalation.to,
                role: &role.id,
                limit,
            },
        )
        .help(help);
        return;
    }
}

/// The limit of a role's first grant of an action that holds whatever the
/// case (a plain limit, or a grant without `when` and `per`, which applies
/// wherever no grant before it holds).
fn always_limit(role: &Role, action: &str) -> Option<Limit> {
    role.grants(action)?
        .list
        .iter()
        .find(|g| g.always_holds())
        .map(|g| g.up_to.value)
}
