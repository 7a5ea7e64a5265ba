//! Drills on a real terminal, with dialoguer: arrow keys to pick, a line to
//! reply (or an editor for a long reply), colour unless `NO_COLOR`.

use std::io::Write;

use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Editor, Input, Select};

use super::prompter::{ChoiceItem, Prompter, Stop};

pub struct Terminal {
    theme: Box<dyn Theme>,
    color: bool,
}

/// What the trainee types to write a long reply in their editor.
const EDITOR_COMMAND: &str = "/e";

impl Terminal {
    pub fn new() -> Self {
        let color =
            anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never;
        let theme: Box<dyn Theme> = if color {
            Box::new(ColorfulTheme::default())
        } else {
            Box::new(SimpleTheme)
        };
        Terminal { theme, color }
    }
}

impl Default for Terminal {
    fn default() -> Self {
        Terminal::new()
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

impl Prompter for Terminal {
    fn say(&mut self, text: &str) {
        // Prose wraps at the terminal's width between words; tables and
        // underlined replies are drawn to fit already.
        let width = usize::from(console::Term::stdout().size().1).max(40);
        let mut out = anstream::stdout();
        for line in text.split('\n') {
            let drawn = line.starts_with(['┌', '│', '╞', '└', ' ']) || line.contains('\u{1b}');
            if drawn || line.chars().count() <= width {
                let _ = writeln!(out, "{line}");
            } else {
                let _ = writeln!(out, "{}", textwrap::fill(line, width));
            }
        }
        let _ = out.flush();
    }

    fn color(&self) -> bool {
        self.color
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
        Select::with_theme(self.theme.as_ref())
            .with_prompt("Pick a scenario (↑/↓, Enter)")
            .items(&items)
            .default(0)
            .interact()
            .map_err(stop)
    }

    fn reply(&mut self, prompt: &str) -> Result<String, Stop> {
        let line: String = Input::with_theme(self.theme.as_ref())
            .with_prompt(format!("{prompt} ({EDITOR_COMMAND} for an editor)"))
            .allow_empty(true)
            .interact_text()
            .map_err(stop)?;
        if line.trim() != EDITOR_COMMAND {
            return Ok(line);
        }
        match Editor::new().edit("") {
            Ok(Some(text)) => Ok(text.trim_end().to_owned()),
            Ok(None) => Ok(String::new()),
            Err(e) => Err(stop(e)),
        }
    }

    fn choose(&mut self, prompt: &str, choices: &[ChoiceItem<'_>]) -> Result<usize, Stop> {
        let items: Vec<&str> = choices.iter().map(|c| c.say).collect();
        Select::with_theme(self.theme.as_ref())
            .with_prompt(prompt)
            .items(&items)
            .default(0)
            .interact()
            .map_err(stop)
    }
}
