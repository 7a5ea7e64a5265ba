//! Drills on a real terminal, with dialoguer: arrow keys to pick, a line to
//! reply (or an editor for a long reply), colour unless `NO_COLOR`.

use std::io::Write;

use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Editor, Input, Select};

use super::prompter::{ChoiceItem, Prompter, Stop};
use crate::words::Words;

pub struct Terminal {
    theme: Box<dyn Theme>,
    color: bool,
    /// The words of the playbook's language, for the prompts it shows.
    words: Words,
}

/// What the trainee types to write a long reply in their editor.
const EDITOR_COMMAND: &str = "/e";

impl Terminal {
    pub fn new(words: Words) -> Self {
        let color =
            anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never;
        let theme: Box<dyn Theme> = if color {
            Box::new(ColorfulTheme::default())
        } else {
            Box::new(SimpleTheme)
        };
        Terminal {
            theme,
            color,
            words,
        }
    }
}

fn stop(err: dialoguer::Error) -> Stop {
    let dialoguer::Error::IO(err) = err;
    if err.kind() == std::io::ErrorKind::Interrupted {
        Stop::Interrupted
    } else {
        Stop::Io(err)
    }
}

/// The terminal's width in columns (at least 40: narrower, nothing fits).
fn columns() -> usize {
    usize::from(console::Term::stdout().size().1).max(40)
}

/// How many rows of a `columns` wide terminal `text` takes, wrapped as the
/// terminal wraps it: a character that does not fit in what is left of a
/// row starts the next one (so a wide character never straddles two).
fn rows_taken(text: &str, columns: usize) -> usize {
    let (mut rows, mut column) = (1, 0);
    for c in console::strip_ansi_codes(text).chars() {
        let width = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if column + width > columns {
            rows += 1;
            column = 0;
        }
        column += width;
    }
    rows
}

/// A line too wide for the terminal, wrapped between words with its indent
/// kept (a rule's message under its mark), rather than cut mid-word by the
/// terminal.
fn wrap(line: &str, width: usize) -> String {
    let text = line.trim_start_matches(' ');
    let indent = &line[..line.len() - text.len()];
    // An indented line is a mark's message: its later rows go further in.
    let more = if indent.is_empty() {
        String::new()
    } else {
        format!("{indent}  ")
    };
    let options = textwrap::Options::new(width)
        .initial_indent(indent)
        .subsequent_indent(&more);
    textwrap::fill(text, options)
}

/// A reply shown back after its prompt, wrapped between words as prose is
/// (textwrap skips the theme's colour codes when it measures), not cut
/// mid-word by the terminal.
fn shown_back(text: &str, width: usize) -> String {
    let lines: Vec<String> = text
        .split('\n')
        .map(|line| {
            if console::measure_text_width(line) <= width {
                line.to_owned()
            } else {
                textwrap::fill(line, textwrap::Options::new(width).subsequent_indent("  "))
            }
        })
        .collect();
    lines.join("\n")
}

impl Terminal {
    /// Show a reply after its prompt, as dialoguer would (`✔ prompt · reply`),
    /// a reply from the editor with its lines indented under it.
    fn show_reply(&self, term: &console::Term, prompt: &str, reply: &str) {
        let lines: Vec<&str> = reply.lines().collect();
        let shown = if lines.len() > 1 {
            format!("\n  {}", lines.join("\n  "))
        } else {
            reply.to_owned()
        };
        let mut buf = String::new();
        let _ = self
            .theme
            .format_input_prompt_selection(&mut buf, prompt, &shown);
        let _ = term.write_line(&shown_back(&buf, columns()));
    }
}

impl Prompter for Terminal {
    fn say(&mut self, text: &str) {
        // Prose wraps at the terminal's width between words; tables and
        // underlined replies are drawn to fit already.
        let width = columns();
        let mut out = anstream::stdout();
        for line in text.split('\n') {
            let table = line.starts_with(['┌', '│', '╞', '├', '└']);
            if table || console::measure_text_width(line) <= width {
                let _ = writeln!(out, "{line}");
            } else {
                let _ = writeln!(out, "{}", wrap(line, width));
            }
        }
        let _ = out.flush();
    }

    fn color(&self) -> bool {
        self.color
    }

    fn width(&self) -> Option<usize> {
        Some(columns())
    }

