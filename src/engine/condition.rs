//! Whether a condition (`when`) holds in a context.

use super::context::{Context, Proposal};
use super::matcher::{PatternError, Problem, phrase_too_long};
use super::negation::{Cues, Said, Scope};
use super::normalize::normalize;
use super::wildcard::PhraseSet;
use crate::playbook::{Clause, Condition, Pos, Role, Scalar};

/// A condition with its `customer_says` phrases compiled once, nested
/// conditions (`any`, `not`) too.
#[derive(Debug)]
pub struct CompiledCondition<'p> {
    pub source: &'p Condition,
    node: Node<'p>,
    /// The ladder, for `escalated: ROLE`.
    roles: &'p [Role],
    /// The playbook's negation cues (shared, not copied: an automaton is
    /// reference-counted).
    cues: Cues,
    /// How many `customer_says` clauses it has, nested ones included: the
    /// length of the flags [`Self::mark_said`] and [`Self::holds_seen`] take.
    says: usize,
}

/// What `customer_says` is judged against: the customer's last message, or
/// (in a conversation) flags of which clauses any customer message so far
/// has met, kept as the messages come so that none is scanned twice.
#[derive(Clone, Copy)]
enum Heard<'a> {
    Last(&'a Said),
    Seen(&'a [bool]),
}

/// One condition (the whole one, or one nested in `any` or `not`).
#[derive(Debug)]
struct Node<'p> {
    source: &'p Condition,
    /// For each clause, what it needs compiled.
    parts: Vec<Part<'p>>,
}

/// What a clause needs compiled: its normalised phrases (`customer_says`: one
/// pass over the message, however many phrases), its nested conditions, or
/// the rank of its role.
#[derive(Debug)]
enum Part<'p> {
    Plain,
    /// The phrases, and the clause's place among the condition's
    /// `customer_says` clauses (its flag in [`Heard::Seen`]).
    Says(PhraseSet<()>, usize),
    Any(Vec<Node<'p>>),
    Not(Box<Node<'p>>),
    /// `escalated: ROLE`: the role's place on the ladder (none for a role
    /// that does not exist: `check` reports it, and it never holds).
    Escalated(Option<usize>),
    /// `facts.KEY: …`: the key's slot in the [`FactKeys`] the condition was
    /// compiled with, so conditions that share facts look each up once.
    Fact(usize),
}

/// The facts a group of conditions names (a role's grants), each given a
/// slot: a judgement looks every one up once ([`FactValues`]) instead of
/// once per clause.
#[derive(Debug, Default)]
pub struct FactKeys<'p> {
    keys: Vec<&'p str>,
}

impl<'p> FactKeys<'p> {
    pub(super) fn slot(&mut self, key: &'p str) -> usize {
        if let Some(i) = self.keys.iter().position(|k| *k == key) {
            return i;
        }
        self.keys.push(key);
        self.keys.len() - 1
    }

    /// The slot of a fact that conditions compiled with these keys name.
    pub fn slot_of(&self, key: &str) -> Option<usize> {
        self.keys.iter().position(|k| *k == key)
    }
}

/// How many facts a [`FactValues`] holds on the stack; a condition naming
/// more looks the rest up in the context.
const SLOTS: usize = 16;

/// The values of a [`FactKeys`]' facts in one context, looked up once.
pub struct FactValues<'c> {
    values: [Option<&'c Scalar>; SLOTS],
    context: &'c Context,
    keys_len: usize,
}

impl<'c> FactValues<'c> {
    pub fn new(keys: &FactKeys<'_>, context: &'c Context) -> Self {
        let mut values = [None; SLOTS];
        for (value, key) in values.iter_mut().zip(&keys.keys) {
            *value = context.facts.get(*key);
        }
        FactValues {
            values,
            context,
            keys_len: keys.keys.len(),
        }
    }

    /// The fact in `slot` (named `key`), as the context has it.
    pub fn get(&self, slot: usize, key: &str) -> Option<&'c Scalar> {
        if slot < SLOTS && slot < self.keys_len {
            self.values[slot]
        } else {
            self.context.facts.get(key)
        }
    }
}

