//! Whether a condition (`when`) holds in a context.

use super::context::{Context, Proposal};
use super::matcher::{PatternError, Problem, phrase_too_long};
use super::negation::{Cues, Said, Scope};
use super::normalize::normalize;
use super::wildcard::PhraseSet;
use crate::playbook::{Clause, Condition, Pos};

/// A condition with its `customer_says` phrases compiled once.
#[derive(Debug)]
pub struct CompiledCondition<'p> {
    pub source: &'p Condition,
    /// For each clause, its normalised phrases (`customer_says` only): one
    /// pass over the message, however many phrases.
    says: Vec<Option<PhraseSet<()>>>,
    /// The playbook's negation cues (shared, not copied: an automaton is
    /// reference-counted).
    cues: Cues,
}

impl<'p> CompiledCondition<'p> {
    /// Compile a condition of `owner` (a rule's or escalation rule's id, for
    /// the error). Fails on a `customer_says` phrase over the length limit.
    pub fn new(
        source: &'p Condition,
        owner: &str,
        pos: Pos,
        cues: &Cues,
    ) -> Result<Self, PatternError> {
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
                if phrase_too_long(phrase).is_some() {
                    return Err(error(
                        phrase,
                        Problem::PhraseTooLong,
                        String::new(),
                        phrase.pos,
                    ));
                }
                let text = normalize(phrase);
                if !text.is_empty() {
                    normalized.push(text);
                }
            }
            let set = PhraseSet::new(normalized.iter().map(|p| (p.as_str(), ())))
                .map_err(|e| error("", Problem::Phrases, e.to_string(), clause.pos))?;
            says.push(Some(set));
        }
        Ok(CompiledCondition {
            source,
            says,
            cues: cues.clone(),
        })
    }

    /// Whether the message says one of the phrases; unless `negation: ignore`,
    /// a negated occurrence does not count ("I'm not hurt").
    fn says_any(&self, phrases: &PhraseSet<()>, message: &Said, ignore_negation: bool) -> bool {
        let scope = Scope::new(&message.text, &message.line_breaks, &self.cues);
        let mut said = false;
        phrases.find(&scope, |_, start, end| {
            said = said || ignore_negation || !scope.negated(start, end);
        });
        said
    }

    /// Whether every clause holds. `message` is the customer's last message,
    /// normalised; `proposal` is what the reply does (for `action`, `amount`).
    pub fn holds(&self, context: &Context, message: &Said, proposal: Option<&Proposal>) -> bool {
        let mut action_ok = true;
        let mut actions_checked = false;
        for (clause, says) in self.source.clauses.iter().zip(&self.says) {
            let holds = match &clause.value {
                Clause::CustomerSays(phrases) => says
                    .as_ref()
                    .is_some_and(|p| self.says_any(p, message, phrases.ignores_negation())),
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
