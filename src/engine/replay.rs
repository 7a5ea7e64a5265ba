//! Replaying a playbook's own example replies for `check`, in time linear in
//! the playbook: what `check` needs of each reply is whether a model passes,
//! whether a wrong reply fails some rule, and, over all wrong replies, which
//! rules some wrong reply fails (`untested-rule`).
//!
//! [`Engine::assess`] visits every rule that applies at the reply's step, so
//! replaying every example that way grows with examples × rules (22 s, later
//! 0.6 s, for 4,000 generated rules and 10,000 beats). Here most rules are
//! never visited one by one: a rule without a condition, placeholders or a
//! pattern that must always be searched ("plain") fails or passes by its kind
//! alone, given whether it has hits, the reply's word count and how many key
//! facts it mentions. So per step the engine keeps counts and bounds of its
//! plain rules, a reply costs its hits plus the step's other rules, and which
//! plain rules were caught is worked out once at the end from per-step
//! tallies. The answers are those of `assess`; a property test holds them to it.

use super::context::Context;
use super::matcher::Hit;
use super::normalize::Normalized;
use super::{Engine, Status, Verdict, rules};
use crate::playbook::CheckKind;

/// Counts and bounds of a step's plain rules, for one severity class: every
/// rule (`wrong` replies fail any rule) or only those that fail a reply.
#[derive(Clone, Debug, Default)]
struct Bounds {
    /// Plain `mention` rules: each fails unless the reply has its hits.
    mentions: usize,
    /// The largest `min_words` and smallest `max_words` of plain `length` rules.
    min_words: Option<u32>,
    max_words: Option<u32>,
    /// The largest `min` of plain `echo` rules.
    echo_min: Option<u32>,
}

impl Bounds {
    fn add(&mut self, plan: &rules::Plan) {
        match plan.kind {
            CheckKind::Mention => self.mentions += 1,
            CheckKind::Length => {
                if let Some(min) = plan.min_words {
                    self.min_words = Some(self.min_words.map_or(min, |m| m.max(min)));
                }
                if let Some(max) = plan.max_words {
                    self.max_words = Some(self.max_words.map_or(max, |m| m.min(max)));
                }
            }
            CheckKind::Echo => {
                self.echo_min = Some(
                    self.echo_min
                        .map_or(plan.echo_min, |m| m.max(plan.echo_min)),
                );
            }
            CheckKind::Avoid | CheckKind::Swap => {}
        }
    }

    fn length_fails(&self, words: usize) -> bool {
        self.min_words.is_some_and(|m| words < m as usize)
            || self.max_words.is_some_and(|m| words > m as usize)
    }

    fn echo_fails(&self, mentioned: usize) -> bool {
        self.echo_min.is_some_and(|m| mentioned < m as usize)
    }
}

/// A step's rules, split for replaying.
#[derive(Debug, Default)]
struct StepRules {
    /// Plain rules that apply here, in order.
    plain: Vec<usize>,
    /// The other rules that apply here (conditions, placeholders, patterns
    /// searched every time): judged one by one, as `assess` does.
    other: Vec<usize>,
    /// `[every rule, rules that fail a reply]`.
    bounds: [Bounds; 2],
}

/// What the wrong replies of one step showed, for the plain rules.
#[derive(Clone, Debug, Default)]
struct Seen {
    wrong: usize,
    fewest_words: Option<usize>,
    most_words: Option<usize>,
    /// The fewest key facts mentioned by a wrong reply of a beat with key facts.
    fewest_facts: Option<usize>,
}

/// Replays example replies; see the module documentation.
pub struct Replay<'e, 'p> {
    engine: &'e Engine<'p>,
    /// Whether each rule is plain.
    plain: Vec<bool>,
    steps: Vec<StepRules>,
    seen: Vec<Seen>,
    /// For each plain `mention` rule, how many wrong replies at its steps had its hits.
    mention_hits: Vec<usize>,
    /// Rules a wrong reply failed, as far as known before [`Self::caught`].
    caught: Vec<bool>,
    hits: Vec<Hit>,
    scratch: Vec<Hit>,
}

