//! The body of the fuzz target `read_conversation` (`fuzz/fuzz_targets/`):
//! any bytes as a conversation file. Not part of the API: it lives in the
//! library so that the normal test suite replays the corpus through it
//! (`tests/conversation_read.rs`).

use std::io::Cursor;

use super::{Lines, MAX_TEXT_BYTES, Warning, looks_like_conversation, read_line};

/// The line limit the target reads with: small, so the fuzzer reaches it.
const LIMIT: usize = 16 * 1024;

/// Read `bytes` as a conversation file, line by line, and each line alone:
/// nothing panics, every line that is not blank gets one outcome, both reads
/// agree, and what was read keeps within the limits.
pub fn read_conversation(bytes: &[u8]) {
    let raw_lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    let mut answers = 0;
    for item in Lines::with_limit(Cursor::new(bytes), LIMIT) {
        // Reading from memory cannot fail.
        let Ok((line, outcome)) = item else { return };
        answers += 1;
        let raw = usize::try_from(line - 1)
            .ok()
            .and_then(|i| raw_lines.get(i))
            .copied()
            .unwrap_or_default();
        if raw.len() <= LIMIT
            && let Ok(text) = std::str::from_utf8(raw)
        {
            let text = text.strip_suffix('\r').unwrap_or(text);
            let text = match line {
                1 => text.strip_prefix('\u{feff}').unwrap_or(text),
                _ => text,
            };
            assert_eq!(
                read_line(text, line),
                outcome,
                "line {line} read twice differs"
            );
            // A `messages` key written with escapes is not looked for.
            if outcome.is_ok() && text.contains("\"messages\"") {
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
            let indexes: Vec<usize> = warnings.iter().map(Warning::index).collect();
            assert!(indexes.is_sorted(), "warnings out of message order");
            assert!(
                indexes.iter().all(|&i| i < conversation.messages.len()),
                "a warning about no message"
            );
        }
    }
    let lines = raw_lines
        .iter()
        .enumerate()
        .filter(|(i, raw)| {
            let text = match i {
                0 => raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw),
                _ => raw,
            };
            raw.len() > LIMIT || !text.iter().all(u8::is_ascii_whitespace)
        })
        .count();
    assert_eq!(answers, lines, "a line without an answer, or two");
}
