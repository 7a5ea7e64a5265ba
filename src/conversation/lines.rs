//! Every line of a conversation file, read in bounded memory, and the cheap
//! test `ethos grade` uses to tell a conversation line from a reply line.

use std::fmt;
use std::io::{self, BufRead};

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};

use super::read::{Key, char_column, read_line};
use super::{Conversation, ErrorKind, LineError, MAX_LINE_BYTES, Warning};

/// What one line comes to: the conversation and its warnings, or why it
/// cannot be judged.
pub type Outcome = Result<(Conversation, Vec<Warning>), LineError>;

/// The lines of a conversation file, each read with [`read_line`], as
/// `(line number, outcome)`; blank lines are passed over (their numbers
/// still count). A line longer than the limit is an error for that line,
/// read past without being kept, so memory stays within the limit plus the
/// reader's buffer whatever the file holds. A file that cannot be read is
/// the iterator's `io::Error`, after which it ends.
pub struct Lines<R> {
    input: R,
    max_line_bytes: usize,
    line: u64,
    buffer: Vec<u8>,
    done: bool,
}

/// What [`Lines::next_raw`] read.
enum Raw {
    /// A line, in the buffer.
    Line,
    /// A line over the limit, of this many bytes, not kept.
    TooLong(u64),
    /// The end of the input.
    End,
}

impl<R: BufRead> Lines<R> {
    /// The lines of `input`, at most [`MAX_LINE_BYTES`] each.
    pub fn new(input: R) -> Lines<R> {
        Lines::with_limit(input, MAX_LINE_BYTES)
    }

    /// The lines of `input`, at most `max_line_bytes` each (without the line end).
    pub fn with_limit(input: R, max_line_bytes: usize) -> Lines<R> {
        Lines {
            input,
            max_line_bytes,
            line: 0,
            buffer: Vec::new(),
            done: false,
        }
    }

    /// Read the next line into the buffer (without its `\n`).
    fn next_raw(&mut self) -> io::Result<Raw> {
        self.buffer.clear();
        let mut length: u64 = 0;
        let mut over = false;
        let mut any = false;
        loop {
            let available = match self.input.fill_buf() {
                Ok(available) => available,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                if !any {
                    return Ok(Raw::End);
                }
                break;
            }
            any = true;
            let (chunk, used, end) = match memchr::memchr(b'\n', available) {
                Some(at) => (&available[..at], at + 1, true),
                None => (available, available.len(), false),
            };
            length += chunk.len() as u64;
            if !over {
                if self.buffer.len() + chunk.len() > self.max_line_bytes {
                    over = true;
                    self.buffer.clear();
                } else {
                    self.buffer.extend_from_slice(chunk);
                }
            }
            self.input.consume(used);
            if end {
                break;
            }
        }
        if over {
            return Ok(Raw::TooLong(length));
        }
        if self.buffer.last() == Some(&b'\r') {
            self.buffer.pop();
        }
        Ok(Raw::Line)
    }
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = io::Result<(u64, Outcome)>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let raw = match self.next_raw() {
                Ok(raw) => raw,
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            };
            self.line += 1;
            let line = self.line;
            if let Raw::End = raw {
                self.done = true;
                return None;
            }
            if let Raw::TooLong(bytes) = raw {
                let kind = ErrorKind::TooLong {
                    bytes,
                    max: self.max_line_bytes,
                };
                return Some(Ok((line, Err(LineError { id: None, kind }))));
            }
            let mut bytes = self.buffer.as_slice();
            if line == 1 {
                bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let outcome = match std::str::from_utf8(bytes) {
                Ok(text) => read_line(text, line),
                Err(e) => {
                    let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or("");
                    let column = char_column(valid, 1, valid.len() + 1);
                    Err(LineError {
                        id: None,
                        kind: ErrorKind::NotUtf8 { column },
                    })
                }
            };
            return Some(Ok((line, outcome)));
        }
        None
    }
}

/// Whether `line` is a conversation rather than a reply to grade: a JSON
/// object with a `messages` key of its own. Cheap: a line without the text
/// `"messages"` is refused at once, and one with it is read only as far as
/// its top-level key `messages` (values before it are skipped, not built).
pub fn looks_like_conversation(line: &str) -> bool {
    let trimmed = line.trim_start();
    if !trimmed.starts_with('{')
        || memchr::memmem::find(trimmed.as_bytes(), b"\"messages\"").is_none()
    {
        return false;
    }
    let mut found = false;
    let mut de = serde_json::Deserializer::from_str(trimmed);
    // The seed stops the reading with an error once it has seen the key.
    let _ = HasMessages { found: &mut found }.deserialize(&mut de);
    found
}

struct HasMessages<'f> {
    found: &'f mut bool,
}

impl<'de> DeserializeSeed<'de> for HasMessages<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for HasMessages<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(Key(key)) = map.next_key()? {
            if key == "messages" {
                *self.found = true;
                return Err(de::Error::custom(""));
            }
            map.next_value::<IgnoredAny>()?;
        }
        Ok(())
    }
}
