//! Checks that run the reply engine over the playbook's own examples:
//! `model-fails`, `wrong-passes`, `decision-contradicts-policy`,
//! `untested-rule`; and the rule-set checks `rule-contradiction` and
//! `unbound-placeholder`.

use super::code::Code;
use super::context::CheckContext;
use crate::conversation::exchange::{self, Exchange};
use crate::conversation::{ConversationJudge, Reason};
use crate::engine::context::{CUSTOMER_PLACEHOLDERS, is_known_placeholder};
use crate::engine::matcher::abbreviated;
use crate::engine::normalize::normalize;
use crate::engine::replay::Replay;
use crate::engine::{Context, Engine, Problem, Proposal, placeholder};
use crate::playbook::{Beat, CheckKind, Clause, Condition, Rule, Scenario, Severity, Spanned};
use crate::util::suggest::closest;
use crate::words::check::{Help, Message};

/// `engine` is the playbook compiled (shared with the rules' own examples);
/// `tested_by_examples[i]`: whether a `fail` example of rule `i` fails it.
pub fn check(
    ctx: &mut CheckContext,
    engine: Result<&Engine, &crate::engine::PatternError>,
    tested_by_examples: &[bool],
) {
    unbound_placeholders(ctx);
    contradictions(ctx);
    // Without every pattern compiled there is no engine to run the examples
    // with. `invalid-pattern` has reported syntax errors; a pattern can also
    // parse and still be too large to build, which only building shows.
    let engine = match engine {
        Ok(engine) => engine,
        Err(err) => return too_large_to_build(ctx, err),
    };
    // Each example reply is judged once, against every rule of its step at
    // once (see `engine::replay`), so this grows with the playbook, not with
    // examples × rules.
    let mut replay = engine.replay();
    // Decisions whose actions are tool calls are judged by the procedures too.
    let procedures = (!ctx.playbook.procedures.is_empty())
        .then(|| ConversationJudge::new(engine).ok())
        .flatten();
    for scenario in &ctx.playbook.scenarios {
        // Free replies are judged by the rules alone; only decisions need the
        // role the trainee plays.
        let role_known = scenario
            .role
            .as_ref()
            .is_none_or(|r| ctx.playbook.role(r).is_some());
        let moods = moods_along_paths(scenario);
        for (beat, mood) in scenario.beats.iter().zip(moods) {
            if ctx.playbook.step(&beat.step).is_none() {
                continue; // `unknown-step`
            }
            let mut context = Context::of_scenario(ctx.playbook, scenario);
            context.customer_mood = mood;
            context.enter_beat(beat);
            if beat.is_decision() {
                if role_known {
                    let exchanges = procedures
                        .as_ref()
                        .map(|_| exchanges_to(scenario, beat))
                        .unwrap_or_default();
                    decision(ctx, engine, procedures.as_ref(), &exchanges, &context, beat);
                }
            } else {
                examples(ctx, engine, &mut replay, &context, scenario, beat);
            }
        }
    }
    for (index, (rule, caught)) in ctx.playbook.rules.iter().zip(replay.caught()).enumerate() {
        let by_example = tested_by_examples.get(index).copied().unwrap_or(false);
        // A rule that cannot work is reported as what it is (`unknown-step`,
        // `empty-rule`, `unbound-placeholder`), not also as untested.
        if !caught && !by_example && !is_broken(ctx, rule) {
            untested(ctx, rule);
        }
    }
}

/// Report what the engine could not build, unless it is already reported
/// (a pattern's syntax error, a phrase over the limit), so `check` never
/// passes a playbook `validate` refuses.
fn too_large_to_build(ctx: &mut CheckContext, err: &crate::engine::PatternError) {
    let code = match err.problem {
        Problem::Pattern => Code::InvalidPattern,
        Problem::PhraseTooLong | Problem::HandoffTooLong | Problem::Phrases => Code::PhraseTooLong,
    };
    let pos = if err.pos.is_known() {
        err.pos
    } else {
        crate::playbook::Pos::FILE_START
    };
    if ctx.has_reported(code, pos) {
        return;
    }
    let phrase = abbreviated(&err.pattern);
    let help = match err.problem {
        Problem::Pattern => Help::SimplifyPattern,
        Problem::PhraseTooLong | Problem::HandoffTooLong | Problem::Phrases => Help::ShortenPhrases,
    };
    let message = crate::words::engine::message(err, &phrase);
    ctx.report(code, pos, message).help(help);
}

