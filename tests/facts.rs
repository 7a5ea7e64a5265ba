//! The `facts:` declaration (issue 14, point 2): `unknown-fact` for a fact a
//! condition or placeholder names that no scenario sets and `facts:` does not
//! declare; `schema` for a value that does not fit a declared fact; and
//! `validate --set` refusing such a value.
//!
//! Each test edits `tests/fixtures/check/clean.yaml` (which checks clean).

use ethos::check::{Code, Diagnostic};
use ethos::playbook::{FactType, Severity, load};

use crate::support::{check_text, ethos};

fn clean() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/check/clean.yaml"
    ))
    .expect("clean.yaml")
}

/// `clean.yaml` with each edit (of a text that occurs once) made.
fn clean_with(edits: &[(&str, &str)]) -> String {
    let mut text = clean();
    for (old, new) in edits {
        assert_eq!(text.matches(old).count(), 1, "{old:?} occurs once");
        text = text.replace(old, new);
    }
    text
}

/// `clean.yaml` with these lines added at the end (a `facts:` list).
fn clean_and(edits: &[(&str, &str)], tail: &str) -> String {
    let mut text = clean_with(edits);
    text.push('\n');
    text.push_str(tail);
    text
}

const INJURY: &str = "    when: { customer_says: [hurt, burnt] }";
const ALLERGY: &str = "facts:\n  - { id: allergy, type: bool }\n";

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

/// The diagnostics of one code, with their lines and columns.
fn of_code(diagnostics: &[Diagnostic], code: Code) -> Vec<&Diagnostic> {
    diagnostics.iter().filter(|d| d.code == code).collect()
}

#[track_caller]
fn only(diagnostics: &[Diagnostic], code: Code) -> &Diagnostic {
    let found = of_code(diagnostics, code);
    assert_eq!(
        found.len(),
        1,
        "one `{code}` expected:\n{}",
        listing(diagnostics)
    );
    found[0]
}

#[track_caller]
fn place(d: &Diagnostic) -> (u32, u32) {
    (d.pos.line, d.pos.column)
}

#[test]
fn a_declared_fact_no_scenario_sets_is_known() {
    let text = clean_and(
        &[(
            INJURY,
            "    when: { customer_says: [hurt, burnt], facts.allergy: true }",
        )],
        ALLERGY,
    );
    let d = check_text(&text);
    assert!(d.is_empty(), "{}", listing(&d));
}

#[test]
fn a_fact_only_a_scenario_sets_is_known_without_a_declaration() {
    let text = clean_with(&[
        (
            INJURY,
            "    when: { customer_says: [hurt, burnt], facts.allergy: true }",
        ),
        (
            "    role: barista\n",
            "    role: barista\n    facts: { allergy: false }\n",
        ),
    ]);
    let d = check_text(&text);
    assert!(d.is_empty(), "{}", listing(&d));
}

#[test]
fn a_misspelt_fact_in_a_condition_is_unknown_fact_with_did_you_mean_at_its_key() {
    let text = clean_and(
        &[(
            INJURY,
            "    when: { customer_says: [hurt, burnt], facts.alergy: true }",
        )],
        ALLERGY,
    );
    let d = check_text(&text);
    assert_eq!(d.len(), 1, "{}", listing(&d));
    let unknown = only(&d, Code::UnknownFact);
    assert_eq!(unknown.severity, Severity::Warning);
    assert_eq!(place(unknown), (58, 43));
    assert_eq!(
        unknown.message,
        "the condition of `injury` names fact `alergy`, which no scenario sets and `facts:` does not declare"
    );
    assert_eq!(
        unknown.help.as_deref(),
        Some("did you mean `facts.allergy`?")
    );
}

#[test]
fn did_you_mean_also_offers_the_facts_scenarios_set() {
    let text = clean_with(&[
        (
            INJURY,
            "    when: { customer_says: [hurt, burnt], facts.alergy: true }",
        ),
        (
            "    role: barista\n",
            "    role: barista\n    facts: { allergy: false }\n",
        ),
    ]);
    let d = check_text(&text);
    let unknown = only(&d, Code::UnknownFact);
    assert_eq!(
        unknown.help.as_deref(),
        Some("did you mean `facts.allergy`?")
    );
}

#[test]
fn a_fact_nothing_is_close_to_is_to_be_declared_or_set() {
    let d = check_text(&clean_with(&[(
        INJURY,
        "    when: { customer_says: [hurt, burnt], facts.on_fire: true }",
    )]));
    let unknown = only(&d, Code::UnknownFact);
    assert_eq!(
        unknown.help.as_deref(),
        Some(
            "declare it in `facts:`, e.g. `- { id: on_fire, type: bool }`, or set it in a scenario's `facts`"
        )
    );
}