/// How one reply fared: `[any rule failed, a rule that fails the reply failed]`.
type Failed = [bool; 2];

impl<'e, 'p> Replay<'e, 'p> {
    pub(super) fn new(engine: &'e Engine<'p>) -> Self {
        let rules = &engine.playbook.rules;
        let is_plain: Vec<bool> = (0..rules.len())
            .map(|i| {
                !engine.conditional[i]
                    && !engine.dynamic[i]
                    && !engine.matcher.has_patterns(i)
                    && !engine.plans[i].empty
                    // Plain echo rules share one count of key facts, which
                    // respects negation.
                    && (engine.plans[i].kind != CheckKind::Echo
                        || engine.plans[i].respects_negation)
            })
            .collect();
        let steps = engine
            .playbook
            .steps
            .iter()
            .map(|step| {
                let mut split = StepRules::default();
                let at = engine
                    .rules_by_step
                    .get(step.id.as_str())
                    .map_or(&[][..], Vec::as_slice);
                for &index in at {
                    let plan = &engine.plans[index];
                    if plan.empty {
                        continue; // always skipped
                    }
                    if is_plain[index] {
                        split.plain.push(index);
                        split.bounds[0].add(plan);
                        if plan.fails_reply {
                            split.bounds[1].add(plan);
                        }
                    } else {
                        split.other.push(index);
                    }
                }
                split
            })
            .collect::<Vec<_>>();
        Replay {
            engine,
            seen: vec![Seen::default(); steps.len()],
            steps,
            mention_hits: vec![0; rules.len()],
            caught: vec![false; rules.len()],
            plain: is_plain,
            hits: Vec::new(),
            scratch: Vec::new(),
        }
    }

    /// Whether a model reply passes: [`Engine::assess`]'s verdict.
    pub fn passes(&mut self, reply: &str, context: &Context) -> bool {
        match self.judge(reply, context, false) {
            Some(failed) => !failed[1],
            None => self.engine.assess(reply, context).verdict == Verdict::Pass,
        }
    }

    /// Whether a wrong reply fails some rule (`assess` lists a failed rule);
    /// which rules it fails is remembered for [`Self::caught`].
    pub fn fails_some_rule(&mut self, reply: &str, context: &Context) -> bool {
        if let Some(failed) = self.judge(reply, context, true) {
            return failed[0];
        }
        let assessment = self.engine.assess(reply, context);
        for &index in &assessment.failed {
            self.caught[index] = true;
        }
        !assessment.failed.is_empty()
    }

    /// For each rule, whether some wrong reply failed it.
    pub fn caught(mut self) -> Vec<bool> {
        let plans = &self.engine.plans;
        let mut wrong_at_steps = vec![0usize; self.caught.len()];
        for (step, seen) in self.steps.iter().zip(&self.seen) {
            if seen.wrong == 0 {
                continue;
            }
            for &index in &step.plain {
                let plan = &plans[index];
                let caught = match plan.kind {
                    CheckKind::Mention => {
                        wrong_at_steps[index] += seen.wrong;
                        false // decided below, over all its steps
                    }
                    CheckKind::Avoid | CheckKind::Swap => false, // marked on the hit
                    CheckKind::Length => {
                        let outside = |w: usize| {
                            plan.min_words.is_some_and(|m| w < m as usize)
                                || plan.max_words.is_some_and(|m| w > m as usize)
                        };
                        seen.fewest_words.is_some_and(outside)
                            || seen.most_words.is_some_and(outside)
                    }
                    CheckKind::Echo => seen
                        .fewest_facts
                        .is_some_and(|m| m < plan.echo_min as usize),
                };
                self.caught[index] |= caught;
            }
        }
        for (index, &wrong) in wrong_at_steps.iter().enumerate() {
            // Some wrong reply where the rule applies did not have its hits.
            if wrong > self.mention_hits[index] {
                self.caught[index] = true;
            }
        }
        self.caught
    }

