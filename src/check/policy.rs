//! The empowerment ladder and escalation rules against each other:
//! `ladder-inversion`, `escalation-shadows-empowerment`, `escalation-to-front-line`.

use super::code::Code;
use super::context::CheckContext;
use crate::playbook::{Action, EscalationRule, Limit};
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
}

/// A senior role that may grant less than someone below it: a case sent up
/// the ladder lands with someone who cannot say yes.
fn ladder_inversion(ctx: &mut CheckContext, action: &Action) {
    let roles = ctx.playbook.roles.as_slice();
    for (rank, senior) in roles.iter().enumerate() {
        // The most generous role below this one.
        let Some((junior, junior_limit)) = roles[..rank]
            .iter()
            .filter_map(|r| r.limit(&action.id).map(|l| (r, l)))
            .reduce(|a, b| if a.1.is_less_than(b.1) { b } else { a })
        else {
            continue;
        };
        let senior_grants = senior.may.get(&action.id);
        match senior_grants.map(|g| (g.value.unconditional(), g.pos)) {
            Some((Some(limit), pos)) if limit.is_less_than(junior_limit) => {
                // Only an amount is less than another limit.
                let Limit::Amount(amount) = limit else {
                    continue;
                };
                ctx.report(
                    Code::LadderInversion,
                    pos,
                    Message::LadderBelowJunior {
                        senior: &senior.id,
                        action: &action.id,
                        limit: amount,
                        junior: &junior.id,
                        junior_limit,
                    },
                )
                .help(Help::GiveAtLeast {
                    role: &senior.id,
                    limit: junior_limit,
                });
            }
            Some(_) => {}
            None => {
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
        }
    }
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
            .filter_map(|r| r.limit(&action.id).map(|l| (r, l)))
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
