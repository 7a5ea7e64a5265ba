//! `ethos grade`: replies streamed through the reply engine on every core.
//!
//! A reader thread cuts the input into batches of whole lines; workers grade
//! batches in parallel, each with its own reusable buffers; the writer puts
//! the results back in input order. A fixed number of batches is in flight
//! at any time (tokens handed out by the reader and returned by the writer),
//! so memory stays constant however large the input.

pub mod line;
pub mod tally;

use std::collections::BTreeMap;
use std::io::{self, Read, Write};

use crossbeam_channel::{Receiver, Sender, bounded};

use crate::engine::Engine;
use line::{Grader, LineError, LineIn, LineOut};
pub use tally::Tally;

/// Input bytes per batch: big enough that handing batches between threads
/// costs nothing next to grading them, small enough to keep memory flat.
const BATCH_BYTES: usize = 256 * 1024;

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
}

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

struct Batch {
    seq: u64,
    /// The 1-based line number of the first line.
    first_line: u64,
    /// Whole lines, each ending in `\n`.
    data: Vec<u8>,
}

struct Graded {
    seq: u64,
    out: Vec<u8>,
    lines: u64,
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
) -> io::Result<Tally> {
    let jobs = options.jobs.max(1);
    let in_flight = jobs * 4;
    let (work_tx, work_rx) = bounded::<Batch>(in_flight);
    let (done_tx, done_rx) = bounded::<Graded>(in_flight);
    let (token_tx, token_rx) = bounded::<()>(in_flight);
    for _ in 0..in_flight {
        token_tx.send(()).expect("the token channel has room");
    }
    let mut tally = Tally::new(engine.playbook);
    std::thread::scope(|scope| -> io::Result<()> {
        let reader = scope.spawn(move || match format {
            Input::JsonLines => read_lines(input, &work_tx, &token_rx, progress),
            Input::Csv => read_csv(input, &work_tx, &token_rx, progress),
        });
        let workers: Vec<_> = (0..jobs)
            .map(|_| {
                let (work_rx, done_tx) = (work_rx.clone(), done_tx.clone());
                scope.spawn(move || work(engine, &work_rx, &done_tx, options))
            })
            .collect();
        drop(done_tx);
        drop(work_rx);
        let written = write_in_order(&done_rx, &token_tx, out, progress);
        // Dropping the receiver stops the workers and the reader if writing failed.
        drop(done_rx);
        for worker in workers {
            tally.merge(worker.join().expect("a worker does not panic"));
        }
        let read = reader.join().expect("the reader does not panic");
        written?;
        read
    })?;
    Ok(tally)
}

fn write_in_order(
    done: &Receiver<Graded>,
    tokens: &Sender<()>,
    out: &mut dyn Write,
    progress: &dyn Progress,
) -> io::Result<()> {
    let mut next = 0;
    let mut waiting: BTreeMap<u64, Graded> = BTreeMap::new();
    for graded in done {
        waiting.insert(graded.seq, graded);
        while let Some(graded) = waiting.remove(&next) {
            out.write_all(&graded.out)?;
            progress.graded_lines(graded.lines);
            next += 1;
            // The batch is gone: the reader may cut another.
            let _ = tokens.send(());
        }
    }
    out.flush()
}

fn read_lines(
    mut input: Box<dyn Read + Send>,
    work: &Sender<Batch>,
    tokens: &Receiver<()>,
    progress: &dyn Progress,
) -> io::Result<()> {
    let (mut seq, mut line) = (0, 1);
    let mut carry: Vec<u8> = Vec::new();
    let mut total = 0;
    loop {
        if tokens.recv().is_err() {
            return Ok(()); // the writer stopped
        }
        let mut data = std::mem::take(&mut carry);
        data.reserve(BATCH_BYTES);
        let mut eof = false;
        while data.len() < BATCH_BYTES {
            // `read_to_end` fills spare capacity without zeroing it first.
            let want = (BATCH_BYTES - data.len()) as u64;
            let n = (&mut input).take(want).read_to_end(&mut data)?;
            total += n as u64;
            if n == 0 {
                eof = true;
                break;
            }
        }
        progress.read_bytes(total);
        if eof {
            if !data.is_empty() && !data.ends_with(b"\n") {
                data.push(b'\n');
            }
        } else {
            // Keep the unfinished last line for the next batch.
            let cut = data.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            carry = data.split_off(cut);
        }
        let lines = bytecount(&data);
        if !data.is_empty()
            && work
                .send(Batch {
                    seq,
                    first_line: line,
                    data,
                })
                .is_err()
        {
            return Ok(());
        }
        if lines > 0 {
            seq += 1;
            line += lines;
        }
        if eof {
            return Ok(());
        }
    }
}

fn bytecount(data: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', data).count() as u64
}

