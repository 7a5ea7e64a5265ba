//! `ethos check`'s diagnostics: one fixture playbook per code in
//! `tests/fixtures/check/<code>.yaml`, each `clean.yaml` with one mistake, and
//! the loader's limits on hostile input (alias bombs, deep nesting, garbage).
//!
//! Each fixture test pins the exact list of (code, severity, line, column)
//! and the parts of the message and help a user relies on.

use crate::support::ethos;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ethos::check::{CheckOptions, Code, Diagnostic, check_source};
use ethos::playbook::{Date, Severity, Source};
use proptest::prelude::*;

use Severity::{Error, Warning};

/// The date the fixtures are checked on (`review-overdue` compares with it).
const TODAY: &str = "2026-11-24";

/// What the tests compare of a diagnostic: code, severity, line, column.
type Found = (Code, Severity, u32, u32);

fn options() -> CheckOptions {
    CheckOptions {
        today: TODAY.parse::<Date>().expect("TODAY is a date"),
    }
}

fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/check")
        .join(format!("{name}.yaml"))
}

fn read_fixture(name: &str) -> Source {
    let path = fixture_path(name);
    Source::read(&path).unwrap_or_else(|e| panic!("cannot read fixture {}: {e}", path.display()))
}

/// Check a text that is not a file (generated inputs).
fn check_text(text: &str) -> Vec<Diagnostic> {
    let source = Source {
        name: "generated.yaml".to_owned(),
        text: text.to_owned(),
    };
    check_source(&source, options())
}

fn found(diagnostics: &[Diagnostic]) -> Vec<Found> {
    diagnostics
        .iter()
        .map(|d| (d.code, d.severity, d.pos.line, d.pos.column))
        .collect()
}

