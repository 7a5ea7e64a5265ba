//! What other people rely on: the list of diagnostic codes (CI configurations
//! name them), the README documenting each, and the bundled playbooks.

use std::collections::BTreeSet;
use std::fmt::Write;

use ethos::check::{CheckOptions, Code, check_source};
use ethos::playbook::{Severity, Source, bundled};

#[test]
fn the_list_of_codes_changes_only_on_purpose() {
    let mut listing = String::new();
    for c in Code::ALL {
        let (name, severity, description) = (c.as_str(), c.severity(), c.description());
        writeln!(listing, "{name:<32} {severity:<8} {description}").unwrap();
    }
    insta::assert_snapshot!("codes", listing);
}

#[test]
fn codes_are_unique_and_round_trip_by_name() {
    let names: BTreeSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(names.len(), Code::ALL.len());
    for code in Code::ALL {
        assert_eq!(Code::from_name(code.as_str()), Some(*code));
    }
}

#[test]
fn the_readme_documents_every_code_with_its_severity() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    for code in Code::ALL {
        let row = format!("| `{}` | {} |", code.as_str(), code.severity());
        assert!(readme.contains(&row), "README lacks the row `{row}`");
    }
}

#[test]
fn the_readme_starts_with_the_run_and_test_commands() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let top: String = readme.lines().take(6).collect::<Vec<_>>().join("\n");
    assert!(top.contains("cargo run --release --"), "{top}");
    assert!(top.contains("cargo test"), "{top}");
}

#[test]
fn every_file_in_playbooks_is_bundled_under_its_own_name() {
    let mut files: Vec<String> = std::fs::read_dir("playbooks")
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| {
            std::path::Path::new(n)
                .extension()
                .is_some_and(|e| e == "yaml")
        })
        .collect();
    files.sort();
    let mut ids: Vec<String> = bundled::BUNDLED
        .iter()
        .map(|b| format!("{}.yaml", b.id))
        .collect();
    ids.sort();
    assert_eq!(files, ids);
    for b in bundled::BUNDLED {
        let on_disk = std::fs::read_to_string(format!("playbooks/{}.yaml", b.id)).unwrap();
        assert_eq!(
            on_disk, b.text,
            "the binary carries {} as it is on disk",
            b.id
        );
    }
}

#[test]
fn every_bundled_playbook_checks_clean_with_warnings_denied() {
    let options = CheckOptions {
        today: "2026-11-24".parse().unwrap(),
    };
    for b in bundled::BUNDLED {
        let source = Source::bundled(b.id).unwrap();
        let found = check_source(&source, options);
        assert!(found.is_empty(), "{}: {found:#?}", b.id);
        assert!(found.iter().all(|d| d.severity != Severity::Error));
    }
}

#[test]
fn the_default_playbook_is_bundled() {
    assert!(bundled::find(bundled::DEFAULT_ID).is_some());
}
