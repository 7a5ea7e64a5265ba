//! What the templates see: the playbook and what the reply engine makes of it,
//! as plain serialisable data with every string ready to print. Templates only
//! lay it out; nothing is computed in them, so a company's own templates get
//! the same content (why a wrong reply is wrong, what the policy decides) as
//! the bundled ones.
//!
//! One file per document, and the pieces they share in one place:
//!
//! - [`shared`]: the rules as cards and guidance, phrases, conditions, the
//!   scenarios beat by beat (the handbook tells them, the policy draws them);
//! - [`handbook`]: the philosophy, the steps, the quiz;
//! - [`policy`]: the empowerment matrix, who takes a case above a limit, the
//!   escalation rules, the ladder and the scenarios' branches as pictures,
//!   and what the policy decides at a decision;
//! - [`cards`]: the flashcards.
//!
//! Every word that is not the playbook's comes from the wording layer
//! (`words::render`, `locales/*/render.ftl`), in the playbook's language.
//!
//! Field names here are a contract with templates (the README lists them).
//! Optional values are `null`, never absent, so `{{#if owner}}` works in
//! strict mode while `{{#if ownr}}` is an error.

mod cards;
mod handbook;
mod policy;
mod shared;

use serde::Serialize;

pub use cards::Card;
pub use handbook::{ConditionalDoc, PhilosophyDoc, Question, StepDoc, ValueDoc};
pub use policy::{
    ActionDoc, BeyondDoc, EscalationDoc, GrantLine, Matrix, MatrixRow, NoteDoc, Picture,
};
pub use shared::{
    BeatDoc, ChoiceDoc, DecisionDoc, Guidance, Reason, RuleCard, ScenarioDoc, SwapRow, WrongDoc,
};

use crate::engine::Engine;
use crate::playbook::{Date, Playbook};
use crate::words::Words;
use crate::words::render::{self as say, Labels};

/// Everything a document template can show.
#[derive(Debug, Serialize)]
pub struct Document {
    /// The playbook's language tag, for `<html lang>`.
    pub lang: String,
    pub labels: Labels,
    pub playbook: Meta,
    pub philosophy: PhilosophyDoc,
    /// The rules that hold at every step.
    pub everywhere: Guidance,
    pub steps: Vec<StepDoc>,
    /// Grants that depend on the case, in words (none in a version 1 playbook).
    pub conditional: Vec<ConditionalDoc>,
    /// Every rule, in playbook order.
    pub rules: Vec<RuleCard>,
    pub scenarios: Vec<ScenarioDoc>,
    pub quiz: Vec<Question>,
    pub actions: Vec<ActionDoc>,
    pub matrix: Matrix,
    pub escalation: Vec<EscalationDoc>,
    pub ladder: Picture,
}

#[derive(Debug, Serialize)]
pub struct Meta {
    pub id: String,
    pub title: String,
    pub company: String,
    pub language: String,
    pub owner: Option<String>,
    pub review_by: Option<String>,
    pub review_overdue: bool,
    /// "overdue: due on 2027-11-01, 12 days ago", when it is.
    pub review_note: Option<String>,
    /// "80%"
    pub pass_mark: String,
}

