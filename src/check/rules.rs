//! Rules that cannot work (`invalid-pattern`, `empty-rule`) and steps no rule
//! covers (`step-without-rules`).

use super::code::Code;
use super::context::CheckContext;
use crate::engine::matcher::regex_reason;
use crate::engine::placeholder;
use crate::playbook::{CheckKind, Rule};

pub fn check(ctx: &mut CheckContext) {
    let pb = ctx.playbook;
    for rule in &pb.rules {
        patterns_compile(ctx, rule);
        not_empty(ctx, rule);
    }
    for step in pb.steps.iter() {
        if !pb.rules.iter().any(|r| r.applies_at(&step.id)) {
            ctx.report(
                Code::StepWithoutRules,
                step.id.pos,
                format!(
                    "no rule applies at step `{}`, so no reply there can fail",
                    step.id
                ),
            )
            .help(format!(
                "add a rule with `at: [{}]`, or one without `at`, which applies at every step",
                step.id
            ));
        }
    }
}

fn patterns_compile(ctx: &mut CheckContext, rule: &Rule) {
    for pattern in rule.patterns() {
        // A placeholder is filled before compiling (`{` would read as a
        // repetition), so it stands in as a plain word here.
        let Some(literal) = placeholder::fill(pattern, |_| Some("placeholder".to_owned())) else {
            continue;
        };
        // Parsing finds every syntax error at a fraction of the cost of
        // building the matcher, which the reply engine does once, later.
        let parsed = regex_syntax::ParserBuilder::new()
            .case_insensitive(true)
            .build()
            .parse(&literal);
        if let Err(err) = parsed {
            ctx.report(
                Code::InvalidPattern,
                pattern.pos,
                format!(
                    "pattern `{}` of rule `{}` does not compile: {}",
                    pattern.value,
                    rule.id,
                    regex_reason(&err.to_string())
                ),
            )
            .help("patterns use Rust regex syntax (no look-around or backreferences); to match text literally, use `phrases`");
        }
    }
}

fn not_empty(ctx: &mut CheckContext, rule: &Rule) {
    if rule.is_empty() {
        let what = match rule.check.value {
            CheckKind::Mention | CheckKind::Avoid => "add `phrases` or `patterns`",
            CheckKind::Swap => "add `swap: {discouraged: preferred}`",
            CheckKind::Length => "add `max_words` and/or `min_words`",
            CheckKind::Echo => unreachable!("echo rules are never empty"),
        };
        ctx.report(
            Code::EmptyRule,
            rule.id.pos,
            format!("rule `{}` has nothing to check", rule.id),
        )
        .help(format!("{what}, or remove the rule"));
    }
}
