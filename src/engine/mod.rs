//! The reply engine: judge a reply, and what it does, against a playbook.
//!
//! An [`Engine`] compiles a playbook's phrases and patterns once; judging a
//! reply normalises it once, finds every phrase and pattern in one pass, and
//! runs each applicable rule over the hits.

pub mod condition;
pub mod context;
pub mod grants;
pub mod handoff;
pub mod judgement;
pub mod matcher;
pub mod negation;
pub mod normalize;
pub mod placeholder;
pub(crate) mod plan;
pub mod policy;
pub mod replay;
pub mod rules;
pub mod says;
pub mod wildcard;

pub use context::{Context, Proposal};
pub use grants::GrantApplied;
pub use judgement::{Assessment, Judgement, Match, PolicyCode, PolicyFinding, RuleFinding};
pub use judgement::{Decision, Detail, Grant, Status, Verdict, Want};
pub use matcher::{MAX_PHRASE_CHARS, PatternError, Problem};
pub use policy::PolicyOutcome;

use condition::CompiledCondition;
use matcher::{Hit, Matcher};
use negation::{Cues, Said, Scope};
use normalize::Normalized;
use plan::{CompiledRule, Scratch};

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

/// Buffers [`Engine::judge_turn`] reuses from one turn to the next.
#[derive(Debug, Default)]
pub struct TurnScratch(Scratch);

/// One agent turn judged by its rules ([`Engine::judge_turn`]).
#[derive(Debug)]
pub struct TurnJudged<'p> {
    /// Every rule that applied, in the playbook's order.
    pub findings: Vec<RuleFinding<'p>>,
    /// The rank of the most senior role whose handoff phrase the turn says,
    /// not negated.
    pub worded: Option<usize>,
    /// For each of the context's key facts: whether it occurs at all, and
    /// whether it occurs not negated.
    pub facts: Vec<[bool; 2]>,
}

