//! `ethos drill`: the interactive training drill.

use std::io::{BufReader, IsTerminal};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use super::{Failure, Outcome, fail};
use crate::cli::DrillArgs;
use crate::drill::transcript::{self, Transcript};
use crate::drill::{
    Prompter, Session, Stop, scenario_menu, scripted::Scripted, terminal::Terminal,
};
use crate::engine::Engine;
use crate::words::Words;
use crate::words::check::Kind;
use crate::words::tool::{Message, UnknownId};

pub fn run(args: &DrillArgs) -> anyhow::Result<Outcome> {
    let playbook = super::load_playbook(&args.playbook)?;
    // Everything the drill says is in the playbook's language: the trainee
    // reads that one.
    let w = Words::of(&playbook);
    let engine = super::compile(&playbook, &args.playbook)?;
    if playbook.scenarios.is_empty() {
        let playbook = &args.playbook;
        return Err(fail(w, &Message::NoScenarios { playbook }));
    }
    if let Some(id) = &args.scenario
        && !playbook.scenarios.iter().any(|s| s.id.as_str() == id)
    {
        let scenarios = playbook.scenarios.iter().map(|s| s.id.as_str());
        let unknown = UnknownId::new(Kind::Scenario, id, scenarios);
        return Err(fail(w, &Message::NoSuchId(&unknown)));
    }
    let trainee = args.trainee.clone().unwrap_or_else(login_name);
    let scripted = args.answers.is_some() || !std::io::stdin().is_terminal();
    if scripted {
        let lines: Box<dyn std::io::BufRead> = match &args.answers {
            // `--answers -`: standard input, as other commands read `-`.
            Some(path) if path.as_os_str() == "-" => Box::new(std::io::stdin().lock()),
            Some(path) => Box::new(BufReader::new(std::fs::File::open(path).map_err(|e| {
                let path = &path.display().to_string();
                let why = crate::io_error::describe(&e);
                fail(w, &Message::CannotReadAnswers { path, why })
            })?)),
            None => Box::new(std::io::stdin().lock()),
        };
        let mut prompter = Scripted::new(lines, std::io::stdout(), w);
        let outcome = play(&engine, args, &trainee, &mut prompter)?;
        // The scorecard is the last thing shown: a full disk there is an
        // error too, not a drill that seemed to end well.
        match prompter.take_write_error() {
            Some(e) => {
                let why = crate::io_error::describe(&e);
                Err(fail(w, &Message::CannotWrite { why }))
            }
            None => Ok(outcome),
        }
    } else {
        play(&engine, args, &trainee, &mut Terminal::new(w))
    }
}

/// Why the drill stopped, as the error that ends the command.
fn stopped(stop: &Stop, words: Words) -> anyhow::Error {
    anyhow::Error::new(Failure {
        words,
        text: stop.in_words(words),
    })
}

fn play(
    engine: &Engine,
    args: &DrillArgs,
    trainee: &str,
    prompter: &mut dyn Prompter,
) -> anyhow::Result<Outcome> {
    // Watched from before the picker: Ctrl-C there must put the cursor back too.
    let watch = watch_for_ctrl_c();
    watch.start();
    let playbook = engine.playbook;
    let words = Words::of(playbook);
    let scenario = match &args.scenario {
        Some(id) => playbook
            .scenarios
            .iter()
            .find(|s| s.id.as_str() == id)
            .expect("checked above"),
        None => match prompter.pick_scenario(&scenario_menu(playbook, words)) {
            Ok(index) => &playbook.scenarios[index],
            Err(stop) => {
                let interrupted = watch.finish();
                return match stop {
                    Stop::Interrupted => Ok(Outcome::Interrupted),
                    _ if interrupted => Ok(Outcome::Interrupted),
                    stop => Err(stopped(&stop, words)),
                };
            }
        },
    };
    let session = Session::new(engine, scenario, trainee, args.exam);
    let record = args.record.as_ref().map(|path| {
        let started = jiff::Timestamp::now();
        transcript::record_path(path, scenario.id.as_str(), &started)
    });
    watch.record(Arc::clone(&session.transcript), record.clone(), words);
    let result = session.play(prompter);
    // From here on a Ctrl-C no longer saves or exits: this thread does, once.
    let interrupted = watch.finish_with(|| match &record {
        Some(path) => save(&session.transcript, path, words),
        None => Ok(()),
    });
    let interrupted = interrupted? || matches!(result, Err(Stop::Interrupted));
    let passed = session
        .transcript
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .totals
        .passed;
    match result {
        // A Ctrl-C that came with another stop (the answers piped in ended
        // because the same Ctrl-C stopped their writer) is an interruption.
        _ if interrupted => {
            kept_note(record.as_deref(), true, words);
            Ok(Outcome::Interrupted)
        }
        Ok(()) if args.exam && !passed => Ok(Outcome::Findings),
        Ok(()) => Ok(Outcome::Clean),
        Err(stop) => {
            kept_note(record.as_deref(), false, words);
            Err(stopped(&stop, words))
        }
    }
}