/// The customer's mood as each beat is entered: a beat's `mood` holds from
/// that beat on, so it is carried along `next`. Where several paths reach a
/// beat, the shortest from the first beat decides.
fn moods_along_paths(scenario: &Scenario) -> Vec<Option<String>> {
    let start = scenario.customer.mood.as_ref().map(|m| m.value.clone());
    let beats = scenario.beats.as_slice();
    let mut moods: Vec<Option<Option<String>>> = vec![None; beats.len()];
    let mut queue = std::collections::VecDeque::new();
    if !beats.is_empty() {
        moods[0] = Some(start.clone());
        queue.push_back(0);
    }
    while let Some(i) = queue.pop_front() {
        let entering = moods[i].clone().flatten();
        let leaving = beats[i].mood.as_ref().map(|m| m.value.clone()).or(entering);
        for (target, _) in beats[i].next_targets() {
            if let Some(j) = beats.iter().position(|b| b.id.as_str() == target)
                && moods[j].is_none()
            {
                moods[j] = Some(leaving.clone());
                queue.push_back(j);
            }
        }
    }
    moods
        .into_iter()
        .map(|m| m.unwrap_or_else(|| start.clone()))
        .collect()
}

/// Whether a rule is reported as unable to work, so that "untested" would only
/// repeat it.
fn is_broken(ctx: &CheckContext, rule: &Rule) -> bool {
    let misplaced = rule
        .at
        .as_ref()
        .is_some_and(|at| at.iter().all(|s| ctx.playbook.step(s).is_none()));
    let empty = rule.is_empty();
    let unbound = rule
        .phrases()
        .iter()
        .chain(rule.patterns())
        .any(|t| placeholder::find(t).any(|(_, key)| !is_known_placeholder(key)));
    misplaced || empty || unbound
}

/// The model must pass; each wrong reply must fail some rule. Every rule a
/// wrong reply fails is shown to work.
fn examples(
    ctx: &mut CheckContext,
    engine: &Engine,
    replay: &mut Replay,
    context: &Context,
    scenario: &Scenario,
    beat: &Beat,
) {
    if let Some(model) = &beat.model
        && !replay.passes(model, context)
    {
        // The rare failing model is judged in full, for the rules' messages.
        let judgement = engine.judge(model, context, None);
        // Each rule with what it says, without its full stop: it is quoted
        // inside a sentence.
        let messages: Vec<(&str, String)> = judgement
            .findings
            .iter()
            .filter(|f| f.fails_reply())
            .map(|f| (f.rule, ctx.words.rule_message(f).into_owned()))
            .collect();
        let failing: Vec<(&str, &str)> = messages
            .iter()
            .map(|(rule, says)| (*rule, says.trim_end_matches(['.', '。'])))
            .collect();
        ctx.report(
            Code::ModelFails,
            model.pos,
            Message::ModelFails {
                beat: &beat.id,
                scenario: &scenario.id,
                failing: &failing,
            },
        )
        .help(Help::ModelShowsGood);
    }
    for wrong in &beat.wrong {
        if !replay.fails_some_rule(wrong, context) {
            ctx.report(
                Code::WrongPasses,
                wrong.pos,
                Message::WrongPasses {
                    beat: &beat.id,
                    scenario: &scenario.id,
                    step: &beat.step,
                },
            )
            .help(Help::CatchIt);
        }
    }
}

/// What was said and done at the beats before `target` on a path to it
/// from the first beat (pass branches first): each free beat's `model`, each
/// decision's best choice. Empty when no path reaches it.
fn exchanges_to<'s>(scenario: &'s Scenario, target: &Beat) -> Vec<Exchange<'s>> {
    let Some(first) = scenario.beats.first() else {
        return Vec::new();
    };
    let mut path: Vec<&Beat> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    if !walk(scenario, first, target, &mut path, &mut seen) {
        return Vec::new();
    }
    path.iter()
        .map(|beat| {
            let best = beat
                .decide
                .as_ref()
                .and_then(|d| d.choices.iter().find(|c| c.is_best()));
            Exchange {
                customer: &beat.customer,
                agent: best
                    .map(|c| c.say.as_str())
                    .or(beat.model.as_ref().map(|m| m.value.as_str())),
                action: best
                    .and_then(|c| c.action.as_ref())
                    .and_then(|a| a.iter().next())
                    .map(|(id, amount)| (id.as_str(), amount.value)),
            }
        })
        .collect()
}

/// Depth first from `at` to `target`, collecting the beats before it.
fn walk<'s>(
    scenario: &'s Scenario,
    at: &'s Beat,
    target: &Beat,
    path: &mut Vec<&'s Beat>,
    seen: &mut Vec<&'s str>,
) -> bool {
    if at.id.as_str() == target.id.as_str() {
        return true;
    }
    if seen.contains(&at.id.as_str()) {
        return false;
    }
    seen.push(at.id.as_str());
    path.push(at);
    for (next, _) in at.next_targets() {
        if let Some(beat) = scenario.beat(next)
            && walk(scenario, beat, target, path, seen)
        {
            return true;
        }
    }
    path.pop();
    false
}

