//! `ethos calibrate`: does ethos agree with your people?

use std::io::Read;

use anyhow::{Context as _, anyhow};

use super::Outcome;
use crate::calibrate::{self, Calibration, LabelFile};
use crate::cli::{CalibrateArgs, OutputFormat};
use crate::engine::Engine;
use crate::grade::Scenes;
use crate::report::tables;

/// How messages name standard input.
const STDIN: &str = "standard input";

pub fn run(args: &CalibrateArgs) -> anyhow::Result<Outcome> {
    let playbook = super::load_playbook(&args.playbook)?;
    let engine = Engine::new(&playbook).map_err(|e| {
        let why = crate::words::engine::pattern_error(crate::words::Words::of(&playbook), &e);
        anyhow!("{}: {why}; run `ethos check` on it", args.playbook)
    })?;
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
        OutputFormat::Human => calibrate::human::report(
            &calibration,
            crate::words::Words::of(&playbook),
            tables::width_for_stdout(),
        ),
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
