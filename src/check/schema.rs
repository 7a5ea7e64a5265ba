//! `schema` findings that serde cannot see: id spelling, fields that do not fit
//! a rule's `check`, beats that are both a reply and a decision, numbers out of
//! range. Structural errors (unknown field, wrong type) come from the loader.

use std::sync::LazyLock;

use regex::Regex;

use super::code::Code;
use super::context::CheckContext;
use crate::playbook::{Beat, CheckKind, Clause, Pos, Rule, Spanned};
use crate::words::check::{Help, Message};

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
        ctx.report(Code::Schema, id.pos, Message::PlaybookIdNotKebab { id })
            .help(Help::KebabCase);
    }
    if let Some(language) = &pb.language
        && !LANGUAGE.is_match(language)
    {
        ctx.report(
            Code::Schema,
            language.pos,
            Message::NotALanguageTag { tag: language },
        )
        .help(Help::LanguageTag);
    }
    if let Some(mark) = &pb.pass_mark
        && !(0.0..=100.0).contains(&mark.value)
    {
        ctx.report(
            Code::Schema,
            mark.pos,
            Message::PassMarkNotPercentage { mark: mark.value },
        )
        .help(Help::NumberTo100);
    }
    if pb.roles.is_empty() {
        ctx.report(Code::Schema, pb.roles.pos, Message::NoRoles)
            .help(Help::ListTheLadder);
    }
    if pb.steps.is_empty() {
        ctx.report(Code::Schema, pb.steps.pos, Message::NoSteps);
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
        .chain(pb.facts.iter().map(|f| &f.id))
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
            ctx.report(Code::Schema, id.pos, Message::InvalidId { id })
                .help(Help::IdShape);
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
                Message::NoBeats {
                    scenario: &scenario.id,
                },
            )
            .help(Help::FirstBeatStarts);
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
                Message::FieldNotForKind {
                    field,
                    check: kind,
                    rule: &rule.id,
                },
            )
            .help(Help::FieldsOf { check: kind });
        }
    }
    if let (Some(min), Some(max)) = (&rule.min_words, &rule.max_words)
        && min.value > max.value
    {
        ctx.report(
            Code::Schema,
            min.pos,
            Message::MinOverMax {
                rule: &rule.id,
                min: min.value,
                max: max.value,
            },
        );
    }
    if let Some(weight) = &rule.weight
        && !(weight.value.is_finite() && weight.value > 0.0)
    {
        ctx.report(
            Code::Schema,
            weight.pos,
            Message::WeightNotPositive {
                weight: weight.value,
            },
        )
        .help(Help::PositiveWeight);
    }
    for phrase in rule.phrases().iter().chain(rule.patterns()) {
        if phrase.trim().is_empty() {
            ctx.report(
                Code::Schema,
                phrase.pos,
                Message::EmptyPhrase { rule: &rule.id },
            )
            .help(Help::RemoveEmptyPhrase);
        }
    }
    if let Some(swap) = &rule.swap {
        for (discouraged, _) in swap.iter() {
            if discouraged.trim().is_empty() {
                ctx.report(
                    Code::Schema,
                    discouraged.pos,
                    Message::EmptySwap { rule: &rule.id },
                );
            }
        }
    }
    if let Some(when) = &rule.when {
        for clause in when.all_clauses() {
            if matches!(clause.value, Clause::Action(_) | Clause::Amount(_)) {
                ctx.report(
                    Code::Schema,
                    clause.pos,
                    Message::StaffConditionOnTextRule {
                        key: &clause.key(),
                        rule: &rule.id,
                    },
                )
                .help(Help::ConditionsInEscalation);
            }
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
            Message::ReplyAndDecision { beat: &beat.id },
        )
        .help(Help::SplitBeat);
    }
    for choice in decide.choices.iter() {
        if let (Some(_), Some(escalate)) = (&choice.action, &choice.escalate) {
            ctx.report(
                Code::Schema,
                escalate.pos,
                Message::ActsAndEscalates {
                    say: &choice.say.value,
                },
            )
            .help(Help::ActOrEscalate);
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
            Message::NotOneAction {
                count: action.len(),
            },
        )
        .help(Help::ActionShape);
    }
    // Each amount was checked as it was read (`playbook::Amount`).
}