    fn pick_scenario(&mut self, items: &[String]) -> Result<usize, Stop> {
        // An item that wraps makes dialoguer redraw over the wrong lines:
        // keep each to one line of the terminal.
        let width = usize::from(console::Term::stderr().size().1)
            .saturating_sub(4)
            .max(20);
        let items: Vec<String> = items
            .iter()
            .map(|item| console::truncate_str(item, width, "…").into_owned())
            .collect();
        self.select(&self.words.text("drill-pick-scenario"), &items)
    }

    fn reply(&mut self, prompt: &str) -> Result<String, Stop> {
        let term = console::Term::stderr();
        let prompt = self.words.fmt(
            "drill-reply-editor",
            &[
                ("prompt", prompt.into()),
                ("command", EDITOR_COMMAND.into()),
            ],
        );
        let line: String = match Input::with_theme(self.theme.as_ref())
            .with_prompt(&prompt)
            .allow_empty(true)
            // Shown again below: dialoguer clears only the last row of a
            // reply wider than the terminal and leaves a stale prompt above.
            .report(false)
            .interact_text_on(&term)
        {
            Ok(line) => line,
            Err(e) => {
                // Ctrl-C leaves the cursor after the prompt: end its line, so
                // what is said next (and the shell's prompt) starts on its own.
                let _ = term.write_line("");
                return Err(stop(e));
            }
        };
        // dialoguer cleared the row the cursor was on (the reply's last);
        // clear the rows above it that the prompt and reply wrapped onto.
        let mut drawn = String::new();
        let _ = self.theme.format_input_prompt(&mut drawn, &prompt, None);
        drawn.push_str(&line);
        let rows = rows_taken(&drawn, usize::from(term.size().1).max(1));
        let _ = term.clear_last_lines(rows - 1);
        if line.trim() != EDITOR_COMMAND {
            self.show_reply(&term, &prompt, &line);
            return Ok(line);
        }
        let text = match Editor::new().edit("") {
            Ok(Some(text)) => text.trim_end().to_owned(),
            Ok(None) => String::new(),
            Err(e) => return Err(stop(e)),
        };
        // The trainee wrote it out of sight: show what is being judged.
        self.show_reply(&term, &prompt, &text);
        Ok(text)
    }

    fn choose(&mut self, prompt: &str, choices: &[ChoiceItem<'_>]) -> Result<usize, Stop> {
        let items: Vec<&str> = choices.iter().map(|c| c.say).collect();
        self.select(prompt, &items)
    }
}

impl Terminal {
    fn select<T: std::fmt::Display>(&self, prompt: &str, items: &[T]) -> Result<usize, Stop> {
        let term = console::Term::stderr();
        Select::with_theme(self.theme.as_ref())
            .with_prompt(prompt)
            .items(items)
            .default(0)
            .interact_on(&term)
            .map_err(|e| {
                // dialoguer hides the cursor while the list is shown and does
                // not show it again when Ctrl-C ends the list.
                let _ = term.show_cursor();
                stop(e)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_count_as_the_terminal_wraps() {
        assert_eq!(rows_taken("", 10), 1);
        assert_eq!(rows_taken("0123456789", 10), 1);
        assert_eq!(rows_taken("0123456789x", 10), 2);
        // A wide character that does not fit starts the next row.
        assert_eq!(rows_taken("012345678好", 10), 2);
        assert_eq!(rows_taken("\u{1b}[1m0123456789\u{1b}[0m", 10), 1);
    }

    #[test]
    fn a_reply_shown_back_wraps_between_words_whatever_its_colour() {
        let shown = shown_back(
            "\u{1b}[32m✔\u{1b}[0m Your reply · nothing on the menu tempts you",
            24,
        );
        for row in shown.lines() {
            assert!(console::measure_text_width(row) <= 24, "{row:?}");
        }
        assert!(shown.contains("nothing"), "a word was cut: {shown:?}");
        assert!(
            shown.lines().skip(1).all(|row| row.starts_with("  ")),
            "{shown:?}"
        );
    }

    #[test]
    fn a_long_indented_line_wraps_under_its_indent() {
        assert_eq!(
            wrap("  ✗ rule: one two three four", 16),
            "  ✗ rule: one\n    two three\n    four"
        );
    }
}
