//! The authoring commands: `list`, `show`, `init`, `schema`; and the bundled
//! playbooks as worked examples (clean, and every example reply behaving).

use crate::support::ethos;

use std::fs;

use ethos::check::{CheckOptions, check_source};
use ethos::engine::{Context, Engine, Verdict};
use ethos::playbook::{Source, bundled, load};
use predicates::str::contains;

fn today() -> CheckOptions {
    CheckOptions {
        today: "2026-11-24".parse().unwrap(),
    }
}

// --- the bundled playbooks ---------------------------------------------------

#[test]
fn every_model_answer_passes_and_every_wrong_answer_fails_as_validate_judges_them() {
    for b in bundled::BUNDLED {
        let pb = load::parse(b.text).unwrap();
        let engine = Engine::new(&pb).unwrap();
        let mut judged = 0;
        for scenario in &pb.scenarios {
            for beat in scenario.beats.iter() {
                // What `ethos validate --scenario S --beat B` judges in.
                let context = Context::of_beat(&pb, scenario, beat);
                if let Some(model) = &beat.model {
                    let j = engine.judge(model, &context, None);
                    assert_eq!(
                        j.verdict,
                        Verdict::Pass,
                        "{}/{}/{}: model fails: {:#?}",
                        b.id,
                        scenario.id,
                        beat.id,
                        j.findings
                    );
                    judged += 1;
                }
                for wrong in &beat.wrong {
                    let j = engine.judge(wrong, &context, None);
                    assert!(
                        j.failed_rules().next().is_some(),
                        "{}/{}/{}: wrong reply passes: {wrong}",
                        b.id,
                        scenario.id,
                        beat.id
                    );
                    judged += 1;
                }
            }
        }
        assert!(judged > 0, "{} has example replies", b.id);
    }
}

#[test]
fn every_bundled_playbook_is_a_complete_worked_example() {
    for b in bundled::BUNDLED {
        let pb = load::parse(b.text).unwrap();
        let id = b.id;
        assert!(
            b.text
                .starts_with("# yaml-language-server: $schema=../schema/playbook.schema.json\n"),
            "{id}: modeline"
        );
        assert!(pb.steps.len() >= 3, "{id}: at least three steps");
        let kinds: std::collections::BTreeSet<&str> =
            pb.rules.iter().map(|r| r.check.as_str()).collect();
        assert!(
            kinds.len() >= 4,
            "{id}: rules of at least four kinds, has {kinds:?}"
        );
        assert!(
            pb.roles.len() >= 2 && pb.roles.iter().any(|r| !r.may.is_empty()),
            "{id}: a ladder with limits"
        );
        assert!(
            pb.escalation.len() >= 2,
            "{id}: at least two escalation rules"
        );
        assert!(pb.scenarios.len() >= 3, "{id}: at least three scenarios");
        let beats = || pb.scenarios.iter().flat_map(|s| s.beats.iter());
        assert!(
            beats().any(ethos::playbook::Beat::is_decision),
            "{id}: a decision"
        );
        for scenario in &pb.scenarios {
            let branches = scenario.beats.iter().any(|b| {
                matches!(
                    b.next.as_ref().map(|n| &n.value),
                    Some(ethos::playbook::Next::Branch { .. })
                )
            });
            assert!(branches, "{id}/{}: branches", scenario.id);
        }
        for step in pb.steps.iter() {
            assert!(
                beats().any(|b| b.step.as_str() == step.id.as_str()),
                "{id}: step {} is exercised",
                step.id
            );
        }
        for beat in beats().filter(|b| !b.is_decision()) {
            assert!(
                beat.model.is_some() && !beat.wrong.is_empty(),
                "{id}/{}: model and wrong",
                beat.id
            );
        }
    }
}

// --- list and show -------------------------------------------------------------

#[test]
fn list_shows_every_bundled_playbook() {
    let out = ethos()
        .arg("list")
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    insta::assert_snapshot!("list", text);
    for b in bundled::BUNDLED {
        assert!(text.contains(b.id));
    }
}

