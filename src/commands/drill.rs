//! `ethos drill`: the interactive training drill.

use std::io::{BufReader, IsTerminal};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use anyhow::{Context as _, anyhow, bail};

use super::Outcome;
use crate::check::suggest::unknown_id_help;
use crate::cli::DrillArgs;
use crate::drill::transcript::{self, Transcript};
use crate::drill::{
    Prompter, Session, Stop, scenario_menu, scripted::Scripted, terminal::Terminal,
};
use crate::engine::Engine;

pub fn run(args: &DrillArgs) -> anyhow::Result<Outcome> {
    let playbook = super::load_playbook(&args.playbook)?;
    let engine = Engine::new(&playbook)
        .map_err(|e| anyhow!("{}: {e}; run `ethos check` on it", args.playbook))?;
    if playbook.scenarios.is_empty() {
        bail!(
            "{} has no scenarios to drill: add one under `scenarios:`",
            args.playbook
        );
    }
    if let Some(id) = &args.scenario
        && !playbook.scenarios.iter().any(|s| s.id.as_str() == id)
    {
        let help = unknown_id_help(
            id,
            "scenario",
            playbook.scenarios.iter().map(|s| s.id.as_str()),
        )
        .unwrap_or_default();
        bail!("the playbook has no scenario `{id}`: {help}");
    }
    let trainee = args.trainee.clone().unwrap_or_else(login_name);
    let scripted = args.answers.is_some() || !std::io::stdin().is_terminal();
    if scripted {
        let lines: Box<dyn std::io::BufRead> = match &args.answers {
            Some(path) => Box::new(BufReader::new(
                std::fs::File::open(path)
                    .with_context(|| format!("cannot read the answers from {}", path.display()))?,
            )),
            None => Box::new(std::io::stdin().lock()),
        };
        let mut prompter = Scripted::new(lines, std::io::stdout());
        play(&engine, args, &trainee, &mut prompter)
    } else {
        play(&engine, args, &trainee, &mut Terminal::new())
    }
}

fn play(
    engine: &Engine,
    args: &DrillArgs,
    trainee: &str,
    prompter: &mut dyn Prompter,
) -> anyhow::Result<Outcome> {
    let playbook = engine.playbook;
    let scenario = match &args.scenario {
        Some(id) => playbook
            .scenarios
            .iter()
            .find(|s| s.id.as_str() == id)
            .expect("checked above"),
        None => match prompter.pick_scenario(&scenario_menu(playbook)) {
            Ok(index) => &playbook.scenarios[index],
            Err(Stop::Interrupted) => return Ok(Outcome::Interrupted),
            Err(stop) => bail!("{stop}"),
        },
    };
    let session = Session::new(engine, scenario, trainee, args.exam);
    let record = args.record.as_ref().map(|path| {
        let started = jiff::Timestamp::now();
        transcript::record_path(path, scenario.id.as_str(), &started)
    });
    watch_for_ctrl_c(Arc::clone(&session.transcript), record.clone());
    let result = session.play(prompter);
    let transcript = session
        .transcript
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clone();
    if let Some(path) = &record {
        save(&transcript, path)?;
    }
    match result {
        Ok(()) if args.exam && !transcript.totals.passed => Ok(Outcome::Findings),
        Ok(()) => Ok(Outcome::Clean),
        Err(Stop::Interrupted) => {
            saved_note(record.as_deref(), "interrupted");
            Ok(Outcome::Interrupted)
        }
        Err(stop) => {
            saved_note(record.as_deref(), "stopped");
            bail!("{stop}")
        }
    }
}

#[allow(clippy::print_stderr)]
fn save(transcript: &Transcript, path: &Path) -> anyhow::Result<()> {
    transcript::save(transcript, path)
        .with_context(|| format!("cannot write the transcript to {}", path.display()))?;
    eprintln!("transcript saved to {}", path.display());
    Ok(())
}

#[allow(clippy::print_stderr)]
fn saved_note(path: Option<&Path>, how: &str) {
    if let Some(path) = path {
        eprintln!("{how}: the turns answered so far are in {}", path.display());
    }
}

/// Ctrl-C outside a prompt (or where the terminal delivers it as a signal):
/// save what was answered, put the cursor back, exit 130.
#[allow(clippy::print_stderr)]
fn watch_for_ctrl_c(transcript: Arc<Mutex<Transcript>>, record: Option<PathBuf>) {
    let handler = move || {
        let _ = console::Term::stderr().show_cursor();
        if let Some(path) = &record {
            let t = transcript
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .clone();
            match transcript::save(&t, path) {
                Ok(()) => eprintln!(
                    "\ninterrupted: the turns answered so far are in {}",
                    path.display()
                ),
                Err(e) => eprintln!(
                    "\ninterrupted: could not save the transcript to {}: {e}",
                    path.display()
                ),
            }
        }
        std::process::exit(i32::from(crate::exit::INTERRUPTED));
    };
    // A second drill in the same process (tests) finds a handler already set.
    let _ = ctrlc::set_handler(handler);
}

fn login_name() -> String {
    whoami::username().unwrap_or_else(|_| "trainee".to_owned())
}