/// Playbook text as one paragraph: trimmed, lines joined (with a space between
/// words, with nothing between CJK characters, as a reader would join them).
pub fn clean(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let cjk = |c: Option<char>| {
            c.is_some_and(|c| unicode_width::UnicodeWidthChar::width(c) == Some(2))
        };
        if !(out.is_empty() || cjk(out.chars().last()) && cjk(line.chars().next())) {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// An id as words: `third-contact` → "third contact". For the fields that
/// name a rule or a value by its id (`name`); the bundled templates show
/// titles and messages instead, and the values' names (a value has no title:
/// its id is the name the author gave it).
pub fn name_of(id: &str) -> String {
    id.replace(['-', '_'], " ")
}

/// Builds everything the templates and the cards need.
pub struct Builder<'p> {
    pb: &'p Playbook,
    engine: Engine<'p>,
    /// The words of the playbook's language.
    w: Words,
}

impl<'p> Builder<'p> {
    pub fn new(pb: &'p Playbook) -> Result<Self, crate::engine::PatternError> {
        Ok(Builder {
            pb,
            engine: Engine::new(pb)?,
            w: Words::of(pb),
        })
    }

    pub fn document(&self, today: Date) -> Document {
        let pb = self.pb;
        Document {
            lang: pb.language().trim().to_owned(),
            labels: Labels::of(self.w),
            playbook: self.meta(today),
            philosophy: self.philosophy(),
            everywhere: self.guidance(|r| r.at.is_none()),
            steps: self.steps(),
            conditional: self.conditional(),
            rules: pb.rules.iter().map(|r| self.rule_card(r)).collect(),
            quiz: self.quiz(),
            scenarios: pb
                .scenarios
                .iter()
                .enumerate()
                .map(|(i, s)| self.scenario(i + 1, s))
                .collect(),
            actions: self.actions(),
            matrix: self.matrix(),
            escalation: self.escalation(),
            ladder: self.ladder(),
        }
    }

    fn meta(&self, today: Date) -> Meta {
        let pb = self.pb;
        let overdue_days = pb
            .review_by
            .as_ref()
            .filter(|r| r.value < today)
            .map(|r| (today.0 - r.value.0).get_days());
        Meta {
            id: pb.playbook.value.clone(),
            title: clean(&pb.title),
            company: clean(&pb.company),
            language: pb.language().trim().to_owned(),
            owner: pb.owner.as_ref().map(|o| clean(o)),
            review_by: pb.review_by.as_ref().map(|r| r.value.to_string()),
            review_overdue: overdue_days.is_some(),
            review_note: pb.review_by.as_ref().and_then(|r| {
                overdue_days.map(|d| say::overdue(self.w, &r.value.to_string(), i64::from(d)))
            }),
            pass_mark: say::percent(self.w, pb.pass_mark()),
        }
    }

    /// A role's title; its id if the playbook does not define it.
    fn role_title(&self, id: &str) -> String {
        self.pb
            .role(id)
            .map_or_else(|| id.to_owned(), |r| clean(&r.title))
    }

    /// A role as a sentence names it: "the duty manager".
    fn role_words(&self, id: &str) -> String {
        self.pb
            .role(id)
            .map_or_else(|| id.to_owned(), |r| say::role_name(self.w, r))
    }

    /// An action's title; its id if the playbook does not define it.
    fn action_title(&self, id: &str) -> String {
        self.pb
            .action(id)
            .map_or_else(|| id.to_owned(), |a| clean(&a.title))
    }

    fn unit(&self, action: &str) -> Option<String> {
        self.pb
            .action(action)
            .and_then(|a| a.unit.as_ref())
            .map(|u| clean(u))
    }

    fn step_title(&self, id: &str) -> String {
        self.pb
            .step(id)
            .map_or_else(|| id.to_owned(), |s| clean(&s.title))
    }
}

/// The HTML id of a numbered part, for links within a document: `step-1`,
/// `scenario-2` (markup, not words: `kind` is one of those two).
fn anchor(kind: &str, number: usize) -> String {
    format!("{kind}-{number}")
}

/// A, B, C, … Z, then AA, AB, ….
fn letter(index: usize) -> String {
    let mut n = index;
    let mut out = Vec::new();
    loop {
        out.push(char::from(b'A' + u8::try_from(n % 26).unwrap_or(0)));
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_join_as_a_reader_would_join_them() {
        assert_eq!(clean("  one\n  two \n"), "one two");
        assert_eq!(clean("一阵风\n吹翻了"), "一阵风吹翻了");
        assert_eq!(clean("\n\n"), "");
    }

    #[test]
    fn choices_are_lettered() {
        assert_eq!(letter(0), "A");
        assert_eq!(letter(2), "C");
        assert_eq!(letter(26), "AA");
    }
}