#[test]
fn a_misspelt_fact_nested_in_any_and_not_is_found_at_its_own_key() {
    let text = clean_and(
        &[(
            INJURY,
            "    when: { any: [ { customer_says: [hurt] }, { not: { facts.alergy: false } } ] }",
        )],
        ALLERGY,
    );
    let d = check_text(&text);
    let unknown = only(&d, Code::UnknownFact);
    // `    when: { any: [ { customer_says: [hurt] }, { not: { ` is 55 columns.
    assert_eq!(place(unknown), (58, 56));
    assert!(unknown.message.contains("`alergy`"), "{}", unknown.message);
}

#[test]
fn a_fact_named_twice_in_one_condition_is_reported_at_each_place() {
    let text = clean_and(
        &[(
            INJURY,
            "    when: { any: [ { facts.alergy: true }, { facts.alergy: false } ] }",
        )],
        ALLERGY,
    );
    let d = check_text(&text);
    let unknown: Vec<(u32, u32)> = of_code(&d, Code::UnknownFact)
        .into_iter()
        .map(place)
        .collect();
    assert_eq!(unknown, [(58, 22), (58, 46)], "{}", listing(&d));
}

#[test]
fn a_misspelt_fact_in_a_rules_when_is_unknown_fact() {
    let text = clean_and(
        &[(
            "    at: [welcome]\n    check: mention\n",
            "    at: [welcome]\n    when: { not: { facts.alergy: true } }\n    check: mention\n",
        )],
        ALLERGY,
    );
    let d = check_text(&text);
    let unknown = only(&d, Code::UnknownFact);
    assert_eq!(place(unknown), (47, 20));
    assert!(
        unknown.message.contains("`warm-greeting`"),
        "{}",
        unknown.message
    );
}

#[test]
fn a_misspelt_fact_in_a_placeholder_is_unknown_fact_at_the_phrase() {
    let text = clean_and(
        &[(
            "    phrases: [hello, hi, oh no]",
            "    phrases: [hello, hi, oh no, \"sorry about the {facts.alergy}\"]",
        )],
        ALLERGY,
    );
    let d = check_text(&text);
    let unknown = only(&d, Code::UnknownFact);
    assert_eq!(place(unknown), (48, 33));
    assert_eq!(
        unknown.message,
        "rule `warm-greeting` uses the placeholder `{facts.alergy}`, but no scenario sets fact `alergy` and `facts:` does not declare it"
    );
    assert_eq!(
        unknown.help.as_deref(),
        Some("did you mean `{facts.allergy}`?")
    );
    // `unbound-placeholder` still takes any `{facts.KEY}` as fillable.
    assert!(of_code(&d, Code::UnboundPlaceholder).is_empty());
}

#[test]
fn a_placeholder_of_a_declared_fact_is_no_unknown_fact() {
    let text = clean_and(
        &[(
            "    phrases: [hello, hi, oh no]",
            "    phrases: [hello, hi, oh no, \"sorry about the {facts.allergy}\"]",
        )],
        ALLERGY,
    );
    assert!(of_code(&check_text(&text), Code::UnknownFact).is_empty());
}

#[test]
fn a_scenario_fact_of_another_type_is_schema_at_its_value() {
    let text = clean_and(
        &[(
            "    role: barista\n",
            "    role: barista\n    facts: { cups: two }\n",
        )],
        "facts:\n  - { id: cups, type: number }\n",
    );
    let d = check_text(&text);
    assert_eq!(d.len(), 1, "{}", listing(&d));
    let schema = only(&d, Code::Schema);
    assert_eq!(place(schema), (67, 20));
    assert_eq!(
        schema.message,
        "scenario `spilt-latte` gives fact `cups` the value `two`, but `facts:` declares it a number (`type: number`)"
    );
    assert_eq!(
        schema.help.as_deref(),
        Some("write a number, such as `3` or `2.5`")
    );
}

#[test]
fn a_number_for_a_text_fact_is_schema_that_says_to_quote_it() {
    let text = clean_and(
        &[(
            "    role: barista\n",
            "    role: barista\n    facts: { table: 12 }\n",
        )],
        "facts:\n  - { id: table, type: text }\n",
    );
    let d = check_text(&text);
    let schema = only(&d, Code::Schema);
    assert_eq!(
        schema.help.as_deref(),
        Some("put it in quotes to make it a text: `\"12\"`")
    );
}