    /// How a reply fares, or `None` for a step the playbook does not define
    /// (judged by `assess` instead). `wrong`: tally it for [`Self::caught`].
    fn judge(&mut self, reply: &str, context: &Context, wrong: bool) -> Option<Failed> {
        let engine = self.engine;
        let step = engine
            .playbook
            .steps
            .iter()
            .position(|s| s.id.as_str() == context.step)?;
        let normalized = Normalized::new(reply);
        let judged = rules::Reply::new(reply, &normalized, engine.chinese, &engine.cues);
        self.hits.clear();
        engine.matcher.static_hits(&judged.scope, &mut self.hits);
        self.hits
            .sort_unstable_by_key(|h| (h.rule, h.start, h.end, h.item));
        let mut failed: Failed = [false; 2];
        let mut fail = |fails_reply: bool| {
            failed[0] = true;
            failed[1] |= fails_reply;
        };
        // Plain rules with hits: a mention rule passes, others fail.
        let mut mentions_hit = [0usize; 2];
        let mut previous = None;
        for hit in &self.hits {
            let index = hit.rule;
            // A negated hit that does not count is as if it were not there.
            if previous == Some(index) || !self.plain[index] || !engine.plans[index].counts(hit) {
                continue;
            }
            previous = Some(index);
            if !engine.playbook.rules[index].applies_at(&context.step) {
                continue;
            }
            let plan = &engine.plans[index];
            match plan.kind {
                CheckKind::Mention => {
                    mentions_hit[0] += 1;
                    mentions_hit[1] += usize::from(plan.fails_reply);
                    if wrong {
                        self.mention_hits[index] += 1;
                    }
                }
                CheckKind::Avoid | CheckKind::Swap => {
                    fail(plan.fails_reply);
                    if wrong {
                        self.caught[index] = true;
                    }
                }
                CheckKind::Length | CheckKind::Echo => {}
            }
        }
        let split = &self.steps[step];
        let words_needed =
            split.bounds[0].min_words.is_some() || split.bounds[0].max_words.is_some();
        let words = words_needed.then(|| judged.words());
        let facts = (split.bounds[0].echo_min.is_some() && !context.key_facts.is_empty())
            .then(|| judged.key_facts_mentioned(context, true));
        for (class, bounds) in split.bounds.iter().enumerate() {
            let fails = bounds.mentions > mentions_hit[class]
                || words.is_some_and(|w| bounds.length_fails(w))
                || facts.is_some_and(|m| bounds.echo_fails(m));
            failed[class] |= fails;
        }
        // The other rules, one by one.
        // Normalised only for a step with such rules: most have none.
        let message = if split.other.is_empty() {
            super::Said::default()
        } else {
            super::normalized_message(context)
        };
        for &index in &split.other {
            let from = self.hits.partition_point(|h| h.rule < index);
            let to = self.hits.partition_point(|h| h.rule <= index);
            let Some(hits) = engine.rule_hits(
                index,
                &self.hits[from..to],
                &judged.scope,
                context,
                &message,
                &mut self.scratch,
            ) else {
                continue;
            };
            let plan = &engine.plans[index];
            if rules::status(plan, Some(hits), &judged, context) == Status::Fail {
                failed[0] = true;
                failed[1] |= plan.fails_reply;
                if wrong {
                    self.caught[index] = true;
                }
            }
        }
        if wrong {
            let seen = &mut self.seen[step];
            seen.wrong += 1;
            if let Some(w) = words {
                seen.fewest_words = Some(seen.fewest_words.map_or(w, |f| f.min(w)));
                seen.most_words = Some(seen.most_words.map_or(w, |f| f.max(w)));
            }
            if let Some(m) = facts {
                seen.fewest_facts = Some(seen.fewest_facts.map_or(m, |f| f.min(m)));
            }
        }
        Some(failed)
    }
}
