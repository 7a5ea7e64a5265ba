//! `schema` findings that serde cannot see: id spelling, fields that do not fit
//! a rule's `check`, beats that are both a reply and a decision, numbers out of
//! range. Structural errors (unknown field, wrong type) come from the loader.

use std::sync::LazyLock;

use regex::Regex;

use super::code::Code;
use super::context::CheckContext;
use crate::playbook::{Beat, CheckKind, Clause, Pos, Rule, Spanned};

/// The playbook id: kebab-case ASCII, since it names files and appears in URLs.
static PLAYBOOK_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-z0-9]+(?:-[a-z0-9]+)*$").expect("valid regex"));

/// Other ids: lower-case letters of any script (so a Chinese playbook may use
/// Chinese ids) and digits, in words joined by `-` or `_`.
static ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\p{Ll}\p{Lo}\p{Lm}\p{Nd}]+(?:[-_][\p{Ll}\p{Lo}\p{Lm}\p{Nd}]+)*$")
        .expect("valid regex")
});

/// A BCP 47 tag in its common shapes: `en`, `zh-CN`, `zh-Hant-TW`, `es-419`.
static LANGUAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$").expect("valid regex"));

pub fn check(ctx: &mut CheckContext) {
    let pb = ctx.playbook;
    let id = &pb.playbook;
    if !PLAYBOOK_ID.is_match(id) {
        ctx.report(
            Code::Schema,
            id.pos,
            format!("playbook id `{id}` is not kebab-case"),
        )
        .help("use lower-case ASCII letters and digits joined by `-`, e.g. `hotel-poolside`");
    }
    if let Some(language) = &pb.language
        && !LANGUAGE.is_match(language)
    {
        ctx.report(
            Code::Schema,
            language.pos,
            format!("`{language}` is not a BCP 47 language tag"),
        )
        .help("write a tag such as `en`, `de`, `zh-CN` or `ja`");
    }
    if let Some(mark) = &pb.pass_mark
        && !(0.0..=100.0).contains(&mark.value)
    {
        ctx.report(
            Code::Schema,
            mark.pos,
            format!("pass mark {} is not a percentage", mark.value),
        )
        .help("write a number from 0 to 100");
    }
    if pb.roles.is_empty() {
        ctx.report(
            Code::Schema,
            pb.roles.pos,
            "a playbook needs at least one role",
        )
        .help("list the escalation ladder, front line first, e.g. `- {id: agent, title: Agent}`");
    }
    if pb.steps.is_empty() {
        ctx.report(
            Code::Schema,
            pb.steps.pos,
            "a playbook needs at least one step",
        );
    }

    let ids = pb
        .philosophy
        .values
        .iter()
        .map(|v| &v.id)
        .chain(pb.roles.iter().map(|r| &r.id))
        .chain(pb.actions.iter().map(|a| &a.id))
        .chain(pb.steps.iter().map(|s| &s.id))
        .chain(pb.rules.iter().map(|r| &r.id))
        .chain(pb.escalation.iter().map(|e| &e.id))
        .chain(pb.scenarios.iter().map(|s| &s.id))
        .chain(
            pb.scenarios
                .iter()
                .flat_map(|s| s.beats.iter().map(|b| &b.id)),
        );
    for id in ids {
        // A pack rule's id is `PACK/ID` (`playbook::packs`); only pack rules
        // may carry the prefix, so a playbook's own ids never clash with them.
        let own = if id.pos.is_in_pack() {
            id.split_once('/').map_or(id.as_str(), |(_, rule)| rule)
        } else {
            id.as_str()
        };
        if !ID.is_match(own) {
            ctx.report(Code::Schema, id.pos, format!("`{id}` is not a valid id"))
                .help("ids are lower-case words joined by `-` or `_`, e.g. `warm-greeting`; no spaces");
        }
    }

    for rule in &pb.rules {
        check_rule(ctx, rule);
    }
    for scenario in &pb.scenarios {
        if scenario.beats.is_empty() {
            ctx.report(
                Code::Schema,
                scenario.beats.pos,
                format!("scenario `{}` has no beats", scenario.id),
            )
            .help("a scenario needs at least one beat; the first one starts it");
        }
        for beat in scenario.beats.iter() {
            check_beat(ctx, beat);
        }
    }
}