#[test]
fn a_scenario_fact_outside_its_values_is_schema_with_did_you_mean() {
    let text = clean_and(
        &[(
            "    role: barista\n",
            "    role: barista\n    facts: { drink: lattee }\n",
        )],
        "facts:\n  - { id: drink, type: text, values: [latte, espresso] }\n",
    );
    let d = check_text(&text);
    assert_eq!(d.len(), 1, "{}", listing(&d));
    let schema = only(&d, Code::Schema);
    assert_eq!(place(schema), (67, 21));
    assert_eq!(
        schema.message,
        "scenario `spilt-latte` gives fact `drink` the value `lattee`, which is not one of its `values`: `latte`, `espresso`"
    );
    assert_eq!(schema.help.as_deref(), Some("did you mean `latte`?"));
}

#[test]
fn a_scenario_fact_inside_its_values_is_accepted_and_numbers_compare_as_numbers() {
    let text = clean_and(
        &[(
            "    role: barista\n",
            "    role: barista\n    facts: { drink: latte, cups: 2.0 }\n",
        )],
        "facts:\n  - { id: drink, type: text, values: [latte, espresso] }\n  - { id: cups, type: number, values: [1, 2] }\n",
    );
    let d = check_text(&text);
    assert!(d.is_empty(), "{}", listing(&d));
}

#[test]
fn a_condition_comparing_a_fact_with_none_of_its_values_is_schema() {
    let text = clean_and(
        &[(
            INJURY,
            "    when: { customer_says: [hurt, burnt], facts.cabin: [economy, buisness] }",
        )],
        "facts:\n  - { id: cabin, type: text, values: [economy, business] }\n",
    );
    let d = check_text(&text);
    assert_eq!(d.len(), 1, "{}", listing(&d));
    let schema = only(&d, Code::Schema);
    assert_eq!(place(schema), (58, 43));
    assert_eq!(
        schema.message,
        "the condition of `injury` compares fact `cabin` with `buisness`, which is not one of its `values` (`economy`, `business`), so this can never hold"
    );
    assert_eq!(schema.help.as_deref(), Some("did you mean `business`?"));
}

#[test]
fn a_condition_comparing_a_fact_with_a_value_of_another_type_is_schema() {
    let text = clean_and(
        &[(
            INJURY,
            "    when: { customer_says: [hurt, burnt], facts.allergy: yes please }",
        )],
        ALLERGY,
    );
    let d = check_text(&text);
    let schema = only(&d, Code::Schema);
    assert!(
        schema
            .message
            .contains("but `facts:` declares it a truth value (`type: bool`)"),
        "{}",
        schema.message
    );
    assert_eq!(schema.help.as_deref(), Some("write `true` or `false`"));
}

#[test]
fn bounds_on_a_fact_that_is_not_a_number_are_schema() {
    let text = clean_and(
        &[(
            INJURY,
            "    when: { customer_says: [hurt, burnt], facts.allergy: { over: 1 } }",
        )],
        ALLERGY,
    );
    let d = check_text(&text);
    let schema = only(&d, Code::Schema);
    assert_eq!(place(schema), (58, 43));
    assert!(
        schema.message.contains("bounds hold only for a number"),
        "{}",
        schema.message
    );
}

#[test]
fn values_on_a_truth_value_and_values_of_another_type_are_schema() {
    let text = clean_and(
        &[],
        "facts:\n  - { id: allergy, type: bool, values: [true] }\n  - { id: cups, type: number, values: [1, two] }\n  - { id: drink, type: text, values: [] }\n",
    );
    let d = check_text(&text);
    let found: Vec<(Code, u32, u32)> = d
        .iter()
        .map(|d| (d.code, d.pos.line, d.pos.column))
        .collect();
    assert_eq!(
        found,
        [
            (Code::Schema, 95, 40),
            (Code::Schema, 96, 43),
            (Code::Schema, 97, 38),
        ],
        "{}",
        listing(&d)
    );
    assert_eq!(
        d[0].message,
        "fact `allergy` is a truth value: it is `true` or `false` and takes no `values`"
    );
    assert_eq!(
        d[1].message,
        "`two`, one of the `values` of fact `cups`, is not a number (`type: number`)"
    );
    assert_eq!(
        d[2].message,
        "fact `drink` lists no `values`, so no value fits it"
    );
}

#[test]
fn two_facts_with_one_id_are_duplicate_id() {
    let text = clean_and(
        &[],
        "facts:\n  - { id: allergy, type: bool }\n  - { id: allergy, type: text }\n",
    );
    let d = check_text(&text);
    let dup = only(&d, Code::DuplicateId);
    assert_eq!(place(dup), (96, 11));
    assert_eq!(dup.message, "there is already a fact with id `allergy`");
    assert_eq!(
        dup.help.as_deref(),
        Some("the first is at line 95; give each fact its own id")
    );
}

