//! `ethos check` as a user or CI runs it: exit codes, paths, defaults, errors.

use crate::support::ethos;

use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use predicates::str::contains;

const MIXED: &str = "tests/fixtures/report/mixed.yaml";
const WARNINGS_ONLY: &str = "tests/fixtures/report/warnings-only.yaml";

/// A playbook that checks clean, written into `dir` under `name`.
fn write_clean(dir: &Path, name: &str) {
    let text = ethos::playbook::Source::bundled("hotel-a").unwrap().text;
    fs::write(dir.join(name), text).unwrap();
}

#[test]
fn bundled_playbook_checks_clean_with_warnings_denied() {
    let dir = tempfile::tempdir().unwrap();
    // The playbooks and the rule packs; until negation is implemented, the
    // pack examples that need it fail, and nothing else may.
    let out = ethos()
        .current_dir(dir.path())
        .args([
            "check",
            "--bundled",
            "--deny",
            "warnings",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["summary"]["files"],
        ethos::playbook::bundled::BUNDLED.len() + ethos::playbook::packs::PACKS.len()
    );
    crate::packs::assert_no_diagnostics(&json);
    if json["diagnostics"].as_array().unwrap().is_empty() {
        assert_eq!(out.status.code(), Some(0));
    }
}

#[test]
fn without_paths_check_reads_the_playbooks_folder() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("playbooks")).unwrap();
    fs::copy(MIXED, dir.path().join("playbooks/mixed.yaml")).unwrap();
    ethos()
        .current_dir(dir.path())
        .args(["check", "--format", "json"])
        .assert()
        .code(1)
        .stdout(contains("\"file\": \"playbooks/mixed.yaml\""));
}

/// Issue 11, item 9: `ethos init` writes ./playbook.yaml, and a plain `ethos
/// check` then checked the bundled playbooks instead ("passed 9 files").
#[test]
fn without_paths_or_a_playbooks_folder_check_reads_the_yaml_files_here() {
    let dir = tempfile::tempdir().unwrap();
    ethos().current_dir(dir.path()).arg("init").assert().code(0);
    fs::write(dir.path().join("b-broken.yml"), "playbook: [unclosed\n").unwrap();
    fs::write(dir.path().join(".hidden.yaml"), "not: [a playbook\n").unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    fs::copy(MIXED, dir.path().join("sub/mixed.yaml")).unwrap();
    ethos()
        .current_dir(dir.path())
        .args(["check", "--format", "json"])
        .assert()
        .code(1)
        .stdout(contains("\"file\": \"b-broken.yml\""))
        .stdout(contains("\"files\": 2"))
        .stdout(contains("hidden").not())
        .stdout(contains("sub/").not());
    fs::remove_file(dir.path().join("b-broken.yml")).unwrap();
    ethos()
        .current_dir(dir.path())
        .args(["check", "--deny", "warnings"])
        .assert()
        .code(0)
        .stdout(contains("check passed: no problems in 1 file\n"));
}

#[test]
fn without_paths_and_no_playbook_here_check_says_so_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.txt"), "not a playbook").unwrap();
    ethos()
        .current_dir(dir.path())
        .arg("check")
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(
            "error: no playbooks here: there is no ./playbooks folder",
        ))
        .stderr(contains("`ethos check --bundled`"));
}

