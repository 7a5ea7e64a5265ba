//! Making loader errors say what to do: "did you mean …?", the comma that cut
//! a text short, the tab YAML does not allow. Works on messages and source
//! text only, so it does not depend on the YAML crate.

use super::spanned::Pos;
use crate::util::suggest::closest;

/// A help line for a loader message, where one can be given.
pub fn help_for(message: &str) -> Option<String> {
    if message.contains("tab") && message.contains("spaces") {
        return Some(
            "replace the tab with spaces; most editors can be set to insert spaces for Tab"
                .to_owned(),
        );
    }
    if message.starts_with("expected an amount in ") {
        return Some(
            "write the number alone, e.g. `40`: the unit is the action's `unit`".to_owned(),
        );
    }
    if message.contains("full-width") {
        return Some(
            "if the full-width sign belongs to the text, put the text in quotes".to_owned(),
        );
    }
    if message.contains("mapping values are not allowed") {
        return Some(
            "a `: ` inside a text starts a new key: put quotes around the text".to_owned(),
        );
    }
    if let Some(field) = message.strip_prefix("missing field `") {
        let field = field.split('`').next().unwrap_or_default();
        return Some(format!("add `{field}:` to this entry; it is required"));
    }
    unknown_name_help(message)
}

/// "did you mean `title`?" for "unknown field `titel`, expected one of id, title",
/// and the same for unknown variants (`check: avoids`) and conditions.
fn unknown_name_help(message: &str) -> Option<String> {
    let rest = [
        "unknown field `",
        "unknown variant `",
        "unknown condition `",
    ]
    .iter()
    .find_map(|prefix| message.strip_prefix(prefix))?;
    let (wrong, rest) = rest.split_once('`')?;
    if wrong.contains(' ') {
        // `{ text: Guests are people, not costs. }`: the comma ended the text.
        return Some(
            "a comma inside `{ }` or `[ ]` starts a new entry: put quotes around text that contains one"
                .to_owned(),
        );
    }
    let expected = rest
        .trim_start_matches(", expected one of ")
        .trim_start_matches(", expected ");
    let names: Vec<&str> = expected
        .split([',', ' '])
        .map(|f| f.trim_matches(|c: char| c == '`' || c.is_whitespace()))
        .filter(|f| !f.is_empty() && *f != "or" && *f != "and")
        .collect();
    match closest(wrong, names.iter().copied()) {
        Some(best) => Some(format!("did you mean `{best}`?")),
        None if !names.is_empty() => Some(format!(
            "write one of {}",
            names
                .iter()
                .map(|f| format!("`{f}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
        None => None,
    }
}

/// Where a "missing field" error belongs. The deserialiser notices the field is
/// missing at the end of the mapping and reports its last key; a reader looks
/// for the start of the entry (`- id: resolve`). In block style that is the
/// first line above at the same indentation that opens the entry.
pub fn place_missing_field(text: &str, pos: Pos) -> Pos {
    let lines: Vec<&str> = text.split('\n').collect();
    let Some(mut index) = (pos.line as usize).checked_sub(1) else {
        return pos;
    };
    let column = pos.column as usize; // 1-based, in characters
    let key_column = |line: &str| -> Option<(usize, bool)> {
        // (column of the first key on the line, whether it follows `- `)
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        if let Some(item) = trimmed.strip_prefix("- ") {
            let inner = item.len() - item.trim_start_matches(' ').len();
            return Some((indent + 2 + inner + 1, true));
        }
        Some((indent + 1, false))
    };
    let mut best = pos.line;
    loop {
        let line = lines.get(index).copied().unwrap_or_default();
        let trimmed = line.trim();
        if !(trimmed.is_empty() || trimmed.starts_with('#')) {
            let Some((key, opens_item)) = key_column(line) else {
                break;
            };
            let indent = line.len() - line.trim_start_matches(' ').len() + 1;
            if key == column {
                best = u32::try_from(index + 1).unwrap_or(pos.line);
                if opens_item {
                    break;
                }
            } else if indent < column {
                break;
            }
        }
        if index == 0 {
            break;
        }
        index -= 1;
    }
    if best == pos.line {
        return pos;
    }
    Pos {
        line: best,
        column: pos.column,
        offset: line_offset(text, best) + byte_of_column(lines[best as usize - 1], pos.column),
        len: 0,
        file: 0,
    }
}

/// The id of the entry that starts at `pos` (`- id: resolve` gives `resolve`),
/// so a message can say which entry lacks a field.
pub fn entry_id(text: &str, pos: Pos) -> Option<String> {
    let line = text.split('\n').nth((pos.line as usize).checked_sub(1)?)?;
    let rest = line.trim_start().trim_start_matches("- ").trim_start();
    let id = rest.strip_prefix("id:")?.trim();
    let id = id
        .split(" #")
        .next()?
        .trim()
        .trim_matches(|c| c == '"' || c == '\'');
    (!id.is_empty()).then(|| id.to_owned())
}

/// Where a tab error belongs: the first tab at or after the reported line's
/// start (the parser reports the scalar it was reading, a line too early).
pub fn place_tab(text: &str, pos: Pos) -> Pos {
    let start = line_offset(text, pos.line.max(1)) as usize;
    let Some(found) = text.get(start..).and_then(|rest| rest.find('\t')) else {
        return pos;
    };
    let at = start + found;
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Pos {
        line: u32::try_from(line).unwrap_or(pos.line),
        column: u32::try_from(text[line_start..at].chars().count() + 1).unwrap_or(1),
        offset: u32::try_from(at).unwrap_or(0),
        len: 1,
        file: 0,
    }
}

/// What a tab error says: at the start of a line it indents, which YAML
/// never allows; elsewhere it stands where YAML wants a space.
pub fn tab_message(text: &str, pos: Pos) -> &'static str {
    let line = text
        .split('\n')
        .nth((pos.line as usize).saturating_sub(1))
        .unwrap_or_default();
    let before: String = line
        .chars()
        .take((pos.column as usize).saturating_sub(1))
        .collect();
    if before.chars().all(|c| c == ' ') {
        "this line is indented with a tab, which YAML does not allow: indent with spaces"
    } else {
        "a tab stands where YAML expects a space: use spaces, or put the text in quotes"
    }
}

/// The message for a full-width sign where YAML expects its ASCII one.
pub fn full_width_message(sign: char) -> String {
    if sign == '：' {
        "a full-width colon `：` does not end a key in YAML: write `:` and a space".to_owned()
    } else {
        "a full-width comma `，` does not separate entries in YAML: write `,` and a space"
            .to_owned()
    }
}

/// A syntax error caused by a full-width colon: `title：Warm welcome` in a
/// mapping is a text where a key is expected. Found on the line of the error
/// or the one before it (the parser notices at the next line).
pub fn full_width_syntax(text: &str, pos: Pos) -> Option<(String, Pos)> {
    let lines: Vec<&str> = text.split('\n').collect();
    let index = (pos.line as usize).checked_sub(1)?;
    for i in [Some(index), index.checked_sub(1)].into_iter().flatten() {
        let Some(line) = lines.get(i) else {
            continue;
        };
        let trimmed = line.trim_start_matches([' ', '-']).trim_start();
        // A key position: the start of the line's content, before any `:`
        // or quote; `title: 标题：副标题` is a value and fine.
        let key_part = trimmed
            .split([':', '"', '\'', '#'])
            .next()
            .unwrap_or_default();
        if let Some(byte) = key_part.find('：') {
            let start = line.len() - trimmed.len() + byte;
            let column = line[..start].chars().count() + 1;
            let at = Pos {
                line: u32::try_from(i + 1).ok()?,
                column: u32::try_from(column).ok()?,
                offset: line_offset(text, u32::try_from(i + 1).ok()?)
                    + u32::try_from(start).ok()?,
                len: u32::try_from('：'.len_utf8()).ok()?,
                file: 0,
            };
            return Some((full_width_message('：'), at));
        }
        if let Some(start) = flow_comma(line) {
            let at = Pos {
                line: u32::try_from(i + 1).ok()?,
                column: u32::try_from(line[..start].chars().count() + 1).ok()?,
                offset: line_offset(text, u32::try_from(i + 1).ok()?)
                    + u32::try_from(start).ok()?,
                len: u32::try_from('，'.len_utf8()).ok()?,
                file: 0,
            };
            return Some((full_width_message('，'), at));
        }
    }
    None
}

/// The byte of the first full-width comma inside `[ ]` or `{ }` on a line,
/// outside quotes: `{ name: 山姆，mood: calm }` fails to parse there.
fn flow_comma(line: &str) -> Option<usize> {
    let (mut depth, mut quote) = (0_usize, None);
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (None, '\'' | '"') => quote = Some(c),
            (None, '#') if depth == 0 => return None,
            (None, '[' | '{') => depth += 1,
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            (None, '，') if depth > 0 => return Some(i),
            // Inside quotes, or any other character.
            _ => {}
        }
    }
    None
}

/// "this line is indented more than the one above (line 46)", for a syntax
/// error on a line whose indentation disagrees with the line before it.
pub fn indentation(text: &str, pos: Pos) -> Option<String> {
    let lines: Vec<&str> = text.split('\n').collect();
    let index = (pos.line as usize).checked_sub(1)?;
    let line = lines.get(index)?;
    let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let (above, above_line) = lines[..index]
        .iter()
        .enumerate()
        .rev()
        .find(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|(i, l)| (i + 1, *l))?;
    let (mine, theirs) = (indent(line), indent(above_line));
    // The line above opens a block (`key:` or `- key:`) when it ends in `:`;
    // a deeper line then is right, and the error is something else.
    let opens = above_line
        .split(" #")
        .next()
        .is_some_and(|l| l.trim_end().ends_with(':'));
    if mine > theirs && !opens {
        Some(format!(
            "this line is indented more than the one above (line {above}): give the keys of one entry the same indentation"
        ))
    } else if mine < theirs
        && !line.trim_start().starts_with('-')
        && !lines_up_above(&lines[..index], mine)
    {
        Some(format!(
            "this line is indented less than the one above (line {above}) but lines up with no key it could belong to: give the keys of one entry the same indentation"
        ))
    } else {
        None
    }
}

/// Whether a line indented `indent` lines up with a key above it that it
/// could belong to (one not closed by a line indented less in between).
fn lines_up_above(above: &[&str], indent: usize) -> bool {
    for line in above.iter().rev() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let theirs = line.len() - line.trim_start_matches(' ').len();
        let item = line.trim_start().starts_with("- ");
        if theirs == indent || (item && theirs + 2 == indent) {
            return true;
        }
        if theirs < indent {
            return false;
        }
    }
    false
}

