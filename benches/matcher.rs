//! Compiling a playbook's phrases: the time of `Engine::new` for playbooks of
//! 10,000 and 20,000 phrases, to show it grows linearly (the phrase
//! automaton is a DFA only while it is small; see `engine::matcher`). Peak
//! memory is measured by `examples/matcher_memory.rs`, one process per size.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use ethos::engine::Engine;
use ethos::playbook::load;

#[path = "support/synthetic.rs"]
mod synthetic;

fn compile_phrases(c: &mut Criterion) {
    let mut group = c.benchmark_group("matcher/compile");
    group.sample_size(10);
    for phrases in [10_000, 20_000] {
        let text = synthetic::phrases_playbook(phrases);
        let playbook = load::parse(&text).expect("the bench playbook loads");
        group.throughput(Throughput::Elements(phrases as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{phrases}-phrases")),
            &playbook,
            |b, playbook| b.iter(|| Engine::new(playbook).expect("compiles")),
        );
    }
    group.finish();
}

criterion_group!(benches, compile_phrases);
criterion_main!(benches);