#[test]
fn bundled_checks_the_built_in_playbooks_besides_the_paths_given() {
    let dir = tempfile::tempdir().unwrap();
    let out = ethos()
        .current_dir(dir.path())
        .args(["check", "--bundled", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let bundled = ethos::playbook::bundled::BUNDLED.len() + ethos::playbook::packs::PACKS.len();
    assert_eq!(json["summary"]["files"], bundled);
    crate::packs::assert_no_diagnostics(&json);
    ethos()
        .args(["check", "--bundled", MIXED, "--format", "json"])
        .assert()
        .code(1)
        .stdout(contains(format!("\"files\": {}", bundled + 1)));
}

/// Issue 11, item 9: `ethos check nosuch.yaml` said "check passed: 0 files".
#[test]
fn a_missing_path_is_exit_2_never_a_pass_of_no_files() {
    let dir = tempfile::tempdir().unwrap();
    ethos()
        .current_dir(dir.path())
        .args(["check", "nosuch.yaml"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("error: nosuch.yaml: no such file"));
}

#[test]
fn errors_exit_1_and_a_clean_file_exits_0() {
    ethos()
        .args(["check", MIXED])
        .assert()
        .code(1)
        .stdout(contains("check failed: 2 errors"));
    ethos().args(["check", "hotel-a"]).assert().code(0);
}

#[test]
fn warnings_fail_only_when_denied() {
    ethos()
        .args(["check", WARNINGS_ONLY])
        .assert()
        .code(0)
        .stdout(contains("2 warnings"));
    ethos()
        .args(["check", "--deny", "warnings", WARNINGS_ONLY])
        .assert()
        .code(1)
        .stdout(contains("(warnings denied)"));
}

#[test]
fn a_missing_file_exits_2_and_says_which() {
    ethos()
        .args(["check", "playbooks/nope.yaml"])
        .assert()
        .code(2)
        .stderr(contains(
            "error: playbooks/nope.yaml: no such file or directory",
        ));
}

#[test]
fn an_unknown_name_that_is_no_path_lists_the_bundled_playbooks() {
    ethos()
        .args(["check", "hotel-z"])
        .assert()
        .code(2)
        .stderr(contains(
            "`hotel-z` is neither a file nor a bundled playbook: did you mean `hotel-a`?",
        ));
    ethos()
        .args(["check", "zzz"])
        .assert()
        .code(2)
        .stderr(contains("the bundled playbooks are hotel-a, "));
}

#[test]
fn an_unreadable_file_exits_2_and_the_others_are_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    write_clean(dir.path(), "good.yaml");
    // A path through a regular file cannot be opened, whoever runs the test
    // (root ignores permission bits, so chmod alone would not do).
    let blocked = dir.path().join("good.yaml/inner.yaml");
    ethos()
        .arg("check")
        .arg(&blocked)
        .arg(dir.path().join("good.yaml"))
        .assert()
        .code(2)
        .stderr(contains("inner.yaml: cannot be read"))
        .stdout(contains("no problems in 1 file"));
}

#[cfg(unix)]
#[test]
fn a_file_without_read_permission_exits_2() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    write_clean(dir.path(), "locked.yaml");
    let path = dir.path().join("locked.yaml");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::File::open(&path).is_ok() {
        // Running as root: permission bits do not apply; the test above covers
        // unreadable files for everyone.
        return;
    }
    ethos()
        .arg("check")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(contains("cannot be read"));
}

#[test]
fn usage_errors_exit_2() {
    ethos()
        .args(["check", "--format", "xml"])
        .assert()
        .code(2)
        .stderr(contains("invalid value 'xml'"));
    ethos()
        .args(["chek"])
        .assert()
        .code(2)
        .stderr(contains("unrecognized subcommand"));
    ethos()
        .args(["check", "--today", "yesterday"])
        .assert()
        .code(2)
        .stderr(contains("YYYY-MM-DD"));
}

#[test]
fn help_and_version_exit_0() {
    ethos()
        .args(["check", "--help"])
        .assert()
        .code(0)
        .stdout(contains("Examples:"));
    ethos()
        .arg("--version")
        .assert()
        .code(0)
        .stdout(contains("ethos "));
}

#[test]
fn a_broken_file_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a-broken.yaml"), "playbook: [unclosed\n").unwrap();
    write_clean(dir.path(), "b-good.yaml");
    ethos()
        .arg("check")
        .arg(dir.path())
        .args(["--format", "json"])
        .assert()
        .code(1)
        .stdout(contains("\"code\": \"yaml-syntax\""))
        .stdout(contains("\"files\": 2"));
}

#[test]
fn directories_are_searched_recursively_for_yaml_and_yml() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("team/pool")).unwrap();
    write_clean(dir.path(), "one.yaml");
    write_clean(&dir.path().join("team/pool"), "two.yml");
    fs::write(dir.path().join("team/notes.txt"), "not a playbook").unwrap();
    ethos()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(contains("no problems in 2 files"));
}