fn check_rule(ctx: &mut CheckContext, rule: &Rule) {
    let kind = rule.check.value;
    // Which optional fields each kind takes; anything else is a mistake that
    // would otherwise be silently ignored.
    let fields: [(&str, Option<Pos>, bool); 6] = [
        (
            "phrases",
            rule.phrases.as_ref().map(|p| p.pos),
            matches!(kind, CheckKind::Mention | CheckKind::Avoid),
        ),
        (
            "patterns",
            rule.patterns.as_ref().map(|p| p.pos),
            matches!(kind, CheckKind::Mention | CheckKind::Avoid),
        ),
        (
            "swap",
            rule.swap.as_ref().map(|s| s.pos),
            kind == CheckKind::Swap,
        ),
        (
            "max_words",
            rule.max_words.as_ref().map(|m| m.pos),
            kind == CheckKind::Length,
        ),
        (
            "min_words",
            rule.min_words.as_ref().map(|m| m.pos),
            kind == CheckKind::Length,
        ),
        (
            "min",
            rule.min.as_ref().map(|m| m.pos),
            kind == CheckKind::Echo,
        ),
    ];
    for (field, pos, fits) in fields {
        if let (Some(pos), false) = (pos, fits) {
            ctx.report(
                Code::Schema,
                pos,
                format!(
                    "`{field}` does not apply to a `{kind}` rule (rule `{}`)",
                    rule.id
                ),
            )
            .help(fields_of(kind));
        }
    }
    if let (Some(min), Some(max)) = (&rule.min_words, &rule.max_words)
        && min.value > max.value
    {
        ctx.report(
            Code::Schema,
            min.pos,
            format!(
                "rule `{}` asks for at least {} words but at most {}: no reply can pass",
                rule.id, min.value, max.value
            ),
        );
    }
    if let Some(weight) = &rule.weight
        && !(weight.value.is_finite() && weight.value > 0.0)
    {
        ctx.report(
            Code::Schema,
            weight.pos,
            format!("weight {} is not above zero", weight.value),
        )
        .help("a weight is a positive number; the default is 1");
    }
    for phrase in rule.phrases().iter().chain(rule.patterns()) {
        if phrase.trim().is_empty() {
            ctx.report(
                Code::Schema,
                phrase.pos,
                format!("rule `{}` has an empty phrase", rule.id),
            )
            .help("remove it: an empty phrase would match nothing");
        }
    }
    if let Some(swap) = &rule.swap {
        for (discouraged, _) in swap.iter() {
            if discouraged.trim().is_empty() {
                ctx.report(
                    Code::Schema,
                    discouraged.pos,
                    format!("rule `{}` swaps an empty phrase", rule.id),
                );
            }
        }
    }
    if let Some(when) = &rule.when {
        for clause in &when.clauses {
            if matches!(clause.value, Clause::Action(_) | Clause::Amount(_)) {
                ctx.report(
                    Code::Schema,
                    clause.pos,
                    format!(
                        "`{}` is a condition on what staff do, so it fits escalation rules only (rule `{}`)",
                        clause.key(),
                        rule.id
                    ),
                )
                .help("a text rule judges words; put conditions on actions in `escalation`");
            }
        }
    }
}

fn fields_of(kind: CheckKind) -> &'static str {
    match kind {
        CheckKind::Mention | CheckKind::Avoid => {
            "a mention or avoid rule takes `phrases` and/or `patterns`"
        }
        CheckKind::Swap => "a swap rule takes `swap: {discouraged: preferred}`",
        CheckKind::Length => "a length rule takes `max_words` and/or `min_words`",
        CheckKind::Echo => {
            "an echo rule takes `min`, the number of the beat's key facts to mention"
        }
    }
}

fn check_beat(ctx: &mut CheckContext, beat: &Beat) {
    let Some(decide) = &beat.decide else {
        return;
    };
    let free_reply: Option<Pos> = beat
        .model
        .as_ref()
        .map(|m| m.pos)
        .or_else(|| beat.wrong.first().map(|w| w.pos));
    if let Some(pos) = free_reply {
        ctx.report(
            Code::Schema,
            pos,
            format!(
                "beat `{}` is both a free reply (`model`, `wrong`) and a decision (`decide`)",
                beat.id
            ),
        )
        .help("split it into two beats, or drop `model`/`wrong` from the decision");
    }
    for choice in decide.choices.iter() {
        if let (Some(_), Some(escalate)) = (&choice.action, &choice.escalate) {
            ctx.report(
                Code::Schema,
                escalate.pos,
                format!("choice \"{}\" both acts and escalates", choice.say.value),
            )
            .help("a choice has at most one of `action` and `escalate`; make two choices");
        }
        if let Some(action) = &choice.action {
            check_choice_action(ctx, action);
        }
    }
}

fn check_choice_action(
    ctx: &mut CheckContext,
    action: &Spanned<crate::playbook::SpannedMap<String, f64>>,
) {
    if action.len() != 1 {
        ctx.report(
            Code::Schema,
            action.pos,
            format!("a choice takes exactly one action, found {}", action.len()),
        )
        .help("write it as `action: {ACTION: AMOUNT}`, e.g. `action: {replace: 6}`");
    }
    for (id, amount) in action.iter() {
        if !(amount.value.is_finite() && amount.value >= 0.0) {
            ctx.report(
                Code::Schema,
                amount.pos,
                format!(
                    "the amount of `{id}` must be 0 or more, not {}",
                    amount.value
                ),
            );
        }
    }
}
