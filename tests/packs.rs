//! Rule packs: `uses` adds a bundled pack's rules as `PACK/ID`, `disable`
//! drops them, and every command sees them.

use crate::support::{check_options, check_text, codes, ethos};

use predicates::str::contains;

use ethos::check::{Code, check_source};
use ethos::playbook::{Source, load, packs};

const CLEAN: &str = "tests/fixtures/check/examples-clean.yaml";

fn clean() -> String {
    std::fs::read_to_string(CLEAN).unwrap()
}

/// `examples-clean` (which uses courtesy-en, less `condescending`) with its
/// `uses` and `disable` replaced.
fn with_packs(uses_and_disable: &str) -> String {
    clean().replacen(
        "uses: [courtesy-en]\ndisable: [courtesy-en/condescending]\n",
        uses_and_disable,
        1,
    )
}

#[test]
fn uses_adds_the_packs_rules_after_the_playbooks_own_with_the_pack_prefix() {
    let pb = load::parse(&with_packs("uses: [security-en]\n")).unwrap();
    let ids: Vec<&str> = pb.rules.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "warm-greeting",
            "no-money-talk",
            "brief",
            "security-en/no-password",
            "security-en/no-one-time-code",
            "security-en/no-card-number"
        ]
    );
}

#[test]
fn disable_drops_a_pack_rule_by_its_full_id() {
    let pb = load::parse(&clean()).unwrap();
    assert!(
        pb.rules
            .iter()
            .any(|r| r.id.as_str() == "courtesy-en/dismissive")
    );
    assert!(
        !pb.rules
            .iter()
            .any(|r| r.id.as_str() == "courtesy-en/condescending")
    );
}

#[test]
fn a_playbook_using_every_pack_checks_clean() {
    let text = with_packs("uses: [courtesy-en, security-en, courtesy-zh]\n");
    assert_eq!(codes(&check_text(&text)), Vec::<&str>::new());
}

#[test]
fn an_unknown_pack_is_unknown_pack_with_did_you_mean() {
    let d = check_text(&with_packs("uses: [securty-en]\n"));
    assert_eq!(codes(&d), ["unknown-pack"]);
    assert_eq!(d[0].help.as_deref(), Some("did you mean `security-en`?"));
}

#[test]
fn disabling_a_rule_of_a_pack_not_used_says_to_add_the_pack() {
    let d = check_text(&with_packs(
        "uses: [courtesy-en]\ndisable: [security-en/no-password]\n",
    ));
    assert_eq!(codes(&d), ["unknown-disabled-rule"]);
    assert_eq!(
        d[0].help.as_deref(),
        Some("add `security-en` to `uses`, or drop this entry")
    );
}

#[test]
fn only_pack_rules_may_carry_a_slash_in_their_id() {
    let text = clean().replacen("  - id: brief\n", "  - id: my/brief\n", 1);
    let d = check_text(&text);
    assert!(
        d.iter()
            .any(|d| d.code == Code::Schema && d.message.contains("`my/brief`")),
        "{d:?}"
    );
}

#[test]
fn a_diagnostic_about_a_pack_rule_names_the_pack_file() {
    // A playbook's own mention rule asking for what a pack forbids.
    let text = with_packs("uses: [courtesy-en]\n").replacen(
        "    phrases: [hello, hi, oh no]\n",
        "    phrases: [hello, hi, oh no, calm down]\n",
        1,
    );
    let d = check_text(&text);
    let contradiction = d
        .iter()
        .find(|d| d.code == Code::RuleContradiction)
        .unwrap_or_else(|| panic!("{d:?}"));
    assert_eq!(contradiction.file, "bundled:packs/courtesy-en.yaml");
    let line = packs::find("courtesy-en")
        .unwrap()
        .text
        .lines()
        .nth(contradiction.pos.line as usize - 1)
        .unwrap();
    assert!(line.contains("calm down"), "{line}");
}

#[test]
fn validate_judges_a_reply_by_the_pack_rules_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cafe.yaml");
    std::fs::write(&path, with_packs("uses: [courtesy-en]\n")).unwrap();
    ethos()
        .args(["validate", "--playbook"])
        .arg(&path)
        .args(["--step", "resolve", "Whatever. Calm down."])
        .assert()
        .code(1)
        .stdout(contains("courtesy-en/dismissive"));
}

#[test]
fn list_packs_lists_every_pack_with_title_rules_and_language() {
    let out = ethos()
        .args(["list", "--packs", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let ids: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["courtesy-en", "courtesy-zh", "security-en"]);
    assert_eq!(json[1]["language"], "zh-CN");
    assert_eq!(json[2]["rules"], 3);
    assert!(json[0]["title"].is_string());
}

#[test]
fn every_file_in_playbooks_packs_is_bundled_as_it_is_on_disk() {
    let mut files: Vec<String> = std::fs::read_dir("playbooks/packs")
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut ids: Vec<String> = packs::PACKS
        .iter()
        .map(|p| format!("{}.yaml", p.id))
        .collect();
    ids.sort();
    assert_eq!(files, ids);
    for p in packs::PACKS {
        let on_disk = std::fs::read_to_string(format!("playbooks/packs/{}.yaml", p.id)).unwrap();
        assert_eq!(on_disk, p.text, "{}", p.id);
    }
}

#[test]
fn every_pack_rule_has_a_message_a_suggestion_and_pass_and_fail_examples() {
    for p in packs::PACKS {
        let pack = packs::load(p.id).unwrap().unwrap();
        assert_eq!(pack.pack.as_str(), p.id, "a pack's id is its file name");
        for rule in &pack.rules {
            let examples = rule.examples.as_ref().expect("examples");
            assert!(
                !examples.pass.is_empty() && !examples.fail.is_empty(),
                "{}",
                rule.id
            );
            assert!(
                rule.message.is_some() && rule.suggest.is_some(),
                "{}",
                rule.id
            );
        }
    }
}

#[test]
fn every_packs_examples_pass_check() {
    let mut problems = Vec::new();
    for p in packs::PACKS {
        let source = Source {
            name: packs::file_name(p.id),
            text: p.text.to_owned(),
        };
        for d in check_source(&source, check_options()) {
            problems.push(format!("{}:{}: {} {}", d.file, d.pos, d.code, d.message));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn check_bundled_checks_the_packs_too() {
    let out = ethos()
        .args(["check", "--bundled", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = ethos::playbook::bundled::BUNDLED.len() + packs::PACKS.len();
    assert_eq!(json["summary"]["files"], files);
    assert_no_diagnostics(&json);
}

/// `check --bundled --format json` found nothing at all: every pack example,
/// negated ones included, holds.
pub fn assert_no_diagnostics(json: &serde_json::Value) {
    let found = json["diagnostics"].as_array().unwrap();
    assert!(found.is_empty(), "{found:#?}");
}
