//! I/O errors worded for a sentence, for every command and feature alike.

use std::io;

/// An I/O error as the end of a sentence: "no space left on device", not
/// "No space left on device (os error 28)".
pub fn describe(error: &io::Error) -> String {
    let text = error.to_string();
    let text = match text.rfind(" (os error ") {
        Some(at) if text.ends_with(')') => &text[..at],
        _ => &text,
    };
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}
