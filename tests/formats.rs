//! Each `--format` of `ethos check`, snapshotted over one shared fixture, and
//! the machine formats validated as what their consumers parse.

use std::path::Path;

use ethos::check::{CheckOptions, Code, check_file};
use ethos::playbook::{Date, Source};
use ethos::report::{self, CheckReport, CheckedFile, Format};

const MIXED: &str = "tests/fixtures/report/mixed.yaml";
const CLEAN: &str = "tests/fixtures/report/warnings-only.yaml";

fn options() -> CheckOptions {
    CheckOptions {
        today: "2026-11-24".parse::<Date>().unwrap(),
    }
}

fn report_of(paths: &[&str], deny_warnings: bool) -> CheckReport {
    let files = paths
        .iter()
        .map(|p| {
            let source = Source::read(Path::new(p)).unwrap();
            let checked = check_file(&source, options());
            CheckedFile {
                source,
                diagnostics: checked.diagnostics,
                words: checked.words,
            }
        })
        .collect();
    CheckReport {
        files,
        deny_warnings,
    }
}

fn rendered(format: Format) -> String {
    report::render(&report_of(&[MIXED, CLEAN], false), format, false)
}

/// Snapshots say version 0.0.0, so a release does not churn them.
fn assert_versionless_snapshot(name: &str, text: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(&regex_escape(env!("CARGO_PKG_VERSION")), "0.0.0");
    settings.bind(|| insta::assert_snapshot!(name, text));
}

fn regex_escape(text: &str) -> String {
    text.replace('.', r"\.")
}

#[test]
fn human_format_shows_source_line_caret_and_help() {
    let text = rendered(Format::Human);
    assert_versionless_snapshot("check_human", &text);
    assert!(text.contains("= help: did you mean `welcome`?"));
}

#[test]
fn json_format_matches_the_cli_spec_fields() {
    let text = rendered(Format::Json);
    assert_versionless_snapshot("check_json", &text);
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let first = &doc["diagnostics"][0];
    for field in [
        "code", "severity", "message", "file", "line", "column", "help",
    ] {
        assert!(
            first.get(field).is_some(),
            "diagnostic lacks `{field}`: {first}"
        );
    }
    assert_eq!(doc["summary"]["files"], 2);
    assert_eq!(doc["summary"]["errors"], 2);
    assert_eq!(doc["summary"]["warnings"], 4);
}

#[test]
fn json_columns_count_code_points_not_bytes() {
    let doc: serde_json::Value = serde_json::from_str(&rendered(Format::Json)).unwrap();
    let unknown = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "unknown-step")
        .unwrap();
    // `  - { id: greet, check: mention, phrases: [hello, 您好], at: [welcom] }`:
    // `welcom` starts at code point 61 (byte 65, after two 3-byte characters).
    assert_eq!(unknown["line"], 23);
    assert_eq!(unknown["column"], 61);
}

#[test]
fn sarif_format_has_what_github_code_scanning_requires() {
    let text = rendered(Format::Sarif);
    assert_versionless_snapshot("check_sarif", &text);
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["version"], "2.1.0");
    assert!(doc["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &doc["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "ethos");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), Code::ALL.len(), "every code is a SARIF rule");
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 6);
    for result in results {
        let rule_id = result["ruleId"].as_str().unwrap();
        let index = usize::try_from(result["ruleIndex"].as_u64().unwrap()).unwrap();
        assert_eq!(rules[index]["id"], rule_id, "ruleIndex points at the rule");
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap()));
        assert!(!result["message"]["text"].as_str().unwrap().is_empty());
        let location = &result["locations"][0]["physicalLocation"];
        assert!(
            location["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .starts_with("tests/fixtures/report/")
        );
        assert!(location["region"]["startLine"].as_u64().unwrap() >= 1);
        assert!(location["region"]["startColumn"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn junit_format_is_xml_with_a_test_case_per_file() {
    let text = rendered(Format::Junit);
    assert_versionless_snapshot("check_junit", &text);
    let xml = roxmltree::Document::parse(&text).expect("JUnit output is well-formed XML");
    let cases: Vec<_> = xml
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    assert_eq!(cases.len(), 2);
    assert_eq!(cases[0].attribute("name"), Some(MIXED));
    let failure = cases[0]
        .children()
        .find(|n| n.has_tag_name("failure"))
        .expect("errors fail the case");
    assert!(failure.text().unwrap().contains("unknown-step"));
    // A file with warnings only passes, its warnings kept in system-out.
    assert!(cases[1].children().all(|n| !n.has_tag_name("failure")));
    assert!(cases[1].children().any(|n| n.has_tag_name("system-out")));
    let suite = xml
        .descendants()
        .find(|n| n.has_tag_name("testsuite"))
        .unwrap();
    assert_eq!(suite.attribute("tests"), Some("2"));
    assert_eq!(suite.attribute("failures"), Some("1"));
}

#[test]
fn junit_with_denied_warnings_fails_the_warning_file_too() {
    let text = report::render(&report_of(&[MIXED, CLEAN], true), Format::Junit, false);
    let xml = roxmltree::Document::parse(&text).unwrap();
    let failures = xml
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .count();
    assert_eq!(failures, 2);
}

#[test]
fn github_format_is_workflow_commands() {
    let text = rendered(Format::Github);
    assert_versionless_snapshot("check_github", &text);
    let first = text.lines().next().unwrap();
    assert!(
        first.starts_with("::warning file=tests/fixtures/report/mixed.yaml,line=6,col=12,title=ethos review-overdue::"),
        "{first}"
    );
    assert!(text.contains("::error file=tests/fixtures/report/mixed.yaml,line=23,col=61,"));
    // Help goes on a second line of the same annotation, escaped.
    assert!(text.contains("%0Ahelp: did you mean `welcome`?"));
}

#[test]
fn every_format_lists_diagnostics_sorted_by_file_line_column() {
    let report = report_of(&[MIXED], false);
    let positions: Vec<(u32, u32)> = report
        .diagnostics()
        .map(|d| (d.pos.line, d.pos.column))
        .collect();
    let mut sorted = positions.clone();
    sorted.sort_unstable();
    assert_eq!(positions, sorted);
}