fn save(transcript: &Mutex<Transcript>, path: &Path, w: Words) -> anyhow::Result<()> {
    let transcript = transcript
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clone();
    transcript::save(&transcript, path)?;
    let path = &path.display().to_string();
    eprintln!("{}", w.tool(&Message::TranscriptSaved { path }));
    Ok(())
}

/// Where the turns of a drill that ended early are.
fn kept_note(path: Option<&Path>, interrupted: bool, w: Words) {
    if let Some(path) = path {
        let path = &path.display().to_string();
        eprintln!("{}", w.tool(&Message::TurnsKept { interrupted, path }));
    }
}

/// What the Ctrl-C handler needs, shared with the drill.
///
/// Ctrl-C reaches the drill twice: dialoguer reads it as a key and returns
/// an error, and console raises SIGINT, which runs the handler on its own
/// thread. Exactly one of the two must save the transcript and pick the exit
/// code, or both write it at once (a handler exiting mid-write leaves a
/// temporary file) and the main thread may exit 2 first. `finished` decides:
/// whoever takes it first finishes, and the other does nothing.
struct Watch {
    /// Set by the handler before anything else: the main thread reads it
    /// when its own stop looks like something else (the end of the answers).
    interrupted: AtomicBool,
    /// Set inside the signal handler itself (signal-hook), not on ctrlc's
    /// thread: a Ctrl-C that also ends the piped answers is delivered to the
    /// drill before it can read their end, so this is already true when the
    /// main thread sees EOF, however late ctrlc's thread is scheduled.
    signalled: Arc<AtomicBool>,
    /// Whether the main thread has finished the drill (saved, decided).
    finished: Mutex<bool>,
    recording: Mutex<Option<Recording>>,
}

/// A drill being recorded: the transcript so far, where it goes, and the
/// words to say so in.
struct Recording {
    transcript: Arc<Mutex<Transcript>>,
    path: PathBuf,
    words: Words,
}

impl Watch {
    /// A new drill in this process (tests run several).
    fn start(&self) {
        self.interrupted.store(false, Ordering::SeqCst);
        self.signalled.store(false, Ordering::SeqCst);
        *lock(&self.finished) = false;
        *lock(&self.recording) = None;
    }

    fn record(&self, transcript: Arc<Mutex<Transcript>>, path: Option<PathBuf>, words: Words) {
        *lock(&self.recording) = path.map(|path| Recording {
            transcript,
            path,
            words,
        });
    }

    /// Finish on the main thread: run `save` unless the handler got there
    /// first (then it exits the process itself and this never returns), and
    /// say whether the drill was interrupted.
    fn finish_with(&self, save: impl FnOnce() -> anyhow::Result<()>) -> anyhow::Result<bool> {
        let mut finished = lock(&self.finished);
        *finished = true;
        // Held while saving: a Ctrl-C now waits, then finds the work done.
        save()?;
        Ok(self.interrupted.load(Ordering::SeqCst) || self.signalled.load(Ordering::SeqCst))
    }

    /// [`Self::finish_with`] with nothing to save.
    fn finish(&self) -> bool {
        self.finish_with(|| Ok(())).unwrap_or(true)
    }

    /// On Ctrl-C (the handler's thread): unless the main thread finished,
    /// save what was answered, put the cursor back, exit 130.
    fn interrupt(&self) {
        self.interrupted.store(true, Ordering::SeqCst);
        let finished = lock(&self.finished);
        if *finished {
            return; // the main thread saved and is on its way out
        }
        let _ = console::Term::stderr().show_cursor();
        // The prompt's line may be unfinished: end it before saying more.
        eprintln!();
        if let Some(Recording {
            transcript,
            path,
            words: w,
        }) = lock(&self.recording).as_ref()
        {
            let t = lock(transcript).clone();
            let shown = path.display().to_string();
            let said = match transcript::save(&t, path) {
                Ok(()) => Message::TurnsKept {
                    interrupted: true,
                    path: &shown,
                },
                Err(e) => Message::InterruptedUnsaved { why: e.to_string() },
            };
            eprintln!("{}", w.tool(&said));
        }
        // `finished` stays locked: the main thread cannot start finishing
        // while the process exits.
        std::process::exit(i32::from(crate::exit::INTERRUPTED));
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The process's one Ctrl-C handler (the `ctrlc` crate allows one), set on
/// the first drill.
fn watch_for_ctrl_c() -> &'static Watch {
    static WATCH: OnceLock<&'static Watch> = OnceLock::new();
    WATCH.get_or_init(|| {
        let watch: &'static Watch = Box::leak(Box::new(Watch {
            interrupted: AtomicBool::new(false),
            signalled: Arc::new(AtomicBool::new(false)),
            finished: Mutex::new(false),
            recording: Mutex::new(None),
        }));
        // Without a handler, Ctrl-C outside a prompt kills the drill unsaved;
        // failing to set one is no reason not to drill.
        let _ = ctrlc::set_handler(|| watch.interrupt());
        // Registered after ctrlc's: signal-hook keeps the handler it finds
        // and calls it after setting the flag.
        let _ =
            signal_hook::flag::register(signal_hook::consts::SIGINT, Arc::clone(&watch.signalled));
        watch
    })
}

fn login_name() -> String {
    whoami::username().unwrap_or_else(|_| "trainee".to_owned())
}