impl<'p> CompiledCondition<'p> {
    /// Compile a condition of `owner` (a rule's or escalation rule's id, for
    /// the error), for a playbook with these `roles`. Fails on a
    /// `customer_says` phrase over the length limit.
    pub fn new(
        source: &'p Condition,
        owner: &str,
        pos: Pos,
        roles: &'p [Role],
        cues: &Cues,
    ) -> Result<Self, PatternError> {
        Self::with_keys(source, owner, pos, roles, cues, &mut FactKeys::default())
    }

    /// [`Self::new`], the facts it names given slots in `keys` (shared by
    /// the conditions judged together: [`Self::holds_with`]).
    pub fn with_keys(
        source: &'p Condition,
        owner: &str,
        pos: Pos,
        roles: &'p [Role],
        cues: &Cues,
        keys: &mut FactKeys<'p>,
    ) -> Result<Self, PatternError> {
        let mut says = 0;
        Ok(CompiledCondition {
            source,
            node: Node::new(source, owner, pos, roles, keys, &mut says)?,
            roles,
            cues: cues.clone(),
            says,
        })
    }

    /// How many `customer_says` clauses it has (nested ones included).
    pub fn says_count(&self) -> usize {
        self.says
    }

    /// Set the flag (in `seen`, [`Self::says_count`] long) of every
    /// `customer_says` clause that `message` meets; flags already set stay.
    pub fn mark_said(&self, message: &Said, seen: &mut [bool]) {
        if self.says == 0 {
            return;
        }
        let scope = Scope::new(&message.text, &message.line_breaks, &self.cues);
        mark_node(&self.node, &scope, seen);
    }

    /// [`Self::holds_with`], each `customer_says` clause holding where its
    /// flag in `seen` is set: "the customer's messages so far" of a
    /// conversation, each scanned once ([`Self::mark_said`]).
    pub fn holds_seen(
        &self,
        facts: &FactValues<'_>,
        seen: &[bool],
        proposal: Option<&Proposal>,
    ) -> bool {
        self.holds_heard(facts, Heard::Seen(seen), proposal)
    }

    /// Whether the message says one of the phrases; unless `negation: ignore`,
    /// a negated occurrence does not count ("I'm not hurt").
    fn says_any(&self, phrases: &PhraseSet<()>, message: &Said, ignore_negation: bool) -> bool {
        let scope = Scope::new(&message.text, &message.line_breaks, &self.cues);
        says_in(phrases, &scope, ignore_negation)
    }

    /// Whether every clause holds. `message` is the customer's last message,
    /// normalised; `proposal` is what the reply does (for `action`, `amount`).
    pub fn holds(&self, context: &Context, message: &Said, proposal: Option<&Proposal>) -> bool {
        self.holds_with(
            &FactValues::new(&FactKeys::default(), context),
            message,
            proposal,
        )
    }

    /// [`Self::holds`], with the facts looked up already (`facts`, of the
    /// [`FactKeys`] this condition was compiled with).
    pub fn holds_with(
        &self,
        facts: &FactValues<'_>,
        message: &Said,
        proposal: Option<&Proposal>,
    ) -> bool {
        self.holds_heard(facts, Heard::Last(message), proposal)
    }

    fn holds_heard(
        &self,
        facts: &FactValues<'_>,
        heard: Heard<'_>,
        proposal: Option<&Proposal>,
    ) -> bool {
        let context = facts.context;
        let at = Here {
            condition: self,
            context,
            facts,
            heard,
            proposal,
            escalated: context
                .escalated
                .as_deref()
                .and_then(|r| self.roles.iter().position(|x| x.id.as_str() == r)),
        };
        at.holds(&self.node)
    }
}

