//! The reply engine: judge a reply, and what it does, against a playbook.
//!
//! An [`Engine`] compiles a playbook's phrases and patterns once; judging a
//! reply normalises it once, finds every phrase and pattern in one pass, and
//! runs each applicable rule over the hits.

pub mod condition;
pub mod context;
pub mod judgement;
pub mod matcher;
pub mod normalize;
pub mod placeholder;
pub mod policy;
pub mod rules;

pub use context::{Context, Proposal};
pub use judgement::{Judgement, Match, PolicyCode, PolicyFinding, RuleFinding, Status, Verdict};
pub use matcher::PatternError;
pub use policy::PolicyOutcome;

use condition::CompiledCondition;
use matcher::{Hit, Matcher};
use normalize::{Normalized, normalize};

use crate::playbook::Playbook;

/// A playbook compiled for judging replies.
pub struct Engine<'p> {
    pub playbook: &'p Playbook,
    matcher: Matcher,
    /// What each rule says when it has no `message`, worked out once.
    default_messages: Vec<String>,
    rule_conditions: Vec<Option<CompiledCondition<'p>>>,
    escalations: Vec<CompiledCondition<'p>>,
}

impl<'p> Engine<'p> {
    /// Compile a playbook. Fails only on a pattern that does not compile
    /// (`ethos check` reports it as `invalid-pattern`).
    pub fn new(playbook: &'p Playbook) -> Result<Self, PatternError> {
        Ok(Engine {
            playbook,
            matcher: Matcher::new(&playbook.rules)?,
            default_messages: playbook
                .rules
                .iter()
                .map(|r| rules::default_message_of(r, &Context::default()))
                .collect(),
            rule_conditions: playbook
                .rules
                .iter()
                .map(|r| r.when.as_ref().map(|w| CompiledCondition::new(w)))
                .collect(),
            escalations: playbook
                .escalation
                .iter()
                .map(|e| CompiledCondition::new(&e.when))
                .collect(),
        })
    }

    /// Judge a reply's words, and, given a proposal, what it does (the policy).
    /// A drill's free reply is judged on its words alone (`proposal: None`).
    pub fn judge(
        &self,
        reply: &str,
        context: &Context,
        proposal: Option<&Proposal>,
    ) -> Judgement<'_> {
        let normalized = Normalized::new(reply);
        let text = normalized.text();
        let judged = rules::Reply::new(reply, &normalized);
        let message = context
            .message
            .as_deref()
            .map(normalize)
            .unwrap_or_default();

        let mut hits: Vec<Hit> = Vec::new();
        self.matcher.static_hits(text, &mut hits);
        hits.sort_unstable_by_key(|h| (h.rule, h.start, h.end, h.item));

        let mut findings = Vec::with_capacity(self.playbook.rules.len());
        let mut dynamic = Vec::new();
        for (index, rule) in self.playbook.rules.iter().enumerate() {
            if !self.applies(index, context, &message) {
                continue;
            }
            let from = hits.partition_point(|h| h.rule < index);
            let to = hits.partition_point(|h| h.rule <= index);
            let rule_hits: Option<&[Hit]> = if self.matcher.items(index).iter().any(|i| i.dynamic) {
                dynamic.clear();
                dynamic.extend_from_slice(&hits[from..to]);
                self.matcher
                    .dynamic_hits(index, text, context, &mut dynamic)
                    .map(|()| dynamic.as_slice())
            } else {
                Some(&hits[from..to])
            };
            findings.push(rules::judge(
                index,
                rule,
                &self.default_messages[index],
                rule_hits,
                &judged,
                context,
            ));
        }

        let (policy, decision) = match proposal {
            Some(proposal) => {
                let outcome = self.decide_with(context, &message, proposal);
                (outcome.findings, Some(outcome.decision))
            }
            None => (Vec::new(), None),
        };
        Judgement::new(
            context.step.clone(),
            context.role.clone(),
            findings,
            policy,
            decision,
        )
    }

    /// Whether rule `index` applies: at the context's step, and its `when` holds.
    fn applies(&self, index: usize, context: &Context, message: &str) -> bool {
        self.playbook.rules[index].applies_at(&context.step)
            && self.rule_conditions[index]
                .as_ref()
                .is_none_or(|c| c.holds(context, message, None))
    }

    /// What the policy decides for a proposal in a context.
    pub fn decide(&self, context: &Context, proposal: &Proposal) -> PolicyOutcome {
        let message = context
            .message
            .as_deref()
            .map(normalize)
            .unwrap_or_default();
        self.decide_with(context, &message, proposal)
    }

    fn decide_with(&self, context: &Context, message: &str, proposal: &Proposal) -> PolicyOutcome {
        let acting = self.playbook.role_rank(&context.role).unwrap_or(0);
        policy::decide(
            self.playbook,
            &self.escalations,
            acting,
            context,
            message,
            proposal,
        )
    }

    /// Whether rule `index` applies in a context (its step and its `when`).
    pub fn rule_applies(&self, index: usize, context: &Context) -> bool {
        let message = context
            .message
            .as_deref()
            .map(normalize)
            .unwrap_or_default();
        self.applies(index, context, &message)
    }
}
