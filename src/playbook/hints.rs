//! Making loader errors say what to do: "did you mean …?", the comma that cut
//! a text short, the tab YAML does not allow. Works on reasons and source
//! text only, so it does not depend on the YAML crate.

use super::condition::CONDITION_KEYS;
use super::reason::{Help, Reason, Shape};
use super::spanned::Pos;
use crate::util::suggest::closest;

/// What to do about a load error, where it can be told.
pub fn help_for(reason: &Reason) -> Option<Help> {
    match reason {
        Reason::TabIndent | Reason::TabInText => Some(Help::ReplaceTab),
        Reason::Expected {
            shape: Shape::Amount { unit: Some(_) },
            ..
        } => Some(Help::NumberAlone),
        Reason::FullWidthColon | Reason::FullWidthComma => Some(Help::QuoteFullWidth),
        // The parser's words for `key: text: more`.
        Reason::Yaml(text) if text.contains("mapping values are not allowed") => {
            Some(Help::QuoteColon)
        }
        Reason::MissingField { field, .. } => Some(Help::AddField {
            field: field.clone(),
        }),
        Reason::UnknownField {
            field: wrong,
            expected,
        }
        | Reason::UnknownVariant {
            variant: wrong,
            expected,
        } => unknown_name_help(wrong, expected.iter().map(String::as_str)),
        Reason::UnknownCondition { key } => unknown_name_help(key, CONDITION_KEYS.iter().copied()),
        Reason::UnknownBranch { key } => unknown_name_help(key, ["pass", "fail"].into_iter()),
        _ => None,
    }
}

/// "did you mean `title`?" for an unknown field `titel` of an entry with
/// `id` and `title`, and the same for unknown variants (`check: avoids`) and
/// conditions.
fn unknown_name_help<'a>(
    wrong: &str,
    names: impl Iterator<Item = &'a str> + Clone,
) -> Option<Help> {
    if wrong.contains(' ') {
        // `{ text: Guests are people, not costs. }`: the comma ended the text.
        return Some(Help::QuoteComma);
    }
    if let Some(best) = closest(wrong, names.clone()) {
        return Some(Help::DidYouMean {
            name: best.to_owned(),
        });
    }
    let names: Vec<String> = names.map(str::to_owned).collect();
    (!names.is_empty()).then_some(Help::WriteOneOf { names })
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

/// What a tab error is: at the start of a line it indents, which YAML
/// never allows; elsewhere it stands where YAML wants a space.
pub fn tab_reason(text: &str, pos: Pos) -> Reason {
    let line = text
        .split('\n')
        .nth((pos.line as usize).saturating_sub(1))
        .unwrap_or_default();
    let before: String = line
        .chars()
        .take((pos.column as usize).saturating_sub(1))
        .collect();
    if before.chars().all(|c| c == ' ') {
        Reason::TabIndent
    } else {
        Reason::TabInText
    }
}

/// The error for a full-width sign where YAML expects its ASCII one.
pub fn full_width_reason(sign: char) -> Reason {
    if sign == '：' {
        Reason::FullWidthColon
    } else {
        Reason::FullWidthComma
    }
}

/// A syntax error caused by a full-width colon: `title：Warm welcome` in a
/// mapping is a text where a key is expected. Found on the line of the error
/// or the one before it (the parser notices at the next line).
pub fn full_width_syntax(text: &str, pos: Pos) -> Option<(Reason, Pos)> {
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
            return Some((full_width_reason('：'), at));
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
            return Some((full_width_reason('，'), at));
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
pub fn indentation(text: &str, pos: Pos) -> Option<Reason> {
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
        Some(Reason::IndentedMore {
            above: u32::try_from(above).unwrap_or(u32::MAX),
        })
    } else if mine < theirs
        && !line.trim_start().starts_with('-')
        && !lines_up_above(&lines[..index], mine)
    {
        Some(Reason::IndentedLess {
            above: u32::try_from(above).unwrap_or(u32::MAX),
        })
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

    fn did_you_mean(name: &str) -> Help {
        Help::DidYouMean { name: name.into() }
    }

    #[test]
    fn a_misspelt_variant_gets_did_you_mean() {
        let help = help_for(&Reason::UnknownVariant {
            variant: "avoids".into(),
            expected: vec!["mention".into(), "avoid".into(), "swap".into()],
        });
        assert_eq!(help, Some(did_you_mean("avoid")));
    }

    #[test]
    fn a_misspelt_condition_gets_did_you_mean() {
        let help = help_for(&Reason::UnknownCondition {
            key: "customer_said".into(),
        });
        assert_eq!(help, Some(did_you_mean("customer_says")));
    }

    #[test]
    fn a_name_far_from_every_field_gets_the_fields_and_a_text_cut_by_a_comma_gets_quotes() {
        let unknown = |field: &str| Reason::UnknownField {
            field: field.into(),
            expected: vec!["id".into(), "text".into()],
        };
        assert_eq!(
            help_for(&unknown("zzzzzz")),
            Some(Help::WriteOneOf {
                names: vec!["id".into(), "text".into()]
            })
        );
        assert_eq!(
            help_for(&unknown("Guests are people")),
            Some(Help::QuoteComma)
        );
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