/// A playbook compiled for judging replies: the plan, built once.
pub struct Engine<'p> {
    pub playbook: &'p Playbook,
    matcher: Matcher,
    /// The negation cues: built-in and the playbook's `negation_cues`.
    cues: Cues,
    /// Each rule, compiled, in the playbook's order.
    rules: Vec<CompiledRule<'p>>,
    /// For each step, the rules that may apply there (their `at` names it or
    /// they have none), in order: a reply is only held to its step's rules.
    rules_by_step: HashMap<&'p str, Vec<usize>>,
    /// Every rule's index, for a step the playbook does not define.
    rules_anywhere: Vec<usize>,
    escalations: Vec<CompiledCondition<'p>>,
    /// Every role's grants, conditions compiled.
    grants: grants::CompiledGrants<'p>,
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
        let cues = Cues::new(&extra_cues);
        let rules = playbook
            .rules
            .iter()
            .enumerate()
            .map(|(index, rule)| {
                Ok(CompiledRule {
                    rule,
                    plan: rules::Plan::of(rule),
                    condition: rule
                        .when
                        .as_ref()
                        .map(|w| CompiledCondition::new(w, &rule.id, w.pos, &playbook.roles, &cues))
                        .transpose()?,
                    dynamic: matcher.items(index).iter().any(|item| item.dynamic),
                    patterns: matcher.has_patterns(index),
                    want: Want::of(rule),
                })
            })
            .collect::<Result<_, PatternError>>()?;
        Ok(Engine {
            playbook,
            rules,
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
            escalations: playbook
                .escalation
                .iter()
                .map(|e| CompiledCondition::new(&e.when, &e.id, e.when.pos, &playbook.roles, &cues))
                .collect::<Result<_, _>>()?,
            grants: grants::CompiledGrants::new(playbook, &cues)?,
            handoffs: handoff::Handoffs::new(playbook)?,
            matcher,
            cues,
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
        let mut scratch = Scratch::default();
        let mut findings = Vec::new();
        self.each_applicable(&judged, context, None, &mut scratch, |index, hits| {
            findings.push(rules::judge(
                index,
                &self.rules[index],
                hits,
                &judged,
                context,
            ));
        });
        let (policy, decision) = match proposal {
            Some(proposal) => {
                let message = scratch.message(context);
                let outcome = self.free_reply_outcome(&judged.scope, context, message, proposal);
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

    /// Judge one agent turn of a conversation by the rules `candidates`
    /// (indices in the playbook's order: the turn's steps decide them), in
    /// its context: the rule findings, the role it hands the case to in
    /// words, and which of the context's key facts it mentions (for `echo`
    /// rules counted over turns), each once normalised.
    pub fn judge_turn(
        &self,
        reply: &str,
        context: &Context,
        candidates: &[usize],
        scratch: &mut TurnScratch,
    ) -> TurnJudged<'_> {
        // The last turn's buffers, refilled: a conversation's turns cost no
        // allocation for their normalised text or negation scope past the first.
        let normalized = match scratch.0.normalized.take() {
            Some(mut last) => {
                last.refill(reply);
                last
            }
            None => Normalized::new(reply),
        };
        let buffers = std::mem::take(&mut scratch.0.scope);
        let judged = rules::Reply::new(reply, &normalized, &self.cues).reusing(buffers);
        let mut findings = Vec::new();
        self.each_applicable(
            &judged,
            context,
            Some(candidates),
            &mut scratch.0,
            |index, hits| {
                findings.push(rules::judge(
                    index,
                    &self.rules[index],
                    hits,
                    &judged,
                    context,
                ));
            },
        );
        let facts = if context.key_facts.is_empty() {
            Vec::new()
        } else {
            judged
                .key_facts_each(context)
                .iter()
                .map(|found| {
                    [
                        !found.is_empty(),
                        found.iter().any(|&(_, _, negated)| !negated),
                    ]
                })
                .collect()
        };
        let worded = self.handoffs.worded(&judged.scope);
        scratch.0.scope = judged.scope.into_buffers();
        scratch.0.normalized = Some(normalized);
        TurnJudged {
            findings,
            worded,
            facts,
        }
    }

    /// The compiled conditions of the playbook's escalation rules, in order.
    pub fn escalation_conditions(&self) -> &[CompiledCondition<'p>] {
        &self.escalations
    }

    /// The negation cues replies and conditions are judged with.
    pub fn cues(&self) -> &Cues {
        &self.cues
    }

    /// What the policy decides for a proposal in a context, the customer's
    /// last message normalised already.
    pub fn decide_said(
        &self,
        context: &Context,
        message: &Said,
        proposal: &Proposal,
    ) -> PolicyOutcome {
        self.decide_with(context, message, proposal)
    }

    /// The verdict, score and failed rules of a reply's words, without the
    /// spans and messages people read: what `check` and batch grading need,
    /// many times over.
    pub fn assess(&self, reply: &str, context: &Context) -> Assessment {
        let mut assessment = Assessment::default();
        let normalized = Normalized::new(reply);
        let judged = rules::Reply::new(reply, &normalized, &self.cues);
        self.assess_words(&judged, context, &mut assessment);
        assessment
    }

    /// [`Self::assess`], and what the reply does judged against the policy
    /// (the policy codes it breaks), into `into`, whose buffers are reused: the
    /// hot path of batch grading. Past the first reply, it allocates nothing
    /// but the normalised reply, and what the policy decides where the reply
    /// declares an action or an escalation (`tests/alloc.rs`).
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
        let normalized = match into.scratch.normalized.take() {
            Some(mut last) => {
                last.refill(reply);
                last
            }
            None => Normalized::new(reply),
        };
        let buffers = std::mem::take(&mut into.scratch.scope);
        let key_facts = into.scratch.take_key_facts(context);
        let judged = rules::Reply::new(reply, &normalized, &self.cues)
            .reusing(buffers)
            .with_key_facts(&key_facts.facts);
        self.assess_words(&judged, context, into);
        // The role a reply hands the case to in words, in the scope its rules
        // were judged in (as `decide_free_reply` finds it).
        let worded = match &proposal.escalate {
            None => self.handoffs.worded(&judged.scope),
            Some(_) => None,
        };
        into.scratch.scope = judged.scope.into_buffers();
        into.scratch.key_facts = key_facts;
        into.scratch.normalized = Some(normalized);
        if proposal.actions.is_empty() && proposal.escalate.is_none() && worded.is_none() {
            // Declares nothing it did: judged by its words; the policy would
            // only report (`escalation-not-shown`), which fails nothing.
            return;
        }
        let worded_proposal;
        let proposal = match worded {
            Some(rank) => {
                worded_proposal = Proposal {
                    actions: proposal.actions.clone(),
                    escalate: Some(self.playbook.roles[rank].id.value.clone()),
                };
                &worded_proposal
            }
            None => proposal,
        };
        let acting = self.playbook.role_rank(&context.role).unwrap_or(0);
        let message = into.scratch.message(context);
        let outcome = policy::decide(
            self.playbook,
            &self.escalations,
            &self.grants,
            acting,
            context,
            message,
            proposal,
        );
        for finding in outcome.findings {
            if finding.severity == crate::playbook::Severity::Error {
                into.verdict = Verdict::Fail;
            }
            into.policy.push(finding.code);
        }
    }

    fn assess_words(&self, judged: &rules::Reply, context: &Context, assessment: &mut Assessment) {
        let (mut passed, mut counted) = (0.0, 0.0);
        let Assessment {
            verdict,
            applied,
            failed,
            scratch,
            ..
        } = assessment;
        self.each_applicable(judged, context, None, scratch, |index, hits| {
            let plan = &self.rules[index].plan;
            match rules::status(plan, hits, judged, context) {
                Status::Pass => {
                    passed += plan.weight;
                    counted += plan.weight;
                    applied.push(index);
                }
                Status::Fail => {
                    counted += plan.weight;
                    applied.push(index);
                    failed.push(index);
                    if plan.fails_reply {
                        *verdict = Verdict::Fail;
                    }
                }
                Status::Skipped => {}
            }
        });
        assessment.score = judgement::score_of(passed, counted);
    }

    /// Visit every rule that applies in the context, in the playbook's order,
    /// with its hits (`None` when a placeholder has no value): the one loop
    /// behind [`Self::judge`] and [`Self::assess`]. Its buffers are
    /// `scratch`'s.
    fn each_applicable(
        &self,
        reply: &rules::Reply,
        context: &Context,
        only: Option<&[usize]>,
        scratch: &mut Scratch,
        mut visit: impl FnMut(usize, Option<&[Hit]>),
    ) {
        let scope = &reply.scope;
        let mut hits = std::mem::take(&mut scratch.hits);
        let mut rule_hits = std::mem::take(&mut scratch.rule_hits);
        hits.clear();
        self.matcher
            .static_hits_with(scope, &mut hits, &mut scratch.candidates);
        hits.sort_unstable_by_key(|h| (h.rule, h.start, h.end, h.item));
        // Candidates are the step's rules, already filtered by `at`; a step the
        // playbook does not define gets every rule, filtered here.
        let (candidates, filtered): (&[usize], bool) = match only {
            Some(only) => (only, true),
            None => match self.rules_by_step.get(context.step.as_str()) {
                Some(at_step) => (at_step, true),
                None => (&self.rules_anywhere, false),
            },
        };
        // Both candidates and hits are in rule order: one walk through the hits.
        let mut cursor = 0;
        for &index in candidates {
            let compiled = &self.rules[index];
            if !filtered && !compiled.rule.applies_at(&context.step) {
                continue;
            }
            if let Some(condition) = &compiled.condition
                && !condition.holds(context, scratch.message(context), None)
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
            let found = self.searched_hits(
                index,
                &hits[from..cursor],
                scope,
                context,
                scratch,
                &mut rule_hits,
            );
            visit(index, found);
        }
        scratch.hits = hits;
        scratch.rule_hits = rule_hits;
    }

    /// The hits of rule `index`, given its static hits: with its patterns
    /// searched and its placeholders filled where it has them (into
    /// `rule_hits`), `None` when a placeholder has no value.
    fn searched_hits<'h>(
        &self,
        index: usize,
        static_hits: &'h [Hit],
        scope: &Scope,
        context: &Context,
        scratch: &mut Scratch,
        rule_hits: &'h mut Vec<Hit>,
    ) -> Option<&'h [Hit]> {
        let compiled = &self.rules[index];
        if !compiled.searched() {
            return Some(static_hits);
        }
        rule_hits.clear();
        rule_hits.extend_from_slice(static_hits);
        if compiled.patterns {
            self.matcher.pattern_hits(index, scope.text(), rule_hits);
        }
        if compiled.dynamic {
            self.matcher
                .dynamic_hits(index, scope, context, scratch, rule_hits)?;
        }
        Some(rule_hits.as_slice())
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
        scratch: &mut Scratch,
        rule_hits: &'a mut Vec<Hit>,
    ) -> Option<&'a [Hit]> {
        if let Some(condition) = &self.rules[index].condition
            && !condition.holds(context, scratch.message(context), None)
        {
            return None;
        }
        self.searched_hits(index, static_hits, scope, context, scratch, rule_hits)
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
        let compiled = self.rules.get(index)?;
        let normalized = Normalized::new(reply);
        let judged = rules::Reply::new(reply, &normalized, &self.cues);
        let mut static_hits = Vec::new();
        self.matcher
            .rule_static_hits(index, &judged.scope, &mut static_hits);
        static_hits.sort_unstable_by_key(|h| (h.start, h.end, h.item));
        let mut scratch = Scratch::default();
        let mut rule_hits = Vec::new();
        let hits = self.rule_hits(
            index,
            &static_hits,
            &judged.scope,
            context,
            &mut scratch,
            &mut rule_hits,
        );
        Some(rules::judge(index, compiled, hits, &judged, context))
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
        let normalized = Normalized::new(reply);
        let scope = Scope::of_reply(&normalized, reply, &self.cues);
        self.free_reply_outcome(&scope, context, &message, proposal)
    }

    /// The role a reply hands the case to in words (a handoff phrase), if any.
    pub fn worded_escalation(&self, reply: &str) -> Option<&'p str> {
        if self.handoffs.is_empty() {
            return None;
        }
        let normalized = Normalized::new(reply);
        let scope = Scope::of_reply(&normalized, reply, &self.cues);
        let rank = self.handoffs.worded(&scope)?;
        Some(self.playbook.roles[rank].id.as_str())
    }

    /// [`Self::decide_free_reply`] of the reply whose negation scope is `scope`.
    fn free_reply_outcome(
        &self,
        scope: &Scope,
        context: &Context,
        message: &Said,
        proposal: &Proposal,
    ) -> PolicyOutcome {
        let worded = proposal
            .escalate
            .is_none()
            .then(|| self.with_worded_escalation(scope, proposal));
        let proposal = worded.as_ref().unwrap_or(proposal);
        let outcome = self.decide_with(context, message, proposal);
        if proposal.actions.is_empty() && proposal.escalate.is_none() {
            policy::not_shown(outcome)
        } else {
            outcome
        }
    }

    /// The proposal with the escalation the reply (its `scope`) words with a
    /// handoff phrase, if any.
    fn with_worded_escalation(&self, scope: &Scope, proposal: &Proposal) -> Proposal {
        Proposal {
            actions: proposal.actions.clone(),
            escalate: self
                .handoffs
                .worded(scope)
                .map(|rank| self.playbook.roles[rank].id.value.clone()),
        }
    }

    fn decide_with(&self, context: &Context, message: &Said, proposal: &Proposal) -> PolicyOutcome {
        let acting = self.playbook.role_rank(&context.role).unwrap_or(0);
        policy::decide(
            self.playbook,
            &self.escalations,
            &self.grants,
            acting,
            context,
            message,
            proposal,
        )
    }
}
