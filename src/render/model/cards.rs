//! The flashcards: one per rule (what it says on the front, the words it
//! means on the back), one per step (its goal), one per wrong reply (why it
//! is wrong, and a better one).

use super::{Builder, clean};
use crate::engine::Context;
use crate::playbook::{CheckKind, Rule};
use crate::words::render as say;

/// One flashcard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub front: String,
    pub back: String,
}

/// One line per part of a card's back: Anki shows the line breaks of a
/// plain-text field.
const LINE: &str = "\n";

impl Builder<'_> {
    /// The flashcards: each rule, each step's goal, each wrong reply.
    pub fn cards(&self) -> Vec<Card> {
        let mut cards: Vec<Card> = self
            .pb
            .rules
            .iter()
            .map(|r| self.rule_card_front_back(r))
            .collect();
        for (i, step) in self.pb.steps.iter().enumerate() {
            cards.push(Card {
                front: say::card_step(self.w, i + 1, &clean(&step.title)),
                back: clean(&step.goal),
            });
        }
        for scenario in &self.pb.scenarios {
            for beat in scenario.beats.iter() {
                let context = Context::of_beat(self.pb, scenario, beat);
                for wrong in &beat.wrong {
                    cards.push(self.wrong_card(
                        &clean(&beat.customer),
                        wrong,
                        &context,
                        beat.model.as_ref().map(crate::playbook::Spanned::as_str),
                    ));
                }
            }
        }
        cards
    }

    /// A rule's card. The front names where the rule applies and what it
    /// says (a rule has no title, and its id is not for readers); the back
    /// has what a reply must contain or avoid.
    fn rule_card_front_back(&self, rule: &Rule) -> Card {
        let w = self.w;
        let card = self.rule_card(rule);
        let mut back: Vec<String> = Vec::new();
        back.extend(card.bounds.clone());
        if rule.check.value == CheckKind::Echo {
            back.push(say::echo(
                w,
                rule.min
                    .as_ref()
                    .map_or(Rule::DEFAULT_ECHO_MIN, |m| m.value),
            ));
        }
        if let Some(when) = &card.when {
            back.push(w.labelled(&w.text("render-only-when"), when));
        }
        if !card.phrases.is_empty() {
            back.push(w.labelled(&card.phrases_label, &say::list(w, &card.phrases)));
        }
        if !card.swaps.is_empty() {
            back.push(say::list(w, &card.swaps));
        }
        if let Some(example) = &card.example {
            back.push(w.labelled(&w.text("render-for-example"), example));
        }
        if back.is_empty() {
            back.push(card.message.clone());
        }
        Card {
            front: say::card_rule(w, &card.at, &card.message, rule.check.value),
            back: back.join(LINE),
        }
    }

    fn wrong_card(
        &self,
        customer: &str,
        wrong: &str,
        context: &Context,
        model: Option<&str>,
    ) -> Card {
        let w = self.w;
        let judged = self.wrong(wrong, context);
        let mut back: Vec<String> = judged.reasons.iter().map(|r| r.message.clone()).collect();
        if !judged.caught {
            back.push(w.text("render-no-rule-catches"));
        }
        if let Some(model) = model {
            back.push(w.labelled(&w.text("render-better"), &w.quote(&clean(model))));
        }
        Card {
            front: say::card_wrong(w, customer, &judged.text),
            back: back.join(LINE),
        }
    }
}
