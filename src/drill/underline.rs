//! The trainee's reply with the words that broke a rule marked, fitted to the
//! terminal: a reply wider than the terminal is wrapped here, between words,
//! so each row gets its own carets. Left to the terminal, the reply would
//! wrap and the carets would point under the wrong row.

use std::fmt::Write;
use std::ops::Range;

use unicode_width::UnicodeWidthChar;

use crate::report::reply::{Mark, paint, underlined};
use crate::words::Words;

/// Each row of the reply is indented by this much.
const INDENT: &str = "  ";

/// The reply with its marks, as `validate` shows it; with a `width`, every
/// row (reply, carets and rule names) fits in it.
pub fn fitted(reply: &str, marks: &[Mark], w: Words, color: bool, width: Option<usize>) -> String {
    let Some(width) = width else {
        return underlined(reply, marks, w, color);
    };
    let room = width.saturating_sub(INDENT.len()).max(10);
    let mut out = String::new();
    for row in rows(reply, room) {
        let (text, carets, labels) = marked(reply, row, marks, w, color);
        let _ = writeln!(out, "{INDENT}{text}");
        if labels.is_empty() {
            continue;
        }
        let caret_width = console::measure_text_width(&carets);
        let labels = labels.join(&w.text("list-separator"));
        if caret_width + 1 + console::measure_text_width(&labels) <= room {
            let _ = writeln!(out, "{INDENT}{carets} {labels}");
        } else {
            // No room beside the carets: the rule names go on the next row.
            let _ = writeln!(out, "{INDENT}{carets}");
            let _ = writeln!(out, "{INDENT}{labels}");
        }
    }
    out
}

/// One row's text with the marked words coloured, the carets under them, and
/// the rules they broke.
fn marked(
    reply: &str,
    row: Range<usize>,
    marks: &[Mark<'_>],
    w: Words,
    color: bool,
) -> (String, String, Vec<String>) {
    let (mut text, mut carets) = (String::new(), String::new());
    let mut labels: Vec<String> = Vec::new();
    let mut cursor = row.start;
    for mark in marks {
        let start = mark.span.start.max(cursor);
        let end = mark.span.end.min(row.end);
        if start >= end || !reply.is_char_boundary(start) || !reply.is_char_boundary(end) {
            continue;
        }
        let before = &reply[cursor..start];
        text.push_str(before);
        carets.push_str(&" ".repeat(console::measure_text_width(before)));
        let word = &reply[start..end];
        let style = mark.style();
        text.push_str(&paint(word, style, color));
        let underline = "^".repeat(console::measure_text_width(word).max(1));
        carets.push_str(&paint(&underline, style, color));
        let label = mark.label(w);
        if !labels.contains(&label) {
            labels.push(label);
        }
        cursor = end;
    }
    text.push_str(&reply[cursor..row.end]);
    (text, carets, labels)
}

/// The byte ranges of the rows `text` takes at `width` columns: its own lines,
/// each broken after the last space that fits (the space itself is dropped),
/// or inside a word longer than a row.
fn rows(text: &str, width: usize) -> Vec<Range<usize>> {
    let mut rows = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        let line_end = line_start + line.len();
        let mut start = line_start;
        let mut column = 0;
        // The last space in the current row, where it may break.
        let mut space: Option<usize> = None;
        for (offset, c) in line.char_indices() {
            let at = line_start + offset;
            let w = c.width().unwrap_or(0);
            if column + w > width && at > start && c == ' ' {
                // The space that does not fit is where the row ends.
                rows.push(start..at);
                start = at + 1;
                space = None;
                column = 0;
                continue;
            }
            if column + w > width && at > start {
                let (end, next) = match space {
                    Some(space) => (space, space + 1),
                    None => (at, at),
                };
                rows.push(start..end);
                start = next;
                space = None;
                column = console::measure_text_width(&text[start..at]);
            }
            if c == ' ' {
                space = Some(at);
            }
            column += w;
        }
        rows.push(start..line_end);
        line_start = line_end + 1;
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Match;
    use crate::playbook::Severity;
    use crate::words::Locale;

    fn rows_of(text: &str, width: usize) -> Vec<&str> {
        rows(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn rows_break_after_the_last_space_that_fits() {
        assert_eq!(rows_of("one two three", 7), ["one two", "three"]);
        assert_eq!(rows_of("one two three", 8), ["one two", "three"]);
        assert_eq!(rows_of("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(rows_of("a\nb c", 10), ["a", "b c"]);
        assert_eq!(rows_of("好好好好好", 4), ["好好", "好好", "好"]);
    }

    #[test]
    fn carets_stay_under_their_row_when_the_reply_wraps() {
        let reply = "Are you willing to pay for this, customer?";
        let span = Match {
            text: "customer".to_owned(),
            start: 33,
            end: 41,
            replacement: None,
            negated: false,
        };
        let marks = [Mark {
            span: &span,
            rule: "guest-not-customer",
            severity: Severity::Warning,
            negated: false,
        }];
        let shown = fitted(reply, &marks, Words::new(Locale::En), false, Some(34));
        assert_eq!(
            shown,
            "  Are you willing to pay for this,\n  customer?\n  ^^^^^^^^ guest-not-customer\n"
        );
        for line in shown.lines() {
            assert!(console::measure_text_width(line) <= 34, "{line:?}");
        }
    }
}
