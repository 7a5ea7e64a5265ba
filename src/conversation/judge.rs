//! Judging a whole conversation against a playbook
//! (`shared/spec/CONVERSATIONS.md`, "How a conversation is judged").
//!
//! A [`ConversationJudge`] is compiled once per playbook: the engine, the
//! rules that apply at each kind of turn, the procedures with their
//! conditions and phrase sets, the tools that are actions or handoffs. It
//! then reads a conversation once, in order: each message is normalised at
//! most once, and what "so far" means (the customer's messages, the agent's
//! turns, the tools called) is kept as state that grows, never rescanned.

use super::judgement::{ConversationJudgement, EscalationOutcome, Finding, Metrics, Reason};
use super::{Conversation, Message, Speaker, ToolCall};
use crate::engine::condition::{CompiledCondition, FactKeys, FactValues};
use crate::engine::negation::Said;
use crate::engine::policy::Ruling;
use crate::engine::says::SaysSet;
use crate::engine::{
    Context, Engine, PatternError, PolicyCode, PolicyFinding, Proposal, RuleFinding, Status,
    TurnScratch, Verdict,
};
use crate::playbook::{CheckKind, Negation, Playbook, Procedure, Scalar, Severity, Spanned};

/// A playbook compiled for judging conversations.
pub struct ConversationJudge<'e, 'p> {
    engine: &'e Engine<'p>,
    playbook: &'p Playbook,
    procedures: Vec<CompiledProcedure<'p>>,
    /// The rules that may apply at a turn at the first step, the last, the
    /// steps between, and every step (indices, in the playbook's order).
    at_first: Vec<usize>,
    at_last: Vec<usize>,
    at_middle: Vec<usize>,
    at_every: Vec<usize>,
    /// The rules that may apply at a turn that names its step.
    at_step: Vec<(&'p str, Vec<usize>)>,
    /// Rules without `at`: for a turn at a step the playbook does not have.
    anywhere: Vec<usize>,
    /// Each tool that performs an action: the action and its amount's path.
    /// A playbook names a handful of tools: a list is faster than a map.
    actions: Vec<(&'p str, (&'p str, Option<&'p str>))>,
    /// Each role's handoff tool, with the role's rank.
    handoffs: Vec<(&'p str, usize)>,
    /// Every tool some procedure's `calls` names.
    procedure_tools: Vec<&'p str>,
    /// Whether any procedure names a call (else calls cost nothing more).
    any_calls: bool,
    /// Whether anything reads the agent's turns as said (`agent_says`,
    /// `agent_said`, `then_says`): else a turn is normalised once, for its
    /// rules, and not again.
    hears_agent: bool,
    /// Whether each customer message must be normalised as it comes (an
    /// escalation rule's or a procedure's `customer_says` over the messages
    /// so far, `customer_said`); else only at a call that asks.
    hears_customer: bool,
}

struct CompiledProcedure<'p> {
    source: &'p Procedure,
    /// The tools it is judged at (an action id stands for its tool).
    calls: Vec<&'p str>,
    when: Option<CompiledCondition<'p>>,
    only_when: Option<CompiledCondition<'p>>,
    customer_says: Option<SaysSet>,
    customer_said: Option<SaysSet>,
    agent_says: Option<SaysSet>,
    agent_said: Option<SaysSet>,
    done: Vec<&'p str>,
    not_done: Vec<&'p str>,
    then_says: Option<SaysSet>,
    max_tool_calls: Option<u32>,
    /// `Some(false)`: a message with tool calls has no text.
    text_with_tool_calls: Option<bool>,
}

impl<'e, 'p> ConversationJudge<'e, 'p> {
    /// Compile the playbook's procedures and step sets. Fails as the engine
    /// does on a phrase over the length limit.
    pub fn new(engine: &'e Engine<'p>) -> Result<Self, PatternError> {
        let playbook = engine.playbook;
        let cues = engine.cues();
        let steps: Vec<&str> = playbook.steps.iter().map(|s| s.id.as_str()).collect();
        let applying = |set: &[&str]| -> Vec<usize> {
            playbook
                .rules
                .iter()
                .enumerate()
                .filter(|(_, r)| {
                    r.at.as_ref()
                        .is_none_or(|at| at.iter().any(|s| set.contains(&s.as_str())))
                })
                .map(|(i, _)| i)
                .collect()
        };
        let at_every = applying(&steps);
        let (at_first, at_last, at_middle) = if steps.len() < 3 {
            (at_every.clone(), at_every.clone(), at_every.clone())
        } else {
            (
                applying(&steps[..1]),
                applying(&steps[steps.len() - 1..]),
                applying(&steps[1..steps.len() - 1]),
            )
        };
        let at_step = steps.iter().map(|&s| (s, applying(&[s]))).collect();
        let anywhere = applying(&[]);
        let actions: Vec<(&str, (&str, Option<&str>))> = playbook
            .actions
            .iter()
            .filter_map(|a| {
                let tool = a.tool.as_ref()?.as_str();
                Some((
                    tool,
                    (a.id.as_str(), a.amount.as_ref().map(Spanned::as_str)),
                ))
            })
            .collect();
        let handoffs = playbook
            .roles
            .iter()
            .enumerate()
            .filter_map(|(rank, role)| {
                let tool = role.handoff.as_ref()?.value.tool.as_ref()?;
                Some((tool.as_str(), rank))
            })
            .collect();
        let mut procedures = Vec::with_capacity(playbook.procedures.len());
        for p in &playbook.procedures {
            let id = p.id.as_str();
            let says = |s: Option<&crate::playbook::Says>, pos| {
                s.map(|s| SaysSet::new(s, id, pos, cues)).transpose()
            };
            let condition =
                |c: Option<&'p crate::playbook::Spanned<crate::playbook::Condition>>| {
                    c.map(|c| CompiledCondition::new(c, id, c.pos, &playbook.roles, cues))
                        .transpose()
                };
            let require = p.require.as_ref();
            let pos = require.map_or(p.id.pos, |r| r.pos);
            let texts = |t: Option<&'p crate::playbook::Texts>| -> Vec<&'p str> {
                t.map(|t| t.iter().map(Spanned::as_str).collect())
                    .unwrap_or_default()
            };
            procedures.push(CompiledProcedure {
                source: p,
                calls: p
                    .calls
                    .iter()
                    .map(|c| {
                        playbook
                            .action(c.as_str())
                            .and_then(|a| a.tool.as_ref())
                            .map_or(c.as_str(), |t| t.as_str())
                    })
                    .collect(),
                when: condition(p.when.as_ref())?,
                only_when: condition(p.only_when.as_ref())?,
                customer_says: says(require.and_then(|r| r.customer_says.as_ref()), pos)?,
                customer_said: says(require.and_then(|r| r.customer_said.as_ref()), pos)?,
                agent_says: says(require.and_then(|r| r.agent_says.as_ref()), pos)?,
                agent_said: says(require.and_then(|r| r.agent_said.as_ref()), pos)?,
                done: texts(require.and_then(|r| r.done.as_ref())),
                not_done: texts(require.and_then(|r| r.not_done.as_ref())),
                then_says: says(p.then_says.as_ref().map(|t| &t.value), p.id.pos)?,
                max_tool_calls: p
                    .turn
                    .as_ref()
                    .and_then(|t| t.max_tool_calls.as_ref())
                    .map(|m| m.value),
                text_with_tool_calls: p
                    .turn
                    .as_ref()
                    .and_then(|t| t.text_with_tool_calls.as_ref())
                    .map(|m| m.value),
            });
        }
        let hears_agent = procedures
            .iter()
            .any(|p| p.agent_says.is_some() || p.agent_said.is_some() || p.then_says.is_some());
        let hears_customer = engine
            .escalation_conditions()
            .iter()
            .any(|c| c.says_count() > 0)
            || procedures.iter().any(|p| p.customer_said.is_some());
        let mut procedure_tools: Vec<&str> = procedures
            .iter()
            .flat_map(|p| p.calls.iter().copied())
            .collect();
        procedure_tools.sort_unstable();
        procedure_tools.dedup();
        Ok(ConversationJudge {
            procedure_tools,
            engine,
            playbook,
            hears_agent,
            hears_customer,
            any_calls: procedures.iter().any(|p| !p.calls.is_empty()),
            procedures,
            at_first,
            at_last,
            at_middle,
            at_every,
            at_step,
            anywhere,
            actions,
            handoffs,
        })
    }

    pub fn playbook(&self) -> &'p Playbook {
        self.playbook
    }

