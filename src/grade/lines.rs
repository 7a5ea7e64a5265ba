//! Cutting JSON Lines input into batches of whole lines.
//!
//! A line longer than a batch is read whole (a batch grows to hold it); a
//! line longer than the limit is skipped to its end without being kept, and
//! stands in its batch as a refused line, so memory stays bounded and the
//! lines after it are graded.

use std::io::{self, BufRead, BufReader, Read};

use crossbeam_channel::{Receiver, Sender};

use super::{BATCH_BYTES, Batch, Error, Numbers};

/// Read `input` into batches sent to `work`, one per token taken from
/// `tokens`, until the input ends or the writer stops.
pub fn read(
    input: Box<dyn Read + Send>,
    work: &Sender<Batch>,
    tokens: &Receiver<()>,
    max_line_bytes: usize,
) -> Result<(), Error> {
    let mut input = BufReader::with_capacity(64 * 1024, input);
    let (mut seq, mut line) = (0, 1);
    let mut total = 0;
    loop {
        if tokens.recv().is_err() {
            return Ok(()); // the writer stopped
        }
        let mut data = Vec::with_capacity(BATCH_BYTES + 4096);
        let mut refused = Vec::new();
        let mut lines = 0;
        let mut eof = false;
        while data.len() < BATCH_BYTES {
            match read_line(&mut input, &mut data, max_line_bytes).map_err(Error::Read)? {
                Read1::Eof => {
                    eof = true;
                    break;
                }
                Read1::Line(n) => total += n,
                Read1::TooLong(n) => {
                    total += n;
                    refused.push((
                        usize::try_from(lines).unwrap_or(usize::MAX),
                        too_long(n, max_line_bytes),
                    ));
                }
            }
            lines += 1;
        }
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
        if eof {
            return Ok(());
        }
    }
}

/// What reading one line gave.
enum Read1 {
    /// A line of this many input bytes, appended to the batch with its `\n`.
    Line(u64),
    /// A line of this many bytes, over the limit: an empty line stands for it.
    TooLong(u64),
    /// No more input.
    Eof,
}

/// Append one line to `data`, ending in `\n` (also the last line of a file
/// without one).
fn read_line(input: &mut impl BufRead, data: &mut Vec<u8>, max: usize) -> io::Result<Read1> {
    let start = data.len();
    // One byte more than the limit, so a line of exactly `max` bytes and
    // its `\n` is read whole.
    let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    let n = input.by_ref().take(limit).read_until(b'\n', data)?;
    if n == 0 {
        return Ok(Read1::Eof);
    }
    if data.ends_with(b"\n") {
        return Ok(Read1::Line(n as u64));
    }
    if (n as u64) < limit {
        data.push(b'\n'); // the last line, without its `\n`
        return Ok(Read1::Line(n as u64));
    }
    data.truncate(start);
    data.push(b'\n');
    Ok(Read1::TooLong(n as u64 + skip_line(input)?))
}

/// Skip the rest of a line, its `\n` included; the bytes skipped, not
/// counting the `\n`.
pub fn skip_line(input: &mut impl BufRead) -> io::Result<u64> {
    let mut skipped = 0;
    loop {
        let buf = match input.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(skipped);
        }
        let (used, done) = match memchr::memchr(b'\n', buf) {
            Some(at) => (at + 1, true),
            None => (buf.len(), false),
        };
        input.consume(used);
        skipped += used as u64;
        if done {
            return Ok(skipped - 1);
        }
    }
}

/// Why a line over `--max-line-bytes` is refused.
pub fn too_long(bytes: u64, max: usize) -> String {
    format!(
        "the line is {bytes} bytes long, more than --max-line-bytes ({max}); split the reply or raise --max-line-bytes"
    )
}
