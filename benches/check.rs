//! Loading and checking playbooks: the bundled ones (what a manager feels on
//! every `ethos check`) and synthetic ones of growing size (to show check
//! grows linearly).

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use ethos::check::{CheckOptions, check_source};
use ethos::playbook::{Source, bundled};

#[path = "support/synthetic.rs"]
mod synthetic;

fn options() -> CheckOptions {
    CheckOptions {
        today: "2026-11-24".parse().expect("a date"),
    }
}

fn bundled_playbooks(c: &mut Criterion) {
    for b in bundled::BUNDLED {
        let source = Source::bundled(b.id).expect("bundled");
        c.bench_function(&format!("check/bundled/{}", b.id), |bench| {
            bench.iter(|| check_source(&source, options()));
        });
    }
}

fn synthetic_playbooks(c: &mut Criterion) {
    let mut group = c.benchmark_group("check/synthetic");
    group.sample_size(10);
    // (rules, scenarios): up to the size issue 11 names, 4,000 rules and
    // 1,000 scenarios of 10 beats (under 0.3 s on one core). Rules and
    // examples grow together, so linear time doubles with each row.
    for (rules, scenarios) in [(500, 125), (1000, 250), (2000, 500), (4000, 1000)] {
        let source = Source {
            name: "synthetic.yaml".into(),
            text: synthetic::playbook(rules, scenarios, 10),
        };
        assert!(
            check_source(&source, options())
                .iter()
                .all(|d| d.severity != ethos::playbook::Severity::Error),
            "the synthetic playbook checks without errors"
        );
        group.throughput(Throughput::Bytes(source.text.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{rules}-rules-{scenarios}-scenarios")),
            &source,
            |bench, source| bench.iter(|| check_source(source, options())),
        );
        // Loading alone (YAML to the model), to tell it from the checks.
        group.bench_with_input(
            BenchmarkId::new("load-only", format!("{rules}-rules-{scenarios}-scenarios")),
            &source,
            |bench, source| bench.iter(|| ethos::playbook::load::parse(&source.text)),
        );
    }
    group.finish();
}

/// Synthetic playbooks whose every rule also has its own `examples`, each
/// judged against its rule alone, at 1,000, 2,000 and 4,000 rules: the
/// throughput in rules per second stays the same when `check` is linear in
/// the playbook (every reply and example judged once, whatever the number
/// of rules that share its phrases).
fn synthetic_playbooks_with_examples(c: &mut Criterion) {
    let mut group = c.benchmark_group("check/synthetic-with-examples");
    group.sample_size(10);
    for (rules, scenarios) in [(1000, 250), (2000, 500), (4000, 1000)] {
        let source = Source {
            name: "synthetic.yaml".into(),
            text: synthetic::playbook_with_examples(rules, scenarios, 10),
        };
        assert!(
            check_source(&source, options()).is_empty(),
            "the synthetic playbook with examples checks clean"
        );
        group.throughput(Throughput::Elements(rules as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{rules}-rules-{scenarios}-scenarios")),
            &source,
            |bench, source| bench.iter(|| check_source(source, options())),
        );
    }
    group.finish();
}

criterion_group!(
    benches,
    bundled_playbooks,
    synthetic_playbooks,
    synthetic_playbooks_with_examples
);
criterion_main!(benches);
