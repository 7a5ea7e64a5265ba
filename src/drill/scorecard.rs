//! The end of a drill: a table of the turns and the service figures.

use std::fmt::Write;

use super::transcript::Transcript;
use crate::report::tables::table;
use crate::words::Words;
use crate::words::drill::seconds;
use crate::words::report::score;

pub fn render(t: &Transcript, w: Words, color: bool) -> String {
    let mut out = format!("\n{}\n", w.text("drill-scorecard"));
    let header = [
        w.text("drill-col-beat"),
        w.text("drill-col-step"),
        w.text("drill-col-verdict"),
        w.text("drill-col-score"),
        w.text("drill-col-seconds"),
    ];
    let mut turns = table(&header, Some(70));
    for turn in &t.turns {
        turns.add_row(vec![
            turn.beat.clone(),
            turn.step.clone(),
            if turn.verdict == "pass" {
                w.text("report-pass")
            } else {
                w.text("report-fail")
            },
            score(w, turn.score),
            seconds(w, turn.seconds),
        ]);
    }
    let _ = writeln!(out, "{turns}");
    let totals = &t.totals;
    let verdict = if totals.passed {
        w.text("drill-passed")
    } else {
        w.text("drill-not-passed")
    };
    let verdict = if color {
        let style = if totals.passed {
            anstyle::AnsiColor::Green.on_default().bold()
        } else {
            anstyle::AnsiColor::Red.on_default().bold()
        };
        format!("{style}{verdict}{style:#}")
    } else {
        verdict
    };
    let lines = [
        w.fmt(
            "drill-total",
            &[
                ("score", score(w, totals.score).into()),
                ("mark", w.number(totals.pass_mark).into()),
                ("verdict", verdict.into()),
            ],
        ),
        w.fmt(
            "drill-first-reply",
            &[("seconds", seconds(w, totals.time_to_first_reply).into())],
        ),
        w.fmt(
            "drill-average-reply",
            &[("seconds", seconds(w, totals.average_seconds).into())],
        ),
        w.fmt(
            "drill-solved",
            &[("answer", w.yes_no(totals.solved_without_escalation).into())],
        ),
        w.fmt("drill-turns-taken", &[("turns", totals.turns.into())]),
    ];
    for line in lines {
        let _ = writeln!(out, "{line}");
    }
    if let Some(mood) = &totals.final_mood {
        let _ = writeln!(
            out,
            "{}",
            w.fmt("drill-final-mood", &[("mood", mood.as_str().into())])
        );
    }
    out
}
