//! The five checks (`mention`, `avoid`, `swap`, `length`, `echo`) on one reply.

use std::borrow::Cow;
use std::cell::OnceCell;

use super::context::Context;
use super::judgement::{Match, RuleFinding, Status};
use super::matcher::Hit;
use super::negation::{Cues, Scope};
use super::normalize::{Normalized, count_words, normalize};
use super::placeholder;
use super::wildcard::{Phrase, occurrences};
use crate::playbook::{CheckKind, Rule};

/// A reply being judged: the text as written, normalised, and its word count
/// (counted once, when a `length` rule first asks).
pub struct Reply<'a> {
    pub original: &'a str,
    pub normalized: &'a Normalized,
    /// Negation scope and clause ends, worked out when first asked.
    pub scope: Scope<'a>,
    words: OnceCell<usize>,
    /// Whether the playbook is Chinese, for the words of a swap suggestion.
    pub chinese: bool,
    /// Where each of the context's key facts occurs, and whether there it is
    /// negated, found once for all `echo` rules.
    key_facts: OnceCell<Vec<Vec<(usize, usize, bool)>>>,
}

impl<'a> Reply<'a> {
    pub fn new(
        original: &'a str,
        normalized: &'a Normalized,
        chinese: bool,
        cues: &'a Cues,
    ) -> Self {
        Reply {
            original,
            normalized,
            scope: Scope::of_reply(normalized, original, cues),
            chinese,
            words: OnceCell::new(),
            key_facts: OnceCell::new(),
        }
    }

    fn key_facts(&self, context: &Context) -> &[Vec<(usize, usize, bool)>] {
        self.key_facts
            .get_or_init(|| self.occurrences_of(&KeyFacts::of(context)))
    }

    /// Find the context's key facts, compiled beforehand for many replies
    /// in that context: what [`Self::key_facts_mentioned`] and the `echo`
    /// rules then count, without compiling them again for this reply.
    pub(crate) fn find_key_facts(&self, facts: &KeyFacts) {
        self.key_facts.get_or_init(|| self.occurrences_of(facts));
    }

    fn occurrences_of(&self, facts: &KeyFacts) -> Vec<Vec<(usize, usize, bool)>> {
        facts
            .0
            .iter()
            .map(|phrase| {
                phrase.as_ref().map_or_else(Vec::new, |phrase| {
                    occurrences(&self.scope, phrase)
                        .into_iter()
                        .map(|r| (r.start, r.end, self.scope.negated(r.start, r.end)))
                        .collect()
                })
            })
            .collect()
    }

    /// How many key facts occur; with `respect_negation`, only occurrences
    /// that are not negated count.
    pub(crate) fn key_facts_mentioned(&self, context: &Context, respect_negation: bool) -> usize {
        self.key_facts(context)
            .iter()
            .filter(|f| {
                f.iter()
                    .any(|&(_, _, negated)| !(negated && respect_negation))
            })
            .count()
    }

    pub(crate) fn words(&self) -> usize {
        *self.words.get_or_init(|| count_words(self.original))
    }
}

/// A context's key facts, normalised and compiled as phrases (`None` for
/// one with nothing to look for), in the context's order.
#[derive(Debug, Default)]
pub(crate) struct KeyFacts(Vec<Option<Phrase>>);

impl KeyFacts {
    pub(crate) fn of(context: &Context) -> KeyFacts {
        KeyFacts(
            context
                .key_facts
                .iter()
                .map(|f| Phrase::new(&normalize(f)))
                .collect(),
        )
    }
}

/// What judging a rule needs, packed small: the hot loop over thousands of
/// rules touches these instead of the (large) `Rule`s.
#[derive(Clone, Copy, Debug)]
pub struct Plan {
    pub kind: CheckKind,
    pub weight: f64,
    /// Severity `error`: a failure fails the reply.
    pub fails_reply: bool,
    /// Nothing to check (`empty-rule`): always skipped.
    pub empty: bool,
    pub min_words: Option<u32>,
    pub max_words: Option<u32>,
    pub echo_min: u32,
    /// A negated occurrence does not count (rule 6): not for `swap`, nor
    /// with `negation: ignore`.
    pub respects_negation: bool,
}

impl Plan {
    pub fn of(rule: &Rule) -> Plan {
        Plan {
            kind: rule.check.value,
            weight: rule.weight(),
            fails_reply: rule.severity() == crate::playbook::Severity::Error,
            empty: rule.is_empty(),
            min_words: rule.min_words.as_ref().map(|m| m.value),
            max_words: rule.max_words.as_ref().map(|m| m.value),
            echo_min: rule
                .min
                .as_ref()
                .map_or(Rule::DEFAULT_ECHO_MIN, |m| m.value),
            respects_negation: rule.check.value != CheckKind::Swap && !rule.ignores_negation(),
        }
    }

    /// Whether a hit counts for this rule (it is not negated, or negation
    /// does not matter to the rule).
    pub fn counts(&self, hit: &Hit) -> bool {
        !(hit.negated && self.respects_negation)
    }
}

