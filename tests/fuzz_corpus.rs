//! The fuzz targets' seed corpus and saved regressions, replayed on stable.
//!
//! `fuzz/` needs nightly flags, CI does not have them; the targets' bodies are
//! `ethos::fuzzing::*`, so replaying every file of `fuzz/corpus/TARGET/` and
//! `fuzz/regressions/TARGET/` through them here keeps them alive and keeps
//! every crash the fuzzer found fixed.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use ethos::fuzzing::{TARGETS, Target};

/// Regressions whose bug is not fixed yet, with the bug: skipped by
/// [`every_regression_passes`], each replayed by its own `#[ignore]`d test
/// below. Remove an entry (and its test) when the bug is fixed.
const OPEN: &[&str] = &[];

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

fn target(name: &str) -> Target {
    TARGETS.iter().find(|(n, _)| *n == name).map_or_else(
        || panic!("no fuzz target `{name}` in ethos::fuzzing::TARGETS"),
        |(_, f)| *f,
    )
}

/// The files of `fuzz/KIND/TARGET/`, sorted; none if the folder is missing.
fn files(kind: &str, target: &str) -> Vec<PathBuf> {
    let dir = fuzz_dir().join(kind).join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("a readable folder").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Run every file of `fuzz/KIND/TARGET/` through the target, except those in
/// `skip`; fail naming every file that panicked. Returns how many ran.
fn replay(kind: &str, name: &str, skip: &[&str]) -> usize {
    let run = target(name);
    let mut failed = Vec::new();
    let mut count = 0;
    for path in files(kind, name) {
        let shown = format!("{name}/{}", path.file_name().unwrap().to_string_lossy());
        if skip.contains(&shown.as_str()) {
            continue;
        }
        let bytes = std::fs::read(&path).expect("a readable corpus file");
        if catch_unwind(AssertUnwindSafe(|| run(&bytes))).is_err() {
            failed.push(shown);
        }
        count += 1;
    }
    assert!(
        failed.is_empty(),
        "fuzz/{kind}: these inputs panic: {failed:?}"
    );
    count
}

/// Replay one regression (for the `#[ignore]`d tests of open bugs).
#[allow(dead_code)] // used only while a bug is open
fn replay_one(shown: &str) {
    let (name, file) = shown.split_once('/').expect("TARGET/FILE");
    let bytes = std::fs::read(fuzz_dir().join("regressions").join(name).join(file))
        .expect("a readable regression file");
    target(name)(&bytes);
}

#[test]
fn every_target_has_a_seed_corpus() {
    for (name, _) in TARGETS {
        assert!(
            !files("corpus", name).is_empty(),
            "fuzz/corpus/{name}/ is empty or missing"
        );
        assert!(
            fuzz_dir()
                .join("fuzz_targets")
                .join(format!("{name}.rs"))
                .is_file(),
            "fuzz/fuzz_targets/{name}.rs is missing"
        );
    }
}

/// A test per target, so they run in parallel: the corpus, then the
/// regressions that are not open.
macro_rules! replay_tests {
    ($($name:ident),* $(,)?) => {$(
        #[test]
        fn $name() {
            let name = stringify!($name);
            assert!(replay("corpus", name, &[]) > 0, "fuzz/corpus/{name}/ is empty");
            replay("regressions", name, OPEN);
        }
    )*};
}

replay_tests!(
    load_and_check,
    judge_reply,
    parse_grade_lines,
    render_documents,
    read_conversation,
    judge_conversation
);

#[test]
fn every_target_is_replayed_and_every_open_regression_exists() {
    let replayed = [
        "load_and_check",
        "judge_reply",
        "parse_grade_lines",
        "render_documents",
        "read_conversation",
        "judge_conversation",
    ];
    for (name, _) in TARGETS {
        assert!(replayed.contains(name), "add `{name}` to replay_tests!");
    }
    for open in OPEN {
        assert!(
            fuzz_dir().join("regressions").join(open).is_file(),
            "{open} is listed as open but is not in fuzz/regressions/"
        );
    }
}
