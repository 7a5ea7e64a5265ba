//! Drills from lines of text: `--answers FILE`, or standard input when it is
//! not a terminal. Plain text, no colour, no redraws: the same answers give
//! the same output.

use std::fmt::Write as _;
use std::io::{BufRead, Write};

use super::prompter::{BadAnswer, ChoiceItem, Prompter, Stop};
use crate::words::Words;

pub struct Scripted<R, W> {
    lines: R,
    /// The words of the playbook's language, for the prompts it shows.
    words: Words,
    read: usize,
    out: W,
    /// The first write that failed for a reason other than a closed pipe
    /// (a full disk): the drill stops at the next prompt instead of playing
    /// on with its output lost.
    write_error: Option<std::io::Error>,
}

impl<R: BufRead, W: Write> Scripted<R, W> {
    /// Answers come from `lines`; what the trainee would see goes to `out`,
    /// each answer repeated after its prompt so the output reads as a
    /// transcript.
    pub fn new(lines: R, out: W, words: Words) -> Self {
        Scripted {
            lines,
            words,
            read: 0,
            out,
            write_error: None,
        }
    }

    /// The write error that stopped the output, if any, once everything
    /// shown has been flushed.
    pub fn take_write_error(&mut self) -> Option<std::io::Error> {
        if let Err(e) = self.out.flush() {
            self.keep_write_error(e);
        }
        self.write_error.take()
    }

    fn keep_write_error(&mut self, e: std::io::Error) {
        if e.kind() != std::io::ErrorKind::BrokenPipe && self.write_error.is_none() {
            self.write_error = Some(e);
        }
    }

    pub fn into_output(self) -> W {
        self.out
    }

    fn write(&mut self, text: &str) {
        // A reader that went away (`| head`) does not stop the drill; any
        // other failure is kept and stops it at the next prompt.
        if let Err(e) = self.out.write_all(text.as_bytes()) {
            self.keep_write_error(e);
        }
    }

    fn next_line(&mut self) -> Result<String, Stop> {
        if let Some(e) = self.take_write_error() {
            return Err(Stop::Write(e));
        }
        let mut line = String::new();
        match self.lines.read_line(&mut line) {
            Ok(0) => Err(Stop::OutOfAnswers {
                answered: self.read,
            }),
            Ok(_) => {
                self.read += 1;
                Ok(line.trim_end_matches(['\n', '\r']).to_owned())
            }
            Err(e) => Err(Stop::Io(e)),
        }
    }

    fn show_answer(&mut self, prompt: &str, answer: &str) {
        self.write(&format!("{prompt}\n> {answer}\n"));
    }
}

impl<R: BufRead, W: Write> Prompter for Scripted<R, W> {
    fn say(&mut self, text: &str) {
        self.write(&format!("{text}\n"));
    }

    fn color(&self) -> bool {
        false
    }

    fn pick_scenario(&mut self, items: &[String]) -> Result<usize, Stop> {
        let line = self.next_line()?;
        let bad = |problem| Stop::BadAnswer {
            line: self.read,
            answer: line.clone(),
            problem,
        };
        let scenarios = items.len();
        let number: usize = line
            .trim()
            .parse()
            .map_err(|_| bad(BadAnswer::NotAScenarioNumber { scenarios }))?;
        if !(1..=scenarios).contains(&number) {
            return Err(bad(BadAnswer::NoSuchScenario { number, scenarios }));
        }
        self.show_answer(&self.words.text("drill-scenario-prompt"), &line);
        Ok(number - 1)
    }

    fn reply(&mut self, prompt: &str) -> Result<String, Stop> {
        let line = self.next_line()?;
        self.show_answer(prompt, &line);
        Ok(line)
    }

    fn choose(&mut self, prompt: &str, choices: &[ChoiceItem<'_>]) -> Result<usize, Stop> {
        let line = self.next_line()?;
        let answer = line.trim();
        let index = match answer.parse::<usize>() {
            Ok(n) if (1..=choices.len()).contains(&n) => Some(n - 1),
            Ok(_) => None,
            Err(_) => choices.iter().position(|c| c.action == Some(answer)),
        };
        let Some(index) = index else {
            return Err(Stop::BadAnswer {
                line: self.read,
                answer: answer.to_owned(),
                problem: BadAnswer::NotAChoice {
                    choices: choices.len(),
                    actions: choices
                        .iter()
                        .filter_map(|c| c.action.map(str::to_owned))
                        .collect(),
                },
            });
        };
        let mut listing = format!("{prompt}\n");
        for (i, c) in choices.iter().enumerate() {
            let _ = writeln!(listing, "  {}. {}", i + 1, c.say);
        }
        self.show_answer(listing.trim_end(), &line);
        Ok(index)
    }
}
