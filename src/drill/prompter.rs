//! How a drill asks the trainee: a trait, so the same drill runs on a real
//! terminal (dialoguer) and from scripted answers (tests, CI, pipes).

use std::fmt;

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
        line: usize,
        message: String,
    },
    Io(std::io::Error),
    /// What the trainee would see could not be written (a full disk).
    Write(std::io::Error),
}

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stop::Interrupted => f.write_str("interrupted"),
            Stop::OutOfAnswers { answered } => write!(
                f,
                "the answers ran out after {answered} line{} before the scenario ended: add a line per turn",
                if *answered == 1 { "" } else { "s" }
            ),
            Stop::BadAnswer { line, message } => write!(f, "answer line {line}: {message}"),
            Stop::Io(e) => write!(f, "cannot read the answer: {e}"),
            Stop::Write(e) => write!(f, "cannot write: {}", crate::io_error::describe(e)),
        }
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
