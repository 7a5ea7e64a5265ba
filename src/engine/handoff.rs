//! Escalating in words: a free reply that declares no `escalate` hands the case
//! to the most senior role whose handoff phrase it says, not negated
//! (`shared/spec/PLAYBOOK.md`, "Escalating in words").
//!
//! The phrases are few (a handful per role), so each is searched on its own
//! with the same whole-word matching as rules, normalised once per engine.

use super::negation::{Cues, unnegated_occurrences};
use super::normalize::normalize;
use crate::playbook::Playbook;

/// Every role's handoff phrases, normalised, most senior role first.
#[derive(Clone, Debug, Default)]
pub struct Handoffs {
    /// (rank of the role on the ladder, normalised phrase).
    phrases: Vec<(usize, String)>,
}

impl Handoffs {
    pub fn new(playbook: &Playbook) -> Self {
        let mut phrases: Vec<(usize, String)> = playbook
            .roles
            .iter()
            .enumerate()
            .flat_map(|(rank, role)| {
                role.handoff
                    .iter()
                    .flat_map(|h| h.value.phrases.iter())
                    .map(move |p| (rank, normalize(&p.value)))
            })
            .filter(|(_, phrase)| !phrase.is_empty())
            .collect();
        // Most senior first: the first role found is the one the reply names.
        phrases.sort_by_key(|&(rank, _)| std::cmp::Reverse(rank));
        Handoffs { phrases }
    }

    /// Whether any role has a handoff phrase (else no reply escalates in words).
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The rank of the most senior role whose handoff phrase occurs in the
    /// normalised reply `text`, not negated.
    pub fn worded(&self, text: &str, cues: &Cues) -> Option<usize> {
        self.phrases.iter().find_map(|(rank, phrase)| {
            // An occurrence hands the case on only when it is not negated
            // ("I can't get my manager"). Line breaks are gone from the
            // normalised text; a comma or full stop still ends a clause.
            let occurrences = unnegated_occurrences(text, &[], phrase, cues);
            (!occurrences.is_empty()).then_some(*rank)
        })
    }
}
