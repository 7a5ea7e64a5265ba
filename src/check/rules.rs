//! Rules that cannot work (`invalid-pattern`, `phrase-too-long`,
//! `empty-rule`) and steps no rule covers (`step-without-rules`).

use super::code::Code;
use super::context::CheckContext;
use crate::engine::matcher::{abbreviated, phrase_too_long, regex_reason};
use crate::engine::placeholder;
use crate::playbook::{CheckKind, Clause, Condition, Pos, Rule, Spanned};

pub fn check(ctx: &mut CheckContext) {
    let pb = ctx.playbook;
    for rule in &pb.rules {
        patterns_compile(ctx, rule);
        phrases_fit(ctx, rule);
        not_empty(ctx, rule);
    }
    for escalation in &pb.escalation {
        says_fit(ctx, "escalation rule", &escalation.id, &escalation.when);
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

/// Every phrase a reply or a customer line is searched for is at most
/// [`crate::engine::MAX_PHRASE_CHARS`] long (the engine refuses longer ones).
fn phrases_fit(ctx: &mut CheckContext, rule: &Rule) {
    let swapped = rule
        .swap
        .iter()
        .flat_map(|s| s.iter())
        .flat_map(|(k, v)| [k, v]);
    for phrase in rule.phrases().iter().chain(swapped) {
        phrase_fits(ctx, "rule", &rule.id, phrase, phrase.pos);
    }
    if let Some(when) = &rule.when {
        says_fit(ctx, "rule", &rule.id, when);
    }
}

fn says_fit(ctx: &mut CheckContext, what: &str, owner: &str, when: &Spanned<Condition>) {
    for clause in &when.clauses {
        if let Clause::CustomerSays(phrases) = &clause.value {
            for phrase in phrases.iter() {
                // `customer_says: hurt` (one text, not a list) has no place of its own.
                let at = if phrase.pos.is_known() {
                    phrase.pos
                } else {
                    clause.pos
                };
                phrase_fits(ctx, what, owner, phrase, at);
            }
        }
    }
}

fn phrase_fits(ctx: &mut CheckContext, what: &str, owner: &str, phrase: &str, at: Pos) {
    if let Some(reason) = phrase_too_long(phrase) {
        ctx.report(
            Code::PhraseTooLong,
            at,
            format!(
                "phrase “{}” of {what} `{owner}` is {reason}",
                abbreviated(phrase)
            ),
        )
        .help("a phrase is words a reply says or avoids: keep the few words that matter, or split it into several phrases");
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
