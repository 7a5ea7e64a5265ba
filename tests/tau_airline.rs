//! The bundled `tau-airline` playbook against the τ-bench runs labelled by
//! hand (issue 16, point 3): the 200 vendored runs are imported with their
//! booking database and graded; each finding is mapped to the clause of
//! `tests/tau_airline/CLAUSES.md` it breaks, and compared per run and clause
//! with `tests/tau_airline/labels.jsonl` (104 runs, labelled before any
//! playbook ran). Every disagreement is pinned, with its cause, in
//! `tests/tau_airline/disagreements.tsv`: a new one, or one that goes away,
//! fails the test, and so does agreement below the floor.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::{ethos, json_lines, tau_bench_result_file};

/// The least share of (run, clause) pairs on which ethos and the labels
/// agree, over the clauses the playbook checks. Measured: 1960 of 1976
/// (19 clauses × 104 runs, 99.2%).
const FLOOR: f64 = 0.985;

fn here() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

/// The clause ids of `CLAUSES.md`: its third-level headings, each an id in backticks.
fn clause_ids() -> BTreeSet<String> {
    std::fs::read_to_string(here().join("tau_airline/CLAUSES.md"))
        .unwrap()
        .lines()
        .filter_map(|l| l.strip_prefix("### `")?.strip_suffix('`'))
        .map(str::to_owned)
        .collect()
}

/// The procedure that judges part of a clause under another id: the
/// insurance half of `cancel-only-when-allowed` hears every customer
/// message, which the clause's own `only_when` cannot.
const PARTS: &[(&str, &str)] = &[("insured-reason-covered", "cancel-only-when-allowed")];

/// The clauses the playbook checks: its procedures named after a clause,
/// and `compensation-allowed` (the certificate grants).
fn checked(clauses: &BTreeSet<String>) -> BTreeSet<String> {
    let pb = ethos::playbook::load::parse(
        ethos::playbook::bundled::find("tau-airline")
            .expect("bundled")
            .text,
    )
    .unwrap();
    let mut checked: BTreeSet<String> = pb
        .procedures
        .iter()
        .map(|p| p.id.as_str().to_owned())
        .filter(|id| clauses.contains(id))
        .collect();
    checked.insert("compensation-allowed".to_owned());
    checked
}

/// The clauses a graded line breaks: procedure findings of severity error
/// by id, and a certificate over what a grant allows (or that no grant
/// allows) as `compensation-allowed`.
fn found(graded: &Value) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for f in graded["findings"].as_array().unwrap() {
        if f["kind"] == "procedure" && f["severity"] == "error" {
            let id = f["rule"].as_str().unwrap();
            let clause = PARTS.iter().find(|(p, _)| *p == id).map_or(id, |(_, c)| c);
            ids.insert(clause.to_owned());
        }
        if (f["code"] == "over-limit" || f["code"] == "forbidden-action")
            && f["action"] == "certificate"
        {
            ids.insert("compensation-allowed".to_owned());
        }
    }
    ids
}

/// The pinned disagreements: (run, clause, `fp`|`fn`) → cause.
fn pinned() -> BTreeMap<(String, String, String), String> {
    std::fs::read_to_string(here().join("tau_airline/disagreements.tsv"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 4, "run, clause, kind, cause: {l}");
            assert!(matches!(cols[2], "fp" | "fn"), "{l}");
            assert!(!cols[3].trim().is_empty(), "a cause: {l}");
            (
                (cols[0].to_owned(), cols[1].to_owned(), cols[2].to_owned()),
                cols[3].to_owned(),
            )
        })
        .collect()
}

/// The 200 runs imported with their booking database and graded with the
/// bundled playbook: each run's graded line.
fn graded_runs() -> Vec<Value> {
    let dir = tempfile::tempdir().unwrap();
    let file = tau_bench_result_file(dir.path());
    let imported = ethos()
        .args(["import", "tau-bench"])
        .arg(&file)
        .arg("--db")
        .arg(here().join("fixtures/tau-bench/db"))
        .output()
        .unwrap();
    assert_eq!(imported.status.code(), Some(0));
    let runs = dir.path().join("runs.jsonl");
    std::fs::write(&runs, &imported.stdout).unwrap();
    let graded = ethos()
        .args(["grade", "--playbook", "tau-airline"])
        .arg(&runs)
        .output()
        .unwrap();
    assert!(
        graded.status.success(),
        "{}",
        String::from_utf8_lossy(&graded.stderr)
    );
    json_lines(graded.stdout)
}

