//! `ethos grade`: replies streamed through the reply engine on every core.
//!
//! A reader thread cuts the input into batches of whole lines; workers grade
//! batches in parallel, each with its own reusable buffers; the writer puts
//! the results back in input order. A fixed number of batches is in flight
//! at any time (tokens handed out by the reader and returned by the writer),
//! so memory stays constant however large the input.
//!
//! The reader is the one thread that may block on something outside the
//! process (a pipe that stays open), so it is not scoped: when the writer
//! stops (`ethos grade … | head -1`), the workers are told to stop and `run`
//! returns without waiting for the reader, which the process exit then ends.

pub mod conversations;
pub mod csv_rows;
pub mod line;
pub mod lines;
mod pipeline;
pub mod scenes;
pub mod summary;
pub mod tally;

use std::borrow::Cow;
use std::io::{self, Read, Write};

use crate::engine::Engine;
use line::{Grader, LineError, LineOut};
pub use scenes::Scenes;
pub use tally::Tally;

/// Input bytes per batch: big enough that handing batches between threads
/// costs nothing next to grading them, small enough to keep memory flat.
pub const BATCH_BYTES: usize = 256 * 1024;

/// The longest line read by default (`--max-line-bytes`): far more than any
/// reply, small enough that a file with no line ends is refused line by line
/// instead of read into memory whole.
pub const MAX_LINE_BYTES: usize = 1024 * 1024;

/// How the input is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// One JSON object a line.
    JsonLines,
    /// CSV with a header row naming the columns.
    Csv,
}

#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub jobs: usize,
    /// Add the full findings to each output line.
    pub explain: bool,
    /// Write no lines (only the tally is wanted).
    pub quiet: bool,
    /// A longer line (a longer CSV record) is refused with an error for it.
    pub max_line_bytes: usize,
    /// CSV columns (JSON fields) ethos does not know are skipped instead of refused.
    pub ignore_columns: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            jobs: 1,
            explain: false,
            quiet: false,
            max_line_bytes: MAX_LINE_BYTES,
            ignore_columns: false,
        }
    }
}

/// Why grading stopped before the end of the input.
#[derive(Debug)]
pub enum Error {
    /// The input could not be read.
    Read(io::Error),
    /// The output could not be written (a closed pipe is [`Error::is_closed_output`]).
    Write(io::Error),
    /// The CSV header names columns ethos does not know.
    UnknownColumns(Vec<Column>),
    /// The CSV header cannot be used at all.
    BadHeader(HeaderProblem),
    /// A thread could not be started.
    Thread(io::Error),
}

impl Error {
    /// The reader of our output went away (`ethos grade … | head`): not a failure.
    pub fn is_closed_output(&self) -> bool {
        matches!(self, Error::Write(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }

    /// Why grading stopped, in words of `w`'s locale.
    pub fn in_words(&self, w: Words) -> String {
        w.tool(&match self {
            Error::Read(e) => Message::CannotReadStdin {
                what: Stdin::Replies,
                why: describe(e),
            },
            Error::Write(e) => Message::CannotWrite { why: describe(e) },
            Error::UnknownColumns(columns) => Message::UnknownColumns {
                columns,
                keys: crate::engine::context::CONTEXT_KEYS,
            },
            Error::BadHeader(problem) => Message::CsvHeader(problem),
            Error::Thread(e) => Message::CannotStartThread { why: describe(e) },
        })
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_words(Words::new(Locale::En)))
    }
}

impl std::error::Error for Error {}

use crate::io_error::describe;
use crate::words::tool::{Column, HeaderProblem, LineProblem, Message, Stdin};
use crate::words::{Locale, Words};

/// Something to tell as the work goes on (a progress bar).
pub trait Progress: Sync {
    fn read_bytes(&self, bytes: u64);
    fn graded_lines(&self, lines: u64);
}

/// No progress shown.
pub struct NoProgress;

impl Progress for NoProgress {
    fn read_bytes(&self, _: u64) {}
    fn graded_lines(&self, _: u64) {}
}

/// Lines cut from the input for one worker.
pub struct Batch {
    pub seq: u64,
    /// Whole lines, each ending in `\n`.
    pub data: Vec<u8>,
    /// The input line number of each line of `data`.
    pub numbers: Numbers,
    /// Lines the reader refused, as (index of the line in `data`, why), in
    /// order; each stands in `data` as an empty line so numbering holds.
    pub refused: Vec<(usize, LineProblem)>,
    /// Input bytes read so far, for the progress bar.
    pub read: u64,
}

impl Batch {
    /// How many lines the batch holds, blank and refused ones included.
    fn line_count(&self) -> u64 {
        lines::batch_lines(&self.data).count() as u64
    }

