//! A synthetic playbook of any size, for benchmarks and timing the whole
//! process: every rule, scenario and beat is well-formed, so `check` has the
//! full work to do and nothing to stop early for.

use std::fmt::Write;

/// A playbook with `rules` rules and `scenarios` scenarios of `beats` beats.
pub fn playbook(rules: usize, scenarios: usize, beats: usize) -> String {
    let mut y = String::with_capacity(rules * 200 + scenarios * beats * 300);
    y.push_str(
        "playbook: synthetic\ntitle: Synthetic load\ncompany: Bench Inc\nreview_by: 2099-01-01\n\
         philosophy:\n  statement: Fix it on the spot.\n  values:\n    - {id: warmth, text: Be warm.}\n\
         roles:\n  - {id: agent, title: Agent, may: {refund: 50, replace: 30}}\n\
         \x20 - {id: lead, title: Team lead, may: {refund: 500, replace: 300}}\n\
         \x20 - {id: manager, title: Manager, may: {refund: yes, replace: yes}}\n\
         actions:\n  - {id: refund, title: Refund, unit: USD}\n  - {id: replace, title: Replace, unit: USD}\n\
         steps:\n",
    );
    let steps = ["welcome", "probe", "present", "listen", "end"];
    for step in steps {
        let _ = writeln!(
            y,
            "  - {{id: {step}, title: {step}, goal: Do the {step} well., values: [warmth]}}"
        );
    }
    y.push_str("rules:\n");
    for i in 0..rules {
        let step = steps[i % steps.len()];
        match i % 5 {
            0 => {
                let _ = writeln!(
                    y,
                    "  - {{id: r{i}, at: [{step}], check: mention, phrases: [hello {i}, good day {i}, welcome {i}]}}"
                );
            }
            1 => {
                let _ = writeln!(
                    y,
                    "  - {{id: r{i}, check: avoid, phrases: [calm down {i}], patterns: ['\\bnot my job {i}\\b']}}"
                );
            }
            2 => {
                let _ = writeln!(
                    y,
                    "  - {{id: r{i}, check: swap, swap: {{problem {i}: situation {i}}}}}"
                );
            }
            3 => {
                let _ = writeln!(
                    y,
                    "  - {{id: r{i}, at: [{step}], check: length, max_words: 80}}"
                );
            }
            _ => {
                let _ = writeln!(y, "  - {{id: r{i}, at: [{step}], check: echo, min: 1}}");
            }
        }
    }
    y.push_str(
        "escalation:\n  - {id: hurt, when: {customer_says: [hurt, injured]}, to: lead, within: 5m}\n\
         \x20 - {id: big-refund, when: {action: refund, amount: {over: 500}}, to: manager, within: 1d}\n\
         scenarios:\n",
    );
    for s in 0..scenarios {
        let _ = write!(
            y,
            "  - id: s{s}\n    title: Scenario {s}\n    situation: A guest needs help, case {s}.\n    \
             customer: {{name: Dana, mood: annoyed, tier: gold}}\n    facts: {{at_fault: false}}\n    beats:\n"
        );
        for b in 0..beats {
            let step = steps[b % steps.len()];
            let _ = write!(
                y,
                "      - id: b{b}\n        step: {step}\n        customer: My order {b} went wrong and I am upset.\n        \
                 key_facts: [order, upset]\n        model: Hello {b}, I am sorry your order went wrong; I will fix it now.\n        \
                 wrong: [Calm down {b}, it is not my job.]\n"
            );
            if b + 1 < beats {
                let _ = writeln!(
                    y,
                    "        next: {{pass: b{}, fail: b{}}}",
                    b + 1,
                    beats - 1
                );
            }
        }
    }
    y
}