/// The best choice must be what the policy decides, and break no procedure
/// of severity `error` (judged on the path to it as a conversation).
fn decision(
    ctx: &mut CheckContext,
    engine: &Engine,
    procedures: Option<&ConversationJudge<'_, '_>>,
    before: &[Exchange<'_>],
    context: &Context,
    beat: &Beat,
) {
    let Some(decide) = &beat.decide else { return };
    let marked: Vec<_> = decide.choices.iter().filter(|c| c.is_best()).collect();
    let [choice] = marked.as_slice() else {
        return; // `no-best-choice`
    };
    let pb = ctx.playbook;
    let proposal = Proposal::of_choice(choice);
    if proposal
        .actions
        .iter()
        .any(|(id, _)| pb.action(id).is_none())
        || choice
            .escalate
            .as_ref()
            .is_some_and(|r| pb.role(r).is_none())
    {
        return; // `unknown-action`, `unknown-role`
    }
    let outcome = engine.decide(context, &proposal);
    let broken = procedures.map_or_else(Vec::new, |judge| {
        let mut exchanges = before.to_vec();
        exchanges.push(Exchange {
            customer: &beat.customer,
            agent: Some(&choice.say),
            action: proposal
                .actions
                .first()
                .map(|(id, amount)| (id.as_str(), *amount)),
        });
        let conversation = exchange::conversation_of(pb, context, &exchanges);
        exchange::broken_by_last(judge, &conversation, exchanges.len())
            .into_iter()
            .filter(|b| b.severity == Severity::Error && b.reason != Reason::NotSaidAfter)
            .collect()
    });
    if outcome.findings.is_empty() && broken.is_empty() {
        return;
    }
    let mut messages: Vec<(String, &str)> = outcome
        .findings
        .iter()
        .map(|f| (ctx.words.policy_finding(pb, f), f.code.as_str()))
        .collect();
    for b in &broken {
        // One problem a procedure, in its author's words where it has them.
        if messages.iter().any(|(_, id)| *id == b.procedure) {
            continue;
        }
        let why = ctx.words.procedure_reason(b.reason);
        messages.push((b.message.map_or(why, str::to_owned), b.procedure));
    }
    let problems: Vec<(&str, &str)> = messages
        .iter()
        .map(|(message, code)| (message.trim_end_matches(['.', '。']), *code))
        .collect();
    let decision = ctx.words.decision(pb, &outcome.decision(pb));
    let pos = choice.best.as_ref().map_or(choice.say.pos, |b| b.pos);
    ctx.report(
        Code::DecisionContradictsPolicy,
        pos,
        Message::DecisionContradictsPolicy {
            beat: &beat.id,
            say: &choice.say.value,
            problems: &problems,
        },
    )
    .help(Help::PolicyDecides {
        decision: &decision,
    });
}

fn untested(ctx: &mut CheckContext, rule: &Rule) {
    let pb = ctx.playbook;
    let steps: Vec<&str> = pb
        .steps
        .iter()
        .filter(|s| rule.applies_at(&s.id))
        .map(|s| s.id.as_str())
        .collect();
    ctx.report(
        Code::UntestedRule,
        rule.id.pos,
        Message::UntestedRule { rule: &rule.id },
    )
    .help(Help::AddWrongReply { steps: &steps });
}

/// A placeholder no context can fill, such as `{customer.email}`.
fn unbound_placeholders(ctx: &mut CheckContext) {
    for rule in &ctx.playbook.rules {
        let texts = rule.phrases().iter().chain(rule.patterns()).chain(
            rule.swap
                .iter()
                .flat_map(|s| s.iter())
                .flat_map(|(k, v)| [k, v]),
        );
        for text in texts {
            for (_, key) in placeholder::find(text) {
                if is_known_placeholder(key) {
                    continue;
                }
                let known: Vec<&str> = CUSTOMER_PLACEHOLDERS
                    .iter()
                    .copied()
                    .chain(["facts.KEY"])
                    .collect();
                let help = match closest(key, known.iter().copied()) {
                    Some(key) => Help::DidYouMeanPlaceholder { key },
                    None => Help::PlaceholdersAre,
                };
                ctx.report(
                    Code::UnboundPlaceholder,
                    text.pos,
                    Message::UnboundPlaceholder {
                        rule: &rule.id,
                        key,
                    },
                )
                .help(help);
            }
        }
    }
}

/// A `mention` rule and an `avoid` rule that share a phrase where both apply.
///
/// Mention rules are indexed by their normalised phrases, so each avoid rule
/// meets only the mention rules it shares a phrase with: comparing every pair
/// grew with avoid × mention rules (and normalised each mention phrase once
/// per avoid rule), the slowest part of `check` on a large playbook.
fn contradictions(ctx: &mut CheckContext) {
    use std::collections::{HashMap, HashSet};
    let rules = &ctx.playbook.rules;
    let wanted: Vec<HashSet<String>> = rules
        .iter()
        .map(|r| {
            if r.check.value == CheckKind::Mention {
                r.phrases().iter().map(|p| normalize(p)).collect()
            } else {
                HashSet::new()
            }
        })
        .collect();
    let mut wanted_by: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, phrases) in wanted.iter().enumerate() {
        for phrase in phrases {
            wanted_by.entry(phrase.as_str()).or_default().push(index);
        }
    }
    for avoid in rules.iter().filter(|r| r.check.value == CheckKind::Avoid) {
        let forbidden: Vec<Option<String>> = avoid
            .phrases()
            .iter()
            .map(|p| (!placeholder::has_any(p)).then(|| normalize(p)))
            .collect();
        let mut mentions: Vec<usize> = forbidden
            .iter()
            .flatten()
            .filter_map(|p| wanted_by.get(p.as_str()))
            .flatten()
            .copied()
            .collect();
        mentions.sort_unstable();
        mentions.dedup();
        for index in mentions {
            let mention = &rules[index];
            let Some(step) = common_step(ctx, avoid, mention) else {
                continue;
            };
            if !compatible(avoid.when.as_deref(), mention.when.as_deref()) {
                continue;
            }
            for (phrase, normalized) in avoid.phrases().iter().zip(&forbidden) {
                if !normalized
                    .as_ref()
                    .is_some_and(|n| wanted[index].contains(n))
                {
                    continue;
                }
                ctx.report(
                    Code::RuleContradiction,
                    phrase.pos,
                    Message::RuleContradiction {
                        avoid: &avoid.id,
                        phrase: &phrase.value,
                        mention: &mention.id,
                        step: &step,
                    },
                )
                .help(Help::CannotSayAndAvoid);
            }
        }
    }
}