/// CSV rows become the same JSON lines, so one grader serves both.
fn read_csv(
    input: Box<dyn Read + Send>,
    work: &Sender<Batch>,
    tokens: &Receiver<()>,
    _progress: &dyn Progress,
) -> io::Result<()> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(input);
    let headers = reader.headers().map_err(io::Error::other)?.clone();
    let (mut seq, mut line) = (0, 2); // line 1 is the header
    let mut records = reader.into_records();
    loop {
        if tokens.recv().is_err() {
            return Ok(());
        }
        let mut data = Vec::with_capacity(BATCH_BYTES);
        let mut lines = 0;
        while data.len() < BATCH_BYTES {
            let Some(record) = records.next() else { break };
            let json = match record {
                Ok(record) => csv_row_as_json(&headers, &record),
                Err(e) => serde_json::json!({ "__csv_error": e.to_string() }),
            };
            serde_json::to_writer(&mut data, &json).map_err(io::Error::other)?;
            data.push(b'\n');
            lines += 1;
        }
        if lines == 0 {
            return Ok(());
        }
        if work
            .send(Batch {
                seq,
                first_line: line,
                data,
            })
            .is_err()
        {
            return Ok(());
        }
        seq += 1;
        line += lines;
    }
}

/// A CSV row as a graded line: `id`, `step`, `text`, `role`, `escalate` as they
/// are; `actions` as `ID=AMOUNT;ID=AMOUNT`; every other column a context key.
fn csv_row_as_json(headers: &csv::StringRecord, record: &csv::StringRecord) -> serde_json::Value {
    let mut line = serde_json::Map::new();
    let mut context = serde_json::Map::new();
    for (header, cell) in headers.iter().zip(record.iter()) {
        if cell.is_empty() {
            continue;
        }
        match header.trim() {
            key @ ("id" | "step" | "text" | "role" | "escalate") => {
                line.insert(key.to_owned(), cell.into());
            }
            "actions" => {
                let actions: Vec<serde_json::Value> = cell
                    .split(';')
                    .filter(|a| !a.trim().is_empty())
                    .map(|a| match a.split_once('=') {
                        Some((id, amount)) => serde_json::json!({"id": id.trim(), "amount": amount.trim().parse::<f64>().unwrap_or(f64::NAN)}),
                        None => serde_json::json!({"id": a.trim()}),
                    })
                    .collect();
                line.insert("actions".into(), actions.into());
            }
            key => {
                context.insert(key.to_owned(), csv_scalar(cell));
            }
        }
    }
    if !context.is_empty() {
        line.insert("context".into(), context.into());
    }
    line.into()
}

fn csv_scalar(cell: &str) -> serde_json::Value {
    match cell {
        "true" => true.into(),
        "false" => false.into(),
        _ => cell
            .parse::<i64>()
            .map(Into::into)
            .or_else(|_| cell.parse::<f64>().map(Into::into))
            .unwrap_or_else(|_| cell.into()),
    }
}

fn work(
    engine: &Engine,
    batches: &Receiver<Batch>,
    done: &Sender<Graded>,
    options: Options,
) -> Tally {
    let mut grader = Grader::new(engine);
    let mut tally = Tally::new(engine.playbook);
    for batch in batches {
        let mut out = Vec::with_capacity(if options.quiet {
            0
        } else {
            batch.data.len() / 2
        });
        // Every line of a batch ends in `\n`, so the piece after the last one
        // is empty and is not a line.
        let body = batch.data.strip_suffix(b"\n").unwrap_or(&batch.data);
        let mut lines = 0;
        for (offset, raw) in body.split(|&b| b == b'\n').enumerate() {
            lines += 1;
            let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
            if raw.iter().all(u8::is_ascii_whitespace) {
                continue; // blank lines are skipped, but counted for numbering
            }
            let number = batch.first_line + offset as u64;
            grade_line(&mut grader, &mut tally, raw, number, options, &mut out);
        }
        if done
            .send(Graded {
                seq: batch.seq,
                out,
                lines,
            })
            .is_err()
        {
            break;
        }
    }
    tally
}

fn grade_line(
    grader: &mut Grader,
    tally: &mut Tally,
    raw: &[u8],
    number: u64,
    options: Options,
    out: &mut Vec<u8>,
) {
    let error = |id, why: String, tally: &mut Tally, out: &mut Vec<u8>| {
        tally.error(number, &why);
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
    };
    let Ok(text) = std::str::from_utf8(raw) else {
        return error(None, "the line is not UTF-8".to_owned(), tally, out);
    };
    let input: LineIn = match serde_json::from_str(text) {
        Ok(input) => input,
        Err(e) => return error(None, format!("not a JSON object: {e}"), tally, out),
    };
    if let Err(why) = grader.prepare(&input) {
        return error(input.id, why, tally, out);
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
