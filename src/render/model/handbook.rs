//! The handbook's own parts: the philosophy and values, the steps with what
//! to say at each, and the quiz. (The scenarios it tells are shared with the
//! policy document: `shared.rs`.)

use serde::Serialize;

use super::{Builder, ChoiceDoc, Guidance, anchor, clean, letter, name_of};
use crate::engine::Context;
use crate::words::Words;
use crate::words::render as say;

#[derive(Debug, Serialize)]
pub struct PhilosophyDoc {
    pub statement: String,
    pub values: Vec<ValueDoc>,
}

#[derive(Debug, Serialize)]
pub struct ValueDoc {
    pub id: String,
    /// The id as words, capitalised: "Common sense" (a value has no title:
    /// its id is its name, and ids are lower case, which German nouns are not).
    pub name: String,
    pub text: String,
}

/// One role's grants of one action where they depend on the case, in words,
/// for the handbook: "Agent · Travel certificate (USD)", then a line per
/// grant in the order they are tried.
#[derive(Debug, Serialize)]
pub struct ConditionalDoc {
    pub heading: String,
    pub lines: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct StepDoc {
    pub number: usize,
    /// An id for links within the HTML document: `step-1`.
    pub anchor: String,
    pub id: String,
    pub title: String,
    /// "Step 1: Warm welcome"
    pub heading: String,
    pub goal: String,
    /// The names of the values the step serves.
    pub values: Vec<String>,
    pub guidance: Guidance,
}

/// A quiz question; its answer is shown at the end of the document.
#[derive(Debug, Serialize)]
pub struct Question {
    pub number: usize,
    pub scenario: String,
    /// "The customer says: “…”"
    pub setup: String,
    /// The reply to judge (reply questions).
    pub reply: Option<String>,
    /// "What is wrong with this reply?" or the decision's prompt.
    pub ask: String,
    /// The choices (decision questions), in quiz order.
    pub choices: Vec<ChoiceDoc>,
    /// The short answer: a choice, or how many rules the reply breaks.
    pub answer: String,
    /// The reasons behind it: the rules' messages, or what the policy decides.
    pub because: Vec<String>,
    /// The model reply, for reply questions.
    pub better: Option<String>,
}

/// A value's name as a reader sees it: `common-sense` → "Common sense".
fn value_name(id: &str) -> String {
    Words::capitalise(&name_of(id)).into_owned()
}

impl Builder<'_> {
    /// Every role's grants that depend on the case, role by role: a
    /// version 1 playbook has none, and its handbook no such chapter.
    pub(super) fn conditional(&self) -> Vec<ConditionalDoc> {
        let pb = self.pb;
        let mut out = Vec::new();
        for role in pb.roles.iter() {
            for action in &pb.actions {
                let Some(grants) = role.grants(&action.id).filter(|g| g.is_conditional()) else {
                    continue;
                };
                out.push(ConditionalDoc {
                    heading: say::grants_heading(
                        self.w,
                        &clean(&role.title),
                        &say::matrix_column(
                            self.w,
                            &clean(&action.title),
                            self.unit(&action.id).as_deref(),
                        ),
                    ),
                    lines: self.grant_sentences(grants, &action.id),
                });
            }
        }
        out
    }

    pub(super) fn philosophy(&self) -> PhilosophyDoc {
        let philosophy = &self.pb.philosophy;
        PhilosophyDoc {
            statement: clean(&philosophy.statement),
            values: philosophy
                .values
                .iter()
                .map(|v| ValueDoc {
                    id: v.id.value.clone(),
                    name: value_name(&v.id),
                    text: clean(&v.text),
                })
                .collect(),
        }
    }

    pub(super) fn steps(&self) -> Vec<StepDoc> {
        self.pb
            .steps
            .iter()
            .enumerate()
            .map(|(i, step)| StepDoc {
                number: i + 1,
                anchor: anchor("step", i + 1),
                id: step.id.value.clone(),
                title: clean(&step.title),
                heading: say::step_heading(self.w, i + 1, &clean(&step.title)),
                goal: clean(&step.goal),
                values: step.values.iter().map(|v| value_name(v)).collect(),
                guidance: self.guidance(|r| {
                    r.at.as_ref()
                        .is_some_and(|at| at.iter().any(|s| s.as_str() == step.id.as_str()))
                }),
            })
            .collect()
    }

    /// A short quiz: from each scenario, its first wrong reply and its first
    /// decision. Choices are rotated so the best one is not always first.
    pub(super) fn quiz(&self) -> Vec<Question> {
        let w = self.w;
        let mut questions = Vec::new();
        for scenario in &self.pb.scenarios {
            let title = clean(&scenario.title);
            if let Some((beat, wrong)) = scenario
                .beats
                .iter()
                .find_map(|b| b.wrong.first().map(|w| (b, w)))
            {
                let context = Context::of_beat(self.pb, scenario, beat);
                let judged = self.wrong(wrong, &context);
                questions.push(Question {
                    number: questions.len() + 1,
                    scenario: title.clone(),
                    setup: say::customer_said(w, &clean(&beat.customer)),
                    reply: Some(judged.text.clone()),
                    ask: w.text("render-what-is-wrong"),
                    choices: Vec::new(),
                    answer: if judged.caught {
                        say::rules_broken(w, judged.reasons.len())
                    } else {
                        w.text("render-no-rule-catches")
                    },
                    because: judged.reasons.iter().map(|r| r.message.clone()).collect(),
                    better: beat.model.as_ref().map(|m| clean(m)),
                });
            }
            if let Some((beat, decide)) = scenario
                .beats
                .iter()
                .find_map(|b| b.decide.as_ref().map(|d| (b, d)))
            {
                let number = questions.len() + 1;
                let count = decide.choices.len().max(1);
                let shift = number % count;
                let choices: Vec<ChoiceDoc> = (0..decide.choices.len())
                    .map(|i| {
                        let original = (i + shift) % count;
                        let mut c = self.choice(i, &decide.choices[original]);
                        c.letter = letter(i);
                        // What a choice does would give the answer away.
                        c.does = None;
                        c
                    })
                    .collect();
                let context = Context::of_beat(self.pb, scenario, beat);
                let answer = choices
                    .iter()
                    .find(|c| c.best)
                    .map(|c| w.labelled(&c.letter, &c.say))
                    .unwrap_or_default();
                questions.push(Question {
                    number,
                    scenario: title.clone(),
                    setup: say::customer_said(w, &clean(&beat.customer)),
                    reply: None,
                    ask: clean(&decide.prompt),
                    choices,
                    answer,
                    because: vec![self.best_decision(&context, &decide.choices)],
                    better: None,
                });
            }
        }
        questions
    }
}
