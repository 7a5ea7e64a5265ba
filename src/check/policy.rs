//! The empowerment ladder and escalation rules against each other:
//! `ladder-inversion`, `escalation-shadows-empowerment`, `escalation-to-front-line`.

use super::code::Code;
use super::context::CheckContext;
use crate::playbook::{Action, EscalationRule, Limit};

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
        match senior.may.get(&action.id) {
            Some(limit) if limit.value.is_less_than(junior_limit) => {
                ctx.report(
                    Code::LadderInversion,
                    limit.pos,
                    format!(
                        "`{}` may grant `{}` up to {}, less than `{}` below it ({})",
                        senior.id, action.id, limit.value, junior.id, junior_limit
                    ),
                )
                .help(format!(
                    "give `{}` at least {junior_limit}: a case sent up the ladder must reach someone who can say yes",
                    senior.id
                ));
            }
            Some(_) => {}
            None => {
                ctx.report(
                    Code::LadderInversion,
                    senior.id.pos,
                    format!(
                        "`{}` may not grant `{}` at all, though `{}` below it may grant up to {}",
                        senior.id, action.id, junior.id, junior_limit
                    ),
                )
                .help(format!(
                    "add `{}: {junior_limit}` (or more) to `{}`'s `may`",
                    action.id, senior.id
                ));
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
            format!(
                "escalation `{}` goes to `{}`, the first role on the ladder, which already holds every case",
                escalation.id, escalation.to
            ),
        )
        .help("send it to a more senior role, or remove the rule");
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
        let unit = action
            .unit
            .as_ref()
            .map(|u| format!(" {u}"))
            .unwrap_or_default();
        let help = match limit {
            Limit::Amount(l) => format!(
                "send up only what `{}` may not grant (`amount: {{over: {l}}}`), or lower `{}`'s limit for `{}`",
                role.id, role.id, action.id
            ),
            Limit::Unlimited => format!(
                "`{}` may grant any `{}`, so this rule can never apply as written: remove it or the limit",
                role.id, action.id
            ),
        };
        ctx.report(
            Code::EscalationShadowsEmpowerment,
            amount_pos,
            format!(
                "escalation `{}` sends `{}` {}{unit} to `{}`, but `{}` may grant up to {limit}{unit} on its own: the two rules contradict each other",
                escalation.id,
                action.id,
                bounds.describe(),
                escalation.to,
                role.id,
            ),
        )
        .help(help);
        return;
    }
}
