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
//! plain rules, and which plain rules were caught is worked out once at the
//! end from per-step tallies.
//!
//! A phrase many rules share ("hello" in every greeting rule) would still
//! cost each reply that says it one hit per rule. So a reply's phrases are
//! found once each, not once per owner, and what the plain rules make of them
//! depends only on the step and the set of phrases (and filtered patterns)
//! said, a [`HitSet`]: it is worked out once per distinct set, however many
//! replies say it, and the rules it catches once at the end. A reply then
//! costs its distinct phrases plus the step's other rules. The answers are
//! those of `assess`; a property test holds them to it.

use std::collections::HashMap;

use super::context::Context;
use super::matcher::Hit;
use super::negation::Scope;
use super::normalize::Normalized;
use super::plan::Scratch;
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
    /// Whether each rule of the playbook applies here.
    applies: Vec<bool>,
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

/// What the plain rules at a step see of a reply: the static phrases it says,
/// each once (`true` when every occurrence is negated, which only rules that
/// ignore negation count), and the filtered patterns of plain rules there
/// that match it. Sorted, so that equal sets are equal keys.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
struct HitSet {
    step: usize,
    phrases: Vec<(usize, bool)>,
    patterns: Vec<usize>,
}

/// How the plain rules fared on one [`HitSet`], and how many wrong replies
/// had it (for [`Replay::caught`]).
#[derive(Clone, Copy, Debug)]
struct Fare {
    failed: Failed,
    wrong: usize,
}

/// Which rules a walk has met already: a round number per rule, so that
/// starting a walk costs nothing however many rules there are.
#[derive(Debug)]
struct Met {
    round: Vec<u32>,
    current: u32,
}

impl Met {
    fn new(rules: usize) -> Self {
        Met {
            round: vec![0; rules],
            current: 0,
        }
    }

    fn next_round(&mut self) {
        if self.current == u32::MAX {
            self.round.fill(0);
            self.current = 0;
        }
        self.current += 1;
    }

    /// Whether `rule` is met for the first time this round.
    fn first(&mut self, rule: usize) -> bool {
        let first = self.round[rule] != self.current;
        self.round[rule] = self.current;
        first
    }
}

/// Replays example replies; see the module documentation.
pub struct Replay<'e, 'p> {
    engine: &'e Engine<'p>,
    /// Whether each rule is plain.
    plain: Vec<bool>,
    steps: Vec<StepRules>,
    seen: Vec<Seen>,
    /// For each static phrase, its owners that are not plain rules: their
    /// hits are needed one by one.
    others: Vec<Vec<(usize, usize)>>,
    /// Each hit set met so far, and how it fared.
    fares: HashMap<HitSet, Fare>,
    /// Rules a wrong reply failed, as far as known before [`Self::caught`].
    caught: Vec<bool>,
    met: Met,
    hit_set: HitSet,
    /// Where filtered patterns may match: `(pattern, start)`.
    candidates: Vec<(usize, usize)>,
    /// The key facts of the last context, as written and compiled: a
    /// beat's model and wrong replies share them.
    key_facts: (Vec<String>, rules::KeyFacts),
    hits: Vec<Hit>,
    scratch: Vec<Hit>,
    /// What judging the other rules reuses (the customer's message, filled
    /// placeholders).
    buffers: Scratch,
}

/// How one reply fared: `[any rule failed, a rule that fails the reply failed]`.
type Failed = [bool; 2];

