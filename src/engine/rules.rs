//! The five checks (`mention`, `avoid`, `swap`, `length`, `echo`) on one reply.

use super::context::Context;
use super::judgement::{Match, RuleFinding, Status};
use super::matcher::{Hit, find_phrase};
use super::normalize::{Normalized, count_words, normalize};
use crate::playbook::{CheckKind, Rule};

/// Judge one applicable rule. `hits` are the rule's occurrences in the
/// normalised reply (static and dynamic); `None` means a placeholder had no
/// value, and the rule is skipped.
pub fn judge(
    rule: &Rule,
    hits: Option<&[Hit]>,
    reply: &Normalized,
    original: &str,
    context: &Context,
) -> RuleFinding {
    let mut finding = RuleFinding {
        rule: rule.id.value.clone(),
        check: rule.check.value,
        status: Status::Pass,
        severity: rule.severity(),
        message: rule
            .message
            .as_ref()
            .map_or_else(|| default_message(rule, context), |m| m.value.clone()),
        matches: Vec::new(),
        suggestion: rule.suggest.as_ref().map(|s| s.value.clone()),
        detail: None,
        weight: rule.weight(),
    };
    let Some(hits) = hits else {
        finding.status = Status::Skipped;
        finding.detail = Some("a placeholder has no value in this context".to_owned());
        return finding;
    };
    match rule.check.value {
        CheckKind::Mention => {
            finding.matches = spans(hits, reply, original, |_| None);
            if finding.matches.is_empty() {
                finding.status = Status::Fail;
            }
        }
        CheckKind::Avoid => {
            finding.matches = spans(hits, reply, original, |_| None);
            if !finding.matches.is_empty() {
                finding.status = Status::Fail;
            }
        }
        CheckKind::Swap => {
            let preferred: Vec<&str> = rule
                .swap
                .iter()
                .flat_map(|s| s.iter())
                .map(|(_, p)| p.as_str())
                .collect();
            finding.matches = spans(hits, reply, original, |item| {
                preferred.get(item).map(|p| (*p).to_owned())
            });
            if !finding.matches.is_empty() {
                finding.status = Status::Fail;
                if finding.suggestion.is_none() {
                    finding.suggestion = Some(swap_suggestion(&finding.matches));
                }
            }
        }
        CheckKind::Length => {
            let words = count_words(original);
            let min = rule.min_words.as_ref().map(|m| m.value as usize);
            let max = rule.max_words.as_ref().map(|m| m.value as usize);
            let within = min.is_none_or(|m| words >= m) && max.is_none_or(|m| words <= m);
            finding.detail = Some(match (min, max) {
                (Some(min), Some(max)) => format!("{words} words; between {min} and {max}"),
                (Some(min), None) => format!("{words} words; at least {min}"),
                (None, Some(max)) => format!("{words} words; at most {max}"),
                (None, None) => format!("{words} words"),
            });
            if !within {
                finding.status = Status::Fail;
            }
        }
        CheckKind::Echo => judge_echo(rule, reply, original, context, &mut finding),
    }
    finding
}

fn judge_echo(
    rule: &Rule,
    reply: &Normalized,
    original: &str,
    context: &Context,
    finding: &mut RuleFinding,
) {
    if context.key_facts.is_empty() {
        finding.status = Status::Skipped;
        finding.detail = Some("this beat has no key facts".to_owned());
        return;
    }
    let min = rule
        .min
        .as_ref()
        .map_or(Rule::DEFAULT_ECHO_MIN, |m| m.value) as usize;
    let mut mentioned = 0;
    for fact in &context.key_facts {
        let found = find_phrase(reply.text(), &normalize(fact));
        if !found.is_empty() {
            mentioned += 1;
        }
        finding.matches.extend(
            found
                .into_iter()
                .map(|(s, e)| span(reply, original, s, e, None)),
        );
    }
    finding.matches.sort_by_key(|m| (m.start, m.end));
    finding.detail = Some(format!(
        "mentions {mentioned} of {} key facts ({}); at least {min}",
        context.key_facts.len(),
        context.key_facts.join(", ")
    ));
    if mentioned < min {
        finding.status = Status::Fail;
    }
}

/// The hits as spans of the original text, in order, without repeats.
fn spans(
    hits: &[Hit],
    reply: &Normalized,
    original: &str,
    replacement: impl Fn(usize) -> Option<String>,
) -> Vec<Match> {
    let mut matches: Vec<Match> = hits
        .iter()
        .map(|h| span(reply, original, h.start, h.end, replacement(h.item)))
        .collect();
    matches.sort_by_key(|m| (m.start, m.end));
    matches.dedup_by(|a, b| a.start == b.start && a.end == b.end);
    matches
}

fn span(
    reply: &Normalized,
    original: &str,
    start: usize,
    end: usize,
    replacement: Option<String>,
) -> Match {
    let range = reply.original_range(start, end);
    Match {
        text: original[range.clone()].to_owned(),
        start: range.start,
        end: range.end,
        replacement,
    }
}

fn swap_suggestion(matches: &[Match]) -> String {
    let mut pairs: Vec<String> = Vec::new();
    for m in matches {
        if let Some(r) = &m.replacement {
            let pair = format!("say “{r}” instead of “{}”", m.text);
            if !pairs.contains(&pair) {
                pairs.push(pair);
            }
        }
    }
    let mut text = pairs.join("; ");
    if let Some(first) = text.get(..1) {
        text = first.to_uppercase() + &text[1..];
    }
    text
}

/// A rule without `message` still says what it wants.
fn default_message(rule: &Rule, context: &Context) -> String {
    let list = |items: Vec<String>| -> String {
        let shown: Vec<String> = items.iter().take(5).map(|p| format!("“{p}”")).collect();
        let more = if items.len() > 5 { ", …" } else { "" };
        format!("{}{more}", shown.join(", "))
    };
    let phrases = || {
        rule.phrases()
            .iter()
            .chain(rule.patterns())
            .map(|p| p.value.clone())
            .collect::<Vec<_>>()
    };
    match rule.check.value {
        CheckKind::Mention => format!("Say one of {}.", list(phrases())),
        CheckKind::Avoid => format!("Never say {}.", list(phrases())),
        CheckKind::Swap => "Use the playbook's words.".to_owned(),
        CheckKind::Length => match (&rule.min_words, &rule.max_words) {
            (Some(min), Some(max)) => format!("Use {} to {} words.", min.value, max.value),
            (Some(min), None) => format!("Use at least {} words.", min.value),
            (None, Some(max)) => format!("Use at most {} words.", max.value),
            (None, None) => "Mind the length.".to_owned(),
        },
        CheckKind::Echo => {
            let min = rule
                .min
                .as_ref()
                .map_or(Rule::DEFAULT_ECHO_MIN, |m| m.value);
            if context.key_facts.is_empty() {
                format!("Mention at least {min} of the customer's key facts.")
            } else {
                format!(
                    "Mention at least {min} of {}.",
                    list(context.key_facts.clone())
                )
            }
        }
    }
}