/// How one applicable rule judges the reply, and nothing else: no spans, no
/// messages, no allocation. `hits` are the rule's occurrences in the
/// normalised reply (static and dynamic); `None` means a placeholder had no
/// value. This is the hot path of `check` and of batch grading.
pub fn status(plan: &Plan, hits: Option<&[Hit]>, reply: &Reply, context: &Context) -> Status {
    let Some(hits) = hits else {
        return Status::Skipped;
    };
    if plan.empty {
        return Status::Skipped;
    }
    let fails = match plan.kind {
        CheckKind::Mention => !hits.iter().any(|h| plan.counts(h)),
        CheckKind::Avoid | CheckKind::Swap => hits.iter().any(|h| plan.counts(h)),
        CheckKind::Length => {
            let words = reply.words();
            plan.min_words.is_some_and(|m| words < m as usize)
                || plan.max_words.is_some_and(|m| words > m as usize)
        }
        CheckKind::Echo => {
            if context.key_facts.is_empty() {
                return Status::Skipped;
            }
            reply.key_facts_mentioned(context, plan.respects_negation) < plan.echo_min as usize
        }
    };
    if fails { Status::Fail } else { Status::Pass }
}

fn echo_min(rule: &Rule) -> usize {
    rule.min
        .as_ref()
        .map_or(Rule::DEFAULT_ECHO_MIN, |m| m.value) as usize
}

/// Judge one applicable rule for people: its [`status`], with the spans that
/// decided it, its message and suggestion, and what was counted.
/// `default_message` is said when the rule has no `message` of its own.
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
    let plan = Plan::of(rule);
    let status = status(&plan, hits, reply, context);
    let mut finding = RuleFinding {
        index,
        rule: rule.id.as_str(),
        check: rule.check.value,
        status,
        severity: rule.severity(),
        message,
        matches: Vec::new(),
        suggestion: rule.suggest.as_ref().map(|s| Cow::Borrowed(s.as_str())),
        detail: None,
        weight: rule.weight(),
    };
    let Some(hits) = hits else {
        finding.detail = Some("a placeholder has no value in this context".to_owned());
        return finding;
    };
    if rule.is_empty() {
        finding.detail = Some("the rule has nothing to check".to_owned());
        return finding;
    }
    let (normalized, original) = (reply.normalized, reply.original);
    match rule.check.value {
        CheckKind::Mention | CheckKind::Avoid => {
            finding.matches = spans(&plan, hits, normalized, original, |_| None);
        }
        CheckKind::Swap => {
            let preferred = |item: usize| {
                rule.swap
                    .as_ref()
                    .and_then(|s| s.entries.get(item))
                    .map(|(_, p)| {
                        placeholder::fill_phrase(p, context)
                            .map_or_else(|| p.value.clone(), Cow::into_owned)
                    })
            };
            finding.matches = spans(&plan, hits, normalized, original, preferred);
            if status == Status::Fail && finding.suggestion.is_none() {
                finding.suggestion =
                    Some(Cow::Owned(swap_suggestion(&finding.matches, reply.chinese)));
            }
        }
        CheckKind::Length => {
            let words = reply.words();
            let min = rule.min_words.as_ref().map(|m| m.value);
            let max = rule.max_words.as_ref().map(|m| m.value);
            finding.detail = Some(match (min, max) {
                (Some(min), Some(max)) => format!("{words} words; between {min} and {max}"),
                (Some(min), None) => format!("{words} words; at least {min}"),
                (None, Some(max)) => format!("{words} words; at most {max}"),
                (None, None) => format!("{words} words"),
            });
        }
        CheckKind::Echo if context.key_facts.is_empty() => {
            finding.detail = Some("this beat has no key facts".to_owned());
        }
        CheckKind::Echo => {
            for found in reply.key_facts(context) {
                finding.matches.extend(found.iter().map(|&(s, e, negated)| {
                    let mut m = span(normalized, original, s, e, None);
                    m.negated = negated && plan.respects_negation;
                    m
                }));
            }
            finding.matches.sort_by_key(|m| (m.start, m.end));
            finding.detail = Some(format!(
                "mentions {} of {} key facts ({}); at least {}",
                reply.key_facts_mentioned(context, plan.respects_negation),
                context.key_facts.len(),
                context.key_facts.join(", "),
                echo_min(rule)
            ));
        }
    }
    finding
}

/// The hits as spans of the original text, in order, without repeats.
fn spans(
    plan: &Plan,
    hits: &[Hit],
    reply: &Normalized,
    original: &str,
    replacement: impl Fn(usize) -> Option<String>,
) -> Vec<Match> {
    let mut matches: Vec<Match> = hits
        .iter()
        .map(|h| {
            let mut m = span(reply, original, h.start, h.end, replacement(h.item));
            m.negated = !plan.counts(h);
            m
        })
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
        negated: false,
    }
}

fn swap_suggestion(matches: &[Match], chinese: bool) -> String {
    let mut pairs: Vec<String> = Vec::new();
    for m in matches {
        if let Some(r) = &m.replacement {
            let pair = if chinese {
                format!("用“{r}”代替“{}”", m.text)
            } else {
                format!("say “{r}” instead of “{}”", m.text)
            };
            if !pairs.contains(&pair) {
                pairs.push(pair);
            }
        }
    }
    let mut text = pairs.join(if chinese { "；" } else { "; " });
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
