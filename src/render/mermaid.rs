//! The pictures of the Markdown documents as Mermaid `flowchart TD`, which
//! GitHub, GitLab and most Markdown viewers draw.
//!
//! Node ids are made here (`r0`, `n3`, `fin`), never taken from the playbook,
//! and every label is quoted with Mermaid's entity codes for the characters
//! that could end the label or be read as markup, so no playbook text can
//! change the shape of the chart.

use std::fmt::Write;

use unicode_width::UnicodeWidthChar;

use super::diagram::{EdgeKind, Flow, Ladder};

/// Text for inside a quoted Mermaid label.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '`' => out.push_str("#96;"),
            '|' => out.push_str("#124;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// At most `max` columns of a text (a CJK character counts two), with "…"
/// when cut: Mermaid boxes grow with their text.
fn shorten(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max {
            // Latin text is cut at a space, if there is one near the end.
            if let Some(space) = out.rfind(' ')
                && out[space..].chars().count() < 16
            {
                out.truncate(space);
            }
            out.push('…');
            return out;
        }
        used += w;
        out.push(c);
    }
    out
}

/// A label of several lines, each escaped, joined by Mermaid's line break.
fn lines(parts: &[String]) -> String {
    parts
        .iter()
        .map(|p| escape(p))
        .collect::<Vec<_>>()
        .join("<br/>")
}

pub fn ladder(ladder: &Ladder) -> String {
    let mut out = String::from("flowchart TD\n");
    for (i, rung) in ladder.rungs.iter().enumerate() {
        let mut label = vec![rung.title.clone()];
        label.extend(rung.limits.iter().cloned());
        let _ = writeln!(out, "  r{i}[\"{}\"]", lines(&label));
    }
    for (i, rung) in ladder.rungs.iter().enumerate().skip(1) {
        if rung.reasons.is_empty() {
            let _ = writeln!(out, "  r{} --> r{i}", i - 1);
        } else {
            let _ = writeln!(out, "  r{} -->|\"{}\"| r{i}", i - 1, lines(&rung.reasons));
        }
    }
    out
}

pub fn flow(flow: &Flow) -> String {
    let mut out = String::from("flowchart TD\n");
    for (i, node) in flow.nodes.iter().enumerate() {
        let mut title = node.title.clone();
        if node.decision {
            let _ = write!(title, " · {}", flow.words.decision);
        }
        let label = lines(&[title, flow.words.quote(&shorten(node.text.trim(), 48))]);
        if node.decision {
            let _ = writeln!(out, "  n{i}{{{{\"{label}\"}}}}");
        } else {
            let _ = writeln!(out, "  n{i}[\"{label}\"]");
        }
    }
    if flow.has_end() {
        let _ = writeln!(out, "  fin([\"{}\"])", escape(&flow.words.end));
    }
    for edge in &flow.edges {
        let to = edge
            .to
            .map_or_else(|| "fin".to_owned(), |t| format!("n{t}"));
        let arrow = if edge.kind == EdgeKind::Fail {
            "-.->"
        } else {
            "-->"
        };
        match flow.edge_label(edge.kind) {
            Some(label) => {
                let _ = writeln!(out, "  n{} {arrow}|\"{}\"| {to}", edge.from, escape(label));
            }
            None => {
                let _ = writeln!(out, "  n{} {arrow} {to}", edge.from);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_cannot_end_their_quotes_or_carry_markup() {
        assert_eq!(
            escape(r#"say "hi" <b>#1</b> | `x`"#),
            "say #quot;hi#quot; #lt;b#gt;#35;1#lt;/b#gt; #124; #96;x#96;"
        );
    }

    #[test]
    fn long_lines_are_cut_by_width() {
        assert_eq!(shorten("abcdef", 4), "abcd…");
        assert_eq!(shorten("the quick brown fox", 12), "the quick…");
        assert_eq!(shorten("咖啡吹翻", 4), "咖啡…");
        assert_eq!(shorten("abc", 4), "abc");
    }
}
