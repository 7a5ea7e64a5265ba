//! The reply engine: judge a reply, and what it does, against a playbook.
//!
//! An [`Engine`] compiles a playbook's phrases and patterns once; judging a
//! reply normalises it once, finds every phrase and pattern in one pass, and
//! runs each applicable rule over the hits.

pub mod condition;
pub mod context;
pub mod handoff;
pub mod judgement;
pub mod matcher;
pub mod negation;
pub mod normalize;
pub mod placeholder;
pub mod policy;
pub mod replay;
pub mod rules;
pub mod wildcard;

pub use context::{Context, Proposal};
pub use judgement::{Assessment, Judgement, Match, PolicyCode, PolicyFinding, RuleFinding};
pub use judgement::{Decision, Detail, Grant, Status, Verdict, Want};
pub use matcher::{MAX_PHRASE_CHARS, PatternError, Problem};
pub use policy::PolicyOutcome;

use condition::CompiledCondition;
use matcher::{Hit, Matcher};
use negation::{Cues, Said, Scope};
use normalize::Normalized;

use std::collections::HashMap;

use crate::playbook::Playbook;

/// The customer's last message, normalised as replies are, with its line
/// breaks (for `customer_says`).
fn normalized_message(context: &Context) -> Said {
    context
        .message
        .as_deref()
        .map(Said::new)
        .unwrap_or_default()
}

/// A playbook compiled for judging replies.
pub struct Engine<'p> {
    pub playbook: &'p Playbook,
    matcher: Matcher,
    /// The negation cues: built-in and the playbook's `negation_cues`.
    cues: Cues,
    /// For each step, the rules that may apply there (their `at` names it or
    /// they have none), in order: a reply is only held to its step's rules.
    rules_by_step: HashMap<&'p str, Vec<usize>>,
    /// Every rule's index, for a step the playbook does not define.
    rules_anywhere: Vec<usize>,
    /// Whether each rule has phrases or patterns with placeholders.
    dynamic: Vec<bool>,
    /// Each rule, packed for the hot loop.
    plans: Vec<rules::Plan>,
    /// Whether each rule has a `when`.
    conditional: Vec<bool>,
    rule_conditions: Vec<Option<CompiledCondition<'p>>>,
    escalations: Vec<CompiledCondition<'p>>,
    /// The roles' handoff phrases, for replies that escalate in words.
    handoffs: handoff::Handoffs,
}

