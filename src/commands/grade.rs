//! `ethos grade`: batch grading, JSON Lines (or CSV) in, JSON Lines out.

use std::io::{IsTerminal, Write as _};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::sync::atomic::{AtomicU64, Ordering};

use super::{Failure, Outcome, fail};
use crate::cli::{GradeArgs, InputFormat, OutputFormat};
use crate::grade::{self, Input, Options, Progress, Tally};
use crate::io_error::describe;
use crate::report::tables;
use crate::words::Words;
use crate::words::report::fixed;
use crate::words::tool::Message;

pub fn run(args: &GradeArgs) -> anyhow::Result<Outcome> {
    let playbook = super::load_playbook(&args.playbook)?;
    // The JSON lines are for programs and keep their English; what people
    // read on stderr is in the playbook's language.
    let w = Words::of(&playbook);
    let engine = super::compile(&playbook, &args.playbook)?;
    let cannot_read = |e: &std::io::Error| {
        let why = describe(e);
        let path = &args.input;
        fail(w, &Message::CannotRead { path, why })
    };
    let (input, size): (Box<dyn std::io::Read + Send>, Option<u64>) = if args.input == "-" {
        (Box::new(std::io::stdin()), None)
    } else {
        let file = std::fs::File::open(&args.input).map_err(|e| cannot_read(&e))?;
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
    let (input, conversations) = match args.input_format {
        InputFormat::Conversations => (input, true),
        InputFormat::Jsonl => {
            let (input, first) = peek_first_line(input).map_err(|e| cannot_read(&e))?;
            (input, crate::conversation::looks_like_conversation(&first))
        }
        InputFormat::Csv | InputFormat::Replies => (input, false),
    };
    if conversations {
        // A conversation line is a whole ticket: the replies' 1 MiB default
        // becomes the conversation reader's, unless another was given.
        let mut options = options;
        if args.max_line_bytes == grade::MAX_LINE_BYTES {
            options.max_line_bytes = crate::conversation::MAX_LINE_BYTES;
        }
        return conversations::run(args, &playbook, &engine, input, size, options, w);
    }
    let format = match args.input_format {
        InputFormat::Csv => Input::Csv,
        _ => Input::JsonLines,
    };
    let bar = Bar::new(size, w);
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
                grade::Error::Read(e) if args.input != "-" => cannot_read(&e),
                e => anyhow::Error::new(Failure {
                    words: w,
                    text: e.in_words(w),
                }),
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
            OutputFormat::Human => {
                grade::summary::tables(&tally.summary(&playbook), w, tables::width_for_stdout())
            }
        };
        super::print_stdout(&text, w)?;
    }
    report_errors(&tally, w);
    Ok(outcome(&tally, args.fail_under))
}

/// The input's first line that is not blank (at most 1 MiB of it), and
/// the input as it was, that line included: what tells conversations from
/// replies.
fn peek_first_line(
    mut input: Box<dyn std::io::Read + Send>,
) -> std::io::Result<(Box<dyn std::io::Read + Send>, String)> {
    use std::io::Read as _;
    const PEEK: usize = 1024 * 1024;
    let mut seen: Vec<u8> = Vec::new();
    let mut chunk = vec![0; 64 * 1024];
    let first = loop {
        let n = match input.read(&mut chunk) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        seen.extend_from_slice(&chunk[..n]);
        let line = seen
            .split(|&b| b == b'\n')
            .find(|l| !l.iter().all(u8::is_ascii_whitespace));
        let complete = line.is_some_and(|l| {
            let end = l.as_ptr() as usize - seen.as_ptr() as usize + l.len();
            end < seen.len()
        });
        if n == 0 || complete || seen.len() >= PEEK {
            break line
                .map(|l| String::from_utf8_lossy(l).into_owned())
                .unwrap_or_default();
        }
    };
    let input: Box<dyn std::io::Read + Send> = Box::new(std::io::Cursor::new(seen).chain(input));
    Ok((input, first))
}