#[test]
fn a_directory_without_playbooks_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    ethos()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(contains("no playbooks (*.yaml, *.yml)"));
}

#[test]
fn today_decides_whether_the_review_is_overdue() {
    // hotel-a is due for review on 2027-11-01.
    ethos()
        .args(["check", "hotel-a", "--today", "2027-11-01"])
        .assert()
        .code(0);
    ethos()
        .args([
            "check",
            "hotel-a",
            "--today",
            "2027-11-02",
            "--deny",
            "warnings",
        ])
        .assert()
        .code(1)
        .stdout(contains("review-overdue"));
}

#[test]
fn a_file_too_large_to_be_a_playbook_is_refused_quickly_as_a_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.yaml");
    let line = "# padding padding padding padding padding padding padding padding\n";
    fs::write(&path, line.repeat(50 * 1024 * 1024 / line.len())).unwrap();
    ethos()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stdout(contains("larger than the 16 MB a playbook may be"));
}

#[test]
fn a_file_that_is_not_utf8_is_a_diagnostic_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("latin1.yaml"), b"title: caf\xe9\n").unwrap();
    ethos()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(contains("not UTF-8"))
        .stderr(predicate::str::contains("panicked").not());
}

#[test]
fn human_output_has_no_colour_codes_when_piped() {
    let out = cargo_bin_cmd!("ethos")
        .args(["check", MIXED])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\u{1b}'));
}

#[test]
fn completions_are_printed_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        ethos()
            .args(["completions", shell])
            .assert()
            .code(0)
            .stdout(contains("check"));
    }
}

#[test]
fn a_closed_stdout_pipe_is_a_clean_exit_not_a_panic() {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin!("ethos"))
        .args(["completions", "zsh"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away, like `| head -0`
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(status.code(), Some(0));
}

/// Issue 11, item 9: `drill`, `render`, `show`, `validate` and `grade` worked
/// from a playbook that `check` rejects. Each refuses it (exit 2) with the
/// first errors at their places and what to run.
#[test]
fn commands_that_load_a_playbook_refuse_one_that_check_finds_errors_in() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let commands: Vec<Vec<std::ffi::OsString>> = vec![
        vec!["show".into(), MIXED.into()],
        vec![
            "drill".into(),
            MIXED.into(),
            "--answers".into(),
            "/dev/null".into(),
        ],
        vec![
            "render".into(),
            MIXED.into(),
            "--out".into(),
            out.clone().into(),
        ],
        vec![
            "validate".into(),
            "--playbook".into(),
            MIXED.into(),
            "hello".into(),
        ],
        vec![
            "grade".into(),
            "--playbook".into(),
            MIXED.into(),
            "-".into(),
        ],
    ];
    for args in commands {
        ethos()
            .args(&args)
            .write_stdin("")
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains(format!(
                "error: {MIXED} has 2 errors that `ethos check` reports, so it cannot be used; run `ethos check {MIXED}` to see them all:"
            )))
            .stderr(contains(format!(
                "\n  {MIXED}:23:61: rule `greet` applies at step `welcom`, which is not defined (did you mean `welcome`?) [unknown-step]"
            )))
            // Warnings do not refuse a playbook, and are not listed as errors.
            .stderr(contains("ladder-inversion").not());
    }
    assert!(!out.exists(), "render wrote nothing");
}

#[test]
fn a_playbook_that_does_not_load_is_refused_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.yaml");
    fs::write(&path, "playbook: [unclosed\n").unwrap();
    ethos()
        .arg("show")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(contains("has 1 error that `ethos check` reports"))
        .stderr(contains("broken.yaml:1:").and(contains("[yaml-syntax]")));
}

