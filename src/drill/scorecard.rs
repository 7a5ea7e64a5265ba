//! The end of a drill: a table of the turns and the service figures.

use std::fmt::Write;

use super::transcript::Transcript;
use crate::report::tables::table;

pub fn render(t: &Transcript, color: bool) -> String {
    let mut out = String::from("\nScorecard\n");
    let mut turns = table(&["beat", "step", "verdict", "score", "seconds"], Some(70));
    for turn in &t.turns {
        turns.add_row(vec![
            turn.beat.clone(),
            turn.step.clone(),
            turn.verdict.clone(),
            format!("{:.1}", turn.score),
            format!("{:.1}", turn.seconds),
        ]);
    }
    let _ = writeln!(out, "{turns}");
    let totals = &t.totals;
    let verdict = if totals.passed {
        "PASSED"
    } else {
        "NOT PASSED"
    };
    let verdict = if color {
        let style = if totals.passed {
            anstyle::AnsiColor::Green.on_default().bold()
        } else {
            anstyle::AnsiColor::Red.on_default().bold()
        };
        format!("{style}{verdict}{style:#}")
    } else {
        verdict.to_owned()
    };
    let _ = writeln!(
        out,
        "Total {:.1} against a pass mark of {}: {verdict}",
        totals.score, totals.pass_mark
    );
    let _ = writeln!(
        out,
        "Time to first reply: {:.1} s",
        totals.time_to_first_reply
    );
    let _ = writeln!(
        out,
        "Average time per reply: {:.1} s",
        totals.average_seconds
    );
    let _ = writeln!(
        out,
        "Solved without escalation: {}",
        if totals.solved_without_escalation {
            "yes"
        } else {
            "no"
        }
    );
    let _ = writeln!(out, "Turns taken: {}", totals.turns);
    if let Some(mood) = &totals.final_mood {
        let _ = writeln!(out, "The customer's mood at the end: {mood}");
    }
    out
}
