//! A judged reply for people: the reply with the failing words underlined, a
//! table of the rules, the suggestions and the policy's decision. Used by
//! `ethos validate` and the drill.

use std::fmt::Write;

use anstyle::{AnsiColor, Style};
use comfy_table::{Cell, Color, ContentArrangement, Table, presets};
use unicode_width::UnicodeWidthStr;

use super::judgement::JudgementView as Judgement;
use crate::engine::{Match, Status, Verdict};
use crate::playbook::Severity;

const FAIL: Style = AnsiColor::Red.on_default().bold();
const WARN: Style = AnsiColor::Yellow.on_default().bold();
const PASS: Style = AnsiColor::Green.on_default().bold();
const INFO: Style = AnsiColor::Cyan.on_default().bold();
/// A negated occurrence (rule 6): shown, so the author sees it, but dimmed.
pub const NEGATED: Style = Style::new().dimmed();

/// What a negated occurrence's rule name is followed by, so it reads
/// without colour too.
pub const NEGATED_LABEL: &str = " (negated)";

/// Everything `ethos validate` shows for a judgement. `width` is the table
/// width (the terminal's, or a fixed one when output is not a terminal).
pub fn render(reply: &str, judgement: &Judgement, color: bool, width: Option<u16>) -> String {
    let mut out = String::new();
    let marks = failing_spans(judgement);
    out.push_str(&underlined(reply, &marks, color));
    out.push('\n');
    if !judgement.findings.is_empty() {
        out.push_str(&rules_table(judgement, color, width).to_string());
        out.push('\n');
    }
    let suggestions: Vec<(&str, &str)> = judgement
        .findings
        .iter()
        .filter(|f| f.status == Status::Fail)
        .filter_map(|f| f.suggestion.as_deref().map(|s| (f.rule, s)))
        .collect();
    if !suggestions.is_empty() {
        out.push_str("\nSuggestions:\n");
        for (rule, suggestion) in suggestions {
            let _ = writeln!(out, "  - {suggestion} ({rule})");
        }
    }
    out.push_str(&policy_lines(judgement, color));
    let (word, style) = match judgement.verdict {
        Verdict::Pass => ("pass", PASS),
        Verdict::Fail => ("fail", FAIL),
    };
    let _ = writeln!(
        out,
        "\n{} (score {:.1})",
        paint(word, style, color),
        judgement.score
    );
    out
}

/// What the policy decides, then every policy finding on a line of its own:
/// its code (red for an error, cyan for a report), the role the case should go to and the
/// reason (the escalation rules, or the action and amount), then its
/// message. A finding is never hidden because the decision already says the
/// same sentence: a missed escalation must be visible as one.
fn policy_lines(judgement: &Judgement, color: bool) -> String {
    let mut out = String::new();
    let repeated = |decision: &String| judgement.policy.iter().any(|f| &f.message == decision);
    match &judgement.decision {
        // The decision often is a finding's message: said once, with the finding.
        Some(decision) if !repeated(decision) => {
            let _ = writeln!(out, "\nPolicy: {decision}");
        }
        _ if !judgement.policy.is_empty() => out.push_str("\nPolicy:\n"),
        _ => {}
    }
    for finding in &judgement.policy {
        let (mark, style) = match finding.severity {
            Severity::Error => ("✗", FAIL),
            Severity::Warning => ("⚠", WARN),
            // Reported, not held against the reply (`escalation-not-shown`).
            Severity::Info => ("ℹ", INFO),
        };
        let mut facts = Vec::new();
        if let Some(to) = &finding.to {
            facts.push(format!("to `{to}`"));
        }
        if let (Some(action), Some(amount)) = (&finding.action, finding.amount) {
            facts.push(format!(
                "{action} {}",
                crate::playbook::format_amount(amount)
            ));
        }
        if !finding.because.is_empty() {
            let rules: Vec<String> = finding.because.iter().map(|r| format!("`{r}`")).collect();
            facts.push(format!(
                "escalation rule{} {}",
                if rules.len() == 1 { "" } else { "s" },
                rules.join(", ")
            ));
        }
        let facts = if facts.is_empty() {
            String::new()
        } else {
            format!(" ({})", facts.join("; "))
        };
        let _ = writeln!(
            out,
            "  {} {}",
            paint(
                &format!("{mark} {}{facts}:", finding.code.as_str()),
                style,
                color
            ),
            finding.message
        );
    }
    out
}

/// A span to mark in the reply, and the rule it broke.
pub struct Mark<'a> {
    pub span: &'a Match,
    pub rule: &'a str,
    pub severity: Severity,
    /// A negated occurrence, which did not count: shown dimmed.
    pub negated: bool,
}

