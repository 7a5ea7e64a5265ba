//! The drill on a real pseudo-terminal: dialoguer's arrow-key picker, typed
//! replies, the scorecard, and Ctrl-C saving the turns answered so far.

#![cfg(unix)]

use std::process::Command;
use std::time::Duration;

use expectrl::session::OsSession;
use expectrl::{ControlCode, Eof, Expect, Session};

/// Enough for a debug build on a loaded CI machine; a hang still fails.
const PATIENCE: Duration = Duration::from_secs(30);

fn drill(args: &[&str]) -> OsSession {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("ethos"));
    cmd.arg("drill")
        .args(args)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    let mut session = Session::spawn(cmd).expect("the drill starts in a pseudo-terminal");
    session.set_expect_timeout(Some(PATIENCE));
    session
}

fn exit_code(session: &OsSession) -> String {
    // ptyprocess reports `Exited(Pid(..), CODE)`.
    format!(
        "{:?}",
        session.get_process().wait().expect("the drill exits")
    )
}

const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";

#[test]
fn a_whole_drill_on_a_terminal_picks_with_arrow_keys_and_ends_with_a_scorecard() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("pty.json");
    let mut p = drill(&["--record", record.to_str().unwrap(), "--trainee", "pty"]);
    p.expect("Pick a scenario").unwrap();
    // Down to the second scenario and back up to the first, then Enter.
    p.send(DOWN).unwrap();
    p.send(UP).unwrap();
    p.send("\r").unwrap();
    p.expect("The wind took the coffee").unwrap();
    p.expect("Claire (embarrassed)").unwrap();
    p.expect("Your reply").unwrap();
    p.send_line(
        "Oh no, Claire, you're no bother at all! Let me bring fresh towels and a new coffee.",
    )
    .unwrap();
    p.expect("✓ pass").unwrap();
    p.expect("What do you do?").unwrap();
    p.send("\r").unwrap(); // the first choice: replace it yourself
    p.expect("The policy: The front-line staff may do this on the spot")
        .unwrap();
    p.expect("Your reply").unwrap();
    p.send_line("Not at all, Claire, it was the wind. A fresh coffee is on its way right now.")
        .unwrap();
    p.expect("Your reply").unwrap();
    p.send_line("My pleasure, Claire. Enjoy the sunshine, and just wave if you need anything.")
        .unwrap();
    p.expect("Scorecard").unwrap();
    p.expect("Total 100.0 against a pass mark of 80: PASSED")
        .unwrap();
    p.expect("Turns taken: 4").unwrap();
    p.expect(Eof).unwrap();
    assert!(exit_code(&p).ends_with(", 0)"), "{}", exit_code(&p));
    let t: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&record).unwrap()).unwrap();
    assert_eq!(t["complete"], true);
    assert_eq!(t["trainee"], "pty");
}

#[test]
fn ctrl_c_at_a_prompt_saves_the_turns_so_far_and_exits_130() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("partial.json");
    let mut p = drill(&[
        "--scenario",
        "coffee-gate",
        "--record",
        record.to_str().unwrap(),
    ]);
    p.expect("Your reply").unwrap();
    p.send_line("Are you willing to pay for this coffee?")
        .unwrap();
    p.expect("✗ fail").unwrap();
    p.expect("We only wanted a bit of help").unwrap();
    p.expect("Your reply").unwrap();
    p.send(ControlCode::EndOfText).unwrap(); // Ctrl-C
    p.expect("interrupted").unwrap();
    p.expect(Eof).unwrap();
    assert!(exit_code(&p).ends_with(", 130)"), "{}", exit_code(&p));
    let t: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&record).unwrap()).unwrap();
    assert_eq!(t["complete"], false);
    let turns = t["turns"].as_array().unwrap();
    assert_eq!(turns.len(), 1);
    assert_eq!(turns[0]["beat"], "spill");
    assert_eq!(turns[0]["verdict"], "fail");
}