    /// Judge one conversation.
    pub fn judge(&self, conversation: &Conversation) -> ConversationJudgement<'e> {
        self.judge_with(conversation, &mut Scratch::default())
    }

    /// [`Self::judge`], reusing `scratch`'s buffers (a worker judging many
    /// conversations keeps one).
    pub fn judge_with(
        &self,
        conversation: &Conversation,
        scratch: &mut Scratch,
    ) -> ConversationJudgement<'e> {
        let mut run = Run::new(self, conversation, std::mem::take(&mut scratch.0));
        for message in &conversation.messages {
            run.message(message);
        }
        let (judgement, turn_scratch) = run.finish();
        scratch.0 = turn_scratch;
        judgement
    }
}

/// Buffers one conversation's judging leaves for the next
/// ([`ConversationJudge::judge_with`]).
#[derive(Debug, Default)]
pub struct Scratch(TurnScratch);

/// What a rule has come to so far over the turns.
#[derive(Clone, Debug)]
struct RuleState<'p> {
    status: Status,
    /// An obligation met at some turn.
    met: bool,
    /// The last turn where an obligation applied, its finding and message.
    last: Option<(RuleFinding<'p>, usize, usize)>,
    /// An `echo` obligation: which key facts some turn mentioned.
    echoed: Vec<bool>,
}

