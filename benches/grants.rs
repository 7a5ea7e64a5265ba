//! Judging a reply that takes an action, against a role with one plain limit
//! and against the same role with ten conditional grants (issue 14: within
//! 10%). The grants' conditions are compiled once, with the engine; the ten
//! are tried in order and only the last holds, the worst case.

use criterion::{Criterion, criterion_group, criterion_main};
use ethos::engine::{Assessment, Context, Engine, Proposal};
use ethos::playbook::{Scalar, load};
use std::fmt::Write as _;

#[path = "support/synthetic.rs"]
mod synthetic;

/// The roles and the action, with the agent's `may` of `certificate`.
fn roles(may: &str) -> String {
    format!(
        "actions:\n  - {{id: certificate, title: Certificate, unit: USD}}\n\
         roles:\n  - id: agent\n    title: Agent\n    may:\n      certificate:{may}\n\
         \x20 - id: lead\n    title: Lead\n    may:\n      certificate: yes\n"
    )
}

/// The 100-rule playbook of the `judge` bench, with these roles.
fn hundred_rules(may: &str) -> String {
    synthetic::rules_playbook(100).replace("roles: [{id: agent, title: Agent}]\n", &roles(may))
}

/// A playbook of a dozen rules whose agent may grant `certificate` as `may`.
fn playbook(may: &str) -> String {
    let mut text = String::from(
        "playbook: bench\ntitle: Bench\ncompany: C\nphilosophy: {statement: S}\n\
         actions:\n  - {id: certificate, title: Certificate, unit: USD}\n\
         roles:\n  - id: agent\n    title: Agent\n    may:\n      certificate:",
    );
    text.push_str(may);
    text.push_str(
        "\n  - id: lead\n    title: Lead\n    may:\n      certificate: yes\n\
         steps:\n  - {id: solve, title: Solve, goal: G}\nrules:\n",
    );
    for i in 0..12 {
        let _ = writeln!(
            text,
            "  - {{id: r{i}, check: avoid, phrases: [word{i} one, word{i} two], message: M}}"
        );
    }
    text
}

fn ten_conditional_grants() -> String {
    let mut may = String::new();
    for i in 0..10 {
        let _ = write!(
            may,
            "\n        - {{ when: {{ facts.status: s{i}, facts.tier: [silver, gold] }}, up_to: 50, per: facts.passengers }}"
        );
    }
    may
}

fn judge_with_grants(c: &mut Criterion) {
    let plain = playbook(" 150");
    let conditional = playbook(&ten_conditional_grants());
    let reply = "I am so sorry about the delay; a travel certificate for the three of you \
                 is on its way to your email now, and it is valid for a year.";
    let proposal = Proposal {
        actions: vec![("certificate".to_owned(), 150.0)],
        escalate: None,
    };
    let mut group = c.benchmark_group("grants/judge");
    let cases = [
        ("12-rules/plain", plain, "solve", reply),
        ("12-rules/ten-conditional", conditional, "solve", reply),
        (
            "100-rules/plain",
            hundred_rules(" 150"),
            "reply",
            synthetic::REPLY_EN,
        ),
        (
            "100-rules/ten-conditional",
            hundred_rules(&ten_conditional_grants()),
            "reply",
            synthetic::REPLY_EN,
        ),
    ];
    for (name, text, step, reply) in cases {
        let pb = load::parse(&text).expect("the bench playbook loads");
        let engine = Engine::new(&pb).expect("compiles");
        let mut context = Context::at_step(&pb, step);
        context
            .facts
            .insert("status".into(), Scalar::Text("s9".into()));
        context
            .facts
            .insert("tier".into(), Scalar::Text("gold".into()));
        context.facts.insert("passengers".into(), Scalar::Int(3));
        // As `grade` judges a line: buffers reused, the policy asked.
        let mut into = Assessment::default();
        engine.grade_into(reply, &context, &proposal, &mut into);
        assert!(into.policy.is_empty(), "{name}: {:?}", into.policy);
        group.bench_function(name, |b| {
            b.iter(|| engine.grade_into(reply, &context, &proposal, &mut into));
        });
    }
    group.finish();
}

criterion_group!(benches, judge_with_grants);
criterion_main!(benches);
