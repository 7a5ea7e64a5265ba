//! The five checks (`mention`, `avoid`, `swap`, `length`, `echo`) on one reply.

use std::borrow::Cow;
use std::cell::OnceCell;

use super::context::Context;
use super::judgement::{Match, RuleFinding, Status};
use super::matcher::{Hit, find_phrase};
use super::normalize::{Normalized, count_words, normalize};
use super::placeholder;
use crate::playbook::{CheckKind, Rule};

/// A reply being judged: the text as written, normalised, and its word count
/// (counted once, when a `length` rule first asks).
pub struct Reply<'a> {
    pub original: &'a str,
    pub normalized: &'a Normalized,
    words: OnceCell<usize>,
    /// Where each of the context's key facts occurs, found once for all `echo` rules.
    key_facts: OnceCell<Vec<Vec<(usize, usize)>>>,
}

impl<'a> Reply<'a> {
    pub fn new(original: &'a str, normalized: &'a Normalized) -> Self {
        Reply {
            original,
            normalized,
            words: OnceCell::new(),
            key_facts: OnceCell::new(),
        }
    }

    fn key_facts(&self, context: &Context) -> &[Vec<(usize, usize)>] {
        self.key_facts.get_or_init(|| {
            context
                .key_facts
                .iter()
                .map(|f| find_phrase(self.normalized.text(), &normalize(f)))
                .collect()
        })
    }

    fn words(&self) -> usize {
        *self.words.get_or_init(|| count_words(self.original))
    }
}

/// Judge one applicable rule. `hits` are the rule's occurrences in the
/// normalised reply (static and dynamic); `None` means a placeholder had no
/// value, and the rule is skipped. `default_message` is said when the rule
/// has no `message` of its own.
pub fn judge<'p>(
    index: usize,
    rule: &'p Rule,
    default_message: &'p str,
    hits: Option<&[Hit]>,
    reply: &Reply,
    context: &Context,
) -> RuleFinding<'p> {
    let message = match (&rule.message, rule.check.value) {
        (Some(m), _) => Cow::Borrowed(m.as_str()),
        // An echo rule's default names the beat's key facts.
        (None, CheckKind::Echo) if !context.key_facts.is_empty() => {
            Cow::Owned(default_message_of(rule, context))
        }
        (None, _) => Cow::Borrowed(default_message),
    };
    let mut finding = RuleFinding {
        index,
        rule: rule.id.as_str(),
        check: rule.check.value,
        status: Status::Pass,
        severity: rule.severity(),
        message,
        matches: Vec::new(),
        suggestion: rule.suggest.as_ref().map(|s| Cow::Borrowed(s.as_str())),
        detail: None,
        weight: rule.weight(),
    };
    let Some(hits) = hits else {
        finding.status = Status::Skipped;
        finding.detail = Some("a placeholder has no value in this context".to_owned());
        return finding;
    };
    let (normalized, original) = (reply.normalized, reply.original);
    if matches!(
        rule.check.value,
        CheckKind::Mention | CheckKind::Avoid | CheckKind::Swap
    ) && rule.phrases().is_empty()
        && rule.patterns().is_empty()
        && rule.swap.as_ref().is_none_or(|s| s.is_empty())
    {
        // `empty-rule` in `check`: there is nothing to judge by.
        finding.status = Status::Skipped;
        finding.detail = Some("the rule has nothing to check".to_owned());
        return finding;
    }
    match rule.check.value {
        CheckKind::Mention => {
            finding.matches = spans(hits, normalized, original, |_| None);
            if finding.matches.is_empty() {
                finding.status = Status::Fail;
            }
        }
        CheckKind::Avoid => {
            finding.matches = spans(hits, normalized, original, |_| None);
            if !finding.matches.is_empty() {
                finding.status = Status::Fail;
            }
        }
        CheckKind::Swap => {
            let preferred = |item: usize| {
                rule.swap
                    .as_ref()
                    .and_then(|s| s.entries.get(item))
                    .map(|(_, p)| {
                        placeholder::fill_phrase(p, context)
                            .map_or_else(|| p.value.clone(), std::borrow::Cow::into_owned)
                    })
            };
            finding.matches = spans(hits, normalized, original, preferred);
            if !finding.matches.is_empty() {
                finding.status = Status::Fail;
                if finding.suggestion.is_none() {
                    finding.suggestion = Some(Cow::Owned(swap_suggestion(&finding.matches)));
                }
            }
        }
        CheckKind::Length => {
            let words = reply.words();
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
        CheckKind::Echo => judge_echo(rule, reply, context, &mut finding),
    }
    finding
}

fn judge_echo(rule: &Rule, reply: &Reply, context: &Context, finding: &mut RuleFinding<'_>) {
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
    for found in reply.key_facts(context) {
        if !found.is_empty() {
            mentioned += 1;
        }
        finding.matches.extend(
            found
                .iter()
                .map(|&(s, e)| span(reply.normalized, reply.original, s, e, None)),
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
pub fn default_message_of(rule: &Rule, context: &Context) -> String {
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