fn line_offset(text: &str, line: u32) -> u32 {
    let skipped: usize = text
        .split('\n')
        .take(line.saturating_sub(1) as usize)
        .map(|l| l.len() + 1)
        .sum();
    u32::try_from(skipped).unwrap_or(0)
}

fn byte_of_column(line: &str, column: u32) -> u32 {
    let byte = line
        .char_indices()
        .nth(column.saturating_sub(1) as usize)
        .map_or(line.len(), |(i, _)| i);
    u32::try_from(byte).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: u32, column: u32) -> Pos {
        Pos {
            line,
            column,
            offset: 0,
            len: 0,
            file: 0,
        }
    }

    #[test]
    fn a_misspelt_variant_gets_did_you_mean() {
        let help = help_for("unknown variant `avoids`, expected one of `mention`, `avoid`, `swap`");
        assert_eq!(help.as_deref(), Some("did you mean `avoid`?"));
    }

    #[test]
    fn a_misspelt_condition_gets_did_you_mean() {
        let help =
            help_for("unknown condition `customer_said`, expected one of customer_says, contacts");
        assert_eq!(help.as_deref(), Some("did you mean `customer_says`?"));
    }

    #[test]
    fn a_missing_field_moves_to_the_line_that_opens_the_entry() {
        let text = "steps:\n  - id: welcome\n    title: W\n\n    # note\n    values: []\n";
        let placed = place_missing_field(text, at(6, 5));
        assert_eq!((placed.line, placed.column), (2, 5));
        assert_eq!(&text[placed.offset as usize..][..2], "id");
    }

    #[test]
    fn a_missing_field_at_the_top_level_moves_to_the_first_key() {
        let text = "# comment\nplaybook: x\ntitle: t\nsteps: []\n";
        let placed = place_missing_field(text, at(4, 1));
        assert_eq!((placed.line, placed.column), (2, 1));
    }

    #[test]
    fn nested_mappings_are_skipped_on_the_way_up() {
        let text = "  - id: a\n    decide:\n      prompt: p\n    step: s\n";
        let placed = place_missing_field(text, at(4, 5));
        assert_eq!((placed.line, placed.column), (1, 5));
    }

    #[test]
    fn a_tab_is_placed_where_it_is() {
        let text = "rules:\n  - id: x\n\tcheck: avoid\n";
        let placed = place_tab(text, at(2, 9));
        assert_eq!((placed.line, placed.column), (3, 1));
    }
}
