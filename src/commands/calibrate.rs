//! `ethos calibrate`: does ethos agree with your people?

use std::io::Read;

use super::{Outcome, fail};
use crate::calibrate::{self, Calibration, LabelFile};
use crate::cli::{CalibrateArgs, OutputFormat};
use crate::grade::Scenes;
use crate::report::tables;
use crate::words::Words;
use crate::words::tool::{Message, Stdin};

/// How the JSON output names standard input as a file: the same in every
/// language, for programs.
const STDIN: &str = "standard input";

pub fn run(args: &CalibrateArgs) -> anyhow::Result<Outcome> {
    let playbook = super::load_playbook(&args.playbook)?;
    let w = Words::of(&playbook);
    let engine = super::compile(&playbook, &args.playbook)?;
    let scenes = Scenes::new(&playbook);
    // People read the name of standard input in their language.
    let stdin_name = match args.format {
        OutputFormat::Json => STDIN.to_owned(),
        OutputFormat::Human => w.tool(&Message::StandardInput),
    };
    let mut contents = Vec::with_capacity(args.labels.len());
    for path in &args.labels {
        contents.push(if path == "-" {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).map_err(|e| {
                let why = crate::io_error::describe(&e);
                fail(
                    w,
                    &Message::CannotReadStdin {
                        what: Stdin::Labels,
                        why,
                    },
                )
            })?;
            (stdin_name.as_str(), bytes)
        } else {
            let bytes = std::fs::read(path).map_err(|e| {
                let why = crate::io_error::describe(&e);
                fail(w, &Message::CannotRead { path, why })
            })?;
            (path.as_str(), bytes)
        });
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
        OutputFormat::Human => {
            calibrate::human::report(&calibration, w, tables::width_for_stdout())
        }
    };
    super::print_stdout(&text, w)?;
    report_errors(&calibration, w);
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

fn report_errors(calibration: &Calibration, w: Words) {
    if calibration.labels == 0 && calibration.errors.is_empty() {
        eprintln!("{}", w.error_line(&w.tool(&Message::NoLabels)));
    }
    if calibration.errors.is_empty() {
        return;
    }
    let unusable = Message::UnusableLabels {
        count: calibration.errors.len(),
        used: calibration.labels,
    };
    eprintln!("{}", w.error_line(&w.tool(&unusable)));
    for e in &calibration.errors {
        let at = Message::AtLineOf {
            file: &e.file,
            line: e.line,
            why: &e.error,
        };
        eprintln!("  {}", w.tool(&at));
    }
}