#[test]
fn list_as_json_has_the_counts() {
    let out = ethos()
        .args(["list", "--format", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let list: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let hotel = list
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "hotel-a")
        .unwrap();
    for field in [
        "title",
        "company",
        "language",
        "steps",
        "rules",
        "scenarios",
    ] {
        assert!(hotel.get(field).is_some(), "{field}");
    }
    assert_eq!(hotel["language"], "en");
    assert_eq!(list.as_array().unwrap().len(), bundled::BUNDLED.len());
}

#[test]
fn show_has_every_table() {
    let out = ethos()
        .args(["show", "hotel-a"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    insta::assert_snapshot!("show_hotel_a", text);
    for heading in [
        "Steps",
        "Rules",
        "Who may grant what",
        "Escalation",
        "Scenario coffee-gate",
    ] {
        assert!(text.contains(heading), "{heading}");
    }
    assert!(
        text.contains("the customer says “hurt”"),
        "escalation conditions in words"
    );
}

#[test]
fn show_of_a_missing_playbook_exits_2() {
    ethos()
        .args(["show", "nope.yaml"])
        .assert()
        .code(2)
        .stderr(contains("nope.yaml"));
}

// --- init ------------------------------------------------------------------------

#[test]
fn init_writes_a_starter_that_checks_clean_untouched() {
    let dir = tempfile::tempdir().unwrap();
    ethos()
        .current_dir(dir.path())
        .arg("init")
        .assert()
        .code(0)
        .stderr(contains("wrote playbook.yaml"));
    let path = dir.path().join("playbook.yaml");
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("# yaml-language-server: $schema=playbook.schema.json\n"));
    let found = check_source(&Source::read(&path).unwrap(), today());
    assert!(found.is_empty(), "{found:#?}");
    ethos()
        .current_dir(dir.path())
        .args(["check", "--deny", "warnings", "playbook.yaml"])
        .assert()
        .code(0);
}

#[test]
fn init_never_overwrites_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.yaml");
    fs::write(&path, "my own notes\n").unwrap();
    ethos()
        .arg("init")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(contains("already exists; ethos init never overwrites"));
    assert_eq!(fs::read_to_string(&path).unwrap(), "my own notes\n");
}

#[test]
fn init_from_a_bundled_playbook_copies_it_into_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    ethos()
        .arg("init")
        .arg(dir.path())
        .args(["--from", "hotel-a"])
        .assert()
        .code(0);
    let path = dir.path().join("hotel-a.yaml");
    assert!(check_source(&Source::read(&path).unwrap(), today()).is_empty());
    ethos()
        .args(["init", "--from", "hotel-z"])
        .current_dir(dir.path())
        .assert()
        .code(2)
        .stderr(contains("no bundled playbook `hotel-z`"));
}

// --- schema ------------------------------------------------------------------------

fn compiled_schema() -> jsonschema::Validator {
    let out = ethos()
        .arg("schema")
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let schema: serde_json::Value = serde_json::from_slice(&out).unwrap();
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

/// A playbook as the YAML language server sees it: YAML turned into JSON.
fn as_json(yaml: &str) -> serde_json::Value {
    serde_saphyr::from_str(yaml).expect("YAML")
}

#[test]
fn the_committed_schema_is_the_generated_one() {
    let out = ethos()
        .arg("schema")
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let committed = fs::read_to_string("schema/playbook.schema.json").unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        committed,
        "schema/playbook.schema.json is stale: run `cargo run -- schema > schema/playbook.schema.json`"
    );
}

#[test]
fn the_schema_accepts_every_bundled_playbook_and_the_starter() {
    let validator = compiled_schema();
    let starter = fs::read_to_string("playbooks/starter/starter.yaml").unwrap();
    let texts = bundled::BUNDLED
        .iter()
        .map(|b| (b.id, b.text.to_owned()))
        .chain([("starter", starter)]);
    for (id, text) in texts {
        let errors: Vec<String> = validator
            .iter_errors(&as_json(&text))
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{id}: {errors:#?}");
    }
}

#[test]
fn the_schema_rejects_an_unknown_field() {
    let validator = compiled_schema();
    let text = bundled::find("hotel-a")
        .unwrap()
        .text
        .replacen("title: ", "titel: ", 1);
    assert!(!validator.is_valid(&as_json(&text)));
    let text = bundled::find("hotel-a").unwrap().text.replacen(
        "    check: mention",
        "    check: mentoin",
        1,
    );
    assert!(!validator.is_valid(&as_json(&text)));
}

#[test]
fn the_schema_accepts_nested_conditions_and_rejects_an_empty_any_and_a_word_for_a_bound() {
    let validator = compiled_schema();
    let with_when = |when: &str| {
        let text = bundled::find("hotel-a").unwrap().text.replacen(
            "when: { contacts: { min: 3 } }",
            &format!("when: {when}"),
            1,
        );
        assert!(text.contains(when), "hotel-a has a `contacts` condition");
        as_json(&text)
    };
    let nested = "{ any: [ { facts.hours: { under: 24 } }, { facts.tier: [silver, gold], not: { escalated: duty-manager } } ] }";
    let errors: Vec<String> = validator
        .iter_errors(&with_when(nested))
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(!validator.is_valid(&with_when("{ any: [] }")));
    assert!(!validator.is_valid(&with_when("{ facts.hours: { min: many } }")));
    assert!(!validator.is_valid(&with_when("{ facts.hours: { at_least: 3 } }")));
}
