//! `ethos grade`: batch grading, JSON Lines (or CSV) in, JSON Lines out.

use std::io::{IsTerminal, Write as _};

use anyhow::{Context as _, anyhow};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::sync::atomic::{AtomicU64, Ordering};

use super::Outcome;
use crate::cli::{GradeArgs, InputFormat, OutputFormat};
use crate::engine::Engine;
use crate::grade::{self, Input, Options, Progress, Tally};
use crate::report::tables;
use crate::words::Words;
use crate::words::report::fixed;

pub fn run(args: &GradeArgs) -> anyhow::Result<Outcome> {
    let playbook = super::load_playbook(&args.playbook)?;
    let engine = Engine::new(&playbook).map_err(|e| {
        let why = crate::words::engine::pattern_error(crate::words::Words::of(&playbook), &e);
        anyhow!("{}: {why}; run `ethos check` on it", args.playbook)
    })?;
    let (input, size): (Box<dyn std::io::Read + Send>, Option<u64>) = if args.input == "-" {
        (Box::new(std::io::stdin()), None)
    } else {
        let file = std::fs::File::open(&args.input)
            .with_context(|| format!("cannot read {}", args.input))?;
        let size = file.metadata().ok().map(|m| m.len());
        (Box::new(file), size)
    };
    let jobs = args.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        usize::from,
    );
    let options = Options {
        jobs,
        explain: args.explain,
        quiet: args.summary,
        max_line_bytes: args.max_line_bytes,
        ignore_columns: args.ignore_columns,
    };
    let format = match args.input_format {
        InputFormat::Jsonl => Input::JsonLines,
        InputFormat::Csv => Input::Csv,
    };
    let bar = Bar::new(size, Words::of(&playbook));
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(256 * 1024, stdout.lock());
    let result = grade::run(&engine, input, format, &mut out, options, &bar);
    bar.finish();
    let tally = match result {
        Ok(tally) => tally,
        // `ethos grade … | head`: the reader went away; that is not an error.
        Err(e) if e.is_closed_output() => return Ok(Outcome::Clean),
        Err(e) => {
            // What was graded before a read error is written; after a write
            // error there is nowhere to write it.
            let _ = out.flush();
            return Err(match e {
                grade::Error::Read(e) if args.input != "-" => {
                    anyhow!(
                        "cannot read {}: {}",
                        args.input,
                        crate::io_error::describe(&e)
                    )
                }
                e => e.into(),
            });
        }
    };
    drop(out);
    if args.summary {
        let text = match args.format {
            OutputFormat::Json => {
                let mut json = serde_json::to_string_pretty(&tally.summary(&playbook))
                    .expect("plain data serialises");
                json.push('\n');
                json
            }
            OutputFormat::Human => grade::summary::tables(
                &tally.summary(&playbook),
                Words::of(&playbook),
                tables::width_for_stdout(),
            ),
        };
        super::print_stdout(&text)?;
    }
    report_errors(&tally);
    Ok(outcome(&tally, args.fail_under))
}

#[allow(clippy::print_stderr)]
fn report_errors(tally: &Tally) {
    if tally.errors == 0 {
        return;
    }
    eprintln!(
        "error: {} line{} could not be graded; the other {} were",
        tally.errors,
        if tally.errors == 1 { "" } else { "s" },
        tally.replies
    );
    for (line, why) in &tally.first_errors {
        eprintln!("  line {line}: {why}");
    }
    if tally.errors > tally.first_errors.len() as u64 {
        eprintln!("  … (every one is a line with \"error\" in the output)");
    }
}

/// Exit 2 when a line could not be graded, else 1 below `--fail-under`.
fn outcome(tally: &Tally, fail_under: Option<f64>) -> Outcome {
    if tally.errors > 0 {
        Outcome::Incomplete
    } else if fail_under.is_some_and(|p| tally.pass_rate() < p) {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}

/// A progress bar on stderr, when stderr is a terminal; nothing otherwise.
struct Bar {
    progress: Option<ProgressBar>,
    /// Replies graded so far (workers report from several threads).
    done: AtomicU64,
    words: Words,
}

impl Bar {
    fn new(size: Option<u64>, words: Words) -> Bar {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = match size {
                Some(size) => ProgressBar::new(size).with_style(
                    ProgressStyle::with_template(
                        "{bar:30} {bytes}/{total_bytes} · {msg} · {elapsed}",
                    )
                    .expect("a valid template"),
                ),
                None => ProgressBar::new_spinner().with_style(
                    ProgressStyle::with_template("{spinner} {bytes} · {msg} · {elapsed}")
                        .expect("a valid template"),
                ),
            };
            bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(8));
            bar
        });
        Bar {
            progress: bar,
            done: AtomicU64::new(0),
            words,
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.progress {
            bar.finish_and_clear();
        }
    }
}

impl Progress for Bar {
    fn read_bytes(&self, bytes: u64) {
        if let Some(bar) = &self.progress {
            bar.set_position(bytes);
        }
    }

    fn graded_lines(&self, lines: u64) {
        let done = self.done.fetch_add(lines, Ordering::Relaxed) + lines;
        if let Some(bar) = &self.progress {
            #[allow(clippy::cast_precision_loss)]
            let rate = done as f64 / bar.elapsed().as_secs_f64().max(0.001);
            let w = self.words;
            bar.set_message(w.fmt(
                "report-grade-progress",
                &[("replies", done.into()), ("rate", fixed(w, rate, 0).into())],
            ));
        }
    }
}
