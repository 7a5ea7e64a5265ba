//! A list of phrases said in one message, outside a condition: what a
//! procedure's `require` and `then_says` look for in the customer's or the
//! agent's messages (`shared/spec/PLAYBOOK.md`, "Procedures").
//!
//! The phrases without placeholders are one [`PhraseSet`], compiled once per
//! playbook; a phrase with placeholders (`{args.reservation_id}`) is filled
//! at each call and compiled there, since its text is only known then.

use super::context::Context;
use super::matcher::{PatternError, Problem, phrase_too_long};
use super::negation::{Cues, Said, Scope};
use super::normalize::normalize;
use super::placeholder;
use super::wildcard::{Phrase, PhraseSet, occurrences};
use crate::playbook::{Pos, Says};

/// Phrases looked for in one message at a time.
#[derive(Debug)]
pub struct SaysSet {
    /// The phrases without placeholders, normalised, as one set.
    fixed: Option<PhraseSet<()>>,
    /// The phrases with placeholders, as written.
    dynamic: Vec<String>,
    ignore_negation: bool,
    cues: Cues,
}

impl SaysSet {
    /// Compile the phrases of `owner` (a procedure's id, for the error).
    pub fn new(says: &Says, owner: &str, pos: Pos, cues: &Cues) -> Result<Self, PatternError> {
        let mut fixed = Vec::new();
        let mut dynamic = Vec::new();
        for phrase in says.iter() {
            if phrase_too_long(phrase).is_some() {
                return Err(PatternError {
                    rule: owner.to_owned(),
                    pattern: phrase.value.clone(),
                    problem: Problem::PhraseTooLong,
                    reason: String::new(),
                    pos: if phrase.pos.is_known() {
                        phrase.pos
                    } else {
                        pos
                    },
                });
            }
            if placeholder::has_any(phrase) {
                dynamic.push(phrase.value.clone());
            } else {
                let text = normalize(phrase);
                if !text.is_empty() {
                    fixed.push(text);
                }
            }
        }
        let fixed = if fixed.is_empty() {
            None
        } else {
            Some(
                PhraseSet::new(fixed.iter().map(|p| (p.as_str(), ()))).map_err(|e| {
                    PatternError {
                        rule: owner.to_owned(),
                        pattern: String::new(),
                        problem: Problem::Phrases,
                        reason: e.to_string(),
                        pos,
                    }
                })?,
            )
        };
        Ok(SaysSet {
            fixed,
            dynamic,
            ignore_negation: says.ignores_negation(),
            cues: cues.clone(),
        })
    }

    /// Whether some phrase has a placeholder (then it is filled per call,
    /// and a message cannot be judged once for all calls).
    pub fn is_dynamic(&self) -> bool {
        !self.dynamic.is_empty()
    }

    /// Whether the phrases without placeholders occur in `said`, not negated
    /// (unless `negation: ignore`).
    pub fn fixed_said(&self, said: &Said) -> bool {
        let Some(set) = &self.fixed else {
            return false;
        };
        let scope = Scope::new(&said.text, &said.line_breaks, &self.cues);
        let mut found = false;
        set.find(&scope, |_, start, end| {
            found = found || self.ignore_negation || !scope.negated(start, end);
        });
        found
    }

    /// Whether any phrase occurs in `said`, the placeholders filled from
    /// `context` (`args.KEY` from its facts of that name). A phrase whose
    /// placeholder has no value is left out.
    pub fn said(&self, said: &Said, context: &Context) -> bool {
        if self.fixed_said(said) {
            return true;
        }
        if self.dynamic.is_empty() {
            return false;
        }
        let scope = Scope::new(&said.text, &said.line_breaks, &self.cues);
        self.dynamic.iter().any(|text| {
            let Some(filled) = fill(text, context) else {
                return false;
            };
            let Some(phrase) = Phrase::new(&normalize(&filled)) else {
                return false;
            };
            occurrences(&scope, &phrase)
                .any(|r| self.ignore_negation || !scope.negated(r.start, r.end))
        })
    }
}

/// A phrase filled from a context: `{args.KEY}` from the fact `args.KEY`,
/// the rest as rules fill them.
pub fn fill(text: &str, context: &Context) -> Option<String> {
    placeholder::fill(text, |key| {
        if key.starts_with("args.") {
            context.facts.get(key).map(ToString::to_string)
        } else {
            context.placeholder(key)
        }
    })
    .map(std::borrow::Cow::into_owned)
}