impl<'p> Node<'p> {
    fn new(
        source: &'p Condition,
        owner: &str,
        pos: Pos,
        roles: &'p [Role],
        keys: &mut FactKeys<'p>,
        says: &mut usize,
    ) -> Result<Self, PatternError> {
        let mut parts = Vec::with_capacity(source.clauses.len());
        for clause in &source.clauses {
            // A nested entry's place, where it has none of its own.
            let here = if clause.pos.is_known() {
                clause.pos
            } else {
                pos
            };
            let part = match &clause.value {
                Clause::CustomerSays(phrases) => {
                    *says += 1;
                    Part::Says(compile_says(phrases, owner, here)?, *says - 1)
                }
                Clause::Any(list) => Part::Any(
                    list.iter()
                        .map(|c| Node::new(c, owner, here, roles, keys, says))
                        .collect::<Result<_, _>>()?,
                ),
                Clause::Not(inner) => {
                    Part::Not(Box::new(Node::new(inner, owner, here, roles, keys, says)?))
                }
                Clause::Fact { key, .. }
                | Clause::FactOneOf { key, .. }
                | Clause::FactRange { key, .. } => Part::Fact(keys.slot(key)),
                Clause::Escalated(role) => {
                    Part::Escalated(roles.iter().position(|r| r.id.as_str() == role.as_str()))
                }
                _ => Part::Plain,
            };
            parts.push(part);
        }
        Ok(Node { source, parts })
    }
}

/// Whether the phrases occur in `scope`; unless `ignore_negation`, only an
/// occurrence that is not negated counts.
fn says_in(phrases: &PhraseSet<()>, scope: &Scope, ignore_negation: bool) -> bool {
    let mut said = false;
    phrases.find(scope, |_, start, end| {
        said = said || ignore_negation || !scope.negated(start, end);
    });
    said
}

/// Set the flags of `node`'s `customer_says` clauses (nested ones too) that
/// the message (its `scope`) meets.
fn mark_node(node: &Node<'_>, scope: &Scope, seen: &mut [bool]) {
    for (clause, part) in node.source.clauses.iter().zip(&node.parts) {
        match (&clause.value, part) {
            (Clause::CustomerSays(phrases), Part::Says(set, slot)) => {
                if let Some(flag) = seen.get_mut(*slot)
                    && !*flag
                {
                    *flag = says_in(set, scope, phrases.ignores_negation());
                }
            }
            (_, Part::Any(nodes)) => nodes.iter().for_each(|n| mark_node(n, scope, seen)),
            (_, Part::Not(inner)) => mark_node(inner, scope, seen),
            _ => {}
        }
    }
}

/// A `customer_says` clause's phrases, normalised, as one set.
pub(crate) fn compile_says(
    phrases: &crate::playbook::Says,
    owner: &str,
    pos: Pos,
) -> Result<PhraseSet<()>, PatternError> {
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
    PhraseSet::new(normalized.iter().map(|p| (p.as_str(), ())))
        .map_err(|e| error("", Problem::Phrases, e.to_string(), pos))
}

/// What a condition is judged against.
struct Here<'a, 'p> {
    condition: &'a CompiledCondition<'p>,
    context: &'a Context,
    facts: &'a FactValues<'a>,
    heard: Heard<'a>,
    proposal: Option<&'a Proposal>,
    /// The rank of the role the case is with (context key `escalated`).
    escalated: Option<usize>,
}