impl Mark<'_> {
    /// The style of the marked words and their carets.
    pub fn style(&self) -> Style {
        match (self.negated, self.severity) {
            (true, _) => NEGATED,
            (false, Severity::Error) => FAIL,
            (false, _) => WARN,
        }
    }

    /// The rule's name under the carets, `(negated)` added for a negated mark.
    pub fn label(&self) -> String {
        if self.negated {
            format!("{}{NEGATED_LABEL}", self.rule)
        } else {
            self.rule.to_owned()
        }
    }
}

/// The spans of failed `avoid` and `swap` rules (the words that broke a
/// rule), and every negated occurrence of any rule (words that did not count,
/// shown so the author can see them).
pub fn failing_spans<'j>(judgement: &'j Judgement<'_>) -> Vec<Mark<'j>> {
    let mut marks: Vec<Mark> = judgement
        .findings
        .iter()
        .flat_map(|f| {
            let broke = f.status == Status::Fail
                && matches!(
                    f.check,
                    crate::playbook::CheckKind::Avoid | crate::playbook::CheckKind::Swap
                );
            f.matches
                .iter()
                .filter(move |m| m.negated || broke)
                .map(|m| Mark {
                    span: m,
                    rule: f.rule,
                    severity: f.severity,
                    negated: m.negated,
                })
        })
        .collect();
    marks.sort_by_key(|m| (m.span.start, m.span.end));
    marks
}

/// The reply, line by line, each line with the failing words coloured and a
/// line of carets under them naming the rules.
pub fn underlined(reply: &str, marks: &[Mark], color: bool) -> String {
    let mut out = String::new();
    let mut line_start = 0;
    for line in reply.split('\n') {
        let line_end = line_start + line.len();
        let here: Vec<&Mark> = marks
            .iter()
            .filter(|m| m.span.start < line_end.max(line_start + 1) && m.span.end > line_start)
            .collect();
        out.push_str("  ");
        let mut carets = String::from("  ");
        let mut labels: Vec<String> = Vec::new();
        let mut cursor = line_start;
        for mark in &here {
            let start = mark.span.start.max(cursor).min(line_end);
            let end = mark.span.end.min(line_end);
            if start >= end {
                continue;
            }
            let before = &reply[cursor..start];
            out.push_str(before);
            carets.push_str(&" ".repeat(before.width()));
            let marked = &reply[start..end];
            let style = mark.style();
            out.push_str(&paint(marked, style, color));
            carets.push_str(&paint(&"^".repeat(marked.width().max(1)), style, color));
            let label = mark.label();
            if !labels.contains(&label) {
                labels.push(label);
            }
            cursor = end;
        }
        out.push_str(&reply[cursor..line_end]);
        out.push('\n');
        if !labels.is_empty() {
            let _ = writeln!(out, "{carets} {}", labels.join(", "));
        }
        line_start = line_end + 1;
    }
    out
}

fn rules_table(judgement: &Judgement, color: bool, width: Option<u16>) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(["rule", "check", "severity", "status", "what it says"]);
    if let Some(width) = width {
        table.set_width(width);
    }
    if !color {
        table.force_no_tty();
    }
    for f in &judgement.findings {
        let (status, fg) = match f.status {
            Status::Pass => ("pass", Color::Green),
            Status::Fail if f.severity == Severity::Error => ("FAIL", Color::Red),
            Status::Fail => ("fail", Color::Yellow),
            Status::Skipped => ("skipped", Color::DarkGrey),
        };
        let mut says = f.message.to_string();
        if let Some(detail) = &f.detail {
            let _ = write!(says, " ({detail})");
        }
        let quoted = |negated: bool| -> Vec<String> {
            f.matches
                .iter()
                .filter(|m| m.negated == negated)
                .map(|m| format!("“{}”", m.text))
                .collect()
        };
        let found = quoted(false);
        if !found.is_empty() && f.status == Status::Fail {
            let _ = write!(says, "\nfound: {}", found.join(", "));
        }
        let negated = quoted(true);
        if !negated.is_empty() {
            let _ = write!(says, "\nnegated (not counted): {}", negated.join(", "));
        }
        let status_cell = if color {
            Cell::new(status).fg(fg)
        } else {
            Cell::new(status)
        };
        table.add_row(vec![
            Cell::new(f.rule),
            Cell::new(f.check.as_str()),
            Cell::new(f.severity.as_str()),
            status_cell,
            Cell::new(says),
        ]);
    }
    table
}

/// `text` in `style` when colour is on (the drill's underlines use it too).
pub fn paint(text: &str, style: Style, color: bool) -> String {
    if color {
        format!("{style}{text}{style:#}")
    } else {
        text.to_owned()
    }
}
