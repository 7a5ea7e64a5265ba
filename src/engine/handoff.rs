//! Escalating in words: a free reply that declares no `escalate` hands the case
//! to the most senior role whose handoff phrase it says, not negated
//! (`shared/spec/PLAYBOOK.md`, "Escalating in words").
//!
//! All roles' phrases go into one [`PhraseSet`], compiled once per engine: a
//! reply is searched once, however many phrases the ladder has (a role's list
//! of verb forms runs to dozens; searching each on its own was most of `grade`'s
//! time).

use super::matcher::{PatternError, Problem, phrase_too_long};
use super::negation::Scope;
use super::normalize::normalize;
use super::wildcard::PhraseSet;
use crate::playbook::Playbook;

/// Every role's handoff phrases, compiled, each owned by its role's rank.
#[derive(Debug, Default)]
pub struct Handoffs {
    set: Option<PhraseSet<usize>>,
}

impl Handoffs {
    /// Fails on a phrase over the length limit (named by its role's id).
    pub fn new(playbook: &Playbook) -> Result<Self, PatternError> {
        let mut phrases: Vec<(String, usize)> = Vec::new();
        for (rank, role) in playbook.roles.iter().enumerate() {
            for phrase in role.handoff.iter().flat_map(|h| h.value.phrases.iter()) {
                let error = |problem, reason| PatternError {
                    rule: role.id.value.clone(),
                    pattern: phrase.value.clone(),
                    problem,
                    reason,
                    pos: phrase.pos,
                };
                if phrase_too_long(phrase).is_some() {
                    return Err(error(Problem::HandoffTooLong, String::new()));
                }
                let text = normalize(&phrase.value);
                if !text.is_empty() {
                    phrases.push((text, rank));
                }
            }
        }
        if phrases.is_empty() {
            return Ok(Handoffs { set: None });
        }
        let set =
            PhraseSet::new(phrases.iter().map(|(p, rank)| (p.as_str(), *rank))).map_err(|e| {
                PatternError {
                    rule: String::new(),
                    pattern: String::new(),
                    problem: Problem::Phrases,
                    reason: e.to_string(),
                    pos: crate::playbook::Pos::FILE_START,
                }
            })?;
        Ok(Handoffs { set: Some(set) })
    }

    /// Whether any role has a handoff phrase (else no reply escalates in words).
    pub fn is_empty(&self) -> bool {
        self.set.is_none()
    }

    /// The rank of the most senior role whose handoff phrase occurs in the
    /// reply (its negation scope), not negated.
    pub fn worded(&self, scope: &Scope) -> Option<usize> {
        let set = self.set.as_ref()?;
        // An occurrence hands the case on only when it is not negated ("I
        // can't get my manager"), in the reply's own scope: the one its
        // rules are judged in, line breaks and all.
        let mut most_senior: Option<usize> = None;
        set.find(scope, |ranks, start, end| {
            let top = ranks.iter().copied().max();
            if top > most_senior && !scope.negated(start, end) {
                most_senior = top;
            }
        });
        most_senior
    }
}