impl Here<'_, '_> {
    /// Whether every clause of one (possibly nested) condition holds.
    fn holds(&self, node: &Node<'_>) -> bool {
        let context = self.context;
        let mut action_ok = true;
        let mut actions_checked = false;
        for (clause, part) in node.source.clauses.iter().zip(&node.parts) {
            let holds = match (&clause.value, part) {
                (Clause::CustomerSays(phrases), Part::Says(set, slot)) => match self.heard {
                    Heard::Last(message) => {
                        self.condition
                            .says_any(set, message, phrases.ignores_negation())
                    }
                    Heard::Seen(seen) => seen.get(*slot).copied().unwrap_or(false),
                },
                (Clause::Contacts(bounds), _) => bounds.contains(&context.contacts),
                (Clause::Waiting(bounds), _) => bounds.contains(&context.waiting),
                (Clause::CustomerMood(moods), _) => one_of(context.customer_mood.as_deref(), moods),
                (Clause::CustomerTier(tiers), _) => one_of(context.customer_tier.as_deref(), tiers),
                (Clause::Fact { key, value }, Part::Fact(slot)) => {
                    self.facts.get(*slot, key).is_some_and(|v| v.same_as(value))
                }
                (Clause::FactOneOf { key, values }, Part::Fact(slot)) => self
                    .facts
                    .get(*slot, key)
                    .is_some_and(|v| values.iter().any(|a| v.same_as(a))),
                (Clause::FactRange { key, bounds }, Part::Fact(slot)) => self
                    .facts
                    .get(*slot, key)
                    .is_some_and(|v| bounds.contains(v)),
                (Clause::Any(_), Part::Any(nodes)) => nodes.iter().any(|n| self.holds(n)),
                (Clause::Not(_), Part::Not(inner)) => !self.holds(inner),
                (Clause::Escalated(_), Part::Escalated(want)) => {
                    want.is_some_and(|want| self.escalated.is_some_and(|have| have >= want))
                }
                (Clause::Action(_) | Clause::Amount(_), _) => {
                    // Both are about the same proposed action: checked together below.
                    if !actions_checked {
                        actions_checked = true;
                        action_ok = self
                            .proposal
                            .is_some_and(|p| some_action_matches(node.source, p));
                    }
                    action_ok
                }
                // Compiled from the same clauses: every clause has its part.
                (_, _) => false,
            };
            if !holds {
                return false;
            }
        }
        true
    }
}

/// Whether one proposed action satisfies the `action` and `amount` clauses.
fn some_action_matches(condition: &Condition, proposal: &Proposal) -> bool {
    let wanted = condition.action();
    let bounds = condition.amount().map(|(b, _)| b);
    proposal.actions.iter().any(|(id, amount)| {
        wanted.is_none_or(|w| w.as_str() == id) && bounds.is_none_or(|b| b.contains(*amount))
    })
}

/// Mood and tier lists compare as written, ignoring case.
fn one_of(value: Option<&str>, allowed: &crate::playbook::Texts) -> bool {
    value.is_some_and(|v| {
        allowed
            .iter()
            .any(|a| a.trim().eq_ignore_ascii_case(v.trim()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::playbook::load;

    /// The escalation rule's condition of a small playbook.
    fn condition_of(when: &str) -> (crate::playbook::Playbook, Cues) {
        let text = format!(
            "playbook: t\ntitle: T\ncompany: C\nphilosophy: {{statement: S}}\n\
             roles:\n  - {{id: a, title: A}}\n  - {{id: b, title: B}}\n\
             steps:\n  - {{id: s, title: S, goal: G}}\n\
             escalation:\n  - {{id: e, to: b, when: {when}}}\n"
        );
        (load::parse(&text).unwrap(), Cues::new::<&str>(&[]))
    }

    #[test]
    fn seen_flags_hold_what_any_message_so_far_said_nested_clauses_included() {
        let (pb, cues) =
            condition_of("{any: [{customer_says: [hurt]}, {not: {customer_says: [fine]}}]}");
        let rule = &pb.escalation[0];
        let c = CompiledCondition::new(&rule.when, "e", rule.when.pos, &pb.roles, &cues).unwrap();
        assert_eq!(c.says_count(), 2);
        let mut seen = vec![false; c.says_count()];
        let context = Context::default();
        let facts = FactValues::new(&FactKeys::default(), &context);
        c.mark_said(&Said::new("I'm fine"), &mut seen);
        assert_eq!(seen, [false, true]);
        assert!(!c.holds_seen(&facts, &seen, None));
        // Said once, a phrase stays said; negated, it is not said.
        c.mark_said(&Said::new("I'm not hurt"), &mut seen);
        assert!(!c.holds_seen(&facts, &seen, None));
        c.mark_said(&Said::new("now I am hurt"), &mut seen);
        c.mark_said(&Said::new("ok"), &mut seen);
        assert_eq!(seen, [true, true]);
        assert!(c.holds_seen(&facts, &seen, None));
    }
}
