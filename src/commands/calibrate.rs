//! `ethos calibrate`: does ethos agree with your people?

use std::fmt::Write as _;
use std::io::Read;

use anyhow::{Context as _, anyhow};

use super::Outcome;
use crate::calibrate::{self, Calibration, Disagreement, LabelFile};
use crate::cli::{CalibrateArgs, OutputFormat};
use crate::engine::{Engine, Verdict};
use crate::grade::Scenes;
use crate::report::tables;

/// How messages name standard input.
const STDIN: &str = "standard input";

pub fn run(args: &CalibrateArgs) -> anyhow::Result<Outcome> {
    let playbook = super::load_playbook(&args.playbook)?;
    let engine = Engine::new(&playbook)
        .map_err(|e| anyhow!("{}: {e}; run `ethos check` on it", args.playbook))?;
    let scenes = Scenes::new(&playbook);
    let mut contents = Vec::with_capacity(args.labels.len());
    for path in &args.labels {
        let mut bytes = Vec::new();
        if path == "-" {
            std::io::stdin()
                .read_to_end(&mut bytes)
                .context("cannot read the labels from standard input")?;
        } else {
            bytes = std::fs::read(path)
                .map_err(|e| anyhow!("cannot read {path}: {}", crate::io_error::describe(&e)))?;
        }
        contents.push((if path == "-" { STDIN } else { path.as_str() }, bytes));
    }
    let files: Vec<LabelFile> = contents
        .iter()
        .map(|(name, bytes)| LabelFile { name, bytes })
        .collect();
    let calibration = calibrate::calibrate(&engine, &scenes, &files);
    let text = match args.format {
        OutputFormat::Json => {
            let mut json =
                serde_json::to_string_pretty(&calibration).expect("plain data serialises");
            json.push('\n');
            json
        }
        OutputFormat::Human => human(&calibration),
    };
    super::print_stdout(&text)?;
    report_errors(&calibration);
    Ok(outcome(&calibration, args.min_agreement))
}

/// Exit 2 when a label could not be used (or there were none), else 1 below
/// `--min-agreement`.
fn outcome(calibration: &Calibration, min_agreement: Option<f64>) -> Outcome {
    match calibration.agreement {
        _ if !calibration.errors.is_empty() => Outcome::Incomplete,
        None => Outcome::Incomplete,
        Some(agreement) if min_agreement.is_some_and(|min| agreement < min) => Outcome::Findings,
        Some(_) => Outcome::Clean,
    }
}

#[allow(clippy::print_stderr)]
fn report_errors(calibration: &Calibration) {
    if calibration.labels == 0 && calibration.errors.is_empty() {
        eprintln!(
            "error: no labels to compare with; each line of LABELS is a grade line with \"human\": \"pass\" or \"fail\""
        );
    }
    if calibration.errors.is_empty() {
        return;
    }
    let n = calibration.errors.len();
    eprintln!(
        "error: {n} label line{} could not be used; the figures are of the other {}",
        if n == 1 { "" } else { "s" },
        calibration.labels
    );
    for e in &calibration.errors {
        eprintln!("  {}:{}: {}", e.file, e.line, e.error);
    }
}

fn verdict(v: Verdict) -> &'static str {
    match v {
        Verdict::Pass => "pass",
        Verdict::Fail => "fail",
    }
}

fn human(c: &Calibration) -> String {
    let width = tables::width_for_stdout();
    let mut out = match c.agreement {
        Some(agreement) => format!(
            "{} labels: ethos agrees on {} ({agreement:.1}%); Cohen's kappa {}\n",
            c.labels,
            c.confusion.both_pass + c.confusion.both_fail,
            c.kappa
                .map_or_else(|| "n/a".to_owned(), |k| format!("{k:.2}")),
        ),
        None => "no labels: agreement n/a; Cohen's kappa n/a\n".to_owned(),
    };
    let mut confusion = tables::table(&["", "ethos pass", "ethos fail"], width);
    confusion.add_row(vec![
        "human pass".to_owned(),
        c.confusion.both_pass.to_string(),
        c.confusion.human_pass_tool_fail.to_string(),
    ]);
    confusion.add_row(vec![
        "human fail".to_owned(),
        c.confusion.human_fail_tool_pass.to_string(),
        c.confusion.both_fail.to_string(),
    ]);
    let _ = writeln!(out, "\n{confusion}\n\nBy rule");
    let mut rules = tables::table(
        &[
            "rule",
            "applied",
            "failed where human passed",
            "passed where human failed",
        ],
        width,
    );
    for r in &c.rules {
        rules.add_row(vec![
            r.rule.to_owned(),
            r.applied.to_string(),
            r.failed_where_human_passed.to_string(),
            r.passed_where_human_failed.to_string(),
        ]);
    }
    let _ = writeln!(out, "{rules}");
    if !c.policy.is_empty() {
        let mut policy = tables::table(&["policy finding", "found", "where human passed"], width);
        for p in &c.policy {
            policy.add_row(vec![
                p.code.as_str().to_owned(),
                p.found.to_string(),
                p.found_where_human_passed.to_string(),
            ]);
        }
        let _ = writeln!(out, "\nPolicy findings\n{policy}");
    }
    if c.disagreements.is_empty() {
        out.push_str("\nNo disagreements.\n");
    } else {
        let _ = writeln!(out, "\nDisagreements ({})", c.disagreements.len());
        for d in &c.disagreements {
            disagreement(&mut out, d);
        }
    }
    out
}

fn disagreement(out: &mut String, d: &Disagreement) {
    let id =
        d.id.as_ref()
            .map(|id| format!(" (id {id})"))
            .unwrap_or_default();
    let _ = writeln!(
        out,
        "\n{}:{}{id}, step {}: human {}, ethos {} (score {:.1})",
        d.file,
        d.line,
        d.step,
        verdict(d.human),
        verdict(d.tool),
        d.score
    );
    let _ = writeln!(out, "  reply: {}", d.text);
    if let Some(note) = &d.note {
        let _ = writeln!(out, "  note:  {note}");
    }
    if d.failed.is_empty() && d.policy.is_empty() {
        out.push_str("  ethos: no rule failed");
        if !d.passed.is_empty() {
            let _ = write!(out, " (passed: {})", d.passed.join(", "));
        }
        out.push('\n');
        return;
    }
    for f in &d.failed {
        let spans = f
            .matches
            .iter()
            .map(|m| format!("\"{}\"", m.text))
            .collect::<Vec<_>>()
            .join(", ");
        let spans = if spans.is_empty() {
            String::new()
        } else {
            format!(" {spans}:")
        };
        let detail = f
            .detail
            .as_ref()
            .map(|d| format!(" ({d})"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  failed {} ({}):{spans} {}{detail}",
            f.rule, f.severity, f.message
        );
    }
    for p in &d.policy {
        let _ = writeln!(
            out,
            "  policy {} ({}): {}",
            p.code.as_str(),
            p.severity,
            p.message
        );
    }
}
