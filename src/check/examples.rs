//! A rule's own `examples`: replies that rule alone must pass, and must fail
//! (`example-fails`, `example-passes`, `example-skipped`). A `fail` example
//! that fails its rule shows the rule works, as a `wrong` reply does
//! (`untested-rule`).

use super::code::Code;
use super::context::CheckContext;
use crate::engine::{Context, Engine, RuleFinding, Status};
use crate::playbook::{CheckKind, Rule, Spanned};
use crate::words::{Locale, Words};

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
                Status::Fail => {
                    ctx.report(
                        Code::ExampleFails,
                        reply.pos,
                        format!(
                            "a `pass` example of rule `{}` fails it{}",
                            rule.id,
                            why_failed(&finding)
                        ),
                    )
                    .help(
                        "change the rule until the example passes, or move the example to `fail`",
                    );
                }
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
                        format!("a `fail` example of rule `{}` passes it", rule.id),
                    )
                    .help("add the phrase or pattern the example shows to the rule, or move the example to `pass`");
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
        if let Err(why) = context.set(key, value.value.clone()) {
            ctx.report(
                Code::Schema,
                key.pos,
                format!("`examples_context` of rule `{}`: {why}", rule.id),
            );
        }
    }
    Some(context)
}

fn skipped(ctx: &mut CheckContext, rule: &Rule, reply: &Spanned<String>, context: &Context) {
    let why = if rule.check.value == CheckKind::Echo && context.key_facts.is_empty() {
        "it is an `echo` rule and the context has no key facts (give `key_facts: \"a, b\"` in `examples_context`)"
    } else if rule.when.is_some() {
        "its `when` does not hold, or a placeholder has no value, in `examples_context`"
    } else {
        "a placeholder has no value in `examples_context`"
    };
    let step = &context.step;
    ctx.report(
        Code::ExampleSkipped,
        reply.pos,
        format!(
            "an example of rule `{}` cannot be judged: the rule is skipped at step `{step}` because {why}",
            rule.id
        ),
    )
    .help("give the rule an `examples_context` where it applies, e.g. `examples_context: {customer.name: Dana, facts.at_fault: true, message: \"I cut myself\"}`");
}

/// ": “who pays”" for the words that failed it, or what was counted.
fn why_failed(finding: &RuleFinding) -> String {
    if !finding.matches.is_empty() && finding.status == Status::Fail {
        let words: Vec<String> = finding
            .matches
            .iter()
            .map(|m| format!("“{}”", m.text))
            .collect();
        return format!(": it says {}", words.join(", "));
    }
    // `check` speaks English for now, whatever the playbook's language.
    let words = Words::new(Locale::En);
    match &finding.detail {
        Some(detail) => format!(" ({})", words.rule_detail(detail)),
        None => format!(
            " ({})",
            words.rule_message(finding).trim_end_matches(['.', '。'])
        ),
    }
}