/// Every diagnostic, one a line, for failure messages.
fn listing(diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| {
            format!(
                "  {}:{} {} {}: {} (help: {:?})",
                d.pos.line, d.pos.column, d.severity, d.code, d.message, d.help
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Check a fixture and assert exactly these diagnostics, in report order;
/// returns them for assertions on messages and help.
#[track_caller]
fn assert_fixture(name: &str, expected: &[Found]) -> Vec<Diagnostic> {
    let source = read_fixture(name);
    let diagnostics = check_source(&source, options());
    assert_eq!(
        found(&diagnostics),
        expected,
        "{name}.yaml gave:\n{}",
        listing(&diagnostics)
    );
    for d in &diagnostics {
        assert_eq!(d.file, source.name, "diagnostics name the file they are in");
    }
    diagnostics
}

/// Like [`assert_fixture`] for a generated text.
#[track_caller]
fn assert_text(text: &str, expected: &[Found]) -> Vec<Diagnostic> {
    let diagnostics = check_text(text);
    assert_eq!(
        found(&diagnostics),
        expected,
        "the text gave:\n{}",
        listing(&diagnostics)
    );
    diagnostics
}

#[track_caller]
fn assert_message_has(d: &Diagnostic, parts: &[&str]) {
    for part in parts {
        assert!(
            d.message.contains(part),
            "message {:?} should contain {part:?}",
            d.message
        );
    }
}

#[track_caller]
fn assert_help(d: &Diagnostic, help: &str) {
    assert_eq!(d.help.as_deref(), Some(help), "help of: {}", d.message);
}

/// `clean.yaml` with one line replaced (the line must occur exactly once).
fn clean_with(old: &str, new: &str) -> String {
    let clean = read_fixture("clean").text;
    assert_eq!(
        clean.matches(old).count(),
        1,
        "{old:?} occurs once in clean.yaml"
    );
    clean.replace(old, new)
}

/// A text with several edits, each of a text that occurs exactly once.
fn edited(mut text: String, edits: &[(&str, &str)]) -> String {
    for (old, new) in edits {
        assert_eq!(text.matches(old).count(), 1, "{old:?} occurs once");
        text = text.replace(old, new);
    }
    text
}

/// `clean.yaml` with several edits.
fn clean_with_all(edits: &[(&str, &str)]) -> String {
    edited(read_fixture("clean").text, edits)
}

/// The one diagnostic with this code, for tests that pin one diagnostic of
/// several (the others being a known bug, pinned by an ignored test).
#[track_caller]
fn the(diagnostics: &[Diagnostic], code: Code) -> &Diagnostic {
    let with: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.code == code).collect();
    assert_eq!(
        with.len(),
        1,
        "one `{code}` expected, got:\n{}",
        listing(diagnostics)
    );
    with[0]
}

/// Assert that a diagnostic points at `node`: the source text at its offset
/// is the node (not just some place on the right line), and its line and
/// column (in code points) are where that text starts.
#[track_caller]
fn assert_points_at(text: &str, d: &Diagnostic, node: &str) {
    let start = d.pos.offset as usize;
    assert!(
        text.get(start..).is_some_and(|rest| rest.starts_with(node)),
        "{}:{} {} should point at {node:?}, points at {:?}",
        d.pos.line,
        d.pos.column,
        d.code,
        text.get(start..)
            .map(|rest| rest.lines().next().unwrap_or_default())
    );
    let before = &text[..start];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .chars()
        .count()
        + 1;
    assert_eq!(
        (d.pos.line as usize, d.pos.column as usize),
        (line, column),
        "line and column of {node:?} agree with its offset"
    );
}

// ---------------------------------------------------------------------------
// The fixtures as a set

#[test]
fn the_clean_fixture_has_no_diagnostics_at_all() {
    assert_fixture("clean", &[]);
}

#[test]
fn every_code_has_a_fixture_that_produces_it_and_nothing_else() {
    let mut missing = Vec::new();
    for &code in Code::ALL {
        let path = fixture_path(code.as_str());
        if !path.exists() {
            missing.push(format!("{code}: no fixture {}", path.display()));
            continue;
        }
        let source = read_fixture(code.as_str());
        assert!(
            source.text.starts_with("# "),
            "{code}.yaml starts with a comment saying what is wrong"
        );
        let diagnostics = check_source(&source, options());
        if diagnostics.is_empty() || diagnostics.iter().any(|d| d.code != code) {
            missing.push(format!(
                "{code}: {code}.yaml should give `{code}` only, gave:\n{}",
                listing(&diagnostics)
            ));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn severities_follow_the_spec_table() {
    let warnings = [
        Code::LadderInversion,
        Code::EscalationToFrontLine,
        Code::UnreachableBeat,
        Code::StepWithoutRules,
        Code::UntestedRule,
        Code::ReviewOverdue,
        Code::ExampleSkipped,
        Code::UnknownFact,
        Code::UnreachableGrant,
    ];
    for &code in Code::ALL {
        let expected = if warnings.contains(&code) {
            Warning
        } else {
            Error
        };
        assert_eq!(code.severity(), expected, "{code}");
    }
}

// ---------------------------------------------------------------------------
// One test per fixture

#[test]
fn a_colon_in_unquoted_text_is_yaml_syntax_at_the_colon() {
    let d = assert_fixture("yaml-syntax", &[(Code::YamlSyntax, Error, 49, 18)]);
    assert_message_has(&d[0], &["mapping values are not allowed"]);
}

#[test]
fn a_misspelt_field_is_schema_with_did_you_mean() {
    let d = assert_fixture("schema", &[(Code::Schema, Error, 40, 5)]);
    assert_message_has(&d[0], &["unknown field `titel`", "title", "goal"]);
    assert_help(&d[0], "did you mean `title`?");
}

#[test]
fn a_second_scenario_with_the_same_id_is_duplicate_id_pointing_at_the_first() {
    let d = assert_fixture("duplicate-id", &[(Code::DuplicateId, Error, 93, 9)]);
    assert_points_at(
        &read_fixture("duplicate-id").text,
        &d[0],
        "spilt-latte\n    title: The cold",
    );
    assert_message_has(&d[0], &["scenario", "`spilt-latte`"]);
    assert_help(
        &d[0],
        "the first is at line 64; give each scenario its own id",
    );
}

#[test]
fn a_second_rule_with_the_same_id_is_duplicate_id_pointing_at_the_first() {
    let text = clean_with("  - id: no-money-talk\n", "  - id: warm-greeting\n");
    let d = check_text(&text);
    let dup = the(&d, Code::DuplicateId);
    assert_eq!((dup.pos.line, dup.pos.column), (50, 9));
    assert_message_has(dup, &["rule", "`warm-greeting`"]);
    assert_help(dup, "the first is at line 45; give each rule its own id");
}

#[test]
fn two_rules_sharing_an_id_are_duplicate_id_and_nothing_else() {
    // The wrong reply "Who is going to pay for that?" fails both rules:
    // neither greets, and the second (the money rule, renamed) catches "who
    // is going to pay".
    let text = clean_with("  - id: no-money-talk\n", "  - id: warm-greeting\n");
    assert_text(&text, &[(Code::DuplicateId, Error, 50, 9)]);
}

#[test]
fn a_beat_at_a_misspelt_step_is_unknown_step_with_did_you_mean() {
    let d = assert_fixture("unknown-step", &[(Code::UnknownStep, Error, 78, 15)]);
    assert_points_at(&read_fixture("unknown-step").text, &d[0], "welcom\n");
    assert_eq!(
        d[0].message,
        "beat `sorry` exercises step `welcom`, which is not defined"
    );
    assert_help(&d[0], "did you mean `welcome`?");
}

#[test]
fn a_rule_at_a_misspelt_step_is_unknown_step_with_did_you_mean() {
    let d = check_text(&clean_with("    at: [welcome]\n", "    at: [welcom]\n"));
    let unknown = the(&d, Code::UnknownStep);
    assert_eq!((unknown.pos.line, unknown.pos.column), (46, 10));
    assert_eq!(
        unknown.message,
        "rule `warm-greeting` applies at step `welcom`, which is not defined"
    );
    assert_help(unknown, "did you mean `welcome`?");
}

#[test]
fn a_rule_at_a_misspelt_step_is_unknown_step_and_nothing_else() {
    assert_text(
        &clean_with("    at: [welcome]\n", "    at: [welcom]\n"),
        &[(Code::UnknownStep, Error, 46, 10)],
    );
}

#[test]
fn columns_count_code_points_so_a_chinese_line_is_not_miscounted() {
    let source = read_fixture("unknown-step-zh");
    let d = assert_fixture("unknown-step-zh", &[(Code::UnknownStep, Error, 45, 26)]);
    assert_message_has(&d[0], &["`热情问候`", "`解觉`"]);
    // A Chinese playbook's author reads Chinese diagnostics.
    assert_help(&d[0], "您是不是想写`解决`？");

    // The column is the code point, not the byte, where `解觉` starts…
    let line = source.text.lines().nth(44).expect("line 45");
    let byte = line.find("[欢迎, 解觉]").expect("the typo is on line 45") + "[欢迎, ".len();
    let chars = line[..byte].chars().count();
    assert_eq!(d[0].pos.column as usize, chars + 1);
    assert_ne!(chars, byte, "the line has multi-byte text before the typo");
    // …while the offset is bytes into the file, for underlining.
    assert!(source.text[d[0].pos.offset as usize..].starts_with("解觉"));
}

#[test]
fn a_chinese_syntax_error_is_placed_in_code_points_too() {
    let zh = read_fixture("unknown-step-zh").text.replace(
        "    message: 不要把小意外变成钱的问题。",
        "    message: 注意: 不要把小意外变成钱的问题。",
    );
    // `    message: 注意` is 15 code points (but 19 bytes), so the `:` is column 16.
    assert_text(&zh, &[(Code::YamlSyntax, Error, 49, 16)]);
}

#[test]
fn an_escalation_to_a_misspelt_role_is_unknown_role_with_did_you_mean() {
    let d = assert_fixture("unknown-role", &[(Code::UnknownRole, Error, 59, 9)]);
    assert_eq!(
        d[0].message,
        "escalation `injury` goes to role `manger`, which is not defined"
    );
    assert_help(&d[0], "did you mean `manager`?");
}

#[test]
fn a_may_naming_a_misspelt_action_is_unknown_action_with_did_you_mean() {
    let d = assert_fixture("unknown-action", &[(Code::UnknownAction, Error, 24, 25)]);
    assert_message_has(&d[0], &["role `manager`", "`refnd`"]);
    assert_help(&d[0], "did you mean `refund`?");
}

#[test]
fn an_escalation_condition_on_a_misspelt_action_is_unknown_action() {
    let text = clean_with(
        "when: { customer_says: [hurt, burnt] }",
        "when: { action: refnd, amount: { over: 50 } }",
    );
    let d = assert_text(&text, &[(Code::UnknownAction, Error, 58, 21)]);
    assert_message_has(&d[0], &["escalation `injury`", "`refnd`"]);
    assert_help(&d[0], "did you mean `refund`?");
}

#[test]
fn a_choice_naming_a_misspelt_action_is_unknown_action() {
    let text = clean_with("action: { replace: 5 }", "action: { replce: 5 }");
    let d = assert_text(&text, &[(Code::UnknownAction, Error, 89, 25)]);
    assert_message_has(&d[0], &["beat `offer`", "`replce`"]);
    assert_help(&d[0], "did you mean `replace`?");
}

#[test]
fn a_choice_escalating_to_a_misspelt_role_is_unknown_role() {
    let text = clean_with(
        "              escalate: manager\n",
        "              escalate: manger\n",
    );
    let d = assert_text(&text, &[(Code::UnknownRole, Error, 92, 25)]);
    assert_message_has(&d[0], &["beat `offer`", "`manger`"]);
    assert_help(&d[0], "did you mean `manager`?");
}

#[test]
fn a_scenario_played_as_a_misspelt_role_is_unknown_role() {
    let text = clean_with("    role: barista\n", "    role: barsita\n");
    let d = check_text(&text);
    let unknown = the(&d, Code::UnknownRole);
    assert_eq!((unknown.pos.line, unknown.pos.column), (66, 11));
    assert_message_has(unknown, &["scenario `spilt-latte`", "`barsita`"]);
    assert_help(unknown, "did you mean `barista`?");
}

#[test]
fn a_scenario_played_as_a_misspelt_role_is_unknown_role_and_nothing_else() {
    let text = clean_with("    role: barista\n", "    role: barsita\n");
    assert_text(&text, &[(Code::UnknownRole, Error, 66, 11)]);
}

#[test]
fn a_step_naming_a_misspelt_value_is_unknown_value_with_did_you_mean() {
    let d = assert_fixture("unknown-value", &[(Code::UnknownValue, Error, 38, 14)]);
    assert_message_has(&d[0], &["step `welcome`", "`warmht`"]);
    assert_help(&d[0], "did you mean `warmth`?");
}

#[test]
fn a_next_naming_a_misspelt_beat_is_unknown_beat_with_did_you_mean() {
    let d = assert_fixture("unknown-beat", &[(Code::UnknownBeat, Error, 81, 15)]);
    assert_eq!(
        d[0].message,
        "beat `sorry` goes next to `ofer`, which is not a beat of scenario `spilt-latte`"
    );
    assert_help(&d[0], "did you mean `offer`?");
}

#[test]
fn a_misspelt_fail_branch_is_unknown_beat_at_the_branch() {
    // The typo also leaves `sorry` unreachable, which is true and said too.
    let text = clean_with(
        "next: { pass: offer, fail: sorry }",
        "next: { pass: offer, fail: sory }",
    );
    let d = assert_text(
        &text,
        &[
            (Code::UnknownBeat, Error, 76, 36),
            (Code::UnreachableBeat, Warning, 77, 13),
        ],
    );
    assert_help(&d[0], "did you mean `sorry`?");
}

#[test]
fn a_pattern_that_does_not_compile_is_invalid_pattern_saying_why() {
    let d = assert_fixture("invalid-pattern", &[(Code::InvalidPattern, Error, 53, 16)]);
    assert_message_has(
        &d[0],
        &["`\\bcost(s?\\b`", "rule `no-money-talk`", "unclosed group"],
    );
    assert!(
        !d[0].message.contains('\n'),
        "one line, not the regex crate's echo of the pattern: {:?}",
        d[0].message
    );
}

#[test]
fn a_phrase_over_a_thousand_characters_is_phrase_too_long() {
    // Only this: the engine refuses the phrase, so the example replies are
    // not replayed (no knock-on `untested-rule`), and it never panics.
    let d = assert_fixture("phrase-too-long", &[(Code::PhraseTooLong, Error, 52, 15)]);
    assert_message_has(
        &d[0],
        &[
            "rule `no-money-talk`",
            "“who is going to pay price",
            "…”",
            "1202 characters long",
            "at most 1000",
        ],
    );
    assert!(
        d[0].message.chars().count() < 200,
        "abbreviated: {}",
        d[0].message
    );
}

#[test]
fn a_customer_says_phrase_over_a_thousand_characters_is_phrase_too_long() {
    let long = "hurt ".repeat(201);
    let text = clean_with(
        "when: { customer_says: [hurt, burnt] }",
        &format!("when: {{ customer_says: [hurt, \"{}\"] }}", long.trim_end()),
    );
    let d = assert_text(&text, &[(Code::PhraseTooLong, Error, 58, 35)]);
    assert_message_has(&d[0], &["escalation rule `injury`", "1004 characters long"]);
}

#[test]
fn a_handoff_phrase_over_a_thousand_characters_is_phrase_too_long_of_its_role() {
    let long = "manager ".repeat(130);
    let text = clean_with(
        "    may: { replace: 50, refund: 100 }\n",
        &format!(
            "    may: {{ replace: 50, refund: 100 }}\n    handoff: {{ phrases: [\"{}\"] }}\n",
            long.trim_end()
        ),
    );
    let d = check_text(&text);
    let too_long: Vec<_> = d.iter().filter(|d| d.code == Code::PhraseTooLong).collect();
    assert_eq!(too_long.len(), 1, "{d:?}");
    assert_message_has(
        too_long[0],
        &["handoff phrase", "of role `", "1039 characters long"],
    );
}

#[test]
fn a_mention_rule_without_phrases_or_patterns_is_empty_rule() {
    let d = assert_fixture("empty-rule", &[(Code::EmptyRule, Error, 45, 9)]);
    assert_eq!(d[0].message, "rule `warm-greeting` has nothing to check");
    assert_help(&d[0], "add `phrases` or `patterns`, or remove the rule");
}

#[test]
fn an_empty_mention_rule_is_empty_rule_and_nothing_else() {
    let text = clean_with("    phrases: [hello, hi, oh no]\n", "");
    assert_text(&text, &[(Code::EmptyRule, Error, 45, 9)]);
}

#[test]
fn an_empty_avoid_rule_is_empty_rule_and_nothing_else() {
    let money = "  - id: no-money-talk\n";
    let text = clean_with(
        money,
        &format!("  - id: no-sorry\n    check: avoid\n    phrases: []\n{money}"),
    );
    assert_text(&text, &[(Code::EmptyRule, Error, 50, 9)]);
}

#[test]
fn a_senior_role_granting_less_than_a_junior_is_ladder_inversion_at_the_limit() {
    let d = assert_fixture(
        "ladder-inversion",
        &[(Code::LadderInversion, Warning, 24, 21)],
    );
    assert_message_has(&d[0], &["`manager`", "`replace`", "5", "`barista`", "10"]);
    assert!(
        d[0].help
            .as_deref()
            .is_some_and(|h| h.contains("at least 10"))
    );
}

#[test]
fn a_senior_role_that_may_not_grant_an_action_at_all_is_ladder_inversion_at_the_role() {
    let text = clean_with("may: { replace: 50, refund: 100 }", "may: { refund: 100 }");
    let d = assert_text(&text, &[(Code::LadderInversion, Warning, 22, 9)]);
    assert_message_has(
        &d[0],
        &["`manager` may not grant `replace` at all", "`barista`"],
    );
    assert_help(&d[0], "add `replace: 10` (or more) to `manager`'s `may`");
}

#[test]
fn escalating_amounts_the_front_line_may_grant_is_escalation_shadows_empowerment() {
    let d = assert_fixture(
        "escalation-shadows-empowerment",
        &[(Code::EscalationShadowsEmpowerment, Error, 63, 30)],
    );
    assert_message_has(
        &d[0],
        &["`big-replacement`", "over 5 USD", "`barista`", "10 USD"],
    );
    assert!(
        d[0].help
            .as_deref()
            .is_some_and(|h| h.contains("`amount: {over: 10}`")),
        "help suggests the bound that fits the ladder: {:?}",
        d[0].help
    );
}

#[test]
fn an_escalation_to_the_first_role_is_escalation_to_front_line() {
    let d = assert_fixture(
        "escalation-to-front-line",
        &[(Code::EscalationToFrontLine, Warning, 59, 9)],
    );
    assert_message_has(&d[0], &["`injury`", "`barista`", "first role"]);
}

#[test]
fn a_beat_no_path_reaches_is_unreachable_beat() {
    let d = assert_fixture(
        "unreachable-beat",
        &[(Code::UnreachableBeat, Warning, 77, 13)],
    );
    assert_message_has(&d[0], &["`spill`", "`spilt-latte`", "`sorry`"]);
}

#[test]
fn a_scenario_that_only_loops_is_endless_scenario_at_its_first_beat() {
    let d = assert_fixture(
        "endless-scenario",
        &[(Code::EndlessScenario, Error, 70, 13)],
    );
    assert_message_has(&d[0], &["`spilt-latte`", "`spill`", "`sorry`", "`offer`"]);
}

#[test]
fn a_decision_without_a_best_choice_is_no_best_choice() {
    // The position is the `decide` mapping itself, which starts at `prompt`.
    let d = assert_fixture("no-best-choice", &[(Code::NoBestChoice, Error, 86, 11)]);
    assert_message_has(&d[0], &["beat `offer`", "no choice marked `best: true`"]);
}

#[test]
fn a_decision_with_two_best_choices_is_no_best_choice_at_the_second() {
    let text = clean_with(
        "              escalate: manager\n",
        "              escalate: manager\n              best: true\n",
    );
    let d = assert_text(&text, &[(Code::NoBestChoice, Error, 93, 21)]);
    assert_message_has(&d[0], &["beat `offer`", "2 choices"]);
}

#[test]
fn a_step_no_rule_applies_at_is_step_without_rules() {
    let d = assert_fixture(
        "step-without-rules",
        &[(Code::StepWithoutRules, Warning, 39, 9)],
    );
    assert_message_has(&d[0], &["`resolve`"]);
    assert_help(
        &d[0],
        "add a rule with `at: [resolve]`, or one without `at`, which applies at every step",
    );
}

#[test]
fn a_past_review_date_is_review_overdue_counting_the_days() {
    let d = assert_fixture("review-overdue", &[(Code::ReviewOverdue, Warning, 8, 12)]);
    assert_eq!(
        d[0].message,
        "the playbook was due for review on 2026-01-01 (327 days ago)"
    );
}

#[test]
fn a_review_date_of_today_is_not_overdue() {
    assert_text(
        &clean_with("review_by: 2030-01-01", "review_by: 2026-11-24"),
        &[],
    );
}

// ---------------------------------------------------------------------------
// The checks that run the reply engine over the playbook's own examples

/// The last line of rule `no-money-talk`, after which tests add rules.
const MONEY_RULE_END: &str = "    message: Never turn a small accident into a question of money.\n";
/// The one wrong reply of `clean.yaml` (beat `spill`).
const WRONG_REPLY: &str = "          - Who is going to pay for that?\n";

#[test]
fn clean_is_clean_because_its_wrong_reply_shows_that_both_rules_work() {
    // Without it, nothing shows that either rule catches anything.
    let text = clean_with(&format!("        wrong:\n{WRONG_REPLY}"), "");
    let d = assert_text(
        &text,
        &[
            (Code::UntestedRule, Warning, 45, 9),
            (Code::UntestedRule, Warning, 50, 9),
        ],
    );
    assert_points_at(&text, &d[0], "warm-greeting\n");
    assert_points_at(&text, &d[1], "no-money-talk\n");
}

// `rule-contradiction`

#[test]
fn a_phrase_one_rule_asks_for_and_another_forbids_is_rule_contradiction_at_the_phrase() {
    let d = assert_fixture(
        "rule-contradiction",
        &[(Code::RuleContradiction, Error, 57, 15)],
    );
    assert_points_at(&read_fixture("rule-contradiction").text, &d[0], "hi, hey]");
    assert_eq!(
        d[0].message,
        "rule `formal-tone` forbids “hi”, which rule `warm-greeting` asks for at step `welcome`"
    );
    assert_message_has(
        &d[0],
        &["`formal-tone`", "“hi”", "`warm-greeting`", "`welcome`"],
    );
    assert!(
        d[0].help
            .as_deref()
            .is_some_and(|h| h.contains("drop the phrase from one rule")
                && h.contains("different steps or conditions")),
        "help says how to resolve it: {:?}",
        d[0].help
    );
}

#[test]
fn phrases_that_differ_only_in_case_and_width_still_contradict() {
    // Phrases are compared as matching compares them: `ＨＩ` is `hi`.
    let text = edited(
        read_fixture("rule-contradiction").text,
        &[("    phrases: [hi, hey]\n", "    phrases: [ＨＩ, hey]\n")],
    );
    let d = assert_text(&text, &[(Code::RuleContradiction, Error, 57, 15)]);
    assert_message_has(&d[0], &["forbids “ＨＩ”", "`warm-greeting`"]);
}

#[test]
fn rules_that_apply_at_different_steps_do_not_contradict() {
    // `formal-tone` now applies only at `resolve`, where `warm-greeting` does
    // not. (No free reply is judged at `resolve`, so it is untested; that is
    // all.)
    let text = edited(
        read_fixture("rule-contradiction").text,
        &[(
            "  - id: formal-tone\n    check: avoid\n",
            "  - id: formal-tone\n    at: [resolve]\n    check: avoid\n",
        )],
    );
    let d = assert_text(&text, &[(Code::UntestedRule, Warning, 55, 9)]);
    assert_points_at(&text, &d[0], "formal-tone\n");
}

#[test]
fn rules_whose_conditions_cannot_both_hold_do_not_contradict() {
    // `warm-greeting` applies when we are not at fault, `formal-tone` when we
    // are: no reply is ever judged by both. (The scenario is not at fault, so
    // `formal-tone` never applies and is untested; that is all.)
    let text = edited(
        read_fixture("rule-contradiction").text,
        &[
            (
                "    at: [welcome]\n    check: mention\n",
                "    at: [welcome]\n    when: { facts.at_fault: false }\n    check: mention\n",
            ),
            (
                "  - id: formal-tone\n    check: avoid\n",
                "  - id: formal-tone\n    when: { facts.at_fault: true }\n    check: avoid\n",
            ),
            (
                "    customer: { name: Sam, mood: embarrassed }\n",
                "    customer: { name: Sam, mood: embarrassed }\n    facts: { at_fault: false }\n",
            ),
        ],
    );
    let d = assert_text(&text, &[(Code::UntestedRule, Warning, 56, 9)]);
    assert_points_at(&text, &d[0], "formal-tone\n");
}

#[test]
fn a_condition_on_one_rule_only_does_not_hide_a_contradiction() {
    // Where we are at fault, both rules apply at `welcome`.
    let text = edited(
        read_fixture("rule-contradiction").text,
        &[(
            "  - id: formal-tone\n    check: avoid\n",
            "  - id: formal-tone\n    when: { facts.at_fault: true }\n    check: avoid\n",
        )],
    );
    // No scenario sets `at_fault`: that is `unknown-fact` now.
    assert_text(
        &text,
        &[
            (Code::UntestedRule, Warning, 55, 9),
            (Code::UnknownFact, Warning, 56, 13),
            (Code::RuleContradiction, Error, 58, 15),
        ],
    );
}

// `unknown-fact` (more in `tests/facts.rs`)

#[test]
fn a_misspelt_fact_in_a_condition_is_unknown_fact_with_did_you_mean() {
    let d = assert_fixture("unknown-fact", &[(Code::UnknownFact, Warning, 58, 43)]);
    assert_points_at(
        &read_fixture("unknown-fact").text,
        &d[0],
        "facts.alergy: true",
    );
    assert_eq!(
        d[0].message,
        "the condition of `injury` names fact `alergy`, which no scenario sets and `facts:` does not declare"
    );
    assert_help(&d[0], "did you mean `facts.allergy`?");
}

// `unbound-placeholder`

#[test]
fn a_misspelt_placeholder_is_unbound_placeholder_with_did_you_mean() {
    let d = assert_fixture(
        "unbound-placeholder",
        &[(Code::UnboundPlaceholder, Error, 57, 18)],
    );
    assert_points_at(
        &read_fixture("unbound-placeholder").text,
        &d[0],
        "\"{customer.nmae}\"",
    );
    assert_eq!(
        d[0].message,
        "rule `use-their-name` uses the placeholder `{customer.nmae}`, which nothing can fill"
    );
    assert_help(&d[0], "did you mean `{customer.name}`?");
}

#[test]
fn a_placeholder_like_no_known_one_is_unbound_placeholder_listing_the_known_ones() {
    let text = edited(
        read_fixture("unbound-placeholder").text,
        &[("sir: \"{customer.nmae}\"", "sir: \"{order.number}\"")],
    );
    let d = assert_text(&text, &[(Code::UnboundPlaceholder, Error, 57, 18)]);
    assert_message_has(&d[0], &["`{order.number}`"]);
    assert!(
        d[0].help
            .as_deref()
            .is_some_and(|h| h.contains("{customer.name}")
                && h.contains("{customer.tier}")
                && h.contains("{facts.KEY}")),
        "help lists the placeholders there are: {:?}",
        d[0].help
    );
}

#[test]
fn known_placeholders_and_any_fact_are_bound() {
    // A fact no scenario gives can still come from `validate --set`.
    for placeholder in ["{customer.name}", "{customer.tier}", "{facts.table}"] {
        let text = edited(
            read_fixture("unbound-placeholder").text,
            &[(
                "sir: \"{customer.nmae}\"",
                &format!("sir: \"{placeholder}\""),
            )],
        );
        let d = check_text(&text);
        assert!(
            !d.iter().any(|d| d.code == Code::UnboundPlaceholder),
            "{placeholder}:\n{}",
            listing(&d)
        );
    }
}

#[test]
fn a_misspelt_placeholder_in_a_mention_rule_is_unbound_placeholder_and_nothing_else() {
    let text = clean_with(
        MONEY_RULE_END,
        &format!(
            "{MONEY_RULE_END}  - id: use-name\n    at: [welcome]\n    check: mention\n    phrases: [\"{{customer.nmae}}\"]\n"
        ),
    );
    assert_text(&text, &[(Code::UnboundPlaceholder, Error, 58, 15)]);
}

// `model-fails`

#[test]
fn a_model_reply_that_fails_rules_is_model_fails_listing_them() {
    let d = assert_fixture("model-fails", &[(Code::ModelFails, Error, 73, 16)]);
    assert_points_at(
        &read_fixture("model-fails").text,
        &d[0],
        "No harm done, a fresh one costs nothing.\n",
    );
    assert_message_has(
        &d[0],
        &[
            "beat `spill`",
            "scenario `spilt-latte`",
            "`warm-greeting` (Open warmly)",
            "`no-money-talk` (Never turn a small accident into a question of money)",
        ],
    );
    assert!(
        d[0].help
            .as_deref()
            .is_some_and(|h| h.contains("change it until it passes")),
        "{:?}",
        d[0].help
    );
}

#[test]
fn a_model_reply_that_fails_only_a_warning_rule_passes() {
    // `guest-not-customer` is a `swap` rule, a warning unless said otherwise;
    // the wrong reply shows it works.
    let text = clean_with_all(&[
        (
            MONEY_RULE_END,
            &format!(
                "{MONEY_RULE_END}  - id: guest-not-customer\n    check: swap\n    swap: {{ customer: guest }}\n"
            ),
        ),
        (
            WRONG_REPLY,
            "          - Who is going to pay for that, dear customer?\n",
        ),
        (
            "        model: Hello again, of course I will help, a fresh latte is coming.\n",
            "        model: Hello again, of course I will help our customer, a fresh latte is coming.\n",
        ),
    ]);
    assert_text(&text, &[]);
}

#[test]
fn a_chinese_model_reply_that_fails_rules_is_model_fails_listing_them() {
    // The other examples pass by the matching rules for Han text: `抱歉`
    // occurs in `非常抱歉给您带来不便` (no word boundary needed at a Han end of
    // the phrase) and `12315` in `去12315投诉` (a Han neighbour is a boundary),
    // so the model of `打翻` passes and its second wrong reply fails `不推诿`.
    let source = read_fixture("model-fails-zh");
    let d = assert_fixture("model-fails-zh", &[(Code::ModelFails, Error, 85, 16)]);
    assert_points_at(&source.text, &d[0], "我马上给您换一杯热的。\n");
    assert_message_has(
        &d[0],
        &["环节`凉了`", "情景`打翻拿铁`", "规则：`热情问候`", "`致歉`"],
    );
    for passed in ["`不谈钱`", "`不推诿`"] {
        assert!(!d[0].message.contains(passed), "{}", d[0].message);
    }
}

#[test]
fn a_chinese_model_passes_with_the_phrase_inside_a_longer_run_of_han() {
    // Without `抱歉` in it, the first model fails `致歉`: so it is the Han
    // matching rule that made it pass above.
    let text = edited(
        read_fixture("model-fails-zh").text,
        &[(
            "model: 哎呀，非常抱歉给您带来不便！",
            "model: 哎呀，给您带来不便！",
        )],
    );
    let d = check_text(&text);
    let first = d
        .iter()
        .find(|d| d.code == Code::ModelFails && d.pos.line == 77)
        .unwrap_or_else(|| panic!("the model of `打翻` fails:\n{}", listing(&d)));
    assert_message_has(first, &["环节`打翻`", "`致歉`"]);
}

#[test]
fn chinese_rule_messages_are_quoted_without_their_full_stop_in_full_width_brackets() {
    let d = assert_fixture("model-fails-zh", &[(Code::ModelFails, Error, 85, 16)]);
    assert_message_has(&d[0], &["`热情问候`（热情地开口）、`致歉`（先向客人致歉）"]);
}

#[test]
fn a_mood_set_by_an_earlier_beat_holds_at_the_beats_after_it() {
    let text = clean_with_all(&[
        (
            MONEY_RULE_END,
            &format!(
                "{MONEY_RULE_END}  - id: calm-down\n    at: [welcome]\n    when: {{ customer.mood: [annoyed] }}\n    check: mention\n    phrases: [I understand]\n"
            ),
        ),
        (
            "        customer: I am so sorry, I knocked my latte over.\n        model: Oh no, no harm done! Let me make you a fresh one.\n",
            "        customer: I am so sorry, I knocked my latte over.\n        mood: annoyed\n        model: Oh no, I understand, no harm done! Let me make you a fresh one.\n",
        ),
    ]);
    let d = assert_text(&text, &[(Code::ModelFails, Error, 86, 16)]);
    assert_message_has(&d[0], &["beat `sorry`", "`calm-down`"]);
}

// `wrong-passes`

#[test]
fn a_wrong_reply_no_rule_catches_is_wrong_passes() {
    let d = assert_fixture("wrong-passes", &[(Code::WrongPasses, Error, 76, 13)]);
    assert_points_at(
        &read_fixture("wrong-passes").text,
        &d[0],
        "Oh no! That will be four dollars for the new one.\n",
    );
    assert_eq!(
        d[0].message,
        "a wrong reply of beat `spill` (scenario `spilt-latte`) passes every rule at step `welcome`"
    );
    assert_help(
        &d[0],
        "add a rule that catches what is wrong with it, or remove it from `wrong`",
    );
}

#[test]
fn a_wrong_reply_that_fails_only_a_warning_rule_does_not_pass() {
    // The spec asks a wrong reply to fail at least one rule, of any severity.
    let extra_wrong = "          - Oh no, let me make this customer a fresh one.\n";
    let swap_rule = format!(
        "{MONEY_RULE_END}  - id: guest-not-customer\n    check: swap\n    swap: {{ customer: guest }}\n"
    );
    let text = clean_with_all(&[
        (MONEY_RULE_END, &swap_rule),
        (WRONG_REPLY, &format!("{WRONG_REPLY}{extra_wrong}")),
    ]);
    assert_text(&text, &[]);

    // Without the warning rule, nothing catches it.
    let text = clean_with(WRONG_REPLY, &format!("{WRONG_REPLY}{extra_wrong}"));
    assert_text(&text, &[(Code::WrongPasses, Error, 76, 13)]);
}

// `decision-contradicts-policy`

#[test]
fn escalating_what_the_role_may_grant_is_decision_contradicts_policy_at_the_best_mark() {
    // The Hotel B failure: the barista may replace a 5 USD latte alone.
    let source = read_fixture("decision-contradicts-policy");
    let d = assert_fixture(
        "decision-contradicts-policy",
        &[(Code::DecisionContradictsPolicy, Error, 92, 21)],
    );
    assert_points_at(&source.text, &d[0], "true\n");
    assert_eq!(
        source.text.lines().nth(90),
        Some("              escalate: manager"),
        "the `best` marked is the escalating choice's"
    );
    assert_message_has(
        &d[0],
        &[
            "beat `offer`",
            "\"Call the manager to decide who pays\"",
            "The barista may handle this alone",
            "(unneeded-escalation)",
        ],
    );
    assert_help(
        &d[0],
        "the policy decides: The barista handles this: no escalation rule applies. Mark the choice that does this as best, or change the policy",
    );
}

const INJURED: &str = "        customer: I burnt my hand on it. Could I get another one?\n";
const ASKS: &str = "        customer: Could I get another one?\n";

#[test]
fn acting_on_the_spot_when_the_customer_is_hurt_is_decision_contradicts_policy() {
    // "burnt" triggers escalation `injury`, to the manager.
    let text = clean_with(ASKS, INJURED);
    let d = assert_text(&text, &[(Code::DecisionContradictsPolicy, Error, 90, 21)]);
    assert_points_at(&text, &d[0], "true\n");
    assert_message_has(
        &d[0],
        &[
            "\"Make a fresh latte, no charge\"",
            "the case goes to the shift manager within 5 minutes",
            "(missed-escalation)",
        ],
    );
    assert!(
        d[0].help.as_deref().is_some_and(|h| h.starts_with(
            "the policy decides: Any injury is handled by a manager in person: the case goes to the shift manager within 5 minutes"
        )),
        "help says what the policy decides: {:?}",
        d[0].help
    );
}

#[test]
fn escalating_when_the_customer_is_hurt_agrees_with_the_policy() {
    let text = clean_with_all(&[
        (ASKS, INJURED),
        (
            "              best: true\n            - say: Call the manager to decide who pays\n              escalate: manager\n",
            "            - say: Call the manager to decide who pays\n              escalate: manager\n              best: true\n",
        ),
    ]);
    assert_text(&text, &[]);
}

#[test]
fn acting_over_the_role_s_limit_is_decision_contradicts_policy() {
    let text = clean_with("action: { replace: 5 }", "action: { replace: 20 }");
    let d = assert_text(&text, &[(Code::DecisionContradictsPolicy, Error, 90, 21)]);
    assert_message_has(
        &d[0],
        &["replace 20 USD", "limit of 10 USD", "(over-limit)"],
    );
    assert!(
        d[0].help.as_deref().is_some_and(
            |h| h.contains("the policy decides:") && h.contains("take it to the shift manager")
        ),
        "{:?}",
        d[0].help
    );
}

#[test]
fn granting_what_no_role_may_is_decision_contradicts_policy() {
    let text = clean_with("action: { replace: 5 }", "action: { refund: 200 }");
    let d = assert_text(&text, &[(Code::DecisionContradictsPolicy, Error, 90, 21)]);
    assert_message_has(&d[0], &["refund 200 USD", "(forbidden-action)"]);
}

// `untested-rule`

#[test]
fn a_rule_no_wrong_reply_fails_is_untested_rule_at_its_id() {
    let d = assert_fixture("untested-rule", &[(Code::UntestedRule, Warning, 55, 9)]);
    assert_points_at(&read_fixture("untested-rule").text, &d[0], "brief\n");
    assert_eq!(
        d[0].message,
        "no wrong reply fails rule `brief`, so nothing shows that it catches what it is meant to catch"
    );
    assert_help(
        &d[0],
        "add a `wrong` reply that breaks it to a beat at step `welcome` or `resolve` where it applies",
    );
}

/// `clean.yaml` with a rule `no-blame`, and optionally a second scenario
/// whose wrong reply blames the guest.
fn with_no_blame(rule_at: &str, second_scenario: bool) -> String {
    let rule = format!(
        "{MONEY_RULE_END}  - id: no-blame\n{rule_at}    check: avoid\n    phrases: [your fault]\n"
    );
    let mut text = clean_with(MONEY_RULE_END, &rule);
    if second_scenario {
        text.push_str(concat!(
            "  - id: wobbly-table\n",
            "    title: The wobbly table\n",
            "    situation: A guest's cup slid off a wobbly table.\n",
            "    beats:\n",
            "      - id: slid\n",
            "        step: welcome\n",
            "        customer: My cup just slid off the table!\n",
            "        model: Oh no, let me fix that table and bring you a new cup.\n",
            "        wrong:\n",
            "          - You should have held it, that is your fault.\n",
        ));
    }
    text
}

#[test]
fn a_rule_caught_only_in_another_scenario_is_tested() {
    assert_text(&with_no_blame("", true), &[]);
    // Without that scenario, nothing catches it.
    let text = with_no_blame("", false);
    let d = assert_text(&text, &[(Code::UntestedRule, Warning, 55, 9)]);
    assert_points_at(&text, &d[0], "no-blame\n");
}

#[test]
fn a_wrong_reply_counts_only_where_the_rule_applies() {
    // At `resolve` only, `no-blame` does not judge the wrong reply at
    // `welcome` that blames the guest.
    let d = assert_text(
        &with_no_blame("    at: [resolve]\n", true),
        &[(Code::UntestedRule, Warning, 55, 9)],
    );
    assert_help(
        &d[0],
        "add a `wrong` reply that breaks it to a beat at step `resolve` where it applies",
    );
}

// ---------------------------------------------------------------------------
// `schema`, beyond the misspelt field

#[test]
fn a_duration_that_is_not_a_number_and_unit_is_schema() {
    let d = assert_fixture("schema-bad-duration", &[(Code::Schema, Error, 60, 13)]);
    assert_message_has(&d[0], &["`five minutes` is not a duration", "15m"]);
}

#[test]
fn durations_may_be_written_out_as_people_write_them() {
    // Besides `15m`, jiff's "friendly" forms are accepted (README: durations).
    for within in ["5 minutes", "1h 30m", "1h30m", "2 hours"] {
        assert_text(
            &clean_with("    within: 5m", &format!("    within: {within}")),
            &[],
        );
    }
}

#[test]
fn a_duration_that_is_not_one_is_schema_at_the_value() {
    let d = assert_text(
        &clean_with("    within: 5m\n", "    within: soon\n"),
        &[(Code::Schema, Error, 60, 13)],
    );
    assert_message_has(&d[0], &["`soon` is not a duration", "15m"]);
}

#[test]
fn a_duration_without_a_unit_is_schema_suggesting_units() {
    let d = assert_text(
        &clean_with("    within: 5m\n", "    within: 5\n"),
        &[(Code::Schema, Error, 60, 13)],
    );
    assert_message_has(&d[0], &["`5` has no unit", "5m"]);
}

#[test]
fn an_impossible_date_is_schema_at_the_value() {
    let d = assert_fixture("schema-bad-date", &[(Code::Schema, Error, 8, 12)]);
    assert_message_has(&d[0], &["`2027-13-45` is not a date", "YYYY-MM-DD"]);
}

#[test]
fn max_words_on_a_mention_rule_is_schema_saying_what_a_mention_rule_takes() {
    let d = assert_fixture(
        "schema-field-not-for-kind",
        &[(Code::Schema, Error, 49, 16)],
    );
    assert_points_at(
        &read_fixture("schema-field-not-for-kind").text,
        &d[0],
        "12\n",
    );
    assert_eq!(
        d[0].message,
        "`max_words` does not apply to a `mention` rule (rule `warm-greeting`)"
    );
    assert_help(
        &d[0],
        "a mention or avoid rule takes `phrases` and/or `patterns`",
    );
}

#[test]
fn phrases_on_a_length_rule_are_schema_saying_what_a_length_rule_takes() {
    // The new rule `brief` gets a rambling wrong reply, so it is tested.
    let money = "    message: Never turn a small accident into a question of money.\n";
    let wrong = "          - Who is going to pay for that?\n";
    let text = clean_with_all(&[
        (
            money,
            &format!(
                "{money}  - id: brief\n    check: length\n    max_words: 12\n    phrases: [hi]\n"
            ),
        ),
        (
            wrong,
            &format!(
                "{wrong}          - Oh no, well, these things happen, I suppose, so let me go and see whether there is any milk left.\n"
            ),
        ),
    ]);
    let d = assert_text(&text, &[(Code::Schema, Error, 58, 14)]);
    assert_points_at(&text, &d[0], "[hi]");
    assert_eq!(
        d[0].message,
        "`phrases` does not apply to a `length` rule (rule `brief`)"
    );
    assert_help(&d[0], "a length rule takes `max_words` and/or `min_words`");
}

#[test]
fn a_step_without_goal_is_schema_naming_the_field() {
    let d = check_source(&read_fixture("schema-missing-field"), options());
    assert_eq!(d.len(), 1, "{}", listing(&d));
    assert_eq!((d[0].code, d[0].severity), (Code::Schema, Error));
    assert_message_has(&d[0], &["missing field `goal`"]);
    // Somewhere in step `resolve` (lines 39 to 41).
    assert!((39..=41).contains(&d[0].pos.line), "{}", listing(&d));
}

#[test]
fn a_missing_field_is_placed_at_the_mapping_that_lacks_it() {
    let d = assert_fixture("schema-missing-field", &[(Code::Schema, Error, 39, 5)]);
    assert_message_has(&d[0], &["missing field `goal` in `resolve`"]);
    assert_eq!(
        d[0].help.as_deref(),
        Some("add `goal:` to this entry; it is required")
    );
}

#[test]
fn a_field_written_twice_is_schema_at_the_second() {
    let text = clean_with(
        "    title: Resolve on the spot\n",
        "    title: Resolve on the spot\n    title: Resolve now\n",
    );
    let d = assert_text(&text, &[(Code::Schema, Error, 41, 5)]);
    assert_message_has(&d[0], &["duplicate", "`title`"]);
}

#[test]
fn a_negative_limit_is_schema_at_the_value() {
    let d = assert_text(
        &clean_with("may: { replace: 10 }", "may: { replace: -10 }"),
        &[(Code::Schema, Error, 21, 21)],
    );
    assert_message_has(&d[0], &["cannot be negative"]);
}

#[test]
fn an_empty_file_is_schema_saying_how_a_playbook_starts() {
    let d = assert_text("", &[(Code::Schema, Error, 1, 1)]);
    assert_message_has(&d[0], &["empty", "playbook: ID"]);
}

// ---------------------------------------------------------------------------
// `yaml-syntax` and the loader's limits

#[test]
fn a_mis_indented_key_is_yaml_syntax_not_a_missing_field() {
    let text = clean_with(
        "    at: [welcome]\n    check: mention\n",
        "    at: [welcome]\n   check: mention\n",
    );
    assert_text(&text, &[(Code::YamlSyntax, Error, 47, 4)]);
}

#[test]
fn a_tab_used_for_indentation_is_yaml_syntax_at_the_tab() {
    let text = clean_with("    check: avoid\n", "\tcheck: avoid\n");
    let d = assert_text(&text, &[(Code::YamlSyntax, Error, 51, 1)]);
    assert_message_has(&d[0], &["tab", "spaces"]);
}

#[test]
fn an_unclosed_flow_list_is_yaml_syntax() {
    let text = clean_with(
        "    phrases: [hello, hi, oh no]\n",
        "    phrases: [hello, hi, oh no\n",
    );
    let d = check_text(&text);
    assert_eq!(d.len(), 1, "{}", listing(&d));
    assert_eq!(d[0].code, Code::YamlSyntax);
    assert!(d[0].pos.is_known());
}

#[test]
fn two_documents_in_one_file_are_yaml_syntax() {
    let clean = read_fixture("clean").text;
    let d = check_text(&format!("{clean}---\n{clean}"));
    assert_eq!(
        d.iter().map(|d| d.code).collect::<Vec<_>>(),
        [Code::YamlSyntax],
        "{}",
        listing(&d)
    );
    assert_message_has(&d[0], &["more than one YAML document"]);
}

/// A loader error must read as a sentence, not as a Rust debug dump.
#[track_caller]
fn assert_plain_sentence(d: &Diagnostic) {
    for debug in ["Depth", "{ ", " }", "Budget", "Breach"] {
        assert!(
            !d.message.contains(debug),
            "message {:?} contains debug text {debug:?}",
            d.message
        );
    }
    assert!(!d.message.contains('\n'), "one line: {:?}", d.message);
}

/// How long refusing a hostile file may take. Generous, since tests run
/// unoptimised (the alias bomb takes about 3.7 s in a debug build and 0.4 s in
/// release); what it guards against is expanding 10^10 nodes or recursing 100
/// levels, which would take far longer or overflow the stack.
const QUICK: Duration = Duration::from_secs(30);

/// "Billion laughs": ten levels of ten aliases, 10^10 nodes once expanded.
fn alias_bomb() -> String {
    let mut lines = vec!["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]".to_owned()];
    for level in 1..10 {
        let refs = vec![format!("*a{}", level - 1); 10].join(", ");
        lines.push(format!("a{level}: &a{level} [{refs}]"));
    }
    lines.push("playbook: *a9".to_owned());
    lines.join("\n") + "\n"
}

#[test]
fn an_alias_bomb_is_refused_quickly_as_yaml_syntax() {
    let start = Instant::now();
    let d = check_text(&alias_bomb());
    assert!(start.elapsed() < QUICK, "took {:?}", start.elapsed());
    assert_eq!(d.len(), 1, "{}", listing(&d));
    assert_eq!((d[0].code, d[0].severity), (Code::YamlSyntax, Error));
    assert_message_has(&d[0], &["aliases"]);
    assert_plain_sentence(&d[0]);
}

#[test]
fn a_hundred_levels_of_flow_nesting_are_refused_quickly_as_yaml_syntax() {
    let text = format!("playbook: {}{}\n", "[".repeat(100), "]".repeat(100));
    let start = Instant::now();
    let d = check_text(&text);
    assert!(start.elapsed() < QUICK, "took {:?}", start.elapsed());
    assert_eq!(d.len(), 1, "{}", listing(&d));
    assert_eq!(
        (d[0].code, d[0].severity, d[0].pos.line),
        (Code::YamlSyntax, Error, 1)
    );
    assert_message_has(&d[0], &["nests more than 32 levels"]);
    assert_plain_sentence(&d[0]);
}

#[test]
fn a_hundred_levels_of_block_nesting_are_refused_quickly_as_yaml_syntax() {
    let text: String = (0..100)
        .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
        .chain(std::iter::once(format!("{}v\n", "  ".repeat(100))))
        .collect();
    let start = Instant::now();
    let d = check_text(&text);
    assert!(start.elapsed() < QUICK, "took {:?}", start.elapsed());
    assert_eq!(d.len(), 1, "{}", listing(&d));
    assert_eq!((d[0].code, d[0].severity), (Code::YamlSyntax, Error));
    assert_message_has(&d[0], &["nests more than 32 levels"]);
    assert_plain_sentence(&d[0]);
}

// ---------------------------------------------------------------------------
// Whatever the bytes, `check` answers with diagnostics, never a panic

fn proptest_config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        // Never write regression files into the source tree.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// One edit of a file: delete a byte, insert one, or delete a run of bytes.
#[derive(Clone, Debug)]
enum Edit {
    Delete(prop::sample::Index),
    Insert(prop::sample::Index, u8),
    DeleteRun(prop::sample::Index, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    // Bytes that mean something to YAML, and any byte at all.
    let byte = prop_oneof![
        prop::sample::select(b":-[]{}&*!|>'\"#%@` \t\n,?".to_vec()),
        any::<u8>(),
    ];
    prop_oneof![
        any::<prop::sample::Index>().prop_map(Edit::Delete),
        (any::<prop::sample::Index>(), byte).prop_map(|(i, b)| Edit::Insert(i, b)),
        (any::<prop::sample::Index>(), 1..40usize).prop_map(|(i, n)| Edit::DeleteRun(i, n)),
    ]
}

fn apply(bytes: &mut Vec<u8>, edit: &Edit) {
    match edit {
        Edit::Delete(i) if !bytes.is_empty() => {
            bytes.remove(i.index(bytes.len()));
        }
        Edit::Insert(i, b) => bytes.insert(i.index(bytes.len() + 1), *b),
        Edit::DeleteRun(i, n) if !bytes.is_empty() => {
            let start = i.index(bytes.len());
            let end = (start + n).min(bytes.len());
            bytes.drain(start..end);
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(proptest_config())]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let _ = check_text(&text);
    }

    #[test]
    fn yaml_looking_text_never_panics(text in "([a-z_]{1,8}: ?|- |[\\[\\]{}&*!|>'\",#]| {1,4}|\n|[0-9a-z ]{1,10}){0,60}") {
        let _ = check_text(&text);
    }

    #[test]
    fn a_mangled_clean_playbook_never_panics(edits in prop::collection::vec(edit(), 1..8)) {
        let mut bytes = read_fixture("clean").text.into_bytes();
        for edit in &edits {
            apply(&mut bytes, edit);
        }
        let text = String::from_utf8_lossy(&bytes);
        let diagnostics = check_text(&text);
        for d in &diagnostics {
            prop_assert!(!d.message.is_empty());
            prop_assert!(!d.message.contains("Depth {"), "debug text: {}", d.message);
        }
    }
}

#[test]
fn a_pattern_that_parses_but_is_too_large_to_build_is_invalid_pattern_too() {
    // `validate` refuses a playbook whose patterns cannot be built, so `check`
    // must not pass it.
    let text = clean_with(
        r"patterns: ['\bcosts?\b']",
        r"patterns: ['\bcosts?\b', '(?:\w{500}){20}']",
    );
    let d = assert_text(&text, &[(Code::InvalidPattern, Error, 53, 30)]);
    assert_message_has(&d[0], &["exceeds size limit"]);
}

// ---------------------------------------------------------------------------
// Every schema error of a file, in the author's words (issue 11, item 10)

fn fixture_arg(name: &str) -> String {
    fixture_path(name).to_string_lossy().into_owned()
}

/// `validate` loads the playbook: it refuses it (exit 2) naming the file,
/// line and column of the first problem, with its message.
#[track_caller]
fn assert_validate_refuses(name: &str, line: u32, column: u32, message: &str) {
    let path = fixture_arg(name);
    let out = ethos()
        .args(["validate", "--playbook", &path, "Hello"])
        .output()
        .expect("ethos runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    let expected = format!("{path}:{line}:{column}: {message}");
    assert!(
        stderr.contains(&expected),
        "stderr {stderr:?} should contain {expected:?}"
    );
}

#[test]
fn every_schema_error_of_a_file_is_reported_not_only_the_first() {
    let d = assert_fixture(
        "schema-every-error",
        &[
            (Code::Schema, Error, 37, 5),
            (Code::Schema, Error, 52, 12),
            (Code::Schema, Error, 61, 13),
            (Code::Schema, Error, 90, 34),
        ],
    );
    assert_eq!(
        d[0].message,
        "unknown field `titel`, expected one of `id`, `title`, `goal`, `values`"
    );
    assert_help(&d[0], "did you mean `title`?");
    assert_help(&d[1], "did you mean `avoid`?");
    assert_message_has(&d[2], &["`soon` is not a duration"]);
    assert_eq!(d[3].message, "expected an amount in USD, found `40 EUR`");
    assert_validate_refuses(
        "schema-every-error",
        37,
        5,
        "unknown field `titel`, expected one of `id`, `title`, `goal`, `values`",
    );
}

#[test]
fn two_bad_fields_of_one_rule_are_both_reported_as_whole_numbers_of_words() {
    let d = assert_fixture(
        "schema-whole-number",
        &[(Code::Schema, Error, 47, 16), (Code::Schema, Error, 48, 16)],
    );
    assert_eq!(
        d[0].message,
        "expected a whole number (words), found `fifteen`"
    );
    assert_eq!(
        d[1].message,
        "expected a whole number (words), found a list"
    );
    assert_validate_refuses(
        "schema-whole-number",
        47,
        16,
        "expected a whole number (words), found `fifteen`",
    );
}

#[test]
fn a_misspelt_field_is_not_also_reported_missing() {
    // `titel` for `title`: "did you mean", not also "missing field `title`".
    let text = clean_with("    title: Warm welcome\n", "    titel: Warm welcome\n");
    let d = assert_text(&text, &[(Code::Schema, Error, 36, 5)]);
    assert_help(&d[0], "did you mean `title`?");
}

#[test]
fn contacts_that_are_not_a_number_say_what_they_count() {
    let text = clean_with(
        "    role: barista\n",
        "    role: barista\n    contacts: two\n",
    );
    let d = assert_text(&text, &[(Code::Schema, Error, 67, 15)]);
    assert_eq!(
        d[0].message,
        "expected a whole number (contacts), found `two`"
    );
}

#[test]
fn a_decision_amount_with_a_currency_is_expected_in_the_action_s_unit() {
    let text = clean_with("action: { replace: 5 }", "action: { replace: 40 EUR }");
    let d = assert_text(&text, &[(Code::Schema, Error, 89, 34)]);
    assert_eq!(d[0].message, "expected an amount in USD, found `40 EUR`");
    assert_help(
        &d[0],
        "write the number alone, e.g. `40`: the unit is the action's `unit`",
    );
}

#[test]
fn an_escalation_amount_bound_with_a_currency_is_expected_in_the_action_s_unit() {
    let text = clean_with(
        "    when: { customer_says: [hurt, burnt] }\n",
        "    when: { action: refund, amount: { over: 40 EUR } }\n",
    );
    let d = assert_text(&text, &[(Code::Schema, Error, 58, 45)]);
    assert_eq!(d[0].message, "expected an amount in USD, found `40 EUR`");
}

#[test]
fn a_text_where_a_list_belongs_is_expected_a_list_like_a_b() {
    let text = clean_with("    values: [warmth]\n", "    values: warmth\n");
    let d = assert_text(&text, &[(Code::Schema, Error, 38, 13)]);
    assert_eq!(
        d[0].message,
        "expected a list, like `[a, b]` or lines starting with `- `, found `warmth`"
    );
}

#[test]
fn a_bad_wrong_reply_is_reported_without_a_knock_on_untested_rule() {
    // Before, a wrong reply that did not load left `no-money-talk` untested.
    let text = clean_with(
        "          - Who is going to pay for that?\n",
        "          - [Who is going to pay for that?]\n",
    );
    let d = assert_text(&text, &[(Code::Schema, Error, 75, 13)]);
    assert_eq!(d[0].message, "expected a text, found a list");
}

#[test]
fn a_full_width_comma_in_a_flow_list_is_yaml_syntax_saying_use_a_comma() {
    // Read as YAML, `[hello，hi, oh no]` is the phrases `hello，hi` and `oh
    // no`: a reply saying "hello" failed, reported as `model-fails` elsewhere.
    let d = assert_fixture(
        "yaml-full-width-comma",
        &[(Code::YamlSyntax, Error, 47, 20)],
    );
    assert_eq!(
        d[0].message,
        "a full-width comma `，` does not separate entries in YAML: write `,` and a space"
    );
    assert_help(
        &d[0],
        "if the full-width sign belongs to the text, put the text in quotes",
    );
    assert_validate_refuses(
        "yaml-full-width-comma",
        47,
        20,
        "a full-width comma `，` does not separate entries in YAML",
    );
}

#[test]
fn a_full_width_colon_after_a_key_is_yaml_syntax_saying_use_a_colon() {
    let d = assert_fixture(
        "yaml-full-width-colon",
        &[(Code::YamlSyntax, Error, 35, 10)],
    );
    assert_eq!(
        d[0].message,
        "a full-width colon `：` does not end a key in YAML: write `:` and a space"
    );
    assert_validate_refuses(
        "yaml-full-width-colon",
        35,
        10,
        "a full-width colon `：` does not end a key in YAML",
    );
}

#[test]
fn a_full_width_colon_in_a_flow_mapping_key_is_yaml_syntax_not_an_unknown_field() {
    let text = clean_with(
        "{ name: Sam, mood: embarrassed }",
        "{ name：Sam, mood: embarrassed }",
    );
    let d = assert_text(&text, &[(Code::YamlSyntax, Error, 67, 21)]);
    assert_message_has(&d[0], &["full-width colon"]);
}

#[test]
fn full_width_signs_in_quotes_and_in_values_are_text() {
    let quoted = clean_with("[hello, hi, oh no]", "[hello, hi, oh no, '您好，欢迎']");
    assert_text(&quoted, &[]);
    let value = clean_with(
        "    goal: Fix the problem yourself, now.\n",
        "    goal: 目标：当场解决，马上。\n",
    );
    assert_text(&value, &[]);
}

#[test]
fn a_key_indented_more_than_the_line_above_names_that_line() {
    let d = assert_fixture("yaml-indented-more", &[(Code::YamlSyntax, Error, 46, 7)]);
    assert_eq!(
        d[0].message,
        "this line is indented more than the one above (line 45): give the keys of one entry the same indentation"
    );
    assert_validate_refuses(
        "yaml-indented-more",
        46,
        7,
        "this line is indented more than the one above (line 45)",
    );
}

#[test]
fn a_key_indented_less_than_the_line_above_names_that_line() {
    let text = clean_with(
        "    at: [welcome]\n    check: mention\n",
        "    at: [welcome]\n   check: mention\n",
    );
    let d = assert_text(&text, &[(Code::YamlSyntax, Error, 47, 4)]);
    assert_message_has(
        &d[0],
        &["this line is indented less than the one above (line 46)"],
    );
}

#[test]
fn a_tab_in_the_indentation_says_indent_with_spaces() {
    let text = clean_with("    check: avoid\n", "\tcheck: avoid\n");
    let d = assert_text(&text, &[(Code::YamlSyntax, Error, 51, 1)]);
    assert_eq!(
        d[0].message,
        "this line is indented with a tab, which YAML does not allow: indent with spaces"
    );
}

// ---------------------------------------------------------------------------
// Files that are not playbooks (issue 11, item 8)

#[test]
fn a_file_that_is_not_utf8_is_placed_at_its_first_bad_byte() {
    let err = Source::read(&fixture_path("not-utf8")).expect_err("not UTF-8");
    let message = "the file is not UTF-8 text (byte 0xE9 here): save the playbook as UTF-8";
    assert!(
        err.to_string()
            .ends_with(&format!("not-utf8.yaml:3:30: {message}")),
        "{err}"
    );
    let path = fixture_arg("not-utf8");
    ethos()
        .args(["check", "--format", "json", &path])
        .assert()
        .code(1)
        .stdout(predicates::str::contains(
            "\"line\": 3,\n      \"column\": 30,",
        ))
        .stdout(predicates::str::contains(message));
    ethos()
        .args(["check", &path])
        .assert()
        .code(1)
        .stdout(predicates::str::contains("not-utf8.yaml:3:30"));
    assert_validate_refuses("not-utf8", 3, 30, message);
}

/// The lines of stderr that say `needle`.
fn lines_with(stderr: &[u8], needle: &str) -> usize {
    String::from_utf8_lossy(stderr)
        .lines()
        .map(|l| l.matches(needle).count())
        .sum()
}

#[cfg(target_os = "linux")]
#[test]
fn an_os_error_is_printed_once() {
    // /proc/self/mem is a regular file that cannot be read from its start.
    let out = ethos()
        .args(["validate", "--playbook", "/proc/self/mem", "Hello"])
        .output()
        .expect("ethos runs");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        lines_with(&out.stderr, "os error"),
        1,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_directory_as_playbook_is_refused_once_saying_what_to_give() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("playbook.yaml");
    std::fs::create_dir(&path).expect("a directory named like a playbook");
    let out = ethos()
        .args(["validate", "--playbook", &path.to_string_lossy(), "Hello"])
        .output()
        .expect("ethos runs");
    assert_eq!(out.status.code(), Some(2));
    let message = "is a directory, not a playbook file: give the path of a .yaml file";
    assert_eq!(
        lines_with(&out.stderr, message),
        1,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(lines_with(&out.stderr, "os error"), 0);
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_at_once_not_read_forever() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let fifo = dir.path().join("playbook.yaml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let fifo = fifo.to_string_lossy().into_owned();
    let message = "is not a regular file (a pipe, socket or device): save the playbook to a file and give its path";
    for args in [
        vec!["check", fifo.as_str()],
        vec!["validate", "--playbook", fifo.as_str(), "Hello"],
    ] {
        ethos()
            .args(&args)
            .timeout(Duration::from_secs(20))
            .assert()
            .code(2)
            .stderr(predicates::str::contains(format!("{fifo}: {message}")));
    }
}

#[test]
fn a_full_width_comma_that_breaks_a_flow_mapping_is_yaml_syntax_at_the_comma() {
    let text = clean_with(
        "{ name: Sam, mood: embarrassed }",
        "{ name: 山姆，mood: embarrassed }",
    );
    let d = assert_text(&text, &[(Code::YamlSyntax, Error, 67, 25)]);
    assert_message_has(&d[0], &["full-width comma"]);
}

// ---------------------------------------------------------------------------
// A diagnostic speaks the playbook's language: a Chinese author reads Chinese,
// a German one German; ids and YAML stay in backticks as the author wrote them.

/// `tests/fixtures/NAME.yaml` checked and rendered in a format, as `ethos
/// check --format FORMAT` prints it (colour off).
fn broken_report(name: &str, format: ethos::report::Format) -> String {
    use ethos::check::check_file;
    use ethos::report::{CheckReport, CheckedFile};
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(format!("{name}.yaml"));
    let mut source = Source::read(&path).unwrap();
    // The name as the CLI would print it from the repository root.
    source.name = format!("tests/fixtures/{name}.yaml");
    let checked = check_file(&source, options());
    let report = CheckReport {
        files: vec![CheckedFile {
            source,
            diagnostics: checked.diagnostics,
            words: checked.words,
        }],
        deny_warnings: false,
    };
    ethos::report::render(&report, format, false)
}

fn broken(name: &str) -> Vec<Diagnostic> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(format!("{name}.yaml"));
    check_source(&Source::read(&path).unwrap(), options())
}

/// The text of a message or help line outside its backticks: what we wrote,
/// not the author's ids or YAML to copy.
fn outside_backticks(text: &str) -> String {
    text.split('`').step_by(2).collect::<Vec<_>>().join(" ")
}

/// The words of the English diagnostics (`locales/en/check.ftl`, outside
/// code and placeables), lower-cased: what a German message must not say.
fn english_words() -> std::collections::BTreeSet<String> {
    let ftl = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/en/check.ftl"))
        .unwrap();
    let placeable = regex::Regex::new(r"\{[^}]*\}").unwrap();
    let word = regex::Regex::new(r"[A-Za-z]{2,}").unwrap();
    let mut words = std::collections::BTreeSet::new();
    for line in ftl.lines().filter(|l| !l.starts_with('#')) {
        let value = line.split_once(" = ").map_or(line, |(_, v)| v);
        let text = outside_backticks(&placeable.replace_all(value, " "));
        for w in word.find_iter(&text) {
            words.insert(w.as_str().to_lowercase());
        }
    }
    // Words German shares with English, spelt the same ("vor 1 Tag", "mit
    // dem Team", "eine positive Zahl").
    for german in [
        "in", "an", "also", "was", "so", "tag", "team", "text", "positive",
    ] {
        words.remove(german);
    }
    words
}

#[test]
fn a_broken_chinese_playbook_is_checked_in_chinese_human() {
    let text = broken_report("check-broken-zh", ethos::report::Format::Human);
    insta::assert_snapshot!("check_broken_zh_human", text);
    assert!(
        text.contains("错误[unknown-step]: 规则`热情问候`适用于步骤`解觉`，但没有定义这个步骤")
    );
    assert!(text.contains("= 提示: 您是不是想写`解决`？"));
    assert!(text.ends_with("检查未通过：共检查1个文件，发现11个错误和6个警告\n"));
}

#[test]
fn a_broken_chinese_playbook_is_checked_in_chinese_json() {
    let text = broken_report("check-broken-zh", ethos::report::Format::Json);
    insta::assert_snapshot!("check_broken_zh_json", text);
    // The contract's fields stay; the severity is a machine value in every language.
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let first = &doc["diagnostics"][0];
    assert_eq!(first["code"], "review-overdue");
    assert_eq!(first["severity"], "warning");
    assert_eq!(
        first["message"],
        "本服务手册应在2026年01月31日复审（已过期297天）"
    );
    assert_eq!(doc["summary"]["errors"], 11);
}

#[test]
fn a_broken_german_playbook_is_checked_in_german_human() {
    let text = broken_report("check-broken-de", ethos::report::Format::Human);
    insta::assert_snapshot!("check_broken_de_human", text);
    assert!(text.contains(
        "Fehler[unknown-step]: Die Regel `anrede` gilt im Schritt `lösen`, der nicht festgelegt ist"
    ));
    assert!(text.contains("= Hilfe: Meinten Sie `leitung`?"));
    assert!(text.ends_with("Prüfung nicht bestanden: 10 Fehler und 3 Warnungen in 1 Datei\n"));
}

#[test]
fn a_broken_german_playbook_is_checked_in_german_json() {
    let text = broken_report("check-broken-de", ethos::report::Format::Json);
    insta::assert_snapshot!("check_broken_de_json", text);
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let first = &doc["diagnostics"][0];
    assert_eq!(first["code"], "review-overdue");
    assert_eq!(first["severity"], "warning");
    assert_eq!(
        first["message"],
        "Der Leitfaden hätte am 23.11.2026 überprüft werden sollen (vor 1 Tag)"
    );
}

#[test]
fn chinese_diagnostics_have_no_english_words_outside_backticks() {
    let found = broken("check-broken-zh");
    assert!(found.len() >= 10, "{}", listing(&found));
    let latin = regex::Regex::new(r"[A-Za-z]{2,}").unwrap();
    for d in &found {
        for text in std::iter::once(&d.message).chain(&d.help) {
            let ours = outside_backticks(text);
            assert!(!latin.is_match(&ours), "English in {}: {text}", d.code);
            // Chinese punctuation around the ids, not ASCII.
            assert!(
                !ours.contains([',', ':', ';', '(', ')']),
                "{}: {text}",
                d.code
            );
        }
    }
}

#[test]
fn german_diagnostics_have_no_english_words_outside_backticks() {
    let found = broken("check-broken-de");
    assert!(found.len() >= 10, "{}", listing(&found));
    let english = english_words();
    assert!(english.contains("rule") && english.contains("which"));
    let word = regex::Regex::new(r"\p{L}{2,}").unwrap();
    for d in &found {
        for text in std::iter::once(&d.message).chain(&d.help) {
            for w in word.find_iter(&outside_backticks(text)) {
                assert!(
                    !english.contains(&w.as_str().to_lowercase()),
                    "English `{}` in {}: {text}",
                    w.as_str(),
                    d.code
                );
            }
        }
    }
}

#[test]
fn a_pattern_that_does_not_compile_is_explained_in_the_playbooks_language() {
    let path = |name: &str| {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(format!("{name}.yaml"))
    };
    let de = std::fs::read_to_string(path("check-broken-de"))
        .unwrap()
        .replace(
            "phrases: [beruhigen sie sich]",
            "patterns: ['(beruhigen sie sich']",
        );
    let d = check_text(&de);
    assert_eq!(
        the(&d, Code::InvalidPattern).message,
        "Das Muster `(beruhigen sie sich` der Regel `gruß` ist ungültig: Eine Klammer wird nicht geschlossen"
    );
    let zh = std::fs::read_to_string(path("check-broken-zh"))
        .unwrap()
        .replace("phrases: [自己负责]", "patterns: ['自己负责)']");
    let d = check_text(&zh);
    assert_eq!(
        the(&d, Code::InvalidPattern).message,
        "规则`不谈钱`的模式`自己负责)`无法编译：有右括号没有对应的左括号"
    );
}

#[test]
fn a_file_that_does_not_load_is_reported_in_the_language_it_states() {
    // No playbook, but its text still says `language: zh-CN`.
    let zh = read_fixture("unknown-step-zh")
        .text
        .replace("title: 热情欢迎", "titel: 热情欢迎");
    let d = check_text(&zh);
    assert_eq!(found(&d), [(Code::Schema, Error, 36, 5)], "{}", listing(&d));
    assert_help(&d[0], "您是不是想写`title`？");
    assert!(
        d[0].message.starts_with("未知字段`titel`"),
        "{}",
        d[0].message
    );
}

#[test]
fn the_machine_formats_label_help_and_severity_in_the_playbooks_language() {
    use ethos::report::Format;
    let github = broken_report("check-broken-zh", Format::Github);
    assert!(github.contains("%0A提示：您是不是想写`解决`？"), "{github}");
    // The annotation's title and the workflow command stay the protocol's.
    assert!(github.contains("title=ethos unknown-step::"), "{github}");
    assert!(github.ends_with("ethos check：共检查1个文件，发现11个错误和6个警告\n"));

    let junit = broken_report("check-broken-de", Format::Junit);
    assert!(
        junit.contains("message=\"10 Fehler und 3 Warnungen\""),
        "{junit}"
    );
    assert!(junit.contains(": Fehler[unknown-role]: Die Eskalationsregel `verletzung`"));
    assert!(junit.contains("\n  Hilfe: Meinten Sie `leitung`?"));

    let sarif: serde_json::Value =
        serde_json::from_str(&broken_report("check-broken-de", Format::Sarif)).unwrap();
    let rules = &sarif["runs"][0]["tool"]["driver"]["rules"];
    let unknown_step = rules
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "unknown-step")
        .unwrap();
    assert_eq!(
        unknown_step["shortDescription"]["text"],
        "Das `at` einer Regel oder der `step` einer Szene nennt keinen Schritt"
    );
    assert_eq!(sarif["runs"][0]["results"][0]["level"], "warning");
}

#[test]
fn a_clean_chinese_playbook_passes_in_chinese_and_mixed_languages_in_english() {
    ethos()
        .args(["check", "zh-hotel"])
        .assert()
        .code(0)
        .stdout("检查通过：共检查1个文件，没有发现问题\n");
    ethos()
        .args(["check", "zh-hotel", "hotel-a"])
        .assert()
        .code(0)
        .stdout("check passed: no problems in 2 files\n");
}

#[test]
fn a_condition_escalated_to_a_misspelt_role_is_unknown_role_even_nested() {
    let text = clean_with(
        "    when: { customer_says: [hurt, burnt] }\n",
        "    when: { customer_says: [hurt, burnt], any: [ { not: { escalated: manger } } ] }\n",
    );
    let d = assert_text(&text, &[(Code::UnknownRole, Error, 58, 70)]);
    assert_message_has(&d[0], &["`injury`", "`manger`", "`escalated`"]);
    assert_help(&d[0], "did you mean `manager`?");
    let text = clean_with(
        "    when: { customer_says: [hurt, burnt] }\n",
        "    when: { customer_says: [hurt, burnt], escalated: manager }\n",
    );
    assert_text(&text, &[]);
}

#[test]
fn rules_whose_fact_lists_and_bounds_cannot_both_hold_do_not_contradict() {
    // As above, with `facts.tier` one of a list against a value outside it,
    // and a number against bounds it is outside of: never both.
    for (warm, formal, facts) in [
        (
            "{ facts.tier: [silver, gold] }",
            "{ facts.tier: bronze }",
            "{ tier: gold }",
        ),
        (
            "{ facts.nights: { under: 3 } }",
            "{ facts.nights: 5 }",
            "{ nights: 1 }",
        ),
    ] {
        let text = edited(
            read_fixture("rule-contradiction").text,
            &[
                (
                    "    at: [welcome]\n    check: mention\n",
                    &format!("    at: [welcome]\n    when: {warm}\n    check: mention\n"),
                ),
                (
                    "  - id: formal-tone\n    check: avoid\n",
                    &format!("  - id: formal-tone\n    when: {formal}\n    check: avoid\n"),
                ),
                (
                    "    customer: { name: Sam, mood: embarrassed }\n",
                    &format!(
                        "    customer: {{ name: Sam, mood: embarrassed }}\n    facts: {facts}\n"
                    ),
                ),
            ],
        );
        assert_text(&text, &[(Code::UntestedRule, Warning, 56, 9)]);
    }
}
