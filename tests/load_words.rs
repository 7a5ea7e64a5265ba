//! Load errors in the language of the file they are about: a playbook that
//! says `language: zh-CN` or `de` is told what is wrong with it in Chinese or
//! German, at its file, line and column; a file that says no language, and
//! anything that is not about a playbook's text (an unknown bundled id), in
//! the environment's language (`ETHOS_LANG`, then `LC_ALL`, `LC_MESSAGES`,
//! `LANG`).

use predicates::prelude::*;
use predicates::str::contains;

use crate::support::ethos;

/// A playbook head in `language`, then `rest`.
fn playbook(language: Option<&str>, rest: &str) -> String {
    let language = language.map_or_else(String::new, |l| format!("language: {l}\n"));
    format!(
        "playbook: broken\ntitle: T\ncompany: C\n{language}philosophy:\n  statement: S\nroles:\n  - id: staff\n    title: Staff\nsteps:\n  - id: welcome\n    title: W\n    goal: G\n{rest}"
    )
}

/// A waiting time that is no duration: `soon` at line 16 of [`playbook`]
/// with a language, column 29 (line 19 after [`TITEL`]).
const BAD_DURATION: &str =
    "escalation:\n  - id: slow\n    when: { waiting: { min: soon } }\n    to: staff\n";

/// A misspelt field of a step, at line 15 of [`playbook`] with a language,
/// column 5.
const TITEL: &str = "  - id: resolve\n    titel: R\n    goal: G\n";

fn check_json(text: &str, env: &[(&str, &str)]) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.yaml");
    std::fs::write(&file, text).unwrap();
    let mut cmd = ethos();
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd
        .args(["check", "--format", "json"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

/// (line, column, message, help) of each diagnostic.
fn found(report: &serde_json::Value) -> Vec<(u64, u64, String, String)> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_owned(),
                d["help"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[test]
fn a_chinese_playbook_is_told_its_bad_duration_and_misspelt_field_in_chinese() {
    let report = check_json(
        &playbook(Some("zh-CN"), &format!("{TITEL}{BAD_DURATION}")),
        &[],
    );
    let found = found(&report);
    assert_eq!(
        found,
        [
            (
                15,
                5,
                "未知字段`titel`，应为`id`、`title`、`goal`、`values`之一".to_owned(),
                "您是不是想写`title`？".to_owned()
            ),
            (
                19,
                29,
                "`soon`不是时长：请写数字加单位，例如30s、15m、2h或1d".to_owned(),
                String::new()
            ),
        ]
    );
}

#[test]
fn a_german_playbook_is_told_its_bad_duration_and_misspelt_field_in_german() {
    let report = check_json(
        &playbook(Some("de"), &format!("{TITEL}{BAD_DURATION}")),
        &[],
    );
    let found = found(&report);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!((found[0].0, found[0].1), (15, 5));
    assert_eq!(
        found[0].2,
        "Unbekanntes Feld `titel`, erwartet: einer von `id`, `title`, `goal`, `values`"
    );
    assert_eq!(found[0].3, "Meinten Sie `title`?");
    assert_eq!((found[1].0, found[1].1), (19, 29));
    assert!(
        found[1].2.starts_with("`soon` ist keine Dauer"),
        "{}",
        found[1].2
    );
}

#[test]
fn the_human_report_of_a_broken_chinese_playbook_is_chinese_with_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.yaml");
    std::fs::write(&file, playbook(Some("zh"), BAD_DURATION)).unwrap();
    ethos()
        .current_dir(dir.path())
        .args(["check", "broken.yaml"])
        .assert()
        .code(1)
        .stdout(contains("`soon`不是时长"))
        .stdout(contains("错误[schema]"))
        .stdout(contains("broken.yaml:16:29"));
}

#[test]
fn a_yaml_syntax_error_is_worded_in_the_language_the_file_states() {
    // A tab: the YAML does not parse, yet `language:` can still be read.
    let text = playbook(Some("zh-CN"), "\tvalues: []\n");
    let found = found(&check_json(&text, &[]));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].2, "这一行用制表符缩进，YAML不允许：请用空格缩进");
    assert_eq!(
        found[0].3,
        "把制表符换成空格；大多数编辑器都可以设置为按Tab键时插入空格"
    );
    assert_eq!((found[0].0, found[0].1), (14, 1));
}

#[test]
fn a_file_stating_no_language_is_told_in_the_environments_and_a_stated_one_wins() {
    let silent = playbook(None, BAD_DURATION);
    let german = found(&check_json(&silent, &[("ETHOS_LANG", "de")]));
    assert!(german[0].2.contains("ist keine Dauer"), "{german:?}");
    let from_lang = found(&check_json(
        &silent,
        &[("ETHOS_LANG", ""), ("LC_ALL", ""), ("LANG", "zh_CN.UTF-8")],
    ));
    assert!(from_lang[0].2.contains("不是时长"), "{from_lang:?}");
    let english = found(&check_json(
        &playbook(Some("en"), BAD_DURATION),
        &[("ETHOS_LANG", "de")],
    ));
    assert_eq!(
        english[0].2,
        "`soon` is not a duration: write a number and a unit, e.g. 30s, 15m, 2h or 1d"
    );
}

#[test]
fn an_unknown_bundled_playbook_is_german_with_ethos_lang_de() {
    ethos()
        .env("ETHOS_LANG", "de")
        .args(["show", "hotel-b"])
        .assert()
        .code(2)
        .stderr(contains(
            "`hotel-b` ist weder eine Datei noch ein mitgeliefertes Playbook: meinten Sie `hotel-a`?",
        ));
    ethos()
        .env("ETHOS_LANG", "zh")
        .args(["show", "zzzzzzzzzzzz"])
        .assert()
        .code(2)
        .stderr(contains("既不是文件，也不是内置服务手册").and(contains("hotel-a、")));
}

#[test]
fn a_file_that_is_not_utf8_is_told_in_the_environments_language_at_its_byte() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.yaml"), b"playbook: x\ntitle: \xff\n").unwrap();
    ethos()
        .current_dir(dir.path())
        .env("ETHOS_LANG", "de")
        .args(["check", "bad.yaml"])
        .assert()
        .code(1)
        .stdout(contains("Die Datei ist kein UTF-8-Text (hier Byte 0xFF)"))
        .stdout(contains("bad.yaml:2:8"));
}

#[test]
fn a_template_error_is_worded_in_the_environments_language() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("t");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(templates.join("handbook.md.hbs"), "{{titel}}\n").unwrap();
    std::fs::write(templates.join("handbok.md.hbs"), "x\n").unwrap();
    ethos()
        .current_dir(dir.path())
        .env("ETHOS_LANG", "de")
        .args(["render", "hotel-a", "--kind", "handbook", "--templates", "t", "--out", "o"])
        .assert()
        .code(2)
        .stderr(contains(
            "t/handbok.md.hbs: ersetzt keine Vorlage und wird daher nicht verwendet; meinten Sie `handbook.md.hbs`?",
        ))
        .stderr(contains("Vorlage t/handbook.md.hbs, Zeile 1, Spalte 1: `titel` ist hier kein Feld"));
}

#[test]
fn a_folder_of_templates_that_cannot_be_read_says_why_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = ethos()
        .current_dir(dir.path())
        .args(["render", "hotel-a", "--templates", "nowhere", "--out", "o"])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8(out).unwrap();
    assert!(
        stderr.starts_with("error: cannot read the templates in nowhere: "),
        "{stderr}"
    );
    // The system's reason once, not once more from the error's source.
    assert_eq!(stderr.matches("(os error").count(), 1, "{stderr}");
}
