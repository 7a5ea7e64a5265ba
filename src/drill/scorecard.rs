//! The end of a drill: a table of the turns and the service figures.

use std::fmt::Write;

use super::transcript::Transcript;
use super::words::Words;
use crate::report::tables::table;

pub fn render(t: &Transcript, words: &Words, color: bool) -> String {
    let w = words;
    let mut out = format!("\n{}\n", w.scorecard);
    let mut turns = table(&[w.beat, w.step, w.verdict, w.score, w.seconds], Some(70));
    for turn in &t.turns {
        turns.add_row(vec![
            turn.beat.clone(),
            turn.step.clone(),
            if turn.verdict == "pass" {
                w.pass
            } else {
                w.fail
            }
            .to_owned(),
            format!("{:.1}", turn.score),
            format!("{:.1}", turn.seconds),
        ]);
    }
    let _ = writeln!(out, "{turns}");
    let totals = &t.totals;
    let verdict = if totals.passed {
        w.passed
    } else {
        w.not_passed
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
    let c = w.colon;
    let _ = writeln!(
        out,
        "{} {:.1} {} {}{c}{verdict}",
        w.total, totals.score, w.against, totals.pass_mark
    );
    let _ = writeln!(
        out,
        "{}{c}{:.1} {}",
        w.first_reply, totals.time_to_first_reply, w.unit_seconds
    );
    let _ = writeln!(
        out,
        "{}{c}{:.1} {}",
        w.average, totals.average_seconds, w.unit_seconds
    );
    let solved = if totals.solved_without_escalation {
        w.yes
    } else {
        w.no
    };
    let _ = writeln!(out, "{}{c}{solved}", w.solved);
    let _ = writeln!(out, "{}{c}{}", w.turns_taken, totals.turns);
    if let Some(mood) = &totals.final_mood {
        let _ = writeln!(out, "{}{c}{mood}", w.final_mood);
    }
    out
}
