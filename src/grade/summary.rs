//! `ethos grade --summary` for people: the headline, then the tables by step,
//! by rule, of policy findings and of the lowest scores, in the words of the
//! playbook's language.

use std::fmt::Write as _;

use super::tally::Summary;
use crate::report::tables;
use crate::words::Words;
use crate::words::report::{check_kind, count, policy_code, score, score_or_dash};

/// The summary's tables, `width` columns wide (`None`: the terminal's).
pub fn tables(s: &Summary<'_>, w: Words, width: Option<u16>) -> String {
    let mut out = w.fmt(
        "report-grade-headline",
        &[
            ("replies", s.replies.into()),
            ("passed", count(w, s.passed).into()),
            ("rate", score(w, s.pass_rate).into()),
            ("mean", score_or_dash(w, s.mean_score).into()),
        ],
    );
    if s.errors > 0 {
        out.push_str(&w.fmt("report-grade-errors", &[("errors", s.errors.into())]));
    }
    let _ = write!(out, "\n\n{}\n", w.text("report-by-step"));
    let header = [
        w.text("report-col-step"),
        w.text("report-col-replies"),
        w.text("report-col-pass-rate"),
        w.text("report-col-mean-score"),
    ];
    let mut steps = tables::table(&header, width);
    for step in &s.by_step {
        steps.add_row(vec![
            step.step.to_owned(),
            count(w, step.replies),
            score_or_dash(w, step.pass_rate),
            score_or_dash(w, step.mean_score),
        ]);
    }
    let _ = writeln!(out, "{steps}\n\n{}", w.text("report-by-rule"));
    let header = [
        w.text("report-col-rule"),
        w.text("report-col-check"),
        w.text("report-col-applied"),
        w.text("report-col-failed"),
        w.text("report-col-pass-rate"),
    ];
    let mut rules = tables::table(&header, width);
    for rule in &s.by_rule {
        rules.add_row(vec![
            rule.rule.to_owned(),
            check_kind(w, rule.kind),
            count(w, rule.applied),
            count(w, rule.failed),
            score_or_dash(w, rule.pass_rate),
        ]);
    }
    let _ = writeln!(out, "{rules}\n\n{}", w.text("report-policy-findings"));
    let header = [w.text("report-col-finding"), w.text("report-col-replies")];
    let mut policy = tables::table(&header, width);
    for p in &s.policy {
        policy.add_row(vec![policy_code(w, p.finding), count(w, p.count)]);
    }
    let _ = writeln!(out, "{policy}");
    if !s.worst.is_empty() {
        let _ = writeln!(out, "\n{}", w.text("report-lowest-scores"));
        let header = [
            w.text("report-col-id"),
            w.text("report-col-line"),
            w.text("report-col-score"),
        ];
        let mut worst = tables::table(&header, width);
        for entry in &s.worst {
            worst.add_row(vec![
                entry.id.clone(),
                entry.line.to_string(),
                score(w, entry.score),
            ]);
        }
        let _ = writeln!(out, "{worst}");
    }
    out
}
