//! Ids: each unique within its kind, and every reference naming something that
//! exists (`duplicate-id`, `unknown-step`, `unknown-role`, `unknown-action`,
//! `unknown-value`, `unknown-beat`).

use std::collections::HashMap;

use super::code::Code;
use super::context::CheckContext;
use crate::playbook::{Clause, Condition, Pos, Spanned};
use crate::util::suggest::closest;
use crate::words::check::{Help, Kind, Message};

pub fn check(ctx: &mut CheckContext) {
    let pb = ctx.playbook;
    duplicates(ctx, Kind::Value, pb.philosophy.values.iter().map(|v| &v.id));
    duplicates(ctx, Kind::Role, pb.roles.iter().map(|r| &r.id));
    duplicates(ctx, Kind::Action, pb.actions.iter().map(|a| &a.id));
    duplicates(ctx, Kind::Step, pb.steps.iter().map(|s| &s.id));
    duplicates(ctx, Kind::Rule, pb.rules.iter().map(|r| &r.id));
    duplicates(
        ctx,
        Kind::EscalationRule,
        pb.escalation.iter().map(|e| &e.id),
    );
    duplicates(ctx, Kind::Scenario, pb.scenarios.iter().map(|s| &s.id));
    duplicates(ctx, Kind::Fact, pb.facts.iter().map(|f| &f.id));
    for scenario in &pb.scenarios {
        duplicates(ctx, Kind::Beat, scenario.beats.iter().map(|b| &b.id));
    }

    let values: Vec<&str> = pb.philosophy.values.iter().map(|v| v.id.as_str()).collect();
    let roles: Vec<&str> = pb.roles.iter().map(|r| r.id.as_str()).collect();
    let actions: Vec<&str> = pb.actions.iter().map(|a| a.id.as_str()).collect();
    let steps: Vec<&str> = pb.steps.iter().map(|s| s.id.as_str()).collect();

    for step in pb.steps.iter() {
        for value in &step.values {
            unknown(ctx, Code::UnknownValue, Kind::Value, value, &values, || {
                Message::UnknownValueOfStep {
                    step: &step.id,
                    value,
                }
            });
        }
    }
    for role in pb.roles.iter() {
        for (action, _) in role.may.iter() {
            unknown(
                ctx,
                Code::UnknownAction,
                Kind::Action,
                action,
                &actions,
                || Message::UnknownActionOfRole {
                    role: &role.id,
                    action,
                },
            );
        }
    }
    for rule in &pb.rules {
        for step in rule.at.iter().flat_map(|at| at.iter()) {
            unknown(ctx, Code::UnknownStep, Kind::Step, step, &steps, || {
                Message::UnknownStepOfRule {
                    rule: &rule.id,
                    step,
                }
            });
        }
    }
    for escalation in &pb.escalation {
        unknown(
            ctx,
            Code::UnknownRole,
            Kind::Role,
            &escalation.to,
            &roles,
            || Message::UnknownRoleOfEscalation {
                escalation: &escalation.id,
                role: &escalation.to,
            },
        );
        condition_actions(ctx, &escalation.when, &actions, &escalation.id);
        condition_roles(ctx, &escalation.when, &roles, &escalation.id);
    }
    for rule in &pb.rules {
        if let Some(when) = &rule.when {
            condition_roles(ctx, when, &roles, &rule.id);
        }
    }
    for procedure in &pb.procedures {
        for when in [&procedure.when, &procedure.only_when]
            .into_iter()
            .flatten()
        {
            condition_roles(ctx, when, &roles, &procedure.id);
        }
    }
    for scenario in &pb.scenarios {
        if let Some(role) = &scenario.role {
            unknown(ctx, Code::UnknownRole, Kind::Role, role, &roles, || {
                Message::UnknownRoleOfScenario {
                    scenario: &scenario.id,
                    role,
                }
            });
        }
        let beats: Vec<&str> = scenario.beats.iter().map(|b| b.id.as_str()).collect();
        for beat in scenario.beats.iter() {
            unknown(
                ctx,
                Code::UnknownStep,
                Kind::Step,
                &beat.step,
                &steps,
                || Message::UnknownStepOfBeat {
                    beat: &beat.id,
                    step: &beat.step,
                },
            );
            for (target, pos) in beat.next_targets() {
                let target = Spanned::new(target.to_owned(), pos);
                unknown(ctx, Code::UnknownBeat, Kind::Beat, &target, &beats, || {
                    Message::UnknownNextBeat {
                        beat: &beat.id,
                        target: &target,
                        scenario: &scenario.id,
                    }
                });
            }
            let Some(decide) = &beat.decide else { continue };
            for choice in decide.choices.iter() {
                if let Some(role) = &choice.escalate {
                    unknown(ctx, Code::UnknownRole, Kind::Role, role, &roles, || {
                        Message::UnknownRoleOfChoice {
                            beat: &beat.id,
                            role,
                        }
                    });
                }
                for (action, _) in choice.action.iter().flat_map(|a| a.iter()) {
                    unknown(
                        ctx,
                        Code::UnknownAction,
                        Kind::Action,
                        action,
                        &actions,
                        || Message::UnknownActionOfChoice {
                            beat: &beat.id,
                            action,
                        },
                    );
                }
            }
        }
    }
}

