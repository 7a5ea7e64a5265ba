//! What many test modules share: the binary under test, and checking a
//! playbook text in the library.

use ethos::check::{CheckOptions, Diagnostic, check_source};
use ethos::playbook::{Date, Source};

/// The `ethos` binary, without colour so output compares as text, and in
/// English whatever the machine's locale (a test that wants another
/// language sets `ETHOS_LANG` again).
pub fn ethos() -> assert_cmd::Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("ethos");
    cmd.env("NO_COLOR", "1").env("ETHOS_LANG", "en");
    cmd
}

/// Check options on a fixed day before every fixture's review date.
pub fn check_options() -> CheckOptions {
    CheckOptions {
        today: "2026-01-01".parse::<Date>().expect("a date"),
    }
}

/// `check` of a playbook given as text (named `inline.yaml`).
pub fn check_text(text: &str) -> Vec<Diagnostic> {
    let source = Source {
        name: "inline.yaml".to_owned(),
        text: text.to_owned(),
    };
    check_source(&source, check_options())
}

/// The codes of diagnostics, in order.
pub fn codes(diagnostics: &[Diagnostic]) -> Vec<&'static str> {
    diagnostics.iter().map(|d| d.code.as_str()).collect()
}
