//! Ids: each unique within its kind, and every reference naming something that
//! exists (`duplicate-id`, `unknown-step`, `unknown-role`, `unknown-action`,
//! `unknown-value`, `unknown-beat`).

use std::collections::HashMap;

use super::code::Code;
use super::context::CheckContext;
use crate::playbook::{Clause, Condition, Pos, Spanned};
use crate::util::suggest::unknown_id_help;

pub fn check(ctx: &mut CheckContext) {
    let pb = ctx.playbook;
    duplicates(ctx, "value", pb.philosophy.values.iter().map(|v| &v.id));
    duplicates(ctx, "role", pb.roles.iter().map(|r| &r.id));
    duplicates(ctx, "action", pb.actions.iter().map(|a| &a.id));
    duplicates(ctx, "step", pb.steps.iter().map(|s| &s.id));
    duplicates(ctx, "rule", pb.rules.iter().map(|r| &r.id));
    duplicates(ctx, "escalation rule", pb.escalation.iter().map(|e| &e.id));
    duplicates(ctx, "scenario", pb.scenarios.iter().map(|s| &s.id));
    for scenario in &pb.scenarios {
        duplicates(ctx, "beat", scenario.beats.iter().map(|b| &b.id));
    }

    let values: Vec<&str> = pb.philosophy.values.iter().map(|v| v.id.as_str()).collect();
    let roles: Vec<&str> = pb.roles.iter().map(|r| r.id.as_str()).collect();
    let actions: Vec<&str> = pb.actions.iter().map(|a| a.id.as_str()).collect();
    let steps: Vec<&str> = pb.steps.iter().map(|s| s.id.as_str()).collect();

    for step in pb.steps.iter() {
        for value in &step.values {
            unknown(ctx, Code::UnknownValue, "value", value, &values, || {
                format!(
                    "step `{}` names value `{value}`, which is not defined",
                    step.id
                )
            });
        }
    }
    for role in pb.roles.iter() {
        for (action, _) in role.may.iter() {
            unknown(ctx, Code::UnknownAction, "action", action, &actions, || {
                format!(
                    "role `{}` may grant `{action}`, which is not a defined action",
                    role.id
                )
            });
        }
    }
    for rule in &pb.rules {
        for step in rule.at.iter().flat_map(|at| at.iter()) {
            unknown(ctx, Code::UnknownStep, "step", step, &steps, || {
                format!(
                    "rule `{}` applies at step `{step}`, which is not defined",
                    rule.id
                )
            });
        }
    }
    for escalation in &pb.escalation {
        unknown(
            ctx,
            Code::UnknownRole,
            "role",
            &escalation.to,
            &roles,
            || {
                format!(
                    "escalation `{}` goes to role `{}`, which is not defined",
                    escalation.id, escalation.to
                )
            },
        );
        condition_actions(
            ctx,
            &escalation.when,
            &actions,
            &format!("escalation `{}`", escalation.id),
        );
    }
    for scenario in &pb.scenarios {
        if let Some(role) = &scenario.role {
            unknown(ctx, Code::UnknownRole, "role", role, &roles, || {
                format!(
                    "scenario `{}` is played as role `{role}`, which is not defined",
                    scenario.id
                )
            });
        }
        let beats: Vec<&str> = scenario.beats.iter().map(|b| b.id.as_str()).collect();
        for beat in scenario.beats.iter() {
            unknown(ctx, Code::UnknownStep, "step", &beat.step, &steps, || {
                format!(
                    "beat `{}` exercises step `{}`, which is not defined",
                    beat.id, beat.step
                )
            });
            for (target, pos) in beat.next_targets() {
                let target = Spanned::new(target.to_owned(), pos);
                unknown(ctx, Code::UnknownBeat, "beat", &target, &beats, || {
                    format!(
                        "beat `{}` goes next to `{target}`, which is not a beat of scenario `{}`",
                        beat.id, scenario.id
                    )
                });
            }
            let Some(decide) = &beat.decide else { continue };
            for choice in decide.choices.iter() {
                if let Some(role) = &choice.escalate {
                    unknown(ctx, Code::UnknownRole, "role", role, &roles, || {
                        format!(
                            "a choice of beat `{}` escalates to `{role}`, which is not a defined role",
                            beat.id
                        )
                    });
                }
                for (action, _) in choice.action.iter().flat_map(|a| a.iter()) {
                    unknown(ctx, Code::UnknownAction, "action", action, &actions, || {
                        format!(
                            "a choice of beat `{}` takes action `{action}`, which is not defined",
                            beat.id
                        )
                    });
                }
            }
        }
    }
}

/// Report every id after the first of each spelling.
fn duplicates<'a>(
    ctx: &mut CheckContext,
    kind: &str,
    ids: impl Iterator<Item = &'a Spanned<String>>,
) {
    let mut first: HashMap<&str, Pos> = HashMap::new();
    for id in ids {
        if let Some(earlier) = first.get(id.as_str()) {
            ctx.report(
                Code::DuplicateId,
                id.pos,
                format!("there is already a {kind} with id `{id}`"),
            )
            .help(format!(
                "the first is at line {}; give each {kind} its own id",
                earlier.line
            ));
        } else {
            first.insert(id.as_str(), id.pos);
        }
    }
}

fn unknown(
    ctx: &mut CheckContext,
    code: Code,
    kind: &str,
    id: &Spanned<String>,
    known: &[&str],
    message: impl FnOnce() -> String,
) {
    if !known.contains(&id.as_str()) {
        let help = unknown_id_help(id, kind, known.iter().copied());
        ctx.report(code, id.pos, message()).maybe_help(help);
    }
}

fn condition_actions(ctx: &mut CheckContext, when: &Condition, actions: &[&str], owner: &str) {
    for clause in &when.clauses {
        if let Clause::Action(action) = &clause.value {
            let action = if action.pos.is_known() {
                action.clone()
            } else {
                Spanned::new(action.value.clone(), clause.pos)
            };
            unknown(ctx, Code::UnknownAction, "action", &action, actions, || {
                format!("{owner} is about action `{action}`, which is not defined")
            });
        }
    }
}