#[test]
fn a_fact_id_with_a_space_is_schema() {
    let text = clean_and(&[], "facts:\n  - { id: food allergy, type: bool }\n");
    let d = check_text(&text);
    let schema = only(&d, Code::Schema);
    assert_eq!(schema.message, "`food allergy` is not a valid id");
}

#[test]
fn a_misspelt_type_is_a_load_error_at_the_type() {
    let text = clean_and(&[], "facts:\n  - { id: allergy, type: boolean }\n");
    let e = load::parse(&text).expect_err("`boolean` is no type");
    assert_eq!((e.pos.line, e.pos.column), (95, 26));
    let d = check_text(&text);
    let schema = only(&d, Code::Schema);
    assert_eq!(place(schema), (95, 26));
    assert!(
        schema.message.contains("`boolean`") && schema.message.contains("`bool`"),
        "{}",
        schema.message
    );
    assert_eq!(
        schema.help.as_deref(),
        Some("write one of `bool`, `number`, `text`")
    );
}

#[test]
fn a_fact_without_a_type_is_a_load_error() {
    let text = clean_and(&[], "facts:\n  - { id: allergy }\n");
    let d = check_text(&text);
    let schema = only(&d, Code::Schema);
    assert!(schema.message.contains("`type`"), "{}", schema.message);
}

#[test]
fn fact_types_admit_their_own_values_only() {
    use ethos::playbook::Scalar;
    assert!(FactType::Bool.admits(&Scalar::Bool(true)));
    assert!(!FactType::Bool.admits(&Scalar::Text("true".into())));
    assert!(FactType::Number.admits(&Scalar::Int(3)));
    assert!(FactType::Number.admits(&Scalar::Float(2.5)));
    assert!(!FactType::Number.admits(&Scalar::Text("3".into())));
    assert!(FactType::Text.admits(&Scalar::Text("3".into())));
    assert!(!FactType::Text.admits(&Scalar::Int(3)));
}

// --- validate --set --------------------------------------------------------

fn write_playbook(dir: &tempfile::TempDir, tail: &str) -> std::path::PathBuf {
    let path = dir.path().join("cafe.yaml");
    std::fs::write(&path, clean_and(&[], tail)).expect("write");
    path
}

const CAFE_FACTS: &str = "facts:\n  - { id: cups, type: number }\n  - { id: table, type: text }\n  - { id: drink, type: text, values: [latte, espresso] }\n";

#[test]
fn set_with_a_value_of_another_type_than_the_declared_fact_exits_2_naming_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write_playbook(&dir, CAFE_FACTS);
    let out = ethos()
        .args(["validate", "--playbook"])
        .arg(&path)
        .args(["--step", "welcome", "--set", "facts.cups=two", "Hello!"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "`--set facts.cups=two`: `facts:` declares fact `cups` a number (`type: number`), and `two` is not one"
        ),
        "{stderr}"
    );
}

#[test]
fn set_with_a_value_outside_the_declared_values_exits_2_listing_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write_playbook(&dir, CAFE_FACTS);
    let out = ethos()
        .args(["validate", "--playbook"])
        .arg(&path)
        .args(["--step", "welcome", "--set", "facts.drink=mocha", "Hello!"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("`mocha` is not one of the `values` of fact `drink`: `latte`, `espresso`"),
        "{stderr}"
    );
}

#[test]
fn set_takes_a_declared_text_fact_as_written_and_a_number_as_a_number() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write_playbook(&dir, CAFE_FACTS);
    let out = ethos()
        .args(["validate", "--playbook"])
        .arg(&path)
        .args([
            "--step",
            "welcome",
            "--set",
            "facts.table=12",
            "--set",
            "facts.cups=2",
            "--set",
            "facts.drink=latte",
            "Hello!",
        ])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_grant_that_names_an_unknown_fact_in_its_when_or_per_is_unknown_fact() {
    let text = clean_and(
        &[(
            "    may: { replace: 10 }",
            "    may:\n      replace:\n        - { when: { facts.alergy: true }, up_to: 20, per: facts.guest }\n        - { up_to: 10 }",
        )],
        ALLERGY,
    );
    let d = check_text(&text);
    let unknown = of_code(&d, Code::UnknownFact);
    assert_eq!(unknown.len(), 2, "{}", listing(&d));
    assert_eq!(
        unknown[0].help.as_deref(),
        Some("did you mean `facts.allergy`?")
    );
    assert!(
        unknown[1].message.contains("per fact `guest`"),
        "{}",
        unknown[1].message
    );
    assert_eq!(place(unknown[1]), (23, 59));
}
