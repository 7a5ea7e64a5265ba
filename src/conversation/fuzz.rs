//! The body of the fuzz target `read_conversation` (`fuzz/fuzz_targets/`):
//! any bytes as a conversation file. Not part of the API.

use std::io::Cursor;

use super::{Lines, MAX_TEXT_BYTES, looks_like_conversation, read_line};

/// Read `bytes` as a conversation file, line by line, and each line alone:
/// nothing panics, every line that is not blank gets one outcome, both reads
/// agree, and what was read keeps within the limits.
pub fn read_conversation(bytes: &[u8]) {
    let mut answers = 0;
    for item in Lines::with_limit(Cursor::new(bytes), 64 * 1024) {
        let Ok((line, outcome)) = item else {
            unreachable!("reading from memory cannot fail");
        };
        answers += 1;
        let raw = bytes
            .split(|&b| b == b'\n')
            .nth(usize::try_from(line - 1).unwrap_or(usize::MAX))
            .unwrap_or_default();
        if let Ok(text) = std::str::from_utf8(raw) {
            let text = text.strip_suffix('\r').unwrap_or(text);
            let text = if line == 1 {
                text.strip_prefix('\u{feff}').unwrap_or(text)
            } else {
                text
            };
            if text.len() <= 64 * 1024 {
                assert_eq!(read_line(text, line), outcome, "line {line} read twice differs");
            }
            if outcome.is_ok() {
                assert!(looks_like_conversation(text), "a conversation not detected");
            }
        }
        if let Ok((conversation, warnings)) = &outcome {
            assert_eq!(conversation.line, line);
            for (i, message) in conversation.messages.iter().enumerate() {
                assert_eq!(message.index, i, "messages numbered out of order");
                let text = message.content.as_deref().unwrap_or_default();
                assert!(text.len() <= MAX_TEXT_BYTES, "a message over the limit");
            }
            let indexes: Vec<usize> = warnings.iter().map(super::Warning::index).collect();
            assert!(indexes.is_sorted(), "warnings out of message order");
            assert!(
                indexes.iter().all(|&i| i < conversation.messages.len()),
                "a warning about no message"
            );
        }
    }
    let lines = bytes
        .split(|&b| b == b'\n')
        .enumerate()
        .filter(|(i, line)| {
            let line = if *i == 0 {
                line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line)
            } else {
                line
            };
            !line.iter().all(u8::is_ascii_whitespace)
        })
        .count();
    assert_eq!(answers, lines, "a line without an answer, or two");
}
