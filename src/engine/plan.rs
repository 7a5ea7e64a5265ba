//! The engine's compiled plan: per rule, everything judging it needs, built
//! once per playbook; and the buffers judging reuses from one reply to the
//! next, so that batch grading allocates nothing per reply beyond the
//! normalised text (`tests/alloc.rs` counts).

use std::fmt::Write as _;

use regex_automata::meta::Regex;

use super::condition::CompiledCondition;
use super::context::Context;
use super::judgement::Want;
use super::matcher::{Hit, Item, ItemKind};
use super::negation::Said;
use super::normalize::{Normalized, normalize};
use super::placeholder;
use super::rules::{KeyFacts, Plan};
use super::wildcard::Phrase;
use crate::playbook::Rule;

/// One rule, compiled.
pub(crate) struct CompiledRule<'p> {
    pub(crate) rule: &'p Rule,
    /// What the hot loop reads: kind, weight, bounds.
    pub(crate) plan: Plan,
    /// Its `when`; `None` for a rule that always applies at its steps.
    pub(crate) condition: Option<CompiledCondition<'p>>,
    /// It has phrases or patterns with placeholders, filled per context.
    pub(crate) dynamic: bool,
    /// It has patterns (without placeholders) searched whenever it applies.
    pub(crate) patterns: bool,
    /// What it wants, for the words of a rule without a `message`.
    pub(crate) want: Want<'p>,
}

impl CompiledRule<'_> {
    /// Whether its hits need more than the static automaton's: patterns
    /// searched for it, or placeholders filled.
    pub(crate) fn searched(&self) -> bool {
        self.dynamic || self.patterns
    }
}

/// A phrase or pattern with placeholders, split at them once: text, key,
/// text, …, so that filling it from a context is a few copies into a
/// reused buffer.
#[derive(Debug)]
pub(crate) struct Template {
    pub(crate) kind: ItemKind,
    pieces: Vec<Piece>,
}

#[derive(Debug)]
enum Piece {
    Text(String),
    Key(String),
}

impl Template {
    pub(crate) fn of(item: &Item) -> Template {
        let mut pieces = Vec::new();
        let mut last = 0;
        for (range, key) in placeholder::find(&item.raw) {
            pieces.push(Piece::Text(item.raw[last..range.start].to_owned()));
            pieces.push(Piece::Key(key.to_owned()));
            last = range.end;
        }
        pieces.push(Piece::Text(item.raw[last..].to_owned()));
        Template {
            kind: item.kind,
            pieces,
        }
    }

    /// The item filled from `context` into `out` (cleared first), as
    /// `placeholder::fill_phrase` / `fill_pattern` fill it; `None` when a
    /// placeholder has no value. A pattern's values are normalised and
    /// escaped, which allocates: patterns with placeholders are rare.
    fn fill(&self, context: &Context, out: &mut String) -> Option<()> {
        out.clear();
        for piece in &self.pieces {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Key(key) => {
                    let value: Option<&str> = match key.as_str() {
                        "customer.name" => context.customer_name.as_deref(),
                        "customer.mood" => context.customer_mood.as_deref(),
                        "customer.tier" => context.customer_tier.as_deref(),
                        _ => {
                            let fact = key
                                .strip_prefix("facts.")
                                .and_then(|fact| context.facts.get(fact))?;
                            if self.kind == ItemKind::Phrase {
                                let _ = write!(out, "{fact}");
                                continue;
                            }
                            let value = fact.to_string();
                            out.push_str(&regex::escape(&normalize(&value)));
                            continue;
                        }
                    };
                    let value = value?;
                    if self.kind == ItemKind::Phrase {
                        out.push_str(value);
                    } else {
                        out.push_str(&regex::escape(&normalize(value)));
                    }
                }
            }
        }
        Some(())
    }
}

/// An item with placeholders as last filled, compiled: reused while the
/// context's values stay the same (a scenario's beats, a run of graded lines
/// about one customer), compiled again when they change.
#[derive(Debug, Default)]
pub(crate) struct Filled {
    /// The item filled, before normalisation: the cache key.
    text: String,
    compiled: Option<Compiled>,
}

#[derive(Debug)]
pub(crate) enum Compiled {
    /// `None`: nothing to look for once filled.
    Phrase(Option<Phrase>),
    /// `None`: the filled pattern does not compile (no hits).
    Pattern(Option<Regex>),
}

/// Buffers judging reuses: a thread keeps one (in its [`super::Assessment`])
/// and every reply it grades reuses them. Not part of any result.
#[derive(Default)]
pub struct Scratch {
    /// Every static hit of the reply, in rule order.
    pub(crate) hits: Vec<Hit>,
    /// One rule's hits, static and searched.
    pub(crate) rule_hits: Vec<Hit>,
    /// Where filtered patterns may match.
    pub(crate) candidates: Vec<(usize, usize)>,
    /// The item being filled from the context.
    pub(crate) filling: String,
    /// Per dynamic item (in the matcher's numbering of dynamic items), as
    /// last filled.
    pub(crate) filled: Vec<Filled>,
    /// The customer's last message as given, and normalised.
    pub(crate) message: (String, Said),
    /// Whether `message` holds anything yet.
    pub(crate) heard: bool,
    /// What the reply's negation scope fills.
    pub(crate) scope: super::negation::ScopeBuffers,
    /// The context's key facts as last compiled.
    pub(crate) key_facts: CompiledFacts,
    /// The last reply normalised, whose buffers the next fills.
    pub(crate) normalized: Option<Normalized>,
}

