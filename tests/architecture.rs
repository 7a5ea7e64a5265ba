//! The module graph flows one way: commands → {drill, render, report, check,
//! grade, calibrate} → words → engine → playbook → util. A module may name
//! only the modules its row below allows; anything else is an import against
//! the flow, and this test names the file and line.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each top-level module of the library and the modules it may use.
const ALLOWED: &[(&str, &[&str])] = &[
    ("util", &[]),
    ("io_error", &["util"]),
    ("playbook", &["util"]),
    // The conversation file format: its values are the playbook's.
    ("conversation", &["engine", "playbook", "util"]),
    ("engine", &["playbook", "util"]),
    // Importers write conversation lines from other tools' logs.
    ("import", &["util", "io_error"]),
    // The wording layer turns the engine's and the playbook's data into words.
    (
        "words",
        &["conversation", "import", "engine", "playbook", "util"],
    ),
    (
        "check",
        &["conversation", "words", "engine", "playbook", "util"],
    ),
    (
        "report",
        &[
            "check",
            "words",
            "conversation",
            "engine",
            "playbook",
            "util",
            "io_error",
        ],
    ),
    (
        "grade",
        &[
            "report",
            "words",
            "conversation",
            "engine",
            "playbook",
            "util",
            "io_error",
        ],
    ),
    (
        "render",
        &["words", "engine", "playbook", "util", "io_error"],
    ),
    (
        "drill",
        &[
            "conversation",
            "report",
            "words",
            "engine",
            "playbook",
            "util",
            "io_error",
        ],
    ),
    (
        "calibrate",
        &[
            "grade", "report", "words", "engine", "playbook", "util", "io_error",
        ],
    ),
    // The argument definitions name the formats and limits they offer, and
    // word why a value is refused.
    ("cli", &["report", "grade", "words", "playbook", "util"]),
    (
        "commands",
        &[
            "import",
            "cli",
            "exit",
            "calibrate",
            "conversation",
            "drill",
            "grade",
            "render",
            "report",
            "check",
            "words",
            "engine",
            "playbook",
            "util",
            "io_error",
        ],
    ),
    (
        "fuzzing",
        &[
            "conversation",
            "calibrate",
            "conversation",
            "drill",
            "grade",
            "render",
            "report",
            "check",
            "words",
            "engine",
            "playbook",
            "util",
        ],
    ),
    ("lib", &["cli", "commands", "exit"]),
    ("main", &[]),
];

/// Imports against the flow that issue 13 is still removing. Each must go;
/// the test fails if one is fixed and still listed, so the list only shrinks.
const NOT_YET: &[(&str, &str)] = &[];

/// The top-level module a source file belongs to.
fn module_of(path: &Path, src: &Path) -> String {
    let relative = path.strip_prefix(src).unwrap();
    let first = relative
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_owned()
}

/// Every `crate::NAME` a file's code (not its comments) names, with its line.
fn crate_paths(code: &str) -> Vec<(usize, String)> {
    let pattern = regex::Regex::new(r"\bcrate::([a-z_]+)").unwrap();
    let mut found = Vec::new();
    for (number, line) in code.lines().enumerate() {
        let code = line.split("//").next().unwrap_or_default();
        for capture in pattern.captures_iter(code) {
            found.push((number + 1, capture[1].to_owned()));
        }
    }
    found
}

#[test]
fn no_module_imports_against_the_flow() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let allowed: BTreeMap<&str, BTreeSet<&str>> = ALLOWED
        .iter()
        .map(|(m, uses)| (*m, uses.iter().copied().collect()))
        .collect();
    let mut against = Vec::new();
    let mut seen_not_yet = BTreeSet::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let module = module_of(entry.path(), &src);
        let Some(may_use) = allowed.get(module.as_str()) else {
            panic!("module `{module}` is not in ALLOWED: say where it sits in the flow");
        };
        let code = std::fs::read_to_string(entry.path()).unwrap();
        for (line, used) in crate_paths(&code) {
            if used == module || may_use.contains(used.as_str()) {
                continue;
            }
            if NOT_YET.contains(&(module.as_str(), used.as_str())) {
                seen_not_yet.insert((module.clone(), used));
                continue;
            }
            against.push(format!(
                "{}:{line}: {module} uses {used}",
                entry.path().display()
            ));
        }
    }
    assert!(
        against.is_empty(),
        "imports against the flow:\n{}",
        against.join("\n")
    );
    for (module, used) in NOT_YET {
        assert!(
            seen_not_yet.contains(&((*module).to_owned(), (*used).to_owned())),
            "{module} no longer uses {used}: remove it from NOT_YET"
        );
    }
}

#[test]
fn the_allowed_graph_has_no_cycle() {
    // Kahn's algorithm: a graph whose every module can be taken once all it
    // uses are taken is acyclic.
    let mut left: BTreeMap<&str, BTreeSet<&str>> = ALLOWED
        .iter()
        .map(|(m, uses)| (*m, uses.iter().copied().filter(|u| *u != "exit").collect()))
        .collect();
    while !left.is_empty() {
        let ready: Vec<&str> = left
            .iter()
            .filter(|(_, uses)| uses.iter().all(|u| !left.contains_key(u)))
            .map(|(m, _)| *m)
            .collect();
        assert!(
            !ready.is_empty(),
            "the allowed graph has a cycle among {:?}",
            left.keys()
        );
        for m in ready {
            left.remove(m);
        }
    }
}
