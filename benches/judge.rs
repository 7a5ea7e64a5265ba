//! Judging one reply of ~300 bytes against a playbook of 100 rules: the
//! compiled engine (one automaton, one regex set), in full (`judge`: spans and
//! messages, as `validate` shows them) and fast (`assess`: verdict, score and
//! failed rules, as `check` and grading need), against the simplest honest
//! alternative, a loop over one case-insensitive regex per phrase.

use criterion::{Criterion, criterion_group, criterion_main};
use ethos::engine::{Context, Engine};
use ethos::playbook::load;
use regex::Regex;

#[path = "support/synthetic.rs"]
mod synthetic;

/// The alternative: every phrase and pattern its own regex, compiled once,
/// tried one after another on every reply.
struct RegexPerPhrase {
    rules: Vec<Vec<Regex>>,
}

impl RegexPerPhrase {
    fn new(playbook: &ethos::playbook::Playbook) -> Self {
        let rules = playbook
            .rules
            .iter()
            .map(|rule| {
                let phrases = rule
                    .phrases()
                    .iter()
                    .map(|p| format!(r"(?i)\b{}\b", regex::escape(p)));
                let swaps = rule
                    .swap
                    .iter()
                    .flat_map(|s| s.iter())
                    .map(|(k, _)| format!(r"(?i)\b{}\b", regex::escape(k)));
                let patterns = rule.patterns().iter().map(|p| format!("(?i){}", p.value));
                phrases
                    .chain(swaps)
                    .chain(patterns)
                    .map(|p| Regex::new(&p).expect("compiles"))
                    .collect()
            })
            .collect();
        RegexPerPhrase { rules }
    }

    /// How many rules found something: the work a rule engine must do at least.
    fn judge(&self, reply: &str) -> usize {
        self.rules
            .iter()
            .filter(|regexes| regexes.iter().any(|r| r.is_match(reply)))
            .count()
    }
}

fn judge_one_reply(c: &mut Criterion) {
    let text = synthetic::rules_playbook(100);
    let playbook = load::parse(&text).expect("the bench playbook loads");
    let engine = Engine::new(&playbook).expect("the bench playbook compiles");
    let naive = RegexPerPhrase::new(&playbook);
    let mut context = Context::at_step(&playbook, "reply");
    context.customer_name = Some("Dana".into());
    context.key_facts = vec!["coffee".into(), "towels".into(), "咖啡".into()];
    for (language, reply) in [("en", synthetic::REPLY_EN), ("zh", synthetic::REPLY_ZH)] {
        c.bench_function(&format!("judge/engine/100-rules/{language}"), |b| {
            b.iter(|| engine.judge(std::hint::black_box(reply), &context, None));
        });
        c.bench_function(&format!("judge/assess/100-rules/{language}"), |b| {
            b.iter(|| engine.assess(std::hint::black_box(reply), &context));
        });
        c.bench_function(
            &format!("judge/regex-per-phrase/100-rules/{language}"),
            |b| {
                b.iter(|| naive.judge(std::hint::black_box(reply)));
            },
        );
    }
}

criterion_group!(benches, judge_one_reply);
criterion_main!(benches);