// --- The tool's own messages, in the environment's language ------------------

#[test]
fn with_ethos_lang_de_a_message_about_no_playbook_is_german() {
    let dir = tempfile::tempdir().unwrap();
    ethos()
        .current_dir(dir.path())
        .env("ETHOS_LANG", "de")
        .args(["init", "--from", "hotel-z"])
        .assert()
        .code(2)
        .stderr(contains(
            "Fehler: Es gibt keinen mitgelieferten Leitfaden `hotel-z`; mitgeliefert sind hotel-a, ",
        ))
        .stderr(contains("(`ethos list` zeigt sie)"));
    ethos()
        .current_dir(dir.path())
        .env("ETHOS_LANG", "de")
        .args(["report", "keine-uebungen"])
        .assert()
        .code(2)
        .stderr(
            "Fehler: keine-uebungen: kein Ordner; geben Sie den Ordner an, in dem die Übungen \
             aufgezeichnet wurden (`ethos drill --record DIR`)\n",
        );
}

#[test]
fn without_ethos_lang_the_language_of_lang_is_used_and_ethos_lang_wins() {
    let dir = tempfile::tempdir().unwrap();
    let report = |env: &[(&str, &str)]| {
        let mut cmd = ethos();
        cmd.current_dir(dir.path()).args(["report", "nirgends"]);
        for name in ["ETHOS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            cmd.env_remove(name);
        }
        for (name, value) in env {
            cmd.env(name, value);
        }
        String::from_utf8(cmd.assert().code(2).get_output().stderr.clone()).unwrap()
    };
    assert!(report(&[("LANG", "de_DE.UTF-8")]).starts_with("Fehler: nirgends: kein Ordner"));
    assert!(report(&[("LANG", "zh_CN.UTF-8")]).starts_with("错误：nirgends：不是文件夹"));
    assert!(
        report(&[("LANG", "zh_CN.UTF-8"), ("ETHOS_LANG", "en")])
            .starts_with("error: nirgends: not a directory")
    );
    // A language ethos does not speak is English.
    assert!(report(&[("LANG", "fr_FR.UTF-8")]).starts_with("error: "));
}

#[test]
fn a_flag_refused_by_ethos_says_why_in_the_environments_language() {
    ethos()
        .env("ETHOS_LANG", "de")
        .args(["grade", "--playbook", "hotel-a", "--fail-under", "150", "-"])
        .assert()
        .code(2)
        .stderr(contains(
            "erwartet wird ein Prozentsatz von 0 bis 100, etwa `90`, gefunden wurde `150`",
        ));
}

#[test]
fn a_message_about_a_playbook_is_in_its_language_whatever_the_environments() {
    // German environment, Chinese playbook: the playbook's language wins.
    ethos()
        .env("ETHOS_LANG", "de")
        .args(["drill", "zh-hotel", "--scenario", "nope"])
        .assert()
        .code(2)
        .stderr(contains("错误：本服务手册没有情景`nope`："));
}

#[test]
fn a_german_playbook_that_check_refuses_is_refused_in_german() {
    let dir = tempfile::tempdir().unwrap();
    let text = ethos::playbook::Source::bundled("de-reisezentrum")
        .unwrap()
        .text
        .replacen("at: [begruessen]", "at: [begrussen]", 1);
    fs::write(dir.path().join("kaputt.yaml"), text).unwrap();
    ethos()
        .current_dir(dir.path())
        .args(["show", "kaputt.yaml"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(
            "Fehler: kaputt.yaml hat 1 Fehler, den `ethos check` meldet, und kann deshalb nicht \
             verwendet werden; führen Sie `ethos check kaputt.yaml` aus, um ihn zu sehen:\n  kaputt.yaml:",
        ))
        .stderr(contains("(Meinten Sie `begruessen`?) [unknown-step]"));
}
