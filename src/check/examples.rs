//! A rule's own `examples`: replies that rule alone must pass, and must fail
//! (`example-fails`, `example-passes`, `example-skipped`). A `fail` example
//! that fails its rule shows the rule works, as a `wrong` reply does
//! (`untested-rule`).

use super::code::Code;
use super::context::CheckContext;
use crate::engine::context::CONTEXT_KEYS;
use crate::engine::{Context, Engine, RuleFinding, Status};
use crate::playbook::{CheckKind, Rule, Scalar, Spanned};
use crate::util::suggest::closest;
use crate::words::check::{ContextFault, Help, Message, SkipReason};

/// Judge every rule's examples; for each rule, whether a `fail` example
/// failed it.
pub fn check(ctx: &mut CheckContext, engine: &Engine) -> Vec<bool> {
    let pb = ctx.playbook;
    let mut tested = vec![false; pb.rules.len()];
    for (index, rule) in pb.rules.iter().enumerate() {
        let Some(examples) = &rule.examples else {
            continue;
        };
        // A pack's examples are the pack's own tests, checked with the pack
        // (`check --bundled`): the playbook's author cannot change them.
        // They still show that the rule works, for `untested-rule`.
        if rule.id.pos.is_in_pack() {
            tested[index] = examples.fail.iter().any(|reply| {
                engine
                    .judge_rule(index, reply, &Context::at_step(pb, ""))
                    .is_some_and(|f| f.status == Status::Fail)
            });
            continue;
        }
        let Some(context) = context_of(ctx, rule) else {
            continue;
        };
        for reply in &examples.pass {
            let Some(finding) = engine.judge_rule(index, reply, &context) else {
                continue;
            };
            match finding.status {
                Status::Pass => {}
                Status::Fail => example_fails(ctx, rule, reply, &finding),
                Status::Skipped => skipped(ctx, rule, reply, &context),
            }
        }
        for reply in &examples.fail {
            let Some(finding) = engine.judge_rule(index, reply, &context) else {
                continue;
            };
            match finding.status {
                Status::Fail => tested[index] = true,
                Status::Pass => {
                    ctx.report(
                        Code::ExamplePasses,
                        reply.pos,
                        Message::ExamplePasses { rule: &rule.id },
                    )
                    .help(Help::AddPhraseOrMoveToPass);
                }
                Status::Skipped => skipped(ctx, rule, reply, &context),
            }
        }
    }
    tested
}

/// The context a rule's examples are judged in: the first step of its `at`
/// (else the playbook's first step), and its `examples_context`, read as
/// `validate --set` reads its keys. `None` where there is no such step
/// (`unknown-step` says so).
fn context_of(ctx: &mut CheckContext, rule: &Rule) -> Option<Context> {
    let pb = ctx.playbook;
    let step = match &rule.at {
        Some(at) => at.first()?,
        None => &pb.steps.first()?.id,
    };
    pb.step(step)?;
    let mut context = Context::at_step(pb, step);
    for (key, value) in rule.examples_context.iter().flat_map(|c| c.iter()) {
        if context.set(key, value.value.clone()).is_err() {
            let text = value.value.to_string();
            ctx.report(
                Code::Schema,
                key.pos,
                Message::ExamplesContext {
                    rule: &rule.id,
                    fault: context_fault(key, &value.value, &text),
                },
            );
        }
    }
    Some(context)
}

/// Why `Context::set` refused a key of `examples_context`, as data. It
/// refuses a key it does not know, `contacts` that are no whole number (or
/// out of range), and a `waiting` that is no duration; anything else it takes.
fn context_fault<'v>(key: &'v str, value: &Scalar, text: &'v str) -> ContextFault<'v> {
    match key {
        "contacts" if matches!(value, Scalar::Int(_)) => ContextFault::NotContacts { value: text },
        "contacts" => ContextFault::NotWholeNumber { value: text },
        "waiting" => ContextFault::NotDuration { value: text },
        _ => ContextFault::UnknownKey {
            key,
            suggestion: closest(key, CONTEXT_KEYS.split(", ")),
            keys: CONTEXT_KEYS,
        },
    }
}

fn example_fails(
    ctx: &mut CheckContext,
    rule: &Rule,
    reply: &Spanned<String>,
    finding: &RuleFinding,
) {
    let said: Vec<&str> = finding.matches.iter().map(|m| m.text.as_str()).collect();
    // The words that failed it, or what was counted, or what the rule says.
    let message = if said.is_empty() {
        let reason = match &finding.detail {
            Some(detail) => ctx.words.rule_detail(detail),
            None => ctx.words.rule_message(finding).into_owned(),
        };
        let reason = reason.trim_end_matches(['.', '。']);
        ctx.report(
            Code::ExampleFails,
            reply.pos,
            Message::ExampleFailsBecause {
                rule: &rule.id,
                reason,
            },
        )
    } else {
        ctx.report(
            Code::ExampleFails,
            reply.pos,
            Message::ExampleFailsSaying {
                rule: &rule.id,
                said: &said,
            },
        )
    };
    message.help(Help::ChangeRuleOrMoveToFail);
}

fn skipped(ctx: &mut CheckContext, rule: &Rule, reply: &Spanned<String>, context: &Context) {
    let why = if rule.check.value == CheckKind::Echo && context.key_facts.is_empty() {
        SkipReason::EchoWithoutFacts
    } else if rule.when.is_some() {
        SkipReason::WhenOrPlaceholder
    } else {
        SkipReason::Placeholder
    };
    ctx.report(
        Code::ExampleSkipped,
        reply.pos,
        Message::ExampleSkipped {
            rule: &rule.id,
            step: &context.step,
            why,
        },
    )
    .help(Help::GiveExamplesContext);
}