/// The lines that could not be graded, the first ones with why.
fn report_errors(tally: &Tally, w: Words) {
    if tally.errors == 0 {
        return;
    }
    let ungraded = Message::UngradedLines {
        count: tally.errors,
        graded: tally.replies,
    };
    eprintln!("{}", w.error_line(&w.tool(&ungraded)));
    for (line, why) in &tally.first_errors {
        let line = *line;
        eprintln!("  {}", w.tool(&Message::UngradedLine { line, why }));
    }
    if tally.errors > tally.first_errors.len() as u64 {
        eprintln!("  {}", w.tool(&Message::MoreUngraded));
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

/// `ethos grade` over a conversation file.
mod conversations {
    use super::{Bar, Outcome};
    use crate::cli::{GradeArgs, OutputFormat};
    use crate::engine::Engine;
    use crate::grade::Options;
    use crate::grade::conversations::{self as judged, ConversationTally, Summary};
    use crate::playbook::{Duration, Playbook};
    use crate::words::Words;
    use crate::words::report::fixed;

    pub fn run(
        args: &GradeArgs,
        playbook: &Playbook,
        engine: &Engine,
        input: Box<dyn std::io::Read + Send>,
        size: Option<u64>,
        options: Options,
        w: Words,
    ) -> anyhow::Result<Outcome> {
        let judge = super::super::compile_conversations(engine, &args.playbook, w)?;
        let bar = Bar::new(size, w);
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::with_capacity(256 * 1024, stdout.lock());
        let result = judged::run(&judge, input, &mut out, options, &bar);
        bar.finish();
        let tally = match result {
            Ok(tally) => tally,
            Err(e) if e.is_closed_output() => return Ok(Outcome::Clean),
            Err(e) => {
                let _ = std::io::Write::flush(&mut out);
                return Err(anyhow::Error::new(super::Failure {
                    words: w,
                    text: e.in_words(w),
                }));
            }
        };
        drop(out);
        if args.summary {
            let summary = tally.summary(playbook);
            let text = match args.format {
                OutputFormat::Json => {
                    let mut json =
                        serde_json::to_string_pretty(&summary).expect("plain data serialises");
                    json.push('\n');
                    json
                }
                OutputFormat::Human => human(&summary, w),
            };
            super::super::print_stdout(&text, w)?;
        }
        report_errors(&tally, w);
        Ok(if tally.errors > 0 {
            Outcome::Incomplete
        } else if args.fail_under.is_some_and(|p| tally.pass_rate() < p) {
            Outcome::Findings
        } else {
            Outcome::Clean
        })
    }

    fn report_errors(tally: &ConversationTally, w: Words) {
        if tally.errors == 0 {
            return;
        }
        let count = tally.errors;
        eprintln!(
            "{}",
            w.error_line(&w.fmt(
                "report-conversations-ungraded",
                &[
                    ("count", count.into()),
                    ("judged", tally.conversations.into())
                ]
            ))
        );
        for (line, why) in &tally.first_errors {
            eprintln!(
                "  {}",
                w.fmt(
                    "report-conversations-ungraded-line",
                    &[("line", (*line).into()), ("why", why.as_str().into())]
                )
            );
        }
    }

    fn seconds(s: f64) -> Duration {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Duration::from_secs(s.max(0.0).round() as u64)
    }

    /// The summary for people, in the playbook's language.
    fn human(s: &Summary<'_>, w: Words) -> String {
        let mut out = String::new();
        let line = |out: &mut String, text: String| {
            out.push_str(&text);
            out.push('\n');
        };
        line(
            &mut out,
            w.fmt(
                "report-conversations-summary",
                &[
                    ("passed", s.passed.into()),
                    ("conversations", s.conversations.into()),
                    ("rate", fixed(w, s.pass_rate, 1).into()),
                    ("score", fixed(w, s.mean_score.unwrap_or(100.0), 1).into()),
                ],
            ),
        );
        if let Some(required) = s.escalation_rate {
            line(
                &mut out,
                w.fmt(
                    "report-conversations-escalation",
                    &[
                        ("required", fixed(w, required, 1).into()),
                        (
                            "escalated",
                            fixed(w, s.escalated_rate.unwrap_or(0.0), 1).into(),
                        ),
                    ],
                ),
            );
        }
        if let Some(first) = s.median_first_reply_s {
            line(
                &mut out,
                w.fmt(
                    "report-conversations-first-reply",
                    &[("time", w.duration(seconds(first)).into())],
                ),
            );
        }
        if let Some(handling) = s.median_handling_s {
            line(
                &mut out,
                w.fmt(
                    "report-conversations-handling",
                    &[("time", w.duration(seconds(handling)).into())],
                ),
            );
        }
        let failing: Vec<_> = s
            .by_rule
            .iter()
            .chain(&s.policy)
            .filter(|f| f.failed > 0)
            .collect();
        if !failing.is_empty() {
            line(&mut out, w.text("report-conversations-failures"));
            for f in failing {
                line(
                    &mut out,
                    w.fmt(
                        "report-conversations-failure",
                        &[
                            ("id", f.id.into()),
                            ("kind", w.text(&["report-kind-", f.kind].concat()).into()),
                            ("failed", f.failed.into()),
                            ("conversations", f.conversations.into()),
                        ],
                    ),
                );
            }
        }
        out
    }
}