/// Report every id after the first of each spelling.
fn duplicates<'a>(
    ctx: &mut CheckContext,
    kind: Kind,
    ids: impl Iterator<Item = &'a Spanned<String>>,
) {
    let mut first: HashMap<&str, Pos> = HashMap::new();
    for id in ids {
        if let Some(earlier) = first.get(id.as_str()) {
            let line = earlier.line;
            ctx.report(Code::DuplicateId, id.pos, Message::DuplicateId { kind, id })
                .help(Help::FirstIsAt { kind, line });
        } else {
            first.insert(id.as_str(), id.pos);
        }
    }
}

fn unknown<'m>(
    ctx: &mut CheckContext,
    code: Code,
    kind: Kind,
    id: &Spanned<String>,
    known: &[&str],
    message: impl FnOnce() -> Message<'m>,
) {
    if !known.contains(&id.as_str()) {
        let help = unknown_id_help(id, kind, known);
        ctx.report(code, id.pos, message()).help(help);
    }
}

/// For an id that names nothing: the likely typo, or what there is.
pub(super) fn unknown_id_help<'k>(wrong: &str, kind: Kind, known: &'k [&'k str]) -> Help<'k> {
    match closest(wrong, known.iter().copied()) {
        Some(id) => Help::DidYouMean { id },
        None if known.is_empty() => Help::NoneDefined { kind },
        None => Help::KindsAre { kind, ids: known },
    }
}

/// The roles of `escalated` entries, nested ones too, of `owner`'s condition.
fn condition_roles(ctx: &mut CheckContext, when: &Condition, roles: &[&str], owner: &str) {
    for clause in when.all_clauses() {
        if let Clause::Escalated(role) = &clause.value {
            let role = if role.pos.is_known() {
                role.clone()
            } else {
                Spanned::new(role.value.clone(), clause.pos)
            };
            unknown(ctx, Code::UnknownRole, Kind::Role, &role, roles, || {
                Message::UnknownRoleOfCondition { owner, role: &role }
            });
        }
    }
}

fn condition_actions(ctx: &mut CheckContext, when: &Condition, actions: &[&str], escalation: &str) {
    for clause in when.all_clauses() {
        if let Clause::Action(action) = &clause.value {
            let action = if action.pos.is_known() {
                action.clone()
            } else {
                Spanned::new(action.value.clone(), clause.pos)
            };
            unknown(
                ctx,
                Code::UnknownAction,
                Kind::Action,
                &action,
                actions,
                || Message::UnknownActionOfEscalation {
                    escalation,
                    action: &action,
                },
            );
        }
    }
}