/// A step where both rules apply, if any.
fn common_step(ctx: &CheckContext, a: &Rule, b: &Rule) -> Option<String> {
    ctx.playbook
        .steps
        .iter()
        .find(|s| a.applies_at(&s.id) && b.applies_at(&s.id))
        .map(|s| s.id.value.clone())
}

/// Whether some context could satisfy both conditions: they clash only where
/// both constrain the same thing to values that cannot meet.
fn compatible(a: Option<&Condition>, b: Option<&Condition>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return true;
    };
    a.clauses
        .iter()
        .all(|x| b.clauses.iter().all(|y| clauses_can_meet(x, y)))
}

fn clauses_can_meet(a: &Spanned<Clause>, b: &Spanned<Clause>) -> bool {
    let overlap = |x: &crate::playbook::Texts, y: &crate::playbook::Texts| {
        x.iter()
            .any(|p| y.iter().any(|q| p.trim().eq_ignore_ascii_case(q.trim())))
    };
    match (&a.value, &b.value) {
        (Clause::Fact { key: k1, value: v1 }, Clause::Fact { key: k2, value: v2 }) => {
            k1 != k2 || v1.same_as(v2)
        }
        (Clause::Fact { key: k1, value }, Clause::FactOneOf { key: k2, values })
        | (Clause::FactOneOf { key: k2, values }, Clause::Fact { key: k1, value }) => {
            k1 != k2 || values.iter().any(|v| v.same_as(value))
        }
        (Clause::FactOneOf { key: k1, values: x }, Clause::FactOneOf { key: k2, values: y }) => {
            k1 != k2 || x.iter().any(|v| y.iter().any(|w| v.same_as(w)))
        }
        (Clause::Fact { key: k1, value }, Clause::FactRange { key: k2, bounds })
        | (Clause::FactRange { key: k2, bounds }, Clause::Fact { key: k1, value }) => {
            k1 != k2 || bounds.contains(value)
        }
        (Clause::CustomerMood(x), Clause::CustomerMood(y))
        | (Clause::CustomerTier(x), Clause::CustomerTier(y)) => overlap(x, y),
        (Clause::Contacts(x), Clause::Contacts(y)) => {
            let low = x
                .min
                .as_ref()
                .map_or(0, |m| m.value)
                .max(y.min.as_ref().map_or(0, |m| m.value));
            let high = x
                .max
                .as_ref()
                .map_or(u32::MAX, |m| m.value)
                .min(y.max.as_ref().map_or(u32::MAX, |m| m.value));
            low <= high
        }
        (Clause::Waiting(x), Clause::Waiting(y)) => {
            let low = x
                .min
                .as_ref()
                .map_or(0, |m| m.value.seconds)
                .max(y.min.as_ref().map_or(0, |m| m.value.seconds));
            let high = x
                .max
                .as_ref()
                .map_or(u64::MAX, |m| m.value.seconds)
                .min(y.max.as_ref().map_or(u64::MAX, |m| m.value.seconds));
            low <= high
        }
        _ => true,
    }
}
