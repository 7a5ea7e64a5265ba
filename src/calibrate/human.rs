//! `ethos calibrate` for people: the agreement, the confusion table, the
//! rules and policy findings by agreement, then every disagreement, in the
//! words of the playbook's language.

use std::fmt::Write as _;

use super::{Calibration, Disagreement};
use crate::report::tables;
use crate::words::Words;
use crate::words::report::{count, fixed, policy_code, quoted_list, score, severity, verdict};

/// The report, its tables `width` columns wide (`None`: the terminal's).
pub fn report(c: &Calibration<'_>, w: Words, width: Option<u16>) -> String {
    let mut out = match c.agreement {
        Some(agreement) => w.fmt(
            "report-calibrate-headline",
            &[
                ("labels", c.labels.into()),
                (
                    "agreed",
                    count(w, c.confusion.both_pass + c.confusion.both_fail).into(),
                ),
                ("agreement", score(w, agreement).into()),
                (
                    "kappa",
                    c.kappa
                        .map_or_else(|| w.text("report-not-available"), |k| fixed(w, k, 2))
                        .into(),
                ),
            ],
        ),
        None => w.text("report-calibrate-no-labels"),
    };
    out.push('\n');
    let header = [
        String::new(),
        w.text("report-ethos-pass"),
        w.text("report-ethos-fail"),
    ];
    let mut confusion = tables::table(&header, width);
    confusion.add_row(vec![
        w.text("report-human-pass"),
        count(w, c.confusion.both_pass),
        count(w, c.confusion.human_pass_tool_fail),
    ]);
    confusion.add_row(vec![
        w.text("report-human-fail"),
        count(w, c.confusion.human_fail_tool_pass),
        count(w, c.confusion.both_fail),
    ]);
    let _ = writeln!(out, "\n{confusion}\n\n{}", w.text("report-by-rule"));
    let header = [
        w.text("report-col-rule"),
        w.text("report-col-applied"),
        w.text("report-col-failed-human-passed"),
        w.text("report-col-passed-human-failed"),
    ];
    let mut rules = tables::table(&header, width);
    for r in &c.rules {
        rules.add_row(vec![
            r.rule.to_owned(),
            count(w, r.applied),
            count(w, r.failed_where_human_passed),
            count(w, r.passed_where_human_failed),
        ]);
    }
    let _ = writeln!(out, "{rules}");
    if !c.policy.is_empty() {
        let header = [
            w.text("report-col-policy-finding"),
            w.text("report-col-found"),
            w.text("report-col-found-human-passed"),
        ];
        let mut policy = tables::table(&header, width);
        for p in &c.policy {
            policy.add_row(vec![
                policy_code(w, p.code),
                count(w, p.found),
                count(w, p.found_where_human_passed),
            ]);
        }
        let _ = writeln!(out, "\n{}\n{policy}", w.text("report-policy-findings"));
    }
    if c.disagreements.is_empty() {
        let _ = writeln!(out, "\n{}", w.text("report-no-disagreements"));
    } else {
        let n = c.disagreements.len();
        let _ = writeln!(
            out,
            "\n{}",
            w.fmt("report-disagreements", &[("count", n.into())])
        );
        for d in &c.disagreements {
            disagreement(&mut out, d, w);
        }
    }
    out
}

fn disagreement(out: &mut String, d: &Disagreement<'_>, w: Words) {
    let at = format!("{}:{}", d.file, d.line);
    let at = match &d.id {
        Some(id) => w.fmt(
            "report-disagreement-id",
            &[("at", at.into()), ("id", id.to_string().into())],
        ),
        None => at,
    };
    let heading = w.fmt(
        "report-disagreement",
        &[
            ("at", at.into()),
            ("step", d.step.as_str().into()),
            ("human", verdict(w, d.human).into()),
            ("tool", verdict(w, d.tool).into()),
            ("score", score(w, d.score).into()),
        ],
    );
    let _ = writeln!(out, "\n{heading}");
    let reply = w.fmt(
        "report-disagreement-reply",
        &[("text", d.text.as_str().into())],
    );
    let _ = writeln!(out, "  {reply}");
    if let Some(note) = &d.note {
        let note = w.fmt(
            "report-disagreement-note",
            &[("note", note.as_str().into())],
        );
        let _ = writeln!(out, "  {note}");
    }
    if d.failed.is_empty() && d.policy.is_empty() {
        let none = if d.passed.is_empty() {
            w.text("report-disagreement-none-failed")
        } else {
            let rules = d.passed.join(&w.text("list-separator"));
            w.fmt("report-disagreement-passed", &[("rules", rules.into())])
        };
        let _ = writeln!(out, "  {none}");
        return;
    }
    for f in &d.failed {
        let spans: Vec<&str> = f.matches.iter().map(|m| m.text.as_str()).collect();
        let mut message = f.message.to_string();
        if let Some(detail) = &f.detail {
            message.push_str(&w.fmt("report-detail", &[("detail", detail.as_str().into())]));
        }
        let mut args = vec![
            ("rule", f.rule.into()),
            ("severity", severity(w, f.severity).into()),
            ("message", message.into()),
        ];
        let line = if spans.is_empty() {
            w.fmt("report-disagreement-failed", &args)
        } else {
            args.push(("spans", quoted_list(w, &spans).into()));
            w.fmt("report-disagreement-failed-spans", &args)
        };
        let _ = writeln!(out, "  {line}");
    }
    for p in &d.policy {
        let line = w.fmt(
            "report-disagreement-policy",
            &[
                ("code", policy_code(w, p.code).into()),
                ("severity", severity(w, p.severity).into()),
                ("message", p.message.as_str().into()),
            ],
        );
        let _ = writeln!(out, "  {line}");
    }
}