#[derive(Clone, Debug, Default)]
#[allow(clippy::struct_excessive_bools)] // four independent facts of one procedure's run
struct ProcedureState {
    applied: bool,
    failed: bool,
    calls: u32,
    /// A fixed `customer_said` / `agent_said` phrase was said so far.
    customer_said: bool,
    agent_said: bool,
}

/// A call whose `then_says` waits for the agent's next turn.
struct Pending {
    procedure: usize,
    at: usize,
    tool: String,
    /// The call's arguments as `args.KEY` facts, for placeholders.
    args: Vec<(String, Scalar)>,
}

/// One conversation being judged.
struct Run<'j, 'e, 'p> {
    judge: &'j ConversationJudge<'e, 'p>,
    context: Context,
    acting: usize,
    /// The agent turns, in all.
    total_turns: usize,
    turn: usize,
    scratch: TurnScratch,
    /// The customer's last message, normalised once it is asked for
    /// (`heard_last` says whether `last_customer` holds it already).
    last_customer: Said,
    heard_last: bool,
    /// The customer's messages and the agent's turns so far, normalised,
    /// kept only where a procedure's phrases have placeholders.
    customer_saids: Vec<Said>,
    agent_saids: Vec<Said>,
    keep_saids: bool,
    last_agent: Option<Said>,
    /// Per escalation rule: which of its `customer_says` clauses the
    /// customer's messages so far met, and where it was triggered.
    heard: Vec<Vec<bool>>,
    triggered: Vec<Option<usize>>,
    /// Each time the case went up the ladder: (rank, message).
    escalations: Vec<(usize, usize)>,
    escalated: Option<usize>,
    /// Some call needed a role above the acting one.
    action_needed: bool,
    totals: Vec<(&'p str, f64)>,
    reported: Vec<(&'p str, PolicyCode)>,
    called: Vec<String>,
    rules: Vec<RuleState<'e>>,
    procedures: Vec<ProcedureState>,
    pending: Vec<Pending>,
    findings: Vec<Finding<'e>>,
    timestamps: Vec<Option<jiff::Timestamp>>,
    first_customer_at: Option<jiff::Timestamp>,
    first_reply_s: Option<i64>,
    tool_calls: usize,
    /// Which key facts the turn being judged mentions: at all, not negated.
    last_facts: Vec<[bool; 2]>,
}

impl<'j, 'e, 'p> Run<'j, 'e, 'p>
where
    'p: 'e,
{
    fn new(judge: &'j ConversationJudge<'e, 'p>, c: &Conversation, scratch: TurnScratch) -> Self {
        let playbook = judge.playbook;
        let role = c
            .role
            .clone()
            .or_else(|| playbook.roles.first().map(|r| r.id.value.clone()))
            .unwrap_or_default();
        let acting = playbook.role_rank(&role).unwrap_or(0);
        let context = Context {
            step: String::new(),
            role,
            customer_name: c.customer.name.clone(),
            customer_mood: c.customer.mood.clone(),
            customer_tier: c.customer.tier.clone(),
            contacts: c
                .contacts
                .unwrap_or(crate::playbook::Scenario::DEFAULT_CONTACTS),
            waiting: c.waiting.unwrap_or_default(),
            facts: c.facts.clone(),
            message: None,
            key_facts: c.key_facts.clone(),
            escalated: c.escalated.clone(),
        };
        let escalated = c.escalated.as_deref().and_then(|r| playbook.role_rank(r));
        let total_turns = c.messages.iter().filter(|m| is_turn(m)).count();
        let echo_len = c.key_facts.len();
        Run {
            judge,
            context,
            acting,
            total_turns,
            turn: 0,
            scratch,
            last_customer: Said::default(),
            heard_last: true,
            customer_saids: Vec::new(),
            agent_saids: Vec::new(),
            keep_saids: judge.procedures.iter().any(|p| {
                p.customer_said.as_ref().is_some_and(SaysSet::is_dynamic)
                    || p.agent_said.as_ref().is_some_and(SaysSet::is_dynamic)
            }),
            last_agent: None,
            heard: judge
                .engine
                .escalation_conditions()
                .iter()
                .map(|c| vec![false; c.says_count()])
                .collect(),
            triggered: vec![None; playbook.escalation.len()],
            escalations: Vec::new(),
            escalated,
            action_needed: false,
            totals: Vec::new(),
            reported: Vec::new(),
            called: Vec::new(),
            rules: vec![
                RuleState {
                    status: Status::Skipped,
                    met: false,
                    last: None,
                    echoed: vec![false; echo_len],
                };
                playbook.rules.len()
            ],
            procedures: vec![ProcedureState::default(); judge.procedures.len()],
            pending: Vec::new(),
            findings: Vec::new(),
            timestamps: Vec::with_capacity(c.messages.len()),
            first_customer_at: None,
            first_reply_s: None,
            tool_calls: 0,
            last_facts: Vec::new(),
        }
    }

    fn message(&mut self, m: &Message) {
        if !m.facts.is_empty() {
            for (k, v) in &m.facts {
                self.context.facts.insert(k.clone(), v.clone());
            }
        }
        self.timestamps.push(m.timestamp);
        let mut proposal = Proposal::default();
        match m.role {
            Speaker::System | Speaker::Tool => {}
            Speaker::User => self.customer(m),
            Speaker::Assistant => self.assistant(m, &mut proposal),
        }
        if let Some(role) = m.escalate.as_deref()
            && let Some(rank) = self.judge.playbook.role_rank(role)
        {
            self.escalate(rank, m.index);
        }
        self.trigger(m.index, &proposal);
    }

    fn customer(&mut self, m: &Message) {
        let text = m.content.as_deref().unwrap_or_default();
        if self.first_customer_at.is_none() {
            self.first_customer_at = m.timestamp;
        }
        match &mut self.context.message {
            Some(last) => {
                last.clear();
                last.push_str(text);
            }
            None => self.context.message = Some(text.to_owned()),
        }
        self.heard_last = false;
        if !self.judge.hears_customer {
            return;
        }
        self.hear_last();
        for (condition, heard) in self
            .judge
            .engine
            .escalation_conditions()
            .iter()
            .zip(&mut self.heard)
        {
            condition.mark_said(&self.last_customer, heard);
        }
        for (p, state) in self.judge.procedures.iter().zip(&mut self.procedures) {
            if !state.customer_said
                && let Some(says) = &p.customer_said
            {
                state.customer_said = says.fixed_said(&self.last_customer);
            }
        }
        if self.keep_saids {
            self.customer_saids.push(self.last_customer.clone());
        }
    }

    /// Normalise the customer's last message, if it is not yet.
    fn hear_last(&mut self) {
        if !self.heard_last {
            let text = self.context.message.as_deref().unwrap_or_default();
            self.last_customer.refill(text);
            self.heard_last = true;
        }
    }

    fn assistant(&mut self, m: &Message, proposal: &mut Proposal) {
        if !m.internal {
            self.turn_shape(m);
        }
        if is_turn(m) {
            self.agent_turn(m);
        }
        for call in &m.tool_calls {
            self.call(m, call, proposal);
        }
    }

    /// An assistant message against every `turn` shape.
    fn turn_shape(&mut self, m: &Message) {
        let has_text = has_text(m);
        for (index, p) in self.judge.procedures.iter().enumerate() {
            let mut unmet = 0;
            if let Some(max) = p.max_tool_calls {
                self.procedures[index].applied = true;
                if m.tool_calls.len() > max as usize {
                    unmet += 1;
                }
            }
            if let Some(allowed) = p.text_with_tool_calls {
                self.procedures[index].applied = true;
                if !allowed && has_text && !m.tool_calls.is_empty() {
                    unmet += 1;
                }
            }
            for _ in 0..unmet {
                self.procedure_finding(index, Reason::TurnShape, m.index, None);
            }
        }
    }

    fn agent_turn(&mut self, m: &Message) {
        self.turn += 1;
        if self.first_reply_s.is_none()
            && let (Some(from), Some(to)) = (self.first_customer_at, m.timestamp)
        {
            self.first_reply_s = Some(seconds(from, to).max(0));
        }
        let text = m.content.as_deref().unwrap_or_default();
        let candidates = self.candidates(m);
        if let Some(step) = &m.step {
            self.context.step.clone_from(step);
        }
        let judged =
            self.judge
                .engine
                .judge_turn(text, &self.context, candidates, &mut self.scratch);
        self.last_facts = judged.facts;
        for finding in judged.findings {
            self.rule_outcome(finding, m.index);
        }
        if let Some(rank) = judged.worded {
            self.escalate(rank, m.index);
        }
        if !self.judge.hears_agent {
            return;
        }
        let said = Said::new(text);
        // The calls that wait for this turn's words.
        let pending = std::mem::take(&mut self.pending);
        for wait in pending {
            let p = &self.judge.procedures[wait.procedure];
            let Some(then) = &p.then_says else { continue };
            let ok = self.with_args(&wait.args, |context| then.said(&said, context));
            if !ok {
                self.procedure_finding(
                    wait.procedure,
                    Reason::NotSaidAfter,
                    wait.at,
                    Some(wait.tool),
                );
            }
        }
        for (p, state) in self.judge.procedures.iter().zip(&mut self.procedures) {
            if !state.agent_said
                && let Some(says) = &p.agent_said
            {
                state.agent_said = says.fixed_said(&said);
            }
        }
        if self.keep_saids {
            self.agent_saids.push(said.clone());
        }
        self.last_agent = Some(said);
    }

    /// The rules that may apply at this turn, by its step.
    fn candidates(&self, m: &Message) -> &'j [usize] {
        let judge = self.judge;
        if let Some(step) = &m.step {
            return judge
                .at_step
                .iter()
                .find(|(s, _)| *s == step.as_str())
                .map_or(judge.anywhere.as_slice(), |(_, rules)| rules.as_slice());
        }
        if self.total_turns <= 1 {
            &judge.at_every
        } else if self.turn == 1 {
            &judge.at_first
        } else if self.turn == self.total_turns {
            &judge.at_last
        } else {
            &judge.at_middle
        }
    }

    /// Fold one turn's finding of a rule into what the rule has come to.
    fn rule_outcome(&mut self, finding: RuleFinding<'e>, at: usize) {
        let rule = &self.judge.playbook.rules[finding.index];
        let state = &mut self.rules[finding.index];
        if finding.status == Status::Skipped {
            return;
        }
        let obligation =
            matches!(rule.check.value, CheckKind::Mention | CheckKind::Echo) && !rule.every_turn();
        if !obligation {
            match finding.status {
                Status::Fail => {
                    state.status = Status::Fail;
                    self.findings.push(Finding::Rule {
                        finding,
                        turn: self.turn,
                        at,
                    });
                }
                _ if state.status == Status::Skipped => state.status = Status::Pass,
                _ => {}
            }
            return;
        }
        if state.status == Status::Skipped {
            state.status = Status::Fail; // until some turn meets it
        }
        if rule.check.value == CheckKind::Echo {
            let respect = rule
                .negation
                .as_ref()
                .is_none_or(|n| n.value != Negation::Ignore);
            // The scratch's facts are the context's, in order.
            for (seen, now) in state.echoed.iter_mut().zip(&self.last_facts) {
                *seen = *seen || now[usize::from(respect)];
            }
            let min = rule
                .min
                .as_ref()
                .map_or(crate::playbook::Rule::DEFAULT_ECHO_MIN, |m| m.value);
            let mentioned = state.echoed.iter().filter(|&&s| s).count();
            if mentioned >= min as usize {
                state.met = true;
            }
        } else if finding.status == Status::Pass {
            state.met = true;
        }
        if state.met {
            state.status = Status::Pass;
        }
        state.last = Some((finding, self.turn, at));
    }

    fn call(&mut self, m: &Message, call: &ToolCall, proposal: &mut Proposal) {
        self.tool_calls += 1;
        let judge = self.judge;
        let name = call.name.as_str();
        if let Some(&(_, rank)) = judge.handoffs.iter().find(|(tool, _)| *tool == name) {
            self.escalate(rank, m.index);
        }
        if let Some(&(_, (action, path))) = judge.actions.iter().find(|(tool, _)| *tool == name) {
            let amount = path.map_or(Some(1.0), |p| amount_at(&call.parsed_arguments(), p));
            if let Some(amount) = amount {
                self.action(action, amount, m.index, proposal);
            }
        }
        if judge.any_calls && judge.procedure_tools.contains(&name) {
            self.procedures_at(m, call);
        }
        self.called.push(call.name.clone());
    }

    /// A call of an action's tool: its total so far against the acting
    /// role's holding grant, with the escalation so far.
    fn action(&mut self, action: &'p str, amount: f64, at: usize, proposal: &mut Proposal) {
        let total = if let Some((_, total)) = self.totals.iter_mut().find(|(a, _)| *a == action) {
            *total += amount;
            *total
        } else {
            self.totals.push((action, amount));
            amount
        };
        proposal.actions.push((action.to_owned(), total));
        let one = Proposal {
            actions: vec![(action.to_owned(), total)],
            escalate: None,
        };
        self.context.escalated = self
            .escalated
            .map(|r| self.judge.playbook.roles[r].id.value.clone());
        self.hear_last();
        let outcome = self
            .judge
            .engine
            .decide_said(&self.context, &self.last_customer, &one);
        if outcome
            .actions
            .iter()
            .any(|a| !matches!(a.ruling, Ruling::Allowed { .. }))
        {
            self.action_needed = true;
        }
        for finding in outcome.findings {
            if !matches!(
                finding.code,
                PolicyCode::OverLimit | PolicyCode::ForbiddenAction
            ) || self.reported.contains(&(action, finding.code))
            {
                continue;
            }
            self.reported.push((action, finding.code));
            self.findings.push(Finding::Policy {
                finding,
                at,
                late: None,
            });
        }
    }

    /// Every procedure that names this call.
    fn procedures_at(&mut self, m: &Message, call: &ToolCall) {
        let judge = self.judge;
        let named: Vec<usize> = judge
            .procedures
            .iter()
            .enumerate()
            .filter(|(_, p)| p.calls.contains(&call.name.as_str()))
            .map(|(i, _)| i)
            .collect();
        if named.is_empty() {
            return;
        }
        self.hear_last();
        let args = args_facts(&call.parsed_arguments());
        for (k, v) in &args {
            self.context.facts.insert(k.clone(), v.clone());
        }
        let empty = Said::default();
        for index in named {
            let p = &judge.procedures[index];
            let facts = FactValues::new(&FactKeys::default(), &self.context);
            if let Some(when) = &p.when
                && !when.holds_with(&facts, &self.last_customer, None)
            {
                continue;
            }
            let mut unmet: Vec<Reason> = Vec::new();
            let state = &mut self.procedures[index];
            state.applied = true;
            state.calls += 1;
            if p.source
                .at_most
                .as_ref()
                .is_some_and(|n| state.calls > n.value)
            {
                unmet.push(Reason::TooMany);
            }
            if let Some(only) = &p.only_when
                && !only.holds_with(&facts, &self.last_customer, None)
            {
                unmet.push(Reason::NotAllowed);
            }
            if let Some(says) = &p.customer_says
                && !says.said(&self.last_customer, &self.context)
            {
                unmet.push(Reason::NotConfirmed);
            }
            if let Some(says) = &p.customer_said {
                let said = state.customer_said
                    || says.is_dynamic()
                        && self
                            .customer_saids
                            .iter()
                            .any(|s| says.said(s, &self.context));
                if !said {
                    unmet.push(Reason::NotAsked);
                }
            }
            if let Some(says) = &p.agent_says
                && !says.said(self.last_agent.as_ref().unwrap_or(&empty), &self.context)
            {
                unmet.push(Reason::NotSaid);
            }
            if let Some(says) = &p.agent_said {
                let said = state.agent_said
                    || says.is_dynamic()
                        && self.agent_saids.iter().any(|s| says.said(s, &self.context));
                if !said {
                    unmet.push(Reason::NotSaid);
                }
            }
            if !p.done.is_empty() && !p.done.iter().all(|t| self.called.iter().any(|c| c == t)) {
                unmet.push(Reason::NotDoneFirst);
            }
            if p.not_done
                .iter()
                .any(|t| self.called.iter().any(|c| c == t))
            {
                unmet.push(Reason::DoneBefore);
            }
            if p.then_says.is_some() {
                self.pending.push(Pending {
                    procedure: index,
                    at: m.index,
                    tool: call.name.clone(),
                    args: args.clone(),
                });
            }
            for reason in unmet {
                self.procedure_finding(index, reason, m.index, Some(call.name.clone()));
            }
        }
        for (k, _) in &args {
            self.context.facts.remove(k);
        }
    }

    /// `f` in the context with the call's arguments as `args.KEY` facts.
    fn with_args<T>(&mut self, args: &[(String, Scalar)], f: impl FnOnce(&Context) -> T) -> T {
        for (k, v) in args {
            self.context.facts.insert(k.clone(), v.clone());
        }
        let out = f(&self.context);
        for (k, _) in args {
            self.context.facts.remove(k);
        }
        out
    }

    fn procedure_finding(&mut self, index: usize, reason: Reason, at: usize, tool: Option<String>) {
        let p = self.judge.procedures[index].source;
        self.procedures[index].failed = true;
        self.findings.push(Finding::Procedure {
            index,
            id: p.id.as_str(),
            reason,
            severity: p.severity(),
            message: p.message.as_ref().map(Spanned::as_str),
            at,
            tool,
        });
    }

    /// The case goes to the role of rank `rank` at message `at`.
    fn escalate(&mut self, rank: usize, at: usize) {
        self.escalations.push((rank, at));
        if self.escalated.is_none_or(|e| e < rank) {
            self.escalated = Some(rank);
            self.context.escalated = Some(self.judge.playbook.roles[rank].id.value.clone());
        }
    }

    /// Escalation rules that hold for the first time at message `at`.
    fn trigger(&mut self, at: usize, proposal: &Proposal) {
        let conditions = self.judge.engine.escalation_conditions();
        if conditions.is_empty() {
            return;
        }
        let facts = FactValues::new(&FactKeys::default(), &self.context);
        for (index, condition) in conditions.iter().enumerate() {
            if self.triggered[index].is_some() {
                continue;
            }
            let proposal = (!proposal.actions.is_empty()).then_some(proposal);
            if condition.holds_seen(&facts, &self.heard[index], proposal) {
                self.triggered[index] = Some(at);
            }
        }
    }

    fn finish(mut self) -> (ConversationJudgement<'e>, TurnScratch) {
        let playbook = self.judge.playbook;
        // Calls whose next agent turn never came.
        for wait in std::mem::take(&mut self.pending) {
            self.procedure_finding(
                wait.procedure,
                Reason::NotSaidAfter,
                wait.at,
                Some(wait.tool),
            );
        }
        // Obligations unmet over the conversation.
        for state in &mut self.rules {
            if state.status == Status::Fail
                && !state.met
                && let Some((mut finding, turn, at)) = state.last.take()
            {
                finding.status = Status::Fail;
                self.findings.push(Finding::Rule { finding, turn, at });
            }
        }
        let escalation = self.escalation_findings();
        let mut findings = std::mem::take(&mut self.findings);
        findings.sort_by_key(Finding::order);
        let (mut passed, mut counted) = (0.0, 0.0);
        for (rule, state) in playbook.rules.iter().zip(&self.rules) {
            match state.status {
                Status::Pass => {
                    passed += rule.weight();
                    counted += rule.weight();
                }
                Status::Fail => counted += rule.weight(),
                Status::Skipped => {}
            }
        }
        let procedures: Vec<Status> = self
            .procedures
            .iter()
            .map(|s| match (s.applied, s.failed) {
                (_, true) => Status::Fail,
                (true, false) => Status::Pass,
                (false, false) => Status::Skipped,
            })
            .collect();
        for status in &procedures {
            match status {
                Status::Pass => {
                    passed += 1.0;
                    counted += 1.0;
                }
                Status::Fail => counted += 1.0,
                Status::Skipped => {}
            }
        }
        let failed = findings.iter().any(|f| f.severity() == Severity::Error);
        let timed: Vec<jiff::Timestamp> = self.timestamps.iter().flatten().copied().collect();
        let handling_s = match (timed.iter().min(), timed.iter().max()) {
            (Some(&from), Some(&to)) if timed.len() > 1 => Some(seconds(from, to)),
            _ => None,
        };
        let judgement = ConversationJudgement {
            verdict: if failed { Verdict::Fail } else { Verdict::Pass },
            score: crate::engine::judgement::score_of(passed, counted),
            turns: self.total_turns,
            findings,
            rules: self.rules.iter().map(|s| s.status).collect(),
            procedures,
            escalation,
            metrics: Metrics {
                first_reply_s: self.first_reply_s,
                handling_s,
                tool_calls: self.tool_calls,
            },
        };
        (judgement, std::mem::take(&mut self.scratch))
    }

    /// `missed-escalation`, `late-escalation` and `unneeded-escalation`.
    fn escalation_findings(&mut self) -> EscalationOutcome {
        let playbook = self.judge.playbook;
        let acting = self.acting;
        let mut required: Option<usize> = None;
        let mut because: Vec<usize> = Vec::new();
        for (index, rule) in playbook.escalation.iter().enumerate() {
            let Some(_) = self.triggered[index] else {
                continue;
            };
            let Some(rank) = playbook.role_rank(&rule.to) else {
                continue;
            };
            if rank <= acting {
                continue;
            }
            match required {
                Some(r) if r == rank => because.push(index),
                Some(r) if r > rank => {}
                _ => {
                    required = Some(rank);
                    because = vec![index];
                }
            }
        }
        let triggered_at = because.iter().filter_map(|&i| self.triggered[i]).min();
        let within = because
            .first()
            .and_then(|&i| playbook.escalation[i].within.as_ref())
            .map(|w| w.value);
        let new = |code: PolicyCode| PolicyFinding::new(code, acting);
        if let (Some(rank), Some(trigger)) = (required, triggered_at) {
            if self.escalated.is_none_or(|e| e < rank) {
                self.findings.push(Finding::Policy {
                    finding: PolicyFinding {
                        to: Some(rank),
                        because: because.clone(),
                        within,
                        ..new(PolicyCode::MissedEscalation)
                    },
                    at: trigger,
                    late: None,
                });
            } else if let Some(within) = within {
                // The first time the case reached the role, at or after the trigger.
                let reached = self
                    .escalations
                    .iter()
                    .find(|&&(r, at)| r >= rank && at >= trigger)
                    .map(|&(_, at)| at);
                let time = |at: usize| self.timestamp_of(at);
                if let Some(at) = reached
                    && let (Some(from), Some(to)) = (time(trigger), time(at))
                {
                    let took = seconds(from, to);
                    if took > i64::try_from(within.seconds).unwrap_or(i64::MAX) {
                        self.findings.push(Finding::Policy {
                            finding: PolicyFinding {
                                to: Some(rank),
                                because: because.clone(),
                                within: Some(within),
                                ..new(PolicyCode::LateEscalation)
                            },
                            at,
                            late: Some(took),
                        });
                    }
                }
            }
        }
        let needed = required.is_some() || self.action_needed;
        if let Some(&(to, at)) = self
            .escalations
            .iter()
            .find(|&&(to, _)| !needed || to <= acting)
        {
            self.findings.push(Finding::Policy {
                finding: PolicyFinding {
                    to: Some(to),
                    ..new(PolicyCode::UnneededEscalation)
                },
                at,
                late: None,
            });
        }
        EscalationOutcome {
            required,
            done: self.escalated,
            because,
            triggered_at,
        }
    }

    fn timestamp_of(&self, at: usize) -> Option<jiff::Timestamp> {
        self.timestamps.get(at).copied().flatten()
    }
}

