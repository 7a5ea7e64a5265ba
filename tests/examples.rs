//! Rule `examples`, run by `check`: each example is judged by its rule alone,
//! at the rule's first step, in its `examples_context`.

use crate::support::{check_options, check_text, codes};
use ethos::check::{Diagnostic, check_source};
use ethos::playbook::Source;

fn check(name: &str) -> Vec<Diagnostic> {
    let path = format!("tests/fixtures/check/{name}.yaml");
    let source = Source::read(std::path::Path::new(&path)).expect("fixture reads");
    check_source(&source, check_options())
}

/// The `examples-clean` fixture with one edit.
fn clean_with(old: &str, new: &str) -> String {
    let text = std::fs::read_to_string("tests/fixtures/check/examples-clean.yaml").unwrap();
    assert!(text.contains(old), "fixture holds {old:?}");
    text.replacen(old, new, 1)
}

#[test]
fn a_pass_example_that_fails_its_rule_is_example_fails_at_the_example() {
    let d = check("example-fails");
    assert_eq!(codes(&d), ["example-fails"]);
    assert_eq!((d[0].pos.line, d[0].pos.column), (57, 11));
    assert!(d[0].message.contains("`no-money-talk`"), "{}", d[0].message);
    assert!(
        d[0].message.contains("“costs”"),
        "names the words: {}",
        d[0].message
    );
}

#[test]
fn a_fail_example_that_passes_its_rule_is_example_passes_at_the_example() {
    let d = check("example-passes");
    assert_eq!(codes(&d), ["example-passes"]);
    assert_eq!((d[0].pos.line, d[0].pos.column), (57, 11));
}

#[test]
fn an_example_of_a_rule_whose_when_does_not_hold_is_example_skipped_a_warning() {
    let d = check("example-skipped");
    assert_eq!(codes(&d), ["example-skipped"]);
    assert_eq!(d[0].severity, ethos::playbook::Severity::Warning);
}

#[test]
fn examples_context_makes_the_when_hold_so_the_example_is_judged() {
    let text = std::fs::read_to_string("tests/fixtures/check/example-skipped.yaml").unwrap();
    let text = text.replacen(
        "    message: Keep it short; the guest is waiting.\n",
        "    message: Keep it short; the guest is waiting.\n    examples_context: { facts.busy: true }\n",
        1,
    );
    assert_eq!(codes(&check_text(&text)), Vec::<&str>::new());
}

#[test]
fn examples_context_fills_placeholders_and_the_message_for_customer_says() {
    let text = clean_with(
        "  - id: brief\n",
        "  - id: use-name-when-hurt
    at: [resolve]
    check: mention
    phrases: [\"{customer.name}\"]
    when: { customer_says: [hurt] }
    examples_context: { customer.name: Sam, message: I think I am hurt }
    examples:
      pass: [\"Sam, let me get the manager.\"]
      fail: [Let me get the manager.]
  - id: brief\n",
    );
    assert_eq!(codes(&check_text(&text)), Vec::<&str>::new());
    // Without the message, the `when` does not hold: both examples are
    // skipped, and so nothing tests the rule.
    let unheard = text.replacen(", message: I think I am hurt", "", 1);
    assert_eq!(
        codes(&check_text(&unheard)),
        ["untested-rule", "example-skipped", "example-skipped"]
    );
}

#[test]
fn an_unknown_examples_context_key_is_schema_with_did_you_mean() {
    let text = clean_with(
        "    message: Keep it short; the guest is waiting.\n",
        "    message: Keep it short; the guest is waiting.\n    examples_context: { customer.nmae: Sam }\n",
    );
    let d = check_text(&text);
    assert_eq!(codes(&d), ["schema"]);
    assert!(
        d[0].message.contains("did you mean `customer.name`?"),
        "{}",
        d[0].message
    );
}

#[test]
fn a_fail_example_that_fails_the_rule_tests_it_for_untested_rule() {
    assert_eq!(codes(&check("examples-clean")), Vec::<&str>::new());
    // The fixture's `brief` rule is tested only by its example.
    let d = check("untested-rule");
    assert_eq!(codes(&d), ["untested-rule"]);
}

#[test]
fn examples_are_judged_at_the_first_step_of_the_rules_at() {
    // `warm-greeting` applies only at `welcome`; at any step it is its rule
    // alone that judges, so a reply other rules would fail still passes it.
    let text = clean_with(
        "    message: Open warmly.\n",
        "    message: Open warmly.\n    examples:\n      pass: [\"Hello, who is going to pay?\"]\n      fail: [Good day.]\n",
    );
    assert_eq!(codes(&check_text(&text)), Vec::<&str>::new());
}

/// An `echo` rule's examples name their key facts in `examples_context`
/// (`key_facts: "a, b"`, as `validate --set key_facts=...` takes them), so echo
/// rules can be pinned down like any other.
#[test]
fn an_echo_rules_examples_take_their_key_facts_from_examples_context() {
    let echo = "  - id: name-it\n    check: echo\n    min: 1\n    message: Name what happened.\n    examples_context: { key_facts: \"latte, towels\" }\n    examples:\n      pass: [\"Sorry about the latte.\"]\n      fail: [\"Sorry about that.\"]\n  - id: brief\n";
    let d = check_text(&clean_with("  - id: brief\n", echo));
    assert_eq!(codes(&d), Vec::<&str>::new(), "{d:?}");
    let wrong = echo.replace(
        "fail: [\"Sorry about that.\"]",
        "fail: [\"The towels are here.\"]",
    );
    let d = check_text(&clean_with("  - id: brief\n", &wrong));
    assert!(
        codes(&d).contains(&"example-passes"),
        "a named key fact passes: {d:?}"
    );
    let without = echo.replace(
        "    examples_context: { key_facts: \"latte, towels\" }\n",
        "",
    );
    let d = check_text(&clean_with("  - id: brief\n", &without));
    assert!(
        codes(&d).contains(&"example-skipped")
            && d.iter().any(|d| d.message.contains("no key facts")),
        "no key facts, the echo rule is skipped: {d:?}"
    );
}