#[test]
fn ethos_agrees_with_the_hand_labels_per_run_and_clause_and_every_disagreement_has_its_cause() {
    let graded: BTreeMap<String, BTreeSet<String>> = graded_runs()
        .iter()
        .map(|v| (v["id"].as_str().unwrap().to_owned(), found(v)))
        .collect();
    assert_eq!(graded.len(), 200);

    let clauses = clause_ids();
    let checked = checked(&clauses);
    assert_eq!(checked.len(), 19, "{checked:?}");
    let labels: Vec<(String, BTreeSet<String>)> =
        std::fs::read_to_string(here().join("tau_airline/labels.jsonl"))
            .unwrap()
            .lines()
            .map(|l| {
                let v: Value = serde_json::from_str(l).unwrap();
                let broken = v["broken"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|b| b["clause"].as_str().unwrap().to_owned())
                    .collect();
                (v["id"].as_str().unwrap().to_owned(), broken)
            })
            .collect();
    assert_eq!(labels.len(), 104);

    // Per clause: tp, fp, fn, tn.
    let mut table: BTreeMap<&str, [u32; 4]> = BTreeMap::new();
    let mut disagreements = BTreeSet::new();
    for (run, wanted) in &labels {
        let got = &graded[run];
        for clause in &checked {
            let (w, g) = (wanted.contains(clause), got.contains(clause));
            let cell = match (w, g) {
                (true, true) => 0,
                (false, true) => 1,
                (true, false) => 2,
                (false, false) => 3,
            };
            table.entry(clause).or_default()[cell] += 1;
            if w != g {
                let kind = if g { "fp" } else { "fn" };
                disagreements.insert((run.clone(), clause.clone(), kind.to_owned()));
            }
        }
    }
    let mut shown = String::from("clause tp fp fn tn agreement\n");
    for (clause, [tp, fp, fn_, tn]) in &table {
        let agreement = f64::from(tp + tn) / f64::from(tp + fp + fn_ + tn);
        writeln!(shown, "{clause} {tp} {fp} {fn_} {tn} {agreement:.3}").unwrap();
    }

    let pinned = pinned();
    let new: Vec<_> = disagreements
        .iter()
        .filter(|d| !pinned.contains_key(*d))
        .collect();
    let gone: Vec<_> = pinned
        .keys()
        .filter(|d| !disagreements.contains(*d))
        .collect();
    assert!(
        new.is_empty() && gone.is_empty(),
        "disagreements not in disagreements.tsv: {new:?}\nlisted but gone: {gone:?}\n{shown}"
    );

    let cells = labels.len() * checked.len();
    #[allow(clippy::cast_precision_loss)] // a few thousand cells
    let agreement = (cells - disagreements.len()) as f64 / cells as f64;
    assert!(
        agreement >= FLOOR,
        "agreement {agreement:.3} below {FLOOR}\n{shown}"
    );
}

/// A graded run: whether it scored a success, and the clauses it breaks.
type Run = (bool, BTreeSet<String>);

/// The README's headline table ("Case study: τ-bench") is what ethos finds
/// on the 200 runs: the benchmark's successes that break the written
/// policy, and its failures with a policy reason, by clause. On a change,
/// the message holds the tables to paste.
#[test]
fn the_readme_headline_is_what_ethos_finds_on_the_200_runs() {
    // Each run: whether the benchmark scored it a success, and the clauses it breaks.
    let runs: Vec<Run> = graded_runs()
        .iter()
        .map(|v| (v["meta"]["reward"].as_f64() == Some(1.0), found(v)))
        .collect();
    let count = |f: &dyn Fn(&Run) -> bool| runs.iter().filter(|r| f(r)).count();
    let success = count(&|(ok, _)| *ok);
    let failed = runs.len() - success;
    let mut headline = String::from("| | runs |\n|---|---:|\n");
    writeln!(
        headline,
        "| τ-bench airline runs (gpt-4o) | {} |",
        runs.len()
    )
    .unwrap();
    writeln!(
        headline,
        "| scored a success (reward 1) by the benchmark | {success} |"
    )
    .unwrap();
    let broken = count(&|(ok, c)| *ok && !c.is_empty());
    writeln!(
        headline,
        "| … of which ethos finds breaking the written policy | **{broken}** |"
    )
    .unwrap();
    let reasoned = count(&|(ok, c)| !*ok && !c.is_empty());
    writeln!(headline, "| scored a failure (reward 0) | {failed} |").unwrap();
    writeln!(
        headline,
        "| … of which ethos finds a policy reason for | **{reasoned}** |"
    )
    .unwrap();

    let mut by_clause: BTreeMap<&str, [usize; 2]> = BTreeMap::new();
    for (ok, clauses) in &runs {
        for clause in clauses {
            by_clause.entry(clause).or_default()[usize::from(!*ok)] += 1;
        }
    }
    let mut rows: Vec<_> = by_clause.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut clauses = String::from("| clause | reward-1 runs | reward-0 runs |\n|---|---:|---:|\n");
    for (clause, [ok, failed]) in rows {
        writeln!(clauses, "| `{clause}` | {ok} | {failed} |").unwrap();
    }

    let readme = std::fs::read_to_string(here().join("../README.md")).unwrap();
    assert!(
        readme.contains(&headline) && readme.contains(&clauses),
        "README.md's case study should hold these tables:\n\n{headline}\n{clauses}"
    );
}
