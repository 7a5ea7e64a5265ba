//! The five checks (`mention`, `avoid`, `swap`, `length`, `echo`) on one reply.

use std::borrow::Cow;
use std::cell::OnceCell;

use super::context::Context;
use super::judgement::{Detail, Match, RuleFinding, Status};
use super::matcher::Hit;
use super::negation::{Cues, Scope};
use super::normalize::{Normalized, count_words, normalize};
use super::placeholder;
use super::plan::CompiledRule;
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
    /// The context's key facts compiled beforehand, when the caller keeps
    /// them for many replies in that context (batch grading): then counting
    /// them compiles and stores nothing.
    compiled_facts: Option<&'a KeyFacts>,
    /// How many key facts occur, not negated and at all, counted once for
    /// all `echo` rules.
    mentioned: [OnceCell<usize>; 2],
    /// Where each of the context's key facts occurs, and whether there it is
    /// negated, found once for all `echo` rules (for the spans people read).
    key_facts: OnceCell<Vec<Vec<(usize, usize, bool)>>>,
}

impl<'a> Reply<'a> {
    /// This reply, its negation scope filling `buffers` (an earlier
    /// scope's, see [`Scope::into_buffers`]).
    #[must_use]
    pub fn reusing(mut self, buffers: super::negation::ScopeBuffers) -> Self {
        self.scope = self.scope.reusing(buffers);
        self
    }

    pub fn new(original: &'a str, normalized: &'a Normalized, cues: &'a Cues) -> Self {
        Reply {
            original,
            normalized,
            scope: Scope::of_reply(normalized, original, cues),
            words: OnceCell::new(),
            compiled_facts: None,
            mentioned: [OnceCell::new(), OnceCell::new()],
            key_facts: OnceCell::new(),
        }
    }

    /// This reply, judged against key facts compiled beforehand (the
    /// context's, see [`KeyFacts::of`]).
    #[must_use]
    pub(crate) fn with_key_facts(mut self, facts: &'a KeyFacts) -> Self {
        self.compiled_facts = Some(facts);
        self
    }

    /// Where each of the context's key facts occurs, and whether negated there.
    pub(crate) fn key_facts_each(&self, context: &Context) -> &[Vec<(usize, usize, bool)>] {
        self.key_facts(context)
    }

    fn key_facts(&self, context: &Context) -> &[Vec<(usize, usize, bool)>] {
        self.key_facts.get_or_init(|| match self.compiled_facts {
            Some(facts) => self.occurrences_of(facts),
            None => self.occurrences_of(&KeyFacts::of(context)),
        })
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
                        .map(|r| (r.start, r.end, self.scope.negated(r.start, r.end)))
                        .collect()
                })
            })
            .collect()
    }

    /// How many key facts occur; with `respect_negation`, only occurrences
    /// that are not negated count.
    pub(crate) fn key_facts_mentioned(&self, context: &Context, respect_negation: bool) -> usize {
        *self.mentioned[usize::from(respect_negation)].get_or_init(|| {
            if let (Some(facts), None) = (self.compiled_facts, self.key_facts.get()) {
                // Counted without storing where they occur.
                return facts.mentioned(&self.scope, respect_negation);
            }
            self.key_facts(context)
                .iter()
                .filter(|f| {
                    f.iter()
                        .any(|&(_, _, negated)| !(negated && respect_negation))
                })
                .count()
        })
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

    /// How many of them occur in `scope`; with `respect_negation`, only
    /// occurrences that are not negated count.
    fn mentioned(&self, scope: &Scope, respect_negation: bool) -> usize {
        self.0
            .iter()
            .flatten()
            .filter(|phrase| {
                occurrences(scope, phrase)
                    .any(|r| !(respect_negation && scope.negated(r.start, r.end)))
            })
            .count()
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

/// Judge one applicable rule for people: its [`status`], with the spans that
/// decided it and what was counted. What it says is the author's `message`,
/// or the wording layer's of its [`Want`](super::Want).
pub(crate) fn judge<'p>(
    index: usize,
    compiled: &CompiledRule<'p>,
    hits: Option<&[Hit]>,
    reply: &Reply,
    context: &Context,
) -> RuleFinding<'p> {
    let (rule, plan) = (compiled.rule, compiled.plan);
    let status = status(&plan, hits, reply, context);
    let mut finding = RuleFinding {
        index,
        rule: rule.id.as_str(),
        check: rule.check.value,
        status,
        severity: rule.severity(),
        message: rule.message.as_deref().map(String::as_str),
        want: compiled.want,
        matches: Vec::new(),
        suggestion: rule.suggest.as_deref().map(String::as_str),
        detail: None,
        weight: rule.weight(),
    };
    let Some(hits) = hits else {
        finding.detail = Some(Detail::NoValue);
        return finding;
    };
    if rule.is_empty() {
        finding.detail = Some(Detail::NothingToCheck);
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
        }
        CheckKind::Length => {
            finding.detail = Some(Detail::Counted {
                words: reply.words(),
                min: plan.min_words,
                max: plan.max_words,
            });
        }
        CheckKind::Echo if context.key_facts.is_empty() => {
            finding.detail = Some(Detail::NoKeyFacts);
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
            finding.detail = Some(Detail::Echoed {
                mentioned: reply.key_facts_mentioned(context, plan.respects_negation),
                facts: context.key_facts.clone(),
                min: plan.echo_min,
            });
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
