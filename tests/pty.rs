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

/// The drill's output up to the end, as text.
fn rest(p: &mut OsSession) -> String {
    let found = p.expect(Eof).expect("the drill ends");
    // `Eof` matches everything that was left.
    String::from_utf8_lossy(found.get(0).unwrap_or_default()).into_owned()
}

/// The files in a folder, by name.
fn names(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The mode a new file gets here, 0644 less this process's umask.
fn new_file_mode(dir: &std::path::Path) -> u32 {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let probe = dir.join("probe");
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o644)
        .open(&probe)
        .unwrap();
    let mode = std::fs::metadata(&probe).unwrap().permissions().mode() & 0o777;
    std::fs::remove_file(probe).unwrap();
    mode
}

/// console shows the cursor with this.
const SHOW_CURSOR: &str = "\x1b[?25h";

#[test]
fn ctrl_c_in_the_scenario_picker_shows_the_cursor_again_and_exits_130() {
    let mut p = drill(&[]);
    p.expect("Pick a scenario").unwrap();
    p.send(DOWN).unwrap();
    p.send(ControlCode::EndOfText).unwrap(); // Ctrl-C
    let after = rest(&mut p);
    assert!(
        after.contains(SHOW_CURSOR),
        "the cursor is left hidden: {after:?}"
    );
    // Not killed by the signal: the drill ends itself, with 130.
    assert!(exit_code(&p).ends_with(", 130)"), "{}", exit_code(&p));
}

#[test]
fn ctrl_c_in_a_reply_ends_the_line_and_leaves_one_readable_transcript() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("partial.json");
    let mut p = drill(&[
        "--scenario",
        "coffee-gate",
        "--record",
        record.to_str().unwrap(),
    ]);
    p.expect("Your reply").unwrap();
    p.send("half a reply").unwrap();
    p.expect("half a reply").unwrap();
    p.send(ControlCode::EndOfText).unwrap(); // Ctrl-C
    let after = rest(&mut p);
    // What is said next starts on a line of its own, not after the prompt.
    assert!(
        after.replace(SHOW_CURSOR, "").starts_with("\r\n"),
        "{after:?}"
    );
    assert!(after.contains("interrupted"), "{after:?}");
    assert!(exit_code(&p).ends_with(", 130)"), "{}", exit_code(&p));
    // The transcript and nothing else: no temporary file left beside it.
    assert_eq!(names(dir.path()), ["partial.json"]);
    let mode = std::fs::metadata(&record).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, new_file_mode(dir.path()), "{mode:o}");
}

#[test]
fn a_reply_wider_than_the_terminal_is_cleared_whole_and_underlined_row_by_row() {
    const COLUMNS: usize = 60;
    let mut p = drill(&["--scenario", "coffee-gate"]);
    p.get_process_mut()
        .set_window_size(u16::try_from(COLUMNS).unwrap(), 30)
        .unwrap();
    p.expect("Your reply").unwrap();
    let reply = "Are you willing to pay for this coffee and the towels, customer? \
                 It will cost you an extra charge, customer.";
    p.send(reply).unwrap();
    p.expect("charge, customer.").unwrap();
    p.send("\r").unwrap();
    let shown = p.expect("✗ fail").unwrap();
    // The prompt and the reply took several rows: the rows above the cursor
    // are cleared too (up N rows, clear), not left as a stale prompt.
    let redraw = String::from_utf8_lossy(shown.before()).into_owned();
    assert!(redraw.contains("A\r\x1b[2K"), "{redraw:?}");
    let feedback = p.expect("Your reply").unwrap();
    let feedback = String::from_utf8_lossy(feedback.before()).into_owned();
    let lines: Vec<&str> = feedback.split("\r\n").collect();
    for line in &lines {
        assert!(
            line.chars().count() <= COLUMNS,
            "wider than the terminal: {line:?}"
        );
    }
    // Each row of carets is under the row of the reply it marks.
    let carets = lines
        .iter()
        .position(|l| l.trim_start().starts_with('^'))
        .expect("a row of carets");
    let (text, marks) = (lines[carets - 1], lines[carets]);
    let first = marks.find('^').unwrap();
    assert!(
        text[first..].starts_with("Are you willing to pay"),
        "{text:?}\n{marks:?}"
    );
    let customer = lines
        .iter()
        .position(|l| l.contains("customer?") || l.starts_with("  customer"))
        .unwrap();
    let under = lines[customer + 1];
    let at = lines[customer].find("customer").unwrap();
    assert_eq!(
        under.get(at..at + 8),
        Some("^^^^^^^^"),
        "{:?}\n{under:?}",
        lines[customer]
    );
}
