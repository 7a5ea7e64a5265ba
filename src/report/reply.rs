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
use crate::words::Words;
use crate::words::report::{
    check_kind, policy_code, quoted_list, severity, status, verdict, verdict_line,
};

const FAIL: Style = AnsiColor::Red.on_default().bold();
const WARN: Style = AnsiColor::Yellow.on_default().bold();
const PASS: Style = AnsiColor::Green.on_default().bold();
const INFO: Style = AnsiColor::Cyan.on_default().bold();
/// A negated occurrence (rule 6): shown, so the author sees it, but dimmed.
pub const NEGATED: Style = Style::new().dimmed();

/// Everything `ethos validate` shows for a judgement, in the words of `w`.
/// `width` is the table width (the terminal's, or a fixed one when output
/// is not a terminal).
pub fn render(
    reply: &str,
    judgement: &Judgement,
    w: Words,
    color: bool,
    width: Option<u16>,
) -> String {
    let mut out = String::new();
    let marks = failing_spans(judgement);
    out.push_str(&underlined(reply, &marks, w, color));
    out.push('\n');
    if !judgement.findings.is_empty() {
        out.push_str(&rules_table(judgement, w, color, width).to_string());
        out.push('\n');
    }
    let suggestions: Vec<(&str, &str)> = judgement
        .findings
        .iter()
        .filter(|f| f.status == Status::Fail)
        .filter_map(|f| f.suggestion.as_deref().map(|s| (f.rule, s)))
        .collect();
    if !suggestions.is_empty() {
        let _ = writeln!(out, "\n{}", w.text("report-suggestions"));
        for (rule, suggestion) in suggestions {
            let line = w.fmt(
                "report-suggestion",
                &[("suggestion", suggestion.into()), ("rule", rule.into())],
            );
            let _ = writeln!(out, "  - {line}");
        }
    }
    out.push_str(&policy_lines(judgement, w, color));
    let style = match judgement.verdict {
        Verdict::Pass => PASS,
        Verdict::Fail => FAIL,
    };
    let shown = paint(&verdict(w, judgement.verdict), style, color);
    let _ = writeln!(
        out,
        "\n{}",
        verdict_line(
            w,
            judgement.verdict,
            judgement.score,
            judgement
                .findings
                .iter()
                .any(super::judgement::RuleView::fails_reply),
            &shown,
        )
    );
    out
}

/// What the policy decides, then every policy finding on a line of its own:
/// its code (red for an error, cyan for a report), the role the case should go to and the
/// reason (the escalation rules, or the action and amount), then its
/// message. A finding is never hidden because the decision already says the
/// same sentence: a missed escalation must be visible as one.
fn policy_lines(judgement: &Judgement, w: Words, color: bool) -> String {
    let mut out = String::new();
    let repeated = |decision: &String| judgement.policy.iter().any(|f| &f.message == decision);
    let policy = w.text("report-policy");
    match &judgement.decision {
        // The decision often is a finding's message: said once, with the finding.
        Some(decision) if !repeated(decision) => {
            let _ = writeln!(out, "\n{}", w.labelled(&policy, decision));
        }
        _ if !judgement.policy.is_empty() => {
            let _ = writeln!(out, "\n{}", w.labelled(&policy, "").trim_end());
        }
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
        if let Some(to) = finding.to {
            facts.push(w.fmt("report-policy-fact-to", &[("role", to.into())]));
        }
        if let (Some(action), Some(amount)) = (&finding.action, finding.amount) {
            facts.push(w.fmt(
                "report-policy-fact-action",
                &[
                    ("action", action.as_str().into()),
                    ("amount", w.number(amount).into()),
                ],
            ));
        }
        if !finding.because.is_empty() {
            let rules: Vec<String> = finding.because.iter().map(|r| format!("`{r}`")).collect();
            facts.push(w.fmt(
                "report-policy-fact-because",
                &[
                    ("count", rules.len().into()),
                    ("rules", rules.join(&w.text("list-separator")).into()),
                ],
            ));
        }
        let code = policy_code(w, finding.code);
        let head = if facts.is_empty() {
            code
        } else {
            let separator = w.text("report-policy-fact-separator");
            w.fmt(
                "report-policy-head",
                &[
                    ("code", code.into()),
                    ("facts", facts.join(&separator).into()),
                ],
            )
        };
        let head = paint(&format!("{mark} {head}"), style, color);
        let _ = writeln!(out, "  {}", w.labelled(&head, &finding.message));
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

    /// The rule's name under the carets, "(negated)" added for a negated
    /// mark, so that it reads without colour too.
    pub fn label(&self, w: Words) -> String {
        if self.negated {
            w.fmt("report-negated-mark", &[("rule", self.rule.into())])
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
pub fn underlined(reply: &str, marks: &[Mark], w: Words, color: bool) -> String {
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
            let label = mark.label(w);
            if !labels.contains(&label) {
                labels.push(label);
            }
            cursor = end;
        }
        out.push_str(&reply[cursor..line_end]);
        out.push('\n');
        if !labels.is_empty() {
            let _ = writeln!(out, "{carets} {}", labels.join(&w.text("list-separator")));
        }
        line_start = line_end + 1;
    }
    out
}

fn rules_table(judgement: &Judgement, w: Words, color: bool, width: Option<u16>) -> Table {
    let mut table = Table::new();
    let header = [
        w.text("report-col-rule"),
        w.text("report-col-check"),
        w.text("report-col-severity"),
        w.text("report-col-status"),
        w.text("report-col-says"),
    ];
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header);
    if let Some(width) = width {
        table.set_width(width);
    }
    if !color {
        table.force_no_tty();
    }
    for f in &judgement.findings {
        let fg = match f.status {
            Status::Pass => Color::Green,
            Status::Fail if f.severity == Severity::Error => Color::Red,
            Status::Fail => Color::Yellow,
            Status::Skipped => Color::DarkGrey,
        };
        let mut says = f.message.to_string();
        if let Some(detail) = &f.detail {
            let _ = write!(
                says,
                "{}",
                w.fmt("report-detail", &[("detail", detail.as_str().into())])
            );
        }
        let quoted = |negated: bool| -> Vec<&str> {
            f.matches
                .iter()
                .filter(|m| m.negated == negated)
                .map(|m| m.text.as_str())
                .collect()
        };
        let found = quoted(false);
        if !found.is_empty() && f.status == Status::Fail {
            let spans = quoted_list(w, &found);
            let _ = write!(
                says,
                "\n{}",
                w.fmt("report-found", &[("spans", spans.into())])
            );
        }
        let negated = quoted(true);
        if !negated.is_empty() {
            let spans = quoted_list(w, &negated);
            let _ = write!(
                says,
                "\n{}",
                w.fmt("report-negated", &[("spans", spans.into())])
            );
        }
        let status = status(w, f.status, f.severity);
        let status_cell = if color {
            Cell::new(status).fg(fg)
        } else {
            Cell::new(status)
        };
        table.add_row(vec![
            Cell::new(f.rule),
            Cell::new(check_kind(w, f.check)),
            Cell::new(severity(w, f.severity)),
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