    /// Each line to grade, with its input line number: its text (without
    /// a `\r` before the `\n`), or why it is refused. Blank lines are left
    /// out; they count for numbering only.
    fn each_line(
        &self,
        max_line_bytes: usize,
    ) -> impl Iterator<Item = (u64, Result<&[u8], Cow<'_, LineProblem>>)> {
        let mut refused = self.refused.iter().peekable();
        lines::batch_lines(&self.data)
            .enumerate()
            .filter_map(move |(index, raw)| {
                let number = self.numbers.of(index);
                if let Some((_, why)) = refused.next_if(|(at, _)| *at == index) {
                    return Some((number, Err(Cow::Borrowed(why))));
                }
                // The reader refuses only the lines too long to keep; a CSV
                // row's length was checked on the row, not on the JSON it became.
                if raw.len() > max_line_bytes && matches!(self.numbers, Numbers::From(_)) {
                    let why = lines::too_long(raw.len() as u64, max_line_bytes);
                    return Some((number, Err(Cow::Owned(why))));
                }
                let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
                (!raw.iter().all(u8::is_ascii_whitespace)).then_some((number, Ok(raw)))
            })
    }
}

/// Where the lines of a batch come from in the input.
pub enum Numbers {
    /// One input line each, the first at this 1-based line number.
    From(u64),
    /// The input line each starts at (a CSV record may span lines).
    Each(Vec<u64>),
}

impl Numbers {
    fn of(&self, index: usize) -> u64 {
        match self {
            Numbers::From(first) => first + index as u64,
            Numbers::Each(numbers) => numbers.get(index).copied().unwrap_or_default(),
        }
    }
}

struct Graded {
    seq: u64,
    out: Vec<u8>,
    lines: u64,
    read: u64,
}

/// Grade every line of `input`, writing a line per reply to `out` in input
/// order (unless `options.quiet`), and return the tally.
pub fn run(
    engine: &Engine,
    input: Box<dyn Read + Send>,
    format: Input,
    out: &mut dyn Write,
    options: Options,
    progress: &dyn Progress,
) -> Result<Tally, Error> {
    let read: pipeline::Reader = Box::new(move |work, tokens| match format {
        Input::JsonLines => lines::read(input, work, tokens, options.max_line_bytes),
        Input::Csv => csv_rows::read(input, work, tokens, options),
    });
    let scenes = Scenes::new(engine.playbook);
    let workers = (0..options.jobs.max(1))
        .map(|_| ReplyWorker {
            grader: Grader::new(engine, &scenes),
            tally: Tally::new(engine.playbook),
            options,
        })
        .collect();
    let mut tally = Tally::new(engine.playbook);
    for t in pipeline::run(read, workers, out, progress)? {
        tally.merge(t);
    }
    Ok(tally)
}

/// A thread's grader of reply lines and its tally.
struct ReplyWorker<'e, 'p> {
    grader: Grader<'e, 'p>,
    tally: Tally,
    options: Options,
}

impl pipeline::Worker for ReplyWorker<'_, '_> {
    type Tally = Tally;

    fn grade(&mut self, batch: &Batch) -> Graded {
        grade_batch(&mut self.grader, &mut self.tally, batch, self.options)
    }

    fn into_tally(self) -> Tally {
        self.tally
    }
}

fn grade_batch(grader: &mut Grader, tally: &mut Tally, batch: &Batch, options: Options) -> Graded {
    let mut out = Vec::with_capacity(if options.quiet {
        0
    } else {
        batch.data.len() / 2
    });
    for (number, line) in batch.each_line(options.max_line_bytes) {
        match line {
            Ok(raw) => grade_line(grader, tally, raw, number, options, &mut out),
            Err(why) => line_error(tally, number, None, &why, options, &mut out),
        }
    }
    Graded {
        seq: batch.seq,
        out,
        lines: batch.line_count(),
        read: batch.read,
    }
}

/// Count a line that could not be graded, and say why in its place.
fn line_error(
    tally: &mut Tally,
    number: u64,
    id: Option<&serde_json::value::RawValue>,
    why: &LineProblem,
    options: Options,
    out: &mut Vec<u8>,
) {
    tally.error(number, why);
    if !options.quiet {
        let _ = serde_json::to_writer(
            &mut *out,
            &LineError {
                line: number,
                id,
                error: why,
            },
        );
        out.push(b'\n');
    }
}

fn grade_line(
    grader: &mut Grader,
    tally: &mut Tally,
    raw: &[u8],
    number: u64,
    options: Options,
    out: &mut Vec<u8>,
) {
    let Ok(text) = std::str::from_utf8(raw) else {
        return line_error(tally, number, None, &LineProblem::NotUtf8, options, out);
    };
    let known;
    let input = match line::read(text) {
        Ok(input) => input,
        Err(LineProblem::UnknownField { .. }) if options.ignore_columns => {
            known = line::known_fields(text).unwrap_or_default();
            match line::read(&known) {
                Ok(input) => input,
                Err(why) => {
                    let id = line::id_of(text);
                    return line_error(tally, number, id, &why, options, out);
                }
            }
        }
        Err(why) => {
            let id = line::id_of(text);
            return line_error(tally, number, id, &why, options, out);
        }
    };
    if let Err(why) = grader.prepare(&input) {
        return line_error(tally, number, input.id, &why, options, out);
    }
    let reply = input.text.as_deref().unwrap_or_default();
    grader.grade(reply);
    let step = grader
        .playbook()
        .steps
        .iter()
        .position(|s| s.id.as_str() == grader.step())
        .expect("prepare checked the step");
    tally.add(step, &grader.assessment, number, || {
        input
            .id
            .map_or_else(|| "null".to_owned(), |id| id.get().to_owned())
    });
    if options.quiet {
        return;
    }
    if options.explain {
        let mut explained = grader.explain(reply);
        if let Some(map) = explained.as_object_mut() {
            let id: serde_json::Value = input.id.map_or(serde_json::Value::Null, |id| {
                serde_json::from_str(id.get()).unwrap_or_default()
            });
            map.insert("id".into(), id);
            map.insert("failed".into(), grader.failed().into());
        }
        let _ = serde_json::to_writer(&mut *out, &explained);
    } else {
        let line = LineOut {
            id: input.id,
            verdict: grader.assessment.verdict,
            score: grader.assessment.score,
            failed: line::Failed {
                rules: &grader.playbook().rules,
                assessment: &grader.assessment,
            },
        };
        let _ = serde_json::to_writer(&mut *out, &line);
    }
    out.push(b'\n');
}
