//! Whether a condition (`when`) holds in a context.

use aho_corasick::AhoCorasick;

use super::context::{Context, Proposal};
use super::matcher::{PatternError, Problem, phrase_automaton, phrase_too_long};
use super::normalize::{is_whole_word, normalize};
use crate::playbook::{Clause, Condition, Pos};

/// A condition with its `customer_says` phrases compiled once.
#[derive(Debug)]
pub struct CompiledCondition<'p> {
    pub source: &'p Condition,
    /// For each clause, an automaton of its normalised phrases
    /// (`customer_says` only): one pass over the message, however many
    /// phrases.
    says: Vec<Option<AhoCorasick>>,
}

/// Whether any phrase of `phrases` occurs in `text` as a whole word.
fn says_any(phrases: &AhoCorasick, text: &str) -> bool {
    phrases
        .find_overlapping_iter(text)
        .any(|m| is_whole_word(text, m.start(), m.end()))
}

impl<'p> CompiledCondition<'p> {
    /// Compile a condition of `owner` (a rule's or escalation rule's id, for
    /// the error). Fails on a `customer_says` phrase over the length limit.
    pub fn new(source: &'p Condition, owner: &str, pos: Pos) -> Result<Self, PatternError> {
        let mut says = Vec::with_capacity(source.clauses.len());
        for clause in &source.clauses {
            let Clause::CustomerSays(phrases) = &clause.value else {
                says.push(None);
                continue;
            };
            let error = |pattern: &str, problem, reason, at: Pos| PatternError {
                rule: owner.to_owned(),
                pattern: pattern.to_owned(),
                problem,
                reason,
                // `customer_says: hurt` (one text, not a list) has no place of its own.
                pos: if at.is_known() { at } else { pos },
            };
            let mut normalized = Vec::new();
            for phrase in phrases.iter() {
                if let Some(reason) = phrase_too_long(phrase) {
                    return Err(error(phrase, Problem::PhraseTooLong, reason, phrase.pos));
                }
                let text = normalize(phrase);
                if !text.is_empty() {
                    normalized.push(text);
                }
            }
            let automaton = phrase_automaton(&normalized)
                .map_err(|e| error("", Problem::Phrases, e.to_string(), clause.pos))?;
            says.push(Some(automaton));
        }
        Ok(CompiledCondition { source, says })
    }

    /// Whether every clause holds. `message` is the customer's last message,
    /// normalised; `proposal` is what the reply does (for `action`, `amount`).
    pub fn holds(&self, context: &Context, message: &str, proposal: Option<&Proposal>) -> bool {
        let mut action_ok = true;
        let mut actions_checked = false;
        for (clause, says) in self.source.clauses.iter().zip(&self.says) {
            let holds = match &clause.value {
                Clause::CustomerSays(_) => says.as_ref().is_some_and(|p| says_any(p, message)),
                Clause::Contacts(bounds) => bounds.contains(&context.contacts),
                Clause::Waiting(bounds) => bounds.contains(&context.waiting),
                Clause::CustomerMood(moods) => one_of(context.customer_mood.as_deref(), moods),
                Clause::CustomerTier(tiers) => one_of(context.customer_tier.as_deref(), tiers),
                Clause::Fact { key, value } => {
                    context.facts.get(key).is_some_and(|v| v.same_as(value))
                }
                Clause::Action(_) | Clause::Amount(_) => {
                    // Both are about the same proposed action: checked together below.
                    if !actions_checked {
                        actions_checked = true;
                        action_ok = proposal.is_some_and(|p| self.some_action_matches(p));
                    }
                    action_ok
                }
            };
            if !holds {
                return false;
            }
        }
        true
    }

    /// Whether one proposed action satisfies the `action` and `amount` clauses.
    fn some_action_matches(&self, proposal: &Proposal) -> bool {
        let wanted = self.source.action();
        let bounds = self.source.amount().map(|(b, _)| b);
        proposal.actions.iter().any(|(id, amount)| {
            wanted.is_none_or(|w| w.as_str() == id) && bounds.is_none_or(|b| b.contains(*amount))
        })
    }
}

/// Mood and tier lists compare as written, ignoring case.
fn one_of(value: Option<&str>, allowed: &crate::playbook::Texts) -> bool {
    value.is_some_and(|v| {
        allowed
            .iter()
            .any(|a| a.trim().eq_ignore_ascii_case(v.trim()))
    })
}
