//! How a drill asks the trainee: a trait, so the same drill runs on a real
//! terminal (dialoguer) and from scripted answers (tests, CI, pipes).

use std::fmt;

use crate::words::{Locale, Words};

/// Why a drill stopped before its end.
#[derive(Debug)]
pub enum Stop {
    /// Ctrl-C at a prompt.
    Interrupted,
    /// Scripted answers ran out before the scenario ended.
    OutOfAnswers {
        answered: usize,
    },
    /// A scripted answer that is not an answer (a decision that names no choice).
    BadAnswer {
        /// The answer's line, 1-based.
        line: usize,
        answer: String,
        problem: BadAnswer,
    },
    Io(std::io::Error),
    /// What the trainee would see could not be written (a full disk).
    Write(std::io::Error),
}

/// What is wrong with a scripted answer.
#[derive(Debug, PartialEq, Eq)]
pub enum BadAnswer {
    /// A scenario is picked by its number.
    NotAScenarioNumber {
        scenarios: usize,
    },
    NoSuchScenario {
        number: usize,
        scenarios: usize,
    },
    /// A decision is answered by a choice's number or its action id.
    NotAChoice {
        choices: usize,
        /// The action ids a choice may be named by.
        actions: Vec<String>,
    },
}

impl Stop {
    /// Why the drill stopped, in words of `w`'s locale.
    pub fn in_words(&self, w: Words) -> String {
        match self {
            Stop::Interrupted => w.text("drill-stop-interrupted"),
            Stop::OutOfAnswers { answered } => w.fmt(
                "drill-stop-out-of-answers",
                &[("answered", (*answered).into())],
            ),
            Stop::BadAnswer {
                line,
                answer,
                problem,
            } => {
                let answer = answer.as_str();
                let why = match problem {
                    BadAnswer::NotAScenarioNumber { scenarios } => w.fmt(
                        "drill-stop-not-a-number",
                        &[("answer", answer.into()), ("count", (*scenarios).into())],
                    ),
                    BadAnswer::NoSuchScenario { number, scenarios } => w.fmt(
                        "drill-stop-no-such-scenario",
                        &[("number", (*number).into()), ("count", (*scenarios).into())],
                    ),
                    BadAnswer::NotAChoice { choices, actions } if actions.is_empty() => w.fmt(
                        "drill-stop-not-a-choice",
                        &[("answer", answer.into()), ("count", (*choices).into())],
                    ),
                    BadAnswer::NotAChoice { choices, actions } => w.fmt(
                        "drill-stop-not-a-choice-or-action",
                        &[
                            ("answer", answer.into()),
                            ("count", (*choices).into()),
                            ("actions", actions.join(&w.text("list-separator")).into()),
                        ],
                    ),
                };
                w.fmt(
                    "drill-stop-bad-answer",
                    &[("line", (*line).into()), ("why", why.into())],
                )
            }
            Stop::Io(e) => w.fmt("drill-stop-read", &[("error", e.to_string().into())]),
            Stop::Write(e) => w.fmt(
                "drill-stop-write",
                &[("error", crate::io_error::describe(e).into())],
            ),
        }
    }
}

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_words(Words::new(Locale::En)))
    }
}

/// A choice as the trainee sees it, with the action id a scripted answer may name.
pub struct ChoiceItem<'a> {
    pub say: &'a str,
    pub action: Option<&'a str>,
}

pub trait Prompter {
    /// Show text to the trainee.
    fn say(&mut self, text: &str);
    /// Whether shown text may carry colour.
    fn color(&self) -> bool;
    /// The width shown text must fit, or `None` for no limit (scripted
    /// output stays the same whatever runs it).
    fn width(&self) -> Option<usize> {
        None
    }
    /// Pick one of the scenarios (given as lines of text).
    fn pick_scenario(&mut self, items: &[String]) -> Result<usize, Stop>;
    /// A free reply.
    fn reply(&mut self, prompt: &str) -> Result<String, Stop>;
    /// A decision: the index of the chosen choice.
    fn choose(&mut self, prompt: &str, choices: &[ChoiceItem<'_>]) -> Result<usize, Stop>;
}