/// A context's key facts compiled, with what they were compiled from: a run
/// of replies in one context (a beat's, or many graded lines without key
/// facts) compiles them once.
#[derive(Debug, Default)]
pub(crate) struct CompiledFacts {
    from: Vec<String>,
    pub(crate) facts: KeyFacts,
}

impl std::fmt::Debug for Scratch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Scratch")
    }
}

/// Scratch space is not part of a value: a clone starts empty, and any two
/// are equal.
impl Clone for Scratch {
    fn clone(&self) -> Self {
        Scratch::default()
    }
}

impl PartialEq for Scratch {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Scratch {
    /// The dynamic item `slot` filled from `context` and compiled, reusing
    /// the last compilation when the filled text is the same; `None` when a
    /// placeholder has no value.
    pub(crate) fn filled(
        &mut self,
        slot: usize,
        template: &Template,
        context: &Context,
    ) -> Option<&Compiled> {
        template.fill(context, &mut self.filling)?;
        if self.filled.len() <= slot {
            self.filled.resize_with(slot + 1, Filled::default);
        }
        let filled = &mut self.filled[slot];
        if filled.compiled.is_none() || filled.text != self.filling {
            filled.text.clone_from(&self.filling);
            filled.compiled = Some(match template.kind {
                ItemKind::Phrase => Compiled::Phrase(Phrase::new(&normalize(&filled.text))),
                ItemKind::Pattern => {
                    Compiled::Pattern(super::matcher::compile_filled(&filled.text))
                }
            });
        }
        filled.compiled.as_ref()
    }

    /// The context's key facts compiled, taken out of these buffers (give
    /// them back to [`Self::key_facts`] when done), compiled again only when
    /// they differ from the last.
    pub(crate) fn take_key_facts(&mut self, context: &Context) -> CompiledFacts {
        let mut compiled = std::mem::take(&mut self.key_facts);
        if compiled.from != context.key_facts {
            compiled.from.clone_from(&context.key_facts);
            compiled.facts = KeyFacts::of(context);
        }
        compiled
    }

    /// The customer's last message in `context`, normalised (again only
    /// when it changed), in the buffers of the last one.
    pub(crate) fn message(&mut self, context: &Context) -> &Said {
        let text = context.message.as_deref().unwrap_or_default();
        let (from, said) = &mut self.message;
        if !self.heard || from != text {
            from.clear();
            from.push_str(text);
            said.refill(text);
            self.heard = true;
        }
        said
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::{Assessment, Context, Engine, Proposal};
    use crate::playbook::{bundled, load};

    /// One worker grades line after line into one `Assessment`: what it
    /// keeps from a line (the filled `{customer.name}`, the compiled key
    /// facts, the normalised message) must follow the next line's context.
    #[test]
    fn reused_buffers_follow_each_line_s_context() {
        let pb = load::parse(bundled::find("hotel-a").unwrap().text).unwrap();
        let engine = Engine::new(&pb).unwrap();
        let use_name = pb
            .rules
            .iter()
            .position(|r| r.id.as_str() == "use-name")
            .unwrap();
        let acknowledge = pb
            .rules
            .iter()
            .position(|r| r.id.as_str() == "acknowledge")
            .unwrap();
        let mut into = Assessment::default();
        let mut grade = |name: &str, facts: &[&str], reply: &str| {
            let mut context = Context::at_step(&pb, "welcome");
            context.customer_name = Some(name.to_owned());
            context.key_facts = facts.iter().map(|&f| f.to_owned()).collect();
            engine.grade_into(reply, &context, &Proposal::default(), &mut into);
            let fresh = engine.assess(reply, &context);
            assert_eq!(into.failed, fresh.failed, "{name}, {facts:?}: {reply}");
            assert_eq!(into.verdict, fresh.verdict);
            into.failed.clone()
        };
        let reply = "Oh no, Claire, let me bring fresh towels for the coffee.";
        assert!(!grade("Claire", &["towels"], reply).contains(&use_name));
        let failed = grade("Omar", &["towels"], reply);
        assert!(failed.contains(&use_name), "Omar is not Claire");
        assert!(!failed.contains(&acknowledge));
        let failed = grade("Omar", &["the lift"], "Oh no, Omar, let me help.");
        assert!(!failed.contains(&use_name));
        assert!(
            failed.contains(&acknowledge),
            "the new key fact is not said"
        );
    }
}
