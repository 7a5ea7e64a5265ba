//! Cutting JSON Lines input into batches of whole lines.
//!
//! The input is read in large chunks (no per-line copy); a batch ends at
//! its last line end and the unfinished line is carried to the next one. A
//! line longer than a batch grows the batch until its end is found; a line
//! longer than the limit is skipped to its end without being kept and stands
//! in its batch as a refused line, so memory stays bounded and the lines
//! after it are graded. (Lines over the limit that fit in a batch are
//! refused by the worker, which sees each line's length anyway.)

use std::io::{self, Read};

use crossbeam_channel::{Receiver, Sender};

use super::{BATCH_BYTES, Batch, Error, Numbers};
use crate::words::tool::LineProblem;

/// Read `input` into batches sent to `work`, one per token taken from
/// `tokens`, until the input ends or the writer stops.
pub fn read(
    mut input: Box<dyn Read + Send>,
    work: &Sender<Batch>,
    tokens: &Receiver<()>,
    max_line_bytes: usize,
) -> Result<(), Error> {
    let (mut seq, mut line) = (0, 1);
    let mut carry: Vec<u8> = Vec::new();
    let mut total = 0;
    let mut eof = false;
    while !eof {
        if tokens.recv().is_err() {
            return Ok(()); // the writer stopped
        }
        let mut data = std::mem::take(&mut carry);
        data.reserve(BATCH_BYTES);
        let mut refused = Vec::new();
        eof = fill(&mut input, &mut data, BATCH_BYTES, &mut total)?;
        loop {
            if eof {
                if !data.is_empty() && !data.ends_with(b"\n") {
                    data.push(b'\n'); // the last line, without its `\n`
                }
                break;
            }
            if let Some(at) = memchr::memrchr(b'\n', &data) {
                // Keep the unfinished last line for the next batch.
                carry = data.split_off(at + 1);
                break;
            }
            if data.len() > max_line_bytes {
                // One line, over the limit, with no end in sight: skip to it.
                let (skipped, rest, at_end) = skip_line(&mut input, &mut total)?;
                refused.push((0, too_long(data.len() as u64 + skipped, max_line_bytes)));
                data.clear();
                data.push(b'\n');
                carry = rest;
                eof = at_end;
                break;
            }
            // One line, longer than a batch: read on to its end.
            let upto = (data.len() + BATCH_BYTES).min(max_line_bytes.saturating_add(1));
            eof = fill(&mut input, &mut data, upto, &mut total)?;
        }
        let lines = memchr::memchr_iter(b'\n', &data).count() as u64;
        if lines > 0 {
            let batch = Batch {
                seq,
                data,
                numbers: Numbers::From(line),
                refused,
                read: total,
            };
            if work.send(batch).is_err() {
                return Ok(()); // the workers stopped
            }
            seq += 1;
            line += lines;
        }
    }
    Ok(())
}

/// Read into `data` until it holds `upto` bytes; whether the input ended.
fn fill(
    input: &mut dyn Read,
    data: &mut Vec<u8>,
    upto: usize,
    total: &mut u64,
) -> Result<bool, Error> {
    while data.len() < upto {
        // `read_to_end` fills spare capacity without zeroing it first.
        let want = (upto - data.len()) as u64;
        let n = input.take(want).read_to_end(data).map_err(Error::Read)?;
        *total += n as u64;
        if n == 0 {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Skip the rest of a line, its `\n` included: the bytes skipped (without
/// the `\n`), the bytes read after it, and whether the input ended.
fn skip_line(input: &mut dyn Read, total: &mut u64) -> Result<(u64, Vec<u8>, bool), Error> {
    let mut chunk = vec![0; 64 * 1024];
    let mut skipped = 0;
    loop {
        let n = match input.read(&mut chunk) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Error::Read(e)),
        };
        *total += n as u64;
        if n == 0 {
            return Ok((skipped, Vec::new(), true));
        }
        if let Some(at) = memchr::memchr(b'\n', &chunk[..n]) {
            return Ok((skipped + at as u64, chunk[at + 1..n].to_vec(), false));
        }
        skipped += n as u64;
    }
}

/// Why a line over `--max-line-bytes` is refused.
pub fn too_long(bytes: u64, max: usize) -> LineProblem {
    LineProblem::TooLong { bytes, max }
}

/// The lines of a batch's `data` (each ends in `\n` there), without their
/// `\n`. Found with `memchr`, many bytes at a time: splitting byte by byte
/// was a sixth of grading τ-bench's 16 kB conversation lines.
pub fn batch_lines(data: &[u8]) -> impl Iterator<Item = &[u8]> {
    // The piece after the last `\n` is empty and is not a line.
    let mut rest = Some(data.strip_suffix(b"\n").unwrap_or(data));
    std::iter::from_fn(move || {
        let text = rest?;
        if let Some(at) = memchr::memchr(b'\n', text) {
            rest = Some(&text[at + 1..]);
            Some(&text[..at])
        } else {
            rest = None;
            Some(text)
        }
    })
}

#[cfg(test)]
mod batch_lines_tests {
    use super::batch_lines;

    #[test]
    fn a_batch_splits_into_the_lines_a_byte_split_gives() {
        for data in [
            &b""[..],
            b"\n",
            b"a\n",
            b"a\nb\n",
            b"a\n\nb\n",
            b"\n\n",
            b"no end",
            b"a\r\nb\n",
        ] {
            let body = data.strip_suffix(b"\n").unwrap_or(data);
            let want: Vec<&[u8]> = body.split(|&b| b == b'\n').collect();
            let got: Vec<&[u8]> = batch_lines(data).collect();
            assert_eq!(got, want, "{:?}", String::from_utf8_lossy(data));
        }
    }
}