impl<'e, 'p> Replay<'e, 'p> {
    pub(super) fn new(engine: &'e Engine<'p>) -> Self {
        let rules = &engine.playbook.rules;
        let is_plain: Vec<bool> = (0..rules.len())
            .map(|i| {
                let rule = &engine.rules[i];
                rule.condition.is_none()
                    && !rule.searched()
                    && !rule.plan.empty
                    // Plain echo rules share one count of key facts, which
                    // respects negation.
                    && (rule.plan.kind != CheckKind::Echo || rule.plan.respects_negation)
            })
            .collect();
        let steps = engine
            .playbook
            .steps
            .iter()
            .map(|step| {
                let mut split = StepRules {
                    applies: vec![false; rules.len()],
                    ..StepRules::default()
                };
                let at = engine
                    .rules_by_step
                    .get(step.id.as_str())
                    .map_or(&[][..], Vec::as_slice);
                for &index in at {
                    split.applies[index] = true;
                    let plan = &engine.rules[index].plan;
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
        let others = (0..engine.matcher.phrase_count())
            .map(|phrase| {
                engine
                    .matcher
                    .phrase_owners(phrase)
                    .iter()
                    .copied()
                    .filter(|&(rule, _)| !is_plain[rule])
                    .collect()
            })
            .collect();
        Replay {
            engine,
            seen: vec![Seen::default(); steps.len()],
            steps,
            others,
            fares: HashMap::new(),
            caught: vec![false; rules.len()],
            met: Met::new(rules.len()),
            plain: is_plain,
            hit_set: HitSet::default(),
            candidates: Vec::new(),
            key_facts: Default::default(),
            hits: Vec::new(),
            scratch: Vec::new(),
            buffers: Scratch::default(),
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
        let rules = &self.engine.rules;
        // The plain rules' hits, once per hit set wrong replies had.
        let mut mention_hits = vec![0usize; self.caught.len()];
        for (hit_set, fare) in &self.fares {
            if fare.wrong == 0 {
                continue;
            }
            let caught = &mut self.caught;
            plain_rules_hit(
                self.engine,
                &self.plain,
                &self.steps[hit_set.step].applies,
                hit_set,
                &mut self.met,
                |index| match rules[index].plan.kind {
                    CheckKind::Mention => mention_hits[index] += fare.wrong,
                    CheckKind::Avoid | CheckKind::Swap => caught[index] = true,
                    CheckKind::Length | CheckKind::Echo => {}
                },
            );
        }
        let mut wrong_at_steps = vec![0usize; self.caught.len()];
        for (step, seen) in self.steps.iter().zip(&self.seen) {
            if seen.wrong == 0 {
                continue;
            }
            for &index in &step.plain {
                let plan = &rules[index].plan;
                let caught = match plan.kind {
                    CheckKind::Mention => {
                        wrong_at_steps[index] += seen.wrong;
                        false // decided below, over all its steps
                    }
                    CheckKind::Avoid | CheckKind::Swap => false, // from the hit sets
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
            if wrong > mention_hits[index] {
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
        let judged = rules::Reply::new(reply, &normalized, &engine.cues);
        let scope = &judged.scope;
        self.read(scope, step);
        let split = &self.steps[step];
        let hit_set = &self.hit_set;
        // The plain rules' phrases and patterns: as for the same hit set before.
        let mut failed = if let Some(fare) = self.fares.get_mut(hit_set) {
            fare.wrong += usize::from(wrong);
            fare.failed
        } else {
            let failed = plain_fare(engine, &self.plain, split, hit_set, &mut self.met);
            let fare = Fare {
                failed,
                wrong: usize::from(wrong),
            };
            self.fares.insert(hit_set.clone(), fare);
            failed
        };
        // Plain length and echo rules: by the step's bounds.
        let words_needed =
            split.bounds[0].min_words.is_some() || split.bounds[0].max_words.is_some();
        let words = words_needed.then(|| judged.words());
        let facts =
            (split.bounds[0].echo_min.is_some() && !context.key_facts.is_empty()).then(|| {
                if self.key_facts.0 != context.key_facts {
                    self.key_facts = (context.key_facts.clone(), rules::KeyFacts::of(context));
                }
                judged.find_key_facts(&self.key_facts.1);
                judged.key_facts_mentioned(context, true)
            });
        for (class, bounds) in split.bounds.iter().enumerate() {
            failed[class] |= words.is_some_and(|w| bounds.length_fails(w))
                || facts.is_some_and(|m| bounds.echo_fails(m));
        }
        // The other rules, one by one.
        for &index in &split.other {
            let from = self.hits.partition_point(|h| h.rule < index);
            let to = self.hits.partition_point(|h| h.rule <= index);
            let Some(hits) = engine.rule_hits(
                index,
                &self.hits[from..to],
                scope,
                context,
                &mut self.buffers,
                &mut self.scratch,
            ) else {
                continue;
            };
            let plan = &engine.rules[index].plan;
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

    /// What a reply (its negation scope) says at step `step`: its hit set for
    /// the plain rules there into `self.hit_set`, and the hits of the other
    /// rules there into `self.hits`, in rule order.
    fn read(&mut self, scope: &Scope, step: usize) {
        let matcher = &self.engine.matcher;
        let applies = &self.steps[step].applies;
        // The phrases said, each once; hits only for the rules judged one by one.
        let hit_set = &mut self.hit_set;
        hit_set.step = step;
        hit_set.phrases.clear();
        hit_set.patterns.clear();
        self.hits.clear();
        matcher.phrase_occurrences(scope, |phrase, start, end| {
            let negated = scope.negated(start, end);
            hit_set.phrases.push((phrase, negated));
            for &(rule, item) in &self.others[phrase] {
                if applies[rule] {
                    self.hits.push(Hit {
                        rule,
                        item,
                        start,
                        end,
                        negated,
                    });
                }
            }
        });
        // Not negated first: a phrase said once plainly counts for every rule.
        hit_set.phrases.sort_unstable();
        hit_set.phrases.dedup_by_key(|&mut (phrase, _)| phrase);
        matcher.filtered_candidates(scope.text(), &mut self.candidates);
        for group in self.candidates.chunk_by(|a, b| a.0 == b.0) {
            let pattern = group[0].0;
            let (rule, _) = matcher.pattern_owner(pattern);
            if !applies[rule] {
                continue;
            }
            let starts = group.iter().map(|&(_, start)| start);
            if !self.plain[rule] {
                matcher.search_filtered(pattern, scope.text(), starts, &mut self.hits);
            } else if matcher.filtered_matches(pattern, scope.text(), starts) {
                hit_set.patterns.push(pattern);
            }
        }
        self.hits
            .sort_unstable_by_key(|h| (h.rule, h.start, h.end, h.item));
    }
}

/// How the plain rules at a step fare on what a reply says, leaving out
/// their word counts and key facts: an `avoid` or `swap` rule with hits
/// fails, and so does any `mention` rule without.
fn plain_fare(
    engine: &Engine,
    is_plain: &[bool],
    split: &StepRules,
    hit_set: &HitSet,
    met: &mut Met,
) -> Failed {
    let mut failed: Failed = [false; 2];
    let mut mentions_hit = [0usize; 2];
    plain_rules_hit(engine, is_plain, &split.applies, hit_set, met, |index| {
        let plan = &engine.rules[index].plan;
        match plan.kind {
            CheckKind::Mention => {
                mentions_hit[0] += 1;
                mentions_hit[1] += usize::from(plan.fails_reply);
            }
            CheckKind::Avoid | CheckKind::Swap => {
                failed[0] = true;
                failed[1] |= plan.fails_reply;
            }
            CheckKind::Length | CheckKind::Echo => {}
        }
    });
    for (class, bounds) in split.bounds.iter().enumerate() {
        failed[class] |= bounds.mentions > mentions_hit[class];
    }
    failed
}

/// Visit each plain rule that applies at the hit set's step and has a hit
/// that counts in it, once.
fn plain_rules_hit(
    engine: &Engine,
    is_plain: &[bool],
    applies: &[bool],
    hit_set: &HitSet,
    met: &mut Met,
    mut visit: impl FnMut(usize),
) {
    met.next_round();
    for &(phrase, negated) in &hit_set.phrases {
        for &(index, _) in engine.matcher.phrase_owners(phrase) {
            // A negated occurrence counts only for a rule that ignores negation.
            let counts = !(negated && engine.rules[index].plan.respects_negation);
            if is_plain[index] && applies[index] && counts && met.first(index) {
                visit(index);
            }
        }
    }
    for &pattern in &hit_set.patterns {
        let (index, _) = engine.matcher.pattern_owner(pattern);
        if met.first(index) {
            visit(index);
        }
    }
}