impl<'p> Engine<'p> {
    /// Compile a playbook. Fails on a pattern that does not compile or a
    /// phrase over the length limit (`ethos check` reports them as
    /// `invalid-pattern` and `phrase-too-long`), never with a panic.
    pub fn new(playbook: &'p Playbook) -> Result<Self, PatternError> {
        let matcher = Matcher::new(&playbook.rules)?;
        let extra_cues: Vec<&str> = playbook
            .negation_cues
            .iter()
            .map(|c| c.value.as_str())
            .collect();
        let engine_cues = Cues::new(&extra_cues);
        Ok(Engine {
            playbook,
            dynamic: (0..playbook.rules.len())
                .map(|i| matcher.items(i).iter().any(|item| item.dynamic))
                .collect(),
            matcher,
            plans: playbook.rules.iter().map(rules::Plan::of).collect(),
            conditional: playbook.rules.iter().map(|r| r.when.is_some()).collect(),
            rules_by_step: playbook
                .steps
                .iter()
                .map(|step| {
                    let at: Vec<usize> = (0..playbook.rules.len())
                        .filter(|&i| playbook.rules[i].applies_at(&step.id))
                        .collect();
                    (step.id.as_str(), at)
                })
                .collect(),
            rules_anywhere: (0..playbook.rules.len()).collect(),
            rule_conditions: playbook
                .rules
                .iter()
                .map(|r| {
                    r.when
                        .as_ref()
                        .map(|w| CompiledCondition::new(w, &r.id, w.pos, &engine_cues))
                        .transpose()
                })
                .collect::<Result<_, _>>()?,
            escalations: playbook
                .escalation
                .iter()
                .map(|e| CompiledCondition::new(&e.when, &e.id, e.when.pos, &engine_cues))
                .collect::<Result<_, _>>()?,
            handoffs: handoff::Handoffs::new(playbook)?,
            cues: engine_cues,
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
        let judged = rules::Reply::new(reply, &normalized, &self.cues);
        let message = normalized_message(context);
        let mut findings = Vec::new();
        self.each_applicable(&judged, context, &message, |index, hits| {
            findings.push(rules::judge(
                index,
                &self.playbook.rules[index],
                hits,
                &judged,
                context,
            ));
        });
        let (policy, decision) = match proposal {
            Some(proposal) => {
                let outcome =
                    self.free_reply_outcome(normalized.text(), context, &message, proposal);
                let decision = outcome.decision(self.playbook);
                (outcome.findings, Some(decision))
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

    /// The verdict, score and failed rules of a reply's words, without the
    /// spans and messages people read: what `check` and batch grading need,
    /// many times over.
    pub fn assess(&self, reply: &str, context: &Context) -> Assessment {
        let mut assessment = Assessment::default();
        let message = normalized_message(context);
        self.assess_words(reply, context, &message, &mut assessment);
        assessment
    }

    /// [`Self::assess`], and what the reply does judged against the policy
    /// (the policy codes it breaks), into `into`, whose buffers are reused: the
    /// hot path of batch grading.
    pub fn grade_into(
        &self,
        reply: &str,
        context: &Context,
        proposal: &Proposal,
        into: &mut Assessment,
    ) {
        into.verdict = Verdict::Pass;
        into.score = 100.0;
        into.failed.clear();
        into.applied.clear();
        into.policy.clear();
        let message = normalized_message(context);
        self.assess_words(reply, context, &message, into);
        let worded = (proposal.escalate.is_none() && !self.handoffs.is_empty())
            .then(|| self.with_worded_escalation(&normalize::normalize(reply), proposal));
        let proposal = worded.as_ref().unwrap_or(proposal);
        if proposal.actions.is_empty() && proposal.escalate.is_none() {
            // Declares nothing it did: judged by its words; the policy would
            // only report (`escalation-not-shown`), which fails nothing.
            return;
        }
        let acting = self.playbook.role_rank(&context.role).unwrap_or(0);
        let outcome = policy::decide(
            self.playbook,
            &self.escalations,
            acting,
            context,
            &message,
            proposal,
        );
        for finding in outcome.findings {
            if finding.severity == crate::playbook::Severity::Error {
                into.verdict = Verdict::Fail;
            }
            into.policy.push(finding.code);
        }
    }

    fn assess_words(
        &self,
        reply: &str,
        context: &Context,
        message: &Said,
        assessment: &mut Assessment,
    ) {
        let normalized = Normalized::new(reply);
        let judged = rules::Reply::new(reply, &normalized, &self.cues);
        let (mut passed, mut counted) = (0.0, 0.0);
        self.each_applicable(&judged, context, message, |index, hits| {
            let plan = &self.plans[index];
            match rules::status(plan, hits, &judged, context) {
                Status::Pass => {
                    passed += plan.weight;
                    counted += plan.weight;
                    assessment.applied.push(index);
                }
                Status::Fail => {
                    counted += plan.weight;
                    assessment.applied.push(index);
                    assessment.failed.push(index);
                    if plan.fails_reply {
                        assessment.verdict = Verdict::Fail;
                    }
                }
                Status::Skipped => {}
            }
        });
        assessment.score = judgement::score_of(passed, counted);
    }

    /// Visit every rule that applies in the context, in the playbook's order,
    /// with its hits (`None` when a placeholder has no value): the one loop
    /// behind [`Self::judge`] and [`Self::assess`].
    fn each_applicable(
        &self,
        reply: &rules::Reply,
        context: &Context,
        message: &Said,
        mut visit: impl FnMut(usize, Option<&[Hit]>),
    ) {
        let scope = &reply.scope;
        let mut hits: Vec<Hit> = Vec::new();
        self.matcher.static_hits(scope, &mut hits);
        hits.sort_unstable_by_key(|h| (h.rule, h.start, h.end, h.item));
        let mut dynamic = Vec::new();
        // Candidates are the step's rules, already filtered by `at`; a step the
        // playbook does not define gets every rule, filtered here.
        let (candidates, filtered): (&[usize], bool) =
            match self.rules_by_step.get(context.step.as_str()) {
                Some(at_step) => (at_step, true),
                None => (&self.rules_anywhere, false),
            };
        // Both candidates and hits are in rule order: one walk through the hits.
        let mut cursor = 0;
        for &index in candidates {
            if !filtered && !self.playbook.rules[index].applies_at(&context.step) {
                continue;
            }
            if self.conditional[index]
                && let Some(condition) = &self.rule_conditions[index]
                && !condition.holds(context, message, None)
            {
                continue;
            }
            while cursor < hits.len() && hits[cursor].rule < index {
                cursor += 1;
            }
            let from = cursor;
            while cursor < hits.len() && hits[cursor].rule == index {
                cursor += 1;
            }
            let to = cursor;
            let rule_hits: Option<&[Hit]> =
                if self.dynamic[index] || self.matcher.has_patterns(index) {
                    dynamic.clear();
                    dynamic.extend_from_slice(&hits[from..to]);
                    self.matcher.pattern_hits(index, scope.text(), &mut dynamic);
                    let filled = if self.dynamic[index] {
                        self.matcher
                            .dynamic_hits(index, scope, context, &mut dynamic)
                    } else {
                        Some(())
                    };
                    filled.map(|()| dynamic.as_slice())
                } else {
                    Some(&hits[from..to])
                };
            visit(index, rule_hits);
        }
    }

    /// Replay the playbook's own example replies, for `check`: linear in the
    /// playbook, where calling [`Self::assess`] on each grows with examples
    /// × rules (see [`replay`]).
    pub fn replay(&self) -> replay::Replay<'_, 'p> {
        replay::Replay::new(self)
    }

    /// The hits of rule `index` that applies at the reply's step, given its
    /// static hits: `None` when its condition does not hold or a placeholder
    /// has no value (either way it neither passes nor fails). The body of
    /// [`Self::each_applicable`]'s loop, for one rule.
    fn rule_hits<'a>(
        &self,
        index: usize,
        static_hits: &'a [Hit],
        scope: &Scope,
        context: &Context,
        message: &Said,
        scratch: &'a mut Vec<Hit>,
    ) -> Option<&'a [Hit]> {
        if self.conditional[index]
            && let Some(condition) = &self.rule_conditions[index]
            && !condition.holds(context, message, None)
        {
            return None;
        }
        if !self.dynamic[index] && !self.matcher.has_patterns(index) {
            return Some(static_hits);
        }
        scratch.clear();
        scratch.extend_from_slice(static_hits);
        self.matcher.pattern_hits(index, scope.text(), scratch);
        if self.dynamic[index] {
            self.matcher.dynamic_hits(index, scope, context, scratch)?;
        }
        Some(scratch.as_slice())
    }

    /// Judge a reply by one rule alone, as if it were the playbook's only
    /// rule (`check`'s rule `examples`): `skipped` where its `when` does not
    /// hold or a placeholder has no value in the context. The rule is judged
    /// whatever the context's step (the caller picks one where it applies).
    /// `None` for an index past the playbook's rules.
    pub fn judge_rule(
        &self,
        index: usize,
        reply: &str,
        context: &Context,
    ) -> Option<RuleFinding<'_>> {
        let rule = self.playbook.rules.get(index)?;
        let normalized = Normalized::new(reply);
        let judged = rules::Reply::new(reply, &normalized, &self.cues);
        let message = normalized_message(context);
        let mut static_hits = Vec::new();
        self.matcher
            .rule_static_hits(index, &judged.scope, &mut static_hits);
        static_hits.sort_unstable_by_key(|h| (h.start, h.end, h.item));
        let mut scratch = Vec::new();
        let hits = self.rule_hits(
            index,
            &static_hits,
            &judged.scope,
            context,
            &message,
            &mut scratch,
        );
        Some(rules::judge(index, rule, hits, &judged, context))
    }

    /// What the policy decides for a proposal in a context.
    pub fn decide(&self, context: &Context, proposal: &Proposal) -> PolicyOutcome {
        let message = normalized_message(context);
        self.decide_with(context, &message, proposal)
    }

    /// What the policy makes of a free reply (`validate`, `grade`, a drill's
    /// free reply): its declared proposal, escalating in words where it
    /// declares no escalation; a reply that declares nothing it did is
    /// reported on, not judged ([`policy::not_shown`]).
    pub fn decide_free_reply(
        &self,
        reply: &str,
        context: &Context,
        proposal: &Proposal,
    ) -> PolicyOutcome {
        let message = normalized_message(context);
        self.free_reply_outcome(&normalize::normalize(reply), context, &message, proposal)
    }

    /// The role a reply hands the case to in words (a handoff phrase), if any.
    pub fn worded_escalation(&self, reply: &str) -> Option<&'p str> {
        if self.handoffs.is_empty() {
            return None;
        }
        let rank = self
            .handoffs
            .worded(&normalize::normalize(reply), &self.cues)?;
        Some(self.playbook.roles[rank].id.as_str())
    }

    /// [`Self::decide_free_reply`] of the normalised reply `text`.
    fn free_reply_outcome(
        &self,
        text: &str,
        context: &Context,
        message: &Said,
        proposal: &Proposal,
    ) -> PolicyOutcome {
        let worded = proposal
            .escalate
            .is_none()
            .then(|| self.with_worded_escalation(text, proposal));
        let proposal = worded.as_ref().unwrap_or(proposal);
        let outcome = self.decide_with(context, message, proposal);
        if proposal.actions.is_empty() && proposal.escalate.is_none() {
            policy::not_shown(outcome)
        } else {
            outcome
        }
    }

    /// The proposal with the escalation the reply (normalised `text`) words
    /// with a handoff phrase, if any.
    fn with_worded_escalation(&self, text: &str, proposal: &Proposal) -> Proposal {
        Proposal {
            actions: proposal.actions.clone(),
            escalate: self
                .handoffs
                .worded(text, &self.cues)
                .map(|rank| self.playbook.roles[rank].id.value.clone()),
        }
    }

    fn decide_with(&self, context: &Context, message: &Said, proposal: &Proposal) -> PolicyOutcome {
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
}