/// An agent turn: an assistant message with text, not internal.
fn is_turn(m: &Message) -> bool {
    m.role == Speaker::Assistant && !m.internal && has_text(m)
}

fn has_text(m: &Message) -> bool {
    m.content.as_deref().is_some_and(|t| !t.trim().is_empty())
}

/// Whole seconds from `from` to `to` (negative if `to` is earlier).
fn seconds(from: jiff::Timestamp, to: jiff::Timestamp) -> i64 {
    to.as_second() - from.as_second()
}

/// The number at a dotted path of a call's arguments (`refund.total`); a
/// number written as text counts. `None` where there is none.
fn amount_at(arguments: &serde_json::Value, path: &str) -> Option<f64> {
    let mut value = arguments;
    for key in path.split('.') {
        value = value.get(key)?;
    }
    match value {
        serde_json::Value::Number(n) => n.as_f64().filter(|x| x.is_finite() && *x >= 0.0),
        serde_json::Value::String(s) => s
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|x| x.is_finite() && *x >= 0.0),
        _ => None,
    }
}

/// A call's arguments as `args.KEY` facts: each scalar, nested objects by
/// dotted paths (`args.refund.total`); lists are left out.
fn args_facts(arguments: &serde_json::Value) -> Vec<(String, Scalar)> {
    fn walk(prefix: &str, value: &serde_json::Value, out: &mut Vec<(String, Scalar)>, depth: u8) {
        let scalar = match value {
            serde_json::Value::Bool(b) => Some(Scalar::Bool(*b)),
            serde_json::Value::Number(n) => n
                .as_i64()
                .map(Scalar::Int)
                .or_else(|| n.as_f64().map(Scalar::Float)),
            serde_json::Value::String(s) => Some(Scalar::Text(s.clone())),
            serde_json::Value::Object(map) if depth < 8 => {
                for (k, v) in map {
                    walk(&[prefix, ".", k].concat(), v, out, depth + 1);
                }
                None
            }
            _ => None,
        };
        if let Some(scalar) = scalar {
            out.push((prefix.to_owned(), scalar));
        }
    }
    let mut out = Vec::new();
    if let serde_json::Value::Object(map) = arguments {
        for (k, v) in map {
            walk(&["args.", k].concat(), v, &mut out, 0);
        }
    }
    out
}
